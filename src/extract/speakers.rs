//! The per-article table of people and institutions, and the parsing of the
//! noun phrases that name them.
//!
//! A person enters the table at their first full mention — "White House
//! National Security Communications Advisor John Kirby" gives name "John
//! Kirby", role "National Security Communications Advisor", organisation
//! "White House" — and later mentions ("Kirby", "KIRBY", "the spokesperson",
//! "he") resolve to that entry. Names are compared folded (case and
//! diacritics aside: "Stéphane" is "Stephane"), and an Arabic article before
//! a surname may come or go ("Al-Ansari", "al Ansari", "Ansari").

use super::lexicon::{self, class};
use crate::directory::DirectoryPerson;
use crate::model::{Gender, SpeakerKind};
use crate::names::{self, fold};
use rustc_hash::FxHashMap;

#[derive(Debug, Clone, Default)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    pub organization: Option<String>,
    pub kind: SpeakerKind,
    pub gender: Option<Gender>,
    /// The country the person or institution speaks for, when the article
    /// or the directory says.
    pub country: Option<&'static str>,
    /// Someone the article does not name ("a senior administration official").
    pub anonymous: bool,
    /// Other forms of the name the article uses ("Bahram Ghasemi" for the
    /// directory's Bahram Qasemi).
    pub forms: Vec<String>,
    /// The directory's entry, when the name is a known official's.
    pub directory: Option<&'static DirectoryPerson>,
    /// Byte offset of the mention that gave the full name.
    pub named_at: Option<usize>,
}

impl Person {
    /// A person known by `name` only.
    pub fn named(name: impl Into<String>) -> Person {
        Person {
            name: name.into(),
            ..Person::default()
        }
    }

    /// Folded surnames the person may be called by: the last word of the
    /// name and of its other forms, with and without an Arabic article
    /// ("al ansari", "ansari").
    fn surname_keys(&self) -> impl Iterator<Item = String> + '_ {
        std::iter::once(&self.name)
            .chain(&self.forms)
            .flat_map(|form| surname_keys(form))
    }

    /// The first word of a name written family name first ("Mao" of "Mao Ning").
    fn family_key(&self) -> Option<String> {
        let mut words = self.name.split(' ');
        let first = words.next()?;
        let rest = words.count();
        ((1..=2).contains(&rest) && names::is_family_first(first)).then(|| fold(first))
    }

    /// Whether a word of the role is `head` (lowercase).
    pub fn has_role_word(&self, head: &str) -> bool {
        self.role
            .as_deref()
            .is_some_and(|r| r.to_ascii_lowercase().split_whitespace().any(|w| w == head))
    }

    pub fn is_person(&self) -> bool {
        self.kind == SpeakerKind::Person && !self.anonymous
    }
}

/// Words that join the parts of a name ("Mohammed bin Abdulrahman",
/// "Ursula von der Leyen", "Majed al Ansari").
pub fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "bin"
            | "bint"
            | "ibn"
            | "al"
            | "el"
            | "Al"
            | "El"
            | "abu"
            | "de"
            | "del"
            | "della"
            | "van"
            | "von"
            | "der"
            | "den"
            | "da"
            | "di"
            | "du"
            | "dos"
            | "das"
            | "le"
            | "la"
            | "ul"
            | "ud"
    )
}

/// A surname's keys (see [`Person`]): "Al-Ansari" → "al ansari", "ansari".
fn surname_keys(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let Some(&last) = words.last() else {
        return Vec::new();
    };
    let mut keys = vec![fold(last)];
    // "al-Ansari" / "El-Sisi": also without the article.
    for prefix in ["al-", "Al-", "el-", "El-", "al‑", "Al‑"] {
        if let Some(rest) = last.strip_prefix(prefix) {
            keys.push(fold(rest));
        }
    }
    // "Al Thani", "von der Leyen": the particle with the last word.
    let mut start = words.len() - 1;
    while start > 1 && is_name_particle(words[start - 1]) {
        start -= 1;
    }
    if start < words.len() - 1 {
        keys.push(fold(&words[start..].join(" ")));
    }
    keys
}

/// Index into [`SpeakerTable::people`].
pub type PersonId = usize;

