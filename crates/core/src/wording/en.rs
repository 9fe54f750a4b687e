//! Every word the interface shows, in English: the same names as
//! [`super::fr`], which [`super::say`] checks at compile time (a word
//! missing here does not build). The records themselves stay in French.

use super::Lang;

/// "1,750": English grouping, whatever the page's language at the call.
fn num(n: usize) -> String {
    super::number::count_as(Lang::En, n)
}

pub const APP_NAME: &str = "Passerelles";
/// Quotation marks around words quoted from a text.
pub const QUOTE_OPEN: &str = "“";
pub const QUOTE_CLOSE: &str = "”";
pub const HTML_LANG: &str = "en";
pub const OG_LOCALE: &str = "en_GB";
/// The link to the other language, written in that language.
pub const OTHER_LANGUAGE: &str = "Français";
pub const OTHER_LANGUAGE_CODE: &str = "fr";
pub const RECORDS_IN_FRENCH: &str = "Records are shown as their sources wrote them, in French.";
pub const NOSCRIPT: &str = "Without JavaScript this page can be read but not filtered: turn JavaScript on in your browser to search and filter the agreements and events.";
pub const FILE_NOTICE: &str = "This page was opened from a file: it can be read, but its filters only work on a website. To explore everything offline, open ";
pub const FILE_NOTICE_END: &str = " instead, in the same folder.";
pub const FEED_EVENTS_TITLE: &str = "Passerelles: all the events (iCalendar)";
pub const FEED_RECORDS_TITLE: &str = "Passerelles: the records, newest first (Atom)";
pub const SITE_DESCRIPTION: &str = "Passerelles: explore the partnership agreements and events of the French social and solidarity economy.";
pub const OFFLINE_LINK: &str = "Download to read offline";
pub const OFFLINE_HINT: &str = "a single file that opens without a connection";
/// The footer's discreet link to the editors' page (crates/editor).
pub const EDITORS_LINK: &str = "Edit the data";
pub const TAGLINE: &str =
    "Partnership agreements and events of the social and solidarity economy and of employers' organisations";
// Loading and errors.
pub const LOADING: &str = "Loading the data…";
pub const LOADING_FETCH: &str = "Downloading the data…";
/// "2.3 MB received", from tenths of a megabyte.
pub fn received_megabytes(tenths: u32) -> String {
    format!("{}.{} MB received", tenths / 10, tenths % 10)
}
pub const LOADING_READ: &str = "Reading and checking the records…";
// A large dataset's parts, fetched as the view needs them.
pub const LOADING_PART: &str = "Loading more of the data…";
pub const PART_UNAVAILABLE: &str =
    "Part of the data could not be downloaded: check the connection, then try again.";
pub const PART_STALE: &str = "Part of the data received does not match the page: the site has probably been updated since it was opened. Reload the page.";
pub const LOAD_FAILED_TITLE: &str = "The data could not be loaded";
pub const LOAD_FAILED_HELP: &str =
    "The file must be corrected at the place shown, then checked with “cargo run --bin validate -- data/passerelles.json”. If you do not keep the data up to date, tell the person who does.";
pub const LOAD_FAILED_WHERE: &str = "Position in the file";
pub const HTTP_FAILED: &str = "The server answered";
pub const ERR_NOT_PACK: &str = "This file is not a Passerelles data file: the “data=” parameter must name a JSON file (.json) or a compiled file (.pack).";
pub const ERR_PACK_DAMAGED: &str =
    "The compiled data file is damaged (cut short or changed on the way).";
pub const ERR_PACK_VERSION: &str =
    "The compiled data file comes from another version of Passerelles.";
pub const ERR_PACK_SPLIT: &str = "This data file is split for a large site (“pack --split”): this page was built without its reader. Build the site with “make release-large”, or compile the file whole (“pack” without “--split”).";
pub const ERR_CONVERTER: &str =
    "The JSON file reader of Passerelles could not be loaded or could not read this file.";
