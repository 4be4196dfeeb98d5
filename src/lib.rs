//! # On Record
//!
//! Who said what, in which words. On Record loads articles, clippings and
//! briefing transcripts into a local library, finds every statement and who
//! made it, and compares how officials' lines differ.
//!
//! The crate is layered; each layer only uses the ones above it:
//!
//! | layer | modules | may use |
//! |---|---|---|
//! | model | [`model`], [`dates`], [`names`], [`directory`] | serde, chrono; the name lexicons and the directory of officials compiled in by build.rs |
//! | engines | [`ingest`], [`extract`] | model; pure: bytes in, values out |
//! | store | [`store`] | model; owns SQLite |
//! | pipelines | [`import`], [`worker`] | engines + store, threads, the file system |
//! | edges | [`cli`] (and the app) | everything |
//!
//! ## A tour
//!
//! Parse a file's bytes into documents, extract statements, store them:
//!
//! ```
//! use onrecord::{ingest, extract, store::Library};
//! use std::path::Path;
//!
//! let bytes = "Talks resume\n2024-03-14\n“We are ready to talk,” Foreign Office Spokesperson Mumtaz Zahra Baloch said on Tuesday.".as_bytes();
//! let parts = ingest::ingest(Path::new("clip.txt"), bytes)?;
//! let doc = parts[0].as_ref().unwrap();
//! assert_eq!(doc.title.as_deref(), Some("Talks resume"));
//!
//! let found = extract::extract(doc);
//! assert_eq!(found.statements[0].speaker.as_deref(), Some("Mumtaz Zahra Baloch"));
//! assert_eq!(found.statements[0].said_on.as_deref(), Some("2024-03-12"));
//!
//! let mut library = Library::open_in_memory()?;
//! let mut writer = library.writer()?;
//! writer.add(doc, Some("clip.txt"), &found.statements)?;
//! writer.commit()?;
//! assert_eq!(library.counts()?.statements, 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Whole files and folders go through [`import::import`], which parses on
//! worker threads, isolates parser panics and commits in batches.

#[cfg(feature = "gui")]
pub mod app;
pub mod atomic;
pub mod cli;
pub mod compare;
pub mod dates;
pub mod directory;
pub mod extract;
pub mod import;
pub mod ingest;
pub mod isolate;
pub mod model;
pub mod names;
pub mod report;
pub mod samples;
pub mod session;
pub mod store;
pub mod topics;
pub mod worker;

/// Version and git revision, for `--version` and the About box.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("ONRECORD_GIT_REVISION"),
    ")"
);

/// The proptest settings of this crate: `cases` cases, and failures kept
/// under `tests/proptest-regressions/` (mirroring `src/`), which proptest
/// replays before new cases.
#[cfg(test)]
pub(crate) fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        cases,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::SourceParallel(
                "tests/proptest-regressions",
            ),
        )),
        ..proptest::test_runner::Config::default()
    }
}
