//! The .pdf reader on arbitrary bytes: an error is fine, a crash, a hang or a
//! runaway allocation is not. (The import pipeline also isolates parsers;
//! this target finds what that isolation would have to catch.)
#![no_main]
use libfuzzer_sys::fuzz_target;
use onrecord::ingest::{Format, ingest_as};

fuzz_target!(|bytes: &[u8]| {
    let _ = ingest_as(Format::Pdf, bytes);
});
