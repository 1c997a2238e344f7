//! The Kompas.com profile: where each field lives on the page, every rule with its
//! fallback (Kompas redesigns every few years; see ../shared/docs/KOMPAS.md), and what is
//! not news (ads, promos, share widgets, "Baca juga") kept out of the text.

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};
use url::Url;

use super::{ArticlePage, Paging, dates, lists, meta};
use crate::article::{Article, Block, BlockKind, HeadlinePage, Link, Site, TerkiniLink};
use crate::sanitize;

fn sel(css: &str) -> Selector {
    Selector::parse(css).expect("static selector is valid")
}

macro_rules! selector {
    ($name:ident, $css:expr) => {
        static $name: LazyLock<Selector> = LazyLock::new(|| sel($css));
    };
}

selector!(TITLE, "h1.read__title, h1[class*=title]");
selector!(READ_TIME, ".read__time, [class*=read__time]");
selector!(CREDIT_MODAL_PERSON, "#creditModal .credit-author");
selector!(CREDIT_NAME, ".credit-author-name");
selector!(CREDIT_POSITION, ".credit-author-position");
selector!(CREDIT_HEADER_NAME, ".credit-title-nameEditor");
selector!(OLD_WRITER, ".read__credit__item#penulis a");
selector!(OLD_EDITOR, ".read__credit__item#editor a");
selector!(
    COLUMNIST,
    ".opinion__author a.opinion__link, .opinion__author a"
);
selector!(CREDIT_SOURCE, ".credit-source");
selector!(HEADER_TEXT, ".read__header *, .credit *");
selector!(PHOTO, ".photo__wrap img, .photo img");
selector!(TAGS, ".tag__article__link, .tag__article a");
selector!(BODY, "div.read__content, .read__content");
selector!(PAGING_LINKS, "a.paging__link[href], .read__paging a[href]");
selector!(SHOW_ALL, "a.paging__link--show[href]");
selector!(LIST_SCOPES, "div.articleList");
selector!(
    NEXT_PAGE,
    "a.paging__link--next[href], link[rel=next][href], a[rel=next][href]"
);
selector!(BACA_JUGA_LINK, "a[href]");
// Everything inside an article body that is not article text. Matched against each
// element while walking the body, so a match drops the element and all it holds.
selector!(
    NOT_TEXT,
    "script, style, iframe, noscript, template, svg, form, button, object, embed, video, \
     audio, figure figcaption, .ads-on-body, .ads-partner-wrap, .ads-scrollpage-container, \
     [class*=DFP], [id^=div-gpt-ad], .native-wrap, [rel~=sponsored], [class*=kompasidRec], \
     .gate-kgplus, .liftdown_v2_tanda, .fb-quote, .wSpec, .inject-baca-juga, \
     .twitter-tweet, .instagram-media, .tiktok-embed, [class*=embed], .video-wrap, \
     .social--share, .comment, .closeAds, .read__paging, .photo__caption"
);

/// Leading words of lines that are promos, appeals or widget text, never news
/// (lower case; a line that starts with one is dropped wherever it appears).
const BOILERPLATE_PREFIXES: &[&str] = &[
    "baca berita tanpa iklan",
    "gabung kompas.com+",
    "simak breaking news dan berita pilihan kami",
    "dalam segala situasi, kompas.com berkomitmen",
    "advertisement",
    "scroll to continue with content",
    "artikel ini sudah tayang di",
    "bagikan artikel ini melalui",
    "close ads",
    "login untuk memaksimalkan pengalaman mengakses kompas.com",
    "dapatkan update berita pilihan",
];

/// Menu and footer words that are boilerplate when they are a whole line.
const BOILERPLATE_LINES: &[&str] = &[
    "login",
    "konten yang disimpan",
    "konten yang disukai",
    "atur minat",
    "berikan masukanmu",
    "terpopuler",
    "artikel terkini",
    "about us",
    "advertise",
    "ketentuan penggunaan",
    "kebijakan data pribadi",
    "pedoman media siber",
];

