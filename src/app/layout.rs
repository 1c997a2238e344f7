//! Where things go on the screen, and the article laid out as lines for a given width.
//! Both are pure functions of the model and the terminal size, shared by drawing and by
//! the mouse handling in `update` (a click must hit what was drawn). Lines carry the
//! *role* of their text, not a style: the theme is the drawing's business.

use std::ops::Range;

use ratatui::layout::{Constraint, Layout, Rect};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::list::fold;

use crate::article::{
    Article, BlockKind, NumberedLink, PHOTO_MARK, PHOTOS_GROUP, Passage, shown_in_text,
};
use crate::config::ListWidth;
use crate::text::meta_line;

/// Below this many columns the list and the reader take turns on the whole screen.
pub const NARROW_BELOW: u16 = 100;
/// The widest column of article text by default: long lines are hard to read.
pub const MAX_TEXT_WIDTH: u16 = 80;
/// Rows each headline takes in the list: its title, then its label and age (one more
/// with titles over two lines).
pub const ROWS_PER_HEADLINE: u16 = 2;

/// After the name of a tab whose list failed to load.
pub const FAILED_MARK: &str = "!";

/// Rows a hit of a search of the store takes under its title: the passage that matched.
pub const PASSAGE_ROWS: u16 = 2;

/// Between the tags on the tags' line (`Tag: [8] banjir rob · [9] Semarang`).
const TAG_SEPARATOR: &str = " · ";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The section tabs, across the top.
    pub tabs: Rect,
    /// The headline list, with its border.
    pub list: Option<Rect>,
    /// The reader, with its border.
    pub reader: Option<Rect>,
    pub status: Rect,
}

/// The panes for a screen of `area`, the list `list_width` wide beside the reader; in a
/// narrow screen only the one in focus.
pub fn panes(area: Rect, reader_in_front: bool, list_width: ListWidth) -> Panes {
    let [tabs, main, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    if area.width < NARROW_BELOW {
        let (list, reader) = if reader_in_front {
            (None, Some(main))
        } else {
            (Some(main), None)
        };
        return Panes {
            tabs,
            list,
            reader,
            status,
        };
    }
    let list_width = list_width.of(main.width);
    let [list, reader] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Min(1)]).areas(main);
    Panes {
        tabs,
        list: Some(list),
        reader: Some(reader),
        status,
    }
}

/// The help overlay on a screen of `area` for `lines` lines of help: centred, at most
/// 84 columns wide, as tall as the screen allows less a row above and below.
pub fn help_area(area: Rect, lines: usize) -> Rect {
    let width = area.width.saturating_sub(4).min(84);
    let height = (lines.saturating_add(2).min(usize::from(u16::MAX)) as u16)
        .min(area.height.saturating_sub(2));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width,
        height,
    }
}

/// One tab shown in the tab bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabSlot {
    /// Which list it is.
    pub index: usize,
    /// Its first column.
    pub x: u16,
    pub width: u16,
    /// Its name with a blank either side, cut with `…` only when the name alone is wider
    /// than the bar.
    pub label: String,
}

/// The tabs that fit the bar, the current one always among them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TabBar {
    pub tabs: Vec<TabSlot>,
    /// Tabs are left out before the first shown (`‹` in the first column).
    pub more_left: bool,
    /// Tabs are left out after the last shown (`›` in the last column).
    pub more_right: bool,
}

impl TabBar {
    /// The tab at column `x`, or the one a marker at `x` stands for (the one before the
    /// first shown, the one after the last shown).
    pub fn at(&self, x: u16, width: u16) -> Option<usize> {
        let first = self.tabs.first()?.index;
        let last = self.tabs.last()?.index;
        match x {
            0 if self.more_left => Some(first - 1),
            x if self.more_right && x + 1 == width => Some(last + 1),
            x => self
                .tabs
                .iter()
                .find(|t| (t.x..t.x + t.width).contains(&x))
                .map(|t| t.index),
        }
    }
}

