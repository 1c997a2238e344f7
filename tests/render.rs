//! The screen as drawn, on ratatui's TestBackend, snapshotted with insta: the list, the
//! reader, the help, an error, the narrow layout and the hostile page.

mod common;

use common::screen;

use chrono::DateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kabar::app::{Answer, App, Msg, Request, Settings};
use kabar::article::{Article, HeadlinePage};
use kabar::{sites, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
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

fn article(file: &str) -> Article {
    common::fixture_article(file)
}

fn index() -> HeadlinePage {
    let html = std::fs::read_to_string(common::fixture("indeks-page-1.html")).unwrap();
    sites::read_headlines(&html, &Url::parse("https://indeks.kompas.com/").unwrap()).unwrap()
}

fn press(app: &mut App, code: KeyCode) -> Vec<Request> {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn app(size: (u16, u16)) -> App {
    app_in(Settings::default(), size)
}

/// An app of `settings` at `size` with the index loaded.
fn app_in(settings: Settings, size: (u16, u16)) -> App {
    let mut app = App::new(settings, size);
    start_with_index(&mut app);
    app
}

/// Starts `app`, its first list answered with the index.
fn start_with_index(app: &mut App) {
    let Some(Request::Headlines { id, .. }) = app.start().pop() else {
        panic!()
    };
    answer_index(app, id);
}

/// Answers list request `id` with the index.
fn answer_index(app: &mut App, id: u64) {
    app.update(Msg::Answer(Answer::Headlines {
        id,
        result: Ok(index()),
        fetched_at: common::fetched_at(),
        read: Default::default(),
    }));
}

fn open(app: &mut App, file: &str) {
    let Some(Request::Article { id, .. }) = press(app, KeyCode::Enter).pop() else {
        panic!()
    };
    app.update(arrived(id, file));
}

/// The screen's styles, row by row: each run of cells of one style as `count×style`, so a
/// selection, a focused border or an unread mark that moves or changes colour shows.
fn styles(app: &App) -> String {
    let (width, height) = app.size();
    let buffer = common::drawn(app);
    let mut out = String::new();
    for y in 0..height {
        let mut runs: Vec<(usize, String)> = Vec::new();
        for x in 0..width {
            let cell = &buffer[(x, y)];
            let style = format!("{:?}/{:?}/{:?}", cell.fg, cell.bg, cell.modifier);
            match runs.last_mut() {
                Some((n, last)) if *last == style => *n += 1,
                _ => runs.push((1, style)),
            }
        }
        let row: Vec<String> = runs.iter().map(|(n, s)| format!("{n}×{s}")).collect();
        out.push_str(&format!("{y:2} {}\n", row.join(" ")));
    }
    out
}

#[test]
fn list_and_reader_styles() {
    let mut app = app((120, 40));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('u'));
    insta::assert_snapshot!("list_120x40_styles", styles(&app));
    open(&mut app, "article-health-kebiasaan-pagi.html");
    insta::assert_snapshot!("reader_120x40_styles", styles(&app));
}

#[test]
fn list_at_both_sizes() {
    insta::assert_snapshot!("list_120x40", screen(&app((120, 40))));
    insta::assert_snapshot!("list_80x24", screen(&app((80, 24))));
}

#[test]
fn reader_at_both_sizes() {
    let mut wide = app((120, 40));
    open(&mut wide, "article-health-kebiasaan-pagi.html");
    insta::assert_snapshot!("reader_120x40", screen(&wide));
    let mut narrow = app((80, 24));
    open(&mut narrow, "article-global-latihan-bencana.html");
    insta::assert_snapshot!("reader_narrow_80x24", screen(&narrow));
    for _ in 0..40 {
        press(&mut narrow, KeyCode::Char('j'));
    }
    insta::assert_snapshot!("reader_narrow_80x24_links", screen(&narrow));
}

#[test]
fn help_overlay() {
    let mut a = app((120, 40));
    press(&mut a, KeyCode::Char('?'));
    insta::assert_snapshot!("help_120x40", screen(&a));
    let mut small = app((80, 24));
    press(&mut small, KeyCode::Char('?'));
    let top = screen(&small);
    assert!(top.contains("j k PgDn PgUp scroll"), "{top}");
    insta::assert_snapshot!("help_80x24", top);
    press(&mut small, KeyCode::PageDown);
    press(&mut small, KeyCode::PageDown);
    let end = screen(&small);
    assert!(
        end.contains("quit (over the help or the messages: close them)"),
        "{end}"
    );
    assert!(end.contains("Mouse: the wheel scrolls"), "{end}");
    assert!(
        end.contains("Marks: + new since the last refresh (until seen), • unread."),
        "{end}"
    );
    assert!(
        end.contains("! after a tab's name: its list did not load"),
        "{end}"
    );
    insta::assert_snapshot!("help_80x24_end", end);
}

#[test]
fn error_in_the_status_line_keeps_the_page() {
    let a = after_an_error();
    let shown = screen(&a);
    assert!(shown.contains("Timnas Indonesia Tekuk Vietnam 2-0 di GBK"));
    assert!(shown.contains("page not found (HTTP 404)"));
    assert!(
        shown.contains("previous page kept · o: open in browser"),
        "{shown}"
    );
    insta::assert_snapshot!("error_120x40", shown);
}

#[test]
fn loading_state() {
    let mut a = App::new(Settings::default(), (80, 24));
    a.start();
    insta::assert_snapshot!("loading_80x24", screen(&a));
}

#[test]
fn hostile_page_draws_clean() {
    for size in [(120, 40), (80, 24)] {
        let mut a = app(size);
        open(&mut a, "article-hostile-escape.html");
        // Checked in the bytes a real terminal gets: a TestBackend cell never holds a
        // control character, whatever the page said.
        let mut terminal = common::drawn::ByteTerminal::new(size);
        for _ in 0..30 {
            let bytes = terminal.draw(&a);
            if let Some(problem) = common::drawn::bytes_problem(&bytes) {
                panic!("{problem}");
            }
            press(&mut a, KeyCode::Char(' '));
        }
        let shown = screen(&a);
        assert!(!shown.contains("PWNED"));
        if size == (120, 40) {
            let mut top = app(size);
            open(&mut top, "article-hostile-escape.html");
            insta::assert_snapshot!("hostile_120x40", screen(&top));
        }
    }
}

#[test]
fn indonesian_words_unread_marks_and_the_age_of_the_list() {
    use kabar::words;
    let settings = Settings {
        words: words::ID,
        ..Settings::default()
    };
    let mut a = App::new(settings, (100, 24));
    let fetched = DateTime::parse_from_rfc3339("2026-11-25T21:57:00+07:00")
        .unwrap()
        .to_utc();
    let mut page = index();
    page.headlines.truncate(5);
    let read = [page.headlines[1].url.clone()].into_iter().collect();
    a.show_stored(page, fetched, read);
    let shown = screen(&a);
    assert!(shown.contains("Terkini (5 · 4 belum dibaca)"), "{shown}");
    assert!(shown.contains("diperbarui 3 menit lalu"), "{shown}");
    insta::assert_snapshot!("stored_list_id_100x24", shown);
}

#[test]
fn no_color_draws_without_colours() {
    let settings = Settings {
        theme: kabar::theme::Theme::plain(),
        ..Settings::default()
    };
    let mut a = app_in(settings, (120, 40));
    open(&mut a, "article-health-kebiasaan-pagi.html");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let now = common::test_now();
    terminal.draw(|f| ui::draw(f, &a, now)).unwrap();
    for cell in terminal.backend().buffer().content() {
        assert_eq!(
            cell.fg,
            ratatui::style::Color::Reset,
            "a coloured cell under NO_COLOR"
        );
        assert_eq!(
            cell.bg,
            ratatui::style::Color::Reset,
            "a coloured cell under NO_COLOR"
        );
    }
}

/// A list of three headlines published 30 s, 3 hours and 4 days before the test clock,
/// fetched 20 s before it, in `words`.
fn aged_list(words: kabar::words::Words) -> String {
    let mut a = App::new(
        Settings {
            words,
            ..Settings::default()
        },
        (100, 24),
    );
    let now = common::test_now();
    let mut page = index();
    page.headlines.truncate(3);
    for (h, ago) in page.headlines.iter_mut().zip([
        chrono::TimeDelta::seconds(30),
        chrono::TimeDelta::hours(3),
        chrono::TimeDelta::days(4),
    ]) {
        h.published = Some(now - ago);
    }
    a.show_stored(
        page,
        (now - chrono::TimeDelta::seconds(20)).to_utc(),
        Default::default(),
    );
    screen(&a)
}

#[test]
fn ages_are_in_the_words_of_the_ui_and_unambiguous() {
    let en = aged_list(kabar::words::EN);
    assert!(en.contains("updated just now"), "{en}");
    assert!(!en.contains("ago"), "{en}");
    for age in ["· just now", "· 3h", "· 4d"] {
        assert!(en.contains(age), "{age} in {en}");
    }
    let id = aged_list(kabar::words::ID);
    assert!(id.contains("diperbarui baru saja"), "{id}");
    for age in ["· baru saja", "· 3 jam", "· 4 hari"] {
        assert!(id.contains(age), "{age} in {id}");
    }
}

#[test]
fn a_filter_that_matches_nothing_says_so() {
    let mut a = app((120, 40));
    type_text(&mut a, "/zzzqx");
    press(&mut a, KeyCode::Enter);
    let shown = screen(&a);
    assert!(shown.contains("No headlines match the filter."), "{shown}");
    assert!(!shown.contains("Press r to reload"), "{shown}");
}

#[test]
fn the_reader_says_loading_only_while_a_page_loads() {
    let mut a = app((120, 40));
    // The list reloading is not the reader loading.
    press(&mut a, KeyCode::Char('r'));
    let shown = screen(&a);
    assert!(!shown.contains("loading…"), "{shown}");
    assert!(
        shown.contains("Choose a headline and press Enter."),
        "{shown}"
    );
    press(&mut a, KeyCode::Enter);
    assert!(screen(&a).contains("loading…"));
}

/// The list at 120×40 with the reader's last page failed to load.
fn after_an_error() -> App {
    let mut a = app((120, 40));
    open(&mut a, "article-bola-timnas.html");
    press(&mut a, KeyCode::Char('1'));
    let Some(Request::Article { id, url, .. }) = press(&mut a, KeyCode::Enter).pop() else {
        panic!()
    };
    a.update(Msg::Answer(Answer::Article {
        id,
        result: Err(kabar::error::Error::Status {
            url: url.to_string(),
            status: 404,
            reason: "page not found".into(),
        }),
        position: 0,
        saved: false,
    }));
    a
}

#[test]
fn saving_says_so_even_over_an_older_error() {
    let mut a = after_an_error();
    press(&mut a, KeyCode::Char('s'));
    let shown = screen(&a);
    let status = shown.lines().last().unwrap();
    assert!(
        status.starts_with("saved  page not found (HTTP 404)"),
        "{status}"
    );
    press(&mut a, KeyCode::Char('s'));
    let shown = screen(&a);
    assert!(shown.lines().last().unwrap().starts_with("no longer saved"));
}

#[test]
fn the_filter_set_is_not_hidden_by_an_older_error() {
    let mut a = after_an_error();
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Char('/'));
    for c in "emas".chars() {
        press(&mut a, KeyCode::Char(c));
    }
    press(&mut a, KeyCode::Enter);
    let shown = screen(&a);
    let status = shown.lines().last().unwrap();
    assert!(status.starts_with("filter: emas"), "{status}");
    press(&mut a, KeyCode::Char('k'));
    let shown = screen(&a);
    let status = shown.lines().last().unwrap();
    assert!(status.contains("filter: emas  page not found"), "{status}");
}

