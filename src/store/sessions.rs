//! Comparison sessions in the library: saved by name (the app autosaves
//! often, so a save is one statement), listed newest first, reopened, and
//! imported from session files together with their statements.
//!
//! A session is stored in the envelope of its file format
//! ([`crate::session::file`]), so what is stored says which format wrote
//! it and is read back with the same checks as a file.

use super::edit::find_or_create_speaker;
use super::read::fts_terms;
use super::write::{INSERT_STATEMENT, insert_statement};
use super::{Added, ImportWriter, Library, StoreError};
use crate::model::{Document, ExtractedStatement, SpeakerKind};
use crate::session::file::envelope_json;
use crate::session::{self, MAX_STRING_BYTES, Session, SessionError, SessionStatement};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use std::collections::HashMap;

/// A saved session, as the session list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionInfo {
    pub name: String,
    pub comparisons: usize,
    /// When it was last saved (RFC 3339, UTC).
    pub updated_at: String,
}

/// Source path of the articles a session import adds for statements it
/// brings without one.
pub const SESSION_SOURCE: &str = "session";

/// Now, precise enough that saves a moment apart sort in order.
fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

/// Upserts `session` by name (one statement, so it is its own transaction).
fn save_in(conn: &Connection, session: &Session) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO sessions (name, data, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
         ON CONFLICT (name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
    )?
    .execute(params![session.name, envelope_json(session, false), now()])?;
    Ok(())
}

/// The stored session called `name`, if there is one.
fn stored(conn: &Connection, name: &str) -> Result<Option<Session>, StoreError> {
    let data: Option<String> = conn
        .prepare_cached("SELECT data FROM sessions WHERE name = ?1")?
        .query_row([name], |r| r.get(0))
        .optional()?;
    data.map(|data| parse_stored(name, &data)).transpose()
}

fn parse_stored(name: &str, data: &str) -> Result<Session, StoreError> {
    session::from_file_json(data).map_err(|e| {
        StoreError::Invalid(format!(
            "the session '{name}' in the library cannot be read: {e}"
        ))
    })
}

impl Library {
    /// Saves `session` under its name, replacing a session of that name.
    pub fn save_session(&self, session: &Session) -> Result<(), StoreError> {
        session.validate()?;
        save_in(self.conn(), session)
    }

