//! A locale's words as data, for the published pages' reader: it is built
//! without the other locales' tables (the `every-locale` feature off), which
//! would be most of its strings, and fetches its page's language's words from
//! the site when it starts. `broadsheet build` writes those files ([`list`]).
//!
//! A file is a JSON array of strings in the table's order (`mod.rs`, `text!`):
//! the cheapest to read in the wasm, with no key to match. Its name carries a
//! fingerprint of that order ([`path`]), so a reader only ever reads a file of
//! its own layout; from another deploy it finds none and speaks English.

use super::{Entry, LAYOUT, LIST_LEN, Locale, Text};
use std::sync::OnceLock;

/// `locale`'s words in order, as its file holds them: each string, each plural
/// message's six forms (empty where the locale does not use one), each list's
/// items.
pub fn list(locale: Locale) -> Vec<&'static str> {
    list_of(locale.text())
}

fn list_of(text: &Text) -> Vec<&'static str> {
    let mut out = Vec::with_capacity(LIST_LEN);
    for (_, entry) in text.entries() {
        match entry {
            Entry::Str(s) => out.push(s),
            Entry::Plural(p) => out.extend([p.zero, p.one, p.two, p.few, p.many, p.other]),
            Entry::List(items) => out.extend(items),
        }
    }
    out
}

/// The file of `locale`'s words, from the site's root: `ui/fr-1a2b3c4d.json`,
/// named with a fingerprint of the table's layout.
pub fn path(locale: Locale) -> String {
    format!("ui/{}-{FINGERPRINT:08x}.json", locale.code())
}

/// The fingerprint of the table's layout, computed when compiling.
const FINGERPRINT: u32 = fingerprint(LAYOUT);

/// FNV-1a, 32 bits.
const fn fingerprint(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u32;
        hash = hash.wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// Whether `locale`'s words must be given ([`give`]) before they can be shown:
/// only in a build without every locale, and never for English.
pub fn missing(locale: Locale) -> bool {
    !cfg!(feature = "every-locale") && locale != Locale::En && given(locale).is_none()
}

/// Gives `locale` its words, read from its file; false (and nothing given) if
/// they are not as many as the table has. One locale per run: later calls do
/// nothing. In a build with every locale, the compiled-in words stay in use.
pub fn give(locale: Locale, words: Vec<String>) -> bool {
    if words.len() != LIST_LEN {
        return false;
    }
    if locale != Locale::En && GIVEN.get().is_none() {
        let text = Text::from_list(&mut Words(words.into_iter()));
        let _ = GIVEN.set((locale, Box::leak(Box::new(text))));
    }
    true
}

/// The strings [`Text::from_list`] takes, one by one, each kept for good.
pub(super) struct Words(std::vec::IntoIter<String>);

impl Words {
    /// Not inlined: the table takes some two hundred.
    #[inline(never)]
    pub(super) fn next(&mut self) -> &'static str {
        self.0.next().unwrap_or_default().leak()
    }
}

/// The words given to `locale`, if any.
pub fn given(locale: Locale) -> Option<&'static Text> {
    GIVEN.get().filter(|(l, _)| *l == locale).map(|(_, t)| *t)
}

static GIVEN: OnceLock<(Locale, &'static Text)> = OnceLock::new();

#[cfg(test)]
mod tests {
    use super::*;

    /// What the reader rebuilds from a file is the table the file was made of.
    #[cfg(feature = "every-locale")]
    #[test]
    fn every_locale_survives_its_file() {
        for locale in Locale::ALL {
            let file = list(locale);
            assert_eq!(file.len(), LIST_LEN, "{}", locale.code());
            let words = file.into_iter().map(String::from).collect::<Vec<_>>();
            let text = Text::from_list(&mut Words(words.into_iter()));
            assert_eq!(list_of(&text), list(locale), "{}", locale.code());
        }
    }

    #[test]
    fn a_file_of_another_layout_is_refused() {
        assert!(!give(Locale::Fr, vec!["Hors ligne".into(); LIST_LEN - 1]));
        assert!(!missing(Locale::En));
    }

    #[test]
    fn the_name_follows_the_layout() {
        let name = path(Locale::Ja);
        assert!(
            name.starts_with("ui/ja-") && name.ends_with(".json"),
            "{name}"
        );
        assert_eq!(name.len(), "ui/ja-12345678.json".len());
        assert_ne!(FINGERPRINT, fingerprint("months:Months,"));
        // FNV-1a's published test value.
        assert_eq!(fingerprint("a"), 0xe40c_292c);
    }
}
