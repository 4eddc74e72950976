//! The summary panel's buttons: fold and unfold it, go to a section, restore or discard a
//! draft.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use super::state::Inner;
use super::submit::{focus, Reach};

impl Inner {
    pub(crate) fn on_click(&self, event: &Event) {
        let Some(button) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let Some(button) = button.closest("[data-action]").ok().flatten() else { return };
        match button.get_attribute("data-action").as_deref() {
            Some("toggle") => {
                if let Some(summary) = &mut self.view.borrow_mut().summary {
                    let open = !summary.is_open();
                    summary.set_open(open);
                    // An open panel leaves its sticky place for the top of the form: follow it.
                    if open && summary.is_sticky() {
                        summary.host.scroll_into_view_with_bool(true);
                    }
                }
            }
            Some("go") => {
                let index: usize =
                    button.get_attribute("data-index").and_then(|i| i.parse().ok()).unwrap_or(usize::MAX);
                match self.reach(index) {
                    Some(Reach::Focus(target)) => {
                        // Like a table of contents: a sticky panel folds back to its line.
                        if let Some(summary) = &mut self.view.borrow_mut().summary {
                            if summary.is_sticky() {
                                summary.set_open(false);
                            }
                        }
                        focus(&target);
                    }
                    // Focus stays on the link; the panel says where the field is.
                    Some(Reach::Say(text)) => {
                        if let Some(summary) = &self.view.borrow().summary {
                            summary.say(&text);
                        }
                    }
                    None => {}
                }
            }
            Some("restore") => self.restore_offer(),
            Some("discard") => self.discard_offer(),
            _ => {}
        }
    }
}
