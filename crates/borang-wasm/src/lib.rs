//! The WebAssembly boundary of borang: a `Validator` class and a few functions for the
//! browser. Thin on purpose: every export deserializes its input, calls the core crate
//! (`borang`), and serializes the result. No checking logic lives here.
//!
//! Everything is behind `cfg(target_arch = "wasm32")`, so natively this crate is an empty
//! library and `cargo test --workspace` exercises only the core.
//!
//! The JavaScript face (`pkg/borang.d.ts`):
//!
//! ```ts
//! import init, { Validator, countText } from "./pkg/borang.js";
//! await init();
//! const v = Validator.preset("kipp-2023", { lang: "en" });
//! const report = v.check({ ringkasan: "…" });      // Report
//! countText("kupu-kupu e-KTP dan/atau");           // { words: 3, … } (office rules)
//! ```

#[cfg(target_arch = "wasm32")]
mod wasm {
    use borang::{Lang, Problem, Rules, RulesError, Values, WordCountMode};
    use js_sys::{Array, Error, JsString, Object, Reflect, JSON};
    use serde::de::DeserializeOwned;
    use serde::{Deserialize, Serialize};
    use serde_wasm_bindgen::Serializer;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    #[wasm_bindgen(typescript_custom_section)]
    const TS_TYPES: &'static str = r#"
/** A rules file: its JSON text, or the parsed object. */
export type RulesInput = string | object;
/** Language of the messages. */
export type Lang = "id" | "en";
/** How words are counted: LibreOffice Writer's rules, or Unicode (UAX #29) word segments. */
export type WordCountMode = "office" | "unicode";
export type Status = "ok" | "warning" | "error" | "empty" | "skipped";
export type Severity = "error" | "warning";

export interface ValidatorOptions {
  /** Language of the messages; defaults to the rules file's `lang`. */
  lang?: Lang;
}

/** Metadata of a chosen file (what a `File` exposes). */
export interface FileMeta { name: string; type?: string; size?: number; }
/** A form snapshot: field name → value. Missing and `null` fields are empty. */
export type FormValues = Record<string, string | string[] | FileMeta | FileMeta[] | null>;

export interface TextStats {
  words: number;
  /** Extended grapheme clusters, line breaks not counted. */
  chars: number;
  /** The same, whitespace not counted either. */
  charsNoSpaces: number;
  sentences: number;
  paragraphs: number;
}

export interface Range { min?: number; max?: number; warnAt?: number; }
export interface AppliedLimits {
  words?: Range;
  chars?: Range;
  checked?: Range;
  maxFiles?: number;
  maxBytes?: number;
}
export interface ReportMessage {
  /** Which check: "required", "words.max", "format", … */
  rule: string;
  severity: Severity;
  text: string;
  /** The field the message is about, when it is about one field. */
  field?: string;
}
export interface SectionReport {
  id: string;
  title: string;
  status: Status;
  words: number;
  chars: number;
  charsNoSpaces: number;
  limits: AppliedLimits;
  messages: ReportMessage[];
}
export interface Report {
  /** No error anywhere (warnings don't count). */
  valid: boolean;
  errors: number;
  warnings: number;
  /** Sections that apply and have no error. */
  complete: number;
  /** Sections that apply. */
  total: number;
  sections: SectionReport[];
}

export interface SectionInfo {
  id: string;
  title: string;
  fields: string[];
  help?: string;
  required: boolean;
  maxWords?: number;
  /** Fields whose values decide whether the section applies. */
  dependsOn?: string[];
}
export interface PresetInfo { name: string; title: string; source: string; }

/** One problem in a rules file. `path` is like `sections[3].words.max` ("" for the whole file). */
export interface RulesProblem {
  path: string;
  message: string;
  expected?: string;
  found?: string;
  /** For an unknown key: the keys known at that place. */
  known?: string[];
}
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

    /// The one serializer for everything that crosses the boundary: maps become plain
    /// objects, `None` that is not skipped becomes `null`.
    const SERIALIZER: Serializer = Serializer::json_compatible();

    fn to_js<T: Serialize + ?Sized, R: JsCast>(value: &T) -> Result<R, Error> {
        value.serialize(&SERIALIZER).map(JsCast::unchecked_into).map_err(|e| Error::new(&e.to_string()))
    }

    fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, Error> {
        serde_wasm_bindgen::from_value(value).map_err(|e| Error::new(&format!("{what}: {e}")))
    }

