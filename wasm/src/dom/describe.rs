//! Zero-config: with no rules file, borang describes the form's own controls — attributes,
//! labels and the hint texts around them — and the core (`borang::infer`) turns the
//! descriptions into rules. This module only reads the page; deciding what a hint means is
//! the core's job.
//!
//! Real portals are sloppy, so labels are found by more than `<label for>`: a wrapping
//! label, a label that is the only one pointing at its field (when every label points at the
//! same id, none is trusted), else the nearest heading, label or legend before the field in
//! its container. Hints come from `aria-describedby`, the placeholder, the `title`
//! attribute, and short text elements just before or after the field.

use borang::infer::{FieldDescription, FieldKind};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlFormElement, HtmlInputElement, Node};

use super::fields::{self, is_ours, Control};

/// How far the search for a title climbs, and how many siblings it looks at per level.
const CLIMB: usize = 4;
const SIBLINGS: usize = 6;
/// Text longer than this is content, not a hint.
const MAX_HINT_CHARS: usize = 400;

/// The insides of editors and widgets: their search boxes, toolbars and dialogs hold inputs
/// that are never the applicant's answers (selectize's `<id>-selectized` input, select2's
/// search field, CKEditor's upload input, Summernote's link dialog…). The native control a
/// widget drives stays outside these and is the field.
const WIDGET_PARTS: &str = ".selectize-control, .selectize-dropdown, .ts-wrapper, .ts-dropdown, .select2-container, \
    .select2-dropdown, .chosen-container, .bootstrap-tagsinput, .choices__input--cloned, .flatpickr-calendar, \
    .ck, .cke, .cke_dialog, .tox, .note-editor, .note-modal, .ql-toolbar, trix-toolbar, .dz-hidden-input";

/// Every field of the form worth checking, in document order. Two controls sharing a name
/// (not a checkbox or radio group) are two fields: `name` and `name@2`.
pub(crate) fn describe(form: &HtmlFormElement, doc: &Document) -> (String, Vec<FieldDescription>) {
    let mut out: Vec<FieldDescription> = Vec::new();
    let elements = form.elements();
    for i in 0..elements.length() {
        let Some(el) = elements.item(i) else { continue };
        if is_ours(&el) || el.closest(WIDGET_PARTS).ok().flatten().is_some() {
            continue;
        }
        let tag = el.tag_name().to_ascii_lowercase();
        let kind = match tag.as_str() {
            "textarea" => FieldKind::LongText,
            "select" => FieldKind::Select,
            "input" => match input_type(&el).as_str() {
                "text" | "search" | "" => FieldKind::Text,
                "email" => FieldKind::Email,
                "url" => FieldKind::Url,
                "tel" => FieldKind::Tel,
                "number" => FieldKind::Number,
                "file" => FieldKind::File,
                "checkbox" => FieldKind::Checkbox,
                "radio" => FieldKind::Radio,
                "date" | "month" | "week" | "time" | "datetime-local" => FieldKind::Other,
                // A hidden input counts only when a rich-text editor or a date picker stands in for it.
                "hidden" => match fields::find(form, doc, &key_of(&el)) {
                    Some(Control::Editor { .. }) => FieldKind::LongText,
                    _ if is_date_picker(&el) => FieldKind::Other,
                    _ => continue,
                },
                // password, submit, button, reset, image, color, range, hidden
                _ => continue,
            },
            _ => continue,
        };
        // A date picker makes its input read-only; it is still the applicant's answer.
        let read_only = el.has_attribute("readonly") && kind != FieldKind::File && !is_date_picker(&el);
        if el.has_attribute("disabled") || read_only {
            continue;
        }
        let mut key = key_of(&el);
        if key.is_empty() {
            continue;
        }
        if matches!(kind, FieldKind::Checkbox | FieldKind::Radio) {
            // One description per group, from its first member; `required` on any member.
            if let Some(existing) = out.iter_mut().find(|d| d.key == key) {
                existing.required |= el.has_attribute("required");
                continue;
            }
        } else if out.iter().any(|d| d.key == key) {
            // A second control of the same name: its own field, addressed as `name@N`, N its
            // place among the form's controls of that name (what `fields::find` reads).
            if el.get_attribute("name").as_deref() != Some(key.as_str()) {
                continue; // an id shared by mistake, not a name: not a field of its own
            }
            let Some(n) = place_in_name(form, &key, &el) else { continue };
            key = format!("{key}@{n}");
        }
        out.push(describe_one(form, doc, &el, key, kind));
    }
    // contenteditable fields with a name of their own (not an editor's inner element).
    if let Ok(list) = form.query_selector_all("[contenteditable][data-name], [contenteditable][name]") {
        for el in (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()) {
            let key = el.get_attribute("data-name").or_else(|| el.get_attribute("name")).unwrap_or_default();
            if key.is_empty() || is_ours(&el) || out.iter().any(|d| d.key == key) {
                continue;
            }
            out.push(describe_one(form, doc, &el, key, FieldKind::LongText));
        }
    }
    (form_title(form, doc), out)
}

