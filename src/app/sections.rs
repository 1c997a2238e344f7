//! The list pane: the section tabs and the saved articles, the one on screen, the filter
//! in force and the lists still loading.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::list::HeadlineList;
use super::messages::Ids;
use crate::article::{Headline, HeadlinePage, Passage};
use crate::requests::{Request, RequestId};

#[derive(Debug, Clone, PartialEq, Eq)]
struct PendingList {
    id: RequestId,
    list: usize,
    append: bool,
}

#[derive(Debug)]
pub struct Sections {
    /// The sections, then the saved articles.
    lists: Vec<HeadlineList>,
    tab: usize,
    /// The list filter in force.
    filter: String,
    pending: Vec<PendingList>,
    /// How many tabs the config gave; one more tab may follow them, for a list opened
    /// on the way (a search, a day, a tag), before the saved articles.
    configured: usize,
}

impl Sections {
    /// `sections`: name and index URL of each tab; the saved articles come last.
    pub fn new(sections: &[(String, String)], saved_name: &str) -> Self {
        let mut lists: Vec<HeadlineList> = sections
            .iter()
            .map(|(name, url)| HeadlineList::new(name, Some(url)))
            .collect();
        lists.push(HeadlineList::new(saved_name, None));
        Sections {
            lists,
            tab: 0,
            filter: String::new(),
            pending: Vec::new(),
            configured: sections.len(),
        }
    }

    /// Opens `list` in the tab after the configured ones (replacing the list opened
    /// there before) and loads it.
    pub fn open_tab(&mut self, list: HeadlineList, ids: &mut Ids) -> Option<Request> {
        let at = self.configured;
        if self.lists.len() > at + 1 {
            self.pending.retain(|p| p.list != at);
            self.lists[at] = list;
        } else {
            self.lists.insert(at, list);
            for p in &mut self.pending {
                if p.list >= at {
                    p.list += 1;
                }
            }
        }
        self.lists[self.tab].forget_new();
        self.tab = at;
        self.filter.clear();
        self.load(at, false, ids)
    }

    pub fn lists(&self) -> &[HeadlineList] {
        &self.lists
    }

    pub fn tab(&self) -> usize {
        self.tab
    }

    pub fn list(&self) -> &HeadlineList {
        &self.lists[self.tab]
    }

