//! What Cargo cannot see of the architecture (ARCHITECTURE.md).
//!
//! Cargo keeps the workspace's crates on their sides: the core names no
//! web crate, the island never the page, the page never the build tools.
//! Inside a crate it sees nothing, so this reads every source file with a
//! real Rust parser (`syn`: grouped imports, `super::` and `self::` paths,
//! paths in expressions and types, not comments or strings) and checks two
//! things:
//!
//! 1. the core's folders are layers: a layer uses only itself and the
//!    layers before it in [`LAYERS`];
//! 2. no folder of any crate has an import cycle between its files: a
//!    piece two siblings share goes to a leaf module they both use, so
//!    every folder can be read bottom-up.
//!
//! Test code (`#[cfg(test)]`) is left out: a test may use anything.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// The core's layers, in the order they may use each other: each uses only
/// the ones before it (and itself).
const LAYERS: &[&str] = &[
    "wire", "data", "wording", "engine", "export", "pack", "state", "bridge",
];

/// The workspace's crates, by their source roots from the repository's root.
const CRATES: &[&str] = &[
    "crates/core/src",
    "src",
    "crates/island/src",
    "crates/build/src",
    "crates/editor/src",
];

fn repository() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// A module path from its crate's root (`["data", "catalog"]`).
type Module = Vec<String>;

/// Every module file of a crate under `root`, by module path. The binaries
/// (`src/bin/`, `main.rs`) are crate roots of their own, over the library:
/// they are left out.
fn modules(root: &Path) -> BTreeMap<Module, PathBuf> {
    fn walk(dir: &Path, prefix: &Module, out: &mut BTreeMap<Module, PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                if prefix.is_empty() && name == "bin" {
                    continue;
                }
                let mut inner = prefix.clone();
                inner.push(name);
                walk(&path, &inner, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let module = match name.as_str() {
                    "mod" => prefix.clone(),
                    "lib" if prefix.is_empty() => prefix.clone(),
                    "main" if prefix.is_empty() => continue,
                    _ => {
                        let mut m = prefix.clone();
                        m.push(name);
                        m
                    }
                };
                out.insert(module, path);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, &Vec::new(), &mut out);
    out
}

fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.parse_args::<syn::Meta>()
                .is_ok_and(|m| m.path().is_ident("test"))
    })
}

/// The paths a file's non-test code names, each with its line.
#[derive(Default)]
struct Paths {
    found: Vec<(Vec<String>, usize)>,
}

impl Paths {
    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree, line: usize) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree, line);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                let mut path = prefix.clone();
                path.push(n.ident.to_string());
                self.found.push((path, line));
            }
            syn::UseTree::Rename(r) => {
                let mut path = prefix.clone();
                path.push(r.ident.to_string());
                self.found.push((path, line));
            }
            syn::UseTree::Glob(_) => self.found.push((prefix.clone(), line)),
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t, line);
                }
            }
        }
    }
}

impl Paths {
    fn tokens(&mut self, tokens: proc_macro2::TokenStream) {
        use proc_macro2::TokenTree;
        let mut run: Vec<String> = Vec::new();
        let mut line = 0;
        let mut colons = 0;
        let flush = |run: &mut Vec<String>, line: usize, found: &mut Vec<(Vec<String>, usize)>| {
            if run.len() > 1 {
                found.push((std::mem::take(run), line));
            }
            run.clear();
        };
        for tree in tokens {
            match tree {
                TokenTree::Ident(i) if run.is_empty() || colons == 2 => {
                    if run.is_empty() {
                        line = i.span().start().line;
                    }
                    run.push(i.to_string());
                    colons = 0;
                }
                TokenTree::Punct(p) if p.as_char() == ':' && !run.is_empty() && colons < 2 => {
                    colons += 1;
                }
                TokenTree::Group(g) => {
                    flush(&mut run, line, &mut self.found);
                    colons = 0;
                    self.tokens(g.stream());
                }
                other => {
                    flush(&mut run, line, &mut self.found);
                    colons = 0;
                    if let TokenTree::Ident(i) = other {
                        line = i.span().start().line;
                        run.push(i.to_string());
                    }
                }
            }
        }
        flush(&mut run, line, &mut self.found);
    }
}

