//! A misbehaving server: every way a page can fail to arrive, or arrive wrong, from issue 5.
//! Each case runs twice: through `kabar read` (the right page, or one line of words with
//! the right exit status; never a crash; peak memory under 100 MB; the server not
//! hammered) and through the reader (the worker and `App::update`, drawn on a
//! `TestBackend`: the page, or the error in the status line with the page on screen and
//! in the store kept). The reader in a real terminal, answering keys while a request
//! hangs, is tested at the end in tmux.
//!
//! Every request goes to a server on 127.0.0.1 started here.

mod common;

use common::screen;

use std::collections::HashMap;
use std::io::Write;
use std::net::TcpStream;
use std::ops::RangeInclusive;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kabar::app::{Answer, App, Msg, Request, Settings};
use kabar::article::{Headline, HeadlinePage};
use kabar::net::Client;
use kabar::store::Store;
use kabar::worker;

use common::tmux::Tmux;
use common::{RawServer, Run, hang, kabar_run, scratch_dir};

/// The page every good answer serves, and what `kabar read` must print of it.
const TITLE: &str = "Warga Bersihkan Saluran Air";
const TEXT: &str = "Warga kampung membersihkan saluran air bersama";
/// A user's patience with one command; a case that needs longer is a hang.
const DEADLINE: Duration = Duration::from_secs(30);
/// Peak memory of any case: a page at the node budget takes about 100 MB to build
/// before it is refused (`sites::dom::PAGE`).
const MAX_RSS_MB: f64 = 150.0;
/// The client's timeout for these runs (`--timeout`), so that the timeout cases take
/// seconds, not the default 30. Every other case is answered at once, well within it.
const TIMEOUT: (&str, &str) = ("KABAR_TIMEOUT", "5");
const TIMEOUT_SECS: Duration = Duration::from_secs(5);

fn article_page(title: &str, text: &str) -> String {
    let para = format!("<p>{text} setiap pekan agar tidak banjir saat musim hujan tiba.</p>");
    format!(
        "<!doctype html><html><head><title>{title}</title></head><body><nav><a href=/>Beranda</a>\
         </nav><article><h1>{title}</h1>{}</article></body></html>",
        para.repeat(4)
    )
}

/// A Western page in single-byte bytes: `é` is 0xE9, the curly quotes 0x93 and 0x94 (in
/// windows-1252; browsers read ISO-8859-1 the same way), `½` 0xBD.
fn single_byte_page(meta: &str) -> Vec<u8> {
    let mut page =
        format!("<!doctype html><html><head>{meta}<title>Kopi Pagi</title></head><body><article>")
            .into_bytes();
    for _ in 0..4 {
        page.extend_from_slice(
            b"<p>Kopi di caf\xe9 itu disebut \x93terbaik\x94, harganya \xbd dari kota besar, \
              kata para pelanggan yang datang setiap pagi sebelum bekerja.</p>",
        );
    }
    page.extend_from_slice(b"</article></body></html>");
    page
}

fn head(status: &str, headers: &[(&str, &str)], length: usize) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\nContent-Length: {length}\r\nConnection: close\r\n");
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    out.into_bytes()
}

const HTML: (&str, &str) = ("Content-Type", "text/html; charset=utf-8");

fn answer(stream: &mut TcpStream, status: &str, headers: &[(&str, &str)], body: &[u8]) {
    let _ = stream.write_all(&head(status, headers, body.len()));
    let _ = stream.write_all(body);
}

/// 1 GiB of zeros, gzipped: sixteen gzip members of 64 MiB each (a gzip stream may hold
/// several), about 1 MB on the wire. Made once per test process.
fn gzip_bomb() -> &'static [u8] {
    static BOMB: OnceLock<Vec<u8>> = OnceLock::new();
    BOMB.get_or_init(|| {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..64 {
            enc.write_all(&zeros).unwrap();
        }
        enc.finish().unwrap().repeat(16)
    })
}

/// `body` deflated (zlib) once, or gzipped `times` times over when `times` > 1.
fn compressed(body: &[u8], times: usize) -> Vec<u8> {
    if times == 1 {
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(body).unwrap();
        return enc.finish().unwrap();
    }
    (0..times).fold(body.to_vec(), |bytes, _| {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&bytes).unwrap();
        enc.finish().unwrap()
    })
}

