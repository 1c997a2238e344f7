//! What the benches take for granted, checked where CI runs it (`cargo bench` never runs
//! in CI): the padded Kompas page reads as the bare page, the stored list reaches the
//! first frame whole, and the app the screen benches time is the one they describe. The
//! pages and apps are built by the benches' own code (`benches/support/`).

mod common;

#[path = "../benches/support/padded.rs"]
mod padded;
#[path = "../benches/support/photo.rs"]
mod photo;
#[path = "../benches/support/screen.rs"]
mod screen;
#[path = "../benches/support/search.rs"]
mod search;
#[path = "../benches/support/startup.rs"]
mod startup;

use crossterm::event::KeyCode;
use kabar::sites;

/// The 204 KB page of `cargo bench --bench parse -- padded`: all the chrome around the
/// article changes nothing read.
#[test]
fn the_padded_page_reads_as_the_bare_page() {
    let name = "article-global-latihan-bencana.html";
    let html = std::fs::read_to_string(common::fixture(name)).unwrap();
    let base = url::Url::parse("https://www.kompas.com/").unwrap();
    let url = sites::page_url(&html, None, &base);
    let big = padded::padded(&html, 200_000);
    assert!(big.len() >= 200_000, "padded to {} bytes", big.len());
    let plain = sites::read_article(&html, &url).unwrap().article;
    let padded = sites::read_article(&big, &url).unwrap().article;
    assert_eq!(plain, padded, "the chrome changes nothing read");
}

/// `cargo bench --bench startup`: every one of the 1,000 stored headlines is in the app
/// of the first frame.
#[test]
fn the_first_frame_from_a_filled_store_lists_every_headline() {
    let dir = startup::filled_store(common::scratch_dir("bench-startup"));
    let now = chrono::Utc::now().fixed_offset();
    assert_eq!(startup::first_frame(&dir, now), 1000);
}

/// `cargo bench --bench ui`: the article is long (over 5,000 laid-out lines at 200×60),
/// and `n` / `N` have matches to move between.
#[test]
fn the_screen_benches_time_a_long_article_and_a_search_with_matches() {
    let article = screen::long_article();
    let words: usize = article
        .body
        .iter()
        .map(|b| b.text.split_whitespace().count())
        .sum();
    assert!(words >= screen::WORDS, "{words} words");
    let mut app = screen::app_with(screen::HEADLINES, Some(&article));
    assert_eq!(app.size(), screen::SIZE);
    assert!(
        app.lines().lines.len() > 5_000,
        "{} lines",
        app.lines().lines.len()
    );
    screen::press(&mut app, KeyCode::Char('/'));
    screen::type_text(&mut app, screen::FIND);
    screen::press(&mut app, KeyCode::Enter);
    let notice = app.notice().unwrap_or_default().to_string();
    assert!(notice.contains('/'), "matches counted: {notice:?}");
    screen::press(&mut app, KeyCode::Char('n'));
    assert_ne!(app.notice(), Some(notice.as_str()), "n moves on");
}

/// `cargo bench --bench search`: the store of composed articles finds each word the
/// bench searches for, derived forms included, one hit per article.
#[test]
fn the_search_bench_store_finds_what_it_is_asked() {
    let dir = common::scratch_dir("bench-search");
    let store = search::filled(&dir, 200);
    for query in [
        "banjir",
        "warga pesisir",
        "mengungsi",
        "timnas indonesia vietnam",
    ] {
        let hits = store.search(query).unwrap();
        assert!(!hits.is_empty(), "{query}");
        let urls: std::collections::HashSet<_> = hits.iter().map(|h| &h.headline.url).collect();
        assert_eq!(urls.len(), hits.len(), "{query}: one hit per article");
    }
}

/// `cargo bench --bench pictures`: the photo is a JPEG of Kompas's largest size, as large
/// a file as theirs (50–300 KB), within the decoding limits.
#[test]
fn the_pictures_bench_draws_a_photo_of_kompass_largest_size() {
    let jpeg = photo::photo_jpeg();
    assert!(
        (50_000..=300_000).contains(&jpeg.len()),
        "{} bytes",
        jpeg.len()
    );
    assert_eq!(kabar::picture::extension(&jpeg), Some("jpg"));
    assert_eq!(
        kabar::picture::decode(&jpeg).unwrap().dimensions(),
        (1200, 800)
    );
}
