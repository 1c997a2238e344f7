//! The model of news: what every site profile produces and every front end shows.
//!
//! The serde shape of [`Article`] and [`Headline`] is the `--json` contract that tools
//! outside the project read (see the fixtures' README); change field names only with it.

use std::ops::{Range, RangeInclusive};

use chrono::{DateTime, Datelike, FixedOffset};
use serde::{Deserialize, Serialize};

/// The years a news date may fall in. A page giving another year is wrong or hostile
/// (RFC 3339 cannot even write years before 0 or after 9999), so its date counts as
/// absent.
pub const DATE_YEARS: RangeInclusive<i32> = 1900..=2200;

/// `t`, if its year is in [`DATE_YEARS`].
pub fn plausible_date(t: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    DATE_YEARS.contains(&t.year()).then_some(t)
}

/// Which profile read the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Site {
    Kompas,
    Generic,
}

/// One clean article, ready to print or draw. All text in it has passed the sanitizer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub url: String,
    pub title: String,
    #[serde(with = "rfc3339_opt")]
    pub published: Option<DateTime<FixedOffset>>,
    pub authors: Vec<String>,
    pub editor: Option<String>,
    pub source: Option<String>,
    pub image: Option<String>,
    pub tags: Vec<String>,
    pub body: Vec<Block>,
    pub related: Vec<Link>,
    pub terkini: Vec<TerkiniLink>,
    pub site: Site,
    /// The lead image's caption, if the page gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_caption: Option<String>,
    /// Videos and posts embedded in the text, in page order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub embeds: Vec<Embed>,
    /// Photos in the text (not the lead image), in page order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<Photo>,
}

/// A photo in the article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    /// The image file.
    pub url: String,
    /// What the page says under it (or, without a caption, its alternative text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Where it sits: after this many blocks of the body.
    pub at: usize,
}

impl Photo {
    /// How the reader and the plain text name it: its caption, else its file name.
    pub fn title(&self) -> &str {
        self.caption
            .as_deref()
            .unwrap_or_else(|| self.url.rsplit('/').next().unwrap_or(&self.url))
    }
}

/// A video or a social media post embedded in the article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Embed {
    pub kind: EmbedKind,
    /// Where it can be watched or read.
    pub url: String,
    /// Where it sits: after this many blocks of the body.
    pub at: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EmbedKind {
    Video,
    Post,
}

impl EmbedKind {
    /// How the reader marks it in the text: `[video]`, `[post]`.
    pub fn mark(self) -> &'static str {
        match self {
            EmbedKind::Video => "[video]",
            EmbedKind::Post => "[post]",
        }
    }
}

/// A piece of article text in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    Quote,
}

/// A "Baca juga" (read also) link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// An item of the "Terkini Lainnya" (other latest news) list under an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TerkiniLink {
    pub title: String,
    pub url: String,
    pub label: Option<String>,
}

/// One entry of a headline list (an index, section or home page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Headline {
    pub title: String,
    pub url: String,
    pub label: Option<String>,
    #[serde(with = "rfc3339_opt")]
    pub published: Option<DateTime<FixedOffset>>,
}

/// A stored article that matched a search: its entry in a headline list, and the passage
/// of its text that matched (`snippet` in `kabar search --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    #[serde(flatten)]
    pub headline: Headline,
    pub snippet: Passage,
}

/// A passage of an article's text, plain, with the words a search matched in it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Passage {
    pub text: String,
    /// The matched words, as byte ranges of `text`, for highlighting.
    #[serde(skip)]
    pub marks: Vec<Range<usize>>,
}

/// A page of headlines and where the next page of the same list is, if the page says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HeadlinePage {
    pub headlines: Vec<Headline>,
    pub next: Option<String>,
}

/// The group of the videos and posts among the numbered links.
pub const EMBEDS_GROUP: &str = "Video dan postingan";
/// The group of the photos in the text among the numbered links.
pub const PHOTOS_GROUP: &str = "Foto";
/// How the reader marks a photo in the text.
pub const PHOTO_MARK: &str = "[foto]";

/// Whether the links of `group` are shown in the text, where they sit, rather than
/// under it: the videos, posts and photos.
pub fn shown_in_text(group: &str) -> bool {
    group == EMBEDS_GROUP || group == PHOTOS_GROUP
}

/// A link under the text with the number the reader and the plain text give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberedLink<'a> {
    pub n: usize,
    /// The heading of the group the link is in: "Baca juga" or "Terkini Lainnya".
    pub group: &'static str,
    pub title: &'a str,
    pub url: &'a str,
    pub label: Option<&'a str>,
}

