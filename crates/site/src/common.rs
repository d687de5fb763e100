//! What several outputs share: the description, the picture, the authors,
//! absolute URLs, and escaping for XML and for a `<script>`.

use crate::site::{PublishedArticle, Site};
use broadsheet_core::html;
use broadsheet_core::markdown::plain_text;
use broadsheet_core::page::{Content, Page, PageFigure, PageImage};
use broadsheet_core::url_policy::SafeUrl;
use url::Url;

/// The most characters of body text used as a description when there is no dek.
pub(crate) const DESCRIPTION_CHARS: usize = 160;

/// A field's text, trimmed, or `None` when blank.
pub(crate) fn text(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|s| !s.is_empty())
}

/// The dek, or else the start of the body's text (at most 160 characters, cut at
/// a word, with `…`).
pub(crate) fn description(page: &Page) -> Option<String> {
    if let Some(dek) = text(page.meta.dek.as_deref()) {
        return Some(dek.to_string());
    }
    let mut words = String::new();
    for item in &page.body {
        if let Content::Node(node) = &item.content {
            words.push_str(&plain_text(std::slice::from_ref(node)));
            words.push(' ');
        }
    }
    let words: Vec<&str> = words.split_whitespace().collect();
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        let more = if out.is_empty() { 0 } else { 1 } + word.chars().count();
        // Leave room for the ellipsis unless this is the last word.
        let room = if i + 1 == words.len() { 0 } else { 1 };
        if out.chars().count() + more + room > DESCRIPTION_CHARS {
            if out.is_empty() {
                out = word.chars().take(DESCRIPTION_CHARS - 1).collect();
            }
            out.push('…');
            return Some(out);
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then_some(out)
}

/// The article's picture: the lead figure's, or else the first body figure's
/// that has one.
pub(crate) fn picture(page: &Page) -> Option<(&PageFigure, &PageImage)> {
    figures(page).find_map(|f| f.image.as_ref().map(|image| (f, image)))
}

/// The lead figure, then the body's figures, in order.
pub(crate) fn figures(page: &Page) -> impl Iterator<Item = &PageFigure> {
    page.lead
        .iter()
        .chain(page.body.iter().filter_map(|item| match &item.content {
            Content::Figure(f) => Some(f),
            _ => None,
        }))
}

/// A URL the policy passed (an image, or a link where a web page is expected,
/// such as an author's), made absolute against the article JSON's URL: http(s) only.
pub(crate) fn http_url(base: &Url, url: &SafeUrl) -> Option<Url> {
    base.join(url.as_str())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
}

/// Who wrote the article, for the outputs that name people: `authors`, or without
/// them the byline as one name (minus a leading "By ").
pub(crate) struct Writer {
    pub name: String,
    pub url: Option<Url>,
    /// Named from a byline that is the article's source ("By News Agencies"):
    /// an organization, not a person.
    pub organization: bool,
}

pub(crate) fn writers(page: &Page, json_url: &Url) -> Vec<Writer> {
    let authors: Vec<Writer> = page
        .authors
        .iter()
        .filter(|a| !a.name.trim().is_empty())
        .map(|a| Writer {
            name: a.name.trim().to_string(),
            url: a.href.as_ref().and_then(|h| http_url(json_url, h)),
            organization: false,
        })
        .collect();
    if !authors.is_empty() {
        return authors;
    }
    let Some(name) = text(page.meta.byline.as_deref()).map(byline_name) else {
        return Vec::new();
    };
    let source = page
        .meta
        .source
        .as_ref()
        .and_then(|s| text(s.name.as_deref()));
    vec![Writer {
        name: name.to_string(),
        url: None,
        organization: source == Some(name),
    }]
}

/// "By Jo Bloggs" → "Jo Bloggs".
pub(crate) fn byline_name(byline: &str) -> &str {
    let byline = byline.trim();
    match byline.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") && byline.len() > 3 => byline[3..].trim_start(),
        _ => byline,
    }
}

/// "A", "A and B", "A, B and C".
pub(crate) fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The article's language tag, trimmed, if it has one.
pub(crate) fn language(page: &Page) -> Option<&str> {
    text(page.meta.language.as_deref())
}

/// The one escape for everything written here, HTML and XML alike: `s` as text or
/// as a double-quoted attribute value ([`broadsheet_core::html::escape`]), without
/// the characters XML 1.0 forbids ([`legal`]).
pub(crate) fn escape(s: &str) -> String {
    html::escape(&legal(s))
}

