//! The reader pane: the article on screen with the history behind and ahead of it, each
//! page with its own view (scroll and layout, so going back does not lay out again), the
//! search in the article and the link number being typed.

use std::ops::Range;
use std::sync::Arc;

use super::layout::{self, ArticleLines, PhotoShown, Role};
use super::list::fold;
use super::messages::Ids;
use crate::article::{Article, Photo};
use crate::requests::{Request, RequestId};

/// A visit to an article: the article in the history, with where the reader was in it
/// and its layout.
#[derive(Debug, Clone)]
pub struct Visit {
    article: Arc<Article>,
    /// The address it was opened by (a redirect or a canonical link may differ).
    asked: String,
    scroll: usize,
    /// Laid out for the reader's width; empty until the reader has one.
    lines: ArticleLines,
}

impl Visit {
    fn new(article: Arc<Article>, asked: String, scroll: usize) -> Self {
        Visit {
            article,
            asked,
            scroll,
            lines: ArticleLines::default(),
        }
    }

    pub fn article(&self) -> &Arc<Article> {
        &self.article
    }

    pub fn scroll(&self) -> usize {
        self.scroll
    }

    pub fn lines(&self) -> &ArticleLines {
        &self.lines
    }

    /// Whether this page is the one at `url`.
    fn is_at(&self, url: &str) -> bool {
        self.article.url == url || self.asked == url
    }
}

/// What the reader asked to open and has not arrived yet.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pending {
    id: RequestId,
    url: String,
    /// A reload of the page on screen (keeps its place) rather than a new page.
    reload: bool,
    /// Opened from the headline list: it starts a new trail of pages, so going back
    /// from it returns to the list rather than to pages read before.
    from_list: bool,
}

#[derive(Debug, Default)]
pub struct Reader {
    current: Option<Visit>,
    back: Vec<Visit>,
    forward: Vec<Visit>,
    pending: Option<Pending>,
    /// The search in the article in force.
    find: String,
    /// The line of the current match (the reader cannot always scroll it to the top).
    found_line: Option<usize>,
    /// The lines that hold the search, each with where in it the search is, found once
    /// per search, page and layout rather than on every frame that shows them.
    matches: Vec<(usize, Vec<Range<usize>>)>,
    /// Digits typed before Enter: the number of a link.
    number: Option<usize>,
    /// The rows of text the pane shows.
    rows: usize,
}

/// How a page was opened, which decides its place in the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// The page on screen, loaded again.
    Reload,
    /// A headline of the list.
    FromList,
    /// A link of the page on screen.
    Link,
}

/// Where a jump to the next match of the search landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jump {
    NoSearch,
    NotFound,
    /// On match `nth` (from 1) of `of`.
    At {
        nth: usize,
        of: usize,
    },
}

impl Reader {
    pub fn page(&self) -> Option<&Visit> {
        self.current.as_ref()
    }

    pub fn history(&self) -> (usize, usize) {
        (self.back.len(), self.forward.len())
    }

    pub fn find(&self) -> &str {
        &self.find
    }

    pub fn number(&self) -> Option<usize> {
        self.number
    }

    pub fn is_loading(&self) -> bool {
        self.pending.is_some()
    }

    /// Where the reader is in the article on screen, to remember it.
    pub fn position_request(&self) -> Option<Request> {
        self.current.as_ref().map(|p| Request::SavePosition {
            url: p.article.url.clone(),
            line: p.scroll,
        })
    }

    /// Adds a digit to the link number being typed, unless the number would then have
    /// more digits than the article's count of links.
    pub fn type_digit(&mut self, digit: usize) {
        // The tags are numbered on after the links.
        let links = self.current.as_ref().map_or(0, |p| {
            p.article.numbered_links().count() + p.article.tags.len()
        });
        let number = self.number.unwrap_or(0) * 10 + digit;
        if number.to_string().len() <= links.to_string().len() && links > 0 {
            self.number = Some(number);
        }
    }

    pub fn take_number(&mut self) -> Option<usize> {
        self.number.take()
    }

    fn open(&mut self, url: String, fresh: bool, from_list: bool, ids: &mut Ids) -> Request {
        let id = ids.next();
        self.pending = Some(Pending {
            id,
            url: url.clone(),
            reload: fresh,
            from_list,
        });
        Request::Article { id, url, fresh }
    }

