#!/usr/bin/env python3
"""Regenerate the ingest test fixtures in tests/fixtures/ingest/.

Usage:  python3 scripts/make_fixtures.py

Standard library only (Python 3.11+).  The output is fully deterministic:
fixed zip timestamps and entry order, seeded "random" bytes, no generated
message ids or PDF /ID, and every file's mtime is set to 2024-03-12T12:00Z.
Running the script twice produces byte-identical files.  It also (re)writes
tests/fixtures/ingest/README.md from the FIXTURES table at the bottom.

All article texts are fictional and written for these fixtures.

What each fixture tests
-----------------------
Text & encodings
  utf8.txt            plain UTF-8, curly quotes “ ” ‘ ’, em dash —
  utf8-bom.txt        same bytes as utf8.txt prefixed with a UTF-8 BOM (EF BB BF)
  utf16le-bom.txt     UTF-16LE with BOM (FF FE), curly quotes
  utf16be-bom.txt     UTF-16BE with BOM (FE FF), curly quotes
  cp1252.txt          Windows-1252 bytes 0x93/0x94 (“ ”), 0x92 (’), 0x97 (—),
                      0xE9 (é); 400+ bytes, invalid as UTF-8 -> charset detection
  latin1-german.txt   pure ISO-8859-1 German (äöüß, »«), identical under cp1252
  gbk.txt             Chinese article encoded in GBK (no BOM, no declaration)
  crlf.txt            UTF-8 with Windows CRLF line endings
  article.md          Markdown: heading, *date*, **bold**, [links](...), list,
                      > blockquote; markup should be stripped
  empty.txt           0 bytes -> failure
  whitespace.txt      only spaces / newlines -> failure
  binary.txt          4096 seeded pseudo-random bytes incl. NULs -> failure
  nul-in-text.txt     valid UTF-8 article with a few NUL bytes inside
HTML
  page.html           full saved web page: og/meta tags, nav, cookie banner,
                      <article>, byline, <time>, entities, inline script/style,
                      related-articles aside, reader comments, footer.
                      Boilerplate carries marker words NAVJUNK, COOKIEJUNK,
                      COMMENTJUNK, RELATEDJUNK, FOOTERJUNK, SCRIPTJUNK, STYLEJUNK.
  page-cp1252.htm     <meta charset="windows-1252">, bytes encoded as cp1252
  page-no-article.html  no <article>; div soup with class="story-body"
  broken.html         unclosed tags, truncated in the middle of a tag
  deep.html           5,000 nested <div>s around one paragraph (stack safety)
DOCX
  article.docx        Title-styled paragraph, runs split mid-word, proofErr/
                      bookmark noise, <w:tab/>, <w:br/>, curly quotes, a one-row
                      table, docProps/core.xml with dc:title + dcterms:created
  corrupt.docx        zip local header + garbage (truncated, no central dir)
  not-a-zip.docx      plain text with a .docx extension
  no-document.docx    valid zip without word/document.xml
PDF
  article.pdf         2 pages, Helvetica Type1 /WinAnsiEncoding, BT/Tf/Td/Tj,
                      octal escapes \\223 \\224 \\222 \\227, /Info /Title +
                      /CreationDate, uncompressed content streams
  article-flate.pdf   identical page text, content streams /FlateDecode
  scan.pdf            single page that only paints an 8x8 grey image: no text
  corrupt.pdf         "%PDF-1.4" followed by garbage
EML
  clipping.eml        single-part text/plain, quoted-printable, RFC 2047
                      encoded-word subject (two adjacent Q-words), RFC 2822 Date
  clipping-multipart.eml  multipart/mixed: cover note, text/html attachment
                      (base64), text/plain .txt attachment (quoted-printable),
                      image/png attachment (to be ignored)
  clipping-html-only.eml  multipart/alternative: text/plain + text/html of the
                      same article (must yield ONE article)
JSON bulk
  bulk.json           array of 5 objects; #4 lacks url/date/outlet
  bulk.jsonl          line 3 is invalid JSON, line 4 is blank
  bulk-object.json    a single object instead of an array
  bulk-wrapped.json   {"articles": [...3...]}, non-ASCII written as \\uXXXX
  bulk-bad.json       4 elements; #2 lacks "body", #3 has a numeric body
  not-json.json       text that is not JSON
Other
  nested/...          recursive folder import: 3 importable files, plus
                      nested/a/ignored.xyz (unknown ext) and nested/.hidden.txt
  unknown.xyz         unsupported file type
"""

from __future__ import annotations

import base64
import calendar
import hashlib
import json
import os
import quopri
import struct
import sys
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "ingest"

FIXED_MTIME = calendar.timegm((2024, 3, 12, 12, 0, 0))
ZIP_DATE = (2024, 3, 12, 12, 0, 0)

WRITTEN: list[str] = []


def write(rel: str, data: bytes) -> None:
    path = OUT / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.utime(path, (FIXED_MTIME, FIXED_MTIME))
    WRITTEN.append(rel)


def seeded_bytes(seed: str, n: int) -> bytes:
    """Deterministic pseudo-random bytes (SHA-256 in counter mode)."""
    out = bytearray()
    counter = 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        counter += 1
    return bytes(out[:n])


def crlf(s: str) -> str:
    return s.replace("\r\n", "\n").replace("\n", "\r\n")


# ---------------------------------------------------------------------------
# Text & encodings
# ---------------------------------------------------------------------------

UTF8_TXT = """\
State Department Urges Calm After Border Incident
March 12, 2024

WASHINGTON — The State Department on Tuesday urged restraint after a brief \
exchange of fire along the disputed border between the fictional neighbours \
Veloria and Ostravia.

“We remain concerned about the situation,” State Department Spokesperson \
Matthew Miller said. “We’re in close contact with both governments — and \
we’ve made clear that further escalation serves no one.”

Miller declined to say whether envoys would travel to the region this week. \
‘We don’t preview travel,’ he told reporters, before adding: “Our focus is on \
de-escalation.”
"""

UTF16LE_TXT = """\
Transport Minister Promises Rail Upgrade Timeline
13 March 2024

Transport Minister Alan Pryce said on Wednesday that a full timetable for the \
northern rail upgrade would be published before the summer.

“We owe commuters a clear timetable,” Pryce told the regional assembly. \
“Nobody should have to guess when their line will reopen.”

Opposition transport spokesperson Mira Castellan called the promise overdue. \
“We’ve heard ‘before the summer’ three years in a row,” she said.
"""

UTF16BE_TXT = """\
Health Ministry Expands Weekend Vaccine Clinics
13 March 2024

The Health Ministry will open forty additional weekend vaccination clinics, \
Deputy Health Minister Farida Osei announced on Wednesday.

“Access shouldn’t depend on whether you can take a weekday off,” Osei said. \
“These clinics are about fairness.”

Ministry spokesperson Tom Reilly said bookings would open on Monday. \
“Walk-ins will also be welcome,” Reilly added.
"""

CP1252_TXT = """\
Envoy Says River Talks Will Resume “Within Weeks”
March 12, 2024

GENEVA — The fictional Republic of Veloria’s chargé d’affaires, Renée \
Dubois, said on Tuesday that stalled negotiations over the shared river basin \
would resume “within weeks.”

“We’ve never walked away from the table,” Dubois told reporters outside the \
café where delegates had gathered. “Our position hasn’t changed — we want a \
fair agreement for both peoples.”

The head of the Ostravian delegation, André Lefèvre, was more cautious. \
“It’s premature to speak of a breakthrough,” Lefèvre said, adding that a \
résumé of the technical proposals would be circulated to all parties before \
the next round.
"""

