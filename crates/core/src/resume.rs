//! Reading positions, one per article `id`, as stored in localStorage.
//!
//! Stored as small JSON objects; anything unreadable (corrupt, from an older
//! version, hand-edited) is treated as "no saved position", never as an error.

use serde::{Deserialize, Serialize};

/// Prefix of every key Broadsheet writes, so one version can ignore another's.
pub const KEY_PREFIX: &str = "broadsheet:v1:";

/// Below this percentage a position is not worth offering to resume.
pub const OFFER_FROM_PERCENT: u8 = 3;
/// At or above this the article counts as read.
pub const READ_AT_PERCENT: u8 = 98;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// Anchor of the block at the reading line (`p12`).
    pub anchor: String,
    /// How far into that block, 0.0–1.0.
    pub within: f64,
    /// Progress through the body, 0–100.
    pub percent: u8,
    /// When it was saved, milliseconds since the Unix epoch.
    pub at: f64,
    /// Reached the end at some point (stays true when re-reading).
    #[serde(default)]
    pub read: bool,
}

/// Where a reader is with an article, as the library shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadingState {
    Unread,
    Reading(u8),
    Read,
}

impl Position {
    pub fn state(&self) -> ReadingState {
        if self.read {
            ReadingState::Read
        } else if self.percent == 0 {
            ReadingState::Unread
        } else {
            ReadingState::Reading(self.percent)
        }
    }

    /// Whether to offer "Continue where you left off".
    pub fn worth_offering(&self) -> bool {
        (OFFER_FROM_PERCENT..READ_AT_PERCENT).contains(&self.percent)
    }

    /// The position, if it is well formed (`within` clamped to 0–1); `None`
    /// otherwise. For one read with another JSON parser (the browser's:
    /// `crates/web/src/json.rs`).
    pub fn checked(self) -> Option<Position> {
        let valid = !self.anchor.is_empty()
            && self.anchor.len() <= 200
            && self.within.is_finite()
            && self.percent <= 100
            && self.at.is_finite();
        valid.then(|| Position {
            within: self.within.clamp(0.0, 1.0),
            ..self
        })
    }
}

/// The storage key of an article's position. Articles without an `id` are keyed by URL.
pub fn key_for(id: Option<&str>, url: &str) -> String {
    match id {
        Some(id) if !id.trim().is_empty() => format!("{KEY_PREFIX}pos:{id}"),
        _ => format!("{KEY_PREFIX}pos-url:{url}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stored form as the tests read and write it, natively (in the
    /// browser: crates/web/src/json.rs, then [`Position::checked`]).
    impl Position {
        fn to_json(&self) -> String {
            serde_json::to_string(self).unwrap_or_default()
        }

        /// `None` for anything that is not a well-formed saved position.
        fn from_json(text: &str) -> Option<Position> {
            serde_json::from_str::<Position>(text).ok()?.checked()
        }
    }

    fn saved(percent: u8, read: bool) -> Position {
        Position {
            anchor: "p12".into(),
            within: 0.3,
            percent,
            at: 1.7e12,
            read,
        }
    }

    #[test]
    fn round_trip() {
        let s = saved(43, false);
        assert_eq!(Position::from_json(&s.to_json()), Some(s));
    }

    #[test]
    fn corrupt_values_are_ignored() {
        for bad in [
            "",
            "null",
            "{",
            "[]",
            "43",
            r#"{"anchor":"","within":0,"percent":4,"at":1}"#,
            r#"{"anchor":"p1","within":0,"percent":400,"at":1}"#,
            r#"{"anchor":"p1","percent":4,"at":1}"#,
        ] {
            assert_eq!(Position::from_json(bad), None, "{bad}");
        }
        let clamped =
            Position::from_json(r#"{"anchor":"p1","within":7,"percent":4,"at":1}"#).unwrap();
        assert_eq!(clamped.within, 1.0);
    }

    #[test]
    fn states_and_offers() {
        assert_eq!(saved(0, false).state(), ReadingState::Unread);
        assert_eq!(saved(43, false).state(), ReadingState::Reading(43));
        assert_eq!(saved(10, true).state(), ReadingState::Read);
        assert!(saved(43, false).worth_offering());
        assert!(!saved(1, false).worth_offering());
        assert!(!saved(99, false).worth_offering());
    }

    #[test]
    fn keys() {
        assert_eq!(
            key_for(Some("abc"), "https://x/a.json"),
            "broadsheet:v1:pos:abc"
        );
        assert_eq!(
            key_for(None, "https://x/a.json"),
            "broadsheet:v1:pos-url:https://x/a.json"
        );
    }
}
