//! The site-wide files: the Atom feed, the JSON Feed, the sitemap and robots.txt.

use crate::body::body_html;
use crate::common::{
    Addresses, description, escape, http_url, image_type, language, picture, text, writers,
};
use crate::dates::{Dates, UNKNOWN, instant, rfc3339, w3c_datetime};
use crate::site::{PublishedArticle, Site};
use serde_json::{Map, Value, json};

/// The articles newest first (by `published`, or `updated` when undated; undated
/// ones last), then by slug, with their feed dates.
fn newest_first<'p, 'a>(
    articles: &'p [PublishedArticle<'a>],
) -> Vec<(&'p PublishedArticle<'a>, Dates)> {
    let mut dated: Vec<_> = articles
        .iter()
        .map(|a| (a, Dates::of(&a.page().meta)))
        .collect();
    dated.sort_by(|(a, da), (b, db)| {
        db.sort_key()
            .cmp(&da.sort_key())
            .then_with(|| a.slug().cmp(b.slug()))
    });
    dated
}

/// The latest of some RFC 3339 times.
fn latest<'d>(times: impl Iterator<Item = &'d str>) -> Option<&'d str> {
    times.max_by_key(|t| instant(t))
}

/// The Atom 1.0 feed (`feed.xml`) of `articles`, newest first.
///
/// The feed: `id` and `alternate` link = the site, `self` link = `{site}feed.xml`,
/// `title` and `author` = the site name, `updated` = the latest entry's. Each entry:
/// `id` and `alternate` link = the article's page, `title`, `published`, `updated`
/// (the article's `updated`, else `published`), its authors (or byline), a
/// `category` per tag, `summary` (the dek, or the start of the text), the picture
/// as a `rel="enclosure"` link when its media type is known from the file name,
/// and the whole body ([`body_html`]) as `content type="html"`.
///
/// Atom requires RFC 3339 times ([`crate::rfc3339`]) and an `updated` everywhere:
/// an undated article (and a feed of nothing but) gets 1970-01-01T00:00:00Z. The
/// enclosure has no `length` (Atom says it should): the size of the file is not
/// known here. Text and attributes are XML-escaped, without the characters XML 1.0
/// forbids.
pub fn atom(site: &Site, articles: &[PublishedArticle]) -> String {
    let entries = newest_first(articles);
    let updated =
        latest(entries.iter().filter_map(|(_, d)| d.updated.as_deref())).unwrap_or(UNKNOWN);
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    element(&mut x, 1, "id", site.url().as_str());
    element(&mut x, 1, "title", site.name());
    element(&mut x, 1, "updated", updated);
    link(
        &mut x,
        1,
        "self",
        "application/atom+xml",
        site.atom_url().as_str(),
    );
    link(&mut x, 1, "alternate", "text/html", site.url().as_str());
    x.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape(site.name())
    ));
    element(&mut x, 1, "generator", "Broadsheet");

    for (article, dates) in entries {
        let page = article.page();
        let meta = &page.meta;
        let at = Addresses::of(site, article);
        match language(page) {
            Some(lang) => x.push_str(&format!("  <entry xml:lang=\"{}\">\n", escape(lang))),
            None => x.push_str("  <entry>\n"),
        }
        element(&mut x, 2, "id", at.page.as_str());
        element(&mut x, 2, "title", meta.headline.trim());
        link(&mut x, 2, "alternate", "text/html", at.page.as_str());
        if let Some(published) = &dates.published {
            element(&mut x, 2, "published", published);
        }
        element(
            &mut x,
            2,
            "updated",
            dates.updated.as_deref().unwrap_or(UNKNOWN),
        );
        for writer in writers(page, &at.json) {
            x.push_str(&format!(
                "    <author><name>{}</name>",
                escape(&writer.name)
            ));
            if let Some(url) = writer.url {
                x.push_str(&format!("<uri>{}</uri>", escape(url.as_str())));
            }
            x.push_str("</author>\n");
        }
        for tag in meta.tags.iter().filter_map(|t| text(Some(t))) {
            x.push_str(&format!("    <category term=\"{}\"/>\n", escape(tag)));
        }
        if let Some(summary) = description(page) {
            element(&mut x, 2, "summary", &summary);
        }
        let picture = picture(page).and_then(|(_, image)| http_url(&at.json, &image.src));
        if let Some((kind, url)) = picture.and_then(|url| Some((image_type(&url)?, url))) {
            link(&mut x, 2, "enclosure", kind, url.as_str());
        }
        x.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            escape(&body_html(site, article))
        ));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

