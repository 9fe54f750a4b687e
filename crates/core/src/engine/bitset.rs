//! A fixed-size set of record positions, one bit each, so that every filter
//! and facet count is a handful of word operations instead of a loop over
//! records: 100,000 records are 1,563 words.
//!
//! Bits past the length are always zero; every operation that could set them
//! (only [`Bitset::full`] and [`Bitset::not`]) masks the tail word, so
//! [`Bitset::count`] never has to.

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bitset {
    words: Vec<u64>,
    len: usize,
}

fn words_for(len: usize) -> usize {
    len.div_ceil(64)
}

impl Bitset {
    /// `len` positions, none set.
    pub fn new(len: usize) -> Bitset {
        Bitset {
            words: vec![0; words_for(len)],
            len,
        }
    }

    /// `len` positions, all set.
    pub fn full(len: usize) -> Bitset {
        let mut b = Bitset {
            words: vec![u64::MAX; words_for(len)],
            len,
        };
        b.mask_tail();
        b
    }

    /// The set holding exactly `positions` (those ≥ `len` are ignored).
    pub fn from_positions(len: usize, positions: impl IntoIterator<Item = usize>) -> Bitset {
        let mut b = Bitset::new(len);
        for i in positions {
            b.insert(i);
        }
        b
    }

    fn mask_tail(&mut self) {
        let rem = self.len % 64;
        if rem != 0 {
            if let Some(last) = self.words.last_mut() {
                *last &= (1u64 << rem) - 1;
            }
        }
    }

    /// Number of positions (set or not).
    pub fn capacity(&self) -> usize {
        self.len
    }

    /// Sets position `i`; positions out of range are ignored.
    pub fn insert(&mut self, i: usize) {
        if i < self.len {
            self.words[i / 64] |= 1 << (i % 64);
        }
    }

