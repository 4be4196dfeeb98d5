//! The app's view state: plain data, no widgets. What persists between runs
//! is [`Prefs`]; everything else is rebuilt from the library on start.

use super::style::ThemeChoice;
use crate::compare::{Comparison, nway::NWay, shared::SharedPhrase};
use crate::model::{Article, ImportResult, Speaker, Statement};
use crate::store::{LibraryCounts, RankedPair, SavedTopic};
use crate::topics::SuggestedTopic;
use crate::worker::RequestId;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LeftTab {
    #[default]
    Library,
    Speakers,
    Topics,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CentralTab {
    Reader,
    #[default]
    Compare,
    Timeline,
}

impl CentralTab {
    pub fn name(self) -> &'static str {
        match self {
            CentralTab::Reader => "reader",
            CentralTab::Compare => "compare",
            CentralTab::Timeline => "timeline",
        }
    }

    pub fn from_name(name: &str) -> Option<CentralTab> {
        [
            CentralTab::Reader,
            CentralTab::Compare,
            CentralTab::Timeline,
        ]
        .into_iter()
        .find(|t| t.name() == name)
    }
}

/// What the app remembers between runs (eframe's storage; the library and
/// sessions live in SQLite).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub theme: ThemeChoice,
    pub text_scale: f32,
    pub left_tab: LeftTab,
    pub central_tab: CentralTab,
    pub lock_scroll: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            theme: ThemeChoice::System,
            text_scale: 1.0,
            left_tab: LeftTab::Library,
            central_tab: CentralTab::Compare,
            lock_scroll: true,
        }
    }
}

/// Which column the articles table is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ArticleSort {
    Title,
    Outlet,
    #[default]
    Date,
    Statements,
}

#[derive(Default)]
pub struct LibraryState {
    pub counts: LibraryCounts,
    pub articles: Vec<Article>,
    /// Indices into `articles`, filtered and sorted.
    pub visible: Vec<usize>,
    pub filter: String,
    /// Article ids a full-text search found (None: no search active).
    pub search_hits: Option<Vec<i64>>,
    pub sort: ArticleSort,
    pub descending: bool,
    pub selected: Option<i64>,
    pub focus_filter: bool,
}

#[derive(Default)]
pub struct SpeakersState {
    pub speakers: Vec<Speaker>,
    pub filter: String,
    pub merge_from: Option<String>,
    pub merge_into: String,
}

#[derive(Default)]
pub struct TopicsState {
    pub suggested: Vec<SuggestedTopic>,
    pub saved: Vec<SavedTopic>,
    pub new_name: String,
    pub new_query: String,
}

#[derive(Default)]
pub struct ReaderState {
    pub article: Option<Article>,
    pub body: String,
    pub statements: Vec<Statement>,
    pub selected: Option<i64>,
    /// A statement waiting for the one it will be compared with.
    pub compare_with: Option<Statement>,
}

/// The statements a view of the compare tab lists to choose from.
#[derive(Debug, Clone)]
pub enum Candidates {
    /// Two speakers' statements that make the same point, best first.
    Pairs(Vec<RankedPair>),
    /// One speaker's statements over time, oldest first.
    Timeline(Vec<Statement>),
}

#[derive(Default)]
pub struct CompareState {
    pub speaker_a: String,
    pub speaker_b: String,
    /// What the user typed to narrow each speaker list.
    pub filter_a: String,
    pub filter_b: String,
    pub topic: String,
    pub shared_topics: Vec<SuggestedTopic>,
    pub candidates: Option<Candidates>,
    pub loading: bool,
    /// The row of the current change (next/previous change).
    pub current_change: Option<usize>,
    pub scroll_to_change: bool,
    /// The computed view of the open comparison and what it was computed
    /// for (recomputed when either changes).
    pub computed: Option<Computed>,
}

pub enum ComputedView {
    Pair {
        comparison: Comparison,
        shared: Vec<SharedPhrase>,
    },
    NWay(NWay),
}

pub struct Computed {
    pub key: String,
    pub view: ComputedView,
}

#[derive(Default)]
pub struct TimelineState {
    pub statements: Vec<Statement>,
    pub loaded_for: Option<(String, Vec<String>)>,
}

#[derive(Debug, Clone)]
pub struct Progress {
    pub id: RequestId,
    pub what: String,
    pub done: usize,
    pub total: usize,
    pub current: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

#[derive(Debug, Clone)]
pub struct Message {
    pub level: Level,
    pub text: String,
}

#[derive(Default)]
pub struct StatusState {
    pub messages: Vec<Message>,
    pub progress: Option<Progress>,
    pub library_path: Option<String>,
}

/// The dialog in front of the window, if any (Esc closes it).
pub enum Dialog {
    Palette {
        query: String,
        selected: usize,
    },
    Shortcuts,
    About,
    ImportReport {
        failed: Vec<ImportResult>,
        summary: String,
    },
    ChangeSpeaker {
        // Boxed: a statement now carries its attribution, which would
        // otherwise make every dialog as large as this one.
        statement: Box<Statement>,
        name: String,
    },
    Sessions,
}
