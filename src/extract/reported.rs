//! Reported speech without quote marks.
//!
//! * `Miller said (on Tuesday) (that) <clause>.`
//! * `He told reporters that <clause>.`
//! * `Stephane Dujarric, Spokesperson for the Secretary-General, said <clause>.`
//! * `Asked about the talks, Kirby said <clause>.`
//! * `According to Miller, <clause>.`
//! * `<clause>, External Affairs Ministry spokesperson Randhir Jaiswal said on Thursday.`
//! * `…, the spokesman said, adding that <clause>.` / `The White House pressed …, saying <clause>.`
//!
//! Datelines ("WASHINGTON, March 14 (Reuters) -", "New Delhi:") are skipped.
//! The speaker must be someone the article names (or a pronoun for them);
//! the statement is the clause. A clause that holds a quotation stops before
//! it: the quotation is a (partial) statement of its own, so nothing is
//! counted twice.

use super::attribution::{Cue, subject_of};
use super::lexicon::{self, class};
use super::speakers::{PersonId, Resolved};
use super::text::{Token, skip_dateline};
use super::{Extractor, Said, is_generic_group};
use crate::model::StatementKind;
use std::ops::Range;

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
    "inform",
    "assure",
    "clarify",
    "recall",
    "write",
];

/// How far "that" may stand from its verb ("told reporters on Tuesday that").
const MAX_WORDS_BEFORE_THAT: usize = 8;

fn is_reporting(t: &Token) -> bool {
    t.is(class::VERB)
        && lexicon::speech_verb(t.text).is_some_and(|lemma| REPORTING_LEMMAS.contains(&lemma))
}

/// Finite verbs: a "that" after one of them belongs to another clause.
fn is_finite(word: &str) -> bool {
    matches!(
        word,
        "is" | "was"
            | "were"
            | "are"
            | "had"
            | "has"
            | "have"
            | "would"
            | "will"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
    )
}

/// A reported statement found in one sentence, before resolution.
struct Found<'t> {
    span: Range<usize>,
    cue: Option<Cue<'t>>,
    /// For ", adding that …": the speaker of the sentence's quotation.
    speaker: Option<PersonId>,
}

