//! How long each pathological Markdown input takes to become a page (parse,
//! Markdown tree, URL policy): the limit is one second each (issue 6). Native,
//! release build; `scripts/bench` times the same inputs in the browser.
//!
//!   cargo bench --bench pathological                  # native timings
//!   cargo bench --bench pathological -- --write DIR   # also write each as DIR/<n>.json

use broadsheet_core::{article, page, pathological};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let write_to = args
        .iter()
        .position(|a| a == "--write")
        .and_then(|i| args.get(i + 1));
    let mut worst = Duration::ZERO;
    println!("{:<40} {:>10} {:>12}", "input", "size", "median ms");
    for (i, (name, markdown)) in pathological::inputs().into_iter().enumerate() {
        let json = pathological::article(name, &markdown);
        if let Some(dir) = write_to {
            std::fs::create_dir_all(dir).expect("output directory");
            std::fs::write(format!("{dir}/{i:02}.json"), &json).expect("written");
        }
        let mut times: Vec<Duration> = (0..5)
            .map(|_| {
                let start = Instant::now();
                let parsed = article::parse(&json).expect("parses");
                std::hint::black_box(page::build(&parsed.article));
                start.elapsed()
            })
            .collect();
        times.sort();
        let median = times[2];
        worst = worst.max(median);
        println!(
            "{:<40} {:>10} {:>12.1}",
            name,
            json.len(),
            median.as_secs_f64() * 1000.0
        );
    }
    println!(
        "worst: {:.1} ms (limit 1000 ms)",
        worst.as_secs_f64() * 1000.0
    );
}
