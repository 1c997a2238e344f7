//! Full-text search of every stored article: an FTS5 index that each search brings up to
//! date with the articles stored since the last (triggers on `articles` tell it of those
//! replaced and deleted), and the words a user types turned into a match expression.
//!
//! No maintained Indonesian stemmer exists as a crate (the one port of Sastrawi had a
//! single release, in 2020), so morphology is handled at query time: each word matches as
//! a prefix (`banjir` finds `banjirnya`, `banjiran`), alone and after the common
//! derivational prefixes (`kebanjiran`, `dibanjiri`, `membanjiri`), including the nasal
//! forms that drop the word's first letter (`tulis` finds `menulis`, `penulis`).

use std::collections::HashMap;
use std::ops::Range;

use super::{Store, StoreError};
use crate::article::{Article, Hit, Passage};
use rusqlite::params;

/// The most hits one search returns, best first.
pub const MAX_HITS: usize = 50;

/// How many words of the matching passage a snippet holds.
const SNIPPET_WORDS: usize = 24;

/// How many words of the passage come before its first match.
const SNIPPET_LEAD: usize = 6;

/// How much more a match in the title counts than one in the text (bm25 column weight).
const TITLE_WEIGHT: f64 = 10.0;

/// The index, appended to the store's migrations. Contentless: the text is not copied,
/// only the index is added to the file, and the passage shown with a hit is cut from the
/// stored article (see [`passage`]); `detail = column` keeps no word positions, which
/// nothing here reads. Its rowid is the article row's rowid, which is stable because the
/// store never runs a full VACUUM on a store with articles (only `incremental_vacuum`,
/// which moves no rows).
///
/// Storing an article does not index it: each search indexes, in one transaction, what
/// was stored since the last (see [`WATERMARK`], which replaced this step's insert
/// trigger). FTS5 writes a segment of its index per transaction, so indexing each article
/// as it is stored cost three to four times the store itself; indexed in a batch, the
/// index is built at a third of the cost. Updates that leave `json` alone (saving,
/// unsaving) leave the index alone. The last statement notes the articles stored before
/// this step.
pub(super) const INDEX: &str = "
CREATE VIRTUAL TABLE article_text USING fts5(
    title, body, content = '', contentless_delete = 1, detail = 'column',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE article_text_pending (id INTEGER PRIMARY KEY);
CREATE TRIGGER article_text_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_text_pending (id) SELECT new.rowid
        WHERE NOT EXISTS (SELECT 1 FROM article_text_pending WHERE id = new.rowid);
END;
CREATE TRIGGER article_text_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_text WHERE rowid = old.rowid;
    DELETE FROM article_text_pending WHERE id = old.rowid;
END;
CREATE TRIGGER article_text_update AFTER UPDATE OF json ON articles BEGIN
    DELETE FROM article_text WHERE rowid = old.rowid;
    -- Not OR IGNORE: a trigger takes the conflict rule of the statement that fired it.
    INSERT INTO article_text_pending (id) SELECT new.rowid
        WHERE NOT EXISTS (SELECT 1 FROM article_text_pending WHERE id = new.rowid);
END;
INSERT INTO article_text_pending (id) SELECT rowid FROM articles;
";

/// The step after [`INDEX`]: a new article is told from those indexed by its rowid, above
/// the highest indexed, so storing one writes nothing more than the article (the insert
/// trigger's note in `article_text_pending` was a second table written with each).
/// SQLite gives a new row the highest rowid plus one, which may be the rowid of a deleted
/// row that was indexed; the delete trigger therefore keeps `upto` no higher than the
/// highest rowid left. Replaced articles (an update of `json`) are still noted by the
/// update trigger, their rowid being old.
pub(super) const WATERMARK: &str = "
CREATE TABLE article_text_indexed (upto INTEGER NOT NULL);
-- The articles there are now are indexed or noted as pending.
INSERT INTO article_text_indexed (upto) SELECT coalesce(max(rowid), 0) FROM articles;
DROP TRIGGER IF EXISTS article_text_insert;
DROP TRIGGER IF EXISTS article_text_delete;
CREATE TRIGGER article_text_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_text WHERE rowid = old.rowid;
    DELETE FROM article_text_pending WHERE id = old.rowid;
    UPDATE article_text_indexed SET upto = (SELECT coalesce(max(rowid), 0) FROM articles)
        WHERE upto > (SELECT coalesce(max(rowid), 0) FROM articles);
END;
";

/// Whether any article waits to be indexed: stored since the last search, or replaced.
const ANY_PENDING: &str = "
SELECT EXISTS (SELECT 1 FROM article_text_pending)
    OR (SELECT coalesce(max(rowid), 0) FROM articles) > (SELECT upto FROM article_text_indexed)
";

/// Indexes the articles stored since the last search and those noted as replaced, and
/// moves the mark on.
const INDEX_PENDING: &str = "
WITH fresh (id) AS (
    SELECT rowid FROM articles WHERE rowid > (SELECT upto FROM article_text_indexed)
    UNION SELECT id FROM article_text_pending
)
INSERT INTO article_text (rowid, title, body)
    SELECT a.rowid, a.json ->> '$.title',
        (SELECT group_concat(b.value ->> '$.text', char(10)) FROM json_each(a.json, '$.body') b)
    FROM fresh JOIN articles a ON a.rowid = fresh.id;
UPDATE article_text_indexed SET upto = (SELECT coalesce(max(rowid), 0) FROM articles);
DELETE FROM article_text_pending;
";

/// Merges the index's segments into one, which drops the entries of deleted articles:
/// until then FTS5 keeps them, and the space they hold is not given back.
pub(super) const OPTIMIZE: &str = "INSERT INTO article_text (article_text) VALUES ('optimize')";

/// The bytes the search index takes in the file, as its pages hold them.
pub(super) fn index_bytes(tx: &rusqlite::Transaction<'_>) -> Result<i64, StoreError> {
    Ok(tx.query_row(
        "SELECT coalesce(sum(length(block)), 0) FROM article_text_data",
        [],
        |r| r.get(0),
    )?)
}

/// Prefixes of Indonesian derived words that keep the root's first letter (`ke-an`,
/// `di-`, `ber-`, `mem-` before b…). A query word is also matched after each of them.
const PREFIXES: &[&str] = &[
    "ke", "di", "se", "ber", "be", "ter", "per", "pe", "me", "mem", "men", "meng", "pem", "pen",
    "peng", "memper", "diper",
];

/// The nasal prefixes that replace the root's first letter: `meN-`/`peN-` before p, t, k
/// and s become `mem-`, `men-`, `meng-`, `meny-` and drop it (`pukul` → `memukul`).
const NASAL: &[(char, &str, &str)] = &[
    ('p', "mem", "pem"),
    ('t', "men", "pen"),
    ('k', "meng", "peng"),
    ('s', "meny", "peny"),
];

/// The FTS5 expression for what the user typed: every word must match (in the title or
/// the text), each as any of its derived forms. None when nothing in it can be searched
/// for (no word of two letters or more).
pub fn match_expression(query: &str) -> Option<String> {
    let words = query_forms(query);
    if words.is_empty() {
        return None;
    }
    let groups: Vec<String> = words
        .iter()
        .map(|forms| {
            let quoted: Vec<String> = forms.iter().map(|f| format!("\"{f}\"*")).collect();
            quoted.join(" OR ")
        })
        .collect();
    Some(format!("({})", groups.join(") AND (")))
}

/// Per word of the query (of two letters or more), the prefixes it matches as. Words are
/// only letters and digits, lower case, so quoting them keeps FTS5 syntax out.
fn query_forms(query: &str) -> Vec<Vec<String>> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(|w| forms(&fold(w)))
        .collect()
}