impl Extractor<'_> {
    /// Reported statements in one paragraph, sentence by sentence.
    /// Reported statements in the sentences of a paragraph that start at
    /// or after `from` and end before `until` (a quotation's sentence, whose
    /// speaker is found with the quotation). Returns where the last sentence
    /// taken ended, for the next call.
    pub(super) fn reported(
        &mut self,
        index: usize,
        para_toks: &[Token],
        from: usize,
        until: usize,
    ) -> usize {
        let mut done = from;
        if !para_toks
            .iter()
            .any(|t| t.is(class::VERB) || t.text == "According")
        {
            return until;
        }
        let para_toks = skip_dateline(para_toks);
        for sentence in super::text::sentences(para_toks) {
            let (Some(first), Some(last)) = (sentence.first(), sentence.last()) else {
                continue;
            };
            if first.start < from || last.end > until {
                continue;
            }
            done = last.end;
            for found in self.reported_in(sentence) {
                let (id, said) = match (&found.cue, found.speaker) {
                    (_, Some(id)) => {
                        let name = self.table.people[id].name.clone();
                        let said = Said {
                            said_on: self.out.last().and_then(|s| s.said_on.clone()),
                            ..Said::by(
                                Some(id),
                                "adding",
                                None,
                                format!("goes on from {name}'s words in this sentence"),
                            )
                        };
                        (id, said)
                    }
                    (Some(cue), None) => {
                        let (resolved, why) = self.resolve(cue);
                        let mention = Some(cue.subject.join(" "));
                        let verb = cue.verb.to_lowercase();
                        let id = match resolved {
                            Resolved::Person(id) => id,
                            // Said, but by whom the article does not (or cannot) say.
                            unnamed @ (Resolved::Ambiguous | Resolved::Anonymous) => {
                                let said = Said {
                                    ambiguous: unnamed == Resolved::Ambiguous,
                                    said_on: self.said_on(&cue.clause),
                                    ..Said::by(None, &verb, mention, why)
                                };
                                self.push(found.span, StatementKind::Reported, index, said);
                                continue;
                            }
                            Resolved::Nobody => continue,
                        };
                        // A bare surname or single word must be someone the article has named.
                        let named = cue.subject.len() > 1
                            || lexicon::is_person_pronoun(cue.subject[0])
                            || self.named.contains(&id)
                            || self.table.people[id].kind == crate::model::SpeakerKind::Institution;
                        if !named {
                            continue;
                        }
                        self.mention(cue.at, id);
                        let said = Said {
                            said_on: self.said_on(&cue.clause),
                            ..Said::by(Some(id), &verb, mention, why)
                        };
                        (id, said)
                    }
                    (None, None) => continue,
                };
                let _ = id;
                self.push(found.span, StatementKind::Reported, index, said);
            }
        }
        done
    }

    fn reported_in<'t>(&self, toks: &[Token<'t>]) -> Vec<Found<'t>> {
        let mut found = Vec::new();
        let main = reported_clause(toks).or_else(|| inverted_clause(toks));
        let main_cue = main.as_ref().map(|(_, cue)| cue.clone());
        if let Some((span, cue)) = main {
            found.push(Found {
                span,
                cue: Some(cue),
                speaker: None,
            });
        }
        // ", adding that …" / ", saying …": the sentence's speaker goes on.
        if let Some(p) = (1..toks.len()).find(|&k| {
            toks[k - 1].text == "," && toks[k].text.ends_with("ing") && is_reporting(&toks[k])
        }) {
            // "telling reporters in Washington that …" / "saying …"
            let that = toks[p + 1..]
                .iter()
                .take(MAX_WORDS_BEFORE_THAT)
                .take_while(|t| !is_finite(t.text) && t.text != ",")
                .position(|t| t.text == "that")
                .map(|q| p + 2 + q);
            let says = lexicon::speech_verb(toks[p].text) == Some("say");
            let clause_start = that.or(says.then_some(p + 1));
            let end = sentence_end(toks);
            if let Some(span) =
                clause_start.and_then(|start| clause_span(&toks[start.min(toks.len())..], end))
            {
                let sentence = toks[0].start..toks[p].start;
                // The speaker of a quotation in this sentence, else the sentence's subject.
                let quoted = self.out.iter().rev().find(|s| {
                    s.start >= toks[0].start && s.end <= toks[p].start && s.speaker.is_some()
                });
                match (quoted, main_cue) {
                    (Some(s), _) => {
                        let id = self
                            .table
                            .people
                            .iter()
                            .position(|person| Some(&person.name) == s.speaker.as_ref());
                        found.push(Found {
                            span,
                            cue: None,
                            speaker: id,
                        });
                    }
                    // "Patel said X, adding that Y": Patel again.
                    (None, Some(cue)) => found.push(Found {
                        span,
                        cue: Some(cue),
                        speaker: None,
                    }),
                    (None, None) => {
                        if let Some(cue) = sentence_subject(toks, p, sentence) {
                            found.push(Found {
                                span,
                                cue: Some(cue),
                                speaker: None,
                            });
                        }
                    }
                }
            }
        }
        found
    }
}

fn sentence_end(toks: &[Token]) -> usize {
    match toks.last() {
        Some(last) if matches!(last.text, "." | "!" | "?") => last.start,
        Some(last) => last.end,
        None => 0,
    }
}

/// The subject opening a sentence ("The White House on Tuesday pressed …"):
/// a name phrase, an institution or a pronoun, before `limit`.
fn sentence_subject<'t>(toks: &[Token<'t>], limit: usize, clause: Range<usize>) -> Option<Cue<'t>> {
    let mut start = 0;
    // "Meanwhile, the Foreign Office …"
    if toks.get(1).is_some_and(|t| t.text == ",") && toks[0].is_capitalised() {
        start = 2;
    }
    let first = toks.get(start)?;
    if first.is(class::PRONOUN) {
        return Some(Cue {
            subject: vec![first.text],
            appositive: vec![],
            at: first.start,
            verb: toks.get(limit).map_or("", |t| t.text),
            clause,
        });
    }
    let skip_the = usize::from(matches!(first.text, "The" | "the"));
    let mut end = start + skip_the;
    while end < limit
        && toks
            .get(end)
            .is_some_and(|t| t.is_capitalised() || t.is(class::ROLE | class::ORG))
    {
        end += 1;
    }
    (end > start + skip_the).then(|| Cue {
        subject: toks[start..end].iter().map(|t| t.text).collect(),
        appositive: vec![],
        at: toks[start].start,
        verb: toks.get(limit).map_or("", |t| t.text),
        clause,
    })
}

