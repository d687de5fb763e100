//! What stands in for an article: the loading skeleton and the error panel, and
//! [`article_states`], which shows one of them or the article.

use crate::api::LoadError;
use crate::loader::{ArticleLoad, Load, Loaded};
use crate::names;
use leptos::prelude::*;
use std::sync::Arc;

/// The skeleton while `load` is loading, the error panel when it failed (its
/// "Retry" loads again), and `ready(article)` once it is there. `embedded`: on
/// another site, so the panel has no link to the viewer's library.
pub fn article_states(
    load: ArticleLoad,
    embedded: bool,
    ready: impl Fn(Arc<Loaded>) -> AnyView + Send + 'static,
) -> impl IntoView {
    move || match load.state().get() {
        Load::Loading => view! { <ArticleSkeleton/> }.into_any(),
        Load::Ready(loaded) => ready(loaded),
        Load::Failed(error) => {
            view! { <ErrorPanel error embedded retry=move |_| load.retry()/> }.into_any()
        }
    }
}

/// Placeholder shaped like an article header and first paragraphs, so nothing
/// jumps when the article arrives.
#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    let ui = crate::locale::use_ui();
    view! {
        // The reading bar's place, so the article lands where the skeleton was.
        <div class="reader-bar" aria-hidden="true">
            <div class="reader-bar-inner"><span class="tool skeleton skeleton--tool"></span></div>
        </div>
        <div class="article article--skeleton" role="status" aria-live="polite" lang=ui.lang()>
            <span class="visually-hidden">{ui.text().loading_article}</span>
            <div class="article-header" aria-hidden="true">
                <div class="skeleton skeleton--kicker"></div>
                <div class="skeleton skeleton--headline"></div>
                <div class="skeleton skeleton--headline skeleton--short"></div>
                <div class="skeleton skeleton--dek"></div>
                <div class="skeleton skeleton--meta"></div>
            </div>
            <div class=names::ARTICLE_BODY aria-hidden="true">
                {(0..4).map(|i| view! { <div class="skeleton skeleton--para" class=("skeleton--short", i == 3)></div> }).collect_view()}
            </div>
        </div>
    }
}

/// An error a reader can act on: what happened, and a way to try again.
#[component]
pub fn ErrorPanel(
    error: LoadError,
    #[prop(into)] retry: Callback<()>,
    /// On another site: no link to the viewer's library.
    #[prop(optional)]
    embedded: bool,
) -> impl IntoView {
    let retryable = error.retryable();
    let ui = crate::locale::use_ui();
    let t = ui.text();
    view! {
        <div class="error-panel" role="alert" lang=ui.lang() dir=ui.dir()>
            <h1 class="error-title">{error.title(ui.locale)}</h1>
            <p class="error-message">{error.message(ui.locale)}</p>
            <p class="error-actions">
                {retryable.then(|| view! {
                    <button type="button" class="button" on:click=move |_| retry.run(())>{t.retry}</button>
                })}
                {(!embedded).then(|| view! { <a class="button button--secondary" href="/">{t.back_to_library}</a> })}
            </p>
        </div>
    }
}
