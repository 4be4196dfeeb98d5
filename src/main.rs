//! The `onrecord` binary: with a command, the CLI; without one, the app.

/// mimalloc instead of the system allocator: extraction makes many small,
/// short-lived allocations per article, and an import spent a tenth of its
/// extraction time in glibc's malloc and free (measured: extraction of the
/// benchmark corpus 415 → 360 ms). The benchmarks use it too.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    onrecord::isolate::install_panic_hook();
    onrecord::cli::main()
}
