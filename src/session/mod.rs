//! Comparison sessions: the comparisons a user set up — pairs and 3–6-way
//! groups of statements — with the options, the mode, a note per comparison
//! and where the user was, so that work can be saved, reopened, sent to a
//! colleague and turned into a report.
//!
//! A session carries copies of its statements (text and full metadata), not
//! just library ids: a `.onrecord` file is readable without the library it
//! came from, and importing it into another library maps each statement to
//! a local one or adds it (see `Library::import_session`).
//!
//! This module is plain data and the file format ([`file`]); it knows
//! nothing of SQLite or egui.

pub mod file;

pub use file::{from_file_json, read_file, to_file_json, write_file};

use crate::compare::Options;
use crate::model::{IsoDate, Statement, StatementKind};
use serde::{Deserialize, Serialize};

/// The value of the `format` field of every session file.
pub const SESSION_FORMAT: &str = "onrecord-session";
/// The session format this build writes and the newest it reads.
pub const SESSION_VERSION: u32 = 1;

/// A session file may be at most this large (64 MiB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// A session holds at most this many comparisons.
pub const MAX_COMPARISONS: usize = 1_000;
/// No string in a session may be longer than this (1 MiB, in bytes).
pub const MAX_STRING_BYTES: usize = 1024 * 1024;
/// A comparison has at least two statements (a pair) …
pub const MIN_STATEMENTS: usize = 2;
/// … and at most six (the widest N-way table).
pub const MAX_STATEMENTS: usize = 6;

/// Why a session (or a session file) cannot be used. Messages are written
/// for the person who picked the file; [`SessionError::File`] names it.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("{path}: {error}")]
    File {
        path: String,
        /// Not a `source`: the message already says it, and error chains
        /// (`{:#}`) would say it twice.
        error: Box<SessionError>,
    },
    #[error("cannot read or write the file: {0}")]
    Io(String),
    #[error("the file is too large for a session ({bytes} bytes; a session file is at most {} MiB)", MAX_FILE_BYTES / (1024 * 1024))]
    TooLarge { bytes: u64 },
    #[error("not a session file: it is not JSON ({0})")]
    NotJson(String),
    #[error("not an On Record session file ({0})")]
    NotASession(String),
    #[error(
        "made by a newer On Record (session format {found}); this version reads format {}. Update On Record to open it.",
        SESSION_VERSION
    )]
    NewerVersion { found: u64 },
    #[error("the session file is damaged: {0}")]
    Damaged(String),
    #[error("a session needs a name")]
    EmptyName,
    #[error(
        "the session has {count} comparisons; at most {} are allowed",
        MAX_COMPARISONS
    )]
    TooManyComparisons { count: usize },
    #[error(
        "comparison {comparison} has {count} statements; a comparison needs {}–{}",
        MIN_STATEMENTS,
        MAX_STATEMENTS
    )]
    StatementCount { comparison: usize, count: usize },
    #[error("comparison {comparison}, statement {statement} has no text")]
    EmptyStatement { comparison: usize, statement: usize },
    #[error("{field} is {bytes} bytes long; text in a session is at most 1 MiB")]
    StringTooLong { field: String, bytes: usize },
    #[error("the open comparison is number {}, but the session has {count}", current + 1)]
    CurrentOutOfRange { current: usize, count: usize },
}

impl SessionError {
    /// The error without the file it happened in.
    pub fn reason(&self) -> &SessionError {
        match self {
            SessionError::File { error, .. } => error.reason(),
            other => other,
        }
    }

    /// This error, naming `path`.
    pub fn in_file(self, path: &std::path::Path) -> SessionError {
        match self {
            already @ SessionError::File { .. } => already,
            error => SessionError::File {
                path: path.display().to_string(),
                error: Box::new(error),
            },
        }
    }
}

/// How a session shows its pairs: word differences, or the wording both
/// sides share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum CompareMode {
    #[default]
    Diff,
    Shared,
}

impl CompareMode {
    pub fn as_str(self) -> &'static str {
        match self {
            CompareMode::Diff => "diff",
            CompareMode::Shared => "shared",
        }
    }
}

