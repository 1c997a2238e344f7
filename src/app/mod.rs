//! The reader's whole state and the one pure function that changes it.
//!
//! `App::update(msg)` takes a key, a mouse event, a resize or a worker's answer, changes
//! the model and returns the requests for the worker. It does no I/O, so every behaviour
//! of the screen is tested by feeding it messages.

pub mod layout;
pub mod list;
mod messages;
mod settings;

pub use messages::{Answer, Msg, Request, RequestId};
pub use settings::{Settings, theme_from_colors};

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::article::{Article, HeadlinePage};
use crate::keymap::{self, Action};
use crate::words::Words;
use layout::{ArticleLines, Panes, ROWS_PER_HEADLINE};
use list::HeadlineList;

/// The latest-news index: the first section, and the only one without a config.
pub const INDEX_URL: &str = "https://indeks.kompas.com/";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
}

/// An article on the history stack, with where the reader was in it.
#[derive(Debug, Clone)]
pub struct Page {
    pub article: Arc<Article>,
    pub scroll: usize,
}

/// What the reader asked to open and has not arrived yet.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pending {
    id: RequestId,
    url: String,
    /// A reload of the page on screen (keeps its place) rather than a new page.
    reload: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct PendingList {
    id: RequestId,
    list: usize,
    append: bool,
}

/// A line of text being typed: the list filter or a search in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Filter(String),
    Find(String),
}

#[derive(Debug)]
pub struct App {
    pub settings: Settings,
    /// The sections, then the saved articles.
    pub lists: Vec<HeadlineList>,
    pub tab: usize,
    pub read: HashSet<String>,
    pub saved: HashSet<String>,
    pub current: Option<Page>,
    pub back: Vec<Page>,
    pub forward: Vec<Page>,
    pub focus: Focus,
    pub size: (u16, u16),
    pub help: bool,
    pub error: Option<String>,
    /// Whether `error` is a page or list that failed to load, which the next one to load
    /// replaces. Any other (a notice from the store, set at start or sent by the worker)
    /// stays until the next key: no load has anything to do with it, and one arriving
    /// must not wipe it before it is read.
    error_is_load: bool,
    /// A passing message (saved, copied); cleared by the next key.
    pub notice: Option<String>,
    /// The address of a page that could not be read here, offered to the browser (`o`).
    pub offer_browser: Option<String>,
    /// Digits typed in the reader before Enter: the number of a link.
    pub number: Option<usize>,
    /// Text being typed, if any.
    pub input: Option<Input>,
    /// The list filter in force.
    pub filter: String,
    /// The search in the article in force.
    pub find: String,
    /// The line of the current match (the reader cannot always scroll it to the top).
    found_line: Option<usize>,
    /// The lines that hold the search, found once per search and layout.
    matches: Vec<usize>,
    pub prefetching: usize,
    pub spinner: usize,
    pub quit: bool,
    /// The current article laid out for the reader's width.
    pub lines: ArticleLines,
    /// The article `lines` was made from.
    laid_out: Option<Arc<Article>>,
    pending: Option<Pending>,
    pending_lists: Vec<PendingList>,
    next_id: RequestId,
}

impl App {
    pub fn new(settings: Settings, size: (u16, u16)) -> Self {
        let mut lists: Vec<HeadlineList> = settings
            .sections
            .iter()
            .map(|(name, url)| HeadlineList::new(name, Some(url)))
            .collect();
        lists.push(HeadlineList::new(settings.words.saved_view, None));
        App {
            settings,
            lists,
            tab: 0,
            read: HashSet::new(),
            saved: HashSet::new(),
            current: None,
            back: Vec::new(),
            forward: Vec::new(),
            focus: Focus::List,
            size,
            help: false,
            error: None,
            error_is_load: false,
            notice: None,
            offer_browser: None,
            number: None,
            input: None,
            filter: String::new(),
            find: String::new(),
            found_line: None,
            matches: Vec::new(),
            prefetching: 0,
            spinner: 0,
            quit: false,
            lines: ArticleLines::default(),
            laid_out: None,
            pending: None,
            pending_lists: Vec::new(),
            next_id: 1,
        }
    }

