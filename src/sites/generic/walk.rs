//! The walk: the element Readability took for the article, to blocks, leaving out what
//! its class and id names or its tag mark as page furniture.

use std::cell::RefCell;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use ego_tree::NodeId;
use html5ever::local_name;
use scraper::{ElementRef, Node};

use super::Candidate;
use super::items;
use super::phrases::{
    self, CAPTION_NAME_WORDS, CHROME_NAME_WORDS, CONTROL_NAME_WORDS, FURNITURE_NAME_WORDS,
    HEADING_NAME_WORDS, MENU_NAME_WORDS, OFFER_NAME_WORDS, POSTER_DETAIL_NAMES, SLIDE_NAME_WORDS,
    TITLE_COMPANY_NAME_WORDS,
};
use crate::article::BlockKind;
use crate::sanitize;
use crate::sites::elements::attr;
use crate::sites::furniture::is_number;

/// The blocks under `root`, in document order.
pub(super) fn walk(root: ElementRef) -> Vec<Candidate> {
    let mut walker = Walker::default();
    // Furniture is kept when it holds a third of the text or more.
    walker.total_chars = walker.chars.of(root);
    walker.run(root);
    walker.blocks
}

/// [`walk`] of a page's whole main region, where named furniture is left out whatever
/// its share of the text: there a comments area or a sidebar can outweigh the article,
/// while the share rule is for the element Readability picked, whose name can mislead.
pub(super) fn walk_region(root: ElementRef) -> Vec<Candidate> {
    let mut first = Walker {
        total_chars: usize::MAX,
        noting_offers: true,
        ..Walker::default()
    };
    first.run(root);
    // The promotions that are what the page offers (see [`is_page_offer`]) are read, in a
    // second walk: which they are is known only once the rest of the region is read.
    let rest: usize = first.blocks.iter().map(|b| b.text.len()).sum();
    let read_offers: HashSet<NodeId> = first
        .offers
        .iter()
        .filter(|offer| is_page_offer(**offer, rest))
        .map(|offer| offer.id())
        .collect();
    if read_offers.is_empty() {
        return first.blocks;
    }
    let mut second = Walker {
        total_chars: usize::MAX,
        read_offers,
        chars: first.chars,
        ..Walker::default()
    };
    second.run(root);
    second.blocks
}

/// Whether `el` is named as a promotion ([`OFFER_NAME_WORDS`]) or a menu
/// ([`MENU_NAME_WORDS`]), and for nothing else the walk leaves out.
fn is_offer(el: ElementRef, in_item: bool) -> bool {
    let name = el.value().name();
    !is_skipped_tag(name)
        && !matches!(name, "header" | "footer" | "aside" | "nav" | "form")
        && named_furniture_by(el, in_item, true)
        && !named_furniture_by(el, in_item, false)
}

/// Whether a promotion `offer`, beside `rest` bytes of other text in the page's region, is
/// what the page offers: a page that sells a firm's services shows them as promotion cards
/// (`cmp-promo__services`), and they are its content. Such a promotion holds more text than
/// the rest of the region, most of it in a run of look-alike cards; a promotion beside an
/// article (a course, a subscription) is a box of a few lines, and shorter than the article.
///
/// A call to action is a line and a button, and a menu is links; one that holds
/// paragraphs of prose, outside links, is a section of the page that its template named
/// for the button at its foot or for the menu that scrolls to it.
fn is_page_offer(offer: ElementRef, rest: usize) -> bool {
    (named_promotion(offer) && text_chars(offer) > rest && items::holds_cards(offer))
        || prose_chars(offer) >= PROSE_MIN_CHARS
}

/// Whether a class or the id of `el` has a word of [`OFFER_NAME_WORDS`]: a menu of cards
/// is a menu still.
fn named_promotion(el: ElementRef) -> bool {
    let v = el.value();
    v.attr("class")
        .into_iter()
        .chain(v.attr("id"))
        .any(|names| any_name_word(names, |w| is_word_of(OFFER_NAME_WORDS, w)))
}

/// Whether `word`, of a class or id name, is one of `lists`, whatever its ASCII case.
fn is_word_of(lists: &[phrases::Phrases], word: &str) -> bool {
    phrases::any(lists, |f| f.eq_ignore_ascii_case(word))
}

/// Bytes of paragraph text, outside links, from which a promotion is a section of prose:
/// a few sentences. A box that sells a subscription or a course says a line or two.
const PROSE_MIN_CHARS: usize = 500;

/// Bytes of the text of the paragraphs under `el` that sit outside links.
fn prose_chars(el: ElementRef) -> usize {
    el.descendent_elements()
        .filter(|d| d.value().name() == "p")
        .filter(|p| {
            !p.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().name() == "a")
        })
        .map(text_chars)
        .sum()
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

/// Whether an element named `name` never holds article text: a control
/// ([`CONTROL_TAGS`]) or what is not text to read. Figure captions are left out on
/// purpose: a reader shows the text, not the pictures they describe.
pub(super) fn is_skipped_tag(name: &str) -> bool {
    #[rustfmt::skip]
    const NOT_TEXT: &[&str] = &[
        "script", "style", "noscript", "template", "figcaption", "svg", "head", "title", "meta",
        "link",
    ];
    NOT_TEXT.contains(&name) || CONTROL_TAGS.contains(&name)
}

/// Whether `el` is a button that holds a heading: the header of an accordion's panel (each
/// question of a page's FAQ, `<button aria-controls="content-1"><h3>How long does it
/// take?</h3></button>`), which shows the heading and opens the answer below it. A
/// control's label is a word or two, not a heading of the page.
pub(super) fn is_disclosure(el: ElementRef) -> bool {
    el.value().name() == "button"
        && el
            .descendent_elements()
            .skip(1)
            .any(|d| HEADING_TAGS.contains(&d.value().name()))
}

/// Controls: buttons, menus of options, fields, and embedded frames and players.
pub(super) const CONTROL_TAGS: &[&str] = &[
    "button", "select", "textarea", "input", "iframe", "object", "video", "audio", "canvas",
];

/// Whether the walk leaves `el` out, in content of `total_chars` bytes of text. Asked of
/// every element of a page, so it looks at no more than the element's name, its class
/// and id, and (for furniture) its text.
pub(super) fn is_skipped(el: ElementRef, total_chars: usize) -> bool {
    skipped(el, total_chars, false, text_chars)
}

/// [`is_skipped`], for an element inside an item of a list when `in_item`: there a
/// teaser, a date or an author is part of the item, not the title's company. `chars`
/// gives an element's [`text_chars`].
fn skipped<'a>(
    el: ElementRef<'a>,
    total_chars: usize,
    in_item: bool,
    chars: impl FnOnce(ElementRef<'a>) -> usize,
) -> bool {
    let name = el.value().name();
    if is_skipped_tag(name) && !is_disclosure(el) {
        return true;
    }
    if (name == "form" && is_fields(el)) || is_hidden_data(el) {
        return true;
    }
    if is_one_line(el) {
        return chars(el) > PREVIEW_MIN_CHARS;
    }
    // Headers (title, standfirst, byline), footers, asides and navigation surround an
    // article. But a name can mislead ("content-with-sidebar", "non-ad-column"): an
    // element that holds a good part of the text is the article whatever it is called.
    let furniture = matches!(name, "header" | "footer" | "aside" | "nav" | "dialog")
        || is_dialog(el)
        || named_furniture(el, in_item);
    // A poster's record is the forum's however much of a short thread it fills (the
    // parts of a member's computer, listed beside a one-line reply).
    furniture && (chars(el).saturating_mul(3) < total_chars || is_poster_record(el))
}

/// Whether `el` is named for a poster's details ([`POSTER_DETAIL_NAMES`]).
fn is_poster_record(el: ElementRef) -> bool {
    classes_marks(el) & POSTER_DETAILS != 0
}

/// The lists the words of `el`'s classes are in ([`class_marks`]). A class with a variant
/// prefix (`print:hidden`, `md:share-x`, `hover:bg-red`) is a utility that styles the
/// element under a condition; it says nothing of what it is.
fn classes_marks(el: ElementRef) -> u16 {
    attr(el.value(), &local_name!("class"))
        .into_iter()
        .flat_map(str::split_whitespace)
        .filter(|class| !class.contains(':'))
        .fold(0, |marks, class| marks | class_marks(class))
}