/// A set of comparisons a user works on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Session {
    pub name: String,
    #[serde(default)]
    pub options: Options,
    #[serde(default)]
    pub mode: CompareMode,
    #[serde(default)]
    pub comparisons: Vec<SessionComparison>,
    /// Index of the open comparison.
    #[serde(default)]
    pub current: Option<usize>,
    /// Where the user was.
    #[serde(default)]
    pub view: SessionView,
}

/// Where the user was in the app when the session was saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SessionView {
    #[serde(default)]
    pub speaker_a: Option<String>,
    #[serde(default)]
    pub speaker_b: Option<String>,
    #[serde(default)]
    pub topic: Option<String>,
    #[serde(default)]
    pub tab: Option<String>,
}

/// One comparison: 2 statements (a pair) or 3–6 (an N-way group).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionComparison {
    pub statements: Vec<SessionStatement>,
    #[serde(default)]
    pub note: String,
}

/// A statement as a session keeps it: its words and everything needed to
/// cite it, whether or not the library it came from is at hand.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SessionStatement {
    /// Its id in the library it came from (or was mapped to on import).
    #[serde(default)]
    pub id: Option<i64>,
    pub text: String,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub organization: Option<String>,
    pub kind: StatementKind,
    /// When it was said, else the article's date.
    #[serde(default)]
    pub date: Option<IsoDate>,
    #[serde(default)]
    pub article_title: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// The file the article was imported from.
    #[serde(default)]
    pub source_path: Option<String>,
    /// Byte offsets of `text` in its article's body.
    #[serde(default)]
    pub start: usize,
    #[serde(default)]
    pub end: usize,
}

impl SessionStatement {
    /// A library statement with its article's url and source file.
    pub fn from_statement(s: &Statement, url: Option<String>, source_path: Option<String>) -> Self {
        SessionStatement {
            id: Some(s.id),
            text: s.text.clone(),
            speaker: s.speaker.clone(),
            role: s.role.clone(),
            organization: s.organization.clone(),
            kind: s.kind,
            date: s.date.clone(),
            article_title: s.article_title.clone(),
            outlet: s.outlet.clone(),
            url,
            source_path,
            start: s.start,
            end: s.end,
        }
    }

    /// The speaker's name, or "unknown speaker".
    pub fn speaker_name(&self) -> &str {
        self.speaker
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or("unknown speaker")
    }

    /// Every string field with its name, for the length limit.
    fn strings(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            ("text", Some(self.text.as_str())),
            ("speaker", self.speaker.as_deref()),
            ("role", self.role.as_deref()),
            ("organization", self.organization.as_deref()),
            ("date", self.date.as_deref()),
            ("article_title", self.article_title.as_deref()),
            ("outlet", self.outlet.as_deref()),
            ("url", self.url.as_deref()),
            ("source_path", self.source_path.as_deref()),
        ]
        .into_iter()
        .filter_map(|(name, value)| Some((name, value?)))
    }
}

impl SessionComparison {
    /// A comparison of two statements, without a note.
    pub fn pair(a: SessionStatement, b: SessionStatement) -> Self {
        SessionComparison {
            statements: vec![a, b],
            note: String::new(),
        }
    }

