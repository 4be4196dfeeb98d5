//! Sentence boundaries in prose, with byte ranges.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quote marks or
//! brackets after it) followed by whitespace and the start of a new
//! sentence, or at a paragraph break. Abbreviations ("U.S.", "Mr.",
//! "Adm.", "No. 10"), initials ("John F. Kennedy") and decimals ("3.5") do
//! not end sentences.

use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "adm", "gen", "lt", "col", "capt", "sen", "rep", "gov", "amb", "prof",
    "st", "jr", "sr", "no", "nos", "vol", "vs", "e.g", "i.e", "etc", "jan", "feb", "mar", "apr",
    "aug", "sept", "sep", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "dept", "fig", "approx",
    "lt.col", "gen", "maj", "sgt", "rev", "hon", "art", "para",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    let lower = w.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (w.contains('.') && w.chars().all(|c| c.is_alphabetic() || c == '.')) // U.S, e.g
        || (w.chars().count() == 1 && w.chars().all(char::is_uppercase)) // initials
}

/// Sentence ranges of `text`, trimmed of surrounding whitespace.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let boundary_end = if b == b'\n' && bytes.get(i + 1) == Some(&b'\n') {
            Some(i)
        } else if matches!(b, b'.' | b'!' | b'?') {
            // skip closing quotes and brackets
            let mut j = i + 1;
            while j < bytes.len() {
                let rest = &text[j..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']') {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let followed_by_space = j >= bytes.len() || text[j..].starts_with(char::is_whitespace);
            let next = text[j..].trim_start().chars().next();
            let starts_sentence = next
                .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"'‘«(".contains(c));
            let word_start = text[..i]
                .rfind(|c: char| c.is_whitespace() || "“\"(".contains(c))
                .map_or(0, |p| {
                    p + text[p..].chars().next().map_or(1, char::len_utf8)
                });
            let word = &text[word_start..=i];
            let abbreviation = b == b'.' && is_abbreviation(word) && j < bytes.len();
            // "No. 10": an abbreviation followed by a number never ends a sentence.
            if followed_by_space && starts_sentence && !abbreviation {
                Some(j)
            } else {
                None
            }
        } else {
            None
        };
        if let Some(end) = boundary_end {
            push_trimmed(text, start..end, &mut out);
            start = end;
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Trims whitespace at grapheme boundaries: a space that carries a
/// combining mark is part of the text, not padding.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    use unicode_segmentation::UnicodeSegmentation;
    let slice = &text[range.clone()];
    if slice.is_ascii() {
        let lead = slice.len() - slice.trim_start().len();
        let trail = slice.len() - slice.trim_end().len();
        if lead + trail < slice.len() {
            out.push(range.start + lead..range.end - trail);
        }
        return;
    }
    let blank = |g: &str| g.chars().all(char::is_whitespace);
    let mut graphemes = slice.grapheme_indices(true);
    let Some((lead, _)) = graphemes.find(|(_, g)| !blank(g)) else {
        return;
    };
    let end = slice
        .grapheme_indices(true)
        .rev()
        .find(|(_, g)| !blank(g))
        .map_or(slice.len(), |(i, g)| i + g.len());
    out.push(range.start + lead..range.start + end);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_decimals_and_quotes() {
        assert_eq!(
            sentences(
                "The U.S. will act. Mr. Miller spoke at No. 10 at 3.5 p.m. today. “We are ready.” Then he left!"
            ),
            [
                "The U.S. will act.",
                "Mr. Miller spoke at No. 10 at 3.5 p.m. today.",
                "“We are ready.”",
                "Then he left!"
            ]
        );
        assert_eq!(
            sentences("Adm. John F. Kennedy arrived. Gen. Smith followed."),
            ["Adm. John F. Kennedy arrived.", "Gen. Smith followed."]
        );
        assert_eq!(
            sentences("First paragraph without stop\n\nSecond one."),
            ["First paragraph without stop", "Second one."]
        );
        assert_eq!(sentences("  "), Vec::<&str>::new());
        assert_eq!(sentences("Ends with U.S."), ["Ends with U.S."]);
    }
}