/// The text of each run of cells drawn in `style` in the reader of `app`, in order.
fn runs_in(app: &App, style: ratatui::style::Style) -> Vec<String> {
    runs_in_pane(app, style, app.panes().reader.unwrap())
}

/// The text of each run of cells drawn in `style` in `pane`, in order.
fn runs_in_pane(
    app: &App,
    style: ratatui::style::Style,
    pane: ratatui::layout::Rect,
) -> Vec<String> {
    use ratatui::style::Color;
    let is = |cell: &ratatui::buffer::Cell| {
        cell.fg == style.fg.unwrap_or(Color::Reset)
            && cell.bg == style.bg.unwrap_or(Color::Reset)
            && cell.modifier == style.add_modifier
    };
    let height = app.size().1;
    let buffer = common::drawn(app);
    let mut runs = Vec::new();
    for y in 0..height {
        let mut run = String::new();
        for x in pane.x..pane.x + pane.width {
            let cell = &buffer[(x, y)];
            if is(cell) {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
    }
    runs
}

#[test]
fn find_highlights_every_match_and_the_current_one_distinctly() {
    for theme in [kabar::theme::Theme::default(), kabar::theme::Theme::plain()] {
        let settings = Settings {
            theme,
            ..Settings::default()
        };
        let mut a = app_in(settings, (120, 40));
        open(&mut a, "article-health-kebiasaan-pagi.html");
        press(&mut a, KeyCode::Char('g'));
        press(&mut a, KeyCode::Char('/'));
        for c in "PAGI".chars() {
            press(&mut a, KeyCode::Char(c));
        }
        press(&mut a, KeyCode::Enter);
        let others = runs_in(&a, theme.found);
        let current = runs_in(&a, theme.found_current);
        assert!(
            !current.is_empty() && !others.is_empty(),
            "{current:?} {others:?}"
        );
        for run in current.iter().chain(&others) {
            assert_eq!(run.to_lowercase(), "pagi", "{current:?} {others:?}");
        }
        use kabar::app::layout::Role;
        let line_with = |a: &App, role: Role| {
            (0..a.lines().lines.len()).find(|&i| a.line_pieces(i).iter().any(|p| p.1 == role))
        };
        let before = line_with(&a, Role::CurrentMatch).unwrap();
        press(&mut a, KeyCode::Char('n'));
        let after = line_with(&a, Role::CurrentMatch).unwrap();
        assert!(after > before, "n moves the current match");
        assert_eq!(line_with(&a, Role::Match), Some(before));
        assert!(!runs_in(&a, theme.found_current).is_empty());
    }
}

/// The default config's sections (Kompas's) as tabs.
fn many_sections() -> Settings {
    let sections = kabar::config::Config::default().sections;
    Settings {
        sections: sections
            .iter()
            .map(|s| (s.name.clone(), s.url().to_string()))
            .collect(),
        ..Settings::default()
    }
}

/// The names on the top row of `app`'s screen, without the markers.
fn tab_row(app: &App) -> String {
    screen(app).lines().next().unwrap_or("").to_string()
}

#[test]
fn the_tab_bar_scrolls_with_markers_and_never_cuts_a_name() {
    let mut a = App::new(many_sections(), (80, 24));
    a.start();
    let names: Vec<String> = a.lists().iter().map(|l| l.name.clone()).collect();
    let whole = |row: &str| {
        row.trim_matches(|c| c == '‹' || c == '›')
            .split_whitespace()
            .all(|word| names.iter().any(|n| n == word))
    };
    let row = tab_row(&a);
    assert!(row.ends_with('›'), "{row}");
    assert!(!row.starts_with('‹'), "{row}");
    assert!(whole(&row), "a name cut: {row}");
    insta::assert_snapshot!("tabs_80_first", row);
    for _ in 0..10 {
        press(&mut a, KeyCode::Char(']'));
        let row = tab_row(&a);
        assert!(row.contains(&format!(" {} ", a.list().name)), "{row}");
        assert!(whole(&row), "a name cut: {row}");
    }
    let row = tab_row(&a);
    assert!(row.starts_with('‹'), "{row}");
    assert!(row.contains("Lifestyle"), "{row}");
    insta::assert_snapshot!("tabs_80_lifestyle", row);
    // Last, the saved articles: the bar has scrolled to the end.
    press(&mut a, KeyCode::Char(']'));
    let row = tab_row(&a);
    assert!(row.contains("Tersimpan") && !row.ends_with('›'), "{row}");
}

#[test]
fn the_address_prompt_and_a_link_number_say_what_they_do() {
    let mut a = app((80, 24));
    type_text(&mut a, "Okompas.com/tren");
    let last = screen(&a).lines().last().unwrap_or_default().to_string();
    assert!(last.starts_with("open address: kompas.com/tren▏"), "{last}");
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('g'));
    open(&mut a, "article-global-latihan-bencana.html");
    press(&mut a, KeyCode::Char('3'));
    let last = screen(&a).lines().last().unwrap_or_default().to_string();
    assert!(last.contains("[3]… Enter o y"), "{last}");
}

#[test]
fn ascii_everywhere_without_utf8() {
    let settings = Settings {
        ascii: true,
        ..Settings::default()
    };
    let mut app = app_in(settings, (80, 24));
    open(&mut app, "article-global-latihan-bencana.html");
    // The status line's separators and the list's unread marks too, not only the
    // borders and the scrollbar.
    let shown = screen(&app);
    assert!(shown.is_ascii(), "{shown}");
    insta::assert_snapshot!("reader_ascii_80x24", shown);
}

#[test]
fn headlines_new_since_the_last_look_have_their_own_mark() {
    let mut app = App::new(Settings::default(), (80, 24));
    let mut older = index();
    older.headlines.drain(..2);
    app.show_stored(older, common::fetched_at(), Default::default());
    start_with_index(&mut app);
    let shown = screen(&app);
    let marks: Vec<char> = shown
        .lines()
        .filter_map(|l| l.strip_prefix('│')?.chars().next())
        .filter(|c| *c != ' ')
        .collect();
    assert_eq!(&marks[..3], ['+', '+', '•'], "{shown}");
    insta::assert_snapshot!("list_new_80x24", shown);
}

#[test]
fn the_message_history_over_the_list() {
    let clock = kabar::app::Clock::stopped(common::test_now().to_utc());
    let mut a = app_in(
        Settings {
            clock: clock.clone(),
            ..Settings::default()
        },
        (80, 24),
    );
    press(&mut a, KeyCode::Char('M'));
    let empty = screen(&a);
    assert!(empty.contains("No messages yet."), "{empty}");
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('y'));
    clock.advance(chrono::TimeDelta::seconds(75));
    a.update(Msg::Answer(Answer::Notice(
        "the store was damaged and moved aside".into(),
    )));
    press(&mut a, KeyCode::Char('M'));
    let shown = screen(&a);
    assert!(shown.contains("22:01:15  the store was damaged"), "{shown}");
    assert!(shown.contains("22:00:00  address copied"), "{shown}");
    insta::assert_snapshot!("messages_80x24", shown);
}

