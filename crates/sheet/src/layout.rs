//! The workbook's layout, written once: which sheets, which columns, what
//! each column holds and where it goes in the data file. The writers
//! ([`crate::xlsx`], [`crate::ods`], [`crate::csv`]), the reader
//! ([`crate::assemble`]), the Table Schemas ([`crate::tableschema`]) and the
//! help sheet are all derived from this table, so a column cannot be written
//! one way and read another.
//!
//! A record is a row of its sheet ("Accords", "Événements"); each list it
//! holds (parties, people, territory, themes, objectives, figures, linked
//! agreements, excerpts) is a sheet of its own, one row per item, linked by
//! the record's id in the column "fiche". Agreements and events share the
//! list sheets of the lists both have: a record id is unique across both.

/// Which list of the data file a sheet's rows (or its rows' items) belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Agreements,
    Events,
}

impl Table {
    /// The key of the list in the data file.
    pub fn key(self) -> &'static str {
        match self {
            Table::Agreements => "agreements",
            Table::Events => "events",
        }
    }
}

/// What a cell holds, which says how it is read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text,
    /// Free text offered, as a drop-down list, the values the data already
    /// uses (a record's type, its `kind`: "convention de partenariat",
    /// "visite"…), so the same type is written the same way; another value
    /// is still allowed (the spreadsheet warns, it does not stop).
    Suggested,
    /// A record's or a theme's id.
    Id,
    /// A date as the data writes it (`2019`, `2019-11`, `2019-11-21`, or an
    /// EDTF interval for a record's date): always a text cell, so that no
    /// spreadsheet turns `2015-11` into a day.
    Date,
    /// `HH:MM`, a text cell too.
    Time,
    /// A number (a figure's value): a number cell.
    Number,
    /// A region code from the sheet "Régions" (a drop-down list).
    Region,
    /// A theme id from the sheet "Thèmes" (a drop-down list).
    Theme,
    /// One of a fixed list of values (a drop-down list).
    Choice(&'static [&'static str]),
    /// The id of a record (the column "fiche" of a list sheet, a link).
    Record,
    /// A short list of words in one cell, separated by commas (the fields an
    /// excerpt supports).
    Words,
    /// The date's precision, derived from the date when the workbook is
    /// written; on reading, only a hint for a date the spreadsheet turned
    /// into a day (not in the data file).
    Precision,
}

/// The values of an agreement's `status` (see `model::Status`).
pub const STATUS: &[&str] = &["annoncé"];

/// The precisions a date may have, as the validator's summary names them.
pub const PRECISIONS: &[&str] = &["jour", "mois", "année", "intervalle", "inconnue"];

/// The two kinds of figures, and the list each goes to.
pub const FIGURE_KINDS: &[&str] = &["objectif chiffré", "chiffre de contexte"];

/// Where a figure of each kind goes in a record.
pub fn figure_field(kind: &str) -> Option<&'static str> {
    match kind {
        "objectif chiffré" => Some("targets"),
        "chiffre de contexte" => Some("figures"),
        _ => None,
    }
}

/// The figure kind that writes a record's list `field`.
pub fn figure_kind(field: &str) -> Option<&'static str> {
    match field {
        "targets" => Some(FIGURE_KINDS[0]),
        "figures" => Some(FIGURE_KINDS[1]),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The column's French name, in the header row.
    pub header: &'static str,
    /// Where the value goes inside the row's object: `"title"`,
    /// `"date.value"`; `""` for a list whose items are plain values (a
    /// theme id); `None` for a column that is not in the data file.
    pub path: Option<&'static str>,
    pub kind: Kind,
    /// The data file requires it (an empty cell leaves the key out, and the
    /// validator says it is missing).
    pub required: bool,
}

const fn col(header: &'static str, path: &'static str, kind: Kind) -> Column {
    Column {
        header,
        path: Some(path),
        kind,
        required: false,
    }
}

const fn req(header: &'static str, path: &'static str, kind: Kind) -> Column {
    Column {
        header,
        path: Some(path),
        kind,
        required: true,
    }
}

