//! A dropped file read to the end, or refused with why: a workbook (ODS,
//! XLSX) through the workbook crate, one sheet saved as CSV in place of its
//! table of a base dataset, or the JSON itself through the core's loader.
//! Either way the validator is the one the command-line tools run; this
//! only says where each problem is in the file the editor has, and which
//! record and field it is about, so the page can link it to the form.

use serde::Deserialize;

use passerelles_core::bridge::editor::{
    clip, Answer, At, Entry, FileKind, List, Opened, Problem, Refusal, Step, Term, MAX_CELL_CHARS,
    MAX_FILE_BYTES, MAX_PROBLEMS, MAX_ROW_CELLS,
};
use passerelles_core::data::catalog::{load_bytes, Catalog, Loaded};
use passerelles_core::data::model::RawDataset;
use passerelles_core::engine::fold::fold;
use passerelles_sheet::grid::{Book, Cell, Grid};
use passerelles_sheet::layout::{self, Rows, SHEETS};
use passerelles_sheet::sniff::{sniff, Sniffed};
use passerelles_sheet::{assemble, messages as sheet_messages, read as sheet_read, Level};

/// Reads a file's bytes; `name` says its kind only when its bytes do not
/// (a text file is JSON or CSV), `base` is the dataset a CSV sheet goes into.
pub fn read(
    name: &str,
    bytes: &[u8],
    base: Option<&str>,
    progress: &mut dyn FnMut(Answer),
) -> Answer {
    if bytes.len() > MAX_FILE_BYTES {
        return Answer::Refused(Refusal::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    match sniff(bytes) {
        Sniffed::Empty => Answer::Refused(Refusal::Empty),
        Sniffed::Encrypted => Answer::Refused(Refusal::Encrypted),
        Sniffed::OldExcel => Answer::Refused(Refusal::OldExcel),
        Sniffed::OtherBinary => Answer::Refused(Refusal::NotData),
        Sniffed::Ods => workbook(bytes, FileKind::Ods, progress),
        Sniffed::Xlsx => workbook(bytes, FileKind::Xlsx, progress),
        Sniffed::Text if is_json(name, bytes) => {
            progress(Answer::Progress {
                step: Step::Checking,
                done: 0,
                total: 0,
            });
            json(bytes, FileKind::Json)
        }
        Sniffed::Text => csv(name, bytes, base, progress),
    }
}

/// A text file is JSON when it opens with an object or a list, or is named
/// so (then the loader says what is wrong with it).
fn is_json(name: &str, bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    matches!(first, Some(b'{' | b'['))
        || name.to_ascii_lowercase().ends_with(".json")
        // UTF-16 JSON, which the loader names as such.
        || (bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]))
            && !name.to_ascii_lowercase().ends_with(".csv")
}

/// A JSON file, read by the core's loader as `validate` reads it.
pub fn json(bytes: &[u8], kind: FileKind) -> Answer {
    match load_bytes(bytes) {
        Err(e) => Answer::Refused(Refusal::Broken(Problem {
            error: true,
            text: e.message.clone(),
            at: At::Text {
                line: e.line.unwrap_or(0) as u32,
                column: e.column.unwrap_or(0) as u32,
                path: String::new(),
            },
            record: None,
            field: None,
            row: Vec::new(),
        })),
        Ok(loaded) => {
            // load_bytes read it as UTF-8.
            let text = String::from_utf8_lossy(bytes).into_owned();
            Answer::Opened(Box::new(from_loaded(text, &loaded, kind)))
        }
    }
}

/// What a JSON text holds, with the validator's problems at their lines.
pub fn from_loaded(text: String, loaded: &Loaded, kind: FileKind) -> Opened {
    let errors = loaded.problems.len() as u32;
    let problems = loaded
        .problems
        .iter()
        .take(MAX_PROBLEMS)
        .map(|p| Problem {
            error: true,
            text: p.message.clone(),
            at: At::Text {
                line: p.position.map_or(0, |at| at.line as u32),
                column: p.position.map_or(0, |at| at.column as u32),
                path: p.path.clone(),
            },
            record: p.record.clone(),
            field: field_of(&p.path),
            row: Vec::new(),
        })
        .collect();
    opened(text, kind, problems, errors, 0, &loaded.catalog, Vec::new())
}

