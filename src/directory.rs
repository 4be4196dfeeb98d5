//! The built-in directory of officials: heads of state and government,
//! foreign and defence ministers, and the spokespeople of governments and
//! international bodies from 2015 on, with their other spellings and the
//! dates each role was held. Written as data in `assets/directory/*.tsv`,
//! validated and compiled into the binary by build.rs.
//!
//! The extractor asks it two questions: who a full name is ("Bahram
//! Ghasemi" is Bahram Qasemi), and who a bare surname is, given what the
//! article says about the speaker ("MR PRICE:" in a State Department
//! briefing of 2022 is Ned Price):
//!
//! ```
//! use onrecord::directory::{self, Context};
//! let qasemi = directory::by_name("Bahram Ghasemi").unwrap();
//! assert_eq!(qasemi.name, "Bahram Qasemi");
//! let context = Context { organization: Some("Department of State"), date: Some("2022-08-15"), ..Context::default() };
//! assert_eq!(directory::by_surname("Price", &context).map(|p| p.name), Some("Ned Price"));
//! ```

use crate::model::Gender;
use crate::names::fold;
use std::collections::HashMap;
use std::sync::LazyLock;

/// One person of the directory.
#[derive(Debug)]
pub struct DirectoryPerson {
    /// The canonical name ("Stephane Dujarric").
    pub name: &'static str,
    /// Other spellings and forms ("Stéphane Dujarric").
    pub aliases: &'static [&'static str],
    pub gender: Option<Gender>,
    /// The state the person serves; `None` for international bodies.
    pub country: Option<&'static str>,
    pub roles: &'static [DirectoryRole],
    /// Where the entry is written (`file:line`), for messages.
    pub at: &'static str,
}

/// A role a person held, and when.
#[derive(Debug)]
pub struct DirectoryRole {
    pub role: &'static str,
    pub organization: Option<&'static str>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` when unknown.
    pub from: Option<&'static str>,
    pub to: Tenure,
    /// A public record where the facts can be checked.
    pub source: &'static str,
}

/// When a role ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tenure {
    Until(&'static str),
    Present,
    Unknown,
}

include!(concat!(env!("OUT_DIR"), "/directory.rs"));

/// What an article says about a speaker, to choose among people who share a
/// surname. Every field is optional; a field that is given must not be
/// contradicted by the person chosen.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The organisation the article ties the speaker to ("State Department").
    pub organization: Option<&'a str>,
    /// The country the speaker speaks for.
    pub country: Option<&'a str>,
    /// A word of the speaker's role ("spokesperson", "minister").
    pub role: Option<&'a str>,
    /// The article's date, `YYYY-MM-DD`.
    pub date: Option<&'a str>,
}

struct Index {
    /// Folded name or alias → people.
    names: HashMap<String, Vec<usize>>,
    /// Folded surname (and, for names written family first, the first word) → people.
    surnames: HashMap<String, Vec<usize>>,
}

/// A name's last word, and the last two when the name ends in a particle
/// ("al ansari" → "ansari", "al ansari"; "al thani").
fn surname_keys(folded: &str) -> Vec<String> {
    let words: Vec<&str> = folded.split(' ').collect();
    let mut keys = Vec::new();
    if let Some(last) = words.last() {
        keys.push(last.to_string());
        if words.len() >= 3
            && matches!(
                words[words.len() - 2],
                "al" | "el" | "bin" | "de" | "van" | "von"
            )
        {
            keys.push(format!("{} {last}", words[words.len() - 2]));
        }
    }
    keys
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut names: HashMap<String, Vec<usize>> = HashMap::new();
    let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, person) in PEOPLE.iter().enumerate() {
        for form in std::iter::once(&person.name).chain(person.aliases) {
            let folded = fold(form);
            let entry = names.entry(folded.clone()).or_default();
            if !entry.contains(&i) {
                entry.push(i);
            }
            let words: Vec<&str> = folded.split(' ').collect();
            let mut keys = surname_keys(&folded);
            if words.len() >= 2 && crate::names::is_family_first(words[0]) {
                keys.push(words[0].to_string());
            }
            for key in keys {
                let entry = surnames.entry(key).or_default();
                if !entry.contains(&i) {
                    entry.push(i);
                }
            }
        }
    }
    Index { names, surnames }
});

/// Every person in the directory.
pub fn people() -> &'static [DirectoryPerson] {
    PEOPLE
}

/// The person whose name or alias is `name` (any case, diacritics folded),
/// when exactly one is.
pub fn by_name(name: &str) -> Option<&'static DirectoryPerson> {
    match INDEX.names.get(&fold(name))?.as_slice() {
        [one] => Some(&PEOPLE[*one]),
        _ => None,
    }
}