LATIN1_GERMAN_TXT = """\
Auswärtiges Amt äußert Sorge über Spannungen an der Grenze
12. März 2024

BERLIN - Das Auswärtige Amt hat sich am Dienstag besorgt über die \
zunehmenden Spannungen zwischen den fiktiven Nachbarstaaten Velorien und \
Ostravien geäußert.

"Wir beobachten die Lage mit großer Sorge", sagte die Sprecherin des \
Auswärtigen Amtes, Katharina Müller-Weiß, in Berlin. "Beide Seiten müssen \
jetzt zur Mäßigung zurückfinden."

Die Bundesregierung stehe in engem Austausch mit den Partnern in der \
Europäischen Union, hieß es weiter. Auf die Frage nach möglichen Sanktionen \
antwortete Müller-Weiß: "Darüber zu spekulieren, wäre verfrüht."

Ein Sprecher des Verteidigungsministeriums, Jörg Schäfer, ergänzte: »Die \
Sicherheit unserer Soldatinnen und Soldaten in der Region hat höchste \
Priorität.« Übungen würden wie geplant fortgesetzt.
"""

GBK_TXT = """\
滨海市宣布加固海堤计划
2024年3月12日

本报讯 滨海市政府3月12日宣布，将在今年雨季到来之前完成沿海堤坝的加固工程。

市政府发言人王立新在新闻发布会上表示：“我们将全力保障市民的生命和财产安全。”他说，工程总投资约为十二亿元，由市水务局负责实施。

“新的堤坝工程预计在六月底前完工，”王立新说，“届时沿海地区的防洪能力将明显提高。”

市水务局局长刘海燕补充说：“我们已经组织了三支专业施工队伍，日夜推进工程进度。”

部分居民对施工期间的交通管制表示担忧。对此，王立新回应称，政府将提前公布绕行路线，“尽量减少对市民日常出行的影响”。
"""

CRLF_TXT = """\
Governor Signs Wildfire Preparedness Bill
March 14, 2024

SACRAMENTO — Governor Elaine Brandt signed a bill on Thursday that doubles \
funding for rural fire crews and creates a statewide evacuation alert system.

“No family should learn about a fire from the smoke outside their window,” \
Brandt said at the signing ceremony.

State Fire Chief Ramon Estrada said the first new crews would be hired by \
June. “We’re going to be ready earlier this year than ever before,” Estrada \
said.
"""

ARTICLE_MD = """\
# Mayor Announces Review of Downtown Parking Rules

*March 12, 2024*

By **Sam Ortega**, City Desk

The city will review downtown parking rules after months of complaints, Mayor \
**Linda Harrow** said on Tuesday at a press conference at \
[City Hall](http://example.invalid/city-hall).

“We’ve heard residents loud and clear,” Harrow said. “Parking shouldn’t be a \
daily battle.”

The review will examine:

- meter prices in the central district
- loading zones for *small businesses*
- permits for [residents](http://example.invalid/permits)

> “Any changes will be phased in gradually,” transport director Omar Haddad
> said in a statement.

Council member Ruth Ebner was skeptical: “We have been promised reviews \
before.”
"""

NUL_TEXT = """\
Library Board Extends Weekend Hours
March 12, 2024

The county library board voted on Tuesday to keep all branches open until \
8 p.m. on Saturdays.\x00

“Libraries are the last free indoor public space many people have,” board \
chair Denise Obi said.\x00\x00 “Longer hours are the least we can do.”

Head librarian Paul\x00 Mendez said staffing would be covered by the new \
budget. “We won’t be asking anyone to work unpaid overtime,” Mendez said.
"""


def make_text_fixtures() -> None:
    utf8 = UTF8_TXT.encode("utf-8")
    write("utf8.txt", utf8)
    write("utf8-bom.txt", b"\xef\xbb\xbf" + utf8)
    write("utf16le-bom.txt", b"\xff\xfe" + UTF16LE_TXT.encode("utf-16-le"))
    write("utf16be-bom.txt", b"\xfe\xff" + UTF16BE_TXT.encode("utf-16-be"))

    cp = CP1252_TXT.encode("cp1252")
    assert len(cp) >= 400
    for b in (0x93, 0x94, 0x92, 0x97, 0xE9):
        assert bytes([b]) in cp, hex(b)
    write("cp1252.txt", cp)

    de = LATIN1_GERMAN_TXT.encode("latin-1")
    assert de.decode("cp1252") == LATIN1_GERMAN_TXT  # same under both codecs
    write("latin1-german.txt", de)

    write("gbk.txt", GBK_TXT.encode("gbk"))
    write("crlf.txt", crlf(CRLF_TXT).encode("utf-8"))
    write("article.md", ARTICLE_MD.encode("utf-8"))

    write("empty.txt", b"")
    write("whitespace.txt", b"   \n\n      \n  \r\n\r\n    \n")
    binary = bytearray(seeded_bytes("binary.txt", 4096))
    for i in (0, 1, 17, 512, 2048, 4095):  # guarantee NULs, incl. a leading one
        binary[i] = 0
    write("binary.txt", bytes(binary))
    write("nul-in-text.txt", NUL_TEXT.encode("utf-8"))


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------

PAGE_HTML = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbor Council Approves Flood Barrier Plan | The Daily Ledger</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="Harbor Council Approves Flood Barrier Plan">
<meta property="og:type" content="article">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="og:url" content="http://example.invalid/news/harbor-flood-barrier">
<meta property="article:published_time" content="2024-03-12T10:00:00Z">
<meta name="author" content="Jane Doe">
<meta name="description" content="The harbor council voted 7-2 to fund a movable flood barrier.">
<link rel="stylesheet" href="/static/site.css">
<style>
  body { font-family: Georgia, serif; }
  .STYLEJUNK::after { content: "STYLEJUNK"; }
  #cookie-consent { position: fixed; bottom: 0; }
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  var tracker = "SCRIPTJUNK head tracker";
</script>
</head>
<body>
<div id="cookie-consent" class="cookie-banner" role="dialog">
  <p>COOKIEJUNK We use cookies to personalise content and ads and to analyse our
  traffic. By clicking &ldquo;Accept all&rdquo; you agree to our use of cookies.</p>
  <button class="accept">Accept all</button> <button class="manage">Manage preferences</button>
</div>
<header class="site-header">
  <a class="logo" href="/">The Daily Ledger</a>
  <nav class="main-nav" aria-label="Main">
    <ul>
      <li><a href="/">NAVJUNK Home</a></li>
      <li><a href="/news">NAVJUNK News</a></li>
      <li><a href="/local">NAVJUNK Local</a></li>
      <li><a href="/politics">NAVJUNK Politics</a></li>
      <li><a href="/business">NAVJUNK Business</a></li>
      <li><a href="/climate">NAVJUNK Climate</a></li>
      <li><a href="/sport">NAVJUNK Sport</a></li>
      <li><a href="/culture">NAVJUNK Culture</a></li>
      <li><a href="/opinion">NAVJUNK Opinion</a></li>
      <li><a href="/podcasts">NAVJUNK Podcasts</a></li>
      <li><a href="/subscribe">NAVJUNK Subscribe</a></li>
      <li><a href="/login">NAVJUNK Sign in</a></li>
    </ul>
  </nav>
</header>
<main id="content">
<article class="story">
  <h1>Harbor Council Approves Flood Barrier Plan</h1>
  <p class="byline">By Jane Doe</p>
  <time datetime="2024-03-12">March 12, 2024</time>
  <p>PORT ELLIS &mdash; The harbor council voted 7-2 on Tuesday to fund a movable
  flood barrier across the mouth of the old harbor, ending a decade of debate
  over how to protect the waterfront from storm surges.</p>
  <p>&ldquo;We have waited long enough,&rdquo; Harbor Commissioner Rosa Delgado said
  after the vote. &ldquo;Every winter we gamble with people&#8217;s homes and
  livelihoods.&rdquo;</p>
  <p>The barrier will cost an estimated $310 million, shared between the
  city&#8217;s capital budget and a regional Parks &amp; Waterways fund.</p>
  <script>document.write("SCRIPTJUNK inline ad slot");</script>
  <p>Mayor Daniel Whitcombe, who had opposed an earlier design, backed the revised
  plan. &ldquo;This version protects the harbor without closing it to fishing
  boats,&rdquo; Whitcombe said.</p>
  <p>City engineer Priya Natarajan told the council that construction could begin
  next spring. &ldquo;The first phase is dredging, and that work can start as soon as
  permits are issued,&rdquo; she said.</p>
  <p>Two council members voted against the plan, citing cost overruns on previous
  waterfront projects. &ldquo;I support flood protection, but not a blank
  cheque,&rdquo; councillor Ben Achterberg said.</p>
  <p>A public information session is scheduled for March 20 at the harbor
  master&#8217;s office.</p>
