//! What a page says about itself outside its text: meta tags, the canonical link and
//! schema.org JSON-LD. Every profile falls back to these, and pages without a profile
//! get their title, date and authors from here.

use chrono::{DateTime, FixedOffset};
use scraper::Html;
use serde_json::Value;
use url::Url;

use super::dates;
use super::elements::selector;
use crate::sanitize;

selector!(META, "meta[content]");
selector!(CANONICAL, "link[rel~=canonical][href]");
selector!(TITLE, "title");
selector!(LD_JSON, r#"script[type="application/ld+json"]"#);

/// The `content` of `<meta property=key>` or `<meta name=key>` (first non-empty), clean.
pub fn meta(doc: &Html, key: &str) -> Option<String> {
    doc.select(&META)
        .filter(|m| {
            let v = m.value();
            [v.attr("property"), v.attr("name"), v.attr("itemprop")]
                .into_iter()
                .flatten()
                .any(|k| k.eq_ignore_ascii_case(key))
        })
        .filter_map(|m| m.value().attr("content"))
        .map(sanitize::inline)
        .find(|s| !s.is_empty())
}

/// Where the page says it lives: `link[rel=canonical]`, else `og:url`.
pub fn canonical(doc: &Html, base: &Url) -> Option<Url> {
    doc.select(&CANONICAL)
        .filter_map(|l| l.value().attr("href"))
        .chain(meta(doc, "og:url").as_deref())
        .find_map(|href| sanitize::link(href, base))
}

/// The page title from `og:title` or `<title>`, with a trailing site name (` - Kompas.com`,
/// ` | The Site`) taken off when the page names its site.
pub fn title(doc: &Html) -> Option<String> {
    let raw = meta(doc, "og:title").or_else(|| {
        doc.select(&TITLE)
            .next()
            .map(|t| sanitize::inline(&t.text().collect::<String>()))
    })?;
    let site = meta(doc, "og:site_name");
    Some(strip_site_suffix(&raw, site.as_deref()))
}

fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" - ", " | ", " – ", " — "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_l = tail.trim().to_lowercase();
            let named = site.is_some_and(|s| s.trim().to_lowercase() == tail_l);
            if named || tail_l == "kompas.com" {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The fields of a schema.org article object in the page's JSON-LD.
#[derive(Debug, Default)]
pub struct LdArticle {
    pub headline: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    pub authors: Vec<String>,
    pub keywords: Vec<String>,
    pub image: Option<String>,
}

/// JSON-LD longer than this is skipped: a parsed JSON value takes many times its text
/// (a megabyte of `{"a":1}` is over 50 MB of objects), and real article metadata takes a
/// few kilobytes, or a few hundred with the whole text in `articleBody`.
const MAX_LD_BYTES: usize = 1024 * 1024;

/// The first JSON-LD object whose `@type` is an article kind; empty when there is none or
/// the JSON is broken (pages ship broken JSON-LD often enough).
pub fn ld_article(doc: &Html) -> LdArticle {
    let mut objects = Vec::new();
    for script in doc.select(&LD_JSON) {
        let size: usize = script.text().map(str::len).sum();
        if size > MAX_LD_BYTES {
            continue;
        }
        let raw: String = script.text().collect();
        if let Ok(v) = serde_json::from_str::<Value>(raw.trim()) {
            flatten(v, &mut objects);
        }
    }
    let Some(obj) = objects.into_iter().find(is_article) else {
        return LdArticle::default();
    };
    LdArticle {
        headline: obj["headline"].as_str().map(sanitize::inline),
        published: obj["datePublished"].as_str().and_then(dates::parse_iso),
        authors: names(&obj["author"]),
        keywords: match &obj["keywords"] {
            Value::String(s) => split_list(s),
            v => names(v),
        },
        image: match &obj["image"] {
            Value::String(s) => Some(s.clone()),
            Value::Array(a) => a.first().and_then(|i| {
                i.as_str()
                    .map(str::to_string)
                    .or_else(|| i["url"].as_str().map(str::to_string))
            }),
            v => v["url"].as_str().map(str::to_string),
        },
    }
}

fn flatten(v: Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| flatten(i, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

fn is_article(v: &Value) -> bool {
    let is_kind = |t: &str| t.ends_with("Article") || t == "BlogPosting" || t == "Report";
    match &v["@type"] {
        Value::String(t) => is_kind(t),
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).any(is_kind),
        _ => false,
    }
}

/// Names from a JSON-LD person field: a string, an object with `name`, or a list of those.
fn names(v: &Value) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(sanitize::inline(s)),
        v => v["name"].as_str().map(sanitize::inline),
    };
    let list: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        v => one(v).into_iter().collect(),
    };
    list.into_iter().filter(|s| !s.is_empty()).collect()
}

/// A comma-separated list (`content_tags`, `content_author`, JSON-LD `keywords`).
pub fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(sanitize::inline)
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix_goes_only_when_named() {
        assert_eq!(strip_site_suffix("A - B - Kompas.com", None), "A - B");
        assert_eq!(strip_site_suffix("Warta | Harian", Some("Harian")), "Warta");
        assert_eq!(strip_site_suffix("Left - Right", None), "Left - Right");
    }

    #[test]
    fn json_ld_graph_and_broken_json() {
        let doc = Html::parse_document(
            r#"<script type="application/ld+json">{oops</script>
            <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},
            {"@type":["NewsArticle"],"headline":"H","datePublished":"2026-01-02T03:04:05+07:00",
             "author":[{"name":"A"},"B"],"keywords":"x, y"}]}</script>"#,
        );
        let ld = ld_article(&doc);
        assert_eq!(ld.headline.as_deref(), Some("H"));
        assert_eq!(ld.authors, ["A", "B"]);
        assert_eq!(ld.keywords, ["x", "y"]);
        assert!(ld.published.is_some());
    }
}
