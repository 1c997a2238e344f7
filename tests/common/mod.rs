//! What the integration tests share: where the fixtures are, the fixture mirror, a raw
//! HTTP server that answers whatever a test asks, and a way to run the real binary.

#![allow(dead_code)] // each test crate uses a different part of this module

pub mod drawn;
pub mod mutate;
pub mod tmux;
pub mod truth;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::Arc;
use std::thread;

use kabar::mirror::{MirrorServer, Routes};

/// `../shared/fixtures/kompas`, beside the project checkout.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/kompas")
}

pub fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

pub fn fixture_routes() -> Routes {
    Routes::from_tsv(&fixture("urls.tsv")).expect("fixture table readable")
}

/// The fixture page `name` as kabar reads it.
pub fn fixture_article(name: &str) -> kabar::article::Article {
    let html = std::fs::read_to_string(fixture(name)).expect("fixture readable");
    let url = kabar::sites::page_url(&html, None, &url::Url::parse("file:///x").unwrap());
    kabar::sites::read_article(&html, &url)
        .expect("fixture reads")
        .article
}

/// What a search of a store holding the fixture articles `files` (and the index, which
/// labels some of them) finds for `query`: the worker's answer to a search of the store.
pub fn store_hits(files: &[&str], query: &str) -> Vec<kabar::article::Hit> {
    let (store, _) = kabar::store::Store::open_in(&scratch_dir("store-hits")).expect("store opens");
    let index = std::fs::read_to_string(fixture("indeks-page-1.html")).expect("fixture readable");
    let url = url::Url::parse(kabar::sites::kompas::INDEX_URL).unwrap();
    let page = kabar::sites::read_headlines(&index, &url).expect("the index reads");
    store
        .put_headlines(url.as_str(), &page.headlines, None, fetched_at())
        .expect("list stored");
    for file in files {
        let article = fixture_article(file);
        store
            .put_article(&article.url, &article, fetched_at())
            .expect("article stored");
    }
    store.search(query).expect("the store searches")
}

/// A server on 127.0.0.1 that mirrors kompas.com from the fixtures.
pub fn fixture_mirror() -> MirrorServer {
    MirrorServer::start(fixture_routes()).expect("mirror server starts")
}

/// Runs the built `kabar` binary with `args`, no mirror from the environment.
pub fn kabar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(args)
        .env_remove("KABAR_MIRROR")
        .env("KABAR_DATA_DIR", scratch_dir("data"))
        .output()
        .expect("kabar runs")
}

/// A fresh empty directory under the target dir for one test.
pub fn scratch_dir(name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// One canned answer of [`RawServer`]: the bytes written back, as they are.
pub type Answer = Vec<u8>;

pub fn http_answer(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// An HTTP server on 127.0.0.1 that answers each request with what `handler` returns for
/// its path (the request line's target). Raw bytes, so a test can send anything.
pub struct RawServer {
    pub port: u16,
}

impl RawServer {
    pub fn start(handler: impl Fn(&str) -> Answer + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let handler = Arc::new(handler);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let handler = handler.clone();
                thread::spawn(move || serve(stream, &*handler));
            }
        });
        RawServer { port }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

fn serve(mut stream: TcpStream, handler: &dyn Fn(&str) -> Answer) {
    if let Some(path) = read_head(&mut stream) {
        let _ = stream.write_all(&handler(&path));
    }
}

/// True for a character that must never reach the terminal from a page: a control
/// character (C0 but the line break, DEL, C1; ESC starts every escape sequence), a
/// bidi control that reorders what is shown, or an invisible, private-use or
/// non-character. (The zero-width joiner is allowed: it stays inside emoji sequences.)
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        || matches!(
            c,
            '\u{200b}' | '\u{200c}' | '\u{2060}' | '\u{feff}' | '\u{ad}' | '\u{180e}'
        )
        || matches!(c, '\u{e0000}'..='\u{e007f}' | '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..)
        || matches!(c, '\u{fdd0}'..='\u{fdef}')
        || (c as u32) & 0xfffe == 0xfffe
}

/// The first forbidden character in `text` and where it is, for an assertion message.
pub fn first_forbidden(text: &str) -> Option<(usize, String)> {
    text.char_indices()
        .find(|&(_, c)| is_forbidden(c))
        .map(|(i, c)| (i, format!("U+{:04X}", c as u32)))
}

impl RawServer {
    /// Like [`RawServer::start`], but `handler` gets the connection itself, after the
    /// request head is read, to answer as slowly, partly or never as a test needs.
    pub fn start_streaming(handler: impl Fn(&str, &mut TcpStream) + Send + Sync + 'static) -> Self {
        RawServer::start_streaming_with_head(move |path, _, stream| handler(path, stream))
    }
}

/// Reads a request head; the request target, or `None` when the client went away.
fn read_head(stream: &mut TcpStream) -> Option<String> {
    read_request(stream).map(|(path, _)| path)
}

/// Reads a request head; the request target and the whole head (its header lines).
fn read_request(stream: &mut TcpStream) -> Option<(String, String)> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return None,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let head = String::from_utf8_lossy(&buf).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    Some((path, head))
}

