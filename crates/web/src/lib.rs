#![recursion_limit = "256"]
//! The browser app (Leptos): routes, components, fetching, storage, offline,
//! embedding. Built for the browser (wasm32, feature `csr`); it also compiles
//! natively, so `cargo check` and clippy see all of it.

pub mod api;
pub mod components;
pub mod dates;
pub mod element;
pub mod fatal;
pub mod host;
pub mod json;
pub mod links;
pub mod loader;
pub mod locale;
pub mod names;
pub mod offline;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod published;
pub mod reader_settings;
pub mod routes;
pub mod speech;
pub mod storage;
pub mod takeover;
pub mod tracker;

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;
use routes::embed::EmbedRoute;
use routes::library::LibraryRoute;
use routes::read::{ArticleRoute, ReadRoute};

/// Entry point: mounts the app on `<body>`, in place of the static page on a
/// pre-rendered page (`takeover`) — unless `embed.js` loaded this module
/// for `<broadsheet-article>` elements on another site (it sets
/// `window.__broadsheetEmbed`), where only `element::mount_article` is used.
pub fn start() {
    fatal::install();
    if names::embedded_on_another_site() {
        return;
    }
    // The app puts readers back where they were (see components/reader.rs);
    // the browser's own guess, made before the article exists, would fight it.
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        // /read?src= of this site's own article: its own address, before the
        // router starts there.
        if let Some(address) = routes::read::moved_address() {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
        }
    }
    match takeover::found() {
        takeover::Found::Shell => leptos::mount::mount_to_body(App),
        takeover::Found::Elsewhere => takeover::mount_in_place(App),
        takeover::Found::Page { library } => takeover::after_first_frame(move || {
            takeover::mount_in_place(move || {
                if let Some(library) = library {
                    provide_context(library);
                }
                view! { <App/> }
            })
        }),
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    locale::provide();
    reader_settings::provide();
    let offline = offline::provide();
    view! {
        <Title formatter=|title: String| if title.is_empty() { "Broadsheet".to_string() } else { format!("{title} — Broadsheet") }/>
        <Router>
            <takeover::StaticHead/>
            <SiteChrome offline/>
            <main id="main" class="site-main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=LibraryRoute/>
                    <Route path=path!("/read") view=ReadRoute/>
                    <Route path=path!("/articles/:name") view=ArticleRoute/>
                    <Route path=path!("/embed") view=EmbedRoute/>
                </Routes>
            </main>
        </Router>
    }
}

/// The site bar, the offline badge and the update notice; not in the iframe embed.
#[component]
fn SiteChrome(offline: offline::Offline) -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let embedded = move || location.pathname.get() == "/embed";
    view! {
        <Show when=move || !embedded()>
            <components::site_bar::SiteBar offline>
                <A href="/" attr:class="site-name">"Broadsheet"</A>
            </components::site_bar::SiteBar>
        </Show>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let ui = locale::provide_for_site();
    let t = ui.text();
    view! {
        <Title text=t.not_found_title/>
        <div class="error-panel" role="alert" lang=ui.lang() dir=ui.dir()>
            <h1 class="error-title">{t.not_found_title}</h1>
            <p class="error-message">{t.not_found_message}</p>
            <p class="error-actions"><a class="button" href="/">{t.back_to_library}</a></p>
        </div>
    }
}
