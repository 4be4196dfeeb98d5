//! The comparison engine: how two statements (or two whole texts) differ,
//! sentence by sentence and word by word.
//!
//! Line diffs fail on prose, and word diffs of two speakers are mostly noise
//! unless sentences are paired first. So [`compare`]:
//!
//! 1. splits both texts into [sentences](sentences) ("U.S.", "Mr.", "No. 10"
//!    and decimals do not end one);
//! 2. [aligns](align) them — one-to-one, one-to-two, two-to-one, added,
//!    dropped, and moved (a sentence found elsewhere in the other text);
//! 3. [diffs](diff) the words inside each aligned pair with `similar`, under
//!    the [`Options`] (ignored differences are reported as `ignored`);
//! 4. marks [significant](significance) changes — negation, modality,
//!    intensity, stance — and the [shared phrases](shared) both texts use.
//!
//! ```
//! use onrecord::compare::{compare, Options, RowKind, OpTag};
//! let a = "We are concerned about the attacks. We will continue to work with Pakistan.";
//! let b = "We are deeply concerned about the attacks. We would continue to work with Pakistan.";
//! let c = compare(a, b, &Options::default());
//! assert_eq!(c.summary.reworded, 2);
//! assert!(c.rows.iter().all(|r| r.kind == RowKind::Reworded));
//! let inserted: Vec<&str> = c.rows[0].ops.iter().filter(|o| o.tag == OpTag::Insert).filter_map(|o| o.b.as_deref()).collect();
//! assert_eq!(inserted, ["deeply"]);
//! let categories: Vec<&str> = c.significant.iter().map(|s| s.category.as_str()).collect();
//! assert_eq!(categories, ["modality", "intensity"]); // ranked: modality shifts weigh more
//! assert!(c.similarity > 0.8 && c.similarity < 1.0);
//! assert_eq!(compare(b, a, &Options::default()).similarity, c.similarity); // symmetric
//! ```

pub mod align;
pub mod diff;
pub mod nway;
pub mod sentences;
pub mod shared;
pub mod significance;
pub mod tokens;

use serde::{Deserialize, Serialize};
use significance::Category;
use std::ops::Range;
use std::time::{Duration, Instant};

/// What to treat as no difference. Ignored differences are still reported,
/// with the tag `ignored`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    pub ignore_case: bool,
    pub ignore_punctuation: bool,
    /// Curly and straight quotes, dashes, ellipses, "U.S." and "US".
    pub ignore_typography: bool,
    /// Line breaks and runs of spaces (on by default: prose is rewrapped).
    pub ignore_whitespace: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            ignore_case: false,
            ignore_punctuation: false,
            ignore_typography: false,
            ignore_whitespace: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    /// The same sentence (differences, if any, are ignored ones).
    Equal,
    /// The same sentence in other words.
    Reworded,
    /// Only in B.
    Added,
    /// Only in A.
    Dropped,
    /// In both, at different places.
    Moved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OpTag {
    Equal,
    Delete,
    Insert,
    Ignored,
}

/// One stretch of a word diff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Op {
    pub tag: OpTag,
    /// A's words (for equal, delete, ignored).
    pub a: Option<String>,
    /// B's words (for equal, insert, ignored).
    pub b: Option<String>,
    /// For deletes and inserts: the kind of change it is, if significant.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub significance: Option<Category>,
}

/// One aligned row: sentences of A and B (either may be missing) and the
/// word diff between them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub kind: RowKind,
    pub a: Option<String>,
    pub b: Option<String>,
    /// Byte ranges of the row's text in A and B.
    pub a_span: Option<Range<usize>>,
    pub b_span: Option<Range<usize>>,
    pub ops: Vec<Op>,
    /// Word-only similarity of this row's two sides.
    pub similarity: f64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub unchanged: usize,
    pub reworded: usize,
    pub added: usize,
    pub dropped: usize,
    pub moved: usize,
}

