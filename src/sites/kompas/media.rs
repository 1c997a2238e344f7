//! Kompas photo and video pages. A photo page (`/image/…`, the gallery behind "Lihat
//! Foto", or a `/foto/` story) holds no `read__content`: it reads as its captions, each
//! with its credit, in page order. A video page (`video.kompas.com`, `/video/`,
//! `/watch/`) reads as its description, else the page's own summary (`og:description`).

use scraper::{ElementRef, Html};
use url::Url;

use super::boilerplate;
use crate::article::{Block, BlockKind};
use crate::sanitize;
use crate::sites::elements::{selector, text_of};
use crate::sites::meta;

selector!(CAPTIONS, ".photo__caption, figcaption, [class*=caption]");
selector!(
    LEAD_CAPTION,
    ".photo .photo__caption, .photo__wrap + .photo__caption"
);
selector!(
    VIDEO_TEXT,
    "[class*=video__desc], [class*=videoDesc], [class*=video-desc], [class*=description]"
);

/// No gallery has more photos than this; past it, the page is not a gallery.
const MAX_CAPTIONS: usize = 500;

/// Whether `url` is a Kompas photo or video page.
pub(super) fn is_media_page(url: &Url) -> bool {
    let path = url.path();
    let host = url.host_str().unwrap_or_default();
    host.starts_with("video.")
        || ["/image/", "/foto/", "/video/", "/watch/"]
            .iter()
            .any(|p| path.starts_with(p) || path.contains(p))
}

/// The text of a photo or video page: its captions, else its video description, else
/// its summary.
pub(super) fn text(doc: &Html) -> Vec<Block> {
    let mut out: Vec<String> = Vec::new();
    let innermost = |e: &ElementRef<'_>| e.select(&CAPTIONS).next().is_none();
    for caption in doc.select(&CAPTIONS).take(MAX_CAPTIONS).filter(innermost) {
        add(&mut out, caption_text(caption));
    }
    if out.is_empty() {
        for desc in doc
            .select(&VIDEO_TEXT)
            .take(MAX_CAPTIONS)
            .filter(|e| e.select(&VIDEO_TEXT).next().is_none())
        {
            add(&mut out, text_of(desc));
        }
    }
    if out.is_empty()
        && let Some(summary) = meta::meta(doc, "og:description")
    {
        add(&mut out, summary);
    }
    out.into_iter()
        .map(|text| Block {
            kind: BlockKind::Paragraph,
            text,
        })
        .collect()
}

/// The caption of an article's lead photo, if it has one.
pub(super) fn lead_caption(doc: &Html) -> Option<String> {
    let caption = caption_text(doc.select(&LEAD_CAPTION).next()?);
    (!caption.is_empty()).then_some(caption)
}

/// A caption's text with its credit (a `<span>` run into the caption's last word)
/// set apart by a space.
pub(super) fn caption_text(caption: ElementRef<'_>) -> String {
    let mut raw = String::new();
    for child in caption.children() {
        if let Some(t) = child.value().as_text() {
            raw.push_str(t);
        } else if let Some(e) = ElementRef::wrap(child) {
            raw.push(' ');
            raw.push_str(&text_of(e));
        }
    }
    sanitize::inline(&raw)
}

/// `text` without the label of the photo button ("Lihat Foto") before it.
pub(super) fn without_photo_button(text: &str) -> &str {
    text.strip_prefix("Lihat Foto")
        .map(str::trim_start)
        .unwrap_or(text)
}

/// Adds a line of text once, without the photo button's label.
fn add(out: &mut Vec<String>, text: String) {
    let text = without_photo_button(&text).to_string();
    if !text.is_empty() && !boilerplate::FURNITURE.is_boilerplate(&text) && !out.contains(&text) {
        out.push(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sites::read_article;

    fn body(url: &str, html: &str) -> Vec<String> {
        let url = Url::parse(url).unwrap();
        let a = read_article(html, &url).unwrap().article;
        a.body.into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn a_photo_page_reads_as_its_captions() {
        let photo = |n: u32| {
            format!(
                "<div class=\"photo__wrap\"><img src=\"https://asset.kompas.com/{n}.jpg\">\
                 <div class=\"photo__icon\">Lihat Foto</div></div>\
                 <div class=\"photo__caption\">Warga mengungsi dari banjir, foto {n}.\
                 <span class=\"photo__author\">(KOMPAS.com/Irfan Kamil)</span></div>\
                 <div class=\"counter\">{n} / 3</div><div>telah dilihat 46214 kali</div>"
            )
        };
        let html = format!(
            "<html><head><title>Banjir di Jakarta - Kompas.com</title></head><body>\
             <h1 class=\"photo__title\">Banjir di Jakarta</h1>{}{}{}\
             <p>Baca berita tanpa iklan. Gabung Kompas.com+</p></body></html>",
            photo(1),
            photo(2),
            photo(3)
        );
        let got = body(
            "https://nasional.kompas.com/image/2026/03/02/10000011/banjir?page=1",
            &html,
        );
        let want: Vec<String> = (1..=3)
            .map(|n| format!("Warga mengungsi dari banjir, foto {n}. (KOMPAS.com/Irfan Kamil)"))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_video_page_reads_as_its_description() {
        let html = "<html><head><title>Banjir Rob - Kompas.com</title>\
             <meta property=\"og:description\" content=\"Ringkasan.\"></head><body>\
             <h1 class=\"video__title\">Banjir Rob</h1><div class=\"video__player\"></div>\
             <div class=\"video__desc\">Banjir rob merendam pesisir utara Jakarta pada Senin pagi.\
             </div><div class=\"share\">Bagikan artikel ini melalui</div></body></html>";
        let got = body("https://video.kompas.com/watch/123456/banjir-rob", html);
        assert_eq!(
            got,
            ["Banjir rob merendam pesisir utara Jakarta pada Senin pagi."]
        );
        let summary_only = html.replace("video__desc", "player-note");
        let got = body(
            "https://video.kompas.com/watch/123456/banjir-rob",
            &summary_only.replace(
                "Banjir rob merendam pesisir utara Jakarta pada Senin pagi.",
                "",
            ),
        );
        assert_eq!(got, ["Ringkasan."]);
    }
}
