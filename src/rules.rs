//! Rules compiled once from a rules file: every problem reported with its path, and a form
//! that the checker only evaluates.

use serde::Serialize;

use crate::check::{self as checker, CountCache, Report, SectionReport};
use crate::count::{count, WordCountMode};
use crate::kinds::Kinds;
use crate::messages::{self, PLACEHOLDERS};
use crate::presets;
use crate::problem::{Code, Cx, Problem, RulesError};
use crate::spec::*;
use crate::value::Value;
use crate::values::Values;

/// Rules files larger than this are refused before parsing.
pub const MAX_RULES_BYTES: usize = 1 << 20;
/// The most sections a form may have.
pub const MAX_SECTIONS: usize = 500;
/// How deep `extends` may chain.
const MAX_EXTENDS: usize = 4;

/// Rules ready to check form snapshots with. Built once; cheap to check with many times.
#[derive(Debug, Clone)]
pub struct Rules {
    pub(crate) title: String,
    pub(crate) lang: Lang,
    pub(crate) word_count: WordCountMode,
    pub(crate) source: Option<String>,
    pub(crate) sections: Vec<Section>,
}

/// What the DOM layer needs to know of a section to find and label its fields.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SectionInfo {
    /// The section's id.
    pub id: String,
    /// The section's title.
    pub title: String,
    /// The fields it covers.
    pub fields: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Help text for the applicant.
    pub help: Option<String>,
    /// Whether it must be filled.
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Its word maximum.
    pub max_words: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Its word minimum.
    pub min_words: Option<u32>,
    /// Other fields whose values this section's result depends on: those its conditions
    /// read (whether it applies) and those it is compared with.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<String>,
    /// The allowed values, when the section has a `choice` check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice: Option<Vec<String>>,
    /// Accepted file types, when the section has a `files.accept` check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accept: Option<Vec<String>>,
    /// The format a text value must have: `url`, `email`, `phone`, `digits`, `number`, `date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<FormatName>")]
    pub format: Option<&'static str>,
    /// Whether the section counts chosen options (`checked.min`/`checked.max`).
    pub checked: bool,
}

impl SectionInfo {
    /// Adds a field this section's result depends on, unless it is the section's own or
    /// already listed.
    pub(crate) fn depend_on(&mut self, field: &str) {
        if !self.fields.iter().chain(&self.depends_on).any(|f| f == field) {
            self.depends_on.push(field.to_owned());
        }
    }
}

/// The formats a section's `format` names (in `SectionInfo`), for its schema.
#[allow(dead_code)]
#[derive(schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
enum FormatName {
    Url,
    Email,
    Phone,
    Digits,
    Number,
    Date,
}

#[derive(Debug, Clone)]
pub(crate) struct Section {
    pub id: String,
    pub title: String,
    pub fields: Vec<String>,
    pub help: Option<String>,
    /// Its rule kinds, compiled.
    pub kinds: Kinds,
}

/// Severity and own message of one check.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Meta {
    pub severity: Severity,
    pub message: Option<Message>,
}

impl Rules {
    /// Compiles rules from JSON text.
    ///
    /// # Example
    /// ```
    /// let rules = borang::Rules::from_json(r#"{"title":"Proposal","sections":[
    ///     {"id":"ringkasan","title":"Ringkasan","required":true,"words":{"max":200}}]}"#).unwrap();
    /// assert_eq!(rules.title(), "Proposal");
    /// ```
    pub fn from_json(text: &str) -> Result<Rules, RulesError> {
        if text.len() > MAX_RULES_BYTES {
            return Err(RulesError::single(
                Code::TooLarge,
                "",
                format!("the rules file is {} bytes; at most {MAX_RULES_BYTES} are accepted", text.len()),
            ));
        }
        let value = Value::from_json(text)
            .map_err(|e| RulesError::single(Code::NotJson, "", format!("not valid JSON: {e}")))?;
        Rules::from_value(value)
    }

    /// Compiles rules from a JSON tree (a JS object in the browser).
    pub fn from_value(value: Value) -> Result<Rules, RulesError> {
        let (resolved, by_id) = resolve_extends(value, 0)?;
        let mut cx = Cx::default();
        let rules = RulesSpec::read(&mut cx, &resolved).and_then(|spec| compile(&mut cx, spec));
        // Reading and compiling are two passes; report in the order of the file.
        let mut problems = by_section(cx.problems);
        if by_id {
            rename_section_paths(&mut problems, &resolved);
        }
        match rules {
            Some(rules) if problems.is_empty() => Ok(rules),
            _ => Err(RulesError { problems }),
        }
    }

