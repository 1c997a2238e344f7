//! The status line's messages: an error, a passing notice, and the address offered to the
//! browser after a page could not be read here.

#[derive(Debug, Default)]
pub struct Status {
    error: Option<String>,
    /// Whether `error` is a page or list that failed to load, which the next one to load
    /// replaces. Any other (a notice from the store, set at start or sent by the worker)
    /// stays until the next key: no load has anything to do with it, and one arriving
    /// must not wipe it before it is read.
    error_is_load: bool,
    /// A passing message (saved, copied); cleared by the next key.
    notice: Option<String>,
    /// The address of a page that could not be read here, offered to the browser (`o`).
    offer_browser: Option<String>,
}

impl Status {
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    pub fn offer_browser(&self) -> Option<&str> {
        self.offer_browser.as_deref()
    }

    /// A key was pressed: what it was shown for has been read.
    pub fn key_pressed(&mut self) {
        self.notice = None;
        if !self.error_is_load {
            self.error = None;
        }
    }

    pub fn tell(&mut self, notice: String) {
        self.notice = Some(notice);
    }

    pub fn warn(&mut self, words: String) {
        self.error = Some(words);
        self.error_is_load = false;
    }

    pub fn load_failed(&mut self, words: String) {
        self.error = Some(words);
        self.error_is_load = true;
    }

    /// Something loaded: a failure to load is no longer news.
    pub fn loaded(&mut self) {
        if self.error_is_load {
            self.error = None;
            self.error_is_load = false;
        }
    }

    pub fn offer(&mut self, url: String) {
        self.offer_browser = Some(url);
    }

    /// The offer stands only until the next action that is not taking it.
    pub fn take_offer(&mut self) -> Option<String> {
        self.offer_browser.take()
    }
}
