//! Reported speech without quote marks.
//!
//! * `Miller said (on Tuesday) (that) <clause>.`
//! * `He told reporters that <clause>.`
//! * `Stephane Dujarric, Spokesperson for the Secretary-General, said <clause>.`
//! * `Asked about the talks, Kirby said <clause>.`
//! * `According to Miller, <clause>.`
//!
//! The speaker must be someone the article names (or a pronoun for them);
//! the statement is the clause. A clause that holds a quotation is left to
//! the quotation (a partial statement), so nothing is counted twice.

use super::attribution::{Cue, subject_of};
use super::lexicon::{self, class};
use super::speakers::Resolved;
use super::text::Token;
use super::{Extractor, is_generic_group};
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
];

/// Adverbials that may stand between a verb and its clause ("said on Tuesday that").
const MAX_WORDS_BEFORE_THAT: usize = 8;

impl Extractor<'_> {
    /// Reported statements in one paragraph, sentence by sentence.
    pub(super) fn reported(&mut self, index: usize, para_toks: &[Token]) {
        if !para_toks
            .iter()
            .any(|t| t.is(class::VERB) || t.text == "According")
        {
            return;
        }
        for sentence in para_toks.split_inclusive(|t| matches!(t.text, "." | "!" | "?")) {
            let Some(found) = reported_clause(sentence) else {
                continue;
            };
            let (span, cue) = found;
            let Resolved::Person(id) = self.resolve(&cue) else {
                continue;
            };
            // A bare surname or single word must be someone the article has named.
            let named = cue.subject.len() > 1
                || lexicon::is_person_pronoun(cue.subject[0])
                || self.named.contains(&id);
            if !named {
                continue;
            }
            self.mention(cue.at, id);
            let said_on = self.said_on(&cue.clause);
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

/// The reported clause of one sentence and the cue for its speaker.
pub(super) fn reported_clause<'t>(toks: &[Token<'t>]) -> Option<(Range<usize>, Cue<'t>)> {
    let last = toks.last()?;
    let end = if matches!(last.text, "." | "!" | "?") {
        last.start
    } else {
        last.end
    };
    let sentence = toks.first()?.start..last.end;

    // "According to Miller, <clause>"
    if toks[0].text == "According" && toks.get(1).is_some_and(|t| t.text == "to") {
        let comma = toks.iter().take(12).position(|t| t.text == ",")?;
        let subject: Vec<&str> = toks[2..comma].iter().map(|t| t.text).collect();
        let clause = &toks[comma + 1..];
        return clause_span(clause, end).map(|span| {
            (
                span,
                Cue {
                    subject,
                    appositive: vec![],
                    at: toks[2].start,
                    clause: sentence.clone(),
                },
            )
        });
    }

    // The first speech verb that has a subject opening the sentence (or
    // following an opening phrase that ends in a comma: "On Tuesday, …",
    // "Asked whether …, Kirby said").
    let (verb, subject, appositive, at) = (0..toks.len().min(60)).find_map(|verb| {
        let t = &toks[verb];
        let reporting = t.is(class::VERB)
            && lexicon::speech_verb(t.text).is_some_and(|lemma| REPORTING_LEMMAS.contains(&lemma))
            && toks
                .get(verb + 1)
                .is_none_or(|n| n.text != "to" && n.text != "by");
        if !reporting {
            return None;
        }
        let (subject, appositive, at) = subject_of(toks, verb, 0)?;
        if subject.len() == 1 && is_generic_group(subject[0]) {
            return None;
        }
        let subject_start = toks.iter().position(|t| t.start == at)?;
        // Inverted order ("said Kirby") belongs to quotations.
        let opens = subject_start == 0 || toks[subject_start - 1].text == ",";
        (subject_start < verb && opens).then_some((verb, subject, appositive, at))
    })?;
    // The clause: after "that" when only an object or adverbial stands
    // between ("told reporters on Tuesday that"), or straight after "say".
    let lemma = lexicon::speech_verb(toks[verb].text)?;
    let that = toks[verb + 1..]
        .iter()
        .take(MAX_WORDS_BEFORE_THAT)
        .take_while(|t| !t.is(class::AUXILIARY) && t.text != ",")
        .position(|t| t.text == "that")
        .map(|p| verb + 1 + p);
    let clause_start = match that {
        Some(t) => t + 1,
        None if lemma == "say"
            && toks.get(verb + 1).is_some_and(|t| {
                t.is_word()
                    && !matches!(
                        t.text,
                        "in" | "on"
                            | "at"
                            | "during"
                            | "after"
                            | "before"
                            | "it"
                            | "so"
                            | "nothing"
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
            clause: sentence,
        },
    ))
}

/// The span of a reported clause: at least four words, no quotation in it.
/// A clause that goes on into a quotation ("…, and that sanctions were “not
/// off the table”") keeps its part before the conjunction; the quotation is
/// a statement of its own.
fn clause_span(clause: &[Token], end: usize) -> Option<Range<usize>> {
    let first = clause.first()?;
    if clause.iter().any(|t| t.text == "?") {
        return None;
    }
    let (clause, end) = match clause
        .iter()
        .position(|t| matches!(t.text, "“" | "”" | "\"" | "«" | "»" | "„"))
    {
        None => (clause, end),
        Some(quote) => {
            let cut = clause[..quote]
                .iter()
                .rposition(|t| matches!(t.text, "and" | "but" | ";"))?;
            let cut = if cut > 0 && clause[cut - 1].text == "," {
                cut - 1
            } else {
                cut
            };
            (&clause[..cut], clause.get(cut.checked_sub(1)?)?.end)
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
            .map(|(span, cue)| (cue.subject.join(" "), sentence[span].to_string()))
    }

    #[test]
    fn shapes_of_reported_speech() {
        let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            clause("Patel said that Washington supports direct talks."),
            pair("Patel", "Washington supports direct talks")
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
    }

    #[test]
    fn not_reported_speech() {
        assert_eq!(
            clause("Officials said the talks would resume next week."),
            None,
            "a crowd"
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
