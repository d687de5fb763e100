//! All network access: fetching article JSON and the library index.
//!
//! Every failure becomes a [`LoadError`] with a message written for readers.

use crate::{article, library};
use gloo_net::http::Request;
use leptos::prelude::window;

/// An article fetched and parsed, with the absolute URL it came from (the base for
/// its relative links and images).
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedArticle {
    pub url: String,
    pub article: article::Article,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No `src` was given, or it is not a usable URL.
    NoSource,
    BadAddress(String),
    /// The server answered with an error status.
    Http {
        status: u16,
        status_text: String,
    },
    /// No answer at all: offline, DNS, refused connection, or a CORS refusal.
    Network,
    /// The browser is offline and no saved copy exists.
    Offline,
    /// The answer was not an article.
    Format(article::FormatError),
    Index(String),
}

impl LoadError {
    /// A short heading for the error panel.
    pub fn title(&self) -> &'static str {
        match self {
            LoadError::NoSource => "No article chosen",
            LoadError::BadAddress(_) => "That address doesn’t work",
            LoadError::Http {
                status: 404 | 410, ..
            } => "Article not found",
            LoadError::Http { .. } => "The server had a problem",
            LoadError::Network => "Couldn’t reach the server",
            LoadError::Offline => "You’re offline",
            LoadError::Format(_) | LoadError::Index(_) => "This file can’t be read",
        }
    }

    /// What happened, in a sentence or two.
    pub fn message(&self) -> String {
        match self {
            LoadError::NoSource => {
                "Open an article from the library, or give its address as /read?src=…".into()
            }
            LoadError::BadAddress(src) => format!("“{src}” is not a web address an article can be loaded from."),
            LoadError::Http { status, status_text } => {
                let text = if status_text.is_empty() { String::new() } else { format!(" {status_text}") };
                match status {
                    404 | 410 => format!("The server has no article at this address (HTTP {status}{text})."),
                    _ => format!("The server answered with HTTP {status}{text}."),
                }
            }
            LoadError::Network => "The network request failed: you may be offline, or the server refused the request (for an article on another site, that site must allow it with CORS).".into(),
            LoadError::Offline => "You’re offline and this article isn’t saved. It will load by itself when the connection is back.".into(),
            LoadError::Format(e) => format!("It is not a valid Broadsheet article: {e}."),
            LoadError::Index(e) => format!("{e}."),
        }
    }

    /// Whether trying again could help.
    pub fn retryable(&self) -> bool {
        !matches!(self, LoadError::NoSource | LoadError::BadAddress(_))
    }
}

/// Resolves `src` against the document's base URL. Only http(s) URLs are loaded.
pub fn absolute_url(src: &str) -> Result<String, LoadError> {
    let base = leptos::prelude::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    let url = web_sys::Url::new_with_base(src.trim(), &base)
        .map_err(|_| LoadError::BadAddress(src.into()))?;
    match url.protocol().as_str() {
        "http:" | "https:" => Ok(url.href()),
        _ => Err(LoadError::BadAddress(src.into())),
    }
}

async fn get_text(url: &str) -> Result<String, LoadError> {
    // Noted before the answer arrives: the service worker may take over meanwhile.
    crate::app::offline::note_fetched(url);
    let response = Request::get(url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| {
            if window().navigator().on_line() {
                LoadError::Network
            } else {
                LoadError::Offline
            }
        })?;
    if !response.ok() {
        return Err(LoadError::Http {
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    response.text().await.map_err(|_| LoadError::Network)
}

/// Fetches and parses the article at `src` (relative to the page, or absolute).
pub async fn load_article(src: Option<String>) -> Result<LoadedArticle, LoadError> {
    let src = src
        .filter(|s| !s.trim().is_empty())
        .ok_or(LoadError::NoSource)?;
    let url = absolute_url(&src)?;
    let text = get_text(&url).await?;
    let parsed = article::parse(&text).map_err(LoadError::Format)?;
    for warning in &parsed.warnings {
        web_sys::console::warn_1(&format!("Broadsheet: {url}: {warning}").into());
    }
    Ok(LoadedArticle {
        url,
        article: parsed.article,
    })
}

/// The library index, and its absolute URL (entries' `src` are relative to it).
pub async fn load_index(src: &str) -> Result<(String, library::Index), LoadError> {
    let url = absolute_url(src)?;
    let text = get_text(&url).await?;
    let index = library::parse(&text).map_err(LoadError::Index)?;
    Ok((url, index))
}
