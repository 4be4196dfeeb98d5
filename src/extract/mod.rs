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
pub mod lexicon;
mod mentions;
pub mod quotes;
mod reported;
pub mod speakers;
pub mod text;
pub mod transcript;

use crate::dates;
use crate::model::{Document, ExtractedStatement, SpeakerKind, StatementKind};
use attribution::{Cue, Lead};
use chrono::NaiveDate;
use speakers::{Person, PersonId, Resolved, SpeakerTable, parse_name_phrase};
use std::ops::Range;
use text::{Token, paragraphs, sentence_end, sentence_start, tokens};

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
        table: SpeakerTable::default(),
        mentions: Vec::new(),
        named: Default::default(),
        subjects: Vec::new(),
        anonymous_roles: Default::default(),
        out: Vec::new(),
    };
    extractor.pre_pass(&para_tokens);
    match extractor.transcript_labels(&paras) {
        Some(labels) => extractor.transcript(&paras, &para_tokens, &labels),
        None if extractor.statement_document(&paras, &para_tokens) => {}
        None => extractor.news(&paras, &para_tokens),
    }
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
    table: SpeakerTable,
    /// (byte offset, person) of every mention, sorted by offset.
    mentions: Vec<(usize, PersonId)>,
    /// Everyone in `mentions`.
    named: std::collections::HashSet<PersonId>,
    /// (byte offset, person) of people at the head of a sentence (its
    /// subject), sorted: the likeliest referents of "he" and "she".
    subjects: Vec<(usize, PersonId)>,
    /// Head nouns of unnamed sources met so far ("official" for "a senior
    /// official"), so that "the official" stays unnamed.
    anonymous_roles: std::collections::HashSet<String>,
    out: Vec<ExtractedStatement>,
}

/// The speaker of the last statement of the previous paragraph, and whether
/// that paragraph's quotation was left open (a multi-paragraph quotation).
#[derive(Clone, Default)]
struct Carry {
    speaker: Option<PersonId>,
    open_quote: bool,
}

