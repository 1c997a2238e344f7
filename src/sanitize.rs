//! The one sanitizer: every piece of text and every link that comes out of a web page
//! passes through here before it enters the model, so nothing a page says can drive the
//! terminal (escape sequences, control characters) or reorder what is shown (bidi
//! overrides), and every link is an absolute http(s) URL.

use url::Url;

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
/// C1 introducers that start a control string (DCS, SOS, OSC, PM, APC), ended by ST.
const C1_STRING_STARTS: [char; 5] = ['\u{90}', '\u{98}', '\u{9d}', '\u{9e}', '\u{9f}'];
const C1_CSI: char = '\u{9b}';
const C1_ST: char = '\u{9c}';

/// Text that runs inline (titles, names, labels): all whitespace folds to single spaces.
pub fn inline(raw: &str) -> String {
    fold(&strip_controls(raw), false)
}

/// Text of a block (a paragraph): like [`inline`], but line breaks inside the text stay
/// (one at a time), so a poem or an address keeps its lines.
pub fn block(raw: &str) -> String {
    fold(&strip_controls(raw), true)
}

/// A link from a page: resolved against the page URL, kept only if it is http or https.
/// The fragment is kept; credentials in the URL are dropped.
pub fn link(href: &str, base: &Url) -> Option<Url> {
    let href = inline(href);
    if href.is_empty() {
        return None;
    }
    let mut url = base.join(&href).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    // Credentials in a link are either a mistake or a phishing trick; never keep them.
    let _ = url.set_username("");
    let _ = url.set_password(None);
    Some(url)
}

/// True for characters that reorder text on screen: the bidi embeddings, overrides and
/// isolates, and the implicit marks (which are invisible and only useful for tricks here).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Removes escape sequences whole (CSI, OSC and the other control strings, in both their
/// 7-bit ESC and 8-bit C1 forms), then every remaining C0 control except line breaks and
/// tabs, DEL, C1 and bidi controls.
fn strip_controls(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ESC => match chars.peek() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_control_string(&mut chars);
                }
                // Other two-character escapes (ESC c, ESC 7, ...): drop the next char too.
                Some(n) if ('\u{20}'..='\u{7e}').contains(n) => {
                    chars.next();
                }
                _ => {}
            },
            C1_CSI => skip_csi(&mut chars),
            c if C1_STRING_STARTS.contains(&c) => skip_control_string(&mut chars),
            '\n' | '\t' => out.push(c),
            '\r' => out.push('\n'),
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Skips a CSI sequence after its introducer: parameter and intermediate bytes, then one
/// final byte. A sequence cut short by other text ends where that text starts.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{30}'..='\u{3f}' | '\u{20}'..='\u{2f}' => {
                chars.next();
            }
            '\u{40}'..='\u{7e}' => {
                chars.next();
                return;
            }
            _ => return,
        }
    }
}

/// Skips an OSC/DCS/APC/PM/SOS body up to and including its terminator (BEL, ESC \ or
/// C1 ST). Control strings never span lines in practice; a line break ends one so that a
/// stray introducer cannot swallow the rest of an article.
fn skip_control_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            BEL | C1_ST => {
                chars.next();
                return;
            }
            ESC => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            '\n' => return,
            _ => {
                chars.next();
            }
        }
    }
}

/// Folds runs of whitespace to one space (or one line break, when `keep_lines` and the
/// run holds one) and trims the ends.
fn fold(text: &str, keep_lines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending: Option<char> = None;
    for c in text.chars() {
        if c.is_whitespace() {
            let brk = keep_lines && c == '\n';
            pending = match pending {
                Some('\n') => Some('\n'),
                _ if brk => Some('\n'),
                _ => Some(' '),
            };
        } else {
            if let Some(p) = pending.take()
                && !out.is_empty()
            {
                out.push(p);
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_go_whole() {
        assert_eq!(inline("a\u{1b}]0;PWNED\u{7}b"), "ab");
        assert_eq!(inline("a\u{1b}]52;c;cm0=\u{1b}\\b"), "ab");
        assert_eq!(inline("\u{9b}31mred\u{9b}0m"), "red");
        assert_eq!(inline("x\u{1b}[2Jy"), "xy");
        assert_eq!(inline("x\u{1b}[38;5;1my"), "xy");
    }

    #[test]
    fn controls_and_bidi_go_line_breaks_stay() {
        assert_eq!(block("one\u{0}\u{7f}\u{85}\ntwo\u{202e}"), "one\ntwo");
        assert_eq!(inline("one\n two"), "one two");
        assert_eq!(block("  a \n\n  b  "), "a\nb");
        assert_eq!(inline("\u{2067}x\u{2069}"), "x");
    }

    #[test]
    fn links_are_http_only_and_absolute() {
        let base = Url::parse("https://www.kompas.com/read/1").unwrap();
        assert_eq!(
            link("/tag/x", &base).unwrap().as_str(),
            "https://www.kompas.com/tag/x"
        );
        assert!(link("javascript:alert(1)", &base).is_none());
        assert!(link(" JaVaScRiPt:alert(1)", &base).is_none());
        assert!(link("data:image/png;base64,AAAA", &base).is_none());
        assert!(link("file:///etc/passwd", &base).is_none());
        assert_eq!(
            link("https://u:p@x.com/a", &base).unwrap().as_str(),
            "https://x.com/a"
        );
    }
}
