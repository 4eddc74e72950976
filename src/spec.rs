//! The rules file as written: the types the JSON Schema is generated from, and how each is
//! read from a [`Value`] with every problem collected. Meaning (limits that contradict each
//! other, patterns that don't compile, …) is checked when compiling, in `rules.rs`.

use schemars::JsonSchema;

use crate::count::WordCountMode;
use crate::kinds::{self, Field, Kind};
use crate::known_keys;
use crate::problem::{Code, Cx, FromValue};
use crate::value::Value;

/// A rules file: one form, its sections and their checks.
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[schemars(title = "borang rules")]
pub struct RulesSpec {
    /// Link to this schema, for editors.
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    /// A preset this file builds on (`kipp-2023`, `kipp-2021`, `inovasi-daerah`). With
    /// `extends`, `sections` is an object keyed by section id: each entry is merged into
    /// the preset's section of that id (`null` removes it; a new id adds a section).
    pub extends: Option<String>,
    /// The form's title.
    pub title: Option<String>,
    /// Language of the default messages: `id` (Indonesian, default) or `en`.
    pub lang: Option<Lang>,
    /// How words are counted: `office` (LibreOffice Writer's count, default) or `unicode`.
    pub word_count: Option<WordCountMode>,
    /// Where the form's structure and limits come from.
    pub source: Option<String>,
    /// Free text for people maintaining the file.
    pub description: Option<String>,
    /// The sections, in the order they appear on the form (required unless `extends` is given).
    #[schemars(with = "SectionsSchema")]
    #[serde(default)]
    pub sections: Vec<SectionSpec>,
}

/// The languages of the message catalogues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia.
    #[default]
    Id,
    /// English.
    En,
}

/// The names rules files, the CLI and the JS API use, one table per enum.
const LANG_NAMES: &[(&str, Lang)] = &[("id", Lang::Id), ("en", Lang::En)];
const MODE_NAMES: &[(&str, WordCountMode)] = &[("office", WordCountMode::Office), ("unicode", WordCountMode::Unicode)];

/// `"a" or "b"`, for messages.
fn names_or<T>(table: &[(&str, T)]) -> String {
    table.iter().map(|(n, _)| format!("\"{n}\"")).collect::<Vec<_>>().join(" or ")
}

fn by_name<T: Copy>(table: &[(&str, T)], name: &str) -> Option<T> {
    table.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

impl std::str::FromStr for Lang {
    type Err = String;

    /// `"id"` or `"en"`.
    fn from_str(s: &str) -> Result<Lang, String> {
        by_name(LANG_NAMES, s).ok_or_else(|| format!("unknown language {s:?}; expected {}", names_or(LANG_NAMES)))
    }
}

impl std::str::FromStr for WordCountMode {
    type Err = String;

    /// `"office"` or `"unicode"`.
    fn from_str(s: &str) -> Result<WordCountMode, String> {
        by_name(MODE_NAMES, s)
            .ok_or_else(|| format!("unknown word count mode {s:?}; expected {}", names_or(MODE_NAMES)))
    }
}

// Schema-only types for the shorthands the reader accepts, so editors accept them too.

/// One text for every language, or a text per language.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(untagged)]
pub(crate) enum MessageSchema {
    Every(String),
    Each(Message),
}

#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(untagged)]
enum SectionsSchema {
    List(Vec<SectionSpec>),
    Patch(std::collections::BTreeMap<String, serde_json::Value>),
}

macro_rules! section_spec {
    ($($name:ident),*) => {
        /// One section of the form: the fields it covers and its checks. Limits apply to the text of
        /// all its fields together.
        #[derive(Debug, Clone, Default, JsonSchema)]
        #[serde(deny_unknown_fields, rename_all = "camelCase")]
        pub struct SectionSpec {
            /// A unique id, e.g. `ringkasan`.
            pub id: String,
            /// The title shown to the applicant and used in messages.
            pub title: String,
            /// Form field names covered (a name, or several). Default: the section id.
            pub fields: Option<OneOrMany>,
            /// Help text for the applicant.
            pub help: Option<String>,
            $(
                #[schemars(description = <kinds::$name::Rule as Kind>::DOC)]
                pub(crate) $name: Option<Field<kinds::$name::Rule>>,
            )*
        }

        impl FromValue for SectionSpec {
            fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
                let o = cx.object(v, known_keys::SECTION_SPEC)?;
                let id: Option<String> = o.req(cx, "id", "a unique section id");
                let title: Option<String> = o.req(cx, "title", "the section's title");
                for (key, value) in [("id", &id), ("title", &title)] {
                    if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
                        cx.key(key, |cx| cx.problem(Code::EmptyValue, format!("the {key} is empty")));
                    }
                }
                // A section without id or title is still compiled, so its other problems are reported.
                Some(SectionSpec {
                    id: id.unwrap_or_default(),
                    title: title.unwrap_or_default(),
                    fields: o.opt(cx, "fields"),
                    help: o.opt(cx, "help"),
                    $($name: o.opt(cx, stringify!($name)),)*
                })
            }
        }
    };
}

// The section's keys: its own, then one per rule kind.
kinds::each_kind!(section_spec);

/// One name or a list of names.
#[derive(Debug, Clone, JsonSchema)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

/// A check's value alone (`200`), or with its severity and own message
/// (`{"value": 200, "severity": "warning", "message": {"id": "…", "en": "…"}}`).
#[derive(Debug, Clone, JsonSchema)]
#[serde(untagged)]
pub enum Check<T> {
    Plain(T),
    Detailed(Detailed<T>),
}

#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Detailed<T> {
    pub value: T,
    pub severity: Option<Severity>,
    #[schemars(with = "Option<MessageSchema>")]
    pub message: Option<Message>,
}