/// The tab bar for tabs named `names` in `width` columns with tab `current` on screen:
/// whole names a blank apart, the first and last columns kept for the markers of tabs
/// left out, and the tabs shown scrolled as little as keeps the current one in sight.
pub fn tab_bar(names: &[&str], current: usize, width: u16) -> TabBar {
    let room = usize::from(width.saturating_sub(2));
    let widths: Vec<usize> = names.iter().map(|n| n.width() + 2).collect();
    // The tabs from `first` to `last`, a blank between each, take this many columns.
    let span =
        |first: usize, last: usize| widths[first..=last].iter().sum::<usize>() + last - first;
    if names.is_empty() || room == 0 {
        return TabBar::default();
    }
    let current = current.min(names.len() - 1);
    let first = (0..=current)
        .find(|&f| span(f, current) <= room)
        .unwrap_or(current);
    let mut last = current;
    while last + 1 < names.len() && span(first, last + 1) <= room {
        last += 1;
    }
    let mut x = 1;
    let tabs = (first..=last)
        .map(|index| {
            let label = truncate(&format!(" {} ", names[index]), room);
            let slot = TabSlot {
                index,
                x,
                width: label.width() as u16,
                label,
            };
            x += slot.width + 1;
            slot
        })
        .collect();
    TabBar {
        tabs,
        more_left: first > 0,
        more_right: last + 1 < names.len(),
    }
}

/// A headline's title in `rows` lines of `width` columns: wrapped at spaces (never at a
/// hyphen), the last line cut with `…` when the title is longer still, and blank lines
/// after a short title so every headline takes the same rows.
pub fn title_lines(title: &str, width: usize, rows: usize) -> Vec<String> {
    if rows <= 1 {
        return vec![truncate(title, width)];
    }
    let opts =
        textwrap::Options::new(width.max(1)).word_splitter(textwrap::WordSplitter::NoHyphenation);
    let wrapped = textwrap::wrap(title, opts);
    let mut out: Vec<String> = wrapped
        .iter()
        .take(rows - 1)
        .map(|l| l.to_string())
        .collect();
    let rest: Vec<&str> = wrapped.iter().skip(rows - 1).map(|l| l.as_ref()).collect();
    out.push(truncate(&rest.join(" "), width));
    out.resize(rows, String::new());
    out
}

/// A search hit's `passage` in at most `rows` lines of `width` columns, wrapped at spaces
/// (a word wider than the line is cut), the last line ending in `…` when more is left.
/// Each line is in pieces, `true` for the words the search matched. When the first match
/// would not start on the first line, the passage starts two words before it.
pub fn passage_lines(passage: &Passage, width: usize, rows: usize) -> Vec<Vec<(String, bool)>> {
    let text = passage.text.as_str();
    let width = width.max(2);
    let mut lines = Vec::new();
    let mut at = skip_spaces(text, 0);
    let mut lead = None;
    if let Some(first) = passage.marks.first()
        && first.start >= fitting(text, at, width)
    {
        let word_before = |p: usize| text[..p].trim_end().rfind(' ').map_or(0, |i| i + 1);
        let from = word_before(word_before(first.start));
        if from > at {
            at = from;
            lead = Some(("…".to_string(), false));
        }
    }
    while at < text.len() && lines.len() < rows {
        // The lead's `…` takes a column of the first line.
        let width = width - usize::from(lines.is_empty() && lead.is_some());
        let end = fitting(text, at, width);
        if end == text.len() {
            lines.push(pieces(text, at..end, &passage.marks));
            break;
        }
        if lines.len() + 1 == rows {
            let cut = fitting(text, at, width - 1);
            let mut line = pieces(text, at..cut, &passage.marks);
            line.push(("…".to_string(), false));
            lines.push(line);
            break;
        }
        let space = text[at..end].rfind(' ').map(|i| at + i);
        let stop = match space {
            _ if text[end..].starts_with(' ') => end,
            Some(i) if i > at => i,
            _ => end,
        };
        lines.push(pieces(text, at..stop, &passage.marks));
        at = skip_spaces(text, stop);
    }
    if let (Some(lead), Some(first)) = (lead, lines.first_mut()) {
        first.insert(0, lead);
    }
    lines
}

