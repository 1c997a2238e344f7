//! Hostile pages: variants of `article-hostile-escape.html` generated here, each with
//! another way to smuggle control sequences, bidi overrides, script links or over-long
//! words into the title, the byline, the text and the links. Whatever the variant, no
//! forbidden character reaches the screen (the laid-out lines and the bytes written to
//! the terminal, scrolled through the whole article) or the bytes `kabar read` prints (text and JSON, and the strings inside
//! the JSON); only http(s) links survive; long words wrap inside the panes; the title and
//! the authors read as plain text.

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kabar::app::{App, Msg, Request};
use kabar::article::Article;
use kabar::{sites, text, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use serde_json::Value;
use unicode_width::UnicodeWidthStr;
use url::Url;

use common::drawn::{ByteTerminal, bytes_problem, laid_out, lines_problem};
use common::{article_problem, first_forbidden, fixture, kabar, scratch_dir, stderr};

const TITLE: &str = "Viral Unggahan Warganet soal Antrean Panjang di Stasiun";
const AUTHOR: &str = "Nur Fitriatus Shalihah";
const URL: &str = "https://www.kompas.com/tren/read/2026/11/25/080000065/viral-unggahan-warganet-soal-antrean-panjang-di-stasiun";
/// Text width for `kabar read --width`.
const WIDTH: usize = 60;

/// The hostile bits the fixture carries (in the title, the byline, the text); a variant
/// puts its payload in place of every one of them.
const MARKERS: [&str; 6] = [
    "\u{1b}]0;PWNED\u{7}",
    "\u{1b}[2J",
    "\u{1b}]52;c;cm0gLXJmIH4=\u{7}",
    "\u{9b}31m",
    "\u{9b}0m",
    "&#x1b;[31m",
];

/// A payload as it is written into the HTML, and what of it may be left once clean
/// (harmless printable rest, such as the `0` of `ESC ( 0`).
struct Payload {
    name: &'static str,
    html: &'static str,
    left: &'static str,
}

const PAYLOADS: &[Payload] = &[
    Payload {
        name: "OSC 0 window title, BEL",
        html: "\u{1b}]0;PWNED\u{7}",
        left: "",
    },
    Payload {
        name: "OSC 52 clipboard, ESC \\",
        html: "\u{1b}]52;c;cm0gLXJmIH4=\u{1b}\\",
        left: "",
    },
    Payload {
        name: "OSC 8 hyperlink",
        html: "\u{1b}]8;;https://evil.example/\u{7}klik\u{1b}]8;;\u{7}",
        left: "klik",
    },
    Payload {
        name: "CSI clear screen and home",
        html: "\u{1b}[2J\u{1b}[H",
        left: "",
    },
    Payload {
        name: "CSI cursor up, erase line",
        html: "\u{1b}[1A\u{1b}[2K",
        left: "",
    },
    Payload {
        name: "SGR as a hex entity",
        html: "&#x1b;[31m",
        left: "",
    },
    Payload {
        name: "SGR as a decimal entity",
        html: "&#27;[5m",
        left: "",
    },
    Payload {
        name: "8-bit CSI",
        html: "\u{9b}31m",
        left: "",
    },
    Payload {
        name: "8-bit OSC ended by 8-bit ST",
        html: "\u{9d}0;PWNED\u{9c}",
        left: "",
    },
    Payload {
        name: "DCS sixel",
        html: "\u{1b}Pq#0;2;0;0;0#0~~\u{1b}\\",
        left: "",
    },
    Payload {
        name: "APC",
        html: "\u{1b}_Gf=24;AAAA\u{1b}\\",
        left: "",
    },
    Payload {
        name: "charset switch to line drawing",
        html: "\u{1b}(0",
        left: "0",
    },
    Payload {
        name: "reset terminal",
        html: "\u{1b}c",
        left: "",
    },
    Payload {
        name: "lone ESC",
        html: "\u{1b}",
        left: "",
    },
    Payload {
        name: "carriage return overwrite",
        html: "\rPALSU",
        left: " PALSU",
    },
    Payload {
        name: "backspaces and DEL",
        html: "\u{8}\u{8}\u{7f}",
        left: "",
    },
    Payload {
        name: "bell and vertical tab",
        html: "\u{7}\u{b}\u{c}",
        left: "",
    },
    Payload {
        name: "bidi override",
        html: "\u{202e}",
        left: "",
    },
    Payload {
        name: "bidi isolates as entities",
        html: "&#x2067;&#x2069;",
        left: "",
    },
    Payload {
        name: "bidi marks",
        html: "\u{200f}\u{200e}\u{61c}",
        left: "",
    },
    Payload {
        name: "8-bit CSI as an entity (the HTML parser makes it U+203A)",
        html: "&#x9b;",
        left: "\u{203a}",
    },
];

/// Hrefs for the "Baca juga" link, and the address each must become (`None`: dropped).
const HREFS: &[(&str, Option<&str>)] = &[
    ("javascript:alert(document.cookie)", None),
    (" JaVaScRiPt:alert(1)", None),
    // A browser strips the tab and runs the script; the sanitizer folds it to a space,
    // which leaves a harmless relative address on the page's own site.
    (
        "java&#x09;script:alert(1)",
        Some("https://www.kompas.com/tren/read/2026/11/25/080000065/java%20script:alert(1)"),
    ),
    ("&#106;avascript:alert(1)", None),
    ("javascript&#58;alert(1)", None),
    ("\u{1b}[0mjavascript:alert(1)", None),
    (
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        None,
    ),
    ("vbscript:msgbox(1)", None),
    ("file:///etc/passwd", None),
    ("about:blank", None),
    (
        "\u{1b}]8;;x\u{7}https://www.kompas.com/read/2026/11/25/1/aman",
        Some("https://www.kompas.com/read/2026/11/25/1/aman"),
    ),
    (
        "https://pengguna:sandi@www.kompas.com/read/2026/11/25/2/aman",
        Some("https://www.kompas.com/read/2026/11/25/2/aman"),
    ),
    (
        "//www.kompas.com/read/2026/11/25/3/aman",
        Some("https://www.kompas.com/read/2026/11/25/3/aman"),
    ),
];

/// Words that no line break can help: each takes the place of the fixture's
/// 3,000-character word.
const LONG_WORDS: &[(&str, &str, usize)] = &[
    ("latin", "a", 3_000),
    ("latin, longer", "x", 12_000),
    ("double-width", "\u{56fd}", 1_500),
    ("with combining accents", "e\u{301}", 1_500),
    ("emoji", "\u{1f30a}", 1_000),
];

fn fixture_html() -> String {
    std::fs::read_to_string(fixture("article-hostile-escape.html")).unwrap()
}

/// The page with `payload` in place of every marker; every marker must be in the page,
/// or the variant would test less than it says.
fn with_payload(html: &str, payload: &str) -> String {
    for m in MARKERS {
        assert!(
            html.contains(m),
            "the fixture no longer holds the marker {m:?}"
        );
    }
    MARKERS
        .iter()
        .fold(html.to_string(), |page, m| page.replace(m, payload))
}

fn with_href(html: &str, href: &str) -> String {
    let marker = "javascript:alert(document.cookie)";
    assert!(
        html.contains(marker),
        "the fixture no longer holds {marker:?}"
    );
    html.replace(marker, href)
}

fn with_long_word(html: &str, word: &str) -> String {
    let start = html
        .find(&"a".repeat(1000))
        .expect("the fixture's long word");
    let len = html[start..].find(|c| c != 'a').unwrap();
    format!("{}{word}{}", &html[..start], &html[start + len..])
}

fn parse(html: &str) -> Article {
    let url = Url::parse(URL).unwrap();
    sites::read_article(html, &url)
        .expect("the variant has text")
        .article
}

fn assert_clean_article(what: &str, a: &Article) {
    if let Some(problem) = article_problem(a) {
        panic!("{what}: {problem}");
    }
}

/// Plain text as printed: nothing forbidden, and no line wider than the width but the
/// addresses, which stay whole on their own lines so they can be copied.
fn assert_clean_text(what: &str, printed: &str, width: usize) {
    assert_eq!(first_forbidden(printed), None, "{what}");
    for line in printed.lines() {
        if !line.trim_start().starts_with("http") {
            assert!(
                line.width() <= width,
                "{what}: a line {} columns wide: {line:.80}",
                line.width()
            );
        }
    }
}

fn press(app: &mut App, code: KeyCode) -> Vec<Request> {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// Draws the article page by page to its end, at a wide and a narrow size, and checks
/// every frame: nothing forbidden in the laid-out lines or in the bytes the crossterm
/// backend writes (the cells of a `TestBackend` could not show a control character:
/// ratatui drops them), and the pane borders hold no text (a word that does not wrap
/// would run over them). Returns the first frame of the wide screen.
fn assert_draws_clean(what: &str, article: &Article) -> String {
    let now = common::test_now();
    let mut first = None;
    for size in [(120, 40), (80, 24)] {
        let mut app = common::reader_with(article.clone(), size);
        let lines = laid_out(article, size.0);
        assert_eq!(lines_problem(&lines), None, "{what} at {size:?}: laid out");
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        let mut bytes = ByteTerminal::new(size);
        let mut last_scroll = None;
        loop {
            terminal.draw(|f| ui::draw(f, &app, now)).unwrap();
            let written = bytes.draw(&app);
            assert_eq!(bytes_problem(&written), None, "{what} at {size:?}: drawn");
            let buffer = terminal.backend().buffer();
            let panes = app.panes();
            for pane in [panes.list, panes.reader].into_iter().flatten() {
                for (x, y) in border_cells(pane) {
                    let symbol = buffer[(x, y)].symbol();
                    assert!(
                        !symbol.chars().any(char::is_alphanumeric),
                        "{what} at {size:?}: text {symbol:?} on the border at ({x}, {y})"
                    );
                }
            }
            first.get_or_insert_with(|| common::buffer_text(buffer));
            let scroll = app.current().map(|p| p.scroll());
            if scroll == last_scroll {
                break;
            }
            last_scroll = scroll;
            press(&mut app, KeyCode::Char(' '));
        }
    }
    first.unwrap()
}

/// The left and right border cells of a pane, below its title row and above its bottom.
fn border_cells(pane: Rect) -> impl Iterator<Item = (u16, u16)> {
    (pane.y + 1..pane.bottom() - 1).flat_map(move |y| [(pane.x, y), (pane.right() - 1, y)])
}

/// `kabar read` on the page, in both formats: clean bytes, clean strings inside the JSON.
/// Returns the JSON.
fn assert_prints_clean(what: &str, html: &str) -> Value {
    let dir = scratch_dir("hostile");
    let file = dir.join("page.html");
    std::fs::write(&file, html).unwrap();
    let file = file.to_str().unwrap();
    let as_text = kabar(&["read", file, "--width", &WIDTH.to_string()]);
    assert!(as_text.status.success(), "{what}: {}", stderr(&as_text));
    let printed = String::from_utf8(as_text.stdout).expect("UTF-8 text");
    assert_clean_text(&format!("{what} (text)"), &printed, WIDTH);

    let as_json = kabar(&["read", file, "--json"]);
    assert!(as_json.status.success(), "{what}: {}", stderr(&as_json));
    let json = String::from_utf8(as_json.stdout).expect("UTF-8 JSON");
    assert_eq!(
        first_forbidden(json.trim_end()),
        None,
        "{what} (JSON bytes)"
    );
    let value: Value = serde_json::from_str(&json).unwrap();
    let article: Article = serde_json::from_value(value.clone()).unwrap();
    // The JSON escapes (`\u001b`) must not hide anything a script would print.
    assert_clean_article(&format!("{what} (JSON)"), &article);
    value
}

#[test]
fn escape_payloads_never_reach_the_screen_or_stdout() {
    let html = fixture_html();
    for p in PAYLOADS {
        let page = with_payload(&html, p.html);
        let what = p.name;
        let article = parse(&page);
        assert_clean_article(what, &article);
        let title = format!("{TITLE}{}", p.left);
        let author = format!("{AUTHOR}{}", p.left);
        assert_eq!(
            article.title, title,
            "{what}: the title reads as plain text"
        );
        assert_eq!(
            article.authors,
            std::slice::from_ref(&author),
            "{what}: the author too"
        );
        assert_clean_text(what, &text::article(&article, WIDTH), WIDTH);
        let screen = assert_draws_clean(what, &article);
        assert!(
            screen.contains(&title),
            "{what}: the title on screen\n{screen}"
        );
        assert!(
            screen.contains(&author),
            "{what}: the author on screen\n{screen}"
        );

        let printed = assert_prints_clean(what, &page);
        assert_eq!(printed["title"], title.as_str(), "{what}");
        assert_eq!(printed["authors"], serde_json::json!([author]), "{what}");
    }
}

#[test]
fn only_web_links_survive() {
    let html = fixture_html();
    for (href, kept) in HREFS {
        let what = format!("href {href:?}");
        let page = with_href(&html, href);
        let article = parse(&page);
        assert_clean_article(&what, &article);
        let related: Vec<&str> = article.related.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(related, kept.iter().copied().collect::<Vec<_>>(), "{what}");
        // The image is a data: URL in every variant: dropped.
        assert_eq!(article.image, None, "{what}");

        let printed = assert_prints_clean(&what, &page);
        let raw = printed.to_string().to_lowercase();
        for scheme in ["javascript:", "vbscript:", "data:", "file:", "about:"] {
            assert!(!raw.contains(scheme), "{what}: {scheme} in the output");
        }
    }
}

#[test]
fn words_too_long_for_a_line_wrap_inside_the_panes() {
    let html = fixture_html();
    for (what, unit, n) in LONG_WORDS {
        let word = unit.repeat(*n);
        let page = with_long_word(&html, &word);
        let article = parse(&page);
        assert!(
            article.body.iter().any(|b| b.text.contains(&word)),
            "{what}: the word is kept whole in the text"
        );
        let printed = text::article(&article, WIDTH);
        assert_clean_text(what, &printed, WIDTH);
        let joined: String = printed.split_whitespace().collect();
        assert!(joined.contains(&word), "{what}: the word is all printed");
        assert_draws_clean(what, &article);
        assert_prints_clean(what, &page);
    }
}

/// The checks above can fail: a control or bidi character in the text shows in the
/// laid-out lines; ratatui drops both from its cells, so they never reach the bytes, but
/// a private-use character does, and the bytes show it; so does an escape sequence the
/// backend does not write.
#[test]
fn the_screen_checks_catch_what_they_look_for() {
    let mut article = parse(&fixture_html());
    article.title = "Judul \u{1b}[2J dengan kendali".into();
    assert!(lines_problem(&laid_out(&article, 60)).is_some());
    article.title = "Judul \u{202e}terbalik".into();
    assert!(lines_problem(&laid_out(&article, 60)).is_some());
    article.title = "Judul \u{e000} pribadi".into();
    let app = common::reader_with(article, (80, 24));
    let written = ByteTerminal::new((80, 24)).draw(&app);
    let problem = bytes_problem(&written).expect("the private-use character in the bytes");
    assert!(problem.contains("U+E000"), "{problem}");
    assert!(bytes_problem(b"teks \x1b]0;PWNED\x07").is_some());
    assert!(bytes_problem(b"teks \x1b[2J").is_some());
    assert!(bytes_problem(b"\x1b[1;1H\x1b[38;5;3mteks\x1b[0m\x1b[?25l").is_none());
}