impl<'ast> Visit<'ast> for Paths {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        if !is_cfg_test(&m.attrs) {
            syn::visit::visit_item_mod(self, m);
        }
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        if !is_cfg_test(&f.attrs) {
            syn::visit::visit_item_fn(self, f);
        }
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        if !is_cfg_test(&u.attrs) {
            let line = u.use_token.span.start().line;
            self.use_tree(&mut Vec::new(), &u.tree, line);
        }
    }

    /// A macro's tokens are no syntax tree (`html! { … }`): the paths in
    /// them are read as runs of `ident :: ident`.
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.tokens(m.tokens.clone());
        syn::visit::visit_macro(self, m);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        let line = p
            .segments
            .first()
            .map_or(0, |s| s.ident.span().start().line);
        let path = p.segments.iter().map(|s| s.ident.to_string()).collect();
        self.found.push((path, line));
        syn::visit::visit_path(self, p);
    }
}

/// The module of this crate a path names, from the module `here` that
/// names it (the longest prefix that is a module), or `None` for another
/// crate or an item of `here` itself.
fn resolve(path: &[String], here: &Module, known: &BTreeMap<Module, PathBuf>) -> Option<Module> {
    let (mut base, rest): (Module, &[String]) = match path.first().map(String::as_str) {
        Some("crate") => (Vec::new(), &path[1..]),
        Some("self") => (here.clone(), &path[1..]),
        Some("super") => {
            let mut base = here.clone();
            let mut rest = path;
            while rest.first().map(String::as_str) == Some("super") {
                base.pop();
                rest = &rest[1..];
            }
            (base, rest)
        }
        // A child module of `here`, named directly.
        Some(first) => {
            let mut child = here.clone();
            child.push(first.to_string());
            if !known.contains_key(&child) {
                return None;
            }
            (here.clone(), path)
        }
        None => return None,
    };
    let mut found = None;
    for segment in rest {
        base.push(segment.clone());
        if known.contains_key(&base) {
            found = Some(base.clone());
        } else {
            break;
        }
    }
    found.or((!base.is_empty() || path.first().map(String::as_str) == Some("crate")).then(Vec::new))
}

/// Every use of a module by another, as `(user, used, file, line)`.
fn edges(root: &Path) -> Vec<(Module, Module, String, usize)> {
    let known = modules(root);
    let mut out = Vec::new();
    for (module, file) in &known {
        let text = fs::read_to_string(file).unwrap();
        let ast = syn::parse_file(&text)
            .unwrap_or_else(|e| panic!("{}: not Rust syn can read: {e}", file.display()));
        let mut paths = Paths::default();
        paths.visit_file(&ast);
        let shown = file
            .strip_prefix(repository())
            .unwrap_or(file)
            .display()
            .to_string();
        for (path, line) in paths.found {
            if let Some(used) = resolve(&path, module, &known) {
                if &used != module {
                    out.push((module.clone(), used, shown.clone(), line));
                }
            }
        }
    }
    out
}

