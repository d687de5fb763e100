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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
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

impl Settings {
    /// Reads stored settings; anything unreadable falls back to the defaults field by field.
    pub fn from_json(text: &str) -> Settings {
        let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
        let field = |k: &str| value.get(k).cloned().unwrap_or_default();
        let d = Settings::default();
        Settings {
            size: serde_json::from_value::<u8>(field("size"))
                .ok()
                .filter(|s| *s < SIZE_STEPS)
                .unwrap_or(d.size),
            font: serde_json::from_value(field("font")).unwrap_or(d.font),
            width: serde_json::from_value(field("width")).unwrap_or(d.width),
            theme: serde_json::from_value(field("theme")).unwrap_or(d.theme),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The root-element attributes that apply these settings.
    pub fn attributes(&self) -> [(&'static str, String); 4] {
        [
            ("data-size", self.size.to_string()),
            ("data-font", name(&self.font)),
            ("data-width", name(&self.width)),
            ("data-theme", name(&self.theme)),
        ]
    }
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Sepia, Theme::Dark];

    /// A theme by its name (`"sepia"`), as in settings, `data-theme` and the
    /// embed's `theme` parameter.
    pub fn parse(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == name)
    }

    pub fn name(self) -> String {
        name(&self)
    }
}

fn name<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(Theme::parse(&theme.name()), Some(theme));
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
        assert_eq!(listed("font"), [Font::Serif, Font::Sans].map(|f| name(&f)));
        assert_eq!(
            listed("width"),
            [Width::Narrow, Width::Normal, Width::Wide].map(|w| name(&w))
        );
        assert!(
            boot.contains(&format!("'{STORAGE_KEY}'"))
                || boot.contains(&format!("\"{STORAGE_KEY}\"")),
            "boot.js reads the settings from {STORAGE_KEY}"
        );
    }
}