#[test]
fn a_wider_list_with_titles_over_two_lines() {
    let a = app_in(
        Settings {
            list_width: kabar::config::ListWidth::Percent(30),
            wrap_titles: true,
            ..Settings::default()
        },
        (120, 30),
    );
    let shown = screen(&a);
    // 30% of 120 columns; a title too long for one line goes on in the next.
    assert!(
        shown.contains("┌ Terkini (14 · 14 unread) ────────┐┌"),
        "{shown}"
    );
    assert!(
        shown.contains("│• DPR Sahkan RUU Perlindungan Data││"),
        "{shown}"
    );
    assert!(
        shown.contains("│  Anak Menjadi Undang-Undang      ││"),
        "{shown}"
    );
    assert!(
        shown.contains("│  Sepakati Latihan Penanggulangan…││"),
        "{shown}"
    );
    insta::assert_snapshot!("list_wrapped_120x30", shown);
}

#[test]
fn photos_in_the_text_as_captioned_lines() {
    let app = common::reader_with(common::photo_article(), (100, 30));
    insta::assert_snapshot!("reader_photos_100x30", screen(&app));
}

/// The article of photos in a reader that draws pictures, at `size`.
fn picture_reader(size: (u16, u16)) -> App {
    let settings = Settings {
        pictures: true,
        ..Settings::default()
    };
    common::reader_in(settings, common::photo_article(), size)
}

