//! The published-site files for the bundled sample articles, and for a hostile one.

use broadsheet_core::page::Page;
use broadsheet_core::{article, library, page};
use broadsheet_site::*;
use serde_json::{Value, json};

const INDEX: &str = include_str!("../../../public/articles/index.json");
const SAMPLES: [(&str, &str); 4] = [
    (
        "iran-diplomat-defects-2011.json",
        include_str!("../../../public/articles/iran-diplomat-defects-2011.json"),
    ),
    (
        "harbour-light-restoration.json",
        include_str!("../../../public/articles/harbour-light-restoration.json"),
    ),
    (
        "long-read-night-shift.json",
        include_str!("../../../public/articles/long-read-night-shift.json"),
    ),
    (
        "rtl-sample-ar.json",
        include_str!("../../../public/articles/rtl-sample-ar.json"),
    ),
];

fn site() -> Site {
    Site::new("https://news.example/", "The Broadsheet").unwrap()
}

fn page_of(json: &str) -> Page {
    page::build(&article::parse(json).unwrap().article)
}

/// The page of the sample at `src`.
fn sample(src: &str) -> Page {
    page_of(SAMPLES.iter().find(|(s, _)| *s == src).unwrap().1)
}

/// The published article `<src minus .json>` for `page`.
fn published<'a>(src: &'a str, page: &'a Page) -> PublishedArticle<'a> {
    PublishedArticle::new(src.strip_suffix(".json").unwrap(), src, page).unwrap()
}

/// Every sample, as `broadsheet build` would find them: through the index.
fn library() -> Vec<(String, String, Page)> {
    let index = library::parse(INDEX).unwrap();
    let slugs: Vec<String> = index
        .articles
        .iter()
        .map(|e| slug_for(e).unwrap())
        .collect();
    check_unique(slugs.iter().map(String::as_str)).unwrap();
    index
        .articles
        .into_iter()
        .zip(slugs)
        .map(|(entry, slug)| {
            let page = sample(&entry.src);
            (slug, entry.src, page)
        })
        .collect()
}

/// The library's articles as the build publishes them.
fn all_published(library: &[(String, String, Page)]) -> Vec<PublishedArticle<'_>> {
    library
        .iter()
        .map(|(slug, src, page)| PublishedArticle::new(slug, src, page).unwrap())
        .collect()
}

/// The `content` of `<meta property|name="key" content="…">` lines, unescaped.
fn metas(head: &str, key: &str) -> Vec<String> {
    head.lines()
        .filter_map(|line| {
            let rest = line
                .strip_prefix(&format!("<meta property=\"{key}\" content=\""))
                .or_else(|| line.strip_prefix(&format!("<meta name=\"{key}\" content=\"")))?;
            Some(unescape(rest.strip_suffix("\">").expect(line)))
        })
        .collect()
}

