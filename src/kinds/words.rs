//! `words`: word limits, counted as the rules file's `wordCount` says (LibreOffice Writer's
//! count by default). The limits' shape (`Limits`, `Bounds`) is shared with `chars`.
//!
//! ```json
//! "words": {"min": 50, "max": 200, "warnAt": 0.9}
//! "words": {"max": {"value": 200, "severity": "warning"}}
//! ```

use schemars::JsonSchema;

use super::Kind;
use crate::check::{AppliedLimits, Range, SectionCx};
use crate::count::TextStats;
use crate::known_keys;
use crate::messages::{self, Args, Key};
use crate::problem::{Code, Cx, FromValue};
use crate::rules::{check, group_meta, member, Meta, SectionInfo};
use crate::spec::{Check, Detailed, Lang, Message, Severity};
use crate::value::Value;

/// The rule ids in reports: `min`, `max`, `warnAt`.
pub(crate) const RULES: [&str; 3] = ["words.min", "words.max", "words.warnAt"];
/// Its messages in the catalogue, in the order of [`RULES`].
pub(crate) const KEYS: [Key; 3] = [Key::WordsMin, Key::WordsMax, Key::WordsNear];

/// Minimum and maximum, and a warning before the maximum is reached. Each takes its own
/// `{"value", "severity", "message"}`; `severity` and `message` here apply to `min` and
/// `max` when they don't give their own (`warnAt` is always a warning with its own message).
#[derive(Debug, Clone, Default, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Limits {
    pub min: Option<Check<u32>>,
    pub max: Option<Check<u32>>,
    /// Warn from this fraction of `max` on (e.g. `0.9`).
    pub warn_at: Option<Check<f64>>,
    /// For `min` and `max` unless they give their own.
    pub severity: Option<Severity>,
    /// For `min` and `max` unless they give their own.
    #[schemars(with = "Option<crate::spec::MessageSchema>")]
    pub message: Option<Message>,
    /// `max` was given but could not be read (so `warnAt` needn't complain of its absence).
    #[schemars(skip)]
    pub max_unreadable: bool,
}

impl FromValue for Limits {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        let o = cx.object(v, known_keys::LIMITS)?;
        let max = o.opt(cx, "max");
        let max_unreadable = max.is_none() && o.get("max").is_some();
        Some(Limits {
            min: o.opt(cx, "min"),
            max,
            warn_at: o.opt(cx, "warnAt"),
            severity: o.opt(cx, "severity"),
            message: o.opt(cx, "message"),
            max_unreadable,
        })
    }
}

/// Compiled limits.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bounds {
    pub min: Option<(u32, Meta)>,
    pub max: Option<(u32, Meta)>,
    /// The count from which a warning is given, already worked out from `max`.
    pub warn_from: Option<(u32, Meta)>,
}

/// The kind `words`.
pub(crate) struct Rule;

impl Kind for Rule {
    type Spec = Limits;
    type Schema = Limits;
    type Compiled = Bounds;
    const DOC: &'static str = "Word limits.";
    const KEYS: &'static [Key] = &KEYS;

    fn compile(cx: &mut Cx, spec: Limits, _: &[String]) -> Bounds {
        compile(cx, spec)
    }

    /// The section's word count against `words`.
    fn counts(words: &Bounds, cx: &mut SectionCx, stats: &TextStats) {
        cx.bounds(words, stats.words, RULES, KEYS);
    }

    fn limits(words: &Bounds, limits: &mut AppliedLimits) {
        limits.words = words.range();
    }

    fn info(words: &Bounds, info: &mut SectionInfo) {
        info.max_words = words.max.as_ref().map(|(n, _)| *n);
        info.min_words = words.min.as_ref().map(|(n, _)| *n);
    }
}

impl Bounds {
    /// The limits in force, for the report; `None` when there are none.
    pub(crate) fn range(&self) -> Option<Range> {
        let r = Range {
            min: self.min.as_ref().map(|x| x.0),
            max: self.max.as_ref().map(|x| x.0),
            warn_at: self.warn_from.as_ref().map(|x| x.0),
        };
        (r != Range::default()).then_some(r)
    }
}

/// Compiles `words` or `chars` (called under that key).
pub(crate) fn compile(cx: &mut Cx, l: Limits) -> Bounds {
    let group = group_meta(cx, l.severity, l.message);
    let min = member(cx, "min", l.min, &group);
    let max = member(cx, "max", l.max, &group);
    if let (Some((lo, _)), Some((hi, _))) = (&min, &max) {
        if lo > hi {
            cx.key("min", |cx| cx.expected_with(Code::MinAboveMax, format!("at most max ({hi})"), lo.to_string()));
        }
    }
    if let Some((0, _)) = &max {
        cx.key("max", |cx| cx.expected_with(Code::OutOfRange, "a maximum above 0", "0"));
    }
    if let Some(Check::Detailed(Detailed { severity: Some(Severity::Error), .. })) = &l.warn_at {
        cx.key("warnAt", |cx| {
            cx.key("severity", |cx| {
                cx.problem(
                    Code::WarnAtIsAWarning,
                    "`warnAt` gives a warning before the limit; an error is what `max` gives",
                )
            })
        });
    }
    let warn_from = match (check(cx, "warnAt", l.warn_at), &max) {
        (None, _) => None,
        (Some(_), None) if l.max_unreadable => None,
        (Some(_), None) => {
            cx.key("warnAt", |cx| {
                cx.problem(Code::WarnAtWithoutMax, "`warnAt` is a fraction of `max`, and there is no `max`")
            });
            None
        }
        (Some((f, _)), Some(_)) if !(f > 0.0 && f < 1.0) => {
            cx.key("warnAt", |cx| {
                cx.expected_with(
                    Code::OutOfRange,
                    "a fraction between 0 and 1, such as 0.9",
                    messages::decimal(f, Lang::En),
                )
            });
            None
        }
        (Some((f, mut meta)), Some((hi, _))) => {
            // A warning before the limit is a warning by definition; past the limit, `max` speaks.
            meta.severity = Severity::Warning;
            Some(((f * f64::from(*hi)).ceil() as u32, meta))
        }
    };
    Bounds { min, max, warn_from }
}

impl SectionCx<'_> {
    /// Checks a count against bounds: the rule ids and message keys are `min`, `max`, `warnAt`.
    pub(crate) fn bounds(&mut self, b: &Bounds, count: u32, rules: [&'static str; 3], keys: [Key; 3]) {
        let title = &self.section.title;
        if let Some((max, meta)) = &b.max {
            if count > *max {
                let args = Args::new(title).with("count", self.n(count.into())).with("max", self.n((*max).into()));
                return self.push(rules[1], meta, keys[1], args, None);
            }
        }
        if let Some((min, meta)) = &b.min {
            if count < *min {
                let args = Args::new(title).with("count", self.n(count.into())).with("min", self.n((*min).into()));
                return self.push(rules[0], meta, keys[0], args, None);
            }
        }
        if let (Some((from, meta)), Some((max, _))) = (&b.warn_from, &b.max) {
            if count >= *from {
                let args = Args::new(title).with("count", self.n(count.into())).with("max", self.n((*max).into()));
                self.push(rules[2], meta, keys[2], args, None);
            }
        }
    }
}
