//! Reports: snapshots of both formats on a small synthetic session, escaping,
//! self-containment, and the pieces each side of a row is cut into.

use super::markdown::{inline, quote};
use super::*;
use crate::compare::compare;
use crate::model::StatementKind;
use crate::session::{SessionComparison, SessionView};
use proptest::prelude::*;

fn statement(id: i64, speaker: &str, role: &str, text: &str, date: &str) -> SessionStatement {
    SessionStatement {
        id: Some(id),
        text: text.into(),
        speaker: Some(speaker.into()),
        role: Some(role.into()),
        organization: Some("Department of State".into()),
        kind: StatementKind::Direct,
        date: Some(date.into()),
        article_title: Some(format!("Press briefing, {date}")),
        outlet: Some("Wire".into()),
        url: Some(format!("https://example.org/briefings/{id}")),
        source_path: Some(format!("clips/{id}.txt")),
        start: 120,
        end: 120 + text.len(),
    }
}

/// "concerned" → "deeply concerned", "will" → "would", a sentence moved
/// and one added; a three-way group; a note.
fn session(mode: CompareMode) -> Session {
    let a = statement(
        11,
        "John Kirby",
        "National Security Communications Advisor",
        "We are concerned about the rise in attacks. We condemn the attack. Our cooperation continues. We will continue to work with the Government of Pakistan.",
        "2024-03-12",
    );
    let b = statement(
        12,
        "Matthew Miller",
        "Spokesperson",
        "We are deeply concerned about the rise in attacks. Our cooperation continues. We condemn the attack. We would continue to work with the Government of Pakistan. A new envoy was named.",
        "2024-03-14",
    );
    let mut c = statement(
        13,
        "Mumtaz Zahra Baloch",
        "Spokesperson",
        "We are concerned about the rise in attacks. Pakistan will defend itself.",
        "2024-03-15",
    );
    c.organization = Some("Ministry of Foreign Affairs".into());
    c.url = None;
    c.kind = StatementKind::Reported;
    Session {
        name: "Pakistan, March 2024".into(),
        mode,
        comparisons: vec![
            SessionComparison {
                note: "Miller is firmer than Kirby.\nCheck the transcript.".into(),
                ..SessionComparison::pair(a.clone(), b.clone())
            },
            SessionComparison {
                statements: vec![a, b, c],
                note: String::new(),
            },
        ],
        current: Some(0),
        view: SessionView::default(),
        ..Session::default()
    }
}

#[test]
fn html_report_of_differences() {
    insta::assert_snapshot!("html_diff", html(&session(CompareMode::Diff)));
}

#[test]
fn markdown_report_of_differences() {
    insta::assert_snapshot!("markdown_diff", markdown(&session(CompareMode::Diff)));
}

#[test]
fn html_report_of_shared_wording() {
    insta::assert_snapshot!("html_shared", html(&session(CompareMode::Shared)));
}

#[test]
fn markdown_report_of_shared_wording() {
    insta::assert_snapshot!("markdown_shared", markdown(&session(CompareMode::Shared)));
}

/// A session whose every field tries to get markup or a load into the page.
fn hostile() -> Session {
    let mut a = statement(
        1,
        "\"><img src=x onerror=alert(1)>",
        "<b>Spokesperson</b>",
        "We <script>alert(\"x\")</script> are *ready* & willing.",
        "2024-03-12",
    );
    a.url = Some("javascript:alert(1)".into());
    a.article_title = Some("<iframe src=\"https://evil.example/\"></iframe>".into());
    let mut b = statement(
        2,
        "Matthew Miller",
        "Spokesperson",
        "We are not ready </td></tr></table><style>body{background:url(https://evil.example/x.png)}</style>",
        "2024-03-13",
    );
    b.outlet = Some("<link rel=stylesheet href=https://evil.example/s.css>".into());
    Session {
        name: "<script>document.write('x')</script>".into(),
        comparisons: vec![SessionComparison {
            note: "<object data=\"https://evil.example/o\"></object>".into(),
            ..SessionComparison::pair(a, b)
        }],
        ..Session::default()
    }
}

/// Every tag of a page: its name and its attributes' text.
fn tags(page: &str) -> Vec<(String, String)> {
    page.split('<')
        .skip(1)
        .map(|rest| {
            let tag = &rest[..rest.find('>').expect("every tag is closed")];
            let tag = tag.trim_start_matches('/');
            let (name, attributes) = tag.split_once(' ').unwrap_or((tag, ""));
            (name.to_ascii_lowercase(), attributes.to_ascii_lowercase())
        })
        .collect()
}

