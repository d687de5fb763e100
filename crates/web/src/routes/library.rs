//! `/`: the articles listed in `articles/index.json`, and a box to open any article by URL.

use crate::api::{self, LoadError};
use crate::components::states::ErrorPanel;
use crate::{dates, links, locale, offline, storage};
use broadsheet_core::i18n;
use broadsheet_core::library::Index;
use broadsheet_core::resume::{self, Position, ReadingState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_navigate;

/// Where the library's list lives, relative to the site root.
pub const INDEX_URL: &str = "/articles/index.json";

/// The list a pre-rendered library page carries (`crate::takeover`): shown at
/// once, not fetched again.
#[derive(Clone, Debug)]
pub struct PreloadedLibrary {
    /// Where it was read from (absolute), which its entries are relative to.
    pub url: String,
    pub index: Index,
}

#[component]
pub fn LibraryRoute() -> impl IntoView {
    let ui = locale::provide_for_site();
    let t = ui.text();
    let preloaded = use_context::<PreloadedLibrary>();
    let skip_fetch = StoredValue::new(preloaded.is_some());
    let state: RwSignal<Option<Result<(String, Index), LoadError>>> =
        RwSignal::new(preloaded.map(|p| Ok((p.url, p.index))));
    let attempt = RwSignal::new(0u32);
    Effect::new(move |_| {
        attempt.track();
        if skip_fetch.get_value() {
            skip_fetch.set_value(false);
            return;
        }
        state.set(None);
        spawn_local(async move { state.set(Some(api::load_index(INDEX_URL).await)) });
    });

    view! {
        <Title text=t.library_title/>
        <Meta name="description" content=t.library_description/>
        <div class="library" lang=ui.lang() dir=ui.dir()>
            <h1 class="library-title">{t.library_title}</h1>
            {move || match state.get() {
                None => view! { <p class="library-loading" role="status">{t.library_loading}</p> }.into_any(),
                Some(Err(error)) => view! { <ErrorPanel error retry=move |_| attempt.update(|n| *n += 1)/> }.into_any(),
                Some(Ok((index_url, index))) => view! {
                    <ul class="library-list">
                        {index.articles.into_iter().map(|entry| {
                            let url = links::resolve(&entry.src, &index_url);
                            let href = links::viewer_href(&url);
                            // Only this reader's browser knows what they have read: a
                            // pre-rendered library says nothing rather than "Unread".
                            let state = cfg!(target_arch = "wasm32").then(|| {
                                let state = storage::get(&resume::key_for(entry.id.as_deref(), &url))
                                    .and_then(|s| crate::json::parse::<Position>(&s))
                                    .and_then(Position::checked)
                                    .map_or(ReadingState::Unread, |s| s.state());
                                let (class, text) = match state {
                                    ReadingState::Unread => ("state-unread", t.state_unread.to_string()),
                                    ReadingState::Reading(p) => ("state-reading", i18n::fill(t.state_reading, &[("percent", &ui.locale.percent(p))])),
                                    ReadingState::Read => ("state-read", t.state_read.to_string()),
                                };
                                view! { " · " <span class=format!("reading-state {class}") lang=ui.lang_unless(entry.language.as_deref())>{text}</span> }
                            });
                            let dir = entry.language.as_deref().map(|l| broadsheet_core::article::direction_of(l).as_str());
                            view! {
                                <li class="library-item" lang=entry.language.clone() dir=dir>
                                    <h2 class="library-headline"><a href=href>{entry.headline}</a></h2>
                                    {entry.dek.map(|d| view! { <p class="library-dek">{d}</p> })}
                                    <p class="library-meta">
                                        {entry.published.map(|d| view! { <time datetime=d.clone() lang=ui.lang_unless(entry.language.as_deref())>{dates::format(ui.locale, &d)}</time> " · " })}
                                        <span lang=ui.lang_unless(entry.language.as_deref())>{t.minutes_read.get(ui.locale, entry.minutes.into())}</span>
                                        {state}
                                    </p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <SavedArticles/>
            <OpenByUrl/>
        </div>
    }
}

/// Articles saved for offline reading, their sizes, and the storage they use.
#[component]
fn SavedArticles() -> impl IntoView {
    let ui = locale::use_ui();
    let t = ui.text();
    let offline = offline::use_offline();
    let list = RwSignal::new(None::<Result<Vec<offline::SavedArticle>, String>>);
    let usage = RwSignal::new(None::<(f64, f64)>);
    let refresh = move || {
        leptos::task::spawn_local(async move {
            list.try_set(Some(offline::list_saved().await));
            usage.try_set(offline::estimate().await);
        })
    };
    // In an effect: in the browser only, not while pre-rendering.
    Effect::new(move |_| {
        if offline.supported {
            refresh();
        }
    });
    let remove = move |urls: Vec<String>| {
        leptos::task::spawn_local(async move {
            let result = offline::remove(&urls).await;
            list.try_set(Some(result));
            usage.try_set(offline::estimate().await);
        })
    };
    view! {
        <section class="saved" aria-labelledby="saved-title">
            <h2 id="saved-title">{t.saved_title}</h2>
            {move || match list.get() {
                _ if !offline.supported => view! { <p>{t.saved_unsupported}</p> }.into_any(),
                None => view! { <p>{t.saved_checking}</p> }.into_any(),
                Some(Err(e)) => view! { <p>{e}</p> }.into_any(),
                Some(Ok(items)) if items.is_empty() => view! {
                    <p>{t.saved_none}</p>
                }.into_any(),
                Some(Ok(items)) => {
                    let all: Vec<String> = items.iter().map(|a| a.url.clone()).collect();
                    view! {
                        <ul class="saved-list">
                            {items.into_iter().map(|a| {
                                let url = a.url.clone();
                                let label = i18n::fill(t.saved_remove_label, &[("headline", &a.headline)]);
                                view! {
                                    <li>
                                        <a href=links::viewer_href(&a.url)>{a.headline}</a>
                                        <span class="saved-size">{ui.locale.size(a.bytes as u64)}</span>
                                        <button type="button" class="tool" aria-label=label on:click=move |_| remove(vec![url.clone()])>{t.saved_remove}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <button type="button" class="tool" on:click=move |_| remove(all.clone())>{t.saved_remove_all}</button>
                    }.into_any()
                }
            }}
            {move || usage.get().map(|(used, quota)| view! {
                <p class="storage-usage">{i18n::fill(t.storage_usage, &[("used", &ui.locale.size(used as u64)), ("quota", &ui.locale.size(quota as u64))])}</p>
            })}
        </section>
    }
}

/// A small form: paste the URL of any article JSON and read it. A plain GET to
/// `/read?src=…` too, so that it works on the pre-rendered library before the
/// app has taken it over (the CSP's `form-action 'self'` allows it).
#[component]
fn OpenByUrl() -> impl IntoView {
    let t = locale::use_ui().text();
    let value = RwSignal::new(String::new());
    let navigate = use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let src = value.get_untracked();
        if !src.trim().is_empty() {
            navigate(
                &format!(
                    "/read?src={}",
                    String::from(js_sys::encode_uri_component(src.trim()))
                ),
                Default::default(),
            );
        }
    };
    view! {
        <form class="open-url" action="/read" method="get" on:submit=on_submit>
            <label for="open-url-input">{t.open_label}</label>
            <div class="open-url-row">
                <input id="open-url-input" name="src" type="url" inputmode="url" placeholder="https://example.org/article.json"
                    bind:value=value required=true/>
                <button type="submit" class="button">{t.open_button}</button>
            </div>
        </form>
    }
}