#[derive(Debug, Default, Clone)]
pub struct SpeakerTable {
    pub people: Vec<Person>,
    /// The folded keys of each person, computed when a person is added or
    /// changed (lookups run for every capitalised word of an article).
    keys: Vec<Keys>,
    /// People by surname, family name and given name, built from `keys`
    /// when first asked: extended as people are added, rebuilt when a
    /// known person's keys change.
    by_word: std::cell::RefCell<WordIndex>,
}

/// [`SpeakerTable::by_surname`]'s three lookups, each in id order.
#[derive(Debug, Default, Clone)]
struct WordIndex {
    last: FxHashMap<String, Vec<PersonId>>,
    family: FxHashMap<String, Vec<PersonId>>,
    first: FxHashMap<String, Vec<PersonId>>,
    /// People `0..covered` are in the maps.
    covered: usize,
}

impl WordIndex {
    /// Adds the people from `covered` on.
    fn extend(&mut self, people: &[Person], keys: &[Keys]) {
        fn add(map: &mut FxHashMap<String, Vec<PersonId>>, key: &str, id: PersonId) {
            let ids = map.entry(key.to_string()).or_default();
            if ids.last() != Some(&id) {
                ids.push(id);
            }
        }
        let upto = people.len().min(keys.len());
        for id in self.covered..upto {
            let keys = &keys[id];
            if !people[id].is_person() {
                continue;
            }
            for key in keys.full.first().into_iter().chain(&keys.surnames) {
                add(&mut self.last, key, id);
            }
            if let Some(key) = &keys.family {
                add(&mut self.family, key, id);
            }
            if let Some(key) = &keys.first {
                add(&mut self.first, key, id);
            }
        }
        self.covered = self.covered.max(upto);
    }
}

/// A person's names, folded, for lookups.
#[derive(Debug, Default, Clone)]
struct Keys {
    /// The name and its other forms.
    full: Vec<String>,
    surnames: Vec<String>,
    /// The family name of a name written family first.
    family: Option<String>,
    /// The given name of a name of two words or more.
    first: Option<String>,
}

impl Keys {
    fn of(p: &Person) -> Keys {
        let full = std::iter::once(&p.name)
            .chain(&p.forms)
            .map(|f| fold(f))
            .collect();
        // Institutions and anonymous people are found by their whole name
        // only: the word index leaves them out (and a record never turns
        // into a person), so their other keys would never be read.
        if !p.is_person() {
            return Keys {
                full,
                ..Keys::default()
            };
        }
        Keys {
            full,
            surnames: p.surname_keys().collect(),
            family: p.family_key(),
            first: p
                .name
                .contains(' ')
                .then(|| p.name.split(' ').next().map(fold))
                .flatten(),
        }
    }
}

/// What a speaker phrase resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Person(PersonId),
    /// A surname that fits more than one person in the table.
    Ambiguous,
    /// Someone the article does not name and describes too little to keep.
    Anonymous,
    /// Not a speaker (a journalist, "analysts", an unknown common noun).
    Nobody,
}

impl SpeakerTable {
    /// Adds a person or fills in what an earlier mention lacked; returns its id.
    pub fn register(&mut self, person: Person) -> PersonId {
        let names_before = self.people.len();
        let forms_before =
            |t: &Self, id: PersonId| t.people.get(id).map(|p| (p.name.len(), p.forms.len()));
        // Most registrations find someone already known and change no name.
        let known = names::with_fold(&person.name, |key| self.find_key(key, Some(person.kind)));
        let before = known.and_then(|id| forms_before(self, id));
        let id = self.register_unkeyed(person, known);
        if self.people.len() != names_before
            || forms_before(self, id) != before
            || known != Some(id)
        {
            self.refresh(id);
        }
        id
    }

    /// Recomputes the keys of person `id` after their name or forms changed.
    pub fn refresh(&mut self, id: PersonId) {
        // A new person is added to the index when next asked; a known
        // person's old keys must leave it.
        if id < self.by_word.get_mut().covered {
            *self.by_word.get_mut() = WordIndex::default();
        }
        if self.keys.len() < self.people.len() {
            self.keys.resize_with(self.people.len(), Keys::default);
        }
        self.keys[id] = Keys::of(&self.people[id]);
    }

    /// Recomputes every person's keys (after people were merged or renamed).
    pub fn refresh_all(&mut self) {
        *self.by_word.get_mut() = WordIndex::default();
        self.keys = self.people.iter().map(Keys::of).collect();
    }

