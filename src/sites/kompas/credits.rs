//! Who wrote the article, who edited it, and where it came from, from the credit block of
//! whichever era the page is from.

use scraper::{Html, Selector};

use crate::sites::elements::{selector, text_of, texts};

selector!(CREDIT_MODAL_PERSON, "#creditModal .credit-author");
selector!(CREDIT_NAME, ".credit-author-name");
selector!(CREDIT_POSITION, ".credit-author-position");
selector!(CREDIT_HEADER_NAME, ".credit-title-nameEditor");
selector!(OLD_WRITER, ".read__credit__item#penulis a");
selector!(OLD_EDITOR, ".read__credit__item#editor a");
selector!(
    COLUMNIST,
    ".opinion__author a.opinion__link, .opinion__author a"
);
selector!(CREDIT_SOURCE, ".credit-source");
// 2014–16: a table of rows "Penulis | : name", "Editor | : name", "Sumber | : name".
selector!(CREDIT_TABLE_ROW, ".kcm-read-copy tr, .penulis-editor tr");
selector!(CELL, "td");
selector!(HEADER_TEXT, ".read__header *, .credit *");

/// Writers and editor from the credit block of whichever era the page is from.
pub(super) struct Credits {
    pub(super) authors: Option<Vec<String>>,
    pub(super) editor: Option<String>,
}

impl Credits {
    pub(super) fn read(doc: &Html) -> Self {
        // 2023+: a modal lists every person with their role.
        let mut authors = Vec::new();
        let mut editor = None;
        for person in doc.select(&CREDIT_MODAL_PERSON) {
            let name = person.select(&CREDIT_NAME).next().map(text_of);
            let role = person.select(&CREDIT_POSITION).next().map(text_of);
            let Some(name) = name.filter(|n| !n.is_empty()) else {
                continue;
            };
            match role {
                Some(r) if r.to_lowercase().contains("editor") => {
                    editor.get_or_insert(name);
                }
                _ => authors.push(name),
            }
        }
        let names = |s: &Selector| -> Vec<String> {
            texts(doc, s)
                .into_iter()
                .map(|n| n.trim_end_matches([',', ' ']).to_string())
                .filter(|n| !n.is_empty())
                .collect()
        };
        for fallback in [&*CREDIT_HEADER_NAME, &*OLD_WRITER, &*COLUMNIST] {
            if authors.is_empty() {
                authors = names(fallback);
            }
        }
        if authors.is_empty() {
            authors = table_credit(doc, "penulis").into_iter().collect();
        }
        // Whichever block named them, a contributor is named with the post.
        let authors: Vec<String> = authors
            .iter()
            .map(|name| without_post(name).to_string())
            .collect();
        Credits {
            authors: Some(authors).filter(|a| !a.is_empty()),
            editor: editor
                .or_else(|| names(&OLD_EDITOR).into_iter().next())
                .or_else(|| table_credit(doc, "editor")),
        }
    }
}

/// A writer's name without the post written before it: "Kontributor Lhokseumawe,
/// Masriadi" is Masriadi, the paper's contributor in Lhokseumawe.
fn without_post(name: &str) -> &str {
    match name.split_once(',') {
        Some((post, rest))
            if post.to_lowercase().starts_with("kontributor ") && !rest.trim().is_empty() =>
        {
            rest.trim()
        }
        _ => name,
    }
}

/// The name in the 2014–16 credit table's row labelled `label` (lower case): the first
/// cell after the label with more than the colon.
fn table_credit(doc: &Html, label: &str) -> Option<String> {
    doc.select(&CREDIT_TABLE_ROW).find_map(|row| {
        let mut cells = row.select(&CELL).map(text_of);
        if !cells.next()?.eq_ignore_ascii_case(label) {
            return None;
        }
        cells
            .map(|c| c.trim_start_matches([':', ' ']).trim().to_string())
            .find(|name| !name.is_empty())
    })
}

/// "Sumber Reuters" near the credit block.
pub(super) fn source(doc: &Html) -> Option<String> {
    let from = |t: String| {
        t.strip_prefix("Sumber")
            .map(|s| s.trim_start_matches([':', ' ']).trim().to_string())
            .filter(|s| !s.is_empty() && s.len() < 80)
    };
    doc.select(&CREDIT_SOURCE)
        .map(text_of)
        .find_map(from)
        .or_else(|| {
            doc.select(&HEADER_TEXT)
                .filter(|e| e.children().all(|c| !c.value().is_element()))
                .map(text_of)
                .find_map(from)
        })
        .or_else(|| table_credit(doc, "sumber"))
}
