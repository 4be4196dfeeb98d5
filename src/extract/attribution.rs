//! Who said a quotation: the speech verb next to it and the noun phrase that
//! is its subject, in the shapes news copy uses —
//!
//! * after the quotation: `“…,” Kirby said.` / `“…,” said Kirby.` /
//!   `“…,” he added.` / `“…,” Miller, who spoke at the briefing, said.` /
//!   `“…,” according to the ministry.` / `“…” — John Kirby`
//! * before it: `Miller said: “…”` / `Miller said, “…”` / `Kirby: “…”`
//! * around it, in reported speech: `The United States has said that … and
//!   that “…”` (a partial quotation).

use super::lexicon::class;
#[cfg(test)]
use super::text::tokens;
use super::text::{Token, is_dash};

/// A speaker phrase found next to a quotation, as words still to resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue<'a> {
    /// The subject phrase's words ("US", "State", "Department", "Spokesperson",
    /// "Matthew", "Miller") or a pronoun.
    pub subject: Vec<&'a str>,
    /// An appositive that describes the subject ("the Chinese foreign ministry
    /// spokesperson" in "Mao Ning, the … spokesperson, said").
    pub appositive: Vec<&'a str>,
    /// Byte offset of the subject phrase (for "who was mentioned last").
    pub at: usize,
    /// The words that tie the quotation to its speaker: the speech verb
    /// ("said", "told"), "according to", a dash or a colon.
    pub verb: &'a str,
    /// Byte range of the attribution clause, where a time ("on Tuesday",
    /// "last year") may be stated.
    pub clause: std::ops::Range<usize>,
}

/// Whether `toks[k]` is a speech verb used as one: not an infinitive's head
/// ("continue to judge", "vowed to respond").
fn speaks(toks: &[Token], k: usize) -> bool {
    // "as Tom Ridge put it:"
    if toks[k].text == "put" && toks.get(k + 1).is_some_and(|t| t.text == "it") {
        return true;
    }
    if !toks[k].is(class::VERB) {
        return false;
    }
    match toks.get(k + 1) {
        Some(t) if t.text == "to" => {
            // "said to reporters", "wrote to his colleagues", "says to
            // Santilli" speak; "vowed to respond" does not.
            toks.get(k + 2).is_some_and(|n| {
                n.is_capitalised()
                    || matches!(
                        n.text,
                        "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "their"
                            | "its"
                            | "my"
                            | "our"
                            | "your"
                            | "reporters"
                            | "journalists"
                            | "me"
                            | "him"
                            | "us"
                            | "them"
                            | "you"
                            | "supporters"
                            | "cheers"
                            | "applause"
                            | "voters"
                            | "members"
                            | "lawmakers"
                            | "colleagues"
                            | "listeners"
                            | "viewers"
                    )
            })
        }
        _ => true,
    }
}

/// Documents that "say" things on behalf of their issuer.
pub(super) fn is_document_noun(word: &str) -> bool {
    matches!(
        word,
        "statement" | "readout" | "communique" | "communiqué" | "release" | "declaration"
    )
}

/// Days and other time words that stand between a subject and its verb.
fn is_time_word(word: &str) -> bool {
    crate::dates::is_calendar_word(word)
        || matches!(
            word,
            "week" | "month" | "year" | "morning" | "evening" | "night" | "weekend"
        )
}

/// Capitalised function words that begin a sentence without naming anyone.
pub(super) fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "On" | "In"
            | "At"
            | "But"
            | "And"
            | "However"
            | "Meanwhile"
            | "Earlier"
            | "Later"
            | "Separately"
            | "Speaking"
            | "Asked"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "As"
            | "Also"
            | "Then"
            | "Yet"
            | "Still"
            | "So"
            | "Now"
            | "Today"
            | "Yesterday"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "It"
            | "This"
            | "That"
            | "There"
            | "Here"
            | "We"
            | "I"
            | "They"
            | "You"
            | "Our"
            | "Last"
            | "Instead"
            | "Further"
            | "Moreover"
            | "Responding"
            | "Addressing"
            | "According"
            | "Following"
            | "During"
    )
}

/// A word that can be part of a name phrase: capitalised words, job-title and
/// institution words in any case, honorifics, "U.S.".
fn is_name_part(token: &Token) -> bool {
    let w = token.text;
    (token.is_capitalised() && !is_sentence_opener(w))
        || token.is(class::ROLE | class::ORG | class::HONORIFIC)
        || matches!(
            w,
            "foreign"
                | "national"
                | "security"
                | "press"
                | "deputy"
                | "senior"
                | "chief"
                | "former"
                | "acting"
                | "state"
                | "defence"
                | "defense"
                | "external"
                | "affairs"
                | "communications"
                | "general"
                | "principal"
                | "assistant"
                | "special"
                | "spokesperson"
                | "top"
                | "then"
                | "outgoing"
                | "incoming"
                | "interim"
                | "government"
                | "militant"
                | "group"
                | "movement"
                | "organisation"
                | "organization"
                | "coalition"
                | "alliance"
                | "side"
        )
}

