//! Shortens the texts of an oversize record so the page can still show it.
//!
//! A record far larger than any real one means a text was pasted by mistake;
//! browsers take minutes to lay out a megabyte-long unbroken word. Rather than
//! leave such a record out, the page shows it with each long text cut and
//! marked as cut; the file itself is untouched, and the validator still
//! reports the record so the editor can fix it.

use crate::data::messages as s;
use crate::data::model::{
    Agreement, DateInfo, Event, Excerpt, Party, Person, Place, Quantity, Source,
};

/// Characters kept of one text of an oversize record: more than any real
/// text holds (the longest real excerpt is about 1,100), few enough to lay
/// out at once even as one unbroken word.
pub const SHOWN_CHARS: usize = 2_000;

fn text(t: &mut String) {
    if let Some((cut, _)) = t.char_indices().nth(SHOWN_CHARS) {
        t.truncate(cut);
        t.push_str(s::TEXT_CLIPPED);
    }
}

fn opt(t: &mut Option<String>) {
    if let Some(t) = t {
        text(t);
    }
}

fn all(ts: &mut [String]) {
    ts.iter_mut().for_each(text);
}

/// A cut link would lead elsewhere: an over-long one is dropped instead.
fn url(u: &mut Option<String>) {
    if u.as_ref()
        .is_some_and(|u| u.chars().nth(SHOWN_CHARS).is_some())
    {
        *u = None;
    }
}

fn date(d: &mut DateInfo) {
    opt(&mut d.text);
    opt(&mut d.note);
}

fn place(p: &mut Option<Place>) {
    if let Some(p) = p {
        opt(&mut p.name);
        opt(&mut p.address);
        opt(&mut p.commune);
    }
}

fn parties(ps: &mut [Party]) {
    for p in ps {
        text(&mut p.name);
        opt(&mut p.acronym);
        opt(&mut p.kind);
    }
}

fn people(ps: &mut [Person]) {
    for p in ps {
        text(&mut p.name);
        opt(&mut p.role);
        opt(&mut p.organisation);
        text(&mut p.involvement);
    }
}

fn quantities(qs: &mut [Quantity]) {
    for q in qs {
        text(&mut q.unit);
        text(&mut q.label);
    }
}

fn source(src: &mut Source, excerpts: &mut [Excerpt]) {
    text(&mut src.file);
    opt(&mut src.title);
    opt(&mut src.publisher);
    opt(&mut src.note);
    url(&mut src.url);
    for x in excerpts {
        text(&mut x.text);
        all(&mut x.supports);
    }
}

/// Ids, codes and dates are left alone: they are checked to be short, and
/// cutting them would break links and filters.
pub fn agreement(a: &mut Agreement) {
    text(&mut a.title);
    text(&mut a.kind);
    opt(&mut a.description);
    parties(&mut a.parties);
    people(&mut a.people);
    date(&mut a.date);
    place(&mut a.place);
    all(&mut a.objectives);
    quantities(&mut a.targets);
    quantities(&mut a.figures);
    source(&mut a.source, &mut a.excerpts);
}

pub fn event(e: &mut Event) {
    text(&mut e.title);
    text(&mut e.kind);
    opt(&mut e.description);
    date(&mut e.date);
    place(&mut e.place);
    opt(&mut e.organiser);
    opt(&mut e.audience);
    all(&mut e.objectives);
    people(&mut e.people);
    quantities(&mut e.figures);
    if let Some(r) = &mut e.registration {
        text(&mut r.text);
        url(&mut r.url);
    }
    source(&mut e.source, &mut e.excerpts);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_cut_on_a_character_boundary_and_marked() {
        let mut t = "é".repeat(SHOWN_CHARS + 5);
        text(&mut t);
        assert!(t.ends_with(s::TEXT_CLIPPED));
        assert_eq!(
            t.trim_end_matches(s::TEXT_CLIPPED).chars().count(),
            SHOWN_CHARS
        );
        let mut short = "court".to_string();
        text(&mut short);
        assert_eq!(short, "court");
    }

    #[test]
    fn an_oversize_agreement_keeps_its_ids_and_loses_overlong_links() {
        let json = include_str!("../../data/passerelles.json");
        let mut a = crate::data::catalog::load_json(json)
            .unwrap()
            .catalog
            .agreements[0]
            .clone();
        a.title = "A".repeat(1 << 20);
        a.source.url = Some(format!("https://example.org/{}", "x".repeat(5000)));
        a.excerpts[0].text = "B".repeat(10_000);
        let id = a.id.clone();
        let themes = a.themes.clone();
        agreement(&mut a);
        assert!(a.title.chars().count() < SHOWN_CHARS + 100);
        assert!(a.excerpts[0].text.ends_with(s::TEXT_CLIPPED));
        assert_eq!(a.source.url, None);
        assert_eq!((a.id, a.themes), (id, themes));
    }
}
