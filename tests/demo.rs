//! The built-in demo (`kabar --demo`) as a new user meets it: every default section has
//! an index with its own headlines, every article in it opens, and every link inside an
//! article opens too. In-process through `kabar::mirror`, then in a real terminal.

mod common;

use std::collections::BTreeSet;

use common::tmux::Tmux;
use kabar::config::Section;
use kabar::fetch;
use kabar::mirror::{MirrorServer, Routes};
use kabar::net::Client;
use url::Url;

/// The article addresses the demo serves, from its own table.
fn demo_articles() -> Vec<Url> {
    let table = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/urls.tsv"),
    )
    .unwrap();
    table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(url, _)| url.contains("/read/"))
        .map(|(url, _)| Url::parse(url).unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_demo_section_and_every_link_in_every_demo_article_opens() {
    let server = MirrorServer::start(Routes::demo()).unwrap();
    let client = Client::new(Some(server.base().clone())).unwrap();
    let mut firsts = BTreeSet::new();
    for section in Section::defaults() {
        let url = Url::parse(&section.url()).unwrap();
        let page = fetch::headlines(&client, &url)
            .await
            .unwrap_or_else(|e| panic!("{} ({url}): {e}", section.name));
        let first = page
            .headlines
            .first()
            .unwrap_or_else(|| panic!("{}: no headlines", section.name));
        if let Some(site) = &section.site {
            assert!(
                first.url.contains(&format!("{site}.kompas.com/"))
                    || first.url.contains(&format!("www.kompas.com/{site}/")),
                "{}'s first headline is of its own channel: {}",
                section.name,
                first.url
            );
        }
        firsts.insert(first.url.clone());
    }
    assert!(firsts.len() >= 10, "each section its own first headline");

    let articles = demo_articles();
    assert!(articles.len() >= 15);
    let mut checked = 0;
    let mut with_photos = 0;
    for url in &articles {
        let article = fetch::article(&client, url)
            .await
            .unwrap_or_else(|e| panic!("{url}: {e}"));
        for link in article.numbered_links() {
            let to = Url::parse(link.url).unwrap();
            let opened = match article.photo(link.n) {
                Some(_) => client.get_photo(&to).await.map(|file| {
                    kabar::picture::decode(&file).unwrap_or_else(|e| panic!("{to}: {e}"));
                }),
                None => client.get_html(&to).await.map(drop),
            };
            opened.unwrap_or_else(|e| panic!("link [{}] of {url}: {e}", link.n));
            checked += 1;
        }
        // Every lead photo is served: the reader fetches it as the article opens, and a
        // photo that fails shows as not loaded.
        if let Some(lead) = article.image.as_deref() {
            let lead = Url::parse(lead).unwrap();
            let file = client.get_photo(&lead).await;
            let file = file.unwrap_or_else(|e| panic!("the lead photo of {url}: {e}"));
            kabar::picture::decode(&file).unwrap_or_else(|e| panic!("{lead}: {e}"));
            with_photos += 1;
        }
    }
    assert!(checked > 0, "the demo articles have links");
    assert!(
        with_photos >= 15,
        "the demo's articles have lead photos, and they are served"
    );
}

/// Each default section's name and the title of its first headline in the demo.
fn section_firsts() -> Vec<(String, String)> {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = MirrorServer::start(Routes::demo()).unwrap();
    let client = Client::new(Some(server.base().clone())).unwrap();
    Section::defaults()
        .into_iter()
        .map(|section| {
            let url = Url::parse(&section.url()).unwrap();
            let page = runtime.block_on(fetch::headlines(&client, &url)).unwrap();
            (section.name, page.headlines[0].title.clone())
        })
        .collect()
}

/// The first words of a title, as few as fit any list pane.
fn start_of(title: &str) -> String {
    title.split(' ').take(3).collect::<Vec<_>>().join(" ")
}

#[test]
fn every_demo_tab_shows_its_own_headlines() {
    let firsts = section_firsts();
    let data = common::scratch_dir("demo-tabs");
    let tmux = Tmux::start("demo-tabs");
    tmux.wait_for("$");
    tmux.type_line(&format!(
        "{} --demo --data-dir {}",
        env!("CARGO_BIN_EXE_kabar"),
        data.display()
    ));
    tmux.wait_for(&start_of(&firsts[0].1));
    for (i, (name, title)) in firsts.iter().enumerate().skip(1) {
        tmux.send(&["]"]);
        let screen = tmux.wait_for(&format!("{name} ("));
        let screen = if screen.contains(&start_of(title)) {
            screen
        } else {
            tmux.wait_for(&start_of(title))
        };
        assert!(
            !screen.contains("not found") && !screen.contains("404"),
            "tab {i} ({name}):\n{screen}"
        );
    }
    tmux.quit();
    tmux.type_line("echo exit-status-$?");
    tmux.wait_for("exit-status-0");
}

/// `o` with `browser = "SCRIPT --flag %u"` in the config: the script gets the flag and
/// the address as one argument each, and the status line says it opened; with a browser
/// that cannot start, the status line says so.
#[test]
fn the_configured_browser_gets_the_address_and_the_status_line_tells() {
    let dir = common::scratch_dir("demo-browser");
    let (opener, args) = common::recording_browser(&dir);
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        format!("browser = \"{} --flag %u\"\n", opener.display()),
    )
    .unwrap();
    let tmux = Tmux::start("demo-browser");
    tmux.wait_for("$");
    let run = |config: &std::path::Path| {
        tmux.type_line(&format!(
            "{} --demo --data-dir {} --config {}",
            env!("CARGO_BIN_EXE_kabar"),
            dir.join("data").display(),
            config.display()
        ));
    };
    run(&config);
    let first = start_of(&section_firsts()[0].1);
    tmux.wait_for(&first);
    tmux.send(&["o"]);
    tmux.wait_for("opened in the browser");
    let got = std::fs::read_to_string(&args).unwrap();
    let lines: Vec<&str> = got.lines().collect();
    assert_eq!(lines[0], "2", "two arguments: {got}");
    assert_eq!(lines[1], "--flag");
    assert!(
        lines[2].starts_with("https://") && lines[2].contains("/read/"),
        "the address, whole: {got}"
    );
    tmux.send(&["q"]);
    tmux.wait_for_gone(&first);

    let missing = dir.join("missing.toml");
    std::fs::write(&missing, "browser = \"/no/such/browser %u\"\n").unwrap();
    run(&missing);
    tmux.wait_for(&first);
    tmux.send(&["o"]);
    tmux.wait_for("cannot open the browser");
    tmux.send(&["q"]);
}

