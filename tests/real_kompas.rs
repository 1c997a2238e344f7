//! The real Kompas pages of `../shared/fixtures/real/kompas/` (as Kompas served them,
//! 2023–2025) against their `*.truth.json`, every field the truth gives; and the same
//! pages with their containers renamed, as a redesign would, read with none of Kompas's
//! boilerplate.

mod common;

use std::path::{Path, PathBuf};

use common::truth::{body_text, collapsed, text_differences};
use kabar::article::Article;
use serde_json::Value;
use url::Url;

fn real_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/real/kompas");
    assert!(
        dir.exists(),
        "MISSING: {} is not there; the real Kompas pages cannot be checked",
        dir.display()
    );
    dir
}

/// Every real Kompas page with its truth, by name.
fn real_pages() -> Vec<(String, String, Value)> {
    let mut pages = Vec::new();
    for file in std::fs::read_dir(real_dir()).unwrap() {
        let file = file.unwrap().path();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".truth.json") {
            let html = std::fs::read_to_string(real_dir().join(format!("{stem}.html"))).unwrap();
            let truth = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
            pages.push((stem.to_string(), html, truth));
        }
    }
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(pages.len() >= 2, "real Kompas pages found: {}", pages.len());
    pages
}

/// Runs of whitespace made one space, the ends trimmed.
fn read(html: &str, truth: &Value) -> Article {
    let url = Url::parse(truth["url"].as_str().expect("a url")).unwrap();
    kabar::sites::read_article(html, &url)
        .unwrap_or_else(|e| panic!("{}: not read: {e}", truth["url"]))
        .article
}

/// What the truth says and the reading does not, one line each. The section labels of
/// the Terkini items are known by their class names only: `labels` is false for a page
/// without them.
fn differences(a: &Article, truth: &Value, labels: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut differ = |what: &str, got: String, want: String| {
        if got != want {
            out.push(format!("{what}: read {got:?}, truth {want:?}"));
        }
    };
    differ(
        "title",
        collapsed(&a.title),
        truth["title"].as_str().unwrap().into(),
    );
    let authors: Vec<String> = truth["authors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    differ(
        "authors",
        format!("{:?}", a.authors),
        format!("{authors:?}"),
    );
    if let Some(editor) = truth["editor"].as_str() {
        differ(
            "editor",
            a.editor.clone().unwrap_or_default(),
            editor.into(),
        );
    }
    // The instant, as the page shows it: in WIB.
    differ(
        "published",
        a.published.map(|t| t.to_rfc3339()).unwrap_or_default(),
        truth["published"].as_str().unwrap().into(),
    );
    out.extend(text_differences(a, truth));
    let count = truth["terkini_count"].as_u64().unwrap() as usize;
    // The page's own article may be one of them, as on the page.
    if a.terkini.len() != count {
        out.push(format!("terkini: {} items, truth {count}", a.terkini.len()));
    }
    for (key, item) in [
        ("terkini_first", a.terkini.first()),
        ("terkini_last", a.terkini.last()),
    ] {
        let want = &truth[key];
        if want.is_null() {
            continue;
        }
        let got = item.map(|t| {
            (
                t.title.clone(),
                t.url.clone(),
                t.label.clone().filter(|_| labels).unwrap_or_default(),
            )
        });
        let want = Some((
            want["title"].as_str().unwrap().to_string(),
            want["url"].as_str().unwrap().to_string(),
            want["label"]
                .as_str()
                .filter(|_| labels)
                .unwrap_or_default()
                .to_string(),
        ));
        if got != want {
            out.push(format!("{key}: read {got:?}, truth {want:?}"));
        }
    }
    out
}

