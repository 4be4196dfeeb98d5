//! Names of people and places as news copy writes them: folding spellings
//! together, and the lexicons that tell a person's name from other
//! capitalised words (compiled from `assets/lexicon/` by build.rs).
//!
//! ```
//! use onrecord::names::{fold, given_name_gender, place};
//! use onrecord::model::Gender;
//! assert_eq!(fold("Stéphane Dujarric"), "stephane dujarric");
//! assert_eq!(fold("Al-Ansari’s"), "al ansari s");
//! assert_eq!(given_name_gender("Mao"), None);
//! assert_eq!(given_name_gender("Karine"), Some(Gender::Female));
//! assert_eq!(place("Islamabad").map(|p| p.country.name), Some("Pakistan"));
//! ```

use crate::model::Gender;
use unicode_normalization::UnicodeNormalization;

include!(concat!(env!("OUT_DIR"), "/names.rs"));

/// A country or territory with its other names.
#[derive(Debug)]
pub struct Country {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub demonyms: &'static [&'static str],
    pub capitals: &'static [&'static str],
}

/// How a place name refers to its country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// The country's name or another name of it ("U.S.").
    Name,
    /// "Chinese", "Qatari".
    Demonym,
    /// The capital or seat of government ("Beijing", "Islamabad").
    Capital,
}

#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub country: &'static Country,
    pub kind: PlaceKind,
}

/// The key names are compared by: lowercase, diacritics removed, every run
/// of characters other than letters and digits one space ("Al-Ansari’s" →
/// "al ansari s").
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Most names are ASCII: no decomposition needed.
    if text.is_ascii() {
        fold_ascii(text, &mut out);
        return out;
    }
    let mut space = true;
    for c in text.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Calls `f` with [`fold`] of `text`, folded on the stack when it is short
/// ASCII: the extractor folds a name for most of its lookups of people.
pub fn with_fold<T>(text: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut folded = arrayvec::ArrayString::<64>::new();
    if !text.is_ascii() || text.len() > folded.capacity() {
        return f(&fold(text));
    }
    fold_ascii(text, &mut folded);
    f(&folded)
}

/// The ASCII case of [`fold`], written to `out`: letters and digits
/// lowercased, each run of anything else one space, none at either end.
/// The folded text is never longer than `text`.
fn fold_ascii(text: &str, out: &mut impl std::fmt::Write) {
    let mut gap = false;
    let mut empty = true;
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            // Writing to a String, or to a stack string as long as `text`,
            // cannot fail.
            if gap && !empty {
                let _ = out.write_char(' ');
            }
            let _ = out.write_char(char::from(b.to_ascii_lowercase()));
            gap = false;
            empty = false;
        } else {
            gap = true;
        }
    }
}

/// One word folded to lowercase ASCII, for the word lexicons; `None` when it
/// does not fold to ASCII letters (another script).
fn fold_word(word: &str) -> Option<String> {
    let folded = fold(word).replace(' ', "-");
    folded
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'-')
        .then_some(folded)
        .filter(|f| !f.is_empty())
}

/// Calls `f` with [`fold_word`]'s key of `word`, without allocating for a
/// short ASCII word: these lookups run for every capitalised word of every
/// article.
fn with_word_key<T>(word: &str, f: impl FnOnce(&str) -> T) -> Option<T> {
    let mut buffer = [0u8; 32];
    if !word.is_ascii() || word.len() > buffer.len() {
        return fold_word(word).map(|key| f(&key));
    }
    // The ASCII case of `fold` with spaces as hyphens: letters lowercased,
    // each run of other characters one hyphen, none at either end; a digit
    // makes no key.
    let mut len = 0;
    let mut gap = false;
    for b in word.bytes() {
        if b.is_ascii_alphabetic() {
            if gap && len > 0 {
                buffer[len] = b'-';
                len += 1;
            }
            buffer[len] = b.to_ascii_lowercase();
            len += 1;
            gap = false;
        } else if b.is_ascii_digit() {
            return None;
        } else {
            gap = true;
        }
    }
    let key = std::str::from_utf8(&buffer[..len]).ok()?;
    (!key.is_empty()).then(|| f(key))
}

/// The gender a given name usually marks ("Karine" → female); `None` for a
/// name that is not in the lexicon or marks either.
pub fn given_name_gender(word: &str) -> Option<Gender> {
    match GIVEN_NAMES[given_name_index(word)?].1 {
        0 => Some(Gender::Male),
        1 => Some(Gender::Female),
        _ => None,
    }
}

/// Whether `word` is a given name in the lexicon (of either gender).
pub fn is_given_name(word: &str) -> bool {
    given_name_index(word).is_some()
}

