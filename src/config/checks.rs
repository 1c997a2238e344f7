//! What a setting must be. Each value is checked as it is deserialized, so its error
//! carries the value's position (from the `toml` parser) and its path (from
//! `serde_path_to_error`); what needs the whole file (names given twice, keys bound
//! twice) is checked after, on the positions `serde_spanned` records.

use std::collections::{BTreeMap, HashMap};
use std::ops::{Range, RangeInclusive};

use serde::de::{Error as _, IgnoredAny};
use serde::{Deserialize, Deserializer};
use serde_path_to_error::Segment;
use toml::{Spanned, Value};

use super::types::{
    Images, LIST_COLUMNS, LIST_PERCENT, Language, ListWidth, MAX_STORE_MB, PREFETCH,
    REFRESH_MINUTES, Section, TEXT_WIDTH, ThemePreset, parse_color,
};
use crate::keymap::{self, Action, Keymap};

/// The key names besides single characters, for error messages.
const KEY_NAMES: &str = "Space, Enter, Tab, Esc, Backspace, Up, Down, Left, Right, Home, End, PgUp, PgDn, F1 to F12, either after ctrl- (ctrl-d)";

/// The value, if `keep` accepts it; else the error `rule, not VALUE`.
fn checked<'de, D: Deserializer<'de>, T>(
    d: D,
    rule: impl FnOnce() -> String,
    keep: impl FnOnce(&Value) -> Option<T>,
) -> Result<T, D::Error> {
    let value = Value::deserialize(d)?;
    keep(&value).ok_or_else(|| D::Error::custom(format!("{}, not {}", rule(), shown(&value))))
}

/// A value as an error quotes it: a string escaped onto one line (TOML would write a
/// string with line breaks over several), anything else as TOML writes it.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    }
}

fn whole<'de, D: Deserializer<'de>, T: TryFrom<u64>>(
    d: D,
    bounds: RangeInclusive<u64>,
    zero_means: &str,
) -> Result<T, D::Error> {
    checked(
        d,
        || {
            format!(
                "must be a whole number from {}{zero_means} to {}",
                bounds.start(),
                bounds.end()
            )
        },
        |v| {
            let n = u64::try_from(v.as_integer()?).ok()?;
            bounds.contains(&n).then_some(n)?.try_into().ok()
        },
    )
}

pub(super) fn prefetch<'de, D: Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    whole(d, PREFETCH, "")
}

pub(super) fn refresh_minutes<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    whole(d, REFRESH_MINUTES, " (never)")
}

pub(super) fn text_width<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    whole(d, TEXT_WIDTH, "")
}

pub(super) fn max_store_mb<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    whole(d, MAX_STORE_MB, "")
}

/// Columns (`50`) or a share of the screen (`"40%"`).
pub(super) fn list_width<'de, D: Deserializer<'de>>(d: D) -> Result<ListWidth, D::Error> {
    checked(
        d,
        || {
            format!(
                "must be a number of columns from {} to {} or a share of the screen from \"{}%\" to \"{}%\"",
                LIST_COLUMNS.start(),
                LIST_COLUMNS.end(),
                LIST_PERCENT.start(),
                LIST_PERCENT.end()
            )
        },
        |v| match v {
            Value::Integer(n) => {
                let n = u64::try_from(*n)
                    .ok()
                    .filter(|n| LIST_COLUMNS.contains(n))?;
                Some(ListWidth::Columns(n as u16))
            }
            Value::String(s) => {
                let p: u64 = s.trim().strip_suffix('%')?.trim().parse().ok()?;
                LIST_PERCENT
                    .contains(&p)
                    .then_some(ListWidth::Percent(p as u16))
            }
            _ => None,
        },
    )
}

pub(super) fn boolean<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    checked(d, || "must be true or false".into(), Value::as_bool)
}

/// A browser command: words without quotes (no shell ever reads it, so quotes would
/// reach the browser as they are).
pub(super) fn browser<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    checked(
        d,
        || {
            "must be a command and its arguments separated by spaces, without quotes \
             (no shell runs it), %u for the address, such as \"firefox %u\""
                .into()
        },
        |v| {
            let s = v.as_str()?;
            let ok = !s.trim().is_empty() && !s.contains(['"', '\'', '\\']);
            ok.then(|| s.trim().to_string())
        },
    )
    .map(Some)
}

