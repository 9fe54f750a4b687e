//! A workbook's cells made into the data file's text, then checked by the
//! core's own loader and validator: every check of the JSON is said at the
//! cell its value came from, with no second copy of any check. On top, what
//! only a workbook can get wrong (a missing sheet or column, a row whose
//! record does not exist, a date a spreadsheet changed) is said here.
//!
//! Nothing is dropped in silence: an empty row is said, an unknown column
//! is said with how many cells it held, and a row that cannot be placed in
//! the file is an error, so no file is written that would lose it.

use std::collections::{HashMap, HashSet};

use passerelles_core::data::catalog::{load_json, Catalog};
use passerelles_core::data::suggest::closest;
use passerelles_core::engine::fold::fold;

use crate::cells::{self, Read, Value, Vocabulary};
use crate::grid::{Book, Cell, Grid};
use crate::json::{self, Loc, Node, Val};
use crate::layout::{self, Kind, Rows, Sheet, Table, SHEETS};
use crate::messages::{self as m, Level, Message, Place};

/// What an import gives: the file's text when nothing stops it, and every
/// message, in workbook order.
#[derive(Debug, Default)]
pub struct Import {
    /// The data file, `None` when there is an error.
    pub json: Option<String>,
    /// The text assembled, written or not (what the validator read).
    pub text: String,
    pub messages: Vec<Message>,
    /// What the file holds, as the validator reads it.
    pub catalog: Catalog,
}

impl Import {
    pub fn errors(&self) -> usize {
        self.messages
            .iter()
            .filter(|m| m.level == Level::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.messages
            .iter()
            .filter(|m| m.level == Level::Warning)
            .count()
    }
}

/// Sheets that may be in a workbook and are not data: the help sheet the
/// export writes.
pub const HELP_SHEET: &str = "Aide";

/// A sheet as found: for each layout column, where it is in the grid.
struct Found<'a> {
    grid: Option<&'a Grid>,
    columns: Vec<Option<usize>>,
}

/// One row read: its number and each layout column's value.
struct Row {
    number: u32,
    values: Vec<Option<Value>>,
}

struct Ctx<'a> {
    messages: Vec<Message>,
    /// Cells with an error of the workbook's own: the validator's message
    /// at the same cell would only repeat it less clearly.
    errored: HashSet<(usize, u32, usize)>,
    /// Columns missing from their sheet (said once, not at every row).
    missing: HashSet<(usize, usize)>,
    vocab: Vocabulary,
    found: Vec<Found<'a>>,
}

/// Where a value of the layout's sheet `sheet` came from.
fn loc(sheet: usize, row: Option<u32>, col: Option<usize>) -> Loc {
    Loc {
        sheet: Some(sheet),
        row,
        col,
        record: None,
    }
}

impl Ctx<'_> {
    fn place(&self, sheet: usize, row: Option<u32>, col: Option<usize>) -> Place {
        Place {
            sheet: Some(SHEETS[sheet].name.to_string()),
            row,
            column: col.map(|c| SHEETS[sheet].columns[c].header.to_string()),
            record: None,
        }
    }

    fn say(&mut self, level: Level, place: Place, text: String) {
        self.messages.push(Message { level, place, text });
    }
}

