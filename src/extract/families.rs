//! One synthetic test per family of attribution rules, named for the
//! writing it covers. The articles are made up (real officials' names, words
//! nobody said); the real dev set is scored by `.ci/devset-score`, never
//! copied here.

use super::*;

/// (speaker, kind, text) of every statement but reported speech.
fn quoted(body: &str) -> Vec<(Option<String>, StatementKind, String)> {
    extract_body(body, Some("2024-03-14"))
        .statements
        .into_iter()
        .filter(|s| s.kind != StatementKind::Reported)
        .map(|s| (s.speaker, s.kind, s.text))
        .collect()
}

fn speaker_of(body: &str, words: &str) -> Option<String> {
    extract_body(body, Some("2024-03-14"))
        .statements
        .into_iter()
        .find(|s| s.text.contains(words))
        .unwrap_or_else(|| panic!("no statement with {words:?} in {body:?}"))
        .speaker
}

fn evidence_of(body: &str, words: &str) -> String {
    let s = extract_body(body, Some("2024-03-14"))
        .statements
        .into_iter()
        .find(|s| s.text.contains(words))
        .unwrap_or_else(|| panic!("no statement with {words:?}"));
    s.attribution.expect("an attribution").summary()
}

#[test]
fn a_new_subject_in_the_previous_sentence_outweighs_the_last_speaker() {
    let body = "“We will raise it with Beijing,” Chief Cabinet Secretary Yoshimasa Hayashi said.\n\n“We expect calm,” he added.\n\nMeanwhile, Vice Foreign Minister Masataka Okano summoned the Chinese ambassador on Monday.\n\n“These calls are deeply regrettable and must stop at once,” he said.";
    assert_eq!(
        speaker_of(body, "deeply regrettable").as_deref(),
        Some("Masataka Okano")
    );
    assert!(evidence_of(body, "deeply regrettable").contains("subject of the previous sentence"));
}

#[test]
fn she_skips_the_men_in_view() {
    let body = "Foreign Ministry spokesperson Mao Ning met reporters after Vice Minister Sun Weidong spoke.\n\n“China firmly opposes the move and will respond,” she said.";
    assert_eq!(
        speaker_of(body, "firmly opposes").as_deref(),
        Some("Mao Ning")
    );
}

#[test]
fn a_name_inside_the_quotation_is_not_the_speaker() {
    let body = "Qatar's foreign ministry spokesman Majed al-Ansari spoke in Doha.\n\n“President Biden and Prime Minister Netanyahu know what is on the table,” he said.";
    assert_eq!(
        speaker_of(body, "on the table").as_deref(),
        Some("Majed al-Ansari")
    );
}

#[test]
fn the_object_of_a_verb_or_a_possessive_is_not_the_antecedent() {
    let body = "Spokesperson Majed al-Ansari declined to comment on the talks between Qatari officials and US envoy Steve Witkoff.\n\n“There is no stalemate in the negotiations at all,” he said.";
    assert_eq!(
        speaker_of(body, "no stalemate").as_deref(),
        Some("Majed al-Ansari")
    );
}

#[test]
fn descriptions_by_country_role_and_organisation() {
    let body = "Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani met Egypt's foreign minister Sameh Shoukry.\n\n“We are relaying the proposal to both sides this week,” the Qatari premier said.\n\n“Egypt stands ready to host the next round,” the Egyptian minister said.";
    assert_eq!(
        speaker_of(body, "relaying the proposal").as_deref(),
        Some("Mohammed bin Abdulrahman Al Thani")
    );
    assert_eq!(
        speaker_of(body, "stands ready").as_deref(),
        Some("Sameh Shoukry")
    );
}

#[test]
fn a_lead_may_describe_an_official_it_names_only_later() {
    let body = "Israel has not yet replied, the foreign ministry spokesperson of mediator Qatar said, calling the delay “a refusal to reach any agreement”.\n\n“We are in contact with all parties,” ministry spokesperson Majed al-Ansari said on Tuesday.";
    assert_eq!(
        speaker_of(body, "refusal to reach").as_deref(),
        Some("Majed al-Ansari")
    );
}

#[test]
fn documents_speak_for_their_issuer() {
    let body = "A statement attributed to Stephane Dujarric, Spokesperson for the Secretary-General, said the talks had taken “an appalling toll on civilians in the region”.\n\nIt added that the “United Nations is ready to scale up aid at once”.\n\nSecretary-General Antonio Guterres also spoke to reporters.\n\n“These steps are essential and must be sustained,” the statement said.";
    assert_eq!(
        speaker_of(body, "appalling toll").as_deref(),
        Some("Stephane Dujarric")
    );
    assert_eq!(
        speaker_of(body, "scale up aid").as_deref(),
        Some("Stephane Dujarric")
    );
    assert_eq!(
        speaker_of(body, "must be sustained").as_deref(),
        Some("Stephane Dujarric")
    );
}