    /// The compiled preset of that name.
    pub fn preset(name: &str) -> Result<Rules, RulesError> {
        match presets::find(name) {
            Some(p) => Rules::from_json(p.json),
            None => Err(unknown_preset(name, "")),
        }
    }

    /// The form's title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The language of messages unless a check asks for another.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// How words are counted.
    pub fn word_count(&self) -> WordCountMode {
        self.word_count
    }

    /// Where the form's structure and limits come from.
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// The sections in form order, with the fields each covers.
    pub fn sections_info(&self) -> Vec<SectionInfo> {
        self.sections
            .iter()
            .map(|s| {
                let mut info = SectionInfo {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    fields: s.fields.clone(),
                    help: s.help.clone(),
                    required: false,
                    max_words: None,
                    min_words: None,
                    depends_on: Vec::new(),
                    choice: None,
                    accept: None,
                    format: None,
                    checked: false,
                };
                s.kinds.info(&mut info);
                info
            })
            .collect()
    }

    /// Checks a whole form snapshot. Messages are in `lang`.
    ///
    /// # Example
    /// ```
    /// use borang::{Lang, Rules, Values};
    /// let rules = Rules::preset("kipp-2023").unwrap();
    /// let mut values = Values::new();
    /// values.text("ringkasan", "Inovasi ini mempercepat layanan.");
    /// let report = rules.check(&values, Lang::Id);
    /// assert!(!report.valid);
    /// assert_eq!(report.sections[1].words, 4);
    /// ```
    pub fn check(&self, values: &Values, lang: Lang) -> Report {
        Report::from_sections(self.sections.iter().map(|s| self.check_one(s, values, lang)).collect())
    }

    /// Checks one section (the keystroke path). `None` when no section has that id.
    pub fn check_section(&self, id: &str, values: &Values, lang: Lang) -> Option<SectionReport> {
        let section = self.sections.iter().find(|s| s.id == id)?;
        Some(self.check_one(section, values, lang))
    }

    /// [`Rules::check_section`], with the fields counted through `cache`: after an edit only
    /// what changed is counted again. The report is exactly `check_section`'s. One cache per
    /// form (it is keyed by field name).
    ///
    /// # Example
    /// ```
    /// use borang::{CountCache, Lang, Rules, Values};
    /// let rules = Rules::preset("kipp-2023").unwrap();
    /// let mut cache = CountCache::new();
    /// let mut values = Values::new();
    /// for text in ["Inovasi ini", "Inovasi ini mempercepat layanan."] {
    ///     values.text("ringkasan", text);
    ///     let cached = rules.check_section_cached("ringkasan", &values, Lang::Id, &mut cache);
    ///     assert_eq!(cached, rules.check_section("ringkasan", &values, Lang::Id));
    /// }
    /// ```
    pub fn check_section_cached(
        &self,
        id: &str,
        values: &Values,
        lang: Lang,
        cache: &mut CountCache,
    ) -> Option<SectionReport> {
        let section = self.sections.iter().find(|s| s.id == id)?;
        let mode = self.word_count;
        Some(checker::check_section(section, &self.sections, values, lang, &mut |field, text| {
            cache.count(field, text, mode)
        }))
    }

    fn check_one(&self, section: &Section, values: &Values, lang: Lang) -> SectionReport {
        let mode = self.word_count;
        checker::check_section(section, &self.sections, values, lang, &mut |_, text| count(text, mode))
    }
}

fn unknown_preset(name: &str, path: &str) -> RulesError {
    let known: Vec<String> = presets::all().iter().map(|p| p.name.to_owned()).collect();
    RulesError {
        problems: vec![Problem {
            code: Code::UnknownPreset,
            path: path.to_owned(),
            message: format!("unknown preset {name:?}"),
            expected: Some(format!("one of {}", known.join(", "))),
            found: Some(format!("{name:?}")),
            known,
        }],
    }
}

