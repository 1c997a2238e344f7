//! Kompas lists: the headlines of an index, section or home page, and the "Terkini
//! Lainnya" list under an article, read by the site-agnostic list reader with the Kompas
//! rule for which links are articles.

use std::collections::HashSet;

use scraper::{ElementRef, Html};
use url::Url;

use super::urls;
use crate::article::{HeadlinePage, TerkiniLink};
use crate::sanitize;
use crate::sites::elements::selector;
use crate::sites::lists::{ArticleLinks, terkini_links};

selector!(LIST_SCOPES, "div.articleList");
selector!(
    NEXT_PAGE,
    "a.paging__link--next[href], link[rel=next][href], a[rel=next][href]"
);

/// Reads an index, section or home page into its headline list and next-page link.
pub fn headlines(doc: &Html, url: &Url) -> HeadlinePage {
    let lists: Vec<ElementRef<'_>> = doc.select(&LIST_SCOPES).collect();
    let mut headlines = Vec::new();
    let links = ArticleLinks::of(doc, url, urls::article_of);
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

/// "Terkini Lainnya": the element whose text is the heading, then the list of article
/// links that follows it, however it is wrapped (see [`ArticleLinks::list_after`]). The
/// page's own article is kept when the list holds it, as the page shows it.
pub(super) fn terkini(doc: &Html, base: &Url) -> Vec<TerkiniLink> {
    let Some(heading) = terkini_heading(doc) else {
        return Vec::new();
    };
    terkini_links(ArticleLinks::of(doc, base, urls::article_of).list_after(heading))
}

/// The innermost element whose whole text is "Terkini Lainnya": the heading itself,
/// whether its words are one text (`<h2>Terkini Lainnya</h2>`) or styled apart
/// (`<h2><span>Terkini</span> Lainnya</h2>`).
fn terkini_heading(doc: &Html) -> Option<ElementRef<'_>> {
    const HEADING: &str = "Terkini Lainnya";
    // Only short text that holds the word can be part of the heading; checking those
    // first spares building the text of every element of a big page. Going up from one,
    // the text only grows, so the climb stops once it is longer than the heading.
    doc.root_element()
        .descendants()
        .filter(|n| {
            n.value().as_text().is_some_and(|t| {
                t.len() < 4 * HEADING.len() && t.to_ascii_lowercase().contains("lainnya")
            })
        })
        .find_map(|t| {
            t.ancestors()
                .filter_map(ElementRef::wrap)
                .map_while(|e| Some((e, short_text(e, 4 * HEADING.len())?)))
                .find(|(_, text)| sanitize::inline(text).eq_ignore_ascii_case(HEADING))
                .map(|(e, _)| e)
        })
}

