//! Briefing transcripts: "MR MILLER:", "MS JEAN-PIERRE:", "SPOKESPERSON:",
//! "Mao Ning:", "QUESTION:", "Q:", and the outlets that ask in foreign
//! ministries' transcripts ("AFP:", "Global Times:").
//!
//! An official's turn — the label's paragraph and the unlabelled paragraphs
//! after it, up to the next label — is one statement of kind `transcript`.
//! Journalists' turns are not statements, even when they quote an official.
//! Unlabelled remarks before the first label (a spokesperson's opening
//! statement, topic by topic) belong to the one official the header names.

use super::Extractor;
use super::speakers::{Person, PersonId};
use crate::dates;
use crate::model::{SpeakerKind, StatementKind};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static SURNAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<hon>MR|MS|MRS|DR|AMBASSADOR|SECRETARY|ADMIRAL|ADM|GENERAL|GEN|SENATOR|SEN|PRESIDENT|MINISTER|DEPUTY SPOKESPERSON|PRIME MINISTER)\.?\s+(?P<surname>[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+)?)$")
        .expect("valid regex")
});

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
    /// "Mao Ning", "AFP", "Global Times": a person if the article names them
    /// so, else an outlet asking.
    Named(String),
}

/// A labelled paragraph: who speaks, and where their words start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub holder: Holder,
    /// Where the words after the label start (absolute byte offset).
    pub text_start: usize,
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

/// The label that opens a paragraph, if any.
pub fn label(body: &str, para: &Range<usize>) -> Option<Label> {
    let text = &body[para.clone()];
    // White House transcripts: "Q    Thank you." — a Q with no colon.
    if let Some(rest) = text.strip_prefix("Q ").or_else(|| text.strip_prefix("Q\t"))
        && rest.starts_with(char::is_whitespace)
    {
        return Some(Label {
            holder: Holder::Question,
            text_start: para.end - rest.trim_start().len(),
        });
    }
    let colon = text[..text.floor_char_boundary(60)].find(':')?;
    let name = text[..colon].trim();
    let rest = &text[colon + 1..];
    // "Question (Meera Nair, Deccan Courier):" — a journalist named in brackets.
    let name = match name.split_once(" (") {
        Some((who, _)) if name.ends_with(')') => who.trim(),
        _ => name,
    };
    // "Official Spokesperson, Shri Randhir Jaiswal:" / "Shri Randhir Jaiswal, Official Spokesperson:"
    let name = match name.split_once(", ") {
        Some((a, b)) => {
            let is_role = |s: &str| s.split_whitespace().any(super::lexicon::is_role_head);
            let person = if is_role(a) && !is_role(b) { b } else { a };
            person
                .trim_start_matches("Shri ")
                .trim_start_matches("Smt. ")
                .trim_start_matches("Smt ")
                .trim_start_matches("Dr. ")
                .trim()
        }
        None => name,
    };
    // A label is followed by words, on its line or the next paragraph's.
    if name.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) || is_not_a_speaker(name) {
        return None;
    }
    let text_start = para.start + colon + 1 + (rest.len() - rest.trim_start().len());
    let upper = name.to_ascii_uppercase();
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
            | "PRIME MINISTER") => Some(title_case(hon)),
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
    ) {
        Holder::Role(title_case(name))
    } else if matches!(
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
    ) {
        Holder::Question
    } else if matches!(upper.as_str(), "A" | "ANSWER") {
        Holder::Answer
    } else {
        // Names and outlets: 1-5 words, each capitalised (or a connector).
        let words: Vec<&str> = name.split_whitespace().collect();
        let fits = (1..=5).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase())
                    || matches!(*w, "of" | "the" | "and" | "de" | "al")
            })
            && name
                .chars()
                .all(|c| c.is_alphabetic() || " .-’'&".contains(c));
        if !fits {
            return None;
        }
        Holder::Named(name.to_string())
    };
    Some(Label { holder, text_start })
}

