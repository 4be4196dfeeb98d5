//! The import pipeline: files and folders → parsed, extracted, stored.
//!
//! ```text
//!  paths ─walk─▶ inputs ─┬─ worker: read ▸ ingest ▸ extract (isolated) ──┐
//!                        ├─ worker: …                                    ├─▶ writer: in input order,
//!                        └─ (the writer itself, whenever the next file   │   each file atomic,
//!                            to write is not ready yet)                  ┘   commit per batch,
//!                                                                            events to the callback
//! ```
//!
//! Parsing and extraction run on worker threads (one per spare core), each
//! parser call isolated from panics. The writer owns the library and writes
//! in input order; when the next file is not ready it parses one itself
//! rather than wait, so on two cores both stay busy. All of them run on
//! threads with a parser-sized stack (the callback is called on the
//! writer's, hence `Send`); the calling thread waits. Results are reported
//! only once their batch is committed, so "done" always means durable.
//! Cancelling stops taking new files and commits what is written.

use crate::extract;
use crate::ingest::{self, IngestError, MAX_FILE_BYTES};
use crate::isolate;
use crate::model::{Document, ExtractedStatement, ImportOutcome, ImportResult, ImportSummary};
use crate::store::{Added, Library, StoreError};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// One thing to import: a file on disk, or bytes already in memory (the
/// bundled samples), with metadata to use where the file has none.
#[derive(Debug, Clone)]
pub struct Input {
    /// Shown in results; for files, the path to read.
    pub path: PathBuf,
    /// The content, when it is not to be read from `path`.
    pub bytes: Option<Vec<u8>>,
    pub default_outlet: Option<String>,
    pub default_date: Option<String>,
}

impl Input {
    pub fn file(path: impl Into<PathBuf>) -> Input {
        Input {
            path: path.into(),
            bytes: None,
            default_outlet: None,
            default_date: None,
        }
    }
}

/// What an import reports while it runs.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportEvent {
    /// The inputs are known: `total` files will be processed.
    Started { total: usize },
    /// A file was processed (not yet committed).
    Progress {
        done: usize,
        total: usize,
        path: String,
    },
    /// These results are now durable in the library.
    Committed(Vec<ImportResult>),
}

/// Files a worker (or the writer) parses before extracting them, unless
/// parsing them takes longer than `RUN_TIME` (big files: progress and
/// commits must not wait long).
const RUN_FILES: usize = 64;
const RUN_TIME: Duration = Duration::from_millis(20);

/// Files a worker hands to the writer at once, unless a slow file makes
/// the first of them wait longer than `SEND_DELAY`.
const SEND_BATCH: usize = 16;
const SEND_DELAY: Duration = Duration::from_millis(50);

/// Files written per transaction. Bigger batches are faster (one FTS5
/// segment per commit, fewer to merge: 1,024 instead of 256, together with
/// the indexes' 8 MiB memory of schema V5, took 3% fewer instructions for
/// the benchmark corpus); smaller ones lose less on a crash.
const BATCH_FILES: usize = 1024;
/// …but commit at least this often, so progress on slow files is durable.
const BATCH_TIME: Duration = Duration::from_secs(2);

/// Expands folders (recursively, hidden entries and unsupported types
/// skipped) into the files to import. Missing paths become failures.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<ImportResult>, usize) {
    let mut inputs = Vec::new();
    let mut failures = Vec::new();
    let mut skipped = 0;
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut inputs, &mut failures, &mut skipped),
            Ok(_) => inputs.push(Input::file(path)),
            Err(e) => failures.push(failed(path, describe_io(&e))),
        }
    }
    (inputs, failures, skipped)
}

fn walk(
    dir: &Path,
    inputs: &mut Vec<Input>,
    failures: &mut Vec<ImportResult>,
    skipped: &mut usize,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            failures.push(failed(dir, describe_io(&e)));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            *skipped += 1;
            continue;
        }
        match entry.file_type() {
            // Symlinked folders are not followed: they can loop.
            Ok(t) if t.is_dir() => walk(&path, inputs, failures, skipped),
            Ok(_) if ingest::Format::from_path(&path).is_some() => inputs.push(Input::file(path)),
            _ => *skipped += 1,
        }
    }
}