/// Limits an editor's own configuration states: CKEditor 4's `wordcount` plugin
/// (`CKEDITOR.replace(…, { wordcount: { maxWordCount: 300 } })`), which shows them only as a
/// counter it draws later ("Kata: 0/300"). Given as hint texts, so they are explained as such.
fn editor_limits(el: &Element) -> Vec<String> {
    use js_sys::Reflect;
    let get = |o: &wasm_bindgen::JsValue, k: &str| Reflect::get(o, &k.into()).ok().filter(|v| v.is_object());
    let window: wasm_bindgen::JsValue = match web_sys::window() {
        Some(w) => w.into(),
        None => return Vec::new(),
    };
    let Some(instances) = get(&window, "CKEDITOR").and_then(|c| get(&c, "instances")) else { return Vec::new() };
    let key = el.get_attribute("name").filter(|n| !n.is_empty()).unwrap_or_else(|| el.id());
    let Some(editor) = [el.id(), key].iter().filter(|k| !k.is_empty()).find_map(|k| get(&instances, k)) else {
        return Vec::new();
    };
    let Some(config) = get(&editor, "config").and_then(|c| get(&c, "wordcount")) else { return Vec::new() };
    let mut out = Vec::new();
    for (option, text) in [
        ("maxWordCount", "maksimal {} kata"),
        ("minWordCount", "minimal {} kata"),
        ("maxCharCount", "maksimal {} karakter"),
        ("minCharCount", "minimal {} karakter"),
    ] {
        let n = Reflect::get(&config, &option.into())
            .ok()
            .and_then(|v| v.as_f64())
            .filter(|n| *n > 0.0 && n.fract() == 0.0);
        if let Some(n) = n {
            out.push(format!("{} (CKEditor wordcount {option})", text.replace("{}", &(n as u64).to_string())));
        }
    }
    out
}

/// The title of the field's grid row when the field has a sub-label of its own: "Adaptabilitas
/// *" in the label column over two sub-questions.
fn row_title(el: &Element, title: Option<&str>) -> Option<String> {
    let row = el.closest(".row, .form-group, tr").ok().flatten()?;
    // The row's first cell, when it is a title of its own (no control of any field in it).
    let head = row.first_element_child().filter(|h| !h.contains(Some(el)) && !holds_control(h))?;
    let text = text_of(&head);
    (!text.is_empty() && title.is_some_and(|t| !t.is_empty() && t != text)).then_some(text)
}

/// The 1-based place of `el` among the form's controls named `name`.
fn place_in_name(form: &HtmlFormElement, name: &str, el: &Element) -> Option<usize> {
    let item = form.elements().named_item(name)?;
    let list = item.dyn_ref::<web_sys::RadioNodeList>()?;
    (0..list.length()).position(|i| list.item(i).is_some_and(|n| n.is_same_node(Some(el)))).map(|i| i + 1)
}

