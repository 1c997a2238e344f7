//! What the integration tests share: where the fixtures are, the fixture mirror, a raw
//! HTTP server that answers whatever a test asks, and a way to run the real binary.

#![allow(dead_code)] // each test crate uses a different part of this module

pub mod tmux;

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
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let head = String::from_utf8_lossy(&buf);
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let _ = stream.write_all(&handler(&path));
}