/// The day keys step from the real today (`<` on a list of no day), or from the day on
/// screen: whatever day they reach, of the whole index or of a section, the demo answers
/// with a list: its own page of that day when it has one, else the index without the day.
/// A route table of the same pages without that rule still answers 404 for those days.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_day_the_demos_day_keys_reach_reads_as_a_list() {
    use kabar::sites::kompas;
    let today = kompas::today();
    let server = MirrorServer::start(Routes::demo()).unwrap();
    let client = Client::new(Some(server.base().clone())).unwrap();
    let mut days: Vec<chrono::NaiveDate> = (1..=3)
        .map(|back| today - chrono::TimeDelta::days(back))
        .collect();
    days.push(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    let mut indexes: Vec<String> = Section::defaults().iter().map(|s| s.url()).collect();
    indexes.push(kompas::INDEX_URL.to_string());
    for index in &indexes {
        let index = Url::parse(index).unwrap();
        for day in &days {
            let url = kompas::on_day(&index, *day, today)
                .expect("an index has days")
                .unwrap();
            let url = Url::parse(&url).unwrap();
            let page = fetch::headlines(&client, &url)
                .await
                .unwrap_or_else(|e| panic!("{url}: {e}"));
            assert!(!page.headlines.is_empty(), "{url}: no headlines");
        }
    }

    // A day the demo has a page of is that page, not the index without the day.
    let day = |d: &str| Url::parse(&format!("{}?date={d}", kompas::INDEX_URL)).unwrap();
    let latest = fetch::headlines(&client, &Url::parse(kompas::INDEX_URL).unwrap())
        .await
        .unwrap();
    let own = fetch::headlines(&client, &day("2026-11-23")).await.unwrap();
    assert_ne!(own.headlines, latest.headlines);

    let table = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/urls.tsv");
    let plain = MirrorServer::start(Routes::from_tsv(&table).unwrap()).unwrap();
    let client = Client::new(Some(plain.base().clone())).unwrap();
    let missing = fetch::headlines(&client, &day("2026-11-22")).await;
    assert!(
        missing
            .as_ref()
            .is_err_and(|e| e.to_string().contains("404")),
        "{missing:?}"
    );
}
