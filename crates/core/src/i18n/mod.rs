//! The interface in the reader's language: which language ([`negotiate`]), its
//! words ([`Text`], one table per locale in this folder), its plural forms, its
//! numbers and its dates.
//!
//! A compile-time table, not a runtime message format: every locale is a
//! `const Text`, so a locale that lacks a string does not compile, nothing is
//! parsed in the browser, and the wasm carries only the strings themselves.
//! The plural rules, numbers and dates follow CLDR (what `Intl.PluralRules`,
//! `Intl.NumberFormat` and `Intl.DateTimeFormat` do in the browser) for the six
//! locales; the browser formats dates with `Intl` itself (`crates/web/src/dates.rs`),
//! this module everywhere else (pre-rendered pages).
//!
//! Templates name their values in braces: `"{n} min left"`. [`fill`] and
//! [`Plural::get`] replace them; the tests check that every translation keeps
//! exactly the English template's names.
//!
//! Without the `every-locale` feature (the published pages' reader, which
//! speaks one language per page) only English is compiled in, and a page's
//! other language is given its words at run time ([`words`]).

#[cfg(feature = "every-locale")]
mod ar;
#[cfg(feature = "every-locale")]
mod de;
mod en;
#[cfg(feature = "every-locale")]
mod es;
#[cfg(feature = "every-locale")]
mod fr;
#[cfg(feature = "every-locale")]
mod ja;
pub mod words;

use crate::article::Direction;

/// An interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    Ar,
    De,
    Es,
    Fr,
    Ja,
}

impl Locale {
    pub const ALL: [Locale; 6] = [
        Locale::En,
        Locale::Ar,
        Locale::De,
        Locale::Es,
        Locale::Fr,
        Locale::Ja,
    ];

    /// The BCP 47 tag: `lang` attributes, `Intl`, speech voices.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ar => "ar",
            Locale::De => "de",
            Locale::Es => "es",
            Locale::Fr => "fr",
            Locale::Ja => "ja",
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Locale::Ar => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    /// The locale for a language tag (`fr`, `fr-CA`, `AR_eg`), by its primary
    /// subtag; `None` for a language Broadsheet has no interface in.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// Its words: compiled in, or without `every-locale` given at run time
    /// ([`words::give`]), English for a locale whose words were not given.
    pub fn text(self) -> &'static Text {
        #[cfg(feature = "every-locale")]
        return match self {
            Locale::En => &en::TEXT,
            Locale::Ar => &ar::TEXT,
            Locale::De => &de::TEXT,
            Locale::Es => &es::TEXT,
            Locale::Fr => &fr::TEXT,
            Locale::Ja => &ja::TEXT,
        };
        #[cfg(not(feature = "every-locale"))]
        return words::given(self).unwrap_or(&en::TEXT);
    }

    /// The CLDR plural category of the whole number `n`.
    pub fn plural(self, n: u64) -> Category {
        match self {
            Locale::En | Locale::De => match n {
                1 => Category::One,
                _ => Category::Other,
            },
            Locale::Es => match n {
                1 => Category::One,
                n if n != 0 && n.is_multiple_of(1_000_000) => Category::Many,
                _ => Category::Other,
            },
            Locale::Fr => match n {
                0 | 1 => Category::One,
                n if n.is_multiple_of(1_000_000) => Category::Many,
                _ => Category::Other,
            },
            Locale::Ja => Category::Other,
            Locale::Ar => match (n, n % 100) {
                (0, _) => Category::Zero,
                (1, _) => Category::One,
                (2, _) => Category::Two,
                (_, 3..=10) => Category::Few,
                (_, 11..=99) => Category::Many,
                _ => Category::Other,
            },
        }
    }

    /// The categories its plural forms use (what [`Plural`] must give).
    pub fn categories(self) -> &'static [Category] {
        use Category::*;
        match self {
            Locale::En | Locale::De => &[One, Other],
            Locale::Es | Locale::Fr => &[One, Many, Other],
            Locale::Ja => &[Other],
            Locale::Ar => &[Zero, One, Two, Few, Many, Other],
        }
    }

    /// `n` as `Intl.NumberFormat` writes it: Latin digits (CLDR's default for
    /// Arabic too), grouped by thousands with the locale's separator; Spanish
    /// groups only from five digits.
    pub fn number(self, n: u64) -> String {
        let digits = n.to_string();
        let (separator, from) = match self {
            Locale::En | Locale::Ja | Locale::Ar => (",", 4),
            Locale::De => (".", 4),
            Locale::Es => (".", 5),
            Locale::Fr => ("\u{202f}", 4),
        };
        if digits.len() < from {
            return digits;
        }
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(separator);
            }
            out.push(c);
        }
        out
    }

    /// A size in bytes, as [`crate::limits::size`] writes it in English:
    /// "512 bytes", "1.2 MB" (binary multiples, one decimal).
    pub fn size(self, bytes: u64) -> String {
        let units = self.text().size_units;
        if bytes < 1024 {
            return format!("{} {}", self.number(bytes), units[0]);
        }
        let mut value = bytes as f64 / 1024.0;
        let mut unit = 1;
        while value >= 1024.0 && unit < units.len() - 1 {
            value /= 1024.0;
            unit += 1;
        }
        let tenths = (value * 10.0).round() as u64;
        let whole = self.number(tenths / 10);
        let decimal = match self {
            Locale::De | Locale::Es | Locale::Fr => ",",
            _ => ".",
        };
        match tenths % 10 {
            0 => format!("{whole}\u{a0}{}", units[unit]),
            d => format!("{whole}{decimal}{d}\u{a0}{}", units[unit]),
        }
    }

    /// A speech rate: "1.25×", "1,25×".
    pub fn rate(self, rate: f64) -> String {
        let text = crate::listen::rate_text(rate);
        match self {
            Locale::De | Locale::Es | Locale::Fr => format!("{}×", text.replace('.', ",")),
            _ => format!("{text}×"),
        }
    }

    /// A percentage as `Intl.NumberFormat` with `style: "percent"` writes it.
    pub fn percent(self, n: u8) -> String {
        match self {
            Locale::En | Locale::Ja => format!("{n}%"),
            Locale::De | Locale::Es | Locale::Fr => format!("{n}\u{a0}%"),
            Locale::Ar => format!("{n}\u{200e}%\u{200e}"),
        }
    }
}

