//! Statement extraction: an article body → who said what, in which words.
//!
//! The extractor is pure (no I/O, no database) and works paragraph by
//! paragraph:
//!
//! 1. a pre-pass builds the article's [speaker table](speakers) from full
//!    mentions ("Chinese Foreign Ministry spokesperson Mao Ning", "Matthew
//!    Miller, the State Department spokesperson");
//! 2. transcripts ("MR MILLER:", "QUESTION:") are read turn by turn
//!    ([`transcript`]);
//! 3. otherwise each paragraph's [quotations](quotes) are attributed
//!    ([`attribution`]) — after the quote, before it, or around it in reported
//!    speech — and a paragraph that only continues a quotation inherits its
//!    speaker; a headline ending ": White House" speaks for the institution;
//! 4. sentences of [reported speech](reported) without quote marks ("Miller
//!    said that …") become `reported` statements.
//!
//! ```
//! use onrecord::extract::extract_body;
//! let body = "“We remain concerned,” State Department Spokesperson Matthew Miller said on Tuesday.";
//! let found = extract_body(body, Some("2024-03-14"));
//! let s = &found.statements[0];
//! assert_eq!(s.speaker.as_deref(), Some("Matthew Miller"));
//! assert_eq!(s.role.as_deref(), Some("Spokesperson"));
//! assert_eq!(s.organization.as_deref(), Some("State Department"));
//! assert_eq!(s.text, "We remain concerned"); // the comma belongs to the attribution
//! assert_eq!(&body[s.start..s.end], s.text);
//! assert_eq!(s.said_on.as_deref(), Some("2024-03-12"));
//! ```

pub mod attribution;
mod coref;
mod headline;
pub mod lexicon;
mod mentions;
mod news;
pub mod quotes;
mod reported;
mod resolve;
pub mod speakers;
pub mod text;
pub mod transcript;

use crate::dates;
use crate::model::{Attribution, Document, ExtractedStatement, StatementKind};
use chrono::NaiveDate;
use mentions::Mention;
use rustc_hash::FxHashMap;
use speakers::{PersonId, SpeakerTable};
use std::collections::HashSet;
use std::ops::Range;
use text::{Token, paragraphs, tokens};

/// What the extractor found in one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extraction {
    /// The article's date: from the file's metadata, else from a dateline.
    pub date: Option<String>,
    pub statements: Vec<ExtractedStatement>,
}

/// Extracts the statements of a parsed document.
pub fn extract(doc: &Document) -> Extraction {
    extract_body(&doc.body, doc.published.as_deref())
}

/// Extracts the statements of an article body; `published` (`YYYY-MM-DD`)
/// anchors relative times ("on Tuesday").
pub fn extract_body(body: &str, published: Option<&str>) -> Extraction {
    let paras = paragraphs(body);
    let date = published
        .and_then(dates::parse_date)
        .or_else(|| dateline(body, &paras));
    let para_tokens: Vec<Vec<Token>> = paras
        .iter()
        .map(|p| tokens(&body[p.clone()], p.start))
        .collect();
    let mut extractor = Extractor {
        body,
        date,
        paragraphs: paras.clone(),
        table: SpeakerTable::default(),
        mentions: Vec::new(),
        named: HashSet::new(),
        sentence_starts: Vec::new(),
        quote_spans: Vec::new(),
        para_quotes: Vec::new(),
        last_document: None,
        country_counts: FxHashMap::default(),
        governments: FxHashMap::default(),
        last_alone: FxHashMap::default(),
        phrases: FxHashMap::default(),
        briefing_organization: None,
        briefing_country: None,
        headline_statements: Vec::new(),
        out: Vec::new(),
    };
    extractor.pre_pass(&para_tokens);
    match extractor.transcript_labels(&paras) {
        Some(labels) => extractor.transcript(&paras, &para_tokens, &labels),
        None if extractor.statement_document(&paras, &para_tokens) => {}
        None => extractor.news(&paras, &para_tokens),
    }
    extractor.post_pass();
    let mut statements = extractor.out;
    statements.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    statements.dedup_by(|later, kept| later.start < kept.end);
    Extraction {
        date: date.map(dates::iso),
        statements,
    }
}

/// A date in the first lines ("March 12, 2024", "WASHINGTON, 2024-03-12 —").
fn dateline(body: &str, paras: &[Range<usize>]) -> Option<NaiveDate> {
    paras.iter().take(4).find_map(|p| {
        let text = &body[p.clone()];
        dates::find_date(text)
            .filter(|(_, r)| r.start < 60 && text.len() < 300)
            .map(|(d, _)| d)
    })
}