</article>
<aside class="related">
  <h2>Related articles</h2>
  <ul>
    <li><a href="/news/1">RELATEDJUNK Storm season forecast revised upward</a></li>
    <li><a href="/news/2">RELATEDJUNK Fishing fleet marks record catch</a></li>
    <li><a href="/news/3">RELATEDJUNK Waterfront housing plan delayed</a></li>
    <li><a href="/news/4">RELATEDJUNK Ferry timetable changes this weekend</a></li>
    <li><a href="/news/5">RELATEDJUNK Opinion: the harbor deserves better</a></li>
  </ul>
</aside>
<section id="comments" class="comments">
  <h2>Comments (3)</h2>
  <div class="comment">
    <span class="comment-author">harborwatcher</span>
    <p>COMMENTJUNK &ldquo;This is a waste of money,&rdquo; my neighbour said, and I agree.</p>
  </div>
  <div class="comment">
    <span class="comment-author">ellis_local</span>
    <p>COMMENTJUNK Finally! As Delgado said, &ldquo;we have waited long enough.&rdquo;</p>
  </div>
  <div class="comment">
    <span class="comment-author">skeptic42</span>
    <p>COMMENTJUNK &ldquo;Next spring&rdquo; means never. Mark my words.</p>
  </div>
</section>
</main>
<footer class="site-footer">
  <p>FOOTERJUNK &copy; 2024 The Daily Ledger. All rights reserved.</p>
  <p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a> | <a href="/cookies">Cookie settings</a></p>
</footer>
<script src="/static/analytics.js"></script>
<script>var footerTracker = "SCRIPTJUNK footer";</script>
</body>
</html>
"""

PAGE_CP1252_HTM = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="windows-1252">
<title>Minister Backs Café Owners in Rent Dispute</title>
<meta property="article:published_time" content="2024-03-15T08:30:00Z">
<meta name="author" content="Noël Fontaine">
</head>
<body>
<nav><a href="/">NAVJUNK Home</a> <a href="/city">NAVJUNK City</a></nav>
<article>
<h1>Minister Backs Café Owners in Rent Dispute</h1>
<p class="byline">By Noël Fontaine</p>
<p>Small Business Minister Hélène Marchetti said on Friday that café owners
facing sudden rent increases deserve “a fair hearing — not an eviction notice.”</p>
<p>“I’ve spoken to dozens of owners this week,” Marchetti said. “Their stories are
remarkably similar.”</p>
<p>Landlord association spokesperson Gérard Lindqvist disagreed. “Rents have been
frozen for years; this is a correction, not a crisis,” he said.</p>
</article>
<footer>FOOTERJUNK © 2024 Fictional Courier</footer>
</body>
</html>
"""

PAGE_NO_ARTICLE_HTML = """\
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>Regional Airport to Add Night Flights - Valley Courier</title>
<meta name="date" content="2024-03-15">
</head>
<body>
<div class="page-wrap">
  <div class="top-bar">
    <div class="menu"><a href="/">NAVJUNK Home</a> | <a href="/news">NAVJUNK News</a> |
    <a href="/travel">NAVJUNK Travel</a> | <a href="/weather">NAVJUNK Weather</a></div>
    <div class="promo">Subscribe today and save 50%!</div>
  </div>
  <div class="content-wrap">
    <div class="col-main">
      <div class="story-header">
        <h1 class="headline">Regional Airport to Add Night Flights</h1>
        <div class="meta"><span class="author">By Lena Park</span>
        <span class="dateline">March 15, 2024</span></div>
      </div>
      <div class="story-body">
        <p>The Valley Regional Airport will begin operating a limited number of
        night flights in May, the airport authority announced on Friday.</p>
        <p>&ldquo;Demand for early-morning departures has grown every year since
        2020,&rdquo; airport director Hugo Brennan said. &ldquo;Night slots let airlines
        position aircraft without adding daytime congestion.&rdquo;</p>
        <p>Residents near the eastern runway have long opposed the change. The
        authority said it would cap night movements at six per night.</p>
        <p>&ldquo;Six flights is six too many for people who have to sleep,&rdquo;
        county commissioner Aisha Rahman said, adding that she would ask the state
        to review the noise assessment.</p>
        <p>The authority will hold two public meetings before the schedule is
        finalised.</p>
      </div>
    </div>
    <div class="col-side">
      <div class="widget most-read"><h3>Most read</h3>
        <ul><li>RELATEDJUNK Bridge closure extended</li>
        <li>RELATEDJUNK High school wins state final</li>
        <li>RELATEDJUNK New bakery opens on Main Street</li></ul>
      </div>
      <div class="ad-slot">ADVERTISEMENT</div>
    </div>
  </div>
  <div class="site-footer">FOOTERJUNK Valley Courier &middot; Contact &middot; Privacy</div>
</div>
</body>
</html>
"""

BROKEN_HTML = """\
<html>
<head>
<title>Council Delays Vote on School Closures</title>
<body>
<div class="story">
<h1>Council Delays Vote on School Closures
<p>March 16, 2024
<p>The education council postponed a vote on closing three rural schools after
more than two hundred parents packed Saturday's meeting.
<p>"We need more time to hear from the communities affected," council president
Mariam Idowu said. <b>"No decision will be rushed."
<p>Parent representative Colm Hartley welcomed the delay. <i>"This is the first
time we have felt listened to," Hartley said.
<div class="more"><p>The vote is now expected in <a href="/calendar">April</a
<p>Officials will publish enrolment figures before then. <span cla"""

DEEP_PARAGRAPH = (
    "<p>Officials said the nested layout was intentional. "
    "&ldquo;Deep markup must never crash the importer,&rdquo; systems auditor "
    "Vera Lindholm said. &ldquo;We test five thousand levels on purpose,&rdquo; "
    "she added.</p>"
)


def make_html_fixtures() -> None:
    write("page.html", PAGE_HTML.encode("utf-8"))
    cp = PAGE_CP1252_HTM.encode("cp1252")
    for b in (0x93, 0x94, 0x92, 0x97, 0xE9):
        assert bytes([b]) in cp, hex(b)
    write("page-cp1252.htm", cp)
    write("page-no-article.html", PAGE_NO_ARTICLE_HTML.encode("utf-8"))
    write("broken.html", BROKEN_HTML.encode("utf-8"))
    depth = 5000
    deep = (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        "<title>Deeply Nested Page Survives Parsing</title>"
        "<meta property=\"article:published_time\" content=\"2024-03-12T10:00:00Z\">"
        "</head><body>"
        "<h1>Deeply Nested Page Survives Parsing</h1>"
        + "<div>" * depth
        + DEEP_PARAGRAPH
        + "</div>" * depth
        + "</body></html>\n"
    )
    write("deep.html", deep.encode("utf-8"))


# ---------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """\
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
</Types>"""

ROOT_RELS = """\
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
</Relationships>"""

DOC_RELS = """\
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
</Relationships>"""

STYLES = f"""\
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">\
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>\
<w:rPr><w:sz w:val="56"/></w:rPr></w:style>\
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>\
<w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>\
</w:styles>"""

CORE_XML = """\
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
<dc:title>{title}</dc:title><dc:creator>Jane Doe</dc:creator>\
<cp:lastModifiedBy>Jane Doe</cp:lastModifiedBy><cp:revision>3</cp:revision>\
<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-12T09:30:00Z</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-12T11:05:00Z</dcterms:modified>\
</cp:coreProperties>"""

DOCX_TITLE = "Water Board Approves Emergency Drought Plan"


