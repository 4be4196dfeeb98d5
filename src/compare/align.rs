//! Sentence alignment: which sentences of A correspond to which of B.
//!
//! 1. Identical sentences (under the options) anchor the alignment, found
//!    with a patience diff over sentence hashes — cheap even for long
//!    transcripts.
//! 2. Between anchors, a dynamic programme pairs the remaining sentences
//!    one-to-one, one-to-two or two-to-one by content-word overlap (Dice),
//!    leaving the rest added or dropped. Overlaps come from an inverted index
//!    over content words, so unrelated texts cost little.
//! 3. A dropped sentence that closely matches an added one elsewhere is a
//!    move, not a delete plus an insert.

use std::collections::HashMap;
use std::ops::Range;

/// Below this overlap two sentences are not the same sentence reworded.
const PAIR_THRESHOLD: f64 = 0.3;
/// A dropped and an added sentence this alike are one sentence moved.
const MOVE_THRESHOLD: f64 = 0.6;
/// Each half of a split sentence must share at least this much with the whole.
const MERGE_PART: f64 = 0.2;
/// A merge uses one link where two would leave a sentence over; this tips
/// the balance when the merged overlap is as good as the single pair's.
const MERGE_BONUS: f64 = 0.25;
/// Gap sizes above this (sentences × sentences) align greedily.
const MAX_DP_CELLS: usize = 4_000_000;

/// One unit of the alignment: sentence indices of A and of B (either may be
/// empty), and whether the pair is a move.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub a: Range<usize>,
    pub b: Range<usize>,
    pub moved: bool,
}

/// What alignment needs to know of a sentence.
pub struct SentenceInfo {
    /// Hash of the sentence's comparison key (exact match under the options).
    pub hash: u64,
    /// Content-word ids, sorted and deduplicated.
    pub words: Vec<u32>,
}

/// Sorted (binary search).
const STOPWORDS: &[&str] = &[
    "a", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had",
    "has", "have", "he", "her", "his", "i", "in", "is", "it", "its", "not", "of", "on", "or",
    "our", "said", "she", "so", "that", "the", "their", "there", "these", "they", "this", "those",
    "to", "was", "we", "were", "which", "who", "will", "with", "would", "you",
];

fn is_stopword(word: &str) -> bool {
    // No stop word is longer than five letters.
    word.len() <= 5 && STOPWORDS.binary_search(&word).is_ok()
}

/// Interns content words across both texts.
#[derive(Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
}

impl Vocabulary {
    /// A sentence known only by its hash (an anchored one: its content
    /// words are never looked at).
    pub fn anchored(hash: u64) -> SentenceInfo {
        SentenceInfo {
            hash,
            words: Vec::new(),
        }
    }

    pub fn sentence(&mut self, text: &str, key: &str) -> SentenceInfo {
        // Words for alignment only: lowercase runs of letters and digits (an
        // approximation of Unicode words that needs no tables and, with a
        // reused buffer, no allocation per word).
        let mut ids: Vec<u32> = Vec::new();
        let mut all_ids: Vec<u32> = Vec::new();
        let mut word = String::new();
        let mut flush = |word: &mut String, ids: &mut Vec<u32>, all: &mut Vec<u32>| {
            if word.is_empty() {
                return;
            }
            let id = match self.ids.get(word.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.ids.len() as u32;
                    self.ids.insert(word.clone(), id);
                    id
                }
            };
            all.push(id);
            if !is_stopword(word) {
                ids.push(id);
            }
            word.clear();
        };
        for c in text.chars() {
            if c.is_alphanumeric() {
                if c.is_ascii() {
                    word.push(c.to_ascii_lowercase());
                } else {
                    word.extend(c.to_lowercase());
                }
            } else if !matches!(c, '\'' | '’') || word.is_empty() {
                flush(&mut word, &mut ids, &mut all_ids);
            }
        }
        flush(&mut word, &mut ids, &mut all_ids);
        // Short sentences ("We welcome that.") are all function words; use every word then.
        let mut ids = if ids.len() >= 2 { ids } else { all_ids };
        ids.sort_unstable();
        ids.dedup();
        SentenceInfo {
            hash: super::tokens::fast_hash(key.bytes()),
            words: ids,
        }
    }
}

/// Dice coefficient of two sorted id lists.
pub fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut u: Vec<u32> = a.iter().chain(b).copied().collect();
    u.sort_unstable();
    u.dedup();
    u
}

/// Identical sentences in the same order (a Myers diff over sentence
/// hashes — patience would anchor only sentences that occur once, and
/// transcripts repeat their stock lines): runs of (index in A, index in B,
/// length).
pub fn anchors(ha: &[u64], hb: &[u64]) -> Vec<(usize, usize, usize)> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(100);
    similar::capture_diff_slices_deadline(similar::Algorithm::Myers, ha, hb, Some(deadline))
        .into_iter()
        .filter_map(|op| match op {
            similar::DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => Some((old_index, new_index, len)),
            _ => None,
        })
        .collect()
}

