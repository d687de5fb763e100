//! A WordPress REST API post (`/wp-json/wp/v2/posts/<id>`), with or without
//! `?_embed`.
//!
//! `title.rendered` (headline), `excerpt.rendered` (dek, as plain text without
//! its "Continue reading" or "[…]"), `date_gmt`/`modified_gmt` (ISO with `Z`;
//! `date`/`modified` as written when there is no GMT one), `link` (base, and the
//! id when there is no `slug`), `slug` (id), `content.rendered` (the Gutenberg
//! HTML, through [`crate::html`]: image, gallery, table, quote and pullquote
//! blocks; embeds dropped with a warning, their link kept). From `_embedded`:
//! `author` (name, link), `wp:featuredmedia` (the lead figure: `source_url`,
//! `alt_text`, `caption.rendered`, `media_details` width, height and sizes as
//! the srcset) and `wp:term` (categories: the first is the section; tags).

use crate::{ImportError, Imported, author, date, html, new_article, non_empty};
use broadsheet_core::article::{Figure, Image, SrcsetEntry};
use serde_json::Value;
use url::Url;

pub fn import(input: &str, base: Option<&Url>) -> Result<Imported, ImportError> {
    let post: Value = crate::parse_json(input)?;
    // A list of posts (/wp/v2/posts) holds the one wanted first.
    let post = match &post {
        Value::Array(items) => items
            .first()
            .ok_or_else(|| ImportError::new("the list of posts is empty"))?,
        other => other,
    };
    if !post.is_object() {
        return Err(ImportError::new("expected a post (a JSON object)"));
    }
    let mut warnings = Vec::new();
    let text = crate::json_text;
    let rendered = |key: &str| {
        post[key]["rendered"]
            .as_str()
            .or_else(|| post[key].as_str())
            .and_then(non_empty)
    };

    let link = text(&post["link"]).filter(|l| Url::parse(l).is_ok());
    let own_base = link.as_deref().and_then(|l| Url::parse(l).ok());
    let base = base.or(own_base.as_ref());

    let headline = rendered("title")
        .map(|t| html::plain_text(&t))
        .and_then(|t| non_empty(&t))
        .ok_or_else(|| ImportError::at("title.rendered", "the post has no title"))?;
    let content = rendered("content").unwrap_or_default();
    let converted = html::to_blocks(&content, base);
    warnings.extend(converted.warnings);
    let mut article = new_article(headline, converted.blocks);
    let m = &mut article.meta;
    m.dek = rendered("excerpt")
        .map(|e| excerpt(&e))
        .and_then(|e| non_empty(&e));
    m.published = gmt(post, "date", &mut warnings);
    m.updated = gmt(post, "modified", &mut warnings).filter(|u| Some(u) != m.published.as_ref());
    m.id = text(&post["slug"]).or_else(|| link.as_deref().and_then(crate::slug::from_url));

    let embedded = &post["_embedded"];
    article.authors = embedded["author"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| author(a["name"].as_str(), a["link"].as_str(), base))
        .collect();
    for taxonomy in embedded["wp:term"].as_array().into_iter().flatten() {
        let terms: Vec<(String, String)> = taxonomy
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| Some((text(&t["taxonomy"])?, html::plain_text(t["name"].as_str()?))))
            .collect();
        for (kind, name) in terms {
            match kind.as_str() {
                "category" if article.meta.section.is_none() && name != "Uncategorized" => {
                    article.meta.section = Some(name)
                }
                "post_tag" => article.meta.tags.push(name),
                _ => {}
            }
        }
    }
    if let Some(media) = embedded["wp:featuredmedia"].get(0) {
        article.lead = featured(media, base, &mut warnings);
    } else if post["featured_media"].as_u64().is_some_and(|id| id > 0) {
        warnings.push("featured_media: the image is not embedded (fetch the post with ?_embed); no lead figure".into());
    }
    Ok(Imported {
        articles: vec![article],
        warnings,
    })
}

/// `<field>_gmt` with a `Z`, else `<field>` as written.
fn gmt(post: &Value, field: &str, warnings: &mut Vec<String>) -> Option<String> {
    let gmt_field = format!("{field}_gmt");
    match post[&gmt_field].as_str().and_then(non_empty) {
        Some(d) if !d.ends_with('Z') && !d.contains('+') => {
            date(&gmt_field, &format!("{d}Z"), warnings)
        }
        Some(d) => date(&gmt_field, &d, warnings),
        None => post[field].as_str().and_then(|d| date(field, d, warnings)),
    }
}

/// An excerpt as a dek: plain text without the "read more" WordPress adds.
fn excerpt(html_text: &str) -> String {
    let mut text = html::plain_text(html_text);
    for tail in ["[…]", "[...]", "…", "Continue reading", "Read more"] {
        loop {
            let trimmed = text.trim_end();
            match trimmed.strip_suffix(tail) {
                Some(rest) if tail.starts_with('[') || !tail.starts_with('…') => {
                    text = rest.trim_end().to_string()
                }
                _ => break,
            }
        }
    }
    text.trim_end_matches([' ', '→']).to_string()
}

fn featured(media: &Value, base: Option<&Url>, warnings: &mut Vec<String>) -> Option<Figure> {
    let src = html::image_url(media["source_url"].as_str()?, base, warnings)?;
    let details = &media["media_details"];
    let mut srcset: Vec<SrcsetEntry> = details["sizes"]
        .as_object()
        .into_iter()
        .flat_map(|sizes| sizes.values())
        .filter_map(|size| {
            Some(SrcsetEntry {
                src: html::image_url(size["source_url"].as_str()?, base, warnings)?,
                width: crate::json_size(&size["width"])?,
            })
        })
        .collect();
    srcset.sort_by_key(|e| e.width);
    srcset.dedup_by_key(|e| e.width);
    let caption = media["caption"]["rendered"].as_str().map(html::plain_text);
    let (caption, credit) = caption.map_or((None, None), |c| html::split_credit(&c));
    Some(Figure {
        image: Some(Image {
            src,
            alt: media["alt_text"]
                .as_str()
                .map(crate::collapse)
                .unwrap_or_default(),
            width: crate::json_size(&details["width"]),
            height: crate::json_size(&details["height"]),
            srcset,
        }),
        caption,
        credit,
    })
}
