//! Feeds as headline lists through the command line: every feed format, told by its
//! content whatever its address or media type, cleaned as pages are. Each network test
//! talks HTTP to a server on 127.0.0.1 started here.

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::{RawServer, http_answer, kabar, scratch_dir, stderr, stdout};
use kabar::app::{Answer, Request};
use kabar::net::Client;
use kabar::store::{ListValidators, Store};
use kabar::worker;
use serde_json::Value;

fn feed(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(feed(name)).expect("feed fixture")
}

/// A server with every fixture feed, each under an address and media type as real
/// servers send them (feeds are often served as text/html or text/plain).
fn feed_server() -> RawServer {
    RawServer::start(|path| {
        let (file, ctype) = match path {
            "/rss/terkini.xml" => ("rss2-content.xml", "application/rss+xml; charset=utf-8"),
            "/nasional/rss" => ("rss2-plain.xml", "text/html; charset=utf-8"),
            "/rdf" => ("rss1.rdf", "text/plain"),
            "/atom" => ("atom.xml", "application/atom+xml"),
            "/feed" => ("feed.json", "application/feed+json"),
            "/broken.xml" => ("broken.xml", "application/xml"),
            "/lama.xml" => ("cp1252.xml", "text/xml"),
            _ => return http_answer("404 Not Found", &[], b"no"),
        };
        http_answer("200 OK", &[("Content-Type", ctype)], &bytes(file))
    })
}

fn json_headlines(args: &[&str]) -> Vec<Value> {
    let out = kabar(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    let list: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    list.as_array().expect("a list").clone()
}

fn field<'a>(list: &'a [Value], key: &str) -> Vec<&'a str> {
    list.iter().map(|h| h[key].as_str().unwrap_or("")).collect()
}

#[test]
fn rss2_with_content_encoded_reads_as_an_index() {
    let server = feed_server();
    let list = json_headlines(&["headlines", &server.url("/rss/terkini.xml"), "--json"]);
    // The same four fields as an index, nothing else.
    for h in &list {
        let keys: Vec<&str> = h.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["label", "published", "title", "url"]);
    }
    assert_eq!(
        field(&list, "title"),
        [
            "Pemerintah Tambah Kuota Pupuk Bersubsidi & Perluas Penyaluran",
            "Timnas U-23 Menang 2-1 atas Vietnam",
            "BMKG Peringatkan Hujan Lebat di Jawa Barat",
        ],
        "plain decoded text, no markup or escape; items without a web link left out"
    );
    assert_eq!(
        field(&list, "url"),
        [
            "https://www.antaranews.com/berita/5012345/pemerintah-tambah-kuota-pupuk?id=7",
            "https://www.antaranews.com/berita/5012346/timnas-u23-menang",
            // A relative link is resolved against the feed's address.
            &server.url("/berita/5012347/bmkg-peringatkan-hujan-lebat"),
        ],
        "tracking parameters and fragments dropped"
    );
    assert_eq!(field(&list, "label"), ["Ekonomi", "Olahraga", "Humaniora"]);
    assert_eq!(list[0]["published"], "2026-11-30T09:15:00+07:00");
}

#[test]
fn a_feed_served_as_html_is_told_by_its_content() {
    let server = feed_server();
    let list = json_headlines(&["headlines", &server.url("/nasional/rss"), "--json"]);
    assert_eq!(
        field(&list, "url"),
        [
            "https://www.cnnindonesia.com/nasional/20261130091500-32-1200001/kpu-umumkan-jadwal",
            "https://www.cnnindonesia.com/nasional/20261130080000-32-1200002/dpr-setujui-ruu",
        ]
    );
    // Without categories the label is the feed's name; GMT times are shown in WIB.
    assert_eq!(field(&list, "label"), ["CNN Indonesia | Nasional"; 2]);
    assert_eq!(list[0]["published"], "2026-11-30T09:20:00+07:00");
}

