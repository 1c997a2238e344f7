//! Feeds as headline lists: RSS 0.9x, 1.0 and 2.0, Atom and JSON Feed, read by feed-rs
//! and cleaned like every page: titles and labels through the sanitizer as plain text,
//! links resolved, http(s) only and without tracking parameters, as Kompas links are.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Feed, Link};
use url::Url;

use crate::article::{Headline, HeadlinePage, plausible_date};
use crate::error::Error;
use crate::sanitize;
use crate::sites::{self, kompas::clean_url, wib};

mod capped;

/// A feed gives at most this many headlines; the rest are left out. Real feeds hold 10
/// to 100 items; a list this long is already more than anyone scrolls.
pub const MAX_ITEMS: usize = 500;

/// A title longer than this (in bytes of feed text) is cut before its markup is read.
const MAX_TITLE_BYTES: usize = 4096;

/// The feed in `body` (its bytes as they came: an XML feed declares its own encoding),
/// from `url`, as a headline list in feed order. A feed that does not parse fails with
/// what was wrong; one without a single item with a web link has no headlines.
pub fn read(body: &[u8], url: &Url) -> Result<HeadlinePage, Error> {
    sites::isolated(url, || {
        let feed = feed_rs::parser::Builder::new()
            .base_uri(Some(url.as_str()))
            .build()
            .parse(capped::capped(body).as_ref())
            .map_err(|e| Error::ParserFailed {
                url: url.to_string(),
                why: format!("a broken feed: {}", sanitize::inline(&e.to_string())),
            })?;
        let headlines = headlines(&feed, url);
        if headlines.is_empty() {
            return Err(Error::NoHeadlines(url.to_string()));
        }
        Ok(HeadlinePage {
            headlines,
            next: None,
        })
    })
}

fn headlines(feed: &Feed, base: &Url) -> Vec<Headline> {
    let source = feed.title.as_ref().map(|t| plain(&t.content));
    let mut seen = HashSet::new();
    feed.entries
        .iter()
        .filter_map(|entry| headline(entry, base, source.as_deref()))
        .filter(|h| seen.insert(h.url.clone()))
        .take(MAX_ITEMS)
        .collect()
}

fn headline(entry: &Entry, base: &Url, source: Option<&str>) -> Option<Headline> {
    let url = page_link(&entry.links, base)?;
    let title = entry
        .title
        .as_ref()
        .map(|t| plain(&t.content))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| url.to_string());
    let label = entry
        .categories
        .iter()
        .map(|c| plain(c.label.as_deref().unwrap_or(&c.term)))
        .find(|c| !c.is_empty())
        .or_else(|| source.map(str::to_string))
        .filter(|l| !l.is_empty());
    Some(Headline {
        title,
        url: url.to_string(),
        label,
        published: entry.published.or(entry.updated).and_then(in_wib),
    })
}

/// The item's page: its first link that is not an enclosure or a related page (Atom's
/// `rel="alternate"`, or no `rel`), as a clean http(s) address.
fn page_link(links: &[Link], base: &Url) -> Option<Url> {
    links
        .iter()
        .filter(|l| matches!(l.rel.as_deref(), None | Some("alternate")))
        .find_map(|l| sanitize::link(&l.href, base))
        .map(clean_url)
}

/// Times are kept as the instant the feed gives, shown in WIB like Kompas's.
fn in_wib(t: DateTime<Utc>) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    plausible_date(t.with_timezone(&wib()))
}

/// Feed text as plain text: markup in it (Atom `type="html"` titles, escaped tags and
/// entities in RSS) is read as HTML and only its text kept, then sanitized. Markup that
/// builds more than [`TITLE_BUDGET`] allows (formatting elements left open re-created in
/// every paragraph after them: 4 KB of it built 100,000 elements, and 500 such titles
/// took a list 6 s to read) gives no text: the headline shows its link instead.
fn plain(raw: &str) -> String {
    let mut end = raw.len().min(MAX_TITLE_BYTES);
    while !raw.is_char_boundary(end) {
        end -= 1;
    }
    let raw = &raw[..end];
    if !raw.contains(['<', '&']) {
        return sanitize::inline(raw);
    }
    match sites::dom::fragment(raw, &TITLE_BUDGET) {
        Ok(html) => sanitize::inline(&html.root_element().text().collect::<String>()),
        Err(_) => String::new(),
    }
}

/// What the markup of one title may build: a node for each byte of it is more than any
/// real title's markup makes (a tag takes three bytes at least).
const TITLE_BUDGET: sites::dom::Budget = sites::dom::Budget {
    nodes: MAX_TITLE_BYTES,
    ..sites::dom::PAGE
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feed_gives_at_most_max_items_headlines() {
        let items: String = (0..MAX_ITEMS + 100)
            .map(|i| format!("<item><title>Butir {i}</title><link>https://x.id/{i}</link></item>"))
            .collect();
        let feed = format!("<rss version=\"2.0\"><channel><title>X</title>{items}</channel></rss>");
        let url = Url::parse("https://x.id/rss").unwrap();
        let page = read(feed.as_bytes(), &url).unwrap();
        assert_eq!(page.headlines.len(), MAX_ITEMS);
        assert_eq!(
            page.headlines[MAX_ITEMS - 1].url,
            format!("https://x.id/{}", MAX_ITEMS - 1)
        );
    }

    #[test]
    fn markup_and_entities_in_titles_become_plain_text() {
        assert_eq!(
            plain("Harga &lt;b&gt;beras&lt;/b&gt; naik"),
            "Harga <b>beras</b> naik"
        );
        assert_eq!(plain("<b>Harga</b> beras &amp; gula"), "Harga beras & gula");
        assert_eq!(plain("Banjir\u{1b}[31m di\n Jakarta"), "Banjir di Jakarta");
        // Markup built to cost: 200 formatting elements left open, then 800 paragraphs,
        // each re-creating all 200.
        let open: String = (0..200).map(|i| format!("<b id=b{i}>")).collect();
        let bomb = format!("<p>{open}x{}", "<p>y".repeat(800));
        assert_eq!(plain(&bomb[..MAX_TITLE_BYTES]), "");
        // The same 200 closed again are a title.
        let closed = format!("{open}Judul{}", "</b>".repeat(200));
        assert!(closed.len() < MAX_TITLE_BYTES);
        assert_eq!(plain(&closed), "Judul");
    }
}
