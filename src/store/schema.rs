//! The library's schema and its migrations.
//!
//! The schema version lives in SQLite's `PRAGMA user_version`. Migration `n`
//! moves the database from version `n` to `n + 1`; an upgrade applies every
//! step still due inside one transaction, so a failed upgrade leaves the
//! database as it was. A database whose version
//! is newer than this build knows is refused before anything is written.

use rusqlite::{Connection, Transaction};

/// One step of the schema's history. Steps are never edited once released:
/// changes go into a new step.
pub struct Migration {
    pub description: &'static str,
    pub sql: &'static str,
}

/// The schema's history, oldest first; `MIGRATIONS[n]` takes version `n` to `n + 1`.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        description: "articles, speakers, statements, topics, sessions, search",
        sql: V1,
    },
    Migration {
        description: "user corrections that survive re-extraction",
        sql: V2,
    },
    Migration {
        description: "cheaper statement rows: checks without temporary tables, an index without sizes",
        sql: V3,
    },
    Migration {
        description: "how each statement's speaker was found",
        sql: V4,
    },
    Migration {
        description: "full-text indexes that hold an import batch in memory",
        sql: V5,
    },
];

/// The version this build writes.
pub const CURRENT_VERSION: u32 = MIGRATIONS.len() as u32;

const V1: &str = r#"
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    title         TEXT,
    outlet        TEXT,
    url           TEXT,
    byline        TEXT,
    published     TEXT,              -- YYYY-MM-DD
    body          TEXT NOT NULL,
    source_path   TEXT,              -- the file it came from
    source_part   TEXT,              -- "line 3", "attachment x.html" for multi-article files
    content_hash  TEXT NOT NULL UNIQUE,
    imported_at   TEXT NOT NULL      -- RFC 3339, UTC
);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE speakers (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind          TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'institution')),
    role          TEXT,              -- latest role seen; statements keep their own
    organization  TEXT
);

CREATE TABLE speaker_aliases (
    alias         TEXT NOT NULL COLLATE NOCASE,
    speaker_id    INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    PRIMARY KEY (alias, speaker_id)
);

CREATE TABLE statements (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id    INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
    role          TEXT,              -- the role at the time of the statement
    organization  TEXT,
    text          TEXT NOT NULL,     -- exactly substr(body, start, end - start) in bytes
    kind          TEXT NOT NULL CHECK (kind IN ('direct', 'partial', 'reported', 'transcript')),
    start         INTEGER NOT NULL CHECK (start >= 0),
    end           INTEGER NOT NULL CHECK (end > start),
    paragraph     INTEGER NOT NULL,
    said_on       TEXT,              -- YYYY, YYYY-MM or YYYY-MM-DD when the text says when
    ambiguous     INTEGER NOT NULL DEFAULT 0,
    origin        TEXT NOT NULL DEFAULT 'extracted' CHECK (origin IN ('extracted', 'user', 'session'))
);
CREATE INDEX statements_article ON statements(article_id);
CREATE INDEX statements_speaker ON statements(speaker_id);

CREATE TABLE topics (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    query         TEXT NOT NULL,     -- FTS5 syntax plus normalised terms
    created_at    TEXT NOT NULL
);

CREATE TABLE sessions (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    data          TEXT NOT NULL CHECK (json_valid(data)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- Full-text search over articles and statements. External content: the text
-- lives once, in the tables above. The store keeps the indexes in step itself
-- (store/write.rs) instead of with triggers: a trigger that writes to FTS5
-- opens a statement savepoint, and FTS5 flushes its pending index at every
-- savepoint, one tiny segment per row (4x slower imports, measured).
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE statements_fts USING fts5(text, content='statements', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
"#;

const V2: &str = r#"
-- A user's correction of the extractor, keyed by the statement's span in its
-- article (statement ids change when an article is extracted again):
--   speaker — the span was said by `speaker`;
--   kind    — the span is a statement of `kind`;
--   delete  — the span is not a statement;
--   add     — the span is a statement the extractor missed (`speaker`, `kind`).
CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL CHECK (end > start),
    action      TEXT NOT NULL CHECK (action IN ('speaker', 'kind', 'delete', 'add')),
    speaker     TEXT,
    kind        TEXT CHECK (kind IS NULL OR kind IN ('direct', 'partial', 'reported', 'transcript')),
    created_at  TEXT NOT NULL,
    UNIQUE (article_id, start, end, action)
);
CREATE INDEX corrections_article ON corrections(article_id);
"#;

const V3: &str = r#"
-- The statements table again, its CHECK constraints written as comparisons.
-- SQLite evaluates a CHECK of `x IN ('a', 'b', 'c', 'd')` by building a
-- temporary table of the list for every row written: that was half the cost
-- of storing a statement (measured on the import benchmark). Same columns,
-- same ids (the full-text index and saved sessions refer to them).
CREATE TABLE statements_v3 (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id    INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
    role          TEXT,
    organization  TEXT,
    text          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind = 'direct' OR kind = 'partial' OR kind = 'reported' OR kind = 'transcript'),
    start         INTEGER NOT NULL CHECK (start >= 0),
    end           INTEGER NOT NULL CHECK (end > start),
    paragraph     INTEGER NOT NULL,
    said_on       TEXT,
    ambiguous     INTEGER NOT NULL DEFAULT 0,
    origin        TEXT NOT NULL DEFAULT 'extracted' CHECK (origin = 'extracted' OR origin = 'user' OR origin = 'session')
);
INSERT INTO statements_v3 (id, article_id, speaker_id, role, organization, text, kind, start, end, paragraph, said_on, ambiguous, origin)
    SELECT id, article_id, speaker_id, role, organization, text, kind, start, end, paragraph, said_on, ambiguous, origin FROM statements;
DROP TABLE statements;
ALTER TABLE statements_v3 RENAME TO statements;
CREATE INDEX statements_article ON statements(article_id);
CREATE INDEX statements_speaker ON statements(speaker_id);

-- The statements' full-text index without per-row sizes (columnsize=0):
-- nothing ranks statements by bm25, and the sizes cost a row per statement
-- stored. Rebuilt from the statements table.
DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5(text, content='statements', content_rowid='id', columnsize=0, tokenize='unicode61 remove_diacritics 2');
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');
"#;

const V4: &str = r#"
-- How each statement's speaker was found (model::Attribution as JSON: the
-- cue, the words naming the speaker, the evidence); NULL for statements
-- stored before the extractor said so, until they are extracted again.
ALTER TABLE statements ADD COLUMN attribution TEXT;
"#;

