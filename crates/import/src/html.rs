//! HTML → article blocks, safely: the converter every HTML-carrying format uses.
//!
//! The HTML is parsed as a browser parses it (html5ever, through `scraper`), so
//! entities are decoded exactly once and broken markup is repaired the same way.
//! Then the tree is walked:
//!
//! - Paragraphs, emphasis, strong, strikethrough, super/subscript, links, inline
//!   code, line breaks, lists (nested), tables (GFM), `<pre>` and rules become
//!   Markdown in text blocks; all text is escaped, so it shows as written.
//! - `<h1>`–`<h6>` become heading blocks (levels 2–4, the format's range).
//! - A `<blockquote>` standing alone becomes a quote block (its `<cite>` or
//!   `<footer>` the cite); one holding lists or tables stays Markdown.
//! - `<figure>`, `<picture>` and an `<img>` alone in its paragraph become figure
//!   blocks: src, alt, width, height, srcset, caption and credit.
//! - Scripts, styles, templates, forms, iframes, objects, embeds, video, audio,
//!   canvas and SVG are dropped (with a warning when a reader would have seen
//!   something); attributes other than the URLs and image sizes are never read,
//!   so event handlers go too. Every URL is resolved against the base address
//!   and passes `url_policy::link` or `url_policy::image`, else it is dropped.

use crate::{collapse, escape, non_empty};
use broadsheet_core::article::{Block, Figure, Image, SrcsetEntry};
use broadsheet_core::url_policy;
use scraper::node::Node;
use scraper::{ElementRef, Html};
use url::Url;

type NodeRef<'a> = ego_tree::NodeRef<'a, Node>;

/// Elements dropped with everything in them; nothing a reader sees.
const HIDDEN: &[&str] = &[
    "script", "style", "template", "noscript", "head", "title", "meta", "link", "base", "param",
    "source", "track", "input", "button", "select", "option", "textarea", "datalist", "dialog",
    "map", "area",
];

/// Elements dropped with everything in them that a reader would have seen: a
/// warning names each.
const EMBEDS: &[&str] = &[
    "iframe", "frame", "frameset", "object", "embed", "applet", "video", "audio", "canvas", "svg",
    "math", "form", "portal",
];

/// Elements that end the paragraph around them.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "ul",
    "ol",
    "menu",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "picture",
    "table",
    "pre",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "fieldset",
    "legend",
    "body",
    "html",
];

/// How deep the walk goes; deeper elements are read as plain text.
const MAX_NESTING: usize = 32;

/// What a conversion made and what it dropped on the way.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Converted {
    pub blocks: Vec<Block>,
    pub warnings: Vec<String>,
}

/// An HTML fragment (an article body) as blocks.
pub fn to_blocks(html: &str, base: Option<&Url>) -> Converted {
    let doc = Html::parse_fragment(html);
    let mut warnings = Vec::new();
    let blocks = element_to_blocks(doc.root_element(), base, &mut warnings);
    Converted { blocks, warnings }
}

/// The contents of `el` (an `<article>`, a `<main>`) as blocks.
pub fn element_to_blocks(
    el: ElementRef,
    base: Option<&Url>,
    warnings: &mut Vec<String>,
) -> Vec<Block> {
    let mut walker = Walker { base, warnings };
    let mut chunks = Vec::new();
    walker.blocks(*el, true, 0, &mut chunks);
    let mut blocks = Vec::new();
    let mut text: Vec<String> = Vec::new();
    for chunk in chunks {
        match chunk {
            Chunk::Md(md) => text.push(md),
            Chunk::Block(block) => {
                if !text.is_empty() {
                    blocks.push(Block::Text {
                        markdown: text.join("\n\n"),
                    });
                    text.clear();
                }
                blocks.push(block);
            }
        }
    }
    if !text.is_empty() {
        blocks.push(Block::Text {
            markdown: text.join("\n\n"),
        });
    }
    blocks
}

/// The text an HTML fragment shows, whitespace collapsed: for deks, excerpts,
/// titles and captions, which the format keeps as plain text.
pub fn plain_text(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    collapse(&visible_text(*doc.root_element()))
}

/// Resolves `raw` against `base` (when it is relative and there is a base).
pub fn resolve(raw: &str, base: Option<&Url>) -> String {
    let raw = raw.trim();
    match base {
        Some(base) if Url::parse(raw).is_err() => base
            .join(raw)
            .map_or_else(|_| raw.to_string(), |u| u.to_string()),
        _ => raw.to_string(),
    }
}