/// What a sheet's rows are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows {
    /// One vocabulary entry a row: `regions` or `themes` of the file.
    Vocabulary(&'static str),
    /// One record a row.
    Records(Table),
    /// One item a row of the list `field` of the record named in the
    /// column "fiche", for the tables that have that list. `field` is
    /// `None` for the figures, whose column "sorte" says the list.
    List {
        field: Option<&'static str>,
        tables: &'static [Table],
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's name in the workbook.
    pub name: &'static str,
    /// A plain name for files and Table Schemas (`accords.csv`).
    pub key: &'static str,
    pub rows: Rows,
    pub columns: &'static [Column],
    /// The schema definition its rows' objects are described by
    /// (`Agreement`), for the columns' help.
    pub definition: &'static str,
}

impl Sheet {
    pub fn column(&self, header: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.header == header)
    }

    /// The column "fiche" of a list sheet, always its first.
    pub fn is_list(&self) -> bool {
        matches!(self.rows, Rows::List { .. })
    }
}

/// The header of a list sheet's link to its record.
pub const RECORD: &str = "fiche";

const BOTH: &[Table] = &[Table::Agreements, Table::Events];
const AGREEMENTS: &[Table] = &[Table::Agreements];
const EVENTS: &[Table] = &[Table::Events];

