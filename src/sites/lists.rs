//! Lists of article links: index pages, the home page, "Terkini Lainnya" under an article.
//!
//! Rather than one selector per site or era, a list is read by its links: every link to
//! an article (as the site's profile tells articles from other pages), in page order,
//! each with the smallest piece of page around it that belongs to that article alone (its
//! "item"). The title comes from the item's heading, the section label from a
//! `*subtitle*`/`*label*`/`*channel*` element, the date from a `*date*` element. On
//! Kompas this reads the 2024–2026 `articleItem` lists, the 2017–2023 `article__list`,
//! headline and most-read blocks, the 2015 and 2024 front pages' channels, and whatever
//! comes next, as long as articles are links.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Selector};
use url::Url;

use super::dates;
use super::elements::{selector, text_of};
use crate::article::{Headline, TerkiniLink};
use crate::sanitize;

selector!(LINKS, "a[href]");
selector!(HEADINGS, "h1, h2, h3, h4, h5, h6");
selector!(TITLED, "[class*=itle]");
selector!(IMAGES, "img[alt]");

/// A list under an article, as the article's Terkini links.
pub fn terkini_links(headlines: Vec<Headline>) -> Vec<TerkiniLink> {
    headlines
        .into_iter()
        .map(|h| TerkiniLink {
            title: h.title,
            url: h.url,
            label: h.label,
        })
        .collect()
}

/// A site's rule for links: the identity of the article a link's address stands for
/// (tracking parameters dropped), or `None` when it is not an article. A function, or a
/// closure over a site's profile.
pub trait ArticleOf: Fn(Url) -> Option<Url> {}
impl<F: Fn(Url) -> Option<Url>> ArticleOf for F {}

/// How far up from a link an item may reach; real items are 2–5 levels deep.
const MAX_ITEM_DEPTH: usize = 6;

/// The article links of one page, and for every element above one of them, whether
/// it holds links to one article or to several: what finding each link's item needs,
/// worked out once per page in one pass over the links, so a list of thousands of links
/// costs no more than its links times their depth.
pub struct ArticleLinks {
    /// Each link to an article, by its element, with the article's clean URL.
    urls: HashMap<NodeId, Url>,
    /// Elements above article links: the one article all their links go to, if one.
    holds: HashMap<NodeId, Holds>,
    /// Links inside an ad container.
    in_ads: HashSet<NodeId>,
}

#[derive(Clone, Copy)]
enum Holds {
    /// Links to one article only; the element of one of them.
    One(NodeId),
    Several,
}

impl ArticleLinks {
    pub fn of(doc: &Html, base: &Url, article_of: impl ArticleOf) -> Self {
        let mut links = ArticleLinks {
            urls: HashMap::new(),
            holds: HashMap::new(),
            in_ads: HashSet::new(),
        };
        let mut ads_open = 0usize;
        for edge in doc.tree.root().traverse() {
            let (node, open) = match edge {
                Edge::Open(n) => (n, true),
                Edge::Close(n) => (n, false),
            };
            let Some(el) = ElementRef::wrap(node) else {
                continue;
            };
            if is_ad_container(el) {
                ads_open = if open { ads_open + 1 } else { ads_open - 1 };
            }
            if open && let Some(url) = article_url(el, base, &article_of) {
                if ads_open > 0 {
                    links.in_ads.insert(el.id());
                }
                links.add(el, url);
            }
        }
        links
    }

    fn add(&mut self, a: ElementRef<'_>, url: Url) {
        for up in a.ancestors() {
            let now = match self.holds.get(&up.id()) {
                None => Holds::One(a.id()),
                // Whatever is above already knows this article, or already holds several.
                Some(Holds::One(other)) if self.urls[other] == url => break,
                Some(Holds::Several) => break,
                Some(Holds::One(_)) => Holds::Several,
            };
            self.holds.insert(up.id(), now);
        }
        self.urls.insert(a.id(), url);
    }

