//! Footnotes shared by all text blocks of one article, numbered in order of
//! first reference.

use super::Node;
use std::collections::HashMap;

/// A footnote definition, numbered by first reference.
#[derive(Clone, Debug, PartialEq)]
pub struct Footnote {
    pub number: usize,
    pub label: String,
    pub children: Vec<Node>,
}

/// Footnotes shared by all text blocks of one article.
#[derive(Default, Debug)]
pub struct Footnotes {
    numbers: HashMap<String, usize>,
    pub(super) definitions: HashMap<String, Vec<Node>>,
    pub(super) referenced: std::collections::HashSet<usize>,
}

impl Footnotes {
    pub(super) fn number_for(&mut self, label: &str) -> usize {
        let next = self.numbers.len() + 1;
        *self.numbers.entry(label.to_string()).or_insert(next)
    }

    /// The notes in number order. Definitions never referenced come last; references
    /// without a definition are listed with no text so the link still lands somewhere.
    pub fn finish(mut self) -> Vec<Footnote> {
        let mut unreferenced: Vec<String> = self
            .definitions
            .keys()
            .filter(|l| !self.numbers.contains_key(*l))
            .cloned()
            .collect();
        unreferenced.sort();
        for label in unreferenced {
            self.number_for(&label);
        }
        let mut notes: Vec<Footnote> = self
            .numbers
            .iter()
            .map(|(label, &number)| Footnote {
                number,
                label: label.clone(),
                children: self.definitions.remove(label).unwrap_or_default(),
            })
            .collect();
        notes.sort_by_key(|n| n.number);
        notes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{parse, plain_text};

    fn text(s: &str) -> Node {
        Node::Text(s.into())
    }

    #[test]
    fn footnotes_number_across_blocks_by_first_reference() {
        let mut notes = Footnotes::default();
        let first = parse(
            "One[^b] two[^a].\n\n[^a]: Note A.\n[^b]: Note B.",
            &mut notes,
        );
        // As in GitHub Markdown, a reference needs its definition in the same text.
        let second = parse(
            "Not a note[^a]. New[^c].\n\n[^c]: Note C.\n\n[^unused]: U.",
            &mut notes,
        );
        let Node::Element { children, .. } = &first[0] else {
            panic!()
        };
        assert_eq!(
            children[1],
            Node::FootnoteRef {
                number: 1,
                first: true
            }
        );
        assert_eq!(
            children[3],
            Node::FootnoteRef {
                number: 2,
                first: true
            }
        );
        let Node::Element { children, .. } = &second[0] else {
            panic!()
        };
        assert_eq!(children[0], text("Not a note[^a]. New"));
        assert_eq!(
            children[1],
            Node::FootnoteRef {
                number: 3,
                first: true
            }
        );
        let again = parse("Twice[^x] and[^x].\n\n[^x]: X.", &mut notes);
        let Node::Element { children, .. } = &again[0] else {
            panic!()
        };
        assert_eq!(
            children[1],
            Node::FootnoteRef {
                number: 4,
                first: true
            }
        );
        assert_eq!(
            children[3],
            Node::FootnoteRef {
                number: 4,
                first: false
            }
        );
        let notes = notes.finish();
        let summary: Vec<_> = notes
            .iter()
            .map(|n| (n.number, n.label.as_str(), plain_text(&n.children)))
            .collect();
        assert_eq!(
            summary,
            vec![
                (1, "b", "Note B. ".to_string()),
                (2, "a", "Note A. ".to_string()),
                (3, "c", "Note C. ".to_string()),
                (4, "x", "X. ".to_string()),
                (5, "unused", "U. ".to_string())
            ]
        );
    }
}
