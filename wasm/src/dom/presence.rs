//! Whether a field applies on the page as it stands, and where it is when it is not shown.
//!
//! Portals hide controls for two opposite reasons, and borang must tell them apart:
//! - a row that does not apply ("Instansi asal inovasi yang direplikasi" only for a replicated
//!   innovation) is hidden, or disabled, until the applicant's choice shows it. Its field is
//!   not sent or not read by the server, so it must never block a submit;
//! - a wizard step, tab or accordion panel that is merely not shown yet holds fields that
//!   still count: they block, and borang says on which step they are.
//!
//! The rule, from the element that is hidden (the outermost hidden ancestor of the control,
//! below one that is rendered):
//! 1. a `disabled` control (or one in a disabled fieldset) does not apply: browsers do not
//!    send it;
//! 2. a control hidden on its own, in a parent that is rendered, is hidden by a widget or an
//!    editor standing in for it (selectize, select2, CKEditor, a styled file input): it counts;
//! 3. a hidden container that looks like a step, tab or panel (`role=tabpanel`, a class naming
//!    a step, tab, pane, wizard, collapse or accordion, a `<fieldset>`, or an element another
//!    one controls by `aria-controls`, `data-target`, `data-bs-target` or `href="#id"`) is a
//!    step: the field counts, and the step is named;
//! 4. a hidden container that holds no other field is the field's own row: it does not apply;
//! 5. a hidden container holding several fields but not looking like a step is a conditional
//!    block or an unmarked step: borang cannot tell, so the field's errors become warnings.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlFormElement};

use super::describe::text_of;
use super::fields::{is_ours, is_rendered, Control};

/// Where a field stands on the page now.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) enum Presence {
    /// Shown, or hidden only by the widget or editor standing in for it.
    #[default]
    Shown,
    /// On a step, tab or panel not shown now: it counts. The step's number among its
    /// siblings and its label, to name it to the applicant.
    OnHiddenStep { number: usize, label: Option<String> },
    /// Disabled, or in a row the page hides: it does not apply, and never blocks.
    NotApplicable,
    /// Hidden with other fields in a container that does not say what it is: errors are
    /// shown as warnings (borang cannot decide, so it never blocks).
    Unsure,
}

/// Words in a class that mark a step, tab or collapsible panel.
const STEP_CLASSES: &[&str] =
    &["step", "wizard", "tab-pane", "tab-content", "pane", "collapse", "accordion", "page", "bs-stepper"];

/// The controls that are fields (not buttons, not hidden inputs).
const FIELD_CONTROLS: &str = "textarea, select, input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image])";

/// Where `control` stands now. Reads layout (`getClientRects`): call it when fields are
/// bound, never on a keystroke.
pub(crate) fn presence(control: &Control, form: &HtmlFormElement, doc: &Document) -> Presence {
    let shown = control.visible_element();
    if control.is_disabled() {
        return Presence::NotApplicable;
    }
    if is_rendered(&shown) {
        return Presence::Shown;
    }
    // The outermost hidden ancestor below a rendered one (or the form's parent).
    let Some(mut hidden) = shown.parent_element().filter(|p| !is_rendered(p)) else {
        // Hidden on its own: a widget or an editor stands in for it.
        return Presence::Shown;
    };
    while let Some(parent) = hidden.parent_element() {
        if is_rendered(&parent) || parent.is_same_node(Some(form.as_ref())) {
            break;
        }
        hidden = parent;
    }
    if hidden.is_same_node(Some(form.as_ref())) || hidden.contains(Some(form.as_ref())) {
        // The whole form is hidden (a modal not open yet, a page behind a login step): its
        // fields count as they are.
        return Presence::Shown;
    }
    if looks_like_step(&hidden, doc) {
        let (number, label) = step_name(&hidden, doc);
        return Presence::OnHiddenStep { number, label };
    }
    if holds_other_fields(&hidden, control) {
        Presence::Unsure
    } else {
        Presence::NotApplicable
    }
}

fn looks_like_step(el: &Element, doc: &Document) -> bool {
    let tag = el.tag_name().to_ascii_lowercase();
    let class = el.class_name().to_ascii_lowercase();
    let role = el.get_attribute("role").unwrap_or_default();
    if role == "tabpanel" || tag == "fieldset" || tag == "section" {
        return true;
    }
    let names_step =
        |c: &str| STEP_CLASSES.iter().any(|s| c.strip_prefix(s).is_some_and(|r| r.is_empty() || r.starts_with('-')));
    if class.split_whitespace().any(names_step) {
        return true;
    }
    controller(el, doc).is_some()
}

