//! The .onrecord session loader on arbitrary bytes: refuse, never crash.
#![no_main]
use libfuzzer_sys::fuzz_target;
use onrecord::session::from_file_json;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Ok(session) = from_file_json(text) {
            assert!(session.validate().is_ok(), "a loaded session is valid");
            let _ = onrecord::report::markdown(&session);
        }
    }
});
