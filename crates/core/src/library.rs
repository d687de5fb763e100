//! The library: the articles listed in `articles/index.json`.
//!
//! ```text
//! { "articles": [ { "src": "iran-diplomat-defects-2011.json", "id": "iran-diplomat-defects-2011", "headline": "…",
//!                   "dek": "…", "published": "2011-03-01", "minutes": 3 } ] }
//! ```
//! `src` is relative to the index file. The other fields let the library page show
//! a list without fetching every article; a test keeps them equal to the articles.

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
