//! The real Kompas pages of `../shared/fixtures/real/kompas/` (as Kompas served them,
//! 2023–2025) against their `*.truth.json`, every field the truth gives; and the same
//! pages with their containers renamed, as a redesign would, read with none of Kompas's
//! boilerplate.

use std::path::{Path, PathBuf};

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
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn read(html: &str, truth: &Value) -> Article {
    let url = Url::parse(truth["url"].as_str().expect("a url")).unwrap();
    kabar::sites::read_article(html, &url)
        .unwrap_or_else(|e| panic!("{}: not read: {e}", truth["url"]))
        .article
}

fn body_text(a: &Article) -> String {
    let blocks: Vec<&str> = a.body.iter().map(|b| b.text.as_str()).collect();
    collapsed(&blocks.join(" "))
}

/// What the truth says and the reading does not, one line each.
fn differences(a: &Article, truth: &Value) -> Vec<String> {
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
    let body = body_text(a);
    let first = collapsed(truth["first_paragraph"].as_str().unwrap());
    let last = collapsed(truth["last_paragraph"].as_str().unwrap());
    if !body.starts_with(&first) {
        out.push(format!(
            "the text does not start with {first:?}: {:?}",
            &body[..body.len().min(200)]
        ));
    }
    if !body.ends_with(&last) {
        let tail: String = body
            .chars()
            .rev()
            .take(200)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        out.push(format!("the text does not end with {last:?}: …{tail:?}"));
    }
    for s in truth["boilerplate_present"].as_array().unwrap() {
        let s = collapsed(s.as_str().unwrap());
        if body.contains(&s) {
            out.push(format!("boilerplate in the text: {s:?}"));
        }
    }
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
                t.label.clone().unwrap_or_default(),
            )
        });
        let want = Some((
            want["title"].as_str().unwrap().to_string(),
            want["url"].as_str().unwrap().to_string(),
            want["label"].as_str().unwrap().to_string(),
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
            differences(&a, &truth)
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
