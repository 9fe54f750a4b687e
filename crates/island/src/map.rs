//! The region map: one SVG path per region of the dataset's vocabulary
//! (those the geometry has), in the vocabulary's order, the checkbox
//! list's, which is also the order Tab follows; the overseas insets framed;
//! a layer of outlines above the shapes for the chosen and the focused
//! region (a shape's own stroke would hide under its neighbours); a tip
//! with the name and the count at the region's label point; the national
//! scope as a button beside the map; the legend of the shades; the credit.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

use crate::dom::{self, append, html, set, svg, text};
use crate::{with, Intent};
use passerelles_core::data::model::NATIONAL;
use passerelles_core::state::map::{legend, shade, Geometry};
use passerelles_core::wording::{number, say as s};

/// The geometry, compiled into this module: it comes with the code that
/// draws it, in the same download, after the page's first paint.
const GEOMETRY: &str = include_str!("../../../assets/regions.map");

pub struct MapView {
    geometry: Geometry<'static>,
    root: Element,
    /// Per shape drawn: the region's position in the vocabulary, its path.
    paths: Vec<(usize, Element)>,
    marks: Element,
    tip: Element,
    national: Option<(usize, Element)>,
    legend: Element,
    /// The region under the pointer, and the one with the focus.
    hovered: Option<usize>,
    focused: Option<usize>,
    /// What each shape (and the national button) shows now: a repaint
    /// touches only what changed (each DOM call crosses from wasm).
    painted: Vec<Option<(u32, u32, bool, bool)>>,
    national_painted: Option<(u32, bool, bool)>,
    legend_max: Option<u32>,
    marks_key: String,
    _listeners: Vec<EventListener>,
}

impl MapView {
    pub fn is_in(&self, slot: &Element) -> bool {
        slot.first_element_child().as_ref() == Some(&self.root)
    }

