//! Paragraphs, sentences and words of an article body, with byte offsets.

use super::lexicon::class;
use std::ops::Range;

/// Paragraph ranges of `body`. Bodies with blank lines use them as paragraph
/// breaks (single newlines inside are hard wraps); bodies without any use
/// every line as a paragraph, as clippings pasted from the web do.
pub fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let blank_lines = body.contains("\n\n");
    let mut out = Vec::new();
    let mut start = 0;
    let mut lines = body.split_inclusive('\n').peekable();
    let mut offset = 0;
    while let Some(line) = lines.next() {
        let line_start = offset;
        offset += line.len();
        let is_blank = line.trim().is_empty();
        if blank_lines {
            if is_blank {
                push_trimmed(body, start..line_start, &mut out);
                start = offset;
            }
        } else {
            push_trimmed(body, line_start..offset, &mut out);
            start = offset;
        }
        if lines.peek().is_none() {
            push_trimmed(body, start..offset, &mut out);
        }
    }
    out
}

fn push_trimmed(body: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let text = &body[range.clone()];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    if lead + trail < text.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// A word or punctuation mark with its byte range in the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Lexicon classes of the word ([`super::lexicon::class`] bits).
    pub class: u16,
}

impl Token<'_> {
    /// Whether the word belongs to any of the `classes` bits.
    pub fn is(&self, classes: u16) -> bool {
        self.class & classes != 0
    }
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// Capitalised, or a name behind a lowercase particle ("al-Ansari",
    /// "el-Sisi", "bin-Zayed"), which news copy writes in lowercase.
    pub fn is_capitalised(&self) -> bool {
        self.is(class::CAPITALISED)
    }

    /// A capitalised word that can be part of a person's name.
    pub fn is_name_word(&self) -> bool {
        self.is(class::NAME_WORD)
    }
}

/// A word's lexicon classes and its shape bits ([`class::CAPITALISED`],
/// [`class::NAME_WORD`]), worked out once as the word is tokenized: the
/// passes over an article ask them of every word, several times.
pub(super) fn word_class(word: &str, has_hyphen: bool) -> u16 {
    let mut bits = super::lexicon::classify_word(word, has_hyphen);
    let first = word.as_bytes().first().copied().unwrap_or_default();
    let capitalised = if first.is_ascii() {
        first.is_ascii_uppercase()
    } else {
        word.chars().next().is_some_and(char::is_uppercase)
    };
    // A particle name has a hyphen, which the tokenizer has seen already.
    if capitalised || (has_hyphen && particle_name(word)) {
        bits |= class::CAPITALISED;
        if is_name_shaped(word, bits) {
            bits |= class::NAME_WORD;
        }
    }
    bits
}

/// Whether a capitalised word with lexicon classes `bits` can be part of a
/// person's name.
fn is_name_shaped(word: &str, bits: u16) -> bool {
    if bits & (class::ROLE | class::ORG | class::VERB | class::HONORIFIC) != 0 {
        return false;
    }
    let w = super::strip_possessive(word);
    w.chars().skip(1).any(char::is_lowercase)
        && !crate::dates::is_calendar_word(w)
        && !matches!(
            w,
            "The"
                | "On"
                | "In"
                | "At"
                | "But"
                | "And"
                | "He"
                | "She"
                | "We"
                | "It"
                | "This"
                | "That"
                | "Shri"
                | "Smt"
        )
}