    /// Shows what the store holds for the first section before anything is fetched, so
    /// the first frame already has headlines.
    pub fn show_stored(
        &mut self,
        page: HeadlinePage,
        fetched_at: DateTime<Utc>,
        read: HashSet<String>,
    ) {
        self.read.extend(read);
        let list = &mut self.lists[self.tab];
        list.set(page.headlines, false, "");
        list.next = page.next;
        list.fetched_at = Some(fetched_at);
    }

    /// The requests that start the app: the first section's list.
    pub fn start(&mut self) -> Vec<Request> {
        self.load_tab(self.tab, false).into_iter().collect()
    }

    pub fn words(&self) -> &Words {
        &self.settings.words
    }

    pub fn list(&self) -> &HeadlineList {
        &self.lists[self.tab]
    }

    fn list_mut(&mut self) -> &mut HeadlineList {
        &mut self.lists[self.tab]
    }

    pub fn is_saved_view(&self) -> bool {
        self.tab == self.lists.len() - 1
    }

    pub fn is_loading(&self) -> bool {
        self.pending.is_some() || !self.pending_lists.is_empty() || self.prefetching > 0
    }

    /// What is loading, in words, for the status line.
    pub fn loading_words(&self) -> Option<String> {
        let w = self.words();
        let mut what = Vec::new();
        if self.pending.is_some() {
            what.push(w.article.to_string());
        }
        if let Some(p) = self.pending_lists.first() {
            what.push(
                if p.append {
                    w.more_headlines
                } else {
                    w.headlines
                }
                .to_string(),
            );
        }
        let mut out = (!what.is_empty())
            .then(|| format!("{} {}", w.loading, what.join(&format!(" {} ", w.and))));
        if self.prefetching > 0 {
            let pre = format!("{} {}", w.prefetching, self.prefetching);
            out = Some(match out {
                Some(o) => format!("{o} · {pre}"),
                None => pre,
            });
        }
        out
    }

    pub fn unread_count(&self) -> usize {
        self.list()
            .visible()
            .filter(|h| !self.read.contains(&h.url))
            .count()
    }