/// The photo at `url` arrived as `pixels`: held by `pictures`, its size told to `app`, as
/// the terminal's loop does with the worker's two answers.
fn picture_arrived(
    app: &mut App,
    pictures: &mut ui::Pictures,
    url: String,
    pixels: image::RgbaImage,
) {
    let size = kabar::picture::Size {
        width: pixels.width(),
        height: pixels.height(),
    };
    pictures.arrived(url.clone(), std::sync::Arc::new(pixels));
    app.update(Msg::Answer(Answer::Photo {
        url,
        result: Ok(size),
    }));
}

const RED: [u8; 3] = [200, 30, 30];
const BLUE: [u8; 3] = [30, 30, 200];

/// Photo [1] arrived in `app`: wide and low, three rows of the 55-column text, its top
/// half red and its bottom blue. The pictures holding its pixels, in half blocks.
fn boat_arrived(app: &mut App) -> ui::Pictures {
    boat_arrived_in(app, ratatui_image::picker::Picker::halfblocks())
}

/// As [`boat_arrived`], drawn in the protocol `picker` gives.
fn boat_arrived_in(app: &mut App, picker: ratatui_image::picker::Picker) -> ui::Pictures {
    let url = app
        .current()
        .unwrap()
        .article()
        .photo(1)
        .unwrap()
        .url
        .clone();
    let pixels = image::RgbaImage::from_fn(1120, 160, |_, y| {
        let [r, g, b] = if y < 80 { RED } else { BLUE };
        image::Rgba([r, g, b, 255])
    });
    let mut pictures = ui::Pictures::new(picker);
    picture_arrived(app, &mut pictures, url, pixels);
    pictures
}

