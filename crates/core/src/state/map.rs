//! The region map's shapes and how they are shaded: pure, so the drawing
//! module (`src/ui/island/`) only turns them into SVG.
//!
//! The geometry is `assets/regions.map` (written once by
//! `scripts/map-geometry.mjs` from IGN / INSEE outlines, its format in
//! `assets/regions.map.md`): a `viewBox` line, the frames of the overseas
//! insets, then one line per region: INSEE code, a point inside it for its
//! label, and SVG path data. [`Geometry::parse`] reads it without trusting
//! it: a line it cannot read is skipped, never a panic.
//!
//! Shading follows the region facet's counts, the checkboxes' own: a region
//! with no record is drawn empty (not hidden), the others in [`SHADES`]
//! steps of equal width up to the largest count, so the legend can say
//! which counts each step holds.

/// Steps of shading for regions that hold records.
pub const SHADES: u32 = 4;

/// One region's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape<'a> {
    /// INSEE region code, as the dataset's vocabulary writes it.
    pub code: &'a str,
    /// A point inside the region, in the view box.
    pub label: (i32, i32),
    /// SVG path data (`m`, relative lines, `z`).
    pub path: &'a str,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Geometry<'a> {
    /// Width and height of the view box (its origin is 0 0).
    pub size: (i32, i32),
    /// Frames of the overseas insets: code, x, y, width, height.
    pub insets: Vec<(&'a str, [i32; 4])>,
    pub shapes: Vec<Shape<'a>>,
}

impl<'a> Geometry<'a> {
    pub fn parse(text: &'a str) -> Geometry<'a> {
        let mut g = Geometry::default();
        for line in text.lines() {
            if let Some(rest) = line.strip_prefix("viewBox ") {
                if let [0, 0, w, h] = numbers(rest)[..] {
                    g.size = (w, h);
                }
            } else if let Some(rest) = line.strip_prefix("box ") {
                if let Some((code, rest)) = rest.split_once(' ') {
                    if let Ok(frame) = <[i32; 4]>::try_from(numbers(rest)) {
                        g.insets.push((code, frame));
                    }
                }
            } else if let [code, x, y, path] = line.split('\t').collect::<Vec<_>>()[..] {
                let path_like = path
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b" -mz".contains(&b));
                if let (Ok(x), Ok(y), true) = (x.parse(), y.parse(), path_like) {
                    g.shapes.push(Shape {
                        code,
                        label: (x, y),
                        path,
                    });
                }
            }
        }
        g
    }

    pub fn shape(&self, code: &str) -> Option<&Shape<'a>> {
        self.shapes.iter().find(|s| s.code == code)
    }
}

fn numbers(text: &str) -> Vec<i32> {
    text.split(' ').map_while(|n| n.parse().ok()).collect()
}

/// The step of a region's count: 0 for none, else 1 to [`SHADES`], of
/// equal width up to `max`.
pub fn shade(count: u32, max: u32) -> u32 {
    if count == 0 || max == 0 {
        0
    } else {
        (u64::from(count) * u64::from(SHADES)).div_ceil(u64::from(max.max(count))) as u32
    }
}

/// The counts each step holds, for the legend: `(step, lowest, highest)`,
/// steps that no count can reach left out (few records: fewer steps).
pub fn legend(max: u32) -> Vec<(u32, u32, u32)> {
    (1..=SHADES)
        .filter_map(|k| {
            let lo = (u64::from(max) * u64::from(k - 1) / u64::from(SHADES)) as u32 + 1;
            let hi = (u64::from(max) * u64::from(k) / u64::from(SHADES)) as u32;
            (lo <= hi).then_some((k, lo, hi))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &str = include_str!("../../../../assets/regions.map");

    #[test]
    fn the_shipped_geometry_has_every_region_and_inset() {
        let g = Geometry::parse(SHIPPED);
        assert_eq!(g.size, (991, 776));
        let codes: Vec<&str> = g.shapes.iter().map(|s| s.code).collect();
        assert_eq!(
            codes,
            [
                "01", "02", "03", "04", "06", "11", "24", "27", "28", "32", "44", "52", "53", "75",
                "76", "84", "93", "94"
            ]
        );
        let insets: Vec<&str> = g.insets.iter().map(|(c, _)| *c).collect();
        assert_eq!(insets, ["01", "02", "03", "04", "06"]);
        for s in &g.shapes {
            assert!(
                s.path.starts_with('m') && s.path.ends_with('z'),
                "{}",
                s.code
            );
            assert!((0..991).contains(&s.label.0) && (0..776).contains(&s.label.1));
        }
        // Each overseas region's label point lies in its own frame.
        for (code, [x, y, w, h]) in &g.insets {
            let (lx, ly) = g.shape(code).unwrap().label;
            assert!(
                (*x..x + w).contains(&lx) && (*y..y + h).contains(&ly),
                "{code}"
            );
        }
    }

    #[test]
    fn unreadable_lines_are_skipped() {
        let g = Geometry::parse(
            "viewBox 0 0 10 10\nbox 01 1 2 x 4\n11\t1\t2\tm1 2z\n12\ta\t2\tm1z\n13\t1\t2\t<script>\n\t\t\t\nnoise",
        );
        assert_eq!(g.size, (10, 10));
        assert!(g.insets.is_empty());
        assert_eq!(g.shapes.len(), 1);
        assert_eq!(g.shape("11").unwrap().label, (1, 2));
        assert_eq!(Geometry::parse(""), Geometry::default());
    }

    #[test]
    fn shades_split_the_counts_in_equal_steps() {
        assert_eq!(shade(0, 9), 0);
        assert_eq!(shade(1, 9), 1);
        assert_eq!(shade(3, 9), 2);
        assert_eq!(shade(9, 9), 4);
        assert_eq!(shade(1, 1), 4);
        // A count above the stated maximum is the top step, never beyond.
        assert_eq!(shade(20, 9), 4);
        assert_eq!(shade(5, 0), 0);
        assert_eq!(legend(9), [(1, 1, 2), (2, 3, 4), (3, 5, 6), (4, 7, 9)]);
        assert_eq!(legend(2), [(2, 1, 1), (4, 2, 2)]);
        assert_eq!(legend(0), []);
        // Every count from 1 to max falls in the step the legend gives it.
        for max in 1..60 {
            for c in 1..=max {
                let k = shade(c, max);
                let (_, lo, hi) = legend(max)
                    .into_iter()
                    .find(|l| l.0 == k)
                    .expect("every step a count reaches is in the legend");
                assert!((lo..=hi).contains(&c), "{c} of {max} in step {k}");
            }
        }
    }
}
