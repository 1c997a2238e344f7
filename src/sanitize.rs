//! The one sanitizer: every piece of text and every link that comes out of a web page
//! passes through here before it enters the model, so nothing a page says can drive the
//! terminal (escape sequences, control characters), reorder what is shown (bidi
//! overrides) or hide in it (invisible, private-use and non-characters), and every link
//! is an absolute http(s) URL.

use unicode_segmentation::UnicodeSegmentation;
use url::Url;

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
/// C1 introducers that start a control string (DCS, SOS, OSC, PM, APC), ended by ST.
const C1_STRING_STARTS: [char; 5] = ['\u{90}', '\u{98}', '\u{9d}', '\u{9e}', '\u{9f}'];
const C1_CSI: char = '\u{9b}';
const C1_ST: char = '\u{9c}';
const ZWJ: char = '\u{200d}';
/// The longest control string (after its introducer) that is removed whole. A C1
/// introducer with no terminator within this span, or with a line break or another
/// control before it, is a stray byte (the last byte of a UTF-8 `”` read as windows-1252
/// is U+009D), not an escape: only it is dropped, so it cannot take the rest of the text.
const MAX_CONTROL_STRING: usize = 512;

/// Text that runs inline (titles, names, labels): all whitespace folds to single spaces.
pub fn inline(raw: &str) -> String {
    fold(&drop_loose_joiners(strip_controls(raw)), false)
}

/// Text of a block (a paragraph): like [`inline`], but line breaks inside the text stay
/// (one at a time), so a poem or an address keeps its lines.
pub fn block(raw: &str) -> String {
    fold(&drop_loose_joiners(strip_controls(raw)), true)
}

/// A link from a page: resolved against the page URL, kept only if it is http or https.
/// The fragment is kept; credentials in the URL are dropped.
pub fn link(href: &str, base: &Url) -> Option<Url> {
    let href = inline(href);
    if href.is_empty() || has_scheme_twice(&href) {
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

/// `http:http://…` or `https://https://…`: a scheme written twice, as a template joins a
/// scheme to an address that has one. Joined to a page of the same scheme, the first
/// would read as a path on the page's own host.
fn has_scheme_twice(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    after_scheme(&lower).and_then(after_scheme).is_some()
}

/// What follows an `http:` or `https:` at the start of `s`, and the slashes after it.
fn after_scheme(s: &str) -> Option<&str> {
    ["http:", "https:"]
        .iter()
        .find_map(|scheme| s.strip_prefix(scheme))
        .map(|rest| rest.trim_start_matches('/'))
}

/// True for characters that reorder text on screen: the bidi embeddings, overrides and
/// isolates, and the implicit marks (which are invisible and only useful for tricks here).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// True for characters that show nothing and only hide things in text: zero-width
/// spaces and joiners (ZWJ is judged apart, see [`drop_loose_joiners`]), the word joiner,
/// the BOM, the soft hyphen, the Mongolian vowel separator, tag characters, private-use
/// characters (which no font of the reader's shows as the page meant) and noncharacters.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'
            | '\u{200c}'
            | '\u{2060}'
            | '\u{feff}'
            | '\u{ad}'
            | '\u{180e}'
            | '\u{e0000}'..='\u{e007f}'
            | '\u{e000}'..='\u{f8ff}'
            | '\u{f0000}'..='\u{10ffff}'
            | '\u{fdd0}'..='\u{fdef}'
    ) || (c as u32) & 0xfffe == 0xfffe
}

/// Removes escape sequences whole (CSI, OSC and the other control strings, in both their
/// 7-bit ESC and 8-bit C1 forms), then every remaining C0 control except line breaks and
/// tabs, DEL, C1, bidi controls and invisible characters.
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
            c if c.is_control() || is_bidi_control(c) || is_invisible(c) => {}
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

/// Skips an OSC/DCS/APC/PM/SOS body and its terminator (BEL, ESC \ or C1 ST) when the
/// string is well formed: terminated within [`MAX_CONTROL_STRING`] characters, with no
/// other control (a line break included) before the terminator. Otherwise nothing is
/// skipped and only the introducer, already taken, is lost. The look ahead stops at the
/// first control, so each character is looked at by one introducer at most and the whole
/// text is cleaned in linear time.
fn skip_control_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    let mut ahead = chars.clone();
    for _ in 0..=MAX_CONTROL_STRING {
        match ahead.next() {
            Some(BEL | C1_ST) => {
                *chars = ahead;
                return;
            }
            Some(ESC) => {
                if ahead.next() == Some('\\') {
                    *chars = ahead;
                }
                return;
            }
            Some(c) if c.is_control() => return,
            Some(_) => {}
            None => return,
        }
    }
}

