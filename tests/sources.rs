//! `kabar sources`: the built-in outlets and the config's, turned on and off in the
//! config file with its comments kept, and subscriptions moved in and out as OPML.

mod common;

use std::path::{Path, PathBuf};

use common::tmux::Tmux;
use common::{RawServer, http_answer, kabar, scratch_dir, stderr, stdout};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kabar::app::{App, Msg, Request, Settings};
use kabar::config::Config;
use kabar::net::Client;
use kabar::store::Store;
use kabar::worker::{self, TIMELINE_URL, TimelineSource};

fn run(config: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--config", config.to_str().unwrap(), "sources"];
    all.extend_from_slice(args);
    kabar(&all)
}

fn ok(config: &Path, args: &[&str]) -> String {
    let out = run(config, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

fn loaded(config: &Path) -> Config {
    Config::load(Some(config)).expect("the edited config loads")
}

fn names(config: &Path) -> Vec<(String, String, Option<String>)> {
    loaded(config)
        .sources
        .into_iter()
        .map(|s| (s.name, s.url, s.tab))
        .collect()
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(name)
}

#[test]
fn the_listing_shows_every_built_in_outlet_off_and_configured_ones_on() {
    let config = scratch_dir("sources-list").join("config.toml");
    std::fs::write(
        &config,
        "[[sources]]\nname = \"kota\"\nurl = \"https://kota.example/feed.json\"\ntab = \"Kota\"\n\n\
         [[sources]]\nname = \"tempo\"\nurl = \"https://rss.tempo.co/nasional\"\n",
    )
    .unwrap();
    let listing = ok(&config, &[]);
    let rows: Vec<Vec<&str>> = listing
        .lines()
        .map(|l| {
            l.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect();
    assert_eq!(
        rows[0],
        ["on", "kota", "Kota", "https://kota.example/feed.json"]
    );
    assert_eq!(
        rows[1],
        ["on", "tempo", "tempo", "https://rss.tempo.co/nasional"]
    );
    for (name, url) in [
        ("antara", "https://www.antaranews.com/rss/terkini.xml"),
        ("cnn", "https://www.cnnindonesia.com/nasional/rss"),
        ("detik", "https://news.detik.com/berita/rss"),
    ] {
        assert!(
            rows.iter()
                .any(|r| r[0] == "off" && r[1] == name && r[3] == url),
            "{name} off in\n{listing}"
        );
    }
    // Tempo is on through the config, so it is listed once.
    assert_eq!(
        listing.matches("rss.tempo.co/nasional").count(),
        1,
        "{listing}"
    );
}

#[test]
fn add_and_remove_keep_the_comments_and_layout_of_the_file() {
    let config = scratch_dir("sources-edit").join("config.toml");
    let original = "\
# kabar, on the laptop
prefetch = 5   # the phone link is slow

# Kompas first, always.
[[sections]]
name = \"Terkini\"

[colors]
accent = \"magenta\"   # easier to see
";
    std::fs::write(&config, original).unwrap();
    ok(&config, &["add", "antara"]);
    ok(
        &config,
        &[
            "add",
            "https://www.example-kabar.id/feed.json",
            "--tab",
            "Contoh",
        ],
    );
    let edited = std::fs::read_to_string(&config).unwrap();
    assert!(
        edited.starts_with(original),
        "the file as written, then the sources:\n{edited}"
    );
    assert_eq!(
        names(&config),
        [
            (
                "antara".to_string(),
                "https://www.antaranews.com/rss/terkini.xml".to_string(),
                Some("ANTARA".to_string())
            ),
            (
                "example-kabar.id".to_string(),
                "https://www.example-kabar.id/feed.json".to_string(),
                Some("Contoh".to_string())
            ),
        ]
    );
    assert_eq!(loaded(&config).prefetch, 5);

    ok(&config, &["remove", "ANTARA"]);
    ok(&config, &["remove", "example-kabar.id"]);
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        original,
        "removing what was added gives the file back"
    );
}

#[test]
fn edits_that_cannot_be_made_fail_in_one_line_and_change_nothing() {
    let config = scratch_dir("sources-refused").join("config.toml");
    ok(&config, &["add", "detik"]);
    let before = std::fs::read_to_string(&config).unwrap();
    for (args, words) in [
        (
            &["add", "nosuch"][..],
            "no built-in source named \"nosuch\"",
        ),
        (
            &["add", "detik"],
            "a source named \"detik\" is in the config already",
        ),
        (
            &["add", "https://news.detik.com/berita/rss", "--name", "lain"],
            "is in the config already, as \"detik\"",
        ),
        (&["remove", "tempo"], "no source named \"tempo\""),
        (&["add", "https://"], "not a valid address"),
    ] {
        let out = run(&config, args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(words), "{args:?}: {err}");
    }
    assert_eq!(std::fs::read_to_string(&config).unwrap(), before);

    // A config kabar refuses is reported with its line and key, and left alone.
    let broken = config.with_file_name("broken.toml");
    std::fs::write(&broken, "[[sources]]\nname = \"x\"\nurl = \"gopher://x\"\n").unwrap();
    let out = run(&broken, &["add", "tempo"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .contains("broken.toml line 3: `url` of source 1: must be an http or https address"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn opml_from_another_reader_imports_nested_feeds_once() {
    let config = scratch_dir("sources-opml").join("config.toml");
    ok(&config, &["add", "tempo"]);
    let out = run(
        &config,
        &["import", fixture("other-reader.opml").to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("2 of 3 feeds added"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        names(&config),
        [
            (
                "tempo".to_string(),
                "https://rss.tempo.co/nasional".to_string(),
                Some("Tempo".to_string())
            ),
            (
                "Republika Online".to_string(),
                "https://www.republika.co.id/rss".to_string(),
                Some("Republika".to_string())
            ),
            (
                "BBC Indonesia".to_string(),
                "https://feeds.bbci.co.uk/indonesia/rss.xml".to_string(),
                None
            ),
        ]
    );

    let not_opml = run(&config, &["import", fixture("atom.xml").to_str().unwrap()]);
    assert_eq!(not_opml.status.code(), Some(4));
    assert!(
        stderr(&not_opml).contains("not an OPML list of feeds"),
        "{}",
        stderr(&not_opml)
    );
}

#[test]
fn a_feed_with_a_broken_address_is_left_out_of_an_import_alone() {
    let dir = scratch_dir("sources-opml-broken");
    let config = dir.join("config.toml");
    let opml = dir.join("mixed.opml");
    std::fs::write(
        &opml,
        r#"<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="Rusak" type="rss" xmlUrl="http://[rusak/rss"/>
<outline text="Kota" type="rss" xmlUrl="https://kota.example/rss"/>
</body></opml>"#,
    )
    .unwrap();
    let out = run(&config, &["import", opml.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("http://[rusak/rss not added: not an http or https address"),
        "{err}"
    );
    assert!(err.contains("1 of 2 feeds added"), "{err}");
    assert_eq!(
        names(&config),
        [(
            "Kota".to_string(),
            "https://kota.example/rss".to_string(),
            None
        )]
    );
}

#[test]
fn an_address_typed_without_its_path_is_the_same_source() {
    let config = scratch_dir("sources-typed").join("config.toml");
    std::fs::write(
        &config,
        "[[sources]]\nname = \"kota\"\nurl = \"https://Kota.example\"\n",
    )
    .unwrap();
    let out = run(&config, &["add", "https://kota.example/", "--name", "lain"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("is in the config already, as \"kota\""),
        "{err}"
    );
}

#[test]
fn export_then_import_gives_the_same_sources() {
    let dir = scratch_dir("sources-roundtrip");
    let first = dir.join("first.toml");
    ok(&first, &["add", "antara"]);
    ok(
        &first,
        &[
            "add",
            "https://kota.example/feed.json",
            "--name",
            "Kota \"kita\" & co",
        ],
    );
    ok(&first, &["add", "bbc", "--tab", "BBC"]);
    let exported = ok(&first, &["export"]);
    assert!(exported.starts_with("<?xml"), "{exported}");
    let file = dir.join("kabar.opml");
    std::fs::write(&file, &exported).unwrap();

    let second = dir.join("second.toml");
    ok(&second, &["import", file.to_str().unwrap()]);
    assert_eq!(loaded(&second).sources, loaded(&first).sources);
}

/// The reader and the real worker, against a local server of a Kompas index and two
/// feeds: the "Semua" tab asks for the timeline, which mixes the three by time with the
/// source on each headline, and each source has its own tab.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_semua_tab_mixes_kompas_with_the_sources() {
    let index = std::fs::read(common::fixture("indeks-page-1.html")).unwrap();
    let server = RawServer::start(move |path| {
        let (body, ctype) = match path {
            "/indeks" => (index.clone(), "text/html; charset=utf-8"),
            "/antara" => (
                std::fs::read(fixture("rss2-content.xml")).unwrap(),
                "application/rss+xml",
            ),
            "/tempo" => (
                std::fs::read(fixture("atom.xml")).unwrap(),
                "application/atom+xml",
            ),
            _ => return http_answer("404 Not Found", &[], b""),
        };
        http_answer("200 OK", &[("Content-Type", ctype)], &body)
    });
    let tabs = [
        ("Terkini", server.url("/indeks")),
        ("Semua", TIMELINE_URL.to_string()),
        ("ANTARA", server.url("/antara")),
        ("Tempo", server.url("/tempo")),
        (
            "Mati",
            format!("http://127.0.0.1:{}/rss", common::closed_port()),
        ),
    ];
    let timeline = [("Kompas", 0), ("ANTARA", 2), ("Tempo", 3)]
        .into_iter()
        .map(|(name, i)| TimelineSource {
            name: name.into(),
            url: tabs[i].1.clone(),
        })
        .collect();
    let (store, _) = Store::open_in(&scratch_dir("semua-render")).unwrap();
    let mut handle = worker::spawn_with_timeline(
        Client::new(None).unwrap(),
        Some(store),
        false,
        0,
        None,
        timeline,
    );
    let settings = Settings {
        sections: tabs
            .iter()
            .map(|(n, u)| (n.to_string(), u.clone()))
            .collect(),
        ..Settings::default()
    };
    let mut app = App::new(settings, (100, 24));
    let requests = app.start();
    through_worker(&mut app, &mut handle, requests).await;
    let requests = press(&mut app, ']');
    through_worker(&mut app, &mut handle, requests).await;
    let shown = common::screen(&app);
    for words in [
        "Semua",
        "ANTARA",
        "Tempo",
        "Kompas · ",
        "ANTARA · Ekonomi",
        "Tempo · Politik",
    ] {
        assert!(shown.contains(words), "{words} in\n{shown}");
    }
    // The ages change with the clock; the rest of the screen does not.
    let steady: Vec<String> = shown.lines().map(without_age).collect();
    let steady = steady.join("\n");
    insta::assert_snapshot!("semua_100x24", steady);

    // A source's own tab: its feed as it labels it.
    let requests = press(&mut app, ']');
    through_worker(&mut app, &mut handle, requests).await;
    let shown = common::screen(&app);
    assert!(shown.contains("ANTARA (3 · 3 unread)"), "{shown}");
    assert!(shown.contains("Pemerintah Tambah Kuota"), "{shown}");
    assert!(!shown.contains("ANTARA · Ekonomi"), "{shown}");
    // A dead source says so on its tab.
    press(&mut app, ']');
    let requests = press(&mut app, ']');
    through_worker(&mut app, &mut handle, requests).await;
    let shown = common::screen(&app);
    assert!(shown.contains("┌ Mati"), "{shown}");
    assert!(shown.contains("connection refused"), "{shown}");
}

fn press(app: &mut App, c: char) -> Vec<Request> {
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )))
}

/// Sends `requests` (one headline list among them) to the worker and gives the app every
/// answer, and the requests those make, until the list is in.
async fn through_worker(app: &mut App, handle: &mut worker::Handle, requests: Vec<Request>) {
    let asked = requests
        .iter()
        .filter(|r| matches!(r, Request::Headlines { .. }))
        .count();
    assert_eq!(asked, 1, "{requests:?}");
    let mut pending = requests;
    loop {
        for r in pending.drain(..) {
            handle.requests.send(r).unwrap();
        }
        let answer =
            tokio::time::timeout(std::time::Duration::from_secs(20), handle.answers.recv())
                .await
                .expect("an answer within 20 s")
                .expect("worker alive");
        let done = matches!(answer, kabar::app::Answer::Headlines { .. });
        pending = app.update(Msg::Answer(answer));
        if done {
            return;
        }
    }
}

/// A screen line with the age cut from the label row of the list pane, if it has one.
fn without_age(line: &str) -> String {
    let Some(end) = line.find("││") else {
        return line.to_string();
    };
    let (pane, rest) = line.split_at(end);
    match pane.rfind(" · ") {
        Some(cut) if pane.starts_with("│  ") => {
            let kept = &pane[..cut];
            let pad = pane.chars().count() - kept.chars().count();
            format!("{kept}{}{rest}", " ".repeat(pad))
        }
        _ => line.to_string(),
    }
}

/// The demo's "Semua" tab in a real terminal: an item of another outlet opens in the
/// reader, Backspace goes back to the list, and after a run with the network the same
/// item reads with `--offline`.
#[test]
fn demo_semua_opens_another_outlet_and_reads_it_offline() {
    let dir = scratch_dir("demo-semua");
    let config = dir.join("config.toml");
    std::fs::write(&config, "").unwrap();
    let tmux = Tmux::start("demo-semua");
    tmux.wait_for("$");
    let run = |extra: &str| {
        tmux.type_line(&format!(
            "{} --demo --config {} --data-dir {} {extra}",
            env!("CARGO_BIN_EXE_kabar"),
            config.display(),
            dir.display()
        ));
        tmux.wait_for("KAI Terapkan");
        // Terkini, then back over Tersimpan and the two outlets' tabs to "Semua".
        tmux.send(&["["]);
        tmux.wait_for("Tersimpan (");
        tmux.send(&["[", "[", "["]);
        tmux.wait_for("Semua (");
        tmux.wait_for("ANTARA · Humaniora");
        tmux.send(&["j", "Enter"]);
        tmux.wait_for("Badan Meteorologi, Klimatologi");
    };
    run("");
    // Back to the list: the next headline, a Kompas one, opens from there.
    tmux.send(&["BSpace"]);
    tmux.send(&["j", "Enter"]);
    tmux.wait_for("KARAWANG, KOMPAS.com - Harga gabah");
    tmux.quit();
    tmux.type_line("echo exit-status-$?");
    tmux.wait_for("exit-status-0");
    tmux.type_line("clear");
    run("--offline");
    tmux.quit();
    tmux.type_line("echo offline-status-$?");
    tmux.wait_for("offline-status-0");
}

/// `--offline`: the "Semua" tab merges what the store holds of each source, though the
/// merged list itself was never stored (the sources were read on their own tabs).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_semua_merges_the_stored_lists_of_its_sources() {
    let (store, _) = Store::open_in(&scratch_dir("semua-offline")).unwrap();
    let headline = |url: &str, at: &str| kabar::article::Headline {
        title: format!("Judul {url}"),
        url: url.into(),
        label: None,
        published: Some(chrono::DateTime::parse_from_rfc3339(at).unwrap()),
    };
    let stored = [
        (
            "https://indeks.kompas.com/",
            "https://www.kompas.com/read/1",
            "2026-11-30T08:00:00+07:00",
        ),
        (
            "https://antara.example/rss",
            "https://antara.example/berita/2",
            "2026-11-30T09:00:00+07:00",
        ),
    ];
    for (list, url, at) in stored {
        store
            .put_headlines(list, &[headline(url, at)], None, chrono::Utc::now())
            .unwrap();
    }
    let timeline = [
        ("Kompas", stored[0].0),
        ("ANTARA", stored[1].0),
        ("Mati", "https://mati.example/rss"),
    ]
    .into_iter()
    .map(|(name, url)| TimelineSource {
        name: name.into(),
        url: url.into(),
    })
    .collect();
    let mut handle = worker::spawn_with_timeline(
        Client::new(None).unwrap(),
        Some(store),
        true,
        0,
        None,
        timeline,
    );
    handle
        .requests
        .send(Request::Headlines {
            id: 1,
            url: TIMELINE_URL.into(),
            append: false,
        })
        .unwrap();
    loop {
        let answer =
            tokio::time::timeout(std::time::Duration::from_secs(20), handle.answers.recv())
                .await
                .expect("an answer within 20 s")
                .expect("worker alive");
        if let kabar::app::Answer::Headlines { result, .. } = answer {
            let got: Vec<(String, Option<String>)> = result
                .expect("the stored lists, merged")
                .headlines
                .into_iter()
                .map(|h| (h.url, h.label))
                .collect();
            assert_eq!(
                got,
                [
                    (stored[1].1.to_string(), Some("ANTARA".to_string())),
                    (stored[0].1.to_string(), Some("Kompas".to_string())),
                ]
            );
            return;
        }
    }
}
