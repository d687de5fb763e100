//! "Listen": what is read aloud, in which order, and where each part is on the
//! page — with no browser types. The web app (`crates/web/src/speech.rs`,
//! `components/listen.rs`) speaks the plan's texts one by one and highlights
//! each one's [`Target`].
//!
//! The plan is the headline and dek (then the lead figure's caption), then the
//! body in order: paragraphs, headings, each item of a list, quotes (a pull
//! quote with its attribution), and figure captions — never photo credits.
//! Tables, code, rules and footnotes are not read. Listening starts at the block
//! at the reading line ([`Plan::start`]), or at the headline from the top.

use crate::markdown::{self, Kind, Node};
use crate::page::{Content, Page};
use serde::{Deserialize, Serialize};

/// The reading speeds offered, slowest first; [`DEFAULT_RATE`] is one of them.
pub const RATES: [f64; 6] = [0.8, 1.0, 1.25, 1.5, 1.75, 2.0];
/// The speed listening starts at.
pub const DEFAULT_RATE: f64 = 1.0;

/// `rate` as written in the speed menu's values: "0.8", "1", "1.25", to two
/// decimals, with integers only (no float formatting code in the wasm).
pub fn rate_text(rate: f64) -> String {
    let hundredths = (rate.max(0.0) * 100.0).round() as u64;
    match (hundredths / 100, hundredths % 100) {
        (whole, 0) => whole.to_string(),
        (whole, part) if part % 10 == 0 => format!("{whole}.{}", part / 10),
        (whole, part) => format!("{whole}.{part:02}"),
    }
}

/// The speed of the menu value `text` (one of [`RATES`], as [`rate_text`] writes it).
pub fn rate_of(text: &str) -> Option<f64> {
    RATES.into_iter().find(|r| rate_text(*r) == text)
}

/// Where a part of the plan is shown, to highlight it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Target {
    /// The `<h1>`.
    Headline,
    /// The dek under it.
    Dek,
    /// The lead figure (its caption is read).
    Lead,
    /// A block of the body, by its anchor (`p3`, `fig1`, `h-…`); `item` is the
    /// index of the list item within it, for a list.
    Block { anchor: String, item: Option<usize> },
}

impl Target {
    /// The body block's anchor, if this is one.
    pub fn anchor(&self) -> Option<&str> {
        match self {
            Target::Block { anchor, .. } => Some(anchor),
            _ => None,
        }
    }
}

/// One text to speak.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Utterance {
    /// Plain text, white space collapsed.
    pub text: String,
    pub target: Target,
    /// The index in `Page::body` of its block (`None` for the header).
    pub block: Option<usize>,
}

/// Everything that can be read aloud of a page, in reading order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The article's language (BCP 47), for the voice.
    pub language: Option<String>,
    pub utterances: Vec<Utterance>,
    /// The body's anchors in order (to start from a block that has nothing to read).
    anchors: Vec<String>,
}

/// Collapses runs of white space into one space, and trims.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Builds the plan for `page`.
pub fn plan(page: &Page) -> Plan {
    let mut utterances = Vec::new();
    let mut push = |text: &str, target: Target, block: Option<usize>| {
        let text = squash(text);
        if !text.is_empty() {
            utterances.push(Utterance {
                text,
                target,
                block,
            });
        }
    };
    push(&page.meta.headline, Target::Headline, None);
    if let Some(dek) = &page.meta.dek {
        push(dek, Target::Dek, None);
    }
    if let Some(caption) = page.lead.as_ref().and_then(|f| f.caption.as_deref()) {
        push(caption, Target::Lead, None);
    }
    for (i, item) in page.body.iter().enumerate() {
        let block = |item: Option<usize>| Target::Block {
            anchor: page.body[i].anchor.clone(),
            item,
        };
        match &item.content {
            Content::Heading { text, .. } => push(text, block(None), Some(i)),
            Content::Quote { text, cite } => {
                let text = match cite {
                    Some(cite) if !cite.trim().is_empty() => format!("{text} — {cite}"),
                    _ => text.clone(),
                };
                push(&text, block(None), Some(i));
            }
            Content::Figure(figure) => {
                if let Some(caption) = &figure.caption {
                    push(caption, block(None), Some(i));
                }
            }
            Content::Node(Node::Element { kind, children }) => match kind {
                Kind::Paragraph | Kind::Heading(_) | Kind::BlockQuote => {
                    push(&markdown::plain_text(children), block(None), Some(i));
                }
                Kind::List { .. } => {
                    let items = children.iter().filter(|c| {
                        matches!(
                            c,
                            Node::Element {
                                kind: Kind::Item,
                                ..
                            }
                        )
                    });
                    for (n, li) in items.enumerate() {
                        push(
                            &markdown::plain_text(std::slice::from_ref(li)),
                            block(Some(n)),
                            Some(i),
                        );
                    }
                }
                // Tables and anything else: not read.
                _ => {}
            },
            // Code, rules, breaks: not read.
            Content::Node(_) => {}
        }
    }
    Plan {
        language: page.meta.language.clone().filter(|l| !l.trim().is_empty()),
        utterances,
        anchors: page.body.iter().map(|i| i.anchor.clone()).collect(),
    }
}