/// Collects the subject phrase that ends just before `tokens[end]` (exclusive),
/// walking backwards. Returns the index of its first token.
fn phrase_before(tokens: &[Token], end: usize) -> Option<usize> {
    let mut end = end;
    // "Sen. Marco Rubio (R-Fla.) said": the bracket belongs to the name.
    if end >= 2
        && tokens[end - 1].text == ")"
        && let Some(open) = (end.saturating_sub(8)..end - 1)
            .rev()
            .find(|&k| tokens[k].text == "(")
        && open > 0
    {
        end = open;
    }
    let mut i = end;
    while i > 0 {
        let t = &tokens[i - 1];
        if is_name_part(t)
            || (t.is(class::CONNECTOR) && i >= 2 && is_name_part(&tokens[i - 2]) && i < end)
        {
            i -= 1;
        } else {
            break;
        }
    }
    // "Senate minority leader Harry Reid", "chief executive Lowell McAdam",
    // "Concord resident Whit Symms": lowercase words of a description
    // before a name of two words or more, up to its first word.
    let name_words = (i..end).filter(|&k| tokens[k].is_capitalised()).count();
    if name_words >= 2 && i < end && (tokens[i].is_capitalised() || tokens[i].is(class::ROLE)) {
        let mut j = i;
        while j > 0 && i - j < 4 {
            let t = &tokens[j - 1];
            let descriptor = t.is_word()
                && !t.is(class::VERB | class::AUXILIARY | class::CONNECTOR | class::PRONOUN)
                && !breaks_a_description(t.text)
                && !matches!(
                    t.text,
                    "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
                )
                && !is_sentence_opener(t.text);
            if !descriptor {
                break;
            }
            j -= 1;
        }
        // Only when the description reaches back to a capitalised word or
        // the start of the clause ("Concord resident", "chief executive").
        if j < i
            && (j == 0
                || !tokens[j - 1].is_word()
                || tokens[j - 1].text.eq_ignore_ascii_case("the")
                || tokens[j].is_capitalised())
        {
            i = j;
        }
    }
    if i == end
        && let Some(start) = description_before(tokens, end)
    {
        return Some(start);
    }
    // A phrase may not begin or end with a connector ("of", "the"), except a leading "the".
    while i < end && tokens[i].is(class::CONNECTOR) && tokens[i].text != "the" {
        i += 1;
    }
    if i > 0 && tokens[i - 1].text.eq_ignore_ascii_case("the") {
        i -= 1;
    }
    (i < end).then_some(i)
}

/// Words that cannot stand inside a description before a name or a
/// person noun ("Concord resident", "the New York businessman"): a
/// preposition, a conjunction, a relative word or a speech verb ends it.
fn breaks_a_description(word: &str) -> bool {
    joins_a_clause(word)
        || matches!(
            word,
            "while"
                | "than"
                | "about"
                | "after"
                | "before"
                | "when"
                | "where"
                | "said"
                | "says"
                | "told"
        )
}

/// Prepositions, conjunctions and relative words: a word of a description
/// or a name phrase never is one, so any of them ends the phrase.
fn joins_a_clause(word: &str) -> bool {
    matches!(
        word,
        "to" | "with"
            | "by"
            | "at"
            | "in"
            | "on"
            | "from"
            | "that"
            | "who"
            | "which"
            | "as"
            | "and"
            | "but"
    )
}

/// A description of a person by what they do or who they are, ending just
/// before `tokens[end]`: "the New York businessman", "Obama's former
/// campaign strategist", "the ad's narrator", "my father", "one
/// questioner". It ends in a person noun and begins with a determiner or
/// a possessive, with at most four words between; returns its first token.
fn description_before(tokens: &[Token], end: usize) -> Option<usize> {
    let head = tokens.get(end.checked_sub(1)?)?;
    if !head.is_word() || head.is_capitalised() || !super::resolve::is_person_noun(head.text) {
        return None;
    }
    let possessive = |t: &Token| t.text.ends_with("'s") || t.text.ends_with("’s");
    let mut j = end - 1;
    while j > 0 && end - j <= 5 {
        let t = &tokens[j - 1];
        let lower = t.text.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "the" | "a" | "an" | "one" | "another" | "my" | "his" | "her" | "their" | "our" | "its"
        ) {
            return Some(j - 1);
        }
        if possessive(t) && t.is_capitalised() {
            return Some(j - 1);
        }
        let modifier = t.is_word()
            && !t.is(class::VERB | class::AUXILIARY | class::CONNECTOR | class::PRONOUN)
            && !is_sentence_opener(t.text)
            && !breaks_a_description(&lower)
            && !matches!(lower.as_str(), "or" | "of" | "for");
        if !modifier && !possessive(t) {
            return None;
        }
        j -= 1;
    }
    None
}

