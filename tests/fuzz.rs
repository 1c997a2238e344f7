//! A fuzz harness over the page parsers that runs on the stable toolchain: proptest's
//! generators (mutated fixture pages, tag soup) and its shrinking, run for a time budget
//! rather than a number of cases.
//!
//! `cargo test --test fuzz` runs it for `KABAR_FUZZ_SECONDS` seconds (10 when unset; CI
//! runs it within the test command, with the default of 10 s). For a long run:
//! `KABAR_FUZZ_SECONDS=3600 cargo test --release --test fuzz -- --nocapture`; with
//! `KABAR_FUZZ_PAGES=../shared/bench/wcxb-sample/html` it starts from pages of every kind
//! too, not only Kompas's.
//!
//! Every page in `tests/fuzz_regressions/` is checked first, every run. A failure writes the
//! shrunk page to `target/fuzz-findings/`; once the bug is fixed, move the file into
//! `tests/fuzz_regressions/`, so the finding stays a test.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kabar::app::Msg;
use kabar::article::Article;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestError, TestRunner};
use url::Url;

use common::drawn::{ByteTerminal, bytes_problem, laid_out, lines_problem};
use common::mutate::{fixture_pages, mutated_page, page_url, pages_in, soup};
use common::parse_problem;

const DEFAULT_SECONDS: f64 = 10.0;
/// A regression page names the address it was read as in its first line (and, in its
/// second, `<!-- kabar-fuzz expect: read -->` or `refused: WORDS`).
const URL_LINE: &str = "<!-- kabar-fuzz url: ";

fn budget() -> Duration {
    let seconds = std::env::var("KABAR_FUZZ_SECONDS")
        .ok()
        .map(|s| s.parse::<f64>().expect("KABAR_FUZZ_SECONDS is a number"))
        .unwrap_or(DEFAULT_SECONDS);
    Duration::from_secs_f64(seconds)
}

/// Everything the harness checks on one page: the parsers' results (see
/// [`common::parse_problem`]) and the article drawn in the reader.
fn problem(html: &str, url: &Url) -> Option<String> {
    parse_problem(html, url).or_else(|| {
        let article = kabar::sites::read_article(html, url).ok()?.article;
        draw_problem(article)
    })
}

/// Lays the article out and draws it in the reader, at its top and its end, through the
/// crossterm backend; a forbidden character in a laid-out line or in the bytes written is
/// a problem (a panic in the layout is one too, caught by the runner). The cells of a
/// `TestBackend` would prove nothing: ratatui drops control characters before they
/// reach a cell.
fn draw_problem(article: Article) -> Option<String> {
    for width in [40, 100] {
        if let Some(p) = lines_problem(&laid_out(&article, width)) {
            return Some(format!("at width {width}: {p}"));
        }
    }
    let mut app = common::reader_with(article, (100, 30));
    let mut terminal = ByteTerminal::new((100, 30));
    for _ in 0..2 {
        if let Some(p) = bytes_problem(&terminal.draw(&app)) {
            return Some(format!("drawn: {p}"));
        }
        let bottom = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::NONE);
        app.update(Msg::Key(bottom));
    }
    None
}

fn regressions() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(!files.is_empty(), "no regression page in {}", dir.display());
    files.sort();
    files
}

/// Keeps a failing page for a regression test, and says where.
fn save_finding(html: &str, url: &Url) -> PathBuf {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    html.hash(&mut hasher);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-findings");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("finding-{:016x}.html", hasher.finish()));
    std::fs::write(&path, format!("{URL_LINE}{url} -->\n{html}")).unwrap();
    path
}

/// The value of a `<!-- kabar-fuzz KEY: VALUE -->` line at the head of a regression page.
fn header<'a>(html: &'a str, key: &str) -> Option<&'a str> {
    let prefix = format!("<!-- kabar-fuzz {key}: ");
    html.lines()
        .take(2)
        .find_map(|l| l.strip_prefix(prefix.as_str()))
        .map(|l| l.trim_end().trim_end_matches("-->").trim())
}

/// Every regression page passes the harness's checks, and ends as its `expect` line says:
/// `read`, or `refused: WORDS` (the refusal names the budget).
#[test]
fn regressions_still_hold() {
    for file in regressions() {
        let html = std::fs::read_to_string(&file).unwrap();
        let what = file.display();
        let url = header(&html, "url")
            .map(|u| Url::parse(u).unwrap_or_else(|e| panic!("{what}: the url line: {e}")))
            .unwrap_or_else(|| Url::parse("https://www.kompas.com/read/2026/11/25/1/x").unwrap());
        if let Some(p) = problem(&html, &url) {
            panic!("{what}: {p}");
        }
        let outcome = kabar::sites::read_article(&html, &url).map(|_| ());
        match (header(&html, "expect"), outcome) {
            (None | Some("read"), Ok(())) => {}
            (Some(expect), Err(e))
                if expect
                    .strip_prefix("refused: ")
                    .is_some_and(|w| e.to_string().contains(w)) => {}
            (expect, outcome) => panic!("{what}: expected {expect:?}, got {outcome:?}"),
        }
    }
}

/// A directory given in `KABAR_FUZZ_PAGES` is read as the fixtures are: plain and gzipped
/// pages, each at the address it gives itself, and nothing else in it.
#[test]
fn pages_to_start_from_may_be_plain_or_gzipped() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let page = |title: &str| {
        format!(
            r#"<html><head><title>{title}</title>
            <link rel="canonical" href="https://example.com/{title}"></head></html>"#
        )
    };
    std::fs::write(dir.path().join("a.html"), page("plain")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(dir.path().join("b.html.gz")).unwrap(),
        flate2::Compression::fast(),
    );
    gz.write_all(page("gzipped").as_bytes()).unwrap();
    gz.finish().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a page").unwrap();

    let pages = pages_in(dir.path());
    let read: Vec<(&str, bool, &str)> = pages
        .iter()
        .map(|p| (p.name.as_str(), p.html.contains("<title>"), p.url.as_str()))
        .collect();
    assert_eq!(
        read,
        [
            ("a.html", true, "https://example.com/plain"),
            ("b.html.gz", true, "https://example.com/gzipped"),
        ]
    );
}

#[test]
fn parsers_hold_for_the_time_given() {
    let pages = fixture_pages();
    let input = prop_oneof![
        4 => mutated_page(pages, 12).prop_map(|(_, html, url)| (html, url)),
        1 => (soup(400), page_url()),
    ];
    let start = Instant::now();
    let deadline = start + budget();
    let mut cases = 0u32;
    // Short rounds, each from a fresh random seed, until the time is up.
    const ROUND: u32 = 16;
    while Instant::now() < deadline {
        let mut runner = TestRunner::new(Config {
            cases: ROUND,
            failure_persistence: None,
            ..Config::default()
        });
        let outcome = runner.run(&input, |(html, url)| match problem(&html, &url) {
            Some(p) => Err(TestCaseError::fail(p)),
            None => Ok(()),
        });
        match outcome {
            Ok(()) => cases += ROUND,
            Err(TestError::Fail(why, (html, url))) => {
                let path = save_finding(&html, &url);
                panic!("{why}\nthe page, shrunk, is in {}", path.display());
            }
            Err(TestError::Abort(why)) => panic!("the fuzz run stopped: {why}"),
        }
    }
    eprintln!("fuzz: {cases} pages in {:.1?}, no problem", start.elapsed());
}