/// "Miller said (that) <clause>" and its shapes: the reported clause of one
/// sentence and the cue for its speaker.
fn reported_clause<'t>(toks: &[Token<'t>]) -> Option<(Range<usize>, Cue<'t>)> {
    let end = sentence_end(toks);
    let sentence = toks.first()?.start..toks.last()?.end;

    // "According to Miller, <clause>"
    if toks[0].text == "According" && toks.get(1).is_some_and(|t| t.text == "to") {
        let comma = toks.iter().take(12).position(|t| t.text == ",")?;
        let subject: Vec<&str> = toks[2..comma].iter().map(|t| t.text).collect();
        return clause_span(&toks[comma + 1..], end).map(|span| {
            (
                span,
                Cue {
                    subject,
                    appositive: vec![],
                    at: toks[2].start,
                    verb: "according to",
                    clause: sentence.clone(),
                },
            )
        });
    }

    // The first speech verb that has a subject opening the sentence (or
    // following an opening phrase that ends in a comma: "On Tuesday, …",
    // "Asked whether …, Kirby said").
    let (verb, subject, appositive, at) = (0..toks.len().min(60)).find_map(|verb| {
        let reporting = is_reporting(&toks[verb])
            && toks
                .get(verb + 1)
                .is_none_or(|n| n.text != "to" && n.text != "by");
        if !reporting || toks[verb].text.ends_with("ing") {
            return None;
        }
        let (subject, appositive, at) = subject_of(toks, verb, 0)?;
        if subject.len() == 1 && is_generic_group(subject[0]) {
            return None;
        }
        let subject_start = toks.iter().position(|t| t.start == at)?;
        // Inverted order ("said Kirby") belongs to quotations. A subject may
        // follow a short lowercase description that opens the sentence ("EU
        // foreign policy chief Josep Borrell said").
        let lead_start = toks[..subject_start]
            .iter()
            .rposition(|t| t.text == ",")
            .map_or(0, |c| c + 1);
        // The subject must then start with its title ("chief"), and the
        // description hold no clause or preposition ("Analysts in Islamabad
        // say" is not Islamabad speaking).
        let lead = &toks[lead_start..subject_start];
        let opens = lead.is_empty()
            || (lead.len() <= 6
                && toks[subject_start].is(class::ROLE | class::ORG)
                && lead.iter().all(|t| {
                    t.is_word()
                        && !t.is(class::VERB | class::AUXILIARY | class::CONNECTOR)
                        && !is_finite(t.text)
                        && !matches!(
                            t.text.to_ascii_lowercase().as_str(),
                            "that"
                                | "who"
                                | "which"
                                | "and"
                                | "but"
                                | "a"
                                | "an"
                                | "the"
                                | "in"
                                | "for"
                                | "at"
                                | "from"
                                | "with"
                                | "by"
                                | "on"
                                | "to"
                        )
                }));
        if !(subject_start < verb && opens) {
            return None;
        }
        // The description belongs to the subject: "Pakistan’s foreign
        // ministry", "EU foreign policy chief Josep Borrell".
        let mut subject = subject;
        if !lead.is_empty() {
            subject.splice(0..0, lead.iter().map(|t| t.text));
        }
        let at = lead.first().map_or(at, |t| t.start);
        Some((verb, subject, appositive, at))
    })?;
    // The clause: after "that" when only an object or adverbial stands
    // between ("told reporters on Tuesday that"), or straight after "say".
    let lemma = lexicon::speech_verb(toks[verb].text)?;
    let that = toks[verb + 1..]
        .iter()
        .take(MAX_WORDS_BEFORE_THAT)
        .take_while(|t| !is_finite(t.text) && t.text != ",")
        .position(|t| t.text == "that")
        .map(|p| verb + 1 + p);
    // "said on Monday it had …" / "said in a statement the talks …": the
    // clause starts after the adverbial.
    let after_verb = verb + 1 + adverbial_len(&toks[verb + 1..]);
    let clause_start = match that {
        Some(t) => t + 1,
        None if lemma == "say"
            && after_verb > verb + 1
            && toks.get(after_verb).is_some_and(|t| t.is_word()) =>
        {
            after_verb
        }
        None if lemma == "say"
            && toks.get(verb + 1).is_some_and(|t| {
                t.is_word()
                    && !matches!(
                        t.text,
                        "in" | "on" | "at" | "during" | "after" | "before" | "nothing" | "so"
                    )
            }) =>
        {
            verb + 1
        }
        None => return None,
    };
    let span = clause_span(&toks[clause_start..], end)?;
    Some((
        span,
        Cue {
            subject,
            appositive,
            at,
            verb: toks[verb].text,
            clause: sentence,
        },
    ))
}

