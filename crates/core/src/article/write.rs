//! [`Article`] → JSON: the article file as Broadsheet's samples are written.
//!
//! Pretty-printed with two spaces, fields in the format's order (version, id,
//! language, section, kicker, headline, dek, byline, authors, source, published,
//! updated, tags, corrections, lead, body, related, comments), absent optional
//! fields and empty lists left out. A figure without an image says so with
//! `"image": null`, as the wire story's photo rows do. [`parse`](super::parse)
//! reads the text back to an equal article.

use super::{Article, Author, Block, Comments, Correction, Figure, Image, Related, SrcsetEntry};
use serde::Serialize;

/// The article as the text of an article file (no trailing newline).
pub fn to_json(article: &Article) -> String {
    let m = &article.meta;
    let file = File {
        version: &m.version,
        id: m.id.as_deref(),
        language: m.language.as_deref(),
        section: m.section.as_deref(),
        kicker: m.kicker.as_deref(),
        headline: &m.headline,
        dek: m.dek.as_deref(),
        byline: m.byline.as_deref(),
        authors: article.authors.iter().map(AuthorOut::from).collect(),
        source: m.source.as_ref().map(|s| SourceOut {
            name: s.name.as_deref(),
            syndicated: s.syndicated,
        }),
        published: m.published.as_deref(),
        updated: m.updated.as_deref(),
        tags: &m.tags,
        corrections: m.corrections.iter().map(CorrectionOut::from).collect(),
        lead: article.lead.as_ref().map(FigureOut::from),
        body: article.body.iter().map(BlockOut::from).collect(),
        related: article.related.iter().map(RelatedOut::from).collect(),
        comments: article.comments.as_ref().map(CommentsOut::from),
    };
    serde_json::to_string_pretty(&file).expect("an article always serializes")
}

#[derive(Serialize)]
struct File<'a> {
    version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kicker: Option<&'a str>,
    headline: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    dek: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byline: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<AuthorOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<SourceOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    corrections: Vec<CorrectionOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lead: Option<FigureOut<'a>>,
    body: Vec<BlockOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<RelatedOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    comments: Option<CommentsOut<'a>>,
}

#[derive(Serialize)]
struct AuthorOut<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

impl<'a> From<&'a Author> for AuthorOut<'a> {
    fn from(a: &'a Author) -> Self {
        AuthorOut {
            name: &a.name,
            url: a.url.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct SourceOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    syndicated: bool,
}

#[derive(Serialize)]
struct CorrectionOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    text: &'a str,
}

impl<'a> From<&'a Correction> for CorrectionOut<'a> {
    fn from(c: &'a Correction) -> Self {
        CorrectionOut {
            date: c.date.as_deref(),
            text: &c.text,
        }
    }
}

#[derive(Serialize)]
struct FigureOut<'a> {
    /// `null` when the figure has no image: the caption and credit still show.
    image: Option<ImageOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    caption: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit: Option<&'a str>,
}

impl<'a> From<&'a Figure> for FigureOut<'a> {
    fn from(f: &'a Figure) -> Self {
        FigureOut {
            image: f.image.as_ref().map(ImageOut::from),
            caption: f.caption.as_deref(),
            credit: f.credit.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct ImageOut<'a> {
    src: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    alt: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<u32>,
    #[serde(skip_serializing_if = "<[SrcsetEntry]>::is_empty")]
    srcset: &'a [SrcsetEntry],
}

impl<'a> From<&'a Image> for ImageOut<'a> {
    fn from(i: &'a Image) -> Self {
        ImageOut {
            src: &i.src,
            alt: &i.alt,
            width: i.width,
            height: i.height,
            srcset: &i.srcset,
        }
    }
}

impl Serialize for SrcsetEntry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("SrcsetEntry", 2)?;
        st.serialize_field("src", &self.src)?;
        st.serialize_field("width", &self.width)?;
        st.end()
    }
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum BlockOut<'a> {
    Text {
        markdown: &'a str,
    },
    Figure(FigureOut<'a>),
    Quote {
        text: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        cite: Option<&'a str>,
    },
    Heading {
        text: &'a str,
        level: u8,
    },
}

impl<'a> From<&'a Block> for BlockOut<'a> {
    fn from(b: &'a Block) -> Self {
        match b {
            Block::Text { markdown } => BlockOut::Text { markdown },
            Block::Figure(f) => BlockOut::Figure(f.into()),
            Block::Quote { text, cite } => BlockOut::Quote {
                text,
                cite: cite.as_deref(),
            },
            Block::Heading { text, level } => BlockOut::Heading {
                text,
                level: *level,
            },
        }
    }
}

#[derive(Serialize)]
struct RelatedOut<'a> {
    title: &'a str,
    url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
}

impl<'a> From<&'a Related> for RelatedOut<'a> {
    fn from(r: &'a Related) -> Self {
        RelatedOut {
            title: &r.title,
            url: &r.url,
            summary: r.summary.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct CommentsOut<'a> {
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

impl<'a> From<&'a Comments> for CommentsOut<'a> {
    fn from(c: &'a Comments) -> Self {
        CommentsOut {
            label: &c.label,
            url: c.url.as_deref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse;

    const SAMPLES: [(&str, &str); 4] = [
        (
            "iran-diplomat-defects-2011",
            include_str!("../../../../public/articles/iran-diplomat-defects-2011.json"),
        ),
        (
            "harbour-light-restoration",
            include_str!("../../../../public/articles/harbour-light-restoration.json"),
        ),
        (
            "long-read-night-shift",
            include_str!("../../../../public/articles/long-read-night-shift.json"),
        ),
        (
            "rtl-sample-ar",
            include_str!("../../../../public/articles/rtl-sample-ar.json"),
        ),
    ];

    #[test]
    fn every_sample_round_trips() {
        for (name, text) in SAMPLES {
            let article = parse(text).unwrap().article;
            let written = to_json(&article);
            let again = parse(&written).unwrap();
            assert!(again.warnings.is_empty(), "{name}: {:?}", again.warnings);
            assert_eq!(again.article, article, "{name}");
        }
    }

    #[test]
    fn the_wire_story_is_written_byte_for_byte() {
        let (_, text) = SAMPLES[0];
        assert_eq!(to_json(&parse(text).unwrap().article), text);
    }

    #[test]
    fn the_samples_in_the_formats_field_order_are_written_byte_for_byte() {
        // The harbour sample keeps its corrections at the end, so only the
        // samples written in the format's order come back identical.
        for (name, text) in SAMPLES {
            let written = to_json(&parse(text).unwrap().article);
            if name != "harbour-light-restoration" {
                assert_eq!(written.trim_end(), text.trim_end(), "{name}");
            }
        }
    }

    #[test]
    fn absent_fields_are_left_out_and_an_imageless_figure_says_null() {
        let p = parse(
            r#"{"version":"1.0","headline":"H","tags":[],"body":[{"type":"figure","caption":"C"},{"type":"heading","text":"T"}]}"#,
        )
        .unwrap();
        assert_eq!(
            to_json(&p.article),
            "{\n  \"version\": \"1.0\",\n  \"headline\": \"H\",\n  \"body\": [\n    {\n      \"type\": \"figure\",\n      \"image\": null,\n      \"caption\": \"C\"\n    },\n    {\n      \"type\": \"heading\",\n      \"text\": \"T\",\n      \"level\": 2\n    }\n  ]\n}"
        );
    }
}
