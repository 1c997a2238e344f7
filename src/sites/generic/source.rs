//! The page's source as the extractor reads it.
//!
//! Two changes are made to the HTML before it is parsed, each cheaper on the source than
//! on the tree: parts of the page that a script would show are shown, and classes that
//! only style an element under a condition are dropped.

use std::borrow::Cow;

/// `html` prepared for the extractor's parse.
pub fn prepared(html: &str) -> Cow<'_, str> {
    then(shown_streamed(html), without_variant_classes)
}

/// `html` after `step`, copied only when a step changes it.
fn then<'a>(html: Cow<'a, str>, step: fn(&str) -> Cow<'_, str>) -> Cow<'a, str> {
    match html {
        Cow::Borrowed(html) => step(html),
        Cow::Owned(html) => match step(&html) {
            Cow::Owned(changed) => changed.into(),
            Cow::Borrowed(_) => html.into(),
        },
    }
}

/// `html` without the classes that carry a variant prefix (`print:hidden`,
/// `md:share-none`, `hover:underline`): utilities that style an element under a condition
/// and say nothing of what it is, but whose words (`hidden`, `share`) Readability takes
/// for signs of furniture and drops the element for.
fn without_variant_classes(html: &str) -> Cow<'_, str> {
    const CLASS: &str = "class=\"";
    // Filled only once a class is changed: most pages have none to change.
    let mut out = String::new();
    // How much of `html` is in `out`, and how much has been looked at.
    let (mut copied, mut seen) = (0, 0);
    // memchr's vectorised search: with std's, finding the classes and the streamed parts
    // took a tenth as long as parsing the page.
    for at in memchr::memmem::find_iter(html.as_bytes(), CLASS) {
        if at < seen {
            continue; // Within the value before.
        }
        let start = at + CLASS.len();
        let Some(len) = html[start..].find('"') else {
            break;
        };
        let value = &html[start..start + len];
        if value.contains(':') {
            out.push_str(&html[copied..start]);
            let kept: Vec<&str> = value
                .split_whitespace()
                .filter(|c| !c.contains(':'))
                .collect();
            out.push_str(&kept.join(" "));
            copied = start + len;
        }
        seen = start + len;
    }
    if copied == 0 {
        return html.into();
    }
    out.push_str(&html[copied..]);
    out.into()
}

/// React streams the parts of a page that come late in `<div hidden id="S:0">`, and a
/// script moves each into its place; without scripts they stay hidden, and Readability
/// leaves hidden elements out. They are the page's content, so they are shown.
fn shown_streamed(html: &str) -> Cow<'_, str> {
    const HIDDEN: &str = r#"<div hidden id="S:"#;
    if memchr::memmem::find(html.as_bytes(), HIDDEN.as_bytes()).is_some() {
        html.replace(HIDDEN, r#"<div id="S:"#).into()
    } else {
        html.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variant_classes_go_and_the_rest_of_the_page_stays_as_it_was() {
        let page = r#"<div class="md:hidden card">x</div><p class="lead">y</p>
            <a class="hover:underline" href="/">z</a><i class="">w</i>"#;
        assert_eq!(
            without_variant_classes(page),
            r#"<div class="card">x</div><p class="lead">y</p>
            <a class="" href="/">z</a><i class="">w</i>"#
        );
        let plain = r#"<p class="lead">y</p><p class="">z</p>"#;
        assert!(matches!(without_variant_classes(plain), Cow::Borrowed(p) if p == plain));
    }
}
