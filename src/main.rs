//! The `kabar` command: the reader (no subcommand), the non-interactive `read`,
//! `headlines` and `saved` commands, and the shell completions and man page.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand};
use url::Url;

use chrono::SecondsFormat;
use kabar::app::{Settings, theme_from_colors};
use kabar::article::{Headline, HeadlinePage};
use kabar::config::Config;
use kabar::error::Error;
use kabar::mirror::{MirrorServer, Routes};
use kabar::net::{self, Client};
use kabar::store::Store;
use kabar::worker::{TIMELINE_URL, TimelineSource};
use kabar::{feeds, fetch, sites, text};

use kabar::sites::kompas::INDEX_URL;

#[derive(Parser, Debug)]
#[command(
    name = "kabar",
    version,
    about = "A calm, fast terminal news reader for Kompas.com",
    long_about = "A calm, fast terminal news reader for Kompas.com.\n\n\
        Without a command, opens the reader: headlines on the left, the article on the \
        right, without ads, promos or \"Baca juga\" interruptions; `kabar URL` opens it with that \
        page in the reader. Press ? inside for keys.\n\n\
        `kabar read` and `kabar headlines` print an article or a headline list and exit, \
        as plain text or as JSON for scripts.",
    after_help = "Examples:\n  kabar --demo                      open the reader on the built-in offline demo\n  \
        kabar headlines                   latest headlines from indeks.kompas.com\n  \
        kabar https://www.kompas.com/…    the reader, with that article open\n  \
        kabar read URL                    one article, clean, as text\n  \
        kabar read page.html --json       a saved page, as JSON\n\n\
        Exit status: 0 ok, 2 bad command line, config or file, 3 network error, \
        4 nothing to read on the page, 5 local failure (store, terminal, HTTP client)."
)]
struct Cli {
    /// An http(s) address to open in the reader at once, beside the usual list (an
    /// article of Kompas or of any site).
    #[arg(value_name = "URL", value_parser = reader_address)]
    address: Option<Url>,
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    global: Global,
}

