//! The CommonMark 0.31.2 spec examples, through Broadsheet's Markdown tree and
//! rendered as HTML (`broadsheet_core::html`), against the spec's expected HTML.
//!
//! `spec.txt` comes from the npm package `commonmark-spec@0.31.2`, which
//! `scripts/setup` installs into `target/tools/`. In the spec, `→` stands for a tab.
//!
//! Every example either renders as the spec says, or differs for one of the
//! deliberate reasons below. The test fails on any other difference, and also
//! when an example listed as different has come to match (so the list stays true).
//!
//! Deliberate differences:
//! - **Heading shift.** Markdown `#` is `<h2>`, one level below the headline;
//!   the expected HTML is shifted the same way before comparing, so this never
//!   counts as a difference.
//! - **Raw HTML** (block or inline) is shown as text, escaped; comments dropped.
//! - **Refused schemes.** Links and images whose URL the policy refuses (any
//!   scheme but http, https and mailto; images also not mailto) keep their text
//!   (an image its alt text) without a target.
//! - **Empty destinations** (`[a]()`, `<>`) are refused too: a link to the page
//!   itself is never what an article meant.
//! - **Extensions.** Broadsheet also reads tables, footnotes, strikethrough,
//!   task lists, `^sup^` and `~sub~` (`markdown::OPTIONS`); where these read an
//!   example differently from plain CommonMark, the extension wins.
//! - The few examples in [`KNOWN`], each with its reason.
#![cfg(not(target_arch = "wasm32"))]

use broadsheet_core::markdown::{self, Footnotes, OPTIONS};
use broadsheet_core::{html, url_policy};
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::path::Path;

/// Examples that differ for a reason not covered by the rules above.
const KNOWN: &[(usize, &str)] = &[];

struct Example {
    number: usize,
    section: String,
    markdown: String,
    html: String,
}

fn spec() -> Vec<Example> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/tools/node_modules/commonmark-spec/spec.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}. Run scripts/setup, which installs the npm package commonmark-spec@0.31.2.",
            path.display()
        )
    });
    let fence = "`".repeat(32);
    let mut examples = Vec::new();
    let mut section = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line == "<!-- END TESTS -->" {
            break;
        }
        if let Some(title) = line.strip_prefix('#') {
            section = title.trim_start_matches('#').trim().to_string();
        }
        if line != format!("{fence} example") {
            continue;
        }
        let (mut markdown, mut html, mut in_html) = (String::new(), String::new(), false);
        for line in lines.by_ref() {
            if line == fence {
                break;
            }
            if line == "." && !in_html {
                in_html = true;
                continue;
            }
            let target = if in_html { &mut html } else { &mut markdown };
            target.push_str(&line.replace('→', "\t"));
            target.push('\n');
        }
        examples.push(Example {
            number: examples.len() + 1,
            section: section.clone(),
            markdown,
            html,
        });
    }
    examples
}

/// `<h1>` → `<h2>` … `<h5>`, `<h6>` → `<h6>`: Broadsheet's heading shift.
fn shift_headings(html: &str) -> String {
    let mut out = html.to_string();
    for level in (1..=5).rev() {
        for (from, to) in [("<h", "<h"), ("</h", "</h")] {
            out = out.replace(&format!("{from}{level}"), &format!("{to}{}", level + 1));
        }
    }
    out
}

/// Line breaks next to tags do not change what is shown; nor does `<br />` vs `<br>`.
fn normalize(html: &str) -> String {
    let html = html.replace(" />", ">");
    let mut out = String::with_capacity(html.len());
    let chars: Vec<char> = html.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next_is_tag = chars.get(i + 1) == Some(&'<');
        let after_tag = i > 0 && chars[i - 1] == '>';
        if c == '\n' && (next_is_tag || after_tag || i + 1 == chars.len()) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Why Broadsheet reads `markdown` differently from plain CommonMark, if one of
/// the general rules applies.
fn deliberate(markdown: &str) -> Option<&'static str> {
    let events = |options| Parser::new_ext(markdown, options).collect::<Vec<_>>();
    let plain = events(Options::empty());
    if plain != events(OPTIONS) {
        return Some("extension");
    }
    plain.iter().find_map(|event| match event {
        Event::Html(_) | Event::InlineHtml(_) => Some("raw HTML"),
        Event::Start(Tag::Link { dest_url, .. }) if url_policy::link(dest_url).is_none() => {
            Some(if dest_url.trim().is_empty() {
                "empty destination"
            } else {
                "refused scheme"
            })
        }
        Event::Start(Tag::Image { dest_url, .. }) if url_policy::image(dest_url).is_none() => {
            Some(if dest_url.trim().is_empty() {
                "empty destination"
            } else {
                "refused scheme"
            })
        }
        _ => None,
    })
}

#[test]
fn the_spec_examples_render_as_the_spec_says_or_differ_on_purpose() {
    let examples = spec();
    assert_eq!(examples.len(), 652, "CommonMark 0.31.2 has 652 examples");
    let mut unexpected = Vec::new();
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for ex in &examples {
        let ours = html::render(&markdown::parse(&ex.markdown, &mut Footnotes::default()));
        let matches = normalize(&ours) == normalize(&shift_headings(&ex.html));
        let known = KNOWN.iter().find(|(n, _)| *n == ex.number).map(|(_, r)| *r);
        let reason = deliberate(&ex.markdown).or(known);
        match (matches, reason) {
            (true, _) if known.is_some() => unexpected.push(format!(
                "example {} ({}) now matches: remove it from KNOWN",
                ex.number, ex.section
            )),
            (true, _) => *counts.entry("as the spec says").or_default() += 1,
            (false, Some(reason)) => *counts.entry(reason).or_default() += 1,
            (false, None) => unexpected.push(format!(
                "example {} ({}):\n  markdown: {:?}\n  expected: {:?}\n  ours:     {:?}",
                ex.number, ex.section, ex.markdown, ex.html, ours
            )),
        }
    }
    println!("{counts:#?}");
    assert!(
        unexpected.is_empty(),
        "{} unexpected:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
}

#[test]
fn raw_html_in_the_spec_never_becomes_markup() {
    const OURS: &[&str] = &[
        "p",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "ul",
        "ol",
        "li",
        "em",
        "strong",
        "del",
        "sup",
        "sub",
        "a",
        "img",
        "code",
        "pre",
        "hr",
        "br",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "input",
    ];
    for ex in spec() {
        let ours = html::render(&markdown::parse(&ex.markdown, &mut Footnotes::default()));
        for tag in ours.split('<').skip(1) {
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            assert!(
                OURS.contains(&name.as_str()),
                "example {}: <{name}> in {ours:?}",
                ex.number
            );
        }
    }
}
