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
