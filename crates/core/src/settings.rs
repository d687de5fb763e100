//! Reader settings: text size, typeface, line width and theme.
//!
//! Stored as JSON under [`STORAGE_KEY`]. Applied as attributes on the root element
//! (`data-size`, `data-font`, `data-width`, `data-theme`) that the stylesheet reads;
//! `public/boot.js` applies the same attributes before the app starts, so the page
//! never flashes in the wrong theme.

use serde::{Deserialize, Serialize};

pub const STORAGE_KEY: &str = "broadsheet:v1:settings";

/// Text size steps; `2` is the default.
pub const SIZE_STEPS: u8 = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Font {
    Serif,
    Sans,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Width {
    Narrow,
    Normal,
    Wide,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Auto,
    Light,
    Sepia,
    Dark,
}

/// Read leniently from any serde format (serde_json natively, the browser's
/// `JSON.parse` in the app): each field that is missing, of the wrong type or out
/// of range falls back to its default, and the others are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Stored")]
pub struct Settings {
    pub size: u8,
    pub font: Font,
    pub width: Width,
    pub theme: Theme,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            size: 2,
            font: Font::Serif,
            width: Width::Normal,
            theme: Theme::Auto,
        }
    }
}

/// Settings as stored: every field optional and of any type.
#[derive(Deserialize)]
struct Stored {
    #[serde(default)]
    size: Maybe<u8>,
    #[serde(default)]
    font: Maybe<Font>,
    #[serde(default)]
    width: Maybe<Width>,
    #[serde(default)]
    theme: Maybe<Theme>,
}

impl From<Stored> for Settings {
    fn from(stored: Stored) -> Settings {
        let d = Settings::default();
        Settings {
            size: stored.size.0.filter(|s| *s < SIZE_STEPS).unwrap_or(d.size),
            font: stored.font.0.unwrap_or(d.font),
            width: stored.width.0.unwrap_or(d.width),
            theme: stored.theme.0.unwrap_or(d.theme),
        }
    }
}

/// A stored value that is a `T` if it reads as one, and anything else otherwise.
struct Maybe<T>(Option<T>);

impl<T> Default for Maybe<T> {
    fn default() -> Self {
        Maybe(None)
    }
}

/// What a stored field may be read from: a whole number, or a name.
trait Scalar: Sized {
    fn from_number(_: u64) -> Option<Self> {
        None
    }
    fn from_name(_: &str) -> Option<Self> {
        None
    }
}

impl Scalar for u8 {
    fn from_number(n: u64) -> Option<u8> {
        u8::try_from(n).ok()
    }
}

impl<'de, T: Scalar> Deserialize<'de> for Maybe<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
        struct Any<T>(std::marker::PhantomData<T>);
        impl<'de, T: Scalar> Visitor<'de> for Any<T> {
            type Value = Maybe<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any value")
            }
            fn visit_u64<E>(self, n: u64) -> Result<Maybe<T>, E> {
                Ok(Maybe(T::from_number(n)))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Maybe<T>, E> {
                Ok(Maybe(u64::try_from(n).ok().and_then(T::from_number)))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Maybe<T>, E> {
                // A whole number, as a JavaScript number arrives.
                let whole = n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&n);
                Ok(Maybe(whole.then(|| T::from_number(n as u64)).flatten()))
            }
            fn visit_str<E>(self, s: &str) -> Result<Maybe<T>, E> {
                Ok(Maybe(T::from_name(s)))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Maybe<T>, E> {
                Ok(Maybe(None))
            }
            fn visit_unit<E>(self) -> Result<Maybe<T>, E> {
                Ok(Maybe(None))
            }
            fn visit_none<E>(self) -> Result<Maybe<T>, E> {
                Ok(Maybe(None))
            }
            fn visit_some<D2: serde::Deserializer<'de>>(
                self,
                d: D2,
            ) -> Result<Maybe<T>, D2::Error> {
                d.deserialize_any(self)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Maybe<T>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Maybe(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Maybe<T>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Maybe(None))
            }
        }
        d.deserialize_any(Any(std::marker::PhantomData))
    }
}

/// The names of a setting's values, as stored and in `data-*` attributes.
macro_rules! named {
    ($($type:ident { $($value:ident = $name:literal),+ })+) => {$(
        impl $type {
            pub fn name(self) -> &'static str {
                match self { $($type::$value => $name),+ }
            }
        }
        impl Scalar for $type {
            fn from_name(name: &str) -> Option<$type> {
                match name { $($name => Some($type::$value),)+ _ => None }
            }
        }
    )+};
}

