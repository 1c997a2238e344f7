//! The configuration file: `~/.config/kabar/config.toml` (the platform's config directory),
//! or the file given with `--config`. Every setting has a default, so a missing default
//! file, an empty file, or a file with one line are all fine; a wrong setting is an error
//! in one line that names the file, the line and the key, given before the terminal is
//! touched.
//!
//! `assets/config.toml` is the documented default ([`DOCUMENTED`]); `kabar --print-config`
//! prints [`Config::to_toml`], the effective settings with every default written out.

use std::collections::{BTreeMap, HashMap};
use std::ffi::OsStr;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crossterm::event::KeyCode;
use ratatui::style::Color;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::keymap::{self, Action, Keymap};
use crate::sites::kompas;

/// The documented default configuration, every key with a comment.
pub const DOCUMENTED: &str = include_str!("../assets/config.toml");

/// Bounds of the numbers, used both to check a file and in its error messages.
pub const PREFETCH_MAX: usize = 100;
pub const REFRESH_MINUTES_MAX: u64 = 24 * 60;
pub const TEXT_WIDTH_MIN: u16 = 20;
pub const TEXT_WIDTH_MAX: u16 = 1000;
pub const MAX_STORE_MB_MIN: u64 = 1;
pub const MAX_STORE_MB_MAX: u64 = 100_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The language of kabar's own labels (never of the news).
    pub language: Language,
    /// How many articles of a list to fetch ahead, for reading offline.
    pub prefetch: usize,
    /// Reload the open list this often, in minutes; 0 never.
    pub refresh_minutes: u64,
    /// The widest the article text is set, in columns.
    pub text_width: u16,
    /// The most the local store of articles may take, in megabytes.
    pub max_store_mb: u64,
    /// The headline lists, in tab order.
    pub sections: Vec<Section>,
    pub colors: Colors,
    /// Key overrides: action name → keys. Checked at load; see [`Config::keymap`].
    pub keys: BTreeMap<String, Vec<String>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            language: Language::from_env(),
            prefetch: 20,
            refresh_minutes: 10,
            text_width: 80,
            max_store_mb: 200,
            sections: Section::defaults(),
            colors: Colors::default(),
            keys: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Id,
    En,
}

impl Language {
    /// The language for a `LANG` value: `id…` (`id`, `id_ID.UTF-8`) is Indonesian,
    /// anything else, or nothing, English.
    pub fn from_lang(lang: Option<&str>) -> Language {
        match lang {
            Some(l) if l.trim().to_ascii_lowercase().starts_with("id") => Language::Id,
            _ => Language::En,
        }
    }

    /// The language for this process's `LANG`.
    pub fn from_env() -> Language {
        Language::from_lang(std::env::var("LANG").ok().as_deref())
    }

    pub fn is_indonesian(self) -> bool {
        self == Language::Id
    }
}

/// One headline list: all the latest news, one Kompas site's (`site = "bola"`), or any
/// index page (`url`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Section {
    /// A section of one Kompas site, or of all of them with `site` None.
    pub fn new(name: &str, site: Option<&str>) -> Section {
        Section {
            name: name.to_string(),
            site: site.map(str::to_string),
            url: None,
        }
    }

    /// The sections a config without `[[sections]]` has, in order.
    pub fn defaults() -> Vec<Section> {
        [
            ("Terkini", None),
            ("Nasional", Some("nasional")),
            ("Global", Some("global")),
            ("Regional", Some("regional")),
            ("Megapolitan", Some("megapolitan")),
            ("Money", Some("money")),
            ("Tekno", Some("tekno")),
            ("Bola", Some("bola")),
            ("Tren", Some("tren")),
            ("Health", Some("health")),
            ("Lifestyle", Some("lifestyle")),
        ]
        .into_iter()
        .map(|(name, site)| Section::new(name, site))
        .collect()
    }

    /// The index page of the section: its `url`, else the Kompas index of its `site`,
    /// else the index of all the latest news.
    pub fn url(&self) -> String {
        match (&self.url, &self.site) {
            (Some(url), _) => url.clone(),
            (None, site) => kompas::section_url(site.as_deref()),
        }
    }
}

/// Colours by role, as ratatui names them: `cyan`, `dark_gray`, `light_blue`, `reset`
/// (the terminal's own), a palette number `0`–`255`, or `#rrggbb`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Colors {
    pub accent: String,
    pub selected_fg: String,
    pub selected_bg: String,
    pub dim: String,
    pub link: String,
    pub heading: String,
    pub error: String,
    pub unread: String,
}

