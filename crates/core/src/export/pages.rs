//! Where the site's pages of one facet value are: a page per theme, per
//! region, per type and per theme in a region, written at build time
//! (crates/build/src/bin/prerender.rs) and linked from the chips of the
//! cards and the detail.
//!
//! Paths are from the site's root, the same in both languages (the English
//! page is the French path under `en/`, which is how the language switch
//! and the `hreflang` links find a page's twin), and stable:
//!
//! - `themes/<id>/`: the theme's id, what `?theme=` says already (ids are
//!   lower-case letters, digits and hyphens, and editors are told never to
//!   change one once published);
//! - `regions/<slug>/`: the region's INSEE name folded (`la-reunion`), not
//!   its code (`04` tells a reader nothing), and the same slug as its
//!   calendar's file name (`evenements-region-la-reunion.ics`). The names
//!   are the INSEE list's, fixed like the codes ([`REGION_SLUGS`]), so the
//!   English page, whose vocabulary names Brittany, still finds `bretagne`;
//! - `types/<key>/`: `agreement` or `event`, as `?type=` says;
//! - `themes/<id>/<region slug>/`: a theme in a region ("the insertion
//!   agreements in La Réunion"), written only where a record of that very
//!   region has that theme.

use crate::data::catalog::RecordType;
use crate::engine::filter::FilterState;

/// The folder of each kind of page, from the site's root.
pub const THEMES: &str = "themes/";
pub const REGIONS: &str = "regions/";
pub const TYPES: &str = "types/";

/// Every region code the validator accepts (`data::model::REGION_CODES`)
/// and the slug of its INSEE name, the folder of its page. A table, not a
/// fold of the name at run time: the page's wasm then carries no folding
/// code for it, and the English vocabulary's names (Brittany, Réunion) do
/// not move the English pages away from their French twins. A test checks
/// it against the shipped data's names.
pub const REGION_SLUGS: [(&str, &str); 19] = [
    ("FR", "portee-nationale"),
    ("01", "guadeloupe"),
    ("02", "martinique"),
    ("03", "guyane"),
    ("04", "la-reunion"),
    ("06", "mayotte"),
    ("11", "ile-de-france"),
    ("24", "centre-val-de-loire"),
    ("27", "bourgogne-franche-comte"),
    ("28", "normandie"),
    ("32", "hauts-de-france"),
    ("44", "grand-est"),
    ("52", "pays-de-la-loire"),
    ("53", "bretagne"),
    ("75", "nouvelle-aquitaine"),
    ("76", "occitanie"),
    ("84", "auvergne-rhone-alpes"),
    ("93", "provence-alpes-cote-d-azur"),
    ("94", "corse"),
];

/// The folder name of region `code`'s page, for a code the validator knows.
pub fn region_slug(code: &str) -> Option<&'static str> {
    REGION_SLUGS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|&(_, slug)| slug)
}

/// One facet value, or a theme in a region: what a page of its own lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet<'a> {
    Theme(&'a str),
    Region(&'a str),
    Type(RecordType),
    ThemeIn(&'a str, &'a str),
}

impl Facet<'_> {
    /// The filter the page is the view of: what `?theme=…` (`?region=…`,
    /// `?type=…`, both) lists.
    pub fn filter(&self) -> FilterState {
        let mut f = FilterState::default();
        match *self {
            Facet::Theme(t) => {
                f.themes.insert(t.to_string());
            }
            Facet::Region(r) => {
                f.regions.insert(r.to_string());
            }
            Facet::Type(t) => {
                f.types.insert(t);
            }
            Facet::ThemeIn(t, r) => {
                f.themes.insert(t.to_string());
                f.regions.insert(r.to_string());
            }
        }
        f
    }

    /// Its page, from the site's root (`themes/insertion/la-reunion/`); none
    /// for a region code outside the INSEE list, or an id that would not
    /// make a folder (a `?data=` file's vocabulary is not checked as ours).
    pub fn path(&self) -> Option<String> {
        let id = |t: &str| {
            (!t.is_empty()
                && t.len() <= 120
                && t.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
            .then_some(())
        };
        Some(match *self {
            Facet::Theme(t) => {
                id(t)?;
                format!("{THEMES}{t}/")
            }
            Facet::Region(r) => format!("{REGIONS}{}/", region_slug(r)?),
            Facet::Type(t) => format!("{TYPES}{}/", t.key()),
            Facet::ThemeIn(t, r) => {
                id(t)?;
                format!("{THEMES}{t}/{}/", region_slug(r)?)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::REGION_CODES;

    #[test]
    fn every_page_has_a_readable_folder() {
        assert_eq!(
            Facet::Theme("insertion").path().as_deref(),
            Some("themes/insertion/")
        );
        assert_eq!(
            Facet::Region("04").path().as_deref(),
            Some("regions/la-reunion/")
        );
        assert_eq!(
            Facet::Type(RecordType::Event).path().as_deref(),
            Some("types/event/")
        );
        assert_eq!(
            Facet::ThemeIn("insertion", "04").path().as_deref(),
            Some("themes/insertion/la-reunion/")
        );
        // Nothing that is not a plain folder name.
        for bad in ["", "../x", "a/b", "A", "é", "a b", "x?y"] {
            assert_eq!(Facet::Theme(bad).path(), None, "{bad}");
        }
        assert_eq!(Facet::Region("99").path(), None);
    }

    #[test]
    fn the_slugs_are_those_of_every_code_and_of_the_data_s_names() {
        let codes: Vec<&str> = REGION_SLUGS.iter().map(|(c, _)| *c).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        let mut known = REGION_CODES.to_vec();
        known.sort_unstable();
        assert_eq!(sorted, known);
        let catalog =
            crate::data::catalog::load_json(include_str!("../../../../data/passerelles.json"))
                .unwrap()
                .catalog;
        for r in &catalog.regions {
            assert_eq!(
                region_slug(&r.code),
                Some(super::super::slug(&r.name).as_str()),
                "{}",
                r.code
            );
        }
    }

    #[test]
    fn a_page_is_the_view_of_its_filter() {
        let f = Facet::ThemeIn("insertion", "04").filter();
        assert!(f.themes.contains("insertion") && f.regions.contains("04"));
        assert!(f.types.is_empty() && f.query.is_empty());
        assert_eq!(Facet::Type(RecordType::Agreement).filter().types.len(), 1);
    }
}
