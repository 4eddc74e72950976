//! Finding a field of the rules on the host page, and reading (and, to restore a draft,
//! writing) its value. A field is found by `name`, then `id`, then as a CSS selector; what
//! is found decides how it is read: the `value` of an input or textarea, the visible text of
//! a `contenteditable` element or of the rich-text editor that hides a textarea (CKEditor,
//! TinyMCE, Quill — in this document or a same-origin iframe), the chosen options of a
//! select, the checked boxes of a group, the `File`s of a file input.

use borang::{FieldValue, FileMeta};
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Document, Element, Event, EventInit, HtmlElement, HtmlFormElement, HtmlIFrameElement, HtmlInputElement,
    HtmlOptionElement, HtmlSelectElement, Node, RadioNodeList,
};

use super::adapters::{restore_rich, rich_html, set_choice, set_text, stand_in_of};
use super::session::delta;
use crate::text;

/// Input types read as text. Everything else (`hidden` aside, see `find`) is not text.
const TEXT_TYPES: &[&str] =
    &["text", "search", "email", "url", "tel", "number", "date", "month", "week", "time", "datetime-local", ""];

/// How a field is read.
#[derive(Clone)]
pub(crate) enum Control {
    /// An `<input>` holding text, or a `<textarea>`: its `value`.
    Text(HtmlElement),
    /// A `contenteditable` element: its visible text.
    Editable(HtmlElement),
    /// A rich-text editor standing in for a hidden `source` field: the editor's visible text.
    /// `root` is the editor's outermost element next to the source (feedback goes after it).
    Editor {
        source: HtmlElement,
        root: Element,
        editable: HtmlElement,
    },
    Select(HtmlSelectElement),
    /// Checkboxes or radio buttons sharing a name.
    Group {
        inputs: Vec<HtmlInputElement>,
        radio: bool,
    },
    File(HtmlInputElement),
}

impl PartialEq for Control {
    /// The same elements (a rebind keeps a field's feedback when nothing changed).
    fn eq(&self, other: &Control) -> bool {
        self.elements() == other.elements()
    }
}

impl Control {
    /// The elements that make up the field.
    fn elements(&self) -> Vec<Element> {
        match self {
            Control::Text(el) | Control::Editable(el) => vec![el.clone().into()],
            Control::Editor { source, root, editable } => {
                vec![source.clone().into(), root.clone(), editable.clone().into()]
            }
            Control::Select(el) => vec![el.clone().into()],
            Control::Group { inputs, .. } => inputs.iter().map(|i| i.clone().into()).collect(),
            Control::File(el) => vec![el.clone().into()],
        }
    }

    /// Whether the field holds free text (its words are counted).
    pub fn is_text(&self) -> bool {
        matches!(self, Control::Text(_) | Control::Editable(_) | Control::Editor { .. })
    }

    /// Whether the field holds running text (a textarea or an editor), where a plain word
    /// count helps even without a limit.
    pub fn is_long_text(&self) -> bool {
        match self {
            Control::Text(el) => el.tag_name().eq_ignore_ascii_case("textarea"),
            Control::Editable(_) | Control::Editor { .. } => true,
            _ => false,
        }
    }

    /// The field's value, as the checker reads it.
    pub fn value(&self) -> FieldValue {
        match self {
            Control::Text(el) => FieldValue::Text(string_prop(el, "value")),
            Control::Editable(el) | Control::Editor { editable: el, .. } => FieldValue::Text(el.inner_text()),
            Control::Select(select) => {
                let options = select.selected_options();
                let chosen: Vec<String> = (0..options.length())
                    .filter_map(|i| options.item(i))
                    .filter_map(|o| o.dyn_into::<HtmlOptionElement>().ok())
                    .map(|o| o.value())
                    .filter(|v| !v.is_empty())
                    .collect();
                if select.multiple() {
                    FieldValue::List(chosen)
                } else {
                    FieldValue::Text(chosen.into_iter().next().unwrap_or_default())
                }
            }
            Control::Group { inputs, radio } => {
                let checked = inputs.iter().filter(|i| i.checked()).map(HtmlInputElement::value);
                if *radio {
                    FieldValue::Text(checked.into_iter().next().unwrap_or_default())
                } else {
                    FieldValue::List(checked.collect())
                }
            }
            Control::File(input) => {
                let files = input.files();
                let list = (0..files.as_ref().map_or(0, |f| f.length()))
                    .filter_map(|i| files.as_ref()?.item(i))
                    .map(|f| FileMeta { name: f.name(), mime: f.type_(), size: f.size() as u64 })
                    .collect();
                FieldValue::Files(list)
            }
        }
    }

