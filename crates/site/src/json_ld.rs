//! The article as a schema.org `NewsArticle`, for search engines.

use crate::common::{Addresses, description, figures, http_url, language, text, writers};
use crate::site::{PublishedArticle, Site};
use serde_json::{Map, Value, json};

/// The schema.org `NewsArticle` for an article (JSON-LD). Fields are left out when
/// the article has nothing for them:
///
/// - `headline`, `description` (dek, or the start of the text), `url` and
///   `mainEntityOfPage` (a `WebPage` whose `@id` is the article's page);
/// - `image`: an array of `ImageObject`s (`url`, and `width`, `height`, `caption`,
///   `creditText` when known) for the picture of every figure, lead first — an
///   object rather than a bare URL so that the size and credit go with it;
/// - `datePublished` and `dateModified` as written in the article (ISO 8601);
/// - `author`: a `Person` per author (with `url` when the author's URL is an
///   allowed http(s) link); without authors, the byline (minus "By ") as one
///   author, an `Organization` when it names the article's source, else a `Person`;
/// - `publisher`: an `Organization` named after the site, with its address;
/// - `inLanguage`, `articleSection`, `keywords` (the tags), `wordCount`;
/// - `correction`: one `CorrectionComment` (`text`, `datePublished`) per correction.
pub fn json_ld(site: &Site, article: &PublishedArticle) -> Value {
    let page = article.page();
    let meta = &page.meta;
    let at = Addresses::of(site, article);
    let mut ld = Map::new();
    let mut put = |key: &str, value: Value| {
        ld.insert(key.to_string(), value);
    };
    put("@context", json!("https://schema.org"));
    put("@type", json!("NewsArticle"));
    put("headline", json!(meta.headline.trim()));
    if let Some(d) = description(page) {
        put("description", json!(d));
    }
    put("url", json!(at.page.as_str()));
    put(
        "mainEntityOfPage",
        json!({ "@type": "WebPage", "@id": at.page.as_str() }),
    );

    let mut images: Vec<Value> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for figure in figures(page) {
        let Some(image) = &figure.image else { continue };
        let Some(url) = http_url(&at.json, &image.src) else {
            continue;
        };
        if !seen.insert(url.to_string()) {
            continue;
        }
        let mut object = Map::new();
        object.insert("@type".into(), json!("ImageObject"));
        object.insert("url".into(), json!(url.as_str()));
        for (key, value) in [("width", image.width), ("height", image.height)] {
            if let Some(value) = value.filter(|v| *v > 0) {
                object.insert(key.into(), json!(value));
            }
        }
        if let Some(caption) = text(figure.caption.as_deref()) {
            object.insert("caption".into(), json!(caption));
        }
        if let Some(credit) = text(figure.credit.as_deref()) {
            object.insert("creditText".into(), json!(credit));
        }
        images.push(Value::Object(object));
    }
    if !images.is_empty() {
        put("image", Value::Array(images));
    }

    if let Some(published) = text(meta.published.as_deref()) {
        put("datePublished", json!(published));
    }
    if let Some(updated) = text(meta.updated.as_deref()) {
        put("dateModified", json!(updated));
    }

    let authors: Vec<Value> = writers(page, &at.json)
        .into_iter()
        .map(|w| {
            let kind = if w.organization {
                "Organization"
            } else {
                "Person"
            };
            let mut author = json!({ "@type": kind, "name": w.name });
            if let Some(url) = w.url {
                author["url"] = json!(url.as_str());
            }
            author
        })
        .collect();
    if !authors.is_empty() {
        put("author", Value::Array(authors));
    }
    put(
        "publisher",
        json!({ "@type": "Organization", "name": site.name(), "url": site.url().as_str() }),
    );

    if let Some(lang) = language(page) {
        put("inLanguage", json!(lang));
    }
    if let Some(section) = text(meta.section.as_deref()) {
        put("articleSection", json!(section));
    }
    let keywords: Vec<&str> = meta.tags.iter().filter_map(|t| text(Some(t))).collect();
    if !keywords.is_empty() {
        put("keywords", json!(keywords));
    }
    if page.reading.words > 0 {
        put("wordCount", json!(page.reading.words));
    }

    let corrections: Vec<Value> = meta
        .corrections
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .map(|c| {
            let mut correction = json!({ "@type": "CorrectionComment", "text": c.text.trim() });
            if let Some(date) = text(c.date.as_deref()) {
                correction["datePublished"] = json!(date);
            }
            correction
        })
        .collect();
    if !corrections.is_empty() {
        put("correction", Value::Array(corrections));
    }
    Value::Object(ld)
}
