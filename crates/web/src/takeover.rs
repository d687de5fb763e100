//! Taking over a pre-rendered page (`broadsheet build`) with the app: the
//! library at `/`. (An article page has a reader of its own: `crate::published`.)
//!
//! Such a page says which address it was rendered for (`<html
//! data-prerendered="/">`). It holds its content as HTML, readable with no
//! script, and its data in `<script type="application/json" id="bs-library"
//! data-src="/articles/index.json">`, never run: the strict CSP allows it. The
//! app renders the same page from that data, without fetching it, and swaps it
//! in for the static one in the same task, so the browser never paints in
//! between: no flash, no layout shift, and the reader stays on the same line.
//!
//! A host that answers every unknown address with `index.html` (`trunk serve`
//! does) sends the library page for `/read?src=…` too. `boot.js` then marks
//! `<html data-elsewhere>`, the stylesheet hides the library, and the app
//! replaces it at once.

use crate::api;
use crate::routes::library::PreloadedLibrary;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the script element that carries a pre-rendered article page's
/// data for its reader (`broadsheet_core::published::ReaderData`).
pub const DATA_ID: &str = "bs-article";
/// The id of the script element that carries the pre-rendered library's index.
pub const LIBRARY_DATA_ID: &str = "bs-library";
pub use crate::names::PRERENDERED;

/// What the document the app starts in already shows.
pub enum Found {
    /// Trunk's empty shell.
    Shell,
    /// A page rendered for another address (see the module's notes).
    Elsewhere,
    /// This address's page, with the library it carries (none if unreadable:
    /// the app then fetches it as usual).
    Page { library: Option<PreloadedLibrary> },
}

/// What this document is.
pub fn found() -> Found {
    let Some(path) = document()
        .document_element()
        .and_then(|root| root.get_attribute(PRERENDERED))
    else {
        return Found::Shell;
    };
    if window().location().pathname().ok().as_deref() != Some(path.as_str()) {
        return Found::Elsewhere;
    }
    // For the service worker, which may not have seen this page arrive: it
    // keeps the page for reading offline.
    crate::offline::note_fetched(&window().location().href().unwrap_or_default());
    Found::Page {
        library: data(LIBRARY_DATA_ID).and_then(|(url, json)| {
            broadsheet_core::library::parse(&json)
                .map(|index| PreloadedLibrary {
                    url: url.clone(),
                    index,
                })
                .map_err(|e| warn(&url, &e))
                .ok()
        }),
    }
}

/// Keeps the head tags a pre-rendered page came with (its canonical link, Open
/// Graph, JSON-LD) while the reader is on that page, for crawlers that run
/// scripts; removes them once the app shows another page, or at once on a page
/// rendered elsewhere. The title and description are the components' own
/// (`leptos_meta` takes the `<title>` over; the static description goes, as
/// the app adds its own).
#[component]
pub fn StaticHead() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        let here = location.pathname.get();
        let rendered_for = document()
            .document_element()
            .and_then(|root| root.get_attribute(PRERENDERED));
        forget_page_head(rendered_for.as_deref() == Some(here.as_str()));
    });
}

/// Removes the page head's tags but its `<title>`; with `only_description`,
/// just its `<meta name="description">`.
fn forget_page_head(only_description: bool) {
    let Some(head) = document().head() else {
        return;
    };
    let nodes = head.child_nodes();
    let mut inside = false;
    let mut gone = Vec::new();
    for node in (0..nodes.length()).filter_map(|i| nodes.item(i)) {
        if node.node_type() == web_sys::Node::COMMENT_NODE {
            let text = node.text_content().unwrap_or_default();
            if text == crate::names::PAGE_HEAD {
                inside = true;
            } else if text == format!("/{}", crate::names::PAGE_HEAD) {
                inside = false;
            }
            continue;
        }
        let Some(element) = node.dyn_ref::<web_sys::Element>() else {
            continue;
        };
        let description = element.tag_name() == "META"
            && element.get_attribute("name").as_deref() == Some("description");
        if inside && element.tag_name() != "TITLE" && (description || !only_description) {
            gone.push(element.clone());
        }
    }
    for element in gone {
        element.remove();
    }
}

/// The absolute address and the text of the data script `id`.
pub fn data(id: &str) -> Option<(String, String)> {
    let script = document().get_element_by_id(id)?;
    let url = api::absolute_url(&script.get_attribute("data-src")?).ok()?;
    Some((url, script.text_content()?))
}

/// The page is still readable as it is; the app fetches the file instead.
pub fn warn(url: &str, problem: &str) {
    web_sys::console::warn_1(&format!("Broadsheet: {url}: {problem}").into());
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
/// elements, and the data scripts, which the app has read; other scripts stay.
pub fn mount_in_place<V: IntoView + 'static>(app: impl FnOnce() -> V + 'static) {
    let body = document().body().expect("a page has a body");
    let children = body.children();
    let before: Vec<web_sys::Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|e| e.tag_name() != "SCRIPT" || e.id() == DATA_ID || e.id() == LIBRARY_DATA_ID)
        .collect();
    leptos::mount::mount_to(body.clone().unchecked_into(), app).forget();
    for element in before {
        element.remove();
    }
    crate::names::clear_elsewhere();
}