/// A change that matters, for the change list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Significant {
    pub category: Category,
    /// The words on A's side (dropped or replaced), if any.
    pub a: Option<String>,
    /// The words on B's side (added or replacing), if any.
    pub b: Option<String>,
    /// The row it is in.
    pub row: usize,
}

/// The comparison of two texts. Serialises to the `onrecord compare`
/// contract (docs/cli.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Word-only similarity in [0, 1]: twice the words matched, over the
    /// words of both sides. 1 for identical texts, symmetric, and about 0
    /// for unrelated ones (whitespace and punctuation do not count).
    pub similarity: f64,
    pub summary: Summary,
    pub rows: Vec<Row>,
    /// Maximal phrases both texts use, longest first.
    pub shared_phrases: Vec<String>,
    /// Significant changes, most significant first.
    pub significant: Vec<Significant>,
    /// Set when the time budget ran out and some word diffs are coarser.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub degraded: bool,
}

/// The total time a comparison may spend on word diffs before it settles
/// for coarser ones.
const DIFF_BUDGET: Duration = Duration::from_millis(500);

/// The key a sentence is matched by exactly under `options`.
pub(crate) fn sentence_key(text: &str, options: &Options) -> String {
    // Without case, punctuation or typography options a token's key is its
    // text: the key is the sentence with its whitespace runs collapsed.
    if !options.ignore_case
        && !options.ignore_punctuation
        && !options.ignore_typography
        && options.ignore_whitespace
    {
        let mut key = String::with_capacity(text.len());
        let mut in_space = false;
        for c in text.chars() {
            if c.is_whitespace() {
                if !in_space {
                    key.push(' ');
                }
                in_space = true;
            } else {
                key.push(c);
                in_space = false;
            }
        }
        return key;
    }
    let mut key = String::with_capacity(text.len());
    for tok in tokens::tokenize(text, 0) {
        if tok.kind == tokens::Kind::Space {
            if !options.ignore_whitespace {
                key.push_str(tok.text);
            } else {
                key.push(' ');
            }
            continue;
        }
        key.push_str(&tokens::key(&tok, options));
    }
    key
}

/// Compares two texts.
pub fn compare(a: &str, b: &str, options: &Options) -> Comparison {
    // Compute in one canonical order and mirror: the result for (b, a) is
    // then exactly the mirror of (a, b), so similarity is symmetric.
    if a > b {
        return mirror(compare_ordered(b, a, options));
    }
    compare_ordered(a, b, options)
}

