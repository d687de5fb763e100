//! The article body as HTML that stands on its own, for feed readers: every URL
//! absolute (a feed has no base), every string escaped.

use crate::common::{escape, http_url, language, legal};
use crate::site::{PublishedArticle, Site};
use broadsheet_core::html::render;
use broadsheet_core::markdown::{Kind, Node};
use broadsheet_core::page::{Content, PageFigure, anchors};
use broadsheet_core::url_policy::{self, SafeUrl};
use url::Url;

/// The article body as HTML: the lead figure, then the body in order — Markdown
/// blocks as [`broadsheet_core::html::render`] writes them, headings as
/// `<h2>`…`<h6>`, pull quotes as `<figure><blockquote>` with the `cite` in a
/// `<figcaption>`, figures with their picture, caption and credit — and the
/// footnotes last, as `<ol>` items with the ids the footnote references point to.
/// With a language, all of it is in `<div lang=… dir=…>`.
///
/// URLs, already passed by the policy, are made absolute: images and links against
/// the article JSON's URL (as in the viewer), except that a link to an article JSON
/// on this site opens it in the viewer (its page, or `{site}read?src=…`, as the
/// viewer's own links do) and a `#fragment` link goes to that place on the article's published page.
/// Each rewritten URL goes through the policy again.
pub fn body_html(site: &Site, article: &PublishedArticle) -> String {
    let page = article.page();
    let urls = Rewrite {
        site,
        json: article.json_url(site),
        page: article.url(site),
    };
    let mut out = String::new();
    if let Some(lead) = &page.lead {
        figure(&mut out, lead, &urls);
    }
    for item in &page.body {
        match &item.content {
            Content::Node(node) => out.push_str(&render(&[urls.node(node)])),
            Content::Heading { level, text } => {
                let level = (*level).clamp(2, 6);
                out.push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)));
            }
            Content::Quote { text, cite } => {
                out.push_str(&format!(
                    "<figure><blockquote><p>{}</p></blockquote>",
                    escape(text)
                ));
                if let Some(cite) = cite.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                    out.push_str(&format!("<figcaption>— {}</figcaption>", escape(cite)));
                }
                out.push_str("</figure>\n");
            }
            Content::Figure(f) => figure(&mut out, f, &urls),
        }
    }
    if !page.footnotes.is_empty() {
        out.push_str("<hr />\n<ol>\n");
        for note in &page.footnotes {
            let children: Vec<Node> = note.children.iter().map(|n| urls.node(n)).collect();
            out.push_str(&format!(
                "<li id=\"{}\">{}</li>\n",
                escape(&anchors::footnote(note.number)),
                render(&children)
            ));
        }
        out.push_str("</ol>\n");
    }
    // The Markdown text may hold characters a feed's XML cannot.
    let out = legal(&out);
    match language(page) {
        Some(lang) => format!(
            "<div lang=\"{}\" dir=\"{}\">\n{out}</div>\n",
            escape(lang),
            page.dir.as_str()
        ),
        None => out,
    }
}

fn figure(out: &mut String, f: &PageFigure, urls: &Rewrite) {
    let image = f
        .image
        .as_ref()
        .and_then(|i| Some((i, urls.image(&i.src)?)));
    let caption: Vec<&str> = [f.caption.as_deref(), f.credit.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if image.is_none() && caption.is_empty() {
        return;
    }
    out.push_str("<figure>");
    if let Some((image, src)) = image {
        out.push_str(&format!(
            "<img src=\"{}\" alt=\"{}\"",
            escape(&src),
            escape(&image.alt)
        ));
        for (name, value) in [("width", image.width), ("height", image.height)] {
            if let Some(value) = value.filter(|v| *v > 0) {
                out.push_str(&format!(" {name}=\"{value}\""));
            }
        }
        out.push_str(" />");
    }
    if !caption.is_empty() {
        out.push_str(&format!(
            "<figcaption>{}</figcaption>",
            escape(&caption.join(" — "))
        ));
    }
    out.push_str("</figure>\n");
}

/// Makes the URLs of a node tree absolute.
struct Rewrite<'a> {
    site: &'a Site,
    /// The article JSON's URL: relative URLs in the article resolve against it.
    json: Url,
    /// The article's published page, where its anchors are.
    page: Url,
}

