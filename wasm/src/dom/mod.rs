//! The DOM layer: attaches borang to a form the host page already has. It finds the fields
//! the rules name, listens to the applicant's typing, checks the edited section once per
//! animation frame and renders feedback next to the fields and in a summary panel. It adds
//! only its own nodes and ARIA tokens, and every callback runs under a fail-open guard
//! (`js/session.js`): if anything of borang's throws, all of it is removed and the form is
//! exactly as it was.
//!
//! Arrows run one way: this module uses the boundary's helpers and the core; the core never
//! sees a browser.

// Without zero-config only `text_of` is used; the rest is left out of the module by the linker.
#[cfg_attr(not(feature = "zero-config"), allow(dead_code))]
mod describe;
mod drafts;
mod fields;
mod presence;
mod view;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use borang::ui::{self, Meter, Ui};
use borang::{FieldValue, Lang, Report, Rules, SectionInfo, SectionReport, Severity, Status, Values};
use js_sys::{Date, Error, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, HtmlFormElement, Node, Window};

use self::drafts::{Drafts, Offer};
use self::fields::Control;
use self::presence::Presence;
use self::view::{Feedback, Place, RowData, Shown, Summary};
use crate::wasm::{compile_rules, rules_error, to_js, JsReport};

#[wasm_bindgen(module = "/js/session.js")]
extern "C" {
    /// Registers borang's callbacks under a fail-open guard and undoes everything at the end.
    pub type Session;
    #[wasm_bindgen(constructor)]
    fn new() -> Session;
    #[wasm_bindgen(method, getter)]
    fn id(this: &Session) -> u32;
    #[wasm_bindgen(method, getter)]
    fn dead(this: &Session) -> bool;
    #[wasm_bindgen(method)]
    fn claim(this: &Session, form: &HtmlFormElement) -> bool;
    #[wasm_bindgen(method)]
    fn listen(this: &Session, target: &JsValue, kind: &str, f: &Function, capture: bool);
    #[wasm_bindgen(method)]
    fn frame(this: &Session, f: &Function);
    #[wasm_bindgen(method)]
    fn timeout(this: &Session, f: &Function, ms: i32) -> JsValue;
    #[wasm_bindgen(method)]
    fn every(this: &Session, f: &Function, ms: i32) -> JsValue;
    #[wasm_bindgen(method)]
    fn cancel(this: &Session, id: &JsValue);
    #[wasm_bindgen(method)]
    fn observe(this: &Session, target: &Node, f: &Function, options: &JsValue);
    #[wasm_bindgen(method)]
    fn own(this: &Session, node: &Node);
    #[wasm_bindgen(method, js_name = setValidity)]
    fn set_validity(this: &Session, el: &Element, message: &str);
    #[wasm_bindgen(method)]
    fn describe(this: &Session, el: &Element, feedback: &Element);
    #[wasm_bindgen(method)]
    fn invalid(this: &Session, el: &Element, on: bool);
    #[wasm_bindgen(method)]
    fn adopt(this: &Session, root: &JsValue, css: &str);
    #[wasm_bindgen(method, js_name = removeAttr)]
    fn remove_attr(this: &Session, el: &Element, name: &str);
    #[wasm_bindgen(method, js_name = hostValidate)]
    fn host_validate(this: &Session, form: &HtmlFormElement);
    #[wasm_bindgen(method)]
    fn end(this: &Session);
}

/// How long after the last keystroke the live region speaks, and a draft is written.
const ANNOUNCE_AFTER_MS: i32 = 1200;
const SAVE_AFTER_MS: i32 = 500;
/// The slow poll for changes no event reports (dictation, scripts setting `.value`).
const POLL_MS: i32 = 1000;
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

#[derive(Debug, Clone)]
struct Options {
    lang: Option<Lang>,
    /// Errors stop the submit. Not given: yes with a rules file; no in zero-config, whose
    /// rules are read from the page's prose and may be wrong (see `attach`).
    block: bool,
    place: Place,
    drafts: bool,
    fix_maxlength: bool,
}

struct Field {
    name: String,
    control: Option<Control>,
    feedback: Option<Feedback>,
    /// Sections this field belongs to (the first one shows its messages).
    owners: Vec<usize>,
    /// Sections whose result depends on this field (owners included).
    readers: Vec<usize>,
    /// The value last checked: the poll compares against it.
    seen: fields::Seen,
    /// Where custom validity goes, decided when the field is bound (deciding it needs
    /// layout, which must not be forced on every keystroke).
    validity: Option<Element>,
    /// Whether the field applies (a hidden row does not; a hidden wizard step does), decided
    /// when the field is bound, like `validity`.
    presence: Presence,
    /// The widget's element the applicant focuses instead of the control (see
    /// `Control::stand_in`), decided when the field is bound, like `validity`.
    stand_in: Option<Element>,
    /// The description and invalid state must be (re)set on every target at the next render
    /// (the field's feedback or stand-in changed).
    redescribe: bool,
}

struct Section {
    info: SectionInfo,
    /// Indices into `fields`: its own fields, then the ones it depends on.
    own: Vec<usize>,
    reads: Vec<usize>,
    report: SectionReport,
    meter: Option<Meter>,
    dirty: bool,
    /// The applicant has been in this section (or tried to submit): show every message.
    touched: bool,
}

struct State {
    fields: Vec<Field>,
    sections: Vec<Section>,
    summary: Option<Summary>,
    live: Option<HtmlElement>,
    frame_pending: bool,
    rebind_pending: bool,
    composing: bool,
    submit_tried: bool,
    /// A submit button was just pressed (or Enter in a field): `invalid` events in this task
    /// come from a submit attempt, not from a script asking `checkValidity()`.
    submit_intent: bool,
    /// `invalid` events fired in this task, and what had focus when the first one came.
    invalid_seen: bool,
    focus_before_invalid: Option<Element>,
    /// A task-end callback (`intent_over`) is pending.
    task_end_pending: bool,
    announce: Option<usize>,
    announce_timer: Option<JsValue>,
    save_timer: Option<JsValue>,
    /// A saved draft waiting for the applicant's decision (see `Offer`).
    offer: Option<Offer>,
    /// Each field's value as this tab last saved, loaded or restored it, and when this tab
    /// last changed it (ms): a field this tab never changed keeps the stored draft's text.
    baseline: Vec<(String, FieldValue)>,
    edited: Vec<(String, f64)>,
    drafts_warned: bool,
    frame_docs: Vec<Document>,
    /// Editors' editables (or iframe documents) watched for edits that fire no `input`.
    watched: Vec<Node>,
    /// Restored fields not read back yet, or whose restore did not take: saved with the
    /// draft's value, never with what the page shows (see `read_back`).
    held: Vec<Held>,
    read_backs: u32,
    /// A submit went through: the draft was cleared and is not written again.
    sent: bool,
    /// Zero-config: the inferred rules document and why each section is what it is.
    inferred: Option<Inferred>,
}

