//! `broadsheet`: the command line for publishers.
//!
//! - `broadsheet validate FILE…` reads each article file as the viewer would and
//!   prints what is wrong, with its JSON path; exits 1 if any file has a problem.
//! - `broadsheet index DIR` writes `DIR/index.json`, the library the viewer's
//!   front page lists, from the article files in `DIR`.
//! - `broadsheet import FORMAT FILE` turns scraped text, JSON-LD, Markdown,
//!   WordPress posts, feeds, Arc XP ANS and Apple News Format into article JSON
//!   (`broadsheet_import`; see docs/importing.md).
//! - `broadsheet build DIST` writes the published site into a Trunk build: a
//!   pre-rendered page for every article, feeds, sitemap (see `build.rs`).

mod build;

use broadsheet_core::{article, library};
use broadsheet_import::{Format, Options};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "broadsheet",
    version,
    about = "Validate Broadsheet articles, write the library index, import articles, build the published site."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
// Made once per run: the size of the import options does not matter.
#[allow(clippy::large_enum_variant)]
enum Command {
    /// Check article files (format v1): print each problem with its JSON path.
    Validate {
        /// Article JSON files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write DIR/index.json from the article files in DIR (every *.json but the index).
    Index {
        /// The folder of article files, e.g. public/articles.
        dir: PathBuf,
    },
    /// Turn an article in another format into article JSON (printed, or one
    /// <id>.json per article in --out DIR with DIR/index.json rewritten).
    Import {
        /// What FILE is.
        format: InputFormat,
        /// The file to import.
        file: PathBuf,
        #[command(flatten)]
        options: ImportOptions,
    },
    /// Pre-render every article of DIST/articles/index.json into DIST, with feeds,
    /// sitemap and robots.txt (run after every `trunk build` by scripts/postbuild.mjs).
    Build {
        /// A Trunk build's output folder, e.g. dist.
        dist: PathBuf,
        /// The address the site is published at [default: $BROADSHEET_SITE_URL,
        /// else http://127.0.0.1:8080/].
        #[arg(long)]
        site: Option<String>,
        /// Fix the interface language of every page (en, ar, de, es, fr, ja)
        /// [default: $BROADSHEET_UI_LANG, else the article's, else the reader's].
        #[arg(long)]
        ui_lang: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    /// Scraped article text: headline, dek, "By …", paragraphs, photo rows.
    Text,
    /// schema.org NewsArticle JSON-LD, alone or in an HTML page.
    Jsonld,
    /// Markdown with YAML (---) or TOML (+++) front matter.
    Markdown,
    /// A WordPress REST API post (/wp/v2/posts/<id>, with or without _embed).
    Wordpress,
    /// An RSS 2.0 or Atom feed: one article per item (--out DIR when more than one).
    Feed,
    /// An Arc XP ANS story.
    Ans,
    /// An Apple News Format article.json.
    Anf,
}

#[derive(Args)]
struct ImportOptions {
    /// The article's id (a slug: a-z, 0-9, "-"); else from the input's slug or headline.
    #[arg(long)]
    id: Option<String>,
    /// The section, e.g. "Middle East".
    #[arg(long)]
    section: Option<String>,
    /// A BCP 47 language tag, e.g. en or ar.
    #[arg(long)]
    language: Option<String>,
    /// A tag (repeat for more); replaces the input's tags.
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    /// A related link, URL=TITLE or URL=TITLE=SUMMARY (<URL>=… when the URL holds
    /// "="); repeat for more; replaces the input's.
    #[arg(long, value_name = "URL=TITLE[=SUMMARY]", value_parser = broadsheet_import::options::parse_related)]
    related: Vec<article::Related>,
    /// The publication date, ISO 8601: 2011-03-01 or 2011-03-01T14:05Z.
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// The date of the last update, ISO 8601.
    #[arg(long, value_name = "DATE")]
    updated: Option<String>,
    /// The source's name.
    #[arg(long, value_name = "NAME")]
    source: Option<String>,
    /// The article is syndicated from the source.
    #[arg(long)]
    syndicated: bool,
    /// The address relative URLs are resolved against [default: the input's own].
    #[arg(long, value_name = "URL")]
    base: Option<String>,
    /// Write <id>.json per article into DIR and rewrite DIR/index.json.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

fn main() -> ExitCode {
    let outcome = match Cli::parse().command {
        Command::Validate { files } => validate(&files),
        Command::Index { dir } => index(&dir),
        Command::Import {
            format,
            file,
            options,
        } => import(format, &file, options),
        Command::Build {
            dist,
            site,
            ui_lang,
        } => {
            let ui_lang = ui_lang.or_else(|| std::env::var(build::UI_LANG_VARIABLE).ok());
            let address = site
                .or_else(|| std::env::var(build::SITE_URL_VARIABLE).ok())
                .filter(|s| !s.trim().is_empty())
                .unwrap_or_else(|| broadsheet_site::Site::DEFAULT_ADDRESS.to_string());
            broadsheet_site::Site::new(&address, "Broadsheet")
                .and_then(|site| site.with_ui_lang(ui_lang.as_deref()))
                .and_then(|site| build::build(&dist, &site))
                .map_err(|problem| {
                    eprintln!("{problem}");
                    eprintln!("build failed");
                })
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(()) => ExitCode::FAILURE,
    }
}

/// Reads and parses one article file; the error is ready to print.
fn read(path: &Path) -> Result<article::Parsed, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    article::parse_bytes(&bytes).map_err(|e| {
        let at = if e.path.is_empty() {
            "(the file)"
        } else {
            &e.path
        };
        format!("{}: {at}: {}", path.display(), e.message)
    })
}

fn validate(files: &[PathBuf]) -> Result<(), ()> {
    let mut failed = 0;
    for path in files {
        match read(path) {
            Ok(parsed) => {
                for warning in &parsed.warnings {
                    eprintln!("{}: warning: {warning}", path.display());
                }
                println!("{}: ok", path.display());
            }
            Err(problem) => {
                failed += 1;
                eprintln!("{problem}");
            }
        }
    }
    if failed > 0 {
        eprintln!("{failed} of {} files have problems", files.len());
        return Err(());
    }
    Ok(())
}

fn import(format: InputFormat, file: &Path, flags: ImportOptions) -> Result<(), ()> {
    let format = match format {
        InputFormat::Text => Format::Text,
        InputFormat::Jsonld => Format::Jsonld,
        InputFormat::Markdown => Format::Markdown,
        InputFormat::Wordpress => Format::Wordpress,
        InputFormat::Feed => Format::Feed,
        InputFormat::Ans => Format::Ans,
        InputFormat::Anf => Format::Anf,
    };
    let options = Options {
        id: flags.id,
        section: flags.section,
        language: flags.language,
        tags: flags.tags,
        related: flags.related,
        published: flags.published,
        updated: flags.updated,
        source: flags.source,
        syndicated: flags.syndicated,
        base: flags.base,
    };
    let fail = |problem: String| eprintln!("{}: {problem}", file.display());
    options.check().map_err(|e| eprintln!("{e}"))?;
    let bytes = std::fs::read(file).map_err(|e| fail(format!("cannot be read: {e}")))?;
    let input = std::str::from_utf8(&bytes).map_err(|e| {
        fail(format!(
            "is not UTF-8 text (invalid bytes at byte {})",
            e.valid_up_to()
        ))
    })?;
    let input = input.trim_start_matches('\u{feff}');
    let imported =
        broadsheet_import::import(format, input, &options).map_err(|e| fail(e.to_string()))?;
    for warning in &imported.warnings {
        eprintln!("{}: warning: {warning}", file.display());
    }
    let Some(dir) = flags.out else {
        if let [one] = imported.articles.as_slice() {
            println!("{}", article::to_json(one));
            return Ok(());
        }
        fail(format!(
            "holds {} articles: write them with --out DIR",
            imported.articles.len()
        ));
        return Err(());
    };
    std::fs::create_dir_all(&dir).map_err(|e| eprintln!("{}: {e}", dir.display()))?;
    for a in &imported.articles {
        let id = a.meta.id.as_deref().expect("an imported article has an id");
        let path = dir.join(format!("{id}.json"));
        std::fs::write(&path, article::to_json(a) + "\n")
            .map_err(|e| eprintln!("{}: {e}", path.display()))?;
        println!("{}", path.display());
    }
    index(&dir)
}

fn index(dir: &Path) -> Result<(), ()> {
    let listing = std::fs::read_dir(dir).map_err(|e| eprintln!("{}: {e}", dir.display()))?;
    let mut names: Vec<String> = listing
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json") && name != "index.json")
        .collect();
    names.sort();
    let mut entries = Vec::new();
    let mut failed = false;
    for name in names {
        match read(&dir.join(&name)) {
            Ok(parsed) => entries.push(library::entry(name, &parsed.article)),
            Err(problem) => {
                eprintln!("{problem}");
                failed = true;
            }
        }
    }
    if failed {
        eprintln!("index.json not written: fix the files above first");
        return Err(());
    }
    let count = entries.len();
    let path = dir.join("index.json");
    std::fs::write(&path, library::to_json(&library::index(entries)))
        .map_err(|e| eprintln!("{}: {e}", path.display()))?;
    println!("{}: {count} articles", path.display());
    Ok(())
}
