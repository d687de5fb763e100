//! `broadsheet`: the command line for publishers.
//!
//! - `broadsheet validate FILE…` reads each article file as the viewer would and
//!   prints what is wrong, with its JSON path; exits 1 if any file has a problem.
//! - `broadsheet index DIR` writes `DIR/index.json`, the library the viewer's
//!   front page lists, from the article files in `DIR`.
//! - `broadsheet build DIST` writes the published site into a Trunk build: a
//!   pre-rendered page for every article, feeds, sitemap (see `build.rs`).

mod build;

use broadsheet_core::{article, library};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "broadsheet",
    version,
    about = "Validate Broadsheet articles, write the library index, build the published site."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
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
    /// Pre-render every article of DIST/articles/index.json into DIST, with feeds,
    /// sitemap and robots.txt (run after every `trunk build` by scripts/postbuild.mjs).
    Build {
        /// A Trunk build's output folder, e.g. dist.
        dist: PathBuf,
        /// The address the site is published at [default: $BROADSHEET_SITE_URL,
        /// else http://127.0.0.1:8080/].
        #[arg(long)]
        site: Option<String>,
    },
}

fn main() -> ExitCode {
    let outcome = match Cli::parse().command {
        Command::Validate { files } => validate(&files),
        Command::Index { dir } => index(&dir),
        Command::Build { dist, site } => {
            let address = site
                .or_else(|| std::env::var(build::SITE_URL_VARIABLE).ok())
                .filter(|s| !s.trim().is_empty())
                .unwrap_or_else(|| broadsheet_site::Site::DEFAULT_ADDRESS.to_string());
            broadsheet_site::Site::new(&address, "Broadsheet")
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
