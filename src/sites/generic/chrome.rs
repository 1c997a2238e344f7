//! The page's chrome: its footer and its navigation, the frame every page of a site
//! shares, marked as such (`<footer>`, `<nav>`, their ARIA roles) or named so in a class
//! or id (`eve-container-part-footer`, BEM's `gh__nav__menu`). A page that a script
//! fills in (a shop's product page served as an empty `<div id="root">`) holds nothing
//! else, and Readability, finding no article, takes the footer's lists of links for one.
//! What is read from such a page is what it holds besides, if anything: a shop whose short
//! product lines lost to a long footnote in the footer has those lines.

use std::cell::OnceCell;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use html5ever::local_name;
use scraper::{ElementRef, Html, Node};

use super::walk::{is_skipped_tag, named_chrome, text_chars, trimmed_len};
use super::{Candidate, bare, text_len};
use crate::sites::elements::{attr, selector};

/// The text of a page's chrome, by its letters and digits alone ([`bare`]): Readability
/// may join or split the blocks of what it takes, and the walk folds whitespace and drops
/// what does not show, so a block is the chrome's when its letters are found within the
/// chrome's.
/// The chrome's own text is taken whole, not walked: a promotion in a menu is the
/// menu's, though a walk would leave it out as a promotion.
pub(super) struct Chrome {
    bare: String,
}

impl Chrome {
    /// Whether `block` is text of the chrome.
    pub(super) fn holds(&self, block: &Candidate) -> bool {
        self.bare.contains(&bare([block.text.as_str()], usize::MAX))
    }
}

/// The chrome of `doc` when every one of `blocks` is text of it: what is read of the page
/// is its footer or its navigation, and the page may have nothing of its own.
pub(super) fn all_chrome(doc: &Html, blocks: &[Candidate]) -> Option<Chrome> {
    let read = text_len(blocks);
    if read == 0 {
        return None;
    }
    let chrome = chrome_of(doc);
    // Most pages read more than their chrome holds: no need to look further.
    if chrome.iter().map(|&e| text_chars(e)).sum::<usize>() < read {
        return None;
    }
    let chrome = Chrome {
        bare: bare(chrome.iter().flat_map(|e| e.text()), usize::MAX),
    };
    (!chrome.bare.is_empty() && blocks.iter().all(|b| chrome.holds(b))).then_some(chrome)
}

/// The outermost elements of the chrome of `doc`, in document order: an element inside
/// one (every part of a BEM footer is named `footer__…`) is the same chrome again. Asked
/// of every page read, so each element is looked at by its tag and attributes alone, and
/// the content holders are found only when an element is named as chrome.
fn chrome_of(doc: &Html) -> Vec<ElementRef<'_>> {
    let holders = OnceCell::new();
    let mut found = Vec::new();
    let mut inside = None;
    for edge in doc.root_element().traverse() {
        match edge {
            Edge::Open(node) if inside.is_none() => {
                if let Some(el) = ElementRef::wrap(node)
                    && (is_marked_chrome(el)
                        || (is_named_chrome(el)
                            && !holders
                                .get_or_init(|| content_holders(doc))
                                .contains(&el.id())))
                {
                    inside = Some(node.id());
                    found.push(el);
                }
            }
            Edge::Close(node) if inside == Some(node.id()) => inside = None,
            _ => {}
        }
    }
    found
}

/// Bytes of the text of `doc` outside its marked chrome ([`is_marked_chrome`]) and
/// outside the elements the walk never reads ([`is_skipped_tag`]: the head and its title,
/// scripts, `<noscript>` (a tracking pixel's fallback), controls): what the page may say
/// of its own.
pub(super) fn text_beside_chrome(doc: &Html) -> usize {
    let mut chars = 0;
    let mut inside = None;
    for edge in doc.root_element().traverse() {
        match edge {
            Edge::Open(node) if inside.is_none() => match node.value() {
                Node::Text(t) => chars += trimmed_len(t),
                Node::Element(e)
                    if is_skipped_tag(e.name())
                        || ElementRef::wrap(node).is_some_and(is_marked_chrome) =>
                {
                    inside = Some(node.id());
                }
                _ => {}
            },
            Edge::Close(node) if inside == Some(node.id()) => inside = None,
            _ => {}
        }
    }
    chars
}

/// Whether `el` is marked as chrome: `<footer>`, `<nav>`, or their ARIA roles.
pub(super) fn is_marked_chrome(el: ElementRef) -> bool {
    let v = el.value();
    matches!(v.name(), "footer" | "nav")
        || matches!(
            attr(v, &local_name!("role")),
            Some("contentinfo" | "navigation")
        )
}

selector!(CONTENT, "h1, main, article, [role=main]");

