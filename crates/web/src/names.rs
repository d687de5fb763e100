//! Names the Rust side shares with `public/embed.js`, `public/boot.js` and
//! `style/main.css`.
//! Written here once; the tests below fail when the other side says otherwise.

use leptos::prelude::window;

/// The custom element `public/embed.js` defines.
pub const ELEMENT: &str = "broadsheet-article";
/// The container `embed.js` puts in each element's shadow root; the stylesheet's
/// root there.
pub const EMBED_ROOT: &str = "bs-embed";
/// The global `embed.js` sets before it loads the app, so the app's entry point
/// does not mount the whole viewer on the host's page.
pub const EMBED_FLAG: &str = "__broadsheetEmbed";
/// The article's body: the blocks a reader reads, tracked for progress.
pub const ARTICLE_BODY: &str = "article-body";

/// The attribute of `<html>` that names the path a pre-rendered page was
/// rendered for (`broadsheet build`; see `crate::takeover`).
pub const PRERENDERED: &str = "data-prerendered";
/// The attribute `boot.js` sets on `<html>` when the page was rendered for
/// another path; the stylesheet hides the page until the app replaces it.
pub const ELSEWHERE: &str = "data-elsewhere";

/// The attribute of a pre-rendered article page's `<html>` that names the
/// app's module, which `boot.js` loads once the page is painted.
pub const APP_MODULE: &str = "data-app";

/// The comments around the head tags a pre-rendered page was built with
/// (`<!--page-head-->…<!--/page-head-->`): true of that page only.
pub const PAGE_HEAD: &str = "page-head";

/// Shows the page again, once the app is on it (or has stopped).
pub fn clear_elsewhere() {
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.remove_attribute(ELSEWHERE);
    }
}

/// A CSS class selector: `class(ARTICLE_BODY)` is `.article-body`.
pub fn class(name: &str) -> String {
    format!(".{name}")
}

/// Whether this app was loaded by `embed.js` on another site.
pub fn embedded_on_another_site() -> bool {
    js_sys::Reflect::get(&window(), &EMBED_FLAG.into()).is_ok_and(|v| v.is_truthy())
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMBED_JS: &str = include_str!("../../../public/embed.js");
    const BOOT_JS: &str = include_str!("../../../public/boot.js");
    const CSS: &str = include_str!("../../../style/main.css");

    fn quoted(name: &str) -> bool {
        EMBED_JS.contains(&format!("'{name}'")) || EMBED_JS.contains(&format!("\"{name}\""))
    }

    #[test]
    fn embed_js_uses_these_names() {
        assert!(quoted(ELEMENT), "embed.js defines <{ELEMENT}>");
        assert!(
            quoted(EMBED_ROOT),
            "embed.js makes the .{EMBED_ROOT} container"
        );
        assert!(
            EMBED_JS.contains(&format!("window.{EMBED_FLAG} = true")),
            "embed.js sets window.{EMBED_FLAG}"
        );
    }

    #[test]
    fn boot_js_and_the_stylesheet_know_pre_rendered_pages() {
        for name in [PRERENDERED, ELSEWHERE, APP_MODULE] {
            assert!(BOOT_JS.contains(&format!("'{name}'")), "boot.js: {name}");
        }
        assert!(
            CSS.contains(&format!("html[{ELSEWHERE}] body")),
            "main.css: {ELSEWHERE}"
        );
    }

    #[test]
    fn the_stylesheet_styles_them() {
        for name in [EMBED_ROOT, ARTICLE_BODY] {
            assert!(
                CSS.contains(&format!("{} ", class(name))),
                "main.css has no {name}"
            );
        }
    }
}
