//! Markdown with front matter, as Hugo, Jekyll and Ghost exports write it.
//!
//! Front matter is YAML between `---` lines or TOML between `+++` lines:
//! `title`, `description`/`summary`/`excerpt`/`subtitle` (dek), `date`
//! (`publishDate`, `published`), `lastmod` (`updated`, `modified`,
//! `last_modified_at`), `author`/`authors` (a name, a list, or objects with
//! `name` and `url`), `tags` (else `categories`), `categories`/`section` (the
//! section), `image`/`cover`/`feature_image`/`featured_image` (the lead
//! figure; Hugo's `cover: {image, alt, caption}` too), `slug` (id), `lang`/
//! `language`, `canonical_url` (base).
//!
//! The body keeps its Markdown, split into blocks at the top level: `#`/`##`
//! headings become heading blocks, an image standing alone in its paragraph a
//! figure (its title the caption), an HTML block goes through
//! [`crate::html`]. Inline HTML tags are dropped and their text kept (as Hugo
//! does by default; `<br>` is a line break), links and
//! images whose URL the policy refuses keep only their text, and relative URLs
//! resolve against the base.

use crate::{ImportError, Imported, author, date, escape, html, new_article, non_empty};
use broadsheet_core::article::{Author, Block, Figure, Image};
use broadsheet_core::markdown::OPTIONS;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde_json::Value;
use std::ops::Range;
use url::Url;

pub fn import(input: &str, base: Option<&Url>) -> Result<Imported, ImportError> {
    let mut warnings = Vec::new();
    let (front, body) = front_matter(input)?;
    let get = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| front.get(*k).filter(|v| !v.is_null()))
    };
    let text = |keys: &[&str]| get(keys).and_then(string);
    let canonical =
        text(&["canonical_url", "canonicalURL", "canonical"]).filter(|u| Url::parse(u).is_ok());
    let own_base = canonical.as_deref().and_then(|u| Url::parse(u).ok());
    let base = base.or(own_base.as_ref());

    let mut blocks = body_blocks(body, base, &mut warnings);
    let title = text(&["title"])
        .map(|t| html::plain_text(&t))
        .and_then(|t| non_empty(&t));
    let headline = match title {
        Some(t) => t,
        None => match blocks
            .iter()
            .position(|b| matches!(b, Block::Heading { .. }))
        {
            Some(i) => match blocks.remove(i) {
                Block::Heading { text, .. } => text,
                _ => unreachable!(),
            },
            None => {
                return Err(ImportError::at(
                    "front matter",
                    "there is no title and no heading to use as one",
                ));
            }
        },
    };
    // The body often repeats the title as its first heading.
    if let Some(Block::Heading { text, .. }) = blocks.first()
        && *text == headline
    {
        blocks.remove(0);
    }
    let mut article = new_article(headline, blocks);
    let m = &mut article.meta;
    m.dek = text(&["description", "summary", "excerpt", "subtitle", "dek"])
        .map(|d| html::plain_text(&d))
        .and_then(|d| non_empty(&d));
    m.published = text(&[
        "date",
        "publishDate",
        "published",
        "pubDate",
        "published_at",
    ])
    .and_then(|d| date("date", &d, &mut warnings));
    m.updated = text(&[
        "lastmod",
        "updated",
        "modified",
        "last_modified_at",
        "updated_at",
    ])
    .and_then(|d| date("lastmod", &d, &mut warnings));
    m.tags = strings(get(&["tags", "keywords"]).or_else(|| get(&["categories"])));
    m.section = text(&["section"]).or_else(|| strings(get(&["categories"])).into_iter().next());
    m.language = text(&["lang", "language", "locale"]);
    m.id = text(&["slug"]);
    article.authors = people(get(&["authors", "author"]), base);
    article.lead = lead(
        get(&[
            "image",
            "cover",
            "feature_image",
            "featured_image",
            "images",
        ]),
        &front,
        base,
        &mut warnings,
    );
    if m.id.is_none() {
        m.id = canonical.as_deref().and_then(crate::slug::from_url);
    }
    Ok(Imported {
        articles: vec![article],
        warnings,
    })
}

