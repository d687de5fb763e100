//! JSON → [`Article`]: the entry points ([`parse_bytes`], [`parse`], [`from_value`])
//! and how each part of the document is read.

use super::json::{Obj, as_str, type_error};
use super::{
    Article, Author, Block, Comments, Correction, Figure, FormatError, Image, Meta, Parsed,
    Related, SUPPORTED_MAJOR, Source, SrcsetEntry, decode_text,
};
use crate::limits::{MAX_BLOCKS, MAX_JSON_DEPTH, thousands};
use serde_json::Value;

/// Parses an article file as it arrived: at most
/// [`MAX_FILE_BYTES`](crate::limits::MAX_FILE_BYTES) of UTF-8 JSON (a byte-order
/// mark is allowed).
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, FormatError> {
    parse(decode_text(bytes)?)
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

    // In the order of the format's fields, so the first error reported is the first one.
    let id = root.opt_str("id")?;
    let section = root.opt_str("section")?;
    let kicker = root.opt_str("kicker")?;
    let dek = root.opt_str("dek")?;
    let byline = root.opt_str("byline")?;
    let authors = root.opt_array("authors", |v, p| {
        let o = Obj::new(v, p)?;
        Ok(Author {
            name: o.req_str("name")?,
            url: o.opt_str("url")?,
        })
    })?;
    let source = root.opt_object("source", |o| {
        Ok(Source {
            name: o.opt_str("name")?,
            syndicated: o.opt_bool("syndicated")?.unwrap_or(false),
        })
    })?;
    let tags = root.opt_array("tags", |v, p| as_str(v, &p))?;
    let lead = root.opt_object("lead", parse_figure)?;

    Ok(Parsed {
        article: Article {
            authors,
            lead,
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
            meta: Meta {
                version,
                id,
                language,
                section,
                kicker,
                headline,
                dek,
                byline,
                source,
                published,
                updated,
                tags,
                corrections: root.opt_array("corrections", |v, p| {
                    let o = Obj::new(v, p)?;
                    Ok(Correction {
                        date: o.opt_date("date")?,
                        text: o.req_str("text")?,
                    })
                })?,
            },
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Direction;
    use crate::article::test_support::{err, minimal};

    const SAMPLE: &str =
        include_str!("../../../../public/articles/iran-diplomat-defects-2011.json");

    #[test]
    fn the_sample_parses_unchanged() {
        let p = parse(SAMPLE).unwrap();
        let a = &p.article;
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        assert_eq!(a.meta.id.as_deref(), Some("iran-diplomat-defects-2011"));
        assert_eq!(
            a.meta.headline,
            "Former Iran diplomat: Iran leaders would slaughter people in a revolt"
        );
        assert_eq!(a.meta.byline.as_deref(), Some("By News Agencies"));
        assert_eq!(a.meta.published.as_deref(), Some("2011-03-01"));
        assert_eq!(a.body.len(), 5);
        assert_eq!(a.meta.tags.len(), 5);
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
        assert_eq!(a.meta.direction(), Direction::Ltr);
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
        assert_eq!(p.article.meta.version, "1.0");
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
        assert_eq!(p.article.meta.dek, None);
        assert_eq!(
            parse(&minimal(r#","dek":"  ","section":"""#))
                .unwrap()
                .article
                .meta
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
    fn documents_over_the_limits_are_refused_with_a_reason() {
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
        assert_eq!(
            parse_bytes(bom.as_bytes()).unwrap().article.meta.headline,
            "H"
        );
    }
}