/// Where a line of at most `width` columns from `at` ends: at least one character.
fn fitting(text: &str, at: usize, width: usize) -> usize {
    let mut used = 0;
    let mut end = at;
    for c in text[at..].chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width && end > at {
            break;
        }
        used += w;
        end += c.len_utf8();
    }
    end
}

fn skip_spaces(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start_matches(' ').len()
}

/// `text[line]` in pieces, `true` where it overlaps one of `marks`.
fn pieces(text: &str, line: Range<usize>, marks: &[Range<usize>]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut at = line.start;
    for m in marks {
        let (start, end) = (m.start.max(at), m.end.min(line.end));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            out.push((text[at..start].to_string(), false));
        }
        out.push((text[start..end].to_string(), true));
        at = end;
    }
    if at < line.end {
        out.push((text[at..line.end].to_string(), false));
    }
    out
}

/// `s` cut to `width` columns, with an ellipsis when something was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// The inside of a bordered pane.
pub fn inner(pane: Rect) -> Rect {
    Rect {
        x: pane.x + 1,
        y: pane.y + 1,
        width: pane.width.saturating_sub(2),
        height: pane.height.saturating_sub(2),
    }
}

/// What a piece of text is, for the theme to style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Meta,
    Body,
    Heading,
    Quote,
    Link,
    /// A numbered link whose page has been read.
    LinkRead,
    /// A match of the search in the article.
    Match,
    /// A match on the line the search is at (`n` moves it).
    CurrentMatch,
}

/// Where `query` occurs in `text`, ignoring case and accents as the search does: byte
/// ranges of `text`, whole characters.
pub fn find_ranges(text: &str, query: &str) -> Vec<Range<usize>> {
    let query = fold(query);
    if query.is_empty() {
        return Vec::new();
    }
    // The text folded a character at a time, with the start of the character each
    // folded byte came from.
    let mut folded = String::new();
    let mut origin = Vec::new();
    for (i, c) in text.char_indices() {
        let f = fold(c.encode_utf8(&mut [0; 4]));
        origin.extend(std::iter::repeat_n(i, f.len()));
        folded.push_str(&f);
    }
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = folded[from..].find(&query) {
        let (start, end) = (from + at, from + at + query.len());
        let last = origin[end - 1];
        let last_len = text[last..].chars().next().map_or(0, char::len_utf8);
        out.push(origin[start]..last + last_len);
        from = end;
    }
    out
}

/// `line` cut into pieces with their roles: the matches at `ranges` ([`find_ranges`])
/// marked with `found`.
pub fn split_matches<'a>(
    line: &'a ArticleLine,
    ranges: &[Range<usize>],
    found: Role,
) -> Vec<(&'a str, Role)> {
    let mut out = Vec::new();
    let mut at = 0;
    for range in ranges {
        if range.start > at {
            out.push((&line.text[at..range.start], line.role));
        }
        out.push((&line.text[range.clone()], found));
        at = range.end;
    }
    if at < line.text.len() || out.is_empty() {
        out.push((&line.text[at..], line.role));
    }
    out
}

/// One line of a laid-out article, its left margin not included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLine {
    pub text: String,
    pub role: Role,
}

/// An article as lines for a reader of `width` columns: a centred text column of at most
/// [`MAX_TEXT_WIDTH`], and which line shows which numbered link (for clicks).
#[derive(Debug, Clone, Default)]
pub struct ArticleLines {
    pub width: u16,
    /// The blank columns left of the text column.
    pub margin: usize,
    pub lines: Vec<ArticleLine>,
    /// `(line, link number)` for every line that shows part of a numbered link.
    pub link_lines: Vec<(usize, usize)>,
    /// `(line, columns, tag number)` of each tag: several tags share a line, so a click
    /// on one is told from the others by its column (counted from the text's margin).
    pub tag_cells: Vec<(usize, Range<usize>, usize)>,
    /// The photos drawn as pictures, each over blank lines kept for it.
    pub pictures: Vec<PictureRows>,
}

