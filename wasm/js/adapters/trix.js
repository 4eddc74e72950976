// Trix: the <trix-editor> element and its editor. It reads a <p> as lines with gaps, so its
// paragraphs are given as <div>s.

import { fn } from "./common.js";

/** The <trix-editor> around `editable`, or null. */
export function trix(editable) {
  const el = editable && editable.closest ? editable.closest("trix-editor") : null;
  return el && el.editor && fn(el.editor.loadHTML) ? el : null;
}
