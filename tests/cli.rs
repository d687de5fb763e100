//! The `broadsheet` command, run as a publisher would.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ARTICLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/articles");

fn broadsheet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_broadsheet"))
        .args(args)
        .output()
        .expect("the broadsheet binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh folder under the build's temporary directory.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn validate_accepts_the_samples() {
    let sample = format!("{ARTICLES}/iran-diplomat-defects-2011.json");
    let out = broadsheet(&["validate", &sample]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("iran-diplomat-defects-2011.json: ok"));
}

#[test]
fn validate_names_the_json_path_of_a_bad_field_and_fails() {
    let dir = scratch("validate-bad");
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"version":"1.0","headline":"H","body":[{"type":"text","markdown":"a"},{"type":"figure","image":{"src":42}}]}"#,
    )
    .unwrap();
    let good = format!("{ARTICLES}/harbour-light-restoration.json");
    let out = broadsheet(&["validate", bad.to_str().unwrap(), &good]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("bad.json: body[1].image.src:"), "{stderr}");
    assert!(stderr.contains("1 of 2 files have problems"), "{stderr}");
    assert!(text(&out.stdout).contains("harbour-light-restoration.json: ok"));
}

#[test]
fn index_writes_the_library_of_a_folder() {
    let dir = scratch("index");
    for entry in std::fs::read_dir(ARTICLES).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() != "index.json" {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    let out = broadsheet(&["index", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(dir.join("index.json")).unwrap(),
        std::fs::read_to_string(format!("{ARTICLES}/index.json")).unwrap(),
        "the bundled index is what `broadsheet index` writes"
    );
    // A broken article stops it, naming the file, and leaves the index alone.
    std::fs::write(dir.join("broken.json"), "{").unwrap();
    let out = broadsheet(&["index", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("broken.json: (the file): not valid JSON"));
}

/// A Trunk-like build output: a template index.html and the sample articles.
fn fake_dist(name: &str) -> PathBuf {
    let dist = scratch(name);
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html>\n<html lang=\"en\">\n<head><title>Broadsheet</title><script type=\"module\" src=\"/start-0.js\"></script></head>\n<body>\n<noscript><p>Needs JavaScript.</p></noscript>\n</body>\n</html>\n",
    )
    .unwrap();
    // The published pages' reader, as scripts/postbuild.mjs names it.
    std::fs::write(dist.join("start-reader-0.js"), "").unwrap();
    let articles = dist.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    for entry in std::fs::read_dir(ARTICLES).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, articles.join(path.file_name().unwrap())).unwrap();
    }
    dist
}

#[test]
fn build_pre_renders_every_article_into_the_template() {
    let dist = fake_dist("build");
    let build = || {
        let out = broadsheet(&[
            "build",
            dist.to_str().unwrap(),
            "--site",
            "https://news.example/",
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    };
    build();
    let page = std::fs::read_to_string(dist.join("articles/iran-diplomat-defects-2011/index.html"))
        .unwrap();
    assert!(
        page.contains(
            "<html lang=\"en\" dir=\"ltr\" data-prerendered=\"/articles/iran-diplomat-defects-2011/\" data-app=\"/start-reader-0.js\">"
        ),
        "{page}"
    );
    assert!(page.contains("<title>Former Iran diplomat: Iran leaders would slaughter people in a revolt — Broadsheet</title>"), "{page}");
    assert!(page.contains("<link rel=\"canonical\" href=\"https://news.example/articles/iran-diplomat-defects-2011/\">"), "{page}");
    // The reader's module is named for boot.js to start after the first paint.
    assert!(!page.contains("<script type=\"module\""), "{page}");
    assert!(page.contains("<h1 id=\"headline\">"), "{page}");
    assert!(
        page.contains("id=\"bs-article\" data-src=\"/articles/iran-diplomat-defects-2011.json\""),
        "{page}"
    );
    assert!(
        !page.contains("Needs JavaScript"),
        "a pre-rendered page needs no script"
    );
    for file in [
        "feed.xml",
        "feed.json",
        "sitemap.xml",
        "robots.txt",
        "articles/rtl-sample-ar/oembed.json",
    ] {
        assert!(dist.join(file).is_file(), "{file}");
    }
    let arabic = std::fs::read_to_string(dist.join("articles/rtl-sample-ar/index.html")).unwrap();
    assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\" data-prerendered="));

    // The front page is the library, and the shell Trunk wrote is kept.
    let library = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(
        library.contains("<html lang=\"en\" dir=\"ltr\" data-prerendered=\"/\">"),
        "{library}"
    );
    assert!(
        library.contains("<title>Library — Broadsheet</title>"),
        "{library}"
    );
    assert!(
        library.contains("<script type=\"module\" src=\"/start-0.js\"></script>"),
        "the library, also sent for other addresses, starts the app itself"
    );
    assert!(
        library.contains("<link rel=\"canonical\" href=\"https://news.example/\">"),
        "{library}"
    );
    assert!(
        library.contains("<a href=\"/articles/rtl-sample-ar/\">"),
        "{library}"
    );
    assert!(
        library.contains("id=\"bs-library\" data-src=\"/articles/index.json\""),
        "{library}"
    );
    let shell = std::fs::read_to_string(dist.join("shell.html")).unwrap();
    assert!(shell.contains("<title>Broadsheet</title>") && !shell.contains("data-prerendered"));

    // Run again on its own output, from the kept shell: the same pages.
    build();
    assert_eq!(
        std::fs::read_to_string(dist.join("index.html")).unwrap(),
        library
    );
}

