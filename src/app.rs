//! The page frame, the dataset load, and the one store the explorer runs on.

use std::rc::Rc;

use yew::prelude::*;

use crate::arrivals::{self, Failure};
use crate::browser::{self, FetchError};
use crate::detail::Detail;
use crate::embed_dialog::OPENER;
use crate::fetch_parts;
use crate::frame;
use crate::panel::Panel;
use crate::parts::recovery;
use crate::results::results;
use crate::sheet;
use crate::{Ctx, Data};
use passerelles_core::bridge::ondemand::Call;
use passerelles_core::data::error::{LoadError, LoadErrorKind};
use passerelles_core::engine::facets::{self, Outcome};
use passerelles_core::engine::filter::FilterState;
use passerelles_core::engine::index;
use passerelles_core::pack::{Pack, Part};
use passerelles_core::state::locks::Locks;
use passerelles_core::state::page::{PageParams, DEFAULT_DATA, DEFAULT_DATA_EN};
use passerelles_core::state::view::{Action, Nav, View};
use passerelles_core::state::{embed, query};
use passerelles_core::wording::say as s;

enum Load {
    /// Which step of loading is under way, out of [`LOAD_STEPS`], and the
    /// megabytes received (tenths) once there is one to show.
    Loading(LoadStep, u32),
    Failed(LoadError),
    Ready(Rc<Data>),
}

#[derive(Clone, Copy, PartialEq)]
enum LoadStep {
    Fetch = 1,
    /// A JSON file being read and checked by the converter.
    Read = 2,
}
const LOAD_STEPS: u8 = 2;

impl LoadStep {
    fn label(self) -> &'static str {
        match self {
            LoadStep::Fetch => s::LOADING_FETCH(),
            LoadStep::Read => s::LOADING_READ(),
        }
    }
}

/// The dataset at `url`: a pack as it is, a JSON file through the converter.
/// A pack opens in milliseconds, even at 100,000 records (BENCHMARKS.md),
/// so only its download needs a progress report; converting JSON takes
/// longer, and runs off this thread where the browser allows it.
async fn load_pack(url: &str, step: &UseStateHandle<Load>) -> Result<Pack, LoadError> {
    // One render per tenth of a megabyte at most: a progress report, not a
    // render per network chunk.
    let shown = std::cell::Cell::new(0);
    let progress = |received: usize| {
        let tenths = (received / 100_000) as u32;
        if tenths > shown.replace(tenths) {
            step.set(Load::Loading(LoadStep::Fetch, tenths));
        }
    };
    if url == DEFAULT_DATA || url == DEFAULT_DATA_EN {
        // The offline file carries its dataset (src/site/offline.rs), and
        // the editors' preview its editor's, in either language
        // (crates/build/src/site/editor.rs).
        if let Some(bytes) = browser::inline_pack() {
            return open(bytes);
        }
    }
    let bytes = browser::fetch_bytes(url, &progress)
        .await
        .map_err(|e| match e {
            FetchError::Status(404) => LoadError::new(LoadErrorKind::NotFound, s::not_found(url)),
            FetchError::Status(status) => {
                LoadError::new(LoadErrorKind::Unreachable, s::http_status(status, url))
            }
            FetchError::Network => {
                LoadError::new(LoadErrorKind::Unreachable, s::network_failed(url))
            }
            FetchError::Stalled => {
                LoadError::new(LoadErrorKind::Unreachable, s::download_stalled(url))
            }
        })?;
    let bytes = if url.ends_with(".json") {
        step.set(Load::Loading(LoadStep::Read, 0));
        browser::convert_json(bytes).await.map_err(|()| {
            LoadError::new(LoadErrorKind::Unreachable, s::ERR_CONVERTER().to_string())
        })?
    } else {
        bytes
    };
    open(bytes)
}

