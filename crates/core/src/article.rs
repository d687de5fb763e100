//! Article format v1: the model and its parser.
//!
//! Parsing is tolerant where it can be — unknown fields are ignored, optional
//! fields default, unknown block types are skipped with a warning — and precise
//! where it can't: every error names the JSON path of the offending value
//! (`body[3].image.src: expected a string, found a number`).
//!
//! The format is documented in `docs/article-format.md` and described by the
//! JSON Schema in `public/schema/article-v1.json`.

use crate::limits::{self, MAX_BLOCKS, MAX_FILE_BYTES, MAX_JSON_DEPTH, thousands};
use serde_json::{Map, Value};
use std::fmt;

/// The only major version this viewer reads.
pub const SUPPORTED_MAJOR: u32 = 1;

#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub version: String,
    pub id: Option<String>,
    pub language: Option<String>,
    pub section: Option<String>,
    pub kicker: Option<String>,
    pub headline: String,
    pub dek: Option<String>,
    pub byline: Option<String>,
    pub authors: Vec<Author>,
    pub source: Option<Source>,
    pub published: Option<String>,
    pub updated: Option<String>,
    pub tags: Vec<String>,
    pub lead: Option<Figure>,
    pub body: Vec<Block>,
    pub related: Vec<Related>,
    pub comments: Option<Comments>,
    pub corrections: Vec<Correction>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Author {
    pub name: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub name: Option<String>,
    pub syndicated: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Text { markdown: String },
    Figure(Figure),
    Quote { text: String, cite: Option<String> },
    Heading { text: String, level: u8 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub image: Option<Image>,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub srcset: Vec<SrcsetEntry>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SrcsetEntry {
    pub src: String,
    pub width: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Related {
    pub title: String,
    pub url: String,
    pub summary: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comments {
    pub label: String,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Correction {
    pub date: Option<String>,
    pub text: String,
}

/// Why an article could not be read. `path` is a JSON path such as `body[3].image.src`
/// (empty for the document as a whole).
#[derive(Clone, Debug, PartialEq)]
pub struct FormatError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for FormatError {}

/// A successfully parsed article plus what was skipped on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub article: Article,
    /// Things the reader does not need to know but the publisher might:
    /// unknown block types, a missing version field.
    pub warnings: Vec<String>,
}

/// Parses an article file as it arrived: at most [`MAX_FILE_BYTES`] of UTF-8
/// JSON (a byte-order mark is allowed).
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, FormatError> {
    parse(decode_text(bytes)?)
}

/// The text of a JSON file: refuses files over [`MAX_FILE_BYTES`] and bytes that are
/// not UTF-8 (rather than showing replacement characters in the article).
pub fn decode_text(bytes: &[u8]) -> Result<&str, FormatError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(bytes.len()));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        FormatError::root(format!(
            "the file is not UTF-8 text (invalid bytes at byte {})",
            thousands(e.valid_up_to())
        ))
    })
}

/// The error for a file over [`MAX_FILE_BYTES`]; `bytes` is its size when known.
pub fn too_large(bytes: usize) -> FormatError {
    let known = if bytes > MAX_FILE_BYTES {
        format!(" ({})", limits::size(bytes))
    } else {
        String::new()
    };
    FormatError::root(format!(
        "the file is too large{known}: Broadsheet reads files of up to {}",
        limits::size(MAX_FILE_BYTES)
    ))
}

/// Parses article JSON text.
pub fn parse(text: &str) -> Result<Parsed, FormatError> {
    let trimmed = text.trim_start_matches('\u{feff}');
    if trimmed.trim().is_empty() {
        return Err(FormatError::root("the file is empty"));
    }
    let value: Value = serde_json::from_str(trimmed).map_err(|e| {
        FormatError::root(format!(
            "not valid JSON ({} at line {}, column {})",
            describe_json_error(&e),
            e.line(),
            e.column()
        ))
    })?;
    from_value(&value)
}

