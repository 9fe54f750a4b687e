//! `pack DATA.json --out DATA.pack [--inline | --shard-records N] [--split] [--feeds DIR] [--glossary FILE] [--english]`:
//! compiles an editors' JSON dataset into the pack the page downloads (see
//! `passerelles_core::pack`), with the glossary beside it (`glossary.json` in
//! the dataset's folder, or `--glossary FILE`). Trunk runs it before every
//! build for data/passerelles.json; `make bench` runs it on generated data.
//!
//! Details go into `DATA.pack.d/K-DIGEST.pack` shards that the page fetches
//! when a record is opened, and each record's exported pieces into
//! `DATA.pack.d/exports-FORMAT-DIGEST.pack`, fetched when a visitor exports
//! (both inline with `--inline`); stale files of an earlier run are removed.
//! `--split` writes a split pack instead (format 8, kinds 4 and 5): a boot
//! file at `DATA.pack` and its parts beside the shards (index, orders, card
//! blocks, word chunks, typo words, id blocks), the page fetching each when
//! the visit needs it (`passerelles_core::pack::Split::DEFAULT`); so does
//! `PASSERELLES_SPLIT=1` in the environment (`make release-large`, whose
//! page is built with the split reader: the shipped page reads whole packs
//! only).
//! `--feeds DIR` also writes the static feeds (`passerelles_core::export::feeds`)
//! into DIR, emptied first. `--english` also writes the same records for
//! the English pages, `DATA.en.pack` and its `DATA.en.pack.d/`: worded in
//! English, the vocabularies by their English labels.
//!
//! The site's public address, when `PASSERELLES_PUBLIC_URL` gives one
//! (`https://example.org/outils/passerelles/`), starts the addresses of the
//! exports and feeds; without it they are relative. A value that is not an
//! http(s) folder is ignored with a warning.
//!
//! A file that cannot be read at all stops with the validator's message;
//! records with problems are left out of the pack (the page lists them),
//! and the validator says how to fix them.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use passerelles_core::pack::{self, Placement, Split};
    use std::path::PathBuf;

    let mut input: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    let mut placement = Placement::Auto;
    // A large site's build (`make release-large`) splits the site's pack
    // through trunk's hook, whose arguments are fixed in Trunk.toml.
    let mut split = std::env::var_os("PASSERELLES_SPLIT").is_some_and(|v| v == "1");
    let mut feeds: Option<PathBuf> = None;
    let mut english = false;
    let mut glossary: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| usage(&format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--out" => out = Some(value().into()),
            "--feeds" => feeds = Some(value().into()),
            "--english" => english = true,
            "--inline" => placement = Placement::Inline,
            "--split" => split = true,
            "--glossary" => glossary = Some(value().into()),
            "--shard-records" => {
                let n: usize = value()
                    .parse()
                    .ok()
                    .filter(|&n| n > 0)
                    .unwrap_or_else(|| usage("--shard-records: a count above 0"));
                placement = Placement::Shards(n);
            }
            "-h" | "--help" => usage(""),
            other if input.is_none() && !other.starts_with('-') => input = Some(other.into()),
            other => usage(&format!("unknown argument {other}")),
        }
    }
    if split {
        placement = match placement {
            Placement::Inline => usage("--split and --inline: one or the other"),
            Placement::Shards(n) => Placement::Split(Split {
                shard_records: n,
                ..Split::DEFAULT
            }),
            _ => Placement::Split(Split::DEFAULT),
        };
    }
    let input = input.unwrap_or_else(|| usage("which JSON file?"));
    let out = out.unwrap_or_else(|| input.with_extension("pack"));

    let bytes = std::fs::read(&input).unwrap_or_else(|e| fail(&input.display(), &e));
    // The validator's and the converter's reading: the same message for a
    // file that is not UTF-8.
    let mut loaded = match passerelles_core::data::catalog::load_bytes(&bytes) {
        Ok(loaded) => loaded,
        Err(e) => {
            let at = e
                .line
                .zip(e.column)
                .map(|(l, c)| format!(":{l}:{c}"))
                .unwrap_or_default();
            eprintln!("pack: {}{at}: {}", input.display(), e.message);
            eprintln!(
                "pack: `cargo run --bin validate -- {}` says more",
                input.display()
            );
            std::process::exit(1);
        }
    };
    if !loaded.problems.is_empty() {
        eprintln!(
            "pack: {} : {} problème(s) ; les fiches concernées sont écartées (détail : `cargo run --bin validate -- {}`)",
            input.display(),
            loaded.problems.len(),
            input.display()
        );
    }
    let glossary =
        glossary.or_else(|| Some(input.with_file_name("glossary.json")).filter(|g| g.is_file()));
    if let Some(g) = &glossary {
        let text = std::fs::read_to_string(g).unwrap_or_else(|e| fail(&g.display(), &e));
        match passerelles_core::data::glossary::load_json(&text) {
            Ok((entries, problems)) => {
                if !problems.is_empty() {
                    eprintln!(
                        "pack: {} : {} problème(s) ; les entrées concernées sont écartées (détail : `cargo run --bin validate -- {}`)",
                        g.display(),
                        problems.len(),
                        g.display()
                    );
                }
                loaded.catalog.glossary = entries;
            }
            Err(e) => {
                eprintln!("pack: {}: {}", g.display(), e.message);
                std::process::exit(1);
            }
        }
    }
    let base = public_base();
    let packed = pack::write_for(&loaded, placement, base.as_deref());

    write_files(&out, &packed);
    if english {
        // The same records for the English page: its words, its dates, the
        // vocabularies' English labels, its record pages' addresses.
        passerelles_core::wording::set_lang(passerelles_core::wording::Lang::En);
        let mut en = loaded.clone();
        en.catalog = en.catalog.with_english_vocabularies();
        let en_base = base.as_deref().map(|b| format!("{b}en/"));
        let packed_en = pack::write_for(&en, placement, en_base.as_deref());
        let en_out = out.with_extension("en.pack");
        write_files(&en_out, &packed_en);
        passerelles_core::wording::set_lang(passerelles_core::wording::Lang::Fr);
        eprintln!(
            "pack: -> {} ({} octets, en anglais)",
            en_out.display(),
            packed_en.main.len()
        );
    }
    if let Some(dir) = &feeds {
        write_feeds(&packed, &loaded, base.as_deref(), dir);
    }
    let shard_bytes: usize = packed.shards.iter().map(Vec::len).sum();
    let export_bytes: usize = packed.exports.iter().map(Vec::len).sum();
    let words = pack::Pack::open(packed.main.clone())
        .map(|p| p.index.search().words())
        .unwrap_or(0);
    if !packed.parts.is_empty() {
        let part_bytes: usize = packed.parts.iter().map(|p| p.1.len()).sum();
        eprintln!(
            "pack: découpé : fichier de démarrage {} octets, {} parties, {part_bytes} octets",
            packed.main.len(),
            packed.parts.len()
        );
    }
    eprintln!(
        "pack: {} fiches, {words} mots distincts, {} entrées de glossaire -> {} ({} octets{}{})",
        loaded.catalog.entries.len(),
        loaded.catalog.glossary.len(),
        out.display(),
        packed.main.len(),
        if packed.shards.is_empty() {
            String::new()
        } else {
            format!(
                ", détails dans {} fichiers, {} octets",
                packed.shards.len(),
                shard_bytes
            )
        },
        if packed.exports.is_empty() {
            String::new()
        } else {
            format!(", exports dans 3 fichiers, {export_bytes} octets")
        }
    );
}

