//! Changing the library after import: users' corrections of the extractor,
//! re-extraction that keeps them, and merging speakers.
//!
//! Corrections are data, not edits of extractor output: each one is stored
//! keyed by the statement's span in its article and replayed whenever the
//! article's statements are replaced, so they survive re-extraction.

use super::write::{INSERT_STATEMENT, insert_statement};
use super::{Library, StoreError};
use crate::model::{Attribution, ExtractedStatement, SpeakerKind, StatementKind};
use rusqlite::{Connection, OptionalExtension, params};

/// Finds the speaker a name stands for, creating them if new, and records the
/// name as an alias. Names of people merge across articles:
///
/// * an exact name or alias (any case) is that speaker;
/// * a lone surname ("Kirby") is the one person whose name ends with it;
/// * a full name ("John Kirby") takes over a speaker so far known only by
///   its surname, which becomes an alias.
///
/// Returns the id and whether the speaker was created.
pub(super) fn find_or_create_speaker(
    conn: &Connection,
    name: &str,
    kind: SpeakerKind,
    role: Option<&str>,
    organization: Option<&str>,
) -> Result<(i64, bool), StoreError> {
    let exact: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM speakers WHERE name = ?1
             UNION ALL SELECT speaker_id FROM speaker_aliases WHERE alias = ?1 LIMIT 1",
        )?
        .query_row([name], |r| r.get(0))
        .optional()?;
    let found = match exact {
        Some(id) => Some(id),
        None if kind == SpeakerKind::Person && !name.contains(' ') => {
            // "Kirby": the one person named "… Kirby" (or "Mao …" for family-name-first names).
            let ids: Vec<i64> = conn
                .prepare_cached(
                    "SELECT id FROM speakers WHERE kind = 'person' AND (name LIKE '% ' || ?1 OR name LIKE ?1 || ' %')",
                )?
                .query_map([name], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            match ids[..] {
                [id] => Some(id),
                _ => None,
            }
        }
        None if kind == SpeakerKind::Person => {
            // "John Kirby" after a speaker known only as "Kirby": the same person.
            let surname = name.rsplit(' ').next().unwrap_or(name);
            let lone: Option<i64> = conn
                .prepare_cached("SELECT id FROM speakers WHERE kind = 'person' AND name = ?1")?
                .query_row([surname], |r| r.get(0))
                .optional()?;
            if let Some(id) = lone {
                conn.prepare_cached("UPDATE speakers SET name = ?2 WHERE id = ?1")?
                    .execute(params![id, name])?;
            }
            lone
        }
        None => None,
    };
    let (id, created) = match found {
        Some(id) => {
            if role.is_some() || organization.is_some() {
                conn.prepare_cached(
                    "UPDATE speakers SET role = coalesce(?2, role), organization = coalesce(?3, organization) WHERE id = ?1",
                )?
                .execute(params![id, role, organization])?;
            }
            (id, false)
        }
        None => {
            conn.prepare_cached(
                "INSERT INTO speakers (name, kind, role, organization) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![name, kind.as_str(), role, organization])?;
            (conn.last_insert_rowid(), true)
        }
    };
    conn.prepare_cached(
        "INSERT OR IGNORE INTO speaker_aliases (alias, speaker_id) VALUES (?1, ?2)",
    )?
    .execute(params![name, id])?;
    Ok((id, created))
}

/// A stored correction.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Correction {
    start: usize,
    end: usize,
    action: String,
    speaker: Option<String>,
    kind: Option<String>,
}

impl Library {
    /// Gives a statement another speaker; the correction is kept.
    pub fn correct_speaker(&mut self, statement_id: i64, speaker: &str) -> Result<(), StoreError> {
        let speaker = speaker.trim();
        if speaker.is_empty() {
            return Err(StoreError::Invalid(
                "a speaker's name cannot be empty".into(),
            ));
        }
        let tx = self.conn.transaction()?;
        let (article_id, start, end, _) = statement_span_in(&tx, statement_id)?;
        let (speaker_id, _) =
            find_or_create_speaker(&tx, speaker, SpeakerKind::Person, None, None)?;
        let attribution = serde_json::to_string(&Attribution::by_user(&format!(
            "speaker changed to {speaker} by the user"
        )))
        .ok();
        tx.execute(
            "UPDATE statements SET speaker_id = ?2, ambiguous = 0, attribution = ?3 WHERE id = ?1",
            params![statement_id, speaker_id, attribution],
        )?;
        record_in(&tx, article_id, start, end, "speaker", Some(speaker), None)?;
        tx.commit()?;
        Ok(())
    }

