//! Word lists the extractor consults, compiled from `assets/lexicon/` by
//! build.rs (which validates them), plus the small closed classes that are
//! grammar rather than data.

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

/// Lexicon words are short lowercase ASCII; lookups lowercase into a stack
/// buffer (the extractor asks for every word of every article, so no
/// allocation here). build.rs refuses longer lexicon entries.
const LONGEST_ENTRY: usize = 24;

fn lowercase_ascii<'b>(word: &str, buffer: &'b mut [u8; LONGEST_ENTRY]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > LONGEST_ENTRY || !word.is_ascii() {
        return None;
    }
    let out = &mut buffer[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

fn sorted_contains(list: &[&str], word: &str) -> bool {
    let mut buffer = [0; LONGEST_ENTRY];
    lowercase_ascii(word, &mut buffer).is_some_and(|w| list.binary_search(&w).is_ok())
}

/// Word classes, as bits: what the extractor needs to know about a word,
/// computed once per word by [`classify`] when the text is tokenized.
pub mod class {
    /// A lowercase speech-verb form ("said", "told").
    pub const VERB: u16 = 1;
    /// Ends a job title ("spokesperson", "Advisor").
    pub const ROLE: u16 = 2;
    /// Ends an institution's name ("Ministry", "House").
    pub const ORG: u16 = 4;
    /// A form of address or rank ("Mr.", "Adm.").
    pub const HONORIFIC: u16 = 8;
    /// Between a subject and its verb without changing who spoke ("had", "also").
    pub const AUXILIARY: u16 = 16;
    /// "he", "she".
    pub const PRONOUN: u16 = 32;
    /// Inside name phrases ("of", "the", "al").
    pub const CONNECTOR: u16 = 64;
    /// A journalist ("reporter", "correspondent").
    pub const JOURNALIST: u16 = 128;
}

/// The classes of one word (see [`class`]).
pub fn classify(word: &str) -> u16 {
    let mut buffer = [0; LONGEST_ENTRY];
    let Some(lower) = lowercase_ascii(word, &mut buffer) else {
        return 0;
    };
    let mut bits = 0;
    let trimmed = lower.trim_end_matches('.');
    if let Ok(i) = WORD_CLASSES.binary_search_by(|(w, _)| w.cmp(&trimmed)) {
        let found = u16::from(WORD_CLASSES[i].1);
        // Speech verbs count only in lowercase ("State Department" is no verb)
        // and without a full stop ("Sen." is not "sen").
        let verb_ok =
            word.starts_with(|c: char| c.is_ascii_lowercase()) && trimmed.len() == lower.len();
        bits |= if verb_ok { found } else { found & !class::VERB };
    }
    if is_auxiliary(lower) {
        bits |= class::AUXILIARY;
    }
    if is_person_pronoun(word) {
        bits |= class::PRONOUN;
    }
    if is_name_connector(word) {
        bits |= class::CONNECTOR;
    }
    if is_journalist_noun(lower) {
        bits |= class::JOURNALIST;
    }
    bits
}

/// The lemma of a speech-verb form ("told" → "tell"), any case.
pub fn speech_verb(word: &str) -> Option<&'static str> {
    let mut buffer = [0; LONGEST_ENTRY];
    let lower = lowercase_ascii(word, &mut buffer)?;
    SPEECH_VERBS
        .binary_search_by(|(form, _)| form.cmp(&lower))
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
    let mut buffer = [0; LONGEST_ENTRY];
    matches!(
        lowercase_ascii(word, &mut buffer).unwrap_or(""),
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
    let mut buffer = [0; LONGEST_ENTRY];
    matches!(
        lowercase_ascii(word, &mut buffer).unwrap_or(""),
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