/// Unlabelled paragraphs at least this long before the first turn are the
/// official's opening remarks; shorter ones are headers and topic headings.
pub(super) const OPENING_REMARKS_WORDS: usize = 25;

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
                words >= OPENING_REMARKS_WORDS
                    || (words >= 6 && text.ends_with(['.', '!', '?', '”', '"']))
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
        let speaker = match signer {
            Some(name) => Some(self.named_person(&name).unwrap_or_else(|| {
                self.table.register(Person {
                    name,
                    role: None,
                    organization: None,
                    kind: SpeakerKind::Person,
                })
            })),
            None => self
                .table
                .people
                .iter()
                .position(|p| {
                    p.kind == SpeakerKind::Person
                        && p.role
                            .as_deref()
                            .is_some_and(|r| r.to_ascii_lowercase().contains("spokes"))
                })
                .or_else(|| {
                    office.map(|office| {
                        self.table.register(Person {
                            name: office.clone(),
                            role: Some(office),
                            organization: None,
                            kind: SpeakerKind::Institution,
                        })
                    })
                }),
        };
        let date = self.date.map(dates::iso);
        for index in prose {
            self.push(
                paras[index].clone(),
                StatementKind::Transcript,
                index,
                speaker,
                false,
                date.clone(),
            );
        }
        true
    }

    /// The person a `Named` label stands for, if the article names them.
    fn named_person(&self, name: &str) -> Option<PersonId> {
        let by_full = self
            .table
            .people
            .iter()
            .position(|p| p.name == name && p.kind == SpeakerKind::Person);
        by_full.or_else(|| match self.table.by_surname(name)[..] {
            [id] => Some(id),
            _ => None,
        })
    }

    /// Whether the body reads as a transcript: at least three labelled turns,
    /// an official's and a journalist's among them (or four turns, two of an
    /// official).
    pub(super) fn transcript_labels(&self, paras: &[Range<usize>]) -> Option<Vec<Option<Label>>> {
        let labels: Vec<Option<Label>> = paras.iter().map(|p| label(self.body, p)).collect();
        let (mut official, mut question) = (0, 0);
        for l in labels.iter().flatten() {
            match &l.holder {
                Holder::Question => question += 1,
                Holder::Named(name) if self.named_person(name).is_none() => question += 1,
                _ => official += 1,
            }
        }
        let turns = official + question;
        let is_transcript =
            (turns >= 3 && question >= 1 && official >= 1) || (turns >= 4 && official >= 2);
        is_transcript.then_some(labels)
    }

    /// Who a label's turn belongs to; `None` for a journalist's turn.
    fn holder(
        &mut self,
        holder: &Holder,
        header: &[PersonId],
        last_official: Option<PersonId>,
    ) -> Option<PersonId> {
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
        match holder {
            Holder::Question => None,
            Holder::Answer => last_official
                .or_else(|| spokesperson(self))
                .or_else(|| header.first().copied()),
            Holder::Role(_) => spokesperson(self).or(last_official),
            Holder::Surname { surname, title } => Some(match self.table.by_surname(surname)[..] {
                [id] => id,
                // Two people share the surname: the one the header names, or the one speaking so far.
                ref several
                    if several
                        .iter()
                        .any(|id| header.contains(id) || last_official == Some(*id)) =>
                {
                    several
                        .iter()
                        .copied()
                        .find(|id| header.contains(id))
                        .or(last_official.filter(|id| several.contains(id)))
                        .expect("checked")
                }
                _ => self.table.register(Person {
                    name: surname.clone(),
                    role: title.clone(),
                    organization: None,
                    kind: SpeakerKind::Person,
                }),
            }),
            Holder::Named(name) => self.named_person(name),
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
        let words = |index: usize| para_tokens[index].iter().filter(|t| t.is_word()).count();
        // The header: the lines before the first turn or the first paragraph of prose.
        let first_prose = (1..first_label)
            .find(|&i| words(i) >= OPENING_REMARKS_WORDS)
            .unwrap_or(first_label);
        let header_end = paras.get(first_prose).map_or(self.body.len(), |p| p.start);
        let header = self.mentioned_before(header_end);
        let date = self.date.map(dates::iso);

        // Before the first turn: the header lines, and perhaps an official's
        // opening remarks (long unlabelled paragraphs).
        // The official the title names ("Briefing by … Maria Zakharova"), or the header's only person.
        let title_end = paras.first().map_or(0, |p| p.end);
        let in_title = self.mentioned_before(title_end);
        let opener = match (&in_title[..], &header[..]) {
            ([one], _) | ([], [one]) => Some(*one),
            _ => None,
        };
        for (index, para) in paras.iter().enumerate().take(first_label) {
            match opener {
                Some(id) if words(index) >= OPENING_REMARKS_WORDS && index > 0 => {
                    self.push(
                        para.clone(),
                        StatementKind::Transcript,
                        index,
                        Some(id),
                        false,
                        date.clone(),
                    );
                }
                _ => {
                    self.news_paragraph(
                        index,
                        para.clone(),
                        &para_tokens[index],
                        Default::default(),
                    );
                }
            }
        }

        // The turns: (holder, first paragraph, start, end).
        let mut turn: Option<(Option<PersonId>, usize, usize, usize)> = None;
        let mut last_official = None;
        for (index, (para, label)) in paras.iter().zip(labels).enumerate().skip(first_label) {
            match label {
                Some(label) => {
                    self.flush_turn(turn.take(), &date);
                    let who = self.holder(&label.holder, &header, last_official);
                    if who.is_some() {
                        last_official = who;
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

    fn flush_turn(
        &mut self,
        turn: Option<(Option<PersonId>, usize, usize, usize)>,
        date: &Option<String>,
    ) {
        if let Some((Some(id), paragraph, start, end)) = turn
            && start < end
        {
            self.push(
                start..end,
                StatementKind::Transcript,
                paragraph,
                Some(id),
                false,
                date.clone(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            holder("Related Articles: more"),
            Some(Holder::Named("Related Articles".into()))
        );
        assert_eq!(holder("Read more: elsewhere"), None);
        assert_eq!(holder("We said: no."), None);
        assert_eq!(holder("1:12 P.M. EST"), None);
    }
}
