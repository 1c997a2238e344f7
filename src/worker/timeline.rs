//! The "Semua" (all) timeline: every source's list and Kompas's first section merged by
//! time, each headline labelled with its source. Sources are fetched at once, each on
//! its own; the timeline waits for them at most [`WAIT`], so a dead or slow source never
//! holds up the rest: what it last gave (from the store) stands in, and a notice names it.

use std::collections::HashSet;
use std::time::Duration;

use crate::article::Headline;

/// The address the reader asks for the timeline by; no page has it.
pub const TIMELINE_URL: &str = "kabar:semua";

/// The longest the timeline waits for its sources.
pub const WAIT: Duration = Duration::from_millis(800);

/// One source of the timeline: the name its headlines are labelled with and its list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineSource {
    pub name: String,
    pub url: String,
}

/// The lists, newest first (undated headlines after the dated, in source order), each
/// headline's label prefixed by its source's name. A URL reached through two sources is
/// one headline, from the first source that gives it.
pub(super) fn merge(lists: Vec<(&str, Vec<Headline>)>) -> Vec<Headline> {
    let mut seen = HashSet::new();
    let mut all: Vec<Headline> = lists
        .into_iter()
        .flat_map(|(source, list)| {
            list.into_iter().map(move |mut h| {
                // A feed without categories labels its items with its own name
                // ("Tempo.co - Nasional"), which the source's name already says.
                let says_source = |l: &str| l.to_lowercase().contains(&source.to_lowercase());
                h.label = Some(match h.label.take() {
                    Some(label) if !says_source(&label) => format!("{source} · {label}"),
                    _ => source.to_string(),
                });
                h
            })
        })
        .filter(|h| seen.insert(h.url.clone()))
        .collect();
    // A stable sort keeps source order among equal times.
    all.sort_by_key(|h| std::cmp::Reverse(h.published));
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn h(url: &str, label: Option<&str>, at: Option<&str>) -> Headline {
        Headline {
            title: url.to_uppercase(),
            url: url.into(),
            label: label.map(str::to_string),
            published: at.map(|t| DateTime::parse_from_rfc3339(t).unwrap()),
        }
    }

    #[test]
    fn merged_by_time_labelled_by_source_one_headline_per_url() {
        let kompas = vec![
            h("k1", Some("Nasional"), Some("2026-11-30T10:00:00+07:00")),
            h("shared", Some("Money"), Some("2026-11-30T08:00:00+07:00")),
        ];
        let antara = vec![
            h("a1", Some("Ekonomi"), Some("2026-11-30T03:30:00Z")),
            h("shared", None, Some("2026-11-30T08:00:00+07:00")),
            h("a2", Some("ANTARA News - Terkini"), None),
        ];
        let merged = merge(vec![("Kompas", kompas), ("ANTARA", antara)]);
        let got: Vec<(&str, Option<&str>)> = merged
            .iter()
            .map(|h| (h.url.as_str(), h.label.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("a1", Some("ANTARA · Ekonomi")),
                ("k1", Some("Kompas · Nasional")),
                ("shared", Some("Kompas · Money")),
                ("a2", Some("ANTARA")),
            ]
        );
    }
}