    /// [`Self::register`] before the keys are brought up to date; `known` is
    /// the person of the same kind one of whose names is `person`'s.
    fn register_unkeyed(&mut self, person: Person, known: Option<PersonId>) -> PersonId {
        if let Some(id) = known {
            self.fill_in(id, person);
            return id;
        }
        // A shorter form of a name already known ("Al Ansari" for "Majed
        // bin Mohammed Al Ansari", "Jean-Pierre" for "Karine Jean-Pierre").
        if person.kind == SpeakerKind::Person
            && !person.anonymous
            && let [id] = self.by_surname(&person.name)[..]
            && self.people[id].name.len() > person.name.len()
        {
            self.fill_in(id, person);
            return id;
        }
        // A fuller name for someone first seen by surname only ("Kirby" → "John Kirby").
        if person.kind == SpeakerKind::Person
            && !person.anonymous
            && let Some(id) = {
                let surnames = surname_keys(&person.name);
                (0..self.people.len()).find(|&i| {
                    let p = &self.people[i];
                    p.is_person()
                        && !p.name.contains(' ')
                        && surnames.contains(&self.keys[i].full[0])
                })
            }
        {
            let short = std::mem::take(&mut self.people[id].name);
            let earlier = std::mem::replace(&mut self.people[id], person);
            self.people[id].forms.push(short);
            self.fill_in(id, earlier);
            return id;
        }
        self.people.push(person);
        self.keys.push(Keys::default());
        self.people.len() - 1
    }

    fn fill_in(&mut self, id: PersonId, other: Person) {
        let existing = &mut self.people[id];
        if existing.role.is_none() {
            existing.role = other.role;
        }
        if existing.organization.is_none() {
            existing.organization = other.organization;
        }
        existing.gender = existing.gender.or(other.gender);
        existing.country = existing.country.or(other.country);
        existing.directory = existing.directory.or(other.directory);
        existing.named_at = existing.named_at.or(other.named_at);
        if other.name != existing.name && !existing.forms.contains(&other.name) {
            existing.forms.push(other.name);
        }
        for form in other.forms {
            if form != existing.name && !existing.forms.contains(&form) {
                existing.forms.push(form);
            }
        }
    }

    /// People a surname or a single word refers to ("Kirby", "KIRBY",
    /// "al-Ansari", "Ansari", "Mao" for "Mao Ning"). When no surname fits,
    /// the first word of a name written family name first is tried, then
    /// a given name alone ("Karine" in a transcript label).
    pub fn by_surname(&self, word: &str) -> Vec<PersonId> {
        names::with_fold(super::strip_possessive(word), |key| {
            if key.is_empty() {
                return Vec::new();
            }
            let mut index = self.by_word.borrow_mut();
            index.extend(&self.people, &self.keys);
            [&index.last, &index.family, &index.first]
                .into_iter()
                .find_map(|map| map.get(key).filter(|ids| !ids.is_empty()))
                .cloned()
                .unwrap_or_default()
        })
    }

    /// The person registered under `name` or one of its forms (folded).
    pub fn by_name(&self, name: &str) -> Option<PersonId> {
        names::with_fold(name, |key| self.find_key(key, None))
    }

    /// The person (of `kind`, when given) one of whose names folds to `key`.
    fn find_key(&self, key: &str, kind: Option<SpeakerKind>) -> Option<PersonId> {
        (0..self.people.len()).find(|&i| {
            kind.is_none_or(|kind| self.people[i].kind == kind)
                && self.keys[i].full.iter().any(|k| k == key)
        })
    }

    /// "the Foreign Office Spokesperson": the latest-registered person whose
    /// role has the head word `head` at an organisation that names `org`.
    pub fn by_role_at(&self, head: &str, org: &str) -> Option<PersonId> {
        let head = head.to_ascii_lowercase();
        let org = org.to_ascii_lowercase();
        self.people.iter().rposition(|p| {
            p.is_person()
                && p.has_role_word(&head)
                && p.organization.as_deref().is_some_and(|o| {
                    let o = o.to_ascii_lowercase();
                    o.contains(&org) || org.contains(&o)
                })
        })
    }

    /// The institution last registered whose name ends with `head`
    /// ("the ministry" → "Chinese Foreign Ministry").
    pub fn institution_by_head(&self, head: &str) -> Option<PersonId> {
        let head = head.to_ascii_lowercase();
        (0..self.people.len()).rev().find(|&i| {
            self.people[i].kind == SpeakerKind::Institution
                && self.people[i]
                    .organization
                    .as_deref()
                    .unwrap_or(self.people[i].name.as_str())
                    .to_ascii_lowercase()
                    .ends_with(&head)
        })
    }

