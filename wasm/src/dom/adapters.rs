//! The binding to the editor and widget adapters (`js/adapters.js`): reading and restoring a
//! field through the library that stands in for it. `js/adapters.js` asks each family in
//! turn; each family is a file of its own in `js/adapters/` (CKEditor 5 and 4, TinyMCE,
//! Summernote, Quill, Trix; Selectize and Tom Select, flatpickr, select2, Chosen,
//! bootstrap-tagsinput, Choices.js), beside the sanitiser (`clean.js`) and what they share.
//!
//! wasm-bindgen copies into `pkg/snippets/` only the files a `module = …` names, not what
//! they import, so every family file is named below, by a type Rust never uses (an unused import
//! costs nothing: the glue imports only what is called): a new
//! family is a file in `js/adapters/`, its line here, and its turn in `js/adapters.js`.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlElement, HtmlFormElement, HtmlSelectElement};

#[wasm_bindgen(module = "/js/adapters.js")]
extern "C" {
    /// Puts a draft into a rich-text field through its editor's API (sanitising `html`, or
    /// making paragraphs of `text`); false when the editor refused.
    #[wasm_bindgen(js_name = restoreRich)]
    pub(crate) fn restore_rich(
        source: Option<&HtmlElement>,
        editable: &HtmlElement,
        html: Option<String>,
        text: &str,
    ) -> bool;
    /// The HTML a rich-text field holds, as its editor gives it.
    #[wasm_bindgen(js_name = richHtml)]
    pub(crate) fn rich_html(source: Option<&HtmlElement>, editable: &HtmlElement) -> Option<String>;
    /// Chooses values in a select through the widget that shows it; false when none does.
    #[wasm_bindgen(js_name = setChoice)]
    pub(crate) fn set_choice(select: &HtmlSelectElement, values: &js_sys::Array) -> bool;
    /// Puts text into an input a widget drives (flatpickr, tags); false when none does.
    #[wasm_bindgen(js_name = setText)]
    pub(crate) fn set_text(input: &HtmlElement, value: &str) -> bool;
    /// The jQuery-only events widgets trigger on the form, as an event target (null without
    /// jQuery).
    #[wasm_bindgen(js_name = jqueryEvents)]
    pub(crate) fn jquery_events(form: &HtmlFormElement) -> JsValue;
    /// The element a widget gives the applicant to focus for `el` (selectize's input,
    /// select2's combobox, flatpickr's alt input…), or null.
    #[wasm_bindgen(js_name = standIn)]
    pub(crate) fn stand_in_of(el: &Element) -> Option<Element>;
}

// What the families share, and the sanitiser of stored HTML.
#[wasm_bindgen(module = "/js/adapters/common.js")]
extern "C" {
    type Common;
}

#[wasm_bindgen(module = "/js/adapters/clean.js")]
extern "C" {
    type Clean;
}

// Editors.
#[wasm_bindgen(module = "/js/adapters/ckeditor5.js")]
extern "C" {
    type Ckeditor5;
}

#[wasm_bindgen(module = "/js/adapters/ckeditor4.js")]
extern "C" {
    type Ckeditor4;
}

#[wasm_bindgen(module = "/js/adapters/tinymce.js")]
extern "C" {
    type Tinymce;
}

#[wasm_bindgen(module = "/js/adapters/summernote.js")]
extern "C" {
    type Summernote;
}

#[wasm_bindgen(module = "/js/adapters/quill.js")]
extern "C" {
    type Quill;
}

#[wasm_bindgen(module = "/js/adapters/trix.js")]
extern "C" {
    type Trix;
}

// Widgets, and the jQuery events some of them tell a choice with.
#[wasm_bindgen(module = "/js/adapters/selectize.js")]
extern "C" {
    type Selectize;
}

#[wasm_bindgen(module = "/js/adapters/flatpickr.js")]
extern "C" {
    type Flatpickr;
}

#[wasm_bindgen(module = "/js/adapters/select2.js")]
extern "C" {
    type Select2;
}

#[wasm_bindgen(module = "/js/adapters/chosen.js")]
extern "C" {
    type Chosen;
}

#[wasm_bindgen(module = "/js/adapters/tagsinput.js")]
extern "C" {
    type Tagsinput;
}

#[wasm_bindgen(module = "/js/adapters/choices.js")]
extern "C" {
    type Choices;
}

#[wasm_bindgen(module = "/js/adapters/jquery.js")]
extern "C" {
    type Jquery;
}
