//! Showing ISO 8601 dates in the reader's own locale.
//!
//! Formatting never throws: a locale that `Intl` rejects (WebKitGTK reports `C`
//! under a POSIX locale) falls back to the browser's default locale, and if
//! that fails too, the date is shown as written.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat(locales, options)`, with its `RangeError` caught.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = DateTimeFormat)]
    fn date_time_format(locales: &JsValue, options: &JsValue) -> Result<JsValue, JsValue>;
}

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
    let reader = leptos::prelude::window()
        .navigator()
        .language()
        .map(|lang| JsValue::from(js_sys::Array::of1(&JsValue::from_str(&lang))));
    reader
        .into_iter()
        .chain([JsValue::UNDEFINED])
        .find_map(|locales| format_with(&locales, &options, &date))
        .unwrap_or_else(|| iso.to_string())
}

fn format_with(locales: &JsValue, options: &JsValue, date: &js_sys::Date) -> Option<String> {
    let formatter = date_time_format(locales, options).ok()?;
    let format = js_sys::Reflect::get(&formatter, &"format".into()).ok()?;
    format
        .dyn_into::<js_sys::Function>()
        .ok()?
        .call1(&JsValue::UNDEFINED, date)
        .ok()?
        .as_string()
}
