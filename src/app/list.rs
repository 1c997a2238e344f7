//! One headline list on screen (a section, or the saved articles): its entries, what the
//! filter lets through, the selection and the scroll.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::article::{Headline, Passage};

#[derive(Debug, Clone, Default)]
pub struct HeadlineList {
    pub name: String,
    /// Where the list comes from; `None` for the saved articles, which live in the store.
    pub url: Option<String>,
    /// The words of a search, for a list of its hits: of the store when `url` is None,
    /// else of Kompas.
    pub query: Option<String>,
    pub headlines: Vec<Headline>,
    /// For a search of the store, the passage of each hit that matched, by address.
    pub passages: HashMap<String, Passage>,
    pub next: Option<String>,
    pub fetched_at: Option<DateTime<Utc>>,
    /// Position in `visible`.
    pub selected: usize,
    pub offset: usize,
    /// Indexes into `headlines` of the entries the filter lets through, in order.
    visible: Vec<usize>,
    /// Headlines a refresh brought that were not in the list before, until seen.
    new: HashSet<String>,
}

impl HeadlineList {
    pub fn new(name: &str, url: Option<&str>) -> Self {
        HeadlineList {
            name: name.to_string(),
            url: url.map(str::to_string),
            ..Default::default()
        }
    }

    /// Replaces (or extends, with `append`) the entries and applies `filter` again. A
    /// section's list replaced after it had entries marks those it did not have as new:
    /// how many.
    pub fn set(&mut self, headlines: Vec<Headline>, append: bool, filter: &str) -> usize {
        // The selection stays on its headline wherever the new entries put it.
        let selected_url = self.selected().map(|h| h.url.clone());
        let mut added = 0;
        if !append && self.url.is_some() && !self.headlines.is_empty() {
            let before: HashSet<&str> = self.headlines.iter().map(|h| h.url.as_str()).collect();
            let fresh: Vec<String> = headlines
                .iter()
                .filter(|h| !before.contains(h.url.as_str()))
                .map(|h| h.url.clone())
                .collect();
            added = fresh.len();
            self.new.retain(|u| headlines.iter().any(|h| &h.url == u));
            self.new.extend(fresh);
        }
        if append {
            for h in headlines {
                if !self.headlines.iter().any(|o| o.url == h.url) {
                    self.headlines.push(h);
                }
            }
        } else {
            self.headlines = headlines;
        }
        self.keep(filter, selected_url);
        added
    }

    /// The passage of the hit at `url` that matched the search.
    pub fn passage(&self, url: &str) -> Option<&Passage> {
        self.passages.get(url)
    }

    /// Whether the headline at `url` came with the last refresh and has not been seen.
    pub fn is_new(&self, url: &str) -> bool {
        self.new.contains(url)
    }

    /// The selected headline has been seen: no longer new.
    pub fn see_selected(&mut self) {
        if let Some(url) = self.selected().map(|h| h.url.clone()) {
            self.new.remove(&url);
        }
    }

    /// The list was left: every headline in it has been seen.
    pub fn forget_new(&mut self) {
        self.new.clear();
    }

    /// Keeps the entries whose title and label hold every word of `query`, ignoring case
    /// and accents.
    pub fn apply(&mut self, query: &str) {
        let selected_url = self.selected().map(|h| h.url.clone());
        self.keep(query, selected_url);
    }

    /// Applies `query`, the selection on the headline at `selected_url` if it is let through.
    fn keep(&mut self, query: &str, selected_url: Option<String>) {
        let words: Vec<String> = fold(query).split_whitespace().map(str::to_string).collect();
        self.visible = (0..self.headlines.len())
            .filter(|&i| {
                let h = &self.headlines[i];
                let hay = fold(&format!("{} {}", h.title, h.label.as_deref().unwrap_or("")));
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect();
        self.selected = selected_url
            .and_then(|u| {
                self.visible
                    .iter()
                    .position(|&i| self.headlines[i].url == u)
            })
            .unwrap_or(0)
            .min(self.visible.len().saturating_sub(1));
    }

    pub fn visible(&self) -> impl Iterator<Item = &Headline> {
        self.visible.iter().map(|&i| &self.headlines[i])
    }

    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    pub fn selected(&self) -> Option<&Headline> {
        self.visible.get(self.selected).map(|&i| &self.headlines[i])
    }

    /// The position in `visible` of the first entry after `from` that `pick` accepts,
    /// coming round to the top after the last (and to `from` itself last of all).
    pub fn next_where(&self, from: usize, pick: impl Fn(&Headline) -> bool) -> Option<usize> {
        let n = self.visible.len();
        (from + 1..=from + n).map(|i| i % n.max(1)).find(|&i| {
            self.visible
                .get(i)
                .is_some_and(|&h| pick(&self.headlines[h]))
        })
    }

    /// Moves the selection; true when it landed on the last entry.
    pub fn move_by(&mut self, delta: isize) -> bool {
        let last = self.visible.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.selected == last
    }

    /// Scrolls so the selection is in the `rows` shown, and no row is left blank while
    /// entries above are scrolled off.
    pub fn keep_visible(&mut self, rows: usize) {
        let rows = rows.max(1);
        self.offset = self.offset.min(self.visible.len().saturating_sub(rows));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
    }
}

/// Text for matching: lower case, accents taken off (`Kafé` matches `kafe`).
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(title: &str, label: &str) -> Headline {
        Headline {
            title: title.into(),
            url: format!("https://x.kompas.com/read/{title}"),
            label: Some(label.into()),
            published: None,
        }
    }

    #[test]
    fn filter_needs_every_word_ignoring_case_and_accents() {
        let mut list = HeadlineList::new("Terkini", None);
        list.set(
            vec![
                h("Kafé Baru di Bandung", "Food"),
                h("Harga Emas Turun", "Money"),
                h("Emas di Bandung", "Money"),
            ],
            false,
            "",
        );
        list.apply("KAFE bandung");
        assert_eq!(
            list.visible().map(|h| h.title.as_str()).collect::<Vec<_>>(),
            ["Kafé Baru di Bandung"]
        );
        list.apply("emas money");
        assert_eq!(list.visible_len(), 2);
        list.apply("");
        assert_eq!(list.visible_len(), 3);
    }
}
