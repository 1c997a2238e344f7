//! Lists opened on the way, in the tab after the configured ones: a search (of the
//! store, or of Kompas with a leading `@`), the index of a day (a day back or on from
//! the list on screen, or a date typed in), and a tag of the article on screen.

use chrono::{NaiveDate, TimeDelta};
use url::Url;

use super::list::HeadlineList;
use super::status::Origin;
use super::{App, Focus};
use crate::requests::Request;
use crate::sites::kompas;

/// What starts a search of Kompas, not of the store, at the search prompt.
pub const SITE_PREFIX: char = '@';

/// Between a tab's name and the day it shows (`Nasional · 2026-11-24`).
const DAY_SEPARATOR: &str = " · ";

impl App {
    /// Enter at the search prompt: `@words` searches Kompas, other words the store.
    pub(super) fn search(&mut self, typed: &str, out: &mut Vec<Request>) {
        let typed = typed.trim();
        if let Some(words) = typed.strip_prefix(SITE_PREFIX).map(str::trim) {
            if !words.is_empty() {
                let url = kompas::search_url(words, 1);
                let mut list = HeadlineList::new(&format!("@{words}"), Some(&url));
                list.query = Some(words.to_string());
                self.open_list(list, out);
            }
            return;
        }
        if crate::store::match_expression(typed).is_none() {
            return;
        }
        if !self.settings.store {
            self.status
                .warn(self.words().search_needs_store.to_string());
            return;
        }
        let mut list = HeadlineList::new(&format!("{}: {typed}", self.words().search), None);
        list.query = Some(typed.to_string());
        self.open_list(list, out);
    }

    /// The index of the day `days` before (negative) or after the one the list on
    /// screen shows (today for a list of no day).
    pub(super) fn step_day(&mut self, days: i64, out: &mut Vec<Request>) {
        let shown = self
            .list()
            .url
            .as_deref()
            .and_then(|u| Url::parse(u).ok())
            .and_then(|u| kompas::day_of(&u))
            .unwrap_or_else(kompas::today);
        if let Some(date) = shown.checked_add_signed(TimeDelta::days(days)) {
            self.open_day(date, out);
        }
    }

    /// Enter at the date prompt.
    pub(super) fn go_to_date(&mut self, typed: &str, out: &mut Vec<Request>) {
        match NaiveDate::parse_from_str(typed.trim(), "%Y-%m-%d") {
            Ok(date) => self.open_day(date, out),
            Err(_) => {
                let words = format!("{}: {}", self.words().not_a_date, typed.trim());
                self.status.warn(words);
            }
        }
    }

    /// The index of `date`, of the site the list on screen is the index of, else of all
    /// Kompas; a day with no index (after today) is said in the status line.
    fn open_day(&mut self, date: NaiveDate, out: &mut Vec<Request>) {
        let today = kompas::today();
        let list = self.list();
        let same_site = list
            .url
            .as_deref()
            .and_then(|u| Url::parse(u).ok())
            .and_then(|u| kompas::on_day(&u, date, today));
        let (name, url) = match same_site {
            Some(url) => {
                let name = list.name.split(DAY_SEPARATOR).next().unwrap_or_default();
                (name.to_string(), url)
            }
            None => (
                self.words().index.to_string(),
                kompas::day_url(None, date, today),
            ),
        };
        match url {
            Ok(url) => {
                let name = format!("{name}{DAY_SEPARATOR}{date}");
                self.open_list(HeadlineList::new(&name, Some(&url)), out);
            }
            Err(why) => self.status.warn(why),
        }
    }

    /// Link `n` of the article on screen when it is one of its tags: opens the tag's
    /// list; false when `n` is no tag.
    pub(super) fn follow_tag(&mut self, n: usize, out: &mut Vec<Request>) -> bool {
        let Some((tag, url)) = self.tag(n) else {
            return false;
        };
        self.open_list(HeadlineList::new(&format!("#{tag}"), Some(&url)), out);
        true
    }

    /// Tag `n` of the article on screen, with the address of its list.
    pub(super) fn tag(&self, n: usize) -> Option<(String, String)> {
        self.reader
            .page()?
            .article()
            .numbered_tags()
            .find(|(k, _)| *k == n)
            .and_then(|(_, tag)| Some((tag.to_string(), kompas::tag_url(tag)?)))
    }

    /// An article opened from a search's results arrived: the searched word is found
    /// in it, every match highlighted and the first in sight, as `/` would.
    pub(super) fn find_searched(&mut self) {
        if let Some(word) = self.find_on_open.take() {
            // Laid out first: the find looks in the article's lines.
            self.fit();
            self.reader.set_find(word);
            self.jump_to_match(true);
        }
    }

    fn open_list(&mut self, list: HeadlineList, out: &mut Vec<Request>) {
        self.focus = Focus::List;
        out.extend(self.sections.open_tab(list, &mut self.ids));
        // The list that was in this tab is gone, and its failure to load with it.
        self.status.loaded(Origin::Tab(self.tab()));
    }
}

/// The word of `list`'s search to find in an article opened from it: the longest, the
/// likeliest to be the subject. The find matches inside words, so `banjir` also marks
/// `kebanjiran`.
pub(super) fn find_word(list: &HeadlineList) -> Option<String> {
    list.query
        .as_deref()?
        .split(|c: char| !c.is_alphanumeric())
        .max_by_key(|w| w.chars().count())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_string)
}
