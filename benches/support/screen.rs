//! The app the screen benches draw: 1,000 headlines listed and a 50,000-word article
//! made of the fixture articles open in the reader, at 200×60. Shared by `benches/ui.rs`,
//! which times keys and frames, and `tests/bench_checks.rs`, which checks the app is what
//! the benches say it is.

#![allow(dead_code)] // each includer uses a different part

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kabar::app::{Answer, App, Msg, Request, Settings};
use kabar::article::{Article, Block, BlockKind, Headline, HeadlinePage};
use kabar::sites;
use url::Url;

pub const SIZE: (u16, u16) = (200, 60);
pub const WORDS: usize = 50_000;
pub const HEADLINES: usize = 1_000;
/// A word that occurs all through the long article, for find-in-article.
pub const FIND: &str = "pemerintah";

pub fn fixture_article(name: &str) -> Article {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/kompas")
        .join(name);
    let html = std::fs::read_to_string(path).expect("fixture pages beside the checkout");
    let url = sites::page_url(&html, None, &Url::parse("https://www.kompas.com/").unwrap());
    sites::read_article(&html, &url).unwrap().article
}

/// A 50,000-word article made of the fixture articles' blocks (paragraphs, headings, list
/// items, quotes), numbered so no two paragraphs are the same, with their links.
pub fn long_article() -> Article {
    let sources: Vec<Article> = [
        "article-global-latihan-bencana.html",
        "article-health-kebiasaan-pagi.html",
        "article-nasional-ruu-data-anak-page-all.html",
        "article-regional-banjir-rob.html",
        "article-kolom-transportasi.html",
    ]
    .iter()
    .map(|n| fixture_article(n))
    .collect();
    let pool: Vec<&Block> = sources.iter().flat_map(|a| &a.body).collect();
    let mut article = sources[0].clone();
    article.body.clear();
    let mut words = 0;
    for (i, block) in pool.iter().cycle().enumerate() {
        if words >= WORDS {
            break;
        }
        let mut b = (*block).clone();
        if b.kind == BlockKind::Paragraph {
            // Keep the find word in every tenth paragraph at least.
            b.text = if i % 10 == 0 {
                format!("({i}) Menurut {FIND}, {}", b.text)
            } else {
                format!("({i}) {}", b.text)
            };
        }
        words += b.text.split_whitespace().count();
        article.body.push(b);
    }
    article.url = "https://www.kompas.com/global/read/2026/11/24/193015670/panjang".into();
    article
}

pub fn headlines(n: usize) -> Vec<Headline> {
    let template = fixture_article("article-global-latihan-bencana.html");
    let labels = ["Nasional", "Global", "Regional", "Money", "Tekno", "Bola"];
    (0..n)
        .map(|i| Headline {
            title: format!("{} ({i})", template.title),
            url: format!("https://www.kompas.com/global/read/2026/11/24/{i:09}/berita-{i}"),
            label: Some(labels[i % labels.len()].into()),
            published: template.published,
        })
        .collect()
}

pub fn press(app: &mut App, code: KeyCode) -> Vec<Request> {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The app with `n` headlines listed and, when given, `article` open in the reader
/// (opened from the first headline, as the user does), the clock of the frame fixed.
pub fn app_with(n: usize, article: Option<&Article>) -> App {
    let mut app = App::new(Settings::default(), SIZE);
    let Some(Request::Headlines { id, .. }) = app.start().pop() else {
        panic!("the app starts by asking for its list")
    };
    app.update(Msg::Answer(Answer::Headlines {
        id,
        result: Ok(HeadlinePage {
            headlines: headlines(n),
            next: None,
        }),
        fetched_at: chrono::Utc::now(),
        read: Default::default(),
    }));
    if let Some(article) = article {
        open(&mut app, article);
    }
    app
}

/// Opens the selected headline and answers it with `article`.
pub fn open(app: &mut App, article: &Article) {
    let Some(Request::Article { id, .. }) = press(app, KeyCode::Enter).pop() else {
        panic!("Enter asks for the article")
    };
    app.update(Msg::Answer(Answer::Article {
        id,
        result: Ok(Box::new(article.clone())),
        position: 0,
        saved: false,
    }));
}