/// The elements that hold the page's own content: its main heading, its `<main>` or an
/// `<article>`. A layout's wrapper may be named for the footer it keeps at the bottom
/// (`sticky-footer`, around the whole page) or the navigation beside it
/// (`flex-nav-expanded`), and a footer or a menu holds no such thing. Each element is
/// marked once, however many headings it holds.
fn content_holders(doc: &Html) -> foldhash::HashSet<NodeId> {
    let mut holders = foldhash::HashSet::default();
    for el in doc.select(&CONTENT) {
        for node in std::iter::once(*el).chain(el.ancestors()) {
            if !holders.insert(node.id()) {
                break;
            }
        }
    }
    holders
}

/// Whether `el` is named as chrome ([`named_chrome`]). The page's root and main elements
/// are not, whatever their classes: Bulma's `has-navbar-fixed-top` on `<body>` says the
/// page has a navigation bar.
fn is_named_chrome(el: ElementRef) -> bool {
    let v = el.value();
    !(matches!(v.name(), "html" | "body" | "main" | "article")
        || attr(v, &local_name!("role")) == Some("main"))
        && named_chrome(el)
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
        // The text the page holds beside its frame leaves out what is never read: its
        // title, and the tracking pixels' fallbacks in `<noscript>`.
        let pixels = html.replace(
            "<body>",
            &format!(
                "<head><title>{}</title></head><body>{}",
                "A shop's product page ".repeat(10),
                "<noscript><img src=\"https://pixel.example.com/tr?id=1&amp;ev=PageView&amp;noscript=1\"></noscript>".repeat(4)
            ),
        );
        assert!(super::text_beside_chrome(&scraper::Html::parse_document(&pixels)) < 200);
        // The same with a navigation bar in place of the footer.
        let nav = html
            .replace("<footer>", "<nav>")
            .replace("</footer>", "</nav>");
        assert!(body(&nav, &url()).is_empty());
    }

    /// AliExpress's product page in the WCXB sample: the frame's hidden leftovers (the
    /// site's name, a skip link), an empty root and the footer. Readability, not given the
    /// frame, takes the leftovers; given it, it takes the footer, and the page is known to
    /// hold nothing else.
    #[test]
    fn a_real_page_that_scripts_fill_reads_as_nothing() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/bench/wcxb-sample/html/4721.html.gz"
        );
        let mut html = String::new();
        std::io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap()),
            &mut html,
        )
        .unwrap();
        let url = url::Url::parse("https://www.aliexpress.com/item/1.html").unwrap();
        let got = body(&html, &url);
        assert!(got.is_empty(), "{got:?}");
    }

    /// The frame made of `<div>`s, named for what it is: a footer in a class, a menu in
    /// BEM's `block__element` names with a promotion in it, and a spinner where the
    /// products will be.
    #[test]
    fn a_page_of_nothing_but_a_footer_named_in_its_classes_reads_as_nothing() {
        let links = |title: &str| {
            format!(
                r#"<div class="us-fotter-left-item"><div class="us-fotter-left-item-title">{title}</div>
                <a href="/about">About us</a><a href="/contact">Contact us</a>
                <a href="/warranty">Warranty and returns</a><a href="/shipping">Shipping policy</a>
                <a href="/terms">Terms and conditions</a><a href="/privacy">Privacy policy</a></div>"#
            )
        };
        let html = format!(
            r#"<html><body><div class="gh__nav"><div class="gh__nav__menu">
            <div class="gh__nav__menu__promo-card"><a href="/gifts"><h3>A GIFT FROM THE HEART</h3>
            <p>Find a gift for someone special, and even save on select products</p></a></div>
            </div></div><div id="root"><div class="spin">Loading</div></div>
            <div class="eve-container-part-footer">{}{}
            <p>Subscribe and get $30 off: sign up for early event alerts and members-only
            deals, and by subscribing you agree to receive our marketing emails.</p></div>
            </body></html>"#,
            links("GET TO KNOW US"),
            links("SUPPORT")
        );
        assert_eq!(body(&html, &url()), Vec::new());
    }

    /// A layout's wrapper named for the footer it keeps at the bottom, or for the
    /// navigation beside the content, holds the page: it is no footer.
    #[test]
    fn a_layout_named_for_its_footer_or_navigation_is_no_footer() {
        let story = "<h1>Gummies that help you decompress</h1>\
            <p>Each gummy has 10 mg of CBD, and each jar holds an assortment of fruit flavours \
            that taste as good as they help.</p>";
        for wrapper in [
            r#"<div class="sticky-footer">"#,
            r#"<div class="flex-nav-expanded">"#,
        ] {
            let html = format!(
                r#"<html><body class="has-navbar-fixed-top">{wrapper}<div class="sticky-footer_body">{story}</div>
                <footer><a href="/about">About us</a></footer></div></body></html>"#
            );
            let got = body(&html, &url());
            assert!(
                got.iter()
                    .any(|b| b.text.starts_with("Each gummy has 10 mg")),
                "{wrapper}: {got:?}"
            );
        }
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
