//! The JavaScript face of borang, in a real browser:
//! `CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome wasm`.
#![cfg(target_arch = "wasm32")]

use borang_wasm::{attach, count_text, lint_rules, presets, Validator};
use js_sys::{Array, Error, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RULES: &str = r#"{
  "title": "Uji",
  "lang": "id",
  "sections": [
    {"id": "ringkasan", "title": "Ringkasan", "fields": ["ringkasan"], "required": true, "words": {"max": 5}},
    {"id": "latar", "title": "Latar Belakang", "fields": ["latar"], "required": true},
    {"id": "video", "title": "Video", "fields": ["link"], "format": "url"}
  ]
}"#;

fn json(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON parses")
}

/// `obj.a.b[0]`-style lookup; panics with the path when something is missing.
fn get(value: &JsValue, path: &str) -> JsValue {
    let mut v = value.clone();
    for key in path.split('.') {
        let k: JsValue = match key.parse::<u32>() {
            Ok(i) => i.into(),
            Err(_) => key.into(),
        };
        v = Reflect::get(&v, &k).unwrap_or_else(|_| panic!("no {path}"));
        assert!(!v.is_undefined(), "{path}: `{key}` is undefined");
    }
    v
}

fn has(value: &JsValue, key: &str) -> bool {
    Reflect::has(value, &key.into()).unwrap()
}

fn string(value: &JsValue, path: &str) -> String {
    get(value, path).as_string().unwrap_or_else(|| panic!("{path} is not a string"))
}

fn number(value: &JsValue, path: &str) -> f64 {
    get(value, path).as_f64().unwrap_or_else(|| panic!("{path} is not a number"))
}

fn validator(options: Option<&str>) -> Validator {
    Validator::new(json(RULES).unchecked_into(), options.map(|o| json(o).unchecked_into())).expect("rules compile")
}

fn thrown(result: Result<Validator, Error>) -> Error {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(e) => e,
    }
}

fn problem_paths(problems: &JsValue) -> Vec<String> {
    Array::from(problems).iter().map(|p| string(&p, "path")).collect()
}

#[wasm_bindgen_test]
fn builds_from_an_object_and_from_a_string() {
    let from_object = validator(None);
    let from_string = Validator::new(JsValue::from_str(RULES).unchecked_into(), None).unwrap();
    for v in [&from_object, &from_string] {
        assert_eq!(v.title(), "Uji");
        assert_eq!(JsValue::from(v.lang().unwrap()).as_string().unwrap(), "id");
        assert_eq!(JsValue::from(v.word_count().unwrap()).as_string().unwrap(), "office");
        let sections: JsValue = v.sections().unwrap().into();
        let ids: Vec<String> = Array::from(&sections).iter().map(|s| string(&s, "id")).collect();
        assert_eq!(ids, ["ringkasan", "latar", "video"]);
        assert_eq!(string(&sections, "2.fields.0"), "link");
        assert!(get(&sections, "0.required").as_bool().unwrap());
        assert_eq!(number(&sections, "0.maxWords"), 5.0);
    }
}

#[wasm_bindgen_test]
fn bad_rules_throw_an_error_listing_every_problem() {
    let bad = r#"{"title": 3, "sections": [{"id": "a", "title": "A", "wordz": {"max": 5}}]}"#;
    let err = thrown(Validator::new(json(bad).unchecked_into(), None));
    assert!(JsValue::from(err.clone()).is_instance_of::<Error>());
    let problems = get(&err, "problems");
    assert!(Array::is_array(&problems));
    let paths = problem_paths(&problems);
    assert!(paths.contains(&"title".to_owned()), "{paths:?}");
    assert!(paths.contains(&"sections[0].wordz".to_owned()), "{paths:?}");
    let message = String::from(err.message());
    for path in &paths {
        assert!(message.lines().any(|l| l.trim_start().starts_with(&format!("{path}: "))), "{message}");
    }
    let unknown = Array::from(&problems).iter().find(|p| string(p, "path") == "sections[0].wordz").unwrap();
    let known: Vec<String> = Array::from(&get(&unknown, "known")).iter().filter_map(|k| k.as_string()).collect();
    assert!(known.contains(&"words".to_owned()), "{known:?}");
    // Problems are data: each has a stable code beside its text.
    let code_of = |path: &str| {
        Array::from(&problems).iter().find(|p| string(p, "path") == path).map(|p| string(&p, "code")).unwrap()
    };
    assert_eq!(code_of("sections[0].wordz"), "unknown-key");
    assert_eq!(code_of("title"), "expected-type");

    // The same problems, as data, for a rules editor.
    let linted: JsValue = lint_rules(json(bad).unchecked_into()).unwrap().into();
    assert_eq!(problem_paths(&linted), paths);
    let fine: JsValue = lint_rules(JsValue::from_str(RULES).unchecked_into()).unwrap().into();
    assert_eq!(Array::from(&fine).length(), 0);
}

