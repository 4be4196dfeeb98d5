//! Reading the library: articles, statements, speakers, counts and search.

use super::{Library, StoreError};
use crate::model::{Article, Speaker, SpeakerKind, Statement, StatementKind};
use rusqlite::{OptionalExtension, Row, params_from_iter, types::Value};
use serde::Serialize;

/// Totals shown in the status bar and by `onrecord` with no command.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct LibraryCounts {
    pub articles: i64,
    pub statements: i64,
    pub speakers: i64,
}

/// Which articles to list.
#[derive(Debug, Clone, Default)]
pub struct ArticleQuery {
    /// Words that must appear in the title or outlet (case-insensitive).
    pub filter: Option<String>,
    pub limit: Option<usize>,
}

/// Which statements to list.
#[derive(Debug, Clone, Default)]
pub struct StatementQuery {
    /// A speaker's name or one of their aliases (case-insensitive).
    pub speaker: Option<String>,
    /// A full-text query over statement text (FTS5 syntax; plain words work).
    pub topic: Option<String>,
    pub article_id: Option<i64>,
    pub limit: Option<usize>,
}

/// One full-text search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub article_id: i64,
    pub title: Option<String>,
    pub published: Option<String>,
    /// Matching words in context, with the matches in «…».
    pub snippet: String,
}

const STATEMENT_COLUMNS: &str = "s.id, s.article_id, a.title, sp.name, s.role, s.organization, s.text, s.kind, s.start, s.end, s.paragraph, coalesce(s.said_on, a.published), a.outlet, s.attribution";

fn statement_row(r: &Row) -> rusqlite::Result<Statement> {
    let kind: String = r.get(7)?;
    Ok(Statement {
        id: r.get(0)?,
        article_id: r.get(1)?,
        article_title: r.get(2)?,
        speaker: r.get(3)?,
        role: r.get(4)?,
        organization: r.get(5)?,
        text: r.get(6)?,
        kind: StatementKind::parse(&kind).unwrap_or(StatementKind::Direct),
        start: r.get::<_, i64>(8)? as usize,
        end: r.get::<_, i64>(9)? as usize,
        paragraph: r.get::<_, i64>(10)? as usize,
        date: r.get(11)?,
        outlet: r.get(12)?,
        // Written by this store from model::Attribution; an unreadable value
        // (a hand-edited library) is no attribution rather than an error.
        attribution: r
            .get::<_, Option<String>>(13)?
            .and_then(|json| serde_json::from_str(&json).ok()),
    })
}

/// The FTS5 query for what a user typed: kept as is when it only uses FTS5
/// syntax (words, "phrases", AND/OR/NOT, prefix*, parentheses), else each
/// word becomes a quoted term ("U.S.-Pakistan" → "U" "S" "Pakistan").
pub(crate) fn fts_query(query: &str) -> String {
    let plain = query
        .chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || "\"*()^".contains(c));
    if plain && query.matches('"').count().is_multiple_of(2) {
        query.to_string()
    } else {
        fts_terms(query)
    }
}