/// Kitty, sixel and iTerm2 terminals get the photo in their own protocol: cells under
/// its line carry that protocol's sequence (made by ratatui-image from the pixels; a
/// page's text never reaches the frame unsanitised), and the text goes on after it.
/// What a real terminal then shows of it is not seen here.
#[test]
fn each_graphics_protocol_draws_the_photo_in_its_own_sequence() {
    use ratatui_image::picker::{Picker, ProtocolType};
    let protocols = [
        (ProtocolType::Kitty, "\x1b_G"),
        (ProtocolType::Sixel, "\x1bP"),
        (ProtocolType::Iterm2, "\x1b]1337;File="),
    ];
    for (protocol, sequence) in protocols {
        let mut app = picture_reader((100, 30));
        let mut picker = Picker::halfblocks();
        picker.set_protocol_type(protocol);
        let mut pictures = boat_arrived_in(&mut app, picker);
        let buffer = drawn_with_pictures(&app, &mut pictures, (100, 30));
        let text = common::buffer_text(&buffer);
        let rows: Vec<&str> = text.lines().collect();
        let line = rows
            .iter()
            .position(|r| r.contains("[foto] [1]"))
            .expect("the photo's line");
        let picture: String = (line + 2..line + 5)
            .flat_map(|y| (0..100).map(move |x| (x, y as u16)))
            .map(|at| buffer[at].symbol().to_string())
            .collect();
        assert!(picture.contains(sequence), "{protocol:?}: {picture:?}");
        assert!(
            rows[line + 5..]
                .iter()
                .any(|r| r.contains("Pedagang menawarkan dagangannya")),
            "{protocol:?}:\n{text}"
        );
    }
}