/// The callbacks, created once per attachment and kept until it is dropped.
struct Callbacks {
    input: Closure<dyn FnMut(JsValue)>,
    composition: Closure<dyn FnMut(JsValue)>,
    submit: Closure<dyn FnMut(JsValue)>,
    submitted: Closure<dyn FnMut(JsValue)>,
    invalid: Closure<dyn FnMut(JsValue)>,
    intent: Closure<dyn FnMut(JsValue)>,
    intent_over: Closure<dyn FnMut(JsValue)>,
    reset: Closure<dyn FnMut(JsValue)>,
    frame: Closure<dyn FnMut(JsValue)>,
    poll: Closure<dyn FnMut(JsValue)>,
    mutation: Closure<dyn FnMut(JsValue)>,
    edit: Closure<dyn FnMut(JsValue)>,
    read_back: Closure<dyn FnMut(JsValue)>,
    announce: Closure<dyn FnMut(JsValue)>,
    save: Closure<dyn FnMut(JsValue)>,
    click: Closure<dyn FnMut(JsValue)>,
    hidden: Closure<dyn FnMut(JsValue)>,
    storage: Closure<dyn FnMut(JsValue)>,
}

struct Inner {
    session: Session,
    window: Window,
    doc: Document,
    form: HtmlFormElement,
    rules: Rules,
    lang: Lang,
    opts: Options,
    drafts: Option<Drafts>,
    /// This attachment's id in drafts, to tell its own saves from another tab's.
    tab: String,
    state: RefCell<State>,
    callbacks: Callbacks,
}

/// borang attached to one form. `detach()` removes everything it added.
#[wasm_bindgen]
pub struct Attachment {
    inner: Rc<Inner>,
}

#[wasm_bindgen(typescript_custom_section)]
const TS_ATTACH: &'static str = r#"
export interface AttachOptions {
  /** Language of the feedback; defaults to the rules file's `lang`. */
  lang?: Lang;
  /** "block": errors stop the submit; "advise": nothing ever stops it. Default: "block" with
   *  rules, "advise" in zero-config (its rules are guessed from the page's text). */
  mode?: "block" | "advise";
  /** Where the summary panel goes: "top" (default, sticky), "bottom", "none", a CSS selector
   *  or an element to put it in. */
  summary?: "top" | "bottom" | "none" | string | Element;
  /** Keep a draft in localStorage and offer it back after a reload (default true). */
  drafts?: boolean;
  /** Remove a `maxlength` that would cut a field with a word limit short (default false). */
  fixMaxlength?: boolean;
}

/** Zero-config: why an inferred section is what it is (`attachment.explain()`). */
export interface InferredSection {
  /** The section's id in `inferredRules()`. */
  section: string;
  /** The field: its `name`, `id`, `name@2` (the second control of a shared name) or a CSS selector. */
  field: string;
  title: string;
  /** Where the title came from, e.g. `the label “Ringkasan (maksimal 200 kata)”`. */
  titleFrom: string;
  /** Why the section is required, when it is. */
  requiredFrom?: string;
  /** Every limit, with the page text or attribute it came from. */
  limits: { limit: string; value: number; from: string }[];
}
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "HTMLFormElement | string")]
    pub type JsFormTarget;
    #[wasm_bindgen(typescript_type = "RulesInput | null | undefined")]
    pub type JsAttachRules;
    #[wasm_bindgen(typescript_type = "AttachOptions")]
    pub type JsAttachOptions;
    #[wasm_bindgen(typescript_type = "SectionInfo[]")]
    pub type JsSections;
    #[wasm_bindgen(typescript_type = "InferredSection[] | undefined")]
    pub type JsExplained;
}

/// Attaches borang to `form` (an element or a selector). `rules` is a rules file (JSON text
/// or object) or a preset name. Throws, leaving the page untouched, when the form is not
/// found or the rules have problems.
#[wasm_bindgen]
pub fn attach(form: JsFormTarget, rules: JsAttachRules, options: Option<JsAttachOptions>) -> Result<Attachment, Error> {
    let window = web_sys::window().ok_or_else(|| Error::new("borang: no window"))?;
    let doc = window.document().ok_or_else(|| Error::new("borang: no document"))?;
    let form = find_form(&doc, form.into())?;
    let rules: JsValue = rules.into();
    let zero_config = rules.is_null() || rules.is_undefined();
    // Zero-config advises unless the admin asks to block: a limit read from a hint, or a red
    // star read as "required", may be wrong, and a wrong guess must never stop a valid form.
    let opts = read_options(&doc, options.map(Into::into).unwrap_or(JsValue::UNDEFINED), !zero_config)?;
    let (rules, inferred) = if zero_config {
        let (rules, inferred) = infer_rules(&form, &doc)?;
        (rules, Some(inferred))
    } else {
        (read_rules(rules)?, None)
    };
    let inner = Inner::start(window, doc, form, rules, opts)?;
    inner.state.borrow_mut().inferred = inferred;
    LIVE.with(|live| live.borrow_mut().push(inner.clone()));
    Ok(Attachment { inner })
}

thread_local! {
    /// Attachments until `detach()`: a page that drops the handle (`attach(form, rules);`
    /// alone) must not have borang collected from under its form.
    static LIVE: RefCell<Vec<Rc<Inner>>> = const { RefCell::new(Vec::new()) };
}

#[wasm_bindgen]
impl Attachment {
    /// The current report, from what the page holds now.
    /// After `detach()` (or a failure) both give the last report and touch nothing.
    pub fn report(&self) -> Result<JsReport, Error> {
        if !self.inner.session.dead() {
            self.inner.flush();
        }
        to_js(&self.inner.report())
    }

    /// Finds the fields again, re-reads every value, renders, and returns the report.
    pub fn check(&self) -> Result<JsReport, Error> {
        if !self.inner.session.dead() {
            self.inner.rebind();
            self.inner.mark_all_dirty(false);
            self.inner.flush();
        }
        to_js(&self.inner.report())
    }

    /// The sections of the rules in force (the generated ones in zero-config mode).
    pub fn sections(&self) -> Result<JsSections, Error> {
        to_js(&self.inner.rules.sections_info())
    }

    /// In zero-config mode, the rules borang inferred from the form, as a rules file's JSON
    /// text: a start for a rules file of one's own. `undefined` when rules were given.
    #[wasm_bindgen(js_name = inferredRules)]
    pub fn inferred_rules(&self) -> Option<String> {
        self.inner.state.borrow().inferred.as_ref().map(|i| i.text.clone())
    }

    /// In zero-config mode, each inferred section with the page text its title, `required`
    /// and each limit came from: why borang checks what it checks. `undefined` when rules
    /// were given.
    pub fn explain(&self) -> Result<JsExplained, Error> {
        match &self.inner.state.borrow().inferred {
            Some(inferred) => to_js(&inferred.explained),
            None => Ok(JsValue::UNDEFINED.unchecked_into()),
        }
    }

    /// Removes every listener, node, ARIA token and validity message borang added.
    pub fn detach(&self) {
        self.inner.session.end();
        LIVE.with(|live| live.borrow_mut().retain(|other| !Rc::ptr_eq(other, &self.inner)));
    }
}

