//! The `borang` binary as a secretariat runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn root(path: &str) -> String {
    format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn borang(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_borang"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The command may exit before reading its input (e.g. on a bad argument).
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn count_reads_stdin_or_a_file() {
    let o = borang(&["count"], "Kupu-kupu dan/atau e-KTP; 2019–2024.\n\nParagraf kedua.");
    assert_eq!(o.status.code(), Some(0));
    let line = stdout(&o);
    let at = |key: &str| line.find(&format!("\"{key}\":")).unwrap_or_else(|| panic!("{key} missing in {line}"));
    let order = ["words", "chars", "charsNoSpaces", "sentences", "paragraphs"].map(at);
    assert!(order.windows(2).all(|w| w[0] < w[1]), "keys out of order: {line}");
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(v["words"], 7, "{v}");
    assert_eq!(v["paragraphs"], 2);

    let o = borang(&["count", "--mode", "unicode", &root("tests/fixtures/kipp-2023-sample.json")], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = borang(&["count", "--mode", "words"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown word count mode \"words\""), "{}", stderr(&o));
}

#[test]
fn check_exits_by_validity() {
    let sample = root("tests/fixtures/kipp-2023-sample.json");
    let valid = root("tests/fixtures/kipp-2023-valid.json");
    let o = borang(&["check", "--rules", "kipp-2023", &sample], "");
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(text.contains("Adaptabilitas: Potensi Replikasi wajib diisi."), "{text}");
    assert!(text.contains("belum siap dikirim"), "{text}");

    let o = borang(&["check", "--rules", "kipp-2023", "--format", "json", "--lang", "en", &valid], "");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["valid"], true);
    assert_eq!(report["sections"][1]["id"], "ringkasan");

    let o = borang(&["check", "--rules", &root("rules/kipp-2023.json"), "--format=json", &valid, &sample], "");
    assert_eq!(o.status.code(), Some(1));
    let list: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(list[0]["report"]["valid"], true);
    assert_eq!(list[1]["report"]["valid"], false);

    let o = borang(&["check", "--rules", "kipp-2023"], r#"{"judul_proposal": "Dari stdin"}"#);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn unusable_input_exits_2_with_a_clear_message() {
    let dir = std::env::temp_dir().join(format!("borang-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"title":"x","sections":[{"id":"a","title":"A","words":{"max":-5}}]}"#).unwrap();
    let o = borang(&["check", "--rules", bad.to_str().unwrap(), &root("tests/fixtures/kipp-2023-valid.json")], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("sections[0].words.max: expected a whole number ≥ 0, found -5"), "{}", stderr(&o));

    let o = borang(&["check", "--rules", "kipp-2030"], "{}");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown preset \"kipp-2030\""), "{}", stderr(&o));

    let o = borang(&["check", "--rules", "kipp-2023", "/tidak/ada.json"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read /tidak/ada.json"));

    let o = borang(&["check", "--rules", "kipp-2023"], "[1, 2]");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a values file"), "{}", stderr(&o));

    let o = borang(&["check", "--rules", "kipp-2023"], "\u{FFFD}");
    assert_eq!(o.status.code(), Some(2));

    let o = borang(&["frobnicate"], "");
    assert_eq!(o.status.code(), Some(2));
    let o = borang(&["check", "--bogus", "x"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown option `--bogus`"));
}

#[test]
fn rules_check_lists_every_problem() {
    let dir = std::env::temp_dir().join(format!("borang-cli-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"title":"x","lang":"fr","sections":[{"id":"a","title":"A","wrods":{}},{"id":"a","title":"B"}]}"#,
    )
    .unwrap();
    let o = borang(&["rules", "check", bad.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    for needle in [
        "lang: unknown value \"fr\"",
        "sections[0].wrods: unknown key `wrods`; did you mean `words`?",
        "sections[1].id: the id \"a\" is already used",
    ] {
        assert!(text.contains(needle), "{needle} missing in {text}");
    }
    for preset in ["kipp-2023", "kipp-2021", "inovasi-daerah"] {
        let o = borang(&["rules", "check", &root(&format!("rules/{preset}.json"))], "");
        assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    }
    // As JSON, each problem is data with a stable code.
    let o = borang(&["rules", "check", "--format", "json", bad.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(1));
    let out: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(out["valid"], false);
    let codes: Vec<(&str, &str)> = out["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["path"].as_str().unwrap(), p["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        codes,
        [("lang", "unknown-value"), ("sections[0].wrods", "unknown-key"), ("sections[1].id", "duplicate-id")]
    );
    let o = borang(&["rules", "check", "--format=json", &root("rules/kipp-2023.json")], "");
    assert_eq!(o.status.code(), Some(0));
    let out: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!((&out["valid"], out["problems"].as_array().map(Vec::len)), (&serde_json::Value::Bool(true), Some(0)));
}

#[test]
fn schema_and_presets_are_printed() {
    let o = borang(&["rules", "schema"], "");
    assert_eq!(o.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(schema["title"], "borang rules");
    assert!(schema["properties"]["sections"].is_object());
    let o = borang(&["presets"], "");
    assert!(stdout(&o).contains("kipp-2021"));
}

#[test]
fn text_report_reads_well_in_both_languages() {
    let sample = root("tests/fixtures/kipp-2023-sample.json");
    let id = borang(&["check", "--rules", "kipp-2023", &sample], "");
    insta::assert_snapshot!("text-report-id", stdout(&id));
    let en = borang(&["check", "--rules", "kipp-2023", "--lang", "en", &sample], "");
    insta::assert_snapshot!("text-report-en", stdout(&en));
}

#[test]
fn values_files_may_give_an_option_with_its_visible_text() {
    let rules = r#"{"title":"x","sections":[{"id":"kelompok","title":"Kelompok","choice":["Umum","Khusus"]}]}"#;
    let dir = std::env::temp_dir().join(format!("borang-cli-labels-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("rules.json");
    std::fs::write(&path, rules).unwrap();
    let rules = path.to_str().unwrap();
    // The portal submitted the id 3; its text is a listed option.
    let o = borang(&["check", "--rules", rules], r#"{"kelompok": {"value": "3", "label": "Umum"}}"#);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // Plain strings, as before.
    let o = borang(&["check", "--rules", rules], r#"{"kelompok": "3"}"#);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    // A rename left behind in an extending file is refused with its path.
    let ext = dir.join("ext.json");
    std::fs::write(&ext, r#"{"extends":"inovasi-daerah","sections":{"waktu_uji_coba":null}}"#).unwrap();
    let o = borang(&["rules", "check", ext.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o)
            .contains("sections.waktu_penerapan.compare[0].field: no section covers the field \"waktu_uji_coba\""),
        "{}",
        stdout(&o)
    );
}
