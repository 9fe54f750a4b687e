//! The single store of interface state and the only way to change it. The Yew
//! shell dispatches [`Action`]s and renders [`View`]; the URL mirrors it.

use crate::data::catalog::RecordType;
use crate::data::date::PartialDate;
use crate::data::model::NATIONAL;
use crate::engine::filter::{FilterState, Sort};
use crate::state::locks::Locks;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    ToggleRegion(String),
    ToggleTheme(String),
    ToggleType(RecordType),
    SetQuery(String),
    SetFrom(Option<PartialDate>),
    SetTo(Option<PartialDate>),
    SetUndated(bool),
    /// Only records certainly within the period.
    SetStrict(bool),
    /// Both ends of the period at once (the timeline's choice). A gesture
    /// (a drag, a run of arrow keys) is one history step: its later steps
    /// `continue` it and replace the entry its first step pushed.
    SetPeriod {
        from: Option<PartialDate>,
        to: Option<PartialDate>,
        continues: bool,
    },
    SetNational(bool),
    SetSort(Sort),
    /// Removes one narrowing filter, as named by an active-filter chip.
    Remove(Chip),
    Clear,
    Open(String),
    Close,
    /// The URL changed under us (back/forward): adopt it, record no history.
    Restore(FilterState, Option<String>),
}

/// One active filter, as the visitor sees and removes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chip {
    Query,
    Region(String),
    Theme(String),
    Type(RecordType),
    Dates,
}

/// How the URL should follow the last change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Nav {
    /// A new history entry, so back undoes the change.
    #[default]
    Push,
    /// Same entry: typing a search must not leave one entry per keystroke.
    Replace,
    /// The change came from the URL itself.
    None,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct View {
    pub filter: FilterState,
    /// Id of the record shown in detail, if any.
    pub detail: Option<String>,
    /// True when the detail was opened from the list in this session, so
    /// "back to the list" can be a history step rather than a new entry.
    pub detail_from_list: bool,
    pub nav: Nav,
    /// Facets fixed by the host page of an embedded view; see [`Locks`].
    pub locks: Locks,
    /// The sort the visitor chose, given back when a query ends:
    /// relevance is the default only while one is active.
    pub chosen_sort: Sort,
}

