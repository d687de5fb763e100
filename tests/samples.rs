//! The bundled sample articles and the library index that lists them.
#![cfg(not(target_arch = "wasm32"))]

use broadsheet_core::{article, library};
use std::fs;
use std::path::Path;

/// Paths from the repository root (tests run in `crates/core`).
const ARTICLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/articles");

fn samples() -> Vec<(String, String)> {
    let mut files: Vec<_> = fs::read_dir(ARTICLES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.ends_with("index.json"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn the_canonical_sample_is_byte_identical_to_the_shared_fixture() {
    let shared = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/fixtures/iran-diplomat-defects-2011.json"
    ));
    if !shared.exists() {
        eprintln!("../shared is not beside this checkout; skipping the comparison");
        return;
    }
    assert_eq!(
        fs::read(shared).unwrap(),
        fs::read(Path::new(ARTICLES).join("iran-diplomat-defects-2011.json")).unwrap(),
        "public/articles/iran-diplomat-defects-2011.json must stay byte-identical to the shared fixture"
    );
}

#[test]
fn every_sample_parses_without_warnings() {
    let all = samples();
    assert!(
        all.len() >= 4,
        "expected the bundled samples, found {}",
        all.len()
    );
    for (name, text) in all {
        let parsed = article::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(parsed.warnings.is_empty(), "{name}: {:?}", parsed.warnings);
        assert_eq!(
            parsed.article.meta.id.as_deref(),
            Some(name.trim_end_matches(".json")),
            "{name}: id should match the file name"
        );
    }
}

/// What `articles/index.json` must say, computed from the articles themselves.
fn expected_index() -> library::Index {
    library::index(
        samples()
            .into_iter()
            .map(|(name, text)| {
                let a = article::parse(&text).unwrap().article;
                library::entry(name, &a)
            })
            .collect(),
    )
}

/// Fails when the index is out of date: `broadsheet index public/articles`
/// (the command line, `crates/cli`) rewrites it.
#[test]
fn library_index_matches_the_articles() {
    let path = Path::new(ARTICLES).join("index.json");
    let expected = expected_index();
    let actual =
        library::parse(&fs::read_to_string(&path).expect("public/articles/index.json")).unwrap();
    assert_eq!(
        actual, expected,
        "public/articles/index.json is stale: run `cargo run -p broadsheet-cli -- index public/articles`"
    );
}
