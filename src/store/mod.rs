//! The offline store: headline lists, articles, read marks, saved articles and reading
//! positions, kept in one SQLite file, `kabar.db`, in the data directory.
//!
//! The file is safe to share: two kabars may run at once (WAL mode, writers wait up to
//! 5 s for each other), every write is one transaction, and a kabar killed mid-write
//! leaves every committed write in place. A file that is damaged or another program's is
//! moved aside, never deleted; a file from a newer kabar is left alone with an error.
//!
//! Articles and headlines are stored as the JSON of [`crate::article`] (the `--json`
//! contract), so what is stored reads back exactly as it was fetched.

mod error;
mod open;
mod photos;
mod search;
mod validators;

use std::cell::Cell;
use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

use crate::article::{Article, Headline};

pub use error::StoreError;
pub use open::SCHEMA_VERSION;
pub use search::{MAX_HITS, match_expression};
pub use validators::ListValidators;

/// The store's file name in the data directory.
pub const FILE_NAME: &str = "kabar.db";

/// The default bound on unsaved articles, in megabytes (the config's `max_store_mb`).
pub const DEFAULT_MAX_MB: u64 = 200;

/// The default bound on unsaved articles: the sum of their stored JSON sizes, their
/// part of the search index and their photos' files.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = bytes_of_mb(DEFAULT_MAX_MB);

/// A size in megabytes, as the config gives it, in bytes.
pub const fn bytes_of_mb(mb: u64) -> u64 {
    mb.saturating_mul(1024 * 1024)
}

/// While the store is in use, once a `1 / CHECK_SHARE` part of the bound has been written
/// the store is brought back within the bound: the file and the WAL then never outgrow it
/// by more than that part, whatever is prefetched between two starts.
const CHECK_SHARE: u64 = 8;

/// An article whose JSON is over `1 / ARTICLE_SHARE` of the bound is not stored: one page
/// could otherwise push out everything else, or outgrow the bound on its own.
const ARTICLE_SHARE: u64 = 4;

/// Headline lists fetched longer ago than this are dropped by [`Store::evict`].
pub const LIST_MAX_AGE_DAYS: i64 = 30;

/// A connection to the store. `Send`, not `Sync`: one thread at a time uses it (the
/// worker keeps it behind a mutex). Another `Store` on the same file, in this process or
/// another, is fine.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    /// The bound on unsaved articles kept to while the store is in use.
    max_article_bytes: u64,
    /// JSON written since the store was last brought within the bound.
    written: Cell<u64>,
}

/// A section's headline list as last fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredList {
    pub headlines: Vec<Headline>,
    /// The link to the list's next page, if the page had one.
    pub next: Option<String>,
    pub fetched_at: DateTime<Utc>,
}

/// A saved article and when it was first saved.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedArticle {
    pub article: Article,
    pub saved_at: DateTime<Utc>,
}

impl Store {
    /// Opens (creating dirs and file) `dir/kabar.db`. The String is a one-line notice for
    /// the user when the old file had to be moved aside.
    pub fn open_in(dir: &Path) -> Result<(Store, Option<String>), StoreError> {
        Store::open(&dir.join(FILE_NAME))
    }

    /// Opens the store at `path`, creating its folder and file as needed, moving a damaged
    /// or foreign file aside (the notice says where), and upgrading the schema. A file
    /// from a newer kabar gives [`StoreError::TooNew`] and is not touched.
    pub fn open(path: &Path) -> Result<(Store, Option<String>), StoreError> {
        let (conn, notice) = open::open(path)?;
        let store = Store {
            conn,
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
            written: Cell::new(0),
        };
        Ok((store, notice))
    }

    /// Sets the bound on unsaved articles (their JSON and search index) that the store
    /// keeps to while in use; [`DEFAULT_MAX_ARTICLE_BYTES`] until set. Writing articles
    /// then evicts by the rule of [`Store::evict`] and empties the WAL every eighth of the
    /// bound written, and an article over a quarter of the bound is not stored at all.
    pub fn set_max_article_bytes(&mut self, bytes: u64) {
        self.max_article_bytes = bytes;
    }

