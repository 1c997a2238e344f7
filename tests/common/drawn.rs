//! Where a forbidden character could still reach the terminal from the reader, checked
//! where it would really be: the laid-out lines (the model ratatui draws from) and the
//! bytes the crossterm backend writes. A `TestBackend` buffer cannot show a control
//! character: ratatui drops them before they reach a cell.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use kabar::app::App;
use kabar::app::layout::ArticleLines;
use kabar::article::Article;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::{first_forbidden, test_now};

/// The article laid out for a reader pane `width` columns wide, as the reader does it.
pub fn laid_out(article: &Article, width: u16) -> ArticleLines {
    ArticleLines::new(article, width, 80)
}

/// The first forbidden character in the laid-out lines, if any.
pub fn lines_problem(lines: &ArticleLines) -> Option<String> {
    lines.lines.iter().enumerate().find_map(|(n, line)| {
        first_forbidden(&line.text)
            .map(|(i, c)| format!("{c} at {i} in laid-out line {n}: {:?}", line.text))
    })
}

/// A writer that keeps what it is given, shared with the test.
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A terminal of a fixed size whose bytes are kept: the crossterm backend the reader's
/// event loop draws with. (The loop also makes cells whose width terminals dispute plain,
/// `tui::cells`, private to the binary's side: that only ever puts letters in their place.)
pub struct ByteTerminal {
    terminal: Terminal<CrosstermBackend<Sink>>,
    sink: Sink,
}

impl ByteTerminal {
    pub fn new(size: (u16, u16)) -> Self {
        let sink = Sink::default();
        let terminal = Terminal::with_options(
            CrosstermBackend::new(sink.clone()),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, size.0, size.1)),
            },
        )
        .expect("a terminal on a byte sink");
        ByteTerminal { terminal, sink }
    }

    /// Draws `app` with the test clock; the bytes written for this frame.
    pub fn draw(&mut self, app: &App) -> Vec<u8> {
        self.sink.0.borrow_mut().clear();
        self.terminal
            .draw(|f| kabar::ui::draw(f, app, test_now()))
            .expect("draws");
        std::mem::take(&mut *self.sink.0.borrow_mut())
    }
}

/// What is wrong with bytes written to the terminal, if anything: an escape sequence
/// other than those the backend writes itself (cursor moves `ESC [ row ; col H`, colours
/// and attributes `ESC [ … m`, the cursor hidden or shown `ESC [ ? 25 l/h`), or a
/// forbidden character in the text between them.
pub fn bytes_problem(bytes: &[u8]) -> Option<String> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return Some(format!("the bytes written are not UTF-8: {e}")),
    };
    let mut shown = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        shown.push_str(&rest[..at]);
        let Some(csi) = rest[at + 1..].strip_prefix('[') else {
            return Some(format!("an escape that is not CSI: {:?}", &rest[at..]));
        };
        let end = csi.find(|c: char| !(c.is_ascii_digit() || matches!(c, ';' | ':' | '?')));
        let Some(end) = end else {
            return Some(format!("an unfinished escape sequence: {:?}", &rest[at..]));
        };
        let (params, last) = (&csi[..end], csi[end..].chars().next().unwrap_or_default());
        let own = match last {
            'H' | 'm' => !params.starts_with('?'),
            'h' | 'l' => params == "?25",
            _ => false,
        };
        if !own {
            return Some(format!(
                "an escape sequence not the backend's: ESC[{params}{last}"
            ));
        }
        rest = &csi[end + last.len_utf8()..];
    }
    shown.push_str(rest);
    first_forbidden(&shown).map(|(i, c)| format!("{c} at {i} in the text written"))
}
