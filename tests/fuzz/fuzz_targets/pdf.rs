//! The .pdf reader on arbitrary bytes, run as imports run it: pdf-extract
//! panics on some files (upstream bugs), and the import pipeline catches
//! that (`isolate::catch`), so a caught panic is not a finding here; an
//! abort, a hang, a stack overflow or a runaway allocation is.
#![no_main]
use libfuzzer_sys::fuzz_target;
use onrecord::ingest::{Format, ingest_as};

fuzz_target!(|bytes: &[u8]| {
    // libfuzzer-sys aborts on any panic through its hook; imports install
    // a quiet one instead, so do the same here.
    static QUIET: std::sync::Once = std::sync::Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let _ = onrecord::isolate::catch(|| ingest_as(Format::Pdf, bytes));
});
