//! The app's side of working offline: registering the service worker
//! (`public/sw.js`), talking to it, and what the reader sees of it — the
//! online/offline state, "a new version is available", "this article changed",
//! and articles saved for offline.

use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Offline state shared through context.
#[derive(Clone, Copy)]
pub struct Offline {
    pub online: RwSignal<bool>,
    /// A new version of the app is installed and waiting for the reader's go-ahead.
    pub update_waiting: RwSignal<bool>,
    /// URL of an article whose newer copy arrived in the background.
    pub article_updated: RwSignal<Option<String>>,
    /// Whether a service worker is available at all (saving offline needs one).
    pub supported: bool,
}

/// The messages between the page and the service worker, by their `type`.
///
/// The protocol — each message, its fields, its reply — is described once, in
/// the `MESSAGE` table at the top of `public/sw.js`; these are the same types,
/// and the tests at the bottom of this file fail when the two lists differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Message {
    /// Page → worker `{urls}`: cache these, fetched before it controlled the page.
    CacheUrls,
    /// Page → worker `{url, id, headline, images}`: save an article for offline.
    Save,
    /// Page → worker `{urls}`: forget these saved articles.
    Remove,
    /// Page → worker: the saved articles.
    ListSaved,
    /// Page → worker: the worker's version (for debugging; the app never asks).
    Version,
    /// Page → the waiting worker, no reply: take over now.
    SkipWaiting,
    /// Worker → page `{url}`: a newer copy of this article arrived.
    ArticleUpdated,
}

impl Message {
    pub const ALL: [Message; 7] = [
        Message::CacheUrls,
        Message::Save,
        Message::Remove,
        Message::ListSaved,
        Message::Version,
        Message::SkipWaiting,
        Message::ArticleUpdated,
    ];

    /// The message's `type` field.
    pub const fn name(self) -> &'static str {
        match self {
            Message::CacheUrls => "cache-urls",
            Message::Save => "save",
            Message::Remove => "remove",
            Message::ListSaved => "list-saved",
            Message::Version => "version",
            Message::SkipWaiting => "skip-waiting",
            Message::ArticleUpdated => "article-updated",
        }
    }

    /// The message whose `type` field is `name`.
    pub fn from_name(name: &str) -> Option<Message> {
        Message::ALL.into_iter().find(|m| m.name() == name)
    }

    /// `{type: name, ...fields}`, as posted.
    fn envelope(self, fields: &[(&str, JsValue)]) -> js_sys::Object {
        let o = object(&[(TYPE, self.name().into())]);
        for (k, v) in fields {
            let _ = js_sys::Reflect::set(&o, &(*k).into(), v);
        }
        o
    }
}

/// The field of every message that says which one it is.
const TYPE: &str = "type";

/// A message listener kept alive for the page's lifetime.
type Listener = Closure<dyn FnMut(JsValue)>;

thread_local! {
    /// Article and index URLs fetched before the worker controlled the page.
    static FETCHED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    static RELOAD_ON_CHANGE: RefCell<bool> = const { RefCell::new(false) };
    static KEEP: RefCell<Vec<Listener>> = const { RefCell::new(Vec::new()) };
}

