//! The comparison engine on statement pairs written for the purpose:
//! snapshots of whole comparisons (every row kind, every option, every
//! significance category), plus the CLI contracts of compare, pair, topics
//! and reuse.

use crate::{json, onrecord, seed_article};
use onrecord::compare::{OpTag, Options, RowKind, compare, significance::Category};

/// (name, A, B, options) — one line has shifted between two briefings, or
/// two spokespeople speak to one point.
fn cases() -> Vec<(&'static str, &'static str, &'static str, Options)> {
    let plain = Options::default();
    let lenient = Options {
        ignore_case: true,
        ignore_punctuation: true,
        ignore_typography: true,
        ignore_whitespace: true,
    };
    vec![
        (
            "drift_intensity_and_modality",
            "We are concerned about the rise in attacks. We will continue to work with the Government of Pakistan.",
            "We are deeply concerned about the rise in attacks. We would continue to work with the Government of Pakistan.",
            plain,
        ),
        (
            "negation_and_stance",
            "The Kremlin is ready for serious talks. We support the proposal.",
            "The Kremlin is not ready for serious talks. We reject the proposal and call for a ceasefire.",
            plain,
        ),
        (
            "added_dropped_and_moved",
            "Pakistan has paid a heavy price. We condemn the attack. Our cooperation continues. Aid is flowing.",
            "Pakistan has paid a very heavy price. Our cooperation continues. We condemn the attack. A new envoy was named.",
            plain,
        ),
        (
            "split_sentence",
            "We support the ceasefire and we urge all parties to release the hostages.",
            "We support the ceasefire. We urge all parties to release the hostages.",
            plain,
        ),
        (
            "typography_case_punctuation_ignored",
            "The U.S. “won’t” be drawn — Miller said.",
            "the US \"won't\" be drawn - Miller said",
            lenient,
        ),
        (
            "typography_case_punctuation_strict",
            "The U.S. “won’t” be drawn — Miller said.",
            "the US \"won't\" be drawn - Miller said",
            plain,
        ),
        (
            "two_spokespeople_shared_language",
            "Pakistan has paid a heavy price. We have a shared interest in combating threats to regional security, and we are going to keep working with Islamabad.",
            "The Pakistani people have suffered greatly. We have a shared interest with the Government of Pakistan in combating threats to regional security.",
            plain,
        ),
    ]
}

#[test]
fn comparison_snapshots() {
    for (name, a, b, options) in cases() {
        let c = compare(a, b, &options);
        insta::with_settings!({ snapshot_suffix => name, prepend_module_to_snapshot => false }, {
            insta::assert_json_snapshot!("compare", c);
        });
    }
}

#[test]
fn the_cases_show_what_they_are_named_for() {
    let by = |n: &str| {
        let (_, a, b, o) = cases().into_iter().find(|c| c.0 == n).unwrap();
        compare(a, b, &o)
    };
    let categories = |c: &onrecord::compare::Comparison| {
        c.significant.iter().map(|s| s.category).collect::<Vec<_>>()
    };
    assert_eq!(
        categories(&by("drift_intensity_and_modality")),
        [Category::Modality, Category::Intensity]
    );
    let ns = categories(&by("negation_and_stance"));
    assert_eq!(ns[0], Category::Negation);
    assert!(ns.contains(&Category::Stance));
    let moved = by("added_dropped_and_moved");
    let kinds: Vec<RowKind> = moved.rows.iter().map(|r| r.kind).collect();
    for kind in [
        RowKind::Moved,
        RowKind::Added,
        RowKind::Dropped,
        RowKind::Equal,
        RowKind::Reworded,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} missing from {kinds:?}");
    }
    assert_eq!(by("split_sentence").rows.len(), 1);
    let ignored = by("typography_case_punctuation_ignored");
    assert_eq!(ignored.similarity, 1.0);
    assert!(ignored.rows[0].ops.iter().any(|o| o.tag == OpTag::Ignored));
    assert!(by("typography_case_punctuation_strict").similarity < 1.0);
    let shared = by("two_spokespeople_shared_language");
    assert!(
        shared
            .shared_phrases
            .iter()
            .any(|p| p == "combating threats to regional security"),
        "{:?}",
        shared.shared_phrases
    );
}

