//! Natively (feature `ssr`): pre-rendered pages as HTML, rendered by the same
//! components the browser runs, for `broadsheet build`. The browser takes the
//! pages over with `crate::takeover`.

use crate::App;
use crate::loader::{Loaded, Preloaded};
use crate::routes::library::PreloadedLibrary;
use broadsheet_core::library::Index;
use broadsheet_core::page::Page;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use leptos_router::location::RequestUrl;
use std::sync::Arc;

/// The body of the page at `address` (absolute) that shows `page`, read from
/// the article file at `json_url` (absolute). `ui_lang`: the interface
/// language the publisher fixed, if any (else the article's, else English).
pub fn article_body(
    address: &str,
    json_url: &str,
    page: Page,
    ui_lang: Option<&str>,
) -> Result<String, String> {
    let preloaded = Preloaded(Arc::new(Loaded {
        url: json_url.to_string(),
        page,
    }));
    render(address, ui_lang, move || provide_context(preloaded))
}

/// The body of the library page at `address` (absolute): `index`, read from
/// `index_url` (absolute).
pub fn library_body(
    address: &str,
    index_url: &str,
    index: Index,
    ui_lang: Option<&str>,
) -> Result<String, String> {
    let library = PreloadedLibrary {
        url: index_url.to_string(),
        index,
    };
    render(address, ui_lang, move || provide_context(library))
}

/// The app at `address`, with the data `provide` puts in context. No reader
/// yet: their languages are unknown.
fn render(address: &str, ui_lang: Option<&str>, provide: impl FnOnce()) -> Result<String, String> {
    let languages = crate::locale::Languages {
        fixed: ui_lang.map(str::to_string),
        preferred: Vec::new(),
    };
    crate::links::render_at(address)?;
    let path = url::Url::parse(address)
        .map_err(|e| format!("{address}: {e}"))?
        .path()
        .to_string();
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    let html = owner.with(move || {
        provide_context(RequestUrl::new(&path));
        // The head is written by `broadsheet build` (crates/site); the title the
        // components set is collected here and dropped.
        let (meta, _head) = leptos_meta::ServerMetaContext::new();
        provide_context(meta);
        provide_context(languages);
        provide();
        view! { <App/> }.to_html()
    });
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;
    use broadsheet_core::{article, page};

    const SAMPLE: &str = include_str!("../../../public/articles/iran-diplomat-defects-2011.json");

    #[test]
    fn an_article_page_is_the_reader_with_its_article() {
        let article = article::parse(SAMPLE).unwrap().article;
        let html = article_body(
            "https://news.example/articles/iran-diplomat-defects-2011/",
            "https://news.example/articles/iran-diplomat-defects-2011.json",
            page::build(&article),
            None,
        )
        .unwrap();
        assert!(
            html.contains("Former Iran diplomat: Iran leaders would slaughter people in a revolt"),
            "{html}"
        );
        assert!(html.contains(r#"class="reader-bar""#), "{html}");
        assert!(html.contains("2 min left"), "{html}");
        assert!(html.contains("March 1, 2011"), "{html}");
        assert!(
            html.contains(r#"href="/articles/iran-diplomat-defects-2011/#p1""#)
                || html.contains("id=\"p1\""),
            "{html}"
        );
        assert!(
            !html.contains("Loading article") && !html.contains("skeleton"),
            "{html}"
        );
    }

    #[test]
    fn the_library_page_lists_the_library_without_reading_states() {
        let index =
            broadsheet_core::library::parse(include_str!("../../../public/articles/index.json"))
                .unwrap();
        let html = library_body(
            "https://news.example/",
            "https://news.example/articles/index.json",
            index,
            None,
        )
        .unwrap();
        assert!(
            html.contains(
                r#"<a href="/articles/iran-diplomat-defects-2011/">Former Iran diplomat: Iran leaders would slaughter people in a revolt</a>"#
            ),
            "{html}"
        );
        assert!(html.contains("2 min read"), "{html}");
        assert!(!html.contains("Loading the list"), "{html}");
        // Only the reader's browser knows.
        assert!(!html.contains("Unread"), "{html}");
    }

    #[test]
    fn an_article_page_speaks_the_language_of_its_article_or_the_site() {
        let arabic = article::parse(include_str!("../../../public/articles/rtl-sample-ar.json"))
            .unwrap()
            .article;
        let html = article_body(
            "https://news.example/articles/rtl-sample-ar/",
            "https://news.example/articles/rtl-sample-ar.json",
            page::build(&arabic),
            None,
        )
        .unwrap();
        let bar = opening_tag(&html, r#"class="reader-bar""#);
        assert!(
            bar.contains(r#"lang="ar""#) && bar.contains(r#"dir="rtl""#),
            "{bar}"
        );
        assert!(html.contains("نسخ الرابط"), "{html}");
        assert!(
            !html.contains("Copy link") && !html.contains("min left"),
            "{html}"
        );

        let english = article::parse(SAMPLE).unwrap().article;
        let html = article_body(
            "https://news.example/articles/iran-diplomat-defects-2011/",
            "https://news.example/articles/iran-diplomat-defects-2011.json",
            page::build(&english),
            Some("fr"),
        )
        .unwrap();
        assert!(html.contains("Copier le lien"), "{html}");
        assert!(html.contains("1 mars 2011"), "{html}");
        // Inside the English article, the interface's words say they are French.
        let meta = opening_tag(&html, r#"class="reading-time""#);
        assert!(meta.contains(r#"lang="fr""#), "{meta}");
    }

    /// The opening tag in `html` that has `attribute`.
    fn opening_tag<'h>(html: &'h str, attribute: &str) -> &'h str {
        let at = html.find(attribute).expect(attribute);
        let start = html[..at].rfind('<').unwrap();
        let end = at + html[at..].find('>').unwrap();
        &html[start..=end]
    }
}
