//! The site's address and name, where each file lives on it, and the articles
//! published there (each with a slug that is safe as a path segment).

use broadsheet_core::i18n::Locale;
use broadsheet_core::library::Entry;
use broadsheet_core::page::Page;
use url::Url;

/// The published site: its absolute address and its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// Absolute http(s), no query or fragment; the path ends with `/`.
    url: Url,
    name: String,
    /// The interface language the publisher fixed, whatever the article's or
    /// the reader's (`broadsheet build --ui-lang`).
    ui_lang: Option<Locale>,
}

impl Site {
    /// The address used when the publisher has not set one: where `trunk serve`
    /// serves the site by default. Set the real address once with the environment
    /// variable `BROADSHEET_SITE_URL`, which `broadsheet build` reads and passes
    /// to [`Site::new`].
    pub const DEFAULT_ADDRESS: &'static str = "http://127.0.0.1:8080/";

    /// The site at `address` (absolute http or https; a missing trailing `/` is
    /// added, so `https://a.example/news` is the folder `news/`), called `name`.
    pub fn new(address: &str, name: &str) -> Result<Site, String> {
        let address = address.trim();
        let mut url = Url::parse(address).map_err(|e| {
            format!("the site address {address:?} is not an absolute URL such as https://news.example/ ({e})")
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(format!(
                "the site address {address:?} must start with http:// or https://"
            ));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(format!(
                "the site address {address:?} must not have a query (?…) or fragment (#…)"
            ));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(format!(
                "the site address {address:?} must not contain a user name or password"
            ));
        }
        if !url.path().ends_with('/') {
            let path = format!("{}/", url.path());
            url.set_path(&path);
        }
        let name = name.trim();
        if name.is_empty() {
            return Err("the site name must not be empty".into());
        }
        Ok(Site {
            url,
            name: name.to_string(),
            ui_lang: None,
        })
    }

    /// The site with its interface fixed to the language `tag` (`fr`, `ar`…),
    /// one Broadsheet has; `None` or blank: chosen per article and reader.
    pub fn with_ui_lang(self, tag: Option<&str>) -> Result<Site, String> {
        let Some(tag) = tag.map(str::trim).filter(|t| !t.is_empty()) else {
            return Ok(self);
        };
        let locale = Locale::from_tag(tag).ok_or_else(|| {
            let known: Vec<_> = Locale::ALL.iter().map(|l| l.code()).collect();
            format!(
                "the interface language {tag:?} is not one Broadsheet has ({})",
                known.join(", ")
            )
        })?;
        Ok(Site {
            ui_lang: Some(locale),
            ..self
        })
    }

    /// The interface language the publisher fixed, if any.
    pub fn ui_lang(&self) -> Option<Locale> {
        self.ui_lang
    }

    /// The interface language of pages that are not an article's (the
    /// library): the fixed one, else English.
    pub fn locale(&self) -> Locale {
        self.ui_lang.unwrap_or_default()
    }

    /// The site's address, ending with `/`.
    pub fn url(&self) -> &Url {
        &self.url
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// `{site}articles/{slug}/`: the published page of an article.
    pub fn article_url(&self, slug: &str) -> Url {
        self.at(&["articles", slug, ""])
    }

    /// `{site}articles/{src}`: the article's JSON, `src` being its path relative to
    /// `articles/` (as in `articles/index.json`). Relative URLs in the article
    /// resolve against this one.
    pub fn article_json_url(&self, src: &str) -> Url {
        let mut segments = vec!["articles"];
        segments.extend(src.split('/'));
        self.at(&segments)
    }

    /// `{site}articles/{slug}/oembed.json`.
    pub fn oembed_url(&self, slug: &str) -> Url {
        self.at(&["articles", slug, "oembed.json"])
    }

    /// `{site}feed.xml`, the Atom feed.
    pub fn atom_url(&self) -> Url {
        self.at(&["feed.xml"])
    }

    /// `{site}feed.json`, the JSON Feed.
    pub fn json_feed_url(&self) -> Url {
        self.at(&["feed.json"])
    }

    /// `{site}sitemap.xml`.
    pub fn sitemap_url(&self) -> Url {
        self.at(&["sitemap.xml"])
    }

    /// `{site}embed?src=…`: the viewer's iframe mode showing the article at `json_url`
    /// (see docs/embedding.md).
    pub fn embed_url(&self, json_url: &Url) -> Url {
        let mut url = self.at(&["embed"]);
        url.query_pairs_mut().append_pair("src", json_url.as_str());
        url
    }

    /// Where the viewer opens an article JSON, as its own links do: the article's
    /// page `{site}articles/<name>/` for `{site}articles/<name>.json`, else
    /// `{site}read?src=…`, written relative to the site when it is on it.
    pub fn viewer_url(&self, json_url: &Url) -> Url {
        let src = json_url
            .as_str()
            .strip_prefix(self.url.as_str())
            .unwrap_or(json_url.as_str());
        if let Some(name) = src
            .strip_prefix("articles/")
            .and_then(|rest| rest.strip_suffix(".json"))
            .filter(|name| name != &"index" && check_slug(name).is_ok())
        {
            return self.article_url(name);
        }
        let mut url = self.at(&["read"]);
        url.query_pairs_mut().append_pair("src", src);
        url
    }

    /// The site's address with `segments` appended, each percent-encoded as a
    /// path segment (a trailing `""` makes a folder).
    fn at(&self, segments: &[&str]) -> Url {
        let mut url = self.url.clone();
        url.path_segments_mut()
            .expect("an http(s) URL has a path")
            .pop_if_empty()
            .extend(segments);
        url
    }
}

/// The longest slug accepted.
pub const MAX_SLUG: usize = 100;

/// Checks that `slug` is safe as a folder name and a URL path segment everywhere:
/// 1 to 100 ASCII letters, digits, `-`, `_` and `.`, not starting with `.`.
pub fn check_slug(slug: &str) -> Result<(), String> {
    if slug.is_empty() {
        return Err("the slug is empty".into());
    }
    if slug.len() > MAX_SLUG {
        return Err(format!(
            "the slug {slug:?} is {} characters long; the limit is {MAX_SLUG}",
            slug.len()
        ));
    }
    if slug.starts_with('.') {
        return Err(format!("the slug {slug:?} must not start with \".\""));
    }
    if let Some(c) = slug
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!(
            "the slug {slug:?} contains {c:?}: use only ASCII letters, digits, \"-\", \"_\" and \".\""
        ));
    }
    Ok(())
}

