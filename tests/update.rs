//! `App::update` fed with messages: what the reader does with keys, mouse, resizes and
//! the worker's answers, without a terminal or a network.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use kabar::app::{Answer, App, Focus, Msg, PhotoState, Request, Settings};
use kabar::article::{Article, HeadlinePage};
use kabar::error::Error;
use kabar::keymap::Keymap;
use kabar::sites;
use std::collections::BTreeMap;
use url::Url;

/// The worker's answer to article request `id`: the page in `file`, new to the reader.
fn arrived(id: u64, file: &str) -> Msg {
    Msg::Answer(Answer::Article {
        id,
        result: Ok(Box::new(article(file))),
        position: 0,
        saved: false,
    })
}

/// The worker's answer to article request `id`: the page could not be had (HTTP 404).
fn not_found(id: u64, url: &str) -> Msg {
    Msg::Answer(Answer::Article {
        id,
        result: Err(Error::Status {
            url: url.to_string(),
            status: 404,
            reason: "page not found".into(),
        }),
        position: 0,
        saved: false,
    })
}

fn article(file: &str) -> Article {
    common::fixture_article(file)
}

fn index(file: &str) -> HeadlinePage {
    let html = std::fs::read_to_string(common::fixture(file)).unwrap();
    sites::read_headlines(&html, &Url::parse("https://indeks.kompas.com/").unwrap()).unwrap()
}

fn key(app: &mut App, code: KeyCode) -> Vec<Request> {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn keys(app: &mut App, text: &str) -> Vec<Request> {
    text.chars()
        .flat_map(|c| key(app, KeyCode::Char(c)))
        .collect()
}

fn article_request(reqs: &[Request]) -> (u64, String) {
    match reqs {
        [Request::Article { id, url, .. }] => (*id, url.clone()),
        other => panic!("expected one article request, got {other:?}"),
    }
}

/// The worker's answer to list request `id`: the index page in `file`.
fn listed(id: u64, file: &str) -> Msg {
    Msg::Answer(Answer::Headlines {
        id,
        result: Ok(index(file)),
        fetched_at: chrono::Utc::now(),
        read: Default::default(),
    })
}

/// The fixture articles in the store the searches of these tests search.
const STORED: &[&str] = &[
    "article-regional-banjir-rob.html",
    "article-bola-timnas.html",
    "article-health-kebiasaan-pagi.html",
];

/// The worker's answer to search `id`: what a store holding `files` finds for `query`.
fn hits(id: u64, files: &[&str], query: &str) -> Msg {
    Msg::Answer(Answer::Hits {
        id,
        result: Ok(common::store_hits(files, query)),
        read: Default::default(),
    })
}

/// An app at 120×40 with the index loaded.
fn app_with_list() -> App {
    app_with_list_in(Settings::default())
}

fn app_with_list_in(settings: Settings) -> App {
    let mut app = App::new(settings, (120, 40));
    let start = app.start();
    let [Request::Headlines { id, url, .. }] = start.as_slice() else {
        panic!("{start:?}")
    };
    assert_eq!(url, "https://indeks.kompas.com/");
    app.update(listed(*id, "indeks-page-1.html"));
    assert_eq!(app.list().headlines.len(), 14);
    app
}

/// Opens the selected headline and answers it with `file`.
fn open_with(app: &mut App, file: &str) -> String {
    let (id, url) = article_request(&key(app, KeyCode::Enter));
    app.update(Msg::Answer(Answer::Article {
        id,
        result: Ok(Box::new(article(file))),
        position: 0,
        saved: false,
    }));
    url
}

fn current_title(app: &App) -> &str {
    &app.current()
        .as_ref()
        .expect("an article on screen")
        .article()
        .title
}

#[test]
fn enter_opens_the_selected_headline_in_the_reader() {
    let mut app = app_with_list();
    key(&mut app, KeyCode::Char('j'));
    let (id, url) = article_request(&key(&mut app, KeyCode::Enter));
    assert_eq!(url, app.list().headlines[1].url);
    assert_eq!(app.focus(), Focus::Reader);
    assert!(app.is_loading());
    app.update(arrived(id, "article-nasional-ruu-data-anak-page-all.html"));
    assert_eq!(
        current_title(&app),
        "DPR Sahkan RUU Perlindungan Data Anak Menjadi Undang-Undang"
    );
    assert!(!app.is_loading());
    assert!(!app.lines().lines.is_empty(), "laid out for the reader");
}

#[test]
fn a_late_answer_for_a_page_already_left_is_dropped() {
    let mut app = app_with_list();
    let (first, _) = article_request(&key(&mut app, KeyCode::Enter));
    key(&mut app, KeyCode::Tab); // back to the list
    key(&mut app, KeyCode::Char('j'));
    let (second, _) = article_request(&key(&mut app, KeyCode::Enter));
    app.update(arrived(first, "article-bola-timnas.html"));
    assert!(app.current().is_none(), "the stale answer is not shown");
    app.update(arrived(
        second,
        "article-nasional-ruu-data-anak-page-all.html",
    ));
    assert_eq!(
        current_title(&app),
        "DPR Sahkan RUU Perlindungan Data Anak Menjadi Undang-Undang"
    );
    assert!(app.history().0 == 0, "the dropped answer left no history");
}

#[test]
fn a_number_then_enter_follows_that_link_and_back_and_forward_keep_the_place() {
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    keys(&mut app, "jjjjj");
    assert_eq!(app.current().unwrap().scroll(), 5);
    // [1]–[2] are "Baca juga", [3] is the first "Terkini Lainnya" item.
    keys(&mut app, "3");
    let (id, url) = article_request(&key(&mut app, KeyCode::Enter));
    assert_eq!(
        url,
        "https://nasional.kompas.com/read/2026/11/25/10451231/dpr-sahkan-ruu-perlindungan-data-anak-menjadi-undang-undang"
    );
    app.update(arrived(id, "article-nasional-ruu-data-anak-page-all.html"));
    assert_eq!(
        current_title(&app),
        "DPR Sahkan RUU Perlindungan Data Anak Menjadi Undang-Undang"
    );
    assert_eq!(app.current().unwrap().scroll(), 0);
    keys(&mut app, "jj");

    key(&mut app, KeyCode::Backspace);
    assert_eq!(
        current_title(&app),
        "Jepang dan Korea Selatan Sepakati Latihan Penanggulangan Bencana Bersama"
    );
    assert_eq!(
        app.current().unwrap().scroll(),
        5,
        "back where the reader was"
    );
    keys(&mut app, "l");
    assert_eq!(
        current_title(&app),
        "DPR Sahkan RUU Perlindungan Data Anak Menjadi Undang-Undang"
    );
    assert_eq!(app.current().unwrap().scroll(), 2);
    keys(&mut app, "h");
    assert_eq!(app.history().1, 1);
    assert!(app.history().0 == 0);
    // Back with no history left returns to the list.
    keys(&mut app, "h");
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn an_error_is_shown_in_words_and_the_page_on_screen_stays() {
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    keys(&mut app, "1");
    let (id, url) = article_request(&key(&mut app, KeyCode::Enter));
    let words = format!("page not found (HTTP 404): {url}");
    app.update(not_found(id, &url));
    assert_eq!(app.error(), Some(words.as_str()));
    assert_eq!(
        current_title(&app),
        "Jepang dan Korea Selatan Sepakati Latihan Penanggulangan Bencana Bersama"
    );
    assert!(app.history().0 == 0);
    // The page that could not be read is offered to the browser.
    assert_eq!(keys(&mut app, "o"), [Request::OpenInBrowser { url }]);
}

#[test]
fn a_link_number_that_does_not_exist_says_so() {
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    let article = app.current().unwrap().article();
    // The tags are numbered on after the links.
    let links = article.numbered_links().count() + article.tags.len();
    assert!((10..99).contains(&links), "{links} links");
    keys(&mut app, "99");
    assert!(key(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(app.error(), Some("there is no link [99]"));
}

#[test]
fn resizing_relays_the_article_and_narrow_screens_show_one_pane() {
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    let wide = app.lines().width;
    let panes = app.panes();
    assert!(panes.list.is_some() && panes.reader.is_some());
    app.update(Msg::Resize(80, 24));
    assert_ne!(app.lines().width, wide);
    assert_eq!(app.lines().width, 78, "the reader fills the narrow screen");
    assert!(app.panes().list.is_none());
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::List);
    assert!(app.panes().reader.is_none());
}

#[test]
fn moving_past_the_end_of_the_list_loads_the_next_page() {
    let mut app = app_with_list();
    assert_eq!(
        app.list().next.as_deref(),
        Some("https://indeks.kompas.com/?page=2")
    );
    let reqs = keys(&mut app, "G");
    let [Request::Headlines { id, url, .. }] = reqs.as_slice() else {
        panic!("{reqs:?}")
    };
    assert_eq!(url, "https://indeks.kompas.com/?page=2");
    app.update(listed(*id, "indeks-page-2.html"));
    assert_eq!(app.list().headlines.len(), 22);
    assert_eq!(app.list().next, None);
    assert!(keys(&mut app, "G").is_empty(), "no page after the last");
}

#[test]
fn help_scrolls_and_closes_with_question_esc_or_q_without_quitting() {
    let mut app = app_with_list();
    app.update(Msg::Resize(80, 24));
    for close in [KeyCode::Char('?'), KeyCode::Esc, KeyCode::Char('q')] {
        key(&mut app, KeyCode::Char('?'));
        assert!(app.help());
        key(&mut app, close);
        assert!(!app.help(), "{close:?} closes the help");
        assert!(!app.quit(), "{close:?} over the help does not quit");
    }
    key(&mut app, KeyCode::Char('?'));
    keys(&mut app, "jj");
    assert_eq!(app.help_scroll(), 2);
    assert!(app.help(), "j scrolls the help");
    assert_eq!(app.list().selected, 0, "keys over the help do nothing else");
    key(&mut app, KeyCode::PageDown);
    key(&mut app, KeyCode::PageDown);
    let rows = usize::from(app.help_area().height) - 2;
    assert_eq!(
        app.help_scroll(),
        app.help_len() - rows,
        "down to the last line"
    );
    key(&mut app, KeyCode::Up);
    assert_eq!(app.help_scroll(), app.help_len() - rows - 1);
    keys(&mut app, "x");
    assert!(app.help(), "a key of nothing leaves the help open");
    key(&mut app, KeyCode::Esc);
    keys(&mut app, "q");
    assert!(app.quit());
}

#[test]
fn mouse_click_opens_a_headline_and_the_wheel_scrolls_the_pane_under_it() {
    let mut app = app_with_list();
    let click = |column, row| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // Row 0 holds the section tabs, row 1 the border; headlines take two rows each:
    // rows 6–7 are the third.
    let (id, url) = article_request(&app.update(click(10, 6)));
    assert_eq!(url, app.list().headlines[2].url);
    app.update(arrived(id, "article-global-latihan-bencana.html"));
    let wheel = Msg::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 90,
        row: 10,
        modifiers: KeyModifiers::NONE,
    });
    app.update(wheel);
    assert_eq!(app.current().unwrap().scroll(), 3);
    assert_eq!(app.list().selected, 2, "the list did not move");
}

fn settings_with_sections() -> Settings {
    Settings {
        sections: vec![
            ("Terkini".into(), "https://indeks.kompas.com/".into()),
            (
                "Nasional".into(),
                "https://indeks.kompas.com/?site=nasional".into(),
            ),
        ],
        ..Settings::default()
    }
}

#[test]
fn sections_switch_with_brackets_and_arrows_and_load_once() {
    let mut app = App::new(settings_with_sections(), (120, 40));
    let start = app.start();
    let [Request::Headlines { id, .. }] = start.as_slice() else {
        panic!("{start:?}")
    };
    app.update(listed(*id, "indeks-page-1.html"));
    let reqs = keys(&mut app, "]");
    let [Request::Headlines { url, .. }] = reqs.as_slice() else {
        panic!("{reqs:?}")
    };
    assert_eq!(url, "https://indeks.kompas.com/?site=nasional");
    assert_eq!(app.list().name, "Nasional");
    // → past the last section is the saved articles, which come from the store.
    let reqs = key(&mut app, KeyCode::Right);
    assert!(
        matches!(reqs.as_slice(), [Request::Saved { .. }]),
        "{reqs:?}"
    );
    assert!(app.is_saved_view());
    // Back to Nasional, then Terkini: both already loaded, nothing to fetch.
    assert!(key(&mut app, KeyCode::Left).is_empty());
    assert_eq!(app.list().name, "Nasional");
    assert!(key(&mut app, KeyCode::Left).is_empty());
    assert_eq!(app.list().name, "Terkini");
    assert_eq!(app.list().headlines.len(), 14);
}

/// In the reader ← and → do nothing by default, but a key the config binds works there:
/// `back = ["Left"]` goes back a page.
#[test]
fn rebinding_back_to_left_works_in_the_reader() {
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    let first = current_title(&app).to_string();
    key(&mut app, KeyCode::Left);
    assert_eq!(current_title(&app), first, "← does nothing in the reader");
    assert_eq!(app.focus(), Focus::Reader);

    let overrides = BTreeMap::from([("back".to_string(), vec!["Left".to_string()])]);
    let settings = Settings {
        keymap: Keymap::with_overrides(&overrides).unwrap(),
        ..Settings::default()
    };
    let mut app = app_with_list_in(settings);
    open_with(&mut app, "article-global-latihan-bencana.html");
    let first = current_title(&app).to_string();
    keys(&mut app, "1");
    let (id, _) = article_request(&key(&mut app, KeyCode::Enter));
    app.update(arrived(id, "article-bola-timnas.html"));
    assert_ne!(current_title(&app), first);
    let reqs = key(&mut app, KeyCode::Left);
    assert_eq!(current_title(&app), first, "← went back a page");
    assert!(
        matches!(reqs.as_slice(), [Request::SavePosition { .. }]),
        "{reqs:?}"
    );
    // In the list, ← is back's now, not the previous section's.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Left);
    assert_eq!(app.list().name, "Terkini");
}

#[test]
fn slash_filters_the_list_as_you_type_and_esc_clears() {
    let mut app = app_with_list();
    keys(&mut app, "/");
    keys(&mut app, "EMAS");
    assert_eq!(app.list().visible_len(), 1);
    assert_eq!(
        app.list().selected().unwrap().title,
        "Harga Emas Antam Hari Ini Turun Rp 8.000"
    );
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    keys(&mut app, "ko");
    assert_eq!(app.filter(), "EMko");
    assert_eq!(app.list().visible_len(), 0);
    key(&mut app, KeyCode::Esc);
    assert!(app.input().is_none() && app.filter().is_empty());
    assert_eq!(app.list().visible_len(), 14);
    // Enter keeps the filter; Esc afterwards clears it.
    keys(&mut app, "/tren");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.list().visible_len(), 2);
    let (_, url) = article_request(&key(&mut app, KeyCode::Enter));
    assert!(url.contains("/tren/"), "{url}");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.list().visible_len(), 14);
}