/// Each word of `query` as a quoted FTS5 term.
pub(crate) fn fts_terms(query: &str) -> String {
    query
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Library {
    pub fn counts(&self) -> Result<LibraryCounts, StoreError> {
        Ok(self.conn().query_row(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM statements), (SELECT count(*) FROM speakers)",
            [],
            |r| Ok(LibraryCounts { articles: r.get(0)?, statements: r.get(1)?, speakers: r.get(2)? }),
        )?)
    }

    /// Articles, newest first.
    pub fn articles(&self, query: &ArticleQuery) -> Result<Vec<Article>, StoreError> {
        let mut sql = String::from(
            "SELECT a.id, a.title, a.outlet, a.url, a.byline, a.published, a.source_path, a.source_part, a.content_hash, a.imported_at,
                    (SELECT count(*) FROM statements s WHERE s.article_id = a.id)
             FROM articles a",
        );
        let mut args: Vec<Value> = Vec::new();
        if let Some(filter) = query.filter.as_deref().filter(|f| !f.trim().is_empty()) {
            sql.push_str(" WHERE (a.title LIKE ?1 ESCAPE '\\' OR a.outlet LIKE ?1 ESCAPE '\\')");
            let escaped = filter
                .trim()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            args.push(Value::Text(format!("%{escaped}%")));
        }
        sql.push_str(" ORDER BY a.published IS NULL, a.published DESC, a.id DESC");
        if let Some(limit) = query.limit {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(Article {
                id: r.get(0)?,
                title: r.get(1)?,
                outlet: r.get(2)?,
                url: r.get(3)?,
                byline: r.get(4)?,
                published: r.get(5)?,
                source_path: r.get(6)?,
                source_part: r.get(7)?,
                content_hash: r.get(8)?,
                imported_at: r.get(9)?,
                statement_count: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The body text of an article.
    pub fn article_body(&self, id: i64) -> Result<String, StoreError> {
        self.conn()
            .query_row("SELECT body FROM articles WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("article {id}")))
    }

    /// Statements in article order (date, then position).
    pub fn statements(&self, query: &StatementQuery) -> Result<Vec<Statement>, StoreError> {
        let mut sql = format!(
            "SELECT {STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE 1"
        );
        let mut args: Vec<Value> = Vec::new();
        if let Some(speaker) = query.speaker.as_deref() {
            args.push(Value::Text(speaker.trim().to_string()));
            sql.push_str(&format!(
                " AND s.speaker_id IN (SELECT id FROM speakers WHERE name = ?{n} UNION SELECT speaker_id FROM speaker_aliases WHERE alias = ?{n})",
                n = args.len()
            ));
        }
        if let Some(article) = query.article_id {
            args.push(Value::Integer(article));
            sql.push_str(&format!(" AND s.article_id = ?{}", args.len()));
        }
        let topic_at = query.topic.as_deref().filter(|t| !t.trim().is_empty()).map(|t| {
            args.push(Value::Text(fts_query(t)));
            sql.push_str(&format!(" AND s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?{})", args.len()));
            args.len() - 1
        });
        sql.push_str(" ORDER BY coalesce(s.said_on, a.published) IS NULL, coalesce(s.said_on, a.published), s.article_id, s.start");
        if let Some(limit) = query.limit {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let run = |args: &[Value]| -> rusqlite::Result<Vec<Statement>> {
            let mut stmt = self.conn().prepare(&sql)?;
            let rows = stmt.query_map(params_from_iter(args.iter()), statement_row)?;
            rows.collect()
        };
        match run(&args) {
            // Still not valid FTS5 ("a AND"): search its words instead.
            Err(rusqlite::Error::SqliteFailure(..)) if topic_at.is_some() => {
                let i = topic_at.unwrap_or_default();
                if let Value::Text(t) = &args[i] {
                    args[i] = Value::Text(fts_terms(t));
                }
                Ok(run(&args)?)
            }
            other => Ok(other?),
        }
    }

    pub fn statement(&self, id: i64) -> Result<Statement, StoreError> {
        let sql = format!(
            "SELECT {STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE s.id = ?1"
        );
        self.conn()
            .query_row(&sql, [id], statement_row)
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("statement {id}")))
    }

    /// Speakers with their statement counts, most quoted first.
    pub fn speakers(&self) -> Result<Vec<Speaker>, StoreError> {
        let mut stmt = self.conn().prepare(
            "SELECT sp.id, sp.name, sp.kind, sp.role, sp.organization,
                    (SELECT count(*) FROM statements s WHERE s.speaker_id = sp.id) AS n,
                    (SELECT group_concat(alias, char(31)) FROM speaker_aliases al WHERE al.speaker_id = sp.id AND al.alias <> sp.name)
             FROM speakers sp ORDER BY n DESC, sp.name",
        )?;
        let rows = stmt.query_map([], |r| {
            let kind: String = r.get(2)?;
            let aliases: Option<String> = r.get(6)?;
            Ok(Speaker {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: SpeakerKind::parse(&kind),
                role: r.get(3)?,
                organization: r.get(4)?,
                statement_count: r.get(5)?,
                aliases: aliases
                    .map(|a| a.split('\u{1f}').map(str::to_string).collect())
                    .unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Full-text search over article titles and bodies, best match first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let sql = "SELECT a.id, a.title, a.published, snippet(articles_fts, 1, '«', '»', '…', 12)
                   FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                   WHERE articles_fts MATCH ?1 ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ?2";
        let run = |q: &str| -> rusqlite::Result<Vec<SearchHit>> {
            let mut stmt = self.conn().prepare(sql)?;
            let rows = stmt.query_map(rusqlite::params![q, limit as i64], |r| {
                Ok(SearchHit {
                    article_id: r.get(0)?,
                    title: r.get(1)?,
                    published: r.get(2)?,
                    snippet: r.get(3)?,
                })
            })?;
            rows.collect()
        };
        match run(&fts_query(query)) {
            Err(rusqlite::Error::SqliteFailure(..)) => Ok(run(&fts_terms(query))?),
            other => Ok(other?),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_queries_pass_syntax_and_quote_the_rest() {
        assert_eq!(fts_query("ceasefire OR truce"), "ceasefire OR truce");
        assert_eq!(fts_query("\"regional security\""), "\"regional security\"");
        assert_eq!(fts_query("\"unbalanced"), "\"unbalanced\"");
    }

    #[test]
    fn fts_terms_quote_every_word() {
        assert_eq!(
            fts_terms("U.S.-Pakistan \"ties\""),
            "\"U\" \"S\" \"Pakistan\" \"ties\""
        );
    }
}
