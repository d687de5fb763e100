//! RSS 2.0 and Atom feeds (through `feed-rs`): one article per item.
//!
//! Each item gives: its title (headline), `content:encoded`/`<content>` (the
//! body, through [`crate::html`]; else the summary), the summary as the dek when
//! there is content too, the link (base, and the id from its last path segment;
//! else from the title), published and updated dates, authors (`dc:creator`,
//! `<author>`), categories (tags) and a `media:content`/`media:thumbnail`/
//! `<enclosure>` image (the lead figure, with `media:description` and
//! `media:credit`). The feed gives the language and the source name (its title).
//! Ids are made unique within the feed (`-2`, `-3`, …).

use crate::{ImportError, Imported, author, collapse, html, new_article, non_empty, slug};
use broadsheet_core::article::{Figure, Image, Source};
use feed_rs::model::{Entry, Text};
use std::collections::HashSet;
use url::Url;

pub fn import(input: &str, base: Option<&Url>) -> Result<Imported, ImportError> {
    let feed = feed_rs::parser::Builder::new()
        .build()
        .parse(input.as_bytes())
        .map_err(|e| ImportError::new(format!("not an RSS or Atom feed: {e}")))?;
    let mut warnings = Vec::new();
    let mut articles = Vec::new();
    let mut ids = HashSet::new();
    let source = feed.title.as_ref().map(text_of).and_then(|t| non_empty(&t));
    for (i, entry) in feed.entries.iter().enumerate() {
        let mut item_warnings = Vec::new();
        let Some(mut article) = article_of(entry, base, &mut item_warnings) else {
            warnings.push(format!("item {}: skipped, it has no title", i + 1));
            continue;
        };
        let what = format!("item {} ({:?})", i + 1, article.meta.headline);
        warnings.extend(item_warnings.into_iter().map(|w| format!("{what}: {w}")));
        if article.meta.language.is_none() {
            article.meta.language.clone_from(&feed.language);
        }
        if let Some(name) = &source {
            article.meta.source = Some(Source {
                name: Some(name.clone()),
                syndicated: false,
            });
        }
        let id = article
            .meta
            .id
            .take()
            .unwrap_or_else(|| slug::id_for(&article.meta.headline));
        let mut unique = id.clone();
        let mut n = 1;
        while !ids.insert(unique.clone()) {
            n += 1;
            unique = format!("{id}-{n}");
        }
        article.meta.id = Some(unique);
        articles.push(article);
    }
    Ok(Imported { articles, warnings })
}

/// A text construct's words: HTML ones (Atom `type="html"`) as their text.
fn text_of(t: &Text) -> String {
    if t.content_type.to_string().contains("html") {
        html::plain_text(&t.content)
    } else {
        collapse(&t.content)
    }
}

fn article_of(
    entry: &Entry,
    base: Option<&Url>,
    warnings: &mut Vec<String>,
) -> Option<broadsheet_core::article::Article> {
    let headline = entry
        .title
        .as_ref()
        .map(text_of)
        .and_then(|t| non_empty(&t))?;
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .map(|l| l.href.clone())
        .filter(|l| Url::parse(l).is_ok());
    let own_base = link.as_deref().and_then(|l| Url::parse(l).ok());
    let base = base.or(own_base.as_ref());
    let is_html = |t: &Text| t.content_type.to_string().contains("html");
    let mut convert = |h: &str| {
        let converted = html::to_blocks(h, base);
        warnings.extend(converted.warnings);
        converted.blocks
    };
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .and_then(non_empty);
    let (blocks, dek) = match (content, entry.summary.as_ref()) {
        (Some(c), summary) => (convert(&c), summary.map(text_of)),
        (None, Some(s)) if is_html(s) => (convert(&s.content), None),
        (None, Some(s)) => (crate::jsonld::paragraphs(&s.content), None),
        (None, None) => (Vec::new(), None),
    };
    let mut article = new_article(headline, blocks);
    if article.body.is_empty() {
        warnings.push("no content and no summary: the body is empty".into());
    }
    let m = &mut article.meta;
    m.dek = dek.and_then(|d| non_empty(&d)).filter(|d| d != &m.headline);
    m.published = entry
        .published
        .or(entry.updated)
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    m.updated = entry
        .updated
        .filter(|u| entry.published.is_some_and(|p| p != *u))
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    m.language.clone_from(&entry.language);
    m.tags = entry
        .categories
        .iter()
        .filter_map(|c| non_empty(c.label.as_deref().unwrap_or(&c.term)))
        .collect();
    m.id = link.as_deref().and_then(slug::from_url);
    article.authors = entry
        .authors
        .iter()
        .filter_map(|p| author(p.name.as_deref(), p.uri.as_deref(), base))
        .collect();
    article.lead = lead(entry, base, warnings);
    Some(article)
}

/// The item's first image: a `media:content` (or enclosure) of an image type,
/// else a `media:thumbnail`.
fn lead(entry: &Entry, base: Option<&Url>, warnings: &mut Vec<String>) -> Option<Figure> {
    for media in &entry.media {
        let content = media.content.iter().find(|c| {
            c.url.is_some()
                && c.content_type
                    .as_ref()
                    .is_none_or(|t| t.to_string().starts_with("image/"))
        });
        let (url, width, height) = match content {
            Some(c) => (c.url.as_ref()?.to_string(), c.width, c.height),
            None => match media.thumbnails.first() {
                Some(t) => (t.image.uri.clone(), t.image.width, t.image.height),
                None => continue,
            },
        };
        let src = html::image_url(&url, base, warnings)?;
        let description = media
            .description
            .as_ref()
            .map(text_of)
            .and_then(|d| non_empty(&d));
        let (caption, caption_credit) =
            description.map_or((None, None), |d| html::split_credit(&d));
        let credit = media
            .credits
            .first()
            .and_then(|c| non_empty(&c.entity))
            .or(caption_credit);
        let alt = media.title.as_ref().map(text_of).unwrap_or_default();
        return Some(Figure {
            image: Some(Image {
                src,
                alt,
                width: width.filter(|w| *w > 0),
                height: height.filter(|h| *h > 0),
                srcset: Vec::new(),
            }),
            caption,
            credit,
        });
    }
    None
}
