//! The command line as a user meets it: errors in one line of words with distinct exit
//! statuses, charsets, retries, and pages without a profile. Every network test talks
//! HTTP to a server on 127.0.0.1 started here.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{RawServer, fixture_mirror, http_answer, kabar, scratch_dir, stderr, stdout};
use serde_json::Value;

const HTML: (&str, &str) = ("Content-Type", "text/html; charset=utf-8");

/// One line on stderr, in words, no panic or backtrace, and the given exit status.
fn assert_fails(out: &std::process::Output, code: i32, words: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "exit status; stderr: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(words), "stderr says {words:?}: {err}");
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "nothing on stdout");
}

#[test]
fn missing_file_is_a_usage_error() {
    let out = kabar(&["read", "/no/such/page.html"]);
    assert_fails(&out, 2, "no such file");
}

#[test]
fn bad_arguments_are_usage_errors() {
    assert_eq!(kabar(&["read"]).status.code(), Some(2));
    assert_fails(
        &kabar(&["read", "ftp://example.com/x"]),
        2,
        "only http and https",
    );
    assert_eq!(kabar(&["--frobnicate"]).status.code(), Some(2));
}

#[test]
fn unreachable_host_is_a_network_error() {
    let port = common::closed_port();
    let base = format!("http://127.0.0.1:{port}/");
    let out = kabar(&[
        "--mirror",
        &base,
        "read",
        "https://www.kompas.com/read/2026/01/01/1/x",
    ]);
    assert_fails(&out, 3, "connection refused");
}

#[test]
fn missing_page_is_a_network_error_naming_the_status() {
    let mirror = fixture_mirror();
    let out = kabar(&[
        "--mirror",
        mirror.base().as_str(),
        "read",
        "https://www.kompas.com/read/2030/01/01/000000000/not-in-the-mirror",
    ]);
    assert_fails(&out, 3, "page not found (HTTP 404)");
}

#[test]
fn a_page_that_is_not_html_is_a_content_error() {
    let server = RawServer::start(|_| {
        http_answer("200 OK", &[("Content-Type", "image/png")], b"\x89PNG\r\n")
    });
    let out = kabar(&[
        "--mirror",
        &server.url("/"),
        "read",
        "https://www.kompas.com/read/x",
    ]);
    assert_fails(&out, 4, "not a web page (image/png)");
}

#[test]
fn a_page_without_article_text_is_a_content_error() {
    let dir = scratch_dir("empty-page");
    let page = dir.join("empty.html");
    std::fs::write(&page, "<!doctype html><html><head><title>Kosong</title></head><body><nav><a href=/>Home</a></nav></body></html>").unwrap();
    let out = kabar(&[
        "read",
        page.to_str().unwrap(),
        "--url",
        "https://www.kompas.com/read/2026/01/01/1/x",
    ]);
    assert_fails(&out, 4, "no article text");
    let out = kabar(&["headlines", page.to_str().unwrap()]);
    assert_fails(&out, 4, "no headlines");
}

/// A Western page in windows-1252 bytes: é is 0xE9, the curly quotes 0x93 and 0x94.
fn latin1_page(meta: &str) -> Vec<u8> {
    let mut page =
        format!("<!doctype html><html><head>{meta}<title>Kopi</title></head><body><article>")
            .into_bytes();
    for _ in 0..4 {
        page.extend_from_slice(b"<p>Kopi di caf\xe9 itu disebut \x93terbaik\x94 oleh para pelanggan yang datang setiap pagi sebelum bekerja di kota.</p>");
    }
    page.extend_from_slice(b"</article></body></html>");
    page
}

