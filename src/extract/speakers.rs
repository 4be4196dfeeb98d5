//! The per-article table of people and institutions, and the parsing of the
//! noun phrases that name them.
//!
//! A person enters the table at their first full mention — "White House
//! National Security Communications Advisor John Kirby" gives name "John
//! Kirby", role "National Security Communications Advisor", organisation
//! "White House" — and later mentions ("Kirby", "the spokesperson", "he")
//! resolve to that entry.

use super::lexicon;
use crate::model::SpeakerKind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    pub organization: Option<String>,
    pub kind: SpeakerKind,
}

impl Person {
    fn surname(&self) -> &str {
        self.name.rsplit(' ').next().unwrap_or(&self.name)
    }

    /// Whether a word of the role is `head` (lowercase).
    fn has_role_word(&self, head: &str) -> bool {
        self.role
            .as_deref()
            .is_some_and(|r| r.to_ascii_lowercase().split_whitespace().any(|w| w == head))
    }
}

/// Index into [`SpeakerTable::people`].
pub type PersonId = usize;

#[derive(Debug, Default, Clone)]
pub struct SpeakerTable {
    pub people: Vec<Person>,
    /// Most recently mentioned people, latest last (for pronouns and "the
    /// spokesperson").
    recent: Vec<PersonId>,
}

/// What a speaker phrase resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Person(PersonId),
    /// A surname that fits more than one person in the table.
    Ambiguous,
    /// Someone the article does not name: "an official familiar with the matter".
    Anonymous,
    /// Not a speaker (a journalist, "analysts", an unknown common noun).
    Nobody,
}

impl SpeakerTable {
    /// Adds a person or fills in what an earlier mention lacked; returns its id.
    pub fn register(&mut self, person: Person) -> PersonId {
        if let Some(id) = self.people.iter().position(|p| p.name == person.name) {
            let existing = &mut self.people[id];
            if existing.role.is_none() {
                existing.role = person.role;
            }
            if existing.organization.is_none() {
                existing.organization = person.organization;
            }
            return id;
        }
        // A fuller name for someone first seen by surname only ("Kirby" → "John Kirby").
        if person.kind == SpeakerKind::Person
            && let Some(id) = self.people.iter().position(|p| {
                p.kind == SpeakerKind::Person
                    && !p.name.contains(' ')
                    && person.name.ends_with(&format!(" {}", p.name))
            })
        {
            self.people[id] = person;
            return id;
        }
        self.people.push(person);
        self.people.len() - 1
    }

    pub fn mention(&mut self, id: PersonId) {
        self.recent.retain(|&r| r != id);
        self.recent.push(id);
    }

    /// People whose surname (or whole single-word name) is `word`. When no
    /// surname fits, a two-word name's first word is tried: Chinese and
    /// Korean names put the family name first ("Mao Ning" → "Mao said").
    pub fn by_surname(&self, word: &str) -> Vec<PersonId> {
        let people =
            || (0..self.people.len()).filter(|&i| self.people[i].kind == SpeakerKind::Person);
        let by_last: Vec<PersonId> = people()
            .filter(|&i| self.people[i].surname() == word || self.people[i].name == word)
            .collect();
        if !by_last.is_empty() {
            return by_last;
        }
        people()
            .filter(|&i| {
                let mut words = self.people[i].name.split(' ');
                words.next() == Some(word) && words.count() == 1
            })
            .collect()
    }

