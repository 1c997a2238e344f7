//! What a page says about itself outside its text: meta tags, the canonical link and
//! schema.org JSON-LD. Every profile falls back to these, and pages without a profile
//! get their title, date and authors from here.

use chrono::{DateTime, FixedOffset};
use scraper::{ElementRef, Html};
use serde_json::Value;
use url::Url;

use super::dates;
use super::elements::selector;
use crate::sanitize;

selector!(META, "meta[content]");
selector!(CANONICAL, "link[rel~=canonical][href]");
selector!(TITLE, "title");
selector!(HEADING_1, "h1");
selector!(LD_JSON, r#"script[type="application/ld+json"]"#);

/// The `content` of `<meta property=key>` or `<meta name=key>` (first non-empty), clean.
pub fn meta(doc: &Html, key: &str) -> Option<String> {
    doc.select(&META)
        .filter(|m| {
            let v = m.value();
            [v.attr("property"), v.attr("name"), v.attr("itemprop")]
                .into_iter()
                .flatten()
                .any(|k| k.eq_ignore_ascii_case(key))
        })
        .filter_map(|m| m.value().attr("content"))
        .map(sanitize::inline)
        .find(|s| !s.is_empty())
}

/// Where the page says it lives: `link[rel=canonical]`, else `og:url`.
pub fn canonical(doc: &Html, base: &Url) -> Option<Url> {
    doc.select(&CANONICAL)
        .filter_map(|l| l.value().attr("href"))
        .chain(meta(doc, "og:url").as_deref())
        .find_map(|href| sanitize::link(href, base))
}

/// The page title from `headline` (the JSON-LD headline, when the caller trusts it
/// first), `og:title` or `<title>`, its entities decoded: the page's own heading when the
/// title is that heading and more ([`heading_in`]), else the title with the site's name
/// taken off (` - Kompas.com`, ` | The Site`, `KapanLagi.com: `) where the page names its
/// site, in `og:site_name` or in its address. SEO plugins write the same title with the
/// site's name into all three.
pub fn title(doc: &Html, page: &Url, headline: Option<&str>) -> Option<String> {
    let raw = headline
        .map(str::to_string)
        .or_else(|| meta(doc, "og:title"))
        .or_else(|| {
            doc.select(&TITLE)
                .next()
                .map(|t| sanitize::inline(&t.text().collect::<String>()))
        })?;
    let site = SiteNames::of(doc, page);
    let title = decoded(&raw);
    let stripped = without_page_number(&site.strip(&title)).to_string();
    Some(heading_in(doc, &title, &stripped, &site).unwrap_or(stripped))
}

/// A title without the page number a site adds to it for a page of an article split in
/// several (`… - Halaman 2`, `… | Page 2`), or for the whole article on one
/// (Kompas's `… Halaman all`): the article's title is the same on all its pages.
fn without_page_number(title: &str) -> &str {
    let mut words = title.rsplitn(3, ' ');
    let (Some(number), Some(word), Some(rest)) = (words.next(), words.next(), words.next()) else {
        return title;
    };
    let is_page = word.eq_ignore_ascii_case("halaman") || word.eq_ignore_ascii_case("page");
    let before = rest.trim_end();
    let set_off = before.ends_with(['-', '|', '–', '—', ':']);
    let numbered = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
    if is_page && ((numbered && set_off) || number.eq_ignore_ascii_case("all")) {
        before
            .trim_end_matches(['-', '|', '–', '—', ':'])
            .trim_end()
    } else {
        title
    }
}

/// How many of the page's `<h1>` elements are weighed against its title: the article's
/// heading is among the first, after a logo's at most.
const MAX_HEADINGS: usize = 4;

/// The page's main heading, when the title is that heading and more: the site's name or
/// its section after a separator (`Defer, Panic, and Recover - The Go Programming
/// Language`, `<table>: The Table element - HTML | MDN`); or the heading whole, when the
/// title is the heading cut short (`… your monitor, laptop, and k`, as some sites cut
/// `og:title`). The page says in its heading where its title ends, whatever its site
/// calls itself. A heading in a link, or one that names the site, is a logo, not the
/// article's. A title that ends with a heading is not read this way: there the heading
/// is as often the site's (a book's or a wiki's name over each of its pages).
fn heading_in(doc: &Html, title: &str, stripped: &str, site: &SiteNames) -> Option<String> {
    let is_separator = |c: char| matches!(c, '-' | '|' | '–' | '—' | '·' | '•' | '/' | '»' | '~');
    let headings: Vec<String> = doc
        .select(&HEADING_1)
        .filter(|h| {
            !h.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().name() == "a")
        })
        .take(MAX_HEADINGS)
        .map(|h| sanitize::inline(&h.text().collect::<String>()))
        .filter(|h| !h.is_empty() && !site.named_in(h))
        .collect();
    if headings.is_empty() {
        return None;
    }
    let folded = title.to_lowercase();
    // A title cut short may have had the site's name put back after the cut: `stripped`
    // is the title without it.
    let stripped = stripped.to_lowercase();
    headings.into_iter().find(|h| {
        let heading = h.to_lowercase();
        // A title that begins with the heading goes on after a separator; a colon there
        // starts a subtitle, which is the title's own.
        let before_more = folded
            .strip_prefix(&heading)
            .is_some_and(|rest| rest.trim_start().starts_with(is_separator));
        before_more || cut_short(&folded, &heading) || cut_short(&stripped, &heading)
    })
}

