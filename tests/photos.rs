//! Photos against a real HTTP server on 127.0.0.1: the worker fetches each one asked for,
//! checks it within the limits and keeps it with its article, so it is there offline;
//! hostile files (a decompression bomb, a huge JPEG header, a truncated file, a page
//! that is not a photo, a file over the size limit) are refused with a reason, and not
//! kept.

mod common;

use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::Utc;
use common::{RawServer, http_answer, scratch_dir};
use image::{ImageFormat, RgbImage};
use kabar::app::{Answer, Request};
use kabar::net::Client;
use kabar::picture::{self, Size};
use kabar::store::Store;
use kabar::worker;
use url::Url;

const ARTICLE: &str = "https://regional.kompas.com/read/2026/11/26/3/pasar-terapung-lok-baintan";

fn photo_url(name: &str) -> String {
    format!("https://asset.kompas.com/data/photo/2026/11/26/{name}")
}

fn encoded(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let image = RgbImage::from_pixel(width, height, image::Rgb([30, 120, 200]));
    let mut out = Cursor::new(Vec::new());
    image.write_to(&mut out, format).unwrap();
    out.into_inner()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/photos")
            .join(name),
    )
    .unwrap()
}

/// The photos' server, counting the requests it answers.
fn photo_site(requests: Arc<AtomicUsize>) -> RawServer {
    let png = encoded(120, 80, ImageFormat::Png);
    let jpeg = encoded(64, 48, ImageFormat::Jpeg);
    let truncated = png[..png.len() / 2].to_vec();
    let (bomb, huge) = (fixture("bomb.png"), fixture("huge.jpg"));
    let oversized = vec![0u8; picture::MAX_BYTES + 1];
    RawServer::start(move |path| {
        requests.fetch_add(1, Ordering::SeqCst);
        let name = path.rsplit('/').next().unwrap_or_default();
        let (kind, body): (&str, &[u8]) = match name {
            "perahu.png" => ("image/png", &png),
            "kue.jpg" => ("image/jpeg", &jpeg),
            "putus.png" => ("image/png", &truncated),
            "besar.png" => ("image/png", &bomb),
            "huge.jpg" => ("image/jpeg", &huge),
            "oversized.png" => ("image/png", &oversized),
            "page.png" => ("text/html", b"<html>not found</html>"),
            _ => return http_answer("404 Not Found", &[], b""),
        };
        http_answer("200 OK", &[("Content-Type", kind)], body)
    })
}

