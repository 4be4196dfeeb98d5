//! The open comparison: headers per side, the options bar, aligned sentence
//! rows with word-level marks (or the shared wording), the similarity and
//! summary, and a change list that keyboard and screen reader can walk.

use super::state::{Computed, ComputedView, Level};
use super::style::{Mark, append_marked, palette, speaker_colour};
use super::{OnRecordApp, Pending};
use crate::compare::{self, Comparison, OpTag, Row, RowKind};
use crate::session::{CompareMode, SessionStatement};
use crate::worker::Request;
use egui::text::LayoutJob;
use egui::{Align, Layout, Ui, Vec2};

impl OnRecordApp {
    pub(super) fn comparison_ui(&mut self, ui: &mut Ui) {
        let Some(comparison) = self.current_comparison().cloned() else {
            ui.label("No comparison is open.");
            return;
        };
        if !(crate::session::MIN_STATEMENTS..=crate::session::MAX_STATEMENTS)
            .contains(&comparison.statements.len())
        {
            // Only a session file from elsewhere could hold such a group;
            // show what there is rather than compare it.
            ui.label(format!(
                "This comparison has {} statements; a comparison needs two to six. Add or remove statements in the reader.",
                comparison.statements.len()
            ));
            return;
        }
        self.ensure_computed(&comparison.statements);
        self.options_bar(ui, comparison.statements.len() == 2);
        let mut open_statement = None;
        ui.horizontal_top(|ui| {
            let width = column_width(ui, comparison.statements.len());
            for s in &comparison.statements {
                column(ui, width, |ui| {
                    if side_header(ui, s) {
                        open_statement = s.id;
                    }
                });
            }
        });
        if let Some(id) = open_statement {
            self.ask(Request::Statement { id }, Pending::OpenStatement);
        }
        ui.separator();
        let Some(computed) = self.compare.computed.take() else {
            return;
        };
        match &computed.view {
            ComputedView::Pair {
                comparison: c,
                shared,
            } => {
                self.summary_line(ui, c);
                egui::Panel::right("changes")
                    .default_size(240.0)
                    .show(ui, |ui| self.change_list(ui, c));
                if self.session.current.mode == CompareMode::Shared {
                    shared_view(
                        ui,
                        &comparison.statements[0].text,
                        &comparison.statements[1].text,
                        shared,
                    );
                } else if self.prefs.lock_scroll {
                    self.rows_locked(ui, c);
                } else {
                    self.rows_unlocked(ui, c);
                }
            }
            ComputedView::NWay(table) => nway_view(ui, table),
        }
        self.compare.computed = Some(computed);
    }

    fn ensure_computed(&mut self, statements: &[SessionStatement]) {
        let options = self.session.current.options;
        let key = format!(
            "{:?}|{:?}|{}",
            options,
            self.session.current.mode,
            statements
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join("\u{1}")
        );
        if self.compare.computed.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        let view = if let [a, b] = statements {
            ComputedView::Pair {
                comparison: compare::compare(&a.text, &b.text, &options),
                shared: compare::shared::shared_phrases(&a.text, &b.text),
            }
        } else {
            let texts: Vec<&str> = statements.iter().map(|s| s.text.as_str()).collect();
            ComputedView::NWay(compare::nway::nway(&texts, &options))
        };
        self.compare.computed = Some(Computed { key, view });
    }

    fn options_bar(&mut self, ui: &mut Ui, pair: bool) {
        let before = (self.session.current.options, self.session.current.mode);
        ui.horizontal_wrapped(|ui| {
            let o = &mut self.session.current.options;
            ui.checkbox(&mut o.ignore_case, "Ignore case");
            ui.checkbox(&mut o.ignore_punctuation, "Ignore punctuation");
            ui.checkbox(&mut o.ignore_typography, "Ignore typography");
            if pair {
                ui.separator();
                ui.radio_value(&mut self.session.current.mode, CompareMode::Diff, "Diff");
                ui.radio_value(
                    &mut self.session.current.mode,
                    CompareMode::Shared,
                    "Shared language",
                );
                ui.separator();
                ui.checkbox(&mut self.prefs.lock_scroll, "Lock scrolling");
                if ui
                    .button("↑ Previous change")
                    .on_hover_text("Alt+↑ or Shift+F7")
                    .clicked()
                {
                    self.commands.push(super::Command::PreviousChange);
                }
                if ui
                    .button("↓ Next change")
                    .on_hover_text("Alt+↓ or F7")
                    .clicked()
                {
                    self.commands.push(super::Command::NextChange);
                }
            }
        });
        if before != (self.session.current.options, self.session.current.mode) {
            self.mark_session_changed();
        }
    }

