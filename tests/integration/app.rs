//! The desktop app driven like a user would, by accessible labels, on a
//! temporary library: import the samples through the (injected) file picker,
//! compare Kirby and Miller on a shared topic, note, save, reopen elsewhere.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use onrecord::app::{AppConfig, OnRecordApp, ScriptedPicker};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The sample articles and transcripts (not the manifest beside them).
fn sample_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "tsv"))
        .collect();
    files.sort();
    files
}

/// The app on a new library, once the library has answered; `render` adds
/// the CPU renderer image snapshots need.
fn start(
    library: &Path,
    picker: Arc<ScriptedPicker>,
    render: bool,
) -> Harness<'static, OnRecordApp> {
    let config = AppConfig {
        library: library.to_path_buf(),
        picker,
        load_samples_if_empty: false,
    };
    let builder = Harness::builder().with_size(egui::vec2(1440.0, 900.0));
    let builder = if render { builder.wgpu() } else { builder };
    let mut h = builder.build_eframe(move |cc| OnRecordApp::new(cc, config));
    wait_for(&mut h, "the library to open", |h| {
        has_label_containing(h, "0 articles ·")
    });
    h
}

/// Imports the sample library through File → Import files… (Ctrl+O).
fn import_samples(h: &mut Harness<'static, OnRecordApp>, picker: &ScriptedPicker) {
    picker.push(sample_files());
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    wait_for(h, "the import to finish", |h| {
        has_label_containing(h, "Import done")
    });
    assert!(has_label_containing(
        h,
        "17 imported, 0 duplicates, 0 failed"
    ));
    wait_for(h, "the counts", |h| {
        has_label_containing(h, "17 articles ·")
    });
}

