//! The generic main-content extractor, for pages no site profile knows.
//!
//! dom_smoothie (a port of Readability.js) finds the element that holds the article; this
//! module turns that element into blocks and then removes what Readability leaves in
//! and a reader does not want: photo captions and credits, bylines and datelines,
//! share and newsletter prompts, "read more" and related-links lists.

use dom_smoothie::{Config, Readability};
use scraper::{ElementRef, Html, Node};

use crate::article::{Block, BlockKind};
use crate::sanitize;

/// Main article text of any page, as sanitized blocks in reading order (paragraphs,
/// headings, list items, quotes). Empty when the page holds no readable text.
pub fn body(html: &str, url: &url::Url) -> Vec<Block> {
    let content = readability_content(html, url);
    let blocks = content
        .as_deref()
        .map(blocks_of_fragment)
        .unwrap_or_default();
    let blocks = clean(blocks);
    blocks
        .into_iter()
        .map(|c| Block {
            kind: c.kind,
            text: c.text,
        })
        .collect()
}

fn readability_content(html: &str, url: &url::Url) -> Option<String> {
    let cfg = Config {
        // Class names are the best hint there is to what a caption or a byline is.
        keep_classes: true,
        ..Config::default()
    };
    let mut r = Readability::new(html, Some(url.as_str()), Some(cfg)).ok()?;
    let article = r.parse().ok()?;
    Some(article.content.to_string())
}

/// A block on its way out, with what the filters need to know about it.
struct Candidate {
    kind: BlockKind,
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

fn blocks_of_fragment(content: &str) -> Vec<Candidate> {
    let doc = Html::parse_fragment(content);
    let mut w = Walker {
        total_chars: text_chars(doc.root_element()),
        ..Walker::default()
    };
    w.container(doc.root_element(), BlockKind::Paragraph);
    w.flush(BlockKind::Paragraph);
    w.blocks
}

/// What an element is to the walk.
enum Role {
    Skip,
    Heading,
    ListItem,
    Quote,
    Pre,
    /// A table row of plain cells: one line of text.
    Row,
    Block,
    Inline,
}

fn role(el: ElementRef, total_chars: usize) -> Role {
    let name = el.value().name();
    // A name can mislead ("content-with-sidebar", "non-ad-column"): an element that holds
    // a good part of the text is the article whatever it is called.
    if is_boilerplate_by_name(el) && text_chars(el) * 3 < total_chars {
        return Role::Skip;
    }
    match name {
        "script" | "style" | "noscript" | "template" | "figcaption" | "button" | "svg"
        | "select" | "textarea" | "input" | "iframe" | "object" | "video" | "audio" | "canvas"
        | "head" | "title" | "meta" | "link" => Role::Skip,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Heading,
        "li" | "dt" | "dd" => Role::ListItem,
        "blockquote" => Role::Quote,
        "pre" => Role::Pre,
        // A row whose cells hold blocks is page layout, not data: walk into it.
        "tr" if !has_block_descendant(el) => Role::Row,
        "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "aside" | "nav"
        | "ul" | "ol" | "dl" | "table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th"
        | "figure" | "details" | "summary" | "address" | "center" | "form" | "fieldset" | "hr"
        | "html" | "body" | "caption" | "menu" | "hgroup" => Role::Block,
        _ if has_block_descendant(el) => Role::Block,
        _ => Role::Inline,
    }
}

/// Words in class and id names that mark page furniture rather than article text.
const BOILERPLATE_WORDS: &[&str] = &[
    // Captions, credits and the gallery furniture around pictures.
    "caption", "captions", "credit", "credits", "gallery", "slideshow", "slide", "copyright",
    "attribution",
    // Who wrote it and when: shown apart from the text by any reader.
    "byline", "author", "authors", "bio", "timestamp", "date", "dateline", "published",
    "updated", "meta",
    // The page around the article: navigation, headers, sharing, promotion.
    "header", "headline", "breadcrumb", "breadcrumbs", "nav", "toolbar", "sidebar", "button",
    "print", "share", "sharing", "social", "tags", "comments", "related", "more", "trending",
    "recommended", "newsletter", "subscribe", "subscription", "signup", "cta", "promo",
    "sponsored", "advert", "advertisement", "ad", "ads", "outbrain", "taboola", "popup",
    "modal",
];

fn is_boilerplate_by_name(el: ElementRef) -> bool {
    let v = el.value();
    [v.attr("class"), v.attr("id")]
        .into_iter()
        .flatten()
        .any(|names| name_words(names).any(|w| BOILERPLATE_WORDS.contains(&w.as_str())))
}

/// The lowercase words of class or id names: split at non-alphanumerics and at
/// camelCase humps (`articleCaption`, `image-credit`, `post_byline` all give their words).
fn name_words(names: &str) -> impl Iterator<Item = String> + '_ {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in names.chars() {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower && !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = c.is_lowercase();
            cur.extend(c.to_lowercase());
        } else {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words.into_iter()
}

fn has_block_descendant(el: ElementRef) -> bool {
    el.descendent_elements().skip(1).any(|d| {
        matches!(
            d.value().name(),
            "h1" | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "li"
                | "p"
                | "div"
                | "blockquote"
                | "pre"
                | "ul"
                | "ol"
                | "table"
                | "section"
        )
    })
}

fn text_chars(el: ElementRef) -> usize {
    el.text().map(|t| t.trim().len()).sum()
}

#[derive(Default)]
struct Walker {
    /// Text length of the whole content, to weigh an element's share of it.
    total_chars: usize,
    blocks: Vec<Candidate>,
    buf: String,
    link_chars: usize,
}