def _r(text: str, rpr: str = "") -> str:
    rpr_xml = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{rpr_xml}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _p(*runs: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">{ppr}{"".join(runs)}</w:p>'


def docx_document_xml() -> str:
    body = [
        # Title split into runs mid-word: "Emer" + "gency", "Drou" + "ght".
        _p(_r("Water Board Approves "), _r("Emer"), _r("gency Drou", "<w:b/>"),
           _r("ght Plan"), style="Title"),
        _p(_r("March 12, 2024", "<w:i/>")),
        _p(_r("SPRINGVALE — The regional water board on Tuesday approved an "
              "emergency drought plan that limits garden watering to two days a "
              "week and fast-tracks repairs to leaking mains.")),
        # Quote with a run boundary inside the word "summer" plus proofErr noise.
        _p(_r("“We cannot wait for the "),
           '<w:proofErr w:type="spellStart"/>',
           _r("sum", "<w:i/>"),
           '<w:proofErr w:type="spellEnd"/>',
           _r("mer to act,” board chair Helen Okafor said. “Every litre we save "
              "now is a litre we will need in August.”")),
        # Bookmark between runs, mid-word "Sewer" split as "Sew" + "er".
        _p(_r("The plan was drafted with the Water &amp; "),
           '<w:bookmarkStart w:id="0" w:name="_GoBack"/>',
           _r("Sew"), '<w:bookmarkEnd w:id="0"/>', _r("er Authority, whose "
              "director, Luis Ferreira, called it “painful but necessary.”")),
        _p(_r("Ferreira said enforcement would begin on April 1. “We’d much "
              "rather educate than fine anyone,” he said.")),
        # <w:tab/> and <w:br/> inside runs.
        _p(_r("Contact:"), "<w:r><w:tab/></w:r>", _r("Press Office"),
           '<w:r><w:br/><w:t xml:space="preserve">Springvale Regional Water Board</w:t></w:r>'),
    ]
    table = (
        "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
        "<w:tblGrid><w:gridCol w:w=\"4500\"/><w:gridCol w:w=\"4500\"/></w:tblGrid>"
        "<w:tr>"
        f"<w:tc><w:tcPr><w:tcW w:w=\"4500\" w:type=\"dxa\"/></w:tcPr>{_p(_r('Reservoir level'))}</w:tc>"
        f"<w:tc><w:tcPr><w:tcW w:w=\"4500\" w:type=\"dxa\"/></w:tcPr>{_p(_r('41 per'), _r('cent'))}</w:tc>"
        "</w:tr></w:tbl>"
    )
    body.append(table)
    body.append(_p(_r("The board will review the restrictions at its May meeting.")))
    sect = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" '
            'w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<w:body>{"".join(body)}{sect}</w:body></w:document>'
    )


def make_zip(entries: dict[str, bytes]) -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            zf.writestr(info, entries[name], compress_type=zipfile.ZIP_DEFLATED,
                        compresslevel=6)
    return buf.getvalue()


def make_docx_fixtures() -> None:
    core = CORE_XML.format(title=DOCX_TITLE).encode("utf-8")
    full = {
        "[Content_Types].xml": CONTENT_TYPES.encode("utf-8"),
        "_rels/.rels": ROOT_RELS.encode("utf-8"),
        "docProps/core.xml": core,
        "word/_rels/document.xml.rels": DOC_RELS.encode("utf-8"),
        "word/document.xml": docx_document_xml().encode("utf-8"),
        "word/styles.xml": STYLES.encode("utf-8"),
    }
    docx = make_zip(full)
    write("article.docx", docx)

    # Valid local file header + part of the first entry, then garbage; no
    # central directory, so any zip reader must fail.
    assert docx[:4] == b"PK\x03\x04"
    write("corrupt.docx", docx[:120] + seeded_bytes("corrupt.docx", 400))

    write("not-a-zip.docx", (
        "This is not a Word document.\n"
        "It is plain text that somebody saved with a .docx extension.\n"
        "“We regret the error,” the spokesperson said.\n"
    ).encode("utf-8"))

    no_doc = {k: v for k, v in full.items() if not k.startswith("word/")}
    no_doc["docProps/core.xml"] = CORE_XML.format(
        title="Document Without Body").encode("utf-8")
    write("no-document.docx", make_zip(no_doc))


# ---------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------

PDF_TITLE = "Council Votes to Expand Night Bus Service"

PDF_PAGE1 = [
    ("title", PDF_TITLE),
    ("meta", "March 12, 2024 \u2014 By Chris Nakamura"),
    ("gap", ""),
    ("text", "RIVERTON \u2014 The city council voted on Tuesday to expand night bus"),
    ("text", "service to every district, starting in September."),
    ("gap", ""),
    ("text", "\u201cShift workers keep this city running, and they deserve a ride home,\u201d"),
    ("text", "Transit Commissioner Maria Lopez said after the vote."),
    ("gap", ""),
    ("text", "The expansion adds eleven routes that will run every 30 minutes"),
    ("text", "between midnight and 5 a.m. The council\u2019s budget office estimates"),
    ("text", "the annual cost at $4.2 million (including new drivers)."),
]

PDF_PAGE2 = [
    ("text", "Councillor Peter Vance voted against the measure. \u201cI support the goal,"),
    ("text", "but we have not identified where the money comes from,\u201d Vance said."),
    ("gap", ""),
    ("text", "Lopez said the transit agency would publish the new timetables in July."),
    ("text", "\u201cWe will listen to riders before a single route is final,\u201d she said."),
]


def pdf_str(s: str) -> bytes:
    """Encode a str as a PDF literal string in WinAnsiEncoding."""
    out = bytearray(b"(")
    for b in s.encode("cp1252"):
        if b in (0x28, 0x29, 0x5C):  # ( ) \
            out += b"\\" + bytes([b])
        elif 0x20 <= b < 0x7F:
            out.append(b)
        else:
            out += b"\\%03o" % b
    out += b")"
    return bytes(out)


def pdf_content(lines: list[tuple[str, str]]) -> bytes:
    ops = [b"BT", b"72 760 Td"]
    first = True
    for kind, text in lines:
        if kind == "title":
            size, lead = 18, 28
        elif kind == "meta":
            size, lead = 10, 16
        else:
            size, lead = 11, 14
        if not first:
            ops.append(b"0 -%d Td" % lead)
        first = False
        if kind == "gap":
            continue
        ops.append(b"/F1 %d Tf" % size)
        ops.append(pdf_str(text) + b" Tj")
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def build_pdf(objects: list[bytes], root: int, info: int | None) -> bytes:
    """objects[i] is the body of object i+1 (without 'n 0 obj'/'endobj')."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, root)
    if info:
        trailer += b" /Info %d 0 R" % info
    trailer += b" >>"
    out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream_obj(dict_entries: bytes, data: bytes) -> bytes:
    return (b"<< " + dict_entries + b" /Length %d >>\nstream\n" % len(data)
            + data + b"\nendstream")


def article_pdf(flate: bool) -> bytes:
    contents = []
    for lines in (PDF_PAGE1, PDF_PAGE2):
        raw = pdf_content(lines)
        if flate:
            contents.append(stream_obj(b"/Filter /FlateDecode",
                                       zlib.compress(raw, 9)))
        else:
            contents.append(stream_obj(b"", raw).replace(b"<<  /Length", b"<< /Length"))
    info = (b"<< /Title " + pdf_str(PDF_TITLE)
            + b" /Author (Chris Nakamura) /Producer (make_fixtures.py)"
            + b" /CreationDate (D:20240312100000Z) /ModDate (D:20240312100000Z) >>")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",                                    # 1
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",                     # 2
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
        b" /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>",          # 3
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
        b" /Resources << /Font << /F1 5 0 R >> >> /Contents 7 0 R >>",          # 4
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
        b" /Encoding /WinAnsiEncoding >>",                                       # 5
        contents[0],                                                             # 6
        contents[1],                                                             # 7
        info,                                                                    # 8
    ]
    return build_pdf(objects, root=1, info=8)


def scan_pdf() -> bytes:
    pixels = bytes(((x * 16 + y * 8) & 0xFF) for y in range(8) for x in range(8))
    content = b"q\n144 0 0 144 234 500 cm\n/Im0 Do\nQ\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
        b" /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
        stream_obj(b"/Type /XObject /Subtype /Image /Width 8 /Height 8"
                   b" /ColorSpace /DeviceGray /BitsPerComponent 8", pixels),
        stream_obj(b"", content).replace(b"<<  /Length", b"<< /Length"),
        b"<< /Producer (make_fixtures.py scanner simulation)"
        b" /CreationDate (D:20240312100000Z) >>",
    ]
    return build_pdf(objects, root=1, info=6)


def make_pdf_fixtures() -> None:
    write("article.pdf", article_pdf(flate=False))
    write("article-flate.pdf", article_pdf(flate=True))
    write("scan.pdf", scan_pdf())
    write("corrupt.pdf", b"%PDF-1.4\n" + seeded_bytes("corrupt.pdf", 600))


# ---------------------------------------------------------------------------
# EML
# ---------------------------------------------------------------------------

CLIPPING_BODY = """\
Harbor minister’s “zero tolerance” pledge on ferry safety
The Coastal Herald, 12 March 2024

