//! The broken and hostile datasets of tests/corpus/, natively: each through
//! the validator's code and through the real `validate` binary (exit codes
//! and output), and through the page's loader (error panel, notice with the
//! right count, or the list). The same manifest drives the browser run
//! (tests/e2e/corpus.test.mjs). Then the loader and the validator on
//! arbitrary and mutated input: never a panic.

use std::path::{Path, PathBuf};
use std::process::Command;

use passerelles_build::tools::report;
use passerelles_core::data::catalog::{load_bytes, load_json};
use passerelles_core::data::span::{self, Position};
use passerelles_core::data::validate::skipped_records;
use proptest::prelude::*;
use serde_json::Value;

/// The repository's root (this crate is two folders down).
fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn cases() -> Vec<Value> {
    let text = std::fs::read_to_string(root().join("tests/corpus/cases.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    doc["cases"].as_array().unwrap().clone()
}

/// The case's bytes, or `None` for the file that must be missing.
fn bytes(case: &Value) -> Option<Vec<u8>> {
    let dir = root().join("tests/corpus");
    if let Some(g) = case.get("generate") {
        let template = std::fs::read_to_string(dir.join(g["from"].as_str().unwrap())).unwrap();
        let fill = g["with"]
            .as_str()
            .unwrap()
            .repeat(g["times"].as_u64().unwrap() as usize);
        let text = template.replace(g["replace"].as_str().unwrap(), &fill);
        assert_ne!(text, template, "{case}: placeholder not found");
        return Some(text.into_bytes());
    }
    std::fs::read(dir.join(case["file"].as_str().unwrap())).ok()
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect()
}

#[test]
fn the_corpus_is_large_and_every_file_is_a_case() {
    let cases = cases();
    assert!(cases.len() >= 25, "only {} cases", cases.len());
    let named: Vec<&str> = cases.iter().map(|c| c["file"].as_str().unwrap()).collect();
    for entry in std::fs::read_dir(root().join("tests/corpus")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let used = named.contains(&name.as_str())
            || name == "cases.json"
            || cases
                .iter()
                .any(|c| c["generate"]["from"].as_str() == Some(&name));
        assert!(used, "tests/corpus/{name} is in no case of cases.json");
    }
    let missing: Vec<&&str> = named
        .iter()
        .filter(|n| !root().join("tests/corpus").join(n).exists())
        .collect();
    assert_eq!(
        missing,
        [
            &"missing.json",
            &"nul-raw.json",
            &"huge-string.json",
            &"long-word.json",
            &"long-lists.json",
            &"many-duplicates.json"
        ]
    );
}

#[test]
fn the_validator_says_what_each_case_expects() {
    for case in cases() {
        let file = format!("tests/corpus/{}", case["file"].as_str().unwrap());
        let r = match bytes(&case) {
            Some(b) => report::check(&file, &b),
            None => report::unreadable(&file, &std::io::Error::from(std::io::ErrorKind::NotFound)),
        };
        let exit = case["validator"]["exit"].as_i64().unwrap();
        assert_eq!(r.ok, exit == 0, "{file}:\n{}", r.text);
        for m in strs(&case["validator"]["messages"]) {
            assert!(r.text.contains(m), "{file}: no {m:?} in\n{}", r.text);
        }
    }
}

#[test]
fn the_page_loader_gives_the_expected_outcome() {
    for case in cases() {
        let file = case["file"].as_str().unwrap();
        let page = &case["page"];
        let Some(b) = bytes(&case) else {
            assert_eq!(page["outcome"], "error-panel", "{file}");
            continue;
        };
        // As the page's converter reads a response: its bytes, as the validator does.
        match (page["outcome"].as_str().unwrap(), load_bytes(&b)) {
            ("error-panel", Err(e)) => {
                let shown = format!(
                    "{} {}",
                    e.message,
                    e.line
                        .zip(e.column)
                        .map(|(l, c)| format!("ligne {l}, colonne {c}"))
                        .unwrap_or_default()
                );
                for t in strs(&page["text"]) {
                    if !t.contains("corpus/") && !t.contains("data=") {
                        assert!(shown.contains(t), "{file}: no {t:?} in {shown:?}");
                    }
                }
            }
            ("notice", Ok(l)) => {
                assert!(!l.problems.is_empty(), "{file}");
                assert_eq!(
                    skipped_records(&l.problems) as u64,
                    page["skipped"].as_u64().unwrap(),
                    "{file}: {:#?}",
                    l.problems
                );
                assert_eq!(
                    l.catalog.entries.len() as u64,
                    page["results"].as_u64().unwrap(),
                    "{file}"
                );
            }
            ("ok", Ok(l)) => {
                assert!(l.problems.is_empty(), "{file}: {:#?}", l.problems);
                assert_eq!(
                    l.catalog.entries.len() as u64,
                    page["results"].as_u64().unwrap(),
                    "{file}"
                );
            }
            (outcome, got) => panic!(
                "{file}: expected {outcome}, got {:?}",
                got.map(|l| l.problems)
            ),
        }
    }
}

/// Runs the real binary; returns (exit code, stdout + stderr).
fn run_validate(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_validate"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn the_validate_binary_exits_as_each_case_expects() {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus");
    std::fs::create_dir_all(&tmp).unwrap();
    for case in cases() {
        let name = case["file"].as_str().unwrap();
        let path = if case.get("generate").is_some() {
            let p = tmp.join(name);
            std::fs::write(&p, bytes(&case).unwrap()).unwrap();
            p.to_string_lossy().into_owned()
        } else {
            format!("tests/corpus/{name}")
        };
        let (code, text) = run_validate(&[&path]);
        assert_eq!(
            i64::from(code),
            case["validator"]["exit"].as_i64().unwrap(),
            "{name}:\n{text}"
        );
        for m in strs(&case["validator"]["messages"]) {
            assert!(text.contains(m), "{name}: no {m:?} in\n{text}");
        }
    }
}

#[test]
fn the_validate_binary_passes_the_real_dataset_and_prints_the_schema() {
    let (code, text) = run_validate(&["data/passerelles.json"]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.starts_with("data/passerelles.json : aucun problème."),
        "{text}"
    );
    assert!(text.contains("Par thème : "), "{text}");
    let (code, text) = run_validate(&["--schema"]);
    assert_eq!(code, 0);
    assert_eq!(text, passerelles_core::data::schema::json());
    let (code, _) = run_validate(&[]);
    assert_eq!(code, 2);
}

fn real_dataset() -> String {
    std::fs::read_to_string(root().join("data/passerelles.json")).unwrap()
}

/// The text's lines as editors count them: LF, CRLF and a lone CR each end one.
fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['\n', '\r']) {
        out.push(&rest[..i]);
        let end = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[i + end..];
    }
    out.push(rest);
    out
}

