//! Pages of many similar items: a thread of posts, a list of links to stories, a grid of
//! products. Readability looks for the one element that holds an article, and on such a
//! page it takes one item (a post, a card) or a block beside the list. What tells the
//! page apart is its shape: most of its main region's text sits in one run of sibling
//! elements that look alike (same tag, same classes; see [`look`]), and that run holds
//! far more text than what Readability took.

use std::collections::BTreeMap;

use html5ever::local_name;
use scraper::{ElementRef, Html, Node};

use super::walk::{MAX_DEPTH, is_skipped, text_chars, trimmed_len};
use crate::sites::elements::{attr, selector};

selector!(MAIN, "main, [role=main]");
selector!(BODY, "body");

/// Fewest siblings that make a list of items rather than a pair of columns.
const MIN_ITEMS: usize = 3;

/// Fewest bytes of text an item holds on average: shorter ones are the entries of a
/// menu or a filter (a list of 500 languages), not items to read.
const MIN_ITEM_CHARS: usize = 25;

/// How much more text the items hold than Readability's pick before the page is read as
/// a list: an article's own paragraphs are such a run too, and Readability takes them
/// whole, so a small excess is not a missed list.
const ITEMS_OVER_PICK: usize = 3;

/// The region of the page that holds its main content: its `<main>` (or `role="main"`)
/// element holding the most text, else its `<body>`.
pub(super) fn main_region(doc: &Html) -> Option<ElementRef<'_>> {
    marked_main(doc)
        .max_by_key(|e| text_chars(*e))
        .or_else(|| doc.select(&BODY).next())
}

/// The elements the page marks as its main content, `<main>` or `role="main"`: one on
/// most pages that have any, some on pages that mark each part.
pub(super) fn marked_main(doc: &Html) -> impl Iterator<Item = ElementRef<'_>> {
    doc.select(&MAIN)
}

/// Whether `region` reads as a list of items that Readability, which took `picked`
/// bytes of text, did not keep. The items must hold at least half the region's text:
/// less, and they are a sidebar or a footer of links beside something else.
pub(super) fn is_missed_list(region: ElementRef, picked: usize) -> bool {
    let total = text_chars(region);
    let mut largest = 0;
    let shown = scan(region, total, 0, &mut largest).chars;
    largest > picked * ITEMS_OVER_PICK && largest * 2 >= shown
}

/// Children of one element that look alike.
#[derive(Default)]
struct Group {
    count: usize,
    /// Bytes of their text.
    chars: usize,
    /// How many hold a field of a form.
    forms: usize,
}

/// What [`scan`] found under an element.
struct Scanned {
    /// Bytes of the text the walk would read.
    chars: usize,
    /// Whether a field of a form is among it.
    field: bool,
}

/// The text under `el` that the walk would read, noting in `largest` the text of the
/// largest run of look-alike children found below it. One pass over the tree; below the
/// walk's own depth limit, text is counted flat.
fn scan(el: ElementRef, total: usize, depth: usize, largest: &mut usize) -> Scanned {
    if depth >= MAX_DEPTH {
        return Scanned {
            chars: text_chars(el),
            field: false,
        };
    }
    let mut seen = Scanned {
        chars: 0,
        field: false,
    };
    // Children by (tag, class), where there are enough children for a run.
    let mut groups: BTreeMap<(&str, &str), Group> = BTreeMap::new();
    let runs = el.child_elements().nth(MIN_ITEMS - 1).is_some();
    for child in el.children() {
        if let Node::Text(t) = child.value() {
            seen.chars += trimmed_len(t);
            continue;
        }
        let Some(c) = ElementRef::wrap(child) else {
            continue;
        };
        if is_field(c) {
            seen.field = true;
        }
        if is_skipped(c, total) {
            continue;
        }
        let inner = scan(c, total, depth + 1, largest);
        seen.chars += inner.chars;
        seen.field |= inner.field;
        if runs
            && inner.chars > 0
            && let Some(key) = look(c)
        {
            let group = groups.entry(key).or_default();
            group.count += 1;
            group.chars += inner.chars;
            group.forms += usize::from(inner.field);
        }
    }
    for Group {
        count,
        chars,
        forms,
    } in groups.into_values()
    {
        // Mostly forms (a form's rows, pop-ups that each ask for an address) is not a
        // list to read; a few (a code sample's menu of languages) do not matter.
        if count >= MIN_ITEMS && chars >= count * MIN_ITEM_CHARS && forms * 2 < count {
            *largest = (*largest).max(chars);
        }
    }
    seen
}

