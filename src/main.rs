//! The `kabar` command: the reader (no subcommand) and the non-interactive `read` and
//! `headlines` commands.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use url::Url;

use kabar::error::Error;
use kabar::mirror::{MirrorServer, Routes};
use kabar::net::{self, Client};
use kabar::{fetch, sites, text};

/// The latest-news index: the default headline list.
const INDEX_URL: &str = "https://indeks.kompas.com/";

#[derive(Parser, Debug)]
#[command(
    name = "kabar",
    version,
    about = "A calm, fast terminal news reader for Kompas.com",
    long_about = "A calm, fast terminal news reader for Kompas.com.\n\n\
        Without a command, opens the reader: headlines on the left, the article on the \
        right, without ads, promos or \"Baca juga\" interruptions. Press ? inside for keys.\n\n\
        `kabar read` and `kabar headlines` print an article or a headline list and exit, \
        as plain text or as JSON for scripts.",
    after_help = "Examples:\n  kabar --demo                      open the reader on the built-in offline demo\n  \
        kabar headlines                   latest headlines from indeks.kompas.com\n  \
        kabar read URL                    one article, clean, as text\n  \
        kabar read page.html --json       a saved page, as JSON\n\n\
        Exit status: 0 ok, 2 usage or unreadable file, 3 network error, 4 nothing to read on the page."
)]
struct Cli {
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
    /// Where kabar keeps its files (the log); default ~/.local/share/kabar.
    #[arg(long, global = true, value_name = "DIR", env = "KABAR_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// What goes into the log file: error, warn, info, debug, trace, or a RUST_LOG-style
    /// filter (default: RUST_LOG, else warn).
    #[arg(long, global = true, value_name = "LEVEL")]
    log_level: Option<String>,
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
    /// Print the headline list of an index, section or home page, in page order.
    Headlines {
        /// A list page URL, a saved HTML file, or - for standard input.
        #[arg(default_value = INDEX_URL)]
        source: String,
        #[command(flatten)]
        output: Output,
    },
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
    /// Wrap text to this many columns (default: the terminal width, or 80 when piped).
    #[arg(long, value_name = "COLUMNS")]
    width: Option<usize>,
}

enum Source {
    Web(Url),
    File(PathBuf),
    Stdin,
}

impl Source {
    fn parse(s: &str) -> Result<Self, Error> {
        if s == "-" {
            return Ok(Source::Stdin);
        }
        if s.starts_with("http://") || s.starts_with("https://") {
            return Url::parse(s)
                .map(Source::Web)
                .map_err(|e| Error::Usage(format!("not a valid URL: {s} ({e})")));
        }
        if s.contains("://") {
            return Err(Error::Usage(format!(
                "only http and https addresses can be read: {s}"
            )));
        }
        Ok(Source::File(PathBuf::from(s)))
    }

    /// The page text and the URL it stands for, for a local source.
    fn read_local(&self, given: Option<&Url>) -> Result<(String, Url), Error> {
        let (bytes, fallback) = match self {
            Source::File(path) => {
                let bytes = std::fs::read(path).map_err(|e| Error::File {
                    path: path.display().to_string(),
                    reason: io_words(&e),
                })?;
                let abs = std::path::absolute(path).unwrap_or_else(|_| path.clone());
                let url = Url::from_file_path(&abs)
                    .unwrap_or_else(|_| Url::parse("file:///page.html").expect("valid URL"));
                (bytes, url)
            }
            Source::Stdin => {
                let mut bytes = Vec::new();
                std::io::stdin()
                    .take(net::MAX_BODY_BYTES as u64)
                    .read_to_end(&mut bytes)
                    .map_err(|e| Error::File {
                        path: "standard input".into(),
                        reason: io_words(&e),
                    })?;
                (bytes, Url::parse("file:///dev/stdin").expect("valid URL"))
            }
            Source::Web(_) => unreachable!("web sources are fetched"),
        };
        let text = net::decode(&bytes, None);
        let url = sites::page_url(&text, given, &fallback);
        Ok((text, url))
    }
}

fn io_words(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "it is a directory".into(),
        _ => e.to_string(),
    }
}

fn width(asked: Option<usize>) -> usize {
    asked.unwrap_or_else(|| {
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
        let server = MirrorServer::start(Routes::demo())
            .map_err(|e| Error::Usage(format!("cannot start the demo server: {e}")))?;
        return Ok((Some(server.base().clone()), Some(server)));
    }
    Ok((global.mirror.clone(), None))
}

async fn run(cli: Cli) -> Result<(), Error> {
    let (mirror, _server) = mirror(&cli.global)?;
    let client = Client::new(mirror)?;
    let Some(command) = cli.command else {
        if !std::io::stdout().is_terminal() {
            return Err(Error::Usage(
                "the reader needs a terminal; in scripts use `kabar headlines` or `kabar read URL`"
                    .into(),
            ));
        }
        return kabar::tui::run(client, INDEX_URL)
            .await
            .map_err(|e| Error::Usage(format!("terminal error: {e}")));
    };
    let mut stdout = std::io::stdout().lock();
    let printed = match command {
        Command::Read { source, output } => {
            let article = match Source::parse(&source)? {
                Source::Web(url) => fetch::article(&client, &url).await?,
                local => {
                    let (text, url) = local.read_local(output.url.as_ref())?;
                    sites::read_article(&text, &url)?.article
                }
            };
            if output.json {
                serde_json::to_string_pretty(&article).expect("articles serialize") + "\n"
            } else {
                text::article(&article, width(output.width))
            }
        }
        Command::Headlines { source, output } => {
            let page = match Source::parse(&source)? {
                Source::Web(url) => fetch::headlines(&client, &url).await?,
                local => {
                    let (text, url) = local.read_local(output.url.as_ref())?;
                    sites::read_headlines(&text, &url)?
                }
            };
            if output.json {
                serde_json::to_string_pretty(&page.headlines).expect("headlines serialize") + "\n"
            } else {
                text::headlines(&page.headlines, width(output.width))
            }
        }
    };
    // A closed pipe (`kabar headlines | head`) is not an error worth a message.
    let _ = stdout.write_all(printed.as_bytes());
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let _log = kabar::logging::data_dir(cli.global.data_dir.as_deref())
        .and_then(|dir| kabar::logging::init(&dir, cli.global.log_level.as_deref()));
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kabar: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}