/// `s` without the characters XML 1.0 does not allow — controls other than tab,
/// newline and carriage return; U+FFFE and U+FFFF — which HTML counts as errors too.
pub(crate) fn legal(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            !((c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}'))
        })
        .collect()
}

/// JSON for inside `<script type="application/ld+json">`: see [`script_data`].
pub(crate) fn script_json(value: &serde_json::Value) -> String {
    script_data(&serde_json::to_string(value).expect("a JSON value always serializes"))
}

/// JSON text made safe inside a `<script>` element (JSON-LD, or the article data
/// of a pre-rendered page): `<`, `>` and `&` as `\u003c` …, so nothing in it can
/// end the script or open a comment, and U+2028 and U+2029 escaped too. In valid
/// JSON these characters only occur inside strings, where the escapes mean the same.
pub fn script_data(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The article's absolute addresses.
pub(crate) struct Addresses {
    pub page: Url,
    pub json: Url,
}

impl Addresses {
    pub fn of(site: &Site, article: &PublishedArticle) -> Addresses {
        Addresses {
            page: article.url(site),
            json: article.json_url(site),
        }
    }
}

/// An image's media type from its file name, for Atom's `enclosure` (which should
/// say what it links to); `None` when the extension is not a known picture format.
pub(crate) fn image_type(url: &Url) -> Option<&'static str> {
    let name = url.path().rsplit('/').next()?;
    let (_, extension) = name.rsplit_once('.')?;
    Some(match extension.to_ascii_lowercase().as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use broadsheet_core::{article, page};

    fn page_of(json: &str) -> Page {
        page::build(&article::parse(json).unwrap().article)
    }

    #[test]
    fn description_is_the_dek_or_the_start_of_the_text() {
        let p = page_of(r#"{"headline":"H","dek":"  The dek. ","body":[]}"#);
        assert_eq!(description(&p).as_deref(), Some("The dek."));
        let p = page_of(
            r##"{"headline":"H","body":[{"type":"heading","text":"Skip me"},{"type":"text","markdown":"Short *text*\nhere."}]}"##,
        );
        assert_eq!(description(&p).as_deref(), Some("Short text here."));
        let long = "word ".repeat(100);
        let p = page_of(&format!(
            r#"{{"headline":"H","body":[{{"type":"text","markdown":"{long}"}}]}}"#
        ));
        let d = description(&p).unwrap();
        assert!(d.ends_with("word…"), "{d}");
        assert!(d.chars().count() <= DESCRIPTION_CHARS, "{d}");
        let p = page_of(&format!(
            r#"{{"headline":"H","body":[{{"type":"text","markdown":"{}"}}]}}"#,
            "x".repeat(300)
        ));
        assert_eq!(description(&p).unwrap().chars().count(), DESCRIPTION_CHARS);
        assert_eq!(description(&page_of(r#"{"headline":"H","body":[]}"#)), None);
    }

    #[test]
    fn bylines_and_names() {
        assert_eq!(byline_name("By News Agencies"), "News Agencies");
        assert_eq!(byline_name("by Jo"), "Jo");
        assert_eq!(byline_name("Byron Smith"), "Byron Smith");
        assert_eq!(byline_name("By"), "By");
        assert_eq!(byline_name("بقلم سلمى"), "بقلم سلمى");
        assert_eq!(join_names(&["A"]), "A");
        assert_eq!(join_names(&["A", "B"]), "A and B");
        assert_eq!(join_names(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn escape_drops_what_xml_forbids() {
        assert_eq!(
            escape("a\u{0}b\u{1b}c\td\ne\u{fffe}<&>\"'"),
            "abc\td\ne&lt;&amp;&gt;&quot;'"
        );
    }

    #[test]
    fn script_json_cannot_end_the_script() {
        let v = serde_json::json!({"a": "</script><!-- & \u{2028}\u{2029}"});
        let s = script_json(&v);
        assert!(!s.contains(['<', '>', '&', '\u{2028}', '\u{2029}']), "{s}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&s).unwrap(), v);
    }

    #[test]
    fn image_types_from_extensions() {
        let t = |u: &str| image_type(&Url::parse(u).unwrap());
        assert_eq!(t("https://a.example/x.JPG"), Some("image/jpeg"));
        assert_eq!(t("https://a.example/x.png?v=2"), Some("image/png"));
        assert_eq!(t("https://a.example/image"), None);
        assert_eq!(t("https://a.example/x.tiff"), None);
    }
}
