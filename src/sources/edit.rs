//! Turning sources on and off in the config file itself, with toml_edit, so the user's
//! comments, order and spacing stay as they wrote them; what is written is checked to
//! load first, so an edit can never leave a config kabar refuses.

use std::path::{Path, PathBuf};

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use crate::config::{Config, Source};
use crate::error::Error;

/// A config file open for editing.
pub struct ConfigFile {
    path: PathBuf,
    doc: DocumentMut,
}

impl ConfigFile {
    /// The config at `path`; a file that does not exist yet is an empty config.
    pub fn open(path: &Path) -> Result<ConfigFile, Error> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(file_error(path, &e)),
        };
        // The caller has loaded this config already; a parse failure here is a race.
        let doc = text
            .parse::<DocumentMut>()
            .map_err(|e| Error::Usage(format!("{}: {}", path.display(), e.message())))?;
        Ok(ConfigFile {
            path: path.to_path_buf(),
            doc,
        })
    }

    /// The sources the file names, in order.
    fn sources(&mut self) -> Result<&mut ArrayOfTables, Error> {
        let item = self
            .doc
            .entry("sources")
            .or_insert(Item::ArrayOfTables(ArrayOfTables::new()));
        item.as_array_of_tables_mut().ok_or_else(|| {
            Error::Usage("`sources` in the config is not a list of [[sources]] tables".into())
        })
    }

    /// Appends `source`, refused when a source of its name or address is there already,
    /// or when its address is not one the config takes. Checked here, one source at a
    /// time, so that one bad feed of an OPML file is refused alone rather than failing
    /// the whole file when it is saved.
    pub fn add(&mut self, source: &Source) -> Result<(), Error> {
        let Some(address) = url::Url::parse(&source.url)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
        else {
            return Err(Error::Usage(format!(
                "not an http or https address: {}",
                source.url
            )));
        };
        let list = self.sources()?;
        for table in list.iter() {
            let name = table.get("name").and_then(Item::as_str).unwrap_or_default();
            let url = table.get("url").and_then(Item::as_str).unwrap_or_default();
            if name.eq_ignore_ascii_case(&source.name) {
                return Err(Error::Usage(format!(
                    "a source named {name:?} is in the config already"
                )));
            }
            // Compared as parsed: `https://Kota.example` and `https://kota.example/` are
            // one address, as the config loads it.
            if url::Url::parse(url).is_ok_and(|u| u == address) {
                return Err(Error::Usage(format!(
                    "{url} is in the config already, as {name:?}"
                )));
            }
        }
        let mut table = Table::new();
        table.insert("name", value(&source.name));
        table.insert("url", value(&source.url));
        if let Some(tab) = &source.tab {
            table.insert("tab", value(tab));
        }
        list.push(table);
        Ok(())
    }

    /// Removes the source named `name` (any case) and gives it back.
    pub fn remove(&mut self, name: &str) -> Result<Source, Error> {
        let list = self.sources()?;
        let found = list.iter().position(|t| {
            t.get("name")
                .and_then(Item::as_str)
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        });
        let Some(i) = found else {
            let names: Vec<String> = list
                .iter()
                .filter_map(|t| {
                    t.get("name")
                        .and_then(Item::as_str)
                        .map(|n| format!("{n:?}"))
                })
                .collect();
            return Err(Error::Usage(if names.is_empty() {
                format!("no source named {name:?}: the config has none")
            } else {
                format!(
                    "no source named {name:?} in the config (it has {})",
                    names.join(", ")
                )
            }));
        };
        let table = list.get(i).expect("found above");
        let text = |key: &str| table.get(key).and_then(Item::as_str).map(str::to_string);
        let removed = Source {
            name: text("name").unwrap_or_default(),
            url: text("url").unwrap_or_default(),
            tab: text("tab"),
        };
        list.remove(i);
        if list.is_empty() {
            self.doc.remove("sources");
        }
        Ok(removed)
    }

    /// Writes the file back, once the new text is known to load; through a file beside
    /// it and a rename, so a crash leaves the old file or the new one, never half.
    pub fn save(self) -> Result<Config, Error> {
        let text = self.doc.to_string();
        let config = Config::from_toml(&text, &self.path.display().to_string())?;
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| file_error(dir, &e))?;
        }
        let mut temp = self.path.clone().into_os_string();
        temp.push(".new");
        let temp = PathBuf::from(temp);
        std::fs::write(&temp, &text).map_err(|e| file_error(&temp, &e))?;
        std::fs::rename(&temp, &self.path).map_err(|e| file_error(&self.path, &e))?;
        Ok(config)
    }
}

fn file_error(path: &Path, e: &std::io::Error) -> Error {
    Error::File {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}