PORT ELLIS — Harbor Minister Grace Adeyemi promised on Tuesday a “zero tolerance” approach to ferry operators who skip safety inspections.

“Every passenger deserves to arrive home safely,” Adeyemi said at a briefing in Port Ellis. “Operators who cut corners will lose their licences — no exceptions.”

The ferry operators’ association said it welcomed clearer rules. “We support inspections that are consistent and fair,” association chair Martin Kowalski said.

-- 
Press Monitoring Service (automated clipping)
"""

MULTI_HTML_ATTACHMENT = """\
<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Port Workers Begin 48-Hour Strike</title>
<meta property="article:published_time" content="2024-03-13T06:00:00Z">
</head><body>
<article>
<h1>Port Workers Begin 48-Hour Strike</h1>
<p>March 13, 2024</p>
<p>Dock workers at the container terminal walked out at dawn on Wednesday,
halting all loading operations for two days.</p>
<p>&ldquo;We gave management every chance to negotiate,&rdquo; union secretary
Dolores Quinn said outside the terminal gates.</p>
<p>Port authority chief executive Arjun Mehta called the strike
&ldquo;deeply disappointing&rdquo; and said contingency plans were in place.
&ldquo;Perishable cargo will be prioritised once work resumes,&rdquo; Mehta said.</p>
</article>
</body></html>
"""

MULTI_TXT_ATTACHMENT = """\
Union Leader Defends Strike Timing
March 13, 2024

Union secretary Dolores Quinn rejected claims on Wednesday that the port strike \
had been timed to cause maximum disruption before the holiday weekend.

“The timing was set by management’s refusal to meet us,” Quinn said. “Not by \
the calendar.”

Labour Minister Owen Fitzgerald urged both sides back to talks. “A deal is \
within reach if everyone returns to the table,” he said.
"""

HTML_ONLY_SUBJECT = "Mayor unveils plan for riverside park"

HTML_ONLY_TEXT = """\
Mayor unveils plan for riverside park
14 March 2024

Mayor Linda Harrow on Thursday unveiled plans to turn a disused rail yard on the \
east bank into a 12-hectare riverside park.

“This land has been fenced off for thirty years. It belongs to the public,” \
Harrow said.