/// Called by the fetching module for every article or index it loads.
pub fn note_fetched(url: &str) {
    FETCHED.with(|f| {
        let mut f = f.borrow_mut();
        if !f.iter().any(|u| u == url) {
            f.push(url.to_string());
        }
    });
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = window().navigator();
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Keeps a JS callback alive for the life of the page.
fn listen(target: &web_sys::EventTarget, event: &str, f: impl FnMut(JsValue) + 'static) {
    let closure = Closure::<dyn FnMut(JsValue)>::new(f);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    KEEP.with(|k| k.borrow_mut().push(closure));
}

/// Registers the service worker and provides [`Offline`]. Call once, in `App`.
pub fn provide() -> Offline {
    // Pre-rendering: a page as a reader's browser first shows it, online and
    // able to save (so the button is in the bar before the app takes over).
    if !cfg!(target_arch = "wasm32") {
        let state = Offline {
            online: RwSignal::new(true),
            update_waiting: RwSignal::new(false),
            article_updated: RwSignal::new(None),
            supported: true,
        };
        provide_context(state);
        return state;
    }
    let online = RwSignal::new(window().navigator().on_line());
    let state = Offline {
        online,
        update_waiting: RwSignal::new(false),
        article_updated: RwSignal::new(None),
        supported: container().is_some(),
    };
    listen(&window(), "online", move |_| online.set(true));
    listen(&window(), "offline", move |_| online.set(false));
    provide_context(state);

    let Some(sw) = container() else { return state };
    // `onmessage` (not addEventListener) also starts delivery of messages the
    // worker sent before the app was listening.
    let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let data = event.unchecked_into::<web_sys::MessageEvent>().data();
        let kind = field(&data, TYPE).and_then(|t| Message::from_name(&t));
        if kind == Some(Message::ArticleUpdated) {
            state.article_updated.set(field(&data, "url"));
        }
    });
    sw.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    KEEP.with(|k| k.borrow_mut().push(on_message));
    let had_controller = sw.controller().is_some();
    listen(&sw, "controllerchange", move |_| {
        if RELOAD_ON_CHANGE.with(|r| *r.borrow()) {
            let _ = window().location().reload();
        } else if !had_controller {
            // First visit: the worker now controls the page; hand it what was
            // loaded before, so those articles open offline too.
            let urls = FETCHED.with(|f| f.borrow().clone());
            leptos::task::spawn_local(async move {
                let list = js_sys::Array::new();
                for u in urls {
                    list.push(&u.into());
                }
                let _ = message(Message::CacheUrls, &[("urls", list.into())]).await;
            });
        }
    });
    leptos::task::spawn_local(async move {
        // updateViaCache "none": the browser always asks the server for sw.js.
        // From the site's root, whatever page the app started on (/articles/x/).
        let options = web_sys::RegistrationOptions::new();
        options.set_update_via_cache(web_sys::ServiceWorkerUpdateViaCache::None);
        options.set_scope("/");
        let reg = match JsFuture::from(sw.register_with_options("/sw.js", &options)).await {
            Ok(reg) if reg.is_object() => reg,
            _ => {
                web_sys::console::warn_1(
                    &"Broadsheet: the service worker could not be registered".into(),
                );
                return;
            }
        };
        let reg: web_sys::ServiceWorkerRegistration = reg.unchecked_into();
        let waiting = move || {
            state
                .update_waiting
                .set(container().and_then(|c| c.controller()).is_some())
        };
        if reg.waiting().is_some() {
            waiting();
        }
        let r = reg.clone();
        listen(&reg, "updatefound", move |_| {
            if let Some(installing) = r.installing() {
                let worker = installing.clone();
                listen(&installing, "statechange", move |_| {
                    if worker.state() == web_sys::ServiceWorkerState::Installed {
                        waiting();
                    }
                });
            }
        });
    });
    state
}

pub fn use_offline() -> Offline {
    use_context::<Offline>().expect("offline::provide runs in App")
}

/// The reader said "Reload": let the waiting version take over, then reload.
pub fn accept_update() {
    let Some(sw) = container() else { return };
    RELOAD_ON_CHANGE.with(|r| *r.borrow_mut() = true);
    leptos::task::spawn_local(async move {
        if let Ok(reg) = JsFuture::from(sw.get_registration()).await
            && let Some(waiting) = reg
                .unchecked_into::<web_sys::ServiceWorkerRegistration>()
                .waiting()
        {
            let _ = waiting.post_message(&Message::SkipWaiting.envelope(&[]));
            return;
        }
        let _ = window().location().reload();
    });
}

fn field(value: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(value, &name.into())
        .ok()
        .and_then(|v| v.as_string())
}

fn object(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), v);
    }
    o
}

/// Sends a message of this kind, with these fields, to the active worker and
/// waits for its answer (`{ok, result}` or `{ok: false, error}`).
pub async fn message(kind: Message, fields: &[(&str, JsValue)]) -> Result<JsValue, String> {
    let t = crate::locale::current().text();
    let sw = container().ok_or(t.offline_unsupported)?;
    let ready = sw.ready().map_err(|_| t.offline_helper_missing)?;
    let reg = JsFuture::from(ready)
        .await
        .map_err(|_| t.offline_helper_missing)?;
    let active = reg
        .unchecked_into::<web_sys::ServiceWorkerRegistration>()
        .active()
        .ok_or(t.offline_helper_missing)?;
    let channel = web_sys::MessageChannel::new().map_err(|_| t.offline_helper_missing)?;
    let port = channel.port1();
    let answer = js_sys::Promise::new(&mut |resolve, _| {
        let on_message = Closure::once_into_js(move |event: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        port.set_onmessage(Some(on_message.unchecked_ref()));
    });
    let transfer = js_sys::Array::of1(&channel.port2());
    active
        .post_message_with_transferable(&kind.envelope(fields), &transfer)
        .map_err(|_| t.offline_helper_silent)?;
    let reply = JsFuture::from(answer)
        .await
        .map_err(|_| t.offline_helper_silent)?;
    if js_sys::Reflect::get(&reply, &"ok".into())
        .ok()
        .and_then(|v| v.as_bool())
        == Some(true)
    {
        Ok(js_sys::Reflect::get(&reply, &"result".into()).unwrap_or(JsValue::NULL))
    } else {
        // The worker's own words (a browser's error, such as a full quota).
        Err(field(&reply, "error").unwrap_or_else(|| t.offline_helper_silent.into()))
    }
}

/// An article saved for offline reading.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedArticle {
    pub url: String,
    pub headline: String,
    pub bytes: f64,
}