/// Where `word` stands in `GIVEN_NAMES`, if it is there.
fn given_name_index(word: &str) -> Option<usize> {
    with_word_key(word, |key| {
        GIVEN_NAMES.binary_search_by(|(n, _)| n.cmp(&key)).ok()
    })?
}

/// Whether `word` is a family name that English copy writes first ("Mao" of
/// "Mao Ning", "Kim" of "Kim Jong Un").
pub fn is_family_first(word: &str) -> bool {
    with_word_key(word, |key| FAMILY_FIRST.binary_search(&key).is_ok()) == Some(true)
}

/// Whether a transcript label or a name names a news outlet ("AFP",
/// "Global Times", "Dragon TV").
pub fn is_outlet(name: &str) -> bool {
    with_lowercase(name.trim(), |lower| {
        OUTLETS.binary_search(&lower).is_ok()
            || lower
                .rsplit(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .is_some_and(|last| OUTLET_HEADS.binary_search(&last).is_ok())
    })
}

/// The country a place name, country name or demonym refers to
/// ("Islamabad", "U.S.", "Qatari"); any case, possessive allowed.
pub fn place(text: &str) -> Option<Place> {
    let whole = text.trim();
    // A place's own name may start with "the" or end in "'s" (The Hague,
    // St. George's): the words as they stand first, then without them.
    let bare = whole
        .strip_prefix("the ")
        .or_else(|| whole.strip_prefix("The "))
        .unwrap_or(whole);
    let unpossessed = bare.strip_suffix("’s").or_else(|| bare.strip_suffix("'s"));
    place_form(whole)
        .or_else(|| {
            (bare.len() < whole.len())
                .then(|| place_form(bare))
                .flatten()
        })
        .or_else(|| unpossessed.and_then(place_form))
}

fn place_form(form: &str) -> Option<Place> {
    with_lowercase(form, |lower| {
        if !PLACE_SHAPES.may_hold(lower.as_bytes()) {
            return None;
        }
        let &(country, kind) = PLACE_INDEX.get(lower)?;
        Some(Place {
            country: &COUNTRIES[country as usize],
            kind: match kind {
                0 => PlaceKind::Name,
                1 => PlaceKind::Demonym,
                _ => PlaceKind::Capital,
            },
        })
    })
}

/// Calls `f` with `text` in lowercase, on the stack when it is short ASCII:
/// the lexicon lookups run for most capitalised words of every article.
pub fn with_lowercase<T>(text: &str, f: impl FnOnce(&str) -> T) -> T {
    match arrayvec::ArrayString::<48>::from(text) {
        Ok(mut lower) if text.is_ascii() => {
            lower.make_ascii_lowercase();
            f(&lower)
        }
        _ => f(&text.to_lowercase()),
    }
}

/// `PLACE_NAMES` by form, and the first words of the forms of several
/// words (a phrase is looked up only when its first word starts one).
static PLACE_INDEX: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, (u16, u8)>> =
    std::sync::LazyLock::new(|| PLACE_NAMES.iter().map(|&(f, c, k)| (f, (c, k))).collect());
static PLACE_FIRST_WORDS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        PLACE_NAMES
            .iter()
            .filter_map(|(f, _, _)| f.split_once(' ').map(|(first, _)| first))
            .collect()
    });

/// A filter over the shapes of a set of lowercase words — (first letter,
/// length) → the last letters seen — small enough to stay in the cache:
/// most capitalised words of an article are no place, and telling them
/// so without probing the big hash map (a cache miss each) halved the time
/// the extractor spends finding places (measured).
struct ShapeFilter {
    last_letters: [[u32; 32]; 26],
}

impl ShapeFilter {
    fn of<'a>(words: impl Iterator<Item = &'a str>) -> ShapeFilter {
        let mut filter = ShapeFilter {
            last_letters: [[0; 32]; 26],
        };
        for word in words {
            if let Some((initial, length, last)) = Self::shape(word.as_bytes()) {
                filter.last_letters[initial][length] |= last;
            }
        }
        filter
    }

    /// `None` for words the filter does not index (not starting a–z, or
    /// of 32 bytes or more): those are always looked up.
    fn shape(word: &[u8]) -> Option<(usize, usize, u32)> {
        let (&first, &last) = (word.first()?, word.last()?);
        if !first.is_ascii_lowercase() || word.len() >= 32 {
            return None;
        }
        let bit = if last.is_ascii_lowercase() {
            last - b'a'
        } else {
            26 + last % 6
        };
        Some(((first - b'a') as usize, word.len(), 1 << bit))
    }

    fn may_hold(&self, word: &[u8]) -> bool {
        Self::shape(word)
            .is_none_or(|(initial, length, last)| self.last_letters[initial][length] & last != 0)
    }
}

static PLACE_SHAPES: std::sync::LazyLock<ShapeFilter> =
    std::sync::LazyLock::new(|| ShapeFilter::of(PLACE_NAMES.iter().map(|(f, _, _)| *f)));