    /// Surname (and single-word name) → person, for names that fit exactly one person.
    pub fn surname_index(&self) -> std::collections::HashMap<&str, PersonId> {
        let mut index: std::collections::HashMap<&str, Option<PersonId>> =
            std::collections::HashMap::new();
        for (id, p) in self
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == SpeakerKind::Person)
        {
            index
                .entry(p.surname())
                .and_modify(|e| *e = None)
                .or_insert(Some(id));
        }
        index
            .into_iter()
            .filter_map(|(k, v)| v.map(|id| (k, id)))
            .collect()
    }

    /// The person a pronoun most likely refers to: the last person mentioned.
    pub fn last_person(&self) -> Option<PersonId> {
        self.recent
            .iter()
            .rev()
            .copied()
            .find(|&i| self.people[i].kind == SpeakerKind::Person)
    }

    /// "the spokesperson", "the minister": the last person whose role has that
    /// head word, else the last person.
    pub fn by_role_word(&self, head: &str) -> Option<PersonId> {
        let head = head.to_ascii_lowercase();
        let matches_role = |i: &PersonId| self.people[*i].has_role_word(&head);
        self.recent
            .iter()
            .rev()
            .copied()
            .find(matches_role)
            .or_else(|| (0..self.people.len()).rev().find(matches_role))
    }

    /// "the Foreign Office Spokesperson": the latest-registered person whose
    /// role has the head word `head` at an organisation that names `org`.
    pub fn by_role_at(&self, head: &str, org: &str) -> Option<PersonId> {
        let head = head.to_ascii_lowercase();
        let org = org.to_ascii_lowercase();
        self.people.iter().rposition(|p| {
            p.kind == SpeakerKind::Person
                && p.has_role_word(&head)
                && p.organization.as_deref().is_some_and(|o| {
                    let o = o.to_ascii_lowercase();
                    o.contains(&org) || org.contains(&o)
                })
        })
    }

    /// The person registered under exactly `name`.
    pub fn by_name(&self, name: &str) -> Option<PersonId> {
        self.people.iter().position(|p| p.name == name)
    }

    /// The institution last mentioned whose name ends with `head`
    /// ("the ministry" → "Chinese Foreign Ministry").
    pub fn institution_by_head(&self, head: &str) -> Option<PersonId> {
        let head = head.to_ascii_lowercase();
        (0..self.people.len()).rev().find(|&i| {
            self.people[i]
                .organization
                .as_deref()
                .or(Some(self.people[i].name.as_str()))
                .is_some_and(|o| o.to_ascii_lowercase().ends_with(&head))
                && self.people[i].kind == SpeakerKind::Institution
        })
    }

    /// The organisation of the latest-registered person whose organisation
    /// ends in `head` ("ministry" → "External Affairs Ministry" from
    /// "External Affairs Ministry spokesperson Randhir Jaiswal").
    pub fn organization_by_head(&self, head: &str) -> Option<String> {
        self.people.iter().rev().find_map(|p| {
            let org = p.organization.as_deref()?;
            let last = org.rsplit(' ').next()?;
            (p.kind == SpeakerKind::Person && last.eq_ignore_ascii_case(head))
                .then(|| org.to_string())
        })
    }
}

/// A name phrase split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamePhrase {
    pub name: Option<String>,
    pub role: Option<String>,
    pub organization: Option<String>,
}

fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && !lexicon::is_role_head(word)
        && !lexicon::is_org_head(word)
        && chars.all(|c| c.is_alphabetic() || "-’'.".contains(c))
}

/// Splits "[organisation] [role] [name]" ("Chinese Foreign Ministry spokesperson
/// Mao Ning"). The name is the run of capitalised words after the last role
/// head word; the organisation is everything up to the last organisation head
/// word before the role; the rest is the role.
pub fn parse_name_phrase(words: &[&str]) -> NamePhrase {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| matches!(*w, "the" | "The" | "a" | "an" | "A" | "An"))
        .map(|w| w.trim_end_matches("’s").trim_end_matches("'s"))
        .collect();
    // "Sen. Marcus Oyelaran of Maryland": the name ends before "of"/"from".
    let words: Vec<&str> = match words.iter().position(|w| matches!(*w, "of" | "from")) {
        Some(p)
            if p > 0
                && is_name_word(words[p - 1])
                && !words[..p].iter().any(|w| lexicon::is_role_head(w)) =>
        {
            words[..p].to_vec()
        }
        _ => words,
    };
    let last_role = words.iter().rposition(|w| lexicon::is_role_head(w));
    // "Secretary of State", "Minister for External Affairs": the complement
    // belongs to the role.
    let role_end_at = |r: usize| {
        let mut e = r + 1;
        if words.get(e).is_some_and(|w| matches!(*w, "of" | "for")) {
            let mut k = e + 1;
            while words.get(k).is_some_and(|w| is_role_complement(w)) {
                k += 1;
            }
            if k > e + 1 {
                e = k;
            }
        }
        e
    };
    let (name_start, role_end) = match last_role {
        Some(r) => (role_end_at(r), role_end_at(r)),
        None => {
            // No title: the trailing capitalised words are the name, unless
            // they form an institution ("Foreign Office").
            let start = words
                .iter()
                .rposition(|w| !is_name_word(w))
                .map_or(0, |p| p + 1);
            (start, start)
        }
    };
    let mut name_words: Vec<&str> = words[name_start..]
        .iter()
        .copied()
        .filter(|w| !lexicon::is_honorific(w))
        .collect();
    // Honorifics directly before the name ("Rear Admiral John Kirby") belong to neither.
    let mut role_words: Vec<&str> = words[..role_end].to_vec();
    if last_role.is_none() {
        role_words.retain(|w| !lexicon::is_honorific(w));
    }
    if name_words.len() > 4 || name_words.iter().any(|w| !is_name_word(w)) {
        name_words.clear();
    }
    let org_end = role_words
        .iter()
        .rposition(|w| lexicon::is_org_head(w))
        .map(|p| p + 1);
    let (org, role) = match (org_end, last_role) {
        (Some(end), Some(_)) => (join(&role_words[..end]), join(&role_words[end..])),
        (Some(end), None) => (join(&role_words[..end]), None),
        (None, Some(_)) => (None, join(&role_words)),
        (None, None) => (None, None),
    };
    NamePhrase {
        name: join(&name_words),
        role,
        organization: org,
    }
}