fn saved_list(value: JsValue) -> Vec<SavedArticle> {
    js_sys::Array::from(&value)
        .iter()
        .map(|e| SavedArticle {
            url: field(&e, "url").unwrap_or_default(),
            headline: field(&e, "headline").unwrap_or_default(),
            bytes: js_sys::Reflect::get(&e, &"bytes".into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0),
        })
        .collect()
}

/// Saves an article's JSON and images for offline reading; asks the browser to
/// keep Broadsheet's storage (persistent storage) the first time.
pub async fn save(
    url: &str,
    id: Option<&str>,
    headline: &str,
    images: &[String],
) -> Result<Vec<SavedArticle>, String> {
    let list = js_sys::Array::new();
    for i in images {
        list.push(&i.into());
    }
    let result = message(
        Message::Save,
        &[
            ("url", url.into()),
            ("id", id.map(JsValue::from).unwrap_or(JsValue::NULL)),
            ("headline", headline.into()),
            ("images", list.into()),
        ],
    )
    .await?;
    if let Ok(p) = window().navigator().storage().persist() {
        let _ = JsFuture::from(p).await;
    }
    Ok(saved_list(result))
}

pub async fn list_saved() -> Result<Vec<SavedArticle>, String> {
    message(Message::ListSaved, &[]).await.map(saved_list)
}

/// Removes these saved articles (all of them when `urls` lists them all).
pub async fn remove(urls: &[String]) -> Result<Vec<SavedArticle>, String> {
    let list = js_sys::Array::new();
    for u in urls {
        list.push(&u.into());
    }
    message(Message::Remove, &[("urls", list.into())])
        .await
        .map(saved_list)
}

/// `(used, available)` bytes from `navigator.storage.estimate()`.
pub async fn estimate() -> Option<(f64, f64)> {
    let estimate = JsFuture::from(window().navigator().storage().estimate().ok()?)
        .await
        .ok()?;
    let get = |k: &str| {
        js_sys::Reflect::get(&estimate, &k.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((get("usage")?, get("quota")?))
}

#[cfg(test)]
mod tests {
    use super::Message;
    use std::collections::BTreeMap;

    const SW_JS: &str = include_str!("../../../public/sw.js");

    /// The `KEY: 'type',` lines of sw.js's `MESSAGE = Object.freeze({ … })` table.
    fn sw_table() -> BTreeMap<String, String> {
        let start = SW_JS
            .find("const MESSAGE = Object.freeze({")
            .expect("sw.js has its MESSAGE table");
        let table = &SW_JS[start..];
        let table = &table[..table.find("});").expect("the MESSAGE table ends")];
        table
            .lines()
            .skip(1)
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with("//"))
            .map(|line| {
                let (key, value) = line
                    .split_once(':')
                    .unwrap_or_else(|| panic!("not `KEY: 'type',`: {line}"));
                let value = value
                    .trim()
                    .trim_end_matches(',')
                    .trim_matches(|c| c == '\'' || c == '"');
                (key.trim().to_string(), value.to_string())
            })
            .collect()
    }

    #[test]
    fn rust_and_sw_js_list_the_same_message_types() {
        let mut js: Vec<String> = sw_table().into_values().collect();
        js.sort();
        let mut rust: Vec<String> = Message::ALL.map(|m| m.name().to_string()).into();
        rust.sort();
        assert_eq!(
            rust, js,
            "offline.rs's Message and sw.js's MESSAGE list different types"
        );
    }

    #[test]
    fn sw_js_names_each_type_after_it_and_uses_it() {
        for (key, value) in sw_table() {
            assert_eq!(
                key,
                value.to_uppercase().replace('-', "_"),
                "sw.js: MESSAGE.{key} is '{value}'"
            );
            assert!(
                SW_JS.contains(&format!("MESSAGE.{key}")),
                "sw.js never uses MESSAGE.{key}"
            );
            assert_eq!(
                SW_JS.matches(&format!("'{value}'")).count(),
                1,
                "sw.js spells '{value}' out again: use MESSAGE.{key}"
            );
        }
    }

    #[test]
    fn every_type_reads_back() {
        for m in Message::ALL {
            assert_eq!(Message::from_name(m.name()), Some(m));
        }
        assert_eq!(Message::from_name("no-such-message"), None);
    }
}