#[derive(Args, Debug, Clone)]
struct Global {
    /// Send every request for scheme://host/path?query to BASE/host/path?query instead
    /// (a local copy of the sites, for tests and demos).
    #[arg(long, global = true, value_name = "BASE", env = "KABAR_MIRROR")]
    mirror: Option<Url>,
    /// Use the small offline copy of Kompas built into kabar (no network needed).
    #[arg(long, global = true, conflicts_with = "mirror")]
    demo: bool,
    /// Where kabar keeps its files (the offline store of articles and lists, and the
    /// log); default the platform's data directory (~/.local/share/kabar on Linux).
    #[arg(long, global = true, value_name = "DIR", env = "KABAR_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// What goes into the log file: error, warn, info, debug, trace, or a RUST_LOG-style
    /// filter (default: RUST_LOG, else warn).
    #[arg(long, global = true, value_name = "LEVEL")]
    log_level: Option<String>,
    /// The config file (default: config.toml in the platform's config directory,
    /// ~/.config/kabar on Linux).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The longest a page may take to load, in seconds.
    #[arg(long, global = true, value_name = "SECONDS", env = "KABAR_TIMEOUT", default_value_t = net::TOTAL_TIMEOUT.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..=600))]
    timeout: u64,
    /// No request leaves the machine: read only what the store holds.
    #[arg(long, global = true)]
    offline: bool,
    /// Print the effective config, every default included, and exit.
    #[arg(long)]
    print_config: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print one article, clean: title, date, authors, text, then its links.
    Read {
        /// An article URL, a saved HTML file, or - for standard input.
        source: String,
        #[command(flatten)]
        output: Output,
    },
    /// Print the headline list of an index, section or home page, or of a feed (RSS,
    /// Atom, JSON Feed), in page order; or of one day (--date), a section (--section), or
    /// a tag (--tag).
    Headlines {
        /// A list page or feed URL, a saved HTML or feed file, or - for standard input.
        #[arg(default_value = INDEX_URL)]
        source: String,
        #[command(flatten)]
        list: ListChoice,
        #[command(flatten)]
        output: Output,
    },
    /// Search the articles kept in the offline store (no network), best match first, with
    /// the passage that matched; or, with --site, search Kompas.
    ///
    /// Each word matches as the start of a word, also after the common Indonesian
    /// prefixes: "banjir" finds "banjirnya", "kebanjiran" and "membanjiri". Case and
    /// accents do not matter; every word must match, in the title (which counts more) or
    /// the text.
    Search {
        /// The words to look for.
        #[arg(required = true, value_name = "WORDS")]
        words: Vec<String>,
        /// Search Kompas (search.kompas.com, newest first) instead of the store; prints a
        /// headline list.
        #[arg(long)]
        site: bool,
        /// Which page of Kompas's results, from 1 (with --site).
        #[arg(long, value_name = "N", requires = "site",
              value_parser = clap::value_parser!(u32).range(1..=1000))]
        page: Option<u32>,
        /// Print JSON: the headline list's fields, plus `snippet` for the store's hits.
        #[arg(long)]
        json: bool,
        /// Wrap text to this many columns, 20 to 1000.
        #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: Option<u16>,
    },
    /// Print the saved articles ("Tersimpan"), newest first.
    Saved {
        /// Print JSON: a list of articles, each with a `saved_at` time.
        #[arg(long)]
        json: bool,
    },
    /// List the sources (kabar's built-in outlets and the config's, on or off), or turn
    /// them on and off in the config file, keeping its comments.
    Sources {
        #[command(subcommand)]
        action: Option<SourcesAction>,
    },
    /// Print the completion script for a shell (e.g. `kabar completions bash >
    /// ~/.local/share/bash-completion/completions/kabar`).
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `kabar man > ~/.local/share/man/man1/kabar.1`.
    Man,
}

#[derive(Subcommand, Debug)]
enum SourcesAction {
    /// Turn a source on: a built-in outlet by name (`kabar sources add antara`), or any
    /// feed or list page by its address.
    Add {
        /// A built-in outlet's name, or an http(s) address.
        #[arg(value_name = "NAME|URL")]
        what: String,
        /// The source's name (default: the outlet's, or the address's host).
        #[arg(long)]
        name: Option<String>,
        /// The title of its tab (default: the outlet's, or the name).
        #[arg(long)]
        tab: Option<String>,
    },
    /// Turn a source off: remove it from the config.
    Remove {
        /// The source's name, as `kabar sources` shows it.
        name: String,
    },
    /// Add every feed of an OPML file (another reader's subscriptions), folders included.
    Import {
        /// The OPML file, or - for standard input.
        file: String,
    },
    /// Print the sources that are on as OPML, for another reader.
    Export,
}

#[derive(Args, Debug)]
struct Output {
    /// Where a FILE or - page came from (picks the site profile and resolves relative
    /// links); without it, the page's own canonical address is used.
    #[arg(long, value_name = "URL")]
    url: Option<Url>,
    /// Print JSON (the fields are a stable interface for scripts).
    #[arg(long)]
    json: bool,
    /// Wrap text to this many columns, 20 to 1000 (default: the terminal width, or 80
    /// when piped).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..=1000))]
    width: Option<u16>,
}

/// A Kompas list named by what it holds rather than by its address.
#[derive(Args, Debug)]
struct ListChoice {
    /// The index of one day, YYYY-MM-DD (Jakarta time), of all Kompas or of --section.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day, conflicts_with_all = ["source", "tag"])]
    date: Option<chrono::NaiveDate>,
    /// A Kompas site (nasional, bola, otomotif, edu, food, travel, sains, kolom,
    /// properti, …), or `terpopuler` (most read) or `headline`.
    #[arg(long, value_name = "SECTION", value_parser = section_name, conflicts_with_all = ["source", "tag"])]
    section: Option<String>,
    /// The list of a Kompas tag, by its name or slug (`--tag "banjir bandang"`).
    #[arg(long, value_name = "TAG", conflicts_with = "source")]
    tag: Option<String>,
}

