//! Kompas addresses: which are Kompas, which are articles, an article's address as an
//! identity, the index of a section, and the time an article's address carries.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use url::Url;

use crate::sites::dates;

/// The latest-news index: the first section, and the only one without a config.
pub const INDEX_URL: &str = "https://indeks.kompas.com/";

/// The index of one Kompas channel (`nasional`, `bola`, …), or of all the latest news.
pub fn section_url(site: Option<&str>) -> String {
    match site {
        Some(site) => format!("{INDEX_URL}?site={site}"),
        None => INDEX_URL.to_string(),
    }
}

pub fn is_kompas(url: &Url) -> bool {
    url.host_str()
        .is_some_and(|h| h == "kompas.com" || h.ends_with(".kompas.com"))
}

/// Any URL on a Kompas host with `/read/` in its path is an article.
pub fn is_article_url(url: &Url) -> bool {
    is_kompas(url) && url.path().contains("/read/")
}

/// The identity of the article `url` links to, when it links to one: what the list
/// reader needs from a profile.
pub fn article_of(url: Url) -> Option<Url> {
    is_article_url(&url).then(|| clean_url(url))
}

/// Query parameters that only track where a click came from.
fn is_tracking_param(key: &str) -> bool {
    key.starts_with("utm_")
        || matches!(
            key,
            "source" | "medium" | "campaign" | "fbclid" | "gclid" | "from" | "ref" | "page"
        )
}

/// An article URL as an identity: no tracking parameters, no `?page=`, no fragment.
pub fn clean_url(mut url: Url) -> Url {
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !is_tracking_param(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    url.set_fragment(None);
    url
}

/// The time in the article URL: `/read/YYYY/MM/DD/HHMMSSnnn/` or the compact
/// health.kompas.com id `/read/26K24060000168/` (YY, month letter A–L, DD, HHMMSS).
pub fn published_from_url(url: &Url) -> Option<DateTime<FixedOffset>> {
    let segs: Vec<&str> = url.path_segments()?.collect();
    let read = segs.iter().position(|s| *s == "read")?;
    let rest = &segs[read + 1..];
    let hms = |id: &str| -> Option<NaiveTime> {
        let n = |r: std::ops::Range<usize>| id.get(r)?.parse::<u32>().ok();
        NaiveTime::from_hms_opt(n(0..2)?, n(2..4)?, n(4..6)?)
    };
    let local = match rest {
        [y, m, d, id, ..] if y.len() == 4 => {
            let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
            NaiveDateTime::new(date, hms(id).unwrap_or(NaiveTime::MIN))
        }
        [id, ..] if id.len() >= 11 && id.is_ascii() => {
            let month = id.as_bytes()[2].to_ascii_uppercase();
            if !(b'A'..=b'L').contains(&month) {
                return None;
            }
            let date = NaiveDate::from_ymd_opt(
                2000 + id[0..2].parse::<i32>().ok()?,
                u32::from(month - b'A') + 1,
                id[3..5].parse().ok()?,
            )?;
            NaiveDateTime::new(date, hms(&id[5..]).unwrap_or(NaiveTime::MIN))
        }
        _ => return None,
    };
    dates::wib()
        .from_local_datetime(&local)
        .single()
        .and_then(crate::article::plausible_date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_parameters_go() {
        let u = Url::parse("https://x.kompas.com/read/1/a?source=terkini&utm_medium=x&id=3#top")
            .unwrap();
        assert_eq!(clean_url(u).as_str(), "https://x.kompas.com/read/1/a?id=3");
    }

    #[test]
    fn a_section_is_the_index_of_its_channel() {
        assert_eq!(section_url(None), INDEX_URL);
        assert_eq!(
            section_url(Some("nasional")),
            "https://indeks.kompas.com/?site=nasional"
        );
    }

    #[test]
    fn time_from_url() {
        let t = |s: &str| published_from_url(&Url::parse(s).unwrap()).map(|t| t.to_rfc3339());
        assert_eq!(t("https://www.kompas.com/read/0500/01/01/10000000/x"), None);
        assert_eq!(
            t("https://health.kompas.com/read/26K24060000168/x").as_deref(),
            Some("2026-11-24T06:00:00+07:00")
        );
        assert_eq!(
            t("https://nasional.kompas.com/read/2026/11/25/10451231/x").as_deref(),
            Some("2026-11-25T10:45:12+07:00")
        );
    }
}
