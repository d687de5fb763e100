//! Showing ISO 8601 dates in the reader's own locale.

use wasm_bindgen::JsValue;

/// "1 March 2011" (or the reader's locale's equivalent). Calendar dates are shown
/// as written, whatever the reader's time zone; date-times also show the time.
pub fn format(iso: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    let options = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    };
    set("dateStyle", "long");
    if iso.len() == 10 {
        set("timeZone", "UTC");
    } else {
        set("timeStyle", "short");
    }
    let locales = js_sys::Array::new();
    if let Some(lang) = leptos::prelude::window().navigator().language() {
        locales.push(&JsValue::from_str(&lang));
    }
    js_sys::Intl::DateTimeFormat::new(&locales, &options)
        .format()
        .call1(&JsValue::UNDEFINED, &date)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| iso.to_string())
}