    /// The organisation of the latest-registered person whose organisation
    /// ends in `head` ("ministry" → "External Affairs Ministry" from
    /// "External Affairs Ministry spokesperson Randhir Jaiswal").
    pub fn organization_by_head(&self, head: &str) -> Option<String> {
        self.people.iter().rev().find_map(|p| {
            let org = p.organization.as_deref()?;
            let last = org.rsplit(' ').next()?;
            (p.is_person() && last.eq_ignore_ascii_case(head)).then(|| org.to_string())
        })
    }
}

/// A name phrase split into its parts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NamePhrase {
    pub name: Option<String>,
    pub role: Option<String>,
    pub organization: Option<String>,
    /// A country the title names ("Qatar’s foreign ministry spokesperson").
    pub country: Option<&'static str>,
    /// The gender the title or an honorific marks ("spokeswoman", "Mr").
    pub gender: Option<Gender>,
}

/// A capitalised word that can be part of a person's name.
pub fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    (chars.next().is_some_and(char::is_uppercase) || super::text::particle_name(word))
        && lexicon::classify(word) & (class::ROLE | class::ORG | class::HONORIFIC) == 0
        && chars.all(|c| c.is_alphabetic() || "-’'.".contains(c))
}

/// The gender a title word or an honorific marks.
pub fn title_gender(word: &str) -> Option<Gender> {
    // Asked of every word of a name phrase: lowercased on the stack. Titles
    // are ASCII.
    if !word.is_ascii() {
        return None;
    }
    names::with_lowercase(word.trim_end_matches('.'), |w| match w {
        "mr" | "sheikh" | "sir" | "lord" | "king" | "prince" | "emir" | "spokesman"
        | "chairman" | "congressman" | "businessman" | "statesman" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "madam" | "dame" | "lady" | "baroness" | "queen" | "princess"
        | "sheikha" | "spokeswoman" | "chairwoman" | "congresswoman" | "businesswoman" | "smt" => {
            Some(Gender::Female)
        }
        _ => None,
    })
}

/// Where the name of a phrase ends its title: the trailing run of name
/// words ("Dmitry Peskov" after "Press Secretary of the President of the
/// Russian Federation"), particles allowed inside, at most six words; a
/// place, a title or an honorific ends it.
fn trailing_name(words: &[&str]) -> usize {
    let mut start = words.len();
    while start > 0 && words.len() - start < 8 {
        let w = words[start - 1];
        let particle = is_name_particle(w) && start < words.len();
        if !(is_name_word(w) || particle) {
            break;
        }
        // "Russian Federation", "Qatar": places are not part of a name.
        let place = names::place(w).is_some()
            || (start >= 2
                && names::starts_a_place(words[start - 2])
                && names::place(&format!("{} {w}", words[start - 2])).is_some());
        // ... but a place after a given name ends a name: "Jim Jordan",
        // "Steve Israel" carry a surname that is also a country's.
        let surname = start == words.len()
            && start >= 2
            && names::is_given_name(words[start - 2])
            && names::place(words[start - 2]).is_none();
        if place && !particle && !surname {
            break;
        }
        start -= 1;
    }
    // A name does not begin with a particle ("al Thani" alone is a surname).
    while start < words.len() && is_name_particle(words[start]) && words[start] != "Al" {
        start += 1;
    }
    start
}

