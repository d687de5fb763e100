//! Broadsheet's published site, minus the article bodies: everything
//! `broadsheet build` writes around the pre-rendered `articles/<slug>/index.html`
//! and `index.html`.
//!
//! Pure functions from a [`Page`](broadsheet_core::page::Page) to strings, with no
//! file system and no clock:
//!
//! | what | function | written to |
//! | --- | --- | --- |
//! | `<title>`, description, canonical link, Open Graph, Twitter card, JSON-LD, feed and oEmbed discovery | [`head()`] | the `<head>` of `articles/<slug>/index.html` |
//! | `lang` and `dir` for `<html>` | [`html_attributes`] | its `<html>` tag |
//! | the library's title, description, canonical link, Open Graph, feed discovery | [`library_head`] | the `<head>` of `index.html` |
//! | schema.org `NewsArticle` | [`json_ld`] (also inside [`head()`]) | |
//! | oEmbed 1.0 `rich` response (an iframe of `/embed`) | [`oembed`] | `articles/<slug>/oembed.json` |
//! | Atom 1.0 feed | [`atom`] | `feed.xml` |
//! | JSON Feed 1.1 | [`json_feed`] | `feed.json` |
//! | the article body as self-contained HTML, for the feeds | [`body_html`] | |
//! | sitemap | [`sitemap`] | `sitemap.xml` |
//! | robots.txt | [`robots`] | `robots.txt` |
//!
//! Every value from an article is escaped with one function, for HTML and XML text
//! and attributes alike: [`broadsheet_core::html::escape`], after dropping the
//! characters XML 1.0 forbids. The JSON-LD is escaped so that it can never end its
//! `<script>`.
//! Only URLs the core's policy already passed are used, made absolute: relative
//! ones resolve against the article JSON's own URL, `{site}articles/{src}`, as
//! in the viewer.
//!
//! # The site address
//!
//! Every URL written is absolute (feed readers, crawlers and oEmbed consumers have
//! no base), so the build needs the address the site is published at. It is
//! [`Site::DEFAULT_ADDRESS`], `http://127.0.0.1:8080/` (where `trunk serve` serves
//! the site), unless the publisher sets `BROADSHEET_SITE_URL`, once, to the real
//! one (`https://news.example/`, or `https://user.github.io/broadsheet/` for a site
//! under a path). `broadsheet build` reads the variable and passes it to
//! [`Site::new`].
//!
//! # Example
//!
//! ```
//! use broadsheet_core::{article, page};
//! use broadsheet_site::{PublishedArticle, Site};
//!
//! let site = Site::new("https://news.example/", "Broadsheet").unwrap();
//! let parsed = article::parse(r#"{"headline":"Hello","dek":"A test.","body":[]}"#).unwrap();
//! let page = page::build(&parsed.article);
//! let published = PublishedArticle::new("hello", "hello.json", &page).unwrap();
//!
//! assert!(broadsheet_site::head(&site, &published).contains("<title>Hello — Broadsheet</title>"));
//! assert_eq!(site.article_url("hello").as_str(), "https://news.example/articles/hello/");
//! ```

mod body;
mod common;
mod dates;
mod feeds;
mod head;
mod json_ld;
mod oembed;
mod site;

pub use body::body_html;
pub use common::script_data;
pub use dates::{rfc3339, w3c_datetime};
pub use feeds::{atom, json_feed, robots, sitemap};
pub use head::{head, html_attributes, library_head, og_locale};
pub use json_ld::json_ld;
pub use oembed::{OEMBED_HEIGHT, OEMBED_WIDTH, oembed};
pub use site::{MAX_SLUG, PublishedArticle, Site, check_slug, check_unique, slug_for};
