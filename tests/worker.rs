//! The background worker against a real HTTP server on 127.0.0.1: prefetching is bounded
//! and fills the store, `--offline` sends nothing, stored articles come back without the
//! network.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::{RawServer, http_answer, scratch_dir};
use kabar::app::{Answer, Request};
use kabar::net::Client;
use kabar::store::Store;
use kabar::worker;
use url::Url;

const HTML: (&str, &str) = ("Content-Type", "text/html; charset=utf-8");
const INDEX: &str = "https://indeks.kompas.com/";

fn article_url(i: usize) -> String {
    format!("https://www.kompas.com/global/read/2026/11/24/{i:09}/berita-{i}")
}

/// An index of `n` articles in the 2024–2026 list markup.
fn index_page(n: usize) -> String {
    let items: String = (0..n)
        .map(|i| {
            format!(
                r#"<div class="articleItem"><a class="article-link" href="{}"><h2 class="articleTitle">Berita nomor {i}</h2><div class="articlePost-subtitle">Global</div><div class="articlePost-date">24/11/2026, 10:00 WIB</div></a></div>"#,
                article_url(i)
            )
        })
        .collect();
    format!(r#"<!doctype html><html><body><div class="articleList">{items}</div></body></html>"#)
}

/// A server that answers the index at once and every article after `delay`, counting
/// requests and the most it had in flight at once.
struct SlowSite {
    server: RawServer,
    requests: Arc<AtomicUsize>,
    most_at_once: Arc<AtomicUsize>,
}

fn slow_site(n: usize, delay: Duration) -> SlowSite {
    let index = index_page(n);
    let article = std::fs::read(common::fixture("article-global-latihan-bencana.html")).unwrap();
    let requests = Arc::new(AtomicUsize::new(0));
    let in_flight = Arc::new(AtomicUsize::new(0));
    let most_at_once = Arc::new(AtomicUsize::new(0));
    let (r, f, m) = (requests.clone(), in_flight.clone(), most_at_once.clone());
    let server = RawServer::start(move |path| {
        r.fetch_add(1, Ordering::SeqCst);
        if !path.contains("/read/") {
            return http_answer("200 OK", &[HTML], index.as_bytes());
        }
        let now = f.fetch_add(1, Ordering::SeqCst) + 1;
        m.fetch_max(now, Ordering::SeqCst);
        std::thread::sleep(delay);
        f.fetch_sub(1, Ordering::SeqCst);
        http_answer("200 OK", &[HTML], &article)
    });
    SlowSite {
        server,
        requests,
        most_at_once,
    }
}

fn client(site: &SlowSite) -> Client {
    Client::new(Some(Url::parse(&site.server.url("/")).unwrap())).unwrap()
}

/// Asks `handle` for the index, as request 1.
fn ask_index(handle: &worker::Handle) {
    handle
        .requests
        .send(Request::Headlines {
            id: 1,
            url: INDEX.into(),
            append: false,
        })
        .unwrap();
}

/// Waits for answers until `done` says so; fails after 20 s.
async fn collect_until(
    handle: &mut worker::Handle,
    mut done: impl FnMut(&Answer) -> bool,
) -> Vec<Answer> {
    let mut seen = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let answer = tokio::time::timeout_at(deadline, handle.answers.recv())
            .await
            .expect("answers within 20 s")
            .expect("worker alive");
        let stop = done(&answer);
        seen.push(answer);
        if stop {
            return seen;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_top_of_a_list_is_prefetched_four_at_a_time_into_the_store() {
    let site = slow_site(25, Duration::from_millis(100));
    let dir = scratch_dir("prefetch");
    let (store, _) = Store::open_in(&dir).unwrap();
    let mut handle = worker::spawn(client(&site), Some(store), false, 20);
    let started = Instant::now();
    ask_index(&handle);
    let answers = collect_until(&mut handle, |a| matches!(a, Answer::Prefetching(0))).await;
    let took = started.elapsed();
    assert!(answers.iter().any(
        |a| matches!(a, Answer::Headlines { id: 1, result: Ok(p), .. } if p.headlines.len() == 25)
    ));
    assert!(
        site.most_at_once.load(Ordering::SeqCst) <= 4,
        "at most 4 requests at a time"
    );
    assert_eq!(
        site.requests.load(Ordering::SeqCst),
        1 + 20,
        "the index and the top 20"
    );
    drop(handle);
    let (store, _) = Store::open_in(&dir).unwrap();
    let urls: Vec<String> = (0..25).map(article_url).collect();
    let stored = store.stored_among(&urls).unwrap();
    assert_eq!(stored.len(), 20);
    assert!(
        (0..20).all(|i| stored.contains(&article_url(i))),
        "the top 20, not others"
    );
    assert_eq!(store.headlines(INDEX).unwrap().unwrap().headlines.len(), 25);
    // For docs/PERFORMANCE.md; never asserted.
    eprintln!("prefetch of 20 articles at 100 ms each: {took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_sends_nothing_and_reads_the_store() {
    let site = slow_site(3, Duration::ZERO);
    let dir = scratch_dir("offline");
    let (store, _) = Store::open_in(&dir).unwrap();
    let html = std::fs::read_to_string(common::fixture("article-bola-timnas.html")).unwrap();
    let url = Url::parse("https://bola.kompas.com/read/2026/11/25/21304718/timnas-indonesia-tekuk-vietnam-2-0-di-gbk").unwrap();
    let article = kabar::sites::read_article(&html, &url).unwrap().article;
    store
        .put_article(url.as_str(), &article, chrono::Utc::now())
        .unwrap();
    let mut handle = worker::spawn(client(&site), Some(store), true, 20);
    handle
        .requests
        .send(Request::Article {
            id: 1,
            url: url.to_string(),
            fresh: false,
        })
        .unwrap();
    handle
        .requests
        .send(Request::Article {
            id: 2,
            url: article_url(1),
            fresh: false,
        })
        .unwrap();
    handle
        .requests
        .send(Request::Headlines {
            id: 3,
            url: INDEX.into(),
            append: false,
        })
        .unwrap();
    let mut left = 3;
    let answers = collect_until(&mut handle, |_| {
        left -= 1;
        left == 0
    })
    .await;
    for answer in &answers {
        match answer {
            Answer::Article { id: 1, result, .. } => {
                assert_eq!(
                    result.as_ref().unwrap().title,
                    "Timnas Indonesia Tekuk Vietnam 2-0 di GBK"
                );
            }
            Answer::Article { id: 2, result, .. } => {
                // Offline, not a failure of the page: the browser is not offered.
                let err = result.as_ref().unwrap_err();
                assert!(matches!(err, kabar::error::Error::Offline(_)), "{err}");
                assert!(!err.browser_may_show());
            }
            Answer::Headlines { id: 3, result, .. } => assert!(result.is_err()),
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(
        site.requests.load(Ordering::SeqCst),
        0,
        "no request left the machine"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_article_too_large_for_the_store_is_shown_but_not_kept() {
    let site = slow_site(1, Duration::ZERO);
    let dir = scratch_dir("too_large");
    let url = article_url(0);
    let html =
        std::fs::read_to_string(common::fixture("article-global-latihan-bencana.html")).unwrap();
    let article = kabar::sites::read_article(&html, &Url::parse(&url).unwrap())
        .unwrap()
        .article;
    let json = serde_json::to_string(&article).unwrap().len() as u64;
    let (mut store, _) = Store::open_in(&dir).unwrap();
    // A bound whose quarter is one byte short of this article.
    store.set_max_article_bytes(4 * json - 4);
    let mut handle = worker::spawn(client(&site), Some(store), false, 0);
    handle
        .requests
        .send(Request::Article {
            id: 1,
            url: url.clone(),
            fresh: false,
        })
        .unwrap();
    let answers = collect_until(&mut handle, |a| matches!(a, Answer::Article { .. })).await;
    let [Answer::Article { result, .. }] = answers.as_slice() else {
        panic!("only the article, no notice: {answers:?}")
    };
    assert_eq!(result.as_ref().unwrap().title, article.title, "shown");
    drop(handle);
    let (store, _) = Store::open_in(&dir).unwrap();
    assert!(!store.has_article(&url).unwrap(), "not kept");
    assert!(!store.has_article(&article.url).unwrap(), "not kept");
}

/// A search of the store works offline: the articles prefetched are found by a word of
/// their text, and the hits come back with the passage that matched and their read marks.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_store_is_searched_offline_and_answers_its_hits() {
    let site = slow_site(3, Duration::ZERO);
    let dir = scratch_dir("search-worker");
    let (store, _) = Store::open_in(&dir).unwrap();
    let mut handle = worker::spawn(client(&site), Some(store), false, 3);
    ask_index(&handle);
    collect_until(&mut handle, |a| matches!(a, Answer::Prefetching(0))).await;
    drop(handle);

    let (store, _) = Store::open_in(&dir).unwrap();
    let stored = store.article(&article_url(0)).unwrap().expect("prefetched");
    let word = stored.body[0]
        .text
        .split_whitespace()
        .find(|w| w.len() > 6 && w.chars().all(char::is_alphabetic))
        .expect("a word of the text")
        .to_string();
    let mut handle = worker::spawn(client(&site), Some(store), true, 3);
    let before = site.requests.load(Ordering::SeqCst);
    handle
        .requests
        .send(Request::SearchStore {
            id: 2,
            query: word.clone(),
        })
        .unwrap();
    let answers = collect_until(&mut handle, |a| matches!(a, Answer::Hits { id: 2, .. })).await;
    let Some(Answer::Hits {
        result: Ok(hits), ..
    }) = answers.last()
    else {
        panic!("{answers:?}")
    };
    // The three articles are one page, stored under four addresses (the three asked for
    // and its own): one hit.
    assert_eq!(hits.len(), 1, "{word}: {hits:?}");
    assert_eq!(hits[0].headline.title, stored.title);
    assert!(
        hits[0].snippet.text.contains(&word),
        "{:?}",
        hits[0].snippet
    );
    assert_eq!(site.requests.load(Ordering::SeqCst), before, "nothing sent");
}
