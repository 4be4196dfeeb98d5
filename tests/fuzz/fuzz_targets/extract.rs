//! The extractor on arbitrary text, then the invariant every statement
//! keeps: it is a slice of the body at its offsets.
#![no_main]
use libfuzzer_sys::fuzz_target;
use onrecord::extract::extract_body;

fuzz_target!(|bytes: &[u8]| {
    let body = String::from_utf8_lossy(bytes);
    let extraction = extract_body(&body, Some("2024-03-12"));
    for s in &extraction.statements {
        assert_eq!(&body[s.start..s.end], s.text, "a statement is a slice of its body");
    }
});
