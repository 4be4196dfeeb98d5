//! Unit tests of the extractor on small synthetic paragraphs. The sample
//! article and the fixture suite are snapshot-tested in tests/.

use super::*;
use crate::model::SpeakerKind;

fn found(body: &str) -> Vec<(Option<String>, StatementKind, String)> {
    extract_body(body, Some("2024-03-14"))
        .statements
        .into_iter()
        .map(|s| (s.speaker, s.kind, s.text))
        .collect()
}

fn speakers(body: &str) -> Vec<Option<String>> {
    found(body).into_iter().map(|(s, _, _)| s).collect()
}

#[test]
fn quote_then_surname_resolves_to_full_name() {
    let body = "White House National Security Communications Advisor John Kirby spoke on Tuesday.\n“We are not going to change course on this,” Kirby said.";
    let s = &extract_body(body, Some("2024-03-14")).statements[0];
    assert_eq!(s.speaker.as_deref(), Some("John Kirby"));
    assert_eq!(
        s.role.as_deref(),
        Some("National Security Communications Advisor")
    );
    assert_eq!(s.organization.as_deref(), Some("White House"));
    assert_eq!(s.kind, StatementKind::Direct);
}

#[test]
fn pronoun_and_continuation_paragraphs() {
    let body = "Chinese Foreign Ministry spokesperson Mao Ning took questions.\n“China firmly opposes unilateral sanctions,” she said.\n“We urge the US side to stop.”\nAnalysts were unconvinced.\n“This will not last long at all, believe me.”";
    let got = speakers(body);
    assert_eq!(
        got,
        [Some("Mao Ning".into()), Some("Mao Ning".into()), None]
    );
}

#[test]
fn colon_and_comma_lead_ins() {
    let body = "State Department Spokesperson Matthew Miller was asked about it.\nMiller said: “We have been clear about this for a long time.”\nMiller said, “Nothing has changed in our position here.”";
    assert_eq!(
        speakers(body),
        [Some("Matthew Miller".into()), Some("Matthew Miller".into())]
    );
}

#[test]
fn scare_quotes_titles_and_journalists_are_not_statements() {
    let body = "Officials dismissed the so-called “peace plan” outright.\nA journalist asked about the “mess in Afghanistan and all those groups” during the briefing.\nThe report, “Waters Rising Again”, was published.";
    assert!(found(body).is_empty(), "{:?}", found(body));
}

#[test]
fn partial_quote_inside_reported_speech() {
    let body = "The United States has said that Pakistan was never a close ally of the United States and that “there was no treaty of alliance with Islamabad”.";
    let got = found(body);
    let us = || Some("Government of the United States".to_string());
    assert_eq!(
        got,
        [
            // the indirect part up to the conjunction, then the quoted fragment
            (
                us(),
                StatementKind::Reported,
                "Pakistan was never a close ally of the United States".to_string()
            ),
            (
                us(),
                StatementKind::Partial,
                "there was no treaty of alliance with Islamabad".to_string()
            ),
        ]
    );
}

#[test]
fn reported_speech_without_quote_marks() {
    let body = "State Department Deputy Spokesperson Vedant Patel spoke on Monday.\nPatel said that Washington supports direct talks between the two sides.";
    let got = found(body);
    assert_eq!(
        got,
        [(
            Some("Vedant Patel".into()),
            StatementKind::Reported,
            "Washington supports direct talks between the two sides".into()
        )]
    );
}

#[test]
fn ambiguous_surname_is_flagged_not_guessed() {
    let body = "State Department Spokesperson Matthew Miller and Senator Judith Miller both spoke.\n“This is a very serious matter for all of us,” Miller said.";
    let s = &extract_body(body, None).statements[0];
    assert_eq!(s.speaker, None);
    assert!(s.ambiguous);
}