/// A flatpickr input (the library keeps its instance on the element).
fn is_date_picker(el: &Element) -> bool {
    js_sys::Reflect::get(el, &"_flatpickr".into()).is_ok_and(|v| v.is_object())
}

fn input_type(el: &Element) -> String {
    el.dyn_ref::<HtmlInputElement>().map(|i| i.type_().to_ascii_lowercase()).unwrap_or_default()
}

/// The field's name in the rules: its `name`, else its `id`, else a CSS selector that finds
/// it (controls without either are fields too; the form is not changed to name them).
fn key_of(el: &Element) -> String {
    let key = el.get_attribute("name").filter(|n| !n.trim().is_empty()).unwrap_or_else(|| el.id());
    if key.trim().is_empty() {
        selector_of(el)
    } else {
        key
    }
}

/// A CSS selector for `el`: from the nearest ancestor with an id that is unique on the page
/// (the form's, usually), each step down as `tag:nth-of-type(n)`. Stable while the page's
/// markup stays as it is; `inferredRules()` writes it, and a rules file can use it as a field.
fn selector_of(el: &Element) -> String {
    let mut steps: Vec<String> = Vec::new();
    let mut node = el.clone();
    let doc = el.owner_document();
    loop {
        let id = node.id();
        let unique = !id.is_empty()
            && doc
                .as_ref()
                .and_then(|d| d.query_selector_all(&format!("[id=\"{}\"]", web_sys::css::escape(&id))).ok())
                .is_some_and(|l| l.length() == 1);
        if unique {
            steps.push(format!("#{}", web_sys::css::escape(&id)));
            break;
        }
        let tag = node.tag_name().to_ascii_lowercase();
        let mut n = 1;
        let mut sibling = node.previous_element_sibling();
        while let Some(s) = sibling {
            if s.tag_name().eq_ignore_ascii_case(&tag) {
                n += 1;
            }
            sibling = s.previous_element_sibling();
        }
        steps.push(format!("{tag}:nth-of-type({n})"));
        match node.parent_element() {
            Some(parent) if !parent.tag_name().eq_ignore_ascii_case("html") => node = parent,
            _ => break,
        }
    }
    steps.reverse();
    steps.join(" > ")
}

fn number_attr(el: &Element, name: &str) -> Option<u32> {
    el.get_attribute(name)?.trim().parse().ok()
}

