//! An article made ready to show: every URL checked, Markdown turned into nodes,
//! anchors assigned, reading time counted. The view only walks this tree.

pub mod anchors;

use crate::article::{Article, Block, Direction, Figure, Meta};
use crate::markdown::{self, Footnote, Footnotes, Kind, Node};
use crate::reading::TextCount;
use crate::url_policy::{self, SafeUrl};
use anchors::Anchors;

#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// The article's plain-text fields, as written: nothing there needs checking.
    /// (A missing `byline` is built from `authors` by the view.)
    pub meta: Meta,
    pub dir: Direction,
    pub authors: Vec<Person>,
    pub lead: Option<PageFigure>,
    pub body: Vec<Item>,
    pub footnotes: Vec<Footnote>,
    pub related: Vec<RelatedLink>,
    pub comments: Option<CommentsLink>,
    pub reading: TextCount,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub name: String,
    pub href: Option<SafeUrl>,
}

/// One top-level piece of the body, with its stable anchor (`p3`, or a heading slug).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub anchor: String,
    pub content: Content,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// A Markdown block (paragraph, list, table, …).
    Node(Node),
    Heading {
        level: u8,
        text: String,
    },
    Quote {
        text: String,
        cite: Option<String>,
    },
    Figure(PageFigure),
}

#[derive(Clone, Debug, PartialEq)]
pub struct PageFigure {
    pub image: Option<PageImage>,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PageImage {
    pub src: SafeUrl,
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub srcset: Vec<Candidate>,
}

/// One `srcset` entry: the image at `url` is `width` pixels wide.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub url: SafeUrl,
    pub width: u32,
}

