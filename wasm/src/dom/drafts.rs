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

use borang::ui::{self, Ui};
use borang::{FieldValue, Value};
use js_sys::{Date, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Event, HtmlFormElement, Storage};

use super::log::{info, warn};
use super::state::{set_entry, Inner};

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
        // The same choices, each as often (a few options: no sort needed).
        (FieldValue::List(a), FieldValue::List(b)) => {
            let times = |list: &[String], x: &String| list.iter().filter(|y| *y == x).count();
            a.len() == b.len() && a.iter().all(|x| times(a, x) == times(b, x))
        }
        (a, b) => same(a, b),
    }
}

// ---- Orchestration: when drafts are written, offered, restored and read back -----------

/// How long after the last keystroke a draft is written.
const SAVE_AFTER_MS: i32 = 500;
/// When restored fields are read back (each delay after the previous read).
const READ_BACK_MS: [i32; 4] = [50, 250, 700, 1500];

/// A restored field until it is read back from the page: its draft value and HTML, and, once
/// the restore has failed, what the page held then (`failed`).
struct Held {
    name: String,
    value: FieldValue,
    html: Option<String>,
    failed: Option<FieldValue>,
}

/// An attachment's drafts, between saves.
#[derive(Default)]
pub(crate) struct DraftState {
    /// A saved draft waiting for the applicant's decision (see `Offer`).
    offer: Option<Offer>,
    /// Each field's value as this tab last saved, loaded or restored it, and when this tab
    /// last changed it (ms): a field this tab never changed keeps the stored draft's text.
    baseline: Vec<(String, FieldValue)>,
    edited: Vec<(String, f64)>,
    /// The applicant was told drafts cannot be kept.
    warned: bool,
    /// Restored fields not read back yet, or whose restore did not take: saved with the
    /// draft's value, never with what the page shows (see `read_back`).
    held: Vec<Held>,
    read_backs: u32,
    /// A submit went through: the draft was cleared and is not written again.
    sent: bool,
    /// The pending save, a little after the applicant pauses.
    save_timer: Option<JsValue>,
}

/// A stable name for the form on its page, for the draft key.
pub(crate) fn form_name(doc: &Document, form: &HtmlFormElement) -> String {
    if !form.id().is_empty() {
        return form.id();
    }
    let forms = doc.forms();
    let index = (0..forms.length()).find(|&i| forms.item(i).is_some_and(|f| f.is_same_node(Some(form)))).unwrap_or(0);
    format!("form{index}")
}

impl Inner {
    /// A field changed: write the draft a little after the applicant pauses.
    pub(crate) fn save_later(&self) {
        let mut st = self.draft.borrow_mut();
        if st.save_timer.is_none() {
            st.save_timer = Some(self.session.timeout(self.callbacks.save.as_ref().unchecked_ref(), SAVE_AFTER_MS));
        }
    }

    /// The form is being sent: its draft is cleared, and nothing more is saved for this page.
    pub(crate) fn drafts_sent(&self) {
        if let Some(drafts) = &self.drafts {
            drafts.clear();
        }
        let mut st = self.draft.borrow_mut();
        if let Some(timer) = st.save_timer.take() {
            self.session.cancel(&timer);
        }
        st.offer = None;
        st.sent = true;
    }

    pub(crate) fn save_now(&self) {
        {
            let mut st = self.draft.borrow_mut();
            if let Some(timer) = st.save_timer.take() {
                self.session.cancel(&timer);
            }
            if st.sent {
                return;
            }
        }
        let Some(drafts) = &self.drafts else { return };
        let now = Date::now();
        let mut current = self.current_values();
        let mut html = self.current_html();
        self.hold_restored(&mut current, &mut html);
        let (merged, newer_elsewhere, html, stored) = {
            let mut st = self.draft.borrow_mut();
            note_edits(&mut st, &current, now);
            // What another tab saved since is read back, so its newer text is kept.
            let stored = drafts.load();
            let (merged, newer) = merge(&current, &st.edited, stored.as_ref());
            let html = merged_html(&merged, &current, &html, stored.as_ref());
            (merged, newer, html, stored)
        };
        if drafts.save(now, &self.tab, &merged, &html).is_err() {
            self.drafts_unavailable();
            return;
        }
        // Offered from the draft as the other tab wrote it: the one just saved is this tab's.
        if let Some(stored) = stored.filter(|_| !newer_elsewhere.is_empty() && self.draft.borrow().offer.is_none()) {
            self.offer_newer_in(stored);
        }
    }

