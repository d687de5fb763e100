//! All network access: fetching article JSON, the library index, and the
//! published pages' reader's words.
//!
//! Every failure becomes a [`LoadError`] with a message written for readers.
//! A load reads at most [`MAX_FILE_BYTES`] and is abandoned after
//! [`LOAD_TIMEOUT_SECONDS`] without receiving anything.

use broadsheet_core::i18n::{Locale, fill};
use broadsheet_core::limits::{LOAD_TIMEOUT_SECONDS, MAX_FILE_BYTES};
use broadsheet_core::{article, library};
use gloo_net::http::Request;
use leptos::prelude::{TimeoutHandle, set_timeout_with_handle, window};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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
    /// No answer at all: offline, DNS, refused connection.
    Network,
    /// Another site answered, but does not let this page read its answer (no CORS).
    Cors {
        site: String,
    },
    /// Nothing arrived for [`LOAD_TIMEOUT_SECONDS`].
    Timeout,
    /// The browser is offline and no saved copy exists.
    Offline,
    /// The answer was not an article (too large, not UTF-8, not JSON, wrong shape).
    Format(article::FormatError),
    Index(String),
}

impl LoadError {
    /// A short heading for the error panel.
    pub fn title(&self, locale: Locale) -> &'static str {
        let t = locale.text();
        match self {
            LoadError::NoSource => t.error_no_source_title,
            LoadError::BadAddress(_) => t.error_bad_address_title,
            LoadError::Http {
                status: 404 | 410, ..
            } => t.error_not_found_title,
            LoadError::Http { .. } => t.error_http_title,
            LoadError::Network => t.error_network_title,
            LoadError::Cors { .. } => t.error_cors_title,
            LoadError::Timeout => t.error_timeout_title,
            LoadError::Offline => t.error_offline_title,
            LoadError::Format(_) | LoadError::Index(_) => t.error_format_title,
        }
    }

    /// What happened, in a sentence or two. What the validation found (a
    /// format error's JSON path and problem) stays in English: it is for the
    /// publisher.
    pub fn message(&self, locale: Locale) -> String {
        let t = locale.text();
        match self {
            LoadError::NoSource => t.error_no_source.into(),
            LoadError::BadAddress(src) => fill(t.error_bad_address, &[("address", src)]),
            LoadError::Http {
                status,
                status_text,
            } => {
                let status = format!("{status} {status_text}");
                let template = match self {
                    LoadError::Http {
                        status: 404 | 410, ..
                    } => t.error_not_found,
                    _ => t.error_http,
                };
                fill(template, &[("status", status.trim())])
            }
            LoadError::Network => t.error_network.into(),
            LoadError::Cors { site } => fill(t.error_cors, &[("site", site)]),
            LoadError::Timeout => fill(
                t.error_timeout,
                &[("seconds", &locale.number(LOAD_TIMEOUT_SECONDS.into()))],
            ),
            LoadError::Offline => t.error_offline.into(),
            LoadError::Format(e) => fill(t.error_format, &[("problem", &e.to_string())]),
            LoadError::Index(e) => format!("{e}."),
        }
    }

    /// Whether trying again could help.
    pub fn retryable(&self) -> bool {
        !matches!(self, LoadError::NoSource | LoadError::BadAddress(_))
    }
}

/// Resolves `src` against the page's address. Only http(s) URLs are loaded.
pub fn absolute_url(src: &str) -> Result<String, LoadError> {
    let url = web_sys::Url::new_with_base(src.trim(), &crate::links::document_base())
        .map_err(|_| LoadError::BadAddress(src.into()))?;
    match url.protocol().as_str() {
        "http:" | "https:" => Ok(url.href()),
        _ => Err(LoadError::BadAddress(src.into())),
    }
}

/// Aborts a request after [`LOAD_TIMEOUT_SECONDS`] without progress.
struct Watchdog {
    controller: web_sys::AbortController,
    timer: RefCell<Option<TimeoutHandle>>,
    fired: Rc<Cell<bool>>,
}

impl Watchdog {
    fn start() -> Option<Watchdog> {
        let dog = Watchdog {
            controller: web_sys::AbortController::new().ok()?,
            timer: RefCell::new(None),
            fired: Rc::new(Cell::new(false)),
        };
        dog.progress();
        Some(dog)
    }

    fn signal(&self) -> web_sys::AbortSignal {
        self.controller.signal()
    }

    /// Something arrived: the clock starts again.
    fn progress(&self) {
        let (controller, fired) = (self.controller.clone(), self.fired.clone());
        let timer = set_timeout_with_handle(
            move || {
                fired.set(true);
                controller.abort();
            },
            Duration::from_secs(LOAD_TIMEOUT_SECONDS.into()),
        )
        .ok();
        if let Some(old) = self.timer.replace(timer) {
            old.clear();
        }
    }

