//! The ids a page gives its parts, the targets of deep links (`#p12`), the
//! table of contents and footnote links. Every id is made here:
//!
//! - `p1, p2, …` paragraphs and other blocks, `fig1, …` figures;
//! - `h-<slug>` headings (unique, clear of the others);
//! - `fn-<n>` footnote `n`, and `fnref-<n>` its first reference.

/// The prefix of every heading's id.
pub const HEADING: &str = "h-";

/// Whether `anchor` is a heading's.
pub fn is_heading(anchor: &str) -> bool {
    anchor.starts_with(HEADING)
}

/// The id of footnote `number`.
pub fn footnote(number: usize) -> String {
    format!("fn-{number}")
}

/// The id of the first reference to footnote `number`, which the note links back to.
pub fn footnote_ref(number: usize) -> String {
    format!("fnref-{number}")
}

/// Hands out unique anchors: `p1, p2, …` for paragraphs and other blocks, `fig1, …`
/// for figures, and slugs for headings.
#[derive(Default)]
pub(crate) struct Anchors {
    paragraphs: usize,
    figures: usize,
    used: std::collections::HashSet<String>,
}

impl Anchors {
    pub(crate) fn next_paragraph(&mut self) -> String {
        self.paragraphs += 1;
        format!("p{}", self.paragraphs)
    }

    pub(crate) fn next_figure(&mut self) -> String {
        self.figures += 1;
        format!("fig{}", self.figures)
    }

    pub(crate) fn slug(&mut self, text: &str) -> String {
        let mut slug = String::new();
        for c in text.chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                slug.push(c);
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let slug = slug.trim_end_matches('-');
        // Keep clear of the p<n>/fig<n>/fn-<n> anchors and of empty or numeric ids.
        let base = if slug.is_empty() || slug.starts_with(|c: char| c.is_ascii_digit()) {
            format!("s-{slug}")
        } else {
            slug.chars().take(60).collect()
        };
        let mut candidate = format!("{HEADING}{base}");
        let mut n = 2;
        while !self.used.insert(candidate.clone()) {
            candidate = format!("{HEADING}{base}-{n}");
            n += 1;
        }
        candidate
    }
}