/// The looks (see [`look`]) shared by a run of [`MIN_ITEMS`] or more children of `el`:
/// the items of a list, whatever tag they have.
pub(super) fn repeated_looks<'a>(el: ElementRef<'a>) -> Vec<(&'a str, &'a str)> {
    // Asked of every container a walk meets, most of which hold fewer elements than a run.
    if el.child_elements().nth(MIN_ITEMS - 1).is_none() {
        return Vec::new();
    }
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for key in el.child_elements().filter_map(look) {
        *counts.entry(key).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= MIN_ITEMS)
        .map(|(key, _)| key)
        .collect()
}

/// Whether most of the text under `el` sits in one run of [`MIN_ITEMS`] or more
/// look-alike elements holding [`MIN_ITEM_CHARS`] each on average: a grid of cards.
/// Asked of few elements (promotions; see `walk::is_page_offer`), it looks at each
/// element below `el` once, and counts the text of those whose children repeat a look.
pub(super) fn holds_cards(el: ElementRef) -> bool {
    let whole = text_chars(el);
    el.descendent_elements().any(|parent| {
        let looks = repeated_looks(parent);
        looks.iter().any(|key| {
            let (count, chars) = parent
                .child_elements()
                .filter(|c| look(*c) == Some(*key))
                .fold((0, 0), |(n, chars), c| (n + 1, chars + text_chars(c)));
            chars * 2 >= whole && chars >= count * MIN_ITEM_CHARS
        })
    })
}

/// What makes siblings look alike, if anything: their tag and classes. Sibling
/// `<article>` and `<section>` elements are posts and sections whatever their classes
/// say ("post sticky", "hero", "features"), list items and table rows are items of
/// their list; other elements without a class are the plain paragraphs and boxes of any
/// page, which look alike without being items.
pub(super) fn look<'a>(el: ElementRef<'a>) -> Option<(&'a str, &'a str)> {
    let v = el.value();
    match (
        v.name(),
        attr(v, &local_name!("class")).filter(|c| !c.trim().is_empty()),
    ) {
        (name @ ("article" | "section"), _) => Some((name, "")),
        (name, Some(class)) => Some((name, shared_classes(class))),
        (name @ ("li" | "tr" | "dt" | "dd"), None) => Some((name, "")),
        (_, None) => None,
    }
}

/// The classes an item shares with its siblings: those before the first that names the
/// item itself by its id, a number of [`ID_DIGITS`] digits or more (WordPress's `product
/// post-15859 instock first`, where the classes after the id say its state and its place
/// in the row, differ item by item). A small number is a size or a layout
/// (`column-count-2`, `col-md-4`), not an id; a first class with an id is kept whole.
fn shared_classes(class: &str) -> &str {
    let own = class
        .split_whitespace()
        .find(|c| {
            c.as_bytes()
                .split(|b| !b.is_ascii_digit())
                .any(|run| run.len() >= ID_DIGITS)
        })
        .map(|c| c.as_ptr() as usize - class.as_ptr() as usize);
    match own.map(|at| class[..at].trim()) {
        Some(shared) if !shared.is_empty() => shared,
        _ => class,
    }
}

/// Fewest digits in a row that make a number an item's id rather than a size or a place.
const ID_DIGITS: usize = 3;