#[test]
fn windows_1252_pages_decode_with_or_without_a_charset_header() {
    let with_header = RawServer::start(|_| {
        http_answer(
            "200 OK",
            &[("Content-Type", "text/html; charset=windows-1252")],
            &latin1_page(""),
        )
    });
    let with_meta = RawServer::start(|_| {
        http_answer(
            "200 OK",
            &[("Content-Type", "text/html")],
            &latin1_page("<meta charset=\"windows-1252\">"),
        )
    });
    for server in [with_header, with_meta] {
        let out = kabar(&[
            "--mirror",
            &server.url("/"),
            "read",
            "https://warta.example/berita",
            "--json",
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        let article: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let first = article["body"][0]["text"].as_str().unwrap();
        assert!(
            first.contains("caf\u{e9} itu disebut \u{201c}terbaik\u{201d}"),
            "{first}"
        );
    }
}

#[test]
fn server_errors_are_retried() {
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    let mirror = fixture_mirror();
    let page = std::fs::read(common::fixture("article-bola-timnas.html")).unwrap();
    let server = RawServer::start(move |_| {
        if counter.fetch_add(1, Ordering::SeqCst) == 0 {
            http_answer("503 Service Unavailable", &[HTML], b"busy")
        } else {
            http_answer("200 OK", &[HTML], &page)
        }
    });
    drop(mirror);
    let out = kabar(&[
        "--mirror",
        &server.url("/"),
        "read",
        "https://bola.kompas.com/read/2026/11/25/21304718/timnas-indonesia-tekuk-vietnam-2-0-di-gbk",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(hits.load(Ordering::SeqCst), 2, "one failure, one retry");
    assert!(stdout(&out).starts_with("Timnas Indonesia Tekuk Vietnam 2-0 di GBK\n"));
}

#[test]
fn plain_text_has_title_meta_wrapped_text_and_numbered_links() {
    let file = common::fixture("article-global-latihan-bencana.html");
    let out = kabar(&["read", file.to_str().unwrap()]);
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Jepang dan Korea Selatan Sepakati Latihan Penanggulangan Bencana Bersama"
    );
    assert_eq!(
        lines[1],
        "24 November 2026, 19:30 WIB · Rina Ayu Lestari · Sumber: Reuters"
    );
    assert!(
        lines
            .iter()
            .all(|l| l.chars().count() <= 80 || l.trim_start().starts_with("https://"))
    );
    assert!(text.contains("\nBaca juga\n[1] Gempa M 6,1 Guncang Prefektur Ishikawa"));
    assert!(text.contains("\nTerkini Lainnya\n[3] DPR Sahkan RUU Perlindungan Data Anak Menjadi Undang-Undang · Nasional\n    https://nasional.kompas.com/"));
    for boilerplate in [
        "ADVERTISEMENT",
        "Simak breaking news",
        "Baca juga:",
        "Promo Spesial",
        "Gabung Kompas.com+",
    ] {
        assert!(!text.contains(boilerplate), "{boilerplate}");
    }
}

#[test]
fn help_explains_the_commands() {
    let out = kabar(&["--help"]);
    let help = stdout(&out);
    for words in [
        "read",
        "headlines",
        "--mirror",
        "--demo",
        "Exit status",
        "5 local failure",
    ] {
        assert!(help.contains(words), "{words}");
    }
    let read = stdout(&kabar(&["read", "--help"]));
    assert!(read.contains("--json") && read.contains("--url"));
}

#[test]
fn an_address_as_the_first_argument_opens_the_reader_on_it() {
    let help = stdout(&kabar(&["--help"]));
    assert!(help.contains("[URL]"), "{help}");
    assert!(help.contains("kabar URL"), "{help}");
    // Accepted: what stops it here is only the missing terminal.
    let out = kabar(&["--demo", "https://www.kompas.com/read/2024/01/01/x"]);
    assert_fails(&out, 2, "needs a terminal");
    for bad in ["ftp://example.com/x", "https://", "reed"] {
        let out = kabar(&[bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}: {}", stderr(&out));
        assert!(stderr(&out).contains(bad), "{bad}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    // The subcommands are still commands, not addresses, after options too.
    let out = kabar(&["saved", "--help"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = scratch_dir("address-and-command");
    let out = kabar(&["--data-dir", dir.to_str().unwrap(), "saved", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = kabar(&["https://www.kompas.com/x", "saved"]);
    assert_fails(&out, 2, "goes with no command");
}

#[test]
fn demo_serves_its_own_index_and_articles() {
    let out = kabar(&["--demo", "headlines", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let list = list.as_array().unwrap();
    assert!(list.len() >= 8);
    let first = list[0]["url"].as_str().unwrap();
    let article = kabar(&["--demo", "read", first, "--json"]);
    assert!(article.status.success(), "{}", stderr(&article));
    let article: Value = serde_json::from_str(&stdout(&article)).unwrap();
    assert_eq!(article["title"], list[0]["title"]);
    assert!(article["terkini"].as_array().unwrap().len() >= 5);
}

#[test]
fn an_invalid_config_is_reported_with_its_line_before_anything_starts() {
    let dir = scratch_dir("bad-config");
    let file = dir.join("config.toml");
    std::fs::write(&file, "prefetch = 10\n\n[colors]\ncolour = \"red\"\n").unwrap();
    // No command: the reader would start; the config is read first.
    let out = kabar(&["--config", file.to_str().unwrap()]);
    assert_fails(&out, 2, "line 4");
    assert!(stderr(&out).contains("colour"), "{}", stderr(&out));
}

#[test]
fn print_config_gives_every_default_and_loads_back() {
    let out = kabar(&["--print-config"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = stdout(&out);
    for key in [
        "prefetch = 20",
        "refresh_minutes = 10",
        "text_width = 80",
        "[colors]",
        "[[sections]]",
        "Nasional",
        "[keys]",
    ] {
        assert!(printed.contains(key), "{key} in:\n{printed}");
    }
    let dir = scratch_dir("printed-config");
    let file = dir.join("config.toml");
    std::fs::write(&file, &printed).unwrap();
    let again = kabar(&["--config", file.to_str().unwrap(), "--print-config"]);
    assert_eq!(
        stdout(&again),
        printed,
        "the printed config loads back to itself"
    );
}

#[test]
fn the_reader_needs_a_terminal() {
    let out = kabar(&["--demo"]);
    assert_fails(&out, 2, "needs a terminal");
}

#[test]
fn offline_read_says_plainly_when_a_page_is_not_stored() {
    let dir = scratch_dir("offline-read");
    let out = kabar(&[
        "--data-dir",
        dir.to_str().unwrap(),
        "--offline",
        "read",
        "https://www.kompas.com/read/2026/01/01/1/x",
    ]);
    assert_fails(&out, 3, "offline, and this page is not stored");
    let saved = kabar(&["--data-dir", dir.to_str().unwrap(), "saved", "--json"]);
    assert!(saved.status.success(), "{}", stderr(&saved));
    assert_eq!(stdout(&saved).trim(), "[]");
}

/// A store kabar cannot use is a local failure (5), not a usage error: here a store
/// from a newer kabar, which is left as it is.
#[test]
fn an_unusable_store_is_a_local_failure() {
    let dir = scratch_dir("newer-store");
    drop(kabar::store::Store::open_in(&dir).unwrap());
    let conn = rusqlite::Connection::open(dir.join(kabar::store::FILE_NAME)).unwrap();
    conn.pragma_update(None, "user_version", kabar::store::SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    let out = kabar(&["--data-dir", dir.to_str().unwrap(), "saved"]);
    assert_fails(&out, 5, "store: ");
    assert!(stderr(&out).contains("newer kabar"), "{}", stderr(&out));
}

/// As the reader starts, it brings the store within the config's `max_store_mb`: three
/// articles of 400 KB are over a 1 MB bound, so at least one goes, the one read longest
/// ago first. (With the default bound of 200 MB all three would stay.)
#[test]
fn the_reader_evicts_to_the_configured_store_size_as_it_starts() {
    let dir = scratch_dir("evict-at-start");
    let demo = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/demo/money-harga-gabah-panen-raya.html"),
    )
    .unwrap();
    let base = url::Url::parse("https://money.kompas.com/read/2026/11/25/1/x").unwrap();
    let mut article = kabar::sites::read_article(&demo, &base).unwrap().article;
    article.body.push(kabar::article::Block {
        kind: kabar::article::BlockKind::Paragraph,
        text: "kata ".repeat(80_000),
    });
    let urls: Vec<String> = (1..=3)
        .map(|i| format!("https://money.kompas.com/read/2026/11/2{i}/1/x"))
        .collect();
    {
        let (store, _) = kabar::store::Store::open_in(&dir).unwrap();
        for (i, url) in (0..).zip(&urls) {
            let fetched = chrono::Utc::now() - chrono::TimeDelta::hours(3 - i);
            store.put_article(url, &article, fetched).unwrap();
            assert!(store.has_article(url).unwrap(), "{url} stored");
        }
    }
    let config = dir.join("config.toml");
    std::fs::write(&config, "max_store_mb = 1\n").unwrap();

    let tmux = common::tmux::Tmux::start("evict");
    tmux.wait_for("$");
    tmux.type_line(&format!(
        "{} --offline --data-dir {} --config {}",
        env!("CARGO_BIN_EXE_kabar"),
        dir.display(),
        config.display()
    ));
    // Eviction comes before the terminal is set up: once the reader draws, it is done.
    tmux.wait_for("Terkini");
    tmux.quit();
    tmux.type_line("echo exit-status-$?");
    tmux.wait_for("exit-status-0");

    let (store, _) = kabar::store::Store::open_in(&dir).unwrap();
    let kept: Vec<bool> = urls.iter().map(|u| store.has_article(u).unwrap()).collect();
    assert_eq!(
        kept,
        [false, true, true],
        "the oldest went, the bound kept two"
    );
}

const PARAGRAPHS: &str = "<p>Pemerintah kota membuka jalur sepeda baru sepanjang dua belas kilometer yang menghubungkan stasiun dengan kawasan perkantoran di pusat kota.</p>\
<p>Jalur itu dipisahkan dari jalan raya dengan pembatas beton dan dilengkapi lampu penerangan di sepanjang rute, menurut dinas perhubungan.</p>\
<p>Warga menyambut baik jalur tersebut, tetapi berharap ada tempat parkir sepeda yang aman di setiap stasiun yang dilewati.</p>";

#[test]
fn a_page_without_a_profile_reads_from_meta_tags_json_ld_and_the_generic_extractor() {
    let page = format!(
        r#"<!doctype html><html><head><title>Jalur Sepeda Baru | Warta Kota</title>
        <meta property="og:site_name" content="Warta Kota">
        <script type="application/ld+json">{{"@type":"NewsArticle","headline":"Jalur Sepeda Baru Dibuka","datePublished":"2026-11-24T16:35:00+07:00","author":[{{"@type":"Person","name":"Sari Wulandari"}}]}}</script>
        </head><body><nav><a href="/">Beranda</a> <a href="/kota">Kota</a></nav>
        <article><h1>Jalur Sepeda Baru Dibuka</h1>{PARAGRAPHS}</article>
        <footer>Hak cipta Warta Kota</footer></body></html>"#
    );
    let server = RawServer::start(move |_| http_answer("200 OK", &[HTML], page.as_bytes()));
    let out = kabar(&[
        "--mirror",
        &server.url("/"),
        "read",
        "https://warta.example/kota/jalur-sepeda",
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let a: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(a["site"], "generic");
    assert_eq!(a["title"], "Jalur Sepeda Baru Dibuka");
    assert_eq!(a["published"], "2026-11-24T16:35:00+07:00");
    assert_eq!(a["authors"], serde_json::json!(["Sari Wulandari"]));
    let body: Vec<&str> = a["body"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["text"].as_str().unwrap())
        .collect();
    assert_eq!(body.len(), 3, "{body:?}");
    assert!(body[0].starts_with("Pemerintah kota membuka jalur sepeda"));
    assert!(
        !body
            .iter()
            .any(|t| t.contains("Beranda") || t.contains("Hak cipta"))
    );
}

#[test]
fn a_kompas_page_in_a_new_layout_still_reads() {
    // No read__title, no read__content, no credit block: only meta tags and the text.
    let page = format!(
        r#"<!doctype html><html><head><title>Jalur Sepeda Baru Dibuka - Kompas.com</title>
        <meta property="article:published_time" content="2026-11-24T16:35:00+07:00">
        <meta name="content_author" content="Sari Wulandari, Bima Putra">
        <meta name="content_editor" content="Dewi Lestari">
        </head><body><header><a href="/">Kompas.com</a></header>
        <main class="story-2027"><section class="story-text">{PARAGRAPHS}</section></main>
        <div class="footer">Copyright 2008 - 2027 PT. Kompas Cyber Media</div></body></html>"#
    );
    let server = RawServer::start(move |_| http_answer("200 OK", &[HTML], page.as_bytes()));
    let url = "https://megapolitan.kompas.com/read/2027/01/05/16350081/jalur-sepeda-baru-dibuka";
    let out = kabar(&["--mirror", &server.url("/"), "read", url, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let a: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(a["site"], "kompas");
    assert_eq!(a["title"], "Jalur Sepeda Baru Dibuka");
    assert_eq!(
        a["authors"],
        serde_json::json!(["Sari Wulandari", "Bima Putra"])
    );
    assert_eq!(a["editor"], "Dewi Lestari");
    assert_eq!(a["body"].as_array().unwrap().len(), 3, "{}", a["body"]);
}

/// A page dated in a year no news is from: the date is left out, and `--json` stays RFC
/// 3339 (`published: null`), whether the date is in a meta tag or in JSON-LD.
#[test]
fn a_date_outside_1900_to_2200_is_printed_as_no_date() {
    let dir = scratch_dir("far-dates");
    for (i, date) in [
        "-0500-01-01T00:00:00+0700",
        "+12345-01-01T00:00:00+07:00",
        "12345-06-01T10:00:00+0700",
        "1899-12-31T23:00:00+07:00",
    ]
    .into_iter()
    .enumerate()
    {
        for head in [
            format!(r#"<meta property="article:published_time" content="{date}">"#),
            format!(
                r#"<script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"{date}"}}</script>"#
            ),
        ] {
            let page = format!(
                "<!doctype html><html><head><title>Jalur Sepeda Baru</title>{head}</head>\
                 <body><article><h1>Jalur Sepeda Baru</h1>{PARAGRAPHS}</article></body></html>"
            );
            let file = dir.join(format!("page-{i}.html"));
            std::fs::write(&file, page).unwrap();
            let out = kabar(&[
                "read",
                file.to_str().unwrap(),
                "--url",
                "https://warta.example/kota/jalur-sepeda",
                "--json",
            ]);
            assert!(out.status.success(), "{head}: {}", stderr(&out));
            let a: Value = serde_json::from_str(&stdout(&out)).unwrap();
            assert_eq!(a["published"], Value::Null, "{head}");
            assert_eq!(a["title"], "Jalur Sepeda Baru");
        }
    }
}

/// An article saved by an earlier kabar with a date it could not read back (`+12345-…`)
/// no longer breaks the saved list: it is listed, without a date.
#[test]
fn a_saved_article_with_a_stored_far_date_still_lists() {
    let dir = scratch_dir("saved-far-date");
    let url = "https://www.kompas.com/read/2026/11/24/1/jalur";
    let article: kabar::article::Article = serde_json::from_value(serde_json::json!({
        "url": url, "title": "Jalur Sepeda Baru", "published": null, "authors": [],
        "editor": null, "source": null, "image": null, "tags": [],
        "body": [{"kind": "paragraph", "text": "Isi."}], "related": [], "terkini": [],
        "site": "kompas",
    }))
    .unwrap();
    {
        let (store, _) = kabar::store::Store::open_in(&dir).unwrap();
        store.set_saved(&article, true, chrono::Utc::now()).unwrap();
    }
    let db = rusqlite::Connection::open(dir.join(kabar::store::FILE_NAME)).unwrap();
    db.execute(
        "UPDATE articles SET json = json_set(json, '$.published', '+12345-01-01T00:00:00+07:00')",
        [],
    )
    .unwrap();
    drop(db);

    let listed = kabar(&["--data-dir", dir.to_str().unwrap(), "saved", "--json"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    let list: Value = serde_json::from_str(&stdout(&listed)).unwrap();
    assert_eq!(list[0]["url"], url);
    assert_eq!(list[0]["published"], Value::Null);
    let plain = kabar(&["--data-dir", dir.to_str().unwrap(), "saved"]);
    assert!(plain.status.success(), "{}", stderr(&plain));
    assert!(stdout(&plain).contains("Jalur Sepeda Baru"));
}

/// A file that never ends is read only up to the page limit, then refused like a page
/// that large from the network; memory stays low.
#[test]
fn an_endless_file_is_refused_at_the_page_limit() {
    let run = common::kabar_run(
        &["read", "/dev/zero"],
        &[],
        std::time::Duration::from_secs(30),
    );
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(!run.timed_out, "still reading after 30 s");
    assert_eq!(run.code, Some(4), "exit status; stderr: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains("page larger than 10 MB"), "{err}");
    assert!(err.contains("/dev/zero"), "{err}");
    assert!(run.stdout.is_empty());
    assert!(
        run.peak_rss_mb < 60.0,
        "peak memory {:.1} MB",
        run.peak_rss_mb
    );
}

/// Standard input gets the same limit, and says so rather than reading a cut page.
#[test]
fn endless_standard_input_is_refused_at_the_page_limit() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(["read", "-"])
        .env_remove("KABAR_MIRROR")
        .env("KABAR_DATA_DIR", scratch_dir("data"))
        .stdin(std::fs::File::open("/dev/zero").unwrap())
        .output()
        .unwrap();
    assert_fails(
        &out,
        4,
        "page larger than 10 MB, not loaded: standard input",
    );
}

/// A file of exactly the limit is still read.
#[test]
fn a_file_of_exactly_the_page_limit_is_read() {
    let page = format!(
        "<!doctype html><html><head><title>Jalur Sepeda Baru</title></head>\
         <body><article><h1>Jalur Sepeda Baru</h1>{PARAGRAPHS}</article></body></html>"
    );
    let mut bytes = page.into_bytes();
    bytes.resize(kabar::net::MAX_BODY_BYTES, b' ');
    let file = scratch_dir("limit").join("page.html");
    std::fs::write(&file, bytes).unwrap();
    let out = kabar(&["read", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Jalur Sepeda Baru"));
}

/// A windows-1252 page with a UTF-8 closing quote pasted in: its last byte reads as
/// U+009D, which once swallowed the rest of the paragraph as if it began an escape
/// string. Now only that character goes.
#[test]
fn a_stray_c1_byte_in_a_windows_1252_page_keeps_the_text_after_it() {
    let mut page = b"<!doctype html><html><head><meta charset=\"windows-1252\">\
        <title>Kopi Pagi</title></head><body><article><h1>Kopi Pagi</h1>"
        .to_vec();
    for _ in 0..3 {
        page.extend_from_slice(
            b"<p>Kopi di caf\xe9 itu disebut \xe2\x80\x9dterbaik\xe2\x80\x9d oleh para \
              pelanggan yang datang setiap pagi sebelum bekerja di kantor.</p>",
        );
    }
    page.extend_from_slice(b"</article></body></html>");
    let file = scratch_dir("stray-c1").join("page.html");
    std::fs::write(&file, page).unwrap();
    let out = kabar(&[
        "read",
        file.to_str().unwrap(),
        "--url",
        "https://warta.example/kopi",
        "--width",
        "200",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(
            "Kopi di caf\u{e9} itu disebut \u{e2}\u{20ac}terbaik\u{e2}\u{20ac} oleh para pelanggan"
        ),
        "{text}"
    );
    assert!(text.contains("sebelum bekerja di kantor."), "{text}");
}

/// Invisible and private-use characters are gone from the printed text and from --json.
#[test]
fn invisible_characters_leave_printed_and_json_text() {
    let page = format!(
        "<!doctype html><html><head><title>Ja\u{200b}lur Se\u{ad}peda\u{e000}</title></head>\
         <body><article><h1>Ja\u{200b}lur Se\u{ad}peda\u{e000}</h1>\
         <p>Pe\u{2060}me\u{feff}rin\u{200c}tah\u{e0041} kota{}</p>{PARAGRAPHS}</article></body></html>",
        "\u{fdd0}\u{10fffd}"
    );
    let file = scratch_dir("invisible").join("page.html");
    std::fs::write(&file, page).unwrap();
    let args = [
        "read",
        file.to_str().unwrap(),
        "--url",
        "https://warta.example/a",
    ];
    let plain = kabar(&args);
    assert!(plain.status.success(), "{}", stderr(&plain));
    assert!(
        stdout(&plain).starts_with("Jalur Sepeda\n"),
        "{}",
        stdout(&plain)
    );
    assert!(stdout(&plain).contains("Pemerintah kota"));
    let json = kabar(&[&args[..], &["--json"]].concat());
    let a: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(a["title"], "Jalur Sepeda");
    assert_eq!(a["body"][0]["text"], "Pemerintah kota");
}

/// A `kabar.log` kabar cannot open (here a directory in its place; a root-owned file left
/// by `sudo kabar` is the same to kabar): the command still does its work, and says once,
/// on stderr, that it runs without a log.
#[test]
fn a_log_file_that_cannot_be_opened_is_said_once_and_the_command_runs() {
    let data = scratch_dir("unwritable-log");
    let log = data.join("kabar.log");
    std::fs::create_dir(&log).unwrap();
    let file = common::fixture("article-global-latihan-bencana.html");
    let out = kabar(&[
        "--data-dir",
        data.to_str().unwrap(),
        "read",
        file.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "the article is printed; {err}");
    assert!(
        stdout(&out).starts_with("Jepang dan Korea Selatan Sepakati Latihan"),
        "the article"
    );
    assert_eq!(
        err,
        format!(
            "kabar: cannot write the log ({}: it is a directory); running without a log\n",
            log.display()
        )
    );
}

/// `TERM=dumb` (Emacs shell buffers, some CI logs) cannot move the cursor: the reader
/// refuses in one line that points to the line-mode commands, which still work there.
#[test]
fn a_dumb_terminal_gets_the_line_mode_commands_not_the_reader() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kabar"))
            .args(args)
            .env_remove("KABAR_MIRROR")
            .env("KABAR_DATA_DIR", scratch_dir("dumb"))
            .env("TERM", "dumb")
            .output()
            .expect("kabar runs")
    };
    let out = run(&["--demo"]);
    assert_fails(&out, 2, "dumb terminal (TERM=dumb)");
    let err = stderr(&out);
    assert!(
        err.contains("`kabar headlines`") && err.contains("`kabar read URL`"),
        "{err}"
    );

    let file = common::fixture("article-global-latihan-bencana.html");
    let out = run(&["read", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Jepang dan Korea Selatan Sepakati Latihan"));
    let out = run(&["--demo", "headlines"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).is_empty(), "headlines are printed");
}

/// What is not an article is not printed as one: a TSV file, binary data and an index
/// page each fail with status 4 and say why; the index page points to `kabar headlines`.
#[test]
fn read_refuses_what_is_not_an_article() {
    let dir = scratch_dir("not-articles");
    let tsv = dir.join("urls.tsv");
    std::fs::write(&tsv, "https://www.kompas.com/\tindex.html\na\tb\n").unwrap();
    let binary = dir.join("image.bin");
    let mut bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    bytes.splice(0..0, *b"\x89PNG\r\n\x1a\n");
    std::fs::write(&binary, bytes).unwrap();
    let index = common::fixture("indeks-page-1.html");
    for (file, words) in [
        (tsv.display().to_string(), "not a web page"),
        (binary.display().to_string(), "binary data"),
        (index.display().to_string(), "kabar headlines"),
    ] {
        let out = kabar(&["read", &file]);
        assert_fails(&out, 4, words);
    }
    // The demo's index pages too, not only the fixtures'.
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/indeks.html");
    assert_fails(
        &kabar(&["read", demo.to_str().unwrap()]),
        4,
        "it is a list of",
    );
}

/// A file holding one page of a three-page article says so; with the address known and
/// the network there (a mirror), the whole article is read; offline, the page alone.
#[test]
fn read_of_one_page_of_a_multi_page_article_says_so_and_reads_the_rest() {
    let page1 = common::fixture("article-nasional-ruu-data-anak-page-1.html");
    let page1 = page1.to_str().unwrap();
    let alone = kabar(&["--offline", "read", page1]);
    assert_eq!(alone.status.code(), Some(0), "{}", stderr(&alone));
    assert!(stderr(&alone).contains("of 3 pages"), "{}", stderr(&alone));
    assert!(stderr(&alone).contains("--url"), "{}", stderr(&alone));

    let mirror = fixture_mirror();
    let base = mirror.base().to_string();
    let whole = kabar(&["--mirror", &base, "read", page1]);
    assert_eq!(whole.status.code(), Some(0), "{}", stderr(&whole));
    assert!(
        stderr(&whole).contains("reading all of them"),
        "{}",
        stderr(&whole)
    );
    assert!(
        stdout(&whole).lines().count() > stdout(&alone).lines().count(),
        "the whole article is longer than its first page"
    );
}

/// `kabar read URL` without a network prints the stored copy when there is one, and says
/// so on stderr.
#[test]
fn read_without_a_network_falls_back_to_the_stored_copy() {
    let data = scratch_dir("fallback-store");
    let url = "https://nasional.kompas.com/read/2026/11/25/11053041/kai-terapkan-grafik-perjalanan-baru-mulai-1-desember-2026";
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kabar"))
            .args(args)
            .env_remove("KABAR_MIRROR")
            .env("KABAR_DATA_DIR", &data)
            .output()
            .unwrap()
    };
    // The reader's store is filled by the worker; here the demo's own page goes in
    // through the store directly.
    let html = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/demo/nasional-kai-grafik-perjalanan-baru.html"),
    )
    .unwrap();
    let article = kabar::sites::read_article(&html, &url::Url::parse(url).unwrap())
        .unwrap()
        .article;
    let (store, _) = kabar::store::Store::open_in(&data).unwrap();
    store
        .put_article(url, &article, chrono::Utc::now())
        .expect("stored");
    drop(store);
    let port = common::closed_port();
    let dead = format!("http://127.0.0.1:{port}/");
    let out = run(&["--mirror", &dead, "read", url]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("KAI Terapkan Grafik"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("copy in the offline store"),
        "{}",
        stderr(&out)
    );
    // Nothing stored for another address: the network error, as before.
    let other = "https://nasional.kompas.com/read/2026/11/25/1/lain";
    assert_eq!(
        run(&["--mirror", &dead, "read", other]).status.code(),
        Some(3)
    );
}

#[test]
fn completions_and_man_page_come_from_the_command_line_definition() {
    let bash = kabar(&["completions", "bash"]);
    assert_eq!(bash.status.code(), Some(0));
    assert!(stdout(&bash).contains("complete -F"), "{}", stdout(&bash));
    assert!(stdout(&bash).contains("headlines"));
    for (shell, mark) in [
        ("zsh", "#compdef kabar"),
        ("fish", "complete -c kabar"),
        ("elvish", "edit:completion:arg-completer[kabar]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = kabar(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(stdout(&out).contains(mark), "{shell}: {}", stdout(&out));
    }
    assert_eq!(kabar(&["completions", "tcsh"]).status.code(), Some(2));
    let man = kabar(&["man"]);
    assert_eq!(man.status.code(), Some(0));
    let page = stdout(&man);
    assert!(page.lines().any(|l| l.starts_with(".TH kabar")), "{page}");
    assert!(page.contains("\\-\\-demo"), "options are in the man page");
}

#[test]
fn width_out_of_range_is_a_usage_error_with_the_range() {
    for width in ["0", "19", "1001"] {
        let out = kabar(&["read", "--width", width, "page.html"]);
        assert_eq!(out.status.code(), Some(2), "--width {width}");
        assert!(stderr(&out).contains("20..=1000"), "{}", stderr(&out));
    }
    // The ends of the range are accepted.
    let page = common::fixture("article-bola-timnas.html");
    for width in ["20", "1000"] {
        let out = kabar(&["read", "--width", width, page.to_str().unwrap()]);
        assert!(out.status.success(), "--width {width}: {}", stderr(&out));
    }
    let help = stdout(&kabar(&["--help"]));
    assert!(
        !help.contains("(the log)") && help.contains("offline store"),
        "{help}"
    );
}

#[test]
fn a_store_that_cannot_be_created_is_said_once() {
    let dir = scratch_dir("store-file");
    let blocker = dir.join("not-a-dir");
    std::fs::write(&blocker, "x").unwrap();
    let out = kabar(&["--data-dir", blocker.to_str().unwrap(), "saved"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert!(err.contains("store: "), "{err}");
    assert!(!err.contains("store: offline store"), "{err}");
}

/// `--timeout SECONDS`: a server that accepts and never answers is given up on after that
/// long, in words, with the network's exit status.
#[test]
fn timeout_is_how_long_a_page_may_take() {
    let server = RawServer::start_streaming(|_, stream| common::hang(stream));
    let started = std::time::Instant::now();
    let out = kabar(&["read", &server.url("/slow"), "--timeout", "1"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("did not answer in time"),
        "{}",
        stderr(&out)
    );
    // A hang guard: the default is 30 s, and this asked for 1.
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

/// `kabar read` as plain text puts each photo where it sits in the text, as the reader
/// does, with its address under its caption, and lists it nowhere else; the lead photo's
/// caption, the editor and the tags are under the title.
#[test]
fn plain_text_has_the_photos_where_they_sit_and_the_lines_under_the_title() {
    let page = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/photos/article.html"
    );
    let out = kabar(&["read", page, "--width", "200"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let at = |s: &str| {
        text.find(s)
            .unwrap_or_else(|| panic!("{s:?} not in:\n{text}"))
    };
    assert!(at("Foto: Perahu pedagang di Sungai Martapura") < at("https://regional.kompas.com/"));
    assert!(at("Puluhan perahu kecil") < at("[foto] [1] Pedagang menawarkan jeruk"));
    assert!(at("[foto] [1] Pedagang menawarkan jeruk") < at("Pedagang menawarkan dagangannya"));
    assert!(at("Pedagang menawarkan dagangannya") < at("[foto] [2] Kue bingka"));
    assert!(at("[foto] [2] Kue bingka") < at("Pemerintah daerah berencana"));
    let kue = "https://asset.kompas.com/data/photo/2026/11/26/kue.jpg";
    assert_eq!(text.matches(kue).count(), 1, "{text}");
    assert!(at("[foto] [2] Kue bingka") < at(kue));
    assert!(
        !text.contains("\nFoto\n"),
        "no list of the photos at the end:\n{text}"
    );
}
