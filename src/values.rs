//! A form snapshot: field name → text, list of texts, or file metadata.

use serde::de::{self, Deserialize, Deserializer};
use serde::Serialize;

use crate::value::Value;

/// Metadata of one chosen file (what `File` exposes in the browser).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct FileMeta {
    /// The file's name.
    pub name: String,
    /// MIME type as the browser reports it; may be empty.
    #[serde(rename = "type")]
    pub mime: String,
    /// Size in bytes.
    pub size: u64,
}

/// The value of one form field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    /// Text inputs, textareas, selects, radio groups.
    Text(String),
    /// Checkbox groups and multi-selects: the checked values.
    List(Vec<String>),
    /// File inputs.
    Files(Vec<FileMeta>),
}

impl FieldValue {
    /// True when nothing was entered: blank text, nothing checked, no file.
    pub fn is_empty(&self) -> bool {
        match self {
            FieldValue::Text(t) => t.trim().is_empty(),
            FieldValue::List(items) => items.iter().all(|i| i.trim().is_empty()),
            FieldValue::Files(files) => files.is_empty(),
        }
    }
}

/// A snapshot of the form: every field's value by name. Missing fields are empty.
///
/// A select, radio group or checkbox group submits its options' values (often ids such as
/// `"3"`) while a rules file's `choice` may list what the applicant reads (`"Umum"`); so the
/// visible texts of the chosen options can be given too ([`Values::labels`]), and `choice`
/// and `when` accept an option by its value or its visible text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Values {
    map: ByName<FieldValue>,
    /// The visible texts of the chosen options, by field, in the order of their values.
    #[serde(skip)]
    labels: ByName<Vec<String>>,
}

/// A map by field name kept as a list sorted by name (the order a `BTreeMap` has): a form has
/// tens of fields, and the two `BTreeMap`s this replaced cost the WebAssembly module about
/// 2 KB gzip of tree code.
#[derive(Debug, Clone, PartialEq)]
struct ByName<T>(Vec<(String, T)>);

impl<T> Default for ByName<T> {
    fn default() -> Self {
        ByName(Vec::new())
    }
}