fn compare_ordered(a: &str, b: &str, options: &Options) -> Comparison {
    let started = Instant::now();
    let deadline = Some(started + DIFF_BUDGET);
    let (sa, sb) = (sentences::split(a), sentences::split(b));
    // Hashes first: identical sentences anchor the alignment and need
    // nothing more (most of a long transcript and its revision).
    let keys_a: Vec<String> = sa
        .iter()
        .map(|r| sentence_key(&a[r.clone()], options))
        .collect();
    let keys_b: Vec<String> = sb
        .iter()
        .map(|r| sentence_key(&b[r.clone()], options))
        .collect();
    let (ha, hb): (Vec<u64>, Vec<u64>) = (
        keys_a
            .iter()
            .map(|k| tokens::fast_hash(k.bytes()))
            .collect(),
        keys_b
            .iter()
            .map(|k| tokens::fast_hash(k.bytes()))
            .collect(),
    );
    let anchors = align::anchors(&ha, &hb);
    let (mut anchored_a, mut anchored_b) = (vec![false; sa.len()], vec![false; sb.len()]);
    for &(i, j, len) in &anchors {
        anchored_a[i..i + len].iter_mut().for_each(|x| *x = true);
        anchored_b[j..j + len].iter_mut().for_each(|x| *x = true);
    }
    let mut vocabulary = align::Vocabulary::default();
    let mut infos = |text: &str,
                     sents: &[Range<usize>],
                     keys: &[String],
                     hashes: &[u64],
                     anchored: &[bool]|
     -> Vec<align::SentenceInfo> {
        sents
            .iter()
            .enumerate()
            .map(|(k, r)| {
                if anchored[k] {
                    align::Vocabulary::anchored(hashes[k])
                } else {
                    vocabulary.sentence(&text[r.clone()], &keys[k])
                }
            })
            .collect()
    };
    let info_a = infos(a, &sa, &keys_a, &ha, &anchored_a);
    let info_b = infos(b, &sb, &keys_b, &hb, &anchored_b);
    let links = align::align_with(&info_a, &info_b, &anchors);

    let span_of = |sents: &[Range<usize>], r: &Range<usize>| {
        (!r.is_empty()).then(|| sents[r.start].start..sents[r.end - 1].end)
    };
    let (mut matched, mut words_a, mut words_b) = (0usize, 0usize, 0usize);
    let mut rows = Vec::with_capacity(links.len());
    let mut summary = Summary::default();
    for link in &links {
        let (a_span, b_span) = (span_of(&sa, &link.a), span_of(&sb, &link.b));
        let a_text = a_span.as_ref().map(|r| &a[r.clone()]);
        let b_text = b_span.as_ref().map(|r| &b[r.clone()]);
        let pair = match (a_text, b_text) {
            // Identical sentences (most of a long transcript and its revision) need no diff.
            (Some(x), Some(y)) if x == y && link.a.len() == 1 => {
                let words = tokens::word_count(x);
                diff::PairDiff {
                    ops: vec![Op {
                        tag: OpTag::Equal,
                        a: Some(x.to_string()),
                        b: Some(y.to_string()),
                        significance: None,
                    }],
                    matched_words: words,
                    words_a: words,
                    words_b: words,
                }
            }
            // A sentence only one side has: one op, no diff.
            (Some(x), None) | (None, Some(x)) => {
                let words = tokens::word_count(x);
                let short = x.split_whitespace().count() <= significance::MAX_WORDS;
                let (tag, a_side, b_side, wa, wb) = if a_text.is_some() {
                    (OpTag::Delete, Some(x.to_string()), None, words, 0)
                } else {
                    (OpTag::Insert, None, Some(x.to_string()), 0, words)
                };
                // Punctuation alone, under "ignore punctuation", is an ignored difference.
                let tag = if options.ignore_punctuation && !x.chars().any(char::is_alphanumeric) {
                    OpTag::Ignored
                } else {
                    tag
                };
                let significance = if short {
                    significance::strongest(x)
                } else {
                    None
                };
                diff::PairDiff {
                    ops: vec![Op {
                        tag,
                        a: a_side,
                        b: b_side,
                        significance,
                    }],
                    matched_words: 0,
                    words_a: wa,
                    words_b: wb,
                }
            }
            _ => diff::diff_words(
                a_text.unwrap_or(""),
                a_span.as_ref().map_or(0, |r| r.start),
                b_text.unwrap_or(""),
                b_span.as_ref().map_or(0, |r| r.start),
                options,
                deadline,
            ),
        };
        matched += pair.matched_words;
        words_a += pair.words_a;
        words_b += pair.words_b;
        let kind = match (a_text, b_text) {
            (Some(_), None) => RowKind::Dropped,
            (None, Some(_)) => RowKind::Added,
            _ if link.moved => RowKind::Moved,
            _ if pair
                .ops
                .iter()
                .all(|o| matches!(o.tag, OpTag::Equal | OpTag::Ignored)) =>
            {
                RowKind::Equal
            }
            _ => RowKind::Reworded,
        };
        match kind {
            RowKind::Equal => summary.unchanged += 1,
            RowKind::Reworded => summary.reworded += 1,
            RowKind::Added => summary.added += 1,
            RowKind::Dropped => summary.dropped += 1,
            RowKind::Moved => summary.moved += 1,
        }
        let similarity = ratio(pair.matched_words, pair.words_a, pair.words_b);
        rows.push(Row {
            kind,
            a: a_text.map(str::to_string),
            b: b_text.map(str::to_string),
            a_span,
            b_span,
            ops: pair.ops,
            similarity,
        });
    }
    let significant = significant_changes(&rows);
    // Statement-sized texts: every maximal phrase both use, wherever it
    // stands. Long texts: the phrases the aligned rows share (the global
    // search would cost more than the whole comparison).
    let shared_phrases = if words_a + words_b <= shared::GLOBAL_SEARCH_WORDS {
        shared::shared_phrases(a, b)
            .into_iter()
            .map(|p| p.text)
            .collect()
    } else {
        shared::from_equal_runs(
            rows.iter()
                .filter(|r| matches!(r.kind, RowKind::Reworded | RowKind::Moved))
                .flat_map(|r| &r.ops)
                .filter(|o| o.tag == OpTag::Equal)
                .filter_map(|o| o.a.as_deref()),
        )
    };
    Comparison {
        similarity: ratio(matched, words_a, words_b),
        summary,
        rows,
        shared_phrases,
        significant,
        degraded: started.elapsed() >= DIFF_BUDGET,
    }
}

