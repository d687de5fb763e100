//! `broadsheet build DIST`: the published site, in a Trunk build's output.
//!
//! The template of every page is the app shell Trunk wrote, `DIST/index.html`,
//! kept as `DIST/shell.html` (so that the build can run again on its own output,
//! and for hosts to send as the page of any other address). Into it go:
//!
//! - for every article of `DIST/articles/index.json`, `articles/<name>/index.html`:
//!   the article rendered by the viewer's own components (`broadsheet_web::prerender`),
//!   with its head tags and what its reading tools need, for the published
//!   pages' reader (`start-reader-<hash>.js`, `broadsheet_web::published`); and
//!   `articles/<name>/oembed.json`;
//! - `index.html`: the library, rendered the same way;
//! - then `feed.xml`, `feed.json`, `sitemap.xml` and `robots.txt`;
//! - `ui/<code>-<layout>.json`, the words of the interface languages other than English,
//!   which the published pages' reader fetches.
//!
//! A broken article stops the build, named with its JSON path, before anything is
//! written. See docs/publishing.md.

use broadsheet_core::i18n::{self, Locale, words};
use broadsheet_core::published::ReaderData;
use broadsheet_core::{library, page};
use broadsheet_site::{PublishedArticle, Site};
use broadsheet_web::names::{APP_MODULE, PAGE_HEAD};
use broadsheet_web::takeover;
use std::path::Path;

/// The environment variable a publisher sets to the site's address.
pub const SITE_URL_VARIABLE: &str = "BROADSHEET_SITE_URL";

/// The environment variable a publisher sets to fix the interface language.
pub const UI_LANG_VARIABLE: &str = "BROADSHEET_UI_LANG";

/// The app shell as Trunk wrote it, kept beside the pages made from it.
pub const SHELL: &str = "shell.html";

/// What the build needs of the template: Trunk's `index.html`.
const TITLE: &str = "<title>Broadsheet</title>";
const HTML: &str = "<html lang=\"en\">";
const NOSCRIPT: &str = "<noscript>";

struct Article {
    name: String,
    src: String,
    page: page::Page,
}

/// One pre-rendered page: where it lives, and what goes into the template.
struct Rendered {
    /// The path of its address: `/articles/<name>/`, `/`.
    path: String,
    /// The attributes of its `<html>` tag, with a leading space.
    html_attributes: String,
    head: String,
    body: String,
    /// The data the app takes the page over with: (script id, file address, text).
    data: (&'static str, String, String),
    /// The module that brings the page to life after its first paint, named
    /// for boot.js instead of the template's app and its preloads; `None`: the
    /// page keeps them. The library does, as the page hosts send for any other
    /// address (`/read?src=…`), where the app is all there is to show.
    module: Option<String>,
}

pub fn build(dist: &Path, site: &Site) -> Result<(), String> {
    let template = template(dist)?;
    let ui_lang = site.ui_lang().map(|l| l.code());
    // Every page, the shell too, says which interface language the publisher
    // fixed, for the app in the browser (crates/web/src/locale.rs).
    let fixed = ui_lang.map_or(String::new(), |l| {
        format!(" {}=\"{l}\"", broadsheet_web::locale::FIXED_ATTRIBUTE)
    });
    write(
        &dist.join(SHELL),
        &template.replacen(HTML, &format!("<html lang=\"en\"{fixed}>"), 1),
    )?;
    let index_path = dist.join("articles").join("index.json");
    let index_json = read_text(&index_path)?;
    let index =
        library::parse(&index_json).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let articles = read_library(&dist.join("articles"), &index)?;
    let reader = reader_module(dist)?;
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
        let address = p.url(site);
        let rendered = Rendered {
            path: address.path().to_string(),
            html_attributes: broadsheet_site::html_attributes(&article.page) + &fixed,
            head: broadsheet_site::head(site, p) + &words_preload(ui_lang, &article.page),
            body: broadsheet_web::prerender::article_body(
                address.as_str(),
                p.json_url(site).as_str(),
                article.page.clone(),
                ui_lang,
            )?,
            data: (
                takeover::DATA_ID,
                format!("/articles/{}", article.src),
                ReaderData::of(&article.page).to_json(),
            ),
            module: Some(reader.clone()),
        };
        write(&dir.join("index.html"), &fill(&template, &rendered)?)?;
        write(
            &dir.join("oembed.json"),
            &json(&broadsheet_site::oembed(site, p)),
        )?;
    }
    let index_url = site
        .url()
        .join("articles/index.json")
        .map_err(|e| e.to_string())?;
    let library = Rendered {
        path: site.url().path().to_string(),
        html_attributes: format!(
            " lang=\"{}\" dir=\"{}\"{fixed}",
            site.locale().code(),
            site.locale().direction().as_str()
        ),
        head: broadsheet_site::library_head(site),
        body: broadsheet_web::prerender::library_body(
            site.url().as_str(),
            index_url.as_str(),
            index,
            ui_lang,
        )?,
        data: (
            takeover::LIBRARY_DATA_ID,
            broadsheet_web::routes::library::INDEX_URL.to_string(),
            index_json,
        ),
        module: None,
    };
    write(&dist.join("index.html"), &fill(&template, &library)?)?;
    write_words(dist)?;
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
        "build: the library and {} article pages, feeds and sitemap for {}",
        articles.len(),
        site.url()
    );
    Ok(())
}

