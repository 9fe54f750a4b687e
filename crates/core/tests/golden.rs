//! The pack format, pinned (docs/pack-format.md describes it byte by byte).
//!
//! `tests/golden/vN/` holds what the writer of format version N made of
//! `tests/golden/mini.json` (with `glossary.json` beside it from version 4
//! on): the main file, its two detail shards (two records each), its exports
//! files (from version 3) and the pack of a file that could not be read;
//! from version 8 on, `split/` holds the same records as a split pack (a
//! boot file and its parts, cut small: [`SPLIT`]).
//! The writer
//! of today must reproduce the golden files of [`pack::VERSION`] byte for
//! byte, and the reader must open them; the golden files of every older
//! version stay, and the reader must refuse them by their version. So a
//! change of layout without a new version fails here.

use std::fs;
use std::path::{Path, PathBuf};

use passerelles_core::data::catalog::load_json;
use passerelles_core::engine::facets;
use passerelles_core::engine::filter::FilterState;
use passerelles_core::export::{assemble, Format};
use passerelles_core::pack::{self, from_json, Pack, Part, Placement, Split};
use passerelles_core::wording::fr as s;

const SHARD_RECORDS: usize = 2;
/// How the golden split pack is cut: small enough that four records make
/// two card blocks, two blocks of ids and several chunks of words.
const SPLIT: Split = Split {
    shard_records: SHARD_RECORDS,
    card_block: 2,
    first_cards: 1,
    chunk_bytes: 64,
    ids_block: 2,
};
/// The first version with split packs.
const FIRST_SPLIT_VERSION: u8 = 8;
/// What the error pack is made of: a file cut short.
const BROKEN: &[u8] = b"{\"regions\": [";

fn golden() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn version_dir(v: u8) -> PathBuf {
    golden().join(format!("v{v}"))
}

fn regenerate_hint(v: u8) -> String {
    format!(
        "write them with (PASSERELLES_PUBLIC_URL unset: golden addresses are relative):\n    cargo run -p passerelles-build --bin pack -- crates/core/tests/golden/mini.json --out crates/core/tests/golden/v{v}/mini.pack --shard-records {SHARD_RECORDS}\n    \
         cargo test -p passerelles-core --test golden -- --ignored write_the_error_pack write_the_split_pack\n\
         and describe the layout in docs/pack-format.md"
    )
}

/// `mini.json` with `glossary.json` beside it, as the `pack` tool reads them.
fn mini() -> passerelles_core::data::catalog::Loaded {
    let mut loaded = load_json(&fs::read_to_string(golden().join("mini.json")).unwrap()).unwrap();
    let glossary = fs::read_to_string(golden().join("glossary.json")).unwrap();
    let (entries, problems) = passerelles_core::data::glossary::load_json(&glossary).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    loaded.catalog.glossary = entries;
    loaded
}