#[test]
fn rss1_atom_and_json_feed() {
    let server = feed_server();
    let rdf = json_headlines(&["headlines", &server.url("/rdf"), "--json"]);
    assert_eq!(
        field(&rdf, "url"),
        ["https://www.example-berita.id/2026/11/30/pasar-ikan-baru"]
    );
    assert_eq!(rdf[0]["published"], "2026-11-30T06:00:00+07:00");

    let atom = json_headlines(&["headlines", &server.url("/atom"), "--json"]);
    assert_eq!(
        field(&atom, "title"),
        [
            "Menteri Bantah Isu Reshuffle Kabinet",
            "Banjir Rob Genangi Pesisir Semarang"
        ]
    );
    // The page, not the enclosure; the category's label, then the feed's name.
    assert_eq!(
        field(&atom, "url"),
        [
            "https://nasional.tempo.co/read/1900001/menteri-bantah-isu-reshuffle",
            "https://nasional.tempo.co/read/1900002/banjir-rob-semarang",
        ]
    );
    assert_eq!(field(&atom, "label"), ["Politik", "Tempo Nasional"]);
    // An entry without `published` is dated by `updated`.
    assert_eq!(atom[1]["published"], "2026-11-30T08:30:00+07:00");

    let json = json_headlines(&["headlines", &server.url("/feed"), "--json"]);
    assert_eq!(
        field(&json, "title"),
        [
            "Kereta Cepat Tambah Jadwal Akhir Pekan",
            "Harga Cabai Mulai Turun"
        ]
    );
    assert_eq!(
        json[0]["url"],
        "https://www.example-kabar.id/read/2026/11/30/kereta-cepat-tambah-jadwal"
    );
    assert_eq!(field(&json, "label"), ["Transportasi", "Kabar Contoh JSON"]);
}

#[test]
fn a_windows_1252_feed_is_decoded_by_its_declaration() {
    let server = feed_server();
    let list = json_headlines(&["headlines", &server.url("/lama.xml"), "--json"]);
    assert_eq!(
        field(&list, "title"),
        ["Caf\u{e9} \u{201c}Tempo Doeloe\u{201d} Dibuka Lagi di Bandung"]
    );
    assert_eq!(field(&list, "label"), ["Gaya Hidup"]);
}

