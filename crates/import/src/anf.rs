//! Apple News Format: an `article.json`.
//!
//! `title` (headline; else the `title` component), `subtitle` else the `intro`
//! component (dek), `language`, `metadata` (`authors`, `datePublished`,
//! `dateModified`, `keywords` as tags, `canonicalURL` as the base and the id,
//! `thumbnailURL` as the lead figure when the article has no photo first,
//! `links` as related links).
//!
//! Components by role, in order: `byline`; `body` (its `format`: `html` through
//! [`crate::html`], `markdown` like a Markdown file's body, else plain text);
//! `heading`, `heading1`–`heading6` (heading blocks); `photo`, `image`,
//! `figure`, `portrait` (figures, with their `caption` and a `caption` and
//! `photographer` component right after them); `gallery`/`mosaic` (a figure per
//! item); `pullquote`, `quote` (quote blocks); `divider`; `container`,
//! `section`, `chapter`, `header`, `aside` (walked into). Any other role
//! (embeds, video, ads, maps…) is skipped with a warning naming it. A
//! `bundle://name.jpg` image is the file `name.jpg` beside the article.

use crate::{
    ImportError, Imported, date, html, jsonld, markdown, merge_text, new_article, non_empty,
};
use crate::{json_list as list, json_text as text};
use broadsheet_core::article::{Author, Block, Figure, Image, Related};
use serde_json::Value;
use url::Url;

pub fn import(input: &str, base: Option<&Url>) -> Result<Imported, ImportError> {
    let doc: Value = crate::parse_json(input)?;
    if !doc["components"].is_array() {
        return Err(ImportError::at(
            "components",
            "an Apple News article has a list of components",
        ));
    }
    let meta = &doc["metadata"];
    let canonical = text(&meta["canonicalURL"]).filter(|u| Url::parse(u).is_ok());
    let own_base = canonical.as_deref().and_then(|u| Url::parse(u).ok());
    let base = base.or(own_base.as_ref());
    let mut walker = Walker {
        base,
        warnings: Vec::new(),
        blocks: Vec::new(),
        title: None,
        intro: None,
        byline: None,
        after_figure: false,
    };
    walker.components(&doc["components"], "components");
    let Walker {
        mut warnings,
        blocks,
        title,
        intro,
        byline,
        ..
    } = walker;

    let headline = text(&doc["title"])
        .or(title)
        .ok_or_else(|| ImportError::at("title", "the article has no title"))?;
    let mut body = merge_text(blocks);
    // A photo before any text is the lead; else the thumbnail is.
    let mut lead = None;
    if matches!(body.first(), Some(Block::Figure(_)))
        && let Block::Figure(f) = body.remove(0)
    {
        lead = Some(f);
    } else if let Some(src) =
        text(&meta["thumbnailURL"]).and_then(|u| image_src(&u, base, &mut warnings))
    {
        lead = Some(Figure {
            image: Some(Image {
                src,
                alt: String::new(),
                width: None,
                height: None,
                srcset: Vec::new(),
            }),
            caption: None,
            credit: None,
        });
    }
    let subtitle = text(&doc["subtitle"]);
    let dek = match (subtitle, intro) {
        (Some(s), Some(i)) if s != i => {
            body.insert(
                0,
                Block::Text {
                    markdown: crate::escape::paragraph(&i),
                },
            );
            Some(s)
        }
        (s, i) => s.or(i),
    };
    let mut article = new_article(headline, merge_text(body));
    article.lead = lead;
    let m = &mut article.meta;
    m.dek = dek;
    m.language = text(&doc["language"]);
    m.published = text(&meta["datePublished"])
        .and_then(|d| date("metadata.datePublished", &d, &mut warnings));
    m.updated =
        text(&meta["dateModified"]).and_then(|d| date("metadata.dateModified", &d, &mut warnings));
    m.tags = list(&meta["keywords"]).iter().filter_map(text).collect();
    m.id = canonical
        .as_deref()
        .and_then(crate::slug::from_url)
        .or_else(|| text(&doc["identifier"]).map(|i| crate::slug::id_for(&i)));
    article.authors = list(&meta["authors"])
        .iter()
        .filter_map(text)
        .map(|name| Author { name, url: None })
        .collect();
    article.meta.byline = byline;
    for link in list(&meta["links"]).iter().filter_map(text) {
        match html::link_url(&link, base) {
            Some(url) => article.related.push(Related {
                title: link.clone(),
                url,
                summary: None,
            }),
            None => warnings.push(format!(
                "metadata.links: {link:?} skipped: not an http(s) link"
            )),
        }
    }
    Ok(Imported {
        articles: vec![article],
        warnings,
    })
}

/// An image URL: `bundle://x.jpg` is the file `x.jpg` beside the article.
fn image_src(raw: &str, base: Option<&Url>, warnings: &mut Vec<String>) -> Option<String> {
    let raw = raw.strip_prefix("bundle://").unwrap_or(raw);
    html::image_url(raw, base, warnings)
}

