//! A feed cut to what kabar reads of it, before feed-rs builds its model.
//!
//! feed-rs builds the whole feed: every item, every tag. Its model of one item is a
//! kilobyte or more, whatever the item holds, so a 4.8 MB JSON Feed of empty items
//! (`{}`, two bytes each) took 1.7 GB, and 9.2 MB of bare RSS items 340 MB. The feed is
//! cut first, by the XML or JSON parser itself and counting what is kept, not by a guess
//! from the bytes: an XML feed after its first [`MAX_ITEMS`] items or entries, its open
//! elements closed; a JSON feed to [`MAX_ITEMS`] values in any array and [`MAX_VALUES`]
//! in all, the rest skipped unread. A feed that does not parse before the limit is left
//! as it came, for feed-rs, which reads it with the same parsers, to stop at the same
//! place and say what is wrong with it.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use quick_xml::events::Event;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Items or entries kept of a feed, and values kept of any one JSON array: twice the
/// headlines a feed gives (`feeds::MAX_ITEMS`), for items without a web link.
pub const MAX_ITEMS: usize = 2 * super::MAX_ITEMS;

/// Values kept of a JSON feed in all: a thousand items of a hundred fields and tags.
pub const MAX_VALUES: usize = 100_000;

/// `body` cut to what kabar reads of it, or as it came when nothing needs cutting.
pub fn capped(body: &[u8]) -> Cow<'_, [u8]> {
    // The first byte that opens markup or an object tells the kind, as feed-rs tells it.
    match body.iter().find(|b| matches!(b, b'<' | b'{')) {
        Some(b'<') => xml(body),
        Some(b'{') => json(body),
        _ => Cow::Borrowed(body),
    }
}

/// An XML feed (RSS, RDF, Atom) to the start of its item or entry after [`MAX_ITEMS`],
/// the elements open there closed. A feed the reader stops in before that is left as it
/// came: feed-rs's reader, no more lenient than this one, stops there too.
///
/// The reader reads a copy with every byte past ASCII made a letter: its markup is
/// ASCII in every encoding a feed declares (`windows-1252`, `iso-8859-1`) and in UTF-8,
/// while the reader takes text for UTF-8 and stops at the first byte that is not. The
/// copy keeps every offset, and the names that close the cut feed are the feed's own.
fn xml(body: &[u8]) -> Cow<'_, [u8]> {
    let ascii: Vec<u8> = body
        .iter()
        .map(|&b| if b.is_ascii() { b } else { b'x' })
        .collect();
    // Configured as quick-xml comes, as feed-rs's reader is in what decides where an
    // element ends (it checks end names); it reads namespaces besides, and stops at more.
    let mut reader = quick_xml::Reader::from_reader(&ascii[..]);
    // Where the name of each open element lies in `body`.
    let mut open: Vec<std::ops::Range<usize>> = Vec::new();
    let mut items = 0;
    loop {
        let at = usize::try_from(reader.buffer_position()).unwrap_or(body.len());
        // An item past the limit is cut off where it starts, with what holds it closed.
        let mut past_limit = |local_name: &str| {
            items += usize::from(is_item(local_name));
            items > MAX_ITEMS
        };
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if past_limit(e.local_name().into_inner()) {
                    return Cow::Owned(closed(body, at, &open));
                }
                // `at` is the tag's `<`; its name follows.
                open.push(at + 1..at + 1 + e.name().into_inner().len());
            }
            Ok(Event::Empty(e)) => {
                if past_limit(e.local_name().into_inner()) {
                    return Cow::Owned(closed(body, at, &open));
                }
            }
            Ok(Event::End(_)) => {
                open.pop();
            }
            Ok(Event::Eof) => return Cow::Borrowed(body),
            // Fewer items than the limit before it: feed-rs reads no further than the
            // same error, and says what is wrong.
            Err(_) => return Cow::Borrowed(body),
            Ok(_) => {}
        }
    }
}

fn is_item(local_name: &str) -> bool {
    local_name == "item" || local_name == "entry"
}

/// `body` up to `at`, then an end tag for each element of `open` (where their names lie
/// in `body`), innermost first.
fn closed(body: &[u8], at: usize, open: &[std::ops::Range<usize>]) -> Vec<u8> {
    let mut out = body[..at.min(body.len())].to_vec();
    for name in open.iter().rev() {
        out.extend_from_slice(b"</");
        out.extend_from_slice(&body[name.clone()]);
        out.push(b'>');
    }
    out
}

/// A JSON feed with at most [`MAX_ITEMS`] values in any array and [`MAX_VALUES`] in all.
fn json(body: &[u8]) -> Cow<'_, [u8]> {
    let left = Cell::new(MAX_VALUES);
    let cut = Cell::new(false);
    let mut de = serde_json::Deserializer::from_slice(body);
    // What was kept is written back only when something was left out.
    match (Capped {
        left: &left,
        cut: &cut,
    })
    .deserialize(&mut de)
    {
        Ok(value) if cut.get() => {
            serde_json::to_vec(&value).map_or(Cow::Borrowed(body), Cow::Owned)
        }
        _ => Cow::Borrowed(body),
    }
}

