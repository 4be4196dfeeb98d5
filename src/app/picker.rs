//! File and folder choosing, behind a trait so tests can inject paths.
//!
//! Native dialogs block until the user closes them, so the app never calls a
//! picker on the UI thread: [`spawn_pick`] runs it on a thread of its own and
//! sends the answer back over a channel, waking the UI. On a Linux desktop
//! with neither an xdg portal nor zenity, rfd returns nothing at once, exactly
//! as if the user had cancelled; [`Picked::probably_no_dialog`] tells the two
//! apart by how long the "dialog" was open, so the app can say so and point to
//! drag-and-drop instead of failing silently.

use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

/// What the user is choosing a path for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    ImportFiles,
    ImportFolder,
    OpenSession,
    /// A session file to write, with a suggested file name.
    SaveSession(String),
    /// A report to write (.html or .md), with a suggested file name.
    ExportReport(String),
    /// A backup copy of the library to write, with a suggested file name.
    Backup(String),
}

impl Purpose {
    pub fn title(&self) -> &'static str {
        match self {
            Purpose::ImportFiles => "Import files into the library",
            Purpose::ImportFolder => "Import a folder into the library",
            Purpose::OpenSession => "Open a comparison session",
            Purpose::SaveSession(_) => "Save the session as",
            Purpose::ExportReport(_) => "Export a report",
            Purpose::Backup(_) => "Back up the library to",
        }
    }
}

/// Chooses paths. Blocking; called off the UI thread.
pub trait FilePicker: Send + Sync {
    /// The chosen paths; empty when the user cancelled (or no dialog exists).
    fn pick(&self, purpose: &Purpose) -> Vec<PathBuf>;
}

/// The native dialogs, through rfd.
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn pick(&self, purpose: &Purpose) -> Vec<PathBuf> {
        let dialog = rfd::FileDialog::new().set_title(purpose.title());
        match purpose {
            Purpose::ImportFiles => dialog
                .add_filter(
                    "Articles and transcripts",
                    &[
                        "txt", "md", "html", "htm", "docx", "pdf", "eml", "json", "jsonl",
                    ],
                )
                .add_filter("All files", &["*"])
                .pick_files()
                .unwrap_or_default(),
            Purpose::ImportFolder => dialog.pick_folders().unwrap_or_default(),
            Purpose::OpenSession => dialog
                .add_filter("On Record session", &["onrecord"])
                .pick_file()
                .into_iter()
                .collect(),
            Purpose::SaveSession(name) => dialog
                .add_filter("On Record session", &["onrecord"])
                .set_file_name(name)
                .save_file()
                .into_iter()
                .collect(),
            Purpose::ExportReport(name) => dialog
                .add_filter("Web page (HTML)", &["html"])
                .add_filter("Markdown", &["md"])
                .set_file_name(name)
                .save_file()
                .into_iter()
                .collect(),
            Purpose::Backup(name) => dialog
                .add_filter("SQLite database", &["sqlite3", "db"])
                .set_file_name(name)
                .save_file()
                .into_iter()
                .collect(),
        }
    }
}

/// Answers from a list prepared in advance (tests, scripted demos): each pick
/// takes the next answer; when none is left, it answers "cancelled".
#[derive(Default)]
pub struct ScriptedPicker {
    answers: std::sync::Mutex<std::collections::VecDeque<Vec<PathBuf>>>,
}

impl ScriptedPicker {
    pub fn new() -> Arc<ScriptedPicker> {
        Arc::new(ScriptedPicker::default())
    }

    /// The next pick answers `paths`.
    pub fn push(&self, paths: Vec<PathBuf>) {
        if let Ok(mut answers) = self.answers.lock() {
            answers.push_back(paths);
        }
    }
}

impl FilePicker for ScriptedPicker {
    fn pick(&self, _purpose: &Purpose) -> Vec<PathBuf> {
        self.answers
            .lock()
            .ok()
            .and_then(|mut a| a.pop_front())
            .unwrap_or_default()
    }
}

/// A picker's answer, delivered to the UI thread.
#[derive(Debug, Clone)]
pub struct Picked {
    pub purpose: Purpose,
    pub paths: Vec<PathBuf>,
    pub open_for: Duration,
}

/// A "dialog" that came back empty faster than a person can cancel one was
/// most likely never shown.
const FASTER_THAN_A_PERSON: Duration = Duration::from_millis(250);

impl Picked {
    pub fn probably_no_dialog(&self) -> bool {
        self.paths.is_empty() && self.open_for < FASTER_THAN_A_PERSON
    }
}

/// Runs `picker` on a thread of its own; the answer arrives on `answers`,
/// and `wake` is called so the UI looks at it.
pub fn spawn_pick(
    picker: Arc<dyn FilePicker>,
    purpose: Purpose,
    answers: mpsc::Sender<Picked>,
    wake: impl Fn() + Send + 'static,
) {
    let spawned = std::thread::Builder::new()
        .name("file-dialog".into())
        .spawn(move || {
            let started = Instant::now();
            let paths = picker.pick(&purpose);
            let _ = answers.send(Picked {
                purpose,
                paths,
                open_for: started.elapsed(),
            });
            wake();
        });
    if let Err(e) = spawned {
        log::error!("cannot open a file dialog: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scripted_picker_answers_in_order_then_cancels() {
        let picker = ScriptedPicker::new();
        picker.push(vec!["a.txt".into()]);
        assert_eq!(
            picker.pick(&Purpose::ImportFiles),
            vec![PathBuf::from("a.txt")]
        );
        assert!(picker.pick(&Purpose::ImportFiles).is_empty());
    }

    #[test]
    fn a_pick_arrives_on_the_channel_and_wakes_the_ui() {
        let picker = ScriptedPicker::new();
        picker.push(vec!["x.onrecord".into()]);
        let (tx, rx) = mpsc::channel();
        let (woke_tx, woke_rx) = mpsc::channel();
        spawn_pick(picker, Purpose::OpenSession, tx, move || {
            let _ = woke_tx.send(());
        });
        let picked = rx.recv_timeout(Duration::from_secs(10)).expect("an answer");
        assert_eq!(picked.paths, vec![PathBuf::from("x.onrecord")]);
        assert!(!picked.probably_no_dialog());
        assert!(woke_rx.recv_timeout(Duration::from_secs(10)).is_ok());
    }

    #[test]
    fn an_instant_empty_answer_means_no_dialog() {
        let instant = Picked {
            purpose: Purpose::ImportFiles,
            paths: vec![],
            open_for: Duration::from_millis(5),
        };
        assert!(instant.probably_no_dialog());
        let cancelled = Picked {
            open_for: Duration::from_secs(3),
            ..instant
        };
        assert!(!cancelled.probably_no_dialog());
    }
}