#[test]
fn html_escapes_every_text_and_loads_nothing() {
    let session = hostile();
    let page = html(&session);
    assert!(page.contains("We &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    // Text is escaped, so every '<' opens one of the report's own tags.
    const ALLOWED: &[&str] = &[
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3",
        "p", "section", "nav", "main", "ol", "ul", "li", "a", "table", "thead", "tbody", "tr",
        "th", "td", "span", "div", "del", "ins", "mark", "strong", "br", "cite",
    ];
    for (name, attributes) in tags(&page) {
        assert!(ALLOWED.contains(&name.as_str()), "<{name} {attributes}>");
        for banned in ["src=", "style=", " on", "javascript:"] {
            assert!(
                !format!(" {attributes}").contains(banned),
                "<{name} {attributes}>"
            );
        }
    }
    // One style sheet, the page's own, with nothing it could load.
    let lower = page.to_lowercase();
    assert_eq!(lower.matches("<style>").count(), 1);
    let css = &lower[lower.find("<style>").unwrap()..lower.find("</style>").unwrap()];
    assert!(!css.contains("url(") && !css.contains("@import") && !css.contains("http"));
    // Every link is to the page itself or a citation's url; a javascript:
    // url is shown as text, not linked.
    for href in page.split("href=\"").skip(1) {
        let target = &href[..href.find('"').unwrap()];
        assert!(
            target.starts_with('#') || target == "https://example.org/briefings/2",
            "{target}"
        );
    }
    assert!(page.contains("javascript:alert(1)"));
}

#[test]
fn sample_reports_link_only_citation_urls() {
    let session = session(CompareMode::Diff);
    let page = html(&session);
    let urls: Vec<&str> = session
        .distinct_statements()
        .iter()
        .filter_map(|s| s.url.as_deref())
        .collect();
    assert_eq!(urls.len(), 2);
    let mut rest = page.clone();
    for url in &urls {
        assert!(page.contains(&format!("<a href=\"{url}\" rel=\"noreferrer\">{url}</a>")));
        rest = rest.replace(url, "");
    }
    assert!(!rest.contains("http"));
    assert!(!page.to_lowercase().contains("<script"));
}

#[test]
fn markdown_escapes_markup() {
    let md = markdown(&hostile());
    assert!(md.starts_with("# \\<script\\>document.write('x')\\</script\\>\n"));
    assert!(md.contains("We \\<script\\>alert(\"x\")\\</script\\> are \\*ready\\* & willing."));
    // Every '<' is escaped, but for the autolinks of http(s) urls.
    for (at, _) in md.match_indices('<') {
        assert!(
            md[..at].ends_with('\\') || md[at..].starts_with("<https://"),
            "{}",
            &md[at..]
        );
    }
    assert!(
        md.contains("javascript:alert(1)"),
        "other urls are shown as text"
    );
    assert_eq!(inline("Q&A &amp; &#39; a_b"), "Q&A \\&amp; \\&\\#39; a\\_b");
    assert_eq!(
        quote("- not a list\n2. not one either\n\n# nor a heading"),
        "> \\- not a list\n> \\2. not one either\n>\n> \\# nor a heading"
    );
}

#[test]
fn every_comparison_has_its_heading_note_and_citations() {
    let session = session(CompareMode::Diff);
    let page = html(&session);
    let md = markdown(&session);
    assert!(page.contains("<h2>1. John Kirby ↔ Matthew Miller</h2>"));
    assert!(page.contains("<h2>2. John Kirby ↔ Matthew Miller ↔ Mumtaz Zahra Baloch</h2>"));
    assert!(md.contains("## 1. John Kirby ↔ Matthew Miller\n"));
    assert!(page.contains("Miller is firmer than Kirby.<br>\nCheck the transcript."));
    assert!(md.contains("> Miller is firmer than Kirby.\n> Check the transcript."));
    // Three distinct statements, each cited once, in both formats.
    assert_eq!(page.matches("<li id=\"cite-").count(), 3);
    assert!(md.contains("\n3. **Mumtaz Zahra Baloch**, Spokesperson, Ministry of Foreign Affairs: “We are concerned about the rise in attacks. Pakistan will defend itself.” (reported speech)"));
    for s in session.distinct_statements() {
        assert!(page.contains(&format!("library statement #{}", s.id.unwrap())));
        assert!(md.contains(&format!("file clips/{}.txt", s.id.unwrap())));
    }
}

#[test]
fn differences_are_marked_in_colour_and_without_it() {
    let page = html(&session(CompareMode::Diff));
    assert!(
        page.contains(
            "<ins><span class=\"vh\">[+ </span>deeply<span class=\"vh\"> +]</span></ins>"
        )
    );
    assert!(
        page.contains("<del><span class=\"vh\">[− </span>will<span class=\"vh\"> −]</span></del>")
    );
    assert!(page.contains("<tr class=\"moved\">"));
    assert!(page.contains("<span class=\"moved-mark\" aria-hidden=\"true\">↪ </span>"));
    assert!(page.contains("<li><strong>modality</strong>: <del>"));
    let md = markdown(&session(CompareMode::Diff));
    assert!(md.contains("- B: We are **deeply** concerned about the rise in attacks."));
    assert!(md.contains("~~will~~"));
    assert!(md.contains("1. modality: ~~will~~ → **would** (sentence "));
}

#[test]
fn shared_mode_marks_the_shared_wording_on_both_sides() {
    let page = html(&session(CompareMode::Shared));
    let marked = "<mark><span class=\"vh\">[= </span>continue to work with the Government of Pakistan<span class=\"vh\"> =]</span></mark>";
    assert_eq!(page.matches(marked).count(), 2, "once on each side");
    let md = markdown(&session(CompareMode::Shared));
    assert_eq!(
        md.matches("**continue to work with the Government of Pakistan**")
            .count(),
        2
    );
}

#[test]
fn an_empty_session_still_makes_a_report() {
    let session = Session::new("Nothing yet");
    let page = html(&session);
    assert!(page.contains("0 comparisons") && page.ends_with("</html>\n"));
    assert!(markdown(&session).contains("## Citations\n"));
}

#[test]
fn comparisons_of_any_size_make_a_report() {
    // Sessions are validated when read, but a report may be asked of one
    // being set up: a lone statement, none, or more than six.
    let mut session = session(CompareMode::Diff);
    let lone = session.comparisons[0].statements[0].clone();
    let seven = vec![lone.clone(); 7];
    session.comparisons = vec![
        SessionComparison {
            statements: vec![lone],
            note: String::new(),
        },
        SessionComparison {
            statements: Vec::new(),
            note: "empty".into(),
        },
        SessionComparison {
            statements: seven,
            note: String::new(),
        },
    ];
    let page = html(&session);
    assert!(page.contains("<table class=\"alone\">"));
    assert_eq!(
        page.matches("Nothing to compare yet").count(),
        2,
        "the lone statement and the empty comparison"
    );
    assert!(page.contains("We are concerned about the rise in attacks."));
    let md = markdown(&session);
    assert!(md.contains("- **G** [1] John Kirby"), "{md}");
    assert_eq!(md.matches("*Nothing to compare yet").count(), 2);
}

#[test]
fn links_are_only_web_urls() {
    assert_eq!(
        link(Some(" https://a.example/x ")),
        Some("https://a.example/x")
    );
    assert_eq!(link(Some("HTTP://A.EXAMPLE")), Some("HTTP://A.EXAMPLE"));
    assert_eq!(link(Some("javascript:alert(1)")), None);
    assert_eq!(link(Some("data:text/html,x")), None);
    assert_eq!(link(Some("https://a.example/x y")), None);
    assert_eq!(link(Some("http")), None);
    assert_eq!(link(None), None);
}

#[test]
fn shared_ranges_merge_and_cover_the_text() {
    let text = "one two three four five";
    let got = shared_pieces(text, [4..13, 8..18, 0..3].into_iter());
    let marks: Vec<(&str, Mark)> = got.iter().map(|p| (p.text, p.mark)).collect();
    assert_eq!(
        marks,
        [
            ("one", Mark::Shared),
            (" ", Mark::Plain),
            ("two three four", Mark::Shared),
            (" five", Mark::Plain)
        ]
    );
}

proptest! {
    #![proptest_config(crate::proptest_config(128))]

    /// Each side of every row, cut into pieces, is exactly its sentence.
    #[test]
    fn pieces_rebuild_each_sentence(
        a in proptest::collection::vec(prop_oneof!["we", "are", "not", "ready", "deeply", "concerned", "\\.", ",", "  ", "\n", "“talks”", "U\\.S\\."], 1..30),
        b in proptest::collection::vec(prop_oneof!["we", "are", "not", "ready", "deeply", "concerned", "\\.", ",", "  ", "\n", "\"talks\"", "US"], 1..30),
        lenient in any::<bool>(),
    ) {
        let (a, b) = (a.join(" "), b.join(" "));
        let options = Options {
            ignore_case: lenient,
            ignore_punctuation: lenient,
            ignore_typography: lenient,
            ignore_whitespace: true,
        };
        for row in compare(&a, &b, &options).rows {
            for (side, sentence) in [(Side::A, &row.a), (Side::B, &row.b)] {
                let rebuilt: String = row_pieces(&row, side)
                    .iter()
                    .map(|p| format!("{}{}", p.gap, p.text))
                    .collect();
                prop_assert_eq!(&rebuilt, sentence.as_deref().unwrap_or(""));
            }
        }
    }
}
