//! Topics, pairing and talking-point reuse: what statements are about, which
//! statements of two speakers speak to the same point, and which phrases
//! recur across the library.
//!
//! Pure functions over statement texts; the store supplies the statements.
//!
//! ```
//! use onrecord::topics::{rank_pairs, suggest_topics};
//! let kirby = ["Pakistan has paid a heavy price in the fight against terrorism.", "We support Ukraine's territorial integrity."];
//! let miller = ["We stand with Kyiv and its territorial integrity.", "Islamabad has suffered greatly from terrorism."];
//! let pairs = rank_pairs(&kirby, &miller);
//! let top: Vec<(usize, usize)> = pairs.iter().take(2).map(|p| (p.a, p.b)).collect();
//! assert!(top.contains(&(1, 0))); // Ukraine ↔ Kyiv
//! assert!(top.contains(&(0, 1))); // Pakistan ↔ Islamabad
//! let topics = suggest_topics(&[("John Kirby", kirby[0]), ("Matthew Miller", miller[1])], 2);
//! assert!(topics.iter().any(|t| t.term == "pakistan"));
//! ```

pub mod reuse;
pub mod terms;

use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A key term two or more speakers share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuggestedTopic {
    pub term: String,
    pub speakers: Vec<String>,
    pub statements: usize,
}

/// Key terms used by at least `min_speakers` speakers, most shared first.
/// Terms in more than half of all statements say nothing about any of them
/// and are left out.
pub fn suggest_topics(statements: &[(&str, &str)], min_speakers: usize) -> Vec<SuggestedTopic> {
    let mut by_term: BTreeMap<String, (BTreeSet<&str>, usize)> = BTreeMap::new();
    for (speaker, text) in statements {
        let unique: BTreeSet<String> = terms::topic_terms(text).into_iter().collect();
        for term in unique {
            let entry = by_term.entry(term).or_default();
            entry.0.insert(speaker);
            entry.1 += 1;
        }
    }
    let too_common = statements.len().max(4) / 2;
    let mut topics: Vec<SuggestedTopic> = by_term
        .into_iter()
        .filter(|(_, (speakers, count))| speakers.len() >= min_speakers && *count <= too_common)
        .map(|(term, (speakers, statements))| SuggestedTopic {
            term,
            speakers: speakers.into_iter().map(str::to_string).collect(),
            statements,
        })
        .collect();
    topics.sort_by(|x, y| {
        y.speakers
            .len()
            .cmp(&x.speakers.len())
            .then(y.statements.cmp(&x.statements))
            .then(x.term.cmp(&y.term))
    });
    topics
}

/// Whether a text is about a topic query: every normalised term of the
/// query is among the text's terms.
pub fn matches_topic(query_terms: &[String], text: &str) -> bool {
    if query_terms.is_empty() {
        return true;
    }
    let have: BTreeSet<String> = terms::terms(text).into_iter().collect();
    query_terms.iter().all(|t| have.contains(t))
}

/// A pair of statements that speak to the same point.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Pair {
    pub score: f64,
    /// Index into the first list.
    pub a: usize,
    /// Index into the second list.
    pub b: usize,
}

/// TF-IDF vectors over the terms of both lists.
struct Vectors {
    a: Vec<Vec<(u32, f64)>>,
    b: Vec<Vec<(u32, f64)>>,
}

/// The features of a text for pairing: its normalised terms, and pairs of
/// adjacent terms (which carry phrasing: "regional security").
fn features(text: &str) -> Vec<String> {
    let t = terms::terms(text);
    let bigrams: Vec<String> = t.windows(2).map(|w| format!("{} {}", w[0], w[1])).collect();
    t.into_iter().chain(bigrams).collect()
}