/// The interface language, in order: the one the publisher `fixed` (a site
/// setting, or an embed's `ui-lang`), the `article`'s language, the reader's
/// `preferred` languages (`navigator.languages`), English. Each only when
/// Broadsheet has an interface in it.
pub fn negotiate<'a>(
    fixed: Option<&str>,
    article: Option<&str>,
    preferred: impl IntoIterator<Item = &'a str>,
) -> Locale {
    fixed
        .and_then(Locale::from_tag)
        .or_else(|| article.and_then(Locale::from_tag))
        .or_else(|| preferred.into_iter().find_map(Locale::from_tag))
        .unwrap_or_default()
}

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// A message that depends on a count, one form per category the locale uses
/// ([`Locale::categories`]; the others are `""`). `{n}` is the count.
#[derive(Debug)]
pub struct Plural {
    pub zero: &'static str,
    pub one: &'static str,
    pub two: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// Just `one` and `other` (English, German).
    pub const fn two_forms(one: &'static str, other: &'static str) -> Plural {
        Plural {
            zero: "",
            one,
            two: "",
            few: "",
            many: "",
            other,
        }
    }

    /// The same words for every count (Japanese).
    pub const fn one_form(other: &'static str) -> Plural {
        Plural {
            zero: "",
            one: "",
            two: "",
            few: "",
            many: "",
            other,
        }
    }

    pub fn form(&self, category: Category) -> &'static str {
        match category {
            Category::Zero => self.zero,
            Category::One => self.one,
            Category::Two => self.two,
            Category::Few => self.few,
            Category::Many => self.many,
            Category::Other => self.other,
        }
    }

    /// The form for `n`, with `{n}` replaced by the number in `locale`'s digits.
    pub fn get(&self, locale: Locale, n: u64) -> String {
        let form = match self.form(locale.plural(n)) {
            "" => self.other,
            form => form,
        };
        fill(form, &[("n", &locale.number(n))])
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let value = values.iter().find(|(k, _)| *k == &after[..close])?.1;
            Some((close, value))
        }) {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `template` split at its one `{name}`: the text before and after, for a value
/// that is markup of its own (a byline's linked names).
pub fn around<'t>(template: &'t str, name: &str) -> (&'t str, &'t str) {
    let slot = format!("{{{name}}}");
    template.split_once(slot.as_str()).unwrap_or((template, ""))
}

