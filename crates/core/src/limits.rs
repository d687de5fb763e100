//! What Broadsheet refuses or shortens, so no input can make it hang, run out of
//! memory or build a page too big to scroll. Each limit ends in a message a
//! reader can understand (see `docs/article-format.md`, "Limits").

/// Largest article or library file read, in bytes (after decompression). A
/// larger answer is refused as soon as it is known to be larger, without
/// reading the rest.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// Most blocks in an article's `body`. More is refused.
pub const MAX_BLOCKS: usize = 5_000;

/// Most cells shown per Markdown table. Further rows are left out, and a note
/// under the table says so.
pub const MAX_TABLE_CELLS: usize = 5_000;

/// Deepest Markdown element nesting kept. Deeper structure (quotes in lists in
/// quotes…) is flattened into its parent: every word is still shown.
pub const MAX_DEPTH: usize = 24;

/// Deepest JSON nesting read (serde_json's own limit); deeper is refused.
pub const MAX_JSON_DEPTH: usize = 128;

/// Seconds a load may go without receiving anything before it is abandoned.
pub const LOAD_TIMEOUT_SECONDS: u32 = 20;

/// `12345` → `"12,345"`, for messages.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A byte count for people, in binary units (1 KB = 1,024 bytes):
/// `5242880` → `"5 MB"`, `1536` → `"1.5 KB"`. The one formatter for every
/// size shown (limits, saved articles, storage use).
pub fn size(bytes: usize) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    let text = format!("{value:.1}");
    format!("{} {}", text.trim_end_matches(".0"), UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_messages() {
        assert_eq!(thousands(5), "5");
        assert_eq!(thousands(5000), "5,000");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(size(MAX_FILE_BYTES), "5 MB");
        assert_eq!(size(1536), "1.5 KB");
        assert_eq!(size(12), "12 bytes");
    }
}
