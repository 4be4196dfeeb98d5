//! The article reader: the text with each statement washed in its speaker's
//! colour and tagged with the speaker's name (so colour is never the only
//! sign); hover tells who said it, in what role and how; a click selects it;
//! the context menu compares it, re-attributes it, or removes it.

use super::state::Level;
use super::style::{small_format, speaker_colour, wash};
use super::{OnRecordApp, Pending};
use crate::model::Statement;
use crate::worker::Request;
use egui::text::{LayoutJob, TextFormat};
use egui::{Sense, TextStyle};
use std::ops::Range;

/// A paragraph of the article and the statements (by index) that touch it.
struct Paragraph {
    range: Range<usize>,
}

fn paragraphs(body: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in body.match_indices('\n') {
        if i > start {
            out.push(Paragraph { range: start..i });
        }
        start = i + 1;
    }
    if start < body.len() {
        out.push(Paragraph {
            range: start..body.len(),
        });
    }
    out.retain(|p| !body[p.range.clone()].trim().is_empty());
    out
}

/// The short name shown before a statement: a person's surname ("Kirby",
/// "Mao" for Mao Ning), a government's country, an institution of one or
/// two words whole ("White House"), a longer one by its initials.
fn tag(speaker: Option<&str>) -> String {
    use crate::extract::lexicon::is_org_head;
    let Some(name) = speaker else {
        return "?".into();
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return "?".into();
    };
    if let Some(country) = name.strip_prefix("Government of ") {
        return country.trim_start_matches("the ").to_string();
    }
    let institution = crate::names::institution(name).is_some()
        || words
            .iter()
            .any(|w| is_org_head(&w.to_lowercase()) || w.starts_with(char::is_lowercase));
    if !institution {
        return if words.len() > 1 && crate::names::is_family_first(first) {
            first.to_string()
        } else {
            last.to_string()
        };
    }
    if words.len() <= 2 {
        return name.to_string();
    }
    // "Ministry of Foreign Affairs of China": the country is in the colour.
    let head = match name.rsplit_once(" of ") {
        Some((head, country)) if crate::names::country(country).is_some() => head,
        _ => name,
    };
    head.split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

impl OnRecordApp {
    pub(super) fn reader_ui(&mut self, ui: &mut egui::Ui) {
        let Some(article) = self.reader.article.clone() else {
            ui.label("Choose an article in the Library to read it here.");
            return;
        };
        ui.heading(article.title.as_deref().unwrap_or("(untitled)"));
        ui.horizontal_wrapped(|ui| {
            let meta = [
                article.outlet.as_deref(),
                article.byline.as_deref(),
                article.published.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
            ui.label(meta);
            if let Some(url) = &article.url {
                ui.hyperlink_to("source", url);
            }
        });
        if let Some(path) = &article.source_path {
            let name = std::path::Path::new(path)
                .file_name()
                .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
            let part = article
                .source_part
                .as_deref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            ui.small(format!("Imported from {name}{part}"))
                .on_hover_text(path);
        }
        self.reader_legend(ui);
        if let Some(waiting) = &self.reader.compare_with {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "Compare with…: click the statement to compare {}’s with (Esc cancels).",
                    tag(waiting.speaker.as_deref())
                ),
            );
        }
        ui.separator();
        if self.reader.body.is_empty() {
            ui.spinner();
            return;
        }
        let mut clicked: Option<usize> = None;
        let mut menu_action: Option<(usize, MenuAction)> = None;
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                let body = &self.reader.body;
                let statements = &self.reader.statements;
                for paragraph in paragraphs(body) {
                    let (job, spans) = self.paragraph_job(ui, body, &paragraph.range, statements);
                    let galley = ui.painter().layout_job(job);
                    let (rect, response) = ui.allocate_exact_size(galley.size(), Sense::click());
                    let text = body[paragraph.range.clone()].to_string();
                    response
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
                    let under = |pos: egui::Pos2| {
                        let at = galley.cursor_from_pos(pos - rect.min).index.0;
                        spans.iter().find(|(r, _)| r.contains(&at)).map(|(_, i)| *i)
                    };
                    let hovered = response.hover_pos().and_then(under);
                    ui.painter()
                        .galley(rect.min, galley.clone(), ui.visuals().text_color());
                    if let Some(i) = hovered {
                        let s = &statements[i];
                        response.clone().on_hover_ui_at_pointer(|ui| {
                            ui.strong(s.speaker.as_deref().unwrap_or("unknown speaker"));
                            let about = super::style::role_line(
                                s.role.as_deref(),
                                s.organization.as_deref(),
                            );
                            if !about.is_empty() {
                                ui.label(about);
                            }
                            ui.label(format!(
                                "{} statement · {}",
                                s.kind.as_str(),
                                s.date.as_deref().unwrap_or("undated")
                            ));
                            // Why this speaker: the cue and the evidence, so a
                            // doubtful attribution can be checked (and changed).
                            if let Some(a) = &s.attribution {
                                ui.separator();
                                ui.label(format!(
                                    "Why {}: {}",
                                    s.speaker.as_deref().unwrap_or("no speaker"),
                                    a.summary()
                                ));
                            }
                            ui.small("Click to select; right-click for more (Change speaker…).");
                        });
                    }
                    if response.clicked() {
                        clicked = response.interact_pointer_pos().and_then(under);
                    }
                    if response.secondary_clicked() {
                        self.reader.selected = response
                            .interact_pointer_pos()
                            .and_then(under)
                            .map(|i| statements[i].id);
                    }
                    let context = self
                        .reader
                        .selected
                        .and_then(|id| statements.iter().position(|s| s.id == id))
                        .filter(|i| spans.iter().any(|(_, j)| j == i));
                    if let Some(i) = context {
                        response.context_menu(|ui| {
                            for action in [
                                MenuAction::CompareWith,
                                MenuAction::AddToComparison,
                                MenuAction::ChangeSpeaker,
                                MenuAction::NotAStatement,
                            ] {
                                if ui.button(action.label()).clicked() {
                                    menu_action = Some((i, action));
                                    ui.close();
                                }
                            }
                        });
                    }
                    ui.add_space(ui.spacing().item_spacing.y * 2.0);
                }
            });
        if let Some(i) = clicked {
            let statement = self.reader.statements[i].clone();
            self.reader.selected = Some(statement.id);
            if let Some(first) = self.reader.compare_with.take()
                && first.id != statement.id
            {
                self.compare_statements(vec![first.id, statement.id]);
            }
        }
        if let Some((i, action)) = menu_action {
            let statement = self.reader.statements[i].clone();
            self.statement_action(statement, action);
        }
    }

    fn reader_legend(&self, ui: &mut egui::Ui) {
        let mut speakers: Vec<(Option<&str>, usize)> = Vec::new();
        for s in &self.reader.statements {
            match speakers
                .iter_mut()
                .find(|(n, _)| *n == s.speaker.as_deref())
            {
                Some((_, count)) => *count += 1,
                None => speakers.push((s.speaker.as_deref(), 1)),
            }
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{} statements:", self.reader.statements.len()));
            for (name, count) in speakers {
                ui.colored_label(
                    speaker_colour(name),
                    format!("■ {} ({count})", name.unwrap_or("unattributed")),
                );
            }
        });
    }

    /// The paragraph as one layout job, and the char ranges in it that
    /// belong to statements (index into `statements`).
    fn paragraph_job(
        &self,
        ui: &egui::Ui,
        body: &str,
        range: &Range<usize>,
        statements: &[Statement],
    ) -> (LayoutJob, Vec<(Range<usize>, usize)>) {
        let dark = ui.visuals().dark_mode;
        let font = TextStyle::Body.resolve(ui.style());
        let plain = TextFormat::simple(font.clone(), ui.visuals().text_color());
        let mut job = LayoutJob::default();
        job.wrap.max_width = ui.available_width();
        let mut spans = Vec::new();
        let mut chars = 0usize;
        let push = |job: &mut LayoutJob, text: &str, format: TextFormat, chars: &mut usize| {
            job.append(text, 0.0, format);
            *chars += text.chars().count();
        };
        let mut inside: Vec<(usize, &Statement)> = statements
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.start < range.end
                    && s.end > range.start
                    && s.end <= body.len()
                    && body.is_char_boundary(s.start)
                    && body.is_char_boundary(s.end)
            })
            .collect();
        inside.sort_by_key(|(_, s)| s.start);
        let mut at = range.start;
        for (i, s) in inside {
            let start = s.start.max(at).max(range.start);
            let end = s.end.min(range.end);
            if start >= end {
                continue;
            }
            if start > at {
                push(&mut job, &body[at..start], plain.clone(), &mut chars);
            }
            let colour = speaker_colour(s.speaker.as_deref());
            let begin = chars;
            push(
                &mut job,
                &format!("{} ", tag(s.speaker.as_deref())),
                small_format(ui, colour),
                &mut chars,
            );
            let mut format = TextFormat::simple(font.clone(), ui.visuals().text_color());
            format.background = wash(colour, dark);
            if self.reader.selected == Some(s.id) {
                format.underline = egui::Stroke::new(2.0, colour);
            }
            push(&mut job, &body[start..end], format, &mut chars);
            spans.push((begin..chars, i));
            at = end;
        }
        if at < range.end {
            push(&mut job, &body[at..range.end], plain, &mut chars);
        }
        (job, spans)
    }

    pub(super) fn begin_compare_with(&mut self, statement: Statement) {
        self.say(
            Level::Info,
            "Compare with…: now click the other statement, in this or any article (Esc cancels).",
        );
        self.reader.compare_with = Some(statement);
    }

    fn statement_action(&mut self, statement: Statement, action: MenuAction) {
        match action {
            MenuAction::CompareWith => self.begin_compare_with(statement),
            MenuAction::AddToComparison => self.add_to_current_comparison(statement),
            MenuAction::ChangeSpeaker => {
                let name = statement.speaker.clone().unwrap_or_default();
                self.dialog = Some(super::state::Dialog::ChangeSpeaker {
                    statement: Box::new(statement),
                    name,
                });
            }
            MenuAction::NotAStatement => {
                self.ask(
                    Request::RemoveStatement {
                        statement_id: statement.id,
                    },
                    Pending::Edit,
                );
                self.reader.selected = None;
            }
        }
    }

    /// Makes the open comparison an N-way group with this statement too.
    fn add_to_current_comparison(&mut self, statement: Statement) {
        let Some(c) = self.current_comparison() else {
            self.say(
                Level::Error,
                "Open a comparison first (Compare tab), then add statements to it.",
            );
            return;
        };
        if c.statements.len() >= crate::session::MAX_STATEMENTS {
            self.say(Level::Error, "A comparison holds at most six statements.");
            return;
        }
        let mut ids: Vec<i64> = c.statements.iter().filter_map(|s| s.id).collect();
        if ids.contains(&statement.id) {
            return;
        }
        ids.push(statement.id);
        self.compare_statements(ids);
    }
}

