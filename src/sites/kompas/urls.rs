//! Kompas addresses: which are Kompas, which are articles, an article's address as an
//! identity, the index of a section, and the time an article's address carries.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use url::Url;

use crate::sites::dates;

/// The latest-news index: the first section, and the only one without a config.
pub const INDEX_URL: &str = "https://indeks.kompas.com/";

/// Lists of the index that are not a site's: the most read, and the editors' headlines.
pub const INDEX_LISTS: &[&str] = &["terpopuler", "headline"];

/// Kompas sites whose index works as a section beyond the default ones: the sub-sites
/// the lists label their items with.
pub const MORE_SITES: &[&str] = &[
    "otomotif",
    "edu",
    "food",
    "travel",
    "sains",
    "kolom",
    "properti",
    "hype",
    "skola",
    "cekfakta",
    "internasional",
];

/// The index of one Kompas channel (`nasional`, `bola`, …), of all the latest news, or
/// one of the [`INDEX_LISTS`] (`terpopuler`, `headline`).
pub fn section_url(site: Option<&str>) -> String {
    match site {
        Some(list) if INDEX_LISTS.contains(&list) => format!("{INDEX_URL}{list}"),
        Some(site) => format!("{INDEX_URL}?site={site}"),
        None => INDEX_URL.to_string(),
    }
}

/// Today in Jakarta, the day the index's dates are in.
pub fn today() -> NaiveDate {
    chrono::Utc::now().with_timezone(&dates::wib()).date_naive()
}

/// The index of one day, of all Kompas or one site; an error in words when there is no
/// such index (a day after `today`, or a list that has no days).
pub fn day_url(site: Option<&str>, date: NaiveDate, today: NaiveDate) -> Result<String, String> {
    if date > today {
        return Err(format!("{date} is after today ({today}): no news yet"));
    }
    let day = date.format("%Y-%m-%d");
    match site {
        Some(list) if INDEX_LISTS.contains(&list) => {
            Err(format!("the {list} list has no index by day"))
        }
        Some(site) => Ok(format!("{INDEX_URL}?site={site}&date={day}")),
        None => Ok(format!("{INDEX_URL}?date={day}")),
    }
}

/// The day an index address is of (`date=`), if it is of one.
pub fn day_of(url: &Url) -> Option<NaiveDate> {
    let (_, date) = url.query_pairs().find(|(k, _)| k == "date")?;
    NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok()
}

/// The same index on another day: `url`'s site, the date replaced (or added), from its
/// first page. None for an address that is not the index.
pub fn on_day(url: &Url, date: NaiveDate, today: NaiveDate) -> Option<Result<String, String>> {
    if url.host_str() != Some("indeks.kompas.com") || url.path() != "/" {
        return None;
    }
    let site = url
        .query_pairs()
        .find(|(k, _)| k == "site")
        .map(|(_, v)| v.into_owned());
    Some(day_url(site.as_deref(), date, today))
}

/// The list of a tag, by its name as an article shows it or its slug: lower case, words
/// joined by `-`. None when the name has no letter or digit.
pub fn tag_url(tag: &str) -> Option<String> {
    let slug: Vec<String> = tag
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (!slug.is_empty()).then(|| format!("https://www.kompas.com/tag/{}", slug.join("-")))
}

/// Kompas's search, newest first, page `page` (from 1).
pub fn search_url(query: &str, page: u32) -> String {
    let mut url = Url::parse("https://search.kompas.com/search").expect("valid URL");
    url.query_pairs_mut()
        .append_pair("q", query.trim())
        .append_pair("sort", "latest")
        .append_pair("page", &page.to_string());
    url.to_string()
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
        let lists = [
            section_url(Some("terpopuler")),
            section_url(Some("headline")),
        ];
        assert_eq!(
            lists,
            [
                "https://indeks.kompas.com/terpopuler",
                "https://indeks.kompas.com/headline"
            ]
        );
    }

    #[test]
    fn days_of_the_index() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let today = d("2026-11-25");
        assert_eq!(
            day_url(Some("nasional"), d("2026-11-24"), today).unwrap(),
            "https://indeks.kompas.com/?site=nasional&date=2026-11-24"
        );
        assert_eq!(
            day_url(None, d("2026-11-25"), today).unwrap(),
            "https://indeks.kompas.com/?date=2026-11-25"
        );
        let later = day_url(None, d("2026-11-26"), today).unwrap_err();
        assert!(later.contains("after today"), "{later}");
        assert!(day_url(Some("terpopuler"), today, today).is_err());
        let url =
            Url::parse("https://indeks.kompas.com/?site=bola&date=2026-11-24&page=2").unwrap();
        assert_eq!(day_of(&url), Some(d("2026-11-24")));
        assert_eq!(
            on_day(&url, d("2026-11-23"), today).unwrap().unwrap(),
            "https://indeks.kompas.com/?site=bola&date=2026-11-23"
        );
        let tag = Url::parse("https://www.kompas.com/tag/banjir").unwrap();
        assert_eq!(on_day(&tag, today, today), None);
    }

    #[test]
    fn tags_and_search() {
        assert_eq!(
            tag_url("Banjir Bandang").as_deref(),
            Some("https://www.kompas.com/tag/banjir-bandang")
        );
        assert_eq!(tag_url(" - "), None);
        assert_eq!(
            search_url("banjir jakarta", 2),
            "https://search.kompas.com/search?q=banjir+jakarta&sort=latest&page=2"
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
