//! Finding quoted spans in a paragraph.
//!
//! Double marks (“…”, "…", «…», „…“, and »…« as German prints them) delimit
//! quotations; single marks (‘…’, '…') are quotations only inside a double
//! quotation or, in a paragraph without double marks, where they clearly
//! open and close at word boundaries — apostrophes (I’d, Pakistan’s, the
//! leaders’ summit) never count. A mark that cannot be paired costs at most
//! the quotation it belongs to: an unclosed quotation ends at its paragraph.

use std::ops::Range;

/// A quotation inside one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the marks (trimmed of surrounding spaces).
    pub inner: Range<usize>,
    /// Byte range of the opening mark.
    pub open: Range<usize>,
    /// Byte range of the closing mark; `None` when the quotation runs to the
    /// end of its paragraph without closing (a multi-paragraph quotation, or a
    /// missing mark).
    pub close: Option<Range<usize>>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Open,
    Close,
    /// A straight " that opens or closes depending on its neighbours.
    Either,
}

fn classify(
    c: char,
    prev: Option<char>,
    next: Option<char>,
    reversed_guillemets: bool,
) -> Option<Mark> {
    let space_before = prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '―' | '-' | '/')
    });
    let space_after = next.is_none_or(|n| {
        n.is_whitespace()
            || matches!(
                n,
                ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '―'
            )
    });
    match c {
        '“' | '„' => Some(Mark::Open),
        '”' => Some(Mark::Close),
        '«' => Some(if reversed_guillemets {
            Mark::Close
        } else {
            Mark::Open
        }),
        '»' => Some(if reversed_guillemets {
            Mark::Open
        } else {
            Mark::Close
        }),
        '"' => {
            if space_before && !space_after {
                Some(Mark::Open)
            } else if space_after && !space_before {
                Some(Mark::Close)
            } else {
                Some(Mark::Either)
            }
        }
        _ => None,
    }
}

/// Quotations in `body[para]`, in order of their opening marks. Nested inner
/// quotations (‘…’ inside “…”) are part of their outer quotation.
pub fn find_quotes(body: &str, para: Range<usize>) -> Vec<Quote> {
    let text = &body[para.clone()];
    let mut quotes = Vec::new();
    // Fast exit: most paragraphs of an article quote nobody. Every double
    // mark is '"' or a multi-byte character starting 0xC2 («») or 0xE2 (“”„).
    let bytes = text.as_bytes();
    let Some(first_candidate) = bytes.iter().position(|&b| may_begin_a_mark(b)) else {
        return quotes;
    };
    // Guillemets pointing inward (»…«) only when a paragraph has both;
    // asked once, of the paragraphs that have one.
    let mut reversed: Option<bool> = None;
    let mut reversed_guillemets = || {
        *reversed.get_or_insert_with(|| {
            text.find('»')
                .zip(text.find('«'))
                .is_some_and(|(r, l)| r < l)
        })
    };
    let mut open: Option<(Range<usize>, char)> = None;
    // Quotations of another family nested in the open one: «… „…“ …»,
    // “… «…» …”. Their marks neither close nor restart the outer one.
    let mut nested: Vec<char> = Vec::new();
    let mut seen_mark = false;

    // From one byte that may begin a mark to the next (each is ASCII or
    // the lead byte of a character, so a character starts there): the
    // letters between them are never looked at.
    let mut from = first_candidate;
    while let Some(offset) = bytes[from..].iter().position(|&b| may_begin_a_mark(b)) {
        let i = from + offset;
        let rest = &text[i..];
        let mut rest_chars = rest.chars();
        let Some(c) = rest_chars.next() else { break };
        // Typewriter style: two apostrophes ('') stand for a straight double
        // mark, and two grave accents (``) for an opening one (``…'').
        let (c, len) = match (c, rest_chars.next()) {
            ('\'', Some('\'')) => ('"', 2),
            ('`', Some('`')) => ('“', 2),
            _ => (c, c.len_utf8()),
        };
        from = i + len;
        if !matches!(c, '“' | '”' | '„' | '«' | '»' | '"') {
            continue;
        }
        let prev = text[..i].chars().next_back();
        let next = text[i + len..].chars().next();
        let reversed = matches!(c, '«' | '»') && reversed_guillemets();
        let Some(mark) = classify(c, prev, next, reversed) else {
            continue;
        };
        let first_mark = !seen_mark;
        seen_mark = true;
        let here = para.start + i..para.start + i + len;
        let outer = open.as_ref().map(|(_, c)| *c);
        if let Some(outer) = outer {
            if let Some(&inner) = nested.last() {
                if closes(inner, c) {
                    nested.pop();
                }
                continue;
            }
            if mark == Mark::Open && family(c) != family(outer) && !(outer == '„' && c == '“') {
                nested.push(c);
                continue;
            }
        }
        match (mark, &open) {
            // „…“ closes with a “ in German typography.
            (Mark::Open, Some((o, '„'))) if c == '“' => {
                quotes.push(make(body, o.clone(), Some(here)));
                open = None;
            }
            // A second opening mark of the same kind while one is open: the
            // first was never closed. Give it up (it costs only itself) and
            // start again here.
            (Mark::Open, Some(_)) => open = Some((here, c)),
            (Mark::Open, None) => open = Some((here, c)),
            (Mark::Close | Mark::Either, Some((o, _))) => {
                quotes.push(make(body, o.clone(), Some(here)));
                open = None;
            }
            (Mark::Either, None) => open = Some((here, c)),
            // A closing curly mark standing where an opening one belongs —
            // after a space or at the paragraph's start, a word right after
            // it (”Fear. I am …”): an editor's autocorrect turned it. It
            // opens.
            (Mark::Close, None)
                if c == '”'
                    && prev.is_none_or(char::is_whitespace)
                    && next.is_some_and(char::is_alphanumeric) =>
            {
                open = Some((here, c));
            }
            // A closing curly mark that opens nothing, before any other mark
            // of the paragraph: the opening mark was dropped (a paragraph
            // continuing a quotation, a bullet, "On why …: It’s …”"). The
            // quotation runs from the start of the paragraph, or from the
            // colon that introduces it.
            (Mark::Close, None) if first_mark && c != '"' => {
                if let Some(q) = orphan(body, para.start, here) {
                    quotes.push(q);
                }
            }
            (Mark::Close, None) => {} // stray closing mark
        }
    }
    if let Some((o, _)) = open {
        quotes.push(make(body, o, None));
    }
    if quotes.is_empty()
        && !text.contains(['“', '”', '"', '«', '»', '„'])
        && !text.contains("''")
        && text.contains(['‘', '\'', '’'])
    {
        quotes = single_quotes(body, para.clone());
    }
    quotes.retain(|q| !q.inner.is_empty());
    quotes
}

