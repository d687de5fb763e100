//! Where a link from an article goes, once resolved against the article's URL.
//! (Which URLs are allowed at all is decided earlier, by `broadsheet_core::url_policy`.)
//!
//! In the browser, URLs are resolved by the browser and "this site" is the
//! page's origin. Natively, when `broadsheet build` pre-renders a page, the
//! `url` crate resolves them and the page's address is set with [`render_at`].

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

/// A URL taken apart.
struct Parts {
    href: String,
    origin: String,
    pathname: String,
    search: String,
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use super::Parts;
    use leptos::prelude::{document, window};

    pub fn parse(href: &str, base: &str) -> Option<Parts> {
        let url = web_sys::Url::new_with_base(href, base).ok()?;
        Some(Parts {
            href: url.href(),
            origin: url.origin(),
            pathname: url.pathname(),
            search: url.search(),
        })
    }

    pub fn here() -> Parts {
        let location = window().location();
        Parts {
            href: location.href().unwrap_or_default(),
            origin: location.origin().unwrap_or_default(),
            pathname: location.pathname().unwrap_or_default(),
            search: location.search().unwrap_or_default(),
        }
    }

    pub fn base() -> String {
        document().base_uri().ok().flatten().unwrap_or_default()
    }

    pub fn encode_component(s: &str) -> String {
        js_sys::encode_uri_component(s).into()
    }

    pub fn written(url: &Parts) -> String {
        url.href.clone()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use super::Parts;
    use std::cell::RefCell;

    thread_local! {
        pub static ADDRESS: RefCell<Option<url::Url>> = const { RefCell::new(None) };
    }

    fn parts(url: &url::Url) -> Parts {
        Parts {
            href: url.to_string(),
            origin: url.origin().ascii_serialization(),
            pathname: url.path().to_string(),
            search: url.query().map(|q| format!("?{q}")).unwrap_or_default(),
        }
    }

    pub fn parse(href: &str, base: &str) -> Option<Parts> {
        let base = url::Url::parse(base).ok()?;
        Some(parts(&base.join(href).ok()?))
    }

    /// A URL on the page's own site is written root-relative (`/images/a.jpg`), so
    /// the page works wherever it is served, whatever address it was built for.
    pub fn written(url: &Parts) -> String {
        if url.origin == here().origin {
            url.href[url.origin.len()..].to_string()
        } else {
            url.href.clone()
        }
    }

    pub fn here() -> Parts {
        ADDRESS
            .with(|a| a.borrow().as_ref().map(parts))
            .unwrap_or(Parts {
                href: String::new(),
                origin: String::new(),
                pathname: "/".into(),
                search: String::new(),
            })
    }

    pub fn base() -> String {
        here().href
    }

    /// What `encodeURIComponent` leaves alone: letters, digits and `-_.!~*'()`.
    const COMPONENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'!')
        .remove(b'~')
        .remove(b'*')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')');

    pub fn encode_component(s: &str) -> String {
        percent_encoding::utf8_percent_encode(s, COMPONENT).to_string()
    }
}

/// Natively: the address of the page being pre-rendered (`https://news.example/articles/x/`).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_at(address: &str) -> Result<(), String> {
    let url = url::Url::parse(address).map_err(|e| format!("{address}: {e}"))?;
    platform::ADDRESS.with(|a| *a.borrow_mut() = Some(url));
    Ok(())
}

/// Resolves `href` (already allowed by the URL policy) against `base`.
pub fn resolve(href: &str, base: &str) -> String {
    platform::parse(href, base)
        .map(|u| platform::written(&u))
        .unwrap_or_else(|| href.to_string())
}

/// Whether `a` and `b` name the same URL, relative ones resolved against the page.
pub fn same_url(a: &str, b: &str) -> bool {
    let base = platform::base();
    let absolute = |s: &str| platform::parse(s.trim(), &base).map(|u| u.href);
    absolute(a).is_some_and(|a| Some(a) == absolute(b))
}

/// The address of an article page on this site, `/articles/<name>/`, for the
/// article JSON at `/articles/<name>.json`; `None` for any other path.
pub fn article_page(pathname: &str) -> Option<String> {
    let name = pathname.strip_prefix("/articles/")?.strip_suffix(".json")?;
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && name != "index"
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    plain.then(|| format!("/articles/{name}/"))
}

/// The article JSON an article page's address names: `/articles/x/` → `/articles/x.json`.
pub fn article_json(pathname: &str) -> Option<String> {
    let name = pathname.strip_prefix("/articles/")?.strip_suffix('/')?;
    let json = format!("/articles/{name}.json");
    article_page(&json).is_some().then_some(json)
}

/// The in-viewer address of an article JSON URL: its article page when it is one
/// of this site's (`/articles/x/`), else `/read?src=…`, with the source written
/// relative to the site root when it is on this site.
pub fn viewer_href(article_url: &str) -> String {
    let here = platform::here();
    if let Some(url) = platform::parse(article_url, &here.href)
        && url.origin == here.origin
        && url.search.is_empty()
        && let Some(page) = article_page(&url.pathname)
    {
        return page;
    }
    let src = article_url
        .strip_prefix(&here.origin)
        .filter(|_| !here.origin.is_empty())
        .map_or(article_url, |path| path.trim_start_matches('/'));
    format!("/read?src={}", platform::encode_component(src))
}

/// A link to `#id` on the current page. Written out in full because a host page
/// that embeds an article may have a `<base href>`, which would send a bare `#id`
/// elsewhere.
pub fn fragment_href(id: &str) -> String {
    let here = platform::here();
    format!("{}{}#{id}", here.pathname, here.search)
}

/// Classifies a link found in the article at `article_url`.
pub fn target(href: &str, article_url: &str) -> Target {
    if let Some(id) = href.strip_prefix('#') {
        return Target::SameSite(fragment_href(id));
    }
    let Some(url) = platform::parse(href, article_url) else {
        return Target::External(href.to_string());
    };
    if url.origin != platform::here().origin {
        return Target::External(url.href);
    }
    if url.pathname.to_ascii_lowercase().ends_with(".json") {
        return Target::Viewer(viewer_href(&url.href));
    }
    Target::SameSite(platform::written(&url))
}

/// The page's base URL, against which article and library addresses are resolved.
pub fn document_base() -> String {
    platform::base()
}
