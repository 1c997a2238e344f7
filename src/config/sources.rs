//! `[[sources]]`: the feeds and list pages beyond Kompas, each a tab of the reader and a
//! part of the "Semua" timeline. A source named here is on; kabar's built-in list of
//! outlets is only a catalogue to add from.

use std::collections::HashMap;
use std::ops::Range;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use toml::Spanned;

use super::checks;

/// One source: a feed (RSS, Atom, JSON Feed) or a list page, by its address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a [[sources]] table with `name` and `url`"
)]
pub struct Source {
    #[serde(deserialize_with = "checks::section_name")]
    pub name: String,
    #[serde(deserialize_with = "url")]
    pub url: String,
    /// The title of the source's tab; the name when absent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "tab"
    )]
    pub tab: Option<String>,
}

impl Source {
    /// The title of the source's tab.
    pub fn tab(&self) -> &str {
        self.tab.as_deref().unwrap_or(&self.name)
    }
}

/// The address as kabar writes an address it parsed (the host in lower case, at least a
/// `/` for the path), not as typed: the reader asks for a source's list by this text, and
/// the worker keeps the list's validators under the parsed address, so with two spellings
/// the stored list and its validators never met and no refresh was conditional.
fn url<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    checks::url(d)?
        .and_then(|typed| url::Url::parse(&typed).ok())
        .map(String::from)
        .ok_or_else(|| D::Error::custom("must be an http or https address"))
}

fn tab<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    checks::section_name(d).map(Some)
}

/// What the types cannot check: two sources of one name (the name is how `kabar sources
/// remove` finds one). Gives the span to point at and the message.
pub(super) fn whole_file(
    doc: Spanned<toml::de::DeTable<'_>>,
) -> Result<(), (Option<Range<usize>>, String)> {
    #[derive(Deserialize)]
    struct Located {
        #[serde(default)]
        sources: Vec<Named>,
    }
    #[derive(Deserialize)]
    struct Named {
        name: Spanned<String>,
    }
    let located = Located::deserialize(toml::de::Deserializer::from(doc))
        .map_err(|e| (e.span(), e.message().to_string()))?;
    let mut first: HashMap<String, usize> = HashMap::new();
    for (i, source) in located.sources.iter().enumerate() {
        let name = source.name.get_ref();
        if let Some(earlier) = first.insert(name.to_lowercase(), i + 1) {
            return Err((
                Some(source.name.span()),
                format!("sources {earlier} and {} are both named {name:?}", i + 1),
            ));
        }
    }
    Ok(())
}
