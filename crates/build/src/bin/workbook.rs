//! The editors' workbook, both ways (the sheet crate, `passerelles_sheet`):
//!
//! ```sh
//! cargo run -p passerelles-build --bin workbook -- export data/passerelles.json --out passerelles.ods   # or .xlsx
//! cargo run -p passerelles-build --bin workbook -- export data/passerelles.json --csv data/csv          # a CSV a table
//! cargo run -p passerelles-build --bin workbook -- import passerelles.ods --out data/passerelles.json    # or .xlsx
//! cargo run -p passerelles-build --bin workbook -- import accords.csv --sheet Accords --out data/passerelles.json
//! cargo run -p passerelles-build --bin workbook -- import data/csv --out data/passerelles.json          # a folder of CSV tables
//! cargo run -p passerelles-build --bin workbook -- fmt data/passerelles.json [--check]
//! cargo run -p passerelles-build --bin workbook -- tableschema data
//! ```
//!
//! An import prints every message at its sheet, row and column, then a
//! summary; it exits 1 and writes nothing when there is an error. A CSV of
//! one sheet replaces that table of `--base FILE.json` (by default the
//! `--out` file), the others staying as they are.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use passerelles_build::tools::workbook::{self, Input, Outcome};
    use std::path::PathBuf;

    const SYNOPSIS: &str = "workbook export FILE.json (--out FILE.ods|FILE.xlsx | --csv DIR)
       workbook import (FILE.ods|FILE.xlsx | FILE.csv --sheet NAME [--base FILE.json] | DIR) --out FILE.json
       workbook fmt FILE.json [--check]
       workbook tableschema DIR";
    let usage = |problem: &str| -> ! {
        passerelles_build::tools::cli::usage("workbook", SYNOPSIS, problem)
    };

    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--name value` options, and what is left in order.
    let mut options: Vec<(String, String)> = Vec::new();
    let mut flags: Vec<String> = Vec::new();
    let mut plain: Vec<String> = Vec::new();
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--check" => flags.push(a),
            "-h" | "--help" => usage(""),
            "--out" | "--csv" | "--sheet" | "--base" => {
                let v = it
                    .next()
                    .unwrap_or_else(|| usage(&format!("{a} needs a value")));
                options.push((a, v));
            }
            o if o.starts_with('-') => usage(&format!("unknown option {o}")),
            _ => plain.push(a),
        }
    }
    let opt = |name: &str| {
        options
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| PathBuf::from(v))
    };
    let outcome: Outcome = match plain
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["export", source] => match (opt("--out"), opt("--csv")) {
            (Some(out), None) => workbook::export(source.as_ref(), &out),
            (None, Some(dir)) => workbook::export_csv(source.as_ref(), &dir),
            _ => usage("export needs --out FILE.ods|FILE.xlsx or --csv DIR"),
        },
        ["import", source] => {
            let out = opt("--out").unwrap_or_else(|| usage("import needs --out FILE.json"));
            let path = PathBuf::from(source);
            let input = if path.is_dir() {
                Input::Folder(path)
            } else if source.to_ascii_lowercase().ends_with(".csv") {
                let sheet = options
                    .iter()
                    .find(|(n, _)| n == "--sheet")
                    .map(|(_, v)| v.clone())
                    .unwrap_or_else(|| usage("a CSV holds one table: say which with --sheet NAME"));
                let base = opt("--base").unwrap_or_else(|| out.clone());
                Input::Csv {
                    file: path,
                    sheet,
                    base,
                }
            } else {
                Input::Workbook(path)
            };
            workbook::import(&input, &out)
        }
        ["fmt", file] => workbook::fmt(file.as_ref(), flags.iter().any(|f| f == "--check")),
        ["tableschema", dir] => workbook::tableschema(dir.as_ref()),
        _ => usage(""),
    };
    if outcome.code == 0 {
        print!("{}", outcome.text);
    } else {
        eprint!("{}", outcome.text);
    }
    std::process::exit(outcome.code);
}

// The wasm build compiles every binary of the package; this one is a native tool.
#[cfg(target_arch = "wasm32")]
fn main() {}
