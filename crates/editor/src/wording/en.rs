//! The editors' page in English.

pub const PAGE_TITLE: &str = "Edit the data — Passerelles";
pub const PAGE_DESCRIPTION: &str = "For Passerelles' editors: check a workbook or the data file, see the site with that data, add a record from its text. Everything happens in the browser.";
pub const HEADING: &str = "Edit the data";
pub const TAGLINE: &str = "For the people who keep Passerelles' agreements and events up to date";
pub const INTRO: &str = "Drop the workbook (ODS, XLSX), one sheet saved as CSV or the passerelles.json file: the page reads and checks it in this browser, with the very code of the command-line tools. Nothing leaves your computer: no file is sent anywhere.";
pub const NOSCRIPT: &str =
    "This page needs JavaScript to read and check a file: turn it on in your browser.";
pub const SKIP: &str = "Skip to content";
pub const BACK_TO_SITE: &str = "Back to the site";
pub const OTHER_LANGUAGE: &str = "Français";
pub const OTHER_LANGUAGE_CODE: &str = "fr";
pub const FOOTER: &str = "Editors' page: files are read by this browser and sent nowhere.";

pub const OPEN_TITLE: &str = "1. Open a file";
pub const DROP_LABEL: &str = "Drop a file here, or choose it";
pub const DROP_HINT: &str =
    "An ODS or XLSX workbook, one sheet saved as CSV, or passerelles.json; 25 MB at most.";
pub const OPEN_SITE: &str = "Start from the site's data";
/// How the site's data is named once opened.
pub const OPEN_SITE_NAME: &str = "the site's data (data/passerelles.json)";
pub const CANCEL: &str = "Cancel reading";
pub const STEP_READING: &str = "Reading the file…";
pub const STEP_CHECKING: &str = "Checking the records…";
pub const STEP_WRITING: &str = "Writing…";
pub const STARTING: &str = "Starting the page…";
pub const FETCH_FAILED: &str = "The site's data could not be loaded: drop a file instead.";
pub const KEPT: &str = "The data opened before stays as it was.";

pub fn reading_file(name: &str, percent: u32) -> String {
    format!("Reading “{name}”: {percent}%")
}
pub fn reading_sheets(name: &str, done: u32, total: u32) -> String {
    format!("Reading the sheets of “{name}”: {done} of {total}")
}
/// A count as English writes it ("1,500").
fn n(count: u32) -> String {
    passerelles_core::wording::number::count_as(passerelles_core::wording::Lang::En, count as usize)
}
pub fn read_ok(name: &str, agreements: u32, events: u32) -> String {
    let total = agreements + events;
    format!(
        "“{name}” read: {} record{} to show ({} agreement{}, {} event{}).",
        n(total),
        if total == 1 { "" } else { "s" },
        n(agreements),
        if agreements == 1 { "" } else { "s" },
        n(events),
        if events == 1 { "" } else { "s" }
    )
}
pub fn left_out(count: u32) -> String {
    if count == 1 {
        "1 record would be left out of the site (see its problems).".to_string()
    } else {
        format!(
            "{} records would be left out of the site (see their problems).",
            n(count)
        )
    }
}
pub fn problems_count(errors: u32, warnings: u32) -> String {
    format!(
        "{} error{}, {} warning{}",
        n(errors),
        if errors == 1 { "" } else { "s" },
        n(warnings),
        if warnings == 1 { "" } else { "s" }
    )
}
pub fn too_large(name: &str, tenths_of_mb: u64, max_mb: u64) -> String {
    format!(
        "“{name}” is {}.{} MB: the page reads {max_mb} MB at most. Is it the workbook or the data file? Nothing was read.",
        tenths_of_mb / 10,
        tenths_of_mb % 10
    )
}
pub fn empty(name: &str) -> String {
    format!("“{name}” is empty: nothing was read.")
}
pub fn not_data(name: &str) -> String {
    format!("“{name}” is neither a workbook (ODS, XLSX), nor a sheet of the workbook saved as CSV, nor a JSON data file: nothing was read.")
}
pub fn encrypted(name: &str) -> String {
    format!("“{name}” is protected by a password: its cells cannot be read. Save it without a password (LibreOffice: File > Save As, untick “Save with password”), then drop it again.")
}
pub fn old_excel(name: &str) -> String {
    format!("“{name}” is in the Excel 97-2003 format (.xls): save it as .xlsx or .ods, then drop it again.")
}
pub fn unknown_sheet(name: &str) -> String {
    format!("The columns of “{name}” are those of no sheet of the workbook: a sheet saved as CSV keeps its header row as the exported workbook writes it.")
}
pub fn broken(name: &str) -> String {
    format!("“{name}” cannot be read:")
}
pub fn cancelled(name: &str) -> String {
    format!("Reading “{name}” was cancelled.")
}
pub fn timed_out(name: &str, seconds: u32) -> String {
    format!("“{name}” was not read within {seconds} seconds: reading abandoned.")
}
pub fn failed(name: &str) -> String {
    format!("“{name}” could not be read: reading stopped (the browser may have run out of memory).")
}
pub fn added(id: &str) -> String {
    format!("Record “{id}” saved in the file: see it in the preview, then download the file to publish it.")
}

