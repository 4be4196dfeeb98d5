//! The extractor on the real seed article, the sample library and the
//! phenomenon fixtures: exact expectations where the issue names them,
//! snapshots (insta) for everything else.

use crate::{fixture, seed_article};
use onrecord::extract::{Extraction, extract};
use onrecord::import::{Input, process};
use onrecord::model::{ExtractedStatement, StatementKind};
use std::path::Path;

/// Ingests and extracts one file the way the import pipeline does.
fn extract_file(path: &Path) -> Vec<(onrecord::model::Document, Extraction)> {
    process(&Input::file(path))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .into_iter()
        .map(|part| {
            let prepared = part.unwrap();
            let found = extract(&prepared.doc);
            (prepared.doc, found)
        })
        .collect()
}

fn by<'a>(statements: &'a [ExtractedStatement], speaker: &str) -> Vec<&'a ExtractedStatement> {
    statements
        .iter()
        .filter(|s| s.speaker.as_deref() == Some(speaker))
        .collect()
}

#[test]
fn the_seed_article_comes_out_right() {
    let (doc, found) = extract_file(&seed_article()).remove(0);
    let statements = &found.statements;
    for s in statements {
        assert_eq!(&doc.body[s.start..s.end], s.text, "spans are exact slices");
    }

    // Kirby: introduced by his full title, later called "Kirby"; his quote runs
    // over four paragraphs, only the last of which closes the quote mark.
    let kirby = by(statements, "John Kirby");
    let texts: Vec<&str> = kirby.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts.len(), 4, "{texts:#?}");
    assert!(
        texts[0].starts_with("Well, first, I’d – as you know, Pakistan was never a technical ally")
    );
    assert_eq!(
        texts[1],
        "I mean, there was no treaty of alliance with Pakistan."
    );
    assert!(texts[2].starts_with("But certainly, over many, many years"));
    assert!(
        texts[3].starts_with("We recognize that.")
            && texts[3].ends_with("It’s not going to change.")
    );
    for s in &kirby {
        assert_eq!(s.kind, StatementKind::Direct);
        assert_eq!(
            s.role.as_deref(),
            Some("National Security Communications Advisor")
        );
        assert_eq!(s.organization.as_deref(), Some("White House"));
    }

    // Miller: introduced after his quote, "had said in a presser last year";
    // his second paragraph has no attribution of its own.
    let miller = by(statements, "Matthew Miller");
    assert_eq!(miller.len(), 2, "{miller:#?}");
    assert!(
        miller[0].text.starts_with(
            "I’ll first say that, of course, the Pakistani people have suffered greatly"
        )
    );
    assert!(
        miller[0]
            .text
            .ends_with("in combating threats to regional security")
    );
    assert_eq!(
        miller[1].text,
        "That has been a priority for us in engagements with them, and it continues to be."
    );
    for s in &miller {
        assert_eq!(
            (s.role.as_deref(), s.organization.as_deref()),
            (Some("Spokesperson"), Some("US State Department"))
        );
    }

    // The partial quotation inside the United States' reported speech.
    let partial = statements
        .iter()
        .find(|s| s.kind == StatementKind::Partial)
        .expect("a partial statement");
    assert_eq!(
        partial.text,
        "there was no treaty of alliance with Islamabad"
    );
    assert_eq!(
        partial.speaker.as_deref(),
        Some("Government of the United States")
    );

    // The journalist's words are nobody's statement.
    assert!(
        statements
            .iter()
            .all(|s| !s.text.contains("mess in Afghanistan"))
    );

    insta::assert_json_snapshot!("seed", statements);
}

#[test]
fn the_sample_library_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    for sample in onrecord::samples::SAMPLES {
        let path = dir.join(sample.file);
        let statements: Vec<ExtractedStatement> = extract_file(&path)
            .into_iter()
            .flat_map(|(_, f)| f.statements)
            .collect();
        let name = sample
            .file
            .trim_end_matches(".txt")
            .trim_end_matches(".html")
            .trim_end_matches(".md");
        insta::with_settings!({ snapshot_suffix => name, prepend_module_to_snapshot => false }, {
            insta::assert_json_snapshot!("sample", statements);
        });
    }
}

