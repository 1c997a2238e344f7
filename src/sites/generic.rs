//! The generic main-content extractor, for pages no site profile knows.
//!
//! dom_smoothie (a port of Readability.js) finds the element that holds the article. This
//! module walks that element into blocks, leaving out what its class and id names or its
//! tag mark as page furniture, then drops the blocks that are furniture by what they say:
//! photo captions and credits, bylines and datelines, share, follow and newsletter
//! prompts, "read more" pointers and lists of links to other stories.
//!
//! The rules are general, not fitted to single sites: each one the 181-page extraction
//! benchmark can test (`scripts/eval-extraction`) was kept only if it raised the score
//! there; the few Indonesian phrases are the same rules in the language of kabar's readers.

use std::collections::BTreeMap;

use dom_smoothie::{Config, Readability};
use scraper::{ElementRef, Node, Selector};

use super::dom::Shape;
use super::months;
use crate::article::{Block, BlockKind};
use crate::sanitize;

/// Readability looks at the ancestors of every candidate again and again, so its cost
/// grows with the depths of all nodes added up ([`Shape::ancestry`]); past this it can
/// take seconds, and the page is read by its paragraphs instead. Real pages are far
/// below: the largest of the 391 benchmark pages is under 1,000,000; a 60,000-element
/// article is about 600,000.
const READABILITY_MAX_ANCESTRY: usize = 5_000_000;

/// Main article text of any page, as sanitized blocks in reading order (paragraphs,
/// headings, list items, quotes). Empty when the page holds no readable text, or is past
/// the budget of every page.
pub fn body(html: &str, url: &url::Url) -> Vec<Block> {
    match super::dom::document(html, &super::dom::PAGE) {
        Ok(doc) => {
            let shape = super::dom::shape(&doc);
            drop(doc);
            body_of(html, url, shape)
        }
        Err(_) => Vec::new(),
    }
}

/// [`body`] of a page already parsed within the budget, whose tree had `shape`.
pub(super) fn body_of(html: &str, url: &url::Url, shape: Shape) -> Vec<Block> {
    // Readability builds the same tree the page's own parse built within its budget (one
    // html5ever, one algorithm). What it gives back is parsed again under the budget.
    let from_readability = (shape.ancestry <= READABILITY_MAX_ANCESTRY)
        .then(|| readability_content(html, url))
        .flatten()
        .and_then(|content| super::dom::fragment(&content, &super::dom::PAGE).ok())
        .map(|doc| clean(walk(doc.root_element())))
        .unwrap_or_default();
    let blocks = if from_readability.is_empty() {
        clean(paragraph_cluster(html))
    } else {
        from_readability
    };
    blocks
        .into_iter()
        .map(|c| Block {
            kind: c.kind,
            text: c.text,
        })
        .collect()
}

/// The HTML of the element Readability takes for the article, if it finds one.
fn readability_content(html: &str, url: &url::Url) -> Option<String> {
    let cfg = Config {
        // Class names are the best hint there is to what a caption or a byline is.
        keep_classes: true,
        ..Config::default()
    };
    // Readability takes only `scheme://` URLs; for any other (`about:blank`) it goes
    // without, as the URL only serves to resolve links, which the text does not keep.
    let mut readability = Readability::new(html, Some(url.as_str()), Some(cfg.clone()))
        .or_else(|_| Readability::new(html, None, Some(cfg)))
        .ok()?;
    Some(readability.parse().ok()?.content.to_string())
}

/// For when Readability finds nothing: the blocks of the element whose own `<p>`
/// children hold the most text, which on an article page is the article.
fn paragraph_cluster(html: &str) -> Vec<Candidate> {
    let Ok(doc) = super::dom::document(html, &super::dom::PAGE) else {
        return Vec::new();
    };
    let p = Selector::parse("p").expect("a valid selector");
    let mut text_by_parent = BTreeMap::new();
    for para in doc.select(&p) {
        if let Some(parent) = para.parent() {
            *text_by_parent.entry(parent.id()).or_insert(0) += text_chars(para);
        }
    }
    text_by_parent
        .into_iter()
        // The first of equals, in document order.
        .max_by_key(|&(id, chars)| (chars, std::cmp::Reverse(id)))
        .and_then(|(id, _)| doc.tree.get(id).and_then(ElementRef::wrap))
        .map(walk)
        .unwrap_or_default()
}

