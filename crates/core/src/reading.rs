//! Reading-time estimates.
//!
//! Constants and their sources (also in `docs/article-format.md`):
//! - [`WORDS_PER_MINUTE`] = 238: the average silent reading rate of adults for
//!   non-fiction in English, from Brysbaert (2019), "How many words do we read per
//!   minute? A review and meta-analysis of reading rate", *Journal of Memory and
//!   Language* 109.
//! - [`CJK_CHARS_PER_MINUTE`] = 255: the mean rate for Chinese in the IReST study,
//!   Trauzettel-Klosinski & Dietz (2012), "Standardized assessment of reading
//!   performance: the new International Reading Speed Texts IReST", *IOVS* 53(9).
//!   Used for Han, Hiragana and Katakana characters, which are not separated by
//!   spaces. (Korean is written with spaces between words and counts as words.)
//! - [`SECONDS_PER_FIGURE`] = 10: time to look at a figure and read its caption,
//!   in line with what common publishing platforms add per image.

pub const WORDS_PER_MINUTE: f64 = 238.0;
pub const CJK_CHARS_PER_MINUTE: f64 = 255.0;
pub const SECONDS_PER_FIGURE: f64 = 10.0;

/// What there is to read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextCount {
    /// Space-separated words (tokens with at least one letter or digit).
    pub words: usize,
    /// Characters of scripts written without spaces between words.
    pub cjk_chars: usize,
    pub figures: usize,
}

impl TextCount {
    pub fn add_text(&mut self, text: &str) {
        for token in text.split_whitespace() {
            let mut has_other = false;
            for c in token.chars() {
                if is_cjk(c) {
                    self.cjk_chars += 1;
                } else if c.is_alphanumeric() {
                    has_other = true;
                }
            }
            if has_other {
                self.words += 1;
            }
        }
    }

    /// Estimated reading time in seconds.
    pub fn seconds(&self) -> f64 {
        self.words as f64 * 60.0 / WORDS_PER_MINUTE
            + self.cjk_chars as f64 * 60.0 / CJK_CHARS_PER_MINUTE
            + self.figures as f64 * SECONDS_PER_FIGURE
    }

    /// Whole minutes, rounded to nearest, never less than 1.
    pub fn minutes(&self) -> u32 {
        ((self.seconds() / 60.0).round() as u32).max(1)
    }
}

/// Minutes still to read after `progress` (0.0–1.0) of an article of `total` minutes,
/// rounded up so the last stretch never claims "0 min left" until the end.
pub fn minutes_left(total: u32, progress: f64) -> u32 {
    let progress = if progress.is_finite() {
        progress.clamp(0.0, 1.0)
    } else {
        0.0
    };
    (f64::from(total) * (1.0 - progress) - 1e-9).ceil().max(0.0) as u32
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'   // Hiragana, Katakana
        | '\u{3400}'..='\u{4dbf}' // CJK Extension A
        | '\u{4e00}'..='\u{9fff}' // CJK Unified Ideographs
        | '\u{f900}'..='\u{faff}' // CJK Compatibility Ideographs
        | '\u{20000}'..='\u{2fa1f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_and_cjk() {
        let mut c = TextCount::default();
        c.add_text("Iran’s leaders — would rather “slaughter” 32 years … ");
        assert_eq!(c.words, 7);
        c.add_text("日本語の文章です");
        assert_eq!(c.cjk_chars, 8);
        assert_eq!(c.words, 7);
        c.add_text("한국어 텍스트");
        assert_eq!((c.cjk_chars, c.words), (8, 9));
    }

    #[test]
    fn minutes() {
        let c = TextCount {
            words: 238 * 6,
            cjk_chars: 0,
            figures: 0,
        };
        assert_eq!(c.minutes(), 6);
        let c = TextCount {
            words: 10,
            cjk_chars: 0,
            figures: 0,
        };
        assert_eq!(c.minutes(), 1);
        let c = TextCount {
            words: 0,
            cjk_chars: 255 * 2,
            figures: 6,
        };
        assert_eq!(c.minutes(), 3);
    }

    #[test]
    fn minutes_left_counts_down() {
        assert_eq!(minutes_left(6, 0.0), 6);
        assert_eq!(minutes_left(6, 0.5), 3);
        assert_eq!(minutes_left(6, 0.99), 1);
        assert_eq!(minutes_left(6, 1.0), 0);
        assert_eq!(minutes_left(6, f64::NAN), 6);
        assert_eq!(minutes_left(6, 7.0), 0);
    }
}
