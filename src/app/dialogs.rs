//! Dialogs in front of the window: the command palette, the shortcuts sheet,
//! About, the import report, "Change speaker…" and the list of sessions.
//! Esc closes any of them.

use super::command::{Command, matching};
use super::state::Dialog;
use super::{OnRecordApp, Pending};
use crate::model::ImportOutcome;
use crate::worker::Request;
use egui::{Id, Modal};

impl OnRecordApp {
    pub(super) fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.dialog.take() else {
            return;
        };
        let mut keep = true;
        let modal = Modal::new(Id::unique("dialog")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            match &mut dialog {
                Dialog::Palette { query, selected } => {
                    keep = self.palette_ui(ui, query, selected);
                }
                Dialog::Shortcuts => {
                    ui.heading("Keyboard shortcuts");
                    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                        for c in Command::ALL {
                            let mut keys: Vec<String> = c.shortcut_text(ui.ctx()).into_iter().collect();
                            keys.extend(c.alternative_shortcuts().iter().map(|k| ui.ctx().format_shortcut(k)));
                            if !keys.is_empty() {
                                ui.label(c.label());
                                ui.monospace(keys.join("  or  "));
                                ui.end_row();
                            }
                        }
                        ui.label("Close a dialog, cancel “Compare with…”");
                        ui.monospace("Esc");
                        ui.end_row();
                    });
                    keep = !ui.button("Close").clicked();
                }
                Dialog::About => {
                    ui.heading("On Record");
                    ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
                    ui.label("Who said what, in which words: statements extracted from articles and transcripts, compared word by word.");
                    ui.label("Your library stays on this computer; On Record never opens a network connection.");
                    keep = !ui.button("Close").clicked();
                }
                Dialog::ImportReport { failed, summary } => {
                    ui.heading("Import report");
                    ui.label(summary.as_str());
                    ui.label(format!("{} files could not be imported:", failed.len()));
                    egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                        for f in failed.iter() {
                            if let ImportOutcome::Failed { error } = &f.outcome {
                                ui.label(format!("{}: {error}", f.path));
                            }
                        }
                    });
                    keep = !ui.button("Close").clicked();
                }
                Dialog::ChangeSpeaker { statement, name } => {
                    ui.heading("Change speaker");
                    ui.label(format!("“{}”", super::compare_view::snippet(&statement.text, 160)));
                    let label = ui.label("Who said it");
                    let response = ui.add(egui::TextEdit::singleline(name).hint_text("full name")).labelled_by(label.id);
                    response.request_focus();
                    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
                    if !words.is_empty() {
                        ui.horizontal_wrapped(|ui| {
                            for s in self.speakers.speakers.iter().filter(|s| {
                                let lower = s.name.to_lowercase();
                                words.iter().all(|w| lower.contains(w.as_str()))
                            }).take(8) {
                                if ui.small_button(&s.name).clicked() {
                                    *name = s.name.clone();
                                }
                            }
                        });
                    }
                    ui.small("The correction is kept when the article is extracted again.");
                    ui.horizontal(|ui| {
                        let ok = !name.trim().is_empty();
                        let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                        if ui.add_enabled(ok, egui::Button::new("Change")).clicked() || (ok && enter) {
                            self.ask(
                                Request::CorrectSpeaker { statement_id: statement.id, speaker: name.trim().to_string() },
                                Pending::Edit,
                            );
                            keep = false;
                        }
                        if ui.button("Cancel").clicked() {
                            keep = false;
                        }
                    });
                }
                Dialog::Sessions => {
                    ui.heading("Sessions");
                    ui.label("Sessions save themselves as you work. Open one to go back to it.");
                    let mut open = None;
                    egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                        egui::Grid::new("sessions").striped(true).show(ui, |ui| {
                            for s in &self.session.list {
                                if ui.selectable_label(s.name == self.session.current.name, &s.name).clicked() {
                                    open = Some(s.name.clone());
                                }
                                ui.label(format!("{} comparisons", s.comparisons));
                                ui.label(&s.updated_at);
                                ui.end_row();
                            }
                        });
                    });
                    if let Some(name) = open {
                        self.autosave_now();
                        self.ask(Request::LoadSession { name }, Pending::OpenSession);
                        keep = false;
                    }
                    ui.horizontal(|ui| {
                        if ui.button("New session").clicked() {
                            self.commands.push(Command::NewSession);
                            keep = false;
                        }
                        if ui.button("Close").clicked() {
                            keep = false;
                        }
                    });
                }
            }
        });
        if modal.should_close() {
            keep = false;
        }
        if keep && self.dialog.is_none() {
            self.dialog = Some(dialog);
        }
    }

    /// The command palette; false when it should close.
    fn palette_ui(&mut self, ui: &mut egui::Ui, query: &mut String, selected: &mut usize) -> bool {
        ui.heading("Commands");
        let label = ui.label("Command search");
        let response = ui
            .add(
                egui::TextEdit::singleline(query)
                    .hint_text("type a command")
                    .desired_width(480.0),
            )
            .labelled_by(label.id);
        response.request_focus();
        let found = matching(query);
        if found.is_empty() {
            ui.label("No command matches.");
            return true;
        }
        let (down, up, enter) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
            )
        });
        if down {
            *selected = (*selected + 1) % found.len();
        }
        if up {
            *selected = (*selected + found.len() - 1) % found.len();
        }
        *selected = (*selected).min(found.len() - 1);
        let mut run = enter.then_some(found[*selected]);
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .show(ui, |ui| {
                for (i, c) in found.iter().enumerate() {
                    let keys = c.shortcut_text(ui.ctx()).unwrap_or_default();
                    let button =
                        egui::Button::selectable(i == *selected, c.label()).shortcut_text(keys);
                    if ui.add(button).clicked() {
                        run = Some(*c);
                    }
                }
            });
        match run {
            Some(c) => {
                self.commands.push(c);
                false
            }
            None => true,
        }
    }

    /// While files are dragged over the window, say what dropping does.
    pub(super) fn drop_hint(&self, ctx: &egui::Context) {
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            egui::Area::new(Id::unique("drop hint"))
                .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
                .show(ctx, |ui| {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.heading("Drop to import these files and folders");
                    });
                });
        }
    }
}
