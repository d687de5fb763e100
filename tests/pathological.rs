//! Pathological Markdown renders — or is shortened where a limit applies — and
//! the page built from it keeps `broadsheet::invariants`. How long each takes is
//! measured by `benches/pathological.rs`, not here.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/pathological.rs"]
mod pathological;

use broadsheet::{article, invariants, page};

#[test]
fn every_pathological_input_renders_within_the_limits() {
    for (name, markdown) in pathological::inputs() {
        let doc = serde_json::json!({
            "version": "1.0",
            "headline": name,
            "body": [{"type": "text", "markdown": markdown}, {"type": "text", "markdown": "The end."}],
        });
        let parsed = article::from_value(&doc).unwrap_or_else(|e| panic!("{name}: {e}"));
        let page = page::build(&parsed.article);
        assert_eq!(
            invariants::page_problems(&page),
            Vec::<String>::new(),
            "{name}"
        );
        assert!(
            page.body.len() >= 2,
            "{name}: the text after it is still there"
        );
    }
}
