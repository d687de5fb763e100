//! Arc XP ANS stories (0.10.x), as the Content API returns them.
//!
//! `headlines.basic` (headline), `subheadlines.basic` else `description.basic`
//! (dek), `credits.by[]` (authors: `name`, `url`; the byline from the names),
//! `display_date`/`publish_date` and `last_updated_date`, `language`,
//! `taxonomy` (`primary_section` else the first of `sections` is the section;
//! `tags[].text`), `distributor` (a wire story is syndicated from it) else
//! `source.name`, `promo_items.basic` (the lead figure), `related_content.basic`
//! (related: each story's headline, URL and description), `canonical_url`
//! (the base when absolute, and the id).
//!
//! `content_elements`: `text` (inline HTML), `header` (with `level`), `image`
//! (`url`, `caption`, `credits.by` as the credit, `width`, `height`,
//! `alt_text`), `quote`/`blockquote` (their `content_elements`, `citation`),
//! `list` (`list_type`, nested `items`), `divider`, `correction` (→
//! `corrections`), `interstitial_link` and `link_list` (links). `raw_html`,
//! `oembed_response`, `custom_embed`, `reference`, `video`, `gallery` and any
//! other type are skipped with a warning naming them.

use crate::{
    ImportError, Imported, author, date, html, html_escape, merge_text, new_article, non_empty,
    slug,
};
use crate::{json_list as list, json_text as text};
use broadsheet_core::article::{Block, Correction, Figure, Image, Related, Source};
use serde_json::Value;
use url::Url;

pub fn import(input: &str, base: Option<&Url>) -> Result<Imported, ImportError> {
    let story: Value = crate::parse_json(input)?;
    if !story.is_object() {
        return Err(ImportError::new("expected an ANS story (a JSON object)"));
    }
    if let Some(kind) = story["type"].as_str().filter(|t| *t != "story") {
        return Err(ImportError::at(
            "type",
            format!("{kind:?} is not an ANS story"),
        ));
    }
    let canonical = text(&story["canonical_url"]).or_else(|| text(&story["website_url"]));
    let own_base = canonical.as_deref().and_then(|u| Url::parse(u).ok());
    let base = base.or(own_base.as_ref());
    let headline = text(&story["headlines"]["basic"])
        .map(|h| html::plain_text(&h))
        .and_then(|h| non_empty(&h))
        .ok_or_else(|| ImportError::at("headlines.basic", "the story has no headline"))?;

    let mut reader = Reader {
        base,
        warnings: Vec::new(),
        corrections: Vec::new(),
    };
    let body = reader.elements(&story["content_elements"], "content_elements");
    let mut article = new_article(headline, merge_text(body));
    let Reader {
        mut warnings,
        corrections,
        ..
    } = reader;
    let m = &mut article.meta;
    m.corrections = corrections;
    m.dek = text(&story["subheadlines"]["basic"])
        .or_else(|| text(&story["description"]["basic"]))
        .map(|d| html::plain_text(&d))
        .and_then(|d| non_empty(&d));
    m.published = text(&story["display_date"])
        .or_else(|| text(&story["publish_date"]))
        .and_then(|d| date("display_date", &d, &mut warnings));
    m.updated = text(&story["last_updated_date"])
        .and_then(|d| date("last_updated_date", &d, &mut warnings));
    m.language = text(&story["language"]);
    let taxonomy = &story["taxonomy"];
    m.section = text(&taxonomy["primary_section"]["name"])
        .or_else(|| text(&taxonomy["sections"][0]["name"]));
    m.tags = list(&taxonomy["tags"])
        .iter()
        .filter_map(|t| text(&t["text"]))
        .collect();
    m.source = match (
        text(&story["distributor"]["name"]),
        story["distributor"]["category"].as_str(),
    ) {
        (Some(name), Some("wires")) => Some(Source {
            name: Some(name),
            syndicated: true,
        }),
        _ => text(&story["source"]["name"]).map(|name| Source {
            name: Some(name),
            syndicated: false,
        }),
    };
    m.id = canonical.as_deref().and_then(slug::from_url);
    article.authors = list(&story["credits"]["by"])
        .iter()
        .filter_map(|c| {
            let name = text(&c["name"]).or_else(|| text(&c["byline"]));
            author(name.as_deref(), c["url"].as_str(), base)
        })
        .collect();
    let promo = &story["promo_items"]["basic"];
    if promo.is_object() {
        article.lead = figure(promo, base, &mut warnings);
    }
    for (i, item) in list(&story["related_content"]["basic"]).iter().enumerate() {
        let title = text(&item["headlines"]["basic"]).map(|t| html::plain_text(&t));
        let url = text(&item["canonical_url"]).or_else(|| text(&item["website_url"]));
        match (title, url.and_then(|u| html::link_url(&u, base))) {
            (Some(title), Some(url)) => article.related.push(Related {
                title,
                url,
                summary: text(&item["description"]["basic"]).map(|d| html::plain_text(&d)),
            }),
            _ => warnings.push(format!(
                "related_content.basic[{i}]: skipped, a {} without a headline and a URL",
                item["type"].as_str().unwrap_or("item")
            )),
        }
    }
    Ok(Imported {
        articles: vec![article],
        warnings,
    })
}