/// The blank lines under a `[foto]` line (or the lead photo's caption) where its photo is
/// drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PictureRows {
    pub url: String,
    pub first: usize,
    pub rows: u16,
    /// The columns the picture may take, from the text's margin: the text column's.
    pub columns: u16,
}

/// How a photo shows in the reader, from what is known of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoShown {
    /// Its line alone: not arrived yet, not asked for, or no pictures here.
    Line,
    /// Its line, and under it a picture of this size.
    Picture(crate::picture::Size),
    /// It could not be had (a fetch error, too large, not an image): its line starts
    /// with this mark in place of `[foto]`, and no rows are kept for it.
    Failed(&'static str),
}

/// The most rows a picture takes: enough to see it, few enough to keep reading.
pub const MAX_PICTURE_ROWS: u16 = 12;

/// The rows a photo of `size` takes drawn `columns` wide, a cell being about twice as
/// tall as it is wide: at most [`MAX_PICTURE_ROWS`].
pub fn picture_rows(size: crate::picture::Size, columns: u16) -> u16 {
    let rows = u64::from(columns) * u64::from(size.height) / (2 * u64::from(size.width.max(1)));
    rows.clamp(1, u64::from(MAX_PICTURE_ROWS)) as u16
}

impl ArticleLines {
    pub fn new(article: &Article, width: u16, max_text: u16) -> Self {
        Self::with_pictures(article, width, max_text, &|_| PhotoShown::Line)
    }

    /// As [`new`](Self::new), each photo shown as `photos` says: with room under its
    /// line for a picture, or its line marked when it failed.
    pub fn with_pictures(
        article: &Article,
        width: u16,
        max_text: u16,
        photos: &dyn Fn(&str) -> PhotoShown,
    ) -> Self {
        // A margin column on the left; a gap and the scrollbar on the right.
        let usable = width.saturating_sub(3).max(10);
        let column = usable.min(max_text.max(20));
        let mut out = ArticleLines {
            width,
            margin: 1 + usize::from((usable - column) / 2),
            ..Default::default()
        };
        let col = usize::from(column);

        out.wrap(&article.title, col, "", "", Role::Title);
        let meta = meta_line(article);
        if !meta.is_empty() {
            out.wrap(&meta, col, "", "", Role::Meta);
        }
        // The lead photo: its caption, marked if it failed, and its picture under it.
        let lead = article.image.as_deref().map(|url| (url, photos(url)));
        if let Some(caption) = &article.image_caption {
            let caption = match lead {
                Some((_, PhotoShown::Failed(mark))) => format!("{mark} Foto: {caption}"),
                _ => format!("Foto: {caption}"),
            };
            out.wrap(&caption, col, "", "      ", Role::Meta);
        }
        if let Some((url, PhotoShown::Picture(size))) = lead {
            out.picture(url, size, col);
        }
        // The site's own words for them, as "Sumber:" in the meta line.
        if let Some(editor) = &article.editor {
            out.wrap(&format!("Editor: {editor}"), col, "", "", Role::Meta);
        }
        if !article.tags.is_empty() {
            // Numbered like the links: N Enter opens the tag's list.
            // A tag's number and its first word are joined by a no-break space while
            // the line wraps, so no line ends with a number whose tag is on the next.
            let tags: Vec<String> = article
                .numbered_tags()
                .map(|(n, tag)| format!("[{n}]\u{a0}{tag}"))
                .collect();
            let first = out.lines.len();
            out.wrap(
                &format!("Tag: {}", tags.join(TAG_SEPARATOR)),
                col,
                "",
                "     ",
                Role::Meta,
            );
            for line in &mut out.lines[first..] {
                line.text = line.text.replace('\u{a0}', " ");
            }
            out.mark_tags(first, article);
        }
        // The embedded videos and posts and the photos with their numbers, each where
        // it sits.
        let mut in_text = article.links_in_text().into_iter().peekable();
        let mut previous = None;
        for (i, block) in article.body.iter().enumerate() {
            while let Some((_, link)) = in_text.next_if(|(at, _)| *at <= i) {
                out.in_text(&link, col, photos);
                previous = None;
            }
            // List items sit together; every other block is set off by a blank line.
            if !(block.kind == BlockKind::ListItem && previous == Some(BlockKind::ListItem)) {
                out.blank();
            }
            previous = Some(block.kind);
            match block.kind {
                BlockKind::Paragraph => out.wrap(&block.text, col, "", "", Role::Body),
                BlockKind::Heading => out.wrap(&block.text, col, "", "", Role::Heading),
                BlockKind::ListItem => out.wrap(&block.text, col, "  • ", "    ", Role::Body),
                BlockKind::Quote => out.wrap(&block.text, col, "  ┃ ", "  ┃ ", Role::Quote),
            }
        }
        for (_, link) in in_text {
            out.in_text(&link, col, photos);
        }
        let mut group = "";
        // Those in the text are shown there, not again under it.
        for link in article.numbered_links().filter(|l| !shown_in_text(l.group)) {
            if link.group != group {
                group = link.group;
                out.blank();
                out.wrap(group, col, "", "", Role::Heading);
            }
            out.link(&link, &link.text(), col);
        }
        out
    }

