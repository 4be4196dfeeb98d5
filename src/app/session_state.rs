//! The session the user works in: the comparisons they set up, their notes
//! and options, saved to the library a moment after every change (autosave)
//! and restored on the next start.

use super::state::{CentralTab, Level};
use super::{OnRecordApp, Pending};
use crate::model::ImportResult;
use crate::session::{MAX_STATEMENTS, Session, SessionComparison, SessionStatement};
use crate::store::SessionInfo;
use crate::worker::Request;
use std::time::{Duration, Instant};

/// How long after the last change the session is saved: often enough that a
/// crash loses seconds, rarely enough that typing a note is not a write per key.
const AUTOSAVE_AFTER: Duration = Duration::from_millis(1500);

pub struct SessionState {
    pub current: Session,
    /// When the session last changed and has not been saved since.
    pub changed_at: Option<Instant>,
    pub list: Vec<SessionInfo>,
    /// Failures of the running import, for the report at its end.
    pub import_failures: Vec<ImportResult>,
}

impl Default for SessionState {
    fn default() -> Self {
        SessionState {
            current: fresh_session(),
            changed_at: None,
            list: Vec::new(),
            import_failures: Vec::new(),
        }
    }
}

fn fresh_session() -> Session {
    Session {
        name: format!("Session {}", chrono::Local::now().format("%Y-%m-%d %H:%M")),
        ..Session::default()
    }
}

impl OnRecordApp {
    pub(super) fn mark_session_changed(&mut self) {
        self.session.changed_at = Some(Instant::now());
        self.egui_ctx.request_repaint_after(AUTOSAVE_AFTER);
    }

    /// The session with where the user is now.
    pub(super) fn session_snapshot(&self) -> Session {
        let mut session = self.session.current.clone();
        let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        session.view.speaker_a = some(&self.compare.speaker_a);
        session.view.speaker_b = some(&self.compare.speaker_b);
        session.view.topic = some(&self.compare.topic);
        session.view.tab = Some(self.prefs.central_tab.name().to_string());
        session
    }

    pub(super) fn autosave(&mut self) {
        if let Some(at) = self.session.changed_at {
            if at.elapsed() >= AUTOSAVE_AFTER {
                self.autosave_now();
            } else {
                self.egui_ctx
                    .request_repaint_after(AUTOSAVE_AFTER - at.elapsed());
            }
        }
    }

    pub(super) fn autosave_now(&mut self) {
        if self.session.changed_at.take().is_some() {
            let session = self.session_snapshot();
            self.ask(Request::SaveSession(session), Pending::SaveSession);
        }
    }

    pub(super) fn new_session(&mut self) {
        self.autosave_now();
        self.session.current = fresh_session();
        self.compare.computed = None;
        self.compare.current_change = None;
        self.mark_session_changed();
        self.say(
            Level::Info,
            format!("New session “{}”.", self.session.current.name),
        );
    }

    /// Makes `session` the current one and goes back to where the user was.
    pub(super) fn restore_session(&mut self, session: Session, save: bool) {
        self.autosave_now();
        let mut session = session;
        // A session made elsewhere (the CLI) may not say which comparison
        // was open or whose statements were being chosen: the first one.
        if session.current.is_none() && !session.comparisons.is_empty() {
            session.current = Some(0);
        }
        if session.view.speaker_a.is_none()
            && let Some(first) = session.comparisons.first()
        {
            let mut speakers = first.statements.iter().filter_map(|s| s.speaker.clone());
            session.view.speaker_a = speakers.next();
            session.view.speaker_b = speakers.next();
        }
        let view = session.view.clone();
        self.session.current = session;
        self.compare.speaker_a = view.speaker_a.unwrap_or_default();
        self.compare.speaker_b = view.speaker_b.unwrap_or_default();
        self.compare.topic = view.topic.unwrap_or_default();
        if let Some(tab) = view.tab.as_deref().and_then(CentralTab::from_name) {
            self.prefs.central_tab = tab;
        }
        self.compare.computed = None;
        self.compare.current_change = None;
        self.refresh_shared_topics();
        if save {
            self.mark_session_changed();
        }
    }

    /// Adds a comparison of these statements (or opens it, if the session
    /// has it already) and shows it.
    pub(super) fn add_comparison(&mut self, statements: Vec<SessionStatement>) {
        if statements.len() < 2 {
            self.say(Level::Error, "A comparison needs two statements or more.");
            return;
        }
        let ids: Vec<Option<i64>> = statements.iter().map(|s| s.id).collect();
        let existing = self
            .session
            .current
            .comparisons
            .iter()
            .position(|c| c.statements.iter().map(|s| s.id).collect::<Vec<_>>() == ids);
        let index = match existing {
            Some(i) => i,
            None => {
                self.session.current.comparisons.push(SessionComparison {
                    statements: statements.into_iter().take(MAX_STATEMENTS).collect(),
                    note: String::new(),
                });
                self.session.current.comparisons.len() - 1
            }
        };
        self.open_comparison(index);
    }

    pub(super) fn open_comparison(&mut self, index: usize) {
        if index < self.session.current.comparisons.len() {
            self.session.current.current = Some(index);
            self.compare.current_change = None;
            self.prefs.central_tab = CentralTab::Compare;
            self.mark_session_changed();
        }
    }

    pub(super) fn remove_comparison(&mut self, index: usize) {
        if index >= self.session.current.comparisons.len() {
            return;
        }
        self.session.current.comparisons.remove(index);
        let len = self.session.current.comparisons.len();
        self.session.current.current = match self.session.current.current {
            _ if len == 0 => None,
            Some(c) if c > index => Some(c - 1),
            Some(c) => Some(c.min(len - 1)),
            None => None,
        };
        self.mark_session_changed();
    }

    pub(super) fn current_comparison(&self) -> Option<&SessionComparison> {
        let s = &self.session.current;
        s.current.and_then(|i| s.comparisons.get(i))
    }

    /// Asks for library statements by id, to become a comparison.
    pub(super) fn compare_statements(&mut self, ids: Vec<i64>) {
        self.ask(Request::SessionStatements { ids }, Pending::AddComparison);
    }
}
