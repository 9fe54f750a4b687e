//! How each language writes a number: grouped by thousands ("150 000" /
//! "150,000"), with its decimal mark ("7,5" / "7.5"), and the months'
//! names. The language is always given: this is the leaf every other
//! module of the wording builds on (the words of [`super::fr`] and
//! [`super::en`], the dates of [`super::format`]).

use super::Lang;

/// The thousands separator of `lang`: a narrow no-break space, a comma.
fn group_mark(lang: Lang) -> char {
    match lang {
        Lang::Fr => '\u{202f}',
        Lang::En => ',',
    }
}

/// `whole`'s digits onto `out`, grouped by thousands with `group`.
fn push_grouped(out: &mut String, whole: &str, group: char) {
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
}

/// Grouped by thousands (a narrow no-break space in French, a comma in
/// English), the decimal mark of the language: 150 000 / 150,000, 7,5 /
/// 7.5. The digits are the shortest decimal that reads back as the value
/// ([`crate::data::decimal::plain`]), so a figure shows as the file wrote
/// it: never rounded, never saturated, and zero has no sign. (The validator
/// keeps figures within a thousand billion and three decimals; the very
/// large and the very small it refuses would show in exponent notation.)
pub fn number_as(lang: Lang, value: f64) -> String {
    let group = group_mark(lang);
    let point = match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    };
    let digits = crate::data::decimal::plain(value);
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits.as_str()),
    };
    if digits.contains('e') {
        return format!("{sign}{}", digits.replace('.', &point.to_string()));
    }
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3 + 1);
    out.push_str(sign);
    push_grouped(&mut out, whole, group);
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A count, grouped as [`number_as`] groups: integers need none of the
/// decimal machinery, so the page (which only counts) carries none of it.
pub fn count_as(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() * 2);
    push_grouped(&mut out, &digits, group_mark(lang));
    out
}

/// French month names, lower case as they are written mid-sentence.
pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