    /// The HTML of the rich-text fields (editors), for the draft.
    pub(crate) fn current_html(&self) -> Vec<(String, String)> {
        let model = self.model.borrow();
        model.fields.iter().filter_map(|f| Some((f.name.clone(), f.control.as_ref()?.html()?))).collect()
    }

    /// Restored fields not confirmed on the page are saved with the draft's value: a restore
    /// that has not taken (yet) must not overwrite the draft with an empty editor. A field
    /// whose restore failed is released once the applicant changes it.
    pub(crate) fn hold_restored(&self, current: &mut [(String, FieldValue)], html: &mut Vec<(String, String)>) {
        let mut st = self.draft.borrow_mut();
        st.held.retain(|held| {
            let now = current.iter().find(|(n, _)| *n == held.name).map(|(_, v)| v);
            !matches!((&held.failed, now), (Some(page), Some(now)) if !same(page, now))
        });
        for held in &st.held {
            if let Some(entry) = current.iter_mut().find(|(n, _)| *n == held.name) {
                entry.1 = held.value.clone();
            }
            html.retain(|(n, _)| *n != held.name);
            if let Some(h) = &held.html {
                html.push((held.name.clone(), h.clone()));
            }
        }
    }

    /// "Pulihkan draf": puts the draft's values back into the fields not edited since it was
    /// offered, each through its editor or widget. The draft is kept as it was until each
    /// field is read back from the page (`read_back`).
    pub(crate) fn restore_offer(&self) {
        let Some(offer) = self.draft.borrow_mut().offer.take() else { return };
        // An editor may have replaced a textarea since the fields were found.
        self.rebind();
        let restorable = offer.restorable(&self.current_values());
        let mut restores = Vec::new();
        {
            // The restored text is this tab's now, as old as it was in the draft.
            let model = self.model.borrow();
            let mut st = self.draft.borrow_mut();
            st.held.clear();
            st.read_backs = 0;
            for (name, value) in &restorable {
                set_entry(&mut st.baseline, name, value.clone());
                set_entry(&mut st.edited, name, offer.draft.edited_at(name));
                let html = offer.draft.html(name).map(str::to_owned);
                let Some(control) = model.fields.iter().find(|f| f.name == *name).and_then(|f| f.control.clone())
                else {
                    // Not on this page: the draft keeps it (see `merge`).
                    continue;
                };
                restores.push((control, value.clone(), html.clone()));
                st.held.push(Held { name: name.clone(), value: value.clone(), html, failed: None });
            }
        }
        // Restoring fires input events (or editors' changes); they mark the sections.
        for (control, value, html) in &restores {
            control.restore(value, html.as_deref());
        }
        self.after_offer(None);
        self.mark_all_dirty(false);
        self.render();
        self.save_now();
        self.session.timeout(self.callbacks.read_back.as_ref().unchecked_ref(), READ_BACK_MS[0]);
    }