/// A block on its way out, with what the filters need to know about it.
struct Candidate {
    kind: BlockKind,
    /// Sanitized.
    text: String,
    /// Characters of the text that sat inside links.
    link_chars: usize,
}

impl Candidate {
    fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }

    fn link_density(&self) -> f32 {
        self.link_chars as f32 / self.text.chars().count().max(1) as f32
    }
}

// ---------------------------------------------------------------------------------------
// The walk: elements to blocks
// ---------------------------------------------------------------------------------------

/// The blocks under `root`, in document order.
fn walk(root: ElementRef) -> Vec<Candidate> {
    let mut walker = Walker {
        total_chars: text_chars(root),
        ..Walker::default()
    };
    walker.container(root, BlockKind::Paragraph);
    walker.flush(BlockKind::Paragraph);
    walker.blocks
}

/// What an element is to the walk.
enum Role {
    /// Not text to read: scripts, form controls, captions, page furniture.
    Skip,
    Heading,
    ListItem,
    Quote,
    Pre,
    /// A table row of plain cells: one line of text.
    Row,
    /// Breaks the text around it; its own text is blocks of the enclosing kind.
    Block,
    /// Runs within the text of the block around it.
    Inline,
}

/// Elements that start a new block.
#[rustfmt::skip]
const BLOCK_TAGS: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol",
    "dl", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "figure", "details", "summary",
    "address", "center", "form", "fieldset", "hr", "html", "body", "caption", "menu", "hgroup",
];

/// Elements whose content is never article text. Figure captions are left out on purpose:
/// a reader shows the text, not the pictures they describe.
#[rustfmt::skip]
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "figcaption", "button", "svg", "select",
    "textarea", "input", "iframe", "object", "video", "audio", "canvas", "head", "title",
    "meta", "link",
];

fn role(el: ElementRef, total_chars: usize) -> Role {
    let name = el.value().name();
    // Headers (title, standfirst, byline), footers, asides and navigation surround an
    // article. But a name can mislead ("content-with-sidebar", "non-ad-column"): an
    // element that holds a good part of the text is the article whatever it is called.
    let furniture = matches!(name, "header" | "footer" | "aside" | "nav") || named_furniture(el);
    if furniture && text_chars(el) * 3 < total_chars {
        return Role::Skip;
    }
    match name {
        _ if SKIPPED_TAGS.contains(&name) => Role::Skip,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Heading,
        "li" | "dt" | "dd" => Role::ListItem,
        "blockquote" => Role::Quote,
        "pre" => Role::Pre,
        // A row whose cells hold blocks is page layout, not data: walk into it.
        "tr" if !has_block_descendant(el) => Role::Row,
        _ if BLOCK_TAGS.contains(&name) || has_block_descendant(el) => Role::Block,
        _ => Role::Inline,
    }
}

/// Elements that hold text blocks: an inline-looking element (a link, a span) that wraps
/// one is a block, as is a table row that does (a layout table).
#[rustfmt::skip]
const TEXT_BLOCK_TAGS: &[&str] = &[
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "li", "ul", "ol", "blockquote", "pre",
    "table", "section",
];

fn has_block_descendant(el: ElementRef) -> bool {
    el.descendent_elements()
        .skip(1)
        .any(|d| TEXT_BLOCK_TAGS.contains(&d.value().name()))
}

/// Words in class and id names that mark page furniture rather than article text.
#[rustfmt::skip]
const FURNITURE_NAME_WORDS: &[&str] = &[
    // Captions, credits and the gallery around pictures.
    "caption", "captions", "credit", "credits", "gallery", "slideshow", "slide", "copyright",
    "attribution",
    // The title's company: standfirst, byline and date, which a reader shows apart.
    "standfirst", "dek", "byline", "author", "authors", "bio", "timestamp", "date",
    "dateline", "published", "updated", "meta",
    // The page around the article: navigation, headers, sharing, promotion.
    "header", "headline", "breadcrumb", "breadcrumbs", "nav", "toolbar", "sidebar", "button",
    "print", "share", "sharing", "social", "tags", "comments", "related", "more", "trending",
    "recommended", "newsletter", "subscribe", "subscription", "signup", "cta", "promo",
    "sponsored", "advert", "advertisement", "ad", "ads", "outbrain", "taboola", "popup",
    "modal",
];

