//! Pronouns and descriptions: whom "he", "she", "it", "the spokesperson",
//! "the Qatari premier" or "the UN chief" refer to.
//!
//! Pronouns are resolved by salience, as in Lappin and Leass's algorithm
//! cut down to what news copy needs: every earlier mention outside
//! quotation marks counts for its person, more as a sentence's subject or a
//! statement's speaker than as an object or a possessive ("Trump’s plan"),
//! and less the further back it lies; people whose gender the pronoun rules
//! out do not count. Descriptions are resolved by what they say — the role
//! ("spokesperson", "premier", "diplomat"), the country ("Qatari", "Iran's")
//! and the organisation ("foreign ministry", "Kremlin") must fit the person
//! — and then by salience; a description in a lead may name someone the
//! article introduces only later ("the Foreign Ministry spokesperson of
//! mediator Qatar said" … "ministry spokesperson Majed al-Ansari").

use super::Extractor;
use super::mentions::Position;
use super::speakers::{Person, PersonId};
use crate::model::{Gender, SpeakerKind};
use crate::names;
use std::collections::HashMap;

/// How far back (in sentences) a mention still counts for a pronoun.
const PRONOUN_WINDOW: usize = 14;

/// The kinds of role a description can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RoleClass {
    Spokesperson,
    Minister,
    ForeignMinister,
    DefenceMinister,
    HeadOfGovernment,
    President,
    SecretaryGeneral,
    Diplomat,
    Official,
    /// A senator, a lawmaker, a member of parliament.
    Legislator,
    /// A leader or politician: heads of state and government, party leaders.
    Leader,
    Group,
}

/// The role class a description's head noun names ("spokesman", "premier").
pub(super) fn head_class(words: &[&str]) -> Option<RoleClass> {
    // "the spokesperson for foreign policy", "the Foreign Ministry
    // spokesperson of mediator Qatar": the head stands before the complement.
    let end = words
        .iter()
        .position(|w| matches!(*w, "of" | "for" | "to" | "at" | "in"))
        .filter(|&p| p > 0)
        .unwrap_or(words.len());
    let words = &words[..end];
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let last = lower.last()?.as_str();
    let before = lower.len().checked_sub(2).map(|i| lower[i].as_str());
    Some(match (before, last) {
        (Some("press"), "secretary") => RoleClass::Spokesperson,
        (Some("foreign" | "external"), "minister" | "secretary") => RoleClass::ForeignMinister,
        (Some("defence" | "defense"), "minister" | "secretary") => RoleClass::DefenceMinister,
        (Some("prime"), "minister") => RoleClass::HeadOfGovernment,
        (Some("un" | "u.n." | "un’s" | "u.n.’s"), "chief") => RoleClass::SecretaryGeneral,
        (_, "spokesperson" | "spokesman" | "spokeswoman" | "spokespeople" | "spox") => {
            RoleClass::Spokesperson
        }
        (Some("official"), "representative") => RoleClass::Spokesperson,
        (_, "premier" | "chancellor" | "pm") => RoleClass::HeadOfGovernment,
        (_, "president" | "president-elect") => RoleClass::President,
        (_, "secretary-general") => RoleClass::SecretaryGeneral,
        (_, "minister") => RoleClass::Minister,
        (_, "diplomat" | "envoy" | "ambassador") => RoleClass::Diplomat,
        (_, "official" | "officer" | "aide" | "adviser" | "advisor") => RoleClass::Official,
        (_, "senator" | "lawmaker" | "congressman" | "congresswoman" | "legislator" | "mp") => {
            RoleClass::Legislator
        }
        (_, "politician" | "leader" | "candidate" | "nominee" | "governor") => RoleClass::Leader,
        (_, "group" | "movement" | "organisation" | "organization" | "militants") => {
            RoleClass::Group
        }
        _ => return None,
    })
}

