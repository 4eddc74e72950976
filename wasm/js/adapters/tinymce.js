// TinyMCE: editors by the source's id, or by their body.

import { fn } from "./common.js";

/** The editor of the source's id, or the one whose body is our editable; or null. */
export function tinymce(source, editable) {
  const t = window.tinymce;
  if (!t || !fn(t.get)) return null;
  if (source && source.id) {
    const editor = t.get(source.id);
    if (editor && fn(editor.setContent)) return editor;
  }
  const all = t.get();
  for (let i = 0; all && i < all.length; i++) {
    const editor = all[i];
    if (editor && fn(editor.getBody) && editor.getBody() === editable) return editor;
  }
  return null;
}

/** Puts `data` in; its "change" event tells the host's handlers (TinyMCE 6+ names the call `dispatch`). */
export function setTinymce(editor, data) {
  editor.setContent(data);
  if (fn(editor.dispatch)) editor.dispatch("change");
  return true;
}
