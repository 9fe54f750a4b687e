//! The byte-level encoding of packs ([`crate::pack`]): little-endian
//! fixed-width integers, LEB128 varints, length-prefixed UTF-8 strings.
//!
//! Written here rather than taken from a serde format: the page only ever
//! reads, a hand-written reader is a few hundred bytes of wasm where a serde
//! format brings its visitors for every type, and reading borrows strings
//! straight from the downloaded bytes instead of copying them.
//!
//! Reading never panics and never trusts a length: a pack can be truncated
//! or damaged on the way, and every read checks its bounds and says
//! [`Corrupt`] instead.

use std::ops::Range;

/// The bytes are not a well-formed pack (truncated, damaged, or not a pack).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Corrupt;

pub type Result<T> = std::result::Result<T, Corrupt>;

#[derive(Debug, Default, Clone)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    pub fn len(&self) -> usize {
        self.buf.len()
    }

    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.buf
    }

    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn i32(&mut self, v: i32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    pub fn usize(&mut self, v: usize) {
        self.varint(v as u64);
    }

    pub fn bool(&mut self, v: bool) {
        self.u8(u8::from(v));
    }

    pub fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// An optional string: a flag byte, then the string.
    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }
}

#[derive(Debug, Clone)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    /// Bytes read so far.
    pub fn position(&self) -> usize {
        self.pos
    }

    pub fn is_done(&self) -> bool {
        self.pos == self.bytes.len()
    }

    /// Bytes left to read.
    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).ok_or(Corrupt)?;
        let out = self.bytes.get(self.pos..end).ok_or(Corrupt)?;
        self.pos = end;
        Ok(out)
    }

    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    pub fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().map_err(|_| Corrupt)?,
        ))
    }

    pub fn i32(&mut self) -> Result<i32> {
        Ok(self.u32()? as i32)
    }

    pub fn u64(&mut self) -> Result<u64> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().map_err(|_| Corrupt)?,
        ))
    }

    pub fn varint(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Corrupt)
    }

    /// A number that fits in 32 bits.
    pub fn usize(&mut self) -> Result<usize> {
        let v = self.varint()?;
        if v > u64::from(u32::MAX) {
            return Err(Corrupt);
        }
        Ok(v as usize)
    }

    /// The length of a list or a string that follows: never more than the
    /// bytes left (every item takes one at least), so a damaged length cannot
    /// make a caller reserve gigabytes.
    pub fn count(&mut self) -> Result<usize> {
        let v = self.varint()?;
        if v > (self.bytes.len() - self.pos) as u64 {
            return Err(Corrupt);
        }
        Ok(v as usize)
    }

    pub fn bool(&mut self) -> Result<bool> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Corrupt),
        }
    }

    pub fn str(&mut self) -> Result<&'a str> {
        let n = self.count()?;
        std::str::from_utf8(self.take(n)?).map_err(|_| Corrupt)
    }

    /// A count, then that many items, each read by `item`.
    pub fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Result<T>) -> Result<Vec<T>> {
        let n = self.count()?;
        let mut out = Vec::new();
        for _ in 0..n {
            out.push(item(self)?);
        }
        Ok(out)
    }

    pub fn opt_str(&mut self) -> Result<Option<&'a str>> {
        Ok(if self.bool()? {
            Some(self.str()?)
        } else {
            None
        })
    }
}

/// A run of little-endian `u32`s inside a byte slice, read by position.
#[derive(Debug, Clone, Copy, Default)]
pub struct U32s<'a>(&'a [u8]);