    /// The visible texts of the chosen options of a select or a radio/checkbox group, in the
    /// order of [`Control::value`]'s values (`choice` and `when` accept an option by its value
    /// or this text); `None` for other fields.
    pub fn labels(&self) -> Option<Vec<String>> {
        match self {
            Control::Select(select) => {
                let options = select.selected_options();
                Some(
                    (0..options.length())
                        .filter_map(|i| options.item(i))
                        .filter_map(|o| o.dyn_into::<HtmlOptionElement>().ok())
                        .filter(|o| !o.value().is_empty())
                        .map(|o| o.text())
                        .collect(),
                )
            }
            Control::Group { inputs, .. } => Some(inputs.iter().filter(|i| i.checked()).map(input_label).collect()),
            _ => None,
        }
    }

    /// The text of a text field as the JS string itself, not copied into wasm.
    fn js_text(&self) -> Option<JsValue> {
        thread_local! {
            // The property names, made JS strings once (the poll asks every second).
            static VALUE: JsValue = JsValue::from_str("value");
            static INNER_TEXT: JsValue = JsValue::from_str("innerText");
        }
        Some(match self {
            Control::Text(el) => VALUE.with(|prop| Reflect::get(el, prop)).unwrap_or(JsValue::UNDEFINED),
            // As `inner_text()` does, a throwing getter throws on (the fail-open guard stops).
            Control::Editable(el) | Control::Editor { editable: el, .. } => {
                INNER_TEXT.with(|prop| Reflect::get(el, prop)).unwrap_or_else(|e| wasm_bindgen::throw_val(e))
            }
            _ => return None,
        })
    }

    /// The value as the checker reads it (see [`Control::value`]), and what the slow poll
    /// will compare against. `last` is what the previous read returned: a text that changed
    /// since is patched from what JavaScript says changed, not copied again in full.
    pub fn read(&self, last: Seen) -> (FieldValue, Seen) {
        match self.js_text() {
            Some(js) => {
                let text = match last {
                    Seen::Text(old, mut text) if old.is_string() && js.is_string() => {
                        if old != js && !patch(&mut text, &old, &js) {
                            text = js.as_string().unwrap_or_default();
                        }
                        text
                    }
                    _ => js.as_string().unwrap_or_default(),
                };
                (FieldValue::Text(text.clone()), Seen::Text(js, text))
            }
            None => {
                let value = self.value();
                (value.clone(), Seen::Value(value))
            }
        }
    }

    /// Whether the value is still the one [`Control::read`] saw. Text is compared as JS
    /// strings (`===`, in JS): a form of long proposals costs the poll next to nothing, where
    /// copying every text into wasm and hashing it took milliseconds each second.
    pub fn unchanged(&self, seen: &Seen) -> bool {
        match (seen, self.js_text()) {
            (Seen::Text(old, _), Some(now)) => *old == now,
            (Seen::Value(old), None) => still_seen(&self.value(), old),
            _ => false,
        }
    }

    /// The node borang's feedback goes after: an element, or the text that labels the last
    /// radio button or checkbox of a group (`<input type="radio"> Lainnya`), so the feedback
    /// never comes between an input and its label.
    pub fn anchor(&self) -> Node {
        let el: Element = match self {
            Control::Text(el) | Control::Editable(el) => el.clone().into(),
            Control::Editor { root, .. } => root.clone(),
            Control::Select(el) => el.clone().into(),
            Control::File(el) => el.clone().into(),
            Control::Group { inputs, .. } => return group_anchor(inputs),
        };
        // Never inside a <label>: the feedback would become part of the field's name.
        el.closest("label").ok().flatten().unwrap_or(el).into()
    }

    /// What gets focus when the applicant follows a link to the field.
    pub fn focus_target(&self) -> HtmlElement {
        match self {
            Control::Text(el) | Control::Editable(el) | Control::Editor { editable: el, .. } => el.clone(),
            Control::Select(el) => el.clone().into(),
            Control::File(el) => el.clone().into(),
            // `classify` builds a group from at least one input.
            Control::Group { inputs, .. } => inputs.iter().find(|i| i.checked()).unwrap_or(&inputs[0]).clone().into(),
        }
    }

