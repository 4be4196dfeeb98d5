//! Saved web pages: the article's main text, title, byline, date and site.
//!
//! Main-text extraction is dom_smoothie's port of Mozilla's Readability (the
//! algorithm behind Firefox's Reader View), which drops menus, cookie
//! banners, comment threads and related-link lists. The HTML is only parsed:
//! no script runs and nothing is fetched.

use super::{IngestError, decode::decode_with_label, field, squash, tidy_body};
use crate::dates;
use crate::model::Document;
use dom_smoothie::{Config, ParsePolicy, Readability, TextMode};

/// Pages with more elements than this are refused rather than parsed for
/// seconds: no news article needs 200,000 elements.
const MAX_ELEMENTS: usize = 200_000;

/// Elements that are never the article: navigation, banners, comment
/// threads, related links, sharing widgets.
const FURNITURE: &str = "nav, footer, aside, form, noscript, iframe, [role=navigation], [role=complementary], [role=contentinfo], \
    [class*=cookie], [id*=cookie], [class*=Cookie], [id*=Cookie], [class*=consent], [id*=consent], [class*=gdpr], \
    [id=comments], [class=comments], [class^=comment], [id^=comment], [class*=' comment'], [class*=-comment], \
    [class*=related], [id*=related], [class*=newsletter], [class*=subscribe], [class*=share-], [class*=social], \
    [class*=promo], [class*=advert], [id*=advert], [class*=paywall], [class*=breadcrumb]";

/// Parses an HTML page. `charset` is a label a container declared (an
/// e-mail part's `charset=`); otherwise the page's own `<meta charset>` or
/// the detector decides.
pub fn parse_html(bytes: &[u8], charset: Option<&str>) -> Result<Document, IngestError> {
    let declared = charset.map(str::to_owned).or_else(|| meta_charset(bytes));
    let html = decode_with_label(bytes, declared.as_deref())?;
    html_to_document(&html)
}

pub fn html_to_document(html: &str) -> Result<Document, IngestError> {
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut readability =
        Readability::new(html, None, Some(config)).map_err(|e| IngestError::Corrupt {
            format: "HTML",
            reason: e.to_string(),
        })?;
    // Readability scores what is left; on short pages a cookie banner or a
    // comment thread can outscore the story, so page furniture goes first.
    readability.doc.select(FURNITURE).remove();
    let article = match readability.parse() {
        Ok(article) => article,
        Err(dom_smoothie::ReadabilityError::TooManyElements(found, max)) => {
            return Err(IngestError::Invalid(format!(
                "the page has {found} elements (at most {max} are read) — is it really an article?"
            )));
        }
        // Short pages fail the strict heuristics; a page with little text is
        // still worth importing as it is.
        Err(_) => readability
            .parse_with_policy(ParsePolicy::Raw)
            .map_err(|_| IngestError::NoText)?,
    };

    let title = field(Some(&article.title));
    let mut text = tidy_body(&article.text_content);
    if text.is_empty() {
        return Err(IngestError::NoText);
    }
    // Readability removes the <h1> that repeats the title; the headline is
    // part of what was published (and may carry a statement), so put it back.
    if let Some(title) = &title
        && !squash(&text[..text.len().min(title.len() * 2)]).starts_with(title.as_str())
    {
        text = format!("{title}\n\n{text}");
    }
    Ok(Document {
        title,
        outlet: field(article.site_name.as_deref()),
        url: field(article.url.as_deref()),
        byline: field(article.byline.as_deref()).map(|b| {
            b.trim_start_matches("By ")
                .trim_start_matches("by ")
                .to_string()
        }),
        published: article
            .published_time
            .as_deref()
            .and_then(dates::parse_date)
            .map(dates::iso),
        body: text,
        part: None,
    })
}

/// The charset a page declares in its first 4 KiB (`<meta charset=…>` or the
/// http-equiv form). Read on bytes, before decoding, as browsers do.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")?;
    let value = head[at + 8..].trim_start_matches(['"', '\'', ' ']);
    let end = value.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))?;
    Some(value[..end].to_string()).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head><meta charset="utf-8">
<title>Envoy urges calm | The Ledger</title>
<meta property="og:title" content="Envoy urges calm">
<meta property="og:site_name" content="The Ledger">
<meta property="article:published_time" content="2024-03-12T10:00:00Z">
<meta name="author" content="Jane Roe">
<script>document.write("SCRIPTJUNK")</script></head><body>
<nav><a href="/">Home</a> <a href="/w">World NAVJUNK</a></nav>
<div class="cookie-banner">We use cookies COOKIEJUNK. <button>Accept all</button></div>
<article><h1>Envoy urges calm</h1>
<p>The envoy spoke to reporters on Tuesday after a long round of talks in the capital, which ended without agreement.</p>
<p>&ldquo;We remain concerned about the situation and we urge every side to show restraint,&rdquo; the envoy said, adding that talks would resume.</p>
<p>Officials from both delegations said they were prepared to return to the table next week, though no date was set.</p>
<p>&ldquo;There is no alternative to dialogue,&rdquo; she added. &ldquo;None at all.&rdquo;</p>
</article>
<aside><h3>Related articles</h3><ul><li><a href="/1">RELATEDJUNK one</a></li><li><a href="/2">RELATEDJUNK two</a></li></ul></aside>
<section id="comments"><h3>Comments</h3><div class="comment">&ldquo;Nonsense&rdquo; COMMENTJUNK</div></section>
<footer>© The Ledger</footer></body></html>"#;

    #[test]
    fn main_text_without_the_page_furniture() {
        let doc = parse_html(PAGE.as_bytes(), None).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Envoy urges calm"));
        assert_eq!(doc.published.as_deref(), Some("2024-03-12"));
        assert_eq!(doc.outlet.as_deref(), Some("The Ledger"));
        assert!(doc.body.starts_with("Envoy urges calm\n\n"), "{}", doc.body);
        assert!(
            doc.body
                .contains("“We remain concerned about the situation"),
            "{}",
            doc.body
        );
        assert!(
            doc.body
                .contains("“There is no alternative to dialogue,” she added."),
            "{}",
            doc.body
        );
        for junk in [
            "SCRIPTJUNK",
            "NAVJUNK",
            "COOKIEJUNK",
            "RELATEDJUNK",
            "COMMENTJUNK",
            "Accept all",
        ] {
            assert!(!doc.body.contains(junk), "{junk} leaked into {}", doc.body);
        }
    }

    #[test]
    fn declared_charset_is_read_from_bytes() {
        assert_eq!(
            meta_charset(br#"<meta charset="windows-1252">"#).as_deref(),
            Some("windows-1252")
        );
        assert_eq!(
            meta_charset(
                br#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#
            )
            .as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(meta_charset(b"<p>no charset</p>"), None);
    }
}