    /// Headlines of every article linked inside `scope`, in page order,
    /// deduplicated by URL (tracking parameters dropped), sponsored and off-site items
    /// skipped.
    pub fn headlines_in(&self, scope: ElementRef<'_>) -> Vec<Headline> {
        let mut out: Vec<Headline> = Vec::new();
        // Where each URL is in `out`: lists can hold tens of thousands of links.
        let mut place: HashMap<&Url, usize> = HashMap::new();
        // What each item says, read once however many links share it.
        let mut items: HashMap<NodeId, ItemText> = HashMap::new();
        for a in scope.select(&LINKS) {
            let Some(url) = self.urls.get(&a.id()) else {
                continue;
            };
            if self.in_ads.contains(&a.id()) || is_sponsored(a) {
                continue;
            }
            let item = self.item_of(a, scope);
            let said = items
                .entry(item.id())
                .or_insert_with(|| ItemText::of(item))
                .clone();
            let found = Headline {
                title: said.title.unwrap_or_else(|| link_title(a)),
                url: url.to_string(),
                label: said.label,
                published: said.published,
            };
            match place.get(url) {
                // The same article linked twice (image and title): keep the first place,
                // fill in what the first link lacked.
                Some(&i) => {
                    let h = &mut out[i];
                    if h.title.is_empty() {
                        h.title = found.title;
                    }
                    h.label = h.label.take().or(found.label);
                    h.published = h.published.or(found.published);
                }
                None => {
                    place.insert(url, out.len());
                    out.push(found);
                }
            }
        }
        out.retain(|h| !h.title.is_empty());
        out
    }

    /// The list of article links that follows `heading`, however it is wrapped: the first
    /// thing after the heading (climbing a few levels, for a heading wrapped in a title
    /// block) that links to articles; when that holds several, it is the list; when it
    /// is one item, the items are the heading's siblings, read up to the next heading, so
    /// the list after that one ("Mungkin Anda melewatkan ini" under "Terkini Lainnya")
    /// never joins it.
    pub fn list_after(&self, heading: ElementRef<'_>) -> Vec<Headline> {
        let mut node = heading;
        for _ in 0..MAX_HEADING_DEPTH {
            let mut items: Vec<Headline> = Vec::new();
            let mut seen: HashSet<String> = HashSet::new();
            for sibling in node.next_siblings().filter_map(ElementRef::wrap) {
                let found = self.headlines_in(sibling);
                if !items.is_empty() && starts_a_section(sibling, &found) {
                    break;
                }
                if items.is_empty() && found.len() > 1 {
                    return found;
                }
                for h in found {
                    if seen.insert(h.url.clone()) {
                        items.push(h);
                    }
                }
            }
            if !items.is_empty() {
                return items;
            }
            match node.parent().and_then(ElementRef::wrap) {
                Some(p) => node = p,
                None => break,
            }
        }
        Vec::new()
    }

    /// The largest ancestor of `a` (up to [`MAX_ITEM_DEPTH`], and not above `scope`) that
    /// links to no other article. The bound of the scope matters for a list of one item:
    /// without it the item would grow past the list to the page's own heading.
    fn item_of<'d>(&self, a: ElementRef<'d>, scope: ElementRef<'_>) -> ElementRef<'d> {
        let mut item = a;
        for parent in a
            .ancestors()
            .filter_map(ElementRef::wrap)
            .take(MAX_ITEM_DEPTH)
        {
            if matches!(self.holds.get(&parent.id()), Some(Holds::Several)) {
                break;
            }
            item = parent;
            if parent.id() == scope.id() {
                break;
            }
        }
        item
    }
}

/// How many levels above a list's heading its list may start: the heading may be
/// wrapped in a title block or two.
const MAX_HEADING_DEPTH: usize = 4;

/// A sibling that is, or holds, a heading of its own (an `h1`–`h6` or a `title` block
/// with no link in it or around it): the start of the next section of the page. A
/// heading in a link, as one inside it, is an item's title: a card is often a link
/// around its picture and its headline. So is a heading that says what the sibling's
/// one link is called (`found`): a card whose picture alone is the link.
fn starts_a_section(e: ElementRef<'_>, found: &[Headline]) -> bool {
    let in_a_link = |h: ElementRef<'_>| {
        h.ancestors()
            .take_while(|a| a.id() != e.id())
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().name() == "a")
    };
    let names_the_item = |h: ElementRef<'_>| {
        found.len() == 1 && sanitize::inline(&h.text().collect::<String>()) == found[0].title
    };
    let is_heading = |h: ElementRef<'_>| {
        let v = h.value();
        (matches!(v.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            || v.classes().any(|c| c == "title" || c == "title__content"))
            && h.select(&LINKS).next().is_none()
            && !in_a_link(h)
            && !names_the_item(h)
    };
    std::iter::once(e)
        .chain(e.descendants().filter_map(ElementRef::wrap))
        .any(is_heading)
}