/// The calendar date of an ISO 8601 date or date-time (`2011-03-01`,
/// `2024-07-14T14:05:00Z`) in `locale`'s long style, and for a date-time in
/// UTC its time, as `Intl.DateTimeFormat` writes them (`dateStyle: "long"`,
/// `timeStyle: "short"`). Anything else is returned as written. The browser
/// uses `Intl` itself, in the reader's time zone.
pub fn long_date(locale: Locale, iso: &str) -> String {
    if !crate::article::is_iso8601(iso) {
        return iso.to_string();
    }
    let number = |range: std::ops::Range<usize>| iso.get(range)?.parse::<u32>().ok();
    let (Some(year), Some(month @ 1..=12), Some(day)) = (number(0..4), number(5..7), number(8..10))
    else {
        return iso.to_string();
    };
    let text = locale.text();
    let month_name = text.months[month as usize - 1];
    let date = fill(
        text.date_long,
        &[
            ("day", &day.to_string()),
            ("month", month_name),
            ("month_number", &month.to_string()),
            ("year", &year.to_string()),
        ],
    );
    let utc = iso.get(16..).is_some_and(|rest| {
        rest.trim_start_matches(|c: char| c == ':' || c.is_ascii_digit() || c == '.') == "Z"
    });
    match (number(11..13), number(14..16)) {
        (Some(hour @ 0..=23), Some(minute)) if utc => {
            let (h12, half) = match hour {
                0 => (12, text.am),
                1..=11 => (hour, text.am),
                12 => (12, text.pm),
                _ => (hour - 12, text.pm),
            };
            let time = fill(
                text.time_short,
                &[
                    ("h12", &h12.to_string()),
                    ("hour", &hour.to_string()),
                    ("hour2", &format!("{hour:02}")),
                    ("minute", &format!("{minute:02}")),
                    ("half", half),
                ],
            );
            fill(text.date_time, &[("date", &date), ("time", &time)])
        }
        _ => date,
    }
}

/// `items` joined as a list: "A", "A and B", "A, B and C".
pub fn list(locale: Locale, items: &[&str]) -> String {
    let text = locale.text();
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        out.push_str(list_separator(text, i, items.len()));
        out.push_str(item);
    }
    out
}

/// What goes before the `i`-th of `count` items of a list.
pub fn list_separator(text: &Text, i: usize, count: usize) -> &'static str {
    match i {
        0 => "",
        i if i == count - 1 => text.list_and,
        _ => text.list_comma,
    }
}

/// One entry of a [`Text`]: a string, or a plural message.
pub enum Entry<'t> {
    Str(&'static str),
    Plural(&'t Plural),
    List(&'t [&'static str]),
}