    fn summary_line(&self, ui: &mut Ui, c: &Comparison) {
        let s = c.summary;
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!("Similarity {:.0}%", c.similarity * 100.0));
            ui.label(format!(
                "· {} unchanged, {} reworded, {} added, {} dropped, {} moved sentences",
                s.unchanged, s.reworded, s.added, s.dropped, s.moved
            ));
            if c.degraded {
                ui.label("· (very long texts: some word differences are coarser)");
            }
        });
    }

    /// Rows that differ, in order: what next/previous change walks.
    fn change_rows(&self) -> Vec<usize> {
        match self.compare.computed.as_ref().map(|c| &c.view) {
            Some(ComputedView::Pair { comparison, .. }) => comparison
                .rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.kind != RowKind::Equal)
                .map(|(i, _)| i)
                .collect(),
            _ => Vec::new(),
        }
    }

    pub(super) fn step_change(&mut self, direction: i32) {
        let rows = self.change_rows();
        if rows.is_empty() {
            self.say(Level::Info, "No changes in this comparison.");
            return;
        }
        let next = match self.compare.current_change {
            None if direction > 0 => rows[0],
            None => rows[rows.len() - 1],
            Some(now) if direction > 0 => {
                rows.iter().copied().find(|&r| r > now).unwrap_or(rows[0])
            }
            Some(now) => rows
                .iter()
                .rev()
                .copied()
                .find(|&r| r < now)
                .unwrap_or(rows[rows.len() - 1]),
        };
        self.compare.current_change = Some(next);
        self.compare.scroll_to_change = true;
    }

    fn change_list(&mut self, ui: &mut Ui, c: &Comparison) {
        egui::ScrollArea::vertical()
            .id_salt("change list")
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.heading("Significant changes");
                if c.significant.is_empty() {
                    ui.label("None: no change of negation, stance, modality or intensity.");
                }
                let mut go = None;
                for (rank, s) in c.significant.iter().enumerate() {
                    let words = match (&s.a, &s.b) {
                        (Some(a), Some(b)) => format!("“{}” → “{}”", a.trim(), b.trim()),
                        (Some(a), None) => format!("dropped “{}”", a.trim()),
                        (None, Some(b)) => format!("added “{}”", b.trim()),
                        (None, None) => String::new(),
                    };
                    let text = format!("{}. {}: {}", rank + 1, s.category.as_str(), words);
                    if ui
                        .selectable_label(self.compare.current_change == Some(s.row), text)
                        .clicked()
                    {
                        go = Some(s.row);
                    }
                }
                ui.separator();
                ui.heading("All changes");
                for (i, row) in c
                    .rows
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| r.kind != RowKind::Equal)
                {
                    let what = row_kind_words(row.kind);
                    let text = row.b.as_deref().or(row.a.as_deref()).unwrap_or("");
                    let label = format!(
                        "Sentence {}: {what} — {}",
                        i + 1,
                        super::compare_view::snippet(text, 60)
                    );
                    if ui
                        .selectable_label(self.compare.current_change == Some(i), label)
                        .clicked()
                    {
                        go = Some(i);
                    }
                }
                if let Some(row) = go {
                    self.compare.current_change = Some(row);
                    self.compare.scroll_to_change = true;
                }
            });
    }

    fn rows_locked(&mut self, ui: &mut Ui, c: &Comparison) {
        let scroll_to = self
            .compare
            .scroll_to_change
            .then_some(self.compare.current_change)
            .flatten();
        self.compare.scroll_to_change = false;
        egui::ScrollArea::vertical()
            .id_salt("rows")
            .auto_shrink(false)
            .show(ui, |ui| {
                let width = column_width(ui, 2);
                for (i, row) in c.rows.iter().enumerate() {
                    let current = self.compare.current_change == Some(i);
                    let frame = if current {
                        egui::Frame::new()
                            .fill(palette(ui.visuals().dark_mode).current)
                            .inner_margin(2.0)
                    } else {
                        egui::Frame::new().inner_margin(2.0)
                    };
                    let response = frame
                        .show(ui, |ui| {
                            ui.horizontal_top(|ui| {
                                for side in [Side::A, Side::B] {
                                    column(ui, width, |ui| {
                                        ui.add(
                                            egui::Label::new(row_job(ui, row, side, width)).wrap(),
                                        );
                                    });
                                }
                            });
                        })
                        .response;
                    if scroll_to == Some(i) {
                        response.scroll_to_me(Some(Align::Center));
                    }
                    ui.separator();
                }
            });
    }

    fn rows_unlocked(&mut self, ui: &mut Ui, c: &Comparison) {
        self.compare.scroll_to_change = false;
        ui.columns(2, |columns| {
            for (k, side) in [Side::A, Side::B].into_iter().enumerate() {
                let ui = &mut columns[k];
                let width = ui.available_width();
                egui::ScrollArea::vertical()
                    .id_salt(("side", k))
                    .auto_shrink(false)
                    .show(ui, |ui| {
                        ui.with_layout(Layout::top_down(Align::LEFT), |ui| {
                            for row in c.rows.iter().filter(|r| side.has(r)) {
                                ui.add(egui::Label::new(row_job(ui, row, side, width)).wrap());
                                ui.add_space(6.0);
                            }
                        });
                    });
            }
        });
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    A,
    B,
}