/// One of a few words, each standing for a value: the error lists them.
fn one_of<'de, D: Deserializer<'de>, T: Copy>(d: D, words: &[(&str, T)]) -> Result<T, D::Error> {
    checked(
        d,
        || {
            let quoted: Vec<String> = words.iter().map(|(w, _)| format!("\"{w}\"")).collect();
            format!("must be {}", quoted.join(" or "))
        },
        |v| {
            let s = v.as_str()?;
            words.iter().find(|(w, _)| *w == s).map(|(_, t)| *t)
        },
    )
}

pub(super) fn language<'de, D: Deserializer<'de>>(d: D) -> Result<Language, D::Error> {
    one_of(d, &[("id", Language::Id), ("en", Language::En)])
}

pub(super) fn theme<'de, D: Deserializer<'de>>(d: D) -> Result<ThemePreset, D::Error> {
    one_of(
        d,
        &[("dark", ThemePreset::Dark), ("light", ThemePreset::Light)],
    )
}

pub(super) fn images<'de, D: Deserializer<'de>>(d: D) -> Result<Images, D::Error> {
    one_of(
        d,
        &[
            ("auto", Images::Auto),
            ("off", Images::Off),
            ("on", Images::On),
        ],
    )
}

pub(super) fn color<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    checked(
        d,
        || {
            "must be a colour: a name such as \"cyan\", \"dark_gray\" or \"reset\", a number \
             from 0 to 255, or \"#rrggbb\""
                .into()
        },
        |v| {
            v.as_str()
                .filter(|s| parse_color(s).is_some())
                .map(str::to_string)
        },
    )
}

pub(super) fn sections<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Section>, D::Error> {
    let sections = Vec::<Section>::deserialize(d)?;
    if sections.is_empty() {
        return Err(D::Error::custom("must list at least one section"));
    }
    Ok(sections)
}

pub(super) fn section_name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    checked(
        d,
        || "must be a name that is not empty".into(),
        |v| {
            v.as_str()
                .filter(|s| !s.trim().is_empty())
                .map(str::to_string)
        },
    )
}

pub(super) fn site<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    checked(
        d,
        || {
            "must be a Kompas site name such as \"nasional\" (lower-case letters, digits and -)"
                .into()
        },
        |v| {
            let site = v.as_str()?;
            let ok = !site.is_empty()
                && site
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            ok.then(|| Some(site.to_string()))
        },
    )
}

pub(super) fn url<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    checked(
        d,
        || "must be an http or https address".into(),
        |v| {
            let url = v.as_str()?;
            url::Url::parse(url)
                .is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
                .then(|| Some(url.to_string()))
        },
    )
}

/// The key overrides, each a list of key names kabar knows.
pub(super) fn keys<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, Vec<String>>, D::Error> {
    BTreeMap::<String, KeyList>::deserialize(d).map(|keys| {
        keys.into_iter()
            .map(|(action, list)| (action, list.0))
            .collect()
    })
}

#[derive(Deserialize)]
#[serde(try_from = "Value")]
struct KeyList(Vec<String>);

impl TryFrom<Value> for KeyList {
    type Error = String;

    fn try_from(value: Value) -> Result<Self, String> {
        let not_a_list = || {
            format!(
                "must be a list of key names, such as [\"q\", \"F10\"], not {}",
                shown(&value)
            )
        };
        let items = value.as_array().ok_or_else(not_a_list)?;
        items
            .iter()
            .map(|item| {
                let name = item.as_str().ok_or_else(not_a_list)?;
                keymap::parse_key(name).map(|_| name.to_string()).ok_or_else(|| {
                    format!(
                        "{name:?} is not a key name; a key is one character or one of {KEY_NAMES}"
                    )
                })
            })
            .collect::<Result<_, _>>()
            .map(KeyList)
    }
}

