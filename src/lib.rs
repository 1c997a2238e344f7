//! kabar: a calm, fast terminal news reader for Kompas.com.
//!
//! The library holds every piece the binary is made of, so tests and benchmarks drive the
//! same code the user runs: the model of news ([`article`]), the one sanitizer
//! ([`sanitize`]), the site profiles ([`sites`]), the HTTP client ([`net`]), the fetching
//! of whole articles and lists ([`fetch`]), the plain-text printer ([`text`]), the
//! local mirror server behind `--demo` and the tests ([`mirror`]), and the terminal UI.

pub mod app;
pub mod article;
pub mod config;
pub mod error;
pub mod feeds;
pub mod fetch;
pub mod keymap;
pub mod logging;
pub mod mirror;
pub mod net;
pub mod picture;
pub mod requests;
pub mod sanitize;
pub mod sites;
pub mod sources;
pub mod store;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod words;
pub mod worker;
