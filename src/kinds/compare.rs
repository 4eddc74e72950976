//! `compare`: this section's value compared with another field's (an end date after a start
//! date, a total at most a budget).
//!
//! ```json
//! "compare": [{"field": "tanggal_mulai", "op": ">", "as": "date"}]
//! ```

use schemars::JsonSchema;

use super::format::Format;
use super::Kind;
use crate::check::SectionCx;
use crate::format as parse;
use crate::known_keys;
use crate::messages::{Args, Key};
use crate::problem::{Cx, FromValue};
use crate::rules::{field_reference, meta, Meta, Section, SectionInfo};
use crate::spec::{enum_from, Detailed, InlineMeta, Lang, Message, Severity};
use crate::value::Value;
use crate::values::{FieldValue, Values};

/// The rule id in reports.
pub(crate) const RULE: &str = "compare";

/// A comparison, or one as the `value` of `{"value", "severity", "message"}`.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(untagged)]
pub(crate) enum CompareSchema {
    Full(CompareSpec),
    Wrapped(Detailed<CompareSpec>),
}

/// How this section's value must compare with another field's value.
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CompareSpec {
    /// The other field.
    pub field: String,
    /// This value `op` the other value, e.g. `>` for "after" with dates.
    pub op: CompareOp,
    /// How values are read. Default: from the section's `format` (date or number), else date
    /// when both read as dates, else number.
    #[serde(rename = "as")]
    pub as_kind: Option<CompareAs>,
    pub severity: Option<Severity>,
    #[schemars(with = "Option<crate::spec::MessageSchema>")]
    pub message: Option<Message>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, JsonSchema)]
pub enum CompareOp {
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = "==")]
    Eq,
    #[serde(rename = "!=")]
    Ne,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CompareAs {
    Date,
    Number,
}

impl FromValue for CompareOp {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        use CompareOp::*;
        enum_from(cx, v, &[("<", Lt), ("<=", Le), (">", Gt), (">=", Ge), ("==", Eq), ("!=", Ne)])
    }
}

impl FromValue for CompareAs {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        enum_from(cx, v, &[("date", CompareAs::Date), ("number", CompareAs::Number)])
    }
}

impl InlineMeta for CompareSpec {
    fn meta_mut(&mut self) -> (&mut Option<Severity>, &mut Option<Message>) {
        (&mut self.severity, &mut self.message)
    }
}

impl FromValue for CompareSpec {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        if let Some(wrapped) = Self::read_wrapped(cx, v, CompareSpec::read_plain) {
            return wrapped;
        }
        Self::read_plain(cx, v)
    }
}

impl CompareSpec {
    fn read_plain(cx: &mut Cx, v: &Value) -> Option<Self> {
        let o = cx.object(v, known_keys::COMPARE_SPEC)?;
        let field = o.req(cx, "field", "the other field's name");
        let op = o.req(cx, "op", "one of < <= > >= == !=");
        let spec = (o.opt(cx, "as"), o.opt(cx, "severity"), o.opt(cx, "message"));
        Some(CompareSpec { field: field?, op: op?, as_kind: spec.0, severity: spec.1, message: spec.2 })
    }
}

/// A compiled comparison.
#[derive(Debug, Clone)]
pub(crate) struct Compare {
    pub field: String,
    pub op: CompareOp,
    pub as_kind: Option<CompareAs>,
    pub meta: Meta,
}

/// The kind `compare`.
pub(crate) struct Rule;

impl Kind for Rule {
    type Spec = Vec<CompareSpec>;
    type Schema = Vec<CompareSchema>;
    type Compiled = Vec<Compare>;
    const DOC: &'static str = "Comparisons with other fields (e.g. end date after start date).";
    const KEYS: &'static [Key] = &[Key::Compare];

    /// Compiles a section's `compare` list.
    fn compile(cx: &mut Cx, spec: Vec<CompareSpec>, covered: &[String]) -> Vec<Compare> {
        compile(cx, spec, covered)
    }

    fn values(compare: &Vec<Compare>, cx: &mut SectionCx, values: &Values, sections: &[Section]) {
        for c in compare {
            cx.compare(c, values, sections);
        }
    }

    fn info(compare: &Vec<Compare>, info: &mut SectionInfo) {
        compare.iter().for_each(|c| info.depend_on(&c.field));
    }
}