#[derive(Debug, Clone, Copy)]
enum MenuAction {
    CompareWith,
    AddToComparison,
    ChangeSpeaker,
    NotAStatement,
}

impl MenuAction {
    fn label(self) -> &'static str {
        match self {
            MenuAction::CompareWith => "Compare with…",
            MenuAction::AddToComparison => "Add to the open comparison",
            MenuAction::ChangeSpeaker => "Change speaker…",
            MenuAction::NotAStatement => "Not a statement",
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn tags_are_surnames_countries_or_initials() {
        let tag = |name: &str| super::tag(Some(name));
        assert_eq!(tag("John Kirby"), "Kirby");
        assert_eq!(tag("Mao Ning"), "Mao");
        assert_eq!(tag("White House"), "White House");
        assert_eq!(tag("Government of the United States"), "United States");
        assert_eq!(tag("Ministry of Foreign Affairs of China"), "MFA");
        assert_eq!(tag("Kremlin"), "Kremlin");
        assert_eq!(tag("Mumtaz Zahra Baloch"), "Baloch");
        assert_eq!(tag("United Nations Security Council"), "UNSC");
        assert_eq!(tag("Ministry of External Affairs"), "MEA");
        assert_eq!(super::tag(None), "?");
    }

    use super::*;

    #[test]
    fn paragraphs_skip_blank_lines_and_keep_offsets() {
        let body = "First line.\n\nSecond “quoted” line.\n";
        let ps = paragraphs(body);
        assert_eq!(ps.len(), 2);
        assert_eq!(&body[ps[1].range.clone()], "Second “quoted” line.");
    }
}