/// "al-Ansari", "el-Sisi": a lowercase particle, a hyphen, a capitalised name.
pub fn particle_name(word: &str) -> bool {
    // Every word of every article asks: the hyphen within the first four
    // bytes decides before anything else is compared.
    let bytes = word.as_bytes();
    let Some(dash) = bytes.iter().take(4).position(|&b| b == b'-') else {
        return false;
    };
    matches!(
        &word[..dash],
        "al" | "el" | "bin" | "ibn" | "ad" | "as" | "an" | "ar" | "ash" | "at" | "az"
    ) && word[dash + 1..]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Words (letters and digits, with inner apostrophes, hyphens and the dots of
/// abbreviations such as "U.S." or "Adm.") and single punctuation characters;
/// whitespace is dropped. Offsets are relative to `base`.
pub fn tokens(text: &str, base: usize) -> Vec<Token<'_>> {
    // Byte by byte through a table, characters decoded only past ASCII:
    // this runs over every byte of every imported article (a sixth of
    // extraction's instructions when each byte was decoded as a char).
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 4 + 1);
    let mut i = 0;
    while i < bytes.len() {
        let len = match BYTE_KINDS[usize::from(bytes[i])] {
            SPACE => {
                i += 1;
                continue;
            }
            ALNUM => 1,
            PUNCT => 0,
            _ => {
                let (c, len) = char_at(text, i);
                if c.is_whitespace() {
                    i += len;
                    continue;
                }
                if c.is_alphanumeric() { len } else { 0 }
            }
        };
        if len == 0 {
            let len = char_at(text, i).1;
            out.push(Token {
                text: &text[i..i + len],
                start: base + i,
                end: base + i + len,
                class: 0,
            });
            i += len;
            continue;
        }
        let (end, has_hyphen) = word_end(text, i + len);
        let end = if bytes.get(end) == Some(&b'.') && is_abbreviation(&text[i..end]) {
            end + 1
        } else {
            end
        };
        let word = &text[i..end];
        out.push(Token {
            text: word,
            start: base + i,
            end: base + end,
            class: word_class(word, has_hyphen),
        });
        i = end;
    }
    out
}

/// Where the word running at `end` ends — letters and digits, and the
/// apostrophes, hyphens and dots between two of them — and whether a
/// hyphen joined it.
fn word_end(text: &str, mut end: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut has_hyphen = false;
    while end < bytes.len() {
        let b = bytes[end];
        let joiner_len = match BYTE_KINDS[usize::from(b)] {
            ALNUM => {
                end += 1;
                continue;
            }
            SPACE => break,
            PUNCT if matches!(b, b'\'' | b'-' | b'.') => 1,
            PUNCT => break,
            _ => {
                let (d, len) = char_at(text, end);
                if d.is_alphanumeric() {
                    end += len;
                    continue;
                }
                if !matches!(d, '’' | '‐') {
                    break;
                }
                len
            }
        };
        // An inner apostrophe, hyphen or abbreviation dot: "I’d",
        // "Jean-Pierre", "U.S".
        if end + joiner_len < bytes.len() && char_at(text, end + joiner_len).0.is_alphanumeric() {
            has_hyphen |= b == b'-';
            end += joiner_len;
        } else {
            break;
        }
    }
    (end, has_hyphen)
}

/// What a byte is to the tokenizer: ASCII whitespace, an ASCII letter or
/// digit, other ASCII, or part of a wider character (decoded to decide).
const SPACE: u8 = 0;
const ALNUM: u8 = 1;
const PUNCT: u8 = 2;
const WIDE: u8 = 3;
static BYTE_KINDS: [u8; 256] = {
    let mut kinds = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        kinds[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            SPACE
        } else {
            PUNCT
        };
        b += 1;
    }
    kinds
};

/// Whether a token is a dash: hyphen-minus (also doubled, "--", as
/// typewritten copy has it), en and em dash, figure dash, horizontal bar
/// (signatures of pull quotes and reader comments: "“…” ― Name").
pub fn is_dash(token: &str) -> bool {
    matches!(token, "-" | "–" | "—" | "―" | "‒")
}

/// The character at byte `i` of `text` (a character boundary) and its length.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        (b as char, 1)
    } else {
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        (c, c.len_utf8())
    }
}

/// Abbreviations whose full stop does not end a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    matches!(
        w,
        "Mr" | "Ms"
            | "Mrs"
            | "Dr"
            | "Adm"
            | "Gen"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Amb"
            | "Prof"
            | "St"
            | "Jr"
            | "Sr"
            | "No"
            | "Nos"
            | "Vol"
            | "vs"
            | "etc"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Aug"
            | "Sept"
            | "Sep"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "Dept"
            | "Gov't"
    ) || (w.len() <= 4 && w.contains('.') && w.chars().all(|c| c.is_uppercase() || c == '.'))
        || (w.len() == 1 && w.chars().all(char::is_uppercase))
}

/// A paragraph's tokens cut into sentences, each with its closing `.`, `!`
/// or `?`. A quotation's closing mark stands after its full stop (`.”`), so
/// it is dropped from the head of the next sentence, with any other
/// punctuation there: a sentence starts at its first word.
pub fn sentences<'a, 't>(toks: &'a [Token<'t>]) -> impl Iterator<Item = &'a [Token<'t>]> {
    toks.split_inclusive(|t| matches!(t.text, "." | "!" | "?"))
        .map(|sentence| {
            let first_word = sentence
                .iter()
                .position(|t| t.is_word())
                .unwrap_or(sentence.len());
            &sentence[first_word..]
        })
}

