//! "Vouliez-vous dire …": the known word nearest to a typo, when it is near
//! enough to be what the editor meant.
//!
//! Bounded, because a hostile file can ask for thousands of suggestions
//! against thousands of long words: a word is only compared with known words
//! whose length is within the distance allowed, words longer than any id
//! are not compared at all, the edit distance is computed in a band around
//! the diagonal and given up as soon as it exceeds the distance allowed, and
//! a [`Suggester`] remembers each answer and stops suggesting once it has
//! spent its budget.

use std::collections::HashMap;

/// Longest word compared, in characters: ids and field names are at most
/// 120 bytes, so a longer word is no typo of one.
pub const MAX_CHARS: usize = 128;

/// Work a [`Suggester`] may do for one file, in cells of the distance table:
/// about a tenth of a second, more than any real file needs by far.
const BUDGET_CELLS: usize = 20_000_000;

/// The farthest a known word may be from a typo of `chars` characters.
fn allowed(chars: usize) -> usize {
    2.max(chars / 3)
}

/// The known word nearest to a typo, if it is near enough to be a plausible intent.
pub fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let word: Vec<char> = word.chars().collect();
    if word.len() > MAX_CHARS {
        return None;
    }
    let mut cells = usize::MAX;
    let mut best: Option<(usize, &str)> = None;
    let mut k_chars = Vec::new();
    for &k in known {
        k_chars.clear();
        k_chars.extend(k.chars().take(MAX_CHARS + 1));
        consider(&word, k, &k_chars, &mut best, &mut cells);
    }
    best.map(|(_, k)| k)
}

/// Keeps `k` as the best so far if it is nearer (ties: the first in
/// alphabetical order, so the answer does not depend on the vocabulary's order).
fn consider<'a>(
    word: &[char],
    k: &'a str,
    k_chars: &[char],
    best: &mut Option<(usize, &'a str)>,
    cells: &mut usize,
) {
    let max = allowed(word.len());
    let max = best.map_or(max, |(d, _)| max.min(d));
    if let Some(d) = banded_distance(word, k_chars, max, cells) {
        if best.is_none_or(|(bd, bk)| d < bd || (d == bd && k < bk)) {
            *best = Some((d, k));
        }
    }
}