/// Applies `extends`: the preset's document with this file's keys over it and its
/// `sections` object merged section by section. Returns whether sections were given by id.
fn resolve_extends(mut value: Value, depth: usize) -> Result<(Value, bool), RulesError> {
    let Some(extends) = value.get("extends") else { return Ok((value, false)) };
    let Some(name) = extends.as_str().map(str::to_owned) else {
        return Err(RulesError::expected("extends", "expected a preset name", "a string", extends));
    };
    if depth >= MAX_EXTENDS {
        return Err(RulesError::single(Code::ExtendsTooDeep, "extends", "presets extend each other too deeply"));
    }
    let preset = presets::find(&name).ok_or_else(|| unknown_preset(&name, "extends"))?;
    let base = Value::from_json(preset.json).map_err(|e| RulesError::single(Code::NotJson, "extends", e))?;
    let (mut base, _) = resolve_extends(base, depth + 1)?;

    let Value::Object(pairs) = value else { unreachable!("`get` found a key") };
    let mut sections_patch = None;
    let mut rest = Vec::new();
    for (key, v) in pairs {
        match key.as_str() {
            "sections" => sections_patch = Some(v),
            "extends" => {}
            _ => rest.push((key, v)),
        }
    }
    value = Value::Object(rest);
    base.merge_patch(value);
    if let Some(patch) = sections_patch {
        let Value::Object(patches) = patch else {
            return Err(RulesError::expected(
                "sections",
                "with `extends`, sections are given as an object keyed by section id",
                "an object such as {\"ringkasan\": {\"words\": {\"max\": 250}}}",
                &patch,
            ));
        };
        let mut sections = match base.get("sections") {
            Some(Value::Array(items)) => items.clone(),
            _ => Vec::new(),
        };
        let mut renames: Vec<(String, String)> = Vec::new();
        for (id, patch) in patches {
            let at = sections.iter().position(|s| s.get("id").and_then(Value::as_str) == Some(id.as_str()));
            match (at, patch) {
                (Some(i), Value::Null) => {
                    sections.remove(i);
                }
                (None, Value::Null) => {
                    return Err(RulesError::single(
                        Code::UnknownSection,
                        &format!("sections.{id}"),
                        format!("the preset has no section {id:?} to remove"),
                    ))
                }
                (Some(i), patch) => {
                    let before = covered_fields(&sections[i]);
                    sections[i].merge_patch(patch);
                    renames.extend(renamed_field(&before, &covered_fields(&sections[i])));
                }
                (None, patch) => {
                    let mut section = Value::Object(vec![("id".into(), Value::String(id.clone()))]);
                    section.merge_patch(patch);
                    sections.push(section);
                }
            }
        }
        // References follow a rename the file made, unless a section still covers the old
        // name; any other reference to a field no section covers is refused when compiling.
        for (old, new) in renames {
            if !sections.iter().any(|s| covered_fields(s).contains(&old)) {
                sections.iter_mut().for_each(|s| rename_references(s, &old, &new));
            }
        }
        base.merge_patch(Value::Object(vec![("sections".into(), Value::Null)]));
        if let Value::Object(pairs) = &mut base {
            pairs.push(("sections".into(), Value::Array(sections)));
        }
    }
    Ok((base, true))
}

