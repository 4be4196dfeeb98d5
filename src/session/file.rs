//! The `.onrecord` session file: JSON in an envelope that says what it is
//! and which version of the format wrote it.
//!
//! ```json
//! {"format": "onrecord-session", "version": 1, "saved_at": "2024-03-14T09:30:00Z", "session": {…}}
//! ```
//!
//! Reading never trusts the file: it is refused — with a reason a person
//! understands — when it is not JSON, is some other program's JSON, was
//! written by a newer On Record, has a field of the wrong type, or breaks a
//! limit (see [`Session::validate`]). Writing goes to a temporary file in the
//! same folder, flushed to disk, then renamed over the target, so a crash
//! leaves the old file or the new one, never half of one.

use super::{MAX_FILE_BYTES, SESSION_FORMAT, SESSION_VERSION, Session, SessionError};
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::Path;

/// What is written.
#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u32,
    saved_at: String,
    session: &'a Session,
}

/// What is read first: the envelope's fields, whatever their type, the
/// session skipped.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// What is read once the header is good.
#[derive(Deserialize)]
struct Contents {
    session: Session,
}

/// The session as the JSON of a session file (pretty-printed).
pub fn to_file_json(session: &Session) -> String {
    envelope_json(session, true)
}

/// The envelope, pretty for files, compact for the library.
pub(crate) fn envelope_json(session: &Session, pretty: bool) -> String {
    let envelope = Envelope {
        format: SESSION_FORMAT,
        version: SESSION_VERSION,
        saved_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        session,
    };
    let json = if pretty {
        serde_json::to_string_pretty(&envelope)
    } else {
        serde_json::to_string(&envelope)
    };
    // Structs of strings, integers and booleans with string keys always
    // serialise; nothing a user or a file holds can make this fail.
    json.expect("a session serialises to JSON")
}

/// Reads a session from the JSON of a session file, or says why not.
pub fn from_file_json(json: &str) -> Result<Session, SessionError> {
    if json.len() as u64 > MAX_FILE_BYTES {
        return Err(SessionError::TooLarge {
            bytes: json.len() as u64,
        });
    }
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    serde_json::from_str::<serde::de::IgnoredAny>(json)
        .map_err(|e| SessionError::NotJson(e.to_string()))?;
    if !json.trim_start().starts_with('{') {
        return Err(SessionError::NotASession(
            "it is JSON, but not an object".into(),
        ));
    }
    let header: Header = serde_json::from_str(json)
        .map_err(|e| SessionError::NotASession(format!("its envelope is not readable: {e}")))?;
    match &header.format {
        Some(serde_json::Value::String(f)) if f == SESSION_FORMAT => {}
        Some(other) => {
            return Err(SessionError::NotASession(format!(
                "its \"format\" is {}, not \"{SESSION_FORMAT}\"",
                shorten(&other.to_string())
            )));
        }
        None => {
            return Err(SessionError::NotASession(
                "it is JSON without a \"format\" field".into(),
            ));
        }
    }
    match &header.version {
        Some(v) => match v.as_u64() {
            Some(found) if found > u64::from(SESSION_VERSION) => {
                return Err(SessionError::NewerVersion { found });
            }
            Some(found) if found >= 1 => {}
            _ => {
                return Err(SessionError::Damaged(format!(
                    "its \"version\" is {}, not a session format number",
                    shorten(&v.to_string())
                )));
            }
        },
        None => {
            return Err(SessionError::Damaged("it has no \"version\" field".into()));
        }
    }
    let contents: Contents =
        serde_json::from_str(json).map_err(|e| SessionError::Damaged(e.to_string()))?;
    contents.session.validate()?;
    Ok(contents.session)
}

/// A value quoted in a message, cut to a readable length.
fn shorten(text: &str) -> String {
    if text.chars().count() <= 40 {
        return text.to_string();
    }
    let cut: String = text.chars().take(39).collect();
    format!("{cut}…")
}

