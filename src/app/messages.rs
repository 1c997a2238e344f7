//! The messages between the reader and the world: what comes in to `App::update` (keys,
//! mouse, resizes, the worker's answers) and the requests it sends out.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use crossterm::event::{KeyEvent, MouseEvent};

use crate::article::{Article, Headline, HeadlinePage};

/// Identifies one request, so an answer that comes after the user moved on is dropped.
pub type RequestId = u64;

/// Work for the background worker (and, for `Copy`, for the terminal).
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// `fresh`: from the network even when the store has it (a reload).
    Article {
        id: RequestId,
        url: String,
        fresh: bool,
    },
    Headlines {
        id: RequestId,
        url: String,
        append: bool,
    },
    Saved {
        id: RequestId,
    },
    MarkRead {
        urls: Vec<String>,
        read: bool,
    },
    SetSaved {
        article: Arc<Article>,
        saved: bool,
    },
    SavePosition {
        url: String,
        line: usize,
    },
    OpenInBrowser {
        url: String,
    },
    /// Put text on the clipboard (OSC 52, so it works over SSH).
    Copy {
        text: String,
    },
}

/// What the worker sends back. Errors arrive as words, ready for the status line.
#[derive(Debug, Clone)]
pub enum Answer {
    Article {
        id: RequestId,
        result: Result<Box<Article>, String>,
        /// Where the reader left this article last time (line), 0 when new.
        position: usize,
        saved: bool,
    },
    Headlines {
        id: RequestId,
        result: Result<HeadlinePage, String>,
        /// When the list was fetched (earlier than now when it came from the store).
        fetched_at: DateTime<Utc>,
        /// The entries of the list already read.
        read: HashSet<String>,
    },
    Saved {
        id: RequestId,
        list: Vec<Headline>,
    },
    /// Articles still being stored for offline reading.
    Prefetching(usize),
    /// Something worth a line in the status bar (a refresh failed, the store was reset).
    Notice(String),
}

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    Answer(Answer),
    /// Time passed while something loads (moves the spinner).
    Tick,
    /// Time to refresh the list on screen (every few minutes while open).
    Refresh,
    Quit,
}

/// Hands out request ids, each once.
#[derive(Debug, Default)]
pub struct Ids(RequestId);

impl Ids {
    pub fn next(&mut self) -> RequestId {
        self.0 += 1;
        self.0
    }
}
