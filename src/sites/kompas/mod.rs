//! The Kompas.com profile: where each field lives on the page, every rule with its
//! fallback (Kompas redesigns every few years; see ../shared/docs/KOMPAS.md), and what is
//! not news (ads, promos, share widgets, "Baca juga") kept out of the text.

mod body;
pub mod boilerplate;
mod credits;
mod lists;
mod media;
mod paging;
mod photos;
mod urls;

pub use body::brand_safety_text;
pub use lists::headlines;
pub use urls::{
    INDEX_LISTS, INDEX_URL, MORE_SITES, clean_url, day_of, day_url, is_article_url, is_kompas,
    on_day, search_url, section_url, tag_url, today,
};

use std::collections::HashSet;

use scraper::Html;
use url::Url;

use super::elements::{first_text, selector, texts};
use super::{PagedArticle, dates, meta};
use crate::article::{Article, Link, Site};
use crate::sanitize;

selector!(TITLE, "h1.read__title, h1[class*=title]");
selector!(READ_TIME, ".read__time, [class*=read__time]");
selector!(PHOTO, ".photo__wrap img, .photo img");
selector!(TAGS, ".tag__article__link, .tag__article a");

/// Reads a Kompas article page. `url` is where the page came from. Times are in WIB, as
/// the page shows them, whichever meta they came from (`article:published_time` is in
/// UTC). The body is empty when no Kompas rule finds it (a new layout); the caller then
/// asks the generic extractor and [`brand_safety_text`]. `json_ld`: the page's JSON-LD,
/// which the caller parses once for every reader of the page.
pub fn article(doc: &Html, url: &Url, json_ld: &meta::JsonLd) -> PagedArticle {
    let ld = json_ld.article();
    let canonical = meta::canonical(doc, url)
        .filter(is_kompas)
        .unwrap_or_else(|| url.clone());
    let credits = credits::Credits::read(doc);
    let body = body::read(doc, url);
    let article_url = urls::clean_url(canonical);
    let article = Article {
        url: article_url.to_string(),
        title: first_text(doc, &TITLE)
            .or_else(|| meta::title(doc, url, None))
            .or(ld.headline)
            .unwrap_or_default(),
        published: meta::meta(doc, "article:published_time")
            .and_then(|s| dates::parse_iso(&s))
            .or_else(|| {
                meta::meta(doc, "content_PublishedDate").and_then(|s| dates::parse_local(&s))
            })
            .or(ld.published)
            .or_else(|| first_text(doc, &READ_TIME).and_then(|t| dates::find_in_text(&t)))
            .or_else(|| urls::published_from_url(&article_url))
            .map(|t| t.with_timezone(&dates::wib())),
        authors: credits
            .authors
            .or_else(|| meta::meta(doc, "content_author").map(|s| meta::split_list(&s)))
            .filter(|a| !a.is_empty())
            .unwrap_or(ld.authors),
        editor: credits.editor.or_else(|| meta::meta(doc, "content_editor")),
        source: credits::source(doc).or_else(|| meta::meta(doc, "content_source")),
        image: image(doc, url)
            .or_else(|| meta::meta(doc, "og:image").and_then(|s| link(&s, url)))
            .or_else(|| ld.image.and_then(|s| link(&s, url))),
        tags: Some(texts(doc, &TAGS))
            .filter(|t| !t.is_empty())
            .or_else(|| meta::meta(doc, "content_tags").map(|s| meta::split_list(&s)))
            .unwrap_or(ld.keywords),
        related: dedup_links(body.related),
        terkini: lists::terkini(doc, url),
        image_caption: media::lead_caption(doc),
        embeds: body.embeds,
        photos: body.photos,
        body: if body.blocks.is_empty() && media::is_media_page(url) {
            media::text(doc)
        } else {
            body.blocks
        },
        site: Site::Kompas,
    };
    PagedArticle {
        paging: paging::paging(doc, url),
        article,
    }
}