/// Text with the character references a page escaped twice (`&amp;amp;`, `&amp;#8211;`)
/// decoded: the parser decodes once, and what is left would show as `&amp;` and `&#8211;`.
pub fn decoded(text: &str) -> String {
    let escaped = text.split('&').skip(1).any(|rest| {
        rest.split_once(';')
            .is_some_and(|(name, _)| is_reference(name))
    });
    if !escaped {
        return text.to_string();
    }
    // The text as the body of an element, `<` escaped so that only references are read.
    let html = text.replace('<', "&lt;");
    match super::dom::fragment(&html, &super::dom::PAGE) {
        Ok(doc) => sanitize::inline(&doc.root_element().text().collect::<String>()),
        Err(_) => text.to_string(),
    }
}

/// Whether what comes between `&` and `;` names a character: `amp`, `#8211`, `#x2013`.
fn is_reference(name: &str) -> bool {
    let numeric = name
        .strip_prefix("#x")
        .or_else(|| name.strip_prefix("#X"))
        .map(|hex| hex.chars().all(|c| c.is_ascii_hexdigit()))
        .or_else(|| {
            name.strip_prefix('#')
                .map(|d| d.chars().all(|c| c.is_ascii_digit()))
        });
    match numeric {
        Some(valid) => valid && name.len() > 1,
        None => (2..=8).contains(&name.len()) && name.chars().all(|c| c.is_ascii_alphanumeric()),
    }
}

/// Whether `title` is `heading` cut short: cut inside a word, or ending in an ellipsis
/// where the heading goes on. A title that ends at a word where the heading goes on may
/// be the shorter headline the site chose, and is kept.
fn cut_short(title: &str, heading: &str) -> bool {
    let stem = title.trim_end_matches(['…', '.']).trim_end();
    let ellipsis = stem.len() < title.len();
    let Some(rest) = heading.strip_prefix(stem) else {
        return false;
    };
    let mid_word = stem.ends_with(char::is_alphanumeric) && rest.starts_with(char::is_alphanumeric);
    title.split_whitespace().count() >= 4 && !rest.is_empty() && (ellipsis || mid_word)
}

/// The names a page gives its site: `og:site_name`, its host (`kompas.com` in
/// `regional.kompas.com`) and the labels of its host (`kompas`), as keys of letters and
/// digits only.
pub struct SiteNames {
    known: Vec<String>,
}

impl SiteNames {
    /// The names `doc`, read from `page`, gives its site.
    pub fn of(doc: &Html, page: &Url) -> Self {
        let mut names: Vec<String> = meta(doc, "og:site_name").into_iter().collect();
        // The page's own address names its site, and so does the address it was read
        // from (a page may have neither a canonical link nor og:url).
        let own = canonical(doc, page);
        names.extend(
            [own.as_ref(), Some(page)]
                .into_iter()
                .flatten()
                .filter_map(|u| u.host_str().map(str::to_string)),
        );
        SiteNames::new(&names)
    }

    /// Whether `name`, given as a page's author or editor, is the name of its site
    /// (`Liputan6.com`, `detikcom`, `CNN Indonesia` on cnnindonesia.com): sites that
    /// credit no one put their own name where the writer's goes, in the `author` meta tag
    /// and in JSON-LD.
    pub fn is(&self, name: &str) -> bool {
        self.known.contains(&key(name))
    }

    fn new(names: &[String]) -> Self {
        let mut known: Vec<String> = Vec::new();
        for name in names {
            known.push(key(name));
            let labels: Vec<&str> = name.trim_start_matches("www.").split('.').collect();
            if labels.len() > 1 {
                for (i, label) in labels[..labels.len() - 1].iter().enumerate() {
                    known.push(key(label));
                    known.push(key(&labels[i..].join(".")));
                }
            }
        }
        known.retain(|k| k.len() >= 3);
        SiteNames { known }
    }

    /// Whether `part` names the site: whole, by its first word, or by that word's first
    /// label (`TurnBackHoax.ID`, a name written as a host).
    fn named_in(&self, part: &str) -> bool {
        let part = part.trim();
        let first_word = part.split_whitespace().next().unwrap_or("");
        let names = [key(part), key(first_word), label_key(first_word)];
        self.known.iter().any(|k| names.contains(k))
    }

