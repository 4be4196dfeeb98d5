//! Dates as news copy writes them.
//!
//! Absolute dates ("2024-03-12", "March 12, 2024", "12 March 2024",
//! "Tue, 12 Mar 2024 10:00:00 +0000", "2024-03-12T10:00:00Z") become
//! [`NaiveDate`]s; relative ones ("on Tuesday", "last year", "on May 8",
//! "yesterday") are resolved against a reference date (the article's).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number (1-12) of an English month name or its three-letter abbreviation.
pub fn month_number(word: &str) -> Option<u32> {
    // Asked of every capitalised word: compared in place, nothing allocated.
    let w = word.trim_end_matches('.');
    if w.len() < 3 || !w.is_ascii() {
        return None;
    }
    // The first three letters tell the month; the rest must be the whole
    // name, or the word is the abbreviation itself ("Jan", "Sept").
    let b = w.as_bytes();
    let initials = [b[0], b[1], b[2]].map(|c| c.to_ascii_lowercase());
    let month = MONTHS.iter().position(|m| m.as_bytes()[..3] == initials)? + 1;
    (w.len() == 3 || MONTHS[month - 1].eq_ignore_ascii_case(w) || w.eq_ignore_ascii_case("sept"))
        .then_some(month as u32)
}

/// Month and weekday names ("March", "Tue"): capitalised, but never part of a name.
pub fn is_calendar_word(word: &str) -> bool {
    month_number(word).is_some() || weekday(word).is_some()
}

fn weekday(word: &str) -> Option<Weekday> {
    // Every weekday's name ends in "day": asked of every capitalised word,
    // most answer here.
    if !(6..=9).contains(&word.len())
        || !word.as_bytes()[word.len() - 3..].eq_ignore_ascii_case(b"day")
    {
        return None;
    }
    let mut buffer = [0u8; 9];
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    Some(match std::str::from_utf8(lower).unwrap_or("") {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

const MONTH_PATTERN: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b")
        .expect("valid regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MONTH_PATTERN})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
    .expect("valid regex")
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_PATTERN}),?\s+(\d{{4}})\b"
    ))
    .expect("valid regex")
});
static SLASHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4})/(\d{2})/(\d{2})\b").expect("valid regex"));

fn ymd(year: &str, month: u32, day: &str) -> Option<NaiveDate> {
    let year: i32 = year.parse().ok()?;
    let day: u32 = day.parse().ok()?;
    if !(1900..=2200).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The first absolute date in `text`, with the byte range it occupies.
pub fn find_date(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let mut best: Option<(NaiveDate, std::ops::Range<usize>)> = None;
    let mut consider = |date: Option<NaiveDate>, range: std::ops::Range<usize>| {
        if let Some(date) = date
            && best.as_ref().is_none_or(|(_, r)| range.start < r.start)
        {
            best = Some((date, range));
        }
    };
    if let Some(c) = ISO.captures(text) {
        let m = c.get(0).expect("group 0");
        consider(
            c[2].parse().ok().and_then(|month| ymd(&c[1], month, &c[3])),
            m.range(),
        );
    }
    if let Some(c) = SLASHED.captures(text) {
        let m = c.get(0).expect("group 0");
        consider(
            c[2].parse().ok().and_then(|month| ymd(&c[1], month, &c[3])),
            m.range(),
        );
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(text) {
        let m = c.get(0).expect("group 0");
        consider(
            month_number(&c[1]).and_then(|month| ymd(&c[3], month, &c[2])),
            m.range(),
        );
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(text) {
        let m = c.get(0).expect("group 0");
        consider(
            month_number(&c[2]).and_then(|month| ymd(&c[3], month, &c[1])),
            m.range(),
        );
    }
    best
}

/// Parses a whole field that should be a date (a `Date:` header, a JSON
/// `date` value, an HTML `published_time`): any form [`find_date`] knows.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    find_date(text).map(|(date, _)| date)
}

/// Formats as `YYYY-MM-DD`.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?:on|last|this past|earlier on)\s+(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?P<yesterday>yesterday)|(?P<today>today|this morning|this afternoon|tonight)|(?:on\s+)?(?P<month>{MONTH_PATTERN})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?|(?P<last>last)\s+(?P<unit>year|month|week)|(?P<ago>\d+|two|three|four|five|six|seven)\s+(?P<agounit>days|weeks|months|years)\s+ago|(?:in|earlier in)\s+(?P<inmonth>{MONTH_PATTERN})(?:\s+(?P<inyear>\d{{4}}))?)\b"
    ))
    .expect("valid regex")
});