/// `app` drawn at `size`, its pictures from the pixels `pictures` holds.
fn drawn_with_pictures(
    app: &App,
    pictures: &mut ui::Pictures,
    (width, height): (u16, u16),
) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| ui::draw_with_pictures(f, app, common::test_now(), Some(pictures)))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// A photo that has arrived is drawn under its `[foto]` line (here in half blocks, the
/// protocol made of text cells) and the text after it moves down by the picture's rows;
/// the photos not arrived stay lines.
#[test]
fn an_arrived_photo_is_drawn_under_its_line_when_pictures_are_on() {
    let mut app = picture_reader((100, 30));
    let mut pictures = boat_arrived(&mut app);
    let (red, blue) = (RED, BLUE);
    let buffer = drawn_with_pictures(&app, &mut pictures, (100, 30));
    let shown = common::buffer_text(&buffer);
    let rows: Vec<&str> = shown.lines().collect();
    let line = rows
        .iter()
        .position(|r| r.contains("[foto] [1]"))
        .expect("the photo's line");
    // Under its line (and its caption's second line), three rows of picture: red, red
    // over blue in a half block, blue.
    use ratatui::style::Color;
    let rgb = |[r, g, b]: [u8; 3]| Color::Rgb(r, g, b);
    let cell = |row: usize| &buffer[(45, row as u16)];
    assert_eq!(cell(line + 2).bg, rgb(red), "\n{shown}");
    // Where the halves meet, the resize blends them: reddish over bluish.
    let middle = cell(line + 3);
    assert_eq!(middle.symbol(), "▀", "\n{shown}");
    assert!(
        matches!(
            (middle.fg, middle.bg),
            (Color::Rgb(r1, _, b1), Color::Rgb(r2, _, b2)) if r1 > b1 && b2 > r2
        ),
        "{middle:?}"
    );
    assert_eq!(cell(line + 4).bg, rgb(blue), "\n{shown}");
    assert!(
        rows[line + 6].contains("Pedagang menawarkan dagangannya"),
        "the text moved down by the picture's rows:\n{shown}"
    );
    insta::assert_snapshot!("reader_picture_100x30", shown);
}