/// A line that starts the comment area: the article has ended.
const END_OF_ARTICLE: &str = "tulis komentarmu dengan tagar";

/// Query parameters that only track where a click came from.
fn is_tracking_param(key: &str) -> bool {
    key.starts_with("utm_")
        || matches!(
            key,
            "source" | "medium" | "campaign" | "fbclid" | "gclid" | "from" | "ref" | "page"
        )
}

pub fn is_kompas(url: &Url) -> bool {
    url.host_str()
        .is_some_and(|h| h == "kompas.com" || h.ends_with(".kompas.com"))
}

/// Any URL on a Kompas host with `/read/` in its path is an article.
pub fn is_article_url(url: &Url) -> bool {
    is_kompas(url) && url.path().contains("/read/")
}

/// An article URL as an identity: no tracking parameters, no `?page=`, no fragment.
pub fn clean_url(mut url: Url) -> Url {
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !is_tracking_param(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    url.set_fragment(None);
    url
}

/// Reads a Kompas article page. `url` is where the page came from. The body is empty
/// when no Kompas rule finds it (a new layout); the caller then asks the generic
/// extractor and [`brand_safety_text`].
pub fn article(doc: &Html, url: &Url) -> ArticlePage {
    let ld = meta::ld_article(doc);
    let canonical = meta::canonical(doc, url)
        .filter(is_kompas)
        .unwrap_or_else(|| url.clone());
    let credits = Credits::read(doc);
    let mut body = Body::new(url);
    if let Some(content) = doc.select(&BODY).next() {
        body.walk(content);
    }
    let article_url = clean_url(canonical);
    let article = Article {
        url: article_url.to_string(),
        title: first_text(doc, &TITLE)
            .or_else(|| meta::title(doc))
            .or(ld.headline)
            .unwrap_or_default(),
        published: meta::meta(doc, "article:published_time")
            .and_then(|s| dates::parse_iso(&s))
            .or_else(|| {
                meta::meta(doc, "content_PublishedDate").and_then(|s| dates::parse_local(&s))
            })
            .or(ld.published)
            .or_else(|| first_text(doc, &READ_TIME).and_then(|t| dates::find_in_text(&t)))
            .or_else(|| published_from_url(&article_url)),
        authors: credits
            .authors
            .or_else(|| meta::meta(doc, "content_author").map(|s| meta::split_list(&s)))
            .filter(|a| !a.is_empty())
            .unwrap_or(ld.authors),
        editor: credits.editor.or_else(|| meta::meta(doc, "content_editor")),
        source: source(doc).or_else(|| meta::meta(doc, "content_source")),
        image: image(doc, url)
            .or_else(|| meta::meta(doc, "og:image").and_then(|s| link(&s, url)))
            .or_else(|| ld.image.and_then(|s| link(&s, url))),
        tags: Some(texts(doc, &TAGS))
            .filter(|t| !t.is_empty())
            .or_else(|| meta::meta(doc, "content_tags").map(|s| meta::split_list(&s)))
            .unwrap_or(ld.keywords),
        related: dedup_links(body.related),
        terkini: terkini(doc, url, &article_url),
        body: body.blocks,
        site: Site::Kompas,
    };
    ArticlePage {
        paging: paging(doc, url),
        article,
    }
}

/// Reads an index, section or home page into its headline list and next-page link.
pub fn headlines(doc: &Html, url: &Url) -> HeadlinePage {
    let lists: Vec<ElementRef<'_>> = doc.select(&LIST_SCOPES).collect();
    let mut headlines = Vec::new();
    let links = lists::ArticleLinks::of(doc, url);
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

fn link(href: &str, base: &Url) -> Option<String> {
    sanitize::link(href, base).map(String::from)
}

fn first_text(doc: &Html, selector: &Selector) -> Option<String> {
    doc.select(selector)
        .map(lists::text_of)
        .find(|t| !t.is_empty())
}

fn texts(doc: &Html, selector: &Selector) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in doc.select(selector).map(lists::text_of) {
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Writers and editor from the credit block of whichever era the page is from.
struct Credits {
    authors: Option<Vec<String>>,
    editor: Option<String>,
}

impl Credits {
    fn read(doc: &Html) -> Self {
        // 2023+: a modal lists every person with their role.
        let mut authors = Vec::new();
        let mut editor = None;
        for person in doc.select(&CREDIT_MODAL_PERSON) {
            let name = person.select(&CREDIT_NAME).next().map(lists::text_of);
            let role = person.select(&CREDIT_POSITION).next().map(lists::text_of);
            let Some(name) = name.filter(|n| !n.is_empty()) else {
                continue;
            };
            match role {
                Some(r) if r.to_lowercase().contains("editor") => {
                    editor.get_or_insert(name);
                }
                _ => authors.push(name),
            }
        }
        let names = |s: &Selector| -> Vec<String> {
            texts(doc, s)
                .into_iter()
                .map(|n| n.trim_end_matches([',', ' ']).to_string())
                .filter(|n| !n.is_empty())
                .collect()
        };
        for fallback in [&*CREDIT_HEADER_NAME, &*OLD_WRITER, &*COLUMNIST] {
            if authors.is_empty() {
                authors = names(fallback);
            }
        }
        Credits {
            authors: Some(authors).filter(|a| !a.is_empty()),
            editor: editor.or_else(|| names(&OLD_EDITOR).into_iter().next()),
        }
    }
}

/// "Sumber Reuters" near the credit block.
fn source(doc: &Html) -> Option<String> {
    let from = |t: String| {
        t.strip_prefix("Sumber")
            .map(|s| s.trim_start_matches([':', ' ']).trim().to_string())
            .filter(|s| !s.is_empty() && s.len() < 80)
    };
    doc.select(&CREDIT_SOURCE)
        .map(lists::text_of)
        .find_map(from)
        .or_else(|| {
            doc.select(&HEADER_TEXT)
                .filter(|e| e.children().all(|c| !c.value().is_element()))
                .map(lists::text_of)
                .find_map(from)
        })
}

/// The lead photo; lazy-loaded images carry the real address in `data-src`.
fn image(doc: &Html, base: &Url) -> Option<String> {
    doc.select(&PHOTO).find_map(|img| {
        let v = img.value();
        [v.attr("data-src"), v.attr("src")]
            .into_iter()
            .flatten()
            .filter(|s| !s.contains("lazy"))
            .find_map(|s| link(s, base))
    })
}

/// `var keywordBrandSafety = "…"`: plain (truncated) article text Kompas leaves in a
/// script for its ad partners. The last way in when no markup rule finds the body.
/// Script text is not entity-decoded, so it is read straight from the page source.
pub fn brand_safety_text(html: &str) -> Option<Block> {
    const KEY: &str = "keywordBrandSafety";
    let rest = &html[html.find(KEY)? + KEY.len()..];
    let start = rest.find('"')? + 1;
    let end = start
        + rest[start..]
            .find("\";")
            .or_else(|| rest[start..].find('"'))?;
    let raw: String = serde_json::from_str(&format!("\"{}\"", &rest[start..end]))
        .unwrap_or_else(|_| rest[start..end].to_string());
    let text = sanitize::block(&raw);
    (!text.is_empty()).then_some(Block {
        kind: BlockKind::Paragraph,
        text,
    })
}

/// The time in the article URL: `/read/YYYY/MM/DD/HHMMSSnnn/` or the compact
/// health.kompas.com id `/read/26K24060000168/` (YY, month letter A–L, DD, HHMMSS).
fn published_from_url(url: &Url) -> Option<DateTime<FixedOffset>> {
    let segs: Vec<&str> = url.path_segments()?.collect();
    let read = segs.iter().position(|s| *s == "read")?;
    let rest = &segs[read + 1..];
    let hms = |id: &str| -> Option<NaiveTime> {
        let n = |r: std::ops::Range<usize>| id.get(r)?.parse::<u32>().ok();
        NaiveTime::from_hms_opt(n(0..2)?, n(2..4)?, n(4..6)?)
    };
    let local = match rest {
        [y, m, d, id, ..] if y.len() == 4 => {
            let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
            NaiveDateTime::new(date, hms(id).unwrap_or(NaiveTime::MIN))
        }
        [id, ..] if id.len() >= 11 && id.is_ascii() => {
            let month = id.as_bytes()[2].to_ascii_uppercase();
            if !(b'A'..=b'L').contains(&month) {
                return None;
            }
            let date = NaiveDate::from_ymd_opt(
                2000 + id[0..2].parse::<i32>().ok()?,
                u32::from(month - b'A') + 1,
                id[3..5].parse().ok()?,
            )?;
            NaiveDateTime::new(date, hms(&id[5..]).unwrap_or(NaiveTime::MIN))
        }
        _ => return None,
    };
    dates::wib()
        .from_local_datetime(&local)
        .single()
        .and_then(crate::article::plausible_date)
}

/// The most pages of one article kabar reads: Kompas splits long articles into a handful.
pub const MAX_PAGES: u32 = 20;

/// The pages of a multi-page article, unless this already is the whole article: the
/// one-page version and pages 2 to [`MAX_PAGES`], all on the article's own host (a link
/// elsewhere is not a page of this article, and is not asked for).
fn paging(doc: &Html, url: &Url) -> Option<Paging> {
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
        all,
        rest: rest.into_values().collect(),
    })
}

fn clean_fragment(mut u: Url) -> Url {
    u.set_fragment(None);
    u
}

/// "Terkini Lainnya": no stored copy of its markup exists, so it is found by its words.
/// The element whose own text is the heading; then the first thing after it (climbing a
/// few levels) that links to articles.
fn terkini(doc: &Html, base: &Url, own: &Url) -> Vec<TerkiniLink> {
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
    let links = lists::ArticleLinks::of(doc, base);
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

fn dedup_links(mut links: Vec<Link>) -> Vec<Link> {
    let mut seen = HashSet::new();
    links.retain(|l| seen.insert(l.url.clone()));
    links
}

/// Walks the article body in document order, turning it into blocks and pulling the
/// "Baca juga" lines out into related links.
struct Body<'u> {
    base: &'u Url,
    blocks: Vec<Block>,
    related: Vec<Link>,
    /// Loose text and inline elements sitting directly in a container, between blocks.
    loose: String,
    ended: bool,
    /// How many containers deep the walk is, to stop at [`MAX_DEPTH`].
    depth: usize,
}

/// Article text sits a few levels inside the body; anything nested deeper than this is a
/// trap (recursing into it would overflow a worker thread's stack), and is skipped.
const MAX_DEPTH: usize = 200;

impl<'u> Body<'u> {
    fn new(base: &'u Url) -> Self {
        Body {
            base,
            blocks: Vec::new(),
            related: Vec::new(),
            loose: String::new(),
            ended: false,
            depth: 0,
        }
    }

    fn walk(&mut self, container: ElementRef<'_>) {
        if self.depth >= MAX_DEPTH {
            return;
        }
        self.depth += 1;
        for child in container.children() {
            if self.ended {
                break;
            }
            match child.value() {
                Node::Text(_) => collect_text(child, &mut self.loose, 0),
                Node::Element(e) => {
                    let Some(el) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if NOT_TEXT.matches(&el) {
                        continue;
                    }
                    let kind = match e.name() {
                        "p" => Some(BlockKind::Paragraph),
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading),
                        "li" => Some(BlockKind::ListItem),
                        "blockquote" => Some(BlockKind::Quote),
                        _ => None,
                    };
                    match (kind, is_inline(e.name())) {
                        (Some(kind), _) => {
                            self.flush();
                            self.block(kind, el);
                        }
                        (None, true) => collect_text(child, &mut self.loose, self.depth),
                        (None, false) => {
                            self.flush();
                            self.walk(el);
                        }
                    }
                }
                _ => {}
            }
        }
        self.flush();
        self.depth -= 1;
    }

    fn flush(&mut self) {
        let raw = std::mem::take(&mut self.loose);
        self.push(BlockKind::Paragraph, &raw, &[]);
    }

    fn block(&mut self, kind: BlockKind, el: ElementRef<'_>) {
        let mut raw = String::new();
        collect_text(*el, &mut raw, self.depth);
        let links: Vec<(String, String)> = el
            .select(&BACA_JUGA_LINK)
            .filter(|a| !NOT_TEXT.matches(a))
            .filter_map(|a| Some((lists::text_of(a), a.value().attr("href")?.to_string())))
            .collect();
        self.push(kind, &raw, &links);
    }

    fn push(&mut self, kind: BlockKind, raw: &str, links: &[(String, String)]) {
        let text = sanitize::block(raw);
        let lower = text.to_lowercase();
        if text.is_empty() {
            return;
        }
        if lower.starts_with("baca juga") {
            for (title, href) in links {
                if let Some(url) = sanitize::link(href, self.base)
                    && !title.is_empty()
                {
                    self.related.push(Link {
                        title: title.clone(),
                        url: clean_url(url).to_string(),
                    });
                }
            }
            return;
        }
        if lower.starts_with(END_OF_ARTICLE) {
            self.ended = true;
            return;
        }
        if is_boilerplate(&lower) {
            return;
        }
        self.blocks.push(Block { kind, text });
    }
}

