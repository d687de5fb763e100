//! `<broadsheet-article>`: the Rust side of the custom element defined by
//! `public/embed.js`. The loader creates the shadow root and its stylesheet, then
//! calls [`mount_article`] once per element; all elements on a page share one
//! wasm instance, and each mount has its own reactive owner, so they load,
//! track progress and resume independently.

use crate::components::reader::{Embedded, Reader};
use crate::components::states::article_states;
use crate::host::{Host, HostEvent};
use crate::loader::use_article;
use crate::locale::Languages;
use leptos::prelude::*;

/// Mounts the article at `src` into `container` (inside `host`'s shadow root).
/// `lang` (may be empty) overrides the article's language, `ui_lang` (may be
/// empty) fixes the interface language (`crate::locale`). Dropping what it
/// returns removes the article and releases its listeners and observers.
///
/// The app's entry point (`src/main.rs`) exports it to `embed.js`: only that
/// wasm has it, not the published pages' reader.
pub fn mount_article(
    host: web_sys::HtmlElement,
    container: web_sys::HtmlElement,
    src: String,
    progress: bool,
    related: bool,
    lang: String,
    ui_lang: String,
) -> Box<dyn std::any::Any> {
    crate::fatal::install();
    if crate::fatal::stopped() {
        crate::fatal::render_into(&container);
        return Box::new(());
    }
    Box::new(leptos::mount::mount_to(container, move || {
        provide_context(Languages::of_reader().fixed_to(Some(ui_lang)));
        view! { <EmbeddedArticle host src progress related lang/> }
    }))
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
    let lang = (!lang.trim().is_empty()).then_some(lang);
    let load = use_article(src, lang);
    let host = StoredValue::new_local(Host::Element(host));
    let tell = move |event: HostEvent| host.with_value(|host| host.send(&event));
    Effect::new(move |_| {
        if let Some(event) = load.state().read().host_event() {
            tell(event);
        }
    });
    let on_progress = Callback::new(move |percent| tell(HostEvent::Progress { percent }));
    let on_comment = Callback::new(move |()| tell(HostEvent::Comment));
    let on_listen = Callback::new(move |listening| tell(HostEvent::Listen { listening }));
    let embedded = Embedded { progress, related };
    article_states(load, true, move |loaded| {
        view! { <Reader page=loaded.page.clone() base=loaded.url.clone() embedded on_progress on_comment on_listen/> }
            .into_any()
    })
}
