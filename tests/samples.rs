//! The bundled sample articles and the library index that lists them.
#![cfg(not(target_arch = "wasm32"))]

use broadsheet::{article, library, page};
use std::fs;
use std::path::Path;

const ARTICLES: &str = "public/articles";

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
    let shared = Path::new("../shared/fixtures/iran-diplomat-defects-2011.json");
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
            parsed.article.id.as_deref(),
            Some(name.trim_end_matches(".json")),
            "{name}: id should match the file name"
        );
    }
}

/// What `articles/index.json` must say, computed from the articles themselves.
fn expected_index() -> library::Index {
    let mut articles: Vec<library::Entry> = samples()
        .into_iter()
        .map(|(name, text)| {
            let a = article::parse(&text).unwrap().article;
            let minutes = page::build(&a).reading.minutes();
            library::Entry {
                src: name,
                id: a.id,
                headline: a.headline,
                dek: a.dek,
                published: a.published,
                language: a.language,
                minutes,
            }
        })
        .collect();
    // Newest first, the canonical sample among them by date.
    articles.sort_by(|a, b| b.published.cmp(&a.published).then(a.src.cmp(&b.src)));
    library::Index { articles }
}

/// Fails when the index is out of date. `BLESS=1 cargo test --test samples` rewrites it.
#[test]
fn library_index_matches_the_articles() {
    let path = Path::new(ARTICLES).join("index.json");
    let expected = expected_index();
    if std::env::var_os("BLESS").is_some() {
        let text = serde_json::to_string_pretty(&expected).unwrap() + "\n";
        fs::write(&path, text).unwrap();
    }
    let actual =
        library::parse(&fs::read_to_string(&path).expect("public/articles/index.json")).unwrap();
    assert_eq!(
        actual, expected,
        "public/articles/index.json is stale: run `BLESS=1 cargo test --test samples`"
    );
}