    pub fn panes(&self) -> Panes {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        layout::panes(area, self.focus == Focus::Reader)
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Request> {
        let mut out = Vec::new();
        match msg {
            Msg::Key(key) => self.key(key, &mut out),
            Msg::Mouse(m) => self.mouse(m, &mut out),
            Msg::Resize(w, h) => self.size = (w, h),
            Msg::Answer(a) => self.answer(a, &mut out),
            Msg::Tick => self.spinner = self.spinner.wrapping_add(1),
            Msg::Refresh => {
                if !self.pending_lists.iter().any(|p| p.list == self.tab) {
                    out.extend(self.load_tab(self.tab, false));
                }
            }
            Msg::Quit => self.quit = true,
        }
        if self.quit {
            out.extend(self.position_request());
        }
        self.relayout();
        let rows = self.list_rows();
        self.list_mut().keep_visible(rows);
        out
    }

    fn key(&mut self, key: KeyEvent, out: &mut Vec<Request>) {
        self.notice = None;
        if !self.error_is_load {
            self.error = None;
        }
        if keymap::is_interrupt(key) {
            self.quit = true;
            return;
        }
        if self.input.is_some() {
            self.type_key(key);
            return;
        }
        if let KeyCode::Char(c @ '0'..='9') = key.code
            && self.focus == Focus::Reader
            && !self.help
        {
            let digit = c.to_digit(10).unwrap_or(0) as usize;
            self.number = Some(
                self.number
                    .unwrap_or(0)
                    .saturating_mul(10)
                    .saturating_add(digit),
            );
            return;
        }
        let Some(action) = self.settings.keymap.action_for(key) else {
            self.number = None;
            return;
        };
        if self.help {
            // The overlay takes every key but quit: any key closes it.
            self.help = false;
            self.quit = action == Action::Quit;
            return;
        }
        // ← and → switch sections only in the list; in the reader they do nothing.
        if matches!(key.code, KeyCode::Left | KeyCode::Right) && self.focus == Focus::Reader {
            return;
        }
        let number = self.number.take();
        self.offer_browser = self
            .offer_browser
            .take()
            .filter(|_| action == Action::OpenInBrowser);
        self.act(action, number, out);
    }

    fn act(&mut self, action: Action, number: Option<usize>, out: &mut Vec<Request>) {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.help = true,
            Action::Down => self.move_by(1, out),
            Action::Up => self.move_by(-1, out),
            Action::PageDown => self.move_by(self.page_rows() as isize, out),
            Action::PageUp => self.move_by(-(self.page_rows() as isize), out),
            Action::Top => self.move_by(isize::MIN / 2, out),
            Action::Bottom => self.move_by(isize::MAX / 2, out),
            Action::SwitchPane => {
                self.focus = match self.focus {
                    Focus::List if self.current.is_some() || self.pending.is_some() => {
                        Focus::Reader
                    }
                    _ => Focus::List,
                }
            }
            Action::Open => match (self.focus, number) {
                (Focus::Reader, Some(n)) => self.follow(n, out),
                (Focus::List, _) => self.open_selected(out),
                (Focus::Reader, None) => {}
            },
            Action::Back => self.go_back(out),
            Action::Forward => self.go_forward(out),
            Action::PrevSection => self.switch_tab(-1, out),
            Action::NextSection => self.switch_tab(1, out),
            Action::SavedView => {
                let saved = self.lists.len() - 1;
                self.switch_tab(saved as isize - self.tab as isize, out);
            }
            Action::Filter => {
                self.input = Some(match self.focus {
                    Focus::List => Input::Filter(self.filter.clone()),
                    Focus::Reader => Input::Find(String::new()),
                });
            }
            Action::NextMatch => self.jump_to_match(true),
            Action::PrevMatch => self.jump_to_match(false),
            Action::ToggleRead => {
                let url = match self.focus {
                    Focus::List => self.list().selected().map(|h| h.url.clone()),
                    Focus::Reader => self.current.as_ref().map(|p| p.article.url.clone()),
                };
                if let Some(url) = url {
                    let read = !self.read.contains(&url);
                    self.set_read(vec![url], read, out);
                }
            }
            Action::MarkAllRead => {
                let urls: Vec<String> = self.list().visible().map(|h| h.url.clone()).collect();
                self.set_read(urls, true, out);
            }
            Action::Save => {
                if self.current.is_some() && !self.settings.store {
                    self.warn(self.words().needs_store.to_string());
                } else if let Some(page) = &self.current {
                    let url = page.article.url.clone();
                    let saved = !self.saved.contains(&url);
                    out.push(Request::SetSaved {
                        article: page.article.clone(),
                        saved,
                    });
                    let w = self.words();
                    self.notice = Some(if saved { w.saved } else { w.unsaved }.to_string());
                    if saved {
                        self.saved.insert(url);
                    } else {
                        self.saved.remove(&url);
                    }
                }
            }
            Action::CopyUrl => {
                if let Some(url) = self.focused_url() {
                    out.push(Request::Copy { text: url });
                    self.notice = Some(self.words().copied.to_string());
                }
            }
            Action::Close => {
                if !self.filter.is_empty() && self.focus == Focus::List {
                    self.filter.clear();
                    self.list_mut().apply("");
                } else if !self.find.is_empty() {
                    self.find.clear();
                } else if self.focus == Focus::Reader {
                    self.focus = Focus::List;
                }
            }
            Action::Reload => match self.focus {
                Focus::List => out.extend(self.load_tab(self.tab, false)),
                Focus::Reader => {
                    if let Some(url) = self.current.as_ref().map(|p| p.article.url.clone()) {
                        out.push(self.load_article(url, true));
                    }
                }
            },
            Action::OpenInBrowser => {
                let url = self.offer_browser.take().or_else(|| self.focused_url());
                if let Some(url) =
                    url.filter(|u| u.starts_with("https://") || u.starts_with("http://"))
                {
                    out.push(Request::OpenInBrowser { url });
                }
            }
        }
    }

