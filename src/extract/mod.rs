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
//!    speaker;
//! 4. sentences of reported speech without quote marks ("Miller said that …")
//!    become `reported` statements.
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
pub mod quotes;
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
        out: Vec::new(),
    };
    extractor.pre_pass(&para_tokens);
    match transcript::transcript_labels(body, &paras) {
        Some(labels) => extractor.transcript(&paras, &para_tokens, &labels),
        None => extractor.news(&paras, &para_tokens),
    }
    let mut statements = extractor.out;
    statements.sort_by_key(|s| (s.start, s.end));
    statements.dedup_by(|a, b| a.start < b.end && b.start < a.end);
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
    out: Vec<ExtractedStatement>,
}

/// The speaker of the last statement of the previous paragraph, and whether
/// that paragraph's quotation was left open (a multi-paragraph quotation).
#[derive(Clone)]
struct Carry {
    speaker: Option<PersonId>,
    open_quote: bool,
}

impl<'a> Extractor<'a> {
    /// Registers people from their full mentions anywhere in the article, and
    /// records every later mention by surname.
    fn pre_pass(&mut self, para_tokens: &[Vec<Token>]) {
        for toks in para_tokens {
            self.full_mentions(toks);
        }
        if self.table.people.is_empty() {
            return;
        }
        // Surname mentions of everyone registered.
        let surnames = self.table.surname_index();
        for t in para_tokens.iter().flatten() {
            if let Some(&id) = surnames.get(strip_possessive(t.text)) {
                self.mentions.push((t.start, id));
            }
        }
        self.mentions.sort_unstable();
        self.mentions.dedup();
    }

    /// Records a mention, keeping `mentions` sorted by offset.
    fn mention(&mut self, at: usize, id: PersonId) {
        let i = self.mentions.partition_point(|&(offset, _)| offset < at);
        self.mentions.insert(i, (at, id));
    }

    /// Full mentions in one paragraph's tokens.
    fn full_mentions(&mut self, toks: &[Token]) {
        for (i, t) in toks.iter().enumerate() {
            if !speakers_role_head(t) {
                continue;
            }
            // [org role] Name Name — a role head followed by 2-4 name words
            let name_len = toks[i + 1..]
                .iter()
                .take(4)
                .take_while(|n| is_proper_name_word(n))
                .count();
            if name_len >= 2 {
                let start = (0..i)
                    .rev()
                    .take(8)
                    .take_while(|&k| title_word(&toks[k]))
                    .last()
                    .unwrap_or(i);
                let words: Vec<&str> = toks[start..=i + name_len].iter().map(|t| t.text).collect();
                self.register_phrase(&words, toks[start].start);
                continue;
            }
            // Name Name, (the) [org] role — an appositive or a transcript header
            let mut k = i;
            while k > 0 && title_word(&toks[k - 1]) && toks[k - 1].text != "," {
                k -= 1;
            }
            if k >= 3 && toks[k - 1].text == "," {
                let name_end = k - 1;
                let name_start = (0..name_end)
                    .rev()
                    .take(4)
                    .take_while(|&j| is_proper_name_word(&toks[j]))
                    .last();
                if let Some(ns) = name_start.filter(|&ns| name_end - ns >= 2) {
                    let name: Vec<&str> = toks[ns..name_end].iter().map(|t| t.text).collect();
                    let role: Vec<&str> = toks[k..=i].iter().map(|t| t.text).collect();
                    let role = parse_name_phrase(&role);
                    let id = self.table.register(Person {
                        name: name.join(" "),
                        role: role.role,
                        organization: role.organization,
                        kind: SpeakerKind::Person,
                    });
                    self.mentions.push((toks[ns].start, id));
                }
            }
        }
    }

    fn register_phrase(&mut self, words: &[&str], at: usize) -> Option<PersonId> {
        let phrase = parse_name_phrase(words);
        let name = phrase.name.filter(|n| n.contains(' '))?;
        let id = self.table.register(Person {
            name,
            role: phrase.role,
            organization: phrase.organization,
            kind: SpeakerKind::Person,
        });
        self.mentions.push((at, id));
        Some(id)
    }

