//! Drawing: the section tabs, the headline list, the reader, the status line and the help
//! overlay. Drawing reads the model and never changes it; the article is already laid out
//! by `update`.

mod ascii;
mod fit;
mod pictures;

pub use pictures::{PictureReady, Pictures};

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect, Size};
use ratatui::style::Style;
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap,
};
use unicode_width::UnicodeWidthStr;

use crate::app::layout::{self, Role};
use crate::app::{App, Focus, Input, Overlay};
use crate::keymap::Action;
use crate::theme::Theme;

const SPINNER: [&str; 8] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"];

/// Draws the whole screen. `now` dates the headlines (`15m`, `3h`) and the list's age.
pub fn draw(frame: &mut Frame<'_>, app: &App, now: DateTime<FixedOffset>) {
    draw_with_pictures(frame, app, now, None);
}

/// As [`draw`], with the photos that arrived drawn as pictures from `pictures`.
pub fn draw_with_pictures(
    frame: &mut Frame<'_>,
    app: &App,
    now: DateTime<FixedOffset>,
    mut pictures: Option<&mut Pictures>,
) {
    let panes = app.panes();
    draw_tabs(frame, app, panes.tabs);
    if let Some(area) = panes.list {
        draw_list(frame, app, area, now);
    }
    if let Some(pictures) = pictures.as_deref_mut() {
        pictures.begin_frame();
    }
    if let Some(area) = panes.reader {
        draw_reader(frame, app, area, pictures);
    }
    draw_status(frame, app, panes.status, now);
    match app.overlay() {
        Some(Overlay::Help) => draw_help(frame, app),
        Some(Overlay::Messages) => draw_messages(frame, app, now),
        None => {}
    }
    if app.settings().ascii {
        ascii::flatten(frame.buffer_mut());
    }
}

/// Whether to draw in ASCII: the locale in force (`LC_ALL`, else `LC_CTYPE`, else `LANG`)
/// names a charset other than UTF-8, or `TERM` is a terminal of the days before it.
/// Nothing set at all is taken as UTF-8.
pub fn ascii_only(
    lc_all: Option<&str>,
    lc_ctype: Option<&str>,
    lang: Option<&str>,
    term: Option<&str>,
) -> bool {
    let locale = [lc_all, lc_ctype, lang]
        .into_iter()
        .flatten()
        .find(|l| !l.is_empty());
    let not_utf8 = locale.is_some_and(|l| {
        let l = l.to_ascii_lowercase();
        !(l.contains("utf-8") || l.contains("utf8"))
    });
    let old_term = term.is_some_and(|t| {
        matches!(
            t,
            "dumb" | "ansi" | "vt52" | "vt100" | "vt102" | "vt220" | "cons25"
        )
    });
    not_utf8 || old_term
}

/// A bordered block, its lines in ASCII when the settings ask for it.
fn bordered(app: &App) -> Block<'static> {
    let block = Block::default().borders(Borders::ALL);
    if app.settings().ascii {
        block.border_set(symbols::border::Set {
            top_left: "+",
            top_right: "+",
            bottom_left: "+",
            bottom_right: "+",
            vertical_left: "|",
            vertical_right: "|",
            horizontal_top: "-",
            horizontal_bottom: "-",
        })
    } else {
        block
    }
}

fn pane_block(title: String, focused: bool, app: &App) -> Block<'static> {
    let style = if focused {
        app.settings().theme.accent
    } else {
        Style::default()
    };
    bordered(app).border_style(style).title(title)
}