impl RawServer {
    /// Like [`RawServer::start`], but `handler` also gets the request head, to answer by
    /// its headers (`If-None-Match`, say).
    pub fn start_with_head(handler: impl Fn(&str, &str) -> Answer + Send + Sync + 'static) -> Self {
        RawServer::start_streaming_with_head(move |path, head, stream| {
            let _ = stream.write_all(&handler(path, head));
        })
    }

    /// Like [`RawServer::start_streaming`], with the request head.
    pub fn start_streaming_with_head(
        handler: impl Fn(&str, &str, &mut TcpStream) + Send + Sync + 'static,
    ) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let handler = Arc::new(handler);
        thread::spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let handler = handler.clone();
                thread::spawn(move || {
                    if let Some((path, head)) = read_request(&mut stream) {
                        handler(&path, &head, &mut stream);
                    }
                });
            }
        });
        RawServer { port }
    }
}

/// Holds a connection open without answering until the client closes it.
pub fn hang(stream: &mut TcpStream) {
    let mut sink = [0u8; 1024];
    while matches!(stream.read(&mut sink), Ok(n) if n > 0) {}
}

/// One run of the binary, with what a user sees and what it cost.
pub struct Run {
    /// The exit status, `None` when a signal ended the process (a crash or the deadline).
    pub code: Option<i32>,
    pub signal: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// The process's peak resident memory (`VmHWM`), in MiB.
    pub peak_rss_mb: f64,
    pub elapsed: std::time::Duration,
    /// Killed at the deadline.
    pub timed_out: bool,
}

/// Runs the built `kabar` with `args` and `env` (no mirror from the environment, a fresh
/// data directory), killing it after `deadline`. The peak memory is the high-water mark the
/// kernel keeps for the process (`VmHWM`), read every few milliseconds until it exits,
/// from the moment the pid runs kabar.
/// (`ru_maxrss` from `wait4` would not do: it counts the test process's own memory,
/// which the child had before it ran `exec`.)
#[allow(
    clippy::zombie_processes,
    reason = "reaped with waitpid, to read the exit first"
)]
pub fn kabar_run(args: &[&str], env: &[(&str, &str)], deadline: std::time::Duration) -> Run {
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let mut child = Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(args)
        .env_remove("KABAR_MIRROR")
        .env("KABAR_DATA_DIR", scratch_dir("data"))
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kabar runs");
    let start = Instant::now();
    let pid = child.id() as libc::pid_t;
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let out = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let err = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let mut status = 0;
    let mut peak_kb = 0u64;
    let mut timed_out = false;
    let program = std::fs::canonicalize(env!("CARGO_BIN_EXE_kabar")).expect("kabar's path");
    let mut ran_kabar = false;
    loop {
        // `spawn` can return while the child is still inside `execve`, on this process's
        // memory: a reading then is the test's own high-water mark. The program the pid runs
        // changes once, with its memory, so readings count from when it is kabar.
        ran_kabar = ran_kabar
            || std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == program);
        // Read before reaping: until then the pid is the child's, and a zombie's status has
        // no memory lines (the last reading stands).
        if let Some(kb) = high_water_kb(pid).filter(|_| ran_kabar) {
            peak_kb = peak_kb.max(kb);
        }
        // SAFETY: `pid` is our own child, not yet reaped (std's `Child` is never waited
        // on), so the pid cannot have been reused.
        let reaped = unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
        if reaped == pid {
            break;
        }
        assert!(reaped == 0, "waitpid failed");
        if !timed_out && start.elapsed() > deadline {
            timed_out = true;
            // SAFETY: as above, the pid is still our unreaped child.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        thread::sleep(Duration::from_millis(5));
    }
    let elapsed = start.elapsed();
    Run {
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        signal: libc::WIFSIGNALED(status).then(|| libc::WTERMSIG(status)),
        stdout: out.join().expect("stdout drained"),
        stderr: err.join().expect("stderr drained"),
        peak_rss_mb: peak_kb as f64 / 1024.0,
        elapsed,
        timed_out,
    }
}

