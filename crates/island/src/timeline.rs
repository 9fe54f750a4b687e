//! The timeline: a bar per year (per month over three years or less) of
//! the records every filter but the period keeps, each bar solid for the
//! records certainly there and hatched for those that may be
//! ([`passerelles_core::engine::timeline`]), and a bar apart for unknown dates.
//!
//! The bars are a list box whose options are the bars, chosen in a run: a
//! drag across them (mouse, pen or touch: pointer events, captured, so the
//! drag may leave the bars) or the keyboard ([`passerelles_core::state::brush`])
//! picks the run, and the run is the period, sent as one action per step.
//! The first step of a gesture pushes a history entry, the next ones
//! replace it, so back undoes the whole drag.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, PointerEvent};

use crate::dom::{self, append, html, set, text, update};
use crate::{with, Intent};
use passerelles_core::engine::timeline::{Axis, Histogram, Scale};
use passerelles_core::state::brush::{bar_at, Brush, Step};
use passerelles_core::wording::{format, say as s};

/// What a bar shows: its counts against the tallest bar, and whether the
/// period covers it, in whole or in part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Painted {
    certain: u32,
    possible: u32,
    top: u32,
    on: bool,
    part: bool,
}

pub struct TimelineView {
    root: Element,
    list: Element,
    bars: Vec<Element>,
    axis: Option<Axis>,
    ticks: Element,
    unknown: Element,
    empty: Element,
    /// The run of bars chosen, as the period says or a gesture left it.
    pub brush: Option<Brush>,
    /// The next step starts a gesture (a new history entry).
    fresh: bool,
    /// The pointer dragging across the bars, and where the bars lie.
    drag: Option<(i32, f64, f64)>,
    /// What each bar shows now (its counts, the tallest bar, chosen,
    /// chosen in part), the active bar, the unknown dates' bar: a repaint
    /// touches only what changed (each DOM call crosses from wasm).
    painted: Vec<Option<Painted>>,
    active: Option<usize>,
    unknown_painted: Option<(u32, u32)>,
    _listeners: Vec<EventListener>,
}

impl TimelineView {
    pub fn is_in(&self, slot: &Element) -> bool {
        slot.first_element_child().as_ref() == Some(&self.root)
    }