    /// Elements that carry `aria-describedby` and `aria-invalid`.
    pub fn aria_targets(&self) -> Vec<Element> {
        match self {
            Control::Editor { editable, .. } => vec![editable.clone().into()],
            Control::Group { inputs, .. } => inputs.iter().map(|i| i.clone().into()).collect(),
            other => vec![other.focus_target().into()],
        }
    }

    /// The element the applicant focuses instead of the control, when a widget stands in for
    /// it: the widget's own input or combobox (selectize, Tom Select, select2, chosen, Choices,
    /// flatpickr's alt input, tagsinput), or the visible button of a hidden file input. It
    /// carries the description and `aria-invalid` too. Reads layout: call it when fields are
    /// bound, never on a keystroke.
    pub fn stand_in(&self) -> Option<Element> {
        let el: Element = match self {
            Control::Text(el) => el.clone().into(),
            Control::Select(el) => el.clone().into(),
            Control::File(el) => el.clone().into(),
            _ => return None,
        };
        if let Some(widget) = stand_in_of(&el).filter(|w| *w != el && !is_ours(w)) {
            return Some(widget);
        }
        if is_rendered(&el) {
            return None;
        }
        super::presence::focusable_stand_in(&el).map(Into::into)
    }

    /// The native control that takes a custom validity message, when the browser can focus
    /// it (a hidden textarea behind an editor would block submission with no visible hint).
    pub fn validity_target(&self) -> Option<Element> {
        let el: Element = match self {
            Control::Text(el) => el.clone().into(),
            Control::Select(el) => el.clone().into(),
            Control::File(el) => el.clone().into(),
            Control::Group { inputs, .. } => inputs.first()?.clone().into(),
            Control::Editable(_) | Control::Editor { .. } => return None,
        };
        is_rendered(&el).then_some(el)
    }

    /// Whether an event's target belongs to this field (on every input event: no allocation).
    pub fn contains(&self, node: &Node) -> bool {
        let inside = |el: &Node| el.contains(Some(node));
        match self {
            Control::Text(el) | Control::Editable(el) => inside(el),
            Control::Editor { source, root, editable } => inside(source) || inside(root) || inside(editable),
            Control::Select(el) => inside(el),
            Control::Group { inputs, .. } => inputs.iter().any(|i| inside(i)),
            Control::File(el) => inside(el),
        }
    }

    /// Documents of editor iframes, which need their own listeners (events do not cross).
    pub fn frame_document(&self) -> Option<Document> {
        match self {
            Control::Editor { editable, .. } => editable.owner_document().filter(|d| !is_main_document(d)),
            Control::Editable(el) => el.owner_document().filter(|d| !is_main_document(d)),
            _ => None,
        }
    }

    /// The HTML of a rich-text field (an editor or a `contenteditable` element), for drafts:
    /// paragraphs and lists survive a reload. Not read on the keystroke path.
    pub fn html(&self) -> Option<String> {
        match self {
            Control::Editable(el) => rich_html(None, el),
            Control::Editor { source, editable, .. } => rich_html(Some(source), editable),
            _ => None,
        }
    }

    /// Puts a saved value back (restoring a draft) through the editor or widget that shows the
    /// field, when there is one (see `js/adapters.js`), else as a person's typing would, with
    /// the events it fires, so the host's scripts see it too. `html` is the rich text a draft
    /// holds for an editor (sanitised before it reaches the page). Whether it took is for the
    /// caller to read back: editors may apply it later, or refuse it.
    pub fn restore(&self, value: &FieldValue, html: Option<&str>) {
        let dispatch = |el: &Element, kind: &str| {
            let init = EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = Event::new_with_event_init_dict(kind, &init) {
                let _ = el.dispatch_event(&event);
            }
        };
        match (self, value) {
            // A widget that drives the input (flatpickr, tags) takes the value itself; else it
            // is set as typing would.
            (Control::Text(el), FieldValue::Text(text)) if !set_text(el, text) => {
                let _ = Reflect::set(el, &"value".into(), &JsValue::from_str(text));
                dispatch(el, "input");
                dispatch(el, "change");
            }
            (Control::Editable(el), FieldValue::Text(text)) => {
                restore_rich(None, el, html.map(str::to_owned), text);
            }
            (Control::Editor { source, editable, .. }, FieldValue::Text(text)) => {
                restore_rich(Some(source), editable, html.map(str::to_owned), text);
            }
            (Control::Select(select), FieldValue::Text(_) | FieldValue::List(_)) => {
                let wanted = list_of(value);
                let values = js_sys::Array::new();
                for (i, v) in wanted.iter().enumerate() {
                    values.set(i as u32, JsValue::from_str(v));
                }
                if set_choice(select, &values) {
                    return;
                }
                let options = select.options();
                for option in (0..options.length()).filter_map(|i| options.item(i)) {
                    if let Ok(option) = option.dyn_into::<HtmlOptionElement>() {
                        option.set_selected(wanted.contains(&option.value()));
                    }
                }
                dispatch(select, "input");
                dispatch(select, "change");
            }
            (Control::Group { inputs, .. }, FieldValue::Text(_) | FieldValue::List(_)) => {
                let wanted = list_of(value);
                for input in inputs {
                    let on = wanted.contains(&input.value());
                    if input.checked() != on {
                        input.set_checked(on);
                        dispatch(input, "input");
                        dispatch(input, "change");
                    }
                }
            }
            _ => {}
        }
    }