/// The person a full name refers to, when the context does not contradict it.
pub fn by_name_in(name: &str, context: &Context) -> Option<&'static DirectoryPerson> {
    let candidates: Vec<&DirectoryPerson> = INDEX
        .names
        .get(&fold(name))?
        .iter()
        .map(|&i| &PEOPLE[i])
        .filter(|p| !contradicts(p, context, false))
        .collect();
    match candidates[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// The one person with surname `surname` whom the context fits: their
/// country and organisation agree with the article's, a role of theirs has
/// the role word, and they held a role around the article's date. `None`
/// when nobody or more than one person fits.
pub fn by_surname(surname: &str, context: &Context) -> Option<&'static DirectoryPerson> {
    let key = fold(surname);
    let candidates: Vec<&DirectoryPerson> = INDEX
        .surnames
        .get(&key)?
        .iter()
        .map(|&i| &PEOPLE[i])
        .filter(|p| !contradicts(p, context, true))
        .collect();
    match candidates[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// The one person who held the office the context describes — a role word
/// and an organisation or country, around the article's date ("the State
/// Department spokesperson" in 2022). `None` unless all three are given and
/// exactly one person fits.
pub fn by_office(context: &Context) -> Option<&'static DirectoryPerson> {
    let (Some(word), Some(date)) = (context.role, context.date) else {
        return None;
    };
    if context.organization.is_none() && context.country.is_none() {
        return None;
    }
    let word = fold(word);
    let org = context.organization.map(fold);
    let fits = |p: &&DirectoryPerson| {
        context
            .country
            .is_none_or(|c| p.country.is_none_or(|theirs| theirs == c))
            && p.roles.iter().any(|r| {
                held_on(r, date)
                    && role_fits(&fold(r.role), &word)
                    && org.as_deref().is_none_or(|o| {
                        r.organization
                            .is_some_and(|ro| organizations_agree(&fold(ro), o))
                    })
            })
    };
    let mut found = PEOPLE.iter().filter(fits);
    let one = found.next()?;
    found.next().is_none().then_some(one)
}

/// Whether the role was held on `date` (to the precision the data gives).
fn held_on(role: &DirectoryRole, date: &str) -> bool {
    let started = role.from.is_some_and(|from| from <= date);
    let not_ended = match role.to {
        Tenure::Until(to) => date.get(..to.len()).is_some_and(|d| d <= to),
        Tenure::Present => true,
        Tenure::Unknown => false,
    };
    started && not_ended
}

/// Whether what the article says rules the person out. With `strict`, a
/// role word or date that no role of theirs fits rules them out too (a
/// surname alone is weak evidence); a full name survives those.
fn contradicts(person: &DirectoryPerson, context: &Context, strict: bool) -> bool {
    if let (Some(country), Some(theirs)) = (context.country, person.country)
        && country != theirs
    {
        return true;
    }
    let roles: Vec<&DirectoryRole> = person
        .roles
        .iter()
        .filter(|r| !strict || context.date.is_none_or(|d| held_around(r, d)))
        .collect();
    if roles.is_empty() {
        return true;
    }
    if let Some(org) = context.organization {
        let org = fold(org);
        let fits = |r: &&DirectoryRole| {
            r.organization
                .is_some_and(|o| organizations_agree(&fold(o), &org))
        };
        // An international body's staff are known by their organisation.
        if (person.country.is_none() || strict) && !roles.iter().any(fits) {
            return true;
        }
    }
    if strict && let Some(word) = context.role {
        let word = fold(word);
        if !roles.iter().any(|r| role_fits(&fold(r.role), &word)) {
            return true;
        }
    }
    false
}

/// Two names of one organisation: "state department" and "department of
/// state", "foreign ministry" and "ministry of foreign affairs".
pub fn organizations_agree(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(' ')
            .filter(|w| !matches!(*w, "of" | "the" | "for" | "and" | "us" | "u" | "s"))
            .map(|w| match w {
                "ministry" | "department" | "office" | "mfa" => "ministry".to_string(),
                "foreign" | "external" => "foreign".to_string(),
                "affairs" => String::new(),
                "defence" | "defense" => "defence".to_string(),
                "pentagon" => "defence".to_string(),
                other => other.to_string(),
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (mut a, mut b) = (words(a), words(b));
    a.sort();
    b.sort();
    a == b
        || (!a.is_empty()
            && !b.is_empty()
            && (a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))))
}

/// Whether a role title has the role word ("spokesperson" fits "Deputy
/// Spokesperson" and "Press Secretary"; "minister" fits "Minister of
/// Foreign Affairs").
fn role_fits(role: &str, word: &str) -> bool {
    let spokes = |s: &str| {
        s.contains("spokes")
            || s.contains("press secretary")
            || s.contains("official representative")
    };
    if spokes(word) {
        return spokes(role);
    }
    role.split(' ').any(|w| w == word)
}

/// Whether the role was held within a year of `date` (dates in the data are
/// often given to the year only).
fn held_around(role: &DirectoryRole, date: &str) -> bool {
    let year = |d: &str| d.get(..4).and_then(|y| y.parse::<i32>().ok());
    let Some(at) = year(date) else {
        return true;
    };
    let started = role.from.and_then(year).is_none_or(|from| from <= at + 1);
    let not_ended = match role.to {
        Tenure::Until(to) => year(to).is_none_or(|to| to >= at - 1),
        Tenure::Present | Tenure::Unknown => true,
    };
    started && not_ended
}

impl DirectoryPerson {
    /// The role held on `date` (or the latest role when no date is given).
    pub fn role_on(&self, date: Option<&str>) -> Option<&'static DirectoryRole> {
        match date {
            Some(d) => self
                .roles
                .iter()
                .filter(|r| held_around(r, d))
                .max_by_key(|r| r.from.unwrap_or("")),
            None => self.roles.iter().max_by_key(|r| r.from.unwrap_or("")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_directory_is_large_and_indexed() {
        assert!(PEOPLE.len() >= 500, "{}", PEOPLE.len());
        for person in PEOPLE {
            assert_eq!(
                by_name(person.name).map(|p| p.name),
                Some(person.name),
                "{}",
                person.at
            );
        }
    }

    #[test]
    fn organisations_under_their_other_names() {
        assert!(organizations_agree(
            "state department",
            "department of state"
        ));
        assert!(organizations_agree(
            "foreign ministry",
            "ministry of foreign affairs"
        ));
        assert!(!organizations_agree("white house", "department of state"));
    }
}