Parks director Samuel Achebe said construction could begin next year. “The first \
trees go in before the end of 2025,” Achebe said.
"""

HTML_ONLY_HTML = """\
<html><head><meta charset="utf-8"><title>Mayor unveils plan for riverside park</title></head>
<body>
<h1>Mayor unveils plan for riverside park</h1>
<p><em>14 March 2024</em></p>
<p>Mayor Linda Harrow on Thursday unveiled plans to turn a disused rail yard on the
east bank into a 12-hectare riverside park.</p>
<p>&ldquo;This land has been fenced off for thirty years. It belongs to the public,&rdquo;
Harrow said.</p>
<p>Parks director Samuel Achebe said construction could begin next year. &ldquo;The first
trees go in before the end of 2025,&rdquo; Achebe said.</p>
</body></html>
"""


def b64_lines(data: bytes) -> str:
    enc = base64.b64encode(data).decode("ascii")
    return "\n".join(enc[i:i + 76] for i in range(0, len(enc), 76)) + "\n"


def qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def tiny_png() -> bytes:
    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    w = h = 8
    raw = b"".join(b"\x00" + bytes([0x80] * w) for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def make_eml_fixtures() -> None:
    clipping = (
        "Return-Path: <clippings@monitor.example.invalid>\n"
        "From: Press Monitoring <clippings@monitor.example.invalid>\n"
        "To: Research Desk <desk@example.invalid>\n"
        "Subject: =?UTF-8?Q?Harbor_minister=E2=80=99s_=E2=80=9Czero_tolerance=E2=80=9D?=\n"
        " =?UTF-8?Q?_pledge_on_ferry_safety?=\n"
        "Date: Tue, 12 Mar 2024 09:15:00 +0000\n"
        "Message-ID: <clipping-0001@monitor.example.invalid>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=\"utf-8\"\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n" + qp(CLIPPING_BODY)
    )
    write("clipping.eml", crlf(clipping).encode("ascii"))

    boundary = "----=_Part_0_20240313"
    multipart = (
        "From: Sofia Brandt <sofia.brandt@example.invalid>\n"
        "To: Research Desk <desk@example.invalid>\n"
        "Subject: Fwd: two articles on the port strike\n"
        "Date: Wed, 13 Mar 2024 08:00:00 +0100\n"
        "Message-ID: <fwd-0002@example.invalid>\n"
        "MIME-Version: 1.0\n"
        f"Content-Type: multipart/mixed; boundary=\"{boundary}\"\n"
        "\n"
        "This is a multi-part message in MIME format.\n"
        "\n"
        f"--{boundary}\n"
        "Content-Type: text/plain; charset=\"utf-8\"\n"
        "Content-Transfer-Encoding: 7bit\n"
        "\n"
        "FYI, see attached. COVERNOTEJUNK\n"
        "Two pieces on the port strike from this morning.\n"
        "Sofia\n"
        "\n"
        f"--{boundary}\n"
        "Content-Type: text/html; charset=\"utf-8\"; name=\"port-strike.html\"\n"
        "Content-Disposition: attachment; filename=\"port-strike.html\"\n"
        "Content-Transfer-Encoding: base64\n"
        "\n" + b64_lines(MULTI_HTML_ATTACHMENT.encode("utf-8")) + "\n"
        f"--{boundary}\n"
        "Content-Type: text/plain; charset=\"utf-8\"; name=\"union-response.txt\"\n"
        "Content-Disposition: attachment; filename=\"union-response.txt\"\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n" + qp(MULTI_TXT_ATTACHMENT) + "\n"
        f"--{boundary}\n"
        "Content-Type: image/png; name=\"logo.png\"\n"
        "Content-Disposition: attachment; filename=\"logo.png\"\n"
        "Content-Transfer-Encoding: base64\n"
        "\n" + b64_lines(tiny_png()) + "\n"
        f"--{boundary}--\n"
    )
    write("clipping-multipart.eml", crlf(multipart).encode("ascii"))

    alt = "----=_Alt_0_20240314"
    alternative = (
        "From: City Newsletter <newsletter@example.invalid>\n"
        "To: Research Desk <desk@example.invalid>\n"
        f"Subject: {HTML_ONLY_SUBJECT}\n"
        "Date: Thu, 14 Mar 2024 10:30:00 -0500\n"
        "Message-ID: <alt-0003@example.invalid>\n"
        "MIME-Version: 1.0\n"
        f"Content-Type: multipart/alternative; boundary=\"{alt}\"\n"
        "\n"
        f"--{alt}\n"
        "Content-Type: text/plain; charset=\"utf-8\"\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n" + qp(HTML_ONLY_TEXT) + "\n"
        f"--{alt}\n"
        "Content-Type: text/html; charset=\"utf-8\"\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n" + qp(HTML_ONLY_HTML) + "\n"
        f"--{alt}--\n"
    )
    write("clipping-html-only.eml", crlf(alternative).encode("ascii"))


# ---------------------------------------------------------------------------
# JSON bulk
# ---------------------------------------------------------------------------

BULK = [
    {
        "title": "Finance Minister Defends Fuel Tax Freeze",
        "body": "Finance Minister Carla Jensen defended the fuel tax freeze on "
                "Tuesday.\n\n“Families are still feeling the squeeze,” Jensen "
                "said.\n\nOpposition finance spokesperson Hamid Qureshi was "
                "unconvinced. “This is a pre-election gift,” Qureshi said.",
        "url": "http://example.invalid/news/fuel-tax-freeze",
        "date": "2024-03-12",
        "outlet": "The Daily Ledger",
    },
    {
        "title": "Police Chief Announces Community Patrol Pilot",
        "body": "Police Chief Naomi Castell announced a six-month community "
                "patrol pilot in two districts.\n\n“Officers on foot build trust "
                "that patrol cars can’t,” Castell said.\n\nDistrict councillor "
                "Sean Doyle said: “We’ve asked for this for years.”",
        "url": "http://example.invalid/news/community-patrol",
        "date": "2024-03-12",
        "outlet": "Harbor Times",
    },
    {
        "title": "Education Secretary Promises Smaller Classes",
        "body": "Education Secretary Ingrid Solberg pledged to cap primary "
                "classes at 25 pupils by 2026.\n\n“Every child deserves a "
                "teacher who knows their name,” Solberg said.\n\nTeachers’ union "
                "leader Kofi Mensah said: “We’ll believe it when we see the "
                "funding.”",
        "url": "http://example.invalid/news/smaller-classes",
        "date": "2024-03-13",
        "outlet": "Valley Courier",
    },
    {
        # Optional fields (url, date, outlet) deliberately missing.
        "title": "Environment Agency Issues Drought Warning",
        "body": "The environment agency issued a drought warning for the "
                "southern counties.\n\n“Rainfall has been half the seasonal "
                "average,” agency director Pavel Novak said.\n\n“Please use "
                "water wisely,” Novak added.",
    },
    {
        "title": "Trade Envoy Reports Progress in Tariff Talks",
        "body": "Trade envoy Yuki Tanabe said negotiators had closed three of "
                "five open chapters.\n\n“We are closer than we have ever been,” "
                "Tanabe said.\n\nA spokesperson for the other side, Lars "
                "Eriksen, was cautious: “Nothing is agreed until everything is "
                "agreed.”",
        "url": "http://example.invalid/news/tariff-talks",
        "date": "2024-03-14",
        "outlet": "The Daily Ledger",
    },
]

JSONL_RECORDS = [
    {
        "title": "Port Authority Names New Harbor Master",
        "body": "The port authority named Ines Carvalho as harbor master.\n\n"
                "“It is an honour to serve this port,” Carvalho said.\n\n"
                "Authority chair Victor Lam said: “She was the outstanding "
                "candidate.”",
        "url": "http://example.invalid/news/harbor-master",
        "date": "2024-03-12",
        "outlet": "Harbor Times",
    },
    {
        "title": "Senator Calls for Inquiry Into Grid Outage",
        "body": "Senator Ruth Abernathy called for an inquiry into last week’s "
                "grid outage.\n\n“Two hundred thousand homes lost power for a "
                "day,” Abernathy said.\n\n“We need answers, not excuses,” she "
                "added.",
        "url": "http://example.invalid/news/grid-inquiry",
        "date": "2024-03-13",
        "outlet": "Valley Courier",
    },
    {
        "title": "Fisheries Minister Extends Quota Talks",
        "body": "Fisheries Minister Bjorn Aasen extended quota talks by a week."
                "\n\n“We are not going to rush a deal that lasts ten years,” "
                "Aasen said.\n\nIndustry spokesperson Ellen Moe said: “An extra "
                "week is acceptable.”",
        "date": "2024-03-14",
        "outlet": "The Daily Ledger",
    },
]

BULK_OBJECT = {
    "title": "Chief Medical Officer Urges Flu Vaccinations",
    "body": "The chief medical officer, Dr. Amara Nwosu, urged over-65s to get "
            "their flu jabs before April.\n\n“The vaccine remains our best "
            "protection,” Nwosu said.\n\nPharmacists’ association head Greg "
            "Halloran added: “Appointments are available this week.”",
    "url": "http://example.invalid/news/flu-vaccinations",
    "date": "2024-03-15",
    "outlet": "Valley Courier",
}

BULK_WRAPPED = {
    "articles": [
        {
            "title": "Housing Minister Unveils Rental Reform",
            "body": "Housing Minister Tomás Ibarra unveiled a rental reform "
                    "bill.\n\n“Tenants need security, landlords need clarity,” "
                    "Ibarra said.\n\nTenants’ union organiser Zoë Hartmann said: "
                    "“It’s a start.”",
            "url": "http://example.invalid/news/rental-reform",
            "date": "2024-03-15",
            "outlet": "The Daily Ledger",
        },
        {
            "title": "Defence Ministry Confirms Naval Exercise",
            "body": "The defence ministry confirmed a week-long naval exercise "
                    "in the northern sea.\n\n“The exercise is routine and "
                    "defensive,” ministry spokesperson Colonel Ada Brightwater "
                    "said.\n\n“Neighbouring states have been informed,” she "
                    "added.",
            "url": "http://example.invalid/news/naval-exercise",
            "date": "2024-03-16",
            "outlet": "Harbor Times",
        },
        {
            "title": "Culture Minister Pledges Support for Local Theatres",
            "body": "Culture Minister Renata Kowal pledged emergency grants for "
                    "regional theatres.\n\n“A town without a stage loses part "
                    "of its voice,” Kowal said.\n\nTheatre director Felix Amadi "
                    "said: “This will keep our doors open.”",
            "date": "2024-03-17",
            "outlet": "Valley Courier",
        },
    ]
}

BULK_BAD = [
    {
        "title": "Mayor Opens New Community Clinic",
        "body": "Mayor Linda Harrow opened a community clinic in the north "
                "district.\n\n“Healthcare should be around the corner,” Harrow "
                "said.\n\nClinic manager Dev Patel said: “We’re already fully "
                "booked for Monday.”",
        "url": "http://example.invalid/news/community-clinic",
        "date": "2024-03-12",
        "outlet": "Harbor Times",
    },
    {
        "title": "Article Missing Its Body",
        "url": "http://example.invalid/news/no-body",
        "date": "2024-03-12",
        "outlet": "Harbor Times",
    },
    {
        "title": "Article With Numeric Body",
        "body": 42,
        "date": "2024-03-12",
    },
    {
        "title": "Minister Announces Bridge Repairs",
        "body": "Infrastructure Minister Kwame Asante announced repairs to "
                "three river bridges.\n\n“Safety comes before convenience,” "
                "Asante said.\n\n“Detours will be signposted,” a ministry "
                "spokesperson said.",
        "url": "http://example.invalid/news/bridge-repairs",
        "date": "2024-03-13",
        "outlet": "Valley Courier",
    },
]


def jdump(obj, ascii_only: bool = False) -> bytes:
    return (json.dumps(obj, ensure_ascii=ascii_only, indent=2) + "\n").encode("utf-8")


def make_json_fixtures() -> None:
    write("bulk.json", jdump(BULK))

    line = lambda o: json.dumps(o, ensure_ascii=False)  # noqa: E731
    jsonl_lines = [
        line(JSONL_RECORDS[0]),                                             # line 1
        line(JSONL_RECORDS[1]),                                             # line 2
        '{"title": "Broken Line Three", "body": "This record is cut off',  # line 3
        "",                                                                 # line 4
        line(JSONL_RECORDS[2]),                                             # line 5
    ]
    write("bulk.jsonl", ("\n".join(jsonl_lines) + "\n").encode("utf-8"))

    write("bulk-object.json", jdump(BULK_OBJECT))
    write("bulk-wrapped.json", jdump(BULK_WRAPPED, ascii_only=True))
    write("bulk-bad.json", jdump(BULK_BAD))
    write("not-json.json", (
        "title: This is not JSON\n"
        "body: It looks a bit like YAML, but it is neither an object nor an array.\n"
        "{ unbalanced\n"
    ).encode("utf-8"))


# ---------------------------------------------------------------------------
# Other
# ---------------------------------------------------------------------------

NESTED_ONE = """\
Nested One: Regional Council Backs Cycle Lanes
March 12, 2024

