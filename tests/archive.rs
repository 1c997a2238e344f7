//! The lists beyond the latest news, through the command line against pages written in
//! Kompas's list markup and served on 127.0.0.1: Kompas's search, the index of a day,
//! the most-read and headline lists, a sub-site, a tag, and each again offline from the
//! store.

mod common;

use std::path::PathBuf;

use common::{kabar, stderr, stdout};
use kabar::mirror::{MirrorServer, Routes};
use serde_json::Value;

fn lists_mirror() -> MirrorServer {
    let table = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lists/urls.tsv");
    MirrorServer::start(Routes::from_tsv(&table).expect("table readable")).expect("server starts")
}

/// `kabar --mirror BASE ARGS… --json`, which must succeed; the list it printed.
fn json_list(server: &MirrorServer, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--mirror", server.base().as_str()];
    all.extend_from_slice(args);
    all.push("--json");
    let out = kabar(&all);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    let list: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    list.as_array().expect("a list").clone()
}

fn titles(list: &[Value]) -> Vec<&str> {
    list.iter().map(|h| h["title"].as_str().unwrap()).collect()
}

#[test]
fn search_on_kompas_gives_its_results_as_a_headline_list() {
    let server = lists_mirror();
    let list = json_list(&server, &["search", "--site", "banjir"]);
    // The sponsored item and the one off Kompas are not results.
    assert_eq!(
        titles(&list),
        [
            "Banjir Rendam Ratusan Rumah di Bekasi",
            "Jakarta Utara Kebanjiran Lagi, Pompa Air Dikerahkan",
            "BMKG Minta Warga Pesisir Waspada Banjir Rob",
        ]
    );
    let first = &list[0];
    assert_eq!(
        first["url"],
        "https://regional.kompas.com/read/2026/11/24/16300011/banjir-rendam-ratusan-rumah-di-bekasi"
    );
    assert_eq!(first["label"], "Regional");
    assert_eq!(first["published"], "2026-11-24T16:30:00+07:00");
    assert_eq!(
        first.as_object().unwrap().len(),
        4,
        "the headline shape: {first}"
    );

    let page2 = json_list(&server, &["search", "--site", "banjir", "--page", "2"]);
    assert_eq!(
        titles(&page2),
        ["Sungai Meluap di Garut, Dua Desa Terendam"]
    );
}

#[test]
fn a_search_kompas_answers_with_nothing_says_so() {
    let server = lists_mirror();
    let out = kabar(&[
        "--mirror",
        server.base().as_str(),
        "search",
        "--site",
        "xyzzy",
    ]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains("no headlines"), "{}", stderr(&out));
    let out = kabar(&["search", "--page", "2", "banjir"]);
    assert_eq!(out.status.code(), Some(2), "--page goes with --site");
}

#[test]
fn the_index_of_one_day_of_all_kompas_and_of_one_site() {
    let server = lists_mirror();
    let day = json_list(&server, &["headlines", "--date", "2026-11-24"]);
    assert_eq!(day.len(), 3);
    assert_eq!(day[1]["title"], "DPR Sahkan RUU Ketahanan Pangan");
    let site = json_list(
        &server,
        &["headlines", "--date", "2026-11-24", "--section", "nasional"],
    );
    assert_eq!(titles(&site), ["DPR Sahkan RUU Ketahanan Pangan"]);
}

