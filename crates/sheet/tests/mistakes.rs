//! The mistakes spreadsheets make, each made on the shipped data's workbook
//! and read back: the exact message, at its sheet, row and column, and
//! whether the file is still written (and then, whether it is the same).
//! Also the validator's own checks, said at the cell their value came from.

use passerelles_sheet::grid::{Book, Cell};
use passerelles_sheet::{assemble, flatten, Import, Level};

const DATA: &str = include_str!("../../../data/passerelles.json");

fn book() -> Book {
    flatten(DATA).expect("the shipped data lays out").book
}

fn col(book: &Book, sheet: &str, header: &str) -> usize {
    let grid = book.sheet(sheet).expect(sheet);
    grid.rows[0]
        .iter()
        .position(|c| *c == Cell::Text(header.into()))
        .unwrap_or_else(|| panic!("{sheet} / {header}"))
}

fn idx(book: &Book, sheet: &str) -> usize {
    book.sheets
        .iter()
        .position(|g| g.name == sheet)
        .expect(sheet)
}

/// The 1-based row of `sheet` whose column `header` holds `value`.
fn row_of(book: &Book, sheet: &str, header: &str, value: &str) -> u32 {
    let c = col(book, sheet, header);
    let grid = book.sheet(sheet).unwrap();
    grid.rows
        .iter()
        .position(|r| r.get(c) == Some(&Cell::Text(value.into())))
        .map(|r| r as u32 + 1)
        .unwrap_or_else(|| panic!("{sheet}: no {header} = {value}"))
}

fn set(book: &mut Book, sheet: &str, row: u32, header: &str, cell: Cell) {
    let c = col(book, sheet, header);
    let s = idx(book, sheet);
    let r = &mut book.sheets[s].rows[row as usize - 1];
    if r.len() <= c {
        r.resize(c + 1, Cell::Empty);
    }
    r[c] = cell;
}

fn t(s: &str) -> Cell {
    Cell::Text(s.into())
}

fn said(import: &Import) -> Vec<String> {
    import.messages.iter().map(ToString::to_string).collect()
}

fn errors(import: &Import) -> Vec<String> {
    import
        .messages
        .iter()
        .filter(|m| m.level == Level::Error)
        .map(ToString::to_string)
        .collect()
}

/// Read back with these warnings only, and the very file it came from.
fn same_file_with(import: &Import, warnings: &[&str]) {
    assert_eq!(said(import), warnings);
    assert!(import.messages.iter().all(|m| m.level == Level::Warning));
    assert!(import.json.as_deref() == Some(DATA), "the file changed");
}

const JOURNEE: &str = "ev-2019-11-21-journee-regionale-iae-reunion";
const MOIS: &str = "ev-2015-11-mois-ess-idf";

#[test]
fn the_workbook_as_exported_reads_back_silently() {
    same_file_with(&assemble(&book()), &[]);
}

#[test]
fn a_french_date_is_an_error_with_its_iso_form() {
    let mut b = book();
    let r = row_of(&b, "Événements", "identifiant", JOURNEE);
    set(&mut b, "Événements", r, "date", t("21/11/2019"));
    let import = assemble(&b);
    assert_eq!(
        said(&import),
        [format!("Feuille Événements, ligne {r}, colonne « date » : « 21/11/2019 » n'est pas une date ISO ; écrivez 2019-11-21.")]
    );
    assert!(import.json.is_none());
}