    /// The person mentioned last before `at`.
    fn last_mentioned(&self, at: usize) -> Option<PersonId> {
        let i = self.mentions.partition_point(|(offset, _)| *offset < at);
        self.mentions[..i]
            .iter()
            .rev()
            .map(|&(_, id)| id)
            .find(|&id| self.table.people[id].kind == SpeakerKind::Person)
    }

    /// Resolves a cue's subject phrase to a speaker.
    fn resolve(&mut self, cue: &Cue) -> Resolved {
        let words: Vec<&str> = cue.subject.iter().map(|w| strip_possessive(w)).collect();
        let Some(&first) = words.first() else {
            return Resolved::Nobody;
        };
        if words.len() == 1 && lexicon::is_person_pronoun(first) {
            return self
                .last_mentioned(cue.at)
                .or(self.table.last_person())
                .map_or(Resolved::Nobody, Resolved::Person);
        }
        if words.iter().any(|w| lexicon::is_journalist_noun(w)) {
            return Resolved::Nobody;
        }
        let joined = words.join(" ");
        if let Some(institution) = lexicon::institution_alias(&joined) {
            return Resolved::Person(self.institution(institution));
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
                if is_generic_group(&name) {
                    return Resolved::Nobody;
                }
                match self.table.by_surname(&name)[..] {
                    [id] => Resolved::Person(id),
                    [] => Resolved::Person(self.table.register(Person {
                        name,
                        role,
                        organization,
                        kind: SpeakerKind::Person,
                    })),
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
                    self.table
                        .by_role_word(head)
                        .or_else(|| self.last_mentioned(cue.at))
                        .map_or(Resolved::Nobody, Resolved::Person)
                }
                // "the Foreign Office", "the White House"
                (None, Some(org)) => {
                    if org.split_whitespace().count() == 1
                        && org.chars().next().is_some_and(char::is_lowercase)
                    {
                        // "the ministry": the institution named earlier, if any
                        return self
                            .table
                            .institution_by_head(org)
                            .map_or(Resolved::Nobody, Resolved::Person);
                    }
                    Resolved::Person(self.institution(org))
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
        let quotes = quotes::find_quotes(self.body, para.clone());
        let mut next = Carry {
            speaker: None,
            open_quote: false,
        };
        let mut previous_end = para.start;
        for (qi, quote) in quotes.iter().enumerate() {
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
                (Lead::Reported(_), Some(cue)) => (Some(cue), StatementKind::Partial),
                (Lead::None, Some(cue)) => (Some(cue), StatementKind::Direct),
                (Lead::Embedded, Some(cue)) => (Some(cue), StatementKind::Partial),
                (Lead::None, None) => (None, StatementKind::Direct),
                (Lead::Embedded, None) => (None, StatementKind::Partial),
                (Lead::Journalist, _) => unreachable!("handled above"),
            };
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
                    Resolved::Nobody => {
                        // A journalist or a crowd: not a statement.
                        continue;
                    }
                },
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
            if who.is_some() && kind == StatementKind::Partial && words < 2 {
                continue;
            }
            let kind = if kind == StatementKind::Direct && words < 4 && !sentence_like {
                StatementKind::Partial
            } else {
                kind
            };
            self.push(quote.inner.clone(), kind, index, who, ambiguous, said_on);
            next = Carry {
                speaker: who,
                open_quote: quote.close.is_none(),
            };
        }
        if quotes.is_empty() {
            self.reported(index, toks);
            // A paragraph of narration ends a run of quotation paragraphs.
            return Carry {
                speaker: None,
                open_quote: false,
            };
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

    /// Reported speech without quote marks: "Miller said that the United
    /// States supports direct talks." The speaker must be someone the article
    /// names (or a pronoun for them); the statement is the clause after the
    /// verb (and "that").
    fn reported(&mut self, index: usize, para_toks: &[Token]) {
        if !para_toks.iter().any(|t| t.is(lexicon::class::VERB)) {
            return;
        }
        for sentence in para_toks.split_inclusive(|t| matches!(t.text, "." | "!" | "?")) {
            let (Some(first), Some(last)) = (sentence.first(), sentence.last()) else {
                continue;
            };
            let (from, end) = (first.start, last.end);
            if let Some((span, cue)) = reported_clause(sentence, end) {
                let resolved = self.resolve(&cue);
                if let Resolved::Person(id) = resolved {
                    let named = cue.subject.len() > 1
                        || lexicon::is_person_pronoun(cue.subject[0])
                        || self.mentions.iter().any(|&(_, m)| m == id);
                    if named {
                        let said_on = self.said_on(&(from..end));
                        self.push(
                            span,
                            StatementKind::Reported,
                            index,
                            Some(id),
                            false,
                            said_on,
                        );
                    }
                }
            }
        }
    }

    fn transcript(
        &mut self,
        paras: &[Range<usize>],
        para_tokens: &[Vec<Token>],
        labels: &[Option<transcript::Label>],
    ) {
        use transcript::Holder;
        let mut current: Option<Option<PersonId>> = None; // Some(None): journalist turn
        let mut last_official: Option<PersonId> = None;
        for (index, (para, label)) in paras.iter().zip(labels).enumerate() {
            let text_start = match label {
                Some(label) => {
                    current = Some(match &label.holder {
                        Holder::Question => None,
                        Holder::Answer => {
                            last_official.or_else(|| self.table.by_role_word("spokesperson"))
                        }
                        Holder::Role(role) => {
                            let head = role.rsplit(' ').next().unwrap_or(role);
                            let found = self
                                .table
                                .by_role_word(head)
                                .or_else(|| self.table.by_role_word("spokesperson"));
                            Some(found.unwrap_or_else(|| {
                                self.table.register(Person {
                                    name: role.clone(),
                                    role: Some(role.clone()),
                                    organization: None,
                                    kind: SpeakerKind::Person,
                                })
                            }))
                        }
                        Holder::Surname { surname, title } => {
                            Some(match self.table.by_surname(surname)[..] {
                                [id] => id,
                                _ => self.table.register(Person {
                                    name: surname.clone(),
                                    role: title.clone(),
                                    organization: None,
                                    kind: SpeakerKind::Person,
                                }),
                            })
                        }
                        Holder::Name(name) => Some(match self.table.by_surname(name)[..] {
                            [id] => id,
                            _ => self.table.register(Person {
                                name: name.clone(),
                                role: None,
                                organization: None,
                                kind: SpeakerKind::Person,
                            }),
                        }),
                    });
                    label.text_start
                }
                None => para.start,
            };
            match current {
                Some(Some(id)) => {
                    last_official = Some(id);
                    self.push(
                        text_start..para.end,
                        StatementKind::Transcript,
                        index,
                        Some(id),
                        false,
                        self.date.map(dates::iso),
                    );
                }
                Some(None) => {}
                // Before the first turn: the header, possibly a news-style lead.
                None => {
                    self.news_paragraph(
                        index,
                        para.clone(),
                        &para_tokens[index],
                        Carry {
                            speaker: None,
                            open_quote: false,
                        },
                    );
                }
            }
        }
    }
}

/// "Miller said (on Tuesday) (that) <clause>" in a sentence without quote
/// marks → the clause's span and the speaker cue.
fn reported_clause<'t>(toks: &[Token<'t>], sentence_end: usize) -> Option<(Range<usize>, Cue<'t>)> {
    if toks
        .iter()
        .any(|t| matches!(t.text, "“" | "”" | "\"" | "«" | "»" | "?"))
    {
        return None;
    }
    let verb = toks.iter().take(14).position(|t| {
        t.is(lexicon::class::VERB)
            && lexicon::speech_verb(t.text).is_some_and(|lemma| REPORTING_LEMMAS.contains(&lemma))
    })?;
    // the subject must start the sentence (after an optional opener such as "On Tuesday,")
    let subject_end = (0..verb)
        .rev()
        .find(|&k| !toks[k].is(lexicon::class::AUXILIARY))
        .map(|k| k + 1)?;
    let mut subject_start = subject_end;
    while subject_start > 0 {
        let t = &toks[subject_start - 1];
        let part = t.is_capitalised()
            || t.is(lexicon::class::ROLE | lexicon::class::ORG)
            || t.text == "the"
            || t.is(lexicon::class::CONNECTOR) && subject_start >= 2;
        if !part {
            break;
        }
        subject_start -= 1;
    }
    let opener_ok = subject_start == 0 || toks[subject_start - 1].text == ",";
    if !opener_ok || subject_start == subject_end {
        return None;
    }
    let subject: Vec<&str> = toks[subject_start..subject_end]
        .iter()
        .map(|t| t.text)
        .collect();
    // clause: after "that" within a few words, or straight after "said"/"says"
    let lemma = lexicon::speech_verb(toks[verb].text)?;
    let that = toks[verb + 1..]
        .iter()
        .take(8)
        .position(|t| t.text == "that")
        .map(|p| verb + 1 + p);
    let clause_start = match that {
        Some(t) => t + 1,
        None if lemma == "say"
            && toks
                .get(verb + 1)
                .is_some_and(|t| t.is_word() && t.text != "in" && t.text != "on") =>
        {
            verb + 1
        }
        None => return None,
    };
    let first = toks.get(clause_start)?;
    let words = toks[clause_start..].iter().filter(|t| t.is_word()).count();
    if words < 4 {
        return None;
    }
    let end = sentence_end.min(toks.last()?.end);
    let end = if toks.last().is_some_and(|t| matches!(t.text, "." | "!")) {
        toks.last()?.start
    } else {
        end
    };
    let clause = toks[subject_start].start..end;
    Some((
        first.start..end,
        Cue {
            subject,
            appositive: vec![],
            at: toks[subject_start].start,
            clause,
        },
    ))
}