/// Collects the phrase starting at `tokens[start]`, walking forwards.
fn phrase_after(tokens: &[Token], start: usize) -> Option<usize> {
    let mut i = start;
    if i < tokens.len() && tokens[i].text.eq_ignore_ascii_case("the") {
        i += 1;
    }
    let first = i;
    loop {
        while i < tokens.len() {
            let t = &tokens[i];
            if is_name_part(t)
                || (t.is(class::CONNECTOR)
                    && i > first
                    && tokens.get(i + 1).is_some_and(is_name_part))
            {
                i += 1;
            } else {
                break;
            }
        }
        // "said Concord resident Whit Symms", "said Republican political
        // consultant Chris Russell": lowercase words of a description, then
        // the name.
        let mut j = i;
        while j < tokens.len()
            && j - i < 3
            && tokens[j].is_word()
            && !tokens[j].is_capitalised()
            && !tokens[j].is(class::VERB | class::AUXILIARY | class::CONNECTOR | class::PRONOUN)
            && !joins_a_clause(tokens[j].text)
            && !matches!(tokens[j].text, "a" | "an")
        {
            j += 1;
        }
        let name_follows = (j..tokens.len().min(j + 2)).all(|k| tokens[k].is_capitalised())
            && j + 1 < tokens.len();
        if j > i && name_follows {
            i = j;
            continue;
        }
        break;
    }
    (i > first).then_some(i)
}

fn words<'a>(tokens: &[Token<'a>]) -> Vec<&'a str> {
    tokens.iter().map(|t| t.text).collect()
}