#[test]
fn a_date_serial_is_read_only_where_unambiguous() {
    // 21 November 2019 is no first of a month: a day, read with a warning.
    let mut b = book();
    let r = row_of(&b, "Événements", "identifiant", JOURNEE);
    set(&mut b, "Événements", r, "date", Cell::Date(43790.0));
    same_file_with(
        &assemble(&b),
        &[&format!("Feuille Événements, ligne {r}, colonne « date » : la cellule est une date du tableur, lue comme 2019-11-21 ; vérifiez-la, et tapez les dates comme du texte (2019-11-21) pour qu'aucun tableur ne les change.")],
    );
    // `2015-11` made into 1 November 2015: the precision says a month.
    let mut b = book();
    let r = row_of(&b, "Événements", "identifiant", MOIS);
    set(&mut b, "Événements", r, "date", Cell::Date(42309.0));
    same_file_with(
        &assemble(&b),
        &[&format!("Feuille Événements, ligne {r}, colonne « date » : la cellule est une date du tableur, lue comme 2015-11 d'après sa précision, « mois » ; vérifiez-la, et tapez les dates comme du texte (2015-11) pour qu'aucun tableur ne les change.")],
    );
    // Without the precision, the first of a month is a guess: an error.
    set(&mut b, "Événements", r, "précision de la date", Cell::Empty);
    let import = assemble(&b);
    assert_eq!(
        errors(&import),
        [format!("Feuille Événements, ligne {r}, colonne « date » : la cellule est une date du tableur (2015-11-01) : un jour, ou le mois 2015-11 que le tableur a changé en jour ? Tapez comme du texte 2015-11-01 ou 2015-11.")]
    );
    assert!(import.json.is_none());
}

#[test]
fn a_time_the_spreadsheet_made_is_read_back() {
    let mut b = book();
    let r = row_of(&b, "Événements", "heure de début", "09:00");
    set(&mut b, "Événements", r, "heure de début", Cell::Date(0.375));
    same_file_with(
        &assemble(&b),
        &[&format!("Feuille Événements, ligne {r}, colonne « heure de début » : la cellule est une heure du tableur, lue comme 09:00 ; tapez les heures comme du texte (09:00).")],
    );
    set(&mut b, "Événements", r, "heure de début", t("9h"));
    assert_eq!(
        said(&assemble(&b)),
        [format!("Feuille Événements, ligne {r}, colonne « heure de début » : « 9h » n'est pas une heure HH:MM ; écrivez 09:00.")]
    );
}

#[test]
fn decimal_commas_and_spaces_in_numbers() {
    let mut b = book();
    let r = row_of(&b, "Chiffres", "unité", "intentions de recrutement");
    // 1000 typed the French way, as text.
    set(&mut b, "Chiffres", r, "valeur", t("1 000"));
    same_file_with(
        &assemble(&b),
        &[&format!("Feuille Chiffres, ligne {r}, colonne « valeur » : « 1 000 » lu comme le nombre 1000 (virgule décimale, espaces entre les milliers).")],
    );
    set(&mut b, "Chiffres", r, "valeur", t("3,5"));
    let import = assemble(&b);
    assert_eq!(import.warnings(), 1);
    assert!(import
        .json
        .unwrap()
        .contains("{ \"value\": 3.5, \"unit\": \"intentions de recrutement\""));
    set(&mut b, "Chiffres", r, "valeur", t("environ 30"));
    assert_eq!(
        said(&assemble(&b)),
        [format!("Feuille Chiffres, ligne {r}, colonne « valeur » : « environ 30 » n'est pas un nombre : écrivez seulement des chiffres, avec un point ou une virgule pour les décimales (12.5 ou 12,5).")]
    );
}

#[test]
fn stray_spaces_are_trimmed_and_said() {
    let mut b = book();
    let r = row_of(&b, "Accords", "identifiant", "ag-2019-cpme-reunion-ursiae");
    set(
        &mut b,
        "Accords",
        r,
        "lieu : commune",
        t("  Saint-André\u{A0}"),
    );
    same_file_with(
        &assemble(&b),
        &[&format!("Feuille Accords, ligne {r}, colonne « lieu : commune » : espaces en trop au début ou à la fin du texte, retirés.")],
    );
}

#[test]
fn empty_rows_are_skipped_and_said() {
    let mut b = book();
    let s = idx(&b, "Personnes");
    b.sheets[s].rows.insert(2, vec![Cell::Empty, t("  ")]);
    b.sheets[s].rows.insert(2, Vec::new());
    // Trailing empty rows are how every sheet ends: not worth a word.
    b.sheets[s].rows.push(vec![Cell::Empty; 3]);
    same_file_with(
        &assemble(&b),
        &["Feuille Personnes : lignes 3 à 4 : vides, ignorées."],
    );
}