#[test]
fn find_in_the_article_jumps_between_matches() {
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    keys(&mut app, "/gempa");
    key(&mut app, KeyCode::Enter);
    let first = app.current().unwrap().scroll();
    assert!(first > 0, "jumped to the first match");
    assert!(
        app.lines().lines[first]
            .text
            .to_lowercase()
            .contains("gempa")
    );
    assert!(app.notice().unwrap().starts_with("match 1/"));
    keys(&mut app, "n");
    assert!(app.notice().unwrap().starts_with("match 2/"));
    assert!(app.current().unwrap().scroll() >= first);
    keys(&mut app, "N");
    assert!(app.notice().unwrap().starts_with("match 1/"));
    assert_eq!(app.current().unwrap().scroll(), first);
    key(&mut app, KeyCode::Esc);
    assert!(app.find().is_empty());
}

#[test]
fn read_marks_saving_and_copying_become_requests() {
    let mut app = app_with_list();
    assert_eq!(app.unread_count(), 14);
    let first = app.list().headlines[0].url.clone();
    assert_eq!(
        keys(&mut app, "u"),
        [Request::MarkRead {
            urls: vec![first.clone()],
            read: true
        }]
    );
    assert_eq!(app.unread_count(), 13);
    assert_eq!(
        keys(&mut app, "u"),
        [Request::MarkRead {
            urls: vec![first.clone()],
            read: false
        }]
    );
    let all = keys(&mut app, "U");
    assert!(matches!(&all[..], [Request::MarkRead { urls, read: true }] if urls.len() == 14));
    assert_eq!(app.unread_count(), 0);
    assert_eq!(
        keys(&mut app, "y"),
        [Request::Copy {
            text: first.clone()
        }]
    );

    open_with(&mut app, "article-bola-timnas.html");
    let reqs = keys(&mut app, "s");
    assert!(
        matches!(&reqs[..], [Request::SetSaved { saved: true, article }] if article.url == first)
    );
    assert!(app.is_saved(&first));
    let reqs = keys(&mut app, "s");
    assert!(matches!(
        &reqs[..],
        [Request::SetSaved { saved: false, .. }]
    ));
}

#[test]
fn an_article_reopens_where_the_reader_left_it() {
    let mut app = app_with_list();
    let (id, _) = article_request(&key(&mut app, KeyCode::Enter));
    app.update(Msg::Answer(Answer::Article {
        id,
        result: Ok(Box::new(article("article-global-latihan-bencana.html"))),
        position: 7,
        saved: true,
    }));
    assert_eq!(app.current().unwrap().scroll(), 7);
    assert!(app.is_saved(&app.current().unwrap().article().url));
    keys(&mut app, "jj");
    // Leaving asks the store to remember the place.
    let reqs = app.update(Msg::Quit);
    assert_eq!(
        reqs,
        [Request::SavePosition {
            url: "https://www.kompas.com/global/read/2026/11/24/193015670/jepang-dan-korea-selatan-sepakati-latihan-penanggulangan-bencana-bersama".into(),
            line: 9
        }]
    );
}

#[test]
fn a_failed_refresh_is_said_and_the_stored_list_stays() {
    let mut app = App::new(Settings::default(), (120, 40));
    let stored_at = chrono::Utc::now() - chrono::Duration::minutes(3);
    app.show_stored(index("indeks-page-1.html"), stored_at, Default::default());
    assert_eq!(
        app.list().headlines.len(),
        14,
        "drawn before anything is fetched"
    );
    let start = app.start();
    let [Request::Headlines { id, .. }] = start.as_slice() else {
        panic!("{start:?}")
    };
    app.update(Msg::Answer(Answer::Headlines {
        id: *id,
        result: Err(Error::Network {
            url: "https://indeks.kompas.com/".into(),
            reason: "connection refused".into(),
        }),
        fetched_at: chrono::Utc::now(),
        read: Default::default(),
    }));
    assert_eq!(app.list().headlines.len(), 14);
    assert_eq!(app.list().fetched_at, Some(stored_at));
    assert!(app.error().unwrap().contains("connection refused"));
    // The periodic refresh asks again.
    assert!(matches!(
        app.update(Msg::Refresh).as_slice(),
        [Request::Headlines { .. }]
    ));
}

#[test]
fn a_new_search_counts_a_match_on_the_line_at_the_top() {
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    keys(&mut app, "/jepang");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.current().unwrap().scroll(),
        0,
        "the title holds the word"
    );
    assert!(
        app.notice().unwrap().starts_with("match 1/"),
        "{:?}",
        app.notice()
    );
}

#[test]
fn a_click_on_a_numbered_link_opens_it() {
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    keys(&mut app, "G");
    let scroll = app.current().unwrap().scroll();
    let (line, n) = *app
        .lines()
        .link_lines
        .last()
        .expect("the article has links");
    // Row 0 holds the tabs, row 1 the reader's border; the text starts on row 2.
    let row = u16::try_from(2 + line - scroll).unwrap();
    let click = Msg::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 90,
        row,
        modifiers: KeyModifiers::NONE,
    });
    let (_, url) = article_request(&app.update(click));
    let article = &app.current().unwrap().article();
    assert_eq!(Some(url.as_str()), article.link_url(n));
    assert_eq!(
        url,
        "https://megapolitan.kompas.com/read/2026/11/24/21450011/krl-tambah-20-perjalanan-mulai-desember"
    );
}

