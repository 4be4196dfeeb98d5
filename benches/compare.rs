//! Comparison-engine speed: long transcripts, unrelated texts, pairing and
//! talking-point reuse, and `git diff --word-diff` on the same files.
//!
//! Run: `cargo bench --bench compare`. Inputs are generated deterministically.

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use onrecord::compare::{Options, compare};
use onrecord::model::{Document, ExtractedStatement, SpeakerKind, StatementKind};
use onrecord::store::Library;
use std::sync::LazyLock;

fn main() {
    divan::main();
}

/// A small deterministic generator (no dependency needed for this).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

const SUBJECTS: &[&str] = &[
    "We",
    "The United States",
    "Our partners",
    "The Secretary",
    "The administration",
    "Pakistan",
    "The region",
    "Our team",
];
const VERBS: &[&str] = &[
    "remain concerned about",
    "strongly support",
    "continue to call for",
    "will keep working on",
    "welcome progress on",
    "reject any attempt to undermine",
    "are closely monitoring",
    "have made clear our position on",
];
const OBJECTS: &[&str] = &[
    "regional security",
    "the ceasefire talks",
    "humanitarian access",
    "the release of hostages",
    "export controls",
    "the border crossings",
    "counterterrorism cooperation",
    "the peace framework",
    "sanctions relief",
    "supply chains",
];
const TAILS: &[&str] = &[
    "in the coming days",
    "with our allies",
    "at every level",
    "as we have said before",
    "without delay",
    "in close consultation with Congress",
    "on the basis of mutual respect",
    "this week",
];

/// About `words` words of briefing-like prose.
fn transcript(seed: u64, words: usize) -> String {
    let mut rng = Lcg(seed);
    let mut out = String::new();
    let mut count = 0;
    while count < words {
        let sentence = format!(
            "{} {} {} {}. ",
            rng.pick(SUBJECTS),
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(TAILS)
        );
        count += sentence.split_whitespace().count();
        out.push_str(&sentence);
        if rng.next().is_multiple_of(6) {
            out.push_str("\n\n");
        }
    }
    out
}

/// `text` revised as a spokesperson's line drifts: a word changed here and
/// there, sentences dropped, added and moved.
fn revise(text: &str, seed: u64) -> String {
    let mut rng = Lcg(seed);
    let mut sentences: Vec<String> = text.split(". ").map(str::to_string).collect();
    for s in sentences.iter_mut() {
        match rng.next() % 20 {
            0 => *s = s.replacen("remain concerned", "remain deeply concerned", 1),
            1 => *s = s.replacen("will keep", "would keep", 1),
            2 => *s = s.replacen("strongly support", "support", 1),
            _ => {}
        }
    }
    for _ in 0..sentences.len() / 50 {
        let i = rng.next() % sentences.len();
        sentences.remove(i);
        let j = rng.next() % sentences.len();
        sentences.insert(
            j,
            "We have nothing further to announce on that today".to_string(),
        );
        let (a, b) = (rng.next() % sentences.len(), rng.next() % sentences.len());
        let moved = sentences.remove(a);
        sentences.insert(b.min(sentences.len()), moved);
    }
    sentences.join(". ")
}

static LONG_A: LazyLock<String> = LazyLock::new(|| transcript(1, 20_000));
static LONG_B: LazyLock<String> = LazyLock::new(|| revise(&LONG_A, 2));
static UNRELATED: LazyLock<String> = LazyLock::new(|| {
    // Other words altogether.
    let mut rng = Lcg(3);
    let vocabulary = [
        "harbour", "council", "barrier", "flood", "wheat", "exports", "quarter", "rose", "traders",
        "reported", "bus", "night", "service", "expand", "vote", "school", "closures", "delay",
        "parking", "rules",
    ];
    let mut out = String::new();
    for i in 0..20_000 {
        out.push_str(vocabulary[rng.next() % vocabulary.len()]);
        out.push_str(if i % 12 == 11 { ". " } else { " " });
    }
    out
});

#[divan::bench(sample_count = 10)]
fn two_20k_word_transcripts(bencher: Bencher) {
    let (a, b) = (&*LONG_A, &*LONG_B);
    bencher.counter(ItemsCount::new(40_000usize)).bench(|| {
        let c = compare(black_box(a), black_box(b), &Options::default());
        assert!(c.similarity > 0.8);
    });
}

#[divan::bench(sample_count = 10)]
fn two_unrelated_20k_word_texts(bencher: Bencher) {
    let (a, b) = (&*LONG_A, &*UNRELATED);
    bencher.counter(ItemsCount::new(40_000usize)).bench(|| {
        let c = compare(black_box(a), black_box(b), &Options::default());
        assert!(c.similarity < 0.2);
    });
}