/// The length of a time or source adverbial opening `toks`: "on Monday",
/// "on March 5", "last week", "in a statement", "in a post on X" (then an
/// optional comma); 0 if none.
fn adverbial_len(toks: &[Token]) -> usize {
    let text = |i: usize| toks.get(i).map_or("", |t| t.text);
    let mut n = match (text(0), text(1)) {
        ("on", day) if crate::dates::is_calendar_word(day) => {
            // "on March 5", "on 5 March"
            2 + (2..4)
                .take_while(|&i| {
                    let w = text(i);
                    !w.is_empty()
                        && (w.bytes().all(|b| b.is_ascii_digit())
                            || crate::dates::is_calendar_word(w))
                })
                .count()
        }
        ("last" | "this", w)
            if matches!(w, "week" | "month" | "year") || crate::dates::is_calendar_word(w) =>
        {
            2
        }
        ("yesterday" | "today", _) => 1,
        ("in", "a" | "an")
            if matches!(
                text(2),
                "statement" | "post" | "interview" | "readout" | "briefing"
            ) =>
        {
            3
        }
        _ => 0,
    };
    if n > 0 && text(n) == "," {
        n += 1;
    }
    n
}

/// "<clause>, External Affairs Ministry spokesperson Randhir Jaiswal said on
/// Thursday." / "<clause>, the ministry said." / "<clause>, said Kirby."
fn inverted_clause<'t>(toks: &[Token<'t>]) -> Option<(Range<usize>, Cue<'t>)> {
    let sentence = toks.first()?.start..toks.last()?.end;
    let comma = toks.iter().rposition(|t| t.text == ",")?;
    let tail = &toks[comma + 1..];
    let verb = tail.iter().position(is_reporting)?;
    // After the verb only adverbials may follow ("on Thursday", "in a
    // statement"), and a reason or an aside about the source ("on condition
    // of anonymity because the talks are private").
    let rest = &tail[verb + 1..];
    let aside = rest
        .iter()
        .position(|t| {
            matches!(
                t.text,
                "because"
                    | "who"
                    | "which"
                    | "since"
                    | "as"
                    | "while"
                    | "after"
                    | "when"
                    | "adding"
            )
        })
        .unwrap_or(rest.len());
    if rest[..aside]
        .iter()
        .any(|t| t.text == "that" || is_finite(t.text))
        || aside > 8
    {
        return None;
    }
    let (subject, appositive, at) = subject_of(tail, verb, 0)?;
    let subject_start = tail.iter().position(|t| t.start == at)?;
    let inverted = subject_start == verb + 1 && verb == 0; // ", said Kirby."
    // ", a senior official said": the article before the subject.
    let after_article = subject_start == 1 && matches!(tail[0].text, "a" | "an" | "one");
    let (subject, at) = if after_article {
        let mut s = subject;
        s.insert(0, tail[0].text);
        (s, tail[0].start)
    } else {
        (subject, at)
    };
    if !(subject_start == 0 || inverted || after_article)
        || (subject.len() == 1 && is_generic_group(subject[0]))
    {
        return None;
    }
    let span = clause_span(&toks[..comma], toks[comma].start)?;
    Some((
        span,
        Cue {
            subject,
            appositive,
            at,
            verb: tail[verb].text,
            clause: sentence,
        },
    ))
}