    /// A link in the text, set off by a blank line: an embedded video or post by its
    /// address (`[video] [17] https://…`), a photo by its caption (`[foto] [18] Warga…`).
    /// A photo is shown as `photos` says.
    fn in_text(
        &mut self,
        link: &NumberedLink<'_>,
        width: usize,
        photos: &dyn Fn(&str) -> PhotoShown,
    ) {
        self.blank();
        if link.group != PHOTOS_GROUP {
            self.link(link, &link.in_text(PHOTO_MARK), width);
            return;
        }
        let shown = photos(link.url);
        let mark = match shown {
            PhotoShown::Failed(mark) => mark,
            _ => PHOTO_MARK,
        };
        self.link(link, &link.in_text(mark), width);
        if let PhotoShown::Picture(size) = shown {
            self.picture(link.url, size, width);
        }
    }

    /// The blank rows the picture of the photo at `url`, of `size`, is drawn over, as wide
    /// as the text column.
    fn picture(&mut self, url: &str, size: crate::picture::Size, width: usize) {
        let columns = u16::try_from(width).unwrap_or(u16::MAX);
        let rows = picture_rows(size, columns);
        self.pictures.push(PictureRows {
            url: url.to_string(),
            first: self.lines.len(),
            rows,
            columns,
        });
        for _ in 0..rows {
            self.blank();
        }
    }

    /// Numbered link `link` as `text`, its lines known to show it (for clicks).
    fn link(&mut self, link: &NumberedLink<'_>, text: &str, width: usize) {
        let first = self.lines.len();
        self.wrap(text, width, "", "    ", Role::Link);
        self.link_lines
            .extend((first..self.lines.len()).map(|line| (line, link.n)));
    }

    /// Where each tag shows on the tags' lines from `first` on: from its `[n]` to the
    /// separator after it, or the end of its line.
    fn mark_tags(&mut self, first: usize, article: &Article) {
        for (i, line) in self.lines.iter().enumerate().skip(first) {
            for (n, _) in article.numbered_tags() {
                let Some(start) = line.text.find(&format!("[{n}]")) else {
                    continue;
                };
                let end = line.text[start..]
                    .find(TAG_SEPARATOR)
                    .map_or(line.text.len(), |e| start + e);
                let columns = line.text[..start].width()..line.text[..end].width();
                self.tag_cells.push((i, columns, n));
            }
        }
    }

    fn blank(&mut self) {
        self.lines.push(ArticleLine {
            text: String::new(),
            role: Role::Body,
        });
    }

    fn wrap(&mut self, text: &str, width: usize, first: &str, rest: &str, role: Role) {
        // Never at a hyphen: Indonesian doubles words with one (`rata-rata`, `anak-anak`),
        // and half a word at the end of a line reads as another word.
        let opts = textwrap::Options::new(width)
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        for piece in textwrap::wrap(text, opts) {
            self.lines.push(ArticleLine {
                text: piece.into_owned(),
                role,
            });
        }
    }

    /// The link shown on `line`, if any.
    pub fn link_at(&self, line: usize) -> Option<usize> {
        self.link_lines
            .iter()
            .find(|(l, _)| *l == line)
            .map(|(_, n)| *n)
    }

