//! The limits that keep a hostile or mistaken rules file, or a huge field, from hanging or
//! exhausting the page: each is refused (or degraded) with a clear message, and a field of
//! several megabytes is checked in bounded time.

use std::time::{Duration, Instant};

use borang::pattern::{Pattern, MAX_MATCH_STEPS, MAX_PROGRAM};
use borang::{Lang, Rules, Severity, Status, Values, MAX_RULES_BYTES, MAX_SECTIONS};

fn problems(text: &str) -> Vec<(String, String)> {
    Rules::from_json(text).unwrap_err().problems.into_iter().map(|p| (p.path.clone(), p.to_string())).collect()
}

fn section(i: usize) -> String {
    format!(r#"{{"id":"s{i}","title":"S{i}","fields":"f{i}","words":{{"max":10}}}}"#)
}

#[test]
fn rules_file_over_the_size_limit_is_refused_before_parsing() {
    // Padding with white space: a file that would otherwise be valid.
    let body = format!(r#"{{"title":"T","sections":[{}]}}"#, section(0));
    let at_limit = format!("{body}{}", " ".repeat(MAX_RULES_BYTES - body.len()));
    assert!(Rules::from_json(&at_limit).is_ok());
    let over = format!("{at_limit} ");
    let p = problems(&over);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].0, "");
    assert_eq!(
        p[0].1,
        format!("(file): the rules file is {} bytes; at most 1048576 are accepted", MAX_RULES_BYTES + 1)
    );
}

#[test]
fn more_sections_than_the_limit_are_refused_with_the_count() {
    let doc =
        |n: usize| format!(r#"{{"title":"T","sections":[{}]}}"#, (0..n).map(section).collect::<Vec<_>>().join(","));
    assert_eq!(Rules::from_json(&doc(MAX_SECTIONS)).unwrap().sections_info().len(), MAX_SECTIONS);
    let p = problems(&doc(MAX_SECTIONS + 1));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, "sections");
    assert!(p[0].1.contains("at most 500 sections") && p[0].1.contains("501"), "{}", p[0].1);
}

#[test]
fn json_nested_too_deeply_is_refused_with_its_position() {
    let ok = format!(r#"{{"title":"T","x":{}1{},"sections":[]}}"#, "[".repeat(120), "]".repeat(120));
    // Not a depth problem (an unknown key is).
    assert!(!problems(&ok).iter().any(|(_, m)| m.contains("nested")));
    let deep = format!(r#"{{"title":"T","x":{}1{}}}"#, "[".repeat(200), "]".repeat(200));
    let p = problems(&deep);
    assert_eq!(p.len(), 1);
    assert!(
        p[0].1.contains("not valid JSON: nested deeper than 128 arrays and objects at line 1 column"),
        "{}",
        p[0].1
    );
}

#[test]
fn a_pattern_over_the_compiled_size_is_refused_at_its_path() {
    let rules = |regex: &str| {
        format!(
            r#"{{"title":"T","sections":[{},{{"id":"p","title":"P","fields":"p","pattern":{{"regex":"{regex}"}}}}]}}"#,
            section(0)
        )
    };
    assert!(Rules::from_json(&rules("[a-z]{100}")).is_ok());
    let p = problems(&rules(&format!("(ab|cd){{{}}}", MAX_PROGRAM)));
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].0, "sections[1].pattern.regex");
    assert!(p[0].1.contains("pattern is too large: over 10000 instructions"), "{}", p[0].1);
}