impl Default for Colors {
    fn default() -> Self {
        Colors {
            accent: "cyan".into(),
            selected_fg: "white".into(),
            selected_bg: "blue".into(),
            dim: "dark_gray".into(),
            link: "blue".into(),
            heading: "cyan".into(),
            error: "red".into(),
            unread: "reset".into(),
        }
    }
}

impl Colors {
    /// Every colour with its key, in file order.
    pub fn fields(&self) -> [(&'static str, &str); 8] {
        [
            ("accent", &self.accent),
            ("selected_fg", &self.selected_fg),
            ("selected_bg", &self.selected_bg),
            ("dim", &self.dim),
            ("link", &self.link),
            ("heading", &self.heading),
            ("error", &self.error),
            ("unread", &self.unread),
        ]
    }
}

/// A colour as the config writes it (see [`Colors`]); None if it is not one.
pub fn parse_color(s: &str) -> Option<Color> {
    Color::from_str(s.trim()).ok()
}

/// Whether colour is turned off: `NO_COLOR` set and not empty (<https://no-color.org>).
pub fn no_color() -> bool {
    no_color_in(std::env::var_os("NO_COLOR").as_deref())
}

/// [`no_color`] for a given value of `NO_COLOR`.
pub fn no_color_in(value: Option<&OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

/// A config that cannot be used, in one line: `FILE line N: what is wrong`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

impl From<ConfigError> for crate::error::Error {
    fn from(e: ConfigError) -> Self {
        crate::error::Error::Usage(e.0)
    }
}

impl Config {
    /// The config at `path` (`--config FILE`, which must exist), or with None the one at
    /// [`Config::default_path`], where a missing file means the defaults.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let (path, must_exist) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => match Config::default_path() {
                Some(p) => (p, false),
                None => return Ok(Config::default()),
            },
        };
        let shown = path.display().to_string();
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if !must_exist && e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Config::default());
            }
            Err(e) => {
                return Err(ConfigError(format!(
                    "cannot read {shown}: {}",
                    io_reason(&e)
                )));
            }
        };
        let text = String::from_utf8(bytes)
            .map_err(|_| ConfigError(format!("cannot read {shown}: not UTF-8 text")))?;
        Config::from_toml(&text, &shown)
    }

    /// `~/.config/kabar/config.toml`, or the platform's equivalent; None without a home.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "kabar").map(|d| d.config_dir().join("config.toml"))
    }

    /// The config in `text`, checked through; `file_name` is how errors name the file.
    pub fn from_toml(text: &str, file_name: &str) -> Result<Config, ConfigError> {
        let doc = DeTable::parse(text).map_err(|e| {
            let mut what = e.message().lines().next().unwrap_or("").trim().to_string();
            let at_span = e.span().and_then(|s| text.get(s)).map(str::trim);
            if let (true, Some(key)) = (what == "duplicate key", at_span) {
                what = format!("`{key}` is given twice");
            }
            ConfigError(at(
                file_name,
                text,
                e.span(),
                &format!("TOML syntax error: {what}"),
            ))
        })?;
        let root = doc.get_ref();
        let config = Config::deserialize(toml::de::Deserializer::from(doc.clone()))
            .map_err(|e| ConfigError(serde_message(file_name, text, root, &e)))?;
        config
            .check(root)
            .map_err(|(span, msg)| ConfigError(at(file_name, text, span, &msg)))?;
        Ok(config)
    }

    /// The config as TOML that loads back to the same config: every setting, defaults
    /// included, with the default keys of the actions not overridden shown in comments.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string_pretty(self).expect("a config is always TOML");
        let mut out = String::from(
            "# kabar configuration: the settings in effect, every default written out.\n\n",
        );
        out.push_str(&body);
        if !body.lines().any(|l| l == "[keys]") {
            out.push_str("\n[keys]\n");
        }
        let defaults: Vec<String> = default_key_lines()
            .into_iter()
            .filter(|(name, _)| !self.keys.contains_key(*name))
            .map(|(_, line)| format!("# {line}\n"))
            .collect();
        if !defaults.is_empty() {
            out.push_str("# Default keys of the other actions:\n");
            out.extend(defaults);
        }
        out
    }

    /// The keys: the defaults with the overrides of `[keys]`, which [`Config::load`] and
    /// [`Config::from_toml`] have checked. (Overrides that do not apply, possible only in a
    /// config built by hand, give the default keys.)
    pub fn keymap(&self) -> Keymap {
        Keymap::with_overrides(&self.keys).unwrap_or_default()
    }

    /// Everything the types do not say: ranges, colours, sections, keys. Gives the span
    /// to point at and the message.
    fn check(&self, root: &DeTable) -> Result<(), (Option<Range<usize>>, String)> {
        let key = |path: &[Seg]| span_of(root, path, false);
        let value = |path: &[Seg]| span_of(root, path, true);
        let range = |name: &'static str, ok: bool| {
            if ok {
                Ok(())
            } else {
                Err((
                    key(&[Seg::Key(name)]),
                    describe(&[Seg::Key(name)]).unwrap_or_default(),
                ))
            }
        };
        range("prefetch", self.prefetch <= PREFETCH_MAX)?;
        range(
            "refresh_minutes",
            self.refresh_minutes <= REFRESH_MINUTES_MAX,
        )?;
        range(
            "text_width",
            (TEXT_WIDTH_MIN..=TEXT_WIDTH_MAX).contains(&self.text_width),
        )?;
        range(
            "max_store_mb",
            (MAX_STORE_MB_MIN..=MAX_STORE_MB_MAX).contains(&self.max_store_mb),
        )?;

        for (name, color) in self.colors.fields() {
            if parse_color(color).is_none() {
                let path = [Seg::Key("colors"), Seg::Key(name)];
                return Err((
                    value(&path),
                    format!("{} (not {color:?})", describe(&path).unwrap_or_default()),
                ));
            }
        }

        if self.sections.is_empty() {
            return Err((
                key(&[Seg::Key("sections")]),
                "`sections` must list at least one section".into(),
            ));
        }
        // The first section of each name, so that a file of many sections is checked in
        // one pass.
        let mut first_named: HashMap<&str, usize> = HashMap::new();
        for (i, section) in self.sections.iter().enumerate() {
            let path = |k: &'static str| [Seg::Key("sections"), Seg::Index(i), Seg::Key(k)];
            let n = i + 1;
            if section.name.trim().is_empty() {
                return Err((
                    value(&path("name")),
                    format!("`name` of section {n} is empty"),
                ));
            }
            let name = &section.name;
            if let Some(earlier) = first_named.insert(name, i).map(|e| e + 1) {
                return Err((
                    value(&path("name")),
                    format!("sections {earlier} and {n} are both named {name:?}"),
                ));
            }
            if section.site.is_some() && section.url.is_some() {
                return Err((
                    key(&path("url")),
                    format!("section {name:?} has both `site` and `url`; give one of them"),
                ));
            }
            if let Some(site) = &section.site
                && (site.is_empty()
                    || !site
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
            {
                return Err((
                    value(&path("site")),
                    format!(
                        "`site` of section {name:?} must be a Kompas site name such as \"nasional\" \
                         (lower-case letters, digits and -), not {site:?}"
                    ),
                ));
            }
            if let Some(url) = &section.url
                && !url::Url::parse(url).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
            {
                return Err((
                    value(&path("url")),
                    format!(
                        "`url` of section {name:?} must be an http or https address, not {url:?}"
                    ),
                ));
            }
        }

        // Every key given, in file order, so a clash is reported where it is made.
        let mut given: Vec<(Option<Range<usize>>, &str, &str)> = Vec::new();
        for (action, keys) in &self.keys {
            if Action::from_name(action).is_none() {
                return Err((
                    key(&[Seg::Key("keys"), Seg::Key(action)]),
                    format!(
                        "unknown action `{action}` in [keys]; the actions: {}",
                        Action::names().collect::<Vec<_>>().join(", ")
                    ),
                ));
            }
            for (j, k) in keys.iter().enumerate() {
                given.push((
                    value(&[Seg::Key("keys"), Seg::Key(action), Seg::Index(j)]),
                    action,
                    k,
                ));
            }
        }
        given.sort_by_key(|(span, _, _)| span.as_ref().map_or(usize::MAX, |s| s.start));
        let mut bound: HashMap<KeyCode, &str> = HashMap::new();
        for (place, action, k) in given {
            let Some(code) = keymap::parse_key(k) else {
                return Err((
                    place,
                    format!(
                        "unknown key name `{k}` for `{action}` in [keys]; a key is one character \
                         or one of {KEY_NAMES}"
                    ),
                ));
            };
            if let Some(other) = bound.insert(code, action) {
                let words = if other == action {
                    format!("key `{k}` is given twice to `{action}` in [keys]")
                } else {
                    format!("key `{k}` is given to both `{other}` and `{action}` in [keys]")
                };
                return Err((place, words));
            }
        }
        Keymap::with_overrides(&self.keys)
            .map_err(|e| (key(&[Seg::Key("keys")]), format!("[keys]: {e}")))?;
        Ok(())
    }
}

