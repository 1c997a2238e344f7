//! The status line's messages, each with its lifetime: a notice (saved, copied, the
//! filter set) is the answer to the key just pressed and lasts until the next key; an
//! error belongs to where it came from (the reader, a list tab, or the app as a whole)
//! and shows only there; and the address offered to the browser after a page could not
//! be read here.

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

#[derive(Debug, Default)]
pub struct Status {
    /// At most one error per origin, the newest last.
    errors: Vec<(String, Origin)>,
    /// The answer to the key just pressed; cleared by the next key.
    notice: Option<String>,
    /// The address of a page that could not be read here, offered to the browser (`o`).
    offer_browser: Option<String>,
}

impl Status {
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
        self.notice.as_deref()
    }

    pub fn offer_browser(&self) -> Option<&str> {
        self.offer_browser.as_deref()
    }

    /// A key was pressed: the answer to the one before has been read, and so has any
    /// error of the app as a whole.
    pub fn key_pressed(&mut self) {
        self.notice = None;
        self.errors.retain(|(_, origin)| *origin != Origin::App);
    }

    pub fn tell(&mut self, notice: String) {
        self.notice = Some(notice);
    }

    pub fn warn(&mut self, words: String) {
        self.fail(Origin::App, words);
    }

    pub fn fail(&mut self, origin: Origin, words: String) {
        self.errors.retain(|(_, o)| *o != origin);
        self.errors.push((words, origin));
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