fn meta(head: &str, key: &str) -> Option<String> {
    let all = metas(head, key);
    assert!(all.len() <= 1, "{key}: {all:?}");
    all.into_iter().next()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// The JSON-LD in a head, parsed.
fn head_json_ld(head: &str) -> Value {
    let start = head.find("<script type=\"application/ld+json\">").unwrap();
    let rest = &head[start + "<script type=\"application/ld+json\">".len()..];
    let json = &rest[..rest.find("</script>").unwrap()];
    assert!(!json.contains(['<', '>', '&']), "{json}");
    serde_json::from_str(json).unwrap()
}

#[test]
fn the_canonical_sample_head() {
    let site = site();
    let page = sample("iran-diplomat-defects-2011.json");
    let article = published("iran-diplomat-defects-2011.json", &page);
    let head = head(&site, &article);

    assert!(head.starts_with("<title>Former Iran diplomat: Iran leaders would slaughter people in a revolt — The Broadsheet</title>\n"), "{head}");
    let dek = page.meta.dek.clone().unwrap();
    assert_eq!(meta(&head, "description").as_deref(), Some(dek.as_str()));
    assert!(head.contains("<link rel=\"canonical\" href=\"https://news.example/articles/iran-diplomat-defects-2011/\">\n"));
    assert_eq!(meta(&head, "og:type").as_deref(), Some("article"));
    assert_eq!(meta(&head, "og:title"), Some(page.meta.headline.clone()));
    assert_eq!(meta(&head, "og:description"), Some(dek.clone()));
    assert_eq!(
        meta(&head, "og:url").as_deref(),
        Some("https://news.example/articles/iran-diplomat-defects-2011/")
    );
    assert_eq!(
        meta(&head, "og:site_name").as_deref(),
        Some("The Broadsheet")
    );
    assert_eq!(meta(&head, "og:locale").as_deref(), Some("en"));
    // Both figures are captions without a picture.
    assert_eq!(meta(&head, "og:image"), None);
    assert_eq!(meta(&head, "twitter:card").as_deref(), Some("summary"));
    assert_eq!(meta(&head, "twitter:image"), None);
    assert_eq!(
        meta(&head, "article:published_time").as_deref(),
        Some("2011-03-01")
    );
    assert_eq!(meta(&head, "article:modified_time"), None);
    assert_eq!(
        meta(&head, "article:section").as_deref(),
        Some("Middle East")
    );
    assert_eq!(
        metas(&head, "article:tag"),
        [
            "Iran",
            "Green Wave",
            "Mir Hossein Mousavi",
            "Mahdi Karroubi",
            "Arab world uprisings"
        ]
    );
    assert!(head.contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"https://news.example/feed.xml\" title=\"The Broadsheet\">\n"));
    assert!(head.contains("<link rel=\"alternate\" type=\"application/feed+json\" href=\"https://news.example/feed.json\" title=\"The Broadsheet\">\n"));
    assert!(head.contains("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://news.example/articles/iran-diplomat-defects-2011/oembed.json\" title=\"Former Iran diplomat: Iran leaders would slaughter people in a revolt\">\n"));
    assert_eq!(html_attributes(&page), " lang=\"en\" dir=\"ltr\"");

    let ld = head_json_ld(&head);
    assert_eq!(ld, json_ld(&site, &article));
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], page.meta.headline.as_str());
    assert_eq!(ld["description"], dek.as_str());
    assert_eq!(ld["datePublished"], "2011-03-01");
    assert!(ld.get("dateModified").is_none());
    assert!(ld.get("image").is_none());
    assert_eq!(
        ld["author"],
        json!([{ "@type": "Organization", "name": "News Agencies" }])
    );
    assert_eq!(
        ld["publisher"],
        json!({ "@type": "Organization", "name": "The Broadsheet", "url": "https://news.example/" })
    );
    assert_eq!(
        ld["mainEntityOfPage"],
        json!({ "@type": "WebPage", "@id": "https://news.example/articles/iran-diplomat-defects-2011/" })
    );
    assert_eq!(ld["inLanguage"], "en");
    assert_eq!(ld["articleSection"], "Middle East");
    assert_eq!(ld["keywords"].as_array().unwrap().len(), 5);
    assert!(ld.get("correction").is_none());
}

#[test]
fn the_picture_is_the_lead_figure_s() {
    let site = site();
    let page = sample("harbour-light-restoration.json");
    let article = published("harbour-light-restoration.json", &page);
    let head = head(&site, &article);
    // `../images/…` against https://news.example/articles/harbour-light-restoration.json
    let lead = "https://news.example/images/lighthouse-dusk-1280.jpg";
    assert_eq!(meta(&head, "og:image").as_deref(), Some(lead));
    assert_eq!(meta(&head, "og:image:width").as_deref(), Some("1280"));
    assert_eq!(meta(&head, "og:image:height").as_deref(), Some("853"));
    let alt = page
        .lead
        .as_ref()
        .unwrap()
        .image
        .as_ref()
        .unwrap()
        .alt
        .clone();
    assert_eq!(meta(&head, "og:image:alt"), Some(alt.clone()));
    assert_eq!(
        meta(&head, "twitter:card").as_deref(),
        Some("summary_large_image")
    );
    assert_eq!(meta(&head, "twitter:image").as_deref(), Some(lead));
    assert_eq!(meta(&head, "twitter:image:alt"), Some(alt));
    assert_eq!(
        meta(&head, "article:modified_time").as_deref(),
        Some("2024-06-03T10:15:00Z")
    );

    let ld = json_ld(&site, &article);
    let images = ld["image"].as_array().unwrap();
    assert_eq!(images.len(), 3, "the lead and two body figures");
    assert_eq!(
        images[0],
        json!({
            "@type": "ImageObject",
            "url": lead,
            "width": 1280,
            "height": 853,
            "caption": page.lead.as_ref().unwrap().caption.as_deref().unwrap(),
            "creditText": "Illustration: Broadsheet sample art",
        })
    );
    assert_eq!(
        images[1]["url"],
        "https://news.example/images/harbour-boats-1280.jpg"
    );
    assert_eq!(ld["dateModified"], "2024-06-03T10:15:00Z");
    assert_eq!(
        ld["author"],
        json!([{ "@type": "Person", "name": "Morag Ellison", "url": "https://example.org/authors/morag-ellison" }])
    );
    assert_eq!(
        ld["correction"],
        json!([{
            "@type": "CorrectionComment",
            "text": "An earlier version of this article said the lighthouse lens was made in Glasgow. It was made by a Birmingham firm in 1871.",
            "datePublished": "2024-06-03",
        }])
    );
    assert_eq!(ld["wordCount"], page.reading.words);
}