/// Whether a person with this role fits the class a description names.
fn fits_class(person: &Person, class: RoleClass) -> bool {
    // The article's own title for the person decides; the directory's
    // roles only when the article gives none.
    let mut roles: Vec<String> = person.role.iter().map(|r| r.to_lowercase()).collect();
    if roles.is_empty()
        && let Some(entry) = person.directory
    {
        roles.extend(entry.roles.iter().map(|r| r.role.to_lowercase()));
    }
    let org = person.organization.as_deref().unwrap_or("").to_lowercase();
    let any = |f: &dyn Fn(&str) -> bool| roles.iter().any(|r| f(r));
    let spokes = |r: &str| {
        r.contains("spokes")
            || r.contains("press secretary")
            || r.contains("official representative")
            || r.contains("press officer")
            || r.contains("communications")
            || r == "spox"
    };
    let foreign = |r: &str| {
        (r.contains("foreign") || r.contains("external affairs"))
            && (r.contains("minister") || r.contains("secretary"))
            || r == "secretary of state"
    };
    match class {
        RoleClass::Group => person.kind == SpeakerKind::Institution,
        _ if person.kind != SpeakerKind::Person => false,
        RoleClass::Spokesperson => any(&spokes),
        RoleClass::ForeignMinister => any(&foreign),
        RoleClass::DefenceMinister => {
            any(&|r| (r.contains("defence") || r.contains("defense")) && !spokes(r))
        }
        RoleClass::Minister => any(&|r| r.contains("minister") && !spokes(r)),
        RoleClass::HeadOfGovernment => any(&|r| {
            r.contains("prime minister") || r.contains("premier") || r.contains("chancellor")
        }),
        RoleClass::President => any(&|r| r.contains("president") && !r.contains("vice")),
        RoleClass::SecretaryGeneral => any(&|r| r.contains("secretary-general") && !spokes(r)),
        RoleClass::Diplomat => {
            any(&|r| {
                spokes(r)
                    || foreign(r)
                    || r.contains("ambassador")
                    || r.contains("envoy")
                    || r.contains("representative")
                    || r.contains("diplomat")
            }) && (org.is_empty()
                || org.contains("foreign")
                || org.contains("external")
                || org.contains("state")
                || org.contains("mofa")
                || org.contains("mfa")
                || !any(&spokes))
        }
        RoleClass::Official => !roles.is_empty() || person.directory.is_some(),
        RoleClass::Legislator => any(&|r| {
            r.contains("senator")
                || r.contains("sen.")
                || r.contains("lawmaker")
                || r.contains("congress")
                || r.contains("representative")
                || r.contains("rep.")
                || r.contains("member of parliament")
                || r == "mp"
        }),
        RoleClass::Leader => any(&|r| {
            [
                "leader",
                "president",
                "prime minister",
                "chancellor",
                "premier",
                "king",
                "emir",
                "governor",
                "candidate",
                "nominee",
                "chairman",
                "senator",
                "minister",
            ]
            .iter()
            .any(|w| r.contains(w))
        }),
    }
}

/// What the modifiers of a description require of the person: a country
/// ("Qatari", "Iran's") and words of an organisation ("foreign ministry",
/// "Kremlin", "UN").
struct Modifiers {
    country: Option<&'static str>,
    organization: Vec<String>,
}

fn modifiers(words: &[&str]) -> Modifiers {
    let mut country = None;
    let mut organization = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let bare = super::strip_possessive(w);
        if let Some(place) = names::place(bare).or_else(|| {
            words
                .get(i + 1)
                .and_then(|n| names::place(&format!("{bare} {}", super::strip_possessive(n))))
        }) {
            country = Some(place.country.name);
            continue;
        }
        let lower = bare.to_lowercase();
        match lower.as_str() {
            "kremlin" => {
                country = country.or(Some("Russia"));
                organization.push("kremlin".into());
            }
            "un" | "u.n." | "united" | "nations" => organization.push("united nations".into()),
            "eu" | "european" => organization.push("european".into()),
            "foreign" | "external" | "ministry" | "mofa" | "mfa" => organization.push(lower),
            "state"
                if words
                    .get(i + 1)
                    .is_some_and(|n| n.eq_ignore_ascii_case("department")) =>
            {
                country = country.or(Some("United States"));
                organization.push("state department".into());
            }
            "white"
                if words
                    .get(i + 1)
                    .is_some_and(|n| n.eq_ignore_ascii_case("house")) =>
            {
                country = country.or(Some("United States"));
                organization.push("white house".into());
            }
            "pentagon" => {
                country = country.or(Some("United States"));
                organization.push("defense".into());
            }
            _ => {}
        }
    }
    Modifiers {
        country,
        organization,
    }
}

