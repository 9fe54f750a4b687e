//! # The workbook: the data file as a spreadsheet, both ways
//!
//! Editors at regional ESS networks and employers' unions keep their records
//! in LibreOffice or Excel, not in JSON. This crate writes the data file as
//! a workbook (ODS or XLSX: a sheet per table, French column names, each
//! column's help from the JSON Schema, drop-down lists, dates as text) and
//! reads a workbook (ODS, XLSX, or one sheet saved as CSV) back into the
//! data file's text, byte for byte the file it came from when nothing was
//! changed.
//!
//! Its constraints, first:
//!
//! - **The same checks as the JSON, one code.** An import assembles the
//!   JSON text, keeping where each value came from, and runs the core's own
//!   loader and validator on it ([`passerelles_core::data::catalog::load_json`]);
//!   each problem's JSON path is then said at its sheet, row and column.
//!   What only a spreadsheet gets wrong (a date it turned into a day, a
//!   decimal comma, a missing column, a row whose record does not exist) is
//!   said here, in [`cells`] and [`assemble`], in French ([`messages`]).
//! - **Nothing is lost.** A row that cannot be placed is an error, and an
//!   import with an error writes no file; an export that would not come
//!   back the same is refused ([`flatten`]).
//! - **Wasm-ready.** Bytes in, bytes out: no file I/O, no web-sys, so the
//!   editors' page can run this same code in a browser.
//!
//! The layout is written once ([`layout`]): writers ([`xlsx`], [`ods`],
//! [`csv`]), the reader ([`assemble`] over [`read`]) and the Table Schemas
//! ([`tableschema`]) are derived from it.

pub mod assemble;
pub mod cells;
pub mod csv;
pub mod flatten;
pub mod grid;
pub mod help;
pub mod json;
pub mod layout;
pub mod messages;
pub mod ods;
pub mod read;
pub mod sheets;
pub mod sniff;
pub mod tableschema;
pub mod xlsx;

pub use assemble::{assemble, Import};
pub use flatten::{canonical, flatten, Flat, Refused};
pub use messages::{Level, Message};

use grid::Book;

/// A workbook's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Ods,
    Xlsx,
}

impl Format {
    /// The format a file name's extension says, if it is a workbook's.
    pub fn of(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".ods") {
            Some(Format::Ods)
        } else if lower.ends_with(".xlsx") {
            Some(Format::Xlsx)
        } else {
            None
        }
    }
}

/// A data file's text as a workbook's bytes, with the export's notes.
pub fn export(json: &str, format: Format) -> Result<(Vec<u8>, Vec<String>), Refused> {
    let flat = flatten(json)?;
    let bytes = match format {
        Format::Ods => ods::write(&flat.book)?,
        Format::Xlsx => xlsx::write(&flat.book)?,
    };
    Ok((bytes, flat.notes))
}

/// Files by name: (file name, bytes).
pub type Files = Vec<(String, Vec<u8>)>;

/// A data file's text as one CSV file a table, with the export's notes.
pub fn export_csv(json: &str) -> Result<(Files, Vec<String>), Refused> {
    let flat = flatten(json)?;
    let files = flat
        .book
        .sheets
        .iter()
        .zip(layout::SHEETS)
        .map(|(grid, sheet)| (format!("{}.csv", sheet.key), csv::write(grid)))
        .collect();
    Ok((files, flat.notes))
}

/// A workbook's bytes (ODS or XLSX) read back into the data file's text.
pub fn import(bytes: &[u8]) -> Import {
    import_with(bytes, &mut |_, _| {})
}

/// [`import`], calling `progress(done, total)` as each sheet is read (see
/// [`read::workbook_with`]); the cells are then checked in one step.
pub fn import_with(bytes: &[u8], progress: &mut dyn FnMut(usize, usize)) -> Import {
    match read::workbook_with(bytes, progress) {
        Ok(book) => assemble(&book),
        Err(e) => unreadable(e),
    }
}

/// An import that could not even read its input.
fn unreadable(text: String) -> Import {
    Import {
        messages: vec![Message {
            level: Level::Error,
            place: messages::Place::default(),
            text,
        }],
        ..Import::default()
    }
}

/// The layout sheet a name designates: its name or its file key, whatever
/// the case and accents (`Accords`, `accords`, `evenements`).
pub fn sheet_index(name: &str) -> Option<usize> {
    let folded = passerelles_core::engine::fold::fold(name.trim());
    layout::SHEETS
        .iter()
        .position(|s| passerelles_core::engine::fold::fold(s.name) == folded || s.key == folded)
}

/// One sheet saved as CSV, read in place of that sheet of the workbook the
/// data file `base` makes: the other tables stay as they are in `base`.
/// Also says how the CSV was read (encoding, delimiter).
pub fn import_csv(bytes: &[u8], sheet: &str, base: &str) -> (Import, Option<csv::Dialect>) {
    let Some(i) = sheet_index(sheet) else {
        let names: Vec<&str> = layout::SHEETS.iter().map(|s| s.name).collect();
        return (unreadable(messages::csv_unknown_sheet(sheet, &names)), None);
    };
    let mut book = match flatten(base) {
        Ok(flat) => flat.book,
        Err(Refused(why)) => return (unreadable(why.join("\n")), None),
    };
    match csv::read(bytes, layout::SHEETS[i].name) {
        Ok((grid, dialect)) => {
            book.sheets[i] = grid;
            (assemble(&book), Some(dialect))
        }
        Err(e) => (unreadable(e), None),
    }
}

/// Every table as CSV (a folder `export --csv` wrote), each as (file name,
/// bytes); a table without its file is a missing sheet.
pub fn import_csv_tables(files: &[(String, Vec<u8>)]) -> Import {
    let mut book = Book::default();
    for sheet in layout::SHEETS {
        let name = format!("{}.csv", sheet.key);
        if let Some((_, bytes)) = files.iter().find(|(n, _)| *n == name) {
            match csv::read(bytes, sheet.name) {
                Ok((grid, _)) => book.sheets.push(grid),
                Err(e) => return unreadable(format!("{name} : {e}")),
            }
        }
    }
    assemble(&book)
}
