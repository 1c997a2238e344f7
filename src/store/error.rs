//! What can go wrong with the offline store, in words for the status line.

use std::fmt;
use std::io;
use std::path::PathBuf;

use rusqlite::ErrorCode;

#[derive(Debug)]
pub enum StoreError {
    /// A file or folder of the store could not be made, read or moved.
    Io {
        /// What was being done, as a verb phrase: "create the folder", "move aside".
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// The file was written by a newer kabar whose schema this one does not know. It is
    /// left as it is: wiping it would lose the newer kabar's saved articles.
    TooNew {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    /// SQLite said no: busy for too long, disk full, damaged, and the like.
    Sqlite(rusqlite::Error),
    /// Something could not be turned to or from what is stored (JSON or a time in a form
    /// this kabar does not understand). The words say what.
    Data(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Io {
                action,
                path,
                source,
            } => write!(
                f,
                "offline store: cannot {action} {}: {source}",
                path.display()
            ),
            StoreError::TooNew { path, found, known } => write!(
                f,
                "offline store {} is from a newer kabar (store version {found}, this kabar \
                 knows up to {known}); update kabar, or move the file away to start afresh",
                path.display()
            ),
            StoreError::Sqlite(e) => match e.sqlite_error_code() {
                Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => f.write_str(
                    "offline store: still busy in another kabar after waiting 5 seconds",
                ),
                Some(ErrorCode::DiskFull) => {
                    f.write_str("offline store: the disk is full, nothing was written")
                }
                Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => f.write_str(
                    "offline store: the file is damaged; move kabar.db away to start afresh",
                ),
                Some(ErrorCode::ReadOnly) => {
                    f.write_str("offline store: the file is read-only, nothing was written")
                }
                Some(ErrorCode::CannotOpen) => f.write_str("offline store: cannot open the file"),
                _ => write!(f, "offline store: {e}"),
            },
            StoreError::Data(what) => write!(f, "offline store: {what}"),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            StoreError::Sqlite(e) => Some(e),
            StoreError::TooNew { .. } | StoreError::Data(_) => None,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

impl From<StoreError> for crate::error::Error {
    /// The error says "store: " itself, so the words lose their own "offline store: ".
    fn from(e: StoreError) -> Self {
        let words = e.to_string();
        let words = words
            .strip_prefix("offline store: ")
            .map(str::to_string)
            .unwrap_or(words);
        crate::error::Error::Store(words)
    }
}
