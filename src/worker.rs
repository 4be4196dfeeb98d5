//! The library worker: where the desktop app's requests meet SQLite and the
//! file system, so that the UI thread never does.
//!
//! [`LibraryWorker::start`] opens the library on two threads of its own, each
//! with its own connection (WAL lets them work at once):
//!
//! * the **writer** runs imports and backups, one after another, reporting
//!   progress as it goes; an import can be cancelled through its
//!   [`RequestId`], keeping the files already committed;
//! * the **reader** answers queries (lists, article bodies, searches), so the
//!   library can be browsed while an import runs.
//!
//! Every request gets an id; every reply carries the id it answers, so a view
//! can drop replies to requests it no longer cares about. A `wake` callback
//! (the app passes `egui::Context::request_repaint`) runs after every reply,
//! and the owner drains replies with [`LibraryWorker::poll`] once per frame.
//! A request that fails, or panics, answers with [`Reply::Failed`] carrying a
//! message for the user that names the file and the reason; the threads go on.
//!
//! ```
//! use onrecord::worker::{LibraryWorker, Reply, Request};
//! let dir = tempfile::tempdir()?;
//! let mut worker = LibraryWorker::start(dir.path().join("library.sqlite3"), || {});
//! let id = worker.request(Request::Counts);
//! let reply = worker.wait_for(id, std::time::Duration::from_secs(30)).expect("an answer");
//! assert!(matches!(reply, Reply::Counts(c) if c.articles == 0));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::import::{self, ImportEvent};
use crate::isolate;
use crate::model::{Article, ImportResult, ImportSummary, Speaker, Statement};
use crate::session::{self, Session, SessionError, SessionStatement};
use crate::store::SessionInfo;
use crate::store::{
    ArticleQuery, Library, LibraryCounts, RankedPair, SavedTopic, SearchHit, StatementQuery,
    StoreError,
};
use crate::topics::SuggestedTopic;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Names a request; replies carry the id of the request they answer.
pub type RequestId = u64;

/// The id of the replies to opening the library (sent before any request).
pub const OPENED: RequestId = 0;

/// What the app may ask of the library.
#[derive(Debug, Clone)]
pub enum Request {
    Counts,
    Articles(ArticleQuery),
    ArticleBody {
        article_id: i64,
    },
    Statements(StatementQuery),
    Speakers,
    Search {
        query: String,
        limit: usize,
    },
    /// One statement by id.
    Statement {
        id: i64,
    },
    /// A speaker's (or everyone's) statements on a topic (FTS5 query or
    /// saved topic name; any topic when `None`), in date order.
    StatementsOnTopic {
        speaker: Option<String>,
        topic: Option<String>,
    },
    /// Two speakers' statements that make the same point, best first.
    RankedPairs {
        speaker_a: String,
        speaker_b: String,
        topic: Option<String>,
        limit: usize,
    },
    /// Terms the given speakers (any two speakers when empty) share.
    SuggestedTopics {
        speakers: Vec<String>,
        limit: usize,
    },
    SavedTopics,
    SaveTopic {
        name: String,
        query: String,
    },
    /// A user's correction: everything `from` said was said by `into`.
    MergeSpeakers {
        from: String,
        into: String,
    },
    /// A user's correction: this statement was said by `speaker`.
    CorrectSpeaker {
        statement_id: i64,
        speaker: String,
    },
    /// A user's correction: this span is not a statement.
    RemoveStatement {
        statement_id: i64,
    },
    /// Statements by id with their sources, as a session keeps them.
    SessionStatements {
        ids: Vec<i64>,
    },
    /// Save (create or replace) a session in the library (autosave).
    SaveSession(Session),
    /// The library's sessions, newest first.
    Sessions,
    LoadSession {
        name: String,
    },
    /// The most recently saved session, if any (reopened on start).
    LastSession,
    /// Write a session to a `.onrecord` file (write, then rename).
    WriteSessionFile {
        path: PathBuf,
        session: Session,
    },
    /// Read a `.onrecord` file, add its statements the library lacks, and
    /// save it as a session (all or nothing).
    OpenSessionFile {
        path: PathBuf,
    },
    /// Write a session's report: HTML, or Markdown for a `.md` path.
    ExportReport {
        path: PathBuf,
        session: Session,
    },
    /// A request whose answer panics (tests of the panic isolation).
    #[cfg(test)]
    Crash,
    /// Import files and folders (folders recursively).
    Import {
        paths: Vec<PathBuf>,
    },
    /// Import the sample library bundled in the binary.
    ImportSamples,
    /// Write a consistent copy of the library to `to` (SQLite's online backup).
    Backup {
        to: PathBuf,
    },
}

