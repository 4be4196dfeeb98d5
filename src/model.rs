//! Plain data types shared by every layer.
//!
//! Nothing here knows about files, SQLite or egui: these are the words of the
//! domain (see ARCHITECTURE.md) and the shapes of the JSON contracts.

use serde::{Deserialize, Serialize};

/// A calendar date as `YYYY-MM-DD`, the form stored and printed everywhere.
pub type IsoDate = String;

/// One document as an ingest parser hands it over: text plus what the file
/// says about itself. Bodies are plain text with paragraphs separated by
/// newlines; every statement offset points into `body`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
    /// Publication date, when the file states one.
    pub published: Option<IsoDate>,
    pub body: String,
    /// Which part of a multi-document file this is ("line 3", "attachment
    /// report.html"); `None` for ordinary one-article files.
    pub part: Option<String>,
}

/// How a statement appears in its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// A quoted sentence or more.
    Direct,
    /// A quoted fragment inside reported speech.
    Partial,
    /// Indirect speech without quote marks.
    Reported,
    /// A turn of an official in a briefing transcript.
    Transcript,
}

impl StatementKind {
    pub const ALL: [StatementKind; 4] = [
        StatementKind::Direct,
        StatementKind::Partial,
        StatementKind::Reported,
        StatementKind::Transcript,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Partial => "partial",
            StatementKind::Reported => "reported",
            StatementKind::Transcript => "transcript",
        }
    }

    pub fn parse(text: &str) -> Option<StatementKind> {
        StatementKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

impl std::fmt::Display for StatementKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a speaker is a person or an institution ("the White House said").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    #[default]
    Person,
    Institution,
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Institution => "institution",
        }
    }

    pub fn parse(text: &str) -> SpeakerKind {
        if text == "institution" {
            SpeakerKind::Institution
        } else {
            SpeakerKind::Person
        }
    }
}

/// The gender a person's name, title or pronouns mark: what "he" and "she"
/// can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
}

/// A statement as the extractor finds it in one article body.
///
/// Serialises to the `onrecord extract --format json` contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtractedStatement {
    /// Canonical name as the article gives it ("Matthew Miller").
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub organization: Option<String>,
    /// The words, without surrounding quote marks; always `body[start..end]`.
    pub text: String,
    pub kind: StatementKind,
    /// Byte offsets of `text` in the body.
    pub start: usize,
    pub end: usize,
    /// Zero-based paragraph index in the body.
    pub paragraph: usize,
    /// When the statement was made, if the text says so.
    pub said_on: Option<IsoDate>,
    /// Person or institution.
    #[serde(default)]
    pub speaker_kind: SpeakerKind,
    /// Set when the attribution could fit more than one person: the speaker
    /// is then left empty rather than guessed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ambiguous: bool,
    /// How the speaker was found: the cue and the evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Attribution>,
}

/// How a statement's speaker was found, so that an analyst who doubts it
/// sees at once why: the cue that ties the words to a speaker ("said",
/// "according to", "transcript label", "continues the previous quote"),
/// the words of the article that name the speaker, and the evidence that
/// chose the person ("named in this sentence", "surname of John Kirby,
/// named in paragraph 2", "“she” → Mao Ning, the last woman named").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    pub cue: String,
    /// The words that name the speaker ("he", "MR PRICE", "the spokesperson").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention: Option<String>,
    pub evidence: String,
}

impl Attribution {
    /// The attribution of a speaker the user chose.
    pub fn by_user(what: &str) -> Attribution {
        Attribution {
            cue: "correction".into(),
            mention: None,
            evidence: what.into(),
        }
    }

    /// One line for a tooltip or a report: "said · “he” → John Kirby, …".
    pub fn summary(&self) -> String {
        match &self.mention {
            Some(m) if !self.evidence.contains(m.as_str()) => {
                format!("{} · “{m}”: {}", self.cue, self.evidence)
            }
            _ => format!("{} · {}", self.cue, self.evidence),
        }
    }
}

/// An article stored in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub id: i64,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
    pub published: Option<IsoDate>,
    pub source_path: Option<String>,
    pub source_part: Option<String>,
    pub content_hash: String,
    pub imported_at: String,
    pub statement_count: i64,
}

/// A statement stored in the library: the extract fields plus where it lives.
/// Serialises to the `onrecord statements --format json` contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub id: i64,
    pub article_id: i64,
    pub article_title: Option<String>,
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub organization: Option<String>,
    pub text: String,
    pub kind: StatementKind,
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    /// When it was said if known, else the article's date.
    pub date: Option<IsoDate>,
    pub outlet: Option<String>,
    /// How the speaker was found (absent for statements stored before the
    /// extractor recorded it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Attribution>,
}

/// A speaker across the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub id: i64,
    pub name: String,
    pub kind: SpeakerKind,
    /// Most recent role and organisation seen in a statement.
    pub role: Option<String>,
    pub organization: Option<String>,
    pub aliases: Vec<String>,
    pub statement_count: i64,
}

/// What happened to one input of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "lowercase")]
pub enum ImportOutcome {
    Imported {
        article_id: i64,
        title: Option<String>,
        statements: usize,
    },
    Duplicate {
        article_id: i64,
    },
    Failed {
        error: String,
    },
}

/// One line of an import report: a file (or a part of a file) and its fate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportResult {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[serde(flatten)]
    pub outcome: ImportOutcome,
}

/// Totals of an import, the `onrecord import --format json` contract.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub imported: usize,
    pub duplicates: usize,
    pub failed: Vec<FailedInput>,
    /// Files in folders that were passed over (unsupported type or hidden).
    pub skipped: usize,
    pub statements: usize,
    pub cancelled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedInput {
    pub path: String,
    pub error: String,
}

impl ImportSummary {
    pub fn add(&mut self, result: &ImportResult) {
        match &result.outcome {
            ImportOutcome::Imported { statements, .. } => {
                self.imported += 1;
                self.statements += statements;
            }
            ImportOutcome::Duplicate { .. } => self.duplicates += 1,
            ImportOutcome::Failed { error } => self.failed.push(FailedInput {
                path: result.path.clone(),
                error: match &result.part {
                    Some(part) => format!("{part}: {error}"),
                    None => error.clone(),
                },
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_round_trips_through_its_name() {
        for kind in StatementKind::ALL {
            assert_eq!(StatementKind::parse(kind.as_str()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
        assert_eq!(StatementKind::parse("quote"), None);
    }

    #[test]
    fn summary_counts_each_outcome() {
        let mut summary = ImportSummary::default();
        summary.add(&ImportResult {
            path: "a.txt".into(),
            part: None,
            outcome: ImportOutcome::Imported {
                article_id: 1,
                title: None,
                statements: 3,
            },
        });
        summary.add(&ImportResult {
            path: "b.jsonl".into(),
            part: Some("line 2".into()),
            outcome: ImportOutcome::Failed {
                error: "invalid JSON".into(),
            },
        });
        summary.add(&ImportResult {
            path: "c.txt".into(),
            part: None,
            outcome: ImportOutcome::Duplicate { article_id: 1 },
        });
        assert_eq!(
            (summary.imported, summary.duplicates, summary.statements),
            (1, 1, 3)
        );
        assert_eq!(summary.failed[0].error, "line 2: invalid JSON");
    }
}
