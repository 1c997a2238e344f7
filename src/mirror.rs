//! A local stand-in for the web: an HTTP server on 127.0.0.1 that answers each known URL
//! with a stored page and 404 for anything else (the demo's days excepted: see
//! `Routes::undated_days`). `--demo` runs it on the pages shipped in
//! `assets/demo/`; the tests run it on the fixture pages. The app reaches it through
//! `--mirror`, so both exercise exactly the path real requests take.

use std::collections::HashMap;
use std::convert::Infallible;
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode, Uri};
use hyper_util::rt::TokioIo;
use include_dir::{Dir, include_dir};
use tokio::sync::oneshot;
use url::Url;

static DEMO: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/demo");

/// Pages by mirror key (`host/path?query`).
#[derive(Debug, Clone, Default)]
pub struct Routes {
    /// Shared, not copied, by the pages of one file and by each answer.
    pages: HashMap<String, Bytes>,
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
        let mut files: HashMap<&str, Bytes> = HashMap::new();
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
                    let b = Bytes::from(read(file)?);
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
    fn page(&self, url: &Url) -> Option<Bytes> {
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
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl MirrorServer {
    /// Starts serving `routes` on a free port of 127.0.0.1, on a thread of its own with
    /// its own runtime, so it serves the same whether or not the caller runs one.
    pub fn start(routes: Routes) -> io::Result<Self> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let port = listener.local_addr()?.port();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let (stop, stopped) = oneshot::channel();
        let routes = Arc::new(routes);
        let thread = std::thread::Builder::new()
            .name("kabar-mirror".into())
            .spawn(move || runtime.block_on(serve(listener, routes, stopped)))?;
        let base = Url::parse(&format!("http://127.0.0.1:{port}/")).expect("valid base URL");
        Ok(MirrorServer {
            base,
            stop: Some(stop),
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
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Accepts connections until `stopped`, each served by a task of its own. Stopping
/// drops the runtime, and with it every connection still open.
async fn serve(
    listener: std::net::TcpListener,
    routes: Arc<Routes>,
    mut stopped: oneshot::Receiver<()>,
) {
    let listener = match tokio::net::TcpListener::from_std(listener) {
        Ok(l) => l,
        Err(e) => {
            tracing::error!("mirror: {e}");
            return;
        }
    };
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = &mut stopped => return,
        };
        let stream = match stream {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors, say: wait for some to close rather than spin.
                tracing::warn!("mirror: accepting a connection failed: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let routes = routes.clone();
        tokio::spawn(async move {
            let service = service_fn(move |request: Request<Incoming>| {
                let response = answer(&routes, request.uri());
                async move { Ok::<_, Infallible>(response) }
            });
            if let Err(e) = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await
            {
                tracing::debug!("mirror: a connection ended: {e}");
            }
        });
    }
}

/// The stored page for a request for `/host/path?query`, or a 404 page.
fn answer(routes: &Routes, uri: &Uri) -> Response<Full<Bytes>> {
    let target = uri.path_and_query().map_or("/", |p| p.as_str());
    let page = Url::parse("http://mirror")
        .and_then(|b| b.join(target))
        .ok()
        .and_then(|u| {
            let rest = u.as_str().strip_prefix("http://mirror/")?.to_string();
            Url::parse(&format!("https://{rest}")).ok()
        })
        .and_then(|u| routes.page(&u));
    let (status, kind, body) = match page {
        Some(body) => (StatusCode::OK, content_type(&body), body),
        None => (
            StatusCode::NOT_FOUND,
            "text/html; charset=utf-8",
            Bytes::from_static(b"<!doctype html><title>404</title><p>Not found"),
        ),
    };
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(kind));
    response
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::TcpStream;
    use std::time::Duration;

    /// One GET on `stream` (kept alive), answered in full: the status line.
    fn get(stream: &TcpStream, path: &str) -> io::Result<String> {
        let mut writer = stream;
        write!(writer, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")?;
        let mut reader = BufReader::new(stream);
        let mut status = String::new();
        reader.read_line(&mut status)?;
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line)?;
            if line.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().unwrap_or(0);
            }
        }
        reader.read_exact(&mut vec![0; length])?;
        Ok(status.trim().to_string())
    }

    fn connect(mirror: &MirrorServer) -> TcpStream {
        let port = mirror.base().port().unwrap();
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        // Long enough for any machine; a request the server never reads fails here
        // instead of hanging the test.
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
    }

    /// Clients that keep their connections open (as reqwest's pool does) must not hold
    /// up a client that connects meanwhile: a server that gives each connection a
    /// thread from a pool left a new connection waiting for one of the old to close.
    #[test]
    fn open_connections_do_not_hold_up_new_ones() {
        let routes = Routes::from_table("https://example.com/a\tpage", |_| {
            Ok(b"<!doctype html><p>a".to_vec())
        })
        .unwrap();
        let mirror = MirrorServer::start(routes).unwrap();
        let mut open: Vec<TcpStream> = (0..5).map(|_| connect(&mirror)).collect();
        for stream in &open {
            assert_eq!(get(stream, "/example.com/a").unwrap(), "HTTP/1.1 200 OK");
        }
        for round in 0..10 {
            // One client leaves, two arrive at once, while the rest stay connected.
            drop(open.remove(0));
            std::thread::sleep(Duration::from_millis(50));
            let new = [connect(&mirror), connect(&mirror)];
            for stream in &new {
                let answer = get(stream, "/example.com/a");
                assert_eq!(
                    answer.as_ref().map(String::as_str).ok(),
                    Some("HTTP/1.1 200 OK"),
                    "round {round}: {answer:?}"
                );
            }
            open.extend(new);
        }
    }
}
