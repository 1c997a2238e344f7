//! The other pages of a multi-page article.

use std::collections::BTreeMap;

use scraper::Html;
use url::Url;

use super::urls::clean_url;
use crate::sanitize;
use crate::sites::Paging;
use crate::sites::elements::selector;

selector!(PAGING_LINKS, "a.paging__link[href], .read__paging a[href]");
selector!(SHOW_ALL, "a.paging__link--show[href]");

/// The most pages of one article kabar reads: Kompas splits long articles into a handful.
const MAX_PAGES: u32 = 20;

/// The pages of a multi-page article, unless this already is the whole article: the
/// one-page version and pages 2 to [`MAX_PAGES`], all on the article's own host (a link
/// elsewhere is not a page of this article, and is not asked for).
pub(super) fn paging(doc: &Html, url: &Url) -> Option<Paging> {
    let is_all = |u: &Url| u.query_pairs().any(|(k, v)| k == "page" && v == "all");
    if is_all(url) {
        return None;
    }
    let page_of = |u: &Url| {
        u.query_pairs()
            .find(|(k, _)| k == "page")
            .and_then(|(_, v)| v.parse::<u32>().ok())
    };
    let same_site = |u: &Url| u.host_str() == url.host_str();
    // Page numbers to addresses, in order; only as many as a reader would page through.
    let mut rest: BTreeMap<u32, Url> = BTreeMap::new();
    for href in doc
        .select(&PAGING_LINKS)
        .filter_map(|a| a.value().attr("href"))
    {
        if let Some(u) = sanitize::link(href, url)
            && same_site(&u)
            && let Some(n) = page_of(&u)
            && (2..=MAX_PAGES).contains(&n)
        {
            rest.entry(n).or_insert_with(|| clean_fragment(u));
        }
    }
    if rest.is_empty() {
        return None;
    }
    let all = doc
        .select(&SHOW_ALL)
        .filter_map(|a| a.value().attr("href"))
        .find_map(|href| sanitize::link(href, url))
        .filter(|u| is_all(u) && same_site(u))
        .map(clean_fragment)
        .unwrap_or_else(|| {
            let mut u = clean_url(url.clone());
            u.query_pairs_mut().append_pair("page", "all");
            u
        });
    Some(Paging {
        all: Some(all),
        rest: rest.into_values().collect(),
    })
}

fn clean_fragment(mut u: Url) -> Url {
    u.set_fragment(None);
    u
}