/// Speech verbs that introduce reported speech with a clause.
const REPORTING_LEMMAS: &[&str] = &[
    "say",
    "tell",
    "add",
    "note",
    "stress",
    "warn",
    "insist",
    "reiterate",
    "acknowledge",
    "argue",
    "assert",
    "claim",
    "confirm",
    "emphasise",
    "emphasize",
    "explain",
    "maintain",
    "announce",
    "admit",
    "declare",
    "suggest",
    "underline",
    "underscore",
    "affirm",
    "reaffirm",
    "indicate",
    "predict",
    "promise",
    "vow",
    "caution",
    "concede",
    "contend",
    "deny",
    "observe",
    "remark",
    "reply",
    "respond",
    "state",
    "agree",
    "mention",
];

fn speakers_role_head(t: &Token) -> bool {
    t.is(lexicon::class::ROLE)
}

fn title_word(t: &Token) -> bool {
    (t.is_capitalised()
        && !matches!(
            t.text,
            "The" | "A" | "An" | "In" | "On" | "At" | "But" | "And"
        ))
        || t.is(lexicon::class::ROLE | lexicon::class::ORG)
        || matches!(
            t.text,
            "of" | "for"
                | "foreign"
                | "national"
                | "security"
                | "press"
                | "deputy"
                | "senior"
                | "external"
                | "affairs"
                | "state"
        )
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

fn is_proper_name_word(t: &Token) -> bool {
    let w = strip_possessive(t.text);
    t.is_capitalised()
        && w.chars().skip(1).any(char::is_lowercase)
        && !t.is(lexicon::class::ROLE | lexicon::class::ORG | lexicon::class::VERB)
        && !matches!(
            w,
            "The"
                | "On"
                | "In"
                | "At"
                | "But"
                | "And"
                | "He"
                | "She"
                | "We"
                | "It"
                | "This"
                | "That"
        )
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
