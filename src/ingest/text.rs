//! Plain text and Markdown.
//!
//! A saved clipping usually opens with a headline, then a dateline or date,
//! sometimes "By Reporter | Outlet", then the story. [`sniff_header`] reads
//! those first lines; the body keeps every line (the headline too, since
//! headlines carry statements: "…: White House").

use super::{IngestError, decode::decode_text, field, squash, tidy_body};
use crate::dates;
use crate::model::Document;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

pub fn parse_text(bytes: &[u8]) -> Result<Document, IngestError> {
    let (text, _) = decode_text(bytes)?;
    let body = tidy_body(&text);
    let mut doc = Document {
        body,
        ..Document::default()
    };
    sniff_header(&mut doc);
    Ok(doc)
}

/// Fills title, date, byline, outlet and url from the first lines of the
/// body, where wire copy and saved clippings put them. Fields already set
/// (from a container's metadata) are kept.
pub fn sniff_header(doc: &mut Document) {
    let lines: Vec<&str> = doc
        .body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(8)
        .collect();
    if doc.title.is_none()
        && let Some(first) = lines.first()
        && first.chars().count() <= 200
        && !first.starts_with(['“', '"'])
    {
        doc.title = Some(squash(first.trim_start_matches('#').trim()));
    }
    for line in lines.iter().skip(1).take(6) {
        let lower = line.to_ascii_lowercase();
        if let Some(rest) = strip_label(line, &["date", "published", "posted", "updated"]) {
            if doc.published.is_none() {
                doc.published = dates::parse_date(rest).map(dates::iso);
            }
        } else if let Some(rest) = strip_label(line, &["source", "outlet", "publication"]) {
            doc.outlet = doc.outlet.take().or_else(|| field(Some(rest)));
        } else if let Some(rest) = strip_label(line, &["url", "link"]) {
            doc.url = doc.url.take().or_else(|| field(Some(rest)));
        } else if lower.starts_with("http://") || lower.starts_with("https://") {
            doc.url = doc.url.take().or_else(|| Some(line.to_string()));
        } else if lower.starts_with("by ") && line.len() < 120 {
            let mut pieces = line[3..].split(['|', '—', '–']).map(str::trim);
            doc.byline = doc.byline.take().or_else(|| field(pieces.next()));
            if let Some(outlet) = pieces.next() {
                doc.outlet = doc.outlet.take().or_else(|| field(Some(outlet)));
            }
        } else if doc.published.is_none()
            && line.len() <= 80
            && let Some((date, range)) = dates::find_date(line)
            && range.start < 40
        {
            // A dateline: the line is (mostly) a date, or "WASHINGTON, March 12, 2024 —".
            doc.published = Some(dates::iso(date));
        }
    }
    // Briefing transcripts carry their date in the title: "Regular Press
    // Conference on March 5, 2024", "Weekly Media Briefing (March 7, 2024)".
    if doc.published.is_none()
        && let Some(title) = &doc.title
        && let Some((date, _)) = dates::find_date(title)
    {
        doc.published = Some(dates::iso(date));
    }
}

/// `Label: value` with one of the given labels (any case) → `value`.
fn strip_label<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let (label, value) = line.split_once(':')?;
    let label = label.trim().to_ascii_lowercase();
    labels.contains(&label.as_str()).then_some(value.trim())
}

/// Markdown → plain text: headings, paragraphs, list items and block quotes
/// become paragraphs; emphasis and link syntax go; YAML front matter feeds the
/// metadata.
pub fn parse_markdown(bytes: &[u8]) -> Result<Document, IngestError> {
    let (text, _) = decode_text(bytes)?;
    let mut doc = Document::default();
    let source = front_matter(&text, &mut doc);

    let mut out = String::with_capacity(source.len());
    let mut heading: Option<(HeadingLevel, String)> = None;
    for event in Parser::new_ext(
        source,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES,
    ) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take() {
                    if doc.title.is_none() && level <= HeadingLevel::H2 {
                        doc.title = field(Some(&text));
                    }
                    out.push_str(&text);
                }
                out.push_str("\n\n");
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                } else {
                    out.push_str(&t);
                }
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow,
            ) => out.push_str("\n\n"),
            Event::End(TagEnd::TableCell) => out.push('\t'),
            // Inline HTML in Markdown is markup, not text; keep only line breaks.
            Event::Html(h) | Event::InlineHtml(h) if h.contains("<br") => out.push('\n'),
            _ => {}
        }
    }
    doc.body = tidy_body(&out);
    if doc.body.is_empty() {
        return Err(IngestError::NoText);
    }
    sniff_header(&mut doc);
    Ok(doc)
}

/// Reads `---`-fenced YAML-style front matter (`title:`, `date:`, `outlet:`,
/// `source:`, `url:`, `author:`) and returns the Markdown after it.
fn front_matter<'a>(text: &'a str, doc: &mut Document) -> &'a str {
    let Some(rest) = text.strip_prefix("---\n") else {
        return text;
    };
    let Some(end) = rest.find("\n---") else {
        return text;
    };
    for line in rest[..end].lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']);
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => doc.title = field(Some(value)),
            "date" | "published" => doc.published = dates::parse_date(value).map(dates::iso),
            "outlet" | "source" | "publication" => doc.outlet = field(Some(value)),
            "url" | "link" => doc.url = field(Some(value)),
            "author" | "byline" => doc.byline = field(Some(value)),
            _ => {}
        }
    }
    let after = &rest[end + 4..];
    after.strip_prefix('\n').unwrap_or(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_date_and_byline_lines() {
        let doc = parse_text(
            "Talks stall: State Department\n\nMarch 12, 2024\nBy Jane Roe | The Capital Ledger\n\n“We are concerned,” Miller said.\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(doc.title.as_deref(), Some("Talks stall: State Department"));
        assert_eq!(doc.published.as_deref(), Some("2024-03-12"));
        assert_eq!(doc.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(doc.outlet.as_deref(), Some("The Capital Ledger"));
        assert!(
            doc.body.starts_with("Talks stall"),
            "the headline stays in the body"
        );
    }

    #[test]
    fn a_transcript_dated_in_its_title() {
        let doc = parse_text(
            "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on March 5, 2024\n\nLin Jian: Good afternoon.\n"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(doc.published.as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn a_body_date_far_down_is_not_the_publication_date() {
        let doc = parse_text(b"Headline\nFirst paragraph.\nSecond.\nThird.\nFourth.\nFifth.\nSixth.\nSeventh said on 2020-01-01.").unwrap();
        assert_eq!(doc.published, None);
    }

    #[test]
    fn markdown_loses_its_syntax_and_keeps_its_words() {
        let md = "---\ntitle: \"Front title\"\ndate: 2024-01-05\noutlet: Wire\n---\n# Heading one\n\n*Jan 5*\n\nHe said **“we are ready”** at [the briefing](http://x.invalid).\n\n- item one\n- item two\n\n> quoted block\n";
        let doc = parse_markdown(md.as_bytes()).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Front title"));
        assert_eq!(doc.published.as_deref(), Some("2024-01-05"));
        assert_eq!(doc.outlet.as_deref(), Some("Wire"));
        assert_eq!(
            doc.body,
            "Heading one\n\nJan 5\n\nHe said “we are ready” at the briefing.\n\nitem one\n\nitem two\n\nquoted block"
        );
    }
}
