//! The editors' check of a data file, on the page's own loading and
//! validation code:
//!
//! ```sh
//! cargo run --bin validate -- data/passerelles.json    # exit 0 and a summary, or 1 and every problem
//! cargo run --bin validate -- --schema > data/schema.json
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use passerelles::data::schema;
    use passerelles::tools::report;
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.as_slice() {
        [flag] if flag == "--schema" => {
            print!("{}", schema::json());
            ExitCode::SUCCESS
        }
        [file] if !file.starts_with('-') => {
            let r = match std::fs::read(file) {
                Ok(bytes) => report::check(file, &bytes),
                Err(e) => report::unreadable(file, &e),
            };
            if r.ok {
                print!("{}", r.text);
                ExitCode::SUCCESS
            } else {
                eprint!("{}", r.text);
                ExitCode::FAILURE
            }
        }
        _ => {
            eprintln!("usage: validate <data.json>   |   validate --schema > data/schema.json");
            ExitCode::from(2)
        }
    };
    std::process::exit(match code {
        c if c == ExitCode::SUCCESS => 0,
        c if c == ExitCode::FAILURE => 1,
        _ => 2,
    });
}

// The wasm build compiles every binary of the package; this one is a native tool.
#[cfg(target_arch = "wasm32")]
fn main() {}