    pub fn contains(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    /// Number of positions set.
    pub fn count(&self) -> u32 {
        self.words.iter().map(|w| w.count_ones()).sum()
    }

    pub fn is_clear(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    /// Unsets every position, keeping the length and the allocation.
    pub fn clear(&mut self) {
        self.words.fill(0);
    }

    /// Becomes a copy of `other` without reallocating when lengths agree.
    pub fn copy_from(&mut self, other: &Bitset) {
        self.words.clone_from(&other.words);
        self.len = other.len;
    }

    // Sets of different lengths never meet in this crate (all come from one
    // index); if they did, the shorter one reads as zeros past its end.

    /// `self ∩= other`.
    pub fn and_with(&mut self, other: &Bitset) {
        debug_assert_eq!(self.len, other.len);
        let n = other.words.len().min(self.words.len());
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
        self.words[n..].fill(0);
    }

    /// `self ∪= other`.
    pub fn or_with(&mut self, other: &Bitset) {
        debug_assert_eq!(self.len, other.len);
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// `self −= other`.
    pub fn and_not_with(&mut self, other: &Bitset) {
        debug_assert_eq!(self.len, other.len);
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// The complement within `0..len`.
    pub fn not(&self) -> Bitset {
        let mut b = Bitset {
            words: self.words.iter().map(|w| !w).collect(),
            len: self.len,
        };
        b.mask_tail();
        b
    }

    /// Set positions in increasing order.
    pub fn iter(&self) -> Ones<'_> {
        Ones {
            words: &self.words,
            index: 0,
            current: self.words.first().copied().unwrap_or(0),
        }
    }

    /// The words, low bit of word 0 first (how a pack stores a set).
    pub fn words(&self) -> &[u64] {
        &self.words
    }

    /// The set whose words are `words` (bits past `len` are cleared).
    pub fn from_words(len: usize, words: impl IntoIterator<Item = u64>) -> Bitset {
        let mut b = Bitset::new(len);
        for (w, x) in b.words.iter_mut().zip(words) {
            *w = x;
        }
        b.mask_tail();
        b
    }

    /// The words, low bit of word 0 first, for building a set 64 positions at
    /// a time; callers must leave bits past the length at zero.
    pub(crate) fn words_mut(&mut self) -> &mut [u64] {
        &mut self.words
    }
}

/// A set written on its own (a split pack's index): `u8 0`, `varint`
/// count, then the positions as `varint` gaps (the first from 0); or
/// `u8 1` and the words; whichever is smaller. Most sets of a large dataset
/// (a region, a theme) hold few of its records.
pub fn write_compact(w: &mut crate::wire::Writer, set: &Bitset) {
    let mut sparse = crate::wire::Writer::new();
    sparse.usize(set.count() as usize);
    let mut last = 0;
    for i in set {
        sparse.usize(i - last);
        last = i;
    }
    if sparse.len() < set.words.len() * 8 {
        w.u8(0);
        w.bytes(sparse.as_bytes());
    } else {
        w.u8(1);
        for word in &set.words {
            w.u64(*word);
        }
    }
}

/// Reads a set of `len` positions written by [`write_compact`]: positions
/// increasing and below `len`, words of exactly that length, or
/// [`crate::wire::Corrupt`].
pub fn read_compact(r: &mut crate::wire::Reader, len: usize) -> crate::wire::Result<Bitset> {
    use crate::wire::Corrupt;
    match r.u8()? {
        0 => {
            let count = r.count()?;
            let mut set = Bitset::new(len);
            let mut at = 0usize;
            for k in 0..count {
                let gap = r.usize()?;
                if k > 0 && gap == 0 {
                    return Err(Corrupt);
                }
                at = at.checked_add(gap).filter(|&i| i < len).ok_or(Corrupt)?;
                set.insert(at);
            }
            Ok(set)
        }
        1 => {
            let words = r.take(words_for(len).checked_mul(8).ok_or(Corrupt)?)?;
            let set = Bitset::from_words(len, crate::wire::words(words));
            // Bits past the length were cleared: they must not have been set.
            if set
                .words
                .iter()
                .zip(crate::wire::words(words))
                .any(|(a, b)| *a != b)
            {
                return Err(Corrupt);
            }
            Ok(set)
        }
        _ => Err(Corrupt),
    }
}

/// `|a ∩ b|`, without building the intersection.
pub fn intersect_count(a: &Bitset, b: &Bitset) -> u32 {
    debug_assert_eq!(a.len, b.len);
    a.words
        .iter()
        .zip(&b.words)
        .map(|(x, y)| (x & y).count_ones())
        .sum()
}

/// `|a ∩ (b ∪ c)|`, without building either set.
pub fn intersect_union_count(a: &Bitset, b: &Bitset, c: &Bitset) -> u32 {
    debug_assert!(a.len == b.len && b.len == c.len);
    a.words
        .iter()
        .zip(&b.words)
        .zip(&c.words)
        .map(|((x, y), z)| (x & (y | z)).count_ones())
        .sum()
}

pub struct Ones<'a> {
    words: &'a [u64],
    index: usize,
    current: u64,
}

impl Iterator for Ones<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.current == 0 {
            self.index += 1;
            self.current = *self.words.get(self.index)?;
        }
        let bit = self.current.trailing_zeros() as usize;
        self.current &= self.current - 1;
        Some(self.index * 64 + bit)
    }
}

impl<'a> IntoIterator for &'a Bitset {
    type Item = usize;
    type IntoIter = Ones<'a>;

