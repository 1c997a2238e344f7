//! The reader's whole state and the one pure function that changes it.
//!
//! `App::update(msg)` takes a key, a mouse event, a resize or a worker's answer, changes
//! the model and returns the requests for the worker. It does no I/O, so every behaviour
//! of the screen is tested by feeding it messages.

pub mod keymap;

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::article::{Article, Headline, HeadlinePage};
use crate::ui::layout::{self, ArticleLines, Panes, ROWS_PER_HEADLINE};
use keymap::Action;

/// Identifies one request, so an answer that comes after the user moved on is dropped.
pub type RequestId = u64;

/// Work for the background worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    Article { id: RequestId, url: String },
    Headlines { id: RequestId, url: String },
    OpenInBrowser { url: String },
}

/// What the worker sends back. Errors arrive as words, ready for the status line.
#[derive(Debug, Clone)]
pub enum Answer {
    Article {
        id: RequestId,
        result: Result<Box<Article>, String>,
    },
    Headlines {
        id: RequestId,
        result: Result<HeadlinePage, String>,
    },
}

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    Answer(Answer),
    /// Time passed while something loads (moves the spinner).
    Tick,
    Quit,
}

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
    /// Appending the next page of the list rather than replacing it.
    append: bool,
}

#[derive(Debug)]
pub struct App {
    pub index_url: String,
    pub headlines: Vec<Headline>,
    pub selected: usize,
    pub list_offset: usize,
    pub next_page: Option<String>,
    pub current: Option<Page>,
    pub back: Vec<Page>,
    pub forward: Vec<Page>,
    pub focus: Focus,
    pub size: (u16, u16),
    pub help: bool,
    pub error: Option<String>,
    /// The address of a page that could not be read here, offered to the browser (`o`).
    pub offer_browser: Option<String>,
    /// Digits typed in the reader before Enter: the number of a link.
    pub number: Option<usize>,
    pub spinner: usize,
    pub quit: bool,
    /// The current article laid out for the reader's width.
    pub lines: ArticleLines,
    /// The article `lines` was made from.
    laid_out: Option<Arc<Article>>,
    pending: Option<Pending>,
    pending_list: Option<PendingList>,
    next_id: RequestId,
}

impl App {
    pub fn new(index_url: &str, size: (u16, u16)) -> Self {
        App {
            index_url: index_url.to_string(),
            headlines: Vec::new(),
            selected: 0,
            list_offset: 0,
            next_page: None,
            current: None,
            back: Vec::new(),
            forward: Vec::new(),
            focus: Focus::List,
            size,
            help: false,
            error: None,
            offer_browser: None,
            number: None,
            spinner: 0,
            quit: false,
            lines: ArticleLines::default(),
            laid_out: None,
            pending: None,
            pending_list: None,
            next_id: 1,
        }
    }

    /// The requests that start the app: the first page of the headline list.
    pub fn start(&mut self) -> Vec<Request> {
        vec![self.load_list(self.index_url.clone(), false)]
    }

    pub fn is_loading(&self) -> bool {
        self.pending.is_some() || self.pending_list.is_some()
    }

