//! Site profiles as data: for each Indonesian site Kompas links to, one [`Profile`]
//! (`table.rs`) says which hosts it covers, which links are its articles, where the body,
//! byline and editor are, and what is furniture rather than news. The code here reads any
//! profile the same way: the generic extractor reads the body (inside the profile's
//! container when the page has it, the whole page otherwise), and the profile's cleanup
//! applies after it either way.

mod table;

use scraper::CaseSensitivity;
use scraper::Html;
use url::Url;

use chrono::{DateTime, FixedOffset};

use super::dates;
use super::elements::{sel, text_of, texts};
use super::furniture::{Furniture, is_number};

pub use table::PROFILES;

/// Which addresses of a site are articles.
#[derive(Debug, Clone, Copy)]
pub enum ArticlePath {
    /// A path segment of this prefix and then digits: detik's `/d-7016153/`.
    IdSegment(&'static str),
    /// A segment of a date's digits, a dash, and more digits and dashes: 20detik's
    /// `/20241004-241004095/`, CNN Indonesia's `/20241004123456-20-1150000/`.
    DatedId,
    /// Any segment right after this one: jpnn's `/news/slug`.
    Under(&'static str),
    /// A segment of digits right after this one: liputan6's `/read/5594363/`.
    IdAfter(&'static str),
    /// `/YYYY/MM/DD/slug` somewhere in the path: tribunnews, jpnn-style dated paths.
    DatedSlug,
    /// A last segment ending in a dash and an id of eight or more letters and digits with
    /// a capital among them (slugs are lower case): kumparan's `/kumparannews/judul-27dMf6EqCKI`.
    SlugId,
}

/// Where the other pages of a long article are.
#[derive(Debug, Clone, Copy)]
pub enum PageLinks {
    /// The article's own address with this query key and the page number: `?page=2`.
    Query(&'static str),
    /// The article's own address with the page number as one more segment: `/slug/2`.
    Segment,
}

/// How a site splits a long article into pages.
#[derive(Debug)]
pub struct Pages {
    /// How the page's links to its other pages are written.
    pub links: PageLinks,
    /// The query that asks for the whole article on one page (detik's `single=1`), if
    /// the site has one.
    pub all: Option<(&'static str, &'static str)>,
}

/// No article has more pages than this; past it, links are not pages of it.
const MAX_PAGES: u32 = 20;

/// One site, as data.
#[derive(Debug)]
pub struct Profile {
    pub name: &'static str,
    /// Hosts, each matching itself and its subdomains; one `*` stands for any run of
    /// letters (`tribun*.com` for the regional Tribun sites).
    pub hosts: &'static [&'static str],
    /// Which links are articles: any of these.
    pub article: &'static [ArticlePath],
    /// The element that holds the article text, first match wins.
    pub body: &'static [&'static str],
    /// Class names that hide parts of the article (later pages kept in the DOM).
    pub unhide: &'static [&'static str],
    /// Elements inside the body that are never article text.
    pub drop: &'static [&'static str],
    /// Writers' names; when none is found, the credit line's, then the page's meta and
    /// JSON-LD authors.
    pub authors: &'static [&'static str],
    /// The editor's name; an author who is the editor is the editor only.
    pub editor: &'static [&'static str],
    /// Credit lines of labelled names, `Rep: Ani/ Red: Budi` or `Pewarta: Ani` and
    /// `Editor: Budi` on lines of their own: writers and editor told by their labels.
    pub credits: &'static [&'static str],
    /// Where the page prints its time (`Senin, 15 Januari 2024 14:30 WIB`), read when the
    /// meta tags and JSON-LD give none.
    pub date: &'static [&'static str],
    /// Endings stripped from titles (`" - detikNews"`); one ending in `*` stands for
    /// itself and then one word (`" : Okezone *"` for `" : Okezone Nasional"`).
    pub title_ends: &'static [&'static str],
    /// What is not news on the site's pages, dropped whichever extractor read them.
    pub furniture: Furniture,
    /// Photo galleries: pages whose host's first label is one of these, or one of whose
    /// path's segments before the last (the slug, which may start with any word) starts
    /// with one (`foto` for detik's `/foto-news/`, `/fotoinet/`,
    /// `/sepakbola/foto-sepakbola/` and foto.detik.com).
    pub gallery: &'static [&'static str],
    /// A gallery's captions, in page order: the first of these that finds any. A gallery
    /// reads as its lead text, if any, and its captions.
    pub captions: &'static [&'static str],
    /// How long articles are split into pages, when the site splits them into pages of
    /// their own (liputan6 keeps them all in the page: [`Profile::unhide`]).
    pub pages: Option<Pages>,
    /// The latest-news list beside or under an article ("Berita Terkini", "Berita
    /// detikcom Lainnya"): its article links are the article's Terkini links.
    pub terkini: &'static [&'static str],
    /// The headline list of an index page, when the page has one.
    pub list: &'static [&'static str],
}

