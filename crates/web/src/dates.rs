//! Showing ISO 8601 dates in the interface language (crate::locale).
//!
//! In the browser `Intl.DateTimeFormat` writes them, in the reader's time zone
//! and their regional variant of the language (en-GB, fr-CA) if they have one.
//! Formatting never throws: a locale that `Intl` rejects falls back to the
//! browser's default locale, and if that fails too, the date is shown as
//! written. Natively (pre-rendered pages) `broadsheet_core::i18n::long_date`
//! writes them as `Intl` does, in UTC.

use broadsheet_core::i18n::Locale;

#[cfg(not(target_arch = "wasm32"))]
pub fn format(locale: Locale, iso: &str) -> String {
    broadsheet_core::i18n::long_date(locale, iso)
}

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat(locales, options)`, with its `RangeError` caught.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = DateTimeFormat)]
    fn date_time_format(locales: &JsValue, options: &JsValue) -> Result<JsValue, JsValue>;
}

/// "March 1, 2011" (or its equivalent in `locale`). Calendar dates are shown
/// as written, whatever the reader's time zone; date-times also show the time.
#[cfg(target_arch = "wasm32")]
pub fn format(locale: Locale, iso: &str) -> String {
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
    // The reader's own variant of the interface language (en-GB: "1 March 2011").
    let navigator = leptos::prelude::window().navigator();
    let tag = navigator
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .find(|l| Locale::from_tag(l) == Some(locale))
        .unwrap_or_else(|| locale.code().to_string());
    let interface = JsValue::from(js_sys::Array::of1(&JsValue::from_str(&tag)));
    [interface, JsValue::UNDEFINED]
        .into_iter()
        .find_map(|locales| format_with(&locales, &options, &date))
        .unwrap_or_else(|| iso.to_string())
}

#[cfg(target_arch = "wasm32")]
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