impl ListChoice {
    /// The list's address, when one was chosen this way.
    fn url(&self) -> Result<Option<Url>, Error> {
        use sites::kompas;
        let url = match (&self.date, &self.section, &self.tag) {
            (Some(date), site, _) => kompas::day_url(site.as_deref(), *date, kompas::today())
                .map_err(|why| Error::Usage(format!("--date {date}: {why}")))?,
            (None, Some(site), _) => kompas::section_url(Some(site)),
            (None, None, Some(tag)) => kompas::tag_url(tag).ok_or_else(|| {
                Error::Usage(format!("--tag {tag:?}: no letters or digits in it"))
            })?,
            (None, None, None) => return Ok(None),
        };
        Url::parse(&url)
            .map(Some)
            .map_err(|e| Error::Usage(format!("cannot make an address of {url}: {e}")))
    }
}

/// A day as `--date` takes it.
fn day(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("not a date: {s:?} (give YYYY-MM-DD, e.g. 2026-11-24)"))
}

/// A section as `--section` takes it: a Kompas site's name.
fn section_name(s: &str) -> Result<String, String> {
    let ok = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then(|| s.to_string()).ok_or_else(|| {
        format!("not a Kompas site name: {s:?} (lower-case letters, digits and -, e.g. nasional)")
    })
}

/// The address `kabar URL` opens: http or https only, so that a mistyped command is not
/// taken for a page.
fn reader_address(s: &str) -> Result<Url, String> {
    if !(s.starts_with("http://") || s.starts_with("https://")) {
        return Err(format!(
            "not a command nor an http(s) address: {s} (see `kabar --help`)"
        ));
    }
    net::check_url_length(s).map_err(|e| e.to_string())?;
    match Url::parse(s) {
        Ok(url) if url.host().is_some() => Ok(url),
        Ok(_) => Err(format!("not a web address: {s}")),
        Err(e) => Err(format!("not a valid URL: {s} ({e})")),
    }
}

/// Where `read` and `headlines` take their page from.
enum Source {
    Web(Url),
    Local(Local),
}

enum Local {
    File(PathBuf),
    Stdin,
}

impl Source {
    fn parse(s: &str) -> Result<Self, Error> {
        if s == "-" {
            return Ok(Source::Local(Local::Stdin));
        }
        if s.starts_with("http://") || s.starts_with("https://") {
            net::check_url_length(s)?;
            return Url::parse(s)
                .map(Source::Web)
                .map_err(|e| Error::Usage(format!("not a valid URL: {s} ({e})")));
        }
        if s.contains("://") {
            return Err(Error::Usage(format!(
                "only http and https addresses can be read: {s}"
            )));
        }
        Ok(Source::Local(Local::File(PathBuf::from(s))))
    }
}

impl Local {
    /// The page text and the URL it stands for, for a local source.
    fn read(&self, given: Option<&Url>) -> Result<(String, Url), Error> {
        let (bytes, fallback) = self.bytes()?;
        self.page(&bytes, &fallback, given)
    }

    /// The source's bytes, within the size a page may have, and the address of the file.
    fn bytes(&self) -> Result<(Vec<u8>, Url), Error> {
        Ok(match self {
            Local::File(path) => {
                let name = path.display().to_string();
                let bytes = std::fs::File::open(path)
                    .map_err(|e| Error::File {
                        path: name.clone(),
                        reason: io_words(&e),
                    })
                    .and_then(|file| read_capped(file, &name))?;
                let abs = std::path::absolute(path).unwrap_or_else(|_| path.clone());
                let url = Url::from_file_path(&abs)
                    .unwrap_or_else(|_| Url::parse("file:///page.html").expect("valid URL"));
                (bytes, url)
            }
            Local::Stdin => (
                read_capped(std::io::stdin(), "standard input")?,
                Url::parse("file:///dev/stdin").expect("valid URL"),
            ),
        })
    }

