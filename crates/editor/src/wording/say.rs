//! The editors' words in the page's language: a function per word, and per
//! worded value, written from one list so both languages have each.

use super::{en, fr};
use passerelles_core::wording::{lang, Lang};

macro_rules! words {
    ($($name:ident,)*) => {
        $(
            #[allow(non_snake_case)]
            pub fn $name() -> &'static str {
                match lang() {
                    Lang::Fr => fr::$name,
                    Lang::En => en::$name,
                }
            }
        )*
        /// Every fixed word of `lang`, by name (for the tests).
        pub fn texts(lang: Lang) -> Vec<(&'static str, &'static str)> {
            match lang {
                Lang::Fr => vec![$((stringify!($name), fr::$name),)*],
                Lang::En => vec![$((stringify!($name), en::$name),)*],
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
    PAGE_TITLE,
    PAGE_DESCRIPTION,
    HEADING,
    TAGLINE,
    INTRO,
    NOSCRIPT,
    SKIP,
    BACK_TO_SITE,
    OTHER_LANGUAGE,
    OTHER_LANGUAGE_CODE,
    FOOTER,
    OPEN_TITLE,
    DROP_LABEL,
    DROP_HINT,
    OPEN_SITE,
    OPEN_SITE_NAME,
    CANCEL,
    STEP_READING,
    STEP_CHECKING,
    STEP_WRITING,
    STARTING,
    FETCH_FAILED,
    KEPT,
    PROBLEMS_TITLE,
    NO_PROBLEM,
    LEVEL_ERROR,
    LEVEL_WARNING,
    AT_FILE,
    FIX_IN_FORM,
    MESSAGES_IN_FRENCH,
    NOTES_TITLE,
    COLUMN,
    VALUE,
    PREVIEW_TITLE,
    PREVIEW_INTRO,
    PREVIEW_BUTTON,
    PREVIEW_AGAIN,
    PREVIEW_MAKING,
    PREVIEW_STALE,
    PREVIEW_CLOSE,
    PREVIEW_PAGE_TITLE,
    PREVIEW_PAGE_NOTICE,
    PREVIEW_PAGE_WAIT,
    RECORD_TITLE,
    RECORD_INTRO,
    NEW_AGREEMENT,
    NEW_EVENT,
    EDIT_LABEL,
    EDIT_NONE,
    EDIT_BUTTON,
    REQUIRED,
    SUGGEST_ID,
    ADD,
    REMOVE,
    NONE_OPTION,
    UNKNOWN_FIELDS,
    REMOVE_FIELD,
    DATE_DAY_KIND,
    DATE_MONTH_KIND,
    DATE_YEAR_KIND,
    DATE_INTERVAL_KIND,
    DATE_UNKNOWN_KIND,
    DATE_PRECISION,
    DATE_DAY,
    DATE_MONTH,
    DATE_YEAR,
    DATE_START,
    DATE_END,
    END_OPEN,
    END_DAY,
    END_MONTH,
    END_YEAR,
    SOURCE_TEXT,
    SOURCE_HINT,
    ADD_EXCERPT,
    NO_SELECTION,
    SUPPORTS,
    NO_SUPPORTS,
    EXCERPT_IN_TEXT,
    EXCERPT_NOT_IN_TEXT,
    REMOVE_EXCERPT,
    NO_EXCERPT,
    TO_FILL,
    CHECKING,
    FORM_OK,
    APPLY_NEW,
    APPLY_EDIT,
    APPLYING,
    CLOSE_FORM,
    NEEDS_DATA,
    PICK_RECORD,
    PUBLISH_TITLE,
    DOWNLOAD_JSON,
    DOWNLOAD_ODS,
    DOWNLOAD_XLSX,
    WRITING,
    PUBLISH_HOW,
    PUBLISH_HOW_COMMIT,
    PUBLISH_HOW_HOST,
    CHANGED_NOTE,
    EXPORT_REFUSED,
    ADD_ID,
}

speak! {
    fn reading_file(name: &str, percent: u32) -> String;
    fn reading_sheets(name: &str, done: u32, total: u32) -> String;
    fn read_ok(name: &str, agreements: u32, events: u32) -> String;
    fn left_out(n: u32) -> String;
    fn problems_count(errors: u32, warnings: u32) -> String;
    fn too_large(name: &str, tenths_of_mb: u64, max_mb: u64) -> String;
    fn empty(name: &str) -> String;
    fn not_data(name: &str) -> String;
    fn encrypted(name: &str) -> String;
    fn old_excel(name: &str) -> String;
    fn unknown_sheet(name: &str) -> String;
    fn broken(name: &str) -> String;
    fn cancelled(name: &str) -> String;
    fn timed_out(name: &str, seconds: u32) -> String;
    fn failed(name: &str) -> String;
    fn added(id: &str) -> String;
    fn at_cell(sheet: &str, row: u32, column: &str) -> String;
    fn at_line(line: u32, column: u32) -> String;
    fn show_row(row: u32) -> String;
    fn show_line(line: u32) -> String;
    fn more_problems(n: usize) -> String;
    fn preview_banner(name: &str) -> String;
    fn preview_frame_title(name: &str) -> String;
    fn form_title_new(agreement: bool) -> String;
    fn form_title_edit(id: &str) -> String;
    fn item_legend(label: &str, n: usize) -> String;
    fn add_item(label: &str) -> String;
    fn remove_item(label: &str, n: usize) -> String;
    fn date_value(value: &str) -> String;
    fn date_reads(text: &str) -> String;
    fn excerpt_added(chars: usize) -> String;
    fn excerpt_legend(n: usize) -> String;
    fn form_problems(n: usize) -> String;
    fn not_publishable(errors: u32) -> String;
    fn entry_option(id: &str, title: &str) -> String;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_said_in_both_languages() {
        let (fr, en) = (texts(Lang::Fr), texts(Lang::En));
        assert_eq!(fr.len(), en.len());
        for ((name, f), (_, e)) in fr.iter().zip(&en) {
            // Said in French only: a note for English readers.
            if *name == "MESSAGES_IN_FRENCH" {
                assert!(f.is_empty() && !e.is_empty());
                continue;
            }
            assert!(!f.is_empty() && !e.is_empty(), "{name}");
            let same_allowed = ["ADD_ID"];
            if f == e && !same_allowed.contains(name) {
                panic!("{name} is not translated: {f}");
            }
        }
    }

    #[test]
    fn worded_values_read_in_each_language() {
        passerelles_core::wording::set_lang(Lang::En);
        assert_eq!(problems_count(1, 2), "1 error, 2 warnings");
        assert_eq!(
            at_cell("Événements", 8, "date"),
            "Sheet Événements, row 8, column “date”"
        );
        passerelles_core::wording::set_lang(Lang::Fr);
        assert_eq!(problems_count(4, 1), "4 erreurs, 1 avertissement");
        assert_eq!(
            at_cell("Événements", 8, "date"),
            "Feuille Événements, ligne 8, colonne « date »"
        );
        assert_eq!(at_cell("Événements", 0, ""), "Feuille Événements");
        assert_eq!(too_large("x.json", 500, 25), "« x.json » fait 50,0 Mo : la page lit au plus 25 Mo. Est-ce bien un classeur ou le fichier de données ? Rien n'a été lu.");
    }
}