fn compile(cx: &mut Cx, spec: Vec<CompareSpec>, covered: &[String]) -> Vec<Compare> {
    spec.into_iter()
        .enumerate()
        .filter_map(|(i, c)| {
            cx.index(i, |cx| {
                field_reference(cx, &c.field, covered);
                let meta = meta(cx, c.severity, c.message);
                Some(Compare { field: c.field, op: c.op, as_kind: c.as_kind, meta })
            })
        })
        .collect()
}

impl SectionCx<'_> {
    /// One comparison of the section's first value with the other field's.
    fn compare(&mut self, c: &Compare, values: &Values, sections: &[Section]) {
        let s = self.section;
        let first_text = |field: &str| match values.get(field) {
            Some(FieldValue::Text(t)) if !t.trim().is_empty() => Some(t.trim()),
            _ => None,
        };
        let (Some(mine), Some(theirs)) = (s.fields.iter().find_map(|f| first_text(f)), first_text(&c.field)) else {
            return;
        };
        let kind = c.as_kind.or(match &s.kinds.format {
            Some((Format::Date { .. }, _)) => Some(CompareAs::Date),
            Some((Format::Number { .. }, _)) => Some(CompareAs::Number),
            _ => None,
        });
        // Without a kind, values are read as dates first, then as numbers.
        let kinds = match kind {
            Some(k) => [Some(k), None],
            None => [Some(CompareAs::Date), Some(CompareAs::Number)],
        };
        let read = kinds.into_iter().flatten().find_map(|k| order(k, mine, theirs).map(|o| (k, o)));
        // Values that don't read as dates or numbers are the format check's business.
        let Some((read_as, ordering)) = read else { return };
        use std::cmp::Ordering::*;
        let holds = match c.op {
            CompareOp::Lt => ordering == Less,
            CompareOp::Le => ordering != Greater,
            CompareOp::Gt => ordering == Greater,
            CompareOp::Ge => ordering != Less,
            CompareOp::Eq => ordering == Equal,
            CompareOp::Ne => ordering != Equal,
        };
        if holds {
            return;
        }
        let other =
            sections.iter().find(|o| o.fields.contains(&c.field)).map_or(c.field.as_str(), |o| o.title.as_str());
        let args = Args::new(&s.title)
            .with("other", other)
            .with("relation", relation(c.op, read_as == CompareAs::Date, self.lang))
            .with("value", mine);
        self.push(RULE, &c.meta, Key::Compare, args, None);
    }
}

/// How `a` compares with `b` read as `kind`; `None` when either doesn't read.
fn order(kind: CompareAs, a: &str, b: &str) -> Option<std::cmp::Ordering> {
    match kind {
        CompareAs::Date => Some(parse::parse_date(a).ok()?.cmp(&parse::parse_date(b).ok()?)),
        CompareAs::Number => parse::parse_number(a).ok()?.partial_cmp(&parse::parse_number(b).ok()?),
    }
}

fn relation(op: CompareOp, dates: bool, lang: Lang) -> &'static str {
    use CompareOp::*;
    match (lang, dates, op) {
        (Lang::Id, true, Lt) => "sebelum",
        (Lang::Id, true, Le) => "paling lambat",
        (Lang::Id, true, Gt) => "setelah",
        (Lang::Id, true, Ge) => "paling cepat",
        (Lang::Id, false, Lt) => "lebih kecil dari",
        (Lang::Id, false, Le) => "paling banyak",
        (Lang::Id, false, Gt) => "lebih besar dari",
        (Lang::Id, false, Ge) => "paling sedikit",
        (Lang::Id, _, Eq) => "sama dengan",
        (Lang::Id, _, Ne) => "berbeda dari",
        (Lang::En, true, Lt) => "before",
        (Lang::En, true, Le) => "on or before",
        (Lang::En, true, Gt) => "after",
        (Lang::En, true, Ge) => "on or after",
        (Lang::En, false, Lt) => "less than",
        (Lang::En, false, Le) => "at most",
        (Lang::En, false, Gt) => "greater than",
        (Lang::En, false, Ge) => "at least",
        (Lang::En, _, Eq) => "the same as",
        (Lang::En, _, Ne) => "different from",
    }
}
