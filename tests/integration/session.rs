//! Sessions and reports through the binary: a session made in one library,
//! exported, imported into another (its statements with it), reported on;
//! damaged, foreign and newer files refused with the library unchanged.

use crate::{json, onrecord, seed_article};
use serde_json::Value;
use std::path::Path;
use std::process::Output;

fn ok(output: &Output) -> &Output {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A library holding the seed article; the ids of Kirby's and Miller's statements.
fn seeded(db: &Path) -> (Vec<i64>, Vec<i64>) {
    ok(&onrecord(db, &["import", seed_article().to_str().unwrap()]));
    let ids = |speaker: &str| -> Vec<i64> {
        json(&onrecord(
            db,
            &["statements", "--format", "json", "--speaker", speaker],
        ))
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect()
    };
    (ids("John Kirby"), ids("Matthew Miller"))
}

/// Everything a refused import must leave as it was.
fn state(db: &Path) -> (Value, Value, Value) {
    (
        json(&onrecord(db, &["statements", "--format", "json"])),
        json(&onrecord(db, &["speakers", "--format", "json"])),
        json(&onrecord(db, &["session", "list", "--format", "json"])),
    )
}

/// Statement id → text in a library.
fn texts(db: &Path) -> Vec<(i64, String)> {
    json(&onrecord(db, &["statements", "--format", "json"]))
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_i64().unwrap(),
                s["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_session_travels_to_another_library_and_into_reports() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (
        dir.path().join("first.sqlite3"),
        dir.path().join("second.sqlite3"),
    );
    let (kirby, miller) = seeded(&first);
    assert!(kirby.len() >= 3 && !miller.is_empty());
    let id = |n: i64| n.to_string();
    let (k0, k1, k2, m0) = (id(kirby[0]), id(kirby[1]), id(kirby[2]), id(miller[0]));

    // new → list
    let made = json(ok(&onrecord(
        &first,
        &[
            "session",
            "new",
            "--format",
            "json",
            "--name",
            "Alliance",
            "--compare",
            &k0,
            &m0,
            "--compare",
            &k1,
            &m0,
            &k2,
            "--note",
            "Kirby <b>hedges</b>",
            "--ignore-case",
        ],
    )));
    assert_eq!(
        made,
        serde_json::json!({"name": "Alliance", "comparisons": 2})
    );
    let list = json(ok(&onrecord(
        &first,
        &["session", "list", "--format", "json"],
    )));
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["name"], "Alliance");
    assert_eq!(list[0]["comparisons"], 2);
    assert!(list[0]["updated_at"].is_string());
    let text = ok(&onrecord(&first, &["session", "list"])).stdout.clone();
    assert!(
        String::from_utf8(text)
            .unwrap()
            .contains("2 comparisons  Alliance")
    );

    let shown = json(ok(&onrecord(
        &first,
        &["session", "show", "Alliance", "--format", "json"],
    )));
    assert_eq!(shown["options"]["ignore_case"], true);
    assert_eq!(shown["comparisons"][0]["note"], "Kirby <b>hedges</b>");
    assert_eq!(
        shown["comparisons"][1]["statements"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        shown["comparisons"][0]["statements"][0]["speaker"],
        "John Kirby"
    );
    assert_eq!(
        shown["comparisons"][0]["statements"][0]["source_path"],
        seed_article().to_str().unwrap()
    );

    // export
    let file = dir.path().join("alliance.onrecord");
    ok(&onrecord(
        &first,
        &[
            "session",
            "export",
            "Alliance",
            "--out",
            file.to_str().unwrap(),
        ],
    ));
    let exported: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(
        (&exported["format"], &exported["version"]),
        (&Value::from("onrecord-session"), &Value::from(1))
    );

    // import into an empty library: the statements come along
    let import = || {
        json(ok(&onrecord(
            &second,
            &[
                "session",
                "import",
                file.to_str().unwrap(),
                "--format",
                "json",
            ],
        )))
    };
    let imported = import();
    assert_eq!(imported["name"], "Alliance");
    assert_eq!(imported["comparisons"], 2);
    assert_eq!(imported["statements_added"], 4, "four distinct statements");
    let local = texts(&second);
    assert_eq!(local.len(), 4);
    let there = json(ok(&onrecord(
        &second,
        &["session", "show", "Alliance", "--format", "json"],
    )));
    for c in there["comparisons"].as_array().unwrap() {
        for s in c["statements"].as_array().unwrap() {
            let pair = (
                s["id"].as_i64().unwrap(),
                s["text"].as_str().unwrap().to_string(),
            );
            assert!(
                local.contains(&pair),
                "{pair:?} is a statement of the second library"
            );
        }
    }
    let speakers = json(&onrecord(&second, &["speakers", "--format", "json"]));
    assert!(
        speakers
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["name"] == "Matthew Miller")
    );

    // again: nothing new
    let again = import();
    assert_eq!(
        (&again["name"], &again["statements_added"]),
        (&Value::from("Alliance"), &Value::from(0))
    );
    assert_eq!(texts(&second), local);

    // reports: from a session in the library, and from a file without any library
    let html = dir.path().join("alliance.html");
    ok(&onrecord(
        &second,
        &["report", "Alliance", "--out", html.to_str().unwrap()],
    ));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<h2>1. John Kirby ↔ Matthew Miller</h2>"));
    assert!(page.contains("Kirby &lt;b&gt;hedges&lt;/b&gt;"));
    assert!(page.contains("<h2 id=\"citations\">Citations</h2>"));
    assert!(!page.contains("<script") && !page.contains("<b>"));

    let nowhere = dir.path().join("never-created.sqlite3");
    let md = dir.path().join("Alliance.MD");
    ok(&onrecord(
        &nowhere,
        &[
            "report",
            file.to_str().unwrap(),
            "--out",
            md.to_str().unwrap(),
        ],
    ));
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.starts_with("# Alliance\n"));
    assert!(text.contains("## 2. John Kirby ↔ Matthew Miller ↔ John Kirby"));
    assert!(text.contains("> Kirby \\<b\\>hedges\\</b\\>"));
    assert!(!nowhere.exists(), "a report from a file needs no library");

    // the report's format comes from the extension
    let pdf = dir.path().join("alliance.pdf");
    let out = onrecord(
        &second,
        &["report", "Alliance", "--out", pdf.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("alliance.pdf: a report is written as .html or .md"));
    assert!(!pdf.exists());
}