struct Walker<'a> {
    base: Option<&'a Url>,
    warnings: Vec<String>,
    blocks: Vec<Block>,
    title: Option<String>,
    intro: Option<String>,
    byline: Option<String>,
    /// The last block is a figure that a `caption` or `photographer` may complete.
    after_figure: bool,
}

impl Walker<'_> {
    fn components(&mut self, components: &Value, path: &str) {
        for (i, c) in list(components).iter().enumerate() {
            self.component(c, &format!("{path}[{i}]"));
        }
    }

    /// A component's words: its `text`, read as its `format` says.
    fn words(c: &Value) -> Option<String> {
        let t = c["text"].as_str()?;
        let plain = match c["format"].as_str() {
            Some("html") => html::plain_text(t),
            _ => crate::collapse(t),
        };
        non_empty(&plain)
    }

    fn push(&mut self, blocks: Vec<Block>) {
        self.after_figure = matches!(blocks.last(), Some(Block::Figure(_)));
        self.blocks.extend(blocks);
    }

    fn component(&mut self, c: &Value, path: &str) {
        let role = c["role"].as_str().unwrap_or("(no role)");
        let completes_figure = std::mem::take(&mut self.after_figure);
        match role {
            "title" => self.title = self.title.take().or_else(|| Self::words(c)),
            "intro" => self.intro = self.intro.take().or_else(|| Self::words(c)),
            "byline" => self.byline = self.byline.take().or_else(|| Self::words(c)),
            "body" | "text" => {
                let t = c["text"].as_str().unwrap_or_default();
                let blocks = match c["format"].as_str() {
                    Some("html") => {
                        let converted = html::to_blocks(t, self.base);
                        self.warnings.extend(converted.warnings);
                        converted.blocks
                    }
                    Some("markdown") => markdown::body_blocks(t, self.base, &mut self.warnings),
                    _ => jsonld::paragraphs(t),
                };
                self.push(blocks);
            }
            "heading" | "heading1" | "heading2" | "heading3" | "heading4" | "heading5"
            | "heading6" => {
                let level = role
                    .strip_prefix("heading")
                    .and_then(|l| l.parse::<u8>().ok())
                    .unwrap_or(2);
                if let Some(text) = Self::words(c) {
                    self.push(vec![Block::Heading {
                        text,
                        level: level.clamp(2, 4),
                    }]);
                }
            }
            "photo" | "image" | "figure" | "portrait" => {
                let figure = self.figure(c);
                self.push(figure.map(Block::Figure).into_iter().collect());
            }
            "gallery" | "mosaic" => {
                let figures: Vec<Block> = list(&c["items"])
                    .iter()
                    .filter_map(|i| self.figure(i))
                    .map(Block::Figure)
                    .collect();
                self.push(figures);
            }
            "caption" | "photographer" if completes_figure => {
                if let (Some(Block::Figure(f)), Some(words)) =
                    (self.blocks.last_mut(), Self::words(c))
                {
                    if role == "caption" && f.caption.is_none() {
                        let (caption, credit) = html::split_credit(&words);
                        f.caption = caption;
                        f.credit = f.credit.take().or(credit);
                    } else if role == "photographer" || f.credit.is_none() {
                        f.credit = Some(words);
                    }
                }
                self.after_figure = true;
            }
            "caption" | "photographer" => {
                if let Some(words) = Self::words(c) {
                    self.push(vec![Block::Text {
                        markdown: crate::escape::paragraph(&words),
                    }]);
                }
            }
            "pullquote" | "quote" => {
                if let Some(text) = Self::words(c) {
                    self.push(vec![Block::Quote { text, cite: None }]);
                }
            }
            "divider" => self.push(vec![Block::Text {
                markdown: "* * *".into(),
            }]),
            "container" | "section" | "chapter" | "header" | "aside" | "collection" => {
                self.components(&c["components"], &format!("{path}.components"));
            }
            other => self.warnings.push(format!(
                "{path}: a {other:?} component skipped: Broadsheet does not show it"
            )),
        }
    }

    fn figure(&mut self, c: &Value) -> Option<Figure> {
        let src = text(&c["URL"]).and_then(|u| image_src(&u, self.base, &mut self.warnings));
        let caption = match &c["caption"] {
            Value::String(s) => non_empty(s),
            v @ Value::Object(_) => Self::words(v),
            _ => None,
        };
        let (caption, credit) = caption.map_or((None, None), |c| html::split_credit(&c));
        let image = src.map(|src| Image {
            src,
            alt: text(&c["accessibilityCaption"]).unwrap_or_default(),
            width: None,
            height: None,
            srcset: Vec::new(),
        });
        (image.is_some() || caption.is_some()).then_some(Figure {
            image,
            caption,
            credit,
        })
    }
}
