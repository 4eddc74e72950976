//! Submit interception: a blocked submit stops before any host handler and shows every
//! message with focus on the first failing field; a submit the browser's own validation
//! refused is shown the same; a summary link leads to a field the applicant can reach.

use std::cell::Cell;

use borang::ui::{self, Ui};
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement};

use super::fields::{self, Control};
use super::presence::{self, Presence};
use super::render::failing;
use super::state::{event_node, Field, Inner};

/// What a submit attempt left for later in this task, and whether the applicant has tried to
/// submit (then every message shows).
#[derive(Default)]
pub(crate) struct Submit {
    pub(crate) tried: Cell<bool>,
    /// A submit button was just pressed (or Enter in a field): `invalid` events in this task
    /// come from a submit attempt, not from a script asking `checkValidity()`.
    intent: Cell<bool>,
    /// `invalid` events fired in this task, and what had focus when the first one came.
    invalid_seen: Cell<bool>,
    focus_before_invalid: Cell<Option<Element>>,
    /// A task-end callback (`intent_over`) is pending.
    task_end_pending: Cell<bool>,
}

impl Inner {
    pub(crate) fn on_submit(&self, event: &Event) {
        if !self.is_our_form(event) || !self.opts.block {
            return;
        }
        self.submit.tried.set(true);
        self.rebind();
        self.mark_all_dirty(true);
        self.render();
        let Some(target) = self.first_failing() else { return };
        event.prevent_default();
        event.stop_immediate_propagation();
        self.session.host_validate(&self.form);
        self.show_refusal(target);
    }

    /// A refused submit is always seen: focus goes to the first failing field the applicant
    /// can reach (else to the panel's alert, which names the step a field is on), and the
    /// panel is kept on screen when an ancestor's `overflow` stopped it from sticking.
    pub(crate) fn show_refusal(&self, target: Option<HtmlElement>) {
        let active = self.doc.active_element();
        match target {
            // The browser's own validation may have focused it already.
            Some(target) if active.is_some_and(|a| a.is_same_node(Some(&target))) => {}
            Some(target) => focus(&target),
            None => {
                if let Some(summary) = &self.view.borrow().summary {
                    summary.focus_alert();
                }
            }
        }
        if let Some(summary) = &mut self.view.borrow_mut().summary {
            if !summary.in_view(&self.window) {
                summary.set_floating(true);
            }
        }
    }

    pub(crate) fn on_submitted(&self, event: &Event) {
        if self.is_our_form(event) && !event.default_prevented() {
            self.drafts_sent();
        }
    }

    /// A click on a submit button, or Enter in a one-line field: the browser may now validate
    /// the form for a submit. Remembered until the end of this task.
    pub(crate) fn on_intent(&self, event: &Event) {
        let Some(target) = event_node(event) else { return };
        let el: &Element = target.unchecked_ref();
        let submits = if event.type_() == "keydown" {
            let key = Reflect::get(event, &"key".into()).ok().and_then(|k| k.as_string());
            key.as_deref() == Some("Enter") && el.tag_name().eq_ignore_ascii_case("input") && self.owns(el)
        } else {
            el.closest("button, input").ok().flatten().is_some_and(|b| {
                let kind = b.get_attribute("type").unwrap_or_default().to_ascii_lowercase();
                let button = b.tag_name().eq_ignore_ascii_case("button");
                (kind == "submit" || kind == "image" || button && kind.is_empty()) && self.owns(&b)
            })
        };
        if submits {
            self.submit.intent.set(true);
            self.at_task_end();
        }
    }

    pub(crate) fn at_task_end(&self) {
        if !self.submit.task_end_pending.replace(true) {
            self.session.timeout(self.callbacks.intent_over.as_ref().unchecked_ref(), 0);
        }
    }

    /// The browser found invalid controls. Whether that was a submit attempt (or
    /// `reportValidity()`, which shows the same to the applicant) or a script quietly asking
    /// `checkValidity()` is known at the end of the task: see `on_intent_over`.
    pub(crate) fn on_invalid(&self, event: &Event) {
        if !event_node(event).is_some_and(|n| self.owns(n.unchecked_ref())) {
            return;
        }
        if !self.submit.invalid_seen.replace(true) {
            self.submit.focus_before_invalid.set(self.doc.active_element());
        }
        self.at_task_end();
    }