    /// `bytes` as a web page's text, and the URL the page stands for.
    fn page(
        &self,
        bytes: &[u8],
        fallback: &Url,
        given: Option<&Url>,
    ) -> Result<(String, Url), Error> {
        if let Some(what) = not_a_page(bytes) {
            return Err(Error::NoText(format!("{} ({what})", self.name())));
        }
        let text = net::decode(bytes, None);
        let url = sites::page_url(&text, given, fallback);
        Ok((text, url))
    }

    /// A list from a local source: a feed, told by its content, or a list page.
    fn list(&self, given: Option<&Url>) -> Result<HeadlinePage, Error> {
        let (bytes, fallback) = self.bytes()?;
        if net::looks_like_feed(&bytes) {
            return feeds::read(&bytes, given.unwrap_or(&fallback));
        }
        let (text, url) = self.page(&bytes, &fallback, given)?;
        sites::read_headlines(&text, &url)
    }

    /// The source as the user named it.
    fn name(&self) -> String {
        match self {
            Local::File(path) => path.display().to_string(),
            Local::Stdin => "standard input".into(),
        }
    }
}

/// Why `bytes` cannot be a web page, when they cannot: binary data (a NUL byte, or many
/// control characters in the first 8 KB), or text without a single HTML tag (a TSV file).
fn not_a_page(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if head.contains(&0) || control * 100 > head.len() {
        return Some("binary data, not a web page");
    }
    let tag = bytes
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'!'));
    (!tag).then_some("no HTML in it, not a web page")
}

/// All of `from`, if it is no larger than a page from the network may be. One byte past
/// the limit is read, to tell a page of exactly the limit from a larger one; no more, so
/// `/dev/zero` or an endless pipe cannot fill memory.
fn read_capped(from: impl Read, name: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    from.take(net::MAX_BODY_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::File {
            path: name.into(),
            reason: io_words(&e),
        })?;
    if bytes.len() > net::MAX_BODY_BYTES {
        return Err(net::too_large(name));
    }
    Ok(bytes)
}

fn io_words(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "it is a directory".into(),
        _ => e.to_string(),
    }
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

/// Starts the demo server when asked, and returns the mirror base to use.
fn mirror(global: &Global) -> Result<(Option<Url>, Option<MirrorServer>), Error> {
    if global.demo {
        let server =
            MirrorServer::start(Routes::demo()).map_err(|e| Error::DemoServer(e.to_string()))?;
        return Ok((Some(server.base().clone()), Some(server)));
    }
    Ok((global.mirror.clone(), None))
}