impl Plan {
    pub fn len(&self) -> usize {
        self.utterances.len()
    }

    pub fn is_empty(&self) -> bool {
        self.utterances.is_empty()
    }

    /// Where to start when the block at the reading line is `anchor` (`None`:
    /// above the body, so from the headline): the first utterance of that block,
    /// or of the next block that has one. `None` when nothing is left to read.
    pub fn start(&self, anchor: Option<&str>) -> Option<usize> {
        let Some(anchor) = anchor else {
            return (!self.is_empty()).then_some(0);
        };
        let Some(block) = self.anchors.iter().position(|a| a == anchor) else {
            return (!self.is_empty()).then_some(0);
        };
        self.utterances
            .iter()
            .position(|u| u.block.is_some_and(|b| b >= block))
    }
}

/// The next rate up or down from `rate` among [`RATES`] (`up`: faster), kept in range.
pub fn step_rate(rate: f64, up: bool) -> f64 {
    let i = RATES
        .iter()
        .position(|r| (r - rate).abs() < 1e-9)
        .unwrap_or(1);
    let i = if up {
        (i + 1).min(RATES.len() - 1)
    } else {
        i.saturating_sub(1)
    };
    RATES[i]
}

/// A rate as given (from a control), clamped to the offered range.
pub fn clamp_rate(rate: f64) -> f64 {
    if rate.is_finite() {
        rate.clamp(RATES[0], RATES[RATES.len() - 1])
    } else {
        DEFAULT_RATE
    }
}

/// A voice as the browser describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct VoiceInfo {
    /// BCP 47 (`en-US`; some engines write `en_US`).
    pub lang: String,
    /// The browser's default voice.
    pub default: bool,
    /// Works offline (on this device).
    pub local: bool,
}