/// An image URL resolved and through the policy, or a warning.
pub fn image_url(raw: &str, base: Option<&Url>, warnings: &mut Vec<String>) -> Option<String> {
    let resolved = resolve(raw, base);
    if resolved.is_empty() {
        return None;
    }
    let safe = url_policy::image(&resolved).map(|u| u.into_string());
    if safe.is_none() {
        warnings.push(format!(
            "image {} dropped: not an http(s) or relative URL",
            shorten(raw)
        ));
    }
    safe
}

/// A link URL resolved and through the policy.
pub fn link_url(raw: &str, base: Option<&Url>) -> Option<String> {
    url_policy::link(&resolve(raw, base)).map(|u| u.into_string())
}

/// A caption split from the credit it ends with or is: "Protesters in Ankara.
/// Photo by: AP" → ("Protesters in Ankara.", "AP"); "© Reuters" → (None,
/// "Reuters"); "Illustration: Jo Bloggs" keeps its label, which tells what it is.
pub fn split_credit(text: &str) -> (Option<String>, Option<String>) {
    const DROPPED_LABELS: &[&str] = &[
        "photo credit:",
        "photo by:",
        "photos by:",
        "photo by",
        "photo:",
        "photos:",
        "credit:",
        "image:",
        "picture:",
        "©",
        "(c)",
    ];
    const KEPT_LABELS: &[&str] = &[
        "photograph:",
        "photograph by",
        "illustration:",
        "illustration by",
        "graphic:",
        "map:",
        "courtesy of",
    ];
    let text = collapse(text);
    let lower = text.to_lowercase();
    let mut best: Option<(usize, usize, bool)> = None;
    for (labels, keep) in [(DROPPED_LABELS, false), (KEPT_LABELS, true)] {
        for label in labels {
            let mut from = 0;
            while let Some(i) = lower[from..].find(label).map(|i| i + from) {
                // At the start, after a sentence or a separator; "©" anywhere.
                let before = lower[..i].trim_end().chars().next_back();
                let spaced = lower[..i]
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace);
                if (before.is_none_or(|c| "(|[.!?—–-".contains(c)) || (*label == "©" && spaced))
                    && best.is_none_or(|(b, ..)| i < b)
                {
                    best = Some((i, label.len(), keep));
                }
                from = i + label.len();
            }
        }
    }
    let Some((i, len, keep)) = best else {
        return (non_empty(&text), None);
    };
    // `lower` and `text` may differ in length (a letter whose lowercase is longer),
    // so only cut where both agree on the boundaries.
    if lower.len() != text.len() || !text.is_char_boundary(i) || !text.is_char_boundary(i + len) {
        return (non_empty(&text), None);
    }
    let opened = text[..i].trim_end().ends_with(['(', '[']);
    let caption = text[..i].trim_end_matches(|c: char| c.is_whitespace() || "(|[—–-".contains(c));
    let mut credit = if keep { &text[i..] } else { &text[i + len..] }.trim();
    if opened {
        credit = credit.trim_end_matches([')', ']']).trim_end();
    }
    match non_empty(credit) {
        Some(credit) => (non_empty(caption), Some(credit)),
        None => (non_empty(&text), None),
    }
}

fn shorten(s: &str) -> String {
    let s = s.trim();
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("\"{}…\"", &s[..i]),
        None => format!("{s:?}"),
    }
}

enum Chunk {
    Md(String),
    Block(Block),
}

struct Walker<'a> {
    base: Option<&'a Url>,
    warnings: &'a mut Vec<String>,
}

fn name_of<'n>(node: &'n NodeRef) -> Option<&'n str> {
    match node.value() {
        Node::Element(e) => Some(e.name()),
        _ => None,
    }
}

fn attr<'n>(el: &'n ElementRef, name: &str) -> Option<&'n str> {
    el.value()
        .attr(name)
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

fn has_class(el: &ElementRef, part: &str) -> bool {
    el.value().classes().any(|c| c.contains(part))
}

/// The text a reader sees in `node`: hidden and embedded elements left out,
/// whitespace as written. Iterative, so any depth is fine.
fn visible_text(node: NodeRef) -> String {
    text_without(node, None)
}

