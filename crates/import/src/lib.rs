//! Article JSON (format v1) from what publishers already have.
//!
//! One module per input format, each with `import(input, base) -> Result<Imported, ImportError>`:
//!
//! - [`text`]: scraped article text (headline, dek, "By …", paragraphs, photo rows).
//! - [`jsonld`]: schema.org `NewsArticle` JSON-LD, alone or in an HTML page.
//! - [`markdown`]: Markdown with YAML (`---`) or TOML (`+++`) front matter.
//! - [`wordpress`]: a WordPress REST API post, with or without `_embed`.
//! - [`feed`]: RSS 2.0 or Atom: one article per item.
//! - [`ans`]: an Arc XP ANS story.
//! - [`anf`]: an Apple News Format `article.json`.
//!
//! They share [`html`] (HTML → text, heading, quote and figure blocks, every URL
//! through the core's `url_policy`), `escape` (plain text → literal Markdown) and
//! [`slug`] (ids). [`import`] runs one of them, applies the command line's
//! [`Options`] and checks that what comes out reads back through
//! `broadsheet_core::article::parse` unchanged and without warnings.

pub mod anf;
pub mod ans;
mod escape;
pub mod feed;
pub mod html;
pub mod jsonld;
pub mod markdown;
pub mod options;
pub mod slug;
pub mod text;
pub mod wordpress;

use broadsheet_core::article::{self, Article, Meta};
use std::fmt;

pub use options::Options;

/// What an importer made: the articles (one; one per item for a feed) and what
/// it skipped on the way, each warning naming the thing skipped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    pub articles: Vec<Article>,
    pub warnings: Vec<String>,
}

/// Why an input could not be imported: what is wrong and, when known, where.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportError {
    pub message: String,
    /// A line, a JSON path or a field name.
    pub at: Option<String>,
}

impl ImportError {
    pub fn new(message: impl Into<String>) -> Self {
        ImportError {
            message: message.into(),
            at: None,
        }
    }

