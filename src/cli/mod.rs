//! The binary's command line: what clap reads, the local pages, and the commands that
//! print and exit. The reader itself starts in main.rs.

pub(crate) mod args;
pub(crate) mod input;
pub(crate) mod print;
pub(crate) mod sources;