/// An article nested `depth` elements deep inside the Kompas body container.
fn nested_page(depth: usize) -> String {
    format!(
        "<!doctype html><html><head><title>{TITLE}</title></head><body>\
         <h1 class=read__title>{TITLE}</h1><div class=read__content>{}{}{}</div></body></html>",
        "<div>".repeat(depth),
        format!("<p>{TEXT} setiap pekan.</p>").repeat(4),
        "</div>".repeat(depth)
    )
}

/// One text node of (just under) the 10 MB page limit.
fn huge_text_page() -> String {
    let shell = article_page(TITLE, TEXT);
    let room = kabar::net::MAX_BODY_BYTES - shell.len() - 16;
    let words = "kata ".repeat(room / 5);
    shell.replacen("</article>", &format!("<p>{words}</p></article>"), 1)
}

fn many_links_article(n: usize) -> String {
    let links: String = (0..n).map(|i| format!("<a href=/{i}>{i}</a>")).collect();
    article_page(TITLE, TEXT).replacen("</article>", &format!("<div>{links}</div></article>"), 1)
}

fn many_links_index(n: usize) -> String {
    let links: String = (0..n)
        .map(|i| format!("<a href=/read/2026/11/25/{i}/b>{i}</a>"))
        .collect();
    format!("<!doctype html><html><body>{links}</body></html>")
}

/// Where the Kompas cases live; through the mirror, their paths start with its host and
/// path.
const KOMPAS: &str = "https://www.kompas.com/read/2026/11/25/1";

