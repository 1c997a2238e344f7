//! The commands that print and exit: `read`, `headlines`, `search` and `saved`, and
//! what they share (the store, the list from the network or the store, the width).

use std::io::IsTerminal;
use std::path::Path;

use chrono::SecondsFormat;
use url::Url;

use kabar::article::{Article, Headline, HeadlinePage};
use kabar::error::Error;
use kabar::net::Client;
use kabar::store::Store;
use kabar::{fetch, sites, text};

use super::args::{ListChoice, Output};
use super::input::Source;

/// What every printing command may need: the client, whether it may use it, and the
/// store's directory.
pub(crate) struct Context {
    pub(crate) client: Client,
    pub(crate) offline: bool,
    pub(crate) data_dir: Option<std::path::PathBuf>,
}

impl Context {
    fn data_dir(&self) -> Option<&Path> {
        self.data_dir.as_deref()
    }
}

/// `kabar read`: one article, from the network (the store's copy when the network fails
/// or kabar is offline) or from a file.
pub(crate) async fn read(cx: &Context, source: &str, output: &Output) -> Result<String, Error> {
    let article = match Source::parse(source)? {
        Source::Web(url) if cx.offline => open_store(cx.data_dir())?
            .article(url.as_str())?
            .ok_or_else(|| Error::Offline(url.to_string()))?,
        Source::Web(url) => match fetch::article(&cx.client, &url).await {
            Err(e @ Error::Network { .. }) => stored_instead(cx.data_dir(), &url, e)?,
            fetched => fetched?,
        },
        Source::Local(local) => {
            let (text, url) = local.read(output.url.as_ref())?;
            let page = match sites::read_page(&text, &url)? {
                sites::Page::Article(page) => *page,
                sites::Page::List(n) => {
                    let name = local.name();
                    return Err(Error::NoText(format!(
                        "{name}: it is a list of {n} articles, not an article; \
                         for its headlines: kabar headlines {name}"
                    )));
                }
            };
            match &page.paging {
                Some(paging) => whole_article(&cx.client, &url, paging, cx.offline)
                    .await
                    .unwrap_or(page.article),
                None => page.article,
            }
        }
    };
    Ok(if output.json {
        serde_json::to_string_pretty(&article).expect("articles serialize") + "\n"
    } else {
        text::article(&article, width(output.width))
    })
}

/// `kabar headlines`: the list of a page, a feed or a file, or the one `list` names.
pub(crate) async fn headlines(
    cx: &Context,
    source: &str,
    list: &ListChoice,
    output: &Output,
) -> Result<String, Error> {
    let source = match list.url()? {
        Some(url) => Source::Web(url),
        None => Source::parse(source)?,
    };
    let page = match source {
        Source::Web(url) => headline_page(cx, url).await?,
        Source::Local(local) => local.list(output.url.as_ref())?,
    };
    Ok(print_headlines(&page.headlines, output.json, output.width))
}

/// `kabar search`: the store's hits for `words`, or with `site` a page of Kompas's.
pub(crate) async fn search(
    cx: &Context,
    words: &[String],
    site: Option<u32>,
    json: bool,
    columns: Option<u16>,
) -> Result<String, Error> {
    let query = words.join(" ");
    if let Some(page) = site {
        let url = Url::parse(&sites::kompas::search_url(&query, page))
            .map_err(|e| Error::Usage(format!("cannot search for {query:?}: {e}")))?;
        let page = headline_page(cx, url).await?;
        return Ok(print_headlines(&page.headlines, json, columns));
    }
    if kabar::store::match_expression(&query).is_none() {
        return Err(Error::Usage(format!(
            "nothing to search for in {query:?}: give a word of two letters or more"
        )));
    }
    let hits = open_store(cx.data_dir())?.search(&query)?;
    if hits.is_empty() {
        eprintln!("kabar: no stored article matches {query:?}");
    }
    Ok(if json {
        serde_json::to_string_pretty(&hits).expect("hits serialize") + "\n"
    } else {
        text::hits(&hits, width(columns))
    })
}

