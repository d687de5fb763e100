//! Renders the Markdown node tree as DOM elements, one element per node.
//! Text is always inserted as text nodes; nothing here builds HTML strings.

use crate::links;
use broadsheet_core::markdown::{Kind, Node};
use broadsheet_core::page::anchors;
use leptos::prelude::*;

/// Renders `nodes`; `base` is the article's URL, for relative links and images.
pub fn nodes_view(nodes: &[Node], base: &str) -> AnyView {
    nodes
        .iter()
        .map(|n| node_view(n, base))
        .collect_view()
        .into_any()
}

pub fn node_view(node: &Node, base: &str) -> AnyView {
    block_view(node, None, base)
}

/// Renders one node; a block-level element gets `id` (its anchor in the article).
pub fn block_view(node: &Node, id: Option<String>, base: &str) -> AnyView {
    match node {
        Node::Text(t) => t.clone().into_any(),
        Node::Code(t) => view! { <code>{t.clone()}</code> }.into_any(),
        Node::SoftBreak => " ".into_any(),
        Node::HardBreak => view! { <br/> }.into_any(),
        Node::Rule => view! { <hr id=id/> }.into_any(),
        Node::CodeBlock { language, text } => view! {
            <pre id=id data-language=language.clone()><code>{text.clone()}</code></pre>
        }
        .into_any(),
        Node::FootnoteRef { number, first } => {
            let n = *number;
            let ui = crate::locale::use_ui();
            let label = broadsheet_core::i18n::fill(ui.text().footnote, &[("n", &ui.locale.number(n as u64))]);
            view! {
                <sup class="footnote-ref">
                    <a href=links::fragment_href(&anchors::footnote(n)) id=first.then(|| anchors::footnote_ref(n)) aria-label=label>{n}</a>
                </sup>
            }
            .into_any()
        }
        Node::Image { src, alt, title } => view! {
            <img class="inline-image" src=links::resolve(src, base) alt=alt.clone() title=title.clone()
                loading="lazy" decoding="async"/>
        }
        .into_any(),
        Node::TaskMarker(done) => view! {
            <input type="checkbox" disabled=true checked=*done aria-label={
                let t = crate::locale::use_ui().text();
                if *done { t.task_done } else { t.task_not_done }
            }/>
        }
        .into_any(),
        Node::Element { kind, children } => element_view(kind, children, id, base),
    }
}

fn element_view(kind: &Kind, children: &[Node], id: Option<String>, base: &str) -> AnyView {
    let inner = || nodes_view(children, base);
    match kind {
        Kind::Paragraph => view! { <p id=id>{inner()}</p> }.into_any(),
        Kind::Heading(level) => heading(*level, id, inner()),
        Kind::BlockQuote => view! { <blockquote id=id>{inner()}</blockquote> }.into_any(),
        Kind::List { start: None } => view! { <ul id=id>{inner()}</ul> }.into_any(),
        Kind::List { start: Some(s) } => {
            let start = (*s != 1).then(|| s.to_string());
            view! { <ol id=id start=start>{inner()}</ol> }.into_any()
        }
        Kind::Item => view! { <li>{inner()}</li> }.into_any(),
        Kind::Emphasis => view! { <em>{inner()}</em> }.into_any(),
        Kind::Strong => view! { <strong>{inner()}</strong> }.into_any(),
        Kind::Strikethrough => view! { <del>{inner()}</del> }.into_any(),
        Kind::Superscript => view! { <sup>{inner()}</sup> }.into_any(),
        Kind::Subscript => view! { <sub>{inner()}</sub> }.into_any(),
        Kind::Link { href: None, .. } => view! { <span class="link-refused">{inner()}</span> }.into_any(),
        Kind::Link { href: Some(href), title } => {
            let target = links::target(href, base);
            view! { <a href=target.href().to_string() rel=target.rel() title=title.clone()>{inner()}</a> }
                .into_any()
        }
        Kind::Table => view! {
            <div id=id class="table-scroll" role="region" aria-label="Table" tabindex="0"><table>{inner()}</table></div>
        }
        .into_any(),
        Kind::TableHead => view! { <thead>{inner()}</thead> }.into_any(),
        Kind::TableBody => view! { <tbody>{inner()}</tbody> }.into_any(),
        Kind::TableRow => view! { <tr>{inner()}</tr> }.into_any(),
        Kind::TableCell { header: true, align } => {
            view! { <th scope="col" class=align.as_css().map(|a| format!("align-{a}"))>{inner()}</th> }
                .into_any()
        }
        Kind::TableCell { header: false, align } => {
            view! { <td class=align.as_css().map(|a| format!("align-{a}"))>{inner()}</td> }.into_any()
        }
    }
}

/// `<h2>`–`<h6>` with an optional id.
pub fn heading(level: u8, id: Option<String>, children: AnyView) -> AnyView {
    match level {
        0..=2 => view! { <h2 id=id>{children}</h2> }.into_any(),
        3 => view! { <h3 id=id>{children}</h3> }.into_any(),
        4 => view! { <h4 id=id>{children}</h4> }.into_any(),
        5 => view! { <h5 id=id>{children}</h5> }.into_any(),
        _ => view! { <h6 id=id>{children}</h6> }.into_any(),
    }
}