fn link(href: &str, base: &Url) -> Option<String> {
    sanitize::link(href, base).map(String::from)
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

fn dedup_links(mut links: Vec<Link>) -> Vec<Link> {
    let mut seen = HashSet::new();
    links.retain(|l| seen.insert(l.url.clone()));
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(meta: &str) -> String {
        let url = Url::parse("https://nasional.kompas.com/read/2025/05/28/13300711/x").unwrap();
        let doc = Html::parse_document(&format!(
            "<html><head>{meta}</head><body><h1 class=\"read__title\">Judul</h1>\
             <div class=\"read__content\"><p>Teks.</p></div></body></html>"
        ));
        let t = article(&doc, &url, &meta::JsonLd::of(&doc))
            .article
            .published;
        t.map(|t| t.to_rfc3339()).unwrap_or_default()
    }

    #[test]
    fn times_are_in_wib_whichever_meta_they_came_from() {
        let wib = "2025-05-28T13:30:07+07:00";
        for meta in [
            r#"<meta property="article:published_time" content="2025-05-28T06:30:07+00:00">"#,
            r#"<meta property="article:published_time" content="2025-05-28T06:30:07Z">"#,
            r#"<meta name="content_PublishedDate" content="2025-05-28 13:30:07">"#,
            r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-05-28T06:30:07Z"}</script>"#,
        ] {
            assert_eq!(published(meta), wib, "{meta}");
        }
    }

    /// A contributor named with the post in the credit line of 2024–25, as in the table
    /// of 2014–16.
    #[test]
    fn a_contributor_is_named_without_the_post_in_any_credit_block() {
        let url = Url::parse("https://regional.kompas.com/read/2025/05/28/1/x").unwrap();
        let doc = Html::parse_document(
            "<h1 class=read__title>Judul</h1><div class=credit-title-name>\
             <div class=credit-title-nameEditor>Kontributor Kupang, Sigiranus Marutho Bere</div>\
             </div><div class=read__content><p>Teks.</p></div>",
        );
        let a = article(&doc, &url, &meta::JsonLd::of(&doc)).article;
        assert_eq!(a.authors, ["Sigiranus Marutho Bere"]);
    }

    /// A page of 2014–16: the text in a `<span>` no Kompas rule knows (so the generic
    /// extractor reads it), the credits in a table under it.
    #[test]
    fn the_credit_table_of_2016_names_the_credits_and_stays_out_of_the_text() {
        let url =
            Url::parse("http://bola.kompas.com/read/2016/02/23/16374618/persib.menang").unwrap();
        let para = "Persib Bandung mengalahkan Arema Cronus dalam laga terakhir turnamen \
                    pramusim di Stadion Kapten I Wayan Dipta, Gianyar, Selasa malam.";
        let html = format!(
            "<html><head><title>Persib Menang - Kompas.com</title></head><body>\
             <div class=kcm-read-top><h2>Persib Menang</h2></div>\
             <div class=span6><span class=kcmread1114><strong>KUTA, KOMPAS.com</strong> \
             &mdash; {para}<br><br>{para}<br><br>{para}<br><br>Pelatih puas.</span>\
             <div class=\"kcm-read-copy mb2\"><table class=grey><tbody>\
             <tr><td>Penulis</td><td>: Ferril Dennys</td></tr>\
             <tr><td>Editor</td><td>: Aloysius Gonsaga AE</td></tr>\
             <tr><td>Sumber</td><td>: <a href=http://persib.co.id/>Persib</a></td></tr>\
             </tbody></table></div></div></body></html>"
        );
        let a = crate::sites::read_article(&html, &url).unwrap().article;
        assert_eq!(a.authors, ["Ferril Dennys"]);
        assert_eq!(a.editor.as_deref(), Some("Aloysius Gonsaga AE"));
        assert_eq!(a.source.as_deref(), Some("Persib"));
        let text: Vec<&str> = a.body.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(text.last(), Some(&"Pelatih puas."), "{text:?}");
        assert!(text[0].starts_with("KUTA, KOMPAS.com"), "{text:?}");

        // The other table of those years, a colon in a cell of its own.
        let html = html.replace("kcm-read-copy mb2", "penulis-editor").replace(
            "<td>Editor</td><td>: Aloysius Gonsaga AE</td>",
            "<td>Editor</td><td>:</td><td>Aloysius Gonsaga AE</td>",
        );
        let a = crate::sites::read_article(&html, &url).unwrap().article;
        assert_eq!(a.authors, ["Ferril Dennys"]);
        assert_eq!(a.editor.as_deref(), Some("Aloysius Gonsaga AE"));

        // A contributor is named after the post.
        for credit in [
            "Kontributor Lhokseumawe, Masriadi",
            "KONTRIBUTOR LHOKSEUMAWE,Masriadi",
        ] {
            let html = html.replace("Ferril Dennys", credit);
            let a = crate::sites::read_article(&html, &url).unwrap().article;
            assert_eq!(a.authors, ["Masriadi"], "{credit}");
        }
    }
}
