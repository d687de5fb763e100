//! `<broadsheet-article>`: the Rust side of the custom element defined by
//! `public/embed.js`. The loader creates the shadow root and its stylesheet, then
//! calls [`mount_article`] once per element; all elements on a page share one
//! wasm instance, and each mount has its own reactive owner, so they load,
//! track progress and resume independently.

use crate::components::{
    reader::{Embedded, Reader},
    states::{ArticleSkeleton, ErrorPanel},
};
use crate::embed;
use crate::routes::read::{State, load_article};
use broadsheet_core::article::direction_of;
use broadsheet_core::page;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// A mounted article; `unmount()` (or being garbage-collected) removes it and
/// releases its listeners and observers.
#[wasm_bindgen]
pub struct ArticleElement {
    _mounted: Box<dyn std::any::Any>,
}

#[wasm_bindgen]
impl ArticleElement {
    pub fn unmount(self) {}
}

/// Mounts the article at `src` into `container` (inside `host`'s shadow root).
/// `lang` (may be empty) overrides the article's language.
#[wasm_bindgen]
pub fn mount_article(
    host: web_sys::HtmlElement,
    container: web_sys::HtmlElement,
    src: String,
    progress: bool,
    related: bool,
    lang: String,
) -> ArticleElement {
    crate::fatal::install();
    if crate::fatal::stopped() {
        crate::fatal::render_into(&container);
        return ArticleElement {
            _mounted: Box::new(()),
        };
    }
    let mounted = leptos::mount::mount_to(container, move || {
        view! { <EmbeddedArticle host src progress related lang/> }
    });
    ArticleElement {
        _mounted: Box::new(mounted),
    }
}

#[component]
fn EmbeddedArticle(
    host: web_sys::HtmlElement,
    src: String,
    progress: bool,
    related: bool,
    lang: String,
) -> impl IntoView {
    let src = Memo::new(move |_| Some(src.clone()));
    let attempt = RwSignal::new(0u32);
    let state = load_article(src, attempt);
    let host = StoredValue::new_local(host);
    Effect::new(move |_| {
        if let Some((kind, detail)) = embed::outcome(&state.read()) {
            host.with_value(|host| embed::dispatch(host, kind, &detail));
        }
    });
    let lang = (!lang.trim().is_empty()).then_some(lang);
    move || match state.get() {
        State::Loading => view! { <ArticleSkeleton/> }.into_any(),
        State::Ready(loaded) => {
            let mut page = page::build(&loaded.article);
            if let Some(lang) = &lang {
                page.dir = direction_of(lang);
                page.lang = Some(lang.clone());
            }
            let embedded = Embedded {
                host: host.get_value(),
                progress,
                related,
            };
            view! { <Reader page base=loaded.url embedded/> }.into_any()
        }
        State::Failed(error) => {
            view! { <ErrorPanel error embedded=true retry=move |_| attempt.update(|n| *n += 1)/> }
                .into_any()
        }
    }
}