    /// What to watch for an editor's edits, which may fire no `input` event (CKEditor 5
    /// renders from its model; CKEditor 4 and TinyMCE type in an iframe): the editable element,
    /// or the iframe's document (an editor may rewrite it, replacing its body).
    pub fn watch_target(&self) -> Option<Node> {
        match self {
            Control::Editable(el) | Control::Editor { editable: el, .. } => Some(match el.owner_document() {
                Some(doc) if !is_main_document(&doc) => doc.into(),
                _ => el.clone().into(),
            }),
            _ => None,
        }
    }
}

/// What the slow poll (which catches scripted changes and dictation that fire no event)
/// compares a field's value against: the last value checked.
#[derive(Default)]
pub(crate) enum Seen {
    /// Not read yet: looks changed.
    #[default]
    Nothing,
    /// A text field's JS string, and the same text as read into wasm.
    Text(JsValue, String),
    /// A choice or a file list as read (compared by [`still_seen`]).
    Value(FieldValue),
}

/// Makes `text` (the copy of the JS string `old`) the copy of `now`, moving only what changed.
fn patch(text: &mut String, old: &JsValue, now: &JsValue) -> bool {
    let d = delta(old, now);
    let (Some(start), Some(end), Some(middle)) = (d.get(0).as_f64(), d.get(1).as_f64(), d.get(2).as_string()) else {
        return false;
    };
    text::splice_utf16(text, start as usize, end as usize, &middle)
}

/// A radio button's or checkbox's visible text: its `<label>` (wrapping or `for`), else the
/// text right after it (`<input type="radio" value="3"> Umum`).
fn input_label(input: &HtmlInputElement) -> String {
    let from_label = input.labels().and_then(|labels| labels.item(0)).and_then(|l| l.text_content());
    let text = from_label.or_else(|| {
        let next = input.next_sibling()?;
        (next.node_type() == Node::TEXT_NODE).then(|| next.text_content()).flatten()
    });
    text.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_default()
}

/// Whether a value that is not free text is still the one seen: the same text or choices, or
/// files of the same names and sizes. Compared, not hashed: no SipHash in the module (size,
/// issue "Weight").
fn still_seen(now: &FieldValue, seen: &FieldValue) -> bool {
    match (now, seen) {
        (FieldValue::Text(a), FieldValue::Text(b)) => a == b,
        (FieldValue::List(a), FieldValue::List(b)) => a == b,
        (FieldValue::Files(a), FieldValue::Files(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.name == y.name && x.size == y.size)
        }
        _ => false,
    }
}

fn list_of(value: &FieldValue) -> Vec<String> {
    match value {
        FieldValue::Text(t) => vec![t.clone()],
        FieldValue::List(l) => l.clone(),
        FieldValue::Files(_) => Vec::new(),
    }
}

fn string_prop(target: &JsValue, name: &str) -> String {
    Reflect::get(target, &JsValue::from_str(name)).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

fn is_main_document(doc: &Document) -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d == *doc)
}

/// Whether the element takes up space on the page (not `display: none`, not detached).
pub(crate) fn is_rendered(el: &Element) -> bool {
    el.get_client_rects().length() > 0
}

/// Whether this node is one of borang's own (feedback, summary, live region).
pub(crate) fn is_ours(el: &Element) -> bool {
    el.closest("[data-borang]").ok().flatten().is_some()
}