impl Rewrite<'_> {
    fn node(&self, node: &Node) -> Node {
        match node {
            Node::Image { src, alt, title } => match self.image(src) {
                Some(src) => Node::Image {
                    src,
                    alt: alt.clone(),
                    title: title.clone(),
                },
                // As the viewer does with a picture it may not show.
                None => Node::Text(alt.clone()),
            },
            Node::Element { kind, children } => Node::Element {
                kind: match kind {
                    Kind::Link { href, title } => Kind::Link {
                        href: href.as_ref().and_then(|h| self.link(h)),
                        title: title.clone(),
                    },
                    kind => kind.clone(),
                },
                children: children.iter().map(|c| self.node(c)).collect(),
            },
            node => node.clone(),
        }
    }

    fn image(&self, src: &SafeUrl) -> Option<SafeUrl> {
        url_policy::image(http_url(&self.json, src)?.as_str())
    }

    fn link(&self, href: &SafeUrl) -> Option<SafeUrl> {
        let absolute = if href.starts_with('#') {
            self.page.join(href).ok()?
        } else {
            let url = self.json.join(href).ok()?;
            let on_site = url.as_str().starts_with(self.site.url().as_str());
            if on_site && url.path().to_ascii_lowercase().ends_with(".json") {
                self.site.viewer_url(&url)
            } else {
                url
            }
        };
        url_policy::link(absolute.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use broadsheet_core::{article, page};

    fn body(json: &str) -> String {
        let site = Site::new("https://news.example/", "News").unwrap();
        let page = page::build(&article::parse(json).unwrap().article);
        body_html(
            &site,
            &PublishedArticle::new("a", "2024/a.json", &page).unwrap(),
        )
    }

    #[test]
    fn urls_become_absolute() {
        let html = body(
            r##"{"headline":"H","body":[{"type":"text","markdown":"[rel](../b.html) [abs](https://x.example/?a=1&b=2) [mail](mailto:d@x.example) [frag](#p2) [other](other.json) [off](https://x.example/c.json) ![pic](img/p.png) ![bad](javascript:alert(1))"}]}"##,
        );
        for want in [
            r#"<a href="https://news.example/articles/b.html">rel</a>"#,
            r#"<a href="https://x.example/?a=1&amp;b=2">abs</a>"#,
            r#"<a href="mailto:d@x.example">mail</a>"#,
            r#"<a href="https://news.example/articles/a/#p2">frag</a>"#,
            r#"<a href="https://news.example/read?src=articles%2F2024%2Fother.json">other</a>"#,
            r#"<a href="https://x.example/c.json">off</a>"#,
            r#"<img src="https://news.example/articles/2024/img/p.png" alt="pic" />"#,
        ] {
            assert!(html.contains(want), "{want}\n in {html}");
        }
        assert!(!html.contains("javascript"), "{html}");
    }

    #[test]
    fn blocks_figures_and_notes() {
        let html = body(
            r##"{"headline":"H","language":"he",
              "lead":{"image":{"src":"../img/a.jpg","alt":"A \"quoted\" <alt>","width":640,"height":0},"caption":"Cap","credit":"AP"},
              "body":[{"type":"heading","text":"Part <1>","level":3},
                {"type":"quote","text":"Q & A","cite":"Someone"},
                {"type":"figure","caption":"No picture"},
                {"type":"figure"},
                {"type":"text","markdown":"Note[^n].\n\n[^n]: The [note](n.html)."}]}"##,
        );
        assert!(html.starts_with("<div lang=\"he\" dir=\"rtl\">\n<figure><img src=\"https://news.example/articles/img/a.jpg\" alt=\"A &quot;quoted&quot; &lt;alt&gt;\" width=\"640\" /><figcaption>Cap — Photo: AP</figcaption></figure>\n"), "{html}");
        assert!(html.contains("<h3>Part &lt;1&gt;</h3>\n"), "{html}");
        assert!(html.contains("<figure><blockquote><p>Q &amp; A</p></blockquote><figcaption>— Someone</figcaption></figure>\n"), "{html}");
        assert!(
            html.contains("<figure><figcaption>No picture</figcaption></figure>\n"),
            "{html}"
        );
        assert_eq!(html.matches("<figure>").count(), 3, "{html}");
        assert!(
            html.contains(r##"<a href="#fn-1" id="fnref-1">1</a>"##),
            "{html}"
        );
        assert!(html.contains("<li id=\"fn-1\"><p>The <a href=\"https://news.example/articles/2024/n.html\">note</a>.</p>\n</li>"), "{html}");
        assert!(html.ends_with("</ol>\n</div>\n"), "{html}");
    }
}