    /// Whether `part`, a piece of the title set off by a separator, names the site
    /// ([`Self::named_in`]), or names it with what the site adds: a region or section
    /// after it, its first words run together (`ANTARA News Jawa Timur` on
    /// antaranews.com), or a section before it (`News Liputan6.com`).
    fn named_with_more(&self, part: &str) -> bool {
        let words: Vec<&str> = part.split_whitespace().collect();
        let mut names: Vec<String> = (2..=words.len().min(NAME_WORDS))
            .map(|n| key(&words[..n].concat()))
            .collect();
        if let Some(last) = words.last() {
            names.extend([key(last), label_key(last)]);
        }
        self.named_in(part) || self.known.iter().any(|k| names.contains(k))
    }

    /// The title without a site name before or after it.
    fn strip(&self, title: &str) -> String {
        for sep in [" - ", " | ", " – ", " — "] {
            if let Some((head, tail)) = title.rsplit_once(sep)
                && self.named_with_more(tail)
            {
                return head.trim().to_string();
            }
            if let Some((head, tail)) = title.split_once(sep)
                && self.named_in(head)
            {
                return tail.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(": ")
            && self.named_in(head)
        {
            return tail.trim().to_string();
        }
        title.to_string()
    }
}

/// Most words a site's name runs to before what the site adds to it (a region, a section).
const NAME_WORDS: usize = 3;

/// The key of a word's first label: `turnbackhoax` of `TurnBackHoax.ID`.
fn label_key(word: &str) -> String {
    key(word.split('.').next().unwrap_or(""))
}

/// A name as a key: its letters and digits, lowercase.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// When the page says it was published, where a page without `article:published_time` or
/// an article in its JSON-LD says it: other meta tags for the date (Dublin Core's,
/// schema.org's `itemprop`, the names publishing systems write), the `datePublished` of
/// any object in its JSON-LD (Yoast writes it on the `WebPage`, with no article), and
/// the earliest `<time>` marked as a publication's: a thread marks each reply's time so,
/// and a page its comments', all after the post they answer.
pub fn published_elsewhere(doc: &Html, ld: &JsonLd) -> Option<DateTime<FixedOffset>> {
    PUBLISHED_META
        .iter()
        .filter_map(|key| meta(doc, key))
        .chain(
            ld.objects
                .iter()
                .filter_map(|o| o["datePublished"].as_str().map(str::to_string)),
        )
        .find_map(|s| dates::parse_iso(&s))
        .or_else(|| {
            doc.select(&PUBLISHED_TIME)
                .filter_map(|t| t.value().attr("datetime").and_then(dates::parse_iso))
                .min()
        })
}

/// Meta tags that give the publication's date, by `name`, `property` or `itemprop`.
const PUBLISHED_META: &[&str] = &[
    "datePublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "sailthru.date",
    "parsely-pub-date",
];

selector!(
    PUBLISHED_TIME,
    "time[itemprop~=datePublished][datetime], time[pubdate][datetime]"
);

/// Who wrote the page, where a page without an author in its JSON-LD or its `author` meta
/// tag says it: `article:author` when it holds a name (it often holds a profile's
/// address), the "Written by" pair that SEO plugins give link previews
/// (`twitter:label1`/`twitter:data1`); on a page that says it is an article, the link
/// marked `rel=author`, or the first link to an author's page (`/author/name/`, as most
/// publishing systems make them). On a shop's or a catalogue's page such links lead to a
/// book's author or a reviewer, not to who wrote the page.
pub fn byline_authors(doc: &Html, page: &Url, ld: &JsonLd) -> Vec<String> {
    if let Some(names) = meta(doc, "article:author").filter(|a| !a.contains("://")) {
        return split_names(&names);
    }
    let written_by = (1..=4).find_map(|i| {
        meta(doc, &format!("twitter:label{i}"))
            .filter(|l| l.eq_ignore_ascii_case("written by"))
            .and_then(|_| meta(doc, &format!("twitter:data{i}")))
    });
    if let Some(name) = written_by {
        return split_names(&name);
    }
    if !declares_article(doc, ld) {
        return Vec::new();
    }
    doc.select(&AUTHOR_LINK)
        .filter(|a| {
            a.value()
                .attr("rel")
                .is_some_and(|r| r.split_whitespace().any(|w| w == "author"))
        })
        .chain(doc.select(&AUTHOR_LINK).filter(|a| is_author_page(a, page)))
        .find_map(|a| byline_name(&a.text().collect::<String>()))
        .into_iter()
        .collect()
}

selector!(AUTHOR_LINK, "a[href]");

/// Whether link `a` leads to an author's page on the page's own site: a path with an
/// `author` or `authors` segment and a name after it.
fn is_author_page(a: &ElementRef, page: &Url) -> bool {
    let Some(to) = a.value().attr("href").and_then(|h| page.join(h).ok()) else {
        return false;
    };
    let mut segments = to.path_segments().into_iter().flatten();
    to.host_str() == page.host_str()
        && segments.any(|s| s == "author" || s == "authors")
        && segments.next().is_some_and(|name| !name.is_empty())
}

/// A name as a byline gives it, without the words before it ("By", "Written by",
/// "Oleh"); none when what is left is not a name: empty, or longer than a name runs.
fn byline_name(text: &str) -> Option<String> {
    const BEFORE: &[&str] = &[
        "written by ",
        "posted by ",
        "by ",
        "oleh ",
        "penulis: ",
        "penulis ",
    ];
    let text = sanitize::inline(text);
    let lower = text.to_lowercase();
    let name = BEFORE
        .iter()
        .find_map(|b| {
            lower
                .starts_with(b)
                .then(|| text[b.len()..].trim().to_string())
        })
        .unwrap_or(text);
    let words = name.split_whitespace().count();
    (1..=MAX_NAME_WORDS).contains(&words).then_some(name)
}

/// Most words in a name a byline gives: a name with its titles ("Jillian Kubala, MS,
/// RD") runs to five; more is a sentence.
const MAX_NAME_WORDS: usize = 6;

/// The fields of a schema.org article object in the page's JSON-LD.
#[derive(Debug, Default)]
pub struct LdArticle {
    pub headline: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    pub authors: Vec<String>,
    /// The first `editor` named.
    pub editor: Option<String>,
    /// The article's own address (`url`, else `mainEntityOfPage`), unchecked.
    pub url: Option<String>,
    pub keywords: Vec<String>,
    pub image: Option<String>,
}

/// Most bytes of JSON-LD parsed for one page, all its scripts together: a parsed JSON
/// value takes many times its text (a megabyte of `{"a":1}` is over 50 MB of objects, and
/// ten scripts of it took a reading of one page to 850 MB), and real article metadata
/// takes a few kilobytes, or a few hundred with the whole text in `articleBody`.
const MAX_LD_BYTES: usize = 1024 * 1024;

/// The objects of a page's JSON-LD ([`ld_objects`]), parsed once for all that is asked
/// of them: its article, whether it says it is an article or a product, its date.
pub struct JsonLd {
    objects: Vec<Value>,
}

impl JsonLd {
    pub fn of(doc: &Html) -> Self {
        JsonLd {
            objects: ld_objects(doc),
        }
    }

    /// Whether the page's JSON-LD describes one article, as an article's page does; an
    /// index's may describe many.
    pub fn is_of_one_article(&self) -> bool {
        self.objects.iter().filter(|v| is_article(v)).count() == 1
    }

    /// The first object whose `@type` is an article kind; empty when there is none or
    /// the JSON is broken (pages ship broken JSON-LD often enough).
    pub fn article(&self) -> LdArticle {
        let Some(obj) = self.objects.iter().find(|o| is_article(o)) else {
            return LdArticle::default();
        };
        LdArticle {
            headline: obj["headline"]
                .as_str()
                .map(|h| decoded(&sanitize::inline(h))),
            published: obj["datePublished"].as_str().and_then(dates::parse_iso),
            authors: names(&obj["author"]),
            editor: names(&obj["editor"]).into_iter().next(),
            url: obj["url"]
                .as_str()
                .or_else(|| obj["mainEntityOfPage"].as_str())
                .or_else(|| obj["mainEntityOfPage"]["@id"].as_str())
                .map(str::to_string),
            keywords: match &obj["keywords"] {
                Value::String(s) => split_list(s),
                v => names(v),
            },
            image: match &obj["image"] {
                Value::String(s) => Some(s.clone()),
                Value::Array(a) => a.first().and_then(|i| {
                    i.as_str()
                        .map(str::to_string)
                        .or_else(|| i["url"].as_str().map(str::to_string))
                }),
                v => v["url"].as_str().map(str::to_string),
            },
        }
    }
}

/// Whether the page says it is an article: `og:type` `article`, or a JSON-LD object of an
/// article kind. Product, service and listing pages say `website` or `product`, or nothing.
pub fn declares_article(doc: &Html, ld: &JsonLd) -> bool {
    meta(doc, "og:type").is_some_and(|t| t.to_ascii_lowercase().starts_with("article"))
        || ld.objects.iter().any(is_article)
}

/// Every object of the page's JSON-LD, those of `@graph`, of arrays and a page's
/// `mainEntity` included. Scripts are parsed in order while their bytes together stay
/// within [`MAX_LD_BYTES`]; one that would pass it is skipped, and a smaller one after it
/// (an article's, after a shop's catalogue) is still read.
fn ld_objects(doc: &Html) -> Vec<Value> {
    let mut objects = Vec::new();
    let mut left = MAX_LD_BYTES;
    for script in doc.select(&LD_JSON) {
        let size: usize = script.text().map(str::len).sum();
        if size > left {
            continue;
        }
        left -= size;
        let raw: String = script.text().collect();
        if let Ok(v) = serde_json::from_str::<Value>(raw.trim()) {
            flatten(v, &mut objects);
        }
    }
    objects
}

fn flatten(v: Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| flatten(i, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out);
            }
            // A page's main entity (a forum's thread under its `WebPage`) is an object
            // of the page's own, looked at as a top-level one is.
            if let Some(main) = map.remove("mainEntity") {
                flatten(main, out);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

/// Whether the page says it is a product: an `og:type` of a product kind (`product`,
/// `og:product`, `product.item`), or a JSON-LD object of type `Product` or `ProductGroup`.
/// Such a page may also say `article`: SEO plugins give that `og:type` to every page.
pub fn declares_product(doc: &Html, ld: &JsonLd) -> bool {
    let og_product = doc
        .select(&META)
        .filter(|m| m.value().attr("property") == Some("og:type"))
        .filter_map(|m| m.value().attr("content"))
        .any(|t| t.to_ascii_lowercase().contains("product"));
    og_product || ld.objects.iter().any(is_product)
}

fn is_product(v: &Value) -> bool {
    let is_kind = |t: &str| t == "Product" || t == "ProductGroup";
    match &v["@type"] {
        Value::String(t) => is_kind(t),
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).any(is_kind),
        _ => false,
    }
}

/// Whether a JSON-LD object is an article by schema.org's types: `Article` and its
/// kinds (`NewsArticle`, `Report`, the postings of blogs, live blogs and social media,
/// and a forum thread's `DiscussionForumPosting`, whose author is who opened it).
fn is_article(v: &Value) -> bool {
    let is_kind = |t: &str| {
        t.ends_with("Article")
            || matches!(
                t,
                "BlogPosting"
                    | "LiveBlogPosting"
                    | "SocialMediaPosting"
                    | "DiscussionForumPosting"
                    | "Report"
            )
    };
    match &v["@type"] {
        Value::String(t) => is_kind(t),
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).any(is_kind),
        _ => false,
    }
}

/// Names from a JSON-LD person field: a string, an object with `name`, or a list of those.
fn names(v: &Value) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(sanitize::inline(s)),
        v => v["name"].as_str().map(sanitize::inline),
    };
    let list: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        v => one(v).into_iter().collect(),
    };
    list.into_iter().filter(|s| !is_placeholder(s)).collect()
}