/// The site's public address from `PASSERELLES_PUBLIC_URL`, if it is one.
#[cfg(not(target_arch = "wasm32"))]
fn public_base() -> Option<String> {
    use passerelles_core::export::public_base;
    let raw = std::env::var("PASSERELLES_PUBLIC_URL")
        .ok()
        .filter(|r| !r.trim().is_empty())?;
    match public_base(&raw) {
        Ok(base) => Some(base.to_string()),
        Err(why) => {
            let why = why.message();
            eprintln!(
                "pack: attention : PASSERELLES_PUBLIC_URL « {raw} » est ignorée ({why}) ; les adresses des exports et des flux restent relatives"
            );
            None
        }
    }
}

/// The pack at `out`, its shards and exports files in `out.d/`.
#[cfg(not(target_arch = "wasm32"))]
fn write_files(out: &std::path::Path, packed: &passerelles_core::pack::Packed) {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| fail(&dir.display(), &e));
    }
    let shard_dir = std::path::PathBuf::from(format!("{}.d", out.display()));
    if shard_dir.exists() {
        std::fs::remove_dir_all(&shard_dir).unwrap_or_else(|e| fail(&shard_dir.display(), &e));
    }
    std::fs::write(out, &packed.main).unwrap_or_else(|e| fail(&out.display(), &e));
    let mut beside: Vec<(String, &[u8])> = (0..packed.shards.len())
        .map(|k| (packed.shard_name(k), packed.shards[k].as_slice()))
        .chain((0..packed.parts.len()).map(|k| (packed.part_name(k), packed.parts[k].1.as_slice())))
        .collect();
    if !packed.exports.is_empty() {
        for format in passerelles_core::export::Format::ALL {
            let file = &packed.exports[format.slot()];
            beside.push((packed.exports_name(format), file.as_slice()));
        }
    }
    if !beside.is_empty() {
        std::fs::create_dir_all(&shard_dir).unwrap_or_else(|e| fail(&shard_dir.display(), &e));
        for (name, bytes) in &beside {
            let file = shard_dir.join(name);
            std::fs::write(&file, bytes).unwrap_or_else(|e| fail(&file.display(), &e));
        }
    }
}

