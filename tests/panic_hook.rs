//! The panic hook the reader sets: a panic on a page-parsing thread (`kabar-parse`),
//! which is caught and becomes an error for that one page, leaves the reader's screen
//! alone and goes to the log; any other panic puts the terminal back and is reported.
//!
//! The hook is process-wide, so this file holds one test.

use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use kabar::sites::PARSER_THREAD;
use kabar::tui::set_panic_hook;

/// How often the hook put the terminal back.
static RESTORED: AtomicUsize = AtomicUsize::new(0);
/// How often the hook handed on to the hook before it (the one that prints the panic).
static REPORTED: AtomicUsize = AtomicUsize::new(0);
static LOG: Mutex<Vec<u8>> = Mutex::new(Vec::new());

fn restore() {
    RESTORED.fetch_add(1, Ordering::SeqCst);
}

struct Log;

impl Write for Log {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        LOG.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn panic_on(name: &str, message: &'static str) {
    let joined = std::thread::Builder::new()
        .name(name.to_string())
        .spawn(move || panic!("{message}"))
        .unwrap()
        .join();
    assert!(joined.is_err(), "the thread panicked");
}

#[test]
fn a_parser_panic_is_logged_and_leaves_the_terminal_any_other_restores_it() {
    tracing_subscriber::fmt()
        .with_writer(|| Log)
        .with_ansi(false)
        .init();
    std::panic::set_hook(Box::new(|_| {
        REPORTED.fetch_add(1, Ordering::SeqCst);
    }));
    set_panic_hook(restore);

    panic_on(PARSER_THREAD, "a page too strange to parse");
    assert_eq!(PARSER_THREAD, "kabar-parse");
    assert_eq!(
        RESTORED.load(Ordering::SeqCst),
        0,
        "the terminal is left as it is"
    );
    assert_eq!(
        REPORTED.load(Ordering::SeqCst),
        0,
        "nothing printed over the reader"
    );
    let log = String::from_utf8(LOG.lock().unwrap().clone()).unwrap();
    assert!(log.contains("ERROR"), "{log}");
    assert!(log.contains("a page too strange to parse"), "{log}");
    assert!(
        log.contains("tests/panic_hook.rs:"),
        "where it panicked: {log}"
    );

    panic_on("kabar-worker", "a bug elsewhere");
    assert_eq!(
        RESTORED.load(Ordering::SeqCst),
        1,
        "the terminal is put back"
    );
    assert_eq!(REPORTED.load(Ordering::SeqCst), 1, "the panic is reported");
    let log = String::from_utf8(LOG.lock().unwrap().clone()).unwrap();
    assert!(!log.contains("a bug elsewhere"), "{log}");
}