/// Opens a pack: any, with the split reader ([`arrivals::SPLIT`]), else
/// whole packs only.
fn open(bytes: Vec<u8>) -> Result<Pack, LoadError> {
    if arrivals::SPLIT {
        Pack::open(bytes)
    } else {
        Pack::open_whole(bytes)
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let page = use_memo((), |_| PageParams::decode(&browser::search()));
    let load = use_state(|| {
        // At build time the dataset is already open (effects never run there).
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(data) = crate::prerender::data() {
            return Load::Ready(data);
        }
        Load::Loading(LoadStep::Fetch, 0)
    });
    // "Réessayer" on a failed download loads again.
    let attempt = use_state(|| 0u32);
    // Why there is nothing to show replaces the prerendered view at once;
    // the view itself does when it is complete (Explorer, Detail).
    use_effect_with(matches!(*load, Load::Failed(..)), |failed| {
        if *failed {
            browser::take_over();
        }
    });
    {
        let load = load.clone();
        let url = page.data_url(passerelles_core::wording::lang()).to_string();
        use_effect_with(*attempt, move |_| {
            load.set(Load::Loading(LoadStep::Fetch, 0));
            wasm_bindgen_futures::spawn_local(async move {
                load.set(match load_pack(&url, &load).await {
                    Ok(pack) => Load::Ready(Rc::new(Data::new(pack, url))),
                    Err(e) => Load::Failed(e),
                });
            });
        });
    }
    let body = match &*load {
        Load::Loading(step, tenths) => html! {
            <div class="loading">
                <p role="status">{ step.label() }</p>
                <progress max={LOAD_STEPS.to_string()} value={(*step as u8).to_string()}
                    aria-label={s::LOADING()}></progress>
                // Outside the live region: a count that changes ten times a
                // second is for the eye, not to be read out each time.
                if *tenths > 0 { <p class="hint">{ s::received_megabytes(*tenths) }</p> }
            </div>
        },
        Load::Failed(e) => {
            let retry = {
                let attempt = attempt.clone();
                Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
            };
            load_failed(e, page.data_url(passerelles_core::wording::lang()), &retry)
        }
        // At build time, the glossary page: the site's frame around it.
        #[cfg(not(target_arch = "wasm32"))]
        Load::Ready(data) if crate::prerender::glossary().is_some() => {
            let view = crate::prerender::glossary().unwrap_or_default();
            crate::glossary::page(data.clone(), &view)
        }
        Load::Ready(data) => html! { <Explorer data={data.clone()} page={page.clone()} /> },
    };
    // The look a host page asked for, and the height it needs to follow us.
    {
        let page = page.clone();
        use_effect_with((), move |_| {
            frame::apply_look(&page);
            let reports = frame::report_height();
            move || drop(reports)
        });
    }
    if page.embed {
        // Inside a partner's page: no site header or footer; the name stays
        // for screen readers, who land in a frame without context.
        return html! {
            <main id="main" class="embedded" tabindex="-1">
                <h1 class="visually-hidden">{ s::APP_NAME() }</h1>
                { body }
            </main>
        };
    }
    html! {
        <>
            <a class="skip" href="#main">{ s::SKIP_TO_RESULTS() }</a>
            <header class="site-header">
                { language_switch() }
                <h1>{ s::APP_NAME() }</h1>
                <p class="tagline">{ s::TAGLINE() }</p>
            </header>
            <main id="main" tabindex="-1">{ body }</main>
            <footer class="site-footer">
                <p>{ s::FOOTER_SOURCES() }</p>
                // The whole app in one file (src/site/offline.rs); a page
                // opened from that file hides the link (styles/main.css).
                <p class="offline-link">
                    <a href="passerelles.html" download="passerelles.html">{ s::OFFLINE_LINK() }</a>
                    { " (" }{ s::OFFLINE_HINT() }{ ")" }
                </p>
                { for partners(&page) }
                // For the people who keep the data (crates/editor); a tool of
                // the site, which the offline file has not (hidden there, as
                // its own link is).
                <p class="editors-link">
                    <a href={format!("{}{}", passerelles_core::state::page::lang_root(passerelles_core::wording::lang()), passerelles_core::export::EDITORS_PAGE)}>{ s::EDITORS_LINK() }</a>
                </p>
            </footer>
        </>
    }
}

/// The link to the other language: a plain link to its front page; the
/// page's loader (src/site/html.rs) points it at the same view there, the
/// address as it is when it is followed (filters, open record, page
/// parameters), before the app has started as after.
fn language_switch() -> Html {
    let href = AttrValue::from(match passerelles_core::wording::lang() {
        passerelles_core::wording::Lang::Fr => "en/?lang=en",
        passerelles_core::wording::Lang::En => "?lang=fr",
    });
    // The glossary's page runs no loader: its switch is written to point at
    // the glossary in the other language.
    #[cfg(not(target_arch = "wasm32"))]
    let href = match crate::prerender::glossary() {
        Some(_) => {
            let other =
                passerelles_core::state::page::lang_root(passerelles_core::wording::lang().other());
            AttrValue::from(format!(
                "{other}{}",
                passerelles_core::export::GLOSSARY_PAGE
            ))
        }
        None => href,
    };
    let other = s::OTHER_LANGUAGE_CODE();
    html! {
        <a id="lang-switch" class="lang-switch" {href} hreflang={other} lang={other}>{ s::OTHER_LANGUAGE() }</a>
    }
}

/// Why the dataset `url` could not be shown: what failed, where (the file,
/// and the place in it when known), what to do. A function, not a
/// component: it keeps no state, so it would only add a component's
/// machinery to the page's wasm.
fn load_failed(e: &LoadError, url: &str, retry: &Callback<MouseEvent>) -> Html {
    let position = e
        .line
        .zip(e.column)
        .map(|(l, c)| format!("{} : {}", s::LOAD_FAILED_WHERE(), s::at_position(l, c)));
    html! {
        <section id="load-error" class="load-error" role="alert" aria-labelledby="load-error-title">
            <h2 id="load-error-title">{ s::LOAD_FAILED_TITLE() }</h2>
            <p class="load-error-what">{ &e.message }</p>
            <p class="load-error-where">{ s::LOAD_FAILED_FILE() }{ " : " }<code>{ url.to_string() }</code></p>
            if let Some(p) = position { <p class="load-error-where">{ p }</p> }
            <p>{ s::load_help(e.kind) }</p>
            { recovery(e.kind, retry) }
        </section>
    }
}

/// The store: the core's [`View`] behind Yew's reducer hook.
#[derive(PartialEq)]
struct Store(Rc<View>);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(Rc::new((*self.0).clone().apply(action))))
    }
}

