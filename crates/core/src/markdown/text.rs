//! Plain text out of the node tree (for alt text, slugs, reading time).

use super::{Kind, Node};

/// The text a reader would see in these nodes, breaks as spaces.
pub fn plain_text(nodes: &[Node]) -> String {
    let mut out = String::new();
    collect_text(nodes, &mut out);
    out
}

fn collect_text(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(t) | Node::Code(t) => out.push_str(t),
            Node::CodeBlock { text, .. } => out.push_str(text),
            Node::SoftBreak | Node::HardBreak => out.push(' '),
            Node::Image { alt, .. } => out.push_str(alt),
            Node::Element { kind, children } => {
                collect_text(children, out);
                if matches!(
                    kind,
                    Kind::Paragraph
                        | Kind::Heading(_)
                        | Kind::Item
                        | Kind::TableCell { .. }
                        | Kind::BlockQuote
                ) {
                    out.push(' ');
                }
            }
            Node::Rule | Node::FootnoteRef { .. } | Node::TaskMarker(_) => {}
        }
    }
}
