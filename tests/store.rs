//! The offline store against real files: round trips, schema versions, damaged and
//! foreign files, two writers at once, a writer killed mid-write, and retention.

use std::collections::HashSet;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, TimeDelta, TimeZone, Utc};
use kabar::article::{Article, Block, BlockKind, Headline, Link, Site, TerkiniLink};
use kabar::store::{
    DEFAULT_MAX_ARTICLE_BYTES, FILE_NAME, ListValidators, SCHEMA_VERSION, SavedArticle, Store,
    StoreError, StoredList,
};

// ---------------------------------------------------------------- helpers

/// A fresh, empty folder for one test, under the target's scratch space.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("store")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// A fixed point in time plus `secs`, with a fraction of a second so round trips must
/// keep it.
fn t(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_780_000_000 + secs, 123_456_789)
        .single()
        .expect("valid time")
}

fn wib(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(7 * 3600)
        .expect("WIB")
        .with_ymd_and_hms(y, mo, d, h, mi, s)
        .single()
        .expect("valid time")
}

/// An article with every field filled in and `paragraphs` paragraphs of body.
fn article(url: &str, paragraphs: usize) -> Article {
    let mut body = vec![
        Block {
            kind: BlockKind::Heading,
            text: "Latar belakang".into(),
        },
        Block {
            kind: BlockKind::Quote,
            text: "\u{201c}Kami siap,\u{201d} katanya.".into(),
        },
        Block {
            kind: BlockKind::ListItem,
            text: "Satu".into(),
        },
    ];
    body.extend((0..paragraphs).map(|i| Block {
        kind: BlockKind::Paragraph,
        text: format!("Paragraf {i} dari {url}: Jakarta, Kompas.com \u{2014} berita hari ini."),
    }));
    Article {
        url: url.into(),
        title: format!("Judul {url}"),
        published: Some(wib(2026, 11, 24, 19, 30, 15)),
        authors: vec!["Ani".into(), "Budi".into()],
        editor: Some("Citra".into()),
        source: Some("Kompas.com".into()),
        image: Some("https://asset.kompas.com/a.jpg".into()),
        tags: vec!["politik".into(), "ekonomi".into()],
        body,
        related: vec![Link {
            title: "Baca juga".into(),
            url: format!("{url}/related"),
        }],
        terkini: vec![TerkiniLink {
            title: "Terkini".into(),
            url: format!("{url}/terkini"),
            label: Some("NASIONAL".into()),
        }],
        site: Site::Kompas,
        image_caption: None,
        embeds: Vec::new(),
        photos: Vec::new(),
    }
}

fn headline(url: &str) -> Headline {
    Headline {
        title: format!("Berita {url}"),
        url: url.into(),
        label: Some("MEGAPOLITAN".into()),
        published: Some(wib(2026, 11, 24, 8, 0, 0)),
    }
}

fn headlines(prefix: &str, n: usize) -> Vec<Headline> {
    (0..n)
        .map(|i| headline(&format!("https://www.kompas.com/{prefix}/{i}")))
        .collect()
}

fn strings(urls: &[&str]) -> Vec<String> {
    urls.iter().map(|u| u.to_string()).collect()
}

fn set(urls: &[&str]) -> HashSet<String> {
    urls.iter().map(|u| u.to_string()).collect()
}

fn open(path: &Path) -> Store {
    let (store, notice) = Store::open(path).expect("store opens");
    assert_eq!(notice, None, "nothing should have been moved aside");
    store
}

/// Files in `dir` whose names start with `kabar.db.corrupt-`, sorted.
fn moved_aside(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .expect("folder readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("kabar.db.corrupt-"))
        })
        .collect();
    found.sort();
    found
}

/// Deterministic bytes that are no file format at all.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect()
}

fn sqlite_pragma(path: &Path, name: &str) -> String {
    let conn = rusqlite::Connection::open(path).expect("sqlite opens");
    conn.pragma_query_value(None, name, |r| {
        Ok(match r.get_ref(0)? {
            rusqlite::types::ValueRef::Integer(i) => i.to_string(),
            rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
            other => format!("{other:?}"),
        })
    })
    .expect("pragma")
}

fn json_len(article: &Article) -> u64 {
    serde_json::to_string(article).expect("json").len() as u64
}

// ---------------------------------------------------------------- round trips

#[test]
fn store_is_send() {
    fn assert_send<T: Send>() {}
    assert_send::<Store>();
    assert_send::<StoreError>();
}

