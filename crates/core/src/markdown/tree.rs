//! The node tree that Markdown becomes: what the view renders, element by element.

use crate::url_policy::SafeUrl;

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Text(String),
    /// Inline code.
    Code(String),
    SoftBreak,
    HardBreak,
    Rule,
    CodeBlock {
        language: Option<String>,
        text: String,
    },
    /// A reference to footnote `number` (1-based, article-wide); `first` is the
    /// reference the note links back to.
    FootnoteRef {
        number: usize,
        first: bool,
    },
    /// An inline image whose URL passed the policy (a refused one becomes its alt text).
    Image {
        src: SafeUrl,
        alt: String,
        title: Option<String>,
    },
    TaskMarker(bool),
    Element {
        kind: Kind,
        children: Vec<Node>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Paragraph,
    Heading(u8),
    BlockQuote,
    List {
        start: Option<u64>,
    },
    Item,
    Emphasis,
    Strong,
    Strikethrough,
    Superscript,
    Subscript,
    /// `href` is `None` when the policy refused the URL: render the text only.
    Link {
        href: Option<SafeUrl>,
        title: Option<String>,
    },
    Table,
    TableHead,
    TableBody,
    TableRow,
    TableCell {
        header: bool,
        align: Align,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    None,
    Left,
    Center,
    Right,
}

impl Align {
    pub fn as_css(self) -> Option<&'static str> {
        match self {
            Align::None => None,
            Align::Left => Some("left"),
            Align::Center => Some("center"),
            Align::Right => Some("right"),
        }
    }
}