/// The key names besides single characters, for error messages.
const KEY_NAMES: &str =
    "Space, Enter, Tab, Esc, Backspace, Up, Down, Left, Right, Home, End, PgUp, PgDn, F1 to F12";

/// How the config file writes a key: arrows as words, so the file is plain ASCII.
fn config_key_name(code: KeyCode) -> String {
    match code {
        KeyCode::Down => "Down".into(),
        KeyCode::Up => "Up".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        other => keymap::key_name(other),
    }
}

/// `action = ["key", …]` for every action's default keys, in help order.
pub fn default_key_lines() -> Vec<(&'static str, String)> {
    Keymap::default()
        .bindings()
        .map(|(action, codes)| {
            let names: Vec<String> = codes.iter().map(|c| config_key_name(*c)).collect();
            let value = toml::Value::try_from(names).expect("strings are TOML");
            (action.name(), format!("{} = {value}", action.name()))
        })
        .collect()
}

/// One step of a path into the document: a key, or an index into an array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The span of the key at `path` (the element itself for an index), or of its value.
fn span_of(root: &DeTable, path: &[Seg], value: bool) -> Option<Range<usize>> {
    let mut table = root;
    let mut found: Option<&Spanned<DeValue>> = None;
    let mut key_span = None;
    for seg in path {
        let item = match (*seg, found) {
            (Seg::Key(k), None) => {
                let (key, item) = entry(table, k)?;
                key_span = Some(key.span());
                item
            }
            (Seg::Key(k), Some(v)) => {
                table = v.get_ref().as_table()?;
                let (key, item) = entry(table, k)?;
                key_span = Some(key.span());
                item
            }
            (Seg::Index(i), Some(v)) => {
                let item = v.get_ref().as_array()?.get(i)?;
                key_span = Some(item.span());
                item
            }
            (Seg::Index(_), None) => return None,
        };
        found = Some(item);
    }
    if value {
        found.map(Spanned::span)
    } else {
        key_span
    }
}