pub const PACK_HELP: &str = "Rebuild the site (“make build”) to compile the data again, then publish it again. If you do not publish the site, tell the person who does.";
pub fn skipped_records(n: usize) -> String {
    if n == 1 {
        "1 record left out as invalid".into()
    } else {
        format!("{} records left out as invalid", num(n))
    }
}
pub const SHOW_REASONS: &str = "See why";
// Interface.
pub const SKIP_TO_RESULTS: &str = "Skip to the results";
pub const FILTERS: &str = "Filter";
pub const SHEET_CLOSE: &str = "Close the filters";
pub const SEARCH_LABEL: &str = "Search";
pub const SEARCH_HINT: &str = "A word, an organisation, a place… (accents do not matter)";
pub const FACET_TYPE: &str = "Kind of record";
pub const FACET_THEME: &str = "Theme";
pub const FACET_REGION: &str = "Territory";
pub const FACET_DATES: &str = "Period";
pub const TYPE_AGREEMENT: &str = "Agreements";
pub const TYPE_EVENT: &str = "Events";
pub const BADGE_AGREEMENT: &str = "Agreement";
pub const BADGE_EVENT: &str = "Event";
pub const NATIONAL_SWITCH: &str = "Include records of national scope";
pub const NATIONAL_SWITCH_HINT: &str = "Applies when a region is chosen.";
pub const MORE_REGIONS: &str = "Show every region";
pub const FEWER_REGIONS: &str = "Hide the regions without records";
pub const DATE_FROM: &str = "From";
pub const DATE_TO: &str = "To";
pub const DATE_HINT: &str = "Year (2019), month (2019-11) or day (2019-11-21).";
pub const DATE_INVALID: &str = "Date not recognised: write YYYY, YYYY-MM or YYYY-MM-DD.";
pub const DATE_INVERTED: &str = "The start date is after the end date: no dated record can match.";
pub const DATE_UNKNOWN: &str = "Unknown date";
pub fn undated_option(n: u32) -> String {
    format!("Include the records of unknown date ({})", num(n as usize))
}
pub fn undated_excluded(n: u32) -> String {
    if n == 1 {
        "1 record of unknown date is left out by the period.".into()
    } else {
        format!(
            "{} records of unknown date are left out by the period.",
            num(n as usize)
        )
    }
}
// A date the text only bounds (an EDTF interval), and where an agreement
// stands (src/wording/format.rs, src/pack/card.rs, src/pack/detail.rs).
/// "by 10 July 2015 at the latest", "in November 2015 at the latest".
pub fn date_at_latest(date: &str, on_a_day: bool) -> String {
    if on_a_day {
        format!("by {date} at the latest")
    } else {
        format!("in {date} at the latest")
    }
}
/// "on or after 12 November 2007", "in or after 2007".
pub fn date_at_earliest(date: &str, on_a_day: bool) -> String {
    if on_a_day {
        format!("on or after {date}")
    } else {
        format!("in or after {date}")
    }
}
/// "between 12 November and 31 December 2007".
pub fn date_between(start: &str, _start_day: bool, end: &str, _end_day: bool) -> String {
    format!("between {start} and {end}")
}
pub const DATE_START_NOTE: &str = "Start: ";
pub const DATE_END_NOTE: &str = "End: ";
pub const D_STATUS: &str = "Status";
pub const STATUS_ANNOUNCED: &str = "announced";
pub fn status_announced_note(planned: Option<&str>) -> String {
    match planned {
        Some(words) => format!("The text announces it without showing it signed: its date is the one the text plans (“{words}”), not a date seen to pass."),
        None => "The text announces it without showing it signed: its date is the one the text plans, not a date seen to pass.".to_string(),
    }
}
pub fn planned(date: &str) -> String {
    format!("planned {date}")
}
pub const CLEAR: &str = "Clear the filters";
pub const RESULTS: &str = "Results";
pub const NO_RECORD: &str = "No record";
/// "No record", "1 record", "1,750 records".
pub fn records_count(n: usize) -> String {
    match n {
        0 => NO_RECORD.to_string(),
        1 => "1 record".to_string(),
        n => format!("{} records", num(n)),
    }
}
pub const SORT_LABEL: &str = "Sort by";
pub const SORT_RECENT: &str = "Most recent first";
pub const SORT_OLDEST: &str = "Oldest first";
pub const SORT_TITLE: &str = "Title (A → Z)";
pub const SORT_RELEVANCE: &str = "Relevance";
// Search that understands the texts.
pub const DID_YOU_MEAN: &str = "Did you mean";
pub const CORRECTED_SHOWN: &str = "Records found by correcting the search.";
pub const GLOSSARY: &str = "Glossary";
pub const GLOSSARY_LINK: &str = "Acronyms and terms of the texts: the glossary";
pub const GLOSSARY_BACK: &str = "Back to the agreements and events";
pub const GLOSSARY_DESCRIPTION: &str = "The acronyms and terms of the partnership agreements and events of the French social and solidarity economy, with what the texts say of them.";
pub const GLOSSARY_INTRO: &str = "The acronyms and terms of the source texts, with what the texts say of them and the excerpt that says it. The entries are in French, as the texts are.";
pub const GLOSSARY_NO_EXPANSION: &str = "The texts do not spell this acronym out.";
pub const GLOSSARY_DEFINITION: &str = "In the texts";
pub const GLOSSARY_SOURCE: &str = "Source text";
pub fn glossary_search(term: &str) -> String {
    format!("Search for “{term}”")
}
pub const ACTIVE_FILTERS: &str = "Active filters";
pub const REMOVE_FILTER: &str = "Remove the filter";
pub const EMPTY_TITLE_RESULTS: &str = "No record matches these filters.";
pub const EMPTY_HELP: &str = "Try removing one:";
pub const CHIP_SEARCH: &str = "Search";
pub const CHIP_DATES: &str = "Period";
pub const ORGANISED_BY: &str = "Organised by";
pub const BACK_TO_LIST: &str = "Back to the list";
pub const LOADING_RECORD: &str = "Loading the record…";
pub const RECORD_UNAVAILABLE: &str =
    "The detail of this record could not be loaded. Check your connection, then try again.";
