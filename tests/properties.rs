//! Properties of the sanitizer and the page parsers, on generated input: strings rich in
//! escape sequences and controls, any Unicode at all, and mutations of the fixture pages.
//! Nothing panics; the sanitizer's output holds no forbidden character and cleaning it
//! again changes nothing; every link let out is an absolute http(s) address; every
//! article and headline the parsers make is clean.

mod common;

use std::sync::LazyLock;

use kabar::sanitize;
use proptest::prelude::*;

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
    fn parsers_take_any_text(html in any_text(), url in page_url()) {
        let problem = parse_problem(&html, &url);
        prop_assert!(problem.is_none(), "{}", problem.unwrap_or_default());
    }

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
