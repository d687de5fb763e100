//! Article format v1: the model and its parser.
//!
//! Parsing is tolerant where it can be — unknown fields are ignored, optional
//! fields default, unknown block types are skipped with a warning — and precise
//! where it can't: every error names the JSON path of the offending value
//! (`body[3].image.src: expected a string, found a number`).
//!
//! The format is documented in `docs/article-format.md` and described by the
//! JSON Schema in `public/schema/article-v1.json`.
//!
//! This file holds the model; the rest is split by concern:
//!
//! - `parse.rs`: JSON → [`Article`] ([`parse()`], [`parse_bytes`], [`from_value`]).
//! - `write.rs`: [`Article`] → JSON ([`to_json`]), as the samples are written.
//! - `json.rs`: the path-reporting JSON object reader the parser is built on.
//! - `error.rs`: [`FormatError`], the error every step returns.
//! - `decode.rs`: file bytes → text ([`decode_text`], [`too_large`]).
//! - `dates.rs`: ISO 8601 dates ([`is_iso8601`]).
//! - `language.rs`: writing direction from a BCP 47 tag ([`direction_of`]).

mod dates;
mod decode;
mod error;
mod json;
mod language;
mod parse;
mod write;

pub use dates::is_iso8601;
pub use decode::{decode_text, too_large};
pub use error::FormatError;
pub use language::{Direction, direction_of};
pub use parse::{from_value, parse, parse_bytes};
pub use write::to_json;

/// The only major version this viewer reads.
pub const SUPPORTED_MAJOR: u32 = 1;

#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// What is shown as written.
    pub meta: Meta,
    /// The parts with URLs or Markdown in them, which a page shows only once
    /// they are checked (`crate::page::build`).
    pub authors: Vec<Author>,
    pub lead: Option<Figure>,
    pub body: Vec<Block>,
    pub related: Vec<Related>,
    pub comments: Option<Comments>,
}

/// An article's plain-text fields: labels, headline, dek, byline, dates, tags
/// and corrections. Nothing here is markup or a URL, so a page keeps it as it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    pub version: String,
    pub id: Option<String>,
    pub language: Option<String>,
    pub section: Option<String>,
    pub kicker: Option<String>,
    pub headline: String,
    pub dek: Option<String>,
    pub byline: Option<String>,
    pub source: Option<Source>,
    pub published: Option<String>,
    pub updated: Option<String>,
    pub tags: Vec<String>,
    pub corrections: Vec<Correction>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Author {
    pub name: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub name: Option<String>,
    pub syndicated: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Text { markdown: String },
    Figure(Figure),
    Quote { text: String, cite: Option<String> },
    Heading { text: String, level: u8 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub image: Option<Image>,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub srcset: Vec<SrcsetEntry>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SrcsetEntry {
    pub src: String,
    pub width: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Related {
    pub title: String,
    pub url: String,
    pub summary: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comments {
    pub label: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Correction {
    pub date: Option<String>,
    pub text: String,
}

/// A successfully parsed article plus what was skipped on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub article: Article,
    /// Things the reader does not need to know but the publisher might:
    /// unknown block types, a missing version field.
    pub warnings: Vec<String>,
}

impl Meta {
    /// The writing direction for the article's language.
    pub fn direction(&self) -> Direction {
        self.language
            .as_deref()
            .map_or(Direction::Auto, direction_of)
    }

    /// The agency a syndicated article comes from ("Source: …").
    pub fn syndicated_from(&self) -> Option<&str> {
        self.source
            .as_ref()
            .filter(|s| s.syndicated)
            .and_then(|s| s.name.as_deref())
    }
}

/// Helpers shared by the unit tests in this folder.
#[cfg(test)]
mod test_support {
    /// The message of the error `json` is refused with.
    pub(super) fn err(json: &str) -> String {
        super::parse(json).unwrap_err().to_string()
    }

    /// The smallest valid article, with `extra` appended to its top-level fields.
    pub(super) fn minimal(extra: &str) -> String {
        format!(
            r#"{{"version":"1.0","headline":"H","body":[{{"type":"text","markdown":"x"}}]{extra}}}"#
        )
    }
}
