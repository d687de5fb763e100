//! `/read?src=<article JSON URL>`: one article.

use crate::api::{self, LoadError, LoadedArticle};
use crate::components::{reader::Reader, states::ArticleSkeleton, states::ErrorPanel};
use broadsheet_core::page;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

#[derive(Clone, Debug, PartialEq)]
pub enum State {
    Loading,
    Ready(Box<LoadedArticle>),
    Failed(LoadError),
}

/// Loads the article named by `src`, and again whenever `src` or `attempt` changes.
/// An answer to an earlier `src` or attempt that arrives late is dropped.
pub fn load_article(src: Memo<Option<String>>, attempt: RwSignal<u32>) -> RwSignal<State> {
    let state = RwSignal::new(State::Loading);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let src = src.get();
        attempt.track();
        let this = generation.get_value() + 1;
        generation.set_value(this);
        state.set(State::Loading);
        spawn_local(async move {
            let result = api::load_article(src).await;
            if generation.try_get_value() == Some(this) {
                state.try_set(match result {
                    Ok(loaded) => State::Ready(Box::new(loaded)),
                    Err(e) => State::Failed(e),
                });
            }
        });
    });
    state
}

#[component]
pub fn ReadPage() -> impl IntoView {
    let query = use_query_map();
    let src = Memo::new(move |_| query.read().get("src"));
    let attempt = RwSignal::new(0u32);
    let state = load_article(src, attempt);

    let offline = crate::offline::use_offline();
    // Back online after "you're offline": try again by itself, a few times, since
    // the connection is often not quite there when the browser says it is.
    let recovering = StoredValue::new(0u8);
    Effect::new(move |_| {
        if offline.online.get()
            && matches!(state.get_untracked(), State::Failed(LoadError::Offline))
        {
            recovering.set_value(3);
            attempt.update(|n| *n += 1);
        }
    });
    Effect::new(move |_| {
        let failed = matches!(
            state.get(),
            State::Failed(LoadError::Network | LoadError::Offline)
        );
        if !failed || !offline.online.get_untracked() {
            return;
        }
        let left = recovering.get_value();
        if left > 0 {
            recovering.set_value(left - 1);
            set_timeout(
                move || attempt.try_update(|n| *n += 1).unwrap_or(()),
                std::time::Duration::from_secs(1),
            );
        }
    });
    let newer = move || {
        let updated = offline.article_updated.get()?;
        match &*state.read() {
            State::Ready(l) if l.url == updated => Some(()),
            _ => None,
        }
    };

    let title = move || match &*state.read() {
        State::Ready(l) => l.article.headline.clone(),
        State::Loading => "Loading…".into(),
        State::Failed(e) => e.title().into(),
    };
    let description = move || match &*state.read() {
        State::Ready(l) => l.article.dek.clone().unwrap_or_default(),
        _ => String::new(),
    };

    view! {
        {move || newer().map(|_| view! {
            <div class="notice" role="status">
                <p>"A newer version of this article is available."</p>
                <button type="button" class="button" on:click=move |_| {
                    offline.article_updated.set(None);
                    attempt.update(|n| *n += 1);
                }>"Show it"</button>
            </div>
        })}
        <Title text=title/>
        <Meta name="description" content=description/>
        {move || match state.get() {
            State::Loading => view! { <ArticleSkeleton/> }.into_any(),
            State::Ready(loaded) => {
                let page = page::build(&loaded.article);
                view! { <Reader page base=loaded.url/> }.into_any()
            }
            State::Failed(error) => view! {
                <ErrorPanel error retry=move |_| attempt.update(|n| *n += 1)/>
            }
            .into_any(),
        }}
    }
}
