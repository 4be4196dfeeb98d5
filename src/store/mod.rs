//! The library: one SQLite database holding articles, speakers, statements,
//! topics and comparison sessions, with full-text search.
//!
//! [`Library`] owns one connection. The CLI uses it directly; the GUI gives it
//! to a worker thread and talks to it by messages, so the UI thread never
//! touches SQLite.

mod edit;
mod read;
pub mod schema;
mod sessions;
mod topics;
mod write;

pub use read::{ArticleQuery, LibraryCounts, SearchHit, StatementQuery};
pub use sessions::{SESSION_SOURCE, SessionInfo};
pub use topics::{RankedPair, Reuse, SavedTopic};
pub use write::{Added, ImportWriter, content_hash};

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// Why the library could not do what was asked. Messages name the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path}: this library was written by a newer On Record (schema version {found}; this build reads up to {known}). It was left untouched — update On Record to open it."
    )]
    NewerSchema {
        path: String,
        found: u32,
        known: u32,
    },
    #[error("{path}: not an On Record library ({reason})")]
    NotALibrary { path: String, reason: String },
    #[error("{path}: cannot open the library: {reason}")]
    Open { path: String, reason: String },
    #[error(
        "{path}: backing up before the upgrade failed ({reason}); the library was not upgraded"
    )]
    Backup { path: String, reason: String },
    #[error("{0}")]
    Invalid(String),
    #[error("{0} not found")]
    NotFound(String),
    #[error(transparent)]
    Session(#[from] crate::session::SessionError),
    #[error("library error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// An open library.
pub struct Library {
    conn: Connection,
    path: Option<PathBuf>,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library").field("path", &self.path).finish()
    }
}

/// How long a writer waits for another process's write to finish before
/// giving up with "database is locked".
const BUSY_TIMEOUT_MS: u32 = 30_000;

impl Library {
    /// Opens (creating if needed) the library at `path`, migrating an older
    /// schema after backing it up. A library from a newer build is refused
    /// and left byte-for-byte untouched.
    pub fn open(path: &Path) -> Result<Library, StoreError> {
        let shown = path.display().to_string();
        let open_err = |e: &dyn std::fmt::Display| StoreError::Open {
            path: shown.clone(),
            reason: e.to_string(),
        };
        let exists = path.exists();
        if !exists && let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| open_err(&e))?;
        }
        let flags = if exists {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| open_err(&e))?;
        conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS.into()))
            .map_err(|e| open_err(&e))?;
        // Read the version before any pragma that writes (journal_mode=WAL
        // rewrites the header): a refused file must stay untouched. The
        // version and the tables are read in one transaction, so a library
        // another process is creating right now is seen whole or not at all.
        let (version, tables) = read_header(&mut conn).map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                StoreError::NotALibrary {
                    path: shown.clone(),
                    reason: "the file is not a SQLite database".into(),
                }
            }
            other => open_err(&other),
        })?;
        if version > schema::CURRENT_VERSION {
            return Err(StoreError::NewerSchema {
                path: shown,
                found: version,
                known: schema::CURRENT_VERSION,
            });
        }
        if version == 0 && tables > 0 {
            return Err(StoreError::NotALibrary {
                path: shown,
                reason: "it is a SQLite database of some other program".into(),
            });
        }
        configure(&conn).map_err(|e| open_err(&e))?;
        if version > 0 && version < schema::CURRENT_VERSION {
            backup_before_upgrade(&conn, path, version)?;
        }
        schema::migrate(&mut conn, schema::MIGRATIONS).map_err(|e| open_err(&e))?;
        Ok(Library {
            conn,
            path: Some(path.to_path_buf()),
        })
    }

    /// A library in memory (tests, `extract`-style dry runs).
    pub fn open_in_memory() -> Result<Library, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        schema::migrate(&mut conn, schema::MIGRATIONS)?;
        Ok(Library { conn, path: None })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Starts a batch of writes: one transaction, a savepoint per file.
    pub fn writer(&mut self) -> Result<ImportWriter<'_>, StoreError> {
        ImportWriter::begin(&self.conn)
    }

    /// A consistent copy of the library at `to` while it stays in use
    /// (SQLite's online backup), written to a temporary file and renamed.
    pub fn backup(&self, to: &Path) -> Result<(), StoreError> {
        let shown = to.display().to_string();
        let err = |e: &dyn std::fmt::Display| StoreError::Open {
            path: shown.clone(),
            reason: e.to_string(),
        };
        let tmp = to.with_extension("partial");
        let _ = std::fs::remove_file(&tmp);
        self.conn
            .backup(
                rusqlite::MAIN_DB,
                &tmp,
                None::<fn(rusqlite::backup::Progress)>,
            )
            .map_err(|e| err(&e))?;
        std::fs::rename(&tmp, to).map_err(|e| err(&e))?;
        Ok(())
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

impl Drop for Library {
    fn drop(&mut self) {
        // Keeps query plans good as the library grows; cheap when nothing changed.
        let _ = self.conn.execute_batch("PRAGMA optimize;");
    }
}

/// Per-connection settings. The WAL may grow to 64 MiB (16,384 pages)
/// before it is copied back into the database: with SQLite's default of
/// 1,000 pages, a large import spent a fifth of its time in checkpoints.
/// The schema version and the number of tables, read in one snapshot.
fn read_header(conn: &mut Connection) -> rusqlite::Result<(u32, i64)> {
    let tx = conn.transaction()?;
    let version: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let tables: i64 = tx.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
        [],
        |r| r.get(0),
    )?;
    tx.commit()?;
    Ok((version, tables))
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    // 16 KiB pages for new libraries (SQLite ignores it for existing ones):
    // an article body of a few kilobytes then fits one page instead of a
    // chain of overflow pages, and an import stores the benchmark corpus in
    // 12% less time than with 4 KiB pages (measured).
    conn.execute_batch("PRAGMA page_size = 16384;")?;
    enter_wal(conn)?;
    conn.execute_batch(
        "PRAGMA synchronous = NORMAL;
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA wal_autocheckpoint = 16384;",
    )?;
    conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS.into()))
}

/// Switches the library to write-ahead logging. The switch needs the
/// file to itself, and SQLite answers "database is locked" at once rather
/// than through the busy handler when another process holds it — as when
/// several processes open a new library together and each makes the
/// switch. So it is tried again until the busy timeout has passed.
fn enter_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline =
        std::time::Instant::now() + std::time::Duration::from_millis(BUSY_TIMEOUT_MS.into());
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Err(rusqlite::Error::SqliteFailure(f, _))
                if f.code == rusqlite::ErrorCode::DatabaseBusy
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            other => return other.map(drop),
        }
    }
}

/// Copies the library to `<name>.v<version>-backup.sqlite3` before a
/// migration; an upgrade never runs without a copy to go back to.
fn backup_before_upgrade(conn: &Connection, path: &Path, version: u32) -> Result<(), StoreError> {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("library");
    let target = path.with_file_name(format!("{stem}.v{version}-backup.sqlite3"));
    let err = |e: &dyn std::fmt::Display| StoreError::Backup {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    if target.exists() {
        return Ok(());
    }
    // Another process may be backing the same library up right now: each
    // writes its own file, and the last rename wins with an equal copy.
    let tmp = target.with_extension(format!("partial-{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    conn.backup(
        rusqlite::MAIN_DB,
        &tmp,
        None::<fn(rusqlite::backup::Progress)>,
    )
    .map_err(|e| err(&e))?;
    std::fs::rename(&tmp, &target).map_err(|e| err(&e))
}
