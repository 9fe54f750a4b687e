//! What every file of a pack shares, whole or split: the files a dataset
//! packs into ([`Packed`]), the header and seal each file opens with, and
//! the sections a whole pack and a split pack's boot file both hold (the
//! vocabularies, the problems). A leaf: both writers use it, it uses
//! neither.

use crate::data::catalog::{Catalog, Loaded};
use crate::export::Format;
use crate::pack::parts::{part_name, Part};
use crate::pack::{HEADER_BYTES, MAGIC, PROBLEMS_KEPT, VERSION};
use crate::wire::{digest, Writer};

/// The files a dataset packs into.
#[derive(Debug, Clone)]
pub struct Packed {
    pub main: Vec<u8>,
    /// Detail shards, in order; empty when the details are inline.
    pub shards: Vec<Vec<u8>>,
    /// The exports files, in [`Format::ALL`] order; empty when inline.
    pub exports: Vec<Vec<u8>>,
    /// A split pack's parts (`main` is then its boot file); empty for a
    /// whole pack.
    pub parts: Vec<(Part, Vec<u8>)>,
}

impl Packed {
    /// The file name of shard `k`, in the main file's `.d/` folder.
    pub fn shard_name(&self, k: usize) -> String {
        crate::pack::shard_name(k, seal_of(&self.shards[k]))
    }

    /// The file name of the exports of `format`, beside the shards.
    pub fn exports_name(&self, format: Format) -> String {
        crate::pack::exports_name(format, seal_of(&self.exports[format.slot()]))
    }

    /// The file name of part `k` of [`Packed::parts`], beside the shards.
    pub fn part_name(&self, k: usize) -> String {
        let (part, file) = &self.parts[k];
        part_name(*part, seal_of(file))
    }
}

/// The vocabularies: `count × (str code, str name)` regions, then
/// `count × (str id, str label, str description)` themes.
pub(crate) fn vocabulary_section(catalog: &Catalog) -> Vec<u8> {
    let mut vocab = Writer::new();
    vocab.usize(catalog.regions.len());
    for r in &catalog.regions {
        vocab.str(&r.code);
        vocab.str(&r.name);
    }
    vocab.usize(catalog.themes.len());
    for t in &catalog.themes {
        vocab.str(&t.id);
        vocab.str(&t.label);
        vocab.str(&t.description);
    }
    vocab.into_bytes()
}

/// The first [`PROBLEMS_KEPT`] problems. The page lists a few hundred
/// problems at most; a file with 50,000 of them must not make a pack of
/// megabytes of messages (the total is in the meta section).
pub(crate) fn problems_section(loaded: &Loaded) -> Vec<u8> {
    let mut problems = Writer::new();
    let kept = &loaded.problems[..loaded.problems.len().min(PROBLEMS_KEPT)];
    problems.usize(kept.len());
    for p in kept {
        problems.opt_str(p.record.as_deref());
        problems.str(&p.path);
        problems.str(&p.message);
        let (line, column) = p.position.map_or((0, 0), |at| (at.line, at.column));
        problems.usize(line);
        problems.usize(column);
        problems.bool(p.kept);
    }
    problems.into_bytes()
}

/// A file of this kind: the header, the digest of the body, the body.
pub(crate) fn sealed(kind: u8, body: Writer) -> Vec<u8> {
    let body = body.into_bytes();
    let mut w = Writer::new();
    w.bytes(MAGIC);
    w.u8(VERSION);
    w.u8(kind);
    w.u64(digest(&body));
    w.bytes(&body);
    w.into_bytes()
}

/// The digest a sealed file carries (what a pack lists for each shard).
pub(crate) fn seal_of(file: &[u8]) -> u64 {
    let mut seal = [0u8; 8];
    seal.copy_from_slice(&file[HEADER_BYTES - 8..HEADER_BYTES]);
    u64::from_le_bytes(seal)
}
