//! Whether the terminal can draw photos as pictures, found once before the event loop.
//! Finding out means asking the terminal (escape sequences out, its answer read back
//! from stdin), which is only safe before anything else reads stdin and only worth it
//! where a picture can reach the screen: not with `images = "off"`, not over SSH with
//! `auto` (every picture crosses the link), not inside tmux unless `images = "on"`
//! (tmux passes graphics through only when set up to). A terminal that does not answer
//! in time, or answers with no graphics protocol (kitty, iTerm2 or sixel), gets none:
//! its photos stay `[foto]` lines.

use std::env;

use ratatui_image::errors::Errors;
use ratatui_image::picker::cap_parser::QueryStdioOptions;
use ratatui_image::picker::{Picker, ProtocolType};

use crate::config::Images;

/// How long the terminal has to answer. Terminals answer in a few milliseconds; one
/// that is silent (or absent) costs the start-up no more than this.
const QUERY_TIMEOUT_MS: i32 = 300;

/// Where the reader runs, as far as pictures care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub ssh: bool,
    pub tmux: bool,
}

impl Place {
    /// Read from the environment: SSH sets `SSH_CONNECTION` or `SSH_TTY`, tmux `TMUX`.
    pub fn here() -> Self {
        let set = |name| env::var_os(name).is_some_and(|v| !v.is_empty());
        Place {
            ssh: set("SSH_CONNECTION") || set("SSH_TTY"),
            tmux: set("TMUX"),
        }
    }
}

/// Whether to ask the terminal at all, for the `images` setting where the reader runs.
pub fn worth_asking(images: Images, place: Place) -> bool {
    match images {
        Images::Off => false,
        Images::On => true,
        Images::Auto => !place.ssh && !place.tmux,
    }
}

/// The picker to draw pictures with, from the terminal's answer: none when the query
/// failed or found only the text-cell fallback (halfblocks), which is no picture.
pub fn from_answer(answer: Result<Picker, Errors>) -> Option<Picker> {
    answer
        .ok()
        .filter(|picker| picker.protocol_type() != ProtocolType::Halfblocks)
}

/// Asks the terminal, if worth it, for the protocol pictures can be drawn with. Call
/// before the event loop reads stdin; the query switches raw mode on and off itself and
/// nothing of the answer is printed.
pub fn detect(images: Images, place: Place) -> Option<Picker> {
    if !worth_asking(images, place) {
        return None;
    }
    let options = QueryStdioOptions {
        timeout_ms: QUERY_TIMEOUT_MS,
        ..QueryStdioOptions::default()
    };
    from_answer(Picker::from_query_stdio_with_options(options))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCAL: Place = Place {
        ssh: false,
        tmux: false,
    };
    const SSH: Place = Place {
        ssh: true,
        tmux: false,
    };
    const TMUX: Place = Place {
        ssh: false,
        tmux: true,
    };
    const BOTH: Place = Place {
        ssh: true,
        tmux: true,
    };

    #[test]
    fn off_never_asks_on_always_does() {
        for place in [LOCAL, SSH, TMUX, BOTH] {
            assert!(!worth_asking(Images::Off, place), "{place:?}");
            assert!(worth_asking(Images::On, place), "{place:?}");
        }
    }

    #[test]
    fn auto_asks_only_a_local_terminal_outside_tmux() {
        assert!(worth_asking(Images::Auto, LOCAL));
        assert!(!worth_asking(Images::Auto, SSH));
        assert!(!worth_asking(Images::Auto, TMUX));
        assert!(!worth_asking(Images::Auto, BOTH));
    }

    #[test]
    fn a_failed_query_or_text_cells_only_give_no_pictures() {
        assert!(from_answer(Err(Errors::NoStdinResponse)).is_none());
        assert!(from_answer(Err(Errors::NoCap)).is_none());
        assert!(from_answer(Ok(Picker::halfblocks())).is_none());
        for protocol in [
            ProtocolType::Kitty,
            ProtocolType::Iterm2,
            ProtocolType::Sixel,
        ] {
            let mut picker = Picker::halfblocks();
            picker.set_protocol_type(protocol);
            let found = from_answer(Ok(picker)).map(|p| p.protocol_type());
            assert_eq!(found, Some(protocol));
        }
    }
}
