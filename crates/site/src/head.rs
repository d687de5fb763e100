//! The `<head>` of a published article page, and the attributes of its `<html>`.

use crate::common::{
    Addresses, description, escape, http_url, language, picture, script_json, text,
};
use crate::json_ld::json_ld;
use crate::site::{PublishedArticle, Site};
use broadsheet_core::page::Page;

/// The tags for the `<head>` of `articles/<slug>/index.html`, one a line:
///
/// - `<title>` "headline — site name", the meta description (the dek, or the start
///   of the text), the canonical link;
/// - Open Graph (`og:*`, with `og:locale` when the article has a language, and the
///   picture of the lead figure or else of the first body figure that has one) and
///   its `article:*` times, section and tags;
/// - the Twitter card (`summary_large_image` with a picture, else `summary`);
/// - the JSON-LD [`json_ld`] in `<script type="application/ld+json">`;
/// - discovery links for the Atom feed, the JSON Feed and the article's oEmbed.
///
/// Not included: `<meta charset>`, the viewport and the stylesheets, which belong
/// to the page template.
pub fn head(site: &Site, article: &PublishedArticle) -> String {
    let page = article.page();
    let meta = &page.meta;
    let at = Addresses::of(site, article);
    let headline = meta.headline.trim();
    let description = description(page);
    let mut tags = Tags::default();

    tags.line(format!(
        "<title>{} — {}</title>",
        escape(headline),
        escape(site.name())
    ));
    if let Some(d) = &description {
        tags.name("description", d);
    }
    tags.link("canonical", None, at.page.as_str(), None);

    tags.property("og:type", "article");
    tags.property("og:title", headline);
    if let Some(d) = &description {
        tags.property("og:description", d);
    }
    tags.property("og:url", at.page.as_str());
    tags.property("og:site_name", site.name());
    if let Some(locale) = language(page).and_then(og_locale) {
        tags.property("og:locale", &locale);
    }
    let image = picture(page).and_then(|(_, image)| Some((image, http_url(&at.json, &image.src)?)));
    if let Some((image, url)) = &image {
        tags.property("og:image", url.as_str());
        for (name, value) in [
            ("og:image:width", image.width),
            ("og:image:height", image.height),
        ] {
            if let Some(value) = value.filter(|v| *v > 0) {
                tags.property(name, &value.to_string());
            }
        }
        if let Some(alt) = text(Some(&image.alt)) {
            tags.property("og:image:alt", alt);
        }
    }
    if let Some(published) = text(meta.published.as_deref()) {
        tags.property("article:published_time", published);
    }
    if let Some(updated) = text(meta.updated.as_deref()) {
        tags.property("article:modified_time", updated);
    }
    if let Some(section) = text(meta.section.as_deref()) {
        tags.property("article:section", section);
    }
    for tag in meta.tags.iter().filter_map(|t| text(Some(t))) {
        tags.property("article:tag", tag);
    }

    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    tags.name("twitter:card", card);
    tags.name("twitter:title", headline);
    if let Some(d) = &description {
        tags.name("twitter:description", d);
    }
    if let Some((image, url)) = &image {
        tags.name("twitter:image", url.as_str());
        if let Some(alt) = text(Some(&image.alt)) {
            tags.name("twitter:image:alt", alt);
        }
    }

    tags.line(format!(
        "<script type=\"application/ld+json\">{}</script>",
        script_json(&json_ld(site, article))
    ));

    tags.feeds(site);
    tags.link(
        "alternate",
        Some("application/json+oembed"),
        site.oembed_url(article.slug()).as_str(),
        Some(headline),
    );
    tags.0
}

