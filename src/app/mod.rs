//! The desktop app (eframe/egui): library, article reader, side-by-side
//! comparison, timeline, sessions and reports.
//!
//! The UI thread only draws and keeps view state. Everything that touches
//! SQLite or the file system goes through the [`LibraryWorker`] as a
//! [`Request`]; the replies arrive in [`OnRecordApp::ui`] each frame and
//! are routed by the id of the request they answer ([`Pending`]). File
//! dialogs run on their own threads ([`picker`]). Every user action is a
//! [`Command`] (menus, shortcuts and the palette share them) or a direct
//! widget interaction; every failure becomes one message in the status bar.

mod command;
mod compare_view;
mod dialogs;
mod diff_view;
mod library_tab;
pub mod picker;
mod reader;
mod replies;
mod session_state;
mod side_panels;
mod state;
mod style;
mod timeline;

pub use command::Command;
pub use picker::{FilePicker, NativePicker, ScriptedPicker};

use crate::worker::{LibraryWorker, Request, RequestId};
use picker::{Picked, Purpose};
use session_state::SessionState;
use state::*;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, mpsc};

/// The key of the app's preferences in eframe's storage.
const PREFS_KEY: &str = "onrecord.prefs";

/// How the app starts.
pub struct AppConfig {
    /// The library file (created when missing).
    pub library: PathBuf,
    /// Chooses files: native dialogs, or injected paths in tests.
    pub picker: Arc<dyn FilePicker>,
    /// Fill an empty library with the bundled samples (the first run).
    pub load_samples_if_empty: bool,
}

