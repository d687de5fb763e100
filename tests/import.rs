//! The importers (`broadsheet_import`), run on the fixtures in
//! tests/fixtures/import/.
//!
//! Each fixture's article JSON is also kept in tests/fixtures/import/expected/
//! (the browser tests open those files in the viewer). After a deliberate change
//! to an importer, rewrite them with
//!
//! ```text
//! BLESS=1 CARGO_TARGET_DIR=/work/target-import cargo test -p broadsheet-import --test import
//! ```
//! and read the diff before committing it.

use broadsheet_core::article::{self, Article, Block};
use broadsheet_import::{Format, Imported, Options, import, options::parse_related};
use std::path::Path;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/tests/fixtures/import/{name}"))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Imports `name` and checks what every importer must give: articles that read
/// back without warnings, ids the site accepts, and the same JSON as the expected
/// file (rewritten with BLESS=1).
fn run(format: Format, name: &str, options: &Options) -> Imported {
    let imported =
        import(format, &fixture(name), options).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut written = Vec::new();
    for a in &imported.articles {
        let json = article::to_json(a);
        let parsed = article::parse(&json).unwrap();
        assert!(parsed.warnings.is_empty(), "{name}: {:?}", parsed.warnings);
        assert_eq!(&parsed.article, a, "{name}");
        broadsheet_site::check_slug(a.meta.id.as_deref().unwrap()).unwrap();
        let page = broadsheet_core::page::build(a);
        assert_eq!(
            broadsheet_core::invariants::page_problems(&page),
            Vec::<String>::new()
        );
        written.push(json);
    }
    // One file per article: <fixture>.json, or <fixture>/<id>.json for a feed.
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let expected = Path::new(ROOT).join("tests/fixtures/import/expected");
    let files: Vec<_> = match imported.articles.as_slice() {
        [a] => vec![(expected.join(format!("{stem}.json")), a)],
        all => all
            .iter()
            .map(|a| {
                (
                    expected
                        .join(stem)
                        .join(format!("{}.json", a.meta.id.as_deref().unwrap())),
                    a,
                )
            })
            .collect(),
    };
    for ((path, _), json) in files.iter().zip(written) {
        let text = json + "\n";
        if std::env::var_os("BLESS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, &text).unwrap();
        } else {
            let want = std::fs::read_to_string(path).unwrap_or_else(|e| {
                panic!("{}: {e} (run with BLESS=1 to write it)", path.display())
            });
            assert_eq!(
                text,
                want,
                "{name}: the output differs from {}",
                path.display()
            );
        }
    }
    imported
}

fn one(imported: &Imported) -> &Article {
    assert_eq!(imported.articles.len(), 1);
    &imported.articles[0]
}