/// Whether `el` is data the page keeps for its scripts in a hidden element, as text: a
/// product grid's state or a newsletter's settings, written as JSON inside `<div
/// class="aok-hidden">` or `style="display:none"`. Hidden text is otherwise read (a
/// page streamed into hidden containers shows them once it is whole), and JSON in sight
/// is a sample of code.
pub(super) fn is_hidden_data(el: ElementRef) -> bool {
    // Asked of every element: its attributes are looked at only when its own text opens
    // as JSON does.
    let opens_as_json = el.first_child().is_some_and(|c| match c.value() {
        Node::Text(t) => t.trim_start().starts_with(['{', '[']),
        _ => false,
    });
    if !opens_as_json {
        return false;
    }
    let hidden = el.value().attrs().any(|(name, value)| match name {
        "hidden" => true,
        "class" => {
            value.contains("hidden") && any_name_word(value, |w| w.eq_ignore_ascii_case("hidden"))
        }
        "style" => {
            value.contains("none")
                && value
                    .split(';')
                    .any(|rule| rule.replace(' ', "").starts_with("display:none"))
        }
        _ => false,
    });
    if !hidden {
        return false;
    }
    let text: String = el.text().collect();
    let text = text.trim();
    matches!(
        (text.chars().next(), text.chars().last()),
        (Some('{'), Some('}')) | (Some('['), Some(']'))
    ) && text.contains("\":")
}

/// Whether `el` is a preview of text the page shows whole elsewhere, as a forum's reply
/// shows the first line of the post it answers: more text than a line holds, drawn as
/// one line cut short (`line-clamp-1`, Tailwind's and Bootstrap's). A title so drawn is
/// short, and read.
pub(super) fn is_preview(el: ElementRef) -> bool {
    is_one_line(el) && text_chars(el) > PREVIEW_MIN_CHARS
}

fn is_one_line(el: ElementRef) -> bool {
    attr(el.value(), &local_name!("class")).is_some_and(|c| {
        c.contains("line-clamp-1") && c.split_whitespace().any(|c| c == "line-clamp-1")
    })
}

/// Bytes of text beyond one line of any screen ([`is_preview`]).
const PREVIEW_MIN_CHARS: usize = 200;

/// Whether `el` says, by its ARIA role, that it is a dialog: a window over the page (a
/// seller's card, a size guide, a payment plan's terms, a sign-in) that a visitor opens
/// and closes, as the class names `modal` and `popup` say in other words.
fn is_dialog(el: ElementRef) -> bool {
    // One pass over the attributes, compared as text: `attr` would look each name up in
    // the parser's table of names first, for every element walked.
    el.value().attrs().any(|(name, value)| match name {
        "role" => matches!(value, "dialog" | "alertdialog"),
        "aria-modal" => value == "true",
        _ => false,
    })
}

/// Whether a form is fields to fill in and their labels (a shop's filters and sort order,
/// a sign-in, a newsletter box, a comment form), not text: a site that wraps its whole
/// page in one form (ASP.NET's), or a thread whose posts carry a checkbox each, holds
/// paragraphs for each field.
fn is_fields(el: ElementRef) -> bool {
    let fields = el
        .descendent_elements()
        .filter(|d| items::is_field(*d))
        .count();
    fields >= FORM_MIN_FIELDS && text_chars(el) < fields * FIELD_MAX_CHARS
}

/// Fewest fields that make a form of fields: a search box with its button, or a single
/// checkbox, can sit inside text.
const FORM_MIN_FIELDS: usize = 3;

/// Most bytes of text a form holds per field while it is fields: a label and a line of
/// help ("Your email address", "Size 8.5", "Brand (12)").
const FIELD_MAX_CHARS: usize = 50;

fn role<'a>(
    el: ElementRef<'a>,
    total_chars: usize,
    in_item: bool,
    chars: impl FnOnce(ElementRef<'a>) -> usize,
) -> Role {
    if skipped(el, total_chars, in_item, chars) {
        return Role::Skip;
    }
    layout_role(el)
}