/// Answers a request for `path` the way the case of that name misbehaves.
fn misbehave(path: &str, stream: &mut TcpStream, hits: usize) {
    let path = path
        .strip_prefix(&KOMPAS["https:/".len()..])
        .unwrap_or(path);
    let port = stream.local_addr().map(|a| a.port()).unwrap_or_default();
    let page = article_page(TITLE, TEXT);
    let redirect = |stream: &mut TcpStream, to: &str| {
        answer(stream, "302 Found", &[("Location", to)], b"");
    };
    match path {
        "/article" => answer(stream, "200 OK", &[HTML], page.as_bytes()),
        "/hang" => hang(stream),
        "/trickle" => {
            let _ = stream.write_all(&head("200 OK", &[HTML], page.len()));
            for byte in page.as_bytes() {
                if stream.write_all(&[*byte]).is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_secs(1));
            }
        }
        "/cut" => {
            let _ = stream.write_all(&head("200 OK", &[HTML], page.len()));
            let _ = stream.write_all(&page.as_bytes()[..page.len() / 2]);
        }
        "/404" => answer(stream, "404 Not Found", &[HTML], b"<p>Tidak ada</p>"),
        "/410" => answer(stream, "410 Gone", &[HTML], b"<p>Dihapus</p>"),
        "/500" => answer(
            stream,
            "500 Internal Server Error",
            &[HTML],
            b"<p>Rusak</p>",
        ),
        "/503" => answer(stream, "503 Service Unavailable", &[HTML], b"<p>Sibuk</p>"),
        "/429" => answer(
            stream,
            "429 Too Many Requests",
            &[HTML, ("Retry-After", "1")],
            b"",
        ),
        "/429-once" if hits == 1 => answer(
            stream,
            "429 Too Many Requests",
            &[HTML, ("Retry-After", "1")],
            b"",
        ),
        "/429-once" => answer(stream, "200 OK", &[HTML], page.as_bytes()),
        "/429-tomorrow" => answer(
            stream,
            "429 Too Many Requests",
            &[HTML, ("Retry-After", "86400")],
            b"",
        ),
        "/50mb" => {
            const SIZE: usize = 50 << 20;
            let _ = stream.write_all(&head("200 OK", &[HTML], SIZE));
            let chunk = "<p>isi</p>".repeat(6554).into_bytes();
            let mut sent = 0;
            while sent < SIZE {
                let n = chunk.len().min(SIZE - sent);
                if stream.write_all(&chunk[..n]).is_err() {
                    return;
                }
                sent += n;
            }
        }
        "/gzip-bomb" => answer(
            stream,
            "200 OK",
            &[HTML, ("Content-Encoding", "gzip")],
            gzip_bomb(),
        ),
        "/empty" => answer(stream, "200 OK", &[HTML], b""),
        "/deflate" => answer(
            stream,
            "200 OK",
            &[HTML, ("Content-Encoding", "deflate")],
            &compressed(page.as_bytes(), 1),
        ),
        "/gzip-twice" => answer(
            stream,
            "200 OK",
            &[HTML, ("Content-Encoding", "gzip, gzip")],
            &compressed(page.as_bytes(), 2),
        ),
        "/unknown-encoding" => answer(
            stream,
            "200 OK",
            &[HTML, ("Content-Encoding", "x-frob")],
            page.as_bytes(),
        ),
        "/identity" => answer(
            stream,
            "200 OK",
            &[HTML, ("Content-Encoding", "identity")],
            page.as_bytes(),
        ),
        "/text-plain" => answer(
            stream,
            "200 OK",
            &[("Content-Type", "text/plain; charset=utf-8")],
            page.as_bytes(),
        ),
        "/json" => answer(
            stream,
            "200 OK",
            &[("Content-Type", "application/json")],
            format!("{{\"title\":\"{TITLE}\",\"html\":\"<p>{TEXT}</p>\"}}").as_bytes(),
        ),
        "/untyped-html" => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            let _ = stream.write_all(page.as_bytes());
        }
        "/redirect-nowhere" => answer(stream, "302 Found", &[], b""),
        "/redirect-to-garbage" => redirect(stream, "http://[nicht-da"),
        "/loop-a" => redirect(stream, "/loop-b"),
        "/loop-b" => redirect(stream, "/loop-a"),
        "/to-file" => redirect(stream, "file:///etc/passwd"),
        "/to-javascript" => redirect(stream, "javascript:alert(document.cookie)"),
        "/to-data" => redirect(stream, "data:text/html,<p>PALSU</p>"),
        "/to-other-host" => redirect(stream, &format!("http://localhost:{port}/article")),
        "/image" => answer(
            stream,
            "200 OK",
            &[("Content-Type", "image/png")],
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        ),
        "/pdf" => answer(
            stream,
            "200 OK",
            &[("Content-Type", "application/pdf")],
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        ),
        "/pdf-untyped" => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n%PDF-1.7\n");
        }
        "/bad-utf8" => {
            // Declared UTF-8, with bytes that are not: a lone continuation byte, a cut
            // sequence, and bytes UTF-8 never uses.
            let bad = page.replacen("<article>", "<article><p>Bait rusak: @</p>", 1);
            let (before, after) = bad.split_once('@').unwrap();
            let body = [before.as_bytes(), b"\x80 \xc3( \xff\xfe", after.as_bytes()].concat();
            answer(stream, "200 OK", &[HTML], &body);
        }
        "/windows-1252-header" | "/iso-8859-1-header" => {
            let label = &path[1..path.len() - "-header".len()];
            let ct = format!("text/html; charset={label}");
            answer(
                stream,
                "200 OK",
                &[("Content-Type", &ct)],
                &single_byte_page(""),
            );
        }
        "/windows-1252-meta" => answer(
            stream,
            "200 OK",
            &[("Content-Type", "text/html")],
            &single_byte_page("<meta charset=\"windows-1252\">"),
        ),
        "/iso-8859-1-meta" => answer(
            stream,
            "200 OK",
            &[("Content-Type", "text/html")],
            &single_byte_page(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
            ),
        ),
        "/utf-8-labelled-iso-8859-1" => {
            let bytes = single_byte_page("");
            let (utf8, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
            answer(
                stream,
                "200 OK",
                &[("Content-Type", "text/html; charset=iso-8859-1")],
                utf8.as_bytes(),
            )
        }
        "/charset-outside-a-meta" => answer(
            stream,
            "200 OK",
            &[("Content-Type", "text/html")],
            &single_byte_page(
                "<!-- <meta charset=\"utf-8\"> --><script charset=\"utf-8\" src=\"/a.js\"></script>\
                 <noscript>charset=utf-8</noscript>",
            ),
        ),
        "/single-byte-unlabelled" => answer(
            stream,
            "200 OK",
            &[("Content-Type", "text/html")],
            &single_byte_page(""),
        ),
        "/nested-100k" => answer(stream, "200 OK", &[HTML], nested_page(100_000).as_bytes()),
        "/nested-20k" => answer(stream, "200 OK", &[HTML], nested_page(20_000).as_bytes()),
        "/text-10mb" => answer(stream, "200 OK", &[HTML], huge_text_page().as_bytes()),
        "/links-250k" => answer(
            stream,
            "200 OK",
            &[HTML],
            many_links_article(250_000).as_bytes(),
        ),
        "/index-210k" => answer(
            stream,
            "200 OK",
            &[HTML],
            many_links_index(210_000).as_bytes(),
        ),
        _ => answer(stream, "404 Not Found", &[HTML], b""),
    }
}

