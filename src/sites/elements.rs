//! Reading elements: static selectors and the clean text of an element. A leaf every
//! profile and the list reader share, so no profile has to borrow these from another.

use scraper::{ElementRef, Html, Selector};

use crate::sanitize;

/// A selector written in the source; a typo in one is a bug, found by the first test
/// that reads a page.
pub fn sel(css: &str) -> Selector {
    Selector::parse(css).expect("static selector is valid")
}

/// A selector built once, on first use.
macro_rules! selector {
    ($name:ident, $css:expr) => {
        static $name: std::sync::LazyLock<scraper::Selector> =
            std::sync::LazyLock::new(|| $crate::sites::elements::sel($css));
    };
}
pub(crate) use selector;

/// The value of the attribute `name` (one outside any namespace) of `e`, as
/// `Element::attr` gives it. That one makes an atom of the name it is given at every call,
/// hashing the name; walks that ask every element for its class and id call it millions
/// of times a page set, so they give the atom (`local_name!("class")`) made once.
pub fn attr<'a>(e: &'a scraper::node::Element, name: &html5ever::LocalName) -> Option<&'a str> {
    e.attrs
        .iter()
        .find(|(n, _)| n.prefix.is_none() && n.ns == html5ever::ns!() && n.local == *name)
        .map(|(_, value)| &**value)
}

/// The element's text, inline: whitespace folded, controls and bidi marks removed.
pub fn text_of(e: ElementRef<'_>) -> String {
    sanitize::inline(&e.text().collect::<String>())
}

/// What `e` says: a `<meta>` tag's content (a site's own tag for its writer or its
/// time, named by a profile's selector), any other element's text.
fn value_of(e: ElementRef<'_>) -> String {
    match e.value().name() {
        "meta" => e
            .value()
            .attr("content")
            .map(sanitize::inline)
            .unwrap_or_default(),
        _ => text_of(e),
    }
}

/// The first non-empty text of the elements `selector` finds.
pub fn first_text(doc: &Html, selector: &Selector) -> Option<String> {
    doc.select(selector).map(value_of).find(|t| !t.is_empty())
}

/// The distinct non-empty texts of the elements `selector` finds ([`value_of`]), in page
/// order.
pub fn texts(doc: &Html, selector: &Selector) -> Vec<String> {
    // Seen texts in a set: a page may hold a hundred thousand tags.
    let mut seen = std::collections::HashSet::new();
    doc.select(selector)
        .map(value_of)
        .filter(|t| !t.is_empty() && seen.insert(t.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5ever::local_name;

    #[test]
    fn attr_reads_what_element_attr_reads() {
        let doc = Html::parse_document(
            r##"<div class="a b" id="x"><input type="hidden"><svg><use xlink:href="#i"/>
            <use href="#j"/></svg></div>"##,
        );
        let names = [
            local_name!("class"),
            local_name!("id"),
            local_name!("type"),
            local_name!("href"),
            local_name!("title"),
        ];
        let mut read = 0;
        for el in doc.root_element().descendent_elements() {
            for name in &names {
                let got = attr(el.value(), name);
                assert_eq!(got, el.value().attr(name), "{name} of {}", el.html());
                read += usize::from(got.is_some());
            }
        }
        // class, id, type and the one href without a namespace.
        assert_eq!(read, 4);
    }
}