/// What `el` is to the walk when it is read: by its tag, and by what it holds.
fn layout_role(el: ElementRef) -> Role {
    let name = el.value().name();
    match name {
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

fn named_furniture(el: ElementRef, in_item: bool) -> bool {
    named_furniture_by(el, in_item, true)
}

/// [`named_furniture`], counting the words of promotions and menus ([`OFFER_NAME_WORDS`],
/// [`MENU_NAME_WORDS`]) as furniture words when `offers`.
fn named_furniture_by(el: ElementRef, in_item: bool, offers: bool) -> bool {
    let v = el.value();
    let mut marks = classes_marks(el);
    // An id of many words is a slug of the heading it anchors
    // (`sharing-with-a-single-developer`), not a name for what the element is.
    if let Some(id) = attr(v, &local_name!("id")).filter(|id| !is_slug(el, id)) {
        marks |= word_marks(id);
    }
    // What a page marks as its author for machines (schema.org's `itemprop="author"`) is
    // the byline's company as a class named `author` is: an author's box and bio below
    // an article, whatever a plugin calls its classes (`saboxplugin-wrap`).
    if attr(v, &local_name!("itemprop")).is_some_and(|p| {
        p.split_ascii_whitespace()
            .any(|w| w.eq_ignore_ascii_case("author"))
    }) {
        marks |= TITLE_COMPANY;
    }
    let mut furniture = FURNITURE | POSTER_DETAILS;
    if offers {
        furniture |= OFFER_OR_MENU;
    }
    if !in_item {
        furniture |= TITLE_COMPANY;
        if marks & TITLE_HEADING != 0 && !header_names_a_heading(el) {
            furniture |= TITLE_HEADING;
        }
    }
    marks & furniture != 0
        || (marks & CAPTION != 0 && !(in_item && is_card_caption(el)))
        || (marks & CONTROL != 0 && text_chars(el) <= CONTROL_MAX_CHARS)
        || (marks & SLIDE != 0 && !CARD_BLOCKS.contains(&text_blocks(el)))
}

/// Whether `el`, an element named for a caption inside an item of a list, is the body of
/// a card rather than a picture's caption: it holds blocks (a name, a line or two, a
/// price) and sits inside a link, the card's to its item. A picture's caption is a line
/// or two beside the picture, and a gallery's slide does not link its caption away.
fn is_card_caption(el: ElementRef) -> bool {
    has_block_descendant(el)
        && el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().name() == "a")
}

/// Whether a word of `el`'s class or id names the site's frame ([`CHROME_NAME_WORDS`]):
/// `eve-container-part-footer`, BEM's `gh__nav__menu`; not a class of state
/// (`has-navbar`, `is-nav-open`: see [`is_state`]).
pub(super) fn named_chrome(el: ElementRef) -> bool {
    let v = el.value();
    attr(v, &local_name!("class"))
        .into_iter()
        .flat_map(str::split_whitespace)
        .any(|class| class_marks(class) & CHROME != 0)
        || attr(v, &local_name!("id"))
            .is_some_and(|id| any_name_word(id, |w| is_word_of(CHROME_NAME_WORDS, w)))
}

/// Whether a word that names a header ([`TITLE_HEADING`]) names, on `el`, a heading of the
/// page's text rather than the page's header, which holds its title and outside items is
/// furniture: `el` is a heading or a part of one (a heading called `header-anchor-post`,
/// MediaWiki's `<span class="mw-headline">` inside an `<h2>`), a row's label
/// ([`is_row_label`]) or a section's header ([`is_section_header`]). Looked up only for an
/// element named by such a word, which few carry.
fn header_names_a_heading(el: ElementRef) -> bool {
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .any(|a| HEADING_TAGS.contains(&a.value().name()))
        || is_row_label(el)
        || is_section_header(el)
}

/// Whether `el` is the header of a section: it holds a section's heading (`<h2>` to
/// `<h6>`) and not the page's title (`<h1>`), among its first
/// [`SECTION_HEADER_ELEMENTS`] elements. A page's header is the box around its title;
/// a landing page names the heading and the lines under it of each of its sections the
/// same way (`gm-header`, `section-header`), and they are the page's text.
pub(super) fn is_section_header(el: ElementRef) -> bool {
    let mut section = false;
    for d in el
        .descendent_elements()
        .skip(1)
        .take(SECTION_HEADER_ELEMENTS)
    {
        match d.value().name() {
            "h1" => return false,
            "h2" | "h3" | "h4" | "h5" | "h6" => section = true,
            _ => {}
        }
    }
    section
}

/// How many elements of a header [`is_section_header`] looks through: a header holds a
/// heading and a few lines, not a page.
const SECTION_HEADER_ELEMENTS: usize = 32;

/// Whether `el` is the label of a row: text within a list item or a table row, such as
/// a specification's name (`<li><strong class="table__header">Form Factor:</strong>
/// <span>Desktop</span></li>`). A page's header is a box around its title; a header
/// word on such a label names the row's header cell, and the value beside it reads as
/// nothing without it.
pub(super) fn is_row_label(el: ElementRef) -> bool {
    ROW_LABEL_TAGS.contains(&el.value().name())
        && el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take(ROW_LABEL_DEPTH)
            .any(|a| matches!(a.value().name(), "li" | "tr" | "dt" | "dd"))
}

/// The tags of text that may label a row ([`is_row_label`]).
const ROW_LABEL_TAGS: &[&str] = &["strong", "b", "span", "em", "label", "th", "td", "dt"];

/// How far up from a label its row may be: the label itself, or one wrapper between.
const ROW_LABEL_DEPTH: usize = 2;

#[rustfmt::skip]
const HEADING_TAGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// What the words of a class or id name are, one bit for each list a word of it is in
/// ([`word_marks`]), and for a poster's details ([`is_poster_details`]).
const FURNITURE: u16 = 1;
const OFFER_OR_MENU: u16 = 1 << 1;
const TITLE_COMPANY: u16 = 1 << 2;
const CONTROL: u16 = 1 << 3;
const SLIDE: u16 = 1 << 4;
const POSTER_DETAILS: u16 = 1 << 5;
/// A word of the title's company that also names a heading ([`HEADING_NAME_WORDS`]): on
/// a heading it says what the element is, and is no furniture.
const TITLE_HEADING: u16 = 1 << 6;
/// A word of the site's frame ([`CHROME_NAME_WORDS`]), asked for by `chrome`, not by the
/// walk.
const CHROME: u16 = 1 << 7;
/// A word of a caption ([`CAPTION_NAME_WORDS`]): furniture but in a card's body
/// ([`is_card_caption`]).
const CAPTION: u16 = 1 << 8;

/// The lists the words of `name` are in, as bits.
fn word_marks(name: &str) -> u16 {
    let lists = [
        (FURNITURE_NAME_WORDS, FURNITURE),
        (CAPTION_NAME_WORDS, CAPTION),
        (OFFER_NAME_WORDS, OFFER_OR_MENU),
        (MENU_NAME_WORDS, OFFER_OR_MENU),
        (TITLE_COMPANY_NAME_WORDS, TITLE_COMPANY),
        (CONTROL_NAME_WORDS, CONTROL),
        (SLIDE_NAME_WORDS, SLIDE),
        (CHROME_NAME_WORDS, CHROME),
    ];
    let mut marks = 0;
    any_name_word(name, |w| {
        let mut word = 0;
        for (list, mark) in lists {
            if is_word_of(list, w) {
                word |= mark;
            }
        }
        if word & TITLE_COMPANY != 0 && HEADING_NAME_WORDS.iter().any(|h| h.eq_ignore_ascii_case(w))
        {
            word = word & !TITLE_COMPANY | TITLE_HEADING;
        }
        marks |= word;
        false
    });
    marks
}

/// [`word_marks`] of one class, and whether it names a poster's details; nothing for a
/// class of state or motion ([`is_state`], [`is_motion`]). A page repeats its classes (a
/// grid of 300 products, 300 `product-card`), and every walk asks of every element, so
/// each class is judged once a thread, as long as no more than [`CLASSES_KEPT`] are kept:
/// splitting names into words and matching each word against the lists was 7 % of the
/// extractor's instructions on the WCXB sample.
fn class_marks(class: &str) -> u16 {
    thread_local! {
        static JUDGED: RefCell<foldhash::HashMap<Box<str>, u16>> = RefCell::default();
    }
    JUDGED.with_borrow_mut(|judged| {
        if let Some(&marks) = judged.get(class) {
            return marks;
        }
        let mut marks = 0;
        let named = without_state_modifier(class);
        if !is_state(named) && !is_motion(named) {
            marks = word_marks(named);
            if is_poster_details(named) {
                marks |= POSTER_DETAILS;
            }
        }
        if judged.len() >= CLASSES_KEPT {
            judged.clear();
        }
        judged.insert(class.into(), marks);
        marks
    })
}

/// How many classes [`class_marks`] keeps judged: a large page has a few thousand.
const CLASSES_KEPT: usize = 20_000;

/// Whether a class says what state an element is in, not what it is: what it has or
/// lacks (`has-navbar`, `is-nav-open`, phpBB's `no-profile-rank` on a poster's name
/// without a rank), or what it may get (a product card `subscription-eligible`, a post
/// `sharing-enabled`).
fn is_state(class: &str) -> bool {
    const PREFIXES: [&str; 4] = ["has-", "is-", "no-", "with-"];
    const SUFFIXES: [&str; 3] = ["-eligible", "-enabled", "-disabled"];
    PREFIXES.iter().any(|p| class.starts_with(p)) || SUFFIXES.iter().any(|s| class.ends_with(s))
}

/// `class` without a BEM modifier ([`is_state`]) that says its state: Gymshark's product
/// title is `product-card_title-container--with-reviews`, the title's box in the variant
/// that has reviews, not a box of reviews.
fn without_state_modifier(class: &str) -> &str {
    match class.split_once("--") {
        Some((named, modifier)) if is_state(modifier) => named,
        _ => class,
    }
}

/// Whether a class names how an element moves onto the screen, not what it is: an
/// animation (`animate--slide-in`, animate.css's `animate__slideInUp`, `aos-animate`), or
/// a slide in a direction (`slide-up`), where "slide" is a verb and no gallery's slide.
fn is_motion(class: &str) -> bool {
    const ANIMATION: [&str; 3] = ["animate", "animated", "animation"];
    const DIRECTIONS: [&str; 6] = ["in", "out", "up", "down", "left", "right"];
    let mut after_slide = false;
    any_name_word(class, |w| {
        let moves = ANIMATION.iter().any(|a| a.eq_ignore_ascii_case(w))
            || (after_slide && DIRECTIONS.iter().any(|d| d.eq_ignore_ascii_case(w)));
        after_slide = w.eq_ignore_ascii_case("slide");
        moves
    })
}

/// Whether a class names a poster's details in a forum post ([`POSTER_DETAIL_NAMES`]).
fn is_poster_details(class: &str) -> bool {
    is_named_by(class, POSTER_DETAIL_NAMES)
}

/// Whether a class names what a name of `names` says, by one of its words or two in a
/// row run together: `userTitle`, `usertitle` and `user-title` are alike.
pub(super) fn is_named_by(class: &str, names: &[phrases::Phrases]) -> bool {
    let mut prev: Option<&str> = None;
    any_name_word(class, |w| {
        let joined = |p: &str| {
            prev.is_some_and(|a| {
                p.len() == a.len() + w.len()
                    && p.get(..a.len()).is_some_and(|h| h.eq_ignore_ascii_case(a))
                    && p.get(a.len()..).is_some_and(|t| t.eq_ignore_ascii_case(w))
            })
        };
        let hit = phrases::any(names, |p| p.eq_ignore_ascii_case(w) || joined(p));
        prev = Some(w);
        hit
    })
}

/// How many blocks of text make a slide a card of a carousel: a gallery's slide holds a
/// caption and a credit, fewer; a card holds a title and a few lines; an element holding
/// more is a whole carousel, named for how it moves its slides
/// (`a-carousel-transition-slide`), and a carousel is of other things than the page.
const CARD_BLOCKS: std::ops::Range<usize> = 4..16;

/// How many paragraphs, headings and list items with text `el` holds.
fn text_blocks(el: ElementRef) -> usize {
    el.descendent_elements()
        .filter(|d| {
            matches!(
                d.value().name(),
                "p" | "li" | "dd" | "dt" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            ) && d.text().any(|t| !t.trim().is_empty())
        })
        .count()
}

/// Most text an element named for a control holds while it is that control: a label
/// ("Add to cart"), or a few side by side (a rating widget's "Rate this book", "Clear
/// rating" and five "n of 5 stars"). A shop's product card named for its cart button
/// holds its name, price and features: some 300 to 600 bytes.
const CONTROL_MAX_CHARS: usize = 200;

/// Words from which an id may be a phrase made into an anchor rather than a name: role
/// names run to two or three (`article-share-bar`), heading slugs to more.
const SLUG_WORDS: usize = 4;

/// Whether `id`, the id of `el`, is the slug of a heading
/// (`sharing-with-a-single-developer`) rather than a name for what `el` is: of
/// [`SLUG_WORDS`] or more words, most of them words of the heading it anchors
/// ([`anchored_heading`]). A slug is made from its heading's words, though the heading
/// may have been reworded since; a plugin's `cookie-law-info-bar` is as long, and no
/// heading says it; Amazon's `editorialReviews_feature_div`, around the heading
/// "Editorial Reviews", is half a name of its own. Numbers, which tell repeated headings
/// apart (`faq-2`), are no words of either. Only the first [`SLUG_MAX_WORDS`] words of
/// the id and of the heading are compared: every element inside a heading asks of the
/// same heading.
pub(super) fn is_slug(el: ElementRef, id: &str) -> bool {
    if !is_phrase(id) {
        return false;
    }
    let Some(heading) = anchored_heading(el) else {
        return false;
    };
    let is_word = |w: &&str| !w.is_empty() && !is_number(w);
    let said: Vec<&str> = heading
        .text()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(is_word)
        .take(SLUG_MAX_WORDS)
        .collect();
    let (mut words, mut in_heading) = (0, 0);
    any_name_word(id, |w| {
        if is_word(&w) {
            words += 1;
            in_heading += usize::from(said.iter().any(|h| h.eq_ignore_ascii_case(w)));
        }
        words >= SLUG_MAX_WORDS
    });
    in_heading * 2 > words
}

/// Most words of an id and of its heading that [`is_slug`] compares: a heading's slug is
/// a line's worth.
const SLUG_MAX_WORDS: usize = 32;

/// Most elements [`anchored_heading`] looks through for the first heading an element
/// holds: a section's heading opens it.
const SLUG_HEADING_SEARCH: usize = 16;

/// Whether `id` is long enough to be a heading's slug ([`SLUG_WORDS`]).
pub(super) fn is_phrase(id: &str) -> bool {
    name_words(id) >= SLUG_WORDS
}

/// The heading an id on `el` would anchor: `el` itself or the heading it is in, else the
/// heading among its first elements ([`SLUG_HEADING_SEARCH`]), else the heading just
/// before it (a section's body under its heading).
fn anchored_heading(el: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let is_heading = |e: &ElementRef| HEADING_TAGS.contains(&e.value().name());
    std::iter::once(el)
        .chain(el.ancestors().filter_map(ElementRef::wrap))
        .find(is_heading)
        .or_else(|| {
            el.descendent_elements()
                .take(SLUG_HEADING_SEARCH)
                .find(is_heading)
        })
        .or_else(|| {
            el.prev_siblings()
                .find_map(ElementRef::wrap)
                .filter(is_heading)
        })
}

/// How many words `any_name_word` finds in `names`.
fn name_words(names: &str) -> usize {
    let mut n = 0;
    any_name_word(names, |_| {
        n += 1;
        false
    });
    n
}

/// Whether `pred` holds for a word of class or id names, split at non-alphanumerics and
/// at camelCase humps: `articleCaption`, `image-credit` and `post_byline` all give their
/// two words. Words are whole: `sharing` is not `share`, nor `shadow` `ad`.
fn any_name_word<'a>(names: &'a str, mut pred: impl FnMut(&'a str) -> bool) -> bool {
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

/// Whether `el` is one of a run of siblings sharing a tag and a class (`repeated`, from
/// [`items::repeated_looks`]): a card among cards, whose teaser and date describe it.
/// The runs [`items::look`] finds without a class are not cards: posts (`<article>`,
/// `<section>`) carry their own byline as an article does (a forum's "Posted August 26"
/// is not text to read; a thread's posts get their poster and time as the page marks them
/// for machines, in `posts`), and bare table rows are a table's.
fn is_card(el: ElementRef, repeated: &[(&str, &str)]) -> bool {
    // Most containers have no run: no need to know how the element looks.
    !repeated.is_empty()
        && items::look(el).is_some_and(|key| !key.1.is_empty() && repeated.contains(&key))
}

/// Fewest bytes of text from which a container of blocks that says what an earlier
/// sibling said is a copy of it: a responsive page writes a product's description twice,
/// one for small screens and one for large (`hidden-md-up`, `hidden-md-down`), and a
/// style sheet shows one. Shorter ones repeat for their own reasons (a label, a button).
const COPY_MIN_CHARS: usize = 100;

/// Whether `el`, a container of blocks, holds the same text as one of the siblings `read`
/// before it; if not, and it is long enough to be a copy's original, it joins them. A
/// paragraph said twice is said twice by the writer (a reminder in a manual), and a
/// table's cells and rows repeat as data do (the same meal on two days of a plan).
fn is_copy<'a>(el: ElementRef<'a>, read: &mut Siblings<'a>, memo: &mut TextChars) -> bool {
    let table_part = matches!(
        el.value().name(),
        "table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th"
    );
    if table_part || !has_block_descendant(el) {
        return false;
    }
    let chars = memo.of(el);
    if chars < COPY_MIN_CHARS {
        return false;
    }
    // The first of a length is hashed only once a second comes.
    match read.by_len.entry(chars) {
        Entry::Vacant(slot) => {
            slot.insert(Some(el));
            return false;
        }
        Entry::Occupied(mut slot) => {
            if let Some(first) = slot.get_mut().take() {
                read.by_words.insert((chars, words_hash(first)), first);
            }
        }
    }
    match read.by_words.entry((chars, words_hash(el))) {
        // Told apart from a different text of the same hash by the words themselves.
        Entry::Occupied(earlier) => words(*earlier.get()).eq(words(el)),
        Entry::Vacant(slot) => {
            slot.insert(el);
            false
        }
    }
}

/// The siblings of long text a walk has read in one container, to know a copy. Most
/// siblings differ in length, and are known apart by it alone; those of one length (a
/// live blog's thousands of entries) by a hash of their words, so that each is compared
/// once, not with every other.
#[derive(Default)]
struct Siblings<'a> {
    /// By length of text, the first sibling of that length until a second comes.
    by_len: HashMap<usize, Option<ElementRef<'a>>>,
    /// By length and the hash of their words, siblings that share a length with another.
    by_words: HashMap<(usize, u64), ElementRef<'a>>,
}