/// Aligns the sentences of A with those of B.
pub fn align(sa: &[SentenceInfo], sb: &[SentenceInfo]) -> Vec<Link> {
    let ha: Vec<u64> = sa.iter().map(|s| s.hash).collect();
    let hb: Vec<u64> = sb.iter().map(|s| s.hash).collect();
    align_with(sa, sb, &anchors(&ha, &hb))
}

/// Aligns around known anchors; only sentences outside them need their
/// content words.
pub fn align_with(
    sa: &[SentenceInfo],
    sb: &[SentenceInfo],
    anchors: &[(usize, usize, usize)],
) -> Vec<Link> {
    let mut links = Vec::new();
    let (mut ia, mut ib) = (0, 0);
    for &(old_index, new_index, len) in anchors {
        links.extend(align_gap(sa, ia..old_index, sb, ib..new_index));
        for k in 0..len {
            links.push(Link {
                a: old_index + k..old_index + k + 1,
                b: new_index + k..new_index + k + 1,
                moved: false,
            });
        }
        ia = old_index + len;
        ib = new_index + len;
    }
    links.extend(align_gap(sa, ia..sa.len(), sb, ib..sb.len()));
    find_moves(sa, sb, &mut links);
    links
}

/// Sparse overlaps between the sentences of two gaps.
fn overlaps(
    sa: &[SentenceInfo],
    ra: &Range<usize>,
    sb: &[SentenceInfo],
    rb: &Range<usize>,
) -> HashMap<(usize, usize), f64> {
    let mut index: HashMap<u32, Vec<usize>> = HashMap::new();
    for j in rb.clone() {
        for &w in &sb[j].words {
            index.entry(w).or_default().push(j);
        }
    }
    let mut sims = HashMap::new();
    for i in ra.clone() {
        let mut seen: HashMap<usize, ()> = HashMap::new();
        for w in &sa[i].words {
            for &j in index.get(w).map(Vec::as_slice).unwrap_or(&[]) {
                if seen.insert(j, ()).is_none() {
                    let s = dice(&sa[i].words, &sb[j].words);
                    if s > 0.0 {
                        sims.insert((i, j), s);
                    }
                }
            }
        }
    }
    sims
}

fn align_gap(
    sa: &[SentenceInfo],
    ra: Range<usize>,
    sb: &[SentenceInfo],
    rb: Range<usize>,
) -> Vec<Link> {
    let (n, m) = (ra.len(), rb.len());
    if n == 0 && m == 0 {
        return Vec::new();
    }
    let lone = |ra: Range<usize>, rb: Range<usize>| {
        ra.map(|i| Link {
            a: i..i + 1,
            b: rb.start..rb.start,
            moved: false,
        })
        .chain(rb.clone().map(|j| Link {
            a: 0..0,
            b: j..j + 1,
            moved: false,
        }))
        .collect::<Vec<_>>()
    };
    if n == 0 || m == 0 {
        return lone(ra, rb);
    }
    let sims = overlaps(sa, &ra, sb, &rb);
    if sims.is_empty() {
        return lone(ra, rb);
    }
    if n * m > MAX_DP_CELLS {
        return greedy(ra, rb, &sims);
    }
    let sim = |i: usize, j: usize| {
        sims.get(&(ra.start + i, rb.start + j))
            .copied()
            .unwrap_or(0.0)
    };
    // score[i][j]: best total over A[..i], B[..j]; step records the move.
    let width = m + 1;
    let mut score = vec![0.0f64; (n + 1) * width];
    let mut step = vec![0u8; (n + 1) * width];
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = (f64::NEG_INFINITY, 0u8);
            let mut consider = |value: f64, s: u8| {
                if value > best.0 {
                    best = (value, s);
                }
            };
            if i > 0 {
                consider(score[(i - 1) * width + j], 1); // A sentence dropped
            }
            if j > 0 {
                consider(score[i * width + j - 1], 2); // B sentence added
            }
            if i > 0 && j > 0 {
                let s = sim(i - 1, j - 1);
                if s >= PAIR_THRESHOLD {
                    consider(score[(i - 1) * width + j - 1] + s, 3);
                }
                // One sentence split in two (or two joined): only when both
                // halves share words with the whole, and the merge explains
                // more than the best single pair would.
                if j > 1 && sim(i - 1, j - 1) >= MERGE_PART && sim(i - 1, j - 2) >= MERGE_PART {
                    let s = dice(
                        &sa[ra.start + i - 1].words,
                        &union(&sb[rb.start + j - 2].words, &sb[rb.start + j - 1].words),
                    );
                    if s >= PAIR_THRESHOLD {
                        consider(score[(i - 1) * width + j - 2] + s + MERGE_BONUS, 4);
                    }
                }
                if i > 1 && sim(i - 1, j - 1) >= MERGE_PART && sim(i - 2, j - 1) >= MERGE_PART {
                    let s = dice(
                        &union(&sa[ra.start + i - 2].words, &sa[ra.start + i - 1].words),
                        &sb[rb.start + j - 1].words,
                    );
                    if s >= PAIR_THRESHOLD {
                        consider(score[(i - 2) * width + j - 1] + s + MERGE_BONUS, 5);
                    }
                }
            }
            score[i * width + j] = best.0;
            step[i * width + j] = best.1;
        }
    }
    let mut links = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (a0, b0) = (ra.start, rb.start);
        // The step's sentence counts on each side: 1 dropped, 2 added,
        // 3 one-to-one, 4 one-to-two, 5 two-to-one.
        let (da, db) = match step[i * width + j] {
            1 => (1, 0),
            2 => (0, 1),
            3 => (1, 1),
            4 => (1, 2),
            _ => (2, 1),
        };
        links.push(Link {
            a: a0 + i - da..a0 + i,
            b: b0 + j - db..b0 + j,
            moved: false,
        });
        i -= da;
        j -= db;
    }
    links.reverse();
    links
}

