//! Telling the page that embeds the viewer what happens: DOM events on a
//! `<broadsheet-article>` element, or messages to the parent of an iframe
//! (`/embed?src=…`). A leaf: it knows the events, not who raises them.
//!
//! Iframe messages go to the parent window only, and only to its origin: the `origin`
//! query parameter when given, otherwise the origin of `document.referrer`. With
//! neither (or when not framed) nothing is sent. Every message is
//! `{ source: "broadsheet", type, detail }`; element events are bubbling, composed
//! `CustomEvent`s with the same `type` and `detail`. `docs/embedding.md` lists them.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Something the host page is told.
#[derive(Clone, Debug, PartialEq)]
pub enum HostEvent {
    /// `broadsheet-load {id, headline}`: the article is shown.
    Load {
        id: Option<String>,
        headline: String,
    },
    /// `broadsheet-error {message}`: it could not be shown.
    Error { message: String },
    /// `broadsheet-progress {percent}`: how far the reader has read.
    Progress { percent: u8 },
    /// `broadsheet-comment {}`: "Leave a comment" with no comments URL of its own.
    Comment,
    /// `broadsheet-listen {listening}`: reading aloud ("Listen") started (`true`)
    /// or stopped (`false`: stopped, finished, or the reader left).
    Listen { listening: bool },
    /// `broadsheet-resize {height}`: the iframe's content height, in CSS pixels.
    Resize { height: f64 },
}

impl HostEvent {
    /// The event's `type`.
    pub fn name(&self) -> &'static str {
        match self {
            HostEvent::Load { .. } => "broadsheet-load",
            HostEvent::Error { .. } => "broadsheet-error",
            HostEvent::Progress { .. } => "broadsheet-progress",
            HostEvent::Comment => "broadsheet-comment",
            HostEvent::Listen { .. } => "broadsheet-listen",
            HostEvent::Resize { .. } => "broadsheet-resize",
        }
    }

    /// The event's `detail` object.
    fn detail(&self) -> js_sys::Object {
        let fields: Vec<(&str, JsValue)> = match self {
            HostEvent::Load { id, headline } => vec![
                ("id", id.as_deref().map_or(JsValue::NULL, JsValue::from)),
                ("headline", headline.as_str().into()),
            ],
            HostEvent::Error { message } => vec![("message", message.as_str().into())],
            HostEvent::Progress { percent } => vec![("percent", (*percent).into())],
            HostEvent::Comment => vec![],
            HostEvent::Listen { listening } => vec![("listening", (*listening).into())],
            HostEvent::Resize { height } => vec![("height", (*height).into())],
        };
        let detail = js_sys::Object::new();
        for (key, value) in fields {
            let _ = js_sys::Reflect::set(&detail, &key.into(), &value);
        }
        detail
    }
}

/// The page embedding the viewer.
#[derive(Clone, Debug)]
pub enum Host {
    /// A `<broadsheet-article>` element: events are dispatched on it.
    Element(web_sys::HtmlElement),
    /// The parent window of the `/embed` iframe, at this origin.
    Parent { origin: String },
}

impl Host {
    /// The iframe's parent, if this page is framed and its origin is known
    /// (`param`: the `origin` query parameter).
    pub fn parent(param: Option<String>) -> Option<Host> {
        let window = window();
        let parent = window.parent().ok().flatten()?;
        if parent == window {
            return None;
        }
        let candidate = param
            .or_else(|| document().referrer().into())
            .filter(|s| !s.is_empty())?;
        let url = web_sys::Url::new(&candidate).ok()?;
        matches!(url.protocol().as_str(), "http:" | "https:").then(|| Host::Parent {
            origin: url.origin(),
        })
    }

    pub fn send(&self, event: &HostEvent) {
        match self {
            Host::Element(element) => {
                let init = web_sys::CustomEventInit::new();
                init.set_bubbles(true);
                init.set_composed(true);
                init.set_detail(&event.detail());
                if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict(event.name(), &init) {
                    let _ = element.dispatch_event(&e);
                }
            }
            Host::Parent { origin } => {
                let Some(parent) = window().parent().ok().flatten() else {
                    return;
                };
                let message = js_sys::Object::new();
                let set = |key: &str, value: &JsValue| {
                    let _ = js_sys::Reflect::set(&message, &key.into(), value);
                };
                set("source", &"broadsheet".into());
                set("type", &event.name().into());
                set("detail", &event.detail());
                let _ = parent.post_message(&message, origin);
            }
        }
    }
}
