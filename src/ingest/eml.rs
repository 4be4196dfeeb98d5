//! E-mail clippings (.eml): the message itself (subject as title, Date header
//! as date, body as text) and every attached article (.html/.htm/.txt/.md),
//! each its own document.
//!
//! A short cover note ("FYI, see attached") next to attached articles is not
//! an article and is left out.

use super::{
    IngestError, PartError, Parts, decode::clean_text, field, html, squash, text, tidy_body,
};
use crate::dates;
use crate::model::Document;
use mail_parser::{MessageParser, MimeHeaders};

/// A message body shorter than this, sent with attached articles, is a cover note.
const COVER_NOTE_WORDS: usize = 40;

pub fn parse_eml(bytes: &[u8]) -> Result<Parts, IngestError> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| IngestError::Corrupt {
            format: "e-mail (.eml)",
            reason: "no message headers found".into(),
        })?;
    if message.subject().is_none() && message.date().is_none() && message.from().is_none() {
        return Err(IngestError::Corrupt {
            format: "e-mail (.eml)",
            reason: "it has no Subject, Date or From header — is it really an e-mail?".into(),
        });
    }
    let subject = field(message.subject()).map(|s| strip_forward_prefixes(&s));
    let sent = message
        .date()
        .and_then(|d| dates::parse_date(&d.to_rfc3339()))
        .map(dates::iso);

    let mut parts: Parts = Vec::new();
    for attachment in message.attachments() {
        let name = attachment
            .attachment_name()
            .unwrap_or("unnamed")
            .to_string();
        let lower = name.to_ascii_lowercase();
        let is_html =
            attachment.is_text_html() || lower.ends_with(".html") || lower.ends_with(".htm");
        let is_text = lower.ends_with(".txt")
            || lower.ends_with(".md")
            || attachment.is_content_type("text", "plain");
        let parsed = if is_html {
            let charset = attachment
                .content_type()
                .and_then(|ct| ct.attribute("charset"));
            html::parse_html(attachment.contents(), charset)
        } else if is_text {
            match attachment.text_contents() {
                Some(t) => text::parse_text(t.as_bytes()),
                None => text::parse_text(attachment.contents()),
            }
        } else {
            continue; // images, signatures, calendar invites: not articles
        };
        parts.push(
            parsed
                .map(|mut doc| {
                    doc.published = doc.published.or_else(|| sent.clone());
                    doc.part = Some(format!("attachment {name}"));
                    doc
                })
                .map_err(|error| PartError {
                    part: format!("attachment {name}"),
                    error,
                }),
        );
    }

    let body = message
        .body_text(0)
        .map(|b| tidy_body(&clean_text(&b)))
        .unwrap_or_default();
    let words = body.split_whitespace().count();
    let has_articles = parts.iter().any(Result::is_ok);
    if words >= COVER_NOTE_WORDS || (!has_articles && words > 0) {
        let body = match &subject {
            // The subject of a clipping is its headline; keep it with the text.
            Some(subject) if !squash(&body).starts_with(subject.as_str()) => {
                format!("{subject}\n\n{body}")
            }
            _ => body,
        };
        let mut doc = Document {
            title: subject,
            published: sent,
            body,
            ..Document::default()
        };
        text::sniff_header(&mut doc);
        parts.insert(0, Ok(doc));
    }
    if parts.is_empty() {
        return Err(IngestError::NoText);
    }
    Ok(parts)
}

/// "Fwd: FW: [Clipping] Title" → "Title".
fn strip_forward_prefixes(subject: &str) -> String {
    let mut s = subject.trim();
    loop {
        let lower = s.to_ascii_lowercase();
        if let Some(prefix) = ["fwd:", "fw:", "re:", "tr:", "wg:"]
            .iter()
            .find(|p| lower.starts_with(*p))
        {
            s = s[prefix.len()..].trim_start();
        } else if s.starts_with('[')
            && let Some(end) = s.find(']')
        {
            s = s[end + 1..].trim_start();
        } else {
            return s.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_clipping() {
        let eml = "From: desk@example.invalid\r\nSubject: =?UTF-8?Q?Fwd:_Envoy_=E2=80=9Cconcerned=E2=80=9D?=\r\nDate: Tue, 12 Mar 2024 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=E2=80=9CWe are concerned,=E2=80=9D the envoy said.\r\n";
        let parts = parse_eml(eml.as_bytes()).unwrap();
        let doc = parts[0].as_ref().unwrap();
        assert_eq!(doc.title.as_deref(), Some("Envoy “concerned”"));
        assert_eq!(doc.published.as_deref(), Some("2024-03-12"));
        assert_eq!(
            doc.body,
            "Envoy “concerned”\n\n“We are concerned,” the envoy said."
        );
    }

    #[test]
    fn prefixes() {
        assert_eq!(strip_forward_prefixes("FW: [Clips] Re: Talks"), "Talks");
    }

    #[test]
    fn not_an_email() {
        assert!(parse_eml(b"just some words\nwith no headers at all").is_err());
    }
}
