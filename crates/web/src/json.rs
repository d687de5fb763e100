//! JSON the browser side stores and reads (settings, saved positions, a
//! published page's reader data), with the browser's own `JSON.parse` and
//! `JSON.stringify` and serde-wasm-bindgen between them and the Rust types:
//! the published pages' reader then carries no JSON parser of its own
//! (docs/benchmarks.md, "A lighter wasm"). Natively (pre-rendering, tests):
//! serde_json. Article files are read by `broadsheet_core::article`, which
//! reports errors with their JSON path.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// `text` as a `T`; `None` if it is not JSON, or not a `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    #[cfg(target_arch = "wasm32")]
    {
        serde_wasm_bindgen::from_value(js_sys::JSON::parse(text).ok()?).ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::from_str(text).ok()
    }
}

/// `value` as JSON text.
pub fn stringify<T: Serialize>(value: &T) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        serde_wasm_bindgen::to_value(value)
            .ok()
            .and_then(|v| js_sys::JSON::stringify(&v).ok())
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        serde_json::to_string(value).unwrap_or_default()
    }
}