#[test]
fn a_broken_feed_is_one_clear_line_and_status_4() {
    let server = feed_server();
    let out = kabar(&["headlines", &server.url("/broken.xml")]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("a broken feed"), "{err}");
    assert!(err.contains("/broken.xml"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_feed_file_or_stdin_with_url() {
    let file = feed("atom.xml");
    let list = json_headlines(&[
        "headlines",
        file.to_str().unwrap(),
        "--url",
        "https://rss.tempo.co/nasional",
        "--json",
    ]);
    assert_eq!(list.len(), 2);

    // A JSON Feed on standard input: no HTML in it, and still a list.
    let mut child = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args([
            "headlines",
            "-",
            "--url",
            "https://www.example-kabar.id/feed.json",
        ])
        .env_remove("KABAR_MIRROR")
        .env("KABAR_DATA_DIR", common::scratch_dir("data"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kabar runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&bytes("feed.json"))
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Kereta Cepat Tambah Jadwal Akhir Pekan"),
        "{text}"
    );
    assert!(text.contains("Harga Cabai Mulai Turun"), "{text}");
}

/// Asks the worker for the list at `url` and waits for its answer: the titles, or the error.
async fn list_of(handle: &mut worker::Handle, id: u64, url: &str) -> Result<Vec<String>, String> {
    handle
        .requests
        .send(Request::Headlines {
            id,
            url: url.into(),
            append: false,
        })
        .unwrap();
    loop {
        let answer = common::next_answer(handle).await;
        if let Answer::Headlines {
            id: got, result, ..
        } = answer
            && got == id
        {
            return result
                .map(|p| p.headlines.into_iter().map(|h| h.title).collect())
                .map_err(|e| e.to_string());
        }
    }
}

/// The `If-None-Match` and `If-Modified-Since` of one request.
type Sent = (Option<String>, Option<String>);

/// The value of header `name` in a request head, when it is there.
fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refresh_sends_the_validators_and_a_304_keeps_the_stored_list() {
    // Version 1 of the feed, then version 2; the server answers 304 to the ETag of the
    // version it has, and counts the requests and the validators they carried.
    let version = Arc::new(AtomicUsize::new(1));
    let requests = Arc::new(AtomicUsize::new(0));
    let seen: Arc<Mutex<Vec<Sent>>> = Arc::default();
    let (v, r, s) = (version.clone(), requests.clone(), seen.clone());
    let server = RawServer::start_with_head(move |_, head| {
        r.fetch_add(1, Ordering::SeqCst);
        let (etag, since) = (
            header(head, "If-None-Match"),
            header(head, "If-Modified-Since"),
        );
        s.lock()
            .unwrap()
            .push((etag.map(str::to_string), since.map(str::to_string)));
        let now = v.load(Ordering::SeqCst);
        let tag = format!("\"v{now}\"");
        if etag == Some(tag.as_str()) {
            return http_answer("304 Not Modified", &[("ETag", &tag)], b"");
        }
        let file = if now == 1 {
            "rss2-content.xml"
        } else {
            "rss2-plain.xml"
        };
        http_answer(
            "200 OK",
            &[
                ("Content-Type", "application/rss+xml"),
                ("ETag", &tag),
                ("Last-Modified", "Mon, 30 Nov 2026 02:00:00 GMT"),
            ],
            &bytes(file),
        )
    });
    let url = server.url("/rss/terkini.xml");
    let dir = scratch_dir("conditional");
    let first_titles = {
        let (store, _) = Store::open_in(&dir).unwrap();
        let mut handle = worker::spawn(Client::new(None).unwrap(), Some(store), false, 0);
        let first = list_of(&mut handle, 1, &url).await.unwrap();
        assert_eq!(first.len(), 3);
        // Unchanged: a 304, and the list is the stored one.
        assert_eq!(list_of(&mut handle, 2, &url).await.unwrap(), first);
        first
    };
    // A new run of the reader sends what the store kept.
    let (store, _) = Store::open_in(&dir).unwrap();
    let mut handle = worker::spawn(Client::new(None).unwrap(), Some(store), false, 0);
    assert_eq!(list_of(&mut handle, 3, &url).await.unwrap(), first_titles);
    // Changed: the new list, and its validators kept.
    version.store(2, Ordering::SeqCst);
    let changed = list_of(&mut handle, 4, &url).await.unwrap();
    assert_eq!(
        changed,
        [
            "KPU Umumkan Jadwal Tahapan Pilkada Ulang",
            "DPR Setujui RUU Perlindungan Data Turunan"
        ]
    );
    assert_eq!(list_of(&mut handle, 5, &url).await.unwrap(), changed);
    drop(handle);

    assert_eq!(requests.load(Ordering::SeqCst), 5, "one request a refresh");
    let last_modified = Some("Mon, 30 Nov 2026 02:00:00 GMT".to_string());
    let v = |n: u32| (Some(format!("\"v{n}\"")), last_modified.clone());
    assert_eq!(
        *seen.lock().unwrap(),
        [(None, None), v(1), v(1), v(1), v(2)],
        "validators sent once a list is stored, the new ones after a change"
    );
    let (store, _) = Store::open_in(&dir).unwrap();
    assert_eq!(
        store.list_validators(&url).unwrap(),
        Some(ListValidators {
            etag: Some("\"v2\"".into()),
            last_modified,
        })
    );
    assert_eq!(store.headlines(&url).unwrap().unwrap().headlines.len(), 2);
}

/// A worker whose timeline merges `sources` (name, address), with a fresh store.
fn timeline_worker(sources: &[(&str, String)], name: &str) -> worker::Handle {
    let (store, _) = Store::open_in(&scratch_dir(name)).unwrap();
    let timeline = sources
        .iter()
        .map(|(name, url)| worker::TimelineSource {
            name: name.to_string(),
            url: url.clone(),
        })
        .collect();
    worker::spawn_with_timeline(
        Client::new(None).unwrap(),
        Some(store),
        false,
        0,
        None,
        timeline,
    )
}

/// The timeline's headlines (url and label) and the notices that came before them.
async fn timeline_of(handle: &mut worker::Handle) -> (Vec<(String, String)>, Vec<String>) {
    handle
        .requests
        .send(Request::Headlines {
            id: 1,
            url: worker::TIMELINE_URL.into(),
            append: false,
        })
        .unwrap();
    let mut notices = Vec::new();
    loop {
        let answer = common::next_answer(handle).await;
        match answer {
            Answer::Lagging { sources, .. } => {
                notices.extend(sources.into_iter().map(|(name, why)| {
                    format!("{name} ({})", why.as_deref().unwrap_or("no answer yet"))
                }))
            }
            Answer::Headlines { result, .. } => {
                let list = result.expect("a timeline").headlines;
                let list = list
                    .into_iter()
                    .map(|h| (h.url, h.label.unwrap_or_default()))
                    .collect();
                return (list, notices);
            }
            _ => {}
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn semua_merges_by_time_keeps_one_headline_per_url_and_a_hanging_source_waits_alone() {
    let feeds = feed_server();
    let hanging = RawServer::start_streaming(|_, stream| common::hang(stream));
    let sources = [
        ("CNN", feeds.url("/nasional/rss")),
        ("Mati", hanging.url("/rss")),
        ("ANTARA", feeds.url("/rss/terkini.xml")),
        // The same feed again under another name: its items are there once, as ANTARA's...
        ("Cermin", feeds.url("/rss/terkini.xml")),
        ("Tempo", feeds.url("/atom")),
    ];
    let mut handle = timeline_worker(&sources, "timeline");
    let (list, notices) = timeline_of(&mut handle).await;
    let labels: Vec<&str> = list.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Tempo · Politik",
            "CNN",
            "ANTARA · Ekonomi",
            "ANTARA · Olahraga",
            "Tempo",
            "CNN",
            "ANTARA · Humaniora",
        ],
        "newest first, each labelled with its source: {list:?}"
    );
    // ...so no address is listed twice.
    let mut urls: Vec<&str> = list.iter().map(|(u, _)| u.as_str()).collect();
    urls.sort();
    urls.dedup();
    assert_eq!(urls.len(), list.len());
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("Mati (no answer yet)"), "{notices:?}");
}

/// A source that answers after the timeline's wait is not lost until the next refresh:
/// once it comes, the timeline is answered again with it, and only a source that failed
/// (here at once, a feed not there) is still named.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_source_late_for_semua_joins_it_when_it_comes() {
    let feeds = feed_server();
    let late = RawServer::start_streaming(|_, stream| {
        std::thread::sleep(Duration::from_millis(1500));
        let _ = stream.write_all(&http_answer(
            "200 OK",
            &[("Content-Type", "application/atom+xml")],
            &bytes("atom.xml"),
        ));
    });
    let sources = [
        ("ANTARA", feeds.url("/rss/terkini.xml")),
        ("Hilang", feeds.url("/tidak-ada.xml")),
        ("Tempo", late.url("/atom")),
    ];
    let mut handle = timeline_worker(&sources, "timeline-late");
    let (list, notices) = timeline_of(&mut handle).await;
    let from_tempo = |labels: Vec<String>| labels.iter().filter(|l| l.starts_with("Tempo")).count();
    assert_eq!(from_tempo(list.iter().map(|(_, l)| l.clone()).collect()), 0);
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(
        notices[0].starts_with("Hilang (") && notices[0].contains("404"),
        "{notices:?}"
    );
    assert_eq!(notices[1], "Tempo (no answer yet)");
    let (page, lagging) = loop {
        if let Answer::CaughtUp { url, page, lagging } = common::next_answer(&mut handle).await {
            assert_eq!(url, worker::TIMELINE_URL);
            break (page, lagging);
        }
    };
    let lagging: Vec<&str> = lagging.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        lagging,
        ["Hilang"],
        "the late one came; the failed one is still said"
    );
    let labels: Vec<String> = page
        .headlines
        .iter()
        .filter_map(|h| h.label.clone())
        .collect();
    assert_eq!(from_tempo(labels), 2, "{:?}", page.headlines);
    assert_eq!(page.headlines.len(), list.len() + 2);
}

/// The figure in docs/PERFORMANCE.md: 20 sources whose servers answer after 100 ms, one of
/// which never answers; how long the timeline takes to show the other 19. Printed, never
/// asserted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_sources_one_hanging_at_100_ms() {
    let slow = RawServer::start_streaming(|path, stream| {
        std::thread::sleep(Duration::from_millis(100));
        if path == "/hang" {
            return common::hang(stream);
        }
        // Each source its own items, so the merge has 19 × 3 headlines.
        let n = path.trim_start_matches("/s");
        let feed = String::from_utf8(bytes("rss2-content.xml"))
            .unwrap()
            .replace("/berita/", &format!("/berita/{n}/"));
        let _ = stream.write_all(&http_answer(
            "200 OK",
            &[("Content-Type", "application/rss+xml")],
            feed.as_bytes(),
        ));
    });
    let names: Vec<String> = (0..20).map(|i| format!("S{i}")).collect();
    for hanging in [true, false] {
        let sources: Vec<(&str, String)> = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let path = if i == 7 && hanging {
                    "/hang".to_string()
                } else {
                    format!("/s{i}")
                };
                (name.as_str(), slow.url(&path))
            })
            .collect();
        let mut handle = timeline_worker(&sources, "timeline-20");
        let started = std::time::Instant::now();
        let (list, notices) = timeline_of(&mut handle).await;
        let took = started.elapsed();
        if hanging {
            assert_eq!(list.len(), 19 * 3, "every source but the hanging one");
            assert!(
                notices.iter().any(|n| n.contains("S7 (no answer yet)")),
                "{notices:?}"
            );
        } else {
            assert_eq!(list.len(), 20 * 3);
            assert!(notices.is_empty(), "{notices:?}");
        }
        eprintln!("timeline of 20 sources at 100 ms, one hanging: {hanging}: {took:?}");
    }
}

