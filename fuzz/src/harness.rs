//! What each fuzz target does with its input, shared by the libFuzzer binaries
//! (`fuzz/fuzz_targets/*.rs`) and by the regression tests that replay saved inputs in plain
//! `cargo test` (`tests/fuzz_regressions.rs`). Depends on nothing but `borang`,
//! so both can include this file as a module.
//!
//! Every function panics on a broken invariant (that is what the fuzzer reports), and returns
//! normally for input that is merely refused.

#![allow(dead_code)]

use borang::count::count_words;
use borang::{count, FieldValue, FileMeta, Lang, Rules, Value, Values, WordCountMode};

/// Arbitrary bytes as a rules file.
pub fn rules_bytes(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    json_round_trip(&text);
    compile_and_check(&text, data);
}

/// Bytes read as choices of a rules-file grammar: always well-formed JSON, mostly the right
/// shape, with odd values, odd keys and odd patterns where the fuzzer steers them.
pub fn rules_structured(data: &[u8]) {
    let mut u = Bytes(data);
    let json = gen_rules(&mut u);
    compile_and_check(&json, u.0);
}

/// A preset (or rules built around a fuzzed pattern) against a fuzzed form snapshot.
pub fn check(data: &[u8]) {
    let mut u = Bytes(data);
    let rules = match u.byte() % 4 {
        0 => {
            let source = u.text(40);
            let text = u.text(2000);
            let ci = u.byte() & 1 == 1;
            let Ok(pattern) = borang::pattern::Pattern::compile(&source, ci) else { return };
            // Matching twice gives the same answer; within a budget, the same answer or none.
            let full = pattern.is_match(&text);
            assert_eq!(pattern.is_match(&text), full);
            if let Some(m) = pattern.is_match_within(&text, 1000) {
                assert_eq!(m, full, "budgeted match differs for {source:?} on {text:?}");
            }
            let doc = Value::Object(vec![
                ("title".into(), Value::String("T".into())),
                (
                    "sections".into(),
                    Value::Array(vec![Value::Object(vec![
                        ("id".into(), Value::String("p".into())),
                        ("title".into(), Value::String("P".into())),
                        ("fields".into(), Value::String("p".into())),
                        (
                            "pattern".into(),
                            Value::Object(vec![
                                ("regex".into(), Value::String(source)),
                                ("caseInsensitive".into(), Value::Bool(ci)),
                            ]),
                        ),
                    ])]),
                ),
            ]);
            Rules::from_value(doc).expect("a pattern that compiles makes valid rules")
        }
        n => {
            let presets = compiled_presets();
            exercise(&presets[n as usize % presets.len()], u.0);
            return;
        }
    };
    exercise(&rules, u.0);
}

/// The presets, compiled once per process (compiling them per input would be most of the work).
fn compiled_presets() -> &'static [Rules] {
    static PRESETS: std::sync::OnceLock<Vec<Rules>> = std::sync::OnceLock::new();
    PRESETS.get_or_init(|| borang::presets().iter().map(|p| Rules::preset(p.name).expect("presets compile")).collect())
}

/// Arbitrary text through both counters, with the invariants that hold for any text.
pub fn count_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for mode in [WordCountMode::Office, WordCountMode::Unicode] {
        let s = count(&text, mode);
        assert_eq!(count(&text, mode), s, "counting is deterministic");
        assert_eq!(count_words(&text, mode), s.words);
        assert!(s.sentences <= s.chars, "{mode:?}: more sentences than characters in {text:?}");
        assert!(s.paragraphs <= s.chars, "{mode:?}: more paragraphs than characters in {text:?}");
        if mode == WordCountMode::Unicode {
            assert!(s.chars_no_spaces <= s.chars, "{text:?}");
            assert!(s.words <= s.chars, "more word-like segments than clusters in {text:?}");
        }
        if text.trim().is_empty() {
            assert_eq!((s.sentences, s.paragraphs), (0, 0), "{mode:?}: blank text {text:?}");
        }
    }
    // Words never straddle a line break: counts add up over one (both modes scan by line;
    // UAX #29 always breaks around CR and LF). A BOM is only dropped at the very start, and
    // office mode drops a final U+001A, so those edges are left out.
    if let Some(at) = text.find('\n') {
        let (a, b) = (&text[..at], &text[at + 1..]);
        if !b.starts_with('\u{FEFF}') && !a.ends_with('\u{1A}') {
            for mode in [WordCountMode::Office, WordCountMode::Unicode] {
                let whole = count_words(&text, mode);
                let parts = count_words(a, mode) + count_words(b, mode);
                assert_eq!(whole, parts, "{mode:?}: words over a line break in {text:?}");
            }
        }
    }
}