/// What a pending request is for, so its reply lands in the right place.
#[derive(Debug, Clone)]
enum Pending {
    Counts,
    Articles,
    ArticleBody,
    ArticleStatements,
    Speakers,
    Search,
    SharedTopics,
    SuggestedTopics,
    SavedTopics,
    Candidates,
    Timeline,
    /// Statements to add as a comparison to the session (2–6).
    AddComparison,
    /// A statement to open in the reader.
    OpenStatement,
    Edit,
    Import,
    SaveSession,
    LastSession,
    OpenSession,
    Sessions,
    Write(&'static str),
}

pub struct OnRecordApp {
    worker: LibraryWorker,
    pending: HashMap<RequestId, Pending>,
    picker: Arc<dyn FilePicker>,
    picks_tx: mpsc::Sender<Picked>,
    picks_rx: mpsc::Receiver<Picked>,
    picking: bool,
    load_samples_if_empty: bool,
    prefs: Prefs,
    library: LibraryState,
    speakers: SpeakersState,
    topics: TopicsState,
    reader: ReaderState,
    compare: CompareState,
    timeline: TimelineState,
    session: SessionState,
    status: StatusState,
    dialog: Option<Dialog>,
    /// Commands asked for this frame (menus, shortcuts, palette, buttons).
    commands: Vec<Command>,
    egui_ctx: egui::Context,
    applied_prefs: Option<(style::ThemeChoice, f32)>,
}

impl OnRecordApp {
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> OnRecordApp {
        let prefs: Prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, PREFS_KEY))
            .unwrap_or_default();
        Self::with_prefs(&cc.egui_ctx, config, prefs)
    }

    fn with_prefs(ctx: &egui::Context, config: AppConfig, prefs: Prefs) -> OnRecordApp {
        style::install_fonts(ctx);
        let wake_ctx = ctx.clone();
        let worker =
            LibraryWorker::start(config.library.clone(), move || wake_ctx.request_repaint());
        let (picks_tx, picks_rx) = mpsc::channel();
        let compare = CompareState {
            ..CompareState::default()
        };
        OnRecordApp {
            worker,
            pending: HashMap::new(),
            picker: config.picker,
            picks_tx,
            picks_rx,
            picking: false,
            load_samples_if_empty: config.load_samples_if_empty,
            prefs,
            library: LibraryState::default(),
            speakers: SpeakersState::default(),
            topics: TopicsState::default(),
            reader: ReaderState::default(),
            compare,
            timeline: TimelineState::default(),
            session: SessionState::default(),
            status: StatusState {
                library_path: Some(config.library.display().to_string()),
                ..StatusState::default()
            },
            dialog: None,
            commands: Vec::new(),
            egui_ctx: ctx.clone(),
            applied_prefs: None,
        }
    }

    /// How many speakers the app has listed (for tests: the speaker lists
    /// fill in after the library answers).
    pub fn speaker_count(&self) -> usize {
        self.speakers.speakers.len()
    }

    /// Shows these articles in the Library table as if the library had sent
    /// them (benchmarks of the table with 100,000 rows).
    #[doc(hidden)]
    pub fn show_articles(&mut self, articles: Vec<crate::model::Article>) {
        self.library.articles = articles;
        self.relayout_articles();
    }

    /// Sends a request and remembers what its reply is for.
    fn ask(&mut self, request: Request, purpose: Pending) -> RequestId {
        let id = self.worker.request(request);
        self.pending.insert(id, purpose);
        id
    }

    /// Tells the user something once, in the status bar (errors are also
    /// logged, for bug reports).
    fn say(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        if level == Level::Error {
            log::error!("{text}");
        } else {
            log::info!("{text}");
        }
        self.status.messages.push(Message { level, text });
        const KEEP: usize = 200;
        if self.status.messages.len() > KEEP {
            let extra = self.status.messages.len() - KEEP;
            self.status.messages.drain(..extra);
        }
    }

    /// Asks for everything the panels list (after opening, importing or an edit).
    fn refresh_library(&mut self) {
        self.timeline.loaded_for = None;
        self.ask(Request::Counts, Pending::Counts);
        self.ask(
            Request::Articles(crate::store::ArticleQuery::default()),
            Pending::Articles,
        );
        self.ask(Request::Speakers, Pending::Speakers);
        self.ask(
            Request::SuggestedTopics {
                speakers: Vec::new(),
                limit: 60,
            },
            Pending::SuggestedTopics,
        );
        self.ask(Request::SavedTopics, Pending::SavedTopics);
        self.refresh_shared_topics();
    }

    fn pick(&mut self, purpose: Purpose) {
        if self.picking {
            self.say(Level::Info, "A file dialog is already open.");
            return;
        }
        self.picking = true;
        let ctx = self.egui_ctx.clone();
        picker::spawn_pick(
            self.picker.clone(),
            purpose,
            self.picks_tx.clone(),
            move || ctx.request_repaint(),
        );
    }

    fn handle_picks(&mut self) {
        while let Ok(picked) = self.picks_rx.try_recv() {
            self.picking = false;
            if picked.paths.is_empty() {
                if picked.probably_no_dialog() {
                    self.say(
                        Level::Error,
                        "No file dialog is available on this desktop (neither an xdg desktop portal nor zenity answered). \
                         Drag files or folders onto the window to import them.",
                    );
                }
                continue;
            }
            let mut paths = picked.paths;
            match picked.purpose {
                Purpose::ImportFiles | Purpose::ImportFolder => self.import(paths),
                Purpose::OpenSession => {
                    let path = paths.remove(0);
                    self.ask(Request::OpenSessionFile { path }, Pending::OpenSession);
                }
                Purpose::SaveSession(_) => {
                    let path = with_extension_if_missing(paths.remove(0), "onrecord");
                    let session = self.session_snapshot();
                    self.ask(
                        Request::WriteSessionFile { path, session },
                        Pending::Write("session"),
                    );
                }
                Purpose::ExportReport(_) => {
                    let path = with_extension_if_missing(paths.remove(0), "html");
                    let session = self.session_snapshot();
                    self.ask(
                        Request::ExportReport { path, session },
                        Pending::Write("report"),
                    );
                }
                Purpose::Backup(_) => {
                    let to = paths.remove(0);
                    self.ask(Request::Backup { to }, Pending::Write("backup"));
                }
            }
        }
    }

    fn import(&mut self, paths: Vec<PathBuf>) {
        if let Some(p) = &self.status.progress {
            self.say(
                Level::Info,
                format!("Wait for the running {} to finish, or cancel it.", p.what),
            );
            return;
        }
        let what = match paths.as_slice() {
            [one] => format!("import of {}", one.display()),
            many => format!("import of {} items", many.len()),
        };
        let id = self.ask(Request::Import { paths }, Pending::Import);
        self.status.progress = Some(Progress {
            id,
            what,
            done: 0,
            total: 0,
            current: String::new(),
        });
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.import(dropped);
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.dialog = None;
            return;
        }
        if self.reader.compare_with.is_some()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.reader.compare_with = None;
            self.say(Level::Info, "Compare with…: cancelled.");
        }
        for command in Command::ALL {
            let keys = command
                .shortcut()
                .into_iter()
                .chain(command.alternative_shortcuts().iter().copied());
            for key in keys {
                if ctx.input_mut(|i| i.consume_shortcut(&key)) {
                    self.commands.push(command);
                }
            }
        }
    }

    fn run_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            self.run(command, ctx);
        }
    }

    fn run(&mut self, command: Command, ctx: &egui::Context) {
        use Command::*;
        match command {
            ImportFiles => self.pick(Purpose::ImportFiles),
            ImportFolder => self.pick(Purpose::ImportFolder),
            OpenSession => self.pick(Purpose::OpenSession),
            SaveSessionAs => {
                let name = file_name_for(&self.session.current.name, "onrecord");
                self.pick(Purpose::SaveSession(name));
            }
            NewSession => self.new_session(),
            ExportReport => {
                if self.session.current.comparisons.is_empty() {
                    self.say(Level::Error, "The session has no comparisons to report yet: open a pair in Compare first.");
                } else {
                    let name = file_name_for(&self.session.current.name, "html");
                    self.pick(Purpose::ExportReport(name));
                }
            }
            BackUpLibrary => {
                let name = format!(
                    "onrecord-backup-{}.sqlite3",
                    chrono::Local::now().format("%Y-%m-%d")
                );
                self.pick(Purpose::Backup(name));
            }
            Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            ThemeSystem => self.prefs.theme = style::ThemeChoice::System,
            ThemeLight => self.prefs.theme = style::ThemeChoice::Light,
            ThemeDark => self.prefs.theme = style::ThemeChoice::Dark,
            TextLarger => self.set_text_scale(self.prefs.text_scale + 0.1),
            TextSmaller => self.set_text_scale(self.prefs.text_scale - 0.1),
            TextDefault => self.set_text_scale(1.0),
            ShowLibrary => self.prefs.left_tab = LeftTab::Library,
            ShowSpeakers => self.prefs.left_tab = LeftTab::Speakers,
            ShowTopics => self.prefs.left_tab = LeftTab::Topics,
            ShowReader => self.prefs.central_tab = CentralTab::Reader,
            ShowCompare => self.prefs.central_tab = CentralTab::Compare,
            ShowTimeline => self.prefs.central_tab = CentralTab::Timeline,
            Search => {
                self.prefs.left_tab = LeftTab::Library;
                self.library.focus_filter = true;
            }
            CommandPalette => {
                self.dialog = Some(Dialog::Palette {
                    query: String::new(),
                    selected: 0,
                })
            }
            NextChange => self.step_change(1),
            PreviousChange => self.step_change(-1),
            ToggleScrollLock => self.prefs.lock_scroll = !self.prefs.lock_scroll,
            Shortcuts => self.dialog = Some(Dialog::Shortcuts),
            About => self.dialog = Some(Dialog::About),
        }
    }

    fn set_text_scale(&mut self, scale: f32) {
        self.prefs.text_scale = (scale * 10.0).round().clamp(
            *style::TEXT_SCALES.start() * 10.0,
            *style::TEXT_SCALES.end() * 10.0,
        ) / 10.0;
    }

    fn apply_prefs(&mut self, ctx: &egui::Context) {
        let wanted = (self.prefs.theme, self.prefs.text_scale);
        if self.applied_prefs != Some(wanted) {
            ctx.set_theme(self.prefs.theme.preference());
            ctx.set_zoom_factor(self.prefs.text_scale);
            self.applied_prefs = Some(wanted);
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in command::Menu::ALL {
                ui.menu_button(menu.title(), |ui| {
                    for command in Command::ALL.into_iter().filter(|c| c.menu() == menu) {
                        let mut button = egui::Button::new(command.label());
                        if let Some(keys) = command.shortcut_text(ui.ctx()) {
                            button = button.shortcut_text(keys);
                        }
                        let checked = match command {
                            Command::ThemeSystem => {
                                Some(self.prefs.theme == style::ThemeChoice::System)
                            }
                            Command::ThemeLight => {
                                Some(self.prefs.theme == style::ThemeChoice::Light)
                            }
                            Command::ThemeDark => {
                                Some(self.prefs.theme == style::ThemeChoice::Dark)
                            }
                            Command::ToggleScrollLock => Some(self.prefs.lock_scroll),
                            _ => None,
                        };
                        if let Some(checked) = checked {
                            button = button.selected(checked);
                        }
                        if ui.add(button).clicked() {
                            self.commands.push(command);
                            ui.close();
                        }
                        if matches!(
                            command,
                            Command::Quit
                                | Command::TextDefault
                                | Command::ToggleScrollLock
                                | Command::ThemeDark
                        ) {
                            ui.separator();
                        }
                    }
                });
            }
        });
    }

    fn central(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            for (tab, label) in [
                (CentralTab::Reader, "Article reader"),
                (CentralTab::Compare, "Compare"),
                (CentralTab::Timeline, "Timeline"),
            ] {
                ui.selectable_value(&mut self.prefs.central_tab, tab, label);
            }
        });
        ui.separator();
        match self.prefs.central_tab {
            CentralTab::Reader => self.reader_ui(ui),
            CentralTab::Compare => self.compare_ui(ui),
            CentralTab::Timeline => self.timeline_ui(ui),
        }
    }
}