/// After the group's shared container when the inputs sit in a list or a table of their
/// own; at the end of it (after its last text or element that is not borang's) when they sit
/// in a fieldset or a div; else after the last input, its label, or the text labelling it.
fn group_anchor(inputs: &[HtmlInputElement]) -> Node {
    let last: Element = inputs.last().cloned().map(Into::into).expect("a group has an input");
    let first: Element = inputs.first().cloned().map(Into::into).expect("a group has an input");
    let mut container = first.parent_element();
    while let Some(c) = container {
        if inputs.iter().all(|i| c.contains(Some(i))) {
            if c.tag_name().eq_ignore_ascii_case("form") {
                break;
            }
            // A list or table takes no foreign child: after it. Else inside, at its end.
            let tag = c.tag_name().to_ascii_lowercase();
            if matches!(tag.as_str(), "ul" | "ol" | "dl" | "table" | "tbody" | "thead" | "tr" | "menu") {
                return c.into();
            }
            return last_content(&c).unwrap_or_else(|| c.into());
        }
        container = c.parent_element();
    }
    let last = last.closest("label").ok().flatten().unwrap_or(last);
    match last.next_sibling() {
        Some(text) if is_words(&text) => text,
        _ => last.into(),
    }
}

/// A text node with something in it besides white space.
fn is_words(node: &Node) -> bool {
    node.node_type() == Node::TEXT_NODE && node.text_content().is_some_and(|t| !t.trim().is_empty())
}

/// The last child of `c` that shows something and is not borang's.
fn last_content(c: &Element) -> Option<Node> {
    let mut node = c.last_child();
    while let Some(n) = node {
        let shown = match n.dyn_ref::<Element>() {
            Some(el) => !is_ours(el),
            None => is_words(&n),
        };
        if shown {
            return Some(n);
        }
        node = n.previous_sibling();
    }
    None
}

/// Finds the field `name` of the rules: by name or id among the form's controls, then by id
/// or `name` attribute anywhere in the form (a `contenteditable` element is no control),
/// then as a CSS selector.
///
/// `name@2` is the second control named `name` (in the form's order; `name` alone is the
/// first): two textareas sharing a name are two fields. Controls associated with the form
/// but standing outside the `<form>` element (broken markup, `form=`) are found too.
pub(crate) fn find(form: &HtmlFormElement, doc: &Document, name: &str) -> Option<Control> {
    let (name, nth) = split_nth(name);
    let mut found: Vec<Element> = Vec::new();
    if let Some(item) = form.elements().named_item(name) {
        if let Some(list) = item.dyn_ref::<RadioNodeList>() {
            found.extend((0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()));
        } else if let Ok(el) = item.dyn_into::<Element>() {
            found.push(el);
        }
    }
    let group =
        |found: &[Element]| found.iter().all(|el| matches!(input_type(el).as_deref(), Some("checkbox" | "radio")));
    if !found.is_empty() && !group(&found) {
        // Several controls of one name that are not a checkbox or radio group: one field each.
        found.retain(|el| !is_ours(el));
        return classify(found.into_iter().nth(nth - 1).into_iter().collect());
    }
    if nth > 1 {
        return None;
    }
    if found.is_empty() {
        let escaped = web_sys::css::escape(name);
        let by_attr = format!("[name=\"{escaped}\"], [data-name=\"{escaped}\"]");
        found.extend(doc.get_element_by_id(name).filter(|el| !is_ours(el)));
        if found.is_empty() {
            found.extend(all(form.query_selector_all(&by_attr).ok()));
        }
        if found.is_empty() && looks_like_selector(name) {
            found.extend(all(form.query_selector_all(name).ok()));
            if found.is_empty() {
                found.extend(all(doc.query_selector_all(name).ok()));
            }
        }
    }
    found.retain(|el| !is_ours(el));
    classify(found)
}

/// `name@N` (N ≥ 1) → (`name`, N); any other name → (name, 1).
pub(crate) fn split_nth(name: &str) -> (&str, usize) {
    match name.rsplit_once('@') {
        Some((base, n)) if !base.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => match n.parse() {
            Ok(n) if n >= 1 => (base, n),
            _ => (name, 1),
        },
        _ => (name, 1),
    }
}

fn looks_like_selector(name: &str) -> bool {
    name.contains(['#', '.', '[', ' ', '>', ':', '*'])
}

fn all(list: Option<web_sys::NodeList>) -> Vec<Element> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn input_type(el: &Element) -> Option<String> {
    el.dyn_ref::<HtmlInputElement>().map(|i| i.type_().to_ascii_lowercase())
}

