//! The checker: a form snapshot in, a report out. Evaluation only; everything that can be
//! decided from the rules alone was decided when they were compiled.

use serde::Serialize;

use crate::count::{TextStats, WordCountMode};
use crate::messages::{self, Args, Key};
use crate::recount::Recount;
use crate::rules::{Meta, Section};
use crate::spec::{Lang, Severity};
use crate::values::{FieldValue, Values};

/// The result of checking a whole form.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// No error anywhere (warnings don't count).
    pub valid: bool,
    /// Errors over all sections that apply.
    pub errors: u32,
    /// Warnings over all sections that apply.
    pub warnings: u32,
    /// Sections that apply and have nothing missing or wrong.
    pub complete: u32,
    /// Sections that apply (skipped ones are not counted).
    pub total: u32,
    /// Every section, in form order (skipped ones included).
    pub sections: Vec<SectionReport>,
}

/// The result of checking one section.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SectionReport {
    /// The section's id.
    pub id: String,
    /// The section's title.
    pub title: String,
    /// Its state.
    pub status: Status,
    /// Words in its fields, counted as the rules say.
    pub words: u32,
    /// Characters (extended grapheme clusters, line breaks not counted).
    pub chars: u32,
    /// Characters, white space not counted either.
    pub chars_no_spaces: u32,
    /// The limits that applied.
    pub limits: AppliedLimits,
    /// What is missing or wrong, errors and warnings.
    pub messages: Vec<ReportMessage>,
}

