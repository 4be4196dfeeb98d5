//! News copy: each paragraph's quotations and who said them.
//!
//! A quotation's speaker is looked for in this order (sieves, the first
//! that finds a cue wins):
//!
//! 1. the attribution right after it (`“…,” Kirby said.`) or before it
//!    (`Kirby said: “…”`, `Miller said that … “…”`);
//! 2. the speech frame at the end of its sentence (`Israel seems “…” as it
//!    has not responded, the spokesperson said.`) or an "according to X"
//!    anywhere in it;
//! 3. the cue of an earlier quotation in the same sentence (`… “…” and
//!    that “…”`);
//! 4. the speaker of an earlier quotation in the paragraph (`“…,” he said.
//!    “…”`), or of the previous paragraph when this one continues its
//!    quotation or that one ended with "she said:";
//! 5. for a quotation that stands alone as a paragraph or sentence, the
//!    issuer of the statement the previous sentence speaks of, else the
//!    person in view who spoke last.
//!
//! A quotation whose opening mark is missing but that follows "he said"
//! inside its paragraph (`…, he said Europe must act.”`) starts after the verb.

use super::attribution::{self, Cue, Lead};
use super::quotes::{self, Quote};
use super::speakers::{PersonId, Resolved};
use super::text::{Token, sentence_end, sentence_start};
use super::{Carry, Extractor, Said, within};
use crate::model::StatementKind;
use std::ops::Range;

/// What a quotation's attribution came to.
struct Choice<'a> {
    cue: Option<Cue<'a>>,
    kind: StatementKind,
    /// The sieve that found the cue, for the evidence.
    how: &'static str,
}

