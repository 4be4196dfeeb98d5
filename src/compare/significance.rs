//! Which changes matter to a reader of diplomatic language: a negation
//! added or dropped, a shift in modality ("will" → "would"), in intensity
//! ("concerned" → "deeply concerned"), or in stance ("support" → "welcome").

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Negation,
    Stance,
    Modality,
    Intensity,
}

impl Category {
    /// How much a change of this category usually matters, highest first:
    /// a negation reverses a line, a stance verb changes it, modality and
    /// intensity shade it.
    pub fn weight(self) -> u8 {
        match self {
            Category::Negation => 4,
            Category::Stance => 3,
            Category::Modality => 2,
            Category::Intensity => 1,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Negation => "negation",
            Category::Stance => "stance",
            Category::Modality => "modality",
            Category::Intensity => "intensity",
        }
    }
}

/// Changed stretches longer than this many words are not marked significant.
pub const MAX_WORDS: usize = 5;

/// The category of one word, if it has one.
pub fn category(word: &str) -> Option<Category> {
    let w = word.to_lowercase().replace('’', "'");
    let w = w.as_str();
    if matches!(
        w,
        "not"
            | "never"
            | "no"
            | "nor"
            | "neither"
            | "none"
            | "nothing"
            | "cannot"
            | "n't"
            | "without"
    ) || w.ends_with("n't")
    {
        return Some(Category::Negation);
    }
    if matches!(
        w,
        "will"
            | "would"
            | "may"
            | "might"
            | "must"
            | "should"
            | "can"
            | "could"
            | "shall"
            | "ought"
            | "'ll"
            | "'d"
    ) {
        return Some(Category::Modality);
    }
    if matches!(
        w,
        "deeply"
            | "strongly"
            | "very"
            | "gravely"
            | "fully"
            | "extremely"
            | "seriously"
            | "firmly"
            | "highly"
            | "greatly"
            | "absolutely"
            | "totally"
            | "profoundly"
            | "utterly"
            | "completely"
            | "particularly"
            | "increasingly"
            | "unequivocally"
            | "categorically"
            | "resolutely"
            | "vigorously"
            | "most"
            | "really"
    ) {
        return Some(Category::Intensity);
    }
    const STANCE: &[&str] = &[
        "condemn",
        "support",
        "welcom",
        "reject",
        "urg",
        "regret",
        "oppos",
        "denounc",
        "deplor",
        "endors",
        "prais",
        "criticis",
        "criticiz",
        "applaud",
        "demand",
        "warn",
        "insist",
        "protest",
        "appreciat",
    ];
    const ENDINGS: &[&str] = &["", "e", "s", "es", "ed", "ing", "ation", "ations"];
    STANCE
        .iter()
        .any(|stem| {
            w.strip_prefix(stem)
                .is_some_and(|rest| ENDINGS.contains(&rest))
        })
        .then_some(Category::Stance)
}

/// The strongest category among the words of a changed stretch of text
/// ("call for" counts as stance; "call" alone does not).
pub fn strongest(text: &str) -> Option<Category> {
    let words = super::tokens::words(text);
    let calls_for = words
        .windows(2)
        .any(|w| matches!(w[0].as_str(), "call" | "calls" | "called" | "calling") && w[1] == "for");
    words
        .iter()
        .filter_map(|w| category(w))
        .chain(calls_for.then_some(Category::Stance))
        .max_by_key(|c| c.weight())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories() {
        assert_eq!(category("not"), Some(Category::Negation));
        assert_eq!(category("won’t"), Some(Category::Negation));
        assert_eq!(category("Would"), Some(Category::Modality));
        assert_eq!(category("deeply"), Some(Category::Intensity));
        assert_eq!(category("condemns"), Some(Category::Stance));
        assert_eq!(category("welcomed"), Some(Category::Stance));
        assert_eq!(category("urges"), Some(Category::Stance));
        assert_eq!(
            category("callous"),
            None,
            "a stem must not swallow other words"
        );
        assert_eq!(category("talks"), None);
        assert_eq!(strongest("we do not support"), Some(Category::Negation));
        assert_eq!(strongest("called for"), Some(Category::Stance));
        assert_eq!(strongest("a phone call"), None);
    }
}