#[test]
fn countries_and_capitals_speak_as_their_government() {
    let body = "Nauru switches its recognition from Taipei to Beijing\n\n“The Republic of Nauru will no longer recognise Taiwan as a separate country,” it said in a statement.\n\nBeijing called the decision “a choice in line with the trend of history”.";
    assert_eq!(
        speaker_of(body, "no longer recognise").as_deref(),
        Some("Government of Nauru")
    );
    assert_eq!(
        speaker_of(body, "trend of history").as_deref(),
        Some("Government of China")
    );
}

#[test]
fn the_ministry_is_the_ministry_of_the_country_in_view() {
    let body = "China on Tuesday criticised Japan's plan.\n\n“This approach is extremely irresponsible and harmful to its neighbours,” the foreign ministry said in a statement.";
    assert_eq!(
        speaker_of(body, "extremely irresponsible").as_deref(),
        Some("Chinese Foreign Ministry")
    );
}

#[test]
fn headline_sources_give_way_to_the_official_quoted() {
    let body = "Qatar: ‘Talks are at a delicate and difficult stage’\n\nQatar's foreign ministry spokesperson Majed al-Ansari spoke on Tuesday.\n\n“We are working with all parties every single day,” he said.";
    let got = quoted(body);
    assert_eq!(got[0].2, "Talks are at a delicate and difficult stage");
    assert_eq!(got[0].0.as_deref(), Some("Majed al-Ansari"));
    assert_eq!(got[0].1, StatementKind::Direct);
}

#[test]
fn a_lead_fragment_repeated_in_full_is_the_official_s() {
    let body = "China accused Japan of planning to “dump contaminated water into the sea”.\n\nForeign Ministry Spokesperson Wang Wenbin said that “the ocean is not a place for Japan to dump contaminated water into the sea”.";
    assert_eq!(
        speaker_of(body, "dump contaminated water into the sea").as_deref(),
        Some("Wang Wenbin")
    );
}

#[test]
fn anonymous_sources_keep_their_description() {
    let body = "The administration is weighing new sanctions, a senior administration official said on condition of anonymity because the talks are private.\n\n“Nothing is off the table at this point,” the official said.";
    assert_eq!(
        speaker_of(body, "off the table").as_deref(),
        Some("Senior administration official")
    );
}

#[test]
fn an_indefinite_spokesperson_is_the_one_the_article_names() {
    let body = "The press secretary of the Ministry of Foreign Affairs of Ukraine, Oleh Nikolenko, commented on Monday.\n\nA spokesperson for Ukraine's foreign ministry said Russia could show its will “not in words but in real deeds”.\n\nAn Israeli official said a delegation would travel “to Doha early next week”.";
    assert_eq!(
        speaker_of(body, "real deeds").as_deref(),
        Some("Oleh Nikolenko")
    );
    assert_eq!(
        speaker_of(body, "Doha early").as_deref(),
        Some("Israeli official")
    );
}

#[test]
fn frames_in_clauses_of_their_own() {
    // A passive speaks for no one; an adverbial clause has its own speaker;
    // a complement clause is the sayer's; a second clause after ", while".
    let body = "Stano was asked whether the bloc was at war, given that earlier Vladimir Putin had claimed Russia faced “the entire Western military machine”.\n\nSome diplomats said they feared a repeat of 1992, when Senator Paul Morton called for “a cultural war against the radicals”.\n\nMiller said that the United States welcomed “a serious and constructive step forward”.\n\nRubio suggested that nobody should be nominated, while Cruz said that the “stakes are far too high for this”.";
    assert_eq!(
        speaker_of(body, "Western military").as_deref(),
        Some("Vladimir Putin")
    );
    assert_eq!(
        speaker_of(body, "cultural war").as_deref(),
        Some("Paul Morton")
    );
    assert_eq!(
        speaker_of(body, "constructive step").as_deref(),
        Some("Miller")
    );
    assert_eq!(speaker_of(body, "stakes are").as_deref(), Some("Cruz"));
}

