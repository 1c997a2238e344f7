//! Pages built to cost: every structure that once crashed kabar, froze it for minutes or
//! took gigabytes, and the big real-world pages a reader must still read whole. Each runs
//! through the real binary, from the network and from a file, and must end on its own
//! within [`DEADLINE`] (a hang guard, far above what any case takes) under [`MAX_RSS_MB`]
//! of peak memory; the reader must stay up with all of them among its prefetched pages.
//!
//! `scripts/measure-budgets` runs these against a release build and prints each case's
//! time and memory (the figures in docs/PERFORMANCE.md).

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::tmux::Tmux;
use common::{RawServer, Run, http_answer, kabar_run, scratch_dir};

const DEADLINE: Duration = Duration::from_secs(10);
const MAX_RSS_MB: f64 = 300.0;
const TITLE: &str = "Warga Bersihkan Saluran Air";
const TEXT: &str = "Warga kampung membersihkan saluran air bersama setiap pekan.";
const KOMPAS: &str = "https://www.kompas.com/read/2026/11/25/10000001";
const HTML: (&str, &str) = ("Content-Type", "text/html; charset=utf-8");

/// A Kompas article whose body holds `inside`, then one ordinary paragraph.
fn kompas_article(inside: &str) -> String {
    format!(
        "<!doctype html><html><head><title>{TITLE}</title></head><body>\
         <h1 class=read__title>{TITLE}</h1><div class=read__content>{inside}<p>{TEXT}</p>\
         </div></body></html>"
    )
}

/// A page of another site: `inside` in an `<article>`.
fn other_article(title: &str, inside: &str) -> String {
    format!(
        "<!doctype html><html><head><title>{title}</title></head><body><main><article>\
         <h1>{title}</h1><p>{TEXT}</p>{inside}</article></main></body></html>"
    )
}

/// `n` formatting elements left open in a paragraph, then `m` short paragraphs: the parser
/// re-creates all `n` in each paragraph.
fn open_formatting(n: usize, m: usize) -> String {
    let open: String = (0..n).map(|i| format!("<b id=b{i}>")).collect();
    kompas_article(&format!("<p>{open}x{}", "<p>y".repeat(m)))
}

/// A Wikipedia-like article of at least `elements` elements: sections of a heading, a
/// paragraph with links, bold, italics and a footnote, and a short list.
fn wiki_article(elements: usize) -> String {
    let sections: String = (0..elements.div_ceil(11))
        .map(|i| {
            format!(
                "<h2 id=s{i}>Bagian {i}</h2><p>Paragraf {i} tentang <a href=/wiki/A{i}>sesuatu</a> \
                 dengan <b>tebal</b>, <i>miring</i> dan catatan<sup><a href=#c{i}>[{i}]</a></sup>. \
                 {}</p><ul><li>satu</li><li>dua <a href=/x>x</a></li></ul>",
                "kata ".repeat(60)
            )
        })
        .collect();
    other_article("Artikel Panjang", &sections)
}

/// A live blog of `entries` entries, each with an inline SVG icon.
fn live_blog(entries: usize) -> String {
    let svg = "<svg viewBox='0 0 10 10'><path d='M0 0L10 10'/></svg>";
    let body: String = (0..entries)
        .map(|i| {
            format!(
                "<div class=entry><span class=time>{}:{:02}</span>{svg}<p>Kabar terbaru nomor {i}: \
                 {}</p></div>",
                i / 60,
                i % 60,
                "kata ".repeat(30)
            )
        })
        .collect();
    other_article("Siaran Langsung", &body)
}

/// A thread of `replies` replies, each a line and a quote of 40 words said nowhere before.
fn quoting_thread(replies: usize) -> String {
    let body: String = (0..replies)
        .map(|i| {
            let quoted: String = (0..40).map(|w| format!("k{i}x{w} ")).collect();
            format!("<div class=post><p>Balasan nomor {i} di utas ini.</p><blockquote>{quoted}</blockquote></div>")
        })
        .collect();
    other_article("Utas Panjang", &body)
}