#[test]
fn every_kind_of_data_round_trips_and_survives_reopening() {
    let dir = scratch("round_trips");
    let a = "https://www.kompas.com/a";
    let b = "https://www.kompas.com/b";
    let never_stored = "https://www.kompas.com/never-stored";
    {
        let (store, notice) = Store::open_in(&dir.join("nested/data")).expect("opens");
        assert_eq!(notice, None);
        assert!(dir.join("nested/data").join(FILE_NAME).is_file());

        assert_eq!(store.headlines("nasional").unwrap(), None);
        assert_eq!(store.article(a).unwrap(), None);
        assert!(!store.has_article(a).unwrap());
        assert_eq!(store.position(a).unwrap(), None);
        assert!(store.saved().unwrap().is_empty());

        store
            .put_headlines(
                "nasional",
                &headlines("n", 3),
                Some("https://www.kompas.com/n?page=2"),
                t(0),
            )
            .unwrap();
        store.put_headlines("empty", &[], None, t(1)).unwrap();
        store.put_article(a, &article(a, 3), t(2)).unwrap();
        store.set_read(a, true, t(3)).unwrap();
        store.set_read(never_stored, true, t(4)).unwrap();
        store.set_position(a, 42).unwrap();
        store.set_position(never_stored, 0).unwrap();
        store.set_saved(&article(b, 1), true, t(5)).unwrap();
    }
    let store = open(&dir.join("nested/data").join(FILE_NAME));
    assert_eq!(
        store.headlines("nasional").unwrap(),
        Some(StoredList {
            headlines: headlines("n", 3),
            next: Some("https://www.kompas.com/n?page=2".into()),
            fetched_at: t(0),
        })
    );
    assert_eq!(
        store.headlines("empty").unwrap(),
        Some(StoredList {
            headlines: vec![],
            next: None,
            fetched_at: t(1),
        })
    );
    assert_eq!(store.article(a).unwrap(), Some(article(a, 3)));
    assert!(store.has_article(a).unwrap());
    // Saving stored the article, so it reads offline without ever having been put.
    assert_eq!(store.article(b).unwrap(), Some(article(b, 1)));
    assert!(!store.has_article(never_stored).unwrap());
    assert_eq!(
        store.stored_among(&strings(&[a, b, never_stored])).unwrap(),
        set(&[a, b])
    );
    assert_eq!(store.stored_among(&[]).unwrap(), set(&[]));
    // Read marks are per URL, stored or not.
    assert_eq!(
        store.read_among(&strings(&[a, b, never_stored])).unwrap(),
        set(&[a, never_stored])
    );
    assert_eq!(store.position(a).unwrap(), Some(42));
    assert_eq!(store.position(never_stored).unwrap(), Some(0));
    assert_eq!(store.position(b).unwrap(), None);
    assert!(store.is_saved(b).unwrap());
    assert!(!store.is_saved(a).unwrap());
    assert_eq!(
        store.saved().unwrap(),
        vec![SavedArticle {
            article: article(b, 1),
            saved_at: t(5),
        }]
    );
}

#[test]
fn read_marks_toggle_and_mark_all() {
    let dir = scratch("read_marks");
    let store = open(&dir.join(FILE_NAME));
    let urls = strings(&["u1", "u2", "u3", "u4"]);
    store.set_all_read(&urls[..3], t(0)).unwrap();
    assert_eq!(store.read_among(&urls).unwrap(), set(&["u1", "u2", "u3"]));
    store.set_read("u2", false, t(1)).unwrap();
    store.set_read("u4", false, t(1)).unwrap(); // never marked: stays unread
    assert_eq!(store.read_among(&urls).unwrap(), set(&["u1", "u3"]));
    store.set_read("u2", true, t(2)).unwrap();
    assert_eq!(store.read_among(&urls).unwrap(), set(&["u1", "u2", "u3"]));
    store.set_all_read(&[], t(3)).unwrap();
    // A position does not make a URL read, and marking read keeps the position.
    store.set_position("u4", 7).unwrap();
    assert_eq!(store.read_among(&urls).unwrap(), set(&["u1", "u2", "u3"]));
    store.set_read("u4", true, t(4)).unwrap();
    assert_eq!(store.position("u4").unwrap(), Some(7));
    store.set_position("u4", usize::MAX).unwrap();
    assert_eq!(store.position("u4").unwrap(), Some(i64::MAX as usize));
}