#[test]
fn the_core_s_layers_only_use_the_layers_before_them() {
    let root = repository().join("crates/core/src");
    let rank = |m: &Module| m.first().and_then(|l| LAYERS.iter().position(|x| x == l));
    let mut wrong = Vec::new();
    for (user, used, file, line) in edges(&root) {
        let (Some(from), Some(to)) = (rank(&user), rank(&used)) else {
            continue;
        };
        if to > from {
            wrong.push(format!(
                "{file}:{line}: the {} layer uses {}",
                LAYERS[from],
                used.join("::")
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "dependencies against the layer order (ARCHITECTURE.md):\n  {}",
        wrong.join("\n  ")
    );
    // Every folder of the core is a layer with its place in the order.
    let top: BTreeSet<String> = modules(&root)
        .keys()
        .filter_map(|m| m.first().cloned())
        .collect();
    let listed: BTreeSet<String> = LAYERS.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        top, listed,
        "a layer of crates/core/src missing from LAYERS, or the reverse"
    );
}

/// The cycles between the files of each folder: `(folder, members, an
/// edge of the cycle as file:line)`.
fn folder_cycles(root: &Path) -> Vec<String> {
    // Sibling graph per folder: folder → child → children it uses, with where.
    let mut graphs: BTreeMap<Module, BTreeMap<String, BTreeMap<String, String>>> = BTreeMap::new();
    for (user, used, file, line) in edges(root) {
        // The common folder, and the two children of it on each side.
        let common = user.iter().zip(&used).take_while(|(a, b)| a == b).count();
        if common >= user.len() || common >= used.len() {
            // A module and its own descendant or ancestor: a folder's mod.rs
            // declares its children and may use them.
            continue;
        }
        let folder: Module = user[..common].to_vec();
        graphs
            .entry(folder)
            .or_default()
            .entry(user[common].clone())
            .or_default()
            .entry(used[common].clone())
            .or_insert(format!("{file}:{line}"));
    }
    let mut out = Vec::new();
    for (folder, graph) in graphs {
        for cycle in strongly_connected(&graph) {
            let at: Vec<String> = cycle
                .iter()
                .flat_map(|a| {
                    graph[a]
                        .iter()
                        .filter(|(b, _)| cycle.contains(*b))
                        .map(move |(b, w)| format!("{a} → {b} ({w})"))
                })
                .collect();
            out.push(format!(
                "{}/: {}",
                root.join(folder.join("/"))
                    .strip_prefix(repository())
                    .unwrap()
                    .display(),
                at.join(", ")
            ));
        }
    }
    out
}

/// The strongly connected components of more than one node (Tarjan).
fn strongly_connected(graph: &BTreeMap<String, BTreeMap<String, String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<String, BTreeMap<String, String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on.insert(v);
        if let Some(next) = s.graph.get(v) {
            for w in next.keys() {
                let w = w.as_str();
                if !s.index.contains_key(w) {
                    visit(s, w);
                    let low = s.low[v].min(s.low[w]);
                    s.low.insert(v, low);
                } else if s.on.contains(w) {
                    let low = s.low[v].min(s.index[w]);
                    s.low.insert(v, low);
                }
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

#[test]
fn no_folder_has_an_import_cycle_between_its_files() {
    let mut cycles = Vec::new();
    for root in CRATES {
        cycles.extend(folder_cycles(&repository().join(root)));
    }
    assert!(
        cycles.is_empty(),
        "import cycles inside a folder (move what both sides share to a leaf module):\n  {}",
        cycles.join("\n  ")
    );
}

#[test]
fn the_checks_see_what_they_must() {
    let known: BTreeMap<Module, PathBuf> = [
        vec![],
        vec!["data".into()],
        vec!["data".into(), "catalog".into()],
        vec!["data".into(), "glossary".into()],
        vec!["state".into()],
    ]
    .into_iter()
    .map(|m| (m, PathBuf::new()))
    .collect();
    let here: Module = vec!["data".into(), "catalog".into()];
    let ast = syn::parse_file(
        "use crate::{state::X, data::{glossary::Y}};\n\
         fn f() { super::glossary::g(); html! { <p>{ crate::state::w() }</p> } } // crate::engine in a comment\n\
         #[cfg(test)] mod tests { use crate::state::Z; }",
    )
    .unwrap();
    let mut paths = Paths::default();
    paths.visit_file(&ast);
    let mut used: Vec<Module> = paths
        .found
        .iter()
        .filter_map(|(p, _)| resolve(p, &here, &known))
        .collect();
    used.sort();
    used.dedup();
    assert_eq!(
        used,
        [
            vec!["data".to_string(), "glossary".to_string()],
            vec!["state".to_string()]
        ]
    );
    let graph: BTreeMap<String, BTreeMap<String, String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| {
        (
            k.to_string(),
            v.into_iter()
                .map(|x| (x.to_string(), String::new()))
                .collect(),
        )
    })
    .collect();
    assert_eq!(strongly_connected(&graph), [vec!["a", "b", "c"]]);
}