/// Every sheet, in workbook order.
pub const SHEETS: &[Sheet] = &[
    Sheet {
        name: "Accords",
        key: "accords",
        rows: Rows::Records(Table::Agreements),
        definition: "Agreement",
        columns: &[
            req("identifiant", "id", Kind::Id),
            req("titre", "title", Kind::Text),
            req("nature", "kind", Kind::Suggested),
            col("description", "description", Kind::Text),
            col("date", "date.value", Kind::Date),
            Column {
                header: "précision de la date",
                path: None,
                kind: Kind::Precision,
                required: false,
            },
            col("date : mots du texte", "date.text", Kind::Text),
            col("date : note", "date.note", Kind::Text),
            col("date : note du début", "date.start_note", Kind::Text),
            col("date : note de la fin", "date.end_note", Kind::Text),
            col("statut", "status", Kind::Choice(STATUS)),
            col("lieu : nom", "place.name", Kind::Text),
            col("lieu : adresse", "place.address", Kind::Text),
            col("lieu : commune", "place.commune", Kind::Text),
            col("lieu : région", "place.region", Kind::Region),
            req("source : fichier", "source.file", Kind::Text),
            col("source : titre", "source.title", Kind::Text),
            col("source : éditeur", "source.publisher", Kind::Text),
            col(
                "source : date de publication",
                "source.published",
                Kind::Date,
            ),
            col("source : note", "source.note", Kind::Text),
            col("source : adresse web", "source.url", Kind::Text),
        ],
    },
    Sheet {
        name: "Événements",
        key: "evenements",
        rows: Rows::Records(Table::Events),
        definition: "Event",
        columns: &[
            req("identifiant", "id", Kind::Id),
            req("titre", "title", Kind::Text),
            req("nature", "kind", Kind::Suggested),
            col("description", "description", Kind::Text),
            col("date", "date.value", Kind::Date),
            Column {
                header: "précision de la date",
                path: None,
                kind: Kind::Precision,
                required: false,
            },
            col("date : mots du texte", "date.text", Kind::Text),
            col("date : note", "date.note", Kind::Text),
            col("date : note du début", "date.start_note", Kind::Text),
            col("date : note de la fin", "date.end_note", Kind::Text),
            col("heure de début", "time.start", Kind::Time),
            col("heure de fin", "time.end", Kind::Time),
            col("lieu : nom", "place.name", Kind::Text),
            col("lieu : adresse", "place.address", Kind::Text),
            col("lieu : commune", "place.commune", Kind::Text),
            col("lieu : région", "place.region", Kind::Region),
            col("organisateur", "organiser", Kind::Text),
            col("public", "audience", Kind::Text),
            col("fait partie de", "part_of", Kind::Record),
            col("inscription", "registration.text", Kind::Text),
            col("inscription : adresse web", "registration.url", Kind::Text),
            req("source : fichier", "source.file", Kind::Text),
            col("source : titre", "source.title", Kind::Text),
            col("source : éditeur", "source.publisher", Kind::Text),
            col(
                "source : date de publication",
                "source.published",
                Kind::Date,
            ),
            col("source : note", "source.note", Kind::Text),
            col("source : adresse web", "source.url", Kind::Text),
        ],
    },
    Sheet {
        name: "Parties",
        key: "parties",
        rows: Rows::List {
            field: Some("parties"),
            tables: AGREEMENTS,
        },
        definition: "Party",
        columns: &[
            Column {
                header: RECORD,
                path: None,
                kind: Kind::Record,
                required: true,
            },
            req("nom", "name", Kind::Text),
            col("sigle", "acronym", Kind::Text),
            col("sorte d'organisation", "kind", Kind::Text),
        ],
    },
    Sheet {
        name: "Personnes",
        key: "personnes",
        rows: Rows::List {
            field: Some("people"),
            tables: BOTH,
        },
        definition: "Person",
        columns: &[
            Column {
                header: RECORD,
                path: None,
                kind: Kind::Record,
                required: true,
            },
            req("nom", "name", Kind::Text),
            col("rôle", "role", Kind::Text),
            col("organisation", "organisation", Kind::Text),
            req("implication", "involvement", Kind::Text),
        ],
    },
    Sheet {
        name: "Territoires",
        key: "territoires",
        rows: Rows::List {
            field: Some("territory"),
            tables: BOTH,
        },
        definition: "",
        columns: &[
            Column {
                header: RECORD,
                path: None,
                kind: Kind::Record,
                required: true,
            },
            req("région", "", Kind::Region),
        ],
    },
    Sheet {
        name: "Thèmes des fiches",
        key: "themes-des-fiches",
        rows: Rows::List {
            field: Some("themes"),
            tables: BOTH,
        },
        definition: "",
        columns: &[
            Column {
                header: RECORD,
                path: None,
                kind: Kind::Record,
                required: true,
            },
            req("thème", "", Kind::Theme),
        ],
    },
    Sheet {
        name: "Objectifs",
        key: "objectifs",
        rows: Rows::List {
            field: Some("objectives"),
            tables: BOTH,
        },
        definition: "",
        columns: &[
            Column {
                header: RECORD,
                path: None,
                kind: Kind::Record,
                required: true,
            },
            req("objectif", "", Kind::Text),
        ],
    },
    Sheet {
        name: "Chiffres",
        key: "chiffres",
        rows: Rows::List {
            field: None,
            tables: BOTH,
        },
        definition: "Quantity",
        columns: &[
            Column {
                header: RECORD,
                path: None,
                kind: Kind::Record,
                required: true,
            },
            Column {
                header: "sorte",
                path: None,
                kind: Kind::Choice(FIGURE_KINDS),
                required: true,
            },
            req("valeur", "value", Kind::Number),
            req("unité", "unit", Kind::Text),
            req("libellé", "label", Kind::Text),
        ],
    },
    Sheet {
        name: "Accords liés",
        key: "accords-lies",
        rows: Rows::List {
            field: Some("agreements"),
            tables: EVENTS,
        },
        definition: "",
        columns: &[
            Column {
                header: RECORD,
                path: None,
                kind: Kind::Record,
                required: true,
            },
            req("accord", "", Kind::Record),
        ],
    },
    Sheet {
        name: "Extraits",
        key: "extraits",
        rows: Rows::List {
            field: Some("excerpts"),
            tables: BOTH,
        },
        definition: "Excerpt",
        columns: &[
            Column {
                header: RECORD,
                path: None,
                kind: Kind::Record,
                required: true,
            },
            req("champs appuyés", "supports", Kind::Words),
            req("texte", "text", Kind::Text),
        ],
    },
    Sheet {
        name: "Thèmes",
        key: "themes",
        rows: Rows::Vocabulary("themes"),
        definition: "Theme",
        columns: &[
            req("identifiant", "id", Kind::Id),
            req("libellé", "label", Kind::Text),
            req("description", "description", Kind::Text),
            col("libellé anglais", "label_en", Kind::Text),
            col("description anglaise", "description_en", Kind::Text),
        ],
    },
    Sheet {
        name: "Régions",
        key: "regions",
        rows: Rows::Vocabulary("regions"),
        definition: "Region",
        columns: &[
            req("code", "code", Kind::Region),
            req("nom", "name", Kind::Text),
            col("nom anglais", "name_en", Kind::Text),
        ],
    },
];

