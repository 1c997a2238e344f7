//! The layering of the crate, checked: every `crate::` path in `src/` must point to a
//! module in a lower layer than the one it is written in, so no import points up and no
//! two top-level modules can depend on each other. docs/ARCHITECTURE.md draws the same
//! layers.

use std::path::Path;

/// The top-level modules, lowest layer first. A module may use only modules of lower
/// layers; a new module must be placed here before it can be used.
const LAYERS: &[&[&str]] = &[
    // Leaves: they use nothing of the crate.
    &[
        "error", "article", "sanitize", "keymap", "words", "theme", "logging", "picture",
    ],
    &["sites", "net", "store", "mirror", "requests"],
    &["feeds"],
    &["text", "fetch"],
    &["config", "worker"],
    &["app", "sources"],
    &["ui"],
    &["tui"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The top-level module a source file belongs to; `None` for the crate root and the binary
/// (main.rs and its `cli` modules, which reach the library as `kabar::`, any part of it).
fn module_of(file: &str) -> Option<&str> {
    let rel = file.strip_prefix("src/")?;
    let first = rel.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main" | "cli")).then_some(name)
}

/// The top-level modules named by the `crate::` paths in `source`, comments left out:
/// `crate::app::Msg` gives `app`, `crate::{ui, worker}` gives `ui` and `worker`.
fn crate_paths(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let before = &rest[..at];
            rest = &rest[at + "crate::".len()..];
            // `kabar_crate::x` or `$crate::x` are not this crate's paths.
            if before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
                continue;
            }
            if let Some(group) = rest.strip_prefix('{') {
                let group = group.split('}').next().unwrap_or("");
                out.extend(group.split(',').filter_map(|item| ident(item.trim())));
            } else {
                out.extend(ident(rest));
            }
        }
    }
    out
}

fn ident(s: &str) -> Option<String> {
    let name: String = s
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Every import in `source` (written in `file`) that does not point down the layers.
fn violations(file: &str, source: &str) -> Vec<String> {
    let Some(from) = module_of(file) else {
        return Vec::new();
    };
    let Some(from_layer) = layer(from) else {
        return vec![format!("{file}: module `{from}` is in no layer of LAYERS")];
    };
    let mut out = Vec::new();
    for to in crate_paths(source) {
        if to == from {
            continue;
        }
        match layer(&to) {
            None => out.push(format!("{file}: uses `crate::{to}`, which is in no layer")),
            Some(l) if l >= from_layer => out.push(format!(
                "{file}: `{from}` uses `crate::{to}`, not a lower layer"
            )),
            Some(_) => {}
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.to_string_lossy().into_owned());
        }
    }
}

#[test]
fn every_import_points_down_the_layers() {
    let root = env!("CARGO_MANIFEST_DIR");
    std::env::set_current_dir(root).expect("the crate root");
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files.sort();
    assert!(files.len() > 20, "the sources were found: {files:?}");
    let mut found = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("a source file");
        found.extend(violations(file, &source));
    }
    assert!(
        found.is_empty(),
        "imports against the layering:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_checker_catches_an_upward_import() {
    let planted = "use crate::article::Article;\n\
                   // use crate::tui::run; (a comment, not an import)\n\
                   use crate::{error, ui::draw};\n";
    assert_eq!(
        violations("src/config.rs", planted),
        vec!["src/config.rs: `config` uses `crate::ui`, not a lower layer"]
    );
    // The same lines written in `ui` point down, so nothing is reported there.
    assert!(violations("src/ui/mod.rs", planted).is_empty());
}

#[test]
fn the_checker_catches_a_cycle_and_an_unplaced_module() {
    // Two modules of one layer using each other would be a cycle: neither may use the other.
    assert_eq!(
        violations("src/worker.rs", "let x = crate::config::Config::default();"),
        vec!["src/worker.rs: `worker` uses `crate::config`, not a lower layer"]
    );
    assert_eq!(
        violations("src/config/mod.rs", "use crate::worker::Handle;"),
        vec!["src/config/mod.rs: `config` uses `crate::worker`, not a lower layer"]
    );
    assert_eq!(
        violations("src/app/mod.rs", "use crate::podcasts::Episode;"),
        vec!["src/app/mod.rs: uses `crate::podcasts`, which is in no layer"]
    );
    assert!(violations("src/tui.rs", "use crate::{app::App, ui, worker};").is_empty());
    // The binary's modules are above every layer; the library cannot name them.
    assert!(violations("src/cli/print.rs", "use crate::cli::args::Output;").is_empty());
    assert_eq!(
        violations("src/ui/mod.rs", "use crate::cli::args::Cli;"),
        vec!["src/ui/mod.rs: uses `crate::cli`, which is in no layer"]
    );
}