fn draw_tabs(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.settings().theme;
    let bar = app.tab_bar();
    let marker = |more: bool, mark: &'static str| {
        if more {
            Span::styled(mark, theme.accent)
        } else {
            Span::raw(" ")
        }
    };
    let mut spans = vec![marker(bar.more_left, "‹")];
    let mut x = 1;
    for slot in &bar.tabs {
        spans.push(Span::raw(" ".repeat(usize::from(slot.x.saturating_sub(x)))));
        let style = if slot.index == app.tab() {
            theme.selected
        } else if app.tab_failed(slot.index) {
            theme.error
        } else {
            theme.dim
        };
        spans.push(Span::styled(slot.label.as_str(), style));
        x = slot.x + slot.width;
    }
    if bar.more_right {
        spans.push(Span::raw(" ".repeat(usize::from(
            area.width.saturating_sub(1).saturating_sub(x),
        ))));
        spans.push(marker(true, "›"));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_list(frame: &mut Frame<'_>, app: &App, area: Rect, now: DateTime<FixedOffset>) {
    let theme = &app.settings().theme;
    let list = app.list();
    let mut title = format!(" {} ({}", list.name, list.visible_len());
    let unread = app.unread_count();
    if unread > 0 {
        title.push_str(&format!(" · {unread} {}", app.words().unread));
    }
    title.push_str(") ");
    let block = pane_block(title, app.focus() == Focus::List, app);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    let visible = usize::from(inner.height / app.rows_per_headline());
    for (i, h) in list.visible().enumerate().skip(list.offset).take(visible) {
        let style = if i == list.selected {
            theme.selected
        } else {
            Style::default()
        };
        let is_unread = !app.is_read(&h.url);
        let mark = if list.is_new(&h.url) {
            Span::styled("+", theme.unread)
        } else if is_unread {
            Span::styled("•", theme.unread)
        } else {
            Span::raw(" ")
        };
        let rows = usize::from(app.settings().headline_rows() - 1);
        let titled = layout::title_lines(&h.title, width.saturating_sub(2), rows);
        for (n, title) in titled.into_iter().enumerate() {
            let pad = width.saturating_sub(2 + title.width());
            let mark = if n == 0 { mark.clone() } else { Span::raw(" ") };
            lines.push(Line::from(vec![
                mark,
                Span::styled(format!(" {title}{}", " ".repeat(pad)), style),
            ]));
        }
        let mut meta = Vec::new();
        if let Some(l) = &h.label {
            meta.push(l.clone());
        }
        if let Some(t) = &h.published {
            meta.push(app.words().age(minutes_since(*t, now)));
        }
        if app.is_saved(&h.url) && !app.is_saved_view() {
            meta.push(app.words().saved_view.to_string());
        }
        lines.push(Line::from(Span::styled(
            format!("  {}", meta.join(" · ")),
            theme.dim,
        )));
        if !list.passages.is_empty() {
            let rows = usize::from(layout::PASSAGE_ROWS);
            let passage = list.passage(&h.url);
            let mut shown = passage.map_or_else(Vec::new, |p| {
                layout::passage_lines(p, width.saturating_sub(2), rows)
            });
            shown.resize(rows, Vec::new());
            for pieces in shown {
                let mut spans = vec![Span::raw("  ")];
                spans.extend(pieces.into_iter().map(|(text, matched)| {
                    Span::styled(text, if matched { theme.found } else { theme.dim })
                }));
                lines.push(Line::from(spans));
            }
        }
    }
    if list.visible_len() == 0 {
        let w = app.words();
        let words = if app.list_loading() {
            format!("{}…", w.loading)
        } else if !list.headlines.is_empty() {
            w.no_match_in_list.to_string()
        } else if app.is_saved_view() {
            w.no_saved.to_string()
        } else if list.query.is_some() {
            w.no_hits.to_string()
        } else {
            w.no_headlines.to_string()
        };
        // Wrapped, not cut: the list pane is often narrower than these words.
        let empty = Paragraph::new(format!(" {words}"))
            .style(theme.dim)
            .wrap(Wrap { trim: false });
        frame.render_widget(empty, inner);
        return;
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_reader(frame: &mut Frame<'_>, app: &App, area: Rect, pictures: Option<&mut Pictures>) {
    let theme = &app.settings().theme;
    let title = match app.current() {
        Some(page) => {
            let saved = if app.is_saved(&page.article().url) {
                format!(" · {}", app.words().saved_view)
            } else {
                String::new()
            };
            let url = &page.article().url;
            let host = crate::sites::site_host(url);
            match app.section_of(url) {
                Some(section) => format!(" {section} · {host}{saved} "),
                None => format!(" {host}{saved} "),
            }
        }
        None => format!(" {} ", app.words().reader),
    };
    let block = pane_block(title, app.focus() == Focus::Reader, app);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(page) = app.current() else {
        let words = if app.reader_loading() {
            format!("{}…", app.words().loading)
        } else {
            app.words().pick_headline.to_string()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(words, theme.dim)).centered(),
            inner,
        );
        return;
    };
    let rows = usize::from(inner.height);
    let lines = page.lines();
    let margin = " ".repeat(lines.margin);
    let shown: Vec<Line<'_>> = (page.scroll()..lines.lines.len())
        .take(rows)
        .map(|i| article_line(app.line_pieces(i), &margin, theme))
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
    if let Some(pictures) = pictures {
        draw_pictures(frame, app, pictures, lines, page.scroll(), inner);
    }
    if lines.lines.len() > rows {
        let mut state = ScrollbarState::new(app.max_scroll()).position(page.scroll());
        let mut bar = Scrollbar::new(ScrollbarOrientation::VerticalRight);
        if app.settings().ascii {
            bar = bar
                .begin_symbol(Some("^"))
                .end_symbol(Some("v"))
                .track_symbol(Some("|"))
                .thumb_symbol("#");
        }
        frame.render_stateful_widget(bar, inner, &mut state);
    }
}

/// Each picture with rows on screen, over its blank lines: one cut by the pane's top or
/// bottom edge is drawn in part, the rows that show.
fn draw_pictures(
    frame: &mut Frame<'_>,
    app: &App,
    pictures: &mut Pictures,
    lines: &layout::ArticleLines,
    scroll: usize,
    inner: Rect,
) {
    let rows = usize::from(inner.height);
    let margin = u16::try_from(lines.margin).unwrap_or(u16::MAX);
    for picture in &lines.pictures {
        let (first, last) = (picture.first, picture.first + usize::from(picture.rows));
        let on_screen = first.max(scroll)..last.min(scroll + rows);
        if on_screen.is_empty() {
            continue;
        }
        // Counted from the picture's top: fewer than its rows, so within u16.
        let shown = (on_screen.start - first) as u16..(on_screen.end - first) as u16;
        let width = picture.columns.min(inner.width.saturating_sub(margin));
        let place = Rect {
            x: inner.x.saturating_add(margin),
            y: inner.y + (on_screen.start - scroll) as u16,
            width,
            height: shown.end - shown.start,
        };
        let full = Size::new(width, picture.rows);
        // Its pixels let go (more photos came since) or not encodable: its rows say so
        // rather than stay an empty gap.
        if !pictures.draw(frame, &picture.url, full, shown, place) {
            let words = Span::styled(app.words().picture_gone, app.settings().theme.dim);
            frame.render_widget(Paragraph::new(words).centered(), place);
        }
    }
}

fn article_line<'a>(pieces: Vec<(&'a str, Role)>, margin: &'a str, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::raw(margin)];
    spans.extend(
        pieces
            .into_iter()
            .map(|(text, role)| Span::styled(text, style_of(role, theme))),
    );
    Line::from(spans)
}

