//! Kompas lists: the headlines of an index, section or home page, and the "Terkini
//! Lainnya" list under an article, read by the site-agnostic list reader with the Kompas
//! rule for which links are articles.

use std::collections::HashSet;

use scraper::{ElementRef, Html};
use url::Url;

use super::urls;
use crate::article::{HeadlinePage, TerkiniLink};
use crate::sanitize;
use crate::sites::elements::selector;
use crate::sites::lists::ArticleLinks;

selector!(LIST_SCOPES, "div.articleList");
selector!(
    NEXT_PAGE,
    "a.paging__link--next[href], link[rel=next][href], a[rel=next][href]"
);

/// Reads an index, section or home page into its headline list and next-page link.
pub fn headlines(doc: &Html, url: &Url) -> HeadlinePage {
    let lists: Vec<ElementRef<'_>> = doc.select(&LIST_SCOPES).collect();
    let mut headlines = Vec::new();
    let links = ArticleLinks::of(doc, url, urls::article_of);
    if lists.is_empty() {
        headlines = links.headlines_in(doc.root_element());
    } else {
        let mut seen = HashSet::new();
        for list in lists {
            for h in links.headlines_in(list) {
                if seen.insert(h.url.clone()) {
                    headlines.push(h);
                }
            }
        }
    }
    let next = doc
        .select(&NEXT_PAGE)
        .filter_map(|a| a.value().attr("href"))
        .find_map(|href| sanitize::link(href, url))
        .filter(|next| next != url)
        .map(String::from);
    HeadlinePage { headlines, next }
}

/// "Terkini Lainnya": no stored copy of its markup exists, so it is found by its words.
/// The element whose own text is the heading; then the first thing after it (climbing a
/// few levels) that links to articles.
pub(super) fn terkini(doc: &Html, base: &Url, own: &Url) -> Vec<TerkiniLink> {
    const HEADING: &str = "Terkini Lainnya";
    // Only short text that holds the words can be the heading; checking those first spares
    // building the own text of every element of a big page.
    let is_heading = |e: &ElementRef<'_>| {
        let own_text: String = e
            .children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect();
        sanitize::inline(&own_text).eq_ignore_ascii_case(HEADING)
    };
    let heading = doc
        .root_element()
        .descendants()
        .filter(|n| {
            n.value().as_text().is_some_and(|t| {
                t.len() < 4 * HEADING.len() && t.to_ascii_lowercase().contains("lainnya")
            })
        })
        .filter_map(|t| t.parent().and_then(ElementRef::wrap))
        .find(is_heading);
    let Some(heading) = heading else {
        return Vec::new();
    };
    let links = ArticleLinks::of(doc, base, urls::article_of);
    let mut node = heading;
    for _ in 0..4 {
        for sibling in node.next_siblings().filter_map(ElementRef::wrap) {
            let items = links.headlines_in(sibling);
            if !items.is_empty() {
                return items
                    .into_iter()
                    .filter(|h| h.url != own.as_str())
                    .map(|h| TerkiniLink {
                        title: h.title,
                        url: h.url,
                        label: h.label,
                    })
                    .collect();
            }
        }
        match node.parent().and_then(ElementRef::wrap) {
            Some(p) => node = p,
            None => break,
        }
    }
    Vec::new()
}