pub const RECORD_GONE: &str = "The detail of this record is no longer on the server: the site has probably been updated since the page was opened. Reload the page.";
pub const RECORD_STALE: &str = "The detail received for this record does not match the page's data: the site has probably been updated since it was opened. Reload the page.";
pub const RECORD_DAMAGED: &str = "The detail of this record arrived damaged. Reload the page; if it happens again, tell the person who publishes the site.";
pub const UNKNOWN_RECORD: &str = "This record does not exist, or no longer exists, in the data.";
pub const D_DATE: &str = "Date";
pub const D_TIME: &str = "Time";
pub const D_PLACE: &str = "Place";
pub const D_TERRITORY: &str = "Territory";
pub const D_PARTIES: &str = "Parties";
pub const D_PEOPLE: &str = "People named";
pub const D_ORGANISER: &str = "Organiser";
pub const D_AUDIENCE: &str = "Audience";
pub const D_THEMES: &str = "Themes";
pub const D_REGISTRATION: &str = "Registration";
pub const D_OBJECTIVES: &str = "Objectives";
pub const D_TARGETS: &str = "Targets";
pub const D_FIGURES: &str = "Figures quoted";
pub const D_SOURCE: &str = "Source";
pub const D_EXCERPTS: &str = "Excerpts from the source text";
pub const D_SUPPORTS: &str = "Supports";
/// A record field as a reader names it, for "what this excerpt supports".
pub fn field_label(key: &str) -> &str {
    match key {
        "title" => "title",
        "kind" => "kind",
        "description" => "description",
        "parties" => "parties",
        "people" => "people",
        "date" => "date",
        "status" => "status",
        "time" => "time",
        "place" => "place",
        "territory" => "territory",
        "themes" => "themes",
        "objectives" => "objectives",
        "targets" => "targets",
        "figures" => "figures",
        "context" => "context",
        "organiser" => "organiser",
        "audience" => "audience",
        "registration" => "registration",
        "agreements" => "related agreements",
        "part_of" => "programme of events",
        other => other,
    }
}
/// The sheet of filters' way back to the list, with what it will show.
pub fn see_records(n: usize) -> String {
    match n {
        0 => "See the results (no record)".into(),
        n => format!("See {}", records_count(n)),
    }
}
/// After "Filter", for a screen reader: how many filters apply.
pub fn active_filters(n: usize) -> String {
    match n {
        1 => "(1 active filter)".into(),
        n => format!("({n} active filters)"),
    }
}
pub const D_PART_OF: &str = "Part of";
pub const D_PARTS: &str = "Sessions of this programme";
pub const D_EVENTS: &str = "Related events";
pub const D_AGREEMENTS: &str = "Related agreements";
pub const D_FILE: &str = "Document";
pub const D_TITLE: &str = "Title";
pub const D_LINK: &str = "Link";
pub const D_PUBLISHED: &str = "Published on";
pub const D_PUBLISHER: &str = "Publisher";
pub const FOOTER_SOURCES: &str = "Each record is transcribed from a press release or a public announcement, quoted with its excerpts. A record says only what its text says.";
pub fn data_problems(n: usize) -> String {
    if n == 1 {
        "1 problem in the data".into()
    } else {
        format!("{} problems in the data", num(n))
    }
}
pub fn more_problems(n: usize) -> String {
    format!("… and {} more", num(n))
}
pub fn at_position(line: usize, column: usize) -> String {
    format!("line {line}, column {column}")
}
// Loading failures: what failed, and what to do.
pub fn not_found(url: &str) -> String {
    format!("The data file cannot be found: the server answered 404 for “{url}”.")
}
pub fn http_status(status: u16, url: &str) -> String {
    format!("{HTTP_FAILED} {status} when asked for the data file “{url}”.")
}
pub fn network_failed(url: &str) -> String {
    format!(
        "The data file “{url}” could not be downloaded: the network or the server does not answer."
    )
}
pub const HELP_NOT_FOUND: &str = "Check the page's address (the “data=” parameter) or that the file was published with the site.";
pub fn download_stalled(url: &str) -> String {
    format!("The download of “{url}” stopped: the server no longer answers.")
}
pub const HELP_NETWORK: &str = "Check your connection, then try again.";
pub const RETRY: &str = "Try again";
pub const RELOAD: &str = "Reload the page";
pub const LOAD_FAILED_FILE: &str = "File";