/// Whether a value is what a template writes where it had none: `undefined`, `null`, or
/// no letter or digit at all (nothing, detik's `-` for a photo's author).
fn is_placeholder(s: &str) -> bool {
    matches!(s, "undefined" | "null") || !s.chars().any(char::is_alphanumeric)
}

/// Names in a comma-separated list, a name's credentials kept with it: "Jillian Kubala,
/// MS, RD" is one writer, "Ana, Budi" two. A credential is a short word of capitals
/// (`MS`, `M.D.`, `FACLM`), or `PhD`.
pub fn split_names(s: &str) -> Vec<String> {
    let is_credential = |part: &str| {
        part == "PhD"
            || (part.len() <= 6
                && part.chars().any(|c| c.is_ascii_uppercase())
                && part.chars().all(|c| c.is_ascii_uppercase() || c == '.'))
    };
    let mut names: Vec<String> = Vec::new();
    for part in split_list(s) {
        match names.last_mut() {
            Some(name) if is_credential(&part) => {
                name.push_str(", ");
                name.push_str(&part);
            }
            _ => names.push(part),
        }
    }
    names
}

/// Most words a description cut into keywords has: a sentence or two.
const MAX_DESCRIPTION_WORDS: usize = 64;

/// The page's `keywords` meta tag as tags, unless it is its description cut at every
/// space (a template's, on merdeka.com: "Para, tahanan, itu, …"; on kapanlagi.com in
/// lower case: "main, di, film, …"), which tags nothing.
pub fn keyword_tags(doc: &Html) -> Option<Vec<String>> {
    let tags = split_list(&meta(doc, "keywords")?);
    let cut = tags.len() >= 4
        && tags.len() <= MAX_DESCRIPTION_WORDS
        && tags.iter().all(|t| !t.contains(' '))
        && meta(doc, "description").is_some_and(|d| is_description_cut(&tags, &d));
    (!cut).then_some(tags)
}