/// Scrolled until the top of the picture is above the pane: the rows of it still in the
/// pane are drawn, not left blank until it is whole on screen again.
#[test]
fn a_picture_cut_by_the_top_of_the_pane_shows_its_lower_part() {
    let mut app = picture_reader((100, 16));
    let mut pictures = boat_arrived(&mut app);
    let line = app
        .lines()
        .lines
        .iter()
        .position(|l| l.text.starts_with("[foto] [1]"))
        .unwrap();
    // The photo's line, its caption's second line and the picture's red row scrolled off.
    for _ in 0..line + 3 {
        press(&mut app, KeyCode::Char('j'));
    }
    let buffer = drawn_with_pictures(&app, &mut pictures, (100, 16));
    let shown = common::buffer_text(&buffer);
    let top = 2;
    assert_eq!(buffer[(45, top)].symbol(), "▀", "\n{shown}");
    let [r, g, b] = BLUE;
    assert_eq!(
        buffer[(45, top + 1)].bg,
        ratatui::style::Color::Rgb(r, g, b)
    );
    let rows: Vec<&str> = shown.lines().collect();
    assert!(
        rows[usize::from(top) + 3].contains("Pedagang menawarkan dagangannya"),
        "\n{shown}"
    );
    insta::assert_snapshot!("reader_picture_cut_100x16", shown);
}

/// A photo that could not be had is marked on its line and keeps no rows; one that
/// arrived but whose pixels are no longer kept says so in its rows rather than leave a
/// blank gap.
#[test]
fn a_failed_photo_is_marked_and_a_picture_not_kept_leaves_no_blank_gap() {
    let mut app = picture_reader((100, 36));
    let url = |n| {
        app.current()
            .unwrap()
            .article()
            .photo(n)
            .unwrap()
            .url
            .clone()
    };
    let (boat, cake) = (url(1), url(2));
    app.update(Msg::Answer(Answer::Photo {
        url: boat,
        result: Ok(kabar::picture::Size {
            width: 1120,
            height: 160,
        }),
    }));
    app.update(Msg::Answer(Answer::Photo {
        url: cake,
        result: Err("the server sent text/html, not a photo".into()),
    }));
    // Nothing kept: the boat's pixels went (or never came to this terminal).
    let mut pictures = ui::Pictures::new(ratatui_image::picker::Picker::halfblocks());
    let shown = common::buffer_text(&drawn_with_pictures(&app, &mut pictures, (100, 36)));
    let rows: Vec<&str> = shown.lines().collect();
    let at = |words: &str| {
        rows.iter()
            .position(|r| r.contains(words))
            .unwrap_or_else(|| panic!("{words}:\n{shown}"))
    };
    let cake = at("[foto: not loaded] [2] Kue bingka");
    assert!(
        rows[cake + 2].contains("Pemerintah daerah berencana"),
        "no rows kept under a failed photo:\n{shown}"
    );
    let boat = at("[foto] [1] Pedagang menawarkan jeruk");
    assert_eq!(
        at("(the picture cannot be drawn here: i opens the photo)"),
        boat + 2,
        "\n{shown}"
    );
    insta::assert_snapshot!("reader_photo_failed_100x36", shown);
}

