//! The library: dedup, atomic writes, migrations, refusals, search, backup.

use onrecord::model::{Document, ExtractedStatement, SpeakerKind, StatementKind};
use onrecord::store::{Added, Library, StatementQuery, StoreError, schema};
use rusqlite::Connection;

fn doc(body: &str) -> Document {
    Document {
        title: Some("Title".into()),
        published: Some("2024-03-12".into()),
        body: body.into(),
        ..Document::default()
    }
}

fn statement(body: &str, text: &str, speaker: &str) -> ExtractedStatement {
    let start = body.find(text).unwrap();
    ExtractedStatement {
        speaker: Some(speaker.into()),
        role: Some("Spokesperson".into()),
        organization: Some("State Department".into()),
        text: text.into(),
        kind: StatementKind::Direct,
        start,
        end: start + text.len(),
        paragraph: 0,
        said_on: None,
        speaker_kind: SpeakerKind::Person,
        ambiguous: false,
        attribution: None,
    }
}

#[test]
fn an_article_imported_twice_is_stored_once() {
    let mut library = Library::open_in_memory().unwrap();
    let body = "“We are concerned,” Miller said.";
    let mut w = library.writer().unwrap();
    let first = w
        .add(
            &doc(body),
            Some("a.txt"),
            &[statement(body, "We are concerned,", "Matthew Miller")],
        )
        .unwrap();
    // Same words, other line breaks and spacing: still the same article.
    let second = w
        .add(
            &doc("“We are  concerned,”\nMiller said."),
            Some("b.html"),
            &[],
        )
        .unwrap();
    w.commit().unwrap();
    let Added::Imported { article_id, .. } = first else {
        panic!("{first:?}")
    };
    assert_eq!(second, Added::Duplicate { article_id });
    let counts = library.counts().unwrap();
    assert_eq!(
        (counts.articles, counts.statements, counts.speakers),
        (1, 1, 1)
    );
}

#[test]
fn a_failing_file_rolls_back_alone() {
    let mut library = Library::open_in_memory().unwrap();
    let good = "“Good words here,” Kirby said.";
    let bad = "“Bad span here,” Kirby said.";
    let mut broken = statement(bad, "Bad span here,", "John Kirby");
    broken.end = broken.start; // not a slice of the body: refused before anything is written
    let mut w = library.writer().unwrap();
    w.add(
        &doc(good),
        Some("good.txt"),
        &[statement(good, "Good words here,", "John Kirby")],
    )
    .unwrap();
    let err = w.add(&doc(bad), Some("bad.txt"), &[broken]);
    assert!(matches!(err, Err(StoreError::Invalid(_))), "{err:?}");
    w.commit().unwrap();
    let titles: Vec<_> = library
        .articles(&Default::default())
        .unwrap()
        .into_iter()
        .map(|a| a.source_path)
        .collect();
    assert_eq!(
        titles,
        [Some("good.txt".to_string())],
        "the bad file left nothing behind"
    );
    assert_eq!(library.counts().unwrap().statements, 1);
    assert!(
        library.search("Bad", 10).unwrap().is_empty(),
        "nor anything in the search index"
    );
}

#[test]
fn an_uncommitted_batch_leaves_nothing() {
    let mut library = Library::open_in_memory().unwrap();
    {
        let mut w = library.writer().unwrap();
        w.add(&doc("“Words,” he said."), None, &[]).unwrap();
        // dropped without commit
    }
    assert_eq!(library.counts().unwrap().articles, 0);
}

#[test]
fn a_library_from_a_newer_version_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite3");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE whatever(x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Library::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerSchema { found: 99, .. }),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains("future.sqlite3")
            && message.contains("newer On Record")
            && message.contains("untouched"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "not a byte changed");
    assert!(!dir.path().join("future.sqlite3-wal").exists());
}

#[test]
fn other_files_are_not_taken_for_libraries() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "x".repeat(5000)).unwrap();
    let err = Library::open(&text).unwrap_err().to_string();
    assert!(
        err.contains("not an On Record library") && err.contains("not a SQLite database"),
        "{err}"
    );

    let other = dir.path().join("other.db");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE contacts(name);")
        .unwrap();
    let err = Library::open(&other).unwrap_err().to_string();
    assert!(err.contains("some other program"), "{err}");
}

