//! Word-level differences inside one aligned pair of sentences, on the
//! `similar` crate (Myers, with a deadline so that pathological input
//! degrades to a coarser diff instead of hanging).
//!
//! Every word of each side lands in exactly one op: the a-texts of equal,
//! delete and ignored ops hold all of A, the b-texts of equal, insert and
//! ignored ops all of B. Differences the options ignore (case, punctuation,
//! typography, whitespace) are reported as `ignored`, never dropped.

use super::tokens::{Kind, Tok, key, tokenize};
use super::{Op, OpTag, Options, significance};
use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
use std::time::Instant;

/// The ops of one pair and its word counts.
#[derive(Debug, Clone, Default)]
pub struct PairDiff {
    pub ops: Vec<Op>,
    /// Words of A that are matched in B (equal or ignored ops).
    pub matched_words: usize,
    pub words_a: usize,
    pub words_b: usize,
}

/// The text covered by tokens `toks[range]`, from the first token's start to
/// the last one's end (inner whitespace included).
fn span<'a>(
    text: &'a str,
    base: usize,
    toks: &[Tok],
    range: std::ops::Range<usize>,
) -> Option<&'a str> {
    let first = toks.get(range.start)?;
    let last = toks.get(range.end.checked_sub(1)?)?;
    text.get(first.range.start - base..last.range.end - base)
}

fn words_in(toks: &[Tok]) -> usize {
    toks.iter().filter(|t| t.kind == Kind::Word).count()
}

/// Diffs two stretches of text word by word. `a_base`/`b_base` are the byte
/// offsets of the stretches in their documents (token ranges are absolute).
pub fn diff_words(
    a: &str,
    a_base: usize,
    b: &str,
    b_base: usize,
    options: &Options,
    deadline: Option<Instant>,
) -> PairDiff {
    let ta: Vec<Tok> = tokenize(a, a_base)
        .into_iter()
        .filter(|t| t.kind != Kind::Space)
        .collect();
    let tb: Vec<Tok> = tokenize(b, b_base)
        .into_iter()
        .filter(|t| t.kind != Kind::Space)
        .collect();
    let ka: Vec<String> = ta.iter().map(|t| key(t, options)).collect();
    let kb: Vec<String> = tb.iter().map(|t| key(t, options)).collect();
    let mut out = PairDiff {
        words_a: words_in(&ta),
        words_b: words_in(&tb),
        ..PairDiff::default()
    };

    let push = |ops: &mut Vec<Op>, tag: OpTag, a: Option<&str>, b: Option<&str>| {
        // A word-level edit can be significant; a whole clause added or
        // dropped is a change of content, not of shading.
        let short = |t: &str| t.split_whitespace().count() <= significance::MAX_WORDS;
        let significance = match tag {
            OpTag::Delete => a.filter(|t| short(t)).and_then(significance::strongest),
            OpTag::Insert => b.filter(|t| short(t)).and_then(significance::strongest),
            _ => None,
        };
        ops.push(Op {
            tag,
            a: a.map(str::to_string),
            b: b.map(str::to_string),
            significance,
        });
    };

    for op in capture_diff_slices_deadline(Algorithm::Myers, &ka, &kb, deadline) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                // Split the run where the originals differ (an ignored difference)
                // or where the whitespace between two tokens differs.
                let mut k = 0;
                while k < len {
                    let same = |k: usize| ta[old_index + k].text == tb[new_index + k].text;
                    let kind_same = same(k);
                    let mut e = k + 1;
                    while e < len
                        && same(e) == kind_same
                        && gap_same(a, a_base, &ta, old_index + e, b, b_base, &tb, new_index + e)
                    {
                        e += 1;
                    }
                    let a_text = span(a, a_base, &ta, old_index + k..old_index + e);
                    let b_text = span(b, b_base, &tb, new_index + k..new_index + e);
                    out.matched_words += words_in(&ta[old_index + k..old_index + e]);
                    let tag = if kind_same && a_text == b_text {
                        OpTag::Equal
                    } else {
                        OpTag::Ignored
                    };
                    push(&mut out.ops, tag, a_text, b_text);
                    k = e;
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                let tag = if ignorable(&ta[old_index..old_index + old_len], options) {
                    OpTag::Ignored
                } else {
                    OpTag::Delete
                };
                push(
                    &mut out.ops,
                    tag,
                    span(a, a_base, &ta, old_index..old_index + old_len),
                    None,
                );
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                let tag = if ignorable(&tb[new_index..new_index + new_len], options) {
                    OpTag::Ignored
                } else {
                    OpTag::Insert
                };
                push(
                    &mut out.ops,
                    tag,
                    None,
                    span(b, b_base, &tb, new_index..new_index + new_len),
                );
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let (old, new) = (
                    &ta[old_index..old_index + old_len],
                    &tb[new_index..new_index + new_len],
                );
                if ignorable(old, options) && ignorable(new, options) {
                    let (a_text, b_text) = (
                        span(a, a_base, &ta, old_index..old_index + old_len),
                        span(b, b_base, &tb, new_index..new_index + new_len),
                    );
                    push(&mut out.ops, OpTag::Ignored, a_text, b_text);
                } else {
                    push(
                        &mut out.ops,
                        OpTag::Delete,
                        span(a, a_base, &ta, old_index..old_index + old_len),
                        None,
                    );
                    push(
                        &mut out.ops,
                        OpTag::Insert,
                        None,
                        span(b, b_base, &tb, new_index..new_index + new_len),
                    );
                }
            }
        }
    }
    out
}