/// The profile of the site `url` is on.
pub fn of(url: &Url) -> Option<&'static Profile> {
    let host = url.host_str()?.to_ascii_lowercase();
    PROFILES
        .iter()
        .find(|p| p.hosts.iter().any(|h| host_matches(&host, h)))
}

/// `host` is `pattern` or a subdomain of it.
fn host_matches(host: &str, pattern: &str) -> bool {
    let mut rest = host;
    loop {
        if glob(rest, pattern) {
            return true;
        }
        match rest.split_once('.') {
            Some((_, parent)) => rest = parent,
            None => return false,
        }
    }
}

fn glob(text: &str, pattern: &str) -> bool {
    match pattern.split_once('*') {
        None => text == pattern,
        Some((pre, post)) => {
            text.len() >= pre.len() + post.len()
                && text.starts_with(pre)
                && text.ends_with(post)
                && text[pre.len()..text.len() - post.len()]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-')
        }
    }
}

impl Profile {
    /// The article a link stands for (query and fragment dropped), or `None`.
    pub fn article_of(&self, mut url: Url) -> Option<Url> {
        if !matches!(url.scheme(), "http" | "https") {
            return None;
        }
        let segments: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
        let dated_id = |s: &str| {
            s.len() > 9
                && s.bytes().take(8).all(|b| b.is_ascii_digit())
                && s.contains('-')
                && s.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        };
        let is_article = |path: &ArticlePath| match *path {
            ArticlePath::IdSegment(prefix) => segments
                .iter()
                .any(|s| s.strip_prefix(prefix).is_some_and(is_number)),
            ArticlePath::DatedId => segments.iter().any(|s| dated_id(s)),
            ArticlePath::Under(word) => segments.windows(2).any(|w| w[0] == word),
            ArticlePath::IdAfter(word) => {
                segments.windows(2).any(|w| w[0] == word && is_number(w[1]))
            }
            ArticlePath::DatedSlug => segments.windows(4).any(|w| {
                w[0].len() == 4
                    && is_number(w[0])
                    && is_number(w[1])
                    && is_number(w[2])
                    && !w[3].is_empty()
            }),
            ArticlePath::SlugId => segments
                .last()
                .and_then(|s| s.rsplit_once('-'))
                .is_some_and(|(slug, id)| {
                    !slug.is_empty()
                        && id.len() >= 8
                        && id.bytes().all(|b| b.is_ascii_alphanumeric())
                        && id.bytes().any(|b| b.is_ascii_uppercase())
                }),
        };
        self.article.iter().any(is_article).then(|| {
            url.set_query(None);
            url.set_fragment(None);
            url
        })
    }