fn vectors(a: &[&str], b: &[&str], corpus: &[&str]) -> Vectors {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut intern = |t: String| {
        let next = ids.len() as u32;
        *ids.entry(t).or_insert(next)
    };
    let docs: Vec<Vec<u32>> = a
        .iter()
        .chain(b)
        .map(|text| features(text).into_iter().map(&mut intern).collect())
        .collect();
    // Document frequencies over the corpus (the library), else over A and B:
    // words every statement uses ("today", "announcements") weigh nothing.
    let background: Vec<Vec<u32>> = corpus
        .iter()
        .map(|text| features(text).into_iter().map(&mut intern).collect())
        .collect();
    let counted: &[Vec<u32>] = if background.is_empty() {
        &docs
    } else {
        &background
    };
    let n = counted.len() as f64;
    let mut df = vec![0u32; ids.len()];
    for doc in counted {
        let unique: BTreeSet<u32> = doc.iter().copied().collect();
        for t in unique {
            df[t as usize] += 1;
        }
    }
    let vector = |doc: &Vec<u32>| {
        let mut tf: BTreeMap<u32, f64> = BTreeMap::new();
        for &t in doc {
            *tf.entry(t).or_default() += 1.0;
        }
        let mut v: Vec<(u32, f64)> = tf
            .into_iter()
            .map(|(t, f)| {
                (
                    t,
                    (1.0 + f.ln()) * ((1.0 + n) / (1.0 + df[t as usize] as f64)).ln().max(0.0)
                        + 0.0,
                )
            })
            .collect();
        let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut v {
                *w /= norm;
            }
        }
        v
    };
    let all: Vec<Vec<(u32, f64)>> = docs.iter().map(vector).collect();
    let (va, vb) = all.split_at(a.len());
    Vectors {
        a: va.to_vec(),
        b: vb.to_vec(),
    }
}

fn cosine(x: &[(u32, f64)], y: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += x[i].1 * y[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

/// Ranks every pair of a statement of A with one of B by how much they speak
/// to the same point: cosine similarity of TF-IDF vectors over normalised
/// content terms. Best first; pairs sharing no term are left out.
pub fn rank_pairs(a: &[&str], b: &[&str]) -> Vec<Pair> {
    rank_pairs_in(a, b, &[])
}

/// [`rank_pairs`] with document frequencies taken from a corpus (the whole
/// library), so that what every statement says counts for little.
pub fn rank_pairs_in(a: &[&str], b: &[&str], corpus: &[&str]) -> Vec<Pair> {
    let v = vectors(a, b, corpus);
    let mut pairs = Vec::new();
    for (i, x) in v.a.iter().enumerate() {
        for (j, y) in v.b.iter().enumerate() {
            let score = cosine(x, y);
            if score > 0.0 {
                pairs.push(Pair { score, a: i, b: j });
            }
        }
    }
    pairs.sort_by(|p, q| {
        q.score
            .total_cmp(&p.score)
            .then(p.a.cmp(&q.a))
            .then(p.b.cmp(&q.b))
    });
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_need_two_speakers() {
        let statements = [
            (
                "Kirby",
                "Pakistan faces terrorist attacks from across the border and threats to regional security.",
            ),
            ("Miller", "Islamabad is a partner in regional security."),
            ("Miller", "We discussed trade with the United States."),
            ("Patel", "Trade talks continue with Beijing."),
            ("Patel", "Nothing new today."),
        ];
        let topics = suggest_topics(&statements, 2);
        let terms: Vec<&str> = topics.iter().map(|t| t.term.as_str()).collect();
        assert!(
            terms.contains(&"pakistan") && terms.contains(&"regional security"),
            "{terms:?}"
        );
        assert!(
            !terms.contains(&"border") && !terms.contains(&"united"),
            "{terms:?}"
        );
        assert!(matches_topic(
            &terms::query_terms("Pakistan"),
            "Islamabad said so"
        ));
        assert!(!matches_topic(
            &terms::query_terms("Pakistan"),
            "Kabul said so"
        ));
    }

    #[test]
    fn pairs_rank_the_same_point_first() {
        let a = [
            "The ceasefire in Gaza must hold.",
            "Export controls on chips are narrow.",
        ];
        let b = [
            "Chip export controls hurt trade.",
            "A Gaza ceasefire is urgent.",
        ];
        let pairs = rank_pairs(&a, &b);
        let top: Vec<(usize, usize)> = pairs.iter().take(2).map(|p| (p.a, p.b)).collect();
        assert!(top.contains(&(1, 0)) && top.contains(&(0, 1)), "{pairs:?}");
        assert!(pairs[0].score > 0.0 && pairs[0].score <= 1.0 + 1e-9);
        assert!(pairs.iter().skip(2).all(|p| p.score < pairs[1].score));
    }
}