/// Whether a byte may begin a quotation mark: '"', an apostrophe or a grave
/// accent (doubled in typewriter style), or the lead byte of «» (0xC2) and
/// “”„ (0xE2).
fn may_begin_a_mark(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2)
}

/// Which family a quote mark belongs to: curly, guillemet, low-high or straight.
fn family(c: char) -> u8 {
    match c {
        '“' | '”' => 0,
        '«' | '»' => 1,
        '„' => 2,
        _ => 3,
    }
}

/// Whether `close` ends a nested quotation opened by `open`.
fn closes(open: char, close: char) -> bool {
    matches!(
        (open, close),
        ('“', '”') | ('«', '»') | ('»', '«') | ('„', '“') | ('„', '”') | ('"', '"')
    )
}

fn make(body: &str, open: Range<usize>, close: Option<Range<usize>>) -> Quote {
    let end = close
        .as_ref()
        .map_or_else(|| paragraph_end(body, open.end), |c| c.start);
    let mut start = open.end;
    let slice = &body[start..end];
    start += slice.len() - slice.trim_start().len();
    let end = end - (slice.len() - slice.trim_end().len());
    Quote {
        inner: start..end.max(start),
        open,
        close,
    }
}

/// The quotation a closing mark ends when its opening mark is missing: from
/// the paragraph's first word (past a bullet) or from after the last colon
/// before the mark, if three words or more lie there. `open` is then the
/// empty range where the words start.
fn orphan(body: &str, para_start: usize, close: Range<usize>) -> Option<Quote> {
    let before = &body[para_start..close.start];
    let from = match before.rfind(':') {
        Some(colon) if before[colon + 1..].starts_with(char::is_whitespace) => colon + 1,
        _ => 0,
    };
    let lead = before[from..]
        .find(|c: char| c.is_alphanumeric())
        .unwrap_or(before.len() - from);
    let start = para_start + from + lead;
    let words = body[start..close.start].split_whitespace().count();
    (words >= 3).then(|| make(body, start..start, Some(close)))
}

/// Whether a quotation's opening mark is missing from the text (see [`orphan`]).
pub fn opens_unmarked(quote: &Quote) -> bool {
    quote.open.is_empty()
}

fn paragraph_end(body: &str, from: usize) -> usize {
    body[from..].find('\n').map_or(body.len(), |i| from + i)
}