/// The slug an index entry is published under, `articles/<slug>/`: its `id`, or
/// without one the file name of `src` minus its extension. Refused (with the
/// entry's `src` in the message) unless [`check_slug`] accepts it.
pub fn slug_for(entry: &Entry) -> Result<String, String> {
    let slug = match entry
        .id
        .as_deref()
        .map(str::trim)
        .filter(|id| !id.is_empty())
    {
        Some(id) => id.to_string(),
        None => {
            let file = entry.src.rsplit(['/', '\\']).next().unwrap_or_default();
            match file.rsplit_once('.') {
                Some((stem, _)) if !stem.is_empty() => stem.to_string(),
                _ => file.to_string(),
            }
        }
    };
    check_slug(&slug).map_err(|e| format!("{}: {e}", entry.src))?;
    Ok(slug)
}

/// Checks that no two slugs name the same folder, also on file systems that
/// ignore case.
pub fn check_unique<'s>(slugs: impl IntoIterator<Item = &'s str>) -> Result<(), String> {
    let mut seen = std::collections::HashMap::new();
    for slug in slugs {
        if let Some(first) = seen.insert(slug.to_ascii_lowercase(), slug) {
            return Err(if first == slug {
                format!("two articles have the slug {slug:?}: give one of them another id")
            } else {
                format!(
                    "the slugs {first:?} and {slug:?} differ only in case, so they would share a folder: give one of them another id"
                )
            });
        }
    }
    Ok(())
}

/// An article as published: its slug, where its JSON is, and its page.
///
/// Only the [`Page`] is needed, not the `Article`: it has the article's plain-text
/// fields as they are, and every URL already checked by the core's policy.
#[derive(Clone, Copy, Debug)]
pub struct PublishedArticle<'a> {
    slug: &'a str,
    src: &'a str,
    page: &'a Page,
}

impl<'a> PublishedArticle<'a> {
    /// The article whose JSON is at `articles/{src}` (a relative path such as
    /// `iran-diplomat-defects-2011.json` or `2024/a.json`, as in
    /// `articles/index.json`), published at `articles/{slug}/`.
    pub fn new(slug: &'a str, src: &'a str, page: &'a Page) -> Result<Self, String> {
        check_slug(slug)?;
        check_src(src)?;
        Ok(PublishedArticle { slug, src, page })
    }

    pub fn slug(&self) -> &'a str {
        self.slug
    }

    /// The JSON's path relative to `articles/`.
    pub fn src(&self) -> &'a str {
        self.src
    }

    pub fn page(&self) -> &'a Page {
        self.page
    }

    /// `{site}articles/{slug}/`.
    pub fn url(&self, site: &Site) -> Url {
        site.article_url(self.slug)
    }

    /// `{site}articles/{src}`.
    pub fn json_url(&self, site: &Site) -> Url {
        site.article_json_url(self.src)
    }
}

