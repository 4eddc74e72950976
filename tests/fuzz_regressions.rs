//! Every input the fuzzers ever broke borang with (`fuzz/regressions/<target>/`), replayed
//! through the very code the fuzz targets run (`fuzz/src/harness.rs`), in plain `cargo test`.
//! A new crash: copy `fuzz/artifacts/<target>/crash-…` to `fuzz/regressions/<target>/`, fix,
//! and this test keeps it fixed. See `fuzz/README.md`.

#[path = "../fuzz/src/harness.rs"]
mod harness;

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions").join(target);
    let mut n = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != ".gitkeep" && n != "README.md"))
        .collect();
    entries.sort();
    for path in entries {
        let data = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| run(&data));
        assert!(result.is_ok(), "{target}: {} fails again", path.display());
        n += 1;
    }
    n
}

#[test]
fn rules_bytes() {
    replay("rules_bytes", harness::rules_bytes);
}

#[test]
fn rules_structured() {
    replay("rules_structured", harness::rules_structured);
}

#[test]
fn check() {
    replay("check", harness::check);
}

#[test]
fn count() {
    replay("count", harness::count_text);
}

/// The harness itself on a few hand-made inputs, so a change that breaks it shows here and
/// not only under the fuzzer.
#[test]
fn harness_runs_on_seeds() {
    let rules = br#"{"title":"T","sections":[{"id":"a","title":"A","fields":"f","words":{"max":3},"pattern":{"regex":"(a|b)*"}}]}"#;
    harness::rules_bytes(rules);
    harness::rules_bytes(b"\xff\xfe{");
    harness::rules_structured(&[3, 1, 9, 4, 4, 0, 2, 7, 7, 7, 1]);
    for first in 0..4u8 {
        harness::check(&[first, 0, 5, b'(', b'a', b'|', b'b', b')', 0, 3, b'a', b'b', b'a', 1]);
    }
    harness::count_text("Kupu-kupu e-KTP\n2019\u{2013}2024 \u{301}\u{200d}\u{202e}".as_bytes());
}
