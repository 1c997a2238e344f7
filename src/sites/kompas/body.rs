//! The text of a Kompas article: the body walked in document order into blocks, with
//! what is not news (ads, promos, share widgets) left out and the "Baca juga" lines
//! pulled out into related links; and the plain text Kompas leaves for its ad partners,
//! for when no markup rule finds the body.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};
use url::Url;

use super::boilerplate;
use super::photos;
use super::urls::clean_url;
use crate::article::{Block, BlockKind, Embed, EmbedKind, Link, Photo};
use crate::sanitize;
use crate::sites::elements::{selector, text_of};

selector!(BODY, "div.read__content, .read__content");
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

// Videos and posts embedded in the text, among what is not text.
selector!(
    EMBEDDED,
    "iframe[src], .twitter-tweet, .instagram-media, .tiktok-embed"
);
/// Where embedded videos are played: only their frames are videos (other frames are
/// ads, widgets and trackers).
const VIDEO_HOSTS: &[&str] = &[
    "youtube.com",
    "youtube-nocookie.com",
    "youtu.be",
    "vidio.com",
    "kompas.tv",
    "video.kompas.com",
];
/// Where embedded posts live: the post's own address is the link to one of these.
const POST_HOSTS: &[&str] = &["twitter.com", "x.com", "instagram.com", "tiktok.com"];

/// The body of the article on `doc`, if a Kompas rule finds it.
pub(super) fn read<'u>(doc: &Html, base: &'u Url) -> Body<'u> {
    let mut body = Body::new(base);
    if let Some(content) = doc.select(&BODY).next() {
        body.walk(content);
    }
    body
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

/// Walks the article body in document order, turning it into blocks and pulling the
/// "Baca juga" lines out into related links.
pub(super) struct Body<'u> {
    base: &'u Url,
    pub(super) blocks: Vec<Block>,
    pub(super) related: Vec<Link>,
    pub(super) embeds: Vec<Embed>,
    pub(super) photos: Vec<Photo>,
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
            embeds: Vec::new(),
            photos: Vec::new(),
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
                        // Not text, but a video or a post is marked where it was.
                        if let Some((kind, url)) = embedded_in(el, self.base) {
                            self.embeds.push(Embed {
                                kind,
                                url,
                                at: self.blocks.len(),
                            });
                        }
                        continue;
                    }
                    if let Some((url, caption)) = photos::photo(el, self.base) {
                        self.photo(url, caption);
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

    /// A photo, where it sits: after the text before it, as a block of its own.
    fn photo(&mut self, url: String, caption: Option<String>) {
        self.flush();
        if self.photos.len() < photos::MAX_PHOTOS && !self.photos.iter().any(|p| p.url == url) {
            self.photos.push(Photo {
                url,
                caption,
                at: self.blocks.len(),
            });
        }
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
            .filter_map(|a| Some((text_of(a), a.value().attr("href")?.to_string())))
            .collect();
        self.push(kind, &raw, &links);
    }

    fn push(&mut self, kind: BlockKind, raw: &str, links: &[(String, String)]) {
        let text = sanitize::block(raw);
        if text.is_empty() {
            return;
        }
        if boilerplate::is_baca_juga(&text) {
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
        if boilerplate::FURNITURE.ends_article(&text) {
            self.ended = true;
            return;
        }
        if boilerplate::FURNITURE.is_boilerplate(&text) {
            return;
        }
        self.blocks.push(Block { kind, text });
    }
}

/// The video or post `el` is, or holds: a frame playing from a video site, or a post's
/// quote with the link to the post itself.
fn embedded_in(el: ElementRef<'_>, base: &Url) -> Option<(EmbedKind, String)> {
    std::iter::once(el)
        .chain(el.select(&EMBEDDED))
        .find_map(|e| embedded(e, base))
}

fn embedded(el: ElementRef<'_>, base: &Url) -> Option<(EmbedKind, String)> {
    let v = el.value();
    if v.name() == "iframe" {
        let url = sanitize::link(v.attr("src")?, base)?;
        return on_host(&url, VIDEO_HOSTS).then(|| (EmbedKind::Video, url.to_string()));
    }
    if !EMBEDDED.matches(&el) {
        return None;
    }
    let permalink = [v.attr("data-instgrm-permalink"), v.attr("cite")];
    // The post's own link comes last in a tweet's quote, after the links in its text.
    let links: Vec<&str> = el
        .select(&BACA_JUGA_LINK)
        .filter_map(|a| a.value().attr("href"))
        .collect();
    let url = permalink
        .into_iter()
        .flatten()
        .chain(links.into_iter().rev())
        .filter_map(|href| sanitize::link(href, base))
        .find(|u| on_host(u, POST_HOSTS))?;
    Some((EmbedKind::Post, clean_url(url).to_string()))
}

/// Whether `url` is on one of `hosts` or under one.
fn on_host(url: &Url, hosts: &[&str]) -> bool {
    let host = url.host_str().unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    hosts
        .iter()
        .any(|h| host == *h || host.ends_with(&format!(".{h}")))
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
