//! The page ⇄ map and timeline bridge.
//!
//! The island (`crates/island`) draws the map of the regions and the
//! timeline in two slots the page leaves ([`MAP_SLOT`], [`TIMELINE_SLOT`]).
//! It holds no state of its own: the page's store is the only one.
//!
//! - **Page → island.** After each render of the list, the page announces
//!   `passerelles:drawn`; the island's loader then asks the page's raw
//!   export `island(kind)` for a message, which the page writes into its
//!   memory (a `u32` length, then the bytes) and the loader copies out: a
//!   [`Dataset`] when the build it knows is not the page's (once per
//!   dataset), a [`Frame`] every time.
//! - **Island → page.** What the visitor does on the island is an
//!   [`Intent`]; [`step`] applies it to the view the address holds with
//!   the page's own reducer ([`View::apply`], locks included), and the
//!   island writes the resulting address in the history and announces
//!   `popstate`, which the page adopts as it adopts back and forward. A
//!   click on La Réunion is thus the view, the address and the history step
//!   its checkbox gives (inside the filters' sheet, a step replaces the
//!   sheet's entry, as the checkbox's does there: [`IN_SHEET`]).
//!
//! The dataset's identity is its pack's build id ([`Pack::build`]), a
//! digest of its content: a page that opens another dataset (a retry, a
//! `?data=` file) changes it, and the island starts again.

use super::{begin, read, read_date, write_date, Refused};
use crate::data::date::PartialDate;
use crate::engine::facets::Outcome;
use crate::pack::Pack;
use crate::state::page::PageParams;
use crate::state::query;
use crate::state::view::{Action, Nav, View};
use crate::wire::Reader;
use crate::wording::Lang;

/// The element the map is drawn in.
pub const MAP_SLOT: &str = "map";
/// The element the timeline is drawn in.
pub const TIMELINE_SLOT: &str = "timeline";

/// The history state of the entry the filters' sheet pushes when it opens
/// on a narrow screen (the page's src/sheet.rs). While that entry is the
/// current one, a step the island takes replaces it, keeping this state,
/// instead of pushing one: the page's own steps do the same, so what is
/// chosen in one opening of the sheet is one step of the history.
pub const IN_SHEET: &str = "passerelles:sheet";

/// What `island(kind)` is asked for: [`DATASET`] or [`FRAME`].
pub const DATASET: u32 = 1;
pub const FRAME: u32 = 0;

/// The bridge's version: both messages change it together.
pub const VERSION: u16 = 1;
const DATASET_MAGIC: [u8; 4] = *b"PIsD";
const FRAME_MAGIC: [u8; 4] = *b"PIsF";

/// What the island needs of a dataset, once: the language it speaks, each
/// record's possible days (for the timeline's counts) and the regions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dataset {
    /// The pack's build id: which dataset this is.
    pub build: u64,
    pub lang: Lang,
    /// Each record's first and last possible day (day numbers, in the
    /// index's order; `i32::MAX`/`i32::MIN` for an unknown date).
    pub days: Vec<(i32, i32)>,
    /// `(code, name)` of each region in the panel's order (the national
    /// scope included), named in the page's language.
    pub regions: Vec<(String, String)>,
}

/// A region as the list's last render counted it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegionMark {
    /// Its disjunctive count: the records it would list if chosen.
    pub count: u32,
    pub chosen: bool,
}

/// What the island draws after a render of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// The build of the dataset the page shows ([`Dataset::build`]).
    pub build: u64,
    /// The host page fixed the regions (`lock_region`): the map only shows them.
    pub locked: bool,
    /// One per region of the [`Dataset`], in its order.
    pub regions: Vec<RegionMark>,
    /// The period's ends, as precise as chosen.
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    /// The records the timeline counts (every filter but the date), as
    /// bitset words over the dataset's records.
    pub timeline: Vec<u64>,
}