    pub fn build(slot: &Element) -> Option<TimelineView> {
        let root = html("div", "tl")?;
        let plot = html("div", "tl-plot")?;
        let list = html("div", "tl-bars")?;
        set(&list, "role", "listbox");
        set(&list, "tabindex", "0");
        set(&list, "aria-multiselectable", "true");
        set(&list, "aria-describedby", "tl-help");
        append(&plot, &list)?;
        let unknown = html("div", "tl-unknown")?;
        set(&unknown, "role", "img");
        append(&plot, &unknown)?;
        append(&root, &plot)?;
        let axis_row = html("div", "tl-axis")?;
        set(&axis_row, "aria-hidden", "true");
        let ticks = html("div", "tl-ticks")?;
        append(&axis_row, &ticks)?;
        // Under the bar of unknown dates.
        let unknown_tick = html("span", "tl-tick-unknown")?;
        text(&unknown_tick, "?");
        append(&axis_row, &unknown_tick)?;
        append(&root, &axis_row)?;
        let empty = html("p", "tl-empty")?;
        text(&empty, s::TIMELINE_EMPTY());
        set(&empty, "hidden", "");
        append(&root, &empty)?;
        let key = html("p", "tl-key")?;
        for (class, words) in [
            ("tl-key-c", s::TIMELINE_KNOWN()),
            ("tl-key-p", s::TIMELINE_APPROXIMATE()),
            ("tl-key-u", s::TIMELINE_UNKNOWN()),
        ] {
            let swatch = html("span", class)?;
            set(&swatch, "aria-hidden", "true");
            append(&key, &swatch)?;
            let label = html("span", "")?;
            text(&label, words);
            append(&key, &label)?;
        }
        append(&root, &key)?;
        let help = html("p", "visually-hidden")?;
        set(&help, "id", "tl-help");
        text(&help, s::TIMELINE_HELP());
        append(&root, &help)?;

        let listeners = vec![
            EventListener::new_with_options(
                &list,
                "pointerdown",
                EventListenerOptions::enable_prevent_default(),
                |e| {
                    let Some(e) = e.dyn_ref::<PointerEvent>() else {
                        return;
                    };
                    if e.button() != 0 {
                        return;
                    }
                    let intent = with(|island| {
                        let tl = island.timeline.as_mut()?;
                        let len = tl.bars.len();
                        let rect = tl.list.get_bounding_client_rect();
                        tl.drag = Some((e.pointer_id(), rect.left(), rect.width()));
                        let _ = tl.list.set_pointer_capture(e.pointer_id());
                        let bar = bar_at(e.client_x().into(), rect.left(), rect.width(), len);
                        tl.brush = Some(Brush::at(bar));
                        tl.fresh = false;
                        tl.period(false)
                    });
                    // Keeps the focus on the bars, without the text selection a drag starts.
                    e.prevent_default();
                    if let Some(list) =
                        with(|island| island.timeline.as_ref().map(|t| t.list.clone()))
                    {
                        if let Some(list) = list.dyn_ref::<web_sys::HtmlElement>() {
                            let _ = list.focus();
                        }
                    }
                    if let Some(intent) = intent {
                        crate::send(intent);
                    }
                },
            ),
            EventListener::new(&list, "pointermove", |e| {
                let Some(e) = e.dyn_ref::<PointerEvent>() else {
                    return;
                };
                let intent = with(|island| {
                    let tl = island.timeline.as_mut()?;
                    let (id, left, width) = tl.drag?;
                    if id != e.pointer_id() {
                        return None;
                    }
                    let bar = bar_at(e.client_x().into(), left, width, tl.bars.len());
                    let brush = tl.brush?;
                    if brush.head == bar {
                        return None;
                    }
                    tl.brush = Some(brush.drag_to(bar));
                    tl.period(true)
                });
                if let Some(intent) = intent {
                    crate::send(intent);
                }
            }),
        ];
        let mut listeners = listeners;
        for event in ["pointerup", "pointercancel", "lostpointercapture"] {
            listeners.push(EventListener::new(&list, event, |_| {
                with(|island| {
                    island.timeline.as_mut()?.drag = None;
                    Some(())
                });
            }));
        }
        listeners.push(EventListener::new(&list, "focusin", |_| {
            with(|island| {
                island.timeline.as_mut()?.fresh = true;
                Some(())
            });
        }));
        listeners.push(EventListener::new_with_options(
            &list,
            "keydown",
            EventListenerOptions::enable_prevent_default(),
            |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let key = e.key();
                let intent = with(|island| {
                    let tl = island.timeline.as_mut()?;
                    let len = tl.bars.len();
                    if len == 0 {
                        return None;
                    }
                    let current = tl.brush.unwrap_or(Brush::at(len - 1));
                    let brush = match (Step::from_key(&key), key.as_str()) {
                        (Some(step), _) => current.step(step, e.shift_key(), len),
                        (None, "Enter" | " ") => Brush::at(current.head.min(len - 1)),
                        (None, "Escape" | "Delete" | "Backspace") if tl.brush.is_some() => {
                            e.prevent_default();
                            tl.brush = None;
                            let continues = !std::mem::replace(&mut tl.fresh, false);
                            return Some(Intent::Period {
                                from: None,
                                to: None,
                                continues,
                            });
                        }
                        _ => return None,
                    };
                    e.prevent_default();
                    tl.brush = Some(brush);
                    let continues = !std::mem::replace(&mut tl.fresh, false);
                    tl.period(continues)
                });
                if let Some(intent) = intent {
                    crate::send(intent);
                }
            },
        ));
        dom::replace_children(slot, &root)?;
        Some(TimelineView {
            root,
            list,
            bars: Vec::new(),
            axis: None,
            ticks,
            unknown,
            empty,
            brush: None,
            fresh: true,
            drag: None,
            painted: Vec::new(),
            active: None,
            unknown_painted: None,
            _listeners: listeners,
        })
    }

    /// The period the brush covers, as the action that sets it.
    fn period(&self, continues: bool) -> Option<Intent> {
        let axis = self.axis?;
        let (a, b) = self.brush?.bars();
        Some(Intent::Period {
            from: Some(axis.date(a)),
            to: Some(axis.date(b.min(axis.len - 1))),
            continues,
        })
    }

    /// Draws `hist`, the period `covered` (first and last bar, whole or not).
    pub fn paint(&mut self, hist: &Histogram, covered: Option<(usize, usize, bool)>) {
        let axis = hist.axis;
        if axis != self.axis {
            self.rebuild(axis);
        }
        let top = hist
            .bars
            .iter()
            .map(|b| b.certain + b.possible)
            .chain([hist.unknown])
            .max()
            .unwrap_or(0)
            .max(1);
        let share = |n: u32| dom::percent(n, top);
        if let Some(axis) = axis {
            for (k, (bar, counts)) in self.bars.iter().zip(&hist.bars).enumerate() {
                let (on, part) = match covered {
                    Some((a, b, whole)) if (a..=b).contains(&k) => {
                        (true, !whole && (k == a || k == b))
                    }
                    _ => (false, false),
                };
                let now = Painted {
                    certain: counts.certain,
                    possible: counts.possible,
                    top,
                    on,
                    part,
                };
                let before = self.painted.get(k).copied().flatten();
                if before == Some(now) {
                    continue;
                }
                if before.is_none_or(|b| {
                    (b.certain, b.possible, b.top) != (now.certain, now.possible, top)
                }) {
                    dom::style(bar, "--c", &share(counts.certain));
                    dom::style(bar, "--p", &share(counts.possible));
                    let when = format::date(&axis.date(k));
                    set(
                        bar,
                        "aria-label",
                        &s::timeline_bar(&when, counts.certain, counts.possible),
                    );
                }
                if before.is_none_or(|b| (b.on, b.part) != (on, part)) {
                    set(bar, "aria-selected", if on { "true" } else { "false" });
                    let class = match (on, part) {
                        (true, true) => "tl-bar on part",
                        (true, false) => "tl-bar on",
                        _ => "tl-bar",
                    };
                    set(bar, "class", class);
                }
                if let Some(slot) = self.painted.get_mut(k) {
                    *slot = Some(now);
                }
            }
        }
        // The brush follows the period unless it already covers it (a
        // gesture keeps its anchor where it started).
        self.brush = match covered {
            None => None,
            Some((a, b, _)) if self.brush.is_some_and(|x| x.bars() == (a, b)) => self.brush,
            Some((a, b, _)) => Some(Brush { anchor: a, head: b }),
        };
        let active = self
            .brush
            .map(|b| b.head)
            .or(self.bars.len().checked_sub(1));
        let before = std::mem::replace(&mut self.active, active);
        if before != active {
            if let Some(bar) = before.and_then(|k| self.bars.get(k)) {
                let _ = bar.remove_attribute("data-active");
            }
            match active.and_then(|k| self.bars.get(k)) {
                Some(bar) => {
                    set(bar, "data-active", "");
                    set(&self.list, "aria-activedescendant", &bar.id());
                }
                None => {
                    let _ = self.list.remove_attribute("aria-activedescendant");
                }
            }
        }
        if self.unknown_painted != Some((hist.unknown, top)) {
            self.unknown_painted = Some((hist.unknown, top));
            dom::style(&self.unknown, "--c", &share(hist.unknown));
            set(
                &self.unknown,
                "aria-label",
                &s::timeline_unknown(hist.unknown),
            );
            if hist.unknown == 0 {
                set(&self.unknown, "hidden", "");
            } else {
                let _ = self.unknown.remove_attribute("hidden");
            }
        }
    }

    /// New bars for a new axis: a bar an option, the ticks under them.
    fn rebuild(&mut self, axis: Option<Axis>) {
        self.axis = axis;
        self.painted = vec![None; axis.map_or(0, |a| a.len)];
        self.active = None;
        self.list.set_text_content(None);
        self.ticks.set_text_content(None);
        self.bars.clear();
        let Some(axis) = axis else {
            update(&self.list, "aria-label", s::TIMELINE_BY_YEAR());
            let _ = self.empty.remove_attribute("hidden");
            return;
        };
        set(&self.empty, "hidden", "");
        update(
            &self.list,
            "aria-label",
            match axis.scale {
                Scale::Year => s::TIMELINE_BY_YEAR(),
                Scale::Month => s::TIMELINE_BY_MONTH(),
            },
        );
        // A label every few bars, so they never crowd: years at most six
        // across, months at each January.
        let every = axis.len.div_ceil(6).max(1);
        for k in 0..axis.len {
            let date = axis.date(k);
            let (Some(bar), Some(certain), Some(possible), Some(tick)) = (
                html("div", "tl-bar"),
                html("span", "tl-c"),
                html("span", "tl-p"),
                html("span", "tl-tick"),
            ) else {
                return;
            };
            let key = date.to_string();
            set(&bar, "role", "option");
            set(&bar, "id", &format!("tl-{key}"));
            set(&bar, "data-period", &key);
            let _ = append(&bar, &possible);
            let _ = append(&bar, &certain);
            let _ = append(&self.list, &bar);
            let labelled = match axis.scale {
                Scale::Year => k % every == 0 || k + 1 == axis.len,
                Scale::Month => date.month == Some(1),
            };
            if labelled {
                text(&tick, &date.year.to_string());
            }
            let _ = append(&self.ticks, &tick);
            self.bars.push(bar);
        }
    }
}
