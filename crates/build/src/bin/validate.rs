//! The editors' check of a data file, on the page's own loading and
//! validation code:
//!
//! ```sh
//! cargo run --bin validate -- data/passerelles.json    # exit 0 and a summary, or 1 and every problem
//! cargo run --bin validate -- data/glossary.json       # the glossary, likewise
//! cargo run --bin validate -- --schema > data/schema.json
//! cargo run --bin validate -- --glossary-schema > data/glossary.schema.json
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use passerelles_build::tools::report;
    use passerelles_core::data::schema;
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.as_slice() {
        [flag] if flag == "--schema" => {
            print!("{}", schema::json());
            ExitCode::SUCCESS
        }
        [flag] if flag == "--glossary-schema" => {
            print!("{}", schema::glossary_json());
            ExitCode::SUCCESS
        }
        [file] if !file.starts_with('-') => {
            let r = match std::fs::read(file) {
                Ok(bytes) if report::is_glossary(&bytes) => report::check_glossary(file, &bytes),
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
            eprintln!("usage: validate <data.json | glossary.json>   |   validate --schema > data/schema.json   |   validate --glossary-schema > data/glossary.schema.json");
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