async fn run(cli: Cli, data_dir: Option<PathBuf>) -> Result<(), Error> {
    if let (Some(address), Some(_)) = (&cli.address, &cli.command) {
        return Err(Error::Usage(format!(
            "an address opens the reader and goes with no command: {address} (for one article as text, `kabar read {address}`)"
        )));
    }
    match &cli.command {
        Some(Command::Completions { shell }) => {
            let mut out = std::io::stdout().lock();
            clap_complete::generate(*shell, &mut Cli::command(), "kabar", &mut out);
            return Ok(());
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut page)
                .map_err(|e| Error::Usage(format!("cannot write the man page: {e}")))?;
            let _ = std::io::stdout().lock().write_all(&page);
            return Ok(());
        }
        _ => {}
    }
    if let Some(Command::Sources { action }) = &cli.command {
        return sources(action.as_ref(), cli.global.config.as_deref());
    }
    let mut config = Config::load(cli.global.config.as_deref())?;
    if cli.global.print_config {
        print!("{}", config.to_toml());
        return Ok(());
    }
    if cli.global.demo && config.sources.is_empty() {
        config.sources = kabar::sources::demo();
    }
    let (mirror, _server) = mirror(&cli.global)?;
    let client = Client::with_timeout(mirror, std::time::Duration::from_secs(cli.global.timeout))?;
    let offline = cli.global.offline;
    let Some(command) = cli.command else {
        let open = cli.address.map(String::from);
        return reader(config, data_dir, client, offline, open).await;
    };
    let mut stdout = std::io::stdout().lock();
    let printed = match command {
        Command::Read { source, output } => {
            let article = match Source::parse(&source)? {
                Source::Web(url) if offline => open_store(data_dir.as_deref())?
                    .article(url.as_str())?
                    .ok_or_else(|| Error::Offline(url.to_string()))?,
                Source::Web(url) => match fetch::article(&client, &url).await {
                    Err(e @ Error::Network { .. }) => stored_instead(data_dir.as_deref(), &url, e)?,
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
                        Some(paging) => whole_article(&client, &url, paging, offline)
                            .await
                            .unwrap_or(page.article),
                        None => page.article,
                    }
                }
            };
            if output.json {
                serde_json::to_string_pretty(&article).expect("articles serialize") + "\n"
            } else {
                text::article(&article, width(output.width))
            }
        }
        Command::Headlines {
            source,
            list,
            output,
        } => {
            let source = match list.url()? {
                Some(url) => Source::Web(url),
                None => Source::parse(&source)?,
            };
            let page = match source {
                Source::Web(url) => {
                    headline_page(&client, url, offline, data_dir.as_deref()).await?
                }
                Source::Local(local) => local.list(output.url.as_ref())?,
            };
            print_headlines(&page.headlines, output.json, output.width)
        }
        Command::Search {
            words,
            site,
            page,
            json,
            width: columns,
        } => {
            let query = words.join(" ");
            if site {
                let url = Url::parse(&sites::kompas::search_url(&query, page.unwrap_or(1)))
                    .map_err(|e| Error::Usage(format!("cannot search for {query:?}: {e}")))?;
                let page = headline_page(&client, url, offline, data_dir.as_deref()).await?;
                print_headlines(&page.headlines, json, columns)
            } else {
                if kabar::store::match_expression(&query).is_none() {
                    return Err(Error::Usage(format!(
                        "nothing to search for in {query:?}: give a word of two letters or more"
                    )));
                }
                let hits = open_store(data_dir.as_deref())?.search(&query)?;
                if hits.is_empty() {
                    eprintln!("kabar: no stored article matches {query:?}");
                }
                if json {
                    serde_json::to_string_pretty(&hits).expect("hits serialize") + "\n"
                } else {
                    text::hits(&hits, width(columns))
                }
            }
        }
        Command::Completions { .. } | Command::Man => unreachable!("printed before the config"),
        Command::Sources { .. } => unreachable!("done before the network"),
        Command::Saved { json } => {
            let saved = open_store(data_dir.as_deref())?.saved()?;
            if json {
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
            }
        }
    };
    // A closed pipe (`kabar headlines | head`) is not an error worth a message.
    let _ = stdout.write_all(printed.as_bytes());
    Ok(())
}