/// The text of `e` when it is no longer than `max` bytes; none, without reading the
/// rest, when it is longer: a big element's text is not built to be compared with a
/// heading.
fn short_text(e: ElementRef<'_>, max: usize) -> Option<String> {
    let mut text = String::new();
    for t in e.text() {
        if text.len() + t.len() > max {
            return None;
        }
        text.push_str(t);
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(body: &str) -> Vec<String> {
        let url = Url::parse("https://nasional.kompas.com/read/2025/05/28/13300711/x").unwrap();
        let doc = Html::parse_document(&format!("<html><body>{body}</body></html>"));
        terkini(&doc, &url).into_iter().map(|t| t.title).collect()
    }

    fn item(n: u32) -> String {
        format!(
            "<div class=\"article__list\"><h3 class=\"article__title\">\
             <a class=\"article__link\" href=\"https://nasional.kompas.com/read/2025/05/29/{n}/a-{n}\">\
             Berita {n}</a></h3><div class=\"article__subtitle\">Nasional</div>\
             <div class=\"article__date\">29/05/2025, 10:00 WIB</div></div>"
        )
    }

    fn items(range: std::ops::RangeInclusive<u32>) -> String {
        range.map(item).collect()
    }

    fn berita(range: std::ops::RangeInclusive<u32>) -> Vec<String> {
        range.map(|n| format!("Berita {n}")).collect()
    }

    #[test]
    fn a_list_of_one_item_keeps_to_its_item() {
        let url = Url::parse("https://search.kompas.com/search?q=x").unwrap();
        let doc = Html::parse_document(
            "<html><body><div><h1 class=\"title\">Hasil Pencarian</h1>\
             <div class=\"articleList\"><div class=\"articleItem\">\
             <a class=\"article-link\" href=\"https://nasional.kompas.com/read/2026/11/24/1/a\">\
             <h2 class=\"articleTitle\">Satu-satunya hasil</h2></a></div></div></div></body></html>",
        );
        let list = headlines(&doc, &url).headlines;
        let titles: Vec<&str> = list.iter().map(|h| h.title.as_str()).collect();
        assert_eq!(titles, ["Satu-satunya hasil"]);
    }

    /// The labels of three eras' front and section pages: a 2024 headline's channel, a
    /// latest item's label with its relative time beside it, 2015 index items whose
    /// title sits in a box named for the channel, one with its label as a link.
    #[test]
    fn items_are_labelled_with_their_section_in_every_era() {
        let url = Url::parse("https://www.kompas.com/").unwrap();
        let doc = Html::parse_document(
            "<html><body>\
             <div class=hlItem><a href=\"https://regional.kompas.com/read/2024/03/26/1/a\">\
             <div class=hlBox><h1 class=hlTitle>Satu</h1><div class=hlInfo>\
             <div class=hlChannel> REGIONAL </div></div></div></a></div>\
             <div class=wSpec-item><a href=\"https://www.kompas.com/read/2024/03/26/2/b\">\
             <p class=wSpec-subtitle> NEWS <span> - 45 detik lalu </span></p>\
             <h4 class=wSpec-title>Dua</h4></a></div>\
             <ul><li><div class=idx-channel-top><span class=\"small orange\">\
             <a href=\"https://regional.kompas.com/\">Regional</a></span></div>\
             <a href=\"https://regional.kompas.com/read/2015/11/04/3/c\">\
             <div class=channel-headline-header><div class=kcm-title>Tiga</div></div></a>\
             </li><li><a href=\"https://nasional.kompas.com/read/2015/11/04/4/d\">\
             <div class=channel-headline-header><div class=kcm-title>Empat</div>\
             <span class=kcm-date>04/11/2015</span></div></a></li>\
             <li><span class=label>• <a href=\"https://bola.kompas.com/\">Bola</a></span>\
             <a href=\"https://bola.kompas.com/read/2015/11/04/5/e\"><h3>Lima</h3></a></li>\
             </ul></body></html>",
        );
        let labels: Vec<(String, Option<String>)> = headlines(&doc, &url)
            .headlines
            .into_iter()
            .map(|h| (h.title, h.label))
            .collect();
        let want = |t: &str, l: &str| (t.to_string(), Some(l.to_string()));
        assert_eq!(
            labels,
            [
                want("Satu", "REGIONAL"),
                want("Dua", "NEWS"),
                want("Tiga", "Regional"),
                ("Empat".to_string(), None),
                want("Lima", "Bola")
            ]
        );
    }

    #[test]
    fn terkini_in_one_container_after_a_wrapped_heading() {
        let page = format!(
            "<div class=\"title\"><h2 class=\"title__content\">Terkini Lainnya</h2></div>\
             <div class=\"row\"><div class=\"latest ga--latest\">{}</div></div>\
             <div class=\"oldArticle\"><div class=\"title\">Mungkin Anda melewatkan ini</div>\
             <div class=\"latest ga--latest\">{}</div></div>",
            items(1..=15),
            items(20..=24)
        );
        assert_eq!(titles(&page), berita(1..=15));
    }

    /// A redesign may style the heading's words apart.
    #[test]
    fn terkini_whose_heading_words_are_styled_apart() {
        let page = format!(
            "<div class=\"title\"><h2 class=\"title__content\"><span class=\"red\">Terkini</span> \
             Lainnya</h2></div><div class=\"latest ga--latest\">{}</div>",
            items(1..=15)
        );
        assert_eq!(titles(&page), berita(1..=15));
    }

    #[test]
    fn terkini_items_as_siblings_of_the_heading() {
        let page = format!(
            "<section><h2>Terkini Lainnya</h2>{}</section>",
            items(1..=15)
        );
        assert_eq!(titles(&page), berita(1..=15));
    }

    /// Cards 1 to 15 as siblings of the heading, then `next` (the next section's heading)
    /// and cards 20 to 24.
    fn loose_cards(card: impl Fn(u32) -> String, next: &str) -> String {
        let cards = |r: std::ops::RangeInclusive<u32>| r.map(&card).collect::<String>();
        format!(
            "<section><h2>Terkini Lainnya</h2>{}{next}{}</section>",
            cards(1..=15),
            cards(20..=24)
        )
    }

    /// Each item a link around its picture and headline, as Kompas's search and index
    /// cards are: the headline inside the link is the item's, not the next section's.
    #[test]
    fn terkini_siblings_whose_links_wrap_their_headlines() {
        let card = |n: u32| {
            format!(
                "<div class=\"articleItem\"><a class=\"article-link\" \
                 href=\"https://nasional.kompas.com/read/2025/05/29/{n}/a-{n}\">\
                 <div class=\"articleItem-img\"><img src=\"/f{n}.jpg\"></div>\
                 <h2 class=\"articleTitle\">Berita {n}</h2></a></div>"
            )
        };
        let page = loose_cards(card, "<h2>Mungkin Anda melewatkan ini</h2>");
        assert_eq!(titles(&page), berita(1..=15));
    }

    /// A card whose picture alone is the link, its headline beside it: the headline
    /// names the card's one link, and is no section's heading.
    #[test]
    fn terkini_siblings_whose_headlines_are_beside_their_links() {
        let card = |n: u32| {
            format!(
                "<div class=\"card\"><a href=\"https://nasional.kompas.com/read/2025/05/29/{n}/a-{n}\">\
                 <img src=\"/f{n}.jpg\" alt=\"\"></a><h3>Berita {n}</h3></div>"
            )
        };
        let page = loose_cards(
            card,
            "<div class=\"title\">Mungkin Anda melewatkan ini</div>",
        );
        assert_eq!(titles(&page), berita(1..=15));
    }

    #[test]
    fn terkini_siblings_stop_at_the_next_heading_and_its_list() {
        let page = format!(
            "<section><div class=\"title__content\">Terkini Lainnya</div>{}\
             <h2>Mungkin Anda melewatkan ini</h2>{}<div>{}</div></section>",
            items(1..=15),
            items(20..=22),
            items(23..=24)
        );
        assert_eq!(titles(&page), berita(1..=15));
    }

    /// Its cost is bounded in tests/budgets.rs (`terkini_of_20000_loose_links`).
    #[test]
    fn terkini_of_many_siblings_reads_whole() {
        let page = format!(
            "<section><h2>Terkini Lainnya</h2>{}</section>",
            items(1..=20_000)
        );
        assert_eq!(titles(&page).len(), 20_000);
    }
}
