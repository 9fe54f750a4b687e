//! The date widget's model: a record's `date.value` (EDTF, see
//! `passerelles_core::data::date`) as the parts an editor fills in: a day,
//! a month, a year, an interval whose ends are each open or a day, a month
//! or a year, or unknown. The widget writes the value from the parts; the
//! validator, not this, says whether the value is right (an impossible
//! day, an interval the wrong way round, a bound without its note), with
//! the same code as the command-line tools.

/// How precise the text is about the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    /// The text gives no date (`value` absent).
    #[default]
    Unknown,
    Day,
    Month,
    Year,
    /// The text bounds the date without giving it.
    Interval,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Day,
        Kind::Month,
        Kind::Year,
        Kind::Interval,
        Kind::Unknown,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Unknown => "unknown",
            Kind::Day => "day",
            Kind::Month => "month",
            Kind::Year => "year",
            Kind::Interval => "interval",
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum End {
    /// The text sets no bound on this side (`..`).
    #[default]
    Open,
    Day,
    Month,
    Year,
}

impl End {
    pub const ALL: [End; 4] = [End::Open, End::Day, End::Month, End::Year];

    pub fn key(self) -> &'static str {
        match self {
            End::Open => "open",
            End::Day => "day",
            End::Month => "month",
            End::Year => "year",
        }
    }

    pub fn from_key(key: &str) -> Option<End> {
        End::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A date as typed: its year, month and day, each as the editor wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Point {
    pub year: String,
    pub month: String,
    pub day: String,
}

impl Point {
    /// `2019-11-21`, `2019-11`, `2019` read into parts.
    fn parse(text: &str) -> Point {
        let mut parts = text.splitn(3, '-');
        Point {
            year: parts.next().unwrap_or_default().to_string(),
            month: parts.next().unwrap_or_default().to_string(),
            day: parts.next().unwrap_or_default().to_string(),
        }
    }

    /// The parts `precision` keeps, written as EDTF writes them: a month
    /// or a day typed as one digit gets its zero.
    fn write(&self, precision: End) -> String {
        let two = |s: &str| {
            let s = s.trim();
            if s.len() == 1 {
                format!("0{s}")
            } else {
                s.to_string()
            }
        };
        let year = self.year.trim();
        match precision {
            End::Open => "..".to_string(),
            End::Year => year.to_string(),
            End::Month => format!("{year}-{}", two(&self.month)),
            End::Day => format!("{year}-{}-{}", two(&self.month), two(&self.day)),
        }
    }

    /// The day as an `<input type=date>` holds it (`YYYY-MM-DD`), if whole.
    pub fn iso_day(&self) -> String {
        if self.year.is_empty() || self.month.is_empty() || self.day.is_empty() {
            String::new()
        } else {
            self.write(End::Day)
        }
    }

    /// From an `<input type=date>`'s value.
    pub fn from_iso_day(text: &str) -> Point {
        Point::parse(text)
    }

    fn precision(&self) -> End {
        if !self.day.is_empty() {
            End::Day
        } else if !self.month.is_empty() {
            End::Month
        } else {
            End::Year
        }
    }
}

/// The date's parts, as the widget shows them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parts {
    pub kind: Kind,
    /// The date, for a day, a month or a year.
    pub on: Point,
    /// An interval's ends: how precise each is, and its date.
    pub start: (End, Point),
    pub end: (End, Point),
}

