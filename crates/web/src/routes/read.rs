//! `/read?src=<article JSON URL>`: one article.

use crate::api::LoadError;
use crate::components::{reader::Reader, states::article_states};
use crate::loader::{Load, use_article};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn ReadRoute() -> impl IntoView {
    let query = use_query_map();
    let src = Memo::new(move |_| query.read().get("src"));
    let load = use_article(src, None);
    let state = load.state();

    let offline = crate::offline::use_offline();
    // Back online after "you're offline": try again by itself, a few times, since
    // the connection is often not quite there when the browser says it is.
    let recovering = StoredValue::new(0u8);
    Effect::new(move |_| {
        if offline.online.get() && matches!(state.get_untracked(), Load::Failed(LoadError::Offline))
        {
            recovering.set_value(3);
            load.retry();
        }
    });
    Effect::new(move |_| {
        let failed = matches!(
            state.get(),
            Load::Failed(LoadError::Network | LoadError::Offline)
        );
        if !failed || !offline.online.get_untracked() {
            return;
        }
        let left = recovering.get_value();
        if left > 0 {
            recovering.set_value(left - 1);
            set_timeout(move || load.retry(), std::time::Duration::from_secs(1));
        }
    });
    let newer = move || {
        let updated = offline.article_updated.get()?;
        match &*state.read() {
            Load::Ready(l) if l.url == updated => Some(()),
            _ => None,
        }
    };

    let title = move || match &*state.read() {
        Load::Ready(l) => l.page.meta.headline.clone(),
        Load::Loading => "Loading…".into(),
        Load::Failed(e) => e.title().into(),
    };
    let description = move || match &*state.read() {
        Load::Ready(l) => l.page.meta.dek.clone().unwrap_or_default(),
        _ => String::new(),
    };

    view! {
        {move || newer().map(|_| view! {
            <div class="notice" role="status">
                <p>"A newer version of this article is available."</p>
                <button type="button" class="button" on:click=move |_| {
                    offline.article_updated.set(None);
                    load.retry();
                }>"Show it"</button>
            </div>
        })}
        <Title text=title/>
        <Meta name="description" content=description/>
        {article_states(load, false, |loaded| {
            view! { <Reader page=loaded.page.clone() base=loaded.url.clone()/> }.into_any()
        })}
    }
}
