//! Import throughput on the generated benchmark corpus, beside its floor.
//!
//! * `pipeline` — the full import: read, parse (txt/html/md), extract,
//!   store and index, exactly as `onrecord import DIR` does;
//! * `floor` — the same article bodies inserted into a bare SQLite table with
//!   an FTS5 index: no reading, no parsing, no extraction (SQLite's default
//!   settings; `floor_16k_pages` with the library's page size);
//! * `extract_one_core` — statement extraction alone, on one thread.
//!
//! The corpus is `python3 ../shared/bench/gen_corpus.py DIR --articles 5000
//! --formats txt,html,md`, generated once into target/bench-corpus (or taken
//! from `$ONRECORD_BENCH_CORPUS`). Run: `cargo bench --bench import`.

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use onrecord::import::{self, Input};
use onrecord::store::Library;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::sync::atomic::AtomicBool;

/// The binary's allocator (see src/main.rs): the benchmark measures the
/// import the app and the CLI run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ARTICLES: usize = 5000;

struct Corpus {
    files: Vec<PathBuf>,
    bytes: usize,
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let dir = match std::env::var_os("ONRECORD_BENCH_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => {
            let root = Path::new(env!("CARGO_MANIFEST_DIR"));
            let dir = root.join("target/bench-corpus");
            // Generated once; the marker says the generator finished.
            let complete = dir.join(".complete");
            if !complete.exists() {
                let script = root.join("../shared/bench/gen_corpus.py");
                let status = std::process::Command::new("python3")
                    .arg(&script)
                    .arg(&dir)
                    .args([
                        "--articles",
                        &ARTICLES.to_string(),
                        "--formats",
                        "txt,html,md",
                    ])
                    .status()
                    .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
                assert!(status.success(), "corpus generation failed");
                std::fs::write(&complete, b"").unwrap();
            }
            dir
        }
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .collect();
    files.sort();
    let bytes = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len() as usize)
        .sum();
    Corpus { files, bytes }
});

/// Parsed bodies, for the floor and the extractor bench.
static BODIES: LazyLock<Vec<(String, Option<String>)>> = LazyLock::new(|| {
    CORPUS
        .files
        .iter()
        .flat_map(|f| import::process(&Input::file(f)).unwrap())
        .map(|p| {
            let p = p.unwrap();
            (p.doc.body, p.doc.published)
        })
        .collect()
});

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn pipeline(bencher: Bencher) {
    let corpus = &*CORPUS;
    bencher
        .counter(ItemsCount::new(corpus.files.len()))
        .counter(BytesCount::new(corpus.bytes))
        .with_inputs(|| {
            let dir = tempfile::tempdir().unwrap();
            let library = Library::open(&dir.path().join("bench.sqlite3")).unwrap();
            (dir, library)
        })
        .bench_local_values(|(dir, mut library)| {
            let inputs = corpus.files.iter().map(Input::file).collect();
            let summary =
                import::import(&mut library, inputs, &AtomicBool::new(false), &mut |_| {}).unwrap();
            assert_eq!(summary.imported, corpus.files.len());
            (dir, library)
        });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn floor(bencher: Bencher) {
    bare_table_with_fts(bencher, None);
}

/// The floor with the library's page size (16 KiB), for comparison: the
/// library's own tuning is not part of the floor above.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn floor_16k_pages(bencher: Bencher) {
    bare_table_with_fts(bencher, Some(16384));
}