/// The files beside a golden pack.
fn beside(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fs::read_dir(dir.join("mini.pack.d"))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The exports file of `format` beside a golden pack.
fn exports_file(dir: &Path, format: Format) -> (String, Vec<u8>) {
    let prefix = format!("exports-{}-", format.key());
    beside(dir)
        .into_iter()
        .find(|(name, _)| name.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no {prefix}… beside {}", dir.display()))
}

/// The shard files of a golden pack (named by their number), in shard order.
fn shard_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = beside(dir)
        .into_iter()
        .filter(|(name, _)| name.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    files.sort_by_key(|(name, _)| {
        name.split(['-', '.'])
            .next()
            .unwrap()
            .parse::<usize>()
            .unwrap()
    });
    files
}

#[test]
fn the_writer_reproduces_the_golden_pack_byte_for_byte() {
    let v = pack::VERSION;
    let dir = version_dir(v);
    assert!(
        dir.is_dir(),
        "no golden pack for format version {v} (pack::VERSION): {}",
        regenerate_hint(v)
    );
    let packed = pack::write(&mini(), Placement::Shards(SHARD_RECORDS));
    let changed = format!(
        "the pack writer's output differs from tests/golden/v{v}/ while pack::VERSION is still {v}.\n\
         If the layout changed, bump pack::VERSION and add tests/golden/v{}/ (keep v{v}/: the reader must refuse it); \
         if only the wording of cards or details changed, rewrite v{v}/. Either way, {}",
        v + 1,
        regenerate_hint(v)
    );
    assert!(
        fs::read(dir.join("mini.pack")).unwrap() == packed.main,
        "{changed}"
    );
    let files = shard_files(&dir);
    assert_eq!(files.len(), packed.shards.len(), "{changed}");
    for (k, (name, bytes)) in files.iter().enumerate() {
        assert_eq!(name, &packed.shard_name(k), "{changed}");
        assert!(bytes == &packed.shards[k], "shard {k}: {changed}");
    }
    for format in Format::ALL {
        let (name, bytes) = exports_file(&dir, format);
        assert_eq!(name, packed.exports_name(format), "{changed}");
        assert!(
            bytes == packed.exports[format.slot()],
            "exports {format:?}: {changed}"
        );
    }
    assert_eq!(
        beside(&dir).len(),
        packed.shards.len() + Format::ALL.len(),
        "{changed}"
    );
    assert!(
        fs::read(dir.join("error.pack")).unwrap() == from_json(BROKEN),
        "the error pack: {changed}"
    );
}

#[test]
fn the_reader_opens_the_golden_pack() {
    let dir = version_dir(pack::VERSION);
    let pack = Pack::open(fs::read(dir.join("mini.pack")).unwrap()).unwrap();
    assert_eq!(pack.len(), 4);
    assert_eq!((pack.skipped, pack.problems_total), (1, 2));
    assert!(pack.problems[1]
        .message
        .contains("vouliez-vous dire \"emploi\""));
    let ids: Vec<&str> = (0..pack.len()).map(|i| pack.card(i).id).collect();
    assert_eq!(
        ids,
        [
            "ag-2019-alpha",
            "ag-2020-beta",
            "ev-2019-11-21-journee",
            "ev-2020-atelier"
        ]
    );
    assert_eq!(pack.card(0).date, "21 novembre 2019");
    // An agreement announced, dated by the bounds its text gives.
    assert_eq!(
        pack.card(1).date,
        "Annoncé · prévu entre le 2 mars et le 31 décembre 2020"
    );
    assert_eq!(pack.position("ev-2020-atelier"), Some(3));
    let found = facets::run(
        &pack.index,
        &FilterState {
            query: "saint andre".into(),
            ..FilterState::default()
        },
    );
    // Same day: the title breaks the tie.
    assert_eq!(found.results, [0, 2]);
    assert_eq!(pack.glossary.len(), 2);
    assert_eq!(pack.glossary[0].expansion.as_deref(), Some("Union Alpha"));
    for (k, (_, bytes)) in shard_files(&dir).into_iter().enumerate() {
        let shard = pack.open_shard(k, bytes).unwrap();
        for i in k * SHARD_RECORDS..(k + 1) * SHARD_RECORDS {
            let detail = shard.detail(i).unwrap();
            assert_eq!(detail.facts[0].label, s::D_DATE, "record {i}");
            if i == 1 {
                let note = detail.facts[0].note.unwrap();
                assert!(note.starts_with(s::DATE_START_NOTE), "{note}");
                assert!(note.contains(&format!("\n{}", s::DATE_END_NOTE)), "{note}");
                assert_eq!(detail.facts[1].label, s::D_STATUS);
            }
        }
    }
    let all: Vec<u32> = (0..pack.len() as u32).collect();
    let csv = pack
        .open_exports(Format::Csv, exports_file(&dir, Format::Csv).1)
        .unwrap();
    let csv = assemble(&csv, &all, "");
    assert_eq!(csv.rows, 4);
    assert!(csv.text.starts_with("\u{feff}Type;Identifiant;"));
    let ics = pack
        .open_exports(Format::Ics, exports_file(&dir, Format::Ics).1)
        .unwrap();
    assert!(assemble(&ics, &all, "").text.contains("BEGIN:VEVENT"));
    let json = pack
        .open_exports(Format::Json, exports_file(&dir, Format::Json).1)
        .unwrap();
    assert_eq!(assemble(&json, &all, "").rows, 4);
    let error = Pack::open(fs::read(dir.join("error.pack")).unwrap()).unwrap_err();
    assert_eq!((error.line, error.column), (Some(1), Some(13)));
}

#[test]
fn older_formats_are_refused_by_their_version() {
    let mut older = 0;
    for v in 1..pack::VERSION {
        let dir = version_dir(v);
        if !dir.is_dir() {
            continue;
        }
        older += 1;
        let err = Pack::open(fs::read(dir.join("mini.pack")).unwrap()).unwrap_err();
        assert_eq!(err.message, s::ERR_PACK_VERSION, "v{v}");
        if v >= FIRST_SPLIT_VERSION {
            let boot = fs::read(split_dir(v).join("mini.pack")).unwrap();
            let err = Pack::open(boot).unwrap_err();
            assert_eq!(err.message, s::ERR_PACK_VERSION, "v{v} split");
        }
    }
    assert!(
        older > 0 || pack::VERSION == 1,
        "the golden packs of older versions are kept"
    );
}

/// Writes `error.pack` of the current version (the shard and main files
/// come from the `pack` tool, see [`regenerate_hint`]).
#[test]
#[ignore]
fn write_the_error_pack() {
    let dir = version_dir(pack::VERSION);
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("error.pack"), from_json(BROKEN)).unwrap();
}

/// Every file of a split pack, as `pack` writes them beside the boot
/// file: the parts, the shards, the exports.
fn split_files(packed: &pack::Packed) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = (0..packed.parts.len())
        .map(|k| (packed.part_name(k), packed.parts[k].1.clone()))
        .collect();
    files
        .extend((0..packed.shards.len()).map(|k| (packed.shard_name(k), packed.shards[k].clone())));
    files.extend(Format::ALL.map(|f| (packed.exports_name(f), packed.exports[f.slot()].clone())));
    files.sort();
    files
}