#[wasm_bindgen_test]
fn invalid_json_text_is_a_problem_of_the_whole_file() {
    let err = thrown(Validator::new(JsValue::from_str("{\"title\": ").unchecked_into(), None));
    let problems = get(&err, "problems");
    assert_eq!(problem_paths(&problems), [""]);
    assert!(string(&problems, "0.message").starts_with("not valid JSON"), "{}", string(&problems, "0.message"));
}

#[wasm_bindgen_test]
fn presets_are_listed_and_unknown_ones_name_the_known() {
    let list: JsValue = presets().unwrap().into();
    let names: Vec<String> = Array::from(&list).iter().map(|p| string(&p, "name")).collect();
    for name in ["kipp-2023", "kipp-2021", "inovasi-daerah"] {
        assert!(names.contains(&name.to_owned()), "{names:?}");
        let v = Validator::preset(name, None).unwrap();
        assert!(!v.title().is_empty());
    }
    for p in Array::from(&list).iter() {
        assert!(!string(&p, "title").is_empty() && !string(&p, "source").is_empty());
        assert!(!has(&p, "json"), "presets() must not ship the rules text");
    }
    let err = thrown(Validator::preset("kipp-1999", None));
    let known = get(&err, "problems.0.known");
    assert!(Array::from(&known).iter().any(|k| k.as_string().as_deref() == Some("kipp-2023")));
}

