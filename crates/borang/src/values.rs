//! A form snapshot: field name → text, list of texts, or file metadata.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;

/// Metadata of one chosen file (what `File` exposes in the browser).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct FileMeta {
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
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Values {
    map: BTreeMap<String, FieldValue>,
}

impl Values {
    pub fn new() -> Self {
        Values::default()
    }

    pub fn get(&self, field: &str) -> Option<&FieldValue> {
        self.map.get(field)
    }

    pub fn insert(&mut self, field: impl Into<String>, value: FieldValue) -> &mut Self {
        self.map.insert(field.into(), value);
        self
    }

    /// Sets a text field.
    pub fn text(&mut self, field: impl Into<String>, text: impl Into<String>) -> &mut Self {
        self.insert(field, FieldValue::Text(text.into()))
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &FieldValue)> {
        self.map.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Reads values from JSON text (the CLI's `VALUES.json`).
    pub fn from_json(text: &str) -> Result<Values, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

impl<K: Into<String>, V: Into<FieldValue>> FromIterator<(K, V)> for Values {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Values { map: iter.into_iter().map(|(k, v)| (k.into(), v.into())).collect() }
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
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapVisitor;
        impl<'de> Visitor<'de> for MapVisitor {
            type Value = Values;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of field name → value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Values, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value: Option<FieldValue> = map.next_value::<MaybeField>()?.0;
                    if let Some(value) = value {
                        out.insert(key, value);
                    }
                }
                Ok(Values { map: out })
            }
        }
        d.deserialize_map(MapVisitor)
    }
}

/// A field value where `null` means "absent".
struct MaybeField(Option<FieldValue>);

impl<'de> Deserialize<'de> for MaybeField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FieldVisitor)
    }
}

struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = MaybeField;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, a list of texts, a file {name, type, size} or a list of files")
    }
    fn visit_str<E>(self, v: &str) -> Result<MaybeField, E> {
        Ok(MaybeField(Some(FieldValue::Text(v.to_owned()))))
    }
    fn visit_string<E>(self, v: String) -> Result<MaybeField, E> {
        Ok(MaybeField(Some(FieldValue::Text(v))))
    }
    fn visit_bool<E>(self, v: bool) -> Result<MaybeField, E> {
        Ok(MaybeField(Some(FieldValue::Text(v.to_string()))))
    }
    fn visit_i64<E>(self, v: i64) -> Result<MaybeField, E> {
        Ok(MaybeField(Some(FieldValue::Text(v.to_string()))))
    }
    fn visit_u64<E>(self, v: u64) -> Result<MaybeField, E> {
        Ok(MaybeField(Some(FieldValue::Text(v.to_string()))))
    }
    fn visit_f64<E>(self, v: f64) -> Result<MaybeField, E> {
        Ok(MaybeField(Some(FieldValue::Text(crate::value::format_number(v)))))
    }
    fn visit_unit<E>(self) -> Result<MaybeField, E> {
        Ok(MaybeField(None))
    }
    fn visit_none<E>(self) -> Result<MaybeField, E> {
        Ok(MaybeField(None))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<MaybeField, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<MaybeField, A::Error> {
        let file = FileMeta::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(MaybeField(Some(FieldValue::Files(vec![file]))))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<MaybeField, A::Error> {
        let mut texts = Vec::new();
        let mut files = Vec::new();
        while let Some(item) = seq.next_element::<Item>()? {
            match item {
                Item::Text(t) => texts.push(t),
                Item::File(f) => files.push(f),
                Item::Null => {}
            }
            if !texts.is_empty() && !files.is_empty() {
                return Err(de::Error::custom("a list mixes texts and files"));
            }
        }
        Ok(MaybeField(Some(if files.is_empty() { FieldValue::List(texts) } else { FieldValue::Files(files) })))
    }
}

enum Item {
    Text(String),
    File(FileMeta),
    Null,
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match d.deserialize_any(FieldVisitor)?.0 {
            Some(FieldValue::Text(t)) => Ok(Item::Text(t)),
            Some(FieldValue::Files(mut f)) if f.len() == 1 => Ok(Item::File(f.remove(0))),
            None => Ok(Item::Null),
            Some(_) => Err(de::Error::custom("a list inside a list")),
        }
    }
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
        assert!(Values::from_json(r#"[1]"#).is_err());
    }
}
