//! The polite live region: what a screen reader hears a little after the applicant pauses,
//! and what borang says there about drafts.

use std::cell::{Cell, RefCell};

use borang::ui;
use wasm_bindgen::{JsCast, JsValue};

use super::state::Inner;

/// How long after the last keystroke the live region speaks.
const ANNOUNCE_AFTER_MS: i32 = 1200;

/// The section to announce when the applicant pauses, when that is, and the timer until then.
/// A keystroke only moves `due`: the timer is set once per pause, not cleared and set again
/// on every keystroke.
#[derive(Default)]
pub(crate) struct Announce {
    section: Cell<Option<usize>>,
    due: Cell<f64>,
    timer: RefCell<Option<JsValue>>,
}

impl Inner {
    /// A field of section `owner` changed: announce its state once the applicant pauses.
    pub(crate) fn announce_later(&self, owner: Option<usize>) {
        self.announce.section.set(owner);
        self.announce.due.set(js_sys::Date::now() + f64::from(ANNOUNCE_AFTER_MS));
        if self.announce.timer.borrow().is_none() {
            self.announce_in(ANNOUNCE_AFTER_MS);
        }
    }

    fn announce_in(&self, ms: i32) {
        let timer = self.session.timeout(self.callbacks.announce.as_ref().unchecked_ref(), ms);
        self.announce.timer.replace(Some(timer));
    }

    pub(crate) fn on_announce(&self) {
        self.announce.timer.take();
        // Typed again since the timer was set: wait for the rest of the pause.
        let left = self.announce.due.get() - js_sys::Date::now();
        if left >= 1.0 {
            self.announce_in(left.ceil() as i32);
            return;
        }
        let Some(s) = self.announce.section.take() else { return };
        let text = ui::announcement(&self.model.borrow().sections[s].report, self.lang);
        self.say(&text);
    }

    /// Puts `text` into the live region (there is none when the page has no room for it).
    pub(crate) fn say(&self, text: &str) {
        if let Some(live) = &self.view.borrow().live {
            live.set_text_content(Some(text));
        }
    }
}
