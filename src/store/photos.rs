//! The photos of stored articles, so an article read offline shows them too.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, time_text};

impl Store {
    /// Keeps the file of the photo at `url`, shown in the article at `article`; it goes
    /// when that article is evicted or deleted. Its file counts toward the store's size
    /// bound with the article's text.
    pub fn put_photo(
        &self,
        url: &str,
        article: &str,
        file: &[u8],
        fetched_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO photos (url, article, fetched_at, file) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (url) DO UPDATE SET article = excluded.article,
                     fetched_at = excluded.fetched_at, file = excluded.file",
            )?
            .execute(params![url, article, time_text(fetched_at), file])?;
            Ok(())
        })?;
        self.wrote(file.len())
    }

    /// The file kept for the photo at `url`.
    pub fn photo(&self, url: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT file FROM photos WHERE url = ?1")?
            .query_row([url], |r| r.get(0))
            .optional()?)
    }
}
