//! The page → on-demand module bridge.
//!
//! What a visit may never ask for, "Intégrer cette vue" and the exports,
//! lives in a wasm module of its own that the page fetches at the first
//! click (`src/bin/ondemand.rs`, loaded by `assets/ondemand.mjs`). The page
//! calls its one function, `call`, with a [`Call`]'s bytes; it answers with
//! the sentence the page's status line shows (an export's outcome), or
//! nothing (the dialog shows itself).

use super::{begin, read, Refused};
use crate::export::Format;
use crate::wire::Reader;
use crate::wording::Lang;

/// The bridge's version.
pub const VERSION: u16 = 1;
const MAGIC: [u8; 4] = *b"POdC";

/// What the page asks of the on-demand module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Call {
    /// Open "Intégrer cette vue" for the view `query` (its query string,
    /// the page's parameters included).
    EmbedDialog { query: String, lang: Lang },
    /// Export records.
    TakeAway(TakeAway),
}

/// An export of the records shown (or of one event), in the page's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakeAway {
    pub format: Format,
    /// The format's exports file beside the pack (empty when inline).
    pub url: String,
    /// The format's pieces inside the pack (the offline file, a converted
    /// JSON file), instead of a file.
    pub inline: Option<Vec<u8>>,
    /// What the file must match: the pack's build, the file's seal as the
    /// pack lists it, and the pack's number of records.
    pub build: u64,
    pub seal: u64,
    pub records: u32,
    /// The records to export, in the order shown.
    pub shown: Vec<u32>,
    /// The file's name.
    pub name: String,
    /// Inside an embed (downloads may be refused there).
    pub embed: bool,
    pub lang: Lang,
}

impl Call {
    pub fn lang(&self) -> Lang {
        match self {
            Call::EmbedDialog { lang, .. } => *lang,
            Call::TakeAway(t) => t.lang,
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut w = begin(MAGIC, VERSION);
        match self {
            Call::EmbedDialog { query, lang } => {
                w.u8(0);
                w.str(query);
                w.str(lang.code());
            }
            Call::TakeAway(t) => {
                w.u8(1);
                w.str(t.format.key());
                w.str(&t.url);
                w.bool(t.inline.is_some());
                if let Some(inline) = &t.inline {
                    w.usize(inline.len());
                    w.bytes(inline);
                }
                w.u64(t.build);
                w.u64(t.seal);
                w.u32(t.records);
                w.usize(t.shown.len());
                for &i in &t.shown {
                    w.u32(i);
                }
                w.str(&t.name);
                w.bool(t.embed);
                w.str(t.lang.code());
            }
        }
        w.into_bytes()
    }

    pub fn decode(bytes: &[u8]) -> Result<Call, Refused> {
        read(bytes, MAGIC, VERSION, |r| match r.u8()? {
            0 => Ok(Call::EmbedDialog {
                query: r.str()?.to_string(),
                lang: lang(r)?,
            }),
            1 => {
                let format = Format::from_key(r.str()?).ok_or(Refused::Corrupt)?;
                let url = r.str()?.to_string();
                let inline = if r.bool()? {
                    let n = r.count()?;
                    Some(r.take(n)?.to_vec())
                } else {
                    None
                };
                let (build, seal, records) = (r.u64()?, r.u64()?, r.u32()?);
                let n = r.count()?;
                if n > r.remaining() / 4 {
                    return Err(Refused::Corrupt);
                }
                let shown = (0..n).map(|_| r.u32()).collect::<Result<Vec<_>, _>>()?;
                Ok(Call::TakeAway(TakeAway {
                    format,
                    url,
                    inline,
                    build,
                    seal,
                    records,
                    shown,
                    name: r.str()?.to_string(),
                    embed: r.bool()?,
                    lang: lang(r)?,
                }))
            }
            _ => Err(Refused::Corrupt),
        })
    }
}

fn lang(r: &mut Reader) -> Result<Lang, Refused> {
    Lang::from_code(r.str()?).ok_or(Refused::Corrupt)
}

#[cfg(test)]
mod tests {
    use super::super::arbitrary::{refuses_damage, text};
    use super::*;
    use proptest::prelude::*;

    fn call() -> impl Strategy<Value = Call> {
        let lang = prop_oneof![Just(Lang::Fr), Just(Lang::En)];
        let format = prop_oneof![Just(Format::Csv), Just(Format::Json), Just(Format::Ics)];
        prop_oneof![
            (text(), lang.clone()).prop_map(|(query, lang)| Call::EmbedDialog { query, lang }),
            (
                (
                    format,
                    text(),
                    proptest::option::of(proptest::collection::vec(any::<u8>(), 0..30))
                ),
                (any::<u64>(), any::<u64>(), any::<u32>()),
                proptest::collection::vec(any::<u32>(), 0..30),
                (text(), any::<bool>(), lang),
            )
                .prop_map(
                    |(
                        (format, url, inline),
                        (build, seal, records),
                        shown,
                        (name, embed, lang),
                    )| {
                        Call::TakeAway(TakeAway {
                            format,
                            url,
                            inline,
                            build,
                            seal,
                            records,
                            shown,
                            name,
                            embed,
                            lang,
                        })
                    }
                ),
        ]
    }

    proptest! {
        #[test]
        fn a_call_reads_back_as_written(c in call()) {
            let bytes = c.encode();
            prop_assert_eq!(Call::decode(&bytes), Ok(c));
            refuses_damage(&bytes, Call::decode);
        }

        #[test]
        fn noise_is_refused_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = Call::decode(&bytes);
            let mut message = begin(MAGIC, VERSION).into_bytes();
            message.extend_from_slice(&bytes);
            let _ = Call::decode(&message);
        }
    }
}