    /// For a request that failed: `Timeout` if this watchdog stopped it, else
    /// `None` (the failure had another cause).
    fn failure(&self) -> Option<LoadError> {
        self.fired.get().then_some(LoadError::Timeout)
    }

    fn abort(&self) {
        self.controller.abort();
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
    }
}

/// Why a request got no answer: offline, a site that refuses CORS, or the network.
async fn no_answer(url: &str) -> LoadError {
    if !window().navigator().on_line() {
        return LoadError::Offline;
    }
    let Ok(parsed) = web_sys::Url::new(url) else {
        return LoadError::Network;
    };
    if parsed.origin() == window().location().origin().unwrap_or_default() {
        return LoadError::Network;
    }
    // A CORS refusal looks exactly like a network failure. A request that asks
    // for no access to the answer ("no-cors") tells them apart: it succeeds
    // when the server is there.
    let Some(dog) = Watchdog::start() else {
        return LoadError::Network;
    };
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::NoCors);
    init.set_signal(Some(&dog.signal()));
    match JsFuture::from(window().fetch_with_str_and_init(url, &init)).await {
        Ok(_) => LoadError::Cors {
            site: parsed.host(),
        },
        Err(_) => LoadError::Network,
    }
}

/// The bytes at `url`: at most [`MAX_FILE_BYTES`], read as they arrive so a
/// larger answer is refused without being read in full.
async fn get_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    // Noted before the answer arrives: the service worker may take over meanwhile.
    crate::offline::note_fetched(url);
    let dog = Watchdog::start().ok_or(LoadError::Network)?;
    // No request headers: the request must match public/boot.js's preload of the
    // article, which started it while the wasm was loading.
    let response = match Request::get(url)
        .abort_signal(Some(&dog.signal()))
        .send()
        .await
    {
        Ok(response) => response,
        Err(_) => match dog.failure() {
            Some(timeout) => return Err(timeout),
            None => return Err(no_answer(url).await),
        },
    };
    dog.progress();
    if !response.ok() {
        dog.abort();
        return Err(LoadError::Http {
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let too_large = |bytes| LoadError::Format(article::too_large(bytes));
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|v| v.parse::<usize>().ok());
    if let Some(length) = declared.filter(|&n| n > MAX_FILE_BYTES) {
        dog.abort();
        return Err(too_large(length));
    }
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream
        .get_reader()
        .dyn_into()
        .map_err(|_| LoadError::Network)?;
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0));
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| dog.failure().unwrap_or(LoadError::Network))?;
        dog.progress();
        let get = |key: &str| js_sys::Reflect::get(&chunk, &key.into()).unwrap_or_default();
        if get("done").is_truthy() {
            return Ok(bytes);
        }
        let value = js_sys::Uint8Array::new(&get("value"));
        let start = bytes.len();
        let end = start + value.length() as usize;
        if end > MAX_FILE_BYTES {
            dog.abort();
            return Err(too_large(0));
        }
        bytes.resize(end, 0);
        value.copy_to(&mut bytes[start..]);
    }
}

/// Fetches and parses the article at `src` (relative to the page, or absolute).
pub async fn load_article(src: Option<String>) -> Result<LoadedArticle, LoadError> {
    let src = src
        .filter(|s| !s.trim().is_empty())
        .ok_or(LoadError::NoSource)?;
    let url = absolute_url(&src)?;
    let bytes = get_bytes(&url).await?;
    let parsed = article::parse_bytes(&bytes).map_err(LoadError::Format)?;
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
    let bytes = get_bytes(&url).await?;
    let text = article::decode_text(&bytes).map_err(|e| LoadError::Index(e.to_string()))?;
    let index = library::parse(text).map_err(LoadError::Index)?;
    Ok((url, index))
}

/// The words of `locale`, for a build without every locale's (the published
/// pages' reader, `crate::published`): `/ui/<code>-<layout>.json`, written by
/// `broadsheet build` and preloaded by the page. Requested at once; `None` if
/// they cannot be had within [`LOAD_TIMEOUT_SECONDS`] (the reader then speaks
/// English).
pub fn load_words(locale: Locale) -> impl std::future::Future<Output = Option<Vec<String>>> {
    let dog = Watchdog::start();
    let init = web_sys::RequestInit::new();
    init.set_signal(dog.as_ref().map(Watchdog::signal).as_ref());
    let url = format!("/{}", broadsheet_core::i18n::words::path(locale));
    let request = window().fetch_with_str_and_init(&url, &init);
    async move {
        // Kept until the words are read: dropped, it stops its clock.
        let _dog = dog;
        let response: web_sys::Response = JsFuture::from(request).await.ok()?.dyn_into().ok()?;
        if !response.ok() {
            return None;
        }
        let text = JsFuture::from(response.text().ok()?).await.ok()?;
        crate::json::parse(&text.as_string()?)
    }
}