fn find_form(doc: &Document, target: JsValue) -> Result<HtmlFormElement, Error> {
    if let Some(selector) = target.as_string() {
        let found =
            doc.query_selector(&selector).map_err(|_| Error::new(&format!("borang: bad selector {selector:?}")))?;
        return found
            .and_then(|el| el.dyn_into::<HtmlFormElement>().ok())
            .ok_or_else(|| Error::new(&format!("borang: no <form> matches {selector:?}")));
    }
    target.dyn_into::<HtmlFormElement>().map_err(|target| {
        // A form of another window (a same-origin iframe) fails `instanceof` here: its nodes,
        // events and stylesheets belong to that window's realm. Say what to do instead.
        let tag = js_sys::Reflect::get(&target, &JsValue::from_str("tagName")).ok().and_then(|t| t.as_string());
        if tag.is_some_and(|t| t.eq_ignore_ascii_case("form")) {
            Error::new(
                "borang: this <form> belongs to another document (an iframe); load borang in that \
                 document instead: the embed tag in the frame's page, or attach() imported there",
            )
        } else {
            Error::new("borang: attach() needs a <form> element or a selector")
        }
    })
}

/// What zero-config inferred: the rules document as JSON text, and why each section is what
/// it is.
struct Inferred {
    text: String,
    explained: Vec<borang::infer::Explained>,
}

/// Zero-config: rules from the form's own markup. The notes go to the console — a page that
/// disagrees with itself as a warning naming both texts — except the maxlength trap, which
/// `check_maxlength` reports for every mode alike.
#[cfg(feature = "zero-config")]
fn infer_rules(form: &HtmlFormElement, doc: &Document) -> Result<(Rules, Inferred), Error> {
    use borang::infer::Note;
    let (title, fields) = describe::describe(form, doc);
    let inferred = borang::infer::infer_rules(&title, &fields);
    let text = inferred.rules.to_json();
    for note in &inferred.notes {
        match note {
            Note::MaxLengthCutsWords { .. } => {}
            Note::ConflictingLimits { .. } | Note::OppositeLimits { .. } => {
                warn(&format!("borang (zero-config): {note}"));
            }
            _ => info(&format!("borang (zero-config): {note}")),
        }
    }
    let explained = inferred.explained;
    Rules::from_value(inferred.rules)
        .map(|rules| (rules, Inferred { text, explained }))
        .map_err(|e| Error::new(&format!("borang: no rules file, and the form has no field borang can check ({e})")))
}

/// The lean build (no `zero-config` feature) checks against a rules file only.
#[cfg(not(feature = "zero-config"))]
fn infer_rules(_form: &HtmlFormElement, _doc: &Document) -> Result<(Rules, Inferred), Error> {
    Err(Error::new(
        "borang: no rules file given, and this build (lean/) has no zero-config: load the full package (borang.js), or give a rules file or preset",
    ))
}

fn read_rules(input: JsValue) -> Result<Rules, Error> {
    if let Some(text) = input.as_string() {
        if !text.trim_start().starts_with('{') {
            return Rules::preset(text.trim()).map_err(rules_error);
        }
    }
    compile_rules(input).map_err(rules_error)
}

