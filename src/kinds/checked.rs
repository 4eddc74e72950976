//! `checked`: how many boxes of a checkbox group (or options of a multi-select) may be chosen.
//!
//! ```json
//! "checked": {"min": 1, "max": 3}
//! ```

use schemars::JsonSchema;

use super::Kind;
use crate::check::{AppliedLimits, Range, SectionCx};
use crate::known_keys;
use crate::messages::{Args, Key};
use crate::problem::{Code, Cx, FromValue};
use crate::rules::{group_meta, member, Meta, Section, SectionInfo};
use crate::spec::{Check, Message, Severity};
use crate::value::Value;
use crate::values::{FieldValue, Values};

/// The rule ids in reports.
pub(crate) const RULES: &[&str] = &["checked.min", "checked.max"];

/// Minimum and maximum of a count; `severity` and `message` apply to both unless they give
/// their own.
#[derive(Debug, Clone, Default, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountLimits {
    pub min: Option<Check<u32>>,
    pub max: Option<Check<u32>>,
    pub severity: Option<Severity>,
    #[schemars(with = "Option<crate::spec::MessageSchema>")]
    pub message: Option<Message>,
}

impl FromValue for CountLimits {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        let o = cx.object(v, known_keys::COUNT_LIMITS)?;
        Some(CountLimits {
            min: o.opt(cx, "min"),
            max: o.opt(cx, "max"),
            severity: o.opt(cx, "severity"),
            message: o.opt(cx, "message"),
        })
    }
}

/// Compiled `checked`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Checked {
    pub min: Option<(u32, Meta)>,
    pub max: Option<(u32, Meta)>,
}

/// The kind `checked`.
pub(crate) struct Rule;

impl Kind for Rule {
    type Spec = CountLimits;
    type Schema = CountLimits;
    type Compiled = Checked;
    const DOC: &'static str = "How many boxes of a checkbox group (or options of a multi-select) may be checked.";
    const KEYS: &'static [Key] = &[Key::CheckedMin, Key::CheckedMax];

    fn compile(cx: &mut Cx, spec: CountLimits, _: &[String]) -> Checked {
        compile(cx, spec)
    }

    /// How many values the section's fields hold (non-empty texts and chosen options)
    /// against `checked`.
    fn values(c: &Checked, cx: &mut SectionCx, values: &Values, _: &[Section]) {
        if c.min.is_none() && c.max.is_none() {
            return;
        }
        let s = cx.section;
        let mut count = 0u32;
        for field in &s.fields {
            match values.get(field) {
                Some(FieldValue::Text(text)) if !text.trim().is_empty() => count += 1,
                Some(FieldValue::List(items)) => count += items.iter().filter(|i| !i.trim().is_empty()).count() as u32,
                _ => {}
            }
        }
        if let Some((min, meta)) = &c.min {
            if count < *min {
                let args = Args::new(&s.title).with("count", cx.n(count.into())).with("min", cx.n((*min).into()));
                cx.push(RULES[0], meta, Key::CheckedMin, args, None);
            }
        }
        if let Some((max, meta)) = &c.max {
            if count > *max {
                let args = Args::new(&s.title).with("count", cx.n(count.into())).with("max", cx.n((*max).into()));
                cx.push(RULES[1], meta, Key::CheckedMax, args, None);
            }
        }
    }

    fn limits(c: &Checked, limits: &mut AppliedLimits) {
        let r = Range { min: c.min.as_ref().map(|x| x.0), max: c.max.as_ref().map(|x| x.0), warn_at: None };
        limits.checked = (r != Range::default()).then_some(r);
    }

    fn info(c: &Checked, info: &mut SectionInfo) {
        info.checked = c.min.is_some() || c.max.is_some();
    }
}

/// Compiles `checked` (called under the key `checked`).
fn compile(cx: &mut Cx, c: CountLimits) -> Checked {
    let group = group_meta(cx, c.severity, c.message);
    let min = member(cx, "min", c.min, &group);
    let max = member(cx, "max", c.max, &group);
    if let (Some((lo, _)), Some((hi, _))) = (&min, &max) {
        if lo > hi {
            cx.key("min", |cx| cx.expected_with(Code::MinAboveMax, format!("at most max ({hi})"), lo.to_string()));
        }
    }
    Checked { min, max }
}
