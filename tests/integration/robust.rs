//! Nothing lost, nothing crashes: imports killed at random moments, two
//! processes on one library at once.

use onrecord::store::{Library, StatementQuery};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A small deterministic generator (the trials must be repeatable).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// `n` synthetic articles, each with two attributed quotations.
fn corpus(dir: &Path, n: usize) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    (0..n)
        .map(|i| {
            let path = dir.join(format!("article-{i:04}.txt"));
            let body = format!(
                "Talks, round {i}\n\nWASHINGTON, March {day}, 2024 — Officials met for round {i} of the talks.\n\n\
                 “We are concerned about round {i} and we will keep working with our partners,” \
                 State Department spokesperson Matthew Miller said.\n\n\
                 “Round {i} has been productive,” Foreign Office spokesperson Mumtaz Zahra Baloch told reporters.\n",
                day = 1 + i % 28
            );
            std::fs::write(&path, body).unwrap();
            path
        })
        .collect()
}

fn import_command(db: &Path, dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_onrecord"));
    command
        .args(["--db"])
        .arg(db)
        .arg("import")
        .arg(dir)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    command
}

/// What the import says is done: path → statements.
fn reported(line: &str) -> Option<(String, usize)> {
    let rest = line.strip_prefix("imported   ")?;
    let (path, tail) = rest.split_once(" — ")?;
    let count = tail
        .rsplit_once('(')?
        .1
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some((path.to_string(), count))
}

/// Reads the child's report until it is killed after `after`.
fn run_and_kill(mut child: Child, after: Duration) -> BTreeMap<String, usize> {
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .filter_map(|l| reported(&l))
            .collect::<BTreeMap<_, _>>()
    });
    let started = Instant::now();
    while started.elapsed() < after {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let _ = child.kill(); // SIGKILL on Unix
    let _ = child.wait();
    reader.join().unwrap()
}

/// SQLite's integrity check, then FTS5's check that both full-text indexes
/// (once created) match their tables exactly ("ok" when all pass).
fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    let pages: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    if pages != "ok" {
        return pages;
    }
    for index in ["articles_fts", "statements_fts"] {
        // Killed before the schema was created: nothing to check.
        let exists: bool = conn
            .query_row(
                "SELECT count(*) > 0 FROM sqlite_master WHERE name = ?1",
                [index],
                |r| r.get(0),
            )
            .unwrap();
        if !exists {
            continue;
        }
        if let Err(e) = conn.execute(
            &format!("INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)"),
            [],
        ) {
            return format!("{index}: {e}");
        }
    }
    pages
}

