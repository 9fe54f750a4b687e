//! How a visitor picks a run of the timeline's bars: by dragging across
//! them, or with the keyboard, where the arrows move the choice one bar and
//! Shift with an arrow stretches it from where it started (as in a list
//! whose items are chosen with Shift). Home and End go to the first and the
//! last bar. The choice is an anchor (where it started) and a head (where
//! it is now); the bars between them, both included, become the period.

/// A keyboard step on the bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Previous,
    Next,
    First,
    Last,
}

impl Step {
    /// The step a key names (`KeyboardEvent.key`), if any.
    pub fn from_key(key: &str) -> Option<Step> {
        match key {
            "ArrowLeft" | "ArrowDown" => Some(Step::Previous),
            "ArrowRight" | "ArrowUp" => Some(Step::Next),
            "Home" => Some(Step::First),
            "End" => Some(Step::Last),
            _ => None,
        }
    }
}

/// A run of bars: where the choice started and where it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Brush {
    pub anchor: usize,
    pub head: usize,
}

impl Brush {
    pub fn at(bar: usize) -> Brush {
        Brush {
            anchor: bar,
            head: bar,
        }
    }

    /// The first and last bar chosen.
    pub fn bars(&self) -> (usize, usize) {
        (self.anchor.min(self.head), self.anchor.max(self.head))
    }

    /// After `step` over `len` bars: moved (one bar chosen) or, with
    /// `extend`, stretched from the anchor.
    pub fn step(self, step: Step, extend: bool, len: usize) -> Brush {
        let last = len.saturating_sub(1);
        let head = match step {
            Step::Previous => self.head.saturating_sub(1),
            Step::Next => (self.head + 1).min(last),
            Step::First => 0,
            Step::Last => last,
        };
        if extend {
            Brush {
                anchor: self.anchor.min(last),
                head,
            }
        } else {
            Brush::at(head)
        }
    }

    /// A drag that reached `bar`.
    pub fn drag_to(self, bar: usize) -> Brush {
        Brush {
            anchor: self.anchor,
            head: bar,
        }
    }
}

/// The bar under a pointer at `x` across bars laid out evenly over
/// `[left, left + width)`, clamped to the first and last bar.
pub fn bar_at(x: f64, left: f64, width: f64, len: usize) -> usize {
    if len == 0 || width <= 0.0 || !x.is_finite() {
        return 0;
    }
    let k = ((x - left) / width * len as f64).floor();
    k.clamp(0.0, (len - 1) as f64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_move_and_shift_arrows_stretch() {
        let b = Brush::at(5);
        assert_eq!(b.step(Step::Next, false, 13), Brush::at(6));
        assert_eq!(b.step(Step::Previous, false, 13), Brush::at(4));
        let s = b.step(Step::Next, true, 13).step(Step::Next, true, 13);
        assert_eq!(s.bars(), (5, 7));
        // Back past the anchor: the run now lies before it.
        let s = s
            .step(Step::Previous, true, 13)
            .step(Step::Previous, true, 13)
            .step(Step::Previous, true, 13);
        assert_eq!(s.bars(), (4, 5));
        assert_eq!(s.step(Step::Last, true, 13).bars(), (5, 12));
        assert_eq!(s.step(Step::First, false, 13), Brush::at(0));
        // At the edges it stays.
        assert_eq!(Brush::at(0).step(Step::Previous, false, 13), Brush::at(0));
        assert_eq!(Brush::at(12).step(Step::Next, false, 13), Brush::at(12));
        // Bars that went away (the axis shrank): back within it.
        assert_eq!(Brush::at(20).step(Step::Next, true, 13).bars(), (12, 12));
    }

    #[test]
    fn keys_name_steps() {
        assert_eq!(Step::from_key("ArrowRight"), Some(Step::Next));
        assert_eq!(Step::from_key("Home"), Some(Step::First));
        assert_eq!(Step::from_key("a"), None);
    }

    #[test]
    fn pointers_land_on_bars() {
        assert_eq!(bar_at(0.0, 0.0, 130.0, 13), 0);
        assert_eq!(bar_at(15.0, 0.0, 130.0, 13), 1);
        assert_eq!(bar_at(129.9, 0.0, 130.0, 13), 12);
        assert_eq!(bar_at(500.0, 0.0, 130.0, 13), 12);
        assert_eq!(bar_at(-5.0, 0.0, 130.0, 13), 0);
        assert_eq!(bar_at(f64::NAN, 0.0, 130.0, 13), 0);
        assert_eq!(bar_at(10.0, 0.0, 0.0, 13), 0);
        assert_eq!(bar_at(10.0, 0.0, 100.0, 0), 0);
        assert_eq!(Brush::at(3).drag_to(1).bars(), (1, 3));
    }
}
