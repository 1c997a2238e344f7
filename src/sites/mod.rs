//! Site profiles: turn a page into the model of news. Kompas pages go through the Kompas
//! profile; every other page through the generic extractor. Parsers are pure functions of
//! the page text and its URL, so they are tested without a network or a runtime.

mod dates;
pub use dates::wib;
pub mod generic;
pub mod kompas;
mod lists;
pub mod meta;

use scraper::Html;
use url::Url;

use crate::article::{Article, HeadlinePage, Site};
use crate::error::Error;

/// An article as read from one page, and the other pages of it, when it has several.
#[derive(Debug, Clone)]
pub struct ArticlePage {
    pub article: Article,
    pub paging: Option<Paging>,
}

/// Where the rest of a multi-page article is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    /// The whole article on one page (`?page=all`).
    pub all: Url,
    /// Pages 2..N, in order, for when the one-page version cannot be had.
    pub rest: Vec<Url>,
}

/// The profile that reads pages from `url`.
pub fn site_of(url: &Url) -> Site {
    if kompas::is_kompas(url) {
        Site::Kompas
    } else {
        Site::Generic
    }
}

/// The host of an address, for a pane title (`nasional.kompas.com`).
pub fn site_host(url: &str) -> String {
    Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default()
}

/// The URL a page stands for: the one given, else the page's own canonical address, else
/// `fallback` (a `file:` URL for a local file, against which no link resolves).
pub fn page_url(html: &str, given: Option<&Url>, fallback: &Url) -> Url {
    if let Some(u) = given {
        return u.clone();
    }
    let doc = Html::parse_document(html);
    meta::canonical(&doc, fallback).unwrap_or_else(|| fallback.clone())
}

/// Pages nested deeper than this are refused: parsing slows with the square of the depth
/// (html5ever checks its stack of open elements), and no article needs it (the deepest of
/// 181 real pages in the extraction benchmark is about 500).
pub const MAX_NESTING: usize = 2048;

/// Pages with more elements than this are refused: a news article has a few thousand
/// (the largest of the benchmark's 181 pages under 2,000), and a page of hundreds of
/// thousands would take more memory to hold than the reader should ever use.
pub const MAX_ELEMENTS: usize = 50_000;

/// A block longer than this is cut (with an ellipsis): no paragraph is this long, and a
/// page that says otherwise should not fill memory when the text is wrapped.
pub const MAX_BLOCK_CHARS: usize = 50_000;

/// Reads an article page. Fails only when the page holds no article text at all, or is
/// built to hurt (beyond [`MAX_NESTING`] or [`MAX_ELEMENTS`]).
pub fn read_article(html: &str, url: &Url) -> Result<ArticlePage, Error> {
    check_shape(html, url)?;
    let site = site_of(url);
    // The DOM is dropped before the generic extractor builds its own, so a big page is
    // never held twice.
    let mut page = {
        let doc = Html::parse_document(html);
        match site {
            Site::Kompas => kompas::article(&doc, url),
            Site::Generic => ArticlePage {
                article: generic_article(&doc, url),
                paging: None,
            },
        }
    };
    let article = &mut page.article;
    if article.body.is_empty() {
        article.body = generic::body(html, url);
    }
    if article.body.is_empty() && site == Site::Kompas {
        article.body = kompas::brand_safety_text(html).into_iter().collect();
    }
    drop_repeated_title(article);
    for block in &mut article.body {
        cut(&mut block.text, MAX_BLOCK_CHARS);
    }
    if article.body.is_empty() {
        return Err(Error::NoText(url.to_string()));
    }
    Ok(page)
}

fn check_shape(html: &str, url: &Url) -> Result<(), Error> {
    let shape = shape(html);
    let what = if shape.depth > MAX_NESTING {
        format!("nested more than {MAX_NESTING} elements deep")
    } else if shape.elements > MAX_ELEMENTS {
        format!("more than {MAX_ELEMENTS} elements")
    } else {
        return Ok(());
    };
    Err(Error::TooComplex {
        url: url.to_string(),
        what,
    })
}

/// How deep a page nests and how many elements it has, from its tags alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shape {
    pub depth: usize,
    pub elements: usize,
}

/// How deep `html` nests.
pub(crate) fn nesting(html: &str) -> usize {
    shape(html).depth
}

