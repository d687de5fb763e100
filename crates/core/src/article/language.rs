//! Writing direction ([`Direction`]) from a BCP 47 language tag.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
    Auto,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
            Direction::Auto => "auto",
        }
    }
}

/// Writing direction of a BCP 47 tag: right-to-left when its script subtag is one
/// written that way (Arabic, Hebrew, Thaana, Syriac, N'Ko, Adlam, Hanifi Rohingya,
/// Mandaic, Samaritan), or, with no script subtag, when the language's usual script is.
pub fn direction_of(tag: &str) -> Direction {
    const RTL_SCRIPTS: &[&str] = &[
        "arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr",
    ];
    const RTL_LANGUAGES: &[&str] = &[
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "lrc", "mzn", "pnb", "ps", "sd", "ug",
        "ur", "yi",
    ];
    let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
    let mut subtags = lower.split('-');
    let primary = subtags.next().unwrap_or("");
    if primary.is_empty() {
        return Direction::Auto;
    }
    // The script subtag is the first four-letter one, before any extension (a single letter).
    let script = subtags
        .take_while(|s| s.len() > 1)
        .find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()));
    let rtl = match script {
        Some(script) => RTL_SCRIPTS.contains(&script),
        None => RTL_LANGUAGES.contains(&primary),
    };
    if rtl { Direction::Rtl } else { Direction::Ltr }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_follows_language() {
        assert_eq!(direction_of("ar"), Direction::Rtl);
        assert_eq!(direction_of("he-IL"), Direction::Rtl);
        assert_eq!(direction_of("fa"), Direction::Rtl);
        assert_eq!(direction_of("az-Arab"), Direction::Rtl);
        assert_eq!(direction_of("en-GB"), Direction::Ltr);
        assert_eq!(direction_of("ar-Latn"), Direction::Ltr);
        assert_eq!(direction_of("zh-Hans"), Direction::Ltr);
        assert_eq!(direction_of("en-u-nu-arab"), Direction::Ltr);
        assert_eq!(direction_of("ku-Arab-IQ"), Direction::Rtl);
        assert_eq!(direction_of(""), Direction::Auto);
    }
}
