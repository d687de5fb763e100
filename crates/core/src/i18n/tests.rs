use super::*;
use std::collections::BTreeSet;

/// The `{names}` in a template.
fn names(template: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.insert(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// The test that fails when a locale misses a string: a missing field does not
/// compile, and this finds the empty ones, the plural forms a locale's rules
/// need, and templates whose names differ from English.
#[test]
fn every_locale_has_every_string() {
    let english = Locale::En.text().entries();
    for locale in Locale::ALL {
        let entries = locale.text().entries();
        assert_eq!(entries.len(), english.len());
        for ((name, entry), (_, reference)) in entries.iter().zip(&english) {
            let at = format!("{}: {name}", locale.code());
            match (entry, reference) {
                (Entry::Str(s), Entry::Str(r)) => {
                    assert!(!s.trim().is_empty(), "{at} is empty");
                    // The date and time templates name what they use.
                    if !matches!(*name, "date_long" | "time_short") {
                        assert_eq!(names(s), names(r), "{at}: {s:?} against {r:?}");
                    }
                }
                (Entry::Plural(p), Entry::Plural(r)) => {
                    let allowed = names(r.other);
                    for category in [
                        Category::Zero,
                        Category::One,
                        Category::Two,
                        Category::Few,
                        Category::Many,
                        Category::Other,
                    ] {
                        let form = p.form(category);
                        if locale.categories().contains(&category) {
                            assert!(!form.trim().is_empty(), "{at}: no {category:?} form");
                            assert!(
                                names(form).is_subset(&allowed),
                                "{at} {category:?}: {form:?}"
                            );
                        } else {
                            assert!(form.is_empty(), "{at}: {category:?} is never used");
                        }
                    }
                    assert_eq!(names(p.other), allowed, "{at}: other is {:?}", p.other);
                }
                (Entry::List(l), Entry::List(r)) => {
                    assert_eq!(l.len(), r.len(), "{at}");
                    assert!(l.iter().all(|s| !s.trim().is_empty()), "{at}: {l:?}");
                }
                _ => unreachable!("{at}: the entry kinds come from one macro"),
            }
        }
    }
}

/// A translation, not a copy: apart from words that are the same in many
/// languages, no locale repeats English.
#[test]
fn translations_are_not_english() {
    let same_everywhere = [
        "notes",
        "normal",
        "theme_sepia",
        "offline",
        "theme_auto",
        "am",
        "pm",
        "list_comma",
        "listen_pause",
    ];
    let english = Locale::En.text().entries();
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        let copied: Vec<_> = locale
            .text()
            .entries()
            .into_iter()
            .zip(&english)
            .filter(|((name, entry), (_, reference))| {
                !same_everywhere.contains(name)
                    && matches!((entry, reference), (Entry::Str(s), Entry::Str(r)) if s == r)
            })
            .map(|((name, _), _)| name)
            .collect();
        assert!(
            copied.is_empty(),
            "{}: still English: {copied:?}",
            locale.code()
        );
    }
}

#[test]
fn plural_rules_follow_cldr() {
    // As Intl.PluralRules answers (ICU 78).
    let expect = |locale: Locale, cases: &[(u64, Category)]| {
        for &(n, category) in cases {
            assert_eq!(locale.plural(n), category, "{} {n}", locale.code());
        }
    };
    use Category::*;
    expect(Locale::En, &[(0, Other), (1, One), (2, Other), (21, Other)]);
    expect(Locale::De, &[(0, Other), (1, One), (2, Other)]);
    expect(
        Locale::Fr,
        &[(0, One), (1, One), (2, Other), (1_000_000, Many)],
    );
    expect(
        Locale::Es,
        &[(0, Other), (1, One), (2, Other), (1_000_000, Many)],
    );
    expect(Locale::Ja, &[(0, Other), (1, Other), (2, Other)]);
    expect(
        Locale::Ar,
        &[
            (0, Zero),
            (1, One),
            (2, Two),
            (3, Few),
            (10, Few),
            (11, Many),
            (99, Many),
            (100, Other),
            (101, Other),
            (102, Other),
            (103, Few),
            (111, Many),
            (1_000_000, Other),
        ],
    );
}

#[test]
fn plural_messages() {
    let left = |l: Locale, n| l.text().minutes_left.get(l, n);
    assert_eq!(left(Locale::En, 1), "1 min left");
    assert_eq!(left(Locale::En, 5), "5 min left");
    assert_eq!(left(Locale::Fr, 1), "1\u{a0}min restante");
    assert_eq!(left(Locale::Fr, 2), "2\u{a0}min restantes");
    assert_eq!(left(Locale::Es, 1), "Queda 1\u{a0}min");
    assert_eq!(left(Locale::Ja, 5), "残り5分");
    assert_eq!(left(Locale::Ar, 1), "بقيت دقيقة واحدة");
    assert_eq!(left(Locale::Ar, 2), "بقيت دقيقتان");
    assert_eq!(left(Locale::Ar, 5), "بقيت 5 دقائق");
    assert_eq!(left(Locale::Ar, 12), "بقيت 12 دقيقة");
    assert_eq!(left(Locale::Ar, 100), "بقيت 100 دقيقة");
    assert_eq!(
        Locale::En.text().minutes_read.get(Locale::En, 1234),
        "1,234 min read"
    );
}

#[test]
fn numbers_follow_intl() {
    // As Intl.NumberFormat(locale).format(n) writes them (ICU 78).
    let cases = [
        (Locale::En, 1234, "1,234"),
        (Locale::En, 1234567, "1,234,567"),
        (Locale::Ar, 1234, "1,234"),
        (Locale::De, 1234, "1.234"),
        (Locale::De, 999, "999"),
        (Locale::Es, 1234, "1234"),
        (Locale::Es, 12345, "12.345"),
        (Locale::Fr, 1234567, "1\u{202f}234\u{202f}567"),
        (Locale::Ja, 12345, "12,345"),
    ];
    for (locale, n, text) in cases {
        assert_eq!(locale.number(n), text, "{} {n}", locale.code());
    }
    assert_eq!(Locale::Fr.percent(43), "43\u{a0}%");
    assert_eq!(Locale::En.size(512), "512 bytes");
    assert_eq!(Locale::En.rate(1.25), "1.25×");
    assert_eq!(Locale::Fr.rate(0.8), "0,8×");
    assert_eq!(Locale::De.rate(2.0), "2×");
    assert_eq!(Locale::En.size(1024), "1\u{a0}KB");
    assert_eq!(Locale::Fr.size(1_300_000), "1,2\u{a0}Mo");
    assert_eq!(Locale::Ja.size(5 * 1024 * 1024 * 1024), "5\u{a0}GB");
    assert_eq!(Locale::Ar.percent(43), "43\u{200e}%\u{200e}");
}

#[test]
fn dates_follow_intl() {
    // As Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }) writes them.
    let date = [
        (Locale::En, "March 1, 2011"),
        (Locale::Ar, "1 مارس 2011"),
        (Locale::De, "1. März 2011"),
        (Locale::Es, "1 de marzo de 2011"),
        (Locale::Fr, "1 mars 2011"),
        (Locale::Ja, "2011年3月1日"),
    ];
    for (locale, text) in date {
        assert_eq!(long_date(locale, "2011-03-01"), text);
    }
    // Date-times in UTC (timeStyle: "short" too); not in UTC, the date only.
    let times = [
        (Locale::De, "2024-07-14T09:05:00Z", "14. Juli 2024 um 09:05"),
        (
            Locale::Fr,
            "2024-07-14T14:05:00Z",
            "14 juillet 2024 à 14:05",
        ),
        (Locale::Ja, "2024-07-14T09:05:00Z", "2024年7月14日 9:05"),
        (
            Locale::Ar,
            "2024-07-14T14:05:00Z",
            "14 يوليو 2024 في 2:05 م",
        ),
        (
            Locale::En,
            "2024-07-14T14:05:00Z",
            "July 14, 2024 at 2:05\u{202f}PM",
        ),
        (Locale::En, "2024-07-14T14:05:00+02:00", "July 14, 2024"),
    ];
    for (locale, iso, text) in times {
        assert_eq!(long_date(locale, iso), text, "{iso}");
    }
    // Not a date: as written.
    assert_eq!(long_date(Locale::En, "yesterday"), "yesterday");
}

#[test]
fn lists() {
    assert_eq!(list(Locale::En, &["A"]), "A");
    assert_eq!(list(Locale::En, &["A", "B", "C"]), "A, B and C");
    assert_eq!(list(Locale::Ar, &["أ", "ب", "ج"]), "أ، ب وج");
    assert_eq!(list(Locale::Ja, &["A", "B"]), "A、B");
}

#[test]
fn negotiation_order() {
    assert_eq!(negotiate(Some("fr"), Some("ar"), ["de"]), Locale::Fr);
    assert_eq!(negotiate(None, Some("ar-EG"), ["de"]), Locale::Ar);
    assert_eq!(
        negotiate(Some("xx"), Some("it"), ["pt-BR", "es-MX", "de"]),
        Locale::Es
    );
    assert_eq!(negotiate(None, None, ["JA_jp"]), Locale::Ja);
    assert_eq!(negotiate(None, Some("it"), []), Locale::En);
    assert_eq!(Locale::Ar.direction(), Direction::Rtl);
    assert_eq!(Locale::from_tag(""), None);
}

#[test]
fn fill_leaves_unknown_names() {
    assert_eq!(
        fill("{a} and {b} {c", &[("a", "x"), ("b", "{a}")]),
        "x and {a} {c"
    );
    assert_eq!(around("By {names}.", "names"), ("By ", "."));
}