    /// A headline of the list, opened: `None` when it is the page on screen already
    /// (and nothing else is loading), which is shown as it was left.
    pub fn open_from_list(&mut self, url: String, ids: &mut Ids) -> Option<Request> {
        if self.pending.is_none() && self.current.as_ref().is_some_and(|p| p.is_at(&url)) {
            return None;
        }
        Some(self.open(url, false, true, ids))
    }

    pub fn reload(&mut self, ids: &mut Ids) -> Option<Request> {
        let url = self.current.as_ref()?.article.url.clone();
        Some(self.open(url, true, false, ids))
    }

    /// The address of link `n` of the article on screen.
    pub fn link(&self, n: usize) -> Option<String> {
        Some(self.current.as_ref()?.article.link_url(n)?.to_string())
    }

    /// An address typed in, opened on top of the history like a link.
    pub fn open_address(&mut self, url: String, ids: &mut Ids) -> Request {
        self.open(url, false, false, ids)
    }

    /// Link `n` of the article on screen, opened; `None` when it has no such link.
    pub fn follow(&mut self, n: usize, ids: &mut Ids) -> Option<Request> {
        let url = self.link(n)?;
        Some(self.open(url, false, false, ids))
    }

    /// Matches an answer to what was asked: the address asked for, and how it was
    /// opened; `None` for a page not asked for, or left since.
    pub fn answered(&mut self, id: RequestId) -> Option<(String, Opened)> {
        self.pending.take_if(|p| p.id == id).map(|p| {
            let opened = match (p.reload, p.from_list) {
                (true, _) => Opened::Reload,
                (false, true) => Opened::FromList,
                (false, false) => Opened::Link,
            };
            (p.url, opened)
        })
    }

    /// Puts an arrived article on screen: a reload, or the page on screen opened again,
    /// replaces it and keeps its place; a link goes on top of the history; a headline
    /// from the list starts a new history.
    pub fn show(&mut self, article: Arc<Article>, asked: String, opened: Opened, position: usize) {
        let same = self
            .current
            .as_ref()
            .is_some_and(|p| p.article.url == article.url);
        match (&mut self.current, opened) {
            (Some(page), _) if same || opened == Opened::Reload => {
                *page = Visit::new(article, asked, page.scroll);
            }
            (current, _) => {
                if opened == Opened::FromList {
                    self.back.clear();
                } else if let Some(old) = current.take() {
                    self.back.push(old);
                }
                self.forward.clear();
                self.current = Some(Visit::new(article, asked, position));
            }
        }
        self.find.clear();
        self.entered();
    }

    /// Goes back a page; false when there is none.
    pub fn go_back(&mut self) -> bool {
        self.step(false)
    }

    /// Goes forward a page; false when there is none.
    pub fn go_forward(&mut self) -> bool {
        self.step(true)
    }

    fn step(&mut self, forward: bool) -> bool {
        let (from, to) = if forward {
            (&mut self.forward, &mut self.back)
        } else {
            (&mut self.back, &mut self.forward)
        };
        let Some(page) = from.pop() else {
            return false;
        };
        if let Some(cur) = self.current.replace(page) {
            to.push(cur);
        }
        self.pending = None;
        self.entered();
        true
    }

    /// Another page is on screen: the search starts again on its lines.
    fn entered(&mut self) {
        self.found_line = None;
        self.find_matches();
    }

    pub fn clear_find(&mut self) -> bool {
        let had = !self.find.is_empty();
        self.find.clear();
        self.matches.clear();
        had
    }

    pub fn set_find(&mut self, find: String) {
        self.find = find;
        self.entered();
    }

    /// The lines of the laid-out article that hold the search, ignoring case and accents.
    fn find_matches(&mut self) {
        let query = fold(&self.find);
        self.matches = match &self.current {
            Some(page) if !query.is_empty() => page
                .lines
                .lines
                .iter()
                .enumerate()
                // The whole line folded at once rules most lines out more cheaply than
                // folding it a character at a time to find where the search is.
                .filter(|(_, l)| fold(&l.text).contains(&query))
                .map(|(i, l)| (i, layout::find_ranges(&l.text, &self.find)))
                .filter(|(_, ranges)| !ranges.is_empty())
                .collect(),
            _ => Vec::new(),
        };
    }