/// The style of a role of the article's text.
fn style_of(role: Role, theme: &Theme) -> Style {
    match role {
        Role::Title => theme.title,
        Role::Meta => theme.dim,
        Role::Body => Style::default(),
        Role::Heading => theme.heading,
        Role::Quote => theme.quote,
        Role::Link => theme.link,
        Role::LinkRead => theme.dim,
        Role::Match => theme.found,
        Role::CurrentMatch => theme.found_current,
    }
}

fn draw_status(frame: &mut Frame<'_>, app: &App, area: Rect, now: DateTime<FixedOffset>) {
    let theme = &app.settings().theme;
    let w = app.words();
    let mut right = String::new();
    if app.settings().offline {
        right.push_str(&format!("{}  ", w.offline));
    }
    if app.focus() == Focus::Reader
        && let Some(p) = app.position_percent()
    {
        right.push_str(&format!("{p}%  "));
    }
    let keys = &app.settings().keymap;
    right.push_str(&format!(
        "{} {}  {} {}",
        keys.key_of(Action::Help),
        w.help,
        keys.key_of(Action::Quit),
        w.quit
    ));
    let [l, r] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(right.width() as u16 + 1),
    ])
    .areas(area);
    let mut left = Vec::new();
    if let Some(input) = app.input() {
        let (label, text) = match input {
            Input::Filter(t) => (w.filter, t),
            Input::Find(t) => (w.find, t),
            Input::Address(t) => (w.address, t),
            Input::Search(t) => (w.search, t),
            Input::Date(t) => (w.date, t),
        };
        left.push(Span::styled(format!("{label}: "), theme.accent));
        left.push(Span::raw(format!("{text}▏")));
    } else {
        if let Some(words) = app.loading_words() {
            left.push(Span::raw(format!(
                "{} {words}  ",
                SPINNER[app.spinner() % SPINNER.len()]
            )));
        }
        if let Some(n) = app.number() {
            left.push(Span::raw(format!("[{n}]… Enter o y  ")));
        }
        // The answer to the key just pressed first, then the filter in force, then the
        // error of what is on screen in the room left.
        if let Some(n) = app.notice() {
            left.push(Span::styled(format!("{n}  "), theme.accent));
        }
        let filter = format!("{}: {}", w.filter, app.filter());
        if !app.filter().is_empty()
            && app.focus() == Focus::List
            && app.notice() != Some(filter.as_str())
        {
            left.push(Span::styled(format!("{filter}  "), theme.dim));
        }
        if let Some(e) = app.error() {
            // After the error: what `o` offers, then that the page before stays on screen
            // when the line has room for it beside the error's whole reason.
            let offer = app
                .offer_browser()
                .map(|_| format!(" · {}", w.open_in_browser))
                .unwrap_or_default();
            let used = left.iter().map(Span::width).sum::<usize>() + offer.width();
            let kept = format!(" · {}", w.kept_page);
            let with_kept = usize::from(l.width).saturating_sub(used + kept.width());
            let after = if app.kept_page() && fit::fits_whole(e, with_kept) {
                kept + &offer
            } else {
                offer
            };
            let used = left.iter().map(Span::width).sum::<usize>() + after.width();
            let room = usize::from(l.width).saturating_sub(used);
            left.push(Span::styled(fit::fit(e, room), theme.error));
            if !after.is_empty() {
                left.push(Span::styled(after, theme.dim));
            }
        } else if let Some(at) = app.list().fetched_at.filter(|_| {
            app.focus() == Focus::List && app.notice().is_none() && app.filter().is_empty()
        }) {
            left.push(Span::styled(
                w.updated_ago(minutes_since(at.fixed_offset(), now)),
                theme.dim,
            ));
        }
    }
    frame.render_widget(Paragraph::new(Line::from(left)), l);
    frame.render_widget(
        Paragraph::new(Span::styled(right, theme.dim)).right_aligned(),
        r,
    );
}