type Entry<'t, 'i> = (
    &'t Spanned<toml::de::DeString<'i>>,
    &'t Spanned<DeValue<'i>>,
);

fn entry<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<Entry<'t, 'i>> {
    table.iter().find(|(k, _)| k.get_ref() == key)
}

/// The deepest key (or array element) whose key or value holds `offset`, as owned steps.
fn path_at(table: &DeTable, offset: usize) -> Vec<OwnedSeg> {
    fn in_value(v: &Spanned<DeValue>, offset: usize, path: &mut Vec<OwnedSeg>) -> bool {
        match v.get_ref() {
            DeValue::Table(t) => in_table(t, offset, path),
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(OwnedSeg::Index(i));
                    if in_value(item, offset, path) || item.span().contains(&offset) {
                        return true;
                    }
                    path.pop();
                }
                false
            }
            _ => false,
        }
    }
    fn in_table(t: &DeTable, offset: usize, path: &mut Vec<OwnedSeg>) -> bool {
        for (k, v) in t.iter() {
            path.push(OwnedSeg::Key(k.get_ref().to_string()));
            if in_value(v, offset, path) || k.span().contains(&offset) || v.span().contains(&offset)
            {
                return true;
            }
            path.pop();
        }
        false
    }
    let mut path = Vec::new();
    in_table(table, offset, &mut path);
    path
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum OwnedSeg {
    Key(String),
    Index(usize),
}

impl OwnedSeg {
    fn borrowed(&self) -> Seg<'_> {
        match self {
            OwnedSeg::Key(k) => Seg::Key(k),
            OwnedSeg::Index(i) => Seg::Index(*i),
        }
    }
}