// Embedding in a partner's page.
pub const EMBED_OPEN: &str = "Embed this view";
/// Before "Embed this view", in the footer.
pub const FOR_PARTNERS: &str = "For a partner's website:";
pub const EMBED_TITLE: &str = "Embed this view in your site";
pub const EMBED_INTRO: &str =
    "Paste this code into a page of your site: it shows the records of the current view, filters included. The frame's height follows its content.";
pub const EMBED_LOCK: &str = "Lock the current filters (kind, theme, territory)";
pub const EMBED_LOCK_HINT: &str =
    "Visitors of your site will not be able to remove them; otherwise they are only starting filters.";
pub const EMBED_SCHEME: &str = "Colours";
pub const EMBED_SCHEME_LIGHT: &str = "Light";
pub const EMBED_SCHEME_DARK: &str = "Dark";
pub const EMBED_SCHEME_AUTO: &str = "As the visitor's setting";
pub const EMBED_HEIGHT: &str = "Initial height (in pixels)";
pub const EMBED_HEIGHT_HINT: &str =
    "The height before loading, or if the script is not pasted: the content then scrolls inside the frame.";
pub const EMBED_CODE: &str = "Code to paste";
pub const EMBED_COPY: &str = "Copy the code";
pub const EMBED_COPIED: &str = "Code copied to the clipboard.";
pub const EMBED_COPY_FALLBACK: &str =
    "Automatic copy is not possible: the code is selected, copy it with Ctrl+C (or Cmd+C).";
pub const EMBED_PREVIEW: &str = "Preview";
pub const EMBED_PREVIEW_TITLE: &str = "Preview of the embedded view";
pub const EMBED_CLOSE: &str = "Close";
pub const EMBED_IFRAME_TITLE: &str =
    "Passerelles: agreements and events of the social and solidarity economy";