/// [`visible_text`] without the element `skip` (a quote's cite).
fn text_without(node: NodeRef, skip: Option<ego_tree::NodeId>) -> String {
    let mut out = String::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if Some(n.id()) == skip {
            continue;
        }
        match n.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if HIDDEN.contains(&name) || EMBEDS.contains(&name) {
                    continue;
                }
                if name == "br" || (BLOCKS.contains(&name) && n != node) {
                    out.push('\n');
                }
                if name == "img"
                    && let Some(alt) = e.attr("alt")
                {
                    out.push_str(alt);
                }
                let mut children: Vec<_> = n.children().collect();
                children.reverse();
                stack.extend(children);
            }
            Node::Document | Node::Fragment => {
                let mut children: Vec<_> = n.children().collect();
                children.reverse();
                stack.extend(children);
            }
            _ => {}
        }
    }
    out
}

/// Inline Markdown split into paragraphs: whitespace collapsed, no empty lines,
/// a doubled line break a paragraph break, each line's start escaped.
fn tidy(md: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    for segment in md.split("\\\n") {
        let line = collapse(segment);
        if line.is_empty() {
            if !lines.is_empty() {
                paragraphs.push(lines.join("\\\n"));
                lines.clear();
            }
        } else {
            lines.push(escape::line_start(&line));
        }
    }
    if !lines.is_empty() {
        paragraphs.push(lines.join("\\\n"));
    }
    paragraphs
}

