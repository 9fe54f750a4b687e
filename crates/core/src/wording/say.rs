//! The words of the page's language: a function per word, those that take
//! a value too. What calls them does not know which
//! language it speaks; [`super::lang`] decides, once a page (a thread: the
//! build renders each language in turn).
//!
//! Both languages are spelled out in [`super::fr`] and [`super::en`] under
//! the same names, and the functions here are written from one list: a
//! word that exists in one language and not in the other does not compile.
//! A function a word, not a table of them: the page's wasm then holds only
//! the words the page itself says (those of the exports, the embed dialog
//! and the pages written at build time stay out of it).

use super::{en, fr, lang, Lang};
use crate::data::error::LoadErrorKind;

macro_rules! words {
    ($($(#[$doc:meta])* $name:ident: $t:ty,)*) => {
        $(
            $(#[$doc])*
            #[allow(non_snake_case)]
            pub fn $name() -> $t {
                match lang() {
                    Lang::Fr => fr::$name,
                    Lang::En => en::$name,
                }
            }
        )*
        /// The names of the fixed words, in [`texts`] order (for tests).
        pub const NAMES: &[&str] = &[$(stringify!($name),)* "CSV_COLUMNS"];
        /// Every fixed word of `lang`, each as its texts (the CSV columns
        /// give all of theirs), in [`NAMES`] order: for the tests that
        /// compare the two languages.
        pub fn texts(lang: Lang) -> Vec<Vec<&'static str>> {
            match lang {
                Lang::Fr => vec![$(vec![fr::$name],)* fr::CSV_COLUMNS.to_vec()],
                Lang::En => vec![$(vec![en::$name],)* en::CSV_COLUMNS.to_vec()],
            }
        }
    };
}

macro_rules! speak {
    ($(fn $name:ident($($arg:ident: $t:ty),*) -> $r:ty;)*) => {
        $(pub fn $name($($arg: $t),*) -> $r {
            match lang() {
                Lang::Fr => fr::$name($($arg),*),
                Lang::En => en::$name($($arg),*),
            }
        })*
    };
}

words! {
    APP_NAME: &'static str,
    QUOTE_OPEN: &'static str,
    QUOTE_CLOSE: &'static str,
    HTML_LANG: &'static str,
    OG_LOCALE: &'static str,
    OTHER_LANGUAGE: &'static str,
    OTHER_LANGUAGE_CODE: &'static str,
    RECORDS_IN_FRENCH: &'static str,
    NOSCRIPT: &'static str,
    FILE_NOTICE: &'static str,
    FILE_NOTICE_END: &'static str,
    FEED_EVENTS_TITLE: &'static str,
    FEED_RECORDS_TITLE: &'static str,
    SITE_DESCRIPTION: &'static str,
    OFFLINE_LINK: &'static str,
    OFFLINE_HINT: &'static str,
    EDITORS_LINK: &'static str,
    TAGLINE: &'static str,
    LOADING: &'static str,
    LOADING_FETCH: &'static str,
    LOADING_READ: &'static str,
    LOADING_PART: &'static str,
    PART_UNAVAILABLE: &'static str,
    PART_STALE: &'static str,
    LOAD_FAILED_TITLE: &'static str,
    LOAD_FAILED_HELP: &'static str,
    LOAD_FAILED_WHERE: &'static str,
    HTTP_FAILED: &'static str,
    ERR_NOT_PACK: &'static str,
    ERR_PACK_DAMAGED: &'static str,
    ERR_PACK_VERSION: &'static str,
    ERR_PACK_SPLIT: &'static str,
    ERR_CONVERTER: &'static str,
    PACK_HELP: &'static str,
    SHOW_REASONS: &'static str,
    SKIP_TO_RESULTS: &'static str,
    FILTERS: &'static str,
    SHEET_CLOSE: &'static str,
    SEARCH_LABEL: &'static str,
    SEARCH_HINT: &'static str,
    FACET_TYPE: &'static str,
    FACET_THEME: &'static str,
    FACET_REGION: &'static str,
    FACET_DATES: &'static str,
    TYPE_AGREEMENT: &'static str,
    TYPE_EVENT: &'static str,
    BADGE_AGREEMENT: &'static str,
    BADGE_EVENT: &'static str,
    NATIONAL_SWITCH: &'static str,
    NATIONAL_SWITCH_HINT: &'static str,
    MORE_REGIONS: &'static str,
    FEWER_REGIONS: &'static str,
    DATE_FROM: &'static str,
    DATE_TO: &'static str,
    DATE_HINT: &'static str,
    DATE_INVALID: &'static str,
    DATE_INVERTED: &'static str,
    DATE_UNKNOWN: &'static str,
    DATE_START_NOTE: &'static str,
    DATE_END_NOTE: &'static str,
    D_STATUS: &'static str,
    STATUS_ANNOUNCED: &'static str,
    CLEAR: &'static str,
    RESULTS: &'static str,
    NO_RECORD: &'static str,
    SORT_LABEL: &'static str,
    SORT_RECENT: &'static str,
    SORT_OLDEST: &'static str,
    SORT_TITLE: &'static str,
    SORT_RELEVANCE: &'static str,
    DID_YOU_MEAN: &'static str,
    CORRECTED_SHOWN: &'static str,
    GLOSSARY: &'static str,
    GLOSSARY_LINK: &'static str,
    GLOSSARY_BACK: &'static str,
    GLOSSARY_DESCRIPTION: &'static str,
    GLOSSARY_INTRO: &'static str,
    GLOSSARY_NO_EXPANSION: &'static str,
    GLOSSARY_DEFINITION: &'static str,
    GLOSSARY_SOURCE: &'static str,
    ACTIVE_FILTERS: &'static str,
    REMOVE_FILTER: &'static str,
    EMPTY_TITLE_RESULTS: &'static str,
    EMPTY_HELP: &'static str,
    CHIP_SEARCH: &'static str,
    CHIP_DATES: &'static str,
    ORGANISED_BY: &'static str,
    BACK_TO_LIST: &'static str,
    LOADING_RECORD: &'static str,
    RECORD_UNAVAILABLE: &'static str,
    RECORD_GONE: &'static str,
    RECORD_STALE: &'static str,
    RECORD_DAMAGED: &'static str,
    UNKNOWN_RECORD: &'static str,
    D_DATE: &'static str,
    D_TIME: &'static str,
    D_PLACE: &'static str,
    D_TERRITORY: &'static str,
    D_PARTIES: &'static str,
    D_PEOPLE: &'static str,
    D_ORGANISER: &'static str,
    D_AUDIENCE: &'static str,
    D_THEMES: &'static str,
    D_REGISTRATION: &'static str,
    D_OBJECTIVES: &'static str,
    D_TARGETS: &'static str,
    D_FIGURES: &'static str,
    D_SOURCE: &'static str,
    D_EXCERPTS: &'static str,
    D_SUPPORTS: &'static str,
    D_PART_OF: &'static str,
    D_PARTS: &'static str,
    D_EVENTS: &'static str,
    D_AGREEMENTS: &'static str,
    D_FILE: &'static str,
    D_TITLE: &'static str,
    D_LINK: &'static str,
    D_PUBLISHED: &'static str,
    D_PUBLISHER: &'static str,
    FOOTER_SOURCES: &'static str,
    HELP_NOT_FOUND: &'static str,
    HELP_NETWORK: &'static str,
    RETRY: &'static str,
    RELOAD: &'static str,
    LOAD_FAILED_FILE: &'static str,
    EMBED_OPEN: &'static str,
    FOR_PARTNERS: &'static str,
    EMBED_TITLE: &'static str,
    EMBED_INTRO: &'static str,
    EMBED_LOCK: &'static str,
    EMBED_LOCK_HINT: &'static str,
    EMBED_SCHEME: &'static str,
    EMBED_SCHEME_LIGHT: &'static str,
    EMBED_SCHEME_DARK: &'static str,
    EMBED_SCHEME_AUTO: &'static str,
    EMBED_HEIGHT: &'static str,
    EMBED_HEIGHT_HINT: &'static str,
    EMBED_CODE: &'static str,
    EMBED_COPY: &'static str,
    EMBED_COPIED: &'static str,
    EMBED_COPY_FALLBACK: &'static str,
    EMBED_PREVIEW: &'static str,
    EMBED_PREVIEW_TITLE: &'static str,
    EMBED_CLOSE: &'static str,
    EMBED_IFRAME_TITLE: &'static str,
    EMBED_FULLSCREEN: &'static str,
    NEW_TAB: &'static str,
    LOCKED_HINT: &'static str,
    LOCKED_VALUES: &'static str,
    PRECISION_DAY: &'static str,
    PRECISION_MONTH: &'static str,
    PRECISION_YEAR: &'static str,
    PRECISION_NONE: &'static str,
    PRECISION_INTERVAL: &'static str,
    FILE_FROM: &'static str,
    FILE_TO: &'static str,
    FEED_ATOM_TITLE: &'static str,
    FEED_ALL_EVENTS: &'static str,
    EXPORT_LABEL: &'static str,
    EXPORT_CSV: &'static str,
    EXPORT_JSON: &'static str,
    EXPORT_ICS: &'static str,
    ADD_TO_CALENDAR: &'static str,
    ADD_TO_GOOGLE: &'static str,
    ADD_TO_OUTLOOK: &'static str,
    SUBSCRIBE: &'static str,
    SUBSCRIBE_ATOM: &'static str,
    SUBSCRIBE_ICS: &'static str,
    PREVIEW_SITE: &'static str,
    SANDBOX_NO_DOWNLOAD: &'static str,
    EXPORT_PREPARING: &'static str,
    NO_CALENDAR_EVENT: &'static str,
    EXPORT_EMBED_HINT: &'static str,
    EXPORT_UNAVAILABLE: &'static str,
    EXPORT_RELOAD: &'static str,
    DATE_APPROXIMATE: &'static str,
    STRICT_SWITCH: &'static str,
    MAP_LABEL: &'static str,
    MAP_KEY: &'static str,
    MAP_NONE: &'static str,
    MAP_CREDIT: &'static str,
    TIMELINE_BY_YEAR: &'static str,
    TIMELINE_BY_MONTH: &'static str,
    TIMELINE_HELP: &'static str,
    TIMELINE_KNOWN: &'static str,
    TIMELINE_APPROXIMATE: &'static str,
    TIMELINE_EMPTY: &'static str,
    TIMELINE_UNKNOWN: &'static str,
}

/// The columns of a CSV export (written at build time only).
#[allow(non_snake_case)]
pub fn CSV_COLUMNS() -> [&'static str; 14] {
    match lang() {
        Lang::Fr => fr::CSV_COLUMNS,
        Lang::En => en::CSV_COLUMNS,
    }
}

/// What the reader of an error panel should do next: who can fix it decides.
pub fn load_help(kind: LoadErrorKind) -> &'static str {
    match kind {
        LoadErrorKind::NotFound => HELP_NOT_FOUND(),
        LoadErrorKind::Unreachable => HELP_NETWORK(),
        LoadErrorKind::Content => LOAD_FAILED_HELP(),
        LoadErrorKind::Pack => PACK_HELP(),
    }
}

speak! {
    fn received_megabytes(tenths: u32) -> String;
    fn status_announced_note(planned: Option<&str>) -> String;
    fn planned(date: &str) -> String;
    fn skipped_records(n: usize) -> String;
    fn undated_option(n: u32) -> String;
    fn undated_excluded(n: u32) -> String;
    fn date_at_latest(date: &str, on_a_day: bool) -> String;
    fn date_at_earliest(date: &str, on_a_day: bool) -> String;
    fn date_between(start: &str, start_day: bool, end: &str, end_day: bool) -> String;
    fn glossary_search(term: &str) -> String;
    fn field_label(key: &str) -> &str;
    fn see_records(n: usize) -> String;
    fn active_filters(n: usize) -> String;
    fn data_problems(n: usize) -> String;
    fn more_problems(n: usize) -> String;
    fn at_position(line: usize, column: usize) -> String;
    fn not_found(url: &str) -> String;
    fn http_status(status: u16, url: &str) -> String;
    fn network_failed(url: &str) -> String;
    fn download_stalled(url: &str) -> String;
    fn feed_events_of(what: &str) -> String;
    fn records_exported(n: usize) -> String;
    fn calendar_exported(n: usize) -> String;
    fn calendar_left_out(month: usize, year: usize, bounded: usize, undated: usize) -> String;
    fn map_region(name: &str, n: u32) -> String;
    fn timeline_bar(when: &str, certain: u32, possible: u32) -> String;
    fn timeline_unknown(n: u32) -> String;
    fn facet_page_title(what: &str) -> String;
    fn facet_pair(theme: &str, region: &str) -> String;
    fn facet_page_description(what: &str, agreements: usize, events: usize) -> String;
    fn feed_records_of(what: &str) -> String;
    fn preview_alt(title: &str, what: &str) -> String;
    fn fullscreen_blocked(url: &str) -> String;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wording::set_lang;

    /// Words that read the same in both languages, on purpose.
    const SAME: &[&str] = &[
        "APP_NAME",
        "D_DATE",
        "D_PARTIES",
        "D_SOURCE",
        "D_FILE",
        "CSV_COLUMNS",
    ];

    #[test]
    fn every_fixed_word_exists_in_both_languages_and_is_translated() {
        let (fr, en) = (texts(Lang::Fr), texts(Lang::En));
        assert_eq!(fr.len(), NAMES.len());
        for ((name, fr), en) in NAMES.iter().zip(&fr).zip(&en) {
            assert_eq!(fr.len(), en.len(), "{name}: not as many texts");
            // Said on the English page only.
            if *name == "RECORDS_IN_FRENCH" {
                assert!(fr.iter().all(|t| t.is_empty()) && en.iter().all(|t| !t.is_empty()));
                continue;
            }
            for (f, e) in fr.iter().zip(en) {
                assert!(
                    !f.trim().is_empty() || f.is_empty() && e.is_empty(),
                    "{name}: French empty"
                );
                assert!(
                    !e.trim().is_empty() || f.is_empty(),
                    "{name}: English empty"
                );
                // What a text names (a file, a command, a parameter) is
                // named in both.
                for token in [
                    "passerelles.html",
                    "data=",
                    "make build",
                    "cargo run",
                    ".json",
                    ".pack",
                    "Ctrl+C",
                    "404",
                ] {
                    assert_eq!(
                        f.contains(token),
                        e.contains(token),
                        "{name}: {token} in one language only"
                    );
                }
            }
            if !SAME.contains(name) {
                assert_ne!(
                    fr, en,
                    "{name}: the same in both languages (add it to SAME if that is right)"
                );
            }
        }
    }

    #[test]
    fn every_worded_value_is_said_in_both_languages() {
        let both = |f: &dyn Fn() -> String| {
            set_lang(Lang::Fr);
            let fr = f();
            set_lang(Lang::En);
            let en = f();
            set_lang(Lang::Fr);
            assert!(!en.trim().is_empty());
            assert_ne!(fr, en);
            (fr, en)
        };
        for n in [0usize, 1, 2, 1750] {
            let (fr, en) = both(&|| skipped_records(n));
            assert!(fr.contains(&n.to_string()[..1]) && en.contains(&n.to_string()[..1]));
            both(&|| data_problems(n));
            both(&|| more_problems(n));
            both(&|| records_exported(n));
            both(&|| calendar_exported(n));
            both(&|| undated_option(n as u32));
            both(&|| undated_excluded(n as u32));
        }
        for on_a_day in [false, true] {
            both(&|| date_at_latest("x", on_a_day));
            both(&|| date_at_earliest("x", on_a_day));
            both(&|| date_between("x", on_a_day, "y", on_a_day));
        }
        let (_, en) = both(&|| records_exported(1750));
        assert!(en.contains("1,750 records"), "{en}");
        let (fr, _) = both(&|| records_exported(1750));
        assert!(fr.contains("1\u{202f}750 fiches"), "{fr}");
        both(&|| received_megabytes(23));
        both(&|| glossary_search("IAE"));
        for n in [0usize, 1, 2, 1750] {
            both(&|| see_records(n));
        }
        let (fr, en) = both(&|| see_records(1750));
        assert!(
            fr == "Voir 1\u{202f}750 fiches" && en == "See 1,750 records",
            "{fr} / {en}"
        );
        for n in [1usize, 2] {
            let (fr, en) = both(&|| active_filters(n));
            assert!(fr.contains(&n.to_string()) && en.contains(&n.to_string()));
        }
        both(&|| at_position(3, 4));
        {
            let url = "data/x.pack";
            let (fr, en) = both(&|| not_found(url));
            assert!(fr.contains(url) && en.contains(url));
            both(&|| http_status(500, url));
            both(&|| network_failed(url));
            both(&|| download_stalled(url));
        }
        for kind in [
            LoadErrorKind::NotFound,
            LoadErrorKind::Unreachable,
            LoadErrorKind::Content,
            LoadErrorKind::Pack,
        ] {
            both(&|| load_help(kind).to_string());
        }
        both(&|| feed_events_of("x"));
        both(&|| calendar_left_out(1, 2, 3, 4));
        for n in [0, 1, 2, 1750] {
            let (fr, en) = both(&|| map_region("Corse", n));
            assert!(
                fr.starts_with("Corse : ") && en.starts_with("Corse: "),
                "{fr} / {en}"
            );
            both(&|| timeline_bar("2019", n, n));
            both(&|| timeline_unknown(n));
        }
        let (fr, en) = both(&|| timeline_bar("2019", 3, 1750));
        assert!(
            fr.contains("1\u{202f}750") && en.contains("1,750"),
            "{fr} / {en}"
        );
        for key in [
            "title",
            "kind",
            "people",
            "time",
            "place",
            "territory",
            "themes",
            "objectives",
            "targets",
            "figures",
            "context",
            "organiser",
            "audience",
            "registration",
            "agreements",
            "part_of",
            "status",
        ] {
            both(&|| field_label(key).to_string());
        }
    }
}
