//! The clean-up: blocks that are furniture by what they say (captions and credits,
//! bylines and datelines, share and follow prompts, pointers and lists of links to other
//! stories), dropped from what the walk gave; and quotes of what the page said before
//! them, dropped from what was read ([`drop_repeated_quotes`]).

use super::Candidate;
use super::phrases::{
    self, CLOSING_CALLS, CLOSING_CHANNELS, CREDIT_MARKERS, DATE_FILLERS, DATE_NAMES,
    FURNITURE_LINES, FURNITURE_PREFIXES,
};
use crate::article::BlockKind;
use crate::sites::months;

pub(super) fn clean(mut blocks: Vec<Candidate>) -> Vec<Candidate> {
    blocks.retain(|b| !is_furniture(b));
    drop_link_runs(&mut blocks);
    drop_trailing_link_list(&mut blocks);
    blocks
}

/// Longest entry of [`FURNITURE_LINES`] or gallery counter, in words.
const FURNITURE_LINE_MAX_WORDS: usize = 5;

/// Longest block that a prefix of [`FURNITURE_PREFIXES`] may condemn: beyond it, a
/// paragraph that happens to start like furniture is likely real text.
const FURNITURE_PREFIX_MAX_WORDS: usize = 30;

/// Longest byline ("By Jane Doe and John Roe, Reuters"); "By taking off the top half of
/// the bread, you save ..." is a sentence.
const BYLINE_MAX_WORDS: usize = 10;

/// Longest caption, credit or closing note ("Jane Doe contributed to this report.") that
/// a marker may condemn.
const NOTE_MAX_WORDS: usize = 60;

/// Longest dateline ("Updated 10:42 AM EST, Tuesday, November 19, 2019").
const DATELINE_MAX_WORDS: usize = 12;

fn is_furniture(b: &Candidate) -> bool {
    let words = b.words();
    let lower = b.text.to_lowercase();
    is_label(b)
        || (words <= FURNITURE_PREFIX_MAX_WORDS
            && (phrases::any(FURNITURE_PREFIXES, |p| lower.starts_with(p))
                || is_copyright_notice(&lower)))
        || (words <= BYLINE_MAX_WORDS && lower.starts_with("by "))
        || (words <= DATELINE_MAX_WORDS && is_dateline(&lower))
        || (words <= NOTE_MAX_WORDS && (is_credit(&lower) || is_closing_note(&lower)))
}

/// "Copyright 2024 Example News", "Copyright © …", "Copyright: AFP", "Copyright Acme. All
/// rights reserved": a notice or a credit, where "Copyright Office weighs in on AI
/// training" is a headline.
fn is_copyright_notice(lower: &str) -> bool {
    let Some(rest) = lower.strip_prefix("copyright") else {
        return false;
    };
    let next = rest.split_whitespace().next().unwrap_or("");
    let year = next.len() >= 4 && next.chars().take(4).all(|c| c.is_ascii_digit());
    year || rest.starts_with(':')
        || next.starts_with('©')
        || next.starts_with("(c)")
        || lower.contains("rights reserved")
}

/// Whether `b` is a label ([`FURNITURE_LINES`]) or a gallery counter and nothing else.
pub(super) fn is_label(b: &Candidate) -> bool {
    b.words() <= FURNITURE_LINE_MAX_WORDS && is_furniture_line(&b.text.to_lowercase())
}

/// A short block that is one of [`FURNITURE_LINES`] or a gallery counter.
fn is_furniture_line(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let line = words.join(" ");
    phrases::any(FURNITURE_LINES, |p| p == line) || is_picture_counter(&words)
}

/// "Image 3 of 12", "Slide 1 of 5": a gallery's counter.
fn is_picture_counter(words: &[&str]) -> bool {
    let number = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    matches!(
        words,
        [kind, n, "of" | "dari", m]
            if matches!(*kind, "image" | "photo" | "picture" | "slide" | "foto" | "gambar")
                && number(n)
                && number(m)
    )
}

fn is_credit(lower: &str) -> bool {
    phrases::any(CREDIT_MARKERS, |m| lower.contains(m))
}

/// Who else reported, and how to reach or follow the writer: the notes that close an
/// article but are not part of it.
fn is_closing_note(lower: &str) -> bool {
    lower.contains("contributed to this report")
        || lower.contains("contributed reporting")
        || (phrases::any(CLOSING_CALLS, |c| lower.starts_with(c))
            && phrases::any(CLOSING_CHANNELS, |c| lower.contains(c)))
}

