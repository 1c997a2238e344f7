//! `kabar sources`: the sources listed, or turned on and off in the config file.

use std::io::Write;
use std::path::{Path, PathBuf};

use kabar::config::Config;
use kabar::error::Error;
use kabar::net;

use super::args::SourcesAction;
use super::input::Source;

/// `kabar sources` and its edits of the config file (`--config FILE`, else the default).
pub(crate) fn sources(action: Option<&SourcesAction>, path: Option<&Path>) -> Result<(), Error> {
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
