//! Site profiles: turn a page into the model of news. Kompas pages go through the Kompas
//! profile; every other page through the generic extractor. Parsers are pure functions of
//! the page text and its URL, so they are tested without a network or a runtime.

mod dates;
pub mod dom;
mod elements;
pub mod furniture;
pub use dates::wib;
pub mod generic;
pub mod kompas;
mod lists;
pub mod meta;
pub mod months;
pub mod profiles;

use scraper::Html;
use url::Url;

use crate::article::{Article, HeadlinePage, Site, TerkiniLink};
use crate::error::Error;

/// An article as read from one page, and the other pages of it, when it has several.
#[derive(Debug, Clone)]
pub struct PagedArticle {
    pub article: Article,
    pub paging: Option<Paging>,
}

/// Where the rest of a multi-page article is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    /// The whole article on one page (`?page=all`), when the site has one.
    pub all: Option<Url>,
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

/// The URL a page stands for: the one given, else the page's own canonical address (its
/// canonical link, og:url, or the address its JSON-LD gives the article), else `fallback`
/// (a `file:` URL for a local file, against which no link resolves).
pub fn page_url(html: &str, given: Option<&Url>, fallback: &Url) -> Url {
    if let Some(u) = given {
        return u.clone();
    }
    isolated(fallback, || {
        Ok(dom::document(html, &dom::PAGE).ok().and_then(|doc| {
            // A page whose canonical link and og:url are empty may still say where it
            // is in its JSON-LD.
            meta::canonical(&doc, fallback).or_else(|| {
                // Only a page of one article: an index lists many, each with its address.
                let ld = meta::JsonLd::of(&doc);
                let url = ld.is_of_one_article().then(|| ld.article().url).flatten()?;
                crate::sanitize::link(&url, fallback).filter(|u| u.path() != "/")
            })
        }))
    })
    .ok()
    .flatten()
    .unwrap_or_else(|| fallback.clone())
}

/// A block longer than this is cut (with an ellipsis): no paragraph is this long, and a
/// page that says otherwise should not fill memory when the text is wrapped.
pub const MAX_BLOCK_CHARS: usize = 50_000;

/// An article longer than this is cut: as much text as one page may bring (the 10 MB
/// page limit), whatever number of pages it comes in. Every character is laid out again
/// on each resize and kept in the store.
pub const MAX_ARTICLE_CHARS: usize = 10_000_000;

/// How much stack a page's parse gets. Every walk over the tree either recurses at most
/// [`dom::PAGE`]'s depth or has its own cap; the generic extractor recurses once per
/// level. 64 MB is over a hundred kilobytes a level, far more than any frame needs; it
/// is address space, not memory, until used.
const PARSE_STACK: usize = 64 * 1024 * 1024;

/// Runs the work on one page on a thread of its own, named so the panic hook knows a
/// panic there is caught: a page that breaks a parser fails alone, with a message, and
/// never takes the program down.
pub fn isolated<T: Send>(
    url: &Url,
    job: impl FnOnce() -> Result<T, Error> + Send,
) -> Result<T, Error> {
    let failed = |why: String| Error::ParserFailed {
        url: url.to_string(),
        why,
    };
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .name(PARSER_THREAD.into())
            .stack_size(PARSE_STACK)
            .spawn_scoped(scope, || {
                fail_on_purpose();
                job()
            })
            .map_err(|e| failed(format!("no thread to parse it: {e}")))?;
        handle
            .join()
            .unwrap_or_else(|_| Err(failed("the parser failed on it".into())))
    })
}

/// In debug builds only: `KABAR_TEST_FAIL=parser` makes every page's parse panic, so the
/// tests can check that a page that breaks the parser fails alone.
fn fail_on_purpose() {
    #[cfg(debug_assertions)]
    if std::env::var("KABAR_TEST_FAIL").as_deref() == Ok("parser") {
        panic!("KABAR_TEST_FAIL=parser: failing on purpose");
    }
}

/// The name of the threads pages are parsed on.
pub const PARSER_THREAD: &str = "kabar-parse";

