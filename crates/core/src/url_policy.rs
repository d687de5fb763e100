//! The one place that decides which URLs from an article may become live.
//!
//! Every link, image, srcset entry, related link, author URL and comments URL goes
//! through [`link`] or [`image`]. The decision is made on a de-obfuscated copy —
//! HTML entities decoded, whitespace and control characters removed, scheme case
//! folded — so `JaVa&#x53;cript:`, `java\tscript:` and friends are caught.
//!
//! - Links: `http`, `https`, `mailto` and relative URLs.
//! - Images: `http`, `https` and relative URLs.
//!
//! Anything else returns `None`: the caller renders the text without a URL.
//! What passes is a [`SafeUrl`], the only kind of URL a `Page` holds.

use std::fmt;

/// A URL that passed this policy, cleaned for use as an attribute value. Only
/// [`link`] and [`image`] make one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SafeUrl(String);

impl SafeUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// Any string, unchecked: for tests of the checks that catch a bad URL.
    #[cfg(any(test, feature = "testing"))]
    pub fn unchecked(url: &str) -> SafeUrl {
        SafeUrl(url.to_string())
    }
}

impl std::ops::Deref for SafeUrl {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for SafeUrl {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for SafeUrl {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A URL allowed as the target of a link.
pub fn link(raw: &str) -> Option<SafeUrl> {
    allow(raw, &["http", "https", "mailto"])
}

/// A URL allowed as an image source.
pub fn image(raw: &str) -> Option<SafeUrl> {
    allow(raw, &["http", "https"])
}

fn allow(raw: &str, schemes: &[&str]) -> Option<SafeUrl> {
    let decoded = decode_entities(raw);
    // What the browser would see once it drops controls and whitespace inside the scheme.
    let squeezed: String = decoded
        .chars()
        .filter(|c| !is_invisible(*c) && !c.is_whitespace())
        .collect();
    if squeezed.is_empty() {
        return None;
    }
    match scheme_of(&squeezed) {
        Some(s) if !schemes.contains(&s.to_ascii_lowercase().as_str()) => return None,
        _ => {}
    }
    // A backslash-led URL is read as protocol-relative by browsers; allow only real relatives.
    if squeezed.starts_with("\\\\") || squeezed.starts_with("/\\") {
        return None;
    }
    Some(SafeUrl(encode(decoded.trim())))
}

/// The URL as written, minus invisible characters, percent-encoded the way
/// CommonMark renders a destination: ASCII letters, digits, the URL delimiters
/// and existing `%XX` escapes stay; every other character becomes the `%XX` of
/// its UTF-8 bytes. So a no-break space is `%C2%A0` (not a plain space) and a
/// backslash is `%5C` (which browsers would otherwise read as `/`).
fn encode(url: &str) -> String {
    let bytes = url.as_bytes();
    let mut out = String::with_capacity(url.len());
    for (i, c) in url.char_indices() {
        if is_invisible(c) {
            continue;
        }
        let escape_follows = bytes.len() > i + 2
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit();
        if c.is_ascii_alphanumeric()
            || "-_.!~*'();/?:@&=+$,#".contains(c)
            || (c == '%' && escape_follows)
        {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The scheme of a URL, if it has one, as the URL standard reads it: a letter,
/// then letters, digits, `+`, `-` or `.`, then `:`. Anything else before the
/// first `:` makes the URL relative (`foo):` is a path).
fn scheme_of(url: &str) -> Option<&str> {
    let scheme = &url[..url.find(':')?];
    let mut chars = scheme.chars();
    (chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
        )
}

/// Decodes numeric character references and the named ones that matter for
/// schemes (`&colon;`, `&Tab;`, `&NewLine;`, `&amp;` …). Repeats so `&amp;#106;` cannot
/// sneak a second layer through.
fn decode_entities(s: &str) -> String {
    let mut current = s.to_string();
    for _ in 0..4 {
        let next = decode_once(&current);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

fn decode_once(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let after = &rest[1..];
        // Numeric references end at the first non-digit; named ones at the first non-alphanumeric.
        let (len, decoded) = if let Some(num) = after.strip_prefix('#') {
            let (hex, digits) = match num.strip_prefix(['x', 'X']) {
                Some(h) => (true, h),
                None => (false, num),
            };
            let n = digits
                .find(|c: char| {
                    !(if hex {
                        c.is_ascii_hexdigit()
                    } else {
                        c.is_ascii_digit()
                    })
                })
                .unwrap_or(digits.len());
            let value = u32::from_str_radix(&digits[..n], if hex { 16 } else { 10 }).ok();
            (
                1 + usize::from(hex) + n,
                value.map(|v| char::from_u32(v).unwrap_or('\u{fffd}')),
            )
        } else {
            let n = after
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(after.len());
            let c = match &after[..n] {
                "colon" => Some(':'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                "amp" | "AMP" => Some('&'),
                "sol" => Some('/'),
                "lpar" => Some('('),
                "rpar" => Some(')'),
                "period" => Some('.'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                _ => None,
            };
            (n, c)
        };
        let end = 1 + len;
        match decoded {
            Some(c) => {
                out.push(c);
                let consumed = if rest[end..].starts_with(';') {
                    end + 1
                } else {
                    end
                };
                rest = &rest[consumed..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The host of an absolute http(s) URL, without `www.`, for "example.org" labels.
pub fn display_domain(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| url.strip_prefix("//"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_urls_pass_unchanged() {
        for url in [
            "https://en.wikipedia.org/wiki/Mir-Hossein_Mousavi",
            "http://example.org/a?b=c#d",
            "mailto:desk@example.org",
            "other-article.json",
            "../images/a.jpg",
            "/articles/x.json",
            "#fn-1",
            "//cdn.example.org/a.jpg",
            "https://en.wikipedia.org/wiki/2011%E2%80%932012_Iranian_protests",
        ] {
            assert_eq!(link(url).as_deref(), Some(url), "{url}");
        }
        assert_eq!(image("../images/a.jpg").as_deref(), Some("../images/a.jpg"));
        assert_eq!(
            link(" https://example.org/a b ").as_deref(),
            Some("https://example.org/a%20b")
        );
    }

    #[test]
    fn urls_point_where_commonmark_says() {
        // `)` cannot be part of a scheme: `foo):` is a relative path.
        assert_eq!(link("foo):").as_deref(), Some("foo):"));
        assert_eq!(link("a/b:c").as_deref(), Some("a/b:c"));
        // Unicode spaces and quotes are encoded as their UTF-8 bytes, not as a
        // plain space.
        assert_eq!(
            link("/url\u{a0}\"title\"").as_deref(),
            Some("/url%C2%A0%22title%22")
        );
        // A backslash would be read as `/` by browsers.
        assert_eq!(link("foo\\bar").as_deref(), Some("foo%5Cbar"));
        assert_eq!(
            link("https://de.example/Ägypten?q=ü").as_deref(),
            Some("https://de.example/%C3%84gypten?q=%C3%BC")
        );
        // Existing escapes stay; a lone % is escaped.
        assert_eq!(link("a%20b%zz").as_deref(), Some("a%20b%25zz"));
    }

    #[test]
    fn dangerous_schemes_are_refused_however_written() {
        for url in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\u{0}script:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
            "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
            "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)",
            "javascript&colon;alert(1)",
            "&amp;#106;avascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "\u{200b}javascript:alert(1)",
            "file:///etc/passwd",
            "\\\\evil.example/x",
        ] {
            assert_eq!(link(url), None, "{url:?}");
            assert_eq!(image(url), None, "{url:?}");
        }
        assert_eq!(image("mailto:a@b.c"), None);
        assert_eq!(image("data:image/png;base64,AAAA"), None);
        assert_eq!(link(""), None);
        assert_eq!(link("   "), None);
    }

    #[test]
    fn domains_for_labels() {
        assert_eq!(
            display_domain("https://en.wikipedia.org/wiki/X").as_deref(),
            Some("en.wikipedia.org")
        );
        assert_eq!(
            display_domain("https://www.Example.org:8080/x").as_deref(),
            Some("example.org")
        );
        assert_eq!(
            display_domain("https://user@host.example/x").as_deref(),
            Some("host.example")
        );
        assert_eq!(display_domain("other.json"), None);
    }
}