/// Drops each zero-width joiner that does not join: one is kept only inside a grapheme
/// cluster, followed there by what it joins (an emoji ZWJ sequence such as 👨‍👩‍👧, or a
/// conjunct in an Indic script), where it changes what is drawn; anywhere else it is
/// invisible. Judged on text already cleaned of everything else, so cleaning again keeps
/// the same joiners.
fn drop_loose_joiners(text: String) -> String {
    if !text.contains(ZWJ) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for cluster in text.graphemes(true) {
        let mut chars = cluster.chars().peekable();
        while let Some(c) = chars.next() {
            if c != ZWJ || chars.peek().is_some_and(|&n| n != ZWJ) {
                out.push(c);
            }
        }
    }
    out
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
    fn a_stray_c1_introducer_is_one_character_not_the_rest_of_the_line() {
        // The end of a UTF-8 `”` (E2 80 9D) read as windows-1252: `â€` and U+009D.
        assert_eq!(
            inline("Ia berkata \u{e2}\u{20ac}\u{9d}kami siap\u{e2}\u{20ac}\u{9d} kemarin."),
            "Ia berkata \u{e2}\u{20ac}kami siap\u{e2}\u{20ac} kemarin."
        );
        assert_eq!(inline("a\u{90}b c d"), "ab c d");
        assert_eq!(block("a\u{9d}b\nc\u{7}d"), "ab\ncd");
        // Another control comes before any terminator: the first introducer is a stray
        // byte; the second starts a well-formed string.
        assert_eq!(inline("a\u{9d}bc\u{90}de\u{9c}f"), "abcf");
        // Terminated too far away to be a real control string.
        let far = format!("x\u{9d}{}\u{7}y", "k".repeat(MAX_CONTROL_STRING + 1));
        assert_eq!(
            inline(&far),
            format!("x{}y", "k".repeat(MAX_CONTROL_STRING + 1))
        );
        let near = format!("x\u{9d}{}\u{7}y", "k".repeat(MAX_CONTROL_STRING));
        assert_eq!(inline(&near), "xy");
        // An unterminated ESC string loses its two introducing characters only.
        assert_eq!(inline("a\u{1b}]0;judul"), "a0;judul");
    }

    #[test]
    fn well_formed_c1_strings_still_go_whole() {
        assert_eq!(inline("a\u{9d}0;PWNED\u{7}b"), "ab");
        assert_eq!(inline("a\u{90}1$r\u{9c}b"), "ab");
        assert_eq!(inline("a\u{9f}x\u{1b}\\b"), "ab");
        assert_eq!(inline("a\u{9e}\u{9c}b"), "ab");
    }

    #[test]
    fn invisible_private_and_non_characters_go() {
        assert_eq!(
            inline("a\u{200b}b\u{200c}c\u{2060}d\u{feff}e\u{ad}f\u{180e}g"),
            "abcdefg"
        );
        assert_eq!(inline("x\u{e0041}\u{e007f}y\u{e0001}"), "xy");
        assert_eq!(
            inline("x\u{fdd0}\u{fdef}\u{fffe}\u{ffff}\u{1fffe}\u{10ffff}y"),
            "xy"
        );
        assert_eq!(inline("x\u{e000}\u{f8ff}\u{f0000}\u{10fffd}y"), "xy");
        assert_eq!(inline("x\u{200e}\u{200f}\u{61c}y"), "xy");
        // Neighbours of the ranges stay.
        assert_eq!(
            inline("\u{fdcf}\u{fdf0}\u{f900}\u{fffd}"),
            "\u{fdcf}\u{fdf0}\u{f900}\u{fffd}"
        );
    }

    #[test]
    fn a_joiner_stays_only_where_it_joins() {
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(inline(family), family);
        let rainbow = "\u{1f3f3}\u{fe0f}\u{200d}\u{1f308}";
        assert_eq!(inline(rainbow), rainbow);
        assert_eq!(inline("ka\u{200d}ta \u{200d}kita\u{200d}"), "kata kita");
        assert_eq!(
            inline("\u{1f468}\u{200d}\u{200d}\u{1f469}"),
            "\u{1f468}\u{1f469}"
        );
        assert_eq!(inline("\u{1f468}\u{200d} \u{1f469}"), "\u{1f468} \u{1f469}");
        // A joiner behind an invisible character joins once that is gone, and stays so.
        let hidden = inline("\u{1f468}\u{200b}\u{200d}\u{1f469}");
        assert_eq!(hidden, "\u{1f468}\u{200d}\u{1f469}");
        assert_eq!(inline(&hidden), hidden);
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
        for base in [
            &base,
            &Url::parse("http://news.liputan6.com/read/1").unwrap(),
        ] {
            for twice in [
                "http:http://cdn.tempo.co/a.jpg",
                "https:https://cdn.tempo.co/a.jpg",
                "https://https://cdn.tempo.co/a.jpg",
                "HTTP:http://cdn.tempo.co/a.jpg",
            ] {
                assert!(link(twice, base).is_none(), "{twice} on {base}");
            }
        }
        assert!(link("https://cdn.tempo.co/http-and-https.jpg", &base).is_some());
        assert_eq!(
            link("https://u:p@x.com/a", &base).unwrap().as_str(),
            "https://x.com/a"
        );
    }
}