pub const EMBED_FULLSCREEN: &str = "See full screen";
pub const NEW_TAB: &str = " (new tab)";
pub const LOCKED_HINT: &str = "Filter fixed by the site that presents these records.";
pub const LOCKED_VALUES: &str = "Fixed filter";
// Taking the results away.
/// The columns of a CSV export, in order (src/export/csv.rs).
pub const CSV_COLUMNS: [&str; 14] = [
    "Type",
    "Identifier",
    "Title",
    "Kind",
    "Date",
    "Date (ISO 8601)",
    "Date precision",
    "Date in the text",
    "Time",
    "Place",
    "Territories",
    "Themes",
    "Parties or organiser",
    "Address of the record",
];
pub const PRECISION_DAY: &str = "day";
pub const PRECISION_MONTH: &str = "month";
pub const PRECISION_YEAR: &str = "year";
pub const PRECISION_NONE: &str = "unknown";
pub const PRECISION_INTERVAL: &str = "interval";
/// In an export's file name, a period open at one end.
pub const FILE_FROM: &str = "from";
pub const FILE_TO: &str = "until";
pub const FEED_ATOM_TITLE: &str = "Passerelles: the records, most recent first";
pub const FEED_ALL_EVENTS: &str = "Passerelles: every event";
pub fn feed_events_of(what: &str) -> String {
    format!("Passerelles: events, {what}")
}
pub const EXPORT_LABEL: &str = "Export these results:";
pub const EXPORT_CSV: &str = "Spreadsheet (CSV)";
pub const EXPORT_JSON: &str = "Data (JSON)";
pub const EXPORT_ICS: &str = "Calendar (iCalendar)";
pub const ADD_TO_CALENDAR: &str = "Add to my calendar";
pub const EXPORT_PREPARING: &str = "Preparing the file…";
/// "File downloaded: 5 records, in the order of the list."
pub fn records_exported(n: usize) -> String {
    let mut out = String::from("File downloaded: ");
    out.push_str(&records_count(n).to_lowercase());
    out.push_str(", in the order of the list.");
    out
}
/// "Calendar downloaded: 5 events."
pub fn calendar_exported(n: usize) -> String {
    let mut out = String::from("Calendar downloaded: ");
    counted(&mut out, n, "event", "events");
    out.push('.');
    out
}
fn counted(out: &mut String, n: usize, one: &str, many: &str) {
    out.push_str(&num(n));
    out.push(' ');
    out.push_str(if n == 1 { one } else { many });
}
pub const NO_CALENDAR_EVENT: &str =
    "None of these results is an event dated to the day: there is nothing to put in a calendar.";
/// Why some events are not in the calendar: "3 events left out, for want
/// of a known day: 1 dated only to the month, 2 without a date."
pub fn calendar_left_out(month: usize, year: usize, bounded: usize, undated: usize) -> String {
    let mut out = String::new();
    counted(
        &mut out,
        month + year + bounded + undated,
        "event",
        "events",
    );
    out.push_str(" left out, for want of a known day:");
    for (n, what) in [
        (month, "dated only to the month"),
        (year, "dated only to the year"),
        (bounded, "dated only between two bounds"),
        (undated, "without a date"),
    ] {
        if n > 0 {
            if !out.ends_with(':') {
                out.push(',');
            }
            out.push(' ');
            out.push_str(&num(n));
            out.push(' ');
            out.push_str(what);
        }
    }
    out.push('.');
    out
}
pub const EXPORT_EMBED_HINT: &str = "If nothing downloads, the site that presents these records does not allow it: open the view full screen to export.";
pub const EXPORT_UNAVAILABLE: &str =
    "The export file could not be loaded. Check your connection, then try again.";