/// The front matter as a JSON object (empty without one), and the body after it.
fn front_matter(input: &str) -> Result<(serde_json::Map<String, Value>, &str), ImportError> {
    let input = input.trim_start_matches('\u{feff}');
    for (fence, yaml) in [("---", true), ("+++", false)] {
        let Some(rest) = input
            .strip_prefix(fence)
            .and_then(|r| r.strip_prefix('\n').or_else(|| r.strip_prefix("\r\n")))
        else {
            continue;
        };
        let mut offset = 0;
        let end = rest.split_inclusive('\n').find_map(|line| {
            let at = offset;
            offset += line.len();
            (line.trim_end() == fence || (yaml && line.trim_end() == "...")).then_some((at, offset))
        });
        let Some((end, body_start)) = end else {
            return Err(ImportError::at(
                "line 1",
                format!("the front matter's {fence} is never closed"),
            ));
        };
        let text = &rest[..end];
        let value: Value = if yaml {
            serde_yaml_ng::from_str(text)
                .map_err(|e| ImportError::at("front matter", format!("not valid YAML: {e}")))?
        } else {
            let table: toml::Table = toml::from_str(text)
                .map_err(|e| ImportError::at("front matter", format!("not valid TOML: {e}")))?;
            toml_to_json(toml::Value::Table(table))
        };
        let map = match value {
            Value::Object(map) => map,
            Value::Null => serde_json::Map::new(),
            _ => return Err(ImportError::at("front matter", "expected keys and values")),
        };
        return Ok((map, &rest[body_start..]));
    }
    Ok((serde_json::Map::new(), input))
}

fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => non_empty(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A string or a list of strings, as a list.
fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(items)) => items.iter().filter_map(string).collect(),
        Some(Value::String(s)) => s.split(',').filter_map(non_empty).collect(),
        _ => Vec::new(),
    }
}

fn people(v: Option<&Value>, base: Option<&Url>) -> Vec<Author> {
    crate::one_or_many(v)
        .into_iter()
        .filter_map(|item| match item {
            Value::Object(o) => {
                let url = ["url", "link", "website"]
                    .iter()
                    .find_map(|k| o.get(*k).and_then(string));
                author(
                    o.get("name").and_then(string).as_deref(),
                    url.as_deref(),
                    base,
                )
            }
            other => author(string(other).as_deref(), None, base),
        })
        .collect()
}

fn lead(
    v: Option<&Value>,
    front: &serde_json::Map<String, Value>,
    base: Option<&Url>,
    warnings: &mut Vec<String>,
) -> Option<Figure> {
    let (src, alt, caption) = match v? {
        Value::Object(o) => (
            ["image", "src", "url"]
                .iter()
                .find_map(|k| o.get(*k).and_then(string))?,
            o.get("alt").and_then(string),
            o.get("caption").and_then(string),
        ),
        Value::Array(items) => (items.first().and_then(string)?, None, None),
        other => (string(other)?, None, None),
    };
    let alt = alt.or_else(|| {
        ["image_alt", "feature_image_alt"]
            .iter()
            .find_map(|k| front.get(*k).and_then(string))
    });
    let caption = caption.or_else(|| {
        ["image_caption", "feature_image_caption"]
            .iter()
            .find_map(|k| front.get(*k).and_then(string))
    });
    let (caption, credit) = match caption {
        Some(c) => html::split_credit(&html::plain_text(&c)),
        None => (None, None),
    };
    Some(Figure {
        image: Some(Image {
            src: html::image_url(&src, base, warnings)?,
            alt: alt.unwrap_or_default(),
            width: None,
            height: None,
            srcset: Vec::new(),
        }),
        caption,
        credit,
    })
}

/// The body's top-level blocks.
pub(crate) fn body_blocks(
    body: &str,
    base: Option<&Url>,
    warnings: &mut Vec<String>,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut text: Vec<String> = Vec::new();
    let flush = |text: &mut Vec<String>, blocks: &mut Vec<Block>| {
        if !text.is_empty() {
            blocks.push(Block::Text {
                markdown: text.join("\n\n"),
            });
            text.clear();
        }
    };
    let events: Vec<(Event, Range<usize>)> =
        Parser::new_ext(body, OPTIONS).into_offset_iter().collect();
    let mut i = 0;
    while i < events.len() {
        // One top-level block: from its start event to the matching end.
        let start = i;
        let mut depth = 0;
        loop {
            match events[i].0 {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                _ => {}
            }
            i += 1;
            if depth == 0 || i == events.len() {
                break;
            }
        }
        let block = &events[start..i];
        let range = block[0].1.clone();
        match &block[0].0 {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut text, &mut blocks);
                let words = plain(&block[1..]);
                if let Some(words) = non_empty(&words) {
                    blocks.push(Block::Heading {
                        text: words,
                        level: (*level as u8 + 1).clamp(2, 4),
                    });
                }
            }
            Event::Start(Tag::HtmlBlock) | Event::Html(_) => {
                let converted = html::to_blocks(&body[range], base);
                warnings.extend(converted.warnings);
                for b in converted.blocks {
                    match b {
                        Block::Text { markdown } => text.push(markdown),
                        other => {
                            flush(&mut text, &mut blocks);
                            blocks.push(other);
                        }
                    }
                }
            }
            Event::Start(Tag::Paragraph) if sole_image(block).is_some() => {
                flush(&mut text, &mut blocks);
                let (dest, title, alt) = sole_image(block).expect("checked");
                let (caption, credit) = html::split_credit(&title);
                let src = html::image_url(&dest, base, warnings);
                if src.is_some() || caption.is_some() {
                    blocks.push(Block::Figure(Figure {
                        image: src.map(|src| Image {
                            src,
                            alt,
                            width: None,
                            height: None,
                            srcset: Vec::new(),
                        }),
                        caption,
                        credit,
                    }));
                }
            }
            _ => {
                let md = rewrite(body, range, block, base, warnings);
                if !md.trim().is_empty() {
                    text.push(md.trim_end().to_string());
                }
            }
        }
    }
    flush(&mut text, &mut blocks);
    blocks
}

