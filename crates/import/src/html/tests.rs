use super::*;
use broadsheet_core::markdown::{Node, plain_text as node_text};
use broadsheet_core::page::{self, Content};
use proptest::prelude::*;

fn convert(html: &str) -> Converted {
    to_blocks(
        html,
        Url::parse("https://example.org/news/story").ok().as_ref(),
    )
}

/// The blocks `html` converts to, as [`md_of`] shows them.
fn md(html: &str) -> String {
    md_of(&convert(html).blocks)
}

/// Text blocks as their Markdown, the others as Debug.
fn md_of(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| match b {
            Block::Text { markdown } => markdown.clone(),
            other => format!("{other:?}"),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The built page of an article with these blocks: its text, as a reader sees it.
fn shown(blocks: &[Block]) -> String {
    let article = crate::new_article("H".into(), blocks.to_vec());
    let page = page::build(&article);
    page.body
        .iter()
        .map(|item| match &item.content {
            Content::Node(n) => node_text(std::slice::from_ref::<Node>(n))
                .trim()
                .to_string(),
            Content::Heading { text, .. } | Content::Quote { text, .. } => text.clone(),
            Content::Figure(f) => f.caption.clone().unwrap_or_default(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn paragraphs_and_inline_markup() {
    assert_eq!(
        md(
            "<p>One <em>two</em> <strong> three </strong><b></b></p>\n<p>  Four\n  <a href='/a(b)'>link</a></p><p> &nbsp; </p>"
        ),
        "One *two* **three**\n\nFour [link](https://example.org/a\\(b\\))"
    );
    assert_eq!(
        md(
            "<div>Loose text<p>and a paragraph</p>more<br><br>after a double break<br>and a line</div>"
        ),
        "Loose text\n\nand a paragraph\n\nmore\n\nafter a double break\\\nand a line"
    );
    assert_eq!(
        md("<p><s>old</s> H<sub>2</sub>O x<sup>2</sup> <code>a `b` c</code> <q>hi</q></p>"),
        "~~old~~ H~2~O x^2^ ``a `b` c`` “hi”"
    );
}

#[test]
fn entities_are_decoded_once_and_shown_as_text() {
    let c = convert(
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &lt;b&gt;bold?&lt;/b&gt; *not* [x](y) # 1.</p><p>1. Not a list</p><h2>&lt;i&gt;T&lt;/i&gt;</h2>",
    );
    let text = shown(&c.blocks);
    assert_eq!(
        text,
        "<script>alert(1)</script> &amp; <b>bold?</b> *not* [x](y) # 1.\n1. Not a list\n<i>T</i>"
    );
}

#[test]
fn scripts_styles_embeds_and_handlers_are_dropped() {
    let c = convert(
        r#"<p onclick="alert(1)">Hi<script>alert(1)</script><style>p{}</style></p>
        <iframe src="https://www.youtube.com/embed/x"></iframe>
        <form action="/x"><input value="v"><button>Send</button></form>
        <p><a href="javascript:alert(1)">click</a> <a href=" JaVa&#x53;cript:alert(1)">again</a>
        <img src="x" onerror="alert(1)"> <img src="javascript:alert(1)" alt="bad"></p>"#,
    );
    let text = shown(&c.blocks);
    assert!(!text.contains("alert"), "{text}");
    assert!(!text.contains("Send") && !text.contains("p{}"), "{text}");
    assert!(
        text.contains("Hi") && text.contains("click again") && text.contains("bad"),
        "{text}"
    );
    let warnings = c.warnings.join("\n");
    assert!(
        warnings.contains("<iframe> (\"https://www.youtube.com/embed/x\") dropped"),
        "{warnings}"
    );
    assert!(warnings.contains("<form>"), "{warnings}");
    assert!(
        warnings.contains("link \"javascript:alert(1)\" removed"),
        "{warnings}"
    );
    assert!(
        warnings.contains("image \"javascript:alert(1)\" dropped"),
        "{warnings}"
    );
    // The relative "x" resolves against the base and stays, as an inline image.
    assert!(
        md(r#"<p>a <img src="x" onerror="alert(1)"></p>"#)
            .contains("](https://example.org/news/x)")
    );
}

#[test]
fn headings_become_heading_blocks_at_levels_two_to_four() {
    let c = convert("<h1>One</h1><h2>Two</h2><h3>Three <em>3</em></h3><h5>Five</h5><h6> </h6>");
    assert_eq!(
        c.blocks,
        vec![
            Block::Heading {
                text: "One".into(),
                level: 2
            },
            Block::Heading {
                text: "Two".into(),
                level: 2
            },
            Block::Heading {
                text: "Three 3".into(),
                level: 3
            },
            Block::Heading {
                text: "Five".into(),
                level: 4
            },
        ]
    );
}

#[test]
fn lists_nest() {
    assert_eq!(
        md(
            "<ul><li>One</li><li>Two <b>bold</b><ul><li>Two a</li></ul></li><li></li></ul><ol start=3><li>Three</li><li>Four</li></ol>"
        ),
        "- One\n\n- Two **bold**\n\n  - Two a\n\n3. Three\n4. Four"
    );
    let c = convert("<ul><li>- dash</li><li>1. one</li></ul>");
    assert_eq!(shown(&c.blocks), "- dash 1. one");
}

#[test]
fn blockquotes() {
    assert_eq!(
        convert("<blockquote><p>It hums.</p><p>Then it clatters.</p><cite>— Alan Tait</cite></blockquote>").blocks,
        vec![Block::Quote {
            text: "It hums.\n\nThen it clatters.".into(),
            cite: Some("Alan Tait".into())
        }]
    );
    assert_eq!(
        md("<blockquote><p>Steps:</p><ol><li>one</li></ol></blockquote>"),
        "> Steps:\n>\n> 1. one"
    );
    assert_eq!(
        md("<ul><li><blockquote>inside</blockquote></li></ul>"),
        "- > inside"
    );
}

#[test]
fn tables_become_gfm_tables() {
    assert_eq!(
        md(
            "<table><caption>Times</caption><thead><tr><th>Time</th><th>What | why</th></tr></thead><tbody><tr><td>20:00</td><td><em>Sign-off</em></td><td>extra</td></tr></tbody></table>"
        ),
        "Times\n\n| Time | What \\| why |  |\n| --- | --- | --- |\n| 20:00 | *Sign-off* | extra |"
    );
}

#[test]
fn pre_keeps_its_lines() {
    assert_eq!(
        md("<pre><code class=\"language-rust\">fn main() {\n    ```\n}</code></pre>"),
        "````rust\nfn main() {\n    ```\n}\n````"
    );
}

#[test]
fn figures() {
    let c = convert(
        r#"<figure class="wp-block-image"><picture><source srcset="/a-640.webp 640w, /a-1280.webp 1280w"><img src="/a.jpg" alt="A  boat" width="1280" height="720px"></picture>
        <figcaption>Boats in the harbour. <span class="credit">Photo: Jo Bloggs</span></figcaption></figure>
        <p><a href="/big.jpg"><img src="data:image/gif;base64,R0" data-src="/lazy.jpg" srcset="/lazy-2x.jpg 2x, javascript:x 100w, /lazy-800.jpg 800w"></a></p>
        <figure><img src="b.jpg"><figcaption>Mir Hossein Mousavi (Photo by: AP Photo / Ben Curtis)</figcaption></figure>
        <figure><img src="javascript:alert(1)"></figure>"#,
    );
    let figures: Vec<&Figure> = c
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Figure(f) => Some(f),
            _ => None,
        })
        .collect();
    assert_eq!(figures.len(), 3, "{:?}", c.blocks);
    let a = figures[0].image.as_ref().unwrap();
    assert_eq!(a.src, "https://example.org/a.jpg");
    assert_eq!(
        (a.alt.as_str(), a.width, a.height),
        ("A boat", Some(1280), Some(720))
    );
    assert_eq!(
        a.srcset,
        vec![
            SrcsetEntry {
                src: "https://example.org/a-640.webp".into(),
                width: 640
            },
            SrcsetEntry {
                src: "https://example.org/a-1280.webp".into(),
                width: 1280
            },
        ]
    );
    assert_eq!(figures[0].caption.as_deref(), Some("Boats in the harbour."));
    assert_eq!(figures[0].credit.as_deref(), Some("Jo Bloggs"));
    let lazy = figures[1].image.as_ref().unwrap();
    assert_eq!(lazy.src, "https://example.org/lazy.jpg");
    assert_eq!(
        lazy.srcset,
        vec![SrcsetEntry {
            src: "https://example.org/lazy-800.jpg".into(),
            width: 800
        }]
    );
    assert_eq!(figures[2].caption.as_deref(), Some("Mir Hossein Mousavi"));
    assert_eq!(figures[2].credit.as_deref(), Some("AP Photo / Ben Curtis"));
    assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
}

#[test]
fn credits_in_captions() {
    let s = |t: &str| split_credit(t);
    assert_eq!(
        s("Protesters in Ankara. Photo by: AP"),
        (Some("Protesters in Ankara.".into()), Some("AP".into()))
    );
    assert_eq!(s("© Reuters"), (None, Some("Reuters".into())));
    assert_eq!(
        s("The press hall. Photograph: Gazette archive"),
        (
            Some("The press hall.".into()),
            Some("Photograph: Gazette archive".into())
        )
    );
    assert_eq!(
        s("A photo: no credit here"),
        (Some("A photo: no credit here".into()), None)
    );
    assert_eq!(
        s("Sunrise | Credit: Jo"),
        (Some("Sunrise".into()), Some("Jo".into()))
    );
    assert_eq!(s("Photo:"), (Some("Photo:".into()), None));
}

#[test]
fn embeds_in_figures_keep_their_link() {
    let c = convert(
        r#"<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">
        https://www.youtube.com/watch?v=abc
        <iframe src="https://www.youtube.com/embed/abc"></iframe></div><figcaption>The launch</figcaption></figure>"#,
    );
    assert_eq!(
        md_of(&c.blocks),
        "[https://www.youtube.com/watch?v=abc](https://www.youtube.com/watch?v=abc)\n\nThe launch"
    );
    assert_eq!(c.warnings.len(), 1);
}

#[test]
fn deep_nesting_is_read_as_text() {
    let html = format!(
        "{}deep{}",
        "<div><blockquote><ul><li>".repeat(300),
        "</li></ul></blockquote></div>".repeat(300)
    );
    let c = convert(&html.replace("deep", "deep<br>and <b>deeper</b>"));
    let md = md_of(&c.blocks);
    assert!(
        md.contains("deep\\\n") && md.contains(" and deeper"),
        "{md}"
    );
}

#[test]
fn plain_text_of_a_fragment() {
    assert_eq!(
        plain_text("<p>A &amp; <b>B</b></p><p>C<script>x</script></p>"),
        "A & B C"
    );
}

/// Every URL a built page holds passes the policy, and no text the page shows
/// holds a tag the source had live.
fn check(html: &str) -> Result<(), TestCaseError> {
    let c = convert(html);
    let mut article = crate::new_article("H".into(), c.blocks.clone());
    if article.body.is_empty() {
        article.body.push(Block::Text {
            markdown: "x".into(),
        });
    }
    let json = broadsheet_core::article::to_json(&article);
    let parsed =
        broadsheet_core::article::parse(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(parsed.warnings.is_empty());
    let page = page::build(&parsed.article);
    let problems = broadsheet_core::invariants::page_problems(&page);
    prop_assert!(problems.is_empty(), "{:?}", problems);
    // A tag written as markup in the source must not come out as a Markdown
    // HTML node (which the core would show as text, but the importer must not
    // rely on that): no text node starts a tag that was live in the input.
    for item in &page.body {
        if let Content::Node(node) = &item.content {
            let text = node_text(std::slice::from_ref(node));
            for tag in ["<script", "<img", "<iframe", "<svg"] {
                if text.to_ascii_lowercase().contains(tag) {
                    // Only text the source wrote as text (an entity) may show a tag.
                    prop_assert!(
                        html.to_ascii_lowercase()
                            .contains(&tag.replace('<', "&lt;")),
                        "{tag} live in {text:?}"
                    );
                }
            }
        }
    }
    Ok(())
}

fn fragment() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        "[a-zA-Z0-9 *_`#>|~^\\[\\]()!-]{0,12}",
        Just("&lt;script&gt;".to_string()),
        Just("&amp;amp;".to_string()),
        Just("<br>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("<img src='javascript:alert(1)' alt='*a*'>".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("<iframe src='https://x'></iframe>".to_string()),
        Just("\n1. ".to_string()),
        Just("\n# ".to_string()),
        Just("\n- ".to_string()),
        Just("<a href='javascript:alert(1)'>j</a>".to_string()),
        Just("<a href=' java\tscript:x'>t</a>".to_string()),
        Just("<a href='/ok?a=1&amp;b=(2)'>ok</a>".to_string()),
    ];
    let tags = prop_oneof![
        Just("p"),
        Just("div"),
        Just("em"),
        Just("strong"),
        Just("a href='https://e.org/x'"),
        Just("ul"),
        Just("ol"),
        Just("li"),
        Just("blockquote"),
        Just("h2"),
        Just("h5"),
        Just("figure"),
        Just("figcaption"),
        Just("table"),
        Just("tr"),
        Just("td"),
        Just("pre"),
        Just("code"),
        Just("span onclick=x"),
        Just("sup"),
        Just("s"),
        Just("picture"),
        Just("cite"),
    ];
    leaf.prop_recursive(6, 64, 6, move |inner| {
        (tags.clone(), prop::collection::vec(inner, 0..5)).prop_map(|(tag, children)| {
            let name = tag.split(' ').next().unwrap();
            format!("<{tag}>{}</{name}>", children.concat())
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn hostile_html_never_yields_a_bad_article(html in fragment()) {
        check(&html)?;
    }

    #[test]
    fn any_text_never_yields_a_bad_article(html in "\\PC{0,200}") {
        check(&html)?;
    }
}
