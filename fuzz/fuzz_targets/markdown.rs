//! Markdown text → block tree: never panics, and the tree keeps the invariants
//! (safe URLs, bounded depth and tables).
#![no_main]

use broadsheet_core::{invariants, markdown};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut notes = markdown::Footnotes::default();
    let mut nodes = markdown::parse(text, &mut notes);
    for note in notes.finish() {
        nodes.extend(note.children);
    }
    let problems = invariants::tree_problems(&nodes);
    assert!(problems.is_empty(), "{problems:#?}");
});
