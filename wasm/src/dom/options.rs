//! What `attach(form, rules, options)` is given, read into borang's types: the form, the
//! rules (a preset name, JSON text or object) and the options, each with an error that says
//! what was expected.

use borang::{Lang, Rules};
use js_sys::{Error, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlFormElement};

use super::view::Place;
use crate::wasm::{compile_rules, rules_error};

#[derive(Debug, Clone)]
pub(crate) struct Options {
    pub(crate) lang: Option<Lang>,
    /// Errors stop the submit. Not given: yes with a rules file; no in zero-config, whose
    /// rules are read from the page's prose and may be wrong (see `attach`).
    pub(crate) block: bool,
    pub(crate) place: Place,
    pub(crate) drafts: bool,
    pub(crate) fix_maxlength: bool,
}

pub(crate) fn find_form(doc: &Document, target: JsValue) -> Result<HtmlFormElement, Error> {
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

pub(crate) fn read_rules(input: JsValue) -> Result<Rules, Error> {
    if let Some(text) = input.as_string() {
        if !text.trim_start().starts_with('{') {
            return Rules::preset(text.trim()).map_err(rules_error);
        }
    }
    compile_rules(input).map_err(rules_error)
}

/// `block` is the mode when the options do not name one.
pub(crate) fn read_options(doc: &Document, options: JsValue, block: bool) -> Result<Options, Error> {
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
