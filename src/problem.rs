//! Problems found in a rules file, each with its path, and the context that collects them.

use std::fmt;

use serde::Serialize;

use crate::value::Value;

/// What kind of problem a [`Problem`] is: a stable name for tools and tests to match on (the
/// `message` is prose and may change). Serialized in kebab-case (`unknown-key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Code {
    /// The rules file is larger than [`crate::MAX_RULES_BYTES`].
    TooLarge,
    /// The text is not JSON.
    NotJson,
    /// A value of the wrong type (a string where a number goes, …).
    ExpectedType,
    /// A key the object does not take; `known` lists those it does.
    UnknownKey,
    /// A key given twice in one object.
    RepeatedKey,
    /// A required key is missing.
    MissingKey,
    /// A name outside its list (a language, a format type, an operator, a severity).
    UnknownValue,
    /// A value of the right type that is not valid (a section id, a host, a file type, a date).
    InvalidValue,
    /// A name, id, title or list that is empty.
    EmptyValue,
    /// `extends` names no preset; `known` lists the presets.
    UnknownPreset,
    /// Presets extend each other too deeply.
    ExtendsTooDeep,
    /// With `extends`, `null` for a section the preset does not have.
    UnknownSection,
    /// A condition or comparison reads a field no section covers.
    UnknownFieldReference,
    /// A custom message uses a placeholder that does not exist.
    UnknownPlaceholder,
    /// More sections than [`crate::MAX_SECTIONS`].
    TooManySections,
    /// A form without sections.
    NoSections,
    /// A section that covers no field.
    NoFields,
    /// Two sections with the same id.
    DuplicateId,
    /// `severity` or `message` given both beside `value` and inside it.
    GivenTwice,
    /// A minimum above its maximum.
    MinAboveMax,
    /// A number outside what the check takes (a maximum of 0, a `warnAt` not between 0 and 1).
    OutOfRange,
    /// An option of another kind (`hosts` on a date format, …).
    NotApplicable,
    /// A pattern that does not compile to a linear-time matcher.
    InvalidPattern,
    /// A condition must give exactly one of `equals`, `notEquals`, `oneOf`, `filled`.
    ConditionTest,
    /// `warnAt` with no `max` to be a fraction of.
    WarnAtWithoutMax,
    /// `warnAt` given the severity `error`.
    WarnAtIsAWarning,
}

impl Code {
    /// The code as tools see it: `unknown-key`, `expected-type`, ….
    ///
    /// # Example
    /// ```
    /// let err = borang::Rules::from_json(r#"{"title": "x", "sections": [], "sectons": []}"#).unwrap_err();
    /// assert_eq!(err.problems[0].code.as_str(), "unknown-key");
    /// ```
    pub fn as_str(self) -> &'static str {
        use Code::*;
        match self {
            TooLarge => "too-large",
            NotJson => "not-json",
            ExpectedType => "expected-type",
            UnknownKey => "unknown-key",
            RepeatedKey => "repeated-key",
            MissingKey => "missing-key",
            UnknownValue => "unknown-value",
            InvalidValue => "invalid-value",
            EmptyValue => "empty-value",
            UnknownPreset => "unknown-preset",
            ExtendsTooDeep => "extends-too-deep",
            UnknownSection => "unknown-section",
            UnknownFieldReference => "unknown-field-reference",
            UnknownPlaceholder => "unknown-placeholder",
            TooManySections => "too-many-sections",
            NoSections => "no-sections",
            NoFields => "no-fields",
            DuplicateId => "duplicate-id",
            GivenTwice => "given-twice",
            MinAboveMax => "min-above-max",
            OutOfRange => "out-of-range",
            NotApplicable => "not-applicable",
            InvalidPattern => "invalid-pattern",
            ConditionTest => "condition-test",
            WarnAtWithoutMax => "warn-at-without-max",
            WarnAtIsAWarning => "warn-at-is-a-warning",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in a rules file: where, what, and what was expected instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// What kind of problem, for tools and tests to match on.
    pub code: Code,
    /// Where the problem is, e.g. `sections[3].words.max` (empty for the whole file).
    pub path: String,
    /// What is wrong, in English.
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// What was expected there.
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// What was found instead.
    pub found: Option<String>,
    /// For an unknown key: the keys that are known at that place.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub known: Vec<String>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str("(file)")?;
        } else {
            f.write_str(&self.path)?;
        }
        write!(f, ": {}", self.message)?;
        if self.message.starts_with("expected ") {
            // `Cx::expected` already said both.
        } else {
            match (&self.expected, &self.found) {
                (Some(e), Some(x)) => write!(f, " (expected {e}, found {x})")?,
                (Some(e), None) => write!(f, " (expected {e})")?,
                (None, Some(x)) => write!(f, " (found {x})")?,
                (None, None) => {}
            }
        }
        if !self.known.is_empty() {
            write!(f, "; known keys: {}", self.known.join(", "))?;
        }
        Ok(())
    }
}