impl<T> ByName<T> {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    fn get(&self, key: &str) -> Option<&T> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    fn insert(&mut self, key: String, value: T) {
        match self.find(&key) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<T: Serialize> Serialize for ByName<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl Values {
    /// An empty snapshot.
    pub fn new() -> Self {
        Values::default()
    }

    /// A field's value, if it has one.
    pub fn get(&self, field: &str) -> Option<&FieldValue> {
        self.map.get(field)
    }

    /// Sets a field's value.
    pub fn insert(&mut self, field: impl Into<String>, value: FieldValue) -> &mut Self {
        self.map.insert(field.into(), value);
        self
    }

    /// Sets a text field.
    pub fn text(&mut self, field: impl Into<String>, text: impl Into<String>) -> &mut Self {
        self.insert(field, FieldValue::Text(text.into()))
    }

    /// Sets the visible texts of a choice field's chosen options, one per value in the same
    /// order (the text of `<option value="3">Umum</option>`, a radio button's label).
    ///
    /// # Example
    /// ```
    /// let mut values = borang::Values::new();
    /// values.text("kelompok", "3").labels("kelompok", vec!["Umum".into()]);
    /// assert_eq!(values.label("kelompok", 0), Some("Umum"));
    /// ```
    pub fn labels(&mut self, field: impl Into<String>, labels: Vec<String>) -> &mut Self {
        self.labels.insert(field.into(), labels);
        self
    }

    /// The visible text of a choice field's `index`th chosen option, when it was given.
    pub fn label(&self, field: &str, index: usize) -> Option<&str> {
        self.labels.get(field)?.get(index).map(String::as_str)
    }

    /// Every field and its value.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &FieldValue)> {
        self.map.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Reads values from JSON text (the CLI's `VALUES.json`).
    pub fn from_json(text: &str) -> Result<Values, String> {
        Values::from_value(Value::from_json(text)?)
    }
}

impl<K: Into<String>, V: Into<FieldValue>> FromIterator<(K, V)> for Values {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut values = Values::new();
        for (k, v) in iter {
            values.map.insert(k.into(), v.into());
        }
        values
    }
}

impl From<&str> for FieldValue {
    fn from(s: &str) -> Self {
        FieldValue::Text(s.to_owned())
    }
}

impl From<String> for FieldValue {
    fn from(s: String) -> Self {
        FieldValue::Text(s)
    }
}

impl From<Vec<&str>> for FieldValue {
    fn from(v: Vec<&str>) -> Self {
        FieldValue::List(v.into_iter().map(str::to_owned).collect())
    }
}

impl From<FileMeta> for FieldValue {
    fn from(f: FileMeta) -> Self {
        FieldValue::Files(vec![f])
    }
}

impl<'de> Deserialize<'de> for Values {
    /// Through [`Value`], so that every source (JSON text, a JS object) is read by the one
    /// conversion in [`Values::from_value`].
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Values::from_value(Value::deserialize(d)?).map_err(de::Error::custom)
    }
}

impl Values {
    /// Reads a snapshot from a JSON tree: an object of field name → text (numbers and booleans
    /// are taken as their text), list of texts, file `{name, type, size}` or list of files;
    /// `null` is an absent field. Unknown keys of a file (such as `lastModified`) are ignored.
    /// A chosen option may be given with its visible text, `{"value": "3", "label": "Umum"}`,
    /// alone or in a list.
    pub fn from_value(value: Value) -> Result<Values, String> {
        let Value::Object(pairs) = value else {
            return Err(format!("expected an object of field name → value, found {}", value.kind()));
        };
        let mut values = Values::new();
        for (field, value) in pairs {
            let read = match value {
                Value::Null => continue,
                Value::Array(items) if items.iter().any(is_option) => {
                    options(items).map(|(values, labels)| (FieldValue::List(values), Some(labels)))
                }
                Value::Array(items) => list(items).map(|v| (v, None)),
                ref v @ Value::Object(_) if is_option(v) => {
                    option(value).map(|(value, label)| (FieldValue::Text(value), Some(vec![label])))
                }
                Value::Object(_) => file(value).map(|f| (FieldValue::Files(vec![f]), None)),
                scalar => text(scalar).map(|t| (FieldValue::Text(t), None)),
            };
            let (read, labels) = read.map_err(|e| format!("{field}: {e}"))?;
            if let Some(labels) = labels {
                values.labels.insert(field.clone(), labels);
            }
            values.map.insert(field, read);
        }
        Ok(values)
    }
}

/// A chosen option written with its text: an object with `value` (and `label`).
fn is_option(value: &Value) -> bool {
    value.get("value").is_some()
}

/// `{"value": "3", "label": "Umum"}` → the value and its visible text (empty when not given).
fn option(value: Value) -> Result<(String, String), String> {
    let Value::Object(pairs) = value else {
        return Err(format!("expected an option {{value, label}}, found {}", value.kind()));
    };
    let (mut chosen, mut label) = (None, String::new());
    for (key, value) in pairs {
        match key.as_str() {
            "value" => chosen = Some(text(value)?),
            // `label: undefined` from JavaScript arrives as null: no text given.
            "label" if value == Value::Null => {}
            "label" => label = text(value)?,
            other => return Err(format!("an option has `value` and `label`, not `{other}`")),
        }
    }
    Ok((chosen.ok_or("an option needs its `value`")?, label))
}

fn options(items: Vec<Value>) -> Result<(Vec<String>, Vec<String>), String> {
    let mut values = Vec::new();
    let mut labels = Vec::new();
    for item in items.into_iter().filter(|i| !matches!(i, Value::Null)) {
        let (value, label) = match item {
            Value::Object(_) => option(item),
            scalar => text(scalar).map(|t| (t, String::new())),
        }
        .map_err(|e| format!("a list of options: {e}"))?;
        values.push(value);
        labels.push(label);
    }
    Ok((values, labels))
}

fn text(value: Value) -> Result<String, String> {
    match value {
        Value::String(s) => Ok(s),
        Value::Number(n) => Ok(crate::value::format_number(n)),
        Value::Bool(b) => Ok(b.to_string()),
        other => Err(format!("expected a text, found {}", other.kind())),
    }
}

fn list(items: Vec<Value>) -> Result<FieldValue, String> {
    let files = items.iter().any(|i| matches!(i, Value::Object(_)));
    let items = items.into_iter().filter(|i| !matches!(i, Value::Null));
    if files {
        let files = items.map(file).collect::<Result<_, _>>().map_err(|e| format!("a list of files: {e}"))?;
        Ok(FieldValue::Files(files))
    } else {
        Ok(FieldValue::List(items.map(text).collect::<Result<_, _>>()?))
    }
}

fn file(value: Value) -> Result<FileMeta, String> {
    let Value::Object(pairs) = value else {
        return Err(format!("expected a file {{name, type, size}}, found {}", value.kind()));
    };
    let mut meta = FileMeta::default();
    for (key, value) in pairs {
        match (key.as_str(), value) {
            ("name", Value::String(s)) => meta.name = s,
            ("type", Value::String(s)) => meta.mime = s,
            ("size", Value::Number(n)) if n >= 0.0 && n.fract() == 0.0 => meta.size = n as u64,
            ("name" | "type" | "size", other) => {
                return Err(format!("the file's `{key}` cannot be {}", other.describe()));
            }
            _ => {}
        }
    }
    Ok(meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_shape() {
        let v = Values::from_json(
            r#"{"a":"teks","b":["1","3"],"c":{"name":"x.pdf","type":"application/pdf","size":10},
                "d":[{"name":"y.pdf","size":3}],"e":null,"f":12,"g":true,"h":[]}"#,
        )
        .unwrap();
        assert_eq!(v.get("a"), Some(&FieldValue::Text("teks".into())));
        assert_eq!(v.get("b"), Some(&FieldValue::List(vec!["1".into(), "3".into()])));
        assert!(matches!(v.get("c"), Some(FieldValue::Files(f)) if f[0].size == 10 && f[0].mime == "application/pdf"));
        assert!(matches!(v.get("d"), Some(FieldValue::Files(f)) if f[0].mime.is_empty()));
        assert_eq!(v.get("e"), None);
        assert_eq!(v.get("f"), Some(&FieldValue::Text("12".into())));
        assert_eq!(v.get("g"), Some(&FieldValue::Text("true".into())));
        assert_eq!(v.get("h"), Some(&FieldValue::List(vec![])));
    }

    #[test]
    fn rejects_mixed_lists_and_unknown_file_keys_are_ignored() {
        assert!(Values::from_json(r#"{"a":["x",{"name":"y"}]}"#).is_err());
        assert!(Values::from_json(r#"{"a":[["x"]]}"#).is_err());
        assert!(Values::from_json(r#"{"a":{"name":"y","size":-1}}"#).is_err());
        assert_eq!(
            Values::from_json(r#"[1]"#).unwrap_err(),
            "expected an object of field name → value, found an array"
        );
        let v = Values::from_json(r#"{"a":{"name":"y.pdf","lastModified":1}}"#).unwrap();
        assert!(matches!(v.get("a"), Some(FieldValue::Files(f)) if f[0].name == "y.pdf"));
        // The same through serde, as the browser boundary and other callers use it.
        let via_serde: Values = serde_json::from_str(r#"{"b":["1",2]}"#).unwrap();
        assert_eq!(via_serde.get("b"), Some(&FieldValue::List(vec!["1".into(), "2".into()])));
    }
}
