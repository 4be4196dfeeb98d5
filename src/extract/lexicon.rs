//! Word lists the extractor consults, compiled from `assets/lexicon/` by
//! build.rs (which validates them), plus the small closed classes that are
//! grammar rather than data.

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

/// Lexicon words are short lowercase ASCII; lookups lowercase into a stack
/// buffer (the extractor asks for every word of every article, so no
/// allocation here). build.rs refuses longer lexicon entries.
const LONGEST_ENTRY: usize = 24;

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
    /// Shape, set by the tokenizer: capitalised, or a name behind a
    /// lowercase particle ("al-Ansari").
    pub const CAPITALISED: u16 = 256;
    /// Shape, set by the tokenizer: a capitalised word that can be part of
    /// a person's name (not a title, a verb, a month or "The").
    pub const NAME_WORD: u16 = 512;
}

/// The classes of one word (see [`class`]).
pub fn classify(word: &str) -> u16 {
    classify_word(word, word.as_bytes().contains(&b'-'))
}

/// [`classify`] for a caller that knows whether `word` has a hyphen (the
/// tokenizer does): this runs on every word of every article, so the common
/// case — a word that is no lexicon word — is one table load and a bit test.
#[inline]
pub fn classify_word(word: &str, has_hyphen: bool) -> u16 {
    if has_hyphen {
        return classify_compound(word);
    }
    let bytes = word.as_bytes();
    let Some(&first) = bytes.first() else {
        return 0;
    };
    // ASCII letters only: `| 0x20` lowercases them and maps nothing else
    // into a–z.
    let initial = first | 0x20;
    // "Adm." and "U.S." are looked up without their final full stop.
    let stem_len = bytes.len() - usize::from(bytes.len() > 1 && bytes[bytes.len() - 1] == b'.');
    if !initial.is_ascii_lowercase() || stem_len > LONGEST_ENTRY {
        return 0;
    }
    let (start, end, last_letters) = BUCKETS[(initial - b'a') as usize][stem_len];
    // Most words share no (initial, length, last letter) with a lexicon word.
    if last_letters & last_letter_bit(bytes[stem_len - 1].to_ascii_lowercase()) == 0 {
        return 0;
    }
    let (start, end) = (usize::from(start), usize::from(end));
    let stem = &bytes[..stem_len];
    let found = if stem_len <= 8 {
        // Most words are short: compared as one integer with each of the
        // bucket's words, packed the same way once.
        let key = packed_lowercase(stem);
        let Some(i) = WORD_KEYS[start..end].iter().position(|&k| k == key) else {
            return 0;
        };
        WORD_CLASSES[start + i].1
    } else {
        // The bucket's words are lowercase and sorted: the stem, lowercased
        // once, is found by bisection.
        let mut buffer = [0u8; LONGEST_ENTRY];
        let lower = &mut buffer[..stem_len];
        lower.copy_from_slice(stem);
        lower.make_ascii_lowercase();
        let bucket = &WORD_CLASSES[start..end];
        let Ok(i) = bucket.binary_search_by(|(w, _)| w.as_bytes().cmp(lower)) else {
            return 0;
        };
        bucket[i].1
    };
    // Verbs and connectors count only in lowercase ("State Department" has
    // no verb, "Of" starts no name) and without a full stop.
    let lowercase_only = class::VERB | class::CONNECTOR;
    if initial == first && stem_len == bytes.len() {
        found
    } else {
        found & !lowercase_only
    }
}

/// Up to eight bytes of a word, lowercased, in one integer: equal for two
/// words of the same length exactly when their lowercase forms are.
fn packed_lowercase(bytes: &[u8]) -> u64 {
    bytes.iter().take(8).enumerate().fold(0, |key, (i, b)| {
        key | u64::from(b.to_ascii_lowercase()) << (8 * i)
    })
}

/// [`packed_lowercase`] of each of `WORD_CLASSES`, in its order.
static WORD_KEYS: std::sync::LazyLock<Vec<u64>> = std::sync::LazyLock::new(|| {
    WORD_CLASSES
        .iter()
        .map(|(word, _)| packed_lowercase(word.as_bytes()))
        .collect()
});

/// "Secretary-General", "Vice-President": the last part decides (as a role
/// or an organisation only).
#[cold]
fn classify_compound(word: &str) -> u16 {
    let bytes = word.as_bytes();
    match bytes.iter().rposition(|&b| b == b'-') {
        Some(dash) if dash > 0 && dash + 1 < word.len() => {
            classify(&word[dash + 1..]) & (class::ROLE | class::ORG)
        }
        // A leading or trailing hyphen: the word as it stands.
        _ => classify_word(word, false),
    }
}

include!("last_letter_bit.rs");