impl Walker<'_> {
    fn dropped(&mut self, node: NodeRef) {
        let Some(name) = name_of(&node) else { return };
        if !EMBEDS.contains(&name) {
            return;
        }
        let el = ElementRef::wrap(node).expect("an element");
        let what = ["src", "data", "data-src", "action"]
            .iter()
            .find_map(|a| attr(&el, a))
            .map(|src| format!(" ({})", shorten(src)))
            .unwrap_or_default();
        self.warnings.push(format!(
            "<{name}>{what} dropped: Broadsheet shows no embeds"
        ));
    }

    /// The children of `parent` as chunks: runs of inline content become
    /// paragraphs, block elements are converted on their own. At the `top`
    /// level headings, quotes and figures are blocks; inside a list or a quote
    /// everything is Markdown.
    fn blocks(&mut self, parent: NodeRef, top: bool, depth: usize, out: &mut Vec<Chunk>) {
        if depth > MAX_NESTING {
            for p in tidy(&escape::inline(&visible_text(parent)).replace('\n', "\\\n")) {
                out.push(Chunk::Md(p));
            }
            return;
        }
        let mut run: Vec<NodeRef> = Vec::new();
        for child in parent.children() {
            match child.value() {
                Node::Text(_) => run.push(child),
                Node::Element(e) => {
                    let name = e.name();
                    if HIDDEN.contains(&name) || EMBEDS.contains(&name) {
                        self.dropped(child);
                    } else if BLOCKS.contains(&name) {
                        self.paragraph(&run, top, depth, out);
                        run.clear();
                        let el = ElementRef::wrap(child).expect("an element");
                        self.block(el, top, depth + 1, out);
                    } else {
                        run.push(child);
                    }
                }
                _ => {}
            }
        }
        self.paragraph(&run, top, depth, out);
    }

    fn paragraph(&mut self, run: &[NodeRef], top: bool, depth: usize, out: &mut Vec<Chunk>) {
        if let Some(img) = sole_image(run) {
            if let Some(figure) = self.figure_of(img, None) {
                self.push_figure(figure, top, out);
            }
            return;
        }
        let mut md = String::new();
        for node in run {
            self.inline(*node, depth, &mut md);
        }
        out.extend(tidy(&md).into_iter().map(Chunk::Md));
    }

    fn push_figure(&mut self, figure: Figure, top: bool, out: &mut Vec<Chunk>) {
        if top {
            out.push(Chunk::Block(Block::Figure(figure)));
            return;
        }
        if let Some(image) = &figure.image {
            out.push(Chunk::Md(format!(
                "![{}]({})",
                escape::inline(&image.alt),
                escape::destination(&image.src)
            )));
        }
        let words: Vec<&str> = [&figure.caption, &figure.credit]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        if !words.is_empty() {
            out.push(Chunk::Md(escape::paragraph(&words.join(" "))));
        }
    }

    fn block(&mut self, el: ElementRef, top: bool, depth: usize, out: &mut Vec<Chunk>) {
        let name = el.value().name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = (name.as_bytes()[1] - b'0').clamp(2, 4);
                let text = collapse(&visible_text(*el));
                if text.is_empty() {
                } else if top {
                    out.push(Chunk::Block(Block::Heading { text, level }));
                } else {
                    out.push(Chunk::Md(format!(
                        "{} {}",
                        "#".repeat(level.into()),
                        escape::inline(&text)
                    )));
                }
            }
            "ul" | "ol" | "menu" => {
                let list = self.list(el, depth);
                if !list.is_empty() {
                    out.push(Chunk::Md(list));
                }
            }
            "blockquote" => self.blockquote(el, top, depth, out),
            "figure" => self.figure(el, top, depth, out),
            "picture" => {
                if let Some(img) = el
                    .descendants()
                    .filter_map(ElementRef::wrap)
                    .find(|e| e.value().name() == "img")
                    && let Some(figure) = self.figure_of(img, None)
                {
                    self.push_figure(figure, top, out);
                }
            }
            "table" => {
                let table = self.table(el, depth);
                if !table.is_empty() {
                    out.push(Chunk::Md(table));
                }
            }
            "pre" => {
                let code = visible_text(*el);
                let code = code.trim_matches('\n');
                if !code.trim().is_empty() {
                    let fence = "`".repeat(longest_run(code, '`').max(2) + 1);
                    let language = el
                        .descendants()
                        .filter_map(ElementRef::wrap)
                        .flat_map(|e| e.value().classes().collect::<Vec<_>>())
                        .find_map(|c| c.strip_prefix("language-"))
                        .filter(|l| {
                            l.chars()
                                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '+')
                        })
                        .unwrap_or("");
                    out.push(Chunk::Md(format!("{fence}{language}\n{code}\n{fence}")));
                }
            }
            "hr" => out.push(Chunk::Md("* * *".into())),
            _ => self.blocks(*el, top, depth, out),
        }
    }

    fn list(&mut self, el: ElementRef, depth: usize) -> String {
        let ordered = el.value().name() == "ol";
        let mut number: u64 = attr(&el, "start")
            .and_then(|s| s.parse().ok())
            .unwrap_or(1)
            .min(999_999_000);
        let mut items = Vec::new();
        let mut loose = false;
        for child in el.children() {
            let mut chunks = Vec::new();
            if name_of(&child) == Some("li") {
                self.blocks(child, false, depth + 1, &mut chunks);
            } else {
                // Text or elements directly in the list: read as an item of their own.
                self.paragraph(&[child], false, depth + 1, &mut chunks);
            }
            let chunks: Vec<String> = chunks
                .into_iter()
                .filter_map(|c| match c {
                    Chunk::Md(md) => Some(md),
                    Chunk::Block(_) => None,
                })
                .collect();
            if chunks.is_empty() {
                continue;
            }
            let marker = if ordered {
                format!("{number}. ")
            } else {
                "- ".to_string()
            };
            number += 1;
            loose |= chunks.len() > 1;
            let indent = " ".repeat(marker.len());
            items.push(format!(
                "{marker}{}",
                indented(&chunks.join("\n\n"), &indent)
            ));
        }
        items.join(if loose { "\n\n" } else { "\n" })
    }

    fn blockquote(&mut self, el: ElementRef, top: bool, depth: usize, out: &mut Vec<Chunk>) {
        let structured = el.descendants().filter_map(ElementRef::wrap).any(|e| {
            matches!(
                e.value().name(),
                "ul" | "ol"
                    | "table"
                    | "pre"
                    | "img"
                    | "figure"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "blockquote"
            ) && e.id() != el.id()
        });
        let cite_el = el
            .descendants()
            .filter_map(ElementRef::wrap)
            .find(|e| matches!(e.value().name(), "cite" | "footer"));
        if top && !structured {
            let cite = cite_el
                .map(|c| collapse(&visible_text(*c)))
                .map(|c| {
                    c.trim_start_matches(['—', '–', '-', '~'])
                        .trim()
                        .to_string()
                })
                .filter(|c| !c.is_empty());
            let text = text_without(*el, cite_el.map(|c| c.id()));
            let paragraphs: Vec<String> = text
                .split('\n')
                .map(collapse)
                .filter(|p| !p.is_empty())
                .collect();
            if !paragraphs.is_empty() {
                out.push(Chunk::Block(Block::Quote {
                    text: paragraphs.join("\n\n"),
                    cite,
                }));
            }
            return;
        }
        let mut chunks = Vec::new();
        self.blocks(*el, false, depth, &mut chunks);
        let inner: Vec<String> = chunks
            .into_iter()
            .filter_map(|c| match c {
                Chunk::Md(md) => Some(md),
                Chunk::Block(_) => None,
            })
            .collect();
        if !inner.is_empty() {
            let quoted = inner.join("\n\n");
            let quoted: Vec<String> = quoted
                .lines()
                .map(|l| {
                    if l.is_empty() {
                        ">".into()
                    } else {
                        format!("> {l}")
                    }
                })
                .collect();
            out.push(Chunk::Md(quoted.join("\n")));
        }
    }

    fn figure(&mut self, el: ElementRef, top: bool, depth: usize, out: &mut Vec<Chunk>) {
        let descendants: Vec<ElementRef> = el
            .descendants()
            .skip(1)
            .filter_map(ElementRef::wrap)
            .collect();
        let has = |name: &str| descendants.iter().any(|e| e.value().name() == name);
        let caption_el = descendants
            .iter()
            .find(|e| e.value().name() == "figcaption")
            .copied();
        // A gallery, a pullquote, a table or an embed in a figure: walked as it is,
        // its caption a paragraph.
        if has("figure") || has("blockquote") || has("table") || !has("img") {
            let embedded = descendants
                .iter()
                .find(|e| EMBEDS.contains(&e.value().name()));
            if embedded.is_some() || has_class(&el, "wp-block-embed") {
                // An embed's figure (WordPress's wp-block-embed) often names what it shows.
                let link = descendants
                    .iter()
                    .filter(|e| has_class(e, "wrapper") || e.value().name() == "a")
                    .find_map(|e| {
                        let raw = attr(e, "href")
                            .map(str::to_string)
                            .unwrap_or_else(|| collapse(&visible_text(**e)));
                        let raw = non_empty(&raw)?;
                        link_url(&raw, self.base).filter(|u| u.starts_with("http"))
                    });
                match embedded {
                    Some(embed) => self.dropped(**embed),
                    None => self.warnings.push(format!(
                        "embed {} dropped, its link kept: Broadsheet shows no embeds",
                        link.as_deref().map_or("(no URL)".to_string(), shorten)
                    )),
                }
                if let Some(url) = link {
                    out.push(Chunk::Md(format!(
                        "[{}]({})",
                        escape::inline(&url),
                        escape::destination(&url)
                    )));
                }
                if let Some(c) = caption_el {
                    self.blocks(*c, false, depth, out);
                }
                return;
            }
            self.blocks(*el, top, depth, out);
            return;
        }
        let img = descendants
            .iter()
            .find(|e| e.value().name() == "img")
            .copied();
        let caption = caption_el.map(|c| caption_and_credit(c));
        if let Some(img) = img
            && let Some(mut figure) = self.figure_of(img, caption.clone())
        {
            // <picture><source srcset> gives the sizes when the <img> does not.
            if let Some(image) = &mut figure.image
                && image.srcset.is_empty()
            {
                image.srcset = descendants
                    .iter()
                    .filter(|e| e.value().name() == "source")
                    .find_map(|s| {
                        let set = srcset(attr(s, "srcset")?, self.base, self.warnings);
                        (!set.is_empty()).then_some(set)
                    })
                    .unwrap_or_default();
            }
            self.push_figure(figure, top, out);
        }
    }

    /// The figure an `<img>` makes, with the caption and credit given; `None`
    /// when there is neither an image that passes the policy nor a caption.
    fn figure_of(
        &mut self,
        img: ElementRef,
        caption: Option<(Option<String>, Option<String>)>,
    ) -> Option<Figure> {
        let raw = ["src", "data-src", "data-lazy-src", "data-original"]
            .iter()
            .filter_map(|a| attr(&img, a))
            .find(|src| !src.starts_with("data:"));
        let src = raw.and_then(|raw| image_url(raw, self.base, self.warnings));
        let image = src.map(|src| Image {
            src,
            alt: collapse(img.value().attr("alt").unwrap_or_default()),
            width: dimension(attr(&img, "width")),
            height: dimension(attr(&img, "height")),
            srcset: ["srcset", "data-srcset", "data-lazy-srcset"]
                .iter()
                .find_map(|a| attr(&img, a))
                .map(|s| srcset(s, self.base, self.warnings))
                .unwrap_or_default(),
        });
        let (caption, credit) = caption.unwrap_or((None, None));
        if image.is_none() && caption.is_none() && credit.is_none() {
            return None;
        }
        Some(Figure {
            image,
            caption,
            credit,
        })
    }

    fn table(&mut self, el: ElementRef, depth: usize) -> String {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut caption = None;
        let mut sections = vec![el];
        while let Some(section) = sections.pop() {
            for child in section
                .children()
                .filter_map(ElementRef::wrap)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
            {
                match child.value().name() {
                    "thead" | "tbody" | "tfoot" => sections.push(child),
                    "caption" => caption = Some(collapse(&visible_text(*child))),
                    _ => {}
                }
            }
            for row in section
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|r| r.value().name() == "tr")
            {
                let cells = row
                    .children()
                    .filter(|c| matches!(name_of(c), Some("td" | "th")))
                    .map(|cell| {
                        let mut md = String::new();
                        for n in cell.children() {
                            self.inline(n, depth + 1, &mut md);
                        }
                        collapse(&md.replace("\\\n", " "))
                    })
                    .collect::<Vec<_>>();
                rows.push(cells);
            }
        }
        // thead before tbody before tfoot, whatever the source's order.
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        if columns == 0 {
            return String::new();
        }
        let line = |cells: &[String]| {
            let mut s = String::from("|");
            for i in 0..columns {
                s.push(' ');
                s.push_str(cells.get(i).map_or("", String::as_str));
                s.push_str(" |");
            }
            s
        };
        let mut out = Vec::new();
        if let Some(c) = caption.filter(|c| !c.is_empty()) {
            out.push(format!("{}\n", escape::paragraph(&c)));
        }
        out.push(line(&rows[0]));
        out.push(format!("|{}", " --- |".repeat(columns)));
        for row in &rows[1..] {
            out.push(line(row));
        }
        out.join("\n")
    }

    fn inline(&mut self, node: NodeRef, depth: usize, out: &mut String) {
        let el = match node.value() {
            Node::Text(t) => {
                let squeezed: String = t
                    .split(|c: char| c.is_ascii_whitespace() || c == '\n')
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push_str(&escape::inline(&squeezed));
                return;
            }
            Node::Element(_) => ElementRef::wrap(node).expect("an element"),
            _ => return,
        };
        let name = el.value().name();
        if HIDDEN.contains(&name) || EMBEDS.contains(&name) {
            self.dropped(node);
            return;
        }
        if depth > MAX_NESTING {
            out.push_str(&escape::inline(&collapse(&visible_text(node))));
            return;
        }
        let mut inner = || {
            let mut s = String::new();
            for child in node.children() {
                self.inline(child, depth + 1, &mut s);
            }
            s
        };
        match name {
            "br" => out.push_str("\\\n"),
            "em" | "i" | "cite" | "dfn" | "var" => wrap(out, "*", &inner()),
            "strong" | "b" => wrap(out, "**", &inner()),
            "s" | "del" | "strike" => wrap(out, "~~", &inner()),
            "sup" => wrap(out, "^", &inner()),
            "sub" => wrap(out, "~", &inner()),
            "q" => {
                let text = inner();
                out.push('“');
                out.push_str(&text);
                out.push('”');
            }
            "code" | "kbd" | "samp" | "tt" => {
                let code = collapse(&visible_text(node));
                if !code.is_empty() {
                    let fence = "`".repeat(longest_run(&code, '`') + 1);
                    let pad = if code.starts_with('`') || code.ends_with('`') {
                        " "
                    } else {
                        ""
                    };
                    out.push_str(&format!("{fence}{pad}{code}{pad}{fence}"));
                }
            }
            "a" => {
                let text = inner();
                let href = attr(&el, "href");
                match href.map(|h| (h, link_url(h, self.base))) {
                    Some((_, Some(url))) if !text.trim().is_empty() && !url.starts_with('#') => {
                        let lead = &text[..text.len() - text.trim_start().len()];
                        let trail = &text[text.trim_end().len()..];
                        out.push_str(&format!(
                            "{lead}[{}]({}){trail}",
                            text.trim(),
                            escape::destination(&url)
                        ));
                    }
                    Some((raw, None)) => {
                        self.warnings.push(format!(
                            "link {} removed, its text kept: not an http(s), mailto or relative URL",
                            shorten(raw)
                        ));
                        out.push_str(&text);
                    }
                    _ => out.push_str(&text),
                }
            }
            "img" => {
                let raw = ["src", "data-src", "data-lazy-src"]
                    .iter()
                    .filter_map(|a| attr(&el, a))
                    .find(|src| !src.starts_with("data:"));
                let alt = collapse(el.value().attr("alt").unwrap_or_default());
                match raw.and_then(|raw| image_url(raw, self.base, self.warnings)) {
                    Some(src) => out.push_str(&format!(
                        "![{}]({})",
                        escape::inline(&alt),
                        escape::destination(&src)
                    )),
                    None => out.push_str(&escape::inline(&alt)),
                }
            }
            _ => {
                let text = inner();
                if BLOCKS.contains(&name) {
                    // A block inside inline content (`<a><div>…`): a space either side.
                    out.push(' ');
                    out.push_str(&text);
                    out.push(' ');
                } else {
                    out.push_str(&text);
                }
            }
        }
    }
}

