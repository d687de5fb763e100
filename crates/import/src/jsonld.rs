//! schema.org JSON-LD: a `.json`/`.jsonld` file, or an HTML page holding
//! `<script type="application/ld+json">` (several scripts, arrays and `@graph`
//! are all looked through, and `{"@id": …}` references resolved).
//!
//! The first `NewsArticle`, `Article`, `BlogPosting`, `ReportageNewsArticle` (or
//! another article type) gives: `headline` (else `name`), `alternativeHeadline`
//! else `description` (dek), `author` (Person or Organization, one or many,
//! names or objects with `url`; the byline is made from them), `datePublished`,
//! `dateModified`, `articleSection`, `keywords` (comma-separated or a list),
//! `inLanguage`, `publisher.name` (source), `image` (a URL, a list or an
//! `ImageObject` with `caption`, `creditText`/`copyrightHolder`, `width`,
//! `height`: the lead figure). The body is `articleBody` (plain text,
//! paragraphs split at blank lines) or else the page's `<article>` (else
//! `<main>`) converted by [`crate::html`]. Relative URLs resolve against the
//! `--base`, else the page's canonical URL, else the article's `url`.

use crate::{
    ImportError, Imported, author, byline_of, collapse, date, escape, html, new_article, non_empty,
    slug,
};
use broadsheet_core::article::{Article, Block, Figure, Image, Source};
use scraper::{Html, Selector};
use serde_json::{Map, Value};
use std::collections::HashMap;
use url::Url;

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "AskPublicQuestionNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "SatiricalArticle",
    "TechArticle",
    "Report",
];

