//! What the command line overrides or fills in, the same for every format.
//!
//! `--related` takes `URL=TITLE` or `URL=TITLE=SUMMARY`: the value is split at
//! its first `=` and then at the next one, so a title cannot hold `=` but a
//! summary can. A URL that holds `=` itself (a query string) is written in angle
//! brackets: `<https://example.org/?p=1>=TITLE`.

use crate::{ImportError, slug};
use broadsheet_core::article::{Article, Related, Source, is_iso8601};
use url::Url;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    pub id: Option<String>,
    pub section: Option<String>,
    pub language: Option<String>,
    /// Replaces the input's tags when not empty.
    pub tags: Vec<String>,
    /// Replaces the input's related links when not empty.
    pub related: Vec<Related>,
    pub published: Option<String>,
    pub updated: Option<String>,
    /// The source's name (`source.name`).
    pub source: Option<String>,
    /// Marks the article as syndicated from the source (`source.syndicated`).
    pub syndicated: bool,
    /// The address relative URLs are resolved against, over the input's own.
    pub base: Option<String>,
}

impl Options {
    /// The `--base` address, checked.
    pub fn base_url(&self) -> Result<Option<Url>, ImportError> {
        self.base
            .as_deref()
            .map(|b| {
                Url::parse(b).map_err(|e| {
                    ImportError::at("--base", format!("{b:?} is not an absolute URL ({e})"))
                })
            })
            .transpose()
    }

    /// Checks the values a flag gives before any input is read.
    pub fn check(&self) -> Result<(), ImportError> {
        for (flag, date) in [
            ("--published", &self.published),
            ("--updated", &self.updated),
        ] {
            if let Some(d) = date
                && !is_iso8601(d)
            {
                return Err(ImportError::at(
                    flag,
                    format!("{d:?} is not an ISO 8601 date like 2011-03-01 or 2011-03-01T14:05Z"),
                ));
            }
        }
        if let Some(id) = &self.id
            && slug::id_for(id) != *id
        {
            return Err(ImportError::at(
                "--id",
                format!(
                    "{id:?} is not an id: use at most {} of a-z, 0-9 and \"-\" (e.g. {:?})",
                    slug::MAX_ID,
                    slug::id_for(id)
                ),
            ));
        }
        self.base_url().map(|_| ())
    }

    /// Overrides and fills in `article`'s fields, and gives it an id when it has
    /// none. With `several` articles (a feed), `--id` is not applied: each keeps
    /// its own.
    pub fn apply(&self, article: &mut Article, several: bool) {
        let m = &mut article.meta;
        let set = |field: &mut Option<String>, value: &Option<String>| {
            if value.is_some() {
                field.clone_from(value);
            }
        };
        if !several {
            set(&mut m.id, &self.id);
        }
        set(&mut m.section, &self.section);
        set(&mut m.language, &self.language);
        set(&mut m.published, &self.published);
        set(&mut m.updated, &self.updated);
        if !self.tags.is_empty() {
            m.tags.clone_from(&self.tags);
        }
        if self.source.is_some() || self.syndicated {
            let source = m.source.get_or_insert(Source {
                name: None,
                syndicated: false,
            });
            if self.source.is_some() {
                source.name.clone_from(&self.source);
            }
            source.syndicated |= self.syndicated;
        }
        if !self.related.is_empty() {
            article.related.clone_from(&self.related);
        }
        let m = &mut article.meta;
        let id =
            m.id.as_deref()
                .filter(|id| !slug::slugify(id).is_empty())
                .map(slug::id_for);
        m.id = Some(id.unwrap_or_else(|| slug::id_for(&m.headline)));
    }
}

/// Reads one `--related` value: `URL=TITLE`, `URL=TITLE=SUMMARY`, or with the URL
/// in angle brackets when it holds `=`.
pub fn parse_related(value: &str) -> Result<Related, String> {
    let (url, rest) = match value.strip_prefix('<') {
        Some(bracketed) => {
            let (url, rest) = bracketed
                .split_once('>')
                .ok_or_else(|| format!("{value:?}: the URL's \"<\" has no \">\""))?;
            let rest = rest
                .strip_prefix('=')
                .ok_or_else(|| format!("{value:?}: expected \"=TITLE\" after \"<URL>\""))?;
            (url, rest)
        }
        None => value
            .split_once('=')
            .ok_or_else(|| format!("{value:?}: expected URL=TITLE (or URL=TITLE=SUMMARY)"))?,
    };
    let (title, summary) = match rest.split_once('=') {
        Some((title, summary)) => (title, crate::non_empty(summary)),
        None => (rest, None),
    };
    let url = url.trim();
    if broadsheet_core::url_policy::link(url).is_none() || url.is_empty() {
        return Err(format!("{value:?}: {url:?} is not a link Broadsheet shows"));
    }
    let title = crate::non_empty(title).ok_or_else(|| format!("{value:?}: the title is empty"))?;
    Ok(Related {
        title,
        url: url.to_string(),
        summary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_values() {
        let r = parse_related(
            "https://en.wikipedia.org/wiki/Mehdi_Karroubi=Mehdi Karroubi=Former speaker; a = b",
        )
        .unwrap();
        assert_eq!(r.url, "https://en.wikipedia.org/wiki/Mehdi_Karroubi");
        assert_eq!(r.title, "Mehdi Karroubi");
        assert_eq!(r.summary.as_deref(), Some("Former speaker; a = b"));
        let r = parse_related("<https://example.org/?p=1&q=2>=A page").unwrap();
        assert_eq!(
            (r.url.as_str(), r.title.as_str(), r.summary),
            ("https://example.org/?p=1&q=2", "A page", None)
        );
        assert!(parse_related("https://example.org/").is_err());
        assert!(parse_related("javascript:alert(1)=x").is_err());
        assert!(parse_related("https://example.org/= ").is_err());
        assert!(parse_related("<https://example.org/=x").is_err());
    }

    #[test]
    fn flags_are_checked() {
        let bad = Options {
            published: Some("March 1".into()),
            ..Options::default()
        };
        assert!(
            bad.check()
                .unwrap_err()
                .to_string()
                .starts_with("--published: ")
        );
        let bad = Options {
            id: Some("Not A Slug".into()),
            ..Options::default()
        };
        assert!(bad.check().unwrap_err().to_string().contains("not-a-slug"));
        let bad = Options {
            base: Some("/relative".into()),
            ..Options::default()
        };
        assert!(bad.check().is_err());
    }
}
