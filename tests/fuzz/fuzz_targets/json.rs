//! Bulk JSON and JSON Lines on arbitrary bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;
use onrecord::ingest::{Format, ingest_as};

fuzz_target!(|bytes: &[u8]| {
    let _ = ingest_as(Format::Json, bytes);
    let _ = ingest_as(Format::JsonLines, bytes);
});