    /// Replaces the whole list of `section`.
    pub fn put_headlines(
        &self,
        section: &str,
        list: &[Headline],
        next: Option<&str>,
        fetched_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| insert_list(tx, section, list, next, fetched_at))
    }

    /// The stored list of `section`. A list this kabar cannot read back (stored by a
    /// build with another model) counts as not stored: it is a cache, and the next fetch
    /// replaces it.
    pub fn headlines(&self, section: &str) -> Result<Option<StoredList>, StoreError> {
        let row = self
            .conn
            .prepare_cached("SELECT headlines, next, fetched_at FROM lists WHERE section = ?1")?
            .query_row([section], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .optional()?;
        let Some((json, next, fetched_at)) = row else {
            return Ok(None);
        };
        let decoded = from_json::<Vec<Headline>>(&json, "a headline list")
            .and_then(|headlines| Ok((headlines, parse_time(&fetched_at)?)));
        match decoded {
            Ok((headlines, fetched_at)) => Ok(Some(StoredList {
                headlines,
                next,
                fetched_at,
            })),
            Err(e) => {
                tracing::warn!(section, "{e}; treating the list as not stored");
                Ok(None)
            }
        }
    }

    /// Stores an article as extracted from the page at `url`. Replaces an earlier copy;
    /// whether it is saved stays as it was. An article too large for the bound (see
    /// [`Store::set_max_article_bytes`]) is left out, and the log says so: the reader
    /// still shows it, it is just not kept for later.
    pub fn put_article(
        &self,
        url: &str,
        article: &Article,
        fetched_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let json = to_json(article, "the article")?;
        let limit = self.max_article_bytes / ARTICLE_SHARE;
        if json.len() as u64 > limit {
            tracing::warn!(
                url,
                bytes = json.len(),
                limit,
                "article not stored: larger than a quarter of the store's size bound"
            );
            return Ok(());
        }
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO articles (url, fetched_at, saved_at, bytes, json)
                 VALUES (?1, ?2, NULL, ?3, ?4)
                 ON CONFLICT (url) DO UPDATE SET fetched_at = excluded.fetched_at,
                     bytes = excluded.bytes, json = excluded.json",
            )?
            .execute(params![url, time_text(fetched_at), json.len() as i64, json])?;
            Ok(())
        })?;
        self.wrote(json.len())
    }

    /// The article stored for `url`. One this kabar cannot read back counts as not
    /// stored, as with [`Store::headlines`].
    pub fn article(&self, url: &str) -> Result<Option<Article>, StoreError> {
        let json: Option<String> = self
            .conn
            .prepare_cached("SELECT json FROM articles WHERE url = ?1")?
            .query_row([url], |r| r.get(0))
            .optional()?;
        let Some(json) = json else { return Ok(None) };
        match from_json(&json, "an article") {
            Ok(article) => Ok(Some(article)),
            Err(e) => {
                tracing::warn!(url, "{e}; treating the article as not stored");
                Ok(None)
            }
        }
    }

    pub fn has_article(&self, url: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM articles WHERE url = ?1)")?
            .query_row([url], |r| r.get(0))?)
    }

    /// Stored URLs among `urls` (to skip them when prefetching).
    pub fn stored_among(&self, urls: &[String]) -> Result<HashSet<String>, StoreError> {
        self.among(
            "SELECT url FROM articles WHERE url IN (SELECT value FROM json_each(?1))",
            urls,
        )
    }

    /// Marks `url` read (remembering `at` as the last time it was read, which also orders
    /// eviction) or unread. Marking unread keeps the last-read time: the article was read
    /// then all the same. Works whether or not the article is stored.
    pub fn set_read(&self, url: &str, read: bool, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.write(|tx| mark_read(tx, url, read, at))
    }

    /// Marks every one of `urls` read at `at`, in one transaction.
    pub fn set_all_read(&self, urls: &[String], at: DateTime<Utc>) -> Result<(), StoreError> {
        self.write(|tx| {
            for url in urls {
                mark_read(tx, url, true, at)?;
            }
            Ok(())
        })
    }

    /// The URLs among `urls` marked read.
    pub fn read_among(&self, urls: &[String]) -> Result<HashSet<String>, StoreError> {
        self.among(
            "SELECT url FROM marks WHERE read = 1 AND url IN (SELECT value FROM json_each(?1))",
            urls,
        )
    }

    /// Saving needs the article (it is stored with it, so a saved article is readable
    /// offline even if never stored before). It is keyed by `article.url`. Saving again
    /// updates the copy but keeps the first `saved_at`. Unsaving keeps the copy as an
    /// ordinary stored article, which eviction may then drop; `at` is not used for it.
    pub fn set_saved(
        &self,
        article: &Article,
        saved: bool,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if !saved {
            return self.write(|tx| {
                tx.prepare_cached("UPDATE articles SET saved_at = NULL WHERE url = ?1")?
                    .execute([&article.url])?;
                Ok(())
            });
        }
        let json = to_json(article, "the article")?;
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO articles (url, fetched_at, saved_at, bytes, json)
                 VALUES (?1, ?2, ?2, ?3, ?4)
                 ON CONFLICT (url) DO UPDATE SET
                     saved_at = coalesce(articles.saved_at, excluded.saved_at),
                     bytes = excluded.bytes, json = excluded.json",
            )?
            .execute(params![article.url, time_text(at), json.len() as i64, json])?;
            Ok(())
        })?;
        // Saved articles are never evicted, but their writes fill the WAL all the same.
        self.wrote(json.len())
    }

    pub fn is_saved(&self, url: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM articles WHERE url = ?1 AND saved_at IS NOT NULL)",
            )?
            .query_row([url], |r| r.get(0))?)
    }

    /// Newest saved first. Unlike the cache, a saved article that cannot be read back is
    /// an error, not silently left out: it is the user's, and it is still in the file.
    pub fn saved(&self) -> Result<Vec<SavedArticle>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT json, saved_at FROM articles WHERE saved_at IS NOT NULL
             ORDER BY saved_at DESC, url",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut saved = Vec::new();
        for row in rows {
            let (json, saved_at) = row?;
            saved.push(SavedArticle {
                article: from_json(&json, "a saved article")?,
                saved_at: parse_time(&saved_at)?,
            });
        }
        Ok(saved)
    }

    /// Remembers the reader's scroll line for `url`.
    pub fn set_position(&self, url: &str, line: usize) -> Result<(), StoreError> {
        let line = i64::try_from(line).unwrap_or(i64::MAX);
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO marks (url, position) VALUES (?1, ?2)
                 ON CONFLICT (url) DO UPDATE SET position = excluded.position",
            )?
            .execute(params![url, line])?;
            Ok(())
        })
    }

    pub fn position(&self, url: &str) -> Result<Option<usize>, StoreError> {
        let line: Option<Option<i64>> = self
            .conn
            .prepare_cached("SELECT position FROM marks WHERE url = ?1")?
            .query_row([url], |r| r.get(0))
            .optional()?;
        Ok(line.flatten().and_then(|l| usize::try_from(l).ok()))
    }

    /// Retention; returns how many lists and articles were dropped.
    ///
    /// Drops headline lists fetched more than [`LIST_MAX_AGE_DAYS`] before `now` with
    /// their validators, and the photos of articles the store does not hold. Then, while the unsaved articles
    /// (their JSON, their share of the search index, their photos) add up to more than
    /// `max_article_bytes`, drops unsaved articles, the one read longest ago first; one
    /// never read counts as read when it was fetched. Saved articles neither count toward the bound nor are ever
    /// dropped, and read marks and positions stay (they are small, and a list may show
    /// the URL again). Freed pages are then given back to the file system, and the WAL is
    /// emptied into the file.
    pub fn evict(
        &self,
        now: DateTime<Utc>,
        max_article_bytes: u64,
    ) -> Result<(usize, usize), StoreError> {
        let cutoff = now
            .checked_sub_signed(TimeDelta::days(LIST_MAX_AGE_DAYS))
            .unwrap_or(DateTime::<Utc>::MIN_UTC);
        let max = i64::try_from(max_article_bytes).unwrap_or(i64::MAX);
        let dropped = self.write(|tx| {
            let lists = tx.execute(
                "DELETE FROM lists WHERE fetched_at < ?1",
                [time_text(cutoff)],
            )?;
            // Validators name the server's copy of a list the store holds; with the list
            // gone they are never sent again, and would stay for good.
            tx.execute(
                "DELETE FROM list_validators WHERE section NOT IN (SELECT section FROM lists)",
                [],
            )?;
            // A photo goes with its article by a trigger; one kept for an article that
            // was never stored (too large, or evicted while its photo was on the way)
            // has no article to go with, and would stay for good, outside the bound.
            let orphans = tx.execute(
                "DELETE FROM photos WHERE article NOT IN (SELECT url FROM articles)",
                [],
            )?;
            Ok((lists, drop_articles_over(tx, max)?, orphans))
        })?;
        let (lists, articles, orphans) = dropped;
        if (lists, articles, orphans) != (0, 0, 0) {
            self.give_back()?;
        }
        self.written.set(0);
        self.checkpoint()?;
        Ok((lists, articles))
    }

    /// Counts `bytes` just written (an article's JSON, a photo's file); once a `1 / CHECK_SHARE` part of the bound
    /// has been written since the last time, evicts unsaved articles down to the bound
    /// and empties the WAL.
    fn wrote(&self, bytes: usize) -> Result<(), StoreError> {
        let written = self.written.get().saturating_add(bytes as u64);
        if written < self.max_article_bytes / CHECK_SHARE {
            self.written.set(written);
            return Ok(());
        }
        self.written.set(0);
        let max = i64::try_from(self.max_article_bytes).unwrap_or(i64::MAX);
        let dropped = self.write(|tx| drop_articles_over(tx, max))?;
        if dropped > 0 {
            self.give_back()?;
        }
        self.checkpoint()
    }

    /// Hands the pages freed by deleting back to the file system, in its own small
    /// transaction. The pragma frees one page per step, so it is stepped to the end. (A
    /// store without auto_vacuum just keeps its free pages for reuse.)
    fn give_back(&self) -> Result<(), StoreError> {
        let mut vacuum = self.conn.prepare_cached("PRAGMA incremental_vacuum")?;
        let mut steps = vacuum.query([])?;
        while steps.next()?.is_some() {}
        Ok(())
    }

    /// Copies the WAL into the file and empties it. SQLite's own checkpoints only reuse
    /// the WAL from its start, so without this it stays as large as the most written
    /// between two of them. Another kabar reading at that moment keeps it from finishing;
    /// the next check tries again.
    fn checkpoint(&self) -> Result<(), StoreError> {
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        if busy != 0 {
            tracing::debug!("store: the WAL is in use by another reader; not emptied this time");
        }
        Ok(())
    }

    /// Runs `f` as one write transaction. Immediate: the write lock is taken (waiting for
    /// another kabar's write if need be) before anything is read, so two writers never
    /// deadlock on upgrading a read to a write.
    fn write<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// The first column of `sql`'s rows, with `urls` passed as one JSON array in `?1`.
    fn among(&self, sql: &str, urls: &[String]) -> Result<HashSet<String>, StoreError> {
        if urls.is_empty() {
            return Ok(HashSet::new());
        }
        let list = to_json(urls, "the URL list")?;
        let mut stmt = self.conn.prepare_cached(sql)?;
        let found = stmt
            .query_map([list], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(found)
    }
}