impl Side {
    fn has(self, row: &Row) -> bool {
        match self {
            Side::A => row.a.is_some(),
            Side::B => row.b.is_some(),
        }
    }
}

fn row_kind_words(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Equal => "unchanged",
        RowKind::Reworded => "reworded",
        RowKind::Added => "added",
        RowKind::Dropped => "dropped",
        RowKind::Moved => "moved",
    }
}

fn column_width(ui: &Ui, columns: usize) -> f32 {
    let spacing = ui.spacing().item_spacing.x;
    ((ui.available_width() - spacing * columns as f32) / columns.max(1) as f32).max(80.0)
}

/// A column exactly `width` wide (inside a horizontal layout), filled by `add`.
fn column(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui)) {
    ui.allocate_ui_with_layout(Vec2::new(width, 0.0), Layout::top_down(Align::LEFT), |ui| {
        ui.set_width(width);
        add(ui);
    });
}

/// A column `width` wide holding one wrapped text, built by `build`.
fn text_column(ui: &mut Ui, width: f32, build: impl FnOnce(&Ui, &mut LayoutJob)) {
    column(ui, width, |ui| {
        let mut job = LayoutJob::default();
        job.wrap.max_width = width;
        build(ui, &mut job);
        ui.add(egui::Label::new(job).wrap());
    });
}

/// One side of a row as marked text: removed words struck through, added
/// ones underlined, moved sentences with an arrow, ignored differences grey.
fn row_job(ui: &Ui, row: &Row, side: Side, width: f32) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let text = match side {
        Side::A => row.a.as_deref(),
        Side::B => row.b.as_deref(),
    };
    let Some(text) = text else {
        let absent = match side {
            Side::A => "— not in A (added in B)",
            Side::B => "— not in B (dropped from A)",
        };
        append_marked(&mut job, ui, absent, Mark::Ignored);
        return job;
    };
    match row.kind {
        RowKind::Added => append_marked(&mut job, ui, text, Mark::Added),
        RowKind::Dropped => append_marked(&mut job, ui, text, Mark::Removed),
        RowKind::Equal | RowKind::Reworded | RowKind::Moved => {
            if row.kind == RowKind::Moved {
                // The arrow says it; the colour only repeats it.
                append_marked(&mut job, ui, "↪ moved: ", Mark::Moved);
            }
            if row.ops.is_empty() {
                append_marked(&mut job, ui, text, Mark::Plain);
            }
            append_ops(&mut job, ui, row, side);
        }
    }
    job
}

/// A row's word diff, one side of it.
fn append_ops(job: &mut LayoutJob, ui: &Ui, row: &Row, side: Side) {
    let mut previous: Option<char> = None;
    for op in &row.ops {
        let (words, mark) = match (op.tag, side) {
            (OpTag::Equal, Side::A) => (op.a.as_deref(), Mark::Plain),
            (OpTag::Equal, Side::B) => (op.b.as_deref(), Mark::Plain),
            (OpTag::Delete, Side::A) => (op.a.as_deref(), Mark::Removed),
            (OpTag::Insert, Side::B) => (op.b.as_deref(), Mark::Added),
            (OpTag::Ignored, Side::A) => (op.a.as_deref(), Mark::Ignored),
            (OpTag::Ignored, Side::B) => (op.b.as_deref(), Mark::Ignored),
            _ => (None, Mark::Plain),
        };
        if let Some(words) = words.map(str::trim).filter(|w| !w.is_empty()) {
            // Ops hold words without the spaces between them.
            if previous.is_some_and(|p| needs_space(p, words)) {
                append_marked(job, ui, " ", Mark::Plain);
            }
            append_marked(job, ui, words, mark);
            previous = words.chars().last();
        }
    }
}

