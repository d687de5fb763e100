//! Broadsheet's core: everything about an article that needs no browser, shared
//! by the web app (`crates/web`) and the command line (`crates/cli`). It builds
//! and tests natively in seconds (`cargo test`).
//!
//! - [`article`]: the article format v1 — model, parser and validation errors with JSON paths.
//! - [`markdown`]: Markdown → a safe node tree (never HTML).
//! - [`html`]: the node tree as escaped HTML, where there is no DOM.
//! - [`i18n`]: the interface in six languages: which one, its words, plurals, numbers, dates.
//! - [`page`]: an article made ready to show (URLs checked, anchors, reading time).
//! - [`reading`]: reading-time estimates.
//! - [`url_policy`]: which URLs may become live links or images.
//! - [`invariants`]: what must hold of any page built from any input (for fuzzing
//!   and property tests; feature `testing`).
//! - [`pathological`]: cmark's pathological Markdown inputs (feature `testing`).
//! - [`limits`]: the caps on input size and shape, and their messages.
//! - [`listen`]: what "Listen" reads aloud, in which order, and where on the page.
//! - [`published`]: what the reader of a published (pre-rendered) page gets of its page.
//! - [`library`]: the list of articles in `articles/index.json`.
//! - [`progress`]: reading-progress geometry and positions that survive reflow.
//! - [`resume`]: saved reading positions (what is stored, and how it is read back).
//! - [`settings`]: reader settings (text size, typeface, width, theme).

pub mod article;
pub mod html;
pub mod i18n;
#[cfg(any(test, feature = "testing"))]
pub mod invariants;
pub mod library;
pub mod limits;
pub mod listen;
pub mod markdown;
pub mod page;
#[cfg(any(test, feature = "testing"))]
pub mod pathological;
pub mod progress;
pub mod published;
pub mod reading;
pub mod resume;
pub mod settings;
pub mod url_policy;