impl Extractor<'_> {
    /// Resolves a cue's subject phrase to a speaker.
    fn resolve(&mut self, cue: &Cue) -> Resolved {
        let words: Vec<&str> = cue.subject.iter().map(|w| strip_possessive(w)).collect();
        let Some(&first) = words.first() else {
            return Resolved::Nobody;
        };
        if words.len() == 1 && lexicon::is_person_pronoun(first) {
            return self
                .pronoun_referent(cue.at)
                .or(self.table.last_person())
                .map_or(Resolved::Nobody, Resolved::Person);
        }
        if words.iter().any(|w| lexicon::is_journalist_noun(w)) {
            return Resolved::Nobody;
        }
        // "the statement said": its issuer, when the statement just before
        // (within a paragraph or two) names one; else someone unnamed.
        if words
            .last()
            .is_some_and(|w| attribution::is_document_noun(w))
            && words[..words.len() - 1].iter().all(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "the" | "its" | "his" | "her" | "their" | "joint"
                )
            })
        {
            let issuer = self
                .out
                .iter()
                .rev()
                .find(|s| s.end <= cue.at)
                .filter(|s| self.body[s.end..cue.at].matches('\n').count() <= 4)
                .and_then(|s| s.speaker.as_ref())
                .and_then(|name| self.table.by_name(name));
            return issuer.map_or(Resolved::Anonymous, Resolved::Person);
        }
        // "an official familiar with the matter", "a senior diplomat", "one mother"
        if matches!(
            first,
            "a" | "an"
                | "A"
                | "An"
                | "one"
                | "One"
                | "Some"
                | "some"
                | "Many"
                | "Several"
                | "Other"
                | "Two"
                | "Three"
                | "Few"
        ) {
            // Remember the kind of unnamed source: "the official" later is the same one.
            if let Some(head) = words.last() {
                self.anonymous_roles.insert(head.to_ascii_lowercase());
            }
            return Resolved::Anonymous;
        }
        let joined = words.join(" ");
        if let Some(institution) = lexicon::institution_alias(&joined) {
            return Resolved::Person(self.institution(institution));
        }
        // "the Ministry of External Affairs": an institution named from its head.
        let lead = usize::from(matches!(first, "the" | "The"));
        if words.len() > lead + 2
            && lexicon::is_org_head(words[lead])
            && matches!(words[lead + 1], "of" | "for")
            && !words.iter().any(|w| lexicon::is_role_head(w))
        {
            return Resolved::Person(self.institution(&words[lead..].join(" ")));
        }
        let phrase = parse_name_phrase(&words);
        let appositive = (!cue.appositive.is_empty()).then(|| parse_name_phrase(&cue.appositive));
        let (role, organization) = match (&phrase.role, &appositive) {
            (Some(_), _) => (phrase.role.clone(), phrase.organization.clone()),
            (None, Some(a)) => (a.role.clone(), a.organization.clone()),
            (None, None) => (None, phrase.organization.clone()),
        };
        match phrase.name {
            Some(name) if !name.contains(' ') => {
                if is_generic_group(&name) || lexicon::is_demonym(&name) {
                    return Resolved::Nobody;
                }
                match self.table.by_surname(&name)[..] {
                    [id] => Resolved::Person(id),
                    [] => {
                        // Named in full without a title earlier on ("John Kirby spoke…")?
                        let name = self.full_name_in_text(&name, cue.at).unwrap_or(name);
                        Resolved::Person(self.table.register(Person {
                            name,
                            role,
                            organization,
                            kind: SpeakerKind::Person,
                        }))
                    }
                    _ => Resolved::Ambiguous,
                }
            }
            Some(name) => Resolved::Person(self.table.register(Person {
                name,
                role,
                organization,
                kind: SpeakerKind::Person,
            })),
            None => match (&phrase.role, &phrase.organization) {
                // "the spokesperson", "the diplomat"
                (Some(role), None) => {
                    let head = role.rsplit(' ').next().unwrap_or(role);
                    if let Some(id) = self.table.by_role_word(head) {
                        return Resolved::Person(id);
                    }
                    if self.anonymous_roles.contains(&head.to_ascii_lowercase()) {
                        return Resolved::Anonymous;
                    }
                    self.last_mentioned(cue.at)
                        .map_or(Resolved::Nobody, Resolved::Person)
                }
                // "the Foreign Office", "the White House"
                (None, Some(org)) => {
                    if org.split_whitespace().count() == 1
                        && org.chars().next().is_some_and(char::is_lowercase)
                    {
                        // "the ministry": the institution named earlier, or
                        // the organisation of an official named earlier.
                        if let Some(id) = self.table.institution_by_head(org) {
                            return Resolved::Person(id);
                        }
                        return match self.table.organization_by_head(org) {
                            Some(name) => Resolved::Person(self.institution(&name)),
                            None => Resolved::Nobody,
                        };
                    }
                    Resolved::Person(self.institution(org))
                }
                // "the Foreign Office Spokesperson": the person the article
                // names with that role at that organisation; else an
                // official it does not name.
                (Some(role), Some(org)) => {
                    let head = role.rsplit(' ').next().unwrap_or(role);
                    self.table
                        .by_role_at(head, org)
                        .map_or(Resolved::Anonymous, Resolved::Person)
                }
                _ => Resolved::Nobody,
            },
        }
    }

    fn institution(&mut self, name: &str) -> PersonId {
        let name = lexicon::institution_alias(name).unwrap_or(name);
        self.table.register(Person {
            name: name.to_string(),
            role: None,
            organization: Some(name.to_string()),
            kind: SpeakerKind::Institution,
        })
    }

    fn said_on(&self, clause: &Range<usize>) -> Option<String> {
        let reference = self.date?;
        dates::resolve_relative(&self.body[clause.clone()], reference).map(|(date, _)| date)
    }

    fn push(
        &mut self,
        range: Range<usize>,
        kind: StatementKind,
        paragraph: usize,
        who: Option<PersonId>,
        ambiguous: bool,
        said_on: Option<String>,
    ) {
        let (start, end) = trim_span(self.body, range);
        if start >= end {
            return;
        }
        let person = who.map(|id| self.table.people[id].clone());
        self.out.push(ExtractedStatement {
            speaker: person.as_ref().map(|p| p.name.clone()),
            role: person.as_ref().and_then(|p| p.role.clone()),
            organization: person.as_ref().and_then(|p| p.organization.clone()),
            text: self.body[start..end].to_string(),
            kind,
            start,
            end,
            paragraph,
            said_on,
            speaker_kind: person.map(|p| p.kind).unwrap_or_default(),
            ambiguous,
        });
    }

    /// A headline that names its source after a colon — "No treaty of
    /// alliance with Pakistan, nor is Islamabad a technical ally: White House"
    /// — is that source's statement (reported: a headline paraphrases). A
    /// headline is the article's first line: short, one line, no full stop.
    /// Returns whether the paragraph was a headline.
    fn headline(&mut self, para: Range<usize>, toks: &[Token]) -> bool {
        // The headline is the first line; a dateline or byline may follow it
        // in the same paragraph.
        let para = para.start
            ..self.body[para.clone()]
                .find('\n')
                .map_or(para.end, |i| para.start + i);
        let toks = within(toks, para.clone());
        let text = &self.body[para.clone()];
        let is_headline = !text.contains('\n')
            && text.len() <= 220
            && toks.len() >= 4
            && !text.trim_end().ends_with(['.', ':', ',', ';'])
            && !text.contains(". ")
            && para.end < self.body.len();
        if !is_headline {
            return false;
        }
        let Some(colon) = toks.iter().rposition(|t| t.text == ":") else {
            return true;
        };
        let source = &toks[colon + 1..];
        let claim_words = toks[..colon].iter().filter(|t| t.is_word()).count();
        // "…: White House", "…: FO", "…: spokesperson"
        if source.is_empty()
            || source.len() > 5
            || claim_words < 3
            || !(source[0].is_capitalised() || source[0].is(lexicon::class::ROLE))
        {
            return true;
        }
        let cue = Cue {
            subject: source.iter().map(|t| t.text).collect(),
            appositive: vec![],
            at: source[0].start,
            clause: para.clone(),
        };
        // Only a named institution or person: "…: Analysis" names nobody.
        let known = lexicon::institution_alias(&cue.subject.join(" ")).is_some()
            || source
                .iter()
                .any(|t| t.is(lexicon::class::ORG | lexicon::class::ROLE))
            || self
                .table
                .by_surname(strip_possessive(source[source.len() - 1].text))
                .len()
                == 1;
        if known && let Resolved::Person(id) = self.resolve(&cue) {
            self.push(
                para.start..toks[colon].start,
                StatementKind::Reported,
                0,
                Some(id),
                false,
                None,
            );
        }
        true
    }

    fn news(&mut self, paras: &[Range<usize>], para_tokens: &[Vec<Token>]) {
        let mut carry = Carry {
            speaker: None,
            open_quote: false,
        };
        for (index, (para, toks)) in paras.iter().zip(para_tokens).enumerate() {
            carry = self.news_paragraph(index, para.clone(), toks, carry);
        }
    }

    fn news_paragraph(
        &mut self,
        index: usize,
        para: Range<usize>,
        toks: &[Token],
        carry: Carry,
    ) -> Carry {
        if index == 0 && self.headline(para.clone(), toks) {
            return Carry::default();
        }
        let quotes = quotes::find_quotes(self.body, para.clone());
        let mut next = Carry::default();
        let mut previous_end = para.start;
        // The cue of the previous quotation when it is in the same sentence:
        // "Miller said that X was “…” and that Y would “…”".
        let mut sentence_cue: Option<(Cue, StatementKind)> = None;
        // The speaker of this paragraph's last attributed quotation:
        // “…,” Kirby said. “And more.” — the second is Kirby's too.
        let mut para_speaker: Option<PersonId> = None;
        for (qi, quote) in quotes.iter().enumerate() {
            let same_sentence = qi > 0 && {
                let prev = &quotes[qi - 1];
                let gap_start = prev.close.as_ref().map_or(prev.inner.end, |c| c.end);
                let ends_inside = self.body[prev.inner.clone()]
                    .trim_end()
                    .ends_with(['.', '!', '?']);
                sentence_end(self.body, gap_start, quote.open.start) == quote.open.start
                    && !ends_inside
            };
            if !same_sentence {
                sentence_cue = None;
            }
            let words = self.body[quote.inner.clone()].split_whitespace().count();
            let sentence_floor =
                sentence_start(self.body, previous_end.max(para.start), quote.open.start)
                    .max(previous_end);
            let lead_text = &self.body[sentence_floor..quote.open.start];
            let lead = attribution::before_quote(
                within(toks, sentence_floor..quote.open.start),
                sentence_floor..quote.open.start,
            );
            let after_start = quote.close.as_ref().map_or(quote.inner.end, |c| c.end);
            let after_limit = quotes.get(qi + 1).map_or(para.end, |q| q.open.start);
            let after_end = sentence_end(self.body, after_start, after_limit.max(after_start));
            let trailer = (after_start < after_end)
                .then(|| {
                    attribution::after_quote(
                        within(toks, after_start..after_end),
                        after_start..after_end,
                    )
                })
                .flatten();
            previous_end = quote.close.as_ref().map_or(quote.inner.end, |c| c.end);

            if matches!(lead, Lead::Journalist) {
                continue;
            }
            let starts_paragraph = quote.open.start == para.start;
            let (cue, kind) = match (&lead, trailer) {
                (Lead::Introduced(cue), _) => (Some(cue.clone()), StatementKind::Direct),
                (Lead::Reported(cue), None) => (Some(cue.clone()), StatementKind::Partial),
                // Inside reported speech the frame's subject speaks, whatever
                // follows ("… described aid as “…”, Kirby said he did not").
                (Lead::Reported(cue), Some(_)) => (Some(cue.clone()), StatementKind::Partial),
                (Lead::None, Some(cue)) => (Some(cue), StatementKind::Direct),
                (Lead::Embedded, Some(cue)) => (Some(cue), StatementKind::Partial),
                (Lead::None | Lead::Embedded, None) if sentence_cue.is_some() => {
                    let (cue, _) = sentence_cue.clone().expect("checked");
                    (Some(cue), StatementKind::Partial)
                }
                (Lead::None, None) => (None, StatementKind::Direct),
                (Lead::Embedded, None) => (None, StatementKind::Partial),
                (Lead::Journalist, _) => unreachable!("handled above"),
            };
            if let Some(cue) = &cue {
                sentence_cue = Some((cue.clone(), kind));
            }
            let so_called = lead_text
                .trim_end()
                .to_ascii_lowercase()
                .ends_with("so-called");
            if so_called {
                continue;
            }
            let (who, ambiguous, said_on) = match &cue {
                Some(cue) => match self.resolve(cue) {
                    Resolved::Person(id) => {
                        self.mention(cue.at, id);
                        (Some(id), false, self.said_on(&cue.clause))
                    }
                    Resolved::Ambiguous => (None, true, self.said_on(&cue.clause)),
                    Resolved::Anonymous => (None, false, self.said_on(&cue.clause)),
                    Resolved::Nobody => {
                        // A journalist or a crowd: not a statement.
                        continue;
                    }
                },
                None if qi > 0 && matches!(lead, Lead::None) && para_speaker.is_some() => (
                    para_speaker,
                    false,
                    self.out.last().and_then(|s| s.said_on.clone()),
                ),
                None if starts_paragraph
                    && (carry.open_quote || carry.speaker.is_some())
                    && qi == 0 =>
                {
                    // A paragraph that continues the previous one's quotation.
                    (
                        carry.speaker,
                        false,
                        self.out.last().and_then(|s| s.said_on.clone()),
                    )
                }
                None => (None, false, None),
            };
            // Scare quotes, titles and slogans: short, or unattributed and not a sentence.
            let sentence_like = words >= 6
                || self.body[quote.inner.clone()]
                    .trim_end()
                    .ends_with(['.', '!', '?', ',']);
            if who.is_none()
                && !ambiguous
                && (words < 6 || kind == StatementKind::Partial || !sentence_like)
            {
                continue;
            }
            // Fragments of one or two words are scare quotes and labels
            // ("early stage", ‘very positive’), not statements.
            if words <= 2 {
                continue;
            }
            let kind = if kind == StatementKind::Direct && words < 4 && !sentence_like {
                StatementKind::Partial
            } else {
                kind
            };
            self.push(quote.inner.clone(), kind, index, who, ambiguous, said_on);
            if who.is_some() {
                para_speaker = who;
            }
            next = Carry {
                speaker: who,
                open_quote: quote.close.is_none(),
            };
        }
        self.reported(index, toks);
        // "She said:" ending a paragraph introduces the quotation that opens the next.
        let tail_start = quotes
            .last()
            .map_or(para.start, |q| q.close.as_ref().map_or(para.end, |c| c.end));
        if toks
            .last()
            .is_some_and(|t| t.text == ":" && t.start >= tail_start)
        {
            let from = sentence_start(self.body, tail_start, para.end);
            if let Lead::Introduced(cue) =
                attribution::before_quote(within(toks, from..para.end), from..para.end)
                && let Resolved::Person(id) = self.resolve(&cue)
            {
                self.mention(cue.at, id);
                return Carry {
                    speaker: Some(id),
                    open_quote: true,
                };
            }
        }
        if quotes.is_empty() {
            // A paragraph of narration ends a run of quotation paragraphs.
            return Carry::default();
        }
        // Carry only when the paragraph ends in (or with the attribution of) a quotation.
        if let Some(last) = quotes.last() {
            let tail = last.close.as_ref().map_or(para.end, |c| c.end);
            let rest = &self.body[tail..para.end];
            if sentence_end(self.body, tail, para.end) < para.end
                && rest.split_whitespace().count() > 12
            {
                next.speaker = None;
            }
        }
        next
    }
}

/// The tokens of `toks` (sorted by position) that lie inside `range`.
fn within<'t, 'a>(toks: &'t [Token<'a>], range: Range<usize>) -> &'t [Token<'a>] {
    let lo = toks.partition_point(|t| t.start < range.start);
    let hi = toks.partition_point(|t| t.end <= range.end);
    &toks[lo..hi.max(lo)]
}

/// "Kirby’s" → "Kirby".
fn strip_possessive(word: &str) -> &str {
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
mod tests;
