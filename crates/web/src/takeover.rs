//! Taking over a pre-rendered article page (`broadsheet build`).
//!
//! Such a page holds the article as HTML, readable with no script, and the
//! article file itself in `<script type="application/json" id="bs-article"
//! data-src="/articles/x.json">` (never run: the strict CSP allows it). The app
//! renders the same page from that data, without fetching it, and swaps it in
//! for the static one in the same task, so the browser never paints in
//! between: no flash, no layout shift, and the reader stays on the same line.

use crate::api;
use crate::loader::Preloaded;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the script element that carries the article.
pub const DATA_ID: &str = "bs-article";

/// The article this page came with, if it is a pre-rendered article page.
pub fn preloaded() -> Option<Preloaded> {
    let script = document().get_element_by_id(DATA_ID)?;
    let src = script.get_attribute("data-src")?;
    let url = api::absolute_url(&src).ok()?;
    let json = script.text_content()?;
    // For the service worker, which may not have seen this page arrive: it
    // keeps the page and its article for reading offline.
    crate::offline::note_fetched(&window().location().href().unwrap_or_default());
    crate::offline::note_fetched(&url);
    match Preloaded::parse(url, &json) {
        Ok(p) => Some(p),
        Err(e) => {
            // The page is still readable as it is; the app fetches the file instead.
            web_sys::console::warn_1(&format!("Broadsheet: {src}: {}", e.message()).into());
            None
        }
    }
}

/// Runs `f` once the browser has shown the static page: its paint is what the
/// reader saw first, and what the browser counts (largest contentful paint)
/// before the app's identical render replaces it.
pub fn after_first_frame(f: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        set_timeout(f, std::time::Duration::ZERO);
    });
}

/// Mounts `app` in place of what the page showed before it: the body's
/// elements, and the article's data, which the app has read; other scripts stay.
pub fn mount_in_place<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    let body = document().body().expect("a page has a body");
    let children = body.children();
    let before: Vec<web_sys::Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|e| e.tag_name() != "SCRIPT" || e.id() == DATA_ID)
        .collect();
    leptos::mount::mount_to(body.clone().unchecked_into(), app).forget();
    for element in before {
        element.remove();
    }
}
