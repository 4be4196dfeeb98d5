//! Reports of a session: one self-contained HTML file ([`html`]) or
//! Markdown ([`markdown`]) with every comparison — side by side, sentence by
//! sentence, the words that differ marked in colour *and* without it — the
//! notes, the significant changes, and citations of every statement.
//!
//! Pure functions: a [`Session`] in, text out. This module holds what both
//! formats share: running the comparisons, and cutting each side of a row
//! into marked pieces.

mod html;
mod markdown;

pub use html::html;
pub use markdown::markdown;

/// "s" for any count but one: `format!("{n} comparison{}", plural(n))`.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

use crate::compare::nway::{NWay, Sharing, nway};
use crate::compare::shared::{SharedPhrase, shared_phrases};
use crate::compare::{Comparison, OpTag, Options, Row, RowKind, Summary, compare};
use crate::session::{CompareMode, Session, SessionComparison, SessionStatement};
use std::collections::HashMap;
use std::ops::Range;

/// What a comparison of a session shows.
enum Body {
    /// Two statements, diffed word by word.
    Diff(Comparison),
    /// Two statements, with the wording both use.
    Shared {
        comparison: Comparison,
        phrases: Vec<SharedPhrase>,
    },
    /// Three to six statements in one table.
    NWay(NWay),
    /// Fewer than two statements (a comparison still being set up, in a
    /// session that was not validated): nothing to compare them with.
    Alone,
}

fn body(c: &SessionComparison, mode: CompareMode, options: &Options) -> Body {
    match (&c.statements[..], mode) {
        ([a, b], CompareMode::Diff) => Body::Diff(compare(&a.text, &b.text, options)),
        ([a, b], CompareMode::Shared) => Body::Shared {
            comparison: compare(&a.text, &b.text, options),
            phrases: shared_phrases(&a.text, &b.text),
        },
        ([] | [_], _) => Body::Alone,
        (statements, _) => {
            let texts: Vec<&str> = statements.iter().map(|s| s.text.as_str()).collect();
            Body::NWay(nway(&texts, options))
        }
    }
}

/// How a stretch of text is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Plain,
    /// Only in the first statement.
    Removed,
    /// Only in the second.
    Added,
    /// A difference the options ignore.
    Ignored,
    /// Wording both statements use (shared mode).
    Shared,
}

/// One marked stretch of a side, with the whitespace before it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece<'a> {
    gap: &'a str,
    text: &'a str,
    mark: Mark,
}

/// Which side of a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    A,
    B,
}

/// The pieces of one side of a row: the words of its ops for that side,
/// marked, with the whitespace the sentence has between them.
fn row_pieces(row: &Row, side: Side) -> Vec<Piece<'_>> {
    let Some(sentence) = (match side {
        Side::A => row.a.as_deref(),
        Side::B => row.b.as_deref(),
    }) else {
        return Vec::new();
    };
    let marked = row.ops.iter().filter_map(|op| {
        let (text, mark) = match (side, op.tag) {
            (Side::A, OpTag::Equal) => (op.a.as_deref()?, Mark::Plain),
            (Side::A, OpTag::Delete) => (op.a.as_deref()?, Mark::Removed),
            (Side::A, OpTag::Ignored) => (op.a.as_deref()?, Mark::Ignored),
            (Side::B, OpTag::Equal) => (op.b.as_deref()?, Mark::Plain),
            (Side::B, OpTag::Insert) => (op.b.as_deref()?, Mark::Added),
            (Side::B, OpTag::Ignored) => (op.b.as_deref()?, Mark::Ignored),
            _ => return None,
        };
        Some((text, mark))
    });
    with_gaps(sentence, marked)
}

/// Places each stretch in `sentence` (they follow each other in it,
/// separated by whitespace) to recover the whitespace between them; a
/// stretch that cannot be placed gets a single space.
fn with_gaps<'a>(
    sentence: &'a str,
    stretches: impl Iterator<Item = (&'a str, Mark)>,
) -> Vec<Piece<'a>> {
    let mut cursor = 0;
    let mut out = Vec::new();
    for (text, mark) in stretches.filter(|(t, _)| !t.is_empty()) {
        let rest = sentence.get(cursor..).unwrap_or("");
        let gap = match rest.find(text) {
            Some(at) if rest[..at].chars().all(char::is_whitespace) => {
                cursor += at + text.len();
                &rest[..at]
            }
            _ if out.is_empty() => "",
            _ => " ",
        };
        out.push(Piece { gap, text, mark });
    }
    out
}