#[test]
fn subjects_with_descriptions_brackets_and_asides() {
    let body = "“We should give him a little room,” Senate minority leader Harry Reid told reporters.\n\n“It reminds us how important this election is,” Sen. Marco Rubio (R-Fla.) said Saturday.\n\nWillie Minor, an actor in Dallas, who runs a small theatre, recalled that in 2009 “I called all my lenders and asked for more time”.\n\n“I cannot vote for him this year,” said Concord resident Whit Symms.";
    assert_eq!(
        speaker_of(body, "little room").as_deref(),
        Some("Harry Reid")
    );
    assert_eq!(
        speaker_of(body, "important this election").as_deref(),
        Some("Marco Rubio")
    );
    assert_eq!(speaker_of(body, "lenders").as_deref(), Some("Willie Minor"));
    assert_eq!(
        speaker_of(body, "vote for him").as_deref(),
        Some("Whit Symms")
    );
}

#[test]
fn quotations_without_a_speech_verb() {
    // The subject acts on the words; a few words and a comma introduce them.
    let body = "Peter Stano is the EU's foreign affairs spokesperson.\n\nStano signalled that members have held “discussions about joint action as a solution” on Wednesday.\n\nStano shot back, “Nobody in Brussels is at war with Russia, of course.”";
    assert_eq!(
        speaker_of(body, "joint action").as_deref(),
        Some("Peter Stano")
    );
    assert_eq!(
        speaker_of(body, "at war with Russia").as_deref(),
        Some("Peter Stano")
    );
}

#[test]
fn a_quotation_standing_alone_is_the_person_in_view_s_unless_a_crowd_spoke() {
    let body = "Presidential spokesman Sean Spicer held an on-camera briefing on Tuesday.\n\n\"We're always looking for ways to do a better job of explaining the message.\"\n\nAnalysts were unconvinced.\n\n\"This will not last long at all, believe me.\"";
    let got = quoted(body);
    assert_eq!(got[0].0.as_deref(), Some("Sean Spicer"));
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].0, None, "an analyst's words, not Spicer's");
}

#[test]
fn fragments_and_titles_are_not_statements_but_short_clauses_are() {
    let body = "Kirby described the talks as “very positive” and the report, titled “The Long Road Home”, as accurate.\n\n“It's nonsense,” Kirby said.";
    let got = quoted(body);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, "It's nonsense");
}

#[test]
fn bylines_name_reporters_not_speakers() {
    let body = "Talks in Cairo\nBy Jonathan Marsh and Priya Raman\nCAIRO (Reuters) - U.S. Secretary of State Antony Blinken arrived in Cairo on Thursday.\n\"The gaps are narrowing,\" Blinken told reporters.\nHe said the sticking points were the sequencing of hostage releases.";
    let all = extract_body(body, Some("2024-03-21")).statements;
    assert!(
        all.iter()
            .all(|s| s.speaker.as_deref() == Some("Antony Blinken")),
        "{all:#?}"
    );
}

#[test]
fn surnames_from_the_directory_need_the_article_to_speak_of_their_office() {
    let moscow = "The Kremlin has warned Brussels over new sanctions.\n\n“We are ready for that step if sanctions are prepared against our economy,” Lavrov stated.";
    assert_eq!(
        speaker_of(moscow, "ready for that step").as_deref(),
        Some("Sergey Lavrov")
    );
    assert!(evidence_of(moscow, "ready for that step").contains("directory"));
    let washington =
        "The campaign moved to Ohio.\n\n“We will win this state by a mile,” Sanders said.";
    assert_eq!(
        speaker_of(washington, "win this state").as_deref(),
        Some("Sanders")
    );
}

#[test]
fn transcripts_in_the_layouts_they_come_in() {
    let rev = "Press Briefing by Press Secretary Karine Jean-Pierre\n\nKarine (00:05):\n\nGood afternoon, everybody. I have two items at the top today.\n\nAudience (00:14):\n\nGood afternoon.\n\nKarine (00:16):\n\nThe president will travel to Ohio on Thursday.";
    let got = quoted(rev);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(
        got.iter()
            .all(|(s, k, _)| s.as_deref() == Some("Karine Jean-Pierre")
                && *k == StatementKind::Transcript)
    );

    let tv = "White House Briefing\n\nSEAN SPICER, WHITE HOUSE PRESS SECRETARY: The president signed an order today.\n\nQUESTION: Will he meet the governor?\n\nSPICER: He will, later this week.";
    let got = quoted(tv);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(
        got.iter()
            .all(|(s, _, _)| s.as_deref() == Some("Sean Spicer"))
    );

    let background = "BACKGROUND BRIEFING\n\nMR. DEERE: Thank you all for coming. I will turn it over now.\n\nSENIOR ADMINISTRATION OFFICIAL: Hi, everyone. I will give you a topline of the speech.\n\nQ: What is the theme?";
    let got = quoted(background);
    assert_eq!(got[1].0.as_deref(), Some("Senior administration official"));

    let mfa = "Foreign Ministry Spokesperson Hong Lei's Regular Press Conference on November 9, 2015\n\nAt the invitation of the Philippines, Foreign Minister Wang Yi will pay a working visit to Manila on November 10.\n\nThe first meeting on river cooperation will be held on November 12. We welcome your attendance.\n\nQ: What does China expect to achieve?\n\nA: The mechanism is an important proposal for all-round friendly cooperation.";
    let got = quoted(mfa);
    assert_eq!(got.len(), 2, "one opening run and the answer: {got:?}");
    assert!(got[0].2.ends_with("We welcome your attendance."));
    assert!(got.iter().all(|(s, _, _)| s.as_deref() == Some("Hong Lei")));
}

