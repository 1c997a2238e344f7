//! Full-text search of the store: a search of 10,000 stored articles (target: at most
//! 20 ms); what the index adds to storing an article (target: at most 10 %), timed as
//! storing into a store of 1,000 articles with the index and into the same store with
//! the index's triggers dropped; and indexing the articles stored since the last search,
//! as the first search after them does. Figures in docs/PERFORMANCE.md.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

#[path = "support/search.rs"]
mod search;

fn dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
}

fn searching(c: &mut Criterion) {
    let store = search::filled(&dir("bench-search"), 10_000);
    for query in [
        "banjir",
        "warga pesisir",
        "mengungsi",
        "timnas indonesia vietnam",
    ] {
        let hits = store.search(query).unwrap().len();
        assert!(hits > 0, "{query}");
        c.bench_function(
            &format!("search 10,000 stored articles: {query:?} ({hits} hits)"),
            |b| b.iter(|| store.search(query).unwrap()),
        );
    }
}

fn storing(c: &mut Criterion) {
    let sources = search::sources();
    let at = Utc.timestamp_opt(1_780_000_000, 0).unwrap();
    for indexed in [true, false] {
        let name = if indexed {
            "bench-store-indexed"
        } else {
            "bench-store-plain"
        };
        let store = search::filled(&dir(name), 1_000);
        if !indexed {
            let path = dir(name).join(kabar::store::FILE_NAME);
            rusqlite::Connection::open(path)
                .unwrap()
                .execute_batch(
                    "DROP TRIGGER article_text_update; DROP TRIGGER article_text_delete;",
                )
                .unwrap();
        }
        let mut i = 1_000;
        let label = if indexed {
            "with the index"
        } else {
            "without the index"
        };
        c.bench_function(&format!("store one article ({label})"), |b| {
            b.iter_batched(
                || {
                    i += 1;
                    search::article(i, &sources)
                },
                |a| store.put_article(&a.url, &a, at).unwrap(),
                BatchSize::SmallInput,
            )
        });
    }
}

fn indexing(c: &mut Criterion) {
    let sources = search::sources();
    let at = Utc.timestamp_opt(1_780_000_000, 0).unwrap();
    let store = search::filled(&dir("bench-index"), 1_000);
    store.search("banjir").unwrap();
    let mut i = 1_000;
    c.bench_function(
        "index 100 articles stored since the last search, then search",
        |b| {
            b.iter_batched(
                || {
                    for _ in 0..100 {
                        i += 1;
                        let a = search::article(i, &sources);
                        store.put_article(&a.url, &a, at).unwrap();
                    }
                },
                |()| store.search("banjir").unwrap(),
                BatchSize::PerIteration,
            )
        },
    );
}

/// Eviction as kabar runs it at start-up when the store is over its bound: here about
/// 0.5 % of a store of 10,000 articles over, so some 50 articles go, and the search
/// index is merged to give their entries' space back.
fn evicting(c: &mut Criterion) {
    let full = dir("bench-evict-full");
    drop(search::filled(&full, 10_000));
    let file = full.join(kabar::store::FILE_NAME);
    let bytes: i64 = rusqlite::Connection::open(&file)
        .unwrap()
        .query_row(
            "SELECT (SELECT sum(bytes) FROM articles)
                 + (SELECT sum(length(block)) FROM article_text_data)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let bound = (bytes as f64 * 0.995) as u64;
    let at = Utc.timestamp_opt(1_780_000_000, 0).unwrap();
    let mut group = c.benchmark_group("evict");
    group.sample_size(10);
    group.bench_function("evict 0.5 % of 10,000 stored articles", |b| {
        b.iter_batched(
            || {
                let copy = dir("bench-evict");
                let _ = std::fs::remove_dir_all(&copy);
                std::fs::create_dir_all(&copy).unwrap();
                std::fs::copy(&file, copy.join(kabar::store::FILE_NAME)).unwrap();
                kabar::store::Store::open_in(&copy).unwrap().0
            },
            |store| {
                let (_, articles) = store.evict(at, bound).unwrap();
                assert!(articles > 0);
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().measurement_time(Duration::from_secs(5));
    targets = searching, storing, indexing, evicting
}
criterion_main!(benches);