/// The keys of a record in the data file's order (the model's field order,
/// which `serde` writes and a test holds this to). Each is a column or a
/// group of columns of the record's sheet (`date` is `date.value`,
/// `date.text`…), or a list sheet.
pub fn record_keys(table: Table) -> &'static [&'static str] {
    match table {
        Table::Agreements => &[
            "id",
            "title",
            "kind",
            "description",
            "parties",
            "people",
            "date",
            "status",
            "place",
            "territory",
            "themes",
            "objectives",
            "targets",
            "figures",
            "source",
            "excerpts",
        ],
        Table::Events => &[
            "id",
            "title",
            "kind",
            "description",
            "date",
            "time",
            "place",
            "territory",
            "organiser",
            "audience",
            "part_of",
            "agreements",
            "themes",
            "objectives",
            "people",
            "figures",
            "registration",
            "source",
            "excerpts",
        ],
    }
}

/// What a record always writes, even empty (the model has no
/// `skip_serializing_if` on them): `"themes": []`, `"date": {}`.
pub const ALWAYS_WRITTEN: &[&str] = &[
    "parties",
    "date",
    "territory",
    "themes",
    "source",
    "excerpts",
];

/// The sheet whose rows are the records of `table`.
pub fn records_sheet(table: Table) -> usize {
    SHEETS
        .iter()
        .position(|s| s.rows == Rows::Records(table))
        .unwrap_or_default()
}

/// The sheet of a vocabulary (`"regions"`, `"themes"`).
pub fn vocabulary_sheet(list: &str) -> usize {
    SHEETS
        .iter()
        .position(|s| matches!(s.rows, Rows::Vocabulary(l) if l == list))
        .unwrap_or_default()
}

/// The sheet holding a record's list `field` (`"targets"` and `"figures"`
/// share "Chiffres").
pub fn list_sheet(field: &str) -> Option<usize> {
    SHEETS.iter().position(|s| match s.rows {
        Rows::List { field: Some(f), .. } => f == field,
        Rows::List { field: None, .. } => figure_kind(field).is_some(),
        _ => false,
    })
}

/// The sheet named `name`, if the layout has one.
pub fn sheet_named(name: &str) -> Option<usize> {
    SHEETS.iter().position(|s| s.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fit_every_spreadsheet() {
        let mut names = std::collections::HashSet::new();
        for s in SHEETS {
            // Excel's limit, and characters no sheet name may hold.
            assert!(s.name.chars().count() <= 31, "{}", s.name);
            assert!(!s.name.contains(['[', ']', ':', '*', '?', '/', '\\']));
            assert!(names.insert(s.name));
            let mut headers = std::collections::HashSet::new();
            for c in s.columns {
                assert!(headers.insert(c.header), "{} {}", s.name, c.header);
            }
            assert!(s.key.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
        }
    }

    #[test]
    fn every_record_key_has_a_place() {
        for table in [Table::Agreements, Table::Events] {
            let sheet = &SHEETS[records_sheet(table)];
            for key in record_keys(table) {
                let in_sheet = sheet.columns.iter().any(|c| {
                    c.path
                        .is_some_and(|p| p == *key || p.starts_with(&format!("{key}.")))
                });
                let listed = list_sheet(key).is_some_and(|i| match SHEETS[i].rows {
                    Rows::List { tables, .. } => tables.contains(&table),
                    _ => false,
                });
                assert!(in_sheet != listed, "{table:?}.{key}");
            }
        }
    }
}
