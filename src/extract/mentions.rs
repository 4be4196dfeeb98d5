//! The pre-pass: who the article names, and where.
//!
//! Before any quotation is attributed, the article is read once for the
//! people it names:
//!
//! * with a title — `[organisation] [role] Name` ("Chinese Foreign Ministry
//!   spokesperson Mao Ning"), `Name, (the) [organisation] role` ("Matthew
//!   Miller, the State Department spokesperson"), `Role: Name` and
//!   `Role, [Shri] Name, Organisation` (transcript headers), `Mr. Name Name`;
//! * without one — a run of capitalised name words that starts with a known
//!   given name ("Sean Spicer selected …") or a family name written first
//!   ("Wang Wenbin"), or whose last word the article uses alone later
//!   ("Tien Chung-kwang … Tien said").
//!
//! Each enters the [speaker table](super::speakers), completed from the
//! [directory](crate::directory) when the name is a known official's; then
//! every later mention by surname is recorded with its position and its
//! place in the sentence (subject, object, possessive), which is what
//! [pronouns and descriptions](super::coref) are resolved by.

use super::lexicon::class;
use super::speakers::{Person, PersonId, is_name_particle, title_gender};
use super::text::Token;
use super::{Extractor, strip_possessive};
use crate::model::SpeakerKind;
use crate::names;

/// Where a mention stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Position {
    /// Heads the sentence or its verb: the likeliest antecedent of "he".
    Subject,
    /// After a preposition or a verb ("told Blinken", "with Witkoff").
    Object,
    /// "Trump’s plan": a modifier, rarely an antecedent.
    Possessive,
    Other,
}

/// One mention of a person or institution.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mention {
    pub at: usize,
    pub id: PersonId,
    pub position: Position,
    /// Inside quotation marks: the speaker's words, not the reporter's.
    pub in_quote: bool,
    /// The subject of a statement's attribution (set as statements are found).
    pub speaker: bool,
}

