//! The Kompas profile against the fixture pages: each `*.expected.json` field for field,
//! read from the file and through a local mirror of kompas.com; the real 2017 home page;
//! the hostile page.

mod common;

use std::collections::BTreeSet;

use common::{fixture, fixture_mirror, fixture_routes, fixtures, kabar, stderr, stdout};
use kabar::mirror::MirrorServer;
use serde_json::Value;
use url::Url;

/// Every article with an expected file, and the page (file) that holds it whole.
fn expected_articles() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if let Some(stem) = name.strip_suffix(".expected.json")
            && stem.starts_with("article-")
        {
            let page = if fixture(&format!("{stem}.html")).exists() {
                format!("{stem}.html")
            } else {
                format!("{stem}-page-all.html")
            };
            out.push((name.clone(), page));
        }
    }
    out.sort();
    assert!(out.len() >= 6, "fixture articles found: {out:?}");
    out
}

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

fn expected(name: &str) -> Value {
    json(&std::fs::read_to_string(fixture(name)).unwrap())
}

/// Every field of `expected` is in `got` with the same value, and `site` is as given.
fn assert_matches(name: &str, expected: &Value, got: &Value, site: &str) {
    for (key, want) in expected.as_object().unwrap() {
        assert_eq!(&got[key], want, "{name}: field `{key}` differs");
    }
    assert_eq!(got["site"], site, "{name}: site");
}

#[test]
fn every_fixture_article_matches_from_its_file() {
    for (exp, page) in expected_articles() {
        let out = kabar(&["read", fixture(&page).to_str().unwrap(), "--json"]);
        assert!(out.status.success(), "{page}: {}", stderr(&out));
        assert_matches(&page, &expected(&exp), &json(&stdout(&out)), "kompas");
    }
}

#[test]
fn every_fixture_article_matches_through_the_mirror() {
    let mirror = fixture_mirror();
    for (exp, _) in expected_articles() {
        let want = expected(&exp);
        let url = want["url"].as_str().unwrap();
        let out = kabar(&["--mirror", mirror.base().as_str(), "read", url, "--json"]);
        assert!(out.status.success(), "{url}: {}", stderr(&out));
        assert_matches(url, &want, &json(&stdout(&out)), "kompas");
    }
}

const MULTI_PAGE: &str = "https://nasional.kompas.com/read/2026/11/25/10451231/dpr-sahkan-ruu-perlindungan-data-anak-menjadi-undang-undang";

