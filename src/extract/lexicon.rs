//! Word lists the extractor consults, compiled from `assets/lexicon/` by
//! build.rs (which validates them), plus the small closed classes that are
//! grammar rather than data.

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

fn sorted_contains(list: &[&str], word: &str) -> bool {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        let lower = word.to_ascii_lowercase();
        list.binary_search(&lower.as_str()).is_ok()
    } else {
        list.binary_search(&word).is_ok()
    }
}

/// The lemma of a speech-verb form ("told" → "tell"), any case.
pub fn speech_verb(word: &str) -> Option<&'static str> {
    let lower = word.to_ascii_lowercase();
    SPEECH_VERBS
        .binary_search_by(|(form, _)| form.cmp(&lower.as_str()))
        .ok()
        .map(|i| SPEECH_VERBS[i].1)
}

/// Speech verbs whose plain form may also be a noun or adjective in a name
/// phrase ("State", "Note", "Report"): only lowercase occurrences count.
pub fn is_speech_verb(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase) && speech_verb(word).is_some()
}

pub fn is_role_head(word: &str) -> bool {
    sorted_contains(ROLE_HEADS, word.trim_end_matches('.'))
}

pub fn is_org_head(word: &str) -> bool {
    sorted_contains(ORG_HEADS, word)
}

pub fn is_honorific(word: &str) -> bool {
    sorted_contains(HONORIFICS, word.trim_end_matches('.'))
}

/// Words between a subject and its speech verb that do not change who spoke:
/// "Miller *had* said", "Kirby *also* told reporters".
pub fn is_auxiliary(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "had"
            | "has"
            | "have"
            | "also"
            | "later"
            | "then"
            | "again"
            | "further"
            | "once"
            | "previously"
            | "reportedly"
            | "separately"
            | "earlier"
            | "recently"
            | "repeatedly"
            | "would"
            | "will"
            | "did"
            | "was"
            | "is"
            | "were"
            | "are"
            | "being"
            | "been"
            | "quickly"
            | "simply"
            | "flatly"
            | "firmly"
            | "publicly"
            | "privately"
            | "bluntly"
            | "sharply"
            | "strongly"
    )
}

/// Personal pronouns that refer back to a person already named.
pub fn is_person_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "He" | "She")
}

/// Words that start or sit inside a name phrase without being capitalised.
pub fn is_name_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "for"
            | "the"
            | "and"
            | "on"
            | "de"
            | "al"
            | "bin"
            | "van"
            | "von"
            | "der"
            | "da"
            | "du"
            | "el"
    )
}

/// Collective subjects that speak as an institution ("the United States has
/// said", "Washington said"). Values are the canonical name.
pub fn institution_alias(phrase: &str) -> Option<&'static str> {
    Some(
        match phrase.trim_start_matches("the ").trim_start_matches("The ") {
            "United States"
            | "US"
            | "U.S."
            | "Washington"
            | "American government"
            | "US government"
            | "U.S. government" => "United States",
            "Pakistan" | "Islamabad" | "Pakistani government" => "Pakistan",
            "India" | "New Delhi" | "Indian government" => "India",
            "China" | "Beijing" | "Chinese government" => "China",
            "Russia" | "Moscow" | "Kremlin" | "Russian government" => "Russia",
            "Ukraine" | "Kyiv" | "Ukrainian government" => "Ukraine",
            "Iran" | "Tehran" | "Iranian government" => "Iran",
            "Israel" | "Israeli government" => "Israel",
            "Afghanistan" | "Kabul" | "Taliban" | "Taliban government" => "Afghanistan",
            "United Kingdom" | "UK" | "Britain" | "London" | "British government" => {
                "United Kingdom"
            }
            "European Union" | "EU" | "Brussels" => "European Union",
            "United Nations" | "UN" | "U.N." => "United Nations",
            "White House" => "White House",
            "State Department" | "US State Department" | "U.S. State Department" => {
                "US State Department"
            }
            "Pentagon" => "Pentagon",
            _ => return None,
        },
    )
}

/// Nouns that stand for a journalist: their quoted words are questions, not
/// statements of the official who answers.
pub fn is_journalist_noun(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "journalist"
            | "journalists"
            | "reporter"
            | "reporters"
            | "correspondent"
            | "correspondents"
            | "questioner"
            | "interviewer"
            | "anchor"
            | "host"
            | "moderator"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_lookups() {
        assert_eq!(speech_verb("told"), Some("tell"));
        assert_eq!(speech_verb("Said"), Some("say"));
        assert!(is_speech_verb("reiterated"));
        assert!(!is_speech_verb("State"));
        assert!(is_role_head("Spokesperson") && is_role_head("advisor"));
        assert!(is_org_head("Ministry") && !is_org_head("Kirby"));
        assert!(is_honorific("Adm.") && is_honorific("Mr"));
        assert!(SPEECH_VERBS.len() > 200);
        assert_eq!(
            institution_alias("the United States"),
            Some("United States")
        );
        assert_eq!(institution_alias("Islamabad"), Some("Pakistan"));
    }
}
