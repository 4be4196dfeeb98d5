//! Writing imports: one transaction per batch, one savepoint per file.
//!
//! FTS5 writes an index segment at every commit, so committing file by file
//! is several times slower than batching; a savepoint per file keeps each
//! file atomic all the same — its article and all its statements, or nothing.

use super::StoreError;
use crate::model::{Document, ExtractedStatement};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
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
    let mut hasher = blake3::Hasher::new();
    for (i, word) in body.split_whitespace().enumerate() {
        if i > 0 {
            hasher.update(b" ");
        }
        hasher.update(word.as_bytes());
    }
    hasher.finalize().to_hex()[..32].to_string()
}

/// A batch of writes. Dropping it without [`ImportWriter::commit`] rolls
/// the whole batch back.
pub struct ImportWriter<'c> {
    tx: Transaction<'c>,
    speakers: HashMap<String, i64>,
    imported_at: String,
}

impl<'c> ImportWriter<'c> {
    pub(super) fn begin(conn: &'c mut Connection) -> Result<Self, StoreError> {
        // IMMEDIATE: take the write lock now (waiting out other writers via
        // busy_timeout) rather than failing later on upgrade from a read lock.
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        Ok(ImportWriter {
            tx,
            speakers: HashMap::new(),
            imported_at: chrono::Utc::now().to_rfc3339(),
        })
    }

    /// Adds one document and its statements atomically.
    pub fn add(
        &mut self,
        doc: &Document,
        source_path: Option<&str>,
        statements: &[ExtractedStatement],
    ) -> Result<Added, StoreError> {
        let hash = content_hash(&doc.body);
        if let Some(article_id) = self
            .tx
            .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
            .query_row([&hash], |r| r.get(0))
            .optional()?
        {
            return Ok(Added::Duplicate { article_id });
        }
        let sp = self.tx.savepoint()?;
        let article_id: i64 = sp
            .prepare_cached(
                "INSERT INTO articles (title, outlet, url, byline, published, body, source_path, source_part, content_hash, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
            )?
            .query_row(
                params![doc.title, doc.outlet, doc.url, doc.byline, doc.published, doc.body, source_path, doc.part, hash, self.imported_at],
                |r| r.get(0),
            )?;
        for s in statements {
            // The invariant every view relies on: a statement is a slice of its article.
            if s.start >= s.end || doc.body.get(s.start..s.end) != Some(s.text.as_str()) {
                return Err(StoreError::Invalid(format!(
                    "statement at {}..{} is not the text of the article at that place",
                    s.start, s.end
                )));
            }
            let speaker_id = match &s.speaker {
                Some(name) => Some(speaker_id(&sp, &mut self.speakers, name, s)?),
                None => None,
            };
            sp.prepare_cached(
                "INSERT INTO statements (article_id, speaker_id, role, organization, text, kind, start, end, paragraph, said_on, ambiguous)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
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
            ])?;
        }
        sp.commit()?;
        Ok(Added::Imported {
            article_id,
            statements: statements.len(),
        })
    }

    /// Makes the batch durable.
    pub fn commit(self) -> Result<(), StoreError> {
        self.tx.commit()?;
        Ok(())
    }
}

/// The id of the speaker called `name`, creating them (and their alias) on
/// first sight and keeping their latest known role.
fn speaker_id(
    conn: &Connection,
    cache: &mut HashMap<String, i64>,
    name: &str,
    s: &ExtractedStatement,
) -> Result<i64, StoreError> {
    if let Some(&id) = cache.get(name) {
        if s.role.is_some() || s.organization.is_some() {
            conn.prepare_cached("UPDATE speakers SET role = coalesce(?2, role), organization = coalesce(?3, organization) WHERE id = ?1")?
                .execute(params![id, s.role, s.organization])?;
        }
        return Ok(id);
    }
    let by_alias: Option<i64> = conn
        .prepare_cached(
            "SELECT speaker_id FROM speaker_aliases WHERE alias = ?1 ORDER BY speaker_id LIMIT 1",
        )?
        .query_row([name], |r| r.get(0))
        .optional()?;
    let id = match by_alias {
        Some(id) => id,
        None => conn
            .prepare_cached(
                "INSERT INTO speakers (name, kind, role, organization) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(name) DO UPDATE SET role = coalesce(excluded.role, role), organization = coalesce(excluded.organization, organization)
                 RETURNING id",
            )?
            .query_row(params![name, s.speaker_kind.as_str(), s.role, s.organization], |r| r.get(0))?,
    };
    conn.prepare_cached(
        "INSERT OR IGNORE INTO speaker_aliases (alias, speaker_id) VALUES (?1, ?2)",
    )?
    .execute(params![name, id])?;
    cache.insert(name.to_string(), id);
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_line_breaks_and_spacing() {
        assert_eq!(content_hash("a  b\n\nc"), content_hash("a b c"));
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
    }
}
