//! Reader settings in the browser: loaded once at start-up, applied to the root
//! element, saved on change. The model is `broadsheet_core::settings`.

use crate::storage;
use broadsheet_core::settings::{STORAGE_KEY, Settings};
use leptos::prelude::*;

/// The settings signal, shared through context.
#[derive(Clone, Copy)]
pub struct ReaderSettings(pub RwSignal<Settings>);

/// Loads the stored settings, applies them before anything renders, and keeps
/// storage and the root element in step with later changes.
pub fn provide() -> ReaderSettings {
    let initial = storage::get(STORAGE_KEY)
        .and_then(|s| crate::json::parse::<Settings>(&s))
        .unwrap_or_default();
    apply(&initial);
    let signal = RwSignal::new(initial);
    Effect::new(move |previous: Option<Settings>| {
        let now = signal.get();
        if previous.is_some_and(|p| p != now) {
            apply(&now);
            storage::set(STORAGE_KEY, &crate::json::stringify(&now));
        }
        now
    });
    let settings = ReaderSettings(signal);
    provide_context(settings);
    settings
}

pub fn use_settings() -> ReaderSettings {
    use_context::<ReaderSettings>().expect("reader_settings::provide runs in App")
}

fn apply(settings: &Settings) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    if let Some(root) = document().document_element() {
        for (name, value) in settings.attributes() {
            let _ = root.set_attribute(name, &value);
        }
    }
}
