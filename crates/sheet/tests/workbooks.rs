//! Workbooks filled the way editors fill them (tests/workbooks/, made by
//! LibreOffice from tests/workbooks/make.py and kept as test inputs): each
//! imported, and what comes out compared with tests/workbooks/cases.json:
//! whether a file is written, its records, whether it is the very file the
//! workbook was exported from, and every message, word for word. A file
//! written passes the core's validator with nothing to say.

use passerelles_sheet::{import, Level};
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/workbooks/");

#[test]
fn workbooks_filled_by_editors_give_what_their_cases_say() {
    let cases: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{DIR}cases.json")).unwrap())
            .unwrap();
    let base = std::fs::read_to_string(format!("{DIR}base.json")).unwrap();
    let cases = cases.as_array().unwrap();
    assert!(cases.len() >= 15, "{} cases", cases.len());
    let mut seen = 0;
    for case in cases {
        let file = case["file"].as_str().unwrap();
        let bytes = std::fs::read(format!("{DIR}{file}")).unwrap_or_else(|e| panic!("{file}: {e}"));
        let got = import(&bytes);
        // As the command prints them: errors, then warnings.
        let said: Vec<String> = [Level::Error, Level::Warning]
            .iter()
            .flat_map(|l| got.messages.iter().filter(move |m| m.level == *l))
            .map(ToString::to_string)
            .collect();
        let expected: Vec<&str> = case["messages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap())
            .collect();
        assert_eq!(said, expected, "{file}");
        assert_eq!(got.json.is_some(), case["imports"] == true, "{file}");
        if let Some(json) = &got.json {
            let loaded = passerelles_core::data::catalog::load_json(json).unwrap();
            assert!(loaded.problems.is_empty(), "{file}: {:?}", loaded.problems);
            assert_eq!(
                loaded.catalog.agreements.len() as u64,
                case["agreements"].as_u64().unwrap(),
                "{file}"
            );
            assert_eq!(
                loaded.catalog.events.len() as u64,
                case["events"].as_u64().unwrap(),
                "{file}"
            );
            assert_eq!(*json == base, case["unchanged"] == true, "{file}");
        }
        seen += 1;
    }
    // Every workbook of the folder has its case.
    let files = std::fs::read_dir(DIR)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".ods") || n.ends_with(".xlsx"))
        .count();
    assert_eq!(files, seen);
}
