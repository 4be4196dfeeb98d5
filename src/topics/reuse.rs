//! Talking-point reuse: statements that share a long phrase word for word
//! ("a shared interest in combating threats to regional security" recurs
//! across briefings and speakers).
//!
//! The store finds candidates with a full-text query built here
//! ([`candidate_query`]); [`longest_shared_run`] then checks each one.

use crate::compare::tokens::plain_typography;
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// Phrases shorter than this are common phrasing, not a talking point.
pub const MIN_WORDS: usize = 6;

fn words(text: &str) -> Vec<String> {
    text.unicode_words()
        .map(|w| plain_typography(w).to_lowercase())
        .collect()
}

/// An FTS5 query matching texts that contain any `MIN_WORDS`-word window of
/// `text` as a phrase (at most `max_windows` windows, spread over the text).
pub fn candidate_query(text: &str, max_windows: usize) -> Option<String> {
    let w: Vec<String> = text.unicode_words().map(|w| w.replace('"', "")).collect();
    if w.len() < MIN_WORDS {
        return None;
    }
    let count = w.len() - MIN_WORDS + 1;
    let step = count.div_ceil(max_windows.max(1)).max(1);
    let phrases: Vec<String> = (0..count)
        .step_by(step)
        .map(|i| format!("\"{}\"", w[i..i + MIN_WORDS].join(" ")))
        .collect();
    Some(phrases.join(" OR "))
}

/// The longest run of words two texts share, if it is at least `MIN_WORDS`
/// long: (the run as A writes it, its length in words).
pub fn longest_shared_run(a: &str, b: &str) -> Option<(String, usize)> {
    let wa: Vec<(usize, &str)> = a.unicode_word_indices().collect();
    let na = words(a);
    let nb = words(b);
    if na.len() < MIN_WORDS || nb.len() < MIN_WORDS {
        return None;
    }
    let mut starts: HashMap<&[String], Vec<usize>> = HashMap::new();
    for j in 0..=nb.len() - MIN_WORDS {
        starts.entry(&nb[j..j + MIN_WORDS]).or_default().push(j);
    }
    let mut best: Option<(usize, usize)> = None; // (start in a, length)
    for i in 0..=na.len() - MIN_WORDS {
        let Some(js) = starts.get(&na[i..i + MIN_WORDS]) else {
            continue;
        };
        for &j in js {
            let mut len = MIN_WORDS;
            while i + len < na.len() && j + len < nb.len() && na[i + len] == nb[j + len] {
                len += 1;
            }
            if best.is_none_or(|(_, l)| len > l) {
                best = Some((i, len));
            }
        }
    }
    best.map(|(i, len)| {
        let start = wa[i].0;
        let (last_at, last) = wa[i + len - 1];
        (a[start..last_at + last.len()].to_string(), len)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn talking_points_are_found_and_near_misses_are_not() {
        let a =
            "We have a shared interest in combating threats to regional security, and we will act.";
        let b =
            "Pakistan and the US have a shared interest in combating threats to regional security.";
        let (phrase, n) = longest_shared_run(a, b).unwrap();
        assert_eq!(
            phrase,
            "have a shared interest in combating threats to regional security"
        );
        assert_eq!(n, 10);
        assert_eq!(
            longest_shared_run(
                a,
                "We share a common interest in regional security and stability."
            ),
            None
        );
        let q = candidate_query(a, 3).unwrap();
        assert!(q.starts_with("\"We have a shared interest in\" OR "), "{q}");
        assert_eq!(candidate_query("too short", 3), None);
    }
}