/// A field a visitor fills in (hidden inputs, which carry a cart's product id, are not).
pub(super) fn is_field(el: ElementRef) -> bool {
    match el.value().name() {
        "select" | "textarea" => true,
        "input" => attr(el.value(), &local_name!("type")) != Some("hidden"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the page's main region reads as a list that a pick of `picked` bytes missed.
    fn missed(body: &str, picked: usize) -> bool {
        let doc = Html::parse_document(&format!("<html><body>{body}</body></html>"));
        is_missed_list(main_region(&doc).unwrap(), picked)
    }

    fn items(n: usize, item: impl Fn(usize) -> String) -> String {
        (1..=n).map(item).collect()
    }

    fn story(n: usize) -> String {
        format!(
            r#"<div class="story"><a href="/s{n}">Story {n} of the day, in a line</a>
            <span>120 points, 3 hours ago</span></div>"#
        )
    }

    #[test]
    fn look_alike_items_holding_the_text_are_a_list() {
        let page = items(10, story);
        assert!(missed(&page, 40));
        // Readability took most of it: nothing was missed.
        assert!(!missed(&page, 400));
        // Two are a pair of columns, not a list.
        assert!(!missed(&items(2, story), 0));
    }

    #[test]
    fn posts_are_alike_whatever_their_classes() {
        let topics = ["news", "howto", "review", "sticky", "essay", "interview"];
        let posts = items(6, |n| {
            let topic = topics[n - 1];
            format!(
                r#"<article class="post {topic}"><h2><a href="/p{n}">Post {n}</a></h2>
                <p>What post {n} is about, in a line or two.</p></article>"#
            )
        });
        assert!(missed(&posts, 40));
        let cards = posts
            .replace("<article", "<div")
            .replace("</article>", "</div>");
        assert!(!missed(&cards, 40));
    }

    #[test]
    fn items_that_each_carry_their_own_id_in_a_class_are_alike() {
        let products = items(6, |n| {
            let place = if n % 3 == 1 { "first" } else { "" };
            format!(
                r#"<div class="product post-{n}{n}7 instock {place}"><a href="/p{n}">Cup
                model {n}, in blue and in red</a></div>"#
            )
        });
        assert!(missed(&products, 40));
        // A small number is a layout, not an id: grids of two and of three columns differ.
        let doc = Html::parse_document(r#"<div class="grid column-count-2"></div>"#);
        let div = scraper::Selector::parse("div").unwrap();
        let el = doc.select(&div).next().unwrap();
        assert_eq!(look(el), Some(("div", "grid column-count-2")));
    }

    #[test]
    fn plain_boxes_without_a_class_are_not_items_but_list_items_are() {
        let boxes = items(10, |n| {
            format!("<div><p>Paragraph {n} of a page with no classes at all.</p></div>")
        });
        assert!(!missed(&boxes, 40));
        let entries = items(10, |n| {
            format!("<li>Entry {n} of a list with no classes at all.</li>")
        });
        assert!(missed(&format!("<ul>{entries}</ul>"), 40));
    }

    #[test]
    fn the_main_element_is_the_region() {
        let page = format!(
            "<div><p>{}</p></div><main>{}</main>",
            "A long aside that is not the list. ".repeat(40),
            items(10, story)
        );
        assert!(missed(&page, 40));
    }

    #[test]
    fn items_beside_more_text_are_not_the_page() {
        let page = format!(
            "<div><p>{}</p></div><div>{}</div>",
            "A long article that is the page. ".repeat(40),
            items(4, story)
        );
        assert!(!missed(&page, 40));
    }

    #[test]
    fn menus_and_forms_are_not_lists() {
        let menu = items(40, |n| {
            format!(r#"<div class="lang"><a href="/l{n}">Lang {n}</a></div>"#)
        });
        assert!(!missed(&menu, 0));
        let form = items(10, |n| {
            format!(
                r#"<div class="field"><label>Your answer to question number {n}</label>
                <input type="text" name="q{n}"></div>"#
            )
        });
        assert!(!missed(&form, 0));
        // A cart's hidden product id does not make an item a form.
        let cards = items(10, |n| {
            format!(
                r#"<div class="card"><a href="/p{n}">Product {n}, in blue and in red</a>
                <input type="hidden" name="id" value="{n}"></div>"#
            )
        });
        assert!(missed(&cards, 0));
    }
}