/// `inner` between `marker`s, the whitespace at its ends moved outside them (else
/// the marker would not be read as emphasis).
fn wrap(out: &mut String, marker: &str, inner: &str) {
    let trimmed = inner.trim();
    if trimmed.is_empty() || trimmed == "\\" || trimmed.ends_with("\\\n") {
        out.push_str(inner);
        return;
    }
    let lead = &inner[..inner.len() - inner.trim_start().len()];
    let trail = &inner[inner.trim_end().len()..];
    out.push_str(lead);
    out.push_str(marker);
    out.push_str(trimmed);
    out.push_str(marker);
    out.push_str(trail);
}

/// The one `<img>` a run of inline nodes consists of (maybe inside a link or a
/// `<picture>`), whitespace aside.
fn sole_image<'a>(run: &[NodeRef<'a>]) -> Option<ElementRef<'a>> {
    let mut found = None;
    for node in run {
        match node.value() {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Element(e) if e.name() == "img" => {
                if found.is_some() {
                    return None;
                }
                found = ElementRef::wrap(*node);
            }
            Node::Element(e) if matches!(e.name(), "a" | "picture" | "span") => {
                let children: Vec<_> = node.children().collect();
                let inner = sole_image(&children)?;
                if found.is_some() {
                    return None;
                }
                found = Some(inner);
            }
            Node::Comment(_) => {}
            _ => return None,
        }
    }
    found
}

