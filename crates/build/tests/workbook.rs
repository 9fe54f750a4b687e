//! The workbook command's files: an import with an error writes nothing and
//! leaves the data file as it was; warnings alone still write; an export
//! that is refused writes no workbook.

use std::path::PathBuf;

use passerelles_build::tools::workbook::{self, Input};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/passerelles.json");
const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/workbooks/");

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "passerelles-workbook-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn an_import_with_an_error_writes_nothing() {
    let dir = scratch("error");
    let out = dir.join("passerelles.json");
    std::fs::write(&out, "as it was").unwrap();
    let input = Input::Workbook(PathBuf::from(format!("{CASES}date-a-la-francaise.xlsx")));
    let o = workbook::import(&input, &out);
    assert_eq!(o.code, 1, "{}", o.text);
    assert!(o.text.contains("Feuille Événements, ligne 8, colonne « date » : « 21/11/2019 » n'est pas une date ISO ; écrivez 2019-11-21."), "{}", o.text);
    assert!(
        o.text
            .contains("1 erreur, 0 avertissement : aucun fichier écrit, rien n'est changé."),
        "{}",
        o.text
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "as it was");
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn warnings_alone_still_write_and_the_validator_summary_follows() {
    let dir = scratch("warnings");
    let out = dir.join("passerelles.json");
    let input = Input::Workbook(PathBuf::from(format!("{CASES}nombre-avec-espace.ods")));
    let o = workbook::import(&input, &out);
    assert_eq!(o.code, 0, "{}", o.text);
    assert!(o.text.contains("Avertissements (1) :"), "{}", o.text);
    assert!(o.text.contains(" : aucun problème."), "{}", o.text);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        std::fs::read_to_string(format!("{CASES}base.json")).unwrap()
    );
}

#[test]
fn export_then_import_through_files() {
    let dir = scratch("both-ways");
    for name in ["passerelles.ods", "passerelles.xlsx"] {
        let book = dir.join(name);
        let o = workbook::export(DATA.as_ref(), &book);
        assert_eq!(o.code, 0, "{}", o.text);
        let out = dir.join(format!("{name}.json"));
        let o = workbook::import(&Input::Workbook(book), &out);
        assert_eq!(o.code, 0, "{}", o.text);
        assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(DATA).unwrap());
    }
    // One table as CSV, the others from the base.
    let csv = dir.join("csv");
    assert_eq!(workbook::export_csv(DATA.as_ref(), &csv).code, 0);
    let out = dir.join("from-csv.json");
    let input = Input::Csv {
        file: csv.join("accords.csv"),
        sheet: "Accords".into(),
        base: DATA.into(),
    };
    let o = workbook::import(&input, &out);
    assert_eq!(o.code, 0, "{}", o.text);
    assert!(
        o.text.contains("CSV lu en UTF-8, séparateur « , »."),
        "{}",
        o.text
    );
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(DATA).unwrap());
    // A file already canonical is said so; .txt is no workbook.
    assert_eq!(workbook::fmt(DATA.as_ref(), true).code, 0);
    assert_eq!(workbook::export(DATA.as_ref(), &dir.join("x.txt")).code, 2);
}

#[test]
fn a_refused_export_writes_no_workbook() {
    let dir = scratch("refused");
    let json = dir.join("bad.json");
    let text = std::fs::read_to_string(DATA).unwrap().replacen(
        "\"title\": \"Convention",
        "\"title\": \"  Convention",
        1,
    );
    std::fs::write(&json, text).unwrap();
    let book = dir.join("bad.ods");
    let o = workbook::export(&json, &book);
    assert_eq!(o.code, 1, "{}", o.text);
    assert!(
        o.text.contains(
            "agreements[0].title : cette valeur ne passerait pas telle quelle par le classeur"
        ),
        "{}",
        o.text
    );
    assert!(!book.exists());
}
