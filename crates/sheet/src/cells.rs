//! One cell read as its column's kind, with what a spreadsheet does to what
//! an editor types understood and said: a date it turned into a day, a code
//! it turned into a number, a French decimal comma, spaces around a text.
//! What can be read without guessing is read, with a warning; what would
//! need a guess is an error that says what to write.

use passerelles_core::data::date::{civil, When};
use passerelles_core::data::decimal;
use passerelles_core::engine::fold::fold;

use crate::grid::Cell;
use crate::layout::Kind;
use crate::messages::{self as m, Level};

/// A cell's value as it goes into the data file.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    /// Words of one cell (an excerpt's `supports`), a JSON list.
    Words(Vec<String>),
}

/// What reading a cell gave: its value, if any, and what was said about it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Read {
    pub value: Option<Value>,
    pub notes: Vec<(Level, String)>,
}

impl Read {
    fn text(s: String) -> Read {
        Read {
            value: Some(Value::Text(s)),
            notes: Vec::new(),
        }
    }

    fn warn(mut self, text: String) -> Read {
        self.notes.push((Level::Warning, text));
        self
    }

    fn error(mut self, text: String) -> Read {
        self.notes.push((Level::Error, text));
        self
    }

    pub fn has_error(&self) -> bool {
        self.notes.iter().any(|(l, _)| *l == Level::Error)
    }
}

/// What the reader knows of the vocabularies, to recognise a region's name or
/// a theme's label typed where its code or id belongs.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// (code, name, English name)
    pub regions: Vec<(String, String, Option<String>)>,
    /// (id, label, English label)
    pub themes: Vec<(String, String, Option<String>)>,
}

/// Serial day 25569 of spreadsheets is 1970-01-01, day 0 of the core's day numbers.
const UNIX_EPOCH_SERIAL: f64 = 25_569.0;

/// Reads `cell` as `kind`. `in_file`: the value goes into the data file,
/// whose validator then says what is wrong with it (a value outside a fixed
/// list is left to it); `precision` is the row's "précision de la date", a
/// hint for a date the spreadsheet turned into a day.
pub fn read(
    cell: &Cell,
    kind: Kind,
    in_file: bool,
    precision: Option<&str>,
    vocab: &Vocabulary,
) -> Read {
    match kind {
        Kind::Text | Kind::Suggested | Kind::Id | Kind::Record => text(cell),
        Kind::Date => date(cell, precision),
        Kind::Time => time(cell),
        Kind::Number => number(cell),
        Kind::Region => region(cell, vocab),
        Kind::Theme => theme(cell, vocab),
        Kind::Choice(values) => choice(cell, values, !in_file),
        Kind::Precision => choice(cell, crate::layout::PRECISIONS, true),
        Kind::Words => words(cell),
    }
}

/// The characters a spreadsheet leaves around a text that no one meant:
/// white space, the no-break spaces French typing puts before « : ».
fn is_stray(c: char) -> bool {
    c.is_whitespace() || c == '\u{A0}' || c == '\u{202F}' || c == '\u{FEFF}'
}

/// A text cell trimmed, a number as its plain digits.
pub fn text(cell: &Cell) -> Read {
    match cell {
        Cell::Empty => Read::default(),
        Cell::Text(t) => {
            let trimmed = t.trim_matches(is_stray);
            if trimmed.is_empty() {
                Read::default()
            } else if trimmed.len() != t.len() {
                Read::text(trimmed.to_string()).warn(m::STRAY_SPACES.into())
            } else {
                Read::text(trimmed.to_string())
            }
        }
        Cell::Number(n) => Read::text(decimal::plain(*n)),
        Cell::Date(d) => Read::default().error(m::date_not_text(&serial_text(*d))),
        Cell::IsoDate(s) | Cell::Duration(s) => Read::default().error(m::date_not_text(s)),
        Cell::Bool(b) => Read::default().error(m::boolean(*b)),
        Cell::Error(e) => Read::default().error(m::spreadsheet_error(e)),
    }
}