/// Whether `tags` are the words of `description` in a run, whatever their case and
/// punctuation. Only the description's first words are looked at, four times as many as
/// a run can have: a description is short, and a page's may be as long as the page.
fn is_description_cut(tags: &[String], description: &str) -> bool {
    // Each tag is one word (the caller checks), with a letter or a digit (`split_list`).
    let words: Vec<String> = tags.iter().map(|t| key(t)).collect();
    let said: Vec<String> = description
        .split_whitespace()
        .map(key)
        .filter(|w| !w.is_empty())
        .take(4 * MAX_DESCRIPTION_WORDS)
        .collect();
    said.windows(words.len()).any(|run| run == words)
}

/// A comma-separated list (`content_tags`, `content_author`, JSON-LD `keywords`), without
/// the placeholders a template writes where it had no value ([`is_placeholder`]).
pub fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(sanitize::inline)
        .filter(|s| !is_placeholder(s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(title: &str, names: &[&str]) -> String {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        SiteNames::new(&names).strip(title)
    }

    #[test]
    fn site_name_goes_only_when_named() {
        let kompas = ["regional.kompas.com"];
        assert_eq!(strip("A - B - Kompas.com", &kompas), "A - B");
        assert_eq!(
            strip("Banjir di Bekasi - Kompas.com Regional", &kompas),
            "Banjir di Bekasi"
        );
        assert_eq!(strip("Warta | Harian", &["Harian"]), "Warta");
        assert_eq!(strip("Left - Right", &["www.example.com"]), "Left - Right");
        assert_eq!(
            strip(
                "Hoaks Vaksin – TurnBackHoax.ID",
                &["turnbackhoax.mafindo.or.id"]
            ),
            "Hoaks Vaksin"
        );
        assert_eq!(
            strip("KapanLagi.com: Artis Menikah", &["www.kapanlagi.com"]),
            "Artis Menikah"
        );
        assert_eq!(
            strip("The Verge | Phones reviewed", &["The Verge"]),
            "Phones reviewed"
        );
        assert_eq!(
            strip("Review: A good phone", &["example.com"]),
            "Review: A good phone"
        );
        assert_eq!(
            strip(
                "Banjir di Sumbar - ANTARA News Jawa Timur",
                &["jatim.antaranews.com"]
            ),
            "Banjir di Sumbar"
        );
        assert_eq!(
            strip(
                "Banjir di Sumbar - News Liputan6.com",
                &["www.liputan6.com"]
            ),
            "Banjir di Sumbar"
        );
        assert_eq!(
            strip("Banjir di Sumbar - Kabar Terkini", &["www.liputan6.com"]),
            "Banjir di Sumbar - Kabar Terkini"
        );
    }

    #[test]
    fn a_page_number_is_no_part_of_the_title() {
        for (title, want) in [
            ("Banjir di Sumbar Halaman all", "Banjir di Sumbar"),
            ("Banjir di Sumbar - Halaman 2", "Banjir di Sumbar"),
            ("How to bake | Page 3", "How to bake"),
            ("Membaca Halaman 2", "Membaca Halaman 2"),
            ("Page 2", "Page 2"),
            ("Banjir di Sumbar", "Banjir di Sumbar"),
        ] {
            assert_eq!(without_page_number(title), want, "{title}");
        }
    }

    #[test]
    fn titles_are_decoded_and_named_by_the_page() {
        let doc = Html::parse_document(
            r#"<head><meta property="og:title" content="Salt &amp;amp; Pepper &amp;#8211; Dinner | Cook&#39;s Corner">
            <meta property="og:site_name" content="Cook's Corner">
            <link rel="canonical" href="https://cooks.example/salt"></head>"#,
        );
        let elsewhere = Url::parse("https://mirror.example/salt").unwrap();
        assert_eq!(
            title(&doc, &elsewhere, None).as_deref(),
            Some("Salt & Pepper – Dinner")
        );
        let doc = Html::parse_document(
            r#"<title>Pasar &amp;amp; Harga | detikFinance</title>
            <meta property="og:url" content="https://finance.detik.com/x">"#,
        );
        let detik = Url::parse("https://finance.detik.com/x").unwrap();
        assert_eq!(
            title(&doc, &detik, None).as_deref(),
            Some("Pasar & Harga | detikFinance")
        );
        // A page that names its site nowhere but in the address it was read from.
        let doc = Html::parse_document("<title>Jalur Sepeda Baru Dibuka - Kompas.com</title>");
        let kompas = Url::parse("https://megapolitan.kompas.com/read/2027/01/05/1/x").unwrap();
        assert_eq!(
            title(&doc, &kompas, None).as_deref(),
            Some("Jalur Sepeda Baru Dibuka")
        );
        assert_eq!(decoded("a < b & c; 3 &lt 4"), "a < b & c; 3 &lt 4");
    }

    /// The page's heading says where its title ends, when the site's name is not its
    /// host's (`The Go Programming Language` on go.dev, `MDN` on developer.mozilla.org).
    #[test]
    fn the_heading_says_where_the_title_ends() {
        let title_of = |head: &str, body: &str| {
            let doc = Html::parse_document(&format!("<head>{head}</head><body>{body}</body>"));
            title(
                &doc,
                &Url::parse("https://go.dev/blog/defer").unwrap(),
                None,
            )
            .unwrap()
        };
        let go = "<title>Defer, Panic, and Recover - The Go Programming Language</title>";
        assert_eq!(
            title_of(go, "<h1>Defer, Panic, and Recover</h1>"),
            "Defer, Panic, and Recover"
        );
        assert_eq!(
            title_of(
                "<title>&lt;table&gt;: The Table element - HTML | MDN</title>",
                "<h1><code>&lt;table&gt;</code>: The Table element</h1>"
            ),
            "<table>: The Table element"
        );
        // A logo in a link, or a heading naming the site, is not the article's heading.
        assert_eq!(
            title_of(
                "<title>Gopher News - Defer, Panic, and Recover</title>",
                "<a href=/><h1>Gopher News</h1></a>"
            ),
            "Gopher News - Defer, Panic, and Recover"
        );
        assert_eq!(
            title_of(
                "<title>Go.dev - Defer, Panic, and Recover</title>",
                "<h1>Go.dev</h1>"
            ),
            "Defer, Panic, and Recover"
        );
        // A subtitle after a colon is the title's own; so is a title that ends with the
        // heading (a wiki's or a book's name over each page).
        assert_eq!(
            title_of(
                "<title>Atomic Habits: An Easy Way</title>",
                "<h1>Atomic Habits</h1>"
            ),
            "Atomic Habits: An Easy Way"
        );
        assert_eq!(
            title_of(
                "<title>Plan and audience | Quantum Information</title>",
                "<h1>Quantum Information</h1>"
            ),
            "Plan and audience | Quantum Information"
        );
        // JSON-LD's headline, when the caller reads it first, is weighed the same way.
        let doc = Html::parse_document("<h1>Defer, Panic, and Recover</h1>");
        let go = Url::parse("https://go.dev/blog/defer").unwrap();
        let headline = Some("Defer, Panic, and Recover | Gopher News");
        assert_eq!(
            title(&doc, &go, headline).as_deref(),
            Some("Defer, Panic, and Recover")
        );
        // A title cut inside a word, the site's name put back after the cut.
        assert_eq!(
            title_of(
                "<title>How to set up your monitor, laptop, and k | Desks.shop</title>\
                 <meta property=og:site_name content=Desks.shop>",
                "<h1>How to set up your monitor, laptop, and keyboard</h1>"
            ),
            "How to set up your monitor, laptop, and keyboard"
        );
        // Cut at a word, it may be the shorter headline the site chose.
        assert_eq!(
            title_of(
                "<title>The best cameras for your home</title>",
                "<h1>The best cameras for your home in 2026</h1>"
            ),
            "The best cameras for your home"
        );
    }

    /// Dates a page gives besides `article:published_time`: another meta tag, any JSON-LD
    /// object's `datePublished` (Yoast's `WebPage`), or the earliest `<time>` marked as a
    /// publication's (a thread's replies are marked so, after the post).
    #[test]
    fn a_date_is_found_where_the_page_gives_it() {
        let published = |html: &str| {
            let doc = Html::parse_document(html);
            published_elsewhere(&doc, &JsonLd::of(&doc)).map(|d| d.to_rfc3339())
        };
        assert_eq!(
            published(r#"<meta name="DC.date.issued" content="2024-03-17T19:47:39+00:00">"#)
                .as_deref(),
            Some("2024-03-17T19:47:39+00:00")
        );
        assert_eq!(
            published(
                r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage",
                "datePublished":"2021-01-27T06:00:00+00:00"}]}</script>"#
            )
            .as_deref(),
            Some("2021-01-27T06:00:00+00:00")
        );
        assert_eq!(
            published(
                r#"<article><time itemprop="datePublished" datetime="2024-01-11T19:11:34-05:00">Jan 11</time></article>
                <time pubdate datetime="2024-01-10T12:47:16-05:00">Jan 10</time>
                <time datetime="2020-01-01T00:00:00Z">a related story</time>"#
            )
            .as_deref(),
            Some("2024-01-10T12:47:16-05:00")
        );
        assert_eq!(
            published("<time datetime=2020-01-01T00:00:00Z>unmarked</time>"),
            None
        );
    }

    /// Bylines a page gives besides its JSON-LD and `author` meta tag.
    #[test]
    fn a_byline_is_found_where_the_page_gives_it() {
        let page = Url::parse("https://blog.example/2025/defer").unwrap();
        let authors = |html: &str| {
            let doc = Html::parse_document(html);
            byline_authors(&doc, &page, &JsonLd::of(&doc))
        };
        let article = r#"<meta property="og:type" content="article">"#;
        assert_eq!(
            authors(r#"<meta name="article:author" content="Jillian Kubala, MS, RD, Ana Putri">"#),
            ["Jillian Kubala, MS, RD", "Ana Putri"]
        );
        assert!(
            authors(r#"<meta property="article:author" content="https://facebook.com/x">"#)
                .is_empty()
        );
        assert_eq!(
            authors(
                r#"<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Erin Spain">"#
            ),
            ["Erin Spain"]
        );
        assert_eq!(
            authors(&format!(
                r#"{article}<span class=byline>By <a href="/author/mansaldo/">Michael Ansaldo</a></span>"#
            )),
            ["Michael Ansaldo"]
        );
        assert_eq!(
            authors(&format!(
                r#"{article}<a rel="author" href="/about">Posted by Naoise McNally</a>"#
            )),
            ["Naoise McNally"]
        );
        // A shop's or a catalogue's author links are its books', not the page's.
        assert!(
            authors(r#"<a href="/author/show/153394.Suzanne_Collins">Suzanne Collins</a>"#)
                .is_empty()
        );
        // Another site's author page, or a sentence, is no byline.
        assert!(
            authors(&format!(
                r#"{article}<a href="https://other.example/author/x">Someone Else</a>"#
            ))
            .is_empty()
        );
        assert!(
            authors(&format!(
                r#"{article}<a href="/author/x/">Read more of what this writer has to say here</a>"#
            ))
            .is_empty()
        );
    }

    #[test]
    fn keywords_cut_from_the_description_are_no_tags() {
        let tags = |head: &str| keyword_tags(&Html::parse_document(head));
        assert_eq!(
            tags(
                r#"<meta name="description" content="Para tahanan itu diperlakukan seperti binatang. Holdbrooks takjub.">
               <meta name="keywords" content="Para, tahanan, itu, diperlakukan, seperti, binatang., Holdbrooks, takjub.">"#
            ),
            None
        );
        assert_eq!(
            tags(
                r#"<meta name="description" content="Main di film keduanya, Brandon ungkap kedekatannya.">
               <meta name="keywords" content="main, di, film, keduanya, brandon, ungkap">"#
            ),
            None
        );
        // Words of the description, but not a run of it: tags.
        assert_eq!(
            tags(
                r#"<meta name="description" content="Banjir merendam Jakarta setelah hujan deras, kata BMKG.">
               <meta name="keywords" content="banjir, jakarta, hujan, bmkg">"#
            ),
            Some(vec![
                "banjir".into(),
                "jakarta".into(),
                "hujan".into(),
                "bmkg".into()
            ])
        );
        assert_eq!(
            tags(
                r#"<meta name="description" content="Banjir merendam Jakarta setelah hujan deras.">
               <meta name="keywords" content="banjir, jakarta, hujan deras">"#
            ),
            Some(vec![
                "banjir".into(),
                "jakarta".into(),
                "hujan deras".into()
            ])
        );
    }

    #[test]
    fn a_forum_thread_is_an_article_with_its_opener_as_author() {
        // XenForo gives the thread as its page's main entity.
        let doc = Html::parse_document(
            r#"<script type="application/ld+json">{"@type":"WebPage","mainEntity":{
            "@type":"DiscussionForumPosting","headline":"Tips",
            "datePublished":"2024-01-10T12:47:16-05:00","author":{"@type":"Person","name":"Kevin"}}}</script>
            <script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"undefined"}}</script>"#,
        );
        let ld = JsonLd::of(&doc).article();
        assert_eq!(ld.headline.as_deref(), Some("Tips"));
        assert_eq!(ld.authors, ["Kevin"]);
        assert!(declares_article(&doc, &JsonLd::of(&doc)));
        let placeholder = Html::parse_document(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"name":"undefined"}}</script>"#,
        );
        assert!(JsonLd::of(&placeholder).article().authors.is_empty());
        let dash = Html::parse_document(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"-"}}</script>"#,
        );
        assert!(JsonLd::of(&dash).article().authors.is_empty());
    }

    /// The JSON-LD parsed for a page is bounded for all its scripts together; a script
    /// past what is left is skipped, and a smaller one after it is read.
    #[test]
    fn json_ld_is_read_within_one_budget_for_the_page() {
        let filler = format!(
            r#"<script type="application/ld+json">[{}]</script>"#,
            vec![r#"{"a":1}"#; 70_000].join(",")
        );
        let article =
            r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H"}</script>"#;
        // 560 KB, then the article: both fit.
        let doc = Html::parse_document(&format!("{filler}{article}"));
        assert_eq!(JsonLd::of(&doc).article().headline.as_deref(), Some("H"));
        // Twice that: the second filler is skipped, the article still read.
        let doc = Html::parse_document(&format!("{filler}{filler}{article}"));
        assert_eq!(JsonLd::of(&doc).article().headline.as_deref(), Some("H"));
        assert_eq!(ld_objects(&doc).len(), 70_000 + 1);
    }

    #[test]
    fn json_ld_graph_and_broken_json() {
        let doc = Html::parse_document(
            r#"<script type="application/ld+json">{oops</script>
            <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},
            {"@type":["NewsArticle"],"headline":"H","datePublished":"2026-01-02T03:04:05+07:00",
             "author":[{"name":"A"},"B"],"keywords":"x, y"}]}</script>"#,
        );
        let ld = JsonLd::of(&doc).article();
        assert_eq!(ld.headline.as_deref(), Some("H"));
        assert_eq!(ld.authors, ["A", "B"]);
        assert_eq!(ld.keywords, ["x", "y"]);
        assert!(ld.published.is_some());
    }
}
