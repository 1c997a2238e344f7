//! The reader's whole state and the one pure function that changes it.
//!
//! `App::update(msg)` takes a key, a mouse event, a resize or a worker's answer, changes
//! the model and returns the requests for the worker. It does no I/O, so every behaviour
//! of the screen is tested by feeding it messages.

mod clock;
pub mod layout;
pub mod list;
mod messages;
mod overlay;
mod photos;
mod reader;
mod saving;
mod search;
mod sections;
mod settings;
mod status;

pub use crate::requests::{Answer, Request, RequestId};
pub use clock::Clock;
pub use messages::Msg;
pub use overlay::Overlay;
pub use photos::PhotoState;
pub use reader::Visit;
pub use settings::{Settings, theme_from_colors};
pub use status::Logged;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use crossterm::event::{KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use crate::article::{HeadlinePage, Passage};
use crate::error::Error;
use crate::keymap::{Action, Command, Context};
use crate::words::Words;
use layout::{ArticleLines, Panes, PhotoShown};
use list::HeadlineList;
use messages::Ids;
use reader::{Jump, Opened, Reader};
use sections::Sections;
use status::{Origin, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Reader,
}

/// A line of text being typed: the list filter, a search in the article or an address
/// to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Filter(String),
    Find(String),
    Address(String),
    /// A search: of the store, or of Kompas after `@`.
    Search(String),
    /// A date whose index to open.
    Date(String),
}

#[derive(Debug)]
pub struct App {
    settings: Settings,
    sections: Sections,
    reader: Reader,
    status: Status,
    read: HashSet<String>,
    saved: HashSet<String>,
    focus: Focus,
    size: (u16, u16),
    /// The help or the message history, over the panes.
    overlay: Option<Overlay>,
    /// The first line of the overlay shown.
    overlay_scroll: usize,
    /// Text being typed, if any.
    input: Option<Input>,
    prefetching: usize,
    /// Headlines saved from the list, their article on its way.
    saving: saving::Saving,
    /// The photos asked of the worker this session, and what came back.
    photos: photos::Photos,
    spinner: usize,
    quit: bool,
    /// Ctrl-Z was pressed: the terminal loop is to stop the process until `fg`.
    suspend: bool,
    ids: Ids,
    /// The word to find in the article being opened from a search's results.
    find_on_open: Option<String>,
    /// The sources the timeline being loaded (request id) lacks, said on its tab once it
    /// arrives: its arrival clears the tab's failures, this one among them.
    lagging: Option<(RequestId, String)>,
}

impl App {
    pub fn new(settings: Settings, size: (u16, u16)) -> Self {
        let sections = Sections::new(&settings.sections, settings.words.saved_view);
        let status = Status::new(settings.clock.clone());
        let mut app = App {
            settings,
            sections,
            reader: Reader::default(),
            status,
            read: HashSet::new(),
            saved: HashSet::new(),
            focus: Focus::List,
            size,
            overlay: None,
            overlay_scroll: 0,
            input: None,
            prefetching: 0,
            saving: saving::Saving::default(),
            photos: photos::Photos::default(),
            spinner: 0,
            quit: false,
            suspend: false,
            ids: Ids::default(),
            find_on_open: None,
            lagging: None,
        };
        app.fit();
        app
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
        self.sections.show_stored(page, fetched_at);
    }

    /// A line for the status bar from start-up (the store was reset, say).
    pub fn warn(&mut self, words: String) {
        self.status.warn(words);
    }

    /// The requests that start the app: the first section's list.
    pub fn start(&mut self) -> Vec<Request> {
        self.sections.reload(&mut self.ids).into_iter().collect()
    }