/// The subject of the speech verb at `tokens[verb]`: a pronoun, or a name
/// phrase before it (skipping auxiliaries and a comma-delimited aside), or —
/// for inverted order — a name phrase after it.
pub(super) fn subject_of<'a>(
    tokens: &[Token<'a>],
    verb: usize,
    floor: usize,
) -> Option<(Vec<&'a str>, Vec<&'a str>, usize)> {
    let mut end = verb;
    loop {
        if end > floor && tokens[end - 1].is(class::AUXILIARY) {
            end -= 1;
        } else if end > floor + 1
            && is_time_word(tokens[end - 1].text)
            && matches!(tokens[end - 2].text, "on" | "last" | "this")
        {
            // "The Foreign Office on Saturday rejected …"
            end -= 2;
        } else if end > floor
            && matches!(
                tokens[end - 1].text,
                "today" | "yesterday" | "Today" | "Yesterday"
            )
        {
            end -= 1;
        } else {
            break;
        }
    }
    let mut appositive = Vec::new();
    if end > floor + 1 && tokens[end - 1].text == "," {
        // "Patel echoed the line, telling reporters that …": a participle's
        // subject is the subject of its sentence.
        if tokens[verb].text.ends_with("ing") {
            // "Meanwhile, the spokesperson pointed to …, saying," — past an opener.
            let mut floor = floor;
            if tokens
                .get(floor)
                .is_some_and(|t| is_sentence_opener(t.text))
                && tokens.get(floor + 1).is_some_and(|t| t.text == ",")
            {
                floor += 2;
            }
            if floor >= verb {
                return None;
            }
            // ", the ministry spokesperson said, calling …": the participle
            // goes on from the speech verb just before its comma.
            let comma = end - 1;
            if let Some(v0) = (floor..comma)
                .rev()
                .take(3)
                .find(|&k| tokens[k].is(class::VERB))
                && let Some(open) = (floor..v0).rev().find(|&k| tokens[k].text == ",")
                && v0 > open + 1
                && v0 - open <= 11
                && tokens[open + 1..v0].iter().all(|t| t.is_word())
            {
                return Some((
                    words(&tokens[open + 1..v0]),
                    Vec::new(),
                    tokens[open + 1].start,
                ));
            }
            // "During a speech in Ohio, Trump attacked …, saying": past an
            // opening adverbial phrase to the subject of the main clause.
            if matches!(
                tokens[floor].text,
                "During"
                    | "In"
                    | "At"
                    | "After"
                    | "Before"
                    | "On"
                    | "While"
                    | "When"
                    | "Earlier"
                    | "Later"
                    | "Speaking"
                    | "Asked"
                    | "Since"
                    | "Throughout"
                    | "Following"
            ) && let Some(k) = (floor + 2..comma).find(|&k| tokens[k].text == ",")
            {
                floor = k + 1;
            }
            if tokens[floor].is(class::PRONOUN) {
                return Some((vec![tokens[floor].text], Vec::new(), tokens[floor].start));
            }
            let start =
                floor + usize::from(tokens[floor].text == "the" || tokens[floor].text == "The");
            let end = phrase_after(tokens, floor)?;
            return (end > start)
                .then(|| (words(&tokens[floor..end]), Vec::new(), tokens[floor].start));
        }
        // "Miller, who spoke at the briefing, said" / "Mao Ning, the … spokesperson, said"
        let aside_end = end - 1;
        let open = (floor..aside_end)
            .rev()
            .take(45)
            .find(|&k| tokens[k].text == "," && !inside_brackets(tokens, k, aside_end))?;
        let aside = &tokens[open + 1..aside_end];
        // "The Secretary of State, Antony Blinken, said" / "Pakistan’s Foreign
        // Office spokesperson, Mumtaz Zahra Baloch, told": the aside is the
        // name, the phrase before it the title.
        if (2..=4).contains(&aside.len())
            && aside.iter().all(|t| is_name_part(t) && t.is_capitalised())
            && !aside.iter().any(|t| t.is(class::ROLE | class::ORG))
            && open > floor
            && let Some(start) = phrase_before(&tokens[floor..], open - floor).map(|s| s + floor)
            && tokens[start..open].iter().any(|t| t.is(class::ROLE))
        {
            let mut subject = words(&tokens[start..open]);
            subject.extend(words(aside));
            return Some((subject, Vec::new(), tokens[start].start));
        }
        if aside
            .first()
            .is_some_and(|t| matches!(t.text, "the" | "a" | "an"))
            && aside.iter().any(|t| t.is(class::ROLE))
        {
            appositive = words(aside);
        }
        end = open;
        // "Willie Minor, an actor in Dallas, who runs a theatre, recalled":
        // more asides before this one, each after a name.
        for _ in 0..2 {
            let Some(comma) = (floor..end).rev().take(20).find(|&k| tokens[k].text == ",") else {
                break;
            };
            let chunk = &tokens[comma + 1..end];
            let aside_like = chunk.first().is_some_and(|t| {
                matches!(t.text, "a" | "an" | "the" | "who" | "which" | "whose")
                    || (t.is_word() && !t.is_capitalised())
            });
            if aside_like && comma > floor && tokens[comma - 1].is_capitalised() {
                if appositive.is_empty() && chunk.iter().any(|t| t.is(class::ROLE)) {
                    appositive = words(chunk);
                }
                end = comma;
            } else {
                break;
            }
        }
    }
    // "…,” the statement said." / "the joint statement added": a document
    // speaks for whoever issued it (resolved in `Extractor::resolve`).
    if end > floor + 1 && is_document_noun(tokens[end - 1].text) {
        let mut start = end - 1;
        if start > floor + 1 && tokens[start - 1].text == "joint" {
            start -= 1;
        }
        if matches!(
            tokens[start - 1].text.to_ascii_lowercase().as_str(),
            "the" | "its" | "his" | "her" | "their"
        ) {
            start -= 1;
            return Some((words(&tokens[start..end]), appositive, tokens[start].start));
        }
    }
    // "…,” it said.": a statement or an institution (resolved in `Extractor::resolve`).
    if end > floor && matches!(tokens[end - 1].text, "it" | "It") {
        return Some((
            vec![tokens[end - 1].text],
            appositive,
            tokens[end - 1].start,
        ));
    }
    if end > floor && tokens[end - 1].is(class::PRONOUN) {
        return Some((
            vec![tokens[end - 1].text],
            appositive,
            tokens[end - 1].start,
        ));
    }
    if let Some(start) = phrase_before(&tokens[floor..], end - floor).map(|s| s + floor) {
        return Some((words(&tokens[start..end]), appositive, tokens[start].start));
    }
    // Inverted: "said Kirby", "said the spokesperson", "added Mao Ning, the … spokesperson".
    // "said another Twitter user, Johanna Bayer": the name after the description.
    if let Some(comma) = (verb + 1..tokens.len().min(verb + 8)).find(|&k| tokens[k].text == ",")
        && comma > verb + 1
        && tokens[verb + 1..comma].iter().all(|t| t.is_word())
        && matches!(
            tokens[verb + 1].text,
            "another" | "a" | "an" | "one" | "the"
        )
    {
        let name_end = (comma + 1..tokens.len())
            .take_while(|&k| tokens[k].is_capitalised() && tokens[k].is_word())
            .last()
            .map(|k| k + 1);
        if let Some(name_end) = name_end
            && name_end - comma > 2
            && tokens
                .get(name_end)
                .is_none_or(|t| matches!(t.text, "," | "." | ";" | ":"))
        {
            return Some((
                words(&tokens[comma + 1..name_end]),
                words(&tokens[verb + 1..comma]),
                tokens[comma + 1].start,
            ));
        }
    }
    let after = phrase_after(tokens, verb + 1)?;
    let start = verb + 1;
    let mut appositive = Vec::new();
    if tokens.get(after).is_some_and(|t| t.text == ",")
        && tokens
            .get(after + 1)
            .is_some_and(|t| matches!(t.text, "the" | "a" | "an"))
    {
        let close = (after + 1..tokens.len())
            .take(20)
            .find(|&k| matches!(tokens[k].text, "," | "." | ";"));
        if let Some(close) = close {
            appositive = words(&tokens[after + 1..close]);
        }
    }
    Some((
        words(&tokens[start..after]),
        appositive,
        tokens[start].start,
    ))
}

/// Whether `tokens[k]` lies inside brackets that close before `end`
/// ("Zoe Lofgren (D-Calif.), who …, said": the comma in "(D-Calif.)" is
/// not the aside's).
fn inside_brackets(tokens: &[Token], k: usize, end: usize) -> bool {
    let opened = tokens[..k].iter().rposition(|t| t.text == "(");
    let closed = tokens[..k].iter().rposition(|t| t.text == ")");
    opened.is_some_and(|o| closed.is_none_or(|c| c < o))
        && tokens[k..end].iter().any(|t| t.text == ")")
}