/// ‘…’ or '…' quotations in a paragraph that uses no double marks (British
/// headline style). An opening mark must start a word; a closing one must end
/// a word and not sit between letters.
fn single_quotes(body: &str, para: Range<usize>) -> Vec<Quote> {
    let text = &body[para.clone()];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut quotes = Vec::new();
    let mut open: Option<Range<usize>> = None;
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c != '‘' && c != '’' && c != '\'' {
            continue;
        }
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|n| n.1);
        let here = para.start + i..para.start + i + c.len_utf8();
        let starts_word = prev.is_none_or(|p| p.is_whitespace() || "([—–".contains(p))
            && next.is_some_and(char::is_alphanumeric);
        let ends_word = prev.is_some_and(|p| p.is_alphanumeric() || ".,!?".contains(p))
            && next.is_none_or(|n| n.is_whitespace() || ",.;:!?)—–".contains(n));
        match &open {
            None if starts_word && c != '’' => open = Some(here),
            // "leaders’ summit": a plural possessive inside a longer span is
            // indistinguishable; accept spans of at least two words only.
            Some(o)
                if ends_word
                    && c != '‘'
                    && body[o.end..here.start].split_whitespace().count() >= 2 =>
            {
                quotes.push(make(body, o.clone(), Some(here)));
                open = None;
            }
            _ => {}
        }
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        find_quotes(text, 0..text.len())
            .into_iter()
            .map(|q| &text[q.inner])
            .collect()
    }

    #[test]
    fn curly_straight_guillemets_and_german() {
        assert_eq!(
            quoted("“We are ready,” he said. “Truly.”"),
            ["We are ready,", "Truly."]
        );
        assert_eq!(
            quoted(r#"He said "we are ready" and "able.""#),
            ["we are ready", "able."]
        );
        assert_eq!(quoted("Elle a dit « non merci » hier."), ["non merci"]);
        assert_eq!(quoted("Er sagte: „Wir sind bereit.“"), ["Wir sind bereit."]);
        assert_eq!(quoted("Er sagte: »Wir sind bereit.«"), ["Wir sind bereit."]);
        assert_eq!(
            quoted("«We were told „wait“ and „be patient“ for years», she said."),
            ["We were told „wait“ and „be patient“ for years"]
        );
        assert_eq!(
            quoted("“They called it «a truce» again,” he said."),
            ["They called it «a truce» again,"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes_and_inner_quotes_stay_inside() {
        assert_eq!(
            quoted("“I’d say it’s ‘unlikely’ now,” Pakistan’s envoy said."),
            ["I’d say it’s ‘unlikely’ now,"]
        );
        assert_eq!(
            quoted("The leaders’ summit ended. Pakistan’s view is clear."),
            Vec::<&str>::new()
        );
        assert_eq!(
            quoted("Minister says talks ‘will go ahead as planned’"),
            ["will go ahead as planned"]
        );
    }

    #[test]
    fn typewriter_marks() {
        // Two apostrophes for a double mark, as archives of the New York Times print it.
        assert_eq!(
            quoted("''We are ready,'' Mr. Reich said. ''It's the 'real' deal.''"),
            ["We are ready,", "It's the 'real' deal."]
        );
        assert_eq!(
            quoted("``I wanted to make sure it carried,'' he said."),
            ["I wanted to make sure it carried,"]
        );
        assert_eq!(
            quoted("the leaders' summit and the '90s"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn a_missing_opening_mark_opens_at_the_paragraph_or_its_colon() {
        assert_eq!(
            quoted("We aren’t at war with Russia, of course,” he said."),
            ["We aren’t at war with Russia, of course,"]
        );
        assert_eq!(
            quoted("On why the briefing was closed: It’s a pretty serious accusation.” Then more."),
            ["It’s a pretty serious accusation."]
        );
        assert_eq!(
            quoted("  • Returning the dossier is illogical” – the spokesman said."),
            ["Returning the dossier is illogical"]
        );
        // A closing mark where the opening one belongs, and only there.
        assert_eq!(
            quoted("”Fear. We are afraid of it.” ― A reader"),
            ["Fear. We are afraid of it."]
        );
        assert_eq!(
            quoted("Asked twice, ”we will see” she said."),
            ["we will see"]
        );
        assert_eq!(quoted("“Ready,” he said. ”"), ["Ready,"]);
        let text = "Talks go on.” A “second” one.";
        let q = find_quotes(text, 0..text.len());
        assert!(opens_unmarked(&q[0]) && !opens_unmarked(&q[1]));
    }

    #[test]
    fn broken_marks_cost_only_their_own_quote() {
        // unclosed: runs to the end of the paragraph only
        let text = "“First part never closes\nNext paragraph";
        let q = find_quotes(text, 0..text.find('\n').unwrap());
        assert_eq!(&text[q[0].inner.clone()], "First part never closes");
        assert!(q[0].close.is_none());
        // a stray closing mark is ignored; a re-opened quote keeps the later one
        assert_eq!(quoted("Stray” mark. “Lost “Kept,” he said."), ["Kept,"]);
        assert_eq!(quoted("Two words” then “Kept,” he said."), ["Kept,"]);
        // 100,000 marks in a row neither crash nor take long
        let marks = "“".repeat(100_000);
        assert!(quoted(&marks).len() <= 1);
    }
}