impl Request {
    fn is_write(&self) -> bool {
        matches!(
            self,
            Request::Import { .. } | Request::ImportSamples | Request::Backup { .. }
        )
    }

    fn describe(&self) -> &'static str {
        match self {
            Request::Counts => "counting the library",
            Request::Articles(_) => "listing articles",
            Request::ArticleBody { .. } => "reading an article",
            Request::Statements(_) => "listing statements",
            Request::Speakers => "listing speakers",
            Request::Search { .. } => "searching",
            Request::Statement { .. } => "reading a statement",
            Request::StatementsOnTopic { .. } => "listing statements on a topic",
            Request::RankedPairs { .. } => "ranking statement pairs",
            Request::SuggestedTopics { .. } => "suggesting topics",
            Request::SavedTopics => "listing saved topics",
            Request::SaveTopic { .. } => "saving a topic",
            Request::MergeSpeakers { .. } => "merging speakers",
            Request::CorrectSpeaker { .. } => "changing a statement's speaker",
            Request::RemoveStatement { .. } => "removing a statement",
            Request::SessionStatements { .. } => "reading statements for a comparison",
            Request::SaveSession(_) => "saving the session",
            Request::Sessions => "listing sessions",
            Request::LoadSession { .. } => "opening a session",
            Request::LastSession => "reopening the last session",
            Request::WriteSessionFile { .. } => "saving the session file",
            Request::OpenSessionFile { .. } => "opening the session file",
            Request::ExportReport { .. } => "exporting the report",
            #[cfg(test)]
            Request::Crash => "crashing on purpose",
            Request::Import { .. } => "importing",
            Request::ImportSamples => "importing the sample library",
            Request::Backup { .. } => "backing up the library",
        }
    }
}

/// An answer, or a step of a long answer.
#[derive(Debug, Clone)]
pub enum Reply {
    /// The library is open (id [`OPENED`]); its totals.
    Opened {
        path: PathBuf,
        counts: LibraryCounts,
    },
    Counts(LibraryCounts),
    Articles(Vec<Article>),
    ArticleBody {
        article_id: i64,
        body: String,
    },
    Statements(Vec<Statement>),
    Speakers(Vec<Speaker>),
    Search(Vec<SearchHit>),
    Statement(Statement),
    RankedPairs(Vec<RankedPair>),
    SuggestedTopics(Vec<SuggestedTopic>),
    SavedTopics(Vec<SavedTopic>),
    /// A correction is stored; the message says what changed.
    Edited(String),
    SessionStatements(Vec<SessionStatement>),
    SessionSaved {
        name: String,
    },
    Sessions(Vec<SessionInfo>),
    /// A session (None: there is none to reopen).
    Session(Option<Session>),
    /// A file was written.
    Wrote {
        path: PathBuf,
    },
    /// An import has read `done` of `total` files (not yet durable).
    ImportProgress {
        done: usize,
        total: usize,
        path: String,
    },
    /// These files' results are now durable in the library.
    ImportCommitted(Vec<ImportResult>),
    /// The import ended (completely, or cancelled: see `summary.cancelled`).
    ImportFinished(ImportSummary),
    BackedUp {
        to: PathBuf,
    },
    /// The request failed; the message names the file and the reason.
    Failed(String),
}

/// A reply with the id of the request it answers.
#[derive(Debug, Clone)]
pub struct Response {
    pub id: RequestId,
    pub reply: Reply,
}