/// Reads a workbook into the data file's text and says what is wrong, where.
pub fn assemble(book: &Book) -> Import {
    let mut cx = Ctx {
        messages: Vec::new(),
        errored: HashSet::new(),
        missing: HashSet::new(),
        vocab: Vocabulary::default(),
        found: Vec::new(),
    };
    for (i, sheet) in SHEETS.iter().enumerate() {
        let found = find_sheet(&mut cx, i, sheet, book);
        cx.found.push(found);
    }
    for grid in &book.sheets {
        let known = SHEETS.iter().any(|s| s.name == grid.name)
            || grid.name == HELP_SHEET
            || cx
                .found
                .iter()
                .any(|f| f.grid.is_some_and(|g| std::ptr::eq(g, grid)));
        if !known {
            let cells = grid.rows.iter().flatten().filter(|c| !c.is_blank()).count();
            cx.say(
                Level::Warning,
                Place {
                    sheet: Some(grid.name.clone()),
                    ..Place::default()
                },
                m::unknown_sheet(cells),
            );
        }
    }

    // The vocabularies first: the other sheets' codes are read against them.
    let regions_sheet = layout::vocabulary_sheet("regions");
    let themes_sheet = layout::vocabulary_sheet("themes");
    let region_rows = read_rows(&mut cx, regions_sheet);
    let theme_rows = read_rows(&mut cx, themes_sheet);
    cx.vocab.regions = region_rows
        .iter()
        .filter_map(|r| Some((text(&r.values[0])?, text(&r.values[1])?, text(&r.values[2]))))
        .collect();
    cx.vocab.themes = theme_rows
        .iter()
        .filter_map(|r| Some((text(&r.values[0])?, text(&r.values[1])?, text(&r.values[3]))))
        .collect();

    let mut rows: Vec<Vec<Row>> = Vec::with_capacity(SHEETS.len());
    for i in 0..SHEETS.len() {
        rows.push(if i == regions_sheet || i == themes_sheet {
            Vec::new()
        } else {
            read_rows(&mut cx, i)
        });
    }
    rows[regions_sheet] = region_rows;
    rows[themes_sheet] = theme_rows;

    let top = build(&mut cx, &rows);
    let text = json::write(&top);
    let locator = json::Locator { top: &top };
    let mut import = Import::default();
    match load_json(&text) {
        Ok(loaded) => {
            for p in &loaded.problems {
                let path = match p.inner {
                    Some(offset) => locator.path_at(&p.path, offset).unwrap_or(p.path.clone()),
                    None => p.path.clone(),
                };
                let path = path.as_str();
                let mut place = locator.place(path).map(Loc::place).unwrap_or_default();
                // A required field left out: serde names it; the column is
                // the one whose key it is, in the object the offset is in.
                if place.column.is_none() {
                    place.column = absent_column(&place, path)
                        .or_else(|| missing_column(&place, path, &p.message));
                }
                let sheet = place.sheet.as_deref().and_then(layout::sheet_named);
                let col =
                    sheet.and_then(|s| place.column.as_deref().and_then(|c| SHEETS[s].column(c)));
                // A missing sheet is said once, not by each record it lacks.
                if sheet.is_some_and(|s| cx.found[s].grid.is_none()) {
                    continue;
                }
                if let (Some(s), Some(c)) = (sheet, col) {
                    if cx.missing.contains(&(s, c))
                        || place.row.is_some_and(|r| cx.errored.contains(&(s, r, c)))
                    {
                        continue;
                    }
                }
                cx.say(Level::Error, place, p.message.clone());
            }
            import.catalog = loaded.catalog;
        }
        // The text is written here, so this would be a fault of this code:
        // said, never a panic, and no file.
        Err(e) => cx.say(Level::Error, Place::default(), e.message),
    }
    sort(&mut cx.messages);
    import.messages = cx.messages;
    if import.errors() == 0 {
        import.json = Some(text.clone());
    }
    import.text = text;
    import
}

/// The column of a value the file does not have (a bound's note the
/// validator asks for): the column of its path inside the row.
fn absent_column(place: &Place, path: &str) -> Option<String> {
    let sheet = &SHEETS[layout::sheet_named(place.sheet.as_deref()?)?];
    let inside = &path[path.rfind(']')? + 1..];
    let inside = inside.strip_prefix('.')?;
    sheet
        .columns
        .iter()
        .find(|c| c.path == Some(inside))
        .map(|c| c.header.to_string())
}

/// The column of a required field serde says is missing: the layout column
/// of this sheet whose key the message names (the message is the core's
/// own, compared whole, never parsed).
fn missing_column(place: &Place, path: &str, message: &str) -> Option<String> {
    let sheet = &SHEETS[layout::sheet_named(place.sheet.as_deref()?)?];
    // The object's path inside the row: `time` in `events[1].time`, nothing
    // in `events[1]` or in `agreements[0].parties[2]`.
    let inside = match path.rfind(']') {
        Some(i) => path[i + 1..].trim_start_matches('.'),
        None => "",
    };
    sheet
        .columns
        .iter()
        .find(|c| {
            let Some(p) = c.path.filter(|p| !p.is_empty()) else {
                return false;
            };
            let (object, key) = p.rsplit_once('.').unwrap_or(("", p));
            object == inside
                && message.ends_with(&passerelles_core::data::messages::missing_field(key))
        })
        .map(|c| c.header.to_string())
}