/// A spreadsheet serial as the editor would recognise it.
fn serial_text(serial: f64) -> String {
    let (y, mo, d) = civil((serial.floor() - UNIX_EPOCH_SERIAL) as i32);
    let secs = ((serial - serial.floor()) * 86_400.0).round() as u32;
    if secs == 0 {
        format!("{y:04}-{mo:02}-{d:02}")
    } else {
        format!(
            "{y:04}-{mo:02}-{d:02} {:02}:{:02}",
            secs / 3600,
            secs / 60 % 60
        )
    }
}

/// Digits only, as a number.
fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `21/11/2019`, `21.11.2019`, `21-11-2019`, `11/2019`: a French way of
/// writing a date, and the ISO form it stands for.
fn french_date(s: &str) -> Option<Result<String, ()>> {
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    let sep_ok = |n: usize| s.chars().filter(|c| matches!(c, '/' | '.' | '-')).count() == n;
    match parts.as_slice() {
        [d, mo, y] if d.len() <= 2 && mo.len() <= 2 && sep_ok(2) => {
            let (d, mo) = (digits(d)?, digits(mo)?);
            let y = digits(y)?;
            if y < 100 && parts[2].len() <= 2 {
                return Some(Err(()));
            }
            (parts[2].len() == 4 && (1..=12).contains(&mo) && (1..=31).contains(&d))
                .then(|| Ok(format!("{y:04}-{mo:02}-{d:02}")))
        }
        [mo, y] if mo.len() <= 2 && y.len() == 4 && sep_ok(1) => {
            let (mo, y) = (digits(mo)?, digits(y)?);
            (1..=12)
                .contains(&mo)
                .then(|| Ok(format!("{y:04}-{mo:02}")))
        }
        _ => None,
    }
}

/// The serials a date column may hold as plain numbers: 1927-05-18 to
/// 2119-01-11. A spreadsheet that does not mark a date as one (some XLSX
/// formats) leaves such a number; nobody types one as a date.
const SERIALS: std::ops::RangeInclusive<f64> = 10_000.0..=80_000.0;

/// The day of a serial or of an ISO date-time, if it is a whole day.
fn day_of(cell: &Cell) -> Option<Result<(i32, u8, u8), String>> {
    match cell {
        Cell::Number(serial) if SERIALS.contains(serial) => day_of(&Cell::Date(*serial)),
        Cell::Date(serial) => {
            if serial.fract() != 0.0 {
                Some(Err(serial_text(*serial)))
            } else {
                Some(Ok(civil((serial - UNIX_EPOCH_SERIAL) as i32)))
            }
        }
        Cell::IsoDate(s) => {
            let (date, time) = s.split_once('T').unwrap_or((s, ""));
            if !time.trim_start_matches(['0', ':', '.']).is_empty() {
                return Some(Err(s.replace('T', " ")));
            }
            match When::parse(date) {
                Ok(When::On(d)) => match (d.month, d.day) {
                    (Some(mo), Some(day)) => Some(Ok((d.year, mo, day))),
                    _ => None,
                },
                _ => None,
            }
        }
        _ => None,
    }
}