type Wake = Arc<dyn Fn() + Send + Sync>;

struct Job {
    id: RequestId,
    request: Request,
    cancel: Arc<AtomicBool>,
}

/// The handle the app keeps: send requests, poll replies, cancel imports.
/// Dropping it cancels running work and waits for the threads to finish.
pub struct LibraryWorker {
    next_id: RequestId,
    writer: Option<mpsc::Sender<Job>>,
    reader: Option<mpsc::Sender<Job>>,
    replies: mpsc::Receiver<Response>,
    /// Lets the handle answer a request itself (when a thread has gone), in
    /// order with the threads' replies.
    loopback: mpsc::Sender<Response>,
    cancels: HashMap<RequestId, Arc<AtomicBool>>,
    threads: Vec<JoinHandle<()>>,
}

/// How often an import reports progress at most (a 5,000-file import would
/// otherwise send 5,000 messages and repaint for each).
const PROGRESS_INTERVAL: Duration = Duration::from_millis(33);

impl LibraryWorker {
    /// Starts the worker on the library at `path` (created if missing). The
    /// first reply, with id [`OPENED`], is [`Reply::Opened`] or
    /// [`Reply::Failed`] (a newer library, an unreadable file…).
    pub fn start(path: PathBuf, wake: impl Fn() + Send + Sync + 'static) -> LibraryWorker {
        let wake: Wake = Arc::new(wake);
        let (reply_tx, replies) = mpsc::channel();
        let (writer_tx, writer_rx) = mpsc::channel::<Job>();
        let (reader_tx, reader_rx) = mpsc::channel::<Job>();
        // The reader opens only after the writer has created or migrated the
        // library, so two connections never race to migrate it.
        let (opened_tx, opened_rx) = mpsc::channel::<bool>();
        let mut threads = Vec::new();

        let writer = {
            let (path, replies, wake) = (path.clone(), reply_tx.clone(), wake.clone());
            std::thread::Builder::new()
                .name("library-writer".into())
                .stack_size(isolate::PARSER_STACK_BYTES)
                .spawn(move || {
                    let library = match Library::open(&path) {
                        Ok(library) => library,
                        Err(e) => {
                            let _ = opened_tx.send(false);
                            send(&replies, &wake, OPENED, Reply::Failed(e.to_string()));
                            refuse(writer_rx, &replies, &wake);
                            return;
                        }
                    };
                    let counts = library.counts();
                    let _ = opened_tx.send(true);
                    match counts {
                        Ok(counts) => send(&replies, &wake, OPENED, Reply::Opened { path, counts }),
                        Err(e) => send(&replies, &wake, OPENED, Reply::Failed(e.to_string())),
                    }
                    serve(library, writer_rx, &replies, &wake);
                })
        };
        let reader = {
            let (replies, wake) = (reply_tx.clone(), wake.clone());
            std::thread::Builder::new()
                .name("library-reader".into())
                .spawn(move || {
                    if opened_rx.recv() != Ok(true) {
                        // The writer has reported why.
                        refuse(reader_rx, &replies, &wake);
                        return;
                    }
                    match Library::open(&path) {
                        Ok(library) => serve(library, reader_rx, &replies, &wake),
                        Err(e) => {
                            send(&replies, &wake, OPENED, Reply::Failed(e.to_string()));
                            refuse(reader_rx, &replies, &wake);
                        }
                    }
                })
        };
        for spawned in [writer, reader] {
            match spawned {
                Ok(handle) => threads.push(handle),
                Err(e) => {
                    let _ = reply_tx.send(Response {
                        id: OPENED,
                        reply: Reply::Failed(format!("cannot start the library worker: {e}")),
                    });
                }
            }
        }
        LibraryWorker {
            next_id: OPENED + 1,
            writer: Some(writer_tx),
            reader: Some(reader_tx),
            replies,
            loopback: reply_tx,
            cancels: HashMap::new(),
            threads,
        }
    }