/// Steps the app (its worker answers on other threads) until `found` holds.
fn wait_for(
    h: &mut Harness<'static, OnRecordApp>,
    what: &str,
    found: impl Fn(&Harness<'static, OnRecordApp>) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        h.step();
        if found(h) {
            h.step();
            return;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn has_label_containing(h: &Harness<'static, OnRecordApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// The similarity shown, in percent.
fn similarity(h: &Harness<'static, OnRecordApp>) -> u32 {
    let node = h.get_by_label_contains("Similarity ");
    // A label's words are its accessible value.
    let label = node.accesskit_node().value().unwrap_or_default();
    label
        .trim_start_matches("Similarity ")
        .trim_end_matches('%')
        .parse()
        .unwrap_or_else(|_| panic!("a percentage in {label:?}"))
}

/// Chooses John Kirby and Matthew Miller, their shared topic "pakistan",
/// and opens the pair ranked first.
fn open_top_kirby_miller_pair(h: &mut Harness<'static, OnRecordApp>) {
    wait_for(h, "the speakers", |h| h.state().speaker_count() > 0);
    h.get_by_label("Speaker A").click();
    wait_for(h, "the list of speakers", |h| {
        h.query_by_label("John Kirby").is_some()
    });
    h.get_by_label("John Kirby").click();
    h.step();
    h.get_by_label("Speaker B").click();
    wait_for(h, "the list of speakers", |h| {
        h.query_by_label("Matthew Miller").is_some()
    });
    h.get_by_label("Matthew Miller").click();
    wait_for(h, "the topics they share", |h| {
        has_label_containing(h, "Shared topics:")
    });

    // A shared topic about Pakistan, then the best pair.
    h.get_by_label("pakistan").click();
    wait_for(h, "the ranked pairs", |h| {
        has_label_containing(h, "pairs, best first")
    });
    h.get_by_label_contains(" 1. ").click();
    wait_for(h, "the comparison", |h| {
        has_label_containing(h, "Similarity ")
    });
}

#[test]
fn import_compare_note_save_and_reopen_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = start(&dir.path().join("first.sqlite3"), picker.clone(), false);
    import_samples(&mut h, &picker);
    open_top_kirby_miller_pair(&mut h);

    // The changes are listed, words are marked, the similarity is shown.
    assert!(has_label_containing(&h, "All changes"));
    assert!(
        h.query_all_by_label_contains("Sentence ").count() >= 1,
        "a change in the list"
    );
    let before = similarity(&h);
    assert!(
        before > 0 && before < 100,
        "a pair of different statements: {before}%"
    );

    // Ignore an option: the checkbox holds it.
    h.get_by_label("Ignore case").click();
    h.step();
    h.step();
    assert_eq!(
        h.get_by_label("Ignore case").accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    let after_ignoring = similarity(&h);
    assert!(
        after_ignoring >= before,
        "ignoring case never lowers similarity"
    );

    // Walk to the first change with the keyboard.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.step();

    // A note on the comparison.
    h.get_by_label("Note on this comparison").click();
    h.step();
    h.get_by_label("Note on this comparison")
        .type_text("Miller adds the UN; Kirby does not.");
    h.step();

    // File → Save session as… (Ctrl+S) to a file.
    let file = dir.path().join("kirby-miller.onrecord");
    picker.push(vec![file.clone()]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_for(&mut h, "the session file", |h| {
        has_label_containing(h, "Wrote the session")
    });
    assert!(file.exists());

    // File → Export report… (Ctrl+E): one self-contained page with the note.
    let report = dir.path().join("briefing.html");
    picker.push(vec![report.clone()]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    wait_for(&mut h, "the report", |h| {
        has_label_containing(h, "Wrote the report")
    });
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("Miller adds the UN; Kirby does not."));
    assert!(html.contains("John Kirby") && html.contains("Matthew Miller"));
    assert!(!html.contains("<script"));

    // A damaged session file is refused, naming the file, and nothing changes.
    let damaged = dir.path().join("damaged.onrecord");
    std::fs::write(
        &damaged,
        "{\"format\": \"onrecord-session\", \"version\": 1, \"sess",
    )
    .unwrap();
    picker.push(vec![damaged]);
    h.get_by_label("File").click();
    wait_for(&mut h, "the File menu", |h| {
        h.query_by_label("Open session…").is_some()
    });
    h.get_by_label("Open session…").click();
    wait_for(&mut h, "the refusal", |h| {
        has_label_containing(h, "damaged.onrecord")
    });
    assert_eq!(
        similarity(&h),
        after_ignoring,
        "the open comparison is unchanged"
    );

    // A dialog that comes back empty at once means no dialog service: say so.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    wait_for(&mut h, "the hint", |h| {
        has_label_containing(h, "Drag files or folders onto the window")
    });
    drop(h);

    // A fresh app on another, empty library opens the file.
    let picker = ScriptedPicker::new();
    let mut h = start(&dir.path().join("second.sqlite3"), picker.clone(), false);
    picker.push(vec![file]);
    h.get_by_label("File").click();
    wait_for(&mut h, "the File menu", |h| {
        h.query_by_label("Open session…").is_some()
    });
    h.get_by_label("Open session…").click();
    wait_for(&mut h, "the session to open", |h| {
        has_label_containing(h, "Similarity ")
    });
    assert!(has_label_containing(&h, "Opened the session"));
    assert!(has_label_containing(&h, "John Kirby"));
    assert!(has_label_containing(&h, "Matthew Miller"));
    assert_eq!(
        h.get_by_label("Note on this comparison")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("Miller adds the UN; Kirby does not."),
        "the note came along"
    );
    assert_eq!(
        h.get_by_label("Ignore case").accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
}

/// Replaces the text of the field labelled `label`.
fn retype(h: &mut Harness<'static, OnRecordApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.step();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.step();
}

/// Image snapshots of the main views, rendered on the CPU (wgpu on Mesa
/// lavapipe). A changed look fails here and writes `*.new.png` beside the
/// baseline; accept it with `UPDATE_SNAPSHOTS=1 cargo test`.
#[test]
fn the_main_views_look_as_they_did() {
    let dir = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = start(&dir.path().join("snapshots.sqlite3"), picker.clone(), true);
    import_samples(&mut h, &picker);
    // The session is named after the clock; a snapshot must not be.
    retype(&mut h, "Session name", "Kirby and Miller on Pakistan");
    wait_for(&mut h, "the speakers", |h| h.state().speaker_count() > 0);

    open_top_kirby_miller_pair(&mut h);
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run_steps(4);
    h.snapshot("compare_diff");

    h.get_by_label("Shared language").click();
    h.run_steps(4);
    h.snapshot("compare_shared");

    h.get_by_label("Timeline").click();
    // The points arrive from the library after the tab opens.
    wait_for(&mut h, "the timeline's points", |h| {
        h.query_all_by_label_contains("statements plotted")
            .any(|n| {
                n.accesskit_node()
                    .value()
                    .is_some_and(|v| !v.starts_with("0 "))
            })
    });
    h.run_steps(8);
    h.snapshot("timeline");

    h.get_by_label_contains("US 'deeply concern").click();
    // The statements and the text arrive separately.
    wait_for(&mut h, "the article and its statements", |h| {
        has_label_containing(h, "statements:") && has_label_containing(h, "WASHINGTON")
    });
    h.run_steps(4);
    h.snapshot("reader");
}

/// Clicking a statement in the reader shows who said it and why the
/// extractor thinks so — here a paragraph of quotation with no attribution
/// of its own, which continues John Kirby's quotation before it.
#[test]
fn the_reader_says_why_a_statement_is_attributed() {
    let dir = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = start(&dir.path().join("why.sqlite3"), picker.clone(), true);
    import_samples(&mut h, &picker);
    retype(&mut h, "Session name", "Kirby on Pakistan");
    // The library's table arrives from the worker after the counts do.
    wait_for(&mut h, "the article in the library", |h| {
        has_label_containing(h, "No treaty of alliance with Pakistan")
    });
    h.get_by_label_contains("No treaty of alliance with Pakistan")
        .click();
    wait_for(&mut h, "the article and its statements", |h| {
        has_label_containing(h, "statements:") && has_label_containing(h, "“But certainly")
    });
    h.get_by_label_contains("“But certainly").click();
    wait_for(&mut h, "the details of the statement", |h| {
        has_label_containing(h, "Why this speaker:")
    });
    let why = h.get_by_label_contains("Why this speaker:");
    let why = why.accesskit_node().value().unwrap_or_default();
    assert!(why.contains("Kirby"), "{why}");
    assert!(has_label_containing(&h, "Change speaker…"));
    h.run_steps(4);
    h.snapshot("reader_why");
}