    pub fn at(at: impl Into<String>, message: impl Into<String>) -> Self {
        ImportError {
            message: message.into(),
            at: Some(at.into()),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.at {
            Some(at) => write!(f, "{at}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// The input formats, as the command line names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Jsonld,
    Markdown,
    Wordpress,
    Feed,
    Ans,
    Anf,
}

/// Imports `input` as `format`, then applies `options` (overrides, ids) to every
/// article and checks each one reads back as the viewer would read it.
pub fn import(format: Format, input: &str, options: &Options) -> Result<Imported, ImportError> {
    options.check()?;
    let base = options.base_url()?;
    let base = base.as_ref();
    let mut imported = match format {
        Format::Text => text::import(input, base),
        Format::Jsonld => jsonld::import(input, base),
        Format::Markdown => markdown::import(input, base),
        Format::Wordpress => wordpress::import(input, base),
        Format::Feed => feed::import(input, base),
        Format::Ans => ans::import(input, base),
        Format::Anf => anf::import(input, base),
    }?;
    if imported.articles.is_empty() {
        return Err(ImportError::new("there is no article in it"));
    }
    let several = imported.articles.len() > 1;
    for (i, article) in imported.articles.iter_mut().enumerate() {
        if article.meta.byline.is_none() {
            article.meta.byline = byline_of(&article.authors);
        }
        options.apply(article, several);
        let again = article::parse(&article::to_json(article))
            .map_err(|e| ImportError::new(format!("article {}: not valid: {e}", i + 1)))?;
        if let Some(warning) = again.warnings.first() {
            return Err(ImportError::new(format!(
                "article {}: not valid: {warning}",
                i + 1
            )));
        }
        *article = again.article;
    }
    Ok(imported)
}

/// An article with `headline` and `body` and nothing else yet.
pub(crate) fn new_article(headline: String, body: Vec<article::Block>) -> Article {
    Article {
        meta: Meta {
            version: "1.0".into(),
            id: None,
            language: None,
            section: None,
            kicker: None,
            headline,
            dek: None,
            byline: None,
            source: None,
            published: None,
            updated: None,
            tags: Vec::new(),
            corrections: Vec::new(),
        },
        authors: Vec::new(),
        lead: None,
        body,
        related: Vec::new(),
        comments: None,
    }
}

/// A JSON input (a byte-order mark allowed), or where it stops being JSON.
pub(crate) fn parse_json(input: &str) -> Result<serde_json::Value, ImportError> {
    serde_json::from_str(input.trim_start_matches('\u{feff}')).map_err(|e| {
        ImportError::at(
            format!("line {}, column {}", e.line(), e.column()),
            // serde_json ends its message with " at line L column C", said above.
            format!(
                "not valid JSON: {}",
                e.to_string()
                    .rsplit_once(" at line ")
                    .map_or(e.to_string(), |(m, _)| m.to_string())
            ),
        )
    })
}

/// A JSON string's trimmed text, when it has any.
pub(crate) fn json_text(v: &serde_json::Value) -> Option<String> {
    v.as_str().and_then(non_empty)
}

/// A JSON array's items; nothing for anything else.
pub(crate) fn json_list(v: &serde_json::Value) -> &[serde_json::Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

/// An image's width or height: a positive number, `"800"`/`"800px"`, or a
/// schema.org `QuantitativeValue` (`{"value": 800}`).
pub(crate) fn json_size(v: &serde_json::Value) -> Option<u32> {
    use serde_json::Value;
    match v {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().trim_end_matches("px").parse().ok(),
        Value::Object(q) => q.get("value").and_then(json_size),
        _ => None,
    }
    .filter(|n| *n > 0)
}

/// A JSON value that may be one thing or a list of them, as a list.
pub(crate) fn one_or_many(v: Option<&serde_json::Value>) -> Vec<&serde_json::Value> {
    match v {
        Some(serde_json::Value::Array(items)) => items.iter().collect(),
        Some(serde_json::Value::Null) | None => Vec::new(),
        Some(other) => vec![other],
    }
}

/// `s` trimmed, or `None` when nothing is left.
pub(crate) fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Every run of whitespace as one space, trimmed: text as a browser shows it.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An ISO 8601 date as the format takes it, or `None` with a warning naming
/// `field`. Accepts what the format accepts, plus an RFC 3339 date-time with
/// a space for the `T` written by databases.
pub(crate) fn date(field: &str, value: &str, warnings: &mut Vec<String>) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if article::is_iso8601(value) {
        return Some(value.to_string());
    }
    // "2024-05-30 07:00:00 +0100", as Jekyll writes it.
    if let Some((datetime, offset)) = value.rsplit_once(' ')
        && let [sign @ (b'+' | b'-'), h1, h2, m1, m2] = offset.as_bytes()
        && [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit())
    {
        let fixed = format!(
            "{}{}{}{}:{}{}",
            datetime.replacen(' ', "T", 1),
            *sign as char,
            *h1 as char,
            *h2 as char,
            *m1 as char,
            *m2 as char
        );
        if article::is_iso8601(&fixed) {
            return Some(fixed);
        }
    }
    warnings.push(format!(
        "{field}: {value:?} is not an ISO 8601 date; left out"
    ));
    None
}

/// Consecutive text blocks as one (formats that give a block per paragraph).
pub(crate) fn merge_text(blocks: Vec<article::Block>) -> Vec<article::Block> {
    let mut out: Vec<article::Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        match (out.last_mut(), block) {
            (Some(article::Block::Text { markdown: last }), article::Block::Text { markdown }) => {
                last.push_str("\n\n");
                last.push_str(&markdown);
            }
            (_, block) => out.push(block),
        }
    }
    out
}

/// `text` safe inside an HTML attribute value or element, for formats whose
/// parts are rebuilt as HTML and converted by [`html`].
pub(crate) fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An author: a name (none without one) and a URL resolved and through the policy.
pub(crate) fn author(
    name: Option<&str>,
    url: Option<&str>,
    base: Option<&url::Url>,
) -> Option<article::Author> {
    Some(article::Author {
        name: Some(collapse(name?)).filter(|n| !n.is_empty())?,
        url: url.and_then(|u| html::link_url(u, base)),
    })
}

/// The "By A and B" line for authors, when the input has no byline of its own.
pub(crate) fn byline_of(authors: &[article::Author]) -> Option<String> {
    let names: Vec<&str> = authors.iter().map(|a| a.name.as_str()).collect();
    match names.as_slice() {
        [] => None,
        [one] => Some(format!("By {one}")),
        [init @ .., last] => Some(format!("By {} and {last}", init.join(", "))),
    }
}
