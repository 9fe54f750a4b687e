//! Properties of the workbook, over generated inputs: a text goes through
//! a real XLSX or ODS file and comes back the same, or the export refuses
//! it (nothing is lost in silence); noise never panics the reader; whatever
//! cells a workbook holds, an import either writes a file the validator
//! finds nothing wrong with, or writes nothing and says why.

use proptest::prelude::*;

use passerelles_sheet::grid::{Book, Cell};
use passerelles_sheet::{assemble, export, flatten, import, Format};

/// A data file of one agreement whose description is `text`.
fn one_record(text: &str) -> String {
    let record = serde_json::json!({
        "id": "ag-1", "title": "Titre", "kind": "convention",
        "description": text,
        "parties": [{ "name": "P" }], "date": { "value": "2019" },
        "territory": ["FR"], "themes": ["emploi"],
        "source": { "file": "f.txt" }, "excerpts": [{ "supports": ["date"], "text": text }]
    });
    let file = serde_json::json!({
        "$schema": "./schema.json",
        "regions": [{ "code": "FR", "name": "Portée nationale" }],
        "themes": [{ "id": "emploi", "label": "Emploi", "description": "d" }],
        "agreements": [record],
        "events": []
    });
    serde_json::to_string(&file).unwrap()
}

fn description(json: &str) -> (String, String) {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let a = &v["agreements"][0];
    (
        a["description"].as_str().unwrap_or("<absent>").to_string(),
        a["excerpts"][0]["text"]
            .as_str()
            .unwrap_or("<absent>")
            .to_string(),
    )
}

/// Texts as editors write them, and worse: accents, quotes, markup, line
/// breaks, tabs, runs of spaces, emoji, and any character at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Zéèàçœ’«» ,.;:!?()'\"<>&/-]{1,60}",
        "[a-z]{1,10}( {2,4}|\n|\t|\r\n)[a-z]{1,10}",
        "[\\PC]{1,30}",
        any::<String>(),
    ]
}

fn round_trip(text: &str, format: Format) -> Result<(), TestCaseError> {
    let json = one_record(text);
    match export(&json, format) {
        Ok((bytes, _)) => {
            let back = import(&bytes);
            let said: Vec<String> = back.messages.iter().map(ToString::to_string).collect();
            prop_assert!(back.json.is_some(), "{said:?}");
            let got = description(back.json.as_deref().unwrap());
            prop_assert_eq!(got, (text.to_string(), text.to_string()), "{:?}", said);
        }
        // Refused: then it says so, and a plain text never is.
        Err(why) => {
            prop_assert!(!why.0.is_empty());
            let plain = text.trim() == text
                && !text.is_empty()
                && !text
                    .chars()
                    .any(|c| c.is_control() && c != '\n' && c != '\t');
            prop_assert!(!plain, "a plain text was refused: {:?}", why.0);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn any_text_comes_back_through_xlsx_or_is_refused(t in text()) {
        round_trip(&t, Format::Xlsx)?;
    }

    #[test]
    fn any_text_comes_back_through_ods_or_is_refused(t in text()) {
        round_trip(&t, Format::Ods)?;
    }
}

/// An exported workbook of each format, made once for the damage test.
fn exported(ods: bool) -> &'static [u8] {
    static BOOKS: std::sync::OnceLock<[Vec<u8>; 2]> = std::sync::OnceLock::new();
    let books = BOOKS.get_or_init(|| {
        let json = one_record("texte");
        [Format::Xlsx, Format::Ods].map(|f| export(&json, f).unwrap().0)
    });
    &books[usize::from(ods)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn noise_never_panics_the_reader(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let r = import(&bytes);
        prop_assert!(r.json.is_none());
        let _ = passerelles_sheet::csv::read(&bytes, "Accords");
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_workbook_never_panics(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8), ods in any::<bool>()) {
        let mut bytes = exported(ods).to_vec();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        let _ = import(&bytes);
    }
}

/// A cell as any spreadsheet could hold it.
fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        Just(Cell::Empty),
        "[a-z0-9 ,./:-]{0,12}".prop_map(Cell::Text),
        prop_oneof![
            Just("emploi"),
            Just("FR"),
            Just("ag-1"),
            Just("2019"),
            Just("09:00"),
            Just("objectif chiffré"),
            Just("annoncé")
        ]
        .prop_map(|s| Cell::Text(s.to_string())),
        (-1e13f64..1e13).prop_map(Cell::Number),
        (0f64..80_000.0).prop_map(Cell::Date),
        any::<bool>().prop_map(Cell::Bool),
        Just(Cell::Error("#N/A".into())),
        Just(Cell::Duration("PT9H".into())),
        Just(Cell::IsoDate("2019-11-21T10:00:00".into())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Whatever cells the sheets hold: never a panic; a file written is one
    /// the validator finds nothing wrong with; none written says why.
    #[test]
    fn any_cells_give_a_clean_file_or_a_reason(
        edits in proptest::collection::vec((0usize..12, 1usize..4, 0usize..24, cell()), 0..12),
        drop_header in any::<bool>(),
    ) {
        let mut book: Book = flatten(&one_record("texte")).unwrap().book;
        for (s, r, c, v) in edits {
            let rows = &mut book.sheets[s].rows;
            while rows.len() <= r {
                rows.push(Vec::new());
            }
            let row = &mut rows[r];
            if row.len() <= c {
                row.resize(c + 1, Cell::Empty);
            }
            row[c] = v;
        }
        if drop_header {
            book.sheets[0].rows[0].pop();
        }
        let import = assemble(&book);
        match &import.json {
            Some(json) => {
                let loaded = passerelles_core::data::catalog::load_json(json).unwrap();
                prop_assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
                prop_assert_eq!(import.errors(), 0);
            }
            None => prop_assert!(import.errors() > 0),
        }
    }
}