#[test]
fn compare_json_contract_on_files_and_statements() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "We are concerned. We will act.").unwrap();
    std::fs::write(&b, "We are deeply concerned. We would act.").unwrap();
    let out = onrecord(
        &db,
        &[
            "compare",
            "--format",
            "json",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--ignore-case",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert!(v["similarity"].as_f64().unwrap() > 0.5);
    for key in ["unchanged", "reworded", "added", "dropped", "moved"] {
        assert!(v["summary"][key].is_u64(), "{key}");
    }
    let rows = v["rows"].as_array().unwrap();
    assert!(rows.iter().all(|r| {
        ["equal", "reworded", "added", "dropped", "moved"].contains(&r["kind"].as_str().unwrap())
    }));
    let mut a_words = Vec::new();
    for r in rows {
        for op in r["ops"].as_array().unwrap() {
            let tag = op["tag"].as_str().unwrap();
            assert!(["equal", "delete", "insert", "ignored"].contains(&tag));
            if ["equal", "delete", "ignored"].contains(&tag) && !op["a"].is_null() {
                a_words.extend(
                    op["a"]
                        .as_str()
                        .unwrap()
                        .split_whitespace()
                        .map(str::to_string),
                );
            }
        }
    }
    assert_eq!(a_words.join(" "), "We are concerned. We will act.");
    assert!(v["shared_phrases"].is_array());
    let categories: Vec<&str> = v["significant"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["category"].as_str().unwrap())
        .collect();
    assert_eq!(categories, ["modality", "intensity"]);

    // statement ids from the library
    onrecord(&db, &["import", seed_article().to_str().unwrap()]);
    let statements = json(&onrecord(
        &db,
        &["statements", "--format", "json", "--speaker", "John Kirby"],
    ));
    let (x, y) = (
        statements[0]["id"].to_string(),
        statements[1]["id"].to_string(),
    );
    let out = onrecord(&db, &["compare", "--format", "json", &x, &y]);
    assert_eq!(out.status.code(), Some(0));
    assert!(json(&out)["rows"].as_array().unwrap().len() >= 2);
    let out = onrecord(&db, &["compare", "999999", &y]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("statement 999999 not found"));
}

#[test]
fn pair_topics_and_reuse_on_the_sample_library() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.sqlite3");
    assert_eq!(onrecord(&db, &["samples"]).status.code(), Some(0));

    let v = json(&onrecord(
        &db,
        &[
            "pair",
            "--format",
            "json",
            "--speaker-a",
            "John Kirby",
            "--speaker-b",
            "Matthew Miller",
            "--topic",
            "Pakistan",
        ],
    ));
    let pairs = v["pairs"].as_array().unwrap();
    assert!(!pairs.is_empty());
    let scores: Vec<f64> = pairs.iter().map(|p| p["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
    let top = &pairs[0];
    assert_eq!(
        (top["a"]["speaker"].as_str(), top["b"]["speaker"].as_str()),
        (Some("John Kirby"), Some("Matthew Miller"))
    );
    for side in ["a", "b"] {
        assert!(
            top[side]["text"].as_str().unwrap().contains("Pakistan"),
            "{side}: {}",
            top[side]["text"]
        );
        for key in [
            "id",
            "article_id",
            "article_title",
            "date",
            "kind",
            "start",
            "end",
        ] {
            assert!(!top[side][key].is_null() || key == "date", "{key}");
        }
    }

    let v = json(&onrecord(
        &db,
        &[
            "pair",
            "--format",
            "json",
            "--speaker-a",
            "Matthew Miller",
            "--topic",
            "Pakistan",
        ],
    ));
    let timeline = v["timeline"].as_array().unwrap();
    assert!(timeline.len() >= 3);
    assert!(timeline[0]["similarity_to_previous"].is_null());
    let dates: Vec<&str> = timeline
        .iter()
        .filter_map(|t| t["statement"]["date"].as_str())
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "date order: {dates:?}"
    );

    let out = onrecord(
        &db,
        &[
            "topics",
            "--format",
            "json",
            "--save",
            "Af-Pak",
            "Pakistan OR Afghanistan",
        ],
    );
    let v = json(&out);
    let suggested: Vec<&str> = v["suggested"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["term"].as_str().unwrap())
        .collect();
    assert!(
        suggested.contains(&"pakistan") && suggested.contains(&"regional security"),
        "{suggested:?}"
    );
    assert_eq!(v["saved"][0]["name"], "Af-Pak");
    let by_saved = json(&onrecord(
        &db,
        &["statements", "--format", "json", "--topic", "Af-Pak"],
    ));
    assert!(by_saved.as_array().unwrap().len() > 10);

    // the stock phrase recurs across speakers and dates
    let miller = json(&onrecord(
        &db,
        &[
            "statements",
            "--format",
            "json",
            "--speaker",
            "Matthew Miller",
            "--topic",
            "\"shared interest\"",
        ],
    ));
    let id = miller[0]["id"].to_string();
    let v = json(&onrecord(&db, &["reuse", "--format", "json", &id]));
    let reuses = v["reuses"].as_array().unwrap();
    let speakers: std::collections::BTreeSet<&str> = reuses
        .iter()
        .filter_map(|r| r["statement"]["speaker"].as_str())
        .collect();
    assert!(
        speakers.contains("John Kirby") && speakers.len() >= 3,
        "{speakers:?}"
    );
    assert!(reuses.iter().all(|r| r["words"].as_u64().unwrap() >= 6));
    assert!(v["first_use"].as_str() <= v["last_use"].as_str());
}