fn words<'a>(el: ElementRef<'a>) -> impl Iterator<Item = &'a str> {
    shown_text(el).flat_map(str::split_whitespace)
}

fn words_hash(el: ElementRef) -> u64 {
    let mut hasher = DefaultHasher::new();
    words(el).for_each(|w| w.hash(&mut hasher));
    hasher.finish()
}

/// Bytes of text under an element, for weighing its share of the whole.
pub(super) fn text_chars(el: ElementRef) -> usize {
    shown_text(el).map(trimmed_len).sum()
}

/// The length of `text` trimmed. Most text between tags starts and ends with ASCII
/// spaces and line breaks (the page's indentation), which are trimmed a byte at a time
/// before `trim` looks for other white space character by character.
pub(super) fn trimmed_len(text: &str) -> usize {
    text.trim_ascii().trim().len()
}

/// [`text_chars`] of the elements of one tree, each counted once. A walk weighs every
/// container it meets at every level (see [`is_copy`]); counted afresh each time, the
/// text under an element was counted again for every element above it.
#[derive(Default)]
pub(super) struct TextChars(foldhash::HashMap<NodeId, usize>);

impl TextChars {
    pub(super) fn of(&mut self, el: ElementRef) -> usize {
        if let Some(&chars) = self.0.get(&el.id()) {
            return chars;
        }
        // A script's or a style sheet's text is code (see [`shown_text`]).
        let code = is_code(*el);
        let chars = el
            .children()
            .map(|child| match child.value() {
                Node::Text(t) if !code => trimmed_len(t),
                Node::Element(_) => ElementRef::wrap(child).map_or(0, |c| self.of(c)),
                _ => 0,
            })
            .sum();
        self.0.insert(el.id(), chars);
        chars
    }
}

