//! Bytes → text: byte-order marks, UTF-8, then a detector for the rest.
//!
//! Windows-1252 matters most in practice: clippings saved by older Windows
//! tools carry their curly quotes as 0x93/0x94, which must come out as “ ”.

use super::IngestError;
use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// Decodes `bytes` to a `String`, naming the encoding that was used.
///
/// Fails on binary data (NUL-heavy or control-character-heavy content) and
/// on empty or whitespace-only text, with a reason a person understands.
pub fn decode_text(bytes: &[u8]) -> Result<(String, &'static Encoding), IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    let (text, encoding) = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        (owned_clean(text), encoding)
    } else {
        if looks_binary(bytes) {
            return Err(IngestError::Binary);
        }
        match std::str::from_utf8(bytes) {
            // The common case: one copy, cleaned on the way.
            Ok(text) => (clean_text(text).into_owned(), UTF_8),
            Err(_) => {
                let mut detector =
                    chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                detector.feed(bytes, true);
                let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
                let (text, _, _) = encoding.decode(bytes);
                (owned_clean(text), encoding)
            }
        }
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    Ok((text, encoding))
}

/// [`clean_text`] of a decoder's output, copied at most once.
fn owned_clean(text: Cow<'_, str>) -> String {
    match clean_text(&text) {
        Cow::Borrowed(_) => text.into_owned(),
        Cow::Owned(cleaned) => cleaned,
    }
}

/// Decodes bytes whose encoding a container declared (an HTML meta charset, a
/// MIME part), falling back to [`decode_text`] when the label is unknown.
pub fn decode_with_label(bytes: &[u8], label: Option<&str>) -> Result<String, IngestError> {
    if Encoding::for_bom(bytes).is_none()
        && let Some(encoding) = label.and_then(|l| Encoding::for_label(l.trim().as_bytes()))
    {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        let text = owned_clean(text);
        if text.trim().is_empty() {
            return Err(IngestError::Empty);
        }
        return Ok(text);
    }
    decode_text(bytes).map(|(text, _)| text)
}

/// Binary data: NUL bytes (at least 8, and more than 1 %) or C0 control
/// characters (other than tab, CR, LF, form feed and escape; more than 10 %)
/// in the first 8 KiB. UTF-16
/// without a BOM also trips this; it is rare enough in the wild to accept.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let nul = sample.iter().filter(|&&b| b == 0).count();
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b | 0))
        .count();
    (nul >= 8 && nul * 100 > sample.len()) || control * 10 > sample.len()
}

/// Normalises line endings to `\n`, drops NULs and other control characters
/// (keeping tabs), and turns non-breaking and odd spaces into plain spaces so
/// that offsets and matching behave the same whatever produced the file.
/// Borrows `text` when there is nothing to change.
pub fn clean_text(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    // Only a few bytes can begin a character that changes: ASCII controls
    // and the lead bytes of U+0080–U+00BF, U+2000–U+2FFF and U+FEFF. Runs of
    // other bytes are copied whole.
    let Some(first) = bytes.iter().position(|&b| MAY_CHANGE[b as usize]) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    let mut run_start = 0;
    let mut i = first;
    while i < bytes.len() {
        if !MAY_CHANGE[bytes[i] as usize] {
            i += 1;
            continue;
        }
        // `i` is a character boundary: MAY_CHANGE holds no continuation bytes.
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let replacement = match c {
            '\r' if bytes.get(i + 1) == Some(&b'\n') => Some(""),
            '\r' | '\u{2028}' | '\u{2029}' | '\u{0c}' => Some("\n"),
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' => Some(" "),
            '\u{feff}' | '\u{200b}' | '\u{00ad}' => Some(""),
            '\n' | '\t' => None,
            c if c.is_control() => Some(""),
            _ => None,
        };
        if let Some(replacement) = replacement {
            out.push_str(&text[run_start..i]);
            out.push_str(replacement);
            run_start = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    if run_start == 0 && out.is_empty() {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[run_start..]);
    Cow::Owned(out)
}

/// The bytes that may begin a character [`clean_text`] changes: C0 controls
/// but tab and line feed, DEL, and the lead bytes 0xC2 (C1 controls, U+00A0,
/// U+00AD), 0xE2 (U+2000–U+2FFF) and 0xEF (U+FEFF).
const MAY_CHANGE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b < 0x20 && b != 0x09 && b != 0x0a) || matches!(b, 0x7f | 0xc2 | 0xe2 | 0xef);
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_curly_quotes_survive() {
        let mut bytes = b"\x93We are concerned,\x94 the spokesperson said. It\x92s the ".to_vec();
        bytes.extend(
            b"position of the government and it has not changed at all since last year. ".repeat(4),
        );
        let (text, encoding) = decode_text(&bytes).unwrap();
        assert!(
            text.starts_with("\u{201c}We are concerned,\u{201d}"),
            "{text}"
        );
        assert!(text.contains("It\u{2019}s"));
        assert_eq!(encoding.name(), "windows-1252");
    }

    #[test]
    fn boms_pick_the_encoding() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("“Hi”".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode_text(&utf16).unwrap().0, "“Hi”");
        let utf8 = [&[0xEF, 0xBB, 0xBF][..], "“Hi”".as_bytes()].concat();
        assert_eq!(decode_text(&utf8).unwrap().0, "“Hi”");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(matches!(decode_text(b""), Err(IngestError::Empty)));
        assert!(matches!(decode_text(b"  \n\t "), Err(IngestError::Empty)));
        let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
        assert!(matches!(decode_text(&binary), Err(IngestError::Binary)));
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config(512))]
        /// The byte-table scan changes exactly what the character rules say.
        #[test]
        fn cleaning_matches_the_character_rules(
            text in "[a-z “”\r\n\t\u{0}\u{7}\u{7f}\u{85}\u{a0}\u{ad}\u{2007}\u{2009}\u{200b}\u{2028}\u{2029}\u{202f}\u{2026}\u{feff}\u{c}é€]{0,40}",
        ) {
            let mut expected = String::new();
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\r' if chars.peek() == Some(&'\n') => {}
                    '\r' | '\u{2028}' | '\u{2029}' | '\u{0c}' => expected.push('\n'),
                    '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' => expected.push(' '),
                    '\u{feff}' | '\u{200b}' | '\u{00ad}' => {}
                    '\n' | '\t' => expected.push(c),
                    c if c.is_control() => {}
                    c => expected.push(c),
                }
            }
            proptest::prop_assert_eq!(clean_text(&text), expected);
        }
    }

    #[test]
    fn clean_text_borrows_what_it_does_not_change() {
        assert!(matches!(
            clean_text("“Fine,” he said.\n\tNothing – to do…"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(clean_text("a\r\nb"), Cow::Owned(_)));
    }

    #[test]
    fn stray_nuls_and_crlf_are_cleaned() {
        let (text, _) = decode_text(b"Line one\r\nLine\0 two\rthree\xc2\xa0x").unwrap();
        assert_eq!(text, "Line one\nLine two\nthree x");
    }
}
