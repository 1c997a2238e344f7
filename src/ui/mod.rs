//! Drawing: the headline list, the reader, the status line and the help overlay. Drawing
//! reads the model and never changes it; the article is already laid out by `update`.

pub mod layout;
pub mod theme;

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Clear, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, Wrap,
};

use crate::app::keymap::{self, BINDINGS};
use crate::app::{App, Focus};
use layout::ROWS_PER_HEADLINE;

const SPINNER: [&str; 8] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"];

/// Draws the whole screen. `now` dates the headlines (`15m`, `3j`).
pub fn draw(frame: &mut Frame<'_>, app: &App, now: DateTime<FixedOffset>) {
    let panes = app.panes();
    if let Some(area) = panes.list {
        draw_list(frame, app, area, now);
    }
    if let Some(area) = panes.reader {
        draw_reader(frame, app, area);
    }
    draw_status(frame, app, panes.status);
    if app.help {
        draw_help(frame, frame.area());
    }
}

fn pane_block(title: String, focused: bool) -> Block<'static> {
    let style = if focused {
        theme::focused_border()
    } else {
        Style::default()
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(title)
}

fn draw_list(frame: &mut Frame<'_>, app: &App, area: Rect, now: DateTime<FixedOffset>) {
    let block = pane_block(
        format!(" Terkini ({}) ", app.headlines.len()),
        app.focus == Focus::List,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    let visible = usize::from(inner.height / ROWS_PER_HEADLINE);
    for (i, h) in app
        .headlines
        .iter()
        .enumerate()
        .skip(app.list_offset)
        .take(visible)
    {
        let style = if i == app.selected {
            theme::selected()
        } else {
            Style::default()
        };
        let title = truncate(&h.title, width.saturating_sub(1));
        lines.push(Line::from(Span::styled(
            format!(" {title:<w$}", w = width.saturating_sub(1)),
            style,
        )));
        let mut meta = Vec::new();
        if let Some(l) = &h.label {
            meta.push(l.clone());
        }
        if let Some(t) = &h.published {
            meta.push(age(*t, now));
        }
        lines.push(Line::from(Span::styled(
            format!(" {}", meta.join(" · ")),
            theme::dim(),
        )));
    }
    if app.headlines.is_empty() {
        let words = if app.is_loading() {
            "Loading headlines…"
        } else {
            "No headlines. Press r to reload."
        };
        lines.push(Line::from(Span::styled(format!(" {words}"), theme::dim())));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_reader(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let title = match &app.current {
        Some(page) => format!(" {} ", crate::sites::site_host(&page.article.url)),
        None => " Reader ".to_string(),
    };
    let block = pane_block(title, app.focus == Focus::Reader);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(page) = &app.current else {
        let words = if app.is_loading() {
            "Loading…"
        } else {
            "Choose a headline and press Enter."
        };
        frame.render_widget(
            Paragraph::new(Span::styled(words, theme::dim())).centered(),
            inner,
        );
        return;
    };
    let rows = usize::from(inner.height);
    let shown: Vec<Line<'_>> = app
        .lines
        .lines
        .iter()
        .skip(page.scroll)
        .take(rows)
        .cloned()
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
    if app.lines.lines.len() > rows {
        let mut state = ScrollbarState::new(app.max_scroll()).position(page.scroll);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            inner,
            &mut state,
        );
    }
}

fn draw_status(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let mut left = Vec::new();
    if let Some(words) = app.loading_words() {
        left.push(Span::raw(format!(
            "{} {words}  ",
            SPINNER[app.spinner % SPINNER.len()]
        )));
    }
    if let Some(n) = app.number {
        left.push(Span::raw(format!("link [{n}]… Enter  ")));
    }
    if let Some(e) = &app.error {
        left.push(Span::styled(e.clone(), theme::error()));
        if app.offer_browser.is_some() {
            left.push(Span::styled(" · o: open in browser", theme::dim()));
        }
    }
    let mut right = String::new();
    if app.focus == Focus::Reader
        && let Some(p) = app.position_percent()
    {
        right.push_str(&format!("{p}%  "));
    }
    right.push_str("? help  q quit");
    let [l, r] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(right.chars().count() as u16 + 1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(Line::from(left)), l);
    frame.render_widget(
        Paragraph::new(Span::styled(right, theme::dim())).right_aligned(),
        r,
    );
}

fn draw_help(frame: &mut Frame<'_>, screen: Rect) {
    let mut lines: Vec<Line<'_>> = BINDINGS
        .iter()
        .map(|(keys, _, words)| {
            let keys: Vec<String> = keys.iter().map(|k| keymap::key_name(*k)).collect();
            Line::from(vec![
                Span::styled(format!("{:>16}  ", keys.join(" / ")), theme::heading()),
                Span::raw(*words),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Mouse: the wheel scrolls the pane under it; a click opens.",
        theme::dim(),
    )));
    let width = screen.width.saturating_sub(4).min(84);
    let height = (lines.len() as u16 + 2).min(screen.height.saturating_sub(2));
    let area = Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height.saturating_sub(height)) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Keys · any key closes ");
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// How long ago, the Indonesian way: `15m` (menit), `3j` (jam), `2h` (hari).
pub fn age(t: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> String {
    let minutes = (now - t).num_minutes().max(0);
    match minutes {
        m if m < 60 => format!("{m}m"),
        m if m < 24 * 60 => format!("{}j", m / 60),
        m => format!("{}h", m / (24 * 60)),
    }
}

/// `s` cut to `width` columns, with an ellipsis when something was cut.
fn truncate(s: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}