/// A thread whose every post holds the next, `depth` deep, each with its time and an empty
/// look-alike beside it, and in the deepest a paragraph of `words` words, each in a
/// `<span>` of its own. No post names its poster, so each post's search for one went
/// through all that is under it.
fn nested_posts(depth: usize, words: usize) -> String {
    let open: String = (0..depth)
        .map(|i| format!(r#"<div class="post"><time>{i} Mei 2025</time>"#))
        .collect();
    let text: String = (0..words).map(|i| format!("<span>w{i} </span>")).collect();
    let close = r#"</div><div class="post"></div>"#.repeat(depth);
    other_article(
        "Utas Bersarang",
        &format!("{open}<p>{text}</p><p>Akhir utas bersarang.</p>{close}"),
    )
}

/// A Kompas article of about 9 MB of text.
fn kompas_9_mb() -> String {
    let paras: String = (0..11_500)
        .map(|i| format!("<p>Paragraf {i} {}</p>", "kata ".repeat(150)))
        .collect();
    kompas_article(&paras)
}

/// Headline links to one article, differing only in their tracking parameters.
fn tracking_links(n: usize) -> String {
    let links: String = (0..n)
        .map(|i| format!("<a href='{KOMPAS}/berita?utm_source=x{i}'>Berita Satu</a>"))
        .collect();
    format!("<!doctype html><html><body><div>{links}</div></body></html>")
}

/// An article with `n` links under "Terkini Lainnya": in one container, or `loose`, as
/// siblings of the heading.
fn terkini(n: usize, loose: bool) -> String {
    let items: String = (0..n)
        .map(|i| {
            format!(
                "<div><a href='https://www.kompas.com/read/2026/11/25/2{i:07}/b'><h3>Berita {i}</h3></a></div>"
            )
        })
        .collect();
    let list = if loose {
        items
    } else {
        format!("<div>{items}</div>")
    };
    kompas_article("").replace(
        "</body>",
        &format!("<section><h2>Terkini Lainnya</h2>{list}</section></body>"),
    )
}

/// `scripts` JSON-LD blocks of `objects` tiny objects each, on a page of another site.
fn json_ld_objects(scripts: usize, objects: usize) -> String {
    let objects = vec![r#"{"a":1}"#; objects].join(",");
    let scripts =
        format!("<script type='application/ld+json'>[{objects}]</script>").repeat(scripts);
    format!(
        "<!doctype html><html><head><title>{TITLE}</title>{scripts}</head>\
         <body><article><p>{TEXT}</p></article></body></html>"
    )
}

/// What a case must give.
#[derive(Clone, Copy)]
enum Expect {
    /// Refused: one line with these words, exit 4.
    Refused(&'static str),
    /// Read: exit 0, with this text in the output (the end of the page, when the case is
    /// about reading a page whole).
    Read(&'static str),
}

struct Case {
    name: &'static str,
    page: fn() -> String,
    kompas: bool,
    headlines: bool,
    expect: Expect,
}

const fn case(name: &'static str, page: fn() -> String, expect: Expect) -> Case {
    Case {
        name,
        page,
        kompas: true,
        headlines: false,
        expect,
    }
}

const fn elsewhere(mut c: Case) -> Case {
    c.kompas = false;
    c
}

const DEEP: Expect = Expect::Refused("nested more than 256 elements deep");
const WIDE: Expect = Expect::Refused("more than 400000 elements");

fn cases() -> Vec<Case> {
    vec![
        // Was a stack overflow: the tags' estimate said 2 levels; the tree is 32,000.
        case(
            "dd_li_16000",
            || kompas_article(&"<dd><li>".repeat(16_000)),
            DEEP,
        ),
        // Was 145 s: stray end tags close nothing.
        case(
            "div_and_stray_end_tag_49000",
            || kompas_article(&"<div></x>".repeat(49_000)),
            DEEP,
        ),
        // Were 15.6 s/415 MB and 84 s/1.35 GB: K×M elements from K+M tags.
        case(
            "formatting_300_by_5000",
            || open_formatting(300, 5_000),
            DEEP,
        ),
        case(
            "formatting_500_by_10000",
            || open_formatting(500, 10_000),
            DEEP,
        ),
        // Shallow enough for the depth budget, so only counting what is built stops it.
        case(
            "formatting_200_by_5000",
            || open_formatting(200, 5_000),
            WIDE,
        ),
        case(
            "formatting_250_by_10000",
            || open_formatting(250, 10_000),
            WIDE,
        ),
        case(
            "comments_1_4_million",
            || kompas_article(&"<!---->".repeat(1_400_000)),
            WIDE,
        ),
        // Just inside the depth budget, and wide: Readability would take seconds.
        elsewhere(case(
            "deep_and_wide_at_the_budget",
            || {
                let paras: String = (0..40_000)
                    .map(|i| format!("<p>Paragraf {i} kata kata.</p>"))
                    .collect();
                other_article("Dalam", &format!("{}{paras}", "<div>".repeat(240)))
            },
            Expect::Read("Paragraf 39999 kata kata."),
        )),
        // The page's parse sees `<noscript>` content as text; Readability's copy parses
        // it as markup. Was 1.9 GB.
        elsewhere(case(
            "formatting_500_by_10000_in_noscript",
            || {
                let open: String = (0..500).map(|i| format!("<b id=b{i}>")).collect();
                let bomb = format!("<p>{open}x{}", "<p>y".repeat(10_000));
                other_article("Dalam", &format!("<noscript>{bomb}</noscript>"))
            },
            Expect::Read(TEXT),
        )),
        // Was 974 MB.
        elsewhere(case(
            "json_ld_of_990000_objects",
            || json_ld_objects(1, 990_000),
            Expect::Read(TEXT),
        )),
        // Each script under the limit of one, ten together: was 857 MB.
        elsewhere(case(
            "json_ld_in_10_scripts_of_118000_objects",
            || json_ld_objects(10, 118_000),
            Expect::Read(TEXT),
        )),
        // A hundred thousand tags, each its own: their texts are told apart by a set, not
        // each against all before it.
        case(
            "tags_100000",
            || {
                let tags: String = (0..100_000)
                    .map(|i| format!("<a class=tag__article__link href=/tag/t{i}>t{i}</a>"))
                    .collect();
                kompas_article("").replace("</body>", &format!("{tags}</body>"))
            },
            Expect::Read(TEXT),
        ),
        // A description as long as a page, every run of it almost the keywords: the
        // check for a description cut into keywords reads its first words only.
        elsewhere(case(
            "description_of_4900000_words_almost_the_keywords",
            || {
                let keywords = format!("{}b", "a, ".repeat(63));
                let description = "a ".repeat(4_900_000);
                other_article("Dalam", "").replace(
                    "<title>",
                    &format!(
                        r#"<meta name="description" content="{description}"><meta name="keywords" content="{keywords}"><title>"#
                    ),
                )
            },
            Expect::Read(TEXT),
        )),
        // Was 36 s.
        case(
            "terkini_of_3000_links",
            || terkini(3_000, false),
            Expect::Read("Berita 2999"),
        ),
        // Loose items are read in one pass, not one pass for each item.
        case(
            "terkini_of_20000_loose_links",
            || terkini(20_000, true),
            Expect::Read("Berita 19999"),
        ),
        // Was 117 s.
        Case {
            headlines: true,
            ..case(
                "5000_links_differing_in_tracking",
                || tracking_links(5_000),
                Expect::Read("Berita Satu"),
            )
        },
        // feed-rs builds a kilobyte or more for every item: were 1.3 GB and 340 MB.
        Case {
            headlines: true,
            ..case(
                "json_feed_of_380000_items",
                || {
                    let items = vec![r#"{"url":"https://x.id/a"}"#; 380_000].join(",");
                    format!(
                        r#"{{"version":"https://jsonfeed.org/version/1.1","title":"X","items":[{items}]}}"#
                    )
                },
                Expect::Read("https://x.id/a"),
            )
        },
        Case {
            headlines: true,
            ..case(
                "rss_of_230000_items",
                || {
                    let items = "<item><link>https://x.id/a</link></item>".repeat(230_000);
                    format!(
                        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>X</title>{items}</channel></rss>"#
                    )
                },
                Expect::Read("https://x.id/a"),
            )
        },
        // Real pages of the biggest kinds read whole.
        elsewhere(case(
            "wiki_article_of_60000_elements",
            || wiki_article(60_000),
            Expect::Read("Paragraf 5454 tentang"),
        )),
        elsewhere(case(
            "live_blog_of_3000_entries_with_svg",
            || live_blog(3_000),
            Expect::Read("Kabar terbaru nomor 2999"),
        )),
        // Each quote is looked for in all the text read before it.
        elsewhere(case(
            "thread_of_10000_quotes",
            || quoting_thread(10_000),
            Expect::Read("Balasan nomor 9999 di utas ini."),
        )),
        // Was 10.1 s: each post's poster was looked for in all it holds, the posts inside
        // it included; and the walk looked for a heading above every element.
        elsewhere(case(
            "thread_of_posts_nested_240_deep",
            || nested_posts(240, 190_000),
            Expect::Read("Akhir utas bersarang."),
        )),
        case(
            "kompas_article_of_9_mb",
            kompas_9_mb,
            Expect::Read("Paragraf 11499 kata"),
        ),
    ]
}

fn check(case: &Case, run: &Run, how: &str) {
    let err = String::from_utf8_lossy(&run.stderr);
    let out = String::from_utf8_lossy(&run.stdout);
    let what = format!("{} ({how})", case.name);
    assert!(!run.timed_out, "{what}: still running after {DEADLINE:?}");
    assert_eq!(
        run.signal, None,
        "{what}: killed by a signal; stderr: {err}"
    );
    assert!(
        run.peak_rss_mb < MAX_RSS_MB,
        "{what}: peak memory {:.0} MB",
        run.peak_rss_mb
    );
    // The figures for docs/PERFORMANCE.md, printed with `--nocapture`.
    println!(
        "{what}: {:.2} s, peak {:.0} MB, exit {:?}",
        run.elapsed.as_secs_f64(),
        run.peak_rss_mb,
        run.code
    );
    match case.expect {
        Expect::Refused(words) => {
            assert_eq!(run.code, Some(4), "{what}: stderr: {err}");
            assert_eq!(err.trim_end().lines().count(), 1, "{what}: one line: {err}");
            assert!(err.contains(words), "{what}: {err}");
        }
        Expect::Read(text) => {
            assert_eq!(run.code, Some(0), "{what}: stderr: {err}");
            assert!(out.contains(text), "{what}: {text:?} not in the output");
        }
    }
}

fn page_url(case: &Case) -> String {
    match (case.headlines, case.kompas) {
        (true, _) => "https://www.kompas.com/".into(),
        (false, true) => format!("{KOMPAS}/{}", case.name),
        (false, false) => format!("https://example.org/{}", case.name),
    }
}

#[test]
fn every_costly_page_from_a_file_ends_in_time_and_memory() {
    let dir = scratch_dir("budgets-files");
    for case in cases() {
        let file = dir.join(format!("{}.html", case.name));
        std::fs::write(&file, (case.page)()).unwrap();
        let command = if case.headlines { "headlines" } else { "read" };
        let url = page_url(&case);
        let run = kabar_run(
            &[command, file.to_str().unwrap(), "--url", &url],
            &[],
            DEADLINE,
        );
        check(&case, &run, "file");
    }
}

#[test]
fn every_costly_page_from_the_network_ends_in_time_and_memory() {
    let cases = Arc::new(cases());
    let pages = cases.clone();
    // Every page is served at /NAME, whatever host the request was for (the mirror puts
    // the host first in the path).
    let server = RawServer::start(move |path| {
        let name = path.rsplit('/').next().unwrap_or_default();
        match pages.iter().find(|c| c.name == name) {
            Some(c) => http_answer("200 OK", &[HTML], (c.page)().as_bytes()),
            None => http_answer("404 Not Found", &[HTML], b""),
        }
    });
    let mirror = server.url("/");
    for case in cases.iter() {
        let command = if case.headlines { "headlines" } else { "read" };
        let url = if case.headlines {
            server.url(&format!("/{}", case.name))
        } else {
            page_url(case)
        };
        let run = kabar_run(&[command, &url, "--mirror", &mirror], &[], DEADLINE);
        check(case, &run, "network");
    }
}

/// A Kompas article of 39 pages of 9 MB each, whose one-page version is missing, and
/// whose paging also links to another host.
#[test]
fn a_multi_page_article_is_bounded_in_pages_bytes_and_hosts() {
    let requests = Arc::new(AtomicUsize::new(0));
    let elsewhere = Arc::new(AtomicUsize::new(0));
    let (count, off_site) = (requests.clone(), elsewhere.clone());
    let server = RawServer::start(move |path| {
        if path.contains("/admin/") {
            off_site.fetch_add(1, Ordering::SeqCst);
            return http_answer("200 OK", &[HTML], kompas_article("").as_bytes());
        }
        count.fetch_add(1, Ordering::SeqCst);
        if path.contains("page=all") {
            return http_answer("404 Not Found", &[HTML], b"");
        }
        let page = path
            .split("page=")
            .nth(1)
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(1);
        let paging: String = std::iter::once(
            "<a class=paging__link href='https://127.0.0.1:9/admin/reset?page=2'>2</a>".to_string(),
        )
        .chain((2..=39).map(|n| format!("<a class=paging__link href='?page={n}'>{n}</a>")))
        .collect();
        let text: String = (0..11_000)
            .map(|i| format!("<p>Halaman {page} paragraf {i} {}</p>", "kata ".repeat(150)))
            .collect();
        let html = kompas_article(&format!("{text}<div class=read__paging>{paging}</div>"));
        http_answer("200 OK", &[HTML], html.as_bytes())
    });
    let url = format!("{KOMPAS}/berita-panjang");
    // 25 MB to parse in a debug build beside the other tests: a hang guard with room.
    let run = kabar_run(
        &["read", &url, "--mirror", &server.url("/")],
        &[],
        3 * DEADLINE,
    );
    let err = String::from_utf8_lossy(&run.stderr);
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(!run.timed_out && run.signal.is_none(), "stderr: {err}");
    assert_eq!(run.code, Some(0), "stderr: {err}");
    assert!(
        run.peak_rss_mb < MAX_RSS_MB,
        "peak {:.0} MB",
        run.peak_rss_mb
    );
    assert_eq!(
        elsewhere.load(Ordering::SeqCst),
        0,
        "no page of another host"
    );
    // Page 1 (8.4 MB), ?page=all (404), pages 2 and 3: then 20 MB is spent.
    assert_eq!(requests.load(Ordering::SeqCst), 4);
    // Three pages are read; the article is cut at its length limit, inside the second.
    assert!(out.contains("Halaman 2 paragraf 1 "));
    assert!(!out.contains("Halaman 4 paragraf"));
    let text_mb = out.len() as f64 / 1e6;
    assert!(text_mb < 12.0, "{text_mb:.1} MB printed");
    println!(
        "39 pages of 8.4 MB: {:.2} s, peak {:.0} MB, {text_mb:.1} MB printed",
        run.elapsed.as_secs_f64(),
        run.peak_rss_mb
    );
}

/// The reader lists every costly page in its first section and prefetches them all with
/// no key pressed; it stays up, answers keys, and quits to a working shell.
#[test]
fn the_reader_stays_up_with_every_costly_page_prefetched() {
    let cases = Arc::new(cases());
    let pages = cases.clone();
    let server = RawServer::start(move |path| {
        if path.starts_with("/indeks.kompas.com") {
            let links: String = pages
                .iter()
                .filter(|c| !c.headlines)
                .map(|c| {
                    format!(
                        "<a href='{KOMPAS}/{}'><h3>Kasus {}</h3></a>",
                        c.name, c.name
                    )
                })
                .collect();
            let index = format!("<!doctype html><html><body><div>{links}</div></body></html>");
            return http_answer("200 OK", &[HTML], index.as_bytes());
        }
        let name = path.rsplit('/').next().unwrap_or_default();
        match pages.iter().find(|c| c.name == name) {
            Some(c) => http_answer("200 OK", &[HTML], (c.page)().as_bytes()),
            None => http_answer("404 Not Found", &[HTML], b""),
        }
    });
    let data = scratch_dir("budgets-reader");
    let tmux = Tmux::start("budgets");
    tmux.wait_for("$");
    tmux.type_line(&format!(
        "KABAR_DATA_DIR={} {} --mirror {}",
        data.display(),
        env!("CARGO_BIN_EXE_kabar"),
        server.url("/")
    ));
    tmux.wait_for("Kasus dd_li_16000");
    // Every page is fetched and parsed in the background; the count goes when all are.
    std::thread::sleep(Duration::from_millis(500));
    tmux.wait_for_gone("storing for offline");
    assert_eq!(tmux.query("#{alternate_on}"), "1", "the reader is still up");
    tmux.send(&["?"]);
    tmux.wait_for("Keys ·");
    tmux.send(&["Escape"]);
    // A key sent right after Escape would reach kabar as Alt and that key.
    tmux.wait_for_gone("Keys ·");
    // A refused page says why, and the reader goes on.
    tmux.send(&["Enter"]);
    tmux.wait_for("nested more than 256 elements deep");
    tmux.quit();
    tmux.type_line("echo still-here-$?");
    tmux.wait_for("still-here-0");
}

/// A page that breaks the parser (a panic, made on purpose in debug builds) fails alone:
/// one line and exit 4 from `kabar read`, nothing else printed.
#[test]
fn a_page_that_breaks_the_parser_fails_with_one_line() {
    let dir = scratch_dir("budgets-parser-panic");
    let file = dir.join("page.html");
    std::fs::write(&file, other_article(TITLE, "")).unwrap();
    let url = "https://example.org/berita";
    let run = kabar_run(
        &["read", file.to_str().unwrap(), "--url", url],
        &[("KABAR_TEST_FAIL", "parser")],
        DEADLINE,
    );
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.code, Some(4), "stderr: {err}");
    assert_eq!(
        err.trim_end(),
        format!("kabar: this page could not be read (the parser failed on it): {url}")
    );
}

/// The same in the reader: every page breaks the parser, and the reader says so in its
/// status line, answers keys and quits cleanly.
#[test]
fn the_reader_stays_up_when_the_parser_breaks() {
    let server =
        RawServer::start(|_| http_answer("200 OK", &[HTML], kompas_article("").as_bytes()));
    let data = scratch_dir("budgets-reader-panic");
    let tmux = Tmux::start("parser-panic");
    tmux.wait_for("$");
    tmux.type_line(&format!(
        "KABAR_TEST_FAIL=parser KABAR_DATA_DIR={} {} --mirror {}",
        data.display(),
        env!("CARGO_BIN_EXE_kabar"),
        server.url("/")
    ));
    tmux.wait_for("could not be read (the parser failed on it)");
    assert_eq!(tmux.query("#{alternate_on}"), "1", "the reader is still up");
    tmux.send(&["?"]);
    tmux.wait_for("Keys ·");
    tmux.send(&["Escape"]);
    // A key sent right after Escape would reach kabar as Alt and that key.
    tmux.wait_for_gone("Keys ·");
    tmux.quit();
    tmux.type_line("echo still-here-$?");
    let screen = tmux.wait_for("still-here-0");
    assert!(!screen.contains("panicked"), "{screen}");
}
