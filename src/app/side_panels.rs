//! The panels around the central view: the left tabs (Library, Speakers,
//! Topics), the details of the selection with the notes on the right, and
//! the status bar with counts, messages and background work.

use super::state::{Dialog, LeftTab, Level};
use super::style::speaker_colour;
use super::{OnRecordApp, Pending};
use crate::worker::Request;

impl OnRecordApp {
    pub(super) fn left_panel(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.prefs.left_tab, LeftTab::Library, "Library");
            ui.selectable_value(&mut self.prefs.left_tab, LeftTab::Speakers, "Speakers");
            ui.selectable_value(&mut self.prefs.left_tab, LeftTab::Topics, "Topics");
        });
        ui.separator();
        match self.prefs.left_tab {
            LeftTab::Library => self.library_tab(ui),
            LeftTab::Speakers => self.speakers_tab(ui),
            LeftTab::Topics => self.topics_tab(ui),
        }
    }

    fn speakers_tab(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let label = ui.label("Find speaker");
            ui.add(
                egui::TextEdit::singleline(&mut self.speakers.filter)
                    .hint_text("name, role or organisation"),
            )
            .labelled_by(label.id);
        });
        if let Some(from) = self.speakers.merge_from.clone() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.label(format!("Merge “{from}” into:"));
                let label = ui.label("Merge into speaker");
                ui.add(
                    egui::TextEdit::singleline(&mut self.speakers.merge_into)
                        .hint_text("the speaker to keep"),
                )
                .labelled_by(label.id);
                ui.horizontal(|ui| {
                    let into = self.speakers.merge_into.trim().to_string();
                    let known = self
                        .speakers
                        .speakers
                        .iter()
                        .any(|s| s.name.eq_ignore_ascii_case(&into));
                    if ui
                        .add_enabled(
                            known && !into.eq_ignore_ascii_case(&from),
                            egui::Button::new("Merge"),
                        )
                        .clicked()
                    {
                        self.ask(
                            Request::MergeSpeakers {
                                from: from.clone(),
                                into,
                            },
                            Pending::Edit,
                        );
                        self.speakers.merge_from = None;
                    }
                    if ui.button("Cancel merge").clicked() {
                        self.speakers.merge_from = None;
                    }
                });
                if !self.speakers.merge_into.trim().is_empty() {
                    ui.label("Click a speaker below to fill in the name.");
                }
            });
        }
        let words: Vec<String> = self
            .speakers
            .filter
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let mut action: Option<(String, bool)> = None;
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                egui::Grid::new("speakers")
                    .striped(true)
                    .num_columns(3)
                    .show(ui, |ui| {
                        ui.strong("Name");
                        ui.strong("Role, organisation");
                        ui.strong("№");
                        ui.end_row();
                        for s in &self.speakers.speakers {
                            let about = super::style::role_line(
                                s.role.as_deref(),
                                s.organization.as_deref(),
                            );
                            let haystack = format!("{} {} {}", s.name, about, s.aliases.join(" "))
                                .to_lowercase();
                            if !words.iter().all(|w| haystack.contains(w.as_str())) {
                                continue;
                            }
                            let name = egui::RichText::new(format!("● {}", s.name))
                                .color(speaker_colour(Some(&s.name)));
                            let response = ui.selectable_label(false, name);
                            let response = if s.aliases.is_empty() {
                                response
                            } else {
                                response.on_hover_text(format!("Also: {}", s.aliases.join("; ")))
                            };
                            if response.clicked() {
                                action = Some((s.name.clone(), false));
                            }
                            response.context_menu(|ui| {
                                if ui.button("Compare as Speaker A").clicked() {
                                    action = Some((s.name.clone(), false));
                                }
                                if ui.button("Merge into another speaker…").clicked() {
                                    action = Some((s.name.clone(), true));
                                }
                            });
                            ui.label(about);
                            ui.label(s.statement_count.to_string());
                            ui.end_row();
                        }
                    });
            });
        match action {
            Some((name, true)) => {
                self.speakers.merge_from = Some(name);
                self.speakers.merge_into.clear();
            }
            Some((name, false)) if self.speakers.merge_from.is_some() => {
                self.speakers.merge_into = name
            }
            Some((name, false)) => self.set_speaker_a(name),
            None => {}
        }
    }

    fn topics_tab(&mut self, ui: &mut egui::Ui) {
        let mut chosen: Option<String> = None;
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.heading("Saved topics");
                if self.topics.saved.is_empty() {
                    ui.label("None yet: save a query below.");
                }
                for t in &self.topics.saved {
                    if ui
                        .selectable_label(false, &t.name)
                        .on_hover_text(&t.query)
                        .clicked()
                    {
                        chosen = Some(t.name.clone());
                    }
                }
                egui::CollapsingHeader::new("Save a topic").show(ui, |ui| {
                    let label = ui.label("Topic name");
                    ui.add(egui::TextEdit::singleline(&mut self.topics.new_name))
                        .labelled_by(label.id);
                    let label = ui.label("Topic query");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.topics.new_query)
                            .hint_text("e.g. Pakistan OR Islamabad"),
                    )
                    .labelled_by(label.id);
                    let ok = !self.topics.new_name.trim().is_empty()
                        && !self.topics.new_query.trim().is_empty();
                    if ui
                        .add_enabled(ok, egui::Button::new("Save topic"))
                        .clicked()
                    {
                        let (name, query) = (
                            self.topics.new_name.trim().to_string(),
                            self.topics.new_query.trim().to_string(),
                        );
                        self.ask(Request::SaveTopic { name, query }, Pending::SavedTopics);
                        self.topics.new_name.clear();
                        self.topics.new_query.clear();
                    }
                });
                ui.separator();
                ui.heading("Suggested topics");
                ui.label("Terms two or more speakers use:");
                for t in &self.topics.suggested {
                    let text = format!(
                        "{}  ({} speakers, {} statements)",
                        t.term,
                        t.speakers.len(),
                        t.statements
                    );
                    if ui
                        .selectable_label(false, text)
                        .on_hover_text(t.speakers.join(", "))
                        .clicked()
                    {
                        chosen = Some(t.term.clone());
                    }
                }
            });
        if let Some(topic) = chosen {
            self.compare.topic = topic;
            self.prefs.central_tab = super::state::CentralTab::Compare;
            self.find_candidates();
        }
    }

    pub(super) fn details_panel(&mut self, ui: &mut egui::Ui) {
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.heading("Selection");
                let selected = self
                    .reader
                    .selected
                    .and_then(|id| self.reader.statements.iter().find(|s| s.id == id))
                    .cloned();
                match selected {
                    Some(s) => {
                        ui.label(
                            egui::RichText::new(s.speaker.as_deref().unwrap_or("unknown speaker"))
                                .strong()
                                .color(speaker_colour(s.speaker.as_deref())),
                        );
                        let about =
                            super::style::role_line(s.role.as_deref(), s.organization.as_deref());
                        if !about.is_empty() {
                            ui.label(about);
                        }
                        ui.label(format!(
                            "{} statement, {}",
                            s.kind.as_str(),
                            s.date.as_deref().unwrap_or("undated")
                        ));
                        if let Some(a) = &s.attribution {
                            ui.add(
                                egui::Label::new(
                                    egui::RichText::new(format!(
                                        "Why this speaker: {}",
                                        a.summary()
                                    ))
                                    .weak(),
                                )
                                .wrap(),
                            );
                        }
                        ui.add(egui::Label::new(format!("“{}”", s.text)).wrap());
                        ui.horizontal_wrapped(|ui| {
                            if ui.button("Compare with…").clicked() {
                                self.begin_compare_with(s.clone());
                            }
                            if ui.button("Change speaker…").clicked() {
                                let name = s.speaker.clone().unwrap_or_default();
                                self.dialog = Some(Dialog::ChangeSpeaker {
                                    statement: Box::new(s.clone()),
                                    name,
                                });
                            }
                        });
                    }
                    None => {
                        ui.label("Click a statement in the reader to see it here.");
                    }
                }
                ui.separator();
                self.session_panel(ui);
            });
    }

    fn session_panel(&mut self, ui: &mut egui::Ui) {
        ui.heading("Session");
        let label = ui.label("Session name");
        if ui
            .add(egui::TextEdit::singleline(&mut self.session.current.name))
            .labelled_by(label.id)
            .changed()
        {
            self.mark_session_changed();
        }
        if ui.button("All sessions…").clicked() {
            self.ask(Request::Sessions, Pending::Sessions);
            self.dialog = Some(Dialog::Sessions);
        }
        ui.label(match self.session.current.comparisons.len() {
            0 => "No comparisons yet: open a pair in Compare.".to_string(),
            1 => "1 comparison".to_string(),
            n => format!("{n} comparisons"),
        });
        let current = self.session.current.current;
        let mut open = None;
        let mut remove = None;
        for (i, c) in self.session.current.comparisons.iter().enumerate() {
            ui.horizontal(|ui| {
                let label = comparison_label(c);
                if ui.selectable_label(current == Some(i), label).clicked() {
                    open = Some(i);
                }
                if ui
                    .small_button("✕")
                    .on_hover_text("Remove from the session")
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = open {
            self.open_comparison(i);
        }
        if let Some(i) = remove {
            self.remove_comparison(i);
        }
        let open = self.session.current.current;
        if let Some(comparison) = open.and_then(|i| self.session.current.comparisons.get_mut(i)) {
            ui.separator();
            ui.strong("Notes");
            let note = &mut comparison.note;
            let response = ui.add(
                egui::TextEdit::multiline(note)
                    .hint_text("What matters in this comparison, for the briefing")
                    .desired_rows(6)
                    .desired_width(f32::INFINITY),
            );
            let response = response.labelled_by(ui.label("Note on this comparison").id);
            if response.changed() {
                self.mark_session_changed();
            }
        }
    }

    pub(super) fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let c = self.library.counts;
            ui.label(format!(
                "{} articles · {} statements · {} speakers",
                c.articles, c.statements, c.speakers
            ))
            .on_hover_text(self.status.library_path.clone().unwrap_or_default());
            ui.separator();
            if let Some(p) = self.status.progress.clone() {
                let fraction = if p.total == 0 {
                    0.0
                } else {
                    p.done as f32 / p.total as f32
                };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(220.0)
                        .text(format!("{} {}/{}", p.what, p.done, p.total)),
                )
                .on_hover_text(&p.current);
                if ui.button("Cancel").clicked() {
                    self.worker.cancel(p.id);
                    self.say(Level::Info, format!("Cancelling the {}…", p.what));
                }
                ui.separator();
            }
            if let Some(m) = self.status.messages.last() {
                let text = egui::RichText::new(&m.text);
                let text = if m.level == Level::Error {
                    text.color(ui.visuals().error_fg_color)
                } else {
                    text
                };
                ui.add(egui::Label::new(text).truncate()).on_hover_ui(|ui| {
                    for m in self.status.messages.iter().rev().take(12) {
                        ui.label(&m.text);
                    }
                });
            }
        });
    }
}

pub(super) fn comparison_label(c: &crate::session::SessionComparison) -> String {
    let names: Vec<String> = c
        .statements
        .iter()
        .map(|s| {
            let name = s.speaker_name();
            let date = s.date.as_deref().unwrap_or("");
            format!("{name} {date}").trim().to_string()
        })
        .collect();
    names.join(" ↔ ")
}
