//! Broken rules files and odd values never panic: thousands of deterministic mutations of
//! the presets, checked against random form snapshots. (Coverage-guided fuzzing comes on top
//! of this; these run in every `cargo test`.)

use borang::{count, FieldValue, FileMeta, Lang, Rules, Value, Values, WordCountMode};

/// xorshift64*: deterministic, so a failure is reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const ODD_TEXTS: &[&str] = &[
    "",
    " ",
    "\u{a0}",
    "kupu-kupu",
    "\u{301}",
    "👩🏽‍💻",
    "\u{202e}abc",
    "a\u{200b}b",
    "\r\n\r\n",
    "Rp1.500.000,00",
    "https://youtu.be/x",
    "31/02/2025",
    "<script>alert(1)</script>",
    "{title}",
    "中文字",
    "\u{0}",
    "-1",
    "1e308",
];

fn random_value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 2 { 5 } else { 7 }) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => Value::Number(*rng.pick(&[-1.0, 0.0, 0.5, 1.0, 3.0, 200.0, 1e300, f64::MAX])),
        3 => Value::String((*rng.pick(ODD_TEXTS)).to_owned()),
        4 => Value::String(
            (*rng.pick(&["id", "en", "office", "url", "date", ">", "error", "warning", ".pdf"])).to_owned(),
        ),
        5 => Value::Array((0..rng.below(3)).map(|_| random_value(rng, depth + 1)).collect()),
        _ => {
            let keys = ["min", "max", "value", "type", "field", "equals", "regex", "id", "title", "message", "warnAt"];
            Value::Object(
                (0..rng.below(3)).map(|_| ((*rng.pick(&keys)).to_owned(), random_value(rng, depth + 1))).collect(),
            )
        }
    }
}

/// Replaces one random node of the tree.
fn mutate(v: &mut Value, rng: &mut Rng) {
    let children = match v {
        Value::Array(items) if !items.is_empty() => items.len(),
        Value::Object(pairs) if !pairs.is_empty() => pairs.len(),
        _ => 0,
    };
    if children == 0 || rng.below(4) == 0 {
        *v = random_value(rng, 0);
        return;
    }
    let i = rng.below(children);
    match v {
        Value::Array(items) => mutate(&mut items[i], rng),
        Value::Object(pairs) => {
            if rng.below(8) == 0 {
                pairs[i].0 = (*rng.pick(&["wrods", "maks", "", "$schema", "extends"])).to_owned();
            } else {
                mutate(&mut pairs[i].1, rng);
            }
        }
        _ => unreachable!(),
    }
}

fn random_values(rng: &mut Rng, fields: &[String]) -> Values {
    let mut values = Values::new();
    for field in fields {
        let value = match rng.below(5) {
            0 => continue,
            1 => FieldValue::List((0..rng.below(4)).map(|_| (*rng.pick(ODD_TEXTS)).to_owned()).collect()),
            2 => FieldValue::Files(
                (0..rng.below(3))
                    .map(|_| FileMeta {
                        name: (*rng.pick(&["a.pdf", "b.DOCX", "", ".pdf", "x"])).to_owned(),
                        mime: (*rng.pick(&["application/pdf", "", "image/png"])).to_owned(),
                        size: *rng.pick(&[0, 1, 2_097_152, 2_097_153, u64::MAX]),
                    })
                    .collect(),
            ),
            _ => FieldValue::Text((0..rng.below(6)).map(|_| *rng.pick(ODD_TEXTS)).collect::<Vec<_>>().join(" ")),
        };
        values.insert(field.clone(), value);
    }
    values
}

#[test]
fn mutated_presets_never_panic_and_compiled_ones_check_anything() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut compiled = 0;
    for preset in borang::presets() {
        let base = Value::from_json(preset.json).unwrap();
        for _ in 0..3000 {
            let mut doc = base.clone();
            for _ in 0..=rng.below(2) {
                mutate(&mut doc, &mut rng);
            }
            let Ok(rules) = Rules::from_value(doc) else { continue };
            compiled += 1;
            let fields: Vec<String> = rules.sections_info().into_iter().flat_map(|s| s.fields).collect();
            for _ in 0..3 {
                let values = random_values(&mut rng, &fields);
                let report = rules.check(&values, if rng.below(2) == 0 { Lang::Id } else { Lang::En });
                assert_eq!(report.valid, report.errors == 0);
                assert!(report.complete <= report.total);
            }
        }
    }
    assert!(compiled > 300, "too few mutations compiled ({compiled}) to exercise the checker");
}

#[test]
fn mangled_json_text_never_panics() {
    let mut rng = Rng(42);
    let text: Vec<char> = borang::presets()[0].json.chars().collect();
    let junk = ['{', '}', '[', ']', '"', '\\', ',', ':', '-', '0', 'e', '\u{0}', 'é', '😀', '\n'];
    for _ in 0..3000 {
        let mut t = text.clone();
        for _ in 0..=rng.below(4) {
            let at = rng.below(t.len());
            match rng.below(3) {
                0 => {
                    t.remove(at);
                }
                1 => t.insert(at, *rng.pick(&junk)),
                _ => t[at] = *rng.pick(&junk),
            }
        }
        let t: String = t.into_iter().collect();
        if let Err(e) = Rules::from_json(&t) {
            assert!(!e.problems.is_empty());
        }
    }
}

#[test]
fn counting_is_total_on_odd_text() {
    let mut rng = Rng(7);
    for _ in 0..5000 {
        let text: String = (0..rng.below(12)).map(|_| *rng.pick(ODD_TEXTS)).collect();
        for mode in [WordCountMode::Office, WordCountMode::Unicode] {
            let stats = count(&text, mode);
            // LibreOffice itself can report more non-space characters than characters
            // ("字\u{301}": 1 character, 2 non-space), and office mode follows it.
            if mode == WordCountMode::Unicode {
                assert!(stats.chars_no_spaces <= stats.chars, "{text:?} {stats:?}");
            }
            assert!(stats.words as usize <= text.chars().count());
        }
    }
}
