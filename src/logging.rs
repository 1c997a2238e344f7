//! Logs go to a file in the data directory, never to the terminal the reader draws on.

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

/// Starts logging to `dir/kabar.log` at `level` (a `RUST_LOG`-style filter; `RUST_LOG`
/// itself when no level is given; warnings by default). Logging is a help, not a need:
/// when the file cannot be opened, kabar runs without it. Keep the guard alive: dropping
/// it flushes the log.
pub fn init(dir: &Path, level: Option<&str>) -> Option<WorkerGuard> {
    std::fs::create_dir_all(dir).ok()?;
    let file = tracing_appender::rolling::never(dir, "kabar.log");
    let (writer, guard) = tracing_appender::non_blocking(file);
    let filter = match level {
        Some(l) => EnvFilter::try_new(l).ok()?,
        None => EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn")),
    };
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init()
        .ok()?;
    Some(guard)
}
