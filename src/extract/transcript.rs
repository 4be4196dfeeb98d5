//! Briefing transcripts, in the layouts they come in:
//!
//! * `MR MILLER:`, `MS. PSAKI:`, `SPOKESPERSON:`, `QUESTION:`, `Q:`, `A:`
//!   (State Department, White House, foreign ministries);
//! * `Mao Ning:` with journalists labelled by outlet (`AFP:`, `Global
//!   Times:`, `Dragon TV:`) or `A reporter asked:`;
//! * `Jen Psaki: (00:22)` and `Karine (00:05):` with the words on the next
//!   line (transcription services); `Audience (00:14):` asks;
//! * `SEAN SPICER, WHITE HOUSE PRESS SECRETARY:` then `SPICER:` (television);
//! * `SENIOR ADMINISTRATION OFFICIAL:` (background briefings).
//!
//! An official's turn — the label's paragraph and the unlabelled paragraphs
//! after it, up to the next label — is one statement of kind `transcript`.
//! Journalists' turns are not statements, even when they quote an official.
//! Unlabelled remarks before the first label (a spokesperson's opening
//! announcements) belong to the one official the header names: each run of
//! prose paragraphs is one turn.

use super::speakers::{Person, PersonId};
use super::{Extractor, Said};
use crate::dates;
use crate::model::{SpeakerKind, StatementKind};
use crate::names;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static SURNAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<hon>MR|MS|MRS|DR|AMBASSADOR|SECRETARY|ADMIRAL|ADM|GENERAL|GEN|SENATOR|SEN|PRESIDENT|MINISTER|DEPUTY SPOKESPERSON|PRIME MINISTER|GOVERNOR|GOV)\.?\s+(?P<surname>[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+)?)$")
        .expect("valid regex")
});

/// A label's head: the name, then a timestamp before or after the colon
/// ("Karine (00:05):", "Jen Psaki: (00:22)").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Head {
    /// Where the name ends (it starts the paragraph).
    name_end: usize,
    /// Where the head ends: after the colon, or the timestamp after it.
    end: usize,
    /// A timestamp stood before or after the colon.
    stamped: bool,
}

/// The head of `window`, the start of a paragraph: the shortest name of 1
/// to 80 characters, with no colon or line break, that spaces, a timestamp
/// and spaces then a colon follow; then a timestamp after the colon, if
/// one is there. Written out rather than as a regular expression: this
/// runs on every paragraph with a colon near its start, where the regex
/// search took 3% of extraction's instructions and this takes 1%. Timestamps
/// are ASCII digits. (The tests hold it to the regex
/// `^(?P<name>[^:\n]{1,80}?)\s*(?P<t1>T)?\s*:(?:[ \t]*(?P<t2>T))?`, where
/// `T` is `\([0-9]{1,2}(?::[0-9]{2}){1,2}\)`.)
fn head(window: &str) -> Option<Head> {
    // Where a name may end: after each of its first 80 characters, up to
    // the first colon or line break.
    let mut ends = window
        .char_indices()
        .take_while(|&(_, c)| c != ':' && c != '\n')
        .take(80)
        .map(|(at, c)| at + c.len_utf8());
    ends.find_map(|name_end| {
        let after_spaces = |at: usize| at + (window[at..].len() - window[at..].trim_start().len());
        let mut at = after_spaces(name_end);
        let mut stamped = false;
        if !window[at..].starts_with(':') {
            at = after_spaces(at + timestamp(&window[at..])?);
            stamped = true;
        }
        if !window[at..].starts_with(':') {
            return None;
        }
        let mut end = at + 1;
        let spaces = window[end..].len() - window[end..].trim_start_matches([' ', '\t']).len();
        if let Some(len) = timestamp(&window[end + spaces..]) {
            end += spaces + len;
            stamped = true;
        }
        Some(Head {
            name_end,
            end,
            stamped,
        })
    })
}

/// The length of the timestamp that `text` starts with — "(00:05)",
/// "(1:02:33)" — if it starts with one.
fn timestamp(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let digits = |at: usize, most: usize| {
        bytes[at.min(bytes.len())..]
            .iter()
            .take(most)
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    if bytes.first() != Some(&b'(') {
        return None;
    }
    let hours = digits(1, 2);
    if hours == 0 {
        return None;
    }
    let mut at = 1 + hours;
    let mut groups = 0;
    while groups < 2 && bytes.get(at) == Some(&b':') && digits(at + 1, 3) == 2 {
        at += 3;
        groups += 1;
    }
    (groups > 0 && bytes.get(at) == Some(&b')')).then_some(at + 1)
}

/// Who holds a turn, as its label says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    /// "MR MILLER" → surname "Miller", honorific title if it is one ("Secretary").
    Surname {
        surname: String,
        title: Option<String>,
    },
    /// "SPOKESPERSON": the spokesperson named in the briefing's header.
    Role(String),
    /// "A:" — the official answering.
    Answer,
    /// A journalist, a moderator or an operator.
    Question,
    /// "SENIOR ADMINISTRATION OFFICIAL": an official the briefing does not name.
    Anonymous(String),
    /// "SEAN SPICER, WHITE HOUSE PRESS SECRETARY": a name with its title.
    Titled { name: String, title: String },
    /// "Mao Ning", "AFP", "Global Times": a person if the article names them
    /// so or the name is a person's, else an outlet asking.
    Named(String),
}