/// A heading of the body, for the table of contents.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Heading {
    pub anchor: String,
    pub level: u8,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RelatedLink {
    pub title: String,
    /// `None` when the URL was refused: the title is shown without a link.
    pub href: Option<SafeUrl>,
    pub summary: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CommentsLink {
    pub label: String,
    pub href: Option<SafeUrl>,
}

/// Builds the page for an article.
pub fn build(article: &Article) -> Page {
    let mut notes = Footnotes::default();
    let mut reading = TextCount::default();
    let mut anchors = Anchors::default();
    let mut body = Vec::with_capacity(article.body.len());

    for block in &article.body {
        match block {
            Block::Text { markdown } => {
                for node in markdown::parse(markdown, &mut notes) {
                    reading.add_text(&markdown::plain_text(std::slice::from_ref(&node)));
                    let anchor = match &node {
                        Node::Element {
                            kind: Kind::Heading(_),
                            children,
                        } => anchors.slug(&markdown::plain_text(children)),
                        _ => anchors.next_paragraph(),
                    };
                    body.push(Item {
                        anchor,
                        content: Content::Node(node),
                    });
                }
            }
            Block::Heading { text, level } => {
                reading.add_text(text);
                body.push(Item {
                    anchor: anchors.slug(text),
                    content: Content::Heading {
                        level: *level,
                        text: text.clone(),
                    },
                });
            }
            Block::Quote { text, cite } => {
                reading.add_text(text);
                body.push(Item {
                    anchor: anchors.next_paragraph(),
                    content: Content::Quote {
                        text: text.clone(),
                        cite: cite.clone(),
                    },
                });
            }
            Block::Figure(figure) => {
                reading.figures += 1;
                body.push(Item {
                    anchor: anchors.next_figure(),
                    content: Content::Figure(page_figure(figure)),
                });
            }
        }
    }

    let authors: Vec<Person> = article
        .authors
        .iter()
        .map(|a| Person {
            name: a.name.clone(),
            href: a.url.as_deref().and_then(url_policy::link),
        })
        .collect();

    Page {
        meta: article.meta.clone(),
        dir: article.meta.direction(),
        authors,
        lead: article.lead.as_ref().map(page_figure),
        body,
        footnotes: notes.finish(),
        related: article
            .related
            .iter()
            .map(|r| RelatedLink {
                title: r.title.clone(),
                href: url_policy::link(&r.url),
                summary: r.summary.clone(),
            })
            .collect(),
        comments: article.comments.as_ref().map(|c| CommentsLink {
            label: c.label.clone(),
            href: c.url.as_deref().and_then(url_policy::link),
        }),
        reading,
    }
}

impl Page {
    /// Every image URL the page shows (lead, figures with their srcset entries, and
    /// inline Markdown images), as written (relative ones resolve against the article).
    pub fn image_urls(&self) -> Vec<String> {
        fn walk(nodes: &[Node], out: &mut Vec<String>) {
            for node in nodes {
                match node {
                    Node::Image { src, .. } => out.push(src.to_string()),
                    Node::Element { children, .. } => walk(children, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        let figures = self
            .lead
            .iter()
            .chain(self.body.iter().filter_map(|i| match &i.content {
                Content::Figure(f) => Some(f),
                _ => None,
            }));
        for image in figures.filter_map(|f| f.image.as_ref()) {
            out.push(image.src.to_string());
            out.extend(image.srcset.iter().map(|c| c.url.to_string()));
        }
        for item in &self.body {
            if let Content::Node(node) = &item.content {
                walk(std::slice::from_ref(node), &mut out);
            }
        }
        let mut seen = std::collections::HashSet::new();
        out.retain(|u| seen.insert(u.clone()));
        out
    }

    /// The body's headings in order, for a table of contents.
    pub fn headings(&self) -> Vec<Heading> {
        self.body
            .iter()
            .filter_map(|item| {
                let (level, text) = match &item.content {
                    Content::Heading { level, text } => (*level, text.clone()),
                    Content::Node(Node::Element {
                        kind: Kind::Heading(level),
                        children,
                    }) => (*level, markdown::plain_text(children).trim().to_string()),
                    _ => return None,
                };
                Some(Heading {
                    anchor: item.anchor.clone(),
                    level,
                    text,
                })
            })
            .collect()
    }
}

fn page_figure(f: &Figure) -> PageFigure {
    PageFigure {
        image: f.image.as_ref().and_then(|img| {
            Some(PageImage {
                src: url_policy::image(&img.src)?,
                alt: img.alt.clone(),
                width: img.width,
                height: img.height,
                srcset: img
                    .srcset
                    .iter()
                    .filter(|e| e.width > 0)
                    .filter_map(|e| {
                        Some(Candidate {
                            url: url_policy::image(&e.src)?,
                            width: e.width,
                        })
                    })
                    .collect(),
            })
        }),
        caption: f.caption.clone().filter(|c| !c.trim().is_empty()),
        credit: f.credit.as_deref().and_then(credit_line),
    }
}

/// "AP" → "Photo: AP". A credit that already says what it is ("Illustration: …",
/// "Photograph by …", "Map: …") is kept as written.
pub fn credit_line(credit: &str) -> Option<String> {
    let credit = credit.trim();
    if credit.is_empty() {
        return None;
    }
    let lower = credit.to_lowercase();
    let labelled = [
        "photo",
        "illustration",
        "image",
        "graphic",
        "video",
        "map",
        "chart",
        "drawing",
        "courtesy",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
        || credit.contains(':');
    Some(if labelled {
        credit.to_string()
    } else {
        format!("Photo: {credit}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;

    const SAMPLE: &str =
        include_str!("../../../../public/articles/iran-diplomat-defects-2011.json");

    #[test]
    fn sample_page() {
        let page = build(&article::parse(SAMPLE).unwrap().article);
        // 2 + 4 + 7 paragraphs and two figures.
        let anchors: Vec<&str> = page.body.iter().map(|i| i.anchor.as_str()).collect();
        assert_eq!(anchors.len(), 15);
        assert_eq!(&anchors[..4], ["p1", "p2", "fig1", "p3"]);
        assert_eq!(page.reading.figures, 2);
        assert!(
            (430..460).contains(&page.reading.words),
            "{}",
            page.reading.words
        );
        assert_eq!(page.reading.minutes(), 2);
        assert_eq!(page.related.len(), 4);
        assert!(page.related.iter().all(|r| r.href.is_some()));
        assert_eq!(page.meta.syndicated_from(), Some("News Agencies"));
        let Content::Figure(f) = &page.body[2].content else {
            panic!()
        };
        assert_eq!(f.image, None);
        assert_eq!(f.credit.as_deref(), Some("Photo: AP"));
    }

    #[test]
    fn urls_are_policed_everywhere() {
        let json = r#"{"headline":"H","authors":[{"name":"Eve","url":"javascript:alert(1)"},{"name":"Bob","url":"https://bob.example"}],
          "lead":{"image":{"src":"data:text/html,x","srcset":[{"src":"javascript:x","width":1},{"src":"a.jpg","width":640}]}},
          "body":[{"type":"figure","image":{"src":"b.jpg","srcset":[{"src":"vbscript:x","width":9},{"src":"b-2.jpg","width":1280}]}}],
          "related":[{"title":"T","url":" JaVaScRiPt:alert(1)"}],
          "comments":{"url":"javascript:alert(1)"}}"#;
        let page = build(&article::parse(json).unwrap().article);
        assert_eq!(page.authors[0].href, None);
        assert_eq!(
            page.authors[1].href.as_ref().map(SafeUrl::as_str),
            Some("https://bob.example")
        );
        assert_eq!(page.lead.unwrap().image, None);
        let Content::Figure(f) = &page.body[0].content else {
            panic!()
        };
        assert_eq!(
            f.image.as_ref().unwrap().srcset,
            [Candidate {
                url: url_policy::image("b-2.jpg").unwrap(),
                width: 1280
            }]
        );
        assert_eq!(page.related[0].href, None);
        assert_eq!(page.comments.unwrap().href, None);
    }

    #[test]
    fn image_urls_for_saving_offline() {
        let json = r#"{"headline":"H","lead":{"image":{"src":"a.jpg","srcset":[{"src":"a-640.jpg","width":640},{"src":"a.jpg","width":1280}]}},
          "body":[{"type":"figure","image":{"src":"javascript:x"}},{"type":"text","markdown":"![alt](b.png) ![x](data:image/png,AA)"}]}"#;
        let page = build(&article::parse(json).unwrap().article);
        assert_eq!(page.image_urls(), ["a.jpg", "a-640.jpg", "b.png"]);
    }

    #[test]
    fn credits_say_what_they_credit() {
        assert_eq!(
            credit_line("AP Photo / Ben Curtis").as_deref(),
            Some("Photo: AP Photo / Ben Curtis")
        );
        assert_eq!(
            credit_line("Illustration: Broadsheet sample art").as_deref(),
            Some("Illustration: Broadsheet sample art")
        );
        assert_eq!(
            credit_line("Photograph by Jo Bloggs").as_deref(),
            Some("Photograph by Jo Bloggs")
        );
        assert_eq!(credit_line("صورة: أرشيف").as_deref(), Some("صورة: أرشيف"));
        assert_eq!(credit_line("  "), None);
    }

    #[test]
    fn heading_anchors_are_unique_slugs() {
        let json = r##"{"headline":"H","body":[
            {"type":"heading","text":"The night desk"},
            {"type":"text","markdown":"# The night desk\n\ntext"},
            {"type":"heading","text":"2011: a year"},
            {"type":"heading","text":"«»"}]}"##;
        let page = build(&article::parse(json).unwrap().article);
        let anchors: Vec<&str> = page.body.iter().map(|i| i.anchor.as_str()).collect();
        assert_eq!(
            anchors,
            [
                "h-the-night-desk",
                "h-the-night-desk-2",
                "p1",
                "h-s-2011-a-year",
                "h-s-"
            ]
        );
    }
}