named! {
    Font { Serif = "serif", Sans = "sans" }
    Width { Narrow = "narrow", Normal = "normal", Wide = "wide" }
    Theme { Auto = "auto", Light = "light", Sepia = "sepia", Dark = "dark" }
}

impl Settings {
    /// The root-element attributes that apply these settings.
    pub fn attributes(&self) -> [(&'static str, String); 4] {
        [
            ("data-size", self.size.to_string()),
            ("data-font", self.font.name().to_string()),
            ("data-width", self.width.name().to_string()),
            ("data-theme", self.theme.name().to_string()),
        ]
    }
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Sepia, Theme::Dark];

    /// A theme by its name (`"sepia"`), as in settings, `data-theme` and the
    /// embed's `theme` parameter.
    pub fn parse(name: &str) -> Option<Theme> {
        Theme::from_name(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stored form as the tests read and write it, natively (in the
    /// browser: crates/web/src/json.rs, with the same `Deserialize`).
    impl Settings {
        /// Reads stored settings; anything unreadable falls back to the defaults field by field.
        fn from_json(text: &str) -> Settings {
            serde_json::from_str(text).unwrap_or_default()
        }

        fn to_json(self) -> String {
            serde_json::to_string(&self).unwrap_or_default()
        }
    }

    #[test]
    fn round_trip_and_attributes() {
        let s = Settings {
            size: 4,
            font: Font::Sans,
            width: Width::Wide,
            theme: Theme::Sepia,
        };
        assert_eq!(Settings::from_json(&s.to_json()), s);
        assert_eq!(
            s.attributes(),
            [
                ("data-size", "4".to_string()),
                ("data-font", "sans".to_string()),
                ("data-width", "wide".to_string()),
                ("data-theme", "sepia".to_string())
            ]
        );
    }

    #[test]
    fn bad_values_fall_back_field_by_field() {
        assert_eq!(Settings::from_json(""), Settings::default());
        assert_eq!(Settings::from_json("{corrupt"), Settings::default());
        assert_eq!(Settings::from_json("7"), Settings::default());
        let odd = Settings::from_json(
            r#"{"size":"big","font":["sans"],"width":{"w":1},"theme":null,"extra":true}"#,
        );
        assert_eq!(odd, Settings::default());
        assert_eq!(Settings::from_json(r#"{"size":3.0}"#).size, 3);
        assert_eq!(Settings::from_json(r#"{"size":-1}"#).size, 2);
        let s = Settings::from_json(r#"{"size":9,"font":"comic","width":"wide","theme":"dark"}"#);
        assert_eq!(
            s,
            Settings {
                size: 2,
                font: Font::Serif,
                width: Width::Wide,
                theme: Theme::Dark
            }
        );
    }

    #[test]
    fn themes_by_name() {
        for theme in Theme::ALL {
            assert_eq!(Theme::parse(theme.name()), Some(theme));
        }
        assert_eq!(Theme::parse("Sepia"), None);
        assert_eq!(Theme::parse(""), None);
    }

    /// `public/boot.js` applies the stored settings before the app runs, with its
    /// own list of the allowed values: it must be this module's.
    #[test]
    fn boot_script_allows_exactly_these_values() {
        let boot = include_str!("../../../public/boot.js");
        let listed = |key: &str| -> Vec<String> {
            let start = boot
                .find(&format!("{key}: ["))
                .unwrap_or_else(|| panic!("boot.js has no `{key}: [` list"));
            let list = &boot[start..];
            let list = &list[list.find('[').unwrap() + 1..list.find(']').unwrap()];
            list.split(',')
                .map(|v| v.trim().trim_matches(|c| c == '\'' || c == '"').to_string())
                .filter(|v| !v.is_empty())
                .collect()
        };
        assert_eq!(listed("theme"), Theme::ALL.map(Theme::name));
        assert_eq!(listed("font"), [Font::Serif, Font::Sans].map(Font::name));
        assert_eq!(
            listed("width"),
            [Width::Narrow, Width::Normal, Width::Wide].map(Width::name)
        );
        assert!(
            boot.contains(&format!("'{STORAGE_KEY}'"))
                || boot.contains(&format!("\"{STORAGE_KEY}\"")),
            "boot.js reads the settings from {STORAGE_KEY}"
        );
    }
}