/// The path inside its record of a file's path (`agreements[2].date.value`
/// → `date.value`), when it is inside a record.
pub fn field_of(path: &str) -> Option<String> {
    let rest = ["agreements[", "events["]
        .iter()
        .find_map(|p| path.strip_prefix(p))?;
    let (_, after) = rest.split_once(']')?;
    let field = after.strip_prefix('.').unwrap_or(after);
    (!field.is_empty()).then(|| field.to_string())
}

fn opened(
    dataset: String,
    kind: FileKind,
    problems: Vec<Problem>,
    errors: u32,
    warnings: u32,
    catalog: &Catalog,
    notes: Vec<String>,
) -> Opened {
    let entries = entries(&dataset);
    let shown = catalog.agreements.len() + catalog.events.len();
    let mut kinds: Vec<String> = catalog
        .agreements
        .iter()
        .map(|a| a.kind.clone())
        .chain(catalog.events.iter().map(|e| e.kind.clone()))
        .collect();
    kinds.sort();
    kinds.dedup();
    Opened {
        kind,
        problems,
        errors,
        warnings,
        agreements: catalog.agreements.len() as u32,
        events: catalog.events.len() as u32,
        left_out: entries.len().saturating_sub(shown) as u32,
        entries,
        regions: catalog
            .regions
            .iter()
            .map(|r| Term {
                key: r.code.clone(),
                label: r.name.clone(),
                label_en: r.name_en.clone(),
            })
            .collect(),
        themes: catalog
            .themes
            .iter()
            .map(|t| Term {
                key: t.id.clone(),
                label: t.label.clone(),
                label_en: t.label_en.clone(),
            })
            .collect(),
        kinds,
        notes,
        dataset,
    }
}

