//! The import pipeline: folders, progress, cancellation, results.

use crate::fixture;
use onrecord::import::{self, ImportEvent, Input};
use onrecord::model::ImportOutcome;
use onrecord::store::Library;
use std::sync::atomic::{AtomicBool, Ordering};

#[test]
fn folders_import_recursively_skipping_hidden_and_unknown_files() {
    let (inputs, failures, skipped) = import::collect_inputs(&[fixture("ingest/nested")]);
    let names: Vec<String> = inputs
        .iter()
        .map(|i| i.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["three.html", "two.md", "one.txt"]);
    assert!(failures.is_empty());
    assert_eq!(skipped, 2, ".hidden.txt and ignored.xyz");

    let mut library = Library::open_in_memory().unwrap();
    let summary =
        import::import(&mut library, inputs, &AtomicBool::new(false), &mut |_| {}).unwrap();
    assert_eq!(
        (summary.imported, summary.duplicates, summary.failed.len()),
        (3, 0, 0)
    );
    assert!(summary.statements >= 6);
    let bodies: Vec<String> = library
        .articles(&Default::default())
        .unwrap()
        .iter()
        .map(|a| library.article_body(a.id).unwrap())
        .collect();
    assert!(bodies.iter().all(|b| !b.contains("HIDDENJUNK")));
}

#[test]
fn a_missing_path_fails_alone() {
    let (inputs, failures, _) = import::collect_inputs(&[
        fixture("ingest/utf8.txt"),
        fixture("ingest/no-such-file.txt"),
    ]);
    assert_eq!(inputs.len(), 1);
    assert!(
        matches!(&failures[0].outcome, ImportOutcome::Failed { error } if error == "no such file or folder")
    );
}

#[test]
fn every_file_gets_a_result_and_bad_ones_do_not_stop_the_batch() {
    let (inputs, _, _) = import::collect_inputs(&[fixture("ingest")]);
    let files = inputs.len();
    let mut library = Library::open_in_memory().unwrap();
    let mut events = Vec::new();
    let summary = import::import(&mut library, inputs, &AtomicBool::new(false), &mut |e| {
        events.push(e)
    })
    .unwrap();
    assert_eq!(events.first(), Some(&ImportEvent::Started { total: files }));
    let progress: Vec<usize> = events
        .iter()
        .filter_map(|e| match e {
            ImportEvent::Progress { done, .. } => Some(*done),
            _ => None,
        })
        .collect();
    assert_eq!(
        progress,
        (1..=files).collect::<Vec<_>>(),
        "progress counts every file once, in order"
    );
    let results: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            ImportEvent::Committed(r) => Some(r.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    let mut paths: Vec<&str> = results.iter().map(|r| r.path.as_str()).collect();
    paths.dedup();
    assert_eq!(paths.len(), files, "one or more results per file");
    assert!(summary.imported >= 35, "{summary:?}");
    assert_eq!(summary.duplicates, 2, "utf8/utf8-bom and the two PDFs");
    assert!(summary.failed.len() >= 12, "{:?}", summary.failed);
    assert!(
        summary
            .failed
            .iter()
            .all(|f| !f.error.is_empty() && !f.path.is_empty())
    );
    assert_eq!(
        library.counts().unwrap().articles as usize,
        summary.imported
    );

    // Importing again finds only duplicates and the same failures.
    let (inputs, _, _) = import::collect_inputs(&[fixture("ingest")]);
    let again = import::import(&mut library, inputs, &AtomicBool::new(false), &mut |_| {}).unwrap();
    assert_eq!(
        (again.imported, again.duplicates),
        (0, summary.imported + summary.duplicates)
    );
}

#[test]
fn cancelling_keeps_the_files_already_done() {
    // 40 distinct small articles.
    let inputs: Vec<Input> = (0..40)
        .map(|i| Input {
            path: format!("mem/{i}.txt").into(),
            bytes: Some(
                format!("Headline {i}\n“Statement number {i} is on the record today,” Kirby said.")
                    .into_bytes(),
            ),
            default_outlet: None,
            default_date: None,
        })
        .collect();
    let mut library = Library::open_in_memory().unwrap();
    let cancel = AtomicBool::new(false);
    let summary = import::import(&mut library, inputs.clone(), &cancel, &mut |e| {
        if let ImportEvent::Progress { done: 5, .. } = e {
            cancel.store(true, Ordering::Relaxed);
        }
    })
    .unwrap();
    assert!(summary.cancelled);
    let kept = library.counts().unwrap().articles as usize;
    assert!((5..40).contains(&kept), "kept {kept}");
    assert_eq!(
        summary.imported, kept,
        "what was reported done is exactly what is stored"
    );

    let rest = import::import(&mut library, inputs, &AtomicBool::new(false), &mut |_| {}).unwrap();
    assert_eq!((rest.imported, rest.duplicates), (40 - kept, kept));
    assert_eq!(library.counts().unwrap().articles, 40);
}

#[test]
fn the_sample_library_imports_whole() {
    let mut library = Library::open_in_memory().unwrap();
    let summary = import::import_samples(&mut library, &mut |_| {}).unwrap();
    assert!(summary.failed.is_empty(), "{:?}", summary.failed);
    assert_eq!(summary.imported, onrecord::samples::SAMPLES.len());
    let speakers: Vec<String> = library
        .speakers()
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    for name in [
        "John Kirby",
        "Matthew Miller",
        "Mao Ning",
        "Mumtaz Zahra Baloch",
    ] {
        assert!(
            speakers.iter().any(|s| s == name),
            "{name} missing from {speakers:?}"
        );
    }
}

#[test]
fn a_very_large_file_fails_alone_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.txt");
    // Sparse: 129 MB on paper, nothing on disk.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(129_000_000)
        .unwrap();
    let small = dir.path().join("small.txt");
    std::fs::write(
        &small,
        "Headline\n“A small article is still imported today,” Kirby said.",
    )
    .unwrap();
    let (inputs, _, _) = import::collect_inputs(&[dir.path().to_path_buf()]);
    let mut library = Library::open_in_memory().unwrap();
    let summary =
        import::import(&mut library, inputs, &AtomicBool::new(false), &mut |_| {}).unwrap();
    assert_eq!(summary.imported, 1);
    assert_eq!(summary.failed.len(), 1);
    assert!(summary.failed[0].path.ends_with("huge.txt"));
    assert!(
        summary.failed[0].error.contains("129.0 MB")
            && summary.failed[0].error.contains("up to 128.0 MB"),
        "{}",
        summary.failed[0].error
    );
}
