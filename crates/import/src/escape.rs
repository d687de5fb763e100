//! Plain text → Markdown that shows exactly that text.
//!
//! Every character the core's Markdown (CommonMark with tables, footnotes,
//! strikethrough, task lists, super- and subscript) could read as markup is
//! backslash-escaped, and so is what would start a block at the beginning of a
//! line (`#`, `-`, `+`, `=`, `1.`). So `<script>` stays the text `<script>` and
//! `&amp;` stays `&amp;`: the text was decoded once, by the HTML parser, and is
//! never decoded again.

/// `text` (one line, whitespace already collapsed) as inline Markdown.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '^' | '|' => {
                out.push('\\');
                out.push(c);
            }
            // An entity or numeric reference (`&amp;`, `&#60;`) would be decoded.
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            _ => out.push(c),
        }
    }
    out
}

/// Escapes what would start a block where a line of inline Markdown begins: a
/// heading (`#`), a list item (`-`, `+`, `1.`, `1)`), a setext underline or rule
/// (`=`, `-`). The rest of the line is already escaped by [`inline`].
pub fn line_start(line: &str) -> String {
    let first = line.chars().next();
    if matches!(first, Some('#' | '-' | '+' | '=')) {
        return format!("\\{line}");
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_string()
}

/// One paragraph of plain text as Markdown: [`inline`], then [`line_start`].
pub fn paragraph(text: &str) -> String {
    line_start(&inline(&crate::collapse(text)))
}

/// A link or image destination: the URL (already through the policy, so
/// percent-encoded without spaces or `<>`) with the characters Markdown would
/// read backslash-escaped.
pub fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if matches!(c, '(' | ')' | '&' | '\\' | '<' | '>' | ' ') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_stays_text() {
        assert_eq!(
            inline("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(inline("&amp; AT&T & co"), "\\&amp; AT\\&T & co");
        assert_eq!(
            inline("*a* _b_ [c](d) `e` ~f~ ^g^ | h"),
            "\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\~f\\~ \\^g\\^ \\| h"
        );
        assert_eq!(paragraph("# not a heading"), "\\# not a heading");
        assert_eq!(paragraph("1984. A year"), "1984\\. A year");
        assert_eq!(paragraph("- no list"), "\\- no list");
        assert_eq!(
            paragraph("  Iran’s “slaughter” … 1980-88  "),
            "Iran’s “slaughter” … 1980-88"
        );
    }
}
