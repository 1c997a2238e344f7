//! The styles the screen uses, in one place; colours come from the config (read in
//! `app::settings`, as this leaf knows no config), and with `NO_COLOR` only bold, italic,
//! underline and reverse remain (a match of the search is in reverse video).

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub heading: Style,
    pub dim: Style,
    pub quote: Style,
    pub link: Style,
    pub selected: Style,
    pub error: Style,
    pub accent: Style,
    pub unread: Style,
    /// A match of the search in the article.
    pub found: Style,
    /// A match on the line the search is at.
    pub found_current: Style,
}

/// The colours a theme is made of (names as the config writes them, already checked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub accent: Color,
    pub selected_fg: Color,
    pub selected_bg: Color,
    pub dim: Color,
    pub link: Color,
    pub heading: Color,
    pub error: Color,
    pub unread: Color,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            accent: Color::Cyan,
            selected_fg: Color::White,
            selected_bg: Color::Blue,
            dim: Color::DarkGray,
            link: Color::Blue,
            heading: Color::Cyan,
            error: Color::Red,
            unread: Color::Yellow,
        }
    }
}

impl Palette {
    /// The preset for a light background: darker colours that keep their contrast on
    /// white.
    pub fn light() -> Self {
        Palette {
            accent: Color::Blue,
            selected_fg: Color::Black,
            selected_bg: Color::LightCyan,
            dim: Color::Gray,
            link: Color::Blue,
            heading: Color::Magenta,
            error: Color::Red,
            unread: Color::Reset,
        }
    }
}

impl Theme {
    pub fn new(p: Palette) -> Self {
        Theme {
            title: Style::new().add_modifier(Modifier::BOLD),
            heading: Style::new().fg(p.heading).add_modifier(Modifier::BOLD),
            dim: Style::new().fg(p.dim),
            quote: Style::new().add_modifier(Modifier::ITALIC),
            link: Style::new().fg(p.link),
            selected: Style::new().bg(p.selected_bg).fg(p.selected_fg),
            error: Style::new().fg(p.error),
            accent: Style::new().fg(p.accent),
            unread: Style::new().fg(p.unread).add_modifier(Modifier::BOLD),
            found: Style::new().bg(Color::Yellow).fg(Color::Black),
            found_current: Style::new()
                .bg(Color::LightRed)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
        }
    }

    /// For `NO_COLOR`: structure by weight and reverse video only.
    pub fn plain() -> Self {
        let none = Style::new();
        Theme {
            title: none.add_modifier(Modifier::BOLD),
            heading: none.add_modifier(Modifier::BOLD),
            dim: none,
            quote: none.add_modifier(Modifier::ITALIC),
            link: none.add_modifier(Modifier::UNDERLINED),
            selected: none.add_modifier(Modifier::REVERSED),
            error: none.add_modifier(Modifier::BOLD),
            accent: none.add_modifier(Modifier::BOLD),
            unread: none.add_modifier(Modifier::BOLD),
            found: none.add_modifier(Modifier::REVERSED),
            found_current: none
                .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(Palette::default())
    }
}