/// The subject of a speech verb that must stand before it (in the text
/// before a quotation, "urged the Security Council to" has no inverted subject).
fn subject_of_before<'a>(
    tokens: &[Token<'a>],
    verb: usize,
) -> Option<(Vec<&'a str>, Vec<&'a str>, usize)> {
    let (subject, appositive, at) = subject_of(tokens, verb, 0)?;
    (at < tokens[verb].start).then_some((subject, appositive, at))
}

/// The attribution in the text right after a quotation's closing mark, up to
/// the end of its sentence: `, Kirby said.` / `, said Kirby.` / `, according
/// to the ministry.` / `— John Kirby`.
pub fn after_quote<'a>(toks: &[Token<'a>], clause: std::ops::Range<usize>) -> Option<Cue<'a>> {
    let mut i = 0;
    while i < toks.len() && (matches!(toks[i].text, "," | ":") || is_dash(toks[i].text)) {
        i += 1;
    }
    // "according to X", "according to a State Department statement released …"
    if toks
        .get(i)
        .is_some_and(|t| t.text.eq_ignore_ascii_case("according"))
        && toks.get(i + 1).is_some_and(|t| t.text == "to")
    {
        let end = phrase_after(toks, i + 2).or_else(|| {
            let stop = (i + 2..toks.len().min(i + 12)).find(|&k| {
                !toks[k].is_word()
                    || (k > i + 2 && toks[k].text.ends_with("ed") && !toks[k].is_capitalised())
                    || matches!(toks[k].text, "who" | "which" | "that" | "on" | "in")
            });
            let stop = stop.unwrap_or(toks.len().min(i + 12));
            (stop > i + 2).then_some(stop)
        })?;
        return Some(Cue {
            subject: words(&toks[i + 2..end]),
            appositive: vec![],
            at: toks[i + 2].start,
            verb: "according to",
            clause,
        });
    }
    // "— John Kirby" at the end of a paragraph
    if i > 0 && is_dash(toks[i - 1].text) {
        let end = phrase_after(toks, i)?;
        if end == toks.len() || toks[end].text == "." {
            return Some(Cue {
                subject: words(&toks[i..end]),
                appositive: vec![],
                at: toks[i].start,
                verb: toks[i - 1].text,
                clause,
            });
        }
    }
    // "said an official familiar with the matter, who …": an unnamed source.
    if toks.get(i).is_some_and(|t| t.is(class::VERB))
        && toks
            .get(i + 1)
            .is_some_and(|t| matches!(t.text, "a" | "an" | "one"))
    {
        let end = (i + 1..toks.len())
            .find(|&k| matches!(toks[k].text, "," | "." | ";"))
            .unwrap_or(toks.len());
        return Some(Cue {
            subject: words(&toks[i + 1..end]),
            appositive: vec![],
            at: toks[i + 1].start,
            verb: toks[i].text,
            clause,
        });
    }
    // The first speech verb within a short window; everything before it must
    // be part of the subject, an aside, or an auxiliary.
    let window = toks.len().min(i + 30);
    let verb = (i..window).find(|&k| speaks(toks, k))?;
    let (subject, appositive, at) = subject_of(toks, verb, i)?;
    // Reject "… is what critics called it" shapes: the subject must start the clause.
    let subject_start = toks.iter().position(|t| t.start == at)?;
    if subject_start > verb {
        if verb != i {
            return None;
        }
    } else if toks[i..subject_start]
        .iter()
        // "…,” his spokesperson Stephane Dujarric told reporters.
        .any(|t| t.is_word() && !matches!(t.text, "his" | "her" | "its" | "their"))
    {
        return None;
    }
    Some(Cue {
        subject,
        appositive,
        at,
        verb: toks[verb].text,
        clause,
    })
}

/// Where the subject of a speech verb stands in its sentence.
enum Opening {
    /// It opens the clause, or follows an opening phrase's comma or a
    /// stray mark ("}Saeed Jalili, …, said").
    Main,
    /// It follows "A statement attributed to" / "a statement by", which
    /// starts at this token: the document speaks for the subject.
    Document(usize),
    /// It opens an adverbial clause ("after", "when", "given that"): a
    /// different moment, whose own speaker the quotation inside it has.
    Adverbial,
    /// It opens a complement clause ("said that the US welcomed …"): the
    /// content of the saying, whose speaker is the main clause's.
    Complement,
    Other,
}