#[test]
fn saved_articles_newest_first_and_unsaving_keeps_the_copy() {
    let dir = scratch("saved");
    let store = open(&dir.join(FILE_NAME));
    let (a, b, c) = ("https://x/a", "https://x/b", "https://x/c");
    store.put_article(a, &article(a, 1), t(0)).unwrap();
    store.set_saved(&article(a, 2), true, t(10)).unwrap();
    store.set_saved(&article(b, 1), true, t(30)).unwrap();
    store.set_saved(&article(c, 1), true, t(20)).unwrap();
    let order: Vec<String> = store
        .saved()
        .unwrap()
        .into_iter()
        .map(|s| s.article.url)
        .collect();
    assert_eq!(order, [b, c, a]);
    // Saving updated the stored copy.
    assert_eq!(store.article(a).unwrap(), Some(article(a, 2)));
    // Saving again keeps the first time; putting the article again keeps it saved.
    store.set_saved(&article(a, 3), true, t(99)).unwrap();
    store.put_article(a, &article(a, 4), t(100)).unwrap();
    let saved = store.saved().unwrap();
    assert_eq!(saved[2].saved_at, t(10));
    assert_eq!(saved[2].article, article(a, 4));
    assert!(store.is_saved(a).unwrap());

    store.set_saved(&article(b, 1), false, t(40)).unwrap();
    assert!(!store.is_saved(b).unwrap());
    assert_eq!(store.article(b).unwrap(), Some(article(b, 1)));
    assert_eq!(store.saved().unwrap().len(), 2);
    // Unsaving what was never stored is nothing.
    store
        .set_saved(&article("https://x/none", 1), false, t(40))
        .unwrap();
    assert!(!store.has_article("https://x/none").unwrap());
}

#[test]
fn put_headlines_replaces_the_list_and_sections_are_separate() {
    let dir = scratch("lists");
    let store = open(&dir.join(FILE_NAME));
    store
        .put_headlines("nasional", &headlines("n", 5), Some("n?page=2"), t(0))
        .unwrap();
    store
        .put_headlines("tekno", &headlines("t", 2), None, t(1))
        .unwrap();
    store
        .put_headlines("nasional", &headlines("n2", 2), None, t(2))
        .unwrap();
    assert_eq!(
        store.headlines("nasional").unwrap(),
        Some(StoredList {
            headlines: headlines("n2", 2),
            next: None,
            fetched_at: t(2),
        })
    );
    assert_eq!(
        store.headlines("tekno").unwrap(),
        Some(StoredList {
            headlines: headlines("t", 2),
            next: None,
            fetched_at: t(1),
        })
    );
    assert_eq!(store.headlines("bola").unwrap(), None);
}

// ---------------------------------------------------------------- schema versions

/// Opens a store at `path` that must have been migrated to the current version, and
/// checks it works.
fn check_migrated(path: &Path) {
    {
        let store = open(path);
        store.put_article("u", &article("u", 1), t(0)).unwrap();
        assert_eq!(store.article("u").unwrap(), Some(article("u", 1)));
    }
    assert_eq!(
        sqlite_pragma(path, "user_version"),
        SCHEMA_VERSION.to_string()
    );
    assert_eq!(sqlite_pragma(path, "journal_mode"), "wal");
    assert_eq!(sqlite_pragma(path, "auto_vacuum"), "2"); // incremental
}

#[test]
fn migrates_from_no_file() {
    let dir = scratch("migrate_none");
    check_migrated(&dir.join("more/folders").join(FILE_NAME));
}

#[test]
fn migrates_from_an_empty_file() {
    let dir = scratch("migrate_empty");
    let path = dir.join(FILE_NAME);
    fs::write(&path, b"").unwrap();
    check_migrated(&path);
}

#[test]
fn migrates_from_a_version_0_sqlite_file() {
    let dir = scratch("migrate_v0");
    let path = dir.join(FILE_NAME);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("VACUUM").unwrap(); // writes a header, no tables
    }
    assert!(fs::metadata(&path).unwrap().len() > 0);
    assert_eq!(sqlite_pragma(&path, "user_version"), "0");
    check_migrated(&path);
    assert!(moved_aside(&dir).is_empty());
}