/// What the reader shows when its store could not be opened (set at start, as the
/// terminal loop does).
const NO_STORE: &str = "no data directory: nothing will be kept";

#[test]
fn without_a_store_the_notice_outlasts_the_first_list_until_a_key() {
    let settings = Settings {
        store: false,
        ..Settings::default()
    };
    let mut app = App::new(settings, (120, 40));
    app.warn(NO_STORE.into());
    let start = app.start();
    let [Request::Headlines { id, .. }] = start.as_slice() else {
        panic!("{start:?}")
    };
    app.update(listed(*id, "indeks-page-1.html"));
    assert_eq!(app.list().headlines.len(), 14);
    assert_eq!(app.error(), Some(NO_STORE));
    assert!(common::screen(&app).contains(NO_STORE));
    // The user acts on something: the notice has been read.
    key(&mut app, KeyCode::Down);
    assert_eq!(app.error(), None);
    assert!(!common::screen(&app).contains(NO_STORE));
}

#[test]
fn a_failed_load_still_stays_until_something_loads() {
    let mut app = app_with_list();
    let reload = key(&mut app, KeyCode::Char('r'));
    let [Request::Headlines { id, .. }] = reload.as_slice() else {
        panic!("{reload:?}")
    };
    app.update(Msg::Answer(Answer::Headlines {
        id: *id,
        result: Err(Error::Network {
            url: "https://indeks.kompas.com/".into(),
            reason: "connection refused".into(),
        }),
        fetched_at: chrono::Utc::now(),
        read: Default::default(),
    }));
    let reload = key(&mut app, KeyCode::Char('r'));
    assert_eq!(
        app.error(),
        Some("cannot load https://indeks.kompas.com/: connection refused"),
        "kept over keys"
    );
    let [Request::Headlines { id, .. }] = reload.as_slice() else {
        panic!("{reload:?}")
    };
    app.update(listed(*id, "indeks-page-1.html"));
    assert_eq!(app.error(), None);
}

#[test]
fn without_a_store_s_says_saving_needs_it_and_saves_nothing() {
    for words in [kabar::words::EN, kabar::words::ID] {
        let mut app = app_with_list_in(Settings {
            store: false,
            words,
            ..Settings::default()
        });
        open_with(&mut app, "article-global-latihan-bencana.html");
        for _ in 0..2 {
            assert_eq!(
                key(&mut app, KeyCode::Char('s')),
                [],
                "nothing to keep it in"
            );
            assert_eq!(app.error(), Some(words.needs_store));
            assert!(!app.is_saved(&app.current().unwrap().article().url));
            let shown = common::screen(&app);
            assert!(shown.contains(words.needs_store), "{shown}");
            assert!(!shown.contains("· Tersimpan"), "{shown}");
        }
    }
    // With a store, the same key saves.
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    let asked = key(&mut app, KeyCode::Char('s'));
    assert!(matches!(
        asked.as_slice(),
        [Request::SetSaved { saved: true, .. }]
    ));
    assert!(common::screen(&app).contains("· Tersimpan"));
}

/// Ctrl-C quits whatever the reader is doing, a half-typed filter or search included,
/// and never types a "c".
#[test]
fn ctrl_c_quits_from_a_filter_or_a_find_prompt() {
    let ctrl_c = Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));

    let mut app = app_with_list();
    keys(&mut app, "/emas");
    assert!(app.input().is_some(), "the filter prompt is open");
    app.update(ctrl_c.clone());
    assert!(app.quit(), "Ctrl-C in the filter prompt quits");
    assert_eq!(app.filter(), "emas", "no c typed into the filter");

    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    keys(&mut app, "/gem");
    assert!(app.input().is_some(), "the find prompt is open");
    let reqs = app.update(ctrl_c);
    assert!(app.quit(), "Ctrl-C in the find prompt quits");
    assert!(
        reqs.iter()
            .any(|r| matches!(r, Request::SavePosition { .. })),
        "quitting keeps the reading position: {reqs:?}"
    );
}

#[test]
fn a_link_number_has_no_more_digits_than_the_count_of_links() {
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    let article = app.current().unwrap().article();
    let links = article.numbered_links().count() + article.tags.len();
    assert!((1..100).contains(&links), "{links} links");
    keys(&mut app, "123456789012");
    let typed = app.number().expect("a number being typed");
    assert!(
        typed.to_string().len() <= links.to_string().len(),
        "[{typed}] for {links} links"
    );
}

/// Opens the selected headline, then its link [1], which fails with a 404: the address.
fn follow_a_link_that_fails(app: &mut App) -> String {
    open_with(app, "article-bola-timnas.html");
    keys(app, "1");
    let (id, url) = article_request(&key(app, KeyCode::Enter));
    app.update(not_found(id, &url));
    url
}

/// An app at 80×24 (the list and the reader take turns) with the index loaded.
fn narrow_app() -> App {
    let mut app = app_with_list();
    app.update(Msg::Resize(80, 24));
    app
}

#[test]
fn narrow_backspace_returns_to_the_list_and_tab_brings_back_the_page_left() {
    let mut app = narrow_app();
    open_with(&mut app, "article-global-latihan-bencana.html");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('j'));
    open_with(&mut app, "article-nasional-ruu-data-anak-page-all.html");
    key(&mut app, KeyCode::Backspace);
    assert_eq!(
        app.focus(),
        Focus::List,
        "back to the list, not the page before"
    );
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus(), Focus::Reader);
    assert_eq!(
        current_title(&app),
        "DPR Sahkan RUU Perlindungan Data Anak Menjadi Undang-Undang"
    );
    assert_eq!(app.history(), (0, 0));
}

#[test]
fn reopening_the_article_on_screen_adds_no_history() {
    let mut app = narrow_app();
    open_with(&mut app, "article-global-latihan-bencana.html");
    keys(&mut app, "jjj");
    key(&mut app, KeyCode::Esc);
    // Enter on the same headline shows the page as it was left, without a new entry.
    let reqs = key(&mut app, KeyCode::Enter);
    assert!(
        !reqs.iter().any(|r| matches!(r, Request::Article { .. })),
        "{reqs:?}"
    );
    assert_eq!(app.focus(), Focus::Reader);
    assert_eq!(app.history(), (0, 0));
    assert_eq!(app.current().unwrap().scroll(), 3);
    // Answered again (a reload asked elsewhere, say) it still replaces, not stacks.
    let (id, _) = article_request(&key(&mut app, KeyCode::Char('r')));
    app.update(arrived(id, "article-global-latihan-bencana.html"));
    assert_eq!(app.history(), (0, 0));
}

#[test]
fn leaving_the_reader_with_esc_remembers_the_place() {
    let mut app = narrow_app();
    open_with(&mut app, "article-global-latihan-bencana.html");
    let url = app.current().unwrap().article().url.clone();
    keys(&mut app, "jjjj");
    let reqs = key(&mut app, KeyCode::Esc);
    assert_eq!(reqs, [Request::SavePosition { url, line: 4 }]);
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn after_j_enter_esc_the_list_starts_at_the_top() {
    let mut app = narrow_app();
    key(&mut app, KeyCode::Char('j'));
    open_with(&mut app, "article-global-latihan-bencana.html");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.list().offset, 0);
    assert_eq!(app.list().selected, 1);
}

#[test]
fn an_error_from_another_tab_shows_only_on_that_tab() {
    let mut app = app_with_list_in(settings_with_sections());
    let reqs = keys(&mut app, "]");
    let [Request::Headlines { id, url, .. }] = reqs.as_slice() else {
        panic!("{reqs:?}")
    };
    let words = format!("page not found (HTTP 404): {url}");
    app.update(Msg::Answer(Answer::Headlines {
        id: *id,
        result: Err(Error::Status {
            url: url.to_string(),
            status: 404,
            reason: "page not found".into(),
        }),
        fetched_at: chrono::Utc::now(),
        read: Default::default(),
    }));
    assert_eq!(app.error(), Some(words.as_str()));
    keys(&mut app, "[");
    assert_eq!(app.list().name, "Terkini");
    assert_eq!(app.error(), None, "not over another tab");
    keys(&mut app, "j");
    keys(&mut app, "]");
    assert_eq!(
        app.error(),
        Some(words.as_str()),
        "still there on its own tab, until it loads"
    );
}

#[test]
fn the_answer_to_the_key_just_pressed_shows_before_an_older_error() {
    let mut app = app_with_list();
    follow_a_link_that_fails(&mut app);
    keys(&mut app, "s");
    assert_eq!(app.notice(), Some("saved"));
    assert!(app.error().is_some(), "the error still stands");
    keys(&mut app, "s");
    assert_eq!(app.notice(), Some("no longer saved"));
    keys(&mut app, "j");
    assert_eq!(app.notice(), None, "a notice lasts until the next key");
}

#[test]
fn a_click_on_a_tab_selects_it() {
    let mut app = app_with_list_in(settings_with_sections());
    let bar = app.tab_bar();
    let nasional = bar.tabs.iter().find(|t| t.index == 1).unwrap();
    let click = |x| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: 0,
            modifiers: KeyModifiers::NONE,
        })
    };
    let reqs = app.update(click(nasional.x + 1));
    assert_eq!(app.tab(), 1);
    assert!(
        matches!(reqs.as_slice(), [Request::Headlines { .. }]),
        "{reqs:?}"
    );
    let terkini = app.tab_bar().tabs[0].x;
    app.update(click(terkini));
    assert_eq!(app.tab(), 0);
}

