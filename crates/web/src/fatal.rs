//! The last resort. No input should make Broadsheet panic — parsing and rendering
//! return errors — but if a bug does, the reader gets "Something went wrong" and
//! a way to reload, rather than a page that silently stopped working.
//!
//! A panic in wasm ends the instance, so the message is built here with plain
//! DOM calls and no reactivity: in the panic hook (`panic = "abort"`: debug
//! builds, and release builds on stable), or, in the release build of
//! scripts/build (`panic = "immediate-abort"`), where a panic traps at once with
//! no hook and no message, when the trap reaches the window, as below.
//!
//! A JavaScript exception thrown through the wasm (a browser API that throws
//! where no one expected it) is as bad: it unwinds Rust frames without running
//! them to the end, so the app can no longer be trusted to update. It reaches
//! the window as an `error` or `unhandledrejection` event; when its stack shows
//! that it passed through Broadsheet's wasm or glue code, the same message is
//! shown, and the error is logged as Broadsheet's ("Broadsheet stopped: …")
//! instead of as the page's uncaught error. A host page's own errors never pass
//! through it and are left alone.

use crate::names;
use leptos::prelude::{document, window};
use wasm_bindgen::prelude::*;

/// Installs the panic hook (once; later calls do nothing).
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        #[cfg(not(panic = "immediate-abort"))]
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            show();
        }));
        for (event, field) in [("error", "error"), ("unhandledrejection", "reason")] {
            let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                let thrown = js_sys::Reflect::get(&e, &field.into()).unwrap_or_default();
                if came_through_wasm(&thrown) {
                    // Handled here: reported once, as ours, rather than as an
                    // uncaught error of the page.
                    e.prevent_default();
                    web_sys::console::error_2(&"Broadsheet stopped:".into(), &thrown);
                    show();
                }
            });
            let _ =
                window().add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
            // Lives as long as the page.
            listener.forget();
        }
    });
}

/// Whether `thrown`'s stack passes through a wasm frame (`wasm://…` in
/// Chromium, `…wasm-function[…]` in Firefox and WebKit) or the wasm-bindgen glue
/// module (`broadsheet-<hash>.js`).
fn came_through_wasm(thrown: &JsValue) -> bool {
    js_sys::Reflect::get(thrown, &"stack".into())
        .ok()
        .and_then(|s| s.as_string())
        .is_some_and(|stack| stack.contains("wasm") || stack.contains("/broadsheet-"))
}

static STOPPED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the message has been shown: the app must not be trusted to start
/// anything new (a `<broadsheet-article>` added later shows the message too).
pub fn stopped() -> bool {
    STOPPED.load(std::sync::atomic::Ordering::Relaxed)
}

/// `f`, made to do nothing once the app has stopped, for callbacks that the
/// browser keeps calling afterwards (scroll, resize, observers): in a stopped
/// app they would only throw again and flood the page's error reports.
pub fn unless_stopped(mut f: impl FnMut() + Clone) -> impl FnMut() + Clone {
    move || {
        if !stopped() {
            f();
        }
    }
}

/// Replaces the viewer with the message: the whole page, or in embeds on
/// another site, each `<broadsheet-article>`'s content.
pub fn show() {
    STOPPED.store(true, std::sync::atomic::Ordering::Relaxed);
    let doc = document();
    if let Ok(elements) = doc.query_selector_all(names::ELEMENT) {
        for i in 0..elements.length() {
            let container = elements
                .item(i)
                .and_then(|e| e.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.shadow_root())
                .and_then(|root| {
                    root.query_selector(&names::class(names::EMBED_ROOT))
                        .ok()
                        .flatten()
                });
            if let Some(container) = container {
                render_into(&container);
            }
        }
    }
    if !names::embedded_on_another_site()
        && let Some(body) = doc.body()
        && let Ok(main) = doc.create_element("main")
    {
        main.set_class_name("site-main");
        render_into(&main);
        body.set_text_content(None);
        let _ = body.append_child(&main);
        names::clear_elsewhere();
    }
}

/// Puts the message into `container`, replacing what it held.
pub fn render_into(container: &web_sys::Element) {
    let doc = document();
    let element = |tag: &str, class: &str, text: &str| {
        let e = doc.create_element(tag).ok()?;
        e.set_class_name(class);
        e.set_text_content(Some(text));
        Some(e)
    };
    let build = || -> Option<web_sys::Element> {
        let locale = crate::locale::current();
        let t = locale.text();
        let panel = element("div", "error-panel", "")?;
        panel.set_attribute("role", "alert").ok()?;
        panel.set_attribute("lang", locale.code()).ok()?;
        panel
            .set_attribute("dir", locale.direction().as_str())
            .ok()?;
        let title = element("h1", "error-title", t.crash_title)?;
        let message = element("p", "error-message", t.crash_message)?;
        panel.append_child(&title).ok()?;
        panel.append_child(&message).ok()?;
        let actions = element("p", "error-actions", "")?;
        // A link, not a script: it works even though the app has stopped. The
        // address without its #fragment, so following it really reloads.
        let reload = element("a", "button", t.reload)?;
        let location = window().location();
        let here = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        reload.set_attribute("href", &here).ok()?;
        // Past the router, whose click handler lives in the stopped app.
        reload.set_attribute("rel", "external").ok()?;
        actions.append_child(&reload).ok()?;
        panel.append_child(&actions).ok()?;
        Some(panel)
    };
    if let Some(panel) = build() {
        container.set_text_content(None);
        let _ = container.append_child(&panel);
    }
}

/// Panics on purpose, so the end-to-end tests can check the message above in
/// the real release build (`e2e/tests/faults.spec.js`). In a task, as a real
/// panic would come (an event, a timer, a promise): a trap thrown back to
/// the test's own call would reach only the test.
#[wasm_bindgen(js_name = "__broadsheetPanicForTests")]
pub fn panic_for_tests() {
    wasm_bindgen_futures::spawn_local(async {
        panic!("deliberate panic for the end-to-end test of the panic message");
    });
}