/// `block` is the mode when the options do not name one.
fn read_options(doc: &Document, options: JsValue, block: bool) -> Result<Options, Error> {
    const KEYS: &[&str] = &["lang", "mode", "summary", "drafts", "fixMaxlength"];
    let mut opts = Options { lang: None, block, place: Place::Top, drafts: true, fix_maxlength: false };
    if options.is_undefined() || options.is_null() {
        return Ok(opts);
    }
    let object = options.dyn_ref::<Object>().ok_or_else(|| Error::new("options: expected an object"))?;
    for key in Object::keys(object).iter().filter_map(|k| k.as_string()) {
        if !KEYS.contains(&key.as_str()) {
            return Err(Error::new(&format!("options: unknown key `{key}`; known: {}", KEYS.join(", "))));
        }
    }
    let get = |key: &str| Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let given = |v: &JsValue| !v.is_undefined() && !v.is_null();
    let lang = get("lang");
    if given(&lang) {
        let text = lang.as_string().ok_or_else(|| Error::new("options.lang: expected \"id\" or \"en\""))?;
        opts.lang = Some(text.parse().map_err(|e: String| Error::new(&format!("options.lang: {e}")))?);
    }
    let mode = get("mode");
    if given(&mode) {
        opts.block = match mode.as_string().as_deref() {
            Some("block") => true,
            Some("advise") => false,
            _ => return Err(Error::new("options.mode: expected \"block\" or \"advise\"")),
        };
    }
    let summary = get("summary");
    if given(&summary) {
        opts.place = match summary.as_string().as_deref() {
            Some("top") => Place::Top,
            Some("bottom") => Place::Bottom,
            Some("none") => Place::Nowhere,
            Some(selector) => {
                let found = doc.query_selector(selector).ok().flatten();
                Place::Inside(
                    found.ok_or_else(|| Error::new(&format!("options.summary: no element matches {selector:?}")))?,
                )
            }
            None => Place::Inside(
                summary
                    .dyn_into::<Element>()
                    .map_err(|_| Error::new("options.summary: expected a string or an element"))?,
            ),
        };
    }
    for (key, slot) in [("drafts", &mut opts.drafts), ("fixMaxlength", &mut opts.fix_maxlength)] {
        let v = get(key);
        if given(&v) {
            *slot = v.as_bool().ok_or_else(|| Error::new(&format!("options.{key}: expected true or false")))?;
        }
    }
    Ok(opts)
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

fn info(message: &str) {
    web_sys::console::info_1(&JsValue::from_str(message));
}

/// A stable name for the form on its page, for the draft key.
fn form_name(doc: &Document, form: &HtmlFormElement) -> String {
    if !form.id().is_empty() {
        return form.id();
    }
    let forms = doc.forms();
    let index = (0..forms.length()).find(|&i| forms.item(i).is_some_and(|f| f.is_same_node(Some(form)))).unwrap_or(0);
    format!("form{index}")
}

impl Inner {
    fn start(
        window: Window,
        doc: Document,
        form: HtmlFormElement,
        rules: Rules,
        opts: Options,
    ) -> Result<Rc<Inner>, Error> {
        let lang = opts.lang.unwrap_or_else(|| rules.lang());
        let infos = rules.sections_info();
        let mut fields: Vec<Field> = Vec::new();
        let index_of = |name: &str, fields: &mut Vec<Field>| match fields.iter().position(|f| f.name == name) {
            Some(i) => i,
            None => {
                fields.push(Field {
                    name: name.to_owned(),
                    control: None,
                    feedback: None,
                    owners: Vec::new(),
                    readers: Vec::new(),
                    seen: fields::Seen::Nothing,
                    validity: None,
                    stand_in: None,
                    redescribe: true,
                    presence: Presence::Shown,
                });
                fields.len() - 1
            }
        };
        let mut sections = Vec::new();
        for (s, info) in infos.into_iter().enumerate() {
            let own: Vec<usize> = info.fields.iter().map(|f| index_of(f, &mut fields)).collect();
            let mut reads = own.clone();
            reads.extend(info.depends_on.iter().map(|f| index_of(f, &mut fields)));
            for &f in &own {
                fields[f].owners.push(s);
            }
            for &f in &reads {
                if !fields[f].readers.contains(&s) {
                    fields[f].readers.push(s);
                }
            }
            let report = SectionReport {
                id: info.id.clone(),
                title: info.title.clone(),
                status: Status::Empty,
                words: 0,
                chars: 0,
                chars_no_spaces: 0,
                limits: Default::default(),
                messages: Vec::new(),
            };
            sections.push(Section { info, own, reads, report, meter: None, dirty: true, touched: false });
        }
        let page = window.location().pathname().unwrap_or_default();
        let drafts = opts.drafts.then(|| Drafts::new(&page, &form_name(&doc, &form)));
        let state = State {
            fields,
            sections,
            summary: None,
            live: None,
            frame_pending: false,
            rebind_pending: false,
            composing: false,
            submit_tried: false,
            submit_intent: false,
            invalid_seen: false,
            focus_before_invalid: None,
            task_end_pending: false,
            announce: None,
            announce_timer: None,
            save_timer: None,
            offer: None,
            baseline: Vec::new(),
            edited: Vec::new(),
            drafts_warned: false,
            frame_docs: Vec::new(),
            watched: Vec::new(),
            held: Vec::new(),
            read_backs: 0,
            sent: false,
            inferred: None,
        };
        let inner = Rc::new_cyclic(|weak: &Weak<Inner>| Inner {
            session: Session::new(),
            window,
            doc,
            form,
            rules,
            lang,
            opts,
            drafts,
            tab: format!("{:x}{:x}", (js_sys::Math::random() * 4e9) as u64, Date::now() as u64),
            state: RefCell::new(state),
            callbacks: Callbacks::new(weak),
        });
        if !inner.session.claim(&inner.form) {
            return Err(Error::new("borang: already attached to this form; detach() the other attachment first"));
        }
        // Anything that fails half-way is undone: the page must look as before.
        if let Err(e) = inner.setup() {
            inner.session.end();
            return Err(e);
        }
        Ok(inner)
    }

    fn setup(&self) -> Result<(), Error> {
        let cb = &self.callbacks;
        let form: &JsValue = self.form.as_ref();
        self.session.adopt(self.doc.as_ref(), view::PAGE_CSS);
        {
            let mut st = self.state.borrow_mut();
            let titles: Vec<(String, String)> =
                st.sections.iter().map(|s| (s.info.id.clone(), s.info.title.clone())).collect();
            st.summary = Summary::create(&self.session, &self.doc, &self.form, &self.opts.place, &titles, self.lang);
            let after = st.summary.as_ref().filter(|_| self.opts.place == Place::Top).map(|s| s.host.clone().into());
            st.live = view::live_region(&self.session, &self.doc, after.as_ref(), &self.form);
            if let Some(summary) = &st.summary {
                self.session.listen(summary.shadow.as_ref(), "click", cb.click.as_ref().unchecked_ref(), false);
            }
        }
        self.bind_all(true);
        // On the document, not the form: controls of the form may stand outside the <form>
        // element (broken markup the parser closed early, `form=` attributes), and their
        // events never pass through it. Each handler keeps to this form's fields.
        let doc: &JsValue = self.doc.as_ref();
        for kind in ["input", "change"] {
            self.session.listen(doc, kind, cb.input.as_ref().unchecked_ref(), true);
        }
        // selectize, select2, chosen, tagsinput: a choice is told with jQuery events only.
        let jquery = fields::jquery_events(&self.form);
        if !jquery.is_null() {
            self.session.listen(&jquery, "change", cb.input.as_ref().unchecked_ref(), false);
        }
        for kind in ["compositionstart", "compositionend"] {
            self.session.listen(doc, kind, cb.composition.as_ref().unchecked_ref(), true);
        }
        self.session.listen(doc, "invalid", cb.invalid.as_ref().unchecked_ref(), true);
        for kind in ["click", "keydown"] {
            self.session.listen(doc, kind, cb.intent.as_ref().unchecked_ref(), true);
        }
        self.session.listen(form, "reset", cb.reset.as_ref().unchecked_ref(), false);
        // Capture on window runs before any handler of the host's on the form, so a blocked
        // submit never reaches a host script that would send the form itself.
        self.session.listen(self.window.as_ref(), "submit", cb.submit.as_ref().unchecked_ref(), true);
        self.session.listen(self.window.as_ref(), "submit", cb.submitted.as_ref().unchecked_ref(), false);
        self.session.listen(self.window.as_ref(), "pagehide", cb.hidden.as_ref().unchecked_ref(), false);
        self.session.listen(self.doc.as_ref(), "visibilitychange", cb.hidden.as_ref().unchecked_ref(), false);
        if self.drafts.is_some() {
            self.session.listen(self.window.as_ref(), "storage", cb.storage.as_ref().unchecked_ref(), false);
        }
        let observe = Object::new();
        for (key, value) in [("childList", true), ("subtree", true), ("attributes", true)] {
            Reflect::set(&observe, &key.into(), &value.into())?;
        }
        let filter = js_sys::Array::of4(&"style".into(), &"hidden".into(), &"class".into(), &"contenteditable".into());
        Reflect::set(&observe, &"attributeFilter".into(), &filter)?;
        self.session.observe(self.form.as_ref(), cb.mutation.as_ref().unchecked_ref(), &observe);
        // Controls of the form outside its element: watch where they are too.
        if let Some(body) = self.doc.body().filter(|_| presence::has_outside_controls(&self.form)) {
            self.session.observe(body.as_ref(), cb.mutation.as_ref().unchecked_ref(), &observe);
        }
        self.session.every(cb.poll.as_ref().unchecked_ref(), POLL_MS);
        self.render();
        self.offer_draft();
        Ok(())
    }

    /// Finds every field; at start, warns once for each one the page lacks.
    fn bind_all(&self, first: bool) {
        let mut st = self.state.borrow_mut();
        let st = &mut *st;
        for field in &mut st.fields {
            let control = fields::find(&self.form, &self.doc, &field.name);
            if first && control.is_none() {
                let owner = field.owners.first().map(|&s| &st.sections[s].info);
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
                    st.sections[s].dirty = true;
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
                let stand_in = control.stand_in();
                if stand_in != field.stand_in {
                    if let Some(old) = &field.stand_in {
                        self.session.invalid(old, false);
                    }
                    field.stand_in = stand_in;
                    field.redescribe = true;
                    for &s in &field.readers {
                        st.sections[s].dirty = true;
                    }
                }
                let presence = presence::presence(control, &self.form, &self.doc);
                if presence != field.presence {
                    field.presence = presence;
                    for &s in &field.readers {
                        st.sections[s].dirty = true;
                    }
                }
                if let Some(doc) = control.frame_document() {
                    if !st.frame_docs.contains(&doc) {
                        for kind in ["input", "compositionstart", "compositionend"] {
                            let f = if kind == "input" { &self.callbacks.input } else { &self.callbacks.composition };
                            self.session.listen(doc.as_ref(), kind, f.as_ref().unchecked_ref(), true);
                        }
                        st.frame_docs.push(doc);
                    }
                }
                self.watch_editor(control, &mut st.watched);
                if first {
                    self.check_maxlength(field, &st.sections);
                }
            }
        }
    }

    /// A `maxlength` that cuts a word-limited field short: say so, and lift it if asked.
    fn check_maxlength(&self, field: &Field, sections: &[Section]) {
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

    fn rebind(&self) {
        self.bind_all(false);
    }

    fn mark_all_dirty(&self, touch: bool) {
        let mut st = self.state.borrow_mut();
        for s in &mut st.sections {
            s.dirty = true;
            s.touched |= touch;
        }
    }

    /// Renders whatever is pending now (before a submit, or when asked for a report).
    fn flush(&self) {
        let rebind = std::mem::take(&mut self.state.borrow_mut().rebind_pending);
        if rebind {
            self.rebind();
        }
        self.render();
    }

    fn schedule_frame(&self) {
        let mut st = self.state.borrow_mut();
        if !st.frame_pending && !self.session.dead() {
            st.frame_pending = true;
            self.session.frame(self.callbacks.frame.as_ref().unchecked_ref());
        }
    }

    fn report(&self) -> Report {
        let st = self.state.borrow();
        Report::from_sections(st.sections.iter().map(|s| s.report.clone()).collect())
    }

    /// Checks the dirty sections and updates their feedback, the summary and validity, then
    /// tells the page with a `borang:update` event (once nothing of borang's is borrowed, so
    /// a listener may call `report()`).
    fn render(&self) {
        if self.render_dirty() {
            if let Ok(event) = web_sys::CustomEvent::new("borang:update") {
                let _ = self.form.dispatch_event(&event);
            }
        }
    }

    /// Whether anything was rendered.
    fn render_dirty(&self) -> bool {
        let mut st = self.state.borrow_mut();
        let st = &mut *st;
        let dirty: Vec<usize> = (0..st.sections.len()).filter(|&i| st.sections[i].dirty).collect();
        if dirty.is_empty() {
            return false;
        }
        for &i in &dirty {
            let mut values = Values::new();
            for &f in &st.sections[i].reads {
                let field = &mut st.fields[f];
                if let Some(control) = &field.control {
                    let (value, seen) = control.read();
                    field.seen = seen;
                    values.insert(field.name.clone(), value);
                    if let Some(labels) = control.labels() {
                        values.labels(field.name.clone(), labels);
                    }
                }
            }
            let section = &st.sections[i];
            // A section none of whose fields is on the page, or applies there, is skipped.
            let applies = |f: &usize| {
                let field = &st.fields[*f];
                field.control.is_some() && field.presence != Presence::NotApplicable
            };
            let missing = !section.own.iter().any(applies);
            let unsure = section.own.iter().any(|&f| st.fields[f].presence == Presence::Unsure);
            let mut report = self.rules.check_section(&section.info.id, &values, self.lang).expect("a known section");
            if missing {
                report.status = Status::Skipped;
                report.messages.clear();
            } else if unsure {
                // Hidden in a way borang cannot read: say what is wrong, never block on it.
                for message in &mut report.messages {
                    if message.severity == Severity::Error {
                        message.severity = Severity::Warning;
                    }
                }
                if report.status == Status::Error {
                    report.status = Status::Warning;
                }
            }
            let long_text = |f: &usize| st.fields[*f].control.as_ref().is_some_and(Control::is_long_text);
            let counts_words = section.own.iter().any(long_text);
            let section = &mut st.sections[i];
            section.meter = ui::meter(&report, self.lang, counts_words);
            section.report = report;
            section.dirty = false;
        }
        // Feedback next to each field of the dirty sections.
        let mut fields_to_render: Vec<usize> = dirty.iter().flat_map(|&i| st.sections[i].own.clone()).collect();
        fields_to_render.dedup();
        for f in fields_to_render {
            self.render_field(st, f);
        }
        if let Some(summary) = &mut st.summary {
            for &i in &dirty {
                let s = &st.sections[i];
                summary.render_row(i, RowData { report: &s.report, meter: s.meter.as_ref() });
            }
            // "Lengkap" on the panel means filled in and without error: an optional section
            // left empty is not complete to the applicant, though it blocks nothing.
            let count = |status| st.sections.iter().filter(|s| s.report.status == status).count() as u32;
            let by_status = [count(Status::Error), count(Status::Warning), count(Status::Empty)];
            let total = st.sections.len() as u32 - count(Status::Skipped);
            summary.render_totals(count(Status::Ok) + count(Status::Warning), total, by_status);
            if st.submit_tried {
                let titles: Vec<String> = st
                    .sections
                    .iter()
                    .filter(|s| failing(&s.report))
                    .map(|s| {
                        let step = s.own.iter().find_map(|&f| match &st.fields[f].presence {
                            Presence::OnHiddenStep { number, label } => Some((*number, label.as_deref())),
                            _ => None,
                        });
                        ui::section_on_step(&s.report.title, step, self.lang)
                    })
                    .collect();
                let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
                summary.render_alert(Some(&titles));
                if titles.is_empty() {
                    summary.set_floating(false);
                }
            }
        }
        true
    }

    fn render_field(&self, st: &mut State, f: usize) {
        let Some(&s) = st.fields[f].owners.first() else { return };
        let section = &st.sections[s];
        let field = &st.fields[f];
        let Some(control) = field.control.clone() else { return };
        let primary = section.own.iter().find(|&&g| st.fields[g].control.is_some()) == Some(&f);
        let show_all = section.touched || st.submit_tried || section.report.status != Status::Empty;
        let shown: Vec<Shown> = section
            .report
            .messages
            .iter()
            .filter(|m| show_all && m.field.as_deref().map_or(primary, |name| name == field.name))
            .map(|m| Shown { severity: m.severity, rule: m.rule, text: &m.text })
            .collect();
        let meter = if primary && control.is_text() { section.meter.as_ref() } else { None };
        let first_error = shown.iter().find(|m| m.severity == Severity::Error).map(|m| m.text.to_owned());
        let needs_node = meter.is_some() || !shown.is_empty();
        let session_id = self.session.id();
        let field = &mut st.fields[f];
        if field.feedback.is_none() && needs_node {
            let id = format!("borang-{session_id}-{}", safe_id(&field.name, f));
            field.feedback = Feedback::create(&self.session, &self.doc, &control.anchor(), &id, &field.name);
            field.redescribe = true;
        }
        if let Some(feedback) = &mut field.feedback {
            feedback.render(meter, &shown);
        }
        // The control and the widget's element the applicant focuses (decided at bind).
        let targets = control.aria_targets().into_iter().chain(field.stand_in.clone());
        if field.redescribe {
            if let Some(feedback) = &field.feedback {
                field.redescribe = false;
                for target in targets.clone() {
                    self.session.describe(&target, &feedback.root);
                }
            }
        }
        for target in targets {
            self.session.invalid(&target, first_error.is_some());
        }
        if self.opts.block {
            if let Some(target) = &field.validity {
                self.session.set_validity(target, first_error.as_deref().unwrap_or(""));
            }
        }
    }

    fn on_input(&self, event: &Event) {
        let composing = Reflect::get(event, &"isComposing".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false);
        if composing || self.state.borrow().composing {
            return;
        }
        let Some(target) = event_node(event) else { return };
        self.changed(&target);
    }

    /// A field changed: its sections (and the ones reading it) get checked at the next frame.
    fn changed(&self, target: &Node) {
        {
            let mut st = self.state.borrow_mut();
            let st = &mut *st;
            let Some(f) = st.fields.iter().position(|f| f.control.as_ref().is_some_and(|c| c.contains(target))) else {
                return;
            };
            let field = &st.fields[f];
            for &s in &field.readers {
                st.sections[s].dirty = true;
            }
            for &s in &field.owners {
                st.sections[s].touched = true;
            }
            st.announce = field.owners.first().copied();
            if let Some(timer) = st.announce_timer.take() {
                self.session.cancel(&timer);
            }
            st.announce_timer =
                Some(self.session.timeout(self.callbacks.announce.as_ref().unchecked_ref(), ANNOUNCE_AFTER_MS));
            if st.save_timer.is_none() {
                st.save_timer = Some(self.session.timeout(self.callbacks.save.as_ref().unchecked_ref(), SAVE_AFTER_MS));
            }
        }
        self.schedule_frame();
    }

    fn on_composition(&self, event: &Event) {
        let Some(target) = event_node(event) else { return };
        let ours = self.state.borrow().fields.iter().any(|f| f.control.as_ref().is_some_and(|c| c.contains(&target)));
        if !ours {
            return;
        }
        let starting = event.type_() == "compositionstart";
        self.state.borrow_mut().composing = starting;
        if !starting {
            self.changed(&target);
        }
    }

    fn on_submit(&self, event: &Event) {
        if !self.is_our_form(event) || !self.opts.block {
            return;
        }
        self.state.borrow_mut().submit_tried = true;
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
    fn show_refusal(&self, target: Option<HtmlElement>) {
        let active = self.doc.active_element();
        match target {
            // The browser's own validation may have focused it already.
            Some(target) if active.is_some_and(|a| a.is_same_node(Some(&target))) => {}
            Some(target) => focus(&target),
            None => {
                if let Some(summary) = &self.state.borrow().summary {
                    summary.focus_alert();
                }
            }
        }
        if let Some(summary) = &mut self.state.borrow_mut().summary {
            if !summary.in_view(&self.window) {
                summary.set_floating(true);
            }
        }
    }

    fn on_submitted(&self, event: &Event) {
        if self.is_our_form(event) && !event.default_prevented() {
            if let Some(drafts) = &self.drafts {
                drafts.clear();
            }
            let mut st = self.state.borrow_mut();
            if let Some(timer) = st.save_timer.take() {
                self.session.cancel(&timer);
            }
            // Nothing more is saved for this page: it is being sent.
            st.offer = None;
            st.sent = true;
        }
    }

    /// A click on a submit button, or Enter in a one-line field: the browser may now validate
    /// the form for a submit. Remembered until the end of this task.
    fn on_intent(&self, event: &Event) {
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
            self.state.borrow_mut().submit_intent = true;
            self.at_task_end();
        }
    }

    fn at_task_end(&self) {
        let mut st = self.state.borrow_mut();
        if !std::mem::replace(&mut st.task_end_pending, true) {
            self.session.timeout(self.callbacks.intent_over.as_ref().unchecked_ref(), 0);
        }
    }

    /// The browser found invalid controls. Whether that was a submit attempt (or
    /// `reportValidity()`, which shows the same to the applicant) or a script quietly asking
    /// `checkValidity()` is known at the end of the task: see `on_intent_over`.
    fn on_invalid(&self, event: &Event) {
        if !event_node(event).is_some_and(|n| self.owns(n.unchecked_ref())) {
            return;
        }
        {
            let mut st = self.state.borrow_mut();
            if !std::mem::replace(&mut st.invalid_seen, true) {
                st.focus_before_invalid = self.doc.active_element();
            }
        }
        self.at_task_end();
    }

    /// End of the task of a submit intent or of `invalid` events. A submit the browser
    /// refused (a submit button pressed, or the browser moved focus to an invalid control as
    /// interactive validation and `reportValidity()` do) shows everything, like a submit
    /// borang stops. After a press of a submit button the first failing field gets focus: the
    /// browser focused the first control it knew to be invalid, and sections not visited yet
    /// had no validity message then.
    fn on_intent_over(&self) {
        let (intent, invalid, before) = {
            let mut st = self.state.borrow_mut();
            st.task_end_pending = false;
            let intent = std::mem::take(&mut st.submit_intent);
            let invalid = std::mem::take(&mut st.invalid_seen);
            (intent, invalid, st.focus_before_invalid.take())
        };
        let active = self.doc.active_element();
        let moved = match (&active, &before) {
            (Some(a), Some(b)) => !a.is_same_node(Some(b)),
            (a, b) => a.is_some() != b.is_some(),
        };
        if !invalid || !(intent || moved) {
            return;
        }
        self.state.borrow_mut().submit_tried = true;
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
    fn reach(&self, index: usize) -> Option<Reach> {
        let st = self.state.borrow();
        let section = st.sections.get(index)?;
        let title = section.report.title.as_str();
        let mut hidden_step = None;
        let mut not_applicable = false;
        for &f in &section.own {
            let field = &st.fields[f];
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
    fn first_failing(&self) -> Option<Option<HtmlElement>> {
        let st = self.state.borrow();
        let mut failing_sections = st.sections.iter().filter(|s| failing(&s.report)).peekable();
        failing_sections.peek()?;
        let reachable = failing_sections.find_map(|s| {
            s.own.iter().find_map(|&f| {
                let field = &st.fields[f];
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
    fn owns(&self, el: &Element) -> bool {
        Reflect::get(el, &"form".into()).is_ok_and(|f| f == JsValue::from(&self.form))
    }

    fn is_our_form(&self, event: &Event) -> bool {
        event.target().is_some_and(|t| JsValue::from(t) == JsValue::from(&self.form))
    }

    /// Watches an editor's editable for edits (see `Control::watch_target`), once per node.
    fn watch_editor(&self, control: &Control, watched: &mut Vec<Node>) {
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

    /// An editor's content changed (typed, pasted, set by its API): check at the next frame.
    /// A change in a watched document no field holds (an editor rewrote its iframe) means the
    /// fields must be found again.
    fn on_edit(&self, records: &JsValue) {
        if self.state.borrow().composing {
            return;
        }
        let records: &js_sys::Array = records.unchecked_ref();
        let Some(target) = Reflect::get(&records.get(0), &"target".into()).ok().filter(JsValue::is_object) else {
            return;
        };
        let target: Node = target.unchecked_into();
        let bound = self.state.borrow().fields.iter().any(|f| f.control.as_ref().is_some_and(|c| c.contains(&target)));
        if bound {
            self.changed(&target);
        } else {
            self.state.borrow_mut().rebind_pending = true;
            self.schedule_frame();
        }
    }

    fn on_mutation(&self, records: &JsValue) {
        let records: js_sys::Array = records.clone().unchecked_into();
        let st = self.state.borrow();
        let editing = |node: &Node| {
            st.fields.iter().any(|f| match &f.control {
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
            if ours(&target) || editing(&target) {
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
        drop(st);
        if relevant {
            self.state.borrow_mut().rebind_pending = true;
            self.schedule_frame();
        }
    }

    fn on_frame(&self) {
        let rebind = {
            let mut st = self.state.borrow_mut();
            st.frame_pending = false;
            std::mem::take(&mut st.rebind_pending)
        };
        if rebind {
            self.rebind();
        }
        self.render();
    }

    /// Catches changes that fire no event: dictation software, scripts setting `.value`.
    fn on_poll(&self) {
        if self.doc.hidden() || self.state.borrow().composing {
            return;
        }
        // A value that differs from the one last checked changed without an event (or its
        // frame is pending, and marking it again is harmless).
        let changed: Vec<Node> = {
            let st = self.state.borrow();
            st.fields
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

    fn on_announce(&self) {
        let mut st = self.state.borrow_mut();
        st.announce_timer = None;
        let Some(s) = st.announce.take() else { return };
        let text = ui::announcement(&st.sections[s].report, self.lang);
        if let Some(live) = &st.live {
            live.set_text_content(Some(&text));
        }
    }

    fn current_values(&self) -> Vec<(String, FieldValue)> {
        let st = self.state.borrow();
        st.fields.iter().filter_map(|f| Some((f.name.clone(), f.control.as_ref()?.value()))).collect()
    }

    fn save_now(&self) {
        {
            let mut st = self.state.borrow_mut();
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
            let mut st = self.state.borrow_mut();
            note_edits(&mut st, &current, now);
            // What another tab saved since is read back, so its newer text is kept.
            let stored = drafts.load();
            let (merged, newer) = drafts::merge(&current, &st.edited, stored.as_ref());
            let html = merged_html(&merged, &current, &html, stored.as_ref());
            (merged, newer, html, stored)
        };
        if drafts.save(now, &self.tab, &merged, &html).is_err() {
            self.drafts_unavailable();
            return;
        }
        // Offered from the draft as the other tab wrote it: the one just saved is this tab's.
        if let Some(stored) = stored.filter(|_| !newer_elsewhere.is_empty() && self.state.borrow().offer.is_none()) {
            self.offer_newer_in(stored);
        }
    }

    /// The HTML of the rich-text fields (editors), for the draft.
    fn current_html(&self) -> Vec<(String, String)> {
        let st = self.state.borrow();
        st.fields.iter().filter_map(|f| Some((f.name.clone(), f.control.as_ref()?.html()?))).collect()
    }

    /// Restored fields not confirmed on the page are saved with the draft's value: a restore
    /// that has not taken (yet) must not overwrite the draft with an empty editor. A field
    /// whose restore failed is released once the applicant changes it.
    fn hold_restored(&self, current: &mut [(String, FieldValue)], html: &mut Vec<(String, String)>) {
        let mut st = self.state.borrow_mut();
        st.held.retain(|held| {
            let now = current.iter().find(|(n, _)| *n == held.name).map(|(_, v)| v);
            !matches!((&held.failed, now), (Some(page), Some(now)) if !drafts::same(page, now))
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
    fn restore_offer(&self) {
        let Some(offer) = self.state.borrow_mut().offer.take() else { return };
        // An editor may have replaced a textarea since the fields were found.
        self.rebind();
        let restorable = offer.restorable(&self.current_values());
        let mut restores = Vec::new();
        {
            // The restored text is this tab's now, as old as it was in the draft.
            let mut st = self.state.borrow_mut();
            st.held.clear();
            st.read_backs = 0;
            for (name, value) in &restorable {
                set_entry(&mut st.baseline, name, value.clone());
                set_entry(&mut st.edited, name, offer.draft.edited_at(name));
                let html = offer.draft.html(name).map(str::to_owned);
                let Some(control) = st.fields.iter().find(|f| f.name == *name).and_then(|f| f.control.clone()) else {
                    // Not on this page: the draft keeps it (see `drafts::merge`).
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
    fn read_back(&self) {
        self.rebind();
        let current = self.current_values();
        let (pending, tries) = {
            let mut st = self.state.borrow_mut();
            st.held.retain(|held| {
                held.failed.is_some()
                    || !current.iter().any(|(n, now)| *n == held.name && drafts::took(now, &held.value))
            });
            st.read_backs += 1;
            (st.held.iter().filter(|h| h.failed.is_none()).count(), st.read_backs as usize)
        };
        if pending > 0 && tries < READ_BACK_MS.len() {
            self.session.timeout(self.callbacks.read_back.as_ref().unchecked_ref(), READ_BACK_MS[tries]);
            return;
        }
        let failed: Vec<String> = {
            let mut st = self.state.borrow_mut();
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
            let st = self.state.borrow();
            let mut titles: Vec<&str> = Vec::new();
            for name in &failed {
                let owner = st.fields.iter().find(|f| f.name == *name).and_then(|f| f.owners.first());
                let title = owner.map_or(name.as_str(), |&s| st.sections[s].info.title.as_str());
                if !titles.contains(&title) {
                    titles.push(title);
                }
            }
            let text = ui::text(Ui::DraftNotRestored, self.lang, &[("titles", &ui::titles(&titles, 3, self.lang))]);
            warn(&format!("borang: {text} ({})", failed.join(", ")));
            if let Some(summary) = &st.summary {
                summary.show_note(&text);
            }
            text
        };
        if let Some(live) = &self.state.borrow().live {
            live.set_text_content(Some(&say));
        }
        self.mark_all_dirty(false);
        self.render();
        self.save_now();
    }

    /// Says once, in the panel and the console, that drafts cannot be kept.
    fn drafts_unavailable(&self) {
        let mut st = self.state.borrow_mut();
        if !std::mem::replace(&mut st.drafts_warned, true) {
            let text = ui::text(Ui::DraftUnavailable, self.lang, &[]);
            warn(&format!("borang: {text}"));
            if let Some(summary) = &st.summary {
                summary.show_note(&text);
            }
        }
    }

    /// Another tab saved this form's draft. If it holds text newer than what this tab shows,
    /// offer it; this tab's own text stays until the applicant chooses.
    fn on_storage(&self, event: &JsValue) {
        let Some(drafts) = &self.drafts else { return };
        let key = Reflect::get(event, &"key".into()).ok().and_then(|k| k.as_string());
        if key.as_deref() != Some(drafts.key()) || self.state.borrow().sent {
            return;
        }
        // This tab's pending text is written first (merged, never over newer text).
        if self.state.borrow().save_timer.is_some() {
            self.save_now();
        }
        if self.state.borrow().offer.is_none() {
            self.offer_newer();
        }
    }

    /// Offers the stored draft when another tab wrote, for some field, text that differs from
    /// this page's and is newer than this tab's own edit of it.
    fn offer_newer(&self) {
        let Some(drafts) = &self.drafts else { return };
        if let Some(draft) = drafts.load() {
            self.offer_newer_in(draft);
        }
    }

    fn offer_newer_in(&self, draft: drafts::Draft) {
        if draft.tab == self.tab {
            return;
        }
        let current = self.current_values();
        let newer = {
            let st = self.state.borrow();
            draft.fields.iter().any(|(name, saved)| {
                let mine = st.edited.iter().find(|(n, _)| n == name).map_or(f64::NEG_INFINITY, |(_, t)| *t);
                let shown = current.iter().find(|(n, _)| n == name).map(|(_, v)| v);
                shown.is_some_and(|v| !drafts::same(v, saved)) && draft.edited_at(name) > mine
            })
        };
        if newer {
            let offset = -(Date::new_0().get_timezone_offset() as i32);
            let time = ui::timestamp(draft.saved_at, offset, self.lang);
            let text = ui::text(Ui::DraftNewerElsewhere, self.lang, &[("time", &time)]);
            self.show_offer(draft, current, &text);
        }
    }

    fn offer_draft(&self) {
        let Some(drafts) = &self.drafts else { return };
        let loaded = self.current_values();
        self.state.borrow_mut().baseline = loaded.clone();
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

    fn show_offer(&self, draft: drafts::Draft, loaded: Vec<(String, FieldValue)>, text: &str) {
        let mut st = self.state.borrow_mut();
        match &st.summary {
            Some(summary) => summary.show_draft(Some(text)),
            // Without a panel there is nowhere to ask: keep the draft, say so in the console.
            None => {
                info(&format!("borang: {text} (no summary panel to offer it in; the draft is kept)"));
            }
        }
        st.offer = Some(Offer { draft, loaded });
    }

    fn on_click(&self, event: &Event) {
        let Some(button) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        let Some(button) = button.closest("[data-action]").ok().flatten() else { return };
        match button.get_attribute("data-action").as_deref() {
            Some("toggle") => {
                if let Some(summary) = &mut self.state.borrow_mut().summary {
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
                        if let Some(summary) = &mut self.state.borrow_mut().summary {
                            if summary.is_sticky() {
                                summary.set_open(false);
                            }
                        }
                        focus(&target);
                    }
                    // Focus stays on the link; the panel says where the field is.
                    Some(Reach::Say(text)) => {
                        if let Some(summary) = &self.state.borrow().summary {
                            summary.say(&text);
                        }
                    }
                    None => {}
                }
            }
            Some("restore") => self.restore_offer(),
            Some("discard") => {
                // What the page shows is what the applicant keeps: it is saved as this tab's
                // newest text, over the draft they dismissed.
                let current = self.current_values();
                {
                    let mut st = self.state.borrow_mut();
                    st.offer = None;
                    let now = Date::now();
                    for (name, value) in current {
                        set_entry(&mut st.edited, &name, now);
                        set_entry(&mut st.baseline, &name, value);
                    }
                }
                self.after_offer(None);
                if self.state.borrow().save_timer.is_none() {
                    self.save_now();
                }
            }
            _ => {}
        }
    }

    fn after_offer(&self, say: Option<String>) {
        let st = self.state.borrow();
        if let Some(summary) = &st.summary {
            summary.show_draft(None);
        }
        if let (Some(live), Some(text)) = (&st.live, say) {
            live.set_text_content(Some(&text));
        }
    }

    /// `pagehide`, or the tab going to the background: write a pending draft now.
    fn on_hidden(&self, event: &Event) {
        let leaving = event.type_() == "pagehide" || self.doc.hidden();
        let pending = self.state.borrow().save_timer.is_some();
        if leaving && pending {
            self.save_now();
        }
    }
}

/// Records, for every field whose value changed since this tab last saved or loaded it, that
/// this tab changed it at `now`.
fn note_edits(st: &mut State, current: &[(String, FieldValue)], now: f64) {
    for (name, value) in current {
        let before = st.baseline.iter().find(|(n, _)| n == name).map(|(_, v)| v);
        let changed = before.map_or(!value.is_empty(), |b| !drafts::same(b, value));
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
    stored: Option<&drafts::Draft>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (name, value, _) in merged {
        let mine = current.iter().any(|(n, v)| n == name && drafts::same(v, value));
        let page = html.iter().find(|(n, _)| n == name).map(|(_, h)| h.as_str());
        let kept = stored.filter(|d| d.value(name).is_some_and(|v| drafts::same(v, value))).and_then(|d| d.html(name));
        if let Some(h) = if mine { page.or(kept) } else { kept } {
            out.push((name.clone(), h.to_owned()));
        }
    }
    out
}

fn set_entry<T>(list: &mut Vec<(String, T)>, name: &str, value: T) {
    match list.iter_mut().find(|(n, _)| n == name) {
        Some(entry) => entry.1 = value,
        None => list.push((name.to_owned(), value)),
    }
}

/// The node an event targets. Events from an editor's iframe carry nodes of another window,
/// which `instanceof Node` here would refuse: any object target is taken as a node.
fn event_node(event: &Event) -> Option<Node> {
    let target: JsValue = event.target()?.into();
    target.is_object().then(|| target.unchecked_into())
}

/// What the applicant can focus to act on a shown field: the widget's own element when one
/// stands in, else the control's focus target when it is rendered, else something focusable
/// next to it (a styled file input's button).
fn reachable(field: &Field, control: &Control) -> Option<HtmlElement> {
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
enum Reach {
    Focus(HtmlElement),
    Say(String),
}

/// Whether a section stops a submit: any error, including a required section left empty.
fn failing(report: &SectionReport) -> bool {
    report.status != Status::Skipped && report.messages.iter().any(|m| m.severity == Severity::Error)
}

fn focus(target: &HtmlElement) {
    let _ = target.focus();
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    target.scroll_into_view_with_scroll_into_view_options(&options);
}

/// An id-safe version of a field name (ids must be unique: the index disambiguates).
fn safe_id(name: &str, index: usize) -> String {
    let clean: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    format!("{clean}-{index}")
}

impl Callbacks {
    fn new(weak: &Weak<Inner>) -> Callbacks {
        /// A callback that forwards to `Inner` while it exists. After `detach()` the session
        /// has unregistered every callback, and its guard calls none of them any more.
        fn cb(weak: &Weak<Inner>, f: fn(&Inner, JsValue)) -> Closure<dyn FnMut(JsValue)> {
            let weak = weak.clone();
            Closure::new(move |arg: JsValue| {
                if let Some(inner) = weak.upgrade() {
                    f(&inner, arg);
                }
            })
        }
        Callbacks {
            input: cb(weak, |i, e| i.on_input(e.unchecked_ref())),
            composition: cb(weak, |i, e| i.on_composition(e.unchecked_ref())),
            submit: cb(weak, |i, e| i.on_submit(e.unchecked_ref())),
            submitted: cb(weak, |i, e| i.on_submitted(e.unchecked_ref())),
            invalid: cb(weak, |i, e| i.on_invalid(e.unchecked_ref())),
            intent: cb(weak, |i, e| i.on_intent(e.unchecked_ref())),
            intent_over: cb(weak, |i, _| i.on_intent_over()),
            reset: cb(weak, |i, _| {
                i.mark_all_dirty(false);
                i.schedule_frame();
            }),
            frame: cb(weak, |i, _| i.on_frame()),
            poll: cb(weak, |i, _| i.on_poll()),
            mutation: cb(weak, |i, records| i.on_mutation(&records)),
            edit: cb(weak, |i, records| i.on_edit(&records)),
            read_back: cb(weak, |i, _| i.read_back()),
            announce: cb(weak, |i, _| i.on_announce()),
            save: cb(weak, |i, _| i.save_now()),
            click: cb(weak, |i, e| i.on_click(e.unchecked_ref())),
            hidden: cb(weak, |i, e| i.on_hidden(e.unchecked_ref())),
            storage: cb(weak, |i, e| i.on_storage(&e)),
        }
    }
}