fn text(v: &Option<Value>) -> Option<String> {
    match v {
        Some(Value::Text(s)) => Some(s.clone()),
        _ => None,
    }
}

/// Messages in the order an editor goes through the workbook: sheet by
/// sheet, row by row, column by column; the workbook's own first.
fn sort(messages: &mut [Message]) {
    let key = |msg: &Message| {
        let sheet = msg
            .place
            .sheet
            .as_deref()
            .map(|s| layout::sheet_named(s).unwrap_or(SHEETS.len()))
            .unwrap_or(0);
        let col = msg
            .place
            .sheet
            .as_deref()
            .and_then(layout::sheet_named)
            .and_then(|s| SHEETS[s].column(msg.place.column.as_deref()?))
            .map_or(0, |c| c + 1);
        (sheet, msg.place.row.unwrap_or(0), col)
    };
    messages.sort_by_key(key);
}

/// Finds a layout sheet in the workbook (by its name, else by its name
/// folded), and each of its columns in the header row.
fn find_sheet<'a>(cx: &mut Ctx<'a>, i: usize, sheet: &Sheet, book: &'a Book) -> Found<'a> {
    let grid = book.sheet(sheet.name).or_else(|| {
        let g = book
            .sheets
            .iter()
            .find(|g| fold(g.name.trim()) == fold(sheet.name))?;
        let place = cx.place(i, None, None);
        cx.say(Level::Warning, place, m::sheet_renamed(&g.name));
        Some(g)
    });
    let Some(grid) = grid else {
        let place = cx.place(i, None, None);
        cx.say(Level::Error, place, m::missing_sheet(sheet.name));
        return Found {
            grid: None,
            columns: vec![None; sheet.columns.len()],
        };
    };
    let header: Vec<String> = grid
        .rows
        .first()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Cell::Text(t) => t.trim().to_string(),
                    Cell::Empty => String::new(),
                    Cell::Number(n) => passerelles_core::data::decimal::plain(*n),
                    other => format!("{other:?}"),
                })
                .collect()
        })
        .unwrap_or_default();
    let mut columns = vec![None; sheet.columns.len()];
    let mut used = vec![false; header.len()];
    for (c, column) in sheet.columns.iter().enumerate() {
        let exact: Vec<usize> = (0..header.len())
            .filter(|&h| header[h] == column.header)
            .collect();
        let at = match exact.as_slice() {
            [first, rest @ ..] => {
                for &h in rest {
                    used[h] = true;
                    let place = Place {
                        column: Some(header[h].clone()),
                        ..cx.place(i, Some(1), None)
                    };
                    cx.say(Level::Error, place, m::DUPLICATE_COLUMN.into());
                }
                Some(*first)
            }
            [] => {
                let folded = fold(column.header);
                let near = (0..header.len()).find(|&h| !used[h] && fold(&header[h]) == folded);
                if let Some(h) = near {
                    let place = cx.place(i, Some(1), Some(c));
                    cx.say(Level::Warning, place, m::column_renamed(&header[h]));
                }
                near
            }
        };
        if let Some(h) = at {
            used[h] = true;
        }
        columns[c] = at;
    }
    // What is left: unknown columns, said with what they hold.
    for (h, name) in header.iter().enumerate() {
        if used[h] {
            continue;
        }
        let cells = grid
            .rows
            .iter()
            .skip(1)
            .filter(|r| r.get(h).is_some_and(|c| !c.is_blank()))
            .count();
        if name.is_empty() {
            if cells > 0 {
                let place = cx.place(i, None, None);
                cx.say(Level::Warning, place, m::unnamed_column(&letter(h), cells));
            }
            continue;
        }
        let place = Place {
            column: Some(name.clone()),
            ..cx.place(i, None, None)
        };
        cx.say(Level::Warning, place, m::unknown_column(cells));
    }
    for (c, column) in sheet.columns.iter().enumerate() {
        if columns[c].is_none() && column.kind != Kind::Precision {
            let missing_folded = fold(column.header);
            let near = header
                .iter()
                .enumerate()
                .filter(|(h, n)| !used[*h] || !n.is_empty())
                .map(|(_, n)| n.as_str())
                .filter(|n| !n.is_empty() && sheet.column(n).is_none())
                .find(|n| closest(&fold(n), &[missing_folded.as_str()]).is_some());
            let place = cx.place(i, None, Some(c));
            cx.say(Level::Error, place, m::missing_column(near));
            cx.missing.insert((i, c));
        }
    }
    let order: Vec<usize> = columns.iter().flatten().copied().collect();
    if order.windows(2).any(|w| w[0] > w[1]) {
        let place = cx.place(i, None, None);
        cx.say(Level::Warning, place, m::COLUMNS_REORDERED.into());
    }
    Found {
        grid: Some(grid),
        columns,
    }
}