    /// End of the task of a submit intent or of `invalid` events. A submit the browser
    /// refused (a submit button pressed, or the browser moved focus to an invalid control as
    /// interactive validation and `reportValidity()` do) shows everything, like a submit
    /// borang stops. After a press of a submit button the first failing field gets focus: the
    /// browser focused the first control it knew to be invalid, and sections not visited yet
    /// had no validity message then.
    pub(crate) fn on_intent_over(&self) {
        self.submit.task_end_pending.set(false);
        let intent = self.submit.intent.take();
        let invalid = self.submit.invalid_seen.take();
        let before = self.submit.focus_before_invalid.take();
        let active = self.doc.active_element();
        let moved = match (&active, &before) {
            (Some(a), Some(b)) => !a.is_same_node(Some(b)),
            (a, b) => a.is_some() != b.is_some(),
        };
        if !invalid || !(intent || moved) {
            return;
        }
        self.submit.tried.set(true);
        self.rebind();
        self.mark_all_dirty(true);
        self.render();
        // Focus moves only for the applicant's own submit; a script's reportValidity() or
        // requestSubmit() keeps the focus the browser gave.
        if let Some(target) = self.first_failing().filter(|_| intent) {
            self.show_refusal(target);
        }
    }

    /// Where a summary link to section `index` leads: a field the applicant can act on (the
    /// widget's own input when a widget hides the control), or what to say when there is none
    /// here (on a step not shown, not applicable now, not on the page).
    pub(crate) fn reach(&self, index: usize) -> Option<Reach> {
        let model = self.model.borrow();
        let section = model.sections.get(index)?;
        let title = section.report.title.as_str();
        let mut hidden_step = None;
        let mut not_applicable = false;
        for &f in &section.own {
            let field = &model.fields[f];
            let Some(control) = &field.control else { continue };
            // Read now, not at the last bind: the page may have just switched steps.
            match &presence::presence(control, &self.form, &self.doc) {
                Presence::Shown | Presence::Unsure => {
                    if let Some(target) = reachable(field, control) {
                        return Some(Reach::Focus(target));
                    }
                }
                Presence::OnHiddenStep { number, label } => {
                    hidden_step.get_or_insert((*number, label.clone()));
                }
                Presence::NotApplicable => not_applicable = true,
            }
        }
        let text = if let Some((number, label)) = hidden_step {
            let section = ui::section_on_step(title, Some((number, label.as_deref())), self.lang);
            ui::text(Ui::GoHiddenStep, self.lang, &[("section", &section)])
        } else if not_applicable {
            ui::text(Ui::GoNotApplicable, self.lang, &[("title", title)])
        } else {
            ui::text(Ui::GoNotOnPage, self.lang, &[("title", title)])
        };
        Some(Reach::Say(text))
    }

    /// When a section fails: the first failing field the applicant can focus now (`None` when
    /// every failing field is on a step not shown, or otherwise out of reach).
    pub(crate) fn first_failing(&self) -> Option<Option<HtmlElement>> {
        let model = self.model.borrow();
        let mut failing_sections = model.sections.iter().filter(|s| failing(&s.report)).peekable();
        failing_sections.peek()?;
        let reachable = failing_sections.find_map(|s| {
            s.own.iter().find_map(|&f| {
                let field = &model.fields[f];
                if field.presence != Presence::Shown {
                    return None;
                }
                reachable(field, field.control.as_ref()?)
            })
        });
        Some(reachable)
    }

    /// Whether a control belongs to this form (its `form` property: also true outside the
    /// <form> element when the parser or a `form=` attribute associated it).
    pub(crate) fn owns(&self, el: &Element) -> bool {
        Reflect::get(el, &"form".into()).is_ok_and(|f| f == JsValue::from(&self.form))
    }

    pub(crate) fn is_our_form(&self, event: &Event) -> bool {
        event.target().is_some_and(|t| JsValue::from(t) == JsValue::from(&self.form))
    }
}

/// What the applicant can focus to act on a shown field: the widget's own element when one
/// stands in, else the control's focus target when it is rendered, else something focusable
/// next to it (a styled file input's button).
pub(crate) fn reachable(field: &Field, control: &Control) -> Option<HtmlElement> {
    let widget = field.stand_in.as_ref().filter(|w| fields::is_rendered(w));
    if let Some(widget) = widget.and_then(|w| w.dyn_ref::<HtmlElement>()) {
        return Some(widget.clone());
    }
    let target = control.focus_target();
    if fields::is_rendered(&target) {
        Some(target)
    } else {
        presence::focusable_stand_in(&target)
    }
}

/// Where a summary link leads.
pub(crate) enum Reach {
    Focus(HtmlElement),
    Say(String),
}

pub(crate) fn focus(target: &HtmlElement) {
    let _ = target.focus();
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    target.scroll_into_view_with_scroll_into_view_options(&options);
}