fn draw_help(frame: &mut Frame<'_>, app: &App) {
    let theme = &app.settings().theme;
    let w = app.words();
    let mut lines: Vec<Line<'_>> = app
        .help_entries()
        .into_iter()
        .map(|(keys, words)| {
            Line::from(vec![
                Span::styled(format!("{keys:>16}  "), theme.heading),
                Span::raw(words),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(w.mouse, theme.dim)));
    lines.push(Line::from(Span::styled(w.marks, theme.dim)));
    lines.push(Line::from(Span::styled(w.tab_mark, theme.dim)));
    draw_overlay(frame, app, w.keys_title.to_string(), lines);
}

/// The message history, the newest first, each message at its time of day.
fn draw_messages(frame: &mut Frame<'_>, app: &App, now: DateTime<FixedOffset>) {
    let theme = &app.settings().theme;
    let w = app.words();
    let mut lines: Vec<Line<'_>> = app
        .messages()
        .map(|m| {
            let at = m.at.with_timezone(now.offset()).format("%H:%M:%S");
            let style = if m.error {
                theme.error
            } else {
                Style::default()
            };
            Line::from(vec![
                Span::styled(format!("{at}  "), theme.dim),
                Span::styled(m.words.as_str(), style),
            ])
        })
        .collect();
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(w.no_messages, theme.dim)));
    }
    let keys = &app.settings().keymap;
    let title = format!(
        "{} · {} {} {} {}",
        w.messages_title,
        keys.key_of(Action::Messages),
        keys.key_of(Action::Close),
        keys.key_of(Action::Quit),
        w.close
    );
    draw_overlay(frame, app, title, lines);
}

/// `lines` in a box over the panes, scrolled as the app says, with which lines are shown
/// when they do not all fit.
fn draw_overlay(frame: &mut Frame<'_>, app: &App, title: String, lines: Vec<Line<'_>>) {
    let area = app.help_area();
    let rows = usize::from(area.height.saturating_sub(2));
    let mut block = bordered(app).title(format!(" {title} "));
    if lines.len() > rows {
        // Which lines are shown, and how to see the rest.
        let first = app.help_scroll() + 1;
        let last = (app.help_scroll() + rows).min(lines.len());
        block = block.title_bottom(
            Line::from(format!(
                " {first}–{last}/{} · {} ",
                lines.len(),
                app.words().help_scroll
            ))
            .right_aligned(),
        );
    }
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((app.help_scroll() as u16, 0)),
        area,
    );
}

/// Whole minutes from `t` to `now`, none for a time in the future.
fn minutes_since(t: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> i64 {
    (now - t).num_minutes().max(0)
}

#[cfg(test)]
mod tests {
    use super::ascii_only;

    #[test]
    fn ascii_when_the_locale_is_not_utf8_or_the_terminal_is_old() {
        let utf8 = Some("id_ID.UTF-8");
        assert!(!ascii_only(None, None, utf8, Some("xterm-256color")));
        assert!(!ascii_only(None, None, Some("en_US.utf8"), None));
        assert!(
            !ascii_only(None, None, None, Some("screen")),
            "nothing set: UTF-8"
        );
        assert!(ascii_only(None, None, Some("C"), Some("xterm")));
        assert!(
            ascii_only(Some("POSIX"), None, utf8, Some("xterm")),
            "LC_ALL first"
        );
        assert!(
            !ascii_only(Some(""), Some("C.UTF-8"), Some("C"), None),
            "empty is unset"
        );
        assert!(ascii_only(None, None, Some("id_ID.ISO-8859-1"), None));
        assert!(ascii_only(None, None, utf8, Some("vt100")));
    }
}