/// The prefixes one word matches as: itself, and after each derivational prefix.
fn forms(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_string()];
    if word.chars().count() < 3 || word.chars().any(|c| c.is_ascii_digit()) {
        return forms;
    }
    forms.extend(PREFIXES.iter().map(|p| format!("{p}{word}")));
    let mut chars = word.chars();
    if let Some(first) = chars.next()
        && let Some((_, me, pe)) = NASAL.iter().find(|(c, ..)| *c == first)
    {
        let rest = chars.as_str();
        forms.push(format!("{me}{rest}"));
        forms.push(format!("{pe}{rest}"));
    }
    forms
}

/// A word as the index keeps it: lower case, without accents (`crème` → `creme`), as
/// FTS5's `remove_diacritics 2` does.
fn fold(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    word.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

impl Store {
    /// The stored articles that match `query`, best first, at most [`MAX_HITS`]: those
    /// whose title matches all the words come first (bm25 alone lets a rare derived form
    /// in the text outrank the word itself in a title), then by bm25 with a match in the
    /// title counting [`TITLE_WEIGHT`] times one in the text. Empty when nothing in
    /// `query` can be searched for.
    pub fn search(&self, query: &str) -> Result<Vec<Hit>, StoreError> {
        let Some(expression) = match_expression(query) else {
            return Ok(Vec::new());
        };
        let words = query_forms(query);
        self.index_pending()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.url, a.json FROM article_text JOIN articles a ON a.rowid = article_text.rowid
             WHERE article_text MATCH ?1
             ORDER BY a.rowid IN (SELECT rowid FROM article_text WHERE article_text MATCH ?2) DESC,
                 bm25(article_text, ?3, 1.0)
             LIMIT ?4",
        )?;
        let rows = stmt.query_map(
            params![
                expression,
                format!("title : {expression}"),
                TITLE_WEIGHT,
                MAX_HITS as i64
            ],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )?;
        let mut found = Vec::new();
        // An article is stored under the address asked for and its own; it is one hit.
        let mut seen = std::collections::HashSet::new();
        for row in rows {
            let (asked, json) = row?;
            match super::from_json::<Article>(&json, "an article") {
                Ok(article) if !seen.insert(article.url.clone()) => {}
                Ok(article) => found.push((asked, article)),
                Err(e) => tracing::warn!("{e}; left out of the search results"),
            }
        }
        let addresses = found
            .iter()
            .flat_map(|(asked, a)| [asked.as_str(), a.url.as_str()]);
        let labels = self.labels(addresses)?;
        Ok(found
            .into_iter()
            .map(|(asked, article)| {
                let snippet = passage(&article, &words);
                let label = labels
                    .get(&article.url)
                    .or_else(|| labels.get(&asked))
                    .cloned();
                let mut headline = article.into_headline();
                headline.label = label;
                Hit { headline, snippet }
            })
            .collect())
    }

    /// The label (section or source) the stored lists give each of `urls` that has one.
    /// The lists are read in Rust, only their addresses and labels borrowed from the JSON:
    /// SQLite's `json_each` over them took about 11 ms a search for 10,000 listed
    /// headlines.
    fn labels<'a>(
        &self,
        urls: impl Iterator<Item = &'a str>,
    ) -> Result<HashMap<String, String>, StoreError> {
        #[derive(serde::Deserialize)]
        struct Entry<'j> {
            #[serde(borrow)]
            url: std::borrow::Cow<'j, str>,
            #[serde(borrow)]
            label: Option<std::borrow::Cow<'j, str>>,
        }
        let wanted: std::collections::HashSet<&str> = urls.collect();
        let mut labels = HashMap::new();
        let mut stmt = self.conn.prepare_cached("SELECT headlines FROM lists")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let json = row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            let entries: Vec<Entry<'_>> = super::from_json(json, "a stored list")?;
            for entry in entries {
                if let Some(label) = entry.label
                    && wanted.contains(entry.url.as_ref())
                {
                    labels.insert(entry.url.into_owned(), label.into_owned());
                }
            }
        }
        Ok(labels)
    }
}