pub const PROBLEMS_TITLE: &str = "2. Problems";
pub const NO_PROBLEM: &str = "No problem: this file can be published as it is.";
pub const LEVEL_ERROR: &str = "Error";
pub const LEVEL_WARNING: &str = "Warning";
pub const AT_FILE: &str = "The file";
pub const FIX_IN_FORM: &str = "Fix it in the form";
/// Said on the English page only.
pub const MESSAGES_IN_FRENCH: &str =
    "The checks' messages are in French, as the command-line tools say them.";
pub const NOTES_TITLE: &str = "How the file was read";
pub const COLUMN: &str = "Column";
pub const VALUE: &str = "Value";

pub fn at_cell(sheet: &str, row: u32, column: &str) -> String {
    let mut out = format!("Sheet {sheet}");
    if row > 0 {
        out.push_str(&format!(", row {row}"));
    }
    if !column.is_empty() {
        out.push_str(&format!(", column “{column}”"));
    }
    out
}
pub fn at_line(line: u32, column: u32) -> String {
    format!("Line {line}, column {column}")
}
pub fn show_row(row: u32) -> String {
    format!("Show row {row}")
}
pub fn show_line(line: u32) -> String {
    format!("Show line {line} of the file")
}
pub fn more_problems(n: usize) -> String {
    format!("… and {n} more: fix these first, then drop the file again.")
}

pub const PREVIEW_TITLE: &str = "3. See the site with this data";
pub const PREVIEW_INTRO: &str = "The site as visitors will see it: the records, the filters, the map, the timeline, the record pages. A record with a problem is left out of it, as it would be online.";
pub const PREVIEW_BUTTON: &str = "See the site with this data";
pub const PREVIEW_AGAIN: &str = "Update the preview";
pub const PREVIEW_MAKING: &str = "Preparing the preview…";
pub const PREVIEW_STALE: &str = "The data changed since this preview: update it.";
pub const PREVIEW_CLOSE: &str = "Close the preview";
pub const PREVIEW_PAGE_TITLE: &str = "Preview — Passerelles";
pub const PREVIEW_PAGE_NOTICE: &str =
    "Preview of a file opened in the editors' page: this data is not online.";
pub const PREVIEW_PAGE_WAIT: &str = "Preparing the preview…";

pub fn preview_banner(name: &str) -> String {
    format!("Preview of “{name}”, a file on your computer: the site as visitors will see it once this data is published. Nothing is online.")
}
pub fn preview_frame_title(name: &str) -> String {
    format!("Preview of the site with the data of “{name}”")
}

pub const RECORD_TITLE: &str = "4. Add or edit a record";
pub const RECORD_INTRO: &str = "A form made of the format's fields, each with its help beside it; paste the source text (the press release) and select in it the sentences each field rests on: they are the excerpts. The validator's checks run as you type.";
pub const NEW_AGREEMENT: &str = "New agreement";
pub const NEW_EVENT: &str = "New event";
pub const EDIT_LABEL: &str = "Or edit a record of the file";
pub const EDIT_NONE: &str = "(choose a record)";
pub const EDIT_BUTTON: &str = "Edit";
pub const PICK_RECORD: &str = "Choose a record in the list first.";
pub const REQUIRED: &str = "required";
pub const SUGGEST_ID: &str = "Suggest an id";
pub const ADD_ID: &str = "Add";
pub const ADD: &str = "Add";
pub const REMOVE: &str = "Remove";
pub const NONE_OPTION: &str = "(none)";
pub const UNKNOWN_FIELDS: &str = "Fields the format does not know (the validator refuses them):";
pub const REMOVE_FIELD: &str = "Remove this field";