#[test]
fn a_themes_label_is_refused_with_its_id() {
    let mut b = book();
    set(
        &mut b,
        "Thèmes des fiches",
        2,
        "thème",
        t("Responsabilité sociétale (RSE)"),
    );
    let import = assemble(&b);
    assert_eq!(
        said(&import),
        ["Feuille Thèmes des fiches, ligne 2, colonne « thème » : « Responsabilité sociétale (RSE) » est le libellé d'un thème : écrivez son identifiant, rse."]
    );
    assert!(import.json.is_none());
}

#[test]
fn a_regions_name_or_number_where_its_code_belongs() {
    let mut b = book();
    let r = row_of(&b, "Territoires", "région", "04");
    set(&mut b, "Territoires", r, "région", Cell::Number(4.0));
    same_file_with(
        &assemble(&b),
        &[&format!("Feuille Territoires, ligne {r}, colonne « région » : le code 4 a été changé en nombre par le tableur : lu comme 04 (tapez les codes comme du texte).")],
    );
    set(&mut b, "Territoires", r, "région", t("La Réunion"));
    assert_eq!(
        said(&assemble(&b)),
        [format!("Feuille Territoires, ligne {r}, colonne « région » : « La Réunion » est le nom d'une région : écrivez son code, 04.")]
    );
}

#[test]
fn a_list_row_whose_record_does_not_exist() {
    let mut b = book();
    let s = idx(&b, "Parties");
    b.sheets[s]
        .rows
        .push(vec![t("ag-2019-cpme-reunion-ursia"), t("Une partie")]);
    let n = b.sheets[s].rows.len();
    let import = assemble(&b);
    assert_eq!(
        said(&import),
        [format!("Feuille Parties, ligne {n}, colonne « fiche » : la fiche « ag-2019-cpme-reunion-ursia » n'existe ni dans la feuille Accords ni dans la feuille Événements (vouliez-vous dire « ag-2019-cpme-reunion-ursiae » ?).")]
    );
    assert!(import.json.is_none(), "the row would be lost");
    // An event's row in the agreements' list.
    b.sheets[s].rows[n - 1][0] = t(JOURNEE);
    assert_eq!(
        said(&assemble(&b)),
        [format!("Feuille Parties, ligne {n}, colonne « fiche » : la fiche « {JOURNEE} » est un événement, qui n'a pas de parties signataires.")]
    );
    // And a row without its record.
    b.sheets[s].rows[n - 1][0] = Cell::Empty;
    assert_eq!(
        said(&assemble(&b)),
        [format!("Feuille Parties, ligne {n}, colonne « fiche » : ligne sans fiche : écrivez dans la colonne « fiche » l'identifiant de la fiche à laquelle elle appartient.")]
    );
}

#[test]
fn duplicated_ids_are_said_at_both_rows() {
    let mut b = book();
    let first = row_of(&b, "Événements", "identifiant", MOIS);
    let r = row_of(&b, "Événements", "identifiant", JOURNEE);
    set(&mut b, "Événements", r, "identifiant", t(MOIS));
    let import = assemble(&b);
    let e = errors(&import);
    for row in [first, r] {
        let m = format!("Feuille Événements, ligne {row}, colonne « identifiant » : identifiant \"{MOIS}\" en double.");
        assert!(e.contains(&m), "{e:#?}");
    }
    assert!(import.json.is_none());
}

#[test]
fn reordered_and_extra_columns_are_warnings() {
    let mut b = book();
    let s = idx(&b, "Accords");
    for row in &mut b.sheets[s].rows {
        row.resize(25, Cell::Empty);
        row.swap(1, 2);
    }
    b.sheets[s].rows[0][23] = t("commentaire");
    b.sheets[s].rows[3][23] = t("à relire");
    b.sheets[s].rows[4][24] = t("sans nom");
    same_file_with(
        &assemble(&b),
        &[
            "Feuille Accords, colonne « commentaire » : colonne inconnue, ignorée : sa cellule remplie n'est pas reprise dans les données.",
            "Feuille Accords : la colonne Y n'a pas de nom en première ligne : ignorée, sa cellule remplie n'est pas reprise.",
            "Feuille Accords : colonnes dans un autre ordre que celui du classeur exporté : elles sont lues par leur nom.",
        ],
    );
}

