//! `broadsheet build DIST`: the published site, in a Trunk build's output.
//!
//! For every article of `DIST/articles/index.json`: `articles/<name>/index.html`,
//! the article rendered by the viewer's own components (`broadsheet_web::prerender`)
//! into the build's `index.html`, with its head tags and its data for the app
//! to take over; and `articles/<name>/oembed.json`. Then `feed.xml`, `feed.json`,
//! `sitemap.xml` and `robots.txt`. A broken article stops the build, named with
//! its JSON path. See docs/publishing.md.

use broadsheet_core::{library, page};
use broadsheet_site::{PublishedArticle, Site};
use std::path::Path;

/// The environment variable a publisher sets to the site's address.
pub const SITE_URL_VARIABLE: &str = "BROADSHEET_SITE_URL";

/// What the build needs of the template: Trunk's `index.html`.
const TITLE: &str = "<title>Broadsheet</title>";
const HTML: &str = "<html lang=\"en\">";
const NOSCRIPT: &str = "<noscript>";

struct Article {
    name: String,
    src: String,
    /// The file as published, for the page to carry.
    json: String,
    page: page::Page,
}

pub fn build(dist: &Path, site: &Site) -> Result<(), String> {
    let template_path = dist.join("index.html");
    let template = read_text(&template_path)?;
    for needed in [TITLE, HTML, NOSCRIPT, "<body>"] {
        if !template.contains(needed) {
            return Err(format!(
                "{}: no {needed} to fill in",
                template_path.display()
            ));
        }
    }
    let articles = read_library(&dist.join("articles"))?;
    broadsheet_site::check_unique(articles.iter().map(|a| a.name.as_str()))?;

    let mut published = Vec::new();
    for article in &articles {
        published.push(PublishedArticle::new(
            &article.name,
            &article.src,
            &article.page,
        )?);
    }
    for (article, p) in articles.iter().zip(&published) {
        let dir = dist.join("articles").join(&article.name);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let html = article_page(&template, site, article, p)?;
        write(&dir.join("index.html"), &html)?;
        write(
            &dir.join("oembed.json"),
            &json(&broadsheet_site::oembed(site, p)),
        )?;
    }
    write(
        &dist.join("feed.xml"),
        &broadsheet_site::atom(site, &published),
    )?;
    write(
        &dist.join("feed.json"),
        &json(&broadsheet_site::json_feed(site, &published)),
    )?;
    write(
        &dist.join("sitemap.xml"),
        &broadsheet_site::sitemap(site, &published),
    )?;
    write(&dist.join("robots.txt"), &broadsheet_site::robots(site))?;
    println!(
        "build: {} article pages, feeds and sitemap for {}",
        articles.len(),
        site.url()
    );
    Ok(())
}

/// Every article the library lists, read and checked.
fn read_library(articles: &Path) -> Result<Vec<Article>, String> {
    let index_path = articles.join("index.json");
    let index = library::parse(&read_text(&index_path)?)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for entry in &index.articles {
        let path = articles.join(&entry.src);
        let checked = (|| {
            let json = read_text(&path)?;
            let parsed = crate::read(&path)?;
            let name = broadsheet_site::slug_for(entry)?;
            // The page /articles/<name>/ reads articles/<name>.json, in the
            // browser as well: the two names must agree.
            if entry.src != format!("{name}.json") {
                return Err(format!(
                    "{}: its address would be /articles/{name}/, so the file must be articles/{name}.json",
                    path.display()
                ));
            }
            Ok(Article {
                page: page::build(&parsed.article),
                name,
                src: entry.src.clone(),
                json,
            })
        })();
        match checked {
            Ok(article) => out.push(article),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems.join("\n"))
    }
}

/// The article's page: the template with the article's head, its body rendered
/// by the viewer's components, and the article file for the app to take over.
fn article_page(
    template: &str,
    site: &Site,
    article: &Article,
    published: &PublishedArticle,
) -> Result<String, String> {
    let body = broadsheet_web::prerender::article_body(
        published.url(site).as_str(),
        published.json_url(site).as_str(),
        article.page.clone(),
    )?;
    // Data, never run, escaped so that nothing in the article can end the element.
    let data = format!(
        "<script type=\"application/json\" id=\"{}\" data-src=\"/articles/{}\">{}</script>",
        broadsheet_web::takeover::DATA_ID,
        broadsheet_core::html::escape(&article.src),
        broadsheet_site::script_data(article.json.trim())
    );
    // The app loads after the article is on screen: no preload of its module
    // and wasm competing with the stylesheet and pictures.
    let template = without_tags(template, "<link rel=\"modulepreload\"");
    let template = without_tags(&template, "<link rel=\"preload\"");
    let html = template
        .replacen(
            HTML,
            &format!("<html{}>", broadsheet_site::html_attributes(&article.page)),
            1,
        )
        .replacen(TITLE, &broadsheet_site::head(site, published), 1);
    // The "needs JavaScript" notice is not true of this page.
    let (before, rest) = html.split_once(NOSCRIPT).expect("checked above");
    let after = rest
        .split_once("</noscript>")
        .map_or(rest, |(_, after)| after);
    let html = format!("{before}{after}");
    Ok(html.replacen("<body>", &format!("<body>\n{body}\n{data}"), 1))
}

/// `html` without the tags that start with `start` (up to their `>`).
fn without_tags(html: &str, start: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(start) {
        out.push_str(&rest[..at]);
        rest = rest[at..].split_once('>').map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn json(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).expect("JSON values serialize") + "\n"
}