/// Where a path leads, in words: `` `prefetch` ``, `` `accent` in [colors] ``,
/// `` `site` of section 3 ``, `section 3 ([[sections]])`.
pub(super) fn place(path: &serde_path_to_error::Path) -> String {
    let segments: Vec<&Segment> = path.iter().collect();
    let key = |s: &Segment| match s {
        Segment::Map { key } => key.clone(),
        Segment::Enum { variant } => variant.clone(),
        Segment::Seq { index } => (index + 1).to_string(),
        Segment::Unknown => "?".into(),
    };
    match &segments[..] {
        [] => "the file".into(),
        [one] => format!("`{}`", key(one)),
        [Segment::Map { key: table }, Segment::Seq { index }] => {
            format!("{} {} ([[{table}]])", entry_word(table), index + 1)
        }
        [Segment::Map { key: table }, Segment::Seq { index }, field] => {
            format!("`{}` of {} {}", key(field), entry_word(table), index + 1)
        }
        [Segment::Map { key: table }, field] => format!("`{}` in [{table}]", key(field)),
        more => format!(
            "`{}`",
            more.iter().map(|s| key(s)).collect::<Vec<_>>().join(".")
        ),
    }
}

/// What one entry of a list of tables is called: a section, a source.
fn entry_word(table: &str) -> &str {
    table.strip_suffix('s').unwrap_or(table)
}

/// What the types cannot check: names and keys given twice, actions that do not exist.
/// Gives the span to point at and the message.
pub(super) fn whole_file(
    doc: Spanned<toml::de::DeTable<'_>>,
) -> Result<(), (Option<Range<usize>>, String)> {
    let located = Located::deserialize(toml::de::Deserializer::from(doc))
        .map_err(|e| (e.span(), e.message().to_string()))?;
    // The first section of each name, so that a file of many sections is checked in
    // one pass.
    let mut first_named: HashMap<&str, usize> = HashMap::new();
    for (i, section) in located.sections.iter().enumerate() {
        let (name, n) = (section.name.get_ref(), i + 1);
        if let Some(earlier) = first_named.insert(name, i).map(|e| e + 1) {
            return Err((
                Some(section.name.span()),
                format!("sections {earlier} and {n} are both named {name:?}"),
            ));
        }
        if let (Some(_), Some(url)) = (&section.site, &section.url) {
            return Err((
                Some(url.span()),
                format!("section {name:?} has both `site` and `url`; give one of them"),
            ));
        }
    }

    // Every key given, in file order, so a clash is reported where it is made.
    let mut given: Vec<(Range<usize>, &str, &str)> = Vec::new();
    for (action, keys) in &located.keys {
        if Action::from_name(action.get_ref()).is_none() {
            return Err((
                Some(action.span()),
                format!(
                    "unknown action `{}` in [keys]; the actions: {}",
                    action.get_ref(),
                    Action::names().collect::<Vec<_>>().join(", ")
                ),
            ));
        }
        given.extend(
            keys.iter()
                .map(|k| (k.span(), action.get_ref().as_str(), k.get_ref().as_str())),
        );
    }
    given.sort_by_key(|(span, _, _)| span.start);
    let mut bound: HashMap<keymap::Key, &str> = HashMap::new();
    for (span, action, k) in given {
        let code = keymap::parse_key(k).expect("key names were checked");
        if let Some(other) = bound.insert(code, action) {
            let words = if other == action {
                format!("key `{k}` is given twice to `{action}` in [keys]")
            } else {
                format!("key `{k}` is given to both `{other}` and `{action}` in [keys]")
            };
            return Err((Some(span), words));
        }
    }
    let overrides: BTreeMap<String, Vec<String>> = located
        .keys
        .into_iter()
        .map(|(action, keys)| {
            (
                action.into_inner(),
                keys.into_iter().map(Spanned::into_inner).collect(),
            )
        })
        .collect();
    Keymap::with_overrides(&overrides).map_err(|e| (None, format!("[keys]: {e}")))?;
    Ok(())
}

/// Where the names of the sections and the keys of `[keys]` are, in a file whose values
/// have been checked.
#[derive(Deserialize)]
struct Located {
    #[serde(default)]
    sections: Vec<LocatedSection>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
struct LocatedSection {
    name: Spanned<String>,
    site: Option<IgnoredAny>,
    url: Option<Spanned<IgnoredAny>>,
}
