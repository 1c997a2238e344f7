//! End to end: the built binary in a real terminal (tmux, 120×40) against a local mirror
//! of kompas.com, driven by keys and read off the screen.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    session: String,
}

impl Tmux {
    fn start(name: &str) -> Self {
        let session = format!("kabar-{name}-{}", std::process::id());
        let ok = Command::new("tmux")
            .args(["new-session", "-d", "-s", &session, "-x", "120", "-y", "40"])
            .args([
                "env",
                "-i",
                "PATH=/usr/bin:/bin",
                "TERM=xterm-256color",
                "PS1=$ ",
                "bash",
                "--norc",
                "--noprofile",
            ])
            .status()
            .expect("tmux is installed (the end-to-end test needs it; .ci/run installs it)");
        assert!(ok.success(), "tmux session starts");
        Tmux { session }
    }

    fn send(&self, keys: &[&str]) {
        let ok = Command::new("tmux")
            .args(["send-keys", "-t", &self.session])
            .args(keys)
            .status()
            .unwrap();
        assert!(ok.success());
    }

    fn type_line(&self, line: &str) {
        self.send(&["-l", line]);
        self.send(&["Enter"]);
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn query(&self, format: &str) -> String {
        let out = Command::new("tmux")
            .args(["display-message", "-p", "-t", &self.session, format])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits until the screen shows `text`; fails with the screen after 20 seconds.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited for {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.session])
            .status();
    }
}

#[test]
fn read_follow_a_terkini_link_go_back_and_quit_to_the_shell() {
    let mirror = common::fixture_mirror();
    let data = common::scratch_dir("e2e");
    let tmux = Tmux::start("read");
    tmux.wait_for("$");
    tmux.type_line(&format!(
        "KABAR_DATA_DIR={} {} --mirror {}",
        data.display(),
        env!("CARGO_BIN_EXE_kabar"),
        mirror.base()
    ));

    tmux.wait_for("Terkini (14");
    assert_eq!(
        tmux.query("#{alternate_on}"),
        "1",
        "the reader uses the alternate screen"
    );
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for("KOMPAS.com - Timnas Indonesia menang 2-0 atas Vietnam");
    assert!(screen.contains("Timnas Indonesia Tekuk Vietnam 2-0 di GBK"));
    for boilerplate in [
        "ADVERTISEMENT",
        "Simak breaking news",
        "Gabung Kompas.com+",
        "Promo Spesial",
        "Baca juga:",
        "GOOOL",
    ] {
        assert!(
            !screen.contains(boilerplate),
            "{boilerplate:?} on screen:\n{screen}"
        );
    }

    // The bola article has no "Baca juga": link [1] is the first "Terkini Lainnya" item.
    tmux.send(&["G"]);
    tmux.wait_for("[1] Jepang dan Korea Selatan");
    tmux.send(&["1", "Enter"]);
    tmux.wait_for("TOKYO, KOMPAS.com - Pemerintah Jepang dan Korea Selatan");

    tmux.send(&["h"]);
    tmux.wait_for("KOMPAS.com - Timnas Indonesia menang 2-0 atas Vietnam");

    tmux.send(&["q"]);
    let start = Instant::now();
    while tmux.query("#{alternate_on}") != "0" {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "kabar did not quit:\n{}",
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    tmux.type_line("echo exit-status-$?");
    let screen = tmux.wait_for("exit-status-0");
    assert!(
        !screen.contains("Terkini (14)"),
        "the reader's screen is gone:\n{screen}"
    );
    assert_eq!(
        tmux.query("#{cursor_flag}"),
        "1",
        "the cursor is shown again"
    );
    assert_eq!(tmux.query("#{mouse_any_flag}"), "0", "mouse capture is off");
}
