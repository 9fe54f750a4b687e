//! Native only (feature `prerender`): what the build-time render reads where
//! the page reads the address bar, the document and the network. Yew's
//! server renderer runs the components on a thread of its own, which sets
//! these first (src/bin/prerender.rs); effects never run there, so nothing
//! else of the browser is ever reached.

use std::cell::RefCell;
use std::rc::Rc;

use crate::Data;

thread_local! {
    static QUERY: RefCell<String> = const { RefCell::new(String::new()) };
    static RECORD: RefCell<Option<String>> = const { RefCell::new(None) };
    static DATA: RefCell<Option<Rc<Data>>> = const { RefCell::new(None) };
    static GLOSSARY: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
}

/// For the glossary page: its content, worded as a detail (see
/// [`crate::glossary::page`]).
pub fn set_glossary(view: Option<Vec<u8>>) {
    GLOSSARY.with(|g| *g.borrow_mut() = view);
}

pub fn glossary() -> Option<Vec<u8>> {
    GLOSSARY.with(|g| g.borrow().clone())
}

/// The page to render: its query string, the record a record page is
/// about, and the dataset already opened.
pub fn set(query: &str, record: Option<&str>, data: Rc<Data>) {
    QUERY.with(|q| *q.borrow_mut() = query.to_string());
    RECORD.with(|r| *r.borrow_mut() = record.map(str::to_string));
    DATA.with(|d| *d.borrow_mut() = Some(data));
}

pub fn query() -> String {
    QUERY.with(|q| q.borrow().clone())
}

pub fn record() -> Option<String> {
    RECORD.with(|r| r.borrow().clone())
}

/// The page's address as the render assumes it: served over https, so
/// "Intégrer cette vue" is offered as on any real host.
pub fn href() -> String {
    format!("https://prerender.invalid/{}", query())
}

pub fn data() -> Option<Rc<Data>> {
    DATA.with(|d| d.borrow().clone())
}

/// What a page says before its view, for a reader the app cannot reach:
/// without a script, and opened from a file (the stylesheet shows the
/// second when the loader marks the page `data-file`). Rendered at build
/// time in the page's language; the app never renders it.
#[yew::function_component(Notices)]
pub fn notices() -> yew::Html {
    use passerelles_core::wording::say as s;
    yew::html! {
        <>
            <noscript><p class="noscript">{ s::NOSCRIPT() }</p></noscript>
            <p class="file-notice" hidden=true>
                { s::FILE_NOTICE() }<a href="passerelles.html">{ "passerelles.html" }</a>{ s::FILE_NOTICE_END() }
            </p>
        </>
    }
}