    fn into_iter(self) -> Ones<'a> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn full_masks_the_tail() {
        for n in [0, 1, 63, 64, 65, 127, 128, 129, 1000] {
            let f = Bitset::full(n);
            assert_eq!(f.count() as usize, n, "{n}");
            assert_eq!(f.iter().collect::<Vec<_>>(), (0..n).collect::<Vec<_>>());
            assert_eq!(f.not().count(), 0);
            assert_eq!(Bitset::new(n).not(), f);
            assert_eq!(f.capacity(), n);
        }
    }

    #[test]
    fn insert_contains_and_bounds() {
        let mut b = Bitset::new(70);
        b.insert(0);
        b.insert(63);
        b.insert(64);
        b.insert(69);
        b.insert(70);
        b.insert(usize::MAX);
        assert!(b.contains(0) && b.contains(63) && b.contains(64) && b.contains(69));
        assert!(!b.contains(1) && !b.contains(70) && !b.contains(usize::MAX));
        assert_eq!(b.count(), 4);
        assert_eq!(b.iter().collect::<Vec<_>>(), [0, 63, 64, 69]);
        b.clear();
        assert!(b.is_clear());
        assert_eq!(b.iter().next(), None);
    }

    #[test]
    fn empty_sets_iterate_nothing() {
        assert_eq!(Bitset::new(0).iter().count(), 0);
        assert_eq!(Bitset::full(0).iter().count(), 0);
        assert_eq!(intersect_count(&Bitset::new(0), &Bitset::full(0)), 0);
    }

    fn set(n: usize) -> impl Strategy<Value = Vec<bool>> {
        proptest::collection::vec(any::<bool>(), n)
    }

    proptest! {
        /// Written compactly and read back: the same set, sparse or dense;
        /// cut anywhere or a byte changed, refused or another valid set,
        /// never a panic.
        #[test]
        fn compact_sets_round_trip(
            positions in proptest::collection::vec(any::<bool>(), 0..700),
            noise in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..4),
        ) {
            let n = positions.len();
            let set = Bitset::from_positions(n, (0..n).filter(|&i| positions[i]));
            let mut w = crate::wire::Writer::new();
            write_compact(&mut w, &set);
            let bytes = w.into_bytes();
            let mut r = crate::wire::Reader::new(&bytes);
            prop_assert_eq!(read_compact(&mut r, n), Ok(set.clone()));
            prop_assert!(r.is_done());
            for cut in 0..bytes.len() {
                prop_assert!(read_compact(&mut crate::wire::Reader::new(&bytes[..cut]), n).is_err());
            }
            let mut changed = bytes.clone();
            for (at, b) in noise {
                let k = at % changed.len();
                changed[k] = b;
            }
            if let Ok(other) = read_compact(&mut crate::wire::Reader::new(&changed), n) {
                prop_assert_eq!(other.capacity(), n);
                prop_assert!(other.iter().all(|i| i < n));
            }
        }

        #[test]
        fn operations_match_boolean_vectors(
            (a, b, c) in (0usize..300).prop_flat_map(|n| (set(n), set(n), set(n)))
        ) {
            let n = a.len();
            let bs = |v: &[bool]| Bitset::from_positions(n, (0..n).filter(|&i| v[i]));
            let (sa, sb, sc) = (bs(&a), bs(&b), bs(&c));
            let ones = |f: &dyn Fn(usize) -> bool| (0..n).filter(|&i| f(i)).collect::<Vec<_>>();

            let mut and = sa.clone();
            and.and_with(&sb);
            prop_assert_eq!(and.iter().collect::<Vec<_>>(), ones(&|i| a[i] && b[i]));
            let mut or = sa.clone();
            or.or_with(&sb);
            prop_assert_eq!(or.iter().collect::<Vec<_>>(), ones(&|i| a[i] || b[i]));
            let mut diff = sa.clone();
            diff.and_not_with(&sb);
            prop_assert_eq!(diff.iter().collect::<Vec<_>>(), ones(&|i| a[i] && !b[i]));
            prop_assert_eq!(sa.not().iter().collect::<Vec<_>>(), ones(&|i| !a[i]));

            prop_assert_eq!(sa.count() as usize, ones(&|i| a[i]).len());
            prop_assert_eq!(intersect_count(&sa, &sb) as usize, ones(&|i| a[i] && b[i]).len());
            prop_assert_eq!(
                intersect_union_count(&sa, &sb, &sc) as usize,
                ones(&|i| a[i] && (b[i] || c[i])).len()
            );
            for (i, &x) in a.iter().enumerate() {
                prop_assert_eq!(sa.contains(i), x);
            }
            let mut copy = Bitset::new(0);
            copy.copy_from(&sa);
            prop_assert_eq!(&copy, &sa);
        }
    }
}