fn named_furniture(el: ElementRef) -> bool {
    let v = el.value();
    [v.attr("class"), v.attr("id")]
        .into_iter()
        .flatten()
        .any(|names| {
            any_name_word(names, |w| {
                FURNITURE_NAME_WORDS
                    .iter()
                    .any(|f| f.eq_ignore_ascii_case(w))
            })
        })
}

/// Whether `pred` holds for a word of class or id names, split at non-alphanumerics and
/// at camelCase humps: `articleCaption`, `image-credit` and `post_byline` all give their
/// two words.
fn any_name_word(names: &str, mut pred: impl FnMut(&str) -> bool) -> bool {
    let mut start = 0;
    let mut prev_lower = false;
    for (i, c) in names.char_indices() {
        let hump = c.is_uppercase() && prev_lower;
        if !c.is_alphanumeric() || hump {
            if start < i && pred(&names[start..i]) {
                return true;
            }
            start = if hump { i } else { i + c.len_utf8() };
        }
        prev_lower = c.is_lowercase();
    }
    start < names.len() && pred(&names[start..])
}

/// Bytes of text under an element, for weighing its share of the whole.
fn text_chars(el: ElementRef) -> usize {
    el.text().map(|t| t.trim().len()).sum()
}

#[derive(Default)]
struct Walker {
    /// Text length of the whole content, to weigh an element's share of it.
    total_chars: usize,
    blocks: Vec<Candidate>,
    /// Text of the block being gathered.
    buf: String,
    /// Characters of `buf` that sit inside links.
    link_chars: usize,
    /// Whether the walk is inside a link (which may wrap blocks: a teaser card).
    in_link: bool,
    /// How many elements deep the walk is, to stop recursing at [`MAX_DEPTH`].
    depth: usize,
}

/// Deepest element the walk recurses into; below it, text is taken flat. Real pages nest
/// a few dozen levels; a hostile one could nest enough to overflow the stack.
const MAX_DEPTH: usize = 128;

impl Walker {
    /// Walks the children of `el`; loose text in it makes blocks of `kind`.
    fn container(&mut self, el: ElementRef, kind: BlockKind) {
        if self.depth >= MAX_DEPTH {
            el.text().for_each(|t| self.push_text(t));
            return;
        }
        self.depth += 1;
        for child in el.children() {
            if let Node::Text(t) = child.value() {
                self.push_text(t);
                continue;
            }
            let Some(c) = ElementRef::wrap(child) else {
                continue;
            };
            let outer_link = self.in_link;
            self.in_link |= c.value().name() == "a";
            match role(c, self.total_chars) {
                Role::Skip => {}
                Role::Inline => self.inline(c),
                Role::Heading => {
                    self.flush(kind);
                    self.inline(c);
                    self.flush(BlockKind::Heading);
                }
                Role::ListItem => {
                    self.flush(kind);
                    self.container(c, BlockKind::ListItem);
                    self.flush(BlockKind::ListItem);
                }
                Role::Quote => {
                    // One block for the whole quote, its paragraphs on lines of their own.
                    self.flush(kind);
                    let mut quote = Walker {
                        total_chars: self.total_chars,
                        in_link: self.in_link,
                        depth: self.depth,
                        ..Walker::default()
                    };
                    quote.container(c, BlockKind::Quote);
                    quote.flush(BlockKind::Quote);
                    let lines: Vec<&str> = quote.blocks.iter().map(|b| b.text.as_str()).collect();
                    self.buf = lines.join("\n");
                    self.link_chars = quote.blocks.iter().map(|b| b.link_chars).sum();
                    self.flush(BlockKind::Quote);
                }
                Role::Pre => {
                    self.flush(kind);
                    self.buf = c.text().collect();
                    self.flush(kind);
                }
                Role::Row => {
                    self.flush(kind);
                    for cell in c.child_elements() {
                        if !self.buf.is_empty() {
                            self.buf.push_str(" | ");
                        }
                        self.inline(cell);
                    }
                    self.flush(BlockKind::Paragraph);
                }
                Role::Block => {
                    self.flush(kind);
                    self.container(c, kind);
                    self.flush(kind);
                }
            }
            self.in_link = outer_link;
        }
        self.depth -= 1;
    }