#[test]
fn without_a_lead_the_picture_is_the_first_figure_with_one() {
    let site = site();
    let page = sample("long-read-night-shift.json");
    assert!(page.lead.is_none());
    let head = head(&site, &published("long-read-night-shift.json", &page));
    assert_eq!(
        meta(&head, "og:image").as_deref(),
        Some("https://news.example/images/harbour-boats-1280.jpg")
    );
    assert_eq!(meta(&head, "og:image:height").as_deref(), Some("720"));
    assert_eq!(meta(&head, "og:locale").as_deref(), Some("en_GB"));
    assert_eq!(html_attributes(&page), " lang=\"en-GB\" dir=\"ltr\"");
}

#[test]
fn arabic_is_right_to_left() {
    let site = site();
    let page = sample("rtl-sample-ar.json");
    let article = published("rtl-sample-ar.json", &page);
    let head = head(&site, &article);
    assert_eq!(meta(&head, "og:locale").as_deref(), Some("ar"));
    assert_eq!(page.dir.as_str(), "rtl");
    assert_eq!(html_attributes(&page), " lang=\"ar\" dir=\"rtl\"");
    assert!(body_html(&site, &article).starts_with("<div lang=\"ar\" dir=\"rtl\">\n"));
    let ld = json_ld(&site, &article);
    assert_eq!(ld["inLanguage"], "ar");
    // The byline is a name as written: "By " is only taken off in English.
    assert_eq!(
        ld["author"],
        json!([{ "@type": "Person", "name": "بقلم سلمى العبدالله" }])
    );
    assert_eq!(ld["articleSection"], "ثقافة");
}

#[test]
fn a_site_under_a_path() {
    let site = Site::new("https://user.github.io/broadsheet", "B").unwrap();
    let page = sample("harbour-light-restoration.json");
    let article = published("harbour-light-restoration.json", &page);
    let head = head(&site, &article);
    assert_eq!(
        meta(&head, "og:image").as_deref(),
        Some("https://user.github.io/broadsheet/images/lighthouse-dusk-1280.jpg")
    );
    assert_eq!(
        meta(&head, "og:url").as_deref(),
        Some("https://user.github.io/broadsheet/articles/harbour-light-restoration/")
    );
    assert_eq!(
        robots(&site),
        "User-agent: *\nAllow: /\nSitemap: https://user.github.io/broadsheet/sitemap.xml\n"
    );
}

#[test]
fn oembed_is_a_rich_iframe_of_the_embed_page() {
    let site = site();
    let page = sample("harbour-light-restoration.json");
    let embed = oembed(&site, &published("harbour-light-restoration.json", &page));
    assert_eq!(
        embed,
        json!({
            "version": "1.0",
            "type": "rich",
            "provider_name": "The Broadsheet",
            "provider_url": "https://news.example/",
            "title": page.meta.headline,
            "author_name": "Morag Ellison",
            "author_url": "https://example.org/authors/morag-ellison",
            "width": 640,
            "height": 800,
            "html": "<iframe data-broadsheet src=\"https://news.example/embed?src=https%3A%2F%2Fnews.example%2Farticles%2Fharbour-light-restoration.json\" width=\"640\" height=\"800\" title=\"Volunteers bring Carrow Point’s harbour light back to life after 40 dark years\" loading=\"lazy\" style=\"border:0;width:100%\"></iframe>",
            "thumbnail_url": "https://news.example/images/lighthouse-dusk-1280.jpg",
            "thumbnail_width": 1280,
            "thumbnail_height": 853,
        })
    );

    let page = sample("iran-diplomat-defects-2011.json");
    let embed = oembed(&site, &published("iran-diplomat-defects-2011.json", &page));
    assert_eq!(embed["author_name"], "News Agencies");
    assert!(embed.get("author_url").is_none());
    assert!(embed.get("thumbnail_url").is_none());
}

