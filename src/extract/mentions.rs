//! The pre-pass: who the article names, and where.
//!
//! Before any quotation is attributed, the article is read once for full
//! mentions of people — the places where a name comes with its title:
//!
//! * `[organisation] [role] Name` — "Chinese Foreign Ministry spokesperson Mao Ning"
//! * `Name, (the) [organisation] role` — "Matthew Miller, the State Department spokesperson"
//! * `Role: Name` / `Role, [Shri] Name, Organisation` — transcript headers
//!
//! Each enters the [speaker table](super::speakers); then every later
//! mention by surname is recorded with its position, so that "he", "the
//! spokesperson" and "Kirby" resolve to the person named last before them.

use super::lexicon::class;
use super::speakers::{Person, PersonId, parse_name_phrase};
use super::text::Token;
use super::{Extractor, strip_possessive};
use crate::model::SpeakerKind;

impl Extractor<'_> {
    /// Registers people from their full mentions anywhere in the article, and
    /// records every mention by surname.
    pub(super) fn pre_pass(&mut self, para_tokens: &[Vec<Token>]) {
        for toks in para_tokens {
            self.full_mentions(toks);
        }
        if self.table.people.is_empty() {
            return;
        }
        let surnames = self.table.surname_index();
        // Most tokens cannot be a surname; skip hashing them (this loop
        // visits every word of the article).
        let starts_upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let all_capitalised = surnames.keys().all(|k| starts_upper(k));
        for t in para_tokens.iter().flatten() {
            if !t.text.chars().next().is_some_and(char::is_alphabetic)
                || (all_capitalised && !starts_upper(t.text))
            {
                continue;
            }
            if let Some(&id) = surnames.get(strip_possessive(t.text)) {
                self.mentions.push((t.start, id));
            }
        }
        self.mentions.sort_unstable();
        self.mentions.dedup();
        self.named.extend(self.mentions.iter().map(|&(_, id)| id));
        self.find_subjects(para_tokens);
    }

    /// People at the head of a sentence, before its first verb: a mention
    /// there, or a role description ("The Kremlin spokesman also said").
    fn find_subjects(&mut self, para_tokens: &[Vec<Token>]) {
        let mut subjects = Vec::new();
        for toks in para_tokens {
            for sentence in super::text::sentences(toks) {
                // Without its closing full stop.
                let sentence = match sentence.split_last() {
                    Some((last, rest)) if matches!(last.text, "." | "!" | "?") => rest,
                    _ => sentence,
                };
                let Some(first) = sentence.first() else {
                    continue;
                };
                let verb = sentence
                    .iter()
                    .position(|t| t.is(class::VERB | class::AUXILIARY))
                    .unwrap_or(sentence.len().min(8));
                let limit = sentence.get(verb).map_or(first.end, |t| t.start);
                let from = self.mentions.partition_point(|&(o, _)| o < first.start);
                if let Some(&(at, id)) = self.mentions[from..]
                    .iter()
                    .take_while(|&&(o, _)| o < limit)
                    .next()
                {
                    subjects.push((at, id));
                } else if let Some(role) = sentence[..verb].iter().find(|t| t.is(class::ROLE))
                    && sentence[0].text.eq_ignore_ascii_case("the")
                    && let Some(id) = self.table.by_role_word(role.text)
                {
                    subjects.push((first.start, id));
                }
            }
        }
        self.subjects = subjects;
    }

    /// Whom "he" or "she" at `at` most likely means: the subject of an
    /// earlier sentence of the same paragraph, else the speaker of the last
    /// statement, else the person mentioned last.
    pub(super) fn pronoun_referent(&self, at: usize) -> Option<PersonId> {
        let paragraph_start = self.body[..at].rfind('\n').map_or(0, |p| p + 1);
        // A mention at the head of a sentence (mentions grow as quotations
        // are attributed, so this is looked up now, not in the pre-pass).
        let i = self.mentions.partition_point(|&(o, _)| o < at);
        let head_mention = self.mentions[..i]
            .iter()
            .rev()
            .take_while(|&&(o, _)| o >= paragraph_start)
            .find(|&&(o, id)| {
                let before = &self.body[paragraph_start..o];
                let sentence_start = before
                    .rfind(['.', '!', '?', '“', '"'])
                    .map_or(0, |p| super::text::past_char_at(before, p));
                self.table.people[id].kind == SpeakerKind::Person
                    && before[sentence_start..].split_whitespace().count() <= 2
            });
        let j = self.subjects.partition_point(|&(o, _)| o < at);
        let role_subject = self.subjects[..j]
            .last()
            .filter(|&&(o, _)| o >= paragraph_start);
        match (head_mention, role_subject) {
            (Some(&(a, x)), Some(&(b, y))) => return Some(if a >= b { x } else { y }),
            (Some(&(_, x)), None) | (None, Some(&(_, x))) => return Some(x),
            (None, None) => {}
        }
        let last_speaker = self
            .out
            .iter()
            .rev()
            .find(|s| s.end <= at)
            .filter(|s| s.speaker_kind == SpeakerKind::Person)
            .and_then(|s| s.speaker.as_ref())
            .and_then(|name| self.table.by_name(name));
        last_speaker.or_else(|| self.last_mentioned(at))
    }

    /// Records a mention, keeping `mentions` sorted by offset.
    pub(super) fn mention(&mut self, at: usize, id: PersonId) {
        let i = self.mentions.partition_point(|&(offset, _)| offset < at);
        self.mentions.insert(i, (at, id));
        self.named.insert(id);
    }

    /// The person mentioned last before `at`.
    pub(super) fn last_mentioned(&self, at: usize) -> Option<PersonId> {
        let i = self.mentions.partition_point(|(offset, _)| *offset < at);
        self.mentions[..i]
            .iter()
            .rev()
            .map(|&(_, id)| id)
            .find(|&id| self.table.people[id].kind == SpeakerKind::Person)
    }

    /// People first mentioned before `at` (a transcript's header), in order.
    pub(super) fn mentioned_before(&self, at: usize) -> Vec<PersonId> {
        let mut seen = Vec::new();
        for &(offset, id) in &self.mentions {
            if offset >= at {
                break;
            }
            if !seen.contains(&id) && self.table.people[id].kind == SpeakerKind::Person {
                seen.push(id);
            }
        }
        seen
    }

    /// Full mentions in one paragraph's tokens.
    fn full_mentions(&mut self, toks: &[Token]) {
        for (i, t) in toks.iter().enumerate() {
            // Mr. / Adm. / Dr. Name Name
            if t.is(class::HONORIFIC) && !t.is(class::ROLE) {
                let names = self.name_run(toks, i + 1);
                if names >= 2 {
                    let name: Vec<&str> = toks[i + 1..=i + names]
                        .iter()
                        .map(|t| strip_possessive(t.text))
                        .collect();
                    let id = self.table.register(Person {
                        name: name.join(" "),
                        role: None,
                        organization: None,
                        kind: SpeakerKind::Person,
                    });
                    self.mentions.push((toks[i + 1].start, id));
                }
                continue;
            }
            if !t.is(class::ROLE) {
                continue;
            }
            // [org role] Name Name — a role head followed by 2-4 name words
            // ("Secretary of State Antony Blinken": past the complement)
            let mut after = i + 1;
            if toks
                .get(after)
                .is_some_and(|t| matches!(t.text, "of" | "for"))
            {
                let mut k = after + 1;
                while toks
                    .get(k)
                    .is_some_and(|t| super::speakers::is_role_complement(t.text))
                {
                    k += 1;
                }
                if k > after + 1 {
                    after = k;
                }
            }
            let names = self.name_run(toks, after);
            if names >= 2 {
                let start = (0..i)
                    .rev()
                    .take(8)
                    .take_while(|&k| title_word(&toks[k]) && self.same_line(&toks[k], &toks[k + 1]))
                    .last()
                    .unwrap_or(i);
                let words: Vec<&str> = toks[start..after + names].iter().map(|t| t.text).collect();
                self.register_phrase(&words, toks[start].start);
                continue;
            }
            // Role: Name / Role, [Shri] Name, Organisation — transcript headers
            if let Some(sep) = toks.get(i + 1).filter(|s| matches!(s.text, ":" | ","))
                && self.same_line(t, sep)
            {
                let mut k = i + 2;
                while toks.get(k).is_some_and(|h| {
                    h.is(class::HONORIFIC) || matches!(h.text, "Shri" | "Smt" | "Mr" | "Ms")
                }) {
                    k += 1;
                }
                let names = self.name_run(toks, k);
                let ends_clause = toks.get(k + names).is_none_or(|n| {
                    matches!(n.text, "," | "." | ";" | ":")
                        || !self.same_line(&toks[k + names - 1], n)
                });
                if names >= 2 && ends_clause {
                    let role_start = (0..i)
                        .rev()
                        .take(6)
                        .take_while(|&j| {
                            title_word(&toks[j]) && self.same_line(&toks[j], &toks[j + 1])
                        })
                        .last()
                        .unwrap_or(i);
                    self.register_titled(&toks[k..k + names], &toks[role_start..=i]);
                    continue;
                }
            }
            // Name Name, (the) [org] role — an appositive; the title may be
            // written in lowercase ("the White House national security
            // communications adviser").
            let mut k = i;
            while k > 0
                && i - k < 8
                && toks[k - 1].text != ","
                && !matches!(toks[k - 1].text, "the" | "a" | "an")
                && (title_word(&toks[k - 1])
                    || (toks[k - 1].is_word() && !toks[k - 1].is(class::VERB | class::AUXILIARY)))
            {
                k -= 1;
            }
            if k > 0 && matches!(toks[k - 1].text, "the" | "a" | "an") {
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
                    self.register_titled(&toks[ns..name_end], &toks[k..=i]);
                }
            }
        }
    }

    /// Registers the person named by `name` with the title in `title`
    /// ("[organisation] role"), and records the mention.
    fn register_titled(&mut self, name: &[Token], title: &[Token]) {
        let title: Vec<&str> = title.iter().map(|t| t.text).collect();
        let title = parse_name_phrase(&title);
        let full_name: Vec<&str> = name.iter().map(|t| strip_possessive(t.text)).collect();
        let id = self.table.register(Person {
            name: full_name.join(" "),
            role: title.role,
            organization: title.organization,
            kind: SpeakerKind::Person,
        });
        self.mentions.push((name[0].start, id));
    }

    /// "John Kirby" for a bare "Kirby": the earliest place before `before`
    /// where the surname follows one or two capitalised name words on its
    /// line ("John Kirby spoke to reporters").
    pub(super) fn full_name_in_text(&self, surname: &str, before: usize) -> Option<String> {
        let text = &self.body[..before.min(self.body.len())];
        text.match_indices(surname).find_map(|(at, _)| {
            let after = text[at + surname.len()..].chars().next();
            if after.is_some_and(char::is_alphanumeric) {
                return None;
            }
            let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
            let words: Vec<&str> = text[line_start..at].split_whitespace().collect();
            let given: Vec<&str> = words
                .iter()
                .rev()
                .take(2)
                .take_while(|w| {
                    let toks = super::text::tokens(w, 0);
                    toks.len() == 1
                        && is_proper_name_word(&toks[0])
                        && !super::attribution::is_sentence_opener(w)
                })
                .copied()
                .collect();
            // The words must end right before the surname ("John Kirby", not "John, Kirby").
            (!given.is_empty() && text[..at].ends_with(' ')).then(|| {
                let mut name: Vec<&str> = given.into_iter().rev().collect();
                name.push(surname);
                name.join(" ")
            })
        })
    }

    /// How many proper-name words start at `toks[from]` (at most four, on one line).
    fn name_run(&self, toks: &[Token], from: usize) -> usize {
        let mut n = 0;
        while n < 4
            && toks.get(from + n).is_some_and(is_proper_name_word)
            && (n == 0 || self.same_line(&toks[from + n - 1], &toks[from + n]))
        {
            n += 1;
            // "Mao Ning's Regular Press Conference": a possessive ends the name.
            if strip_possessive(toks[from + n - 1].text).len() < toks[from + n - 1].text.len() {
                break;
            }
        }
        n
    }

    /// Whether no line break separates two tokens (headers put a name on one
    /// line and the date on the next).
    fn same_line(&self, a: &Token, b: &Token) -> bool {
        a.end <= b.start && !self.body[a.end..b.start].contains('\n')
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
}

/// A word that can be part of a title before a name ("White House National
/// Security Communications Advisor").
pub(super) fn title_word(t: &Token) -> bool {
    (t.is_capitalised()
        && !matches!(
            t.text,
            "The" | "A" | "An" | "In" | "On" | "At" | "But" | "And" | "By"
        ))
        || t.is(class::ROLE | class::ORG)
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
                | "official"
                | "chief"
        )
}

/// A capitalised word that can be part of a person's name.
pub(super) fn is_proper_name_word(t: &Token) -> bool {
    let w = strip_possessive(t.text);
    t.is_capitalised()
        && w.chars().skip(1).any(char::is_lowercase)
        && !t.is(class::ROLE | class::ORG | class::VERB | class::HONORIFIC)
        && !crate::dates::is_calendar_word(w)
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
                | "Shri"
                | "Smt"
        )
}
