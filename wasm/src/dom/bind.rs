//! Binding the rules' fields to the page: each field found again (an editor may replace a
//! textarea, a script may add a row), whether it applies, where its validity goes, which
//! editor documents and editables to listen to, and the maxlength trap at start.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsCast;
use web_sys::Node;

use super::fields::{self, Control};
use super::log::{info, warn};
use super::presence;
use super::state::{Applied, Field, Inner, Section};

impl Inner {
    /// Finds every field; at start, warns once for each one the page lacks.
    pub(crate) fn bind_all(&self, first: bool) {
        let mut model = self.model.borrow_mut();
        let model = &mut *model;
        let mut watch = self.watch.borrow_mut();
        for field in &mut model.fields {
            let control = fields::find(&self.form, &self.doc, &field.name);
            if first && control.is_none() {
                let owner = field.owners.first().map(|&s| &model.sections[s].info);
                let section = owner.map(|i| format!(" of section \"{}\" ({})", i.title, i.id)).unwrap_or_default();
                warn(&format!(
                    "borang: field \"{}\"{section} is not on the page (looked for a name, an id and a CSS \
                     selector); it counts as empty, and a section with none of its fields is skipped.",
                    field.name
                ));
            }
            if control != field.control {
                if let Some(old) = field.feedback.take() {
                    old.root.remove();
                }
                field.control = control;
                for &s in &field.readers {
                    model.sections[s].dirty = true;
                }
            }
            // What the poll compares against is left to `render`, which reads the value it checks: a change
            // no event reported must still look changed to the poll.
            if let Some(control) = &field.control {
                let validity = control.validity_target();
                if let Some(old) = field.validity.as_ref().filter(|old| Some(*old) != validity.as_ref()) {
                    // An editor took over the field: the hidden control must not block submits.
                    self.session.set_validity(old, "");
                }
                field.validity = validity;
                // The elements may be others now: set the invalid state and validity again.
                field.applied = Applied::default();
                let stand_in = control.stand_in();
                if stand_in != field.stand_in {
                    if let Some(old) = &field.stand_in {
                        self.session.invalid(old, false);
                    }
                    field.stand_in = stand_in;
                    field.redescribe = true;
                    for &s in &field.readers {
                        model.sections[s].dirty = true;
                    }
                }
                let presence = presence::presence(control, &self.form, &self.doc);
                if presence != field.presence {
                    field.presence = presence;
                    for &s in &field.readers {
                        model.sections[s].dirty = true;
                    }
                }
                if let Some(doc) = control.frame_document() {
                    if !watch.frame_docs.contains(&doc) {
                        for kind in ["input", "compositionstart", "compositionend"] {
                            let f = if kind == "input" { &self.callbacks.input } else { &self.callbacks.composition };
                            self.session.listen(doc.as_ref(), kind, f.as_ref().unchecked_ref(), true);
                        }
                        watch.frame_docs.push(doc);
                    }
                }
                self.watch_editor(control, &mut watch.watched);
                if first {
                    self.check_maxlength(field, &model.sections);
                }
            }
        }
    }

    /// A `maxlength` that cuts a word-limited field short: say so, and lift it if asked.
    pub(crate) fn check_maxlength(&self, field: &Field, sections: &[Section]) {
        let Some(Control::Text(el)) = &field.control else { return };
        let Some(max_words) = field.owners.iter().find_map(|&s| sections[s].info.max_words) else { return };
        let Some(max_length) = el.get_attribute("maxlength").and_then(|v| v.trim().parse::<u32>().ok()) else {
            return;
        };
        if !borang::infer::maxlength_cuts_words(max_length, max_words) {
            return;
        }
        if self.opts.fix_maxlength {
            self.session.remove_attr(el, "maxlength");
            info(&format!(
                "borang: lifted maxlength={max_length} from \"{}\": it cut the field at {max_length} characters, \
                 below its limit of {max_words} words (data-fix-maxlength).",
                field.name
            ));
        } else {
            warn(&format!(
                "borang: \"{}\" has maxlength={max_length}, which stops typing at {max_length} characters, far \
                 below its limit of {max_words} words. Remove the attribute, or add data-fix-maxlength to the \
                 borang script tag to have borang lift it.",
                field.name
            ));
        }
    }

    /// Watches an editor's editable for edits (see `Control::watch_target`), once per node.
    pub(crate) fn watch_editor(&self, control: &Control, watched: &mut Vec<Node>) {
        let Some(target) = control.watch_target() else { return };
        if watched.contains(&target) {
            return;
        }
        let options = Object::new();
        for key in ["childList", "subtree", "characterData"] {
            let _ = Reflect::set(&options, &key.into(), &true.into());
        }
        self.session.observe(&target, self.callbacks.edit.as_ref().unchecked_ref(), &options);
        watched.push(target);
    }
}