#[test]
fn the_browser_is_offered_only_beside_the_reader_error_it_is_for() {
    let mut app = app_with_list();
    let url = follow_a_link_that_fails(&mut app);
    assert_eq!(app.offer_browser(), Some(url.as_str()));
    // A refresh of the list fails in the background: its error is newer.
    let reqs = app.update(Msg::Refresh);
    let [Request::Headlines { id, .. }] = reqs.as_slice() else {
        panic!("{reqs:?}")
    };
    app.update(Msg::Answer(Answer::Headlines {
        id: *id,
        result: Err(Error::Network {
            url: "https://indeks.kompas.com/".into(),
            reason: "the host name could not be found".into(),
        }),
        fetched_at: chrono::Utc::now(),
        read: Default::default(),
    }));
    assert_eq!(
        app.error(),
        Some("cannot load https://indeks.kompas.com/: the host name could not be found")
    );
    assert_eq!(app.offer_browser(), None, "o would not open the list");
}

/// `o` is offered for a page the browser may show (not an article, a 404 behind which a
/// site may still answer a browser), never for one nothing can reach (offline, no
/// connection): the answer carries the kind of failure, not only its words.
#[test]
fn the_browser_is_offered_for_a_page_kabar_cannot_read_not_for_one_nobody_can_reach() {
    /// A failure for the address asked, and whether the browser is offered for it.
    type Case = (fn(String) -> Error, bool);
    let cases: [Case; 4] = [
        (Error::Offline, false),
        (
            |url| Error::Network {
                url,
                reason: "connection refused".into(),
            },
            false,
        ),
        (
            |url| Error::NotHtml {
                url,
                content_type: "application/pdf".into(),
            },
            true,
        ),
        (Error::NoText, true),
    ];
    for (error, offered) in cases {
        let mut app = app_with_list();
        open_with(&mut app, "article-global-latihan-bencana.html");
        keys(&mut app, "1");
        let (id, url) = article_request(&key(&mut app, KeyCode::Enter));
        let error = error(url.clone());
        let words = error.to_string();
        app.update(Msg::Answer(Answer::Article {
            id,
            result: Err(error),
            position: 0,
            saved: false,
        }));
        assert_eq!(app.error(), Some(words.as_str()));
        assert_eq!(
            app.offer_browser(),
            offered.then_some(url.as_str()),
            "{words}"
        );
    }
}

fn ctrl(app: &mut App, c: char) -> Vec<Request> {
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )))
}

#[test]
fn dot_jumps_to_the_next_unread_headline_and_in_the_reader_opens_it() {
    let mut app = app_with_list();
    let urls: Vec<String> = app.list().headlines.iter().map(|h| h.url.clone()).collect();
    // Headlines 1 and 2 read: from the first, `.` skips them.
    key(&mut app, KeyCode::Char('j'));
    keys(&mut app, "uju");
    key(&mut app, KeyCode::Char('g'));
    keys(&mut app, ".");
    assert_eq!(app.list().selected, 3);
    assert!(keys(&mut app, ".").is_empty(), "the list only moves");
    assert_eq!(app.list().selected, 4);
    // In the reader, it opens the next unread article after the one on screen.
    open_with(&mut app, "article-bola-timnas.html");
    let (_, url) = article_request(
        &keys(&mut app, ".")
            .into_iter()
            .filter(|r| matches!(r, Request::Article { .. }))
            .collect::<Vec<_>>(),
    );
    assert_eq!(url, urls[5]);
    assert_eq!(app.list().selected, 5);
    assert_eq!(app.focus(), Focus::Reader);
    // With everything read, it says so and stays.
    key(&mut app, KeyCode::Tab);
    keys(&mut app, "U");
    keys(&mut app, ".");
    assert_eq!(app.list().selected, 5);
    assert_eq!(app.notice(), Some("no unread headlines left in this list"));
}

#[test]
fn each_tab_shows_its_count_of_unread_headlines() {
    let mut app = app_with_list();
    let label = |app: &App| app.tab_bar().tabs[0].label.clone();
    assert_eq!(label(&app), " Terkini (14) ");
    keys(&mut app, "u");
    assert_eq!(label(&app), " Terkini (13) ");
    keys(&mut app, "/emas");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        label(&app),
        " Terkini (13) ",
        "the count is the list's, whatever the filter shows"
    );
    keys(&mut app, "U");
    key(&mut app, KeyCode::Esc);
    assert!(label(&app).contains("Terkini ("), "the filter hid some");
    keys(&mut app, "U");
    assert_eq!(label(&app), " Terkini ", "no count when all is read");
}

#[test]
fn a_number_then_o_opens_that_link_in_the_browser_and_then_y_copies_it() {
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    let link3 = "https://nasional.kompas.com/read/2026/11/25/10451231/dpr-sahkan-ruu-perlindungan-data-anak-menjadi-undang-undang";
    assert_eq!(
        keys(&mut app, "3o"),
        [Request::OpenInBrowser { url: link3.into() }]
    );
    assert_eq!(keys(&mut app, "3y"), [Request::Copy { text: link3.into() }]);
    assert_eq!(app.notice(), Some("address copied [3]"));
    let article = app.current().unwrap().article().url.clone();
    assert_eq!(keys(&mut app, "y"), [Request::Copy { text: article }]);
    // The tags are numbered on after the links: past them there is nothing.
    let a = app.current().unwrap().article();
    let none = a.numbered_links().count() + a.tags.len() + 1;
    assert!(keys(&mut app, &format!("{none}o")).is_empty());
    assert_eq!(
        app.error(),
        Some(format!("there is no link [{none}]").as_str())
    );
}

#[test]
fn ctrl_d_and_ctrl_u_move_half_a_page_in_both_panes() {
    let mut app = app_with_list();
    app.update(Msg::Resize(120, 24));
    key(&mut app, KeyCode::Char(' '));
    let page = app.list().selected;
    key(&mut app, KeyCode::Char('g'));
    ctrl(&mut app, 'd');
    let half = app.list().selected;
    assert!(half >= 2 && half == page / 2, "{half} of {page} headlines");
    ctrl(&mut app, 'u');
    assert_eq!(app.list().selected, 0);
    open_with(&mut app, "article-global-latihan-bencana.html");
    key(&mut app, KeyCode::Char(' '));
    let page = app.current().unwrap().scroll();
    key(&mut app, KeyCode::Char('g'));
    ctrl(&mut app, 'd');
    let half = app.current().unwrap().scroll();
    assert!(half >= 2 && half == page / 2, "{half} of {page} lines");
    ctrl(&mut app, 'd');
    ctrl(&mut app, 'u');
    assert_eq!(app.current().unwrap().scroll(), half);
    // `d` and `u` alone are not the Ctrl keys: `u` marks read.
    assert!(matches!(
        &keys(&mut app, "u")[..],
        [Request::MarkRead { .. }]
    ));
}

#[test]
fn ctrl_z_asks_to_suspend_from_anywhere_and_ctrl_c_still_quits() {
    let mut app = app_with_list();
    assert!(!app.take_suspend());
    ctrl(&mut app, 'z');
    assert!(app.take_suspend());
    assert!(!app.take_suspend(), "once");
    keys(&mut app, "/ban");
    ctrl(&mut app, 'z');
    assert!(app.take_suspend(), "from a prompt too");
    assert!(!app.quit());
    ctrl(&mut app, 'c');
    assert!(app.quit());
}

#[test]
fn ctrl_keys_are_bindable_by_name() {
    let overrides = BTreeMap::from([
        ("half_page_down".to_string(), vec!["ctrl-f".to_string()]),
        ("quit".to_string(), vec!["ctrl-q".to_string()]),
    ]);
    let settings = Settings {
        keymap: Keymap::with_overrides(&overrides).unwrap(),
        ..Settings::default()
    };
    let mut app = app_with_list_in(settings);
    ctrl(&mut app, 'd');
    assert_eq!(app.list().selected, 0, "ctrl-d no longer bound");
    ctrl(&mut app, 'f');
    assert!(app.list().selected >= 2);
    keys(&mut app, "q");
    assert!(!app.quit());
    ctrl(&mut app, 'q');
    assert!(app.quit());
}