/// A source's address as the user wrote it (no path) is the one the reader asks for;
/// its list is still refreshed with the validators of the stored copy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_source_written_without_a_path_is_refreshed_conditionally_too() {
    let seen: Arc<Mutex<Vec<Option<String>>>> = Arc::default();
    let s = seen.clone();
    let server = RawServer::start_with_head(move |_, head| {
        let etag = header(head, "If-None-Match");
        s.lock().unwrap().push(etag.map(str::to_string));
        if etag == Some("\"v1\"") {
            return http_answer("304 Not Modified", &[("ETag", "\"v1\"")], b"");
        }
        http_answer(
            "200 OK",
            &[("Content-Type", "application/rss+xml"), ("ETag", "\"v1\"")],
            &bytes("rss2-content.xml"),
        )
    });
    let typed = format!(
        "[[sources]]\nname = \"kota\"\nurl = \"http://127.0.0.1:{}\"\n",
        server.port
    );
    let config = kabar::config::Config::from_toml(&typed, "config.toml").unwrap();
    let url = &config.sources[0].url;
    let (store, _) = Store::open_in(&scratch_dir("conditional-typed")).unwrap();
    let mut handle = worker::spawn(Client::new(None).unwrap(), Some(store), false, 0);
    let first = list_of(&mut handle, 1, url).await.unwrap();
    assert_eq!(list_of(&mut handle, 2, url).await.unwrap(), first);
    assert_eq!(
        *seen.lock().unwrap(),
        [None, Some("\"v1\"".to_string())],
        "the second refresh names the stored copy"
    );
}