    /// "John Kirby ↔ Matthew Miller"; when a speaker appears more than once,
    /// their statements' dates tell them apart ("Matthew Miller (2024-03-12)
    /// ↔ Matthew Miller (2024-03-14)").
    pub fn label(&self) -> String {
        let names: Vec<&str> = self
            .statements
            .iter()
            .map(SessionStatement::speaker_name)
            .collect();
        self.statements
            .iter()
            .zip(&names)
            .map(|(s, name)| {
                let repeated = names.iter().filter(|n| *n == name).count() > 1;
                match s.date.as_deref() {
                    Some(date) if repeated => format!("{name} ({date})"),
                    _ => (*name).to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ↔ ")
    }

    /// Whether this is a pair (else an N-way group).
    pub fn is_pair(&self) -> bool {
        self.statements.len() == 2
    }
}

impl Session {
    /// An empty session called `name`, with default options.
    pub fn new(name: impl Into<String>) -> Self {
        Session {
            name: name.into(),
            ..Session::default()
        }
    }

    /// Checks the limits every session keeps: a name, 2–6 statements with
    /// text in each comparison, at most [`MAX_COMPARISONS`] comparisons, no
    /// string over [`MAX_STRING_BYTES`], `current` naming a comparison.
    /// Comparisons and statements are counted from 1 in messages.
    pub fn validate(&self) -> Result<(), SessionError> {
        /// The length limit; the field is named only when it is broken.
        fn short(value: &str, field: impl FnOnce() -> String) -> Result<(), SessionError> {
            if value.len() > MAX_STRING_BYTES {
                return Err(SessionError::StringTooLong {
                    field: field(),
                    bytes: value.len(),
                });
            }
            Ok(())
        }
        short(&self.name, || "the session's name".into())?;
        if self.name.trim().is_empty() {
            return Err(SessionError::EmptyName);
        }
        if self.comparisons.len() > MAX_COMPARISONS {
            return Err(SessionError::TooManyComparisons {
                count: self.comparisons.len(),
            });
        }
        let view = [
            ("speaker_a", &self.view.speaker_a),
            ("speaker_b", &self.view.speaker_b),
            ("topic", &self.view.topic),
            ("tab", &self.view.tab),
        ];
        for (name, value) in view {
            if let Some(value) = value {
                short(value, || format!("the view's {name}"))?;
            }
        }
        for (c, comparison) in self.comparisons.iter().enumerate() {
            let count = comparison.statements.len();
            if !(MIN_STATEMENTS..=MAX_STATEMENTS).contains(&count) {
                return Err(SessionError::StatementCount {
                    comparison: c + 1,
                    count,
                });
            }
            short(&comparison.note, || {
                format!("the note of comparison {}", c + 1)
            })?;
            for (k, statement) in comparison.statements.iter().enumerate() {
                for (field, value) in statement.strings() {
                    short(value, || {
                        format!("comparison {}, statement {}: {field}", c + 1, k + 1)
                    })?;
                }
                if statement.text.trim().is_empty() {
                    return Err(SessionError::EmptyStatement {
                        comparison: c + 1,
                        statement: k + 1,
                    });
                }
            }
        }
        if let Some(current) = self.current
            && current >= self.comparisons.len()
        {
            return Err(SessionError::CurrentOutOfRange {
                current,
                count: self.comparisons.len(),
            });
        }
        Ok(())
    }

    /// Every statement of the session once, in order of first appearance
    /// (a statement in two comparisons is cited once).
    pub fn distinct_statements(&self) -> Vec<&SessionStatement> {
        let mut seen = std::collections::HashSet::new();
        self.comparisons
            .iter()
            .flat_map(|c| &c.statements)
            .filter(|s| seen.insert(*s))
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A statement for tests: `speaker` said `text` on `date`.
    pub(crate) fn statement(id: i64, speaker: &str, text: &str, date: &str) -> SessionStatement {
        SessionStatement {
            id: Some(id),
            text: text.into(),
            speaker: Some(speaker.into()),
            role: Some("Spokesperson".into()),
            organization: Some("Department of State".into()),
            kind: StatementKind::Direct,
            date: Some(date.into()),
            article_title: Some(format!("Briefing of {date}")),
            outlet: Some("Wire".into()),
            url: Some(format!("https://example.org/{id}")),
            source_path: Some(format!("clips/{id}.txt")),
            start: 10,
            end: 10 + text.len(),
        }
    }

    /// A small valid session: one pair and one three-way group.
    pub(crate) fn sample() -> Session {
        let a = statement(
            1,
            "John Kirby",
            "We are concerned about the attacks.",
            "2024-03-12",
        );
        let b = statement(
            2,
            "Matthew Miller",
            "We are deeply concerned about the attacks.",
            "2024-03-14",
        );
        let c = statement(3, "Mao Ning", "China opposes the attacks.", "2024-03-15");
        Session {
            name: "Attacks".into(),
            comparisons: vec![
                SessionComparison {
                    note: "Miller is firmer".into(),
                    ..SessionComparison::pair(a.clone(), b.clone())
                },
                SessionComparison {
                    statements: vec![a, b, c],
                    note: String::new(),
                },
            ],
            current: Some(0),
            view: SessionView {
                speaker_a: Some("John Kirby".into()),
                tab: Some("compare".into()),
                ..SessionView::default()
            },
            ..Session::default()
        }
    }

    #[test]
    fn a_sample_session_is_valid() {
        sample().validate().unwrap();
    }

    #[test]
    fn labels_name_the_speakers_and_dates_tell_one_speaker_apart() {
        let session = sample();
        assert_eq!(
            session.comparisons[0].label(),
            "John Kirby ↔ Matthew Miller"
        );
        assert_eq!(
            session.comparisons[1].label(),
            "John Kirby ↔ Matthew Miller ↔ Mao Ning"
        );
        let a = statement(1, "Matthew Miller", "One.", "2024-03-12");
        let mut b = statement(2, "Matthew Miller", "Two.", "2024-03-14");
        assert_eq!(
            SessionComparison::pair(a.clone(), b.clone()).label(),
            "Matthew Miller (2024-03-12) ↔ Matthew Miller (2024-03-14)"
        );
        b.speaker = None;
        assert_eq!(
            SessionComparison::pair(a, b).label(),
            "Matthew Miller ↔ unknown speaker"
        );
    }

    #[test]
    fn validation_refuses_what_breaks_the_limits() {
        let mut s = sample();
        s.name = "  ".into();
        assert!(matches!(s.validate(), Err(SessionError::EmptyName)));

        let mut s = sample();
        s.comparisons[0].statements.pop();
        let err = s.validate().unwrap_err();
        assert!(matches!(
            err,
            SessionError::StatementCount {
                comparison: 1,
                count: 1
            }
        ));
        assert_eq!(
            err.to_string(),
            "comparison 1 has 1 statements; a comparison needs 2–6"
        );

        let mut s = sample();
        let extra = s.comparisons[1].statements[0].clone();
        s.comparisons[1].statements.extend(vec![extra; 4]);
        assert!(matches!(
            s.validate(),
            Err(SessionError::StatementCount {
                comparison: 2,
                count: 7
            })
        ));

        let mut s = sample();
        s.current = Some(2);
        assert!(matches!(
            s.validate(),
            Err(SessionError::CurrentOutOfRange {
                current: 2,
                count: 2
            })
        ));

        let mut s = sample();
        s.comparisons[1].statements[2].text = " \n".into();
        assert!(matches!(
            s.validate(),
            Err(SessionError::EmptyStatement {
                comparison: 2,
                statement: 3
            })
        ));

        let mut s = sample();
        s.comparisons[0].statements[1].outlet = Some("x".repeat(MAX_STRING_BYTES + 1));
        let err = s.validate().unwrap_err();
        assert!(
            err.to_string()
                .starts_with("comparison 1, statement 2: outlet is 1048577 bytes long"),
            "{err}"
        );

        let mut s = sample();
        s.view.topic = Some("x".repeat(MAX_STRING_BYTES + 1));
        assert!(matches!(
            s.validate(),
            Err(SessionError::StringTooLong { .. })
        ));

        let mut s = sample();
        let pair = s.comparisons[0].clone();
        s.comparisons = vec![pair; MAX_COMPARISONS + 1];
        assert!(matches!(
            s.validate(),
            Err(SessionError::TooManyComparisons { count: 1001 })
        ));
        s.comparisons.pop();
        s.validate().unwrap();
    }

    #[test]
    fn distinct_statements_cite_a_shared_statement_once() {
        let session = sample();
        let texts: Vec<&str> = session
            .distinct_statements()
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "We are concerned about the attacks.",
                "We are deeply concerned about the attacks.",
                "China opposes the attacks."
            ]
        );
    }

    #[test]
    fn from_statement_keeps_the_citation() {
        let s = Statement {
            id: 7,
            article_id: 3,
            article_title: Some("Title".into()),
            speaker: Some("John Kirby".into()),
            role: Some("Advisor".into()),
            organization: Some("White House".into()),
            text: "We are ready.".into(),
            kind: StatementKind::Partial,
            start: 4,
            end: 17,
            paragraph: 1,
            date: Some("2024-03-12".into()),
            outlet: Some("Dawn".into()),
            attribution: None,
        };
        let got = SessionStatement::from_statement(
            &s,
            Some("https://dawn.example/a".into()),
            Some("a.txt".into()),
        );
        assert_eq!(got.id, Some(7));
        assert_eq!(got.kind, StatementKind::Partial);
        assert_eq!(
            (got.start, got.end, got.text.as_str()),
            (4, 17, "We are ready.")
        );
        assert_eq!(got.url.as_deref(), Some("https://dawn.example/a"));
        assert_eq!(got.source_path.as_deref(), Some("a.txt"));
        assert_eq!(got.article_title.as_deref(), Some("Title"));
    }
}
