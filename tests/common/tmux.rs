//! A real terminal for end-to-end tests: a tmux session of 120×40 running a plain bash,
//! driven by keys and read off the screen.

use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    session: String,
}

/// `tmux` on a server of the session's own: tests run in parallel, and a shared server
/// that exits as one test ends its last session would fail another test's start.
fn tmux(socket: &str) -> Command {
    let mut c = Command::new("tmux");
    c.args(["-L", socket]);
    c
}

impl Tmux {
    fn tmux(&self) -> Command {
        tmux(&self.session)
    }

    pub fn start(name: &str) -> Self {
        let session = format!("kabar-{name}-{}", std::process::id());
        let ok = tmux(&session)
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

    pub fn send(&self, keys: &[&str]) {
        let ok = self
            .tmux()
            .args(["send-keys", "-t", &self.session])
            .args(keys)
            .status()
            .unwrap();
        assert!(ok.success());
    }

    pub fn type_line(&self, line: &str) {
        self.send(&["-l", line]);
        self.send(&["Enter"]);
    }

    pub fn screen(&self) -> String {
        let out = self
            .tmux()
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen with its attributes, as escape sequences (`capture-pane -e`).
    pub fn screen_escaped(&self) -> String {
        let out = self
            .tmux()
            .args(["capture-pane", "-e", "-p", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn query(&self, format: &str) -> String {
        let out = self
            .tmux()
            .args(["display-message", "-p", "-t", &self.session, format])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Quits kabar with `q` and waits until the shell has the terminal back (the
    /// alternate screen left): keys typed before then would reach kabar, not the shell.
    pub fn quit(&self) {
        self.send(&["q"]);
        let start = Instant::now();
        while self.query("#{alternate_on}") != "0" {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "kabar did not give the terminal back; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the screen shows `text`; fails with the screen after 20 seconds.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |screen| screen.contains(text))
    }

    /// Waits until the screen no longer shows `text`; fails with the screen after 20
    /// seconds.
    pub fn wait_for_gone(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to go"), |screen| !screen.contains(text))
    }

    /// Waits until `ok` holds of the whole screen, as one capture, and returns that
    /// screen; fails with the screen after 20 seconds. A frame can reach tmux in parts,
    /// so two things drawn in one frame are only both there once both are seen in the
    /// same capture.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux().arg("kill-server").status();
    }
}

/// The colours that the SGR sequences of `escaped` (a `capture-pane -e` screen) set: each
/// sequence's parameters, for every one that sets a foreground, background or underline
/// colour (`30`–`38`, `40`–`48`, `58`, `90`–`97`, `100`–`107`; the defaults `39`, `49`,
/// `59` set none).
pub fn colours_set(escaped: &str) -> Vec<String> {
    escaped
        .split('\u{1b}')
        .filter_map(|seq| seq.strip_prefix('['))
        .filter_map(|seq| seq.find('m').map(|end| &seq[..end]))
        .filter(|params| {
            params
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ';' | ':'))
        })
        .filter(|params| {
            // The first colour code decides: in `38;5;N` what follows it is no code.
            params.split([';', ':']).any(|code| {
                matches!(
                    code.parse::<u32>(),
                    Ok(30..=38 | 40..=48 | 58 | 90..=97 | 100..=107)
                )
            })
        })
        .map(str::to_string)
        .collect()
}