/// The misbehaving server, counting the requests for each path.
struct FaultServer {
    server: RawServer,
    hits: Arc<Mutex<HashMap<String, usize>>>,
}

impl FaultServer {
    fn start() -> Self {
        let hits: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
        let counter = hits.clone();
        let server = RawServer::start_streaming(move |path, stream| {
            // Counted under the case's own path, with the mirror's host taken off.
            let case = path
                .strip_prefix(&KOMPAS["https:/".len()..])
                .unwrap_or(path);
            let n = {
                let mut hits = counter.lock().unwrap();
                let n = hits.entry(case.to_string()).or_default();
                *n += 1;
                *n
            };
            misbehave(path, stream, n);
        });
        FaultServer { server, hits }
    }

    fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}

#[derive(Debug, Clone, Copy)]
enum Command {
    Read,
    Headlines,
}

#[derive(Debug)]
enum Expect {
    /// The page arrives: its title, a phrase of its text, and, when it moved, the final
    /// address (`{port}` stands for the server's port).
    Page {
        title: &'static str,
        text: &'static str,
        url: Option<&'static str>,
    },
    /// One line of words and this exit status.
    Fails { code: i32, words: &'static str },
}

struct Case {
    /// The path the server misbehaves on; `None`: a port nothing listens on.
    path: Option<&'static str>,
    command: Command,
    expect: Expect,
    /// How many requests for `path` the server may see: retries, but no hammering.
    requests: RangeInclusive<usize>,
    /// Read as a Kompas article (through `--mirror`, so the Kompas profile reads it),
    /// rather than as a page of another site.
    kompas: bool,
}

impl Case {
    const fn read(path: &'static str, expect: Expect) -> Self {
        Case {
            path: Some(path),
            command: Command::Read,
            expect,
            requests: 1..=1,
            kompas: false,
        }
    }

    const fn kompas(mut self) -> Self {
        self.kompas = true;
        self
    }

    /// The address kabar is asked for, and the mirror it needs, if any.
    fn target(&self, server: &RawServer) -> (String, Option<String>) {
        match self.path {
            Some(path) if self.kompas => (format!("{KOMPAS}{path}"), Some(server.url("/"))),
            Some(path) => (server.url(path), None),
            None => (
                format!("http://127.0.0.1:{}/article", common::closed_port()),
                None,
            ),
        }
    }