/// The static feeds, from the pack just made: the same index and calendar
/// pieces the page reads.
#[cfg(not(target_arch = "wasm32"))]
fn write_feeds(
    packed: &passerelles_core::pack::Packed,
    loaded: &passerelles_core::data::catalog::Loaded,
    base: Option<&str>,
    dir: &std::path::Path,
) {
    use passerelles_core::export::{feeds, Format};
    use passerelles_core::pack::{Pack, Placement};
    // The feeds read the records in the catalog's numbering: a split pack
    // numbers them otherwise, so they are written from the whole pack.
    let whole;
    let packed = if packed.parts.is_empty() {
        packed
    } else {
        whole = passerelles_core::pack::write_for(loaded, Placement::Auto, base);
        &whole
    };
    let pack = Pack::open(packed.main.clone()).expect("a pack just written opens");
    let ics = match packed.exports.get(Format::Ics.slot()) {
        Some(file) => pack.open_exports(Format::Ics, file.clone()).ok(),
        None => pack.inline_exports(Format::Ics),
    }
    .expect("the exports just written open");
    if dir.exists() {
        std::fs::remove_dir_all(dir).unwrap_or_else(|e| fail(&dir.display(), &e));
    }
    std::fs::create_dir_all(dir).unwrap_or_else(|e| fail(&dir.display(), &e));
    let written = feeds::write(&loaded.catalog, &pack.index, &ics, base);
    for feed in &written {
        let file = dir.join(&feed.file);
        std::fs::write(&file, &feed.text).unwrap_or_else(|e| fail(&file.display(), &e));
    }
    eprintln!("pack: {} flux -> {}", written.len(), dir.display());
}

#[cfg(not(target_arch = "wasm32"))]
fn usage(problem: &str) -> ! {
    passerelles_build::tools::cli::usage(
        "pack",
        "pack DATA.json [--out DATA.pack] [--inline | --shard-records N] [--split] [--feeds DIR] [--glossary FILE] [--english]",
        problem,
    )
}

#[cfg(not(target_arch = "wasm32"))]
fn fail(what: &dyn std::fmt::Display, e: &std::io::Error) -> ! {
    passerelles_build::tools::cli::fail("pack", what, e)
}

// Cargo builds every binary for the wasm integration tests too; this one is a
// native tool and has nothing to do there.
#[cfg(target_arch = "wasm32")]
fn main() {}