fn describe_one(
    form: &HtmlFormElement,
    doc: &Document,
    el: &Element,
    key: String,
    kind: FieldKind,
) -> FieldDescription {
    let mut d = FieldDescription::new(key, kind);
    d.required = el.has_attribute("required") || el.get_attribute("aria-required").as_deref() == Some("true");
    d.min_length = number_attr(el, "minlength");
    d.max_length = number_attr(el, "maxlength").filter(|&n| n > 0);
    d.pattern = el.get_attribute("pattern").filter(|p| !p.is_empty());
    d.min_words = number_attr(el, "data-min-words");
    d.max_words = number_attr(el, "data-max-words");
    d.accept = el.get_attribute("accept");
    d.multiple = el.has_attribute("multiple");

    let group = matches!(kind, FieldKind::Checkbox | FieldKind::Radio);
    let mut hints = Vec::new();
    // The field's own accessible description first: the most specific hint.
    if let Some(ids) = el.get_attribute("aria-describedby") {
        for id in ids.split_whitespace() {
            if let Some(target) = doc.get_element_by_id(id).filter(|t| !is_ours(t)) {
                push_text(&mut hints, text_of(&target));
            }
        }
    }
    for attr in ["placeholder", "title", "data-hint"] {
        push_text(&mut hints, el.get_attribute(attr).unwrap_or_default());
    }
    // Short text right after the field (or after the wrapping label, or the editor standing
    // in for it), and after its wrapper when the field ends one (an input group, a grid cell).
    let wrapper = el.closest("label").ok().flatten();
    let after_of = wrapper.clone().unwrap_or_else(|| el.clone());
    for text in hints_after(form, &after_of) {
        push_text(&mut hints, text);
    }

    let mut title = None;
    if group {
        if let Some(fieldset) = el.closest("fieldset").ok().flatten().filter(|f| form.contains(Some(f))) {
            title = fieldset.query_selector("legend").ok().flatten().map(|l| text_of(&l));
        }
    } else if let Some(label) = wrapper.clone().or_else(|| only_label(doc, el)) {
        let (text, label_hints) = split_label(&label);
        title = Some(text);
        for hint in label_hints {
            push_text(&mut hints, hint);
        }
        // A label in a column of its own may carry its hint below it ("(min. 100 kata)").
        if wrapper.is_none() && !label.contains(Some(el)) {
            for text in hints_after(form, &label) {
                push_text(&mut hints, text);
            }
        }
    }
    let (near_title, before) = preceding(
        form,
        if group { el.closest("fieldset").ok().flatten().unwrap_or_else(|| el.clone()) } else { el.clone() },
    );
    if title.as_deref().map_or(true, str::is_empty) {
        title = near_title;
    }
    for hint in before {
        push_text(&mut hints, hint);
    }
    if let Some(label) = el.get_attribute("aria-label") {
        if title.as_deref().map_or(true, str::is_empty) {
            title = Some(label);
        } else {
            push_text(&mut hints, label);
        }
    }
    for text in editor_limits(el) {
        push_text(&mut hints, text);
    }
    if let Some(row) = row_title(el, title.as_deref()) {
        // One row title "Adaptabilitas *" over sub-questions: it marks them required, and
        // names their group.
        d.required |= row.trim_end().ends_with('*') || row.trim_start().starts_with('*');
        d.group = Some(row);
    }
    // Last, visible text on the control itself ("Uraikan latar belakang …"), before the
    // core falls back to the field's name.
    if title.as_deref().map_or(true, str::is_empty) {
        title = ["placeholder", "title"].iter().find_map(|a| el.get_attribute(a).filter(|t| !t.trim().is_empty()));
    }
    d.title = title.filter(|t| !t.is_empty());
    d.hints = hints;
    d
}

/// Short texts after `start`: its next siblings, past the UI of editors and widgets that
/// stand between a field and its hint (CKEditor, Summernote, selectize …), up to the next
/// field or title; then, when `start` ends its container, the container's next siblings.
fn hints_after(form: &HtmlFormElement, start: &Element) -> Vec<String> {
    let mut out = Vec::new();
    let mut node = start.clone();
    for level in 0..4 {
        let mut next = node.next_element_sibling();
        let mut seen = 0;
        while let Some(sibling) = next {
            next = sibling.next_element_sibling();
            // Past editors' and widgets' UI, and a styled file input's "Browse" button.
            let button = is_button_like(&sibling)
                || sibling.children().length() == 1
                    && sibling.first_element_child().is_some_and(|c| is_button_like(&c));
            if is_ours(&sibling) || button || sibling.matches(WIDGET_PARTS).unwrap_or(false) {
                continue;
            }
            // The next field's control or title starts its own region.
            if holds_control(&sibling) || is_title_like(&sibling) {
                return out;
            }
            let text = text_of(&sibling);
            if !text.is_empty() && text.chars().count() <= MAX_HINT_CHARS {
                out.push(text);
            }
            seen += 1;
            if seen == 3 {
                break;
            }
        }
        // Climb once, out of a wrapper the field is alone in (an input group, a grid cell).
        let Some(parent) = node.parent_element() else { break };
        if level == 3 || parent.is_same_node(Some(form.as_ref())) || !form.contains(Some(&parent)) {
            break;
        }
        if holds_other_control(&parent, start) {
            break;
        }
        node = parent;
    }
    out
}