/// A pattern that keeps many states alive over a long text is stopped at the work budget: the
/// check answers quickly with a warning (never an error: it is not the applicant's fault),
/// and other checks of the section still run.
#[test]
fn a_costly_pattern_on_a_long_text_degrades_to_a_warning() {
    let p = Pattern::compile("(.*a){20}", false).unwrap();
    let long = "ab ".repeat(1_000_000);
    let started = Instant::now();
    assert_eq!(p.is_match_within(&long, MAX_MATCH_STEPS), None);
    assert!(started.elapsed() < Duration::from_secs(120), "{:?}", started.elapsed()); // a hang guard: the cap is asserted above
                                                                                      // Short texts are matched in full as before.
    assert_eq!(p.is_match_within(&"a".repeat(20), MAX_MATCH_STEPS), Some(true));

    let rules = Rules::from_json(
        r#"{"title":"T","sections":[{"id":"p","title":"Uraian","fields":"p","words":{"max":10},
            "pattern":{"regex":"(.*a){20}","message":{"id":"Pola salah","en":"Wrong pattern"}}}]}"#,
    )
    .unwrap();
    let mut values = Values::new();
    values.text("p", long.clone());
    for (lang, text) in [
        (Lang::Id, "Format Uraian tidak dapat diperiksa pada teks sepanjang ini (pola terlalu berat)."),
        (Lang::En, "The format of Uraian cannot be checked on a text this long (the pattern is too costly)."),
    ] {
        let report = rules.check(&values, lang);
        let s = &report.sections[0];
        let rules_of: Vec<_> = s.messages.iter().map(|m| (m.rule, m.severity, m.text.as_str())).collect();
        assert_eq!(rules_of, [("words.max", Severity::Error, rules_of[0].2), ("pattern", Severity::Warning, text)]);
        assert_eq!(s.status, Status::Error);
    }
}

/// A simple pattern on a megabyte is checked in full, and gives the right answer.
#[test]
fn a_simple_pattern_on_a_megabyte_is_checked_in_full() {
    let rules = Rules::from_json(
        r#"{"title":"T","sections":[{"id":"p","title":"P","fields":"p","pattern":{"regex":"[^<>]*"}}]}"#,
    )
    .unwrap();
    let mut values = Values::new();
    values.text("p", "kata ".repeat(200_000));
    assert_eq!(rules.check(&values, Lang::En).sections[0].status, Status::Ok);
    values.text("p", format!("{}<", "kata ".repeat(200_000)));
    let report = rules.check(&values, Lang::En);
    assert_eq!(report.sections[0].messages[0].text, "P does not have the required format.");
}

/// Three 5 MB fields: counted and checked against word and character limits, and through two
/// pattern sections that both meet the step cap. Release figures are in the README.
#[test]
fn a_five_megabyte_field_is_checked_in_bounded_time() {
    let paragraph = "Inovasi layanan KTP-el keliling menjangkau warga di 120 desa (2019\u{2013}2024); \
                     kupu-kupu, dan/atau Rp1.500.000,00 — lihat https://www.menpan.go.id.\n";
    let text: String = paragraph.repeat(5 * 1024 * 1024 / paragraph.len() + 1);
    assert!(text.len() >= 5 * 1024 * 1024);
    let rules = Rules::from_json(
        r#"{"title":"T","sections":[
            {"id":"r","title":"Ringkasan","fields":"r","required":true,"words":{"max":200,"warnAt":0.9},"chars":{"max":2000}},
            {"id":"p","title":"Uraian","fields":"p","pattern":{"regex":"([^<>]*\\n)*"}},
            {"id":"q","title":"Kode","fields":"q","pattern":{"regex":"(.*a){20}"}}]}"#,
    )
    .unwrap();
    let mut values = Values::new();
    // `.` stops at a line break, so the costly pattern gets one long line.
    values.text("r", text.clone()).text("p", text.clone()).text("q", text.replace('\n', " "));
    let started = Instant::now();
    let report = rules.check(&values, Lang::Id);
    let took = started.elapsed();
    assert_eq!(report.sections[0].status, Status::Error);
    assert!(report.sections[0].words > 500_000);
    assert_eq!(report.sections[2].messages[0].rule, "pattern");
    assert_eq!(report.sections[2].messages[0].severity, Severity::Warning);
    // Even a simple pattern keeps a few states alive per char: over 5 MB that is past the
    // cap, so the format goes unchecked, with a warning.
    assert_eq!(report.sections[1].messages[0].rule, "pattern");
    assert_eq!(report.sections[1].status, Status::Warning);
    // A guard against hanging, loose enough for a debug build on a loaded machine (the two
    // capped patterns alone would take minutes here uncapped); the work itself is bounded by
    // the step cap asserted above, not by this clock.
    assert!(took < Duration::from_secs(120), "a 5 MB form took {took:?}");
    eprintln!("three 5 MB fields checked in {took:?} (debug build)");
}
