//! The Compare tab's choosing half: Speaker A and Speaker B (searchable),
//! a topic (the ones both share are suggested), and the ranked statement
//! pairs to open — or, with no Speaker B, one speaker's statements over time.

use super::state::{Candidates, Level};
use super::style::speaker_colour;
use super::{OnRecordApp, Pending};
use crate::model::Statement;
use crate::worker::Request;

/// Speaker B's choice meaning "A against A's own earlier statements".
pub(super) const SAME_SPEAKER: &str = "(Speaker A over time)";

const PAIRS_SHOWN: usize = 50;

impl OnRecordApp {
    pub(super) fn compare_ui(&mut self, ui: &mut egui::Ui) {
        self.choose_ui(ui);
        ui.separator();
        self.candidates_ui(ui);
        ui.separator();
        self.comparison_ui(ui);
    }

    pub(super) fn set_speaker_a(&mut self, name: String) {
        self.compare.speaker_a = name;
        self.prefs.central_tab = super::state::CentralTab::Compare;
        self.refresh_shared_topics();
        self.mark_session_changed();
    }

    /// Asks for the topics both chosen speakers share.
    pub(super) fn refresh_shared_topics(&mut self) {
        let speakers: Vec<String> = [&self.compare.speaker_a, &self.compare.speaker_b]
            .into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty() && s != SAME_SPEAKER)
            .collect();
        if speakers.is_empty() {
            self.compare.shared_topics.clear();
            return;
        }
        self.ask(
            Request::SuggestedTopics {
                speakers,
                limit: 12,
            },
            Pending::SharedTopics,
        );
    }

    /// Asks for the pairs (or the timeline) for the current choice.
    pub(super) fn find_candidates(&mut self) {
        let a = self.compare.speaker_a.trim().to_string();
        let b = self.compare.speaker_b.trim().to_string();
        let topic = Some(self.compare.topic.trim().to_string()).filter(|t| !t.is_empty());
        if a.is_empty() {
            self.say(Level::Info, "Choose Speaker A first.");
            return;
        }
        self.compare.loading = true;
        self.compare.candidates = None;
        if b.is_empty() || b == SAME_SPEAKER || b.eq_ignore_ascii_case(&a) {
            self.ask(
                Request::StatementsOnTopic {
                    speaker: Some(a),
                    topic,
                },
                Pending::Candidates,
            );
        } else {
            self.ask(
                Request::RankedPairs {
                    speaker_a: a,
                    speaker_b: b,
                    topic,
                    limit: PAIRS_SHOWN,
                },
                Pending::Candidates,
            );
        }
        self.mark_session_changed();
    }

    fn choose_ui(&mut self, ui: &mut egui::Ui) {
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            let names: Vec<String> = self
                .speakers
                .speakers
                .iter()
                .map(|s| s.name.clone())
                .collect();
            changed |= speaker_combo(
                ui,
                "Speaker A",
                &mut self.compare.speaker_a,
                &mut self.compare.filter_a,
                &names,
                None,
            );
            changed |= speaker_combo(
                ui,
                "Speaker B",
                &mut self.compare.speaker_b,
                &mut self.compare.filter_b,
                &names,
                Some(SAME_SPEAKER),
            );
            let label = ui.label("Topic");
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.compare.topic)
                        .hint_text("any topic")
                        .desired_width(180.0),
                )
                .labelled_by(label.id);
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("Find pairs").clicked() || enter {
                self.find_candidates();
            }
        });
        if changed {
            self.refresh_shared_topics();
            self.compare.candidates = None;
            self.mark_session_changed();
        }
        if !self.compare.shared_topics.is_empty() {
            let mut chosen = None;
            ui.horizontal_wrapped(|ui| {
                ui.label("Shared topics:");
                for t in &self.compare.shared_topics {
                    let on = self.compare.topic.eq_ignore_ascii_case(&t.term);
                    if ui
                        .selectable_label(on, &t.term)
                        .on_hover_text(format!(
                            "{} statements by {}",
                            t.statements,
                            t.speakers.join(", ")
                        ))
                        .clicked()
                    {
                        chosen = Some(t.term.clone());
                    }
                }
            });
            if let Some(topic) = chosen {
                self.compare.topic = topic;
                self.find_candidates();
            }
        }
    }

    fn candidates_ui(&mut self, ui: &mut egui::Ui) {
        if self.compare.loading {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Ranking statements…");
            });
            return;
        }
        let Some(candidates) = &self.compare.candidates else {
            ui.label("Choose two speakers and a topic, then Find pairs — or pick “Compare with…” on any statement in the reader.");
            return;
        };
        let mut open: Option<Vec<i64>> = None;
        egui::ScrollArea::vertical()
            .id_salt("candidates")
            .max_height(170.0)
            .auto_shrink([false, true])
            .show(ui, |ui| match candidates {
                Candidates::Pairs(pairs) => {
                    ui.label(format!("{} pairs, best first:", pairs.len()));
                    for (rank, p) in pairs.iter().enumerate() {
                        let text = format!(
                            "{:>2}. {:.2}  {}: {}  ↔  {}: {}",
                            rank + 1,
                            p.score,
                            short_name(&p.a),
                            snippet(&p.a.text, 70),
                            short_name(&p.b),
                            snippet(&p.b.text, 70)
                        );
                        let response = ui.selectable_label(self.is_open(&[p.a.id, p.b.id]), text);
                        if response.clicked() {
                            open = Some(vec![p.a.id, p.b.id]);
                        }
                    }
                }
                Candidates::Timeline(statements) => {
                    ui.label(format!(
                        "{} statements over time; click one to compare it with the one before:",
                        statements.len()
                    ));
                    for (k, s) in statements.iter().enumerate() {
                        let text = format!(
                            "{}  {}",
                            s.date.as_deref().unwrap_or("undated"),
                            snippet(&s.text, 110)
                        );
                        let ids = k.checked_sub(1).map(|p| vec![statements[p].id, s.id]);
                        let on = ids.as_ref().is_some_and(|ids| self.is_open(ids));
                        if ui
                            .add_enabled(ids.is_some(), egui::Button::selectable(on, text))
                            .clicked()
                        {
                            open = ids;
                        }
                    }
                }
            });
        if let Some(ids) = open {
            self.compare_statements(ids);
        }
    }

    fn is_open(&self, ids: &[i64]) -> bool {
        self.current_comparison().is_some_and(|c| {
            c.statements.iter().map(|s| s.id).collect::<Vec<_>>()
                == ids.iter().map(|&i| Some(i)).collect::<Vec<_>>()
        })
    }
}