    /// Sends a request; its replies will carry the returned id.
    pub fn request(&mut self, request: Request) -> RequestId {
        let id = self.next_id;
        self.next_id += 1;
        let cancel = Arc::new(AtomicBool::new(false));
        let queue = if request.is_write() {
            self.cancels.insert(id, cancel.clone());
            &self.writer
        } else {
            &self.reader
        };
        let job = Job {
            id,
            request,
            cancel,
        };
        let sent = queue.as_ref().is_some_and(|q| q.send(job).is_ok());
        if !sent {
            // The thread has gone (the library failed to open): answer here,
            // through the same channel, so the error is shown like any other.
            self.cancels.remove(&id);
            let _ = self.loopback.send(Response {
                id,
                reply: Reply::Failed("the library is not open".into()),
            });
        }
        id
    }

    /// Asks the import or backup `id` to stop. Files already committed stay.
    pub fn cancel(&self, id: RequestId) {
        if let Some(flag) = self.cancels.get(&id) {
            flag.store(true, Ordering::Relaxed);
        }
    }

    /// The replies that have arrived, oldest first. Never blocks.
    pub fn poll(&mut self) -> Vec<Response> {
        let responses: Vec<Response> = self.replies.try_iter().collect();
        for response in &responses {
            if response.reply.ends_request() {
                self.cancels.remove(&response.id);
            }
        }
        responses
    }

    /// Waits up to `timeout` for the final reply to `id`, dropping other
    /// replies. For the CLI, tests and scripts; the app polls instead.
    pub fn wait_for(&mut self, id: RequestId, timeout: Duration) -> Option<Reply> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let response = self.replies.recv_timeout(left).ok()?;
            if response.reply.ends_request() {
                self.cancels.remove(&response.id);
            }
            if response.id == id && response.reply.ends_request() {
                return Some(response.reply);
            }
        }
    }
}

impl Reply {
    /// Whether this is the last reply to its request.
    pub fn ends_request(&self) -> bool {
        !matches!(
            self,
            Reply::ImportProgress { .. } | Reply::ImportCommitted(_)
        )
    }
}

impl Drop for LibraryWorker {
    fn drop(&mut self) {
        for flag in self.cancels.values() {
            flag.store(true, Ordering::Relaxed);
        }
        self.writer = None;
        self.reader = None;
        for handle in self.threads.drain(..) {
            let _ = handle.join();
        }
    }
}

fn send(replies: &mpsc::Sender<Response>, wake: &Wake, id: RequestId, reply: Reply) {
    // The owner may have gone (the app is closing): nothing left to tell.
    let _ = replies.send(Response { id, reply });
    wake();
}

/// Answers every job with "not open" until the handle is dropped: a thread
/// whose library failed to open stays to answer, so no request goes unanswered
/// (a job sent just as the thread quit would otherwise be lost).
fn refuse(jobs: mpsc::Receiver<Job>, replies: &mpsc::Sender<Response>, wake: &Wake) {
    for job in jobs {
        send(
            replies,
            wake,
            job.id,
            Reply::Failed("the library is not open".into()),
        );
    }
}

/// Answers jobs until the handle is dropped. A panic in one job is caught and
/// reported; the next job runs on the same connection.
fn serve(
    mut library: Library,
    jobs: mpsc::Receiver<Job>,
    replies: &mpsc::Sender<Response>,
    wake: &Wake,
) {
    for job in jobs {
        let what = job.request.describe();
        let outcome = isolate::catch(|| answer(&mut library, &job, replies, wake));
        let reply = match outcome {
            Ok(Ok(reply)) => reply,
            Ok(Err(e)) => Reply::Failed(e.to_string()),
            Err(panic) => Reply::Failed(format!(
                "an internal error stopped {what} ({panic}); the library keeps everything committed before it"
            )),
        };
        send(replies, wake, job.id, reply);
    }
}

/// Why a request failed; the message is what the user reads.
#[derive(Debug, thiserror::Error)]
enum WorkerError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error("{path}: cannot write the report ({reason})")]
    Report { path: String, reason: String },
}