/// A labelled paragraph: who speaks, and where their words start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub holder: Holder,
    /// Where the words after the label start (absolute byte offset).
    pub text_start: usize,
    /// The label's shape leaves no doubt that this is a transcript
    /// ("MR MILLER:", a timestamp).
    pub strong: bool,
}

/// Prefixes with a colon that are not speakers.
fn is_not_a_speaker(label: &str) -> bool {
    matches!(
        label.to_ascii_lowercase().as_str(),
        "note"
            | "source"
            | "sources"
            | "photo"
            | "photos"
            | "read more"
            | "related"
            | "related articles"
            | "related materials"
            | "also read"
            | "watch"
            | "update"
            | "updated"
            | "editor's note"
            | "editor’s note"
            | "caption"
            | "credit"
            | "tags"
            | "topics"
            | "subject"
            | "date"
            | "time"
            | "location"
            | "venue"
            | "place"
            | "transcript"
            | "video"
            | "audio"
            | "listen"
            | "share"
            | "follow"
            | "by"
            | "from"
            | "to"
            | "cc"
            | "re"
            | "fwd"
            | "title"
            | "headline"
            | "summary"
            | "background"
            | "context"
            | "key points"
            | "press release"
            | "comments"
            | "url"
            | "link"
            | "published"
            | "posted"
            | "category"
            | "file"
            | "opinion"
            | "analysis"
            | "explainer"
            | "live"
            | "breaking"
            | "exclusive"
            | "correction"
            | "excerpts"
            | "index"
            | "font size"
    )
}

fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut upper = true;
    for c in word.chars() {
        if upper {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        upper = matches!(c, '-' | ' ' | '’' | '\'');
    }
    out
}

/// A name as a label writes it, in the case a name is written in
/// ("SEAN SPICER" → "Sean Spicer"; "Mao Ning" unchanged).
fn name_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) || name.len() <= 4 || names::is_outlet(name) {
        name.to_string()
    } else {
        title_case(name)
    }
}

