//! Opening the store file: telling our own file from an empty, damaged or foreign one,
//! moving the last two aside, and bringing the schema up to date.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

use super::StoreError;

/// `PRAGMA application_id` of a kabar store ("kabr"). It tells our file from another
/// program's SQLite database without guessing from table names.
const APPLICATION_ID: i32 = 0x6b61_6272;

/// The schema, one step per entry: entry `i` takes a store from version `i` to `i + 1`,
/// and `PRAGMA user_version` holds how many have been applied. Steps are only ever
/// appended; a released step is never edited, or stores made with it would differ.
const MIGRATIONS: &[&str] = &[
    V1,
    LIST_VALIDATORS,
    PHOTOS,
    super::search::INDEX,
    super::search::WATERMARK,
];

/// The schema version this kabar writes (the count of migrations).
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Tables the current schema must have; a file of ours without them is damaged.
const TABLES: &[&str] = &[
    "lists",
    "articles",
    "marks",
    "list_validators",
    "photos",
    "article_text",
    "article_text_pending",
    "article_text_indexed",
];

/// Times are RFC 3339 text in UTC with nanoseconds (fixed width, so text order is time
/// order). In `articles` the JSON comes last: SQLite then reads the small columns without
/// walking a large article's overflow pages, which keeps eviction and `saved` scans cheap.
const V1: &str = "
CREATE TABLE lists (
    section    TEXT PRIMARY KEY NOT NULL,
    fetched_at TEXT NOT NULL,
    next       TEXT,
    headlines  TEXT NOT NULL           -- JSON array of Headline
);
CREATE TABLE articles (
    url        TEXT PRIMARY KEY NOT NULL,
    fetched_at TEXT NOT NULL,
    saved_at   TEXT,                   -- NULL: not saved, may be evicted
    bytes      INTEGER NOT NULL,       -- length of json, for the size bound
    json       TEXT NOT NULL           -- Article
);
CREATE INDEX articles_saved ON articles (saved_at) WHERE saved_at IS NOT NULL;
-- Per URL and independent of articles: an article may be read and evicted, or marked
-- read from a list without ever being stored.
CREATE TABLE marks (
    url        TEXT PRIMARY KEY NOT NULL,
    read       INTEGER NOT NULL DEFAULT 0,
    read_at    TEXT,                   -- last time marked read; kept when marked unread
    position   INTEGER                 -- scroll line in the reader
);
";

/// The `ETag` and `Last-Modified` a server gave with the list stored for `section`.
const LIST_VALIDATORS: &str = "
CREATE TABLE list_validators (
    section       TEXT PRIMARY KEY NOT NULL,
    etag          TEXT,
    last_modified TEXT
);
";

/// The photos of stored articles, each file as fetched (checked by `picture`), kept
/// while its article is: deleting the article deletes them.
const PHOTOS: &str = "
CREATE TABLE photos (
    url        TEXT PRIMARY KEY NOT NULL,
    article    TEXT NOT NULL,          -- the article's url
    fetched_at TEXT NOT NULL,
    file       BLOB NOT NULL
);
CREATE INDEX photos_article ON photos (article);
CREATE TRIGGER photos_go_with_their_article AFTER DELETE ON articles
BEGIN
    DELETE FROM photos WHERE article = old.url;
END;
";

/// How long a write waits for another kabar's write to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// What was found at the store's path.
enum Found {
    /// No file, an empty file, or an SQLite file with nothing in it.
    Empty,
    /// Our file, at this schema version.
    Ours(u32),
    /// Not ours; the words say what it is, for the notice.
    Foreign(&'static str),
}

/// Opens the store at `path`, moving a damaged or foreign file aside first. The string is
/// the notice for the user when a file was moved.
pub(super) fn open(path: &Path) -> Result<(Connection, Option<String>), StoreError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            action: "create the folder",
            path: dir.to_owned(),
            source,
        })?;
    }
    let mut notice = None;
    let mut moved = false;
    loop {
        // What the header says, before SQLite opens the file: on close, SQLite deletes
        // a -wal beside a file that is not in WAL mode, and the siblings of a foreign
        // file are to be moved aside with it, not lost.
        let sniffed = sniff(path).map_err(|source| StoreError::Io {
            action: "read",
            path: path.to_owned(),
            source,
        })?;
        let (conn, found) = match sniffed {
            Some(found) => (None, found),
            None => {
                let conn = connect(path)?;
                let found = match inspect(&conn) {
                    Ok(found) => found,
                    Err(e) => match e.sqlite_error_code() {
                        Some(ErrorCode::NotADatabase) => Found::Foreign("not a database file"),
                        Some(ErrorCode::DatabaseCorrupt) => Found::Foreign("damaged"),
                        _ => return Err(e.into()),
                    },
                };
                (Some(conn), found)
            }
        };
        match found {
            Found::Ours(v) if v > SCHEMA_VERSION => {
                return Err(StoreError::TooNew {
                    path: path.to_owned(),
                    found: v,
                    known: SCHEMA_VERSION,
                });
            }
            Found::Empty | Found::Ours(_) => {
                let conn = match conn {
                    Some(conn) => conn,
                    None => connect(path)?,
                };
                prepare(&conn, path, matches!(found, Found::Empty))?;
                return Ok((conn, notice));
            }
            // A second foreign find right after moving one aside means something keeps
            // putting it back; say so rather than loop.
            Found::Foreign(why) if moved => {
                return Err(StoreError::Io {
                    action: "start a new store at",
                    path: path.to_owned(),
                    source: io::Error::other(format!("the file there is {why}")),
                });
            }
            Found::Foreign(why) => {
                drop(conn);
                moved = true;
                notice = move_aside(path)?.map(|aside| {
                    format!(
                        "Offline store was {why}; moved it to {} and started a new one",
                        aside.display()
                    )
                });
            }
        }
    }
}

