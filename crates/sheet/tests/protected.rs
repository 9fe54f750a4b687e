//! Workbooks the reader cannot open say why in words an editor can act on
//! (tests/editors/, made by LibreOffice and msoffcrypto-tool: see make.py
//! there): a password, not "invalid zip".

use passerelles_sheet::{import, messages, sniff::sniff, sniff::Sniffed};

fn file(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/editors/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn a_workbook_with_a_password_is_named_as_such() {
    for name in ["mot-de-passe.ods", "mot-de-passe.xlsx"] {
        let bytes = file(name);
        assert_eq!(sniff(&bytes), Sniffed::Encrypted, "{name}");
        let import = import(&bytes);
        assert!(import.json.is_none(), "{name}");
        let texts: Vec<&str> = import.messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, [messages::ENCRYPTED_WORKBOOK], "{name}");
    }
}

#[test]
fn the_editors_test_workbooks_read_as_their_names_say() {
    let several = import(&file("plusieurs-erreurs.xlsx"));
    assert!(several.json.is_none());
    assert!(several.errors() >= 4, "{:#?}", several.messages);
    // Hostile text is only text: it reads, and the validator refuses the link.
    let hostile = import(&file("hostile.ods"));
    assert!(hostile
        .messages
        .iter()
        .any(|m| m.place.column.as_deref() == Some("source : adresse web")));
}
