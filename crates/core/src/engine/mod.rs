//! # Which records match, in what order, and how many per facet value?
//!
//! Everything a query needs is computed once into an [`index::Index`]:
//! bitsets per region, theme and type, each record's period as day numbers,
//! the sort orders, and a word search ([`search`]) over text analysed the
//! French way ([`analyze`]: folded by [`fold`], elisions dropped, stemmed),
//! with typo tolerance ([`fuzzy`]), glossary synonyms and relevance tiers;
//! [`highlight`] says which words of a displayed text the query matched. Answering a [`filter::FilterState`] is then word operations
//! on [`bitset::Bitset`]s ([`facets::run`]): the results in order and the
//! disjunctive count of every facet value, in about a millisecond at 100,000
//! records. The pack writer builds the search's words with [`vocabulary`].
//!
//! An index may arrive in parts (a split pack, fetched as a visitor needs
//! them): its sets and days, each sort order, each chunk of the search's
//! vocabulary, the words for typo tolerance. [`facets::answer`] then says
//! which parts a query still lacks ([`index::Part`]) instead of answering
//! wrongly; once they are in, the answer is the one a whole index gives.
//!
//! The engine knows the data's types ([`crate::data`]) and the byte encoding
//! its index is stored in ([`crate::wire`]); it never depends on the pack,
//! the view state, the wording or the browser.

pub mod analyze;
pub mod bitset;
pub mod facets;
pub mod filter;
pub mod fold;
pub mod fuzzy;
pub mod highlight;
pub mod index;
pub mod search;
pub mod set;
pub mod timeline;
pub mod vocabulary;