The regional council backed a network of protected cycle lanes on Tuesday.

“Safe streets are good for everyone,” council leader Jonas Becker said.
“We will start with the routes to schools,” Becker added.
"""

NESTED_TWO = """\
# Nested Two: Minister Visits Flooded Villages

*March 13, 2024*

Interior Minister **Aylin Demir** visited three flooded villages on Wednesday.

“The state will cover the cost of temporary housing,” Demir said.

> “We will rebuild stronger,” local mayor Ivo Petrov said.
"""

NESTED_THREE = """\
<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Nested Three: Airport Strike Called Off</title>
<meta property="article:published_time" content="2024-03-14T07:00:00Z">
</head><body>
<article>
<h1>Nested Three: Airport Strike Called Off</h1>
<p>Baggage handlers called off a planned strike on Thursday after a late offer.</p>
<p>&ldquo;Members will vote on the offer next week,&rdquo; union representative Carla Nunes said.</p>
<p>&ldquo;We are pleased that travellers will not be affected,&rdquo; airport spokesperson Martin Hale said.</p>
</article>
</body></html>
"""


def make_other_fixtures() -> None:
    write("nested/a/one.txt", NESTED_ONE.encode("utf-8"))
    write("nested/a/b/two.md", NESTED_TWO.encode("utf-8"))
    write("nested/a/b/c/three.html", NESTED_THREE.encode("utf-8"))
    write("nested/a/ignored.xyz", (
        "Ignored Unknown Extension\n\n“This file must be skipped,” the test said.\n"
    ).encode("utf-8"))
    write("nested/.hidden.txt", (
        "Hidden File Should Be Skipped\nMarch 12, 2024\n\n"
        "“Hidden files are not articles,” HIDDENJUNK said. “Skip them.”\n"
    ).encode("utf-8"))
    write("unknown.xyz", b"XYZ\x01\x02 proprietary container format v3\n"
          + seeded_bytes("unknown.xyz", 64))


# ---------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------

# (file, what it tests, expected outcome)
FIXTURES: list[tuple[str, str, str]] = [
    # text & encodings
    ("utf8.txt", "Plain UTF-8; curly quotes “ ” ‘ ’; em dash",
     "imported — title `State Department Urges Calm After Border Incident`, date 2024-03-12 "
     "(from the line `March 12, 2024`); quotes by Matthew Miller"),
    ("utf8-bom.txt", "UTF-8 with BOM (EF BB BF); otherwise byte-identical to utf8.txt",
     "imported — same title/text as utf8.txt, BOM not part of the title "
     "(a duplicate of utf8.txt if both are imported)"),
    ("utf16le-bom.txt", "UTF-16LE with BOM FF FE, curly quotes",
     "imported — title `Transport Minister Promises Rail Upgrade Timeline`, date 2024-03-13"),
    ("utf16be-bom.txt", "UTF-16BE with BOM FE FF, curly quotes",
     "imported — title `Health Ministry Expands Weekend Vaccine Clinics`, date 2024-03-13"),
    ("cp1252.txt", "Windows-1252 without declaration: 0x93/0x94 “ ”, 0x92 ’, 0x97 —, 0xE9 é; "
     "invalid UTF-8, 650+ bytes", "imported — title `Envoy Says River Talks Will Resume “Within Weeks”`, "
     "date 2024-03-12; text contains `chargé d’affaires`, `Renée`, `André Lefèvre`, `résumé`"),
    ("latin1-german.txt", "ISO-8859-1 German (ä ö ü ß Ü, » «), no bytes 0x80–0x9F so latin1 == cp1252",
     "imported — title `Auswärtiges Amt äußert Sorge über Spannungen an der Grenze`, date 2024-03-12 "
     "(`12. März 2024`); quotes by Katharina Müller-Weiß (\"…\") and Jörg Schäfer (»…«)"),
    ("gbk.txt", "Chinese (Simplified) in GBK, no BOM / declaration — needs charset detection",
     "imported — title `滨海市宣布加固海堤计划`, date 2024-03-12 (`2024年3月12日`); "
     "quotes “…” by 王立新 and 刘海燕"),
    ("crlf.txt", "UTF-8 with CRLF line endings",
     "imported — title `Governor Signs Wildfire Preparedness Bill` (no trailing `\\r`), date 2024-03-14"),
    ("article.md", "Markdown: `# heading`, `*date*`, `**bold**`, `[links](http://example.invalid/…)`, "
     "list, `>` blockquote", "imported — title `Mayor Announces Review of Downtown Parking Rules` "
     "(no `#`), date 2024-03-12; text has no `**`, `](`, or `example.invalid` (link text kept)"),
    ("empty.txt", "0-byte file", "failed — reason like \"empty file\" / \"no text\""),
    ("whitespace.txt", "only spaces and newlines (LF and CRLF)",
     "failed — reason like \"no text content\""),
    ("binary.txt", "4096 seeded pseudo-random bytes, incl. NULs (first byte is NUL)",
     "failed — reason like \"binary file / not text\""),
    ("nul-in-text.txt", "valid UTF-8 article with 4 NUL bytes inside",
     "imported — title `Library Board Extends Weekend Hours`, date 2024-03-12; NULs stripped "
     "(stored text contains no `\\0`); quotes by Denise Obi and Paul Mendez"),
    # html
    ("page.html", "Full saved page: `<title>` with site suffix, og:title, article:published_time, "
     "meta author, nav, cookie banner, `<article>` with h1/byline/`<time>`, 7 paragraphs with "
     "&ldquo; &rdquo; &amp; &#8217; &mdash;, inline `<script>`/`<style>`, related aside, 3 comments, footer",
     "imported — title `Harbor Council Approves Flood Barrier Plan` (no ` | The Daily Ledger`), "
     "date 2024-03-12 (10:00:00Z), author Jane Doe. Main text must NOT contain NAVJUNK, COOKIEJUNK, "
     "COMMENTJUNK, RELATEDJUNK, FOOTERJUNK, SCRIPTJUNK, STYLEJUNK, `cookies`, `Accept all`, "
     "`Related articles`. Quotes by Rosa Delgado, Daniel Whitcombe, Priya Natarajan, Ben Achterberg; "
     "text contains `people’s`, `city’s`, `Parks & Waterways`"),
    ("page-cp1252.htm", "`<meta charset=\"windows-1252\">`, raw cp1252 bytes (“ ” ’ — é ë)",
     "imported — title `Minister Backs Café Owners in Rent Dispute`, date 2024-03-15; "
     "quotes by Hélène Marchetti and Gérard Lindqvist; no NAVJUNK/FOOTERJUNK"),
    ("page-no-article.html", "no `<article>`; div soup, main text in `div.story-body`, "
     "`<meta name=\"date\">`", "imported — title `Regional Airport to Add Night Flights`, date 2024-03-15; "
     "quotes by Hugo Brennan and Aisha Rahman; no NAVJUNK/RELATEDJUNK/FOOTERJUNK"),
    ("broken.html", "unclosed `<p>`/`<b>`/`<i>`/`<h1>`, missing `</head>`, truncated mid-tag (`<span cla`)",
     "imported — title `Council Delays Vote on School Closures`, date 2024-03-16 (text only); "
     "quotes by Mariam Idowu and Colm Hartley (straight quotes)"),
    ("deep.html", "5,000 nested `<div>`s around one paragraph (~56 KB)",
     "imported without stack overflow — title `Deeply Nested Page Survives Parsing`, date 2024-03-12; "
     "quotes by Vera Lindholm"),
    # docx
    ("article.docx", "Title-styled paragraph; runs split mid-word (`Emer|gency`, `Drou|ght`, `sum|mer`, "
     "`Sew|er`, `per|cent`) with proofErr/bookmark elements between runs; `<w:tab/>`, `<w:br/>`, "
     "curly quotes, `&amp;`, one-row table; core.xml dc:title + dcterms:created",
     f"imported — title `{DOCX_TITLE}`, date 2024-03-12 (created 2024-03-12T09:30:00Z); text "
     "contains `Emergency`, `summer`, `Water & Sewer`, `Reservoir level` and `41 percent`; quotes by "
     "Helen Okafor and Luis Ferreira"),
    ("corrupt.docx", "zip local-file header + 120 real bytes, then garbage; no central directory",
     "failed — reason like \"corrupt/invalid DOCX (zip)\""),
    ("not-a-zip.docx", "plain text with a .docx extension",
     "failed — reason like \"not a valid DOCX (not a zip archive)\""),
    ("no-document.docx", "valid zip (content types, rels, core.xml) but no `word/document.xml`",
     "failed — reason like \"DOCX has no word/document.xml\""),
    # pdf
    ("article.pdf", "2 pages, Helvetica Type1 /WinAnsiEncoding, BT/Tf/Td/Tj, octal escapes "
     "\\223 \\224 \\222 \\227, /Info /Title + /CreationDate (D:20240312100000Z), uncompressed streams",
     f"imported — title `{PDF_TITLE}`, date 2024-03-12; text spans both pages (`Peter Vance` is on "
     "page 2); quotes by Maria Lopez and Peter Vance (one quote spans two lines)"),
    ("article-flate.pdf", "same document, content streams /FlateDecode (zlib)",
     "imported — identical title/date/text to article.pdf (duplicate if both imported)"),
    ("scan.pdf", "valid 1-page PDF that only paints an 8×8 DeviceGray image XObject; no fonts/text",
     "failed — reason like \"PDF has no text layer (scanned?)\""),
    ("corrupt.pdf", "`%PDF-1.4` followed by 600 bytes of garbage",
     "failed — reason like \"corrupt/unreadable PDF\""),
    # eml
    ("clipping.eml", "single-part text/plain, quoted-printable UTF-8 body, Subject as two adjacent "
     "RFC 2047 Q encoded-words (whitespace between them must be dropped), RFC 2822 Date, CRLF",
     "imported — title `Harbor minister’s “zero tolerance” pledge on ferry safety`, date 2024-03-12 "
     "(Tue, 12 Mar 2024 09:15:00 +0000); quotes by Grace Adeyemi and Martin Kowalski"),
    ("clipping-multipart.eml", "multipart/mixed: cover note (text/plain, contains COVERNOTEJUNK), "
     "port-strike.html (text/html, base64), union-response.txt (text/plain, quoted-printable), "
     "logo.png (image/png, base64)",
     "2 articles imported: `Port Workers Begin 48-Hour Strike` (date 2024-03-13, quotes by Dolores Quinn, "
     "Arjun Mehta) and `Union Leader Defends Strike Timing` (date 2024-03-13, quotes by Dolores Quinn, "
     "Owen Fitzgerald); cover note is not an article (COVERNOTEJUNK not in any article text); PNG ignored"),
    ("clipping-html-only.eml", "multipart/alternative with text/plain and text/html versions of one article",
     f"exactly 1 article imported — title `{HTML_ONLY_SUBJECT}`, date 2024-03-14; quotes by "
     "Linda Harrow and Samuel Achebe; no HTML tags in text"),
    # json
    ("bulk.json", "array of 5 `{title, body, url, date, outlet}`; element #4 lacks url/date/outlet; "
     "bodies use `\\n\\n` paragraph breaks and curly quotes",
     "5 imported: " + ", ".join(f"`{a['title']}`" for a in BULK)
     + "; #4 (`Environment Agency Issues Drought Warning`) has no url/date/outlet"),
    ("bulk.jsonl", "JSON Lines: line 1, 2, 5 valid; line 3 invalid JSON (unterminated string); "
     "line 4 blank", "3 imported (" + ", ".join(f"`{a['title']}`" for a in JSONL_RECORDS)
     + "); line 3 reported as failed (\"line 3: invalid JSON\"); blank line 4 silently skipped; "
     "3rd record has no url"),
    ("bulk-object.json", "a single object instead of an array",
     f"1 imported — `{BULK_OBJECT['title']}`, date 2024-03-15"),
    ("bulk-wrapped.json", "`{\"articles\": [...]}` wrapper with 3 objects; non-ASCII written as "
     "`\\u201c` etc.", "3 imported: " + ", ".join(f"`{a['title']}`" for a in BULK_WRAPPED["articles"])
     + "; `\\u` escapes decoded (e.g. `Tomás Ibarra`, `Zoë Hartmann`, “ ”)"),
    ("bulk-bad.json", "array of 4; #2 has no `body`, #3 has `\"body\": 42`",
     "2 imported (`Mayor Opens New Community Clinic`, `Minister Announces Bridge Repairs`); "
     "#2 failed (\"missing body\"), #3 failed (\"body is not a string\") — 1-based element numbers, "
     "i.e. indices 1 and 2 0-based"),
    ("not-json.json", "text that is not JSON", "failed — reason like \"invalid JSON\""),
    # other
    ("nested/a/one.txt", "recursive folder import, depth 2",
     "imported — `Nested One: Regional Council Backs Cycle Lanes`, 2024-03-12"),
    ("nested/a/b/two.md", "recursive folder import, depth 3",
     "imported — `Nested Two: Minister Visits Flooded Villages`, 2024-03-13"),
    ("nested/a/b/c/three.html", "recursive folder import, depth 4",
     "imported — `Nested Three: Airport Strike Called Off`, 2024-03-14"),
    ("nested/a/ignored.xyz", "unknown extension inside an imported folder",
     "skipped (or reported as unsupported), never imported"),
    ("nested/.hidden.txt", "hidden file (leading dot) inside an imported folder; contains HIDDENJUNK",
     "skipped — importing `nested/` yields exactly 3 articles"),
    ("unknown.xyz", "unsupported file type (small binary-ish blob)",
     "failed — reason like \"unsupported file type: .xyz\""),
]


def make_readme() -> None:
    lines = [
        "# Ingest fixtures",
        "",
        "Generated by `scripts/make_fixtures.py` (run `python3 scripts/make_fixtures.py` from the repo",
        "root; output is byte-for-byte deterministic). Do not edit the fixtures by hand — change the",
        "script and regenerate. This README is generated too.",
        "",
        "All articles, people and outlets are fictional (except the State Department spokesperson",
        "name used in `utf8.txt`); URLs use the reserved `example.invalid` domain.",
        "",
        "Marker words that must never appear in extracted article text: `NAVJUNK`, `COOKIEJUNK`,",
        "`COMMENTJUNK`, `RELATEDJUNK`, `FOOTERJUNK`, `SCRIPTJUNK`, `STYLEJUNK` (HTML boilerplate),",
        "`COVERNOTEJUNK` (e-mail cover note), `HIDDENJUNK` (hidden file).",
        "",
        "Expected outcomes describe the intended importer behaviour; failure reasons are indicative",
        "(tests should match loosely, e.g. on a keyword).",
        "",
        "| Fixture | What it tests | Expected import outcome |",
        "|---|---|---|",
    ]
    for name, what, expected in FIXTURES:
        cell = lambda s: s.replace("|", "\\|")  # noqa: E731
        lines.append(f"| `{name}` | {cell(what)} | {cell(expected)} |")
    lines.append("")
    (OUT / "README.md").write_bytes("\n".join(lines).encode("utf-8"))
    os.utime(OUT / "README.md", (FIXED_MTIME, FIXED_MTIME))


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    make_text_fixtures()
    make_html_fixtures()
    make_docx_fixtures()
    make_pdf_fixtures()
    make_eml_fixtures()
    make_json_fixtures()
    make_other_fixtures()

    documented = {name for name, _, _ in FIXTURES}
    missing = sorted(set(WRITTEN) - documented)
    extra = sorted(documented - set(WRITTEN))
    assert not missing and not extra, (missing, extra)
    make_readme()

    for rel in WRITTEN:
        size = (OUT / rel).stat().st_size
        limit = {"deep.html": 60_000, "binary.txt": 4096}.get(rel, 20_000)
        assert size <= limit, (rel, size)
    print(f"wrote {len(WRITTEN)} fixtures + README.md to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