fn failed(path: &Path, error: String) -> ImportResult {
    ImportResult {
        path: path.display().to_string(),
        part: None,
        outcome: ImportOutcome::Failed { error },
    }
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// A parsed, extracted document ready to be written.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub doc: Document,
    pub statements: Vec<ExtractedStatement>,
}

/// One part of a file that could not be parsed: which part, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartFailure {
    pub part: Option<String>,
    pub error: String,
}

/// What one input yields: its parts, or why the whole file failed.
pub type Processed = Result<Vec<Result<Prepared, PartFailure>>, String>;

/// Reads, parses and extracts one input. Never panics: parser panics become
/// errors naming the parser.
pub fn process(input: &Input) -> Processed {
    extract_parts(input, parse(input))
}

/// A file's parts as parsed, before extraction.
type Parsed = Result<Vec<Result<Document, PartFailure>>, String>;

/// The first half of [`process`]: read and parse, panics isolated.
fn parse(input: &Input) -> Parsed {
    let bytes = match &input.bytes {
        Some(bytes) => std::borrow::Cow::Borrowed(bytes.as_slice()),
        None => std::borrow::Cow::Owned(read_limited(&input.path)?),
    };
    let format = ingest::Format::from_path(&input.path);
    let parts = isolate::catch(|| ingest::ingest(&input.path, &bytes))
        .map_err(|_| {
            IngestError::Crashed {
                format: format.map_or("file", ingest::Format::name),
            }
            .to_string()
        })?
        .map_err(|e| e.to_string())?;
    Ok(parts
        .into_iter()
        .map(|part| {
            part.map_err(|e| PartFailure {
                part: Some(e.part),
                error: e.error.to_string(),
            })
        })
        .collect())
}

/// The second half of [`process`]: the input's defaults, then extraction,
/// panics isolated.
fn extract_parts(input: &Input, parsed: Parsed) -> Processed {
    Ok(parsed?
        .into_iter()
        .map(|part| {
            let mut doc = part?;
            doc.outlet = doc.outlet.or_else(|| input.default_outlet.clone());
            doc.published = doc.published.or_else(|| input.default_date.clone());
            let found = isolate::catch(|| extract::extract(&doc)).map_err(|_| PartFailure {
                part: doc.part.clone(),
                error: "the statement extractor failed on this text".to_string(),
            })?;
            doc.published = doc.published.or(found.date);
            Ok(Prepared {
                doc,
                statements: found.statements,
            })
        })
        .collect())
}

fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| describe_io(&e))?;
    let size = file.metadata().map_err(|e| describe_io(&e))?.len();
    if size > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        }
        .to_string());
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::Io(e.to_string()).to_string())?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        }
        .to_string());
    }
    Ok(bytes)
}