    /// Line `i` of the page on screen in pieces with their roles, the matches of the
    /// search marked (those of the line the search is at as the current ones).
    pub fn line_pieces(&self, i: usize) -> Vec<(&str, Role)> {
        let Some(line) = self.current.as_ref().and_then(|p| p.lines.lines.get(i)) else {
            return Vec::new();
        };
        let Ok(k) = self.matches.binary_search_by_key(&i, |(line, _)| *line) else {
            return vec![(line.text.as_str(), line.role)];
        };
        let found = if self.found_line == Some(i) {
            Role::CurrentMatch
        } else {
            Role::Match
        };
        layout::split_matches(line, &self.matches[k].1, found)
    }

    /// Scrolls to the next (or previous) line holding the search.
    pub fn jump_to_match(&mut self, forward: bool) -> Jump {
        if self.find.is_empty() {
            return Jump::NoSearch;
        }
        let lines = || self.matches.iter().map(|(line, _)| *line);
        // A new search starts from the top of the screen, the line there included.
        let top = self.current.as_ref().map_or(0, |p| p.scroll);
        let target = match (forward, self.found_line) {
            (true, Some(at)) => lines().find(|&i| i > at).or(lines().next()),
            (false, Some(at)) => lines().rev().find(|&i| i < at).or(lines().next_back()),
            (_, None) => lines().find(|&i| i >= top).or(lines().next()),
        };
        let Some(line) = target else {
            return Jump::NotFound;
        };
        let nth = lines().position(|m| m == line).unwrap_or(0) + 1;
        let of = self.matches.len();
        self.found_line = Some(line);
        let max = self.max_scroll();
        if let Some(page) = &mut self.current {
            page.scroll = line.min(max);
        }
        Jump::At { nth, of }
    }

    pub fn scroll_by(&mut self, delta: isize) {
        let max = self.max_scroll();
        if let Some(page) = &mut self.current {
            page.scroll = page.scroll.saturating_add_signed(delta).min(max);
        }
    }

    pub fn page_rows(&self) -> usize {
        self.rows.saturating_sub(2).max(1)
    }

    pub fn max_scroll(&self) -> usize {
        self.current
            .as_ref()
            .map_or(0, |p| p.lines.lines.len().saturating_sub(self.rows))
    }

    /// Where the top of the pane is, in percent of the way it can scroll: 0 at the top of
    /// the article, 100 when its end is on screen; `None` when the whole article fits.
    pub fn position_percent(&self) -> Option<usize> {
        let page = self.current.as_ref()?;
        match self.max_scroll() {
            0 => None,
            max => Some(page.scroll.min(max) * 100 / max),
        }
    }

    /// The photos with a line on screen, top first (each once).
    pub fn photos_on_screen(&self) -> Vec<&Photo> {
        let Some(page) = &self.current else {
            return Vec::new();
        };
        let shown = page.scroll..page.scroll + self.rows;
        let mut photos: Vec<&Photo> = Vec::new();
        for (_, n) in page
            .lines
            .link_lines
            .iter()
            .filter(|(l, _)| shown.contains(l))
        {
            if let Some(photo) = page.article.photo(*n)
                && !photos.contains(&photo)
            {
                photos.push(photo);
            }
        }
        photos
    }

    /// The link (or tag) shown at `row` and `column` of the pane, if any.
    pub fn link_at_cell(&self, row: usize, column: usize) -> Option<usize> {
        let page = self.current.as_ref()?;
        page.lines.link_at_cell(page.scroll + row, column)
    }

    /// Every page, on screen or in the history, is laid out again when it is next fitted
    /// (a picture's rows came): a width of 0 matches no pane's.
    pub fn lay_out_again(&mut self) {
        let visits = self.current.iter_mut();
        for visit in visits.chain(&mut self.back).chain(&mut self.forward) {
            visit.lines.width = 0;
        }
    }

    /// Fits the page on screen to a pane of `width` × `rows`: laid out again only when
    /// the width changed (a pane hidden, of width 0, keeps the layout it had).
    /// `photos` says how each photo shows.
    pub fn fit(
        &mut self,
        width: u16,
        rows: usize,
        text_width: u16,
        photos: &dyn Fn(&str) -> PhotoShown,
    ) {
        self.rows = rows;
        if let Some(page) = &mut self.current
            && page.lines.width != width
            && width > 0
        {
            page.lines = ArticleLines::with_pictures(&page.article, width, text_width, photos);
            self.entered();
        }
        let max = self.max_scroll();
        if let Some(page) = &mut self.current {
            page.scroll = page.scroll.min(max);
        }
    }
}
