//! Running code that may panic on hostile input without losing the process.
//!
//! Third-party parsers (PDF above all) can panic on files they do not
//! expect. [`catch`] turns such a panic into an error value; while it runs,
//! the panic hook installed by [`install_panic_hook`] stays quiet, because the
//! failure is reported once, as the file's import error, not as a backtrace
//! on the terminal.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};

thread_local! {
    static ISOLATED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `work`, returning `Err(message)` if it panics.
pub fn catch<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    let was = ISOLATED.with(|flag| flag.replace(true));
    // AssertUnwindSafe: `work` only reads its input and builds a fresh value;
    // after a panic that value is dropped and nothing shared is left half-done.
    let result = panic::catch_unwind(AssertUnwindSafe(work));
    ISOLATED.with(|flag| flag.set(was));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string())
    })
}

/// Keeps the default panic report for real bugs and silences panics inside
/// [`catch`], which are reported as import errors instead.
pub fn install_panic_hook() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !ISOLATED.with(Cell::get) {
            default(info);
        }
    }));
}

/// Stack size for threads that parse untrusted files: deeply nested HTML
/// recurses in tree walkers, and 64 MiB of address space costs nothing until
/// touched.
pub const PARSER_STACK_BYTES: usize = 64 * 1024 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_the_flag_resets() {
        install_panic_hook();
        let result: Result<(), String> = catch(|| panic!("bad font"));
        assert_eq!(result.unwrap_err(), "bad font");
        assert!(!ISOLATED.with(Cell::get));
        assert_eq!(catch(|| 42), Ok(42));
    }
}