macro_rules! text {
    ($($(#[$doc:meta])* $name:ident: $kind:ident,)*) => {
        /// Every string of the interface, in one language. Templates are
        /// described by the English table (`en.rs`).
        #[derive(Debug)]
        pub struct Text {
            $($(#[$doc])* pub $name: text!(@type $kind),)*
        }

        impl Text {
            /// Every entry by name: for the tests, and as data ([`words::list`]).
            pub fn entries(&self) -> Vec<(&'static str, Entry<'_>)> {
                vec![$((stringify!($name), text!(@entry $kind, self.$name)),)*]
            }

            /// A table from its words in order ([`words`]): each entry's
            /// strings, plural messages with all six forms, lists item by item.
            fn from_list(words: &mut words::Words) -> Text {
                Text {
                    $($name: text!(@next $kind, words),)*
                }
            }
        }

        /// How many strings [`Text::from_list`] takes.
        const LIST_LEN: usize = 0 $(+ text!(@len $kind))*;

        /// The entries' names and kinds, in order: what a words file's layout
        /// depends on ([`words::path`]).
        const LAYOUT: &str = concat!($(stringify!($name), ":", stringify!($kind), ",",)*);
    };
    (@next Str, $words:ident) => { $words.next() };
    (@next Plural, $words:ident) => {
        Plural {
            zero: $words.next(),
            one: $words.next(),
            two: $words.next(),
            few: $words.next(),
            many: $words.next(),
            other: $words.next(),
        }
    };
    (@next $list:ident, $words:ident) => { std::array::from_fn(|_| $words.next()) };
    (@len Str) => { 1 };
    (@len Plural) => { 6 };
    (@len Months) => { 12 };
    (@len Units) => { 4 };
    (@len Sizes) => { crate::settings::SIZE_STEPS as usize };
    (@type Str) => { &'static str };
    (@type Plural) => { Plural };
    (@type Months) => { [&'static str; 12] };
    (@type Units) => { [&'static str; 4] };
    (@type Sizes) => { [&'static str; crate::settings::SIZE_STEPS as usize] };
    (@entry Str, $v:expr) => { Entry::Str($v) };
    (@entry Plural, $v:expr) => { Entry::Plural(&$v) };
    (@entry Months, $v:expr) => { Entry::List(&$v) };
    (@entry Units, $v:expr) => { Entry::List(&$v) };
    (@entry Sizes, $v:expr) => { Entry::List(&$v) };
}

text! {
    // Dates and lists.
    months: Months,
    date_long: Str,
    time_short: Str,
    date_time: Str,
    am: Str,
    pm: Str,
    list_and: Str,
    list_comma: Str,
    size_units: Units,

    // The site around the pages.
    offline: Str,
    update_available: Str,
    reload: Str,
    not_found_title: Str,
    not_found_message: Str,
    back_to_library: Str,
    storage_unavailable: Str,
    crash_title: Str,
    crash_message: Str,

    // The library.
    library_title: Str,
    library_description: Str,
    library_loading: Str,
    state_unread: Str,
    state_reading: Str,
    state_read: Str,
    minutes_read: Plural,
    saved_title: Str,
    saved_unsupported: Str,
    saved_checking: Str,
    saved_none: Str,
    saved_remove: Str,
    saved_remove_label: Str,
    saved_remove_all: Str,
    storage_usage: Str,
    open_label: Str,
    open_button: Str,

    // An article.
    loading: Str,
    loading_article: Str,
    newer_version: Str,
    show_newer: Str,
    byline: Str,
    updated: Str,
    corrections: Plural,
    notes: Str,
    related: Str,
    source: Str,
    comments_closed: Str,
    footnote: Str,
    footnote_back: Str,
    topics: Str,
    task_done: Str,
    task_not_done: Str,

    // The reading bar and its tools.
    reading_progress: Str,
    minutes_left: Plural,
    finished: Str,
    copy_link: Str,
    link_copied: Str,
    link_in_address_bar: Str,
    save_offline: Str,
    saved_offline: Str,
    save_failed: Str,
    offline_unsupported: Str,
    offline_helper_missing: Str,
    offline_helper_silent: Str,
    reader_settings: Str,
    contents: Str,
    resume_prompt: Str,
    resume_continue: Str,
    resume_restart: Str,
    resume_label: Str,

    // The reader settings.
    text_size: Str,
    sizes: Sizes,
    typeface: Str,
    serif: Str,
    sans_serif: Str,
    line_width: Str,
    narrow: Str,
    normal: Str,
    wide: Str,
    theme: Str,
    theme_auto: Str,
    theme_light: Str,
    theme_sepia: Str,
    theme_dark: Str,

    // Listen: reading the article aloud.
    listen: Str,
    listen_player: Str,
    listen_previous: Str,
    listen_pause: Str,
    listen_next: Str,
    listen_rate: Str,
    listen_started: Str,
    listen_paused: Str,
    listen_resumed: Str,
    listen_stopped: Str,
    listen_finished: Str,
    listen_nothing_left: Str,
    listen_failed: Str,

    // Why an article did not load (crates/web/src/api.rs).
    retry: Str,
    error_no_source_title: Str,
    error_no_source: Str,
    error_bad_address_title: Str,
    error_bad_address: Str,
    error_not_found_title: Str,
    error_not_found: Str,
    error_http_title: Str,
    error_http: Str,
    error_network_title: Str,
    error_network: Str,
    error_cors_title: Str,
    error_cors: Str,
    error_timeout_title: Str,
    error_timeout: Str,
    error_offline_title: Str,
    error_offline: Str,
    error_format_title: Str,
    error_format: Str,
}

#[cfg(test)]
mod tests;
