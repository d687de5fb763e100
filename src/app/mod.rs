//! The browser app: routes, components, fetching. Built for wasm32 only.

pub mod api;
pub mod components;
pub mod dates;
pub mod links;
pub mod routes;

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;
use routes::{library::LibraryPage, read::ReadPage};

/// Entry point: mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title formatter=|title: String| if title.is_empty() { "Broadsheet".to_string() } else { format!("{title} — Broadsheet") }/>
        <Router>
            <header class="site-bar">
                <A href="/" attr:class="site-name">"Broadsheet"</A>
            </header>
            <main id="main" class="site-main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=LibraryPage/>
                    <Route path=path!("/read") view=ReadPage/>
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <Title text="Page not found"/>
        <div class="error-panel" role="alert">
            <h1 class="error-title">"Page not found"</h1>
            <p class="error-message">"There is nothing at this address."</p>
            <p class="error-actions"><a class="button" href="/">"Back to the library"</a></p>
        </div>
    }
}