pub const EXPORT_RELOAD: &str = "The export file no longer matches the page's data (the site has probably been updated since it was opened) or arrived damaged. Reload the page.";
// The period's approximate records and the strict switch (the page).
pub const DATE_APPROXIMATE: &str = "approximate date";
/// The strict switch: leaves out what the badge above marks.
pub const STRICT_SWITCH: &str = "Leave out approximate dates";
// The map and the timeline (their own module, src/ui/island/).
pub const MAP_LABEL: &str = "Map of the regions";
pub const MAP_KEY: &str = "Records per region";
pub const MAP_NONE: &str = "none";
pub const MAP_CREDIT: &str = "Outlines: IGN / INSEE";
pub const TIMELINE_BY_YEAR: &str = "Timeline: records per year";
pub const TIMELINE_BY_MONTH: &str = "Timeline: records per month";
pub const TIMELINE_HELP: &str = "Drag across the bars to choose a period. With the keyboard: the arrows move it, Shift and an arrow stretch it, Escape clears it.";
pub const TIMELINE_KNOWN: &str = "known date";
pub const TIMELINE_APPROXIMATE: &str = "approximate date, counted in every bar it may fall in";
pub const TIMELINE_EMPTY: &str = "None of these records has a known date.";
/// Beside "?", under the bar of unknown dates.
pub const TIMELINE_UNKNOWN: &str = "unknown date";
/// "9 records", "no record" within a sentence.
fn records(n: u32) -> String {
    match n {
        0 => "no record".into(),
        n => records_count(n as usize),
    }
}
/// A region on the map: "Île-de-France: 9 records".
pub fn map_region(name: &str, n: u32) -> String {
    format!("{name}: {}", records(n))
}
/// A bar of the timeline: "2019: 3 records, and 2 more possibly".
pub fn timeline_bar(when: &str, certain: u32, possible: u32) -> String {
    let mut out = format!("{when}: {}", records(certain));
    if possible > 0 {
        out.push_str(&format!(", and {} more possibly", num(possible as usize)));
    }
    out
}
pub fn timeline_unknown(n: u32) -> String {
    format!("Date unknown: {}", records(n))
}

// Pages of one theme, region or type (crates/build/src/bin/prerender.rs).
/// "Insertion: agreements and events" (a theme, a region, a type).
pub fn facet_page_title(what: &str) -> String {
    format!("{what}: agreements and events")
}
/// "Insertion, Réunion".
pub fn facet_pair(theme: &str, region: &str) -> String {
    format!("{theme}, {region}")
}
/// What a facet page holds, for search engines and link previews.
pub fn facet_page_description(what: &str, agreements: usize, events: usize) -> String {
    let mut out = String::from("Passerelles: ");
    match agreements + events {
        0 => out.push_str("no record yet"),
        n => {
            out.push_str(&records_count(n));
            out.push_str(" (");
            counted(&mut out, agreements, "agreement", "agreements");
            out.push_str(", ");
            counted(&mut out, events, "event", "events");
            out.push(')');
        }
    }
    out.push_str(" of the social and solidarity economy and employers' organisations, “");
    out.push_str(what);
    out.push_str("”, with their sources.");
    out
}
/// "Passerelles: records, Insertion" (an Atom feed of one facet).
pub fn feed_records_of(what: &str) -> String {
    format!("Passerelles: records, {what}")
}
pub const SUBSCRIBE: &str = "Follow this page:";
pub const SUBSCRIBE_ATOM: &str = "new records (Atom feed)";
pub const SUBSCRIBE_ICS: &str = "its events in your calendar (iCalendar)";
/// The kind of page a link preview shows above its title.
pub const PREVIEW_SITE: &str = "Agreements and events of the social and solidarity economy";
/// What the preview image shows, for those who do not see it.
pub fn preview_alt(title: &str, what: &str) -> String {
    format!("{title} — {what}")
}
// Web calendars (export::web_calendars), beside "Add to my calendar".
pub const ADD_TO_GOOGLE: &str = "Add to Google Calendar";
pub const ADD_TO_OUTLOOK: &str = "Add to Outlook (web)";
// In a frame that allows scripts only (WordPress's): what to do instead.
pub const SANDBOX_NO_DOWNLOAD: &str = "The site showing these records forbids downloads from this frame: open “View full screen” to export or add to your calendar.";
/// When the host page did not open the full view.
pub fn fullscreen_blocked(url: &str) -> String {
    format!("The site showing these records did not open the full view. Open this address in a new tab: {url}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_messages_agree_in_number() {
        assert_eq!(
            calendar_left_out(1, 0, 0, 2),
            "3 events left out, for want of a known day: 1 dated only to the month, 2 without a date."
        );
        assert_eq!(calendar_exported(1), "Calendar downloaded: 1 event.");
    }
}