#[test]
fn a_first_version_library_opens_in_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.sqlite3");
    {
        let mut conn = Connection::open(&path).unwrap();
        schema::migrate(&mut conn, &schema::MIGRATIONS[..1]).unwrap();
        conn.execute_batch(
            "INSERT INTO articles (id, title, body, content_hash, imported_at) VALUES (7, 'Old', 'old body text, “we are concerned”', 'h', '2024-01-01T00:00:00Z');
             INSERT INTO articles_fts (rowid, title, body) VALUES (7, 'Old', 'old body text, “we are concerned”');
             INSERT INTO speakers (id, name) VALUES (3, 'John Kirby');
             INSERT INTO statements (id, article_id, speaker_id, text, kind, start, end, paragraph, origin)
                 VALUES (41, 7, 3, 'we are concerned', 'direct', 18, 34, 0, 'user');
             INSERT INTO statements_fts (rowid, text) VALUES (41, 'we are concerned');",
        )
        .unwrap();
    }
    let library = Library::open(&path).unwrap();
    assert_eq!(library.counts().unwrap().articles, 1);
    // The statements table was rebuilt (schema step 3): same ids, same rows,
    // still found by topic, still checked.
    let found = library
        .statements(&StatementQuery {
            topic: Some("concerned".into()),
            ..StatementQuery::default()
        })
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].id, found[0].article_id, found[0].text.as_str()),
        (41, 7, "we are concerned")
    );
    assert_eq!(found[0].speaker.as_deref(), Some("John Kirby"));
    assert_eq!(
        found[0].attribution, None,
        "older rows have no recorded reason"
    );
    assert!(
        Connection::open(&path)
            .unwrap()
            .execute("UPDATE statements SET kind = 'rumour' WHERE id = 41", [])
            .is_err()
    );
    let version: u32 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, schema::CURRENT_VERSION);
    // A backup of the first-version library was taken before the upgrade.
    let backup = dir.path().join("v1.v1-backup.sqlite3");
    let old: u32 = Connection::open(&backup)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(old, 1);
    let titles: String = Connection::open(&backup)
        .unwrap()
        .query_row("SELECT title FROM articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(titles, "Old");
}

#[test]
fn wal_foreign_keys_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite3");
    {
        let mut library = Library::open(&path).unwrap();
        let body = "“Stay calm,” Kirby said.";
        let mut w = library.writer().unwrap();
        w.add(
            &doc(body),
            None,
            &[statement(body, "Stay calm,", "John Kirby")],
        )
        .unwrap();
        w.commit().unwrap();
    }
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let page_size: i64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    assert_eq!(page_size, 16384, "new libraries use 16 KiB pages");
    let library = Library::open(&path).unwrap();
    assert_eq!(library.counts().unwrap().statements, 1);
}

#[test]
fn a_library_with_small_pages_keeps_them_and_works() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    {
        let mut conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA page_size = 4096; PRAGMA journal_mode = WAL;")
            .unwrap();
        schema::migrate(&mut conn, schema::MIGRATIONS).unwrap();
    }
    let mut library = Library::open(&path).unwrap();
    let body = "“Still here,” Miller said.";
    let mut w = library.writer().unwrap();
    w.add(
        &doc(body),
        None,
        &[statement(body, "Still here,", "Matthew Miller")],
    )
    .unwrap();
    w.commit().unwrap();
    assert_eq!(library.counts().unwrap().statements, 1);
    let page_size: i64 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    assert_eq!(page_size, 4096);
}

