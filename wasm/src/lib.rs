//! The WebAssembly face of borang, in two layers:
//!
//! - the boundary (`mod wasm`): a `Validator` class and a few functions. Thin on purpose:
//!   every export reads its input into the core's types, calls the core crate (`borang`),
//!   and serializes the result. No checking logic lives here.
//! - the DOM layer (`mod dom`, over `web-sys`): `attach(form, rules, options)` finds a host
//!   form's fields, listens, and renders feedback next to them. It uses the boundary's
//!   readers and the core; nothing depends on it.
//!
//! Everything is behind `cfg(target_arch = "wasm32")`, so natively this crate is an empty
//! library and `cargo test --workspace` exercises only the core.
//!
//! The JavaScript face (`pkg/borang.d.ts`):
//!
//! ```ts
//! import init, { Validator, attach, countText } from "./pkg/borang.js";
//! await init();
//! const v = Validator.preset("kipp-2023", { lang: "en" });
//! const report = v.check({ ringkasan: "…" });      // Report
//! countText("kupu-kupu e-KTP dan/atau");           // { words: 3, … } (office rules)
//! const handle = attach("#proposal", "kipp-2023"); // live feedback on the page's form
//! handle.detach();
//! ```

#[cfg(target_arch = "wasm32")]
mod dom;
// Natively only its tests use it (against serde_json).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod json;
// The DOM layer's text patching, pure Rust: natively only its tests use it.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod text;

#[cfg(target_arch = "wasm32")]
mod wasm {
    use borang::{Lang, Rules, RulesError, Values, WordCountMode};
    use js_sys::{Array, Error, Object, Reflect, JSON};
    use serde::Serialize;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// The types of a rules file (`RulesFile`, `Lang`, `WordCountMode`, `Severity`, …),
    /// generated from its JSON Schema by `tests/typescript.rs`, which fails when it is stale.
    #[wasm_bindgen(typescript_custom_section)]
    const TS_RULES_FILE: &'static str = include_str!("rules.d.ts.txt");

    /// The types of what the API returns (`Report`, `SectionInfo`, `TextStats`, `PresetInfo`,
    /// `RulesProblem`, …), generated from the Rust types by `tests/typescript.rs`.
    #[wasm_bindgen(typescript_custom_section)]
    const TS_API: &'static str = include_str!("api.d.ts.txt");