/// The label that opens a paragraph, if any.
pub fn label(body: &str, para: &Range<usize>) -> Option<Label> {
    let text = &body[para.clone()];
    // White House transcripts: "Q    Thank you.", "Q (Inaudible.)" — a Q with no colon.
    if let Some(rest) = text.strip_prefix("Q ").or_else(|| text.strip_prefix("Q\t"))
        && (rest.starts_with(char::is_whitespace) || rest.starts_with('('))
    {
        return Some(Label {
            holder: Holder::Question,
            text_start: para.end - rest.trim_start().len(),
            strong: false,
        });
    }
    // Most paragraphs have no colon near their start: no regex for them.
    let window = &text[..text.floor_char_boundary(100)];
    if !window.contains(':') {
        return None;
    }
    let head = head(window)?;
    let stamped = head.stamped;
    let name = window[..head.name_end].trim();
    let rest = &text[head.end..];
    // "Question (Meera Nair, Deccan Courier):" — a journalist named in
    // brackets; "…, spokesperson (German):" — the language of a soundbite.
    let name = match name.rsplit_once(" (") {
        Some((who, _)) if name.ends_with(')') => who.trim(),
        _ => name,
    };
    let role_of = |s: &str| s.split_whitespace().any(super::lexicon::is_role_head);
    // "SEAN SPICER, WHITE HOUSE PRESS SECRETARY" / "Official Spokesperson,
    // Shri Randhir Jaiswal" / "Shri Randhir Jaiswal, Official Spokesperson"
    // "SEAN SPICER, WHITE HOUSE PRESS SECRETARY" / "Official Spokesperson,
    // Shri Randhir Jaiswal" / "SOT, Steffen Seibert, German government
    // spokesperson (German)": the part with a role word is the title, the
    // other the name; a soundbite tag ("SOT") is neither.
    let parts: Vec<&str> = name
        .split(", ")
        .map(str::trim)
        .filter(|p| {
            !matches!(
                *p,
                "SOT" | "VO" | "UPSOUND" | "SOUNDBITE" | "SOUNDBITES" | "INTERVIEW"
            )
        })
        .collect();
    // Each part names or titles someone: capitalised words, titles and
    // their small words ("German government spokesperson"), no verbs
    // ("Baloch, told reporters:" is a sentence, not a label).
    let part_ok = |part: &str| {
        part.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || matches!(w, "of" | "the" | "and" | "for" | "de" | "al" | "bin" | "on")
                || super::lexicon::is_role_head(w)
                || super::lexicon::is_org_head(w)
                || matches!(
                    w,
                    "government"
                        | "foreign"
                        | "press"
                        | "deputy"
                        | "senior"
                        | "national"
                        | "security"
                        | "affairs"
                        | "state"
                )
        })
    };
    if parts.len() > 3 || (parts.len() > 1 && !parts.iter().all(|p| part_ok(p))) {
        return None;
    }
    let (name, title) = match parts[..] {
        [] => return None,
        [one] => (one, None),
        [a, b, ..] => {
            let (person, title) = if role_of(a) && !role_of(b) {
                (b, a)
            } else {
                (a, b)
            };
            let person = person
                .trim_start_matches("Shri ")
                .trim_start_matches("Smt. ")
                .trim_start_matches("Smt ")
                .trim_start_matches("Dr. ")
                .trim();
            (person, Some(title))
        }
    };
    // A label is followed by words, on its line or the next paragraph's.
    if name.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) || is_not_a_speaker(name) {
        return None;
    }
    let text_start = para.start + head.end + (rest.len() - rest.trim_start().len());
    let upper = name.to_uppercase();
    let lower = name.to_lowercase();
    let asks = lower.ends_with(" asked")
        || lower.ends_with(" asks")
        || lower
            .split_whitespace()
            .any(super::lexicon::is_journalist_noun);
    let holder = if let Some(c) = SURNAME.captures(name) {
        let title = match &c["hon"] {
            hon @ ("SECRETARY"
            | "AMBASSADOR"
            | "ADMIRAL"
            | "GENERAL"
            | "PRESIDENT"
            | "MINISTER"
            | "SENATOR"
            | "DEPUTY SPOKESPERSON"
            | "PRIME MINISTER"
            | "GOVERNOR") => Some(title_case(hon)),
            _ => None,
        };
        Holder::Surname {
            surname: title_case(&c["surname"]),
            title,
        }
    } else if matches!(
        upper.as_str(),
        "SPOKESPERSON"
            | "SPOKESMAN"
            | "SPOKESWOMAN"
            | "OFFICIAL SPOKESPERSON"
            | "DEPUTY SPOKESPERSON"
            | "THE SPOKESPERSON"
            | "PRESS SECRETARY"
    ) {
        Holder::Role(title_case(name))
    } else if asks
        || matches!(
            upper.as_str(),
            "QUESTION"
                | "Q"
                | "REPORTER"
                | "JOURNALIST"
                | "MODERATOR"
                | "OPERATOR"
                | "PARTICIPANT"
                | "AUDIENCE MEMBER"
                | "AUDIENCE"
                | "QUESTIONER"
                | "MEDIA"
                | "UNIDENTIFIED MALE"
                | "UNIDENTIFIED FEMALE"
                | "CROWD"
        )
    {
        Holder::Question
    } else if matches!(upper.as_str(), "A" | "ANSWER") {
        Holder::Answer
    } else if upper.ends_with(" OFFICIAL") && upper.split_whitespace().count() <= 5 {
        // The first character capitalised, whatever its width ("“we …
        // official" came from a fuzzer: a byte index there panicked).
        let description = name.to_lowercase();
        let mut chars = description.chars();
        let description = chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().collect::<String>() + chars.as_str()
        });
        Holder::Anonymous(description)
    } else {
        // Names and outlets: 1-5 words, each capitalised (or a connector).
        let words: Vec<&str> = name.split_whitespace().collect();
        let fits = (1..=5).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase())
                    || matches!(*w, "of" | "the" | "and" | "de" | "al" | "bin")
            })
            && name
                .chars()
                .all(|c| c.is_alphabetic() || " .-’'&".contains(c));
        if !fits {
            return None;
        }
        match title {
            Some(title) if role_of(title) => Holder::Titled {
                name: name_case(name),
                title: name_case(title),
            },
            _ => Holder::Named(name_case(name)),
        }
    };
    let strong = stamped || matches!(holder, Holder::Surname { .. } | Holder::Titled { .. });
    Some(Label {
        holder,
        text_start,
        strong,
    })
}

/// A line of a title: capitalised words (small words aside) and no closing
/// full stop ("Press Gaggle by Press Secretary Sean Spicer").
fn is_title_case(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= 2
        && !line.trim_end().ends_with(['.', '?', '!', ','])
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| !c.is_lowercase())
                || matches!(
                    *w,
                    "a" | "an"
                        | "the"
                        | "of"
                        | "and"
                        | "by"
                        | "on"
                        | "for"
                        | "in"
                        | "to"
                        | "with"
                        | "at"
                )
        })
}

