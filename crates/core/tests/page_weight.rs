//! What keeps the page's wasm small that no compiler error would say.
//!
//! A first visit downloads the page's wasm under a byte cap
//! (ARCHITECTURE.md, "A byte budget"); some ways of writing the page cost
//! kilobytes for nothing a visitor sees. These checks read the page's
//! sources (`src/`) as tokens, as `tests/architecture.rs` does, and name
//! the place that writes one.

use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

fn page_sources() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../src")),
        &mut out,
    );
    out.sort();
    out
}

/// The lines of `source` where an element's class is not a literal
/// (`class={…}` in `html!`).
fn computed_classes(source: &str) -> Vec<usize> {
    /// `inside`: within an `html!` call.
    fn scan(tokens: TokenStream, inside: bool, found: &mut Vec<usize>) {
        let tokens: Vec<TokenTree> = tokens.into_iter().collect();
        for (k, tree) in tokens.iter().enumerate() {
            let html_call = matches!(
                &tokens[..k],
                [.., TokenTree::Ident(name), TokenTree::Punct(bang)]
                    if name == "html" && bang.as_char() == '!'
            );
            if let TokenTree::Group(g) = tree {
                scan(g.stream(), inside || html_call, found);
            }
            if let [TokenTree::Ident(name), TokenTree::Punct(eq), TokenTree::Group(value), ..] =
                &tokens[k..]
            {
                if inside
                    && name == "class"
                    && eq.as_char() == '='
                    && value.delimiter() == Delimiter::Brace
                {
                    found.push(name.span().start().line);
                }
            }
        }
    }
    let mut found = Vec::new();
    scan(TokenStream::from_str(source).unwrap(), false, &mut found);
    found
}

/// yew's `html!` turns a class that is not a literal into `Classes`, an
/// ordered hash set of words, split and joined again at every render: it
/// weighed 1.9 KB of the page's gzipped wasm for four elements whose class
/// is one of two or three words. An element whose class varies is written
/// once per class instead (`parts::badge`).
#[test]
fn every_class_of_the_page_is_a_literal() {
    let mut found = Vec::new();
    for path in page_sources() {
        let source = fs::read_to_string(&path).unwrap();
        for line in computed_classes(&source) {
            found.push(format!("{}:{line}", path.display()));
        }
    }
    assert!(
        found.is_empty(),
        "`class={{…}}` brings yew's `Classes` into the page's wasm; write the element once per class:\n  {}",
        found.join("\n  ")
    );
}

#[test]
fn the_check_sees_a_computed_class() {
    let source = "fn f() -> Html {\n\
        html! { <p class=\"a b\">{ x }</p> }\n\
        html! { <ul><li class={if on { \"a\" } else { \"b\" }}></li></ul> }\n\
        // class={in_a_comment}\n\
        let class = { 1 };\n\
        html! { <p>{ for items.iter().map(|i| html! { <b class={i.class}></b> }) }</p> }\n\
    }";
    assert_eq!(computed_classes(source), [3, 6]);
}
