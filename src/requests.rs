//! The requests the reader sends to the background worker, and the worker's answers:
//! the one vocabulary both sides share, below both, so neither depends on the other.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::article::{Article, Headline, HeadlinePage, Hit};
use crate::error::Error;
use crate::picture;

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
    /// The stored articles matching `query`, answered as a headline list.
    SearchStore {
        id: RequestId,
        query: String,
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
    /// The photo at `url` in the system's viewer: its stored file when the store has it
    /// (so it opens offline too), else its address.
    OpenPhoto {
        url: String,
    },
    /// The photo at `url`, shown in the article at `article`: from the store, else
    /// fetched and stored with the article.
    Photo {
        url: String,
        article: String,
    },
    /// Put text on the clipboard (OSC 52, so it works over SSH).
    Copy {
        text: String,
    },
}

/// What the worker sends back. Errors keep their kind, so the reader can tell a page
/// that is not there from one it cannot read (and offer the browser for the second).
#[derive(Debug, Clone)]
pub enum Answer {
    Article {
        id: RequestId,
        result: Result<Box<Article>, Error>,
        /// Where the reader left this article last time (line), 0 when new.
        position: usize,
        saved: bool,
    },
    Headlines {
        id: RequestId,
        result: Result<HeadlinePage, Error>,
        /// When the list was fetched (earlier than now when it came from the store).
        fetched_at: DateTime<Utc>,
        /// The entries of the list already read.
        read: HashSet<String>,
    },
    /// The answer to [`Request::SearchStore`]: the matching articles, best first, each
    /// with the passage that matched.
    Hits {
        id: RequestId,
        result: Result<Vec<Hit>, Error>,
        /// The hits already read.
        read: HashSet<String>,
    },
    Saved {
        id: RequestId,
        list: Vec<Headline>,
    },
    /// A photo asked for, checked within the limits of [`picture`]: its size, or why it
    /// cannot be shown.
    Photo {
        url: String,
        result: Result<picture::Size, String>,
    },
    /// A photo's pixels, sent before its [`Answer::Photo`] when it decoded: for the
    /// terminal to draw as a picture, which the model has no use for.
    Pixels {
        url: String,
        pixels: Arc<image::RgbaImage>,
    },
    /// Articles still being stored for offline reading.
    Prefetching(usize),
    /// Something worth a line in the status bar (a refresh failed, the store was reset).
    Notice(String),
    /// Sent before the answer to list request `id`, the "Semua" timeline: the sources
    /// that gave no fresh list in time, their stored lists standing in. Each source's
    /// name, with why (`None`: it had not answered yet).
    Lagging {
        id: RequestId,
        sources: Vec<(String, Option<String>)>,
    },
    /// The "Semua" timeline again, once the sources named in [`Answer::Lagging`] have
    /// answered or failed: for every tab showing `url`. `lagging`: those that failed.
    CaughtUp {
        url: String,
        page: HeadlinePage,
        lagging: Vec<(String, Option<String>)>,
    },
}
