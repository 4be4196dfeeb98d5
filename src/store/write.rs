//! Writing imports: many files per transaction, each file atomic.
//!
//! FTS5 writes an index segment at every commit, so committing file by file
//! is several times slower than batching. FTS5 also flushes its pending
//! index to a new segment whenever a statement savepoint opens while it holds
//! pending entries — a SAVEPOINT per file, an index trigger, or any insert
//! checked by a foreign key does that — so the writer indexes a batch just
//! before its commit, one `INSERT … SELECT` per index over the rows the batch
//! wrote (see ARCHITECTURE.md for the measurements behind this).
//!
//! Each file stays atomic all the same: everything that can be checked is
//! checked before the first row is written, and if a write still fails
//! half-way, the rows the file wrote are deleted again inside the same
//! transaction (its index entries were never written). If even that fails,
//! the writer is poisoned and the whole batch rolls back.

use super::StoreError;
use super::edit::find_or_create_speaker;
use crate::model::{Document, ExtractedStatement};
use rusqlite::{Connection, OptionalExtension, Statement, params};
use std::collections::HashMap;

/// What adding one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    Imported {
        article_id: i64,
        statements: usize,
    },
    /// The same text is already in the library (by content hash).
    Duplicate {
        article_id: i64,
    },
}

/// The content hash of a body: BLAKE3 of its words separated by single
/// spaces, so re-saving a page with other line breaks is still a duplicate.
pub fn content_hash(body: &str) -> String {
    // Most of a body is already words separated by one space: those runs
    // are copied whole, and only the other gaps (line breaks, runs of
    // spaces, Unicode spaces, the ends) are rewritten. Copying word by word
    // cost 4% of an import; feeding BLAKE3 word by word cost 5%. This runs
    // on every imported body, on the writer's thread.
    let bytes = body.as_bytes();
    let mut words = Vec::with_capacity(bytes.len());
    // Where the text not yet copied starts; it never starts with a space.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Only the bytes that may begin a space get a closer look…
        if !MAY_BEGIN_SPACE[bytes[i] as usize] {
            i += 1;
            continue;
        }
        // …and the commonest, one space between two words, stays in the run.
        // (Before a character such as “ that only may begin a space, it takes
        // the longer way below, to the same result.)
        if bytes[i] == b' '
            && i > run
            && bytes
                .get(i + 1)
                .is_some_and(|&next| !MAY_BEGIN_SPACE[usize::from(next)])
        {
            i += 1;
            continue;
        }
        let gap = i;
        while i < bytes.len() {
            match space_len(body, i) {
                0 => break,
                len => i += len,
            }
        }
        if i == gap {
            // A lead byte of a character that is not a space.
            i += 1;
            continue;
        }
        words.extend_from_slice(&bytes[run..gap]);
        if i < bytes.len() && !words.is_empty() {
            words.push(b' ');
        }
        run = i;
    }
    words.extend_from_slice(&bytes[run..]);
    blake3::hash(&words).to_hex()[..32].to_string()
}

/// The bytes that may begin a whitespace character in UTF-8: ASCII
/// whitespace and the lead bytes of U+0085, U+00A0, U+1680, U+2000–U+205F
/// and U+3000.
const MAY_BEGIN_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(
            b as u8,
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0xC2 | 0xE1 | 0xE2 | 0xE3
        );
        b += 1;
    }
    table
};