/// What the library page (`/`, the front page) says of itself: the title and
/// description its component sets ("Library — site name"), the canonical
/// link, Open Graph and Twitter summary tags of a website, and the feeds.
pub fn library_head(site: &Site) -> String {
    let text = site.locale().text();
    let title = format!("{} — {}", text.library_title, site.name());
    let description = text.library_description;
    let mut tags = Tags::default();
    tags.line(format!("<title>{}</title>", escape(&title)));
    tags.name("description", description);
    tags.link("canonical", None, site.url().as_str(), None);
    tags.property("og:type", "website");
    tags.property("og:title", site.name());
    tags.property("og:description", description);
    tags.property("og:url", site.url().as_str());
    tags.property("og:site_name", site.name());
    tags.name("twitter:card", "summary");
    tags.name("twitter:title", site.name());
    tags.name("twitter:description", description);
    tags.feeds(site);
    tags.0
}

/// The attributes for the page's `<html>` tag, with a leading space:
/// ` lang="ar" dir="rtl"`, or ` dir="auto"` for an article without a language
/// (as in the viewer, the browser then decides from the text).
pub fn html_attributes(page: &Page) -> String {
    let dir = page.dir.as_str();
    match language(page) {
        Some(lang) => format!(" lang=\"{}\" dir=\"{dir}\"", escape(lang)),
        None => format!(" dir=\"{dir}\""),
    }
}

/// The Open Graph locale (`language_TERRITORY`) of a BCP 47 tag: `en-GB` →
/// `en_GB`, `ar` → `ar`, `zh-Hant-TW` → `zh_TW` (the script is dropped), `en-u-nu-arab`
/// → `en`. `None` when the tag does not start with a language subtag.
pub fn og_locale(tag: &str) -> Option<String> {
    let tag = tag.trim().replace('_', "-");
    let mut subtags = tag.split('-');
    let language = subtags.next()?;
    if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let region = subtags.take_while(|s| s.len() > 1).find(|s| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
            || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
    });
    let language = language.to_ascii_lowercase();
    Some(match region {
        Some(region) => format!("{language}_{}", region.to_ascii_uppercase()),
        None => language,
    })
}

/// Head tags, one a line, every value escaped.
#[derive(Default)]
struct Tags(String);

impl Tags {
    fn line(&mut self, tag: String) {
        self.0.push_str(&tag);
        self.0.push('\n');
    }

    fn property(&mut self, property: &str, content: &str) {
        self.line(format!(
            "<meta property=\"{}\" content=\"{}\">",
            escape(property),
            escape(content)
        ));
    }

    fn name(&mut self, name: &str, content: &str) {
        self.line(format!(
            "<meta name=\"{}\" content=\"{}\">",
            escape(name),
            escape(content)
        ));
    }

    fn link(&mut self, rel: &str, kind: Option<&str>, href: &str, title: Option<&str>) {
        let mut tag = format!("<link rel=\"{}\"", escape(rel));
        if let Some(kind) = kind {
            tag.push_str(&format!(" type=\"{}\"", escape(kind)));
        }
        tag.push_str(&format!(" href=\"{}\"", escape(href)));
        if let Some(title) = title {
            tag.push_str(&format!(" title=\"{}\"", escape(title)));
        }
        tag.push('>');
        self.line(tag);
    }

    /// The discovery links of the site's Atom feed and JSON Feed.
    fn feeds(&mut self, site: &Site) {
        for (kind, url) in [
            ("application/atom+xml", site.atom_url()),
            ("application/feed+json", site.json_feed_url()),
        ] {
            self.link("alternate", Some(kind), url.as_str(), Some(site.name()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales() {
        assert_eq!(og_locale("en-GB").as_deref(), Some("en_GB"));
        assert_eq!(og_locale("en_gb").as_deref(), Some("en_GB"));
        assert_eq!(og_locale("ar").as_deref(), Some("ar"));
        assert_eq!(og_locale("zh-Hant-TW").as_deref(), Some("zh_TW"));
        assert_eq!(og_locale("es-419").as_deref(), Some("es_419"));
        assert_eq!(og_locale("en-u-nu-arab").as_deref(), Some("en"));
        assert_eq!(og_locale("x-klingon"), None);
        assert_eq!(og_locale(""), None);
    }
}