/// 2·matched / (words of A + words of B); 1 when both are empty.
fn ratio(matched: usize, words_a: usize, words_b: usize) -> f64 {
    if words_a + words_b == 0 {
        1.0
    } else {
        (2 * matched) as f64 / (words_a + words_b) as f64
    }
}

/// Significant changes: a delete and the insert that replaces it are one
/// change; ranked by category weight, then by position.
fn significant_changes(rows: &[Row]) -> Vec<Significant> {
    let mut out = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let ops = &row.ops;
        let mut k = 0;
        while k < ops.len() {
            let op = &ops[k];
            let replaced =
                op.tag == OpTag::Delete && ops.get(k + 1).is_some_and(|n| n.tag == OpTag::Insert);
            if replaced {
                let next = &ops[k + 1];
                let category = [op.significance, next.significance]
                    .into_iter()
                    .flatten()
                    .max_by_key(|c| c.weight());
                if let Some(category) = category {
                    out.push(Significant {
                        category,
                        a: op.a.clone(),
                        b: next.b.clone(),
                        row: r,
                    });
                }
                k += 2;
                continue;
            }
            if let Some(category) = op.significance {
                out.push(Significant {
                    category,
                    a: op.a.clone(),
                    b: op.b.clone(),
                    row: r,
                });
            }
            k += 1;
        }
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.category.weight()));
    out
}

/// The comparison of (b, a) from that of (a, b).
fn mirror(c: Comparison) -> Comparison {
    let rows: Vec<Row> = c
        .rows
        .into_iter()
        .map(|row| Row {
            kind: match row.kind {
                RowKind::Added => RowKind::Dropped,
                RowKind::Dropped => RowKind::Added,
                k => k,
            },
            a: row.b,
            b: row.a,
            a_span: row.b_span,
            b_span: row.a_span,
            ops: row
                .ops
                .into_iter()
                .map(|op| Op {
                    tag: match op.tag {
                        OpTag::Delete => OpTag::Insert,
                        OpTag::Insert => OpTag::Delete,
                        t => t,
                    },
                    a: op.b,
                    b: op.a,
                    significance: op.significance,
                })
                .collect(),
            similarity: row.similarity,
        })
        .collect();
    // Shared phrases keep the wording of the text the engine read first.
    let summary = Summary {
        added: c.summary.dropped,
        dropped: c.summary.added,
        ..c.summary
    };
    let significant = c
        .significant
        .into_iter()
        .map(|s| Significant {
            a: s.b,
            b: s.a,
            ..s
        })
        .collect();
    Comparison {
        rows,
        summary,
        significant,
        ..c
    }
}

#[cfg(test)]
mod tests;