/// The length of the whitespace character starting at byte `i` of `text`,
/// or 0 when none does (also inside a character: `i` need not be a boundary).
fn space_len(text: &str, i: usize) -> usize {
    match text.as_bytes()[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
        0xC2 | 0xE1 | 0xE2 | 0xE3 => text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

/// Inserts one statement row; see [`insert_statement`].
pub(super) const INSERT_STATEMENT: &str = "INSERT INTO statements (article_id, speaker_id, role, organization, text, kind, start, end, paragraph, said_on, ambiguous, origin, attribution)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

/// Writes `s` as a statement of `article_id` with [`INSERT_STATEMENT`]
/// (the caller keeps the full-text index in step).
pub(super) fn insert_statement(
    insert: &mut Statement<'_>,
    article_id: i64,
    speaker_id: Option<i64>,
    s: &ExtractedStatement,
    origin: &str,
) -> rusqlite::Result<()> {
    insert.execute(params![
        article_id,
        speaker_id,
        s.role,
        s.organization,
        s.text,
        s.kind.as_str(),
        s.start as i64,
        s.end as i64,
        s.paragraph as i64,
        s.said_on,
        s.ambiguous,
        origin,
        s.attribution
            .as_ref()
            .and_then(|a| serde_json::to_string(a).ok())
    ])?;
    Ok(())
}

/// A batch of writes: one transaction, opened by [`ImportWriter::begin`].
/// Dropping it without [`ImportWriter::commit`] rolls the whole batch back.
///
/// The transaction is managed by hand (not `rusqlite::Transaction`) so the
/// writer can keep its prepared statements for the whole batch: looking them
/// up in the statement cache hashes the SQL text on every row.
pub struct ImportWriter<'c> {
    conn: &'c Connection,
    insert_article: Statement<'c>,
    insert_statement: Statement<'c>,
    find_duplicate: Statement<'c>,
    /// Speaker name → id, for this batch.
    speakers: HashMap<String, i64>,
    imported_at: String,
    /// Set when a failed file could not be cleaned up: the batch must not commit.
    poisoned: Option<String>,
    /// The first article and statement ids this batch wrote: every row from
    /// there on is the batch's (it holds the write lock, and SQLite gives new
    /// rows ids above all others), indexed at commit.
    first_article: Option<i64>,
    first_statement: Option<i64>,
    /// Where the statements come from: `extracted` (imports) or `session`.
    origin: &'static str,
    finished: bool,
}

impl<'c> ImportWriter<'c> {
    pub(super) fn begin(conn: &'c Connection) -> Result<Self, StoreError> {
        // IMMEDIATE: take the write lock now (waiting out other writers via
        // busy_timeout) rather than failing later on upgrade from a read lock.
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let prepare = || -> rusqlite::Result<_> {
            Ok((
                conn.prepare(
                    "INSERT INTO articles (title, outlet, url, byline, published, body, source_path, source_part, content_hash, imported_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?,
                conn.prepare(INSERT_STATEMENT)?,
                conn.prepare("SELECT id FROM articles WHERE content_hash = ?1")?,
            ))
        };
        let (insert_article, insert_statement, find_duplicate) = match prepare() {
            Ok(statements) => statements,
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(e.into());
            }
        };
        Ok(ImportWriter {
            conn,
            insert_article,
            insert_statement,
            find_duplicate,
            speakers: HashMap::new(),
            imported_at: chrono::Utc::now().to_rfc3339(),
            poisoned: None,
            first_article: None,
            first_statement: None,
            origin: "extracted",
            finished: false,
        })
    }

    /// Records a statement row written in this batch outside [`Self::add`]
    /// (a session's statement placed in an article already stored): the
    /// commit indexes it with the batch's other rows, once.
    pub(super) fn wrote_statement(&mut self, id: i64) {
        self.first_statement = Some(self.first_statement.map_or(id, |first| first.min(id)));
    }

    /// Marks the statements added from now on as coming from a session file
    /// rather than from extraction.
    pub(super) fn statements_from_sessions(&mut self) {
        self.origin = "session";
    }

    /// Adds one document and its statements atomically: all of it, or —
    /// with an error — none of it.
    pub fn add(
        &mut self,
        doc: &Document,
        source_path: Option<&str>,
        statements: &[ExtractedStatement],
    ) -> Result<Added, StoreError> {
        if let Some(reason) = &self.poisoned {
            return Err(StoreError::Invalid(format!(
                "the batch was abandoned: {reason}"
            )));
        }
        // The invariant every view relies on: a statement is a slice of its article.
        if let Some(s) = statements
            .iter()
            .find(|s| s.start >= s.end || doc.body.get(s.start..s.end) != Some(s.text.as_str()))
        {
            return Err(StoreError::Invalid(format!(
                "statement at {}..{} is not the text of the article at that place",
                s.start, s.end
            )));
        }
        let hash = content_hash(&doc.body);
        if let Some(article_id) = self
            .find_duplicate
            .query_row([&hash], |r| r.get(0))
            .optional()?
        {
            return Ok(Added::Duplicate { article_id });
        }
        let mut created = Vec::new();
        let mut article_id = None;
        let mut first_statement = None;
        match self.insert(
            doc,
            source_path,
            statements,
            &hash,
            &mut article_id,
            &mut created,
            &mut first_statement,
        ) {
            Ok(id) => {
                self.first_article.get_or_insert(id);
                if let Some(first) = first_statement {
                    self.first_statement.get_or_insert(first);
                }
                Ok(Added::Imported {
                    article_id: id,
                    statements: statements.len(),
                })
            }
            Err(error) => {
                if let Err(cleanup) = self.undo(article_id, &created) {
                    self.poisoned = Some(cleanup.to_string());
                }
                Err(error)
            }
        }
    }

    #[allow(clippy::too_many_arguments)] // the out-parameters are what `undo` and the commit need
    fn insert(
        &mut self,
        doc: &Document,
        source_path: Option<&str>,
        statements: &[ExtractedStatement],
        hash: &str,
        article_id: &mut Option<i64>,
        created: &mut Vec<(String, i64)>,
        first_statement: &mut Option<i64>,
    ) -> Result<i64, StoreError> {
        self.insert_article.execute(params![
            doc.title,
            doc.outlet,
            doc.url,
            doc.byline,
            doc.published,
            doc.body,
            source_path,
            doc.part,
            hash,
            self.imported_at
        ])?;
        let id = self.conn.last_insert_rowid();
        *article_id = Some(id);
        for s in statements {
            let speaker_id = match &s.speaker {
                Some(name) => Some(self.speaker_id(name, s, created)?),
                None => None,
            };
            insert_statement(&mut self.insert_statement, id, speaker_id, s, self.origin)?;
            first_statement.get_or_insert(self.conn.last_insert_rowid());
        }
        Ok(id)
    }

    /// Removes what a failed `add` wrote: the article (its statements go
    /// with it) and the speakers it created. Nothing of it was indexed yet.
    fn undo(&mut self, article_id: Option<i64>, created: &[(String, i64)]) -> rusqlite::Result<()> {
        if let Some(id) = article_id {
            self.conn
                .execute("DELETE FROM articles WHERE id = ?1", [id])?;
        }
        for (name, id) in created {
            self.conn
                .execute("DELETE FROM speakers WHERE id = ?1", [id])?;
            self.speakers.remove(name);
        }
        Ok(())
    }

    /// The id of the speaker called `name` (see [`find_or_create_speaker`]),
    /// remembered for the rest of the batch.
    fn speaker_id(
        &mut self,
        name: &str,
        s: &ExtractedStatement,
        created: &mut Vec<(String, i64)>,
    ) -> Result<i64, StoreError> {
        if let Some(&id) = self.speakers.get(name) {
            return Ok(id);
        }
        let (id, is_new) = find_or_create_speaker(
            self.conn,
            name,
            s.speaker_kind,
            s.role.as_deref(),
            s.organization.as_deref(),
        )?;
        if is_new {
            created.push((name.to_string(), id));
        }
        self.speakers.insert(name.to_string(), id);
        Ok(id)
    }

    /// Writes the batch's index entries and makes the batch durable. A
    /// poisoned batch rolls back instead and says why.
    pub fn commit(mut self) -> Result<(), StoreError> {
        if let Some(reason) = self.poisoned.take() {
            return Err(StoreError::Invalid(format!(
                "the batch was rolled back: {reason}"
            )));
        }
        // The index entries are read back from the rows just written, in one
        // statement per index: exactly the stored values (as external-content
        // FTS5 requires), with no copy of them held for the batch and no
        // statement per row. Rows of files undone are gone, so not indexed.
        if let Some(first) = self.first_article {
            self.conn.execute(
                "INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles WHERE id >= ?1 ORDER BY id",
                [first],
            )?;
        }
        if let Some(first) = self.first_statement {
            self.conn.execute(
                "INSERT INTO statements_fts (rowid, text) SELECT id, text FROM statements WHERE id >= ?1 ORDER BY id",
                [first],
            )?;
        }
        self.conn.execute_batch("COMMIT")?;
        self.finished = true;
        Ok(())
    }
}

impl Drop for ImportWriter<'_> {
    fn drop(&mut self) {
        if !self.finished {
            // Not committed (an error, or a poisoned batch): nothing of it stays.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SpeakerKind, StatementKind};
    use crate::store::Library;

    fn statement(body: &str, text: &str, speaker: &str) -> ExtractedStatement {
        let start = body.find(text).unwrap();
        ExtractedStatement {
            speaker: Some(speaker.into()),
            role: None,
            organization: None,
            text: text.into(),
            kind: StatementKind::Direct,
            start,
            end: start + text.len(),
            paragraph: 0,
            said_on: None,
            speaker_kind: SpeakerKind::Person,
            ambiguous: false,
            attribution: None,
        }
    }

    #[test]
    fn a_write_failing_half_way_leaves_nothing_of_its_file() {
        let mut library = Library::open_in_memory().unwrap();
        library
            .conn()
            .execute_batch(
                "CREATE TEMP TRIGGER explode BEFORE INSERT ON statements WHEN new.text = 'boom'
                 BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;",
            )
            .unwrap();
        let bad = "“fine words” said Newcomer. “boom” said Newcomer.";
        let good = "“other words” said Kirby.";
        let mut w = library.writer().unwrap();
        let err = w
            .add(
                &Document {
                    body: bad.into(),
                    ..Document::default()
                },
                None,
                &[
                    statement(bad, "fine words", "Newcomer"),
                    statement(bad, "boom", "Newcomer"),
                ],
            )
            .unwrap_err();
        assert!(err.to_string().contains("disk on fire"), "{err}");
        w.add(
            &Document {
                body: good.into(),
                ..Document::default()
            },
            None,
            &[statement(good, "other words", "John Kirby")],
        )
        .unwrap();
        w.commit().unwrap();
        let counts = library.counts().unwrap();
        assert_eq!(
            (counts.articles, counts.statements, counts.speakers),
            (1, 1, 1),
            "Newcomer was created and removed again"
        );
        assert!(
            library.search("fine", 5).unwrap().is_empty(),
            "no index entries left behind"
        );
        assert_eq!(library.search("other", 5).unwrap().len(), 1);
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config(512))]
        #[test]
        fn hash_is_the_hash_of_the_words_joined_by_spaces(
            text in "([a-z“”é]{0,4}[ \t\n\u{a0}\u{2003}\u{3000}\u{85}\u{1680}\u{2028}]{0,3}){0,12}",
        ) {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(
                content_hash(&text),
                blake3::hash(joined.as_bytes()).to_hex()[..32].to_string()
            );
        }
    }

    #[test]
    fn hash_ignores_line_breaks_and_spacing() {
        assert_eq!(content_hash("a  b\n\nc"), content_hash("a b c"));
        // The hash of the words joined by single spaces, whatever the spacing
        // (Unicode spaces included): libraries written before keep matching.
        let spaced = " \u{2003}“We are\u{a0}ready,”\r\n\tsaid\u{3000}Kirby.\u{2029}";
        let joined = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(
            content_hash(spaced),
            blake3::hash(joined.as_bytes()).to_hex()[..32]
        );
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
    }
}