    const fn tries(mut self, requests: RangeInclusive<usize>) -> Self {
        self.requests = requests;
        self
    }
}

const fn page() -> Expect {
    Expect::Page {
        title: TITLE,
        text: TEXT,
        url: None,
    }
}

const fn fails(code: i32, words: &'static str) -> Expect {
    Expect::Fails { code, words }
}

const fn single_byte() -> Expect {
    Expect::Page {
        title: "Kopi Pagi",
        text: "Kopi di caf\u{e9} itu disebut \u{201c}terbaik\u{201d}, harganya \u{bd} dari",
        url: None,
    }
}

/// Checks `kabar read` (or `headlines`) on the case, as a user at a shell would.
fn check_command(case: &Case) {
    let server = FaultServer::start();
    let (url, mirror) = case.target(&server.server);
    let command = match case.command {
        Command::Read => "read",
        Command::Headlines => "headlines",
    };
    let mut args = vec![command, &url];
    if let Some(mirror) = &mirror {
        args.extend(["--mirror", mirror]);
    }
    let run = kabar_run(&args, &[TIMEOUT], DEADLINE);
    let err = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(
        !run.timed_out,
        "still running after {DEADLINE:?}; stderr: {err}"
    );
    assert_eq!(run.signal, None, "kabar crashed; stderr: {err}");
    assert!(
        !err.contains("panicked") && !err.contains("overflow"),
        "stderr: {err}"
    );
    assert!(
        run.peak_rss_mb < MAX_RSS_MB,
        "peak memory {:.0} MB",
        run.peak_rss_mb
    );
    let out = String::from_utf8(run.stdout.clone()).expect("stdout is UTF-8");
    check_outcome(&case.expect, &run, &out, &err, server.server.port);
    if let Some(path) = case.path {
        let hits = server.hits(path);
        assert!(
            case.requests.contains(&hits),
            "{hits} requests for {path}, expected {:?}",
            case.requests
        );
    }
}

fn check_outcome(expect: &Expect, run: &Run, out: &str, err: &str, port: u16) {
    let one_line = |code: i32, words: &str| {
        assert_eq!(run.code, Some(code), "exit status; stderr: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(err.contains(words), "stderr says {words:?}: {err}");
        assert!(out.is_empty(), "nothing on stdout: {out:.300}");
    };
    match *expect {
        Expect::Page { title, text, url } => {
            assert_eq!(run.code, Some(0), "stderr: {err}");
            assert_eq!(out.lines().next(), Some(title), "the title comes first");
            assert!(out.contains(text), "the text: {out:.2000}");
            if let Some(url) = url {
                let url = url.replace("{port}", &port.to_string());
                assert!(
                    out.lines().any(|l| l == url),
                    "the final address {url}: {out:.500}"
                );
            }
        }
        Expect::Fails { code, words } => one_line(code, words),
    }
}

fn key(app: &mut App, code: KeyCode) -> Vec<Request> {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// The reader side: the worker fetches for `App`, which is drawn. A good article is
/// opened first; then the case's page, from the list. The good article must stay on
/// screen and in the store whatever the case does.
fn check_reader(case: &Case) {
    let server = FaultServer::start();
    let (url, mirror) = case.target(&server.server);
    let good = match &mirror {
        Some(_) => format!("{KOMPAS}/article"),
        None => server.server.url("/article"),
    };
    let mirror = mirror.map(|m| url::Url::parse(&m).unwrap());
    let client = Client::with_timeout(mirror, TIMEOUT_SECS).unwrap();
    let data = scratch_dir("faults-reader");
    let (store, _) = Store::open_in(&data).expect("store opens");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        runtime.block_on(async {
            let mut handle = worker::spawn(client.clone(), Some(store), false, 0);
            let list_url = match case.command {
                Command::Headlines => url.clone(),
                Command::Read => server.server.url("/no-list-needed"),
            };
            let settings = Settings {
                sections: vec![("Uji".into(), list_url)],
                ..Settings::default()
            };
            let mut app = App::new(settings, (120, 40));
            let first = app.start();
            if let Command::Headlines = case.command {
                send(&handle, &client, first);
                answer_next(&mut app, &mut handle, &client).await;
                check_error(&app, &case.expect, &screen(&app));
                return;
            }
            // The list, as if it had come: the good article, then the case's page.
            let Some(Request::Headlines { id, .. }) = first.into_iter().next() else {
                panic!("the app starts by loading its list")
            };
            let headline = |title: &str, url: &str| Headline {
                title: title.into(),
                url: url.into(),
                label: None,
                published: None,
            };
            app.update(Msg::Answer(Answer::Headlines {
                id,
                result: Ok(HeadlinePage {
                    headlines: vec![headline(TITLE, &good), headline("Kasus uji", &url)],
                    next: None,
                }),
                fetched_at: chrono::Utc::now(),
                read: Default::default(),
            }));
            let open = key(&mut app, KeyCode::Enter);
            send(&handle, &client, open);
            answer_next(&mut app, &mut handle, &client).await;
            assert_eq!(current_title(&app), Some(TITLE), "{:?}", app.error());

            key(&mut app, KeyCode::Esc);
            key(&mut app, KeyCode::Down);
            let open = key(&mut app, KeyCode::Enter);
            // The control case lists the good article twice: opening the article already
            // on screen fetches nothing.
            let asks = open.iter().any(|r| matches!(r, Request::Article { .. }));
            send(&handle, &client, open);
            if asks {
                answer_next(&mut app, &mut handle, &client).await;
            }
            let shown = screen(&app);
            match case.expect {
                Expect::Page { title, text, url } => {
                    assert_eq!(current_title(&app), Some(title), "{:?}", app.error());
                    let article = &app.current().unwrap().article();
                    assert!(article.body.iter().any(|b| b.text.contains(text)));
                    if let Some(u) = url {
                        let u = u.replace("{port}", &server.server.port.to_string());
                        assert_eq!(article.url, u, "the reader shows the final address");
                        assert!(shown.contains(" localhost "), "{shown}");
                    }
                    assert!(shown.contains(title), "{shown}");
                }
                _ => {
                    check_error(&app, &case.expect, &shown);
                    assert_eq!(current_title(&app), Some(TITLE), "the page on screen stays");
                    assert!(shown.contains(TITLE), "{shown}");
                }
            }
            drop(app);
            drop(handle.requests);
            let _ = tokio::time::timeout(Duration::from_secs(5), handle.done).await;
        })
    }));
    // A parse that never ends must not hold up the test (dropping a runtime waits for its
    // blocking tasks): leave it behind.
    runtime.shutdown_background();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
    let (store, notice) = Store::open_in(&data).expect("the store opens again");
    assert_eq!(notice, None, "the store was not damaged");
    if let Command::Read = case.command {
        assert!(
            store.article(&good).unwrap().is_some(),
            "the good article is still stored"
        );
    }
}

