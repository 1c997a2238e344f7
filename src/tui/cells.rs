//! Cells whose width terminals disagree on, made plain before they are drawn.
//!
//! ratatui gives each grapheme the width `unicode-width` says and skips the cells it
//! covers; a terminal that draws the grapheme narrower leaves those cells as they were
//! (the `🇩` or `際` of the article before), and one that draws it wider shifts the rest
//! of the row. Flags (regional-indicator pairs), ZWJ sequences (`👨‍👩‍👧`), emoji
//! with a variation selector or a skin tone, keycaps and tag sequences are drawn at one
//! width by some terminals and at another by the rest. Each such grapheme is redrawn as
//! glyphs every terminal gives the same width, in the cells ratatui counted for it: a
//! flag as its two letters (`ID`), one per cell, anything else as its first character.
//! One glyph per cell matters: a terminal clears both cells of a wide glyph when either
//! is written over, but not the second letter of `ID` drawn into one cell.

use ratatui::buffer::Buffer;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Joins, selectors and modifiers that make a grapheme's width depend on the terminal.
fn is_disputed(c: char) -> bool {
    matches!(c,
        '\u{200D}' // zero-width joiner
        | '\u{FE0E}' | '\u{FE0F}' // text and emoji presentation selectors
        | '\u{20E3}' // combining enclosing keycap
        | '\u{1F3FB}'..='\u{1F3FF}' // skin tones
        | '\u{E0020}'..='\u{E007F}' // tags (subdivision flags)
    )
}

/// The letter a regional indicator stands for.
fn regional_letter(c: char) -> Option<char> {
    let offset = u32::from(c).checked_sub(0x1F1E6)?;
    (offset < 26).then(|| char::from(b'A' + offset as u8))
}

/// The glyphs to draw, left to right, in the cells of `symbol`, if its width is in
/// dispute. They never take more cells than ratatui counted for `symbol`.
pub fn plain(symbol: &str) -> Option<Vec<char>> {
    // Nearly every cell holds one ASCII character, which no terminal disputes; this runs
    // on every cell of every frame.
    if symbol.is_ascii() {
        return None;
    }
    let width = symbol.width();
    let letters: Vec<char> = symbol.chars().filter_map(regional_letter).collect();
    if !letters.is_empty() {
        return Some(letters.into_iter().take(width).collect());
    }
    if !symbol.chars().skip(1).any(is_disputed) {
        return None;
    }
    let first = symbol.chars().next()?;
    Some(if first.width().unwrap_or(0) <= width {
        vec![first]
    } else {
        Vec::new()
    })
}

/// Redraws every grapheme of `buffer` whose width is in dispute.
pub fn settle(buffer: &mut Buffer) {
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let Some(glyphs) = plain(buffer[(x, y)].symbol()) else {
                continue;
            };
            let style = buffer[(x, y)].style();
            // The cells after a wide grapheme are blank in the buffer (ratatui resets
            // them), so the glyphs go there.
            buffer[(x, y)].set_symbol(" ");
            let mut at = x;
            for glyph in glyphs {
                // A widget that set a wide symbol in the last column gets no second cell.
                if at >= area.right() {
                    break;
                }
                buffer[(at, y)].set_char(glyph).set_style(style);
                at += glyph.width().unwrap_or(0) as u16;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn disputed_graphemes_become_glyphs_that_fit_the_cells_counted() {
        for (symbol, expected) in [
            ("🇮🇩", "ID"),
            ("👨\u{200D}👩\u{200D}👧", "👨"),
            ("❤\u{FE0F}", "❤"),
            ("👍🏽", "👍"),
            ("1\u{FE0F}\u{20E3}", "1"),
        ] {
            let glyphs: String = plain(symbol).unwrap().into_iter().collect();
            assert_eq!(glyphs, expected, "{symbol:?}");
            assert!(
                glyphs.width() <= symbol.width(),
                "{symbol:?} fits its cells"
            );
        }
    }

    #[test]
    fn text_terminals_agree_on_is_left_alone() {
        for symbol in ["a", "國", "際", "é", "e\u{301}", "👨", "❤", " "] {
            assert_eq!(plain(symbol), None, "{symbol:?}");
        }
    }

    #[test]
    fn a_whole_buffer_is_settled_one_glyph_per_cell() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 1));
        buffer.set_string(0, 0, "🇮🇩 国際 ❤\u{FE0F}!", ratatui::style::Style::default());
        settle(&mut buffer);
        let cells: Vec<&str> = buffer.content.iter().map(|c| c.symbol()).collect();
        // A wide glyph's second cell stays blank: ratatui skips it when drawing.
        assert_eq!(
            cells,
            ["I", "D", " ", "国", " ", "際", " ", " ", "❤", " ", "!", " "]
        );
    }
}
