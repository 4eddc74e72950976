//! An attachment's state: the fields and sections of the rules as found on the page, the
//! nodes borang shows, and the flags and timers of the callbacks.

use std::cell::{Cell, RefCell};

use borang::ui::Meter;
use borang::{CountCache, FieldValue, Lang, Report, Rules, SectionInfo, SectionReport, Status};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, HtmlFormElement, Node, Window};

use super::announce::Announce;
use super::drafts::{DraftState, Drafts};
use super::fields::{self, Control};
use super::options::Options;
use super::presence::Presence;
use super::session::Session;
use super::submit::Submit;
use super::view::{Feedback, Summary};
use super::zero_config::Inferred;

pub(crate) struct Field {
    pub(crate) name: String,
    pub(crate) control: Option<Control>,
    pub(crate) feedback: Option<Feedback>,
    /// Sections this field belongs to (the first one shows its messages).
    pub(crate) owners: Vec<usize>,
    /// Sections whose result depends on this field (owners included).
    pub(crate) readers: Vec<usize>,
    /// The value last checked: the poll compares against it.
    pub(crate) seen: fields::Seen,
    /// Where custom validity goes, decided when the field is bound (deciding it needs
    /// layout, which must not be forced on every keystroke).
    pub(crate) validity: Option<Element>,
    /// Whether the field applies (a hidden row does not; a hidden wizard step does), decided
    /// when the field is bound, like `validity`.
    pub(crate) presence: Presence,
    /// The widget's element the applicant focuses instead of the control (see
    /// `Control::stand_in`), decided when the field is bound, like `validity`.
    pub(crate) stand_in: Option<Element>,
    /// The description and invalid state must be (re)set on every target at the next render
    /// (the field's feedback or stand-in changed).
    pub(crate) redescribe: bool,
    /// The invalid state and custom validity last set on the page (unknown after a bind), so
    /// a keystroke that changes neither writes neither.
    pub(crate) applied: Applied,
}

/// What borang last set on a field's elements.
#[derive(Default)]
pub(crate) struct Applied {
    pub(crate) invalid: Option<bool>,
    pub(crate) validity: Option<String>,
}

pub(crate) struct Section {
    pub(crate) info: SectionInfo,
    /// Indices into `fields`: its own fields, then the ones it depends on.
    pub(crate) own: Vec<usize>,
    pub(crate) reads: Vec<usize>,
    pub(crate) report: SectionReport,
    pub(crate) meter: Option<Meter>,
    pub(crate) dirty: bool,
    /// The applicant has been in this section (or tried to submit): show every message.
    pub(crate) touched: bool,
}

/// The rules' fields and sections as found on the page, and each section's last result.
pub(crate) struct Model {
    pub(crate) fields: Vec<Field>,
    pub(crate) sections: Vec<Section>,
    /// Each text field's counts by block: a keystroke re-counts only the paragraphs it touched.
    pub(crate) counts: CountCache,
}

/// borang's own nodes: the summary panel and the live region.
#[derive(Default)]
pub(crate) struct View {
    pub(crate) summary: Option<Summary>,
    pub(crate) live: Option<HtmlElement>,
}

/// What is listened to besides the form: editors' iframe documents, and editors' editables
/// (or iframe documents) watched for edits that fire no `input`.
#[derive(Default)]
pub(crate) struct Watch {
    pub(crate) frame_docs: Vec<Document>,
    pub(crate) watched: Vec<Node>,
}

/// The pending render and what it must do first.
#[derive(Default)]
pub(crate) struct Deferred {
    pub(crate) pending: Cell<bool>,
    /// The fields must be found again first (the page changed under the form).
    pub(crate) rebind: Cell<bool>,
    /// An IME composition is under way: nothing is checked until it ends.
    pub(crate) composing: Cell<bool>,
}