/// Articles by source path, with their statement counts.
fn stored(db: &Path) -> BTreeMap<String, usize> {
    let library = Library::open(db).unwrap();
    let mut by_article: BTreeMap<i64, usize> = BTreeMap::new();
    for s in library.statements(&StatementQuery::default()).unwrap() {
        *by_article.entry(s.article_id).or_default() += 1;
    }
    library
        .articles(&Default::default())
        .unwrap()
        .into_iter()
        .map(|a| {
            (
                a.source_path.unwrap_or_default(),
                by_article.get(&a.id).copied().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn an_import_killed_at_random_moments_loses_nothing_it_reported() {
    let dir = tempfile::tempdir().unwrap();
    let corpus_dir = dir.path().join("corpus");
    let files = corpus(&corpus_dir, 200);
    // How long a whole import takes here: kills fall anywhere in it.
    let started = Instant::now();
    let whole = import_command(&dir.path().join("timing.sqlite3"), &corpus_dir)
        .output()
        .unwrap();
    assert!(whole.status.success());
    let span = started.elapsed().as_millis() as u64 + 50;
    let mut rng = Lcg(0x5eed);
    let (mut cut_short, mut before_any) = (0, 0);
    for trial in 0..50 {
        let db = dir.path().join(format!("trial-{trial}.sqlite3"));
        let after = Duration::from_millis(rng.next() % span);
        let done = run_and_kill(import_command(&db, &corpus_dir).spawn().unwrap(), after);
        if !db.exists() {
            before_any += 1;
            continue; // killed before the library was created
        }
        assert_eq!(
            integrity(&db),
            "ok",
            "trial {trial} (killed after {after:?})"
        );
        let have = stored(&db);
        for (path, statements) in &done {
            assert_eq!(
                have.get(path),
                Some(statements),
                "trial {trial}: {path} was reported done"
            );
        }
        if have.len() < files.len() {
            cut_short += 1;
        }
        // Running the import again completes the rest, nothing twice.
        let again = import_command(&db, &corpus_dir).output().unwrap();
        assert_eq!(again.status.code(), Some(0), "trial {trial}");
        let have = stored(&db);
        assert_eq!(have.len(), files.len(), "trial {trial}: every file once");
        assert!(
            have.values().all(|&n| n == 2),
            "trial {trial}: every article whole"
        );
        assert_eq!(integrity(&db), "ok");
        std::fs::remove_file(&db).unwrap();
    }
    // The kills really did interrupt imports (else this test tests nothing).
    assert!(
        cut_short >= 10,
        "only {cut_short} of 50 imports were cut short ({before_any} before start)"
    );
}

#[test]
fn two_processes_import_and_read_one_library_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let a = corpus(&dir.path().join("a"), 150);
    let b_dir = dir.path().join("b");
    std::fs::create_dir_all(&b_dir).unwrap();
    // The second half: other rounds, so nothing is a duplicate of the first.
    for (i, path) in corpus(&dir.path().join("b-src"), 300)
        .into_iter()
        .enumerate()
        .skip(150)
    {
        std::fs::rename(&path, b_dir.join(format!("b-{i}.txt"))).unwrap();
    }
    let db = dir.path().join("shared.sqlite3");
    let first = import_command(&db, &dir.path().join("a")).spawn().unwrap();
    let second = import_command(&db, &b_dir).spawn().unwrap();
    // Meanwhile a third process reads, again and again.
    let mut reads = 0;
    let mut read_failures = Vec::new();
    let started = Instant::now();
    while reads < 20 || started.elapsed() < Duration::from_millis(300) {
        let out = Command::new(env!("CARGO_BIN_EXE_onrecord"))
            .args(["--db"])
            .arg(&db)
            .args(["statements", "--format", "json"])
            .output()
            .unwrap();
        if !out.status.success() {
            read_failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
        }
        reads += 1;
        if reads > 200 {
            break;
        }
    }
    let first = first.wait_with_output().unwrap();
    let second = second.wait_with_output().unwrap();
    // (Regression: both processes creating the library at once used to fail
    // one of them with "database is locked".)
    assert!(
        first.status.success(),
        "first import failed: {}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(
        second.status.success(),
        "second import failed: {}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert!(read_failures.is_empty(), "reads failed: {read_failures:?}");
    let have = stored(&db);
    assert_eq!(have.len(), a.len() + 150, "nothing lost, nothing twice");
    let distinct: BTreeSet<&String> = have.keys().collect();
    assert_eq!(distinct.len(), have.len());
    assert_eq!(integrity(&db), "ok");
}

/// Several processes opening one new library at the same moment: each
/// succeeds, the schema is applied once, and none takes the half-made
/// library for an old one to back up. (Regression: a reader that arrived
/// between two schema steps backed it up, racing another for the file.)
#[test]
fn processes_creating_one_library_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    for trial in 0..5 {
        let db = dir.path().join(format!("new-{trial}.sqlite3"));
        let readers: Vec<_> = (0..6)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_onrecord"))
                    .arg("--db")
                    .arg(&db)
                    .args(["statements", "--format", "json"])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for reader in readers {
            let out = reader.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "trial {trial}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert_eq!(integrity(&db), "ok");
    }
    let backups: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("backup") || name.contains("partial"))
        .collect();
    assert!(backups.is_empty(), "{backups:?}");
}
