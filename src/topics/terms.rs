//! Key terms: what a statement is about, normalised so that the ways
//! diplomats name the same thing meet — case, plurals and verb endings,
//! stop words, and metonymy ("Islamabad", "Pakistani" → pakistan;
//! "Washington", "U.S." → united states).

use crate::compare::tokens::plain_typography;
use unicode_segmentation::UnicodeSegmentation;

const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "let",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "says",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us_pronoun",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "told",
    "added",
    "well",
    "look",
    "think",
    "going",
    "get",
    "got",
    "make",
    "made",
    "way",
    "lot",
    "thing",
    "things",
    "want",
    "know",
    "today",
    "yesterday",
    "week",
    "year",
    "years",
    "time",
    "day",
    "days",
    "mr",
    "ms",
    "mrs",
    "thank",
    "thanks",
    "yes",
    "question",
    "questions",
    "ahead",
    "many",
    "still",
    "continue",
    "continues",
    "remain",
    "remains",
    "clear",
    "go",
    "see",
    "said",
    "saying",
    "tell",
    "noted",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "briefing",
    "statement",
    "official",
    "officials",
    "people",
    "also",
    "already",
    "around",
    "across",
    "including",
    "within",
    "without",
    "whether",
    "though",
    "good",
    "afternoon",
    "morning",
    "evening",
    "everyone",
    "everybody",
    "right",
    "okay",
    "sir",
    "madam",
    "please",
];

/// Multi-word names read as one term.
const COMPOUNDS: &[(&str, &str, &str)] = &[
    ("united", "states", "united states"),
    ("united", "nations", "united nations"),
    ("united", "kingdom", "united kingdom"),
    ("new", "delhi", "india"),
    ("white", "house", "white house"),
    ("state", "department", "state department"),
    ("security", "council", "security council"),
    ("european", "union", "european union"),
    ("tel", "aviv", "israel"),
    ("west", "bank", "west bank"),
    ("saudi", "arabia", "saudi arabia"),
    ("north", "korea", "north korea"),
    ("south", "korea", "south korea"),
    ("human", "rights", "human rights"),
    ("export", "controls", "export control"),
    ("supply", "chains", "supply chain"),
];

/// Capitals, demonyms and other stand-ins → the country or body meant.
fn metonym(word: &str) -> Option<&'static str> {
    Some(match word {
        "islamabad" | "pakistani" | "pakistanis" | "pakistan's" => "pakistan",
        "kabul" | "afghan" | "afghans" | "afghanistan's" => "afghanistan",
        "washington" | "u.s." | "u.s" | "us" | "usa" | "american" | "americans" | "america" => {
            "united states"
        }
        "beijing" | "chinese" | "china's" => "china",
        "moscow" | "kremlin" | "russian" | "russians" | "russia's" => "russia",
        "delhi" | "indian" | "indians" | "india's" => "india",
        "kyiv" | "kiev" | "ukrainian" | "ukrainians" | "ukraine's" => "ukraine",
        "tehran" | "iranian" | "iranians" | "iran's" => "iran",
        "israeli" | "israelis" | "jerusalem" | "israel's" => "israel",
        "gazan" | "gazans" => "gaza",
        "brussels" | "eu" => "european union",
        "london" | "british" | "britain" | "uk" => "united kingdom",
        "paris" | "french" => "france",
        "berlin" | "german" | "germans" => "germany",
        "tokyo" | "japanese" => "japan",
        "ankara" | "turkish" | "türkiye" => "turkey",
        "riyadh" | "saudi" => "saudi arabia",
        "cairo" | "egyptian" => "egypt",
        "doha" | "qatari" => "qatar",
        "damascus" | "syrian" => "syria",
        "baghdad" | "iraqi" => "iraq",
        "pyongyang" => "north korea",
        "seoul" => "south korea",
        "taipei" | "taiwanese" => "taiwan",
        "dhaka" | "bangladeshi" => "bangladesh",
        "un" | "u.n." | "u.n" => "united nations",
        "ttp" | "tehreek-e-taliban" => "ttp",
        _ => return None,
    })
}

/// Countries and bodies that are topics wherever they stand in a sentence.
fn is_place(word: &str) -> bool {
    matches!(
        word,
        "pakistan"
            | "afghanistan"
            | "china"
            | "russia"
            | "india"
            | "ukraine"
            | "iran"
            | "israel"
            | "gaza"
            | "france"
            | "germany"
            | "japan"
            | "turkey"
            | "egypt"
            | "qatar"
            | "syria"
            | "iraq"
            | "taiwan"
            | "bangladesh"
            | "sudan"
            | "lebanon"
            | "yemen"
            | "nato"
            | "ttp"
            | "taliban"
            | "hamas"
            | "hezbollah"
            | "crimea"
            | "darfur"
    )
}

/// A light English stemmer: plural and verb endings, so that "attacks",
/// "attacked" and "attacking" meet at "attack".
pub fn stem(word: &str) -> String {
    let w = word;
    let strip =
        |suffix: &str, min: usize| w.strip_suffix(suffix).filter(|s| s.chars().count() >= min);
    if let Some(s) = strip("ies", 3) {
        return format!("{s}y");
    }
    if let Some(s) = strip("ing", 4) {
        return undouble(s);
    }
    if let Some(s) = strip("ed", 4) {
        return undouble(s);
    }
    if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return w.to_string();
    }
    if let Some(s) =
        strip("es", 4).filter(|s| s.ends_with("sh") || s.ends_with("ch") || s.ends_with('x'))
    {
        return s.to_string();
    }
    if let Some(s) = strip("s", 3) {
        return s.to_string();
    }
    w.to_string()
}