/// Reads the session file at `path`. Errors name the file.
pub fn read_file(path: &Path) -> Result<Session, SessionError> {
    read(path).map_err(|e| e.in_file(path))
}

fn read(path: &Path) -> Result<Session, SessionError> {
    let file = std::fs::File::open(path).map_err(|e| SessionError::Io(e.to_string()))?;
    let len = file
        .metadata()
        .map_err(|e| SessionError::Io(e.to_string()))?
        .len();
    if len > MAX_FILE_BYTES {
        return Err(SessionError::TooLarge { bytes: len });
    }
    let mut bytes = Vec::new();
    // The file may grow while it is read: never take more than the limit.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| SessionError::Io(e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(SessionError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        SessionError::NotJson(format!(
            "it is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    from_file_json(&text)
}

/// Writes `session` to `path` as a session file, replacing it whole or not
/// at all. A session that breaks the limits is refused (it could not be
/// read back).
pub fn write_file(path: &Path, session: &Session) -> Result<(), SessionError> {
    session.validate().map_err(|e| e.in_file(path))?;
    crate::atomic::write(path, to_file_json(session).as_bytes())
        .map_err(|e| SessionError::Io(e.to_string()).in_file(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::tests::sample;
    use crate::session::{MAX_STRING_BYTES, SessionComparison};
    use proptest::prelude::*;

    /// The message of reading `json`, or a failure if it was read.
    fn refusal(json: &str) -> SessionError {
        match from_file_json(json) {
            Ok(s) => panic!("read a session from {json:?}: {s:?}"),
            Err(e) => e,
        }
    }

    fn with_session(session: serde_json::Value) -> String {
        serde_json::json!({"format": SESSION_FORMAT, "version": 1, "session": session}).to_string()
    }

    #[test]
    fn a_session_round_trips_through_its_file_json() {
        let session = sample();
        let json = to_file_json(&session);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["format"], "onrecord-session");
        assert_eq!(v["version"], 1);
        assert!(v["saved_at"].as_str().unwrap().ends_with('Z'));
        assert_eq!(v["session"]["mode"], "diff");
        assert_eq!(
            v["session"]["comparisons"][0]["statements"][0]["kind"],
            "direct"
        );
        assert_eq!(from_file_json(&json).unwrap(), session);
    }

    #[test]
    fn a_file_round_trips_and_replaces_the_old_one_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("work.onrecord");
        let mut session = sample();
        write_file(&path, &session).unwrap();
        assert_eq!(read_file(&path).unwrap(), session);
        session.name = "Second".into();
        session.comparisons.truncate(1);
        write_file(&path, &session).unwrap();
        assert_eq!(read_file(&path).unwrap(), session);
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["work.onrecord"], "no temporary file is left");
    }

    #[test]
    fn an_invalid_session_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.onrecord");
        let mut session = sample();
        session.name.clear();
        let err = write_file(&path, &session).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("bad.onrecord: a session needs a name"),
            "{err}"
        );
        assert!(!path.exists());
    }

    #[test]
    fn errors_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.onrecord");
        std::fs::write(&path, "Dear colleague, …").unwrap();
        let err = read_file(&path).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "{message}"
        );
        assert!(message.contains("it is not JSON"), "{message}");
        assert!(matches!(err.reason(), SessionError::NotJson(_)));

        let missing = dir.path().join("missing.onrecord");
        let err = read_file(&missing).unwrap_err();
        assert!(matches!(err.reason(), SessionError::Io(_)));
        assert!(
            err.to_string().contains("missing.onrecord: cannot read"),
            "{err}"
        );

        let binary = dir.path().join("image.onrecord");
        std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0xff, 0xfe]).unwrap();
        let err = read_file(&binary).unwrap_err();
        assert!(err.to_string().contains("not UTF-8"), "{err}");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.onrecord");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_FILE_BYTES + 1).unwrap();
        let err = read_file(&path).unwrap_err();
        assert!(
            matches!(err.reason(), SessionError::TooLarge { bytes } if *bytes == MAX_FILE_BYTES + 1)
        );
        assert!(err.to_string().contains("at most 64 MiB"), "{err}");
    }

    #[test]
    fn a_file_with_a_byte_order_mark_is_read() {
        let json = format!("\u{feff}{}", to_file_json(&sample()));
        assert_eq!(from_file_json(&json).unwrap(), sample());
    }

    #[test]
    fn not_json_is_refused() {
        for text in ["", "{", "name: x", "{\"format\": \"onrecord-session\",}"] {
            let err = refusal(text);
            assert!(matches!(err, SessionError::NotJson(_)), "{text:?}: {err}");
            assert!(
                err.to_string()
                    .starts_with("not a session file: it is not JSON (")
            );
        }
    }

    #[test]
    fn foreign_json_is_refused() {
        let err = refusal(r#"{"name": "package.json", "version": "1.0.0"}"#);
        assert_eq!(
            err.to_string(),
            "not an On Record session file (it is JSON without a \"format\" field)"
        );
        let err = refusal(r#"[1, 2, 3]"#);
        assert!(matches!(err, SessionError::NotASession(_)), "{err}");
        let err = refusal(r#""onrecord-session""#);
        assert!(matches!(err, SessionError::NotASession(_)), "{err}");
        let err = refusal(r#"{"format": "geojson", "version": 1}"#);
        assert_eq!(
            err.to_string(),
            "not an On Record session file (its \"format\" is \"geojson\", not \"onrecord-session\")"
        );
        let err = refusal(r#"{"format": 12, "session": {}}"#);
        assert!(err.to_string().contains("its \"format\" is 12"), "{err}");
    }

    #[test]
    fn a_newer_version_is_refused_by_name() {
        let json = to_file_json(&sample()).replace("\"version\": 1", "\"version\": 7");
        let err = refusal(&json);
        assert!(matches!(err, SessionError::NewerVersion { found: 7 }));
        assert_eq!(
            err.to_string(),
            "made by a newer On Record (session format 7); this version reads format 1. Update On Record to open it."
        );
        // Even when the newer format's session no longer looks like ours.
        let err = refusal(r#"{"format": "onrecord-session", "version": 2, "session": [1]}"#);
        assert!(matches!(err, SessionError::NewerVersion { found: 2 }));
    }

    #[test]
    fn a_missing_or_strange_version_is_damage() {
        for version in ["0", "-1", "1.5", "\"1\"", "null"] {
            let json = format!(
                r#"{{"format": "onrecord-session", "version": {version}, "session": {{"name": "x"}}}}"#
            );
            let err = refusal(&json);
            assert!(
                matches!(err, SessionError::Damaged(_)) && err.to_string().contains("\"version\""),
                "{version}: {err}"
            );
        }
        let err = refusal(r#"{"format": "onrecord-session", "session": {"name": "x"}}"#);
        assert_eq!(
            err.to_string(),
            "the session file is damaged: it has no \"version\" field"
        );
    }

    #[test]
    fn wrong_types_are_refused_with_line_and_column() {
        let json = to_file_json(&sample());
        let at = |needle: &str| {
            let offset = json.find(needle).unwrap();
            let line = json[..offset].matches('\n').count() + 1;
            let column = offset - json[..offset].rfind('\n').map_or(0, |n| n + 1) + 1;
            (line, column)
        };
        let (line, column) = at("\"start\": 10");
        let err = refusal(&json.replacen("\"start\": 10", "\"start\": \"ten\"", 1));
        assert!(matches!(err, SessionError::Damaged(_)));
        assert_eq!(
            err.to_string(),
            format!(
                "the session file is damaged: invalid type: string \"ten\", expected usize at line {line} column {}",
                column + "\"start\": \"ten\"".len() - 1
            )
        );
        let (line, _) = at("\"kind\": \"direct\"");
        let err = refusal(&json.replacen("\"kind\": \"direct\"", "\"kind\": 3", 1));
        assert!(matches!(err, SessionError::Damaged(_)));
        assert!(
            err.to_string()
                .contains(&format!(" at line {line} column ")),
            "{err}"
        );
        let err = refusal(&json.replacen("\"kind\": \"direct\"", "\"kind\": \"quote\"", 1));
        assert!(err.to_string().contains("unknown variant `quote`"), "{err}");

        let err = refusal(&with_session(
            serde_json::json!({"name": "x", "comparisons": "all"}),
        ));
        assert!(
            err.to_string().contains("invalid type: string \"all\""),
            "{err}"
        );
        let err = refusal(&with_session(serde_json::json!({"comparisons": []})));
        assert!(err.to_string().contains("missing field `name`"), "{err}");
        let err = refusal(r#"{"format": "onrecord-session", "version": 1}"#);
        assert!(err.to_string().contains("missing field `session`"), "{err}");
    }

    #[test]
    fn limits_are_enforced_on_reading() {
        let err = refusal(&with_session(serde_json::json!({"name": ""})));
        assert!(matches!(err, SessionError::EmptyName));

        let mut session = sample();
        session.comparisons[0].statements.truncate(1);
        let json = serde_json::json!({"format": SESSION_FORMAT, "version": 1, "session": session});
        let err = refusal(&json.to_string());
        assert!(matches!(
            err,
            SessionError::StatementCount {
                comparison: 1,
                count: 1
            }
        ));

        let mut session = sample();
        let pair = session.comparisons[0].clone();
        session.comparisons = vec![pair; 1001];
        let json = serde_json::json!({"format": SESSION_FORMAT, "version": 1, "session": session});
        assert!(matches!(
            refusal(&json.to_string()),
            SessionError::TooManyComparisons { count: 1001 }
        ));

        let mut session = sample();
        session.comparisons[1].note = "n".repeat(MAX_STRING_BYTES + 1);
        let json = serde_json::json!({"format": SESSION_FORMAT, "version": 1, "session": session});
        assert!(matches!(
            refusal(&json.to_string()),
            SessionError::StringTooLong { .. }
        ));

        let mut session = sample();
        session.comparisons.push(SessionComparison {
            statements: vec![session.comparisons[0].statements[0].clone(); 7],
            note: String::new(),
        });
        let json = serde_json::json!({"format": SESSION_FORMAT, "version": 1, "session": session});
        assert!(matches!(
            refusal(&json.to_string()),
            SessionError::StatementCount {
                comparison: 3,
                count: 7
            }
        ));

        let big = " ".repeat(MAX_FILE_BYTES as usize + 1);
        assert!(matches!(refusal(&big), SessionError::TooLarge { .. }));
    }

    #[test]
    fn missing_optional_fields_take_their_defaults() {
        let json = with_session(serde_json::json!({
            "name": "Minimal",
            "comparisons": [{"statements": [
                {"text": "We are ready.", "kind": "direct"},
                {"text": "We are not ready.", "kind": "reported", "future_field": true}
            ]}]
        }));
        let session = from_file_json(&json).unwrap();
        assert_eq!(session.name, "Minimal");
        assert_eq!(session.options, crate::compare::Options::default());
        assert_eq!(session.comparisons[0].note, "");
        assert_eq!(session.comparisons[0].statements[1].id, None);
        assert_eq!(session.current, None);
    }

    proptest! {
        #![proptest_config(crate::proptest_config(512))]

        #[test]
        fn reading_never_panics_on_any_text(text in any::<String>()) {
            let _ = from_file_json(&text);
        }

        #[test]
        fn reading_never_panics_on_damaged_sessions(
            cut in 0usize..4000,
            noise in "[\\[\\]{}\",:0-9a-z \\\\-]{0,12}",
        ) {
            // A real session file, cut somewhere and with noise spliced in.
            let json = to_file_json(&sample());
            let mut cut = cut.min(json.len());
            while !json.is_char_boundary(cut) {
                cut -= 1;
            }
            let damaged = format!("{}{noise}{}", &json[..cut], &json[cut..]);
            let _ = from_file_json(&damaged);
            let _ = from_file_json(&json[..cut]);
        }
    }
}