/// Reads the address bar into a filter, dropping what this dataset does
/// not know, and the open record. A record page with no query shows its
/// record, as `?id=` does.
fn from_url(data: &Data) -> (FilterState, Option<String>) {
    let search = browser::search();
    let (mut filter, mut detail) = query::decode(&search);
    // A record page shows its record, and a theme's (region's, type's)
    // page its view, unless the address asks for another view (page
    // parameters such as `lang` change no view).
    if detail.is_none() && filter == FilterState::default() {
        detail = browser::page_record();
        if let Some(view) = browser::page_view() {
            filter = query::decode(&view).0;
        }
    }
    filter.retain_known(&data.pack.regions, &data.pack.themes);
    (filter, detail)
}

/// The host page's locks, less the ids this dataset does not know.
fn locks_for(page: &PageParams, data: &Data) -> Locks {
    let mut locks = page.locks.clone();
    locks.retain_known(&data.pack.regions, &data.pack.themes);
    locks
}

#[derive(Properties)]
pub struct ExplorerProps {
    pub data: Rc<Data>,
    pub page: Rc<PageParams>,
}

impl PartialEq for ExplorerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.data, &other.data) && Rc::ptr_eq(&self.page, &other.page)
    }
}

#[function_component(Explorer)]
pub fn explorer(props: &ExplorerProps) -> Html {
    let data = props.data.clone();
    let page = props.page.clone();
    let store = {
        let data = data.clone();
        let page = page.clone();
        use_reducer_eq(move || {
            let (filter, detail) = from_url(&data);
            Store(Rc::new(
                View::new(filter, detail).with_locks(locks_for(&page, &data)),
            ))
        })
    };
    let view = store.0.clone();

    // The address of the view on screen, for the filters' sheet to keep
    // when back closes it (src/sheet.rs).
    let shown = use_mut_ref(String::new);
    // The URL mirrors the state; the kind of change decides push or replace.
    {
        let view = view.clone();
        let page = page.clone();
        let shown = shown.clone();
        use_effect_with((view.filter.clone(), view.detail.clone()), move |_| {
            let target = page.append_to(&query::encode(&view.filter, view.detail.as_deref()));
            shown.borrow_mut().clone_from(&target);
            // The whole address, not the query alone: the list seen from a
            // record page (`fiches/<id>/`, no query) lives at the root.
            if browser::view_url(&target) != browser::href() {
                match view.nav {
                    Nav::Push => browser::push(&target),
                    Nav::Replace => browser::replace(&target),
                    Nav::None => {}
                }
            }
        });
    }

    // Back and forward restore whatever the URL says, unless back only
    // closed the filters' sheet, which keeps the view it shows.
    {
        let store = store.clone();
        let data = data.clone();
        use_effect_with((), move |_| {
            sheet::forget();
            let listener = browser::on_popstate(move || {
                if sheet::on_popstate(&shown.borrow()) {
                    return;
                }
                let (filter, detail) = from_url(&data);
                store.dispatch(Action::Restore(filter, detail));
            });
            move || drop(listener)
        });
    }

    // Keyboard focus follows the view: to the detail heading when a record
    // opens, back to that record's link when the list returns.
    {
        let previous = use_mut_ref(|| None::<String>);
        use_effect_with(view.detail.clone(), move |detail| {
            let before = previous.replace(detail.clone());
            match (before, detail) {
                (_, Some(_)) => {
                    browser::scroll_to_top();
                    browser::focus("detail-title");
                }
                (Some(id), None) => browser::focus(&format!("link-{id}")),
                (None, None) => {}
            }
        });
    }

    // A split pack's parts render the explorer again as they arrive.
    let redraw = use_force_update();
    data.arrivals
        .on_arrival(Rc::new(move || redraw.force_update()));
    let arrived = data.arrivals.arrived();
    // The answer to the filter, or the parts of a split pack it still
    // needs: meanwhile the last answer stays on screen (a first view
    // waits with the loading message), never an empty list that is not.
    let answer = {
        let data = data.clone();
        use_memo((view.filter.clone(), arrived), move |(filter, _)| {
            if arrivals::SPLIT {
                data.pack.answer(filter).map(Rc::new)
            } else {
                Ok(Rc::new(facets::run(&data.pack.index, filter)))
            }
        })
    };
    let last = use_mut_ref(|| None::<Rc<Outcome>>);
    let outcome = match &*answer {
        Ok(outcome) => {
            *last.borrow_mut() = Some(outcome.clone());
            Some(outcome.clone())
        }
        Err(_) => last.borrow().clone(),
    };
    if let Err(lacking) = &*answer {
        fetch_parts::ask(&data, lacking.iter().copied());
    }
    // Nothing to show yet: the hooks below still run (the same ones at
    // every render), the prerendered view stays until the answer comes.
    let first_wait = outcome.is_none();
    let outcome = outcome.unwrap_or_default();
    let dispatch = {
        let store = store.clone();
        Callback::from(move |action: Action| store.dispatch(action))
    };
    let ctx = Ctx {
        data,
        view: view.clone(),
        outcome,
        dispatch,
        page,
        arrived,
    };

    // Embedded: a way out to the full app (at home, the partners' way in
    // is in the footer: `partners`).
    let tools = ctx.page.embed.then(|| {
        let href = embed::fullscreen_href(&ctx.page, &view.filter, view.detail.as_deref());
        // In a frame that may open no tab (WordPress's), the host opens
        // the full view in its own window; if nothing happens, the page
        // says so, with the address to open.
        let onclick = {
            let href = href.clone();
            Callback::from(move |e: MouseEvent| {
                if frame::scripts_only() {
                    e.prevent_default();
                    let url = browser::absolute(&href);
                    frame::open_through_host(&url);
                    let said = s::fullscreen_blocked(&url);
                    gloo::timers::callback::Timeout::new(1_500, move || {
                        browser::set_text(FULLSCREEN_STATUS, &said)
                    })
                    .forget();
                }
            })
        };
        html! {
            <p class="view-tools">
                <a id="fullscreen" href={href} target="_blank" rel="noopener" {onclick}>
                    { s::EMBED_FULLSCREEN() }<span class="visually-hidden">{ s::NEW_TAB() }</span>
                </a>
                <span id={FULLSCREEN_STATUS} class="export-status" role="status"></span>
            </p>
        }
    });
    // The list is complete once rendered; a detail says when it is (its
    // details may have to be fetched first). After every render, the page
    // says so: its loader fetches what the first paint did without, and
    // the map and the timeline follow the list's panel.
    {
        let listing = (view.detail.is_none() && !first_wait).then(|| ctx.clone());
        let data = ctx.data.clone();
        use_effect(move || {
            // A split pack's index right after the first paint, whatever
            // the view (a record's detail reads its days too), so that the
            // first click is answered from it.
            if arrivals::SPLIT && data.pack.is_split() {
                browser::after_next_paint(move || {
                    fetch_parts::ask(&data, [Part::Index(index::Part::Sets)])
                });
            }
            if let Some(ctx) = listing {
                browser::take_over();
                crate::where_when::keep(ctx);
            }
            browser::announce("passerelles:drawn");
        });
    }
    let body = match &view.detail {
        None if first_wait => waiting(&ctx.data),
        Some(id) => html! { <Detail ctx={ctx.clone()} id={id.clone()} /> },
        None => html! {
            <div class="layout">
                <Panel ctx={ctx.clone()} />
                { results(&ctx) }
            </div>
        },
    };
    let note = if first_wait {
        None
    } else {
        waiting_note(&props.data)
    };
    html! { <>{ for tools }{ note }{ body }</> }
}