fn answer(
    library: &mut Library,
    job: &Job,
    replies: &mpsc::Sender<Response>,
    wake: &Wake,
) -> Result<Reply, WorkerError> {
    Ok(match &job.request {
        Request::Counts => Reply::Counts(library.counts()?),
        Request::Articles(query) => Reply::Articles(library.articles(query)?),
        Request::ArticleBody { article_id } => Reply::ArticleBody {
            article_id: *article_id,
            body: library.article_body(*article_id)?,
        },
        Request::Statements(query) => Reply::Statements(library.statements(query)?),
        Request::Speakers => Reply::Speakers(library.speakers()?),
        Request::Search { query, limit } => Reply::Search(library.search(query, *limit)?),
        Request::Statement { id } => Reply::Statement(library.statement(*id)?),
        Request::StatementsOnTopic { speaker, topic } => {
            Reply::Statements(library.statements_on_topic(speaker.as_deref(), topic.as_deref())?)
        }
        Request::RankedPairs {
            speaker_a,
            speaker_b,
            topic,
            limit,
        } => Reply::RankedPairs(library.ranked_pairs(
            speaker_a,
            speaker_b,
            topic.as_deref(),
            *limit,
        )?),
        Request::SuggestedTopics { speakers, limit } => {
            Reply::SuggestedTopics(library.suggested_topics(speakers, *limit)?)
        }
        Request::SavedTopics => Reply::SavedTopics(library.saved_topics()?),
        Request::SaveTopic { name, query } => {
            library.save_topic(name, query)?;
            Reply::SavedTopics(library.saved_topics()?)
        }
        Request::MergeSpeakers { from, into } => {
            library.merge_speakers(from, into)?;
            Reply::Edited(format!("{from} merged into {into}"))
        }
        Request::CorrectSpeaker {
            statement_id,
            speaker,
        } => {
            library.correct_speaker(*statement_id, speaker)?;
            Reply::Edited(format!(
                "statement {statement_id} now credited to {speaker}"
            ))
        }
        Request::RemoveStatement { statement_id } => {
            library.remove_statement(*statement_id)?;
            Reply::Edited(format!("statement {statement_id} is no longer a statement"))
        }
        Request::SessionStatements { ids } => Reply::SessionStatements(
            ids.iter()
                .map(|&id| library.session_statement(id))
                .collect::<Result<_, _>>()?,
        ),
        Request::SaveSession(session) => {
            library.save_session(session)?;
            Reply::SessionSaved {
                name: session.name.clone(),
            }
        }
        Request::Sessions => Reply::Sessions(library.sessions()?),
        Request::LoadSession { name } => Reply::Session(Some(library.load_session(name)?)),
        Request::LastSession => Reply::Session(library.last_session()?),
        Request::WriteSessionFile { path, session } => {
            session::write_file(path, session)?;
            Reply::Wrote { path: path.clone() }
        }
        Request::OpenSessionFile { path } => {
            let session = session::read_file(path)?;
            Reply::Session(Some(library.import_session(session)?))
        }
        Request::ExportReport { path, session } => {
            let markdown = path.extension().is_some_and(|e| {
                e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown")
            });
            let text = if markdown {
                crate::report::markdown(session)
            } else {
                crate::report::html(session)
            };
            crate::atomic::write(path, text.as_bytes()).map_err(|e| WorkerError::Report {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
            Reply::Wrote { path: path.clone() }
        }
        #[cfg(test)]
        Request::Crash => panic!("a bug in a request"),
        Request::Import { paths } => {
            let (inputs, failures, skipped) = import::collect_inputs(paths);
            let mut on_event = progress_reporter(job.id, replies, wake);
            let mut summary = import::import(library, inputs, &job.cancel, &mut on_event)?;
            if !failures.is_empty() {
                for failure in &failures {
                    summary.add(failure);
                }
                send(replies, wake, job.id, Reply::ImportCommitted(failures));
            }
            summary.skipped += skipped;
            Reply::ImportFinished(summary)
        }
        Request::ImportSamples => {
            let mut on_event = progress_reporter(job.id, replies, wake);
            Reply::ImportFinished(import::import_samples(library, &mut on_event)?)
        }
        Request::Backup { to } => {
            library.backup(to)?;
            Reply::BackedUp { to: to.clone() }
        }
    })
}

/// Turns import events into replies, sending progress at most every
/// [`PROGRESS_INTERVAL`] (and always the last step).
fn progress_reporter<'a>(
    id: RequestId,
    replies: &'a mpsc::Sender<Response>,
    wake: &'a Wake,
) -> impl FnMut(ImportEvent) + 'a {
    let mut last_sent: Option<Instant> = None;
    move |event| match event {
        ImportEvent::Started { total } => send(
            replies,
            wake,
            id,
            Reply::ImportProgress {
                done: 0,
                total,
                path: String::new(),
            },
        ),
        ImportEvent::Progress { done, total, path } => {
            if done == total || last_sent.is_none_or(|t| t.elapsed() >= PROGRESS_INTERVAL) {
                last_sent = Some(Instant::now());
                send(
                    replies,
                    wake,
                    id,
                    Reply::ImportProgress { done, total, path },
                );
            }
        }
        ImportEvent::Committed(results) => send(replies, wake, id, Reply::ImportCommitted(results)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PATIENCE: Duration = Duration::from_secs(60);

    fn started(dir: &tempfile::TempDir) -> LibraryWorker {
        let mut worker = LibraryWorker::start(dir.path().join("library.sqlite3"), || {});
        match worker.wait_for(OPENED, PATIENCE) {
            Some(Reply::Opened { counts, .. }) => assert_eq!(counts.articles, 0),
            other => panic!("expected the library to open, got {other:?}"),
        }
        worker
    }

    #[test]
    fn imports_report_progress_then_results_then_totals_and_reads_see_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut worker = started(&dir);
        let id = worker.request(Request::ImportSamples);
        let mut progress = Vec::new();
        let mut committed = 0;
        let summary = loop {
            let response = worker.replies.recv_timeout(PATIENCE).unwrap();
            assert_eq!(response.id, id);
            match response.reply {
                Reply::ImportProgress { done, total, .. } => progress.push((done, total)),
                Reply::ImportCommitted(results) => committed += results.len(),
                Reply::ImportFinished(summary) => break summary,
                other => panic!("unexpected {other:?}"),
            }
        };
        let total = crate::samples::SAMPLES.len();
        assert_eq!(progress.first(), Some(&(0, total)));
        assert_eq!(progress.last(), Some(&(total, total)));
        assert!(progress.windows(2).all(|w| w[0].0 <= w[1].0));
        assert!(!summary.cancelled);
        assert!(summary.failed.is_empty(), "{:?}", summary.failed);
        assert_eq!(committed, summary.imported + summary.duplicates);
        assert!(summary.imported >= total);

        let id = worker.request(Request::Articles(ArticleQuery::default()));
        let Some(Reply::Articles(articles)) = worker.wait_for(id, PATIENCE) else {
            panic!("no article list")
        };
        assert_eq!(articles.len(), summary.imported);
        let id = worker.request(Request::ArticleBody {
            article_id: articles[0].id,
        });
        match worker.wait_for(id, PATIENCE) {
            Some(Reply::ArticleBody { article_id, body }) => {
                assert_eq!(article_id, articles[0].id);
                assert!(!body.is_empty());
            }
            other => panic!("expected the body, got {other:?}"),
        }
    }

    #[test]
    fn a_queued_import_cancelled_before_it_starts_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut worker = started(&dir);
        let write_clips = |name: &str, n: usize| {
            let folder = dir.path().join(name);
            std::fs::create_dir(&folder).unwrap();
            for i in 0..n {
                std::fs::write(
                    folder.join(format!("clip{i}.txt")),
                    format!("{name} {i}\n\n“We are concerned about item {i} of {name},” the spokesperson said."),
                )
                .unwrap();
            }
            folder
        };
        let (long, short) = (write_clips("long", 400), write_clips("short", 20));
        let first = worker.request(Request::Import { paths: vec![long] });
        let second = worker.request(Request::Import { paths: vec![short] });
        // The writer is busy with 400 files, so the second import is still queued.
        worker.cancel(second);
        let imported_first = match worker.wait_for(first, PATIENCE) {
            Some(Reply::ImportFinished(s)) if !s.cancelled => s.imported,
            other => panic!("expected the first import to finish, got {other:?}"),
        };
        match worker.wait_for(second, PATIENCE) {
            Some(Reply::ImportFinished(summary)) => {
                assert!(summary.cancelled);
                assert_eq!(summary.imported, 0);
            }
            other => panic!("expected a cancelled import, got {other:?}"),
        }
        let id = worker.request(Request::Counts);
        assert!(matches!(
            worker.wait_for(id, PATIENCE),
            Some(Reply::Counts(c)) if c.articles as usize == imported_first
        ));
    }

    #[test]
    fn a_panic_in_a_request_is_reported_and_the_worker_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let mut worker = LibraryWorker::start(dir.path().join("l.sqlite3"), || {});
        let crash = worker.request(Request::Crash);
        match worker.wait_for(crash, Duration::from_secs(30)) {
            Some(Reply::Failed(message)) => {
                assert!(
                    message.contains("an internal error stopped crashing on purpose"),
                    "{message}"
                );
                assert!(message.contains("keeps everything committed"), "{message}");
            }
            other => panic!("expected the panic reported, got {other:?}"),
        }
        let counts = worker.request(Request::Counts);
        assert!(matches!(
            worker.wait_for(counts, Duration::from_secs(30)),
            Some(Reply::Counts(_))
        ));
    }

    #[test]
    fn failures_name_the_file_and_the_worker_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let mut worker = started(&dir);
        let missing = dir.path().join("no-such-folder");
        let id = worker.request(Request::Import {
            paths: vec![missing.clone()],
        });
        match worker.wait_for(id, PATIENCE) {
            Some(Reply::ImportFinished(summary)) => {
                assert_eq!(summary.failed.len(), 1);
                assert_eq!(summary.failed[0].path, missing.display().to_string());
            }
            other => panic!("expected a failed input, got {other:?}"),
        }
        let id = worker.request(Request::ArticleBody { article_id: 999 });
        assert!(matches!(
            worker.wait_for(id, PATIENCE),
            Some(Reply::Failed(message)) if message.contains("999")
        ));
        let id = worker.request(Request::Counts);
        assert!(matches!(
            worker.wait_for(id, PATIENCE),
            Some(Reply::Counts(_))
        ));
    }

    #[test]
    fn a_library_that_cannot_open_is_reported_once_and_requests_fail_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newer.sqlite3");
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", 999).unwrap();
        }
        let mut worker = LibraryWorker::start(path.clone(), || {});
        match worker.wait_for(OPENED, PATIENCE) {
            Some(Reply::Failed(message)) => {
                assert!(message.contains(&path.display().to_string()), "{message}");
                assert!(message.contains("newer"), "{message}");
            }
            other => panic!("expected the newer library to be refused, got {other:?}"),
        }
        let id = worker.request(Request::Counts);
        assert!(matches!(
            worker.wait_for(id, PATIENCE),
            Some(Reply::Failed(message)) if message.contains("not open")
        ));
        drop(worker);
        let conn = rusqlite::Connection::open(&path).unwrap();
        let version: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, 999, "the newer library was left untouched");
    }

    #[test]
    fn every_reply_wakes_the_owner() {
        let dir = tempfile::tempdir().unwrap();
        let wakes = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = wakes.clone();
        let mut worker = LibraryWorker::start(dir.path().join("library.sqlite3"), move || {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        assert!(worker.wait_for(OPENED, PATIENCE).is_some());
        let id = worker.request(Request::Speakers);
        assert!(matches!(worker.wait_for(id, PATIENCE), Some(Reply::Speakers(s)) if s.is_empty()));
        // The wake follows the send (so a repaint never misses its reply):
        // give the worker's thread its moment.
        let deadline = Instant::now() + PATIENCE;
        while wakes.load(Ordering::SeqCst) < 2 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(wakes.load(Ordering::SeqCst), 2);
    }
}
