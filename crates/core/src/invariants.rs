//! What must hold of every page Broadsheet builds, whatever the input. The
//! fuzzers (`fuzz/`) and the property tests (`tests/properties.rs`) feed
//! arbitrary input through the parsers and check it here.
//!
//! The URL checks look at a URL the way a browser will once it is an attribute
//! value: tabs and newlines dropped, leading and trailing controls and spaces
//! trimmed, the scheme compared without case.

use crate::limits::{MAX_DEPTH, MAX_TABLE_CELLS};
use crate::markdown::{Kind, Node};
use crate::page::{Content, Page, PageFigure};
use crate::url_policy::SafeUrl;

const LINK_SCHEMES: &[&str] = &["http", "https", "mailto"];
const IMAGE_SCHEMES: &[&str] = &["http", "https"];

/// Everything wrong with `page`; empty when all is well.
pub fn page_problems(page: &Page) -> Vec<String> {
    let mut out = Vec::new();
    let mut link = |what: &str, url: &Option<SafeUrl>| {
        if let Some(url) = url {
            check_url(what, url.as_str(), LINK_SCHEMES, &mut out);
        }
    };
    for author in &page.authors {
        link("author url", &author.href);
    }
    for related in &page.related {
        link("related url", &related.href);
    }
    if let Some(comments) = &page.comments {
        link("comments url", &comments.href);
    }
    let figures = page
        .lead
        .iter()
        .chain(page.body.iter().filter_map(|item| match &item.content {
            Content::Figure(f) => Some(f),
            _ => None,
        }));
    for figure in figures {
        figure_problems(figure, &mut out);
    }
    for item in &page.body {
        if let Content::Node(node) = &item.content {
            out.extend(tree_problems(std::slice::from_ref(node)));
        }
    }
    for note in &page.footnotes {
        out.extend(tree_problems(&note.children));
    }
    out
}

fn figure_problems(figure: &PageFigure, out: &mut Vec<String>) {
    if let Some(image) = &figure.image {
        check_url("figure src", image.src.as_str(), IMAGE_SCHEMES, out);
        for candidate in &image.srcset {
            check_url("srcset entry", candidate.url.as_str(), IMAGE_SCHEMES, out);
        }
    }
}

/// Everything wrong with a Markdown tree: too deep, a table over the cell cap,
/// or a URL the policy should have refused.
pub fn tree_problems(nodes: &[Node]) -> Vec<String> {
    let mut out = Vec::new();
    walk(nodes, 1, &mut out);
    out
}

fn walk(nodes: &[Node], depth: usize, out: &mut Vec<String>) {
    for node in nodes {
        match node {
            Node::Image { src, .. } => check_url("image", src.as_str(), IMAGE_SCHEMES, out),
            Node::Element { kind, children } => {
                if depth > MAX_DEPTH {
                    out.push(format!("nested {depth} deep (limit {MAX_DEPTH})"));
                    return;
                }
                if let Kind::Link {
                    href: Some(href), ..
                } = kind
                {
                    check_url("link", href.as_str(), LINK_SCHEMES, out);
                }
                if *kind == Kind::Table {
                    let cells = count_cells(children);
                    if cells > MAX_TABLE_CELLS {
                        out.push(format!("table of {cells} cells (limit {MAX_TABLE_CELLS})"));
                    }
                }
                walk(children, depth + 1, out);
            }
            _ => {}
        }
    }
}

fn count_cells(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            Node::Element {
                kind: Kind::TableCell { .. },
                ..
            } => 1,
            Node::Element { children, .. } => count_cells(children),
            _ => 0,
        })
        .sum()
}

fn check_url(what: &str, url: &str, schemes: &[&str], out: &mut Vec<String>) {
    if let Some(problem) = url_problem(url, schemes) {
        out.push(format!("{what} {problem}"));
    }
}

/// Why `url` must not be a link target, if it must not.
pub fn link_problem(url: &str) -> Option<String> {
    url_problem(url, LINK_SCHEMES)
}

/// Why `url` must not be an image source, if it must not.
pub fn image_problem(url: &str) -> Option<String> {
    url_problem(url, IMAGE_SCHEMES)
}

fn url_problem(url: &str, schemes: &[&str]) -> Option<String> {
    let seen: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    // A scheme, as the URL standard reads one: a letter, then letters, digits,
    // `+`, `-` or `.`, then `:`. Anything else before a `:` makes the URL relative.
    let scheme_end = seen.find(':').filter(|&end| {
        let mut chars = seen[..end].chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    if let Some(end) = scheme_end {
        let scheme = seen[..end].to_ascii_lowercase();
        if !schemes.contains(&scheme.as_str()) {
            return Some(format!("with scheme {scheme:?}: {url:?}"));
        }
    }
    if seen.starts_with("\\\\") || seen.starts_with("/\\") {
        return Some(format!("that a browser reads as another host: {url:?}"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checks_catch_what_they_are_for() {
        let link = |href: &str| Node::Element {
            kind: Kind::Link {
                href: Some(SafeUrl::unchecked(href)),
                title: None,
            },
            children: vec![],
        };
        assert!(
            tree_problems(&[link("https://example.org/"), link("/a"), link("mailto:x@y")])
                .is_empty()
        );
        assert_eq!(tree_problems(&[link(" Java\tScript:alert(1)")]).len(), 1);
        assert_eq!(tree_problems(&[link("\\\\evil.example/")]).len(), 1);
        // Found by the fuzzer: "h ttps://…" becomes "h%20ttps://…", which a browser
        // reads as a relative path, not a scheme.
        assert!(tree_problems(&[link("h%20ttps://example.org/"), link("a/b:c")]).is_empty());
        let mut deep = Node::Text("x".into());
        for _ in 0..MAX_DEPTH + 2 {
            deep = Node::Element {
                kind: Kind::BlockQuote,
                children: vec![deep],
            };
        }
        assert_eq!(tree_problems(&[deep]).len(), 1);
    }
}
