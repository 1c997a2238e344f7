//! Fitting a message into the status line. A message says why, then where
//! (`page not found (HTTP 404): https://…`); when it is too wide, the address gives way
//! first, from its middle, so the reason and the end of the address (the article's
//! slug) both stay readable.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::app::layout::truncate;

/// `text` in at most `width` columns: the web address in it shortened in the middle,
/// then, if the rest is still too wide, its end cut, with `…` where text was left out.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if let Some((start, end)) = address_in(text) {
        let (before, url, after) = (&text[..start], &text[start..end], &text[end..]);
        let rest = before.width() + after.width();
        // Down to `…` alone if need be: the reason matters more than where.
        if rest < width {
            return format!("{before}{}{after}", middle_out(url, width - rest));
        }
    }
    truncate(text, width)
}

/// Whether `text` fits `width` with every word of its reason and at least
/// [`ADDRESS_KEPT`] columns of its address (or all of a shorter one).
pub fn fits_whole(text: &str, width: usize) -> bool {
    let kept = match address_in(text) {
        Some((start, end)) => {
            let url = &text[start..end];
            text.width() - url.width() + url.width().min(ADDRESS_KEPT)
        }
        None => text.width(),
    };
    kept <= width
}

/// The columns of an address that still tell where it leads: its host and some of its
/// end.
const ADDRESS_KEPT: usize = 24;

/// Where the first web address in `text` starts and ends.
fn address_in(text: &str) -> Option<(usize, usize)> {
    let start = text.find("https://").or_else(|| text.find("http://"))?;
    let end = text[start..]
        .find(char::is_whitespace)
        .map_or(text.len(), |n| start + n);
    Some((start, end))
}

/// `url` in `width` columns: its start (scheme and host), `…`, and its end.
fn middle_out(url: &str, width: usize) -> String {
    let keep = width.saturating_sub(1);
    let head_width = keep / 2;
    let mut head = String::new();
    let mut used = 0;
    for c in url.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > head_width {
            break;
        }
        head.push(c);
        used += w;
    }
    let mut tail: Vec<char> = Vec::new();
    let mut tail_used = 0;
    for c in url.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + tail_used + w > keep {
            break;
        }
        tail.push(c);
        tail_used += w;
    }
    let tail: String = tail.into_iter().rev().collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ERROR: &str = "page too complex to read safely (nested more than 256 elements deep): \
                         https://www.kompas.com/read/2026/11/25/10000001/banjir-rob-di-pesisir-utara";

    #[test]
    fn what_fits_is_left_alone() {
        assert_eq!(
            fit("page not found (HTTP 404)", 40),
            "page not found (HTTP 404)"
        );
    }

    #[test]
    fn the_address_gives_way_before_the_reason() {
        let fitted = fit(ERROR, 100);
        assert_eq!(fitted.width(), 100, "{fitted}");
        assert!(fitted.starts_with(
            "page too complex to read safely (nested more than 256 elements deep): https://www.k"
        ));
        assert!(fitted.ends_with("pesisir-utara"), "{fitted}");
        assert!(fitted.contains('…'));
    }

    #[test]
    fn a_reason_too_long_for_the_line_is_cut_at_its_end() {
        let fitted = fit(ERROR, 50);
        assert_eq!(fitted.width(), 50, "{fitted}");
        assert!(fitted.starts_with("page too complex to read safely"));
        assert!(fitted.ends_with('…'));
        let wide = fit("国国国国国", 5);
        assert!(wide.width() <= 5, "{wide}");
    }

    #[test]
    fn a_long_reason_keeps_all_its_words_while_the_address_can_give_way() {
        let text = "cannot load https://example.org/a/b/c: too many redirects, or a redirect \
                    to a non-web address";
        let fitted = fit(text, 70);
        assert!(fitted.width() <= 70, "{fitted}");
        assert!(fitted.ends_with("to a non-web address"), "{fitted}");
        assert!(fitted.starts_with("cannot load h"), "{fitted}");
    }

    #[test]
    fn a_text_fits_whole_when_its_reason_and_some_of_its_address_do() {
        let reason = "page too complex to read safely (nested more than 256 elements deep): ";
        assert!(fits_whole(ERROR, reason.width() + 24));
        assert!(!fits_whole(ERROR, reason.width() + 23));
        assert!(fits_whole("no address here", 15));
        assert!(!fits_whole("no address here", 14));
    }

    #[test]
    fn text_after_the_address_stays() {
        let text = format!("{ERROR} · o: open in browser");
        let fitted = fit(&text, 110);
        assert_eq!(fitted.width(), 110);
        assert!(fitted.ends_with("utara · o: open in browser"), "{fitted}");
    }
}