impl Extractor<'_> {
    pub(super) fn news(&mut self, paras: &[Range<usize>], para_tokens: &[Vec<Token>]) {
        let mut carry = Carry::default();
        for (index, (para, toks)) in paras.iter().zip(para_tokens).enumerate() {
            if self.headline_line(index, para.clone(), toks) {
                carry = Carry::default();
                continue;
            }
            carry = self.news_paragraph(index, para.clone(), toks, carry);
        }
    }

    pub(super) fn news_paragraph(
        &mut self,
        index: usize,
        para: Range<usize>,
        toks: &[Token],
        carry: Carry,
    ) -> Carry {
        let mut quotes = match self.para_quotes.get(index) {
            Some(found) if self.paragraphs.get(index) == Some(&para) => found.clone(),
            _ => quotes::find_quotes(self.body, para.clone()),
        };
        for quote in &mut quotes {
            self.open_after_frame(quote, toks);
        }
        let mut next = Carry::default();
        let mut previous_end = para.start;
        // The cue of the previous quotation when it is in the same sentence:
        // "Miller said that X was “…” and that Y would “…”".
        let mut sentence_cue: Option<(Cue, StatementKind)> = None;
        // The speaker of this paragraph's last attributed quotation:
        // “…,” Kirby said. “And more.” — the second is Kirby's too.
        let mut para_speaker: Option<PersonId> = None;
        // Reported speech is read in step with the quotations: a source
        // introduced in the sentence before ("One EU diplomat … said …") is
        // in view when the quotation's "the diplomat said" is resolved.
        let mut reported_upto = para.start;
        for (qi, quote) in quotes.iter().enumerate() {
            let quote_sentence = sentence_start(self.body, para.start, quote.open.start);
            if quote_sentence > reported_upto {
                reported_upto = self.reported(index, toks, reported_upto, quote_sentence);
            }
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
            let starts_paragraph = quote.open.start == para.start
                || self.body[para.start..quote.open.start].trim().is_empty();
            let mut choice = match (&lead, trailer.clone()) {
                (Lead::Introduced(cue), _) => Choice {
                    cue: Some(cue.clone()),
                    kind: StatementKind::Direct,
                    how: "before",
                },
                // Inside reported speech the frame's subject speaks, whatever
                // follows ("… described aid as “…”, Kirby said he did not").
                (Lead::Reported(cue), _) => Choice {
                    cue: Some(cue.clone()),
                    kind: StatementKind::Partial,
                    how: "frame",
                },
                (Lead::None, Some(cue)) => Choice {
                    cue: Some(cue),
                    kind: StatementKind::Direct,
                    how: "after",
                },
                (Lead::Embedded, Some(cue)) => Choice {
                    cue: Some(cue),
                    kind: StatementKind::Partial,
                    how: "after",
                },
                (Lead::None | Lead::Embedded, None) => Choice {
                    cue: None,
                    kind: if matches!(lead, Lead::None) {
                        StatementKind::Direct
                    } else {
                        StatementKind::Partial
                    },
                    how: "",
                },
                (Lead::Acts(_), Some(cue)) => Choice {
                    cue: Some(cue),
                    kind: StatementKind::Partial,
                    how: "after",
                },
                (Lead::Acts(_), None) => Choice {
                    cue: None,
                    kind: StatementKind::Partial,
                    how: "",
                },
                (Lead::Journalist, _) => unreachable!("handled above"),
            };
            if choice.cue.is_none() {
                // 2. The frame at the end of the sentence, or "according to".
                let end = sentence_end(self.body, after_start, para.end);
                if let Some(cue) = self.sentence_frame(toks, sentence_floor, after_start, end) {
                    choice.cue = Some(cue);
                    choice.how = "sentence";
                } else if let Some((cue, _)) = sentence_cue.clone() {
                    // 3. An earlier quotation's cue in the same sentence.
                    choice.cue = Some(cue);
                    choice.kind = StatementKind::Partial;
                    choice.how = "same sentence";
                } else if let Lead::Acts(cue) = &lead
                    && self.names_someone_known(&cue.subject)
                {
                    choice.cue = Some(cue.clone());
                    choice.how = "acts";
                }
            }
            if let Some(cue) = &choice.cue {
                sentence_cue = Some((cue.clone(), choice.kind));
            }
            let so_called = lead_text
                .trim_end()
                .to_ascii_lowercase()
                .ends_with("so-called");
            if so_called {
                continue;
            }
            let said = match &choice.cue {
                Some(cue) => {
                    let (resolved, why) = self.resolve(cue);
                    let mention = Some(cue.subject.join(" "));
                    let verb = cue_words(cue, choice.how);
                    let said_on = self.said_on(&cue.clause);
                    match resolved {
                        Resolved::Person(id) => {
                            self.mention(cue.at, id);
                            Said {
                                said_on,
                                ..Said::by(Some(id), &verb, mention, why)
                            }
                        }
                        Resolved::Ambiguous => Said {
                            ambiguous: true,
                            said_on,
                            ..Said::by(None, &verb, mention, why)
                        },
                        Resolved::Anonymous => Said {
                            said_on,
                            ..Said::by(
                                None,
                                &verb,
                                mention,
                                "someone the article does not name".into(),
                            )
                        },
                        // A journalist or a crowd: not a statement — unless the
                        // lead was misread and the words after name someone.
                        Resolved::Nobody => match trailer.clone() {
                            Some(t) if choice.how != "after" => {
                                let (resolved, why) = self.resolve(&t);
                                match resolved {
                                    Resolved::Person(id) => {
                                        self.mention(t.at, id);
                                        Said {
                                            said_on: self.said_on(&t.clause),
                                            ..Said::by(
                                                Some(id),
                                                &cue_words(&t, "after"),
                                                Some(t.subject.join(" ")),
                                                why,
                                            )
                                        }
                                    }
                                    _ => continue,
                                }
                            }
                            _ => continue,
                        },
                    }
                }
                None if qi > 0 && matches!(lead, Lead::None) && para_speaker.is_some() => {
                    let id = para_speaker.expect("checked");
                    let name = self.table.people[id].name.clone();
                    Said {
                        said_on: self.out.last().and_then(|s| s.said_on.clone()),
                        ..Said::by(
                            Some(id),
                            "continues the quotation",
                            None,
                            format!("{name} is quoted just before in this paragraph"),
                        )
                    }
                }
                None if starts_paragraph
                    && (carry.open_quote || carry.speaker.is_some())
                    && qi == 0 =>
                {
                    // A paragraph that continues the previous one's quotation.
                    let name = carry.speaker.map(|id| self.table.people[id].name.clone());
                    Said {
                        said_on: self.out.last().and_then(|s| s.said_on.clone()),
                        ..Said::by(
                            carry.speaker,
                            "continues the previous paragraph",
                            None,
                            match name {
                                Some(name) => {
                                    format!("{name} is quoted at the end of the previous paragraph")
                                }
                                None => "the previous paragraph's quotation goes on".into(),
                            },
                        )
                    }
                }
                // Only when nothing follows the quotation in its sentence: "…,”
                // one mother in a camp told aid workers" has an attribution,
                // if one this reader cannot name.
                None if words >= 6
                    && matches!(lead, Lead::None)
                    && !within(toks, after_start..after_end)
                        .iter()
                        .any(|t| t.is_word()) =>
                {
                    // 5. A quotation standing alone: the statement or the person in view.
                    self.unattributed(quote, para.clone(), toks)
                }
                None => Said::default(),
            };
            // Scare quotes, titles and slogans: short, or unattributed and not a sentence.
            let sentence_like = words >= 6
                || self.body[quote.inner.clone()]
                    .trim_end()
                    .ends_with(['.', '!', '?', ',']);
            if said.who.is_none()
                && !said.ambiguous
                && (words < 6 || choice.kind == StatementKind::Partial || !sentence_like)
            {
                continue;
            }
            // Fragments of one or two words are scare quotes and labels
            // ("early stage", ‘very positive’), not statements.
            let two_word_clause =
                words == 2 && said.who.is_some() && is_clause(&self.body[quote.inner.clone()]);
            if (words <= 2 && !two_word_clause)
                || is_title(&self.body[quote.inner.clone()], lead_text)
            {
                continue;
            }
            let kind = if choice.kind == StatementKind::Direct && words < 4 && !sentence_like {
                StatementKind::Partial
            } else {
                choice.kind
            };
            let who = said.who;
            self.push(quote.inner.clone(), kind, index, said);
            if who.is_some() {
                para_speaker = who;
            }
            next = Carry {
                speaker: who,
                open_quote: quote.close.is_none(),
            };
        }
        self.reported(index, toks, reported_upto, para.end);
        // "She said:" ending a paragraph introduces the quotation that opens the next.
        let tail_start = quotes
            .last()
            .map_or(para.start, |q| q.close.as_ref().map_or(para.end, |c| c.end));
        if toks
            .last()
            .is_some_and(|t| t.text == ":" && t.start >= tail_start)
        {
            let from = sentence_start(self.body, tail_start, para.end);
            let lead = attribution::before_quote(within(toks, from..para.end), from..para.end);
            let cue = match lead {
                Lead::Introduced(cue) | Lead::Reported(cue) => Some(cue),
                _ => None,
            };
            if let Some(cue) = cue
                && let (Resolved::Person(id), _) = self.resolve(&cue)
            {
                self.mention(cue.at, id);
                return Carry {
                    speaker: Some(id),
                    open_quote: true,
                };
            }
            // "Stéphane Dujarric, spokesman for …, lauded the news …:" — no
            // speech verb, but the sentence's subject introduces the words.
            let i = self.mentions.partition_point(|m| m.at < from);
            if let Some(m) = self.mentions[i..]
                .iter()
                .take_while(|m| m.at < para.end)
                .find(|m| m.position == super::mentions::Position::Subject && !m.in_quote)
            {
                let id = m.id;
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

    /// Whether a subject phrase names a person or body the article already
    /// knows ("Trump", "the ministry", "Beijing"), not just any capitalised
    /// word ("Indirect negotiations").
    fn names_someone_known(&self, subject: &[&str]) -> bool {
        if let [one] = subject
            && super::lexicon::is_person_pronoun(one)
        {
            return true;
        }
        let words: Vec<&str> = subject.iter().map(|w| super::strip_possessive(w)).collect();
        let joined = words.join(" ");
        words.iter().any(|w| {
            super::lexicon::is(w, super::lexicon::class::ROLE | super::lexicon::class::ORG)
        }) || crate::names::institution(&joined).is_some()
            || crate::names::place(&joined).is_some()
            || self.table.by_name(&joined).is_some()
            || (words.len() <= 2 && words.last().is_some_and(|w| !self.table.by_surname(w).is_empty()))
            // A new name: a given name and a surname ("Stefan Korner").
            || words
                .windows(2)
                .any(|w| crate::names::is_given_name(w[0]) && super::speakers::is_name_word(w[1]))
    }

    /// The speech frame of the sentence `from..end` outside the quotation
    /// that ends at `after`: an "according to X" anywhere, or a closing
    /// ", X said." after the last comma.
    fn sentence_frame<'t>(
        &self,
        toks: &[Token<'t>],
        from: usize,
        after: usize,
        end: usize,
    ) -> Option<Cue<'t>> {
        let sentence = within(toks, from..end);
        // "according to X" before or after the quotation.
        if let Some(k) = (0..sentence.len().saturating_sub(1)).find(|&k| {
            sentence[k].text.eq_ignore_ascii_case("according")
                && sentence[k + 1].text == "to"
                && !self.in_quote(sentence[k].start)
        }) {
            let tail = &sentence[k..];
            let clause = tail[0].start..end;
            if let Some(cue) = attribution::after_quote(tail, clause) {
                return Some(cue);
            }
        }
        // ", the spokesperson said." closing the sentence.
        let rest = within(toks, after..end);
        let comma = rest
            .iter()
            .rposition(|t| t.text == "," && !self.in_quote(t.start))?;
        let tail = &rest[comma..];
        let cue = attribution::after_quote(tail, tail[0].start..end).or_else(|| {
            // ", the Foreign Ministry spokesperson of mediator Qatar said.":
            // a description the phrase rules do not read, then the verb.
            let verb = tail
                .iter()
                .position(|t| t.is(super::lexicon::class::VERB))?;
            let phrase = &tail[1..verb];
            let describes = (1..=10).contains(&phrase.len())
                && phrase
                    .iter()
                    .all(|t| t.is_word() && !t.is(super::lexicon::class::AUXILIARY))
                && phrase.iter().any(|t| {
                    t.is(super::lexicon::class::ROLE | super::lexicon::class::ORG)
                        || t.is_capitalised()
                });
            describes.then(|| Cue {
                subject: phrase.iter().map(|t| t.text).collect(),
                appositive: vec![],
                at: phrase[0].start,
                verb: tail[verb].text,
                clause: tail[0].start..end,
            })
        })?;
        // Only adverbials may follow the verb ("said on Tuesday").
        let verb_at = tail.iter().position(|t| t.text == cue.verb)?;
        let after_verb = tail[verb_at + 1..].iter().filter(|t| t.is_word()).count();
        (after_verb <= 8 && !tail[verb_at + 1..].iter().any(|t| t.text == "that")).then_some(cue)
    }

    /// A quotation whose opening mark was dropped after "he said" inside its
    /// paragraph ("…, he said Europe must act and talk will not do.”"):
    /// it starts after the speech verb.
    fn open_after_frame(&self, quote: &mut Quote, toks: &[Token]) {
        if !quotes::opens_unmarked(quote) {
            return;
        }
        let inside = within(toks, quote.inner.clone());
        let frame = (1..inside.len()).rev().find(|&k| {
            let t = &inside[k];
            t.is(super::lexicon::class::VERB)
                && matches!(
                    super::lexicon::speech_verb(t.text),
                    Some("say" | "tell" | "add" | "stress" | "insist" | "warn" | "note")
                )
                && (inside[k - 1].is(super::lexicon::class::PRONOUN)
                    || inside[k - 1].is_capitalised())
                && inside[k + 1..].iter().filter(|t| t.is_word()).count() >= 3
        });
        if let Some(k) = frame {
            let mut start = k + 1;
            if inside.get(start).is_some_and(|t| t.text == "that") {
                start += 1;
            }
            if let Some(first) = inside.get(start) {
                quote.open = first.start..first.start;
                quote.inner.start = first.start;
            }
        }
    }

    /// A quotation with no cue of its own that stands as a sentence: the
    /// issuer of the statement the previous sentence speaks of ("The
    /// statement reiterated … “The United Nations will …”"), else the
    /// person in view who spoke last.
    fn unattributed(&mut self, quote: &Quote, para: Range<usize>, toks: &[Token]) -> Said {
        let before = sentence_start(self.body, para.start, quote.open.start.max(para.start));
        if before > para.start {
            let previous_start = sentence_start(self.body, para.start, before.saturating_sub(2));
            let sentence = within(toks, previous_start..before);
            let subject_end = sentence
                .iter()
                .position(|t| {
                    t.is(super::lexicon::class::VERB | super::lexicon::class::AUXILIARY)
                        || t.text.ends_with("ed")
                })
                .unwrap_or(0);
            if subject_end > 0 && subject_end <= 4 {
                let cue = Cue {
                    subject: sentence[..subject_end].iter().map(|t| t.text).collect(),
                    appositive: vec![],
                    at: sentence[0].start,
                    verb: sentence[subject_end].text,
                    clause: previous_start..before,
                };
                let is_document = cue
                    .subject
                    .iter()
                    .any(|w| attribution::is_document_noun(&w.to_lowercase()));
                if is_document && let (Resolved::Person(id), why) = self.resolve(&cue) {
                    return Said::by(
                        Some(id),
                        "no attribution",
                        Some(cue.subject.join(" ")),
                        format!("the previous sentence speaks of it: {why}"),
                    );
                }
            }
        }
        // After a sentence about a crowd ("Analysts were unconvinced."), the
        // words are one of them: nobody the article names.
        // The sentence before: in this paragraph, or the previous one's last.
        let before = sentence_start(
            self.body,
            para.start.min(quote.open.start),
            quote.open.start,
        );
        let range = if before > para.start {
            para.start..before
        } else {
            self.paragraphs
                .iter()
                .rev()
                .find(|p| p.end <= para.start)
                .map_or(0..0, |p| p.clone())
        };
        let last_start = sentence_start(
            self.body,
            range.start,
            self.body
                .floor_char_boundary(range.end.saturating_sub(1))
                .max(range.start),
        );
        let previous = self.body[last_start..range.end].trim();
        let crowd = previous.split_whitespace().next().is_some_and(|w| {
            super::is_generic_group(w)
                && !matches!(
                    w.to_ascii_lowercase().as_str(),
                    "we" | "they" | "it" | "i" | "you" | "both"
                )
        });
        if crowd {
            return Said::default();
        }
        match self.pronoun_referent(quote.open.start, "they") {
            Some((id, _)) => {
                let name = self.table.people[id].name.clone();
                Said::by(
                    Some(id),
                    "no attribution",
                    None,
                    format!("{name}, the person in view, is taken to speak on"),
                )
            }
            None => Said::default(),
        }
    }
}

/// The cue's words for the evidence ("said", "told", "according to").
fn cue_words(cue: &Cue, how: &str) -> String {
    let verb = cue.verb.to_lowercase();
    match (verb.as_str(), how) {
        ("", _) => "acts on the words".to_string(),
        (":", _) => "introduced with a colon".to_string(),
        (dash, _) if super::text::is_dash(dash) => "signed with a dash".to_string(),
        (_, "sentence") => format!("{verb} (end of the sentence)"),
        (_, "same sentence") => format!("{verb} (earlier in the sentence)"),

        _ => verb,
    }
}

/// A two-word quotation that is a sentence, not a label: a pronoun and its
/// verb ("It's nonsense", "We're hopeful", "I disagree").
fn is_clause(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let bare = first.split(['’', '\'']).next().unwrap_or("");
    matches!(
        bare.to_ascii_lowercase().as_str(),
        "i" | "we" | "you" | "he" | "she" | "it" | "they" | "that" | "this" | "there"
    ) && (first.contains(['’', '\''])
        || text
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.chars().all(|c| c.is_lowercase() || !c.is_alphabetic())))
}

/// Titles of works and shows: every word capitalised, after "titled",
/// "called" or a possessive, and no sentence punctuation ("Those Guys Have
/// All the Fun"). Headlines are handled apart, where title case is the rule.
fn is_title(text: &str, lead: &str) -> bool {
    let small = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "the"
                | "of"
                | "and"
                | "or"
                | "in"
                | "on"
                | "to"
                | "for"
                | "with"
                | "at"
                | "by"
                | "from"
        )
    };
    let title_case = text.split_whitespace().nth(1).is_some()
        && text.split_whitespace().enumerate().all(|(i, w)| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || (i > 0 && small(w))
        });
    // Most quotations are not in title case: the lead (all the paragraph
    // before the quotation) is lowercased only for those that are.
    if !title_case {
        return false;
    }
    let lead = lead.trim_end().to_lowercase();
    let introduced = [
        "titled",
        "entitled",
        "called",
        "named",
        "book",
        "show",
        "film",
        "song",
        "program",
        "programme",
        "series",
        "report",
    ]
    .iter()
    .any(|w| lead.ends_with(w));
    (introduced || !text.trim_end().ends_with(['.', '!', '?', ','])) && !text.contains(", ")
}
