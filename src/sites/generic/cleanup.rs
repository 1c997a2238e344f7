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
use crate::sites::furniture::{is_number, without_bullet};
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

/// Longest ad label with its word to the reader ("Advertisement - Members don't see this
/// ad").
const AD_LABEL_MAX_WORDS: usize = 10;

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
    let lower = without_bullet(&lower);
    is_label(b)
        || (words <= FURNITURE_PREFIX_MAX_WORDS
            && (phrases::any(FURNITURE_PREFIXES, |p| lower.starts_with(p))
                || is_copyright_notice(lower)))
        || (words <= AD_LABEL_MAX_WORDS && is_ad_label(lower))
        || (words <= BYLINE_MAX_WORDS && lower.starts_with("by "))
        || (words <= DATELINE_MAX_WORDS && is_dateline(lower))
        || (words <= NOTE_MAX_WORDS && (is_credit(lower) || is_closing_note(lower)))
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

/// Whether `b` is a label ([`FURNITURE_LINES`]), a gallery counter or a post's count of
/// likes, and nothing else.
pub(super) fn is_label(b: &Candidate) -> bool {
    b.words() <= FURNITURE_LINE_MAX_WORDS && is_furniture_line(&b.text.to_lowercase())
}

/// A short block that is one of [`FURNITURE_LINES`], a gallery counter or a count of
/// likes.
fn is_furniture_line(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let line = words.join(" ");
    phrases::any(FURNITURE_LINES, |p| p == line)
        || is_picture_counter(&words)
        || is_like_count(&words)
}

/// An ad's label with a word to the reader after a dash, a middle dot or a bar:
/// "Advertisement - Members don't see this ad" (a forum's ad between posts),
/// "ADVERTISEMENT · Continue reading below". No sentence of an article opens so.
fn is_ad_label(lower: &str) -> bool {
    lower
        .strip_prefix("advertisement")
        .map(str::trim_start)
        .is_some_and(|rest| {
            ["-", "–", "—", "·", "|"]
                .iter()
                .any(|d| rest.starts_with(d))
        })
}

/// "7 Likes", "1 Like": the count a forum (Discourse's pages for search engines) writes
/// under each post, a button's figure rather than anything the post says.
fn is_like_count(words: &[&str]) -> bool {
    matches!(words, [n, "like" | "likes"] if is_number(n))
}

/// "Image 3 of 12", "Slide 1 of 5": a gallery's counter.
fn is_picture_counter(words: &[&str]) -> bool {
    matches!(
        words,
        [kind, n, "of" | "dari", m]
            if matches!(*kind, "image" | "photo" | "picture" | "slide" | "foto" | "gambar")
                && is_number(n)
                && is_number(m)
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

/// Most words of an entry of a menu ("Sign in", "Open in app", "Text to speech").
const MENU_ENTRY_MAX_WORDS: usize = 3;

/// Fewest entries of a run of short links that make it a menu rather than an item's
/// links (its author, its section).
const MENU_MIN_ENTRIES: usize = 3;

/// A list read whole keeps each item's links (its author, its section), so the clean-up
/// that drops runs of links does not run over it; but the page's menus above the first
/// item and below the last (sign in, write, search; help, about, careers, terms) are no
/// item's: runs of short links there are dropped.
pub(super) fn drop_menus_around_items(blocks: &mut Vec<Candidate>) {
    let is_entry = |b: &Candidate| {
        !b.item_title && b.link_density() >= LINK_DENSITY_MAX && b.words() <= MENU_ENTRY_MAX_WORDS
    };
    let first = blocks.iter().position(|b| b.item_title);
    let last = blocks.iter().rposition(|b| b.item_title);
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    let mut menu = vec![false; blocks.len()];
    let mut mark = |range: std::ops::Range<usize>| {
        let mut i = range.start;
        while i < range.end {
            let run = blocks[i..range.end]
                .iter()
                .take_while(|b| is_entry(b))
                .count();
            if run >= MENU_MIN_ENTRIES {
                menu[i..i + run].iter_mut().for_each(|m| *m = true);
            }
            i += run.max(1);
        }
    };
    mark(0..first);
    mark(last + 1..blocks.len());
    let mut kept = menu.into_iter().map(|m| !m);
    blocks.retain(|_| kept.next().unwrap_or(true));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A block of `text`, all of it a link when `link`.
    fn block(text: &str, link: bool) -> Candidate {
        Candidate {
            kind: BlockKind::Paragraph,
            text: text.to_string(),
            link_chars: if link { text.chars().count() } else { 0 },
            item_title: false,
        }
    }

    #[test]
    fn a_list_read_whole_leaves_out_the_menus_above_and_below_its_items() {
        // A blog's front page read as a list (Medium's): the site's menu above the
        // first post, the company's below the last; each post keeps its links.
        let menu = |entries: &[&str]| entries.iter().map(|e| block(e, true)).collect::<Vec<_>>();
        let post = |n: usize| {
            let mut title = block(&format!("Scaling service {n} across regions"), true);
            title.item_title = true;
            vec![
                title,
                block(&format!("Author Number {n}"), true),
                block("Tech Blog", true),
                block(&format!("{n}d ago, {n} min read"), false),
            ]
        };
        let mut blocks = menu(&["Sitemap", "Open in app", "Sign in", "Write", "Search"]);
        blocks.extend((1..=3).flat_map(post));
        blocks.extend(menu(&["Help", "Status", "About", "Careers", "Terms"]));
        blocks.push(block("To make the site work, we log user data.", false));
        let posts: Vec<String> = (1..=3).flat_map(post).map(|b| b.text).collect();
        drop_menus_around_items(&mut blocks);
        let mut kept: Vec<String> = blocks.into_iter().map(|b| b.text).collect();
        assert_eq!(
            kept.pop().as_deref(),
            Some("To make the site work, we log user data.")
        );
        assert_eq!(kept, posts);
    }

    #[test]
    fn two_links_beside_the_items_are_no_menu() {
        let mut title = block("Scaling service 1 across regions", true);
        title.item_title = true;
        let mut blocks = vec![block("Home", true), block("Blog", true), title];
        drop_menus_around_items(&mut blocks);
        assert_eq!(blocks.len(), 3);
    }
}