/// `kabar saved`: the saved articles, newest first.
pub(crate) fn saved(cx: &Context, json: bool) -> Result<String, Error> {
    let saved = open_store(cx.data_dir())?.saved()?;
    Ok(if json {
        let list: Vec<SavedJson<'_>> = saved
            .iter()
            .map(|s| SavedJson {
                saved_at: s.saved_at.to_rfc3339_opts(SecondsFormat::Secs, true),
                article: &s.article,
            })
            .collect();
        serde_json::to_string_pretty(&list).expect("articles serialize") + "\n"
    } else {
        let list: Vec<Headline> = saved
            .into_iter()
            .map(|s| s.article.into_headline())
            .collect();
        text::headlines(&list, width(None))
    })
}

/// The headline list at `url`: from the network, or from the store when offline.
async fn headline_page(cx: &Context, url: Url) -> Result<HeadlinePage, Error> {
    if !cx.offline {
        return fetch::headlines(&cx.client, &url).await;
    }
    let stored = open_store(cx.data_dir())?
        .headlines(url.as_str())?
        .ok_or_else(|| Error::Offline(url.to_string()))?;
    Ok(HeadlinePage {
        headlines: stored.headlines,
        next: stored.next,
    })
}

fn print_headlines(list: &[Headline], json: bool, columns: Option<u16>) -> String {
    if json {
        serde_json::to_string_pretty(list).expect("headlines serialize") + "\n"
    } else {
        text::headlines(list, width(columns))
    }
}

/// A saved article as `kabar saved --json` prints it: the article's fields and when it
/// was saved.
#[derive(serde::Serialize)]
struct SavedJson<'a> {
    saved_at: String,
    #[serde(flatten)]
    article: &'a Article,
}

/// The whole of a multi-page article of which a file holds one page, from the network
/// when its address is known (`--url`, or the page's canonical address) and kabar is not
/// offline. Says on stderr which page the file is and what happens; None when only the
/// page in the file can be printed.
async fn whole_article(
    client: &Client,
    url: &Url,
    paging: &sites::Paging,
    offline: bool,
) -> Option<Article> {
    let pages = paging.rest.len() + 1;
    let this = url
        .query_pairs()
        .find(|(k, _)| k == "page")
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .map_or(format!("one of {pages} pages"), |n| {
            format!("page {n} of {pages}")
        });
    if offline || !matches!(url.scheme(), "http" | "https") {
        eprintln!(
            "kabar: this is {this} of the article; pass --url with its address to read them all"
        );
        return None;
    }
    let mut whole = url.clone();
    let others: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| k != "page")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    whole.set_query(None);
    if !others.is_empty() {
        whole.query_pairs_mut().extend_pairs(others);
    }
    eprintln!("kabar: this is {this} of the article; reading all of them from {whole}");
    match fetch::article(client, &whole).await {
        Ok(article) => Some(article),
        Err(e) => {
            eprintln!("kabar: {e}; printing only the page in the file");
            None
        }
    }
}

/// The stored copy of the article at `url`, when the network failed with `failed` and
/// the store has one (said on stderr); else `failed`.
fn stored_instead(dir: Option<&Path>, url: &Url, failed: Error) -> Result<Article, Error> {
    let stored = dir
        .and_then(|d| Store::open_in(d).ok())
        .and_then(|(store, _)| store.article(url.as_str()).ok().flatten());
    match stored {
        Some(article) => {
            eprintln!("kabar: {failed}; printing the copy in the offline store");
            Ok(article)
        }
        None => Err(failed),
    }
}

fn open_store(dir: Option<&Path>) -> Result<Store, Error> {
    let dir = dir.ok_or_else(|| Error::Usage("no data directory: pass --data-dir".into()))?;
    let (store, notice) = Store::open_in(dir)?;
    if let Some(n) = notice {
        eprintln!("kabar: {n}");
    }
    Ok(store)
}

fn width(asked: Option<u16>) -> usize {
    asked.map(usize::from).unwrap_or_else(|| {
        if std::io::stdout().is_terminal() {
            crossterm::terminal::size()
                .map(|(w, _)| usize::from(w))
                .unwrap_or(80)
        } else {
            80
        }
    })
}
