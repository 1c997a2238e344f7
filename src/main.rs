//! The `kabar` command: the reader (no subcommand), the non-interactive `read`,
//! `headlines`, `search` and `saved` commands, the sources, and the shell completions and
//! man page. The command line and the printing commands are in `cli`; the reader's start
//! is here.

mod cli;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use url::Url;

use kabar::app::{Settings, theme_from_colors};
use kabar::article::HeadlinePage;
use kabar::config::Config;
use kabar::error::Error;
use kabar::mirror::{MirrorServer, Routes};
use kabar::net::Client;
use kabar::store::Store;
use kabar::worker::{TIMELINE_URL, TimelineSource};

use cli::args::{Cli, Command, Global};
use cli::print::{self, Context};

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
        return cli::sources::sources(action.as_ref(), cli.global.config.as_deref());
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
    let cx = Context {
        client,
        offline,
        data_dir,
    };
    let printed = match command {
        Command::Read { source, output } => print::read(&cx, &source, &output).await?,
        Command::Headlines {
            source,
            list,
            output,
        } => print::headlines(&cx, &source, &list, &output).await?,
        Command::Search {
            words,
            site,
            page,
            json,
            width,
        } => print::search(&cx, &words, site.then(|| page.unwrap_or(1)), json, width).await?,
        Command::Saved { json } => print::saved(&cx, json)?,
        Command::Completions { .. } | Command::Man => unreachable!("printed before the config"),
        Command::Sources { .. } => unreachable!("done before the network"),
    };
    // A closed pipe (`kabar headlines | head`) is not an error worth a message.
    let _ = std::io::stdout().lock().write_all(printed.as_bytes());
    Ok(())
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
        // Found by the terminal's answer, once it is set up.
        pictures: false,
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
                cli::input::io_words(&e.error)
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
