//! Runs the generic extractor over a main-content extraction benchmark and writes its
//! predictions for the benchmark's scorer.
//!
//! usage: eval_extraction [BENCH_DIR] [PREDICTIONS_JSON]
//!   BENCH_DIR defaults to ../shared/bench/extraction, beside the checkout (holding `ground-truth.json`
//!   and `html/<id>.html.gz`); PREDICTIONS_JSON to target/extraction-predictions.json.
//!   A BENCH_DIR laid out like the WCXB sample (`pages.json`, `ground-truth/<id>.json` and
//!   `html/<id>.html.gz`) gets predictions in its scorer's form, `{id: {"text": …}}`;
//!   any other gets `{id: {"articleBody": …}}`.
//!
//! Pages are read and gunzipped before the clock starts: the times printed are those of
//! `kabar::sites::generic::body` alone, one page after another on one thread. The slowest
//! pages are named on stderr, with their share of the total time.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

use flate2::read::GzDecoder;
use serde_json::{Value, json};

/// How many of the slowest pages are named on stderr.
const SLOWEST: usize = 10;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let bench = PathBuf::from(args.next().unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/bench/extraction").into()
    }));
    let out = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "target/extraction-predictions.json".into()),
    );

    // Each page's id and address, and the field its text goes in.
    let wcxb = bench.join("pages.json").is_file();
    let (pages, field) = if wcxb {
        let pages: BTreeMap<String, Value> =
            serde_json::from_str(&std::fs::read_to_string(bench.join("pages.json"))?)?;
        let mut urls = BTreeMap::new();
        for id in pages.keys() {
            let truth: Value = serde_json::from_str(&std::fs::read_to_string(
                bench.join("ground-truth").join(format!("{id}.json")),
            )?)?;
            urls.insert(id.clone(), truth["url"].clone());
        }
        (urls, "text")
    } else {
        let truth: BTreeMap<String, Value> =
            serde_json::from_str(&std::fs::read_to_string(bench.join("ground-truth.json"))?)?;
        let urls = truth
            .into_iter()
            .map(|(id, entry)| (id, entry["url"].clone()))
            .collect();
        (urls, "articleBody")
    };
    // The URL only serves to resolve links; a page without one gets a neutral base.
    let fallback = url::Url::parse("https://example.com/")?;

    let mut predictions = serde_json::Map::new();
    let mut times_ms = Vec::with_capacity(pages.len());
    for (id, url) in &pages {
        let mut html = String::new();
        GzDecoder::new(std::fs::File::open(
            bench.join("html").join(format!("{id}.html.gz")),
        )?)
        .read_to_string(&mut html)?;
        let url = url
            .as_str()
            .and_then(|u| url::Url::parse(u).ok())
            .unwrap_or_else(|| fallback.clone());

        let start = Instant::now();
        let blocks = kabar::sites::generic::body(&html, &url);
        times_ms.push((start.elapsed().as_secs_f64() * 1e3, id.as_str(), html.len()));

        let text: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        predictions.insert(id.clone(), json!({ field: text.join("\n\n") }));
    }

    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&out, serde_json::to_string_pretty(&predictions)?)?;

    times_ms.sort_by(|a, b| a.0.total_cmp(&b.0));
    let n = times_ms.len().max(1);
    let total: f64 = times_ms.iter().map(|t| t.0).sum();
    let mean = total / n as f64;
    let median = times_ms.get(times_ms.len() / 2).map_or(0.0, |t| t.0);
    // The mean is led by a tail of large pages: name them, with their share of the time.
    eprintln!("slowest pages (ms, share of the total, size):");
    for (ms, id, bytes) in times_ms.iter().rev().take(SLOWEST) {
        eprintln!(
            "  {id:>12} {ms:7.2} ms {:5.1} % {:8} KB",
            ms / total * 100.0,
            bytes / 1024
        );
    }
    println!(
        "{} pages, mean {mean:.2} ms/page, median {median:.2} ms/page -> {}",
        times_ms.len(),
        out.display()
    );
    Ok(())
}
