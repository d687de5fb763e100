//! `/read?src=<article JSON URL>` and `/articles/<name>/`: one article.
//! The second is the address of this site's own articles (`articles/<name>.json`),
//! which `broadsheet build` also pre-renders; `/read?src=` reads any article
//! JSON, other sites' too, and moves to the article's address when it has one.

use crate::api::LoadError;
use crate::components::reader::Reader;
use crate::components::states::article_states;
use crate::links;
use crate::loader::{Load, use_article};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

#[component]
pub fn ReadRoute() -> impl IntoView {
    let query = use_query_map();
    // Absolute, so that it still names the same file once the address changes.
    let src = Memo::new(move |_| {
        query.read().get("src").map(|s| match s.trim() {
            "" => s,
            _ => crate::api::absolute_url(&s).unwrap_or(s),
        })
    });
    // This site's own article has an address of its own, the one to share and
    // bookmark: go there (its route reads the same file). A page opened at
    // /read?src= moves before the app starts (`lib.rs`); this is for in-app
    // navigation, and the article shows here meanwhile.
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(page) = src.get().and_then(|url| own_address(&url)) {
            let hash = window().location().hash().unwrap_or_default();
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            };
            navigate(&format!("{page}{hash}"), options);
        }
    });
    view! { <Reading src/> }
}

/// The address of this site's own article at `url` (absolute): `/articles/<name>/`.
pub fn own_address(url: &str) -> Option<String> {
    Some(links::viewer_href(url))
        .filter(|page| url.starts_with("http") && page.starts_with("/articles/"))
}

/// Where a page opened at `/read?src=<this site's article>` belongs.
pub fn moved_address() -> Option<String> {
    let location = window().location();
    if location.pathname().ok()? != "/read" {
        return None;
    }
    let query = web_sys::UrlSearchParams::new_with_str(&location.search().ok()?).ok()?;
    let url = crate::api::absolute_url(&query.get("src")?).ok()?;
    Some(format!(
        "{}{}",
        own_address(&url)?,
        location.hash().unwrap_or_default()
    ))
}

/// `/articles/<name>/`: the article in `articles/<name>.json`.
#[component]
pub fn ArticleRoute() -> impl IntoView {
    let params = use_params_map();
    let src = Memo::new(move |_| {
        params
            .read()
            .get("name")
            .and_then(|name| links::article_json(&format!("/articles/{name}/")))
    });
    view! { <Reading src/> }
}

/// The article at `src`, with what goes around it: the page title, the notice
/// of a newer version, and retrying by itself when the connection comes back.
#[component]
fn Reading(src: Memo<Option<String>>) -> impl IntoView {
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

    let site = crate::locale::use_ui();
    let ui = crate::locale::page_ui;
    let title = move || match &*state.read() {
        Load::Ready(l) => l.page.meta.headline.clone(),
        Load::Loading => site.text().loading.into(),
        Load::Failed(e) => e.title(site.locale).into(),
    };
    let description = move || match &*state.read() {
        Load::Ready(l) => l.page.meta.dek.clone().unwrap_or_default(),
        _ => String::new(),
    };

    view! {
        {move || newer().map(|_| view! {
            <div class="notice" role="status" lang=ui().lang() dir=ui().dir()>
                <p>{ui().text().newer_version}</p>
                <button type="button" class="button" on:click=move |_| {
                    offline.article_updated.set(None);
                    load.retry();
                }>{ui().text().show_newer}</button>
            </div>
        })}
        <Title text=title/>
        <Meta name="description" content=description/>
        {article_states(load, false, |loaded| {
            view! { <Reader page=loaded.page.clone() base=loaded.url.clone()/> }.into_any()
        })}
    }
}