/// A JSON text that parses prints to JSON that parses to the same tree.
fn json_round_trip(text: &str) {
    if let Ok(v) = Value::from_json(text) {
        let printed = v.to_json();
        let again =
            Value::from_json(&printed).unwrap_or_else(|e| panic!("printed JSON does not parse ({e}): {printed}"));
        assert!(same_value(&v, &again), "round trip changed {text:?} into {printed:?}");
    }
}

/// Equal trees. Numbers may differ by an ulp or two at the extremes of the range (borang's
/// small reader scales by powers of ten); a relative 1e-14 allows that and nothing more.
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || ((x - y) / x).abs() <= 1e-14,
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_value(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((k, p), (l, q))| k == l && same_value(p, q))
        }
        _ => a == b,
    }
}

fn compile_and_check(text: &str, rest: &[u8]) {
    match Rules::from_json(text) {
        Ok(rules) => exercise(&rules, rest),
        Err(e) => {
            assert!(!e.problems.is_empty(), "an error without problems for {text:?}");
            let _ = e.to_string();
        }
    }
}

/// Fills every field the rules name from `data`, checks in both languages, and holds the
/// report to its invariants: one section report per section, totals that add up, and the
/// keystroke path (`check_section`) giving what the whole check gives.
fn exercise(rules: &Rules, data: &[u8]) {
    let info = rules.sections_info();
    let mut fields: Vec<&str> =
        info.iter().flat_map(|s| s.fields.iter().chain(&s.depends_on)).map(String::as_str).collect();
    fields.sort_unstable();
    fields.dedup();
    let mut u = Bytes(data);
    let mut values = Values::new();
    for field in fields {
        if u.0.is_empty() {
            break;
        }
        let value = match u.byte() % 6 {
            0 => continue,
            1 => FieldValue::List((0..u.byte() % 4).map(|_| u.text(20)).collect()),
            2 => FieldValue::Files(
                (0..u.byte() % 3).map(|_| FileMeta { name: u.text(12), mime: u.text(16), size: u.u64() }).collect(),
            ),
            3 => FieldValue::Text(pick(&mut u, CHOICES).to_owned()),
            _ => FieldValue::Text(u.text(400)),
        };
        values.insert(field, value);
    }
    for lang in [Lang::Id, Lang::En] {
        let report = rules.check(&values, lang);
        assert_eq!(report.sections.len(), info.len());
        assert_eq!(report.valid, report.errors == 0);
        assert!(report.complete <= report.total && report.total as usize <= info.len());
        for (section, s) in report.sections.iter().zip(&info) {
            assert_eq!(section.id, s.id);
            let one = rules.check_section(&s.id, &values, lang).expect("every section can be checked alone");
            // Ids are unique, so the keystroke path finds this very section.
            assert_eq!(&one, section, "check_section differs from check for {}", s.id);
            for m in &section.messages {
                assert!(!m.text.is_empty(), "an empty message for {}: {}", s.id, m.rule);
            }
        }
    }
}

const CHOICES: &[&str] = &[
    "umum",
    "khusus",
    "replikasi",
    "1",
    "16",
    "2025-05-06",
    "06/05/2025",
    "6 Mei 2025",
    "31/02/2025",
    "Rp1.500.000,50",
    "-1",
    "1e308",
    "https://youtu.be/x",
    "https://evil.example/",
    "a@b.id",
    "081234567890",
    "198503302010121002",
    "3201010101010001",
];

fn pick<'a>(u: &mut Bytes, items: &[&'a str]) -> &'a str {
    items[u.byte() as usize % items.len()]
}

/// A reader of fuzzer bytes; once they run out, every read gives zeros.
pub struct Bytes<'a>(pub &'a [u8]);

impl<'a> Bytes<'a> {
    pub fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((b, rest)) => {
                self.0 = rest;
                *b
            }
            None => 0,
        }
    }

    fn u64(&mut self) -> u64 {
        match self.byte() % 4 {
            0 => 0,
            1 => self.byte() as u64 * 65_536,
            2 => u64::MAX,
            _ => (0..8).fold(0, |n, _| n << 8 | self.byte() as u64),
        }
    }

    /// Text of up to `max` bytes: a length byte pair, then that many bytes as (lossy) UTF-8.
    pub fn text(&mut self, max: usize) -> String {
        let n = ((self.byte() as usize) << 8 | self.byte() as usize) % (max + 1);
        let n = n.min(self.0.len());
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        String::from_utf8_lossy(head).into_owned()
    }
}