#[test]
fn a_newer_version_is_an_error_and_the_file_is_left_as_it_is() {
    let dir = scratch("newer");
    let path = dir.join(FILE_NAME);
    {
        let store = open(&path);
        store.set_saved(&article("u", 1), true, t(0)).unwrap();
    }
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let before = fs::read(&path).unwrap();
    let err = Store::open(&path).expect_err("a newer store must not open");
    match &err {
        StoreError::TooNew { found, known, .. } => {
            assert_eq!((*found, *known), (SCHEMA_VERSION + 1, SCHEMA_VERSION));
        }
        other => panic!("expected TooNew, got {other:?}"),
    }
    let words = err.to_string();
    assert!(words.contains("newer kabar"), "{words}");
    assert!(!words.contains('\n'), "{words}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(moved_aside(&dir).is_empty());
    // Still refuses the second time: nothing was changed by the first try.
    assert!(matches!(Store::open(&path), Err(StoreError::TooNew { .. })));
}

// ---------------------------------------------------------------- damaged and foreign files

/// Opens a store over a file that must be moved aside; checks the notice, that the old
/// file (and the siblings named) are kept byte for byte, and that the new store works.
fn check_moved_aside(dir: &Path, siblings: &[&str]) {
    let path = dir.join(FILE_NAME);
    let before = fs::read(&path).unwrap();
    let sibling_bytes: Vec<Vec<u8>> = siblings
        .iter()
        .map(|s| fs::read(dir.join(format!("{FILE_NAME}{s}"))).unwrap())
        .collect();

    let (store, notice) = Store::open(&path).expect("a fresh store opens");
    let notice = notice.expect("the user is told the file was moved");
    assert!(!notice.contains('\n'), "one line: {notice}");

    let aside = moved_aside(dir);
    let main: Vec<&PathBuf> = aside
        .iter()
        .filter(|p| {
            !p.to_string_lossy().ends_with("-wal") && !p.to_string_lossy().ends_with("-shm")
        })
        .collect();
    assert_eq!(main.len(), 1, "{aside:?}");
    let main = main[0];
    let name = main.file_name().unwrap().to_str().unwrap();
    let stamp = name.strip_prefix("kabar.db.corrupt-").unwrap();
    assert_eq!(stamp.len(), "YYYYMMDD-HHMMSS".len(), "{name}");
    assert!(
        stamp
            .chars()
            .enumerate()
            .all(|(i, c)| if i == 8 { c == '-' } else { c.is_ascii_digit() }),
        "{name}"
    );
    assert!(notice.contains(&main.display().to_string()), "{notice}");
    assert_eq!(
        fs::read(main).unwrap(),
        before,
        "moved file kept byte for byte"
    );
    for (s, bytes) in siblings.iter().zip(&sibling_bytes) {
        let moved = PathBuf::from(format!("{}{s}", main.display()));
        assert_eq!(&fs::read(&moved).unwrap(), bytes, "{s} moved along");
    }

    store.put_article("u", &article("u", 1), t(0)).unwrap();
    store.set_read("u", true, t(1)).unwrap();
    drop(store);
    let store = open(&path);
    assert_eq!(store.article("u").unwrap(), Some(article("u", 1)));
    assert_eq!(store.read_among(&strings(&["u"])).unwrap(), set(&["u"]));
    assert_eq!(moved_aside(dir).len(), aside.len(), "moved once only");
}

#[test]
fn random_bytes_are_moved_aside_with_their_wal() {
    let dir = scratch("corrupt");
    fs::write(dir.join(FILE_NAME), noise(10_000, 0x9e37_79b9_7f4a_7c15)).unwrap();
    fs::write(dir.join(format!("{FILE_NAME}-wal")), noise(3_000, 7)).unwrap();
    fs::write(dir.join(format!("{FILE_NAME}-shm")), noise(32_768, 11)).unwrap();
    check_moved_aside(&dir, &["-wal", "-shm"]);
}

#[test]
fn a_short_text_file_is_moved_aside() {
    let dir = scratch("text_file");
    fs::write(dir.join(FILE_NAME), "not a database\n").unwrap();
    check_moved_aside(&dir, &[]);
}

#[test]
fn a_damaged_store_header_is_moved_aside() {
    let dir = scratch("damaged_header");
    let path = dir.join(FILE_NAME);
    {
        let store = open(&path);
        store.put_article("u", &article("u", 50), t(0)).unwrap();
    }
    let mut bytes = fs::read(&path).unwrap();
    bytes[..16].copy_from_slice(&noise(16, 3));
    fs::write(&path, bytes).unwrap();
    check_moved_aside(&dir, &[]);
}

#[test]
fn a_damaged_schema_page_is_moved_aside() {
    let dir = scratch("damaged_schema");
    let path = dir.join(FILE_NAME);
    {
        let store = open(&path);
        store.put_article("u", &article("u", 50), t(0)).unwrap();
    }
    // The header stays valid (and ours); the table of tables behind it is garbage.
    let mut bytes = fs::read(&path).unwrap();
    bytes[100..1000].copy_from_slice(&noise(900, 13));
    fs::write(&path, bytes).unwrap();
    check_moved_aside(&dir, &[]);
}

#[test]
fn another_programs_database_is_moved_aside() {
    let dir = scratch("foreign");
    {
        let conn = rusqlite::Connection::open(dir.join(FILE_NAME)).unwrap();
        conn.execute_batch(
            "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
             INSERT INTO users (name) VALUES ('ani'), ('budi');",
        )
        .unwrap();
    }
    check_moved_aside(&dir, &[]);
}

#[test]
fn another_programs_database_with_a_version_is_moved_aside() {
    // Another program that also counts schema versions, higher than ours: still not ours.
    let dir = scratch("foreign_versioned");
    {
        let conn = rusqlite::Connection::open(dir.join(FILE_NAME)).unwrap();
        conn.execute_batch(
            "CREATE TABLE articles (id INTEGER PRIMARY KEY);
             PRAGMA user_version = 99;",
        )
        .unwrap();
    }
    check_moved_aside(&dir, &[]);
}

#[test]
fn another_programs_database_with_its_own_application_id_is_moved_aside() {
    let dir = scratch("foreign_app_id");
    {
        let conn = rusqlite::Connection::open(dir.join(FILE_NAME)).unwrap();
        conn.execute_batch(
            "PRAGMA application_id = 1234;
             CREATE TABLE notes (body TEXT);
             INSERT INTO notes VALUES ('hello');",
        )
        .unwrap();
    }
    // A stray -wal beside it stays with it.
    fs::write(dir.join(format!("{FILE_NAME}-wal")), noise(100, 5)).unwrap();
    check_moved_aside(&dir, &["-wal"]);
}

// ---------------------------------------------------------------- two writers at once

#[test]
fn two_stores_on_one_file_from_two_threads() {
    let dir = scratch("two_writers");
    let path = dir.join(FILE_NAME);
    const WRITES: usize = 300;
    let start = Arc::new(Barrier::new(2));
    let workers: Vec<_> = ["left", "right"]
        .into_iter()
        .map(|who| {
            let path = path.clone();
            let start = Arc::clone(&start);
            thread::spawn(move || {
                start.wait(); // both create the new file at the same moment
                let (store, notice) = Store::open(&path).expect("opens beside the other");
                assert_eq!(notice, None);
                for i in 0..WRITES {
                    let url = format!("https://x/{who}/{i}");
                    store
                        .put_article(&url, &article(&url, 2), t(i as i64))
                        .unwrap();
                    store.set_read(&url, true, t(i as i64)).unwrap();
                    store.set_position(&url, i).unwrap();
                    if i % 10 == 0 {
                        store
                            .put_headlines(who, &headlines(who, i + 1), None, t(i as i64))
                            .unwrap();
                        store
                            .set_saved(&article(&url, 2), true, t(i as i64))
                            .unwrap();
                    }
                    assert!(store.has_article(&url).unwrap());
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("writer thread ends without error");
    }

    let store = open(&path);
    for who in ["left", "right"] {
        let urls: Vec<String> = (0..WRITES)
            .map(|i| format!("https://x/{who}/{i}"))
            .collect();
        assert_eq!(store.stored_among(&urls).unwrap().len(), WRITES);
        assert_eq!(store.read_among(&urls).unwrap().len(), WRITES);
        for (i, url) in urls.iter().enumerate() {
            assert_eq!(store.position(url).unwrap(), Some(i), "{url}");
            assert_eq!(store.article(url).unwrap(), Some(article(url, 2)));
        }
        let last = (WRITES - 1) / 10 * 10;
        assert_eq!(
            store.headlines(who).unwrap().unwrap().headlines,
            headlines(who, last + 1)
        );
    }
    assert_eq!(store.saved().unwrap().len(), 2 * WRITES.div_ceil(10));
}

// ---------------------------------------------------------------- a writer killed mid-write

/// Set for the child process of `killed_writer_loses_no_committed_write`: the store's
/// folder and the first index to write.
const CHILD_DIR: &str = "KABAR_STORE_TEST_CHILD_DIR";
const CHILD_FROM: &str = "KABAR_STORE_TEST_CHILD_FROM";

/// The child: writes in a loop, printing `ack KIND INDEX` after each committed
/// transaction, until killed. Only does anything when run by the parent test.
#[test]
#[ignore = "the child process of killed_writer_loses_no_committed_write"]
fn crash_child() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        eprintln!("{CHILD_DIR} not set: nothing to do");
        return;
    };
    let from: usize = std::env::var(CHILD_FROM).unwrap().parse().unwrap();
    let (mut store, _) = Store::open_in(Path::new(&dir)).expect("child opens the store");
    // Small enough that the size checks (eviction scan and WAL checkpoint) run every
    // hundred or so articles, so kills also land around them; large enough that nothing
    // the parent checks is evicted.
    store.set_max_article_bytes(4 * 1024 * 1024);
    // Bounded, in case the parent is gone; printing to a closed pipe also ends it.
    for i in from..from + 50_000 {
        let url = format!("https://x/crash/{i}");
        let at = t(i as i64);
        store.put_article(&url, &article(&url, 40), at).unwrap();
        println!("ack article {i}");
        store.set_read(&url, true, at).unwrap();
        println!("ack read {i}");
        store.set_position(&url, i).unwrap();
        println!("ack position {i}");
        if i % 3 == 0 {
            store.set_saved(&article(&url, 41), true, at).unwrap();
            println!("ack saved {i}");
        }
        store
            .put_headlines("crash", &headlines("crash", i % 50 + 1), Some(&url), at)
            .unwrap();
        println!("ack list {i}");
    }
}

#[cfg(unix)]
#[test]
fn killed_writer_loses_no_committed_write() {
    use std::os::unix::process::ExitStatusExt;

    let dir = scratch("crash");
    let mut from = 0;
    // Three rounds, killed after different numbers of writes; each round also starts
    // from the store the previous kill left.
    // The kill comes right after an acknowledgement (so most likely inside the next
    // transaction), or a little later, so it lands at different points of a write.
    for (kill_after, delay_us) in [(150, 0), (401, 300), (777, 2_000)] {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "crash_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DIR, &dir)
            .env(CHILD_FROM, from.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("child starts");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut acks: Vec<(String, usize)> = Vec::new();
        let ack = |line: String, acks: &mut Vec<(String, usize)>| {
            if let Some(rest) = line.strip_prefix("ack ") {
                let (kind, i) = rest.split_once(' ').expect("ack KIND INDEX");
                acks.push((kind.to_string(), i.parse().expect("index")));
            }
        };
        for line in lines.by_ref() {
            ack(line.expect("child output"), &mut acks);
            if acks.len() >= kill_after {
                break;
            }
        }
        assert!(
            acks.len() >= kill_after,
            "child stopped early after {} writes",
            acks.len()
        );
        thread::sleep(Duration::from_micros(delay_us));
        child.kill().expect("SIGKILL"); // std kills with SIGKILL on Unix
        let status = child.wait().unwrap();
        assert_eq!(
            status.signal(),
            Some(9),
            "the child was killed, not finished"
        );
        // What it printed before dying was committed too.
        for line in lines {
            match line {
                Ok(line) => ack(line, &mut acks),
                Err(_) => break,
            }
        }

        eprintln!("killed after {} acknowledged writes", acks.len());
        let (store, notice) = Store::open_in(&dir).expect("the store opens after the kill");
        assert_eq!(notice, None, "a killed writer leaves no damage");
        let mut last_list = None;
        for (kind, i) in &acks {
            let url = format!("https://x/crash/{i}");
            match kind.as_str() {
                "article" => assert!(store.article(&url).unwrap().is_some(), "{url}"),
                "read" => assert!(
                    store
                        .read_among(std::slice::from_ref(&url))
                        .unwrap()
                        .contains(&url)
                ),
                "position" => assert_eq!(store.position(&url).unwrap(), Some(*i)),
                "saved" => {
                    assert!(store.is_saved(&url).unwrap(), "{url}");
                    assert_eq!(store.article(&url).unwrap(), Some(article(&url, 41)));
                }
                "list" => last_list = Some(*i),
                other => panic!("unknown ack {other}"),
            }
        }
        // The list is replaced each time: the stored one is the last acknowledged, or
        // the one after it if that committed just before the kill.
        let last = last_list.expect("some list was written");
        let list = store.headlines("crash").unwrap().expect("list stored");
        let stored: usize = list
            .next
            .as_deref()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(stored == last || stored == last + 1, "{stored} vs {last}");
        assert_eq!(list.headlines, headlines("crash", stored % 50 + 1));
        assert_eq!(list.fetched_at, t(stored as i64));
        // Every article stored reads back whole.
        let max = acks.iter().map(|(_, i)| *i).max().unwrap();
        let urls: Vec<String> = (from..=max + 1)
            .map(|i| format!("https://x/crash/{i}"))
            .collect();
        for url in store.stored_among(&urls).unwrap() {
            assert!(store.article(&url).unwrap().is_some(), "{url}");
        }
        from = max + 2;
    }
}

// ---------------------------------------------------------------- retention

#[test]
fn eviction_drops_oldest_read_unsaved_articles_until_under_the_bound() {
    let dir = scratch("evict_articles");
    let store = open(&dir.join(FILE_NAME));
    let url = |c: char| format!("https://www.kompas.com/read/{c}");
    let put = |c: char, fetched: i64| {
        store
            .put_article(&url(c), &article(&url(c), 20), t(fetched))
            .unwrap();
    };
    // Order of eviction: by last read, or fetch time for never-read ones.
    put('a', 0); // read at 50
    put('b', 10); // never read: counts as 10
    put('c', 20); // read at 30
    put('d', 40); // never read: counts as 40
    put('f', 60); // read at 70
    put('e', 5); // saved: never dropped, read first of all
    store.set_read(&url('a'), true, t(50)).unwrap();
    store.set_read(&url('c'), true, t(30)).unwrap();
    store.set_read(&url('f'), true, t(70)).unwrap();
    store.set_read(&url('e'), true, t(1)).unwrap();
    store
        .set_saved(&article(&url('e'), 20), true, t(6))
        .unwrap();
    // Marked unread later: the time it was read still counts.
    store.set_read(&url('a'), false, t(80)).unwrap();

    let size = |c: char| json_len(&article(&url(c), 20));
    // Under a generous bound nothing goes.
    assert_eq!(
        store.evict(t(100), DEFAULT_MAX_ARTICLE_BYTES).unwrap(),
        (0, 0)
    );
    // Room for a, d and f but one byte short: b, c, then d go.
    let bound = size('a') + size('d') + size('f') - 1;
    assert_eq!(store.evict(t(100), bound).unwrap(), (0, 3));
    let all: Vec<String> = "abcdef".chars().map(url).collect();
    let left = store.stored_among(&all).unwrap();
    assert_eq!(left, [url('a'), url('e'), url('f')].into_iter().collect());
    // Read marks outlive the articles.
    assert!(store.read_among(&all).unwrap().contains(&url('c')));
    // Already under the bound: nothing more.
    assert_eq!(store.evict(t(100), bound).unwrap(), (0, 0));
    // A bound of nothing drops every unsaved article, and never the saved one.
    assert_eq!(store.evict(t(100), 0).unwrap(), (0, 2));
    assert_eq!(
        store.stored_among(&all).unwrap(),
        [url('e')].into_iter().collect()
    );
    assert_eq!(
        store.article(&url('e')).unwrap(),
        Some(article(&url('e'), 20))
    );
    // Unsaved, it is an ordinary stored article again.
    store
        .set_saved(&article(&url('e'), 20), false, t(101))
        .unwrap();
    assert_eq!(store.evict(t(102), 0).unwrap(), (0, 1));
    assert!(store.stored_among(&all).unwrap().is_empty());
}

#[test]
fn saved_articles_do_not_count_toward_the_bound() {
    let dir = scratch("evict_saved");
    let store = open(&dir.join(FILE_NAME));
    store.set_saved(&article("big", 2000), true, t(0)).unwrap();
    store
        .put_article("small", &article("small", 1), t(1))
        .unwrap();
    // The small one's JSON and its part of the search index, which is smaller.
    let bound = 2 * json_len(&article("small", 1));
    assert_eq!(store.evict(t(2), bound).unwrap(), (0, 0));
    assert!(store.has_article("small").unwrap());
    assert!(store.has_article("big").unwrap());
}

#[test]
fn eviction_drops_lists_older_than_30_days() {
    let dir = scratch("evict_lists");
    let store = open(&dir.join(FILE_NAME));
    let now = t(1_000_000);
    let ago = |d: i64, s: i64| now - TimeDelta::days(d) - TimeDelta::seconds(s);
    store
        .put_headlines("old", &headlines("o", 2), None, ago(31, 0))
        .unwrap();
    store
        .put_headlines("just_over", &headlines("j", 2), None, ago(30, 1))
        .unwrap();
    store
        .put_headlines("edge", &headlines("e", 2), None, ago(30, 0))
        .unwrap();
    store
        .put_headlines("recent", &headlines("r", 2), None, ago(29, 0))
        .unwrap();
    store
        .put_headlines("fresh", &headlines("f", 2), None, now)
        .unwrap();
    assert_eq!(store.evict(now, DEFAULT_MAX_ARTICLE_BYTES).unwrap(), (2, 0));
    assert_eq!(store.headlines("old").unwrap(), None);
    assert_eq!(store.headlines("just_over").unwrap(), None);
    for kept in ["edge", "recent", "fresh"] {
        assert!(store.headlines(kept).unwrap().is_some(), "{kept}");
    }
    assert_eq!(store.evict(now, DEFAULT_MAX_ARTICLE_BYTES).unwrap(), (0, 0));
}

#[test]
fn an_evicted_lists_validators_go_with_it() {
    let dir = scratch("evict_validators");
    let store = open(&dir.join(FILE_NAME));
    let now = t(1_000_000);
    let etag = ListValidators {
        etag: Some("\"v1\"".into()),
        last_modified: None,
    };
    for (section, at) in [("old", now - TimeDelta::days(31)), ("fresh", now)] {
        store
            .put_headlines_with_validators(section, &headlines(section, 2), None, at, &etag)
            .unwrap();
    }
    assert_eq!(store.evict(now, DEFAULT_MAX_ARTICLE_BYTES).unwrap(), (1, 0));
    assert_eq!(store.list_validators("old").unwrap(), None);
    assert_eq!(store.list_validators("fresh").unwrap(), Some(etag));
}

#[test]
fn eviction_gives_space_back_to_the_file_system() {
    let dir = scratch("evict_vacuum");
    let path = dir.join(FILE_NAME);
    let store = open(&path);
    for i in 0..200 {
        let url = format!("u{i}");
        store.put_article(&url, &article(&url, 200), t(i)).unwrap();
    }
    assert_eq!(store.evict(t(300), 0).unwrap(), (0, 200));
    drop(store); // checkpoints the WAL into the file
    assert_eq!(sqlite_pragma(&path, "freelist_count"), "0");
    assert!(
        fs::metadata(&path).unwrap().len() < 200 * 1024,
        "file shrank"
    );
}

fn file_len(path: &Path) -> u64 {
    fs::metadata(path).map_or(0, |m| m.len())
}

/// The store file and its WAL, as the file system counts them.
fn on_disk(path: &Path) -> u64 {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    file_len(path) + file_len(Path::new(&wal))
}

#[test]
fn the_store_keeps_its_size_bound_while_in_use() {
    const BOUND: u64 = 1024 * 1024;
    let dir = scratch("bound_in_use");
    let path = dir.join(FILE_NAME);
    let mut store = open(&path);
    store.set_max_article_bytes(BOUND);
    let saved: Vec<Article> = (0..3)
        .map(|i| article(&format!("https://x/saved/{i}"), 300))
        .collect();
    for (i, a) in saved.iter().enumerate() {
        store.set_saved(a, true, t(i as i64)).unwrap();
    }
    let saved_bytes: u64 = saved.iter().map(json_len).sum();
    let url = |i: i64| format!("https://x/read/{i}");
    let count = 300;
    // The largest of them (the URL is in every paragraph).
    let one = json_len(&article(&url(count - 1), 300));
    // Prefetched and read, as in a long session: several times the bound in all.
    let mut largest = 0;
    for i in 0..count {
        store
            .put_article(&url(i), &article(&url(i), 300), t(10 + i))
            .unwrap();
        store.set_read(&url(i), true, t(10 + i)).unwrap();
        largest = largest.max(on_disk(&path));
    }
    assert!(
        count as u64 * one > 8 * BOUND,
        "the test writes well past the bound"
    );
    eprintln!(
        "{count} articles of {one} bytes: largest file + WAL {largest} bytes, now {}",
        on_disk(&path)
    );
    // The margin: an eighth of the bound written between two checks, in both the file
    // and the WAL, with SQLite's pages around it.
    let margin = BOUND / 2;
    assert!(
        largest <= BOUND + margin + saved_bytes,
        "file + WAL reached {largest} bytes, over {BOUND} + {margin} + {saved_bytes} saved"
    );
    for a in &saved {
        assert_eq!(
            store.article(&a.url).unwrap().as_ref(),
            Some(a),
            "saved kept"
        );
    }
    let all: Vec<String> = (0..count).map(url).collect();
    let kept = store.stored_among(&all).unwrap();
    // The bound holds the articles and their part of the search index: the newest stay,
    // as many as fill at least half of it with JSON.
    let newest = kept.len() as i64;
    assert!(newest as u64 * one >= BOUND / 2, "{newest} kept");
    for i in count - newest..count {
        assert!(kept.contains(&url(i)), "the newest articles stay: {i}");
    }
    assert!(
        kept.len() as u64 * one <= BOUND + BOUND / 8 + one,
        "{} kept",
        kept.len()
    );
}

#[test]
fn an_article_over_a_quarter_of_the_bound_is_not_stored() {
    let dir = scratch("bound_one_article");
    let mut store = open(&dir.join(FILE_NAME));
    let small = article("https://x/small", 20);
    let big = article("https://x/big", 2000);
    store.set_max_article_bytes(json_len(&big) * 4 - 1);
    store.put_article(&small.url, &small, t(0)).unwrap();
    store.put_article(&big.url, &big, t(1)).unwrap();
    assert_eq!(store.article(&small.url).unwrap(), Some(small));
    assert!(!store.has_article(&big.url).unwrap(), "too large to keep");
    store.set_max_article_bytes(json_len(&big) * 4);
    store.put_article(&big.url, &big, t(2)).unwrap();
    assert_eq!(
        store.article(&big.url).unwrap(),
        Some(big),
        "a quarter fits"
    );
}
