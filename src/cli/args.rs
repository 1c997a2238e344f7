//! The command line as clap reads it: the reader's address, the subcommands and their
//! options, and the checks of the values clap cannot type alone.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use url::Url;

use kabar::error::Error;
use kabar::net;
use kabar::sites;
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
pub(crate) struct Cli {
    /// An http(s) address to open in the reader at once, beside the usual list (an
    /// article of Kompas or of any site).
    #[arg(value_name = "URL", value_parser = reader_address)]
    pub(crate) address: Option<Url>,
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
    #[command(flatten)]
    pub(crate) global: Global,
}

#[derive(Args, Debug, Clone)]
pub(crate) struct Global {
    /// Send every request for scheme://host/path?query to BASE/host/path?query instead
    /// (a local copy of the sites, for tests and demos).
    #[arg(long, global = true, value_name = "BASE", env = "KABAR_MIRROR")]
    pub(crate) mirror: Option<Url>,
    /// Use the small offline copy of Kompas built into kabar (no network needed).
    #[arg(long, global = true, conflicts_with = "mirror")]
    pub(crate) demo: bool,
    /// Where kabar keeps its files (the offline store of articles and lists, and the
    /// log); default the platform's data directory (~/.local/share/kabar on Linux).
    #[arg(long, global = true, value_name = "DIR", env = "KABAR_DATA_DIR")]
    pub(crate) data_dir: Option<PathBuf>,
    /// What goes into the log file: error, warn, info, debug, trace, or a RUST_LOG-style
    /// filter (default: RUST_LOG, else warn).
    #[arg(long, global = true, value_name = "LEVEL")]
    pub(crate) log_level: Option<String>,
    /// The config file (default: config.toml in the platform's config directory,
    /// ~/.config/kabar on Linux).
    #[arg(long, global = true, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// The longest a page may take to load, in seconds.
    #[arg(long, global = true, value_name = "SECONDS", env = "KABAR_TIMEOUT", default_value_t = net::TOTAL_TIMEOUT.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..=600))]
    pub(crate) timeout: u64,
    /// No request leaves the machine: read only what the store holds.
    #[arg(long, global = true)]
    pub(crate) offline: bool,
    /// Print the effective config, every default included, and exit.
    #[arg(long)]
    pub(crate) print_config: bool,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
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
pub(crate) enum SourcesAction {
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
pub(crate) struct Output {
    /// Where a FILE or - page came from (picks the site profile and resolves relative
    /// links); without it, the page's own canonical address is used.
    #[arg(long, value_name = "URL")]
    pub(crate) url: Option<Url>,
    /// Print JSON (the fields are a stable interface for scripts).
    #[arg(long)]
    pub(crate) json: bool,
    /// Wrap text to this many columns, 20 to 1000 (default: the terminal width, or 80
    /// when piped).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..=1000))]
    pub(crate) width: Option<u16>,
}

/// A Kompas list named by what it holds rather than by its address.
#[derive(Args, Debug)]
pub(crate) struct ListChoice {
    /// The index of one day, YYYY-MM-DD (Jakarta time), of all Kompas or of --section.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day, conflicts_with_all = ["source", "tag"])]
    pub(crate) date: Option<chrono::NaiveDate>,
    /// A Kompas site (nasional, bola, otomotif, edu, food, travel, sains, kolom,
    /// properti, …), or `terpopuler` (most read) or `headline`.
    #[arg(long, value_name = "SECTION", value_parser = section_name, conflicts_with_all = ["source", "tag"])]
    pub(crate) section: Option<String>,
    /// The list of a Kompas tag, by its name or slug (`--tag "banjir bandang"`).
    #[arg(long, value_name = "TAG", conflicts_with = "source")]
    pub(crate) tag: Option<String>,
}

impl ListChoice {
    /// The list's address, when one was chosen this way.
    pub(crate) fn url(&self) -> Result<Option<Url>, Error> {
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