    /// A key while text is being typed: it edits the text; Enter keeps it, Esc drops it.
    fn type_key(&mut self, key: KeyEvent) {
        let Some(input) = &mut self.input else { return };
        let text = match input {
            Input::Filter(t) | Input::Find(t) => t,
        };
        match key.code {
            KeyCode::Char(c) => text.push(c),
            KeyCode::Backspace => {
                text.pop();
            }
            KeyCode::Enter => {
                if let Some(Input::Find(t)) = self.input.take() {
                    self.find = t;
                    self.found_line = None;
                    self.find_matches();
                    self.jump_to_match(true);
                }
                return;
            }
            KeyCode::Esc => {
                if let Some(Input::Filter(_)) = self.input.take() {
                    self.filter.clear();
                    self.list_mut().apply("");
                }
                return;
            }
            _ => return,
        }
        // The list filters as the user types.
        if let Some(Input::Filter(t)) = &self.input {
            self.filter = t.clone();
            let filter = self.filter.clone();
            self.list_mut().apply(&filter);
        }
    }

    /// The lines of the laid-out article that hold the search, ignoring case and accents.
    fn find_matches(&mut self) {
        let query = list::fold(&self.find);
        self.matches = if query.is_empty() {
            Vec::new()
        } else {
            self.lines
                .lines
                .iter()
                .enumerate()
                .filter(|(_, l)| list::fold(&l.text).contains(&query))
                .map(|(i, _)| i)
                .collect()
        };
    }

    /// Scrolls to the next (or previous) line holding the search words.
    fn jump_to_match(&mut self, forward: bool) {
        if self.find.is_empty() {
            return;
        }
        let matches = &self.matches;
        // A new search starts from the top of the screen, the line there included.
        let top = self.current.as_ref().map_or(0, |p| p.scroll);
        let target = match (forward, self.found_line) {
            (true, Some(at)) => matches.iter().find(|&&i| i > at).or(matches.first()),
            (false, Some(at)) => matches.iter().rev().find(|&&i| i < at).or(matches.last()),
            (_, None) => matches.iter().find(|&&i| i >= top).or(matches.first()),
        };
        match target.copied() {
            Some(line) => {
                self.found_line = Some(line);
                let max = self.max_scroll();
                if let Some(page) = &mut self.current {
                    page.scroll = line.min(max);
                }
                let nth = matches.iter().position(|&m| m == line).unwrap_or(0) + 1;
                let words = self.settings.words.matches;
                self.notice = Some(format!("{words} {nth}/{}", matches.len()));
            }
            None => self.notice = Some(format!("{}: {}", self.settings.words.no_match, self.find)),
        }
    }

    fn focused_url(&self) -> Option<String> {
        match self.focus {
            Focus::Reader => self.current.as_ref().map(|p| p.article.url.clone()),
            Focus::List => self.list().selected().map(|h| h.url.clone()),
        }
    }

    fn set_read(&mut self, urls: Vec<String>, read: bool, out: &mut Vec<Request>) {
        for u in &urls {
            if read {
                self.read.insert(u.clone());
            } else {
                self.read.remove(u);
            }
        }
        out.push(Request::MarkRead { urls, read });
    }