    /// Builds the map into `slot` for the regions `(code, name)`.
    pub fn build(slot: &Element, regions: &[(String, String)]) -> Option<MapView> {
        let geometry = Geometry::parse(GEOMETRY);
        let (w, h) = geometry.size;
        let root = html("div", "map")?;
        let figure = html("div", "map-figure")?;
        let plot = svg("svg", "map-svg")?;
        set(&plot, "viewBox", &format!("0 0 {w} {h}"));
        set(&plot, "role", "group");
        set(&plot, "aria-label", s::MAP_LABEL());
        // Out of the Tab order: the regions are its stops. Chromium makes
        // an SVG element with focus listeners (below) a stop of its own,
        // which showed nothing.
        set(&plot, "tabindex", "-1");
        let insets = svg("g", "map-insets")?;
        set(&insets, "aria-hidden", "true");
        for (_, [x, y, bw, bh]) in &geometry.insets {
            let frame = svg("rect", "map-inset")?;
            for (name, v) in [("x", x), ("y", y), ("width", bw), ("height", bh)] {
                set(&frame, name, &v.to_string());
            }
            append(&insets, &frame)?;
        }
        append(&plot, &insets)?;
        let shapes = svg("g", "map-regions")?;
        let mut paths = Vec::new();
        for (k, (code, _)) in regions.iter().enumerate() {
            let Some(shape) = geometry.shape(code) else {
                continue;
            };
            let path = svg("path", "map-region")?;
            set(&path, "d", shape.path);
            set(&path, "id", &format!("map-r-{code}"));
            set(&path, "data-region", code);
            set(&path, "role", "button");
            set(&path, "tabindex", "0");
            append(&shapes, &path)?;
            paths.push((k, path));
        }
        // Regions the geometry has and the dataset does not: drawn, inert.
        for shape in &geometry.shapes {
            if !regions.iter().any(|(c, _)| c == shape.code) {
                let path = svg("path", "map-region map-absent")?;
                set(&path, "d", shape.path);
                set(&path, "aria-hidden", "true");
                append(&shapes, &path)?;
            }
        }
        append(&plot, &shapes)?;
        let marks = svg("g", "map-marks")?;
        set(&marks, "aria-hidden", "true");
        append(&plot, &marks)?;
        append(&figure, &plot)?;
        let tip = html("p", "map-tip")?;
        set(&tip, "aria-hidden", "true");
        set(&tip, "hidden", "");
        append(&figure, &tip)?;
        append(&root, &figure)?;

        let foot = html("div", "map-foot")?;
        let national = match regions.iter().position(|(c, _)| c == NATIONAL) {
            Some(k) => {
                let button = html("button", "map-national")?;
                set(&button, "type", "button");
                set(&button, "id", "map-national");
                set(&button, "data-scope", NATIONAL);
                append(&foot, &button)?;
                Some((k, button))
            }
            None => None,
        };
        let legend = html("ul", "map-legend")?;
        set(&legend, "aria-label", s::MAP_KEY());
        append(&foot, &legend)?;
        let credit = html("p", "map-credit")?;
        text(&credit, s::MAP_CREDIT());
        append(&foot, &credit)?;
        append(&root, &foot)?;

        let mut listeners = vec![
            EventListener::new(&plot, "click", |e| {
                if let Some((_, code)) = dom::closest_with(e.target(), "data-region") {
                    crate::send(Intent::Region(code));
                }
            }),
            EventListener::new_with_options(
                &plot,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                |e| {
                    let Some(key) = e.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key) else {
                        return;
                    };
                    if key != "Enter" && key != " " {
                        return;
                    }
                    if let Some((_, code)) = dom::closest_with(e.target(), "data-region") {
                        // Space would scroll the page; Enter would do nothing more.
                        e.prevent_default();
                        crate::send(Intent::Region(code));
                    }
                },
            ),
        ];
        for (event, hover, on) in [
            ("pointerover", true, true),
            ("pointerout", true, false),
            ("focusin", false, true),
            ("focusout", false, false),
        ] {
            listeners.push(EventListener::new(&plot, event, move |e| {
                let code = dom::closest_with(e.target(), "data-region").map(|(_, c)| c);
                with(|island| {
                    let map = island.map.as_mut()?;
                    let k = code
                        .filter(|_| on)
                        .and_then(|c| island.regions.iter().position(|(x, _)| *x == c));
                    if hover {
                        map.hovered = k;
                    } else {
                        map.focused = k;
                    }
                    // What the last frame drew: the choices and the counts.
                    let frame = island.drawn.as_ref()?;
                    let chosen: Vec<bool> = frame.regions.iter().map(|m| m.chosen).collect();
                    let counts: Vec<u32> = frame.regions.iter().map(|m| m.count).collect();
                    map.show_marks(&chosen, frame.locked);
                    map.show_tip(&island.regions, &counts);
                    Some(())
                });
            }));
        }
        if let Some((_, button)) = &national {
            listeners.push(EventListener::new(button, "click", |_| {
                crate::send(Intent::Region(NATIONAL.to_string()));
            }));
        }
        dom::replace_children(slot, &root)?;
        Some(MapView {
            geometry,
            root,
            paths,
            marks,
            tip,
            national,
            legend,
            hovered: None,
            focused: None,
            painted: vec![None; regions.len()],
            national_painted: None,
            legend_max: None,
            marks_key: String::new(),
            _listeners: listeners,
        })
    }

    /// Shades, states and names from the facet's counts.
    pub fn paint(
        &mut self,
        regions: &[(String, String)],
        counts: &[u32],
        selected: &[bool],
        locked: bool,
    ) {
        let count = |k: usize| counts.get(k).copied().unwrap_or(0);
        let chosen = |k: usize| selected.get(k).copied().unwrap_or(false);
        // The national scope has its button: its count would flatten the
        // regions' shades when it is the largest.
        let max = self.paths.iter().map(|(k, _)| count(*k)).max().unwrap_or(0);
        for (k, path) in &self.paths {
            let (n, on) = (count(*k), chosen(*k));
            let now = (n, shade(n, max), on, locked);
            // Each attribute written only when what it says changed.
            let (look, label, lock) = match self.painted[*k].replace(now) {
                None => (true, true, true),
                Some(b) => ((b.1, b.2) != (now.1, now.2), b.0 != n, b.3 != locked),
            };
            if look {
                let class = format!("map-region s{}{}", now.1, if on { " on" } else { "" });
                set(path, "class", &class);
                set(path, "aria-pressed", if on { "true" } else { "false" });
            }
            if label {
                set(path, "aria-label", &s::map_region(&regions[*k].1, n));
            }
            if lock {
                if locked {
                    set(path, "aria-disabled", "true");
                } else {
                    let _ = path.remove_attribute("aria-disabled");
                }
            }
        }
        if let Some((k, button)) = &self.national {
            let (n, on) = (count(*k), chosen(*k));
            if self.national_painted != Some((n, on, locked)) {
                self.national_painted = Some((n, on, locked));
                text(
                    button,
                    &format!(
                        "{} · {}",
                        regions[*k].1,
                        number::count_as(passerelles_core::wording::lang(), n as usize)
                    ),
                );
                set(button, "aria-pressed", if on { "true" } else { "false" });
                if locked {
                    set(button, "disabled", "");
                } else {
                    let _ = button.remove_attribute("disabled");
                }
            }
        }
        self.paint_legend(max);
        self.show_marks(selected, locked);
        self.show_tip(regions, counts);
    }

    /// The legend: the empty shade, then the steps as one scale from 1 to
    /// the largest count (steps are of equal width), each step's counts
    /// written out for screen readers.
    fn paint_legend(&mut self, max: u32) {
        // Rebuilt only when the steps change.
        if self.legend_max.replace(max) == Some(max) {
            return;
        }
        self.legend.set_text_content(None);
        let count = |n: u32| number::count_as(passerelles_core::wording::lang(), n as usize);
        let _ = (|| {
            let none = html("li", "")?;
            let swatch = html("span", "map-swatch s0")?;
            set(&swatch, "aria-hidden", "true");
            append(&none, &swatch)?;
            let words = html("span", "")?;
            text(&words, s::MAP_NONE());
            append(&none, &words)?;
            append(&self.legend, &none)?;
            let steps = legend(max);
            let (Some(first), Some(last)) = (steps.first(), steps.last()) else {
                return Some(());
            };
            // The ends of the scale are for the eye; each step says its
            // counts to a screen reader.
            let end = |n: u32, class: &str| {
                let label = html("span", class)?;
                set(&label, "aria-hidden", "true");
                text(&label, &count(n));
                Some(label)
            };
            let scale = html("li", "map-scale")?;
            append(&scale, &end(first.1, "lo")?)?;
            for (k, lo, hi) in &steps {
                let swatch = html("span", &format!("map-swatch s{k}"))?;
                let range = html("span", "visually-hidden")?;
                let words = if lo == hi {
                    count(*lo)
                } else {
                    format!("{}–{}", count(*lo), count(*hi))
                };
                text(&range, &words);
                append(&swatch, &range)?;
                append(&scale, &swatch)?;
            }
            append(&scale, &end(last.2, "")?)?;
            append(&self.legend, &scale)
        })();
    }

    /// The outlines above the shapes: every chosen region (fixed ones
    /// apart), then the focused one.
    fn show_marks(&mut self, selected: &[bool], locked: bool) {
        let region = |k: usize| self.paths.iter().find(|(j, _)| *j == k);
        let chosen = self
            .paths
            .iter()
            .filter(|(k, _)| selected.get(*k).copied().unwrap_or(false))
            .map(|(k, _)| (*k, if locked { "map-fixed" } else { "map-on" }));
        let focused = self.focused.map(|k| (k, "map-focus"));
        let marks: Vec<(usize, &str)> = chosen.chain(focused).collect();
        // Redrawn only when they change.
        let key: String = marks
            .iter()
            .map(|(k, class)| format!("{k}{class} "))
            .collect();
        if self.marks_key == key {
            return;
        }
        self.marks_key = key;
        self.marks.set_inner_html("");
        // Each a path of its own with the region's outline, not a <use> of
        // the region: a <use> clones the region's tabindex, and its clone
        // was a stop of Tab that showed nothing (the focus seemed lost
        // after the last region).
        for (k, class) in marks {
            let (Some((_, path)), Some(mark)) = (region(k), svg("path", class)) else {
                continue;
            };
            if let Some(d) = path.get_attribute("d") {
                set(&mark, "d", &d);
                let _ = append(&self.marks, &mark);
            }
        }
    }

    /// The name and the count of the hovered region, else the focused one.
    fn show_tip(&self, regions: &[(String, String)], counts: &[u32]) {
        let Some(k) = self.hovered.or(self.focused) else {
            set(&self.tip, "hidden", "");
            return;
        };
        let Some(shape) = self.geometry.shape(&regions[k].0) else {
            return;
        };
        let (w, h) = self.geometry.size;
        text(
            &self.tip,
            &s::map_region(&regions[k].1, counts.get(k).copied().unwrap_or(0)),
        );
        let (x, y) = shape.label;
        dom::style(
            &self.tip,
            "--x",
            &dom::percent(x.max(0) as u32, w.max(1) as u32),
        );
        dom::style(
            &self.tip,
            "--y",
            &dom::percent(y.max(0) as u32, h.max(1) as u32),
        );
        let _ = self.tip.remove_attribute("hidden");
    }
}
