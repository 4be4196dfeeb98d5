//! From a cue's subject phrase to a speaker, with the evidence that chose it.
//!
//! The phrase is read in this order, each family of shapes one branch:
//!
//! 1. pronouns — "he", "she" by [salience and gender](super::coref); "it" for
//!    the statement or institution in view;
//! 2. journalists and crowds ("a reporter", "officials", "analysts"): nobody;
//! 3. documents — "the statement", "a written reply", "a statement
//!    attributed to Stéphane Dujarric": whoever issued it;
//! 4. indefinite descriptions — "a spokesperson for Ukraine's foreign
//!    ministry" is the person the article names so, if any; else an
//!    official it does not name ("Senior administration official");
//! 5. countries, capitals and the bodies known by one name ("Beijing",
//!    "the United States", "the Kremlin"): a capital standing for its
//!    country is that country's government;
//! 6. names — in full, or by surname (completed from the article, else
//!    from the [directory](crate::directory) when the article's context
//!    fits one official), and
//! 7. definite descriptions — "the spokesperson", "the Qatari premier",
//!    "the UN chief" — by what they say and by salience;
//! 8. institutions — "the foreign ministry" is the ministry of the country
//!    in view ("Chinese Foreign Ministry").

use super::attribution::{Cue, is_document_noun};
use super::speakers::{Person, PersonId, Resolved};
use super::{Extractor, is_generic_group, lexicon, strip_possessive};
use crate::model::SpeakerKind;
use crate::names;

/// Words that make a phrase indefinite: someone not (yet) named.
fn is_indefinite(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "a" | "an" | "one" | "some" | "many" | "several" | "other" | "two" | "three" | "few"
    )
}

/// The name of a country's government ("Government of Nauru", "Government
/// of the United States").
pub(super) fn government_of(country: &str) -> String {
    let article = matches!(
        country,
        "United States"
            | "United Kingdom"
            | "Netherlands"
            | "Philippines"
            | "United Arab Emirates"
            | "Bahamas"
            | "Gambia"
            | "Maldives"
            | "Comoros"
            | "Seychelles"
            | "Czech Republic"
            | "Dominican Republic"
            | "Central African Republic"
            | "Democratic Republic of the Congo"
            | "Marshall Islands"
            | "Solomon Islands"
    );
    if article {
        format!("Government of the {country}")
    } else {
        format!("Government of {country}")
    }
}

/// "Senior administration official" for "a senior administration official
/// familiar with the talks": the description without its article, up to
/// the head noun, capitalised.
fn anonymous_name(words: &[&str]) -> Option<String> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| is_indefinite(w) || matches!(*w, "the" | "The"))
        .collect();
    // The description up to a clause or a place ("a Nevada Democrat",
    // "one Sanders supporter", "a senior official familiar with the talks").
    let end = words
        .iter()
        .position(|w| {
            matches!(
                *w,
                "," | "who"
                    | "which"
                    | "that"
                    | "familiar"
                    | "with"
                    | "in"
                    | "at"
                    | "on"
                    | "for"
                    | "speaking"
                    | "close"
            )
        })
        .unwrap_or(words.len());
    let words = &words[..end.min(6)];
    let head = words
        .iter()
        .rposition(|w| lexicon::is_role_head(w) || is_source_noun(w))?;
    // The words keep their case (mid-sentence capitals are names: "State
    // Department"); the first is capitalised.
    let restored: Vec<String> = words[..=head]
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == 0 {
                let mut c = w.chars();
                c.next().map_or(String::new(), |f| {
                    f.to_uppercase().collect::<String>() + c.as_str()
                })
            } else {
                w.to_string()
            }
        })
        .collect();
    Some(restored.join(" "))
}

/// Nouns for an unnamed person who speaks for a side: "a Nevada
/// Democrat", "one Sanders supporter", "a 2008 Clinton veteran"
/// (assets/lexicon/source_nouns.txt).
pub(super) fn is_source_noun(word: &str) -> bool {
    names::with_lowercase(word, |lower| is_noun_in(lexicon::SOURCE_NOUNS, lower))
}