fn element(x: &mut String, depth: usize, name: &str, value: &str) {
    let indent = "  ".repeat(depth);
    x.push_str(&format!("{indent}<{name}>{}</{name}>\n", escape(value)));
}

fn link(x: &mut String, depth: usize, rel: &str, kind: &str, href: &str) {
    let indent = "  ".repeat(depth);
    x.push_str(&format!(
        "{indent}<link rel=\"{rel}\" type=\"{kind}\" href=\"{}\"/>\n",
        escape(href)
    ));
}

/// The JSON Feed 1.1 (`feed.json`) of `articles`, newest first: `title` = the site
/// name, `home_page_url`, `feed_url`, `language` when every article has the same
/// one; each item with `id` and `url` = the article's page, `title`, `summary`,
/// `content_html` ([`body_html`]), `image`, `date_published` and `date_modified`
/// (RFC 3339, each only when the article has it), `authors` (`name`, `url`),
/// `tags` and `language`.
pub fn json_feed(site: &Site, articles: &[PublishedArticle]) -> Value {
    let entries = newest_first(articles);
    let mut feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": site.name(),
        "home_page_url": site.url().as_str(),
        "feed_url": site.json_feed_url().as_str(),
    });
    let languages: Vec<Option<&str>> = articles.iter().map(|a| language(a.page())).collect();
    if let Some(Some(first)) = languages.first()
        && languages.iter().all(|l| *l == Some(first))
    {
        feed["language"] = json!(first);
    }
    let items: Vec<Value> = entries
        .into_iter()
        .map(|(article, dates)| {
            let page = article.page();
            let meta = &page.meta;
            let at = Addresses::of(site, article);
            let mut item = Map::new();
            let mut put = |key: &str, value: Value| {
                item.insert(key.to_string(), value);
            };
            put("id", json!(at.page.as_str()));
            put("url", json!(at.page.as_str()));
            put("title", json!(meta.headline.trim()));
            if let Some(summary) = description(page) {
                put("summary", json!(summary));
            }
            put("content_html", json!(body_html(site, article)));
            if let Some(url) = picture(page).and_then(|(_, image)| http_url(&at.json, &image.src)) {
                put("image", json!(url.as_str()));
            }
            if let Some(published) = dates.published {
                put("date_published", json!(published));
            }
            if let Some(updated) = meta.updated.as_deref().and_then(rfc3339) {
                put("date_modified", json!(updated));
            }
            let authors: Vec<Value> = writers(page, &at.json)
                .into_iter()
                .map(|w| match w.url {
                    Some(url) => json!({ "name": w.name, "url": url.as_str() }),
                    None => json!({ "name": w.name }),
                })
                .collect();
            if !authors.is_empty() {
                put("authors", Value::Array(authors));
            }
            let tags: Vec<&str> = meta.tags.iter().filter_map(|t| text(Some(t))).collect();
            if !tags.is_empty() {
                put("tags", json!(tags));
            }
            if let Some(lang) = language(page) {
                put("language", json!(lang));
            }
            Value::Object(item)
        })
        .collect();
    feed["items"] = Value::Array(items);
    feed
}

/// The sitemap (`sitemap.xml`): the site's home page, then every article's page,
/// newest first, each with `lastmod` = the article's `updated`, else `published`
/// (as W3C Datetime: a date, or an RFC 3339 date-time); the home page's is the
/// latest of them.
pub fn sitemap(site: &Site, articles: &[PublishedArticle]) -> String {
    let entries: Vec<(String, Option<String>)> = newest_first(articles)
        .into_iter()
        .map(|(article, _)| {
            let meta = &article.page().meta;
            let lastmod = meta
                .updated
                .as_deref()
                .and_then(w3c_datetime)
                .or_else(|| meta.published.as_deref().and_then(w3c_datetime));
            (article.url(site).to_string(), lastmod)
        })
        .collect();
    let newest = entries
        .iter()
        .filter_map(|(_, lastmod)| lastmod.as_deref())
        .max_by_key(|t| rfc3339(t).map(|t| instant(&t)))
        .map(str::to_string);
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (loc, lastmod) in std::iter::once((site.url().to_string(), newest)).chain(entries) {
        x.push_str(&format!("  <url><loc>{}</loc>", escape(&loc)));
        if let Some(lastmod) = lastmod {
            x.push_str(&format!("<lastmod>{}</lastmod>", escape(&lastmod)));
        }
        x.push_str("</url>\n");
    }
    x.push_str("</urlset>\n");
    x
}

/// `robots.txt`: everything may be crawled, and where the sitemap is.
pub fn robots(site: &Site) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {}\n", site.sitemap_url())
}
