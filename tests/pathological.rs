//! Pathological Markdown renders — or is shortened where a limit applies — and
//! the page built from it keeps `broadsheet_core::invariants`. How long each takes is
//! measured by `benches/pathological.rs`, not here.
#![cfg(not(target_arch = "wasm32"))]

use broadsheet_core::{article, invariants, page, pathological};

#[test]
fn every_pathological_input_renders_within_the_limits() {
    for (name, markdown) in pathological::inputs() {
        let parsed = article::parse(&pathological::article(name, &markdown))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
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
