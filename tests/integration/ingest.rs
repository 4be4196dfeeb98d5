//! Every import format, on the fixtures in tests/fixtures/ingest/ (see its
//! README for what each one tests).

use crate::fixture;
use onrecord::ingest::{self, IngestError};
use onrecord::model::Document;

fn parse(name: &str) -> Result<Vec<Result<Document, ingest::PartError>>, IngestError> {
    let path = fixture(&format!("ingest/{name}"));
    let bytes = std::fs::read(&path).unwrap();
    ingest::ingest(&path, &bytes)
}

fn one(name: &str) -> Document {
    let parts = parse(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(parts.len(), 1, "{name}: one document expected");
    parts.into_iter().next().unwrap().unwrap()
}

fn error(name: &str) -> String {
    match parse(name) {
        Ok(parts) => panic!("{name} should fail, got {} parts", parts.len()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn titles_and_dates_of_every_single_article_format() {
    let cases = [
        (
            "utf8.txt",
            "State Department Urges Calm After Border Incident",
            Some("2024-03-12"),
        ),
        (
            "utf8-bom.txt",
            "State Department Urges Calm After Border Incident",
            Some("2024-03-12"),
        ),
        (
            "utf16le-bom.txt",
            "Transport Minister Promises Rail Upgrade Timeline",
            Some("2024-03-13"),
        ),
        (
            "utf16be-bom.txt",
            "Health Ministry Expands Weekend Vaccine Clinics",
            Some("2024-03-13"),
        ),
        (
            "cp1252.txt",
            "Envoy Says River Talks Will Resume “Within Weeks”",
            Some("2024-03-12"),
        ),
        (
            "latin1-german.txt",
            "Auswärtiges Amt äußert Sorge über Spannungen an der Grenze",
            None,
        ),
        ("gbk.txt", "滨海市宣布加固海堤计划", None),
        (
            "crlf.txt",
            "Governor Signs Wildfire Preparedness Bill",
            Some("2024-03-14"),
        ),
        (
            "article.md",
            "Mayor Announces Review of Downtown Parking Rules",
            Some("2024-03-12"),
        ),
        (
            "nul-in-text.txt",
            "Library Board Extends Weekend Hours",
            Some("2024-03-12"),
        ),
        (
            "page.html",
            "Harbor Council Approves Flood Barrier Plan",
            Some("2024-03-12"),
        ),
        (
            "page-cp1252.htm",
            "Minister Backs Café Owners in Rent Dispute",
            Some("2024-03-15"),
        ),
        (
            "page-no-article.html",
            "Regional Airport to Add Night Flights",
            Some("2024-03-15"),
        ),
        (
            "broken.html",
            "Council Delays Vote on School Closures",
            None,
        ),
        (
            "deep.html",
            "Deeply Nested Page Survives Parsing",
            Some("2024-03-12"),
        ),
        (
            "article.docx",
            "Water Board Approves Emergency Drought Plan",
            Some("2024-03-12"),
        ),
        (
            "article.pdf",
            "Council Votes to Expand Night Bus Service",
            Some("2024-03-12"),
        ),
        (
            "article-flate.pdf",
            "Council Votes to Expand Night Bus Service",
            Some("2024-03-12"),
        ),
        (
            "clipping.eml",
            "Harbor minister’s “zero tolerance” pledge on ferry safety",
            Some("2024-03-12"),
        ),
        (
            "clipping-html-only.eml",
            "Mayor unveils plan for riverside park",
            Some("2024-03-14"),
        ),
    ];
    for (name, title, date) in cases {
        let doc = one(name);
        assert_eq!(doc.title.as_deref(), Some(title), "{name}");
        if date.is_some() {
            assert_eq!(doc.published.as_deref(), date, "{name}");
        }
        assert!(
            !doc.body.contains('\0') && !doc.body.contains('\r'),
            "{name}: control characters left"
        );
        assert!(
            doc.body.chars().count() > 100,
            "{name}: body too short: {}",
            doc.body
        );
    }
}

#[test]
fn encodings_keep_their_characters() {
    let cp1252 = one("cp1252.txt").body;
    for expected in ["chargé d’affaires", "Renée", "André Lefèvre", "“", "”", "—"] {
        assert!(
            cp1252.contains(expected),
            "cp1252.txt lost {expected}: {cp1252}"
        );
    }
    assert!(one("utf16le-bom.txt").body.contains('“'));
    assert!(one("latin1-german.txt").body.contains("Müller-Weiß"));
    assert!(one("gbk.txt").body.contains("王立新"));
    assert!(!one("utf8-bom.txt").title.unwrap().starts_with('\u{feff}'));
    assert_eq!(one("utf8.txt").body, one("utf8-bom.txt").body);
}

#[test]
fn web_pages_lose_their_furniture() {
    for name in [
        "page.html",
        "page-cp1252.htm",
        "page-no-article.html",
        "nested/a/b/c/three.html",
    ] {
        let body = one(name).body;
        for junk in [
            "NAVJUNK",
            "COOKIEJUNK",
            "COMMENTJUNK",
            "RELATEDJUNK",
            "FOOTERJUNK",
            "SCRIPTJUNK",
            "STYLEJUNK",
            "Accept all",
        ] {
            assert!(!body.contains(junk), "{name}: {junk} in main text:\n{body}");
        }
    }
    let page = one("page.html");
    assert!(
        page.body.contains("people’s") && page.body.contains("Parks & Waterways"),
        "{}",
        page.body
    );
    assert_eq!(page.byline.as_deref(), Some("Jane Doe"));
}

#[test]
fn docx_runs_and_pdf_pages_join_into_words() {
    let docx = one("article.docx").body;
    for word in [
        "Emergency",
        "summer",
        "Water & Sewer",
        "41 percent",
        "Reservoir level",
    ] {
        assert!(docx.contains(word), "docx lost {word}: {docx}");
    }
    let pdf = one("article.pdf");
    assert!(
        pdf.body.contains("Peter Vance"),
        "page 2 missing: {}",
        pdf.body
    );
    assert_eq!(pdf.body, one("article-flate.pdf").body);
}

#[test]
fn markdown_syntax_is_gone() {
    let body = one("article.md").body;
    assert!(
        !body.contains("**") && !body.contains("](") && !body.contains("example.invalid"),
        "{body}"
    );
}

#[test]
fn email_attachments_are_articles_and_the_cover_note_is_not() {
    let parts = parse("clipping-multipart.eml").unwrap();
    let docs: Vec<Document> = parts.into_iter().map(Result::unwrap).collect();
    let titles: Vec<_> = docs.iter().map(|d| d.title.as_deref().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Port Workers Begin 48-Hour Strike",
            "Union Leader Defends Strike Timing"
        ]
    );
    assert!(
        docs.iter()
            .all(|d| !d.body.contains("COVERNOTEJUNK")
                && d.published.as_deref() == Some("2024-03-13"))
    );
    assert_eq!(docs[0].part.as_deref(), Some("attachment port-strike.html"));
    assert!(!one("clipping-html-only.eml").body.contains('<'));
}

#[test]
fn bulk_json_forms_and_per_item_failures() {
    let count = |name: &str| {
        let parts = parse(name).unwrap();
        (
            parts.iter().filter(|p| p.is_ok()).count(),
            parts.iter().filter(|p| p.is_err()).count(),
        )
    };
    assert_eq!(count("bulk.json"), (5, 0));
    assert_eq!(count("bulk-object.json"), (1, 0));
    assert_eq!(count("bulk-wrapped.json"), (3, 0));
    assert_eq!(count("bulk-bad.json"), (2, 2));
    assert_eq!(count("bulk.jsonl"), (3, 1));

    let jsonl = parse("bulk.jsonl").unwrap();
    let failure = jsonl.iter().find_map(|p| p.as_ref().err()).unwrap();
    assert_eq!(failure.part, "line 3");
    assert!(failure.error.to_string().contains("invalid JSON"));

    let bulk = parse("bulk.json").unwrap();
    let fourth = bulk[3].as_ref().unwrap();
    assert_eq!(
        fourth.title.as_deref(),
        Some("Environment Agency Issues Drought Warning")
    );
    assert_eq!(
        (
            fourth.url.as_deref(),
            fourth.published.as_deref(),
            fourth.outlet.as_deref()
        ),
        (None, None, None)
    );
    let wrapped = parse("bulk-wrapped.json").unwrap();
    assert!(
        wrapped
            .iter()
            .any(|p| p.as_ref().unwrap().body.contains("Tomás Ibarra"))
    );
}

#[test]
fn bad_files_fail_with_reasons_a_person_understands() {
    let cases = [
        ("empty.txt", "empty"),
        ("whitespace.txt", "empty"),
        ("binary.txt", "binary data"),
        ("corrupt.docx", "not a readable Word"),
        ("not-a-zip.docx", "not a readable Word"),
        ("no-document.docx", "word/document.xml is missing"),
        ("scan.pdf", "no text layer — is it a scanned image?"),
        ("corrupt.pdf", "not a readable PDF"),
        ("not-json.json", "not valid JSON"),
        ("unknown.xyz", "unsupported file type '.xyz'"),
    ];
    for (name, reason) in cases {
        let message = error(name);
        assert!(
            message.contains(reason),
            "{name}: '{message}' should say '{reason}'"
        );
    }
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let big = vec![b'a'; ingest::MAX_FILE_BYTES as usize + 1];
    let err = ingest::ingest(std::path::Path::new("huge.txt"), &big).unwrap_err();
    assert!(matches!(err, IngestError::TooLarge { .. }));
    assert!(
        err.to_string().contains("On Record imports files up to"),
        "{err}"
    );
}