impl Extractor<'_> {
    /// Registers people from their mentions anywhere in the article, and
    /// records every mention by surname.
    pub(super) fn pre_pass(&mut self, para_tokens: &[Vec<Token>]) {
        for (index, toks) in para_tokens.iter().enumerate() {
            for sentence in super::text::sentences(toks) {
                if let Some(first) = sentence.first() {
                    self.sentence_starts.push(first.start);
                }
            }
            let para = self.paragraphs[index].clone();
            let quotes = super::quotes::find_quotes(self.body, para);
            self.quote_spans
                .extend(quotes.iter().map(|q| q.inner.clone()));
            self.para_quotes.push(quotes);
        }
        self.sentence_starts.sort_unstable();
        // Sentences inside a quotation are the speaker's, not the story's:
        // "“… Also, in China … worrying,” he said" is one sentence back from
        // the one before it, however many the quotation holds.
        let spans = std::mem::take(&mut self.quote_spans);
        self.sentence_starts.retain(|&s| {
            let i = spans.partition_point(|q| q.start <= s);
            i == 0 || spans[i - 1].end <= s || spans[i - 1].start == s
        });
        self.quote_spans = spans;
        for toks in para_tokens {
            self.full_mentions(toks);
        }
        // Where the titled mentions stand, in order: a run of name words
        // inside one is part of a name already read. (Mentions this pass
        // adds lie before every later run, so they need not be looked up.)
        let mut titled: Vec<usize> = self.mentions.iter().map(|m| m.at).collect();
        titled.sort_unstable();
        for toks in para_tokens {
            self.untitled_names(toks, &titled);
        }
        self.complete_from_directory();
        for toks in para_tokens {
            self.speakers_by_surname(toks);
        }
        for toks in para_tokens {
            self.country_mentions(toks);
        }
        if self.table.people.is_empty() {
            return;
        }
        for toks in para_tokens {
            self.surname_mentions(toks);
        }
        self.mentions.sort_unstable_by_key(|m| (m.at, m.id));
        self.mentions.dedup_by_key(|m| (m.at, m.id));
        self.named.extend(self.mentions.iter().map(|m| m.id));
    }

    /// Records a mention found by the pre-pass, with its place in the sentence.
    fn record(&mut self, toks: &[Token], first: usize, last: usize, id: PersonId) {
        let mut position = position(toks, first, last);
        // "Matthew Miller and Senator Judith Miller both spoke": joined by
        // "and", the second stands where the first does.
        let mut k = first;
        while k > 0 && title_word(&toks[k - 1]) && toks[k - 1].is_capitalised() {
            k -= 1;
        }
        if k >= 2
            && toks[k - 1].text == "and"
            && let Some(previous) = self
                .mentions
                .iter()
                .rev()
                .find(|m| m.at < toks[k - 1].start)
            && self.body[previous.at..toks[k - 1].start]
                .split_whitespace()
                .count()
                <= 4
        {
            position = previous.position;
        }
        let mention = Mention {
            at: toks[first].start,
            id,
            position,
            in_quote: self.in_quote(toks[first].start),
            speaker: false,
        };
        self.mentions.push(mention);
    }

    /// Whether `at` lies inside a quotation.
    pub(super) fn in_quote(&self, at: usize) -> bool {
        let i = self.quote_spans.partition_point(|q| q.start <= at);
        i > 0 && self.quote_spans[i - 1].end > at
    }

    /// The index of the sentence holding `at` (sentences of the whole article).
    pub(super) fn sentence_of(&self, at: usize) -> usize {
        self.sentence_starts.partition_point(|&s| s <= at)
    }

    /// The 1-based paragraph holding `at`, for evidence ("named in paragraph 2").
    pub(super) fn paragraph_of(&self, at: usize) -> usize {
        self.paragraphs.partition_point(|p| p.start <= at).max(1)
    }

    /// Records a mention made by an attribution, keeping `mentions` sorted by offset.
    pub(super) fn mention(&mut self, at: usize, id: PersonId) {
        let i = self.mentions.partition_point(|m| m.at < at);
        // The name inside the cue's phrase ("Sen. Marcus Oyelaran") is this mention.
        let sentence = self.sentence_of(at);
        let same = (i.saturating_sub(1)..self.mentions.len().min(i + 3)).find(|&k| {
            let m = &self.mentions[k];
            m.id == id && m.at.abs_diff(at) < 60 && self.sentence_of(m.at) == sentence
        });
        if let Some(k) = same {
            self.mentions[k].speaker = true;
            self.mentions[k].position = Position::Subject;
        } else {
            self.mentions.insert(
                i,
                Mention {
                    at,
                    id,
                    position: Position::Subject,
                    in_quote: false,
                    speaker: true,
                },
            );
        }
        self.named.insert(id);
    }

    /// People first mentioned before `at` (a transcript's header), in order.
    pub(super) fn mentioned_before(&self, at: usize) -> Vec<PersonId> {
        let mut seen = Vec::new();
        for m in &self.mentions {
            if m.at >= at {
                break;
            }
            if !seen.contains(&m.id) && self.table.people[m.id].kind == SpeakerKind::Person {
                seen.push(m.id);
            }
        }
        seen
    }

    /// Full mentions in one paragraph's tokens.
    fn full_mentions(&mut self, toks: &[Token]) {
        for (i, t) in toks.iter().enumerate() {
            // Mr. / Adm. / Dr. / Sheikh Name Name
            if t.is(class::HONORIFIC) && !t.is(class::ROLE) {
                let names = self.name_run(toks, i + 1);
                if names >= 2 {
                    let name: Vec<&str> = toks[i + 1..i + 1 + names]
                        .iter()
                        .map(|t| strip_possessive(t.text))
                        .collect();
                    let id = self.table.register(Person {
                        gender: title_gender(t.text),
                        named_at: Some(toks[i + 1].start),
                        ..Person::named(name.join(" "))
                    });
                    self.record(toks, i + 1, i + names, id);
                }
                continue;
            }
            if !t.is(class::ROLE) {
                continue;
            }
            // [org role] Name Name — a role head followed by 2-6 name words
            // ("Secretary of State Antony Blinken": past the complement;
            // "Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani": past
            // the honorific)
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
            while toks
                .get(after)
                .is_some_and(|h| h.is(class::HONORIFIC) && !h.is(class::ROLE))
            {
                after += 1;
            }
            let names = self.name_run(toks, after);
            if names >= 2 {
                let start = (0..i)
                    .rev()
                    .take(8)
                    .take_while(|&k| {
                        title_word(&toks[k])
                            && self.same_line(&toks[k], &toks[k + 1])
                            // "Prime Minister and Foreign Minister X", not
                            // "Secretary Jean-Pierre and Advisor X".
                            && (toks[k].text != "and" || k > 0 && toks[k - 1].is(class::ROLE))
                    })
                    .last()
                    .unwrap_or(i);
                let words: Vec<&str> = toks[start..after + names].iter().map(|t| t.text).collect();
                if let Some(id) = self.register_phrase(&words, toks[after].start) {
                    self.record(toks, after, after + names - 1, id);
                }
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
                    let id = self.register_titled(&toks[k..k + names], &toks[role_start..=i]);
                    self.record(toks, k, k + names - 1, id);
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
                    .take(6)
                    .take_while(|&j| {
                        is_proper_name_word(&toks[j])
                            || (is_name_particle(toks[j].text) && j + 1 < name_end)
                    })
                    .last();
                if let Some(ns) = name_start.filter(|&ns| name_end - ns >= 2)
                    && is_proper_name_word(&toks[ns])
                {
                    let id = self.register_titled(&toks[ns..name_end], &toks[k..=i]);
                    self.record(toks, ns, name_end - 1, id);
                }
            }
        }
    }

    /// Names without a title: a run of two to six name words that starts
    /// with a given name or a family name written first, or whose last word
    /// the article uses alone elsewhere. Places, outlets and institutions
    /// are not people.
    fn untitled_names(&mut self, toks: &[Token], titled: &[usize]) {
        // A byline names the reporters, not anyone the story is about.
        let byline = toks.first().is_some_and(|t| t.text == "By")
            || toks.windows(2).any(|w| {
                matches!(
                    w[0].text,
                    "Reporting" | "Editing" | "Writing" | "reporting" | "editing" | "writing"
                ) && w[1].text == "by"
            });
        if byline {
            return;
        }
        let mut i = 0;
        while i < toks.len() {
            let run = self.name_run(toks, i);
            if run < 2 || (i > 0 && is_proper_name_word(&toks[i - 1])) {
                i += run.max(1);
                continue;
            }
            // Part of a name already read with its title ("Secretary of
            // State Antony Blinken" is not "State Antony Blinken").
            let (from, to) = (toks[i].start, toks[i + run - 1].end);
            if titled
                .get(titled.partition_point(|&at| at < from))
                .is_some_and(|&at| at < to)
            {
                i += run;
                continue;
            }
            let words: Vec<&str> = toks[i..i + run]
                .iter()
                .map(|t| strip_possessive(t.text))
                .collect();
            let name = words.join(" ");
            let first = words[0];
            let last = words[run - 1];
            let sentence_initial = i == 0
                || matches!(toks[i - 1].text, "." | "!" | "?" | "“" | "\"" | ":")
                || super::text::is_dash(toks[i - 1].text);
            // What makes a run a name is asked first: most runs ("White
            // House", "Prime Minister") are not, and the lexicon lookups
            // below are the costlier part.
            let looks_like_a_name = names::is_given_name(first)
                || (names::is_family_first(first) && run <= 3)
                || (!sentence_initial && self.used_alone(last, toks[i].start))
                || self.table.by_name(&name).is_some();
            let is_place = || {
                names::place(&name).is_some()
                    || words
                        .iter()
                        .any(|w| names::place(w).is_some() && !names::is_given_name(w))
            };
            if looks_like_a_name
                && !is_place()
                && !names::is_outlet(&name)
                && !super::attribution::is_sentence_opener(first)
                && !is_capitalised_function_word(first)
                && names::institution(&name).is_none()
                && names::institution(last).is_none()
            {
                let id = self.table.register(Person {
                    gender: names::given_name_gender(first),
                    named_at: Some(toks[i].start),
                    ..Person::named(name)
                });
                self.record(toks, i, i + run - 1, id);
            }
            i += run;
        }
    }

    /// Whether `word` stands alone (not inside a longer name) somewhere in
    /// the body after `except`: "Tien said" after "Tien Chung-kwang".
    fn used_alone(&mut self, word: &str, except: usize) -> bool {
        if word.len() < 3 {
            return false;
        }
        // Asked of many runs: where the word last stands alone, found once.
        let last = match self.last_alone.get(word) {
            Some(&last) => last,
            None => {
                let last = self.last_alone_at(word);
                self.last_alone.insert(word.to_string(), last);
                last
            }
        };
        last.is_some_and(|at| at > except)
    }

    /// Where `word` last stands alone in the body: not inside a word, not
    /// right after or before another capitalised name word.
    fn last_alone_at(&self, word: &str) -> Option<usize> {
        self.body
            .rmatch_indices(word)
            .map(|(at, _)| at)
            .find(|&at| {
                let before = self.body[..at].chars().next_back();
                let after = self.body[at + word.len()..].chars().next();
                let alone = before.is_none_or(|c| !c.is_alphanumeric() && c != '-')
                    && after.is_none_or(|c| !c.is_alphanumeric() && c != '-');
                if !alone {
                    return false;
                }
                // Not directly after another capitalised word ("Chung-kwang Tien").
                let previous_word = self.body[..at]
                    .trim_end()
                    .rsplit(char::is_whitespace)
                    .next();
                let after_name = previous_word.is_some_and(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !w.ends_with(['.', ',', ':', ';', '”', '"'])
                        && !super::attribution::is_sentence_opener(w)
                        && !w.chars().all(|c| c.is_uppercase())
                });
                let next_word = self.body[at + word.len()..]
                    .trim_start_matches(['’', '\'', 's'])
                    .trim_start()
                    .split(char::is_whitespace)
                    .next()
                    .unwrap_or("");
                let before_name = next_word.chars().next().is_some_and(char::is_uppercase)
                    && self.body[at + word.len()..].starts_with(' ');
                !after_name && !before_name
            })
    }

    /// Speakers the article names by surname only ("Lavrov stated", "said
    /// Kirby"): completed from the directory when one official fits, so
    /// that pronouns can refer to them from the start.
    fn speakers_by_surname(&mut self, toks: &[Token]) {
        for (i, t) in toks.iter().enumerate() {
            // "Lavrov stated", "Kirby, for his part, said"
            let speaks_after = toks.get(i + 1).is_some_and(|n| n.is(class::VERB))
                || (toks.get(i + 1).is_some_and(|n| n.text == ",")
                    && toks[i + 2..toks.len().min(i + 12)]
                        .windows(2)
                        .any(|w| w[0].text == "," && w[1].is(class::VERB)));
            let speaks_before = i > 0 && toks[i - 1].is(class::VERB);
            let alone = (i == 0 || !toks[i - 1].is_capitalised())
                && toks.get(i + 1).is_none_or(|n| !n.is_capitalised());
            if !(speaks_after || speaks_before)
                || !alone
                || !is_proper_name_word(t)
                || names::place(t.text).is_some()
                || names::institution(t.text).is_some()
                || !self.table.by_surname(t.text).is_empty()
            {
                continue;
            }
            let surname = strip_possessive(t.text).to_string();
            let _ = self.look_up_directory(&surname, None, None, None);
        }
    }

    /// Countries and capitals the article names: counted (for "the foreign
    /// ministry" with no country in view), and, as the subject of a
    /// sentence ("China on Tuesday hit out", "as Nauru recognizes China"),
    /// recorded as their government speaking ("it said in a statement").
    fn country_mentions(&mut self, toks: &[Token]) {
        let mut phrase = String::new();
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if !t.is_capitalised() {
                i += 1;
                continue;
            }
            // The longest place name starting here, up to three words.
            let longest = if names::starts_a_place(strip_possessive(t.text)) {
                3
            } else {
                1
            };
            let found = (1..=longest).rev().find_map(|n| {
                let words = toks.get(i..i + n)?;
                if !words.iter().all(|w| w.is_word())
                    || (n > 1 && !self.same_line(&words[0], &words[n - 1]))
                {
                    return None;
                }
                if n == 1 {
                    return names::place(strip_possessive(t.text)).map(|p| (1, p));
                }
                phrase.clear();
                for (k, w) in words.iter().enumerate() {
                    if k > 0 {
                        phrase.push(' ');
                    }
                    phrase.push_str(strip_possessive(w.text));
                }
                names::place(&phrase).map(|p| (n, p))
            });
            let Some((n, place)) = found else {
                i += 1;
                continue;
            };
            let country = place.country.name;
            let pos = position(toks, i, i + n - 1);
            let weight = match (place.kind, pos) {
                (names::PlaceKind::Demonym, _) => 1,
                (_, Position::Subject) => 3,
                _ => 2,
            };
            *self.country_counts.entry(country).or_default() += weight;
            if place.kind != names::PlaceKind::Demonym
                && pos == Position::Subject
                && !self.in_quote(t.start)
            {
                // Registered once per country: a country is named often.
                let id = match self.governments.get(country) {
                    Some(&id) => id,
                    None => {
                        let government = super::resolve::government_of(country);
                        let id = self.table.register(Person {
                            kind: SpeakerKind::Institution,
                            organization: Some(government.clone()),
                            country: Some(country),
                            ..Person::named(government)
                        });
                        self.governments.insert(country, id);
                        id
                    }
                };
                self.record(toks, i, i + n - 1, id);
            }
            i += n;
        }
    }

    /// Mentions by surname (or the family name of a name written family
    /// first) of people already in the table.
    fn surname_mentions(&mut self, toks: &[Token]) {
        for (i, t) in toks.iter().enumerate() {
            if !t.text.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            // Not the last word of a longer name ("Marcus Oyelaran").
            if i > 0 && is_proper_name_word(&toks[i - 1]) && self.same_line(&toks[i - 1], t) {
                continue;
            }
            // "Al Thani", "von der Leyen": the particle and the word after it.
            let (word, last): (std::borrow::Cow<str>, usize) = if is_name_particle(t.text)
                && toks.get(i + 1).is_some_and(|n| n.is_capitalised())
            {
                (format!("{} {}", t.text, toks[i + 1].text).into(), i + 1)
            } else {
                (t.text.into(), i)
            };
            if let [id] = self.table.by_surname(&word)[..] {
                self.record(toks, i, last, id);
            }
        }
    }

    /// Completes each person from the directory when their full name (or
    /// an alias) is a known official's whom the article does not contradict:
    /// the directory's canonical name, gender and country; the article's
    /// form stays as another form of the name.
    fn complete_from_directory(&mut self) {
        let date = self.date.map(crate::dates::iso);
        for person in &mut self.table.people {
            if person.kind != SpeakerKind::Person || !person.name.contains(' ') {
                continue;
            }
            let context = crate::directory::Context {
                country: person.country,
                date: date.as_deref(),
                ..Default::default()
            };
            let Some(entry) = crate::directory::by_name_in(&person.name, &context) else {
                continue;
            };
            if entry.name != person.name {
                let form = std::mem::replace(&mut person.name, entry.name.to_string());
                if !person.forms.contains(&form) {
                    person.forms.push(form);
                }
            }
            person.directory = Some(entry);
            person.gender = person.gender.or(entry.gender);
            super::resolve::fill_role_from(person, entry, date.as_deref());
            person.country = person.country.or(entry
                .country
                .and_then(|c| names::country(c).map(|c| c.name)));
        }
        // Two forms may now be one person ("Bahram Ghasemi", "Bahram Qasemi").
        let mut i = 0;
        while i < self.table.people.len() {
            let name = self.table.people[i].name.clone();
            if let Some(j) = (0..i).find(|&j| self.table.people[j].name == name) {
                let dup = self.table.people.remove(i);
                for m in &mut self.mentions {
                    if m.id == i {
                        m.id = j;
                    } else if m.id > i {
                        m.id -= 1;
                    }
                }
                let forms = dup.forms;
                self.table.people[j].forms.extend(forms);
                continue;
            }
            i += 1;
        }
        self.table.refresh_all();
    }

    /// Registers the person named by `name` with the title in `title`
    /// ("[organisation] role"); returns their id.
    fn register_titled(&mut self, name: &[Token], title: &[Token]) -> PersonId {
        let title: Vec<&str> = title.iter().map(|t| t.text).collect();
        let title = self.parse_phrase(&title);
        let full_name: Vec<&str> = name.iter().map(|t| strip_possessive(t.text)).collect();
        let given = full_name.first().copied().unwrap_or("");
        self.table.register(Person {
            role: title.role,
            organization: title.organization,
            country: title.country,
            gender: title.gender.or_else(|| names::given_name_gender(given)),
            named_at: Some(name[0].start),
            ..Person::named(full_name.join(" "))
        })
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

    /// How many words of a person's name start at `toks[from]`: proper-name
    /// words with particles between them ("Mohammed bin Abdulrahman Al
    /// Thani"), at most five words and eight tokens, on one line.
    pub(super) fn name_run(&self, toks: &[Token], from: usize) -> usize {
        let mut n = 0;
        let mut words = 0;
        while n < 8 && words < 5 {
            let Some(t) = toks.get(from + n) else {
                break;
            };
            if n > 0 && !self.same_line(&toks[from + n - 1], t) {
                break;
            }
            let particle = n > 0
                && is_name_particle(t.text)
                && toks.get(from + n + 1).is_some_and(is_proper_name_word);
            if !(is_proper_name_word(t) || particle) {
                break;
            }
            n += 1;
            words += usize::from(!particle);
            // "Mao Ning's Regular Press Conference": a possessive ends the name.
            if strip_possessive(t.text).len() < t.text.len() {
                break;
            }
        }
        n
    }

    /// Whether no line break separates two tokens (headers put a name on one
    /// line and the date on the next).
    pub(super) fn same_line(&self, a: &Token, b: &Token) -> bool {
        // Bytes, not characters: asked of most pairs of neighbouring words,
        // and the gap between two words is a byte or two.
        a.end <= b.start
            && self
                .body
                .as_bytes()
                .get(a.end..b.start)
                .is_some_and(|gap| !gap.contains(&b'\n'))
    }

    fn register_phrase(&mut self, words: &[&str], at: usize) -> Option<PersonId> {
        let phrase = self.parse_phrase(words);
        let name = phrase.name.filter(|n| n.contains(' '))?;
        let given = name.split(' ').next().unwrap_or("");
        let gender = phrase.gender.or_else(|| names::given_name_gender(given));
        Some(self.table.register(Person {
            role: phrase.role,
            organization: phrase.organization,
            country: phrase.country,
            gender,
            named_at: Some(at),
            ..Person::named(name)
        }))
    }
}