/// Every record of the file with an id, readable or not, in file order:
/// the page lists them to be opened in the form.
pub fn entries(text: &str) -> Vec<Entry> {
    #[derive(Deserialize)]
    struct Head {
        id: Option<String>,
        title: Option<String>,
    }
    let Ok(raw) = serde_json::from_str::<RawDataset>(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (list, records) in [
        (List::Agreements, &raw.agreements),
        (List::Events, &raw.events),
    ] {
        for r in records {
            if let Ok(Head {
                id: Some(id),
                title,
            }) = serde_json::from_str::<Head>(r.get())
            {
                out.push(Entry {
                    list,
                    id,
                    title: title.unwrap_or_default(),
                });
            }
        }
    }
    out
}

fn workbook(bytes: &[u8], kind: FileKind, progress: &mut dyn FnMut(Answer)) -> Answer {
    let mut sheets = |done: usize, total: usize| {
        progress(Answer::Progress {
            step: Step::Sheets,
            done: done as u32,
            total: total as u32,
        })
    };
    let book = match sheet_read::workbook_with(bytes, &mut sheets) {
        Ok(book) => book,
        Err(text) => return broken(text),
    };
    progress(Answer::Progress {
        step: Step::Checking,
        done: 0,
        total: 0,
    });
    from_book(&book, kind, Vec::new())
}

fn broken(text: String) -> Answer {
    Answer::Refused(Refusal::Broken(Problem {
        error: true,
        text,
        at: At::File,
        record: None,
        field: None,
        row: Vec::new(),
    }))
}

/// A workbook's cells assembled and checked, each message at its cell.
fn from_book(book: &Book, kind: FileKind, notes: Vec<String>) -> Answer {
    let import = assemble(book);
    let dataset = import.json.clone().unwrap_or_else(|| import.text.clone());
    if dataset.trim().is_empty() {
        let text = import
            .messages
            .first()
            .map_or_else(String::new, |m| m.to_string());
        return broken(text);
    }
    let problems = import
        .messages
        .iter()
        .take(MAX_PROBLEMS)
        .map(|m| cell_problem(book, m))
        .collect();
    Answer::Opened(Box::new(opened(
        dataset,
        kind,
        problems,
        import.errors() as u32,
        import.warnings() as u32,
        &import.catalog,
        notes,
    )))
}

/// A workbook's message, with its record, its field and its row.
fn cell_problem(book: &Book, m: &passerelles_sheet::Message) -> Problem {
    let place = &m.place;
    let grid = place.sheet.as_deref().and_then(|s| book.sheet(s));
    let layout_sheet = place
        .sheet
        .as_deref()
        .and_then(layout::sheet_named)
        .map(|i| &SHEETS[i]);
    let header = |g: &Grid, col: usize| -> String {
        g.rows
            .first()
            .and_then(|r| r.get(col))
            .map(cell_text)
            .unwrap_or_default()
    };
    let column_in_grid = |g: &Grid, name: &str| -> Option<usize> {
        let wanted = fold(name);
        g.rows
            .first()?
            .iter()
            .position(|c| fold(cell_text(c).trim()) == wanted)
    };
    let mut record = place.record.clone();
    let mut field = None;
    let mut row_cells = Vec::new();
    if let (Some(g), Some(row)) = (grid, place.row) {
        if let Some(cells) = row.checked_sub(1).and_then(|r| g.rows.get(r as usize)) {
            row_cells = cells
                .iter()
                .enumerate()
                .filter(|(_, c)| !c.is_blank())
                .take(MAX_ROW_CELLS)
                .map(|(i, c)| (header(g, i), clip(&cell_text(c), MAX_CELL_CHARS)))
                .collect();
        }
        if let Some(sheet) = layout_sheet {
            let id_column = if sheet.is_list() {
                layout::RECORD
            } else {
                "identifiant"
            };
            if record.is_none() && !matches!(sheet.rows, Rows::Vocabulary(_)) {
                record = column_in_grid(g, id_column)
                    .map(|c| cell_text(g.cell(row, c)).trim().to_string())
                    .filter(|id| !id.is_empty());
            }
            field = match sheet.rows {
                Rows::Records(_) => place
                    .column
                    .as_deref()
                    .and_then(|c| sheet.columns.iter().find(|col| col.header == c))
                    .map(|col| col.path.unwrap_or("date.value").to_string()),
                Rows::List { field: Some(f), .. } => Some(f.to_string()),
                Rows::List { field: None, .. } => {
                    let kind = column_in_grid(g, "sorte")
                        .map(|c| cell_text(g.cell(row, c)))
                        .unwrap_or_default();
                    Some(
                        layout::figure_field(kind.trim())
                            .unwrap_or("figures")
                            .to_string(),
                    )
                }
                Rows::Vocabulary(_) => None,
            };
        }
    }
    let at = match &place.sheet {
        Some(sheet) => At::Cell {
            sheet: sheet.clone(),
            row: place.row.unwrap_or(0),
            column: place.column.clone().unwrap_or_default(),
        },
        None => At::File,
    };
    Problem {
        error: m.level == Level::Error,
        text: m.text.clone(),
        at,
        record,
        field,
        row: row_cells,
    }
}

/// A cell as the editor reads it in the spreadsheet.
fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Number(n) | Cell::Date(n) => n.to_string(),
        Cell::IsoDate(t) | Cell::Duration(t) | Cell::Error(t) => t.clone(),
        Cell::Bool(b) => b.to_string(),
    }
}