    /// The link or tag shown at `column` (from the pane's left edge) of `line`, if any.
    pub fn link_at_cell(&self, line: usize, column: usize) -> Option<usize> {
        let column = column.checked_sub(self.margin);
        self.link_at(line).or_else(|| {
            self.tag_cells
                .iter()
                .find(|(l, cols, _)| *l == line && column.is_some_and(|c| cols.contains(&c)))
                .map(|(_, _, n)| *n)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(lines: &[Vec<(String, bool)>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                l.iter()
                    .map(|(t, m)| if *m { format!("[{t}]") } else { t.clone() })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_passage_wraps_at_spaces_with_its_matches_marked() {
        let text = "Air mulai surut di Bekasi, tapi warga masih mengungsi karena banjir";
        let marks = [10..15, 61..67];
        assert_eq!(&text[marks[0].clone()], "surut");
        assert_eq!(&text[marks[1].clone()], "banjir");
        let passage = Passage {
            text: text.to_string(),
            marks: marks.to_vec(),
        };
        assert_eq!(
            shown(&passage_lines(&passage, 30, 3)),
            [
                "Air mulai [surut] di Bekasi,",
                "tapi warga masih mengungsi",
                "karena [banjir]"
            ]
        );
        // Two rows: the second is cut, and says so.
        assert_eq!(
            shown(&passage_lines(&passage, 30, 2)),
            [
                "Air mulai [surut] di Bekasi,",
                "tapi warga masih mengungsi ka…"
            ]
        );
    }

    #[test]
    fn a_passage_starts_near_its_first_match_when_that_is_far_in() {
        let text = "Hujan deras sejak Senin malam membuat sungai meluap dan warga mengungsi";
        let start = text.find("warga").unwrap();
        let passage = Passage {
            text: text.to_string(),
            marks: std::iter::once(start..start + 5).collect(),
        };
        assert_eq!(
            shown(&passage_lines(&passage, 24, 2)),
            ["…meluap dan [warga]", "mengungsi"]
        );
    }

    #[test]
    fn a_passage_with_nothing_to_skip_before_its_match_starts_where_it_starts() {
        // The match is past the first line, but only one word comes before it.
        let passage = Passage {
            text: "Sentimeter-sentimeter banjir".to_string(),
            marks: std::iter::once(22..28).collect(),
        };
        assert_eq!(
            shown(&passage_lines(&passage, 12, 3)),
            ["Sentimeter-s", "entimeter", "[banjir]"]
        );
    }

    #[test]
    fn a_match_cut_by_the_end_of_a_line_is_marked_on_both() {
        let passage = Passage {
            text: "kebanjiran".to_string(),
            marks: std::iter::once(0..10).collect(),
        };
        assert_eq!(shown(&passage_lines(&passage, 4, 2)), ["[keba]", "[nji]…"]);
    }

    #[test]
    fn doubled_words_are_never_broken_at_their_hyphen() {
        let mut lines = ArticleLines::default();
        // `Suhu naik rata-` would fit the 15 columns; `rata-rata` goes whole to the next line.
        lines.wrap("Suhu naik rata-rata tiga derajat", 15, "", "", Role::Body);
        let text: Vec<&str> = lines.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(text, ["Suhu naik", "rata-rata tiga", "derajat"]);
    }

    #[test]
    fn matches_are_found_ignoring_case_and_accents_as_whole_characters() {
        let text = "Kafé baru, KAFE lama, kafe\u{301} lain";
        let found: Vec<&str> = find_ranges(text, "kafe")
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, ["Kafé", "KAFE", "kafe"]);
        assert!(find_ranges(text, "").is_empty());
        let line = ArticleLine {
            text: "ada kafe di sini".into(),
            role: Role::Body,
        };
        assert_eq!(
            split_matches(&line, &find_ranges(&line.text, "KAFE"), Role::Match),
            [
                ("ada ", Role::Body),
                ("kafe", Role::Match),
                (" di sini", Role::Body)
            ]
        );
    }
}