/// While the unsaved articles (their JSON, their share of the search index and their
/// photos' files) add up to more than `max` bytes, drops unsaved articles, the one read longest ago first (see
/// [`Store::evict`]); returns how many.
fn drop_articles_over(tx: &Transaction<'_>, max: i64) -> Result<usize, StoreError> {
    let (unsaved, all, photos): (i64, i64, i64) = tx.query_row(
        "SELECT coalesce(sum(bytes) FILTER (WHERE saved_at IS NULL), 0), coalesce(sum(bytes), 0),
             (SELECT coalesce(sum(length(p.file)), 0) FROM photos p
              JOIN articles a ON a.url = p.article WHERE a.saved_at IS NULL)
         FROM articles",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    // The index's size is measured; each article's part of it is taken in proportion to
    // its JSON, which is what the index is made from.
    let index = search::index_bytes(tx)?;
    let with_index = |bytes: i64| {
        let share = i128::from(bytes) * i128::from(index) / i128::from(all.max(1));
        bytes.saturating_add(i64::try_from(share).unwrap_or(i64::MAX))
    };
    let mut over = with_index(unsaved)
        .saturating_add(photos)
        .saturating_sub(max);
    if over <= 0 {
        return Ok(0);
    }
    let mut victims = Vec::new();
    let mut stmt = tx.prepare_cached(
        "SELECT a.url, a.bytes,
             (SELECT coalesce(sum(length(p.file)), 0) FROM photos p WHERE p.article = a.url)
         FROM articles a LEFT JOIN marks m ON m.url = a.url
         WHERE a.saved_at IS NULL
         ORDER BY coalesce(m.read_at, a.fetched_at), a.fetched_at, a.url",
    )?;
    let mut rows = stmt.query([])?;
    while over > 0 {
        let Some(row) = rows.next()? else { break };
        victims.push(row.get::<_, String>(0)?);
        over -= with_index(row.get::<_, i64>(1)?).saturating_add(row.get::<_, i64>(2)?);
    }
    drop(rows);
    let mut delete = tx.prepare_cached("DELETE FROM articles WHERE url = ?1")?;
    for url in &victims {
        delete.execute([url])?;
    }
    if !victims.is_empty() {
        // The search index keeps what was deleted until its segments are merged; merged
        // now, the space is freed with the articles'.
        tx.execute_batch(search::OPTIMIZE)?;
    }
    Ok(victims.len())
}

fn mark_read(
    tx: &Transaction<'_>,
    url: &str,
    read: bool,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    if read {
        tx.prepare_cached(
            "INSERT INTO marks (url, read, read_at) VALUES (?1, 1, ?2)
             ON CONFLICT (url) DO UPDATE SET read = 1, read_at = excluded.read_at",
        )?
        .execute(params![url, time_text(at)])?;
    } else {
        tx.prepare_cached("UPDATE marks SET read = 0 WHERE url = ?1")?
            .execute([url])?;
    }
    Ok(())
}

/// RFC 3339 in UTC with all nine digits of the fraction: fixed width, so comparing the
/// text compares the times.
fn time_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Nanos, true)
}

fn parse_time(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::Data(format!("cannot read back the time {text:?}: {e}")))
}

/// Replaces the whole list of `section`, inside the transaction `tx`.
fn insert_list(
    tx: &Transaction<'_>,
    section: &str,
    list: &[Headline],
    next: Option<&str>,
    fetched_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let json = to_json(list, "the headline list")?;
    tx.prepare_cached(
        "INSERT INTO lists (section, fetched_at, next, headlines) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (section) DO UPDATE SET fetched_at = excluded.fetched_at,
             next = excluded.next, headlines = excluded.headlines",
    )?
    .execute(params![section, time_text(fetched_at), next, json])?;
    Ok(())
}

fn to_json<T: Serialize + ?Sized>(value: &T, what: &str) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Data(format!("cannot write {what}: {e}")))
}

fn from_json<'a, T: Deserialize<'a>>(json: &'a str, what: &str) -> Result<T, StoreError> {
    serde_json::from_str(json)
        .map_err(|e| StoreError::Data(format!("cannot read back {what}: {e}")))
}
