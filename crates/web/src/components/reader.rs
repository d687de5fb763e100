//! An article while it is being read: the progress bar and reading tools, the
//! table of contents, the article itself, and resuming where the reader left off.
//! Progress is saved per article `id` (see `broadsheet_core::resume`).

use super::article_view::ArticleView;
use super::settings_panel::SettingsPanel;
use super::toc::{MIN_HEADINGS, Toc};
use crate::tracker::{Parts, Tracker};
use crate::{embed, links, offline, storage};
use broadsheet_core::page::Page;
use broadsheet_core::progress::Place;
use broadsheet_core::reading::minutes_left;
use broadsheet_core::resume::{self, READ_AT_PERCENT, Saved};
use leptos::ev;
use leptos::html::{Div, Header};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How a reader inside a `<broadsheet-article>` element differs from the page's.
pub struct Embedded {
    /// The custom element: events are dispatched on it.
    pub host: web_sys::HtmlElement,
    /// `progress="none"` turns the bar off.
    pub progress: bool,
    /// `related="hide"` leaves out related links.
    pub related: bool,
}

#[component]
pub fn Reader(
    page: Page,
    /** The article's URL. */
    base: String,
    /// Inside a custom element on another site: no reading bar, settings or
    /// contents; the progress bar sticks to the element; events go to the host.
    #[prop(optional)]
    embedded: Option<Embedded>,
) -> impl IntoView {
    let host = StoredValue::new_local(embedded.as_ref().map(|e| e.host.clone()));
    let show_bar = embedded.as_ref().is_none_or(|e| e.progress);
    let show_related = embedded.as_ref().is_none_or(|e| e.related);
    let is_embedded = embedded.is_some();
    let key = resume::key_for(page.id.as_deref(), &base);
    let saved = storage::get(&key).and_then(|s| Saved::from_json(&s));
    let key = StoredValue::new(key);
    // A #p12 in the address is the host page's business when embedded.
    let deep_link = StoredValue::new(if is_embedded {
        String::new()
    } else {
        window()
            .location()
            .hash()
            .unwrap_or_default()
            .trim_start_matches('#')
            .to_string()
    });
    let offer = RwSignal::new(
        saved
            .clone()
            .filter(|s| deep_link.with_value(String::is_empty) && s.worth_offering()),
    );
    let was_read = StoredValue::new(saved.as_ref().is_some_and(|s| s.read));
    // Nothing is saved until the reader scrolls: opening an article must not
    // overwrite the place they left it at.
    let armed = StoredValue::new(false);

    let total_minutes = page.reading.minutes();
    let save_offline = (!is_embedded).then(|| save_offline_button(&page, &base));
    let percent = RwSignal::new(0u8);
    let section = RwSignal::new(None::<String>);
    let tracker: StoredValue<Option<Tracker>, LocalStorage> = StoredValue::new_local(None);
    let headings = page.headings();

    let chrome = NodeRef::<Header>::new();
    let bar = NodeRef::<Div>::new();
    let fill = NodeRef::<Div>::new();
    let holder = NodeRef::<Div>::new();

    // Also runs while the page is being torn down, so every read is a `try_`.
    let save = move || {
        if !armed.try_get_value().unwrap_or(false) || offer.try_get_untracked().flatten().is_some()
        {
            return;
        }
        tracker.try_with_value(|t| {
            let Some(t) = t else { return };
            let Some(Place { anchor, within }) = t.place() else {
                return;
            };
            let percent = t.percent();
            let read = was_read.try_get_value().unwrap_or(false) || percent >= READ_AT_PERCENT;
            was_read.try_set_value(read);
            let saved = Saved {
                anchor,
                within,
                percent,
                at: js_sys::Date::now(),
                read,
            };
            key.try_with_value(|key| storage::set(key, &saved.to_json()));
        });
    };

    Effect::new(move |_| {
        let (Some(holder), Some(bar), Some(fill)) = (holder.get(), bar.get(), fill.get()) else {
            return;
        };
        let Some(body) = holder.query_selector(".article-body").ok().flatten() else {
            return;
        };
        let Some(article) = holder.query_selector("article").ok().flatten() else {
            return;
        };
        // For the benchmark (docs/benchmarks.md): the article's text is in the page.
        if let Some(performance) = window().performance() {
            let _ = performance.mark("article-rendered");
        }
        let parts = Parts {
            body,
            article,
            bar: bar.into(),
            fill: fill.unchecked_into(),
            chrome: chrome.get().map(|c| c.unchecked_into()),
        };
        let started = Tracker::start(
            parts,
            move |now| {
                percent.set(now);
                host.with_value(|host| {
                    if let Some(host) = host {
                        embed::dispatch(host, "broadsheet-progress", &[("percent", now.into())]);
                    }
                });
            },
            move |now| section.set(now),
            move || {
                if offer.get_untracked().is_none() {
                    armed.set_value(true);
                }
            },
        );
        deep_link.with_value(|id| {
            if !id.is_empty() {
                scroll_to_anchor(id);
            }
        });
        tracker.set_value(Some(started));
    });

    // Save as the reader goes (each whole percent) and when they leave.
    Effect::new(move |_| {
        percent.track();
        save();
    });
    let hidden = window_event_listener(ev::visibilitychange, move |_| save());
    let leaving = window_event_listener(ev::pagehide, move |_| save());
    on_cleanup(move || {
        save();
        hidden.remove();
        leaving.remove();
        tracker.try_update_value(|t| *t = None);
    });

    let time_left = move || match minutes_left(total_minutes, f64::from(percent.get()) / 100.0) {
        0 => "Finished".to_string(),
        n => format!("{n} min left"),
    };

    let settings_open = RwSignal::new(false);
    let copied = RwSignal::new(None::<&'static str>);
    let copy_link = move |_| {
        let anchor = tracker.with_value(|t| t.as_ref().and_then(|t| t.place()).map(|p| p.anchor));
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
                // No clipboard: put the link in the address bar instead.
                let _ = window().history().and_then(|h| {
                    h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
                });
            }
            copied.try_set(Some(if ok {
                "Link to this paragraph copied"
            } else {
                "Link to this paragraph is in the address bar"
            }));
            set_timeout(
                move || _ = copied.try_set(None),
                std::time::Duration::from_secs(3),
            );
        });
    };

    let resume = move |_| {
        let Some(saved) = offer.get_untracked() else {
            return;
        };
        offer.set(None);
        armed.set_value(true);
        tracker.with_value(|t| {
            if let Some(t) = t {
                t.restore(&Place {
                    anchor: saved.anchor.clone(),
                    within: saved.within,
                });
            }
        });
    };
    let dismiss = move |_| {
        offer.set(None);
        armed.set_value(true);
    };

    let has_toc = !is_embedded && headings.len() >= MIN_HEADINGS;
    let toc = has_toc.then(|| view! { <Toc headings current=section.into()/> });
    let on_keydown = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" && settings_open.get_untracked() {
            settings_open.set(false);
            if let Some(button) = document().get_element_by_id("reader-settings-button") {
                let _ = button.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    };

    let progress_bar = view! {
        <div
            class="progress"
            class=("progress--embedded", is_embedded)
            class=("progress--off", !show_bar)
            role="progressbar"
            part="progress"
            aria-label="Reading progress"
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow="0"
            node_ref=bar
        >
            <div class="progress-fill" node_ref=fill></div>
        </div>
    };
    let offer_view = move || {
        offer.get().map(|saved| view! {
            <div class="notice resume" class=("notice--inline", is_embedded) role="region" aria-label="Resume reading">
                <p>{format!("Continue where you left off ({}%)", saved.percent)}</p>
                <div class="resume-actions">
                    <button type="button" class="button" on:click=resume>"Continue"</button>
                    <button type="button" class="button button--secondary" on:click=dismiss>"Start from the top"</button>
                </div>
            </div>
        })
    };
    let on_comment = Callback::new(move |_| {
        host.with_value(|h| {
            if let Some(h) = h {
                embed::dispatch(h, "broadsheet-comment", &[]);
            }
        })
    });

    if is_embedded {
        return view! {
            {progress_bar}
            {offer_view}
            <div class="reader" node_ref=holder>
                <ArticleView page base on_comment show_related/>
            </div>
        }
        .into_any();
    }

    view! {
        {progress_bar}
        <header class="reader-bar" node_ref=chrome on:keydown=on_keydown>
            <div class="reader-bar-inner">
                <span class="time-left">{time_left}</span>
                <span class="reader-status" role="status">{move || copied.get()}</span>
                {save_offline}
                <button type="button" class="tool" on:click=copy_link>"Copy link"</button>
                <button
                    type="button"
                    class="tool"
                    id="reader-settings-button"
                    aria-expanded=move || settings_open.get().to_string()
                    aria-controls="reader-settings"
                    on:click=move |_| settings_open.update(|o| *o = !*o)
                >
                    <span aria-hidden="true">"Aa"</span>
                    <span class="visually-hidden">"Reader settings"</span>
                </button>
            </div>
            <Show when=move || settings_open.get()>
                <SettingsPanel/>
            </Show>
        </header>
        {move || storage::problem().get().map(|message| view! { <p class="storage-note" role="note">{message}</p> })}
        <div class="reader" class=("reader--with-toc", has_toc) node_ref=holder>
            {toc}
            <ArticleView page base all_at_once=deep_link.with_value(|id| !id.is_empty())/>
        </div>
        {offer_view}
    }
    .into_any()
}

