//! The article's oEmbed response: a `rich` embed of the viewer's iframe mode.

use crate::common::{Addresses, escape, http_url, join_names, picture, writers};
use crate::site::{PublishedArticle, Site};
use serde_json::{Value, json};

/// The width of the embed, in CSS pixels: about the article column's measure.
pub const OEMBED_WIDTH: u32 = 640;
/// The height of the embed, in CSS pixels. oEmbed requires a height for a `rich`
/// embed, but an article has none of its own: this is a reasonable first height
/// (a screenful), and a host page that adds the iframe snippet of
/// docs/embedding.md resizes the frame to the article on its `broadsheet-resize`
/// messages.
pub const OEMBED_HEIGHT: u32 = 800;

/// The oEmbed 1.0 response written to `articles/<slug>/oembed.json`: type `rich`,
/// whose `html` is an iframe of `{site}embed?src={article JSON URL}` (marked
/// `data-broadsheet`, the attribute the resize snippet looks for), with the
/// provider (the site), title, author, and a thumbnail when the article has a
/// picture whose width and height are known (oEmbed wants all three or none).
pub fn oembed(site: &Site, article: &PublishedArticle) -> Value {
    let page = article.page();
    let at = Addresses::of(site, article);
    let headline = page.meta.headline.trim();
    let html = format!(
        "<iframe data-broadsheet src=\"{}\" width=\"{OEMBED_WIDTH}\" height=\"{OEMBED_HEIGHT}\" title=\"{}\" loading=\"lazy\" style=\"border:0;width:100%\"></iframe>",
        escape(site.embed_url(&at.json).as_str()),
        escape(headline)
    );
    let mut embed = json!({
        "version": "1.0",
        "type": "rich",
        "provider_name": site.name(),
        "provider_url": site.url().as_str(),
        "title": headline,
        "width": OEMBED_WIDTH,
        "height": OEMBED_HEIGHT,
        "html": html,
    });
    let writers = writers(page, &at.json);
    if !writers.is_empty() {
        let names: Vec<&str> = writers.iter().map(|w| w.name.as_str()).collect();
        embed["author_name"] = json!(join_names(&names));
        // One author's page; several authors have no one URL.
        if let [writer] = writers.as_slice()
            && let Some(url) = &writer.url
        {
            embed["author_url"] = json!(url.as_str());
        }
    }
    if let Some((image, url)) =
        picture(page).and_then(|(_, image)| Some((image, http_url(&at.json, &image.src)?)))
        && let (Some(width), Some(height)) = (
            image.width.filter(|w| *w > 0),
            image.height.filter(|h| *h > 0),
        )
    {
        embed["thumbnail_url"] = json!(url.as_str());
        embed["thumbnail_width"] = json!(width);
        embed["thumbnail_height"] = json!(height);
    }
    embed
}