impl Dataset {
    /// The dataset of an opened pack, in `lang`.
    /// The days are the index's (none before a split pack's index is here).
    pub fn of(pack: &Pack, lang: Lang) -> Dataset {
        let index = &pack.index;
        let (first, last) = index.days().unwrap_or_default();
        Dataset {
            build: pack.build,
            lang,
            days: first.iter().copied().zip(last.iter().copied()).collect(),
            regions: index
                .region_codes
                .iter()
                .map(|c| (c.clone(), pack.region_name(c).unwrap_or(c).to_string()))
                .collect(),
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        write_dataset(
            self.build,
            self.lang,
            self.days.iter().copied(),
            self.regions.iter().map(|(c, n)| (c.as_str(), n.as_str())),
        )
    }

    /// The encoding of [`Dataset::of`]`(pack, lang)`, written straight from
    /// the pack: the page's side, which makes no copy of its days. Nothing
    /// while a split pack's index (its days) is not here: the island waits.
    pub fn encode_of(pack: &Pack, lang: Lang) -> Vec<u8> {
        let index = &pack.index;
        let Some((first, last)) = index.days() else {
            return Vec::new();
        };
        write_dataset(
            pack.build,
            lang,
            first.iter().copied().zip(last.iter().copied()),
            index
                .region_codes
                .iter()
                .map(|c| (c.as_str(), pack.region_name(c).unwrap_or(c))),
        )
    }

    pub fn decode(bytes: &[u8]) -> Result<Dataset, Refused> {
        read(bytes, DATASET_MAGIC, VERSION, |r| {
            let build = r.u64()?;
            let lang = Lang::from_code(r.str()?).ok_or(Refused::Corrupt)?;
            let days = list(r, 8, |r| Ok((r.i32()?, r.i32()?)))?;
            let regions = list(r, 2, |r| Ok((r.str()?.to_string(), r.str()?.to_string())))?;
            Ok(Dataset {
                build,
                lang,
                days,
                regions,
            })
        })
    }
}

impl Frame {
    /// What the list last rendered: the pack it shows, the view, and its outcome.
    pub fn of(pack: &Pack, view: &View, outcome: &Outcome) -> Frame {
        let f = &view.filter;
        Frame {
            build: pack.build,
            locked: !view.locks.regions.is_empty(),
            regions: outcome
                .regions
                .iter()
                .map(|(code, count)| RegionMark {
                    count: *count,
                    chosen: f.regions.contains(code),
                })
                .collect(),
            from: f.from,
            to: f.to,
            timeline: outcome.timeline.words().to_vec(),
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        write_frame(
            self.build,
            self.locked,
            self.regions.iter().copied(),
            (self.from, self.to),
            &self.timeline,
        )
    }

    /// The encoding of [`Frame::of`]`(pack, view, outcome)`, written straight
    /// from them: the page's side, after each render. Nothing while a split
    /// pack's index is not here: the island has no dataset to draw it on.
    pub fn encode_of(pack: &Pack, view: &View, outcome: &Outcome) -> Vec<u8> {
        if pack.index.days().is_none() {
            return Vec::new();
        }
        let f = &view.filter;
        write_frame(
            pack.build,
            !view.locks.regions.is_empty(),
            outcome.regions.iter().map(|(code, count)| RegionMark {
                count: *count,
                chosen: f.regions.contains(code),
            }),
            (f.from, f.to),
            outcome.timeline.words(),
        )
    }

    pub fn decode(bytes: &[u8]) -> Result<Frame, Refused> {
        read(bytes, FRAME_MAGIC, VERSION, |r| {
            let build = r.u64()?;
            let locked = r.bool()?;
            let regions = list(r, 5, |r| {
                Ok(RegionMark {
                    count: r.u32()?,
                    chosen: r.bool()?,
                })
            })?;
            let (from, to) = (read_date(r)?, read_date(r)?);
            let timeline = list(r, 8, |r| Ok(r.u64()?))?;
            Ok(Frame {
                build,
                locked,
                regions,
                from,
                to,
                timeline,
            })
        })
    }
}

/// The one layout of a [`Dataset`] (both its encoders write through here).
fn write_dataset<'a>(
    build: u64,
    lang: Lang,
    days: impl ExactSizeIterator<Item = (i32, i32)>,
    regions: impl ExactSizeIterator<Item = (&'a str, &'a str)>,
) -> Vec<u8> {
    let mut w = begin(DATASET_MAGIC, VERSION);
    w.u64(build);
    w.str(lang.code());
    w.usize(days.len());
    for (first, last) in days {
        w.i32(first);
        w.i32(last);
    }
    w.usize(regions.len());
    for (code, name) in regions {
        w.str(code);
        w.str(name);
    }
    w.into_bytes()
}

/// The one layout of a [`Frame`] (both its encoders write through here).
fn write_frame(
    build: u64,
    locked: bool,
    regions: impl ExactSizeIterator<Item = RegionMark>,
    (from, to): (Option<PartialDate>, Option<PartialDate>),
    timeline: &[u64],
) -> Vec<u8> {
    let mut w = begin(FRAME_MAGIC, VERSION);
    w.u64(build);
    w.bool(locked);
    w.usize(regions.len());
    for m in regions {
        w.u32(m.count);
        w.bool(m.chosen);
    }
    write_date(&mut w, from);
    write_date(&mut w, to);
    w.usize(timeline.len());
    for &word in timeline {
        w.u64(word);
    }
    w.into_bytes()
}

/// A list of `count` items of at least `min` bytes each: a count the
/// remaining bytes cannot hold is refused before anything is allocated.
fn list<'a, T>(
    r: &mut Reader<'a>,
    min: usize,
    mut item: impl FnMut(&mut Reader<'a>) -> Result<T, Refused>,
) -> Result<Vec<T>, Refused> {
    let n = r.usize()?;
    if n > r.remaining() / min.max(1) {
        return Err(Refused::Corrupt);
    }
    (0..n).map(|_| item(r)).collect()
}

/// What the visitor asked for on the island.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// A region (or the national scope) ticked or unticked.
    Region(String),
    /// A period chosen (both ends `None`: cleared); `continues` a gesture
    /// (a drag, a run of keys) that is one history step.
    Period {
        from: Option<PartialDate>,
        to: Option<PartialDate>,
        continues: bool,
    },
}