/// A block made of a date or a time and little else.
fn is_dateline(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != ':')
        .filter(|w| !w.is_empty())
        .collect();
    let has_digit = |w: &&&str| w.chars().any(|c| c.is_ascii_digit());
    let numeric = words.iter().filter(has_digit).count();
    let clock = words.iter().any(|w| w.contains(':') && has_digit(&w));
    let names = words
        .iter()
        .filter(|w| phrases::any(DATE_NAMES, |n| n == **w) || months::number(w).is_some())
        .count();
    let fillers = words
        .iter()
        .filter(|w| phrases::any(DATE_FILLERS, |f| f == **w))
        .count();
    // Numbers alone are a table row or a score, not a date.
    numeric > 0 && (clock || names > 0) && (numeric + names + fillers) * 10 >= words.len() * 7
}

/// Share of a block's text inside links from which it is a link, not text.
const LINK_DENSITY_MAX: f32 = 0.7;

/// Blocks that are mostly links are "related stories", "more from" and the like when
/// they come in a run (a list of links to elsewhere, whatever its markup) or close the
/// text; a lone link amid paragraphs ("full results here") is part of the article.
fn drop_link_runs(blocks: &mut Vec<Candidate>) {
    let dense: Vec<bool> = blocks
        .iter()
        .map(|b| b.link_density() >= LINK_DENSITY_MAX)
        .collect();
    let is_dense = |i: usize| dense.get(i).copied().unwrap_or(false);
    let last = dense.len().saturating_sub(1);
    let mut i = 0;
    blocks.retain(|b| {
        let drop =
            is_dense(i) && (i == last || is_dense(i + 1) || i.checked_sub(1).is_some_and(is_dense));
        i += 1;
        !drop || b.item_title
    });
}

/// Longest item of a closing list of links ("The strange life and [death of a coder]").
const LINK_ITEM_MAX_WORDS: usize = 30;

/// Longest title of such a list ("You may also like", "More Great WIRED Stories").
const LIST_TITLE_MAX_WORDS: usize = 6;

/// A list that closes the text and whose every item links somewhere is a list of other
/// stories, even when the links cover only part of each item; its title goes with it.
fn drop_trailing_link_list(blocks: &mut Vec<Candidate>) {
    let run = blocks
        .iter()
        .rev()
        .take_while(|b| {
            b.kind == BlockKind::ListItem && b.link_chars > 0 && b.words() <= LINK_ITEM_MAX_WORDS
        })
        .count();
    if run < 2 {
        return;
    }
    let mut keep = blocks.len() - run;
    if let Some(title) = keep.checked_sub(1).map(|i| &blocks[i])
        && title.words() <= LIST_TITLE_MAX_WORDS
        && !title.text.ends_with('.')
    {
        keep -= 1;
    }
    blocks.truncate(keep);
}

/// Fewest words a line of a quote holds to be weighed as said before: "Hello," or a
/// name is on every page.
const QUOTED_LINE_MIN_WORDS: usize = 4;

/// Fewest words of a quote that copies rather than points: a reply that quotes one line
/// of a post to answer it reads with that line, while quoting a whole post, or a few
/// sentences of it, says again what the reader has just read.
const COPIED_QUOTE_MIN_WORDS: usize = 30;

/// A quote that says again what the page said before it is a reply quoting an earlier
/// post of the thread, or a pull quote lifted from the article: read once, where it was
/// first said. It is a repeat when it runs to [`COPIED_QUOTE_MIN_WORDS`] and the lines
/// found earlier on the page hold at least half of its words; its other lines are the
/// attribution ("Jane wrote:") and greetings. A quote of something said elsewhere (a
/// person, a post on another page of the thread) is the page's own text.
pub(super) fn drop_repeated_quotes(blocks: &mut Vec<Candidate>) {
    if !blocks.iter().any(|b| b.kind == BlockKind::Quote) {
        return;
    }
    // The words of every block read so far, so that a quote is found whatever the
    // original's markup did to its lines and punctuation; each word between spaces.
    let mut said = String::from(" ");
    blocks.retain(|b| {
        let repeat = b.kind == BlockKind::Quote && is_said(&b.text, &said);
        if !repeat {
            push_words(&mut said, &b.text);
        }
        !repeat
    });
}

/// Whether `quote` is long enough to be a copy and the lines of it found in `said` hold
/// half its words or more.
fn is_said(quote: &str, said: &str) -> bool {
    let (mut found, mut all) = (0, 0);
    let mut line = String::new();
    for text in quote.lines() {
        line.clear();
        line.push(' ');
        push_words(&mut line, text);
        let words = line.matches(' ').count() - 1;
        all += words;
        if words >= QUOTED_LINE_MIN_WORDS
            && memchr::memmem::find(said.as_bytes(), line.as_bytes()).is_some()
        {
            found += words;
        }
    }
    all >= COPIED_QUOTE_MIN_WORDS && found * 2 >= all
}

/// Appends the words of `text` to `out`, lowercased, each followed by a space.
fn push_words(out: &mut String, text: &str) {
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        out.extend(word.chars().flat_map(char::to_lowercase));
        out.push(' ');
    }
}