/// The edit distance between `a` and `b` if it is at most `max`, computed
/// only within `max` cells of the diagonal; `None` beyond `max`, or when
/// `cells` (decremented by the work done) runs out.
fn banded_distance(a: &[char], b: &[char], max: usize, cells: &mut usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max || b.len() > MAX_CHARS {
        return None;
    }
    const FAR: usize = usize::MAX / 2;
    let width = b.len() + 1;
    // Row i holds distances from a[..i] to b[..j], for j within the band.
    let mut prev: Vec<usize> = (0..width).map(|j| if j <= max { j } else { FAR }).collect();
    let mut row = vec![FAR; width];
    for (i, &ca) in a.iter().enumerate() {
        let i = i + 1;
        let lo = i.saturating_sub(max);
        let hi = (i + max).min(b.len());
        let work = hi + 1 - lo;
        if *cells < work {
            *cells = 0;
            return None;
        }
        *cells -= work;
        row.fill(FAR);
        if lo == 0 {
            row[0] = i;
        }
        let mut least = row[0];
        for j in lo.max(1)..=hi {
            let substitute = prev[j - 1] + usize::from(ca != b[j - 1]);
            let value = substitute.min(prev[j] + 1).min(row[j - 1] + 1);
            row[j] = value;
            least = least.min(value);
        }
        if least > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    Some(prev[b.len()]).filter(|&d| d <= max)
}

/// Suggestions from one vocabulary for a whole file: known words sorted by
/// length so a typo meets only those of a possible length, each answer
/// remembered (a file may misspell the same theme 50,000 times), and a
/// budget of work after which it stops suggesting.
#[derive(Debug)]
pub struct Suggester<'a> {
    /// Known words and their characters, by length in characters.
    by_len: Vec<Vec<(&'a str, Vec<char>)>>,
    seen: HashMap<String, Option<&'a str>>,
    cells: usize,
}

impl<'a> Suggester<'a> {
    pub fn new(known: impl IntoIterator<Item = &'a str>) -> Suggester<'a> {
        let mut by_len: Vec<Vec<(&'a str, Vec<char>)>> = vec![Vec::new(); MAX_CHARS + 1];
        for k in known {
            let chars: Vec<char> = k.chars().take(MAX_CHARS + 1).collect();
            if let Some(bucket) = by_len.get_mut(chars.len()) {
                bucket.push((k, chars));
            }
        }
        Suggester {
            by_len,
            seen: HashMap::new(),
            cells: BUDGET_CELLS,
        }
    }

    /// As [`closest`], against this vocabulary.
    pub fn closest(&mut self, word: &str) -> Option<&'a str> {
        if let Some(&known) = self.seen.get(word) {
            return known;
        }
        let chars: Vec<char> = word.chars().take(MAX_CHARS + 1).collect();
        let mut best = None;
        if chars.len() <= MAX_CHARS && self.cells > 0 {
            let max = allowed(chars.len());
            let lengths = chars.len().saturating_sub(max)..=(chars.len() + max).min(MAX_CHARS);
            'all: for bucket in &self.by_len[lengths] {
                for (k, k_chars) in bucket {
                    if self.cells == 0 {
                        break 'all;
                    }
                    consider(&chars, k, k_chars, &mut best, &mut self.cells);
                }
            }
        }
        let best = best.map(|(_, k)| k);
        // Long words are not remembered: they cannot be typos, and a file
        // of long distinct words must not fill memory with copies of them.
        if chars.len() <= MAX_CHARS {
            self.seen.insert(word.to_string(), best);
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let cur = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
                prev = cur;
            }
        }
        row[b.len()]
    }

    #[test]
    fn the_band_agrees_with_the_full_table_within_it() {
        let words = [
            "",
            "a",
            "emploi",
            "emploie",
            "empoli",
            "insertion",
            "insrtion",
            "rse",
            "res",
            "dialogue-social",
            "dialogue_sociale",
            "événements",
            "evenements",
            "ag-2019",
        ];
        for a in words {
            for b in words {
                let (a_c, b_c): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let full = plain(a, b);
                for max in 0..6 {
                    let mut cells = usize::MAX;
                    let got = banded_distance(&a_c, &b_c, max, &mut cells);
                    assert_eq!(got, (full <= max).then_some(full), "{a:?} {b:?} {max}");
                }
            }
        }
    }

    #[test]
    fn suggests_near_words_only() {
        let known = ["emploi", "insertion", "events", "agreements"];
        assert_eq!(closest("emploie", &known), Some("emploi"));
        assert_eq!(closest("Events", &known), Some("events"));
        assert_eq!(closest("agreement", &known), Some("agreements"));
        assert_eq!(closest("zzz", &known), None);
        assert_eq!(closest(&"e".repeat(10_000), &known), None);
        let mut s = Suggester::new(known);
        assert_eq!(s.closest("insrtion"), Some("insertion"));
        assert_eq!(s.closest("insrtion"), Some("insertion"));
        assert_eq!(s.closest("zzz"), None);
    }

    #[test]
    fn a_hostile_vocabulary_spends_the_budget_then_stops_suggesting() {
        // 20,000 known words of 100 characters and 20,000 distinct typos of
        // them: 400 million pairs, of which only the budget's worth is done.
        let known: Vec<String> = (0..20_000).map(|i| format!("{i:0>100}")).collect();
        let mut s = Suggester::new(known.iter().map(String::as_str));
        for i in 0..20_000 {
            let _ = s.closest(&format!("{i:x>100}"));
        }
        assert_eq!(s.cells, 0);
        assert_eq!(s.closest(&format!("{:0>99}", 7)), None);
    }
}