/// `kabar sources` and its edits of the config file (`--config FILE`, else the default).
fn sources(action: Option<&SourcesAction>, path: Option<&std::path::Path>) -> Result<(), Error> {
    // A --config file that is not there yet is where the first source goes.
    let config = match path {
        Some(p) if !p.exists() && action.is_some() => Config::default(),
        _ => Config::load(path)?,
    };
    let edit = || {
        let path = path
            .map(PathBuf::from)
            .or_else(Config::default_path)
            .ok_or_else(|| Error::Usage("no config directory: pass --config FILE".into()))?;
        kabar::sources::ConfigFile::open(&path).map(|file| (file, path))
    };
    let mut out = std::io::stdout().lock();
    match action {
        None => {
            let _ = out.write_all(kabar::sources::listing(&config.sources).as_bytes());
        }
        Some(SourcesAction::Add { what, name, tab }) => {
            let source = kabar::sources::to_add(what, name.as_deref(), tab.as_deref())?;
            let (mut file, path) = edit()?;
            file.add(&source)?;
            file.save()?;
            eprintln!(
                "kabar: {} ({}) added to {}",
                source.name,
                source.url,
                path.display()
            );
        }
        Some(SourcesAction::Remove { name }) => {
            let (mut file, path) = edit()?;
            let removed = file.remove(name)?;
            file.save()?;
            eprintln!("kabar: {} removed from {}", removed.name, path.display());
        }
        Some(SourcesAction::Import { file: from }) => {
            let local = match Source::parse(from)? {
                Source::Local(local) => local,
                Source::Web(_) => {
                    return Err(Error::Usage(format!(
                        "import reads a file, not an address: {from}"
                    )));
                }
            };
            let (bytes, _) = local.bytes()?;
            let found = kabar::sources::import(&net::decode(&bytes, None), &local.name())?;
            let (mut file, path) = edit()?;
            let mut added = 0;
            for source in &found {
                match file.add(source) {
                    Ok(()) => added += 1,
                    Err(e) => eprintln!("kabar: {} not added: {e}", source.url),
                }
            }
            file.save()?;
            eprintln!(
                "kabar: {added} of {} feeds added to {}",
                found.len(),
                path.display()
            );
        }
        Some(SourcesAction::Export) => {
            let _ = out.write_all(kabar::sources::export(&config.sources).as_bytes());
        }
    }
    Ok(())
}