/// The app shell: `shell.html`, or on a fresh Trunk build its `index.html`, which
/// is then kept as `shell.html` before the library page replaces it.
fn template(dist: &Path) -> Result<String, String> {
    let shell = dist.join(SHELL);
    let template = if shell.exists() {
        // As Trunk wrote it: without the attributes a build added to its <html>.
        let shell = read_text(&shell)?;
        match shell.find("<html").zip(shell.find("<head>")) {
            Some((start, end)) if start < end => match shell[start..end].find('>') {
                Some(close) => format!("{}{HTML}{}", &shell[..start], &shell[start + close + 1..]),
                None => shell,
            },
            _ => shell,
        }
    } else {
        read_text(&dist.join("index.html"))?
    };
    for needed in [TITLE, HTML, NOSCRIPT, "<body>"] {
        if !template.contains(needed) {
            return Err(format!(
                "{}: no {needed} to fill in (not an app shell Trunk wrote)",
                if shell.exists() {
                    shell
                } else {
                    dist.join("index.html")
                }
                .display()
            ));
        }
    }
    Ok(template)
}

/// Every article the library lists, read and checked.
fn read_library(articles: &Path, index: &library::Index) -> Result<Vec<Article>, String> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for entry in &index.articles {
        let path = articles.join(&entry.src);
        let checked = (|| {
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

/// The template with `page`'s head, its body rendered by the viewer's
/// components, and its data for the app to take over.
fn fill(template: &str, page: &Rendered) -> Result<String, String> {
    let (id, src, json) = &page.data;
    // Data, never run, escaped so that nothing in the article can end the element.
    let data = format!(
        "<script type=\"application/json\" id=\"{id}\" data-src=\"{}\">{}</script>",
        broadsheet_core::html::escape(src),
        broadsheet_site::script_data(json.trim())
    );
    // An article's reader starts after the article is on screen: no preload of
    // the app's module and wasm competing with the stylesheet and pictures, and
    // the reader's module is not in the page, but named for boot.js to load
    // after the first paint.
    let (template, app) = match &page.module {
        None => (template.to_string(), String::new()),
        Some(module) => {
            let template = without_tags(template, "<link rel=\"modulepreload\"");
            let template = without_tags(&template, "<link rel=\"preload\"");
            let (template, _app) = without_module_script(&template)?;
            (
                template,
                format!(
                    " {APP_MODULE}=\"{}\"",
                    broadsheet_core::html::escape(module)
                ),
            )
        }
    };
    let html = template
        .replacen(
            HTML,
            &format!(
                "<html{} {}=\"{}\"{app}>",
                page.html_attributes,
                takeover::PRERENDERED,
                broadsheet_core::html::escape(&page.path)
            ),
            1,
        )
        .replacen(
            TITLE,
            &format!("<!--{PAGE_HEAD}-->\n{}<!--/{PAGE_HEAD}-->", page.head),
            1,
        );
    // The "needs JavaScript" notice is not true of this page.
    let (before, rest) = html.split_once(NOSCRIPT).expect("checked above");
    let after = rest
        .split_once("</noscript>")
        .map_or(rest, |(_, after)| after);
    Ok(format!("{before}{after}").replacen("<body>", &format!("<body>\n{}\n{data}", page.body), 1))
}

/// `ui/<code>-<layout>.json`: every interface language's words but English, which the
/// published pages' reader is built with (`broadsheet_core::i18n::words`).
fn write_words(dist: &Path) -> Result<(), String> {
    let dir = dist.join("ui");
    // Only this build's layout: a reader of another finds no file, and says so.
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        write(
            &dist.join(words::path(locale)),
            &json(&words::list(locale).into()),
        )?;
    }
    Ok(())
}

/// The preload of the words the page's reader will fetch, when the page's
/// interface language is known to be another than English (fixed, or the
/// article's); else the reader's browser decides, and the reader fetches them
/// when it starts.
fn words_preload(ui_lang: Option<&str>, page: &page::Page) -> String {
    match i18n::negotiate(ui_lang, page.meta.language.as_deref(), []) {
        Locale::En => String::new(),
        locale => format!(
            "<link rel=\"preload\" href=\"/{}\" as=\"fetch\" crossorigin>\n",
            words::path(locale)
        ),
    }
}

/// The address of the published pages' reader: the module scripts/postbuild.mjs
/// writes, `DIST/start-reader-<hash>.js`.
fn reader_module(dist: &Path) -> Result<String, String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut found: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.starts_with("start-reader-") && name.ends_with(".js"))
        .collect();
    match found.len() {
        1 => Ok(format!("/{}", found.remove(0))),
        0 => Err(format!(
            "{}: no start-reader-<hash>.js, the published pages' reader (scripts/postbuild.mjs writes it)",
            dist.display()
        )),
        _ => Err(format!(
            "{}: more than one published pages' reader: {}",
            dist.display(),
            found.join(", ")
        )),
    }
}

/// The template without its module script (Trunk's loader, `start-<hash>.js`),
/// and that script's address.
fn without_module_script(template: &str) -> Result<(String, String), String> {
    const START: &str = "<script type=\"module\" src=\"";
    const END: &str = "\"></script>";
    let at = template
        .find(START)
        .ok_or("the template has no <script type=\"module\" src=…>")?;
    let rest = &template[at + START.len()..];
    let end = rest
        .find(END)
        .ok_or("the template's module script is not closed")?;
    Ok((
        format!("{}{}", &template[..at], &rest[end + END.len()..]),
        rest[..end].to_string(),
    ))
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
