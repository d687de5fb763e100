//! Scraped article text, as a page's text is copied out of it:
//!
//! ```text
//! Headline
//! Dek (optional)
//! By Byline (optional)
//! A paragraph per line…
//! ![alt](src) |                 ← a photo row (src may be empty: no image)
//! Its caption |
//! | Photo by: Its credit |
//! …
//! Leave a comment               ← a trailing comments label (optional)
//! ```
//!
//! Paragraphs become text blocks (consecutive ones share a block), photo rows
//! figure blocks (a relative image resolved against `--base`). Every paragraph
//! is escaped: it is shown as written.

use crate::{ImportError, Imported, escape, html, new_article, non_empty};
use broadsheet_core::article::{Block, Comments, Figure, Image};
use url::Url;

/// The labels a scraped "comments" link has.
const COMMENT_LABELS: &[&str] = &[
    "leave a comment",
    "add a comment",
    "post a comment",
    "write a comment",
    "comments",
    "show comments",
    "view comments",
    "join the discussion",
    "join the conversation",
];

pub fn import(input: &str, base: Option<&Url>) -> Result<Imported, ImportError> {
    let mut warnings = Vec::new();
    let mut lines: Vec<(usize, &str)> = input
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let comments = match lines.last() {
        Some((_, last)) if COMMENT_LABELS.contains(&last.to_lowercase().as_str()) => {
            let label = last.to_string();
            lines.pop();
            Some(Comments { label, url: None })
        }
        _ => None,
    };
    let mut rest = lines.into_iter().peekable();
    let Some((_, headline)) = rest.next() else {
        return Err(ImportError::new("the file has no text"));
    };
    let is_byline = |l: &str| l.starts_with("By ") || l.starts_with("by ");
    let is_row = |l: &str| l.starts_with("![") || l.starts_with('|');
    let dek = rest
        .next_if(|(_, l)| !is_byline(l) && !is_row(l))
        .map(|(_, l)| l.to_string());
    let byline = rest
        .next_if(|(_, l)| is_byline(l))
        .map(|(_, l)| l.to_string());

    let mut body = Vec::new();
    let mut paragraphs: Vec<String> = Vec::new();
    while let Some((number, line)) = rest.next() {
        if let Some(image_row) = line.strip_prefix("![") {
            flush(&mut paragraphs, &mut body);
            let (alt, src) = image_row
                .trim_end_matches('|')
                .trim_end()
                .strip_suffix(')')
                .and_then(|r| r.split_once("]("))
                .ok_or_else(|| {
                    ImportError::at(
                        format!("line {number}"),
                        "a photo row is not written as ![alt](src) |",
                    )
                })?;
            let caption = rest
                .next_if(|(_, l)| l.ends_with('|') && !l.starts_with('|') && !l.starts_with("!["))
                .and_then(|(_, l)| non_empty(l.trim_end_matches('|')));
            let credit = rest
                .next_if(|(_, l)| l.starts_with('|'))
                .and_then(|(_, l)| credit_of(l.trim_matches('|')));
            let mut image_warnings = Vec::new();
            let image = html::image_url(src, base, &mut image_warnings).map(|src| Image {
                src,
                alt: alt.trim().to_string(),
                width: None,
                height: None,
                srcset: Vec::new(),
            });
            warnings.extend(
                image_warnings
                    .into_iter()
                    .map(|w| format!("line {number}: {w}")),
            );
            body.push(Block::Figure(Figure {
                image,
                caption,
                credit,
            }));
        } else if line.starts_with('|') {
            // A credit row without its photo row: keep its text.
            paragraphs.push(escape::paragraph(line.trim_matches('|')));
        } else {
            paragraphs.push(escape::paragraph(line));
        }
    }
    flush(&mut paragraphs, &mut body);
    let mut article = new_article(headline.to_string(), body);
    article.meta.dek = dek;
    article.meta.byline = byline;
    article.comments = comments;
    Ok(Imported {
        articles: vec![article],
        warnings,
    })
}

/// "Photo by: AP" → "AP"; other credit rows as they are.
fn credit_of(row: &str) -> Option<String> {
    html::split_credit(row).1.or_else(|| non_empty(row))
}

fn flush(paragraphs: &mut Vec<String>, body: &mut Vec<Block>) {
    paragraphs.retain(|p| !p.is_empty());
    if !paragraphs.is_empty() {
        body.push(Block::Text {
            markdown: paragraphs.join("\n\n"),
        });
        paragraphs.clear();
    }
}