    /// Reads the restored fields back from the page. Those that hold the draft's value are
    /// released; the others are tried again a little later (CKEditor 4 applies data
    /// asynchronously), then kept held — their draft stays stored — and the panel says so.
    pub(crate) fn read_back(&self) {
        self.rebind();
        let current = self.current_values();
        let (pending, tries) = {
            let mut st = self.draft.borrow_mut();
            st.held.retain(|held| {
                held.failed.is_some() || !current.iter().any(|(n, now)| *n == held.name && took(now, &held.value))
            });
            st.read_backs += 1;
            (st.held.iter().filter(|h| h.failed.is_none()).count(), st.read_backs as usize)
        };
        if pending > 0 && tries < READ_BACK_MS.len() {
            self.session.timeout(self.callbacks.read_back.as_ref().unchecked_ref(), READ_BACK_MS[tries]);
            return;
        }
        let failed: Vec<String> = {
            let mut st = self.draft.borrow_mut();
            let mut names = Vec::new();
            for held in st.held.iter_mut().filter(|h| h.failed.is_none()) {
                let now = current.iter().find(|(n, _)| *n == held.name).map(|(_, v)| v.clone());
                held.failed = Some(now.unwrap_or(FieldValue::Text(String::new())));
                names.push(held.name.clone());
            }
            names
        };
        let say = if failed.is_empty() {
            ui::text(Ui::DraftRestored, self.lang, &[])
        } else {
            let model = self.model.borrow();
            let mut titles: Vec<&str> = Vec::new();
            for name in &failed {
                let owner = model.fields.iter().find(|f| f.name == *name).and_then(|f| f.owners.first());
                let title = owner.map_or(name.as_str(), |&s| model.sections[s].info.title.as_str());
                if !titles.contains(&title) {
                    titles.push(title);
                }
            }
            let text = ui::text(Ui::DraftNotRestored, self.lang, &[("titles", &ui::titles(&titles, 3, self.lang))]);
            warn(&format!("borang: {text} ({})", failed.join(", ")));
            if let Some(summary) = &self.view.borrow().summary {
                summary.show_note(&text);
            }
            text
        };
        self.say(&say);
        self.mark_all_dirty(false);
        self.render();
        self.save_now();
    }

    /// Says once, in the panel and the console, that drafts cannot be kept.
    pub(crate) fn drafts_unavailable(&self) {
        if !std::mem::replace(&mut self.draft.borrow_mut().warned, true) {
            let text = ui::text(Ui::DraftUnavailable, self.lang, &[]);
            warn(&format!("borang: {text}"));
            if let Some(summary) = &self.view.borrow().summary {
                summary.show_note(&text);
            }
        }
    }

    /// Another tab saved this form's draft. If it holds text newer than what this tab shows,
    /// offer it; this tab's own text stays until the applicant chooses.
    pub(crate) fn on_storage(&self, event: &JsValue) {
        let Some(drafts) = &self.drafts else { return };
        let key = Reflect::get(event, &"key".into()).ok().and_then(|k| k.as_string());
        if key.as_deref() != Some(drafts.key()) || self.draft.borrow().sent {
            return;
        }
        // This tab's pending text is written first (merged, never over newer text).
        if self.draft.borrow().save_timer.is_some() {
            self.save_now();
        }
        if self.draft.borrow().offer.is_none() {
            self.offer_newer();
        }
    }

    /// Offers the stored draft when another tab wrote, for some field, text that differs from
    /// this page's and is newer than this tab's own edit of it.
    pub(crate) fn offer_newer(&self) {
        let Some(drafts) = &self.drafts else { return };
        if let Some(draft) = drafts.load() {
            self.offer_newer_in(draft);
        }
    }

    pub(crate) fn offer_newer_in(&self, draft: Draft) {
        if draft.tab == self.tab {
            return;
        }
        let current = self.current_values();
        let newer = {
            let st = self.draft.borrow();
            draft.fields.iter().any(|(name, saved)| {
                let mine = st.edited.iter().find(|(n, _)| n == name).map_or(f64::NEG_INFINITY, |(_, t)| *t);
                let shown = current.iter().find(|(n, _)| n == name).map(|(_, v)| v);
                shown.is_some_and(|v| !same(v, saved)) && draft.edited_at(name) > mine
            })
        };
        if newer {
            let offset = -(Date::new_0().get_timezone_offset() as i32);
            let time = ui::timestamp(draft.saved_at, offset, self.lang);
            let text = ui::text(Ui::DraftNewerElsewhere, self.lang, &[("time", &time)]);
            self.show_offer(draft, current, &text);
        }
    }