/// Reads an article page. Fails only when the page holds no article text at all, or is
/// built to hurt (past [`dom::PAGE`], the budget of every page).
pub fn read_article(html: &str, url: &Url) -> Result<PagedArticle, Error> {
    match read_page(html, url)? {
        Page::Article(page) => Ok(*page),
        Page::List(n) => Err(Error::NoText(format!(
            "{url} (a list of {n} articles, not an article)"
        ))),
    }
}

/// What a page holds: one article, or a list of this many articles (an index or section
/// page, whose only "text" is the promo around its links).
#[derive(Debug, Clone)]
pub enum Page {
    Article(Box<PagedArticle>),
    List(usize),
}

/// A page is a list, not an article, when its profile finds no article text of its own,
/// it links to at least this many articles, and what text the fallback finds is short
/// beside them ([`LIST_CHARS_PER_LINK`] a link): the promo lines of an index page.
pub const LIST_MIN_LINKS: usize = 3;
const LIST_CHARS_PER_LINK: usize = 200;

/// Reads a page as an article, or tells it is a list of articles.
pub fn read_page(html: &str, url: &Url) -> Result<Page, Error> {
    isolated(url, || article_of(html, url))
}

fn article_of(html: &str, url: &Url) -> Result<Page, Error> {
    let site = site_of(url);
    let profile = profiles::of(url);
    // One tree for the page, parsed from the source as the generic extractor prepares it
    // (parts a script would show shown): the profiles and the metadata read it, and so
    // does the generic extractor when it reads the whole page.
    let source = generic::prepared(html);
    let doc = parse(&source, url)?;
    // The page's JSON-LD, parsed once for its metadata and for the generic extractor.
    let json_ld = meta::JsonLd::of(&doc);
    let (mut page, one_article) = match site {
        Site::Kompas => (kompas::article(&doc, url, &json_ld), false),
        Site::Generic => {
            let page = PagedArticle {
                article: generic_article(&doc, url, profile, &json_ld),
                paging: profile.and_then(|p| p.paging(&doc, url)),
            };
            (page, json_ld.is_of_one_article())
        }
    };
    // Sites repeat a tag or a writer in their lists (tribunnews's keywords name its
    // first tag twice): each is shown once.
    once_each(&mut page.article.tags);
    once_each(&mut page.article.authors);
    // A page at an article's address is an article, whatever links it holds; so is a
    // page of a site kabar has no profile for whose JSON-LD describes one article (a
    // news article's page links to dozens more, in its latest and most-read lists).
    let links = match profile {
        Some(p) if p.article_of(url.clone()).is_none() => {
            profile_headlines(&doc, url, p).headlines.len()
        }
        Some(_) => 0,
        None if page.article.body.is_empty() && !kompas::is_article_url(url) && !one_article => {
            kompas::headlines(&doc, url).headlines.len()
        }
        None => 0,
    };
    let captions = match profile {
        Some(p) if p.is_gallery(url) => p.captions_in(&doc),
        _ => Vec::new(),
    };
    let article = &mut page.article;
    if article.body.is_empty() {
        // The profile's body container, cut from this tree, for the generic extractor;
        // the tree is dropped before the container's own is built, so a big page is
        // never held twice.
        let cut = match profile {
            Some(p) => p.page_for_extractor(doc),
            None => Err(doc),
        };
        let whole = match cut {
            Ok(part) => {
                article.body = generic::body(&part, url);
                None
            }
            Err(doc) => Some(doc),
        };
        // A gallery's text is its captions; the rest of its page is counters and view
        // counts.
        if article.body.is_empty() && captions.is_empty() {
            article.body = match &whole {
                Some(doc) => generic::body_of(doc, url, &json_ld),
                None => generic::body(html, url),
            };
        }
        add_captions(&mut article.body, captions);
        // The site's furniture goes whichever extractor read the page.
        let furniture = match (site, profile) {
            (Site::Kompas, _) => Some(&kompas::boilerplate::FURNITURE),
            (_, Some(p)) => Some(&p.furniture),
            (_, None) if furniture::is_indonesian(&article.body) => Some(&furniture::INDONESIAN),
            (_, None) => None,
        };
        if let Some(furniture) = furniture {
            furniture.clean(&mut article.body);
        }
        let chars: usize = article.body.iter().map(|b| b.text.chars().count()).sum();
        if links >= LIST_MIN_LINKS && chars < links * LIST_CHARS_PER_LINK {
            return Ok(Page::List(links));
        }
    }
    if article.body.is_empty() && site == Site::Kompas {
        article.body = kompas::brand_safety_text(html).into_iter().collect();
    }
    drop_repeated_title(article);
    join_dateline(&mut article.body);
    limit_text(&mut article.body);
    if article.body.is_empty() {
        return Err(Error::NoText(url.to_string()));
    }
    Ok(Page::Article(Box::new(page)))
}