/// A date column: text as the data writes it; what spreadsheets make of a
/// date typed into a cell that is not text, read only when nothing is left
/// to guess.
pub fn date(cell: &Cell, precision: Option<&str>) -> Read {
    if let Some(day) = day_of(cell) {
        let (y, mo, d) = match day {
            Ok(day) => day,
            Err(shown) => return Read::default().error(m::spreadsheet_date_time(&shown)),
        };
        let day = format!("{y:04}-{mo:02}-{d:02}");
        let month = format!("{y:04}-{mo:02}");
        return match precision.map(str::trim) {
            Some("mois") if d == 1 => Read::text(month.clone()).warn(m::spreadsheet_date_read(
                &month,
                " d'après sa précision, « mois »",
            )),
            Some("année") if d == 1 && mo == 1 => {
                let year = format!("{y:04}");
                Read::text(year.clone()).warn(m::spreadsheet_date_read(
                    &year,
                    " d'après sa précision, « année »",
                ))
            }
            Some("intervalle") => Read::default().error(m::spreadsheet_date_in_interval(&day)),
            Some("jour") => Read::text(day.clone()).warn(m::spreadsheet_date_read(&day, "")),
            _ if d != 1 => Read::text(day.clone()).warn(m::spreadsheet_date_read(&day, "")),
            _ => Read::default().error(m::spreadsheet_date_ambiguous(&day, &month)),
        };
    }
    match cell {
        Cell::Number(n) if n.fract() == 0.0 && (1000.0..=9999.0).contains(n) => {
            // A year typed into a cell that is not text: what was typed.
            Read::text(decimal::plain(*n))
        }
        Cell::Number(n) => Read::default().error(m::number_not_date(&decimal::plain(*n))),
        _ => {
            let read = text(cell);
            let Some(Value::Text(s)) = &read.value else {
                return read;
            };
            match french_date(s) {
                Some(Ok(iso)) => {
                    let typed = s.clone();
                    read.error(m::not_iso_date(&typed, &iso))
                }
                Some(Err(())) => {
                    let typed = s.clone();
                    read.error(m::short_year(&typed))
                }
                None => read,
            }
        }
    }
}

/// The precision word of a date value, as the validator's summary says it.
pub fn precision_of(value: Option<&str>) -> Option<&'static str> {
    use passerelles_core::data::date::Precision;
    Some(match value.map(When::parse) {
        None => "inconnue",
        Some(Ok(When::Between(..))) => "intervalle",
        Some(Ok(When::On(d))) => match d.precision() {
            Precision::Day => "jour",
            Precision::Month => "mois",
            Precision::Year => "année",
        },
        Some(Err(_)) => return None,
    })
}

/// `HH:MM` from hours and minutes.
fn hhmm(h: u32, mi: u32) -> String {
    format!("{h:02}:{mi:02}")
}

/// `9h`, `9 h 30`, `9:00`, `09h30`: a time of day as French writes it.
fn french_time(s: &str) -> Option<String> {
    let lower = s.to_lowercase().replace(' ', "");
    let (h, rest) = lower.split_once(['h', ':'])?;
    let rest = rest.strip_suffix(":00").unwrap_or(rest);
    let h: u32 = h.parse().ok().filter(|h: &u32| *h < 24)?;
    let mi: u32 = if rest.is_empty() {
        0
    } else if rest.len() == 2 {
        rest.parse().ok().filter(|mi| *mi < 60)?
    } else {
        return None;
    };
    Some(hhmm(h, mi))
}

/// A time column: `HH:MM` as text; a spreadsheet's time of day read with a
/// warning.
pub fn time(cell: &Cell) -> Read {
    let of_seconds = |secs: u32, shown: &str| {
        if !secs.is_multiple_of(60) {
            return Read::default().error(m::spreadsheet_time_seconds(shown));
        }
        let t = hhmm(secs / 3600, secs / 60 % 60);
        Read::text(t.clone()).warn(m::spreadsheet_time_read(&t))
    };
    match cell {
        // A number of a day's fraction is a time some formats do not mark.
        Cell::Date(serial) | Cell::Number(serial)
            if (0.0..1.0).contains(serial) && *serial > 0.0 =>
        {
            let secs = (serial * 86_400.0).round() as u32;
            of_seconds(secs, &serial_text(*serial))
        }
        Cell::Date(serial) => {
            Read::default().error(m::spreadsheet_date_time(&serial_text(*serial)))
        }
        Cell::Duration(iso) => match duration_seconds(iso) {
            Some(secs) if secs < 86_400 => of_seconds(secs, iso),
            _ => Read::default().error(m::spreadsheet_time_seconds(iso)),
        },
        Cell::IsoDate(s) => Read::default().error(m::spreadsheet_date_time(s)),
        Cell::Number(n) => Read::default().error(m::number_not_time(&decimal::plain(*n))),
        _ => {
            let read = text(cell);
            let Some(Value::Text(s)) = &read.value else {
                return read;
            };
            let well_formed = s.len() == 5 && s.as_bytes()[2] == b':';
            match french_time(s) {
                Some(fixed) if !well_formed => {
                    let typed = s.clone();
                    read.error(m::not_a_time(&typed, &fixed))
                }
                _ => read,
            }
        }
    }
}

