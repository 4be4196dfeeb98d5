//! The integration tests: one test binary (faster to link than one per file),
//! one module per area.

mod cli;
mod compare;
mod extract;
mod import;
mod ingest;
mod store;

use std::path::{Path, PathBuf};

/// A fixture under tests/fixtures/.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// The real seed article in assets/samples/.
pub fn seed_article() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/kirby-miller-pakistan.txt")
}
