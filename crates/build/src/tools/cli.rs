//! How the command-line tools (`pack`, `gen-data`) stop: a usage line on a
//! wrong call (exit 2), the file and the system's reason on a failed read or
//! write (exit 1). Native only.

/// Prints `problem` (when there is one) and the tool's synopsis; exits 2.
pub fn usage(tool: &str, synopsis: &str, problem: &str) -> ! {
    if !problem.is_empty() {
        eprintln!("{tool}: {problem}");
    }
    eprintln!("usage: {synopsis}");
    std::process::exit(2);
}

/// Names what could not be read or written, and why; exits 1.
pub fn fail(tool: &str, what: &dyn std::fmt::Display, e: &std::io::Error) -> ! {
    eprintln!("{tool}: {what}: {e}");
    std::process::exit(1);
}
