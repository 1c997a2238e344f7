//! Dates as Kompas writes them, turned into times with their offset.
//!
//! Kompas prints times in Indonesian local time (WIB, UTC+7; rarely WITA/WIT) in several
//! shapes: ISO in meta tags, `YYYY-MM-DD HH:MM:SS` in `content_PublishedDate`,
//! `25/11/2026, 14:05 WIB` in lists, `5 April 2026, 06:30 WIB` in newer bylines.
//!
//! Every parser here gives no date for a year outside [`DATE_YEARS`].

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use super::months;
use crate::article::{DATE_YEARS, plausible_date};

const HOUR: i32 = 3600;

/// Western Indonesia Time, the zone of Jakarta and of almost every Kompas timestamp.
pub fn wib() -> FixedOffset {
    FixedOffset::east_opt(7 * HOUR).expect("UTC+7 is a valid offset")
}

/// RFC 3339 / ISO 8601 with an offset, as in `article:published_time` and JSON-LD.
pub fn parse_iso(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%z"))
        .ok()
        .and_then(plausible_date)
        .or_else(|| parse_local(s))
}

/// `YYYY-MM-DD HH:MM[:SS]` (or with a `T`) without an offset, read as WIB.
pub fn parse_local(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .and_then(|t| wib().from_local_datetime(&t).single())
        .and_then(plausible_date)
}

/// Finds the first date written the Indonesian way anywhere in `text`:
/// `15/01/2024, 11:13 WIB`, `5 April 2026, 06:30 WIB`, `Senin, 5 Apr 2026` or a date
/// alone (midnight). The zone word (WIB, WITA, WIT) sets the offset; WIB when absent.
pub fn find_in_text(text: &str) -> Option<DateTime<FixedOffset>> {
    let tokens = tokenize(text);
    (0..tokens.len()).find_map(|i| date_at(&tokens[i..]))
}

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Num(u32),
    Word(&'a str),
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_alphanumeric()) {
        rest = &rest[start..];
        let numeric = rest.starts_with(|c: char| c.is_ascii_digit());
        let end = rest
            .find(|c: char| {
                if numeric {
                    !c.is_ascii_digit()
                } else {
                    !c.is_alphabetic()
                }
            })
            .unwrap_or(rest.len());
        let tok = &rest[..end];
        out.push(match tok.parse() {
            Ok(n) if numeric => Token::Num(n),
            _ if numeric => Token::Num(u32::MAX),
            _ => Token::Word(tok),
        });
        rest = &rest[end..];
    }
    out
}

fn date_at(t: &[Token<'_>]) -> Option<DateTime<FixedOffset>> {
    let (day, month, year) = match t {
        [Token::Num(d), Token::Num(m), Token::Num(y), ..] => (*d, *m, *y),
        [Token::Num(d), Token::Word(m), Token::Num(y), ..] => (*d, months::number(m)?, *y),
        _ => return None,
    };
    let year = i32::try_from(year)
        .ok()
        .filter(|y| DATE_YEARS.contains(y))?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let (time, zone_at) = match &t[3..] {
        [Token::Num(h), Token::Num(m), Token::Num(s), ..] if *s < 60 => {
            (NaiveTime::from_hms_opt(*h, *m, *s), 6)
        }
        [Token::Num(h), Token::Num(m), ..] => (NaiveTime::from_hms_opt(*h, *m, 0), 5),
        _ => (None, 3),
    };
    let offset = match t.get(zone_at) {
        Some(Token::Word(z)) if z.eq_ignore_ascii_case("WITA") => 8,
        Some(Token::Word(z)) if z.eq_ignore_ascii_case("WIT") => 9,
        _ => 7,
    };
    let zone = FixedOffset::east_opt(offset * HOUR)?;
    let local = date.and_time(time.unwrap_or(NaiveTime::MIN));
    zone.from_local_datetime(&local).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc(t: Option<DateTime<FixedOffset>>) -> String {
        t.map(|t| t.to_rfc3339()).unwrap_or_default()
    }

    #[test]
    fn list_and_byline_shapes() {
        assert_eq!(
            rfc(find_in_text("25/11/2026, 14:05 WIB")),
            "2026-11-25T14:05:00+07:00"
        );
        assert_eq!(
            rfc(find_in_text("Kompas.com - 15/01/2024, 11:13 WIB")),
            "2024-01-15T11:13:00+07:00"
        );
        assert_eq!(
            rfc(find_in_text(
                "Kompas.com, 5 April 2026, 06:30 WIB Diperbarui 5/04/2026, 09:00 WIB"
            )),
            "2026-04-05T06:30:00+07:00"
        );
        assert_eq!(
            rfc(find_in_text("Senin, 7 Des 2026, 08:00 WITA")),
            "2026-12-07T08:00:00+08:00"
        );
        assert_eq!(rfc(find_in_text("24/11/2026")), "2026-11-24T00:00:00+07:00");
        assert_eq!(find_in_text("Dibaca 12.000 kali"), None);
    }

    #[test]
    fn meta_shapes() {
        assert_eq!(
            rfc(parse_iso("2026-11-24T19:30:15+07:00")),
            "2026-11-24T19:30:15+07:00"
        );
        assert_eq!(
            rfc(parse_local("2026-11-24 19:30:15")),
            "2026-11-24T19:30:15+07:00"
        );
    }

    #[test]
    fn years_outside_1900_to_2200_are_no_date() {
        for bad in [
            "-0500-01-01T00:00:00+0700",
            "+12345-01-01T00:00:00+07:00",
            "12345-01-01T00:00:00+0700",
            "1899-12-31T23:59:59+07:00",
            "2201-01-01T00:00:00+07:00",
            "0500-01-01 00:00:00",
            "9999-12-31T23:59:59",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
        assert_eq!(parse_local("2201-01-01 00:00:00"), None);
        assert_eq!(find_in_text("1/1/1899, 10:00 WIB"), None);
        assert_eq!(find_in_text("5 April 4294967295"), None);
        assert_eq!(
            rfc(parse_iso("1900-01-01T00:00:00+07:00")),
            "1900-01-01T00:00:00+07:00"
        );
        assert_eq!(
            rfc(parse_iso("2200-12-31T23:59:59+07:00")),
            "2200-12-31T23:59:59+07:00"
        );
        assert_eq!(
            rfc(find_in_text("31/12/2200, 10:00 WIB")),
            "2200-12-31T10:00:00+07:00"
        );
    }
}
