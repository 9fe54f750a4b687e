//! The workbook as an XLSX file (rust_xlsxwriter), for Excel and any
//! spreadsheet: the header row bold, frozen and filterable, each header's
//! help as a note, every column that is not a number formatted as text (so
//! that `2015-11` or `04` typed there stays what was typed), drop-down
//! lists for the codes, ids and fixed values, and a help sheet.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, FormatAlign, Formula, Note, Workbook,
    Worksheet, XlsxError,
};

use crate::flatten::Refused;
use crate::grid::{Book, Cell};
use crate::layout::{Column, Kind, SHEETS};
use crate::messages::Place;
use crate::sheets::{self, List};

/// The most characters a cell holds in Excel.
const MAX_CELL_CHARS: usize = 32_767;

fn refused(e: XlsxError) -> Refused {
    Refused(vec![format!(
        "le classeur XLSX n'a pas pu être écrit : {e}"
    )])
}

/// Writes the workbook's cells (from [`crate::flatten`]) as XLSX bytes.
pub fn write(book: &Book) -> Result<Vec<u8>, Refused> {
    let mut too_long = Vec::new();
    for (grid, sheet) in book.sheets.iter().zip(SHEETS) {
        for (r, row) in grid.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if let Cell::Text(t) = cell {
                    let n = t.chars().count();
                    if n > MAX_CELL_CHARS {
                        let place = Place {
                            sheet: Some(sheet.name.into()),
                            row: Some(r as u32 + 1),
                            column: sheet.columns.get(c).map(|c| c.header.to_string()),
                            record: None,
                        };
                        too_long.push(format!("{place} : texte de {n} caractères, plus que les {MAX_CELL_CHARS} qu'une cellule d'Excel peut tenir (exportez en ODS, ou raccourcissez-le)"));
                    }
                }
            }
        }
    }
    if !too_long.is_empty() {
        return Err(Refused(too_long));
    }
    let mut wb = Workbook::new();
    let header = Format::new().set_bold().set_align(FormatAlign::Top);
    let text = Format::new().set_num_format("@");
    for (grid, sheet) in book.sheets.iter().zip(SHEETS) {
        let ws = wb.add_worksheet();
        ws.set_name(sheet.name).map_err(refused)?;
        let rows = grid.rows.len().max(1) as u32;
        for (c, column) in sheet.columns.iter().enumerate() {
            let col = c as u16;
            ws.set_column_width(col, sheets::width(column))
                .map_err(refused)?;
            if column.kind != Kind::Number {
                ws.set_column_format(col, &text).map_err(refused)?;
            }
            ws.write_string_with_format(0, col, column.header, &header)
                .map_err(refused)?;
            let help = crate::help::text(sheet, column);
            let note = Note::new(help)
                .add_author_prefix(false)
                .set_width(360)
                .set_height(160);
            ws.insert_note(0, col, &note).map_err(refused)?;
            let cells = grid.rows.iter().map(|r| r.get(c).unwrap_or(&Cell::Empty));
            if let Some(list) = sheets::list(column, cells) {
                let last = rows + sheets::ROOM;
                ws.add_data_validation(1, col, last, col, &validation(list, column)?)
                    .map_err(refused)?;
            }
        }
        for (r, row) in grid.rows.iter().enumerate().skip(1) {
            for (c, cell) in row.iter().enumerate() {
                write_cell(ws, r as u32, c as u16, cell, &text)?;
            }
        }
        ws.set_freeze_panes(1, 0).map_err(refused)?;
        let last_col = sheet.columns.len().saturating_sub(1) as u16;
        ws.autofilter(0, 0, rows - 1, last_col).map_err(refused)?;
    }
    help_sheet(&mut wb, &header)?;
    wb.save_to_buffer().map_err(refused)
}

/// A cell's value. A text cell gets the Text format itself: in XLSX a cell
/// without a style is "General" whatever its column's, and Excel would turn
/// a date typed over it into a day.
fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    text: &Format,
) -> Result<(), Refused> {
    match cell {
        Cell::Text(t) => {
            ws.write_string_with_format(r, c, t, text)
                .map_err(refused)?;
        }
        Cell::Number(n) => {
            ws.write_number(r, c, *n).map_err(refused)?;
        }
        // The export writes text and numbers only.
        _ => {}
    }
    Ok(())
}

/// A drop-down list: fixed values inline, a vocabulary as its sheet's range
/// (so a theme added there is offered at once).
fn validation(list: List, column: &Column) -> Result<DataValidation, Refused> {
    let v = DataValidation::new();
    let v = match list {
        List::Values(values) => v.allow_list_strings(&values).map_err(refused)?,
        List::Range { sheet, column: c } => {
            let letter = (b'A' + c as u8) as char;
            v.allow_list_formula(Formula::new(format!(
                "='{sheet}'!${letter}$2:${letter}${}",
                sheets::VOCABULARY_ROWS + 1
            )))
        }
    };
    // A warning, not a stop: an editor may paste a value the list does not
    // have yet, and the import says what is wrong with it, in words.
    v.set_error_style(DataValidationErrorStyle::Warning)
        .set_error_message(sheets::list_message(column))
        .map_err(refused)
}

fn help_sheet(wb: &mut Workbook, header: &Format) -> Result<(), Refused> {
    let ws = wb.add_worksheet();
    ws.set_name(crate::assemble::HELP_SHEET).map_err(refused)?;
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (c, (title, width)) in sheets::HELP_COLUMNS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *title, header)
            .map_err(refused)?;
        ws.set_column_width(c as u16, *width).map_err(refused)?;
    }
    for (r, line) in sheets::help_rows().iter().enumerate() {
        for (c, text) in line.iter().enumerate() {
            ws.write_string_with_format(r as u32 + 1, c as u16, text, &wrap)
                .map_err(refused)?;
        }
    }
    ws.set_freeze_panes(1, 0).map_err(refused)?;
    Ok(())
}