/// One sheet saved as CSV, in place of its table in `base`: the sheet is
/// the one its header row names (or its file's name, on a tie).
fn csv(name: &str, bytes: &[u8], base: Option<&str>, progress: &mut dyn FnMut(Answer)) -> Answer {
    let (grid, dialect) = match passerelles_sheet::csv::read(bytes, name) {
        Ok(read) => read,
        Err(_) => return Answer::Refused(Refusal::NotData),
    };
    let Some(sheet) = guess_sheet(&grid, name) else {
        // A CSV with none of a sheet's headers is not one of ours; a
        // file named .csv is said to be of an unknown sheet.
        return Answer::Refused(if name.to_ascii_lowercase().ends_with(".csv") {
            Refusal::UnknownSheet
        } else {
            Refusal::NotData
        });
    };
    let Some(base) = base else {
        return broken(
            "une feuille seule (CSV) remplace une table des données : ouvrez d'abord le classeur ou les données du site"
                .to_string(),
        );
    };
    let mut book = match passerelles_sheet::flatten(base) {
        Ok(flat) => flat.book,
        Err(passerelles_sheet::Refused(why)) => return broken(why.join("\n")),
    };
    progress(Answer::Progress {
        step: Step::Checking,
        done: 0,
        total: 0,
    });
    let mut grid = grid;
    grid.name = SHEETS[sheet].name.to_string();
    book.sheets[sheet] = grid;
    let notes = vec![
        format!("feuille {}", sheet_messages::q(SHEETS[sheet].name)),
        sheet_messages::csv_encoding(dialect.encoding),
    ];
    from_book(&book, FileKind::Csv, notes)
}