#[wasm_bindgen_test]
fn check_reports_each_section() {
    let v = validator(None);
    let report: JsValue = v
        .check(
            json(r#"{"ringkasan": "satu dua tiga empat lima enam", "link": "bukan tautan", "lain": null}"#)
                .unchecked_into(),
        )
        .unwrap()
        .into();
    assert_eq!(string(&report, "sections.0.status"), "error");
    assert_eq!(number(&report, "sections.0.words"), 6.0);
    assert_eq!(string(&report, "sections.0.messages.0.rule"), "words.max");
    assert_eq!(string(&report, "sections.0.messages.0.text"), "Ringkasan berisi 6 kata; batasnya 5 kata.");
    assert_eq!(string(&report, "sections.1.status"), "empty");
    assert_eq!(string(&report, "sections.1.messages.0.text"), "Latar Belakang wajib diisi.");
    assert_eq!(string(&report, "sections.2.status"), "error");
    assert!(!get(&report, "valid").as_bool().unwrap());
    assert_eq!(number(&report, "total"), 3.0);
    assert_eq!(number(&report, "complete"), 0.0);

    let good: JsValue = v
        .check(
            json(r#"{"ringkasan": "satu dua tiga", "latar": "ada", "link": "https://example.org/v"}"#).unchecked_into(),
        )
        .unwrap()
        .into();
    let statuses: Vec<String> = Array::from(&get(&good, "sections")).iter().map(|s| string(&s, "status")).collect();
    assert_eq!(statuses, ["ok", "ok", "ok"]);
    assert!(get(&good, "valid").as_bool().unwrap());
    assert_eq!(number(&good, "complete"), 3.0);
}

/// Optional fields are absent (not `null`) in what JS receives; maps are plain objects.
#[wasm_bindgen_test]
fn absent_means_absent() {
    let v = validator(None);
    let report: JsValue = v.check(json("{}").unchecked_into()).unwrap().into();
    let message = get(&report, "sections.0.messages.0");
    assert!(!has(&message, "field"), "{:?}", JSON::stringify(&message));
    let words = get(&report, "sections.0.limits.words");
    assert_eq!(number(&words, "max"), 5.0);
    assert!(!has(&words, "min") && !has(&words, "warnAt"));
    assert!(!has(&get(&report, "sections.1.limits"), "words"));
    assert_eq!(js_sys::Object::get_prototype_of(&report), js_sys::Object::get_prototype_of(&json("{}")));
}

#[wasm_bindgen_test]
fn check_section_checks_one_and_rejects_unknown_ids() {
    let v = validator(None);
    let values = || json(r#"{"ringkasan": "satu dua"}"#).unchecked_into();
    let section: JsValue = v.check_section("ringkasan", values()).unwrap().into();
    assert_eq!(string(&section, "id"), "ringkasan");
    assert_eq!(string(&section, "status"), "ok");
    assert_eq!(number(&section, "words"), 2.0);
    let err = v.check_section("tidak-ada", values()).err().expect("unknown id throws");
    let message = String::from(err.message());
    assert!(message.contains("tidak-ada") && message.contains("ringkasan"), "{message}");
}

#[wasm_bindgen_test]
fn count_text_office_vs_unicode() {
    let text = "kupu-kupu e-KTP dan/atau";
    let office: JsValue = count_text(text, Some(JsValue::from_str("office").unchecked_into())).unwrap().into();
    let unicode: JsValue = count_text(text, Some(JsValue::from_str("unicode").unchecked_into())).unwrap().into();
    let default: JsValue = count_text(text, None).unwrap().into();
    assert_eq!(number(&office, "words"), 3.0);
    assert_eq!(number(&default, "words"), 3.0);
    assert_eq!(number(&unicode, "words"), 6.0); // kupu|kupu|e|KTP|dan|atau, as Intl.Segmenter
    assert_eq!(number(&office, "chars"), 24.0);
    assert_eq!(number(&office, "charsNoSpaces"), 22.0);
    assert!(count_text(text, Some(JsValue::from_str("words").unchecked_into())).is_err());
}

#[wasm_bindgen_test]
fn lang_option_changes_the_message_language() {
    let id = validator(None);
    let en = validator(Some(r#"{"lang": "en"}"#));
    assert_eq!(JsValue::from(en.lang().unwrap()).as_string().unwrap(), "en");
    let empty = || json("{}").unchecked_into();
    let id_report: JsValue = id.check(empty()).unwrap().into();
    let en_report: JsValue = en.check(empty()).unwrap().into();
    assert_eq!(string(&id_report, "sections.0.messages.0.text"), "Ringkasan wajib diisi.");
    assert_eq!(string(&en_report, "sections.0.messages.0.text"), "Ringkasan is required.");

    let preset_en = Validator::preset("kipp-2023", Some(json(r#"{"lang": "en"}"#).unchecked_into())).unwrap();
    let report: JsValue = preset_en.check(empty()).unwrap().into();
    assert_eq!(string(&report, "sections.0.messages.0.text"), "Judul Inovasi is required.");

    // Options are strict: a misspelt key is an error, not silently ignored.
    assert!(Validator::new(json(RULES).unchecked_into(), Some(json(r#"{"language": "en"}"#).unchecked_into())).is_err());
}

#[wasm_bindgen_test]
fn odd_js_values_are_refused_with_a_message_not_a_crash() {
    let v = validator(None);
    let with_function = js_sys::Function::new_no_args("return 1");
    let values = json(r#"{"ringkasan": "satu"}"#);
    Reflect::set(&values, &"latar".into(), &with_function).unwrap();
    let Err(err) = v.check(values.unchecked_into()) else { panic!("a function was read as a value") };
    assert!(String::from(err.message()).contains("values: cannot read a function"), "{:?}", err.message());

    // Deeper than any form needs.
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let Err(err) = v.check(json(&format!(r#"{{"ringkasan": {deep}}}"#)).unchecked_into()) else { panic!("too deep") };
    assert!(String::from(err.message()).contains("nested more than 128 levels"), "{:?}", err.message());

    // A wrong option value names the option.
    let err = thrown(Validator::new(json(RULES).unchecked_into(), Some(json(r#"{"lang": "jv"}"#).unchecked_into())));
    assert!(String::from(err.message()).starts_with("options.lang: unknown language"), "{:?}", err.message());
    let Err(err) = count_text("x", Some(JsValue::from("words").unchecked_into())) else { panic!("bad mode") };
    assert!(String::from(err.message()).starts_with("mode: unknown word count mode"), "{:?}", err.message());
}

#[wasm_bindgen_test]
fn json_text_is_read_as_natively_so_repeated_keys_are_reported() {
    let err =
        thrown(Validator::new(JsValue::from(r#"{"title":"a","title":"b","sections":[]}"#).unchecked_into(), None));
    let paths = problem_paths(&Reflect::get(&err, &"problems".into()).unwrap());
    assert!(paths.contains(&"title".to_owned()), "{paths:?}");
    assert!(String::from(err.message()).contains("title: this key is repeated"), "{:?}", err.message());
}

#[wasm_bindgen_test]
fn file_and_file_list_objects_are_read_as_the_dom_gives_them() {
    let make = js_sys::Function::new_no_args(
        "const pdf = new File(['%PDF-1.4'], 'ringkasan.pdf', {type: 'application/pdf'});
         const doc = new File(['x'.repeat(3000)], 'data.docx', {type: 'application/msword'});
         const dt = new DataTransfer(); dt.items.add(pdf); dt.items.add(doc);
         return {single: pdf, list: dt.files};",
    );
    let files = make.call0(&JsValue::NULL).unwrap();
    let rules = json(
        r#"{"title":"Uji","sections":[{"id":"u","title":"Lampiran","fields":["single","list"],
            "files":{"accept":[".pdf"],"maxBytes":2000,"maxFiles":2}}]}"#,
    );
    let v = Validator::new(rules.unchecked_into(), None).unwrap();
    let report: JsValue = v.check(files.unchecked_into()).unwrap().into();
    let texts: Vec<String> =
        Array::from(&get(&report, "sections.0.messages")).iter().map(|m| string(&m, "text")).collect();
    assert_eq!(
        texts,
        [
            "Berkas data.docx pada Lampiran harus berformat PDF.",
            "Berkas data.docx pada Lampiran berukuran 2,9 KB; batasnya 2 KB.",
            "Lampiran berisi 3 berkas; paling banyak 2 berkas.",
        ]
    );
}

/// A form in the test page, built from HTML text the test controls.
fn form_with(html: &str) -> web_sys::HtmlFormElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let form: web_sys::HtmlFormElement = doc.create_element("form").unwrap().unchecked_into();
    form.set_inner_html(html);
    doc.body().unwrap().append_child(&form).unwrap();
    form
}

#[wasm_bindgen_test]
fn attach_renders_feedback_and_detach_leaves_the_form_as_it_was() {
    let form = form_with(
        r#"<label for="ringkasan">Ringkasan</label>
           <textarea id="ringkasan" name="ringkasan" aria-describedby="hint">satu dua tiga empat lima enam</textarea>
           <p id="hint">Maksimal 5 kata.</p>
           <input name="latar"><input type="url" name="link">"#,
    );
    let before = form.outer_html();
    let options = json(r#"{"lang": "en", "drafts": false}"#);
    let handle = attach(
        form.clone().unchecked_into(),
        JsValue::from_str(RULES).unchecked_into(),
        Some(options.unchecked_into()),
    )
    .expect("attaches");
    let report: JsValue = handle.report().unwrap().into();
    assert_eq!(get(&report, "sections.0.words").as_f64(), Some(6.0));
    assert_eq!(get(&report, "sections.0.status").as_string().as_deref(), Some("error"));
    let counter = form.query_selector(".borang-feedback[data-field=ringkasan] .borang-count").unwrap().unwrap();
    assert_eq!(counter.text_content().as_deref(), Some("6 / 5 words"));
    assert_eq!(counter.get_attribute("data-level").as_deref(), Some("error"));
    let textarea = form.query_selector("textarea").unwrap().unwrap();
    let described = textarea.get_attribute("aria-describedby").unwrap();
    assert!(described.starts_with("hint borang-"), "{described}");
    assert_eq!(textarea.get_attribute("aria-invalid").as_deref(), Some("true"));
    let again = attach(form.clone().unchecked_into(), JsValue::from_str("kipp-2023").unchecked_into(), None);
    let message = again.err().map(|e| String::from(e.message())).unwrap_or_default();
    assert!(message.contains("already attached"), "{message}");
    handle.detach();
    assert_eq!(form.outer_html(), before);
    // A detached handle still answers, and touches nothing.
    let last: JsValue = handle.check().unwrap().into();
    assert_eq!(get(&last, "sections.0.words").as_f64(), Some(6.0));
    assert_eq!(form.outer_html(), before);
    // Detached, the form can be attached again.
    let options = json(r#"{"drafts": false}"#);
    let handle = attach(
        form.clone().unchecked_into(),
        JsValue::from_str(RULES).unchecked_into(),
        Some(options.unchecked_into()),
    )
    .expect("attaches again after detach");
    handle.detach();
    form.remove();
}

#[wasm_bindgen_test]
fn attach_refuses_bad_input_without_touching_the_page() {
    let form = form_with(r#"<textarea name="ringkasan"></textarea>"#);
    let before = form.outer_html();
    let bad_rules =
        attach(form.clone().unchecked_into(), JsValue::from_str(r#"{"sections": 3}"#).unchecked_into(), None);
    let message = bad_rules.err().map(|e| String::from(e.message())).unwrap_or_default();
    assert!(message.contains("sections"), "{message}");
    let bad_option = attach(
        form.clone().unchecked_into(),
        JsValue::from_str("kipp-2023").unchecked_into(),
        Some(json(r#"{"mode": "loud"}"#).unchecked_into()),
    );
    assert!(bad_option.is_err());
    let no_form = attach(JsValue::from_str("#no-such-form").unchecked_into(), JsValue::NULL.unchecked_into(), None);
    assert!(no_form.is_err());
    assert_eq!(form.outer_html(), before);
    form.remove();
}