    /// Appends the text of an inline element, `<br>` as a line break.
    fn inline(&mut self, el: ElementRef) {
        if el.value().name() == "br" {
            self.buf.push('\n');
            return;
        }
        if self.depth >= MAX_DEPTH {
            el.text().for_each(|t| self.push_text(t));
            return;
        }
        self.depth += 1;
        for child in el.children() {
            if let Node::Text(t) = child.value() {
                self.push_text(t);
            } else if let Some(c) = ElementRef::wrap(child)
                && !matches!(role(c, self.total_chars), Role::Skip)
            {
                let outer_link = self.in_link;
                self.in_link |= c.value().name() == "a";
                self.inline(c);
                self.in_link = outer_link;
            }
        }
        self.depth -= 1;
    }

    /// Appends text with its whitespace folded: source line breaks in HTML are just
    /// spaces; only `<br>` and blocks break lines.
    fn push_text(&mut self, text: &str) {
        let start = self.buf.len();
        self.buf.extend(
            text.chars()
                .map(|c| if c.is_whitespace() { ' ' } else { c }),
        );
        if self.in_link {
            self.link_chars += self.buf[start..].trim().chars().count();
        }
    }

    /// Ends the block being gathered, keeping it if it holds any text.
    fn flush(&mut self, kind: BlockKind) {
        let raw = std::mem::take(&mut self.buf);
        let link_chars = std::mem::take(&mut self.link_chars);
        let text = sanitize::block(&raw);
        if !text.is_empty() {
            self.blocks.push(Candidate {
                kind,
                text,
                link_chars,
            });
        }
    }
}

// ---------------------------------------------------------------------------------------
// The clean-up: blocks that are furniture by what they say
// ---------------------------------------------------------------------------------------

fn clean(mut blocks: Vec<Candidate>) -> Vec<Candidate> {
    blocks.retain(|b| !is_furniture(b));
    drop_link_runs(&mut blocks);
    drop_trailing_link_list(&mut blocks);
    blocks
}

/// Whole blocks (lowercased, punctuation dropped) that are never article text.
#[rustfmt::skip]
const FURNITURE_LINES: &[&str] = &[
    "advertisement", "advert", "ad", "ads", "iklan", "comments", "comment", "post comment",
    "share", "share this", "share this article", "share this story", "sharing is caring",
    "share tweet submit", "bagikan", "read more", "continue reading", "continue reading below",
    "subscribe", "sign up", "close", "caption", "highlights", "latest", "popular", "trending",
    "related", "related news", "related articles", "related stories", "recent articles",
    "popular this week", "you may also like", "you might also like", "more stories",
    "don t miss", "see also", "loading content", "text size", "print", "print article",
    "order reprints", "enlarge image", "view author archive", "email the author",
    "follow on twitter", "home", "news", "getty images", "tell us what you think",
    // Indonesian, for the sites kabar's readers visit most.
    "berita terkait", "baca juga", "komentar", "scroll to continue with content",
];

/// Longest entry of [`FURNITURE_LINES`] or gallery counter, in words.
const FURNITURE_LINE_MAX_WORDS: usize = 5;

/// Openings of blocks that point elsewhere, credit a picture or credit the reporting.
#[rustfmt::skip]
const FURNITURE_PREFIXES: &[&str] = &[
    "read more:", "read more on", "related:", "related post", "related coverage", "see more:",
    "see also:", "also:", "also on ", "also read", "more:", "don't miss", "don’t miss",
    "recommended:", "baca juga", "click here", "sign up", "subscribe to", "get the latest",
    "follow us", "join our", "like this story", "(image:", "(image credit", "image copyright",
    "image caption", "media caption", "photo:", "(photo:", "copyright", "©", "filed under",
    "reporting by", "(reporting by", "additional reporting", "editing by",
    // Indonesian: "see also", "watch also", and who wrote and edited the piece.
    "simak juga", "lihat juga", "tonton juga", "penulis:", "editor:", "reporter:",
];

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
    (words <= FURNITURE_LINE_MAX_WORDS && is_furniture_line(&lower))
        || (words <= FURNITURE_PREFIX_MAX_WORDS
            && FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p)))
        || (words <= BYLINE_MAX_WORDS && lower.starts_with("by "))
        || (words <= DATELINE_MAX_WORDS && is_dateline(&lower))
        || (words <= NOTE_MAX_WORDS && (is_credit(&lower) || is_closing_note(&lower)))
}