/// A whole text cut into pieces: the `ranges` marked `Shared`, the rest plain.
fn shared_pieces(text: &str, ranges: impl Iterator<Item = Range<usize>>) -> Vec<Piece<'_>> {
    let mut ranges: Vec<Range<usize>> = ranges.filter(|r| r.start < r.end).collect();
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let mut out = Vec::new();
    let mut cursor = 0;
    let mut push = |range: Range<usize>, mark: Mark| {
        if let Some(text) = text.get(range).filter(|t| !t.is_empty()) {
            out.push(Piece {
                gap: "",
                text,
                mark,
            });
        }
    };
    for r in merged {
        if r.start < cursor {
            continue;
        }
        push(cursor..r.start, Mark::Plain);
        push(r.clone(), Mark::Shared);
        cursor = r.end;
    }
    push(cursor..text.len(), Mark::Plain);
    out
}

/// The mark and words of a row kind.
fn row_kind(kind: RowKind) -> (&'static str, &'static str) {
    match kind {
        RowKind::Equal => ("=", "unchanged"),
        RowKind::Reworded => ("~", "reworded"),
        RowKind::Added => ("+", "added"),
        RowKind::Dropped => ("−", "dropped"),
        RowKind::Moved => ("↪", "moved"),
    }
}

/// The mark and words of a cell's sharing in an N-way table.
fn sharing(s: Sharing) -> (&'static str, &'static str) {
    match s {
        Sharing::Shared => ("=", "shared"),
        Sharing::Similar => ("≈", "similar"),
        Sharing::Unique => ("≠", "unique"),
    }
}

/// "A", "B", … — the letter of a comparison's `k`th statement.
fn letter(k: usize) -> String {
    match u8::try_from(k) {
        Ok(k) if k < 26 => char::from(b'A' + k).to_string(),
        _ => format!("#{}", k + 1),
    }
}

/// "93%".
fn percent(similarity: f64) -> String {
    format!("{:.0}%", (similarity * 100.0).clamp(0.0, 100.0))
}

/// "1 unchanged, 2 reworded, 1 moved" — the kinds of sentence rows there are.
fn summary_text(s: &Summary) -> String {
    let parts: Vec<String> = [
        (s.unchanged, "unchanged"),
        (s.reworded, "reworded"),
        (s.added, "added"),
        (s.dropped, "dropped"),
        (s.moved, "moved"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    if parts.is_empty() {
        "no sentences".into()
    } else {
        parts.join(", ")
    }
}

/// What the options ignore, in words.
fn options_text(o: &Options) -> String {
    let ignored: Vec<&str> = [
        (o.ignore_case, "case"),
        (o.ignore_punctuation, "punctuation"),
        (
            o.ignore_typography,
            "typography (quotes, dashes, “U.S.”/“US”)",
        ),
        (o.ignore_whitespace, "line breaks and spacing"),
    ]
    .into_iter()
    .filter_map(|(on, what)| on.then_some(what))
    .collect();
    match ignored.as_slice() {
        [] => "every difference counts".into(),
        [one] => format!("differences of {one} ignored"),
        [init @ .., last] => format!("differences of {} and {last} ignored", init.join(", ")),
    }
}

fn mode_text(mode: CompareMode) -> &'static str {
    match mode {
        CompareMode::Diff => "differences, word by word",
        CompareMode::Shared => "shared wording",
    }
}

/// "Spokesperson, Department of State".
fn role_line(s: &SessionStatement) -> Option<String> {
    let parts: Vec<&str> = [s.role.as_deref(), s.organization.as_deref()]
        .into_iter()
        .flatten()
        .filter(|p| !p.trim().is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// "Wire · 2024-03-12".
fn source_line(s: &SessionStatement) -> Option<String> {
    let parts: Vec<&str> = [s.outlet.as_deref(), s.date.as_deref()]
        .into_iter()
        .flatten()
        .filter(|p| !p.trim().is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// A url that may be a link: http or https, nothing that could run.
fn link(url: Option<&str>) -> Option<&str> {
    let url = url?.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    (web && !url.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(url)
}

/// "direct quotation", "reported speech"…
fn kind_text(s: &SessionStatement) -> &'static str {
    use crate::model::StatementKind;
    match s.kind {
        StatementKind::Direct => "direct quotation",
        StatementKind::Partial => "partial quotation",
        StatementKind::Reported => "reported speech",
        StatementKind::Transcript => "transcript",
    }
}

/// Citation numbers: every distinct statement of the session, from 1, in
/// order of first appearance.
struct Citations<'a> {
    statements: Vec<&'a SessionStatement>,
    numbers: HashMap<&'a SessionStatement, usize>,
}

impl<'a> Citations<'a> {
    fn of(session: &'a Session) -> Self {
        let statements = session.distinct_statements();
        let numbers = statements
            .iter()
            .enumerate()
            .map(|(k, s)| (*s, k + 1))
            .collect();
        Citations {
            statements,
            numbers,
        }
    }

    fn number(&self, s: &SessionStatement) -> usize {
        self.numbers.get(s).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests;