/// Every problem of a rules file that could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RulesError {
    /// Every problem, in the order of the file.
    pub problems: Vec<Problem>,
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(f, "the rules have {n} problem{}:", if n == 1 { "" } else { "s" })?;
        for p in &self.problems {
            write!(f, "\n  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RulesError {}

impl RulesError {
    /// An error of one problem without expected/found, e.g. for input that is not JSON.
    pub fn single(code: Code, path: &str, message: impl Into<String>) -> Self {
        let problem = Problem {
            code,
            path: path.to_owned(),
            message: message.into(),
            expected: None,
            found: None,
            known: Vec::new(),
        };
        RulesError { problems: vec![problem] }
    }

    pub(crate) fn expected(path: &str, message: &str, expected: &str, found: &Value) -> Self {
        let mut err = RulesError::single(Code::ExpectedType, path, message);
        err.problems[0].expected = Some(expected.to_owned());
        err.problems[0].found = Some(found.describe());
        err
    }
}

#[derive(Debug, Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

/// Walks a [`Value`] tree, remembering the path, collecting problems instead of stopping.
#[derive(Debug, Default)]
pub(crate) struct Cx {
    path: Vec<Seg>,
    pub(crate) problems: Vec<Problem>,
}

impl Cx {
    pub(crate) fn path(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Seg::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Seg::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    pub(crate) fn key<R>(&mut self, key: &str, f: impl FnOnce(&mut Cx) -> R) -> R {
        self.enter_key(key);
        let r = f(self);
        self.leave();
        r
    }

    pub(crate) fn index<R>(&mut self, i: usize, f: impl FnOnce(&mut Cx) -> R) -> R {
        self.enter(Seg::Index(i));
        let r = f(self);
        self.leave();
        r
    }

    // Out of line: `key` and `index` are instantiated for every closure that reads a member
    // (size, issue "Weight").
    #[inline(never)]
    fn enter_key(&mut self, key: &str) {
        self.path.push(Seg::Key(key.to_owned()));
    }

    #[inline(never)]
    fn enter(&mut self, seg: Seg) {
        self.path.push(seg);
    }

    #[inline(never)]
    fn leave(&mut self) {
        self.path.pop();
    }

    pub(crate) fn problem(&mut self, code: Code, message: impl Into<String>) {
        self.push(code, message.into(), None, None, Vec::new());
    }

    /// A value of the wrong type.
    pub(crate) fn expected(&mut self, expected: impl Into<String>, found: impl Into<String>) {
        self.expected_with(Code::ExpectedType, expected, found);
    }

    /// Another problem said as "expected …, found …".
    pub(crate) fn expected_with(&mut self, code: Code, expected: impl Into<String>, found: impl Into<String>) {
        let (expected, found) = (expected.into(), found.into());
        self.push(code, format!("expected {expected}, found {found}"), Some(expected), Some(found), Vec::new());
    }

    pub(crate) fn invalid(
        &mut self,
        code: Code,
        message: impl Into<String>,
        expected: impl Into<String>,
        found: &Value,
    ) {
        self.push(code, message.into(), Some(expected.into()), Some(found.describe()), Vec::new());
    }

    fn push(
        &mut self,
        code: Code,
        message: String,
        expected: Option<String>,
        found: Option<String>,
        known: Vec<String>,
    ) {
        self.problems.push(Problem { code, path: self.path(), message, expected, found, known });
    }

    /// Opens `v` as an object whose keys must all be in `known`. Unknown and repeated keys are
    /// reported (with a suggestion when one known key is close), and parsing goes on.
    pub(crate) fn object<'v>(&mut self, v: &'v Value, known: &[&str]) -> Option<Obj<'v>> {
        let Value::Object(pairs) = v else {
            self.expected("an object", v.describe());
            return None;
        };
        for (i, (key, _)) in pairs.iter().enumerate() {
            if pairs[..i].iter().any(|(k, _)| k == key) {
                self.key(key, |cx| {
                    cx.problem(Code::RepeatedKey, "this key is repeated; only the last one would count")
                });
            } else if !known.contains(&key.as_str()) {
                let suggestion = closest(key, known);
                let message = match suggestion {
                    Some(s) => format!("unknown key `{key}`; did you mean `{s}`?"),
                    None => format!("unknown key `{key}`"),
                };
                let known = known.iter().map(|k| (*k).to_owned()).collect();
                self.key(key, |cx| cx.push(Code::UnknownKey, message, None, None, known));
            }
        }
        Some(Obj { pairs })
    }
}

/// An object being read; keys were checked by [`Cx::object`].
pub(crate) struct Obj<'v> {
    pairs: &'v [(String, Value)],
}