/// Splits "[organisation] [role] [name]" ("Chinese Foreign Ministry spokesperson
/// Mao Ning"). The name is the run of capitalised words after the last role
/// head word; the organisation is everything up to the last organisation head
/// word before the role; the rest is the role. Honorifics belong to neither
/// ("Sheikh", "Dr."), and the country a title names is noted.
pub fn parse_name_phrase(words: &[&str]) -> NamePhrase {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| matches!(*w, "the" | "The" | "a" | "an" | "A" | "An"))
        .map(super::strip_possessive)
        .collect();
    // "Sen. Marcus Oyelaran of Maryland", "Chancellor Angela Merkel of
    // Germany": the name ends before "of"/"from" — unless "of" completes
    // a title ("Secretary of State").
    let words: Vec<&str> = match words.iter().rposition(|w| matches!(*w, "of" | "from")) {
        Some(p)
            if p > 0
                && is_name_word(words[p - 1])
                && !lexicon::is_role_head(words[p - 1])
                && (!words[..p].iter().any(|w| lexicon::is_role_head(w))
                    || words[p + 1..].iter().all(|w| {
                        names::place(w).is_some()
                            || w.chars().next().is_some_and(char::is_uppercase)
                    })) =>
        {
            words[..p].to_vec()
        }
        _ => words,
    };
    let gender = words.iter().find_map(|w| title_gender(w));
    let country = words.iter().enumerate().find_map(|(i, w)| {
        // Places are capitalised: most words are not looked up.
        if !w.starts_with(char::is_uppercase) {
            return None;
        }
        names::place(w)
            .or_else(|| {
                words
                    .get(i + 1)
                    .filter(|_| names::starts_a_place(w))
                    .and_then(|next| names::place(&format!("{w} {next}")))
            })
            .map(|p| p.country.name)
    });
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
    let name_start = trailing_name(&words);
    let (name_start, role_end) = match last_role {
        Some(r) => {
            let end = role_end_at(r);
            (name_start.max(end), end)
        }
        None => (name_start, name_start),
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
    if name_words.len() > 8
        || name_words
            .iter()
            .any(|w| !is_name_word(w) && !is_name_particle(w))
    {
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
        country,
        gender,
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
    let start = words.iter().position(|w| !lexicon::is_name_connector(w))?;
    let end = words.iter().rposition(|w| !lexicon::is_name_connector(w))?;
    Some(words[start..=end].join(" "))
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
    fn places_honorifics_and_particles_stay_out_of_names() {
        // A country closing the title is not the start of the name.
        assert_eq!(
            parse("Press Secretary of the President of the Russian Federation Dmitry Peskov").0,
            some("Dmitry Peskov")
        );
        // An honorific before the name, particles inside it.
        let p = parse_name_phrase(&[
            "Qatari",
            "Prime",
            "Minister",
            "Sheikh",
            "Mohammed",
            "bin",
            "Abdulrahman",
            "Al",
            "Thani",
        ]);
        assert_eq!(p.name.as_deref(), Some("Mohammed bin Abdulrahman Al Thani"));
        assert_eq!(p.country, Some("Qatar"));
        assert_eq!(p.gender, Some(Gender::Male));
        let p = parse_name_phrase(&[
            "Russian",
            "Foreign",
            "Ministry",
            "spokeswoman",
            "Maria",
            "Zakharova",
        ]);
        assert_eq!(
            (p.country, p.gender),
            (Some("Russia"), Some(Gender::Female))
        );
    }

    #[test]
    fn surnames_resolve_and_flag_ambiguity() {
        let mut table = SpeakerTable::default();
        let kirby = table.register(Person::named("Kirby"));
        assert_eq!(
            table.register(Person::named("John Kirby")),
            kirby,
            "a fuller name upgrades the entry"
        );
        assert_eq!(table.people[kirby].name, "John Kirby");
        table.register(Person::named("Matthew Miller"));
        table.register(Person::named("Judith Miller"));
        assert_eq!(table.by_surname("Kirby"), vec![kirby]);
        assert_eq!(table.by_surname("KIRBY"), vec![kirby], "transcript labels");
        assert_eq!(table.by_surname("Miller").len(), 2);
    }

    #[test]
    fn surnames_with_an_article_and_accents() {
        let mut table = SpeakerTable::default();
        let ansari = table.register(Person::named("Majed Al-Ansari"));
        for form in ["Ansari", "al-Ansari", "Al-Ansari’s", "AL-ANSARI"] {
            assert_eq!(table.by_surname(form), vec![ansari], "{form}");
        }
        let thani = table.register(Person::named("Mohammed bin Abdulrahman Al Thani"));
        assert_eq!(table.by_surname("Thani"), vec![thani]);
        let dujarric = table.register(Person::named("Stéphane Dujarric"));
        assert_eq!(table.by_name("Stephane Dujarric"), Some(dujarric));
        let mao = table.register(Person::named("Mao Ning"));
        assert_eq!(table.by_surname("Mao"), vec![mao], "family name first");
        let karine = table.register(Person::named("Karine Jean-Pierre"));
        assert_eq!(table.by_surname("Jean-Pierre"), vec![karine]);
        assert_eq!(
            table.by_surname("Karine"),
            vec![karine],
            "a given name alone"
        );
    }
}