#[test]
fn statements_filter_by_speaker_alias_and_topic() {
    let mut library = Library::open_in_memory().unwrap();
    let a = "“Pakistan remains a partner,” Miller said.";
    let b = "“Ukraine will prevail,” Kirby said.";
    let mut w = library.writer().unwrap();
    w.add(
        &doc(a),
        None,
        &[statement(
            a,
            "Pakistan remains a partner,",
            "Matthew Miller",
        )],
    )
    .unwrap();
    w.add(
        &doc(b),
        None,
        &[statement(b, "Ukraine will prevail,", "John Kirby")],
    )
    .unwrap();
    w.commit().unwrap();
    let by = |speaker: Option<&str>, topic: Option<&str>| {
        library
            .statements(&StatementQuery {
                speaker: speaker.map(Into::into),
                topic: topic.map(Into::into),
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|s| s.text)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        by(Some("matthew miller"), None),
        ["Pakistan remains a partner,"]
    );
    assert_eq!(by(None, Some("ukraine")), ["Ukraine will prevail,"]);
    assert_eq!(
        by(None, Some("partner, Pakistan.")),
        ["Pakistan remains a partner,"],
        "punctuation is not FTS syntax"
    );
    assert!(by(Some("Nobody"), None).is_empty());
    let s = &library.statements(&Default::default()).unwrap()[0];
    assert_eq!(
        (s.date.as_deref(), s.article_title.as_deref()),
        (Some("2024-03-12"), Some("Title"))
    );
    assert_eq!(library.statement(s.id).unwrap(), *s);
    assert!(matches!(
        library.statement(999),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn search_ranks_and_snippets() {
    let mut library = Library::open_in_memory().unwrap();
    let mut w = library.writer().unwrap();
    w.add(
        &doc("The ceasefire talks in Doha resumed on Monday."),
        None,
        &[],
    )
    .unwrap();
    w.add(&doc("Trade and tariffs dominated the meeting."), None, &[])
        .unwrap();
    w.commit().unwrap();
    let hits = library.search("ceasefire", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0].snippet.contains("«ceasefire»"),
        "{}",
        hits[0].snippet
    );
    assert!(
        library.search("\"unbalanced", 10).is_ok(),
        "bad syntax does not error"
    );
}

#[test]
fn online_backup_is_a_consistent_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("lib.sqlite3")).unwrap();
    let mut w = library.writer().unwrap();
    w.add(&doc("“Copy me,” she said."), None, &[]).unwrap();
    w.commit().unwrap();
    let target = dir.path().join("backup.sqlite3");
    library.backup(&target).unwrap();
    let copy = Library::open(&target).unwrap();
    assert_eq!(copy.counts().unwrap(), library.counts().unwrap());
    let check: String = Connection::open(&target)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

mod corrections {
    use crate::seed_article;
    use onrecord::import::{self, Input};
    use onrecord::model::StatementKind;
    use onrecord::store::{Library, StatementQuery};
    use std::sync::atomic::AtomicBool;

    fn seeded() -> Library {
        let mut library = Library::open_in_memory().unwrap();
        import::import(
            &mut library,
            vec![Input::file(seed_article())],
            &AtomicBool::new(false),
            &mut |_| {},
        )
        .unwrap();
        library
    }

    fn statements(library: &Library) -> Vec<onrecord::model::Statement> {
        library.statements(&StatementQuery::default()).unwrap()
    }

    #[test]
    fn corrections_survive_re_extraction() {
        let mut library = seeded();
        let before = statements(&library);
        let article = before[0].article_id;
        let partial = before
            .iter()
            .find(|s| s.text == "there was no treaty of alliance with Islamabad")
            .unwrap();
        library.correct_speaker(partial.id, "John Kirby").unwrap();
        let headline = before
            .iter()
            .find(|s| s.speaker.as_deref() == Some("White House"))
            .unwrap();
        library.remove_statement(headline.id).unwrap();
        let body = library.article_body(article).unwrap();
        let missed = "US asks Kabul to conduct itself responsibly";
        let start = body.find(missed).unwrap();
        let added = library
            .add_statement(
                article,
                start,
                start + missed.len(),
                Some("Matthew Miller"),
                StatementKind::Reported,
            )
            .unwrap();
        assert_eq!(library.statement(added).unwrap().text, missed);

        let check = |library: &Library| {
            let now = statements(library);
            assert_eq!(now.len(), before.len(), "one removed, one added");
            let partial = now
                .iter()
                .find(|s| s.text == "there was no treaty of alliance with Islamabad")
                .unwrap();
            assert_eq!(partial.speaker.as_deref(), Some("John Kirby"));
            let why = partial
                .attribution
                .as_ref()
                .expect("a corrected statement says why");
            assert_eq!(why.cue, "correction");
            assert!(why.evidence.contains("John Kirby"), "{why:?}");
            // Statements the extractor attributed keep its reasons.
            assert!(
                now.iter()
                    .filter(|s| s.id != partial.id && s.text != missed)
                    .all(|s| {
                        s.attribution
                            .as_ref()
                            .is_some_and(|a| a.cue != "correction" && !a.evidence.is_empty())
                    })
            );
            assert!(
                now.iter()
                    .all(|s| s.speaker.as_deref() != Some("White House"))
            );
            let added = now.iter().find(|s| s.text == missed).unwrap();
            assert_eq!(
                (added.speaker.as_deref(), added.kind),
                (Some("Matthew Miller"), StatementKind::Reported)
            );
            assert_eq!(library.search("treaty", 5).unwrap().len(), 1);
        };
        check(&library);
        import::reextract(&mut library, None, &AtomicBool::new(false), &mut |_, _| {}).unwrap();
        check(&library);
        // …and again: replaying is idempotent.
        import::reextract(
            &mut library,
            Some(vec![article]),
            &AtomicBool::new(false),
            &mut |_, _| {},
        )
        .unwrap();
        check(&library);
        let by_topic = library
            .statements(&StatementQuery {
                topic: Some("responsibly".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(by_topic.len(), 1, "the added statement is searchable");
    }

    #[test]
    fn bad_corrections_are_refused() {
        let mut library = seeded();
        let id = statements(&library)[0].id;
        let article = statements(&library)[0].article_id;
        assert!(library.correct_speaker(id, "  ").is_err());
        assert!(library.correct_speaker(999_999, "John Kirby").is_err());
        assert!(
            library
                .add_statement(article, 10, 5, None, StatementKind::Direct)
                .is_err()
        );
        assert!(
            library
                .add_statement(article, 0, 1_000_000, None, StatementKind::Direct)
                .is_err()
        );
        assert!(library.remove_statement(999_999).is_err());
    }

    #[test]
    fn merging_speakers_moves_statements_and_aliases() {
        let mut library = seeded();
        let kirby = library
            .statements(&StatementQuery {
                speaker: Some("John Kirby".into()),
                ..Default::default()
            })
            .unwrap()
            .len();
        let us = library
            .statements(&StatementQuery {
                speaker: Some("Government of the United States".into()),
                ..Default::default()
            })
            .unwrap()
            .len();
        library
            .merge_speakers("Government of the United States", "John Kirby")
            .unwrap();
        let merged = library
            .statements(&StatementQuery {
                speaker: Some("John Kirby".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(merged.len(), kirby + us);
        // the old name is now an alias of the surviving speaker
        let via_alias = library
            .statements(&StatementQuery {
                speaker: Some("Government of the United States".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(via_alias.len(), merged.len());
        assert!(
            library
                .speakers()
                .unwrap()
                .iter()
                .all(|s| s.name != "Government of the United States")
        );
        assert!(
            library
                .merge_speakers("Nobody Atall", "John Kirby")
                .is_err()
        );
        assert!(library.merge_speakers("John Kirby", "John Kirby").is_err());
    }
}

#[test]
fn surnames_and_full_names_become_one_speaker_across_articles() {
    let mut library = Library::open_in_memory().unwrap();
    let a = "“The first article only says Kirby,” Kirby said.";
    let b = "“The second names him in full,” John Kirby said.";
    let c = "“A third uses the surname again,” Kirby said.";
    let mut w = library.writer().unwrap();
    w.add(
        &doc(a),
        None,
        &[statement(a, "The first article only says Kirby,", "Kirby")],
    )
    .unwrap();
    w.add(
        &doc(b),
        None,
        &[statement(b, "The second names him in full,", "John Kirby")],
    )
    .unwrap();
    w.add(
        &doc(c),
        None,
        &[statement(c, "A third uses the surname again,", "Kirby")],
    )
    .unwrap();
    w.commit().unwrap();
    let speakers = library.speakers().unwrap();
    assert_eq!(speakers.len(), 1, "{speakers:?}");
    assert_eq!(speakers[0].name, "John Kirby");
    assert_eq!(speakers[0].statement_count, 3);
    assert!(speakers[0].aliases.contains(&"Kirby".to_string()));
}
