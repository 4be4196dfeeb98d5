//! The `onrecord` binary: commands, JSON contracts, exit codes.

use crate::{fixture, json, onrecord, seed_article};
use serde_json::Value;

#[test]
fn import_json_contract_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let good = fixture("ingest/utf8.txt");
    let out = onrecord(&db, &["import", "--format", "json", good.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(
        (v["imported"].as_u64(), v["duplicates"].as_u64()),
        (Some(1), Some(0))
    );
    assert_eq!(v["failed"], Value::Array(vec![]));

    // again, plus a broken file: the good one is a duplicate, the bad one fails alone → exit 1
    let bad = fixture("ingest/corrupt.pdf");
    let out = onrecord(
        &db,
        &[
            "import",
            "--format",
            "json",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(
        (v["imported"].as_u64(), v["duplicates"].as_u64()),
        (Some(0), Some(1))
    );
    let failed = v["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["path"].as_str(), bad.to_str());
    assert!(failed[0]["error"].as_str().unwrap().contains("PDF"));
}

#[test]
fn text_import_names_each_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let out = onrecord(&db, &["import", fixture("ingest/nested").to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("imported   ") && text.contains("one.txt — Nested One"),
        "{text}"
    );
    assert!(
        text.contains("3 imported, 0 duplicates, 0 failed, 2 skipped"),
        "{text}"
    );
}

#[test]
fn extract_json_contract() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_article();
    let out = onrecord(
        &dir.path().join("unused.sqlite3"),
        &["extract", "--format", "json", seed.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        !dir.path().join("unused.sqlite3").exists(),
        "extract needs no library"
    );
    let v = json(&out);
    let files = v.as_array().unwrap();
    assert_eq!(files.len(), 1);
    let file = &files[0];
    assert_eq!(file["file"].as_str(), seed.to_str());
    assert_eq!(
        file["title"].as_str(),
        Some("No treaty of alliance with Pakistan, nor is Islamabad a technical ally: White House")
    );
    assert!(file["date"].is_null() || file["date"].is_string());
    let body = std::fs::read_to_string(&seed).unwrap();
    let statements = file["statements"].as_array().unwrap();
    assert!(statements.len() >= 6);
    for s in statements {
        for key in ["speaker", "role", "organization"] {
            assert!(s[key].is_null() || s[key].is_string(), "{key}: {s}");
        }
        let kind = s["kind"].as_str().unwrap();
        assert!(["direct", "partial", "reported", "transcript"].contains(&kind));
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        // The seed's extracted body is its text as saved (one article per line).
        assert_eq!(&body[start..end], s["text"].as_str().unwrap());
    }
    assert!(statements.iter().any(|s| s["speaker"] == "John Kirby"));
    assert!(statements.iter().any(|s| s["speaker"] == "Matthew Miller"));
}

#[test]
fn extract_of_a_broken_file_still_prints_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let out = onrecord(
        &dir.path().join("x.sqlite3"),
        &[
            "extract",
            "--format",
            "json",
            fixture("ingest/empty.txt").to_str().unwrap(),
            seed_article().to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert!(v[0]["error"].as_str().unwrap().contains("empty"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty.txt: the file is empty"));
}

#[test]
fn statements_speakers_articles_and_search() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    assert_eq!(
        onrecord(&db, &["import", seed_article().to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );

    let v = json(&onrecord(
        &db,
        &["statements", "--format", "json", "--speaker", "John Kirby"],
    ));
    let statements = v.as_array().unwrap();
    assert!(statements.len() >= 4);
    for s in statements {
        for key in ["id", "article_id", "start", "end"] {
            assert!(s[key].is_u64(), "{key}: {s}");
        }
        assert_eq!(s["speaker"], "John Kirby");
        assert!(s["article_title"].is_string() && (s["date"].is_null() || s["date"].is_string()));
        assert!(s["text"].is_string() && s["kind"].is_string());
    }
    let v = json(&onrecord(
        &db,
        &["statements", "--format", "json", "--topic", "treaty"],
    ));
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|s| s["text"].as_str().unwrap().contains("treaty"))
    );

    let v = json(&onrecord(&db, &["speakers", "--format", "json"]));
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|s| s["name"] == "Matthew Miller" && s["statement_count"].as_u64() >= Some(2))
    );
    let v = json(&onrecord(&db, &["articles", "--format", "json"]));
    assert_eq!(v.as_array().unwrap().len(), 1);
    let v = json(&onrecord(&db, &["search", "--format", "json", "alliance"]));
    assert_eq!(v.as_array().unwrap().len(), 1);
    let text =
        String::from_utf8(onrecord(&db, &["statements", "--speaker", "Matthew Miller"]).stdout)
            .unwrap();
    assert!(
        text.contains("Matthew Miller (Spokesperson, US State Department): “"),
        "{text}"
    );
}

#[test]
fn usage_errors_exit_2_and_library_errors_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    assert_eq!(onrecord(&db, &["import"]).status.code(), Some(2));
    assert_eq!(onrecord(&db, &["no-such-command"]).status.code(), Some(2));
    assert_eq!(
        onrecord(&db, &["articles", "--format", "xml"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(onrecord(&db, &["--help"]).status.code(), Some(0));

    let future = dir.path().join("future.sqlite3");
    rusqlite::Connection::open(&future)
        .unwrap()
        .execute_batch("PRAGMA user_version = 42;")
        .unwrap();
    let out = onrecord(&future, &["articles"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer On Record"));
}

#[test]
fn db_flag_overrides_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let env_db = dir.path().join("env.sqlite3");
    let flag_db = dir.path().join("flag.sqlite3");
    let out = onrecord(
        &env_db,
        &[
            "--db",
            flag_db.to_str().unwrap(),
            "import",
            fixture("ingest/utf8.txt").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(flag_db.exists() && !env_db.exists());
}

#[test]
fn no_command_seeds_an_empty_library_with_the_samples() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("first-run.sqlite3");
    let out = onrecord(&db, &[]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("Loaded the sample library"), "{text}");
    assert!(text.contains("Usage:"), "{text}");
    // second start: already seeded, nothing re-imported
    let text = String::from_utf8(onrecord(&db, &[]).stdout).unwrap();
    assert!(!text.contains("Loaded the sample library"));
    let v = json(&onrecord(&db, &["speakers", "--format", "json"]));
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|s| s["name"] == "John Kirby")
    );
}

#[test]
fn backup_command_writes_a_library() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    onrecord(&db, &["import", seed_article().to_str().unwrap()]);
    let target = dir.path().join("copy.sqlite3");
    let out = onrecord(&db, &["backup", "--out", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&onrecord(&target, &["articles", "--format", "json"]));
    assert_eq!(v.as_array().unwrap().len(), 1);
}

#[test]
fn corrections_from_the_command_line_survive_reextract() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    onrecord(&db, &["import", seed_article().to_str().unwrap()]);
    let v = json(&onrecord(
        &db,
        &[
            "statements",
            "--format",
            "json",
            "--speaker",
            "Government of the United States",
        ],
    ));
    let partial = v
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"] == "there was no treaty of alliance with Islamabad")
        .unwrap();
    let id = partial["id"].as_u64().unwrap().to_string();
    let out = onrecord(&db, &["correct", &id, "--speaker", "John Kirby"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        onrecord(&db, &["correct", &id]).status.code(),
        Some(2),
        "--speaker or --not-a-statement is required"
    );
    let out = onrecord(&db, &["--format", "json", "reextract"]);
    assert_eq!(json(&out)["articles"], 1);
    let v = json(&onrecord(
        &db,
        &["statements", "--format", "json", "--speaker", "John Kirby"],
    ));
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|s| s["text"] == "there was no treaty of alliance with Islamabad")
    );

    let out = onrecord(&db, &["merge-speakers", "White House", "John Kirby"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = onrecord(&db, &["merge-speakers", "Nobody Atall", "John Kirby"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("speaker 'Nobody Atall' not found"));
}