/// The same two transcripts through `git diff --no-index --word-diff`.
#[divan::bench(sample_count = 10)]
fn git_word_diff_same_files(bencher: Bencher) {
    git_word_diff(bencher, &LONG_A, &LONG_B);
}

/// The unrelated pair through `git diff --no-index --word-diff`.
#[divan::bench(sample_count = 10)]
fn git_word_diff_unrelated_files(bencher: Bencher) {
    git_word_diff(bencher, &LONG_A, &UNRELATED);
}

fn git_word_diff(bencher: Bencher, a: &str, b: &str) {
    let dir = tempfile::tempdir().unwrap();
    let (pa, pb) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&pa, a).unwrap();
    std::fs::write(&pb, b).unwrap();
    if std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("git not found: skipping");
        return;
    }
    bencher.bench(|| {
        let out = std::process::Command::new("git")
            .args(["diff", "--no-index", "--word-diff"])
            .arg(&pa)
            .arg(&pb)
            .output()
            .unwrap();
        black_box(out.stdout.len())
    });
}

/// 200 statements each for two speakers.
static STATEMENTS: LazyLock<(Vec<String>, Vec<String>)> = LazyLock::new(|| {
    let mut rng = Lcg(4);
    let mut one = |n: usize| -> Vec<String> {
        (0..n)
            .map(|_| {
                format!(
                    "{} {} {} {}. {} {} {}.",
                    rng.pick(SUBJECTS),
                    rng.pick(VERBS),
                    rng.pick(OBJECTS),
                    rng.pick(TAILS),
                    rng.pick(SUBJECTS),
                    rng.pick(VERBS),
                    rng.pick(OBJECTS)
                )
            })
            .collect()
    };
    (one(200), one(200))
});

#[divan::bench(sample_count = 10)]
fn rank_200_by_200_pairs(bencher: Bencher) {
    let (a, b) = &*STATEMENTS;
    let (a, b): (Vec<&str>, Vec<&str>) = (
        a.iter().map(String::as_str).collect(),
        b.iter().map(String::as_str).collect(),
    );
    bencher
        .counter(ItemsCount::new(40_000usize))
        .bench(|| black_box(onrecord::topics::rank_pairs(&a, &b)).len());
}

/// A library of 100,000 statements (20,000 articles of five), one stock
/// phrase recurring across a few hundred of them.
fn build_library() -> (tempfile::TempDir, Library, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("reuse.sqlite3")).unwrap();
    let mut rng = Lcg(5);
    for chunk in 0..80 {
        let mut writer = library.writer().unwrap();
        for k in 0..250 {
            let n = chunk * 250 + k;
            let quotes: Vec<String> = (0..5)
                .map(|q| {
                    if (n * 5 + q) % 331 == 0 {
                        format!("We have a shared interest in combating threats to regional security, and item {n} {q} stands.")
                    } else {
                        format!("{} {} {} {} number {n} {q}.", rng.pick(SUBJECTS), rng.pick(VERBS), rng.pick(OBJECTS), rng.pick(TAILS))
                    }
                })
                .collect();
            let body = quotes
                .iter()
                .map(|q| format!("“{q}” the spokesperson said."))
                .collect::<Vec<_>>()
                .join("\n");
            let statements: Vec<ExtractedStatement> = quotes
                .iter()
                .map(|q| {
                    let start = body.find(q.as_str()).unwrap();
                    ExtractedStatement {
                        speaker: Some(format!("Speaker {}", n % 40)),
                        role: None,
                        organization: None,
                        text: q.clone(),
                        kind: StatementKind::Direct,
                        start,
                        end: start + q.len(),
                        paragraph: 0,
                        said_on: None,
                        speaker_kind: SpeakerKind::Person,
                        ambiguous: false,
                        attribution: None,
                    }
                })
                .collect();
            let doc = Document {
                title: Some(format!("Article {n}")),
                published: Some(format!("2024-{:02}-{:02}", 1 + n % 12, 1 + n % 28)),
                body,
                ..Document::default()
            };
            writer.add(&doc, None, &statements).unwrap();
        }
        writer.commit().unwrap();
    }
    assert_eq!(library.counts().unwrap().statements, 100_000);
    let probe = library
        .statements(&onrecord::store::StatementQuery {
            topic: Some("\"shared interest\"".into()),
            limit: Some(1),
            ..Default::default()
        })
        .unwrap()[0]
        .id;
    (dir, library, probe)
}

#[divan::bench(sample_count = 10)]
fn reuse_lookup_over_100k_statements(bencher: Bencher) {
    let (_dir, library, probe) = build_library();
    bencher.bench_local(|| {
        let found = library.reuses(probe).unwrap();
        assert!(found.len() > 100);
        found.len()
    });
}