/// A first view waiting for a split pack's parts: what it waits for (in
/// the loading message's place, as tall, so that nothing moves when the
/// view comes), or why they did not come.
fn waiting(data: &Rc<Data>) -> Html {
    match data.arrivals.failed() {
        Some(_) => waiting_note(data).unwrap_or_default(),
        None => html! {
            <div class="loading"><p role="status">{ s::LOADING_PART() }</p></div>
        },
    }
}

/// Above a view answered before the parts it now needs arrived: that more
/// is coming, or why it did not, with the way to mend it.
fn waiting_note(data: &Rc<Data>) -> Option<Html> {
    if !arrivals::SPLIT {
        return None;
    }
    let arrivals = &data.arrivals;
    match arrivals.failed() {
        Some(failure) => {
            let (said, kind) = match failure {
                Failure::Unavailable => (s::PART_UNAVAILABLE(), LoadErrorKind::Unreachable),
                Failure::Stale => (s::PART_STALE(), LoadErrorKind::Pack),
            };
            let retry = {
                let data = data.clone();
                Callback::from(move |_: MouseEvent| data.arrivals.retry())
            };
            Some(html! {
                <div id="part-error" class="load-error" role="alert">
                    <p>{ said }</p>
                    { recovery(kind, &retry) }
                </div>
            })
        }
        // Out of the flow (styles/main.css): a note that comes and goes
        // must not move the list under the reader's eyes.
        None if arrivals.waiting() => Some(html! {
            <p id="part-status" class="part-status" role="status">{ s::LOADING_PART() }</p>
        }),
        None => None,
    }
}