    /// The requests that start the app on a page (`kabar URL`): that page first, read in
    /// the reader, then the first section's list as usual.
    pub fn start_at(&mut self, address: &str) -> Vec<Request> {
        let mut out = Vec::new();
        self.open_address(address, &mut out);
        out.extend(self.start());
        out
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn words(&self) -> &Words {
        &self.settings.words
    }

    /// The section tabs, then the saved articles.
    pub fn lists(&self) -> &[HeadlineList] {
        self.sections.lists()
    }

    pub fn tab(&self) -> usize {
        self.sections.tab()
    }

    /// The tabs that fit across the top, the current one among them, each with its count
    /// of unread headlines when it has any (`Nasional (3)`).
    pub fn tab_bar(&self) -> layout::TabBar {
        let labels: Vec<String> = self
            .lists()
            .iter()
            .enumerate()
            .map(|(tab, l)| {
                let mut label = match self.unread_in(l) {
                    0 => l.name.clone(),
                    n => format!("{} ({n})", l.name),
                };
                if self.tab_failed(tab) {
                    label.push_str(&format!(" {}", layout::FAILED_MARK));
                }
                label
            })
            .collect();
        let names: Vec<&str> = labels.iter().map(String::as_str).collect();
        layout::tab_bar(&names, self.tab(), self.size.0)
    }

    /// Whether the list of tab `tab` failed to load and has not loaded since.
    pub fn tab_failed(&self, tab: usize) -> bool {
        self.status.error(|o| o == Origin::Tab(tab)).is_some()
    }

    /// How many headlines of `list` are unread, whatever the filter lets through.
    pub fn unread_in(&self, list: &HeadlineList) -> usize {
        list.headlines
            .iter()
            .filter(|h| !self.read.contains(&h.url))
            .count()
    }

    pub fn list(&self) -> &HeadlineList {
        self.sections.list()
    }

    /// The list filter in force.
    pub fn filter(&self) -> &str {
        self.sections.filter()
    }

    /// The search in the article in force.
    pub fn find(&self) -> &str {
        self.reader.find()
    }

    /// The article on screen, with its place and layout.
    pub fn current(&self) -> Option<&Visit> {
        self.reader.page()
    }

    /// The article on screen as laid out for the reader (empty when there is none).
    pub fn lines(&self) -> &ArticleLines {
        static NONE: ArticleLines = ArticleLines {
            width: 0,
            margin: 0,
            lines: Vec::new(),
            link_lines: Vec::new(),
            tag_cells: Vec::new(),
            pictures: Vec::new(),
        };
        self.reader.page().map_or(&NONE, Visit::lines)
    }

    /// Line `i` of the article on screen in pieces with their roles, the matches of the
    /// search marked and a link whose page has been read told apart.
    pub fn line_pieces(&self, i: usize) -> Vec<(&str, layout::Role)> {
        let mut pieces = self.reader.line_pieces(i);
        let read = self
            .lines()
            .link_at(i)
            .and_then(|n| self.reader.link(n))
            .is_some_and(|url| self.is_read(&url));
        if read {
            for (_, role) in &mut pieces {
                if *role == layout::Role::Link {
                    *role = layout::Role::LinkRead;
                }
            }
        }
        pieces
    }

    /// How many pages are behind and ahead of the one on screen.
    pub fn history(&self) -> (usize, usize) {
        self.reader.history()
    }

    /// The section a page belongs to, as the lists label it (`Nasional`), if a list
    /// holds it.
    pub fn section_of(&self, url: &str) -> Option<&str> {
        self.sections
            .lists()
            .iter()
            .flat_map(|l| &l.headlines)
            .find(|h| h.url == url && h.label.is_some())
            .and_then(|h| h.label.as_deref())
    }

    /// Rows each entry of the list on screen takes: its title, its label and age, and
    /// for a search of the store the passage that matched.
    pub fn rows_per_headline(&self) -> u16 {
        let passage = if self.list().passages.is_empty() {
            0
        } else {
            layout::PASSAGE_ROWS
        };
        self.settings.headline_rows() + passage
    }

    pub fn is_read(&self, url: &str) -> bool {
        self.read.contains(url)
    }

    pub fn is_saved(&self, url: &str) -> bool {
        self.saved.contains(url)
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    pub fn input(&self) -> Option<&Input> {
        self.input.as_ref()
    }

    /// The link number being typed in the reader.
    pub fn number(&self) -> Option<usize> {
        self.reader.number()
    }

    /// The newest error of what is on screen: the app's, the reader's while it shows, the
    /// tab's on screen (not another tab's).
    pub fn error(&self) -> Option<&str> {
        self.shown_error().map(|(words, _)| words)
    }

    fn shown_error(&self) -> Option<(&str, Origin)> {
        let reader_shown = self.panes().reader.is_some();
        let tab = self.tab();
        self.status.error(|origin| match origin {
            Origin::App => true,
            Origin::Reader => reader_shown,
            Origin::Tab(n) => n == tab,
        })
    }

    pub fn notice(&self) -> Option<&str> {
        self.status.notice()
    }

    /// When the app wants to be woken (`Msg::Wake`) though nothing else happens: the
    /// end of the notice on screen.
    pub fn wake_at(&self) -> Option<DateTime<Utc>> {
        self.status.notice_ends()
    }

    /// The address `o` offers to the browser, while the reader's error is the one shown.
    pub fn offer_browser(&self) -> Option<&str> {
        self.status
            .offer_browser()
            .filter(|_| matches!(self.shown_error(), Some((_, Origin::Reader))))
    }

    /// Whether the error shown is the reader's while it keeps the page it had on screen
    /// (a page could not be opened, or loaded again).
    pub fn kept_page(&self) -> bool {
        matches!(self.shown_error(), Some((_, Origin::Reader))) && self.reader.page().is_some()
    }

    pub fn spinner(&self) -> usize {
        self.spinner
    }

    pub fn quit(&self) -> bool {
        self.quit
    }

    /// Whether Ctrl-Z asked to suspend; asking clears it, so the loop suspends once.
    pub fn take_suspend(&mut self) -> bool {
        std::mem::take(&mut self.suspend)
    }

    pub fn is_saved_view(&self) -> bool {
        self.sections.is_saved_view()
    }

    pub fn is_loading(&self) -> bool {
        self.reader.is_loading() || self.sections.is_loading() || self.prefetching > 0
    }

    /// Whether the list on screen is loading (a first load, a reload or its next page).
    pub fn list_loading(&self) -> bool {
        self.sections.loading_tab()
    }

    /// Whether the reader is waiting for a page.
    pub fn reader_loading(&self) -> bool {
        self.reader.is_loading()
    }

    /// What is loading, in words, for the status line.
    pub fn loading_words(&self) -> Option<String> {
        let w = self.words();
        let mut what = Vec::new();
        if self.reader.is_loading() {
            what.push(w.article.to_string());
        }
        if let Some(more) = self.sections.loading_more() {
            what.push(if more { w.more_headlines } else { w.headlines }.to_string());
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
        layout::panes(area, self.focus == Focus::Reader, self.settings.list_width)
    }

    pub fn max_scroll(&self) -> usize {
        self.reader.max_scroll()
    }

    /// Where the top of the reader is, in percent of the way it can scroll (0 at the top
    /// of the article, 100 at its end); `None` when the whole article fits.
    pub fn position_percent(&self) -> Option<usize> {
        self.reader.position_percent()
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Request> {
        let mut out = Vec::new();
        self.status.expire();
        match msg {
            Msg::Key(key) => self.key(key, &mut out),
            Msg::Mouse(m) => self.mouse(m, &mut out),
            Msg::Resize(w, h) => self.size = (w, h),
            Msg::Answer(a) => self.answer(a, &mut out),
            Msg::Tick => self.spinner = self.spinner.wrapping_add(1),
            Msg::Refresh => out.extend(self.sections.refresh(&mut self.ids)),
            Msg::Quit => self.quit = true,
            Msg::Wake => {}
        }
        if self.quit {
            out.extend(self.reader.position_request());
        }
        self.sections.list_mut().see_selected();
        self.fit();
        self.want_photos(&mut out);
        out
    }

    /// Asks for the photos on screen not asked for yet (none with `images = "off"`): the
    /// lead photo while the top of the article shows, and each `[foto]` line shown.
    fn want_photos(&mut self, out: &mut Vec<Request>) {
        let Some(page) = self.reader.page() else {
            return;
        };
        if self.settings.images == crate::config::Images::Off {
            return;
        }
        let article = page.article();
        let lead = article
            .image
            .as_deref()
            .filter(|_| page.scroll() < self.reader.page_rows());
        let in_text = self.reader.photos_on_screen();
        let urls = lead
            .into_iter()
            .chain(in_text.iter().map(|p| p.url.as_str()));
        out.extend(self.photos.want(urls, &article.url));
    }

    /// What is known of the photo at `url`: asked for, arrived (with its size), or not
    /// to be shown, and why.
    pub fn photo_state(&self, url: &str) -> Option<&PhotoState> {
        self.photos.state(url)
    }

    /// The requests for the photos at `urls` of the article on screen, asked for again
    /// because the screen let their pixels go (the worker has them from the store, where
    /// they are kept with the article).
    pub fn photos_again(&self, urls: Vec<String>) -> Vec<Request> {
        let Some(page) = self.current() else {
            return Vec::new();
        };
        let article = &page.article().url;
        urls.into_iter()
            .map(|url| Request::Photo {
                url,
                article: article.clone(),
            })
            .collect()
    }

    /// A photo arrived (or failed): the pages are laid out again (at the fit that follows
    /// every message) with its picture's rows when pictures are on, or its line marked
    /// when it failed, the one on screen and any in the history that shows it alike.
    fn photo_arrived(&mut self, url: String, result: Result<crate::picture::Size, String>) {
        let shows = self.settings.pictures || result.is_err();
        self.photos.arrived(url, result);
        if shows {
            self.reader.lay_out_again();
        }
    }

    /// Fits both panes to the screen: the article laid out for the reader's width, the
    /// list scrolled to keep its selection in sight.
    fn fit(&mut self) {
        let panes = self.panes();
        let reader = panes.reader.map(layout::inner).unwrap_or_default();
        let pictures = self.settings.pictures;
        let failed = self.words().photo_failed;
        let photos = &self.photos;
        self.reader.fit(
            reader.width,
            usize::from(reader.height),
            self.settings.text_width,
            &|url| match photos.state(url) {
                Some(PhotoState::Ready(size)) if pictures => PhotoShown::Picture(*size),
                Some(PhotoState::Failed(_)) => PhotoShown::Failed(failed),
                _ => PhotoShown::Line,
            },
        );
        // A list hidden behind the reader keeps its scroll for when it is back.
        if panes.list.is_some() {
            let rows = self.list_rows();
            self.sections.list_mut().keep_visible(rows);
        }
    }

    fn context(&self) -> Context {
        match (&self.input, self.overlay, self.focus) {
            (Some(_), _, _) => Context::Prompt,
            (None, Some(Overlay::Help), _) => Context::Help,
            (None, Some(Overlay::Messages), _) => Context::Messages,
            (None, None, Focus::List) => Context::List,
            (None, None, Focus::Reader) => Context::Reader,
        }
    }

    fn key(&mut self, key: KeyEvent, out: &mut Vec<Request>) {
        self.status.key_pressed();
        let context = self.context();
        let command = self.settings.keymap.command(context, key);
        match (context, command) {
            (_, Some(Command::Act(Action::Quit))) => self.quit = true,
            (_, Some(Command::Act(Action::Suspend))) => self.suspend = true,
            (Context::Prompt, Some(command)) => self.type_key(command, out),
            (Context::Help | Context::Messages, Some(Command::Act(action))) => {
                self.scroll_overlay(action);
            }
            (Context::Help | Context::Messages, Some(_)) => self.overlay = None,
            (Context::Help | Context::Messages, None) => {}
            (_, Some(Command::Digit(d))) => self.reader.type_digit(d),
            (_, Some(Command::Act(action))) => {
                let number = self.reader.take_number();
                if self.status.offer_browser().is_some() && action != Action::OpenInBrowser {
                    self.status.take_offer();
                }
                self.act(action, number, out);
            }
            (_, _) => {
                self.reader.take_number();
            }
        }
    }

    fn act(&mut self, action: Action, number: Option<usize>, out: &mut Vec<Request>) {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.open_overlay(Overlay::Help),
            Action::Messages => self.open_overlay(Overlay::Messages),
            Action::Down => self.move_by(1, out),
            Action::Up => self.move_by(-1, out),
            Action::PageDown => self.move_by(self.page_rows() as isize, out),
            Action::PageUp => self.move_by(-(self.page_rows() as isize), out),
            Action::HalfPageDown => self.move_by(self.half_page(), out),
            Action::HalfPageUp => self.move_by(-self.half_page(), out),
            Action::NextUnread => self.next_unread(out),
            Action::Suspend => self.suspend = true,
            Action::Top => self.move_by(isize::MIN / 2, out),
            Action::Bottom => self.move_by(isize::MAX / 2, out),
            Action::SwitchPane => match self.focus {
                Focus::List if self.reader.page().is_some() || self.reader.is_loading() => {
                    self.focus = Focus::Reader;
                }
                _ => self.leave_reader(out),
            },
            Action::Open => match (self.focus, number) {
                (Focus::Reader, Some(n)) => self.follow(n, out),
                (Focus::List, _) => self.open_selected(out),
                (Focus::Reader, None) => {}
            },
            Action::Back => {
                let here = self.reader.position_request();
                if self.reader.go_back() {
                    out.extend(here);
                } else {
                    self.leave_reader(out);
                }
            }
            Action::Forward => {
                let here = self.reader.position_request();
                if self.reader.go_forward() {
                    out.extend(here);
                }
            }
            Action::PrevSection => self.switch_tab(|s, ids| s.switch(-1, ids), out),
            Action::NextSection => self.switch_tab(|s, ids| s.switch(1, ids), out),
            Action::SavedView => self.switch_tab(Sections::switch_to_saved, out),
            Action::Filter => {
                self.input = Some(match self.focus {
                    Focus::List => Input::Filter(self.sections.filter().to_string()),
                    Focus::Reader => Input::Find(String::new()),
                });
            }
            Action::OpenAddress => self.input = Some(Input::Address(String::new())),
            Action::Search => self.input = Some(Input::Search(String::new())),
            Action::GoToDate => self.input = Some(Input::Date(String::new())),
            Action::PrevDay => self.step_day(-1, out),
            Action::NextDay => self.step_day(1, out),
            Action::NextMatch => self.jump_to_match(true),
            Action::PrevMatch => self.jump_to_match(false),
            Action::ToggleRead => {
                if let Some(url) = self.focused_url() {
                    let read = !self.read.contains(&url);
                    self.set_read(vec![url], read, out);
                }
            }
            Action::MarkAllRead => {
                let urls: Vec<String> = self.list().visible().map(|h| h.url.clone()).collect();
                self.set_read(urls, true, out);
            }
            Action::Save => self.toggle_saved(out),
            Action::CopyUrl => {
                if let Some(url) = self.address(number) {
                    out.push(Request::Copy { text: url });
                    let copied = self.words().copied;
                    self.status.tell(match number {
                        Some(n) => format!("{copied} [{n}]"),
                        None => copied.to_string(),
                    });
                }
            }
            Action::Close => {
                if !self.sections.filter().is_empty() && self.focus == Focus::List {
                    self.sections.set_filter(String::new());
                } else if !self.reader.clear_find() && self.focus == Focus::Reader {
                    self.leave_reader(out);
                }
            }
            Action::Reload => match self.focus {
                Focus::List => out.extend(self.sections.reload(&mut self.ids)),
                Focus::Reader => out.extend(self.reader.reload(&mut self.ids)),
            },
            Action::OpenImage if self.focus == Focus::Reader => self.open_image(number, out),
            Action::OpenImage => {}
            Action::OpenInBrowser => {
                let url = match number {
                    Some(_) => self.address(number),
                    None => self.status.take_offer().or_else(|| self.focused_url()),
                };
                if let Some(url) =
                    url.filter(|u| u.starts_with("https://") || u.starts_with("http://"))
                {
                    out.push(Request::OpenInBrowser { url });
                }
            }
        }
    }

    /// A key while text is being typed: it edits the text; Enter keeps it, Esc drops it.
    fn type_key(&mut self, command: Command, out: &mut Vec<Request>) {
        let Some(
            Input::Filter(text)
            | Input::Find(text)
            | Input::Address(text)
            | Input::Search(text)
            | Input::Date(text),
        ) = &mut self.input
        else {
            return;
        };
        match command {
            Command::Type(c) => text.push(c),
            Command::Erase => {
                text.pop();
            }
            Command::Submit => {
                match self.input.take() {
                    Some(Input::Find(t)) => {
                        self.reader.set_find(t);
                        self.jump_to_match(true);
                    }
                    Some(Input::Filter(t)) if !t.is_empty() => {
                        let words = format!("{}: {t}", self.words().filter);
                        self.status.tell(words);
                    }
                    Some(Input::Address(t)) if !t.trim().is_empty() => self.open_address(&t, out),
                    Some(Input::Search(t)) => self.search(&t, out),
                    Some(Input::Date(t)) if !t.trim().is_empty() => self.go_to_date(&t, out),
                    _ => {}
                }
                return;
            }
            Command::Cancel => {
                if let Some(Input::Filter(_)) = self.input.take() {
                    self.sections.set_filter(String::new());
                }
                return;
            }
            Command::Act(_) | Command::Digit(_) => return,
        }
        // The list filters as the user types.
        if let Some(Input::Filter(t)) = &self.input {
            self.sections.set_filter(t.clone());
        }
    }

    /// Scrolls to the next (or previous) line holding the search words.
    fn jump_to_match(&mut self, forward: bool) {
        let w = &self.settings.words;
        match self.reader.jump_to_match(forward) {
            Jump::NoSearch => {}
            Jump::NotFound => {
                let words = format!("{}: {}", w.no_match, self.reader.find());
                self.status.tell(words);
            }
            Jump::At { nth, of } => self.status.show(format!("{} {nth}/{of}", w.matches)),
        }
    }

    /// Link `[n]` of the article on screen with a number typed, else the focused address;
    /// a number with no such link says so.
    fn address(&mut self, number: Option<usize>) -> Option<String> {
        let Some(n) = number else {
            return self.focused_url();
        };
        // A tag is numbered like a link, so `N y` and `N o` take its list's address.
        let link = self
            .reader
            .link(n)
            .or_else(|| self.tag(n).map(|(_, url)| url));
        if link.is_none() {
            self.status.warn(format!("{} [{n}]", self.words().no_link));
        }
        link
    }

    fn focused_url(&self) -> Option<String> {
        match self.focus {
            Focus::Reader => self.reader.page().map(|p| p.article().url.clone()),
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
                    out.extend(self.sections.move_by(step, &mut self.ids));
                } else if in_reader {
                    self.reader.scroll_by(step);
                }
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if panes.tabs.contains(at) {
                    if let Some(tab) = self.tab_bar().at(at.x, self.size.0) {
                        let delta = tab as isize - self.tab() as isize;
                        self.switch_tab(|s, ids| s.switch(delta, ids), out);
                    }
                } else if let (true, Some(pane)) = (in_list, panes.list) {
                    self.focus = Focus::List;
                    let inner = layout::inner(pane);
                    if at.y >= inner.y {
                        let rows = self.rows_per_headline();
                        let row = usize::from((at.y - inner.y) / rows);
                        let index = self.list().offset + row;
                        if index < self.list().visible_len() {
                            self.sections.list_mut().selected = index;
                            self.open_selected(out);
                        }
                    }
                } else if let (true, Some(pane)) = (in_reader, panes.reader) {
                    let inner = layout::inner(pane);
                    let (row, column) = (at.y.checked_sub(inner.y), at.x.checked_sub(inner.x));
                    if let (Some(row), Some(column)) = (row, column)
                        && let Some(n) = self
                            .reader
                            .link_at_cell(usize::from(row), usize::from(column))
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
            Answer::Photo { url, result } => self.photo_arrived(url, result),
            // The pixels are the terminal's, to draw; the model keeps the size.
            Answer::Pixels { .. } => {}
            Answer::Article { id, result, .. } if self.saving.waits_for(id) => {
                self.saving_arrived(id, result, out);
            }
            Answer::Article {
                id,
                result,
                position,
                saved,
            } => {
                let Some((url, opened)) = self.reader.answered(id) else {
                    // An answer for a page the reader already left.
                    return;
                };
                match result {
                    Ok(article) => {
                        if opened != Opened::Reload {
                            out.extend(self.reader.position_request());
                        }
                        if saved {
                            self.saved.insert(article.url.clone());
                        }
                        self.read.insert(article.url.clone());
                        self.reader.show(Arc::from(article), url, opened, position);
                        self.status.loaded(Origin::Reader);
                        if opened == Opened::FromList {
                            self.find_searched();
                        }
                    }
                    Err(e) => {
                        if e.browser_may_show() {
                            self.status.offer(url.clone());
                        }
                        self.status.fail(Origin::Reader, e.to_string());
                    }
                }
            }
            Answer::Headlines {
                id,
                result,
                fetched_at,
                read,
            } => {
                let result = result.map(|page| (page, HashMap::new()));
                self.list_arrived(id, result, fetched_at, read);
            }
            Answer::Hits { id, result, read } => {
                let result = result.map(|hits| {
                    let mut passages = HashMap::new();
                    let headlines = hits
                        .into_iter()
                        .map(|hit| {
                            passages.insert(hit.headline.url.clone(), hit.snippet);
                            hit.headline
                        })
                        .collect();
                    let page = HeadlinePage {
                        headlines,
                        next: None,
                    };
                    (page, passages)
                });
                self.list_arrived(id, result, self.settings.clock.now(), read);
            }
            Answer::Saved { id, list } => {
                let urls = list.iter().map(|h| h.url.clone()).collect();
                if self.sections.saved_arrived(id, list) {
                    self.saved = urls;
                }
            }
            Answer::Prefetching(n) => self.prefetching = n,
            Answer::Notice(words) => self.status.warn(words),
            Answer::Lagging { id, sources } => {
                self.lagging = Some((id, self.lagging_words(sources)));
            }
            Answer::CaughtUp { url, page, lagging } => {
                let words = (!lagging.is_empty()).then(|| self.lagging_words(lagging));
                for (tab, new) in self.sections.caught_up(&url, page) {
                    match &words {
                        Some(words) => self.status.fail(Origin::Tab(tab), words.clone()),
                        None => self.status.loaded(Origin::Tab(tab)),
                    }
                    if new > 0 && tab == self.sections.tab() {
                        self.status.tell(format!("{new} {}", self.words().new));
                    }
                }
            }
        }
    }

    /// "Not yet in: ANTARA (no answer yet), Tempo (HTTP 503)": the sources of the
    /// timeline that gave no fresh list.
    fn lagging_words(&self, sources: Vec<(String, Option<String>)>) -> String {
        let w = self.words();
        let sources: Vec<String> = sources
            .into_iter()
            .map(|(name, why)| format!("{name} ({})", why.as_deref().unwrap_or(w.no_answer_yet)))
            .collect();
        format!("{} {}", w.lagging, sources.join(", "))
    }

    /// A list arrived (with the passages that matched, for a search of the store), or
    /// failed to.
    fn list_arrived(
        &mut self,
        id: RequestId,
        result: Result<(HeadlinePage, HashMap<String, Passage>), Error>,
        fetched_at: DateTime<Utc>,
        read: HashSet<String>,
    ) {
        // A timeline that failed whole says why itself.
        let lagging = self.lagging.take_if(|(l, _)| *l == id);
        match result {
            Ok((page, passages)) => {
                let arrived = self.sections.arrived(id, page, passages, fetched_at);
                if let Some((tab, new)) = arrived {
                    self.read.extend(read);
                    self.status.loaded(Origin::Tab(tab));
                    if let Some((_, words)) = lagging {
                        self.status.fail(Origin::Tab(tab), words);
                    }
                    if new > 0 && tab == self.sections.tab() {
                        self.status.tell(format!("{new} {}", self.words().new));
                    }
                }
            }
            Err(e) => {
                if let Some(tab) = self.sections.failed(id) {
                    self.status.fail(Origin::Tab(tab), e.to_string());
                }
            }
        }
    }

    fn move_by(&mut self, delta: isize, out: &mut Vec<Request>) {
        match self.focus {
            Focus::List => out.extend(self.sections.move_by(delta, &mut self.ids)),
            Focus::Reader => self.reader.scroll_by(delta),
        }
    }

    fn switch_tab(
        &mut self,
        switch: impl FnOnce(&mut Sections, &mut Ids) -> Option<Request>,
        out: &mut Vec<Request>,
    ) {
        self.focus = Focus::List;
        out.extend(switch(&mut self.sections, &mut self.ids));
    }

    fn list_rows(&self) -> usize {
        let rows = self.panes().list.map_or(0, |r| layout::inner(r).height);
        usize::from((rows / self.rows_per_headline()).max(1))
    }

    fn page_rows(&self) -> usize {
        match self.focus {
            Focus::List => self.list_rows(),
            Focus::Reader => self.reader.page_rows(),
        }
    }

    /// Opens an address typed in, in the reader: `https://` is assumed when it names no
    /// scheme (`kompas.com/…`); anything but a web address is refused in words.
    fn open_address(&mut self, typed: &str, out: &mut Vec<Request>) {
        let typed = typed.trim();
        let url = if typed.contains("://") {
            typed.to_string()
        } else {
            format!("https://{typed}")
        };
        match url::Url::parse(&url) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {
                out.push(self.reader.open_address(u.to_string(), &mut self.ids));
                self.focus = Focus::Reader;
            }
            _ => {
                let words = format!("{}: {typed}", self.words().not_an_address);
                self.status.warn(words);
            }
        }
    }

    fn half_page(&self) -> isize {
        (self.page_rows() / 2).max(1) as isize
    }

    /// In the list, selects the next unread headline after the selected one; in the
    /// reader, opens it (the selected headline is the one the reader opened, or the
    /// last one `.` opened). Both come round to the top of the list after its end.
    fn next_unread(&mut self, out: &mut Vec<Request>) {
        let list = self.list();
        let Some(next) = list.next_where(list.selected, |h| !self.read.contains(&h.url)) else {
            self.status.tell(self.words().no_unread.to_string());
            return;
        };
        self.sections.list_mut().selected = next;
        if self.focus == Focus::Reader {
            self.open_selected(out);
        }
    }

    fn open_selected(&mut self, out: &mut Vec<Request>) {
        if let Some(url) = self.list().selected().map(|h| h.url.clone()) {
            out.extend(self.reader.open_from_list(url, &mut self.ids));
            self.focus = Focus::Reader;
            self.find_on_open = search::find_word(self.list());
        }
    }

    /// Back to the list, the page on screen kept (and its place remembered) for `Tab`.
    fn leave_reader(&mut self, out: &mut Vec<Request>) {
        if self.focus == Focus::Reader {
            out.extend(self.reader.position_request());
        }
        self.focus = Focus::List;
    }

    /// Opens a photo in the system's viewer (the browser mechanism): photo `[n]`, else
    /// the first photo on screen, else the lead photo.
    fn open_image(&mut self, number: Option<usize>, out: &mut Vec<Request>) {
        let article = self.reader.page().map(|p| p.article());
        let url = match number {
            Some(n) => article.and_then(|a| a.photo(n)).map(|p| p.url.clone()),
            None => (self
                .reader
                .photos_on_screen()
                .first()
                .map(|p| p.url.clone()))
            .or_else(|| article.and_then(|a| a.image.clone())),
        };
        match url {
            Some(url) => out.push(Request::OpenPhoto { url }),
            None => self.status.warn(match number {
                Some(n) => format!("{} [{n}]", self.words().no_photo),
                None => self.words().no_photo.to_string(),
            }),
        }
    }

    fn follow(&mut self, n: usize, out: &mut Vec<Request>) {
        // A photo is looked at, not read: it opens in the viewer.
        if self
            .reader
            .page()
            .is_some_and(|p| p.article().photo(n).is_some())
        {
            return self.open_image(Some(n), out);
        }
        match self.reader.follow(n, &mut self.ids) {
            Some(request) => out.push(request),
            None if self.follow_tag(n, out) => {}
            None => self.status.warn(format!("{} [{n}]", self.words().no_link)),
        }
    }
}