/// Where the mention `toks[first..=last]` stands in its sentence.
fn position(toks: &[Token], first: usize, last: usize) -> Position {
    if strip_possessive(toks[last].text).len() < toks[last].text.len()
        || toks
            .get(last + 1)
            .is_some_and(|t| t.text == "’s" || t.text == "'s")
    {
        return Position::Possessive;
    }
    let before = first.checked_sub(1).map(|k| &toks[k]);
    let preposition = |t: &Token| {
        matches!(
            t.text,
            "to" | "with"
                | "by"
                | "for"
                | "from"
                | "between"
                | "of"
                | "against"
                | "at"
                | "about"
                | "on"
                | "than"
                | "like"
                | "toward"
                | "towards"
                | "met"
                | "told"
                | "called"
                | "urged"
                | "thanked"
                | "welcomed"
                | "summoned"
                | "praised"
                | "criticised"
                | "criticized"
        )
    };
    // Titles before the name belong to the mention ("Vice Foreign Minister Masataka Okano").
    let mut k = first;
    while k > 0 && super::mentions::title_word(&toks[k - 1]) && toks[k - 1].is_capitalised() {
        k -= 1;
    }
    if before.is_some_and(preposition) || (k > 0 && preposition(&toks[k - 1])) {
        return Position::Object;
    }
    // Skip an aside (", the … spokesperson,") and auxiliaries after the name.
    let mut next = last + 1;
    if toks.get(next).is_some_and(|t| t.text == ",")
        && let Some(close) = (next + 1..toks.len().min(next + 16)).find(|&j| toks[j].text == ",")
    {
        next = close + 1;
    }
    while toks
        .get(next)
        .is_some_and(|t| t.is(class::AUXILIARY) || matches!(t.text, "not" | "also"))
    {
        next += 1;
    }
    let verb_follows = toks.get(next).is_some_and(|t| {
        t.is(class::VERB)
            || (t.text.chars().next().is_some_and(char::is_lowercase)
                && t.text.len() > 3
                && (t.text.ends_with("ed") || t.text.ends_with('s')))
    }) || toks.get(last + 1).is_some_and(|t| t.is(class::AUXILIARY));
    // Only an opener (a dateline, "On Monday,", "Meanwhile,") before it,
    // of six tokens at most since the sentence began: looked for only that
    // far back (every mention asks; a scan to the paragraph's start made
    // long paragraphs quadratic).
    let opens = || {
        let reach = k.saturating_sub(7);
        let head = match toks[reach..k]
            .iter()
            .rposition(|t| matches!(t.text, "." | "!" | "?" | "\n"))
        {
            Some(p) => reach + p + 1,
            None if reach == 0 => 0,
            None => return false,
        };
        k - head <= 6
            && (toks[head..k].iter().all(|t| {
                !t.is_word() || t.is_capitalised() || t.text.chars().all(|c| c.is_ascii_digit())
            }) || toks[head..k].iter().any(|t| t.text == ",")
                && toks[k.saturating_sub(1)].text == ",")
    };
    if verb_follows || opens() {
        Position::Subject
    } else if before.is_some_and(|t| t.is(class::VERB)) {
        Position::Object
    } else {
        Position::Other
    }
}

