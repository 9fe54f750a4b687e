//! The JSON reader → page bridge.
//!
//! `?data=` may name an editor's JSON file. Reading and checking JSON takes
//! a parser, the validator and the index builder that the page never
//! ships, so a wasm module of its own does it (`src/bin/convert.rs`, run in
//! a worker by `assets/convert.mjs`) and answers with a [`Reply`]: the pack
//! the page would have downloaded, with the file's records, or the reason
//! the file is unusable (a pack of the error kind, worded as the page
//! words it). A converter from another build (a cached file after an
//! update) is refused by its version, never misread.

use super::{begin, read, Refused};

/// The bridge's version.
pub const VERSION: u16 = 1;
const MAGIC: [u8; 4] = *b"PCvR";

/// What the converter hands back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// A pack (docs/pack-format.md): the file's records, details and
    /// exports inline, or why the file could not be used.
    pub pack: Vec<u8>,
}

impl Reply {
    /// The reply for a JSON file's bytes.
    pub fn of_json(bytes: &[u8]) -> Reply {
        Reply {
            pack: crate::pack::from_json(bytes),
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut w = begin(MAGIC, VERSION);
        w.usize(self.pack.len());
        w.bytes(&self.pack);
        w.into_bytes()
    }

    pub fn decode(bytes: &[u8]) -> Result<Reply, Refused> {
        read(bytes, MAGIC, VERSION, |r| {
            let n = r.count()?;
            Ok(Reply {
                pack: r.take(n)?.to_vec(),
            })
        })
    }

    /// The reply's pack, taken without a copy.
    pub fn into_pack(self) -> Vec<u8> {
        self.pack
    }
}

#[cfg(test)]
mod tests {
    use super::super::arbitrary::refuses_damage;
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_reply_reads_back_as_written(pack in proptest::collection::vec(any::<u8>(), 0..300)) {
            let reply = Reply { pack };
            let bytes = reply.encode();
            prop_assert_eq!(Reply::decode(&bytes), Ok(reply));
            refuses_damage(&bytes, Reply::decode);
        }

        #[test]
        fn noise_is_refused_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = Reply::decode(&bytes);
        }
    }

    #[test]
    fn a_json_file_becomes_a_pack_the_page_opens() {
        let reply = Reply::of_json(include_bytes!("../../../../data/passerelles.json"));
        let back = Reply::decode(&reply.encode()).unwrap();
        assert!(crate::pack::Pack::open(back.into_pack()).is_ok());
        let broken = Reply::of_json(b"{ not json");
        assert!(crate::pack::Pack::open(broken.pack).is_err());
    }
}
