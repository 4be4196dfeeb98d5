//! Bulk import from JSON (.json) and JSON Lines (.jsonl).
//!
//! Each article is an object with a `body` (or `text`/`content`) string and
//! optional `title`, `url` (`link`), `date` (`published`, `published_at`,
//! `pubDate`), `outlet` (`source`, `publication`, `site`) and `byline`
//! (`author`). A `.json` file holds an array of such objects, one object, or
//! an object with the array under `articles`, `items` or `data`. A `.jsonl`
//! file holds one object per line. A bad item fails alone, named by its
//! position ("item 3", "line 7"); the others import. See docs/formats.md.

use super::{IngestError, PartError, Parts, clean_text, decode::decode_text, field, tidy_body};
use crate::dates;
use crate::model::Document;
use serde_json::{Map, Value};

pub fn parse_json(bytes: &[u8]) -> Result<Parts, IngestError> {
    let (text, _) = decode_text(bytes)?;
    let value: Value = serde_json::from_str(&text)
        .map_err(|e| IngestError::Invalid(format!("not valid JSON: {e}")))?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(mut object) => {
            match ["articles", "items", "data"]
                .iter()
                .find_map(|key| match object.remove(*key) {
                    Some(Value::Array(items)) => Some(items),
                    _ => None,
                }) {
                Some(items) => items,
                None => vec![Value::Object(object)],
            }
        }
        _ => {
            return Err(IngestError::Invalid(
                "expected an array of article objects, one object, or {\"articles\": [...]}".into(),
            ));
        }
    };
    if items.is_empty() {
        return Err(IngestError::Invalid("the JSON holds no articles".into()));
    }
    Ok(items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let part = format!("item {}", i + 1);
            article(item)
                .map(|d| Document {
                    part: Some(part.clone()),
                    ..d
                })
                .map_err(|error| PartError { part, error })
        })
        .collect())
}

pub fn parse_json_lines(bytes: &[u8]) -> Result<Parts, IngestError> {
    let (text, _) = decode_text(bytes)?;
    let parts: Parts = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let part = format!("line {}", i + 1);
            serde_json::from_str::<Value>(line)
                .map_err(|e| IngestError::Invalid(format!("invalid JSON: {e}")))
                .and_then(|value| article(&value))
                .map(|d| Document {
                    part: Some(part.clone()),
                    ..d
                })
                .map_err(|error| PartError { part, error })
        })
        .collect();
    if parts.is_empty() {
        return Err(IngestError::Empty);
    }
    Ok(parts)
}

fn string<'a>(object: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .find_map(|k| object.get(*k).and_then(Value::as_str))
}

fn article(value: &Value) -> Result<Document, IngestError> {
    let Value::Object(object) = value else {
        return Err(IngestError::Invalid(
            "expected an object with a \"body\"".into(),
        ));
    };
    let body = match ["body", "text", "content"]
        .iter()
        .find_map(|k| object.get(*k).map(|v| (*k, v)))
    {
        Some((_, Value::String(body))) => tidy_body(&clean_text(body)),
        Some((key, other)) => {
            return Err(IngestError::Invalid(format!(
                "\"{key}\" must be a string, not {}",
                json_type(other)
            )));
        }
        None => return Err(IngestError::Invalid("no \"body\" field".into())),
    };
    if body.is_empty() {
        return Err(IngestError::Invalid("\"body\" is empty".into()));
    }
    Ok(Document {
        title: field(string(object, &["title", "headline"])),
        outlet: field(string(object, &["outlet", "source", "publication", "site"])),
        url: field(string(object, &["url", "link"])),
        byline: field(string(object, &["byline", "author"])),
        published: string(object, &["date", "published", "published_at", "pubDate"])
            .and_then(dates::parse_date)
            .map(dates::iso),
        body,
        part: None,
    })
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_object_and_wrapped_forms() {
        let one =
            r#"{"title":"T","body":"“Yes,” he said.","date":"March 5, 2024","source":"Wire"}"#;
        let parts = parse_json(one.as_bytes()).unwrap();
        let doc = parts[0].as_ref().unwrap();
        assert_eq!(
            (
                doc.title.as_deref(),
                doc.published.as_deref(),
                doc.outlet.as_deref()
            ),
            (Some("T"), Some("2024-03-05"), Some("Wire"))
        );
        assert_eq!(
            parse_json(format!("[{one},{one}]").as_bytes())
                .unwrap()
                .len(),
            2
        );
        assert_eq!(
            parse_json(format!(r#"{{"articles":[{one}]}}"#).as_bytes())
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn bad_items_fail_alone_with_their_position() {
        let parts = parse_json(br#"[{"body":"fine"},{"title":"no body"},{"body":3}]"#).unwrap();
        assert!(parts[0].is_ok());
        let e1 = parts[1].as_ref().unwrap_err();
        assert_eq!(
            (e1.part.as_str(), e1.error.to_string().as_str()),
            ("item 2", "no \"body\" field")
        );
        assert_eq!(
            parts[2].as_ref().unwrap_err().error.to_string(),
            "\"body\" must be a string, not a number"
        );
    }

    #[test]
    fn json_lines_name_the_failing_line() {
        let parts = parse_json_lines(b"{\"body\":\"a\"}\n\n{oops\n{\"body\":\"b\"}\n").unwrap();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[1].as_ref().unwrap_err().part, "line 3");
        assert!(parts[2].is_ok());
    }

    #[test]
    fn not_json() {
        assert!(
            parse_json(b"hello")
                .unwrap_err()
                .to_string()
                .starts_with("not valid JSON")
        );
    }
}