/// A short block that is one of [`FURNITURE_LINES`] or a gallery counter.
fn is_furniture_line(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    FURNITURE_LINES.contains(&words.join(" ").as_str()) || is_picture_counter(&words)
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

/// What credits a picture: a caption that carries one is not article text.
#[rustfmt::skip]
const CREDIT_MARKERS: &[&str] = &[
    "(ap photo", "(photo by", "(photo:", "(image:", "(credit:", "(image credit", "(picture:",
    "photo credit", "photograph:", "getty images", "/getty", "| getty", "(foto:", "foto:",
];

fn is_credit(lower: &str) -> bool {
    CREDIT_MARKERS.iter().any(|m| lower.contains(m))
}

/// Who else reported, and how to reach or follow the writer: the notes that close an
/// article but are not part of it.
fn is_closing_note(lower: &str) -> bool {
    #[rustfmt::skip]
    const CALLS: &[&str] = &[
        "follow ", "email ", "e-mail ", "write to ", "reach ", "contact ", "join ", "listen ",
        "watch ", "like us", "find us", "have a tip",
    ];
    #[rustfmt::skip]
    const CHANNELS: &[&str] = &[
        "@", "twitter", "facebook", "instagram", "youtube", "http", "www.", "newsletter",
        "podcast",
    ];
    lower.contains("contributed to this report")
        || lower.contains("contributed reporting")
        || (CALLS.iter().any(|c| lower.starts_with(c))
            && CHANNELS.iter().any(|c| lower.contains(c)))
}

/// Weekday names and clock and zone words, in English and Indonesian; month names are
/// [`months`]'.
#[rustfmt::skip]
const DATE_NAMES: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
    "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "am", "pm",
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et", "pt", "ct",
    "bst", "cet", "hst", "wib", "wita", "wit",
];

