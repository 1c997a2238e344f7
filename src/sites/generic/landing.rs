//! Pages that are not articles: a product, a service, a shop's category. Such a page is
//! made of sections (a description, a specification table, features, a price box, a
//! list of items), each of them short, and Readability, which looks for the one element
//! that holds an article, takes one of them. A page that does not say it is an article,
//! whose main region holds much more text than that one section, is read by its region;
//! so is a page that says it is a product, however short the section taken.

use super::{Candidate, Declared, Region, SHORT_PICK_CHARS, text_len};

/// A pick of this many bytes of text or more is a long text of its own (some 1,600
/// words): what the page is about, whatever else the page holds (the same sections again
/// in hidden pop-ups, a catalogue below it).
const LONG_PICK_CHARS: usize = 10_000;

/// How much more text the region holds, without its furniture, than the pick, in tenths:
/// half as much again is more than one section's worth.
const REGION_OVER_PICK_TENTHS: usize = 15;

/// The blocks of `region`, the main region of a page that says it is `declared`, when the
/// page is made of sections and Readability's pick of `picked` bytes holds one of them.
pub(super) fn sections(
    declared: Declared,
    region: &Region,
    picked: usize,
) -> Option<Vec<Candidate>> {
    if picked >= LONG_PICK_CHARS {
        return None;
    }
    // A product page is made of sections whatever the size of the one picked (a
    // description in one tab, the features in the next), and says what it is even where
    // a plugin calls every page an article.
    if !declared.product && (picked < SHORT_PICK_CHARS || declared.article) {
        return None;
    }
    let whole = region.whole();
    (text_len(whole) * 10 > picked * REGION_OVER_PICK_TENTHS).then(|| whole.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sites::generic::cleanup::clean;
    use crate::sites::generic::walk::walk_region;
    use crate::sites::generic::{body, items};
    use crate::sites::meta::JsonLd;
    use scraper::Html;

    /// A product page: a description Readability takes for the article, and beside it a
    /// specification table and a list of features, each line too short to weigh with it,
    /// and customer reviews.
    fn product_page(og_type: &str) -> String {
        let description: String = (1..=9)
            .map(|n| {
                format!(
                    "<p>Paragraph {n} of the description: the desk rises and falls on two quiet \
                     motors, holds its height to the millimetre, and is built to last.</p>"
                )
            })
            .collect();
        let specs: String = (1..=40)
            .map(|n| format!("<tr><th>Spec {n}</th><td>Value {n} mm</td></tr>"))
            .collect();
        let features: String = (1..=12)
            .map(|n| {
                format!(r#"<div class="feature"><h3>Feature {n}</h3><span>Does {n}</span></div>"#)
            })
            .collect();
        // What buyers say is theirs, not the page's: left out as comments are.
        let reviews: String = (1..=6)
            .map(|n| format!("<p>Review {n}: bought it for my office and love it.</p>"))
            .collect();
        format!(
            r#"<html><head><meta property="og:type" content="{og_type}"></head><body>
            <main><h1>Standing Desk</h1><div class="description">{description}</div>
            <table class="specs">{specs}</table><div class="features">{features}</div>
            <div class="product-reviews">{reviews}</div></main>
            </body></html>"#
        )
    }

    fn url() -> url::Url {
        url::Url::parse("https://shop.example.com/desk").unwrap()
    }

    #[test]
    fn a_product_page_keeps_its_description_and_its_specifications() {
        let got = body(&product_page("product"), &url());
        let texts: Vec<&str> = got.iter().map(|b| b.text.as_str()).collect();
        for line in [
            "Standing Desk",
            "Spec 1 | Value 1 mm",
            "Spec 40 | Value 40 mm",
            "Feature 12",
        ] {
            assert!(texts.contains(&line), "{line}: {texts:?}");
        }
        assert!(
            texts.iter().any(|t| t.starts_with("Paragraph 9")),
            "{texts:?}"
        );
        assert!(!texts.iter().any(|t| t.starts_with("Review")), "{texts:?}");
    }

    #[test]
    fn a_page_that_says_it_is_an_article_keeps_readabilitys_pick() {
        let region_of = |html: &str| {
            let doc = Html::parse_document(html);
            let region = &Region::new(items::main_region(&doc).unwrap());
            let whole = text_len(&clean(walk_region(region.el)));
            let declared = Declared::of(&doc, &JsonLd::of(&doc));
            (
                sections(declared, region, SHORT_PICK_CHARS).is_some(),
                whole,
            )
        };
        let (read, whole) = region_of(&product_page("product"));
        assert!(read);
        assert!(whole * 10 > SHORT_PICK_CHARS * REGION_OVER_PICK_TENTHS);
        let (read, _) = region_of(&product_page("article"));
        assert!(!read, "og:type article");
        let ld = product_page("website").replace(
            "</head>",
            r#"<script type="application/ld+json">{"@type":"BlogPosting"}</script></head>"#,
        );
        assert!(!region_of(&ld).0, "JSON-LD BlogPosting");
    }

    #[test]
    fn a_long_pick_or_most_of_the_region_is_kept() {
        // A page that says nothing of itself: a product's sections are read whatever
        // the size of the one picked (see below).
        let html = product_page("website");
        let doc = Html::parse_document(&html);
        let region = &Region::new(items::main_region(&doc).unwrap());
        let whole = text_len(&clean(walk_region(region.el)));
        let declared = Declared::of(&doc, &JsonLd::of(&doc));
        // A pick of two thirds of the region's text or more is most of it.
        assert!(sections(declared, region, whole * 10 / REGION_OVER_PICK_TENTHS - 1).is_some());
        assert!(sections(declared, region, whole * 10 / REGION_OVER_PICK_TENTHS + 1).is_none());
        // Below the short-pick bound the short-pick rule decides; a long pick is the page.
        assert!(sections(declared, region, SHORT_PICK_CHARS - 1).is_none());
        assert!(sections(declared, region, LONG_PICK_CHARS).is_none());
    }

    /// A shop's product page in tabs: the description, the one Readability takes, is
    /// short; the features and what is in the box are lists in the tabs beside it. The
    /// shop's SEO plugin calls the page an article, and its shop a product.
    fn tabbed_product(head: &str) -> String {
        let description: String = (1..=6)
            .map(|n| {
                format!(
                    "<p>Paragraph {n} of the description: the dryer's ceramic heat and its \
                     ions leave the hair smooth, soft and shiny, and it dries fast.</p>"
                )
            })
            .collect();
        let list =
            |what: &str| -> String { (1..=12).map(|n| format!("<li>{what} {n}</li>")).collect() };
        format!(
            r#"<html><head>{head}</head><body><main><h1>Pro Hair Dryer</h1>
            <section class="product-tabs"><div id="content-1">{description}</div>
            <div id="content-2"><ul>{}</ul></div><div id="content-3"><ul>{}</ul></div>
            </section></main></body></html>"#,
            list("Feature number"),
            list("In the box, part")
        )
    }

    #[test]
    fn a_product_page_is_read_whole_however_short_its_pick_and_whatever_its_plugin_says() {
        let texts = |html: &str| -> Vec<String> {
            body(html, &url()).into_iter().map(|b| b.text).collect()
        };
        let plugin = r#"<meta property="og:type" content="article">"#;
        let shop = r#"<meta property="og:type" content="og:product">"#;
        let got = texts(&tabbed_product(&format!("{plugin}{shop}")));
        for line in ["Feature number 12", "In the box, part 12"] {
            assert!(got.iter().any(|t| t == line), "{line}: {got:?}");
        }
        assert!(got.iter().any(|t| t.starts_with("Paragraph 6")), "{got:?}");
        let ld = r#"<script type="application/ld+json">{"@type":"Product","name":"Pro Hair Dryer"}</script>"#;
        let got = texts(&tabbed_product(&format!("{plugin}{ld}")));
        assert!(got.iter().any(|t| t == "Feature number 12"), "{got:?}");
        // Without the shop's word, an article is what the page says it is.
        let got = texts(&tabbed_product(plugin));
        assert!(!got.iter().any(|t| t == "Feature number 12"), "{got:?}");
    }

    /// A firm's page of its services: a line of introduction, then the services as
    /// promotion cards, each a link around a name and a description, and beside them a
    /// call to subscribe.
    fn services_page() -> String {
        let card = |n: usize| {
            format!(
                r#"<div class="promo-card"><a href="/services/{n}"><h3>Service {n}</h3>
                <p>What service {n} does for a client: it looks at the business, finds what
                holds it back and helps it grow.</p><span>Find out more</span></a></div>"#
            )
        };
        let row = |r: usize| -> String {
            let cards: String = (1..=4).map(|c| card(r * 4 + c)).collect();
            format!(r#"<div class="grid">{cards}</div>"#)
        };
        let rows: String = (0..3).map(row).collect();
        let menu: String = (1..=30)
            .map(|n| format!(r#"<li><a href="/m{n}">Menu entry {n}</a></li>"#))
            .collect();
        format!(
            r#"<html><head><title>Our services</title></head><body>
            <header><nav><ul>{menu}</ul></nav></header>
            <div class="intro"><h1>Our services</h1><p>Whatever your business, our people
            help it thrive.</p></div>
            <div class="promo-container">{rows}</div>
            <div class="cta-banner"><p>Subscribe to our insights, every week.</p></div>
            <footer><p>Contact us</p></footer></body></html>"#
        )
    }

    #[test]
    fn a_page_of_promotion_cards_reads_them_and_leaves_a_call_to_subscribe_out() {
        let got: Vec<String> = body(&services_page(), &url())
            .into_iter()
            .map(|b| b.text)
            .collect();
        for line in ["Our services", "Service 1", "Service 12"] {
            assert!(got.iter().any(|t| t == line), "{line}: {got:?}");
        }
        assert!(
            got.iter().any(|t| t.starts_with("What service 12 does")),
            "{got:?}"
        );
        assert!(!got.iter().any(|t| t.starts_with("Subscribe")), "{got:?}");
        assert!(!got.iter().any(|t| t.starts_with("Menu entry")), "{got:?}");
    }
}