/// Every position a problem gives is a place in the text.
fn positions_are_in_the_text(text: &str) {
    let lines = lines(text);
    let check = |p: Position| {
        assert!(p.line >= 1 && p.line <= lines.len(), "{p:?}");
        assert!(
            p.column >= 1 && p.column <= lines[p.line - 1].chars().count() + 1,
            "{p:?}"
        );
    };
    match load_json(text) {
        Ok(l) => l.problems.iter().filter_map(|p| p.position).for_each(check),
        Err(e) => {
            if let (Some(line), Some(column)) = (e.line, e.column) {
                check(Position { line, column });
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        positions_are_in_the_text(&text);
        let _ = report::check("x.json", text.as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = report::check("x.json", &bytes);
        let _ = span::offsets(&String::from_utf8_lossy(&bytes), &["agreements[0].id", "", "x[1]"]);
    }

    #[test]
    fn json_shaped_noise_never_panics(text in r#"[\[\]{}",:0-9a-z \n\\]{0,200}"#) {
        positions_are_in_the_text(&text);
        let _ = span::offsets(&text, &["agreements[0].id", "a", "a[0]"]);
    }

    #[test]
    fn the_real_dataset_truncated_anywhere_never_panics(cut in 0usize..40_000) {
        let text = real_dataset();
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) { cut -= 1; }
        let part = &text[..cut];
        positions_are_in_the_text(part);
        // Anything short of the closing brace cannot be a dataset.
        if cut < text.trim_end().len() {
            prop_assert!(load_json(part).is_err());
        }
    }

    #[test]
    fn the_real_dataset_with_bytes_changed_never_panics(
        flips in proptest::collection::vec((0usize..40_000, any::<u8>()), 1..8)
    ) {
        let mut bytes = real_dataset().into_bytes();
        for (at, b) in flips {
            let at = at % bytes.len();
            bytes[at] = b;
        }
        let _ = report::check("x.json", &bytes);
        positions_are_in_the_text(&String::from_utf8_lossy(&bytes));
    }
}
