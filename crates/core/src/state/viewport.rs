//! Which rows of a long result list must exist in the DOM: only those in view,
//! plus a margin, so 100,000 results cost what a screenful costs.

use std::ops::Range;

/// From this many results on, the list is virtualised; below, every card is
/// rendered in full (no clamped text, nothing to compute).
pub const VIRTUAL_FROM: usize = 200;

/// Rows rendered beyond each edge of the viewport, so fast scrolling and
/// keyboard focus moving down never meet an empty gap.
pub const OVERSCAN: usize = 4;

/// The rows to render.
///
/// `list_top` is the list's top edge relative to the viewport top (negative
/// once scrolled past), `viewport` the viewport height, `pitch` the distance
/// from one row's top to the next, all in CSS pixels.
pub fn visible_rows(list_top: f64, viewport: f64, pitch: f64, rows: usize) -> Range<usize> {
    if rows == 0 {
        return 0..0;
    }
    // An unmeasured or absurd pitch must not divide by zero or render everything.
    let pitch = if pitch.is_finite() && pitch >= 1.0 {
        pitch
    } else {
        160.0
    };
    let viewport = if viewport.is_finite() && viewport > 0.0 {
        viewport
    } else {
        800.0
    };
    let list_top = if list_top.is_finite() { list_top } else { 0.0 };
    let first_seen = (-list_top / pitch).floor().max(0.0) as usize;
    let last_seen = ((viewport - list_top) / pitch).ceil().max(0.0) as usize;
    let start = first_seen.saturating_sub(OVERSCAN).min(rows);
    let end = last_seen.saturating_add(OVERSCAN).min(rows).max(start);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn at_the_top_renders_a_screenful_and_the_margin() {
        // List starts 300 px down a 900 px viewport: rows 0..4 (600/160) are visible.
        assert_eq!(
            visible_rows(300.0, 900.0, 160.0, 100_000),
            0..(4 + OVERSCAN)
        );
    }

    #[test]
    fn scrolled_deep_renders_around_the_view() {
        let r = visible_rows(-160.0 * 50_000.0, 800.0, 160.0, 100_000);
        assert_eq!(r, (50_000 - OVERSCAN)..(50_005 + OVERSCAN));
    }

    #[test]
    fn never_past_the_end_or_inverted() {
        assert_eq!(visible_rows(-1e12, 800.0, 160.0, 10), 10..10);
        // Below the fold, the first rows are ready before they are scrolled to.
        assert_eq!(visible_rows(5000.0, 800.0, 160.0, 10), 0..OVERSCAN);
        assert_eq!(visible_rows(0.0, 800.0, 160.0, 0), 0..0);
        assert_eq!(visible_rows(0.0, 800.0, 160.0, 3), 0..3);
    }

    #[test]
    fn nonsense_measures_fall_back_to_defaults() {
        let r = visible_rows(f64::NAN, f64::INFINITY, 0.0, 1000);
        assert!(r.end - r.start <= 800 / 160 + 2 * OVERSCAN + 1, "{r:?}");
    }

    proptest! {
        #[test]
        fn bounded_and_covering_the_view(top in -1e7f64..1e4, vh in 100f64..3000.0, pitch in 20f64..600.0, rows in 0usize..200_000) {
            let r = visible_rows(top, vh, pitch, rows);
            prop_assert!(r.start <= r.end && r.end <= rows);
            // Never more than a screenful plus the margins.
            prop_assert!(r.end - r.start <= (vh / pitch).ceil() as usize + 1 + 2 * OVERSCAN);
            // The first row whose box meets the viewport is rendered.
            let first_visible = ((-top) / pitch).floor().max(0.0) as usize;
            if first_visible < rows && top + (first_visible as f64) * pitch < vh {
                prop_assert!(r.contains(&first_visible));
            }
        }
    }
}
