//! pulldown-cmark's events folded into a [`Node`] tree, within the limits:
//! depth, table cells, raw HTML shown as text, and the URL policy on links
//! and images.

use super::{Align, Footnotes, Kind, Node, plain_text};
use crate::limits::{MAX_DEPTH, MAX_TABLE_CELLS, thousands};
use crate::url_policy::{self, SafeUrl};
use pulldown_cmark::{Alignment, CodeBlockKind, Event, LinkType, Tag, TagEnd};

/// What an open frame will become when it closes.
enum Open {
    Root,
    Element(Kind),
    Image {
        src: Option<SafeUrl>,
        title: Option<String>,
    },
    CodeBlock(Option<String>),
    Footnote(String),
    /// Raw HTML block, shown as text in a paragraph.
    Html,
}

struct Frame {
    open: Open,
    children: Vec<Node>,
}

impl Frame {
    fn new(open: Open) -> Self {
        Frame {
            open,
            children: Vec::new(),
        }
    }
}

pub(super) struct Builder<'n> {
    stack: Vec<Frame>,
    /// Opened tags not given a frame because the tree was too deep.
    skipped: usize,
    notes: &'n mut Footnotes,
    /// Column alignments of the table being read, and where in it we are.
    table_aligns: Vec<Align>,
    in_head: bool,
    cell: usize,
    /// Cells kept so far in this table, and what was left out over the cap.
    table_cells: usize,
    dropped_rows: usize,
    dropped_cells: usize,
    /// Depth inside a subtree being left out (a row or cell over the cap).
    discard: usize,
}

impl<'n> Builder<'n> {
    pub(super) fn new(notes: &'n mut Footnotes) -> Self {
        Builder {
            stack: vec![Frame::new(Open::Root)],
            skipped: 0,
            notes,
            table_aligns: Vec::new(),
            in_head: false,
            cell: 0,
            table_cells: 0,
            dropped_rows: 0,
            dropped_cells: 0,
            discard: 0,
        }
    }

    /// Closes whatever is still open and hands back the blocks.
    pub(super) fn finish(mut self) -> Vec<Node> {
        while self.stack.len() > 1 {
            self.close();
        }
        self.stack.pop().map(|f| f.children).unwrap_or_default()
    }

    fn push(&mut self, node: Node) {
        let top = self.stack.last_mut().expect("root frame");
        // Merge adjacent text so "a" "’" "b" from the parser becomes one node.
        if let (Node::Text(new), Some(Node::Text(last))) = (&node, top.children.last_mut()) {
            last.push_str(new);
            return;
        }
        top.children.push(node);
    }

    fn open(&mut self, open: Open) {
        // A table's frames become one level deeper than the stack shows: its
        // head row gets a <tr> and its body rows a <tbody> when they close.
        let in_table = self
            .stack
            .iter()
            .any(|f| matches!(f.open, Open::Element(Kind::Table)));
        if self.stack.len() + usize::from(in_table) > MAX_DEPTH {
            self.skipped += 1;
        } else {
            self.stack.push(Frame::new(open));
        }
    }

    fn close(&mut self) {
        if self.skipped > 0 {
            self.skipped -= 1;
            return;
        }
        if self.stack.len() <= 1 {
            return;
        }
        let frame = self.stack.pop().expect("checked above");
        let node = match frame.open {
            Open::Root => return,
            Open::Element(Kind::TableHead) => Node::Element {
                kind: Kind::TableHead,
                children: vec![Node::Element {
                    kind: Kind::TableRow,
                    children: frame.children,
                }],
            },
            Open::Element(kind) => Node::Element {
                kind,
                children: frame.children,
            },
            Open::Image { src, title } => {
                let alt = plain_text(&frame.children);
                match src {
                    Some(src) => Node::Image { src, alt, title },
                    None => Node::Text(alt),
                }
            }
            Open::CodeBlock(language) => Node::CodeBlock {
                language,
                text: plain_text(&frame.children),
            },
            Open::Footnote(label) => {
                self.notes.definitions.insert(label, frame.children);
                return;
            }
            Open::Html => {
                let text = without_html_comments(&plain_text(&frame.children));
                let text = text.trim();
                if text.is_empty() {
                    return;
                }
                Node::Element {
                    kind: Kind::Paragraph,
                    children: vec![Node::Text(text.to_string())],
                }
            }
        };
        self.push(node);
    }

