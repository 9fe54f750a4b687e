//! The shipped data file, through a workbook and back, byte for byte.

use passerelles_sheet::{export, import, Format};

const DATA: &str = include_str!("../../../data/passerelles.json");

fn round_trip(format: Format) {
    let (bytes, notes) = export(DATA, format).unwrap_or_else(|r| panic!("{:#?}", r.0));
    assert!(
        notes.is_empty(),
        "{notes:#?}\nIf data/passerelles.json was edited by hand, lay it out as an import \
         would write it:\n    cargo run -p passerelles-build --bin workbook -- fmt data/passerelles.json"
    );
    let back = import(&bytes);
    let messages: Vec<String> = back.messages.iter().map(ToString::to_string).collect();
    assert!(messages.is_empty(), "{messages:#?}");
    let json = back.json.expect("written");
    if json != DATA {
        let diff = json
            .lines()
            .zip(DATA.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b);
        panic!("differs at {diff:#?}");
    }
}

#[test]
fn json_to_xlsx_to_json_is_exact() {
    round_trip(Format::Xlsx);
}

#[test]
fn json_to_ods_to_json_is_exact() {
    round_trip(Format::Ods);
}

#[test]
fn json_to_csv_tables_to_json_is_exact() {
    let (files, notes) = passerelles_sheet::export_csv(DATA).unwrap();
    assert!(notes.is_empty(), "{notes:#?}");
    assert_eq!(files.len(), passerelles_sheet::layout::SHEETS.len());
    let back = passerelles_sheet::import_csv_tables(&files);
    assert!(back.messages.is_empty(), "{:#?}", back.messages);
    assert!(back.json.as_deref() == Some(DATA));
    // A table missing from the folder is a missing sheet.
    let back = passerelles_sheet::import_csv_tables(&files[1..]);
    assert_eq!(
        back.messages[0].to_string(),
        "Feuille Accords : la feuille « Accords » manque au classeur : reprenez-la du classeur exporté (même vide, avec sa ligne d'en-tête)."
    );
    assert!(back.json.is_none());
}

/// One table as French spreadsheets save it: `;`, Windows-1252, CRLF.
#[test]
fn one_sheet_as_a_windows_1252_csv_replaces_its_table() {
    let (files, _) = passerelles_sheet::export_csv(DATA).unwrap();
    let (_, utf8) = files.iter().find(|(n, _)| n == "evenements.csv").unwrap();
    let text = String::from_utf8(utf8.clone()).unwrap();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    for r in rdr.records() {
        w.write_record(&r.unwrap()).unwrap();
    }
    let semicolons = String::from_utf8(w.into_inner().unwrap()).unwrap();
    let (cp1252, _, lossy) = encoding_rs::WINDOWS_1252.encode(&semicolons);
    assert!(!lossy);
    let (back, dialect) = passerelles_sheet::import_csv(&cp1252, "Événements", DATA);
    assert_eq!(
        dialect.map(|d| (d.encoding, d.delimiter)),
        Some(("Windows-1252", b';'))
    );
    assert!(back.messages.is_empty(), "{:#?}", back.messages);
    assert!(back.json.as_deref() == Some(DATA));
    // An edit in the CSV reaches the file, said at its row.
    let edited = semicolons.replace(";2015-11-17;", ";17/11/2015;");
    let (back, _) = passerelles_sheet::import_csv(edited.as_bytes(), "evenements", DATA);
    assert_eq!(
        back.messages[0].to_string(),
        "Feuille Événements, ligne 5, colonne « date » : « 17/11/2015 » n'est pas une date ISO ; écrivez 2015-11-17."
    );
}