fn classify(found: Vec<Element>) -> Option<Control> {
    let first = found.first()?.clone();
    let kinds: Vec<Option<String>> = found.iter().map(input_type).collect();
    let all_of = |t: &str| kinds.iter().all(|k| k.as_deref() == Some(t));
    if all_of("checkbox") || all_of("radio") {
        let radio = all_of("radio");
        let inputs = found.into_iter().filter_map(|el| el.dyn_into::<HtmlInputElement>().ok()).collect();
        return Some(Control::Group { inputs, radio });
    }
    let tag = first.tag_name().to_ascii_lowercase();
    match (tag.as_str(), input_type(&first).as_deref()) {
        ("select", _) => first.dyn_into().ok().map(Control::Select),
        ("input", Some("file")) => first.dyn_into().ok().map(Control::File),
        ("input", Some("checkbox" | "radio")) => {
            let radio = input_type(&first).as_deref() == Some("radio");
            Some(Control::Group { inputs: vec![first.dyn_into().ok()?], radio })
        }
        ("input", Some(t)) if !TEXT_TYPES.contains(&t) && t != "hidden" => None,
        ("textarea" | "input", _) => {
            let el: HtmlElement = first.dyn_into().ok()?;
            let hidden = !is_rendered(&el) || input_type(&el).as_deref() == Some("hidden");
            match hidden.then(|| editor_near(&el)).flatten() {
                Some((root, editable)) => Some(Control::Editor { source: el, root, editable }),
                None => Some(Control::Text(el)),
            }
        }
        ("iframe", _) => frame_body(&first).map(Control::Editable),
        _ => {
            let el: HtmlElement = first.dyn_into().ok()?;
            if el.is_content_editable() {
                return Some(Control::Editable(el));
            }
            // A wrapper around an editor (Quill's container, an editor's root).
            editable_in(&el).map(Control::Editable)
        }
    }
}

const EDITABLE: &str = "[contenteditable=''], [contenteditable='true'], [contenteditable='plaintext-only']";

/// An editable element at or inside `el`, or the body of an editable same-origin iframe.
fn editable_in(el: &Element) -> Option<HtmlElement> {
    if is_ours(el) {
        return None;
    }
    if let Some(h) = el.dyn_ref::<HtmlElement>().filter(|h| h.is_content_editable()) {
        return Some(h.clone());
    }
    if let Some(inner) = el.query_selector(EDITABLE).ok().flatten() {
        return inner.dyn_into().ok();
    }
    let frame = if el.tag_name().eq_ignore_ascii_case("iframe") {
        Some(el.clone())
    } else {
        el.query_selector("iframe").ok().flatten()
    };
    frame_body(&frame?)
}

/// The body of a same-origin iframe that is being edited (`contenteditable` or designMode).
fn frame_body(frame: &Element) -> Option<HtmlElement> {
    let frame = frame.dyn_ref::<HtmlIFrameElement>()?;
    // A cross-origin frame has no readable document: None.
    let doc = frame.content_document()?;
    let body = doc.body()?;
    let design = Reflect::get(&doc, &"designMode".into()).ok().and_then(|v| v.as_string());
    (body.is_content_editable() || design.as_deref() == Some("on")).then_some(body)
}

/// The editor that stands in for a hidden field: in the siblings just after it (CKEditor 4
/// and 5, TinyMCE) or just before it (Quill's container before its hidden input), or in the
/// parent's next sibling. Returns the editor's root (a sibling) and its editable element.
fn editor_near(source: &HtmlElement) -> Option<(Element, HtmlElement)> {
    let mut candidates: Vec<Element> = Vec::new();
    let mut next = source.next_element_sibling();
    for _ in 0..3 {
        let Some(el) = next else { break };
        next = el.next_element_sibling();
        candidates.push(el);
    }
    let mut prev = source.previous_element_sibling();
    for _ in 0..2 {
        let Some(el) = prev else { break };
        prev = el.previous_element_sibling();
        candidates.push(el);
    }
    candidates.extend(source.parent_element().and_then(|p| p.next_element_sibling()));
    // A sibling that holds another field's own control (the textarea an editor stands in for,
    // next to a hidden `_token` input) is that field's row, not this one's editor.
    let another_field =
        |root: &Element| root.query_selector("textarea:not(.note-codable), select").ok().flatten().is_some();
    candidates.into_iter().filter(|root| !another_field(root)).find_map(|root| editable_in(&root).map(|e| (root, e)))
}
