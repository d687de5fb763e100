//! The safe node tree as an HTML string, for places with no DOM: the CommonMark
//! conformance test (`tests/commonmark.rs`) and, later, feeds.
//!
//! Every string from the tree is escaped here; URLs are the ones the policy
//! already passed. The markup follows the reference CommonMark renderer's
//! conventions (`<p>`, `<pre><code class="language-x">`, `<hr />`), and a refused
//! link keeps only its text, as in the viewer.

use crate::markdown::{Kind, Node};
use crate::page::anchors;

/// Renders `nodes` as HTML.
pub fn render(nodes: &[Node]) -> String {
    let mut out = String::new();
    for node in nodes {
        node_html(node, &mut out);
    }
    out
}

/// `s` with `&`, `<`, `>` and `"` escaped: safe as text and as a quoted attribute.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn attr(out: &mut String, name: &str, value: &str) {
    out.push_str(&format!(" {name}=\"{}\"", escape(value)));
}

fn node_html(node: &Node, out: &mut String) {
    match node {
        Node::Text(t) => out.push_str(&escape(t)),
        Node::Code(t) => out.push_str(&format!("<code>{}</code>", escape(t))),
        Node::SoftBreak => out.push('\n'),
        Node::HardBreak => out.push_str("<br />\n"),
        Node::Rule => out.push_str("<hr />\n"),
        Node::CodeBlock { language, text } => {
            out.push_str("<pre><code");
            if let Some(language) = language {
                attr(out, "class", &format!("language-{language}"));
            }
            out.push_str(&format!(">{}</code></pre>\n", escape(text)));
        }
        Node::FootnoteRef { number, first } => {
            out.push_str("<sup class=\"footnote-ref\"><a");
            attr(out, "href", &format!("#{}", anchors::footnote(*number)));
            if *first {
                attr(out, "id", &anchors::footnote_ref(*number));
            }
            out.push_str(&format!(">{number}</a></sup>"));
        }
        Node::Image { src, alt, title } => {
            out.push_str("<img");
            attr(out, "src", src.as_str());
            attr(out, "alt", alt);
            if let Some(title) = title {
                attr(out, "title", title);
            }
            out.push_str(" />");
        }
        Node::TaskMarker(done) => out.push_str(if *done {
            "<input type=\"checkbox\" disabled=\"\" checked=\"\" /> "
        } else {
            "<input type=\"checkbox\" disabled=\"\" /> "
        }),
        Node::Element { kind, children } => element_html(kind, children, out),
    }
}

fn element_html(kind: &Kind, children: &[Node], out: &mut String) {
    let inner = render(children);
    let wrap = |out: &mut String, tag: &str, attrs: &str, block: bool| {
        let nl = if block { "\n" } else { "" };
        out.push_str(&format!("<{tag}{attrs}>{nl}{inner}</{tag}>{nl}"));
    };
    match kind {
        Kind::Paragraph => out.push_str(&format!("<p>{inner}</p>\n")),
        Kind::Heading(level) => {
            let level = (*level).clamp(1, 6);
            out.push_str(&format!("<h{level}>{inner}</h{level}>\n"));
        }
        Kind::BlockQuote => wrap(out, "blockquote", "", true),
        Kind::List { start: None } => wrap(out, "ul", "", true),
        Kind::List { start: Some(s) } => {
            let attrs = if *s == 1 {
                String::new()
            } else {
                format!(" start=\"{s}\"")
            };
            wrap(out, "ol", &attrs, true);
        }
        Kind::Item => out.push_str(&format!("<li>{inner}</li>\n")),
        Kind::Emphasis => wrap(out, "em", "", false),
        Kind::Strong => wrap(out, "strong", "", false),
        Kind::Strikethrough => wrap(out, "del", "", false),
        Kind::Superscript => wrap(out, "sup", "", false),
        Kind::Subscript => wrap(out, "sub", "", false),
        Kind::Link { href: None, .. } => out.push_str(&inner),
        Kind::Link {
            href: Some(href),
            title,
        } => {
            let mut attrs = String::new();
            attr(&mut attrs, "href", href.as_str());
            if let Some(title) = title {
                attr(&mut attrs, "title", title);
            }
            wrap(out, "a", &attrs, false);
        }
        Kind::Table => wrap(out, "table", "", true),
        Kind::TableHead => wrap(out, "thead", "", true),
        Kind::TableBody => wrap(out, "tbody", "", true),
        Kind::TableRow => wrap(out, "tr", "", true),
        Kind::TableCell { header, align } => {
            let attrs = align
                .as_css()
                .map(|a| format!(" style=\"text-align: {a}\""))
                .unwrap_or_default();
            let tag = if *header { "th" } else { "td" };
            out.push_str(&format!("<{tag}{attrs}>{inner}</{tag}>\n"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{Footnotes, parse};

    fn md(s: &str) -> String {
        render(&parse(s, &mut Footnotes::default()))
    }

    #[test]
    fn text_is_escaped_and_raw_html_stays_text() {
        assert_eq!(
            md("<script>alert(\"x\")</script> & co"),
            "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</p>\n"
        );
        assert_eq!(
            md("[a](https://x.example/?q=\"&r) [b](javascript:alert(1))"),
            "<p><a href=\"https://x.example/?q=%22&amp;r\">a</a> b</p>\n"
        );
    }

    #[test]
    fn blocks_follow_the_reference_renderer() {
        assert_eq!(
            md("# T\n\n- a\n- b\n\n```rust\nx < y\n```"),
            "<h2>T</h2>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<pre><code class=\"language-rust\">x &lt; y\n</code></pre>\n"
        );
    }
}