#[test]
fn a_missing_sheet_or_column_is_an_error() {
    let mut b = book();
    b.sheets.retain(|g| g.name != "Objectifs");
    let import = assemble(&b);
    assert_eq!(
        said(&import),
        ["Feuille Objectifs : la feuille « Objectifs » manque au classeur : reprenez-la du classeur exporté (même vide, avec sa ligne d'en-tête)."]
    );
    assert!(import.json.is_none());

    let mut b = book();
    let s = idx(&b, "Accords");
    let c = col(&b, "Accords", "nature");
    for row in &mut b.sheets[s].rows {
        row.remove(c);
    }
    assert_eq!(
        said(&assemble(&b)),
        ["Feuille Accords, colonne « nature » : colonne absente : ajoutez-la, avec ce nom exact en première ligne."]
    );
    // Renamed: found by its folded name, with a warning.
    let mut b = book();
    b.sheets[s].rows[0][c] = t("Nature");
    same_file_with(
        &assemble(&b),
        &["Feuille Accords, ligne 1, colonne « nature » : colonne trouvée sous le nom « Nature »."],
    );
}

#[test]
fn the_validators_checks_are_said_at_their_cells() {
    let mut b = book();
    set(&mut b, "Thèmes des fiches", 2, "thème", t("emploie"));
    let r = row_of(&b, "Événements", "heure de fin", "13:00");
    set(&mut b, "Événements", r, "heure de fin", t("25:00"));
    let mois = row_of(&b, "Événements", "identifiant", MOIS);
    set(
        &mut b,
        "Événements",
        mois + 2,
        "fait partie de",
        t("ev-inconnu"),
    );
    let rencontre = mois + 1;
    set(
        &mut b,
        "Événements",
        rencontre,
        "date : note de la fin",
        Cell::Empty,
    );
    let import = assemble(&b);
    assert_eq!(
        said(&import),
        [
            format!("Feuille Événements, ligne {rencontre}, colonne « date : note de la fin » : intervalle 2015-11/2015-11-13 sans \"end_note\" : dites comment sa fin (2015-11-13) a été lue dans le texte."),
            format!("Feuille Événements, ligne {}, colonne « fait partie de » : lien vers la fiche \"ev-inconnu\", qui n'existe pas.", mois + 2),
            format!("Feuille Événements, ligne {r}, colonne « heure de fin » : heure \"25:00\" mal écrite : attendu HH:MM."),
            "Feuille Thèmes des fiches, ligne 2, colonne « thème » : thème \"emploie\" inconnu (vouliez-vous dire \"emploi\" ?).".to_string(),
        ]
    );
    assert!(import.json.is_none());
}

#[test]
fn a_record_serde_cannot_read_is_said_at_the_cell() {
    // A required cell left empty: serde names the field, said at its column.
    let mut b = book();
    set(&mut b, "Accords", 2, "titre", Cell::Empty);
    assert_eq!(
        said(&assemble(&b)),
        ["Feuille Accords, ligne 2, colonne « titre » : Cette fiche n'a pas la forme attendue : champ obligatoire \"title\" absent."]
    );
    // A value the model does not have: found by its offset in the record.
    let mut b = book();
    let r = row_of(&b, "Accords", "statut", "annoncé");
    set(&mut b, "Accords", r, "statut", t("annoncée"));
    assert_eq!(
        said(&assemble(&b)),
        [format!("Feuille Accords, ligne {r}, colonne « statut » : Cette fiche n'a pas la forme attendue : valeur \"annoncée\" inconnue (vouliez-vous dire \"annoncé\" ?).")]
    );
    // A list's item: its required field, in its own sheet.
    let mut b = book();
    let r = row_of(&b, "Personnes", "nom", "Eric Leung");
    set(&mut b, "Personnes", r, "implication", Cell::Empty);
    assert_eq!(
        said(&assemble(&b)),
        [format!("Feuille Personnes, ligne {r}, colonne « implication » : Cette fiche n'a pas la forme attendue : champ obligatoire \"involvement\" absent.")]
    );
}

