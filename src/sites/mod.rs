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

/// Reads an article page. Fails only when the page holds no article text at all.
pub fn read_article(html: &str, url: &Url) -> Result<ArticlePage, Error> {
    let doc = Html::parse_document(html);
    let page = match site_of(url) {
        Site::Kompas => kompas::article(&doc, html, url),
        Site::Generic => ArticlePage {
            article: generic_article(&doc, html, url),
            paging: None,
        },
    };
    let mut page = page;
    drop_repeated_title(&mut page.article);
    if page.article.body.is_empty() {
        return Err(Error::NoText(url.to_string()));
    }
    Ok(page)
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
    let doc = Html::parse_document(html);
    let page = kompas::headlines(&doc, url);
    if page.headlines.is_empty() {
        return Err(Error::NoHeadlines(url.to_string()));
    }
    Ok(page)
}

/// A page without a profile: metadata from meta tags and JSON-LD, text from the generic
/// extractor.
fn generic_article(doc: &Html, html: &str, url: &Url) -> Article {
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
        body: generic::body(html, url),
        related: Vec::new(),
        terkini: Vec::new(),
        site: Site::Generic,
    }
}
