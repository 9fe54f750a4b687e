//! # The worker: what the editors' page asks, answered off its thread
//!
//! Reading a workbook, checking records, writing the preview's pack and
//! the workbooks to download: the workbook crate and the core's validator,
//! the same code as the command-line tools (`validate`, `workbook`,
//! `pack`). [`handle`] answers one [`Request`] (the bridge's,
//! `passerelles_core::bridge::editor`), saying its progress on the way;
//! `src/bin/editor_work.rs` is it compiled for the browser. Pure Rust,
//! tested natively: bytes in, an answer out.

pub mod change;
pub mod path;
pub mod read;

use passerelles_core::bridge::editor::{Answer, BookFormat, Call, Request, Step};
use passerelles_core::data::catalog::load_bytes;
use passerelles_core::data::glossary;
use passerelles_core::pack::{self, Placement};
use passerelles_core::wording::{self, Lang};

/// Answers `request`, calling `progress` with each step's progress.
pub fn handle(request: Request, progress: &mut dyn FnMut(Answer)) -> Answer {
    match request.call {
        Call::Read { name, bytes, base } => read::read(&name, &bytes, base.as_deref(), progress),
        Call::Check { dataset, change } => Answer::Checked(change::check(&dataset, &change)),
        Call::Apply { dataset, change } => change::apply(&dataset, &change, progress),
        Call::Preview {
            dataset,
            glossary,
            lang,
        } => {
            progress(Answer::Progress {
                step: Step::Writing,
                done: 0,
                total: 0,
            });
            Answer::Pack(preview(&dataset, glossary.as_deref(), lang))
        }
        Call::Workbook { dataset, format } => {
            progress(Answer::Progress {
                step: Step::Writing,
                done: 0,
                total: 0,
            });
            let format = match format {
                BookFormat::Ods => passerelles_sheet::Format::Ods,
                BookFormat::Xlsx => passerelles_sheet::Format::Xlsx,
            };
            Answer::Workbook(
                passerelles_sheet::export(&dataset, format)
                    .map(|(bytes, _)| bytes)
                    .map_err(|passerelles_sheet::Refused(why)| why),
            )
        }
    }
}

/// The pack the site would be built from this dataset, as `pack` writes it
/// (`--english` for English: its words, its dates, the vocabularies'
/// English labels), with the site's glossary, details and exports inline:
/// what the page reads from `window.passerellesPack`, as the offline file
/// hands it its own. A file the page could not use gives the pack of why,
/// which the page shows as it would on the site.
pub fn preview(dataset: &str, glossary_text: Option<&str>, lang: Lang) -> Vec<u8> {
    let mut loaded = match load_bytes(dataset.as_bytes()) {
        Ok(loaded) => loaded,
        Err(e) => return pack::write_error(&e),
    };
    if let Some(Ok((entries, _))) = glossary_text.map(glossary::load_json) {
        loaded.catalog.glossary = entries;
    }
    let before = wording::lang();
    wording::set_lang(lang);
    if lang == Lang::En {
        loaded.catalog = loaded.catalog.with_english_vocabularies();
    }
    let main = pack::write(&loaded, Placement::Inline).main;
    wording::set_lang(before);
    main
}

#[cfg(test)]
mod tests {
    use super::*;
    use passerelles_core::bridge::editor::{Reply, Request};
    use passerelles_core::pack::Pack;

    const DATA: &str = include_str!("../../../../data/passerelles.json");
    const GLOSSARY: &str = include_str!("../../../../data/glossary.json");

    #[test]
    fn the_preview_is_the_pack_the_site_would_show_in_each_language() {
        for lang in Lang::ALL {
            let bytes = preview(DATA, Some(GLOSSARY), lang);
            let pack = Pack::open(bytes).unwrap();
            let entries = read::entries(DATA);
            assert_eq!(pack.len(), entries.len());
            let card = pack.card(0);
            let date = match lang {
                Lang::Fr => "novembre",
                Lang::En => "November",
            };
            let worded: Vec<String> = (0..pack.len())
                .map(|i| format!("{:?}", pack.card(i)))
                .collect();
            assert!(
                worded.iter().any(|c| c.contains(date)),
                "{lang:?}: {card:?}"
            );
        }
        assert_eq!(wording::lang(), Lang::Fr);
        // A file the page cannot use: the pack of why, as the site shows it.
        assert!(Pack::open(preview("{", None, Lang::Fr)).is_err());
    }

    #[test]
    fn a_request_s_bytes_are_answered_with_progress_then_the_outcome() {
        let request = Request {
            id: 3,
            call: Call::Workbook {
                dataset: DATA.to_string(),
                format: BookFormat::Xlsx,
            },
        };
        let decoded = Request::decode(&request.encode()).unwrap();
        let mut said = Vec::new();
        let answer = handle(decoded, &mut |a| said.push(a));
        assert!(matches!(
            said[..],
            [Answer::Progress {
                step: Step::Writing,
                ..
            }]
        ));
        let Answer::Workbook(Ok(bytes)) = &answer else {
            panic!("{answer:?}")
        };
        // The workbook reads back to the same file.
        assert_eq!(passerelles_sheet::import(bytes).json.as_deref(), Some(DATA));
        let reply = Reply { id: 3, answer };
        assert_eq!(Reply::decode(&reply.encode()), Ok(reply));
    }
}