/// The fields a section (as written) covers: its `fields`, else its id.
fn covered_fields(section: &Value) -> Vec<String> {
    match section.get("fields") {
        Some(Value::String(f)) => vec![f.clone()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => section.get("id").and_then(Value::as_str).map(str::to_owned).into_iter().collect(),
    }
}

/// A rename is unambiguous when exactly one field left a section's `fields` and exactly one
/// came in: `["a"]` → `["b"]`, or `["a", "x"]` → `["b", "x"]`.
fn renamed_field(before: &[String], after: &[String]) -> Option<(String, String)> {
    let gone: Vec<&String> = before.iter().filter(|f| !after.contains(f)).collect();
    let came: Vec<&String> = after.iter().filter(|f| !before.contains(f)).collect();
    match (gone.as_slice(), came.as_slice()) {
        ([old], [new]) => Some(((*old).clone(), (*new).clone())),
        _ => None,
    }
}

/// Points a section's conditions (`when`) and comparisons (`compare`) at `new` where they
/// read `old`.
fn rename_references(section: &mut Value, old: &str, new: &str) {
    fn rename_field(v: &mut Value, old: &str, new: &str) {
        let Value::Object(pairs) = v else { return };
        for (key, value) in pairs.iter_mut() {
            match (key.as_str(), value) {
                ("field", Value::String(f)) if f == old => *f = new.to_owned(),
                // A comparison written as `{"value": {"field": …}, "message": …}`.
                ("value", inner @ Value::Object(_)) => rename_field(inner, old, new),
                _ => {}
            }
        }
    }
    let Value::Object(pairs) = section else { return };
    for (key, value) in pairs.iter_mut() {
        match (key.as_str(), value) {
            ("when" | "compare", Value::Array(items)) => items.iter_mut().for_each(|c| rename_field(c, old, new)),
            ("when", c @ Value::Object(_)) => rename_field(c, old, new),
            _ => {}
        }
    }
}

/// `problems` in the order of the sections their paths are in (problems outside any section
/// first), each section's in the order they were found. A stable sort without the standard
/// library's (about 3 KB of module): a file has few problems, and they fall in fewer sections.
fn by_section(problems: Vec<Problem>) -> Vec<Problem> {
    let mut pending: Vec<(Option<usize>, Problem)> =
        problems.into_iter().map(|p| (section_index(&p.path), p)).collect();
    let mut ordered = Vec::with_capacity(pending.len());
    while let Some(first) = pending.iter().map(|(k, _)| *k).min() {
        let (now, rest): (Vec<_>, Vec<_>) = pending.into_iter().partition(|(k, _)| *k == first);
        ordered.extend(now.into_iter().map(|(_, p)| p));
        pending = rest;
    }
    ordered
}

/// The section a path is in, for ordering problems; `None` sorts first.
fn section_index(path: &str) -> Option<usize> {
    path.strip_prefix("sections[")?.split(']').next()?.parse().ok()
}

/// With `extends`, a file names sections by id: report `sections.ringkasan.words.max`,
/// not the index in the merged list.
fn rename_section_paths(problems: &mut [Problem], resolved: &Value) {
    let Some(Value::Array(sections)) = resolved.get("sections") else { return };
    for p in problems {
        let Some(rest) = p.path.strip_prefix("sections[") else { continue };
        let Some((index, tail)) = rest.split_once(']') else { continue };
        let id =
            index.parse::<usize>().ok().and_then(|i| sections.get(i)).and_then(|s| s.get("id")).and_then(Value::as_str);
        if let Some(id) = id {
            p.path = format!("sections.{id}{tail}");
        }
    }
}

pub(crate) fn meta(cx: &mut Cx, severity: Option<Severity>, message: Option<Message>) -> Meta {
    if let Some(m) = &message {
        for (lang, text) in [("id", &m.id), ("en", &m.en)] {
            let Some(text) = text else { continue };
            if lang == "en" && m.id.as_ref() == Some(text) {
                continue; // one string for both languages: report its problems once
            }
            for name in messages::unknown_placeholders(text) {
                cx.key("message", |cx| {
                    cx.key(lang, |cx| {
                        cx.problem(
                            Code::UnknownPlaceholder,
                            format!("unknown placeholder `{{{name}}}`; known: {}", PLACEHOLDERS.join(", ")),
                        )
                    })
                });
            }
        }
    }
    Meta { severity: severity.unwrap_or(Severity::Error), message }
}

pub(crate) fn check<T>(cx: &mut Cx, key: &str, c: Option<Check<T>>) -> Option<(T, Meta)> {
    let (value, severity, message) = c?.parts();
    Some((value, cx.key(key, |cx| meta(cx, severity, message))))
}

/// The `severity` and `message` a group of checks (`words`, `chars`, `checked`, `files`)
/// gives its members; its message's placeholders are checked here, once.
pub(crate) type GroupMeta = (Option<Severity>, Option<Message>);

pub(crate) fn group_meta(cx: &mut Cx, severity: Option<Severity>, message: Option<Message>) -> GroupMeta {
    meta(cx, severity, message.clone());
    (severity, message)
}

/// A check of a group: its own severity and message, else the group's.
pub(crate) fn member<T>(cx: &mut Cx, key: &str, c: Option<Check<T>>, group: &GroupMeta) -> Option<(T, Meta)> {
    let (value, severity, message) = c?.parts();
    let own_message = message.is_some();
    let mut meta = cx.key(key, |cx| meta(cx, severity.or(group.0), message));
    if !own_message {
        meta.message = group.1.clone();
    }
    Some((value, meta))
}

/// A field a condition or comparison reads must be covered by a section, or the check would
/// read an empty value forever (a rename with `extends` left behind, a typo).
pub(crate) fn field_reference(cx: &mut Cx, field: &str, covered: &[String]) {
    if field.trim().is_empty() {
        cx.key("field", |cx| cx.problem(Code::EmptyValue, "the field name is empty"));
        return;
    }
    if covered.iter().any(|f| f == field) {
        return;
    }
    let known: Vec<&str> = covered.iter().map(String::as_str).collect();
    let hint = match crate::problem::closest(field, &known) {
        Some(near) => format!("; did you mean {near:?}?"),
        None => String::new(),
    };
    cx.key("field", |cx| {
        cx.problem(
            Code::UnknownFieldReference,
            format!("no section covers the field {field:?}{hint}; known fields: {}", known.join(", ")),
        )
    });
}

fn compile(cx: &mut Cx, spec: RulesSpec) -> Option<Rules> {
    if spec.sections.len() > MAX_SECTIONS {
        cx.key("sections", |cx| {
            cx.expected_with(
                Code::TooManySections,
                format!("at most {MAX_SECTIONS} sections"),
                spec.sections.len().to_string(),
            )
        });
        return None;
    }
    if spec.sections.is_empty() && cx.problems.is_empty() {
        cx.key("sections", |cx| cx.problem(Code::NoSections, "a form needs at least one section"));
    }
    // Every field some section covers, in form order: what conditions and comparisons may read.
    let mut covered: Vec<String> = Vec::new();
    for s in &spec.sections {
        let fields = match &s.fields {
            Some(f) => f.clone().into_vec(),
            None => vec![s.id.clone()],
        };
        for f in fields {
            if !f.trim().is_empty() && !covered.contains(&f) {
                covered.push(f);
            }
        }
    }
    let mut sections = Vec::with_capacity(spec.sections.len());
    for (i, s) in spec.sections.into_iter().enumerate() {
        if let Some(prev) = sections.iter().position(|p: &Section| p.id == s.id && !s.id.is_empty()) {
            cx.key("sections", |cx| {
                cx.index(i, |cx| {
                    cx.key("id", |cx| {
                        cx.problem(Code::DuplicateId, format!("the id {:?} is already used by sections[{prev}]", s.id))
                    })
                })
            });
        }
        if let Some(section) = cx.key("sections", |cx| cx.index(i, |cx| compile_section(cx, s, &covered))) {
            sections.push(section);
        }
    }
    Some(Rules {
        title: spec.title.unwrap_or_default(),
        lang: spec.lang.unwrap_or_default(),
        word_count: spec.word_count.unwrap_or_default(),
        source: spec.source,
        sections,
    })
}

fn compile_section(cx: &mut Cx, mut s: SectionSpec, covered: &[String]) -> Option<Section> {
    // A missing or empty id or title was reported when reading.
    if !s.id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')) {
        cx.key("id", |cx| {
            cx.invalid(
                Code::InvalidValue,
                "a section id is letters, digits, `_`, `-` or `.`",
                "an id such as \"ringkasan\"",
                &Value::String(s.id.clone()),
            )
        });
    }
    let defaulted = s.fields.is_none();
    let fields = match s.fields.take() {
        Some(f) => f.into_vec(),
        None if s.id.is_empty() => Vec::new(),
        None => vec![s.id.clone()],
    };
    if fields.is_empty() && !(defaulted && s.id.is_empty()) {
        cx.key("fields", |cx| cx.problem(Code::NoFields, "a section covers at least one field"));
    }
    for (i, f) in fields.iter().enumerate() {
        if f.trim().is_empty() {
            cx.key("fields", |cx| cx.index(i, |cx| cx.problem(Code::EmptyValue, "the field name is empty")));
        }
    }
    // The kinds, in the order of the file's keys (problems are reported in this order).
    let kinds = Kinds::compile(cx, &mut s, covered);
    Some(Section { id: s.id, title: s.title, fields, help: s.help, kinds })
}