fn toggle<T: Ord>(set: &mut crate::engine::set::Set<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

impl View {
    pub fn new(filter: FilterState, detail: Option<String>) -> View {
        let chosen_sort = match filter.sort {
            Sort::Relevance => Sort::default(),
            s => s,
        };
        View {
            filter,
            detail,
            detail_from_list: false,
            nav: Nav::None,
            locks: Locks::default(),
            chosen_sort,
        }
    }

    /// Relevance when a query starts, the visitor's sort back when it ends.
    fn follow_query(&mut self, had_query: bool) {
        let f = &mut self.filter;
        match (had_query, f.has_query()) {
            (false, true) => {
                if f.sort != Sort::Relevance {
                    self.chosen_sort = f.sort;
                }
                f.sort = Sort::Relevance;
            }
            (true, false) if f.sort == Sort::Relevance => f.sort = self.chosen_sort,
            _ => {}
        }
    }

    /// The same view with these facets locked (and imposed at once).
    pub fn with_locks(mut self, locks: Locks) -> View {
        locks.impose(&mut self.filter);
        self.locks = locks;
        self
    }

    pub fn apply(mut self, action: Action) -> View {
        let had_query = self.filter.has_query();
        let f = &mut self.filter;
        self.nav = Nav::Push;
        match action {
            Action::ToggleRegion(code) => toggle(&mut f.regions, code),
            Action::ToggleTheme(id) => toggle(&mut f.themes, id),
            Action::ToggleType(t) => toggle(&mut f.types, t),
            Action::SetQuery(q) => {
                f.query = q;
                self.nav = Nav::Replace;
            }
            Action::SetFrom(d) => f.from = d,
            Action::SetTo(d) => f.to = d,
            Action::SetUndated(b) => f.include_undated = b,
            Action::SetStrict(b) => f.strict = b,
            Action::SetPeriod {
                from,
                to,
                continues,
            } => {
                (f.from, f.to) = (from, to);
                if continues {
                    self.nav = Nav::Replace;
                }
            }
            Action::SetNational(b) => f.include_national = b,
            Action::SetSort(s) => {
                if s != Sort::Relevance {
                    self.chosen_sort = s;
                }
                f.sort = s;
            }
            Action::Remove(chip) => match chip {
                Chip::Query => f.query.clear(),
                Chip::Region(c) => {
                    f.regions.remove(&c);
                }
                Chip::Theme(t) => {
                    f.themes.remove(&t);
                }
                Chip::Type(t) => {
                    f.types.remove(&t);
                }
                Chip::Dates => {
                    f.from = None;
                    f.to = None;
                    f.include_undated = false;
                    f.strict = false;
                }
            },
            Action::Clear => {
                // Sort is a preference, not a filter: keep it.
                let sort = f.sort;
                *f = FilterState {
                    sort,
                    ..FilterState::default()
                };
            }
            Action::Open(id) => {
                self.detail_from_list = self.detail.is_none();
                self.detail = Some(id);
            }
            Action::Close => {
                self.detail = None;
                self.detail_from_list = false;
            }
            Action::Restore(filter, detail) => {
                if filter.sort != Sort::Relevance {
                    self.chosen_sort = filter.sort;
                }
                self.filter = filter;
                if detail.is_none() {
                    self.detail_from_list = false;
                }
                self.detail = detail;
                self.nav = Nav::None;
                // The URL says which sort it is: nothing to follow.
                self.locks.impose(&mut self.filter);
                return self;
            }
        }
        self.follow_query(had_query);
        // Whatever the action (a click, a clear, a URL restored), locked
        // facets come back to their locked values.
        self.locks.impose(&mut self.filter);
        self
    }

    /// The active filters, in the order the panel shows them.
    pub fn chips(&self) -> Vec<Chip> {
        let f = &self.filter;
        let mut out = Vec::new();
        if f.has_query() {
            out.push(Chip::Query);
        }
        // Locked facets show as fixed chips in the panel, never as removable ones.
        let l = &self.locks;
        if l.types.is_empty() {
            out.extend(f.types.iter().map(|t| Chip::Type(*t)));
        }
        if l.themes.is_empty() {
            out.extend(f.themes.iter().map(|t| Chip::Theme(t.clone())));
        }
        if l.regions.is_empty() {
            out.extend(f.regions.iter().map(|r| Chip::Region(r.clone())));
        }
        if f.date_active() {
            out.push(Chip::Dates);
        }
        out
    }

    /// Whether "Effacer les filtres" would change anything: locked facets stay.
    pub fn can_clear(&self) -> bool {
        !self.chips().is_empty()
    }

    /// Whether the national-scope switch changes anything right now.
    pub fn national_switch_applies(&self) -> bool {
        self.filter.regions.iter().any(|r| r != NATIONAL)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggles_add_then_remove() {
        let v = View::default().apply(Action::ToggleTheme("emploi".into()));
        assert!(v.filter.themes.contains("emploi"));
        assert_eq!(v.nav, Nav::Push);
        let v = v.apply(Action::ToggleTheme("emploi".into()));
        assert!(v.filter.themes.is_empty());
    }

    #[test]
    fn typing_replaces_history_and_restore_records_none() {
        let v = View::default().apply(Action::SetQuery("eco".into()));
        assert_eq!(v.nav, Nav::Replace);
        let v = v.apply(Action::Restore(FilterState::default(), Some("x".into())));
        assert_eq!(v.nav, Nav::None);
        assert_eq!(v.detail.as_deref(), Some("x"));
        assert!(!v.detail_from_list);
    }

    #[test]
    fn clear_keeps_sort_and_drops_filters() {
        let v = View::default()
            .apply(Action::SetSort(Sort::Title))
            .apply(Action::ToggleRegion("04".into()))
            .apply(Action::SetQuery("iae".into()))
            .apply(Action::SetFrom(PartialDate::parse("2019").ok()));
        assert_eq!(v.chips().len(), 3);
        let v = v.apply(Action::Clear);
        assert!(!v.filter.narrows());
        assert_eq!(v.filter.sort, Sort::Title);
        assert!(v.chips().is_empty());
    }

    #[test]
    fn relevance_while_a_query_is_active_then_the_visitors_sort() {
        let v = View::default().apply(Action::SetSort(Sort::Title));
        let v = v.apply(Action::SetQuery("ins".into()));
        assert_eq!(v.filter.sort, Sort::Relevance);
        let v = v.apply(Action::SetQuery("insertion".into()));
        assert_eq!(v.filter.sort, Sort::Relevance);
        // Cleared by typing, by its chip or by "Effacer": the visitor's sort is back.
        assert_eq!(
            v.clone().apply(Action::SetQuery(" ".into())).filter.sort,
            Sort::Title
        );
        assert_eq!(
            v.clone().apply(Action::Remove(Chip::Query)).filter.sort,
            Sort::Title
        );
        assert_eq!(v.clone().apply(Action::Clear).filter.sort, Sort::Title);
        // A sort chosen during the query is the visitor's sort from then on.
        let v = v
            .apply(Action::SetSort(Sort::Oldest))
            .apply(Action::SetQuery(String::new()));
        assert_eq!(v.filter.sort, Sort::Oldest);
        let v = v.apply(Action::SetQuery("cpme".into()));
        assert_eq!(v.filter.sort, Sort::Relevance);
    }

    #[test]
    fn chips_remove_exactly_their_filter() {
        let v = View::default()
            .apply(Action::ToggleRegion("04".into()))
            .apply(Action::ToggleRegion("11".into()))
            .apply(Action::SetTo(PartialDate::parse("2019").ok()))
            .apply(Action::SetUndated(true));
        let v = v.apply(Action::Remove(Chip::Region("11".into())));
        assert_eq!(v.filter.regions.iter().collect::<Vec<_>>(), ["04"]);
        let v = v.apply(Action::Remove(Chip::Dates));
        assert!(!v.filter.date_active());
        assert!(!v.filter.include_undated);
    }

    #[test]
    fn a_gesture_on_the_period_is_one_history_step() {
        let year = |y: &str| PartialDate::parse(y).ok();
        let v = View::default().apply(Action::SetPeriod {
            from: year("2015"),
            to: year("2015"),
            continues: false,
        });
        assert_eq!(v.nav, Nav::Push);
        let v = v.apply(Action::SetPeriod {
            from: year("2015"),
            to: year("2019"),
            continues: true,
        });
        assert_eq!(v.nav, Nav::Replace);
        assert_eq!((v.filter.from, v.filter.to), (year("2015"), year("2019")));
        let v = v.apply(Action::SetStrict(true));
        assert!(v.filter.strict);
        // The period's chip takes the strict switch with it.
        let v = v.apply(Action::Remove(Chip::Dates));
        assert!(!v.filter.date_active() && !v.filter.strict);
    }

    #[test]
    fn detail_remembers_it_came_from_the_list() {
        let v = View::default().apply(Action::Open("a".into()));
        assert!(v.detail_from_list);
        // Following a link from one detail to another keeps that knowledge.
        let v = v.apply(Action::Open("b".into()));
        assert!(!v.detail_from_list);
        let v = v.apply(Action::Close);
        assert_eq!(v.detail, None);
    }

    #[test]
    fn national_switch_only_matters_with_a_region() {
        let v = View::default();
        assert!(!v.national_switch_applies());
        let v = v.apply(Action::ToggleRegion(NATIONAL.into()));
        assert!(!v.national_switch_applies());
        let v = v.apply(Action::ToggleRegion("04".into()));
        assert!(v.national_switch_applies());
    }

    fn locked(themes: &[&str]) -> Locks {
        Locks {
            themes: themes.iter().map(|t| t.to_string()).collect(),
            ..Locks::default()
        }
    }

    #[test]
    fn locks_are_imposed_on_the_initial_filter() {
        // `?lock_theme=insertion&theme=jeunes` shows only insertion.
        let mut from_url = FilterState::default();
        from_url.themes.insert("jeunes".into());
        let v = View::new(from_url, None).with_locks(locked(&["insertion"]));
        assert_eq!(v.filter.themes.iter().collect::<Vec<_>>(), ["insertion"]);
    }

    #[test]
    fn no_action_removes_a_locked_facet() {
        let v = View::default().with_locks(locked(&["insertion"]));
        let only_insertion = |v: &View| {
            assert_eq!(v.filter.themes.iter().collect::<Vec<_>>(), ["insertion"]);
        };
        for action in [
            Action::ToggleTheme("insertion".into()),
            Action::ToggleTheme("jeunes".into()),
            Action::Remove(Chip::Theme("insertion".into())),
            Action::Clear,
            Action::Restore(FilterState::default(), None),
        ] {
            only_insertion(&v.clone().apply(action));
        }
        // Other facets stay free, and clearing still clears them.
        let v = v
            .apply(Action::ToggleRegion("04".into()))
            .apply(Action::SetQuery("iae".into()));
        assert_eq!(v.chips(), [Chip::Query, Chip::Region("04".into())]);
        assert!(v.can_clear());
        let v = v.apply(Action::Clear);
        only_insertion(&v);
        assert!(v.filter.regions.is_empty() && v.filter.query.is_empty());
        // Nothing removable is left: the clear button has nothing to do.
        assert!(v.chips().is_empty());
        assert!(!v.can_clear());
    }

    #[test]
    fn unlocked_views_are_unchanged_by_locking_nothing() {
        let v = View::default()
            .with_locks(Locks::default())
            .apply(Action::ToggleTheme("jeunes".into()));
        assert_eq!(v.chips(), [Chip::Theme("jeunes".into())]);
        assert!(v.apply(Action::Clear).filter.themes.is_empty());
    }
}
