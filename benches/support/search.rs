//! A store of many articles for the full-text search: each article made of paragraphs of
//! the Kompas fixture articles, picked and ordered by a fixed pseudo-random sequence, so
//! the words and their frequencies are real Indonesian news text. Shared by
//! `benches/search.rs`, which times searching and storing, and `tests/bench_checks.rs`,
//! which checks the store finds what the benches search for.

use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use kabar::article::{Article, Block, Headline};
use kabar::sites;
use kabar::store::Store;
use url::Url;

/// The fixture articles whose paragraphs make the store's articles.
const SOURCES: &[&str] = &[
    "article-bola-timnas.html",
    "article-global-latihan-bencana.html",
    "article-health-kebiasaan-pagi.html",
    "article-kolom-transportasi.html",
    "article-nasional-ruu-data-anak-page-all.html",
    "article-regional-banjir-rob.html",
];

/// Paragraphs per stored article.
const PARAGRAPHS: usize = 12;

/// The fixture articles, read as kabar reads them.
pub fn sources() -> Vec<Article> {
    let base = Url::parse("https://www.kompas.com/").unwrap();
    SOURCES
        .iter()
        .map(|name| {
            let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/fixtures/kompas")
                .join(name);
            let html = std::fs::read_to_string(path).expect("fixture pages beside the checkout");
            sites::read_article(&html, &sites::page_url(&html, None, &base))
                .unwrap()
                .article
        })
        .collect()
}

/// Article `i`: a title and [`PARAGRAPHS`] paragraphs drawn from `sources`.
pub fn article(i: usize, sources: &[Article]) -> Article {
    let paragraphs: Vec<&Block> = sources.iter().flat_map(|a| &a.body).collect();
    let titles: Vec<&str> = sources.iter().map(|a| a.title.as_str()).collect();
    // A linear congruential sequence: the same store on every run.
    let mut state = (i as u64)
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1);
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % n
    };
    let mut a = sources[next(sources.len())].clone();
    a.url = format!("https://www.kompas.com/read/2026/11/24/{i:09}/berita-{i}");
    a.title = format!("{} ({i})", titles[next(titles.len())]);
    a.body = (0..PARAGRAPHS)
        .map(|_| paragraphs[next(paragraphs.len())].clone())
        .collect();
    a.related.clear();
    a.terkini.clear();
    a
}

/// Headlines per stored list, and the most lists stored: as many as a reader who opens
/// days, tags and searches all day keeps.
const LIST_LENGTH: usize = 250;
const MAX_LISTS: usize = 40;

/// A store of `n` such articles in `dir`, made afresh, with a size bound they fit in, and
/// the lists they were listed in (a search labels its hits from them).
pub fn filled(dir: &Path, n: usize) -> Store {
    let _ = std::fs::remove_dir_all(dir);
    let (mut store, _) = Store::open_in(dir).unwrap();
    store.set_max_article_bytes(u64::MAX / 2);
    let sources = sources();
    let at = Utc.timestamp_opt(1_780_000_000, 0).unwrap();
    let mut listed = Vec::new();
    for i in 0..n {
        let a = article(i, &sources);
        store.put_article(&a.url, &a, at).unwrap();
        listed.push(Headline {
            label: Some(format!("Rubrik {}", i / LIST_LENGTH)),
            ..a.into_headline()
        });
    }
    for (k, list) in listed.chunks(LIST_LENGTH).take(MAX_LISTS).enumerate() {
        let url = format!("https://indeks.kompas.com/?site=rubrik{k}");
        store.put_headlines(&url, list, None, at).unwrap();
    }
    store
}