    /// The page as the generic extractor should read it, made from the page's own tree
    /// (parsed once, within the budget of every page): the body container alone, with the
    /// profile's furniture taken out and its hidden parts (later pages kept in the DOM)
    /// opened into their place. The tree back, untouched, when the page has no body
    /// container: the whole page is read then.
    pub fn page_for_extractor(&self, mut doc: Html) -> Result<String, Html> {
        let Some(body) = self
            .body
            .iter()
            .find_map(|css| doc.select(&sel(css)).next().map(|e| e.id()))
        else {
            return Err(doc);
        };
        let root = doc
            .tree
            .get(body)
            .and_then(scraper::ElementRef::wrap)
            .expect("the container was found in this tree");
        let furniture: Vec<_> = self
            .drop
            .iter()
            .flat_map(|css| root.select(&sel(css)).map(|e| e.id()).collect::<Vec<_>>())
            .collect();
        let hidden: Vec<_> = self
            .unhide
            .iter()
            .flat_map(|class| {
                root.descendants()
                    .filter_map(scraper::ElementRef::wrap)
                    .filter(|e| e.value().has_class(class, CaseSensitivity::CaseSensitive))
                    .map(|e| e.id())
                    .collect::<Vec<_>>()
            })
            .collect();
        for id in furniture {
            if let Some(mut node) = doc.tree.get_mut(id) {
                node.detach();
            }
        }
        // A hidden part's children take its place, so no class of its says "hidden".
        for id in hidden {
            let children: Vec<_> = doc
                .tree
                .get(id)
                .map(|n| n.children().map(|c| c.id()).collect())
                .unwrap_or_default();
            if let Some(mut node) = doc.tree.get_mut(id) {
                if node.parent().is_none() {
                    continue;
                }
                for child in children {
                    node.insert_id_before(child);
                }
                node.detach();
            }
        }
        let inner = doc
            .tree
            .get(body)
            .and_then(scraper::ElementRef::wrap)
            .map(|e| e.html())
            .unwrap_or_default();
        Ok(format!(
            "<html><head></head><body><article>{inner}</article></body></html>"
        ))
    }

    /// The writers named where the profile says, else on its credit line, if any.
    pub fn authors_in(&self, doc: &Html) -> Vec<String> {
        let named: Vec<String> = self
            .authors
            .iter()
            .flat_map(|css| texts(doc, &sel(css)))
            .collect();
        if named.is_empty() {
            self.credits_in(doc).authors
        } else {
            named
        }
    }

    /// The editor named where the profile says, else on its credit line.
    pub fn editor_in(&self, doc: &Html) -> Option<String> {
        self.editor
            .iter()
            .flat_map(|css| texts(doc, &sel(css)))
            .map(|t| strip_label(&t, "editor"))
            .find(|t| !t.is_empty())
            .or_else(|| self.credits_in(doc).editor)
    }

    /// The writers and editor of the profile's credit lines.
    pub fn credits_in(&self, doc: &Html) -> Credits {
        let mut credits = Credits::default();
        for css in self.credits {
            for line in doc.select(&sel(css)) {
                credits.read(line.text());
            }
        }
        credits
    }

    /// The other pages of the article at `url`: the links on the page to its own address
    /// with a page number (2 to [`MAX_PAGES`]), and the one-page version when the site
    /// has one. `None` for an article of one page, or the one-page version itself.
    pub fn paging(&self, doc: &Html, url: &Url) -> Option<super::Paging> {
        let rule = self.pages.as_ref()?;
        if let Some((key, value)) = rule.all
            && url.query_pairs().any(|(k, v)| k == key && v == value)
        {
            return None;
        }
        // The article's first page: no query, and no page segment when this is a later
        // page (`/slug/2`).
        let mut first = url.clone();
        first.set_query(None);
        first.set_fragment(None);
        let trimmed = url.path().trim_end_matches('/');
        let own_path = match (rule.links, trimmed.rsplit_once('/')) {
            (PageLinks::Segment, Some((head, n))) if n.parse::<u32>().is_ok() => head,
            _ => trimmed,
        }
        .to_string();
        first.set_path(&own_path);
        let page_of = |u: &Url| -> Option<u32> {
            if u.host_str() != url.host_str() {
                return None;
            }
            match rule.links {
                PageLinks::Query(key) => (u.path().trim_end_matches('/') == own_path)
                    .then(|| u.query_pairs().find(|(k, _)| k == key))
                    .flatten()
                    .and_then(|(_, v)| v.parse().ok()),
                PageLinks::Segment => u
                    .path()
                    .strip_prefix(own_path.as_str())
                    .and_then(|rest| rest.strip_prefix('/'))
                    .and_then(|n| n.trim_end_matches('/').parse().ok()),
            }
        };
        let mut rest: std::collections::BTreeMap<u32, Url> = Default::default();
        for href in doc
            .select(&sel("a[href]"))
            .filter_map(|a| a.value().attr("href"))
        {
            if let Some(mut u) = crate::sanitize::link(href, url)
                && let Some(n) = page_of(&u)
                && (2..=MAX_PAGES).contains(&n)
            {
                u.set_fragment(None);
                rest.entry(n).or_insert(u);
            }
        }
        if rest.is_empty() {
            return None;
        }
        let all = rule.all.map(|(key, value)| {
            let mut whole = first.clone();
            whole.query_pairs_mut().append_pair(key, value);
            whole
        });
        Some(super::Paging {
            all,
            rest: rest.into_values().collect(),
        })
    }

