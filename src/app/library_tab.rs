//! The Library tab: every article in a sortable, filterable table. Only the
//! rows on screen are laid out, so 100,000 articles scroll like 100.

use super::state::{ArticleSort, CentralTab};
use super::{OnRecordApp, Pending};
use crate::model::Article;
use crate::store::StatementQuery;
use crate::worker::Request;
use egui_extras::{Column, TableBuilder};
use std::cmp::Ordering;

const ROW_HEIGHT: f32 = 22.0;

impl OnRecordApp {
    /// Recomputes which articles show, in which order.
    pub(super) fn relayout_articles(&mut self) {
        let lib = &mut self.library;
        let words: Vec<String> = lib
            .filter
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let hits: Option<std::collections::HashSet<i64>> = lib
            .search_hits
            .as_ref()
            .map(|h| h.iter().copied().collect());
        let mut visible: Vec<usize> = lib
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| hits.as_ref().is_none_or(|h| h.contains(&a.id)))
            .filter(|(_, a)| hits.is_some() || words.is_empty() || matches_words(a, &words))
            .map(|(i, _)| i)
            .collect();
        let articles = &lib.articles;
        let by = lib.sort;
        visible.sort_by(|&x, &y| {
            let order = compare_articles(&articles[x], &articles[y], by);
            if lib.descending {
                order.reverse()
            } else {
                order
            }
        });
        lib.visible = visible;
    }

    pub(super) fn library_tab(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let edit = egui::TextEdit::singleline(&mut self.library.filter)
                .hint_text("Filter titles, or Enter to search the full text")
                .desired_width(ui.available_width() - 60.0);
            let response = ui.add(edit).labelled_by(ui.label("Search").id);
            if std::mem::take(&mut self.library.focus_filter) {
                response.request_focus();
            }
            if response.changed() {
                self.library.search_hits = None;
                self.relayout_articles();
            }
            if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                let query = self.library.filter.trim().to_string();
                if !query.is_empty() {
                    self.ask(Request::Search { query, limit: 5000 }, Pending::Search);
                }
            }
        });
        if self.library.search_hits.is_some() && ui.button("Clear the full-text search").clicked() {
            self.library.search_hits = None;
            self.relayout_articles();
        }
        ui.label(format!(
            "{} of {} articles",
            self.library.visible.len(),
            self.library.articles.len()
        ));
        let mut clicked: Option<i64> = None;
        let mut resort: Option<ArticleSort> = None;
        let (sort, descending) = (self.library.sort, self.library.descending);
        let heading = |ui: &mut egui::Ui,
                       label: &str,
                       column: ArticleSort,
                       resort: &mut Option<ArticleSort>| {
            let arrow = match (sort == column, descending) {
                (true, true) => " ↓",
                (true, false) => " ↑",
                _ => "",
            };
            if ui
                .add(
                    egui::Button::new(egui::RichText::new(format!("{label}{arrow}")).strong())
                        .frame(false),
                )
                .on_hover_text(format!("Sort by {}", label.to_lowercase()))
                .clicked()
            {
                *resort = Some(column);
            }
        };
        TableBuilder::new(ui)
            .id_salt("articles")
            .striped(true)
            .sense(egui::Sense::click())
            .column(Column::remainder().at_least(120.0).clip(true))
            .column(Column::initial(80.0).clip(true))
            .column(Column::initial(80.0))
            .column(Column::initial(36.0))
            .header(ROW_HEIGHT, |mut header| {
                header.col(|ui| heading(ui, "Title", ArticleSort::Title, &mut resort));
                header.col(|ui| heading(ui, "Outlet", ArticleSort::Outlet, &mut resort));
                header.col(|ui| heading(ui, "Date", ArticleSort::Date, &mut resort));
                header.col(|ui| heading(ui, "№", ArticleSort::Statements, &mut resort));
            })
            .body(|body| {
                let lib = &self.library;
                body.rows(ROW_HEIGHT, lib.visible.len(), |mut row| {
                    let article = &lib.articles[lib.visible[row.index()]];
                    row.set_selected(lib.selected == Some(article.id));
                    let title = article.title.as_deref().unwrap_or("(untitled)");
                    row.col(|ui| {
                        ui.add(egui::Label::new(title).truncate().selectable(false));
                    });
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(article.outlet.as_deref().unwrap_or(""))
                                .truncate()
                                .selectable(false),
                        );
                    });
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(
                                article
                                    .published
                                    .as_ref()
                                    .map(|d| d.to_string())
                                    .unwrap_or_default(),
                            )
                            .selectable(false),
                        );
                    });
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(article.statement_count.to_string()).selectable(false),
                        );
                    });
                    if row.response().clicked() {
                        clicked = Some(article.id);
                    }
                });
            });
        if let Some(column) = resort {
            if self.library.sort == column {
                self.library.descending = !self.library.descending;
            } else {
                self.library.sort = column;
                self.library.descending =
                    matches!(column, ArticleSort::Date | ArticleSort::Statements);
            }
            self.relayout_articles();
        }
        if let Some(id) = clicked {
            self.open_article_at(id, None);
        }
    }

    /// Shows an article in the reader (and selects a statement in it).
    pub(super) fn open_article_at(&mut self, article_id: i64, statement: Option<i64>) {
        self.library.selected = Some(article_id);
        self.reader.selected = statement;
        self.prefs.central_tab = CentralTab::Reader;
        if self.reader.article.as_ref().map(|a| a.id) != Some(article_id) {
            self.reader.article = self
                .library
                .articles
                .iter()
                .find(|a| a.id == article_id)
                .cloned();
            self.reader.body.clear();
            self.reader.statements.clear();
            self.reload_reader_for(article_id);
        }
    }

    pub(super) fn reload_reader(&mut self) {
        if let Some(id) = self.reader.article.as_ref().map(|a| a.id) {
            self.reload_reader_for(id);
        }
    }

    fn reload_reader_for(&mut self, article_id: i64) {
        self.ask(Request::ArticleBody { article_id }, Pending::ArticleBody);
        self.ask(
            Request::Statements(StatementQuery {
                article_id: Some(article_id),
                ..StatementQuery::default()
            }),
            Pending::ArticleStatements,
        );
    }
}

fn matches_words(article: &Article, words: &[String]) -> bool {
    let haystack = format!(
        "{} {} {}",
        article.title.as_deref().unwrap_or(""),
        article.outlet.as_deref().unwrap_or(""),
        article
            .published
            .as_ref()
            .map(|d| d.to_string())
            .unwrap_or_default()
    )
    .to_lowercase();
    words.iter().all(|w| haystack.contains(w.as_str()))
}

fn compare_articles(x: &Article, y: &Article, by: ArticleSort) -> Ordering {
    let text = |s: &Option<String>| s.as_deref().unwrap_or("").to_lowercase();
    match by {
        ArticleSort::Title => text(&x.title).cmp(&text(&y.title)),
        ArticleSort::Outlet => text(&x.outlet).cmp(&text(&y.outlet)),
        ArticleSort::Date => x.published.cmp(&y.published),
        ArticleSort::Statements => x.statement_count.cmp(&y.statement_count),
    }
    .then(x.id.cmp(&y.id))
}