pub fn import(input: &str, base: Option<&Url>) -> Result<Imported, ImportError> {
    let trimmed = input.trim_start_matches('\u{feff}').trim_start();
    let mut warnings = Vec::new();
    let (values, page) = if trimmed.starts_with('{') || trimmed.starts_with('[') {
        let value = crate::parse_json(trimmed)?;
        (vec![value], None)
    } else {
        let page = Html::parse_document(input);
        let scripts = Selector::parse(r#"script[type="application/ld+json"]"#).expect("a selector");
        let mut values = Vec::new();
        for (i, script) in page.select(&scripts).enumerate() {
            let text: String = script.text().collect();
            match serde_json::from_str::<Value>(text.trim()) {
                Ok(v) => values.push(v),
                Err(e) => warnings.push(format!(
                    "JSON-LD script {}: skipped, not valid JSON ({e})",
                    i + 1
                )),
            }
        }
        (values, Some(page))
    };
    let nodes = flatten(&values);
    let ids: HashMap<&str, &Map<String, Value>> = nodes
        .iter()
        .filter_map(|n| Some((n.get("@id")?.as_str()?, *n)))
        .collect();
    let graph = Graph { ids };
    let Some(node) = nodes.iter().find(|n| is_article(n)) else {
        return Err(ImportError::new(format!(
            "no schema.org article (one of {}) in its JSON-LD",
            ARTICLE_TYPES[..4].join(", ")
        )));
    };
    let canonical = page.as_ref().and_then(canonical_of);
    let own_url = canonical
        .clone()
        .or_else(|| graph.str_of(node.get("url")))
        .or_else(|| {
            graph
                .str_of(node.get("mainEntityOfPage"))
                .filter(|u| u.starts_with("http"))
        });
    let own_base = own_url.as_deref().and_then(|u| Url::parse(u).ok());
    let base = base.or(own_base.as_ref());

    let headline = graph
        .str_of(node.get("headline"))
        .or_else(|| graph.str_of(node.get("name")))
        .map(|h| html::plain_text(&h))
        .and_then(|h| non_empty(&h))
        .ok_or_else(|| ImportError::at("headline", "the article has no headline"))?;

    let body = match graph.str_of(node.get("articleBody")) {
        Some(text) => paragraphs(&text),
        None => match &page {
            Some(page) => page_body(page, &headline, base, &mut warnings),
            None => Vec::new(),
        },
    };
    let mut article = new_article(headline, body);
    if article.body.is_empty() {
        warnings.push(
            "no articleBody and no <article> or <main> in the page: the body is empty".into(),
        );
    }
    let m = &mut article.meta;
    m.dek = graph
        .str_of(node.get("alternativeHeadline"))
        .or_else(|| graph.str_of(node.get("description")))
        .map(|d| html::plain_text(&d))
        .and_then(|d| non_empty(&d));
    m.published = graph
        .str_of(node.get("datePublished"))
        .and_then(|d| date("datePublished", &d, &mut warnings));
    m.updated = graph
        .str_of(node.get("dateModified"))
        .and_then(|d| date("dateModified", &d, &mut warnings));
    m.section = graph.list_of(node.get("articleSection")).into_iter().next();
    m.tags = graph
        .list_of(node.get("keywords"))
        .iter()
        .flat_map(|k| k.split(','))
        .filter_map(non_empty)
        .collect();
    m.language = match graph.object(node.get("inLanguage")) {
        Some(lang) => graph.str_of(lang.get("alternateName")),
        None => graph.str_of(node.get("inLanguage")),
    };
    m.source = graph
        .objects(node.get("publisher"))
        .first()
        .and_then(|p| graph.str_of(p.get("name")))
        .map(|name| Source {
            name: Some(name),
            syndicated: false,
        });
    article.authors = graph
        .objects_or_names(node.get("author"))
        .into_iter()
        .filter_map(|(name, url)| author(Some(&name), url.as_deref(), base))
        .collect();
    drop_repeated_byline(&mut article);
    article.lead = lead_of(&graph, node.get("image"), base, &mut warnings);
    article.meta.id = own_url.as_deref().and_then(slug::from_url);
    Ok(Imported {
        articles: vec![article],
        warnings,
    })
}

/// Plain text (an `articleBody`) as text blocks: a paragraph per blank-line
/// separated part, or per line when there is no blank line.
pub(crate) fn paragraphs(text: &str) -> Vec<Block> {
    let text = text.replace("\r\n", "\n");
    let parts: Vec<&str> = if text.contains("\n\n") {
        text.split("\n\n").collect()
    } else {
        text.split('\n').collect()
    };
    let paragraphs: Vec<String> = parts
        .into_iter()
        .map(escape::paragraph)
        .filter(|p| !p.is_empty())
        .collect();
    if paragraphs.is_empty() {
        return Vec::new();
    }
    vec![Block::Text {
        markdown: paragraphs.join("\n\n"),
    }]
}

/// The page's `<article>` (else `<main>`, else `<body>`) as blocks, without a
/// heading that repeats the headline.
fn page_body(
    page: &Html,
    headline: &str,
    base: Option<&Url>,
    warnings: &mut Vec<String>,
) -> Vec<Block> {
    let Some(root) = ["article", "main", "body"].iter().find_map(|s| {
        let selector = Selector::parse(s).expect("a selector");
        page.select(&selector).next()
    }) else {
        return Vec::new();
    };
    let mut blocks = html::element_to_blocks(root, base, warnings);
    blocks.retain(
        |b| !matches!(b, Block::Heading { text, .. } if collapse(text) == collapse(headline)),
    );
    blocks
}

/// A page's body often starts with the byline the metadata already gives.
fn drop_repeated_byline(article: &mut Article) {
    let Some(byline) = byline_of(&article.authors) else {
        return;
    };
    if let Some(Block::Text { markdown }) = article.body.first_mut() {
        let (first, rest) = markdown
            .split_once("\n\n")
            .unwrap_or((markdown.as_str(), ""));
        if first.eq_ignore_ascii_case(&escape::paragraph(&byline)) {
            *markdown = rest.to_string();
            if markdown.is_empty() {
                article.body.remove(0);
            }
        }
    }
}

/// `<link rel="canonical">`, else `<meta property="og:url">`.
fn canonical_of(page: &Html) -> Option<String> {
    let link = Selector::parse(r#"link[rel="canonical"]"#).expect("a selector");
    let og = Selector::parse(r#"meta[property="og:url"]"#).expect("a selector");
    page.select(&link)
        .find_map(|l| non_empty(l.value().attr("href")?))
        .or_else(|| {
            page.select(&og)
                .find_map(|m| non_empty(m.value().attr("content")?))
        })
        .filter(|u| Url::parse(u).is_ok())
}

fn lead_of<'a>(
    graph: &Graph<'a>,
    image: Option<&'a Value>,
    base: Option<&Url>,
    warnings: &mut Vec<String>,
) -> Option<Figure> {
    let first = match image? {
        Value::Array(items) => items.first()?,
        other => other,
    };
    let (src, object) = match first {
        Value::String(s) => (s.clone(), None),
        _ => {
            let o = graph.object(Some(first))?;
            (
                graph
                    .str_of(o.get("url"))
                    .or_else(|| graph.str_of(o.get("contentUrl")))?,
                Some(o),
            )
        }
    };
    let src = html::image_url(&src, base, warnings)?;
    let number = |key: &str| crate::json_size(object?.get(key)?);
    let text = |key: &str| {
        object
            .and_then(|o| graph.str_of(o.get(key)))
            .map(|t| html::plain_text(&t))
            .and_then(|t| non_empty(&t))
    };
    let holder = object.and_then(|o| {
        graph
            .objects_or_names(o.get("copyrightHolder"))
            .into_iter()
            .next()
            .map(|(n, _)| n)
    });
    let (caption, caption_credit) = match text("caption").or_else(|| text("description")) {
        Some(c) => html::split_credit(&c),
        None => (None, None),
    };
    let credit = text("creditText").or(holder).or(caption_credit);
    Some(Figure {
        image: Some(Image {
            src,
            alt: text("name").unwrap_or_default(),
            width: number("width"),
            height: number("height"),
            srcset: Vec::new(),
        }),
        caption,
        credit,
    })
}

/// Every JSON-LD node: top-level objects, array items and `@graph` members.
fn flatten(values: &[Value]) -> Vec<&Map<String, Value>> {
    let mut out = Vec::new();
    let mut stack: Vec<&Value> = values.iter().rev().collect();
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(o) => {
                out.push(o);
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
    out
}

fn is_article(node: &Map<String, Value>) -> bool {
    match node.get("@type") {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.trim_start_matches("schema:")),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .any(|t| ARTICLE_TYPES.contains(&t)),
        _ => false,
    }
}

/// The nodes by `@id`, to follow `{"@id": …}` references.
struct Graph<'a> {
    ids: HashMap<&'a str, &'a Map<String, Value>>,
}

impl<'a> Graph<'a> {
    /// An object, or the node it references when it is `{"@id": …}` alone (the
    /// first of a list).
    fn object(&self, v: Option<&'a Value>) -> Option<&'a Map<String, Value>> {
        match v? {
            Value::Object(o) => match o
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| self.ids.get(id))
            {
                Some(target) if o.len() == 1 => Some(*target),
                _ => Some(o),
            },
            Value::Array(items) => self.object(items.first()),
            _ => None,
        }
    }

    /// A string (the first of a list; an object's `@value`, `name` or `@id`).
    fn str_of(&self, v: Option<&'a Value>) -> Option<String> {
        match v? {
            Value::String(s) => non_empty(s),
            Value::Number(n) => Some(n.to_string()),
            Value::Array(items) => items.iter().find_map(|i| self.str_of(Some(i))),
            Value::Object(o) => self
                .str_of(o.get("@value"))
                .or_else(|| {
                    self.object(v).and_then(|o| {
                        self.str_of(o.get("name"))
                            .or_else(|| self.str_of(o.get("url")))
                    })
                })
                .or_else(|| self.str_of(o.get("@id"))),
            _ => None,
        }
    }

    /// Every string of a string or a list of them.
    fn list_of(&self, v: Option<&'a Value>) -> Vec<String> {
        crate::one_or_many(v)
            .into_iter()
            .filter_map(|i| self.str_of(Some(i)))
            .collect()
    }

    fn objects(&self, v: Option<&'a Value>) -> Vec<&'a Map<String, Value>> {
        crate::one_or_many(v)
            .into_iter()
            .filter_map(|i| self.object(Some(i)))
            .collect()
    }

    /// People or organisations: (name, url) of each, given as names or objects.
    fn objects_or_names(&self, v: Option<&'a Value>) -> Vec<(String, Option<String>)> {
        crate::one_or_many(v)
            .into_iter()
            .filter_map(|item| match item {
                Value::String(s) => Some((collapse(s), None)),
                _ => {
                    let o = self.object(Some(item))?;
                    Some((self.str_of(o.get("name"))?, self.str_of(o.get("url"))))
                }
            })
            .collect()
    }
}
