//! The real pages of the Indonesian sites Kompas links to (`../shared/fixtures/real/`,
//! every site but Kompas, whose pages have tests/real_kompas.rs) against their
//! `*.truth.json`: title, authors, editor, the published instant, the first and last
//! paragraph (the body starts with the first and ends with the last), no
//! `boilerplate_present` string, the number of Terkini links; detik's index read as a
//! headline list, by the library and by `kabar headlines`; and the article pages read at
//! the address of a site kabar has no profile for.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::truth::{collapsed, text_differences};
use kabar::article::Article;
use serde_json::Value;
use url::Url;

fn real_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/real");
    assert!(
        dir.exists(),
        "MISSING: {} is not there; the real pages cannot be checked",
        dir.display()
    );
    dir
}

fn truth_of(rel: &str) -> Value {
    let path = real_dir().join(rel);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(stem: &str) -> (Article, Value) {
    let truth = truth_of(&format!("{stem}.truth.json"));
    let html = std::fs::read_to_string(real_dir().join(format!("{stem}.html"))).unwrap();
    let url = Url::parse(truth["url"].as_str().expect("a url")).unwrap();
    let article = kabar::sites::read_article(&html, &url)
        .unwrap_or_else(|e| panic!("{stem}: not read: {e}"))
        .article;
    (article, truth)
}

/// What the truth says and the reading does not, one line each.
fn differences(a: &Article, truth: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if collapsed(&a.title) != truth["title"].as_str().unwrap() {
        out.push(format!("title {:?}, truth {}", a.title, truth["title"]));
    }
    let authors: Vec<String> = truth["authors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    if a.authors != authors {
        out.push(format!("authors {:?}, truth {authors:?}", a.authors));
    }
    let published = chrono::DateTime::parse_from_rfc3339(truth["published"].as_str().unwrap())
        .expect("the truth's published time");
    if a.published != Some(published) {
        out.push(format!("published {:?}, truth {published}", a.published));
    }
    if a.editor.as_deref() != truth["editor"].as_str() {
        out.push(format!("editor {:?}, truth {}", a.editor, truth["editor"]));
    }
    let terkini = truth["terkini_count"].as_u64().expect("a Terkini count") as usize;
    if a.terkini.len() != terkini {
        let titles: Vec<&str> = a.terkini.iter().map(|t| t.title.as_str()).collect();
        out.push(format!("Terkini {titles:?}, truth {terkini} items"));
    }
    out.extend(text_differences(a, truth));
    out
}

fn check(stem: &str) {
    let (article, truth) = read(stem);
    let diffs = differences(&article, &truth);
    assert!(diffs.is_empty(), "{stem}:\n{}", diffs.join("\n"));
}

#[test]
fn detik_health_reads_as_its_truth_says() {
    check("detik/health-2023-stroke-umur-26");
}

#[test]
fn liputan6_showbiz_page_two_reads_as_its_truth_says() {
    check("liputan6/showbiz-2024-uhm-ki-joon-page2");
}

#[test]
fn tribunnews_regional_reads_as_its_truth_says() {
    check("tribunnews/regional-2024-banjir-lahar-sumbar");
}

#[test]
fn tribunnews_editor_is_the_editor_not_an_author() {
    let (article, truth) = read("tribunnews/regional-2024-banjir-lahar-sumbar");
    assert_eq!(article.editor.as_deref(), truth["editor"].as_str());
}

#[test]
fn a_tag_the_page_repeats_is_shown_once() {
    // tribunnews's keywords name "Banjir Bandang Lahar Dingin di Sumbar" twice.
    let (article, _) = read("tribunnews/regional-2024-banjir-lahar-sumbar");
    assert_eq!(
        article.tags,
        [
            "Banjir Bandang Lahar Dingin di Sumbar",
            "Badan Meteorologi Klimatologi dan Geofisika (BMKG)",
            "Dwikorita Karnawati",
            "Sumatera Barat",
            "Sumatera",
            "Regional"
        ]
    );
}

const DETIK_INDEX: &str = "detik/indeks-2024-10-04-news-detik";

#[test]
fn detik_index_reads_as_a_headline_list() {
    let truth = truth_of(&format!("{DETIK_INDEX}.truth.json"));
    let html = std::fs::read_to_string(real_dir().join(format!("{DETIK_INDEX}.html"))).unwrap();
    let url = Url::parse(truth["url"].as_str().unwrap()).unwrap();
    let page = kabar::sites::read_headlines(&html, &url).expect("detik's index is a list");
    let titles: Vec<&str> = page.headlines.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(
        page.headlines.len(),
        truth["items_count"].as_u64().unwrap() as usize,
        "{titles:#?}"
    );
    let first = &page.headlines[0];
    assert_eq!(first.title, truth["first_item"]["title"].as_str().unwrap());
    assert_eq!(first.url, truth["first_item"]["url"].as_str().unwrap());
    assert!(
        page.headlines.iter().all(|h| h.published.is_some()),
        "every item has its date: {:#?}",
        page.headlines
    );
}

#[test]
fn kabar_headlines_reads_detiks_index() {
    let truth = truth_of(&format!("{DETIK_INDEX}.truth.json"));
    let file = real_dir().join(format!("{DETIK_INDEX}.html"));
    let out = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args([
            "headlines",
            file.to_str().unwrap(),
            "--url",
            "https://news.detik.com/indeks",
        ])
        .env("HOME", std::env::temp_dir())
        .env("NO_COLOR", "1")
        .output()
        .expect("kabar runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = truth["first_item"]["title"].as_str().unwrap();
    assert!(stdout.contains(first), "{stdout}");
    let count = truth["items_count"].as_u64().unwrap() as usize;
    let lines = stdout.lines().filter(|l| !l.trim().is_empty()).count();
    assert!(lines >= count, "{count} items, printed:\n{stdout}");
}

/// An Indonesian news article of a site kabar has no profile for reads as an article,
/// however many articles its lists link to, from its first paragraph to its last and
/// without the furniture Indonesian news sites share (the editors' initials, "Simak
/// Video", a page counter): the real pages of the sites with a profile, read as if they
/// were another site's.
#[test]
fn an_indonesian_article_of_a_site_without_a_profile_reads_clean() {
    let elsewhere = Url::parse("https://berita.example.co.id/read/2024/05/13/123/judul").unwrap();
    for stem in [
        "kompas/nasional-2025-pengacara-ronald-tannur",
        "kompas/money-2023-menhub-tiket-pesawat",
        "detik/health-2023-stroke-umur-26",
        "tribunnews/regional-2024-banjir-lahar-sumbar",
    ] {
        let truth = truth_of(&format!("{stem}.truth.json"));
        let html = std::fs::read_to_string(real_dir().join(format!("{stem}.html"))).unwrap();
        let article = match kabar::sites::read_page(&html, &elsewhere) {
            Ok(kabar::sites::Page::Article(page)) => page.article,
            Ok(kabar::sites::Page::List(links)) => {
                panic!("{stem}: read as a list of {links} articles")
            }
            Err(e) => panic!("{stem}: not read: {e}"),
        };
        let diffs = text_differences(&article, &truth);
        assert!(diffs.is_empty(), "{stem}:\n{}", diffs.join("\n"));
    }
}
