//! Lists of article links: index pages, the home page, "Terkini Lainnya" under an article.
//!
//! Rather than one selector per Kompas era, a list is read by its links: every link to a
//! Kompas article, in page order, each with the smallest piece of page around it that
//! belongs to that article alone (its "item"). The title comes from the item's heading,
//! the section label from a `*subtitle*`/`*label*` element, the date from a `*date*`
//! element. This reads the 2024–2026 `articleItem` lists, the 2017–2023 `article__list`,
//! headline and most-read blocks, and whatever comes next, as long as articles are links.

use std::collections::HashMap;
use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use url::Url;

use super::{dates, kompas};
use crate::article::Headline;
use crate::sanitize;

static LINKS: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("a[href]").expect("static selector"));
static HEADINGS: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("h1, h2, h3, h4, h5, h6").expect("static selector"));
static TITLED: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("[class*=itle]").expect("static selector"));

static IMAGES: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("img[alt]").expect("static selector"));

/// How far up from a link an item may reach; real items are 2–5 levels deep.
const MAX_ITEM_DEPTH: usize = 6;

/// Headlines of every Kompas article linked inside `scope`, in page order, deduplicated
/// by URL (tracking parameters dropped), sponsored and off-site items skipped.
pub fn headlines_in(scope: ElementRef<'_>, base: &Url) -> Vec<Headline> {
    let mut out: Vec<Headline> = Vec::new();
    // Where each URL is in `out`: lists can hold tens of thousands of links.
    let mut place: HashMap<String, usize> = HashMap::new();
    for a in scope.select(&LINKS) {
        let Some(url) = article_url(a, base) else {
            continue;
        };
        if is_sponsored(a) {
            continue;
        }
        let item = item_of(a, &url, base);
        let found = Headline {
            title: title_of(item, a),
            url: url.to_string(),
            label: class_texts(item, &["subtitle", "label"]).next(),
            published: class_texts(item, &["date", "time"]).find_map(|t| dates::find_in_text(&t)),
        };
        match place.get(&found.url) {
            // The same article linked twice (image and title): keep the first place, fill
            // in what the first link lacked.
            Some(&i) => {
                let h = &mut out[i];
                if h.title.is_empty() {
                    h.title = found.title;
                }
                h.label = h.label.take().or(found.label);
                h.published = h.published.or(found.published);
            }
            None => {
                place.insert(found.url.clone(), out.len());
                out.push(found);
            }
        }
    }
    out.retain(|h| !h.title.is_empty());
    out
}

/// Headlines of a whole page.
pub fn headlines(doc: &Html, base: &Url) -> Vec<Headline> {
    headlines_in(doc.root_element(), base)
}

fn article_url(a: ElementRef<'_>, base: &Url) -> Option<Url> {
    let url = sanitize::link(a.value().attr("href")?, base)?;
    kompas::is_article_url(&url).then(|| kompas::clean_url(url))
}

/// Sponsored items sit in the same lists as news: `rel=sponsored`, or an ad container
/// around the link.
fn is_sponsored(a: ElementRef<'_>) -> bool {
    let rel = a.value().attr("rel").unwrap_or_default();
    rel.split_ascii_whitespace().any(|r| r == "sponsored")
        || a.ancestors().filter_map(ElementRef::wrap).any(|e| {
            e.value().classes().any(|c| {
                c == "native-wrap" || c.ends_with("--ads") || c.starts_with("ads-") || c == "ads"
            })
        })
}

/// The largest ancestor of `a` (up to [`MAX_ITEM_DEPTH`]) that links to no other article.
fn item_of<'a>(a: ElementRef<'a>, url: &Url, base: &Url) -> ElementRef<'a> {
    let mut item = a;
    for parent in a
        .ancestors()
        .filter_map(ElementRef::wrap)
        .take(MAX_ITEM_DEPTH)
    {
        let other = parent
            .select(&LINKS)
            .filter_map(|l| article_url(l, base))
            .any(|u| &u != url);
        if other {
            break;
        }
        item = parent;
    }
    item
}

/// The item's heading (else a `*title*` element), else the link's own text, else an image's
/// alt text. Hover and mobile copies repeat the title; the heading is the one to take.
fn title_of(item: ElementRef<'_>, a: ElementRef<'_>) -> String {
    let titled = |s: &Selector| {
        item.select(s)
            .filter(|h| !has_class_like(*h, &["subtitle", "label", "author"]))
            .map(text_of)
            .find(|t| !t.is_empty())
    };
    titled(&HEADINGS)
        .or_else(|| titled(&TITLED))
        .or_else(|| Some(text_of(a)).filter(|t| !t.is_empty()))
        .or_else(|| {
            a.select(&IMAGES)
                .find_map(|i| i.value().attr("alt").map(sanitize::inline))
        })
        .unwrap_or_default()
}

fn has_class_like(e: ElementRef<'_>, words: &[&str]) -> bool {
    e.value()
        .classes()
        .any(|c| words.iter().any(|w| c.to_ascii_lowercase().contains(w)))
}

/// Non-empty texts of the elements in `item` whose class contains one of `words`.
fn class_texts<'a>(
    item: ElementRef<'a>,
    words: &'a [&'a str],
) -> impl Iterator<Item = String> + 'a {
    item.descendants()
        .filter_map(ElementRef::wrap)
        .filter(move |e| has_class_like(*e, words))
        .map(text_of)
        .filter(|t| !t.is_empty())
}

pub fn text_of(e: ElementRef<'_>) -> String {
    sanitize::inline(&e.text().collect::<String>())
}