impl<'v> Obj<'v> {
    pub(crate) fn get(&self, key: &str) -> Option<&'v Value> {
        self.pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Reads an optional member.
    pub(crate) fn opt<T: FromValue>(&self, cx: &mut Cx, key: &str) -> Option<T> {
        let v = self.get(key)?;
        cx.key(key, |cx| T::from_value(cx, v))
    }

    /// Reads a required member; its absence is a problem.
    pub(crate) fn req<T: FromValue>(&self, cx: &mut Cx, key: &str, expected: &str) -> Option<T> {
        if self.get(key).is_none() {
            cx.push(
                Code::MissingKey,
                format!("missing required key `{key}`"),
                Some(expected.to_owned()),
                None,
                Vec::new(),
            );
            return None;
        }
        self.opt(cx, key)
    }
}

/// Types read from a [`Value`] with problems collected in a [`Cx`].
pub(crate) trait FromValue: Sized {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self>;
}

impl FromValue for String {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        match v {
            Value::String(s) => Some(s.clone()),
            other => {
                cx.expected("a string", other.describe());
                None
            }
        }
    }
}

impl FromValue for bool {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        match v {
            Value::Bool(b) => Some(*b),
            other => {
                cx.expected("true or false", other.describe());
                None
            }
        }
    }
}

impl FromValue for f64 {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        match v {
            Value::Number(n) if n.is_finite() => Some(*n),
            other => {
                cx.expected("a number", other.describe());
                None
            }
        }
    }
}

fn whole_number(cx: &mut Cx, v: &Value, max: f64) -> Option<f64> {
    match v {
        Value::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n <= max => Some(*n),
        other => {
            cx.expected("a whole number ≥ 0", other.describe());
            None
        }
    }
}

impl FromValue for u32 {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        whole_number(cx, v, f64::from(u32::MAX)).map(|n| n as u32)
    }
}

impl FromValue for u64 {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        // Integers above 2^53 are not exact in JSON numbers anyway.
        whole_number(cx, v, 9_007_199_254_740_991.0).map(|n| n as u64)
    }
}

impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(cx: &mut Cx, v: &Value) -> Option<Self> {
        let Value::Array(items) = v else {
            cx.expected("an array", v.describe());
            return None;
        };
        // Items that could not be read were reported; the rest are kept so that their own
        // problems are found too.
        Some(items.iter().enumerate().filter_map(|(i, item)| cx.index(i, |cx| T::from_value(cx, item))).collect())
    }
}

/// The known key nearest to `key` by edit distance, if near enough to be a typo.
pub(crate) fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = key.to_ascii_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&lower, &k.to_ascii_lowercase()), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb { prev } else { 1 + prev.min(cur).min(row[j]) };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_keys_only() {
        assert_eq!(closest("wordz", &["words", "chars"]), Some("words"));
        assert_eq!(closest("maxWords", &["min", "max", "warnAt"]), None);
        assert_eq!(closest("Title", &["title", "id"]), Some("title"));
    }
}