    /// The saved sessions, most recently saved first.
    pub fn sessions(&self) -> Result<Vec<SessionInfo>, StoreError> {
        let mut stmt = self.conn().prepare(
            "SELECT name, coalesce(json_array_length(data, '$.session.comparisons'), 0), updated_at
             FROM sessions ORDER BY updated_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SessionInfo {
                name: r.get(0)?,
                comparisons: r.get::<_, i64>(1)?.max(0) as usize,
                updated_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The session saved as `name`.
    pub fn load_session(&self, name: &str) -> Result<Session, StoreError> {
        stored(self.conn(), name)?.ok_or_else(|| StoreError::NotFound(format!("session '{name}'")))
    }

    /// The most recently saved session, if any (what the app reopens).
    pub fn last_session(&self) -> Result<Option<Session>, StoreError> {
        let row: Option<(String, String)> = self
            .conn()
            .query_row(
                "SELECT name, data FROM sessions ORDER BY updated_at DESC, id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(name, data)| parse_stored(&name, &data))
            .transpose()
    }

    pub fn delete_session(&self, name: &str) -> Result<(), StoreError> {
        let deleted = self
            .conn()
            .execute("DELETE FROM sessions WHERE name = ?1", [name])?;
        if deleted == 0 {
            return Err(StoreError::NotFound(format!("session '{name}'")));
        }
        Ok(())
    }

    /// Renames a session (the name inside its data too). A name another
    /// session has is refused.
    pub fn rename_session(&self, old: &str, new: &str) -> Result<(), StoreError> {
        if new.trim().is_empty() {
            return Err(SessionError::EmptyName.into());
        }
        if new.len() > MAX_STRING_BYTES {
            return Err(SessionError::StringTooLong {
                field: "the session's name".into(),
                bytes: new.len(),
            }
            .into());
        }
        if old != new && stored(self.conn(), new)?.is_some() {
            return Err(StoreError::Invalid(format!(
                "a session named '{new}' already exists"
            )));
        }
        let renamed = self.conn().execute(
            "UPDATE sessions SET name = ?2, data = json_set(data, '$.session.name', ?2), updated_at = ?3 WHERE name = ?1",
            params![old, new, now()],
        )?;
        if renamed == 0 {
            return Err(StoreError::NotFound(format!("session '{old}'")));
        }
        Ok(())
    }

    /// A library statement as a session keeps it: with its article's url
    /// and source file.
    pub fn session_statement(&self, id: i64) -> Result<SessionStatement, StoreError> {
        let statement = self.statement(id)?;
        let (url, source_path): (Option<String>, Option<String>) = self.conn().query_row(
            "SELECT url, source_path FROM articles WHERE id = ?1",
            [statement.article_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(SessionStatement::from_statement(
            &statement,
            url,
            source_path,
        ))
    }

    /// Brings a session (from a file, say) into this library, in one
    /// transaction — on an error nothing changes. Each statement is mapped
    /// to a local one: the statement its id names, if that has the same
    /// text; else a statement with exactly the same text (by the same
    /// speaker, when one is given); else it is added, as an article of its
    /// own (title, outlet, url and date from the session) holding just the
    /// statement, marked as coming from a session. The session is then
    /// saved under its name — or "NAME (2)", "NAME (3)"… when a different
    /// session has the name — and returned with its statements' local ids.
    pub fn import_session(&mut self, session: Session) -> Result<Session, StoreError> {
        session.validate()?;
        let mut session = session;
        let conn = &self.conn;
        let mut writer = ImportWriter::begin(conn)?;
        writer.statements_from_sessions();
        let mut mapped: HashMap<(String, Option<String>), (i64, String)> = HashMap::new();
        for statement in session
            .comparisons
            .iter_mut()
            .flat_map(|c| c.statements.iter_mut())
        {
            let key = (statement.text.clone(), statement.speaker.clone());
            let (id, text) = match mapped.get(&key) {
                Some(found) => found.clone(),
                None => {
                    let found = local_statement(conn, &mut writer, statement)?;
                    mapped.insert(key, found.clone());
                    found
                }
            };
            statement.id = Some(id);
            statement.text = text;
        }
        session.name = free_name(conn, &session)?;
        save_in(conn, &session)?;
        writer.commit()?;
        Ok(session)
    }
}

/// The local statement a session's statement maps to, adding it if the
/// library has none: its id and its text (the session's, except when an
/// article with the same words but other spacing already holds it).
fn local_statement(
    conn: &Connection,
    writer: &mut ImportWriter<'_>,
    s: &SessionStatement,
) -> Result<(i64, String), StoreError> {
    if let Some(id) = s.id {
        let text: Option<String> = conn
            .prepare_cached("SELECT text FROM statements WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        if text.as_deref() == Some(s.text.as_str()) {
            return Ok((id, s.text.clone()));
        }
    }
    if let Some(id) = same_text(conn, &s.text, s.speaker.as_deref())? {
        return Ok((id, s.text.clone()));
    }
    let doc = Document {
        title: s.article_title.clone(),
        outlet: s.outlet.clone(),
        url: s.url.clone(),
        byline: None,
        published: s.date.clone(),
        body: s.text.clone(),
        part: None,
    };
    let extracted = ExtractedStatement {
        speaker: s.speaker.clone(),
        role: s.role.clone(),
        organization: s.organization.clone(),
        text: s.text.clone(),
        kind: s.kind,
        start: 0,
        end: s.text.len(),
        paragraph: 0,
        said_on: None,
        speaker_kind: SpeakerKind::Person,
        ambiguous: false,
        attribution: None,
    };
    let source = s.source_path.as_deref().unwrap_or(SESSION_SOURCE);
    match writer.add(&doc, Some(source), std::slice::from_ref(&extracted))? {
        Added::Imported { article_id, .. } => {
            let id = conn
                .prepare_cached(
                    "SELECT id FROM statements WHERE article_id = ?1 ORDER BY id LIMIT 1",
                )?
                .query_row([article_id], |r| r.get(0))?;
            Ok((id, s.text.clone()))
        }
        // An article with these very words is in the library, but no
        // statement of it has exactly this text: the statement is made there.
        Added::Duplicate { article_id } => {
            let body: String = conn.query_row(
                "SELECT body FROM articles WHERE id = ?1",
                [article_id],
                |r| r.get(0),
            )?;
            let (start, end) = match body.find(&s.text) {
                Some(start) => (start, start + s.text.len()),
                // The same words with other spacing: the whole body.
                None => {
                    let start = body.len() - body.trim_start().len();
                    (start, body.trim_end().len().max(start))
                }
            };
            let text = body.get(start..end).unwrap_or_default().to_string();
            if text.is_empty() {
                return Err(StoreError::Invalid(format!(
                    "article {article_id} has no text for the statement “{}”",
                    s.text
                )));
            }
            let speaker = s.speaker.as_deref().filter(|n| !n.trim().is_empty());
            let existing: Option<i64> = conn
                .prepare_cached(&format!(
                    "SELECT s.id FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id
                     WHERE s.article_id = ?1 AND s.start = ?3 AND s.end = ?4 AND {SAME_SPEAKER}"
                ))?
                .query_row(
                    params![article_id, speaker, start as i64, end as i64],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(id) = existing {
                return Ok((id, text));
            }
            let speaker_id = match speaker {
                Some(name) => Some(
                    find_or_create_speaker(
                        conn,
                        name,
                        SpeakerKind::Person,
                        s.role.as_deref(),
                        s.organization.as_deref(),
                    )?
                    .0,
                ),
                None => None,
            };
            let paragraph = crate::extract::text::paragraphs(&body)
                .iter()
                .position(|p| p.contains(&start))
                .unwrap_or(0);
            let row = ExtractedStatement {
                text: text.clone(),
                start,
                end,
                paragraph,
                ..extracted
            };
            insert_statement(
                &mut *conn.prepare_cached(INSERT_STATEMENT)?,
                article_id,
                speaker_id,
                &row,
                "session",
            )?;
            let id = conn.last_insert_rowid();
            // Indexed with the batch at its commit (not here: it would be
            // indexed twice).
            writer.wrote_statement(id);
            Ok((id, text))
        }
    }
}

/// SQL: statement `s` (speaker `sp`) was said by the speaker named `?2`
/// (a name or an alias), or `?2` is null.
const SAME_SPEAKER: &str = "(?2 IS NULL OR sp.name = ?2 OR s.speaker_id IN (SELECT speaker_id FROM speaker_aliases WHERE alias = ?2))";

/// A statement with exactly `text` (said by `speaker`, when given), the
/// oldest first. The full-text index narrows the search to statements with
/// the text's first words.
fn same_text(
    conn: &Connection,
    text: &str,
    speaker: Option<&str>,
) -> Result<Option<i64>, StoreError> {
    let speaker = speaker.filter(|n| !n.trim().is_empty());
    let terms: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .take(16)
        .collect();
    let scan = || -> rusqlite::Result<Option<i64>> {
        conn.prepare_cached(&format!(
            "SELECT s.id FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id
             WHERE s.text = ?1 AND {SAME_SPEAKER} ORDER BY s.id LIMIT 1"
        ))?
        .query_row(params![text, speaker], |r| r.get(0))
        .optional()
    };
    if terms.is_empty() {
        return Ok(scan()?);
    }
    let query = fts_terms(&terms.join(" "));
    let indexed = conn
        .prepare_cached(&format!(
            "SELECT s.id FROM statements_fts f JOIN statements s ON s.id = f.rowid
             LEFT JOIN speakers sp ON sp.id = s.speaker_id
             WHERE statements_fts MATCH ?3 AND s.text = ?1 AND {SAME_SPEAKER} ORDER BY s.id LIMIT 1"
        ))
        .and_then(|mut stmt| {
            stmt.query_row(params![text, speaker, query], |r| r.get(0))
                .optional()
        });
    match indexed {
        // Not a query the index takes: look at every statement.
        Err(rusqlite::Error::SqliteFailure(..)) => Ok(scan()?),
        other => Ok(other?),
    }
}

/// The name to save an imported session under: its own, unless a session
/// with other content has it; then "NAME (2)", "NAME (3)"…
fn free_name(conn: &Connection, session: &Session) -> Result<String, StoreError> {
    let mut n = 1u64;
    loop {
        let candidate = if n == 1 {
            session.name.clone()
        } else {
            format!("{} ({n})", session.name)
        };
        let existing: Option<String> = conn
            .prepare_cached("SELECT data FROM sessions WHERE name = ?1")?
            .query_row([&candidate], |r| r.get(0))
            .optional()?;
        let Some(data) = existing else {
            return Ok(candidate);
        };
        // The same session imported again keeps its name.
        if let Ok(mut other) = session::from_file_json(&data) {
            other.name.clone_from(&session.name);
            if other == *session {
                return Ok(candidate);
            }
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::{sample, statement};
    use crate::store::{LibraryCounts, StatementQuery};

    fn library() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("lib.sqlite3")).unwrap();
        (dir, library)
    }

    fn counts(library: &Library) -> (LibraryCounts, usize) {
        (library.counts().unwrap(), library.sessions().unwrap().len())
    }

    #[test]
    fn a_session_round_trips_and_saving_again_replaces_it() {
        let (_dir, library) = library();
        let mut session = sample();
        library.save_session(&session).unwrap();
        assert_eq!(library.load_session("Attacks").unwrap(), session);
        session.comparisons[0].note = "changed my mind".into();
        library.save_session(&session).unwrap();
        assert_eq!(library.load_session("Attacks").unwrap(), session);
        let list = library.sessions().unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!((list[0].name.as_str(), list[0].comparisons), ("Attacks", 2));
        assert!(list[0].updated_at.ends_with('Z'));
    }

    #[test]
    fn an_invalid_session_is_not_saved() {
        let (_dir, library) = library();
        let mut session = sample();
        session.current = Some(9);
        let err = library.save_session(&session).unwrap_err();
        assert!(matches!(
            err,
            StoreError::Session(SessionError::CurrentOutOfRange { .. })
        ));
        assert!(library.sessions().unwrap().is_empty());
    }

    #[test]
    fn the_last_session_is_the_one_saved_last() {
        let (_dir, library) = library();
        assert_eq!(library.last_session().unwrap(), None);
        let first = sample();
        let mut second = sample();
        second.name = "Second".into();
        library.save_session(&first).unwrap();
        library.save_session(&second).unwrap();
        assert_eq!(library.last_session().unwrap().unwrap().name, "Second");
        library.save_session(&first).unwrap();
        assert_eq!(library.last_session().unwrap().unwrap().name, "Attacks");
        let names: Vec<String> = library
            .sessions()
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, ["Attacks", "Second"], "newest first");
    }

    #[test]
    fn missing_sessions_are_named_in_errors() {
        let (_dir, library) = library();
        assert_eq!(
            library.load_session("Nope").unwrap_err().to_string(),
            "session 'Nope' not found"
        );
        assert!(matches!(
            library.delete_session("Nope"),
            Err(StoreError::NotFound(_))
        ));
        assert!(matches!(
            library.rename_session("Nope", "Other"),
            Err(StoreError::NotFound(_))
        ));
    }

    #[test]
    fn delete_and_rename() {
        let (_dir, library) = library();
        let mut other = sample();
        other.name = "Other".into();
        library.save_session(&sample()).unwrap();
        library.save_session(&other).unwrap();
        assert!(
            library
                .rename_session("Attacks", "Other")
                .unwrap_err()
                .to_string()
                .contains("already exists")
        );
        assert!(matches!(
            library.rename_session("Attacks", " "),
            Err(StoreError::Session(SessionError::EmptyName))
        ));
        library.rename_session("Attacks", "Renamed").unwrap();
        let renamed = library.load_session("Renamed").unwrap();
        assert_eq!(renamed.name, "Renamed", "the name inside the data too");
        assert_eq!(renamed.comparisons, sample().comparisons);
        assert!(library.load_session("Attacks").is_err());
        library.delete_session("Renamed").unwrap();
        let names: Vec<String> = library
            .sessions()
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(names, ["Other"]);
    }

    #[test]
    fn a_damaged_stored_session_is_an_error_not_a_panic() {
        let (_dir, library) = library();
        library
            .conn()
            .execute(
                "INSERT INTO sessions (name, data, created_at, updated_at) VALUES ('Bad', '{\"format\": \"x\"}', '', '')",
                [],
            )
            .unwrap();
        let err = library.load_session("Bad").unwrap_err();
        assert!(
            err.to_string().starts_with(
                "the session 'Bad' in the library cannot be read: not an On Record session file"
            ),
            "{err}"
        );
        assert!(library.last_session().is_err());
    }

    #[test]
    fn a_library_statement_becomes_a_session_statement_with_its_citation() {
        let (_dir, mut library) = library();
        let body = "“We are ready to talk,” Baloch said.";
        let doc = Document {
            title: Some("Talks".into()),
            url: Some("https://example.org/talks".into()),
            published: Some("2024-03-12".into()),
            body: body.into(),
            ..Document::default()
        };
        let text = "We are ready to talk,";
        let start = body.find(text).unwrap();
        let mut w = library.writer().unwrap();
        w.add(
            &doc,
            Some("clips/talks.txt"),
            &[ExtractedStatement {
                speaker: Some("Mumtaz Zahra Baloch".into()),
                role: None,
                organization: None,
                text: text.into(),
                kind: crate::model::StatementKind::Direct,
                start,
                end: start + text.len(),
                paragraph: 0,
                said_on: None,
                speaker_kind: SpeakerKind::Person,
                ambiguous: false,
                attribution: None,
            }],
        )
        .unwrap();
        w.commit().unwrap();
        let id = library.statements(&StatementQuery::default()).unwrap()[0].id;
        let s = library.session_statement(id).unwrap();
        assert_eq!(s.id, Some(id));
        assert_eq!(s.text, text);
        assert_eq!(s.speaker.as_deref(), Some("Mumtaz Zahra Baloch"));
        assert_eq!(s.url.as_deref(), Some("https://example.org/talks"));
        assert_eq!(s.source_path.as_deref(), Some("clips/talks.txt"));
        assert_eq!(s.date.as_deref(), Some("2024-03-12"));
        assert!(matches!(
            library.session_statement(id + 100),
            Err(StoreError::NotFound(_))
        ));
    }

    #[test]
    fn import_into_an_empty_library_adds_each_statement_once() {
        let (_dir, mut library) = library();
        let imported = library.import_session(sample()).unwrap();
        let (after, sessions) = counts(&library);
        // Three distinct statements (two appear in both comparisons).
        assert_eq!((after.articles, after.statements, sessions), (3, 3, 1));
        assert_eq!(imported.name, "Attacks");
        let ids: Vec<Option<i64>> = imported
            .comparisons
            .iter()
            .flat_map(|c| c.statements.iter().map(|s| s.id))
            .collect();
        let local: Vec<i64> = library
            .statements(&StatementQuery::default())
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(ids[0], ids[2], "the same statement maps to one id");
        assert_eq!(ids[1], ids[3]);
        for id in &ids {
            assert!(local.contains(&id.unwrap()), "{id:?} is a local statement");
        }
        // The added statements are what the session said, marked as such,
        // and searchable.
        let kirby = library.statement(ids[0].unwrap()).unwrap();
        assert_eq!(kirby.text, "We are concerned about the attacks.");
        assert_eq!(kirby.speaker.as_deref(), Some("John Kirby"));
        assert_eq!(kirby.role.as_deref(), Some("Spokesperson"));
        assert_eq!(kirby.date.as_deref(), Some("2024-03-12"));
        assert_eq!(
            kirby.article_title.as_deref(),
            Some("Briefing of 2024-03-12")
        );
        let origins: Vec<String> = library
            .conn()
            .prepare("SELECT DISTINCT origin FROM statements")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(origins, ["session"]);
        let source = library.session_statement(ids[4].unwrap()).unwrap();
        assert_eq!(source.source_path.as_deref(), Some("clips/3.txt"));
        assert_eq!(source.url.as_deref(), Some("https://example.org/3"));
        let found = library
            .statements(&StatementQuery {
                topic: Some("opposes".into()),
                ..StatementQuery::default()
            })
            .unwrap();
        assert_eq!(
            found.len(),
            1,
            "the full-text index knows the new statement"
        );
        assert_eq!(library.load_session("Attacks").unwrap(), imported);

        // Again: nothing new, same name.
        let again = library.import_session(sample()).unwrap();
        assert_eq!(counts(&library), (after, 1));
        assert_eq!(again, imported);
    }

    #[test]
    fn import_maps_to_local_statements_by_id_or_text() {
        let (_dir, mut library) = library();
        let first = library.import_session(sample()).unwrap();
        let kirby_id = first.comparisons[0].statements[0].id;
        let miller_id = first.comparisons[0].statements[1].id;
        let before = counts(&library).0;

        // Foreign ids (another library's), the same texts: mapped by text.
        let mut foreign = sample();
        foreign.name = "From a colleague".into();
        for s in foreign
            .comparisons
            .iter_mut()
            .flat_map(|c| c.statements.iter_mut())
        {
            s.id = s.id.map(|id| id + 1000);
        }
        let mapped = library.import_session(foreign).unwrap();
        assert_eq!(mapped.comparisons[0].statements[0].id, kirby_id);
        assert_eq!(mapped.comparisons[0].statements[1].id, miller_id);
        assert_eq!(counts(&library).0, before);

        // The same text said by someone else is another statement.
        let mut other_speaker = sample();
        other_speaker.name = "Other speaker".into();
        other_speaker.comparisons.truncate(1);
        other_speaker.comparisons[0].statements[0].id = None;
        other_speaker.comparisons[0].statements[0].speaker = Some("Mao Ning".into());
        let mapped = library.import_session(other_speaker).unwrap();
        let new_id = mapped.comparisons[0].statements[0].id;
        assert_ne!(new_id, kirby_id);
        let after = counts(&library).0;
        assert_eq!(after.statements, before.statements + 1);
        assert_eq!(
            after.articles, before.articles,
            "the article with these words is reused"
        );
        let s = library.statement(new_id.unwrap()).unwrap();
        assert_eq!(
            (s.speaker.as_deref(), s.text.as_str()),
            (Some("Mao Ning"), "We are concerned about the attacks.")
        );

        // A local id whose text differs is not trusted: mapped by text.
        let mut stale = sample();
        stale.name = "Stale".into();
        stale.comparisons.truncate(1);
        stale.comparisons[0].statements[0].id = miller_id;
        let mapped = library.import_session(stale).unwrap();
        assert_eq!(mapped.comparisons[0].statements[0].id, kirby_id);
    }

    /// A library holding one article with the words of the sample's first
    /// statement, spaced otherwise, and no statements.
    fn library_with_spaced_article() -> (tempfile::TempDir, Library) {
        let (dir, mut library) = library();
        let mut w = library.writer().unwrap();
        w.add(
            &Document {
                body: "We are  concerned about\nthe attacks.".into(),
                ..Document::default()
            },
            Some("clip.txt"),
            &[],
        )
        .unwrap();
        w.commit().unwrap();
        (dir, library)
    }

    #[test]
    fn an_article_with_the_same_words_spaced_otherwise_holds_the_statement() {
        let (_dir, mut library) = library_with_spaced_article();
        let mut session = sample();
        session.comparisons.truncate(1);
        session.comparisons[0].statements[0].id = None;
        let imported = library.import_session(session).unwrap();
        assert_statement_index_consistent(&library);
        let kirby = &imported.comparisons[0].statements[0];
        assert_eq!(
            kirby.text, "We are  concerned about\nthe attacks.",
            "the library's spacing"
        );
        let local = library.statement(kirby.id.unwrap()).unwrap();
        assert_eq!(local.text, kirby.text);
        assert_eq!(local.speaker.as_deref(), Some("John Kirby"));
        let counts = library.counts().unwrap();
        assert_eq!((counts.articles, counts.statements), (2, 2));
    }

    /// The statements' full-text index matches the statements table exactly
    /// (FTS5's integrity check against its content).
    fn assert_statement_index_consistent(library: &Library) {
        library
            .conn()
            .execute(
                "INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .expect("the statements' index matches the table");
    }

    #[test]
    fn statements_added_to_existing_articles_are_indexed_once() {
        let (_dir, mut library) = library_with_spaced_article();
        // A new statement first (a new article), then one that lands in the
        // existing article: both written in one batch, each indexed once.
        let mut session = sample();
        session.comparisons.truncate(1);
        session.comparisons[0].statements.swap(0, 1);
        for s in &mut session.comparisons[0].statements {
            s.id = None;
        }
        let imported = library.import_session(session).unwrap();
        assert_statement_index_consistent(&library);
        let in_article = &imported.comparisons[0].statements[1];
        assert_eq!(in_article.text, "We are  concerned about\nthe attacks.");
        let found = library
            .statements(&StatementQuery {
                topic: Some("concerned attacks".into()),
                ..StatementQuery::default()
            })
            .unwrap();
        // Both statements, each once.
        let mut ids: Vec<i64> = found.iter().map(|s| s.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), 2, "{found:?}");
        assert!(ids.contains(&in_article.id.unwrap()));
    }

    #[test]
    fn statements_without_words_are_matched_too() {
        let (_dir, mut library) = library();
        let mut session = sample();
        session.comparisons.truncate(1);
        session.comparisons[0].statements[1].text = "…!".into();
        session.comparisons[0].statements[1].id = None;
        let first = library.import_session(session.clone()).unwrap();
        let before = library.counts().unwrap();
        let second = library.import_session(session).unwrap();
        assert_eq!(library.counts().unwrap(), before);
        assert_eq!(
            first.comparisons[0].statements[1].id,
            second.comparisons[0].statements[1].id
        );
    }

    #[test]
    fn a_name_taken_by_another_session_gets_a_number() {
        let (_dir, mut library) = library();
        let mut mine = sample();
        mine.comparisons.truncate(1);
        mine.current = None;
        library.save_session(&mine).unwrap();
        let imported = library.import_session(sample()).unwrap();
        assert_eq!(imported.name, "Attacks (2)");
        let again = library.import_session(sample()).unwrap();
        assert_eq!(again.name, "Attacks (2)", "the same session keeps its name");
        let mut third = sample();
        third.comparisons[0].note = "another view".into();
        assert_eq!(library.import_session(third).unwrap().name, "Attacks (3)");
        assert_eq!(library.load_session("Attacks").unwrap(), mine);
    }

    #[test]
    fn an_invalid_session_imports_nothing() {
        let (_dir, mut library) = library();
        library.import_session(sample()).unwrap();
        let before = counts(&library);
        let mut invalid = sample();
        invalid.name = "Invalid".into();
        invalid.comparisons[0].statements[0].text = "Something new entirely.".into();
        invalid.comparisons[1].statements.truncate(1);
        let err = library.import_session(invalid).unwrap_err();
        assert!(matches!(
            err,
            StoreError::Session(SessionError::StatementCount { .. })
        ));
        assert_eq!(counts(&library), before);
    }

    #[test]
    fn an_import_failing_half_way_changes_nothing() {
        let (_dir, mut library) = library();
        library
            .conn()
            .execute_batch(
                "CREATE TEMP TRIGGER explode BEFORE INSERT ON statements WHEN new.text = 'boom'
                 BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;",
            )
            .unwrap();
        let mut session = sample();
        session.comparisons[1].statements[2] = statement(9, "Mao Ning", "boom", "2024-03-16");
        let err = library.import_session(session).unwrap_err();
        assert!(err.to_string().contains("disk on fire"), "{err}");
        let (after, sessions) = counts(&library);
        assert_eq!(
            (after.articles, after.statements, after.speakers, sessions),
            (0, 0, 0, 0)
        );
        assert!(library.search("concerned", 5).unwrap().is_empty());
    }
}