/// Byte offset where the sentence containing `at` starts, searching back no
/// further than `floor`. Offsets inside a character count from its start:
/// callers step back by bytes ("two before this sentence"), and the fuzzer
/// found that landing inside a "…" or a "�" panicked.
pub fn sentence_start(text: &str, floor: usize, at: usize) -> usize {
    let at = text.floor_char_boundary(at);
    let floor = text.floor_char_boundary(floor.min(at));
    let slice = &text[floor..at];
    let mut cut = floor;
    for (i, c) in slice.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let after = &slice[i + 1..];
            let next_is_space = after.starts_with(char::is_whitespace) || after.is_empty();
            let word_start = slice[..i]
                .rfind(|c: char| c.is_whitespace())
                .map_or(0, |p| past_char_at(slice, p));
            if next_is_space && !is_abbreviation(&slice[word_start..=i]) {
                cut = floor + i + 1 + (after.len() - after.trim_start().len());
            }
        }
    }
    cut
}

/// The byte offset just past the character at `at` (which may be more than
/// one byte: a no-break space, a curly quote).
pub fn past_char_at(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

/// Byte offset just past the end of the sentence that continues at `from`,
/// searching no further than `ceiling`.
pub fn sentence_end(text: &str, from: usize, ceiling: usize) -> usize {
    // As in `sentence_start`: offsets inside a character count from its start.
    let ceiling = text.floor_char_boundary(ceiling);
    let from = text.floor_char_boundary(from.min(ceiling));
    let slice = &text[from..ceiling];
    for (i, c) in slice.char_indices() {
        if matches!(c, '.' | '!' | '?') {
            let after = &slice[i + 1..];
            let next_is_space = after.is_empty() || after.starts_with(char::is_whitespace);
            let word_start = slice[..i]
                .rfind(|c: char| c.is_whitespace())
                .map_or(0, |p| past_char_at(slice, p));
            if next_is_space && !is_abbreviation(&slice[word_start..=i]) {
                return from + i + 1;
            }
        }
    }
    ceiling
}

/// Skips a dateline at the start of a paragraph: "WASHINGTON, March 14
/// (Reuters) -", "New Delhi:", "BEIJING, March 19 (Xinhua) --".
pub fn skip_dateline<'a, 't>(toks: &'a [Token<'t>]) -> &'a [Token<'t>] {
    // A date stamp of the page: "date 2024-03-12", "Posted: 21.09.2023",
    // "2024-03-12" before the first sentence.
    let mut k = usize::from(toks.first().is_some_and(|t| {
        matches!(
            t.text.to_ascii_lowercase().as_str(),
            "date" | "dated" | "published" | "posted" | "updated"
        )
    }));
    if toks.get(k).is_some_and(|t| t.text == ":") {
        k += 1;
    }
    let date_stamp = |t: &Token| {
        t.text.len() >= 6
            && t.text
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'))
            && t.text.chars().filter(|c| !c.is_ascii_digit()).count() >= 2
    };
    if toks.get(k).is_some_and(date_stamp) {
        let mut next = k + 1;
        // A page's status code or time after the stamp ("403", "09:15").
        while toks
            .get(next)
            .is_some_and(|t| t.text.chars().all(|c| c.is_ascii_digit()) && t.text.len() <= 4)
        {
            next += 1;
        }
        return skip_dateline(&toks[next..]);
    }
    let window = toks.len().min(12);
    let Some(mark) = toks[..window]
        .iter()
        .position(|t| t.text == ":" || is_dash(t.text))
    else {
        return toks;
    };
    if mark == 0 {
        return toks;
    }
    let head = &toks[..mark];
    let shaped = head.iter().all(|t| {
        t.is_capitalised()
            || t.text.chars().all(|c| c.is_ascii_digit())
            || matches!(t.text, "," | "(" | ")" | "." | "/")
    });
    let all_caps = toks[0].text.len() >= 3 && toks[0].text.chars().all(|c| !c.is_lowercase());
    // "New Delhi:" / "Hong Kong:" — two capitalised words before a colon.
    let city_colon = toks[mark].text == ":" && mark == 2 && head.iter().all(Token::is_capitalised);
    if !(shaped && (all_caps || city_colon)) {
        return toks;
    }
    let mut next = mark + 1;
    while toks.get(next).is_some_and(|t| is_dash(t.text)) {
        next += 1;
    }
    &toks[next.min(toks.len())..]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as first written, one character at a time: the
    /// reference the fast one is checked against.
    fn reference_tokens(text: &str, base: usize) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if c.is_whitespace() {
                continue;
            }
            if c.is_alphanumeric() {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    let joins = matches!(d, '\'' | '’' | '-' | '‐' | '.');
                    let inner = joins
                        && text[j + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric);
                    if d.is_alphanumeric() || inner {
                        end = j + d.len_utf8();
                        iter.next();
                    } else if d == '.' && is_abbreviation(&text[i..end]) {
                        end = j + 1;
                        iter.next();
                        break;
                    } else {
                        break;
                    }
                }
                let word = &text[i..end];
                out.push(Token {
                    text: word,
                    start: base + i,
                    end: base + end,
                    class: super::word_class(word, word.contains('-')),
                });
            } else {
                out.push(Token {
                    text: &text[i..i + c.len_utf8()],
                    start: base + i,
                    end: base + i + c.len_utf8(),
                    class: 0,
                });
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config(512))]
        #[test]
        fn tokens_match_the_reference(
            text in "([A-Za-z0-9éÉ]{0,6}|Mr|U|S|Gen|said|Secretary)([ .,’'‐\\-“”\n\u{a0}\u{2003}]{0,2}([A-Za-z0-9é]{0,4}|Mr|Adm|told)){0,10}",
            base in 0usize..100,
        ) {
            proptest::prop_assert_eq!(tokens(&text, base), reference_tokens(&text, base));
        }
    }

    #[test]
    fn sentences_start_at_their_first_word() {
        let text = "“We are ready.” Blinken said so. Done!";
        let got: Vec<Vec<&str>> = sentences(&tokens(text, 0))
            .map(|s| s.iter().map(|t| t.text).collect())
            .collect();
        assert_eq!(
            got,
            [
                vec!["We", "are", "ready", "."],
                vec!["Blinken", "said", "so", "."],
                vec!["Done", "!"]
            ]
        );
    }

    #[test]
    fn line_paragraphs_and_blank_line_paragraphs() {
        let body = "Title\nOne.\n\nTwo";
        assert_eq!(
            paragraphs(body)
                .into_iter()
                .map(|r| &body[r])
                .collect::<Vec<_>>(),
            ["Title\nOne.", "Two"]
        );
        let body = "Title\n  One.  \nTwo\n";
        assert_eq!(
            paragraphs(body)
                .into_iter()
                .map(|r| &body[r])
                .collect::<Vec<_>>(),
            ["Title", "One.", "Two"]
        );
    }

    #[test]
    fn tokens_keep_names_and_abbreviations_whole() {
        let words: Vec<&str> = tokens("Adm. John Kirby’s U.S. Jean-Pierre, “I’d”", 0)
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            words,
            [
                "Adm.",
                "John",
                "Kirby’s",
                "U.S.",
                "Jean-Pierre",
                ",",
                "“",
                "I’d",
                "”"
            ]
        );
    }

    #[test]
    fn date_stamps_are_datelines() {
        let toks = tokens("date 2023-08-22 China accused Japan", 0);
        assert_eq!(skip_dateline(&toks)[0].text, "China");
        let toks = tokens("Posted: 21.09.2023 09 WASHINGTON — The talks", 0);
        assert_eq!(skip_dateline(&toks)[0].text, "The");
        let toks = tokens("Date night is over", 0);
        assert_eq!(skip_dateline(&toks)[0].text, "Date");
    }

    #[test]
    fn sentences_survive_abbreviations() {
        let text = "He met Mr. Smith. Then U.S. officials left. End";
        let at = text.find("officials").unwrap();
        assert_eq!(
            &text[sentence_start(text, 0, at)..sentence_end(text, at, text.len())],
            "Then U.S. officials left."
        );
    }

    #[test]
    fn sentence_edges_from_any_byte_offset() {
        // Found by the fuzzer: a caller stepping back by bytes landed inside
        // a character. Every offset, boundary or not, gives a boundary.
        let text = "He left… Then “she came.” It rained � here. Ok";
        for floor in 0..=text.len() {
            for at in floor..=text.len() {
                let start = sentence_start(text, floor, at);
                let end = sentence_end(text, floor, at);
                assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            }
        }
        assert_eq!(
            sentence_start(text, 0, text.find("Ok").unwrap()),
            text.find("Ok").unwrap()
        );
    }
}
