//! `/`: the articles listed in `articles/index.json`, and a box to open any article by URL.

use crate::app::api::{self, LoadError};
use crate::app::components::states::ErrorPanel;
use crate::app::{dates, links, storage};
use crate::library::Index;
use crate::resume::{self, Saved, State};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_navigate;

/// Where the library's list lives, relative to the site root.
pub const INDEX_URL: &str = "articles/index.json";

#[component]
pub fn LibraryPage() -> impl IntoView {
    let state: RwSignal<Option<Result<(String, Index), LoadError>>> = RwSignal::new(None);
    let attempt = RwSignal::new(0u32);
    Effect::new(move |_| {
        attempt.track();
        state.set(None);
        spawn_local(async move { state.set(Some(api::load_index(INDEX_URL).await)) });
    });

    view! {
        <Title text="Library"/>
        <Meta name="description" content="Articles to read in Broadsheet."/>
        <div class="library">
            <h1 class="library-title">"Library"</h1>
            {move || match state.get() {
                None => view! { <p class="library-loading" role="status">"Loading the list of articles…"</p> }.into_any(),
                Some(Err(error)) => view! { <ErrorPanel error retry=move |_| attempt.update(|n| *n += 1)/> }.into_any(),
                Some(Ok((index_url, index))) => view! {
                    <ul class="library-list">
                        {index.articles.into_iter().map(|entry| {
                            let url = links::resolve(&entry.src, &index_url);
                            let href = links::viewer_href(&url);
                            let state = storage::get(&resume::key_for(entry.id.as_deref(), &url))
                                .and_then(|s| Saved::from_json(&s))
                                .map_or(State::Unread, |s| s.state());
                            let (state_class, state_text) = match state {
                                State::Unread => ("state-unread", "Unread".to_string()),
                                State::Reading(p) => ("state-reading", format!("{p}% read")),
                                State::Read => ("state-read", "Read".to_string()),
                            };
                            let dir = entry.language.as_deref().map(|l| crate::article::direction_of(l).as_str());
                            view! {
                                <li class="library-item" lang=entry.language.clone() dir=dir>
                                    <h2 class="library-headline"><a href=href>{entry.headline}</a></h2>
                                    {entry.dek.map(|d| view! { <p class="library-dek">{d}</p> })}
                                    <p class="library-meta">
                                        {entry.published.map(|d| view! { <time datetime=d.clone()>{dates::format(&d)}</time> " · " })}
                                        <span>{format!("{} min read", entry.minutes)}</span>
                                        " · "
                                        <span class=format!("reading-state {state_class}")>{state_text}</span>
                                    </p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <OpenByUrl/>
        </div>
    }
}

/// A small form: paste the URL of any article JSON and read it.
#[component]
fn OpenByUrl() -> impl IntoView {
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
        <form class="open-url" on:submit=on_submit>
            <label for="open-url-input">"Open an article from its JSON address"</label>
            <div class="open-url-row">
                <input id="open-url-input" type="url" inputmode="url" placeholder="https://example.org/article.json"
                    bind:value=value required=true/>
                <button type="submit" class="button">"Open"</button>
            </div>
        </form>
    }
}
