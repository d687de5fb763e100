//! The only module that touches localStorage.
//!
//! Storage can be switched off, full, or throw on every call; reading must go on
//! regardless. Every failure is swallowed here, and the first one is reported once
//! through [`problem`] so the app can tell the reader that positions and settings
//! won't be kept.

use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    static PROBLEM: RefCell<Option<ArcRwSignal<bool>>> = const { RefCell::new(None) };
}

/// Whether storage has failed: the reader then says that nothing will be kept
/// (`Text::storage_unavailable`).
pub fn problem() -> ArcRwSignal<bool> {
    PROBLEM.with(|p| {
        p.borrow_mut()
            .get_or_insert_with(|| ArcRwSignal::new(false))
            .clone()
    })
}

fn report(what: &str) {
    let signal = problem();
    if !signal.get_untracked() {
        web_sys::console::warn_1(&format!("Broadsheet: storage unavailable ({what})").into());
        signal.set(true);
    }
}

fn local() -> Option<web_sys::Storage> {
    // Pre-rendering: nothing stored, and nothing wrong.
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    match window().local_storage() {
        Ok(Some(s)) => Some(s),
        _ => {
            report("no localStorage");
            None
        }
    }
}

/// The stored value, or `None` when absent or unreadable.
pub fn get(key: &str) -> Option<String> {
    match local()?.get_item(key) {
        Ok(v) => v,
        Err(_) => {
            report("read failed");
            None
        }
    }
}

/// Stores a value; `false` (and a one-time notice) when storage refuses.
pub fn set(key: &str, value: &str) -> bool {
    let ok = local().is_some_and(|s| s.set_item(key, value).is_ok());
    if !ok {
        report("write failed");
    }
    ok
}