/// Words that stand around a date in a dateline ("Updated at 1:23 p.m.").
#[rustfmt::skip]
const DATE_FILLERS: &[&str] = &[
    "published", "updated", "posted", "modified", "last", "original", "on", "at", "a", "p",
    "m", "pukul", "diperbarui",
];

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
        .filter(|w| DATE_NAMES.contains(w) || months::number(w).is_some())
        .count();
    let fillers = words.iter().filter(|w| DATE_FILLERS.contains(w)).count();
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
    blocks.retain(|_| {
        let drop =
            is_dense(i) && (i == last || is_dense(i + 1) || i.checked_sub(1).is_some_and(is_dense));
        i += 1;
        !drop
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

#[cfg(test)]
mod tests {
    use super::*;

    fn url() -> url::Url {
        url::Url::parse("https://news.example.com/2024/05/story").unwrap()
    }

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    /// Paragraphs long enough for Readability to take the article for one.
    fn para(n: usize) -> String {
        format!(
            "Paragraph {n} of the story tells, at some length and with care, what happened \
             in the town this week, who said what about it, and why it matters to readers."
        )
    }

    #[test]
    fn article_paragraphs_come_out_in_order_without_nav_or_footer() {
        let html = format!(
            r#"<html><head><title>Story</title></head><body>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
            <article>
              <p>{}</p><p>{}</p>
              <figure><img src="a.jpg"><figcaption>A photo of the town hall.</figcaption></figure>
              <p>Advertisement</p>
              <p>{}</p><p>{}</p>
            </article>
            <footer><p>Copyright 2024 Example News. All rights reserved.</p></footer>
            </body></html>"#,
            para(1),
            para(2),
            para(3),
            para(4)
        );
        let blocks = body(&html, &url());
        let expected: Vec<String> = (1..=4).map(para).collect();
        assert_eq!(texts(&blocks), expected);
        assert!(blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    }

    #[test]
    fn a_page_without_text_gives_nothing() {
        assert!(body("", &url()).is_empty());
        assert!(body("<html><body><div></div></body></html>", &url()).is_empty());
    }

    #[test]
    fn headings_lists_and_quotes_keep_their_kind() {
        let html = format!(
            r#"<html><body><article>
              <p>{}</p>
              <h2>What comes next</h2>
              <p>{}</p>
              <ul><li>First, the council votes.</li><li>Then the mayor signs.</li></ul>
              <blockquote><p>We will rebuild.</p><p>All of it.</p></blockquote>
              <p>{}</p>
            </article></body></html>"#,
            para(1),
            para(2),
            para(3)
        );
        let blocks = body(&html, &url());
        let kinds: Vec<(BlockKind, &str)> =
            blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Paragraph, para(1).as_str()),
                (BlockKind::Heading, "What comes next"),
                (BlockKind::Paragraph, para(2).as_str()),
                (BlockKind::ListItem, "First, the council votes."),
                (BlockKind::ListItem, "Then the mayor signs."),
                (BlockKind::Quote, "We will rebuild.\nAll of it."),
                (BlockKind::Paragraph, para(3).as_str()),
            ]
        );
    }

    #[test]
    fn bylines_datelines_and_link_lists_are_dropped() {
        let html = format!(
            r#"<html><body><article>
              <p>By Jane Doe</p>
              <p>Updated 10:42 AM EST, Nov 19, 2019</p>
              <p>{}</p><p>{}</p>
              <p>Read more: Another story about the town</p>
              <ul><li><a href="/a">A related story</a></li><li><a href="/b">Another one</a></li></ul>
            </article></body></html>"#,
            para(1),
            para(2)
        );
        assert_eq!(texts(&body(&html, &url())), vec![para(1), para(2)]);
    }

    #[test]
    fn teaser_cards_that_are_links_are_dropped() {
        let card = |n| {
            format!(
                r#"<div><a href="/s{n}"><div><h3>Other story {n}</h3>
                <p>What happened elsewhere, in brief.</p></div></a></div>"#
            )
        };
        let html = format!(
            "<html><body><article><p>{}</p><p>{}</p>{}{}</article></body></html>",
            para(1),
            para(2),
            card(1),
            card(2)
        );
        assert_eq!(texts(&body(&html, &url())), vec![para(1), para(2)]);
    }

    #[test]
    fn table_rows_are_lines_and_scores_are_not_dates() {
        let html = format!(
            r#"<html><body><article><p>{}</p>
              <table><tr><th>Team</th><th>Score</th></tr><tr><td>Reds</td><td>3</td></tr>
              <tr><td>12</td><td>45</td></tr></table><p>{}</p></article></body></html>"#,
            para(1),
            para(2)
        );
        assert_eq!(
            texts(&body(&html, &url())),
            vec![
                para(1),
                "Team | Score".into(),
                "Reds | 3".into(),
                "12 | 45".into(),
                para(2)
            ]
        );
    }

    #[test]
    fn any_page_url_will_do() {
        let html = format!(
            "<html><body><article><p>{}</p></article></body></html>",
            para(1)
        );
        let blank = url::Url::parse("about:blank").unwrap();
        assert_eq!(texts(&body(&html, &blank)), vec![para(1)]);
    }

    #[test]
    fn a_short_page_still_gives_its_text() {
        let html = "<html><body><div><p>Just one short paragraph.</p></div></body></html>";
        assert_eq!(
            texts(&body(html, &url())),
            vec!["Just one short paragraph."]
        );
    }

    #[test]
    fn the_fallback_takes_the_densest_paragraph_cluster() {
        let html = format!(
            r#"<html><body><div><p>Menu</p><p>Login</p></div>
              <div><p>{}</p><p>{}</p></div><div><p>Short aside.</p></div></body></html>"#,
            para(1),
            para(2)
        );
        let texts: Vec<String> = paragraph_cluster(&html)
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(texts, vec![para(1), para(2)]);
    }

    #[test]
    fn the_deepest_page_the_budget_allows_fits_a_small_stack() {
        let page = |depth: usize| {
            format!(
                "<html><body><article><p>{}</p>{}deep text{}</article></body></html>",
                para(1),
                "<span>".repeat(depth),
                "</span>".repeat(depth)
            )
        };
        // html, body, article, then the spans.
        let deepest = page(super::super::dom::PAGE.depth - 3);
        // A worker thread's stack, a thirtieth of the one pages are parsed on.
        let blocks = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || body(&deepest, &url()))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(texts(&blocks), vec![para(1).as_str(), "deep text"]);
        assert!(body(&page(super::super::dom::PAGE.depth - 2), &url()).is_empty());
    }

    #[test]
    fn text_is_sanitized() {
        let html = format!(
            "<html><body><article><p>{}</p><p>Evil \u{1b}]0;title\u{7} text \u{202e}here, and \
             then enough words to be a paragraph of its own in the story.</p></article></body></html>",
            para(1)
        );
        assert_eq!(
            texts(&body(&html, &url()))[1],
            "Evil text here, and then enough words to be a paragraph of its own in the story."
        );
    }
}