#[test]
fn capital_o_opens_an_address_typed_in_in_the_reader() {
    let mut app = app_with_list();
    keys(&mut app, "O");
    assert!(keys(&mut app, "kompas com").is_empty(), "typed");
    assert!(key(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(app.error(), Some("not a web address: kompas com"));
    assert_eq!(app.focus(), Focus::List);
    keys(&mut app, "Oexample.org/news/1");
    let (id, url) = article_request(&key(&mut app, KeyCode::Enter));
    assert_eq!(url, "https://example.org/news/1");
    assert_eq!(app.focus(), Focus::Reader);
    app.update(arrived(id, "article-bola-timnas.html"));
    assert!(app.current().is_some());
    // A full address, Kompas or not, is taken as it is; Esc drops the prompt.
    keys(&mut app, "Ohttp://news.example.com/x");
    let (_, url) = article_request(&key(&mut app, KeyCode::Enter));
    assert_eq!(url, "http://news.example.com/x");
    keys(&mut app, "Oabc");
    assert!(key(&mut app, KeyCode::Esc).is_empty());
    assert!(app.input().is_none());
}

#[test]
fn starting_on_an_address_asks_for_that_article_first_then_the_list() {
    let mut app = App::new(Settings::default(), (120, 40));
    let start = app.start_at("https://www.kompas.com/read/2024/01/01/x");
    let [
        Request::Article { id, url, .. },
        Request::Headlines { id: list, .. },
    ] = start.as_slice()
    else {
        panic!("{start:?}")
    };
    assert_eq!(url, "https://www.kompas.com/read/2024/01/01/x");
    assert_eq!(app.focus(), Focus::Reader);
    app.update(listed(*list, "indeks-page-1.html"));
    app.update(arrived(*id, "article-bola-timnas.html"));
    assert!(app.current().is_some());
    assert_eq!(app.list().headlines.len(), 14);
}

/// The role of the lines showing link `n` of the article on screen.
fn link_roles(app: &App, n: usize) -> Vec<kabar::app::layout::Role> {
    let lines = app.lines();
    lines
        .link_lines
        .iter()
        .filter(|(_, m)| *m == n)
        .flat_map(|(line, _)| app.line_pieces(*line).into_iter().map(|(_, r)| r))
        .collect()
}

#[test]
fn a_numbered_link_already_read_looks_different_from_one_unread() {
    use kabar::app::layout::Role;
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    let unread = link_roles(&app, 3);
    assert!(
        !unread.is_empty() && unread.iter().all(|r| *r == Role::Link),
        "{unread:?}"
    );
    keys(&mut app, "3");
    let (id, _) = article_request(&key(&mut app, KeyCode::Enter));
    app.update(arrived(id, "article-nasional-ruu-data-anak-page-all.html"));
    key(&mut app, KeyCode::Backspace);
    let read = link_roles(&app, 3);
    assert!(
        !read.is_empty() && read.iter().all(|r| *r == Role::LinkRead),
        "{read:?}"
    );
    let other = link_roles(&app, 2);
    assert!(
        !other.is_empty() && other.iter().all(|r| *r == Role::Link),
        "{other:?}"
    );
}

#[test]
fn the_editor_and_tags_show_under_the_meta_line() {
    let mut app = app_with_list();
    open_with(&mut app, "article-bola-timnas.html");
    let a = app.current().unwrap().article().clone();
    let text: Vec<&str> = app.lines().lines.iter().map(|l| l.text.as_str()).collect();
    let body = &a.body[0].text;
    let first_body = text
        .iter()
        .position(|l| body.starts_with(l.trim()))
        .unwrap();
    let head = text[..first_body].join("\n");
    if let Some(editor) = &a.editor {
        assert!(head.contains(&format!("Editor: {editor}")), "{head}");
    }
    assert!(
        a.editor.is_some() || !a.tags.is_empty(),
        "the fixture has some"
    );
    if let Some(tag) = a.tags.first() {
        assert!(
            head.contains("Tag: ") && head.contains(tag.as_str()),
            "{head}"
        );
    }
}

#[test]
fn a_refresh_marks_the_headlines_it_brought_new_until_seen_and_counts_them() {
    let mut app = App::new(Settings::default(), (120, 40));
    let full = index("indeks-page-1.html");
    let mut older = full.clone();
    // The stored list lacks the three newest, and has the first one selected.
    let newest: Vec<String> = older.headlines.drain(..3).map(|h| h.url).collect();
    app.show_stored(older, chrono::Utc::now(), Default::default());
    let start = app.start();
    let [Request::Headlines { id, .. }] = start.as_slice() else {
        panic!("{start:?}")
    };
    app.update(Msg::Answer(Answer::Headlines {
        id: *id,
        result: Ok(full),
        fetched_at: chrono::Utc::now(),
        read: Default::default(),
    }));
    assert_eq!(app.notice(), Some("3 new"));
    let new: Vec<bool> = newest.iter().map(|u| app.list().is_new(u)).collect();
    assert_eq!(new, [true; 3], "selected {}", app.list().selected);
    let old = &app.list().headlines[3].url;
    assert!(!app.list().is_new(old), "unread, but not new");
    // The selection stayed on the headline it was on; moving up sees one.
    keys(&mut app, "k");
    assert!(!app.list().is_new(&newest[2]));
    assert!(app.list().is_new(&newest[0]));
    // Leaving the list sees the rest.
    keys(&mut app, "]");
    keys(&mut app, "[");
    assert!(newest.iter().all(|u| !app.list().is_new(u)));
}

#[test]
fn the_position_is_where_the_top_of_the_view_is_and_the_title_names_the_section() {
    let mut app = App::new(Settings::default(), (80, 24));
    let start = app.start();
    let [Request::Headlines { id, .. }] = start.as_slice() else {
        panic!("{start:?}")
    };
    app.update(listed(*id, "indeks-page-1.html"));
    open_with(&mut app, "article-global-latihan-bencana.html");
    let url = app.current().unwrap().article().url.clone();
    assert_eq!(app.section_of(&url), Some("Global"));
    assert_eq!(app.position_percent(), Some(0), "at the top of the article");
    keys(&mut app, "G");
    assert_eq!(app.position_percent(), Some(100), "its end on screen");
    let half = app.max_scroll() / 2;
    keys(&mut app, "g");
    keys(&mut app, &"j".repeat(half));
    assert_eq!(app.position_percent(), Some(half * 100 / app.max_scroll()));
}

#[test]
fn s_on_a_headline_fetches_its_article_and_saves_it_or_says_why_not() {
    let mut app = app_with_list();
    let first = app.list().headlines[0].clone();
    let (id, url) = article_request(&keys(&mut app, "s"));
    assert_eq!(url, first.url);
    assert_eq!(app.focus(), Focus::List, "the list stays in front");
    assert_eq!(
        app.notice(),
        Some(format!("saving “{}”…", first.title).as_str())
    );
    app.update(not_found(id, &url));
    assert!(!app.is_saved(&url));
    assert_eq!(
        app.error(),
        Some(
            format!(
                "not saved “{}”: page not found (HTTP 404): {url}",
                first.title
            )
            .as_str()
        )
    );
    assert!(app.current().is_none(), "nothing opened in the reader");

    let (id, url) = article_request(&keys(&mut app, "s"));
    assert_eq!(app.error(), None, "the key was the user acting on it");
    let reqs = app.update(arrived(id, "article-bola-timnas.html"));
    let saved_url = match reqs.as_slice() {
        [
            Request::MarkRead { urls, read: false },
            Request::SetSaved {
                article,
                saved: true,
            },
        ] => {
            assert_eq!(urls[0], url, "saving does not read it");
            article.url.clone()
        }
        other => panic!("{other:?}"),
    };
    assert!(app.is_saved(&url) && app.is_saved(&saved_url));
    assert!(!app.is_read(&url));
    assert_eq!(app.notice(), Some("saved"));
    // Saved, the same key unsaves it without fetching anything.
    let reqs = keys(&mut app, "s");
    assert!(
        matches!(reqs.as_slice(), [Request::SetSaved { saved: false, .. }]),
        "{reqs:?}"
    );
    assert!(!app.is_saved(&url));
}

#[test]
fn s_in_the_list_saves_the_selected_headline_not_the_page_on_screen() {
    let mut app = app_with_list();
    let on_screen = open_with(&mut app, "article-bola-timnas.html");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('j'));
    let reqs = keys(&mut app, "s");
    let (_, url) = article_request(&reqs);
    assert_eq!(url, app.list().headlines[1].url);
    assert!(!app.is_saved(&on_screen));
    // The headline of the page on screen is saved at once.
    key(&mut app, KeyCode::Char('k'));
    let reqs = keys(&mut app, "s");
    assert!(
        matches!(reqs.as_slice(), [Request::SetSaved { saved: true, .. }]),
        "{reqs:?}"
    );
}

#[test]
fn s_with_nothing_to_save_says_so() {
    let mut app = App::new(Settings::default(), (120, 40));
    app.start();
    assert!(keys(&mut app, "s").is_empty());
    assert_eq!(app.error(), Some("nothing to save: no article here"));
}

#[test]
fn a_failed_open_says_the_page_before_stays_and_offers_the_browser() {
    let mut app = app_with_list();
    let url = follow_a_link_that_fails(&mut app);
    assert!(app.kept_page());
    assert_eq!(app.offer_browser(), Some(url.as_str()));
    let reqs = keys(&mut app, "o");
    assert_eq!(reqs, [Request::OpenInBrowser { url }]);
}

/// An app with the index loaded, on a clock stopped at the test clock's time.
fn app_on_a_stopped_clock() -> (App, kabar::app::Clock) {
    let clock = kabar::app::Clock::stopped(common::test_now().to_utc());
    let app = app_with_list_in(Settings {
        clock: clock.clone(),
        ..Settings::default()
    });
    (app, clock)
}

#[test]
fn a_notice_ends_after_a_few_seconds_and_an_error_stays() {
    let (mut app, clock) = app_on_a_stopped_clock();
    assert_eq!(app.wake_at(), None, "nothing to wake for");
    keys(&mut app, "y");
    assert_eq!(app.notice(), Some("address copied"));
    let ends = common::test_now().to_utc() + chrono::TimeDelta::seconds(4);
    assert_eq!(
        app.wake_at(),
        Some(ends),
        "one wake-up, at the notice's end"
    );
    clock.advance(chrono::TimeDelta::seconds(3));
    app.update(Msg::Wake);
    assert_eq!(app.notice(), Some("address copied"), "not yet");
    clock.advance(chrono::TimeDelta::seconds(1));
    app.update(Msg::Wake);
    assert_eq!(app.notice(), None);
    assert_eq!(app.wake_at(), None, "idle: nothing to wake for");

    // An error outlasts any wait, until the user acts.
    let [Request::Headlines { id, .. }] = app.update(Msg::Refresh)[..] else {
        panic!()
    };
    app.update(Msg::Answer(Answer::Headlines {
        id,
        result: Err(Error::Offline("https://indeks.kompas.com/".into())),
        fetched_at: chrono::Utc::now(),
        read: Default::default(),
    }));
    assert!(app.error().is_some());
    assert_eq!(app.wake_at(), None, "an error asks for no wake-up");
    clock.advance(chrono::TimeDelta::hours(1));
    app.update(Msg::Wake);
    assert!(app.error().is_some(), "still there an hour later");
}

#[test]
fn m_shows_the_messages_with_their_times_scrolls_and_closes() {
    let (mut app, clock) = app_on_a_stopped_clock();
    app.update(Msg::Resize(80, 24));
    keys(&mut app, "y");
    clock.advance(chrono::TimeDelta::seconds(90));
    keys(&mut app, "/zzz");
    key(&mut app, KeyCode::Enter);
    let logged: Vec<(String, bool)> = app.messages().map(|m| (m.words.clone(), m.error)).collect();
    assert_eq!(
        logged,
        [
            ("filter: zzz".to_string(), false),
            ("address copied".to_string(), false)
        ],
        "the newest first"
    );
    let times: Vec<_> = app.messages().map(|m| m.at).collect();
    assert_eq!(times[0] - times[1], chrono::TimeDelta::seconds(90));

    for close in [KeyCode::Char('M'), KeyCode::Esc, KeyCode::Char('q')] {
        key(&mut app, KeyCode::Char('M'));
        assert_eq!(app.overlay(), Some(kabar::app::Overlay::Messages));
        key(&mut app, close);
        assert_eq!(app.overlay(), None, "{close:?} closes the messages");
        assert!(!app.quit());
    }
    // More messages than the box shows: it scrolls, down to the oldest.
    for _ in 0..40 {
        keys(&mut app, "y");
    }
    key(&mut app, KeyCode::Char('M'));
    keys(&mut app, "?");
    assert!(!app.help(), "? does not open the help over the messages");
    key(&mut app, KeyCode::End);
    let rows = usize::from(app.help_area().height) - 2;
    assert_eq!(app.help_scroll(), app.messages().count() - rows);
    assert_eq!(
        app.list().selected,
        0,
        "keys over the messages do nothing else"
    );
}

#[test]
fn the_message_history_keeps_the_last_hundred() {
    let mut app = app_with_list();
    for _ in 0..150 {
        keys(&mut app, "y");
    }
    assert_eq!(app.messages().count(), 100);
}

#[test]
fn list_width_and_wrapped_titles_set_the_list_and_what_a_click_hits() {
    let mut app = app_with_list_in(Settings {
        list_width: kabar::config::ListWidth::Columns(60),
        wrap_titles: true,
        ..Settings::default()
    });
    assert_eq!(app.panes().list.unwrap().width, 60);
    app.update(Msg::Resize(200, 50));
    assert_eq!(app.panes().list.unwrap().width, 60);
    // Three rows a headline: the click on the second headline's second title line
    // (row 1 is the border, rows 2–4 the first headline) selects and opens it.
    let reqs = app.update(Msg::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row: 6,
        modifiers: KeyModifiers::NONE,
    }));
    let (_, url) = article_request(&reqs);
    assert_eq!(url, app.list().headlines[1].url);
    // A page of the list is as many headlines as fit whole: 16 rows inside, 5 of them.
    app.update(Msg::Resize(120, 20));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::PageDown);
    assert_eq!(app.list().selected, 6);
}