struct Extractor<'a> {
    body: &'a str,
    date: Option<NaiveDate>,
    paragraphs: Vec<Range<usize>>,
    table: SpeakerTable,
    /// Every mention of a person or institution, sorted by offset.
    mentions: Vec<Mention>,
    /// Everyone in `mentions`.
    named: HashSet<PersonId>,
    /// Where each sentence of the article starts, sorted.
    sentence_starts: Vec<usize>,
    /// The inner spans of every quotation, sorted.
    quote_spans: Vec<Range<usize>>,
    /// Each paragraph's quotations, found once.
    para_quotes: Vec<Vec<quotes::Quote>>,
    /// The issuer of the statement document spoken of last, and where:
    /// "the statement said" and "it added" speak for them.
    last_document: Option<(PersonId, usize)>,
    /// How often each country is named, for "the foreign ministry" when no
    /// country is in view.
    country_counts: FxHashMap<&'static str, usize>,
    /// The government of each country the pre-pass registered ("China on
    /// Tuesday hit out"), by country.
    governments: FxHashMap<&'static str, PersonId>,
    /// Where a word last stands alone in the body, for names without a
    /// title (see `used_alone`).
    last_alone: FxHashMap<String, Option<usize>>,
    /// Name phrases already split, by their words: an article repeats its
    /// titles, and the pre-pass and the attribution read the same ones.
    phrases: FxHashMap<String, speakers::NamePhrase>,
    /// What a briefing's header says of its speaker's office ("Department of
    /// State" for a State Department briefing), for labels that give only a
    /// surname.
    briefing_organization: Option<&'static str>,
    briefing_country: Option<&'static str>,
    /// Statements of headlines whose speaker the whole article settles.
    headline_statements: Vec<usize>,
    out: Vec<ExtractedStatement>,
}

/// Who said a statement and how that was found, for [`Extractor::push`].
#[derive(Debug, Clone, Default)]
struct Said {
    who: Option<PersonId>,
    ambiguous: bool,
    said_on: Option<String>,
    attribution: Option<Attribution>,
}

impl Said {
    fn by(who: Option<PersonId>, cue: &str, mention: Option<String>, evidence: String) -> Said {
        Said {
            who,
            attribution: Some(Attribution {
                cue: cue.to_string(),
                mention,
                evidence,
            }),
            ..Said::default()
        }
    }
}

/// The speaker of the last statement of the previous paragraph, and whether
/// that paragraph's quotation was left open (a multi-paragraph quotation).
#[derive(Clone, Default)]
struct Carry {
    speaker: Option<PersonId>,
    open_quote: bool,
}

impl Extractor<'_> {
    fn said_on(&self, clause: &Range<usize>) -> Option<String> {
        let reference = self.date?;
        dates::resolve_relative(&self.body[clause.clone()], reference).map(|(date, _)| date)
    }

    fn push(&mut self, range: Range<usize>, kind: StatementKind, paragraph: usize, said: Said) {
        let (start, end) = trim_span(self.body, range);
        if start >= end {
            return;
        }
        let person = said.who.map(|id| self.table.people[id].clone());
        self.out.push(ExtractedStatement {
            speaker: person.as_ref().map(|p| p.name.clone()),
            role: person.as_ref().and_then(|p| p.role.clone()),
            organization: person.as_ref().and_then(|p| p.organization.clone()),
            text: self.body[start..end].to_string(),
            kind,
            start,
            end,
            paragraph,
            said_on: said.said_on,
            speaker_kind: person.map(|p| p.kind).unwrap_or_default(),
            ambiguous: said.ambiguous,
            attribution: said.attribution,
        });
    }
}

/// The tokens of `toks` (sorted by position) that lie inside `range`.
fn within<'t, 'a>(toks: &'t [Token<'a>], range: Range<usize>) -> &'t [Token<'a>] {
    let lo = toks.partition_point(|t| t.start < range.start);
    let hi = toks.partition_point(|t| t.end <= range.end);
    &toks[lo..hi.max(lo)]
}

impl Extractor<'_> {
    /// [`speakers::parse_name_phrase`], remembered for the article.
    fn parse_phrase(&mut self, words: &[&str]) -> speakers::NamePhrase {
        let key = words.join(" ");
        if let Some(phrase) = self.phrases.get(&key) {
            return phrase.clone();
        }
        let phrase = speakers::parse_name_phrase(words);
        self.phrases.insert(key, phrase.clone());
        phrase
    }
}

/// "Kirby’s" → "Kirby".
fn strip_possessive(word: &str) -> &str {
    // Asked of most capitalised words, several times: the last byte answers
    // for almost all of them.
    if !word.ends_with('s') {
        return word;
    }
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

fn is_generic_group(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "officials"
            | "diplomats"
            | "analysts"
            | "sources"
            | "critics"
            | "experts"
            | "observers"
            | "residents"
            | "witnesses"
            | "authorities"
            | "protesters"
            | "lawmakers"
            | "leaders"
            | "ministers"
            | "others"
            | "people"
            | "some"
            | "many"
            | "both"
            | "they"
            | "it"
            | "we"
            | "i"
            | "you"
            | "spokespeople"
            | "aides"
    )
}

/// Trims whitespace, and the comma that news style puts before a closing
/// quote mark ("…,” Kirby said) — it belongs to the attribution, not to the
/// words said.
fn trim_span(body: &str, range: Range<usize>) -> (usize, usize) {
    let text = &body[range.clone()];
    let start = range.start + (text.len() - text.trim_start().len());
    let trimmed = text.trim_end().trim_end_matches([',', ';']).trim_end();
    let end = start + trimmed.len() - (text.len() - text.trim_start().len()).min(trimmed.len());
    (start, end.max(start))
}

#[cfg(test)]
mod families;
#[cfg(test)]
mod tests;