/// Whether the person fits the modifiers; `None` when they cannot tell
/// (the person's country or organisation is unknown).
fn fits_modifiers(person: &Person, m: &Modifiers) -> Option<bool> {
    let mut unknown = false;
    if let Some(country) = m.country {
        match person.country.or(person
            .directory
            .and_then(|d| d.country)
            .and_then(|c| names::country(c).map(|c| c.name)))
        {
            Some(theirs) if theirs != country => return Some(false),
            Some(_) => {}
            None => {
                let org = person.organization.as_deref().unwrap_or("");
                let named_in_org = names::place(org.split(' ').next().unwrap_or(""))
                    .is_some_and(|p| p.country.name == country);
                if !named_in_org {
                    unknown = true;
                }
            }
        }
    }
    let org = person.organization.as_deref().unwrap_or("").to_lowercase()
        + " "
        + &person.role.as_deref().unwrap_or("").to_lowercase();
    for word in &m.organization {
        let fits = match word.as_str() {
            "united nations" => {
                org.contains("un ")
                    || org.contains("u.n.")
                    || org.contains("united nations")
                    || org.contains("secretary-general")
                    || person.directory.is_some_and(|d| {
                        d.roles
                            .iter()
                            .any(|r| r.organization == Some("United Nations"))
                    })
            }
            "foreign" | "external" | "mofa" | "mfa" => {
                org.contains("foreign") || org.contains("external") || org.contains("mofa")
            }
            "ministry" => true,
            "state department" => {
                org.contains("state department") || org.contains("department of state")
            }
            other => org.contains(other),
        };
        if !fits {
            // Another kind of office rules the person out ("foreign
            // ministry" is not the defence ministry); a title that names
            // no office ("ministry spokesperson") only leaves it open.
            let other_office = [
                "defence",
                "defense",
                "interior",
                "finance",
                "health",
                "trade",
                "commerce",
                "justice",
                "white house",
                "pentagon",
                "kremlin",
                "state department",
            ]
            .iter()
            .any(|o| org.contains(o) && !word.contains(o));
            if other_office {
                return Some(false);
            }
            unknown = true;
        }
    }
    if unknown { None } else { Some(true) }
}

