//! Drafts in `localStorage`, keyed by page and form. Written as the applicant types (a
//! little after they pause, and when the page is hidden), offered back after a reload or a
//! crash — never put back without the applicant's say-so — and cleared after a submit
//! that goes through. JSON is written and read by the core (`borang::Value`), so a page that
//! replaces `JSON.parse` cannot break or read drafts differently.
//!
//! Several tabs may hold the same form. Each draft records, per field, when its text was last
//! changed and by which tab (`at`, `tab`); a tab writes a field only when its own edit is the
//! newer one, so it never overwrites newer text another tab saved. When another tab saves
//! text newer than what a tab shows, that tab offers it (`storage` event) instead of
//! replacing anything.
//!
//! For a rich-text field (an editor), the draft also holds its HTML (`html`, beside the
//! plain text in `fields`), so paragraphs and lists come back; it is sanitised before it
//! reaches the page (`js/adapters.js`). Drafts without it (written before) load as before,
//! and their text comes back as paragraphs.

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
    /// When each field's text was last changed (ms), by the tab that changed it. Drafts
    /// written before this was recorded give every field `saved_at`.
    pub at: Vec<(String, f64)>,
    /// The tab that wrote the draft last (empty for older drafts).
    pub tab: String,
    /// The HTML of rich-text fields, by name (none in older drafts).
    pub html: Vec<(String, String)>,
}

impl Draft {
    pub fn edited_at(&self, name: &str) -> f64 {
        self.at.iter().find(|(n, _)| n == name).map_or(self.saved_at, |(_, t)| *t)
    }

    pub fn value(&self, name: &str) -> Option<&FieldValue> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    pub fn html(&self, name: &str) -> Option<&str> {
        self.html.iter().find(|(n, _)| n == name).map(|(_, h)| h.as_str())
    }
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

    /// Whether there is a `localStorage` at all (it can still be full).
    pub fn available(&self) -> bool {
        self.storage.is_some()
    }

