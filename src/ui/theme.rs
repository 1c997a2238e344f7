//! The few styles the screen uses, in one place.

use ratatui::style::{Color, Modifier, Style};

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn heading() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn quote() -> Style {
    Style::new().add_modifier(Modifier::ITALIC)
}

pub fn link() -> Style {
    Style::new().fg(Color::Blue)
}

pub fn selected() -> Style {
    Style::new().bg(Color::Blue).fg(Color::White)
}

pub fn error() -> Style {
    Style::new().fg(Color::Red)
}

pub fn focused_border() -> Style {
    Style::new().fg(Color::Cyan)
}