impl<T> Check<T> {
    pub fn parts(self) -> (T, Option<Severity>, Option<Message>) {
        match self {
            Check::Plain(v) => (v, None, None),
            Check::Detailed(d) => (d.value, d.severity, d.message),
        }
    }
}

/// How serious a failed check is. Errors block submission; warnings never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks submission.
    Error,
    /// Shown, never blocks.
    Warning,
}

/// A message of the rules file's own, in one or both languages. Placeholders such as
/// `{title}`, `{count}`, `{min}`, `{max}` are filled in.
#[derive(Debug, Clone, Default, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Message {
    pub id: Option<String>,
    pub en: Option<String>,
}

impl Message {
    /// The text in `lang`, else in the other language the file gives.
    pub(crate) fn get(&self, lang: Lang) -> Option<&str> {
        let (first, second) = match lang {
            Lang::Id => (&self.id, &self.en),
            Lang::En => (&self.en, &self.id),
        };
        first.as_deref().or(second.as_deref())
    }
}

// ---------------------------------------------------------------------------------------
// Reading from a Value. The keys each object takes are `crate::known_keys`, generated from
// these types' schema.

impl RulesSpec {
    /// Reads a rules file whose `extends`, if any, was already resolved (so `sections` is
    /// a list).
    pub(crate) fn read(cx: &mut Cx, v: &Value) -> Option<RulesSpec> {
        let o = cx.object(v, known_keys::RULES_SPEC)?;
        let spec = RulesSpec {
            schema: o.opt(cx, "$schema"),
            extends: o.opt(cx, "extends"),
            title: o.req(cx, "title", "the form's title"),
            lang: o.opt(cx, "lang"),
            word_count: o.opt(cx, "wordCount"),
            source: o.opt(cx, "source"),
            description: o.opt(cx, "description"),
            sections: o.req(cx, "sections", "a list of sections").unwrap_or_default(),
        };
        Some(spec)
    }
}

pub(crate) fn enum_from<T: Copy>(cx: &mut Cx, v: &Value, options: &[(&str, T)]) -> Option<T> {
    match v {
        Value::String(s) => {
            let found = by_name(options, s);
            if found.is_none() {
                cx.invalid(Code::UnknownValue, format!("unknown value {s:?}"), names_or(options), v);
            }
            found
        }
        other => {
            cx.expected(names_or(options), other.describe());
            None
        }
    }
}

impl FromValue for Lang {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        enum_from(cx, v, LANG_NAMES)
    }
}

impl FromValue for WordCountMode {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        enum_from(cx, v, MODE_NAMES)
    }
}

impl FromValue for Severity {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        enum_from(cx, v, &[("error", Severity::Error), ("warning", Severity::Warning)])
    }
}

impl FromValue for OneOrMany {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        match v {
            Value::String(s) => Some(OneOrMany::One(s.clone())),
            Value::Array(_) => Vec::<String>::from_value(cx, v).map(OneOrMany::Many),
            other => {
                cx.expected("a field name or a list of field names", other.describe());
                None
            }
        }
    }
}

impl<T: FromValue> FromValue for Check<T> {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        // An object is the detailed form unless T itself is read from objects (it isn't here).
        if let Value::Object(_) = v {
            let o = cx.object(v, known_keys::DETAILED)?;
            let value = o.req(cx, "value", "the check's value");
            let severity = o.opt(cx, "severity");
            let message = o.opt(cx, "message");
            return Some(Check::Detailed(Detailed { value: value?, severity, message }));
        }
        T::from_value(cx, v).map(Check::Plain)
    }
}

impl FromValue for Message {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        if let Value::String(s) = v {
            // A plain string is taken as the message in every language.
            return Some(Message { id: Some(s.clone()), en: Some(s.clone()) });
        }
        let o = cx.object(v, known_keys::MESSAGE)?;
        let m = Message { id: o.opt(cx, "id"), en: o.opt(cx, "en") };
        if m.id.is_none() && m.en.is_none() {
            cx.expected("a message in `id`, `en` or both", "neither");
            return None;
        }
        Some(m)
    }
}

/// A check whose value is itself an object carries `severity` and `message` beside its own
/// keys; it may also be written `{"value": …, "severity", "message"}` like every other check.
pub(crate) trait InlineMeta: Sized {
    fn meta_mut(&mut self) -> (&mut Option<Severity>, &mut Option<Message>);

    /// Reads the `{"value", "severity", "message"}` form when `v` has a `value` key.
    fn read_wrapped(cx: &mut Cx, v: &Value, read: fn(&mut Cx, &Value) -> Option<Self>) -> Option<Option<Self>> {
        let Value::Object(pairs) = v else { return None };
        if !pairs.iter().any(|(k, _)| k == "value") {
            return None;
        }
        let o = cx.object(v, known_keys::DETAILED).expect("an object");
        let inner = o.get("value").and_then(|inner| cx.key("value", |cx| read(cx, inner)));
        let severity: Option<Severity> = o.opt(cx, "severity");
        let message: Option<Message> = o.opt(cx, "message");
        // The value's own problems were reported; it is not read again in the other form.
        let Some(mut spec) = inner else { return Some(None) };
        let (own_severity, own_message) = spec.meta_mut();
        for (key, given, own) in [
            ("severity", severity.is_some(), own_severity.is_some()),
            ("message", message.is_some(), own_message.is_some()),
        ] {
            if given && own {
                cx.key("value", |cx| {
                    cx.key(key, |cx| {
                        cx.problem(Code::GivenTwice, format!("`{key}` is given twice: here and beside `value`"))
                    })
                });
            }
        }
        if severity.is_some() {
            *own_severity = severity;
        }
        if message.is_some() {
            *own_message = message;
        }
        Some(Some(spec))
    }
}