/// Where a table is, in words: `at the top level`, `in [colors]`, `in section 3`.
fn place(container: &[Seg]) -> String {
    match container {
        [] => "at the top level".into(),
        [Seg::Key("sections"), Seg::Index(i)] => format!("in section {} ([[sections]])", i + 1),
        _ => format!("in [{}]", dotted(container)),
    }
}

fn dotted(path: &[Seg]) -> String {
    path.iter()
        .map(|s| match s {
            Seg::Key(k) => k.to_string(),
            Seg::Index(i) => (i + 1).to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// What a setting must be, in one sentence naming it; None for paths with no rule.
fn describe(path: &[Seg]) -> Option<String> {
    Some(match path {
        [Seg::Key("language")] => "`language` must be \"id\" or \"en\"".into(),
        [Seg::Key("prefetch")] => {
            format!("`prefetch` must be a whole number from 0 to {PREFETCH_MAX}")
        }
        [Seg::Key("refresh_minutes")] => format!(
            "`refresh_minutes` must be a whole number from 0 (never) to {REFRESH_MINUTES_MAX}"
        ),
        [Seg::Key("text_width")] => {
            format!("`text_width` must be a whole number from {TEXT_WIDTH_MIN} to {TEXT_WIDTH_MAX}")
        }
        [Seg::Key("max_store_mb")] => {
            format!(
                "`max_store_mb` must be a whole number from {MAX_STORE_MB_MIN} to {MAX_STORE_MB_MAX}"
            )
        }
        [Seg::Key("sections")] => "`sections` must be a list of [[sections]] tables".into(),
        [Seg::Key("sections"), Seg::Index(i)] => {
            format!(
                "section {} must be a table with `name` and `site` or `url`",
                i + 1
            )
        }
        [Seg::Key("sections"), Seg::Index(i), Seg::Key(k)] => {
            format!("`{k}` of section {} must be a string", i + 1)
        }
        [Seg::Key("colors")] => "`colors` must be a table ([colors])".into(),
        [Seg::Key("colors"), Seg::Key(k)] => format!(
            "`{k}` in [colors] must be a colour: a name such as \"cyan\", \"dark_gray\" or \"reset\", \
             a number from 0 to 255, or \"#rrggbb\""
        ),
        [Seg::Key("keys")] => "`keys` must be a table ([keys])".into(),
        [Seg::Key("keys"), Seg::Key(k), ..] => {
            format!("`{k}` in [keys] must be a list of key names, such as [\"q\", \"F10\"]")
        }
        _ => return None,
    })
}

/// A serde error from reading the document into a [`Config`], in our words.
fn serde_message(file: &str, text: &str, root: &DeTable, e: &toml::de::Error) -> String {
    let span = e.span();
    let msg = e.message().trim();
    let owned = span
        .as_ref()
        .map(|s| path_at(root, s.start))
        .unwrap_or_default();
    let path: Vec<Seg> = owned.iter().map(OwnedSeg::borrowed).collect();
    let words = if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let container = match path.split_last() {
            Some((Seg::Key(last), parent)) if *last == name => parent,
            _ => &path[..],
        };
        let expected = expected.trim_start_matches(',').trim();
        let expected = expected.strip_prefix("expected ").unwrap_or(expected);
        let mut words = format!("unknown key `{name}` {}", place(container));
        if !expected.is_empty() {
            words.push_str(&format!("; expected {expected}"));
        }
        words
    } else if let Some(rest) = msg.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        format!("missing key `{name}` {}", place(&path))
    } else if let Some(rule) = (1..=path.len()).rev().find_map(|n| describe(&path[..n])) {
        // The rule of the setting, or of the nearest table around it that has one.
        rule
    } else if path.is_empty() {
        msg.to_string()
    } else {
        format!("`{}`: {msg}", dotted(&path))
    };
    at(file, text, span, &words)
}

/// `FILE line N: words`, the line of the start of `span`.
fn at(file: &str, text: &str, span: Option<Range<usize>>, words: &str) -> String {
    match span {
        Some(span) => {
            let start = span.start.min(text.len());
            let line = text.as_bytes()[..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            format!("{file} line {line}: {words}")
        }
        None => format!("{file}: {words}"),
    }
}

/// An I/O error as words, without the `(os error 2)`.
fn io_reason(e: &std::io::Error) -> String {
    let words = e.to_string();
    let words = match words.find(" (os error") {
        Some(i) => words[..i].to_string(),
        None => words,
    };
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => words,
    }
}