/// People by what they do or who they are to someone, as descriptions name
/// them — "the New York businessman", "the ad's narrator", "my father",
/// "one questioner": a speaker the article describes, not an official
/// source with a title of its own (so "one mother" stays unnamed rather
/// than becoming "Mother"); assets/lexicon/person_nouns.txt.
pub(super) fn is_person_noun(word: &str) -> bool {
    names::with_lowercase(word, |lower| {
        is_noun_in(lexicon::SOURCE_NOUNS, lower) || is_noun_in(lexicon::PERSON_NOUNS, lower)
    })
}

/// Whether `lower` (a word in lowercase) is a noun of `nouns` (sorted
/// lowercase singulars) or its plural in -s or -es.
fn is_noun_in(nouns: &[&str], lower: &str) -> bool {
    let found = |w: &str| nouns.binary_search(&w).is_ok();
    found(lower)
        || lower.strip_suffix('s').is_some_and(found)
        || lower.strip_suffix("es").is_some_and(found)
}

impl Extractor<'_> {
    /// Resolves a cue's subject phrase to a speaker, with why. A speaker who
    /// speaks "in a statement" has issued one: "the statement" and "it"
    /// later speak for them.
    pub(super) fn resolve(&mut self, cue: &Cue) -> (Resolved, String) {
        let (resolved, why) = self.resolve_phrase(cue);
        if let Resolved::Person(id) = resolved {
            let clause = &self.body[cue.clause.clone()];
            let issues = clause
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| matches!(w, "statement" | "readout" | "communique" | "release"));
            if issues {
                self.last_document = Some((id, cue.at));
            }
        }
        (resolved, why)
    }

    fn resolve_phrase(&mut self, cue: &Cue) -> (Resolved, String) {
        // "Sen. Ted Cruz (Tex.)", "Rep. Zoe Lofgren (D-Calif.)": the bracket
        // says where the person is from, it is not part of the name.
        let mut depth = 0usize;
        let words: Vec<&str> = cue
            .subject
            .iter()
            .copied()
            .filter(|w| match *w {
                "(" => {
                    depth += 1;
                    false
                }
                ")" => {
                    depth = depth.saturating_sub(1);
                    false
                }
                _ => depth == 0,
            })
            .collect();
        let Some(&first) = words.first() else {
            return (Resolved::Nobody, String::new());
        };
        let lower_first = first.to_ascii_lowercase();
        // 1. Pronouns.
        if words.len() == 1 && lexicon::is_person_pronoun(first) {
            return match self.pronoun_referent(cue.at, first) {
                Some((id, why)) => {
                    // The pronoun tells the person's gender, if nothing else did.
                    let person = &mut self.table.people[id];
                    if person.gender.is_none() {
                        person.gender = match lower_first.as_str() {
                            "he" => Some(crate::model::Gender::Male),
                            "she" => Some(crate::model::Gender::Female),
                            _ => None,
                        };
                    }
                    (Resolved::Person(id), why)
                }
                None => (Resolved::Nobody, String::new()),
            };
        }
        if words.len() == 1 && lower_first == "it" {
            return match self.it_referent(cue.at) {
                Some((id, why)) => (Resolved::Person(id), why),
                None => (
                    Resolved::Anonymous,
                    "“it”: nothing in view issued it".into(),
                ),
            };
        }
        // 2. Journalists and crowds. A journalist the article names speaks
        // as a person ("Reporter Jomana Karadsheh says:").
        let names_someone = words
            .iter()
            .filter(|w| {
                w.chars().next().is_some_and(char::is_uppercase) && !lexicon::is_journalist_noun(w)
            })
            .count()
            >= 2;
        if words.iter().any(|w| lexicon::is_journalist_noun(w)) && !names_someone {
            return (Resolved::Nobody, String::new());
        }
        // "Edward-Isaac Dovere and Gabriel Debenedetti wrote": the first named.
        if let Some(and) = words.iter().position(|w| *w == "and")
            && and >= 1
            && words[and - 1]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && words
                .get(and + 1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
            && !words[..and]
                .iter()
                .any(|w| lexicon::is_role_head(w) || lexicon::is_org_head(w))
        {
            let first = Cue {
                subject: words[..and].to_vec(),
                appositive: vec![],
                at: cue.at,
                verb: cue.verb,
                clause: cue.clause.clone(),
            };
            return self.resolve_phrase(&first);
        }
        if words.len() <= 2 && words.last().is_some_and(|w| is_generic_group(w)) {
            return (Resolved::Nobody, String::new());
        }
        // 3. Documents.
        if let Some(doc) = words
            .iter()
            .position(|w| names::with_lowercase(w, is_document_noun))
            && doc + 1 >= words.len().min(doc + 1)
        {
            return self.document_issuer(cue, &words, doc);
        }
        // 4. Indefinite descriptions.
        if is_indefinite(first) {
            if let Some((id, why)) = self.description_referent(&words, cue.at, false) {
                return (Resolved::Person(id), why);
            }
            return match anonymous_name(&words) {
                Some(name) => {
                    let id = self.table.register(Person {
                        anonymous: true,
                        role: Some(name.clone()),
                        ..Person::named(name.clone())
                    });
                    (
                        Resolved::Person(id),
                        format!("an unnamed source: “{}”", words.join(" ")),
                    )
                }
                None => (Resolved::Anonymous, String::new()),
            };
        }
        let stripped: Vec<&str> = words.iter().map(|w| strip_possessive(w)).collect();
        let joined = stripped.join(" ");
        // 5. Countries, capitals and bodies known by one name.
        if let Some(institution) = lexicon::institution_alias(&joined) {
            let id = self.institution(institution);
            return (
                Resolved::Person(id),
                format!("{institution}, named in this sentence"),
            );
        }
        let bare = joined.trim_start_matches("the ").trim_start_matches("The ");
        // ... unless someone the article names bears it as a surname
        // ("Rep. Jim Jordan … Jordan said").
        if !bare.contains(' ')
            && names::place(bare).is_some()
            && let [id] = self.table.by_surname(bare)[..]
        {
            let why = self.named_where(id, cue.at, bare);
            return (Resolved::Person(id), why);
        }
        if let Some(place) = names::place(bare)
            && place.kind != names::PlaceKind::Demonym
        {
            let government = government_of(place.country.name);
            let id = self.institution(&government);
            self.table.people[id].country = Some(place.country.name);
            return (
                Resolved::Person(id),
                format!(
                    "“{bare}” stands for the {}",
                    government.replacen("Government", "government", 1)
                ),
            );
        }
        // "the Ministry of External Affairs": an institution named from its head.
        let lead = usize::from(matches!(first, "the" | "The"));
        if stripped.len() > lead + 2
            && lexicon::is_org_head(stripped[lead])
            && matches!(stripped[lead + 1], "of" | "for")
            && !stripped.iter().any(|w| lexicon::is_role_head(w))
        {
            let id = self.institution(&stripped[lead..].join(" "));
            return (
                Resolved::Person(id),
                "the institution named in this sentence".into(),
            );
        }
        // 6. Names.
        let phrase = self.parse_phrase(&stripped);
        let appositive = (!cue.appositive.is_empty()).then(|| self.parse_phrase(&cue.appositive));
        let (role, organization) = match (&phrase.role, &appositive) {
            (Some(_), _) => (phrase.role.clone(), phrase.organization.clone()),
            (None, Some(a)) => (a.role.clone(), a.organization.clone()),
            (None, None) => (None, phrase.organization.clone()),
        };
        let country = phrase
            .country
            .or(appositive.as_ref().and_then(|a| a.country));
        match phrase.name {
            Some(name) if !name.contains(' ') => {
                if is_generic_group(&name)
                    || lexicon::is_demonym(&name)
                    || super::attribution::is_sentence_opener(&name)
                    || super::mentions::is_capitalised_function_word(&name)
                {
                    return (Resolved::Nobody, String::new());
                }
                match self.table.by_surname(&name)[..] {
                    [id] => {
                        let why = self.named_where(id, cue.at, &name);
                        (Resolved::Person(id), why)
                    }
                    [] => {
                        // Named in full without a title earlier on ("John Kirby spoke…")?
                        if let Some(full) = self.full_name_in_text(&name, cue.at) {
                            let id = self.table.register(Person {
                                role,
                                organization,
                                country,
                                ..Person::named(full)
                            });
                            let why = self.named_where(id, cue.at, &name);
                            return (Resolved::Person(id), why);
                        }
                        if let Some((id, why)) = self.look_up_directory(
                            &name,
                            role.as_deref(),
                            organization.as_deref(),
                            country,
                        ) {
                            return (Resolved::Person(id), why);
                        }
                        let id = self.table.register(Person {
                            role,
                            organization,
                            country,
                            gender: phrase.gender,
                            ..Person::named(name.clone())
                        });
                        (
                            Resolved::Person(id),
                            format!("“{name}”: the article gives no fuller name"),
                        )
                    }
                    ref several => {
                        let gender = words.iter().find_map(|w| super::speakers::title_gender(w));
                        match self.choose_among(several, cue.at, gender) {
                            Some((id, others)) => {
                                let chosen = self.table.people[id].name.clone();
                                (
                                    Resolved::Person(id),
                                    format!(
                                        "“{name}” → {chosen}, the one most in view ({others} also named)"
                                    ),
                                )
                            }
                            None => (
                                Resolved::Ambiguous,
                                format!("“{name}” fits more than one person named in the article"),
                            ),
                        }
                    }
                }
            }
            Some(name) => {
                let id = self.table.register(Person {
                    role,
                    organization,
                    country,
                    gender: phrase.gender,
                    named_at: Some(cue.at),
                    ..Person::named(name)
                });
                self.complete_person(id);
                let name = self.table.people[id].name.clone();
                (Resolved::Person(id), self.named_where(id, cue.at, &name))
            }
            // 7. and 8. Descriptions and institutions.
            None => self.resolve_description(cue, &words, &phrase),
        }
    }

    /// "the spokesperson", "the Qatari premier", "the foreign ministry".
    fn resolve_description(
        &mut self,
        cue: &Cue,
        words: &[&str],
        phrase: &super::speakers::NamePhrase,
    ) -> (Resolved, String) {
        let stripped: Vec<&str> = words.iter().map(|w| strip_possessive(w)).collect();
        if phrase.role.is_some() || super::coref::head_class(&stripped).is_some() {
            if let Some((id, why)) = self.description_referent(&stripped, cue.at, true) {
                return (Resolved::Person(id), why);
            }
            // An office the article names but whose holder it does not.
            if let Some(role) = &phrase.role
                && let Some((id, why)) = self.look_up_directory(
                    "",
                    Some(role),
                    phrase.organization.as_deref(),
                    phrase.country,
                )
            {
                return (Resolved::Person(id), why);
            }
            if (phrase.organization.is_some() || phrase.country.is_some())
                && let Some(name) = anonymous_name(words)
            {
                {
                    let id = self.table.register(Person {
                        anonymous: true,
                        role: Some(name.clone()),
                        ..Person::named(name)
                    });
                    return (
                        Resolved::Person(id),
                        format!(
                            "“{}”: the article does not name this official",
                            words.join(" ")
                        ),
                    );
                }
            }
            return match self.last_speaker(cue.at) {
                Some(id) => {
                    let name = self.table.people[id].name.clone();
                    (
                        Resolved::Person(id),
                        format!("“{}” → {name}, who spoke last", words.join(" ")),
                    )
                }
                None => (Resolved::Nobody, String::new()),
            };
        }
        // "the New York businessman", "the ad's narrator": someone the
        // article describes but does not name here.
        if phrase.organization.is_none()
            && words
                .last()
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()) && is_person_noun(w))
        {
            return (Resolved::Anonymous, String::new());
        }
        match &phrase.organization {
            Some(org) => {
                if org.split_whitespace().count() <= 2
                    && org.chars().next().is_some_and(char::is_lowercase)
                {
                    // "the ministry", "the foreign ministry": the institution
                    // named earlier, the organisation of an official named
                    // earlier, or the ministry of the country in view.
                    let head = org.rsplit(' ').next().unwrap_or(org);
                    if let Some(id) = self.table.institution_by_head(head) {
                        let name = self.table.people[id].name.clone();
                        return (
                            Resolved::Person(id),
                            format!("“{org}” → {name}, named before"),
                        );
                    }
                    if let Some(name) = self.table.organization_by_head(head) {
                        let id = self.institution(&name);
                        return (
                            Resolved::Person(id),
                            format!("“{org}” → {name}, named before"),
                        );
                    }
                    if let Some(country) = self.country_in_view(cue.at) {
                        let demonym = names::country(country)
                            .and_then(|c| c.demonyms.first().copied())
                            .unwrap_or(country);
                        let name = format!("{demonym} {}", title_case(org));
                        let id = self.institution(&name);
                        self.table.people[id].country = Some(country);
                        return (
                            Resolved::Person(id),
                            format!("“{org}” → {name}: {country} is the country in view"),
                        );
                    }
                    return (Resolved::Nobody, String::new());
                }
                let id = self.institution(org);
                (
                    Resolved::Person(id),
                    format!("{org}, named in this sentence"),
                )
            }
            None => (Resolved::Nobody, String::new()),
        }
    }

    /// The issuer of a statement document the phrase names.
    fn document_issuer(&mut self, cue: &Cue, words: &[&str], doc: usize) -> (Resolved, String) {
        // "a statement attributed to X", "a statement by X", "X's statement".
        let after = &words[doc + 1..];
        let by = after
            .iter()
            .position(|w| matches!(*w, "by" | "from" | "of" | "to"))
            .map(|p| &after[p + 1..]);
        let possessor = (doc > 0
            && (words[doc - 1].ends_with("’s") || words[doc - 1].ends_with("'s")))
        .then(|| &words[..doc]);
        // "a State Department statement": the institution before the noun.
        let modifier = (doc > 0)
            .then(|| {
                let from = words[..doc].iter().position(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !matches!(*w, "A" | "An" | "The")
                })?;
                Some(&words[from..doc])
            })
            .flatten();
        let issuer_words = by
            .filter(|w| !w.is_empty())
            .or(possessor.filter(|w| !w.is_empty()))
            .or(modifier.filter(|w| !w.is_empty()));
        if let Some(issuer) = issuer_words {
            let sub = Cue {
                subject: issuer.to_vec(),
                appositive: cue.appositive.clone(),
                at: cue.at,
                verb: cue.verb,
                clause: cue.clause.clone(),
            };
            let (resolved, why) = self.resolve(&sub);
            if let Resolved::Person(id) = resolved {
                self.last_document = Some((id, cue.at));
            }
            return (resolved, why);
        }
        if let Some((id, doc_at)) = self.last_document
            && doc_at < cue.at
            && self.body[doc_at..cue.at].matches('\n').count() <= 8
        {
            let name = self.table.people[id].name.clone();
            return (
                Resolved::Person(id),
                format!("“{}” → the statement issued by {name}", words.join(" ")),
            );
        }
        // The speaker of the statement just before (within a paragraph or two).
        let issuer = self
            .out
            .iter()
            .rev()
            .find(|s| s.end <= cue.at)
            .filter(|s| self.body[s.end..cue.at].matches('\n').count() <= 4)
            .and_then(|s| s.speaker.as_ref())
            .and_then(|name| self.table.by_name(name));
        match issuer {
            Some(id) => {
                self.last_document = Some((id, cue.at));
                let name = self.table.people[id].name.clone();
                (
                    Resolved::Person(id),
                    format!("“{}” → {name}, who spoke just before", words.join(" ")),
                )
            }
            None => (Resolved::Anonymous, String::new()),
        }
    }

    /// Of several people who share a surname, the one the reader has in
    /// view at `at` — by salience, and by how often the article has named
    /// them — when one clearly is; and the others' names.
    fn choose_among(
        &self,
        candidates: &[PersonId],
        at: usize,
        gender: Option<crate::model::Gender>,
    ) -> Option<(PersonId, String)> {
        let fitting: Vec<PersonId> = candidates
            .iter()
            .copied()
            .filter(|&id| {
                gender.is_none()
                    || self.table.people[id]
                        .gender
                        .is_none_or(|g| Some(g) == gender)
            })
            .collect();
        let scores = self.salience_of(at, 40);
        let score = |id: PersonId| {
            let named = self
                .mentions
                .iter()
                .filter(|m| m.id == id && m.at < at)
                .count();
            scores.get(&id).map_or(0.0, |s| s.0) + 5.0 * named as f64
        };
        let mut ranked: Vec<(f64, PersonId)> = fitting.iter().map(|&id| (score(id), id)).collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (best, id) = *ranked.first()?;
        let second = ranked.get(1).map_or(0.0, |r| r.0);
        if best <= 0.0 || best < second * 1.5 {
            return None;
        }
        let others: Vec<&str> = candidates
            .iter()
            .filter(|&&c| c != id)
            .map(|&c| self.table.people[c].name.as_str())
            .collect();
        Some((id, others.join(", ")))
    }

    /// The person of the last statement before `at`.
    pub(super) fn last_speaker(&self, at: usize) -> Option<PersonId> {
        self.out
            .iter()
            .rev()
            .find(|s| s.end <= at)
            .filter(|s| s.speaker_kind == SpeakerKind::Person)
            .and_then(|s| s.speaker.as_ref())
            .and_then(|name| self.table.by_name(name))
    }

    /// The country most in view at `at`: of the institutions and people
    /// mentioned, weighted as for pronouns.
    fn country_in_view(&self, at: usize) -> Option<&'static str> {
        let i = self.mentions.partition_point(|m| m.at < at);
        self.mentions[..i]
            .iter()
            .rev()
            .filter(|m| !m.in_quote)
            .find_map(|m| self.table.people[m.id].country)
            .or_else(|| {
                self.country_counts
                    .iter()
                    .max_by_key(|(_, n)| **n)
                    .map(|(c, _)| *c)
            })
    }

    /// Fills in a person's directory entry when their full name is known to it.
    pub(super) fn complete_person(&mut self, id: PersonId) {
        let person = &self.table.people[id];
        if person.directory.is_some() || person.kind != SpeakerKind::Person {
            return;
        }
        let date = self.date.map(crate::dates::iso);
        let context = crate::directory::Context {
            country: person.country,
            date: date.as_deref(),
            ..Default::default()
        };
        if let Some(entry) = crate::directory::by_name_in(&person.name, &context) {
            let person = &mut self.table.people[id];
            if entry.name != person.name {
                let form = std::mem::replace(&mut person.name, entry.name.to_string());
                person.forms.push(form);
            }
            person.directory = Some(entry);
            person.gender = person.gender.or(entry.gender);
            fill_role_from(person, entry, date.as_deref());
            self.table.refresh(id);
        }
    }

    /// A surname (or an office) the article leaves short, completed from
    /// the directory when one official fits what the article says.
    pub(super) fn look_up_directory(
        &mut self,
        surname: &str,
        role: Option<&str>,
        organization: Option<&str>,
        country: Option<&'static str>,
    ) -> Option<(PersonId, String)> {
        let date = self.date.map(crate::dates::iso);
        let role_word = role.and_then(|r| r.rsplit(' ').next());
        let organization = organization.or(self.briefing_organization);
        let country = country.or(self.briefing_country);
        let context = crate::directory::Context {
            organization,
            country,
            role: role_word,
            date: date.as_deref(),
        };
        let entry = if surname.is_empty() {
            crate::directory::by_office(&context)?
        } else {
            crate::directory::by_surname(surname, &context)?
        };
        // A surname alone is weak evidence: the article must at least speak
        // of the official's country or body ("Lavrov" in a story that names
        // Moscow; not "Sanders" in any story about Washington politics
        // unless it speaks of the White House).
        let hinted = role.is_some() || organization.is_some() || country.is_some();
        if !hinted && !surname.is_empty() && !self.article_speaks_of(entry) {
            return None;
        }
        // The role held on the article's date; without a date, the role the
        // article's words point to ("spokesperson"), else none (a guess).
        let held = match date.as_deref() {
            Some(d) => entry.role_on(Some(d)),
            None => role_word.and_then(|w| {
                let w = w.to_lowercase();
                entry.roles.iter().find(|r| {
                    r.role
                        .to_lowercase()
                        .contains(w.trim_end_matches("person").trim_end_matches("man"))
                })
            }),
        };
        let id = self.table.register(Person {
            role: held.map(|r| r.role.to_string()),
            organization: held.and_then(|r| r.organization.map(String::from)),
            country: entry
                .country
                .and_then(|c| names::country(c).map(|c| c.name)),
            gender: entry.gender,
            directory: Some(entry),
            ..Person::named(entry.name)
        });
        self.named.insert(id);
        let what = held.map_or(String::new(), |r| {
            let org = r.organization.map_or(String::new(), |o| format!(", {o}"));
            format!(" ({}{org})", r.role)
        });
        let asked = if surname.is_empty() {
            role.unwrap_or("the office")
        } else {
            surname
        };
        Some((id, format!("directory: “{asked}” → {}{what}", entry.name)))
    }

    /// Whether the article names a body the directory person served in
    /// (their organisation) or, for a foreign official, their country.
    fn article_speaks_of(&self, entry: &crate::directory::DirectoryPerson) -> bool {
        let body = self.body;
        let orgs = entry
            .roles
            .iter()
            .filter_map(|r| r.organization)
            .any(|org| {
                // "Department of State" is also "State Department".
                let turned = ["Department of ", "Ministry of "].iter().find_map(|p| {
                    org.strip_prefix(p)
                        .map(|rest| format!("{rest} {}", p.split(' ').next().unwrap_or("")))
                });
                body.contains(org) || turned.is_some_and(|t| body.contains(&t))
            });
        // A seat of government names its country too ("the Kremlin").
        let seats: &[(&str, &str)] = &[
            ("Kremlin", "Russia"),
            ("Elysee", "France"),
            ("Élysée", "France"),
            ("Downing Street", "United Kingdom"),
            ("Zhongnanhai", "China"),
        ];
        let country = entry.country.and_then(names::country).is_some_and(|c| {
            c.name != "United States"
                && (std::iter::once(c.name)
                    .chain(c.demonyms.iter().copied())
                    .chain(c.capitals.iter().copied())
                    .any(|form| body.contains(form))
                    || seats
                        .iter()
                        .any(|(seat, of)| *of == c.name && body.contains(seat)))
        });
        orgs || country || entry.country.is_none()
    }

    /// "named in this sentence" or "surname of John Kirby, named in paragraph 2".
    fn named_where(&self, id: PersonId, at: usize, said_as: &str) -> String {
        let person = &self.table.people[id];
        // Never named in full: the directory completed the name.
        if person.named_at.is_none()
            && let Some(entry) = person.directory
            && names::fold(said_as) != names::fold(entry.name)
        {
            let what = person
                .role
                .as_deref()
                .map_or(String::new(), |r| format!(" ({r})"));
            return format!("directory: “{said_as}” → {}{what}", person.name);
        }
        let named_at = person.named_at.unwrap_or(at);
        let same_sentence = self.sentence_of(named_at) == self.sentence_of(at);
        let full = names::fold(said_as) == names::fold(&person.name);
        let via_directory = person.directory.is_some()
            && !person
                .forms
                .iter()
                .any(|f| names::fold(f) == names::fold(said_as))
            && !full;
        match (full, same_sentence) {
            (true, true) => "named in this sentence".to_string(),
            (true, false) => format!("named in paragraph {}", self.paragraph_of(named_at)),
            (false, _)
                if names::fold(&person.name).contains(&names::fold(said_as)) || via_directory =>
            {
                format!(
                    "surname of {}, named in paragraph {}",
                    person.name,
                    self.paragraph_of(named_at)
                )
            }
            (false, _) => format!(
                "“{said_as}” is {} (directory spelling), named in paragraph {}",
                person.name,
                self.paragraph_of(named_at)
            ),
        }
    }

    pub(super) fn institution(&mut self, name: &str) -> PersonId {
        let name = lexicon::institution_alias(name).unwrap_or(name);
        self.table.register(Person {
            organization: Some(name.to_string()),
            kind: SpeakerKind::Institution,
            ..Person::named(name)
        })
    }
}