/// "Intégrer cette vue", for partners' webmasters: in the footer, out of
/// the visitors' way, and only where there is a site to embed (not a page
/// opened from a file, not the glossary's page, which runs no script). The
/// dialog comes with the on-demand module at the first click
/// (src/embed_dialog.rs), for the view the address shows then: the store's
/// mirror, or on a record page its record.
fn partners(page: &PageParams) -> Option<Html> {
    embed::app_base(&browser::href())?;
    #[cfg(not(target_arch = "wasm32"))]
    if crate::prerender::glossary().is_some() {
        return None;
    }
    let page = page.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        let (filter, mut detail) = query::decode(&browser::search());
        if detail.is_none() && filter == FilterState::default() {
            detail = browser::page_record();
        }
        // The view as its query (the dialog reads it), and the language
        // the dialog speaks.
        let call = Call::EmbedDialog {
            query: page.append_to(&query::encode(&filter, detail.as_deref())),
            lang: passerelles_core::wording::lang(),
        };
        wasm_bindgen_futures::spawn_local(async move {
            let _ = browser::on_demand(&call).await;
        });
    });
    Some(html! {
        <p class="partners">
            { s::FOR_PARTNERS() }{ " " }
            <button type="button" id={OPENER} class="link-button" {onclick}
                aria-haspopup="dialog">{ s::EMBED_OPEN() }</button>
        </p>
    })
}

/// Where the page says the host did not open the full view.
const FULLSCREEN_STATUS: &str = "fullscreen-status";

/// Starts the page: its language from `<html lang>`, then the app in its own root.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // The page's language, before anything is worded: the one it was
    // written in (the loader has already sent a `lang` that asks for the
    // other to the other's pages).
    browser::remember_own_page();
    passerelles_core::wording::set_lang(
        browser::written_lang()
            .as_deref()
            .and_then(passerelles_core::wording::Lang::from_code)
            .unwrap_or_default(),
    );
    // The app renders into a root of its own, hidden by the stylesheet while
    // the prerendered view stands before it; App removes that view once it
    // has something to show in its place (see `browser::take_over`).
    match browser::element(browser::LIVE) {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