#[test]
fn every_statement_says_how_its_speaker_was_found() {
    let body = "White House National Security Communications Advisor John Kirby spoke on Tuesday.\n\n“We are not going to change course on this,” Kirby said.\n\n“Nor should anyone expect us to,” he added.";
    let kirby = evidence_of(body, "change course");
    assert!(kirby.starts_with("said"), "{kirby}");
    assert!(
        kirby.contains("surname of John Kirby, named in paragraph 1"),
        "{kirby}"
    );
    let pronoun = evidence_of(body, "Nor should");
    assert!(pronoun.contains("“he” → John Kirby"), "{pronoun}");
}

#[test]
fn signed_quotations_pull_quotes_and_reader_comments() {
    // "“…” ― Name", one signed quotation a line, as pull quotes and
    // collected comments print them; the dash may be any dash.
    let body = "What voters told us\n\n“The debate changed nothing for me, I still have not decided.” ― Maria Lopez\n“He answered none of the questions he was asked tonight.” — Tom Reyes.\n“We need a candidate who listens to the farmers here.” -- Ann Wu";
    let got = quoted(body);
    let speakers: Vec<_> = got.iter().map(|(s, _, _)| s.as_deref()).collect();
    assert_eq!(
        speakers,
        [Some("Maria Lopez"), Some("Tom Reyes"), Some("Ann Wu")],
        "{got:?}"
    );
    assert!(evidence_of(body, "changed nothing").starts_with("signed with a dash"));
}

#[test]
fn a_closing_mark_typed_as_the_opening_one_still_opens() {
    let body = "Readers wrote in after the debate.\n\n”I am truly afraid of what comes next for the country.” ― Ed Monroy";
    assert_eq!(
        speaker_of(body, "truly afraid").as_deref(),
        Some("Ed Monroy")
    );
}

#[test]
fn a_surname_that_is_also_a_country_is_a_person_after_a_given_name() {
    let body = "Rep. Jim Jordan (R-Ohio) questioned the director on Tuesday.\n\n“If they wanted the laptops, they would simply go and get them,” Jim Jordan said.\n\n“Nobody else would get an immunity deal for that,” Jordan said.\n\nSeparately, Jordan said it would reopen the border crossing to trucks of aid.";
    let got = quoted(body);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(
        got.iter()
            .all(|(s, _, _)| s.as_deref() == Some("Jim Jordan"))
    );
    // A country alone, with nobody of that surname named, stays its government.
    let alone = "Amman hosted the talks on Monday.\n\n“We will reopen the crossing to trucks of aid next week,” Jordan said.";
    assert_eq!(
        speaker_of(alone, "reopen the crossing").as_deref(),
        Some("Government of Jordan")
    );
}

#[test]
fn descriptions_by_occupation_speak_unnamed_and_participles_find_their_subject() {
    // "the New York businessman said", "the announcer said": the quotation
    // is kept, its speaker someone the article describes but does not name.
    let body = "Campaign ads aired all week in Ohio.\n\nAs a phone rang, the announcer said, “It is 3 a.m. and your children are safe and asleep at home.”";
    let got = quoted(body);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, None);
    // ", saying, “…”" after an opening phrase: the main clause's subject.
    let body = "Donald Trump spoke in Ohio.\n\nDuring a speech earlier in the day, Trump attacked his rival over the war in Iraq, saying, “She is trigger-happy and very unstable.”";
    assert_eq!(
        speaker_of(body, "trigger-happy").as_deref(),
        Some("Donald Trump")
    );
}
