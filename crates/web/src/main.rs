//! The app's entry point (Trunk builds it for wasm32, with `--features csr`),
//! and what it exports to `public/embed.js` for `<broadsheet-article>`.
use wasm_bindgen::prelude::*;

fn main() {
    broadsheet_web::start();
}

/// A mounted `<broadsheet-article>`; `unmount()` (or being garbage-collected)
/// removes it and releases its listeners and observers.
#[wasm_bindgen]
pub struct ArticleElement {
    _mounted: Box<dyn std::any::Any>,
}

#[wasm_bindgen]
impl ArticleElement {
    pub fn unmount(self) {}
}

/// See `broadsheet_web::element::mount_article`.
#[wasm_bindgen]
pub fn mount_article(
    host: web_sys::HtmlElement,
    container: web_sys::HtmlElement,
    src: String,
    progress: bool,
    related: bool,
    lang: String,
    ui_lang: String,
) -> ArticleElement {
    ArticleElement {
        _mounted: broadsheet_web::element::mount_article(
            host, container, src, progress, related, lang, ui_lang,
        ),
    }
}