/// A section's state, worst first: `skipped` when a condition excludes it, `empty` when
/// nothing was entered, then `error`, `warning`, `ok`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Filled and nothing wrong.
    Ok,
    /// Warnings only.
    Warning,
    /// At least one error.
    Error,
    /// Nothing entered.
    Empty,
    /// A `when` condition excludes it.
    Skipped,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ReportMessage {
    /// Which check: `required`, `words.max`, `words.min`, `words.warnAt`, `chars.max`,
    /// `chars.min`, `chars.warnAt`, `format`, `pattern`, `choice`, `checked.min`,
    /// `checked.max`, `files.accept`, `files.maxBytes`, `files.maxFiles`, `compare`.
    pub rule: &'static str,
    /// Errors block submission; warnings never do.
    pub severity: Severity,
    /// The message, in the language asked for.
    pub text: String,
    /// The field the message is about, when it is about one field of the section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// Limits in force for a section; absent ones are left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AppliedLimits {
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Word limits.
    pub words: Option<Range>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Character limits.
    pub chars: Option<Range>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// How many options may be chosen.
    pub checked: Option<Range>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Most files.
    pub max_files: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Largest size of one file, in bytes.
    pub max_bytes: Option<u64>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
/// A minimum, a maximum and the count from which a warning is given.
pub struct Range {
    #[serde(skip_serializing_if = "Option::is_none")]
    /// The minimum.
    pub min: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// The maximum.
    pub max: Option<u32>,
    /// The count from which a warning is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warn_at: Option<u32>,
}

impl Report {
    /// The form's totals over section reports (some of which may have been checked
    /// separately, on the keystroke path).
    pub fn from_sections(sections: Vec<SectionReport>) -> Report {
        let mut report = Report { valid: true, errors: 0, warnings: 0, complete: 0, total: 0, sections: Vec::new() };
        for s in sections.iter().filter(|s| s.status != Status::Skipped) {
            report.total += 1;
            let errors = s.messages.iter().filter(|m| m.severity == Severity::Error).count() as u32;
            report.errors += errors;
            report.warnings += s.messages.len() as u32 - errors;
            report.complete += u32::from(errors == 0);
        }
        report.valid = report.errors == 0;
        report.sections = sections;
        report
    }
}

/// The counts of one field's text: [`crate::count::count`] itself, or through a
/// [`CountCache`] on the keystroke path. Called with the field's name and its text.
pub(crate) type CountText<'a> = dyn FnMut(&str, &str) -> TextStats + 'a;

/// Checks one section of `sections`, in the order the kinds are checked in; `count_text`
/// counts its text fields.
pub(crate) fn check_section(
    s: &Section,
    sections: &[Section],
    values: &Values,
    lang: Lang,
    count_text: &mut CountText,
) -> SectionReport {
    let mut stats = TextStats::default();
    let mut empty = true;
    for (field, value) in s.fields.iter().filter_map(|f| Some((f, values.get(f)?))) {
        if let FieldValue::Text(text) = value {
            let t = count_text(field, text);
            stats.words += t.words;
            stats.chars += t.chars;
            stats.chars_no_spaces += t.chars_no_spaces;
        }
        empty &= value.is_empty();
    }
    let mut out = SectionReport {
        id: s.id.clone(),
        title: s.title.clone(),
        status: Status::Ok,
        words: stats.words,
        chars: stats.chars,
        chars_no_spaces: stats.chars_no_spaces,
        limits: applied_limits(s),
        messages: Vec::new(),
    };
    if !s.kinds.applies(values) {
        out.status = Status::Skipped;
        return out;
    }
    let mut cx = SectionCx { section: s, lang, messages: Vec::new() };
    if empty {
        s.kinds.empty(&mut cx);
        out.status = Status::Empty;
        out.messages = cx.messages;
        return out;
    }
    s.kinds.counts(&mut cx, &stats);
    for field in &s.fields {
        match values.get(field) {
            Some(FieldValue::Text(text)) if !text.trim().is_empty() => {
                s.kinds.text(&mut cx, field, text.trim(), values.label(field, 0));
            }
            Some(FieldValue::List(items)) => {
                for (i, item) in items.iter().enumerate().filter(|(_, i)| !i.trim().is_empty()) {
                    s.kinds.item(&mut cx, field, item.trim(), values.label(field, i));
                }
            }
            _ => {}
        }
    }
    s.kinds.values(&mut cx, values, sections);
    out.status = match cx.messages.iter().map(|m| m.severity).min_by_key(|s| *s == Severity::Warning) {
        Some(Severity::Error) => Status::Error,
        Some(Severity::Warning) => Status::Warning,
        None => Status::Ok,
    };
    out.messages = cx.messages;
    out
}

/// The counts of a form's text fields kept between checks, so that checking a section again
/// after an edit re-counts only what the edit changed ([`Recount`], one per field). Counts
/// through the cache are always those of [`crate::count::count`]; it holds a copy of each
/// field's last text.
///
/// # Example
/// ```
/// use borang::{CountCache, Lang, Rules, Values};
/// let rules = Rules::preset("kipp-2023").unwrap();
/// let mut cache = CountCache::new();
/// let mut values = Values::new();
/// values.text("ringkasan", "Inovasi ini mempercepat layanan.\n\nWarga puas.");
/// let cached = rules.check_section_cached("ringkasan", &values, Lang::Id, &mut cache);
/// assert_eq!(cached, rules.check_section("ringkasan", &values, Lang::Id));
/// values.text("ringkasan", "Inovasi ini mempercepat layanan.\n\nWarga sangat puas.");
/// let cached = rules.check_section_cached("ringkasan", &values, Lang::Id, &mut cache);
/// assert_eq!(cached.unwrap().words, 7);
/// ```
#[derive(Debug, Clone, Default)]
pub struct CountCache {
    /// One per text field, looked up by name (a form has a few dozen fields at most: a list
    /// costs less module than a map).
    fields: Vec<(String, Recount)>,
}

impl CountCache {
    /// Nothing counted yet.
    pub fn new() -> CountCache {
        CountCache::default()
    }

    /// `count(text, mode)` for `field`, re-counting only what changed since its last text (a
    /// field first seen, or counted before in another mode, is counted whole).
    pub(crate) fn count(&mut self, field: &str, text: &str, mode: WordCountMode) -> TextStats {
        let i = match self.fields.iter().position(|(name, _)| name == field) {
            Some(i) => i,
            None => {
                self.fields.push((field.to_owned(), Recount::new(mode)));
                self.fields.len() - 1
            }
        };
        let r = &mut self.fields[i].1;
        if r.mode() != mode {
            *r = Recount::new(mode);
        }
        r.count(text)
    }
}

fn applied_limits(s: &Section) -> AppliedLimits {
    let mut limits = AppliedLimits::default();
    s.kinds.limits(&mut limits);
    limits
}

/// The checking of one section: the kinds add their messages here.
pub(crate) struct SectionCx<'r> {
    pub(crate) section: &'r Section,
    pub(crate) lang: Lang,
    pub(crate) messages: Vec<ReportMessage>,
}

impl SectionCx<'_> {
    pub(crate) fn push(&mut self, rule: &'static str, meta: &Meta, key: Key, args: Args, field: Option<&str>) {
        let text = messages::text(key, meta.message.as_ref(), self.lang, &args);
        let field = field.filter(|_| self.section.fields.len() > 1).map(str::to_owned);
        self.messages.push(ReportMessage { rule, severity: meta.severity, text, field });
    }

    pub(crate) fn n(&self, n: u64) -> String {
        messages::number(n, self.lang)
    }
}
