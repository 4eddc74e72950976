//! Counting again after edits ([`Recount`], [`CountCache`]) gives exactly what counting from
//! scratch gives: over LibreOffice's oracle texts edited at every position, and for the
//! presets' section checks over random edit sequences. (The laws the blocks rest on, and
//! random texts over the tricky characters, are tested in `src/recount.rs`.)

use borang::count::{count, WordCountMode};
use borang::{find_preset, presets, CountCache, FieldValue, Lang, Recount, Rules, Values};
use proptest::prelude::*;
use serde_json::Value;

const MODES: [WordCountMode; 2] = [WordCountMode::Office, WordCountMode::Unicode];

fn oracle_texts() -> Vec<String> {
    let v: Value = serde_json::from_str(include_str!("data/office-oracle.json")).expect("valid JSON");
    v.as_array().expect("a JSON list").iter().map(|r| r["text"].as_str().expect("a text").to_owned()).collect()
}

/// Every oracle text typed into a [`Recount`] after other texts, then edited at (nearly) every
/// character boundary: a blank line inserted (a new block), a character deleted (blocks
/// merge), text typed, each undone again.
#[test]
fn oracle_texts_recount_after_edits() {
    let texts = oracle_texts();
    assert!(texts.len() >= 60, "the oracle table should hold at least 60 cases");
    for mode in MODES {
        let mut r = Recount::new(mode);
        for (k, text) in texts.iter().enumerate() {
            let mut check = |t: &str| assert_eq!(r.count(t), count(t, mode), "{mode:?}, case {k}: {t:?}");
            // From the previous case's text, and from a version of this one with a paragraph
            // more at each end.
            check(&format!("Pembuka.\n\n{text}\n\nPenutup."));
            check(text);
            // Every position of the short texts; some 200 spread over the long ones (15,000
            // characters, each edit counted twice from scratch), the end included.
            let at: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let step = at.len().div_ceil(200);
            for &i in at.iter().step_by(step).chain(at.last()) {
                let mut t = text.clone();
                t.insert_str(i, "\n\n");
                check(&t);
                check(text);
                t = text.clone();
                t.insert_str(i, "kata Baru. ");
                check(&t);
                if i < text.len() {
                    t = text.clone();
                    t.remove(i);
                    check(&t);
                }
                check(text);
            }
        }
    }
}

const PIECES: &[&str] = &[
    "Inovasi",
    "layanan",
    "ia",
    "2024",
    " ",
    "\t",
    "\n",
    "\n\n",
    "\n  \n",
    "\r\n",
    "\r\n\r\n",
    "\u{2028}",
    "\u{85}",
    "\u{FEFF}",
    "\u{1A}",
    "\u{200B}",
    "\u{AD}",
    "e\u{301}",
    "\u{1F44D}\u{1F3FD}",
    "\u{4E2D}",
    ".",
    "?",
    "\u{2026}",
    ",",
    "-",
    "\u{2013}",
    "\u{201C}",
    "(",
    "Dr.",
    "1.",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..24).prop_map(|v| v.concat())
}

/// An edit of one field: which (modulo the fields), where (modulo the character boundaries),
/// how many characters removed there, what inserted. Removing nothing is typing, inserting
/// nothing is deleting; an edit may also replace the whole text (`whole`).
#[derive(Debug, Clone)]
struct Edit {
    field: usize,
    at: usize,
    remove: usize,
    insert: String,
    whole: bool,
}

fn edit() -> impl Strategy<Value = Edit> {
    (any::<usize>(), any::<usize>(), 0..8usize, text(), prop::bool::weighted(0.05))
        .prop_map(|(field, at, remove, insert, whole)| Edit { field, at, remove, insert, whole })
}

fn apply(t: &mut String, e: &Edit) {
    if e.whole {
        e.insert.clone_into(t);
        return;
    }
    let at: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
    let k = e.at % at.len();
    let end = at[(k + e.remove).min(at.len() - 1)];
    t.replace_range(at[k]..end, &e.insert);
}

/// The preset, and the same rules counting words in `unicode` mode.
fn both_modes(name: &str) -> [Rules; 2] {
    let json = find_preset(name).expect("a preset").json;
    let mut v: Value = serde_json::from_str(json).expect("valid JSON");
    v["wordCount"] = "unicode".into();
    [Rules::preset(name).expect("the preset compiles"), Rules::from_json(&v.to_string()).expect("still valid")]
}

fn values() -> Values {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/kipp-2023-sample.json");
    Values::from_json(&std::fs::read_to_string(path).expect("the fixture")).expect("valid values")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    /// `check_section_cached` gives `check_section`'s report after every edit, for every
    /// preset, in both modes: with a cache per rules (the keystroke path) and with one cache
    /// shared by rules of both modes (its counts are redone when the mode changes).
    #[test]
    fn cached_section_check_equals_check_section(edits in prop::collection::vec(edit(), 1..24)) {
        for preset in presets() {
            let rules = both_modes(preset.name);
            let fields: Vec<(String, String)> =
                rules[0].sections_info().into_iter().flat_map(|s| s.fields.into_iter().map(move |f| (s.id.clone(), f))).collect();
            let mut values = values();
            let mut own = [CountCache::new(), CountCache::new()];
            let mut shared = CountCache::new();
            for e in &edits {
                let (section, field) = &fields[e.field % fields.len()];
                let mut t = match values.get(field) {
                    Some(FieldValue::Text(t)) => t.clone(),
                    _ => String::new(),
                };
                apply(&mut t, e);
                values.text(field.clone(), t);
                for (rules, cache) in rules.iter().zip(&mut own) {
                    let want = rules.check_section(section, &values, Lang::Id);
                    prop_assert!(want.is_some());
                    prop_assert_eq!(rules.check_section_cached(section, &values, Lang::Id, cache), want.clone());
                    prop_assert_eq!(rules.check_section_cached(section, &values, Lang::Id, &mut shared), want);
                }
            }
            // Every section at the end, and an unknown id.
            for (rules, cache) in rules.iter().zip(&mut own) {
                for s in rules.sections_info() {
                    let want = rules.check_section(&s.id, &values, Lang::En);
                    prop_assert_eq!(rules.check_section_cached(&s.id, &values, Lang::En, cache), want);
                }
                prop_assert_eq!(rules.check_section_cached("tidak-ada", &values, Lang::Id, cache), None);
            }
        }
    }
}