/// The headline list at `url`: from the network, or from the store when offline.
async fn headline_page(
    client: &Client,
    url: Url,
    offline: bool,
    data_dir: Option<&std::path::Path>,
) -> Result<HeadlinePage, Error> {
    if !offline {
        return fetch::headlines(client, &url).await;
    }
    let stored = open_store(data_dir)?
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
    article: &'a kabar::article::Article,
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
) -> Option<kabar::article::Article> {
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
fn stored_instead(
    dir: Option<&std::path::Path>,
    url: &Url,
    failed: Error,
) -> Result<kabar::article::Article, Error> {
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

fn open_store(dir: Option<&std::path::Path>) -> Result<Store, Error> {
    let dir = dir.ok_or_else(|| Error::Usage("no data directory: pass --data-dir".into()))?;
    let (store, notice) = Store::open_in(dir)?;
    if let Some(n) = notice {
        eprintln!("kabar: {n}");
    }
    Ok(store)
}

/// The reader's tabs (name and list address) and what the "Semua" timeline merges. With
/// sources configured: the sections, "Semua", then one tab per source; without, the
/// sections alone.
fn tabs(config: &Config) -> (Vec<(String, String)>, Vec<TimelineSource>) {
    let mut sections: Vec<(String, String)> = config
        .sections
        .iter()
        .map(|s| (s.name.clone(), s.url()))
        .collect();
    if config.sources.is_empty() {
        return (sections, Vec::new());
    }
    let kompas = TimelineSource {
        name: "Kompas".into(),
        url: sections[0].1.clone(),
    };
    let timeline: Vec<TimelineSource> = std::iter::once(kompas)
        .chain(config.sources.iter().map(|s| TimelineSource {
            name: s.tab().to_string(),
            url: s.url.clone(),
        }))
        .collect();
    sections.push(("Semua".into(), TIMELINE_URL.into()));
    sections.extend(
        config
            .sources
            .iter()
            .map(|s| (s.tab().to_string(), s.url.clone())),
    );
    (sections, timeline)
}

/// The interactive reader: the store opened, its list for the first section ready for the
/// first frame, the worker started, then the terminal.
async fn reader(
    config: Config,
    data_dir: Option<PathBuf>,
    client: Client,
    offline: bool,
    open: Option<String>,
) -> Result<(), Error> {
    // A dumb terminal cannot move the cursor, so the reader would draw garbage there.
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        return Err(Error::Usage(
            "the reader cannot run in a dumb terminal (TERM=dumb); use `kabar headlines` or `kabar read URL`"
                .into(),
        ));
    }
    if !std::io::stdout().is_terminal() {
        return Err(Error::Usage(
            "the reader needs a terminal; in scripts use `kabar headlines` or `kabar read URL`"
                .into(),
        ));
    }
    let (mut store, mut notice) = match data_dir.as_deref().map(Store::open_in) {
        Some(Ok((store, notice))) => (Some(store), notice),
        Some(Err(e)) => (
            None,
            Some(format!(
                "the store cannot be used, nothing will be kept: {e}"
            )),
        ),
        None => (
            None,
            Some("no data directory: nothing will be kept".to_string()),
        ),
    };
    let (sections, timeline) = tabs(&config);
    let mut stored = None;
    if let Some(store) = &mut store {
        let max_bytes = kabar::store::bytes_of_mb(config.max_store_mb);
        store.set_max_article_bytes(max_bytes);
        if let Err(e) = store.evict(chrono::Utc::now(), max_bytes) {
            notice.get_or_insert(e.to_string());
        }
        if let Some((_, first)) = sections.first()
            && let Ok(Some(list)) = store.headlines(first)
        {
            let urls: Vec<String> = list.headlines.iter().map(|h| h.url.clone()).collect();
            let read = store.read_among(&urls).unwrap_or_default();
            stored = Some((
                HeadlinePage {
                    headlines: list.headlines,
                    next: list.next,
                },
                list.fetched_at,
                read,
            ));
        }
    }
    let settings = Settings {
        theme: theme_from_colors(&config.colors, config.theme, kabar::config::no_color()),
        sections,
        keymap: config.keymap(),
        words: if config.language.is_indonesian() {
            kabar::words::ID
        } else {
            kabar::words::EN
        },
        text_width: config.text_width,
        offline,
        store: store.is_some(),
        ascii: {
            let var = |name| std::env::var(name).ok();
            kabar::ui::ascii_only(
                var("LC_ALL").as_deref(),
                var("LC_CTYPE").as_deref(),
                var("LANG").as_deref(),
                var("TERM").as_deref(),
            )
        },
        clock: kabar::app::Clock::default(),
        list_width: config.list_width,
        wrap_titles: config.wrap_titles,
        images: config.images,
    };
    let start = kabar::tui::Start {
        settings,
        refresh: config.refresh_every(),
        stored,
        notice,
        open,
    };
    let handle = kabar::worker::spawn_with_timeline(
        client,
        store,
        offline,
        config.prefetch,
        config.browser,
        timeline,
    );
    kabar::tui::run(start, handle)
        .await
        .map_err(|e| Error::Terminal(e.to_string()))
}

fn main() -> ExitCode {
    // A page that breaks a parser fails alone with its own message; the panic is only
    // logged. The reader adds the terminal's restore to this hook.
    kabar::tui::set_panic_hook(|| {});
    let cli = Cli::parse();
    let data_dir = kabar::logging::data_dir(cli.global.data_dir.as_deref());
    let log = match data_dir
        .as_deref()
        .map(|dir| kabar::logging::init(dir, cli.global.log_level.as_deref()))
    {
        Some(Ok(guard)) => guard,
        Some(Err(e)) => {
            eprintln!(
                "kabar: cannot write the log ({}: {}); running without a log",
                e.path.display(),
                io_words(&e.error)
            );
            None
        }
        None => None,
    };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("kabar: cannot start: {e}");
            return ExitCode::from(kabar::error::exit::LOCAL);
        }
    };
    let code = match runtime.block_on(run(cli, data_dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kabar: {e}");
            ExitCode::from(e.exit_code())
        }
    };
    // A page still being parsed for an article the reader left is not waited for.
    runtime.shutdown_background();
    drop(log);
    code
}
