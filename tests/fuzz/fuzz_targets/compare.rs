//! The comparison engine on two arbitrary texts (split at the first NUL),
//! with every option, and the N-way table on them.
#![no_main]
use libfuzzer_sys::fuzz_target;
use onrecord::compare::{Options, compare, nway::nway};

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let (a, b) = text.split_once('\0').unwrap_or((&text, ""));
    let flags = bytes.first().copied().unwrap_or(0);
    let options = Options {
        ignore_case: flags & 1 != 0,
        ignore_punctuation: flags & 2 != 0,
        ignore_typography: flags & 4 != 0,
        ignore_whitespace: flags & 8 == 0,
    };
    let c = compare(a, b, &options);
    assert!((0.0..=1.0).contains(&c.similarity));
    let _ = nway(&[a, b, a], &options);
});