fn check_error(app: &App, expect: &Expect, shown: &str) {
    let words = match expect {
        Expect::Fails { words, .. } => *words,
        other => panic!("expected {other:?}, got the error {:?}", app.error()),
    };
    let error = app.error().expect("an error in the status line");
    assert!(error.contains(words), "{error}");
    assert!(!error.contains('\n'), "one line: {error}");
    // The reason stays readable on the status line; the address may be shortened.
    let line = shown.lines().last().unwrap_or_default();
    assert!(
        line.contains(words),
        "the status line shows the reason {words:?}: {line}"
    );
}

fn current_title(app: &App) -> Option<&str> {
    app.current().map(|p| p.article().title.as_str())
}

/// Sends the app's requests to the worker, as the terminal loop does; they only ever go
/// to the test server (`client` says where each address really goes).
fn send(handle: &worker::Handle, client: &Client, requests: Vec<Request>) {
    for r in requests {
        if let Request::Article { url, .. } | Request::Headlines { url, .. } = &r {
            let wire = client.to_wire(&url::Url::parse(url).unwrap());
            assert_eq!(
                wire.host_str(),
                Some("127.0.0.1"),
                "no request leaves: {url}"
            );
        }
        let _ = handle.requests.send(r);
    }
}

/// Waits for the next page or list answer and gives it to the app.
async fn answer_next(app: &mut App, handle: &mut worker::Handle, client: &Client) {
    let start = Instant::now();
    loop {
        let left = DEADLINE.saturating_sub(start.elapsed());
        let answer = tokio::time::timeout(left, handle.answers.recv())
            .await
            .unwrap_or_else(|_| panic!("no answer in {DEADLINE:?}"))
            .expect("the worker answers");
        let done = matches!(answer, Answer::Article { .. } | Answer::Headlines { .. });
        let requests = app.update(Msg::Answer(answer));
        send(handle, client, requests);
        if done {
            return;
        }
    }
}

