//! The bar over an article in the viewer: minutes left, the page's tools
//! (such as "Save offline"), "Copy link" to the paragraph being read, and the
//! reader settings. One line at every width from 320 px: on narrow screens the
//! tools are icons (their labels stay their accessible names and tooltips).

use super::settings_panel::SettingsPanel;
use crate::locale;
use broadsheet_core::reading::minutes_left;
use leptos::ev;
use leptos::html::Header;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn ReadingBar(
    /// Whole percent of the body read.
    percent: Signal<u8>,
    /// The article's reading time.
    total_minutes: u32,
    /// The anchor of the block at the reading line, for "Copy link".
    anchor: Callback<(), Option<String>>,
    /// The bar itself: it is the sticky chrome the reading line sits below.
    node_ref: NodeRef<Header>,
    /// The bar's live region: "Link copied", and what the tools announce.
    status: RwSignal<Option<String>>,
    /// A second row under the bar (the "Listen" player while listening).
    #[prop(optional)]
    below: Option<AnyView>,
    /// More tools, before "Copy link".
    children: Children,
) -> impl IntoView {
    let ui = locale::use_ui();
    let t = ui.text();
    let time_left = move || match minutes_left(total_minutes, f64::from(percent.get()) / 100.0) {
        0 => t.finished.to_string(),
        n => t.minutes_left.get(ui.locale, n.into()),
    };
    let settings_open = RwSignal::new(false);
    let copy_link = move |_| copy_link_to(anchor.run(()), status, t);
    let on_keydown = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" && settings_open.get_untracked() {
            settings_open.set(false);
            if let Some(button) = document().get_element_by_id("reader-settings-button") {
                let _ = button.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    };
    view! {
        <header class="reader-bar" lang=ui.lang() dir=ui.dir() node_ref=node_ref on:keydown=on_keydown>
            <div class="reader-bar-inner">
                <span class="time-left">{time_left}</span>
                <span class="reader-status" role="status">{move || status.get()}</span>
                {children()}
                <button type="button" class="tool" title=t.copy_link on:click=copy_link>
                    <ToolIcon path=LINK_ICON/>
                    <span class="tool-label">{t.copy_link}</span>
                </button>
                <button
                    type="button"
                    class="tool"
                    id="reader-settings-button"
                    title=t.reader_settings
                    aria-expanded=move || settings_open.get().to_string()
                    aria-controls="reader-settings"
                    on:click=move |_| settings_open.update(|o| *o = !*o)
                >
                    <span aria-hidden="true">"Aa"</span>
                    <span class="visually-hidden">{t.reader_settings}</span>
                </button>
            </div>
            {below}
            <Show when=move || settings_open.get()>
                <SettingsPanel/>
            </Show>
        </header>
    }
}

/// A chain link.
const LINK_ICON: &str = "M10 13a5 5 0 0 0 7.1 0l3-3a5 5 0 0 0-7.1-7.1l-1.7 1.7M14 11a5 5 0 0 0-7.1 0l-3 3a5 5 0 0 0 7.1 7.1l1.7-1.7";

/// A tool's icon: a 24 × 24 stroked path, drawn in the text colour. Decoration:
/// the button's label (shown beside it on wider screens, and in its tooltip)
/// is its accessible name.
#[component]
pub fn ToolIcon(path: &'static str) -> impl IntoView {
    view! {
        <svg class="tool-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=path/>
        </svg>
    }
}

/// Copies this page's address with `#anchor` to the clipboard (or, with no
/// clipboard, puts it in the address bar), and says which in `status` for 3 s.
fn copy_link_to(
    anchor: Option<String>,
    status: RwSignal<Option<String>>,
    t: &'static broadsheet_core::i18n::Text,
) {
    let location = window().location();
    let url = format!(
        "{}{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        anchor.map(|a| format!("#{a}")).unwrap_or_default()
    );
    let promise = window().navigator().clipboard().write_text(&url);
    leptos::task::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        if !ok {
            let _ = window().history().and_then(|h| {
                h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            });
        }
        let message = if ok {
            t.link_copied
        } else {
            t.link_in_address_bar
        };
        status.try_set(Some(message.to_string()));
        set_timeout(
            move || {
                status.try_update(|s| {
                    if s.as_deref() == Some(message) {
                        *s = None;
                    }
                });
            },
            std::time::Duration::from_secs(3),
        );
    });
}