/// The first 100 bytes of the file, where SQLite keeps its header: `Some` when they
/// settle the matter (no file, not SQLite, or another program's application id), `None`
/// when SQLite must look (an empty file is an empty database to SQLite).
fn sniff(path: &Path) -> io::Result<Option<Found>> {
    let file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Some(Found::Empty)),
        Err(e) => return Err(e),
    };
    let mut header = Vec::with_capacity(100);
    file.take(100).read_to_end(&mut header)?;
    if header.is_empty() {
        return Ok(None);
    }
    if !header.starts_with(b"SQLite format 3\0") {
        return Ok(Some(Found::Foreign("not a database file")));
    }
    if let Some(id) = header.get(68..72) {
        let id = i32::from_be_bytes(id.try_into().expect("four bytes"));
        if id != 0 && id != APPLICATION_ID {
            return Ok(Some(Found::Foreign("another program's database")));
        }
    }
    Ok(None)
}

fn connect(path: &Path) -> Result<Connection, StoreError> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// Reads what the file is, without writing to it (a newer kabar's file must stay as it is).
fn inspect(conn: &Connection) -> rusqlite::Result<Found> {
    // One read transaction, so the three answers agree with each other.
    let tx = conn.unchecked_transaction()?;
    // The first read of the file: fails with NotADatabase or DatabaseCorrupt when the
    // header or the schema page is not SQLite's.
    let names: Vec<String> = tx
        .prepare("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let app: i32 = tx.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i32 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    drop(tx);
    Ok(match (app, u32::try_from(version)) {
        (APPLICATION_ID, Ok(v)) if v == SCHEMA_VERSION => {
            if TABLES.iter().all(|t| names.iter().any(|n| n == t)) {
                Found::Ours(v)
            } else {
                Found::Foreign("damaged (tables missing)")
            }
        }
        (APPLICATION_ID, Ok(v)) => Found::Ours(v),
        (0, Ok(0)) if names.is_empty() => Found::Empty,
        _ => Found::Foreign("another program's database"),
    })
}

/// Journal mode, durability, and the schema. Runs on every open; the steps are no-ops
/// when already done.
fn prepare(conn: &Connection, path: &Path, empty: bool) -> Result<(), StoreError> {
    if empty {
        // Lets eviction hand freed pages back to the file system (see `Store::evict`).
        // Takes effect at once on a new file; an empty file that already has a header
        // needs a VACUUM for it, which costs nothing with no tables.
        conn.pragma_update(None, "auto_vacuum", "INCREMENTAL")?;
        let mode: i64 = conn.pragma_query_value(None, "auto_vacuum", |r| r.get(0))?;
        if mode != 2 {
            conn.execute_batch("VACUUM")?;
        }
    }
    // WAL: readers never block the writer, and a write cut off by a crash is simply not
    // there on the next open. NORMAL syncs at checkpoints only: a killed process loses
    // nothing committed; a power cut may lose the last few marks but never corrupts.
    let _mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // Without this the -wal file stays as large as the largest burst of writes.
    conn.pragma_update(None, "journal_size_limit", 16 * 1024 * 1024)?;
    migrate(conn, path)
}

fn migrate(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    // Immediate: two kabars opening a new store at once take turns; the second then finds
    // the version already current and does nothing.
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let version: i32 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    if version == SCHEMA_VERSION {
        return Ok(());
    }
    for step in &MIGRATIONS[version as usize..] {
        tx.execute_batch(step)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// Renames `path` to `path.corrupt-YYYYMMDD-HHMMSS` (local time; `-2`, `-3`… if taken),
/// with its -wal, -journal and -shm files beside it under the same new name. Nothing is
/// deleted: the user may want the file back. `None` when the file was gone already:
/// another kabar moved it a moment ago, and that one tells the user.
fn move_aside(path: &Path) -> Result<Option<PathBuf>, StoreError> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let base = with_suffix(path, &format!(".corrupt-{stamp}"));
    let mut aside = base.clone();
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = with_suffix(&base, &format!("-{n}"));
    }
    // Siblings first: a stale -wal or -journal left beside a new file would be replayed
    // into it.
    for sibling in ["-wal", "-journal", "-shm"] {
        let from = with_suffix(path, sibling);
        if from.exists() {
            rename(&from, &with_suffix(&aside, sibling))?;
        }
    }
    match fs::rename(path, &aside) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        other => other
            .map(|()| Some(aside))
            .map_err(|source| StoreError::Io {
                action: "move aside",
                path: path.to_owned(),
                source,
            }),
    }
}

fn rename(from: &Path, to: &Path) -> Result<(), StoreError> {
    fs::rename(from, to).map_err(|source| StoreError::Io {
        action: "move aside",
        path: from.to_owned(),
        source,
    })
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}