    /// Whether `url` is one of the site's photo galleries.
    pub fn is_gallery(&self, url: &Url) -> bool {
        let host = url.host_str().unwrap_or_default();
        let first_label = host.split('.').next().unwrap_or_default();
        let mut segments: Vec<&str> = url
            .path_segments()
            .map(|s| s.filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        // A page's number after the slug (`/slug/2`) is no part of the address's name.
        if segments.last().is_some_and(|s| is_number(s)) {
            segments.pop();
        }
        let before_slug = &segments[..segments.len().saturating_sub(1)];
        self.gallery
            .iter()
            .any(|word| first_label == *word || before_slug.iter().any(|s| s.starts_with(word)))
    }

    /// The captions of a gallery, in page order, each once; the innermost element when
    /// one caption holds another.
    pub fn captions_in(&self, doc: &Html) -> Vec<String> {
        self.captions
            .iter()
            .map(|css| {
                let selector = sel(css);
                let mut out: Vec<String> = Vec::new();
                let innermost = |e: &scraper::ElementRef<'_>| e.select(&selector).next().is_none();
                for text in doc
                    .select(&selector)
                    .take(MAX_CAPTIONS)
                    .filter(innermost)
                    .map(text_of)
                {
                    if !text.is_empty() && !out.contains(&text) {
                        out.push(text);
                    }
                }
                out
            })
            .find(|captions| !captions.is_empty())
            .unwrap_or_default()
    }

    /// The time the page prints where the profile says.
    pub fn published_in(&self, doc: &Html) -> Option<DateTime<FixedOffset>> {
        self.date
            .iter()
            .flat_map(|css| texts(doc, &sel(css)))
            .find_map(|t| dates::find_in_text(&t))
    }

    /// The title without the site's ending.
    pub fn clean_title(&self, title: &str) -> String {
        let mut title = title.trim();
        for end in self.title_ends {
            title = match end.strip_suffix('*') {
                Some(lead) => title
                    .rsplit_once(lead)
                    .filter(|(_, word)| !word.is_empty() && !word.contains(char::is_whitespace))
                    .map_or(title, |(kept, _)| kept),
                None => title.strip_suffix(end).unwrap_or(title),
            }
            .trim_end();
        }
        title.to_string()
    }
}

/// Labels of writers and of editors on credit lines (lower case).
const WRITER_LABELS: &[&str] = &["rep", "reporter", "penulis", "pewarta", "jurnalis", "oleh"];
const EDITOR_LABELS: &[&str] = &["red", "redaktur", "editor"];

/// Writers and editor read from labelled credit lines.
#[derive(Debug, Default, PartialEq)]
pub struct Credits {
    pub authors: Vec<String>,
    pub editor: Option<String>,
}

impl Credits {
    /// Reads the text pieces of one credit line: each piece, and each part of it between
    /// slashes or bars, is `Label: names`.
    fn read<'a>(&mut self, pieces: impl Iterator<Item = &'a str>) {
        for part in pieces.flat_map(|p| p.split(['/', '|'])) {
            let Some((label, names)) = part.split_once(':') else {
                continue;
            };
            let label = label.trim().to_lowercase();
            let names: Vec<String> = names
                .split(',')
                .map(crate::sanitize::inline)
                .filter(|n| !n.is_empty())
                .collect();
            if WRITER_LABELS.contains(&label.as_str()) {
                for name in names {
                    if !self.authors.contains(&name) {
                        self.authors.push(name);
                    }
                }
            } else if EDITOR_LABELS.contains(&label.as_str()) && self.editor.is_none() {
                self.editor = names.into_iter().next();
            }
        }
    }
}

/// No gallery has more photos than this; past it, the rest are not read.
const MAX_CAPTIONS: usize = 500;

/// `Editor: Name` → `Name`.
fn strip_label(text: &str, label: &str) -> String {
    let lower = text.to_lowercase();
    match lower.strip_prefix(label) {
        Some(_) => text[label.len()..]
            .trim_start()
            .trim_start_matches(':')
            .trim()
            .to_string(),
        None => text.trim().to_string(),
    }
}

#[cfg(test)]
mod tests;