/// The text under `el` that a reader sees: all of it but the code of scripts and style
/// sheets.
fn shown_text<'a>(el: ElementRef<'a>) -> impl Iterator<Item = &'a str> {
    el.descendants()
        .filter(|node| !node.parent().is_some_and(is_code))
        .filter_map(|node| node.value().as_text().map(|t| &**t))
}

fn is_code(node: ego_tree::NodeRef<Node>) -> bool {
    node.value()
        .as_element()
        .is_some_and(|e| matches!(e.name(), "script" | "style"))
}

#[derive(Default)]
struct Walker<'a> {
    /// Text length of the whole content, to weigh an element's share of it.
    total_chars: usize,
    blocks: Vec<Candidate>,
    /// Text of the block being gathered.
    buf: String,
    /// Characters of `buf` that sit inside links.
    link_chars: usize,
    /// Whether the walk is inside a link (which may wrap blocks: a teaser card).
    in_link: bool,
    /// Whether the walk is inside an item of a list: a list item, or a card (see
    /// [`is_card`]).
    in_item: bool,
    /// Whether the walk is inside a card, one of a run of look-alike siblings with a
    /// class ([`is_card`]): there a heading is the card's name, even as a link to it.
    in_card: bool,
    /// How many elements deep the walk is, to stop recursing at [`MAX_DEPTH`].
    depth: usize,
    /// Whether to note in `offers` the promotions left out (see [`is_offer`]).
    noting_offers: bool,
    offers: Vec<ElementRef<'a>>,
    /// The promotions to read: what the page offers (see [`is_page_offer`]).
    read_offers: HashSet<NodeId>,
    /// The text under the elements weighed so far.
    chars: TextChars,
    /// Whether the walk is inside a promotion it reads, where the promotion's parts, named
    /// for it, are read too.
    in_offer: bool,
}

/// Deepest element the walk recurses into; below it, text is taken flat. Real pages nest
/// a few dozen levels; a hostile one could nest enough to overflow the stack.
pub(super) const MAX_DEPTH: usize = 128;

impl<'a> Walker<'a> {
    /// Walks `root` into blocks.
    fn run(&mut self, root: ElementRef<'a>) {
        self.container(root, BlockKind::Paragraph);
        self.flush(BlockKind::Paragraph);
    }

    /// Whether `el`, which the walk would leave out, is a promotion to read; noted if it
    /// is one left out and the walk notes them.
    fn reads_offer(&mut self, el: ElementRef<'a>) -> bool {
        if !is_offer(el, self.in_item) {
            return false;
        }
        if self.in_offer || self.read_offers.contains(&el.id()) {
            return true;
        }
        if self.noting_offers {
            self.offers.push(el);
        }
        false
    }

