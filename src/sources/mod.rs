//! Sources beyond Kompas: kabar's built-in catalogue of Indonesian outlets' public feeds,
//! the `kabar sources` listing, the config file edits that turn sources on and off
//! (`edit`), and subscriptions moved in and out of other readers as OPML (`opml`).

mod edit;
mod opml;

use url::Url;

use crate::config::Source;
use crate::error::Error;

pub use edit::ConfigFile;
pub use opml::{export, import};

/// An outlet kabar knows the public feed of. None is on until added to the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outlet {
    /// What `kabar sources add` takes (any case).
    pub name: &'static str,
    pub tab: &'static str,
    pub url: &'static str,
}

/// The built-in catalogue: each outlet's own public feed of its latest or national news,
/// as the outlet publishes it (feeds move; `kabar sources add URL` takes any other).
pub const BUILT_IN: &[Outlet] = &[
    Outlet {
        name: "antara",
        tab: "ANTARA",
        url: "https://www.antaranews.com/rss/terkini.xml",
    },
    Outlet {
        name: "cnn",
        tab: "CNN Indonesia",
        url: "https://www.cnnindonesia.com/nasional/rss",
    },
    Outlet {
        name: "detik",
        tab: "detik",
        url: "https://news.detik.com/berita/rss",
    },
    Outlet {
        name: "tempo",
        tab: "Tempo",
        url: "https://rss.tempo.co/nasional",
    },
    Outlet {
        name: "republika",
        tab: "Republika",
        url: "https://www.republika.co.id/rss",
    },
    Outlet {
        name: "liputan6",
        tab: "Liputan6",
        url: "https://feed.liputan6.com/rss/news",
    },
    Outlet {
        name: "cnbc",
        tab: "CNBC Indonesia",
        url: "https://www.cnbcindonesia.com/news/rss",
    },
    Outlet {
        name: "suara",
        tab: "Suara",
        url: "https://www.suara.com/rss/news",
    },
    Outlet {
        name: "tribun",
        tab: "Tribunnews",
        url: "https://www.tribunnews.com/rss",
    },
    Outlet {
        name: "bbc",
        tab: "BBC Indonesia",
        url: "https://feeds.bbci.co.uk/indonesia/rss.xml",
    },
];

impl Outlet {
    pub fn source(&self) -> Source {
        Source {
            name: self.name.into(),
            url: self.url.into(),
            tab: Some(self.tab.into()),
        }
    }
}

/// The sources `kabar --demo` shows beside Kompas when the config names none: two
/// outlets whose feeds (and a few of their articles) ship with the demo.
pub fn demo() -> Vec<Source> {
    BUILT_IN
        .iter()
        .filter(|o| matches!(o.name, "antara" | "tempo"))
        .map(Outlet::source)
        .collect()
}

/// The source `kabar sources add WHAT` means: a built-in outlet by name, or any http(s)
/// address (named `name`, else by its host). `tab` overrides the tab's title.
pub fn to_add(what: &str, name: Option<&str>, tab: Option<&str>) -> Result<Source, Error> {
    let mut source = if what.starts_with("http://") || what.starts_with("https://") {
        let url = Url::parse(what)
            .ok()
            .filter(|u| u.host_str().is_some())
            .ok_or_else(|| Error::Usage(format!("not a valid address: {what}")))?;
        let host = url.host_str().unwrap_or_default();
        Source {
            name: name
                .map(str::to_string)
                .unwrap_or_else(|| host.trim_start_matches("www.").to_string()),
            url: url.to_string(),
            tab: None,
        }
    } else {
        let outlet = BUILT_IN
            .iter()
            .find(|o| o.name.eq_ignore_ascii_case(what))
            .ok_or_else(|| {
                let names: Vec<&str> = BUILT_IN.iter().map(|o| o.name).collect();
                Error::Usage(format!(
                    "no built-in source named {what:?} (the built-in ones: {}); to add a feed, give its address",
                    names.join(", ")
                ))
            })?;
        let mut source = outlet.source();
        if let Some(name) = name {
            source.name = name.into();
        }
        source
    };
    if let Some(tab) = tab {
        source.tab = Some(tab.into());
    }
    Ok(source)
}

/// `kabar sources`: every built-in outlet and every configured source, on or off, one a
/// line: state, name, tab, address.
pub fn listing(configured: &[Source]) -> String {
    let on = |url: &str| configured.iter().any(|s| s.url == url);
    let mut rows: Vec<[String; 4]> = configured
        .iter()
        .map(|s| {
            [
                "on".into(),
                s.name.clone(),
                s.tab().to_string(),
                s.url.clone(),
            ]
        })
        .collect();
    rows.extend(
        BUILT_IN
            .iter()
            .filter(|o| !on(o.url))
            .map(|o| ["off".into(), o.name.into(), o.tab.into(), o.url.into()]),
    );
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let (w0, w1, w2) = (width(0), width(1), width(2));
    rows.iter()
        .map(|[state, name, tab, url]| format!("{state:<w0$}  {name:<w1$}  {tab:<w2$}  {url}\n"))
        .collect()
}