fn describe_json_error(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => "the text ends too early".into(),
        _ if e.to_string().starts_with("recursion limit exceeded") => {
            format!("it is nested more than {MAX_JSON_DEPTH} levels deep")
        }
        _ => {
            // serde_json appends " at line L column C"; we print those ourselves.
            let s = e.to_string();
            match s.rfind(" at line ") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// Parses an already-decoded JSON value.
pub fn from_value(value: &Value) -> Result<Parsed, FormatError> {
    let mut warnings = Vec::new();
    let root = Obj::new(value, String::new())?;

    let version = match root.opt_str("version")? {
        Some(v) => {
            check_version(&v).map_err(|m| FormatError::at("version", m))?;
            v
        }
        None => {
            warnings.push("no \"version\" field; reading it as format 1.0".into());
            "1.0".into()
        }
    };

    let headline = root.req_str("headline")?;
    if headline.trim().is_empty() {
        return Err(FormatError::at("headline", "must not be empty"));
    }

    let body_path = root.child("body");
    let body_items = match root.get("body") {
        Some(Value::Array(items)) => items,
        Some(other) => return Err(type_error(&body_path, "an array of blocks", other)),
        None => return Err(FormatError::at("body", "is required (an array of blocks)")),
    };
    if body_items.len() > MAX_BLOCKS {
        return Err(FormatError::at(
            "body",
            format!(
                "has {} blocks; Broadsheet shows articles of up to {} blocks",
                thousands(body_items.len()),
                thousands(MAX_BLOCKS)
            ),
        ));
    }
    let mut body = Vec::with_capacity(body_items.len());
    for (i, item) in body_items.iter().enumerate() {
        let path = format!("{body_path}[{i}]");
        if let Some(block) = parse_block(item, &path, &mut warnings)? {
            body.push(block);
        }
    }

    let language = root.opt_str("language")?;
    let published = root.opt_date("published")?;
    let updated = root.opt_date("updated")?;

    Ok(Parsed {
        article: Article {
            version,
            id: root.opt_str("id")?,
            language,
            section: root.opt_str("section")?,
            kicker: root.opt_str("kicker")?,
            headline,
            dek: root.opt_str("dek")?,
            byline: root.opt_str("byline")?,
            authors: root.opt_array("authors", |v, p| {
                let o = Obj::new(v, p)?;
                Ok(Author {
                    name: o.req_str("name")?,
                    url: o.opt_str("url")?,
                })
            })?,
            source: root.opt_object("source", |o| {
                Ok(Source {
                    name: o.opt_str("name")?,
                    syndicated: o.opt_bool("syndicated")?.unwrap_or(false),
                })
            })?,
            published,
            updated,
            tags: root.opt_array("tags", |v, p| as_str(v, &p))?,
            lead: root.opt_object("lead", parse_figure)?,
            body,
            related: root.opt_array("related", |v, p| {
                let o = Obj::new(v, p)?;
                Ok(Related {
                    title: o.req_str("title")?,
                    url: o.req_str("url")?,
                    summary: o.opt_str("summary")?,
                })
            })?,
            comments: root.opt_object("comments", |o| {
                Ok(Comments {
                    label: o
                        .opt_str("label")?
                        .unwrap_or_else(|| "Leave a comment".into()),
                    url: o.opt_str("url")?,
                })
            })?,
            corrections: root.opt_array("corrections", |v, p| {
                let o = Obj::new(v, p)?;
                Ok(Correction {
                    date: o.opt_date("date")?,
                    text: o.req_str("text")?,
                })
            })?,
        },
        warnings,
    })
}

/// Accepts "1", "1.0", "1.2.3"; refuses other majors with a message a reader understands.
fn check_version(v: &str) -> Result<(), String> {
    let well_formed = v
        .split('.')
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
    match v.split('.').next().map(str::parse::<u32>) {
        Some(Ok(SUPPORTED_MAJOR)) if well_formed => Ok(()),
        Some(Ok(other)) if well_formed => Err(format!(
            "this article uses format version {v} (major version {other}); this viewer reads version {SUPPORTED_MAJOR}.x"
        )),
        _ => Err(format!("\"{v}\" is not a version number like \"1.0\"")),
    }
}

fn parse_block(
    value: &Value,
    path: &str,
    warnings: &mut Vec<String>,
) -> Result<Option<Block>, FormatError> {
    let o = Obj::new(value, path.to_string())?;
    let kind = o.req_str("type")?;
    let block = match kind.as_str() {
        "text" => Block::Text {
            markdown: o.req_str("markdown")?,
        },
        "figure" => Block::Figure(parse_figure(&o)?),
        "quote" => Block::Quote {
            text: o.req_str("text")?,
            cite: o.opt_str("cite")?,
        },
        "heading" => Block::Heading {
            text: o.req_str("text")?,
            level: match o.opt_u32("level")? {
                // The headline is the page's only <h1>; body headings live at 2–4.
                None => 2,
                Some(l) => l.clamp(2, 4) as u8,
            },
        },
        other => {
            warnings.push(format!("{path}: unknown block type \"{other}\" skipped"));
            return Ok(None);
        }
    };
    Ok(Some(block))
}

fn parse_figure(o: &Obj) -> Result<Figure, FormatError> {
    Ok(Figure {
        image: o.opt_object("image", |img| {
            let srcset = img.opt_array("srcset", |v, p| {
                let e = Obj::new(v, p)?;
                Ok(SrcsetEntry {
                    src: e.req_str("src")?,
                    width: e.req_u32("width")?,
                })
            })?;
            Ok(Image {
                src: img.req_str("src")?,
                alt: img.opt_str("alt")?.unwrap_or_default(),
                width: img.opt_u32("width")?.filter(|w| *w > 0),
                height: img.opt_u32("height")?.filter(|h| *h > 0),
                srcset,
            })
        })?,
        caption: o.opt_str("caption")?,
        credit: o.opt_str("credit")?,
    })
}

/// True for an ISO 8601 calendar date (`2011-03-01`) or date-time
/// (`2011-03-01T14:05`, seconds, fractions and a `Z` or `±hh:mm` offset optional).
pub fn is_iso8601(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(u32::MAX);
    if b.len() < 10
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
    {
        return false;
    }
    let (month, day) = (num(5..7), num(8..10));
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(num(0..4), month) {
        return false;
    }
    if b.len() == 10 {
        return true;
    }
    // Time part: Thh:mm[:ss[.fff]][Z|±hh:mm]
    if !(b[10] == b'T' || b[10] == b't' || b[10] == b' ') || b.len() < 16 {
        return false;
    }
    if !digits(11..13) || b[13] != b':' || !digits(14..16) || num(11..13) > 23 || num(14..16) > 59 {
        return false;
    }
    let mut i = 16;
    if b.get(i) == Some(&b':') {
        if !digits(i + 1..i + 3) || num(i + 1..i + 3) > 60 {
            return false;
        }
        i += 3;
        if b.get(i) == Some(&b'.') {
            let start = i + 1;
            i = start;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if i == start {
                return false;
            }
        }
    }
    match &b[i..] {
        [] | [b'Z'] | [b'z'] => true,
        [sign, ..] if (*sign == b'+' || *sign == b'-') && b.len() == i + 6 => {
            digits(i + 1..i + 3)
                && b[i + 3] == b':'
                && digits(i + 4..i + 6)
                && num(i + 1..i + 3) <= 23
        }
        _ => false,
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FormatError {
    fn root(message: impl Into<String>) -> Self {
        FormatError {
            path: String::new(),
            message: message.into(),
        }
    }
    fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        FormatError {
            path: path.into(),
            message: message.into(),
        }
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn type_error(path: &str, expected: &str, found: &Value) -> FormatError {
    FormatError::at(
        path,
        format!("expected {expected}, found {}", kind_of(found)),
    )
}

fn as_str(v: &Value, path: &str) -> Result<String, FormatError> {
    v.as_str()
        .map(str::to_owned)
        .ok_or_else(|| type_error(path, "a string", v))
}

/// A JSON object together with its path, with typed, path-reporting accessors.
/// `null` counts as absent everywhere.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    fn new(value: &'a Value, path: String) -> Result<Self, FormatError> {
        match value {
            Value::Object(map) => Ok(Obj { map, path }),
            other if path.is_empty() => Err(FormatError::root(format!(
                "an article must be a JSON object; expected an object, found {}",
                kind_of(other)
            ))),
            other => Err(type_error(&path, "an object", other)),
        }
    }

    fn child(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// An optional string; blank counts as absent.
    fn opt_str(&self, key: &str) -> Result<Option<String>, FormatError> {
        Ok(self
            .get(key)
            .map(|v| as_str(v, &self.child(key)))
            .transpose()?
            .filter(|s| !s.trim().is_empty()))
    }

    fn req_str(&self, key: &str) -> Result<String, FormatError> {
        self.get(key)
            .map(|v| as_str(v, &self.child(key)))
            .transpose()?
            .ok_or_else(|| FormatError::at(self.child(key), "is required (a string)"))
    }

    fn opt_date(&self, key: &str) -> Result<Option<String>, FormatError> {
        let value = self.opt_str(key)?;
        match value {
            Some(d) if !is_iso8601(d.trim()) => Err(FormatError::at(
                self.child(key),
                format!(
                    "\"{d}\" is not an ISO 8601 date such as 2011-03-01 or 2011-03-01T14:05:00Z"
                ),
            )),
            other => Ok(other.map(|d| d.trim().to_string())),
        }
    }

    fn opt_bool(&self, key: &str) -> Result<Option<bool>, FormatError> {
        self.get(key)
            .map(|v| {
                v.as_bool()
                    .ok_or_else(|| type_error(&self.child(key), "true or false", v))
            })
            .transpose()
    }

    fn opt_u32(&self, key: &str) -> Result<Option<u32>, FormatError> {
        self.get(key)
            .map(|v| {
                v.as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .or_else(|| {
                        v.as_f64()
                            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= u32::MAX as f64)
                            .map(|f| f as u32)
                    })
                    .ok_or_else(|| type_error(&self.child(key), "a whole number ≥ 0", v))
            })
            .transpose()
    }

    fn req_u32(&self, key: &str) -> Result<u32, FormatError> {
        self.opt_u32(key)?
            .ok_or_else(|| FormatError::at(self.child(key), "is required (a whole number)"))
    }

    fn opt_object<T>(
        &self,
        key: &str,
        f: impl FnOnce(&Obj<'a>) -> Result<T, FormatError>,
    ) -> Result<Option<T>, FormatError> {
        self.get(key)
            .map(|v| f(&Obj::new(v, self.child(key))?))
            .transpose()
    }

    fn opt_array<T>(
        &self,
        key: &str,
        mut f: impl FnMut(&'a Value, String) -> Result<T, FormatError>,
    ) -> Result<Vec<T>, FormatError> {
        let path = self.child(key);
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| f(v, format!("{path}[{i}]")))
                .collect(),
            Some(other) => Err(type_error(&path, "an array", other)),
        }
    }
}

impl Article {
    /// The writing direction for the article's language.
    pub fn direction(&self) -> Direction {
        self.language
            .as_deref()
            .map_or(Direction::Auto, direction_of)
    }
}

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

    const SAMPLE: &str = include_str!("../../../public/articles/iran-diplomat-defects-2011.json");

    fn err(json: &str) -> String {
        parse(json).unwrap_err().to_string()
    }

    fn minimal(extra: &str) -> String {
        format!(
            r#"{{"version":"1.0","headline":"H","body":[{{"type":"text","markdown":"x"}}]{extra}}}"#
        )
    }

    #[test]
    fn the_sample_parses_unchanged() {
        let p = parse(SAMPLE).unwrap();
        let a = &p.article;
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        assert_eq!(a.id.as_deref(), Some("iran-diplomat-defects-2011"));
        assert_eq!(
            a.headline,
            "Former Iran diplomat: Iran leaders would slaughter people in a revolt"
        );
        assert_eq!(a.byline.as_deref(), Some("By News Agencies"));
        assert_eq!(a.published.as_deref(), Some("2011-03-01"));
        assert_eq!(a.body.len(), 5);
        assert_eq!(a.tags.len(), 5);
        let figures: Vec<_> = a
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Figure(f) => Some(f),
                _ => None,
            })
            .collect();
        assert_eq!(figures.len(), 2);
        assert!(figures.iter().all(|f| f.image.is_none()));
        assert_eq!(figures[1].credit.as_deref(), Some("AP Photo / Ben Curtis"));
        assert_eq!(a.related.len(), 4);
        assert_eq!(a.related[2].summary, None);
        let c = a.comments.as_ref().unwrap();
        assert_eq!(
            (c.label.as_str(), c.url.as_deref()),
            ("Leave a comment", None)
        );
        assert_eq!(a.direction(), Direction::Ltr);
    }

    #[test]
    fn wrong_types_name_the_json_path() {
        let json = r#"{"version":"1.0","headline":"H","body":[
            {"type":"text","markdown":"a"},{"type":"text","markdown":"b"},{"type":"text","markdown":"c"},
            {"type":"figure","image":{"src":3}}]}"#;
        assert_eq!(
            err(json),
            "body[3].image.src: expected a string, found a number"
        );
        assert_eq!(
            err(&minimal(r#","related":[{"title":"t"}]"#)),
            "related[0].url: is required (a string)"
        );
        assert_eq!(
            err(&minimal(r#","tags":"Iran""#)),
            "tags: expected an array, found a string"
        );
        assert_eq!(
            err(&minimal(r#","authors":[{"name":"A","url":false}]"#)),
            "authors[0].url: expected a string, found true/false"
        );
        assert_eq!(
            err(
                r#"{"headline":"H","body":[{"type":"figure","image":{"src":"a.jpg","srcset":[{"src":"b.jpg","width":"640w"}]}}]}"#
            ),
            "body[0].image.srcset[0].width: expected a whole number ≥ 0, found a string"
        );
    }

    #[test]
    fn required_fields_are_required() {
        assert_eq!(err(r#"{"body":[]}"#), "headline: is required (a string)");
        assert_eq!(
            err(r#"{"headline":"  ","body":[]}"#),
            "headline: must not be empty"
        );
        assert_eq!(
            err(r#"{"headline":"H"}"#),
            "body: is required (an array of blocks)"
        );
        assert_eq!(
            err(r#"{"headline":"H","body":{}}"#),
            "body: expected an array of blocks, found an object"
        );
        assert_eq!(
            err(r#"{"headline":"H","body":[{"markdown":"x"}]}"#),
            "body[0].type: is required (a string)"
        );
        assert_eq!(
            err(r#"{"headline":"H","body":["x"]}"#),
            "body[0]: expected an object, found a string"
        );
    }

    #[test]
    fn versions() {
        assert!(
            err(&minimal("").replace("1.0", "2.0"))
                .starts_with("version: this article uses format version 2.0")
        );
        assert_eq!(
            err(&minimal("").replace("\"1.0\"", "\"one\"")),
            "version: \"one\" is not a version number like \"1.0\""
        );
        assert_eq!(
            err(&minimal("").replace("\"1.0\"", "1")),
            "version: expected a string, found a number"
        );
        assert!(parse(&minimal("").replace("1.0", "1.7.2")).is_ok());
        for bad in ["1.", "+1", "1.x", "1..2", " 1.0"] {
            assert!(
                err(&minimal("").replace("1.0", bad)).starts_with("version: "),
                "{bad}"
            );
        }
        let p = parse(r#"{"headline":"H","body":[]}"#).unwrap();
        assert_eq!(p.article.version, "1.0");
        assert_eq!(p.warnings.len(), 1);
    }

    #[test]
    fn tolerant_where_it_can_be() {
        let p = parse(
            r#"{"version":"1.3","headline":"H","extra":{"anything":[1,2]},"dek":null,
            "body":[{"type":"video","src":"x.mp4"},{"type":"heading","text":"Deep","level":9},{"type":"heading","text":"Default"}],
            "comments":{}}"#,
        )
        .unwrap();
        assert_eq!(
            p.warnings,
            vec!["body[0]: unknown block type \"video\" skipped".to_string()]
        );
        assert_eq!(
            p.article.body,
            vec![
                Block::Heading {
                    text: "Deep".into(),
                    level: 4
                },
                Block::Heading {
                    text: "Default".into(),
                    level: 2
                }
            ]
        );
        assert_eq!(p.article.dek, None);
        assert_eq!(
            parse(&minimal(r#","dek":"  ","section":"""#))
                .unwrap()
                .article
                .section,
            None
        );
        assert_eq!(p.article.comments.unwrap().label, "Leave a comment");
    }

    #[test]
    fn not_json_at_all() {
        assert_eq!(err(""), "the file is empty");
        assert_eq!(err("  \n"), "the file is empty");
        assert!(
            err("<!doctype html><html>")
                .starts_with("not valid JSON (expected value at line 1, column 1)")
        );
        assert!(
            err(r#"{"headline":"H","body":[{"ty"#)
                .starts_with("not valid JSON (the text ends too early")
        );
        assert_eq!(
            err("[1,2]"),
            "an article must be a JSON object; expected an object, found an array"
        );
    }

    #[test]
    fn dates() {
        for ok in [
            "2011-03-01",
            "2024-02-29",
            "2011-03-01T14:05",
            "2011-03-01T14:05:09Z",
            "2011-03-01T14:05:09.123+05:30",
        ] {
            assert!(is_iso8601(ok), "{ok}");
        }
        for bad in [
            "2011-3-1",
            "2023-02-29",
            "2011-13-01",
            "March 1, 2011",
            "2011-03-01T25:00",
            "2011-03-01T14:05+5",
            "",
        ] {
            assert!(!is_iso8601(bad), "{bad}");
        }
        assert_eq!(
            err(&minimal(r#","published":"1 March 2011""#)),
            "published: \"1 March 2011\" is not an ISO 8601 date such as 2011-03-01 or 2011-03-01T14:05:00Z"
        );
    }

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

    #[test]
    fn files_over_the_limits_are_refused_with_a_reason() {
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        assert_eq!(
            parse_bytes(&big).unwrap_err().to_string(),
            "the file is too large (5 MB): Broadsheet reads files of up to 5 MB"
        );
        let latin1 = b"{\"headline\":\"Caf\xe9\",\"body\":[]}";
        assert_eq!(
            parse_bytes(latin1).unwrap_err().to_string(),
            "the file is not UTF-8 text (invalid bytes at byte 16)"
        );
        let blocks = vec![r#"{"type":"text","markdown":"x"}"#; MAX_BLOCKS + 1].join(",");
        let doc = format!(r#"{{"headline":"H","body":[{blocks}]}}"#);
        assert_eq!(
            parse(&doc).unwrap_err().to_string(),
            "body: has 5,001 blocks; Broadsheet shows articles of up to 5,000 blocks"
        );
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(
            parse(&deep)
                .unwrap_err()
                .to_string()
                .contains("nested more than 128 levels deep")
        );
        let bom = "\u{feff}{\"headline\":\"H\",\"body\":[]}";
        assert_eq!(parse_bytes(bom.as_bytes()).unwrap().article.headline, "H");
    }
}