/// A column's letters (0 → A, 26 → AA).
fn letter(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Every row of a sheet after its header, each cell read as its column's
/// kind; empty rows said once, as ranges.
fn read_rows(cx: &mut Ctx, i: usize) -> Vec<Row> {
    let sheet = &SHEETS[i];
    let Some(grid) = cx.found[i].grid else {
        return Vec::new();
    };
    let columns = cx.found[i].columns.clone();
    let precision_col = sheet.columns.iter().position(|c| c.kind == Kind::Precision);
    let mut out = Vec::with_capacity(grid.rows.len());
    let mut empty: Vec<u32> = Vec::new();
    for (r, cells) in grid.rows.iter().enumerate().skip(1) {
        let number = r as u32 + 1;
        if cells.iter().all(Cell::is_blank) {
            empty.push(number);
            continue;
        }
        let cell = |c: usize| {
            columns[c]
                .and_then(|h| cells.get(h))
                .unwrap_or(&Cell::Empty)
        };
        let precision = precision_col.and_then(|c| match cell(c) {
            Cell::Text(t) => Some(t.trim().to_string()),
            _ => None,
        });
        let mut values = Vec::with_capacity(sheet.columns.len());
        for (c, column) in sheet.columns.iter().enumerate() {
            let Read { value, notes } = cells::read(
                cell(c),
                column.kind,
                column.path.is_some(),
                precision.as_deref(),
                &cx.vocab,
            );
            for (level, text) in notes {
                if level == Level::Error {
                    cx.errored.insert((i, number, c));
                }
                let place = cx.place(i, Some(number), Some(c));
                cx.say(level, place, text);
            }
            values.push(value);
        }
        // The precision says nothing the date does not: if they disagree,
        // the date wins, and the editor hears it.
        let date_col = sheet
            .columns
            .iter()
            .position(|c| c.path == Some("date.value"));
        if let (Some(p), Some(c)) = (precision_col, date_col) {
            if let (Some(Value::Text(said)), Some(Value::Text(date))) = (&values[p], &values[c]) {
                if let Some(actual) = cells::precision_of(Some(date)) {
                    if actual != said {
                        let place = cx.place(i, Some(number), Some(p));
                        cx.say(
                            Level::Warning,
                            place,
                            m::precision_mismatch(said, date, actual),
                        );
                    }
                }
            }
        }
        out.push(Row { number, values });
    }
    if !empty.is_empty() {
        // Trailing empty rows are how every spreadsheet ends: only those
        // between rows with something are worth a word.
        let last = out.last().map_or(0, |r| r.number);
        empty.retain(|r| *r < last);
        if !empty.is_empty() {
            let place = cx.place(i, None, None);
            cx.say(Level::Warning, place, m::empty_rows(&ranges(&empty)));
        }
    }
    out
}

/// "ligne 4", "lignes 4 à 6, 9"
fn ranges(rows: &[u32]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let start = rows[i];
        let mut end = start;
        while i + 1 < rows.len() && rows[i + 1] == end + 1 {
            i += 1;
            end = rows[i];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start} à {end}")
        });
        i += 1;
    }
    let word = if rows.len() > 1 { "lignes" } else { "ligne" };
    format!("{word} {}", parts.join(", "))
}

