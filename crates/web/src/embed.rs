//! Talking to the page that embeds the viewer: DOM events on a
//! `<broadsheet-article>` element ([`dispatch`]), or messages to the parent of an
//! iframe (`/embed?src=…`, [`post`]).
//!
//! Iframe messages go to the parent window only, and only to its origin: the `origin`
//! query parameter when given, otherwise the origin of `document.referrer`. With
//! neither (or when not framed) nothing is sent. Every message is
//! `{ source: "broadsheet", type, detail }`.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The parent's origin, if this page is framed and it is known.
pub fn parent_origin(param: Option<String>) -> Option<String> {
    let window = window();
    let parent = window.parent().ok().flatten()?;
    if parent == window {
        return None;
    }
    let candidate = param
        .or_else(|| document().referrer().into())
        .filter(|s| !s.is_empty())?;
    let url = web_sys::Url::new(&candidate).ok()?;
    matches!(url.protocol().as_str(), "http:" | "https:").then(|| url.origin())
}

/// Posts `{source: "broadsheet", type: kind, detail}` to the parent at `origin`.
pub fn post(origin: &str, kind: &str, detail: &[(&str, JsValue)]) {
    let Some(parent) = window().parent().ok().flatten() else {
        return;
    };
    let d = detail_object(detail);
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"source".into(), &"broadsheet".into());
    let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
    let _ = js_sys::Reflect::set(&message, &"detail".into(), &d);
    let _ = parent.post_message(&message, origin);
}

fn detail_object(detail: &[(&str, JsValue)]) -> js_sys::Object {
    let d = js_sys::Object::new();
    for (k, v) in detail {
        let _ = js_sys::Reflect::set(&d, &(*k).into(), v);
    }
    d
}

/// Dispatches a bubbling, composed `CustomEvent` with `detail` on the element.
pub fn dispatch(host: &web_sys::HtmlElement, kind: &str, detail: &[(&str, JsValue)]) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail_object(detail));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(kind, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// The event a load outcome is announced with, and its detail: `broadsheet-load`
/// `{id, headline}` or `broadsheet-error` `{message}`; nothing while loading.
pub fn outcome(
    state: &crate::routes::read::State,
) -> Option<(&'static str, Vec<(&'static str, JsValue)>)> {
    use crate::routes::read::State;
    match state {
        State::Ready(l) => Some((
            "broadsheet-load",
            vec![
                (
                    "id",
                    l.article
                        .id
                        .clone()
                        .map(JsValue::from)
                        .unwrap_or(JsValue::NULL),
                ),
                ("headline", l.article.headline.as_str().into()),
            ],
        )),
        State::Failed(e) => Some((
            "broadsheet-error",
            vec![("message", format!("{} {}", e.title(), e.message()).into())],
        )),
        State::Loading => None,
    }
}
