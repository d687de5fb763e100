//! Showing ISO 8601 dates in the reader's own locale.
//!
//! Formatting never throws: a locale that `Intl` rejects (WebKitGTK reports `C`
//! under a POSIX locale) falls back to the browser's default locale, and if
//! that fails too, the date is shown as written.
//!
//! Natively (pre-rendered pages) there is no reader yet: dates are written the
//! way `Intl` writes them for `en-US` in UTC, which the browser then replaces
//! with the reader's locale.

#[cfg(not(target_arch = "wasm32"))]
pub fn format(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    if !broadsheet_core::article::is_iso8601(iso) {
        return iso.to_string();
    }
    let number = |range: std::ops::Range<usize>| iso.get(range)?.parse::<u32>().ok();
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return iso.to_string();
    };
    let date = format!("{} {day}, {year}", MONTHS[(month - 1) as usize]);
    // A date-time: the time as written, when it is in UTC.
    match (number(11..13), number(14..16), iso.get(16..)) {
        (Some(hour), Some(minute), Some(rest))
            if rest.trim_start_matches(|c: char| c == ':' || c.is_ascii_digit() || c == '.')
                == "Z" =>
        {
            let (h12, half) = match hour {
                0 => (12, "AM"),
                1..=11 => (hour, "AM"),
                12 => (12, "PM"),
                _ => (hour - 12, "PM"),
            };
            format!("{date} at {h12}:{minute:02}\u{202f}{half}")
        }
        _ => date,
    }
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

/// "1 March 2011" (or the reader's locale's equivalent). Calendar dates are shown
/// as written, whatever the reader's time zone; date-times also show the time.
#[cfg(target_arch = "wasm32")]
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