    /// Marks a statement as not a statement: it goes, and stays gone.
    pub fn remove_statement(&mut self, statement_id: i64) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let (article_id, start, end, text) = statement_span_in(&tx, statement_id)?;
        tx.execute(
            "INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', ?1, ?2)",
            params![statement_id, text],
        )?;
        tx.execute("DELETE FROM statements WHERE id = ?1", [statement_id])?;
        record_in(&tx, article_id, start, end, "delete", None, None)?;
        tx.commit()?;
        Ok(())
    }

    /// Adds a statement the extractor missed: `start..end` (byte offsets) of
    /// the article's body. Returns the new statement's id.
    pub fn add_statement(
        &mut self,
        article_id: i64,
        start: usize,
        end: usize,
        speaker: Option<&str>,
        kind: StatementKind,
    ) -> Result<i64, StoreError> {
        let body = self.article_body(article_id)?;
        let text = body
            .get(start..end)
            .filter(|t| !t.trim().is_empty())
            .ok_or_else(|| {
                StoreError::Invalid(format!(
                    "{start}..{end} is not a stretch of text in article {article_id}"
                ))
            })?
            .to_string();
        let paragraph = crate::extract::text::paragraphs(&body)
            .iter()
            .position(|p| p.contains(&start))
            .unwrap_or(0);
        let tx = self.conn.transaction()?;
        let speaker_id = match speaker.map(str::trim).filter(|s| !s.is_empty()) {
            Some(name) => {
                Some(find_or_create_speaker(&tx, name, SpeakerKind::Person, None, None)?.0)
            }
            None => None,
        };
        tx.execute(
            "INSERT INTO statements (article_id, speaker_id, text, kind, start, end, paragraph, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'user')",
            params![article_id, speaker_id, text, kind.as_str(), start as i64, end as i64, paragraph as i64],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO statements_fts (rowid, text) VALUES (?1, ?2)",
            params![id, text],
        )?;
        record_in(
            &tx,
            article_id,
            start as i64,
            end as i64,
            "add",
            speaker,
            Some(kind.as_str()),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// The body and date an article is extracted from.
    pub fn article_source(&self, article_id: i64) -> Result<(String, Option<String>), StoreError> {
        self.conn()
            .query_row(
                "SELECT body, published FROM articles WHERE id = ?1",
                [article_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("article {article_id}")))
    }

    /// Ids of every article, oldest first.
    pub fn article_ids(&self) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self.conn().prepare("SELECT id FROM articles ORDER BY id")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(ids)
    }

    /// Replaces an article's statements with freshly extracted ones, then
    /// replays the user's corrections on them. Returns how many statements
    /// the article has afterwards.
    pub fn replace_statements(
        &mut self,
        article_id: i64,
        statements: &[ExtractedStatement],
    ) -> Result<usize, StoreError> {
        let (body, _) = self.article_source(article_id)?;
        if let Some(s) = statements
            .iter()
            .find(|s| s.start >= s.end || body.get(s.start..s.end) != Some(s.text.as_str()))
        {
            return Err(StoreError::Invalid(format!(
                "statement at {}..{} is not the text of article {article_id}",
                s.start, s.end
            )));
        }
        let tx = self.conn.transaction()?;
        let corrections: Vec<Correction> = tx
            .prepare("SELECT start, end, action, speaker, kind FROM corrections WHERE article_id = ?1 ORDER BY id")?
            .query_map([article_id], |r| {
                Ok(Correction {
                    start: r.get::<_, i64>(0)? as usize,
                    end: r.get::<_, i64>(1)? as usize,
                    action: r.get(2)?,
                    speaker: r.get(3)?,
                    kind: r.get(4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        // Out with the old statements and their index entries.
        {
            let mut old = tx.prepare("SELECT id, text FROM statements WHERE article_id = ?1")?;
            let rows: Vec<(i64, String)> = old
                .query_map([article_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            for (id, text) in rows {
                tx.execute("INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', ?1, ?2)", params![id, text])?;
            }
        }
        tx.execute("DELETE FROM statements WHERE article_id = ?1", [article_id])?;

        // The extractor's statements, corrected.
        let mut rows: Vec<(ExtractedStatement, &'static str)> = statements
            .iter()
            .filter(|s| {
                !corrections
                    .iter()
                    .any(|c| c.action == "delete" && c.start == s.start && c.end == s.end)
            })
            .cloned()
            .map(|mut s| {
                for c in corrections
                    .iter()
                    .filter(|c| c.start == s.start && c.end == s.end)
                {
                    match c.action.as_str() {
                        "speaker" => {
                            s.speaker = c.speaker.clone();
                            s.ambiguous = false;
                            s.speaker_kind = SpeakerKind::Person;
                            s.attribution = Some(Attribution::by_user(&format!(
                                "speaker changed to {} by the user",
                                c.speaker.as_deref().unwrap_or("nobody")
                            )));
                        }
                        "kind" => {
                            s.kind = c
                                .kind
                                .as_deref()
                                .and_then(StatementKind::parse)
                                .unwrap_or(s.kind)
                        }
                        _ => {}
                    }
                }
                (s, "extracted")
            })
            .collect();
        for c in corrections.iter().filter(|c| c.action == "add") {
            if rows
                .iter()
                .any(|(s, _)| s.start == c.start && s.end == c.end)
            {
                continue;
            }
            let Some(text) = body.get(c.start..c.end) else {
                continue;
            };
            rows.push((
                ExtractedStatement {
                    speaker: c.speaker.clone(),
                    role: None,
                    organization: None,
                    text: text.to_string(),
                    kind: c
                        .kind
                        .as_deref()
                        .and_then(StatementKind::parse)
                        .unwrap_or(StatementKind::Direct),
                    start: c.start,
                    end: c.end,
                    paragraph: 0,
                    said_on: None,
                    speaker_kind: SpeakerKind::Person,
                    ambiguous: false,
                    attribution: Some(Attribution::by_user("added by the user")),
                },
                "user",
            ));
        }
        rows.sort_by_key(|(s, _)| (s.start, s.end));
        for (s, origin) in &rows {
            let speaker_id = match &s.speaker {
                Some(name) => Some(
                    find_or_create_speaker(
                        &tx,
                        name,
                        s.speaker_kind,
                        s.role.as_deref(),
                        s.organization.as_deref(),
                    )?
                    .0,
                ),
                None => None,
            };
            insert_statement(
                &mut *tx.prepare_cached(INSERT_STATEMENT)?,
                article_id,
                speaker_id,
                s,
                origin,
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO statements_fts (rowid, text) VALUES (?1, ?2)",
                params![id, s.text],
            )?;
        }
        tx.commit()?;
        Ok(rows.len())
    }

    /// Merges speaker `from` into `into`: statements and aliases move over,
    /// `from` goes. Both are names or aliases.
    pub fn merge_speakers(&mut self, from: &str, into: &str) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let id_of = |name: &str| -> Result<i64, StoreError> {
            tx.query_row(
                "SELECT id FROM speakers WHERE name = ?1 UNION ALL SELECT speaker_id FROM speaker_aliases WHERE alias = ?1 LIMIT 1",
                [name],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("speaker '{name}'")))
        };
        let (from_id, into_id) = (id_of(from)?, id_of(into)?);
        if from_id == into_id {
            return Err(StoreError::Invalid(format!(
                "'{from}' and '{into}' are already the same speaker"
            )));
        }
        tx.execute(
            "UPDATE statements SET speaker_id = ?2 WHERE speaker_id = ?1",
            params![from_id, into_id],
        )?;
        tx.execute(
            "UPDATE OR IGNORE speaker_aliases SET speaker_id = ?2 WHERE speaker_id = ?1",
            params![from_id, into_id],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO speaker_aliases (alias, speaker_id) SELECT name, ?2 FROM speakers WHERE id = ?1",
            params![from_id, into_id],
        )?;
        tx.execute("DELETE FROM speakers WHERE id = ?1", [from_id])?;
        tx.commit()?;
        Ok(())
    }
}

fn statement_span_in(
    conn: &Connection,
    statement_id: i64,
) -> Result<(i64, i64, i64, String), StoreError> {
    conn.query_row(
        "SELECT article_id, start, end, text FROM statements WHERE id = ?1",
        [statement_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound(format!("statement {statement_id}")))
}

fn record_in(
    conn: &Connection,
    article_id: i64,
    start: i64,
    end: i64,
    action: &str,
    speaker: Option<&str>,
    kind: Option<&str>,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO corrections (article_id, start, end, action, speaker, kind, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (article_id, start, end, action) DO UPDATE SET speaker = excluded.speaker, kind = excluded.kind, created_at = excluded.created_at",
        params![article_id, start, end, action, speaker, kind, chrono::Utc::now().to_rfc3339()],
    )?;
    Ok(())
}