/// A parsed XML element: name, attributes, text (references resolved) and children.
#[derive(Debug)]
struct Element {
    name: String,
    attributes: Vec<(String, String)>,
    text: String,
    children: Vec<Element>,
}

impl Element {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    fn all<'e>(&'e self, name: &str) -> impl Iterator<Item = &'e Element> + use<'e> {
        let name = name.to_string();
        self.children.iter().filter(move |c| c.name == name)
    }
    fn one(&self, name: &str) -> &Element {
        let all: Vec<_> = self.all(name).collect();
        assert_eq!(all.len(), 1, "one <{name}> in <{}>", self.name);
        all[0]
    }
}

/// Parses `xml`, panicking unless it is one well-formed element (end tags matching)
/// in characters XML 1.0 allows.
fn parse_xml(xml: &str) -> Element {
    use quick_xml::events::{BytesStart, Event};
    assert!(
        !xml.chars()
            .any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r')),
        "a character XML 1.0 forbids"
    );
    fn element(e: &BytesStart) -> Element {
        Element {
            name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
            attributes: e
                .attributes()
                .map(|a| {
                    let a = a.unwrap();
                    (
                        String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned(),
                    )
                })
                .collect(),
            text: String::new(),
            children: Vec::new(),
        }
    }
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    let mut close = |stack: &mut Vec<Element>, done: Element| match stack.last_mut() {
        Some(parent) => parent.children.push(done),
        None => {
            assert!(root.is_none(), "a second root element");
            root = Some(done);
        }
    };
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => close(&mut stack, element(&e)),
            Event::End(_) => {
                let done = stack.pop().unwrap();
                close(&mut stack, done);
            }
            Event::Text(t) => {
                let text = t.xml10_content().unwrap();
                match stack.last_mut() {
                    Some(e) => e.text.push_str(&text),
                    None => assert!(text.trim().is_empty(), "text outside the root"),
                }
            }
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().unwrap() {
                    Some(c) => c,
                    None => match r.decode().unwrap().as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("undefined entity &{other};"),
                    },
                };
                stack.last_mut().unwrap().text.push(c);
            }
            Event::CData(_) => panic!("no CDATA is written"),
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed elements");
    root.unwrap()
}

#[test]
fn the_atom_feed() {
    let site = site();
    let library = library();
    let articles = all_published(&library);
    let xml = atom(&site, &articles);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"));
    let feed = parse_xml(&xml);
    assert_eq!(feed.name, "feed");
    assert_eq!(feed.attribute("xmlns"), Some("http://www.w3.org/2005/Atom"));
    assert_eq!(feed.one("id").text, "https://news.example/");
    assert_eq!(feed.one("title").text, "The Broadsheet");
    // The latest of the entries' updated: the Arabic sample's date.
    assert_eq!(feed.one("updated").text, "2024-07-14T00:00:00Z");
    assert_eq!(feed.one("author").one("name").text, "The Broadsheet");
    let links: Vec<(Option<&str>, Option<&str>)> = feed
        .all("link")
        .map(|l| (l.attribute("rel"), l.attribute("href")))
        .collect();
    assert_eq!(
        links,
        [
            (Some("self"), Some("https://news.example/feed.xml")),
            (Some("alternate"), Some("https://news.example/"))
        ]
    );

    let entries: Vec<&Element> = feed.all("entry").collect();
    let ids: Vec<&str> = entries.iter().map(|e| e.one("id").text.as_str()).collect();
    assert_eq!(
        ids,
        [
            "https://news.example/articles/rtl-sample-ar/",
            "https://news.example/articles/long-read-night-shift/",
            "https://news.example/articles/harbour-light-restoration/",
            "https://news.example/articles/iran-diplomat-defects-2011/",
        ],
        "newest first"
    );
    for entry in &entries {
        assert!(!entry.one("title").text.is_empty());
        assert_eq!(entry.one("updated").text.len(), 20, "RFC 3339");
        assert_eq!(entry.one("content").attribute("type"), Some("html"));
        let alternate = entry
            .all("link")
            .find(|l| l.attribute("rel") == Some("alternate"))
            .unwrap();
        assert_eq!(
            alternate.attribute("href"),
            Some(entry.one("id").text.as_str())
        );
    }
    assert_eq!(entries[0].attribute("xml:lang"), Some("ar"));

    let iran = entries[3];
    assert_eq!(iran.one("published").text, "2011-03-01T00:00:00Z");
    assert_eq!(iran.one("updated").text, "2011-03-01T00:00:00Z");
    assert_eq!(iran.one("author").one("name").text, "News Agencies");
    assert_eq!(iran.all("category").count(), 5);
    assert!(iran.one("summary").text.starts_with("Ahmed Maleki"));
    assert_eq!(iran.all("link").count(), 1, "no picture, no enclosure");
    let content = &iran.one("content").text;
    assert!(
        content.starts_with("<div lang=\"en\" dir=\"ltr\">\n<p>An Iranian diplomat"),
        "{content}"
    );
    assert!(content.contains("<figure><figcaption>Mir Hossein Mousavi — Photo: AP Photo / Ben Curtis</figcaption></figure>"), "{content}");

    let harbour = entries[2];
    assert_eq!(harbour.one("published").text, "2024-05-30T07:00:00Z");
    assert_eq!(harbour.one("updated").text, "2024-06-03T10:15:00Z");
    let author = harbour.one("author");
    assert_eq!(author.one("name").text, "Morag Ellison");
    assert_eq!(
        author.one("uri").text,
        "https://example.org/authors/morag-ellison"
    );
    let enclosure = harbour
        .all("link")
        .find(|l| l.attribute("rel") == Some("enclosure"))
        .unwrap();
    assert_eq!(enclosure.attribute("type"), Some("image/jpeg"));
    assert_eq!(
        enclosure.attribute("href"),
        Some("https://news.example/images/lighthouse-dusk-1280.jpg")
    );
    let content = &harbour.one("content").text;
    assert!(
        content.contains("<img src=\"https://news.example/images/lighthouse-dusk-1280.jpg\""),
        "{content}"
    );
    assert!(!content.contains("../images"), "{content}");
}