impl NumberedLink<'_> {
    /// The link as it is shown: `[3] Title · Label`.
    pub fn text(&self) -> String {
        match self.label {
            Some(l) => format!("[{}] {} · {l}", self.n, self.title),
            None => format!("[{}] {}", self.n, self.title),
        }
    }

    /// The line of a link shown where it sits in the text: a video or post by its mark
    /// and address (`[video] [8] https://…`), a photo by `photo_mark` and its caption
    /// (`[foto] [9] Warga…`; the reader marks a photo that failed otherwise).
    pub fn in_text(&self, photo_mark: &str) -> String {
        if self.group == PHOTOS_GROUP {
            format!("{photo_mark} [{}] {}", self.n, self.title)
        } else {
            format!("{} [{}] {}", self.title, self.n, self.url)
        }
    }
}

impl Article {
    /// The links of the article, numbered from 1: "Baca juga" first, then "Terkini
    /// Lainnya", then the videos and posts embedded in the text, then the photos in it
    /// (last, so the numbers of the others do not depend on them); the tags follow them
    /// all ([`Article::numbered_tags`]). Every view numbers them here, so `N Enter` opens
    /// the link the screen and the plain text call `[N]`.
    pub fn numbered_links(&self) -> impl Iterator<Item = NumberedLink<'_>> {
        let related = self
            .related
            .iter()
            .map(|l| ("Baca juga", l.title.as_str(), &l.url, None));
        let terkini = self.terkini.iter().map(|l| {
            let label = l.label.as_deref();
            ("Terkini Lainnya", l.title.as_str(), &l.url, label)
        });
        let embeds = self
            .embeds
            .iter()
            .map(|e| (EMBEDS_GROUP, e.kind.mark(), &e.url, None));
        let photos = self
            .photos
            .iter()
            .map(|p| (PHOTOS_GROUP, p.title(), &p.url, None));
        related
            .chain(terkini)
            .chain(embeds)
            .chain(photos)
            .enumerate()
            .map(|(i, (group, title, url, label))| NumberedLink {
                n: i + 1,
                group,
                title,
                url,
                label,
            })
    }

    /// The tags, numbered on from the last of [`Article::numbered_links`], so that the
    /// numbers of the links stay what they were with or without tags.
    pub fn numbered_tags(&self) -> impl Iterator<Item = (usize, &str)> {
        // Counted from the numbering itself, so a new kind of link cannot give a tag the
        // number of another link.
        let after = self.numbered_links().count();
        self.tags
            .iter()
            .enumerate()
            .map(move |(i, tag)| (after + i + 1, tag.as_str()))
    }

    /// The article as an entry of a headline list (the saved articles).
    pub fn into_headline(self) -> Headline {
        Headline {
            title: self.title,
            url: self.url,
            label: None,
            published: self.published,
        }
    }

    /// The links shown in the text rather than under it (videos, posts, photos), each
    /// with the number of body blocks before it, in the order they sit (a stable sort:
    /// links at one place keep their numbers' order).
    pub fn links_in_text(&self) -> Vec<(usize, NumberedLink<'_>)> {
        let at = self.embeds.iter().map(|e| e.at);
        let at = at.chain(self.photos.iter().map(|p| p.at));
        let mut links: Vec<_> = at
            .zip(self.numbered_links().filter(|l| shown_in_text(l.group)))
            .collect();
        links.sort_by_key(|(at, _)| *at);
        links
    }

    /// The photo that is link `n` (1-based), if that link is a photo in the text.
    pub fn photo(&self, n: usize) -> Option<&Photo> {
        // The photos are the last of the numbered links.
        let before = self.numbered_links().count() - self.photos.len();
        self.photos.get(n.checked_sub(before + 1)?)
    }

    /// The URL of link `n` (1-based) in [`Article::numbered_links`] order.
    pub fn link_url(&self, n: usize) -> Option<&str> {
        self.numbered_links()
            .nth(n.checked_sub(1)?)
            .map(|link| link.url)
    }
}

/// Times are written as RFC 3339 with the page's own offset (WIB, +07:00, for Kompas),
/// seconds always present: `2026-11-24T19:30:15+07:00`. A date outside [`DATE_YEARS`] is
/// written as null, whichever parser let it in, so the output is always RFC 3339.
mod rfc3339_opt {
    use chrono::{DateTime, FixedOffset, SecondsFormat};
    use serde::{Deserialize, Deserializer, Serializer};

    use super::plausible_date;

    pub fn serialize<S: Serializer>(
        value: &Option<DateTime<FixedOffset>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value.and_then(plausible_date) {
            Some(t) => s.serialize_str(&t.to_rfc3339_opts(SecondsFormat::Secs, false)),
            None => s.serialize_none(),
        }
    }

    /// A date that does not read back (an earlier kabar stored `+12345-…`) is taken as
    /// absent: one bad date must not make a stored article, or the saved list, unreadable.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
        let raw: Option<String> = Option::deserialize(d)?;
        Ok(raw
            .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
            .and_then(plausible_date))
    }
}