impl Extractor<'_> {
    /// Salience of each person before `at`: mentions outside quotations,
    /// weighted by their place in the sentence and halved (roughly) with
    /// each sentence back.
    pub(super) fn salience_of(&self, at: usize, window: usize) -> HashMap<PersonId, (f64, usize)> {
        self.salience(at, window)
    }

    fn salience(&self, at: usize, window: usize) -> HashMap<PersonId, (f64, usize)> {
        let here = self.sentence_of(at);
        // The strongest mention of each person in each sentence counts (a
        // title, a name and a surname in one sentence are one mention).
        let mut best: HashMap<(PersonId, usize), (f64, usize)> = HashMap::new();
        let i = self.mentions.partition_point(|m| m.at < at);
        for m in self.mentions[..i].iter().rev() {
            if m.in_quote {
                continue;
            }
            let sentence = self.sentence_of(m.at);
            let distance = here.saturating_sub(sentence);
            if distance > window {
                break;
            }
            let weight = match m.position {
                Position::Subject => 100.0,
                Position::Other => 50.0,
                Position::Object => 35.0,
                Position::Possessive => 20.0,
            } + if m.speaker { 60.0 } else { 0.0 };
            let value = weight * 0.5f64.powi(distance as i32);
            let entry = best.entry((m.id, sentence)).or_insert((0.0, m.at));
            entry.0 = entry.0.max(value);
            entry.1 = entry.1.max(m.at);
        }
        // A person's strongest recent mention decides, and earlier ones add
        // a little: a new subject in the previous sentence outweighs a
        // speaker quoted three sentences back.
        let mut parts: HashMap<PersonId, (f64, f64, usize)> = HashMap::new();
        for ((id, _), (value, last)) in best {
            let entry = parts.entry(id).or_insert((0.0, 0.0, last));
            entry.0 = entry.0.max(value);
            entry.1 += value;
            entry.2 = entry.2.max(last);
        }
        parts
            .into_iter()
            .map(|(id, (max, sum, last))| (id, (max + 0.15 * (sum - max), last)))
            .collect()
    }

    /// Whom "he" or "she" at `at` refers to, with the evidence.
    pub(super) fn pronoun_referent(&self, at: usize, pronoun: &str) -> Option<(PersonId, String)> {
        let gender = match pronoun.to_lowercase().as_str() {
            "he" | "him" | "his" => Some(Gender::Male),
            "she" | "her" | "hers" => Some(Gender::Female),
            _ => None,
        };
        let scores = self.salience(at, PRONOUN_WINDOW);
        let best = scores
            .iter()
            .filter(|(id, _)| {
                let p = &self.table.people[**id];
                p.kind == SpeakerKind::Person
                    && (gender.is_none() || p.gender.is_none() || p.gender == gender)
            })
            .map(|(&id, &(score, last))| {
                let known = self.table.people[id].gender.is_some() || gender.is_none();
                (id, if known { score } else { score * 0.7 }, last)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(a.2.cmp(&b.2)))?;
        let id = best.0;
        let why = self.why_salient(id, at, gender);
        Some((
            id,
            format!("“{pronoun}” → {}, {why}", self.table.people[id].name),
        ))
    }

    /// Why a person is the likeliest referent at `at`, in words.
    fn why_salient(&self, id: PersonId, at: usize, gender: Option<Gender>) -> String {
        let here = self.sentence_of(at);
        let i = self.mentions.partition_point(|m| m.at < at);
        let last = self.mentions[..i]
            .iter()
            .rev()
            .find(|m| m.id == id && !m.in_quote);
        let who = match gender {
            Some(Gender::Male) => "man",
            Some(Gender::Female) => "woman",
            None => "person",
        };
        match last {
            Some(m) if m.speaker && here - self.sentence_of(m.at) <= 2 => {
                "who spoke just before".to_string()
            }
            Some(m) if m.position == Position::Subject && self.sentence_of(m.at) == here => {
                "subject of this sentence".to_string()
            }
            Some(m) if m.position == Position::Subject && self.sentence_of(m.at) + 1 == here => {
                "subject of the previous sentence".to_string()
            }
            Some(m) => format!(
                "the {who} most in view (last named in paragraph {})",
                self.paragraph_of(m.at)
            ),
            None => format!("the last {who} named"),
        }
    }

    /// Whom "it" at `at` refers to when it speaks: the issuer of the
    /// statement document spoken of last, else the institution most in view.
    pub(super) fn it_referent(&self, at: usize) -> Option<(PersonId, String)> {
        if let Some((id, doc_at)) = self.last_document
            && doc_at < at
            && self.body[doc_at..at].matches('\n').count() <= 8
        {
            let name = &self.table.people[id].name;
            return Some((id, format!("“it” → the statement issued by {name}")));
        }
        let scores = self.salience(at, 6);
        let (id, _) = scores
            .iter()
            .filter(|(id, _)| self.table.people[**id].kind == SpeakerKind::Institution)
            .max_by(|a, b| a.1.0.total_cmp(&b.1.0).then(a.1.1.cmp(&b.1.1)))?;
        Some((
            *id,
            format!(
                "“it” → {}, the institution most in view",
                self.table.people[*id].name
            ),
        ))
    }

    /// Whom a description ("the Qatari spokesman", "China’s foreign
    /// minister", "the diplomat") at `at` refers to, with the evidence.
    /// `definite` is false for "a spokesperson for …", which must then fit by
    /// country or organisation as well as by role.
    pub(super) fn description_referent(
        &self,
        words: &[&str],
        at: usize,
        definite: bool,
    ) -> Option<(PersonId, String)> {
        let class = head_class(words)?;
        let m = modifiers(words);
        let phrase = words.join(" ");
        let candidates: Vec<(PersonId, Option<bool>)> = (0..self.table.people.len())
            // An unnamed source may be described again ("the official"),
            // but an indefinite description is never an unnamed source
            // met before ("an official" is someone new).
            .filter(|&id| definite || !self.table.people[id].anonymous)
            .filter(|&id| fits_class(&self.table.people[id], class))
            .filter_map(|id| match fits_modifiers(&self.table.people[id], &m) {
                Some(false) => None,
                fits => Some((id, fits)),
            })
            // "A spokesperson for Ukraine's foreign ministry" is the one the
            // article names, if any (an office with one holder); "an Israeli
            // official" is anyone.
            .filter(|(_, fits)| {
                definite
                    || (*fits == Some(true)
                        && class == RoleClass::Spokesperson
                        && (m.country.is_some() || !m.organization.is_empty()))
            })
            .collect();
        if candidates.is_empty() {
            return None;
        }
        let scores = self.salience(at, 40);
        let score = |id: PersonId, fits: Option<bool>| {
            let s = scores.get(&id).map_or(0.0, |s| s.0);
            if fits == Some(true) { s * 1.5 + 1.0 } else { s }
        };
        let best = candidates
            .iter()
            .copied()
            .max_by(|a, b| score(a.0, a.1).total_cmp(&score(b.0, b.1)))?;
        if score(best.0, best.1) > 0.0 {
            let name = &self.table.people[best.0].name;
            return Some((
                best.0,
                format!("“{phrase}” → {name}, the one the article describes so"),
            ));
        }
        // Named only later: a lead that describes before it names.
        let later = candidates
            .iter()
            .filter_map(|&(id, _)| {
                let first = self.mentions.iter().find(|mm| mm.id == id && mm.at > at)?;
                Some((first.at, id))
            })
            .min()?;
        let name = &self.table.people[later.1].name;
        Some((
            later.1,
            format!(
                "“{phrase}” → {name}, named so in paragraph {}",
                self.paragraph_of(later.0)
            ),
        ))
    }
}
