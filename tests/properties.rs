//! Properties of the sanitizer and the page parsers, on generated input: strings rich in
//! escape sequences and controls, any Unicode at all, and mutations of the fixture pages.
//! Nothing panics; the sanitizer's output holds no forbidden character and cleaning it
//! again changes nothing; every link let out is an absolute http(s) address; every
//! article and headline the parsers make is clean.

mod common;

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU32, Ordering};

use kabar::sanitize;
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

use common::mutate::{
    FixturePage, fixture_pages, hostile_string, href, mutated_page, page_url, soup,
};
use common::{first_forbidden, link_problem, parse_problem};

static PAGES: LazyLock<Vec<FixturePage>> = LazyLock::new(fixture_pages);

/// Any string: generic Unicode, or one built from what escape sequences are made of.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), hostile_string(200)]
}

proptest! {
    #[test]
    fn inline_text_is_clean_one_line_and_stable(raw in any_text()) {
        let clean = sanitize::inline(&raw);
        prop_assert_eq!(first_forbidden(&clean), None);
        prop_assert!(!clean.contains(['\n', '\t']), "{:?}", clean);
        prop_assert_eq!(clean.trim(), clean.as_str(), "no space at the ends");
        prop_assert_eq!(sanitize::inline(&clean), clean.clone(), "idempotent");
    }

    #[test]
    fn block_text_is_clean_and_stable(raw in any_text()) {
        let clean = sanitize::block(&raw);
        prop_assert_eq!(first_forbidden(&clean), None);
        prop_assert!(!clean.contains("\n\n"), "one line break at a time: {:?}", clean);
        prop_assert_eq!(sanitize::block(&clean), clean.clone(), "idempotent");
        prop_assert_eq!(
            sanitize::inline(&clean),
            sanitize::inline(&raw),
            "a block read inline is the inline text"
        );
    }

    #[test]
    fn links_let_out_are_absolute_web_addresses(raw in href(), base in page_url()) {
        if let Some(url) = sanitize::link(&raw, &base) {
            prop_assert_eq!(link_problem(url.as_str()), None);
            // A clean link stays the same link.
            prop_assert_eq!(sanitize::link(url.as_str(), &base), Some(url.clone()));
        }
    }

    #[test]
    fn hostile_schemes_never_become_links(
        scheme in prop::sample::select(vec!["javascript", "data", "file", "vbscript", "about"]),
        rest in hostile_string(30),
        base in page_url(),
    ) {
        // However the scheme is written (case, leading controls and spaces), the link is
        // not let out as that scheme.
        let raw = format!("\u{1b}[0m {}:{rest}", scheme.to_uppercase());
        if let Some(url) = sanitize::link(&raw, &base) {
            prop_assert!(matches!(url.scheme(), "http" | "https"), "{}", url);
        }
    }
}

proptest! {
    // Parsing a page takes milliseconds; fewer cases keep the suite quick. The fuzz
    // harness (tests/fuzz.rs) runs the same checks for as long as it is given.
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn parsers_take_tag_soup(html in soup(80), url in page_url()) {
        let problem = parse_problem(&html, &url);
        prop_assert!(problem.is_none(), "{}", problem.unwrap_or_default());
    }

    #[test]
    fn parsers_take_mutated_fixture_pages(
        (name, html, url) in mutated_page(PAGES.clone(), 4),
    ) {
        let problem = parse_problem(&html, &url);
        prop_assert!(problem.is_none(), "{}: {}", name, problem.unwrap_or_default());
    }
}

/// Any text, bare, as the title and paragraphs of a plain page, or as the titles of a
/// list of article links: bare random text seldom reads as a headline list, so alone it
/// would check little.
fn any_page_text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => any_text(),
        2 => (any_text(), any_text()).prop_map(|(title, text)| {
            let para = format!("<p>{text} Warga kampung membersihkan saluran air bersama.</p>");
            format!(
                "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\
                 {}</article></body></html>",
                para.repeat(4)
            )
        }),
        2 => prop::collection::vec(any_text(), 1..6).prop_map(|titles| {
            let items: String = titles
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    format!("<li><a href=\"/read/2026/11/25/0800000{i}/judul-{i}\">{t}</a></li>")
                })
                .collect();
            format!("<html><body><ul>{items}</ul></body></html>")
        }),
    ]
}

/// Any text, bare or in a page, parses cleanly; and a real share of the cases did read as
/// an article, and as a headline list (both counted), so the check is not vacuous.
#[test]
fn parsers_take_any_text() {
    const CASES: u32 = 128;
    let read = AtomicU32::new(0);
    let listed = AtomicU32::new(0);
    let mut runner = TestRunner::new(ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let outcome = runner.run(&(any_page_text(), page_url()), |(html, url)| {
        if kabar::sites::read_article(&html, &url).is_ok() {
            read.fetch_add(1, Ordering::Relaxed);
        }
        if kabar::sites::read_headlines(&html, &url).is_ok_and(|l| !l.headlines.is_empty()) {
            listed.fetch_add(1, Ordering::Relaxed);
        }
        let problem = parse_problem(&html, &url);
        prop_assert!(problem.is_none(), "{}", problem.unwrap_or_default());
        Ok(())
    });
    if let Err(e) = outcome {
        panic!("{e}");
    }
    let (read, listed) = (read.into_inner(), listed.into_inner());
    eprintln!(
        "parsers_take_any_text: of {CASES} cases, {read} read as an article, {listed} as a list"
    );
    assert!(
        read >= CASES / 4 && listed >= CASES / 16,
        "of {CASES} cases only {read} read as an article and {listed} as a list: the \
         property checked little"
    );
}