fn clause_opening(toks: &[Token], start: usize) -> Opening {
    if start == 0 {
        return Opening::Main;
    }
    let mut k = start;
    // "given that earlier Vladimir Putin had claimed": adverbs aside.
    while k > 0
        && matches!(
            toks[k - 1].text,
            "earlier" | "later" | "also" | "then" | "now" | "previously"
        )
    {
        k -= 1;
    }
    if k == 0 {
        return Opening::Main;
    }
    // "But he adds that …": only sentence openers before the subject.
    if toks[..k]
        .iter()
        .all(|t| is_sentence_opener(t.text) || t.text == ",")
    {
        return Opening::Main;
    }
    let prev = &toks[k - 1];
    // "what Sroka called a …", "who Trump called …": a relative clause's
    // own subject speaks.
    if matches!(prev.text, "what" | "whom" | "who") {
        return Opening::Main;
    }
    // ", and Dayton says …": a coordinated main clause.
    if matches!(prev.text, "and" | "but" | "or" | "so" | "yet")
        && (k == 1 || toks[k - 2].text == ",")
    {
        return Opening::Main;
    }
    if prev.text == ","
        || (!prev.is_word()
            && !matches!(prev.text, "“" | "”" | "\"" | "‘" | "’" | "'" | "(")
            && !is_dash(prev.text))
    {
        return Opening::Main;
    }
    // "A statement attributed to X", "a statement issued by X", "a statement from X".
    if matches!(prev.text, "to" | "by" | "from") {
        let mut j = k - 1;
        while j > 0
            && matches!(
                toks[j - 1].text,
                "attributed" | "issued" | "signed" | "released"
            )
        {
            j -= 1;
        }
        if j > 0 && is_document_noun(&toks[j - 1].text.to_lowercase()) {
            let mut from = j - 1;
            while from > 0
                && (toks[from - 1].is_word() && !toks[from - 1].is(class::VERB))
                && j - from < 5
            {
                from -= 1;
            }
            return Opening::Document(from);
        }
    }
    if prev.text == "that" && !(k >= 2 && matches!(toks[k - 2].text, "given" | "now" | "so")) {
        return Opening::Complement;
    }
    if matches!(
        prev.text,
        "after"
            | "when"
            | "as"
            | "while"
            | "because"
            | "since"
            | "before"
            | "although"
            | "though"
            | "that"
            | "if"
            | "until"
            | "whereas"
    ) {
        return Opening::Adverbial;
    }
    Opening::Other
}

/// "was asked", "were told", "to be disclosed": a passive speech verb, whose
/// subject does not speak.
fn is_passive(toks: &[Token], verb: usize) -> bool {
    let mut k = verb;
    while k > 0
        && matches!(
            toks[k - 1].text,
            "also" | "reportedly" | "later" | "first" | "not"
        )
    {
        k -= 1;
    }
    let participle = toks[verb].text.ends_with("ed")
        || matches!(
            toks[verb].text,
            "told" | "said" | "written" | "spoken" | "shown" | "given" | "known"
        );
    k > 0
        && participle
        && matches!(
            toks[k - 1].text,
            "was" | "were" | "is" | "are" | "been" | "being" | "be" | "get" | "got"
        )
}

/// A speech frame before a quotation: the verb's index, the subject and
/// appositive words, and where the subject starts.
type Frame<'a> = (usize, Vec<&'a str>, Vec<&'a str>, usize);

/// A lowercase past-tense or present-tense verb form ("referenced",
/// "speaks", "endorsed"): what a subject does with words it is credited with.
fn acts_like_a_verb(t: &Token) -> bool {
    let w = t.text;
    w.len() > 4
        && w.chars().all(|c| c.is_ascii_lowercase())
        && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")))
        && !matches!(
            w,
            "reported" | "alleged" | "based" | "called" | "named" | "titled" | "entitled"
        )
}

