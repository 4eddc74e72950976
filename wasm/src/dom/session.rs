//! The binding to `js/session.js`: the fail-open guard every callback of borang's runs
//! under, and the record of everything borang added to the page, undone by `end()`. The
//! lowest layer of the DOM side: every other module adds listeners, timers, nodes and ARIA
//! tokens through it, and it depends on nothing of borang's.

use js_sys::Function;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlFormElement, Node};

#[wasm_bindgen(module = "/js/session.js")]
extern "C" {
    /// Registers borang's callbacks under a fail-open guard and undoes everything at the end.
    pub type Session;
    #[wasm_bindgen(constructor)]
    pub(crate) fn new() -> Session;
    #[wasm_bindgen(method, getter)]
    pub(crate) fn id(this: &Session) -> u32;
    #[wasm_bindgen(method, getter)]
    pub(crate) fn dead(this: &Session) -> bool;
    #[wasm_bindgen(method)]
    pub(crate) fn claim(this: &Session, form: &HtmlFormElement) -> bool;
    #[wasm_bindgen(method)]
    pub(crate) fn listen(this: &Session, target: &JsValue, kind: &str, f: &Function, capture: bool);
    #[wasm_bindgen(method)]
    pub(crate) fn soon(this: &Session, f: &Function);
    #[wasm_bindgen(method)]
    pub(crate) fn timeout(this: &Session, f: &Function, ms: i32) -> JsValue;
    #[wasm_bindgen(method)]
    pub(crate) fn every(this: &Session, f: &Function, ms: i32) -> JsValue;
    #[wasm_bindgen(method)]
    pub(crate) fn cancel(this: &Session, id: &JsValue);
    #[wasm_bindgen(method)]
    pub(crate) fn observe(this: &Session, target: &Node, f: &Function, options: &JsValue);
    /// `observe`, without the records about borang's own nodes.
    #[wasm_bindgen(method)]
    pub(crate) fn watch(this: &Session, target: &Node, f: &Function, options: &JsValue);
    #[wasm_bindgen(method)]
    pub(crate) fn own(this: &Session, node: &Node);
    #[wasm_bindgen(method, js_name = setValidity)]
    pub(crate) fn set_validity(this: &Session, el: &Element, message: &str);
    #[wasm_bindgen(method)]
    pub(crate) fn describe(this: &Session, el: &Element, feedback: &Element);
    #[wasm_bindgen(method)]
    pub(crate) fn invalid(this: &Session, el: &Element, on: bool);
    #[wasm_bindgen(method)]
    pub(crate) fn adopt(this: &Session, root: &JsValue, css: &str);
    #[wasm_bindgen(method, js_name = removeAttr)]
    pub(crate) fn remove_attr(this: &Session, el: &Element, name: &str);
    #[wasm_bindgen(method, js_name = hostValidate)]
    pub(crate) fn host_validate(this: &Session, form: &HtmlFormElement);
    #[wasm_bindgen(method)]
    pub(crate) fn end(this: &Session);
}

#[wasm_bindgen(module = "/js/session.js")]
extern "C" {
    /// What changed between two strings: `[start, end, middle]` (see `js/session.js`).
    pub(crate) fn delta(old: &JsValue, now: &JsValue) -> js_sys::Array;
}