impl<'a> U32s<'a> {
    /// `bytes` must hold a whole number of `u32`s.
    pub fn new(bytes: &'a [u8]) -> Result<U32s<'a>> {
        if bytes.len().is_multiple_of(4) {
            Ok(U32s(bytes))
        } else {
            Err(Corrupt)
        }
    }

    pub fn len(&self) -> usize {
        self.0.len() / 4
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<u32> {
        let b = self.0.get(i.checked_mul(4)?..i * 4 + 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn iter(&self) -> impl Iterator<Item = u32> + 'a {
        self.0
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// Little-endian `u64` words from bytes (a bitset as a pack stores it).
pub fn words(bytes: &[u8]) -> impl Iterator<Item = u64> + '_ {
    bytes.chunks_exact(8).map(|b| {
        let mut w = [0u8; 8];
        w.copy_from_slice(b);
        u64::from_le_bytes(w)
    })
}

/// A *blob of m items*: `(m + 1)` `u32` offsets (the first 0, never
/// decreasing, the last the blob's length), then the items end to end.
/// Cards, details and exported pieces are all kept this way, so one item is
/// found without reading the others.
pub fn blob(items: &[Vec<u8>]) -> Vec<u8> {
    let mut w = Writer::new();
    let mut at = 0u32;
    w.u32(0);
    for item in items {
        at += item.len() as u32;
        w.u32(at);
    }
    for item in items {
        w.bytes(item);
    }
    w.into_bytes()
}

/// `count` items behind an offset table at the start of `section` (which
/// begins at `base` in the file): checks the table, returns where it and
/// the blob are.
pub fn open_blob(
    section: &[u8],
    base: usize,
    count: usize,
) -> Result<(Range<usize>, Range<usize>)> {
    let table = count
        .checked_add(1)
        .and_then(|c| c.checked_mul(4))
        .ok_or(Corrupt)?;
    let offsets = U32s::new(section.get(..table).ok_or(Corrupt)?)?;
    let blob_len = section.len() - table;
    let mut previous = 0;
    for (k, o) in offsets.iter().enumerate() {
        if (k == 0 && o != 0) || o < previous || o as usize > blob_len {
            return Err(Corrupt);
        }
        previous = o;
    }
    if previous as usize != blob_len {
        return Err(Corrupt);
    }
    Ok((base..base + table, base + table..base + section.len()))
}

/// Item `i` of a blob opened by [`open_blob`].
pub fn blob_item<'a>(
    bytes: &'a [u8],
    table: &Range<usize>,
    blob: &Range<usize>,
    i: usize,
) -> Option<&'a [u8]> {
    bytes.get(blob_range(bytes, table, blob, i)?)
}

/// Where item `i` of a blob opened by [`open_blob`] lies in `bytes`.
pub fn blob_range(
    bytes: &[u8],
    table: &Range<usize>,
    blob: &Range<usize>,
    i: usize,
) -> Option<Range<usize>> {
    let offsets = U32s::new(bytes.get(table.clone())?).ok()?;
    let (a, b) = (offsets.get(i)? as usize, offsets.get(i + 1)? as usize);
    (a <= b && blob.start + b <= blob.end).then(|| blob.start + a..blob.start + b)
}

/// A 64-bit digest of `bytes`, to tell whether a pack arrived whole and
/// whether a shard belongs to its pack: a damaged download, a stale cache or
/// a file from another build, not an adversary (whoever writes a pack
/// chooses its facts anyway). One lane of xxHash64's round and its final
/// avalanche: eight bytes per step, so checking 23 MB costs milliseconds,
/// and any change of a byte changes the digest but with odds of 2^-64.
pub fn digest(bytes: &[u8]) -> u64 {
    const P1: u64 = 0x9E37_79B1_85EB_CA87;
    const P2: u64 = 0xC2B2_AE3D_27D4_EB4F;
    const P3: u64 = 0x1656_67B1_9E37_79F9;
    const P4: u64 = 0x85EB_CA77_C2B2_AE63;
    let round = |acc: u64, word: u64| {
        (acc ^ word.wrapping_mul(P2).rotate_left(31).wrapping_mul(P1))
            .rotate_left(27)
            .wrapping_mul(P1)
            .wrapping_add(P4)
    };
    let mut h = P3 ^ (bytes.len() as u64).wrapping_mul(P1);
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let mut b = [0u8; 8];
        b.copy_from_slice(w);
        h = round(h, u64::from_le_bytes(b));
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = round(h ^ rest.len() as u64, u64::from_le_bytes(b));
    }
    h ^= h >> 33;
    h = h.wrapping_mul(P2);
    h ^= h >> 29;
    h = h.wrapping_mul(P3);
    h ^ (h >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn values_round_trip() {
        let mut w = Writer::new();
        w.u8(7);
        w.u32(0xdead_beef);
        w.i32(-5);
        w.u64(u64::MAX - 1);
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            w.varint(v);
        }
        w.str("Économie ﬁ 🎉");
        w.opt_str(None);
        w.opt_str(Some(""));
        w.bool(true);
        let bytes = w.into_bytes();
        let mut r = Reader::new(&bytes);
        assert_eq!(r.u8(), Ok(7));
        assert_eq!(r.u32(), Ok(0xdead_beef));
        assert_eq!(r.i32(), Ok(-5));
        assert_eq!(r.u64(), Ok(u64::MAX - 1));
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(r.varint(), Ok(v));
        }
        assert_eq!(r.str(), Ok("Économie ﬁ 🎉"));
        assert_eq!(r.opt_str(), Ok(None));
        assert_eq!(r.opt_str(), Ok(Some("")));
        assert_eq!(r.bool(), Ok(true));
        assert!(r.is_done());
        assert_eq!(r.u8(), Err(Corrupt));
    }

    #[test]
    fn damage_is_reported_not_trusted() {
        // A length far past the end.
        let mut r = Reader::new(&[0xff, 0xff, 0x03, b'a']);
        assert_eq!(r.str(), Err(Corrupt));
        // Not UTF-8.
        assert_eq!(Reader::new(&[2, 0xc3, 0x28]).str(), Err(Corrupt));
        // A varint that never ends.
        assert_eq!(Reader::new(&[0x80; 11]).varint(), Err(Corrupt));
        assert_eq!(Reader::new(&[2]).bool(), Err(Corrupt));
        assert!(U32s::new(&[1, 2, 3]).is_err());
        let u = U32s::new(&[1, 0, 0, 0, 2, 0, 0, 0]).unwrap();
        assert_eq!(
            (u.get(1), u.get(2), u.get(usize::MAX)),
            (Some(2), None, None)
        );
        assert_eq!(u.iter().collect::<Vec<_>>(), [1, 2]);
    }

    #[test]
    fn the_digest_tells_one_byte_from_another() {
        let base: Vec<u8> = (0..1000u32).map(|i| (i * 7 + 3) as u8).collect();
        let d = digest(&base);
        assert_eq!(d, digest(&base.clone()), "deterministic");
        let mut seen = std::collections::HashSet::new();
        for at in 0..base.len() {
            for flip in [1u8, 0x80] {
                let mut b = base.clone();
                b[at] ^= flip;
                assert!(seen.insert(digest(&b)), "byte {at} flip {flip}");
            }
        }
        assert!(!seen.contains(&d));
        // Every length is its own digest, trailing zeros included.
        let lengths: std::collections::HashSet<u64> =
            (0..40).map(|n| digest(&vec![0u8; n])).collect();
        assert_eq!(lengths.len(), 40);
    }

    proptest! {
        #[test]
        fn any_bytes_read_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            let mut r = Reader::new(&bytes);
            while !r.is_done() {
                if r.str().is_err() && r.varint().is_err() {
                    break;
                }
            }
        }
    }
}
