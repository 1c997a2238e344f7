//! The terminal and the process: the reader, running in a real terminal (tmux), is sent
//! SIGTERM, SIGINT or SIGHUP, or dies of SIGABRT, SIGSEGV, SIGBUS, a panic or a stack
//! overflow, and must hand the terminal back as it found it (main screen, cooked mode,
//! cursor shown, mouse off) with the store intact; the browser is
//! started with the address as one argument, never through a shell; logs go to the
//! file in the data directory at the level asked for, never to the terminal.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use kabar::sites::kompas::INDEX_URL;
use kabar::store::Store;

use common::tmux::Tmux;
use common::{RawServer, fixture_mirror, http_answer, scratch_dir};

const BOLA: &str =
    "https://bola.kompas.com/read/2026/11/25/21304718/timnas-indonesia-tekuk-vietnam-2-0-di-gbk";

/// The pids of processes whose command line holds `unique` (a data directory only one
/// test uses).
fn pids_of(unique: &Path) -> Vec<i32> {
    let out = Command::new("pgrep")
        .args(["-f", &unique.display().to_string()])
        .output()
        .expect("pgrep runs");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect()
}

/// Waits until `done`, with the same hang guard as the tmux helpers' waits: the reader
/// prefetches its list's articles meanwhile, and the tests of this file run side by side.
fn wait_until(what: &str, tmux: &Tmux, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{what}; screen:\n{}",
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// How the reader is made to end.
#[derive(Clone, Copy)]
enum End {
    /// A signal sent to the running reader, with an article open.
    Signal(i32),
    /// `KABAR_TEST_FAIL=how` (debug builds): a failure once an article is shown, and what
    /// the main screen says of it afterwards.
    Fails {
        how: &'static str,
        says: &'static str,
    },
}

fn signal_hands_the_terminal_back(signal: i32, name: &str, status: i32) {
    ends_and_hands_the_terminal_back(End::Signal(signal), name, status);
}

/// Starts the reader on the fixture mirror, ends it as `end` says, and checks what a user
/// would: the exit status the shell sees, the shell back on the main screen, typing
/// echoing, the cursor shown, the mouse the terminal's again, and the store opening with
/// what was read in it.
fn ends_and_hands_the_terminal_back(end: End, name: &str, status: i32) {
    let mirror = fixture_mirror();
    let data = scratch_dir(&format!("signal-{name}"));
    let tmux = Tmux::start(&format!("signal-{name}"));
    tmux.wait_for("$");
    let env = match end {
        End::Fails { how, .. } => format!("KABAR_TEST_FAIL={how} "),
        End::Signal(_) => String::new(),
    };
    // The status line is computed, so only the shell's answer shows `status=N`, not the
    // command line typed.
    tmux.type_line(&format!(
        "{env}{} --data-dir {} --mirror {}; echo status=$?",
        env!("CARGO_BIN_EXE_kabar"),
        data.display(),
        mirror.base()
    ));
    tmux.wait_for("Terkini (14");
    if let End::Fails { says, .. } = end {
        tmux.send(&["Enter"]);
        wait_until("kabar ends by itself", &tmux, || pids_of(&data).is_empty());
        let screen = tmux.wait_for(&format!("status={status}"));
        assert!(screen.contains(says), "the screen says {says:?}:\n{screen}");
        assert!(
            !screen.contains("Terkini (14"),
            "the reader's screen is gone:\n{screen}"
        );
        return check_terminal_and_store(&tmux, &data);
    }
    tmux.send(&["Enter"]);
    tmux.wait_for("Timnas Indonesia menang 2-0 atas Vietnam");
    // What the signal must undo is in force.
    assert_eq!(
        tmux.query("#{alternate_on}"),
        "1",
        "the reader's own screen"
    );
    assert_eq!(tmux.query("#{mouse_any_flag}"), "1", "mouse capture is on");
    assert_eq!(tmux.query("#{cursor_flag}"), "0", "the cursor is hidden");

    let pids = pids_of(&data);
    assert_eq!(
        pids.len(),
        1,
        "one kabar with this data directory: {pids:?}"
    );
    let End::Signal(signal) = end else {
        unreachable!("failures ended above")
    };
    // SAFETY: sending a signal to the process this test started has no memory effects.
    assert_eq!(unsafe { libc::kill(pids[0], signal) }, 0, "kill -{name}");

    wait_until("kabar ends", &tmux, || pids_of(&data).is_empty());
    tmux.wait_for(&format!("status={status}"));
    check_terminal_and_store(&tmux, &data);
}

/// The terminal is as the shell left it, and the store opens with what was read.
fn check_terminal_and_store(tmux: &Tmux, data: &Path) {
    wait_until("the main screen is back", tmux, || {
        tmux.query("#{alternate_on}") == "0"
    });
    // Raw mode off: the line discipline is cooked again (bash hands commands the terminal
    // mode it found, so a leftover raw mode would show here). The marker is computed, so
    // only the command's output shows it, not the command line typed.
    let modes = data.join("stty");
    tmux.type_line(&format!(
        "stty -a > {}; echo back-$((40 + 2))",
        modes.display()
    ));
    let screen = tmux.wait_for("back-42");
    let modes = std::fs::read_to_string(modes).unwrap();
    let modes: Vec<&str> = modes.split([' ', ';', '\n']).collect();
    for flag in ["icanon", "echo"] {
        assert!(modes.contains(&flag), "{flag} is on again: {modes:?}");
    }
    assert!(
        !screen.contains("Terkini (14)"),
        "the reader's screen is gone:\n{screen}"
    );
    assert_eq!(tmux.query("#{cursor_flag}"), "1", "the cursor is shown");
    assert_eq!(tmux.query("#{mouse_any_flag}"), "0", "mouse capture is off");

    let (store, notice) = Store::open_in(data).expect("the store opens");
    assert_eq!(
        notice, None,
        "the store was closed cleanly, nothing to move aside"
    );
    let list = store
        .headlines(INDEX_URL)
        .unwrap()
        .expect("the list is stored");
    assert_eq!(list.headlines.len(), 14);
    assert!(
        store.article(BOLA).unwrap().is_some(),
        "the article read is stored"
    );
}

#[test]
fn sigterm_hands_the_terminal_back() {
    signal_hands_the_terminal_back(libc::SIGTERM, "TERM", 0);
}

#[test]
fn sigint_hands_the_terminal_back() {
    signal_hands_the_terminal_back(libc::SIGINT, "INT", 0);
}

#[test]
fn sighup_hands_the_terminal_back() {
    signal_hands_the_terminal_back(libc::SIGHUP, "HUP", 0);
}

/// The fatal signals cannot be turned into a quit: kabar dies of them (the shell sees
/// 128 + the signal), but puts the terminal back first.
#[test]
fn sigabrt_hands_the_terminal_back_and_kabar_dies_of_it() {
    signal_hands_the_terminal_back(libc::SIGABRT, "ABRT", 128 + libc::SIGABRT);
}

#[test]
fn sigsegv_hands_the_terminal_back_and_kabar_dies_of_it() {
    signal_hands_the_terminal_back(libc::SIGSEGV, "SEGV", 128 + libc::SIGSEGV);
}

#[test]
fn sigbus_hands_the_terminal_back_and_kabar_dies_of_it() {
    signal_hands_the_terminal_back(libc::SIGBUS, "BUS", 128 + libc::SIGBUS);
}

#[test]
fn a_panic_hands_the_terminal_back() {
    let end = End::Fails {
        how: "panic",
        says: "failing on purpose",
    };
    ends_and_hands_the_terminal_back(end, "panic", 101);
}

#[test]
fn an_error_hands_the_terminal_back() {
    let end = End::Fails {
        how: "error",
        says: "failing on purpose",
    };
    ends_and_hands_the_terminal_back(end, "error", 5);
}

/// A stack overflow's SIGSEGV comes with no stack left: the handler runs on a stack of its
/// own, puts the terminal back, and kabar dies of the SIGSEGV.
#[test]
fn a_stack_overflow_hands_the_terminal_back() {
    let end = End::Fails {
        how: "overflow",
        says: "Segmentation fault",
    };
    ends_and_hands_the_terminal_back(end, "overflow", 128 + libc::SIGSEGV);
}

/// `o` on a headline whose address is full of shell syntax: the opener (`$BROWSER`) gets
/// the address as its one argument, and nothing in it runs.
#[test]
fn the_browser_gets_the_address_as_one_argument_never_a_shell() {
    let dir = scratch_dir("browser");
    let marker = dir.join("ran");
    let link = format!(
        "https://www.kompas.com/read/2026/11/25/1/x;touch${{IFS}}{m};$(touch${{IFS}}{m})`touch {m}`&&touch {m}|touch {m}'\"",
        m = marker.display()
    );
    // The address as the page has it, escaped for an HTML attribute.
    let href = link.replace('&', "&amp;").replace('"', "&quot;");
    let index = format!(
        "<!doctype html><html><body><div class=articleList><div class=articleItem>\
         <a href=\"{href}\"><h2>Berita dengan alamat aneh</h2></a></div></div></body></html>"
    );
    let server = RawServer::start(move |_| {
        http_answer("200 OK", &[("Content-Type", "text/html")], index.as_bytes())
    });
    let (opener, args) = common::recording_browser(&dir);

    let data = dir.join("data");
    let tmux = Tmux::start("browser");
    tmux.wait_for("$");
    tmux.type_line(&format!(
        "BROWSER={} {} --data-dir {} --mirror {}",
        opener.display(),
        env!("CARGO_BIN_EXE_kabar"),
        data.display(),
        server.url("/")
    ));
    tmux.wait_for("Berita dengan alamat aneh");
    tmux.send(&["o"]);
    wait_until("the opener runs", &tmux, || {
        std::fs::read_to_string(&args).is_ok_and(|a| a.ends_with('\n'))
    });
    tmux.send(&["q"]);
    let got = std::fs::read_to_string(&args).unwrap();
    let (count, arg) = got.trim_end_matches('\n').split_once('\n').unwrap();
    assert_eq!(count, "1", "one argument: {got}");
    let expected = url::Url::parse(&link).unwrap();
    assert_eq!(arg, expected.as_str(), "the address, whole");
    assert!(!marker.exists(), "nothing in the address ran");
}

/// `kabar read` of a page that needs one retry (the retry is logged at debug level), at
/// each way of setting the log level: the log file in the data directory has the line
/// when the level lets it in, and the terminal (stderr) gets nothing either way.
#[test]
fn logs_go_to_the_data_dir_at_the_level_asked_never_to_the_terminal() {
    let page = std::fs::read(common::fixture("article-bola-timnas.html")).unwrap();
    let ways: [(&str, &[&str], Option<&str>, bool); 3] = [
        ("default level (warn)", &[], None, false),
        ("--log-level debug", &["--log-level", "debug"], None, true),
        ("RUST_LOG=debug", &[], Some("debug"), true),
    ];
    for (how, args, rust_log, logged) in ways {
        let hits = std::sync::atomic::AtomicUsize::new(0);
        let page = page.clone();
        let server = RawServer::start(move |_| {
            if hits.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 {
                http_answer("503 Service Unavailable", &[], b"")
            } else {
                http_answer("200 OK", &[("Content-Type", "text/html")], &page)
            }
        });
        let data = scratch_dir("logs");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kabar"));
        cmd.args(["--data-dir", data.to_str().unwrap()])
            .args(["--mirror", &server.url("/"), "read", BOLA])
            .args(args)
            .env_remove("KABAR_MIRROR")
            .env_remove("RUST_LOG");
        if let Some(level) = rust_log {
            cmd.env("RUST_LOG", level);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{how}");
        assert!(
            out.stderr.is_empty(),
            "{how}: nothing on the terminal but the article"
        );
        let log = std::fs::read_to_string(data.join("kabar.log")).unwrap_or_default();
        assert_eq!(
            log.contains("DEBUG") && log.contains("retrying"),
            logged,
            "{how}: the retry in the log:\n{log:.500}"
        );
    }
}
