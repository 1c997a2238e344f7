//! What comes in to `App::update`: keys, mouse, resizes, the worker's answers, time.

use crossterm::event::{KeyEvent, MouseEvent};

use crate::requests::{Answer, RequestId};

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    Answer(Answer),
    /// Time passed while something loads (moves the spinner).
    Tick,
    /// Time to refresh the list on screen (every few minutes while open).
    Refresh,
    /// The time the app asked to be woken at ([`super::App::wake_at`]) has come.
    Wake,
    Quit,
}

/// Hands out request ids, each once.
#[derive(Debug, Default)]
pub struct Ids(RequestId);

impl Ids {
    pub fn next(&mut self) -> RequestId {
        self.0 += 1;
        self.0
    }
}
