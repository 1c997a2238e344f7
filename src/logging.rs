//! Logs go to a file in the data directory, never to the terminal the reader draws on.

use std::fs::OpenOptions;
use std::io;
use std::path::{Path, PathBuf};

use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

/// The data directory: the one asked for, else the platform's
/// (`~/.local/share/kabar` on Linux).
pub fn data_dir(asked: Option<&Path>) -> Option<PathBuf> {
    asked.map(Path::to_path_buf).or_else(|| {
        directories::ProjectDirs::from("", "", "kabar").map(|d| d.data_dir().to_path_buf())
    })
}

/// The log file that could not be opened, and why.
#[derive(Debug)]
pub struct Unwritable {
    pub path: PathBuf,
    pub error: io::Error,
}

/// Starts logging to `dir/kabar.log` at `level` (a `RUST_LOG`-style filter; `RUST_LOG`
/// itself when no level is given; warnings by default). Logging is a help, not a need:
/// when the file cannot be opened (a `kabar.log` left by `sudo kabar`, say) the caller
/// is told why and kabar runs without a log; a level that does not parse logs nothing.
/// Keep the guard alive: dropping it flushes the log.
pub fn init(dir: &Path, level: Option<&str>) -> Result<Option<WorkerGuard>, Unwritable> {
    let path = dir.join("kabar.log");
    // Opened here rather than by `tracing_appender::rolling`, which panics on a file it
    // cannot open.
    let file = std::fs::create_dir_all(dir)
        .and_then(|()| OpenOptions::new().append(true).create(true).open(&path))
        .map_err(|error| Unwritable {
            path: path.clone(),
            error,
        })?;
    let filter = match level {
        Some(l) => match EnvFilter::try_new(l) {
            Ok(f) => f,
            Err(_) => return Ok(None),
        },
        None => EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn")),
    };
    let (writer, guard) = tracing_appender::non_blocking(file);
    let started = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init();
    Ok(started.ok().map(|()| guard))
}