static PLACE_FIRST_SHAPES: std::sync::LazyLock<ShapeFilter> =
    std::sync::LazyLock::new(|| ShapeFilter::of(PLACE_FIRST_WORDS.iter().copied()));

/// Whether some place name of several words starts with `word` ("New" of
/// "New Delhi"), any case.
pub fn starts_a_place(word: &str) -> bool {
    with_lowercase(word, |lower| {
        PLACE_FIRST_SHAPES.may_hold(lower.as_bytes()) && PLACE_FIRST_WORDS.contains(lower)
    })
}

/// The body a phrase names when it speaks under one name ("the Kremlin",
/// "Hamas", "NATO", "FO" → "Foreign Office"); an alias in capitals matches
/// only in capitals.
pub fn institution(phrase: &str) -> Option<&'static str> {
    let phrase = phrase.trim();
    let phrase = phrase
        .strip_prefix("the ")
        .or_else(|| phrase.strip_prefix("The "))
        .unwrap_or(phrase);
    let i = with_lowercase(phrase, |lower| {
        INSTITUTIONS
            .binary_search_by(|(form, _, _)| form.cmp(&lower))
            .ok()
    })?;
    let (form, caps, name) = INSTITUTIONS[i];
    (!caps
        || phrase == form.to_uppercase()
        || phrase.chars().all(|c| !c.is_lowercase()) && phrase.to_lowercase() == form)
        .then_some(name)
}

/// The country called `name` exactly (its canonical name).
pub fn country(name: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(crate::proptest_config(512))]
        #[test]
        fn folding_on_the_stack_is_folding(
            text in "[A-Za-z0-9 .,’'é\\-]{0,70}",
        ) {
            proptest::prop_assert_eq!(with_fold(&text, str::to_string), fold(&text));
        }
    }

    #[test]
    fn the_shape_filter_loses_no_place() {
        // The filter before the hash map may only say "maybe": every form
        // of every place is still found, in any case, and so is every
        // first word of a place of several words.
        for &(form, country, _) in PLACE_NAMES {
            let found = place(form).map(|p| p.country.name);
            assert_eq!(found, Some(COUNTRIES[country as usize].name), "{form}");
            assert!(place(&form.to_uppercase()).is_some(), "{form}");
            if let Some((first, _)) = form.split_once(' ') {
                assert!(starts_a_place(first), "{form}");
            }
        }
        assert!(place("Kirby").is_none() && !starts_a_place("Kirby"));
    }

    #[test]
    fn word_keys_without_allocation_are_fold_word_keys() {
        // Every string of up to four characters over letters of both cases,
        // a digit and the separators names contain.
        let alphabet = ['a', 'Z', '1', '-', '.', '\'', ' '];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        words.push("Jean-Pierre".into());
        words.push("O’Brien".into());
        for word in &words {
            assert_eq!(
                with_word_key(word, str::to_string),
                fold_word(word),
                "{word:?}"
            );
        }
    }

    #[test]
    fn folding() {
        assert_eq!(fold("  Stéphane  DUJARRIC "), "stephane dujarric");
        assert_eq!(fold("Recep Tayyip Erdoğan"), "recep tayyip erdogan");
        assert_eq!(fold("Jean-Pierre"), "jean pierre");
        assert_eq!(fold("«»"), "");
    }

    #[test]
    fn lexicons() {
        assert_eq!(given_name_gender("JOHN"), Some(Gender::Male));
        assert_eq!(given_name_gender("Hillary"), Some(Gender::Female));
        assert_eq!(given_name_gender("Gaza"), None);
        assert!(is_given_name("Sergey") && !is_given_name("Strip"));
        assert!(is_family_first("Wang") && !is_family_first("Kirby"));
        assert!(is_outlet("AFP") && is_outlet("Dragon TV") && is_outlet("global times"));
        assert!(!is_outlet("Mao Ning") && !is_outlet("Spokesperson"));
        assert_eq!(place("Beijing").unwrap().kind, PlaceKind::Capital);
        assert_eq!(place("the U.S.").unwrap().country.name, "United States");
        assert_eq!(place("Qatari").unwrap().kind, PlaceKind::Demonym);
        assert_eq!(place("Pakistan’s").unwrap().country.name, "Pakistan");
        assert!(place("Kirby").is_none());
        assert_eq!(institution("the Kremlin"), Some("Kremlin"));
        assert_eq!(institution("FO"), Some("Foreign Office"));
        assert_eq!(institution("WHO"), Some("World Health Organization"));
        assert_eq!(
            institution("who"),
            None,
            "an alias in capitals matches only so"
        );
        assert_eq!(institution("Hamas"), Some("Hamas"));
        assert!(COUNTRIES.len() > 150);
    }
}
