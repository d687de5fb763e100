//! Pathological Markdown: cmark's "pathological" inputs (cmark/test/pathological_tests.py)
//! and a few of our own, at the sizes cmark uses. Shared by the property of
//! `tests/pathological.rs` (each renders, within the limits) and the timing of
//! `benches/pathological.rs` (each in well under a second).

const N: usize = 30_000;

pub fn inputs() -> Vec<(&'static str, String)> {
    let r = |s: &str, n: usize| s.repeat(n);
    vec![
        (
            "nested strong emph",
            format!("{}b{}", r("*a **a ", N / 4), r(" a** a*", N / 4)),
        ),
        ("many emph closers with no openers", r("a_ ", N)),
        ("many emph openers with no closers", r("_a ", N)),
        ("many link closers with no openers", r("a]", N)),
        ("many link openers with no closers", r("[a", N)),
        ("mismatched openers and closers", r("*a_ ", N)),
        (
            "openers and closers multiple of 3",
            format!("a**b{}", r("c* ", N)),
        ),
        ("link openers and emph closers", r("[ a_", N)),
        ("pattern [ (]( repeated", r("[ (](", N)),
        ("nested brackets", format!("{}a{}", r("[", N), r("]", N))),
        ("nested block quotes", format!("{}a", r("> ", N))),
        (
            "deeply nested lists",
            (0..1_000).map(|i| format!("{}* a\n", r("  ", i))).collect(),
        ),
        ("U+0000 in input", r("abc\u{0}de\u{0}", N)),
        (
            "backticks",
            (1..=1_000).map(|i| format!("e{}", r("`", i))).collect(),
        ),
        ("unclosed links A", r("[a](<b", N)),
        ("unclosed links B", r("[a](b", N)),
        (
            "many references",
            (0..N)
                .map(|i| format!("[{i}]: u\n"))
                .chain(["[0]".into()])
                .collect(),
        ),
        ("unclosed brackets", r("[", 100_000)),
        ("unclosed inline links", r("[a](", N)),
        (
            "nested ordered lists",
            (0..1_000)
                .map(|i| format!("{}1. a\n", r("   ", i)))
                .collect(),
        ),
        (
            "huge table",
            format!("| a | b |\n|---|---|\n{}", r("| 1 | 2 |\n", 50_000)),
        ),
        (
            "wide table",
            format!(
                "{}|\n{}|\n{}|\n",
                r("| h ", 6_000),
                r("|---", 6_000),
                r("| c ", 6_000)
            ),
        ),
        (
            "many footnotes",
            (0..N / 3)
                .map(|i| format!("x[^{i}]\n\n[^{i}]: note\n\n"))
                .collect(),
        ),
        ("raw html", r("<div><span onclick=x>", N / 4)),
        ("entities", r("&#106;&colon;&amp;&lt;", N)),
    ]
}

/// An article of one pathological input, then "The end." (to show the text
/// after it survives), as JSON text.
pub fn article(name: &str, markdown: &str) -> String {
    serde_json::json!({
        "version": "1.0",
        "headline": name,
        "body": [{"type": "text", "markdown": markdown}, {"type": "text", "markdown": "The end."}],
    })
    .to_string()
}