/// `VmHWM` of a running process, in KiB.
fn high_water_kb(pid: libc::pid_t) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Every piece of text in an article, with the name of its field.
pub fn article_texts(a: &kabar::article::Article) -> Vec<(&'static str, &str)> {
    let mut out = vec![("title", a.title.as_str())];
    out.extend(a.authors.iter().map(|s| ("author", s.as_str())));
    out.extend(a.tags.iter().map(|s| ("tag", s.as_str())));
    out.extend(a.editor.iter().map(|s| ("editor", s.as_str())));
    out.extend(a.source.iter().map(|s| ("source", s.as_str())));
    out.extend(a.body.iter().map(|b| ("body", b.text.as_str())));
    out.extend(a.related.iter().map(|l| ("related", l.title.as_str())));
    for t in &a.terkini {
        out.push(("terkini", t.title.as_str()));
        out.extend(t.label.iter().map(|l| ("label", l.as_str())));
    }
    out
}

/// Every address in an article.
pub fn article_links(a: &kabar::article::Article) -> Vec<&str> {
    let mut out = vec![a.url.as_str()];
    out.extend(a.image.as_deref());
    out.extend(a.related.iter().map(|l| l.url.as_str()));
    out.extend(a.terkini.iter().map(|l| l.url.as_str()));
    out
}

/// What is wrong with a link a parser let out, if anything: it must be an absolute
/// http(s) address without credentials or forbidden characters.
pub fn link_problem(link: &str) -> Option<String> {
    let Ok(url) = url::Url::parse(link) else {
        return Some(format!("not an absolute address: {link:?}"));
    };
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Some(format!("not a web address: {link:?}"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Some(format!("credentials kept: {link:?}"));
    }
    first_forbidden(link).map(|(i, c)| format!("{c} at {i} in the link {link:?}"))
}

/// What is wrong with an article a parser made, if anything: a forbidden character in a
/// text (one line for inline fields), or a bad link.
pub fn article_problem(a: &kabar::article::Article) -> Option<String> {
    for (field, text) in article_texts(a) {
        if let Some((i, c)) = first_forbidden(text) {
            return Some(format!("{c} at {i} in the {field} {text:?}"));
        }
        if field != "body" && text.contains('\n') {
            return Some(format!("a line break in the {field} {text:?}"));
        }
    }
    article_links(a).into_iter().find_map(link_problem)
}

/// The same for a headline list.
pub fn headlines_problem(page: &kabar::article::HeadlinePage) -> Option<String> {
    for h in &page.headlines {
        for text in std::iter::once(&h.title).chain(&h.label) {
            if let Some((i, c)) = first_forbidden(text) {
                return Some(format!("{c} at {i} in the headline {text:?}"));
            }
            if text.contains('\n') || text.is_empty() {
                return Some(format!("not one line of text: {text:?}"));
            }
        }
        if let Some(p) = link_problem(&h.url) {
            return Some(p);
        }
    }
    page.next.as_deref().and_then(link_problem)
}

/// Reads `html` as an article and as a headline list, as kabar would from `url`, and
/// checks every result and the article as printed; the first problem, if any. A parser
/// that panics is one, though kabar catches the panic and says the page could not be
/// read: no page should break a parser.
pub fn parse_problem(html: &str, url: &url::Url) -> Option<String> {
    let article = kabar::sites::read_article(html, url);
    if let Err(e @ kabar::error::Error::ParserFailed { .. }) = &article {
        return Some(format!("article: {e}"));
    }
    if let Ok(page) = article {
        if let Some(p) = article_problem(&page.article) {
            return Some(format!("article: {p}"));
        }
        let paging = page
            .paging
            .iter()
            .flat_map(|p| p.rest.iter().chain(p.all.as_ref()));
        if let Some(p) = paging.map(|u| u.as_str()).find_map(link_problem) {
            return Some(format!("paging: {p}"));
        }
        let printed = kabar::text::article(&page.article, 40);
        if let Some((i, c)) = first_forbidden(&printed) {
            return Some(format!("printed text: {c} at {i}"));
        }
    }
    let list = match kabar::sites::read_headlines(html, url) {
        Err(e @ kabar::error::Error::ParserFailed { .. }) => {
            return Some(format!("headlines: {e}"));
        }
        list => list.ok()?,
    };
    headlines_problem(&list).map(|p| format!("headlines: {p}"))
}

/// The clock screen tests draw with, so ages (`15m`, `3j`) do not change between runs.
pub fn test_now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-11-25T22:00:00+07:00").expect("valid time")
}

