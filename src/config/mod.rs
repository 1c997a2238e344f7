//! The configuration file: `~/.config/kabar/config.toml` (the platform's config directory),
//! or the file given with `--config`. Every setting has a default, so a missing default
//! file, an empty file, or a file with one line are all fine; a wrong setting is an error
//! in one line that names the file, the line and the key, given before the terminal is
//! touched.
//!
//! `assets/config.toml` is the documented default ([`DOCUMENTED`]); `kabar --print-config`
//! prints [`Config::to_toml`], the effective settings with every default written out.

mod checks;
mod sources;
mod types;

use std::ffi::OsStr;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crossterm::event::KeyCode;
use toml::de::DeTable;

use crate::keymap::{self, Key, Keymap};

pub use sources::Source;
pub use types::{
    Colors, Config, Images, LIST_COLUMNS, LIST_PERCENT, Language, ListWidth, MAX_STORE_MB,
    PREFETCH, REFRESH_MINUTES, Section, TEXT_WIDTH, ThemePreset, parse_color,
};

/// The documented default configuration, every key with a comment.
pub const DOCUMENTED: &str = include_str!("../../assets/config.toml");

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
        let fail =
            |span: Option<Range<usize>>, words: &str| ConfigError(at(file_name, text, span, words));
        let doc = DeTable::parse(text).map_err(|e| {
            let what = e.message().lines().next().unwrap_or("").trim();
            // What the parser stopped at, when it is a word: the key given twice.
            let found = e.span().and_then(|s| text.get(s)).map(str::trim);
            match found {
                Some(found) if !found.is_empty() && !found.contains('\n') => {
                    fail(e.span(), &format!("TOML syntax error at `{found}`: {what}"))
                }
                _ => fail(e.span(), &format!("TOML syntax error: {what}")),
            }
        })?;
        let config: Config = serde_path_to_error::deserialize(toml::de::Deserializer::from(
            doc.clone(),
        ))
        .map_err(|e| {
            let place = checks::place(e.path());
            fail(
                e.inner().span(),
                &format!("{place}: {}", e.inner().message()),
            )
        })?;
        sources::whole_file(doc.clone()).map_err(|(span, words)| fail(span, &words))?;
        checks::whole_file(doc).map_err(|(span, words)| fail(span, &words))?;
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
}

/// How the config file writes a key: arrows as words, so the file is plain ASCII.
fn config_key_name(key: Key) -> String {
    let arrow = match key.code {
        KeyCode::Down => "Down",
        KeyCode::Up => "Up",
        KeyCode::Left => "Left",
        KeyCode::Right => "Right",
        _ => return keymap::key_name(key),
    };
    if key.ctrl {
        format!("ctrl-{arrow}")
    } else {
        arrow.into()
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

/// `FILE line N: words`, the line of the start of `span`.
/// The words quote the file (a key, a value), so they are folded to one line and
/// cleared of control characters before they reach the terminal.
fn at(file: &str, text: &str, span: Option<Range<usize>>, words: &str) -> String {
    let words = crate::sanitize::inline(words);
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
