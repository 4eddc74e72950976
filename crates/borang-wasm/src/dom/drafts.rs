//! Drafts in `localStorage`, keyed by page and form. Written as the applicant types (a
//! little after they pause, and when the page is hidden), offered back after a reload or a
//! crash — never put back without the applicant's say-so — and cleared after a submit
//! that goes through. JSON is written and read by the core (`borang::Value`), so a page that
//! replaces `JSON.parse` cannot break or read drafts differently.

use borang::{FieldValue, Value};
use web_sys::Storage;

/// Version of the stored format, part of the key.
const KEY_PREFIX: &str = "borang:draft:v1:";

/// A saved draft.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Draft {
    /// Milliseconds since the Unix epoch.
    pub saved_at: f64,
    pub fields: Vec<(String, FieldValue)>,
}

pub(crate) struct Drafts {
    key: String,
    storage: Option<Storage>,
}

/// Why a draft could not be written.
pub(crate) enum SaveError {
    /// No `localStorage` (private mode, blocked by the browser) or it is full.
    Unavailable,
}

impl Drafts {
    /// `page` is the page's path, `form` a stable name of the form on it.
    pub fn new(page: &str, form: &str) -> Drafts {
        // `localStorage` itself throws in some private modes and sandboxed frames.
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        Drafts { key: format!("{KEY_PREFIX}{page}#{form}"), storage }
    }

    pub fn load(&self) -> Option<Draft> {
        let text = self.storage.as_ref()?.get_item(&self.key).ok().flatten()?;
        let value = Value::from_json(&text).ok()?;
        let saved_at = match value.get("savedAt") {
            Some(Value::Number(n)) => *n,
            _ => 0.0,
        };
        let Some(Value::Object(pairs)) = value.get("fields") else { return None };
        let fields = pairs
            .iter()
            .filter_map(|(name, v)| {
                let value = match v {
                    Value::String(s) => FieldValue::Text(s.clone()),
                    Value::Array(items) => {
                        FieldValue::List(items.iter().filter_map(|i| i.as_str().map(str::to_owned)).collect())
                    }
                    _ => return None,
                };
                Some((name.clone(), value))
            })
            .collect();
        Some(Draft { saved_at, fields })
    }

    /// Writes the fields that hold something; with nothing to keep, removes the draft.
    pub fn save(&self, saved_at: f64, fields: &[(String, FieldValue)]) -> Result<(), SaveError> {
        let storage = self.storage.as_ref().ok_or(SaveError::Unavailable)?;
        let kept: Vec<(String, Value)> = fields
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .filter_map(|(name, v)| {
                let value = match v {
                    FieldValue::Text(t) => Value::String(t.clone()),
                    FieldValue::List(l) => Value::Array(l.iter().cloned().map(Value::String).collect()),
                    FieldValue::Files(_) => return None,
                };
                Some((name.clone(), value))
            })
            .collect();
        if kept.is_empty() {
            self.clear();
            return Ok(());
        }
        let doc =
            Value::Object(vec![("savedAt".into(), Value::Number(saved_at)), ("fields".into(), Value::Object(kept))]);
        // Throws QuotaExceededError when full.
        storage.set_item(&self.key, &doc.to_json()).map_err(|_| SaveError::Unavailable)
    }

    pub fn clear(&self) {
        if let Some(storage) = &self.storage {
            let _ = storage.remove_item(&self.key);
        }
    }
}

impl Draft {
    /// Whether restoring would change anything: some saved field differs from the page's.
    pub fn differs_from(&self, current: &[(String, FieldValue)]) -> bool {
        self.fields.iter().any(|(name, saved)| {
            let now = current.iter().find(|(n, _)| n == name).map(|(_, v)| v);
            !saved.is_empty() && now.map_or(true, |now| !same(now, saved))
        })
    }
}

/// A saved draft offered back, and what the page held when it was offered. Until the
/// applicant decides, both are kept: what they type meanwhile is saved over the fields they
/// changed, the draft's text stays for the others, and restoring never overwrites a field
/// they have edited since.
pub(crate) struct Offer {
    pub draft: Draft,
    pub loaded: Vec<(String, FieldValue)>,
}

impl Offer {
    fn edited(&self, name: &str, now: &FieldValue) -> bool {
        let at_load = self.loaded.iter().find(|(n, _)| n == name).map(|(_, v)| v);
        at_load.map_or(!now.is_empty(), |v| !same(v, now))
    }

    /// What to save while the offer waits: the fields edited since it was made, and the
    /// draft's values for the rest.
    pub fn merged(&self, current: &[(String, FieldValue)]) -> Vec<(String, FieldValue)> {
        let mut out: Vec<(String, FieldValue)> =
            current.iter().filter(|(name, now)| self.edited(name, now)).cloned().collect();
        for (name, saved) in &self.draft.fields {
            if !out.iter().any(|(n, _)| n == name) {
                out.push((name.clone(), saved.clone()));
            }
        }
        out
    }

    /// The draft's values for the fields not edited since the offer was made.
    pub fn restorable(&self, current: &[(String, FieldValue)]) -> Vec<(String, FieldValue)> {
        let edited = |name: &str| current.iter().any(|(n, now)| n == name && self.edited(name, now));
        self.draft.fields.iter().filter(|(name, _)| !edited(name)).cloned().collect()
    }
}

/// Equal values, ignoring whitespace at the ends of text (editors add a trailing newline).
fn same(a: &FieldValue, b: &FieldValue) -> bool {
    match (a, b) {
        (FieldValue::Text(x), FieldValue::Text(y)) => x.trim() == y.trim(),
        (FieldValue::Text(x), FieldValue::List(l)) | (FieldValue::List(l), FieldValue::Text(x)) => {
            l.len() <= 1 && l.first().map_or("", String::as_str) == x.as_str()
        }
        (x, y) => x == y,
    }
}
