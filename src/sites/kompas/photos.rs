//! Photos inside a Kompas article's text: a `.photo` block (the lead photo's markup,
//! repeated in the body), a `<figure>`, or an image standing alone in a paragraph. Each
//! keeps its caption (the caption's text, else the image's alternative text) and where it
//! sits in the text.

use scraper::ElementRef;
use url::Url;

use super::media::{caption_text, without_photo_button};
use crate::sites::elements::selector;

selector!(CONTAINER, ".photo, figure, [class*=photo__wrap]");
selector!(IMAGE, "img");
selector!(CAPTION, ".photo__caption, figcaption, [class*=caption]");

/// Images smaller than this on either side (by their `width`/`height` attributes) are
/// icons and tracking pixels, not photos.
const MIN_SIDE: u32 = 64;
/// The most photos an article keeps: a gallery of hundreds is not read in a terminal,
/// and every one costs a line and, in the store, its file.
pub(super) const MAX_PHOTOS: usize = 50;

/// The photo `el` shows, if it is one: its image's address and its caption.
pub(super) fn photo(el: ElementRef<'_>, base: &Url) -> Option<(String, Option<String>)> {
    let alone = el.value().name() == "img";
    if !alone && !CONTAINER.matches(&el) && !is_image_paragraph(el) {
        return None;
    }
    let img = if alone { el } else { el.select(&IMAGE).next()? };
    let url = image_url(img, base)?;
    let caption = el
        .select(&CAPTION)
        .next()
        .map(caption_text)
        .or_else(|| img.value().attr("alt").map(crate::sanitize::inline))
        .map(|c| without_photo_button(&c).to_string())
        .filter(|c| !c.is_empty());
    Some((url, caption))
}

/// A paragraph that holds an image and no text of its own.
fn is_image_paragraph(el: ElementRef<'_>) -> bool {
    el.value().name() == "p"
        && el.select(&IMAGE).next().is_some()
        && el.text().all(|t| t.trim().is_empty())
}

/// The image's address (lazy-loaded images carry it in `data-src`), unless the
/// attributes say it is too small to be a photo.
fn image_url(img: ElementRef<'_>, base: &Url) -> Option<String> {
    let v = img.value();
    let side = |name| v.attr(name).and_then(|s| s.trim().parse::<u32>().ok());
    if [side("width"), side("height")]
        .into_iter()
        .flatten()
        .any(|s| s < MIN_SIDE)
    {
        return None;
    }
    [v.attr("data-src"), v.attr("src")]
        .into_iter()
        .flatten()
        .filter(|s| !s.contains("lazy"))
        .find_map(|s| crate::sanitize::link(s, base))
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use scraper::Html;

    use super::*;

    fn photos_in(html: &str) -> Vec<(String, Option<String>)> {
        let doc = Html::parse_fragment(html);
        let base = Url::parse("https://www.kompas.com/read/2026/11/25/1/a").unwrap();
        doc.root_element()
            .children()
            .filter_map(ElementRef::wrap)
            .filter_map(|el| photo(el, &base))
            .collect()
    }

    #[test]
    fn photo_blocks_figures_and_lone_images_with_their_captions() {
        let found = photos_in(
            r#"<div class="photo"><div class="photo__wrap"><img data-src="/data/photo/a.jpg" src="lazy.gif"></div>
               <div class="photo__caption">Lihat Foto Warga antre air bersih.<span>KOMPAS.com/ANI</span></div></div>
               <figure><img src="https://asset.kompas.com/b.jpg" alt="Alt"><figcaption>Peta banjir</figcaption></figure>
               <p><img src="c.png" alt="Grafik harga"></p>
               <p>Teks <img src="d.png"> biasa</p>
               <img src="pixel.gif" width="1" height="1">
               <figure><img src="javascript:alert(1)"></figure>"#,
        );
        assert_eq!(
            found,
            [
                (
                    "https://www.kompas.com/data/photo/a.jpg".to_string(),
                    Some("Warga antre air bersih. KOMPAS.com/ANI".to_string())
                ),
                (
                    "https://asset.kompas.com/b.jpg".to_string(),
                    Some("Peta banjir".to_string())
                ),
                (
                    "https://www.kompas.com/read/2026/11/25/1/c.png".to_string(),
                    Some("Grafik harga".to_string())
                ),
            ]
        );
    }
}