fn bare_table_with_fts(bencher: Bencher, page_size: Option<u32>) {
    let bodies = &*BODIES;
    let corpus = &*CORPUS;
    bencher
        .counter(ItemsCount::new(bodies.len()))
        .counter(BytesCount::new(corpus.bytes))
        .with_inputs(|| {
            let dir = tempfile::tempdir().unwrap();
            let conn = rusqlite::Connection::open(dir.path().join("floor.sqlite3")).unwrap();
            if let Some(size) = page_size {
                conn.pragma_update(None, "page_size", size).unwrap();
            }
            conn.execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
                 CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
                 CREATE VIRTUAL TABLE docs_fts USING fts5(body, content='docs', content_rowid='id');",
            )
            .unwrap();
            (dir, conn)
        })
        .bench_local_values(|(dir, mut conn)| {
            // The same batching as the pipeline: 256 articles per transaction.
            for chunk in bodies.chunks(256) {
                let tx = conn.transaction().unwrap();
                {
                    let mut insert = tx.prepare_cached("INSERT INTO docs (body) VALUES (?1)").unwrap();
                    let mut index = tx.prepare_cached("INSERT INTO docs_fts (rowid, body) VALUES (?1, ?2)").unwrap();
                    for (body, _) in chunk {
                        insert.execute([body]).unwrap();
                        index.execute(rusqlite::params![tx.last_insert_rowid(), body]).unwrap();
                    }
                }
                tx.commit().unwrap();
            }
            (dir, conn)
        });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn extract_one_core(bencher: Bencher) {
    let bodies = &*BODIES;
    let bytes: usize = bodies.iter().map(|(b, _)| b.len()).sum();
    bencher
        .counter(ItemsCount::new(bodies.len()))
        .counter(BytesCount::new(bytes))
        .bench_local(|| {
            for (body, date) in bodies {
                black_box(onrecord::extract::extract_body(body, date.as_deref()));
            }
        });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn ingest_one_core(bencher: Bencher) {
    let corpus = &*CORPUS;
    let files: Vec<(PathBuf, Vec<u8>)> = corpus
        .files
        .iter()
        .map(|f| (f.clone(), std::fs::read(f).unwrap()))
        .collect();
    bencher
        .counter(ItemsCount::new(files.len()))
        .counter(BytesCount::new(corpus.bytes))
        .bench_local(|| {
            for (path, bytes) in &files {
                black_box(onrecord::ingest::ingest(path, bytes).unwrap());
            }
        });
}

/// Parsed and extracted documents, for the store-only bench.
static PREPARED: LazyLock<Vec<import::Prepared>> = LazyLock::new(|| {
    CORPUS
        .files
        .iter()
        .flat_map(|f| import::process(&Input::file(f)).unwrap())
        .map(Result::unwrap)
        .collect()
});

#[divan::bench(sample_count = 5, sample_size = 1)]
fn store_only(bencher: Bencher) {
    let prepared = &*PREPARED;
    bencher
        .counter(ItemsCount::new(prepared.len()))
        .with_inputs(|| {
            let dir = tempfile::tempdir().unwrap();
            let library = Library::open(&dir.path().join("bench.sqlite3")).unwrap();
            (dir, library)
        })
        .bench_local_values(|(dir, mut library)| {
            for chunk in prepared.chunks(256) {
                let mut writer = library.writer().unwrap();
                for p in chunk {
                    writer.add(&p.doc, Some("bench"), &p.statements).unwrap();
                }
                writer.commit().unwrap();
            }
            (dir, library)
        });
}

/// A 5 MB briefing transcript: the extractor must stay linear in its input.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn extract_5mb_transcript(bencher: Bencher) {
    let mut body = String::from(
        "Department Press Briefing – Matthew Miller, Spokesperson\nMarch 12, 2024\n\n",
    );
    let mut turn = 0;
    while body.len() < 5_000_000 {
        turn += 1;
        body.push_str(&format!(
            "QUESTION: Matt, on Pakistan, question {turn}: is the “strategic pause” over, as officials said?\n\n\
             MR MILLER: We remain concerned about the rise in attacks, and we have a shared interest in combating threats to regional security. \
             As the Secretary said on Tuesday, “we will continue to work with the Government of Pakistan.”\n\n\
             We have made that clear at every level, and we will keep making it clear.\n\n"
        ));
    }
    bencher
        .counter(BytesCount::new(body.len()))
        .bench_local(|| {
            let found = onrecord::extract::extract_body(black_box(&body), Some("2024-03-12"));
            assert_eq!(found.statements.len(), turn);
        });
}