impl Intent {
    /// The page's own action for it.
    pub fn action(self) -> Action {
        match self {
            Intent::Region(code) => Action::ToggleRegion(code),
            Intent::Period {
                from,
                to,
                continues,
            } => Action::SetPeriod {
                from,
                to,
                continues,
            },
        }
    }
}

/// How the island answers an intent: the address to write in the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The new view's query string (the page's parameters riding along).
    pub address: String,
    /// Replace the current history entry (a gesture's later steps) rather
    /// than push one.
    pub replace: bool,
}

/// The address the page at `search` (its query string) has after
/// `intent`: the view it holds, with its locks, changed by the page's own
/// reducer. `None` when the view would not change (a locked region).
pub fn step(search: &str, intent: Intent) -> Option<Step> {
    let page = PageParams::decode(search);
    let (filter, detail) = query::decode(search);
    let before = View::new(filter, detail).with_locks(page.locks.clone());
    let after = before.clone().apply(intent.action());
    if after.filter == before.filter && after.detail == before.detail {
        return None;
    }
    Some(Step {
        address: page.append_to(&query::encode(&after.filter, after.detail.as_deref())),
        replace: after.nav == Nav::Replace,
    })
}

#[cfg(test)]
mod tests {
    use super::super::arbitrary::{date, refuses_damage, text};
    use super::*;
    use proptest::prelude::*;

    fn dataset() -> impl Strategy<Value = Dataset> {
        (
            any::<u64>(),
            prop_oneof![Just(Lang::Fr), Just(Lang::En)],
            proptest::collection::vec((any::<i32>(), any::<i32>()), 0..40),
            proptest::collection::vec((text(), text()), 0..20),
        )
            .prop_map(|(build, lang, days, regions)| Dataset {
                build,
                lang,
                days,
                regions,
            })
    }

    fn frame() -> impl Strategy<Value = Frame> {
        (
            any::<u64>(),
            any::<bool>(),
            proptest::collection::vec((any::<u32>(), any::<bool>()), 0..20),
            date(),
            date(),
            proptest::collection::vec(any::<u64>(), 0..20),
        )
            .prop_map(|(build, locked, marks, from, to, timeline)| Frame {
                build,
                locked,
                regions: marks
                    .into_iter()
                    .map(|(count, chosen)| RegionMark { count, chosen })
                    .collect(),
                from,
                to,
                timeline,
            })
    }