/// The element that shows `el` when clicked (a tab, a step's trigger, an accordion header).
fn controller(el: &Element, doc: &Document) -> Option<Element> {
    let id = el.id();
    if id.is_empty() {
        return None;
    }
    let id = web_sys::css::escape(&id);
    let selector =
        format!("[aria-controls=\"{id}\"], [data-target=\"#{id}\"], [data-bs-target=\"#{id}\"], a[href=\"#{id}\"]");
    doc.query_selector(&selector).ok().flatten().filter(|c| !is_ours(c))
}

fn holds_other_fields(container: &Element, control: &Control) -> bool {
    let Ok(list) = container.query_selector_all(FIELD_CONTROLS) else { return false };
    (0..list.length()).filter_map(|i| list.item(i)).any(|node| !control.contains(&node))
}

/// Whether some control of the form stands outside the `<form>` element (broken markup the
/// parser closed early, or a `form=` attribute).
pub(crate) fn has_outside_controls(form: &HtmlFormElement) -> bool {
    let elements = form.elements();
    (0..elements.length()).filter_map(|i| elements.item(i)).any(|el| !form.contains(Some(&el)))
}

/// How to name a hidden step to the applicant: its number among its sibling steps and its
/// label (from `aria-labelledby`, the element that controls it, `aria-label`, or its first
/// heading or legend).
fn step_name(step: &Element, doc: &Document) -> (usize, Option<String>) {
    let mut number = 1;
    let mut sibling = step.previous_element_sibling();
    while let Some(s) = sibling {
        if s.tag_name() == step.tag_name() && s.query_selector(FIELD_CONTROLS).ok().flatten().is_some()
            || looks_like_step(&s, doc)
        {
            number += 1;
        }
        sibling = s.previous_element_sibling();
    }
    let labelled = step.get_attribute("aria-labelledby").and_then(|ids| {
        let texts: Vec<String> =
            ids.split_whitespace().filter_map(|id| doc.get_element_by_id(id)).map(|el| label_text(&el)).collect();
        Some(texts.join(" ")).filter(|t| !t.trim().is_empty())
    });
    let label = labelled
        .or_else(|| controller(step, doc).map(|c| label_text(&c)).filter(|t| !t.is_empty()))
        .or_else(|| step.get_attribute("aria-label").filter(|t| !t.trim().is_empty()))
        .or_else(|| {
            let heading = step.query_selector("h1, h2, h3, h4, h5, h6, legend").ok().flatten()?;
            Some(text_of(&heading)).filter(|t| !t.is_empty())
        });
    (number, label)
}

/// A step trigger's text without the step number it shows in a circle ("1 Profil Inovasi").
fn label_text(el: &Element) -> String {
    // bs-stepper and similar put the name in a labelled part of the trigger.
    let named = el.query_selector(".bs-stepper-label, .step-title, .step-label, .title").ok().flatten();
    let text = text_of(named.as_ref().unwrap_or(el));
    let trimmed = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    if trimmed.is_empty() {
        text
    } else {
        trimmed.to_owned()
    }
}

/// Something near a control hidden by a widget that the applicant can focus instead: the
/// widget's own input or button (selectize, select2, Tom Select, chosen, a styled file input).
pub(crate) fn focusable_stand_in(el: &Element) -> Option<web_sys::HtmlElement> {
    const FOCUSABLE: &str =
        "input:not([type=hidden]), button, select, textarea, [tabindex]:not([tabindex='-1']), [contenteditable='true']";
    let mut next = el.next_element_sibling();
    for _ in 0..2 {
        let sibling = next?;
        next = sibling.next_element_sibling();
        if is_ours(&sibling) {
            continue;
        }
        let candidate = if sibling.matches(FOCUSABLE).unwrap_or(false) {
            Some(sibling.clone())
        } else {
            sibling.query_selector(FOCUSABLE).ok().flatten()
        };
        if let Some(c) = candidate.filter(is_rendered) {
            return c.dyn_into().ok();
        }
    }
    None
}

impl Control {
    /// The element whose rendering says whether the field is shown: the editor's root for an
    /// editor, the control itself otherwise (a widget hiding it is rule 2 above).
    fn visible_element(&self) -> Element {
        match self {
            Control::Editor { root, .. } => root.clone(),
            Control::Group { inputs, .. } => {
                inputs.iter().find(|i| is_rendered(i)).unwrap_or(&inputs[0]).clone().unchecked_into()
            }
            other => other.focus_target().unchecked_into(),
        }
    }

    /// A control the browser will not send: `disabled`, or in a disabled fieldset.
    fn is_disabled(&self) -> bool {
        let disabled = |el: &Element| el.matches(":disabled").unwrap_or(false);
        match self {
            Control::Text(el) | Control::Editor { source: el, .. } => disabled(el),
            Control::Select(el) => disabled(el),
            Control::File(el) => disabled(el),
            Control::Group { inputs, .. } => inputs.iter().all(|i| disabled(i)),
            Control::Editable(_) => false,
        }
    }
}