/// A value as a JSON node, placed at its cell.
fn node(value: &Value, at: Loc) -> Node {
    match value {
        Value::Text(s) => Node::new(Val::Str(s.clone()), Some(at)),
        Value::Number(n) => Node::new(Val::Num(*n), Some(at)),
        Value::Words(words) => Node::new(
            Val::List(
                words
                    .iter()
                    .map(|w| Node::new(Val::Str(w.clone()), Some(at.clone())))
                    .collect(),
            ),
            Some(at),
        ),
    }
}

/// A row's columns as an object: `date.value` into `date`, in column order.
/// `only` keeps the columns whose path starts with it (`date` for the date
/// object); keys of nested columns are then relative to it.
fn object(sheet: usize, row: &Row, prefix: &str) -> Vec<(String, Node)> {
    let mut fields = Vec::new();
    for (c, column) in SHEETS[sheet].columns.iter().enumerate() {
        let Some(path) = column.path else { continue };
        let key = if prefix.is_empty() {
            path
        } else {
            match path.strip_prefix(prefix).and_then(|p| p.strip_prefix('.')) {
                Some(k) => k,
                None => continue,
            }
        };
        if key.contains('.') {
            continue;
        }
        if let Some(v) = &row.values[c] {
            fields.push((
                key.to_string(),
                node(v, loc(sheet, Some(row.number), Some(c))),
            ));
        }
    }
    fields
}

/// A list sheet's row, placed: the record it goes to and the list.
struct Item<'r> {
    row: &'r Row,
    sheet: usize,
    field: &'static str,
}

/// The data file's top-level object from the rows read.
fn build(cx: &mut Ctx, rows: &[Vec<Row>]) -> Vec<(String, Node)> {
    let vocabulary = |list: &str| {
        let s = layout::vocabulary_sheet(list);
        let items = rows[s]
            .iter()
            .map(|r| {
                Node::new(
                    Val::Obj(object(s, r, "")),
                    Some(loc(s, Some(r.number), None)),
                )
            })
            .collect();
        Node::new(Val::List(items), Some(loc(s, None, None)))
    };
    let regions = vocabulary("regions");
    let themes = vocabulary("themes");

    // Records by id: the first of an id gets the list rows naming it.
    let tables = [Table::Agreements, Table::Events];
    let mut by_id: HashMap<String, (Table, usize)> = HashMap::new();
    let mut ids: Vec<String> = Vec::new();
    for table in tables {
        let s = layout::records_sheet(table);
        for (k, row) in rows[s].iter().enumerate() {
            match text(&row.values[0]) {
                Some(id) => {
                    if !by_id.contains_key(&id) {
                        by_id.insert(id.clone(), (table, k));
                        ids.push(id);
                    }
                }
                None => {
                    let place = cx.place(s, Some(row.number), Some(0));
                    cx.say(Level::Error, place, m::NO_ID.into());
                    cx.errored.insert((s, row.number, 0));
                }
            }
        }
    }
    let known: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut items: HashMap<(Table, usize), Vec<Item>> = HashMap::new();
    for (s, sheet) in SHEETS.iter().enumerate() {
        let Rows::List { field, .. } = sheet.rows else {
            continue;
        };
        for row in &rows[s] {
            let place = |c: Option<usize>| cx.place(s, Some(row.number), c);
            if row.values[1..].iter().all(Option::is_none)
                || (field.is_none() && row.values[2..].iter().all(Option::is_none))
            {
                let at = place(None);
                cx.say(Level::Warning, at, m::ROW_WITHOUT_CONTENT.into());
                continue;
            }
            let Some(id) = text(&row.values[0]) else {
                let at = place(Some(0));
                cx.say(Level::Error, at, m::NO_RECORD_ID.into());
                continue;
            };
            let Some(&(table, k)) = by_id.get(&id) else {
                let near = closest(&id, &known);
                let at = place(Some(0));
                cx.say(Level::Error, at, m::unknown_record(&id, near));
                continue;
            };
            let field = match field {
                Some(f) => f,
                None => match text(&row.values[1])
                    .as_deref()
                    .and_then(layout::figure_field)
                {
                    Some(f) => f,
                    // Said already by the cell's reading (not one of the kinds).
                    None => continue,
                },
            };
            if !layout::record_keys(table).contains(&field) {
                let what = match field {
                    "targets" => "objectifs chiffrés",
                    "parties" => "parties signataires",
                    "agreements" => "accords liés",
                    other => other,
                };
                let at = place(Some(0));
                cx.say(
                    Level::Error,
                    at,
                    m::wrong_table(&id, table == Table::Events, what),
                );
                continue;
            }
            items.entry((table, k)).or_default().push(Item {
                row,
                sheet: s,
                field,
            });
        }
    }

    let mut top = vec![
        (
            "$schema".to_string(),
            Node::new(Val::Str("./schema.json".into()), None),
        ),
        ("regions".to_string(), regions),
        ("themes".to_string(), themes),
    ];
    for table in tables {
        let s = layout::records_sheet(table);
        let mut records = Vec::with_capacity(rows[s].len());
        for (k, row) in rows[s].iter().enumerate() {
            let id = text(&row.values[0]);
            // A duplicate's list rows all went to the first of its id.
            let first = id.as_ref().and_then(|id| by_id.get(id)) == Some(&(table, k));
            let mine = if first {
                items.remove(&(table, k))
            } else {
                None
            };
            let items = mine.unwrap_or_default();
            records.push(record(table, s, row, (id, first), items));
        }
        top.push((
            table.key().to_string(),
            Node::new(Val::List(records), Some(loc(s, None, None))),
        ));
    }
    top
}