    proptest! {
        #[test]
        fn a_dataset_reads_back_as_written(d in dataset()) {
            let bytes = d.encode();
            prop_assert_eq!(Dataset::decode(&bytes), Ok(d));
            refuses_damage(&bytes, Dataset::decode);
        }

        #[test]
        fn a_frame_reads_back_as_written(f in frame()) {
            let bytes = f.encode();
            prop_assert_eq!(Frame::decode(&bytes), Ok(f));
            refuses_damage(&bytes, Frame::decode);
        }

        #[test]
        fn noise_is_refused_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = Dataset::decode(&bytes);
            let _ = Frame::decode(&bytes);
        }

        #[test]
        fn noise_after_a_good_head_is_refused_never_a_panic(
            bytes in proptest::collection::vec(any::<u8>(), 0..200)
        ) {
            for magic in [DATASET_MAGIC, FRAME_MAGIC] {
                let mut message = begin(magic, VERSION).into_bytes();
                message.extend_from_slice(&bytes);
                let _ = Dataset::decode(&message);
                let _ = Frame::decode(&message);
            }
        }
    }

    #[test]
    fn the_page_s_encoders_write_what_the_messages_encode() {
        use crate::engine::facets;
        let loaded =
            crate::data::catalog::load_json(include_str!("../../../../data/passerelles.json"))
                .unwrap();
        let pack =
            Pack::open(crate::pack::write(&loaded, crate::pack::Placement::Inline).main).unwrap();
        for lang in Lang::ALL {
            assert_eq!(
                Dataset::encode_of(&pack, lang),
                Dataset::of(&pack, lang).encode()
            );
        }
        let (filter, _) = query::decode("?region=04&from=2015&to=2019-11&theme=insertion");
        let view = View::new(filter, None).with_locks(PageParams::decode("?lock_region=04").locks);
        let outcome = facets::run(&pack.index, &view.filter);
        let frame = Frame::of(&pack, &view, &outcome);
        assert!(frame.locked && frame.regions.iter().any(|m| m.chosen && m.count > 0));
        assert_eq!(Frame::encode_of(&pack, &view, &outcome), frame.encode());
    }

    #[test]
    fn one_message_is_not_read_as_the_other() {
        let frame = Frame {
            build: 7,
            locked: false,
            regions: vec![],
            from: None,
            to: None,
            timeline: vec![],
        };
        assert_eq!(Dataset::decode(&frame.encode()), Err(Refused::Magic));
    }

    #[test]
    fn a_huge_count_is_refused_before_any_allocation() {
        let mut w = begin(FRAME_MAGIC, VERSION);
        w.u64(1);
        w.bool(false);
        w.usize(usize::MAX >> 8);
        assert_eq!(Frame::decode(w.as_bytes()), Err(Refused::Corrupt));
    }

    #[test]
    fn a_region_click_is_the_checkbox_s_view_and_history_step() {
        let step = step("?theme=insertion", Intent::Region("04".into())).unwrap();
        assert_eq!(step.address, "?region=04&theme=insertion");
        assert!(!step.replace);
        let again = super::step(&step.address, Intent::Region("04".into())).unwrap();
        assert_eq!(again.address, "?theme=insertion");
    }

    #[test]
    fn locked_regions_stay_as_the_host_page_fixed_them() {
        // The page's locks hold by the page's own code: nothing to write.
        assert_eq!(
            step(
                "?region=04&embed=1&lock_region=04",
                Intent::Region("04".into())
            ),
            None
        );
        assert_eq!(
            step(
                "?region=04&embed=1&lock_region=04",
                Intent::Region("11".into())
            ),
            None
        );
    }

    #[test]
    fn a_gesture_is_one_history_step() {
        let year = |y| {
            Some(PartialDate {
                year: y,
                month: None,
                day: None,
            })
        };
        let first = step(
            "?embed=1",
            Intent::Period {
                from: year(2019),
                to: year(2019),
                continues: false,
            },
        )
        .unwrap();
        assert_eq!(first.address, "?from=2019&to=2019&embed=1");
        assert!(!first.replace);
        let next = step(
            &first.address,
            Intent::Period {
                from: year(2019),
                to: year(2020),
                continues: true,
            },
        )
        .unwrap();
        assert_eq!(next.address, "?from=2019&to=2020&embed=1");
        assert!(next.replace);
    }
}