/// Imports `inputs` into `library`. `cancel` may be set from another thread;
/// files already written are kept. Returns the totals; per-file results go
/// to `on_event` as [`ImportEvent::Committed`].
pub fn import(
    library: &mut Library,
    inputs: Vec<Input>,
    cancel: &AtomicBool,
    on_event: &mut (dyn FnMut(ImportEvent) + Send),
) -> Result<ImportSummary, StoreError> {
    let total = inputs.len();
    on_event(ImportEvent::Started { total });
    let mut summary = ImportSummary::default();
    if total == 0 {
        return Ok(summary);
    }
    // One core is the writer's; the others parse and extract (and the
    // writer parses too when it would otherwise wait).
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let workers = cores.saturating_sub(1).clamp(1, 8).min(total);
    let next = AtomicUsize::new(0);
    // Claims inputs and processes them as a run: parsed one by one until the
    // run is full (or has taken RUN_TIME), then all extracted. Alternating
    // parsing and extraction file by file kept neither's code and data warm
    // in the caches: a run of 64 processed the corpus in 10% less time than
    // file by file (measured). Empty when all are claimed or the import is
    // cancelled.
    let take_next = || -> Vec<(usize, String, Processed)> {
        let started = Instant::now();
        let mut run = Vec::with_capacity(RUN_FILES);
        // The first input is always claimed: an empty run must mean "all
        // claimed or cancelled", never "this thread was descheduled".
        while run.len() < RUN_FILES && (run.is_empty() || started.elapsed() < RUN_TIME) {
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(input) = inputs.get(i) else { break };
            run.push((i, input, parse(input)));
        }
        run.into_iter()
            .map(|(i, input, parsed)| {
                (
                    i,
                    input.path.display().to_string(),
                    extract_parts(input, parsed),
                )
            })
            .collect()
    };
    let (tx, rx) = mpsc::sync_channel::<Vec<(usize, String, Processed)>>(64);

    std::thread::scope(|scope| -> Result<(), StoreError> {
        let spawn_error = |e: std::io::Error| StoreError::Open {
            path: "import".into(),
            reason: format!("cannot start a thread: {e}"),
        };
        for _ in 0..workers {
            let tx = tx.clone();
            let take_next = &take_next;
            std::thread::Builder::new()
                .name("import-worker".into())
                .stack_size(isolate::PARSER_STACK_BYTES)
                .spawn_scoped(scope, move || {
                    // Results go to the writer a few at a time: one message
                    // (and one wake-up) per file cost a tenth of an import.
                    let mut batch = Vec::with_capacity(SEND_BATCH);
                    let mut batch_started = Instant::now();
                    loop {
                        let results = take_next();
                        if results.is_empty() {
                            break;
                        }
                        if batch.is_empty() {
                            batch_started = Instant::now();
                        }
                        batch.extend(results);
                        if (batch.len() >= SEND_BATCH || batch_started.elapsed() >= SEND_DELAY)
                            && tx.send(std::mem::take(&mut batch)).is_err()
                        {
                            return;
                        }
                    }
                    if !batch.is_empty() {
                        let _ = tx.send(batch);
                    }
                })
                .map_err(spawn_error)?;
        }
        drop(tx);
        let take_next = &take_next;
        let writer = std::thread::Builder::new()
            .name("import-writer".into())
            .stack_size(isolate::PARSER_STACK_BYTES)
            .spawn_scoped(scope, move || {
                let mut summary = ImportSummary::default();
                let done = write_in_order(
                    library,
                    rx,
                    take_next,
                    total,
                    cancel,
                    on_event,
                    &mut summary,
                )?;
                summary.cancelled = done < total;
                Ok::<_, StoreError>(summary)
            })
            .map_err(spawn_error)?;
        summary = match writer.join() {
            Ok(result) => result?,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        Ok(())
    })?;
    Ok(summary)
}

/// Writes results in input order. When the next one is not ready, the
/// writer takes an input itself (`take_next`) instead of waiting.
fn write_in_order(
    library: &mut Library,
    rx: mpsc::Receiver<Vec<(usize, String, Processed)>>,
    take_next: &dyn Fn() -> Vec<(usize, String, Processed)>,
    total: usize,
    cancel: &AtomicBool,
    on_event: &mut dyn FnMut(ImportEvent),
    summary: &mut ImportSummary,
) -> Result<usize, StoreError> {
    let mut pending: BTreeMap<usize, (String, Processed)> = BTreeMap::new();
    let mut next_index = 0;
    let mut done = 0;
    let mut writer = library.writer()?;
    let mut batch: Vec<ImportResult> = Vec::new();
    let mut batch_files = 0;
    let mut batch_started = Instant::now();
    let receive = |results: Vec<(usize, String, Processed)>,
                   pending: &mut BTreeMap<usize, (String, Processed)>| {
        pending.extend(
            results
                .into_iter()
                .map(|(index, path, processed)| (index, (path, processed))),
        );
    };

    loop {
        while !cancel.load(Ordering::Relaxed)
            && let Some((path, processed)) = pending.remove(&next_index)
        {
            next_index += 1;
            done += 1;
            on_event(ImportEvent::Progress {
                done,
                total,
                path: path.clone(),
            });
            write_one(&mut writer, path, processed, &mut batch);
            batch_files += 1;
            if batch_files >= BATCH_FILES || batch_started.elapsed() >= BATCH_TIME {
                writer.commit()?;
                flush(&mut batch, summary, on_event);
                writer = library.writer()?;
                batch_files = 0;
                batch_started = Instant::now();
            }
        }
        if next_index == total || cancel.load(Ordering::Relaxed) {
            break;
        }
        // The next file is still being parsed: take what the workers have
        // sent, else parse one here, else wait for them.
        match rx.try_recv() {
            Ok(results) => receive(results, &mut pending),
            Err(mpsc::TryRecvError::Disconnected) => break,
            Err(mpsc::TryRecvError::Empty) => {
                let taken = take_next();
                if taken.is_empty() {
                    match rx.recv() {
                        Ok(results) => receive(results, &mut pending),
                        Err(_) => break,
                    }
                } else {
                    receive(taken, &mut pending);
                }
            }
        }
    }
    writer.commit()?;
    flush(&mut batch, summary, on_event);
    Ok(done)
}

fn write_one(
    writer: &mut crate::store::ImportWriter<'_>,
    path: String,
    processed: Processed,
    batch: &mut Vec<ImportResult>,
) {
    let result = |part: Option<String>, outcome| ImportResult {
        path: path.clone(),
        part,
        outcome,
    };
    match processed {
        Err(error) => batch.push(result(None, ImportOutcome::Failed { error })),
        Ok(parts) => {
            for part in parts {
                match part {
                    Err(PartFailure { part, error }) => {
                        batch.push(result(part, ImportOutcome::Failed { error }))
                    }
                    Ok(prepared) => {
                        let outcome =
                            match writer.add(&prepared.doc, Some(&path), &prepared.statements) {
                                Ok(Added::Imported {
                                    article_id,
                                    statements,
                                }) => ImportOutcome::Imported {
                                    article_id,
                                    title: prepared.doc.title.clone(),
                                    statements,
                                },
                                Ok(Added::Duplicate { article_id }) => {
                                    ImportOutcome::Duplicate { article_id }
                                }
                                Err(e) => ImportOutcome::Failed {
                                    error: format!("could not be stored: {e}"),
                                },
                            };
                        batch.push(result(prepared.doc.part.clone(), outcome));
                    }
                }
            }
        }
    }
}

fn flush(
    batch: &mut Vec<ImportResult>,
    summary: &mut ImportSummary,
    on_event: &mut dyn FnMut(ImportEvent),
) {
    if batch.is_empty() {
        return;
    }
    for result in batch.iter() {
        summary.add(result);
    }
    on_event(ImportEvent::Committed(std::mem::take(batch)));
}

/// Imports the sample library bundled in the binary (see build.rs).
pub fn import_samples(
    library: &mut Library,
    on_event: &mut (dyn FnMut(ImportEvent) + Send),
) -> Result<ImportSummary, StoreError> {
    let inputs = crate::samples::SAMPLES
        .iter()
        .map(|s| Input {
            path: PathBuf::from(format!("samples/{}", s.file)),
            bytes: Some(s.bytes.to_vec()),
            default_outlet: s.outlet.map(str::to_string),
            default_date: s.date.map(str::to_string),
        })
        .collect();
    import(library, inputs, &AtomicBool::new(false), on_event)
}

/// Extracts the statements of stored articles again (all of them, or those
/// given), replaying the user's corrections. Returns the number of articles
/// done; `on_progress` gets (done, total).
pub fn reextract(
    library: &mut Library,
    articles: Option<Vec<i64>>,
    cancel: &AtomicBool,
    on_progress: &mut dyn FnMut(usize, usize),
) -> Result<usize, StoreError> {
    let ids = match articles {
        Some(ids) => ids,
        None => library.article_ids()?,
    };
    for (done, &id) in ids.iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            return Ok(done);
        }
        let (body, published) = library.article_source(id)?;
        let found = isolate::catch(|| extract::extract_body(&body, published.as_deref())).map_err(
            |_| StoreError::Invalid(format!("the statement extractor failed on article {id}")),
        )?;
        library.replace_statements(id, &found.statements)?;
        on_progress(done + 1, ids.len());
    }
    Ok(ids.len())
}
