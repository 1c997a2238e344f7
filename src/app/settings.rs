//! What the app is set up with, and the theme the config's colours make.

use ratatui::style::Color;

use super::clock::Clock;
use super::layout::{self, ROWS_PER_HEADLINE};
use crate::config::{self, Colors, ListWidth, ThemePreset};
use crate::keymap::Keymap;
use crate::sites::kompas::INDEX_URL;
use crate::theme::{Palette, Theme};
use crate::words::{self, Words};

/// What the app is set up with (from the config file, in the binary).
#[derive(Debug, Clone)]
pub struct Settings {
    pub theme: Theme,
    /// Section tabs: name and index URL.
    pub sections: Vec<(String, String)>,
    pub keymap: Keymap,
    pub words: Words,
    pub text_width: u16,
    pub offline: bool,
    /// Whether there is an offline store. Without one nothing is kept, so nothing can be
    /// saved either.
    pub store: bool,
    /// Borders and the scrollbar in ASCII, for a terminal or locale without UTF-8.
    pub ascii: bool,
    /// Dates the status line's messages and ends its notices.
    pub clock: Clock,
    /// How wide the list is beside the reader.
    pub list_width: ListWidth,
    /// Titles in the list over two lines rather than cut to one.
    pub wrap_titles: bool,
    /// Whether the photos on screen are fetched.
    pub images: config::Images,
    /// Whether photos that arrived are drawn as pictures under their `[foto]` line: the
    /// terminal was found to show them (see `tui::graphics`).
    pub pictures: bool,
}

impl Settings {
    /// The rows of a headline's title and its label and age (a search's hits add the
    /// passage that matched: [`App::rows_per_headline`](super::App::rows_per_headline)).
    pub fn headline_rows(&self) -> u16 {
        if self.wrap_titles {
            ROWS_PER_HEADLINE + 1
        } else {
            ROWS_PER_HEADLINE
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::default(),
            sections: vec![("Terkini".into(), INDEX_URL.into())],
            keymap: Keymap::default(),
            words: words::EN,
            text_width: layout::MAX_TEXT_WIDTH,
            offline: false,
            store: true,
            ascii: false,
            clock: Clock::default(),
            list_width: ListWidth::default(),
            wrap_titles: false,
            images: config::Images::default(),
            pictures: false,
        }
    }
}

/// The theme the config asks for; plain under `NO_COLOR`. A colour left at its default
/// takes the preset's; colour names were checked when the config was loaded, and one that
/// does not parse keeps the preset's. This lives here, not in `theme`, because the theme
/// is a leaf that knows nothing of the config.
pub fn theme_from_colors(colors: &Colors, preset: ThemePreset, no_color: bool) -> Theme {
    if no_color {
        return Theme::plain();
    }
    let d = Palette::default();
    let light = Palette::light();
    let unset = Colors::default();
    let light_preset = preset == ThemePreset::Light;
    // The dark preset is the defaults of [colors] themselves.
    let pick = |name: &str, default_name: &str, light: Color, dark: Color| {
        if light_preset && name == default_name {
            light
        } else {
            config::parse_color(name).unwrap_or(dark)
        }
    };
    Theme::new(Palette {
        accent: pick(&colors.accent, &unset.accent, light.accent, d.accent),
        selected_fg: pick(
            &colors.selected_fg,
            &unset.selected_fg,
            light.selected_fg,
            d.selected_fg,
        ),
        selected_bg: pick(
            &colors.selected_bg,
            &unset.selected_bg,
            light.selected_bg,
            d.selected_bg,
        ),
        dim: pick(&colors.dim, &unset.dim, light.dim, d.dim),
        link: pick(&colors.link, &unset.link, light.link, d.link),
        heading: pick(&colors.heading, &unset.heading, light.heading, d.heading),
        error: pick(&colors.error, &unset.error, light.error, d.error),
        unread: pick(&colors.unread, &unset.unread, light.unread, d.unread),
    })
}
