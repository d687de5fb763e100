//! How long each pathological Markdown input takes to become a page (parse,
//! Markdown tree, URL policy): the limit is one second each (issue 6). Native,
//! release build; the browser adds rendering, measured by scripts/bench.
//!
//!   cargo bench --bench pathological

#[path = "../tests/support/pathological.rs"]
mod pathological;

use broadsheet::{article, page};
use std::time::{Duration, Instant};

fn main() {
    let mut worst = Duration::ZERO;
    println!("{:<40} {:>10} {:>12}", "input", "size", "median ms");
    for (name, markdown) in pathological::inputs() {
        let json = serde_json::json!({
            "version": "1.0", "headline": name, "body": [{"type": "text", "markdown": markdown}],
        })
        .to_string();
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
        println!("{:<40} {:>10} {:>12.1}", name, json.len(), median.as_secs_f64() * 1000.0);
    }
    println!("worst: {:.1} ms (limit 1000 ms)", worst.as_secs_f64() * 1000.0);
}
