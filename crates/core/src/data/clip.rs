//! Shortens the texts and lists of an oversize record so the page can still
//! show it.
//!
//! A record far larger than any real one means a text was pasted by mistake;
//! browsers take minutes to lay out a megabyte-long unbroken word, and a list
//! of 200,000 items would put 200,000 nodes in the page. Rather than leave
//! such a record out, the page shows it with each long text cut and each
//! long list shortened, marked as such where the list is of texts; the file
//! itself is untouched, and the validator still reports the record (every
//! item of it checked first) so the editor can fix it.

use crate::data::messages as s;
use std::collections::HashSet;

use crate::data::model::{
    Agreement, DateInfo, Event, Excerpt, Party, Person, Place, Quantity, Source,
};

/// Characters kept of one text of an oversize record: more than any real
/// text holds (the longest real excerpt is about 1,100), few enough to lay
/// out at once even as one unbroken word.
pub const SHOWN_CHARS: usize = 2_000;

/// Items kept of one list of an oversize record: ten times the longest real
/// list (8 excerpts), few enough to lay out at once.
pub const SHOWN_ITEMS: usize = 100;

/// Cuts a list to [`SHOWN_ITEMS`]; how many were left out, if any.
fn cut<T>(items: &mut Vec<T>) -> Option<usize> {
    let left_out = items.len().checked_sub(SHOWN_ITEMS).filter(|&n| n > 0)?;
    items.truncate(SHOWN_ITEMS);
    Some(left_out)
}

/// A list of ids (themes, regions, linked records) is a set: a repeated id
/// says nothing more, so repeats go first, then the list is cut.
fn ids(items: &mut Vec<String>) {
    if items.len() > SHOWN_ITEMS {
        let mut seen = HashSet::new();
        items.retain(|id| seen.insert(id.clone()));
        cut(items);
    }
}

/// A list of texts ends with a last item saying how many were left out.
fn texts(items: &mut Vec<String>) {
    if let Some(n) = cut(items) {
        items.push(s::list_clipped(n));
    }
    all(items);
}

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
    opt(&mut d.start_note);
    opt(&mut d.end_note);
}

fn place(p: &mut Option<Place>) {
    if let Some(p) = p {
        opt(&mut p.name);
        opt(&mut p.address);
        opt(&mut p.commune);
    }
}

fn parties(ps: &mut Vec<Party>) {
    // The parties are the card's actors: say there were more, like texts.
    if let Some(n) = cut(ps) {
        ps.push(Party {
            name: s::list_clipped(n),
            acronym: None,
            kind: None,
        });
    }
    for p in ps {
        text(&mut p.name);
        opt(&mut p.acronym);
        opt(&mut p.kind);
    }
}

fn people(ps: &mut Vec<Person>) {
    cut(ps);
    for p in ps {
        text(&mut p.name);
        opt(&mut p.role);
        opt(&mut p.organisation);
        text(&mut p.involvement);
    }
}

fn quantities(qs: &mut Vec<Quantity>) {
    cut(qs);
    for q in qs {
        text(&mut q.unit);
        text(&mut q.label);
    }
}

fn source(src: &mut Source, excerpts: &mut Vec<Excerpt>) {
    text(&mut src.file);
    opt(&mut src.title);
    opt(&mut src.publisher);
    opt(&mut src.note);
    url(&mut src.url);
    cut(excerpts);
    for x in excerpts {
        text(&mut x.text);
        texts(&mut x.supports);
    }
}

/// Ids, codes and dates are left alone: they are checked to be short, and
/// cutting them would break links and filters. Lists of ids lose their
/// repeats, and are cut only beyond that.
pub fn agreement(a: &mut Agreement) {
    text(&mut a.title);
    text(&mut a.kind);
    opt(&mut a.description);
    parties(&mut a.parties);
    people(&mut a.people);
    date(&mut a.date);
    place(&mut a.place);
    ids(&mut a.territory);
    ids(&mut a.themes);
    texts(&mut a.objectives);
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
    ids(&mut e.territory);
    ids(&mut e.agreements);
    ids(&mut e.themes);
    texts(&mut e.objectives);
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

    /// The shipped dataset's first agreement, to blow up.
    fn first_agreement() -> Agreement {
        let json = include_str!("../../../../data/passerelles.json");
        crate::data::catalog::load_json(json)
            .unwrap()
            .catalog
            .agreements[0]
            .clone()
    }

    #[test]
    fn an_oversize_agreement_keeps_its_ids_and_loses_overlong_links() {
        let mut a = first_agreement();
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

    #[test]
    fn long_lists_are_cut_and_lists_of_texts_say_so() {
        let mut a = first_agreement();
        a.objectives = vec!["o".to_string(); 200_000];
        a.parties = vec![a.parties[0].clone(); 200_000];
        a.themes = ["emploi", "rse"]
            .repeat(100_000)
            .into_iter()
            .map(String::from)
            .collect();
        a.excerpts = vec![a.excerpts[0].clone(); 300];
        agreement(&mut a);
        assert_eq!(a.objectives.len(), SHOWN_ITEMS + 1);
        assert_eq!(
            a.objectives[SHOWN_ITEMS],
            s::list_clipped(200_000 - SHOWN_ITEMS)
        );
        assert_eq!(a.parties.len(), SHOWN_ITEMS + 1);
        assert_eq!(a.themes, ["emploi", "rse"]);
        assert_eq!(a.excerpts.len(), SHOWN_ITEMS);
        let short = vec!["x".to_string(); SHOWN_ITEMS];
        let mut same = short.clone();
        texts(&mut same);
        assert_eq!(same, short);
    }
}
