//! Property tests of the core: arbitrary input never panics, and every page
//! built from it keeps `broadsheet_core::invariants`. A bounded cousin of the fuzzers
//! (`scripts/fuzz`), run by `cargo test` on every change: a fixed number of cases
//! per property keeps the run to a few seconds.
#![cfg(not(target_arch = "wasm32"))]

use broadsheet_core::{article, invariants, markdown, page, url_policy};
use proptest::prelude::*;
use serde_json::{Map, Value};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Markdown-ish text: the characters Markdown gives meaning to, hostile URL
/// fragments and raw HTML, in any order.
fn markdownish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "*",
        "_",
        "`",
        "[",
        "]",
        "(",
        ")",
        "!",
        "<",
        ">",
        "#",
        "|",
        "-",
        "+",
        "~",
        "^",
        "\\",
        "\n",
        "\n\n",
        "  ",
        "1. ",
        "> ",
        "- ",
        "| a | b |\n|---|---|\n",
        "[^1]",
        "[^1]: note",
        "&#106;",
        "&colon;",
        "javascript:",
        "JaVaScRiPt:",
        "java\tscript:",
        "data:text/html,",
        "vbscript:",
        "http://x/",
        "<script>",
        "<img src=x onerror=alert(1)>",
        "<!-- c -->",
        "word",
        "é",
        "ש",
        "\u{200b}",
        "\u{0}",
    ]);
    prop::collection::vec(pieces, 0..200).prop_map(|v| v.concat())
}

/// A string value for an article field: plain, hostile, or Markdown-ish.
fn field_string() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 :/.#?&=%-]{0,30}",
        prop::sample::select(vec![
            "javascript:alert(1)",
            " JAVASCRIPT:alert(1)",
            "jav&#x09;ascript:x",
            "&#0000106avascript:x",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:x",
            "\\\\evil.example/",
            "/\\evil",
            "//ok.example/",
            "https://example.org/a.jpg",
            "images/a.jpg",
            "mailto:a@b",
            "2011-03-01T09:30:00Z",
            "1.0",
            "2.0",
        ])
        .prop_map(String::from),
        markdownish(),
    ]
}

const KEYS: &[&str] = &[
    "version",
    "headline",
    "dek",
    "byline",
    "kicker",
    "section",
    "language",
    "published",
    "updated",
    "authors",
    "name",
    "url",
    "body",
    "type",
    "markdown",
    "text",
    "cite",
    "level",
    "image",
    "src",
    "alt",
    "width",
    "height",
    "srcset",
    "caption",
    "credit",
    "lead",
    "related",
    "title",
    "summary",
    "comments",
    "label",
    "corrections",
    "date",
    "tags",
    "source",
    "syndicated",
    "id",
];

/// Arbitrary JSON shaped loosely like an article: known keys, any values.
fn jsonish() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        field_string().prop_map(Value::String),
        prop::sample::select(vec!["text", "figure", "heading", "quote", "unknown"])
            .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..10).prop_map(|kv| {
                Value::Object(
                    kv.into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// A valid-looking article with arbitrary values in its string fields.
fn articleish() -> impl Strategy<Value = Value> {
    (field_string(), field_string(), prop::collection::vec((field_string(), field_string()), 0..6)).prop_map(
        |(headline, dek, pairs)| {
            let body: Vec<Value> = pairs
                .iter()
                .flat_map(|(a, b)| {
                    [
                        serde_json::json!({"type": "text", "markdown": a}),
                        serde_json::json!({"type": "figure", "image": {"src": b, "alt": a, "srcset": [{"src": b, "width": 640}]}, "caption": a, "credit": b}),
                    ]
                })
                .collect();
            serde_json::json!({
                "version": "1.0", "headline": format!("H{headline}"), "dek": dek,
                "authors": [{"name": "A", "url": dek}], "body": body,
                "related": [{"title": "R", "url": headline}], "comments": {"url": dek},
            })
        },
    )
}

fn check_article(value: &Value) {
    if let Ok(parsed) = article::from_value(value) {
        let page = page::build(&parsed.article);
        let problems = invariants::page_problems(&page);
        assert!(problems.is_empty(), "{problems:#?}\nfrom {value}");
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn markdown_never_panics_and_keeps_the_invariants(text in markdownish()) {
        let mut notes = markdown::Footnotes::default();
        let mut nodes = markdown::parse(&text, &mut notes);
        for note in notes.finish() {
            nodes.extend(note.children);
        }
        let problems = invariants::tree_problems(&nodes);
        prop_assert!(problems.is_empty(), "{:#?}", problems);
    }

    #[test]
    fn any_json_is_an_article_or_an_error(value in jsonish()) {
        check_article(&value);
    }

    #[test]
    fn hostile_strings_in_every_field_never_reach_a_live_url(value in articleish()) {
        check_article(&value);
    }

    #[test]
    fn any_bytes_are_an_article_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = article::parse_bytes(&bytes);
    }

    #[test]
    fn the_url_policy_only_lets_through_allowed_schemes(raw in field_string()) {
        if let Some(url) = url_policy::link(&raw) {
            prop_assert_eq!(invariants::link_problem(&url), None);
        }
        if let Some(url) = url_policy::image(&raw) {
            prop_assert_eq!(invariants::image_problem(&url), None);
        }
    }
}
