//! `kabar sources`: the built-in outlets and the config's, turned on and off in the
//! config file with its comments kept, and subscriptions moved in and out as OPML.

mod common;

use std::path::{Path, PathBuf};

use common::{kabar, scratch_dir, stderr, stdout};
use kabar::config::Config;

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
