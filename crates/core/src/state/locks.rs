//! Facet choices a host page fixes for an embedded view (`lock_theme`,
//! `lock_region`, `lock_type`), imposed on the filter after every change.

use crate::data::catalog::RecordType;
use crate::data::model::{Region, Theme};
use crate::engine::filter::{retain_known, FilterState};
use crate::engine::set::Set;

/// Facet choices imposed after every change, so neither a click, "Effacer
/// les filtres" nor an edited URL can widen the view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Locks {
    pub regions: Set<String>,
    pub themes: Set<String>,
    pub types: Set<RecordType>,
}

impl Locks {
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty() && self.themes.is_empty() && self.types.is_empty()
    }

    /// A locked facet holds exactly its locked values; the others are untouched.
    pub fn impose(&self, filter: &mut FilterState) {
        if !self.regions.is_empty() {
            filter.regions.clone_from(&self.regions);
        }
        if !self.themes.is_empty() {
            filter.themes.clone_from(&self.themes);
        }
        if !self.types.is_empty() {
            filter.types.clone_from(&self.types);
        }
    }

    /// Drops ids the catalog does not know; a lock left empty locks nothing.
    pub fn retain_known(&mut self, regions: &[Region], themes: &[Theme]) {
        retain_known(&mut self.regions, &mut self.themes, regions, themes);
    }
}