/// A searchable speaker chooser; true when the choice changed.
fn speaker_combo(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    filter: &mut String,
    names: &[String],
    extra: Option<&str>,
) -> bool {
    let before = value.clone();
    let shown = if value.is_empty() {
        "(choose)".to_string()
    } else {
        value.clone()
    };
    let caption = ui.label(label);
    let chooser = egui::ComboBox::from_id_salt(label)
        .selected_text(egui::RichText::new(shown).color(speaker_colour(
            Some(value.as_str()).filter(|v| !v.is_empty()),
        )))
        .width(190.0)
        .height(360.0)
        .show_ui(ui, |ui| {
            let find = ui.label("Find");
            ui.add(egui::TextEdit::singleline(filter).hint_text("type to narrow"))
                .labelled_by(find.id)
                .request_focus();
            let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
            if let Some(extra) = extra {
                ui.selectable_value(value, extra.to_string(), extra);
            }
            for name in names {
                let lower = name.to_lowercase();
                if words.iter().all(|w| lower.contains(w.as_str())) {
                    ui.selectable_value(value, name.clone(), name);
                }
            }
        });
    chooser.response.labelled_by(caption.id);
    *value != before
}

fn short_name(s: &Statement) -> String {
    s.speaker
        .as_deref()
        .map(|n| n.split_whitespace().last().unwrap_or(n).to_string())
        .unwrap_or_else(|| "?".into())
}

/// The first `max` characters of `text`, on one line.
pub(super) fn snippet(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_one_line_and_cut_on_a_character() {
        assert_eq!(
            snippet("We are\n deeply “concerned”", 100),
            "We are deeply “concerned”"
        );
        assert_eq!(snippet("“Concerned” deeply", 3), "“Co…");
    }
}