#[test]
fn every_sample_statement_is_an_exact_slice_with_a_known_kind() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    for sample in onrecord::samples::SAMPLES {
        for (doc, found) in extract_file(&dir.join(sample.file)) {
            for s in &found.statements {
                assert_eq!(&doc.body[s.start..s.end], s.text, "{}", sample.file);
                assert!(!s.text.trim().is_empty());
            }
        }
    }
}

#[test]
fn import_fixtures_extract_without_surprises() {
    // The format fixtures are small articles with two or three quotes each.
    for name in [
        "utf8.txt",
        "cp1252.txt",
        "page.html",
        "article.docx",
        "article.pdf",
        "clipping.eml",
    ] {
        let (_, found) = extract_file(&fixture(&format!("ingest/{name}"))).remove(0);
        assert!(
            found.statements.len() >= 2,
            "{name}: {:#?}",
            found.statements
        );
        assert!(
            found.statements.iter().any(|s| s.speaker.is_some()),
            "{name}"
        );
    }
}

/// Scores like the held-out evaluation: an extracted statement matches an
/// annotated one when their words overlap with token F1 ≥ 0.8 (one-to-one,
/// best first); quote F1 counts matches, strict speaker accuracy checks the
/// exact canonical name on matched pairs, end-to-end F1 needs both.
pub mod scoring {
    use onrecord::model::ExtractedStatement;
    use serde::Deserialize;
    use std::collections::HashMap;

    #[derive(Debug, Clone, Deserialize)]
    pub struct Annotated {
        pub speaker: Option<String>,
        pub kind: String,
        pub text: String,
    }

    #[derive(Debug, Default, Clone, Copy)]
    pub struct Score {
        pub annotated: usize,
        pub extracted: usize,
        pub matched: usize,
        pub speaker_right: usize,
        pub kind_right: usize,
    }

    impl Score {
        pub fn add(&mut self, other: Score) {
            self.annotated += other.annotated;
            self.extracted += other.extracted;
            self.matched += other.matched;
            self.speaker_right += other.speaker_right;
            self.kind_right += other.kind_right;
        }
        fn f1(hits: usize, extracted: usize, annotated: usize) -> f64 {
            let p = hits as f64 / extracted.max(1) as f64;
            let r = hits as f64 / annotated.max(1) as f64;
            if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            }
        }
        pub fn quote_f1(&self) -> f64 {
            Self::f1(self.matched, self.extracted, self.annotated)
        }
        pub fn speaker_accuracy(&self) -> f64 {
            self.speaker_right as f64 / self.matched.max(1) as f64
        }
        pub fn end_to_end_f1(&self) -> f64 {
            Self::f1(self.speaker_right, self.extracted, self.annotated)
        }
    }

    fn words(text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }

    pub fn token_f1(a: &str, b: &str) -> f64 {
        let (a, b) = (words(a), words(b));
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let mut counts: HashMap<&str, i32> = HashMap::new();
        for w in &a {
            *counts.entry(w).or_default() += 1;
        }
        let mut common = 0;
        for w in &b {
            if let Some(c) = counts.get_mut(w.as_str())
                && *c > 0
            {
                *c -= 1;
                common += 1;
            }
        }
        let p = common as f64 / b.len() as f64;
        let r = common as f64 / a.len() as f64;
        if common == 0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Scores one file; returns the score and human-readable misses.
    pub fn score(
        annotated: &[Annotated],
        extracted: &[ExtractedStatement],
    ) -> (Score, Vec<String>) {
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (i, a) in annotated.iter().enumerate() {
            for (j, e) in extracted.iter().enumerate() {
                let f = token_f1(&a.text, &e.text);
                if f >= 0.8 {
                    pairs.push((f, i, j));
                }
            }
        }
        pairs.sort_by(|x, y| y.0.total_cmp(&x.0));
        let (mut used_a, mut used_e) = (vec![false; annotated.len()], vec![false; extracted.len()]);
        let mut score = Score {
            annotated: annotated.len(),
            extracted: extracted.len(),
            ..Score::default()
        };
        let mut notes = Vec::new();
        for (_, i, j) in pairs {
            if used_a[i] || used_e[j] {
                continue;
            }
            used_a[i] = true;
            used_e[j] = true;
            score.matched += 1;
            if annotated[i].speaker == extracted[j].speaker {
                score.speaker_right += 1;
            } else {
                notes.push(format!(
                    "speaker {:?} ≠ {:?}: {:.60}",
                    extracted[j].speaker, annotated[i].speaker, annotated[i].text
                ));
            }
            if annotated[i].kind == extracted[j].kind.as_str() {
                score.kind_right += 1;
            }
        }
        for (i, a) in annotated.iter().enumerate().filter(|(i, _)| !used_a[*i]) {
            let _ = i;
            notes.push(format!("missed {:?} {}: {:.70}", a.speaker, a.kind, a.text));
        }
        for (j, e) in extracted.iter().enumerate().filter(|(j, _)| !used_e[*j]) {
            let _ = j;
            notes.push(format!(
                "extra {:?} {}: {:.70}",
                e.speaker,
                e.kind.as_str(),
                e.text
            ));
        }
        (score, notes)
    }
}

