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
    assert_eq!(partial.speaker.as_deref(), Some("United States"));

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
