//! The settings, their defaults and their bounds.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::str::FromStr;

use ratatui::style::Color;
use serde::{Deserialize, Serialize};

use super::checks;
use crate::sites::kompas;

/// Bounds of the numbers, used both to check a file and in its error messages.
pub const PREFETCH: RangeInclusive<u64> = 0..=100;
pub const REFRESH_MINUTES: RangeInclusive<u64> = 0..=24 * 60;
pub const TEXT_WIDTH: RangeInclusive<u64> = 20..=1000;
pub const MAX_STORE_MB: RangeInclusive<u64> = 1..=100_000;
pub const LIST_COLUMNS: RangeInclusive<u64> = 20..=400;
pub const LIST_PERCENT: RangeInclusive<u64> = 10..=90;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The language of kabar's own labels (never of the news).
    #[serde(deserialize_with = "checks::language")]
    pub language: Language,
    /// How many articles of a list to fetch ahead, for reading offline.
    #[serde(deserialize_with = "checks::prefetch")]
    pub prefetch: usize,
    /// Reload the open list this often, in minutes; 0 never.
    #[serde(deserialize_with = "checks::refresh_minutes")]
    pub refresh_minutes: u64,
    /// The widest the article text is set, in columns.
    #[serde(deserialize_with = "checks::text_width")]
    pub text_width: u16,
    /// The most the local store of articles may take, in megabytes.
    #[serde(deserialize_with = "checks::max_store_mb")]
    pub max_store_mb: u64,
    /// The headline lists, in tab order.
    #[serde(deserialize_with = "checks::sections")]
    pub sections: Vec<Section>,
    /// Feeds and list pages of other outlets, each a tab after the sections.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<super::sources::Source>,
    pub colors: Colors,
    /// Key overrides: action name → keys. Checked at load; see [`Config::keymap`].
    #[serde(deserialize_with = "checks::keys")]
    pub keys: BTreeMap<String, Vec<String>>,
    /// The command `o` opens an address with (`firefox %u`): words split at spaces, `%u`
    /// replaced by the address as one whole argument (added at the end without it), run
    /// without a shell. None: `$BROWSER`, else the platform's opener.
    #[serde(
        deserialize_with = "checks::browser",
        skip_serializing_if = "Option::is_none"
    )]
    pub browser: Option<String>,
    /// The colours every `[colors]` entry left at its default takes: for a dark or a
    /// light terminal background. Last, so the older keys keep their place in messages.
    #[serde(deserialize_with = "checks::theme")]
    pub theme: ThemePreset,
    /// How wide the headline list is beside the reader.
    #[serde(deserialize_with = "checks::list_width")]
    pub list_width: ListWidth,
    /// Titles in the list over two lines rather than cut to one.
    #[serde(deserialize_with = "checks::boolean")]
    pub wrap_titles: bool,
    /// Whether the photos on screen are fetched and kept with their article.
    #[serde(deserialize_with = "checks::images")]
    pub images: Images,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            language: Language::from_env(),
            theme: ThemePreset::Dark,
            prefetch: 20,
            refresh_minutes: 10,
            text_width: 80,
            max_store_mb: crate::store::DEFAULT_MAX_MB,
            sections: Section::defaults(),
            sources: Vec::new(),
            colors: Colors::default(),
            keys: BTreeMap::new(),
            browser: None,
            list_width: ListWidth::default(),
            wrap_titles: false,
            images: Images::default(),
        }
    }
}

impl Config {
    /// How often the open list is reloaded; None when `refresh_minutes` is 0 (never).
    pub fn refresh_every(&self) -> Option<std::time::Duration> {
        (self.refresh_minutes > 0)
            .then(|| std::time::Duration::from_secs(self.refresh_minutes * 60))
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

/// The width of the headline list beside the reader: columns (`50`) or a share of the
/// screen (`"40%"`). Either way the reader keeps [`ListWidth::READER_KEEPS`] columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListWidth {
    Columns(u16),
    Percent(u16),
}

impl Default for ListWidth {
    fn default() -> Self {
        ListWidth::Percent(40)
    }
}

impl ListWidth {
    /// The least the reader is left beside the list.
    pub const READER_KEEPS: u16 = 40;

    /// The list's columns on a screen `total` columns wide.
    pub fn of(self, total: u16) -> u16 {
        let wanted = match self {
            ListWidth::Columns(n) => n,
            ListWidth::Percent(p) => (u32::from(total) * u32::from(p) / 100) as u16,
        };
        let most = total.saturating_sub(Self::READER_KEEPS);
        wanted.min(most).max(*LIST_COLUMNS.start() as u16)
    }
}

impl Serialize for ListWidth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ListWidth::Columns(n) => s.serialize_u16(*n),
            ListWidth::Percent(p) => s.serialize_str(&format!("{p}%")),
        }
    }
}

/// The photos in the reader: `auto` and `on` fetch those on screen and keep them with the
/// article for reading offline; `off` fetches none. They are drawn as pictures under
/// their `[foto]` lines where the terminal can (asked at start-up: with `auto` not over
/// SSH nor inside tmux, with `on` anywhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Images {
    #[default]
    Auto,
    Off,
    On,
}

/// The colour presets, for a dark or a light terminal background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemePreset {
    #[default]
    Dark,
    Light,
}

/// One headline list: all the latest news, one Kompas site's (`site = "bola"`), or any
/// index page (`url`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a [[sections]] table with `name` and `site` or `url`"
)]
pub struct Section {
    #[serde(deserialize_with = "checks::section_name")]
    pub name: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "checks::site"
    )]
    pub site: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "checks::url"
    )]
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
#[serde(deny_unknown_fields, default, expecting = "a table ([colors])")]
pub struct Colors {
    #[serde(deserialize_with = "checks::color")]
    pub accent: String,
    #[serde(deserialize_with = "checks::color")]
    pub selected_fg: String,
    #[serde(deserialize_with = "checks::color")]
    pub selected_bg: String,
    #[serde(deserialize_with = "checks::color")]
    pub dim: String,
    #[serde(deserialize_with = "checks::color")]
    pub link: String,
    #[serde(deserialize_with = "checks::color")]
    pub heading: String,
    #[serde(deserialize_with = "checks::color")]
    pub error: String,
    #[serde(deserialize_with = "checks::color")]
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
