//! What the visitor asked for: the one piece of state the whole interface
//! derives from, and that the URL mirrors.

use crate::data::catalog::RecordType;
use crate::data::date::PartialDate;
use crate::data::model::{Region, Theme};
use crate::engine::set::Set;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Sort {
    /// Most recent first; undated records last.
    #[default]
    Recent,
    /// Oldest first; undated records last.
    Oldest,
    /// By title, ignoring case and accents.
    Title,
    /// Best matches first (see [`crate::engine::facets`]), then most
    /// recent; only while a query is active, when it is the default.
    Relevance,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Recent, Sort::Oldest, Sort::Title, Sort::Relevance];

    pub fn key(self) -> &'static str {
        match self {
            Sort::Recent => "recent",
            Sort::Oldest => "oldest",
            Sort::Title => "title",
            Sort::Relevance => "relevance",
        }
    }

    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterState {
    /// Free text, as typed.
    pub query: String,
    /// Region codes; [`crate::data::model::NATIONAL`] may be one of them.
    pub regions: Set<String>,
    pub themes: Set<String>,
    pub types: Set<RecordType>,
    /// Inclusive range; a record matches when its period overlaps it.
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    /// With a date range active, also keep records whose date is unknown.
    pub include_undated: bool,
    /// With a date range active, keep only the records certainly within it
    /// (every day they may be on), not those that only may be.
    pub strict: bool,
    /// With regions selected, also keep national-scope records.
    pub include_national: bool,
    pub sort: Sort,
}

impl Default for FilterState {
    fn default() -> Self {
        FilterState {
            query: String::new(),
            regions: Set::new(),
            themes: Set::new(),
            types: Set::new(),
            from: None,
            to: None,
            include_undated: false,
            strict: false,
            include_national: true,
            sort: Sort::Recent,
        }
    }
}

impl FilterState {
    pub fn date_active(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// True when the text query has words to search for; punctuation alone
    /// filters nothing, so it must not show as an active filter either.
    pub fn has_query(&self) -> bool {
        has_words(&self.query)
    }

    /// The sort in force: relevance means nothing without a query.
    pub fn effective_sort(&self) -> Sort {
        match self.sort {
            Sort::Relevance if !self.has_query() => Sort::Recent,
            s => s,
        }
    }

    /// True when some filter narrows the list (sort alone does not).
    pub fn narrows(&self) -> bool {
        self.has_query()
            || !self.regions.is_empty()
            || !self.themes.is_empty()
            || !self.types.is_empty()
            || self.date_active()
    }

    /// Drops ids the catalog does not know, so a stale or hand-edited URL
    /// degrades to the nearest meaningful view instead of an empty one.
    pub fn retain_known(&mut self, regions: &[Region], themes: &[Theme]) {
        retain_known(&mut self.regions, &mut self.themes, regions, themes);
    }
}

/// Whether `query` has a word to search for.
pub fn has_words(query: &str) -> bool {
    let mut any = false;
    crate::engine::analyze::each_word(query, |_, _| any = true);
    any
}

/// Keeps the region codes and theme ids the vocabularies list.
pub(crate) fn retain_known(
    codes: &mut Set<String>,
    ids: &mut Set<String>,
    regions: &[Region],
    themes: &[Theme],
) {
    codes.retain(|c| regions.iter().any(|r| &r.code == c));
    ids.retain(|t| themes.iter().any(|x| &x.id == t));
}
