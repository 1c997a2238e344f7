//! The page's chrome: its footer and its navigation, the frame every page of a site
//! shares. A page that a script fills in (a shop's product page served as an empty
//! `<div id="root">`) holds nothing else, and Readability, finding no article, takes the
//! footer's lists of links for one. What is read from such a page is what it holds
//! besides, if anything: a shop whose short product lines lost to a long footnote in the
//! footer has those lines.

use scraper::{ElementRef, Html};

use super::walk::{text_chars, walk};
use super::{Candidate, text_len};
use crate::sites::elements::selector;

selector!(CHROME, "footer, nav, [role=contentinfo], [role=navigation]");

/// Whether every one of `blocks` is text of the chrome of `doc`: what is read of the page
/// is its footer or its navigation, and the page has nothing of its own.
pub(super) fn is_all_chrome(doc: &Html, blocks: &[Candidate]) -> bool {
    let read = text_len(blocks);
    if read == 0 {
        return false;
    }
    let chrome: Vec<ElementRef> = doc.select(&CHROME).collect();
    // Most pages read more than their chrome holds: no need to walk it.
    if chrome.iter().map(|&e| text_chars(e)).sum::<usize>() < read {
        return false;
    }
    let chrome: Vec<String> = chrome.into_iter().flat_map(walk).map(|b| b.text).collect();
    // Readability may join or split the blocks of what it takes, so a block is the
    // chrome's when its text is found within the chrome's.
    let chrome = chrome.join("\n");
    !chrome.is_empty() && blocks.iter().all(|b| chrome.contains(&b.text))
}

#[cfg(test)]
mod tests {
    use crate::sites::generic::body;

    fn url() -> url::Url {
        url::Url::parse("https://shop.example.com/item/1").unwrap()
    }

    fn footer() -> &'static str {
        r#"<footer><div class="site-footer"><dl><dt><h5>Help</h5></dt>
        <dd><a href="/help">Help Center</a>, <a href="/disputes">Disputes &amp; Reports</a>,
        <a href="/returns">Return and refund policy</a>, <a href="/ipr">Report IPR
        infringement</a>, <a href="/recalls">Recalls</a></dd>
        <dt><h5>Browse by Category</h5></dt><dd><a href="/all">All Popular</a>,
        <a href="/p">Product</a>, <a href="/promo">Promotion</a>, <a href="/low">Low
        Price</a></dd></dl></div></footer>"#
    }

    #[test]
    fn a_page_of_nothing_but_its_footer_reads_as_nothing() {
        // A product page that scripts fill: an empty root, then the site's footer.
        let html = format!(
            r#"<html><body><div id="header" style="height: 72px"></div><div id="root"></div>
            {}</body></html>"#,
            footer()
        );
        assert!(body(&html, &url()).is_empty());
        // The same with a navigation bar in place of the footer.
        let nav = html
            .replace("<footer>", "<nav>")
            .replace("</footer>", "</nav>");
        assert!(body(&nav, &url()).is_empty());
    }

    #[test]
    fn a_page_whose_footer_outweighs_its_short_lines_reads_its_lines() {
        // A shop's range: a line or two for each model, and a long footnote below.
        let model =
            |n| format!(r#"<div class="model"><h3>Laptop {n}</h3><span>From ${n}99</span></div>"#);
        let html = format!(
            r#"<html><body><div id="root">{}</div><footer><p>{}</p></footer></body></html>"#,
            (1..=12).map(model).collect::<String>(),
            "Monthly payments are subject to credit approval and to the terms of the card. "
                .repeat(12)
        );
        let got = body(&html, &url());
        let texts: Vec<&str> = got.iter().map(|b| b.text.as_str()).collect();
        assert!(texts.contains(&"Laptop 12"), "{texts:?}");
        assert!(!texts.iter().any(|t| t.starts_with("Monthly")), "{texts:?}");
    }

    #[test]
    fn a_short_text_beside_the_footer_is_read() {
        let html = format!(
            r#"<html><body><div id="root"><p>Sold out: back in March.</p></div>{}</body></html>"#,
            footer()
        );
        let got = body(&html, &url());
        assert!(
            got.iter().any(|b| b.text == "Sold out: back in March."),
            "{got:?}"
        );
    }
}