/// Seconds of an ISO 8601 duration `PT09H30M00S` (`PT9H30M`, with
/// fractional seconds), as LibreOffice stores a time of day.
fn duration_seconds(iso: &str) -> Option<u32> {
    let rest = iso.strip_prefix("PT")?;
    let mut total = 0f64;
    let mut num = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' | '.' => num.push(c),
            'H' | 'M' | 'S' => {
                let v: f64 = num.parse().ok()?;
                num.clear();
                total += v * match c {
                    'H' => 3600.0,
                    'M' => 60.0,
                    _ => 1.0,
                };
            }
            _ => return None,
        }
    }
    num.is_empty().then_some(total.round() as u32)
}

/// Digits with at most one `.`, an optional `-`: what JSON writes.
fn plain_number(s: &str) -> Option<f64> {
    let body = s.strip_prefix('-').unwrap_or(s);
    let ok = !body.is_empty()
        && body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && body.bytes().filter(|b| *b == b'.').count() <= 1
        && !body.starts_with('.')
        && !body.ends_with('.');
    ok.then(|| s.parse().ok()).flatten()
}

/// A number column: a number cell, or a text the French way (`3,5`, `1 200`).
pub fn number(cell: &Cell) -> Read {
    match cell {
        Cell::Empty => Read::default(),
        Cell::Number(n) => Read {
            value: Some(Value::Number(*n)),
            notes: Vec::new(),
        },
        Cell::Date(_) | Cell::IsoDate(_) | Cell::Duration(_) => {
            Read::default().error(m::not_a_number_cell(m::A_DATE))
        }
        Cell::Bool(_) => Read::default().error(m::not_a_number_cell(m::A_BOOLEAN)),
        Cell::Error(e) => Read::default().error(m::spreadsheet_error(e)),
        Cell::Text(_) => {
            let read = text(cell);
            let Some(Value::Text(s)) = read.value.clone() else {
                return read;
            };
            let mut out = Read {
                value: None,
                notes: read.notes,
            };
            if let Some(n) = plain_number(&s) {
                out.value = Some(Value::Number(n));
                return out;
            }
            let french: String = s
                .chars()
                .filter(|c| !matches!(c, ' ' | '\u{A0}' | '\u{202F}'))
                .map(|c| if c == ',' { '.' } else { c })
                .collect();
            // Spaces only between groups of three digits, one comma at most.
            let groups_ok = s
                .split([' ', '\u{A0}', '\u{202F}'])
                .skip(1)
                .all(|g| g.len() >= 3 && g.bytes().take(3).all(|b| b.is_ascii_digit()));
            match plain_number(&french) {
                Some(n) if groups_ok && s.matches(',').count() <= 1 && !s.contains('.') => {
                    out.value = Some(Value::Number(n));
                    out.warn(m::number_read(&s, &decimal::plain(n)))
                }
                _ => out.error(m::not_a_number(&s)),
            }
        }
    }
}

/// The value of a fixed list: as typed, or read whatever its case and
/// accents. Anything else is an error if `strict`, else left to the
/// validator.
pub fn choice(cell: &Cell, values: &[&str], strict: bool) -> Read {
    let read = text(cell);
    let Some(Value::Text(s)) = &read.value else {
        return read;
    };
    if values.contains(&s.as_str()) {
        return read;
    }
    let folded = fold(s);
    match values.iter().find(|v| fold(v) == folded) {
        Some(v) => {
            let typed = s.clone();
            Read {
                value: Some(Value::Text(v.to_string())),
                notes: read.notes,
            }
            .warn(m::choice_case(&typed, v))
        }
        None if strict => {
            let typed = s.clone();
            read.error(m::not_a_choice(&typed, values))
        }
        None => read,
    }
}

