//! Keys to actions: one table, read both by the key handler and by the help overlay, so
//! the help can never disagree with what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    Open,
    SwitchPane,
    Back,
    Forward,
    Reload,
    OpenInBrowser,
    Help,
    Close,
    Quit,
}

/// Every binding: the keys, the action, and the words the help overlay shows.
pub const BINDINGS: &[(&[KeyCode], Action, &str)] = &[
    (
        &[KeyCode::Char('j'), KeyCode::Down],
        Action::Down,
        "move down / scroll down",
    ),
    (
        &[KeyCode::Char('k'), KeyCode::Up],
        Action::Up,
        "move up / scroll up",
    ),
    (
        &[KeyCode::Char('g'), KeyCode::Home],
        Action::Top,
        "go to the top",
    ),
    (
        &[KeyCode::Char('G'), KeyCode::End],
        Action::Bottom,
        "go to the bottom",
    ),
    (
        &[KeyCode::Char(' '), KeyCode::PageDown],
        Action::PageDown,
        "page down",
    ),
    (
        &[KeyCode::Char('b'), KeyCode::PageUp],
        Action::PageUp,
        "page up",
    ),
    (
        &[KeyCode::Enter],
        Action::Open,
        "open the headline; in the reader, N Enter opens link [N]",
    ),
    (&[KeyCode::Tab], Action::SwitchPane, "switch pane"),
    (
        &[KeyCode::Backspace, KeyCode::Char('h')],
        Action::Back,
        "back",
    ),
    (&[KeyCode::Char('l')], Action::Forward, "forward"),
    (&[KeyCode::Char('r')], Action::Reload, "reload"),
    (
        &[KeyCode::Char('o')],
        Action::OpenInBrowser,
        "open in the system browser",
    ),
    (&[KeyCode::Char('?')], Action::Help, "this help"),
    (
        &[KeyCode::Esc],
        Action::Close,
        "close the help / back to the list",
    ),
    (&[KeyCode::Char('q')], Action::Quit, "quit"),
];

/// The action bound to a key press, if any. Ctrl-C always quits.
pub fn action_for(key: KeyEvent) -> Option<Action> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(key.code, KeyCode::Char('c')).then_some(Action::Quit);
    }
    BINDINGS
        .iter()
        .find(|(keys, _, _)| keys.contains(&key.code))
        .map(|(_, action, _)| *action)
}

/// How a key is written in the help: `j`, `↓`, `Space`, `PgDn`.
pub fn key_name(code: KeyCode) -> String {
    match code {
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Esc => "Esc".into(),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_one_action() {
        let mut seen = Vec::new();
        for (keys, _, _) in BINDINGS {
            for k in *keys {
                assert!(!seen.contains(k), "{k:?} bound twice");
                seen.push(*k);
            }
        }
    }

    #[test]
    fn vim_and_arrow_keys() {
        let press = |c| action_for(KeyEvent::new(c, KeyModifiers::NONE));
        assert_eq!(press(KeyCode::Char('j')), Some(Action::Down));
        assert_eq!(press(KeyCode::Down), Some(Action::Down));
        assert_eq!(press(KeyCode::Char('G')), Some(Action::Bottom));
        assert_eq!(press(KeyCode::Char('x')), None);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(ctrl_c), Some(Action::Quit));
    }
}
