//! Article bytes → model → page: never panics, and every page keeps the
//! invariants (safe URLs, bounded depth and tables).
#![no_main]

use broadsheet_core::{article, invariants, page};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(parsed) = article::parse_bytes(data) {
        let page = page::build(&parsed.article);
        let problems = invariants::page_problems(&page);
        assert!(problems.is_empty(), "{problems:#?}");
    }
});
