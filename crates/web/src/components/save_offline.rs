//! "Save offline": keeps an article's JSON and images in the offline store
//! (`crate::offline`), so it opens with the network gone.

use super::reading_bar::ToolIcon;
use crate::{links, offline};
use leptos::prelude::*;

/// An arrow down into a tray.
const SAVE_ICON: &str = "M12 4v11m-4.5-4.5L12 15l4.5-4.5M5 19h14";

/// "Save offline" / "Saved offline" for the article at `base`; nothing where
/// the browser cannot keep articles offline.
#[component]
pub fn SaveOffline(
    /// The article's URL.
    base: String,
    /// Its id and headline, for the library's list of saved articles.
    id: Option<String>,
    headline: String,
    /// Every image it shows (as written; relative ones resolve against `base`).
    images: Vec<String>,
) -> impl IntoView {
    if !offline::use_offline().supported {
        return None;
    }
    let t = crate::locale::use_ui().text();
    let images: Vec<String> = images
        .iter()
        .map(|src| links::resolve(src, &base))
        .collect();
    let url = base;
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    {
        let url = url.clone();
        // An effect: once in the browser, not while pre-rendering.
        Effect::new(move |_| {
            let url = url.clone();
            leptos::task::spawn_local(async move {
                if let Ok(list) = offline::list_saved().await {
                    saved.try_set(list.iter().any(|a| a.url == url));
                }
            });
        });
    }
    let toggle = move |_| {
        let (url, id, headline, images) =
            (url.clone(), id.clone(), headline.clone(), images.clone());
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let result = if saved.get_untracked() {
                offline::remove(std::slice::from_ref(&url)).await
            } else {
                offline::save(&url, id.as_deref(), &headline, &images).await
            };
            match result {
                Ok(list) => {
                    saved.try_set(list.iter().any(|a| a.url == url));
                }
                Err(e) => {
                    error.try_set(Some(broadsheet_core::i18n::fill(
                        t.save_failed,
                        &[("error", &e)],
                    )));
                }
            }
            busy.try_set(false);
        });
    };
    let label = move || {
        if saved.get() {
            t.saved_offline
        } else {
            t.save_offline
        }
    };
    Some(view! {
        <button type="button" class="tool" aria-pressed=move || saved.get().to_string() disabled=move || busy.get() on:click=toggle
            title=label>
            <ToolIcon path=SAVE_ICON/>
            <span class="tool-label">{label}</span>
        </button>
        {move || error.get().map(|e| view! { <span class="reader-error" role="alert">{e}</span> })}
    })
}
