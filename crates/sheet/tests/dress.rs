//! What the written workbooks carry for the editor, read in their XML: the
//! drop-down lists (theme ids and region codes from their sheets, the
//! status, the date's precision, a figure's kind, the record types already
//! used), the frozen header row, the text format of the columns that are
//! not numbers, and each header's help.

use std::io::Read;

use passerelles_sheet::{export, Format};

const DATA: &str = include_str!("../../../data/passerelles.json");

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut out).unwrap();
    out
}

#[test]
fn the_xlsx_has_its_lists_notes_and_frozen_header() {
    let (bytes, _) = export(DATA, Format::Xlsx).unwrap();
    // Sheet 1 is "Accords", 2 "Événements", 6 "Thèmes des fiches".
    let accords = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        accords.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{}",
        &accords[..600]
    );
    for list in [
        "<formula1>\"annoncé\"</formula1>",
        "<formula1>\"jour,mois,année,intervalle,inconnue\"</formula1>",
        "<formula1>\"convention de partenariat,convention,déclaration,accord\"</formula1>",
        "<formula1>'Régions'!$A$2:$A$201</formula1>",
    ] {
        assert!(accords.contains(list), "{list}");
    }
    let themes = part(&bytes, "xl/worksheets/sheet6.xml");
    assert!(
        themes.contains("<formula1>'Thèmes'!$A$2:$A$201</formula1>"),
        "theme ids"
    );
    let chiffres = part(&bytes, "xl/worksheets/sheet8.xml");
    assert!(chiffres.contains("<formula1>\"objectif chiffré,chiffre de contexte\"</formula1>"));
    // The text format ("@") on the columns and on each text cell (an XLSX
    // cell without a style is "General", whatever its column's).
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains(r#"<numFmt numFmtId="164" formatCode="@"/>"#));
    assert!(
        accords.contains(r#"<col min="1" max="1" width="34.7109375" style="1" customWidth="1"/>"#)
    );
    assert!(
        accords.contains(r#"<c r="E3" s="1" t="s">"#),
        "a date cell as text"
    );
    let notes = part(&bytes, "xl/comments1.xml");
    assert!(
        notes.contains("EDTF (ISO 8601-2)"),
        "the date's help, from the schema"
    );
}

#[test]
fn the_ods_has_its_lists_notes_and_frozen_header() {
    let (bytes, _) = export(DATA, Format::Ods).unwrap();
    let content = part(&bytes, "content.xml");
    for list in [
        "cell-content-is-in-list(&quot;annoncé&quot;)",
        "cell-content-is-in-list(&quot;jour&quot;;&quot;mois&quot;;&quot;année&quot;;&quot;intervalle&quot;;&quot;inconnue&quot;)",
        "cell-content-is-in-list(&quot;objectif chiffré&quot;;&quot;chiffre de contexte&quot;)",
        "cell-content-is-in-list(&quot;programme&quot;;&quot;rencontre&quot;;&quot;visite&quot;;",
        "cell-content-is-in-list([$Thèmes.$A$2:.$A$201])",
        "cell-content-is-in-list([$Régions.$A$2:.$A$201])",
    ] {
        assert!(content.contains(list), "{list}");
    }
    assert!(content.contains(
        r#"<number:text-style style:name="texte"><number:text-content/></number:text-style>"#
    ));
    assert!(content.contains(r#"table:default-cell-style-name="texte""#));
    assert!(
        content.contains("EDTF (ISO 8601-2)"),
        "the date's help, from the schema"
    );
    let settings = part(&bytes, "settings.xml");
    assert!(settings.contains(r#"<config:config-item config:name="VerticalSplitMode" config:type="short">2</config:config-item>"#), "frozen header");
}
