//! Ingest: the bytes of one file → one or more [`Document`]s.
//!
//! One module per format; this one detects the format, enforces the limits
//! every format shares and turns parser failures into reasons a person can
//! act on. Ingest is pure: it is handed bytes and a file name and never
//! touches the file system, so the import pipeline can run it on worker
//! threads, isolated from panics (see [`crate::isolate`]).

mod bulk;
mod decode;
mod docx;
mod eml;
mod html;
mod pdf;
mod text;

pub use decode::{clean_text, decode_text};

use crate::model::Document;
use std::path::Path;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 128_000_000;
/// Decompressed size allowed for one part of a zip container (.docx): a
/// defence against zip bombs.
pub const MAX_UNPACKED_BYTES: u64 = 64_000_000;

/// Why a file, or one part of it, could not be imported. The messages are
/// shown to users after the file name: say what is wrong and, where it helps,
/// what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("the file is empty")]
    Empty,
    #[error("binary data, not text — is this the right file?")]
    Binary,
    #[error("the file is {} — On Record imports files up to {} (split it or extract the text first)", human_bytes(*.size), human_bytes(*.limit))]
    TooLarge { size: u64, limit: u64 },
    #[error("unsupported file type{} — On Record reads .txt, .md, .html, .htm, .docx, .pdf, .eml, .json and .jsonl", extension.as_deref().map(|e| format!(" '.{e}'")).unwrap_or_default())]
    Unsupported { extension: Option<String> },
    #[error("no text layer — is it a scanned image?")]
    NoTextLayer,
    #[error("not a readable {format} file ({reason})")]
    Corrupt {
        format: &'static str,
        reason: String,
    },
    #[error("the {format} reader crashed on this file; it was skipped and nothing was stored")]
    Crashed { format: &'static str },
    #[error("{0}")]
    Invalid(String),
    #[error("no article text found")]
    NoText,
    #[error("cannot read the file: {0}")]
    Io(String),
}

/// The failure of one part of a multi-article file (a JSONL line, an e-mail
/// attachment) while its other parts import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartError {
    pub part: String,
    pub error: IngestError,
}

/// What one file yields: its documents and the parts that failed.
pub type Parts = Vec<Result<Document, PartError>>;

/// The formats On Record reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Docx,
    Pdf,
    Eml,
    Json,
    JsonLines,
}

impl Format {
    /// The format a file name's extension stands for.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "docx" => Format::Docx,
            "pdf" => Format::Pdf,
            "eml" => Format::Eml,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            _ => return None,
        })
    }

    /// Short name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Docx => "Word (.docx)",
            Format::Pdf => "PDF",
            Format::Eml => "e-mail (.eml)",
            Format::Json => "JSON",
            Format::JsonLines => "JSON Lines",
        }
    }
}

/// Parses one file's bytes. `path` only names the file (for its format and
/// for messages); it is never opened.
pub fn ingest(path: &Path, bytes: &[u8]) -> Result<Parts, IngestError> {
    let Some(format) = Format::from_path(path) else {
        return Err(IngestError::Unsupported {
            extension: path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase),
        });
    };
    ingest_as(format, bytes)
}

/// Parses bytes known to be in `format`.
pub fn ingest_as(format: Format, bytes: &[u8]) -> Result<Parts, IngestError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    let single = |doc: Result<Document, IngestError>| doc.map(|d| vec![Ok(d)]);
    match format {
        Format::Text => single(text::parse_text(bytes)),
        Format::Markdown => single(text::parse_markdown(bytes)),
        Format::Html => single(html::parse_html(bytes, None)),
        Format::Docx => single(docx::parse_docx(bytes)),
        Format::Pdf => single(pdf::parse_pdf(bytes)),
        Format::Eml => eml::parse_eml(bytes),
        Format::Json => bulk::parse_json(bytes),
        Format::JsonLines => bulk::parse_json_lines(bytes),
    }
}

/// Final shape of every body, whatever the format: trimmed lines, at most one
/// blank line between paragraphs, no leading or trailing blank lines.
pub(crate) fn tidy_body(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank {
                out.push('\n');
            }
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// `12.3 MB`-style sizes for messages.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// Collapses runs of whitespace to single spaces (titles, metadata fields).
pub(crate) fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A non-empty, squashed metadata value.
pub(crate) fn field(text: Option<&str>) -> Option<String> {
    text.map(squash).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::from_path(Path::new("a/B.HTM")), Some(Format::Html));
        assert_eq!(
            Format::from_path(Path::new("x.ndjson")),
            Some(Format::JsonLines)
        );
        assert_eq!(Format::from_path(Path::new("x.xyz")), None);
        assert_eq!(Format::from_path(Path::new("README")), None);
    }

    #[test]
    fn unsupported_names_the_extension() {
        let err = ingest(Path::new("photo.PNG"), b"x").unwrap_err();
        assert!(
            err.to_string().starts_with("unsupported file type '.png'"),
            "{err}"
        );
    }

    #[test]
    fn tidy_body_keeps_paragraphs() {
        assert_eq!(tidy_body("\n\n a  \n\n\n\nb\nc  \n\n"), " a\n\nb\nc");
    }

    #[test]
    fn sizes_read_like_a_person_writes_them() {
        assert_eq!(human_bytes(512), "512 bytes");
        assert_eq!(human_bytes(1_500_000_000), "1.5 GB");
    }
}
