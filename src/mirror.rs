//! A local stand-in for the web: an HTTP server on 127.0.0.1 that answers each known URL
//! with a stored page and 404 for anything else (the demo's days excepted: see
//! `Routes::undated_days`). `--demo` runs it on the pages shipped in
//! `assets/demo/`; the tests run it on the fixture pages. The app reaches it through
//! `--mirror`, so both exercise exactly the path real requests take.

use std::collections::HashMap;
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::thread::JoinHandle;

use include_dir::{Dir, include_dir};
use url::Url;

static DEMO: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/demo");

/// Pages by mirror key (`host/path?query`).
#[derive(Debug, Clone, Default)]
pub struct Routes {
    pages: HashMap<String, Arc<Vec<u8>>>,
    /// Whether a page of a day (`date=` in its query) that has no copy is answered with
    /// the same page without the day. The demo does: the reader's day keys step from
    /// the real today, which no set of copies can keep up with. The tests' routes do
    /// not, so a page they leave out stays a 404.
    undated_days: bool,
}

impl Routes {
    /// Reads a `urls.tsv` table (`URL<TAB>file`, `#` comments), files relative to it.
    pub fn from_tsv(path: &Path) -> io::Result<Self> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let table = std::fs::read_to_string(path)?;
        Self::from_table(&table, |file| std::fs::read(dir.join(file)))
    }

    /// The demo site compiled into the binary.
    pub fn demo() -> Self {
        let table = DEMO
            .get_file("urls.tsv")
            .and_then(|f| f.contents_utf8())
            .unwrap_or_default();
        let routes = Self::from_table(table, |file| {
            DEMO.get_file(file)
                .map(|f| f.contents().to_vec())
                .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, file.to_string()))
        })
        .expect("the demo table names only files that are compiled in");
        Routes {
            undated_days: true,
            ..routes
        }
    }

    fn from_table(table: &str, read: impl Fn(&str) -> io::Result<Vec<u8>>) -> io::Result<Self> {
        let mut files: HashMap<&str, Arc<Vec<u8>>> = HashMap::new();
        let mut pages = HashMap::new();
        for line in table
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let Some((url, file)) = line.split_once('\t') else {
                continue;
            };
            let Some(key) = Url::parse(url.trim()).ok().map(|u| key(&u)) else {
                continue;
            };
            let file = file.trim();
            let body = match files.get(file) {
                Some(b) => b.clone(),
                None => {
                    let b = Arc::new(read(file)?);
                    files.insert(file, b.clone());
                    b
                }
            };
            pages.insert(key, body);
        }
        Ok(Routes {
            pages,
            undated_days: false,
        })
    }

    /// Forgets the page for `url`, so it answers 404 (to test what happens without it).
    pub fn remove(&mut self, url: &Url) {
        self.pages.remove(&key(url));
    }

    /// The page served for `url`, if any.
    fn page(&self, url: &Url) -> Option<Arc<Vec<u8>>> {
        if let Some(page) = self.pages.get(&key(url)) {
            return Some(page.clone());
        }
        let undated = without_date(url).filter(|_| self.undated_days)?;
        self.pages.get(&key(&undated)).cloned()
    }
}

/// `url` without its `date=` parameter, when it has one.
fn without_date(url: &Url) -> Option<Url> {
    let rest: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| k != "date")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if rest.len() == url.query_pairs().count() {
        return None;
    }
    let mut undated = url.clone();
    undated.set_query(None);
    if !rest.is_empty() {
        undated.query_pairs_mut().extend_pairs(rest);
    }
    Some(undated)
}

/// `host/path?query`: the part of a URL the mirror keeps.
fn key(url: &Url) -> String {
    let mut k = format!("{}{}", url.host_str().unwrap_or_default(), url.path());
    if let Some(q) = url.query() {
        k.push('?');
        k.push_str(q);
    }
    k
}

/// A running mirror server; it stops when dropped.
pub struct MirrorServer {
    base: Url,
    server: Arc<tiny_http::Server>,
    thread: Option<JoinHandle<()>>,
}

impl MirrorServer {
    /// Starts serving `routes` on a free port of 127.0.0.1.
    pub fn start(routes: Routes) -> io::Result<Self> {
        let server = tiny_http::Server::http("127.0.0.1:0").map_err(io::Error::other)?;
        let port = server
            .server_addr()
            .to_ip()
            .map(|a| a.port())
            .ok_or_else(|| io::Error::other("mirror server has no IP address"))?;
        let server = Arc::new(server);
        let worker = server.clone();
        let thread = std::thread::Builder::new()
            .name("kabar-mirror".into())
            .spawn(move || {
                for request in worker.incoming_requests() {
                    let _ = answer(&routes, request);
                }
            })?;
        let base = Url::parse(&format!("http://127.0.0.1:{port}/")).expect("valid base URL");
        Ok(MirrorServer {
            base,
            server,
            thread: Some(thread),
        })
    }

    /// The base URL to give `--mirror`.
    pub fn base(&self) -> &Url {
        &self.base
    }
}

impl Drop for MirrorServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn answer(routes: &Routes, request: tiny_http::Request) -> io::Result<()> {
    let page = Url::parse("http://mirror")
        .and_then(|b| b.join(request.url()))
        .ok()
        .and_then(|u| {
            // The request path is `/host/path?query`; rebuild the page URL from it.
            let rest = u.as_str().strip_prefix("http://mirror/")?.to_string();
            Url::parse(&format!("https://{rest}")).ok()
        })
        .and_then(|u| routes.page(&u));
    let html = tiny_http::Header::from_bytes("Content-Type", "text/html; charset=utf-8")
        .expect("static header is valid");
    match page {
        Some(body) => {
            let kind = tiny_http::Header::from_bytes("Content-Type", content_type(&body))
                .expect("static header is valid");
            request
                .respond(tiny_http::Response::from_data(body.as_slice().to_vec()).with_header(kind))
        }
        None => request.respond(
            tiny_http::Response::from_string("<!doctype html><title>404</title><p>Not found")
                .with_status_code(404)
                .with_header(html),
        ),
    }
}

/// The type of a file served: the photos by their first bytes, anything else a page.
fn content_type(body: &[u8]) -> &'static str {
    if body.starts_with(b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if body.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "image/jpeg"
    } else {
        "text/html; charset=utf-8"
    }
}