fn split_dir(v: u8) -> PathBuf {
    version_dir(v).join("split")
}

#[test]
fn the_writer_reproduces_the_golden_split_pack_byte_for_byte() {
    let v = pack::VERSION;
    let dir = split_dir(v);
    assert!(
        dir.is_dir(),
        "no golden split pack for format version {v}: {}",
        regenerate_hint(v)
    );
    let packed = pack::write(&mini(), Placement::Split(SPLIT));
    let changed = format!(
        "the split pack's writer differs from tests/golden/v{v}/split/ while pack::VERSION is still {v}: {}",
        regenerate_hint(v)
    );
    assert!(
        fs::read(dir.join("mini.pack")).unwrap() == packed.main,
        "the boot file: {changed}"
    );
    let mut golden = beside(&dir);
    golden.sort();
    let written = split_files(&packed);
    let names = |files: &[(String, Vec<u8>)]| -> Vec<String> {
        files.iter().map(|f| f.0.clone()).collect()
    };
    assert_eq!(names(&golden), names(&written), "{changed}");
    for ((name, bytes), (_, want)) in golden.iter().zip(&written) {
        assert!(bytes == want, "{name}: {changed}");
    }
}

#[test]
fn the_reader_opens_the_golden_split_pack() {
    let dir = split_dir(pack::VERSION);
    let boot = Pack::open(fs::read(dir.join("mini.pack")).unwrap()).unwrap();
    assert!(boot.is_split());
    assert_eq!(boot.len(), 4);
    assert_eq!((boot.skipped, boot.problems_total), (1, 2));
    assert_eq!(boot.glossary.len(), 2);
    // The default order is the numbering: the most recent first, the
    // undated last.
    assert_eq!(boot.card(0).id, "ag-2020-beta");
    assert_eq!(boot.card_part(1), Some(Part::Cards(0)));
    assert_eq!(boot.card_part(2), Some(Part::Cards(1)));
    let first = boot.answer(&FilterState::default()).unwrap();
    assert_eq!(first.results, [0, 1, 2, 3]);
    let files = beside(&dir);
    let url = "mini.pack";
    let fetch = |part: Part| {
        let name = boot.part_url(url, part).unwrap();
        let name = name.strip_prefix("mini.pack.d/").unwrap();
        files
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no {name} beside the golden boot file"))
            .1
            .clone()
    };
    let search = FilterState {
        query: "saint andre".into(),
        ..FilterState::default()
    };
    let mut rounds = 0;
    let found = loop {
        match boot.answer(&search) {
            Ok(found) => break found,
            Err(lacking) => {
                for part in lacking {
                    boot.open_part(part, fetch(part)).unwrap();
                }
            }
        }
        rounds += 1;
        assert!(rounds < 4, "still lacking parts");
    };
    for k in 0..2 {
        boot.open_part(Part::Cards(k), fetch(Part::Cards(k)))
            .unwrap();
    }
    let ids: Vec<&str> = found
        .results
        .iter()
        .map(|&p| boot.card(p as usize).id)
        .collect();
    // Same day: the title breaks the tie.
    assert_eq!(ids, ["ag-2019-alpha", "ev-2019-11-21-journee"]);
    let ids: Vec<&str> = (0..boot.len()).map(|p| boot.card(p).id).collect();
    assert_eq!(
        ids,
        [
            "ag-2020-beta",
            "ag-2019-alpha",
            "ev-2019-11-21-journee",
            "ev-2020-atelier"
        ]
    );
    let Err(part) = boot.locate("ag-2019-alpha") else {
        panic!("its id block is not here yet");
    };
    boot.open_part(part, fetch(part)).unwrap();
    assert_eq!(boot.locate("ag-2019-alpha"), Ok(Some(1)));
    // A part of the whole golden pack's version, or another part, is refused.
    assert!(boot
        .open_part(Part::Cards(1), fetch(Part::Cards(0)))
        .is_err());
}

/// Writes `split/` of the current version: the golden split pack (boot
/// file and, in `mini.pack.d/`, its parts, shards and exports).
#[test]
#[ignore]
fn write_the_split_pack() {
    let dir = split_dir(pack::VERSION);
    if dir.exists() {
        fs::remove_dir_all(&dir).unwrap();
    }
    fs::create_dir_all(dir.join("mini.pack.d")).unwrap();
    let packed = pack::write(&mini(), Placement::Split(SPLIT));
    fs::write(dir.join("mini.pack"), &packed.main).unwrap();
    for (name, bytes) in split_files(&packed) {
        fs::write(dir.join("mini.pack.d").join(name), bytes).unwrap();
    }
}
