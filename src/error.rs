//! What can go wrong, said in words a reader understands, and the exit status each kind
//! of failure gives on the command line.

use std::fmt;

/// Exit statuses: distinct for the kinds of failure a script may want to tell apart.
/// `kabar --help` and the README list them; keep the three in step.
pub mod exit {
    /// Bad command line, config or input file.
    pub const USAGE: u8 = 2;
    /// The page could not be had: no connection, a timeout, an HTTP error status.
    pub const NETWORK: u8 = 3;
    /// The page came but holds nothing to read: not HTML, no article text, no headlines.
    pub const CONTENT: u8 = 4;
    /// This machine failed kabar: the store, the terminal, the HTTP client or the demo
    /// server could not be used.
    pub const LOCAL: u8 = 5;
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    Usage(String),
    /// The store of articles could not be opened, read or written.
    Store(String),
    /// Reading from or drawing on the terminal failed.
    Terminal(String),
    /// The HTTP client could not be built (no TLS roots, say).
    Client(String),
    /// The built-in demo server could not start.
    DemoServer(String),
    File {
        path: String,
        reason: String,
    },
    Network {
        url: String,
        reason: String,
    },
    Status {
        url: String,
        status: u16,
        reason: String,
    },
    NotHtml {
        url: String,
        content_type: String,
    },
    /// The body came compressed in a way the client did not undo (`deflate`, `gzip, gzip`).
    Encoding {
        url: String,
        encoding: String,
    },
    TooLarge {
        url: String,
        limit_mb: u64,
    },
    /// A page built to hurt: nested too deep, or too many elements.
    TooComplex {
        url: String,
        what: String,
    },
    /// Reading the page failed inside the parser (a panic, caught).
    ParserFailed {
        url: String,
        why: String,
    },
    NoText(String),
    NoHeadlines(String),
    Offline(String),
    /// An address that cannot be asked for at all.
    BadAddress {
        url: String,
        reason: String,
    },
}

impl Error {
    /// Whether a web browser may show what kabar could not: the page is there but is not
    /// an article kabar can read (a 403 behind a login, a PDF, a page too big or too
    /// complex). Not when there is no page to be had: offline, no connection, a bad
    /// address, or a failure of this machine.
    pub fn browser_may_show(&self) -> bool {
        matches!(
            self,
            Error::Status { .. }
                | Error::NotHtml { .. }
                | Error::Encoding { .. }
                | Error::TooLarge { .. }
                | Error::TooComplex { .. }
                | Error::ParserFailed { .. }
                | Error::NoText(_)
                | Error::NoHeadlines(_)
        )
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) | Error::File { .. } | Error::BadAddress { .. } => exit::USAGE,
            Error::Store(_) | Error::Terminal(_) | Error::Client(_) | Error::DemoServer(_) => {
                exit::LOCAL
            }
            Error::Network { .. } | Error::Status { .. } | Error::Offline(_) => exit::NETWORK,
            Error::NotHtml { .. }
            | Error::Encoding { .. }
            | Error::TooLarge { .. }
            | Error::TooComplex { .. }
            | Error::ParserFailed { .. }
            | Error::NoText(_)
            | Error::NoHeadlines(_) => exit::CONTENT,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Usage(msg) => write!(f, "{msg}"),
            Error::Store(why) => write!(f, "store: {why}"),
            Error::Terminal(why) => write!(f, "terminal error: {why}"),
            Error::Client(why) => write!(f, "cannot start the HTTP client: {why}"),
            Error::DemoServer(why) => write!(f, "cannot start the demo server: {why}"),
            Error::File { path, reason } => write!(f, "cannot read {path}: {reason}"),
            Error::Network { url, reason } => write!(f, "cannot load {url}: {reason}"),
            Error::Status {
                url,
                status,
                reason,
            } => write!(f, "{reason} (HTTP {status}): {url}"),
            Error::NotHtml { url, content_type } => {
                write!(f, "not a web page ({content_type}): {url}")
            }
            Error::Encoding { url, encoding } => write!(
                f,
                "the server sent the page in an encoding kabar cannot read ({encoding}): {url}"
            ),
            Error::TooLarge { url, limit_mb } => {
                write!(f, "page larger than {limit_mb} MB, not loaded: {url}")
            }
            Error::TooComplex { url, what } => {
                write!(f, "page too complex to read safely ({what}): {url}")
            }
            Error::ParserFailed { url, why } => {
                write!(f, "this page could not be read ({why}): {url}")
            }
            Error::NoText(url) => write!(f, "no article text found on the page: {url}"),
            Error::NoHeadlines(url) => write!(f, "no headlines found on the page: {url}"),
            Error::Offline(url) => write!(f, "offline, and this page is not stored: {url}"),
            Error::BadAddress { url, reason } => write!(f, "not a valid address: {url} ({reason})"),
        }
    }
}

impl std::error::Error for Error {}
