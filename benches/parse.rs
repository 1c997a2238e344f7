//! Reading pages: a Kompas article page to a clean article (parse + extract + sanitize),
//! per fixture page and for a ~200 KB page made by padding a fixture with the chrome a
//! real Kompas page carries; an index page to its headlines; and the generic extractor
//! over the 181 pages of the extraction benchmark (gunzipped in memory before the clock
//! starts). Targets: at most 2 ms median per Kompas article page; at most 3 ms mean per
//! page for the generic extractor. Figures in docs/PERFORMANCE.md.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use flate2::read::GzDecoder;
use kabar::sites;
use url::Url;

#[path = "support/padded.rs"]
mod padded;
use padded::padded;

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(shared().join("fixtures/kompas").join(name))
        .expect("fixture pages beside the checkout")
}

/// The address each fixture page is served from (`urls.tsv`), as the app would fetch it.
fn fixture_urls() -> BTreeMap<String, Url> {
    let table = fixture("urls.tsv");
    let mut out = BTreeMap::new();
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        if let Some((url, file)) = line.split_once('\t') {
            out.entry(file.trim().to_string())
                .or_insert_with(|| Url::parse(url.trim()).unwrap());
        }
    }
    out
}

const ARTICLES: &[&str] = &[
    "article-global-latihan-bencana.html",
    "article-regional-banjir-rob.html",
    "article-health-kebiasaan-pagi.html",
    "article-kolom-transportasi.html",
    "article-bola-timnas.html",
    "article-nasional-ruu-data-anak-page-1.html",
    "article-nasional-ruu-data-anak-page-2.html",
    "article-nasional-ruu-data-anak-page-3.html",
    "article-nasional-ruu-data-anak-page-all.html",
    "article-hostile-escape.html",
];

fn kompas_articles(c: &mut Criterion) {
    let urls = fixture_urls();
    let mut group = c.benchmark_group("kompas article (parse + extract + sanitize)");
    for name in ARTICLES {
        let html = fixture(name);
        let url = &urls[*name];
        assert!(sites::read_article(&html, url).is_ok());
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(name.trim_end_matches(".html")),
            &html,
            |b, html| b.iter(|| sites::read_article(html, url).unwrap()),
        );
    }

    // The same article with ~180 KB of real-looking chrome around it: the result must not
    // change, only the time.
    let name = "article-global-latihan-bencana.html";
    let html = fixture(name);
    let url = &urls[name];
    let big = padded(&html, 200_000);
    let plain = sites::read_article(&html, url).unwrap().article;
    let padded_article = sites::read_article(&big, url).unwrap().article;
    assert_eq!(plain, padded_article, "the chrome changes nothing read");
    if std::env::var_os("KABAR_WRITE_PADDED").is_some() {
        let out = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("padded-article.html");
        std::fs::write(&out, &big).unwrap();
        eprintln!("padded page written to {}", out.display());
    }
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_with_input(
        BenchmarkId::from_parameter(format!("{} KB padded", big.len() / 1000)),
        &big,
        |b, html| b.iter(|| sites::read_article(html, url).unwrap()),
    );
    group.finish();

    // Where the padded page's time goes: html5ever (through scraper) alone, and the Kompas
    // profile on the page already parsed. The rest of `read_article` (the budget's tree
    // sink, the sanitizer's last pass, dropping the tree) is the difference.
    let mut split = c.benchmark_group("padded page, split");
    split.bench_function("scraper::Html::parse_document", |b| {
        b.iter(|| scraper::Html::parse_document(&big))
    });
    let doc = scraper::Html::parse_document(&big);
    split.bench_function("sites::kompas::article on the parsed page", |b| {
        b.iter(|| sites::kompas::article(&doc, url, &sites::meta::JsonLd::of(&doc)))
    });
    split.finish();
}

fn index_pages(c: &mut Criterion) {
    let mut group = c.benchmark_group("index page to headlines");
    let index = Url::parse("https://indeks.kompas.com/").unwrap();
    let home = Url::parse("https://www.kompas.com/").unwrap();
    for (name, url) in [
        ("indeks-page-1.html", &index),
        ("indeks-page-2.html", &index),
        ("real/homepage-2017-09-17.html", &home),
    ] {
        let html = fixture(name);
        let n = sites::read_headlines(&html, url).unwrap().headlines.len();
        group.throughput(Throughput::Bytes(html.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!(
                "{} ({n} headlines)",
                name.trim_end_matches(".html")
            )),
            &html,
            |b, html| b.iter(|| sites::read_headlines(html, url).unwrap()),
        );
    }
    group.finish();
}

/// The extraction benchmark's pages, gunzipped, with the URL each came from.
fn extraction_pages() -> Vec<(String, Url)> {
    let bench = shared().join("bench/extraction");
    let truth: BTreeMap<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(bench.join("ground-truth.json"))
            .expect("the extraction benchmark beside the checkout"),
    )
    .unwrap();
    let fallback = Url::parse("https://example.com/").unwrap();
    truth
        .iter()
        .map(|(id, entry)| {
            let mut html = String::new();
            GzDecoder::new(std::fs::File::open(bench.join(format!("html/{id}.html.gz"))).unwrap())
                .read_to_string(&mut html)
                .unwrap();
            let url = entry["url"]
                .as_str()
                .and_then(|u| Url::parse(u).ok())
                .unwrap_or_else(|| fallback.clone());
            (html, url)
        })
        .collect()
}

/// Mean, median and maximum over pages of each page's median time, in ms.
fn per_page_summary(times: &[Vec<Duration>]) -> Option<(f64, f64, f64)> {
    let mut best: Vec<f64> = times
        .iter()
        .filter(|t| !t.is_empty())
        .map(|t| {
            let mut t = t.clone();
            t.sort();
            t[t.len() / 2].as_secs_f64() * 1e3
        })
        .collect();
    if best.is_empty() {
        return None;
    }
    best.sort_by(f64::total_cmp);
    let mean = best.iter().sum::<f64>() / best.len() as f64;
    Some((mean, best[best.len() / 2], best[best.len() - 1]))
}

fn generic_extraction(c: &mut Criterion) {
    let pages = extraction_pages();
    let n = pages.len();
    let mut group = c.benchmark_group("generic extraction (benchmark pages)");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.throughput(Throughput::Elements(n as u64));

    // Every page timed on its own as well, for the per-page mean and median.
    let times = RefCell::new(vec![Vec::new(); n]);
    group.bench_function(format!("generic::body, all {n} pages"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            let mut times = times.borrow_mut();
            for _ in 0..iters {
                for (i, (html, url)) in pages.iter().enumerate() {
                    let start = Instant::now();
                    let blocks = sites::generic::body(html, url);
                    let took = start.elapsed();
                    std::hint::black_box(blocks);
                    times[i].push(took);
                    total += took;
                }
            }
            total
        })
    });
    // What opening a page of another site costs in the app: the generic extractor plus
    // the metadata (meta tags, JSON-LD) read from its own parse of the page.
    group.bench_function(format!("sites::read_article, all {n} pages"), |b| {
        b.iter(|| {
            for (html, url) in &pages {
                let _ = std::hint::black_box(sites::read_article(html, url));
            }
        })
    });
    group.finish();
    if let Some((mean, median, worst)) = per_page_summary(&times.borrow()) {
        println!(
            "generic::body per page (each page's median of {} runs): mean {mean:.2} ms, \
             median {median:.2} ms, slowest page {worst:.1} ms",
            times.borrow()[0].len()
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = kompas_articles, index_pages, generic_extraction
}
criterion_main!(benches);