#[test]
fn build_fixes_the_interface_language_when_the_publisher_sets_one() {
    let dist = fake_dist("build-ui-lang");
    let build = |ui_lang: &[&str]| {
        let mut args = vec!["build", dist.to_str().unwrap()];
        args.extend_from_slice(ui_lang);
        broadsheet(&args)
    };
    let out = build(&["--ui-lang", "fr"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let library = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(
        library
            .contains("<html lang=\"fr\" dir=\"ltr\" data-ui-lang=\"fr\" data-prerendered=\"/\">"),
        "{library}"
    );
    assert!(
        library.contains("<title>Bibliothèque — Broadsheet</title>"),
        "{library}"
    );
    let arabic = std::fs::read_to_string(dist.join("articles/rtl-sample-ar/index.html")).unwrap();
    assert!(
        arabic.contains("<html lang=\"ar\" dir=\"rtl\" data-ui-lang=\"fr\" data-prerendered="),
        "{arabic}"
    );
    assert!(arabic.contains("Copier le lien"), "{arabic}");
    // Its reader has English words only: the page preloads the French ones,
    // which the build wrote for every language but English.
    let french = broadsheet_core::i18n::words::path(broadsheet_core::i18n::Locale::Fr);
    assert!(
        arabic.contains(&format!(
            "<link rel=\"preload\" href=\"/{french}\" as=\"fetch\" crossorigin>"
        )),
        "{arabic}"
    );
    let words: Vec<String> =
        serde_json::from_str(&std::fs::read_to_string(dist.join(&french)).unwrap()).unwrap();
    assert!(words.iter().any(|w| w == "Copier le lien"), "{words:?}");
    let files = std::fs::read_dir(dist.join("ui")).unwrap().count();
    assert_eq!(files, 5, "ar, de, es, fr, ja");
    // The shell says it too, for /read?src=…; and says nothing once unset.
    let shell = || std::fs::read_to_string(dist.join("shell.html")).unwrap();
    assert!(
        shell().contains("<html lang=\"en\" data-ui-lang=\"fr\">"),
        "{}",
        shell()
    );
    assert!(build(&[]).status.success());
    assert!(shell().contains("<html lang=\"en\">"), "{}", shell());

    let out = build(&["--ui-lang", "tlh"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(
            "the interface language \"tlh\" is not one Broadsheet has (en, ar, de, es, fr, ja)"
        ),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn build_fails_on_a_broken_article_naming_its_file_and_json_path() {
    let dist = fake_dist("build-broken");
    std::fs::write(
        dist.join("articles/harbour-light-restoration.json"),
        r#"{"version":"1.0","headline":"H","body":[{"type":"figure","image":{"src":42}}]}"#,
    )
    .unwrap();
    let out = broadsheet(&["build", dist.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("harbour-light-restoration.json: body[0].image.src:"),
        "{stderr}"
    );
    assert!(
        !dist
            .join("articles/iran-diplomat-defects-2011/index.html")
            .exists(),
        "nothing is published"
    );
}

// --- broadsheet import ---------------------------------------------------

const IMPORT_FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import");
const WIRE_STORY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/fixtures/000_a54c394dac301752.txt"
);

/// The flags that make the wire story's scraped text into the sample article.
const WIRE_STORY_FLAGS: &[&str] = &[
    "--id=iran-diplomat-defects-2011",
    "--language=en",
    "--section=Middle East",
    "--published=2011-03-01",
    "--tag=Iran",
    "--tag=Green Wave",
    "--tag=Mir Hossein Mousavi",
    "--tag=Mahdi Karroubi",
    "--tag=Arab world uprisings",
    "--related=https://en.wikipedia.org/wiki/Mir-Hossein_Mousavi=Mir-Hossein Mousavi=Prime minister of Iran from 1981 to 1989 and a 2009 presidential candidate.",
    "--related=https://en.wikipedia.org/wiki/Mehdi_Karroubi=Mehdi Karroubi=Former speaker of the Iranian parliament and a 2009 presidential candidate.",
    "--related=https://en.wikipedia.org/wiki/2011%E2%80%932012_Iranian_protests=2011–2012 Iranian protests",
    "--related=https://iranhumanrights.org/=Center for Human Rights in Iran=The human rights group formerly known as the International Campaign for Human Rights in Iran.",
    "--source=News Agencies",
    "--syndicated",
];

#[test]
fn import_prints_the_wire_story_as_the_sample() {
    let mut args = vec!["import", "text", WIRE_STORY];
    args.extend(WIRE_STORY_FLAGS);
    let out = broadsheet(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let sample =
        std::fs::read_to_string(format!("{ARTICLES}/iran-diplomat-defects-2011.json")).unwrap();
    assert_eq!(text(&out.stdout), format!("{sample}\n"));
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn import_out_writes_the_article_and_the_index_as_broadsheet_index_does() {
    let dir = scratch("import-out");
    let mut args = vec!["import", "text", WIRE_STORY, "--out", dir.to_str().unwrap()];
    args.extend(WIRE_STORY_FLAGS);
    let out = broadsheet(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(dir.join("iran-diplomat-defects-2011.json")).unwrap();
    let sample =
        std::fs::read_to_string(format!("{ARTICLES}/iran-diplomat-defects-2011.json")).unwrap();
    assert_eq!(written.trim_end(), sample);
    let index = std::fs::read_to_string(dir.join("index.json")).unwrap();
    let out = broadsheet(&["index", dir.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.join("index.json")).unwrap(),
        index
    );
    assert!(
        index.contains("\"src\": \"iran-diplomat-defects-2011.json\""),
        "{index}"
    );
    let out = broadsheet(&[
        "validate",
        dir.join("iran-diplomat-defects-2011.json")
            .to_str()
            .unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn import_warns_on_stderr_and_fails_on_an_unreadable_file() {
    let out = broadsheet(&["import", "text", &format!("{IMPORT_FIXTURES}/scraped.txt")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("scraped.txt: warning: line "),
        "{}",
        text(&out.stderr)
    );
    let missing = format!("{IMPORT_FIXTURES}/no-such-file.txt");
    let out = broadsheet(&["import", "text", &missing]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!("{missing}: cannot be read: ")),
        "{stderr}"
    );
    let out = broadsheet(&["import", "text", WIRE_STORY, "--published", "yesterday"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("--published: \"yesterday\" is not an ISO 8601 date"));
}

#[test]
fn import_feed_needs_out_for_several_items_and_writes_each_with_the_index() {
    let feed = format!("{IMPORT_FIXTURES}/rss-feed.xml");
    let out = broadsheet(&["import", "feed", &feed]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("rss-feed.xml: holds 3 articles: write them with --out DIR")
    );
    let dir = scratch("import-feed");
    let out = broadsheet(&[
        "import",
        "feed",
        &feed,
        "--section",
        "Local",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let index = std::fs::read_to_string(dir.join("index.json")).unwrap();
    for id in [
        "harbour-festival-record",
        "mill-street-closure",
        "road-closure-on-mill-street",
    ] {
        let file = dir.join(format!("{id}.json"));
        let article = std::fs::read_to_string(&file).unwrap();
        assert!(article.contains("\"section\": \"Local\""), "{article}");
        assert!(
            index.contains(&format!("\"src\": \"{id}.json\"")),
            "{index}"
        );
        let out = broadsheet(&["validate", file.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let atom = format!("{IMPORT_FIXTURES}/atom-feed.xml");
    let out = broadsheet(&["import", "feed", &atom]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("\"id\": \"the-lamp-turns-again\""));
}
