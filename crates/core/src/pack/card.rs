//! A record as the result list shows it, worded once when the pack is made:
//! its id, title, type, kind, date (an agreement a text only announces
//! says so first: "Annoncé · entre le 12 novembre et le 31 décembre
//! 2007"), place, who is behind it and its themes.
//!
//! ```text
//! card := str id, str title, u8 type (0 agreement, 1 event), str kind,
//!         str date, str place, count × str actor, count × varint theme
//! ```
//! Strings are a varint length and UTF-8 bytes ([`crate::wire`]); a theme
//! is its position in the pack's theme vocabulary.

use crate::data::catalog::{Catalog, RecordRef, RecordType};
use crate::pack::phrase;
use crate::wire::{self, Corrupt, Reader, Writer};

/// A record as the result list shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Card<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub record_type: RecordType,
    /// "Convention de partenariat", capitalised.
    pub kind: &'a str,
    /// "21 novembre 2019", "au plus tard le 10 juillet 2015", "Date
    /// inconnue (« dernièrement »)"; for an agreement a text only
    /// announces, its status first ("Annoncé · …", in the pack's
    /// language).
    pub date: &'a str,
    /// The most precise place the text gives, else the territory; may be empty.
    pub place: &'a str,
    /// The parties of an agreement (by acronym when they have one), the
    /// organiser of an event; each laid out on its own.
    pub actors: Vec<&'a str>,
    /// Positions in the theme vocabulary.
    pub themes: Vec<usize>,
}

/// Writes the card of record `index` of the catalog.
pub fn write_card(w: &mut Writer, catalog: &Catalog, index: usize) {
    let entry = &catalog.entries[index];
    let record = catalog.record(index);
    let (kind, status, date, place) = match record {
        RecordRef::Agreement(a) => (&a.kind, a.status, &a.date, a.place.as_ref()),
        RecordRef::Event(e) => (&e.kind, None, &e.date, e.place.as_ref()),
    };
    w.str(&entry.id);
    w.str(&entry.title);
    w.u8(type_code(entry.record_type));
    w.str(&phrase::capitalised(kind));
    let date = phrase::record_date_label(date, status);
    w.str(&match phrase::status_label(status) {
        "" => date,
        status => format!("{} · {date}", phrase::capitalised(status)),
    });
    let place = match place {
        Some(p) => phrase::place_label(p, catalog),
        None => phrase::territory_label(&entry.territory, catalog),
    };
    w.str(&place);
    let actors = phrase::actors(record);
    w.usize(actors.len());
    for a in actors {
        w.str(a);
    }
    let themes: Vec<usize> = entry
        .themes
        .iter()
        .filter_map(|t| catalog.themes.iter().position(|x| &x.id == t))
        .collect();
    w.usize(themes.len());
    for t in themes {
        w.usize(t);
    }
}

fn type_code(t: RecordType) -> u8 {
    match t {
        RecordType::Agreement => 0,
        RecordType::Event => 1,
    }
}

pub fn read_card(bytes: &[u8]) -> wire::Result<Card<'_>> {
    let mut r = Reader::new(bytes);
    let id = r.str()?;
    let title = r.str()?;
    let record_type = match r.u8()? {
        0 => RecordType::Agreement,
        1 => RecordType::Event,
        _ => return Err(Corrupt),
    };
    let kind = r.str()?;
    let date = r.str()?;
    let place = r.str()?;
    let actors = r.list(Reader::str)?;
    let themes = r.list(Reader::usize)?;
    if !r.is_done() {
        return Err(Corrupt);
    }
    Ok(Card {
        id,
        title,
        record_type,
        kind,
        date,
        place,
        actors,
        themes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::catalog::load_json;

    fn bundled() -> Catalog {
        load_json(include_str!("../../../../data/passerelles.json"))
            .unwrap()
            .catalog
    }

    #[test]
    fn cards_read_back_what_was_written() {
        let catalog = bundled();
        let i = catalog.position("ag-2019-cpme-reunion-ursiae").unwrap();
        let mut w = Writer::new();
        write_card(&mut w, &catalog, i);
        let bytes = w.into_bytes();
        let card = read_card(&bytes).unwrap();
        assert_eq!(card.id, "ag-2019-cpme-reunion-ursiae");
        assert_eq!(card.record_type, RecordType::Agreement);
        assert_eq!(card.kind, "Convention de partenariat");
        assert_eq!(card.date, "21 novembre 2019");
        assert_eq!(card.actors, ["CPME Réunion", "URSIAE Réunion-Mayotte"]);
        assert!(card.place.contains("Saint-André"), "{}", card.place);
        let labels: Vec<&str> = card
            .themes
            .iter()
            .map(|&t| catalog.themes[t].id.as_str())
            .collect();
        assert_eq!(labels, catalog.entries[i].themes);
    }

    #[test]
    fn an_announced_agreement_says_so_and_its_bounds_are_worded() {
        let catalog = bundled();
        let card_of = |id: &str| {
            let mut w = Writer::new();
            write_card(&mut w, &catalog, catalog.position(id).unwrap());
            w.into_bytes()
        };
        let bytes = card_of("ag-2007-usgeres-accord-diversite");
        let card = read_card(&bytes).unwrap();
        assert_eq!(
            card.date,
            "Annoncé · prévu entre le 12 novembre et le 31 décembre 2007"
        );
        assert_eq!(card.actors, ["USGERES", "les pouvoirs publics"]);
        let bytes = card_of("ag-2015-prefecture-idf-cgpme-idf");
        let card = read_card(&bytes).unwrap();
        assert_eq!(card.date, "au plus tard le 10 juillet 2015");
        let bytes = card_of("ev-2015-rencontre-structures-iae");
        assert_eq!(
            read_card(&bytes).unwrap().date,
            "entre novembre et le 13 novembre 2015"
        );
        crate::wording::set_lang(crate::wording::Lang::En);
        let bytes = card_of("ag-2007-usgeres-accord-diversite");
        crate::wording::set_lang(crate::wording::Lang::Fr);
        let card = read_card(&bytes).unwrap();
        assert_eq!(
            card.date,
            "Announced · planned between 12 November and 31 December 2007"
        );
        for cut in 0..bytes.len() {
            assert!(read_card(&bytes[..cut]).is_err());
        }
    }
}