/// The best voice for `language` among `voices`: same language and region first,
/// then same language; among those the default, then a local one. With no
/// article language, the default voice (or the first). `None`: no voice speaks it.
pub fn pick_voice(language: Option<&str>, voices: &[VoiceInfo]) -> Option<usize> {
    let norm = |s: &str| s.trim().replace('_', "-").to_ascii_lowercase();
    let Some(language) = language.map(norm).filter(|l| !l.is_empty()) else {
        return voices
            .iter()
            .position(|v| v.default)
            .or_else(|| (!voices.is_empty()).then_some(0));
    };
    let primary = |s: &str| s.split('-').next().unwrap_or_default().to_string();
    let wanted = primary(&language);
    let score = |v: &VoiceInfo| {
        let lang = norm(&v.lang);
        let exact = lang == language;
        if !exact && primary(&lang) != wanted {
            return None;
        }
        Some(u8::from(exact) * 4 + u8::from(v.default) * 2 + u8::from(v.local))
    };
    let mut best: Option<(usize, u8)> = None;
    for (i, v) in voices.iter().enumerate() {
        if let Some(s) = score(v)
            && best.is_none_or(|(_, b)| s > b)
        {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speeds_are_written_and_read_back_without_floats() {
        let written: Vec<String> = RATES.into_iter().map(rate_text).collect();
        assert_eq!(written, ["0.8", "1", "1.25", "1.5", "1.75", "2"]);
        for rate in RATES {
            assert_eq!(rate_of(&rate_text(rate)), Some(rate));
        }
        assert_eq!(rate_of("3"), None);
        assert_eq!(rate_text(1.333), "1.33");
    }
    use crate::{article, page};

    fn page_of(json: &str) -> Page {
        page::build(&article::parse(json).unwrap().article)
    }

    const SAMPLE: &str = include_str!("../../../public/articles/iran-diplomat-defects-2011.json");

    fn texts(plan: &Plan) -> Vec<&str> {
        plan.utterances.iter().map(|u| u.text.as_str()).collect()
    }

    #[test]
    fn headline_dek_then_body_with_captions_not_credits() {
        let plan = plan(&page_of(SAMPLE));
        assert_eq!(plan.language.as_deref(), Some("en"));
        let u = &plan.utterances;
        assert_eq!(u[0].target, Target::Headline);
        assert!(u[0].text.starts_with("Former Iran diplomat"));
        assert_eq!(u[1].target, Target::Dek);
        assert_eq!(u[2].target.anchor(), Some("p1"));
        assert_eq!(u[3].target.anchor(), Some("p2"));
        assert_eq!(u[4].target.anchor(), Some("fig1"));
        assert!(u[4].text.starts_with("Members of Iran’s opposition"));
        for t in texts(&plan) {
            assert!(!t.contains("Photo: AP"), "a credit is read: {t}");
            assert!(!t.contains("Ben Curtis"), "a credit is read: {t}");
        }
        // 13 paragraphs and two captions after the headline and dek.
        assert_eq!(plan.len(), 2 + 15);
    }

    #[test]
    fn lists_by_item_quotes_with_cite_headings_and_nothing_unreadable() {
        let json = r##"{"headline":"  The   head ","dek":"Dek","language":"fr-CA",
          "lead":{"caption":"Lead caption","credit":"AP"},
          "body":[
            {"type":"heading","text":"Part one"},
            {"type":"text","markdown":"- one\n- two *em*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n\n---\n\n> quoted[^1]\n\n[^1]: note"},
            {"type":"quote","text":"Said","cite":"Someone"},
            {"type":"figure","credit":"Only a credit"},
            {"type":"text","markdown":"Last."}]}"##;
        let plan = plan(&page_of(json));
        assert_eq!(
            texts(&plan),
            [
                "The head",
                "Dek",
                "Lead caption",
                "Part one",
                "one",
                "two em",
                "quoted",
                "Said — Someone",
                "Last."
            ]
        );
        let targets: Vec<&Target> = plan.utterances.iter().map(|u| &u.target).collect();
        assert_eq!(*targets[2], Target::Lead);
        assert_eq!(
            *targets[4],
            Target::Block {
                anchor: "p1".into(),
                item: Some(0)
            }
        );
        assert_eq!(
            *targets[5],
            Target::Block {
                anchor: "p1".into(),
                item: Some(1)
            }
        );
        assert_eq!(plan.language.as_deref(), Some("fr-CA"));
    }

    #[test]
    fn starts_at_the_block_at_the_reading_line() {
        let json = r#"{"headline":"H","body":[
            {"type":"text","markdown":"One\n\n| a |\n|---|\n| 1 |\n\nThree"},
            {"type":"figure","credit":"AP"},
            {"type":"text","markdown":"Four"}]}"#;
        let plan = plan(&page_of(json));
        assert_eq!(texts(&plan), ["H", "One", "Three", "Four"]);
        assert_eq!(plan.start(None), Some(0));
        assert_eq!(plan.start(Some("p1")), Some(1));
        // The table (p2) has nothing to read: the next block.
        assert_eq!(plan.start(Some("p2")), Some(2));
        assert_eq!(plan.start(Some("fig1")), Some(3));
        assert_eq!(plan.start(Some("p4")), Some(3));
        // An unknown anchor: from the top.
        assert_eq!(plan.start(Some("nope")), Some(0));
        let json =
            r#"{"headline":"H","body":[{"type":"text","markdown":"One"},{"type":"figure"}]}"#;
        assert_eq!(super::plan(&page_of(json)).start(Some("fig1")), None);
    }

    #[test]
    fn rates_step_and_clamp() {
        assert_eq!(step_rate(1.0, true), 1.25);
        assert_eq!(step_rate(2.0, true), 2.0);
        assert_eq!(step_rate(0.8, false), 0.8);
        assert_eq!(step_rate(1.25, false), 1.0);
        assert_eq!(clamp_rate(5.0), 2.0);
        assert_eq!(clamp_rate(0.1), 0.8);
        assert_eq!(clamp_rate(f64::NAN), DEFAULT_RATE);
        assert!(RATES.contains(&DEFAULT_RATE));
    }

    #[test]
    fn voices_for_the_language() {
        let v = |lang: &str, default: bool, local: bool| VoiceInfo {
            lang: lang.into(),
            default,
            local,
        };
        let voices = [
            v("en-US", true, false),
            v("fr-FR", false, false),
            v("fr_CA", false, true),
            v("ar-SA", false, true),
            v("en-GB", false, true),
        ];
        assert_eq!(pick_voice(Some("en"), &voices), Some(0));
        assert_eq!(pick_voice(Some("en-GB"), &voices), Some(4));
        assert_eq!(pick_voice(Some("fr-CA"), &voices), Some(2));
        assert_eq!(pick_voice(Some("FR"), &voices), Some(2));
        assert_eq!(pick_voice(Some("ar"), &voices), Some(3));
        assert_eq!(pick_voice(Some("de"), &voices), None);
        assert_eq!(pick_voice(Some("e"), &voices), None);
        assert_eq!(pick_voice(None, &voices), Some(0));
        assert_eq!(pick_voice(None, &voices[1..]), Some(0));
        assert_eq!(pick_voice(Some("en"), &[]), None);
    }
}