    fn wrap_table_body(&mut self) {
        if self.skipped > 0 {
            return;
        }
        if let Some(top) = self.stack.last_mut()
            && matches!(top.open, Open::Element(Kind::Table))
        {
            let head_len = usize::from(matches!(
                top.children.first(),
                Some(Node::Element {
                    kind: Kind::TableHead,
                    ..
                })
            ));
            let rows = top.children.split_off(head_len);
            if !rows.is_empty() {
                top.children.push(Node::Element {
                    kind: Kind::TableBody,
                    children: rows,
                });
            }
        }
    }

    pub(super) fn event(&mut self, event: Event<'_>) {
        if self.discard > 0 {
            match event {
                Event::Start(_) => self.discard += 1,
                Event::End(_) => self.discard -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(TagEnd::Table) => {
                // Rows after the head belong in a <tbody>.
                self.wrap_table_body();
                self.close();
                self.note_shortened_table();
            }
            Event::End(_) => self.close(),
            Event::Text(t) => self.push(Node::Text(t.into_string())),
            Event::Code(t) => self.push(Node::Code(t.into_string())),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.push(Node::Code(t.into_string())),
            // Lines of an HTML block: comments are removed when the block closes.
            Event::Html(t) => self.push(Node::Text(t.into_string())),
            Event::InlineHtml(t) => {
                if !t.trim_start().starts_with("<!--") {
                    self.push(Node::Text(t.into_string()));
                }
            }
            Event::FootnoteReference(label) => {
                let number = self.notes.number_for(&label);
                let first = self.notes.referenced.insert(number);
                self.push(Node::FootnoteRef { number, first });
            }
            Event::SoftBreak => self.push(Node::SoftBreak),
            Event::HardBreak => self.push(Node::HardBreak),
            Event::Rule => self.push(Node::Rule),
            Event::TaskListMarker(done) => self.push(Node::TaskMarker(done)),
        }
    }

    /// Under a table that went over [`MAX_TABLE_CELLS`]: says what is missing.
    fn note_shortened_table(&mut self) {
        let (rows, cells) = (self.dropped_rows, self.dropped_cells);
        if rows == 0 && cells == 0 {
            return;
        }
        let missing = match (rows, cells) {
            (0, c) => format!("{} cells", thousands(c)),
            (1, _) => "1 row".to_string(),
            (r, _) => format!("{} rows", thousands(r)),
        };
        self.push(Node::Element {
            kind: Kind::Paragraph,
            children: vec![Node::Text(format!(
                "Table shortened: {missing} left out (Broadsheet shows up to {} cells of a table).",
                thousands(MAX_TABLE_CELLS)
            ))],
        });
    }

    fn start(&mut self, tag: Tag<'_>) {
        let open = match tag {
            Tag::Paragraph => Open::Element(Kind::Paragraph),
            Tag::Heading { level, .. } => Open::Element(Kind::Heading((level as u8 + 1).min(6))),
            Tag::BlockQuote(_) => Open::Element(Kind::BlockQuote),
            Tag::CodeBlock(kind) => Open::CodeBlock(match kind {
                CodeBlockKind::Fenced(info) => info
                    .split_whitespace()
                    .next()
                    .filter(|l| !l.is_empty())
                    .map(str::to_string),
                CodeBlockKind::Indented => None,
            }),
            Tag::HtmlBlock => Open::Html,
            Tag::List(start) => Open::Element(Kind::List { start }),
            Tag::Item => Open::Element(Kind::Item),
            Tag::FootnoteDefinition(label) => Open::Footnote(label.into_string()),
            Tag::Table(aligns) => {
                self.open(Open::Element(Kind::Table));
                self.table_aligns = aligns.iter().map(|a| convert_align(*a)).collect();
                self.table_cells = 0;
                self.dropped_rows = 0;
                self.dropped_cells = 0;
                return;
            }
            Tag::TableHead => {
                self.in_head = true;
                self.cell = 0;
                Open::Element(Kind::TableHead)
            }
            Tag::TableRow => {
                self.in_head = false;
                self.cell = 0;
                if self.table_cells + self.table_aligns.len().max(1) > MAX_TABLE_CELLS {
                    self.dropped_rows += 1;
                    self.discard = 1;
                    return;
                }
                Open::Element(Kind::TableRow)
            }
            Tag::TableCell => {
                if self.table_cells >= MAX_TABLE_CELLS {
                    self.dropped_cells += 1;
                    self.discard = 1;
                    return;
                }
                self.table_cells += 1;
                let align = self
                    .table_aligns
                    .get(self.cell)
                    .copied()
                    .unwrap_or(Align::None);
                self.cell += 1;
                Open::Element(Kind::TableCell {
                    header: self.in_head,
                    align,
                })
            }
            Tag::Emphasis => Open::Element(Kind::Emphasis),
            Tag::Strong => Open::Element(Kind::Strong),
            Tag::Strikethrough => Open::Element(Kind::Strikethrough),
            Tag::Superscript => Open::Element(Kind::Superscript),
            Tag::Subscript => Open::Element(Kind::Subscript),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                let dest = if link_type == LinkType::Email && !dest_url.starts_with("mailto:") {
                    format!("mailto:{dest_url}")
                } else {
                    dest_url.into_string()
                };
                Open::Element(Kind::Link {
                    href: url_policy::link(&dest),
                    title: non_empty(title.into_string()),
                })
            }
            Tag::Image {
                dest_url, title, ..
            } => Open::Image {
                src: url_policy::image(&dest_url),
                title: non_empty(title.into_string()),
            },
            // Not enabled, but harmless if they ever are: keep their content.
            Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => Open::Element(Kind::Paragraph),
        };
        self.open(open);
    }
}

