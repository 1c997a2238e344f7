//! What shows over the panes: the help (every key, from the keymap) or the history of the
//! status line's messages. Each scrolls, and closes with the key that opened it, the
//! close key or the quit key (which does not quit from it).

use ratatui::layout::Rect;

use super::status::Logged;
use super::{App, layout};
use crate::keymap::{self, Action};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Messages,
}

impl App {
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    pub fn help(&self) -> bool {
        self.overlay == Some(Overlay::Help)
    }

    /// The help's entries: the keys of each action that has any, and its words.
    pub fn help_entries(&self) -> Vec<(String, &'static str)> {
        let indonesian = self.settings.words.indonesian;
        self.settings
            .keymap
            .bindings()
            .filter(|(_, keys)| !keys.is_empty())
            .map(|(action, keys)| {
                let keys: Vec<String> = keys.iter().map(|k| keymap::key_name(*k)).collect();
                (keys.join(" / "), action.words(indonesian))
            })
            .collect()
    }

    /// How many lines the help has: its entries, a blank line, the mouse's and the two of
    /// the marks.
    pub fn help_len(&self) -> usize {
        let entries = self
            .settings
            .keymap
            .bindings()
            .filter(|(_, keys)| !keys.is_empty())
            .count();
        entries + 4
    }

    /// The messages of this run, the newest first.
    pub fn messages(&self) -> impl Iterator<Item = &Logged> {
        self.status.history().iter().rev()
    }

    /// The first line of the overlay shown.
    pub fn help_scroll(&self) -> usize {
        self.overlay_scroll
    }

    /// Where the overlay goes on screen.
    pub fn help_area(&self) -> Rect {
        let screen = Rect::new(0, 0, self.size.0, self.size.1);
        layout::help_area(screen, self.overlay_len())
    }

    /// How many lines the overlay on screen has (an empty history has the line saying
    /// so).
    fn overlay_len(&self) -> usize {
        match self.overlay {
            Some(Overlay::Help) => self.help_len(),
            Some(Overlay::Messages) => self.status.history().len().max(1),
            None => 0,
        }
    }

    pub(super) fn open_overlay(&mut self, overlay: Overlay) {
        self.overlay = Some(overlay);
        self.overlay_scroll = 0;
    }

    pub(super) fn scroll_overlay(&mut self, action: Action) {
        let rows = usize::from(self.help_area().height.saturating_sub(2)).max(1);
        let max = self.overlay_len().saturating_sub(rows);
        let delta = match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::PageDown => rows as isize,
            Action::PageUp => -(rows as isize),
            Action::HalfPageDown => (rows / 2).max(1) as isize,
            Action::HalfPageUp => -((rows / 2).max(1) as isize),
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => 0,
        };
        self.overlay_scroll = self.overlay_scroll.saturating_add_signed(delta).min(max);
    }
}
