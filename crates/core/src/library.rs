//! The library: the articles listed in `articles/index.json`.
//!
//! ```text
//! { "articles": [ { "src": "iran-diplomat-defects-2011.json", "id": "iran-diplomat-defects-2011", "headline": "…",
//!                   "dek": "…", "published": "2011-03-01", "minutes": 3 } ] }
//! ```
//! `src` is relative to the index file. The other fields let the library page show
//! a list without fetching every article. `broadsheet index DIR` writes the file
//! from the articles ([`entry`], [`index`], [`to_json`]); a test keeps the bundled
//! one up to date.

use crate::article::Article;
use crate::page;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub articles: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub src: String,
    /// The article's `id`: the key its reading position is saved under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub headline: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dek: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub minutes: u32,
}

pub fn parse(text: &str) -> Result<Index, String> {
    serde_json::from_str(text).map_err(|e| format!("the article list is not valid: {e}"))
}

/// The library entry for `article`, read from the file `src` (relative to the index).
pub fn entry(src: String, article: &Article) -> Entry {
    Entry {
        src,
        id: article.meta.id.clone(),
        headline: article.meta.headline.clone(),
        dek: article.meta.dek.clone(),
        published: article.meta.published.clone(),
        language: article.meta.language.clone(),
        minutes: page::build(article).reading.minutes(),
    }
}

/// The index of `articles`: newest first, then by file name.
pub fn index(mut articles: Vec<Entry>) -> Index {
    articles.sort_by(|a, b| b.published.cmp(&a.published).then(a.src.cmp(&b.src)));
    Index { articles }
}

/// The text of `index.json`, as `broadsheet index` writes it.
pub fn to_json(index: &Index) -> String {
    serde_json::to_string_pretty(index).expect("an index always serializes") + "\n"
}
