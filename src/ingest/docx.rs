//! Word documents (.docx): the text of `word/document.xml` paragraph by
//! paragraph, and title and date from `docProps/core.xml`.
//!
//! Read with `zip` and `quick-xml` directly: full .docx libraries panic on
//! some real files, and a reader of paragraphs, runs, tabs and breaks is all
//! we need. Every zip entry is read through a size cap so a zip bomb fails
//! with a message instead of filling memory.

use super::{
    IngestError, MAX_UNPACKED_BYTES, decode::clean_text, field, text::sniff_header, tidy_body,
};
use crate::dates;
use crate::model::Document;
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::{Cursor, Read};

const FORMAT: &str = "Word (.docx)";

fn corrupt(reason: impl std::fmt::Display) -> IngestError {
    IngestError::Corrupt {
        format: FORMAT,
        reason: reason.to_string(),
    }
}

pub fn parse_docx(bytes: &[u8]) -> Result<Document, IngestError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
        zip::result::ZipError::InvalidArchive(_) | zip::result::ZipError::UnsupportedArchive(_) => {
            corrupt("it is not a zip archive, or the archive is damaged")
        }
        other => corrupt(other),
    })?;
    let document = read_entry(&mut archive, "word/document.xml")?
        .ok_or_else(|| corrupt("word/document.xml is missing — is this really a Word document?"))?;
    let text = document_text(&document)?;
    let mut doc = Document {
        body: tidy_body(&clean_text(&text)),
        ..Document::default()
    };
    if doc.body.is_empty() {
        return Err(IngestError::NoText);
    }
    if let Some(core) = read_entry(&mut archive, "docProps/core.xml")? {
        core_properties(&core, &mut doc);
    }
    sniff_header(&mut doc);
    Ok(doc)
}

/// The entry's bytes as UTF-8 text, `None` if the archive lacks it.
fn read_entry(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, IngestError> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(corrupt(e)),
    };
    let mut bytes = Vec::new();
    entry
        .take(MAX_UNPACKED_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(corrupt)?;
    if bytes.len() as u64 > MAX_UNPACKED_BYTES {
        return Err(corrupt(format!(
            "{name} unpacks to more than {} — refusing a possible zip bomb",
            super::human_bytes(MAX_UNPACKED_BYTES)
        )));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| corrupt(format!("{name} is not UTF-8 XML")))
}

/// Paragraphs (`w:p`) become lines, table cells are separated by tabs, `w:tab`
/// and `w:br` keep their meaning; deleted revisions (`w:del`) are skipped.
fn document_text(xml: &str) -> Result<String, IngestError> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::with_capacity(xml.len() / 4);
    let mut in_text = false;
    let mut deleted_depth = 0usize;
    loop {
        match reader
            .read_event()
            .map_err(|e| corrupt(format!("document.xml: {e}")))?
        {
            Event::Start(e) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"del" => deleted_depth += 1,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" => out.push('\t'),
                b"br" | b"cr" => out.push('\n'),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"del" => deleted_depth = deleted_depth.saturating_sub(1),
                b"p" => out.push_str("\n\n"),
                b"tc" => out.push('\t'),
                b"tr" => out.push_str("\n\n"),
                _ => {}
            },
            Event::Text(t) if in_text && deleted_depth == 0 => {
                let text = t
                    .decode()
                    .map_err(|e| corrupt(format!("document.xml: {e}")))?;
                out.push_str(
                    &quick_xml::escape::unescape(&text)
                        .map_err(|e| corrupt(format!("document.xml: {e}")))?,
                );
            }
            Event::GeneralRef(r) if in_text && deleted_depth == 0 => {
                let name = r
                    .decode()
                    .map_err(|e| corrupt(format!("document.xml: {e}")))?;
                if let Some(c) = r.resolve_char_ref().ok().flatten() {
                    out.push(c);
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
                    out.push_str(s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// `dc:title` and `dcterms:created` (or `modified`) from core.xml.
fn core_properties(xml: &str, doc: &mut Document) {
    let mut reader = Reader::from_str(xml);
    let mut current: Option<Vec<u8>> = None;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) => current = Some(e.local_name().as_ref().to_vec()),
            Event::End(_) => current = None,
            Event::Text(t) => {
                let Ok(text) = t.decode() else { continue };
                match current.as_deref() {
                    Some(b"title") => doc.title = field(Some(&text)),
                    Some(b"created") => {
                        doc.published = dates::parse_date(&text)
                            .map(dates::iso)
                            .or(doc.published.take())
                    }
                    Some(b"modified") if doc.published.is_none() => {
                        doc.published = dates::parse_date(&text).map(dates::iso)
                    }
                    Some(b"creator") => doc.byline = field(Some(&text)),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn docx(document: &str, core: Option<&str>) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(document.as_bytes()).unwrap();
        if let Some(core) = core {
            zip.start_file("docProps/core.xml", options).unwrap();
            zip.write_all(core.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        buf.into_inner()
    }

    #[test]
    fn runs_split_mid_word_join_up() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>Talks st</w:t></w:r><w:r><w:t>all</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">“We are </w:t></w:r><w:r><w:t>ready,” she said.</w:t></w:r><w:r><w:tab/><w:t>A&amp;B</w:t></w:r></w:p>
            <w:p><w:del><w:r><w:t>removed</w:t></w:r></w:del></w:p>
            </w:body></w:document>"#;
        let core = r#"<cp:coreProperties xmlns:cp="a" xmlns:dc="b" xmlns:dcterms="c"><dc:title>Core title</dc:title><dcterms:created>2024-03-12T09:00:00Z</dcterms:created></cp:coreProperties>"#;
        let doc = parse_docx(&docx(xml, Some(core))).unwrap();
        assert_eq!(doc.body, "Talks stall\n\n“We are ready,” she said.\tA&B");
        assert_eq!(doc.title.as_deref(), Some("Core title"));
        assert_eq!(doc.published.as_deref(), Some("2024-03-12"));
    }

    #[test]
    fn damaged_archives_say_so() {
        let err = parse_docx(b"PK\x03\x04 garbage").unwrap_err();
        assert!(
            err.to_string().contains("not a readable Word (.docx) file"),
            "{err}"
        );
        let err = parse_docx(&docx("<w:document/>", None)[..]).unwrap_err();
        assert_eq!(err, IngestError::NoText);
    }
}