const V5: &str = r#"
-- The full-text indexes keep up to 8 MiB of new entries in memory (FTS5's
-- default is 1 MiB) before writing them out as a segment: an import batch
-- (import.rs, BATCH_FILES) then becomes one segment per index, and there are
-- fewer segments to merge. Stored in the indexes' own configuration tables.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 8388608);
INSERT INTO statements_fts(statements_fts, rank) VALUES ('hashsize', 8388608);
"#;

/// Applies every step of `migrations` beyond the database's version, each
/// in its own transaction that also bumps `user_version`.
pub fn migrate(conn: &mut Connection, migrations: &[Migration]) -> rusqlite::Result<u32> {
    // The write lock first (IMMEDIATE waits out another process's upgrade
    // through the busy timeout), then the version under it, then every step
    // still to apply in this one transaction. Two processes opening a new
    // library at once apply the steps once, the second finding them done;
    // and no process ever sees a library halfway through its upgrade, which
    // it would take for an old library and back up.
    let tx: Transaction =
        conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let mut version: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    while let Some(step) = migrations.get(version as usize) {
        tx.execute_batch(step.sql)?;
        version += 1;
    }
    tx.pragma_update(None, "user_version", version)?;
    tx.commit()?;
    Ok(version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_apply_in_order_and_a_failing_step_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        let steps = [
            Migration {
                description: "one",
                sql: "CREATE TABLE a(x);",
            },
            Migration {
                description: "two",
                sql: "ALTER TABLE a ADD COLUMN y;",
            },
        ];
        assert_eq!(migrate(&mut conn, &steps[..1]).unwrap(), 1);
        assert_eq!(migrate(&mut conn, &steps).unwrap(), 2);
        conn.execute("INSERT INTO a(x, y) VALUES (1, 2)", [])
            .unwrap();

        let broken = [
            Migration {
                description: "one",
                sql: "",
            },
            Migration {
                description: "two",
                sql: "",
            },
            Migration {
                description: "three",
                sql: "CREATE TABLE b(z); THIS IS NOT SQL;",
            },
        ];
        assert!(migrate(&mut conn, &broken).is_err());
        let version: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 2);
        let b_exists: bool = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'b'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(!b_exists, "the failed step was rolled back whole");

        // An upgrade of several steps is one: a later step failing undoes
        // the earlier ones, so no process sees a library halfway through.
        let mut fresh = Connection::open_in_memory().unwrap();
        let half = [
            Migration {
                description: "one",
                sql: "CREATE TABLE a(x);",
            },
            Migration {
                description: "two",
                sql: "THIS IS NOT SQL;",
            },
        ];
        assert!(migrate(&mut fresh, &half).is_err());
        let tables: i64 = fresh
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tables, 0);
    }

    #[test]
    fn full_text_indexes_hold_an_import_batch_in_memory() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, MIGRATIONS).unwrap();
        for table in ["articles_fts_config", "statements_fts_config"] {
            let size: i64 = conn
                .query_row(
                    &format!("SELECT v FROM {table} WHERE k = 'hashsize'"),
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(size, 8 << 20, "{table}");
        }
    }

    #[test]
    fn statement_rows_are_checked_without_temporary_tables() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, MIGRATIONS).unwrap();
        let plan: Vec<String> = conn
            .prepare("EXPLAIN INSERT INTO statements (article_id, text, kind, start, end, paragraph) VALUES (1, 'x', 'direct', 0, 1, 0)")
            .unwrap()
            .query_map([], |r| r.get(1))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(!plan.iter().any(|op| op == "OpenEphemeral"), "{plan:?}");
        // …and the checks still hold.
        conn.execute_batch("INSERT INTO articles (id, body, content_hash, imported_at) VALUES (1, 'x', 'h', 'now')").unwrap();
        let bad_kind = conn.execute("INSERT INTO statements (article_id, text, kind, start, end, paragraph) VALUES (1, 'x', 'rumour', 0, 1, 0)", []);
        assert!(bad_kind.is_err());
        let bad_origin = conn.execute("INSERT INTO statements (article_id, text, kind, start, end, paragraph, origin) VALUES (1, 'x', 'direct', 0, 1, 0, 'guess')", []);
        assert!(bad_origin.is_err());
    }

    #[test]
    fn the_current_schema_builds() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut conn, MIGRATIONS).unwrap(), CURRENT_VERSION);
    }
}
