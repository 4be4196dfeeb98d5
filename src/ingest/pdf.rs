//! PDF: the text layer, page by page, with title and date from the document
//! information dictionary.
//!
//! pdf-extract (on lopdf) does the reading. It is known to panic on unusual
//! font encodings, so the import pipeline calls every parser through
//! [`crate::isolate`]; a crash costs only the file that caused it.

use super::{IngestError, decode::clean_text, field, text::sniff_header, tidy_body};
use crate::dates;
use crate::model::Document;
use pdf_extract::{Document as PdfDocument, Object, PlainTextOutput};

const FORMAT: &str = "PDF";

pub fn parse_pdf(bytes: &[u8]) -> Result<Document, IngestError> {
    if !bytes.starts_with(b"%PDF")
        && !bytes[..bytes.len().min(1024)]
            .windows(4)
            .any(|w| w == b"%PDF")
    {
        return Err(IngestError::Corrupt {
            format: FORMAT,
            reason: "it does not start with a PDF header".into(),
        });
    }
    let mut pdf = PdfDocument::load_mem(bytes).map_err(|e| IngestError::Corrupt {
        format: FORMAT,
        reason: e.to_string(),
    })?;
    if pdf.is_encrypted() && pdf.decrypt("").is_err() {
        return Err(IngestError::Invalid(
            "the PDF is password-protected — save an unprotected copy and import that".into(),
        ));
    }
    if page_tree_loops(&pdf) {
        return Err(IngestError::Corrupt {
            format: FORMAT,
            reason: "its page tree loops back on itself".into(),
        });
    }
    let mut text = String::new();
    pdf_extract::output_doc(&pdf, &mut PlainTextOutput::new(&mut text)).map_err(|e| {
        IngestError::Corrupt {
            format: FORMAT,
            reason: e.to_string(),
        }
    })?;
    let body = tidy_body(&clean_text(&text));
    if body.split_whitespace().count() < 3 {
        return Err(IngestError::NoTextLayer);
    }
    let mut doc = Document {
        body,
        ..Document::default()
    };
    info_fields(&pdf, &mut doc);
    sniff_header(&mut doc);
    Ok(doc)
}

/// Whether following /Parent up from some page never reaches the root.
/// pdf-extract looks up inherited page attributes (/Resources, /MediaBox)
/// by following /Parent with no end, so such a file would hold its import
/// forever (found by fuzzing: a 2 KB file). A catch_unwind cannot stop a
/// loop; refusing the file first can.
fn page_tree_loops(pdf: &PdfDocument) -> bool {
    const MAX_DEPTH: usize = 1024;
    pdf.get_pages().into_values().any(|page| {
        let mut seen = std::collections::HashSet::new();
        let mut id = page;
        loop {
            if !seen.insert(id) || seen.len() > MAX_DEPTH {
                return true;
            }
            let parent = pdf
                .get_object(id)
                .and_then(Object::as_dict)
                .and_then(|page| page.get(b"Parent"))
                .and_then(Object::as_reference);
            match parent {
                Ok(parent) => id = parent,
                Err(_) => return false,
            }
        }
    })
}

/// /Title, /Author and /CreationDate from the trailer's /Info dictionary.
fn info_fields(pdf: &PdfDocument, doc: &mut Document) {
    let Ok(info) = pdf.trailer.get(b"Info") else {
        return;
    };
    let Ok((_, info)) = pdf.dereference(info) else {
        return;
    };
    let Ok(info) = info.as_dict() else { return };
    let text = |key: &[u8]| -> Option<String> {
        let object = info.get(key).ok()?;
        let (_, object) = pdf.dereference(object).ok()?;
        match object {
            Object::String(bytes, _) => Some(pdf_text_string(bytes)),
            _ => None,
        }
    };
    doc.title = field(text(b"Title").as_deref()).or(doc.title.take());
    doc.byline = field(text(b"Author").as_deref()).or(doc.byline.take());
    if let Some(created) = text(b"CreationDate") {
        doc.published = pdf_date(&created).or(doc.published.take());
    }
}

/// PDF text strings are UTF-16BE with a BOM or PDFDocEncoding (≈ Latin-1).
fn pdf_text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

/// `D:20240312093000+00'00'` → `2024-03-12`.
fn pdf_date(text: &str) -> Option<String> {
    let digits = text.trim().trim_start_matches("D:");
    if digits.len() >= 8 && digits[..8].bytes().all(|b| b.is_ascii_digit()) {
        let iso = format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..8]);
        return dates::parse_date(&iso).map(dates::iso);
    }
    dates::parse_date(text).map(dates::iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_and_strings() {
        assert_eq!(
            pdf_date("D:20240312093000+00'00'").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(pdf_date("D:2024"), None);
        assert_eq!(pdf_text_string(&[0xFE, 0xFF, 0, b'H', 0x20, 0x1C]), "H“");
        assert_eq!(pdf_text_string(b"caf\xe9"), "café");
    }

    #[test]
    fn not_a_pdf() {
        let err = parse_pdf(b"hello world").unwrap_err();
        assert!(err.to_string().contains("PDF header"), "{err}");
    }
}
