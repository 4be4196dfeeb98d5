//! The Markdown report: the same content as the HTML one, readable as plain
//! text and rendered by any Markdown viewer. Removed words are ~~struck
//! through~~, added ones **bold**, ignored differences *italic*; each
//! sentence row is a small block with both sides under each other (tables
//! of long sentences do not read as text).

use super::{
    Body, Citations, Mark, Piece, Side, body, kind_text, letter, link, mode_text, options_text,
    percent, role_line, row_kind, row_pieces, shared_pieces, sharing, source_line, summary_text,
};
use crate::compare::{Comparison, RowKind};
use crate::session::{Session, SessionComparison, SessionStatement};
use std::fmt::Write;

/// The session as a Markdown document.
pub fn markdown(session: &Session) -> String {
    let citations = Citations::of(session);
    let mut out = String::new();
    let count = session.comparisons.len();
    let _ = write!(
        out,
        "# {}\n\nOn Record report · {count} comparison{} · mode: {} · options: {}\n\n",
        inline(&session.name),
        super::plural(count),
        mode_text(session.mode),
        inline(&options_text(&session.options)),
    );
    out.push_str(
        "## Legend\n\n\
- ~~struck through~~ — words only in the first statement (removed)\n\
- **bold** — words only in the second statement (added); in shared mode, wording both statements use\n\
- *italic* — a difference the options ignore\n\
- ↪ — a sentence both say, at different places (moved)\n\
- Rows: = unchanged, ~ reworded, + added, − dropped, ↪ moved\n\
- Three to six statements: = shared wording, ≈ similar, ≠ unique\n\n",
    );
    for (k, c) in session.comparisons.iter().enumerate() {
        comparison(&mut out, session, k, c, &citations);
    }
    out.push_str("## Citations\n\n");
    for (k, s) in citations.statements.iter().enumerate() {
        citation(&mut out, k + 1, s);
    }
    out
}

/// Text for a Markdown line: line breaks become spaces, and characters
/// that Markdown would read as markup are escaped.
pub(super) fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        if c == '\n' || c == '\r' {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = c == ' ';
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            // "&amp;" would be read as an entity.
            '&' if entity_follows(chars.clone()) => out.push_str("\\&"),
            c => out.push(c),
        }
    }
    out
}

/// Whether the characters after an '&' spell an entity ("amp;", "#39;").
fn entity_follows(rest: impl Iterator<Item = char>) -> bool {
    let mut n = 0;
    for c in rest.take(34) {
        match c {
            ';' => return n > 0,
            '#' if n == 0 => {}
            c if c.is_ascii_alphanumeric() => n += 1,
            _ => return false,
        }
    }
    false
}