/// The text of inline events.
fn plain(events: &[(Event, Range<usize>)]) -> String {
    events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            Event::SoftBreak | Event::HardBreak => Some(" "),
            _ => None,
        })
        .collect()
}

/// (destination, title, alt) of a paragraph that is one image and nothing else.
fn sole_image(block: &[(Event, Range<usize>)]) -> Option<(String, String, String)> {
    let inner = &block[1..block.len().saturating_sub(1)];
    match inner.first() {
        Some((
            Event::Start(Tag::Image {
                dest_url, title, ..
            }),
            _,
        )) if matches!(inner.last(), Some((Event::End(TagEnd::Image), _))) => {
            let nested = inner[1..inner.len() - 1]
                .iter()
                .any(|(e, _)| matches!(e, Event::Start(Tag::Image { .. })));
            (!nested).then(|| {
                (
                    dest_url.to_string(),
                    title.to_string(),
                    crate::collapse(&plain(&inner[1..inner.len() - 1])),
                )
            })
        }
        _ => None,
    }
}

/// The source of one block with inline HTML escaped, and links and images
/// whose URL must change (resolved, or refused: then only their text stays)
/// rewritten.
fn rewrite(
    body: &str,
    range: Range<usize>,
    block: &[(Event, Range<usize>)],
    base: Option<&Url>,
    warnings: &mut Vec<String>,
) -> String {
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut open: Vec<(usize, bool, String, Range<usize>)> = Vec::new();
    for (n, (event, r)) in block.iter().enumerate() {
        match event {
            // Tags dropped, their text kept (as Hugo does by default); a <br> a line break.
            Event::InlineHtml(h) => {
                let tag = h.trim().to_ascii_lowercase();
                let br = tag.starts_with("<br")
                    && !tag
                        .chars()
                        .nth(3)
                        .is_some_and(|c| c.is_ascii_alphanumeric());
                edits.push((r.clone(), if br { "\\\n".into() } else { String::new() }));
            }
            Event::Html(h) => edits.push((r.clone(), escape::inline(h))),
            Event::Start(Tag::Link { dest_url, .. }) => {
                open.push((n, false, dest_url.to_string(), r.clone()))
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                open.push((n, true, dest_url.to_string(), r.clone()))
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                let Some((first, image, dest, whole)) = open.pop() else {
                    continue;
                };
                let inner = match (
                    block.get(first + 1),
                    n.checked_sub(1).and_then(|l| block.get(l)),
                ) {
                    (Some((_, a)), Some((_, b))) if first + 1 < n => &body[a.start..b.end],
                    _ => "",
                };
                let url = if image {
                    html::image_url(&dest, base, warnings)
                } else {
                    let url = html::link_url(&dest, base);
                    if url.is_none() {
                        warnings.push(format!("link {dest:?} removed, its text kept: not an http(s), mailto or relative URL"));
                    }
                    url
                };
                let replacement = match url {
                    Some(u) if u == dest => continue,
                    Some(u) if image => format!("![{inner}]({})", escape::destination(&u)),
                    Some(u) => format!("[{inner}]({})", escape::destination(&u)),
                    None => inner.to_string(),
                };
                edits.push((whole, replacement));
            }
            _ => {}
        }
    }
    // Outer edits win over the ones inside them.
    edits.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut out = String::new();
    let mut at = range.start;
    for (r, replacement) in edits {
        if r.start < at {
            continue;
        }
        out.push_str(&body[at..r.start]);
        out.push_str(&replacement);
        at = r.end;
    }
    out.push_str(&body[at..range.end]);
    out
}
