//! The last resort. No input should make Broadsheet panic — parsing and rendering
//! return errors — but if a bug does, the reader gets "Something went wrong" and
//! a way to reload, rather than a page that silently stopped working.
//!
//! A panic in wasm ends the instance (`panic = "abort"`), so the message is
//! built here, in the panic hook, with plain DOM calls and no reactivity.

use leptos::prelude::{document, window};
use wasm_bindgen::prelude::*;

/// Installs the panic hook (once; later calls do nothing).
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            show();
        }));
    });
}

/// Replaces the viewer with the message: the whole page, or in embeds on
/// another site, each `<broadsheet-article>`'s content.
pub fn show() {
    let doc = document();
    if let Ok(elements) = doc.query_selector_all("broadsheet-article") {
        for i in 0..elements.length() {
            let container = elements
                .item(i)
                .and_then(|e| e.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.shadow_root())
                .and_then(|root| root.query_selector(".bs-embed").ok().flatten());
            if let Some(container) = container {
                render_into(&container);
            }
        }
    }
    let embedded =
        js_sys::Reflect::get(&window(), &"__broadsheetEmbed".into()).is_ok_and(|v| v.is_truthy());
    if !embedded && let Some(body) = doc.body() {
        if let Ok(main) = doc.create_element("main") {
            main.set_class_name("site-main");
            render_into(&main);
            body.set_text_content(None);
            let _ = body.append_child(&main);
        }
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
        let panel = element("div", "error-panel", "")?;
        panel.set_attribute("role", "alert").ok()?;
        let title = element("h1", "error-title", "Something went wrong")?;
        let message = element(
            "p",
            "error-message",
            "Broadsheet stopped because of an error in the viewer itself, not in the article. Reloading the page usually fixes it.",
        )?;
        panel.append_child(&title).ok()?;
        panel.append_child(&message).ok()?;
        let actions = element("p", "error-actions", "")?;
        // A link, not a script: it works even though the app has stopped. The
        // address without its #fragment, so following it really reloads.
        let reload = element("a", "button", "Reload")?;
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
/// the real release build (`e2e/tests/faults.spec.js`).
#[wasm_bindgen(js_name = "__broadsheetPanicForTests")]
pub fn panic_for_tests() {
    panic!("deliberate panic for the end-to-end test of the panic message");
}