#[test]
fn a_record_without_its_lists_and_the_vocabularies() {
    let mut b = book();
    let s = idx(&b, "Parties");
    b.sheets[s]
        .rows
        .retain(|r| r.first() != Some(&t("ag-2019-cpme-reunion-ursiae")));
    let regions = idx(&b, "Régions");
    b.sheets[regions].rows.remove(1);
    let import = assemble(&b);
    assert_eq!(
        said(&import),
        [
            "Feuille Parties, fiche « ag-2019-cpme-reunion-ursiae » : aucune partie signataire.",
            // The records of the national scope now name an unknown code.
            "Feuille Territoires, ligne 5, colonne « région » : code de région \"FR\" inconnu.",
            "Feuille Territoires, ligne 6, colonne « région » : code de région \"FR\" inconnu.",
            "Feuille Régions : le vocabulaire des régions doit contenir la portée nationale (code \"FR\").",
        ]
    );
}

#[test]
fn spreadsheet_errors_and_figures_the_validator_refuses() {
    let mut b = book();
    let r = row_of(&b, "Chiffres", "unité", "intentions de recrutement");
    set(
        &mut b,
        "Chiffres",
        r,
        "valeur",
        Cell::Error("#DIV/0!".into()),
    );
    assert_eq!(
        said(&assemble(&b)),
        [format!("Feuille Chiffres, ligne {r}, colonne « valeur » : la cellule contient une erreur du tableur (#DIV/0!) : remplacez la formule par sa valeur.")]
    );
    set(&mut b, "Chiffres", r, "valeur", Cell::Number(1.2345));
    assert_eq!(
        said(&assemble(&b)),
        [format!("Feuille Chiffres, ligne {r}, colonne « valeur » : nombre 1.2345 refusé : 3 décimales au plus (écrivez 12.5 pour 12,5).")]
    );
    set(&mut b, "Chiffres", r, "valeur", Cell::Number(1000.0));
    set(&mut b, "Chiffres", r, "sorte", t("objectif"));
    assert_eq!(
        said(&assemble(&b)),
        [format!("Feuille Chiffres, ligne {r}, colonne « sorte » : « objectif » n'est pas une valeur permise : « objectif chiffré », « chiffre de contexte ».")]
    );
}

#[test]
fn a_new_record_added_by_rows() {
    let mut b = book();
    let a = idx(&b, "Accords");
    let width = b.sheets[a].rows[0].len();
    let mut row = vec![Cell::Empty; width];
    for (h, v) in [
        ("identifiant", "ag-2024-test"),
        ("titre", "Convention de test"),
        ("nature", "convention"),
        ("date", "2024-03"),
        ("source : fichier", "test.txt"),
    ] {
        row[col(&b, "Accords", h)] = t(v);
    }
    b.sheets[a].rows.push(row);
    for (sheet, cells) in [
        ("Parties", vec![t("ag-2024-test"), t("Union test")]),
        ("Territoires", vec![t("ag-2024-test"), t("84")]),
        ("Thèmes des fiches", vec![t("ag-2024-test"), t("emploi")]),
    ] {
        let s = idx(&b, sheet);
        b.sheets[s].rows.push(cells);
    }
    let import = assemble(&b);
    assert_eq!(said(&import), Vec::<String>::new());
    let json = import.json.unwrap();
    assert!(
        json.contains(
            r#"    {
      "id": "ag-2024-test",
      "title": "Convention de test",
      "kind": "convention",
      "parties": [
        { "name": "Union test" }
      ],
      "date": { "value": "2024-03" },
      "territory": ["84"],
      "themes": ["emploi"],
      "source": { "file": "test.txt" },
      "excerpts": []
    }
  ],"#
        ),
        "{json}"
    );
    assert_eq!(import.catalog.agreements.len(), 6);
}
