// Adapters: reading and restoring fields through the editors and widgets that stand in for
// them. Restoring a draft into an editor's DOM does nothing (CKEditor 5 re-renders from its
// model and then overwrites the source) and setting a <select> under a widget leaves the
// widget showing the old choice; each library is asked through its own API instead.
//
// This file is what the Rust side imports (`src/dom/fields.rs`): it asks each family in turn,
// one file per family in `adapters/`. Each is feature-detected and wrapped: a library that
// throws never breaks the page, it only makes the restore "not taken" (false), and the Rust
// side reads every restored field back before it lets the draft go. Plain loops throughout:
// the host page may have replaced Array and Object methods (see tests/browser/hostile.test.mjs).
//
// Stored HTML is never inserted as page HTML: `clean` (`adapters/clean.js`) parses it into an
// inert document and rebuilds an allow-list of elements (no attributes but an http(s)/mailto
// href).
//
// wasm-bindgen copies only the snippet files a `#[wasm_bindgen(module = …)]` names, so each
// file of `adapters/` is named too (`src/dom/adapters.rs`): add a family there as well.

import { attempt, fn, jq, splitOn } from "./adapters/common.js";
import { clean, cleanTree } from "./adapters/clean.js";
import { ckeditor5 } from "./adapters/ckeditor5.js";
import { ckeditor4 } from "./adapters/ckeditor4.js";
import { tinymce, setTinymce } from "./adapters/tinymce.js";
import { summernote } from "./adapters/summernote.js";
import { quill, spaces } from "./adapters/quill.js";
import { trix } from "./adapters/trix.js";
import { selectLike, selectLikeStandIn } from "./adapters/selectize.js";
import { flatpickr, flatpickrStandIn, setDate } from "./adapters/flatpickr.js";
import { isSelect2, setSelect2, select2StandIn } from "./adapters/select2.js";
import { isChosen, setChosen, chosenStandIn } from "./adapters/chosen.js";
import { isTagsinput, setTags, tagsinputStandIn } from "./adapters/tagsinput.js";
import { isChoices, choose, choicesStandIn } from "./adapters/choices.js";

export { clean };
export { jqueryEvents } from "./adapters/jquery.js";

// ---- Editors ----------------------------------------------------------------------------

/**
 * Puts a draft back into a rich-text field through its editor's API: `html` (sanitised
 * here) or, for a draft of plain text, `text` as paragraphs. `source` is the hidden field the
 * editor stands in for (null for a bare contenteditable). False when it could not be done;
 * whether it took is read back by the caller.
 */
export function restoreRich(source, editable, html, text) {
  const data = clean(html, text);
  const ck5 = ckeditor5(editable);
  if (ck5) return attempt(() => (ck5.setData(data), true));
  const ck4 = ckeditor4(source, editable);
  if (ck4) return attempt(() => (ck4.setData(data), true));
  const tmce = tinymce(source, editable);
  if (tmce) return attempt(() => setTinymce(tmce, data));
  const sn = summernote(source);
  if (sn) return attempt(() => (sn.summernote("code", data), true));
  const q = quill(editable);
  if (q) return attempt(() => (q.setContents(q.clipboard.convert({ html: data }), "user"), true));
  const tx = trix(editable);
  if (tx) return attempt(() => (tx.editor.loadHTML(clean(html, text, "div")), true));
  // A plain contenteditable element (or a designMode document) is its own model.
  return attempt(() => {
    const tree = cleanTree(html, text);
    const doc = editable.ownerDocument;
    while (editable.firstChild) editable.removeChild(editable.firstChild);
    for (let n = tree.firstChild; n; n = n.nextSibling) editable.appendChild(doc.importNode(n, true));
    editable.dispatchEvent(new Event("input", { bubbles: true }));
    return true;
  });
}

/** The HTML a rich-text field holds, as its editor gives it (for the draft). */
export function richHtml(source, editable) {
  try {
    const ck5 = ckeditor5(editable);
    if (ck5) return ck5.getData();
    const ck4 = ckeditor4(source, editable);
    if (ck4 && fn(ck4.getData)) return ck4.getData();
    const tmce = tinymce(source, editable);
    if (tmce && fn(tmce.getContent)) return tmce.getContent();
    const q = quill(editable);
    if (q && fn(q.getSemanticHTML)) return spaces(q.getSemanticHTML());
  } catch (error) {
    // Fall back to the editable's own markup.
  }
  return editable ? editable.innerHTML : "";
}

// ---- Widgets ----------------------------------------------------------------------------

/**
 * Chooses `values` (an array of option values) in a <select> through the widget that shows
 * it. False when no widget drives it (the caller sets the options itself) or it refused.
 */
export function setChoice(select, values) {
  const single = !select.multiple;
  const s = selectLike(select);
  if (s) return attempt(() => (s.setValue(single ? values[0] || "" : values), true));
  const $ = jq();
  if ($ && fn($.fn && $.fn.val)) {
    const $select = $(select);
    const v = single ? values[0] || "" : values;
    if (isSelect2($select)) return attempt(() => setSelect2($select, v));
    if (isChosen($select)) return attempt(() => setChosen($select, v));
    if (isTagsinput($select)) return attempt(() => setTags($select, values));
  }
  if (isChoices(select)) return attempt(() => choose(select, values));
  return false;
}

/**
 * Puts text back into an <input> a widget drives (flatpickr's alt input, tags inputs,
 * Selectize and Tom Select on an input). False when none does.
 */
export function setText(input, value) {
  const picker = flatpickr(input);
  if (picker) return attempt(() => setDate(picker, value));
  const s = selectLike(input);
  if (s) {
    const delimiter = (s.settings && s.settings.delimiter) || ",";
    return attempt(() => (s.setValue(splitOn(value, delimiter)), true));
  }
  const $ = jq();
  if ($ && fn($.fn && $.fn.tagsinput)) {
    const $input = $(input);
    if (isTagsinput($input)) return attempt(() => setTags($input, splitOn(value, ",")));
  }
  return false;
}

// ---- Where the applicant is ---------------------------------------------------------------

/**
 * The element the applicant focuses for a control a widget drives, when it is not the
 * control itself: selectize's and Tom Select's input, select2's combobox, chosen's search
 * input, Choices' box (or its input), flatpickr's alt input, tagsinput's input. Null when no
 * widget drives it. Called when fields are bound, never on a keystroke.
 */
export function standIn(el) {
  try {
    const found = selectLikeStandIn(el) || flatpickrStandIn(el);
    if (found) return found;
    const $ = jq();
    if ($ && fn($.data)) {
      const jquery = select2StandIn($, el) || chosenStandIn($, el) || tagsinputStandIn($, el);
      if (jquery) return jquery;
    }
    return choicesStandIn(el);
  } catch (error) {
    // A widget whose insides are not as expected: no stand-in.
  }
  return null;
}
