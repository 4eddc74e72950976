//! `pattern`: the whole text must match a linear-time pattern (like HTML `pattern`), compiled
//! by [`crate::pattern`].
//!
//! ```json
//! "pattern": "[0-9]{18}"
//! "pattern": {"regex": "[0-9]{18}", "description": {"id": "18 digit angka", "en": "18 digits"}}
//! ```

use schemars::JsonSchema;

use super::Kind;
use crate::check::SectionCx;
use crate::known_keys;
use crate::messages::{Args, Key};
use crate::pattern::{Pattern, MAX_MATCH_STEPS};
use crate::problem::{Code, Cx, FromValue};
use crate::rules::{meta, Meta};
use crate::spec::{Detailed, InlineMeta, Message, Severity};
use crate::value::Value;

/// The rule id in reports.
pub(crate) const RULE: &str = "pattern";

/// A pattern alone, with options, or either as the `value` of
/// `{"value", "severity", "message"}`.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(untagged)]
pub(crate) enum PatternSchema {
    Regex(String),
    Full(PatternSpec),
    Wrapped(Detailed<PatternValueSchema>),
}

/// A pattern alone or with options.
#[allow(dead_code)]
#[derive(JsonSchema)]
#[serde(untagged)]
pub(crate) enum PatternValueSchema {
    Regex(String),
    Full(PatternSpec),
}

/// A pattern the whole text must match: a linear-time subset of JavaScript regular
/// expressions (no backreferences or lookaround).
#[derive(Debug, Clone, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct PatternSpec {
    pub regex: String,
    pub case_insensitive: Option<bool>,
    /// What the pattern asks for, in words, for the default message ("18 digit angka").
    #[schemars(with = "Option<crate::spec::MessageSchema>")]
    pub description: Option<Message>,
    pub severity: Option<Severity>,
    #[schemars(with = "Option<crate::spec::MessageSchema>")]
    pub message: Option<Message>,
}

impl InlineMeta for PatternSpec {
    fn meta_mut(&mut self) -> (&mut Option<Severity>, &mut Option<Message>) {
        (&mut self.severity, &mut self.message)
    }
}

impl FromValue for PatternSpec {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        if let Some(wrapped) = Self::read_wrapped(cx, v, PatternSpec::read_plain) {
            return wrapped;
        }
        Self::read_plain(cx, v)
    }
}

impl PatternSpec {
    fn read_plain(cx: &mut Cx, v: &Value) -> Option<Self> {
        if let Value::String(s) = v {
            return Some(PatternSpec {
                regex: s.clone(),
                case_insensitive: None,
                description: None,
                severity: None,
                message: None,
            });
        }
        let o = cx.object(v, known_keys::PATTERN_SPEC)?;
        let regex = o.req(cx, "regex", "a pattern");
        let spec = PatternSpec {
            regex: regex.clone().unwrap_or_default(),
            case_insensitive: o.opt(cx, "caseInsensitive"),
            description: o.opt(cx, "description"),
            severity: o.opt(cx, "severity"),
            message: o.opt(cx, "message"),
        };
        regex.map(|_| spec)
    }
}

/// A compiled pattern, its description and its severity and message.
pub(crate) type Compiled = (Pattern, Option<Message>, Meta);

/// The kind `pattern`.
pub(crate) struct Rule;

impl Kind for Rule {
    type Spec = PatternSpec;
    type Schema = PatternSchema;
    type Compiled = Option<Compiled>;
    const DOC: &'static str = "The text must match this linear-time pattern (whole value, like HTML `pattern`).";
    const KEYS: &'static [Key] = &[Key::Pattern, Key::PatternDescribed, Key::PatternTooCostly];

    fn compile(cx: &mut Cx, spec: PatternSpec, _: &[String]) -> Option<Compiled> {
        compile(cx, spec)
    }

    /// One text value of `field` against the section's `pattern`.
    fn text(pattern: &Option<Compiled>, cx: &mut SectionCx, field: &str, text: &str, _: Option<&str>) {
        let Some((pattern, description, meta)) = pattern else { return };
        let title = &cx.section.title;
        let matched = pattern.is_match_within(text, MAX_MATCH_STEPS);
        if matched.is_none() {
            // Not the applicant's fault, and nothing to block on: say the format went
            // unchecked (the rules' own message is about a mismatch, so not that one).
            let meta = Meta { severity: Severity::Warning, message: None };
            cx.push(RULE, &meta, Key::PatternTooCostly, Args::new(title), Some(field));
        } else if matched == Some(false) {
            let (key, args) = match description.as_ref().and_then(|d| d.get(cx.lang)) {
                Some(d) => (Key::PatternDescribed, Args::new(title).with("description", d)),
                None => (Key::Pattern, Args::new(title)),
            };
            cx.push(RULE, meta, key, args.with("value", text), Some(field));
        }
    }
}

/// Compiles `pattern` (called under the key `pattern`).
fn compile(cx: &mut Cx, p: PatternSpec) -> Option<Compiled> {
    let meta = meta(cx, p.severity, p.message);
    match Pattern::compile(&p.regex, p.case_insensitive.unwrap_or(false)) {
        Ok(compiled) => Some((compiled, p.description, meta)),
        Err(e) => {
            cx.key("regex", |cx| {
                cx.invalid(
                    Code::InvalidPattern,
                    format!("the pattern does not compile: {e}"),
                    "a linear-time pattern (no backreferences or lookaround)",
                    &Value::String(p.regex),
                )
            });
            None
        }
    }
}