/// Removes `<!-- … -->` comments (an unclosed one runs to the end).
fn without_html_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = match rest[start + 4..].find("-->") {
            Some(end) => &rest[start + 4 + end + 3..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

fn convert_align(a: Alignment) -> Align {
    match a {
        Alignment::None => Align::None,
        Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

fn non_empty(s: String) -> Option<String> {
    (!s.trim().is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::parse;

    fn md(s: &str) -> Vec<Node> {
        parse(s, &mut Footnotes::default())
    }
    fn text(s: &str) -> Node {
        Node::Text(s.into())
    }
    fn el(kind: Kind, children: Vec<Node>) -> Node {
        Node::Element { kind, children }
    }

    #[test]
    fn paragraphs_keep_typographic_quotes() {
        let nodes = md("Iran’s leaders would rather “slaughter” them.\n\nSecond … para.");
        assert_eq!(
            nodes,
            vec![
                el(
                    Kind::Paragraph,
                    vec![text("Iran’s leaders would rather “slaughter” them.")]
                ),
                el(Kind::Paragraph, vec![text("Second … para.")]),
            ]
        );
        // Straight quotes are not rewritten either.
        assert_eq!(
            md("\"a\" 'b'"),
            vec![el(Kind::Paragraph, vec![text("\"a\" 'b'")])]
        );
    }

    #[test]
    fn inline_formatting_and_links() {
        let nodes = md("*a* **b** ~~c~~ `d` [e](https://x.example/ \"T\") <https://auto.example>");
        let Node::Element { children, .. } = &nodes[0] else {
            panic!()
        };
        assert_eq!(children[0], el(Kind::Emphasis, vec![text("a")]));
        assert_eq!(children[2], el(Kind::Strong, vec![text("b")]));
        assert_eq!(children[4], el(Kind::Strikethrough, vec![text("c")]));
        assert_eq!(children[6], Node::Code("d".into()));
        assert_eq!(
            children[8],
            el(
                Kind::Link {
                    href: url_policy::link("https://x.example/"),
                    title: Some("T".into())
                },
                vec![text("e")]
            )
        );
        assert!(
            matches!(&children[10], Node::Element { kind: Kind::Link { href: Some(h), .. }, .. } if h == "https://auto.example")
        );
    }

    #[test]
    fn unsafe_urls_lose_their_target_but_keep_text() {
        let nodes =
            md("[click](javascript:alert(1)) ![pic](javascript:x) [m](mailto:a@b.c) <a@b.c>");
        let Node::Element { children, .. } = &nodes[0] else {
            panic!()
        };
        assert_eq!(
            children[0],
            el(
                Kind::Link {
                    href: None,
                    title: None
                },
                vec![text("click")]
            )
        );
        assert_eq!(children[1], text(" pic "));
        assert!(
            matches!(&children[2], Node::Element { kind: Kind::Link { href: Some(h), .. }, .. } if h == "mailto:a@b.c")
        );
        assert!(
            matches!(&children[4], Node::Element { kind: Kind::Link { href: Some(h), .. }, .. } if h == "mailto:a@b.c")
        );
    }

    #[test]
    fn raw_html_is_text() {
        assert_eq!(
            md("<script>alert(1)</script>"),
            vec![el(Kind::Paragraph, vec![text("<script>alert(1)</script>")])]
        );
        assert_eq!(
            md("a <img src=x onerror=alert(1)> b"),
            vec![el(
                Kind::Paragraph,
                vec![text("a <img src=x onerror=alert(1)> b")]
            )]
        );
        assert_eq!(
            md("<!-- hidden -->\n\nshown"),
            vec![el(Kind::Paragraph, vec![text("shown")])]
        );
    }

    #[test]
    fn headings_lists_quotes_code() {
        let nodes =
            md("# Top\n\n### Deep\n\n- a\n- b\n\n3. x\n\n> q\n\n```rust\nfn x() {}\n```\n\n---");
        assert_eq!(nodes[0], el(Kind::Heading(2), vec![text("Top")]));
        assert_eq!(nodes[1], el(Kind::Heading(4), vec![text("Deep")]));
        assert!(
            matches!(&nodes[2], Node::Element { kind: Kind::List { start: None }, children } if children.len() == 2)
        );
        assert!(matches!(
            &nodes[3],
            Node::Element {
                kind: Kind::List { start: Some(3) },
                ..
            }
        ));
        assert_eq!(
            nodes[4],
            el(Kind::BlockQuote, vec![el(Kind::Paragraph, vec![text("q")])])
        );
        assert_eq!(
            nodes[5],
            Node::CodeBlock {
                language: Some("rust".into()),
                text: "fn x() {}\n".into()
            }
        );
        assert_eq!(nodes[6], Node::Rule);
    }

    #[test]
    fn tables_have_head_and_body() {
        let nodes = md("| A | B |\n|:--|--:|\n| 1 | 2 |\n| 3 | 4 |");
        let cell = |header, align, s: &str| el(Kind::TableCell { header, align }, vec![text(s)]);
        let row = |a, b| el(Kind::TableRow, vec![a, b]);
        assert_eq!(
            nodes,
            vec![el(
                Kind::Table,
                vec![
                    el(
                        Kind::TableHead,
                        vec![row(
                            cell(true, Align::Left, "A"),
                            cell(true, Align::Right, "B")
                        )]
                    ),
                    el(
                        Kind::TableBody,
                        vec![
                            row(
                                cell(false, Align::Left, "1"),
                                cell(false, Align::Right, "2")
                            ),
                            row(
                                cell(false, Align::Left, "3"),
                                cell(false, Align::Right, "4")
                            ),
                        ]
                    ),
                ]
            )]
        );
    }

    #[test]
    fn deep_nesting_is_flattened_not_lost() {
        let deep = format!("{}deep", "> ".repeat(1000));
        let nodes = md(&deep);
        fn depth(n: &[Node]) -> usize {
            n.iter()
                .map(|n| match n {
                    Node::Element { children, .. } => 1 + depth(children),
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        assert!(depth(&nodes) <= MAX_DEPTH);
        assert_eq!(
            crate::invariants::tree_problems(&nodes),
            Vec::<String>::new()
        );
        assert!(plain_text(&nodes).contains("deep"));
        // Found by the fuzzer: a table at the depth limit, whose head row and
        // body are wrapped when they close.
        let quotes = "> ".repeat(MAX_DEPTH - 3);
        let quoted_table = format!("{quotes}| a | b |\n{quotes}|---|---|\n{quotes}| *1* | 2 |\n");
        assert_eq!(
            crate::invariants::tree_problems(&md(&quoted_table)),
            Vec::<String>::new()
        );
        let brackets = "[".repeat(100_000);
        assert_eq!(plain_text(&md(&brackets)).trim(), brackets);
    }

    #[test]
    fn huge_tables_are_cut_at_the_cell_cap_with_a_note() {
        fn count(nodes: &[Node], kind: &Kind) -> usize {
            nodes
                .iter()
                .map(|n| match n {
                    Node::Element { kind: k, children } => {
                        usize::from(k == kind) + count(children, kind)
                    }
                    _ => 0,
                })
                .sum()
        }
        let mut table = String::from("| a | b |\n|---|---|\n");
        for i in 0..3000 {
            table.push_str(&format!("| {i} | x |\n"));
        }
        let nodes = md(&table);
        // 2 head cells, then 2499 whole rows of 2: 5000 cells.
        assert_eq!(count(&nodes, &Kind::TableRow), 2500);
        let note = plain_text(&nodes[1..]);
        assert_eq!(
            note.trim(),
            "Table shortened: 501 rows left out (Broadsheet shows up to 5,000 cells of a table)."
        );
        // A head wider than the cap keeps its first 5,000 cells.
        let wide = format!("{}|\n{}|\n", "| h ".repeat(6000), "|---".repeat(6000));
        let nodes = md(&wide);
        let cell = Kind::TableCell {
            header: true,
            align: Align::None,
        };
        assert_eq!(count(&nodes, &cell), MAX_TABLE_CELLS);
        assert!(plain_text(&nodes).contains("1,000 cells left out"));
        // A small table has no note.
        assert_eq!(md("| a |\n|---|\n| 1 |\n").len(), 1);
    }
}