fn undouble(s: &str) -> String {
    let b = s.as_bytes();
    if b.len() >= 2
        && b[b.len() - 1] == b[b.len() - 2]
        && !matches!(b[b.len() - 1], b'l' | b's' | b'z')
    {
        s[..s.len() - 1].to_string()
    } else {
        s.to_string()
    }
}

/// The normalised content terms of a text, in order (repeats kept).
pub fn terms(text: &str) -> Vec<String> {
    let words: Vec<String> = text
        .unicode_words()
        .map(|w| {
            // "US" is the country, "us" a pronoun.
            if w == "us" {
                return "us_pronoun".to_string();
            }
            let w = plain_typography(w).to_lowercase();
            w.strip_suffix("'s").map(str::to_string).unwrap_or(w)
        })
        .collect();
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if let Some(next) = words.get(i + 1)
            && let Some((_, _, compound)) = COMPOUNDS
                .iter()
                .find(|(x, y, _)| *x == words[i] && y == next)
        {
            out.push(compound.to_string());
            i += 2;
            continue;
        }
        let w = &words[i];
        i += 1;
        if let Some(m) = metonym(w) {
            out.push(m.to_string());
        } else if w.chars().count() > 2
            && !STOPWORDS.contains(&w.as_str())
            && !w.chars().all(|c| c.is_ascii_digit())
        {
            out.push(stem(w));
        }
    }
    out
}

/// Terms that can name a topic: places, institutions and other proper
/// names (capitalised where they are not the first word of a sentence, or
/// known stand-ins such as "Islamabad"), and pairs of adjacent content words
/// ("regional security", "humanitarian access").
pub fn topic_terms(text: &str) -> Vec<String> {
    // (normalised word, capitalised mid-sentence) — None for a phrase break
    let mut words: Vec<Option<(String, bool)>> = Vec::new();
    let mut sentence_start = true;
    for w in text.split_word_bounds() {
        if w.chars().all(char::is_whitespace) {
            continue;
        }
        if !w.chars().any(char::is_alphanumeric) {
            if !matches!(w, "-" | "’" | "'") {
                words.push(None);
            }
            sentence_start = matches!(w, "." | "!" | "?" | ":" | "“" | "\"")
                || (sentence_start && !w.is_empty());
            continue;
        }
        let lower = plain_typography(w).to_lowercase();
        let lower = lower
            .strip_suffix("'s")
            .map(str::to_string)
            .unwrap_or(lower);
        let proper = w.chars().next().is_some_and(char::is_uppercase) && !sentence_start;
        words.push(Some((lower, proper)));
        sentence_start = false;
    }
    let mut out = Vec::new();
    let mut previous: Option<String> = None;
    let mut k = 0;
    while k < words.len() {
        let Some((lower, proper)) = words[k].clone() else {
            previous = None;
            k += 1;
            continue;
        };
        // "United States", "New Delhi", "regional security" written as one name
        let compound = words.get(k + 1).cloned().flatten().and_then(|(next, _)| {
            COMPOUNDS
                .iter()
                .find(|(x, y, _)| *x == lower && *y == next)
                .map(|(_, _, c)| c.to_string())
        });
        if let Some(c) = compound {
            out.push(c);
            previous = None;
            k += 2;
            continue;
        }
        let place = metonym(&lower)
            .map(str::to_string)
            .or_else(|| is_place(&lower).then(|| lower.clone()));
        let entity = place.clone().or_else(|| {
            (proper && lower.chars().count() > 2 && !STOPWORDS.contains(&lower.as_str()))
                .then(|| lower.clone())
        });
        // Pairs keep their words as written ("shared interest"), places aside.
        let content =
            (lower.chars().count() > 3 && !STOPWORDS.contains(&lower.as_str()) && place.is_none())
                .then(|| lower.clone());
        if let Some(e) = entity {
            out.push(e);
        }
        if let (Some(p), Some(c)) = (&previous, &content) {
            out.push(format!("{p} {c}"));
        }
        previous = content;
        k += 1;
    }
    out
}

/// Normalised terms of a topic query: its words, ignoring FTS5 operators.
pub fn query_terms(query: &str) -> Vec<String> {
    let cleaned: String = query
        .chars()
        .map(|c| {
            if c == '"' || c == '*' || c == '(' || c == ')' {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = cleaned
        .split_whitespace()
        .filter(|w| !matches!(*w, "AND" | "OR" | "NOT" | "NEAR"))
        .collect();
    let mut out = terms(&words.join(" "));
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metonymy_plurals_and_stop_words() {
        assert_eq!(
            terms("Islamabad and the Pakistani people"),
            ["pakistan", "pakistan"]
        );
        assert_eq!(
            terms("Washington, the U.S. and the United States"),
            ["united states", "united states", "united states"]
        );
        assert_eq!(
            terms("attacks attacked attacking"),
            ["attack", "attack", "attack"]
        );
        assert_eq!(
            terms("The Kremlin said talks in Kyiv"),
            ["russia", "talk", "ukraine"]
        );
        assert_eq!(terms("New Delhi’s position"), ["india", "position"]);
        assert_eq!(terms("Tell us about the US"), ["united states"]);
        assert_eq!(stem("policies"), "policy");
        assert_eq!(stem("process"), "process");
        assert_eq!(
            query_terms("\"regional security\" OR Islamabad"),
            ["regional", "security", "pakistan"]
        );
    }
}
