//! Table of contents for articles with at least three headings, highlighting the
//! section being read (reported by the reading tracker, `crate::tracker`).

use crate::links;
use broadsheet_core::page::Heading;
use leptos::prelude::*;

/// Fewer headings than this and there is no table of contents.
pub const MIN_HEADINGS: usize = 3;

#[component]
pub fn Toc(
    /// In document order.
    headings: Vec<Heading>,
    /// Anchor of the heading of the section being read.
    current: Signal<Option<String>>,
) -> impl IntoView {
    // Open beside the article on wide screens; a closed disclosure above it
    // otherwise. Pre-rendered closed: opening beside the article moves nothing,
    // where opening above it would.
    let wide = cfg!(target_arch = "wasm32")
        && window()
            .match_media("(min-width: 80rem)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
    view! {
        <nav class="toc" aria-labelledby="toc-title">
            <details open=wide>
                <summary id="toc-title" lang=crate::locale::use_ui().lang()>{crate::locale::use_ui().text().contents}</summary>
                <ol>
                    {headings
                        .into_iter()
                        .map(|Heading { anchor, level, text }| {
                            let is_current = {
                                let anchor = anchor.clone();
                                move || current.with(|c| c.as_deref() == Some(anchor.as_str()))
                            };
                            view! {
                                <li class=format!("toc-level-{level}")>
                                    <a
                                        href=links::fragment_href(&anchor)
                                        aria-current=move || is_current().then(|| "location".to_string())
                                    >
                                        {text}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </details>
        </nav>
    }
}