fn is_boilerplate(lower: &str) -> bool {
    BOILERPLATE_PREFIXES.iter().any(|p| lower.starts_with(p))
        || BOILERPLATE_LINES.contains(&lower)
        || (lower.starts_with("copyright") && lower.contains("kompas cyber media"))
}

fn is_inline(tag: &str) -> bool {
    matches!(
        tag,
        "a" | "strong"
            | "b"
            | "em"
            | "i"
            | "u"
            | "span"
            | "sup"
            | "sub"
            | "mark"
            | "small"
            | "abbr"
            | "cite"
            | "code"
            | "time"
            | "q"
            | "s"
            | "del"
            | "ins"
            | "font"
            | "br"
    )
}

/// The text under `node`, skipping what is not text, with a line break for `<br>` and
/// around nested blocks (paragraphs inside a quote).
fn collect_text(node: NodeRef<'_, Node>, out: &mut String, depth: usize) {
    if depth >= MAX_DEPTH {
        return;
    }
    match node.value() {
        // A line break in the HTML source is only a space; `<br>` is the break.
        Node::Text(t) => out.extend(
            t.chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
        ),
        Node::Element(e) => {
            if let Some(el) = ElementRef::wrap(node)
                && NOT_TEXT.matches(&el)
            {
                return;
            }
            if e.name() == "br" {
                out.push('\n');
                return;
            }
            let block = !is_inline(e.name());
            if block {
                out.push('\n');
            }
            for child in node.children() {
                collect_text(child, out, depth + 1);
            }
            if block {
                out.push('\n');
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_parameters_go() {
        let u = Url::parse("https://x.kompas.com/read/1/a?source=terkini&utm_medium=x&id=3#top")
            .unwrap();
        assert_eq!(clean_url(u).as_str(), "https://x.kompas.com/read/1/a?id=3");
    }

    #[test]
    fn time_from_url() {
        let t = |s: &str| published_from_url(&Url::parse(s).unwrap()).map(|t| t.to_rfc3339());
        assert_eq!(t("https://www.kompas.com/read/0500/01/01/10000000/x"), None);
        assert_eq!(
            t("https://health.kompas.com/read/26K24060000168/x").as_deref(),
            Some("2026-11-24T06:00:00+07:00")
        );
        assert_eq!(
            t("https://nasional.kompas.com/read/2026/11/25/10451231/x").as_deref(),
            Some("2026-11-25T10:45:12+07:00")
        );
    }
}