    /// Walks the children of `el`; loose text in it makes blocks of `kind`.
    fn container(&mut self, el: ElementRef<'a>, kind: BlockKind) {
        if !self.descend(el) {
            return;
        }
        let repeated = items::repeated_looks(el);
        // The blocks among the children read so far, to know a copy (see [`is_copy`]).
        let mut read = Siblings::default();
        for child in el.children() {
            if let Node::Text(t) = child.value() {
                self.push_text(t);
                continue;
            }
            let Some(c) = ElementRef::wrap(child) else {
                continue;
            };
            let outer = (self.in_link, self.in_item, self.in_card, self.in_offer);
            self.in_link |= c.value().name() == "a";
            let mut role = role(c, self.total_chars, self.in_item, |e| self.chars.of(e));
            if matches!(role, Role::Skip) && self.reads_offer(c) {
                role = layout_role(c);
                self.in_offer = true;
            }
            if matches!(role, Role::Block) && is_copy(c, &mut read, &mut self.chars) {
                role = Role::Skip;
            }
            // The item itself is judged as any element; what it holds is the item's.
            self.in_card |= is_card(c, &repeated);
            self.in_item |= matches!(role, Role::ListItem) || self.in_card;
            match role {
                Role::Skip => {}
                Role::Inline => self.inline(c),
                Role::Heading => {
                    self.flush(kind);
                    self.inline(c);
                    self.flush(BlockKind::Heading);
                    // A card's name links to the card's page (a product, a story): it
                    // is the item's title, not one of a run of links elsewhere. A reply's
                    // subject ("Re: " and the thread's title) names nothing of its own.
                    if self.in_card
                        && let Some(title) = self.blocks.last_mut()
                        && title.kind == BlockKind::Heading
                        && !title.text.starts_with("Re:")
                    {
                        title.item_title = true;
                    }
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
                        in_item: self.in_item,
                        in_card: self.in_card,
                        in_offer: self.in_offer,
                        depth: self.depth,
                        chars: std::mem::take(&mut self.chars),
                        ..Walker::default()
                    };
                    quote.container(c, BlockKind::Quote);
                    quote.flush(BlockKind::Quote);
                    self.chars = quote.chars;
                    let lines: Vec<&str> = quote.blocks.iter().map(|b| b.text.as_str()).collect();
                    self.buf = lines.join("\n");
                    self.link_chars = quote.blocks.iter().map(|b| b.link_chars).sum();
                    self.flush(BlockKind::Quote);
                }
                Role::Pre => {
                    self.flush(kind);
                    self.buf = shown_text(c).collect();
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
            (self.in_link, self.in_item, self.in_card, self.in_offer) = outer;
        }
        self.depth -= 1;
    }

    /// Goes one level down into `el`, unless that is past [`MAX_DEPTH`]: then its text is
    /// taken flat instead, and the walk stays where it is.
    fn descend(&mut self, el: ElementRef) -> bool {
        if self.depth >= MAX_DEPTH {
            shown_text(el).for_each(|t| self.push_text(t));
            return false;
        }
        self.depth += 1;
        true
    }

    /// Appends the text of an inline element, `<br>` as a line break.
    fn inline(&mut self, el: ElementRef) {
        if el.value().name() == "br" {
            self.buf.push('\n');
            return;
        }
        if !self.descend(el) {
            return;
        }
        for child in el.children() {
            if let Node::Text(t) = child.value() {
                self.push_text(t);
            } else if let Some(c) = ElementRef::wrap(child)
                && (!matches!(
                    role(c, self.total_chars, self.in_item, |e| self.chars.of(e)),
                    Role::Skip
                ) || (self.in_offer && is_offer(c, self.in_item)))
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
        // A promotion the page offers is a link to the offer, made of its name and its
        // description: text to read, not a list of links to elsewhere.
        if self.in_link && !self.in_offer {
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
                item_title: false,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use scraper::Html;

    use super::*;

    /// The texts of the blocks `walker` finds in a page of `body`.
    fn walked(body: &str, walker: fn(ElementRef) -> Vec<Candidate>) -> Vec<String> {
        let doc = Html::parse_document(&format!("<html><body>{body}</body></html>"));
        let body = doc.root_element().child_elements().nth(1).unwrap();
        walker(body).into_iter().map(|b| b.text).collect()
    }

    fn texts(body: &str) -> Vec<String> {
        walked(body, walk_region)
    }

    #[test]
    fn text_counted_once_is_the_text_counted_afresh() {
        // Indentation, a no-break space, a script, a style sheet inside a `<pre>`, and a
        // nesting deep enough that every level is asked.
        let doc = Html::parse_document(
            "<html><body>\n  <div>\u{a0}Lead\u{a0}<div><p> One <b>two</b> </p>\n\
             <script>var x = 1;</script><pre><style>.a { color: red }</style> code </pre>\
             <div><div><span>deep</span></div></div></div></div></body></html>",
        );
        let elements: Vec<ElementRef> = doc.root_element().descendent_elements().collect();
        // Asked from the top down, as a walk asks, and from the leaves up.
        for order in [elements.clone(), elements.into_iter().rev().collect()] {
            let mut memo = TextChars::default();
            for el in order {
                assert_eq!(memo.of(el), text_chars(el), "{}", el.html());
            }
        }
    }

    fn card(n: usize) -> String {
        format!(
            r#"<div class="story-card"><h3><a href="/s{n}">Story {n}</a></h3>
            <p class="story-card--dek">What story {n} is about.</p>
            <p class="story-card--date">March {n}, 2025</p></div>"#
        )
    }

    #[test]
    fn a_cards_teaser_and_date_are_the_cards_but_an_articles_are_furniture() {
        let cards: String = (1..=3).map(card).collect();
        let got = texts(&cards);
        assert!(
            got.contains(&"What story 2 is about.".to_string()),
            "{got:?}"
        );
        assert!(got.contains(&"March 3, 2025".to_string()), "{got:?}");
        // Two alike are not a list, and a lone card's dek is an article's standfirst.
        let got = texts(&(1..=2).map(card).collect::<String>());
        assert!(!got.iter().any(|t| t.contains("is about")), "{got:?}");
    }

    #[test]
    fn an_author_marked_for_machines_is_the_bylines_company_but_an_items_author_is_the_items() {
        let story = "The council voted to rebuild the bridge by next year. ".repeat(6);
        let got = texts(&format!(
            r#"<p>{story}</p><div class="sabox-wrap" itemprop="author" itemscope
            itemtype="http://schema.org/Person"><div class="sabox-name"><a href="/a/jane">Jane
            Roe</a></div><div itemprop="description"><p>Jane started the site in 2010 and
            writes about bridges.</p></div></div>"#
        ));
        assert_eq!(got, [story.trim()]);
        let item = |n| {
            format!(
                r#"<div class="story"><a href="/s{n}">Story {n} of the day</a>
                <span itemprop="author">Writer {n}</span></div>"#
            )
        };
        let got = texts(&(1..=3).map(item).collect::<String>());
        assert!(got.iter().any(|t| t.contains("Writer 2")), "{got:?}");
    }

    #[test]
    fn a_cards_body_named_caption_is_read_but_a_pictures_caption_is_not() {
        // Bootstrap's card: a thumbnail, and a caption holding the item, inside a link.
        let card = |n| {
            format!(
                r#"<div class="col-md-4 category-product"><div class="thumbnail">
                <a href="/p{n}"><img src="{n}.jpg"></a><a class="box" href="/p{n}">
                <div class="caption"><div class="name">Projector {n}, 4K laser</div>
                <div>Manufacturer: Maker {n}</div><div>Price: ${n}99.00</div></div></a>
                </div></div>"#
            )
        };
        let got = texts(&(1..=3).map(card).collect::<String>());
        for line in [
            "Projector 2, 4K laser",
            "Manufacturer: Maker 2",
            "Price: $299.00",
        ] {
            assert!(got.iter().any(|t| t == line), "{line}: {got:?}");
        }
        // A gallery: each item a picture and its caption, not linked away.
        let photo = |n| {
            format!(
                r#"<li class="photo"><img src="{n}.jpg"><div class="caption">
                <p>The minister, left, shakes hands with his guest in photo {n}.</p>
                <p>Taken in the capital on Wednesday, on his visit there.</p></div></li>"#
            )
        };
        let story = "The council voted to rebuild the bridge by next year. ".repeat(6);
        let got = texts(&format!(
            "<p>{story}</p><ul>{}</ul>",
            (1..=3).map(photo).collect::<String>()
        ));
        assert_eq!(got, [story.trim()]);
    }

    #[test]
    fn code_is_neither_read_nor_weighed() {
        let got = texts("<pre><style>.line { color: red }</style>fn main() {}</pre>");
        assert_eq!(got, ["fn main() {}"]);
        // An aside holding more than a third of what a reader sees is part of the page,
        // however much script sits beside it.
        let story = "The council voted to rebuild the bridge by next year. ".repeat(4);
        let aside = "Timeline: the bridge closed in May and reopened in June. ".repeat(2);
        let script = format!("<script>{}</script>", "var x = load(1); ".repeat(200));
        let got = walked(
            &format!("<div><p>{story}</p><aside><p>{aside}</p></aside>{script}</div>"),
            walk,
        );
        assert_eq!(got, [story.trim(), aside.trim()]);
    }

    #[test]
    fn a_list_items_date_is_the_items() {
        let got = texts(
            r#"<ul><li><a href="/a">First story</a> <span class="date">May 1</span></li></ul>
            <p class="byline-date">May 2</p>"#,
        );
        assert_eq!(got, ["First story May 1"]);
    }

    #[test]
    fn posts_keep_their_bylines_out() {
        let posts: String = (1..=3)
            .map(|n| {
                format!(
                    r#"<article class="post"><div class="author">user{n}</div>
                    <p>What user {n} wrote in reply.</p></article>"#
                )
            })
            .collect();
        let got = texts(&posts);
        assert!(!got.iter().any(|t| t.starts_with("user")), "{got:?}");
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn a_posters_details_are_furniture_but_their_name_and_post_are_read() {
        let xenforo: String = (1..=3)
            .map(|n| {
                format!(
                    r#"<article class="message"><div class="message-userDetails">
                    <h4 class="message-name">poster{n}</h4>
                    <h5 class="userTitle message-userTitle">Senior Member</h5></div>
                    <div class="message-userExtras"><dl><dt>Joined</dt><dd>Jun 29, 2016</dd></dl>
                    <dl><dt>Messages</dt><dd>4,726</dd></dl></div>
                    <p>What poster {n} wrote in reply to the thread.</p></article>"#
                )
            })
            .collect();
        let phpbb: String = (1..=3)
            .map(|n| {
                format!(
                    r#"<div class="post"><dl class="postprofile">
                    <dt class="no-profile-rank has-avatar"><a class="username">poster{n}</a></dt>
                    <dd class="profile-rank">Volunteer</dd>
                    <dd class="profile-posts"><strong>Posts:</strong> 138</dd>
                    <dd class="profile-custom-field profile-phpbb_location">Location: Leeds</dd>
                    </dl><p>What poster {n} wrote in reply to the thread.</p></div>"#
                )
            })
            .collect();
        // XenForo 1 and vBulletin 4 name the box of counts otherwise.
        let older: String = (1..=3)
            .map(|n| {
                format!(
                    r#"<li class="message"><h3 class="userText"><a class="username">poster{n}</a>
                    </h3><div class="extraUserInfo"><dl><dt>Trophy Points:</dt><dd>138</dd></dl>
                    </div><div class="postdetails"><dl class="userinfo_extra"><dt>Posts</dt>
                    <dd>4,726</dd></dl></div>
                    <p>What poster {n} wrote in reply to the thread.</p></li>"#
                )
            })
            .collect();
        for posts in [xenforo, phpbb, older] {
            let got = texts(&posts).join("\n");
            for n in 1..=3 {
                assert!(got.contains(&format!("poster{n}")), "{got}");
                assert!(got.contains(&format!("What poster {n} wrote")), "{got}");
            }
            for detail in [
                "Senior Member",
                "Joined",
                "4,726",
                "Volunteer",
                "Posts:",
                "Leeds",
                "Trophy",
            ] {
                assert!(!got.contains(detail), "{detail}: {got}");
            }
        }
        // Words of the list apart, or in another order, name something else.
        let got = texts(
            r#"<div class="user-guide title-extras"><p>How to set up the printer.</p></div>"#,
        );
        assert_eq!(got, ["How to set up the printer."]);
    }

    #[test]
    fn a_buyers_review_is_furniture_but_a_review_that_is_the_page_is_read() {
        let description = "<p>The guitar has an alder body and a maple neck.</p>".repeat(3);
        let got = texts(&format!(
            r#"{description}<div class="customer-review"><p class="review-text">Arrived
            today and I love it, it plays well.</p></div>"#
        ));
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(!got.iter().any(|t| t.contains("love it")), "{got:?}");
        // Read as Readability's pick is, where what holds most of the text is the page.
        let review = format!(r#"<article class="review">{description}</article>"#);
        assert_eq!(walked(&review, walk), texts(&description));
        let got = walked(&format!("{review}<p>A last word.</p>"), walk);
        assert_eq!(got.len(), 4, "{got:?}");
    }

    #[test]
    fn cookie_banners_are_furniture() {
        let got = texts(
            r#"<p>What the page says.</p>
            <div class="cookie-banner"><p>We use cookies on our website.</p></div>
            <div id="onetrust-consent-sdk"><p>Manage consent</p></div>
            <div class="gdprConsent"><p>Accept all, or manage your choices.</p></div>"#,
        );
        assert_eq!(got, ["What the page says."]);
    }

    #[test]
    fn a_long_id_is_a_headings_slug_only_where_the_heading_says_it() {
        let got = texts(
            r#"<p>What the page says.</p>
            <section id="how-to-share-a-folder-with-a-team">
              <h2>How to share a folder with your team</h2><p>Open it and pick who.</p>
            </section>
            <div id="cookie-law-info-bar"><p>We use cookies on our website.</p></div>
            <div id="shareButtons_feature_div"><h3>Share buttons</h3><p>Mail, X.</p></div>"#,
        );
        assert_eq!(
            got,
            [
                "What the page says.",
                "How to share a folder with your team",
                "Open it and pick who."
            ]
        );
    }

    #[test]
    fn a_slug_is_told_by_the_heading_before_it_or_around_it_and_by_most_of_its_words() {
        let slug = |html: &str| {
            let doc = Html::parse_fragment(html);
            let sel = scraper::Selector::parse("[id]").unwrap();
            let el = doc.select(&sel).next().unwrap();
            is_slug(el, el.value().id().unwrap())
        };
        // The heading just before, and the heading around.
        assert!(slug(
            r#"<h2>Share a folder</h2><div id="share-a-folder-2"><p>Open it.</p></div>"#
        ));
        assert!(slug(
            r#"<h2><span id="share-the-folder-now">Share the folder</span></h2>"#
        ));
        // Two words of four are not most of them.
        assert!(!slug(
            r#"<div id="share-folder-ad-box"><h3>Share folder</h3></div>"#
        ));
        assert!(slug(
            r#"<div id="share-folder-now-box"><h3>Share folder now</h3></div>"#
        ));
    }

    #[test]
    fn many_long_ids_in_one_long_heading_are_judged_in_bounded_time() {
        // Each element inside a heading asks the same heading for its words; only the
        // first of them are read, however many elements ask.
        let words: String = (0..20_000)
            .map(|n| format!(r#"<b id="a-b-c-d{n}">word{n} </b>"#))
            .collect();
        let got = texts(&format!("<h1>{words}</h1><p>What the page says.</p>"));
        assert_eq!(got.last().map(String::as_str), Some("What the page says."));
    }

    #[test]
    fn a_dialog_is_furniture_unless_it_holds_the_page() {
        let got = texts(
            r#"<p>A mug thrown on the wheel from a clay the potter digs herself, glazed in
            two tones of green, for tea or coffee on a cold morning.</p>
            <div role="dialog" aria-label="About this seller" hidden><p>Joined 2018.</p></div>
            <div class="overlay" aria-modal="true"><p>Pay in 4 installments.</p></div>
            <div role="alertdialog"><p>Oops! We could not reach the server.</p></div>
            <dialog><p>Sign in to save it.</p></dialog>"#,
        );
        assert_eq!(got.len(), 1, "{got:?}");
        // A story that opens in a dialog over a list (a lightbox), picked by Readability,
        // is read: a dialog that holds a third of the text or more is the page.
        let got = walked(
            r#"<ul><li><a href="/a">Other story</a></li></ul>
            <div role="dialog"><p>The story itself, all of it, in a window over the list
            it was opened from.</p></div>"#,
            walk,
        );
        assert!(
            got.iter().any(|t| t.starts_with("The story itself")),
            "{got:?}"
        );
    }

    #[test]
    fn bootstraps_btn_is_a_button() {
        let got = texts(
            r#"<p>A game of the old west, for one player or many.</p>
            <div class="game_purchase"><a class="btn btn-primary">Add to Cart</a>
            <a class="btn_green_steamui"><span>Add to wishlist</span></a></div>"#,
        );
        assert_eq!(got, ["A game of the old west, for one player or many."]);
    }

    #[test]
    fn a_description_written_twice_for_two_screen_sizes_is_read_once() {
        let description = "<p>Make each cup of tea feel special with a mug thrown on the \
            wheel.</p><p>Handmade stoneware; safe in the dishwasher.</p>";
        let got = texts(&format!(
            r#"<div class="product-details"><div class="description hidden-md-down">{description}</div>
            <div class="price">$60.00</div>
            <div class="description hidden-md-up">{description}</div></div>"#
        ));
        assert_eq!(
            got,
            [
                "Make each cup of tea feel special with a mug thrown on the wheel.",
                "Handmade stoneware; safe in the dishwasher.",
                "$60.00"
            ]
        );
    }

    #[test]
    fn a_paragraph_or_a_table_row_said_twice_is_read_twice() {
        let warning = "Unplug the kettle before you clean it, and let it cool down for \
            ten minutes or more.";
        let got = texts(&format!(
            "<p>{warning}</p><p>Descale it once a month.</p><p>{warning}</p>"
        ));
        assert_eq!(got, [warning, "Descale it once a month.", warning]);
        let meal = "<td><p>Asian chicken zoodles: zucchini noodles, cooked chicken, \
            edamame, sesame oil, soy sauce and fresh ginger</p></td>";
        let got = texts(&format!(
            "<table><tr><td>Monday</td>{meal}</tr><tr><td>Tuesday</td>{meal}</tr></table>"
        ));
        assert_eq!(got.len(), 4, "{got:?}");
    }

    #[test]
    fn a_slide_of_a_picture_is_furniture_and_a_card_of_text_is_read() {
        let picture = r#"<div class="gallery-item slide"><img src="a.jpg">
            <p>The town hall at dawn.</p><p>Photo: Jane Doe</p></div>"#;
        let card = |name: &str| {
            format!(
                r#"<div class="carousel__slide"><p>{name}</p><p>Crisp, cool, matte</p>
                <p>Ideal for:</p><p>Hot sleepers</p><p>Thread count</p><p>270</p></div>"#
            )
        };
        let got = texts(&format!(
            "<p>What the page says.</p>{picture}{}{}",
            card("Classic Percale"),
            card("Luxe Sateen")
        ));
        assert!(!got.iter().any(|t| t.contains("town hall")), "{got:?}");
        assert!(got.contains(&"Classic Percale".to_string()), "{got:?}");
        assert!(got.contains(&"Luxe Sateen".to_string()), "{got:?}");
        // A whole carousel of other products, named for how its slides move.
        let others: String = (1..=8)
            .map(|n| format!("<li><p>Other book {n}</p><p>$1{n}.00</p></li>"))
            .collect();
        let got = texts(&format!(
            r#"<p>What the page says.</p><div class="carousel transition-slide"><ol>{others}</ol></div>"#
        ));
        assert_eq!(got, ["What the page says."]);
    }

    #[test]
    fn classes_of_state_and_motion_say_nothing_of_what_an_element_is() {
        // A shop's grid whose cards slide in as they scroll into view, each eligible for a
        // subscription: products, not a gallery's slides nor a newsletter's box.
        let cards: String = (1..=3)
            .map(|n| {
                format!(
                    r#"<li class="grid__item scroll-trigger animate--slide-in">
                    <div class="card-wrapper subscription-eligible">
                    <div class="card_title--with-reviews"><h3>Roast {n}</h3></div>
                    <p>$1{n}.99</p></div></li>"#
                )
            })
            .collect();
        let got = texts(&format!("<ul>{cards}</ul>"));
        assert_eq!(
            got,
            [
                "Roast 1", "$11.99", "Roast 2", "$12.99", "Roast 3", "$13.99"
            ]
        );
        for class in ["animate__slideInUp", "slide-up", "aos-animate", "is-open"] {
            assert!(is_motion(class) || is_state(class), "{class}");
        }
        // The nouns stay what they were, and a modifier of a kind, not of a state.
        let got = texts(
            r#"<p>What the page says.</p><div class="subscription-box"><p>Subscribe</p></div>
            <div class="card--reviews"><p>5 stars, from Ann</p></div>
            <div class="slide"><img src="a.jpg"><p>Photo: Jane Doe</p></div>"#,
        );
        assert_eq!(got, ["What the page says."]);
    }

    #[test]
    fn a_shops_filters_are_furniture() {
        let products: String = (1..=3)
            .map(|n| format!(r#"<div class="product-card"><h3>Tent {n}</h3><p>$1{n}9</p></div>"#))
            .collect();
        let got = texts(&format!(
            r#"<div class="filter-panel"><h4>Brand</h4><ul><li><label><input
            type="checkbox"> Acme (12)</label></li></ul></div>
            <div class="search-facets"><h4>Price</h4><p>$10 - $25</p></div>
            <div class="product-grid">{products}</div>"#
        ));
        assert_eq!(got, ["Tent 1", "$119", "Tent 2", "$129", "Tent 3", "$139"]);
    }

    #[test]
    fn a_heading_named_for_a_heading_is_read_but_a_pages_header_is_furniture() {
        // MediaWiki wraps each section's title in `mw-headline`, and a blog theme names its
        // section headings for the anchor beside them; the page's own header is furniture.
        let got = walked(
            r#"<div class="page-header"><p>Gentoo Wiki, the wiki of the distribution</p></div>
            <p>Portage is the package manager of the distribution, written in Python.</p>
            <h2><span class="mw-headline" id="Installation">Installation</span></h2>
            <p>Portage comes with every stage file and needs no installing of its own.</p>
            <h3 class="header-anchor-post">Use flags</h3>
            <p>Flags say which optional parts of a package are built.</p>"#,
            walk,
        );
        assert_eq!(
            got,
            [
                "Portage is the package manager of the distribution, written in Python.",
                "Installation",
                "Portage comes with every stage file and needs no installing of its own.",
                "Use flags",
                "Flags say which optional parts of a package are built."
            ]
        );
    }

    #[test]
    fn an_items_header_holds_its_title_but_a_pages_header_is_furniture() {
        // A job board's rows, named as BEM names a block's parts.
        let job = |n| {
            format!(
                r#"<li class="listing"><a href="/j{n}"><div class="listing__header">
                <h3 class="listing__header__title">Engineer {n}</h3><span>{n}d</span></div>
                <p class="listing__company">Company {n}, anywhere</p></a></li>"#
            )
        };
        let got = texts(&format!(
            r#"<div class="site-header"><p>Post a job for $299</p></div>
            <div class="headline-wrap"><p>The page's own headline, shown apart</p></div>
            <ul>{}</ul>"#,
            (1..=3).map(job).collect::<String>()
        ));
        assert_eq!(
            got,
            [
                "Engineer 1",
                "1d",
                "Company 1, anywhere",
                "Engineer 2",
                "2d",
                "Company 2, anywhere",
                "Engineer 3",
                "3d",
                "Company 3, anywhere"
            ]
        );
    }

    #[test]
    fn a_sections_header_is_read_but_the_header_around_the_title_is_not() {
        let got = texts(
            r#"<div class="entry-header"><h1>Local SEO Tools</h1><p>By the team</p></div>
            <div class="gm-header"><h2>Track local rankings</h2>
              <div class="text-inner"><p>See where you rank in the map results.</p></div></div>
            <div class="site-header"><p>Log in</p></div>"#,
        );
        assert_eq!(
            got,
            [
                "Track local rankings",
                "See where you rank in the map results."
            ]
        );
    }

    #[test]
    fn a_rows_header_cell_is_its_label_but_a_pages_header_is_furniture() {
        let got = texts(
            r#"<div class="page-header"><p>Free shipping on orders over $50</p></div>
            <h2>Tech Specs</h2>
            <table>
              <tr><th class="spec-header">Form Factor</th><td>Desktop</td></tr>
              <tr><td><span class="row-header">Weight</span></td><td>1.78 lbs</td></tr>
            </table>"#,
        );
        assert_eq!(
            got,
            ["Tech Specs", "Form Factor | Desktop", "Weight | 1.78 lbs"]
        );
    }

    #[test]
    fn a_form_of_fields_is_furniture_but_a_page_wrapped_in_a_form_is_read() {
        let sizes: String = (6..=15)
            .map(|n| format!(r#"<label><input type="checkbox" name="size">{n}</label>"#))
            .collect();
        let products = "<p>The runner, in wool, light and washable: $98.</p>".repeat(3);
        let got = texts(&format!(
            r#"<form><p>Filter and sort</p><select><option>Featured</option></select>
            {sizes}</form>{products}"#
        ));
        assert_eq!(got, texts(&products));
        // One form around the page: a search box and its fields, and the text.
        let article = "<p>The runner is made of merino wool, light on the foot and washable \
                       in a machine, and it costs $98 in every size.</p>"
            .repeat(3);
        let page = format!(
            r#"<form id="MainForm"><input type="text" name="q"><input type="checkbox">
            <input type="submit" value="Go">{article}</form>"#
        );
        assert_eq!(texts(&page), texts(&article));
    }

    #[test]
    fn a_promotion_beside_more_text_is_furniture_and_one_that_is_the_page_is_read() {
        let cards: String = (1..=3)
            .map(|n| {
                format!(
                    r#"<div class="promo-item"><a href="/course/{n}"><h3>Course {n}</h3>
                    <p>Learn to write for the web in course number {n}.</p></a></div>"#
                )
            })
            .collect();
        let promo = format!(r#"<div class="promo">{cards}</div>"#);
        // Beside an article that says more, the cards are an advertisement.
        let article =
            "<p>The article says what happened, to whom and why, at length.</p>".repeat(6);
        assert_eq!(texts(&format!("{article}{promo}")), texts(&article));
        // With a line of introduction, they are what the page offers, and their links
        // do not make them a list of links.
        let page = format!("<h1>Our courses</h1>{promo}");
        let got = walked(&page, walk_region);
        assert_eq!(got.len(), 7, "{got:?}");
        assert_eq!(got[5], "Course 3");
        let doc = Html::parse_document(&format!("<html><body>{page}</body></html>"));
        let blocks = walk_region(doc.root_element());
        assert!(blocks.iter().all(|b| b.link_chars == 0));
        // Not without a run of cards: a long call to action is still one.
        let long_call = format!(
            r#"<h1>Our courses</h1><div class="cta"><p>{}</p></div>"#,
            "Sign up today and save. ".repeat(10)
        );
        assert_eq!(texts(&long_call), ["Our courses"]);
        // Nor in what Readability picked, which is weighed by share.
        assert_eq!(walked(&format!("{article}{promo}"), walk), texts(&article));
    }

    #[test]
    fn a_call_to_action_holding_prose_is_a_section_of_the_page() {
        let prose = "Enterprises move to platforms that spare them the buying, patching and \
                     backing up of their own machines, and that cost little up front. "
            .repeat(4);
        let section = format!(
            r#"<div class="cta-banner"><h2>Platforms</h2><p>{prose}</p>
            <a class="btn" href="/report">Download the report</a></div>"#
        );
        let got = texts(&format!("<h1>Data platforms</h1>{section}"));
        assert_eq!(got[..2], ["Data platforms", "Platforms"], "{got:?}");
        assert!(got[2].starts_with("Enterprises move"), "{got:?}");
        // The same words as a link are a teaser for elsewhere, and a line is a call.
        let teaser = format!(
            r#"<h1>Data platforms</h1><div class="cta"><a href="/x"><p>{prose}</p></a></div>"#
        );
        assert_eq!(texts(&teaser), ["Data platforms"]);
        let call = r#"<h1>Data platforms</h1><div class="cta"><p>Talk to us today.</p></div>"#;
        assert_eq!(texts(call), ["Data platforms"]);
    }

    #[test]
    fn a_section_named_for_the_menu_that_scrolls_to_it_is_read_and_the_menu_is_not() {
        let prose = "The contact book keeps every customer's calls, mails and deals in one \
                     place, so that the whole team sees where each one stands. "
            .repeat(4);
        let menu: String = (1..=3)
            .map(|n| format!(r##"<li class="nav-entry"><a href="#s{n}">Part {n} of the product, in short</a></li>"##))
            .collect();
        let page = format!(
            r#"<h1>Free CRM</h1><ul class="page-nav">{menu}</ul>
            <div class="contacts lm_navSource" id="s1"><h2>Contacts</h2><p>{prose}</p></div>"#
        );
        let got = texts(&page);
        assert_eq!(got[..2], ["Free CRM", "Contacts"], "{got:?}");
        assert!(got[2].starts_with("The contact book"), "{got:?}");
        assert_eq!(got.len(), 3, "{got:?}");
        // A menu of cards, however long, is a menu: only promotions are read as cards.
        let cards = format!(r#"<h1>Free CRM</h1><ul class="page-nav">{menu}</ul>"#);
        assert_eq!(texts(&cards), ["Free CRM"]);
    }
}