/// A region code: a number the spreadsheet made of `04` read back as the
/// code, a region's name refused with its code.
pub fn region(cell: &Cell, vocab: &Vocabulary) -> Read {
    if let Cell::Number(n) = cell {
        let code = format!("{:02}", *n as i64);
        if n.fract() == 0.0 && *n >= 0.0 && vocab.regions.iter().any(|(c, ..)| *c == code) {
            return Read::text(code.clone()).warn(m::region_number(&decimal::plain(*n), &code));
        }
    }
    let read = text(cell);
    let Some(Value::Text(s)) = &read.value else {
        return read;
    };
    if vocab.regions.iter().any(|(c, ..)| c == s) {
        return read;
    }
    let folded = fold(s);
    let named = vocab.regions.iter().find(|(_, name, en)| {
        fold(name) == folded || en.as_deref().is_some_and(|en| fold(en) == folded)
    });
    match named {
        Some((code, ..)) => {
            let typed = s.clone();
            read.error(m::region_name(&typed, code))
        }
        None => read,
    }
}

/// A theme id: a theme's label refused with its id.
pub fn theme(cell: &Cell, vocab: &Vocabulary) -> Read {
    let read = text(cell);
    let Some(Value::Text(s)) = &read.value else {
        return read;
    };
    if vocab.themes.iter().any(|(id, ..)| id == s) {
        return read;
    }
    let folded = fold(s);
    let labelled = vocab.themes.iter().find(|(id, label, en)| {
        *id != s.as_str()
            && (fold(label) == folded || en.as_deref().is_some_and(|en| fold(en) == folded))
    });
    match labelled {
        Some((id, ..)) => {
            let typed = s.clone();
            read.error(m::theme_label(&typed, id))
        }
        None => read,
    }
}

/// Words of one cell separated by commas (or semicolons): always a list,
/// empty when the cell is.
pub fn words(cell: &Cell) -> Read {
    let read = text(cell);
    let list = match &read.value {
        Some(Value::Text(s)) => s
            .split([',', ';'])
            .map(|w| w.trim_matches(is_stray))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    };
    Read {
        value: Some(Value::Words(list)),
        notes: read.notes,
    }
}