/// A JSON value deserialized with at most [`MAX_ITEMS`] elements in an array or entries
/// in an object, and `left` values in all; past either, the rest is skipped unread.
#[derive(Clone, Copy)]
struct Capped<'a> {
    left: &'a Cell<usize>,
    /// Whether a value has been left out.
    cut: &'a Cell<bool>,
}

impl Capped<'_> {
    /// Counts one more value kept, `kept` being kept already in its array or object;
    /// false once either limit is reached.
    fn take(&self, kept: usize) -> bool {
        let left = self.left.get();
        if left == 0 || kept >= MAX_ITEMS {
            return false;
        }
        self.left.set(left - 1);
        true
    }
}

impl<'de> DeserializeSeed<'de> for Capped<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Capped<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut kept = Vec::new();
        loop {
            if self.take(kept.len()) {
                match seq.next_element_seed(self)? {
                    Some(v) => kept.push(v),
                    None => break,
                }
            } else if seq.next_element::<IgnoredAny>()?.is_some() {
                self.cut.set(true);
            } else {
                break;
            }
        }
        Ok(Value::Array(kept))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut kept = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if self.take(kept.len()) {
                let value = map.next_value_seed(self)?;
                kept.insert(key, value);
            } else {
                map.next_value::<IgnoredAny>()?;
                self.cut.set(true);
            }
        }
        Ok(Value::Object(kept))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_xml_feed_is_cut_after_its_items_and_closed() {
        let items: String = (0..MAX_ITEMS + 50)
            .map(|i| format!("<item><title>B{i}</title></item>"))
            .collect();
        let feed =
            format!("<?xml version=\"1.0\"?><rss><channel><title>X</title>{items}</channel></rss>");
        let cut = capped(feed.as_bytes());
        let cut = std::str::from_utf8(&cut).unwrap();
        assert_eq!(cut.matches("<item>").count(), MAX_ITEMS);
        assert!(cut.ends_with(&format!(
            "<title>B{}</title></item></channel></rss>",
            MAX_ITEMS - 1
        )));
        // Atom entries, and a short feed left as it came.
        let atom = format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">{}</feed>",
            "<entry><title>E</title></entry>".repeat(MAX_ITEMS + 1)
        );
        assert_eq!(
            capped(atom.as_bytes()).len(),
            atom.len() - "<entry><title>E</title></entry>".len()
        );
        let short = "<rss><channel><item><title>A</title></item></channel></rss>";
        assert!(matches!(capped(short.as_bytes()), Cow::Borrowed(_)));
        // Broken after few items: left for feed-rs to refuse; after many: cut before.
        let broken = "<rss><channel><item><title>A</title></wrong></channel></rss>";
        assert!(matches!(capped(broken.as_bytes()), Cow::Borrowed(_)));
        let broken_late = feed.replace("</channel>", "</wrong></channel>");
        let cut = capped(broken_late.as_bytes());
        assert!(!String::from_utf8_lossy(&cut).contains("</wrong>"));
    }

    /// A feed in a single-byte encoding, its items beside its channel (RSS 1.0): cut all
    /// the same, the cut closed with the feed's own names.
    #[test]
    fn a_windows_1252_rdf_feed_is_cut_and_closed_with_its_own_names() {
        let mut feed = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><rdf:RDF><channel><title>Caf\xe9</title></channel>".to_vec();
        for _ in 0..MAX_ITEMS + 3 {
            feed.extend_from_slice(b"<item><title>Doeloe \x93lama\x94</title></item>");
        }
        feed.extend_from_slice(b"</rdf:RDF>");
        let cut = capped(&feed);
        let items = cut.windows(6).filter(|w| w == b"<item>").count();
        assert_eq!(items, MAX_ITEMS);
        assert!(cut.ends_with(b"\x94</title></item></rdf:RDF>"));
        assert!(cut.windows(4).any(|w| w == b"Caf\xe9"));
    }

    #[test]
    fn a_json_feed_keeps_few_values_however_many_it_holds() {
        let small = r#"{"title":"X","items":[{"url":"https://x.id/a"}]}"#;
        assert!(matches!(capped(small.as_bytes()), Cow::Borrowed(_)));
        let items = vec!["{}"; 1_000_000].join(",");
        let feed = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"X","items":[{items}]}}"#
        );
        let cut: Value = serde_json::from_slice(&capped(feed.as_bytes())).unwrap();
        assert_eq!(cut["items"].as_array().unwrap().len(), MAX_ITEMS);
        assert_eq!(cut["title"], "X");
        // Tags past the limit of one array, and values past the limit of all.
        let tags = vec![r#""t""#; 3 * MAX_ITEMS].join(",");
        let item = format!(r#"{{"url":"https://x.id/a","tags":[{tags}]}}"#);
        let feed = format!(r#"{{"title":"X","items":[{}]}}"#, vec![item; 200].join(","));
        let cut: Value = serde_json::from_slice(&capped(feed.as_bytes())).unwrap();
        let items = cut["items"].as_array().unwrap();
        assert_eq!(items[0]["tags"].as_array().unwrap().len(), MAX_ITEMS);
        let values: usize = items
            .iter()
            .map(|i| 3 + i["tags"].as_array().map_or(0, Vec::len))
            .sum();
        assert!(values <= MAX_VALUES, "{values}");
        assert_eq!(items[0]["url"], "https://x.id/a");
    }
}