#[test]
fn transcript_turns() {
    let body = "Department Press Briefing – Matthew Miller, Spokesperson\nMarch 12, 2024\n\nMR MILLER: Good afternoon, everyone.\n\nWe remain concerned about the violence.\n\nQUESTION: Matt, is the “strategic pause” over?\n\nMR MILLER: No, it is not.";
    let got = extract_body(body, None);
    assert_eq!(got.date.as_deref(), Some("2024-03-12"));
    let texts: Vec<(&str, Option<&str>)> = got
        .statements
        .iter()
        .map(|s| (s.text.as_str(), s.speaker.as_deref()))
        .collect();
    assert_eq!(
        texts,
        [
            // A turn runs over its unlabelled paragraphs up to the next label.
            (
                "Good afternoon, everyone.\n\nWe remain concerned about the violence.",
                Some("Matthew Miller")
            ),
            ("No, it is not.", Some("Matthew Miller")),
        ]
    );
    assert!(
        got.statements
            .iter()
            .all(|s| s.kind == StatementKind::Transcript)
    );
}

#[test]
fn spans_are_exact_slices() {
    let body = "“Yes, we are ready to talk today,” he said. “And tomorrow as well, if needed,” Kirby added.";
    for s in extract_body(body, None).statements {
        assert_eq!(&body[s.start..s.end], s.text);
    }
}

#[test]
fn ranks_and_honorifics_are_not_part_of_the_name() {
    for intro in [
        "Rear Admiral John Kirby",
        "Adm. John Kirby",
        "Mr. John Kirby",
        "White House spokesman John Kirby",
    ] {
        let body = format!(
            "{intro} spoke to reporters.\n“We will not be drawn into speculation today,” Kirby said."
        );
        assert_eq!(speakers(&body), [Some("John Kirby".to_string())], "{intro}");
    }
}

#[test]
fn family_name_first() {
    let body = "Chinese Foreign Ministry spokesperson Mao Ning took questions.\n“China firmly opposes unilateral sanctions of this kind,” Mao said.";
    assert_eq!(speakers(body), [Some("Mao Ning".to_string())]);
}

#[test]
fn a_colon_at_the_end_of_a_paragraph_introduces_the_next() {
    let body = "Foreign Office Spokesperson Mumtaz Zahra Baloch spoke at the weekly briefing. She said:\n“We have conveyed our concerns in the clearest possible terms.\n“We remain open to dialogue with all our neighbours.”";
    assert_eq!(
        speakers(body),
        [
            Some("Mumtaz Zahra Baloch".to_string()),
            Some("Mumtaz Zahra Baloch".to_string())
        ]
    );
}

#[test]
fn a_second_quote_in_the_paragraph_keeps_the_speaker() {
    let body = "White House spokesman John Kirby was asked about the talks.\n“A ceasefire now would only help Moscow,” Kirby said. “That is not a path to peace.”";
    assert_eq!(
        speakers(body),
        [
            Some("John Kirby".to_string()),
            Some("John Kirby".to_string())
        ]
    );
}

#[test]
fn headline_sources() {
    let body = "No treaty of alliance with Pakistan, nor is Islamabad a technical ally: White House\nThe remarks came on Tuesday.";
    let got = found(body);
    assert_eq!(
        got,
        [(
            Some("White House".into()),
            StatementKind::Reported,
            "No treaty of alliance with Pakistan, nor is Islamabad a technical ally".into()
        )]
    );
    assert!(found("Opinion: why the talks failed\nThe talks failed.").is_empty());
}

#[test]
fn a_name_without_a_title_still_gives_the_full_name() {
    let body = "John Kirby spoke to reporters at the White House on Tuesday.\n“We will keep working with our partners in the region,” Kirby said.";
    assert_eq!(speakers(body), [Some("John Kirby".to_string())]);
}

#[test]
fn the_ministry_is_the_organisation_of_an_official_named_before() {
    let body = "India calls for dialogue\n\nExternal Affairs Ministry spokesperson Randhir Jaiswal said, “India has consistently called for dialogue.”\nIn a statement, the ministry said: “The sovereignty of all states must be respected.”";
    let got = extract_body(body, Some("2024-03-14")).statements;
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].speaker.as_deref(), Some("Randhir Jaiswal"));
    assert_eq!(got[1].speaker.as_deref(), Some("External Affairs Ministry"));
    assert_eq!(got[1].speaker_kind, SpeakerKind::Institution);
}

#[test]
fn a_possessive_before_the_title_does_not_hide_the_speaker() {
    let body = "Reactions\n\nRussian Foreign Ministry spokeswoman Maria Zakharova criticised the move.\n“The Secretary-General is deeply alarmed,” his spokesperson Stephane Dujarric told reporters in New York.";
    assert_eq!(speakers(body), [Some("Stephane Dujarric".into())]);
}

