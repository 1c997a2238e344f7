//! The frame in ASCII, for a terminal or locale that cannot show anything else.
//!
//! The screen's own glyphs (marks, separators, the spinner, quotation marks) and the
//! article's letters alike: an accented letter loses its accent (`é` → `e`), a glyph with
//! a plain equivalent gets it, and anything else shows as `?`. Done on the finished frame
//! so that no widget, present or future, needs its own ASCII variant; borders and the
//! scrollbar are drawn in ASCII from the start, which keeps their shapes.

use ratatui::buffer::Buffer;
use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthStr;

/// The ASCII stand-in for a glyph the screen draws itself or that articles often hold.
fn stand_in(c: char) -> Option<&'static str> {
    Some(match c {
        '•' => "*",
        '·' => "-",
        '…' => ".",
        '‹' | '«' => "<",
        '›' | '»' => ">",
        '┃' | '│' | '▏' | '║' => "|",
        '─' | '–' | '—' | '‑' | '−' => "-",
        '“' | '”' | '„' => "\"",
        '‘' | '’' | '‚' => "'",
        '\u{a0}' => " ",
        '⠋' | '⠙' | '⠹' | '⠸' | '⠼' | '⠴' | '⠦' | '⠧' => "*",
        _ => return None,
    })
}

/// What an ASCII terminal shows for the grapheme `symbol`, which takes `width` cells.
fn ascii(symbol: &str) -> String {
    let mut out = String::new();
    for c in symbol.chars() {
        if let Some(s) = stand_in(c) {
            out.push_str(s);
        } else {
            // Canonical decomposition splits a letter from its accents; the base stays
            // when it is ASCII.
            out.extend(c.nfd().filter(char::is_ascii).take(1));
        }
    }
    let width = symbol.width().max(1);
    if out.is_empty() || out.len() > width {
        out = "?".repeat(width);
    }
    out
}

/// Redraws every cell of `buffer` that is not ASCII.
pub fn flatten(buffer: &mut Buffer) {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            if symbol.is_ascii() {
                x += 1;
                continue;
            }
            let plain = ascii(symbol);
            // A wide grapheme's second cell is blank in the buffer: its stand-in fills
            // both, one character a cell.
            for (i, c) in plain.chars().enumerate() {
                let at = x + i as u16;
                if at < area.right() {
                    buffer[(at, y)].set_char(c);
                }
            }
            x += plain.len().max(1) as u16;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn marks_letters_and_wide_glyphs_become_ascii() {
        assert_eq!(ascii("•"), "*");
        assert_eq!(ascii("é"), "e");
        assert_eq!(ascii("e\u{301}"), "e");
        assert_eq!(ascii("“"), "\"");
        assert_eq!(ascii("国"), "??");
        assert_eq!(ascii("🙂"), "??");
        assert_eq!(ascii("ß"), "?");
    }

    #[test]
    fn a_frame_is_all_ascii_afterwards_with_its_columns_in_place() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 1));
        buffer.set_string(0, 0, "国 Kafé · x…", ratatui::style::Style::default());
        flatten(&mut buffer);
        let row: String = (0..12)
            .map(|x| buffer[(x, 0)].symbol().to_string())
            .collect();
        assert_eq!(row, "?? Kafe - x.");
    }
}
