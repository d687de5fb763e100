//! What the reader of a published article page needs of its page: the page is
//! already on screen as HTML (`broadsheet build`), so its reader (the light
//! wasm of `crates/web/src/published.rs`) gets only this, as JSON in the page,
//! and never the article, its Markdown or its node tree.

use crate::listen::{self, Plan};
use crate::page::{Heading, Page};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReaderData {
    /// The article's `id`, for its saved reading position.
    pub id: Option<String>,
    pub headline: String,
    /// The article's language (BCP 47), for the interface's.
    pub language: Option<String>,
    /// The reading time, in whole minutes.
    pub minutes: u32,
    /// The table of contents.
    pub headings: Vec<Heading>,
    /// Every picture, as written, to save with the article for offline.
    pub images: Vec<String>,
    /// What "Listen" reads aloud.
    pub listen: Plan,
}

impl ReaderData {
    pub fn of(page: &Page) -> ReaderData {
        ReaderData {
            id: page.meta.id.clone(),
            headline: page.meta.headline.clone(),
            language: page.meta.language.clone(),
            minutes: page.reading.minutes(),
            headings: page.headings(),
            images: page.image_urls(),
            listen: listen::plan(page),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("reader data always serializes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{article, page};

    /// Read natively (the browser's reader reads it with crates/web/src/json.rs).
    impl ReaderData {
        fn from_json(json: &str) -> Result<ReaderData, String> {
            serde_json::from_str(json).map_err(|e| e.to_string())
        }
    }

    #[test]
    fn the_sample_reads_back_as_written() {
        let sample = include_str!("../../../public/articles/long-read-night-shift.json");
        let page = page::build(&article::parse(sample).unwrap().article);
        let data = ReaderData::of(&page);
        assert!(data.headings.len() > 3);
        assert!(!data.listen.utterances.is_empty());
        assert_eq!(data.minutes, page.reading.minutes());
        assert_eq!(ReaderData::from_json(&data.to_json()), Ok(data));
    }

    #[test]
    fn anything_else_is_refused() {
        assert!(ReaderData::from_json("{}").is_err());
        assert!(ReaderData::from_json("not json").is_err());
    }
}
