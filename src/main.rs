//! The `onrecord` binary: with a command, the CLI; without one, the app.

fn main() -> std::process::ExitCode {
    onrecord::isolate::install_panic_hook();
    onrecord::cli::main()
}
