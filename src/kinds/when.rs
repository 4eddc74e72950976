//! `when`: the section applies only when conditions on other fields hold.
//!
//! ```json
//! "when": {"field": "jenis", "equals": "replikasi"}
//! "when": [{"field": "jenis", "oneOf": ["a", "b"]}, {"field": "tautan", "filled": true}]
//! ```
//!
//! No message of its own: a section that does not apply is reported `skipped`.

use schemars::JsonSchema;

use super::choice::is_option;
use super::Kind;
use crate::known_keys;
use crate::messages::Key;
use crate::problem::{Code, Cx, FromValue};
use crate::rules::{field_reference, SectionInfo};
use crate::value::Value;
use crate::values::{FieldValue, Values};

/// One condition or a list of conditions that must all hold.
#[derive(Debug, Clone, JsonSchema)]
#[serde(untagged)]
pub enum OneOrManyConditions {
    One(ConditionSpec),
    Many(Vec<ConditionSpec>),
}

/// A condition on another field's value. Give exactly one of `equals`, `notEquals`, `oneOf`,
/// `filled`.
#[derive(Debug, Clone, Default, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ConditionSpec {
    /// The field whose value decides.
    pub field: String,
    pub equals: Option<String>,
    pub not_equals: Option<String>,
    pub one_of: Option<Vec<String>>,
    /// `true`: the field has a value; `false`: it is empty.
    pub filled: Option<bool>,
}

impl FromValue for OneOrManyConditions {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        match v {
            Value::Array(items) if items.is_empty() => {
                cx.expected("a condition or a non-empty list of conditions", "an empty list");
                None
            }
            Value::Array(_) => Vec::<ConditionSpec>::from_value(cx, v).map(OneOrManyConditions::Many),
            _ => ConditionSpec::from_value(cx, v).map(OneOrManyConditions::One),
        }
    }
}

impl FromValue for ConditionSpec {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        let o = cx.object(v, known_keys::CONDITION_SPEC)?;
        Some(ConditionSpec {
            field: o.req(cx, "field", "the name of the field the condition reads")?,
            equals: o.opt(cx, "equals"),
            not_equals: o.opt(cx, "notEquals"),
            one_of: o.opt(cx, "oneOf"),
            filled: o.opt(cx, "filled"),
        })
    }
}

/// A compiled condition: the field it reads and what must hold of it.
#[derive(Debug, Clone)]
pub(crate) enum Condition {
    Equals(String, String),
    NotEquals(String, String),
    OneOf(String, Vec<String>),
    Filled(String, bool),
}

/// The kind `when`.
pub(crate) struct Rule;

impl Kind for Rule {
    type Spec = OneOrManyConditions;
    type Schema = OneOrManyConditions;
    type Compiled = Vec<Condition>;
    const DOC: &'static str = "The section applies only when this holds (a list: all of them).";
    const KEYS: &'static [Key] = &[];

    /// Compiles a section's `when`.
    fn compile(cx: &mut Cx, spec: OneOrManyConditions, covered: &[String]) -> Vec<Condition> {
        compile(cx, spec, covered)
    }

    fn applies(when: &Vec<Condition>, values: &Values) -> bool {
        when.iter().all(|c| c.holds(values))
    }

    fn info(when: &Vec<Condition>, info: &mut SectionInfo) {
        when.iter().for_each(|c| info.depend_on(c.field()));
    }
}

fn compile(cx: &mut Cx, spec: OneOrManyConditions, covered: &[String]) -> Vec<Condition> {
    match spec {
        OneOrManyConditions::One(c) => condition(cx, c, covered).into_iter().collect(),
        OneOrManyConditions::Many(cs) => {
            cs.into_iter().enumerate().filter_map(|(i, c)| cx.index(i, |cx| condition(cx, c, covered))).collect()
        }
    }
}

fn condition(cx: &mut Cx, c: ConditionSpec, covered: &[String]) -> Option<Condition> {
    field_reference(cx, &c.field, covered);
    let given = [c.equals.is_some(), c.not_equals.is_some(), c.one_of.is_some(), c.filled.is_some()];
    if given.iter().filter(|g| **g).count() != 1 {
        cx.problem(Code::ConditionTest, "give exactly one of `equals`, `notEquals`, `oneOf`, `filled`");
        return None;
    }
    Some(match (c.equals, c.not_equals, c.one_of, c.filled) {
        (Some(v), ..) => Condition::Equals(c.field, v),
        (_, Some(v), ..) => Condition::NotEquals(c.field, v),
        (_, _, Some(v), _) => Condition::OneOf(c.field, v),
        (.., Some(v)) => Condition::Filled(c.field, v),
        _ => unreachable!("exactly one is given"),
    })
}

impl Condition {
    /// The field the condition reads.
    pub(crate) fn field(&self) -> &str {
        match self {
            Condition::Equals(f, _) | Condition::NotEquals(f, _) | Condition::OneOf(f, _) | Condition::Filled(f, _) => {
                f
            }
        }
    }

    /// Whether the condition holds for these values.
    pub(crate) fn holds(&self, values: &Values) -> bool {
        let value = values.get(self.field());
        let any = |pred: &dyn Fn(&str, Option<&str>) -> bool| match value {
            Some(FieldValue::Text(t)) => pred(t.trim(), values.label(self.field(), 0)),
            Some(FieldValue::List(items)) => {
                items.iter().enumerate().any(|(i, item)| pred(item.trim(), values.label(self.field(), i)))
            }
            _ => false,
        };
        match self {
            Condition::Equals(_, v) => any(&|x, label| is_option(x, label, v)),
            Condition::NotEquals(_, v) => !any(&|x, label| is_option(x, label, v)),
            Condition::OneOf(_, vs) => any(&|x, label| vs.iter().any(|v| is_option(x, label, v))),
            Condition::Filled(_, want) => value.is_some_and(|v| !v.is_empty()) == *want,
        }
    }
}