/// Whether `container` holds a field control other than `el` (or the one inside it); a
/// disabled input (a styled file input's read-only path box) is none.
fn holds_other_control(container: &Element, el: &Element) -> bool {
    let Ok(list) = container.query_selector_all("input:not([type=hidden]):not(:disabled), textarea, select") else {
        return false;
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .any(|c| !el.contains(Some(&c)) && c.closest(WIDGET_PARTS).ok().flatten().is_none())
}

fn push_text(list: &mut Vec<String>, text: String) {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if !text.is_empty() && !list.contains(&text) {
        list.push(text);
    }
}

/// The label pointing at this field, when it is the only label that points at that id
/// (portals where every label says `for="judul"` get none trusted).
fn only_label(doc: &Document, el: &Element) -> Option<Element> {
    let id = el.id();
    if id.is_empty() {
        return None;
    }
    let selector = format!("label[for=\"{}\"]", web_sys::css::escape(&id));
    let labels = doc.query_selector_all(&selector).ok()?;
    // A styled file input's "Browse" button is a label too: it names nothing.
    let naming: Vec<Element> = (0..labels.length())
        .filter_map(|i| labels.item(i)?.dyn_into::<Element>().ok())
        .filter(|l| !is_button_like(l))
        .collect();
    match naming.as_slice() {
        [only] => Some(only.clone()),
        _ => None,
    }
}

/// A label that is a button ("Browse", "Pilih file"): Bootstrap's custom-file label, a `.btn`,
/// an input-group addon.
fn is_button_like(el: &Element) -> bool {
    const CLASSES: [&str; 5] = ["custom-file-label", "btn", "input-group-text", "form-file-button", "file-label"];
    const TEXTS: [&str; 8] =
        ["browse", "choose file", "choose", "pilih file", "pilih berkas", "telusuri", "unggah", "upload"];
    let class = el.class_name().to_ascii_lowercase();
    let text = text_of(el).to_lowercase();
    class.split_whitespace().any(|c| CLASSES.contains(&c))
        || TEXTS.iter().any(|t| text.trim_end_matches(['.', '…', ':']) == *t)
}

/// A label's own words and the hints inside it (`<small>`, or an element whose class says
/// help, hint, note …): "Ringkasan <small>maks. 200 kata</small>" is titled "Ringkasan".
fn split_label(label: &Element) -> (String, Vec<String>) {
    const HINT_CLASSES: [&str; 7] = ["help", "hint", "desc", "note", "info", "keterangan", "petunjuk"];
    let mut hints = Vec::new();
    if let Ok(inner) = label.query_selector_all("*") {
        for el in (0..inner.length()).filter_map(|i| inner.item(i)?.dyn_into::<Element>().ok()) {
            let class = el.class_name().to_ascii_lowercase();
            if el.tag_name().eq_ignore_ascii_case("small") || HINT_CLASSES.iter().any(|c| class.contains(c)) {
                hints.push(text_of(&el));
            }
        }
    }
    let mut title = text_of(label);
    for hint in &hints {
        if let Some(at) = title.find(hint.as_str()).filter(|_| !hint.is_empty()) {
            title.replace_range(at..at + hint.len(), "");
        }
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    // A label that is all hint keeps its text as the title too.
    (if title.is_empty() { text_of(label) } else { title }, hints)
}

fn is_title_like(el: &Element) -> bool {
    let tag = el.tag_name().to_ascii_lowercase();
    let class = el.class_name().to_ascii_lowercase();
    matches!(tag.as_str(), "label" | "legend" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "dt" | "th")
        || ["label", "title", "judul", "heading"].iter().any(|c| class.contains(c))
        // <p><strong>Ringkasan</strong></p>: a paragraph that is all bold.
        || el.children().length() == 1
            && el.first_element_child().is_some_and(|c| matches!(c.tag_name().to_ascii_lowercase().as_str(), "strong" | "b"))
            && el.first_element_child().and_then(|c| c.text_content()).map(|t| t.trim().len())
                == el.text_content().map(|t| t.trim().len())
}

fn holds_control(el: &Element) -> bool {
    let tag = el.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select" | "button")
        || el.query_selector("input:not([type=hidden]), textarea, select").ok().flatten().is_some()
        || el.get_attribute("contenteditable").is_some()
}

/// Walks back from the field through its preceding siblings (and its ancestors' preceding
/// siblings, up to the form), collecting short texts as hints, until a title-like element
/// (a label, heading, legend) or another field. Without a title-like element, the farthest
/// short text is taken as the title.
fn preceding(form: &HtmlFormElement, start: Element) -> (Option<String>, Vec<String>) {
    let mut hints: Vec<String> = Vec::new();
    let mut node = start;
    for _ in 0..CLIMB {
        let mut sibling = node.previous_element_sibling();
        for _ in 0..SIBLINGS {
            let Some(s) = sibling else { break };
            sibling = s.previous_element_sibling();
            if is_ours(&s) {
                continue;
            }
            if holds_control(&s) {
                // Another field's region: its texts are not ours.
                return fallback_title(hints);
            }
            let text = text_of(&s);
            if text.is_empty() || is_button_like(&s) {
                continue;
            }
            if is_title_like(&s) {
                return (Some(text), hints);
            }
            if text.chars().count() <= MAX_HINT_CHARS {
                hints.push(text);
            }
        }
        match node.parent_element() {
            Some(parent) if !parent.is_same_node(Some(form.as_ref())) && form.contains(Some(&parent)) => node = parent,
            _ => break,
        }
    }
    fallback_title(hints)
}

/// Without a label, heading or legend, the farthest short text before the field is its title
/// — when it reads like one: a form's introduction ("Silakan isi formulir berikut …") is a
/// sentence, not a field's name, and stays a hint.
fn fallback_title(mut hints: Vec<String>) -> (Option<String>, Vec<String>) {
    let label_like = |t: &String| {
        t.chars().count() <= 80 && t.split_whitespace().count() <= 10 && !t.trim_end().ends_with(['.', '!', '?'])
    };
    match hints.last() {
        Some(t) if label_like(t) => (hints.pop(), hints),
        _ => (None, hints),
    }
}

/// The visible text of an element, without the text of controls in it (a wrapping label's
/// textarea holds the applicant's text, not the label's), and without borang's own nodes.
pub(crate) fn text_of(el: &Element) -> String {
    let mut out = String::new();
    collect_text(el.as_ref(), &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn collect_text(node: &Node, out: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else { continue };
        match child.node_type() {
            Node::TEXT_NODE => out.push_str(&child.text_content().unwrap_or_default()),
            Node::ELEMENT_NODE => {
                let el: &Element = child.unchecked_ref();
                let tag = el.tag_name().to_ascii_lowercase();
                if matches!(
                    tag.as_str(),
                    "textarea" | "select" | "option" | "script" | "style" | "input" | "button" | "template"
                ) || el.has_attribute("data-borang")
                {
                    continue;
                }
                if el.dyn_ref::<HtmlElement>().is_some_and(|h| h.hidden()) {
                    continue;
                }
                out.push(' ');
                collect_text(&child, out);
                out.push(' ');
            }
            _ => {}
        }
    }
}

fn form_title(form: &HtmlFormElement, doc: &Document) -> String {
    if let Some(label) = form.get_attribute("aria-label").filter(|l| !l.trim().is_empty()) {
        return label;
    }
    if let Some(heading) = form.query_selector("h1, h2, h3, legend").ok().flatten() {
        let text = text_of(&heading);
        if !text.is_empty() {
            return text;
        }
    }
    doc.title()
}
