//! Noticing edits: `input` and `change` (and widgets' jQuery events), IME composition, editors'
//! edits that fire no event, the page changing under the form, and a slow poll for what
//! nothing reports. Each marks the sections to check when the task that changed them is done.

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, Node};

use super::fields::{self, Control};
use super::state::{event_node, Inner};

/// The slow poll for changes no event reports (dictation, scripts setting `.value`).
pub(crate) const POLL_MS: i32 = 1000;

impl Inner {
    pub(crate) fn on_input(&self, event: &Event) {
        let composing = Reflect::get(event, &"isComposing".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false);
        if composing || self.deferred.composing.get() {
            return;
        }
        let Some(target) = event_node(event) else { return };
        self.changed(&target);
    }

    /// A field changed: its sections (and the ones reading it) get checked once the current
    /// task's script is done.
    pub(crate) fn changed(&self, target: &Node) {
        let owner = {
            let mut model = self.model.borrow_mut();
            let model = &mut *model;
            let Some(f) = model.fields.iter().position(|f| f.control.as_ref().is_some_and(|c| c.contains(target)))
            else {
                return;
            };
            let field = &model.fields[f];
            for &s in &field.readers {
                model.sections[s].dirty = true;
            }
            for &s in &field.owners {
                model.sections[s].touched = true;
            }
            field.owners.first().copied()
        };
        self.announce_later(owner);
        self.save_later();
        self.schedule_render();
    }

    pub(crate) fn on_composition(&self, event: &Event) {
        let Some(target) = event_node(event) else { return };
        let ours = self.model.borrow().fields.iter().any(|f| f.control.as_ref().is_some_and(|c| c.contains(&target)));
        if !ours {
            return;
        }
        let starting = event.type_() == "compositionstart";
        self.deferred.composing.set(starting);
        if !starting {
            self.changed(&target);
        }
    }

    /// An editor's content changed (typed, pasted, set by its API): check it once the task is done.
    /// A change in a watched document no field holds (an editor rewrote its iframe) means the
    /// fields must be found again.
    pub(crate) fn on_edit(&self, records: &JsValue) {
        if self.deferred.composing.get() {
            return;
        }
        let records: &js_sys::Array = records.unchecked_ref();
        let Some(target) = Reflect::get(&records.get(0), &"target".into()).ok().filter(JsValue::is_object) else {
            return;
        };
        let target: Node = target.unchecked_into();
        let bound = self.model.borrow().fields.iter().any(|f| f.control.as_ref().is_some_and(|c| c.contains(&target)));
        if bound {
            self.changed(&target);
        } else {
            self.deferred.rebind.set(true);
            self.schedule_render();
        }
    }

    pub(crate) fn on_mutation(&self, records: &JsValue) {
        let records: js_sys::Array = records.clone().unchecked_into();
        let model = self.model.borrow();
        let editing = |node: &Node| {
            model.fields.iter().any(|f| match &f.control {
                Some(Control::Editable(el) | Control::Editor { editable: el, .. }) => el.contains(Some(node)),
                _ => false,
            })
        };
        let relevant = records.iter().any(|record| {
            let target: Node = Reflect::get(&record, &"target".into())
                .map(JsCast::unchecked_into)
                .unwrap_or_else(|_| self.form.clone().into());
            let ours = |node: &Node| {
                node.dyn_ref::<Element>()
                    .map_or_else(|| node.parent_element().is_some_and(|p| fields::is_ours(&p)), fields::is_ours)
            };
            // Records about borang's own nodes were dropped in JavaScript (`session.watch`).
            if editing(&target) {
                return false;
            }
            let nodes = |key: &str| -> Vec<Node> {
                let list: JsValue = Reflect::get(&record, &key.into()).unwrap_or(JsValue::UNDEFINED);
                let list: web_sys::NodeList = list.unchecked_into();
                (0..list.length()).filter_map(|i| list.item(i)).collect()
            };
            let kind = Reflect::get(&record, &"type".into()).ok().and_then(|t| t.as_string()).unwrap_or_default();
            kind == "attributes" || nodes("addedNodes").iter().chain(&nodes("removedNodes")).any(|n| !ours(n))
        });
        drop(model);
        if relevant {
            self.deferred.rebind.set(true);
            self.schedule_render();
        }
    }

    pub(crate) fn on_render(&self) {
        self.deferred.pending.set(false);
        if self.deferred.rebind.take() {
            self.rebind();
        }
        self.render();
    }

    /// Catches changes that fire no event: dictation software, scripts setting `.value`.
    pub(crate) fn on_poll(&self) {
        if self.doc.hidden() || self.deferred.composing.get() {
            return;
        }
        // A value that differs from the one last checked changed without an event (or its
        // render is pending, and marking it again is harmless).
        let changed: Vec<Node> = {
            let model = self.model.borrow();
            model
                .fields
                .iter()
                .filter_map(|f| {
                    let control = f.control.as_ref()?;
                    (!control.unchanged(&f.seen)).then(|| control.focus_target().into())
                })
                .collect()
        };
        for node in changed {
            self.changed(&node);
        }
    }
}