    /// `ValidatorOptions`.
    #[derive(Deserialize, Default)]
    struct Options {
        lang: Option<Lang>,
    }

    impl Options {
        const KEYS: &'static [&'static str] = &["lang"];

        /// Strictly: a misspelt key is an error, not silently ignored. (serde-wasm-bindgen
        /// reads structs by looking up their fields, so `deny_unknown_fields` can't see extras.)
        fn from_js(options: Option<JsValidatorOptions>) -> Result<Options, Error> {
            let Some(options) = options.map(JsValue::from).filter(|o| !o.is_undefined() && !o.is_null()) else {
                return Ok(Options::default());
            };
            if let Some(object) = options.dyn_ref::<Object>() {
                for key in Object::keys(object).iter().filter_map(|k| k.as_string()) {
                    if !Self::KEYS.contains(&key.as_str()) {
                        return Err(Error::new(&format!(
                            "options: unknown key `{key}`; known: {}",
                            Self::KEYS.join(", ")
                        )));
                    }
                }
            }
            from_js(options, "options")
        }
    }

    /// A rules input as the core's JSON tree. JSON text goes through the browser's own
    /// `JSON.parse`, which keeps a JSON parser out of the module.
    fn rules_value(input: JsValue) -> Result<borang::Value, RulesError> {
        let input = match input.dyn_into::<JsString>() {
            Ok(text) => {
                let text = String::from(&text);
                let bytes = text.len();
                if bytes > borang::MAX_RULES_BYTES {
                    return Err(single_problem(format!(
                        "the rules file is {bytes} bytes; at most {} are accepted",
                        borang::MAX_RULES_BYTES
                    )));
                }
                JSON::parse(&text).map_err(|e| {
                    let reason = e.dyn_into::<Error>().map(|e| String::from(e.message()));
                    single_problem(format!("not valid JSON: {}", reason.unwrap_or_default()))
                })?
            }
            Err(other) => other,
        };
        serde_wasm_bindgen::from_value(input).map_err(|e| single_problem(format!("not a JSON value: {e}")))
    }

    fn single_problem(message: String) -> RulesError {
        RulesError {
            problems: vec![Problem { path: String::new(), message, expected: None, found: None, known: Vec::new() }],
        }
    }

    /// A real `Error` whose message lists every problem, with `.problems` attached.
    fn rules_error(err: RulesError) -> Error {
        let error = Error::new(&err.to_string());
        let problems: JsValue = to_js::<_, JsValue>(&err.problems).unwrap_or_else(|_| Array::new().into());
        // Setting a property on a fresh Error object cannot fail.
        let _ = Reflect::set(&error, &JsValue::from_str("problems"), &problems);
        error
    }

    fn options_lang(options: Option<JsValidatorOptions>, rules: &Rules) -> Result<Lang, Error> {
        Ok(Options::from_js(options)?.lang.unwrap_or_else(|| rules.lang()))
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
            let rules = rules_value(rules.into()).and_then(Rules::from_value).map_err(rules_error)?;
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
            let values: Values = from_js(values.into(), "values")?;
            to_js(&self.rules.check(&values, self.lang))
        }

        /// Checks one section (the keystroke path). Throws for an unknown section id.
        #[wasm_bindgen(js_name = checkSection)]
        pub fn check_section(&self, id: &str, values: JsFormValues) -> Result<JsSectionReport, Error> {
            let values: Values = from_js(values.into(), "values")?;
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
            Some(m) if !m.is_undefined() && !m.is_null() => from_js::<WordCountMode>(m.into(), "mode")?,
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
        let problems = match rules_value(rules.into()) {
            Ok(value) => borang::lint(value),
            Err(err) => err.problems,
        };
        to_js(&problems)
    }

    /// `borang::rules_schema()` as checked in (a core test keeps the file current). Shipping
    /// the text instead of calling the generator keeps schemars out of the module: about
    /// 110 KB raw, 35 KB gzipped.
    const RULES_SCHEMA: &str = include_str!("../../../schema/rules.schema.json");

    /// The JSON Schema of rules files.
    #[wasm_bindgen(js_name = rulesSchema)]
    pub fn rules_schema() -> Result<JsObject, Error> {
        JSON::parse(RULES_SCHEMA).map(JsCast::unchecked_into).map_err(JsCast::unchecked_into)
    }
}

#[cfg(target_arch = "wasm32")]
pub use wasm::{count_text, lint_rules, presets, rules_schema, Validator};