#[test]
fn multi_page_article_is_read_whole_from_its_first_page() {
    let mirror = fixture_mirror();
    let page1 = format!("{MULTI_PAGE}?page=1");
    let out = kabar(&["--mirror", mirror.base().as_str(), "read", &page1, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let want = expected("article-nasional-ruu-data-anak.expected.json");
    assert_matches("page 1", &want, &json(&stdout(&out)), "kompas");
}

#[test]
fn multi_page_article_is_followed_page_by_page_when_page_all_fails() {
    let mut routes = fixture_routes();
    routes.remove(&Url::parse(&format!("{MULTI_PAGE}?page=all")).unwrap());
    let mirror = MirrorServer::start(routes).unwrap();
    let out = kabar(&[
        "--mirror",
        mirror.base().as_str(),
        "read",
        MULTI_PAGE,
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let want = expected("article-nasional-ruu-data-anak.expected.json");
    assert_matches("paged", &want, &json(&stdout(&out)), "kompas");
}

/// A long article of a profiled site with no one-page version (Okezone) is read page by
/// page through the mirror: the text of both pages, each page's furniture gone.
#[test]
fn a_profiled_sites_long_article_is_read_page_by_page() {
    let table =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sites/urls.tsv");
    let routes = kabar::mirror::Routes::from_tsv(&table).unwrap();
    let mirror = MirrorServer::start(routes).unwrap();
    let url = "https://nasional.okezone.com/read/2024/03/05/337/2979123/banjir-rob-rendam-pesisir-utara-jakarta";
    let out = kabar(&["--mirror", mirror.base().as_str(), "read", url, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let article: kabar::article::Article = serde_json::from_str(&stdout(&out)).unwrap();
    let body: Vec<&str> = article.body.iter().map(|b| b.text.as_str()).collect();
    assert!(
        body[0].starts_with("JAKARTA - Banjir rob merendam"),
        "{body:#?}"
    );
    assert!(
        body.iter()
            .any(|t| t.starts_with("Pemerintah kota berjanji")),
        "page 1's last paragraph: {body:#?}"
    );
    assert!(
        body.last()
            .unwrap()
            .ends_with("tidak lagi masuk ke permukiman."),
        "page 2 at the end: {body:#?}"
    );
    assert!(
        !body
            .iter()
            .any(|t| t.contains("Advertisement") || t.contains("Telusuri")),
        "{body:#?}"
    );
}

#[test]
fn index_pages_match_from_file_and_mirror() {
    let mirror = fixture_mirror();
    for (page, url) in [
        ("indeks-page-1", "https://indeks.kompas.com/"),
        ("indeks-page-2", "https://indeks.kompas.com/?page=2"),
    ] {
        let want = expected(&format!("{page}.expected.json"));
        let file = fixture(&format!("{page}.html"));
        let from_file = kabar(&["headlines", file.to_str().unwrap(), "--url", url, "--json"]);
        assert!(from_file.status.success(), "{}", stderr(&from_file));
        assert_eq!(json(&stdout(&from_file)), want, "{page} from file");
        let served = kabar(&[
            "--mirror",
            mirror.base().as_str(),
            "headlines",
            url,
            "--json",
        ]);
        assert!(served.status.success(), "{}", stderr(&served));
        assert_eq!(json(&stdout(&served)), want, "{page} through the mirror");
    }
    // With no URL, `headlines` reads the latest-news index.
    let default = kabar(&["--mirror", mirror.base().as_str(), "headlines", "--json"]);
    assert_eq!(
        json(&stdout(&default)),
        expected("indeks-page-1.expected.json")
    );
}

/// The 2017 home page: every distinct Kompas article link it holds (found here by a plain
/// scan of its hrefs), nothing off-site, each with a real title.
#[test]
fn real_2017_home_page_gives_every_kompas_article_and_no_partner_item() {
    let page = fixture("real/homepage-2017-09-17.html");
    let html = String::from_utf8_lossy(&std::fs::read(&page).unwrap()).into_owned();
    let base = Url::parse("https://www.kompas.com/").unwrap();
    let mut want = BTreeSet::new();
    for piece in html.split("href=\"").skip(1) {
        let href = &piece[..piece.find('"').unwrap()];
        let Ok(mut url) = base.join(href) else {
            continue;
        };
        let host = url.host_str().unwrap_or_default().to_string();
        if !(host == "kompas.com" || host.ends_with(".kompas.com"))
            || !url.path().contains("/read/")
        {
            continue;
        }
        let kept: Vec<(String, String)> = url
            .query_pairs()
            .filter(|(k, _)| !k.starts_with("utm_") && k != "source")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        url.set_query(None);
        if !kept.is_empty() {
            url.query_pairs_mut().extend_pairs(kept);
        }
        want.insert(url.to_string());
    }
    assert!(want.len() >= 25, "scan found {} links", want.len());

    let out = kabar(&[
        "headlines",
        page.to_str().unwrap(),
        "--url",
        base.as_str(),
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = json(&stdout(&out));
    let list = list.as_array().unwrap();
    let got: BTreeSet<String> = list
        .iter()
        .map(|h| h["url"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(got.len(), list.len(), "no article listed twice");
    assert_eq!(got, want);
    for h in list {
        let title = h["title"].as_str().unwrap();
        assert!(title.split_whitespace().count() >= 3, "a real title: {h}");
    }
    // The headline block, the latest list, most-read and the columns are all in.
    for title in [
        "Wali Kota Batu Disuap Rp 500 Juta, Rp 300 Juta untuk Pelunasan Alphard",
        "Jadwal Indonesia Vs Myanmar, Timnas U-19 Siap Rebut Posisi Ketiga",
        "Pendidikan, Membangun Metode Berpikir",
        "Tujuh WNI Korban Badai Irma Dipulangkan ke Indonesia pada 19 September",
    ] {
        assert!(list.iter().any(|h| h["title"] == title), "missing {title}");
    }
}

fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8(bytes.to_vec()).expect("UTF-8 output");
    for (i, c) in text.chars().enumerate() {
        let allowed = c == '\n'
            || (!c.is_control() && !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'));
        assert!(allowed, "{what}: forbidden char U+{:04X} at {i}", c as u32);
    }
    for bad in ["javascript:", "data:image", "PWNED", "[31m", "[2J", "]52;"] {
        assert!(!text.contains(bad), "{what}: contains {bad:?}");
    }
}

#[test]
fn hostile_page_prints_clean_in_both_formats() {
    let page = fixture("article-hostile-escape.html");
    let as_json = kabar(&["read", page.to_str().unwrap(), "--json"]);
    assert!(as_json.status.success(), "{}", stderr(&as_json));
    assert_clean("json", &as_json.stdout);
    let article = json(&stdout(&as_json));
    assert_eq!(
        article["title"],
        "Viral Unggahan Warganet soal Antrean Panjang di Stasiun"
    );
    assert_eq!(
        article["authors"],
        serde_json::json!(["Nur Fitriatus Shalihah"])
    );
    assert_eq!(
        article["related"],
        serde_json::json!([]),
        "the javascript: link is dropped"
    );
    assert_eq!(article["image"], Value::Null, "the data: image is dropped");
    let body = article["body"].as_array().unwrap();
    assert!(body.iter().any(|b| {
        b["text"]
            .as_str()
            .unwrap()
            .contains("Pihak operator menjelaskan")
    }));

    let as_text = kabar(&["read", page.to_str().unwrap(), "--width", "60"]);
    assert!(as_text.status.success());
    assert_clean("text", &as_text.stdout);
    // Addresses stay whole on their own lines so they can be copied; all text wraps.
    let printed = stdout(&as_text);
    let text_lines = printed
        .lines()
        .filter(|l| !l.trim_start().starts_with("https://"));
    let widest = text_lines.map(|l| l.chars().count()).max().unwrap();
    assert!(
        widest <= 60,
        "the 3,000-character word is wrapped (widest line {widest})"
    );
    assert!(
        printed.contains(&"a".repeat(60)),
        "the long word is still there"
    );
}