    pub fn list_mut(&mut self) -> &mut HeadlineList {
        &mut self.lists[self.tab]
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    pub fn is_saved_view(&self) -> bool {
        self.tab == self.lists.len() - 1
    }

    pub fn is_loading(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Whether the first list loading is only more of a list already shown.
    pub fn loading_more(&self) -> Option<bool> {
        self.pending.first().map(|p| p.append)
    }

    /// Whether the list on screen is loading.
    pub fn loading_tab(&self) -> bool {
        self.pending.iter().any(|p| p.list == self.tab)
    }

    pub fn show_stored(&mut self, page: HeadlinePage, fetched_at: DateTime<Utc>) {
        let list = self.list_mut();
        let _ = list.set(page.headlines, false, "");
        list.next = page.next;
        list.fetched_at = Some(fetched_at);
    }

    /// Filters the list on screen as the user types.
    pub fn set_filter(&mut self, filter: String) {
        self.filter = filter;
        let Sections {
            lists, tab, filter, ..
        } = self;
        lists[*tab].apply(filter);
    }

    /// Loads the list on screen again, unless it is loading already.
    pub fn refresh(&mut self, ids: &mut Ids) -> Option<Request> {
        if self.loading_tab() {
            return None;
        }
        self.load(self.tab, false, ids)
    }

    /// Loads the list on screen again, even when it is loading.
    pub fn reload(&mut self, ids: &mut Ids) -> Option<Request> {
        self.load(self.tab, false, ids)
    }

    /// Moves the selection; moving onto the last headline loads the next page of the list.
    pub fn move_by(&mut self, delta: isize, ids: &mut Ids) -> Option<Request> {
        let at_end = self.list_mut().move_by(delta);
        if at_end && !self.loading_tab() {
            return self.load(self.tab, true, ids);
        }
        None
    }

    pub fn switch(&mut self, delta: isize, ids: &mut Ids) -> Option<Request> {
        let n = self.lists.len() as isize;
        self.lists[self.tab].forget_new();
        self.tab = (self.tab as isize + delta).rem_euclid(n) as usize;
        let filter = self.filter.clone();
        self.list_mut().apply(&filter);
        if (self.list().headlines.is_empty() || self.is_saved_view()) && !self.loading_tab() {
            return self.load(self.tab, false, ids);
        }
        None
    }

    pub fn switch_to_saved(&mut self, ids: &mut Ids) -> Option<Request> {
        let saved = self.lists.len() - 1;
        self.switch(saved as isize - self.tab as isize, ids)
    }

    /// Loads list `tab` (or its next page); nothing when there is no next page.
    fn load(&mut self, tab: usize, append: bool, ids: &mut Ids) -> Option<Request> {
        let list = &self.lists[tab];
        let url = match (&list.url, append) {
            (None, true) => return None,
            (None, false) => None,
            (Some(url), false) => Some(url.clone()),
            (Some(_), true) => Some(list.next.clone()?),
        };
        let query = list.query.clone();
        let id = ids.next();
        self.pending.push(PendingList {
            id,
            list: tab,
            append,
        });
        Some(match (url, query) {
            (Some(url), _) => Request::Headlines { id, url, append },
            (None, Some(query)) => Request::SearchStore { id, query },
            (None, None) => Request::Saved { id },
        })
    }

    /// The filter for a list that arrived: the one in force on the tab on screen.
    fn take_pending(&mut self, id: RequestId) -> Option<(PendingList, String)> {
        let i = self.pending.iter().position(|p| p.id == id)?;
        let pending = self.pending.remove(i);
        let filter = if pending.list == self.tab {
            self.filter.clone()
        } else {
            String::new()
        };
        Some((pending, filter))
    }

    /// Puts an arrived list in its place: which list it is and how many of its headlines
    /// are new; `None` when it was not asked for (any more).
    pub fn arrived(
        &mut self,
        id: RequestId,
        page: HeadlinePage,
        passages: HashMap<String, Passage>,
        at: DateTime<Utc>,
    ) -> Option<(usize, usize)> {
        let (pending, filter) = self.take_pending(id)?;
        let list = &mut self.lists[pending.list];
        let new = list.set(page.headlines, pending.append, &filter);
        list.next = page.next;
        if !pending.append {
            list.fetched_at = Some(at);
            list.passages = passages;
        }
        Some((pending.list, new))
    }

    /// A list that came again later (the timeline, once its late sources came in) put in
    /// every tab showing `url`, except one whose new load is on the way: each such tab
    /// and how many of its headlines are new.
    pub fn caught_up(&mut self, url: &str, page: HeadlinePage) -> Vec<(usize, usize)> {
        let mut tabs = Vec::new();
        for (tab, list) in self.lists.iter_mut().enumerate() {
            let loading = self.pending.iter().any(|p| p.list == tab && !p.append);
            if list.url.as_deref() == Some(url) && !loading {
                tabs.push((tab, list.set(page.headlines.clone(), false, &self.filter)));
            }
        }
        tabs
    }

    /// Forgets a list that failed: which list it was; `None` when it was not asked for.
    pub fn failed(&mut self, id: RequestId) -> Option<usize> {
        self.take_pending(id).map(|(pending, _)| pending.list)
    }

    pub fn saved_arrived(&mut self, id: RequestId, list: Vec<Headline>) -> bool {
        let Some((pending, filter)) = self.take_pending(id) else {
            return false;
        };
        let _ = self.lists[pending.list].set(list, false, &filter);
        true
    }
}