pub fn form_title_new(agreement: bool) -> String {
    if agreement {
        "New agreement"
    } else {
        "New event"
    }
    .to_string()
}
pub fn form_title_edit(id: &str) -> String {
    format!("Edit “{id}”")
}
pub fn item_legend(label: &str, n: usize) -> String {
    format!("{label} no. {n}")
}
pub fn add_item(label: &str) -> String {
    format!("Add: {}", label.to_lowercase())
}
pub fn remove_item(label: &str, n: usize) -> String {
    format!("Remove {} no. {n}", label.to_lowercase())
}
pub fn entry_option(id: &str, title: &str) -> String {
    format!("{id} — {title}")
}

pub const DATE_PRECISION: &str = "What the text says of the date";
pub const DATE_DAY_KIND: &str = "a day";
pub const DATE_MONTH_KIND: &str = "a month";
pub const DATE_YEAR_KIND: &str = "a year";
pub const DATE_INTERVAL_KIND: &str = "bounds (at the earliest, at the latest, between two dates)";
pub const DATE_UNKNOWN_KIND: &str = "nothing (unknown date)";
pub const DATE_DAY: &str = "Day";
pub const DATE_MONTH: &str = "Month";
pub const DATE_YEAR: &str = "Year";
pub const DATE_START: &str = "Start (at the earliest)";
pub const DATE_END: &str = "End (at the latest)";
pub const END_OPEN: &str = "open: the text says nothing";
pub const END_DAY: &str = "a day";
pub const END_MONTH: &str = "a month";
pub const END_YEAR: &str = "a year";

pub fn date_value(value: &str) -> String {
    format!("Value written: {value}")
}
pub fn date_reads(text: &str) -> String {
    format!("The site will write it: “{text}”")
}

pub const SOURCE_TEXT: &str = "Source text (paste the press release here)";
pub const SOURCE_HINT: &str = "Select a sentence of the text, then “Add the selection as an excerpt”: the excerpt is copied from the text, word for word, never retyped. Then tick the fields it supports.";
pub const ADD_EXCERPT: &str = "Add the selection as an excerpt";
pub const NO_SELECTION: &str = "Select a passage of the source text first.";
pub const SUPPORTS: &str = "Fields this excerpt supports";
pub const NO_SUPPORTS: &str = "Tick one field at least.";
pub const EXCERPT_IN_TEXT: &str = "Word for word in the pasted text.";
pub const EXCERPT_NOT_IN_TEXT: &str =
    "Not in the pasted text: paste the text it comes from to check it.";
pub const REMOVE_EXCERPT: &str = "Remove the excerpt";
pub const NO_EXCERPT: &str = "No excerpt yet.";

pub fn excerpt_added(chars: usize) -> String {
    format!("Excerpt added ({chars} characters).")
}
pub fn excerpt_legend(n: usize) -> String {
    format!("Excerpt no. {n}")
}

pub const TO_FILL: &str = "Required, still empty:";
pub const CHECKING: &str = "Checking…";
pub const FORM_OK: &str = "No problem: the record can be saved in the file.";
pub const APPLY_NEW: &str = "Add the record to the file";
pub const APPLY_EDIT: &str = "Save the record in the file";
pub const APPLYING: &str = "Saving…";
pub const CLOSE_FORM: &str = "Close without saving";
pub const NEEDS_DATA: &str =
    "Open a file first, or start from the site's data: a record is added to data.";

pub fn form_problems(n: usize) -> String {
    if n == 1 {
        "1 problem to fix:".to_string()
    } else {
        format!("{n} problems to fix:")
    }
}

pub const PUBLISH_TITLE: &str = "5. Publish";
pub const DOWNLOAD_JSON: &str = "Download passerelles.json";
pub const DOWNLOAD_ODS: &str = "Download the workbook (ODS)";
pub const DOWNLOAD_XLSX: &str = "Download the workbook (XLSX)";
pub const WRITING: &str = "Writing the workbook…";
pub const PUBLISH_HOW: &str = "To publish passerelles.json, two ways:";
pub const PUBLISH_HOW_COMMIT: &str = "in the site's repository, replace data/passerelles.json with this file and record the change (a commit): the site's build (make build) checks it and publishes the pages;";
pub const PUBLISH_HOW_HOST: &str = "or, at the host, replace data/passerelles.json with this file, then run the site's build again.";
pub const CHANGED_NOTE: &str = "The file holds your changes: download it before leaving the page, nothing is kept anywhere else.";
pub const EXPORT_REFUSED: &str = "The workbook could not be written:";

pub fn not_publishable(errors: u32) -> String {
    format!(
        "Fix {} first: a file with an error stops the site's build.",
        if errors == 1 {
            "the error".to_string()
        } else {
            format!("the {errors} errors")
        }
    )
}
