//! `App::update` fed with messages: what the reader does with keys, mouse, resizes and
//! the worker's answers, without a terminal or a network.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use kabar::app::{Answer, App, Focus, Msg, Request, Settings};
use kabar::article::{Article, HeadlinePage};
use kabar::sites;
use url::Url;

fn article(file: &str) -> Article {
    let html = std::fs::read_to_string(common::fixture(file)).unwrap();
    let url = sites::page_url(&html, None, &Url::parse("file:///x").unwrap());
    sites::read_article(&html, &url).unwrap().article
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

/// An app at 120×40 with the index loaded.
fn app_with_list() -> App {
    let mut app = App::new(Settings::default(), (120, 40));
    let start = app.start();
    let [Request::Headlines { id, url, .. }] = start.as_slice() else {
        panic!("{start:?}")
    };
    assert_eq!(url, "https://indeks.kompas.com/");
    app.update(Msg::Answer(Answer::Headlines {
        id: *id,
        result: Ok(index("indeks-page-1.html")),
        fetched_at: chrono::Utc::now(),
        read: Default::default(),
    }));
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
    &app.current
        .as_ref()
        .expect("an article on screen")
        .article
        .title
}

#[test]
fn enter_opens_the_selected_headline_in_the_reader() {
    let mut app = app_with_list();
    key(&mut app, KeyCode::Char('j'));
    let (id, url) = article_request(&key(&mut app, KeyCode::Enter));
    assert_eq!(url, app.list().headlines[1].url);
    assert_eq!(app.focus, Focus::Reader);
    assert!(app.is_loading());
    app.update(Msg::Answer(Answer::Article {
        id,
        result: Ok(Box::new(article(
            "article-nasional-ruu-data-anak-page-all.html",
        ))),
        position: 0,
        saved: false,
    }));
    assert_eq!(
        current_title(&app),
        "DPR Sahkan RUU Perlindungan Data Anak Menjadi Undang-Undang"
    );
    assert!(!app.is_loading());
    assert!(!app.lines.lines.is_empty(), "laid out for the reader");
}

#[test]
fn a_late_answer_for_a_page_already_left_is_dropped() {
    let mut app = app_with_list();
    let (first, _) = article_request(&key(&mut app, KeyCode::Enter));
    key(&mut app, KeyCode::Tab); // back to the list
    key(&mut app, KeyCode::Char('j'));
    let (second, _) = article_request(&key(&mut app, KeyCode::Enter));
    app.update(Msg::Answer(Answer::Article {
        id: first,
        result: Ok(Box::new(article("article-bola-timnas.html"))),
        position: 0,
        saved: false,
    }));
    assert!(app.current.is_none(), "the stale answer is not shown");
    app.update(Msg::Answer(Answer::Article {
        id: second,
        result: Ok(Box::new(article(
            "article-nasional-ruu-data-anak-page-all.html",
        ))),
        position: 0,
        saved: false,
    }));
    assert_eq!(
        current_title(&app),
        "DPR Sahkan RUU Perlindungan Data Anak Menjadi Undang-Undang"
    );
    assert!(app.back.is_empty(), "the dropped answer left no history");
}

#[test]
fn a_number_then_enter_follows_that_link_and_back_and_forward_keep_the_place() {
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    keys(&mut app, "jjjjj");
    assert_eq!(app.current.as_ref().unwrap().scroll, 5);
    // [1]–[2] are "Baca juga", [3] is the first "Terkini Lainnya" item.
    keys(&mut app, "3");
    let (id, url) = article_request(&key(&mut app, KeyCode::Enter));
    assert_eq!(
        url,
        "https://nasional.kompas.com/read/2026/11/25/10451231/dpr-sahkan-ruu-perlindungan-data-anak-menjadi-undang-undang"
    );
    app.update(Msg::Answer(Answer::Article {
        id,
        result: Ok(Box::new(article(
            "article-nasional-ruu-data-anak-page-all.html",
        ))),
        position: 0,
        saved: false,
    }));
    assert_eq!(
        current_title(&app),
        "DPR Sahkan RUU Perlindungan Data Anak Menjadi Undang-Undang"
    );
    assert_eq!(app.current.as_ref().unwrap().scroll, 0);
    keys(&mut app, "jj");

    key(&mut app, KeyCode::Backspace);
    assert_eq!(
        current_title(&app),
        "Jepang dan Korea Selatan Sepakati Latihan Penanggulangan Bencana Bersama"
    );
    assert_eq!(
        app.current.as_ref().unwrap().scroll,
        5,
        "back where the reader was"
    );
    keys(&mut app, "l");
    assert_eq!(
        current_title(&app),
        "DPR Sahkan RUU Perlindungan Data Anak Menjadi Undang-Undang"
    );
    assert_eq!(app.current.as_ref().unwrap().scroll, 2);
    keys(&mut app, "h");
    assert_eq!(app.forward.len(), 1);
    assert!(app.back.is_empty());
    // Back with no history left returns to the list.
    keys(&mut app, "h");
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn an_error_is_shown_in_words_and_the_page_on_screen_stays() {
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    keys(&mut app, "1");
    let (id, url) = article_request(&key(&mut app, KeyCode::Enter));
    let words = format!("page not found (HTTP 404): {url}");
    app.update(Msg::Answer(Answer::Article {
        id,
        result: Err(words.clone()),
        position: 0,
        saved: false,
    }));
    assert_eq!(app.error.as_deref(), Some(words.as_str()));
    assert_eq!(
        current_title(&app),
        "Jepang dan Korea Selatan Sepakati Latihan Penanggulangan Bencana Bersama"
    );
    assert!(app.back.is_empty());
    // The page that could not be read is offered to the browser.
    assert_eq!(keys(&mut app, "o"), [Request::OpenInBrowser { url }]);
}

#[test]
fn a_link_number_that_does_not_exist_says_so() {
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    keys(&mut app, "42");
    assert!(key(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(
        app.error.as_deref(),
        Some("there is no link [42] in this article")
    );
}

#[test]
fn resizing_relays_the_article_and_narrow_screens_show_one_pane() {
    let mut app = app_with_list();
    open_with(&mut app, "article-global-latihan-bencana.html");
    let wide = app.lines.width;
    let panes = app.panes();
    assert!(panes.list.is_some() && panes.reader.is_some());
    app.update(Msg::Resize(80, 24));
    assert_ne!(app.lines.width, wide);
    assert_eq!(app.lines.width, 78, "the reader fills the narrow screen");
    assert!(app.panes().list.is_none());
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Focus::List);
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
    app.update(Msg::Answer(Answer::Headlines {
        id: *id,
        result: Ok(index("indeks-page-2.html")),
        fetched_at: chrono::Utc::now(),
        read: Default::default(),
    }));
    assert_eq!(app.list().headlines.len(), 22);
    assert_eq!(app.list().next, None);
    assert!(keys(&mut app, "G").is_empty(), "no page after the last");
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut app = app_with_list();
    keys(&mut app, "?");
    assert!(app.help);
    keys(&mut app, "j");
    assert!(!app.help);
    assert_eq!(
        app.list().selected,
        0,
        "the key that closed the help did nothing else"
    );
    key(&mut app, KeyCode::Char('?'));
    key(&mut app, KeyCode::Esc);
    assert!(!app.help && !app.quit);
    keys(&mut app, "q");
    assert!(app.quit);
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
    // Row 1 is the border; headlines take two rows each: rows 5–6 are the third.
    let (id, url) = article_request(&app.update(click(10, 5)));
    assert_eq!(url, app.list().headlines[2].url);
    app.update(Msg::Answer(Answer::Article {
        id,
        result: Ok(Box::new(article("article-global-latihan-bencana.html"))),
        position: 0,
        saved: false,
    }));
    let wheel = Msg::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 90,
        row: 10,
        modifiers: KeyModifiers::NONE,
    });
    app.update(wheel);
    assert_eq!(app.current.as_ref().unwrap().scroll, 3);
    assert_eq!(app.list().selected, 2, "the list did not move");
}