/// One record: its row's columns and its lists' rows, in the model's order.
fn record(
    table: Table,
    s: usize,
    row: &Row,
    (id, first): (Option<String>, bool),
    items: Vec<Item>,
) -> Node {
    let row_place = loc(s, Some(row.number), None);
    let mut fields: Vec<(String, Node)> = Vec::new();
    let flat = object(s, row, "");
    for key in layout::record_keys(table) {
        if let Some(list) = layout::list_sheet(key) {
            let mine: Vec<Node> = items
                .iter()
                .filter(|it| it.field == *key)
                .map(|it| list_item(it))
                .collect();
            if mine.is_empty() && !layout::ALWAYS_WRITTEN.contains(key) {
                continue;
            }
            // A duplicate's lists are empty (its rows went to the first of
            // its id): what is said of them is said at its own row.
            let at = if first {
                Loc {
                    record: id.as_deref().map(std::rc::Rc::from),
                    ..loc(list, None, None)
                }
            } else {
                row_place.clone()
            };
            fields.push((key.to_string(), Node::new(Val::List(mine), Some(at))));
            continue;
        }
        if let Some((_, n)) = flat.iter().find(|(k, _)| k == key) {
            fields.push((key.to_string(), n.clone()));
            continue;
        }
        let inner = object(s, row, key);
        if !inner.is_empty() || layout::ALWAYS_WRITTEN.contains(key) {
            fields.push((
                key.to_string(),
                Node::new(Val::Obj(inner), Some(row_place.clone())),
            ));
        }
    }
    Node::new(Val::Obj(fields), Some(row_place))
}

/// A list sheet's row as the list's item: a plain value (a theme id) or an
/// object (a party).
fn list_item(it: &Item) -> Node {
    let sheet = &SHEETS[it.sheet];
    let plain = sheet.columns.iter().position(|c| c.path == Some(""));
    match plain {
        Some(c) => match &it.row.values[c] {
            Some(v) => node(v, loc(it.sheet, Some(it.row.number), Some(c))),
            // Unreachable: a row with nothing but its record was skipped.
            None => Node::new(
                Val::Str(String::new()),
                Some(loc(it.sheet, Some(it.row.number), Some(c))),
            ),
        },
        None => Node::new(
            Val::Obj(object(it.sheet, it.row, "")),
            Some(loc(it.sheet, Some(it.row.number), None)),
        ),
    }
}
