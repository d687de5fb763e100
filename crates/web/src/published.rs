//! The reader of a published article page (`/articles/<name>/`, written by
//! `broadsheet build`): the entry point of the second, lighter wasm such pages
//! load (`src/bin/reader.rs`). It has none of the Markdown parser, the router,
//! the article's decoding or the rendering of its body.
//!
//! The page is on screen already, rendered natively by the viewer's own
//! components (`crate::prerender`) and readable with no script. It carries what
//! its reading tools need (`broadsheet_core::published::ReaderData`) in
//! `<script type="application/json" id="bs-article">`, never run. Once the page
//! has painted, this renders the tools again with the same components and swaps
//! each in for its static copy (the site bar, the reading bar, the contents),
//! markup for markup, so nothing moves. The article stays as it is, and its
//! links stay plain links: with no router here, following one loads its page.
//!
//! It is built with English words only; a page in another interface language
//! fetches that language's (`broadsheet_core::i18n::words`) before its tools
//! come.

use crate::components::reader::{Reading, StorageNote, ViewerBar};
use crate::components::resume::ResumeOffer;
use crate::components::site_bar::SiteBar;
use crate::components::toc::Toc;
use crate::{api, dates, fatal, locale, offline, reader_settings, takeover};
use broadsheet_core::i18n::words;
use broadsheet_core::published::ReaderData;
use leptos::html::{Div, Header};
use leptos::prelude::*;
use leptos::tachys::html::node_ref::NodeRefContainer;
use leptos::tachys::view::{Mountable, Render};
use wasm_bindgen::JsCast;

/// Brings the page's reading tools to life, once it has painted. With no
/// readable data, the page stays as it is: readable, its tools hidden.
pub fn start() {
    fatal::install();
    // The reader is put back where they were (`Reading`); the browser's own
    // guess would fight it.
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let Some((url, json)) = takeover::data(takeover::DATA_ID) else {
        return;
    };
    let Some(data) = crate::json::parse::<ReaderData>(&json) else {
        return takeover::warn(&url, "its reader's data is unreadable");
    };
    // For the service worker, which may not have seen the page arrive: it
    // keeps the page, and the article's file, for reading offline.
    offline::note_fetched(&window().location().href().unwrap_or_default());
    offline::note_fetched(&url);
    // This wasm has English words only: another language's come from the site
    // (`ui/<code>-<layout>.json`), requested now, while the page paints.
    let languages = locale::Languages::of_browser();
    let ui = languages.choose(data.language.as_deref());
    let words = words::missing(ui).then(|| api::load_words(ui));
    takeover::after_first_frame(move || {
        wasm_bindgen_futures::spawn_local(async move {
            let mut languages = languages;
            if let Some(words) = words
                && !words.await.is_some_and(|w| words::give(ui, w))
            {
                takeover::warn(
                    &url,
                    "its interface's words did not load: its tools speak English",
                );
                // Said to be English too (`lang`, `dir`), for screen readers.
                languages = languages.fixed_to(Some("en".into()));
            }
            let _ = any_spawner::Executor::init_wasm_bindgen();
            let owner = Owner::new();
            owner.with(move || {
                // Read once, above; `locale::provide` takes them from here.
                provide_context(languages);
                take_over(url, data)
            });
            // The tools live as long as the page.
            std::mem::forget(owner);
        });
    });
}

fn take_over(base: String, data: ReaderData) {
    let find = |selector: &str| document().query_selector(selector).ok().flatten();
    let (Some(holder), Some(bar), Some(fill)) =
        (find(".reader"), find(".progress"), find(".progress-fill"))
    else {
        return;
    };
    let ReaderData {
        id,
        headline,
        language,
        minutes,
        headings,
        images,
        listen,
    } = data;
    locale::provide();
    reader_settings::provide();
    let offline = offline::provide();
    let ui = locale::provide_for_article(language.as_deref());

    let article = NodeRef::<Div>::new();
    article.load(&holder);
    let reading = Reading::new(id.as_deref(), &base, listen, article, false, None, None);
    if let Some(old) = find(".site-bar") {
        swap_in(&old, move || {
            view! { <SiteBar offline><a href="/" class="site-name">"Broadsheet"</a></SiteBar> }
        });
    }
    let chrome = NodeRef::<Header>::new();
    if let Some(old) = find(".reader-bar") {
        swap_in(&old, move || {
            view! { <ViewerBar reading base id headline images minutes node_ref=chrome/> }
        });
    }
    if let Some(old) = find(".toc") {
        swap_in(
            &old,
            move || view! { <Toc headings current=reading.section.into()/> },
        );
    }
    if let Some(parent) = holder.parent_element() {
        mount(&parent, Some(&holder), StorageNote);
        let after = holder.next_sibling();
        mount(&parent, after.as_ref(), move || {
            view! { <ResumeOffer resume=reading.resume inline=false restore=reading.restore()/> }
        });
    }
    // The article's dates as the reader's browser writes them in the
    // interface's language (the build wrote them in UTC, as en-US does).
    if let Ok(times) = holder.query_selector_all("article time[datetime]") {
        for time in (0..times.length()).filter_map(|i| times.item(i)) {
            if let Some(iso) = time
                .dyn_ref::<web_sys::Element>()
                .and_then(|t| t.get_attribute("datetime"))
            {
                time.set_text_content(Some(&dates::format(ui.locale, &iso)));
            }
        }
    }
    reading.start(
        &holder,
        bar,
        fill.unchecked_into(),
        chrome.get_untracked().map(JsCast::unchecked_into),
    );
    // Read: the script goes, and with it the rule that hid the reading bar's
    // tools (style/main.css).
    if let Some(script) = document().get_element_by_id(takeover::DATA_ID) {
        script.remove();
    }
}

/// Renders `view` in place of `old`, which goes.
fn swap_in<V: IntoView + 'static>(old: &web_sys::Element, view: impl FnOnce() -> V) {
    if let Some(parent) = old.parent_element() {
        mount(&parent, Some(old), view);
        old.remove();
    }
}

/// Renders `view` into `parent`, before `before` (at the end if `None`).
fn mount<V: IntoView + 'static>(
    parent: &web_sys::Element,
    before: Option<&web_sys::Node>,
    view: impl FnOnce() -> V,
) {
    let mut state = view().into_view().build();
    state.mount(parent, before);
    // Its effects belong to the page's owner; the view stays for good.
    std::mem::forget(state);
}
