//! Topics and talking points over the library: saved topic queries, topic
//! matching (FTS5 syntax plus normalised terms), and reuse lookups.

use super::read::{fts_query, fts_terms};
use super::{Library, StatementQuery, StoreError};
use crate::model::Statement;
use crate::topics::{self, reuse};
use rusqlite::params;
use serde::Serialize;
use std::collections::HashSet;

/// A topic a user saved: a name and its query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SavedTopic {
    pub name: String,
    pub query: String,
}

/// A statement that reuses a phrase of another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reuse {
    pub statement: Statement,
    /// The longest phrase the two share, as the looked-up statement words it.
    pub shared: String,
    pub words: usize,
}

/// Two speakers' statements that speak to the same point, best first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedPair {
    pub score: f64,
    pub a: Statement,
    pub b: Statement,
}

impl Library {
    /// The pairs of statements by `speaker_a` and `speaker_b` on `topic` (any
    /// topic when `None`) that make the same point, best first; scored by
    /// TF-IDF against the whole library, so words everyone uses count little.
    pub fn ranked_pairs(
        &self,
        speaker_a: &str,
        speaker_b: &str,
        topic: Option<&str>,
        limit: usize,
    ) -> Result<Vec<RankedPair>, StoreError> {
        let a = self.statements_on_topic(Some(speaker_a), topic)?;
        let b = self.statements_on_topic(Some(speaker_b), topic)?;
        if a.is_empty() || b.is_empty() {
            return Ok(Vec::new());
        }
        let everything = self.statements(&StatementQuery::default())?;
        let corpus: Vec<&str> = everything.iter().map(|s| s.text.as_str()).collect();
        let texts_a: Vec<&str> = a.iter().map(|s| s.text.as_str()).collect();
        let texts_b: Vec<&str> = b.iter().map(|s| s.text.as_str()).collect();
        Ok(topics::rank_pairs_in(&texts_a, &texts_b, &corpus)
            .into_iter()
            .take(limit)
            .map(|p| RankedPair {
                score: p.score,
                a: a[p.a].clone(),
                b: b[p.b].clone(),
            })
            .collect())
    }

    /// Key terms the given speakers share (every speaker's statements when
    /// `speakers` is empty; then any two speakers sharing a term suffice).
    pub fn suggested_topics(
        &self,
        speakers: &[String],
        limit: usize,
    ) -> Result<Vec<topics::SuggestedTopic>, StoreError> {
        let statements = self.statements(&StatementQuery::default())?;
        let pairs: Vec<(&str, &str)> = statements
            .iter()
            .filter_map(|s| Some((s.speaker.as_deref()?, s.text.as_str())))
            .collect();
        // Commonness is judged against the whole library: a term in most of
        // two speakers' statements ("Pakistan") is exactly the shared topic.
        let shared_by_all = |t: &topics::SuggestedTopic| {
            speakers
                .iter()
                .all(|wanted| t.speakers.iter().any(|s| s.eq_ignore_ascii_case(wanted)))
        };
        Ok(topics::suggest_topics(&pairs, 2)
            .into_iter()
            .filter(shared_by_all)
            .take(limit)
            .collect())
    }

    /// Saves (or replaces) a topic query under a name.
    pub fn save_topic(&self, name: &str, query: &str) -> Result<(), StoreError> {
        if name.trim().is_empty() || query.trim().is_empty() {
            return Err(StoreError::Invalid(
                "a topic needs a name and a query".into(),
            ));
        }
        self.conn().execute(
            "INSERT INTO topics (name, query, created_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (name) DO UPDATE SET query = excluded.query",
            params![name.trim(), query.trim(), chrono::Utc::now().to_rfc3339()],
        )?;
        Ok(())
    }

    pub fn saved_topics(&self) -> Result<Vec<SavedTopic>, StoreError> {
        let mut stmt = self
            .conn()
            .prepare("SELECT name, query FROM topics ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            Ok(SavedTopic {
                name: r.get(0)?,
                query: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The query a topic stands for: a saved topic's query, or the text itself.
    pub fn topic_query(&self, topic: &str) -> Result<String, StoreError> {
        Ok(self
            .saved_topics()?
            .into_iter()
            .find(|t| t.name.eq_ignore_ascii_case(topic.trim()))
            .map_or_else(|| topic.to_string(), |t| t.query))
    }

    /// Statements of a speaker (or everyone) about a topic: those the FTS5
    /// query matches, and those whose normalised terms contain all of the
    /// query's ("Pakistan" finds "Islamabad").
    pub fn statements_on_topic(
        &self,
        speaker: Option<&str>,
        topic: Option<&str>,
    ) -> Result<Vec<Statement>, StoreError> {
        let all = self.statements(&StatementQuery {
            speaker: speaker.map(str::to_string),
            ..StatementQuery::default()
        })?;
        let Some(topic) = topic.map(str::trim).filter(|t| !t.is_empty()) else {
            return Ok(all);
        };
        let query = self.topic_query(topic)?;
        let by_text: HashSet<i64> = self.fts_statement_ids(&query)?;
        let terms = topics::terms::query_terms(&query);
        Ok(all
            .into_iter()
            .filter(|s| {
                by_text.contains(&s.id)
                    || (!terms.is_empty() && topics::matches_topic(&terms, &s.text))
            })
            .collect())
    }

    fn fts_statement_ids(&self, query: &str) -> Result<HashSet<i64>, StoreError> {
        let run = |q: &str| -> rusqlite::Result<HashSet<i64>> {
            let mut stmt = self
                .conn()
                .prepare_cached("SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?1")?;
            stmt.query_map([q], |r| r.get(0))?.collect()
        };
        match run(&fts_query(query)) {
            Err(rusqlite::Error::SqliteFailure(..)) => Ok(run(&fts_terms(query))?),
            other => Ok(other?),
        }
    }

    /// Other statements that share a phrase of at least
    /// [`reuse::MIN_WORDS`] words with statement `id`, oldest first.
    pub fn reuses(&self, id: i64) -> Result<Vec<Reuse>, StoreError> {
        let me = self.statement(id)?;
        let Some(query) = reuse::candidate_query(&me.text, 48) else {
            return Ok(Vec::new());
        };
        let mut candidates: Vec<i64> = self
            .fts_statement_ids(&query)?
            .into_iter()
            .filter(|&c| c != id)
            .collect();
        candidates.sort_unstable();
        let mut out = Vec::new();
        for c in candidates {
            let other = self.statement(c)?;
            if let Some((shared, words)) = reuse::longest_shared_run(&me.text, &other.text) {
                out.push(Reuse {
                    statement: other,
                    shared,
                    words,
                });
            }
        }
        out.sort_by(|x, y| {
            x.statement
                .date
                .cmp(&y.statement.date)
                .then(x.statement.id.cmp(&y.statement.id))
        });
        Ok(out)
    }
}
