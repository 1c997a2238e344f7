//! The status line's messages, each with its lifetime: a notice (saved, copied, the
//! filter set) answers the key just pressed or tells what arrived, and lasts a few
//! seconds or until the next key; an error belongs to where it came from (the reader, a
//! list tab, or the app as a whole) and shows only there, until the user acts on it; and
//! the address offered to the browser after a page could not be read here. Every message
//! is also kept, with its time, in a short history.

use std::collections::VecDeque;

use chrono::{DateTime, TimeDelta, Utc};

use super::clock::Clock;

/// How long a notice shows when no key ends it first.
pub const NOTICE_FOR: TimeDelta = TimeDelta::seconds(4);
/// How many messages the history keeps, the oldest dropped first.
pub const HISTORY: usize = 100;

/// Where an error came from, which decides where it shows and what ends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The app as a whole (the store at start, a key that could not be done): shows
    /// everywhere, until the next key.
    App,
    /// A page the reader could not open: shows while the reader is on screen, until a
    /// page loads.
    Reader,
    /// List `n` could not load: shows on that tab only, until it loads.
    Tab(usize),
}

/// A message as the history keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub at: DateTime<Utc>,
    pub words: String,
    pub error: bool,
}

#[derive(Debug, Default)]
pub struct Status {
    clock: Clock,
    /// At most one error per origin, the newest last.
    errors: Vec<(String, Origin)>,
    /// The latest notice and when it ends.
    notice: Option<(String, DateTime<Utc>)>,
    /// The address of a page that could not be read here, offered to the browser (`o`).
    offer_browser: Option<String>,
    /// The latest messages, the newest last.
    history: VecDeque<Logged>,
}

impl Status {
    pub fn new(clock: Clock) -> Self {
        Status {
            clock,
            ..Status::default()
        }
    }

    /// The newest error that `shows` lets through (given where it came from), and where
    /// it came from.
    pub fn error(&self, shows: impl Fn(Origin) -> bool) -> Option<(&str, Origin)> {
        self.errors
            .iter()
            .rev()
            .find(|(_, origin)| shows(*origin))
            .map(|(words, origin)| (words.as_str(), *origin))
    }

    pub fn notice(&self) -> Option<&str> {
        self.notice.as_ref().map(|(words, _)| words.as_str())
    }

    /// When the notice on screen ends, if one is.
    pub fn notice_ends(&self) -> Option<DateTime<Utc>> {
        self.notice.as_ref().map(|(_, until)| *until)
    }

    /// Ends the notice whose time is up.
    pub fn expire(&mut self) {
        let now = self.clock.now();
        self.notice.take_if(|(_, until)| *until <= now);
    }

    pub fn offer_browser(&self) -> Option<&str> {
        self.offer_browser.as_deref()
    }

    pub fn history(&self) -> &VecDeque<Logged> {
        &self.history
    }

    /// A key was pressed: the answer to the one before has been read, and so has any
    /// error of the app as a whole.
    pub fn key_pressed(&mut self) {
        self.notice = None;
        self.errors.retain(|(_, origin)| *origin != Origin::App);
    }

    pub fn tell(&mut self, notice: String) {
        let now = self.log(&notice, false);
        self.notice = Some((notice, now + NOTICE_FOR));
    }

    /// A notice that is news only to the key just pressed (`match 3/9` on each `n`):
    /// shown like any other, kept out of the history so that it does not crowd it.
    pub fn show(&mut self, notice: String) {
        self.notice = Some((notice, self.clock.now() + NOTICE_FOR));
    }

    pub fn warn(&mut self, words: String) {
        self.fail(Origin::App, words);
    }

    pub fn fail(&mut self, origin: Origin, words: String) {
        self.log(&words, true);
        self.errors.retain(|(_, o)| *o != origin);
        self.errors.push((words, origin));
    }

    /// Keeps a message in the history; the time it was logged at.
    fn log(&mut self, words: &str, error: bool) -> DateTime<Utc> {
        let at = self.clock.now();
        if self.history.len() == HISTORY {
            self.history.pop_front();
        }
        self.history.push_back(Logged {
            at,
            words: words.to_string(),
            error,
        });
        at
    }

    /// Something loaded at `origin`: its failure to load is no longer news.
    pub fn loaded(&mut self, origin: Origin) {
        self.errors.retain(|(_, o)| *o != origin);
    }

    pub fn offer(&mut self, url: String) {
        self.offer_browser = Some(url);
    }

    /// The offer stands only until the next action that is not taking it.
    pub fn take_offer(&mut self) -> Option<String> {
        self.offer_browser.take()
    }
}