/// For very large gaps: pairs in order of overlap, keeping the alignment
/// monotone (a longest increasing run of the best matches).
fn greedy(ra: Range<usize>, rb: Range<usize>, sims: &HashMap<(usize, usize), f64>) -> Vec<Link> {
    let mut best: Vec<(usize, usize)> = Vec::new();
    for i in ra.clone() {
        let candidate = sims
            .iter()
            .filter(|((a, _), s)| *a == i && **s >= PAIR_THRESHOLD)
            .max_by(|x, y| x.1.total_cmp(y.1));
        if let Some(((_, j), _)) = candidate {
            best.push((i, *j));
        }
    }
    // longest increasing subsequence on j
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; best.len()];
    let mut tail_idx: Vec<usize> = Vec::new();
    for (k, &(_, j)) in best.iter().enumerate() {
        let pos = tails.partition_point(|&t| t < j);
        if pos > 0 {
            prev[k] = tail_idx[pos - 1];
        }
        if pos == tails.len() {
            tails.push(j);
            tail_idx.push(k);
        } else {
            tails[pos] = j;
            tail_idx[pos] = k;
        }
    }
    let mut chain = Vec::new();
    let mut k = tail_idx.last().copied().unwrap_or(usize::MAX);
    while k != usize::MAX {
        chain.push(best[k]);
        k = prev[k];
    }
    chain.reverse();
    let mut links = Vec::new();
    let (mut i, mut j) = (ra.start, rb.start);
    for (pi, pj) in chain.into_iter().chain(std::iter::once((ra.end, rb.end))) {
        while i < pi {
            links.push(Link {
                a: i..i + 1,
                b: j..j,
                moved: false,
            });
            i += 1;
        }
        while j < pj {
            links.push(Link {
                a: i..i,
                b: j..j + 1,
                moved: false,
            });
            j += 1;
        }
        if pi < ra.end {
            links.push(Link {
                a: pi..pi + 1,
                b: pj..pj + 1,
                moved: false,
            });
            i = pi + 1;
            j = pj + 1;
        }
    }
    links
}

/// Turns dropped/added pairs that are the same sentence into moves: the
/// added link goes, the dropped one gains the B sentence.
fn find_moves(sa: &[SentenceInfo], sb: &[SentenceInfo], links: &mut Vec<Link>) {
    let dropped: Vec<usize> = (0..links.len())
        .filter(|&k| links[k].b.is_empty() && links[k].a.len() == 1)
        .collect();
    let added: Vec<usize> = (0..links.len())
        .filter(|&k| links[k].a.is_empty() && links[k].b.len() == 1)
        .collect();
    if dropped.is_empty() || added.is_empty() || dropped.len() * added.len() > 1_000_000 {
        return;
    }
    let mut taken = vec![false; links.len()];
    let mut remove = vec![false; links.len()];
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for &d in &dropped {
        for &a in &added {
            let (i, j) = (links[d].a.start, links[a].b.start);
            let s = if sa[i].hash == sb[j].hash {
                1.0
            } else {
                dice(&sa[i].words, &sb[j].words)
            };
            if s >= MOVE_THRESHOLD {
                candidates.push((s, d, a));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0));
    for (_, d, a) in candidates {
        if taken[d] || taken[a] {
            continue;
        }
        taken[d] = true;
        taken[a] = true;
        remove[a] = true;
        links[d].b = links[a].b.clone();
        links[d].moved = true;
    }
    let mut k = 0;
    links.retain(|_| {
        k += 1;
        !remove[k - 1]
    });
}