/// Whether a stretch that only one side has is a difference the options
/// ignore: punctuation alone, under "ignore punctuation".
fn ignorable(toks: &[Tok], options: &Options) -> bool {
    options.ignore_punctuation && toks.iter().all(|t| t.kind == Kind::Punct)
}

/// Whether the whitespace before token `i` of A and token `j` of B is alike
/// (any run of whitespace is alike under "ignore whitespace"; otherwise the
/// runs must be equal).
#[allow(clippy::too_many_arguments)]
fn gap_same(
    a: &str,
    a_base: usize,
    ta: &[Tok],
    i: usize,
    b: &str,
    b_base: usize,
    tb: &[Tok],
    j: usize,
) -> bool {
    let gap = |text: &str, base: usize, toks: &[Tok], k: usize| -> String {
        text.get(toks[k - 1].range.end - base..toks[k].range.start - base)
            .unwrap_or("")
            .to_string()
    };
    let (ga, gb) = (gap(a, a_base, ta, i), gap(b, b_base, tb, j));
    // Present or absent whitespace is a real difference only in kind ("a b" vs "ab").
    ga.is_empty() == gb.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(a: &str, b: &str, options: Options) -> Vec<(OpTag, Option<String>, Option<String>)> {
        diff_words(a, 0, b, 0, &options, None)
            .ops
            .into_iter()
            .map(|o| (o.tag, o.a, o.b))
            .collect()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn concerned_to_deeply_concerned() {
        let got = diff_words(
            "We are concerned about it.",
            0,
            "We are deeply concerned about it.",
            0,
            &Options::default(),
            None,
        );
        assert_eq!(
            got.ops
                .iter()
                .map(|o| (o.tag, o.a.clone(), o.b.clone()))
                .collect::<Vec<_>>(),
            [
                (OpTag::Equal, s("We are"), s("We are")),
                (OpTag::Insert, None, s("deeply")),
                (
                    OpTag::Equal,
                    s("concerned about it."),
                    s("concerned about it.")
                ),
            ]
        );
        assert_eq!(
            got.ops[1].significance,
            Some(significance::Category::Intensity)
        );
        assert_eq!((got.matched_words, got.words_a, got.words_b), (5, 5, 6));
    }

    #[test]
    fn ignored_differences_are_reported_as_ignored() {
        let o = Options {
            ignore_case: true,
            ignore_punctuation: true,
            ignore_typography: true,
            ..Options::default()
        };
        assert_eq!(
            ops(
                "The U.S. won’t act, Kirby said",
                "the US won't act Kirby said",
                o
            ),
            [
                (OpTag::Ignored, s("The U.S. won’t"), s("the US won't")),
                (OpTag::Equal, s("act"), s("act")),
                (OpTag::Ignored, s(","), None),
                (OpTag::Equal, s("Kirby said"), s("Kirby said")),
            ]
        );
        // Without the options the same differences are changes.
        let plain = ops("The U.S. acts", "the US acts", Options::default());
        assert!(plain.iter().any(|(t, _, _)| *t == OpTag::Delete));
    }
}