/// How a list of words is written in its cell.
pub fn join_words(words: &[String]) -> String {
    words.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    fn value(r: &Read) -> Option<&str> {
        match &r.value {
            Some(Value::Text(s)) => Some(s),
            _ => None,
        }
    }

    #[test]
    fn a_french_date_is_refused_with_its_iso_form() {
        let r = date(&t("21/11/2019"), None);
        assert_eq!(
            r.notes,
            [(
                Level::Error,
                "« 21/11/2019 » n'est pas une date ISO ; écrivez 2019-11-21".into()
            )]
        );
        let r = date(&t("11/2019"), None);
        assert_eq!(
            r.notes[0].1,
            "« 11/2019 » n'est pas une date ISO ; écrivez 2019-11"
        );
        let r = date(&t("1.2.2020"), None);
        assert_eq!(
            r.notes[0].1,
            "« 1.2.2020 » n'est pas une date ISO ; écrivez 2020-02-01"
        );
        assert!(date(&t("21/11/19"), None).has_error());
        for ok in [
            "2019-11-21",
            "2015-11",
            "2019",
            "../2015-07-10",
            "2007-11-12/2007-12-31",
        ] {
            let r = date(&t(ok), None);
            assert_eq!((value(&r), r.notes.len()), (Some(ok), 0), "{ok}");
        }
    }

    #[test]
    fn a_spreadsheet_date_is_read_only_when_unambiguous() {
        // 2019-11-21 is serial 43790; 2015-11-01 is 42309.
        let r = date(&Cell::Date(43790.0), None);
        assert_eq!(value(&r), Some("2019-11-21"));
        assert_eq!(r.notes[0].0, Level::Warning);
        let r = date(&Cell::Date(42309.0), None);
        assert!(r.has_error(), "{r:?}");
        assert!(r.notes[0].1.contains("2015-11-01") && r.notes[0].1.contains("2015-11"));
        let r = date(&Cell::Date(42309.0), Some("mois"));
        assert_eq!(value(&r), Some("2015-11"));
        let r = date(&Cell::Date(42309.0), Some("jour"));
        assert_eq!(value(&r), Some("2015-11-01"));
        assert!(date(&Cell::Date(42309.0), Some("intervalle")).has_error());
        assert!(date(&Cell::Date(43790.5), None).has_error());
        let r = date(&Cell::IsoDate("2019-11-21T00:00:00".into()), None);
        assert_eq!(value(&r), Some("2019-11-21"));
        let r = date(&Cell::Number(2019.0), None);
        assert_eq!((value(&r), r.notes.len()), (Some("2019"), 0));
    }

    #[test]
    fn numbers_the_french_way() {
        for (typed, n) in [
            ("3,5", 3.5),
            ("1 200", 1200.0),
            ("1\u{202F}200,25", 1200.25),
            ("-2,5", -2.5),
        ] {
            let r = number(&t(typed));
            assert_eq!(r.value, Some(Value::Number(n)), "{typed}");
            assert_eq!(r.notes[0].0, Level::Warning, "{typed}");
        }
        let r = number(&t("12.5"));
        assert_eq!((r.value, r.notes.len()), (Some(Value::Number(12.5)), 0));
        for bad in ["environ 30", "1,2,3", "12 %", "1 2", "1.200,5"] {
            assert!(number(&t(bad)).has_error(), "{bad}");
        }
    }

    #[test]
    fn times_the_french_way() {
        let r = time(&t("9h"));
        assert_eq!(
            r.notes[0].1,
            "« 9h » n'est pas une heure HH:MM ; écrivez 09:00"
        );
        assert_eq!(
            time(&t("9 h 30")).notes[0].1,
            "« 9 h 30 » n'est pas une heure HH:MM ; écrivez 09:30"
        );
        assert_eq!(
            time(&t("9:00")).notes[0].1,
            "« 9:00 » n'est pas une heure HH:MM ; écrivez 09:00"
        );
        let r = time(&Cell::Date(0.375));
        assert_eq!((value(&r), r.notes[0].0), (Some("09:00"), Level::Warning));
        let r = time(&Cell::Duration("PT14H00M00S".into()));
        assert_eq!(value(&r), Some("14:00"));
        assert!(time(&t("09:00")).notes.is_empty());
    }

    #[test]
    fn numbers_some_formats_leave_for_dates_and_times() {
        // 2024-04-12 as a bare serial, 09:30 as a bare fraction of a day.
        let r = date(&Cell::Number(45394.0), None);
        assert_eq!(
            (value(&r), r.notes[0].0),
            (Some("2024-04-12"), Level::Warning)
        );
        let r = time(&Cell::Number(0.395_833_333_333_333_3));
        assert_eq!((value(&r), r.notes[0].0), (Some("09:30"), Level::Warning));
        assert!(date(&Cell::Number(123.0), None).has_error());
        assert!(time(&Cell::Number(9.0)).has_error());
    }

    #[test]
    fn codes_and_labels() {
        let vocab = Vocabulary {
            regions: vec![("04".into(), "La Réunion".into(), Some("Réunion".into()))],
            themes: vec![("insertion".into(), "Insertion et IAE".into(), None)],
        };
        let r = region(&Cell::Number(4.0), &vocab);
        assert_eq!((value(&r), r.notes[0].0), (Some("04"), Level::Warning));
        let r = region(&t("la reunion"), &vocab);
        assert_eq!(
            r.notes[0].1,
            "« la reunion » est le nom d'une région : écrivez son code, 04"
        );
        let r = theme(&t("Insertion et IAE"), &vocab);
        assert_eq!(
            r.notes[0].1,
            "« Insertion et IAE » est le libellé d'un thème : écrivez son identifiant, insertion"
        );
        assert!(theme(&t("emploie"), &vocab).notes.is_empty());
    }

    #[test]
    fn stray_spaces_are_said() {
        let r = text(&t("  Saint-André\u{A0}"));
        assert_eq!(value(&r), Some("Saint-André"));
        assert_eq!(r.notes, [(Level::Warning, m::STRAY_SPACES.to_string())]);
        assert_eq!(text(&t("   ")), Read::default());
    }
}
