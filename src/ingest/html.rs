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
/// threads, related links, sharing widgets — by tag, by ARIA role, or by a
/// word in their class or id.
fn is_furniture(node: &dom_query::NodeRef) -> bool {
    const TAGS: &[&str] = &["nav", "footer", "aside", "form", "noscript", "iframe"];
    const ROLES: &[&str] = &["navigation", "complementary", "contentinfo"];
    /// Anywhere in a class or id (compared in lower case).
    const WORDS: &[&str] = &[
        "cookie",
        "consent",
        "gdpr",
        "related",
        "newsletter",
        "subscribe",
        "share-",
        "social",
        "promo",
        "advert",
        "paywall",
        "breadcrumb",
    ];
    if node
        .node_name()
        .is_some_and(|name| TAGS.contains(&name.as_ref()))
    {
        return true;
    }
    if node
        .attr("role")
        .is_some_and(|role| ROLES.contains(&role.trim()))
    {
        return true;
    }
    fn marked(value: Option<impl std::ops::Deref<Target = str>>) -> bool {
        let Some(value) = value else { return false };
        let value = value.to_ascii_lowercase();
        // Comment threads ("comments", "comment-list", "user-comment",
        // "commentsSection") but not commentary, which is an article.
        let comment_thread = value
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|word| {
                word.strip_prefix("comment")
                    .is_some_and(|rest| !rest.starts_with("ar") && !rest.starts_with("at"))
            });
        comment_thread || WORDS.iter().any(|word| value.contains(word))
    }
    marked(node.class()) || marked(node.id_attr())
}

/// Removes the page furniture (see [`is_furniture`]) from `doc`. One walk
/// over the tree: matching a list of CSS selectors against every element
/// cost a tenth of reading a page.
fn remove_furniture(doc: &dom_query::Document) {
    let furniture: Vec<dom_query::NodeRef> = doc
        .root()
        .descendants_it()
        .filter(|node| node.is_element() && is_furniture(node))
        .collect();
    for node in furniture {
        node.remove_from_parent();
    }
}

/// Where pages keep the publication date that Readability does not read.
static DATE_MATCHER: std::sync::LazyLock<dom_query::Matcher> = std::sync::LazyLock::new(|| {
    dom_query::Matcher::new(
        "meta[name=date], meta[name=pubdate], meta[name=publishdate], meta[name='dc.date'], \
         meta[name='DC.date.issued'], meta[property='og:published_time'], meta[itemprop=datePublished], \
         time[itemprop=datePublished], time[datetime]",
    )
    .expect("the date selector is valid")
});

/// The largest saved web page read. A news page with its scripts and inline
/// images runs to a few megabytes; tens of megabytes of HTML is a dump, not
/// an article, and would hold the DOM parser for many seconds.
pub const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// Parses an HTML page. `charset` is a label a container declared (an
/// e-mail part's `charset=`); otherwise the page's own `<meta charset>` or
/// the detector decides.
pub fn parse_html(bytes: &[u8], charset: Option<&str>) -> Result<Document, IngestError> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(IngestError::Invalid(format!(
            "a web page of {} is far more than one article (saved pages are read up to {}); save the article's text instead",
            super::human_bytes(bytes.len() as u64),
            super::human_bytes(MAX_PAGE_BYTES as u64)
        )));
    }
    let declared = charset.map(str::to_owned).or_else(|| meta_charset(bytes));
    let html = decode_with_label(bytes, declared.as_deref())?;
    html_to_document(&html)
}

pub fn html_to_document(html: &str) -> Result<Document, IngestError> {
    // The HTML tree builder checks the stack of open elements at every tag:
    // quadratic in nesting depth (minutes for 100,000 nested <div>s). No
    // article page nests anywhere near this deep.
    let depth = nesting_depth(html);
    if depth > MAX_PARSE_DEPTH {
        return Err(IngestError::Invalid(format!(
            "the page's elements are nested {depth} levels deep (pages are read up to {MAX_PARSE_DEPTH}) — it is not an article page"
        )));
    }
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
    let meta_date = published_meta(&readability.doc);
    // Readability scores what is left; on short pages a cookie banner or a
    // comment thread can outscore the story, so page furniture goes first.
    remove_furniture(&readability.doc);

    let (title, byline, published, outlet, url, text) = if depth > MAX_DEPTH {
        // Readability's scoring walks every ancestor of every paragraph:
        // quadratic in nesting depth (seconds for 5,000 nested <div>s). Such
        // pages get plain block extraction instead.
        let meta = readability.get_article_metadata(readability.parse_json_ld());
        let blocks: Vec<String> = readability
            .doc
            .select("h1, h2, h3, h4, h5, h6, p, li, blockquote, pre")
            .iter()
            .map(|block| squash(&block.text()))
            .filter(|t| !t.is_empty())
            .collect();
        (
            meta.title,
            meta.byline,
            meta.published_time,
            meta.site_name,
            meta.url,
            blocks.join("\n\n"),
        )
    } else {
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
        let text = article.text_content.to_string();
        (
            article.title,
            article.byline,
            article.published_time,
            article.site_name,
            article.url,
            text,
        )
    };

    let title = field(Some(&title));
    let mut text = tidy_body(&text);
    if text.is_empty() {
        return Err(IngestError::NoText);
    }
    // Readability removes the <h1> that repeats the title; the headline is
    // part of what was published (and may carry a statement), so put it back.
    if let Some(title) = &title {
        let head: String = text.chars().take(title.chars().count() * 2).collect();
        if !squash(&head).starts_with(title.as_str()) {
            text = format!("{title}\n\n{text}");
        }
    }
    Ok(Document {
        title,
        outlet: field(outlet.as_deref()),
        url: field(url.as_deref()),
        byline: field(byline.as_deref()).map(|b| {
            b.trim_start_matches("By ")
                .trim_start_matches("by ")
                .to_string()
        }),
        published: published
            .as_deref()
            .and_then(dates::parse_date)
            .or(meta_date)
            .map(dates::iso),
        body: text,
        part: None,
    })
}