impl Walker {
    fn container(&mut self, el: ElementRef, kind: BlockKind) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => push_folded(&mut self.buf, t),
                Node::Element(_) => {
                    let Some(c) = ElementRef::wrap(child) else {
                        continue;
                    };
                    match role(c, self.total_chars) {
                        Role::Skip => {}
                        Role::Inline => self.inline(c, false),
                        Role::Heading => {
                            self.flush(kind);
                            self.inline(c, false);
                            self.flush(BlockKind::Heading);
                        }
                        Role::ListItem => {
                            self.flush(kind);
                            self.container(c, BlockKind::ListItem);
                            self.flush(BlockKind::ListItem);
                        }
                        Role::Quote => {
                            self.flush(kind);
                            let mut q = Walker {
                                total_chars: self.total_chars,
                                ..Walker::default()
                            };
                            q.container(c, BlockKind::Quote);
                            q.flush(BlockKind::Quote);
                            let text: Vec<&str> =
                                q.blocks.iter().map(|b| b.text.as_str()).collect();
                            self.buf = text.join("\n");
                            self.link_chars = q.blocks.iter().map(|b| b.link_chars).sum();
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
                                self.inline(cell, false);
                            }
                            self.flush(BlockKind::Paragraph);
                        }
                        Role::Block => {
                            self.flush(kind);
                            self.container(c, kind);
                            self.flush(kind);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Appends the text of an inline element: whitespace folded, `<br>` as a line break.
    fn inline(&mut self, el: ElementRef, in_link: bool) {
        let in_link = in_link || el.value().name() == "a";
        if el.value().name() == "br" {
            self.buf.push('\n');
            return;
        }
        for child in el.children() {
            match child.value() {
                Node::Text(t) => {
                    let before = self.buf.len();
                    push_folded(&mut self.buf, t);
                    if in_link {
                        self.link_chars += self.buf[before..].trim().chars().count();
                    }
                }
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(child)
                        && !matches!(role(c, self.total_chars), Role::Skip)
                    {
                        self.inline(c, in_link);
                    }
                }
                _ => {}
            }
        }
    }

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

/// Source line breaks in HTML text are just spaces; only `<br>` and blocks break lines.
fn push_folded(out: &mut String, text: &str) {
    for c in text.chars() {
        out.push(if c.is_whitespace() { ' ' } else { c });
    }
}

/// Drops the blocks that are page furniture by what they say.
fn clean(mut blocks: Vec<Candidate>) -> Vec<Candidate> {
    drop_repeated(&mut blocks);
    blocks.retain(|b| !is_furniture(b));
    blocks
}

/// Text that a page repeats ("Advertisement", "Share", a credit under each photo) is
/// furniture: an article does not say the same paragraph twice.
fn drop_repeated(blocks: &mut Vec<Candidate>) {
    let mut seen = std::collections::HashMap::<&str, usize>::new();
    for b in blocks.iter() {
        *seen.entry(b.text.as_str()).or_default() += 1;
    }
    let repeated: std::collections::HashSet<String> = seen
        .into_iter()
        .filter(|&(_, n)| n > 1)
        .map(|(t, _)| t.to_owned())
        .collect();
    blocks.retain(|b| b.kind == BlockKind::Heading || !repeated.contains(&b.text));
}

/// Whole texts (lowercased, punctuation dropped) that are never article text.
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
    "berita terkait", "baca juga", "komentar",
];

/// Openings of short blocks that point elsewhere, credit a picture or date the page.
const FURNITURE_PREFIXES: &[&str] = &[
    "read more:", "read more on", "related:", "related post", "related coverage", "see more:",
    "see also:", "also:", "also on ", "also read", "more:", "don't miss", "don’t miss",
    "recommended:", "baca juga", "click here", "sign up", "subscribe to", "get the latest",
    "follow us", "join our", "like this story", "(image:", "(image credit", "image copyright",
    "image caption", "media caption", "photo:", "(photo:", "copyright", "©", "filed under",
    "reporting by", "(reporting by",
    "additional reporting", "editing by", "by ",
];

/// Longest block (in words) that a prefix of [`FURNITURE_PREFIXES`] may condemn: beyond
/// it, a paragraph that happens to start like furniture is likely real text.
const FURNITURE_PREFIX_MAX_WORDS: usize = 30;

fn is_furniture(b: &Candidate) -> bool {
    let lower = b.text.to_lowercase();
    let words = b.words();
    let letters: String = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    FURNITURE_LINES.contains(&letters.as_str())
        || (words <= FURNITURE_PREFIX_MAX_WORDS
            && FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p)))
        || is_dateline(&lower)
}

/// Month and weekday names and clock and zone words, in English and Indonesian.
const DATE_NAMES: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "januari", "februari", "maret", "mei", "juni", "juli",
    "agustus", "oktober", "desember", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
    "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "am", "pm",
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et", "pt", "ct",
    "bst", "cet", "hst", "wib", "wita", "wit",
];

/// Words that stand around a date in a dateline ("Updated at 1:23 p.m.").
const DATE_FILLERS: &[&str] = &[
    "published", "updated", "posted", "modified", "last", "original", "on", "at", "a", "p",
    "m", "pukul", "diperbarui",
];

/// A short block made of a date or time and little else.
fn is_dateline(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != ':')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    let numeric = words.iter().filter(|w| w.chars().any(|c| c.is_ascii_digit())).count();
    let clock = words.iter().any(|w| w.contains(':') && w.chars().any(|c| c.is_ascii_digit()));
    let names = words.iter().filter(|w| DATE_NAMES.contains(w)).count();
    let fillers = words.iter().filter(|w| DATE_FILLERS.contains(w)).count();
    // Numbers alone are a table row or a score, not a date.
    numeric > 0 && (clock || names > 0) && (numeric + names + fillers) * 10 >= words.len() * 7
}
