//! Markdown → a safe node tree.
//!
//! pulldown-cmark's events are folded into [`Node`]s that the view renders as DOM
//! elements one by one; nothing here is ever HTML. Decisions:
//! - Raw HTML (block or inline) is shown as literal text, so a reader sees exactly
//!   what the author wrote and nothing runs. HTML comments are dropped.
//! - Every link and image URL passes [`crate::url_policy`]; a refused link keeps its
//!   text without a target, a refused image shows its alt text.
//! - Markdown headings sit one level below the article headline (`#` → `<h2>`).
//! - Typographic quotes are kept as written (no "smart punctuation" rewriting).
//! - Nesting deeper than [`MAX_DEPTH`] is flattened into its parent rather than
//!   refused, so the text still reads and rendering stays shallow.
//! - Footnotes are numbered across the whole article in order of first reference.
//! - A table shows at most [`MAX_TABLE_CELLS`] cells; the rows left out are
//!   counted in a note under it.
//!
//! Where things are: `tree` (the node types), `footnotes` (article-wide
//! numbering), `builder` (events → tree, with the limits above) and `text`
//! ([`plain_text`]).
//!
//! [`MAX_TABLE_CELLS`]: crate::limits::MAX_TABLE_CELLS

mod builder;
mod footnotes;
mod text;
mod tree;

use builder::Builder;
use pulldown_cmark::{Options, Parser};

pub use crate::limits::MAX_DEPTH;
pub use footnotes::{Footnote, Footnotes};
pub use text::plain_text;
pub use tree::{Align, Kind, Node};

/// The Markdown Broadsheet reads: CommonMark plus GitHub's tables, footnotes,
/// strikethrough and task lists, and `^superscript^` / `~subscript~`.
pub const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_SUPERSCRIPT)
    .union(Options::ENABLE_SUBSCRIPT);

/// Parses one Markdown text into block nodes, registering footnotes in `notes`.
pub fn parse(markdown: &str, notes: &mut Footnotes) -> Vec<Node> {
    let mut b = Builder::new(notes);
    for event in Parser::new_ext(markdown, OPTIONS) {
        b.event(event);
    }
    b.finish()
}