impl eframe::App for OnRecordApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.apply_prefs(&ctx);
        self.handle_replies();
        self.handle_picks();
        self.handle_dropped_files(&ctx);
        self.handle_shortcuts(&ctx);
        self.run_commands(&ctx);
        self.autosave();

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("library")
            .default_size(360.0)
            .show(ui, |ui| self.left_panel(ui));
        egui::Panel::right("details")
            .default_size(300.0)
            .show(ui, |ui| self.details_panel(ui));
        egui::CentralPanel::default().show(ui, |ui| self.central(ui));
        self.dialogs_ui(&ctx);
        self.drop_hint(&ctx);
        // Commands from widgets drawn this frame run at once.
        self.run_commands(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
        self.autosave_now();
    }
}

fn with_extension_if_missing(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(extension)
    }
}

/// A file name from a session name: letters, digits, spaces and dashes.
fn file_name_for(name: &str, extension: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == ' ' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let clean = clean.trim();
    format!(
        "{}.{extension}",
        if clean.is_empty() { "session" } else { clean }
    )
}

/// Runs the app in a native window.
pub fn run_native(config: AppConfig) -> eframe::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("On Record")
            .with_app_id("onrecord")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true)
            .with_icon(icon()),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "On Record",
        options,
        Box::new(move |cc| Ok(Box::new(OnRecordApp::new(cc, config)))),
    )
}

fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_names_become_safe_file_names() {
        assert_eq!(
            file_name_for("Kirby / Miller: Pakistan", "onrecord"),
            "Kirby - Miller- Pakistan.onrecord"
        );
        assert_eq!(file_name_for("  ", "html"), "session.html");
    }

    #[test]
    fn a_missing_extension_is_added_and_a_chosen_one_kept() {
        assert_eq!(
            with_extension_if_missing("a/b".into(), "onrecord"),
            PathBuf::from("a/b.onrecord")
        );
        assert_eq!(
            with_extension_if_missing("a/b.md".into(), "html"),
            PathBuf::from("a/b.md")
        );
    }
}
