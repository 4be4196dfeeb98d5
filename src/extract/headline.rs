//! Headlines and what is settled once the whole article is read.
//!
//! A headline (a title line: short, one line, no full stop outside its
//! quotation marks) names its source in a few fixed shapes —
//! `Qatar: ‘We are not near a deal’`, `‘…’: Foreign Office`, `‘…’ – Kremlin`,
//! `…, says White House`, `WH Defends Briefing: 'We Invited the Pool'` — and
//! a headline without a quotation but with a source after its colon (`No
//! treaty of alliance with Pakistan: White House`) is that source's
//! reported statement.
//!
//! When a headline (or a lead) gives the words to a country or an
//! institution, the speaker is the official of it whose remarks the article
//! reports ([`Extractor::post_pass`]); and a lead's fragment that the
//! article later quotes in full from a named official is that official's.

use super::attribution::{Cue, Lead};
use super::quotes;
use super::speakers::Resolved;
use super::text::Token;
use super::{Extractor, Said, lexicon, strip_possessive, within};
use crate::model::{SpeakerKind, StatementKind};
use crate::names;
use std::ops::Range;

impl Extractor<'_> {
    /// Whether the paragraph is a title line; if so, its statements are taken.
    pub(super) fn headline_line(
        &mut self,
        index: usize,
        para: Range<usize>,
        toks: &[Token],
    ) -> bool {
        // The article's first line is its headline even when a dateline or
        // a byline follows in the same paragraph.
        let para = if index == 0 {
            para.start
                ..self.body[para.clone()]
                    .find('\n')
                    .map_or(para.end, |i| para.start + i)
        } else {
            para
        };
        let text = &self.body[para.clone()];
        // A title ends without a full stop, even inside its quotation
        // (“…,” he said. closes a sentence; ‘…’ in a headline does not).
        let ends_a_sentence = {
            let t = text.trim_end().trim_end_matches(['”', '"', '’', '\'', '»']);
            t.ends_with(['.', '?', '!', ':', ',', ';'])
        };
        // Most paragraphs fail these at once (this runs on every one).
        if text.contains('\n')
            || text.len() > 220
            || ends_a_sentence
            || para.end >= self.body.len().saturating_sub(1)
        {
            return false;
        }
        let toks = within(toks, para.clone());
        let quotes = match self.para_quotes.get(index) {
            Some(found) if self.paragraphs.get(index) == Some(&para) => found.clone(),
            _ => quotes::find_quotes(self.body, para.clone()),
        };
        let outside: String = {
            let mut s = String::new();
            let mut at = para.start;
            for q in &quotes {
                s.push_str(&self.body[at..q.open.start.max(at)]);
                at = q.close.as_ref().map_or(q.inner.end, |c| c.end).max(at);
            }
            s.push_str(&self.body[at.min(para.end)..para.end]);
            s
        };
        let speech_verb_outside = outside.split_whitespace().any(|w| {
            w.chars().next().is_some_and(char::is_lowercase) && lexicon::is_speech_verb(w)
        });
        let is_title_line = toks.len() >= 4
            && !outside.trim_end().ends_with(['.', ',', ';', '?', '!'])
            && !outside.contains(". ")
            && outside.split_whitespace().count() <= 14
            && (index == 0 || !speech_verb_outside);
        // Quotations of a word or two in a headline are scare quotes: the
        // headline is a claim like any other ("US 'deeply concerned' over
        // attacks: State Department").
        let scare_only = quotes
            .iter()
            .all(|q| self.body[q.inner.clone()].split_whitespace().count() <= 2);
        if !is_title_line || (index > 0 && scare_only) {
            return false;
        }
        if scare_only {
            self.headline_source_statement(para, toks);
            return true;
        }
        for quote in &quotes {
            let words = self.body[quote.inner.clone()].split_whitespace().count();
            if words <= 2 {
                continue;
            }
            let (cue, how) = self.headline_cue(&para, toks, quote);
            let said = match cue {
                Some(cue) => match self.resolve(&cue) {
                    (Resolved::Person(id), why) => {
                        let person = &self.table.people[id];
                        let stands_for = person.kind == SpeakerKind::Institution;
                        let mut said = Said::by(Some(id), how, Some(cue.subject.join(" ")), why);
                        if stands_for {
                            said.attribution.as_mut().expect("set").evidence =
                                format!("the headline names {}", person.name);
                        }
                        said
                    }
                    _ => continue,
                },
                // No source: the article's own speaker, settled at the end.
                None => Said::by(
                    None,
                    "headline",
                    None,
                    "the headline names no source".into(),
                ),
            };
            let pending = said
                .who
                .is_none_or(|id| self.table.people[id].kind == SpeakerKind::Institution);
            self.push(quote.inner.clone(), StatementKind::Direct, index, said);
            if pending {
                self.headline_statements.push(self.out.len() - 1);
            }
        }
        true
    }

    /// The source a headline gives its quotation, and the shape.
    fn headline_cue<'t>(
        &self,
        para: &Range<usize>,
        toks: &[Token<'t>],
        quote: &quotes::Quote,
    ) -> (Option<Cue<'t>>, &'static str) {
        let before = within(toks, para.start..quote.open.start);
        let after_start = quote.close.as_ref().map_or(quote.inner.end, |c| c.end);
        let after = within(toks, after_start..para.end);
        let cue = |subject: &[Token<'t>], verb: &'t str| {
            (!subject.is_empty()).then(|| Cue {
                subject: subject.iter().map(|t| t.text).collect(),
                appositive: vec![],
                at: subject[0].start,
                verb,
                clause: para.clone(),
            })
        };
        // "‘…’: Foreign Office", "‘…’ – Kremlin", "…, says White House"
        let mut i = 0;
        while i < after.len()
            && (matches!(after[i].text, ":" | ",") || super::text::is_dash(after[i].text))
        {
            i += 1;
        }
        if i > 0 && i < after.len() && after.len() - i <= 5 {
            let rest = &after[i..];
            let (verb, subject) = match rest.first() {
                Some(t) if lexicon::speech_verb(t.text).is_some() => (t.text, &rest[1..]),
                _ => match rest.last() {
                    Some(t) if lexicon::speech_verb(t.text).is_some() => {
                        (t.text, &rest[..rest.len() - 1])
                    }
                    _ => ("", rest),
                },
            };
            if let Some(c) = cue(subject, verb) {
                return (Some(c), "headline");
            }
        }
        // "Qatar: ‘…’" / "WH Defends Briefing: '…'" / "Japan says ‘…’"
        if let Some(colon) = before.iter().rposition(|t| t.text == ":") {
            let head = &before[..colon];
            if head.len() <= 3 {
                return (cue(head, ":"), "headline");
            }
            if let Some(n) = (1..=3.min(head.len())).rev().find(|&n| {
                let phrase: Vec<&str> =
                    head[..n].iter().map(|t| strip_possessive(t.text)).collect();
                let phrase = phrase.join(" ");
                lexicon::institution_alias(&phrase).is_some()
                    || names::place(&phrase).is_some()
                    || !self.table.by_surname(&phrase).is_empty()
            }) {
                return (cue(&head[..n], ":"), "headline");
            }
        }
        if let Some(v) = before
            .iter()
            .position(|t| lexicon::speech_verb(t.text).is_some())
            && v > 0
            && v <= 4
        {
            return (cue(&before[..v], before[v].text), "headline");
        }
        if let Lead::Introduced(c) | Lead::Reported(c) =
            super::attribution::before_quote(before, para.start..quote.open.start)
        {
            return (Some(c), "headline");
        }
        (None, "headline")
    }

    /// "No treaty of alliance with Pakistan, nor is Islamabad a technical
    /// ally: White House" — the source's statement (reported: a headline
    /// paraphrases).
    fn headline_source_statement(&mut self, para: Range<usize>, toks: &[Token]) {
        let para = para.start
            ..self.body[para.clone()]
                .find('\n')
                .map_or(para.end, |i| para.start + i);
        let toks = within(toks, para.clone());
        let Some(colon) = toks.iter().rposition(|t| t.text == ":") else {
            return;
        };
        let source = &toks[colon + 1..];
        let claim_words = toks[..colon].iter().filter(|t| t.is_word()).count();
        // "…: White House", "…: FO", "…: spokesperson"
        if source.is_empty()
            || source.len() > 5
            || claim_words < 3
            || !(source[0].is_capitalised() || source[0].is(lexicon::class::ROLE))
        {
            return;
        }
        let cue = Cue {
            subject: source.iter().map(|t| t.text).collect(),
            appositive: vec![],
            at: source[0].start,
            verb: ":",
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
        if known && let (Resolved::Person(id), why) = self.resolve(&cue) {
            let mention = Some(cue.subject.join(" "));
            self.push(
                para.start..toks[colon].start,
                StatementKind::Reported,
                0,
                Said::by(Some(id), "headline", mention, why),
            );
        }
    }

    /// What is settled once the whole article is read: headline quotations
    /// given to a country or institution (or to no one) go to the official
    /// of it the article quotes most; a fragment given to an institution
    /// that a named official's quotation repeats word for word is his.
    pub(super) fn post_pass(&mut self) {
        for &i in &self.headline_statements.clone() {
            let institution = self.out[i].speaker.clone();
            let country = institution
                .as_deref()
                .and_then(|name| self.table.by_name(name))
                .and_then(|id| self.table.people[id].country);
            if let Some((name, role, org)) = self.main_speaker(institution.as_deref(), country) {
                let s = &mut self.out[i];
                let evidence = match &institution {
                    Some(inst) => {
                        format!("the headline names {inst}; its official quoted here is {name}")
                    }
                    None => format!("the headline names no source; the article quotes {name}"),
                };
                s.speaker = Some(name);
                s.role = role;
                s.organization = org;
                s.speaker_kind = SpeakerKind::Person;
                if let Some(a) = s.attribution.as_mut() {
                    a.evidence = evidence;
                }
            }
        }
        // A lead's fragment repeated in a named official's quotation.
        let fold = |s: &str| names::fold(s);
        for i in 0..self.out.len() {
            let s = &self.out[i];
            let by_institution = s.speaker.is_none() || s.speaker_kind == SpeakerKind::Institution;
            if !by_institution || s.kind == StatementKind::Reported {
                continue;
            }
            let text = fold(&s.text);
            if text.split(' ').count() < 3 {
                continue;
            }
            let fuller = self.out.iter().enumerate().find(|(j, other)| {
                *j != i
                    && other.speaker_kind == SpeakerKind::Person
                    && other.speaker.is_some()
                    && other.kind != StatementKind::Reported
                    && fold(&other.text).contains(&text)
                    && fold(&other.text).len() > text.len()
            });
            if let Some((_, other)) = fuller {
                let (name, role, org) = (
                    other.speaker.clone(),
                    other.role.clone(),
                    other.organization.clone(),
                );
                let s = &mut self.out[i];
                let evidence = format!(
                    "the article quotes these words in full from {}",
                    name.as_deref().unwrap_or("")
                );
                s.speaker = name;
                s.role = role;
                s.organization = org;
                s.speaker_kind = SpeakerKind::Person;
                if let Some(a) = s.attribution.as_mut() {
                    a.evidence = evidence;
                }
            }
        }
    }

    /// The person the article quotes most, of the institution or country
    /// when one is given (by organisation or country), with role and
    /// organisation.
    fn main_speaker(
        &self,
        institution: Option<&str>,
        country: Option<&'static str>,
    ) -> Option<(String, Option<String>, Option<String>)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for s in &self.out {
            let (Some(name), SpeakerKind::Person) = (&s.speaker, s.speaker_kind) else {
                continue;
            };
            let Some(id) = self.table.by_name(name) else {
                continue;
            };
            let person = &self.table.people[id];
            if person.anonymous {
                continue;
            }
            let fits = match (institution, country) {
                (_, Some(c)) if person.country == Some(c) => true,
                (Some(inst), _) => {
                    let inst = names::fold(inst);
                    person.organization.as_deref().is_some_and(|o| {
                        names::fold(o).contains(&inst) || inst.contains(&names::fold(o))
                    })
                }
                (None, None) => true,
                _ => false,
            };
            if !fits {
                continue;
            }
            match counts.iter_mut().find(|(n, _)| n == name) {
                Some((_, c)) => *c += 1,
                None => counts.push((name.clone(), 1)),
            }
        }
        let (name, _) = counts.into_iter().max_by_key(|(_, c)| *c)?;
        let id = self.table.by_name(&name)?;
        let p = &self.table.people[id];
        Some((name, p.role.clone(), p.organization.clone()))
    }
}
