//! The glossary as the page reads it: every entry of data/glossary.json
//! that passed the validator, less the editors' notes, so the page can show
//! an acronym's expansion without a JSON reader.
//!
//! ```text
//! glossary := count × (str id, str term, u8 kind (0 acronym, 1 term),
//!             count × str spelling, opt str expansion, count × str form,
//!             opt str definition)
//! ```
//! The glossary's own page is worded here at build time in the layout of a
//! record's detail ([`write_view`]), so the prerender draws it with the
//! detail's own code; those bytes are not in the pack. The search's synonyms ([`synonyms`]) are
//! compiled into the index; the page needs these strings only to show
//! them.

use crate::data::glossary::{GlossaryEntry, TermKind};
use crate::engine::search::{Synonym, Synonyms};
use crate::wire::{self, Corrupt, Reader, Writer};
use crate::wording::say as s;

/// One entry, as opened from a pack.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gloss {
    pub id: String,
    pub term: String,
    pub acronym: bool,
    pub spellings: Vec<String>,
    pub expansion: Option<String>,
    pub forms: Vec<String>,
    pub definition: Option<String>,
}

impl Gloss {
    /// The term and its other spellings, as written.
    pub fn written(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.spellings.iter().map(String::as_str))
    }
}

pub fn write(w: &mut Writer, entries: &[GlossaryEntry]) {
    let strs = |w: &mut Writer, list: &[String]| {
        w.usize(list.len());
        for s in list {
            w.str(s);
        }
    };
    w.usize(entries.len());
    for e in entries {
        w.str(&e.id);
        w.str(&e.term);
        w.u8(match e.kind {
            TermKind::Acronym => 0,
            TermKind::Term => 1,
        });
        strs(w, &e.spellings);
        w.opt_str(e.expansion.as_deref());
        strs(w, &e.forms);
        w.opt_str(e.definition.as_deref());
    }
}

/// The glossary page's content, as a detail ([`crate::pack::detail`]) of one fact per
/// entry: the term, then what the texts say of it and each excerpt with
/// its source.
pub fn write_view(w: &mut Writer, entries: &[GlossaryEntry]) {
    // Span tags of the detail layout: 0 text, 1 muted.
    let span = |w: &mut Writer, tag: u8, text: &str| {
        w.u8(tag);
        w.str(text);
    };
    w.usize(entries.len());
    for e in entries {
        w.str(&e.term);
        let said = match (&e.expansion, e.kind) {
            (Some(x), _) => Some((0, x.as_str())),
            (None, TermKind::Acronym) => Some((1, s::GLOSSARY_NO_EXPANSION())),
            (None, TermKind::Term) => None,
        };
        w.u8(1);
        w.usize(
            usize::from(said.is_some()) + usize::from(e.definition.is_some()) + e.excerpts.len(),
        );
        if let Some((tag, text)) = said {
            w.usize(1);
            span(w, tag, text);
        }
        if let Some(d) = &e.definition {
            w.usize(1);
            span(w, 0, &format!("{} : « {d} »", s::GLOSSARY_DEFINITION()));
        }
        for x in &e.excerpts {
            w.usize(2);
            span(w, 0, &format!("« {} »", x.text));
            span(w, 1, &format!(" — {} : {}", s::GLOSSARY_SOURCE(), x.source));
        }
        w.opt_str(None);
    }
    // No description, sections, source, note, excerpts or web calendars
    // of its own.
    w.opt_str(None);
    w.usize(0);
    w.usize(0);
    w.opt_str(None);
    w.usize(0);
    w.usize(0);
}

pub fn read(bytes: &[u8]) -> wire::Result<Vec<Gloss>> {
    let mut r = Reader::new(bytes);
    let owned = |r: &mut Reader| r.str().map(str::to_string);
    let entries = r.list(|r| {
        Ok(Gloss {
            id: owned(r)?,
            term: owned(r)?,
            acronym: match r.u8()? {
                0 => true,
                1 => false,
                _ => return Err(Corrupt),
            },
            spellings: r.list(owned)?,
            expansion: r.opt_str()?.map(str::to_string),
            forms: r.list(owned)?,
            definition: r.opt_str()?.map(str::to_string),
        })
    })?;
    if !r.is_done() {
        return Err(Corrupt);
    }
    Ok(entries)
}

/// What the search makes of a glossary: each acronym with an expansion,
/// found by its expansion (and the texts' other forms of it), and back.
pub fn synonyms(entries: &[GlossaryEntry]) -> Synonyms {
    Synonyms::new(&synonym_list(entries))
}

/// The entries [`synonyms`] compiles.
pub fn synonym_list(entries: &[GlossaryEntry]) -> Vec<Synonym> {
    entries
        .iter()
        .filter(|e| e.kind == TermKind::Acronym)
        .filter_map(|e| {
            let expansion = e.expansion.as_ref()?;
            Some(Synonym {
                terms: std::iter::once(&e.term)
                    .chain(&e.spellings)
                    .cloned()
                    .collect(),
                phrases: std::iter::once(expansion)
                    .chain(&e.forms)
                    .cloned()
                    .collect(),
            })
        })
        .collect()
}