#[test]
fn a_bad_date_is_a_clear_usage_error() {
    for (date, words) in [
        ("2026-13-01", "not a date: \"2026-13-01\" (give YYYY-MM-DD"),
        ("24/11/2026", "not a date"),
        ("2999-01-01", "after today"),
    ] {
        let out = kabar(&["headlines", "--date", date]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{date}: {err}");
        assert!(err.contains(words), "{date}: {err}");
        assert!(out.stdout.is_empty());
    }
    let out = kabar(&[
        "headlines",
        "--date",
        "2026-11-24",
        "--section",
        "terpopuler",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no index by day"), "{}", stderr(&out));
}

#[test]
fn most_read_headline_sub_site_and_tag_lists() {
    let server = lists_mirror();
    let most = json_list(&server, &["headlines", "--section", "terpopuler"]);
    assert_eq!(most.len(), 2);
    assert_eq!(
        most[0]["url"], "https://www.kompas.com/tren/read/2026/11/25/061520465/bmkg-hujan-ringan",
        "tracking parameters dropped"
    );
    let top = json_list(&server, &["headlines", "--section", "headline"]);
    assert_eq!(
        titles(&top),
        ["KAI Terapkan Grafik Perjalanan Baru Mulai 1 Desember"]
    );
    let edu = json_list(&server, &["headlines", "--section", "edu"]);
    assert_eq!(edu[0]["label"], "Edu");
    let tag = json_list(&server, &["headlines", "--tag", "Banjir Bandang"]);
    assert_eq!(
        titles(&tag),
        [
            "Banjir Bandang Terjang Dua Kecamatan di Lumajang",
            "Banjir Rendam Ratusan Rumah di Bekasi"
        ]
    );
}

#[test]
fn the_new_lists_are_read_from_the_store_offline() {
    let dir = common::scratch_dir("archive-offline");
    let (store, _) = kabar::store::Store::open_in(&dir).expect("store opens");
    let headline = |title: &str| kabar::article::Headline {
        title: title.into(),
        url: format!("https://www.kompas.com/read/2026/11/24/1/{}", title.len()),
        label: None,
        published: None,
    };
    let now = chrono::Utc::now();
    for (url, title) in [
        ("https://indeks.kompas.com/?date=2026-11-24", "Hari itu"),
        ("https://indeks.kompas.com/terpopuler", "Paling dibaca"),
        ("https://www.kompas.com/tag/banjir-bandang", "Dari tag"),
        (
            "https://search.kompas.com/search?q=banjir&sort=latest&page=1",
            "Hasil cari",
        ),
    ] {
        store
            .put_headlines(url, &[headline(title)], None, now)
            .expect("stored");
    }
    drop(store);
    let data = dir.to_str().unwrap();
    for (args, title) in [
        (vec!["headlines", "--date", "2026-11-24"], "Hari itu"),
        (
            vec!["headlines", "--section", "terpopuler"],
            "Paling dibaca",
        ),
        (vec!["headlines", "--tag", "banjir-bandang"], "Dari tag"),
        (vec!["search", "--site", "banjir"], "Hasil cari"),
    ] {
        let mut all = vec!["--data-dir", data, "--offline"];
        all.extend(args.iter().copied());
        all.push("--json");
        let out = kabar(&all);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let list: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(list[0]["title"], title, "{args:?}");
    }
    let out = kabar(&[
        "--data-dir",
        data,
        "--offline",
        "headlines",
        "--tag",
        "gempa",
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
}

/// `kabar --demo` has each new list, and every article in them opens from the demo too.
#[test]
fn the_demo_has_a_search_a_day_the_most_read_the_headlines_and_a_tag() {
    for args in [
        vec!["search", "--site", "hujan"],
        vec!["headlines", "--date", "2026-11-24"],
        vec!["headlines", "--section", "terpopuler"],
        vec!["headlines", "--section", "headline"],
        vec!["headlines", "--tag", "musim hujan"],
    ] {
        let mut all = vec!["--demo"];
        all.extend(args.iter().copied());
        all.push("--json");
        let out = kabar(&all);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let list: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let list = list.as_array().unwrap();
        assert!(list.len() >= 3, "{args:?}: {list:?}");
        for h in list {
            let url = h["url"].as_str().unwrap();
            let article = kabar(&["--demo", "read", url, "--json"]);
            assert!(article.status.success(), "{url}: {}", stderr(&article));
        }
    }
}
