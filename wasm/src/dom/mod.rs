//! The DOM layer: attaches borang to a form the host page already has. It finds the fields
//! the rules name, listens to the applicant's typing, checks the edited section once the
//! task that changed it is done (before the browser paints) and renders feedback next to the fields and in a summary panel. It adds
//! only its own nodes and ARIA tokens, and every callback runs under a fail-open guard
//! (`js/session.js`): if anything of borang's throws, all of it is removed and the form is
//! exactly as it was.
//!
//! This file is the `attach` export, the `Attachment` handle, and the wiring: which event
//! goes to which callback. Each concern is a module of its own; they share the low-level
//! ones (`session`, `state`, `fields`, `view`) and never import from this file.
//!
//! Arrows run one way: this layer uses the boundary's helpers and the core; the core never
//! sees a browser.

mod adapters;
mod announce;
mod bind;
// Without zero-config only `text_of` is used; the rest is left out of the module by the linker.
#[cfg_attr(not(feature = "zero-config"), allow(dead_code))]
mod describe;
mod drafts;
mod fields;
mod input;
mod log;
mod options;
mod panel;
mod presence;
mod render;
mod session;
mod state;
mod submit;
mod view;
mod zero_config;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use borang::Rules;
use js_sys::{Date, Error, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlFormElement, Window};

use self::announce::Announce;
use self::drafts::Drafts;
use self::input::POLL_MS;
use self::options::{find_form, read_options, read_rules, Options};
use self::session::Session;
use self::state::{Callbacks, Deferred, Inner, Model};
use self::submit::Submit;
use self::view::{Place, Summary};
use self::zero_config::{infer_rules, Inferred};
use crate::wasm::{to_js, JsReport};

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
    let inner = Inner::start(window, doc, form, rules, opts, inferred)?;
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
        self.inner.inferred.as_ref().map(|i| i.text.clone())
    }

    /// In zero-config mode, each inferred section with the page text its title, `required`
    /// and each limit came from: why borang checks what it checks. `undefined` when rules
    /// were given.
    pub fn explain(&self) -> Result<JsExplained, Error> {
        match &self.inner.inferred {
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

impl Inner {
    fn start(
        window: Window,
        doc: Document,
        form: HtmlFormElement,
        rules: Rules,
        opts: Options,
        inferred: Option<Inferred>,
    ) -> Result<Rc<Inner>, Error> {
        let lang = opts.lang.unwrap_or_else(|| rules.lang());
        let model = Model::new(rules.sections_info());
        let page = window.location().pathname().unwrap_or_default();
        let drafts = opts.drafts.then(|| Drafts::new(&page, &drafts::form_name(&doc, &form)));
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
            inferred,
            model: RefCell::new(model),
            view: RefCell::default(),
            watch: RefCell::default(),
            deferred: Deferred::default(),
            submit: Submit::default(),
            announce: Announce::default(),
            draft: RefCell::default(),
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
            let titles: Vec<(String, String)> =
                self.model.borrow().sections.iter().map(|s| (s.info.id.clone(), s.info.title.clone())).collect();
            let mut view = self.view.borrow_mut();
            let st = &mut *view;
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
        let jquery = adapters::jquery_events(&self.form);
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
        self.session.watch(self.form.as_ref(), cb.mutation.as_ref().unchecked_ref(), &observe);
        // Controls of the form outside its element: watch where they are too.
        if let Some(body) = self.doc.body().filter(|_| presence::has_outside_controls(&self.form)) {
            self.session.watch(body.as_ref(), cb.mutation.as_ref().unchecked_ref(), &observe);
        }
        self.session.every(cb.poll.as_ref().unchecked_ref(), POLL_MS);
        self.render();
        self.offer_draft();
        Ok(())
    }
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
                i.schedule_render();
            }),
            render: cb(weak, |i, _| i.on_render()),
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