impl Parts {
    /// The parts of a `date.value` (absent: unknown). A value the widget
    /// cannot take apart is kept as a year, so the editor sees it and the
    /// validator says what is wrong with it.
    pub fn of(value: Option<&str>) -> Parts {
        let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            return Parts::default();
        };
        if let Some((a, b)) = value.split_once('/') {
            let end = |s: &str| match s {
                ".." | "" => (End::Open, Point::default()),
                s => {
                    let p = Point::parse(s);
                    (p.precision(), p)
                }
            };
            return Parts {
                kind: Kind::Interval,
                start: end(a),
                end: end(b),
                ..Parts::default()
            };
        }
        let on = Point::parse(value);
        let kind = match on.precision() {
            End::Day => Kind::Day,
            End::Month => Kind::Month,
            _ => Kind::Year,
        };
        Parts {
            kind,
            on,
            ..Parts::default()
        }
    }

    /// The `date.value` the parts write (none for an unknown date).
    pub fn value(&self) -> Option<String> {
        // A date not typed yet is no date: nothing for the validator to
        // refuse while the editor has only chosen its kind.
        let typed = !self.on.year.trim().is_empty();
        match self.kind {
            Kind::Unknown => None,
            Kind::Day | Kind::Month | Kind::Year if !typed => None,
            Kind::Day => Some(self.on.write(End::Day)),
            Kind::Month => Some(self.on.write(End::Month)),
            Kind::Year => Some(self.on.write(End::Year)),
            Kind::Interval => Some(format!(
                "{}/{}",
                self.start.1.write(self.start.0),
                self.end.1.write(self.end.0)
            )),
        }
    }

    /// Which notes the validator asks for with this value: the text's
    /// words (an interval), a note on the start, a note on the end.
    pub fn needs(&self) -> (bool, bool, bool) {
        let interval = self.kind == Kind::Interval;
        (
            interval,
            interval && self.start.0 != End::Open,
            interval && self.end.0 != End::Open,
        )
    }

    /// Switching kinds keeps what was typed that still fits: the date of a
    /// day becomes the start of an interval, an interval's start a date.
    pub fn with_kind(&self, kind: Kind) -> Parts {
        let mut next = self.clone();
        if kind == Kind::Interval && self.kind != Kind::Interval && self.kind != Kind::Unknown {
            let precision = match self.kind {
                Kind::Day => End::Day,
                Kind::Month => End::Month,
                _ => End::Year,
            };
            next.start = (precision, self.on.clone());
        } else if self.kind == Kind::Interval && kind != Kind::Interval {
            if let Some((_, p)) = [&self.start, &self.end]
                .into_iter()
                .find(|e| e.0 != End::Open)
            {
                next.on = p.clone();
            }
        }
        next.kind = kind;
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use passerelles_core::data::date::When;

    #[test]
    fn each_value_of_the_readme_comes_back_from_its_parts() {
        for value in [
            "2019-11-21",
            "2015-11",
            "2007",
            "../2015-07-10",
            "2007-11-12/..",
            "2007-11-12/2007-12-31",
            "2015-11/2015-11-30",
        ] {
            let parts = Parts::of(Some(value));
            assert_eq!(parts.value().as_deref(), Some(value), "{parts:?}");
            assert!(When::parse(value).is_ok());
        }
        assert_eq!(Parts::of(None).value(), None);
        assert_eq!(Parts::of(None).with_kind(Kind::Day).value(), None);
        assert_eq!(Parts::of(Some(" ")).kind, Kind::Unknown);
    }

    #[test]
    fn the_widget_writes_edtf_from_what_is_typed() {
        let mut p = Parts {
            kind: Kind::Interval,
            ..Parts::default()
        };
        p.end = (End::Day, Point::from_iso_day("2015-07-10"));
        assert_eq!(p.value().as_deref(), Some("../2015-07-10"));
        assert_eq!(p.needs(), (true, false, true));
        p.start = (
            End::Month,
            Point {
                year: "2015".into(),
                month: "6".into(),
                day: String::new(),
            },
        );
        assert_eq!(p.value().as_deref(), Some("2015-06/2015-07-10"));
        assert_eq!(p.needs(), (true, true, true));
        // Both ends open is what the validator refuses, by its own words.
        let open = Parts {
            kind: Kind::Interval,
            ..Parts::default()
        };
        assert_eq!(open.value().as_deref(), Some("../.."));
        assert!(When::parse("../..").is_err());
    }

    #[test]
    fn switching_kinds_keeps_the_date_typed() {
        let day = Parts::of(Some("2019-11-21"));
        let interval = day.with_kind(Kind::Interval);
        assert_eq!(interval.value().as_deref(), Some("2019-11-21/.."));
        let back = interval.with_kind(Kind::Month);
        assert_eq!(back.value().as_deref(), Some("2019-11"));
        assert_eq!(day.on.iso_day(), "2019-11-21");
        assert_eq!(Parts::of(Some("2019")).on.iso_day(), "");
    }
}
