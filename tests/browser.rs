//! Component behaviour in a real browser: the facet panel and the result list,
//! mounted from the bundled dataset and driven by clicks and typing.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use passerelles::{Data, Explorer, ExplorerProps};
use passerelles_core::pack::{self, Pack};
use passerelles_core::state::page::PageParams;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const DATASET: &str = include_str!("../data/passerelles.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh root per test, never the runner's own `#output`, and a clean URL
/// (the explorer reads its state from the address bar).
async fn mount() -> Element {
    mount_json(DATASET).await
}

async fn mount_json(json: &str) -> Element {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let pack = Pack::open(pack::from_json(json.as_bytes())).expect("dataset loads");
    let data = Rc::new(Data::new(pack, "data/test.pack".into()));
    yew::Renderer::<Explorer>::with_root_and_props(
        root.clone(),
        ExplorerProps {
            data,
            page: Rc::new(PageParams::default()),
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

/// Search input is coalesced to animation frames: let one pass.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    yew::scheduler::flush().await;
}

fn cards(root: &Element) -> Vec<String> {
    let list = root.query_selector_all("#results > li").unwrap();
    (0..list.length())
        .map(|i| {
            list.item(i)
                .unwrap()
                .dyn_into::<Element>()
                .unwrap()
                .get_attribute("data-id")
                .unwrap()
        })
        .collect()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} missing"))
        .text_content()
        .unwrap()
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

fn facet_count(root: &Element, input_id: &str) -> u32 {
    text(root, &format!("label[for='{input_id}'] .count"))
        .parse()
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_list_shows_every_record_with_a_live_count() {
    let root = mount().await;
    assert_eq!(cards(&root).len(), 12);
    assert_eq!(text(&root, "#result-count"), "12 fiches");
    assert_eq!(
        root.query_selector("#result-count")
            .unwrap()
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("status")
    );
    // Most recent first: the 2019 records lead, the undated ones close the list.
    let ids = cards(&root);
    assert!(ids[0].contains("2019"), "{ids:?}");
    let last = &ids[ids.len() - 1];
    assert!(
        last == "ev-2015-rencontre-structures-iae"
            || last == "ag-cpme-paris-idf-udes-idf"
            || last == "ag-2015-prefecture-idf-cgpme-idf",
        "{ids:?}"
    );
}

#[wasm_bindgen_test]
async fn a_theme_click_filters_and_keeps_sibling_counts() {
    let root = mount().await;
    let insertion_before = facet_count(&root, "theme-insertion");
    let jeunes = facet_count(&root, "theme-jeunes");
    assert_eq!(jeunes, 2);
    click(&root, "#theme-jeunes");
    yew::scheduler::flush().await;
    let ids = cards(&root);
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids.contains(&"ag-cpme-paris-idf-udes-idf".to_string()));
    assert_eq!(text(&root, "#result-count"), "2 fiches");
    assert!(root
        .query_selector("#theme-jeunes")
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .checked());
    // Disjunctive: choosing a theme does not zero its siblings.
    assert_eq!(facet_count(&root, "theme-insertion"), insertion_before);
    // But the other facets narrow: only Île-de-France records are young-people ones.
    assert_eq!(facet_count(&root, "region-11"), 2);
    assert!(web_sys::window()
        .unwrap()
        .location()
        .search()
        .unwrap()
        .contains("theme=jeunes"));
    click(&root, "#clear");
    yew::scheduler::flush().await;
    assert_eq!(cards(&root).len(), 12);
}

#[wasm_bindgen_test]
async fn typing_without_accents_finds_accented_words() {
    let root = mount().await;
    let input: HtmlInputElement = root
        .query_selector("#q")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("zzzz");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    input.set_value("economie");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    // The first keystroke of a frame is answered at once; the next one in the
    // same frame waits for the frame, and only the latest text runs then.
    assert!(cards(&root).is_empty(), "zzzz matches nothing");
    assert!(root.query_selector("#empty").unwrap().is_some());
    next_frame().await;
    let ids = cards(&root);
    assert!(
        ids.contains(&"ag-2007-usgeres-declaration".to_string()),
        "{ids:?}"
    );
    // Eight: the IAE rencontre's excerpts name the month's closing
    // conference, « … et économie sociale et solidaire ».
    assert_eq!(ids.len(), 8, "{ids:?}");
    assert!(
        ids.contains(&"ev-2015-rencontre-structures-iae".to_string()),
        "{ids:?}"
    );
    assert!(web_sys::window()
        .unwrap()
        .location()
        .search()
        .unwrap()
        .contains("q=economie"));
}

#[wasm_bindgen_test]
async fn an_impossible_combination_shows_an_empty_state_naming_the_filters() {
    let root = mount().await;
    click(&root, "#region-04");
    yew::scheduler::flush().await;
    click(&root, "#theme-qpv");
    yew::scheduler::flush().await;
    assert!(cards(&root).is_empty());
    let empty = text(&root, "#empty");
    assert!(empty.contains("La Réunion"), "{empty}");
    assert!(empty.contains("Quartiers prioritaires"), "{empty}");
    click(&root, "#empty-filters button");
    yew::scheduler::flush().await;
    assert!(!cards(&root).is_empty());
}

/// The bundled dataset with one agreement copied `n` times under new ids.
fn many_records(n: usize) -> String {
    let mut value: serde_json::Value = serde_json::from_str(DATASET).unwrap();
    let model = value["agreements"][1].clone();
    let list = value["agreements"].as_array_mut().unwrap();
    for i in 0..n {
        let mut copy = model.clone();
        copy["id"] = format!("ag-copy-{i}").into();
        list.push(copy);
    }
    value.to_string()
}

#[wasm_bindgen_test]
async fn a_long_list_keeps_only_the_rows_in_view_in_the_dom() {
    let root = mount_json(&many_records(3000)).await;
    next_frame().await;
    next_frame().await;
    let list = root.query_selector("#results").unwrap().unwrap();
    let rendered = list.children().length();
    assert!(rendered > 0 && rendered < 80, "{rendered} rows in the DOM");
    assert_eq!(text(&root, "#result-count"), "3\u{202f}012 fiches");
    let first = list.children().item(0).unwrap();
    assert_eq!(first.get_attribute("aria-posinset").as_deref(), Some("1"));
    assert_eq!(first.get_attribute("aria-setsize").as_deref(), Some("3012"));
    // The rows not rendered are stood for by padding, so the page is as tall as the list.
    let height = list.get_bounding_client_rect().height();
    assert!(height > 3000.0 * 100.0, "list height {height}");
    root.remove();
}

/// The message the page hands the island (`island(kind)`,
/// src/where_when.rs): the bytes after the length its buffer starts with,
/// read where the island's loader reads them.
fn island_message(kind: u32) -> Vec<u8> {
    let at = passerelles::where_when::island(kind);
    // SAFETY: the page's own buffer, alive until its next call: a u32 length
    // (little-endian), then that many bytes.
    unsafe {
        let len = u32::from_le_bytes(std::slice::from_raw_parts(at, 4).try_into().unwrap());
        std::slice::from_raw_parts(at.add(4), len as usize).to_vec()
    }
}

#[wasm_bindgen_test]
async fn the_map_and_the_timeline_draw_the_page_state_and_answer_through_the_url() {
    use passerelles_core::bridge::island::{DATASET, FRAME};
    use passerelles_island as island;
    // Slots of earlier tests' explorers out of the way: the island draws
    // into the page's one #map and #timeline.
    for id in ["map", "timeline"] {
        while let Some(old) = document().get_element_by_id(id) {
            old.remove();
        }
    }
    let root = mount().await;
    // A frame of a dataset the island has not started on asks for it.
    assert_eq!(island::draw(&island_message(FRAME)), Ok(false));
    island::start(&island_message(DATASET)).unwrap();
    assert_eq!(island::draw(&island_message(FRAME)), Ok(true));
    let regions = root.query_selector_all("#map [data-region]").unwrap();
    assert_eq!(regions.length(), 18);
    let reunion = root
        .query_selector("#map [data-region='04']")
        .unwrap()
        .unwrap();
    assert_eq!(
        reunion.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(
        reunion.get_attribute("aria-label").unwrap(),
        format!("La Réunion : {} fiches", facet_count(&root, "region-04"))
    );
    // Bars from 2007 to 2019, and the unknown date's.
    let bars = root.query_selector_all("#timeline [data-period]").unwrap();
    assert_eq!(bars.length(), 13);
    assert!(root
        .query_selector("#timeline [data-period='2007']")
        .unwrap()
        .is_some());

    // A click on La Réunion: the address says it, the page adopts it.
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &{
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    reunion.dispatch_event(&click).unwrap();
    yew::scheduler::flush().await;
    assert!(web_sys::window()
        .unwrap()
        .location()
        .search()
        .unwrap()
        .ends_with("region=04"));
    let checkbox: HtmlInputElement = root
        .query_selector("#region-04")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(checkbox.checked());
    assert_eq!(cards(&root).len() as u32, facet_count(&root, "region-04"));
    // Drawn again from the page's new state: pressed.
    island::draw(&island_message(FRAME)).unwrap();
    assert_eq!(
        reunion.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
}