/// A `<figcaption>`'s caption and credit: the credit from a part marked as one
/// (`.credit`, `.photographer`, `.copyright`, `<small>`), else from the caption's
/// words ("Photo by: …", "Credit: …", "© …").
fn caption_and_credit(caption: ElementRef) -> (Option<String>, Option<String>) {
    let marked = caption
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| {
            e.id() != caption.id()
                && (has_class(e, "credit")
                    || has_class(e, "photographer")
                    || has_class(e, "copyright")
                    || e.value().name() == "small")
        });
    let all = collapse(&visible_text(*caption));
    match marked {
        Some(m) => {
            let credit_text = collapse(&visible_text(*m));
            let rest = collapse(&all.replacen(&credit_text, "", 1));
            let (_, label_free) = split_credit(&credit_text);
            (
                non_empty(&rest),
                label_free.or_else(|| non_empty(&credit_text)),
            )
        }
        None => split_credit(&all),
    }
}

fn dimension(value: Option<&str>) -> Option<u32> {
    value?
        .trim_end_matches("px")
        .parse()
        .ok()
        .filter(|n| *n > 0)
}

/// The `w` candidates of a `srcset`, each URL resolved and through the policy.
fn srcset(value: &str, base: Option<&Url>, warnings: &mut Vec<String>) -> Vec<SrcsetEntry> {
    value
        .split(',')
        .filter_map(|candidate| {
            let mut parts = candidate.split_whitespace();
            let url = parts.next()?;
            let width = parts.next()?.strip_suffix('w')?.parse().ok()?;
            Some(SrcsetEntry {
                src: image_url(url, base, warnings)?,
                width,
            })
        })
        .collect()
}

fn longest_run(text: &str, c: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// Every line after the first indented by `indent` (blank lines stay blank).
fn indented(text: &str, indent: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(indent);
            }
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests;
