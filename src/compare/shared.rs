//! Shared language: the maximal phrases two texts both use ("a shared
//! interest in combating threats to regional security"), so a view can show
//! where two speakers agree as well as where they differ.

use super::tokens::plain_typography;
use std::collections::HashMap;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "as", "is", "are", "was", "were", "be", "been", "it", "its", "that", "this", "we",
    "our", "they", "their", "he", "she", "his", "her", "i", "you", "has", "have", "had", "will",
    "would", "there", "which", "who", "so", "also", "all", "any", "very",
];

/// A comparison lists at most this many shared phrases (the longest).
pub const MAX_PHRASES: usize = 200;

/// Texts with more words than this (both sides together) take their shared
/// phrases from the aligned rows only.
pub const GLOBAL_SEARCH_WORDS: usize = 8_000;

/// Shared phrases from the equal stretches of a word diff: each trimmed of
/// function words at its edges, kept if it has two content words or more.
pub fn from_equal_runs<'a>(runs: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut phrases: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for run in runs {
        let words: Vec<(usize, &str)> = run.unicode_word_indices().collect();
        let lower: Vec<String> = words.iter().map(|(_, w)| w.to_lowercase()).collect();
        let (mut s, mut e) = (0, words.len());
        while s < e && is_function(&lower[s]) {
            s += 1;
        }
        while e > s && is_function(&lower[e - 1]) {
            e -= 1;
        }
        if (s..e).filter(|&k| !is_function(&lower[k])).count() >= 2 {
            let text = &run[words[s].0..words[e - 1].0 + words[e - 1].1.len()];
            if seen.insert(text.to_lowercase()) {
                phrases.push(text.to_string());
            }
        }
    }
    phrases.sort_by_key(|p| std::cmp::Reverse(p.split_whitespace().count()));
    phrases.truncate(MAX_PHRASES);
    phrases
}

fn is_function(word: &str) -> bool {
    FUNCTION_WORDS.contains(&word)
}

/// Words of a text, normalised for matching, with their byte ranges.
fn indexed_words(text: &str) -> Vec<(String, Range<usize>)> {
    text.unicode_word_indices()
        .map(|(i, w)| (plain_typography(w).to_lowercase(), i..i + w.len()))
        .collect()
}

/// A phrase both texts use, with where it stands in each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedPhrase {
    /// As A writes it.
    pub text: String,
    pub a: Range<usize>,
    pub b: Range<usize>,
    pub words: usize,
}

/// The maximal phrases of at least two content words that A and B share,
/// longest first. Function words at a phrase's edges are trimmed.
pub fn shared_phrases(a: &str, b: &str) -> Vec<SharedPhrase> {
    let wa = indexed_words(a);
    let wb = indexed_words(b);
    if wa.len() < 2 || wb.len() < 2 {
        return Vec::new();
    }
    // Bigram anchors in A (not made of function words only).
    let mut anchors: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for i in 0..wa.len() - 1 {
        if !(is_function(&wa[i].0) && is_function(&wa[i + 1].0)) {
            anchors
                .entry((wa[i].0.as_str(), wa[i + 1].0.as_str()))
                .or_default()
                .push(i);
        }
    }
    let mut found: Vec<SharedPhrase> = Vec::new();
    let mut starts_seen: std::collections::HashSet<(usize, usize)> =
        std::collections::HashSet::new();
    for j in 0..wb.len() - 1 {
        let Some(starts) = anchors.get(&(wb[j].0.as_str(), wb[j + 1].0.as_str())) else {
            continue;
        };
        for &anchor in starts.iter().take(64) {
            // Maximal: start where the match really starts. The words before
            // an anchor may match without being an anchor themselves ("we
            // have" is two function words), so walk back rather than assume
            // an earlier anchor found it.
            let (mut i, mut j) = (anchor, j);
            while i > 0 && j > 0 && wa[i - 1].0 == wb[j - 1].0 {
                i -= 1;
                j -= 1;
            }
            if !starts_seen.insert((i, j)) {
                continue;
            }
            let mut len = 2;
            while i + len < wa.len() && j + len < wb.len() && wa[i + len].0 == wb[j + len].0 {
                len += 1;
            }
            // trim function words at the edges
            let (mut s, mut e) = (0, len);
            while s < e && is_function(&wa[i + s].0) {
                s += 1;
            }
            while e > s && is_function(&wa[i + e - 1].0) {
                e -= 1;
            }
            let content = (s..e).filter(|&k| !is_function(&wa[i + k].0)).count();
            if content >= 2 {
                let a_range = wa[i + s].1.start..wa[i + e - 1].1.end;
                let b_range = wb[j + s].1.start..wb[j + e - 1].1.end;
                found.push(SharedPhrase {
                    text: a[a_range.clone()].to_string(),
                    a: a_range,
                    b: b_range,
                    words: e - s,
                });
            }
        }
    }
    found.sort_by(|x, y| y.words.cmp(&x.words).then(x.a.start.cmp(&y.a.start)));
    // Keep each phrase once, and not when it lies inside a longer one (kept
    // ones are longer, so an interval map of them by start answers that).
    let mut kept: Vec<SharedPhrase> = Vec::new();
    let mut seen_texts: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut intervals: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for p in found {
        let inside = intervals
            .range(..=p.a.start)
            .next_back()
            .is_some_and(|(_, &end)| end >= p.a.end);
        if inside || !seen_texts.insert(p.text.to_lowercase()) {
            continue;
        }
        let end = intervals.entry(p.a.start).or_insert(p.a.end);
        *end = (*end).max(p.a.end);
        kept.push(p);
        if kept.len() == MAX_PHRASES {
            break;
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maximal_phrases_both_use() {
        let a =
            "We have a shared interest in combating threats to regional security, and we will act.";
        let b = "Pakistan and the United States share a shared interest in combating threats to regional security.";
        let phrases: Vec<String> = shared_phrases(a, b).into_iter().map(|p| p.text).collect();
        assert_eq!(
            phrases,
            ["shared interest in combating threats to regional security"]
        );
        assert!(
            shared_phrases("of the and the", "of the and the").is_empty(),
            "function words alone are no phrase"
        );
        assert!(shared_phrases("", "anything at all").is_empty());
    }

    #[test]
    fn a_phrase_that_starts_with_function_words_is_found() {
        // Regression: "We have a shared …" was skipped as the continuation of
        // a longer match, but "we have" (two function words) is no anchor.
        let a = "Pakistan has paid a heavy price. We have a shared interest in combating threats to regional security.";
        let b = "The people have suffered greatly. We have a shared interest in combating threats to regional security, and we will continue.";
        let phrases: Vec<String> = shared_phrases(a, b).into_iter().map(|p| p.text).collect();
        assert_eq!(
            phrases,
            ["shared interest in combating threats to regional security"]
        );
    }
}