/// The lead photo, once arrived, is drawn under its `Foto:` caption like a photo in the
/// text, within the same rows; the editor's line and the text move down. When it failed,
/// its caption is marked.
#[test]
fn the_lead_photo_is_drawn_under_its_caption_when_pictures_are_on() {
    let mut app = picture_reader((100, 30));
    let lead = app.current().unwrap().article().image.clone().unwrap();
    // 1100 × 200 over the 55 text columns: five rows.
    let green = [40, 160, 60];
    let pixels = image::RgbaImage::from_pixel(1100, 200, image::Rgba([40, 160, 60, 255]));
    let mut pictures = ui::Pictures::new(ratatui_image::picker::Picker::halfblocks());
    picture_arrived(&mut app, &mut pictures, lead.clone(), pixels);
    let buffer = drawn_with_pictures(&app, &mut pictures, (100, 30));
    let shown = common::buffer_text(&buffer);
    let rows: Vec<&str> = shown.lines().collect();
    let caption = rows
        .iter()
        .position(|r| r.contains("Foto: Perahu pedagang"))
        .expect("the lead's caption");
    // The caption takes two lines; the picture's five rows follow.
    let [r, g, b] = green;
    for row in caption + 2..caption + 7 {
        assert_eq!(
            buffer[(45, row as u16)].bg,
            ratatui::style::Color::Rgb(r, g, b),
            "row {row}:\n{shown}"
        );
    }
    assert!(
        rows[caption + 8].contains("BANJAR, KOMPAS.com"),
        "the text follows the picture:\n{shown}"
    );
    insta::assert_snapshot!("reader_lead_picture_100x30", shown);

    let mut failed = picture_reader((100, 30));
    failed.update(Msg::Answer(Answer::Photo {
        url: lead,
        result: Err("offline, and this page is not stored".into()),
    }));
    let shown = common::buffer_text(&drawn_with_pictures(&failed, &mut pictures, (100, 30)));
    assert!(
        shown.contains("[foto: not loaded] Foto: Perahu pedagang"),
        "{shown}"
    );
}

#[test]
fn a_search_prompt_and_a_day_tab_that_shows_its_day() {
    let mut a = app((80, 24));
    press(&mut a, KeyCode::Char('f'));
    type_text(&mut a, "@banjir");
    let last = screen(&a).lines().last().unwrap_or_default().to_string();
    assert!(last.starts_with("search: @banjir▏"), "{last}");
    press(&mut a, KeyCode::Esc);

    press(&mut a, KeyCode::Char('D'));
    type_text(&mut a, "2026-11-24");
    let Some(Request::Headlines { id, url, .. }) = press(&mut a, KeyCode::Enter).pop() else {
        panic!()
    };
    assert_eq!(url, "https://indeks.kompas.com/?date=2026-11-24");
    answer_index(&mut a, id);
    let shown = screen(&a);
    assert!(shown.contains("Terkini · 2026-11-24"), "{shown}");
    insta::assert_snapshot!("day_tab_80x24", shown);
}

/// Searches the store for `words` at the prompt: the search's request id.
fn search_store(a: &mut App, words: &str) -> u64 {
    press(a, KeyCode::Char('f'));
    type_text(a, words);
    let Some(Request::SearchStore { id, .. }) = press(a, KeyCode::Enter).pop() else {
        panic!("no search of the store asked for")
    };
    id
}

#[test]
fn store_hits_show_the_passage_that_matched_with_its_words_marked() {
    let theme = kabar::theme::Theme::default();
    let mut a = app((120, 40));
    let id = search_store(&mut a, "warga");
    let stored = [
        "article-regional-banjir-rob.html",
        "article-global-latihan-bencana.html",
        "article-kolom-transportasi.html",
    ];
    a.update(Msg::Answer(Answer::Hits {
        id,
        result: Ok(common::store_hits(&stored, "warga")),
        read: Default::default(),
    }));
    let marked = runs_in_pane(&a, theme.found, a.panes().list.unwrap());
    assert!(marked.len() >= 2, "a passage under each hit: {marked:?}");
    for run in &marked {
        assert!(run.to_lowercase().starts_with("warga"), "{marked:?}");
    }
    insta::assert_snapshot!("store_hits_120x40", screen(&a));
}

#[test]
fn an_article_opened_from_a_search_has_the_word_marked() {
    let theme = kabar::theme::Theme::default();
    let mut a = app((120, 40));
    let id = search_store(&mut a, "kebiasaan");
    a.update(Msg::Answer(Answer::Hits {
        id,
        result: Ok(common::store_hits(
            &["article-health-kebiasaan-pagi.html"],
            "kebiasaan",
        )),
        read: Default::default(),
    }));
    open(&mut a, "article-health-kebiasaan-pagi.html");
    let marked: Vec<String> = runs_in(&a, theme.found)
        .into_iter()
        .chain(runs_in(&a, theme.found_current))
        .collect();
    assert!(!marked.is_empty());
    for run in &marked {
        assert_eq!(run.to_lowercase(), "kebiasaan", "{marked:?}");
    }
    insta::assert_snapshot!("search_result_120x40", screen(&a));
}