/// The publication date from the meta tags and `<time>` elements that
/// Readability does not read (`<meta name="date">`, `itemprop=datePublished`).
fn published_meta(doc: &dom_query::Document) -> Option<chrono::NaiveDate> {
    doc.select_matcher(&DATE_MATCHER).iter().find_map(|node| {
        let value = node.attr("content").or_else(|| node.attr("datetime"))?;
        dates::parse_date(&value)
    })
}

/// Pages nested deeper than this skip Readability (see [`html_to_document`]).
/// Real news pages stay well under 100 levels.
const MAX_DEPTH: usize = 256;

/// Pages nested deeper than this are refused before they are parsed.
const MAX_PARSE_DEPTH: usize = 10_000;

/// The deepest element nesting in `html`, estimated from its tags without
/// building a tree (void and self-closing elements do not nest).
fn nesting_depth(html: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        i += offset + 1;
        match bytes.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = bytes[i..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |p| i + p);
                let name = &html[i..name_end];
                let tag_end = bytes[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(bytes.len(), |p| i + p);
                let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
                if !self_closing && !VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) {
                    depth += 1;
                    max = max.max(depth);
                }
            }
            _ => {}
        }
    }
    max
}

/// The charset a page declares in its first 4 KiB (`<meta charset=…>` or the
/// http-equiv form). Read on bytes, before decoding, as browsers do.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes[..bytes.len().min(4096)].to_ascii_lowercase();
    let at = head.windows(8).position(|w| w == b"charset=")?;
    let value = &head[at + 8..];
    let value = &value[value
        .iter()
        .position(|b| !matches!(b, b'"' | b'\'' | b' '))?..];
    let end = value
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_')))?;
    Some(String::from_utf8_lossy(&value[..end]).into_owned()).filter(|v| !v.is_empty())
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
    fn commentary_is_an_article_and_comments_are_furniture() {
        let page = |class: &str| {
            format!(
                "<html><head><title>Op-ed</title></head><body><div class=\"{class}\"><p>“Diplomacy is the only road,” the former envoy writes in a long essay on the talks and what they mean for the region.</p><p>Officials have been reluctant to say so in public, but the case for patience is stronger than it looks.</p></div></body></html>"
            )
        };
        for article in ["commentary", "article--commentary", "Commentator-column"] {
            let doc = html_to_document(&page(article)).unwrap();
            assert!(
                doc.body.contains("Diplomacy is the only road"),
                "{article}: {}",
                doc.body
            );
        }
        for thread in [
            "comments",
            "comment-list",
            "user-comment",
            "commentsSection",
            "post_comment",
        ] {
            let html = format!(
                "<html><head><title>News</title></head><body><article><p>“We are ready,” the minister said on Monday as the talks opened in the capital after weeks of delay.</p></article><div class=\"{thread}\"><p>THREADJUNK I disagree with all of this.</p></div></body></html>"
            );
            let doc = html_to_document(&html).unwrap();
            assert!(!doc.body.contains("THREADJUNK"), "{thread}: {}", doc.body);
        }
    }

    #[test]
    fn nesting_is_estimated_from_tags() {
        assert_eq!(nesting_depth("<div><p>a<br>b</p><img src=x/></div>"), 2);
        let deep = format!(
            "{}<p>“Deep words are still read,” he said.</p>{}",
            "<div>".repeat(3000),
            "</div>".repeat(3000)
        );
        assert_eq!(nesting_depth(&deep), 3001);
        let doc = html_to_document(&format!(
            "<html><head><title>Deep</title></head><body>{deep}</body></html>"
        ))
        .unwrap();
        assert_eq!(doc.body, "Deep\n\n“Deep words are still read,” he said.");
    }

    #[test]
    fn a_title_with_accents_does_not_split_a_character() {
        let doc = html_to_document("<html><head><title>Café déjà vu</title></head><body><article><p>Café owners said “non” to the rent rise on Friday.</p></article></body></html>").unwrap();
        assert!(doc.body.starts_with("Café déjà vu\n\n"), "{}", doc.body);
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
