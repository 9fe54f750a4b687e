//! A small ordered set kept as a sorted vector: the filter's selections
//! (a handful of region codes, theme ids, record types). Ordered, so a URL
//! lists them in one order and one view has one URL; a vector, because a
//! B-tree costs some 15 KB of wasm to hold a dozen strings.

use std::borrow::Borrow;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Set<T>(Vec<T>);

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set(Vec::new())
    }
}

impl<T: Ord> Set<T> {
    pub fn new() -> Set<T> {
        Set(Vec::new())
    }

    /// Adds `value`; false when it was already there.
    pub fn insert(&mut self, value: T) -> bool {
        match self.0.iter().position(|x| *x >= value) {
            Some(k) if self.0[k] == value => false,
            Some(k) => {
                self.0.insert(k, value);
                true
            }
            None => {
                self.0.push(value);
                true
            }
        }
    }

    /// Removes `value`; false when it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        match self.0.iter().position(|x| x.borrow() == value) {
            Some(k) => {
                self.0.remove(k);
                true
            }
            None => false,
        }
    }

    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.iter().any(|x| x.borrow() == value)
    }

    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        self.0.retain(keep);
    }
}

impl<T: Ord> Extend<T> for Set<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for v in iter {
            self.insert(v);
        }
    }
}

impl<T> Set<T> {
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl<T: Ord> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut set = Set::new();
        for v in iter {
            set.insert(v);
        }
        set
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for Set<T> {
    fn from(values: [T; N]) -> Self {
        values.into_iter().collect()
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T> IntoIterator for Set<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn behaves_like_a_btree_set(ops in prop::collection::vec((any::<bool>(), 0u8..12), 0..60)) {
            let mut ours = Set::new();
            let mut reference = std::collections::BTreeSet::new();
            for (add, v) in ops {
                if add {
                    prop_assert_eq!(ours.insert(v), reference.insert(v));
                } else {
                    prop_assert_eq!(ours.remove(&v), reference.remove(&v));
                }
                prop_assert_eq!(ours.iter().collect::<Vec<_>>(), reference.iter().collect::<Vec<_>>());
                prop_assert_eq!(ours.len(), reference.len());
                for x in 0..12 {
                    prop_assert_eq!(ours.contains(&x), reference.contains(&x));
                }
            }
        }
    }

    #[test]
    fn strings_look_up_by_str() {
        let mut s: Set<String> = ["b".to_string(), "a".to_string(), "b".to_string()].into();
        assert_eq!(s.iter().collect::<Vec<_>>(), ["a", "b"]);
        assert!(s.contains("a") && !s.contains("c"));
        assert!(s.remove("a"));
        s.retain(|x| x != "b");
        assert!(s.is_empty());
    }
}