#[test]
fn a_title_then_the_name_between_commas() {
    let body = "Talks\n\nPakistan’s Foreign Office spokesperson, Mumtaz Zahra Baloch, told reporters: “We have conveyed our concerns.” The Secretary of State, Antony Blinken, said the United States would continue to press for a ceasefire.";
    let got = extract_body(body, Some("2024-03-14")).statements;
    let who: Vec<_> = got
        .iter()
        .map(|s| (s.speaker.as_deref(), s.role.as_deref(), s.kind))
        .collect();
    assert_eq!(
        who,
        [
            (
                Some("Mumtaz Zahra Baloch"),
                Some("spokesperson"),
                StatementKind::Direct
            ),
            (
                Some("Antony Blinken"),
                Some("Secretary of State"),
                StatementKind::Reported
            ),
        ]
    );
}

#[test]
fn a_statement_speaks_for_its_issuer() {
    let body = "Advisory\n\nThe Foreign Office said in a statement that it was monitoring the situation closely.\n\n“Citizens should avoid all travel to the border areas,” the statement said.";
    assert_eq!(
        speakers(body),
        [Some("Foreign Office".into()), Some("Foreign Office".into())]
    );
    // With no issuer before it, the quotation stays, unattributed.
    let body =
        "Advisory\n\n“Citizens should avoid all travel to the border areas,” the statement said.";
    assert_eq!(speakers(body), [None]);
}

#[test]
fn an_unsigned_statement_document_speaks_for_the_office_in_its_title() {
    let body = "Statement by the High Representative on behalf of the EU on the situation in the Red Sea\nBrussels, 12 January 2024\n\nThe European Union condemns in the strongest terms the continued attacks on shipping.\n\nThe EU calls on all parties to exercise maximum restraint.";
    let got = extract_body(body, None).statements;
    let who: Vec<_> = got.iter().map(|s| (s.speaker.as_deref(), s.kind)).collect();
    assert_eq!(
        who,
        [
            (Some("High Representative"), StatementKind::Transcript),
            (Some("High Representative"), StatementKind::Transcript)
        ]
    );
}

#[test]
fn a_title_and_organisation_without_a_name_is_the_official_named_with_them() {
    let body = "Remarks rejected\n\nResponding to media queries, the Foreign Office Spokesperson said that such statements were aimed at diverting attention.\n\nForeign Office spokesperson Mumtaz Zahra Baloch later told Dawn that a protest had been lodged.";
    assert_eq!(
        speakers(body),
        [
            Some("Mumtaz Zahra Baloch".into()),
            Some("Mumtaz Zahra Baloch".into())
        ]
    );
}

#[test]
fn a_peer_s_title_before_the_surname() {
    let body = "Shipping\n\nForeign Secretary David Cameron said: ‘We will not stand by while shipping is attacked.’\n\n‘This is a dangerous moment for the region,’ Lord Cameron told the BBC.";
    assert_eq!(
        speakers(body),
        [Some("David Cameron".into()), Some("David Cameron".into())]
    );
}

#[test]
fn a_pronoun_after_a_quotation_that_opens_the_paragraph() {
    // Regression (found by fuzzing): looking for the sentence head before a
    // mention stepped one byte past an opening curly quote, inside it.
    let body = "MEA spokesperson Randhir Jaiswal said the government was watching.\n\
                “The lines of ‘Operation Kaveri’ in Sudan last year, Jaiswal said no such decision had been taken. \
                “It is premature to talk about an evacuation,” he said.";
    let extraction = super::extract_body(body, None);
    for s in &extraction.statements {
        assert_eq!(&body[s.start..s.end], s.text);
    }
    let premature = extraction
        .statements
        .iter()
        .find(|s| s.text.starts_with("It is premature"));
    assert_eq!(
        premature.and_then(|s| s.speaker.as_deref()),
        Some("Randhir Jaiswal")
    );
}

#[test]
fn sentence_edges_after_a_no_break_space() {
    // A no-break space is whitespace of two bytes: a word starts after it.
    let body = "Officials said\u{a0}Mr. Smith left.\u{a0}“We will stay,” Jane Doe said.";
    let extraction = super::extract_body(body, None);
    for s in &extraction.statements {
        assert_eq!(&body[s.start..s.end], s.text);
    }
}
