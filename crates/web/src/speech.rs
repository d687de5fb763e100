//! The Web Speech API's `speechSynthesis`, the only module that touches it.
//!
//! Everything goes through `js_sys::Reflect` and `Function::call`, so that every
//! call that can throw (a missing API, a browser refusing, a page's own stub)
//! comes back as an `Err` with a message instead of unwinding through the app.
//! Nothing here knows what is read: see `broadsheet_core::listen` and
//! `components::listen`.

use broadsheet_core::listen::VoiceInfo;
use js_sys::{Function, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// `window.speechSynthesis`.
#[derive(Clone)]
pub struct Speech {
    synth: JsValue,
}

/// A voice of the browser's, with what the core needs to choose one.
#[derive(Clone)]
pub struct Voice {
    pub js: JsValue,
    pub info: VoiceInfo,
}

/// An utterance being spoken, with its handlers (kept alive with it).
pub struct Spoken {
    _utterance: JsValue,
    _on_end: Closure<dyn FnMut()>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

/// A listener for `voiceschanged`, removed when dropped.
pub struct VoicesListener {
    target: JsValue,
    callback: Closure<dyn FnMut()>,
}

fn get(target: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    Reflect::get(target, &key.into())
}

/// Calls the method `name` of `target` with `args`.
fn call(target: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = get(target, name)?
        .dyn_into()
        .map_err(|_| JsValue::from_str(&format!("{name} is not a function")))?;
    let array = js_sys::Array::new();
    for a in args {
        array.push(a);
    }
    f.apply(target, &array)
}

impl Speech {
    /// The browser's speech synthesis, if it has one.
    pub fn get() -> Option<Speech> {
        let window = web_sys::window()?;
        let synth = get(&window, "speechSynthesis").ok()?;
        if synth.is_undefined() || synth.is_null() {
            return None;
        }
        let utterance = get(&window, "SpeechSynthesisUtterance").ok()?;
        utterance.is_function().then_some(Speech { synth })
    }

    /// The voices known now (they may arrive later: see [`Speech::on_voices_changed`]).
    pub fn voices(&self) -> Vec<Voice> {
        let Ok(list) = call(&self.synth, "getVoices", &[]) else {
            return Vec::new();
        };
        if !js_sys::Array::is_array(&list) {
            return Vec::new();
        }
        js_sys::Array::from(&list)
            .iter()
            .map(|js| {
                let text = |k| {
                    get(&js, k)
                        .ok()
                        .and_then(|v| v.as_string())
                        .unwrap_or_default()
                };
                let flag = |k| get(&js, k).is_ok_and(|v| v.is_truthy());
                let info = VoiceInfo {
                    lang: text("lang"),
                    default: flag("default"),
                    local: flag("localService"),
                };
                Voice { js, info }
            })
            .collect()
    }

    /// Runs `f` whenever the list of voices changes, until the listener is dropped.
    pub fn on_voices_changed(&self, f: impl FnMut() + 'static) -> Option<VoicesListener> {
        let callback = Closure::<dyn FnMut()>::new(f);
        call(
            &self.synth,
            "addEventListener",
            &[&"voiceschanged".into(), callback.as_ref()],
        )
        .ok()?;
        Some(VoicesListener {
            target: self.synth.clone(),
            callback,
        })
    }

    /// Queues `text` in `lang` with `voice` at `rate`; `on_end` runs when it has
    /// been spoken, `on_error(error)` if it failed or was cut short (`error` is
    /// the event's `error`, such as `"interrupted"`).
    pub fn speak(
        &self,
        text: &str,
        lang: Option<&str>,
        voice: Option<&JsValue>,
        rate: f64,
        on_end: impl FnMut() + 'static,
        mut on_error: impl FnMut(String) + 'static,
    ) -> Result<Spoken, String> {
        let run = || -> Result<Spoken, JsValue> {
            let class: Function = get(&web_sys::window().into(), "SpeechSynthesisUtterance")?
                .dyn_into()
                .map_err(|_| JsValue::from_str("no SpeechSynthesisUtterance"))?;
            let args = js_sys::Array::of1(&text.into());
            let utterance: JsValue = Reflect::construct(&class, &args)?;
            let set = |k: &str, v: &JsValue| Reflect::set(&utterance, &k.into(), v).map(|_| ());
            if let Some(lang) = lang {
                set("lang", &lang.into())?;
            }
            if let Some(voice) = voice {
                set("voice", voice)?;
            }
            set("rate", &rate.into())?;
            let on_end = Closure::<dyn FnMut()>::new(on_end);
            let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
                let error = get(&event, "error")
                    .ok()
                    .and_then(|e| e.as_string())
                    .unwrap_or_default();
                on_error(error);
            });
            set("onend", on_end.as_ref())?;
            set("onerror", on_error.as_ref())?;
            call(&self.synth, "speak", &[&utterance])?;
            Ok(Spoken {
                _utterance: utterance,
                _on_end: on_end,
                _on_error: on_error,
            })
        };
        run().map_err(describe)
    }

    /// Stops and forgets everything queued.
    pub fn cancel(&self) -> Result<(), String> {
        call(&self.synth, "cancel", &[])
            .map(|_| ())
            .map_err(describe)
    }

    pub fn pause(&self) -> Result<(), String> {
        call(&self.synth, "pause", &[])
            .map(|_| ())
            .map_err(describe)
    }

    pub fn resume(&self) -> Result<(), String> {
        call(&self.synth, "resume", &[])
            .map(|_| ())
            .map_err(describe)
    }
}

impl Drop for VoicesListener {
    fn drop(&mut self) {
        let _ = call(
            &self.target,
            "removeEventListener",
            &[&"voiceschanged".into(), self.callback.as_ref()],
        );
    }
}

/// A thrown value as text, for the console.
fn describe(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Who speaks, and how to stop them.
type Speaker = Option<(u64, Rc<dyn Fn()>)>;

thread_local! {
    /// The one reader that speaks: the page has one `speechSynthesis`, and two
    /// articles (two `<broadsheet-article>` elements) must not talk at once.
    static SPEAKER: RefCell<Speaker> = const { RefCell::new(None) };
    static NEXT_ID: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// A fresh id for [`claim`].
pub fn new_id() -> u64 {
    NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

/// Makes `id` the one that speaks: whoever spoke before is stopped (`stop` is
/// how to stop this one when another claims the voice).
pub fn claim(id: u64, stop: Rc<dyn Fn()>) {
    let previous = SPEAKER.with(|s| s.borrow_mut().replace((id, stop)));
    if let Some((other, stop_other)) = previous
        && other != id
    {
        stop_other();
    }
}

/// `id` has stopped speaking.
pub fn release(id: u64) {
    SPEAKER.with(|s| {
        let mut s = s.borrow_mut();
        if s.as_ref().is_some_and(|(i, _)| *i == id) {
            *s = None;
        }
    });
}