#[test]
fn damaged_foreign_and_newer_files_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let (kirby, miller) = seeded(&db);
    ok(&onrecord(
        &db,
        &[
            "session",
            "new",
            "--name",
            "Mine",
            "--compare",
            &kirby[0].to_string(),
            &miller[0].to_string(),
        ],
    ));
    let good = dir.path().join("mine.onrecord");
    ok(&onrecord(
        &db,
        &["session", "export", "Mine", "--out", good.to_str().unwrap()],
    ));
    let json_text = std::fs::read_to_string(&good).unwrap();
    let before = state(&db);

    let cases = [
        (
            "truncated.onrecord",
            json_text[..json_text.len() / 2].to_string(),
            "not a session file: it is not JSON",
        ),
        (
            "package.onrecord",
            r#"{"name": "package", "version": "1.0.0"}"#.to_string(),
            "not an On Record session file (it is JSON without a \"format\" field)",
        ),
        (
            "newer.onrecord",
            json_text.replace("\"version\": 1", "\"version\": 7"),
            "made by a newer On Record (session format 7); this version reads format 1",
        ),
        (
            "mistyped.onrecord",
            json_text.replace("\"mode\": \"diff\"", "\"mode\": 4"),
            "the session file is damaged: ",
        ),
        (
            "lonely.onrecord",
            {
                let mut v: Value = serde_json::from_str(&json_text).unwrap();
                v["session"]["comparisons"][0]["statements"]
                    .as_array_mut()
                    .unwrap()
                    .pop();
                v.to_string()
            },
            "comparison 1 has 1 statements; a comparison needs 2–6",
        ),
    ];
    for (name, content, reason) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        let out = onrecord(&db, &["session", "import", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
        let message = stderr(&out);
        assert!(
            message.starts_with(&format!("onrecord: {}: ", path.display())),
            "{name}: {message}"
        );
        assert!(message.contains(reason), "{name}: {message}");
        assert_eq!(message.lines().count(), 1, "said once: {message}");
        assert!(out.stdout.is_empty());
        assert_eq!(state(&db), before, "{name} changed the library");

        // A report of it is refused the same way.
        let report = dir.path().join(format!("{name}.html"));
        let out = onrecord(
            &db,
            &[
                "report",
                path.to_str().unwrap(),
                "--out",
                report.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains(reason), "{name}: {}", stderr(&out));
        assert!(!report.exists());
    }

    // A missing file, into a library that does not exist yet: not created.
    let fresh = dir.path().join("fresh.sqlite3");
    let out = onrecord(
        &fresh,
        &[
            "session",
            "import",
            dir.path().join("missing.onrecord").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("missing.onrecord: cannot read"),
        "{}",
        stderr(&out)
    );
    assert!(!fresh.exists());
}

#[test]
fn session_names_and_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let (kirby, miller) = seeded(&db);
    let (k, m) = (kirby[0].to_string(), miller[0].to_string());
    ok(&onrecord(
        &db,
        &["session", "new", "--name", "One", "--compare", &k, &m],
    ));

    let out = onrecord(
        &db,
        &["session", "new", "--name", "One", "--compare", &m, &k],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("a session named 'One' already exists"));

    let out = onrecord(
        &db,
        &[
            "session",
            "new",
            "--name",
            "Two",
            "--compare",
            &k,
            &m,
            "--note",
            "a",
            "--note",
            "b",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("2 notes for 1 comparison"));

    let out = onrecord(&db, &["session", "new", "--name", "Two", "--compare", &k]);
    assert_eq!(out.status.code(), Some(2), "one id is no comparison");

    let out = onrecord(
        &db,
        &["session", "new", "--name", "Two", "--compare", &k, "999999"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("statement 999999 not found"));

    let out = onrecord(&db, &["session", "show", "Nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "onrecord: session 'Nope' not found\n");

    ok(&onrecord(&db, &["session", "rename", "One", "Uno"]));
    let shown = String::from_utf8(
        ok(&onrecord(&db, &["session", "show", "Uno"]))
            .stdout
            .clone(),
    )
    .unwrap();
    assert!(
        shown.starts_with("Uno — 1 comparison, mode diff"),
        "{shown}"
    );
    assert!(
        shown.contains("1. John Kirby ↔ Matthew Miller  (open)"),
        "{shown}"
    );
    let statements = texts(&db);
    ok(&onrecord(&db, &["session", "delete", "Uno"]));
    let list = json(ok(&onrecord(&db, &["session", "list", "--format", "json"])));
    assert_eq!(list, serde_json::json!([]));
    assert_eq!(
        texts(&db),
        statements,
        "deleting a session keeps its statements"
    );
    let out = onrecord(&db, &["session", "delete", "Uno"]);
    assert_eq!(out.status.code(), Some(1));
}
