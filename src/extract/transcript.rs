//! Briefing transcripts: "MR MILLER:", "MS JEAN-PIERRE:", "SPOKESPERSON:",
//! "Mao Ning:", "QUESTION:", "Q:" turns. Every paragraph of an official's
//! turn is a statement, including the unlabelled paragraphs that follow the
//! label; journalists' turns are not statements.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<hon>MR|MS|MRS|DR|AMBASSADOR|SECRETARY|ADMIRAL|ADM|GENERAL|GEN|SENATOR|SEN|PRESIDENT|MINISTER|DEPUTY SPOKESPERSON|PRIME MINISTER)\.?\s+(?P<surname>[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+)?)|(?P<role>SPOKESPERSON|SPOKESMAN|SPOKESWOMAN|SPOKESPERSON [A-Z]+)|(?P<question>QUESTION|Question|Q|REPORTER|Reporter|JOURNALIST|Journalist|MODERATOR|Moderator|OPERATOR|Operator|PARTICIPANT|Participant)|(?P<answer>A|ANSWER|Answer)|(?P<name>[A-Z][a-z’'\-]+(?:\s+[A-Z][a-z’'\-]+){1,2}))\s*:\s*",
    )
    .expect("valid regex")
});

/// Who holds a turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    /// "MR MILLER" → surname "Miller", honorific title if it is one ("Secretary").
    Surname {
        surname: String,
        title: Option<String>,
    },
    /// "SPOKESPERSON": the spokesperson named in the briefing's header.
    Role(String),
    /// "Mao Ning": a full name.
    Name(String),
    /// "A:" — the official answering.
    Answer,
    /// A journalist, a moderator or an operator.
    Question,
}

/// A labelled paragraph: who speaks, and where their words start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub holder: Holder,
    /// Where the words after the label start (absolute byte offset).
    pub text_start: usize,
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
    let c = LABEL.captures(text)?;
    let whole = c.get(0)?;
    let holder = if let Some(s) = c.name("surname") {
        let hon = c.name("hon").map(|h| h.as_str()).unwrap_or("");
        let title = match hon {
            "SECRETARY"
            | "AMBASSADOR"
            | "ADMIRAL"
            | "GENERAL"
            | "PRESIDENT"
            | "MINISTER"
            | "SENATOR"
            | "DEPUTY SPOKESPERSON"
            | "PRIME MINISTER" => Some(title_case(hon)),
            _ => None,
        };
        Holder::Surname {
            surname: title_case(s.as_str()),
            title,
        }
    } else if let Some(r) = c.name("role") {
        Holder::Role(title_case(r.as_str()))
    } else if c.name("question").is_some() {
        Holder::Question
    } else if c.name("answer").is_some() {
        Holder::Answer
    } else {
        let name = c.name("name")?.as_str();
        // "Washington Post:" or "Related Articles:" are not people: a name
        // label must be short and its paragraph must go on after it.
        if whole.end() == text.len() || name.split_whitespace().count() > 3 {
            return None;
        }
        Holder::Name(name.to_string())
    };
    Some(Label {
        holder,
        text_start: para.start + whole.end(),
    })
}

/// Labels for every paragraph when the body reads as a transcript: at least
/// three labelled turns, official and journalist ones among them (or four
/// turns by at least two holders).
pub fn transcript_labels(body: &str, paras: &[Range<usize>]) -> Option<Vec<Option<Label>>> {
    let labels: Vec<Option<Label>> = paras.iter().map(|p| label(body, p)).collect();
    let turns = labels.iter().flatten().count();
    let questions = labels
        .iter()
        .flatten()
        .filter(|l| l.holder == Holder::Question)
        .count();
    let officials = turns - questions;
    let distinct = {
        let mut holders: Vec<&Holder> = labels.iter().flatten().map(|l| &l.holder).collect();
        holders.dedup();
        holders.len()
    };
    let is_transcript = (turns >= 3 && questions >= 1 && officials >= 1)
        || (turns >= 4 && distinct >= 2 && officials >= 2);
    is_transcript.then_some(labels)
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
            Some(Holder::Name("Mao Ning".into()))
        );
        assert_eq!(
            holder("QUESTION: Can you say more?"),
            Some(Holder::Question)
        );
        assert_eq!(holder("Q: And on Iran?"), Some(Holder::Question));
        assert_eq!(holder("Related Articles:"), None);
        assert_eq!(holder("We said: no."), None);
    }
}