    #[wasm_bindgen(typescript_custom_section)]
    const TS_TYPES: &'static str = r#"
/** A rules file: its JSON text, or the parsed object. */
export type RulesInput = string | RulesFile;

export interface ValidatorOptions {
  /** Language of the messages; defaults to the rules file's `lang`. */
  lang?: Lang;
}

/** Metadata of a chosen file (what a `File` exposes). */
export interface FileMeta { name: string; type?: string; size?: number; }
/** A chosen option with the text the applicant reads: `choice` and `when` accept it by either. */
export interface ChosenOption { value: string; label?: string; }
/** A form snapshot: field name → value. Missing and `null` fields are empty. */
export type FormValues = Record<string, string | string[] | FileMeta | FileMeta[] | ChosenOption | ChosenOption[] | null>;

/** What `new Validator` and `Validator.preset` throw for bad rules. */
export interface RulesErrorLike extends Error { problems: RulesProblem[]; }
"#;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(typescript_type = "RulesInput")]
        pub type JsRulesInput;
        #[wasm_bindgen(typescript_type = "ValidatorOptions")]
        pub type JsValidatorOptions;
        #[wasm_bindgen(typescript_type = "FormValues")]
        pub type JsFormValues;
        #[wasm_bindgen(typescript_type = "Report")]
        pub type JsReport;
        #[wasm_bindgen(typescript_type = "SectionReport")]
        pub type JsSectionReport;
        #[wasm_bindgen(typescript_type = "SectionInfo[]")]
        pub type JsSectionInfos;
        #[wasm_bindgen(typescript_type = "TextStats")]
        pub type JsTextStats;
        #[wasm_bindgen(typescript_type = "PresetInfo[]")]
        pub type JsPresetInfos;
        #[wasm_bindgen(typescript_type = "RulesProblem[]")]
        pub type JsRulesProblems;
        #[wasm_bindgen(typescript_type = "Lang")]
        pub type JsLang;
        #[wasm_bindgen(typescript_type = "WordCountMode")]
        pub type JsWordCountMode;
        #[wasm_bindgen(typescript_type = "object")]
        pub type JsObject;
    }

    /// Everything that goes out crosses as JSON text (`crate::json`) and becomes plain objects
    /// in one `JSON.parse`: maps are objects, a `None` that is not skipped is `null`.
    pub(crate) fn to_js<T: Serialize + ?Sized, R: JsCast>(value: &T) -> Result<R, Error> {
        let text = crate::json::to_json(value).map_err(|e| Error::new(&e.to_string()))?;
        JSON::parse(&text).map(JsCast::unchecked_into).map_err(JsCast::unchecked_into)
    }

    /// How deep a JS value may nest before it is refused (rules and values are shallow).
    const MAX_DEPTH: usize = 128;

    /// A JS value as the core's JSON tree, read with `typeof`-style checks and
    /// `Object.entries`. Everything that comes in is read this way and then converted by the
    /// core, so the module carries no serde deserializer. Functions, symbols and bigints are
    /// refused; `File` and `FileList` objects are read through their getters; other class
    /// instances by their own enumerable properties.
    fn from_js(value: &JsValue, what: &str) -> Result<borang::Value, Error> {
        read_js(value).map_err(|e| Error::new(&format!("{what}: {e}")))
    }

    fn read_js(value: &JsValue) -> Result<borang::Value, String> {
        let plain_proto = Object::get_prototype_of(&Object::new());
        js_value(value, &plain_proto, 0)
    }

    fn js_list(items: &Array, plain_proto: &Object, depth: usize) -> Result<borang::Value, String> {
        let items = items.iter().map(|item| js_value(&item, plain_proto, depth + 1));
        items.collect::<Result<_, _>>().map(borang::Value::Array)
    }

    /// `plain_proto` is `Object.prototype`: objects with it (or none) are plain data.
    fn js_value(v: &JsValue, plain_proto: &Object, depth: usize) -> Result<borang::Value, String> {
        use borang::Value;
        if depth > MAX_DEPTH {
            return Err(format!("nested more than {MAX_DEPTH} levels deep"));
        }
        if v.is_null() || v.is_undefined() {
            return Ok(Value::Null);
        }
        if let Some(b) = v.as_bool() {
            return Ok(Value::Bool(b));
        }
        if let Some(n) = v.as_f64() {
            return Ok(Value::Number(n));
        }
        if let Some(s) = v.as_string() {
            return Ok(Value::String(s));
        }
        if Array::is_array(v) {
            return js_list(v.unchecked_ref(), plain_proto, depth);
        }
        if v.is_object() && !v.is_function() {
            let object: &Object = v.unchecked_ref();
            let proto = Object::get_prototype_of(v);
            let plain = proto.is_null() || proto == *plain_proto;
            if !plain {
                // DOM objects keep their data in prototype getters: read a `File` as
                // {name, type, size} and a `FileList` (or another array-like) as a list.
                let get = |key: &str| Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
                let (size, kind) = (get("size"), get("type"));
                if let (Some(size), Some(kind)) = (size.as_f64(), kind.as_string()) {
                    return Ok(Value::Object(vec![
                        ("name".into(), Value::String(get("name").as_string().unwrap_or_default())),
                        ("type".into(), Value::String(kind)),
                        ("size".into(), Value::Number(size)),
                    ]));
                }
                if get("length").as_f64().is_some() {
                    return js_list(&Array::from(v), plain_proto, depth);
                }
            }
            let entries = Object::entries(object);
            let mut pairs = Vec::new();
            for entry in entries.iter() {
                let entry: Array = entry.unchecked_into();
                let key = entry.get(0).as_string().unwrap_or_default();
                pairs.push((key, js_value(&entry.get(1), plain_proto, depth + 1)?));
            }
            return Ok(Value::Object(pairs));
        }
        Err(format!("cannot read a {}", v.js_typeof().as_string().unwrap_or_default()))
    }

    /// A string option such as `lang` or `mode`, parsed by the core.
    fn parse_option<T: std::str::FromStr<Err = String>>(value: &JsValue, what: &str) -> Result<T, Error> {
        let text = value.as_string().ok_or_else(|| Error::new(&format!("{what}: expected a string")))?;
        text.parse().map_err(|e: String| Error::new(&format!("{what}: {e}")))
    }

    /// `ValidatorOptions`, strictly: a misspelt key is an error, not silently ignored.
    fn options_lang(options: Option<JsValidatorOptions>, rules: &Rules) -> Result<Lang, Error> {
        const KEYS: &[&str] = &["lang"];
        let Some(options) = options.map(JsValue::from).filter(|o| !o.is_undefined() && !o.is_null()) else {
            return Ok(rules.lang());
        };
        let Some(object) = options.dyn_ref::<Object>() else {
            return Err(Error::new("options: expected an object such as { lang: \"en\" }"));
        };
        for key in Object::keys(object).iter().filter_map(|k| k.as_string()) {
            if !KEYS.contains(&key.as_str()) {
                return Err(Error::new(&format!("options: unknown key `{key}`; known: {}", KEYS.join(", "))));
            }
        }
        let lang = Reflect::get(object, &JsValue::from_str("lang")).unwrap_or(JsValue::UNDEFINED);
        if lang.is_undefined() || lang.is_null() {
            return Ok(rules.lang());
        }
        parse_option(&lang, "options.lang")
    }

    fn read_values(values: JsFormValues) -> Result<Values, Error> {
        Values::from_value(from_js(&values.into(), "values")?).map_err(|e| Error::new(&format!("values: {e}")))
    }

    /// Rules from JSON text (read by the core's own reader, as presets and the CLI are, so a
    /// repeated key or a syntax error is reported the same everywhere) or from an object.
    pub(crate) fn compile_rules(input: JsValue) -> Result<Rules, RulesError> {
        match input.as_string() {
            Some(text) => Rules::from_json(&text),
            None => read_js(&input)
                .map_err(|e| RulesError::single(borang::Code::NotJson, "", format!("not a JSON value: {e}")))
                .and_then(Rules::from_value),
        }
    }

    /// A real `Error` whose message lists every problem, with `.problems` attached.
    pub(crate) fn rules_error(err: RulesError) -> Error {
        let error = Error::new(&err.to_string());
        let problems: JsValue = to_js::<_, JsValue>(&err.problems).unwrap_or_else(|_| Array::new().into());
        // Setting a property on a fresh Error object cannot fail.
        let _ = Reflect::set(&error, &JsValue::from_str("problems"), &problems);
        error
    }

    /// Rules compiled once; `check` and `checkSection` only evaluate.
    #[wasm_bindgen]
    pub struct Validator {
        rules: Rules,
        lang: Lang,
    }

    #[wasm_bindgen]
    impl Validator {
        /// Compiles rules (a JSON string or an object). Throws an `Error` listing every
        /// problem, with a `.problems: RulesProblem[]` property.
        #[wasm_bindgen(constructor)]
        pub fn new(rules: JsRulesInput, options: Option<JsValidatorOptions>) -> Result<Validator, Error> {
            let rules = compile_rules(rules.into()).map_err(rules_error)?;
            let lang = options_lang(options, &rules)?;
            Ok(Validator { rules, lang })
        }

        /// A validator for a shipped preset, e.g. `"kipp-2023"`. See `presets()`.
        pub fn preset(name: &str, options: Option<JsValidatorOptions>) -> Result<Validator, Error> {
            let rules = Rules::preset(name).map_err(rules_error)?;
            let lang = options_lang(options, &rules)?;
            Ok(Validator { rules, lang })
        }

        #[wasm_bindgen(getter)]
        pub fn title(&self) -> String {
            self.rules.title().to_owned()
        }

        /// The language messages are given in (the option, else the rules file's).
        #[wasm_bindgen(getter)]
        pub fn lang(&self) -> Result<JsLang, Error> {
            to_js(&self.lang)
        }

        #[wasm_bindgen(getter, js_name = wordCount)]
        pub fn word_count(&self) -> Result<JsWordCountMode, Error> {
            to_js(&self.rules.word_count())
        }

        /// The sections in form order, with the field names each covers.
        pub fn sections(&self) -> Result<JsSectionInfos, Error> {
            to_js(&self.rules.sections_info())
        }

        /// Checks a whole form snapshot.
        pub fn check(&self, values: JsFormValues) -> Result<JsReport, Error> {
            let values = read_values(values)?;
            to_js(&self.rules.check(&values, self.lang))
        }

        /// Checks one section (the keystroke path). Throws for an unknown section id.
        #[wasm_bindgen(js_name = checkSection)]
        pub fn check_section(&self, id: &str, values: JsFormValues) -> Result<JsSectionReport, Error> {
            let values = read_values(values)?;
            match self.rules.check_section(id, &values, self.lang) {
                Some(report) => to_js(&report),
                None => {
                    let known: Vec<String> = self.rules.sections_info().into_iter().map(|s| s.id).collect();
                    Err(Error::new(&format!("unknown section {id:?}; known: {}", known.join(", "))))
                }
            }
        }
    }

    /// Counts words, characters, sentences and paragraphs. `mode` defaults to `"office"`.
    #[wasm_bindgen(js_name = countText)]
    pub fn count_text(text: &str, mode: Option<JsWordCountMode>) -> Result<JsTextStats, Error> {
        let mode: WordCountMode = match mode {
            Some(m) if !m.is_undefined() && !m.is_null() => parse_option(&m.into(), "mode")?,
            _ => WordCountMode::Office,
        };
        to_js(&borang::count(text, mode))
    }

    /// The rulesets shipped in this build.
    #[wasm_bindgen]
    pub fn presets() -> Result<JsPresetInfos, Error> {
        // `Preset` serializes as {name, title, source}; the rules text itself stays out.
        to_js(borang::presets())
    }

    /// Every problem of a rules input (`[]` when it compiles), for a rules editor.
    #[wasm_bindgen(js_name = lintRules)]
    pub fn lint_rules(rules: JsRulesInput) -> Result<JsRulesProblems, Error> {
        let problems = compile_rules(rules.into()).err().map(|e| e.problems).unwrap_or_default();
        to_js(&problems)
    }

    // No `rulesSchema()`: the JSON Schema of rules files ships as its own file,
    // `schema/rules.schema.json` beside the package (npm: `borang/schema/rules.schema.json`;
    // CLI: `borang rules schema`). Inside the module it was 27.6 KB raw, 3.8 KB gzip on every page.
}

#[cfg(target_arch = "wasm32")]
pub use dom::{attach, Attachment};
#[cfg(target_arch = "wasm32")]
pub use wasm::{count_text, lint_rules, presets, Validator};
