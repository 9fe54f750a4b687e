//! Taking the results away, in the on-demand module (src/bin/ondemand.rs):
//! the page says which records, in which order, in which format and where
//! their pieces are ([`crate::export`]); this fetches that format's exports
//! file once (kept for later exports), checks it belongs to the page's pack,
//! assembles the records ([`passerelles_core::export::assemble`]) and hands the file
//! to the browser ([`browser::download`]). What it says goes to the page's
//! status line.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use crate::browser::{self, FetchError};
use passerelles_core::bridge::ondemand::TakeAway;
use passerelles_core::export::{self, Exports, Format};
use passerelles_core::pack::open_exports_file;
use passerelles_core::wording::say as s;

thread_local! {
    /// The exports fetched so far, by format and build.
    static HELD: RefCell<Vec<(Format, u64, Rc<Exports>)>> = const { RefCell::new(Vec::new()) };
}

async fn exports_of(source: TakeAway) -> Result<Rc<Exports>, &'static str> {
    let (format, build) = (source.format, source.build);
    let held = HELD.with(|h| {
        h.borrow()
            .iter()
            .find(|(f, b, _)| *f == format && *b == build)
            .map(|(_, _, e)| e.clone())
    });
    if let Some(exports) = held {
        return Ok(exports);
    }
    let exports = match source.inline {
        Some(bytes) => {
            let len = bytes.len();
            Exports::open(Arc::new(bytes), 0..len).map_err(|_| s::EXPORT_RELOAD())?
        }
        None => {
            let bytes = browser::fetch_bytes(&source.url, &|_| {})
                .await
                .map_err(|e| match e {
                    // Named by content: a page older than the site asks for
                    // a name that is gone.
                    FetchError::Status(404) => s::EXPORT_RELOAD(),
                    _ => s::EXPORT_UNAVAILABLE(),
                })?;
            // Stale or damaged: either way only a reload mends it.
            open_exports_file(format, bytes, build, source.seal, source.records as usize)
                .map_err(|_| s::EXPORT_RELOAD())?
        }
    };
    let exports = Rc::new(exports);
    HELD.with(|h| h.borrow_mut().push((format, build, exports.clone())));
    Ok(exports)
}

/// Downloads the records the page asks for, in its order, from the pieces
/// it points at; says what was done, for the status line.
pub async fn take_away(mut call: TakeAway) -> String {
    let (format, embed) = (call.format, call.embed);
    let shown = std::mem::take(&mut call.shown);
    let name = std::mem::take(&mut call.name);
    let exports = match exports_of(call).await {
        Ok(e) => e,
        Err(message) => return message.to_string(),
    };
    let done = export::assemble(&exports, &shown, "");
    let mut message = match format {
        Format::Ics if done.rows == 0 => s::NO_CALENDAR_EVENT().to_string(),
        Format::Ics => s::calendar_exported(done.rows),
        _ => s::records_exported(done.rows),
    };
    if done.left_out.total() > 0 {
        let l = done.left_out;
        message.push(' ');
        message.push_str(&s::calendar_left_out(l.month, l.year, l.bounded, l.undated));
    }
    if done.rows > 0 || format != Format::Ics {
        browser::download(&name, format.mime(), done.text.as_bytes());
        if embed {
            message.push(' ');
            message.push_str(s::EXPORT_EMBED_HINT());
        }
    }
    message
}