fn texts(a: &Article) -> String {
    a.body
        .iter()
        .filter_map(|b| match b {
            Block::Text { markdown } => Some(markdown.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn figures(a: &Article) -> Vec<&article::Figure> {
    a.lead
        .iter()
        .chain(a.body.iter().filter_map(|b| match b {
            Block::Figure(f) => Some(f),
            _ => None,
        }))
        .collect()
}

/// The text a reader sees: every text node of the built page, joined.
fn shown(a: &Article) -> String {
    use broadsheet_core::markdown::{Node, plain_text};
    use broadsheet_core::page::Content;
    let page = broadsheet_core::page::build(a);
    page.body
        .iter()
        .map(|item| match &item.content {
            Content::Node(n) => plain_text(std::slice::from_ref::<Node>(n))
                .trim()
                .to_string(),
            Content::Heading { text, .. } => text.clone(),
            Content::Quote { text, .. } => text.clone(),
            Content::Figure(f) => f.caption.clone().unwrap_or_default(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

// --- text ---------------------------------------------------------------

fn wire_story_options() -> Options {
    Options {
        id: Some("iran-diplomat-defects-2011".into()),
        language: Some("en".into()),
        section: Some("Middle East".into()),
        published: Some("2011-03-01".into()),
        tags: ["Iran", "Green Wave", "Mir Hossein Mousavi", "Mahdi Karroubi", "Arab world uprisings"]
            .map(String::from)
            .to_vec(),
        related: [
            "https://en.wikipedia.org/wiki/Mir-Hossein_Mousavi=Mir-Hossein Mousavi=Prime minister of Iran from 1981 to 1989 and a 2009 presidential candidate.",
            "https://en.wikipedia.org/wiki/Mehdi_Karroubi=Mehdi Karroubi=Former speaker of the Iranian parliament and a 2009 presidential candidate.",
            "https://en.wikipedia.org/wiki/2011%E2%80%932012_Iranian_protests=2011–2012 Iranian protests",
            "https://iranhumanrights.org/=Center for Human Rights in Iran=The human rights group formerly known as the International Campaign for Human Rights in Iran.",
        ]
        .map(|r| parse_related(r).unwrap())
        .to_vec(),
        source: Some("News Agencies".into()),
        syndicated: true,
        ..Options::default()
    }
}

#[test]
fn the_wire_story_imports_to_the_sample_field_for_field_and_byte_for_byte() {
    let text = std::fs::read_to_string(format!(
        "{ROOT}/../shared/fixtures/000_a54c394dac301752.txt"
    ))
    .unwrap();
    let sample = std::fs::read_to_string(format!(
        "{ROOT}/../shared/fixtures/iran-diplomat-defects-2011.json"
    ))
    .unwrap();
    let imported = import(Format::Text, &text, &wire_story_options()).unwrap();
    assert_eq!(imported.warnings, Vec::<String>::new());
    let json = article::to_json(one(&imported));
    let got: serde_json::Value = serde_json::from_str(&json).unwrap();
    let want: serde_json::Value = serde_json::from_str(&sample).unwrap();
    assert_eq!(got, want);
    assert_eq!(json, sample);
}

#[test]
fn scraped_text_with_hostile_bits() {
    let imported = run(Format::Text, "scraped.txt", &Options::default());
    let a = one(&imported);
    assert_eq!(
        a.meta.headline,
        "Council <b>approves</b> the harbour budget"
    );
    assert_eq!(
        a.meta.dek.as_deref(),
        Some("Councillors voted 9–2 for the plan & its *costs*.")
    );
    assert_eq!(a.meta.byline.as_deref(), Some("By Jo Bloggs"));
    assert_eq!(
        a.meta.id.as_deref(),
        Some("council-b-approves-b-the-harbour-budget")
    );
    let f = figures(a);
    assert_eq!(f.len(), 2);
    let image = f[0].image.as_ref().unwrap();
    assert_eq!(
        (image.src.as_str(), image.alt.as_str()),
        ("https://example.org/harbour.jpg", "The harbour")
    );
    assert_eq!(f[0].caption.as_deref(), Some("The harbour at dawn."));
    assert_eq!(f[0].credit.as_deref(), Some("Jo Bloggs"));
    assert!(f[1].image.is_none(), "a javascript: image is dropped");
    assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
    let shown = shown(a);
    assert!(
        shown.contains("<script>alert(1)</script> is shown as text"),
        "{shown}"
    );
    assert!(shown.contains("# Not a heading"), "{shown}");
    assert!(shown.contains("1. Not a list"), "{shown}");
    assert!(shown.contains("&amp; stays"), "{shown}");
    assert_eq!(a.comments.as_ref().unwrap().label, "Comments");
}

// --- JSON-LD ------------------------------------------------------------

#[test]
fn jsonld_in_a_page_with_a_graph() {
    let imported = run(Format::Jsonld, "jsonld-graph.html", &Options::default());
    let a = one(&imported);
    let m = &a.meta;
    assert_eq!(m.headline, "Ferry timetable cut & fares rise");
    assert_eq!(
        m.dek.as_deref(),
        Some("Islanders say the winter timetable leaves them stranded after 6pm")
    );
    assert_eq!(m.id.as_deref(), Some("ferry-timetable-cut"));
    assert_eq!(
        m.byline.as_deref(),
        Some("By Ailsa Penrose and Morag Ellison")
    );
    assert_eq!(a.authors[0].name, "Ailsa Penrose");
    assert_eq!(
        a.authors[0].url.as_deref(),
        Some("https://courier.example.org/author/ailsa-penrose/")
    );
    assert_eq!(
        (a.authors[1].name.as_str(), a.authors[1].url.as_deref()),
        ("Morag Ellison", None)
    );
    assert_eq!(m.published.as_deref(), Some("2024-06-04T08:30:00+01:00"));
    assert_eq!(m.updated.as_deref(), Some("2024-06-04T12:05:00+01:00"));
    assert_eq!(m.section.as_deref(), Some("Local"));
    assert_eq!(m.tags, ["Ferries", "Carrow", "Transport"]);
    assert_eq!(m.language.as_deref(), Some("en-GB"));
    assert_eq!(
        m.source.as_ref().unwrap().name.as_deref(),
        Some("The Carrow Courier")
    );
    let lead = a.lead.as_ref().unwrap();
    let image = lead.image.as_ref().unwrap();
    assert_eq!(
        image.src,
        "https://courier.example.org/wp-content/uploads/2024/06/ferry-1280.jpg"
    );
    assert_eq!((image.width, image.height), (Some(1280), Some(853)));
    assert_eq!(
        lead.caption.as_deref(),
        Some("The MV Skerry leaving Carrow quay.")
    );
    assert_eq!(lead.credit.as_deref(), Some("Tom Rudd / Carrow Courier"));
    let f = figures(a);
    assert_eq!(
        f[1].image.as_ref().unwrap().alt,
        "Passengers queue on the quay"
    );
    assert_eq!(
        f[1].caption.as_deref(),
        Some("The Tuesday queue at Carrow.")
    );
    assert_eq!(f[1].credit.as_deref(), Some("Jo Bloggs"));
    assert!(a.body.contains(&Block::Heading {
        text: "What changes".into(),
        level: 2
    }));
    assert!(
        a.body.iter().any(
            |b| matches!(b, Block::Quote { cite: Some(c), .. } if c == "Carrow Island Council")
        )
    );
    let md = texts(a);
    assert!(
        md.contains("[see the timetable](https://courier.example.org/documents/timetable.pdf)"),
        "{md}"
    );
    assert!(
        md.contains("- Return fare: £12.80 → £14.20\n\n  - Children under 5: free"),
        "{md}"
    );
    let shown = shown(a);
    assert!(shown.contains("said <b>urgent</b> in its title"), "{shown}");
    assert!(shown.contains("as text &amp; complained"), "{shown}");
    assert!(shown.contains("Read the statement or"), "{shown}");
    for gone in [
        "injected",
        "alert",
        "steal",
        "tracking",
        "color: red",
        "Home",
    ] {
        assert!(
            !shown.contains(gone) && !md.contains(gone),
            "{gone} in {md}"
        );
    }
    let warnings = imported.warnings.join("\n");
    assert!(
        warnings.contains("<iframe> (\"https://maps.example.com/embed?route=ferry\") dropped"),
        "{warnings}"
    );
    assert!(
        warnings.contains("link \"javascript:alert('x')\" removed"),
        "{warnings}"
    );
}

#[test]
fn jsonld_file_with_an_article_body() {
    let imported = run(Format::Jsonld, "jsonld-article.json", &Options::default());
    let a = one(&imported);
    assert_eq!(
        a.meta.headline,
        "Ten things we learnt relighting a lighthouse"
    );
    assert_eq!(
        a.meta.dek.as_deref(),
        Some("A volunteer's notes: wicks, weather & the 1872 lens.")
    );
    assert_eq!(a.meta.id.as_deref(), Some("ten-things"));
    assert_eq!(
        a.meta.byline.as_deref(),
        Some("By Ailsa Penrose and Carrow Harbour Light Trust")
    );
    assert_eq!(
        a.authors[1].url.as_deref(),
        Some("https://trust.example.org/")
    );
    assert_eq!(a.meta.published.as_deref(), Some("2024-05-30"));
    assert_eq!(a.meta.updated, None);
    assert_eq!(a.meta.language.as_deref(), Some("en"));
    assert_eq!(a.meta.tags, ["Lighthouses", "Volunteering"]);
    assert_eq!(
        a.lead.as_ref().unwrap().image.as_ref().unwrap().src,
        "https://trust.example.org/img/lens-1600.jpg"
    );
    assert_eq!(
        imported.warnings,
        ["dateModified: \"last Tuesday\" is not an ISO 8601 date; left out"]
    );
    let shown = shown(a);
    assert_eq!(
        shown,
        "The lens weighs more than a car.\n1. It was made in Birmingham, not Glasgow.\n<script>alert(1)</script> is what one visitor typed into our guestbook &amp; we kept it.\n# is not a heading here, and *stars* stay stars."
    );
}

#[test]
fn jsonld_options_override() {
    let options = Options {
        id: Some("ferry".into()),
        section: Some("Transport".into()),
        tags: vec!["Ferries".into()],
        base: Some("https://mirror.example.net/x/".into()),
        ..Options::default()
    };
    let imported = import(Format::Jsonld, &fixture("jsonld-graph.html"), &options).unwrap();
    let a = one(&imported);
    assert_eq!(a.meta.id.as_deref(), Some("ferry"));
    assert_eq!(a.meta.section.as_deref(), Some("Transport"));
    assert_eq!(a.meta.tags, ["Ferries"]);
    assert!(texts(a).contains("](https://mirror.example.net/documents/timetable.pdf)"));
    let none = import(
        Format::Jsonld,
        "<html><body><p>x</p></body></html>",
        &Options::default(),
    );
    assert!(
        none.unwrap_err()
            .to_string()
            .starts_with("no schema.org article")
    );
}

// --- Markdown -----------------------------------------------------------

#[test]
fn hugo_post_with_yaml_front_matter() {
    let imported = run(Format::Markdown, "hugo-post.md", &Options::default());
    let a = one(&imported);
    let m = &a.meta;
    assert_eq!(m.headline, "Night buses return to the coast road");
    assert_eq!(
        m.dek.as_deref(),
        Some("After two years without them, the 22 and 23 night services run again from Friday.")
    );
    assert_eq!(m.id.as_deref(), Some("night-buses-return"));
    assert_eq!(m.published.as_deref(), Some("2024-06-07T21:15:00+01:00"));
    assert_eq!(m.updated.as_deref(), Some("2024-06-08T09:00:00Z"));
    assert_eq!(m.language.as_deref(), Some("en-GB"));
    assert_eq!(m.tags, ["Buses", "Transport", "Coast road"]);
    assert_eq!(m.section.as_deref(), Some("Local"));
    assert_eq!(m.byline.as_deref(), Some("By Morag Ellison and Jo Bloggs"));
    assert_eq!(
        a.authors[0].url.as_deref(),
        Some("https://courier.example.org/author/morag/")
    );
    let lead = a.lead.as_ref().unwrap();
    let image = lead.image.as_ref().unwrap();
    assert_eq!(
        image.src,
        "https://courier.example.org/images/night-bus.jpg"
    );
    assert_eq!(
        image.alt,
        "A double-decker bus with its lights on at a seafront stop"
    );
    assert_eq!(
        lead.caption.as_deref(),
        Some("The first night bus at Harbour Street.")
    );
    assert_eq!(lead.credit.as_deref(), Some("Jo Bloggs"));
    assert!(
        !a.body
            .iter()
            .any(|b| matches!(b, Block::Heading { text, .. } if text == &m.headline))
    );
    assert!(a.body.contains(&Block::Heading {
        text: "Who pays".into(),
        level: 3
    }));
    let f = figures(a);
    let timetable = f[1].image.as_ref().unwrap();
    assert_eq!(
        timetable.src,
        "https://courier.example.org/news/night-buses-return/timetable.png"
    );
    assert_eq!(timetable.alt, "The timetable posted at the stop");
    assert_eq!(f[1].caption.as_deref(), Some("The new timetable."));
    assert_eq!(f[1].credit.as_deref(), Some("Carrow Council"));
    let md = texts(a);
    assert!(
        md.contains("[council report](https://courier.example.org/reports/night-buses.pdf)"),
        "{md}"
    );
    assert!(md.contains("and the operator's notice."), "{md}");
    assert!(md.contains("| 22 | 00:00 | 05:00 |"), "{md}");
    assert!(md.contains("  1. Singles £2"), "{md}");
    assert!(
        !md.contains("javascript") && !md.contains("onerror") && !md.contains("onclick"),
        "{md}"
    );
    let shown = shown(a);
    assert!(shown.contains("Typed in the form: <b>bold</b>"), "{shown}");
    assert!(
        shown.contains("Inline html tags are dropped, their text kept, and so is this."),
        "{shown}"
    );
    assert!(md.contains("so is this.\\\nA new line."), "{md}");
    assert!(!shown.contains("alert(\"markdown\")"), "{shown}");
    assert!(shown.contains("The last bus was at 11pm."), "{shown}");
}

#[test]
fn markdown_with_toml_front_matter() {
    let imported = run(Format::Markdown, "toml-post.md", &Options::default());
    let a = one(&imported);
    assert_eq!(a.meta.headline, "Harbour wall repairs begin");
    assert_eq!(
        a.meta.dek.as_deref(),
        Some("Work on the 1890 wall will close the east pier until August.")
    );
    assert_eq!(a.meta.published.as_deref(), Some("2024-06-10T07:00:00Z"));
    assert_eq!(a.meta.byline.as_deref(), Some("By Ailsa Penrose"));
    assert_eq!(a.meta.id.as_deref(), Some("harbour-wall-repairs-begin"));
    assert_eq!(
        a.lead.as_ref().unwrap().image.as_ref().unwrap().src,
        "https://courier.example.org/images/wall.jpg"
    );
    assert!(a.body.contains(&Block::Heading {
        text: "Closures".into(),
        level: 4
    }));
}

// --- WordPress ----------------------------------------------------------

#[test]
fn wordpress_post_with_embed() {
    let imported = run(
        Format::Wordpress,
        "wordpress-post.json",
        &Options::default(),
    );
    let a = one(&imported);
    let m = &a.meta;
    assert_eq!(
        m.headline,
        "Lifeboat crew rescue three from the Skerry rocks – <b>again</b>"
    );
    assert_eq!(
        m.dek.as_deref(),
        Some("Three people were brought ashore after their yacht’s engine failed …")
    );
    assert_eq!(m.id.as_deref(), Some("lifeboat-crew-rescue-three"));
    assert_eq!(m.published.as_deref(), Some("2024-06-12T17:30:00Z"));
    assert_eq!(m.updated.as_deref(), Some("2024-06-13T08:10:00Z"));
    assert_eq!(m.section.as_deref(), Some("Local & Coast"));
    assert_eq!(m.tags, ["Lifeboats", "RNLI"]);
    assert_eq!(m.byline.as_deref(), Some("By Ailsa Penrose"));
    assert_eq!(
        a.authors[0].url.as_deref(),
        Some("https://courier.example.org/author/ailsa/")
    );
    let lead = a.lead.as_ref().unwrap();
    let image = lead.image.as_ref().unwrap();
    assert_eq!(image.alt, "The Skerry rocks at low tide");
    assert_eq!((image.width, image.height), (Some(2048), Some(1365)));
    assert_eq!(
        image.srcset.iter().map(|e| e.width).collect::<Vec<_>>(),
        [300, 1024, 2048]
    );
    assert_eq!(
        lead.caption.as_deref(),
        Some("The Skerry rocks, where the yacht drifted.")
    );
    assert_eq!(lead.credit.as_deref(), Some("Jo Bloggs"));
    let f = figures(a);
    assert_eq!(f.len(), 2);
    assert_eq!(
        f[1].caption.as_deref(),
        Some("The lifeboat reaches the yacht.")
    );
    assert_eq!(f[1].credit.as_deref(), Some("RNLI/Carrow"));
    assert_eq!(f[1].image.as_ref().unwrap().srcset.len(), 2);
    assert!(a.body.contains(&Block::Heading {
        text: "“We were lucky”".into(),
        level: 2
    }));
    assert!(a.body.contains(&Block::Quote {
        text: "The sea does not care how experienced you are.".into(),
        cite: Some("Coxswain Tom Rudd".into())
    }));
    assert!(a.body.contains(&Block::Quote {
        text: "Always carry a VHF radio.".into(),
        cite: Some("RNLI advice".into())
    }));
    let md = texts(a);
    assert!(
        md.contains("| Year | Launches |\n| --- | --- |\n| 2023 | 41 |"),
        "{md}"
    );
    assert!(
        md.contains("- On scene: 4.31pm\n\n  - Tow rigged: 4.40pm"),
        "{md}"
    );
    assert!(
        md.contains("[on our site](https://courier.example.org/advice/)"),
        "{md}"
    );
    assert!(md.contains("Footage from the helmet camera"), "{md}");
    assert!(
        !md.contains("javascript") && !md.contains("alert") && !md.contains("youtube.com/embed"),
        "{md}"
    );
    let shown = shown(a);
    assert!(
        shown.contains("Readers wrote <script> in the comments &amp; we printed it."),
        "{shown}"
    );
    let warnings = imported.warnings.join("\n");
    assert!(
        warnings
            .contains("<iframe> (\"https://www.youtube.com/embed/xyz?feature=oembed\") dropped"),
        "{warnings}"
    );
    assert!(
        warnings.contains("image \"javascript:alert(1)\" dropped"),
        "{warnings}"
    );
}

#[test]
fn wordpress_post_without_embed() {
    let imported = run(
        Format::Wordpress,
        "wordpress-plain.json",
        &Options::default(),
    );
    let a = one(&imported);
    assert_eq!(a.meta.id.as_deref(), Some("market-day-moves"));
    assert_eq!(
        a.meta.dek.as_deref(),
        Some("From July the market will be held on Saturdays.")
    );
    assert_eq!(a.meta.updated, None, "modified equals date");
    assert!(a.authors.is_empty() && a.lead.is_none());
    assert!(texts(a).contains(
        "[https://twitter.com/carrowcouncil/status/1](https://twitter.com/carrowcouncil/status/1)"
    ));
    assert_eq!(imported.warnings.len(), 2, "{:?}", imported.warnings);
}

// --- feeds --------------------------------------------------------------

#[test]
fn rss_feed_with_content_encoded() {
    let imported = run(Format::Feed, "rss-feed.xml", &Options::default());
    assert_eq!(imported.articles.len(), 3);
    let a = &imported.articles[0];
    let m = &a.meta;
    assert_eq!(m.headline, "Harbour festival draws record crowd");
    assert_eq!(
        m.dek.as_deref(),
        Some("More than 12,000 people came to the quay on Saturday.")
    );
    assert_eq!(m.id.as_deref(), Some("harbour-festival-record"));
    assert_eq!(m.published.as_deref(), Some("2024-06-15T17:00:00Z"));
    assert_eq!(m.byline.as_deref(), Some("By Jo Bloggs"));
    assert_eq!(m.tags, ["Events", "Harbour"]);
    assert_eq!(m.language.as_deref(), Some("en-gb"));
    assert_eq!(
        m.source.as_ref().unwrap().name.as_deref(),
        Some("The Carrow Courier – Local")
    );
    let lead = a.lead.as_ref().unwrap();
    let image = lead.image.as_ref().unwrap();
    assert_eq!(
        image.src,
        "https://courier.example.org/wp-content/uploads/2024/06/crowd.jpg"
    );
    assert_eq!((image.width, image.height), (Some(1600), Some(900)));
    assert_eq!(
        lead.caption.as_deref(),
        Some("The quay at 3pm on Saturday.")
    );
    assert_eq!(lead.credit.as_deref(), Some("Ailsa Penrose"));
    let f = figures(a);
    assert_eq!(
        f[1].image.as_ref().unwrap().src,
        "https://courier.example.org/wp-content/uploads/2024/06/fireworks.jpg"
    );
    assert_eq!(f[1].credit.as_deref(), Some("Carrow Festival"));
    assert!(a.body.contains(&Block::Heading {
        text: "Next year".into(),
        level: 3
    }));
    let shown = shown(a);
    assert!(
        shown.contains("Stallholders wrote <b>SOLD OUT</b> on their boards."),
        "{shown}"
    );
    assert!(
        shown.contains("The programme ran until midnight."),
        "{shown}"
    );
    assert!(!texts(a).contains("alert"), "{}", texts(a));

    let b = &imported.articles[1];
    assert_eq!(b.meta.id.as_deref(), Some("mill-street-closure"));
    assert_eq!(b.meta.dek, None);
    assert_eq!(
        texts(b),
        "Mill Street will be closed from Monday for *two weeks*.\n\nDiversions via Quay Road & Church Lane."
    );
    assert_eq!(
        b.lead.as_ref().unwrap().image.as_ref().unwrap().src,
        "https://courier.example.org/images/mill-street.jpg"
    );
    let c = &imported.articles[2];
    assert_eq!(c.meta.id.as_deref(), Some("road-closure-on-mill-street"));
    assert_eq!(texts(c), "Update: the closure is postponed.");
}

#[test]
fn atom_feed() {
    let imported = run(Format::Feed, "atom-feed.xml", &Options::default());
    let a = one(&imported);
    let m = &a.meta;
    assert_eq!(m.headline, "The lamp turns again");
    assert_eq!(m.id.as_deref(), Some("the-lamp-turns-again"));
    assert_eq!(m.published.as_deref(), Some("2024-06-01T21:30:00Z"));
    assert_eq!(m.updated.as_deref(), Some("2024-06-03T10:15:00Z"));
    assert_eq!(m.byline.as_deref(), Some("By Ailsa Penrose and Tom Rudd"));
    assert_eq!(
        a.authors[0].url.as_deref(),
        Some("https://trust.example.org/people/ailsa")
    );
    assert_eq!(m.tags, ["Lighthouses", "events"]);
    assert_eq!(m.language.as_deref(), Some("en"));
    assert_eq!(
        m.dek.as_deref(),
        Some("At 9.30pm on Saturday the light shone for the first time since 1984.")
    );
    assert!(a.body.contains(&Block::Quote {
        text: "It was like the town took a breath.".into(),
        cite: Some("Ailsa Penrose".into())
    }));
    let f = figures(a);
    assert_eq!(
        f[0].image.as_ref().unwrap().src,
        "https://trust.example.org/news/images/lamp.jpg"
    );
    assert!(shown(a).contains("Visitors typed <script> into the guestbook &amp; we framed it."));
    assert!(
        imported.warnings.iter().any(|w| w.contains("<iframe>")),
        "{:?}",
        imported.warnings
    );
}

// --- Arc XP ANS ---------------------------------------------------------

#[test]
fn ans_story_with_every_element_type() {
    let imported = run(Format::Ans, "ans-story.json", &Options::default());
    let a = one(&imported);
    let m = &a.meta;
    assert_eq!(
        m.headline,
        "Storm closes the coast road & cuts power to 2,000 homes"
    );
    assert_eq!(
        m.dek.as_deref(),
        Some("Gusts of 80mph brought down lines between Carrow and Hawden overnight.")
    );
    assert_eq!(m.id.as_deref(), Some("storm-closes-coast-road"));
    assert_eq!(m.published.as_deref(), Some("2024-06-18T06:45:00Z"));
    assert_eq!(m.updated.as_deref(), Some("2024-06-18T11:20:00.000Z"));
    assert_eq!(m.language.as_deref(), Some("en"));
    assert_eq!(m.section.as_deref(), Some("Local"));
    assert_eq!(m.tags, ["Weather", "Power cuts"]);
    assert_eq!(m.byline.as_deref(), Some("By Morag Ellison and Tom Rudd"));
    assert_eq!(
        a.authors[0].url.as_deref(),
        Some("https://courier.example.org/author/morag-ellison/")
    );
    assert_eq!(a.authors[1].url, None);
    assert_eq!(
        m.source.as_ref().unwrap().name.as_deref(),
        Some("The Carrow Courier")
    );
    assert_eq!(m.corrections.len(), 1);
    assert_eq!(
        m.corrections[0].text,
        "An earlier version said 3,000 homes had lost power."
    );
    let lead = a.lead.as_ref().unwrap();
    assert_eq!(
        lead.caption.as_deref(),
        Some("Waves over the sea wall at Hawden.")
    );
    assert_eq!(lead.credit.as_deref(), Some("Jo Bloggs"));
    assert_eq!(
        lead.image.as_ref().unwrap().alt,
        "Waves breaking over a sea wall"
    );
    let f = figures(a);
    assert_eq!(
        f[1].credit.as_deref(),
        Some("Ailsa Penrose, Carrow Courier")
    );
    assert_eq!(f[1].image.as_ref().unwrap().width, Some(1200));
    assert!(a.body.contains(&Block::Heading {
        text: "Where the power is off".into(),
        level: 2
    }));
    assert!(a.body.contains(&Block::Quote {
        text: "It was the worst night since 1987.".into(),
        cite: Some("A Hawden resident".into())
    }));
    assert!(a.body.contains(&Block::Quote {
        text: "Stay away from fallen lines.\n\nCall 105.".into(),
        cite: None
    }));
    let md = texts(a);
    assert!(
        md.contains("[Hawden](https://courier.example.org/places/hawden)"),
        "{md}"
    );
    assert!(
        md.contains("- Carrow: 800 homes\n- 1. Mill Street\n  2. Quay Road"),
        "{md}"
    );
    assert!(md.contains("* * *"), "{md}");
    assert!(
        md.contains("[Follow the storm live](https://courier.example.org/news/storm-live/)"),
        "{md}"
    );
    assert!(md.contains("Not a real link"), "{md}");
    assert!(md.contains("More on the storm\n\n- [Yesterday’s warning](https://courier.example.org/news/2024/06/17/storm-warning/)"), "{md}");
    assert!(
        md.ends_with("Power should be back by *Wednesday*, the network said."),
        "{md}"
    );
    assert!(
        !md.contains("alert") && !md.contains("evil") && !md.contains("widget"),
        "{md}"
    );
    assert!(
        shown(a).contains("Engineers wrote <script> on their work sheets &amp; nobody minded.")
    );
    assert_eq!(
        a.related,
        [article::Related {
            title: "Last winter’s storms cost £2m".into(),
            url: "https://courier.example.org/news/2024/01/storm-costs/".into(),
            summary: Some("The council’s bill for repairs.".into())
        }]
    );
    let warnings = imported.warnings.join("\n");
    for skipped in [
        "raw_html",
        "oembed_response",
        "custom_embed",
        "reference",
        "video",
    ] {
        assert!(
            warnings.contains(&format!("\"{skipped}\" element skipped")),
            "{skipped}: {warnings}"
        );
    }
    assert!(
        warnings.contains("related_content.basic[1]: skipped"),
        "{warnings}"
    );
}

// --- Apple News Format --------------------------------------------------

#[test]
fn anf_article_with_nested_containers() {
    let imported = run(Format::Anf, "anf-article.json", &Options::default());
    let a = one(&imported);
    let m = &a.meta;
    assert_eq!(
        m.headline,
        "Rowers race for the Skerry Cup in the first regatta since 2019"
    );
    assert_eq!(
        m.dek.as_deref(),
        Some("Forty crews, one course and a very old cup.")
    );
    assert_eq!(m.byline.as_deref(), Some("By Jo Bloggs and Ailsa Penrose"));
    assert_eq!(m.id.as_deref(), Some("skerry-cup-regatta"));
    assert_eq!(m.language.as_deref(), Some("en-GB"));
    assert_eq!(m.published.as_deref(), Some("2024-06-22T16:00:00Z"));
    assert_eq!(m.updated.as_deref(), Some("2024-06-22T18:30:00Z"));
    assert_eq!(m.tags, ["Rowing", "Regatta"]);
    assert_eq!(
        a.authors
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>(),
        ["Jo Bloggs", "Ailsa Penrose"]
    );
    let lead = a.lead.as_ref().unwrap();
    let image = lead.image.as_ref().unwrap();
    assert_eq!(
        image.src,
        "https://courier.example.org/sport/2024/06/22/skerry-cup-regatta/regatta.jpg"
    );
    assert_eq!(image.alt, "Rowing boats on a calm harbour");
    assert_eq!(
        lead.caption.as_deref(),
        Some("The start line off the east pier.")
    );
    assert_eq!(lead.credit.as_deref(), Some("Photo: Tom Rudd"));
    let f = figures(a);
    assert_eq!(f[1].caption.as_deref(), Some("The finish, at 3.40pm."));
    assert_eq!(f[1].credit.as_deref(), Some("Carrow Rowing Club"));
    assert!(a.body.contains(&Block::Heading {
        text: "How the race was won".into(),
        level: 2
    }));
    assert!(a.body.contains(&Block::Heading {
        text: "Next year".into(),
        level: 2
    }));
    assert!(a.body.contains(&Block::Quote {
        text: "We trained all winter for six minutes.".into(),
        cite: None
    }));
    assert!(a.body.contains(&Block::Quote {
        text: "Best day of the year.".into(),
        cite: None
    }));
    let md = texts(a);
    assert!(
        md.starts_with("The harbour was full of boats again on Saturday.\n\nThe **Skerry Cup**"),
        "{md}"
    );
    assert!(
        md.contains("[two lengths](https://courier.example.org/results)"),
        "{md}"
    );
    assert!(
        md.contains("[on the club site](https://club.example.org/results) and here."),
        "{md}"
    );
    assert!(md.contains("\\*Stars\\* stay stars."), "{md}");
    assert!(md.contains("A caption with no photo before it."), "{md}");
    assert!(!md.contains("alert"), "{md}");
    assert!(shown(a).contains("Spectators chanted <script> as a joke &amp; nobody understood."));
    assert_eq!(a.related.len(), 1);
    let warnings = imported.warnings.join("\n");
    assert!(
        warnings.contains("\"embedwebvideo\" component skipped"),
        "{warnings}"
    );
    assert!(
        warnings.contains("\"advertisement\" component skipped"),
        "{warnings}"
    );
    assert!(
        warnings.contains("metadata.links: \"javascript:alert(1)\" skipped"),
        "{warnings}"
    );
}

// --- any input ----------------------------------------------------------

mod any_input {
    use super::*;
    use proptest::prelude::*;

    /// Text with markup, entities, URLs and Markdown in it.
    fn hostile() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                "[a-zA-Z0-9 .,*_#>|~^\\[\\]()!=:/-]{0,10}",
                Just("<script>alert(1)</script>".to_string()),
                Just("&lt;b&gt;".to_string()),
                Just("&amp;amp;".to_string()),
                Just("<img src=x onerror=alert(1)>".to_string()),
                Just("<a href='javascript:alert(1)'>x</a>".to_string()),
                Just("<p>".to_string()),
                Just("</p>".to_string()),
                Just("<ul><li>".to_string()),
                Just("<figure><img src='/a.jpg'><figcaption>Photo: X".to_string()),
                Just("\n".to_string()),
                Just("\n\n".to_string()),
                Just("\"".to_string()),
                Just("\\".to_string()),
                Just("![](javascript:x) |".to_string()),
            ],
            0..12,
        )
        .prop_map(|parts| parts.concat())
    }

    /// Whatever an importer makes of `input` is a valid article whose page
    /// keeps every invariant, or an error; never a panic.
    fn check(format: Format, input: &str) -> Result<(), TestCaseError> {
        if let Ok(imported) = import(format, input, &Options::default()) {
            for a in &imported.articles {
                let page = broadsheet_core::page::build(a);
                let problems = broadsheet_core::invariants::page_problems(&page);
                prop_assert!(problems.is_empty(), "{problems:?}");
                broadsheet_site::check_slug(a.meta.id.as_deref().unwrap()).unwrap();
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn every_importer_makes_valid_articles_or_errors(title in hostile(), body in hostile()) {
            let json = |s: &str| serde_json::Value::String(s.into()).to_string();
            let (t, b) = (json(&title), json(&body));
            check(Format::Text, &format!("{title}\n{body}"))?;
            check(Format::Markdown, &format!("---\ntitle: {t}\n---\n{body}"))?;
            check(Format::Jsonld, &format!(r#"{{"@type":"NewsArticle","headline":{t},"articleBody":{b},"image":{b}}}"#))?;
            check(Format::Jsonld, &format!(r#"<script type="application/ld+json">{{"@type":"Article","headline":{t}}}</script><article>{body}</article>"#))?;
            check(Format::Wordpress, &format!(r#"{{"title":{{"rendered":{t}}},"content":{{"rendered":{b}}},"slug":{t}}}"#))?;
            check(Format::Feed, &format!("<rss><channel><item><title>{title}</title><description><![CDATA[{body}]]></description></item></channel></rss>"))?;
            check(Format::Ans, &format!(r#"{{"headlines":{{"basic":{t}}},"content_elements":[{{"type":"text","content":{b}}},{{"type":"header","content":{b}}}]}}"#))?;
            check(Format::Anf, &format!(r#"{{"title":{t},"components":[{{"role":"body","format":"html","text":{b}}},{{"role":"body","format":"markdown","text":{b}}}]}}"#))?;
        }
    }
}
