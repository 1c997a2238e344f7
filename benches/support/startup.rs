//! Start-up from a store like a reader's after weeks of use (1,000 headlines, 200
//! articles): the store filled, and the path from it to the first drawn frame. Shared by
//! `benches/startup.rs`, which times it, and `tests/bench_checks.rs`, which checks the
//! frame lists every stored headline.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use kabar::app::{App, Settings};
use kabar::article::{Headline, HeadlinePage};
use kabar::sites::kompas::INDEX_URL;
use kabar::store::Store;
use kabar::{sites, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use url::Url;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures/kompas")
        .join(name);
    std::fs::read_to_string(path).expect("fixture pages beside the checkout")
}

/// A store like a reader's after weeks of use, made afresh in `dir`.
pub fn filled_store(dir: PathBuf) -> PathBuf {
    let _ = std::fs::remove_dir_all(&dir);
    let (store, _) = Store::open_in(&dir).unwrap();
    let html = fixture("article-global-latihan-bencana.html");
    let base = Url::parse("https://www.kompas.com/").unwrap();
    let template = sites::read_article(&html, &sites::page_url(&html, None, &base))
        .unwrap()
        .article;
    let now = Utc::now();
    let headlines: Vec<Headline> = (0..1000)
        .map(|i| Headline {
            title: format!("{} ({i})", template.title),
            url: format!("https://www.kompas.com/global/read/2026/11/24/{i:09}/berita-{i}"),
            label: Some("Global".into()),
            published: template.published,
        })
        .collect();
    for h in headlines.iter().take(200) {
        let mut a = template.clone();
        a.url = h.url.clone();
        store.put_article(&h.url, &a, now).unwrap();
    }
    let read: Vec<String> = headlines.iter().step_by(3).map(|h| h.url.clone()).collect();
    store.set_all_read(&read, now).unwrap();
    store
        .put_headlines(INDEX_URL, &headlines, None, now)
        .unwrap();
    dir
}

pub fn first_frame(dir: &std::path::Path, now: DateTime<chrono::FixedOffset>) -> usize {
    let (store, _) = Store::open_in(dir).unwrap();
    let list = store.headlines(INDEX_URL).unwrap().unwrap();
    let urls: Vec<String> = list.headlines.iter().map(|h| h.url.clone()).collect();
    let read = store.read_among(&urls).unwrap();
    let mut app = App::new(Settings::default(), (120, 40));
    app.show_stored(
        HeadlinePage {
            headlines: list.headlines,
            next: list.next,
        },
        list.fetched_at,
        read,
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| ui::draw(f, &app, now)).unwrap();
    app.list().headlines.len()
}