/// For each initial a–z, a bit per length of the speech-verb forms.
static SPEECH_VERB_LENGTHS: std::sync::LazyLock<[u64; 26]> = std::sync::LazyLock::new(|| {
    let mut lengths = [0u64; 26];
    for (form, _) in SPEECH_VERBS {
        let initial = usize::from(form.as_bytes()[0] - b'a');
        lengths[initial] |= 1 << form.len().min(63);
    }
    lengths
});

/// Whether `word` has any of the `classes` bits.
pub fn is(word: &str, classes: u16) -> bool {
    classify(word) & classes != 0
}

/// The lemma of a speech-verb form ("told" → "tell"), any case.
pub fn speech_verb(word: &str) -> Option<&'static str> {
    // Asked of most words of a sentence without a quotation: the lengths of
    // the forms under each initial answer "no" for most of them.
    let initial = usize::from(
        word.as_bytes()
            .first()?
            .to_ascii_lowercase()
            .wrapping_sub(b'a'),
    );
    if SPEECH_VERB_LENGTHS.get(initial)? & (1 << word.len().min(63)) == 0 {
        return None;
    }
    // The forms are ASCII: another script is no form of them.
    if !word.is_ascii() {
        return None;
    }
    crate::names::with_lowercase(word, |lower| {
        SPEECH_VERBS
            .binary_search_by(|(form, _)| (*form).cmp(lower))
            .ok()
            .map(|i| SPEECH_VERBS[i].1)
    })
}

/// Speech verbs whose plain form may also be a noun or adjective in a name
/// phrase ("State", "Note", "Report"): only lowercase occurrences count.
pub fn is_speech_verb(word: &str) -> bool {
    is(word, class::VERB)
}

pub fn is_role_head(word: &str) -> bool {
    is(word, class::ROLE)
}

pub fn is_org_head(word: &str) -> bool {
    is(word, class::ORG)
}

pub fn is_honorific(word: &str) -> bool {
    is(word, class::HONORIFIC)
}

pub fn is_auxiliary(word: &str) -> bool {
    is(word, class::AUXILIARY)
}

/// Personal pronouns that refer back to a person already named.
pub fn is_person_pronoun(word: &str) -> bool {
    is(word, class::PRONOUN)
}

/// Words that sit inside a name phrase without being capitalised.
pub fn is_name_connector(word: &str) -> bool {
    is(word, class::CONNECTOR)
}

/// Nationality adjectives: "Russian" alone names nobody ("Russian state media").
pub fn is_demonym(word: &str) -> bool {
    matches!(
        word,
        "American"
            | "Russian"
            | "Chinese"
            | "Pakistani"
            | "Indian"
            | "Afghan"
            | "Iranian"
            | "Israeli"
            | "Palestinian"
            | "Ukrainian"
            | "British"
            | "French"
            | "German"
            | "European"
            | "Japanese"
            | "Turkish"
            | "Saudi"
            | "Egyptian"
            | "Qatari"
            | "Syrian"
            | "Iraqi"
            | "Korean"
            | "Western"
            | "Arab"
            | "Bangladeshi"
            | "Sri"
            | "Nepali"
    )
}

/// Nouns that stand for a journalist: their quoted words are questions, not
/// statements of the official who answers.
pub fn is_journalist_noun(word: &str) -> bool {
    is(word, class::JOURNALIST)
}

/// Bodies that speak under one name ("the Kremlin said", "Hamas said in a
/// statement", "…: FO"), with the name they speak under (data in
/// `assets/lexicon/institutions.tsv`). Countries and capitals are places:
/// they speak as their government (see `crate::names::place`).
pub fn institution_alias(phrase: &str) -> Option<&'static str> {
    crate::names::institution(phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_word_is_found_in_any_case() {
        for &(word, bits) in WORD_CLASSES {
            assert_eq!(classify(word), bits, "{word}");
            let capitalised = format!("{}{}", word[..1].to_ascii_uppercase(), &word[1..]);
            let verbs_and_connectors = class::VERB | class::CONNECTOR;
            assert_eq!(
                classify(&capitalised),
                bits & !verbs_and_connectors,
                "{capitalised}"
            );
            assert_eq!(
                classify(&word.to_ascii_uppercase()),
                bits & !verbs_and_connectors
            );
        }
        // Near misses: the bucket of "said" with another last letter, and
        // the same last letter but another word.
        assert_ne!(classify("said"), 0);
        assert_eq!(classify("sail"), 0);
        assert_eq!(classify("seid"), 0);
    }

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
        // The length filter before the search loses no form, in any case.
        for (form, lemma) in SPEECH_VERBS {
            assert_eq!(speech_verb(form), Some(*lemma), "{form}");
            assert_eq!(speech_verb(&form.to_uppercase()), Some(*lemma), "{form}");
        }
        assert_eq!(institution_alias("the UN"), Some("United Nations"));
        assert_eq!(institution_alias("Kirby"), None);
    }
}
