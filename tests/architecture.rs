//! The folder tree is the architecture (ARCHITECTURE.md): each layer of
//! `src/` may use only the layers before it. This reads the sources and
//! fails on any `crate::` path that points the wrong way, so a cycle between
//! folders cannot creep back in.

use std::fs;
use std::path::Path;

/// Each layer and the layers its code may name (itself included).
const ALLOWED: &[(&str, &[&str])] = &[
    ("wire", &[]),
    ("data", &["data"]),
    ("wording", &["data", "wording"]),
    ("engine", &["data", "engine", "wire"]),
    ("export", &["data", "wording", "engine", "wire", "export"]),
    (
        "pack",
        &["data", "wording", "engine", "wire", "export", "pack"],
    ),
    ("state", &["data", "wording", "engine", "export", "state"]),
    (
        "site",
        &[
            "data", "wording", "engine", "wire", "export", "pack", "state", "site",
        ],
    ),
    (
        "tools",
        &[
            "data", "wording", "engine", "wire", "export", "pack", "tools",
        ],
    ),
];
const LAYERS: &[&str] = &[
    "data", "wording", "engine", "wire", "export", "pack", "state", "site", "tools", "ui",
];

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The layers a source file's code (not its comments) names as `crate::x`.
fn named_layers(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if LAYERS.contains(&name.as_str()) {
                out.push((n + 1, name));
            }
        }
    }
    out
}

#[test]
fn layers_only_use_the_layers_before_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for (layer, allowed) in ALLOWED {
        let mut files = Vec::new();
        let dir = root.join(layer);
        if dir.is_dir() {
            sources(&dir, &mut files);
        } else {
            files.push(root.join(format!("{layer}.rs")));
        }
        assert!(!files.is_empty(), "no sources for layer {layer}");
        for file in files {
            let text = fs::read_to_string(&file).unwrap();
            for (line, used) in named_layers(&text) {
                if !allowed.contains(&used.as_str()) {
                    wrong.push(format!(
                        "{}:{line}: the {layer} layer uses crate::{used}",
                        file.strip_prefix(&root).unwrap().display()
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "dependencies against the layer order (see ARCHITECTURE.md):\n  {}",
        wrong.join("\n  ")
    );
}

#[test]
fn only_the_crate_roots_and_wire_stay_at_the_top() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut top: Vec<String> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, ["lib.rs", "main.rs", "wire.rs"]);
}

#[test]
fn the_check_sees_a_wrong_way_dependency() {
    let found = named_layers("use crate::state::view::View; // crate::ui in a comment\n");
    assert_eq!(found, [(1, "state".to_string())]);
}