/// Asks the worker for each of `names` and waits for all the answers.
async fn ask(handle: &mut worker::Handle, names: &[&str]) -> Vec<(String, Result<Size, String>)> {
    for name in names {
        handle
            .requests
            .send(Request::Photo {
                url: photo_url(name),
                article: ARTICLE.into(),
            })
            .unwrap();
    }
    let mut got = Vec::new();
    while got.len() < names.len() {
        let answer = common::next_answer(handle).await;
        if let Answer::Photo { url, result } = answer {
            got.push((url.rsplit('/').next().unwrap().to_string(), result));
        }
    }
    got.sort_by(|a, b| a.0.cmp(&b.0));
    got
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn photos_are_fetched_checked_and_kept_for_offline_and_hostile_ones_refused() {
    let requests = Arc::new(AtomicUsize::new(0));
    let site = photo_site(requests.clone());
    let dir = scratch_dir("photos");
    let (store, _) = Store::open_in(&dir).unwrap();
    let client = Client::new(Some(Url::parse(&site.url("/")).unwrap())).unwrap();
    let mut handle = worker::spawn(client, Some(store), false, 0);
    let names = [
        "perahu.png",
        "kue.jpg",
        "putus.png",
        "besar.png",
        "huge.jpg",
        "oversized.png",
        "page.png",
        "missing.png",
    ];
    let got = ask(&mut handle, &names).await;
    let result = |name: &str| got.iter().find(|(n, _)| n == name).unwrap().1.clone();
    assert_eq!(
        result("perahu.png"),
        Ok(Size {
            width: 120,
            height: 80
        })
    );
    assert_eq!(
        result("kue.jpg"),
        Ok(Size {
            width: 64,
            height: 48
        })
    );
    let huge = Err("the photo is too large to show (20000 × 20000)".to_string());
    assert_eq!(result("besar.png"), huge);
    assert_eq!(result("huge.jpg"), huge);
    for (name, words) in [
        ("putus.png", "the photo cannot be read"),
        ("oversized.png", "larger than 4 MB"),
        ("page.png", "the server sent text/html, not a photo"),
        ("missing.png", "404"),
    ] {
        let reason = result(name).unwrap_err();
        assert!(reason.contains(words), "{name}: {reason}");
        assert!(!reason.contains('\n'), "one line: {reason}");
    }
    let asked = requests.load(Ordering::SeqCst);
    assert_eq!(asked, names.len(), "one request each, no retries");
    drop(handle);

    // Offline, from the store: the good ones only, and nothing asked of the server.
    let (store, _) = Store::open_in(&dir).unwrap();
    assert_eq!(
        store.photo(&photo_url("perahu.png")).unwrap(),
        Some(encoded(120, 80, ImageFormat::Png))
    );
    assert_eq!(store.photo(&photo_url("besar.png")).unwrap(), None);
    let client = Client::new(Some(Url::parse(&site.url("/")).unwrap())).unwrap();
    let mut offline = worker::spawn(client, Some(store), true, 0);
    let again = ask(&mut offline, &["perahu.png", "putus.png"]).await;
    assert_eq!(
        again[0].1,
        Ok(Size {
            width: 120,
            height: 80
        })
    );
    assert!(
        again[1].1.as_ref().unwrap_err().contains("offline"),
        "{again:?}"
    );
    assert_eq!(requests.load(Ordering::SeqCst), asked);
}

#[test]
fn an_articles_photos_go_when_it_is_evicted() {
    let dir = scratch_dir("photos-evicted");
    let (store, _) = Store::open_in(&dir).unwrap();
    let article = common::photo_article();
    let now = Utc::now();
    store.put_article(ARTICLE, &article, now).unwrap();
    let file = encoded(8, 8, ImageFormat::Png);
    store
        .put_photo(&photo_url("perahu.png"), ARTICLE, &file, now)
        .unwrap();
    assert_eq!(store.photo(&photo_url("perahu.png")).unwrap(), Some(file));
    store.evict(now, 0).unwrap();
    assert!(!store.has_article(ARTICLE).unwrap());
    assert_eq!(store.photo(&photo_url("perahu.png")).unwrap(), None);
}

#[test]
fn an_articles_photos_count_toward_the_stores_size_bound() {
    let dir = scratch_dir("photos-bound");
    let (store, _) = Store::open_in(&dir).unwrap();
    let now = Utc::now();
    store
        .put_article(ARTICLE, &common::photo_article(), now)
        .unwrap();
    // A photo of 200 KB (the store keeps the file as it came, whatever is in it).
    let file = vec![7u8; 200_000];
    store
        .put_photo(&photo_url("perahu.png"), ARTICLE, &file, now)
        .unwrap();
    // The article's text alone is well within 100 KB; with its photo it is not.
    assert_eq!(store.evict(now, 100_000).unwrap(), (0, 1));
    assert!(!store.has_article(ARTICLE).unwrap());
    assert_eq!(store.photo(&photo_url("perahu.png")).unwrap(), None);
}

#[test]
fn a_photo_of_an_article_not_in_the_store_goes_at_the_next_eviction() {
    let dir = scratch_dir("photos-orphan");
    let (store, _) = Store::open_in(&dir).unwrap();
    let now = Utc::now();
    let file = encoded(8, 8, ImageFormat::Png);
    store
        .put_photo(&photo_url("perahu.png"), ARTICLE, &file, now)
        .unwrap();
    store.evict(now, u64::MAX).unwrap();
    assert_eq!(store.photo(&photo_url("perahu.png")).unwrap(), None);
}

/// Has the worker open the photo at `url` in the viewer; the notice that tells how.
async fn open_in_viewer(handle: &mut worker::Handle, url: &str) -> String {
    handle
        .requests
        .send(Request::OpenPhoto { url: url.into() })
        .unwrap();
    loop {
        let answer = common::next_answer(handle).await;
        if let Answer::Notice(words) = answer {
            return words;
        }
    }
}

/// What the recording browser was handed last (its arguments after the count).
fn handed(args: &Path) -> String {
    let written = std::fs::read_to_string(args).unwrap();
    let lines: Vec<&str> = written.lines().collect();
    assert_eq!(lines[0], "1", "one argument: {written}");
    lines[1].to_string()
}

/// A stored photo opens from its stored file, written out with the extension of its
/// format (its address says `.jpg`, its bytes are a PNG): offline that is the only way to
/// see it. With nothing stored the viewer gets the address, or offline a notice says why
/// not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_viewer_gets_the_stored_file_and_the_address_only_when_none_is_stored() {
    let dir = scratch_dir("photos-viewer");
    let (opener, args) = common::recording_browser(&dir);
    let browser = Some(opener.display().to_string());
    let (store, _) = Store::open_in(&dir).unwrap();
    let png = encoded(12, 8, ImageFormat::Png);
    let (stored, elsewhere) = (photo_url("disimpan.jpg"), photo_url("lain.jpg"));
    store.put_photo(&stored, ARTICLE, &png, Utc::now()).unwrap();
    // Nothing listens: a request that left would fail.
    let nowhere = Url::parse(&format!("http://127.0.0.1:{}/", common::closed_port())).unwrap();

    let client = Client::new(Some(nowhere.clone())).unwrap();
    let mut offline = worker::spawn_with_browser(client, Some(store), true, 0, browser.clone());
    assert_eq!(
        open_in_viewer(&mut offline, &stored).await,
        "opened in the browser"
    );
    let file = handed(&args);
    assert!(file.ends_with(".png"), "{file}");
    assert_eq!(std::fs::read(&file).unwrap(), png);
    std::fs::remove_file(&args).unwrap();
    assert_eq!(
        open_in_viewer(&mut offline, &elsewhere).await,
        format!("offline, and this photo is not stored: {elsewhere}")
    );
    assert!(!args.exists(), "no viewer started for it");
    drop(offline);

    let (store, _) = Store::open_in(&dir).unwrap();
    let client = Client::new(Some(nowhere)).unwrap();
    let mut online = worker::spawn_with_browser(client, Some(store), false, 0, browser);
    open_in_viewer(&mut online, &elsewhere).await;
    assert_eq!(handed(&args), elsewhere);
    open_in_viewer(&mut online, &stored).await;
    assert!(
        handed(&args).ends_with(".png"),
        "the stored file online too"
    );
}
