//! The workbook as an ODS file (spreadsheet-ods), LibreOffice's own format:
//! the same sheets as the XLSX, the header row bold and frozen, each
//! header's help as a comment, the columns that are not numbers with a text
//! format (so that `2015-11` typed there stays text), and the drop-down
//! lists as content validations on the data rows and the rows below.

use spreadsheet_ods::condition::Condition;
use spreadsheet_ods::draw::Annotation;
use spreadsheet_ods::validation::{MessageType, Validation, ValidationError};
use spreadsheet_ods::{
    CellRange, CellStyle, CellStyleRef, Length, Sheet, ValueFormatText, WorkBook,
};

use crate::flatten::Refused;
use crate::grid::{Book, Cell};
use crate::layout::{Column, Kind, SHEETS};
use crate::sheets::{self, List};

/// Writes the workbook's cells (from [`crate::flatten`]) as ODS bytes.
pub fn write(book: &Book) -> Result<Vec<u8>, Refused> {
    let mut wb = WorkBook::new_empty();
    let mut format = ValueFormatText::new_named("texte");
    format.part_text_content().build();
    let format = wb.add_text_format(format);
    let text = wb.add_cellstyle(CellStyle::new("texte", &format));
    let mut bold = CellStyle::new_empty();
    bold.set_name("en-tete");
    bold.set_font_bold();
    let bold = wb.add_cellstyle(bold);

    for (grid, sheet) in book.sheets.iter().zip(SHEETS) {
        let mut ws = Sheet::new(sheet.name);
        let rows = grid.rows.len().max(1) as u32;
        for (c, column) in sheet.columns.iter().enumerate() {
            let col = c as u32;
            ws.set_col_width(col, Length::Cm(sheets::width(column) * 0.2));
            if column.kind != Kind::Number {
                ws.set_col_cellstyle(col, &text);
            }
            ws.set_styled_value(0, col, column.header, &bold);
            let mut note = Annotation::new(crate::help::text(sheet, column));
            note.set_display(false);
            ws.set_annotation(0, col, note);
            let cells = grid.rows.iter().map(|r| r.get(c).unwrap_or(&Cell::Empty));
            if let Some(list) = sheets::list(column, cells) {
                let valid = wb.add_validation(validation(list, column));
                for r in 1..rows + sheets::ROOM {
                    ws.set_validation(r, col, &valid);
                }
            }
        }
        for (r, row) in grid.rows.iter().enumerate().skip(1) {
            for (c, cell) in row.iter().enumerate() {
                let style =
                    (sheet.columns.get(c).map(|c| c.kind) != Some(Kind::Number)).then_some(&text);
                write_cell(&mut ws, r as u32, c as u32, cell, style);
            }
        }
        ws.split_row_header(0);
        wb.push_sheet(ws);
    }
    help_sheet(&mut wb, &bold);
    spreadsheet_ods::write_ods_buf(&mut wb, Vec::new())
        .map_err(|e| Refused(vec![format!("le classeur ODS n'a pas pu être écrit : {e}")]))
}

fn write_cell(ws: &mut Sheet, r: u32, c: u32, cell: &Cell, style: Option<&CellStyleRef>) {
    match (cell, style) {
        (Cell::Text(t), Some(s)) => ws.set_styled_value(r, c, t.as_str(), s),
        (Cell::Text(t), None) => ws.set_value(r, c, t.as_str()),
        (Cell::Number(n), _) => ws.set_value(r, c, *n),
        // The export writes text and numbers only.
        _ => {}
    }
}

fn validation(list: List, column: &Column) -> Validation {
    let mut v = Validation::new();
    match list {
        List::Values(values) => v.set_condition(Condition::content_is_in_list(&values)),
        List::Range { sheet, column: c } => {
            let range =
                CellRange::remote(sheet, 1, c as u32, sheets::VOCABULARY_ROWS, c as u32).absolute();
            v.set_condition(Condition::content_is_in_cellrange(range));
        }
    }
    // A warning, not a stop: the import says in words what is wrong.
    let mut err = ValidationError::new();
    err.set_msg_type(MessageType::Warning);
    err.set_display(true);
    let mut p = spreadsheet_ods::text::TextP::new();
    p = p.text(sheets::list_message(column));
    err.set_text(Some(p.into_xmltag()));
    v.set_err(Some(err));
    v
}

fn help_sheet(wb: &mut WorkBook, bold: &CellStyleRef) {
    let mut ws = Sheet::new(crate::assemble::HELP_SHEET);
    for (c, (title, width)) in sheets::HELP_COLUMNS.iter().enumerate() {
        ws.set_styled_value(0, c as u32, *title, bold);
        ws.set_col_width(c as u32, Length::Cm(width * 0.2));
    }
    for (r, line) in sheets::help_rows().iter().enumerate() {
        for (c, text) in line.iter().enumerate() {
            ws.set_value(r as u32 + 1, c as u32, text.as_str());
        }
    }
    ws.split_row_header(0);
    wb.push_sheet(ws);
}
