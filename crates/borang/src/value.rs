//! A JSON tree that keeps key order and duplicate keys, so the rules parser can report
//! every problem with its path. It deserializes from anything serde can read: `serde_json`
//! natively, `serde-wasm-bindgen` from a JS object in the browser.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// One JSON value. Objects are ordered lists of pairs.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Parses JSON text. The error names the line and column.
    pub fn from_json(text: &str) -> Result<Value, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    /// The member `key` of an object (the last one, if repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(pairs) => pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A short name of the value's kind, for "expected …, found …" messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// A short rendering of the value for messages: strings quoted, long values cut.
    pub fn describe(&self) -> String {
        let text = match self {
            Value::String(s) => format!("{s:?}"),
            Value::Number(n) => format_number(*n),
            Value::Bool(b) => b.to_string(),
            Value::Null => "null".to_owned(),
            Value::Array(items) if items.is_empty() => "an empty array".to_owned(),
            Value::Array(items) => format!("an array of {} items", items.len()),
            Value::Object(_) => "an object".to_owned(),
        };
        if text.chars().count() > 60 {
            let cut: String = text.chars().take(57).collect();
            format!("{cut}…")
        } else {
            text
        }
    }

    /// JSON merge patch (RFC 7386): objects merge key by key, `null` deletes, anything
    /// else replaces.
    pub fn merge_patch(&mut self, patch: Value) {
        let Value::Object(patch_pairs) = patch else {
            *self = patch;
            return;
        };
        if !matches!(self, Value::Object(_)) {
            *self = Value::Object(Vec::new());
        }
        let Value::Object(pairs) = self else { unreachable!() };
        for (key, value) in patch_pairs {
            let existing = pairs.iter().position(|(k, _)| *k == key);
            match (existing, value) {
                (Some(i), Value::Null) => {
                    pairs.remove(i);
                }
                (None, Value::Null) => {}
                (Some(i), value) => pairs[i].1.merge_patch(value),
                (None, mut value) => {
                    value.strip_nulls();
                    pairs.push((key, value));
                }
            }
        }
    }

    fn strip_nulls(&mut self) {
        if let Value::Object(pairs) = self {
            pairs.retain(|(_, v)| !matches!(v, Value::Null));
            for (_, v) in pairs {
                v.strip_nulls();
            }
        }
    }
}

/// Numbers in messages: integers without a fraction.
pub(crate) fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(0).min(1024));
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            pairs.push((key, value));
        }
        Ok(Value::Object(pairs))
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => s.serialize_i64(*n as i64),
            Value::Number(n) => s.serialize_f64(*n),
            Value::String(v) => s.serialize_str(v),
            Value::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(pairs) => {
                let mut map = s.serialize_map(Some(pairs.len()))?;
                for (k, v) in pairs {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl From<serde_json::Value> for Value {
    fn from(v: serde_json::Value) -> Self {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(a) => Value::Array(a.into_iter().map(Value::from).collect()),
            serde_json::Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, Value::from(v))).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_duplicates() {
        let v = Value::from_json(r#"{"b":1,"a":2,"b":3}"#).unwrap();
        let Value::Object(pairs) = &v else { panic!() };
        let keys: Vec<_> = pairs.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
        assert_eq!(v.get("b"), Some(&Value::Number(3.0)));
    }

    #[test]
    fn merge_patch_follows_rfc7386() {
        let mut v = Value::from_json(r#"{"a":{"b":1,"c":2},"d":[1],"e":1}"#).unwrap();
        v.merge_patch(Value::from_json(r#"{"a":{"b":null,"x":{"y":null,"z":1}},"d":[2],"e":null}"#).unwrap());
        assert_eq!(v, Value::from_json(r#"{"a":{"c":2,"x":{"z":1}},"d":[2]}"#).unwrap());
    }

    #[test]
    fn syntax_errors_name_the_position() {
        let err = Value::from_json("{\n  \"a\": 1,\n}").unwrap_err();
        assert!(err.contains("line 3"), "{err}");
    }
}