#[test]
fn embedded_videos_and_posts_are_numbered_links_in_the_text_that_o_opens() {
    let mut app = app_with_list();
    open_with(&mut app, "article-bola-timnas.html");
    let article = app.current().unwrap().article().clone();
    let others = article.related.len() + article.terkini.len();
    let lines: Vec<&str> = app.lines().lines.iter().map(|l| l.text.as_str()).collect();
    let post = format!(
        "[post] [{}] https://twitter.com/timnasindonesia/status/1861234567890",
        others + 1
    );
    let video = format!(
        "[video] [{}] https://video.kompas.com/embed/v/x9k2la",
        others + 2
    );
    let at = |text: &str| lines.iter().position(|l| *l == text);
    let (post_at, video_at) = (at(&post).expect(&post), at(&video).expect(&video));
    // Where they were: the post after the goal, the video before the coach's words.
    let goal = lines
        .iter()
        .position(|l| l.starts_with("Gol pertama"))
        .unwrap();
    let coach = lines
        .iter()
        .position(|l| l.starts_with("Pelatih timnas"))
        .unwrap();
    assert!(
        goal < post_at && post_at < video_at && video_at < coach,
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Foto: Pemain timnas Indonesia merayakan")),
        "the lead photo's caption under the meta line: {lines:#?}"
    );
    assert_eq!(
        lines.iter().filter(|l| l.contains("x9k2la")).count(),
        1,
        "shown once, in the text"
    );
    let reqs = keys(&mut app, &format!("{}o", others + 2));
    assert_eq!(
        reqs,
        [Request::OpenInBrowser {
            url: "https://video.kompas.com/embed/v/x9k2la".into()
        }]
    );
}

#[test]
fn capital_s_shows_the_saved_articles_and_a_section_key_leaves_them() {
    let mut app = app_with_list_in(settings_with_sections());
    let reqs = keys(&mut app, "S");
    let [Request::Saved { id }] = reqs[..] else {
        panic!("{reqs:?}")
    };
    assert!(app.is_saved_view());
    assert_eq!(app.list().name, "Tersimpan");
    let saved = article("article-bola-timnas.html").into_headline();
    app.update(Msg::Answer(Answer::Saved {
        id,
        list: vec![saved.clone()],
    }));
    assert_eq!(app.list().headlines, std::slice::from_ref(&saved));
    assert!(
        app.is_saved(&saved.url),
        "what the store holds is known saved"
    );
    // Shown again, the list is asked for again: it changes as articles are saved.
    keys(&mut app, "[");
    assert!(!app.is_saved_view());
    assert!(matches!(keys(&mut app, "S")[..], [Request::Saved { .. }]));
}

#[test]
fn b_and_page_up_go_back_a_page_in_the_list_and_in_the_reader() {
    let mut app = app_with_list();
    // 16 rows inside the list: a page is 8 headlines.
    app.update(Msg::Resize(120, 20));
    keys(&mut app, "G");
    let last = app.list().selected;
    assert_eq!(last, 13);
    keys(&mut app, "b");
    assert_eq!(app.list().selected, 5);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(app.list().selected, 0);
    let (id, _) = article_request(&key(&mut app, KeyCode::Enter));
    app.update(arrived(id, "article-nasional-ruu-data-anak-page-all.html"));
    keys(&mut app, "G");
    let bottom = app.current().unwrap().scroll();
    // A page in the reader is its rows less two kept for context.
    let page = usize::from(app.panes().reader.unwrap().height - 2) - 2;
    assert!(bottom > 2 * page, "long enough to page back twice");
    keys(&mut app, "b");
    assert_eq!(app.current().unwrap().scroll(), bottom - page);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(app.current().unwrap().scroll(), bottom - 2 * page);
}

#[test]
fn photos_show_as_captioned_lines_in_the_text_that_i_and_enter_open_in_the_viewer() {
    let mut app = common::reader_with(common::photo_article(), (120, 40));
    let lines: Vec<&str> = app.lines().lines.iter().map(|l| l.text.as_str()).collect();
    let at = |start: &str| {
        lines
            .iter()
            .position(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("{start}: {lines:#?}"))
    };
    let boat = at("[foto] [1] Pedagang menawarkan jeruk dari atas perahu.");
    let cake = at("[foto] [2] Kue bingka, jajanan khas Banjar.");
    // Where they were in the page: each after the paragraph before it.
    assert!(at("Puluhan perahu") < boat && boat < at("Pedagang menawarkan dagangannya"));
    assert!(at("Pedagang menawarkan dagangannya") < cake && cake < at("Pemerintah daerah"));
    assert!(!lines.contains(&"Foto"), "not listed again under the text");
    let viewer = |url: &str| {
        vec![Request::OpenPhoto {
            url: format!("https://asset.kompas.com/data/photo/2026/11/26/{url}"),
        }]
    };
    // The whole article fits: `i` takes the first photo on screen; `2 i` the second.
    assert_eq!(keys(&mut app, "i"), viewer("perahu.png"));
    assert_eq!(keys(&mut app, "2i"), viewer("kue.jpg"));
    assert_eq!(keys(&mut app, "2"), []);
    assert_eq!(key(&mut app, KeyCode::Enter), viewer("kue.jpg"));
    assert_eq!(keys(&mut app, "9i"), []);
    assert!(
        common::screen(&app).contains("there is no photo [9]"),
        "{}",
        common::screen(&app)
    );
}

/// Without pictures too (over SSH, say), a photo that failed has its line marked as soon
/// as the failure comes in.
#[test]
fn a_failed_photo_is_marked_where_it_sits_without_pictures() {
    let mut app = common::reader_with(common::photo_article(), (120, 40));
    let url = app
        .current()
        .unwrap()
        .article()
        .photo(2)
        .unwrap()
        .url
        .clone();
    let line = |app: &App| {
        let lines = &app.lines().lines;
        lines
            .iter()
            .find(|l| l.text.contains("[2] Kue bingka"))
            .map(|l| l.text.clone())
            .unwrap()
    };
    assert_eq!(line(&app), "[foto] [2] Kue bingka, jajanan khas Banjar.");
    app.update(Msg::Answer(Answer::Photo {
        url,
        result: Err("the photo cannot be read".into()),
    }));
    assert_eq!(
        line(&app),
        "[foto: not loaded] [2] Kue bingka, jajanan khas Banjar."
    );
}

#[test]
fn i_with_no_photo_on_screen_opens_the_lead_photo() {
    let mut app = common::reader_with(common::photo_article(), (120, 12));
    assert_eq!(
        keys(&mut app, "i"),
        [Request::OpenPhoto {
            url: "https://asset.kompas.com/data/photo/2026/11/26/lead.png".into()
        }]
    );
}

/// Opens the selected headline and answers it with the article of photos; the requests
/// that answer brought.
fn open_photo_article(app: &mut App) -> Vec<Request> {
    let (id, _) = article_request(&key(app, KeyCode::Enter));
    app.update(Msg::Answer(Answer::Article {
        id,
        result: Ok(Box::new(common::photo_article())),
        position: 0,
        saved: false,
    }))
}

