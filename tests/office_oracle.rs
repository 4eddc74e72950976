//! `office` word counts against LibreOffice's own figures.
//!
//! `tests/data/office-oracle.json` is generated, never edited by hand: LibreOffice Writer
//! (soffice) imports every text of `tests/data/office-cases.json` as plain text and saves it as
//! ODT; the table holds the `meta:document-statistic` it wrote (word-count, character-count,
//! non-whitespace-character-count). Regenerate or re-check it with
//!
//! ```text
//! python3 scripts/office-oracle.py --write   # after editing office-cases.json
//! python3 scripts/office-oracle.py --check   # live soffice vs the committed table
//! ```
//!
//! Every word count must match. Character counts must match too, except for the cases listed
//! in [`KNOWN_CHAR_DIFFERENCES`], where the difference comes from LibreOffice's plain-text
//! import rather than from its counting.

use borang::count::{count, WordCountMode};
use serde_json::Value;

const CASES: &str = include_str!("data/office-cases.json");
const ORACLE: &str = include_str!("data/office-oracle.json");

/// Cases whose `chars` may differ from LibreOffice's, and why. Their word counts and
/// `chars_no_spaces` must still match.
const KNOWN_CHAR_DIFFERENCES: &[(&str, &str)] = &[
    (
        "crlf-lines",
        "LibreOffice 7.4's text import keeps the CR of CRLF as a character of the paragraph \
         (it picks its line-end mode from the file's content); borang never counts line breaks",
    ),
    ("crlf-blank-line", "as crlf-lines"),
];

struct Row {
    name: String,
    text: String,
    words: u64,
    chars: u64,
    chars_no_spaces: u64,
}

fn rows(json: &str) -> Vec<Row> {
    let v: Value = serde_json::from_str(json).expect("valid JSON");
    v.as_array()
        .expect("a JSON list")
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or_else(|| panic!("{k} in {r}")).to_owned();
            let n = |k: &str| r[k].as_u64().unwrap_or(0);
            Row {
                name: s("name"),
                text: s("text"),
                words: n("words"),
                chars: n("chars"),
                chars_no_spaces: n("charsNoSpaces"),
            }
        })
        .collect()
}

fn show(text: &str) -> String {
    let mut s: String = text.chars().take(70).collect::<String>().escape_debug().to_string();
    if text.chars().count() > 70 {
        s.push('…');
    }
    s
}

#[test]
fn office_counts_equal_libreoffice() {
    let table = rows(ORACLE);
    assert!(table.len() >= 60, "the oracle table should hold at least 60 cases");
    let mut word_ok = 0;
    let mut chars_ok = 0;
    let mut nospace_ok = 0;
    let mut diffs = Vec::new();
    for r in &table {
        let s = count(&r.text, WordCountMode::Office);
        let (w, c, n) = (u64::from(s.words), u64::from(s.chars), u64::from(s.chars_no_spaces));
        word_ok += usize::from(w == r.words);
        chars_ok += usize::from(c == r.chars);
        nospace_ok += usize::from(n == r.chars_no_spaces);
        let known = KNOWN_CHAR_DIFFERENCES.iter().any(|(k, _)| *k == r.name);
        if w != r.words || n != r.chars_no_spaces || (c != r.chars && !known) {
            diffs.push(format!(
                "  {:<30} words {:>5} (LO {:>5})  chars {:>6} (LO {:>6})  nospace {:>6} (LO {:>6})  \"{}\"",
                r.name,
                w,
                r.words,
                c,
                r.chars,
                n,
                r.chars_no_spaces,
                show(&r.text)
            ));
        }
    }
    let total = table.len();
    println!("office oracle: words {word_ok}/{total}, chars {chars_ok}/{total}, chars_no_spaces {nospace_ok}/{total}");
    assert!(
        diffs.is_empty(),
        "count(text, Office) differs from LibreOffice in {} case(s):\n{}\n",
        diffs.len(),
        diffs.join("\n")
    );
}

#[test]
fn known_char_differences_are_still_needed() {
    // A listed case that starts matching should be taken off the list.
    for r in rows(ORACLE) {
        if KNOWN_CHAR_DIFFERENCES.iter().any(|(k, _)| *k == r.name) {
            let s = count(&r.text, WordCountMode::Office);
            assert_ne!(u64::from(s.chars), r.chars, "{} now matches; remove it from the list", r.name);
        }
    }
    for (k, _) in KNOWN_CHAR_DIFFERENCES {
        assert!(rows(ORACLE).iter().any(|r| r.name == *k), "{k} is not in the table");
    }
}

#[test]
fn table_matches_cases_file() {
    let cases = rows_loose(CASES);
    let table = rows(ORACLE);
    let mut problems = Vec::new();
    for (name, text) in &cases {
        match table.iter().find(|r| &r.name == name) {
            None => problems.push(format!("{name}: missing from office-oracle.json")),
            Some(r) if &r.text != text => problems.push(format!("{name}: text changed")),
            Some(_) => {}
        }
    }
    for r in &table {
        if !cases.iter().any(|(n, _)| *n == r.name) {
            problems.push(format!("{}: not in office-cases.json", r.name));
        }
    }
    assert!(
        problems.is_empty(),
        "office-cases.json and office-oracle.json disagree; run `python3 scripts/office-oracle.py --write`:\n  {}",
        problems.join("\n  ")
    );
}

fn rows_loose(json: &str) -> Vec<(String, String)> {
    let v: Value = serde_json::from_str(json).expect("valid JSON");
    v.as_array()
        .expect("a JSON list")
        .iter()
        .map(|r| (r["name"].as_str().unwrap_or_default().to_owned(), r["text"].as_str().unwrap_or_default().to_owned()))
        .collect()
}

#[test]
fn unicode_mode_handles_every_case() {
    for r in rows(ORACLE) {
        let s = count(&r.text, WordCountMode::Unicode);
        assert!(s.chars_no_spaces <= s.chars, "{}", r.name);
        assert!(s.words <= s.chars, "{}", r.name);
    }
}