impl Store {
    /// Indexes the articles stored since the last search, in one transaction; a no-op
    /// when there are none (no write is started).
    fn index_pending(&self) -> Result<(), StoreError> {
        let pending: bool = self
            .conn
            .prepare_cached(ANY_PENDING)?
            .query_row([], |r| r.get(0))?;
        if pending {
            self.write(|tx| Ok(tx.execute_batch(INDEX_PENDING)?))?;
        }
        Ok(())
    }
}

/// The passage of `article`'s text to show with a hit: from the block where most of the
/// query's words match, [`SNIPPET_WORDS`] words from a little before the first match,
/// with the matching words' byte ranges. The opening of the text when only the title
/// matches.
fn passage(article: &Article, words: &[Vec<String>]) -> Passage {
    let starts = |w: &str, f: &str| {
        w.as_bytes()
            .get(..f.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(f.as_bytes()))
    };
    let matches = |w: &str| {
        // Most words are ASCII: compared without folding them into a new string.
        let folded;
        let w = if w.is_ascii() {
            w
        } else {
            folded = fold(w);
            &folded
        };
        words.iter().flatten().any(|f| starts(w, f))
    };
    let best = article
        .body
        .iter()
        .map(|b| word_spans(&b.text))
        .enumerate()
        .map(|(i, spans)| {
            let text = &article.body[i].text;
            let hits: Vec<usize> = spans
                .iter()
                .enumerate()
                .filter(|(_, r)| matches(&text[(*r).clone()]))
                .map(|(n, _)| n)
                .collect();
            (i, spans, hits)
        })
        .max_by_key(|(i, _, hits)| (hits.len(), std::cmp::Reverse(*i)));
    let Some((i, spans, hits)) = best else {
        return Passage::default();
    };
    let text = &article.body[i].text;
    let from = hits.first().map_or(0, |n| n.saturating_sub(SNIPPET_LEAD));
    let to = (from + SNIPPET_WORDS).min(spans.len());
    let mut snippet = String::new();
    let mut marks = Vec::new();
    if from > 0 {
        snippet.push('…');
    }
    let Some(start) = spans.get(from).map(|r| r.start) else {
        return Passage::default();
    };
    let end = if to < spans.len() {
        spans[to - 1].end
    } else {
        text.len()
    };
    let offset = snippet.len() as isize - start as isize;
    snippet.push_str(&text[start..end]);
    for n in hits.into_iter().filter(|n| (from..to).contains(n)) {
        let r = &spans[n];
        marks.push((r.start as isize + offset) as usize..(r.end as isize + offset) as usize);
    }
    if to < spans.len() {
        snippet.push('…');
    }
    Passage {
        text: snippet,
        marks,
    }
}

/// The byte ranges of the words (runs of letters and digits) of `text`.
fn word_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push(s..text.len());
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_must_match_in_one_of_its_forms() {
        let e = match_expression("Banjir, Jakarta!").unwrap();
        assert!(e.starts_with("(\"banjir\"* OR \"kebanjir\"*"), "{e}");
        assert!(e.contains(") AND (\"jakarta\"*"), "{e}");
        assert!(e.contains("\"mejakarta\"*"), "{e}");
    }

    #[test]
    fn nasal_forms_drop_the_first_letter() {
        let f = forms("tulis");
        assert!(f.contains(&"menulis".to_string()), "{f:?}");
        assert!(f.contains(&"penulis".to_string()), "{f:?}");
    }

    #[test]
    fn nothing_to_search_for() {
        assert_eq!(match_expression("\" * - a"), None);
        assert_eq!(match_expression("  "), None);
    }

    #[test]
    fn accents_and_case_fold_as_the_index_folds_them() {
        assert_eq!(fold("Crème-BRÛLÉE"), "creme-brulee");
    }
}
