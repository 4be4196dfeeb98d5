//! The HTML report: one self-contained file — the style sheet inline, no
//! scripts, nothing loaded from anywhere — that opens in any browser, prints,
//! and can be mailed as it is. Every text is escaped; only http(s) urls
//! become links. Colour is never the only marker: removed words are struck
//! through and added ones underlined, and every marked stretch also carries
//! a bracketed marker ([− …], [+ …], [~ …], [= …]) in a span that is hidden
//! on screen but read by screen readers and kept when the text is copied.

use super::{
    Body, Citations, Mark, Piece, Side, body, kind_text, link, mode_text, options_text, percent,
    plural, role_line, row_kind, row_pieces, shared_pieces, sharing, source_line, summary_text,
};
use crate::compare::{Comparison, RowKind};
use crate::session::{Session, SessionComparison, SessionStatement};
use std::fmt::Write;

const STYLE: &str = r#"
:root { --removed: #a40e26; --removed-bg: #fde8ea; --added: #0b6b2e; --added-bg: #e2f4e7; --moved: #4b2ea8; --moved-bg: #efeafb; --ignored: #6b6b6b; --shared-bg: #fff0a0; --rule: #d0d4da; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; max-width: 78rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin-bottom: 0.4rem; }
.meta, .stats { color: #444c56; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid var(--rule); padding: 0.45rem 0.6rem; vertical-align: top; text-align: left; }
th { background: #f4f6f8; font-weight: normal; }
th .speaker { font-weight: bold; }
td.kind, th.kind { width: 7.5rem; color: #444c56; font-size: 0.9rem; }
del { color: var(--removed); background: var(--removed-bg); text-decoration: line-through; }
ins { color: var(--added); background: var(--added-bg); text-decoration: underline; }
.ignored { color: var(--ignored); font-style: italic; }
mark { background: var(--shared-bg); color: inherit; }
tr.moved td { background: var(--moved-bg); }
.moved-mark, tr.moved td.kind { color: var(--moved); font-weight: bold; }
td.empty { color: #8b949e; }
td.shared { background: #eef6ee; }
td.similar { background: #f6f6ea; }
.glyph { font-weight: bold; margin-right: 0.3rem; }
.note { border-left: 4px solid #8b949e; padding: 0.3rem 0.8rem; background: #f6f8fa; }
.cite { font-size: 0.85rem; }
.legend ul { list-style: none; padding-left: 0; }
.citations li { margin-bottom: 0.6rem; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } section.comparison { break-inside: avoid-page; } }
"#;

/// The session as one self-contained HTML page.
pub fn html(session: &Session) -> String {
    let citations = Citations::of(session);
    let mut out = String::new();
    let name = esc(&session.name);
    let count = session.comparisons.len();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"On Record\">\n<title>{name} — On Record report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{name}</h1>\n<p class=\"meta\">On Record report · {count} comparison{} · mode: {} · options: {}</p>\n</header>\n",
        plural(count),
        mode_text(session.mode),
        esc(&options_text(&session.options)),
    );
    legend(&mut out);
    if count > 1 {
        out.push_str("<nav aria-label=\"Comparisons\">\n<h2>Comparisons</h2>\n<ol>\n");
        for (k, c) in session.comparisons.iter().enumerate() {
            let _ = writeln!(
                out,
                "<li><a href=\"#c{}\">{}</a></li>",
                k + 1,
                esc(&c.label())
            );
        }
        out.push_str("</ol>\n</nav>\n");
    }
    out.push_str("<main>\n");
    for (k, c) in session.comparisons.iter().enumerate() {
        comparison(&mut out, session, k, c, &citations);
    }
    out.push_str("</main>\n");
    citations_section(&mut out, &citations);
    out.push_str("</body>\n</html>\n");
    out
}

/// Escapes text for HTML content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text with its line breaks kept.
fn esc_lines(text: &str) -> String {
    esc(text.trim())
        .replace("\r\n", "\n")
        .replace('\n', "<br>\n")
}

fn legend(out: &mut String) {
    out.push_str(
        "<section class=\"legend\" aria-labelledby=\"legend\">\n<h2 id=\"legend\">Legend</h2>\n<ul>\n\
<li><del><span class=\"vh\">[− </span>struck through<span class=\"vh\"> −]</span></del> — words only in the first statement (removed; marked [− …] for screen readers)</li>\n\
<li><ins><span class=\"vh\">[+ </span>underlined<span class=\"vh\"> +]</span></ins> — words only in the second statement (added; marked [+ …])</li>\n\
<li><span class=\"moved-mark\">↪ moved</span> — a sentence both say, at different places</li>\n\
<li><span class=\"ignored\"><span class=\"vh\">[~ </span>grey italics<span class=\"vh\"> ~]</span></span> — a difference the options ignore (marked [~ …])</li>\n\
<li><mark><span class=\"vh\">[= </span>highlighted<span class=\"vh\"> =]</span></mark> — wording both statements use, in shared mode (marked [= …])</li>\n\
<li>Rows: = unchanged, ~ reworded, + added, − dropped, ↪ moved. Three to six statements: = shared wording, ≈ similar, ≠ unique.</li>\n\
</ul>\n</section>\n",
    );
}

/// Pieces as HTML: each marked stretch in its element with its hidden marker.
fn pieces(out: &mut String, pieces: &[Piece<'_>]) {
    for p in pieces {
        out.push_str(&esc(p.gap));
        let text = esc(p.text);
        let _ = match p.mark {
            Mark::Plain => write!(out, "{text}"),
            Mark::Removed => write!(
                out,
                "<del><span class=\"vh\">[− </span>{text}<span class=\"vh\"> −]</span></del>"
            ),
            Mark::Added => write!(
                out,
                "<ins><span class=\"vh\">[+ </span>{text}<span class=\"vh\"> +]</span></ins>"
            ),
            Mark::Ignored => write!(
                out,
                "<span class=\"ignored\"><span class=\"vh\">[~ </span>{text}<span class=\"vh\"> ~]</span></span>"
            ),
            Mark::Shared => write!(
                out,
                "<mark><span class=\"vh\">[= </span>{text}<span class=\"vh\"> =]</span></mark>"
            ),
        };
    }
}

/// The header cell of one statement: who, in which capacity, where, when.
fn statement_header(out: &mut String, s: &SessionStatement, number: usize, extra: &str) {
    let _ = write!(
        out,
        "<th scope=\"col\"{extra}><div class=\"speaker\">{} <a class=\"cite\" href=\"#cite-{number}\">[{number}]</a></div>",
        esc(s.speaker_name())
    );
    if let Some(role) = role_line(s) {
        let _ = write!(out, "<div>{}</div>", esc(&role));
    }
    if let Some(source) = source_line(s) {
        let _ = write!(out, "<div>{}</div>", esc(&source));
    }
    let title = s.article_title.as_deref().filter(|t| !t.trim().is_empty());
    match (title, link(s.url.as_deref())) {
        (Some(title), Some(url)) => {
            let _ = write!(
                out,
                "<div><a href=\"{}\" rel=\"noreferrer\">{}</a></div>",
                esc(url),
                esc(title)
            );
        }
        (Some(title), None) => {
            let _ = write!(out, "<div>{}</div>", esc(title));
        }
        (None, Some(url)) => {
            let _ = write!(
                out,
                "<div><a href=\"{}\" rel=\"noreferrer\">{}</a></div>",
                esc(url),
                esc(url)
            );
        }
        (None, None) => {}
    }
    out.push_str("</th>");
}

fn comparison(
    out: &mut String,
    session: &Session,
    k: usize,
    c: &SessionComparison,
    citations: &Citations<'_>,
) {
    let _ = write!(
        out,
        "<section class=\"comparison\" id=\"c{}\">\n<h2>{}. {}</h2>\n",
        k + 1,
        k + 1,
        esc(&c.label())
    );
    if !c.note.trim().is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\"><strong>Note:</strong> {}</p>",
            esc_lines(&c.note)
        );
    }
    match body(c, session.mode, &session.options) {
        Body::Diff(result) => {
            stats(out, &result);
            pair_table(out, c, &result, citations);
            significant(out, &result);
            shared_list(out, &result.shared_phrases);
        }
        Body::Shared {
            comparison: result,
            phrases,
        } => {
            stats(out, &result);
            let [a, b] = [&c.statements[0], &c.statements[1]];
            out.push_str("<table class=\"pair shared-mode\">\n<thead><tr>");
            statement_header(out, a, citations.number(a), "");
            statement_header(out, b, citations.number(b), "");
            out.push_str("</tr></thead>\n<tbody><tr><td>");
            pieces(
                out,
                &shared_pieces(&a.text, phrases.iter().map(|p| p.a.clone())),
            );
            out.push_str("</td><td>");
            pieces(
                out,
                &shared_pieces(&b.text, phrases.iter().map(|p| p.b.clone())),
            );
            out.push_str("</td></tr></tbody>\n</table>\n");
            let texts: Vec<String> = phrases.iter().map(|p| p.text.clone()).collect();
            shared_list(out, &texts);
            significant(out, &result);
        }
        Body::NWay(table) => {
            out.push_str(
                "<table class=\"nway\">\n<thead><tr><th scope=\"col\" class=\"kind\">Sentence</th>",
            );
            for s in &c.statements {
                statement_header(out, s, citations.number(s), "");
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for (r, row) in table.rows.iter().enumerate() {
                let _ = write!(out, "<tr><td class=\"kind\">{}</td>", r + 1);
                for cell in &row.cells {
                    match cell {
                        Some(cell) => {
                            let (glyph, word) = sharing(cell.sharing);
                            let _ = write!(
                                out,
                                "<td class=\"{word}\"><span class=\"glyph\" aria-hidden=\"true\" title=\"{word} wording\">{glyph}</span><span class=\"vh\">({word} wording) </span>{}</td>",
                                esc(&cell.text)
                            );
                        }
                        None => out.push_str(
                            "<td class=\"empty\"><span aria-hidden=\"true\">—</span><span class=\"vh\">nothing here</span></td>",
                        ),
                    }
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        Body::Alone => {
            out.push_str("<table class=\"alone\">\n<thead><tr>");
            for s in &c.statements {
                statement_header(out, s, citations.number(s), "");
            }
            out.push_str("</tr></thead>\n<tbody><tr>");
            for s in &c.statements {
                let _ = write!(out, "<td>{}</td>", esc_lines(&s.text));
            }
            out.push_str("</tr></tbody>\n</table>\n<p class=\"stats\">Nothing to compare yet: a comparison needs two statements or more.</p>\n");
        }
    }
    out.push_str("</section>\n");
}

fn stats(out: &mut String, result: &Comparison) {
    let _ = writeln!(
        out,
        "<p class=\"stats\">Similarity <strong>{}</strong> · sentences: {}</p>",
        percent(result.similarity),
        summary_text(&result.summary)
    );
    if result.degraded {
        out.push_str("<p class=\"stats\">These texts are long: some sentences were compared more coarsely to finish in time.</p>\n");
    }
}

fn pair_table(
    out: &mut String,
    c: &SessionComparison,
    result: &Comparison,
    citations: &Citations<'_>,
) {
    let [a, b] = [&c.statements[0], &c.statements[1]];
    out.push_str(
        "<table class=\"pair\">\n<thead><tr><th scope=\"col\" class=\"kind\">Sentence</th>",
    );
    statement_header(out, a, citations.number(a), "");
    statement_header(out, b, citations.number(b), "");
    out.push_str("</tr></thead>\n<tbody>\n");
    for (r, row) in result.rows.iter().enumerate() {
        let (glyph, word) = row_kind(row.kind);
        let _ = write!(
            out,
            "<tr class=\"{word}\"><td class=\"kind\">{} <span aria-hidden=\"true\">{glyph}</span> {word}</td>",
            r + 1
        );
        for side in [Side::A, Side::B] {
            let cut = row_pieces(row, side);
            if cut.is_empty() {
                out.push_str("<td class=\"empty\"><span aria-hidden=\"true\">—</span><span class=\"vh\">not in this statement</span></td>");
                continue;
            }
            out.push_str("<td>");
            if row.kind == RowKind::Moved {
                out.push_str("<span class=\"moved-mark\" aria-hidden=\"true\">↪ </span>");
            }
            pieces(out, &cut);
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn significant(out: &mut String, result: &Comparison) {
    if result.significant.is_empty() {
        return;
    }
    out.push_str("<h3>Significant changes</h3>\n<ol class=\"significant\">\n");
    for s in &result.significant {
        let what = match (s.a.as_deref(), s.b.as_deref()) {
            (Some(a), Some(b)) => format!(
                "<del><span class=\"vh\">[− </span>{}<span class=\"vh\"> −]</span></del> → <ins><span class=\"vh\">[+ </span>{}<span class=\"vh\"> +]</span></ins>",
                esc(a),
                esc(b)
            ),
            (None, Some(b)) => format!(
                "added <ins><span class=\"vh\">[+ </span>{}<span class=\"vh\"> +]</span></ins>",
                esc(b)
            ),
            (Some(a), None) => format!(
                "dropped <del><span class=\"vh\">[− </span>{}<span class=\"vh\"> −]</span></del>",
                esc(a)
            ),
            (None, None) => String::from("a change"),
        };
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>: {what} (sentence {})</li>",
            s.category.as_str(),
            s.row + 1
        );
    }
    out.push_str("</ol>\n");
}

fn shared_list(out: &mut String, phrases: &[String]) {
    if phrases.is_empty() {
        return;
    }
    out.push_str("<h3>Shared phrases</h3>\n<ul class=\"shared\">\n");
    for p in phrases {
        let _ = writeln!(out, "<li>“{}”</li>", esc(p));
    }
    out.push_str("</ul>\n");
}

fn citations_section(out: &mut String, citations: &Citations<'_>) {
    out.push_str("<section class=\"citations\" aria-labelledby=\"citations\">\n<h2 id=\"citations\">Citations</h2>\n<ol>\n");
    for (k, s) in citations.statements.iter().enumerate() {
        let _ = write!(
            out,
            "<li id=\"cite-{}\"><strong>{}</strong>",
            k + 1,
            esc(s.speaker_name())
        );
        if let Some(role) = role_line(s) {
            let _ = write!(out, ", {}", esc(&role));
        }
        let _ = write!(out, ": “{}” ({})", esc_lines(&s.text), kind_text(s));
        let mut facts: Vec<String> = Vec::new();
        if let Some(title) = s.article_title.as_deref().filter(|t| !t.trim().is_empty()) {
            facts.push(format!("<cite>{}</cite>", esc(title)));
        }
        if let Some(outlet) = s.outlet.as_deref().filter(|t| !t.trim().is_empty()) {
            facts.push(esc(outlet));
        }
        if let Some(date) = s.date.as_deref().filter(|t| !t.trim().is_empty()) {
            facts.push(esc(date));
        }
        match (link(s.url.as_deref()), s.url.as_deref()) {
            (Some(url), _) => facts.push(format!(
                "<a href=\"{}\" rel=\"noreferrer\">{}</a>",
                esc(url),
                esc(url)
            )),
            (None, Some(text)) if !text.trim().is_empty() => facts.push(esc(text)),
            _ => {}
        }
        if let Some(path) = s.source_path.as_deref().filter(|t| !t.trim().is_empty()) {
            facts.push(format!("file {}", esc(path)));
        }
        if let Some(id) = s.id {
            facts.push(format!("library statement #{id}"));
        }
        if s.end > s.start {
            facts.push(format!("bytes {}–{} of the article", s.start, s.end));
        }
        if !facts.is_empty() {
            let _ = write!(out, "<br>\n{}.", facts.join(" · "));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
}