    /// What is loading, in words, for the status line.
    pub fn loading_words(&self) -> Option<String> {
        let mut what = Vec::new();
        if self.pending.is_some() {
            what.push("article".to_string());
        }
        if let Some(p) = &self.pending_list {
            what.push(
                if p.append {
                    "more headlines"
                } else {
                    "headlines"
                }
                .to_string(),
            );
        }
        (!what.is_empty()).then(|| format!("loading {}", what.join(" and ")))
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
            Msg::Answer(a) => self.answer(a),
            Msg::Tick => self.spinner = self.spinner.wrapping_add(1),
            Msg::Quit => self.quit = true,
        }
        self.relayout();
        self.keep_selection_visible();
        out
    }

    fn key(&mut self, key: KeyEvent, out: &mut Vec<Request>) {
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
        let Some(action) = keymap::action_for(key) else {
            self.number = None;
            return;
        };
        if self.help {
            // The overlay takes every key but quit: any key closes it.
            self.help = false;
            if action == Action::Quit {
                self.quit = true;
            }
            return;
        }
        let number = self.number.take();
        self.offer_browser = self
            .offer_browser
            .take()
            .filter(|_| action == Action::OpenInBrowser);
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
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::Close => {
                if self.focus == Focus::Reader {
                    self.focus = Focus::List;
                }
            }
            Action::Reload => match self.focus {
                Focus::List => out.push(self.load_list(self.index_url.clone(), false)),
                Focus::Reader => {
                    if let Some(url) = self.current.as_ref().map(|p| p.article.url.clone()) {
                        out.push(self.load_article(url, true));
                    }
                }
            },
            Action::OpenInBrowser => {
                let url = self.offer_browser.take().or_else(|| match self.focus {
                    Focus::Reader => self.current.as_ref().map(|p| p.article.url.clone()),
                    Focus::List => self.headlines.get(self.selected).map(|h| h.url.clone()),
                });
                if let Some(url) =
                    url.filter(|u| u.starts_with("https://") || u.starts_with("http://"))
                {
                    out.push(Request::OpenInBrowser { url });
                }
            }
        }
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
                        let index = self.list_offset + row;
                        if index < self.headlines.len() {
                            self.selected = index;
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

    fn answer(&mut self, answer: Answer) {
        match answer {
            Answer::Article { id, result } => {
                let Some(pending) = self.pending.take_if(|p| p.id == id) else {
                    // An answer for a page the reader already left.
                    return;
                };
                match result {
                    Ok(article) => {
                        let article: Arc<Article> = Arc::from(article);
                        match (&mut self.current, pending.reload) {
                            (Some(page), true) => page.article = article,
                            (current, _) => {
                                if let Some(old) = current.take() {
                                    self.back.push(old);
                                }
                                self.forward.clear();
                                self.current = Some(Page { article, scroll: 0 });
                            }
                        }
                        self.error = None;
                    }
                    Err(e) => {
                        self.error = Some(e);
                        self.offer_browser = Some(pending.url);
                    }
                }
            }
            Answer::Headlines { id, result } => {
                let Some(pending) = self.pending_list.take_if(|p| p.id == id) else {
                    return;
                };
                match result {
                    Ok(page) => {
                        if pending.append {
                            for h in page.headlines {
                                if !self.headlines.iter().any(|o| o.url == h.url) {
                                    self.headlines.push(h);
                                }
                            }
                        } else {
                            self.headlines = page.headlines;
                            self.selected =
                                self.selected.min(self.headlines.len().saturating_sub(1));
                        }
                        self.next_page = page.next;
                        self.error = None;
                    }
                    Err(e) => self.error = Some(e),
                }
            }
        }
    }

    fn move_by(&mut self, delta: isize, out: &mut Vec<Request>) {
        match self.focus {
            Focus::List => self.move_list(delta, out),
            Focus::Reader => self.scroll_reader(delta),
        }
    }

    /// Moves the selection; moving onto the last headline loads the next page of the list.
    fn move_list(&mut self, delta: isize, out: &mut Vec<Request>) {
        let last = self.headlines.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        if self.selected == last
            && self.pending_list.is_none()
            && let Some(next) = self.next_page.clone()
        {
            out.push(self.load_list(next, true));
        }
    }

    fn scroll_reader(&mut self, delta: isize) {
        let max = self.max_scroll();
        if let Some(page) = &mut self.current {
            page.scroll = page.scroll.saturating_add_signed(delta).min(max);
        }
    }

    fn reader_rows(&self) -> usize {
        self.panes()
            .reader
            .map_or(0, |r| usize::from(layout::inner(r).height))
    }

    fn page_rows(&self) -> usize {
        match self.focus {
            Focus::List => {
                let rows = self.panes().list.map_or(0, |r| layout::inner(r).height);
                usize::from((rows / ROWS_PER_HEADLINE).max(1))
            }
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
        if let Some(url) = self.headlines.get(self.selected).map(|h| h.url.clone()) {
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
            None => self.error = Some(format!("there is no link [{n}] in this article")),
        }
    }

    fn go_back(&mut self) {
        match self.back.pop() {
            Some(prev) => {
                if let Some(cur) = self.current.replace(prev) {
                    self.forward.push(cur);
                }
                self.pending = None;
            }
            None => self.focus = Focus::List,
        }
    }

    fn go_forward(&mut self) {
        if let Some(next) = self.forward.pop() {
            if let Some(cur) = self.current.replace(next) {
                self.back.push(cur);
            }
            self.pending = None;
        }
    }

    fn load_article(&mut self, url: String, reload: bool) -> Request {
        let id = self.take_id();
        self.pending = Some(Pending {
            id,
            url: url.clone(),
            reload,
        });
        Request::Article { id, url }
    }

    fn load_list(&mut self, url: String, append: bool) -> Request {
        let id = self.take_id();
        self.pending_list = Some(PendingList { id, append });
        Request::Headlines { id, url }
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
                self.lines = ArticleLines::new(&page.article, width);
                self.laid_out = Some(page.article.clone());
            }
        }
        let max = self.max_scroll();
        if let Some(page) = &mut self.current {
            page.scroll = page.scroll.min(max);
        }
    }

    fn keep_selection_visible(&mut self) {
        let rows = self.panes().list.map_or(1, |r| {
            usize::from((layout::inner(r).height / ROWS_PER_HEADLINE).max(1))
        });
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + rows {
            self.list_offset = self.selected + 1 - rows;
        }
    }
}