/// The shape of `html`, estimated from its tags alone, before any parsing: every start
/// tag is an element; it opens a level unless it is void (`<br>`) or one the parser closes
/// by itself when the next of its kind starts (`<p>`, `<li>`, table cells); an end tag
/// closes one.
fn shape(html: &str) -> Shape {
    #[rustfmt::skip]
    const NOT_NESTING: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th",
    ];
    let (mut depth, mut deepest, mut elements) = (0usize, 0usize, 0usize);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let closing = rest.starts_with('/');
        let name_from = usize::from(closing);
        let name_len = rest[name_from..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - name_from);
        let name = &rest[name_from..name_from + name_len];
        if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() {
            continue;
        }
        elements += usize::from(!closing);
        if !NOT_NESTING.iter().any(|v| v.eq_ignore_ascii_case(name)) {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        // Past the attributes, whose values may hold a `<`.
        rest = &rest[rest.find('>').unwrap_or(rest.len())..];
    }
    Shape {
        depth: deepest,
        elements,
    }
}

/// Cuts `text` to at most `max` characters, marking the cut.
fn cut(text: &mut String, max: usize) {
    if let Some((at, _)) = text.char_indices().nth(max) {
        text.truncate(at);
        text.push('…');
    }
}

/// The generic extractor often keeps the page's `<h1>` as the first block; the title is
/// shown above the text already.
fn drop_repeated_title(article: &mut Article) {
    let repeated = article
        .body
        .first()
        .is_some_and(|b| b.text.eq_ignore_ascii_case(&article.title));
    if repeated {
        article.body.remove(0);
    }
}

/// Reads a list page (index, section, home) into headlines, in page order.
pub fn read_headlines(html: &str, url: &Url) -> Result<HeadlinePage, Error> {
    check_shape(html, url)?;
    let doc = Html::parse_document(html);
    let page = kompas::headlines(&doc, url);
    if page.headlines.is_empty() {
        return Err(Error::NoHeadlines(url.to_string()));
    }
    Ok(page)
}

/// A page without a profile: metadata from meta tags and JSON-LD; the text comes from
/// the generic extractor afterwards.
fn generic_article(doc: &Html, url: &Url) -> Article {
    let ld = meta::ld_article(doc);
    let authors = Some(ld.authors)
        .filter(|a| !a.is_empty())
        .or_else(|| meta::meta(doc, "author").map(|a| meta::split_list(&a)))
        .unwrap_or_default();
    let image = ld
        .image
        .or_else(|| meta::meta(doc, "og:image"))
        .and_then(|s| crate::sanitize::link(&s, url))
        .map(String::from);
    Article {
        url: meta::canonical(doc, url)
            .filter(|c| c.host_str() == url.host_str())
            .unwrap_or_else(|| url.clone())
            .to_string(),
        title: ld.headline.or_else(|| meta::title(doc)).unwrap_or_default(),
        published: meta::meta(doc, "article:published_time")
            .and_then(|s| dates::parse_iso(&s))
            .or(ld.published),
        authors,
        editor: None,
        source: None,
        image,
        tags: Some(ld.keywords)
            .filter(|k| !k.is_empty())
            .or_else(|| meta::meta(doc, "keywords").map(|k| meta::split_list(&k)))
            .unwrap_or_default(),
        body: Vec::new(),
        related: Vec::new(),
        terkini: Vec::new(),
        site: Site::Generic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_counts_only_tags_that_nest() {
        let page = "<html><body><p>a<br>b<img src=x></p><p title='<x>'>c</p></body></html>";
        assert_eq!(nesting(page), 2);
        assert_eq!(nesting(&"<div>".repeat(5000)), 5000);
        assert_eq!(
            nesting(&"<p>".repeat(5000)),
            0,
            "paragraphs close each other"
        );
        assert_eq!(nesting("<div>a < b</div><div>c</div>"), 1);
    }

    #[test]
    fn pages_built_to_hurt_are_refused_before_parsing() {
        let url = Url::parse("https://www.kompas.com/read/2026/01/01/1/x").unwrap();
        let html = format!(
            "<html><body>{}<p>teks</p></body></html>",
            "<div>".repeat(MAX_NESTING + 1)
        );
        assert!(matches!(
            read_article(&html, &url),
            Err(Error::TooComplex { .. })
        ));
        assert!(matches!(
            read_headlines(&html, &url),
            Err(Error::TooComplex { .. })
        ));
        let wide = format!(
            "<html><body>{}</body></html>",
            "<a href=/x>x</a>".repeat(MAX_ELEMENTS)
        );
        let err = read_headlines(&wide, &url).unwrap_err();
        assert!(
            err.to_string().contains("more than 50000 elements"),
            "{err}"
        );
    }

    #[test]
    fn over_long_blocks_are_cut() {
        let mut text = "a".repeat(10);
        cut(&mut text, 4);
        assert_eq!(text, "aaaa…");
        let mut short = "abc".to_string();
        cut(&mut short, 4);
        assert_eq!(short, "abc");
    }
}
