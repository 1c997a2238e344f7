//! What the real pages' truth files say of an article's text, checked the same way for
//! every site: `../shared/fixtures/real/*/NAME.truth.json`.

use kabar::article::Article;
use serde_json::Value;

/// Runs of whitespace made one space, the ends trimmed.
pub fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The article's text as one line.
pub fn body_text(a: &Article) -> String {
    let blocks: Vec<&str> = a.body.iter().map(|b| b.text.as_str()).collect();
    collapsed(&blocks.join(" "))
}

/// Where the text's first paragraph does not start as the truth's first paragraph, the
/// text does not end with its last, or keeps a string the truth names as boilerplate; one
/// line each.
pub fn text_differences(a: &Article, truth: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let body = body_text(a);
    let first = collapsed(truth["first_paragraph"].as_str().unwrap());
    let last = collapsed(truth["last_paragraph"].as_str().unwrap());
    // The first paragraph as the reader sees it: a dateline set apart on the page is
    // still the start of its first paragraph.
    let first_block = a
        .body
        .first()
        .map(|b| collapsed(&b.text))
        .unwrap_or_default();
    if !first_block.starts_with(&first) {
        out.push(format!(
            "the first paragraph is {:?}, not {first:?}",
            first_block.chars().take(160).collect::<String>()
        ));
    }
    if !body.ends_with(&last) {
        let tail: String = body
            .chars()
            .rev()
            .take(160)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        out.push(format!("the text ends {tail:?}, not with {last:?}"));
    }
    for s in truth["boilerplate_present"].as_array().unwrap() {
        let s = collapsed(s.as_str().unwrap());
        if body.contains(&s) {
            out.push(format!("boilerplate in the text: {s:?}"));
        }
    }
    out
}