/// "Save offline" / "Saved": keeps the article's JSON and images in the offline store.
fn save_offline_button(page: &Page, base: &str) -> Option<impl IntoView + use<>> {
    if !offline::use_offline().supported {
        return None;
    }
    let url = base.to_string();
    let id = page.id.clone();
    let headline = page.headline.clone();
    let images: Vec<String> = page
        .image_urls()
        .iter()
        .map(|src| links::resolve(src, base))
        .collect();
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    {
        let url = url.clone();
        leptos::task::spawn_local(async move {
            if let Ok(list) = offline::list_saved().await {
                saved.try_set(list.iter().any(|a| a.url == url));
            }
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
                    error.try_set(Some(format!("Couldn’t save for offline: {e}")));
                }
            }
            busy.try_set(false);
        });
    };
    Some(view! {
        <button type="button" class="tool" aria-pressed=move || saved.get().to_string() disabled=move || busy.get() on:click=toggle>
            {move || if saved.get() { "Saved offline" } else { "Save offline" }}
        </button>
        {move || error.get().map(|e| view! { <span class="reader-error" role="alert">{e}</span> })}
    })
}

/// Puts the block `id` just below the sticky chrome (a `#p12` deep link); its
/// `scroll-margin-top` is the chrome's height (set by the tracker).
fn scroll_to_anchor(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        el.scroll_into_view();
    }
}