/// The callbacks, created once per attachment and kept until it is dropped.
pub(crate) struct Callbacks {
    pub(crate) input: Closure<dyn FnMut(JsValue)>,
    pub(crate) composition: Closure<dyn FnMut(JsValue)>,
    pub(crate) submit: Closure<dyn FnMut(JsValue)>,
    pub(crate) submitted: Closure<dyn FnMut(JsValue)>,
    pub(crate) invalid: Closure<dyn FnMut(JsValue)>,
    pub(crate) intent: Closure<dyn FnMut(JsValue)>,
    pub(crate) intent_over: Closure<dyn FnMut(JsValue)>,
    pub(crate) reset: Closure<dyn FnMut(JsValue)>,
    pub(crate) render: Closure<dyn FnMut(JsValue)>,
    pub(crate) poll: Closure<dyn FnMut(JsValue)>,
    pub(crate) mutation: Closure<dyn FnMut(JsValue)>,
    pub(crate) edit: Closure<dyn FnMut(JsValue)>,
    pub(crate) read_back: Closure<dyn FnMut(JsValue)>,
    pub(crate) announce: Closure<dyn FnMut(JsValue)>,
    pub(crate) save: Closure<dyn FnMut(JsValue)>,
    pub(crate) click: Closure<dyn FnMut(JsValue)>,
    pub(crate) hidden: Closure<dyn FnMut(JsValue)>,
    pub(crate) storage: Closure<dyn FnMut(JsValue)>,
}

pub(crate) struct Inner {
    pub(crate) session: Session,
    pub(crate) window: Window,
    pub(crate) doc: Document,
    pub(crate) form: HtmlFormElement,
    pub(crate) rules: Rules,
    pub(crate) lang: Lang,
    pub(crate) opts: Options,
    pub(crate) drafts: Option<Drafts>,
    /// This attachment's id in drafts, to tell its own saves from another tab's.
    pub(crate) tab: String,
    /// Zero-config: the inferred rules document and why each section is what it is.
    pub(crate) inferred: Option<Inferred>,
    /// State by concern, each borrowed only by the callbacks that use it, and never across
    /// a call into the page (focus, events, editors' APIs), which may run other callbacks.
    pub(crate) model: RefCell<Model>,
    pub(crate) view: RefCell<View>,
    pub(crate) watch: RefCell<Watch>,
    pub(crate) deferred: Deferred,
    pub(crate) submit: Submit,
    pub(crate) announce: Announce,
    pub(crate) draft: RefCell<DraftState>,
    pub(crate) callbacks: Callbacks,
}

impl Model {
    /// The rules' sections, each with its own fields and the ones it depends on, none found yet.
    pub(crate) fn new(infos: Vec<SectionInfo>) -> Model {
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
                    applied: Applied::default(),
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
        Model { fields, sections, counts: CountCache::new() }
    }
}

impl Inner {
    pub(crate) fn rebind(&self) {
        self.bind_all(false);
    }

    pub(crate) fn mark_all_dirty(&self, touch: bool) {
        for s in &mut self.model.borrow_mut().sections {
            s.dirty = true;
            s.touched |= touch;
        }
    }

    /// Renders whatever is pending now (before a submit, or when asked for a report).
    pub(crate) fn flush(&self) {
        if self.deferred.rebind.take() {
            self.rebind();
        }
        self.render();
    }

    /// Checks and renders what changed once the current task's script is done (a microtask):
    /// the `input` events of one paste or of a host script's loop are rendered once, before
    /// the browser paints, without waiting for (or scheduling) an animation frame.
    pub(crate) fn schedule_render(&self) {
        if !self.deferred.pending.get() && !self.session.dead() {
            self.deferred.pending.set(true);
            self.session.soon(self.callbacks.render.as_ref().unchecked_ref());
        }
    }

    pub(crate) fn report(&self) -> Report {
        Report::from_sections(self.model.borrow().sections.iter().map(|s| s.report.clone()).collect())
    }

    pub(crate) fn current_values(&self) -> Vec<(String, FieldValue)> {
        let model = self.model.borrow();
        model.fields.iter().filter_map(|f| Some((f.name.clone(), f.control.as_ref()?.value()))).collect()
    }
}

pub(crate) fn set_entry<T>(list: &mut Vec<(String, T)>, name: &str, value: T) {
    match list.iter_mut().find(|(n, _)| n == name) {
        Some(entry) => entry.1 = value,
        None => list.push((name.to_owned(), value)),
    }
}

/// The node an event targets. Events from an editor's iframe carry nodes of another window,
/// which `instanceof Node` here would refuse: any object target is taken as a node.
pub(crate) fn event_node(event: &Event) -> Option<Node> {
    let target: JsValue = event.target()?.into();
    target.is_object().then(|| target.unchecked_into())
}
