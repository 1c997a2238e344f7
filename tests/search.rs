//! Searching what was read: the store's full-text index (kept in step with the articles,
//! built for a store made before it existed), and `kabar search` over it, offline.

mod common;

use std::path::Path;

use chrono::{TimeZone, Utc};
use common::{kabar, scratch_dir, stderr, stdout};
use kabar::article::{Article, Block, BlockKind, Site};
use kabar::store::Store;
use serde_json::Value;

fn article(url: &str, title: &str, paragraphs: &[&str]) -> Article {
    Article {
        url: url.into(),
        title: title.into(),
        published: chrono::FixedOffset::east_opt(7 * 3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 24, 10, 0, 0)
            .single(),
        authors: vec!["Ani".into()],
        editor: None,
        source: None,
        image: None,
        tags: Vec::new(),
        body: paragraphs
            .iter()
            .map(|p| Block {
                kind: BlockKind::Paragraph,
                text: p.to_string(),
            })
            .collect(),
        related: Vec::new(),
        terkini: Vec::new(),
        site: Site::Kompas,
        image_caption: None,
        embeds: Vec::new(),
        photos: Vec::new(),
    }
}

const FLOOD: &str = "https://regional.kompas.com/read/2026/11/24/1/warga-kebanjiran";
const RIVER: &str = "https://megapolitan.kompas.com/read/2026/11/24/2/sungai";
const CAFE: &str = "https://www.kompas.com/food/read/2026/11/24/3/kafe";
const TITLE: &str = "https://nasional.kompas.com/read/2026/11/24/4/banjir-di-judul";

/// A store in `dir` holding the four articles the tests search.
fn filled(dir: &Path) -> Store {
    let (store, _) = Store::open_in(dir).expect("store opens");
    let at = Utc.timestamp_opt(1_780_000_000, 0).unwrap();
    let articles = [
        article(
            FLOOD,
            "Ratusan rumah terendam di Bekasi",
            &[
                "BEKASI, KOMPAS.com - Ratusan warga kebanjiran sejak Senin malam.",
                "Air mulai surut pada Selasa pagi.",
            ],
        ),
        article(
            RIVER,
            "Sungai Ciliwung meluap",
            &["Luapan sungai membuat banjirnya setinggi lutut orang dewasa."],
        ),
        article(
            CAFE,
            "Kafe baru di Jakarta",
            &["Menu andalan kafe itu adalah crème brûlée dan kopi tubruk."],
        ),
        article(
            TITLE,
            "Banjir di Jakarta Utara",
            &["Warga diminta waspada; air setinggi 50 cm."],
        ),
    ];
    for a in &articles {
        store.put_article(&a.url, a, at).expect("stored");
    }
    store
}

fn urls(store: &Store, query: &str) -> Vec<String> {
    store
        .search(query)
        .expect("search runs")
        .into_iter()
        .map(|h| h.headline.url)
        .collect()
}

#[test]
fn a_root_finds_its_derived_words_and_the_title_counts_most() {
    let dir = scratch_dir("search-roots");
    let store = filled(&dir);
    let found = urls(&store, "banjir");
    assert_eq!(found.first().map(String::as_str), Some(TITLE), "{found:?}");
    assert!(found.contains(&FLOOD.to_string()), "kebanjiran: {found:?}");
    assert!(found.contains(&RIVER.to_string()), "banjirnya: {found:?}");
    assert!(!found.contains(&CAFE.to_string()), "{found:?}");
}

#[test]
fn case_and_accents_do_not_matter_and_every_word_must_match() {
    let dir = scratch_dir("search-fold");
    let store = filled(&dir);
    assert_eq!(urls(&store, "CREME BRULEE"), [CAFE]);
    assert_eq!(urls(&store, "banjir bekasi"), [FLOOD]);
    assert!(urls(&store, "banjir tubruk").is_empty());
}

#[test]
fn the_snippet_is_the_matching_passage_with_the_words_marked() {
    let dir = scratch_dir("search-snippet");
    let store = filled(&dir);
    let hits = store.search("surut").expect("search runs");
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    let snippet = &hit.snippet;
    assert!(snippet.text.contains("Air mulai surut"), "{}", snippet.text);
    let marked: Vec<&str> = snippet
        .marks
        .iter()
        .map(|r| &snippet.text[r.clone()])
        .collect();
    assert_eq!(marked, ["surut"]);
}

#[test]
fn the_index_follows_replaced_and_evicted_articles() {
    let dir = scratch_dir("search-follow");
    let store = filled(&dir);
    let at = Utc.timestamp_opt(1_780_000_100, 0).unwrap();
    let replaced = article(RIVER, "Sungai Ciliwung surut", &["Air kembali normal."]);
    store.put_article(RIVER, &replaced, at).expect("stored");
    assert_eq!(urls(&store, "banjirnya"), Vec::<String>::new());
    assert_eq!(urls(&store, "normal"), [RIVER]);
    // A bound of nothing evicts every unsaved article, and the index with them.
    store.evict(at, 0).expect("evicted");
    assert!(urls(&store, "banjir").is_empty());
}

