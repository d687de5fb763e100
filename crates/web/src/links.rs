//! Where a link from an article goes, once resolved against the article's URL.
//! (Which URLs are allowed at all is decided earlier, by `broadsheet_core::url_policy`.)

use leptos::prelude::{document, window};

/// How to render a link.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// Another article JSON on this site: open it inside the viewer (an app path).
    Viewer(String),
    /// A page on this site, or a `#fragment` in this article.
    SameSite(String),
    /// Another site: `rel="noopener noreferrer"`.
    External(String),
}

impl Target {
    pub fn href(&self) -> &str {
        match self {
            Target::Viewer(h) | Target::SameSite(h) | Target::External(h) => h,
        }
    }
    pub fn rel(&self) -> Option<&'static str> {
        matches!(self, Target::External(_)).then_some("noopener noreferrer")
    }
}

/// Resolves `href` (already allowed by the URL policy) against `base`.
pub fn resolve(href: &str, base: &str) -> String {
    web_sys::Url::new_with_base(href, base)
        .map(|u| u.href())
        .unwrap_or_else(|_| href.to_string())
}

/// The in-viewer address of an article JSON URL: `/read?src=…`, with the source
/// written relative to the site root when it is on this site.
pub fn viewer_href(article_url: &str) -> String {
    let origin = window().location().origin().unwrap_or_default();
    let src = article_url
        .strip_prefix(&origin)
        .map(|path| path.trim_start_matches('/').to_string())
        .unwrap_or_else(|| article_url.to_string());
    format!(
        "/read?src={}",
        String::from(js_sys::encode_uri_component(&src))
    )
}

/// A link to `#id` on the current page. Written out in full because a host page
/// that embeds an article may have a `<base href>`, which would send a bare `#id`
/// elsewhere.
pub fn fragment_href(id: &str) -> String {
    let location = window().location();
    format!(
        "{}{}#{id}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}

/// Classifies a link found in the article at `article_url`.
pub fn target(href: &str, article_url: &str) -> Target {
    if let Some(id) = href.strip_prefix('#') {
        return Target::SameSite(fragment_href(id));
    }
    let Ok(url) = web_sys::Url::new_with_base(href, article_url) else {
        return Target::External(href.to_string());
    };
    let origin = window().location().origin().unwrap_or_default();
    if url.origin() != origin {
        return Target::External(url.href());
    }
    if url.pathname().to_ascii_lowercase().ends_with(".json") {
        return Target::Viewer(viewer_href(&url.href()));
    }
    Target::SameSite(url.href())
}

/// The page's base URL, against which article and library addresses are resolved.
pub fn document_base() -> String {
    document().base_uri().ok().flatten().unwrap_or_default()
}
