//! The console, where borang says what a page author should know (a field not found, a
//! maxlength that cuts a field short, a draft not kept).

use wasm_bindgen::JsValue;

pub(crate) fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

pub(crate) fn info(message: &str) {
    web_sys::console::info_1(&JsValue::from_str(message));
}