/// The span of a reported clause: at least four words. A clause that goes
/// on into a quotation ("…, and that sanctions were “not off the table”")
/// keeps its part before the conjunction; a scare quote of a word or two
/// inside it is part of it.
fn clause_span(clause: &[Token], end: usize) -> Option<Range<usize>> {
    let first = clause.first()?;
    if clause.iter().any(|t| t.text == "?") {
        return None;
    }
    let is_mark = |t: &Token| matches!(t.text, "“" | "”" | "\"" | "«" | "»" | "„");
    // Typewriter marks: '' and `` (two tokens, one mark).
    let doubled = |i: usize| {
        let t = &clause[i];
        matches!(t.text, "'" | "`")
            && clause
                .get(i + 1)
                .is_some_and(|n| n.text == t.text && n.start == t.end)
    };
    let marks: Vec<usize> = (0..clause.len())
        .filter(|&i| is_mark(&clause[i]) || (doubled(i) && !(i > 0 && doubled(i - 1))))
        .collect();
    // Only a "so-called “…”" scare quote may stand inside a reported clause.
    let scare_only = marks.chunks(2).all(|pair| {
        pair.len() == 2 && pair[0] > 0 && clause[pair[0] - 1].text.eq_ignore_ascii_case("so-called")
    });
    let (clause, end) = match marks.first() {
        Some(&quote) if !scare_only => {
            let cut = clause[..quote].iter().rposition(|t| {
                matches!(t.text, "and" | "but" | ";")
                    || (t.text.ends_with("ing") && t.is(class::VERB))
            })?;
            let cut = if cut > 0 && clause[cut - 1].text == "," {
                cut - 1
            } else {
                cut
            };
            (&clause[..cut], clause.get(cut.checked_sub(1)?)?.end)
        }
        _ => {
            // ", adding that …" ends this clause (the participle's clause is
            // another statement), and so does ", and called on …" (the
            // subject doing something else).
            let stop = (1..clause.len()).find(|&k| {
                clause[k - 1].text == ","
                    && ((clause[k].text.ends_with("ing") && is_reporting(&clause[k]))
                        || (clause[k].text == "and"
                            && clause.get(k + 1).is_some_and(|t| t.is(class::VERB))))
            });
            match stop {
                Some(p) => (&clause[..p - 1], clause[p - 1].start),
                None => (clause, end),
            }
        }
    };
    (clause.iter().filter(|t| t.is_word()).count() >= 4 && first.start < end)
        .then_some(first.start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::tokens;

    fn clause(sentence: &str) -> Option<(String, String)> {
        let toks = tokens(sentence, 0);
        reported_clause(&toks)
            .or_else(|| inverted_clause(&toks))
            .map(|(span, cue)| (cue.subject.join(" "), sentence[span].to_string()))
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    #[test]
    fn shapes_of_reported_speech() {
        assert_eq!(
            clause("Patel said that Washington supports direct talks."),
            pair("Patel", "Washington supports direct talks")
        );
        // A lowercase description before the title, and an adverbial before "that".
        assert_eq!(
            clause(
                "EU foreign policy chief Josep Borrell said in a post on X that the bloc stood ready to help."
            ),
            pair(
                "EU foreign policy chief Josep Borrell",
                "the bloc stood ready to help"
            )
        );
        assert_eq!(
            clause("Borrell wrote on X that the ministers would meet again in April."),
            pair("Borrell", "the ministers would meet again in April")
        );
        // A time or source adverbial between "said" and a clause without "that".
        assert_eq!(
            clause("Pakistan’s foreign ministry said on Monday it had summoned the Afghan envoy."),
            pair(
                "Pakistan’s foreign ministry",
                "it had summoned the Afghan envoy"
            )
        );
        assert_eq!(
            clause("The ministry said in a statement, the talks would resume in May."),
            pair("The ministry", "the talks would resume in May")
        );
        assert_eq!(
            clause("He said the Pentagon had exhausted the funds."),
            pair("He", "the Pentagon had exhausted the funds")
        );
        assert_eq!(
            clause(
                "Stephane Dujarric, Spokesperson for the Secretary-General, said aid convoys faced long delays."
            ),
            pair("Stephane Dujarric", "aid convoys faced long delays")
        );
        assert_eq!(
            clause("Asked about the plan, Kirby said the United States had not received a reply."),
            pair("Kirby", "the United States had not received a reply")
        );
        assert_eq!(
            clause("According to Miller, the issue was raised during a call last week."),
            pair("Miller", "the issue was raised during a call last week")
        );
        assert_eq!(
            clause("Kirby told reporters on Tuesday that the aid would arrive soon."),
            pair("Kirby", "the aid would arrive soon")
        );
        assert_eq!(
            clause("The United States has said it will not take sides in the dispute."),
            pair("The United States", "it will not take sides in the dispute")
        );
        assert_eq!(
            clause(
                "The State Department said in a readout later on Monday that the Secretary had raised the dam in a call."
            ),
            pair(
                "The State Department",
                "the Secretary had raised the dam in a call"
            )
        );
    }

    #[test]
    fn the_source_after_the_clause() {
        assert_eq!(
            clause(
                "India has advised its nationals to avoid all travel to the region, External Affairs Ministry spokesperson Randhir Jaiswal said on Thursday."
            ),
            pair(
                "External Affairs Ministry spokesperson Randhir Jaiswal",
                "India has advised its nationals to avoid all travel to the region"
            )
        );
        assert_eq!(
            clause(
                "India is on track to host the summit later this year, the External Affairs Ministry said on Friday."
            ),
            pair(
                "the External Affairs Ministry",
                "India is on track to host the summit later this year"
            )
        );
        assert_eq!(
            clause("The talks will resume next week in Geneva, said Kirby."),
            pair("Kirby", "The talks will resume next week in Geneva")
        );
        assert_eq!(
            clause("The talks will resume, and the envoys will meet, officials said."),
            None,
            "a crowd"
        );
    }

    #[test]
    fn clauses_stop_at_quotations_and_participles() {
        assert_eq!(
            clause(
                "Lin said China welcomed European businesses to invest in the country, stressing that China’s door “will only open wider.”"
            ),
            pair(
                "Lin",
                "China welcomed European businesses to invest in the country"
            )
        );
        assert_eq!(
            clause(
                "Zhou told the Global Times that the so-called “China threat” narrative had been recycled many times."
            ),
            pair(
                "Zhou",
                "the so-called “China threat” narrative had been recycled many times"
            )
        );
    }

    #[test]
    fn datelines_are_not_part_of_the_sentence() {
        let toks = tokens(
            "WASHINGTON, March 14 (Reuters) - The State Department said it had paused interviews.",
            0,
        );
        assert_eq!(skip_dateline(&toks)[0].text, "The");
        let toks = tokens("New Delhi: India is on track to host the summit.", 0);
        assert_eq!(skip_dateline(&toks)[0].text, "India");
        let toks = tokens("Kirby: the talks will go on.", 0);
        assert_eq!(
            skip_dateline(&toks)[0].text,
            "Kirby",
            "a colon after a single name is no dateline"
        );
    }

    #[test]
    fn not_reported_speech() {
        assert_eq!(
            clause("Officials said the talks would resume next week."),
            None,
            "a crowd"
        );
        assert_eq!(
            clause("Analysts in Islamabad say the government faces growing pressure to act."),
            None,
            "a place named after a crowd does not speak"
        );
        assert_eq!(clause("Miller declined to say more about the talks."), None);
        assert_eq!(
            clause("Miller said the US was “deeply troubled” by the move."),
            None,
            "the quotation speaks"
        );
        assert_eq!(clause("The report said nothing."), None, "too short");
        assert_eq!(clause("Kirby said."), None);
    }
}