/// A turn being read: its holder and why, its first paragraph, and where
/// its words start and end.
type Turn = (Option<(PersonId, String)>, usize, usize, usize);

/// Unlabelled paragraphs before the first turn start an official's opening
/// remarks when they are prose of at least this many words; shorter ones
/// are headers and topic headings (a short sentence may still close a run).
pub(super) const OPENING_REMARKS_WORDS: usize = 12;

impl Extractor<'_> {
    /// A statement issued as a document — "Statement by the Spokesperson on
    /// …", "Statement attributable to the Spokesperson for the
    /// Secretary-General" — is the spokesperson's words, paragraph by
    /// paragraph. Returns whether the body was such a document.
    pub(super) fn statement_document(
        &mut self,
        paras: &[Range<usize>],
        para_tokens: &[Vec<super::text::Token>],
    ) -> bool {
        static TITLE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)\b(statement|remarks|declaration)\s+(by|of|from|attributable to)\s+(the\s+)?(\w+\s+)?(spokesperson|spokesman|spokeswoman|high representative|secretary-general)")
                .expect("valid regex")
        });
        let Some(title) = paras.first() else {
            return false;
        };
        let Some(office) = TITLE.captures(&self.body[title.clone()]) else {
            return false;
        };
        // "the High Representative", "the Spokesperson": who speaks when no
        // one signs and no spokesperson is named.
        let office = office.get(5).map(|m| title_case(m.as_str()));
        // Prose: paragraphs of sentences, not the dateline or the signature.
        let prose: Vec<usize> = (1..paras.len())
            .filter(|&i| {
                let words = para_tokens[i].iter().filter(|t| t.is_word()).count();
                let text = self.body[paras[i].clone()].trim_end();
                words >= 25 || (words >= 6 && text.ends_with(['.', '!', '?', '”', '"']))
            })
            .collect();
        // The signer: the first line after the last paragraph of prose that is
        // a person's name ("Josep Borrell" above "High Representative …", or
        // "Peter Stano, Lead Spokesperson …"); else the spokesperson named.
        let after_prose = prose.last().map_or(0, |&i| paras[i].end);
        let signer = self.body[after_prose..].lines().find_map(|line| {
            let name = line.split(',').next()?.trim();
            let words: Vec<&str> = name.split_whitespace().collect();
            let is_name = (2..=4).contains(&words.len())
                && words.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c))
                })
                && !words
                    .iter()
                    .any(|w| super::lexicon::is_role_head(w) || super::lexicon::is_org_head(w));
            is_name.then(|| name.to_string())
        });
        let (speaker, evidence) = match signer {
            Some(name) => {
                let id = self
                    .named_person(&name)
                    .unwrap_or_else(|| self.table.register(Person::named(name.clone())));
                (Some(id), format!("signed by {name}"))
            }
            None => match self.table.people.iter().position(|p| {
                p.kind == SpeakerKind::Person
                    && p.role
                        .as_deref()
                        .is_some_and(|r| r.to_ascii_lowercase().contains("spokes"))
            }) {
                Some(id) => (Some(id), "the spokesperson the statement names".to_string()),
                None => match office {
                    Some(office) => {
                        let id = self.table.register(Person {
                            role: Some(office.clone()),
                            kind: SpeakerKind::Institution,
                            ..Person::named(office.clone())
                        });
                        (Some(id), format!("issued in the name of the {office}"))
                    }
                    None => (None, String::new()),
                },
            },
        };
        let date = self.date.map(dates::iso);
        for index in prose {
            let said = Said {
                said_on: date.clone(),
                ..Said::by(speaker, "statement document", None, evidence.clone())
            };
            self.push(paras[index].clone(), StatementKind::Transcript, index, said);
        }
        true
    }

    /// The person a `Named` label stands for, if the article names them.
    fn named_person(&self, name: &str) -> Option<PersonId> {
        let by_full = self
            .table
            .by_name(name)
            .filter(|&id| self.table.people[id].kind == SpeakerKind::Person);
        by_full.or_else(|| match self.table.by_surname(name)[..] {
            [id] => Some(id),
            _ => None,
        })
    }

    /// Whether a `Named` label names a person (an official or a guest)
    /// rather than an outlet asking.
    fn is_person_label(&self, name: &str) -> bool {
        if self.named_person(name).is_some() || crate::directory::by_name(name).is_some() {
            return true;
        }
        if names::is_outlet(name) {
            return false;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        match words[..] {
            // "SPICER:", "PENCE:" as television transcripts write them.
            [one] => {
                self.label_case_upper(one)
                    || names::is_given_name(one)
                    || !self.table.by_surname(one).is_empty()
            }
            [first, ..] if words.len() <= 4 => {
                names::is_given_name(first) || names::is_family_first(first)
            }
            _ => false,
        }
    }

    /// Whether a one-word label was written in capitals in the body ("SPICER:").
    fn label_case_upper(&self, word: &str) -> bool {
        let upper = word.to_uppercase();
        upper.chars().count() > 2
            && self.body.contains(&format!("{upper}:"))
            && !names::is_outlet(word)
    }

    /// Whether the body reads as a transcript: at least three labelled turns,
    /// an official's and a journalist's among them (or four turns, two of an
    /// official), or one label of a shape only transcripts use ("MR
    /// MILLER:", a timestamp), or a briefing's header over an official's and
    /// a journalist's turn.
    pub(super) fn transcript_labels(&self, paras: &[Range<usize>]) -> Option<Vec<Option<Label>>> {
        let mut labels: Vec<Option<Label>> = paras.iter().map(|p| label(self.body, p)).collect();
        // A title is no turn: "Sean Spicer: Press Gaggle by Press Secretary Sean Spicer".
        if let (Some(Some(l)), Some(first)) = (labels.first(), paras.first()) {
            let line = self.body[l.text_start..first.end]
                .lines()
                .next()
                .unwrap_or("");
            if is_title_case(line) {
                labels[0] = None;
            }
        }
        let (mut official, mut question, mut strong) = (0, 0, 0);
        for l in labels.iter().flatten() {
            match &l.holder {
                Holder::Question => question += 1,
                Holder::Named(name) if !self.is_person_label(name) => question += 1,
                _ => official += 1,
            }
            strong += usize::from(l.strong);
        }
        let turns = official + question;
        let first = labels
            .iter()
            .position(Option::is_some)
            .unwrap_or(paras.len());
        // The title and the lines under it, not the whole text before the first turn.
        let header_end = paras[..first.min(4).min(paras.len())]
            .last()
            .map_or(0, |p| p.end)
            .min(600)
            .min(self.body.len());
        let header = &self.body[..self.body.floor_char_boundary(header_end)];
        let briefing_header = {
            let lower = header.to_lowercase();
            [
                "press conference",
                "briefing",
                "transcript",
                "gaggle",
                "remarks",
                "press encounter",
            ]
            .iter()
            .any(|w| lower.contains(w))
        };
        // In a transcript most turns are labelled; a live blog or an article
        // with a stray "Name:" line is not one.
        let after_first = paras.len().saturating_sub(first).max(1);
        let dense = turns * 6 >= after_first || strong >= 2;
        // A foreign ministry's briefing: the header names the spokesperson,
        // who opens with announcements before the questions.
        let spokesperson_named = self
            .mentioned_before(paras.get(first).map_or(0, |p| p.start))
            .iter()
            .any(|&id| {
                self.table.people[id]
                    .role
                    .as_deref()
                    .is_some_and(|r| r.to_lowercase().contains("spokes"))
            });
        let is_transcript = dense
            && ((turns >= 3 && question >= 1 && official >= 1)
                || (briefing_header && spokesperson_named && question >= 1)
                || (turns >= 4 && official >= 2)
                || (strong >= 1 && official >= 1)
                || (briefing_header && official >= 1 && question >= 1));
        is_transcript.then_some(labels)
    }

    /// Who a label's turn belongs to, with why; `None` for a journalist's turn.
    fn holder(
        &mut self,
        holder: &Holder,
        header: &[PersonId],
        last_official: Option<PersonId>,
    ) -> Option<(PersonId, String)> {
        let spokesperson = |this: &Self| {
            let is_spokes = |id: &PersonId| {
                this.table.people[*id]
                    .role
                    .as_deref()
                    .is_some_and(|r| r.to_ascii_lowercase().contains("spokes"))
            };
            header
                .iter()
                .copied()
                .find(is_spokes)
                .or_else(|| (header.len() == 1).then(|| header[0]))
        };
        let name_of = |this: &Self, id: PersonId| this.table.people[id].name.clone();
        match holder {
            Holder::Question => None,
            Holder::Named(name) if !self.is_person_label(name) => None,
            Holder::Answer => {
                let id = last_official
                    .or_else(|| spokesperson(self))
                    .or_else(|| header.first().copied())?;
                Some((
                    id,
                    format!(
                        "“A:” answers are {}'s, the briefing's official",
                        name_of(self, id)
                    ),
                ))
            }
            Holder::Role(role) => {
                let id = spokesperson(self).or(last_official)?;
                Some((
                    id,
                    format!("“{role}” is {}, named in the header", name_of(self, id)),
                ))
            }
            Holder::Anonymous(description) => {
                let id = self.table.register(Person {
                    anonymous: true,
                    ..Person::named(description.clone())
                });
                Some((id, "an official the briefing does not name".into()))
            }
            Holder::Titled { name, title } => {
                let words: Vec<&str> = title.split(' ').chain(name.split(' ')).collect();
                let phrase = super::speakers::parse_name_phrase(&words);
                let id = self.table.register(Person {
                    role: phrase.role,
                    organization: phrase.organization,
                    country: phrase.country,
                    gender: names::given_name_gender(name.split(' ').next().unwrap_or("")),
                    ..Person::named(name.clone())
                });
                self.complete_person(id);
                Some((id, "named with a title in the label".into()))
            }
            Holder::Surname { surname, title } => {
                match self.table.by_surname(surname)[..] {
                    [id] => {
                        let why = format!("surname of {}, named in the header", name_of(self, id));
                        Some((id, why))
                    }
                    // Two people share the surname: the one the header names, or the one speaking so far.
                    ref several
                        if several
                            .iter()
                            .any(|id| header.contains(id) || last_official == Some(*id)) =>
                    {
                        let id = several
                            .iter()
                            .copied()
                            .find(|id| header.contains(id))
                            .or(last_official.filter(|id| several.contains(id)))?;
                        Some((
                            id,
                            format!("surname of {}, named in the header", name_of(self, id)),
                        ))
                    }
                    _ => {
                        let role = title.clone().or_else(|| Some("Spokesperson".to_string()));
                        if let Some(found) =
                            self.look_up_directory(surname, role.as_deref(), None, None)
                        {
                            return Some(found);
                        }
                        if let Some(found) = self.look_up_directory(surname, None, None, None) {
                            return Some(found);
                        }
                        let id = self.table.register(Person {
                            role: title.clone(),
                            ..Person::named(surname.clone())
                        });
                        Some((
                            id,
                            format!("“{surname}”: the briefing gives no fuller name"),
                        ))
                    }
                }
            }
            Holder::Named(name) => {
                if let Some(id) = self.named_person(name) {
                    let why = if self.table.people[id].name == *name {
                        "named in the label".to_string()
                    } else {
                        format!("“{name}” is {}, named in the header", name_of(self, id))
                    };
                    return Some((id, why));
                }
                let id = self.table.register(Person {
                    gender: names::given_name_gender(name.split(' ').next().unwrap_or("")),
                    ..Person::named(name.clone())
                });
                self.complete_person(id);
                Some((id, "named in the label".into()))
            }
        }
    }

    /// What the header says of the briefing's office and country ("Daily
    /// Press Briefing … Washington, DC" at the State Department), for labels
    /// that give only a surname.
    fn read_briefing_header(&mut self, header: &str) {
        let lower = header.to_lowercase();
        let offices: [(&str, &'static str, &'static str); 6] = [
            ("state department", "Department of State", "United States"),
            (
                "department of state",
                "Department of State",
                "United States",
            ),
            (
                "daily press briefing",
                "Department of State",
                "United States",
            ),
            ("white house", "White House", "United States"),
            ("pentagon", "Department of Defense", "United States"),
            (
                "foreign ministry spokesperson",
                "Ministry of Foreign Affairs",
                "",
            ),
        ];
        if let Some((_, org, country)) = offices.iter().find(|(k, _, _)| lower.contains(k)) {
            self.briefing_organization = Some(org);
            if !country.is_empty() {
                self.briefing_country = Some(country);
            }
        }
    }

    pub(super) fn transcript(
        &mut self,
        paras: &[Range<usize>],
        para_tokens: &[Vec<super::text::Token>],
        labels: &[Option<Label>],
    ) {
        let first_label = labels
            .iter()
            .position(Option::is_some)
            .unwrap_or(paras.len());
        let header_end = paras.get(first_label).map_or(self.body.len(), |p| p.start);
        let header_text = &self.body[..header_end];
        self.read_briefing_header(header_text);
        // People named in the header: titled mentions, and lines that hold
        // only a name ("John Kirby" above "Daily Press Briefing").
        for para in &paras[..first_label] {
            for line in self.body[para.clone()].lines() {
                let name = line.trim();
                let words: Vec<&str> = name.split_whitespace().collect();
                if (2..=3).contains(&words.len())
                    && words.iter().all(|w| super::speakers::is_name_word(w))
                    && names::is_given_name(words[0])
                    && self.table.by_name(name).is_none()
                {
                    let at = self.body[para.clone()].find(name).map(|i| para.start + i);
                    let id = self.table.register(Person {
                        gender: names::given_name_gender(words[0]),
                        named_at: at,
                        ..Person::named(name)
                    });
                    self.complete_person(id);
                    if let Some(at) = at {
                        self.mention(at, id);
                    }
                }
            }
        }
        let header = self.mentioned_before(header_end);
        let date = self.date.map(dates::iso);

        // The official the title names ("Briefing by … Maria Zakharova"), or the header's only person.
        let title_end = paras.first().map_or(0, |p| p.end);
        let in_title = self.mentioned_before(title_end);
        let opener = match (&in_title[..], &header[..]) {
            ([one], _) | ([], [one]) => Some(*one),
            _ => header.iter().copied().find(|&id| {
                self.table.people[id]
                    .role
                    .as_deref()
                    .is_some_and(|r| r.to_ascii_lowercase().contains("spokes"))
            }),
        };
        // Before the first turn: the header lines, and perhaps an official's
        // opening remarks — runs of prose that do not speak of the official
        // in the third person (a reporter's introduction does).
        let mut run: Option<(usize, usize, usize)> = None;
        for (index, para) in paras.iter().enumerate().take(first_label) {
            let text = self.body[para.clone()].trim();
            let words = para_tokens[index].iter().filter(|t| t.is_word()).count();
            let prose = index > 0 && text.ends_with(['.', '!', '?', '”', '"']) && words >= 4;
            let third_person = opener.is_some_and(|id| {
                let p = &self.table.people[id];
                let surname = p.name.rsplit(' ').next().unwrap_or(&p.name);
                text.contains(surname)
                    || text.starts_with("He ")
                    || text.starts_with("She ")
                    || text.contains(" he ")
                    || text.contains(" she ")
            });
            let opens = prose && words >= OPENING_REMARKS_WORDS && !third_person;
            match (&mut run, opener) {
                (Some(r), _) if prose && !third_person => r.2 = para.end,
                (None, Some(_)) if opens => run = Some((index, para.start, para.end)),
                _ => {
                    self.flush_opening(run.take(), opener, &date);
                    if !opens {
                        self.news_paragraph(
                            index,
                            para.clone(),
                            &para_tokens[index],
                            Default::default(),
                        );
                    }
                }
            }
        }
        self.flush_opening(run.take(), opener, &date);

        // The turns: (holder and why, first paragraph, start, end).
        let mut turn: Option<Turn> = None;
        let mut last_official = None;
        for (index, (para, label)) in paras.iter().zip(labels).enumerate().skip(first_label) {
            match label {
                Some(label) => {
                    self.flush_turn(turn.take(), &date);
                    let who = self.holder(&label.holder, &header, last_official);
                    if let Some((id, _)) = &who {
                        last_official = Some(*id);
                    }
                    turn = Some((who, index, label.text_start, para.end));
                }
                None => {
                    // "(The briefing was concluded at 1:52 p.m.)" is no one's words.
                    let text = self.body[para.clone()].trim();
                    let stage_direction =
                        text.starts_with(['(', '[']) && text.ends_with([')', ']']);
                    if let Some(t) = turn.as_mut()
                        && !stage_direction
                    {
                        t.3 = para.end;
                    }
                }
            }
        }
        self.flush_turn(turn, &date);
    }

    fn flush_opening(
        &mut self,
        run: Option<(usize, usize, usize)>,
        opener: Option<PersonId>,
        date: &Option<String>,
    ) {
        if let (Some((index, start, end)), Some(id)) = (run, opener) {
            let name = self.table.people[id].name.clone();
            let said = Said {
                said_on: date.clone(),
                ..Said::by(
                    Some(id),
                    "opening remarks",
                    None,
                    format!(
                        "before the first question, in the briefing of {name}, named in the header"
                    ),
                )
            };
            self.push(start..end, StatementKind::Transcript, index, said);
        }
    }

    fn flush_turn(&mut self, turn: Option<Turn>, date: &Option<String>) {
        if let Some((Some((id, why)), paragraph, start, end)) = turn
            && start < end
        {
            let said = Said {
                said_on: date.clone(),
                ..Said::by(Some(id), "transcript label", None, why)
            };
            self.push(start..end, StatementKind::Transcript, paragraph, said);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `head`, as the regular expression its documentation gives.
    fn reference_head(window: &str) -> Option<Head> {
        static HEAD: LazyLock<Regex> = LazyLock::new(|| {
            let t = r"\([0-9]{1,2}(?::[0-9]{2}){1,2}\)";
            Regex::new(&format!(
                r"^(?P<name>[^:\n]{{1,80}}?)\s*(?P<t1>{t})?\s*:(?:[ \t]*(?P<t2>{t}))?"
            ))
            .unwrap()
        });
        let head = HEAD.captures(window)?;
        Some(Head {
            name_end: head.name("name")?.end(),
            end: head.get(0)?.end(),
            stamped: head.name("t1").is_some() || head.name("t2").is_some(),
        })
    }

    proptest::proptest! {
        #![proptest_config(crate::proptest_config(1024))]
        #[test]
        fn head_is_the_regex_it_documents(
            // A name, spaces, a timestamp or something like one, spaces, a
            // colon, spaces, a timestamp or something like one, more text.
            window in r"[A-Za-z é:\n(]{0,6}[ \t\u{a0}]{0,2}(\([0-9]{0,3}(:[0-9]{0,3}){0,3}\)?)?[ \t\n]{0,2}:?[ \t]{0,2}(\([0-9]{0,3}(:[0-9]{0,3}){0,3}\)?)?[a-z:() ]{0,4}",
        ) {
            proptest::prop_assert_eq!(head(&window), reference_head(&window));
        }
    }

    #[test]
    fn heads_with_timestamps() {
        fn at(w: &str) -> Option<(&str, &str, bool)> {
            head(w).map(|h| (&w[..h.name_end], &w[h.end..], h.stamped))
        }
        assert_eq!(at("MR MILLER: Good."), Some(("MR MILLER", " Good.", false)));
        assert_eq!(at("Karine (00:05): Hi"), Some(("Karine", " Hi", true)));
        assert_eq!(
            at("Jen Psaki: (1:00:22) So"),
            Some(("Jen Psaki", " So", true))
        );
        assert_eq!(at("Note (123:45): x"), Some(("Note (123", "45): x", false)));
        assert_eq!(at("No colon here"), None);
        assert_eq!(at(&format!("{}: long", "a".repeat(81))), None);
    }

    fn holder(text: &str) -> Option<Holder> {
        label(text, &(0..text.len())).map(|l| l.holder)
    }

    #[test]
    fn labels() {
        assert_eq!(
            holder("MR MILLER: Good afternoon."),
            Some(Holder::Surname {
                surname: "Miller".into(),
                title: None
            })
        );
        assert_eq!(
            holder("MS JEAN-PIERRE: Thanks."),
            Some(Holder::Surname {
                surname: "Jean-Pierre".into(),
                title: None
            })
        );
        assert_eq!(
            holder("SPOKESPERSON: Yes."),
            Some(Holder::Role("Spokesperson".into()))
        );
        assert_eq!(
            holder("Mao Ning: China firmly opposes it."),
            Some(Holder::Named("Mao Ning".into()))
        );
        assert_eq!(
            holder("AFP: A follow-up on Taiwan."),
            Some(Holder::Named("AFP".into()))
        );
        assert_eq!(
            holder("QUESTION: Can you say more?"),
            Some(Holder::Question)
        );
        assert_eq!(holder("Q: And on Iran?"), Some(Holder::Question));
        assert_eq!(holder("Related Articles: more"), None);
        assert_eq!(holder("Read more: elsewhere"), None);
        assert_eq!(holder("We said: no."), None);
        assert_eq!(holder("1:12 P.M. EST"), None);
    }

    #[test]
    fn an_official_label_that_starts_with_a_wide_character() {
        // Found by the fuzzer: the description was capitalised by byte.
        for text in [
            "“we senior official: We are concerned.",
            "élite OFFICIAL: Yes.",
        ] {
            if let Some(Holder::Anonymous(description)) = holder(text) {
                assert!(description.ends_with(" official"), "{description}");
            }
        }
        assert_eq!(
            holder("SENIOR ADMINISTRATION OFFICIAL: Thanks."),
            Some(Holder::Anonymous("Senior administration official".into()))
        );
    }

    #[test]
    fn labels_of_transcription_services_television_and_background_briefings() {
        let l = label("Karine (00:05):", &(0..15)).unwrap();
        assert_eq!(l.holder, Holder::Named("Karine".into()));
        assert!(l.strong);
        let text = "Jen Psaki: (00:22)\nGood afternoon.";
        let l = label(text, &(0..text.len())).unwrap();
        assert_eq!(l.holder, Holder::Named("Jen Psaki".into()));
        assert_eq!(&text[l.text_start..], "Good afternoon.");
        assert_eq!(holder("Audience (00:14): Hi."), Some(Holder::Question));
        assert_eq!(
            holder("SEAN SPICER, WHITE HOUSE PRESS SECRETARY: Although …"),
            Some(Holder::Titled {
                name: "Sean Spicer".into(),
                title: "White House Press Secretary".into()
            })
        );
        assert_eq!(
            holder("SENIOR ADMINISTRATION OFFICIAL: Hi, everyone."),
            Some(Holder::Anonymous("Senior administration official".into()))
        );
        assert_eq!(
            holder("A reporter asked: What is China's comment?"),
            Some(Holder::Question)
        );
        assert_eq!(holder("Q (Inaudible.)"), Some(Holder::Question));
        assert_eq!(
            holder("SPICER: Also this morning"),
            Some(Holder::Named("Spicer".into()))
        );
    }
}