/// The layout sheet whose columns a CSV's header row names most (two at
/// least), its file's name breaking a tie (`evenements.csv`).
fn guess_sheet(grid: &Grid, name: &str) -> Option<usize> {
    let headers: Vec<String> = grid
        .rows
        .first()?
        .iter()
        .map(|c| fold(cell_text(c).trim()))
        .collect();
    let stem = name.rsplit('/').next().unwrap_or(name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let named = passerelles_sheet::sheet_index(stem);
    let scores: Vec<usize> = SHEETS
        .iter()
        .map(|s| {
            s.columns
                .iter()
                .filter(|c| headers.contains(&fold(c.header)))
                .count()
        })
        .collect();
    let best = *scores.iter().max()?;
    if best < 2 {
        return None;
    }
    match named {
        Some(i) if scores[i] == best => Some(i),
        _ => scores.iter().position(|&s| s == best),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: &str = include_str!("../../../../data/passerelles.json");

    fn opened(answer: Answer) -> Opened {
        match answer {
            Answer::Opened(o) => *o,
            other => panic!("not opened: {other:?}"),
        }
    }

    fn no_progress() -> impl FnMut(Answer) {
        |_| {}
    }

    #[test]
    fn the_shipped_json_reads_with_no_problem() {
        let o = opened(read(
            "passerelles.json",
            DATA.as_bytes(),
            None,
            &mut no_progress(),
        ));
        assert_eq!(o.kind, FileKind::Json);
        assert_eq!((o.errors, o.warnings, o.left_out), (0, 0, 0));
        assert_eq!((o.agreements + o.events) as usize, o.entries.len());
        assert_eq!(o.dataset, DATA);
        assert!(o
            .regions
            .iter()
            .any(|r| r.key == "04" && r.label == "La Réunion"));
        assert!(o.kinds.contains(&"convention de partenariat".to_string()));
    }

    #[test]
    fn a_workbook_says_each_problem_at_its_cell_record_and_field() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/editors/plusieurs-erreurs.xlsx"
        ))
        .unwrap();
        let mut steps = Vec::new();
        let o = opened(read("x.xlsx", &bytes, None, &mut |a| steps.push(a)));
        assert_eq!(o.kind, FileKind::Xlsx);
        assert_eq!((o.errors, o.warnings), (4, 1));
        assert!(steps.iter().any(|s| matches!(
            s,
            Answer::Progress {
                step: Step::Sheets,
                done,
                total
            } if done == total && *total > 10
        )));
        let date = o
            .problems
            .iter()
            .find(|p| p.text.contains("21/11/2019"))
            .unwrap();
        assert_eq!(
            date.at,
            At::Cell {
                sheet: "Événements".into(),
                row: 8,
                column: "date".into()
            }
        );
        assert_eq!(
            date.record.as_deref(),
            Some("ev-2019-11-21-journee-regionale-iae-reunion")
        );
        assert_eq!(date.field.as_deref(), Some("date.value"));
        assert!(date
            .row
            .iter()
            .any(|(h, v)| h == "date" && v == "21/11/2019"));
        let theme = o
            .problems
            .iter()
            .find(|p| p.text.contains("libellé"))
            .unwrap();
        assert_eq!(theme.field.as_deref(), Some("themes"));
        let number = o.problems.iter().find(|p| !p.error).unwrap();
        assert_eq!(number.field.as_deref(), Some("targets"));
    }

    #[test]
    fn a_json_file_s_problems_have_their_line_record_and_field() {
        let broken = DATA.replacen("\"value\": \"2019-11-21\"", "\"value\": \"2019-13-21\"", 1);
        let o = opened(read("d.json", broken.as_bytes(), None, &mut no_progress()));
        assert_eq!(o.errors, 1);
        assert_eq!(o.left_out, 1);
        let p = &o.problems[0];
        assert_eq!(p.field.as_deref(), Some("date.value"));
        assert!(matches!(p.at, At::Text { line, .. } if line > 1));
        assert!(p.record.is_some());
        assert_eq!(
            field_of("events[3].themes[0]").as_deref(),
            Some("themes[0]")
        );
        assert_eq!(field_of("agreements[0]"), None);
        assert_eq!(field_of("themes[0].id"), None);
    }

    #[test]
    fn what_is_not_a_dataset_is_refused_by_kind() {
        let refused =
            |name: &str, bytes: &[u8]| match read(name, bytes, Some(DATA), &mut no_progress()) {
                Answer::Refused(r) => r,
                other => panic!("{name}: {other:?}"),
            };
        assert_eq!(refused("x.xlsx", b""), Refusal::Empty);
        assert_eq!(
            refused("x.pdf", b"%PDF-1.4\n\x00\x00\xff"),
            Refusal::NotData
        );
        assert_eq!(
            refused(
                "communique.txt",
                "La CPME et l'URSIAE ont signé.\nUne autre ligne.".as_bytes()
            ),
            Refusal::NotData
        );
        assert_eq!(refused("x.csv", b"a;b;c\n1;2;3\n"), Refusal::UnknownSheet);
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        assert_eq!(
            refused("big.json", &big),
            Refusal::TooLarge {
                bytes: (MAX_FILE_BYTES + 1) as u64
            }
        );
        let encrypted = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/editors/mot-de-passe.xlsx"
        ))
        .unwrap();
        assert_eq!(refused("x.xlsx", &encrypted), Refusal::Encrypted);
        match refused("x.json", b"{ \"regions\": [,] }") {
            Refusal::Broken(p) => assert!(matches!(p.at, At::Text { line: 1, .. }), "{p:?}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn one_sheet_as_csv_replaces_its_table() {
        let (files, _) = passerelles_sheet::export_csv(DATA).unwrap();
        let (_, events) = files.iter().find(|(n, _)| n == "evenements.csv").unwrap();
        let text = String::from_utf8(events.clone())
            .unwrap()
            .replace("2019-11-21", "21/11/2019");
        let o = opened(read(
            "sans-nom.csv",
            text.as_bytes(),
            Some(DATA),
            &mut no_progress(),
        ));
        assert_eq!(o.kind, FileKind::Csv);
        assert!(o.errors >= 1);
        assert!(o.notes.iter().any(|n| n.contains("Événements")));
        let p = o.problems.iter().find(|p| p.error).unwrap();
        assert!(matches!(&p.at, At::Cell { sheet, .. } if sheet == "Événements"));
        // Without a dataset to go into, it says so.
        assert!(matches!(
            read("e.csv", text.as_bytes(), None, &mut no_progress()),
            Answer::Refused(Refusal::Broken(_))
        ));
    }
}