/// The role and organisation a person held on the article's date, from the
/// directory, when the article gives none (the article's own title wins).
pub(super) fn fill_role_from(
    person: &mut Person,
    entry: &'static crate::directory::DirectoryPerson,
    date: Option<&str>,
) {
    if person.role.is_some() {
        return;
    }
    // Only with a date: without one, "the role held then" is a guess.
    let Some(held) = date.and_then(|d| entry.role_on(Some(d))) else {
        return;
    };
    person.role = Some(held.role.to_string());
    if person.organization.is_none() {
        person.organization = held.organization.map(String::from);
    }
}

/// "foreign ministry" → "Foreign Ministry".
fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_for_people_in_any_case_and_number() {
        assert!(is_source_noun("Witnesses") && is_source_noun("aides"));
        assert!(is_source_noun("Strategist") && !is_source_noun("strategy"));
        assert!(is_person_noun("fathers") && is_person_noun("source"));
        assert!(!is_source_noun("father") && !is_person_noun("Mothership"));
    }

    #[test]
    fn governments_and_anonymous_officials() {
        assert_eq!(government_of("Nauru"), "Government of Nauru");
        assert_eq!(
            government_of("United States"),
            "Government of the United States"
        );
        assert_eq!(
            anonymous_name(&["a", "senior", "administration", "official"]).as_deref(),
            Some("Senior administration official")
        );
        assert_eq!(
            anonymous_name(&["a", "senior", "US", "official"]).as_deref(),
            Some("Senior US official")
        );
        assert_eq!(anonymous_name(&["one", "mother"]), None);
    }
}
