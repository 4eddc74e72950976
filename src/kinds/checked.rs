//! `checked`: how many boxes of a checkbox group (or options of a multi-select) may be chosen.
//!
//! ```json
//! "checked": {"min": 1, "max": 3}
//! ```

use schemars::JsonSchema;

use crate::check::SectionCx;
use crate::known_keys;
use crate::messages::{Args, Key};
use crate::problem::{Code, Cx, FromValue};
use crate::rules::{group_meta, member, Meta};
use crate::spec::{Check, Message, Severity};
use crate::value::Value;

/// The rule ids in reports.
pub(crate) const RULES: &[&str] = &["checked.min", "checked.max"];
/// Its messages in the catalogue.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const KEYS: &[Key] = &[Key::CheckedMin, Key::CheckedMax];

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

/// Compiles `checked` (called under the key `checked`).
pub(crate) fn compile(cx: &mut Cx, c: CountLimits) -> Checked {
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

impl SectionCx<'_> {
    /// How many values the section's fields hold against `checked`.
    pub(crate) fn checked(&mut self, count: u32) {
        let s = self.section;
        if let Some((min, meta)) = &s.checked.min {
            if count < *min {
                let args = Args::new(&s.title).with("count", self.n(count.into())).with("min", self.n((*min).into()));
                self.push(RULES[0], meta, Key::CheckedMin, args, None);
            }
        }
        if let Some((max, meta)) = &s.checked.max {
            if count > *max {
                let args = Args::new(&s.title).with("count", self.n(count.into())).with("max", self.n((*max).into()));
                self.push(RULES[1], meta, Key::CheckedMax, args, None);
            }
        }
    }
}