struct Reader<'a> {
    base: Option<&'a Url>,
    warnings: Vec<String>,
    corrections: Vec<Correction>,
}

impl Reader<'_> {
    fn elements(&mut self, elements: &Value, path: &str) -> Vec<Block> {
        let mut blocks = Vec::new();
        for (i, element) in list(elements).iter().enumerate() {
            let path = format!("{path}[{i}]");
            blocks.extend(self.element(element, &path));
        }
        blocks
    }

    fn html(&mut self, html_text: &str) -> Vec<Block> {
        let converted = html::to_blocks(html_text, self.base);
        self.warnings.extend(converted.warnings);
        converted.blocks
    }

    fn element(&mut self, e: &Value, path: &str) -> Vec<Block> {
        let kind = e["type"].as_str().unwrap_or("(no type)");
        let content = e["content"].as_str().unwrap_or_default();
        match kind {
            "text" => self.html(content),
            "header" => {
                let level = e["level"].as_u64().unwrap_or(2).clamp(1, 6);
                self.html(&format!("<h{level}>{content}</h{level}>"))
            }
            "image" => figure(e, self.base, &mut self.warnings)
                .map(Block::Figure)
                .into_iter()
                .collect(),
            "quote" | "blockquote" => {
                let inner: String = list(&e["content_elements"])
                    .iter()
                    .filter_map(|p| p["content"].as_str())
                    .map(|p| format!("<p>{p}</p>"))
                    .collect();
                let cite = e["citation"]["content"]
                    .as_str()
                    .map(|c| format!("<cite>{c}</cite>"))
                    .unwrap_or_default();
                self.html(&format!("<blockquote>{inner}{cite}</blockquote>"))
            }
            "list" => self.html(&list_html(e)),
            "divider" => self.html("<hr>"),
            "correction" => {
                if let Some(text) = text(&e["text"])
                    .map(|t| html::plain_text(&t))
                    .and_then(|t| non_empty(&t))
                {
                    let date = text_date(e, &mut self.warnings);
                    self.corrections.push(Correction { date, text });
                }
                Vec::new()
            }
            "interstitial_link" => self.html(&format!("<p>{}</p>", link_html(e))),
            "link_list" => {
                let title = e["title"]
                    .as_str()
                    .map(|t| format!("<p>{}</p>", html_escape(t)))
                    .unwrap_or_default();
                let items: String = list(&e["items"])
                    .iter()
                    .map(|i| format!("<li>{}</li>", link_html(i)))
                    .collect();
                self.html(&format!("{title}<ul>{items}</ul>"))
            }
            other => {
                self.warnings.push(format!(
                    "{path}: {other:?} element skipped: Broadsheet shows no {}",
                    match other {
                        "raw_html" => "raw HTML",
                        "reference" => "unresolved references",
                        _ => "embeds of this kind",
                    }
                ));
                Vec::new()
            }
        }
    }
}

fn text_date(e: &Value, warnings: &mut Vec<String>) -> Option<String> {
    text(&e["date"]).and_then(|d| date("correction.date", &d, warnings))
}

/// An ANS list as HTML: its items' content is inline HTML already.
fn list_html(e: &Value) -> String {
    let tag = if e["list_type"].as_str() == Some("ordered") {
        "ol"
    } else {
        "ul"
    };
    let items: String = list(&e["items"])
        .iter()
        .map(|item| match item["type"].as_str() {
            Some("list") => format!("<li>{}</li>", list_html(item)),
            _ => format!("<li>{}</li>", item["content"].as_str().unwrap_or_default()),
        })
        .collect();
    format!("<{tag}>{items}</{tag}>")
}

/// An interstitial link as HTML: `<a href="url">content</a>`.
fn link_html(e: &Value) -> String {
    let content = e["content"].as_str().unwrap_or_default();
    match e["url"].as_str() {
        Some(url) => format!("<a href=\"{}\">{content}</a>", html_escape(url)),
        None => content.to_string(),
    }
}

/// An ANS image as a figure.
fn figure(e: &Value, base: Option<&Url>, warnings: &mut Vec<String>) -> Option<Figure> {
    if e["type"].as_str().is_some_and(|t| t != "image") {
        warnings.push(format!(
            "promo_items.basic: a {:?}, not an image; no lead figure",
            e["type"].as_str().unwrap_or("")
        ));
        return None;
    }
    let src = text(&e["url"]).and_then(|u| html::image_url(&u, base, warnings));
    let names: Vec<String> = list(&e["credits"]["by"])
        .iter()
        .filter_map(|c| text(&c["name"]).or_else(|| text(&c["byline"])))
        .collect();
    let (caption, caption_credit) =
        text(&e["caption"]).map_or((None, None), |c| html::split_credit(&html::plain_text(&c)));
    let credit = (!names.is_empty())
        .then(|| names.join(", "))
        .or(caption_credit);
    let image = src.map(|src| Image {
        src,
        alt: text(&e["alt_text"]).unwrap_or_default(),
        width: crate::json_size(&e["width"]),
        height: crate::json_size(&e["height"]),
        srcset: Vec::new(),
    });
    (image.is_some() || caption.is_some()).then_some(Figure {
        image,
        caption,
        credit,
    })
}