const KEYS: &[&str] = &[
    "id",
    "title",
    "fields",
    "help",
    "required",
    "words",
    "chars",
    "format",
    "pattern",
    "choice",
    "checked",
    "files",
    "when",
    "compare",
    "min",
    "max",
    "warnAt",
    "value",
    "severity",
    "message",
    "type",
    "hosts",
    "regex",
    "description",
    "caseInsensitive",
    "accept",
    "maxBytes",
    "maxFiles",
    "field",
    "equals",
    "notEquals",
    "oneOf",
    "filled",
    "op",
    "as",
    "lang",
    "wordCount",
    "source",
    "extends",
    "sections",
    "$schema",
    "wrods",
    "",
];

const STRINGS: &[&str] = &[
    "id",
    "en",
    "office",
    "unicode",
    "url",
    "email",
    "phone",
    "nip",
    "nik",
    "number",
    "date",
    "error",
    "warning",
    ">",
    ">=",
    "<",
    "<=",
    "==",
    "!=",
    ".pdf",
    "application/pdf",
    "image/*",
    "kipp-2023",
    "kipp-2021",
    "inovasi-daerah",
    "ringkasan",
    "kelompok",
    "umum",
    "{title}",
    "{count}",
    "{max}",
    "{nope",
    "<img src=x onerror=alert(1)>",
    "\u{202e}",
    "\u{301}",
    "",
    "2025-05-06",
    "youtube.com",
    r"\d{18}",
    "(a|b)*c",
    "(.*a){20}",
    "[",
    "a{3,2}",
    "(?=x)",
    r"\1",
];

/// A JSON value of the rules grammar, driven by the bytes.
fn gen_rules(u: &mut Bytes) -> String {
    let mut sections = Vec::new();
    for i in 0..u.byte() % 6 {
        sections.push(gen_section(u, i));
    }
    let mut top = vec![("title".to_owned(), gen_string(u)), ("sections".to_owned(), Value::Array(sections))];
    for _ in 0..u.byte() % 3 {
        let key = pick(u, &["lang", "wordCount", "source", "extends", "$schema", "title", "oops"]).to_owned();
        top.push((key, gen_leaf(u)));
    }
    if u.byte() % 8 == 0 {
        // `extends` with sections keyed by id.
        let preset = pick(u, &["kipp-2023", "kipp-2021", "inovasi-daerah", "nope"]);
        let mut by_id = Vec::new();
        for _ in 0..u.byte() % 3 {
            let id = pick(u, &["ringkasan", "judul", "video", "kelompok", "baru"]).to_owned();
            let v = if u.byte() % 4 == 0 { Value::Null } else { gen_value(u, 1) };
            by_id.push((id, v));
        }
        top = vec![("extends".into(), Value::String(preset.into())), ("sections".into(), Value::Object(by_id))];
    }
    Value::Object(top).to_json()
}

fn gen_section(u: &mut Bytes, i: u8) -> Value {
    let mut pairs = vec![
        ("id".to_owned(), Value::String(format!("s{}", i % 4))),
        ("title".to_owned(), gen_string(u)),
        ("fields".to_owned(), Value::String(format!("f{}", u.byte() % 4))),
    ];
    for _ in 0..u.byte() % 5 {
        let key = pick(u, &KEYS[4..14]).to_owned();
        pairs.push((key, gen_value(u, 1)));
    }
    Value::Object(pairs)
}

fn gen_value(u: &mut Bytes, depth: usize) -> Value {
    if depth > 4 {
        return gen_leaf(u);
    }
    match u.byte() % 8 {
        0..=2 => gen_leaf(u),
        3 | 4 => {
            let n = u.byte() % 4;
            Value::Object((0..n).map(|_| (pick(u, KEYS).to_owned(), gen_value(u, depth + 1))).collect())
        }
        5 => Value::Array((0..u.byte() % 4).map(|_| gen_value(u, depth + 1)).collect()),
        _ => {
            // The wrapped form: {"value": …, "severity": …, "message": {"id": …, "en": …}}
            Value::Object(vec![
                ("value".into(), gen_value(u, depth + 1)),
                ("severity".into(), Value::String(pick(u, &["error", "warning", "info"]).into())),
                ("message".into(), Value::Object(vec![("id".into(), gen_string(u)), ("en".into(), gen_string(u))])),
            ])
        }
    }
}

fn gen_leaf(u: &mut Bytes) -> Value {
    match u.byte() % 6 {
        0 => Value::Null,
        1 => Value::Bool(u.byte() & 1 == 1),
        2 => Value::Number([0.0, 1.0, -1.0, 0.5, 0.9, 1.5, 200.0, 4294967296.0, 1e300, -0.0][u.byte() as usize % 10]),
        3 => Value::Number(u.byte() as f64),
        4 => Value::String(pick(u, STRINGS).to_owned()),
        _ => gen_string(u),
    }
}

fn gen_string(u: &mut Bytes) -> Value {
    if u.byte() % 2 == 0 {
        Value::String(pick(u, STRINGS).to_owned())
    } else {
        Value::String(u.text(24))
    }
}
