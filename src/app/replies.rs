//! Where the library worker's replies land: each is routed by what its
//! request was for ([`Pending`]), and each failure becomes one message.

use super::state::{Candidates, Dialog, Level, Progress};
use super::{OnRecordApp, Pending};
use crate::model::{ImportOutcome, ImportResult};
use crate::worker::{OPENED, Reply, Request, Response};

impl OnRecordApp {
    pub(super) fn handle_replies(&mut self) {
        for Response { id, reply } in self.worker.poll() {
            if id == OPENED {
                self.on_opened(reply);
                continue;
            }
            let ends = reply.ends_request();
            let pending = if ends {
                self.pending.remove(&id)
            } else {
                self.pending.get(&id).cloned()
            };
            let Some(pending) = pending else { continue };
            self.on_reply(id, pending, reply);
        }
    }

    fn on_opened(&mut self, reply: Reply) {
        match reply {
            Reply::Opened { path, counts } => {
                self.status.library_path = Some(path.display().to_string());
                self.library.counts = counts;
                if counts.articles == 0 && self.load_samples_if_empty {
                    let id = self.ask(Request::ImportSamples, Pending::Import);
                    self.status.progress = Some(Progress {
                        id,
                        what: "loading of the sample library".into(),
                        done: 0,
                        total: 0,
                        current: String::new(),
                    });
                }
                self.refresh_library();
                self.ask(Request::LastSession, Pending::LastSession);
            }
            Reply::Failed(reason) => {
                self.say(Level::Error, format!("Cannot open the library: {reason}"))
            }
            _ => {}
        }
    }

    fn on_reply(&mut self, id: u64, pending: Pending, reply: Reply) {
        match (pending, reply) {
            (pending, Reply::Failed(reason)) => {
                if self.status.progress.as_ref().is_some_and(|p| p.id == id) {
                    self.status.progress = None;
                }
                if matches!(pending, Pending::Candidates) {
                    self.compare.loading = false;
                }
                self.say(Level::Error, reason);
            }
            (Pending::Counts, Reply::Counts(counts)) => self.library.counts = counts,
            (Pending::Articles, Reply::Articles(articles)) => {
                self.library.articles = articles;
                self.relayout_articles();
            }
            (Pending::Search, Reply::Search(hits)) => {
                let found = hits.len();
                self.library.search_hits = Some(hits.into_iter().map(|h| h.article_id).collect());
                self.relayout_articles();
                self.say(Level::Info, format!("Full-text search: {found} articles."));
            }
            (Pending::ArticleBody, Reply::ArticleBody { article_id, body }) => {
                if self
                    .reader
                    .article
                    .as_ref()
                    .is_some_and(|a| a.id == article_id)
                {
                    self.reader.body = body;
                }
            }
            (Pending::ArticleStatements, Reply::Statements(statements)) => {
                let current = self.reader.article.as_ref().map(|a| a.id);
                if statements
                    .first()
                    .map(|s| Some(s.article_id))
                    .unwrap_or(current)
                    == current
                {
                    self.reader.statements = statements;
                }
            }
            (Pending::Speakers, Reply::Speakers(speakers)) => self.speakers.speakers = speakers,
            (Pending::SharedTopics, Reply::SuggestedTopics(topics)) => {
                self.compare.shared_topics = topics
            }
            (Pending::SuggestedTopics, Reply::SuggestedTopics(topics)) => {
                self.topics.suggested = topics
            }
            (Pending::SavedTopics, Reply::SavedTopics(saved)) => self.topics.saved = saved,
            (Pending::Candidates, Reply::RankedPairs(pairs)) => {
                self.compare.loading = false;
                if pairs.is_empty() {
                    self.say(
                        Level::Info,
                        "No pairs: the two speakers have no statements on this topic.",
                    );
                }
                self.compare.candidates = Some(Candidates::Pairs(pairs));
            }
            (Pending::Candidates, Reply::Statements(statements)) => {
                self.compare.loading = false;
                self.compare.candidates = Some(Candidates::Timeline(statements));
            }
            (Pending::Timeline, Reply::Statements(statements)) => {
                self.timeline.statements.extend(statements);
                self.timeline.statements.sort_by(|x, y| x.date.cmp(&y.date));
            }
            (Pending::AddComparison, Reply::SessionStatements(statements)) => {
                self.add_comparison(statements)
            }
            (Pending::OpenStatement, Reply::Statement(statement)) => {
                self.open_article_at(statement.article_id, Some(statement.id))
            }
            (Pending::Edit, Reply::Edited(what)) => {
                self.say(Level::Info, format!("Saved: {what}."));
                self.refresh_library();
                self.reload_reader();
            }
            (Pending::Import, Reply::ImportProgress { done, total, path }) => {
                if let Some(p) = self.status.progress.as_mut().filter(|p| p.id == id) {
                    p.done = done;
                    p.total = total;
                    p.current = path;
                }
            }
            (Pending::Import, Reply::ImportCommitted(results)) => {
                self.on_import_committed(&results)
            }
            (Pending::Import, Reply::ImportFinished(summary)) => {
                self.status.progress = None;
                let failed: Vec<ImportResult> = std::mem::take(&mut self.session.import_failures);
                let text = format!(
                    "{}{} imported, {} duplicates, {} failed, {} statements found.",
                    if summary.cancelled {
                        "Import cancelled: "
                    } else {
                        "Import done: "
                    },
                    summary.imported,
                    summary.duplicates,
                    summary.failed.len(),
                    summary.statements
                );
                self.say(Level::Info, text.clone());
                if !failed.is_empty() {
                    self.dialog = Some(Dialog::ImportReport {
                        failed,
                        summary: text,
                    });
                }
                self.refresh_library();
            }
            (Pending::Write(what), Reply::BackedUp { to })
            | (Pending::Write(what), Reply::Wrote { path: to }) => {
                self.say(
                    Level::Info,
                    format!("Wrote the {what} to {}.", to.display()),
                );
            }
            (Pending::SaveSession, Reply::SessionSaved { .. }) => {}
            (Pending::Sessions, Reply::Sessions(list)) => self.session.list = list,
            (Pending::LastSession, Reply::Session(session)) => {
                if let Some(session) = session {
                    self.restore_session(session, false);
                }
            }
            (Pending::OpenSession, Reply::Session(Some(session))) => {
                let name = session.name.clone();
                self.restore_session(session, true);
                self.say(Level::Info, format!("Opened the session “{name}”."));
                self.refresh_library();
            }
            (_, other) => log::debug!("ignored reply {other:?}"),
        }
    }

    fn on_import_committed(&mut self, results: &[ImportResult]) {
        for r in results {
            if matches!(r.outcome, ImportOutcome::Failed { .. }) {
                self.session.import_failures.push(r.clone());
            }
        }
    }
}
