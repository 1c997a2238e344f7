//! The signals that ask the reader to quit, on each platform: on Unix SIGTERM, SIGHUP
//! (the terminal closed) and SIGINT; on Windows Ctrl-C, Ctrl-Break and the console
//! window closing. (In raw mode Ctrl-C usually arrives as a key; these cover the
//! signals sent from outside.)

use std::io;

#[cfg(unix)]
use tokio::signal::unix::{Signal, SignalKind, signal};
#[cfg(windows)]
use tokio::signal::windows::{CtrlBreak, CtrlC, CtrlClose, ctrl_break, ctrl_c, ctrl_close};

#[cfg(unix)]
pub struct Quit {
    term: Signal,
    hup: Signal,
    int: Signal,
}

#[cfg(unix)]
impl Quit {
    /// Starts listening; from here on these signals no longer end the process at once.
    pub fn listen() -> io::Result<Quit> {
        Ok(Quit {
            term: signal(SignalKind::terminate())?,
            hup: signal(SignalKind::hangup())?,
            int: signal(SignalKind::interrupt())?,
        })
    }

    /// Waits for the next quit signal. Cancel-safe, for `select!`.
    pub async fn recv(&mut self) {
        tokio::select! {
            _ = self.term.recv() => {}
            _ = self.hup.recv() => {}
            _ = self.int.recv() => {}
        }
    }
}

#[cfg(windows)]
pub struct Quit {
    c: CtrlC,
    brk: CtrlBreak,
    close: CtrlClose,
}

#[cfg(windows)]
impl Quit {
    /// Starts listening; from here on these events no longer end the process at once.
    pub fn listen() -> io::Result<Quit> {
        Ok(Quit {
            c: ctrl_c()?,
            brk: ctrl_break()?,
            close: ctrl_close()?,
        })
    }

    /// Waits for the next quit event. Cancel-safe, for `select!`. Windows ends the
    /// process a few seconds after a close event, time enough to restore the console.
    pub async fn recv(&mut self) {
        tokio::select! {
            _ = self.c.recv() => {}
            _ = self.brk.recv() => {}
            _ = self.close.recv() => {}
        }
    }
}