/// When the lists in the screen tests were fetched: five minutes before the test clock.
pub fn fetched_at() -> chrono::DateTime<chrono::Utc> {
    (test_now() - chrono::TimeDelta::minutes(5)).to_utc()
}

/// A drawn buffer as text, each row with its trailing blanks cut.
pub fn buffer_text(buffer: &ratatui::buffer::Buffer) -> String {
    (0..buffer.area.height)
        .map(|y| {
            let row: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            row.trim_end().to_string() + "\n"
        })
        .collect()
}

/// The screen of `app` as text, drawn at its size with the test clock.
pub fn screen(app: &kabar::app::App) -> String {
    buffer_text(&drawn(app))
}

/// The screen of `app` as cells, drawn at its size with the test clock.
pub fn drawn(app: &kabar::app::App) -> ratatui::buffer::Buffer {
    let backend = ratatui::backend::TestBackend::new(app.size().0, app.size().1);
    let mut terminal = ratatui::Terminal::new(backend).expect("test terminal");
    terminal
        .draw(|f| kabar::ui::draw(f, app, test_now()))
        .expect("draws");
    terminal.backend().buffer().clone()
}

/// The reader with `article` open, at `size`.
pub fn reader_with(article: kabar::article::Article, size: (u16, u16)) -> kabar::app::App {
    reader_in(kabar::app::Settings::default(), article, size)
}

/// The reader with `settings` and `article` open, at `size`.
pub fn reader_in(
    settings: kabar::app::Settings,
    article: kabar::article::Article,
    size: (u16, u16),
) -> kabar::app::App {
    let mut app = kabar::app::App::new(settings, size);
    let Some(kabar::app::Request::Headlines { id, .. }) = app.start().pop() else {
        panic!("the app loads its list first")
    };
    let headline = kabar::article::Headline {
        title: article.title.clone(),
        url: article.url.clone(),
        label: None,
        published: None,
    };
    app.update(kabar::app::Msg::Answer(kabar::app::Answer::Headlines {
        id,
        result: Ok(kabar::article::HeadlinePage {
            headlines: vec![headline],
            next: None,
        }),
        fetched_at: fetched_at(),
        read: Default::default(),
    }));
    let Some(kabar::app::Request::Article { id, .. }) = app
        .update(kabar::app::Msg::Key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Enter,
            crossterm::event::KeyModifiers::NONE,
        )))
        .pop()
    else {
        panic!("Enter opens the headline")
    };
    app.update(kabar::app::Msg::Answer(kabar::app::Answer::Article {
        id,
        result: Ok(Box::new(article)),
        position: 0,
        saved: false,
    }));
    app
}

/// A stand-in browser in `dir`: a script that writes how many arguments it got, then each
/// on a line of its own, to the file returned with it, so a test can check the address
/// arrived as one argument.
pub fn recording_browser(dir: &std::path::Path) -> (PathBuf, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let args = dir.join("args");
    let opener = dir.join("opener");
    std::fs::write(
        &opener,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > {}\n",
            args.display()
        ),
    )
    .expect("the browser script is written");
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755))
        .expect("the browser script runs");
    (opener, args)
}

/// The worker's next answer, within 20 s.
pub async fn next_answer(handle: &mut kabar::worker::Handle) -> kabar::app::Answer {
    tokio::time::timeout(std::time::Duration::from_secs(20), handle.answers.recv())
        .await
        .expect("an answer within 20 s")
        .expect("worker alive")
}

/// A port on 127.0.0.1 that was free a moment ago: nothing listens there.
pub fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("its address")
        .port()
}

/// The article of `tests/fixtures/photos/`: a lead photo and four in its text.
pub fn photo_article() -> kabar::article::Article {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/photos/article.html");
    let html = std::fs::read_to_string(path).unwrap();
    let url = kabar::sites::page_url(&html, None, &url::Url::parse("file:///x").unwrap());
    kabar::sites::read_article(&html, &url).unwrap().article
}
