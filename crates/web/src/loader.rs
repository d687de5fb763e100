//! The article a view shows, as a reactive value: fetched and parsed by
//! [`crate::api`], built into a [`Page`] once, and fetched again on retry.
//! The page (`/read`), the iframe (`/embed`) and `<broadsheet-article>` all use it.

use crate::api::{self, LoadError};
use crate::host::HostEvent;
use broadsheet_core::i18n::Locale;
use broadsheet_core::page::{self, Page};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// An article ready to show, with the absolute URL it came from (the base for its
/// relative links and images).
#[derive(Debug, PartialEq)]
pub struct Loaded {
    pub url: String,
    pub page: Page,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    Ready(Arc<Loaded>),
    Failed(LoadError),
}

impl Load {
    /// What the embedding page is told of this outcome; nothing while loading.
    pub fn host_event(&self) -> Option<HostEvent> {
        match self {
            Load::Ready(loaded) => Some(HostEvent::Load {
                id: loaded.page.meta.id.clone(),
                headline: loaded.page.meta.headline.clone(),
            }),
            Load::Failed(e) => Some(HostEvent::Error {
                // For the host's developers: in English.
                message: format!("{} {}", e.title(Locale::En), e.message(Locale::En)),
            }),
            Load::Loading => None,
        }
    }
}

/// An article that came with the page, so it is shown without being fetched:
/// the article of a page being pre-rendered (`crate::prerender`).
#[derive(Clone, Debug)]
pub struct Preloaded(pub Arc<Loaded>);

/// An article being loaded: its state, and a way to load it again.
#[derive(Clone, Copy)]
pub struct ArticleLoad {
    state: RwSignal<Load>,
    attempt: RwSignal<u32>,
}

impl ArticleLoad {
    pub fn state(&self) -> ReadSignal<Load> {
        self.state.read_only()
    }

    /// Loads the article again (a reader's "Retry", or coming back online).
    pub fn retry(&self) {
        self.attempt.try_update(|n| *n += 1);
    }
}

/// Loads the article named by `src`, and again whenever `src` changes or on
/// [`ArticleLoad::retry`]. An answer to an earlier `src` or attempt that arrives
/// late is dropped. `lang`, when given, replaces the article's language (and so
/// its direction). A [`Preloaded`] article in context is shown at once, if it is
/// the one `src` names, until a retry.
pub fn use_article(src: Memo<Option<String>>, lang: Option<String>) -> ArticleLoad {
    let preloaded = use_context::<Preloaded>().filter(|p| {
        lang.is_none()
            && src
                .get_untracked()
                .is_some_and(|s| crate::links::same_url(&s, &p.0.url))
    });
    let state = RwSignal::new(match &preloaded {
        Some(p) => Load::Ready(p.0.clone()),
        None => Load::Loading,
    });
    let skip_fetch = StoredValue::new(preloaded.is_some());
    let attempt = RwSignal::new(0u32);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let src = src.get();
        attempt.track();
        if skip_fetch.get_value() {
            skip_fetch.set_value(false);
            return;
        }
        let this = generation.get_value() + 1;
        generation.set_value(this);
        state.set(Load::Loading);
        let lang = lang.clone();
        spawn_local(async move {
            let result = api::load_article(src).await;
            if generation.try_get_value() != Some(this) {
                return;
            }
            state.try_set(match result {
                Ok(mut loaded) => {
                    if lang.is_some() {
                        loaded.article.meta.language = lang;
                    }
                    Load::Ready(Arc::new(Loaded {
                        page: page::build(&loaded.article),
                        url: loaded.url,
                    }))
                }
                Err(e) => Load::Failed(e),
            });
        });
    });
    ArticleLoad { state, attempt }
}