#[test]
fn real_kompas_pages_read_as_their_truth_says() {
    let mut failures = Vec::new();
    for (name, html, truth) in real_pages() {
        let a = read(&html, &truth);
        failures.extend(
            differences(&a, &truth, true)
                .into_iter()
                .map(|d| format!("{name}: {d}")),
        );
        let body = body_text(&a);
        if body.contains("Lihat Foto") {
            failures.push(format!("{name}: \"Lihat Foto\" in the text"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Two redesigns of a real page, so no Kompas rule finds the body and the generic
/// extractor reads it: Kompas's class names changed, and no class names at all.
fn redesigns(html: &str) -> [(&'static str, String); 2] {
    let renamed = html
        .replace("read__", "story-")
        .replace("clearfix", "story-inner");
    let mut classless = String::new();
    let mut rest = html;
    while let Some(at) = rest.find(" class=\"") {
        classless.push_str(&rest[..at]);
        let value = &rest[at + " class=\"".len()..];
        rest = value.find('"').map_or("", |end| &value[end + 1..]);
    }
    classless.push_str(rest);
    [("renamed", renamed), ("classless", classless)]
}

/// What Kompas puts in and around every article that is not the article, in any layout.
const KOMPAS_BOILERPLATE: &[&str] = &[
    "Baca juga",
    "Lihat Foto",
    "WhatsApp",
    "Gabung Kompas.com+",
    "Baca berita tanpa iklan",
    "Bagikan artikel ini melalui",
    "Dalam segala situasi, Kompas.com berkomitmen",
    "Penulis:",
    "Terkini Lainnya",
    "Simak breaking news",
];

#[test]
fn real_kompas_pages_in_an_unknown_layout_have_no_kompas_boilerplate() {
    let mut failures = Vec::new();
    for (page, html, truth) in real_pages() {
        for (how, html) in redesigns(&html) {
            let name = format!("{page} ({how})");
            let a = read(&html, &truth);
            failures.extend(
                differences(&a, &truth, how != "classless")
                    .into_iter()
                    .map(|d| format!("{name}: {d}")),
            );
            let body = body_text(&a);
            let first = collapsed(truth["first_paragraph"].as_str().unwrap());
            let last = collapsed(truth["last_paragraph"].as_str().unwrap());
            if !body.starts_with(&first) || !body.ends_with(&last) {
                failures.push(format!(
                    "{name}: the text is not {first:?} … {last:?}: {body}"
                ));
            }
            let count = truth["terkini_count"].as_u64().unwrap() as usize;
            if a.terkini.len() != count {
                failures.push(format!(
                    "{name}: terkini {} items, truth {count}",
                    a.terkini.len()
                ));
            }
            let present = truth["boilerplate_present"].as_array().unwrap();
            let strings = present.iter().map(|s| s.as_str().unwrap());
            for s in strings.chain(KOMPAS_BOILERPLATE.iter().copied()) {
                if body.contains(&collapsed(s)) {
                    failures.push(format!("{name}: boilerplate in the text: {s:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A Kompas page of a layout no rule knows, written with every promo Kompas puts in
/// the text: what the generic extractor reads of it is the article alone.
#[test]
fn a_kompas_page_of_an_unknown_layout_reads_without_its_promos() {
    let url = Url::parse("https://nasional.kompas.com/read/2026/03/02/10000011/banjir").unwrap();
    let para = |n: u32| {
        format!(
            "<p>Paragraf berita ke-{n} tentang banjir di Jakarta yang cukup panjang untuk \
             dibaca sebagai isi artikel oleh pembaca yang teliti dan sabar.</p>"
        )
    };
    let html = format!(
        "<html><head><title>Banjir Jakarta - Kompas.com</title></head><body>\
         <main><article class=\"story\"><h1>Banjir Jakarta</h1>\
         <div class=\"byline\">Penulis: Irfan Kamil | Editor: Robertus Belarminus</div>\
         <div class=\"photo\"><img src=\"/a.jpg\"><span>Lihat Foto</span></div>\
         <div class=\"story-text\">{}{}\
         <p><strong>Baca juga: <a href=\"https://nasional.kompas.com/read/2026/03/01/1/x\">Banjir Lagi</a></strong></p>\
         {}{}\
         <p>Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran \
         andalanmu akses berita Kompas.com WhatsApp Channel : \
         https://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D. Pastikan kamu sudah \
         install aplikasi WhatsApp ya.</p>\
         <p>Bagikan artikel ini melalui</p>\
         <p>Baca berita tanpa iklan. Gabung Kompas.com+</p>\
         <p>Dalam segala situasi, Kompas.com berkomitmen memberikan fakta jernih dan \
         berimbang. Dukung kami dengan berlangganan.</p></div></article></main></body></html>",
        para(1),
        para(2),
        para(3),
        para(4)
    );
    let a = kabar::sites::read_article(&html, &url).unwrap().article;
    let body = body_text(&a);
    assert!(body.starts_with("Paragraf berita ke-1"), "{body}");
    assert!(body.ends_with("sabar."), "{body}");
    for s in KOMPAS_BOILERPLATE {
        assert!(!body.contains(s), "{s:?} in {body}");
    }
}
