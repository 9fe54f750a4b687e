//! The shipped data file, through a workbook and back, byte for byte.

use passerelles_sheet::{export, import, Format};

const DATA: &str = include_str!("../../../data/passerelles.json");

fn round_trip(format: Format) {
    let (bytes, notes) = export(DATA, format).unwrap_or_else(|r| panic!("{:#?}", r.0));
    assert!(notes.is_empty(), "{notes:#?}");
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
