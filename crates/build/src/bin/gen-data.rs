//! `gen-data --records N [--seed S] [--out PATH]`: writes a synthetic dataset
//! in the real schema (see `passerelles_build::tools::synth`) to PATH, or to stdout.
//! Benchmarks write under target/bench-data/, never into data/: synthetic
//! records must not ship.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;

    let mut records: usize = 1_000;
    let mut seed: u64 = 42;
    let mut out: Option<std::path::PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| usage(&format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--records" => {
                records = value()
                    .parse()
                    .unwrap_or_else(|_| usage("--records: a count"))
            }
            "--seed" => {
                seed = value()
                    .parse()
                    .unwrap_or_else(|_| usage("--seed: an integer"))
            }
            "--out" => out = Some(value().into()),
            "-h" | "--help" => usage(""),
            other => usage(&format!("unknown argument {other}")),
        }
    }

    let dataset = passerelles_build::tools::synth::generate(records, seed);
    let result = match &out {
        Some(path) => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).unwrap_or_else(|e| fail(&dir.display(), &e));
            }
            let file = std::fs::File::create(path).unwrap_or_else(|e| fail(&path.display(), &e));
            let mut w = std::io::BufWriter::new(file);
            serde_json::to_writer(&mut w, &dataset)
                .map_err(std::io::Error::from)
                .and_then(|()| w.flush())
        }
        None => {
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            serde_json::to_writer(&mut w, &dataset)
                .map_err(std::io::Error::from)
                .and_then(|()| w.write_all(b"\n"))
                .and_then(|()| w.flush())
        }
    };
    if let Err(e) = result {
        fail(&"output", &e);
    }
    if let Some(path) = out {
        eprintln!(
            "gen-data: {records} records (seed {seed}) -> {}",
            path.display()
        );
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn usage(problem: &str) -> ! {
    passerelles_build::tools::cli::usage(
        "gen-data",
        "gen-data --records N [--seed S] [--out PATH]   (default: 1000 records, seed 42, stdout)",
        problem,
    )
}

#[cfg(not(target_arch = "wasm32"))]
fn fail(what: &dyn std::fmt::Display, e: &std::io::Error) -> ! {
    passerelles_build::tools::cli::fail("gen-data", what, e)
}

// Cargo builds every binary for the wasm integration tests too; this one is a
// native tool and has nothing to do there.
#[cfg(target_arch = "wasm32")]
fn main() {}