/// One test per case and side: `<case>::kabar_read` and `<case>::reader`. Attributes
/// before a case apply to both; `kabar_read #[…]` or `reader #[…]` after it, to one side.
macro_rules! cases {
    ($(
        $(#[$both:meta])*
        $name:ident: $case:expr $(, kabar_read #[$cmd:meta])? $(, reader #[$tui:meta])?;
    )*) => {$(
        mod $name {
            use super::*;
            const CASE: Case = $case;
            #[test]
            $(#[$both])*
            $(#[$cmd])?
            fn kabar_read() {
                check_command(&CASE);
            }
            #[test]
            $(#[$both])*
            $(#[$tui])?
            fn reader() {
                check_reader(&CASE);
            }
        }
    )*};
}

cases! {
    control_page_arrives: Case::read("/article", page());
    connection_refused: Case {
        path: None,
        ..Case::read("", fails(3, "connection refused"))
    };
    accepted_never_answered: Case::read("/hang", fails(3, "did not answer in time")).tries(1..=3);
    body_at_one_byte_per_second: Case::read("/trickle", fails(3, "did not answer in time")).tries(1..=3);
    closed_in_mid_body: Case::read("/cut", fails(3, "the connection broke")).tries(1..=3);
    status_404: Case::read("/404", fails(3, "page not found (HTTP 404)"));
    status_410: Case::read("/410", fails(3, "page removed (HTTP 410)"));
    status_429_retry_after_then_ok: Case::read("/429-once", page()).tries(2..=2);
    status_429_retry_after_twice: Case::read("/429", fails(3, "too many requests, try again later (HTTP 429)")).tries(2..=2);
    status_429_retry_after_a_day_is_not_waited_for: Case::read("/429-tomorrow", fails(3, "too many requests, try again later (HTTP 429)"));
    status_500: Case::read("/500", fails(3, "the server failed (Internal Server Error) (HTTP 500)")).tries(3..=3);
    status_503: Case::read("/503", fails(3, "the server failed (Service Unavailable) (HTTP 503)")).tries(3..=3);
    body_of_50_mb: Case::read("/50mb", fails(4, "page larger than 10 MB"));
    gzip_bomb_of_1_gb: Case::read("/gzip-bomb", fails(4, "page larger than 10 MB"));
    empty_200: Case::read("/empty", fails(4, "no article text found"));
    redirect_loop: Case::read("/loop-a", fails(3, "too many redirects")).tries(1..=6);
    redirect_to_file: Case::read("/to-file", fails(3, "redirect to a non-web address"));
    redirect_to_javascript: Case::read("/to-javascript", fails(3, "redirect to a non-web address"));
    redirect_to_data: Case::read("/to-data", fails(3, "redirect to a non-web address"));
    redirect_to_another_host: Case::read("/to-other-host", Expect::Page {
        title: TITLE,
        text: TEXT,
        url: Some("http://localhost:{port}/article"),
    });
    an_image: Case::read("/image", fails(4, "not a web page (image/png)"));
    a_pdf: Case::read("/pdf", fails(4, "not a web page (application/pdf)"));
    a_pdf_without_a_type: Case::read("/pdf-untyped", fails(4, "not a web page (unknown type)"));
    html_without_a_type: Case::read("/untyped-html", page());
    plain_text: Case::read("/text-plain", fails(4, "not a web page (text/plain)"));
    json: Case::read("/json", fails(4, "not a web page (application/json)"));
    deflate_encoding: Case::read("/deflate", fails(4, "the server sent the page in an encoding kabar cannot read (deflate)"));
    gzip_twice: Case::read("/gzip-twice", fails(4, "the server sent the page in an encoding kabar cannot read (gzip, gzip)"));
    unknown_encoding: Case::read("/unknown-encoding", fails(4, "the server sent the page in an encoding kabar cannot read (x-frob)"));
    identity_encoding: Case::read("/identity", page());
    redirect_without_a_location: Case::read("/redirect-nowhere", fails(3, "the server redirected without saying where"));
    redirect_to_no_address: Case::read("/redirect-to-garbage", fails(3, "the server redirected to an address kabar cannot follow"));
    invalid_utf8: Case::read("/bad-utf8", page());
    windows_1252_with_charset_header: Case::read("/windows-1252-header", single_byte());
    windows_1252_with_meta_charset_only: Case::read("/windows-1252-meta", single_byte());
    iso_8859_1_with_charset_header: Case::read("/iso-8859-1-header", single_byte());
    iso_8859_1_with_meta_charset_only: Case::read("/iso-8859-1-meta", single_byte());
    single_byte_page_without_any_charset: Case::read("/single-byte-unlabelled", single_byte());
    utf_8_page_labelled_iso_8859_1: Case::read("/utf-8-labelled-iso-8859-1", single_byte());
    charset_in_a_script_comment_or_text_is_not_a_label: Case::read("/charset-outside-a-meta", single_byte());
    nested_100k_deep: Case::read("/nested-100k", fails(4, "page too complex to read safely (nested more than 256 elements deep)"));
    nested_20k_deep_in_a_kompas_article: Case::read("/nested-20k", fails(4, "page too complex to read safely (nested more than 256 elements deep)")).kompas();
    text_node_of_10_mb: Case::read("/text-10mb", page());
    article_with_250k_links: Case::read("/links-250k", fails(4, "page too complex to read safely (more than 400000 elements)"));
    index_with_210k_links: Case {
        command: Command::Headlines,
        ..Case::read("/index-210k", fails(4, "page too complex to read safely (more than 400000 elements)"))
    };
}

/// An address of 70 KB (a link built to break the HTTP library) is refused before any
/// request, in one short line naming its start, both as typed and as a link the reader
/// follows.
#[test]
fn an_address_over_the_limit_is_refused_before_any_request() {
    let server = FaultServer::start();
    let long = server
        .server
        .url(&format!("/article?q={}", "a".repeat(70_000)));
    let run = kabar_run(&["read", &long], &[TIMEOUT], DEADLINE);
    let err = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.code, Some(2), "exit status; stderr: {err:.300}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:.300}");
    assert!(
        err.contains("address too long (70") && err.contains("up to 32 KB"),
        "{err:.300}"
    );
    assert!(err.len() < 300, "the line is short: {err:.300}");
    assert!(run.stdout.is_empty());

    // Within the limit itself, through a mirror whose prefix takes it past: the check is
    // on the address really requested.
    let mirror = url::Url::parse(&server.server.url(&format!("/{}/", "m".repeat(40_000)))).unwrap();
    let client = Client::with_timeout(Some(mirror), TIMEOUT_SECS).unwrap();
    let page = url::Url::parse(&format!("{KOMPAS}/{}", "b".repeat(30_000))).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let err = runtime
        .block_on(client.get_html(&page))
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("address too long (70"), "{err:.300}");
    assert_eq!(server.hits.lock().unwrap().len(), 0, "no request was made");
}

/// The reader in a real terminal, on the fixture index, with every article answered the
/// way `fault` misbehaves: it opens the first headline, then checks that a key is answered
/// while that page is still on its way (the help opens and closes), and that `q` brings
/// the shell back at once.
fn keys_answered_while(fault: &'static str) {
    let index = std::fs::read(common::fixture("indeks-page-1.html")).unwrap();
    let server = RawServer::start_streaming(move |path, stream| {
        if path.starts_with("/indeks.kompas.com/") {
            answer(stream, "200 OK", &[HTML], &index);
        } else {
            misbehave(fault, stream, 1);
        }
    });
    let data = scratch_dir("faults-tmux");
    let _leftover = Leftover(data.clone());
    let tmux = Tmux::start(&format!("faults{}", fault.replace('/', "-")));
    tmux.wait_for("$");
    tmux.type_line(&format!(
        "{} --data-dir {} --mirror {}",
        env!("CARGO_BIN_EXE_kabar"),
        data.display(),
        server.url("/")
    ));
    tmux.wait_for("Terkini (14");
    tmux.send(&["Enter"]);
    tmux.wait_for("loading article");
    // The help opens and closes while the page is still loading: the reader answers keys
    // whatever the network does.
    tmux.send(&["?"]);
    tmux.wait_for("Keys ·");
    tmux.send(&["Escape"]);
    let screen = tmux.wait_for_gone("Keys ·");
    assert!(
        screen.contains("loading article"),
        "still loading:\n{screen}"
    );

    // Quitting does not wait for the request (which hangs for the whole 30 s timeout;
    // the wait below gives up after 20 s, a hang guard, not a speed bound).
    tmux.quit();
    tmux.type_line("echo back-$?");
    tmux.wait_for("back-0");
    assert_eq!(tmux.query("#{alternate_on}"), "0");
}

/// A refused connection is tried three times: two quick retries, as docs/RELIABILITY.md
/// says. Nothing listens on the port, so no server can count the attempts; kabar's own
/// debug log does, with one `retrying in` line before each new attempt.
#[test]
fn connection_refused_is_retried_twice() {
    let data = scratch_dir("faults-refused");
    let url = format!("http://127.0.0.1:{}/article", common::closed_port());
    let data_dir = ("KABAR_DATA_DIR", data.to_str().unwrap());
    let run = kabar_run(
        &["read", &url, "--log-level", "kabar=debug"],
        &[TIMEOUT, data_dir],
        DEADLINE,
    );
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.code, Some(3), "stderr: {err}");
    assert!(err.contains("connection refused"), "stderr: {err}");
    let log = std::fs::read_to_string(data.join("kabar.log")).expect("kabar wrote its log");
    let retries = log.lines().filter(|l| l.contains("retrying in")).count();
    assert_eq!(
        retries, 2,
        "two retries after the first try; the log:\n{log}"
    );
}

/// Ends, when dropped, a kabar still running with this data directory (one that a failed
/// test left busy), so it does not go on using a core after the test.
struct Leftover(std::path::PathBuf);

impl Drop for Leftover {
    fn drop(&mut self) {
        let Ok(out) = std::process::Command::new("pgrep")
            .args(["-f", &self.0.display().to_string()])
            .output()
        else {
            return;
        };
        for pid in String::from_utf8_lossy(&out.stdout).split_whitespace() {
            if let Ok(pid) = pid.parse::<i32>() {
                // SAFETY: sending a signal has no memory effects.
                unsafe { libc::kill(pid, libc::SIGKILL) };
            }
        }
    }
}

#[test]
fn tmux_keys_answered_while_a_request_hangs() {
    keys_answered_while("/hang");
}

#[test]
fn tmux_keys_answered_while_a_body_trickles_in() {
    keys_answered_while("/trickle");
}