/// How the text before a quotation (from its sentence start) leads into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lead<'a> {
    /// Nothing: the quotation starts its sentence.
    None,
    /// `Miller said: “…` / `Miller said, “…` / `Kirby: “…` — a direct quotation.
    Introduced(Cue<'a>),
    /// `The United States has said that … “…` — a quotation inside reported speech.
    Reported(Cue<'a>),
    /// `a journalist asked about the “…”` — a journalist's words, not a statement.
    Journalist,
    /// Other words without a speech verb: a scare quote or a title.
    Embedded,
    /// `The ministry issued an advisory asking Indians to exercise “…”` —
    /// no speech frame, but the sentence's subject may act on the words:
    /// theirs, if the subject names someone the article knows.
    Acts(Cue<'a>),
}

pub fn before_quote<'a>(toks: &[Token<'a>], clause: std::ops::Range<usize>) -> Lead<'a> {
    let toks = super::text::skip_dateline(toks);
    if toks.is_empty() {
        return Lead::None;
    }
    let journalist = toks.iter().any(|t| t.is(class::JOURNALIST))
        && toks.iter().any(|t| {
            matches!(
                t.text,
                "asked" | "asking" | "asks" | "questioned" | "question" | "wanted" | "wondered"
            )
        });
    if journalist {
        return Lead::Journalist;
    }
    // "Asked whether …" / "Responding to a question about …": until its comma
    // the sentence is the question, and quoted words there are the asker's.
    let opener_is_question = matches!(toks[0].text, "Asked" | "Asking" | "Questioned" | "Pressed")
        || (toks[0].text == "Responding" && toks.iter().take(6).any(|t| t.text == "question"));
    if opener_is_question && !toks.iter().any(|t| t.text == ",") {
        return Lead::Journalist;
    }
    let last = toks.len() - 1;
    let ends_with_lead_in = matches!(toks[last].text, ":" | ",");
    // The outermost speech frame: the first speech verb whose subject opens
    // the clause (or follows an opening phrase's comma) — "Miller said that
    // the US welcomed “…”" is Miller's. A passive ("Stano was asked
    // whether …") speaks for no one; a frame in a subordinate clause
    // ("after Pedro Sanchez claimed that …", "given that earlier Putin had
    // claimed …") counts when no main clause frames the quotation.
    // Clauses joined by ", while", ", but", "; ": the quotation belongs to
    // the frame of its own clause ("Rubio suggested that …, while Cruz said
    // that the “…”" is Cruz's), or of the last clause that has one ("… said
    // that X, and that “…”" is the sayer's).
    let clause_of = |v: usize| {
        (1..v)
            .filter(|&k| {
                toks[k].text == ";"
                    || (toks[k - 1].text == ","
                        && matches!(
                            toks[k].text,
                            "while" | "whereas" | "but" | "although" | "though"
                        ))
            })
            .count()
    };
    let mut frames: Vec<(usize, bool, Frame<'a>)> = Vec::new();
    for v in (0..toks.len()).filter(|&k| speaks(toks, k)) {
        if is_passive(toks, v) {
            continue;
        }
        let Some((subject, appositive, at)) = subject_of_before(toks, v) else {
            continue;
        };
        let Some(start) = toks.iter().position(|t| t.start == at) else {
            continue;
        };
        match clause_opening(toks, start) {
            Opening::Main => frames.push((clause_of(v), true, (v, subject, appositive, at))),
            Opening::Document(from) => {
                let subject = words(&toks[from..v])
                    .into_iter()
                    .filter(|w| *w != ",")
                    .collect();
                frames.push((
                    clause_of(v),
                    true,
                    (v, subject, appositive, toks[from].start),
                ));
            }
            // "…, when Mr. Buchanan called for ''…''": the adverbial clause's
            // own frame, when it comes after the main one.
            Opening::Adverbial => {
                let clause = clause_of(v);
                frames.retain(|f| f.0 != clause);
                frames.push((clause, true, (v, subject, appositive, at)));
            }
            Opening::Complement => frames.push((clause_of(v), false, (v, subject, appositive, at))),
            Opening::Other => {}
        }
    }
    let last_clause = frames.iter().map(|f| f.0).max();
    let in_clause = |main: bool| {
        frames
            .iter()
            .find(|f| Some(f.0) == last_clause && f.1 == main)
            .map(|f| f.2.clone())
    };
    let frame = in_clause(true).or_else(|| in_clause(false));
    match frame {
        Some((v, subject, appositive, at)) => {
            let cue = Cue {
                subject,
                appositive,
                at,
                verb: toks[v].text,
                clause,
            };
            // "said:" / "said," / "told reporters on Tuesday:" → direct
            let between = &toks[v + 1..];
            if ends_with_lead_in && between.iter().filter(|t| t.is_word()).count() <= 6 {
                Lead::Introduced(cue)
            } else {
                Lead::Reported(cue)
            }
        }
        // "Sanders shot back, “…”", "Trump fired back:" — a name, a few
        // words, then the quotation.
        None if ends_with_lead_in
            && toks[0].is_capitalised()
            && !is_sentence_opener(toks[0].text)
            && !super::mentions::is_capitalised_function_word(toks[0].text)
            && phrase_after(toks, 0).is_some_and(|end| {
                end < last
                    && last - end <= 3
                    && toks[end..last]
                        .iter()
                        .all(|t| t.is_word() && !t.is_capitalised())
            }) =>
        {
            let end = phrase_after(toks, 0).expect("checked");
            Lead::Introduced(Cue {
                subject: words(&toks[..end]),
                appositive: vec![],
                at: toks[0].start,
                verb: toks[end].text,
                clause,
            })
        }
        None if toks[last].text == ":" => {
            // "Kirby: “…”"
            match phrase_before(toks, last) {
                Some(start) if start == 0 => Lead::Introduced(Cue {
                    subject: words(&toks[start..last]),
                    appositive: vec![],
                    at: toks[start].start,
                    verb: ":",
                    clause,
                }),
                // "On why the briefing was closed: “…”", "Regarding the talks:"
                // — a topic, not a speaker: the quotation stands on its own.
                _ if !toks.iter().any(|t| t.is(class::VERB)) => Lead::None,
                _ => Lead::Embedded,
            }
        }
        // No speech verb of its own, but the sentence's subject acts on the
        // words ("The ministry issued an advisory asking Indians to exercise
        // “utmost caution”"): the subject's words.
        // No speech frame: the sentence's subject may act on the words —
        // "She often speaks of breaking “…”", "Gowdy referenced a report that
        // “…”", "The ministry issued an advisory asking Indians to exercise
        // “…”". Theirs if the subject names someone the article knows (for
        // the caller to decide). A passive ("details to be disclosed “…”")
        // acts for no one.
        None if toks
            .iter()
            .enumerate()
            .any(|(k, t)| (t.is(class::VERB) && !is_passive(toks, k)) || acts_like_a_verb(t)) =>
        {
            // Past an opening phrase ("On Monday,", "In a statement,") or
            // conjunction.
            let opening_comma = toks
                .iter()
                .take(9)
                .position(|t| t.text == ",")
                .filter(|&c| {
                    (is_sentence_opener(toks[0].text)
                        || matches!(
                            toks[0].text,
                            "For"
                                | "From"
                                | "With"
                                | "Without"
                                | "Despite"
                                | "Since"
                                | "Under"
                                | "Over"
                                | "Amid"
                                | "Like"
                                | "Unlike"
                                | "Throughout"
                        ))
                        && !toks[..c]
                            .iter()
                            .any(|t| t.is(class::VERB | class::AUXILIARY) || acts_like_a_verb(t))
                });
            let (start, skip) = match (toks.first(), opening_comma) {
                (Some(t), _) if matches!(t.text, "But" | "And" | "Yet" | "So") => (1, 1),
                (_, Some(c)) => (c + 1, c + 1),
                _ => (0, 0),
            };
            let verb = toks
                .iter()
                .find(|t| t.is(class::VERB) || acts_like_a_verb(t))
                .map_or("", |t| t.text);
            match toks.get(start) {
                Some(t) if t.is(class::PRONOUN) => Lead::Acts(Cue {
                    subject: vec![t.text],
                    appositive: vec![],
                    at: t.start,
                    verb,
                    clause,
                }),
                Some(t) if t.is_capitalised() => match phrase_after(toks, skip) {
                    Some(end) => Lead::Acts(Cue {
                        subject: words(&toks[skip..end]),
                        appositive: vec![],
                        at: toks[skip].start,
                        verb,
                        clause,
                    }),
                    None => Lead::Embedded,
                },
                _ => Lead::Embedded,
            }
        }
        None => Lead::Embedded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject_after(text: &str) -> Option<String> {
        after_quote(&tokens(text, 0), 0..text.len()).map(|c| c.subject.join(" "))
    }

    fn lead(text: &str) -> String {
        match before_quote(&tokens(text, 0), 0..text.len()) {
            Lead::None => "none".into(),
            Lead::Introduced(c) => format!("introduced {}", c.subject.join(" ")),
            Lead::Reported(c) => format!("reported {}", c.subject.join(" ")),
            Lead::Journalist => "journalist".into(),
            Lead::Embedded => "embedded".into(),
            Lead::Acts(c) => format!("acts {}", c.subject.join(" ")),
        }
    }

    #[test]
    fn attribution_after_the_quote() {
        assert_eq!(subject_after(" Kirby said.").as_deref(), Some("Kirby"));
        assert_eq!(subject_after(" said Kirby.").as_deref(), Some("Kirby"));
        assert_eq!(
            subject_after(" his spokesperson Stephane Dujarric told reporters.").as_deref(),
            Some("spokesperson Stephane Dujarric")
        );
        assert_eq!(subject_after(" he added.").as_deref(), Some("he"));
        assert_eq!(
            subject_after(" said the spokesperson.").as_deref(),
            Some("the spokesperson")
        );
        assert_eq!(
            subject_after(" Miller, who spoke at the daily briefing, said.").as_deref(),
            Some("Miller")
        );
        assert_eq!(
            subject_after(
                " US State Department Spokesperson Matthew Miller had said in a presser last year."
            )
            .as_deref(),
            Some("US State Department Spokesperson Matthew Miller")
        );
        assert_eq!(
            subject_after(", according to the Foreign Office.").as_deref(),
            Some("the Foreign Office")
        );
        assert_eq!(
            subject_after(" — John Kirby").as_deref(),
            Some("John Kirby")
        );
        assert_eq!(subject_after(" is what critics said it was."), None);
        let text = " Mao Ning, the Chinese foreign ministry spokesperson, said.";
        let cue = after_quote(&tokens(text, 0), 0..text.len()).unwrap();
        assert_eq!(cue.subject, ["Mao", "Ning"]);
        assert_eq!(
            cue.appositive.join(" "),
            "the Chinese foreign ministry spokesperson"
        );
    }

    #[test]
    fn attribution_before_the_quote() {
        assert_eq!(lead("Miller said: "), "introduced Miller");
        assert_eq!(lead("Miller said, "), "introduced Miller");
        assert_eq!(
            lead("Kirby told reporters on Tuesday: "),
            "introduced Kirby"
        );
        assert_eq!(lead("Kirby: "), "introduced Kirby");
        assert_eq!(
            lead("The United States has said that Pakistan was never an ally and that "),
            "reported The United States"
        );
        assert_eq!(lead("a journalist asked about the "), "journalist");
        assert_eq!(lead("the so-called "), "embedded");
        assert_eq!(lead(""), "none");
    }
}