/// A text of several lines (a note) as a block quote.
pub(super) fn quote(text: &str) -> String {
    text.trim()
        .lines()
        .map(|line| {
            let line = inline(line);
            // What would open a list, a heading or a rule at a line's start.
            let starts_block = line.starts_with(['-', '+', '=', '#'])
                || line
                    .split_once(['.', ')'])
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            if line.trim().is_empty() {
                ">".to_string()
            } else if starts_block {
                format!("> \\{line}")
            } else {
                format!("> {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn pieces(pieces: &[Piece<'_>]) -> String {
    let mut out = String::new();
    for p in pieces {
        if !p.gap.is_empty() {
            out.push(' ');
        }
        let text = inline(p.text);
        match p.mark {
            Mark::Plain => out.push_str(&text),
            Mark::Removed => {
                let _ = write!(out, "~~{text}~~");
            }
            Mark::Added | Mark::Shared => {
                let _ = write!(out, "**{text}**");
            }
            Mark::Ignored => {
                let _ = write!(out, "*{text}*");
            }
        }
    }
    out
}

/// "[1] John Kirby, Spokesperson, Department of State — Wire · 2024-03-12 — Title"
fn who(s: &SessionStatement, number: usize) -> String {
    let mut line = format!("[{number}] {}", inline(s.speaker_name()));
    if let Some(role) = role_line(s) {
        let _ = write!(line, ", {}", inline(&role));
    }
    if let Some(source) = source_line(s) {
        let _ = write!(line, " — {}", inline(&source));
    }
    if let Some(title) = s.article_title.as_deref().filter(|t| !t.trim().is_empty()) {
        let _ = write!(line, " — “{}”", inline(title));
    }
    line
}

fn comparison(
    out: &mut String,
    session: &Session,
    k: usize,
    c: &SessionComparison,
    citations: &Citations<'_>,
) {
    let _ = write!(out, "## {}. {}\n\n", k + 1, inline(&c.label()));
    if !c.note.trim().is_empty() {
        let _ = write!(out, "> **Note:**\n>\n{}\n\n", quote(&c.note));
    }
    for (k, s) in c.statements.iter().enumerate() {
        let letter = letter(k);
        let _ = writeln!(out, "- **{letter}** {}", who(s, citations.number(s)));
    }
    out.push('\n');
    match body(c, session.mode, &session.options) {
        Body::Diff(result) => {
            stats(out, &result);
            out.push_str("### Sentence by sentence\n\n");
            for (r, row) in result.rows.iter().enumerate() {
                let (glyph, word) = row_kind(row.kind);
                let _ = write!(out, "**{} · {glyph} {word}**\n\n", r + 1);
                let arrow = if row.kind == RowKind::Moved {
                    "↪ "
                } else {
                    ""
                };
                for (side, letter) in [(Side::A, "A"), (Side::B, "B")] {
                    let cut = row_pieces(row, side);
                    if cut.is_empty() {
                        let _ = writeln!(out, "- {letter}: —");
                    } else {
                        let _ = writeln!(out, "- {letter}: {arrow}{}", pieces(&cut));
                    }
                }
                out.push('\n');
            }
            significant(out, &result);
            shared_list(out, &result.shared_phrases);
        }
        Body::Shared {
            comparison: result,
            phrases,
        } => {
            stats(out, &result);
            out.push_str("### Shared wording\n\n");
            let [a, b] = [&c.statements[0], &c.statements[1]];
            let _ = writeln!(
                out,
                "- A: {}",
                pieces(&shared_pieces(&a.text, phrases.iter().map(|p| p.a.clone())))
            );
            let _ = write!(
                out,
                "- B: {}\n\n",
                pieces(&shared_pieces(&b.text, phrases.iter().map(|p| p.b.clone())))
            );
            let texts: Vec<String> = phrases.iter().map(|p| p.text.clone()).collect();
            shared_list(out, &texts);
            significant(out, &result);
        }
        Body::NWay(table) => {
            out.push_str("### Sentence by sentence\n\n");
            for (r, row) in table.rows.iter().enumerate() {
                let _ = write!(out, "**{}**\n\n", r + 1);
                for (k, cell) in row.cells.iter().enumerate() {
                    let letter = letter(k);
                    match cell {
                        Some(cell) => {
                            let (glyph, word) = sharing(cell.sharing);
                            let _ = writeln!(
                                out,
                                "- {letter} {glyph} ({word}): {}",
                                inline(&cell.text)
                            );
                        }
                        None => {
                            let _ = writeln!(out, "- {letter}: —");
                        }
                    }
                }
                out.push('\n');
            }
        }
        Body::Alone => {
            out.push_str("*Nothing to compare yet: a comparison needs two statements or more.*\n\n")
        }
    }
}

fn stats(out: &mut String, result: &Comparison) {
    let _ = write!(
        out,
        "Similarity **{}** · sentences: {}\n\n",
        percent(result.similarity),
        summary_text(&result.summary)
    );
    if result.degraded {
        out.push_str("*These texts are long: some sentences were compared more coarsely to finish in time.*\n\n");
    }
}

fn significant(out: &mut String, result: &Comparison) {
    if result.significant.is_empty() {
        return;
    }
    out.push_str("### Significant changes\n\n");
    for (k, s) in result.significant.iter().enumerate() {
        let what = match (s.a.as_deref(), s.b.as_deref()) {
            (Some(a), Some(b)) => format!("~~{}~~ → **{}**", inline(a), inline(b)),
            (None, Some(b)) => format!("added **{}**", inline(b)),
            (Some(a), None) => format!("dropped ~~{}~~", inline(a)),
            (None, None) => "a change".into(),
        };
        let _ = writeln!(
            out,
            "{}. {}: {what} (sentence {})",
            k + 1,
            s.category.as_str(),
            s.row + 1
        );
    }
    out.push('\n');
}

fn shared_list(out: &mut String, phrases: &[String]) {
    if phrases.is_empty() {
        return;
    }
    out.push_str("### Shared phrases\n\n");
    for p in phrases {
        let _ = writeln!(out, "- “{}”", inline(p));
    }
    out.push('\n');
}

fn citation(out: &mut String, number: usize, s: &SessionStatement) {
    let mut line = format!("{number}. **{}**", inline(s.speaker_name()));
    if let Some(role) = role_line(s) {
        let _ = write!(line, ", {}", inline(&role));
    }
    let _ = write!(line, ": “{}” ({})", inline(s.text.trim()), kind_text(s));
    let mut facts: Vec<String> = Vec::new();
    if let Some(title) = s.article_title.as_deref().filter(|t| !t.trim().is_empty()) {
        facts.push(format!("*{}*", inline(title)));
    }
    if let Some(outlet) = s.outlet.as_deref().filter(|t| !t.trim().is_empty()) {
        facts.push(inline(outlet));
    }
    if let Some(date) = s.date.as_deref().filter(|t| !t.trim().is_empty()) {
        facts.push(inline(date));
    }
    match (link(s.url.as_deref()), s.url.as_deref()) {
        (Some(url), _) if !url.contains(['<', '>']) => facts.push(format!("<{url}>")),
        (_, Some(text)) if !text.trim().is_empty() => facts.push(inline(text)),
        _ => {}
    }
    if let Some(path) = s.source_path.as_deref().filter(|t| !t.trim().is_empty()) {
        facts.push(format!("file {}", inline(path)));
    }
    if let Some(id) = s.id {
        facts.push(format!("library statement #{id}"));
    }
    if s.end > s.start {
        facts.push(format!("bytes {}–{} of the article", s.start, s.end));
    }
    if facts.is_empty() {
        let _ = write!(out, "{line}\n\n");
    } else {
        // A second paragraph of the same list item.
        let _ = write!(out, "{line}\n\n   {}.\n\n", facts.join(" · "));
    }
}