/// A path below `articles/`: segments separated by `/`, none empty, `.` or `..`,
/// with no scheme, query, fragment or backslash.
fn check_src(src: &str) -> Result<(), String> {
    let refuse = |why: &str| Err(format!("the article file {src:?} {why}"));
    if src.is_empty() {
        return refuse("has no name");
    }
    if src.contains(['\\', ':', '?', '#']) || src.chars().any(char::is_control) {
        return refuse(
            "must be a plain path relative to articles/ (no \\, :, ?, # or control characters)",
        );
    }
    if src
        .split('/')
        .any(|segment| segment.is_empty() || segment == "." || segment == "..")
    {
        return refuse("must be a path inside articles/ (no leading /, no //, . or ..)");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(src: &str, id: Option<&str>) -> Entry {
        Entry {
            src: src.into(),
            id: id.map(Into::into),
            headline: "H".into(),
            dek: None,
            published: None,
            language: None,
            minutes: 1,
        }
    }

    #[test]
    fn site_addresses() {
        let site = Site::new("https://news.example", "News").unwrap();
        assert_eq!(site.url().as_str(), "https://news.example/");
        let site = Site::new(" https://a.example/news ", " News ").unwrap();
        assert_eq!(site.url().as_str(), "https://a.example/news/");
        assert_eq!(site.name(), "News");
        assert_eq!(
            site.article_url("x").as_str(),
            "https://a.example/news/articles/x/"
        );
        assert_eq!(
            site.article_json_url("2024/a b.json").as_str(),
            "https://a.example/news/articles/2024/a%20b.json"
        );
        assert_eq!(
            site.oembed_url("x").as_str(),
            "https://a.example/news/articles/x/oembed.json"
        );
        assert_eq!(site.atom_url().as_str(), "https://a.example/news/feed.xml");
        assert_eq!(
            site.json_feed_url().as_str(),
            "https://a.example/news/feed.json"
        );
        assert_eq!(
            site.sitemap_url().as_str(),
            "https://a.example/news/sitemap.xml"
        );
        let json = site.article_json_url("a.json");
        assert_eq!(
            site.embed_url(&json).as_str(),
            "https://a.example/news/embed?src=https%3A%2F%2Fa.example%2Fnews%2Farticles%2Fa.json"
        );
        assert_eq!(
            site.viewer_url(&json).as_str(),
            "https://a.example/news/articles/a/"
        );
        assert_eq!(
            site.viewer_url(&site.article_json_url("2024/b.json"))
                .as_str(),
            "https://a.example/news/read?src=articles%2F2024%2Fb.json"
        );
        let default = Site::new(Site::DEFAULT_ADDRESS, "Broadsheet").unwrap();
        assert_eq!(default.url().as_str(), "http://127.0.0.1:8080/");
    }

    #[test]
    fn bad_site_addresses_are_refused() {
        for bad in [
            "news.example",
            "/articles/",
            "ftp://news.example/",
            "javascript:alert(1)",
            "https://news.example/?a=b",
            "https://news.example/#top",
            "https://user:pw@news.example/",
            "",
        ] {
            assert!(Site::new(bad, "N").is_err(), "{bad:?}");
        }
        assert!(Site::new("https://news.example/", "  ").is_err());
    }

    #[test]
    fn slugs_are_path_segments() {
        for ok in [
            "iran-diplomat-defects-2011",
            "A_b.c",
            "x",
            &"a".repeat(MAX_SLUG),
        ] {
            assert_eq!(check_slug(ok), Ok(()), "{ok:?}");
        }
        for bad in [
            "",
            ".hidden",
            "..",
            "a/b",
            "a\\b",
            "a b",
            "é",
            "a?b",
            "%2e",
            &"a".repeat(MAX_SLUG + 1),
        ] {
            assert!(check_slug(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn slug_from_id_or_file_name() {
        assert_eq!(
            slug_for(&entry("x.json", Some("the-id"))).as_deref(),
            Ok("the-id")
        );
        assert_eq!(
            slug_for(&entry("2024/night-shift.json", None)).as_deref(),
            Ok("night-shift")
        );
        assert_eq!(
            slug_for(&entry("2024/night-shift.json", Some("  "))).as_deref(),
            Ok("night-shift")
        );
        assert_eq!(slug_for(&entry("plain", None)).as_deref(), Ok("plain"));
        let err = slug_for(&entry("x.json", Some("../../etc"))).unwrap_err();
        assert!(err.starts_with("x.json: "), "{err}");
        assert!(slug_for(&entry("مقال.json", None)).is_err());
        assert!(slug_for(&entry(".json", None)).is_err());
    }

    #[test]
    fn slugs_must_differ_ignoring_case() {
        assert_eq!(check_unique(["a", "b", "c"]), Ok(()));
        assert!(check_unique(["a", "b", "a"]).unwrap_err().contains("\"a\""));
        assert!(
            check_unique(["Night", "night"])
                .unwrap_err()
                .contains("differ only in case")
        );
    }

    #[test]
    fn sources_stay_inside_articles() {
        let page = broadsheet_core::page::build(
            &broadsheet_core::article::parse(r#"{"headline":"H","body":[]}"#)
                .unwrap()
                .article,
        );
        assert!(PublishedArticle::new("a", "a.json", &page).is_ok());
        assert!(PublishedArticle::new("a", "2024/06/a.json", &page).is_ok());
        for bad in [
            "",
            "/a.json",
            "../a.json",
            "a/../../b.json",
            "a//b.json",
            "https://evil.example/a.json",
            "javascript:alert(1)",
            "a.json?x",
            "a\\b.json",
        ] {
            assert!(PublishedArticle::new("a", bad, &page).is_err(), "{bad:?}");
        }
        assert!(PublishedArticle::new("a/b", "a.json", &page).is_err());
    }
}