/// Words that complete a title after "of" or "for" ("Secretary of State").
pub fn is_role_complement(word: &str) -> bool {
    matches!(
        word,
        "State"
            | "Foreign"
            | "External"
            | "Home"
            | "Affairs"
            | "Defence"
            | "Defense"
            | "Commerce"
            | "Finance"
            | "Information"
            | "Interior"
            | "Trade"
            | "Justice"
            | "Energy"
            | "Health"
            | "Education"
            | "the"
            | "Treasury"
            | "Homeland"
            | "Security"
            | "Agriculture"
            | "Economy"
            | "Economic"
            | "Development"
            | "Planning"
    )
}

fn join(words: &[&str]) -> Option<String> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| lexicon::is_name_connector(w))
        .collect();
    let mut end = words.len();
    while end > 0 && lexicon::is_name_connector(words[end - 1]) {
        end -= 1;
    }
    (end > 0).then(|| words[..end].join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> (Option<String>, Option<String>, Option<String>) {
        let words: Vec<&str> = s.split(' ').collect();
        let p = parse_name_phrase(&words);
        (p.name, p.role, p.organization)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn organisation_role_and_name() {
        assert_eq!(
            parse("White House National Security Communications Advisor John Kirby"),
            (
                some("John Kirby"),
                some("National Security Communications Advisor"),
                some("White House")
            )
        );
        assert_eq!(
            parse("US State Department Spokesperson Matthew Miller"),
            (
                some("Matthew Miller"),
                some("Spokesperson"),
                some("US State Department")
            )
        );
        assert_eq!(
            parse("Foreign Office Spokesperson Mumtaz Zahra Baloch"),
            (
                some("Mumtaz Zahra Baloch"),
                some("Spokesperson"),
                some("Foreign Office")
            )
        );
        assert_eq!(
            parse("Chinese Foreign Ministry spokesperson Mao Ning"),
            (
                some("Mao Ning"),
                some("spokesperson"),
                some("Chinese Foreign Ministry")
            )
        );
        assert_eq!(
            parse("Rear Admiral John Kirby"),
            (some("John Kirby"), some("Rear Admiral"), None)
        );
        assert_eq!(
            parse("Secretary of State Antony Blinken"),
            (some("Antony Blinken"), some("Secretary of State"), None)
        );
        assert_eq!(
            parse("Sen. Marcus Oyelaran of Maryland"),
            (some("Marcus Oyelaran"), None, None)
        );
        assert_eq!(parse("Kirby"), (some("Kirby"), None, None));
        assert_eq!(
            parse("the Foreign Office"),
            (None, None, some("Foreign Office"))
        );
        assert_eq!(
            parse("the spokesperson"),
            (None, some("spokesperson"), None)
        );
    }

    #[test]
    fn surnames_resolve_and_flag_ambiguity() {
        let mut table = SpeakerTable::default();
        let person = |name: &str| Person {
            name: name.into(),
            role: None,
            organization: None,
            kind: SpeakerKind::Person,
        };
        let kirby = table.register(person("Kirby"));
        assert_eq!(
            table.register(person("John Kirby")),
            kirby,
            "a fuller name upgrades the entry"
        );
        assert_eq!(table.people[kirby].name, "John Kirby");
        table.register(person("Matthew Miller"));
        table.register(person("Judith Miller"));
        assert_eq!(table.by_surname("Kirby"), vec![kirby]);
        assert_eq!(table.by_surname("Miller").len(), 2);
    }
}