/// Capitalised words that start a sentence or a headline without being
/// anyone's name ("What Hamas agreed to", "Unlike Trump").
pub(super) fn is_capitalised_function_word(word: &str) -> bool {
    matches!(
        word,
        "What"
            | "Where"
            | "Which"
            | "Who"
            | "Whom"
            | "Whose"
            | "Why"
            | "How"
            | "If"
            | "Since"
            | "Although"
            | "Though"
            | "Because"
            | "Unlike"
            | "Like"
            | "Despite"
            | "Under"
            | "Over"
            | "From"
            | "With"
            | "Without"
            | "For"
            | "By"
            | "To"
            | "Of"
            | "Most"
            | "All"
            | "Every"
            | "Each"
            | "No"
            | "Not"
            | "Only"
            | "Even"
            | "Just"
            | "More"
            | "Less"
            | "Another"
            | "Such"
            | "Those"
            | "These"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "My"
            | "Your"
            | "Former"
            | "Dear"
            | "Thank"
            | "Thanks"
            | "Please"
            | "Breaking"
            | "Watch"
            | "Read"
            | "Live"
            | "Updated"
            | "Photo"
            | "Amid"
            | "Among"
            | "Some"
            | "Many"
            | "Few"
            | "Both"
            | "Either"
            | "Neither"
            | "Any"
            | "Whether"
            | "Whatever"
            | "Perhaps"
            | "Indeed"
            | "Still"
            | "Instead"
            | "Presumptive"
            | "Law"
            | "Republican"
            | "Democratic"
            | "Democrat"
            | "Conservative"
            | "Liberal"
            | "Official"
            | "Officials"
    )
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
                // "Prime Minister and Foreign Affairs Minister Sheikh …"
                | "and"
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

/// A capitalised word that can be part of a person's name (worked out by
/// the tokenizer: see [`super::text::word_class`]).
pub(super) fn is_proper_name_word(t: &Token) -> bool {
    t.is_name_word()
}