fn article_url(a: ElementRef<'_>, base: &Url, article_of: &impl ArticleOf) -> Option<Url> {
    if a.value().name() != "a" {
        return None;
    }
    article_of(sanitize::link(a.value().attr("href")?, base)?)
}

/// Sponsored items sit in the same lists as news: `rel=sponsored`, or an ad container
/// around the link.
fn is_sponsored(a: ElementRef<'_>) -> bool {
    let rel = a.value().attr("rel").unwrap_or_default();
    rel.split_ascii_whitespace().any(|r| r == "sponsored")
}

fn is_ad_container(e: ElementRef<'_>) -> bool {
    e.value()
        .classes()
        .any(|c| c == "native-wrap" || c.ends_with("--ads") || c.starts_with("ads-") || c == "ads")
}

/// What an item says of its article.
#[derive(Clone)]
struct ItemText {
    title: Option<String>,
    label: Option<String>,
    published: Option<chrono::DateTime<chrono::FixedOffset>>,
}

impl ItemText {
    fn of(item: ElementRef<'_>) -> Self {
        let title = item_title(item);
        ItemText {
            // Not the box around the title that a class names for the channel
            // (`channel-headline-header`).
            label: item
                .descendants()
                .filter_map(ElementRef::wrap)
                .filter(|e| has_class_like(*e, LABEL_CLASSES))
                .map(label_text)
                .find(|t| !t.is_empty() && !title.as_ref().is_some_and(|title| t.contains(title))),
            title,
            published: class_texts(item, &["date", "time"])
                .chain(date_titles(item))
                .find_map(|t| dates::find_in_text(&t)),
        }
    }
}

/// Words in the class of the element that holds an item's section label: Kompas's
/// `article__subtitle` (2017–23), `hlChannel` and `mostChannel` (2024), and
/// `idx-channel-top` (2015).
const LABEL_CLASSES: &[&str] = &["subtitle", "label", "channel"];

/// A label element's own words, without what it holds besides (`NEWS` of `NEWS <span>-
/// 45 detik lalu</span>`); its whole text when it has none of its own (the label inside a
/// link inside it, after a bullet); without a bullet before it.
fn label_text(e: ElementRef<'_>) -> String {
    let own: String = e
        .children()
        .filter_map(|c| c.value().as_text().map(|t| &**t))
        .collect();
    let text = Some(sanitize::inline(&own))
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .unwrap_or_else(|| text_of(e));
    text.trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

/// The `title` attributes in and on an item's date elements: where a list that shows
/// "7 menit yang lalu" keeps the date itself (detik).
fn date_titles(item: ElementRef<'_>) -> impl Iterator<Item = String> + '_ {
    item.descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| has_class_like(*e, &["date", "time"]))
        .flat_map(|e| e.descendants().filter_map(ElementRef::wrap))
        .filter_map(|e| e.value().attr("title").map(sanitize::inline))
}

/// The item's heading, else a `*title*` element in it. Hover and mobile copies repeat
/// the title; the heading is the one to take.
fn item_title(item: ElementRef<'_>) -> Option<String> {
    let titled = |s: &Selector| {
        item.select(s)
            .filter(|h| !has_class_like(*h, LABEL_CLASSES) && !has_class_like(*h, &["author"]))
            .map(text_of)
            .find(|t| !t.is_empty())
    };
    titled(&HEADINGS).or_else(|| titled(&TITLED))
}

/// For an item without a heading: the link's own text, else an image's alt text.
fn link_title(a: ElementRef<'_>) -> String {
    Some(text_of(a))
        .filter(|t| !t.is_empty())
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