    pub fn key(&self) -> &str {
        &self.key
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
        let at = match value.get("at") {
            Some(Value::Object(pairs)) => pairs
                .iter()
                .filter_map(|(name, t)| match t {
                    Value::Number(t) => Some((name.clone(), *t)),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let tab = value.get("tab").and_then(Value::as_str).unwrap_or_default().to_owned();
        let html = match value.get("html") {
            Some(Value::Object(pairs)) => {
                pairs.iter().filter_map(|(name, h)| Some((name.clone(), h.as_str()?.to_owned()))).collect()
            }
            _ => Vec::new(),
        };
        Some(Draft { saved_at, fields, at, tab, html })
    }

    /// Writes the fields that hold something, with when each was last changed and the HTML
    /// of the rich-text ones; with nothing to keep, removes the draft.
    pub fn save(
        &self,
        saved_at: f64,
        tab: &str,
        fields: &[(String, FieldValue, f64)],
        html: &[(String, String)],
    ) -> Result<(), SaveError> {
        let storage = self.storage.as_ref().ok_or(SaveError::Unavailable)?;
        let mut kept: Vec<(String, Value)> = Vec::new();
        let mut at: Vec<(String, Value)> = Vec::new();
        let mut rich: Vec<(String, Value)> = Vec::new();
        for (name, v, t) in fields.iter().filter(|(_, v, _)| !v.is_empty()) {
            let value = match v {
                FieldValue::Text(t) => Value::String(t.clone()),
                FieldValue::List(l) => Value::Array(l.iter().cloned().map(Value::String).collect()),
                FieldValue::Files(_) => continue,
            };
            kept.push((name.clone(), value));
            at.push((name.clone(), Value::Number(*t)));
            if let Some((_, h)) = html.iter().find(|(n, h)| n == name && !h.is_empty()) {
                rich.push((name.clone(), Value::String(h.clone())));
            }
        }
        if kept.is_empty() {
            self.clear();
            return Ok(());
        }
        let mut entries = vec![
            ("savedAt".into(), Value::Number(saved_at)),
            ("tab".into(), Value::String(tab.to_owned())),
            ("fields".into(), Value::Object(kept)),
            ("at".into(), Value::Object(at)),
        ];
        if !rich.is_empty() {
            entries.push(("html".into(), Value::Object(rich)));
        }
        let doc = Value::Object(entries);
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
/// changed, the draft's text stays for the others (see [`merge`]), and restoring never
/// overwrites a field they have edited since.
pub(crate) struct Offer {
    pub draft: Draft,
    pub loaded: Vec<(String, FieldValue)>,
}

impl Offer {
    fn edited(&self, name: &str, now: &FieldValue) -> bool {
        let at_load = self.loaded.iter().find(|(n, _)| n == name).map(|(_, v)| v);
        at_load.map_or(!now.is_empty(), |v| !same(v, now))
    }

    /// The draft's values for the fields not edited since the offer was made.
    pub fn restorable(&self, current: &[(String, FieldValue)]) -> Vec<(String, FieldValue)> {
        let edited = |name: &str| current.iter().any(|(n, now)| n == name && self.edited(name, now));
        self.draft.fields.iter().filter(|(name, _)| !edited(name)).cloned().collect()
    }
}

/// What a tab writes, field by field: its own text where it changed the field since it last
/// read or wrote the draft and that change is newer than the stored one; the stored text
/// everywhere else. `edited` holds this tab's edit times. Also returns the fields whose
/// stored text is newer than this tab's own edit of them (another tab wrote them since).
pub(crate) fn merge(
    current: &[(String, FieldValue)],
    edited: &[(String, f64)],
    stored: Option<&Draft>,
) -> (Vec<(String, FieldValue, f64)>, Vec<String>) {
    let mine = |name: &str| edited.iter().find(|(n, _)| n == name).map(|(_, t)| *t);
    let mut out = Vec::new();
    let mut newer_elsewhere = Vec::new();
    for (name, now) in current {
        let theirs = stored.and_then(|d| Some((d.value(name)?, d.edited_at(name))));
        match (mine(name), theirs) {
            (Some(t), None) => out.push((name.clone(), now.clone(), t)),
            (Some(t), Some((v, at))) if at <= t || same(v, now) => out.push((name.clone(), now.clone(), t.max(at))),
            (Some(_), Some((v, at))) => {
                newer_elsewhere.push(name.clone());
                out.push((name.clone(), v.clone(), at));
            }
            (None, Some((v, at))) => out.push((name.clone(), v.clone(), at)),
            (None, None) => {}
        }
    }
    // Fields the stored draft has and this page does not (another version of the form).
    if let Some(d) = stored {
        for (name, v) in &d.fields {
            if !current.iter().any(|(n, _)| n == name) {
                out.push((name.clone(), v.clone(), d.edited_at(name)));
            }
        }
    }
    (out, newer_elsewhere)
}

/// Equal values, ignoring whitespace at the ends of text (editors add a trailing newline).
pub(crate) fn same(a: &FieldValue, b: &FieldValue) -> bool {
    match (a, b) {
        (FieldValue::Text(x), FieldValue::Text(y)) => x.trim() == y.trim(),
        (FieldValue::Text(x), FieldValue::List(l)) | (FieldValue::List(l), FieldValue::Text(x)) => {
            l.len() <= 1 && l.first().map_or("", String::as_str) == x.as_str()
        }
        (x, y) => x == y,
    }
}

/// Whether a restored value took: what the page shows now holds the saved value. Text is
/// compared with whitespace collapsed (an editor lays paragraphs out with its own line
/// breaks), choices in any order (a widget may reorder them).
pub(crate) fn took(now: &FieldValue, saved: &FieldValue) -> bool {
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    match (now, saved) {
        (FieldValue::Text(a), FieldValue::Text(b)) => words(a) == words(b),
        (FieldValue::List(a), FieldValue::List(b)) => {
            let (mut a, mut b) = (a.clone(), b.clone());
            a.sort();
            b.sort();
            a == b
        }
        (a, b) => same(a, b),
    }
}