#[test]
fn the_json_feed() {
    let site = site();
    let library = library();
    let articles = all_published(&library);
    let feed = json_feed(&site, &articles);
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(feed["title"], "The Broadsheet");
    assert_eq!(feed["home_page_url"], "https://news.example/");
    assert_eq!(feed["feed_url"], "https://news.example/feed.json");
    assert!(feed.get("language").is_none(), "the samples differ");
    let items = feed["items"].as_array().unwrap();
    let urls: Vec<&str> = items.iter().map(|i| i["url"].as_str().unwrap()).collect();
    assert_eq!(
        urls,
        [
            "https://news.example/articles/rtl-sample-ar/",
            "https://news.example/articles/long-read-night-shift/",
            "https://news.example/articles/harbour-light-restoration/",
            "https://news.example/articles/iran-diplomat-defects-2011/",
        ]
    );
    let harbour = &items[2];
    assert_eq!(harbour["id"], harbour["url"]);
    assert_eq!(harbour["date_published"], "2024-05-30T07:00:00Z");
    assert_eq!(harbour["date_modified"], "2024-06-03T10:15:00Z");
    assert_eq!(
        harbour["image"],
        "https://news.example/images/lighthouse-dusk-1280.jpg"
    );
    assert_eq!(
        harbour["authors"],
        json!([{ "name": "Morag Ellison", "url": "https://example.org/authors/morag-ellison" }])
    );
    assert_eq!(harbour["language"], "en");
    assert_eq!(harbour["tags"].as_array().unwrap().len(), 5);
    assert!(
        harbour["content_html"]
            .as_str()
            .unwrap()
            .contains("<blockquote>")
    );
    let iran = &items[3];
    assert_eq!(iran["date_published"], "2011-03-01T00:00:00Z");
    assert!(iran.get("date_modified").is_none());
    assert!(iran.get("image").is_none());
    assert_eq!(iran["summary"], library[3].2.meta.dek.as_deref().unwrap());

    let one = [articles[2]];
    assert_eq!(json_feed(&site, &one)["language"], "en");
}