/// A date that a phrase in `text` refers to, resolved against `reference`,
/// written with the precision the phrase has: `2024-03-12` for a day,
/// `2024-03` for a month, `2023` for a year.
///
/// "on Tuesday" is the latest Tuesday on or before the reference date; "on
/// May 8" is May 8 of the reference year (or of the year before, when May 8
/// would lie after the reference); "last year" is only a year.
pub fn resolve_relative(
    text: &str,
    reference: NaiveDate,
) -> Option<(String, std::ops::Range<usize>)> {
    let c = RELATIVE.captures(text)?;
    let range = c.get(0)?.range();
    let day = |d: NaiveDate| Some(iso(d));
    let resolved = if let Some(w) = c.name("weekday") {
        let target = weekday(w.as_str())?;
        let mut d = reference;
        // "on Tuesday" in an article dated Tuesday usually means that day.
        for _ in 0..7 {
            if d.weekday() == target {
                break;
            }
            d -= Duration::days(1);
        }
        day(d)
    } else if c.name("yesterday").is_some() {
        day(reference - Duration::days(1))
    } else if c.name("today").is_some() {
        day(reference)
    } else if let Some(m) = c.name("month") {
        let month = month_number(m.as_str())?;
        let d: u32 = c.name("day")?.as_str().parse().ok()?;
        match c.name("year") {
            Some(y) => day(ymd(y.as_str(), month, &d.to_string())?),
            None => {
                let this_year = NaiveDate::from_ymd_opt(reference.year(), month, d)?;
                if this_year > reference {
                    day(NaiveDate::from_ymd_opt(reference.year() - 1, month, d)?)
                } else {
                    day(this_year)
                }
            }
        }
    } else if c.name("last").is_some() {
        match c.name("unit")?.as_str().to_ascii_lowercase().as_str() {
            "year" => Some(format!("{}", reference.year() - 1)),
            "month" => {
                let (y, m) = if reference.month() == 1 {
                    (reference.year() - 1, 12)
                } else {
                    (reference.year(), reference.month() - 1)
                };
                Some(format!("{y}-{m:02}"))
            }
            _ => day(reference - Duration::days(7)),
        }
    } else if let Some(n) = c.name("ago") {
        let n: i64 = match n.as_str().to_ascii_lowercase().as_str() {
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            digits => digits.parse().ok()?,
        };
        match c.name("agounit")?.as_str().to_ascii_lowercase().as_str() {
            "days" => day(reference - Duration::days(n)),
            "weeks" => day(reference - Duration::weeks(n)),
            "months" => {
                let back = reference - Duration::days(30 * n);
                Some(format!("{}-{:02}", back.year(), back.month()))
            }
            _ => Some(format!("{}", reference.year() - n as i32)),
        }
    } else if let Some(m) = c.name("inmonth") {
        let month = month_number(m.as_str())?;
        let year = match c.name("inyear") {
            Some(y) => y.as_str().parse().ok()?,
            None if month > reference.month() => reference.year() - 1,
            None => reference.year(),
        };
        Some(format!("{year}-{month:02}"))
    } else {
        None
    };
    resolved.map(|date| (date, range))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn absolute_forms() {
        assert_eq!(parse_date("2024-03-12"), Some(d("2024-03-12")));
        assert_eq!(parse_date("2024-03-12T10:00:00Z"), Some(d("2024-03-12")));
        assert_eq!(parse_date("March 12, 2024"), Some(d("2024-03-12")));
        assert_eq!(parse_date("12 March 2024"), Some(d("2024-03-12")));
        assert_eq!(
            parse_date("Tue, 12 Mar 2024 10:00:00 +0000"),
            Some(d("2024-03-12"))
        );
        assert_eq!(parse_date("Sept. 5, 2023"), Some(d("2023-09-05")));
        assert_eq!(parse_date("2024/03/12"), Some(d("2024-03-12")));
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("no date here"), None);
    }

    #[test]
    fn earliest_date_in_text_wins() {
        let (date, range) = find_date("Published 5 May 2023, updated 2024-01-02").unwrap();
        assert_eq!(date, d("2023-05-05"));
        assert_eq!(range.start, 10);
    }

    #[test]
    fn relative_forms() {
        let reference = d("2024-03-14"); // a Thursday
        let r = |t: &str| resolve_relative(t, reference).map(|(date, _)| date);
        assert_eq!(
            r("during a press briefing on Tuesday").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(r("said on Thursday").as_deref(), Some("2024-03-14"));
        assert_eq!(
            r("had said in a presser last year").as_deref(),
            Some("2023")
        );
        assert_eq!(r("on May 8").as_deref(), Some("2023-05-08"));
        assert_eq!(r("on March 2").as_deref(), Some("2024-03-02"));
        assert_eq!(r("yesterday").as_deref(), Some("2024-03-13"));
        assert_eq!(r("two weeks ago").as_deref(), Some("2024-02-29"));
        assert_eq!(r("in January").as_deref(), Some("2024-01"));
        assert_eq!(r("nothing relative"), None);
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("dec"), Some(12));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Mayor"), None);
        assert_eq!(month_number("SEPTEMBER"), Some(9));
        assert_eq!(month_number("Junè"), None);
        assert!(is_calendar_word("Wednesday") && is_calendar_word("Jan."));
        assert!(!is_calendar_word("Monday.") && !is_calendar_word("Mondale"));
    }

    #[test]
    fn month_numbers_agree_with_a_scan_of_the_names() {
        // The month lookup as first written: every name compared in turn.
        let scan = |word: &str| {
            let w = word.trim_end_matches('.');
            if w.len() < 3 || !w.is_ascii() {
                return None;
            }
            let abbreviation = w.len() == 3 || w.eq_ignore_ascii_case("sept");
            MONTHS
                .iter()
                .position(|m| {
                    m.eq_ignore_ascii_case(w)
                        || (abbreviation
                            && m.len() >= w.len()
                            && m[..w.len()].eq_ignore_ascii_case(w))
                })
                .map(|i| i as u32 + 1)
        };
        // Every prefix of every name, in three cases, with and without a
        // full stop, and one letter too many.
        for name in MONTHS {
            for end in 1..=name.len() {
                let prefix = &name[..end];
                for word in [
                    prefix.to_string(),
                    prefix.to_uppercase(),
                    format!("{}{}", prefix[..1].to_uppercase(), &prefix[1..]),
                    format!("{prefix}."),
                    format!("{prefix}s"),
                    format!("{prefix}@"),
                ] {
                    assert_eq!(month_number(&word), scan(&word), "{word}");
                }
            }
        }
    }
}