/// A new row takes the highest rowid plus one, which may be the rowid of an indexed
/// article evicted since: the new article must still be indexed.
#[test]
fn an_article_stored_after_evictions_is_found() {
    let dir = scratch_dir("search-reuse");
    let store = filled(&dir);
    let at = Utc.timestamp_opt(1_780_000_100, 0).unwrap();
    assert_eq!(urls(&store, "kebanjiran"), [FLOOD], "indexed");
    let stored_then_found = |url: &str| {
        let new = article(url, "Warung kopi dibuka lagi", &["Kopi kembali disajikan."]);
        store.put_article(url, &new, at).expect("stored");
        assert_eq!(urls(&store, "disajikan"), [url]);
    };
    let flood = store.article(FLOOD).unwrap().expect("stored");
    store.set_saved(&flood, true, at).expect("saved");
    // The three others go, the saved one stays.
    store.evict(at, 0).expect("evicted");
    assert_eq!(urls(&store, "kebanjiran"), [FLOOD]);
    stored_then_found(CAFE);
    // And again with nothing left: every article evicted, then one stored.
    store.set_saved(&flood, false, at).expect("unsaved");
    store.evict(at, 0).expect("evicted");
    stored_then_found(RIVER);
}

#[test]
fn a_store_made_before_the_index_is_indexed_when_opened() {
    let dir = scratch_dir("search-migrate");
    drop(filled(&dir));
    let path = dir.join(kabar::store::FILE_NAME);
    {
        // Back to schema 1: the later steps' tables (validators, photos, the index) and
        // their triggers gone, as an older kabar left it.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE list_validators; DROP TABLE photos;
             DROP TRIGGER IF EXISTS photos_go_with_their_article;
             DROP TABLE article_text; DROP TABLE article_text_pending;
             DROP TABLE article_text_indexed;
             DROP TRIGGER IF EXISTS article_text_insert;
             DROP TRIGGER IF EXISTS article_text_update;
             DROP TRIGGER IF EXISTS article_text_delete; PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let (store, notice) = Store::open_in(&dir).expect("store opens");
    assert_eq!(notice, None);
    assert_eq!(urls(&store, "kebanjiran"), [FLOOD]);
}

#[test]
fn kabar_search_prints_hits_from_the_store_as_json_and_text() {
    let dir = scratch_dir("search-cli");
    drop(filled(&dir));
    let data = dir.to_str().unwrap();
    let out = kabar(&[
        "--data-dir",
        data,
        "--offline",
        "search",
        "banjir",
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let hits: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 3);
    assert_eq!(hits[0]["url"], TITLE);
    assert_eq!(hits[0]["title"], "Banjir di Jakarta Utara");
    assert_eq!(hits[0]["published"], "2026-11-24T10:00:00+07:00");
    assert!(hits[0].get("label").is_some(), "the headline shape");
    let flood = hits.iter().find(|h| h["url"] == FLOOD).unwrap();
    assert!(
        flood["snippet"]
            .as_str()
            .unwrap()
            .contains("warga kebanjiran"),
        "{flood}"
    );

    let out = kabar(&["--data-dir", data, "search", "kebanjiran", "--width", "60"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("1. Ratusan rumah terendam di Bekasi\n"),
        "{text}"
    );
    assert!(text.contains("warga kebanjiran"), "{text}");
    assert!(text.contains(FLOOD), "{text}");
}

#[test]
fn kabar_search_says_what_is_wrong_with_a_query() {
    let dir = scratch_dir("search-cli-bad");
    drop(filled(&dir));
    let data = dir.to_str().unwrap();
    let out = kabar(&["--data-dir", data, "search", "\"", "*"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nothing to search for"),
        "{}",
        stderr(&out)
    );
    let out = kabar(&["--data-dir", data, "search", "tsunami", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "[]");
    assert!(
        stderr(&out).contains("no stored article matches"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_article_stored_under_two_addresses_is_one_hit() {
    let dir = scratch_dir("search-dedup");
    let store = filled(&dir);
    let at = Utc.timestamp_opt(1_780_000_100, 0).unwrap();
    let copy = store.article(FLOOD).unwrap().unwrap();
    store
        .put_article(&format!("{FLOOD}?source=terkini"), &copy, at)
        .expect("stored");
    assert_eq!(urls(&store, "kebanjiran"), [FLOOD]);
}

#[test]
fn a_hit_carries_the_label_a_stored_list_gives_it() {
    let dir = scratch_dir("search-label");
    let store = filled(&dir);
    let entry = |url: &str, label: Option<&str>| kabar::article::Headline {
        title: "x".into(),
        url: url.into(),
        label: label.map(str::to_string),
        published: None,
    };
    let at = Utc.timestamp_opt(1_780_000_000, 0).unwrap();
    let lists = [
        ("https://indeks.kompas.com/", entry(FLOOD, Some("Regional"))),
        ("https://indeks.kompas.com/?site=food", entry(CAFE, None)),
    ];
    for (list, headline) in lists {
        store.put_headlines(list, &[headline], None, at).unwrap();
    }
    let label = |query: &str| {
        let hits = store.search(query).expect("search runs");
        assert_eq!(hits.len(), 1, "{query}");
        hits[0].headline.label.clone()
    };
    assert_eq!(label("surut").as_deref(), Some("Regional"));
    assert_eq!(label("tubruk"), None, "its list gives it no label");
    assert_eq!(label("lutut"), None, "in no stored list");
}
