//! Tokens of prose: Unicode words, punctuation marks and runs of whitespace,
//! each with its byte range, and the keys they are compared by.

use super::Options;
use std::borrow::Cow;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct,
    Space,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
    pub kind: Kind,
}

/// Splits `text` (whose first byte is at `base`) by Unicode word boundaries
/// (UAX #29). Abbreviations keep their full stop ("U.S."), so that
/// typography-insensitive comparison can treat "U.S." and "US" alike.
pub fn tokenize(text: &str, base: usize) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok> = Vec::new();
    for (i, segment) in text.split_word_bound_indices() {
        let kind = if segment.chars().any(char::is_alphanumeric) {
            Kind::Word
        } else if segment.chars().all(char::is_whitespace) {
            Kind::Space
        } else {
            Kind::Punct
        };
        // "U.S" + "." → "U.S."
        if segment == "."
            && let Some(last) = out.last_mut()
            && last.kind == Kind::Word
            && last.range.end == base + i
            && last.text.contains('.')
        {
            last.range.end += 1;
            last.text = &text[last.range.start - base..last.range.end - base];
            continue;
        }
        // Runs of punctuation split into single marks ("?!" → "?", "!"), words stay whole.
        if kind == Kind::Punct && segment.chars().count() > 1 {
            for (j, c) in segment.char_indices() {
                let start = base + i + j;
                out.push(Tok {
                    text: &text[i + j..i + j + c.len_utf8()],
                    range: start..start + c.len_utf8(),
                    kind,
                });
            }
            continue;
        }
        out.push(Tok {
            text: segment,
            range: base + i..base + i + segment.len(),
            kind,
        });
    }
    out
}

/// Typographic variants that mean the same: curly and straight quotes,
/// dashes, ellipses, and dotted abbreviations ("U.S." = "US").
pub fn plain_typography(text: &str) -> Cow<'_, str> {
    let needs =
        text.chars().any(|c| {
            matches!(
                c,
                '‘' | '’'
                    | '‚'
                    | '‛'
                    | '“'
                    | '”'
                    | '„'
                    | '‟'
                    | '«'
                    | '»'
                    | '–'
                    | '—'
                    | '‒'
                    | '−'
                    | '…'
            )
        }) || (text.len() <= 8 && text.contains('.') && text.chars().any(char::is_uppercase));
    if !needs {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '‘' | '’' | '‚' | '‛' => out.push('\''),
            '“' | '”' | '„' | '‟' | '«' | '»' => out.push('"'),
            '–' | '—' | '‒' | '−' => out.push('-'),
            '…' => out.push_str("..."),
            c => out.push(c),
        }
    }
    // "U.S." → "US": a short all-caps word with dots between its letters.
    if out.len() <= 8 && out.contains('.') && out.chars().all(|c| c.is_uppercase() || c == '.') {
        out.retain(|c| c != '.');
    }
    Cow::Owned(out)
}

/// The key a token is compared by under `options`. Punctuation that is
/// ignored gets the empty key; the diff engine then reports it as ignored.
pub fn key(tok: &Tok, options: &Options) -> String {
    match tok.kind {
        Kind::Space => " ".to_string(),
        Kind::Punct if options.ignore_punctuation => String::new(),
        _ => {
            let text = if options.ignore_typography {
                plain_typography(tok.text)
            } else {
                Cow::Borrowed(tok.text)
            };
            if options.ignore_case {
                text.to_lowercase()
            } else {
                text.into_owned()
            }
        }
    }
}

/// A fast 64-bit hash (FNV-1a) of a string: sentence hashes are computed
/// for every sentence of both texts, and SipHash showed in profiles.
pub fn fast_hash(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// The number of Unicode words in a text (as `unicode_words` counts them:
/// UAX #29), with a fast path for ASCII text and curly apostrophes.
pub fn word_count(text: &str) -> usize {
    if !text
        .chars()
        .all(|c| (c.is_ascii() && c != '_') || matches!(c, '’' | '“' | '”' | '—' | '–'))
    {
        return text.unicode_words().count();
    }
    // One pass with one character of look-behind and one of look-ahead.
    let is_alnum = |c: char| c.is_ascii_alphanumeric();
    let mut count = 0;
    let mut in_word = false;
    let mut prev = ' ';
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        if is_alnum(c) {
            if !in_word {
                count += 1;
                in_word = true;
            }
        } else if in_word {
            // A word runs on across '.', '\'', '’' and ':' between letters,
            // and '.', '\'', '’', ',' and ';' between digits ("U.S", "it's", "1,000").
            let next = it.peek().copied().unwrap_or(' ');
            let joins = (prev.is_ascii_alphabetic()
                && next.is_ascii_alphabetic()
                && matches!(c, '.' | '\'' | '’' | ':'))
                || (prev.is_ascii_digit()
                    && next.is_ascii_digit()
                    && matches!(c, '.' | '\'' | '’' | ',' | ';'));
            in_word = joins;
        }
        prev = c;
    }
    count
}

/// Lowercase words only, for similarity and alignment.
pub fn words(text: &str) -> Vec<String> {
    text.unicode_words()
        .map(|w| plain_typography(w).to_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s, 0)
            .into_iter()
            .filter(|t| t.kind != Kind::Space)
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn words_punctuation_and_abbreviations() {
        assert_eq!(
            texts("The U.S. is “deeply” concerned—again?!"),
            [
                "The",
                "U.S.",
                "is",
                "“",
                "deeply",
                "”",
                "concerned",
                "—",
                "again",
                "?",
                "!"
            ]
        );
        assert_eq!(texts("It’s 3.5 per cent"), ["It’s", "3.5", "per", "cent"]);
        let toks = tokenize("ab  cd", 10);
        assert_eq!(toks[1].range, 12..14);
        assert_eq!(toks[2].range, 14..16);
    }

    #[test]
    fn typography_variants_share_a_key() {
        let o = Options {
            ignore_typography: true,
            ..Options::default()
        };
        let k = |s: &str| {
            tokenize(s, 0)
                .iter()
                .map(|t| key(t, &o))
                .collect::<String>()
        };
        assert_eq!(k("“U.S.” – it’s"), k("\"US\" - it's"));
        assert_ne!(k("U.S."), k("u.s."));
    }
}

#[cfg(test)]
mod count_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::proptest_config(256))]
        #[test]
        fn the_fast_word_count_agrees_with_uax29(text in "[a-zA-Z0-9 .,;'’“”:—-]{0,60}") {
            prop_assert_eq!(word_count(&text), text.unicode_words().count(), "{:?}", text);
        }
    }
}