/// Scores every file of a fixture folder against its expected.json; returns
/// the total and a report of the misses.
fn score_suite(folder: &str) -> (scoring::Score, String) {
    let dir = fixture(folder);
    let expected: std::collections::BTreeMap<String, Vec<scoring::Annotated>> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let mut total = scoring::Score::default();
    let mut report = String::new();
    for (file, annotated) in &expected {
        let extracted: Vec<ExtractedStatement> = extract_file(&dir.join(file))
            .into_iter()
            .flat_map(|(_, f)| f.statements)
            .collect();
        let (score, notes) = scoring::score(annotated, &extracted);
        total.add(score);
        for note in notes {
            report.push_str(&format!("{file}: {note}\n"));
        }
    }
    (total, report)
}

fn print_score(name: &str, total: &scoring::Score, report: &str) {
    println!("{report}");
    println!(
        "{name}: {} annotated, {} extracted; quote F1 {:.3}, strict speaker accuracy {:.3}, end-to-end F1 {:.3}, kind accuracy {:.3}",
        total.annotated,
        total.extracted,
        total.quote_f1(),
        total.speaker_accuracy(),
        total.end_to_end_f1(),
        total.kind_right as f64 / total.matched.max(1) as f64
    );
}

#[test]
fn the_fixture_suite_scores_above_the_bar() {
    let (total, report) = score_suite("extract");
    print_score("fixture suite", &total, &report);
    assert!(
        total.annotated >= 100,
        "the suite should cover a hundred statements or more"
    );
    assert!(
        total.quote_f1() >= 0.90,
        "quote F1 {:.3} below 0.90:\n{report}",
        total.quote_f1()
    );
    assert!(
        total.speaker_accuracy() >= 0.90,
        "speaker accuracy {:.3} below 0.90:\n{report}",
        total.speaker_accuracy()
    );
}

#[test]
fn token_f1_matches_the_evaluation() {
    assert_eq!(
        scoring::token_f1("We are concerned.", "we are concerned"),
        1.0
    );
    assert!(scoring::token_f1("a b c d e", "a b c d") > 0.8);
    assert!(scoring::token_f1("a b c d e", "a b") < 0.8);
}

/// A second suite, written apart from the first and not tuned on: an
/// estimate of how the extractor does on text it was not shaped by.
#[test]
fn the_validation_suite_scores_above_the_bar() {
    let (total, report) = score_suite("extract-validation");
    print_score("validation suite", &total, &report);
    assert!(total.annotated >= 150);
    assert!(
        total.quote_f1() >= 0.85,
        "quote F1 {:.3}:\n{report}",
        total.quote_f1()
    );
    assert!(
        total.speaker_accuracy() >= 0.85,
        "speaker accuracy {:.3}:\n{report}",
        total.speaker_accuracy()
    );
}