fn photo_urls(reqs: &[Request]) -> Vec<&str> {
    reqs.iter()
        .filter_map(|r| match r {
            Request::Photo { url, article } => {
                assert!(
                    article.ends_with("/pasar-terapung-lok-baintan"),
                    "{article}"
                );
                Some(url.rsplit('/').next().unwrap())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn photos_are_asked_for_once_each_when_they_come_on_screen() {
    let mut app = app_with_list();
    app.update(Msg::Resize(80, 12));
    let first = open_photo_article(&mut app);
    // The top of the article: the lead photo, and no photo further down.
    assert_eq!(photo_urls(&first), ["lead.png"]);
    assert_eq!(
        photo_urls(&key(&mut app, KeyCode::Char('j'))),
        Vec::<&str>::new()
    );
    let end = key(&mut app, KeyCode::Char('G'));
    let asked = photo_urls(&end);
    assert!(asked.contains(&"putus.png"), "{asked:?}");
    assert!(!asked.contains(&"lead.png"), "asked once: {asked:?}");
    // Back to the top and down line by line: each photo of the text comes on screen,
    // and is asked for once in all.
    let mut walked = key(&mut app, KeyCode::Char('g'));
    for _ in 0..40 {
        walked.extend(key(&mut app, KeyCode::Char('j')));
    }
    let mut all: Vec<&str> = asked.iter().copied().chain(photo_urls(&walked)).collect();
    all.sort_unstable();
    assert_eq!(all, ["besar.png", "kue.jpg", "perahu.png", "putus.png"]);

    let lead = "https://asset.kompas.com/data/photo/2026/11/26/lead.png";
    assert_eq!(app.photo_state(lead), Some(&PhotoState::Loading));
    let size = kabar::picture::Size {
        width: 1200,
        height: 800,
    };
    app.update(Msg::Answer(Answer::Photo {
        url: lead.into(),
        result: Ok(size),
    }));
    assert_eq!(app.photo_state(lead), Some(&PhotoState::Ready(size)));
}

#[test]
fn images_off_asks_for_no_photo() {
    let mut app = app_with_list_in(Settings {
        images: kabar::config::Images::Off,
        ..Settings::default()
    });
    assert_eq!(
        photo_urls(&open_photo_article(&mut app)),
        Vec::<&str>::new()
    );
    assert_eq!(
        photo_urls(&key(&mut app, KeyCode::Char('G'))),
        Vec::<&str>::new()
    );
}

#[test]
fn i_in_the_list_opens_nothing() {
    let mut app = common::reader_with(common::photo_article(), (120, 40));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(keys(&mut app, "i"), []);
}

/// The one list request in `reqs`: its id and address.
fn list_request(reqs: &[Request]) -> (u64, String) {
    match reqs {
        [Request::Headlines { id, url, .. }] => (*id, url.clone()),
        other => panic!("expected one list request, got {other:?}"),
    }
}

fn tab_names(app: &App) -> Vec<&str> {
    app.lists().iter().map(|l| l.name.as_str()).collect()
}

/// An app at 120×40 with two tabs, the index and `name` at `url`, started.
fn terkini_and(name: &str, url: &str) -> App {
    let mut app = App::new(
        Settings {
            sections: vec![
                ("Terkini".into(), "https://indeks.kompas.com/".into()),
                (name.into(), url.into()),
            ],
            ..Settings::default()
        },
        (120, 40),
    );
    app.start();
    app
}

/// A tab whose list could not load says so in the tab bar, whichever tab is on screen,
/// until the list loads.
#[test]
fn a_tab_whose_list_failed_is_marked_in_the_tab_bar_until_it_loads() {
    let mut app = terkini_and("Bola", "https://indeks.kompas.com/?site=bola");
    let (id, url) = list_request(&key(&mut app, KeyCode::Char(']')));
    let labels = |app: &App| -> Vec<String> {
        app.tab_bar()
            .tabs
            .iter()
            .map(|t| t.label.trim().to_string())
            .collect()
    };
    app.update(Msg::Answer(Answer::Headlines {
        id,
        result: Err(Error::Network {
            url,
            reason: "connection refused".into(),
        }),
        fetched_at: chrono::Utc::now(),
        read: Default::default(),
    }));
    assert_eq!(labels(&app), ["Terkini", "Bola !", "Tersimpan"]);
    keys(&mut app, "[");
    assert_eq!(app.error(), None, "the error shows on its own tab only");
    assert_eq!(
        labels(&app),
        ["Terkini", "Bola !", "Tersimpan"],
        "the mark everywhere"
    );
    let (id, _) = list_request(&keys(&mut app, "]"));
    app.update(listed(id, "indeks-page-2.html"));
    assert_eq!(labels(&app)[1], "Bola (8)");
}

#[test]
fn f_searches_the_store_and_at_words_search_kompas_in_one_extra_tab() {
    let mut app = app_with_list();
    key(&mut app, KeyCode::Char('f'));
    let reqs = keys(&mut app, "banjir");
    assert!(reqs.is_empty(), "nothing asked while typing");
    let reqs = key(&mut app, KeyCode::Enter);
    let [Request::SearchStore { id, query }] = reqs.as_slice() else {
        panic!("{reqs:?}")
    };
    assert_eq!(query, "banjir");
    assert_eq!(tab_names(&app), ["Terkini", "search: banjir", "Tersimpan"]);
    assert_eq!(app.tab(), 1);
    assert!(app.list_loading());
    app.update(hits(*id, STORED, "banjir"));
    let list = app.list();
    let titles: Vec<&str> = list.headlines.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(titles.len(), 1, "the hits are the tab's list: {titles:?}");
    let passage = list.passage(&list.headlines[0].url).expect("a passage");
    let marked: Vec<&str> = passage
        .marks
        .iter()
        .map(|r| &passage.text[r.clone()])
        .collect();
    assert!(!marked.is_empty(), "{}", passage.text);
    assert!(
        marked.iter().all(|w| w.to_lowercase().contains("banjir")),
        "{marked:?}"
    );

    // `@` searches Kompas instead, in the same tab, paged like any list.
    key(&mut app, KeyCode::Char('f'));
    keys(&mut app, "@banjir rob");
    let (_, url) = list_request(&key(&mut app, KeyCode::Enter));
    assert_eq!(
        url,
        "https://search.kompas.com/search?q=banjir+rob&sort=latest&page=1"
    );
    assert_eq!(tab_names(&app), ["Terkini", "@banjir rob", "Tersimpan"]);

    // Words too short to search for ask nothing.
    key(&mut app, KeyCode::Char('f'));
    keys(&mut app, "a");
    assert!(key(&mut app, KeyCode::Enter).is_empty());
}

#[test]
fn day_keys_step_through_the_index_by_day_and_the_tab_shows_the_day() {
    let mut app = App::new(settings_with_sections(), (120, 40));
    app.start();
    key(&mut app, KeyCode::Char(']'));
    let today = kabar::sites::kompas::today();
    let day = |n: i64| today - chrono::TimeDelta::days(n);

    let (_, url) = list_request(&key(&mut app, KeyCode::Char('<')));
    assert_eq!(
        url,
        format!("https://indeks.kompas.com/?site=nasional&date={}", day(1))
    );
    assert_eq!(app.list().name, format!("Nasional · {}", day(1)));
    let (_, url) = list_request(&key(&mut app, KeyCode::Char('<')));
    assert!(url.ends_with(&format!("date={}", day(2))), "{url}");
    assert_eq!(tab_names(&app).len(), 4, "one extra tab, replaced");
    let (_, url) = list_request(&key(&mut app, KeyCode::Char('>')));
    assert!(url.ends_with(&format!("date={}", day(1))), "{url}");
    key(&mut app, KeyCode::Char('>'));
    // No index after today: said, nothing asked.
    assert!(key(&mut app, KeyCode::Char('>')).is_empty());
    assert!(
        app.error().unwrap_or_default().contains("after today"),
        "{:?}",
        app.error()
    );

    key(&mut app, KeyCode::Char('D'));
    keys(&mut app, "2026-11-24");
    let (_, url) = list_request(&key(&mut app, KeyCode::Enter));
    assert_eq!(
        url,
        "https://indeks.kompas.com/?site=nasional&date=2026-11-24"
    );
    assert_eq!(app.list().name, "Nasional · 2026-11-24");

    key(&mut app, KeyCode::Char('D'));
    keys(&mut app, "24/11/2026");
    assert!(key(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(app.error(), Some("not a date (YYYY-MM-DD): 24/11/2026"));
}

#[test]
fn an_articles_tags_are_numbered_links_that_open_the_tags_list() {
    let mut app = app_with_list();
    open_with(&mut app, "article-regional-banjir-rob.html");
    let lines: Vec<&str> = app.lines().lines.iter().map(|l| l.text.as_str()).collect();
    assert!(
        lines.contains(&"Tag: [8] banjir rob · [9] Semarang"),
        "{lines:#?}"
    );
    keys(&mut app, "8");
    let (_, url) = list_request(&key(&mut app, KeyCode::Enter));
    assert_eq!(url, "https://www.kompas.com/tag/banjir-rob");
    assert_eq!(app.focus(), Focus::List);
    assert_eq!(app.list().name, "#banjir rob");
    // The links before the tags keep their numbers.
    key(&mut app, KeyCode::Tab);
    keys(&mut app, "7");
    let (_, url) = article_request(&key(&mut app, KeyCode::Enter));
    assert!(url.contains("/read/"), "{url}");
}

#[test]
fn an_article_opened_from_a_search_shows_the_searched_word_found() {
    let mut app = app_with_list();
    key(&mut app, KeyCode::Char('f'));
    keys(&mut app, "banjir pesisir");
    let reqs = key(&mut app, KeyCode::Enter);
    let [Request::SearchStore { id, .. }] = reqs.as_slice() else {
        panic!("{reqs:?}")
    };
    app.update(hits(*id, STORED, "banjir pesisir"));
    open_with(&mut app, "article-regional-banjir-rob.html");
    // The longest word, found inside longer words too, every match marked.
    assert_eq!(app.find(), "pesisir");
    let notice = app.notice().unwrap_or_default();
    assert!(notice.starts_with("match 1/"), "{notice}");

    // From a list that is no search, nothing is searched for.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('['));
    key(&mut app, KeyCode::Char('j'));
    open_with(&mut app, "article-regional-banjir-rob.html");
    assert_eq!(app.find(), "");
}

#[test]
fn tags_are_numbered_after_the_videos_and_photos_so_no_two_links_share_a_number() {
    let mut article = common::photo_article();
    article.tags = vec!["terumbu karang".into()];
    let last_link = article.numbered_links().count();
    assert!(!article.photos.is_empty());
    let mut app = common::reader_with(article, (120, 40));
    let lines: Vec<&str> = app.lines().lines.iter().map(|l| l.text.as_str()).collect();
    let tag_line = format!("Tag: [{}] terumbu karang", last_link + 1);
    assert!(lines.contains(&tag_line.as_str()), "{lines:#?}");
    keys(&mut app, &(last_link + 1).to_string());
    let (_, url) = list_request(&key(&mut app, KeyCode::Enter));
    assert_eq!(url, "https://www.kompas.com/tag/terumbu-karang");
}

#[test]
fn a_tags_number_then_y_or_o_takes_the_tags_list_address() {
    let mut app = app_with_list();
    open_with(&mut app, "article-regional-banjir-rob.html");
    keys(&mut app, "9");
    let tag = "https://www.kompas.com/tag/semarang";
    assert_eq!(keys(&mut app, "y"), [Request::Copy { text: tag.into() }]);
    assert_eq!(app.error(), None);
    keys(&mut app, "9");
    assert_eq!(
        keys(&mut app, "o"),
        [Request::OpenInBrowser { url: tag.into() }]
    );
}

#[test]
fn without_a_store_a_search_says_searching_needs_it_not_saving() {
    for words in [kabar::words::EN, kabar::words::ID] {
        let mut app = app_with_list_in(Settings {
            store: false,
            words,
            ..Settings::default()
        });
        key(&mut app, KeyCode::Char('f'));
        keys(&mut app, "banjir");
        assert_eq!(key(&mut app, KeyCode::Enter), []);
        assert_eq!(app.error(), Some(words.search_needs_store));
        assert_ne!(words.search_needs_store, words.needs_store);
    }
}

#[test]
fn stepping_through_matches_tells_each_but_keeps_only_the_find_in_the_history() {
    let mut app = app_with_list();
    open_with(&mut app, "article-regional-banjir-rob.html");
    key(&mut app, KeyCode::Char('/'));
    keys(&mut app, "banjir");
    key(&mut app, KeyCode::Enter);
    keys(&mut app, "nnnN");
    let notice = app.notice().unwrap_or_default();
    assert!(notice.starts_with("match "), "{notice}");
    keys(&mut app, "/zzzq");
    key(&mut app, KeyCode::Enter);
    let logged: Vec<&str> = app.messages().map(|m| m.words.as_str()).collect();
    assert_eq!(logged, ["no match: zzzq"], "no `match n/m` in the history");
}

#[test]
fn a_list_opened_in_the_extra_tab_drops_the_error_of_the_one_it_replaces() {
    let mut app = app_with_list();
    key(&mut app, KeyCode::Char('f'));
    keys(&mut app, "@banjir");
    let (id, url) = list_request(&key(&mut app, KeyCode::Enter));
    app.update(Msg::Answer(Answer::Headlines {
        id,
        result: Err(Error::Offline(url)),
        fetched_at: chrono::Utc::now(),
        read: Default::default(),
    }));
    assert!(
        app.error().is_some(),
        "the search's failure shows on its tab"
    );
    key(&mut app, KeyCode::Char('D'));
    keys(&mut app, "2026-11-24");
    list_request(&key(&mut app, KeyCode::Enter));
    assert_eq!(app.list().name, "Index · 2026-11-24");
    assert_eq!(app.error(), None, "the day's list is loading, not failed");
}

#[test]
fn sources_semua_lacks_are_said_on_its_tab_in_the_readers_words_until_it_loads_whole() {
    for words in [kabar::words::EN, kabar::words::ID] {
        let mut app = App::new(
            Settings {
                sections: vec![
                    ("Terkini".into(), "https://indeks.kompas.com/".into()),
                    ("Semua".into(), kabar::worker::TIMELINE_URL.into()),
                ],
                words,
                ..Settings::default()
            },
            (120, 40),
        );
        app.start();
        let (id, url) = list_request(&key(&mut app, KeyCode::Char(']')));
        assert_eq!(url, kabar::worker::TIMELINE_URL);
        app.update(Msg::Answer(Answer::Lagging {
            id,
            sources: vec![
                ("Mati".into(), Some("connection refused".into())),
                ("Lambat".into(), None),
            ],
        }));
        app.update(listed(id, "indeks-page-1.html"));
        let said = format!(
            "{} Mati (connection refused), Lambat ({})",
            words.lagging, words.no_answer_yet
        );
        assert_eq!(app.error(), Some(said.as_str()));
        keys(&mut app, "j");
        assert_eq!(app.error(), Some(said.as_str()), "it stays on its tab");
        keys(&mut app, "[");
        assert_eq!(app.error(), None, "and only there");
        keys(&mut app, "]");
        let (id, _) = list_request(&keys(&mut app, "r"));
        app.update(listed(id, "indeks-page-1.html"));
        assert_eq!(app.error(), None, "a whole timeline ends it");
    }
}

/// The timeline answered again once its late sources came in: its tab shows the whole
/// list, the new headlines marked and counted, and no longer says a source is lagging; a
/// source that failed meanwhile is said instead.
#[test]
fn semua_caught_up_shows_the_late_headlines_as_new_and_ends_the_lagging_words() {
    let mut app = terkini_and("Semua", kabar::worker::TIMELINE_URL);
    let (id, _) = list_request(&key(&mut app, KeyCode::Char(']')));
    app.update(Msg::Answer(Answer::Lagging {
        id,
        sources: vec![("Lambat".into(), None), ("Mati".into(), None)],
    }));
    app.update(listed(id, "indeks-page-2.html"));
    assert!(app.error().is_some(), "lagging is said");
    let before = app.list().headlines.len();
    let mut whole = index("indeks-page-2.html");
    whole
        .headlines
        .extend(index("indeks-page-1.html").headlines);
    let caught_up = |lagging: Vec<(String, Option<String>)>| {
        Msg::Answer(Answer::CaughtUp {
            url: kabar::worker::TIMELINE_URL.into(),
            page: whole.clone(),
            lagging,
        })
    };
    app.update(caught_up(vec![("Mati".into(), Some("HTTP 503".into()))]));
    let list = app.list();
    assert_eq!(list.headlines.len(), whole.headlines.len());
    let new = list
        .headlines
        .iter()
        .filter(|h| list.is_new(&h.url))
        .count();
    assert_eq!(new, whole.headlines.len() - before);
    assert_eq!(app.notice().unwrap_or_default(), format!("{new} new"));
    let said = app.error().unwrap_or_default();
    assert!(
        said.contains("Mati (HTTP 503)") && !said.contains("Lambat"),
        "{said}"
    );
    app.update(caught_up(Vec::new()));
    assert_eq!(app.error(), None, "nothing lagging any more");
    // The other tab is left as it was.
    keys(&mut app, "[");
    assert_eq!(app.list().name, "Terkini");
    assert!(app.list().headlines.is_empty());
}

#[test]
fn a_search_that_finds_nothing_offers_another_search_not_a_reload() {
    for words in [kabar::words::EN, kabar::words::ID] {
        let mut app = app_with_list_in(Settings {
            words,
            ..Settings::default()
        });
        key(&mut app, KeyCode::Char('f'));
        keys(&mut app, "zzzq");
        let reqs = key(&mut app, KeyCode::Enter);
        let [Request::SearchStore { id, .. }] = reqs.as_slice() else {
            panic!("{reqs:?}")
        };
        app.update(hits(*id, &["article-bola-timnas.html"], "zzzq"));
        let shown = common::screen(&app);
        // The list pane's text, its lines joined as the words wrap.
        let pane: Vec<&str> = shown
            .lines()
            .filter_map(|l| l.split('│').nth(1))
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(pane.join(" "), words.no_hits.to_string(), "{shown}");
    }
}

#[test]
fn a_click_on_a_tag_opens_that_tags_list_not_its_neighbours() {
    let mut app = app_with_list();
    open_with(&mut app, "article-regional-banjir-rob.html");
    let text = "Tag: [8] banjir rob · [9] Semarang";
    let line = app
        .lines()
        .lines
        .iter()
        .position(|l| l.text == text)
        .expect("the tags' line");
    let reader = kabar::app::layout::inner(app.panes().reader.unwrap());
    let left = reader.x + u16::try_from(app.lines().margin).unwrap();
    let row = reader.y + u16::try_from(line - app.current().unwrap().scroll()).unwrap();
    let click = |column: usize| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: left + u16::try_from(column).unwrap(),
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    let (_, url) = list_request(&app.update(click(text.find("Semarang").unwrap() - 2)));
    assert_eq!(url, "https://www.kompas.com/tag/semarang");
    key(&mut app, KeyCode::Tab);
    let (_, url) = list_request(&app.update(click(text.find("rob").unwrap())));
    assert_eq!(url, "https://www.kompas.com/tag/banjir-rob");
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.update(click(2)), [], "`Tag:` itself is no tag");
}

#[test]
fn a_tags_number_never_ends_a_line_without_its_tag() {
    let mut article = common::photo_article();
    article.tags = [
        "kereta api",
        "KAI",
        "Gapeka",
        "jadwal kereta",
        "mudik akhir tahun",
    ]
    .map(String::from)
    .to_vec();
    for width in 40..=120 {
        let app = common::reader_with(article.clone(), (width, 30));
        let lines: Vec<&str> = app.lines().lines.iter().map(|l| l.text.as_str()).collect();
        let tags = lines.iter().position(|l| l.starts_with("Tag: ")).unwrap();
        for line in lines[tags..].iter().take_while(|l| !l.is_empty()) {
            let last = line.split(' ').next_back().unwrap_or_default();
            let is_number = last.starts_with('[') && last.ends_with(']');
            assert!(!is_number, "at {width} columns: {line:?}\n{lines:#?}");
        }
    }
}

/// The photos whose pixels the screen let go are asked for again, as photos of the
/// article on screen (the worker reads them from the store); with no article, nothing.
#[test]
fn photos_let_go_by_the_screen_are_asked_for_again_for_the_article_on_screen() {
    let url = "https://asset.kompas.com/data/photo/2026/11/26/perahu.png".to_string();
    let empty = app_with_list();
    assert_eq!(empty.photos_again(vec![url.clone()]), []);
    let app = common::reader_with(common::photo_article(), (100, 30));
    let article = app.current().unwrap().article().url.clone();
    assert_eq!(
        app.photos_again(vec![url.clone()]),
        [Request::Photo { url, article }]
    );
}