#[test]
fn the_sitemap_lists_every_article() {
    let site = site();
    let library = library();
    let articles = all_published(&library);
    let urlset = parse_xml(&sitemap(&site, &articles));
    assert_eq!(urlset.name, "urlset");
    assert_eq!(
        urlset.attribute("xmlns"),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    let urls: Vec<(&str, Option<&str>)> = urlset
        .all("url")
        .map(|u| {
            (
                u.one("loc").text.as_str(),
                u.all("lastmod").next().map(|l| l.text.as_str()),
            )
        })
        .collect();
    assert_eq!(
        urls,
        [
            ("https://news.example/", Some("2024-07-14")),
            (
                "https://news.example/articles/rtl-sample-ar/",
                Some("2024-07-14")
            ),
            (
                "https://news.example/articles/long-read-night-shift/",
                Some("2024-06-15T06:00:00Z")
            ),
            (
                "https://news.example/articles/harbour-light-restoration/",
                Some("2024-06-03T10:15:00Z")
            ),
            (
                "https://news.example/articles/iran-diplomat-defects-2011/",
                Some("2011-03-01")
            ),
        ]
    );
    assert_eq!(
        robots(&site),
        "User-agent: *\nAllow: /\nSitemap: https://news.example/sitemap.xml\n"
    );
}

#[test]
fn undated_articles_come_last_and_are_still_valid_atom() {
    let site = site();
    let undated = page_of(r#"{"headline":"Undated","body":[]}"#);
    let dated = page_of(r#"{"headline":"Dated","published":"2020-01-01T12:00+02:00","body":[]}"#);
    let articles = [
        PublishedArticle::new("undated", "undated.json", &undated).unwrap(),
        PublishedArticle::new("dated", "dated.json", &dated).unwrap(),
    ];
    let feed = parse_xml(&atom(&site, &articles));
    assert_eq!(feed.one("updated").text, "2020-01-01T12:00:00+02:00");
    let entries: Vec<&Element> = feed.all("entry").collect();
    assert_eq!(entries[0].one("title").text, "Dated");
    assert_eq!(entries[1].one("title").text, "Undated");
    assert_eq!(entries[1].one("updated").text, "1970-01-01T00:00:00Z");
    assert_eq!(entries[1].all("published").count(), 0);
    assert_eq!(
        entries[1].all("author").count(),
        0,
        "the feed's author stands"
    );
    let empty = parse_xml(&atom(&site, &[]));
    assert_eq!(empty.one("updated").text, "1970-01-01T00:00:00Z");
    let urlset = parse_xml(&sitemap(&site, &articles));
    assert_eq!(urlset.all("url").count(), 3);
}

const HOSTILE_HEADLINE: &str = "</title><script>alert(1)</script>";

fn hostile() -> Page {
    page_of(
        &json!({
            "headline": HOSTILE_HEADLINE,
            "dek": "He said \"no\" & 'yes' <b>\u{1}</b>\u{2028}end",
            "byline": "By <img src=x onerror=alert(1)>",
            "section": "\"><script>alert(2)</script>",
            "language": "en\"><script>",
            "tags": ["</script><script>alert(3)</script>", "<!--"],
            "published": "2024-01-01",
            "lead": { "image": { "src": "x\".jpg?a=1&b=<2>", "alt": "\"><script>alert(4)</script>", "width": 10, "height": 10 },
                      "caption": "</figcaption><script>", "credit": "AP & <co>" },
            "body": [
                { "type": "text", "markdown": "<script>alert(5)</script>\n\nInline <script>alert(8)</script> [x](javascript:void) ![y](y.png \"\\\"onerror=alert(7)\")" },
                { "type": "quote", "text": "</blockquote><script>", "cite": "<b>" },
                { "type": "heading", "text": "</h2><script>" }
            ]
        })
        .to_string(),
    )
}

#[test]
fn hostile_text_is_escaped_in_the_head() {
    let site = site();
    let page = hostile();
    let article = PublishedArticle::new("hostile", "hostile.json", &page).unwrap();
    let head = head(&site, &article);
    // The only tags are ours: one title, one script (the JSON-LD), nothing opened by the text.
    assert_eq!(head.matches("<title>").count(), 1, "{head}");
    assert_eq!(head.matches("</title>").count(), 1, "{head}");
    assert_eq!(head.matches("<script").count(), 1, "{head}");
    assert_eq!(head.matches("</script>").count(), 1, "{head}");
    assert!(
        !head.contains("<b>") && !head.contains("<img") && !head.contains("<!--"),
        "{head}"
    );
    assert!(
        head.starts_with(
            "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; — The Broadsheet</title>\n"
        ),
        "{head}"
    );
    for line in head.lines() {
        assert!(line.starts_with('<') && line.ends_with('>'), "{line}");
        if !line.starts_with("<script") && !line.starts_with("<title>") {
            // One tag a line: no `<` or `>` inside the attribute values.
            assert_eq!(line.matches('<').count(), 1, "{line}");
            assert_eq!(line.matches('>').count(), 1, "{line}");
        }
    }
    // The control character is dropped, everything else kept as written.
    assert_eq!(
        meta(&head, "description").as_deref(),
        Some("He said \"no\" & 'yes' <b></b>\u{2028}end")
    );
    assert_eq!(meta(&head, "og:title").as_deref(), Some(HOSTILE_HEADLINE));
    assert_eq!(
        meta(&head, "og:image:alt").as_deref(),
        Some("\"><script>alert(4)</script>")
    );
    assert_eq!(
        meta(&head, "og:image").as_deref(),
        Some("https://news.example/articles/x%22.jpg?a=1&b=%3C2%3E")
    );
    assert!(html_attributes(&page).starts_with(" lang=\"en&quot;&gt;&lt;script&gt;\""));

    let ld = head_json_ld(&head);
    let script = &head[head.find("<script").unwrap()..];
    assert!(!script[..script.find("</script>").unwrap()].contains(['\u{2028}', '\u{2029}']));
    assert_eq!(ld["headline"], HOSTILE_HEADLINE);
    assert_eq!(ld["keywords"][0], "</script><script>alert(3)</script>");
    assert_eq!(ld["author"][0]["name"], "<img src=x onerror=alert(1)>");
}

#[test]
fn hostile_text_is_escaped_in_the_embed() {
    let site = site();
    let page = hostile();
    let embed = oembed(
        &site,
        &PublishedArticle::new("hostile", "hostile.json", &page).unwrap(),
    );
    assert_eq!(embed["title"], HOSTILE_HEADLINE);
    let html = embed["html"].as_str().unwrap();
    assert_eq!(html.matches('<').count(), 2, "{html}");
    assert!(
        html.contains("title=\"&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""),
        "{html}"
    );
    assert!(html.contains("src=\"https://news.example/embed?src=https%3A%2F%2Fnews.example%2Farticles%2Fhostile.json\""), "{html}");
}

#[test]
fn hostile_text_is_escaped_in_the_feeds() {
    let site = site();
    let page = hostile();
    let articles = [PublishedArticle::new("hostile", "hostile.json", &page).unwrap()];
    let xml = atom(&site, &articles);
    assert!(
        !xml.contains("<script") && !xml.contains("<b>") && !xml.contains("<!--"),
        "{xml}"
    );
    let feed = parse_xml(&xml);
    let entry = feed.one("entry");
    assert_eq!(entry.one("title").text, HOSTILE_HEADLINE);
    // The control character is gone; everything else is as written.
    assert_eq!(
        entry.one("summary").text,
        "He said \"no\" & 'yes' <b></b>\u{2028}end"
    );
    assert_eq!(
        entry.one("author").one("name").text,
        "<img src=x onerror=alert(1)>"
    );
    assert_eq!(
        entry.all("category").next().unwrap().attribute("term"),
        Some("</script><script>alert(3)</script>")
    );
    assert_eq!(entry.attribute("xml:lang"), Some("en\"><script>"));
    // The content is HTML in which the article's text is still escaped.
    let content = &entry.one("content").text;
    for escaped in [
        "&lt;script&gt;alert(5)&lt;/script&gt;",
        "<h2>&lt;/h2&gt;&lt;script&gt;</h2>",
        "<blockquote><p>&lt;/blockquote&gt;&lt;script&gt;</p></blockquote><figcaption>— &lt;b&gt;</figcaption>",
        "alt=\"&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;\"",
        "<figcaption>&lt;/figcaption&gt;&lt;script&gt; — Photo: AP &amp; &lt;co&gt;</figcaption>",
    ] {
        assert!(content.contains(escaped), "{escaped}\n in {content}");
    }
    assert!(
        !content.contains("<script") && !content.contains("javascript:"),
        "{content}"
    );
    assert!(content.contains("alert(8)&lt;/script&gt; x <img src=\"https://news.example/articles/y.png\" alt=\"y\" title=\"&quot;onerror=alert(7)\" />"), "{content}");

    let json = json_feed(&site, &articles);
    assert_eq!(json["items"][0]["title"], HOSTILE_HEADLINE);
    assert_eq!(
        json["items"][0]["content_html"],
        body_html(&site, &articles[0])
    );
}