    pub(crate) fn offer_draft(&self) {
        let Some(drafts) = &self.drafts else { return };
        let loaded = self.current_values();
        self.draft.borrow_mut().baseline = loaded.clone();
        if !drafts.available() {
            // Private mode or storage blocked: say so now, not after the first save.
            return self.drafts_unavailable();
        }
        let Some(draft) = drafts.load() else { return };
        if !draft.differs_from(&loaded) {
            return;
        }
        let offset = -(Date::new_0().get_timezone_offset() as i32);
        let time = ui::timestamp(draft.saved_at, offset, self.lang);
        let text = ui::text(Ui::DraftFound, self.lang, &[("time", &time)]);
        self.show_offer(draft, loaded, &text);
    }

    pub(crate) fn show_offer(&self, draft: Draft, loaded: Vec<(String, FieldValue)>, text: &str) {
        match &self.view.borrow().summary {
            Some(summary) => summary.show_draft(Some(text)),
            // Without a panel there is nowhere to ask: keep the draft, say so in the console.
            None => {
                info(&format!("borang: {text} (no summary panel to offer it in; the draft is kept)"));
            }
        }
        self.draft.borrow_mut().offer = Some(Offer { draft, loaded });
    }

    /// "Buang draf": what the page shows is what the applicant keeps: it is saved as this tab's
    /// newest text, over the draft they dismissed.
    pub(crate) fn discard_offer(&self) {
        let current = self.current_values();
        {
            let mut st = self.draft.borrow_mut();
            st.offer = None;
            let now = Date::now();
            for (name, value) in current {
                set_entry(&mut st.edited, &name, now);
                set_entry(&mut st.baseline, &name, value);
            }
        }
        self.after_offer(None);
        if self.draft.borrow().save_timer.is_none() {
            self.save_now();
        }
    }

    pub(crate) fn after_offer(&self, say: Option<String>) {
        if let Some(summary) = &self.view.borrow().summary {
            summary.show_draft(None);
        }
        if let Some(text) = say {
            self.say(&text);
        }
    }

    /// `pagehide`, or the tab going to the background: write a pending draft now.
    pub(crate) fn on_hidden(&self, event: &Event) {
        let leaving = event.type_() == "pagehide" || self.doc.hidden();
        let pending = self.draft.borrow().save_timer.is_some();
        if leaving && pending {
            self.save_now();
        }
    }
}

/// Records, for every field whose value changed since this tab last saved or loaded it, that
/// this tab changed it at `now`.
fn note_edits(st: &mut DraftState, current: &[(String, FieldValue)], now: f64) {
    for (name, value) in current {
        let before = st.baseline.iter().find(|(n, _)| n == name).map(|(_, v)| v);
        let changed = before.map_or(!value.is_empty(), |b| !same(b, value));
        if changed {
            set_entry(&mut st.edited, name, now);
            set_entry(&mut st.baseline, name, value.clone());
        }
    }
}

/// The HTML to store beside the merged values: this page's where the merged value is this
/// page's, the stored draft's where it kept the stored value.
fn merged_html(
    merged: &[(String, FieldValue, f64)],
    current: &[(String, FieldValue)],
    html: &[(String, String)],
    stored: Option<&Draft>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (name, value, _) in merged {
        let mine = current.iter().any(|(n, v)| n == name && same(v, value));
        let page = html.iter().find(|(n, _)| n == name).map(|(_, h)| h.as_str());
        let kept = stored.filter(|d| d.value(name).is_some_and(|v| same(v, value))).and_then(|d| d.html(name));
        if let Some(h) = if mine { page.or(kept) } else { kept } {
            out.push((name.clone(), h.to_owned()));
        }
    }
    out
}