    fn mouse(&mut self, m: MouseEvent, out: &mut Vec<Request>) {
        let at = Position::new(m.column, m.row);
        let panes = self.panes();
        let in_list = panes.list.is_some_and(|r| r.contains(at));
        let in_reader = panes.reader.is_some_and(|r| r.contains(at));
        match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let step = if m.kind == MouseEventKind::ScrollDown {
                    3
                } else {
                    -3
                };
                if in_list {
                    self.move_list(step, out);
                } else if in_reader {
                    self.scroll_reader(step);
                }
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if let (true, Some(pane)) = (in_list, panes.list) {
                    self.focus = Focus::List;
                    let inner = layout::inner(pane);
                    if at.y >= inner.y {
                        let row = usize::from((at.y - inner.y) / ROWS_PER_HEADLINE);
                        let index = self.list().offset + row;
                        if index < self.list().visible_len() {
                            self.list_mut().selected = index;
                            self.open_selected(out);
                        }
                    }
                } else if let (true, Some(pane)) = (in_reader, panes.reader) {
                    let inner = layout::inner(pane);
                    let scroll = self.current.as_ref().map_or(0, |p| p.scroll);
                    if at.y >= inner.y
                        && let Some(n) = self.lines.link_at(scroll + usize::from(at.y - inner.y))
                    {
                        self.follow(n, out);
                    }
                }
            }
            _ => {}
        }
    }

    fn answer(&mut self, answer: Answer, out: &mut Vec<Request>) {
        match answer {
            Answer::Article {
                id,
                result,
                position,
                saved,
            } => {
                let Some(pending) = self.pending.take_if(|p| p.id == id) else {
                    // An answer for a page the reader already left.
                    return;
                };
                match result {
                    Ok(article) => {
                        if !pending.reload {
                            out.extend(self.position_request());
                        }
                        self.show(Arc::from(article), pending.reload, position, saved);
                    }
                    Err(e) => {
                        self.load_failed(e);
                        self.offer_browser = Some(pending.url);
                    }
                }
            }
            Answer::Headlines {
                id,
                result,
                fetched_at,
                read,
            } => {
                let Some(i) = self.pending_lists.iter().position(|p| p.id == id) else {
                    return;
                };
                let pending = self.pending_lists.remove(i);
                match result {
                    Ok(page) => {
                        self.read.extend(read);
                        let filter = if pending.list == self.tab {
                            self.filter.clone()
                        } else {
                            String::new()
                        };
                        let list = &mut self.lists[pending.list];
                        list.set(page.headlines, pending.append, &filter);
                        list.next = page.next;
                        if !pending.append {
                            list.fetched_at = Some(fetched_at);
                        }
                        self.loaded();
                    }
                    Err(e) => self.load_failed(e),
                }
            }
            Answer::Saved { id, list } => {
                let Some(i) = self.pending_lists.iter().position(|p| p.id == id) else {
                    return;
                };
                let pending = self.pending_lists.remove(i);
                self.saved = list.iter().map(|h| h.url.clone()).collect();
                let filter = if pending.list == self.tab {
                    self.filter.clone()
                } else {
                    String::new()
                };
                self.lists[pending.list].set(list, false, &filter);
            }
            Answer::Prefetching(n) => self.prefetching = n,
            Answer::Notice(words) => self.warn(words),
        }
    }

    fn load_failed(&mut self, words: String) {
        self.error = Some(words);
        self.error_is_load = true;
    }

    /// Something loaded: a failure to load is no longer news.
    fn loaded(&mut self) {
        if self.error_is_load {
            self.error = None;
            self.error_is_load = false;
        }
    }

    fn warn(&mut self, words: String) {
        self.error = Some(words);
        self.error_is_load = false;
    }

    /// Puts an arrived article on screen: a new page goes on top of the history.
    fn show(&mut self, article: Arc<Article>, reload: bool, position: usize, saved: bool) {
        let url = article.url.clone();
        match (&mut self.current, reload) {
            (Some(page), true) => page.article = article,
            (current, _) => {
                if let Some(old) = current.take() {
                    self.back.push(old);
                }
                self.forward.clear();
                self.current = Some(Page {
                    article,
                    scroll: position,
                });
            }
        }
        if saved {
            self.saved.insert(url.clone());
        }
        self.read.insert(url);
        self.find.clear();
        self.found_line = None;
        self.loaded();
    }

    fn move_by(&mut self, delta: isize, out: &mut Vec<Request>) {
        match self.focus {
            Focus::List => self.move_list(delta, out),
            Focus::Reader => self.scroll_reader(delta),
        }
    }

    /// Moves the selection; moving onto the last headline loads the next page of the list.
    fn move_list(&mut self, delta: isize, out: &mut Vec<Request>) {
        let at_end = self.list_mut().move_by(delta);
        if at_end && !self.pending_lists.iter().any(|p| p.list == self.tab) {
            out.extend(self.load_tab(self.tab, true));
        }
    }

    fn scroll_reader(&mut self, delta: isize) {
        let max = self.max_scroll();
        if let Some(page) = &mut self.current {
            page.scroll = page.scroll.saturating_add_signed(delta).min(max);
        }
    }

    fn switch_tab(&mut self, delta: isize, out: &mut Vec<Request>) {
        let n = self.lists.len() as isize;
        self.tab = (self.tab as isize + delta).rem_euclid(n) as usize;
        self.focus = Focus::List;
        let filter = self.filter.clone();
        self.list_mut().apply(&filter);
        let list = self.list();
        if (list.headlines.is_empty() || self.is_saved_view())
            && !self.pending_lists.iter().any(|p| p.list == self.tab)
        {
            out.extend(self.load_tab(self.tab, false));
        }
    }

    fn list_rows(&self) -> usize {
        let rows = self.panes().list.map_or(0, |r| layout::inner(r).height);
        usize::from((rows / ROWS_PER_HEADLINE).max(1))
    }

    fn reader_rows(&self) -> usize {
        self.panes()
            .reader
            .map_or(0, |r| usize::from(layout::inner(r).height))
    }

    fn page_rows(&self) -> usize {
        match self.focus {
            Focus::List => self.list_rows(),
            Focus::Reader => self.reader_rows().saturating_sub(2).max(1),
        }
    }

    pub fn max_scroll(&self) -> usize {
        self.lines.lines.len().saturating_sub(self.reader_rows())
    }

    /// How far through the article the bottom of the reader is, in percent.
    pub fn position_percent(&self) -> Option<usize> {
        let page = self.current.as_ref()?;
        let total = self.lines.lines.len().max(1);
        let seen = (page.scroll + self.reader_rows()).min(total);
        Some(seen * 100 / total)
    }

    fn open_selected(&mut self, out: &mut Vec<Request>) {
        if let Some(url) = self.list().selected().map(|h| h.url.clone()) {
            out.push(self.load_article(url, false));
            self.focus = Focus::Reader;
        }
    }

    fn follow(&mut self, n: usize, out: &mut Vec<Request>) {
        let url = self
            .current
            .as_ref()
            .and_then(|p| p.article.link_url(n).map(str::to_string));
        match url {
            Some(url) => out.push(self.load_article(url, false)),
            None => self.warn(format!("{} [{n}]", self.words().no_link)),
        }
    }

    /// Where the reader is in the article on screen, to remember it.
    fn position_request(&self) -> Option<Request> {
        self.current.as_ref().map(|p| Request::SavePosition {
            url: p.article.url.clone(),
            line: p.scroll,
        })
    }

    fn go_back(&mut self, out: &mut Vec<Request>) {
        match self.back.pop() {
            Some(prev) => {
                out.extend(self.position_request());
                if let Some(cur) = self.current.replace(prev) {
                    self.forward.push(cur);
                }
                self.pending = None;
            }
            None => self.focus = Focus::List,
        }
    }

    fn go_forward(&mut self, out: &mut Vec<Request>) {
        if let Some(next) = self.forward.pop() {
            out.extend(self.position_request());
            if let Some(cur) = self.current.replace(next) {
                self.back.push(cur);
            }
            self.pending = None;
        }
    }

    fn load_article(&mut self, url: String, fresh: bool) -> Request {
        let id = self.take_id();
        self.pending = Some(Pending {
            id,
            url: url.clone(),
            reload: fresh,
        });
        Request::Article { id, url, fresh }
    }

    /// Loads list `tab` (or its next page); nothing when there is no next page.
    fn load_tab(&mut self, tab: usize, append: bool) -> Option<Request> {
        let list = &self.lists[tab];
        let url = match (&list.url, append) {
            (None, _) => None,
            (Some(url), false) => Some(url.clone()),
            (Some(_), true) => Some(list.next.clone()?),
        };
        if append && list.url.is_none() {
            return None;
        }
        let id = self.take_id();
        self.pending_lists.push(PendingList {
            id,
            list: tab,
            append,
        });
        Some(match url {
            Some(url) => Request::Headlines { id, url, append },
            None => Request::Saved { id },
        })
    }

    fn take_id(&mut self) -> RequestId {
        self.next_id += 1;
        self.next_id
    }

    /// Lays the current article out again when it or the reader's width changed.
    fn relayout(&mut self) {
        let width = self.panes().reader.map_or(0, |r| layout::inner(r).width);
        if let Some(page) = &self.current {
            let stale = self.lines.width != width
                || self
                    .laid_out
                    .as_ref()
                    .is_none_or(|a| !Arc::ptr_eq(a, &page.article));
            if stale && width > 0 {
                self.found_line = None;
                self.lines = ArticleLines::new(&page.article, width, self.settings.text_width);
                self.laid_out = Some(page.article.clone());
                self.find_matches();
            }
        }
        let max = self.max_scroll();
        if let Some(page) = &mut self.current {
            page.scroll = page.scroll.min(max);
        }
    }
}
