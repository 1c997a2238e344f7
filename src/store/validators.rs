//! What a server said identifies the copy of each list the store holds (`ETag`,
//! `Last-Modified`), so a refresh can ask "changed since?" and a list that has not
//! changed costs one small answer. Kept apart from `lists`: the validators belong to the
//! server's copy, and are only worth sending while the store still holds the list.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};
use crate::article::Headline;

/// The `ETag` and `Last-Modified` of a stored list, as the server sent them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListValidators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

impl Store {
    /// The validators of the list at `section`, when its server gave any.
    pub fn list_validators(&self, section: &str) -> Result<Option<ListValidators>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT etag, last_modified FROM list_validators WHERE section = ?1")?
            .query_row([section], |r| {
                Ok(ListValidators {
                    etag: r.get(0)?,
                    last_modified: r.get(1)?,
                })
            })
            .optional()?)
    }

    /// Replaces the list of `section` and the validators its server sent with it, in one
    /// transaction: validators that describe a list the store does not hold would have
    /// the next refresh answered 304 and an older list kept. No validators given forgets
    /// those of the list before.
    pub fn put_headlines_with_validators(
        &self,
        section: &str,
        list: &[Headline],
        next: Option<&str>,
        fetched_at: DateTime<Utc>,
        validators: &ListValidators,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            super::insert_list(tx, section, list, next, fetched_at)?;
            if validators.etag.is_none() && validators.last_modified.is_none() {
                tx.prepare_cached("DELETE FROM list_validators WHERE section = ?1")?
                    .execute([section])?;
            } else {
                tx.prepare_cached(
                    "INSERT INTO list_validators (section, etag, last_modified) VALUES (?1, ?2, ?3)
                     ON CONFLICT (section) DO UPDATE SET etag = excluded.etag,
                         last_modified = excluded.last_modified",
                )?
                .execute(params![
                    section,
                    validators.etag,
                    validators.last_modified
                ])?;
            }
            Ok(())
        })
    }
}
