//! The integration tests: one test binary (faster to link than one per file),
//! one module per area.

#[cfg(feature = "gui")]
mod app;
mod cli;
mod compare;
mod extract;
mod hostile;
mod import;
mod ingest;
mod robust;
mod session;
mod store;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the `onrecord` binary on the library `db` (through `ONRECORD_DB`).
pub fn onrecord(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_onrecord"))
        .args(args)
        .env("ONRECORD_DB", db)
        // Without a display, no command prints the library's state and the
        // help instead of opening the app: a test never opens a window.
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs")
}

/// The command's standard output as JSON, or a failure that shows both streams.
pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

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