/// `list` without the entries said before, whatever their case, in their first form.
fn once_each(list: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    list.retain(|entry| seen.insert(entry.to_lowercase()));
}

/// A gallery's captions after its lead text, each that the text does not hold already.
fn add_captions(body: &mut Vec<crate::article::Block>, captions: Vec<String>) {
    for text in captions {
        if !body.iter().any(|b| b.text.contains(&text)) {
            body.push(crate::article::Block {
                kind: crate::article::BlockKind::Paragraph,
                text,
            });
        }
    }
}

/// The page's tree, within the budget of every page.
fn parse(html: &str, url: &Url) -> Result<scraper::Html, Error> {
    dom::document(html, &dom::PAGE).map_err(|over| Error::TooComplex {
        url: url.to_string(),
        what: over.to_string(),
    })
}

/// Cuts over-long blocks, and the article where its text passes [`MAX_ARTICLE_CHARS`].
pub fn limit_text(body: &mut Vec<crate::article::Block>) {
    let mut total = 0usize;
    let mut keep = body.len();
    for (i, block) in body.iter_mut().enumerate() {
        cut(&mut block.text, MAX_BLOCK_CHARS);
        let room = MAX_ARTICLE_CHARS.saturating_sub(total);
        if room == 0 {
            keep = i;
            break;
        }
        cut(&mut block.text, room);
        total += block.text.chars().count();
    }
    body.truncate(keep);
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

/// A dateline the page sets apart from the first paragraph (detik's `<strong>Jakarta</strong>
/// -` before its first `<p>`) begins that paragraph, as it does on Kompas and as the page
/// reads: alone, it showed as a line of its own ("Jakarta -").
fn join_dateline(body: &mut Vec<crate::article::Block>) {
    use crate::article::BlockKind::Paragraph;
    let [first, second, ..] = body.as_slice() else {
        return;
    };
    if first.kind == Paragraph && second.kind == Paragraph && is_place_dateline(&first.text) {
        let text = format!("{} {}", first.text, second.text);
        body[1].text = text;
        body.remove(0);
    }
}

/// Whether `text` is a dateline alone: a place and perhaps the site's name before a dash
/// (`Jakarta -`, `Liputan6.com, Jakarta -`, `JAKARTA, KOMPAS.com –`), no sentence in it.
fn is_place_dateline(text: &str) -> bool {
    let Some(place) = text
        .trim_end()
        .strip_suffix(['-', '–', '—'])
        .filter(|p| p.ends_with(' '))
    else {
        return false;
    };
    let place = place.trim();
    !place.is_empty()
        && place.chars().count() <= DATELINE_MAX_CHARS
        && place.split_whitespace().count() <= DATELINE_MAX_WORDS
        && !place.contains(['!', '?', '"', '“'])
        && !place.contains(". ")
}

/// How long a dateline runs at most: a city, a region, a site's name.
const DATELINE_MAX_CHARS: usize = 50;
const DATELINE_MAX_WORDS: usize = 5;

/// Reads a list page (index, section, home) into headlines, in page order.
pub fn read_headlines(html: &str, url: &Url) -> Result<HeadlinePage, Error> {
    isolated(url, || {
        let doc = parse(html, url)?;
        let page = match profiles::of(url) {
            Some(profile) => profile_headlines(&doc, url, profile),
            None => kompas::headlines(&doc, url),
        };
        if page.headlines.is_empty() {
            return Err(Error::NoHeadlines(url.to_string()));
        }
        Ok(page)
    })
}

/// The headlines of a list page of a profiled site: every link its profile calls an
/// article, inside the profile's list container when the page has one.
fn profile_headlines(doc: &Html, url: &Url, profile: &profiles::Profile) -> HeadlinePage {
    let links = lists::ArticleLinks::of(doc, url, |u| profile.article_of(u));
    let scope = profile
        .list
        .iter()
        .find_map(|css| doc.select(&elements::sel(css)).next())
        .unwrap_or_else(|| doc.root_element());
    HeadlinePage {
        headlines: links.headlines_in(scope),
        next: None,
    }
}

/// The article links of a profiled site's latest-news list, when the page has one.
fn profile_terkini(doc: &Html, url: &Url, profile: &profiles::Profile) -> Vec<TerkiniLink> {
    let Some(list) = profile
        .terkini
        .iter()
        .find_map(|css| doc.select(&elements::sel(css)).next())
    else {
        return Vec::new();
    };
    lists::terkini_links(
        lists::ArticleLinks::of(doc, url, |u| profile.article_of(u)).headlines_in(list),
    )
}

/// A page without a Kompas profile: metadata from the site's profile, if it has one, then
/// meta tags and JSON-LD; the text comes from the generic extractor afterwards.
fn generic_article(
    doc: &Html,
    url: &Url,
    profile: Option<&profiles::Profile>,
    json_ld: &meta::JsonLd,
) -> Article {
    let ld = json_ld.article();
    let site = meta::SiteNames::of(doc, url);
    // The profile's editor is told apart from the writers even where the page's JSON-LD
    // calls the editor its author (Tribun); JSON-LD's own `editor` is one more name.
    let profile_editor = profile.and_then(|p| p.editor_in(doc));
    let mut authors = profile.map(|p| p.authors_in(doc)).unwrap_or_default();
    if authors.is_empty() {
        // A site that credits no one in its JSON-LD or its `author` meta tag names itself
        // there; the byline it prints, if any, names the writer. Without one, the site is
        // who the page says wrote it (a company's own blog).
        let given = [
            ld.authors,
            meta::meta(doc, "author")
                .map(|a| meta::split_names(&a))
                .unwrap_or_default(),
        ];
        let people = |names: &[String]| -> Vec<String> {
            names.iter().filter(|n| !site.is(n)).cloned().collect()
        };
        authors = given
            .iter()
            .map(|names| people(names))
            .find(|p| !p.is_empty())
            .unwrap_or_else(|| {
                let byline = meta::byline_authors(doc, url, json_ld);
                if byline.is_empty() {
                    given
                        .into_iter()
                        .find(|n| !n.is_empty())
                        .unwrap_or_default()
                } else {
                    byline
                }
            });
    }
    authors.retain(|a| Some(a) != profile_editor.as_ref());
    let editor = profile_editor.or(ld.editor.filter(|e| !authors.contains(e) && !site.is(e)));
    let title = meta::title(doc, url, ld.headline.as_deref()).unwrap_or_default();
    // Each address checked before the next is tried: JSON-LD's may be broken where
    // og:image is not.
    let image = [ld.image, meta::meta(doc, "og:image")]
        .into_iter()
        .flatten()
        .find_map(|s| crate::sanitize::link(&s, url))
        .map(String::from);
    Article {
        url: meta::canonical(doc, url)
            .filter(|c| c.host_str() == url.host_str())
            .unwrap_or_else(|| url.clone())
            .to_string(),
        title: match profile {
            Some(p) => p.clean_title(&title),
            None => title,
        },
        published: meta::meta(doc, "article:published_time")
            .and_then(|s| dates::parse_iso(&s))
            .or(ld.published)
            .or_else(|| profile.and_then(|p| p.published_in(doc)))
            .or_else(|| meta::published_elsewhere(doc, json_ld)),
        authors,
        editor,
        source: None,
        image,
        tags: Some(ld.keywords)
            .filter(|k| !k.is_empty())
            .or_else(|| meta::keyword_tags(doc))
            .unwrap_or_default(),
        body: Vec::new(),
        related: Vec::new(),
        terkini: profile
            .map(|p| profile_terkini(doc, url, p))
            .unwrap_or_default(),
        site: Site::Generic,
        image_caption: None,
        embeds: Vec::new(),
        photos: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_set_apart_begins_the_first_paragraph() {
        use crate::article::{Block, BlockKind};
        let para = |text: &str| Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
        };
        for dateline in [
            "Jakarta -",
            "Liputan6.com, Jakarta -",
            "JAKARTA, KOMPAS.com –",
        ] {
            let mut body = vec![para(dateline), para("Seorang wanita muda."), para("Lalu.")];
            join_dateline(&mut body);
            assert_eq!(body.len(), 2, "{dateline}");
            assert_eq!(body[0].text, format!("{dateline} Seorang wanita muda."));
        }
        // A sentence that ends in a dash, a dash with no place, a heading: left alone.
        for first in [
            "Ia berkata. Lalu pergi -",
            "-",
            "Kata-kata",
            "Menurut dia, ini bukan kali pertama banjir melanda wilayah itu -",
        ] {
            let mut body = vec![para(first), para("Berikutnya.")];
            join_dateline(&mut body);
            assert_eq!(body.len(), 2, "{first}");
        }
        let mut body = vec![
            Block {
                kind: BlockKind::Heading,
                text: "Jakarta -".into(),
            },
            para("Berikutnya."),
        ];
        join_dateline(&mut body);
        assert_eq!(body.len(), 2);
    }

    #[test]
    fn a_site_named_where_the_writer_goes_is_no_writer() {
        let url = Url::parse("https://www.warta-kota.id/berita/2024/banjir").unwrap();
        let byline = "<p>Oleh <a rel=author href=/penulis/ani>Ani Lestari</a></p>";
        let authors_with = |head: &str, byline: &str| {
            let doc = Html::parse_document(&format!(
                "<html><head><meta property=og:type content=article>{head}</head><body>\
                 <h1>Banjir</h1>{byline}</body></html>"
            ));
            generic_article(&doc, &url, None, &meta::JsonLd::of(&doc)).authors
        };
        let authors = |head: &str| authors_with(head, byline);
        for head in [
            "<meta name=author content=\"Warta-Kota.id\">",
            "<meta property=og:site_name content=\"Harian Warta\">\
             <meta name=author content=\"Harian Warta\">",
            r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Banjir",
               "author":{"@type":"Organization","name":"Warta Kota"}}</script>"#,
        ] {
            assert_eq!(authors(head), ["Ani Lestari"], "{head}");
        }
        assert_eq!(
            authors("<meta name=author content=\"Budi Santoso\">"),
            ["Budi Santoso"]
        );
        // A company's blog that prints no byline is the company's.
        assert_eq!(
            authors_with("<meta name=author content=\"Warta Kota\">", ""),
            ["Warta Kota"]
        );
    }

    #[test]
    fn the_editor_named_in_json_ld_is_the_editor() {
        let url = Url::parse("https://www.warta-kota.id/berita/2024/banjir").unwrap();
        let read = |author: &str, editor: &str| {
            let doc = Html::parse_document(&format!(
                r#"<script type="application/ld+json">{{"@type":"NewsArticle","headline":"Banjir",
                "author":{{"@type":"Person","name":"{author}"}},
                "editor":{{"@type":"Person","name":"{editor}"}}}}</script><h1>Banjir</h1>"#
            ));
            let a = generic_article(&doc, &url, None, &meta::JsonLd::of(&doc));
            (a.authors, a.editor)
        };
        assert_eq!(
            read("Ani Lestari", "Budi Santoso"),
            (
                vec!["Ani Lestari".to_string()],
                Some("Budi Santoso".to_string())
            )
        );
        // A writer who edited the piece too stays its writer; a site is no editor.
        assert_eq!(
            read("Ani Lestari", "Ani Lestari"),
            (vec!["Ani Lestari".to_string()], None)
        );
        assert_eq!(
            read("Ani Lestari", "Warta Kota"),
            (vec!["Ani Lestari".to_string()], None)
        );
    }

    #[test]
    fn a_saved_page_says_where_it_is_by_its_json_ld_too() {
        let file = Url::parse("file:///tmp/antara.html").unwrap();
        let page = |head: &str| format!("<html><head>{head}</head><body><h1>X</h1></body></html>");
        let at = "https://www.antaranews.com/berita/587234/x";
        for head in [
            format!(
                r#"<link rel="canonical" href=""><meta property="og:url" content="">
               <script type="application/ld+json">{{"@type":"NewsArticle","url":"{at}"}}</script>"#
            ),
            format!(
                r#"<script type="application/ld+json">{{"@type":"NewsArticle",
               "mainEntityOfPage":{{"@type":"WebPage","@id":"{at}"}}}}</script>"#
            ),
        ] {
            assert_eq!(page_url(&page(&head), None, &file).as_str(), at, "{head}");
        }
        // A relative address, an index of many articles, the site's home: none is the page's.
        for head in [
            r#"<script type="application/ld+json">{"@type":"NewsArticle","url":"/x"}</script>"#
                .to_string(),
            format!(
                r#"<script type="application/ld+json">[{{"@type":"NewsArticle","url":"{at}"}},
                {{"@type":"NewsArticle","url":"https://www.antaranews.com/berita/2/y"}}]</script>"#
            ),
            r#"<script type="application/ld+json">{"@type":"NewsArticle",
               "mainEntityOfPage":"https://www.antaranews.com/"}</script>"#
                .to_string(),
        ] {
            assert_eq!(page_url(&page(&head), None, &file), file, "{head}");
        }
    }

    #[test]
    fn a_broken_picture_address_gives_way_to_the_next() {
        let url = Url::parse("https://bisnis.tempo.co/read/1893370/x").unwrap();
        let doc = Html::parse_document(
            r#"<meta property="og:image" content="https://statik.tempo.co/a.jpg">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"X",
            "image":{"url":"http:http://statik.tempo.co/a.jpg"}}</script><h1>X</h1>"#,
        );
        let a = generic_article(&doc, &url, None, &meta::JsonLd::of(&doc));
        assert_eq!(a.image.as_deref(), Some("https://statik.tempo.co/a.jpg"));
    }

    #[test]
    fn pages_past_the_budget_are_refused_with_what_they_passed() {
        let url = Url::parse("https://www.kompas.com/read/2026/01/01/1/x").unwrap();
        let deep = format!(
            "<html><body>{}<p>teks</p></body></html>",
            "<div>".repeat(dom::PAGE.depth + 1)
        );
        for err in [
            read_article(&deep, &url).unwrap_err(),
            read_headlines(&deep, &url).map(|_| ()).unwrap_err(),
        ] {
            assert!(
                err.to_string()
                    .contains("nested more than 256 elements deep"),
                "{err}"
            );
        }
        let wide = format!(
            "<html><body>{}</body></html>",
            "<a href=/x>x</a>".repeat(dom::PAGE.nodes / 2 + 1)
        );
        let err = read_headlines(&wide, &url).unwrap_err();
        assert!(
            err.to_string().contains("more than 400000 elements"),
            "{err}"
        );
    }

    #[test]
    fn a_long_article_is_cut_at_the_article_limit() {
        use crate::article::{Block, BlockKind};
        let block = |n: usize| Block {
            kind: BlockKind::Paragraph,
            text: "a".repeat(n),
        };
        let blocks = MAX_ARTICLE_CHARS / MAX_BLOCK_CHARS + 10;
        let mut body: Vec<Block> = (0..blocks).map(|_| block(MAX_BLOCK_CHARS)).collect();
        limit_text(&mut body);
        let total: usize = body.iter().map(|b| b.text.chars().count()).sum();
        assert_eq!(body.len(), MAX_ARTICLE_CHARS / MAX_BLOCK_CHARS);
        assert_eq!(total, MAX_ARTICLE_CHARS);
        let mut long = vec![block(MAX_BLOCK_CHARS + 5)];
        limit_text(&mut long);
        assert!(long[0].text.ends_with('…'));
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