/// Whether a space goes between a piece ending in `before` and `next`: not
/// before closing punctuation, not after opening marks.
fn needs_space(before: char, next: &str) -> bool {
    let opens = matches!(
        before,
        '(' | '[' | '{' | '“' | '‘' | '"' | '\'' | '/' | '-' | '—'
    );
    let closes = next.chars().next().is_some_and(|c| {
        matches!(
            c,
            ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '”' | '’' | '%' | '…'
        )
    });
    !opens && !closes
}

/// The header of one side: who, in what role, where and when; true when
/// the user asked to open the article.
fn side_header(ui: &mut Ui, s: &SessionStatement) -> bool {
    ui.label(
        egui::RichText::new(s.speaker_name())
            .strong()
            .color(speaker_colour(s.speaker.as_deref())),
    );
    let about = super::style::role_line(s.role.as_deref(), s.organization.as_deref());
    if !about.is_empty() {
        ui.small(about);
    }
    let source = [s.outlet.as_deref(), s.date.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    ui.small(format!("{source} · {} statement", s.kind.as_str()));
    let mut open = false;
    ui.horizontal_wrapped(|ui| {
        if let Some(title) = &s.article_title {
            if s.id.is_some() {
                open = ui
                    .link(format!("↗ {title}"))
                    .on_hover_text("Open the article in the reader")
                    .clicked();
            } else {
                ui.small(title);
            }
        }
        if let Some(url) = &s.url {
            ui.hyperlink_to("web", url);
        }
    });
    open
}

/// Both texts in full with the wording they share highlighted in both.
fn shared_view(ui: &mut Ui, a: &str, b: &str, shared: &[compare::shared::SharedPhrase]) {
    ui.label(match shared.len() {
        0 => "No phrase of two content words or more in common.".to_string(),
        1 => "1 shared phrase (highlighted in both):".to_string(),
        n => format!("{n} shared phrases (highlighted in both):"),
    });
    egui::ScrollArea::vertical()
        .id_salt("shared")
        .auto_shrink(false)
        .show(ui, |ui| {
            let width = column_width(ui, 2);
            ui.horizontal_top(|ui| {
                for (text, ranges) in [
                    (a, shared.iter().map(|p| p.a.clone()).collect::<Vec<_>>()),
                    (b, shared.iter().map(|p| p.b.clone()).collect::<Vec<_>>()),
                ] {
                    text_column(ui, width, |ui, job| {
                        let mut ranges: Vec<_> = ranges
                            .into_iter()
                            .filter(|r| {
                                r.end <= text.len()
                                    && text.is_char_boundary(r.start)
                                    && text.is_char_boundary(r.end)
                            })
                            .collect();
                        ranges.sort_by_key(|r| r.start);
                        let mut at = 0;
                        for r in ranges {
                            if r.start < at {
                                continue;
                            }
                            append_marked(job, ui, &text[at..r.start], Mark::Plain);
                            append_marked(job, ui, &text[r.clone()], Mark::Shared);
                            at = r.end;
                        }
                        append_marked(job, ui, &text[at..], Mark::Plain);
                    });
                }
            });
            ui.separator();
            for (i, p) in shared.iter().enumerate() {
                ui.label(format!("{}. “{}” ({} words)", i + 1, p.text, p.words));
            }
        });
}

/// Three to six statements, sentence by sentence against the first.
fn nway_view(ui: &mut Ui, table: &compare::nway::NWay) {
    use compare::nway::Sharing;
    ui.label(
        "Sentences aligned against the first statement. Shared: plain · Similar: ≈ · Unique: ★",
    );
    egui::ScrollArea::both()
        .id_salt("nway")
        .auto_shrink(false)
        .show(ui, |ui| {
            let width = column_width(ui, table.columns).max(160.0);
            for row in &table.rows {
                ui.horizontal_top(|ui| {
                    for cell in &row.cells {
                        text_column(ui, width, |ui, job| match cell {
                            None => append_marked(job, ui, "—", Mark::Ignored),
                            Some(cell) => match cell.sharing {
                                Sharing::Shared => append_marked(job, ui, &cell.text, Mark::Plain),
                                Sharing::Similar => {
                                    append_marked(job, ui, "≈ ", Mark::Moved);
                                    append_marked(job, ui, &cell.text, Mark::Moved);
                                }
                                Sharing::Unique => {
                                    append_marked(job, ui, "★ ", Mark::Added);
                                    append_marked(job, ui, &cell.text, Mark::Added);
                                }
                            },
                        });
                    }
                });
                ui.separator();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::needs_space;

    #[test]
    fn words_are_spaced_but_punctuation_hugs_them() {
        assert!(needs_space('e', "are going"));
        assert!(!needs_space('n', ", said"));
        assert!(!needs_space('“', "deeply"));
        assert!(!needs_space('d', "”"));
    }
}
