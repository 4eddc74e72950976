// CKEditor 5: the editable element carries the editor. Its view re-renders from its model,
// so a draft goes in through `setData`.

import { fn } from "./common.js";

/** The editor of `editable`, or null. */
export function ckeditor5(editable) {
  const editor = editable && editable.ckeditorInstance;
  return editor && fn(editor.setData) && fn(editor.getData) ? editor : null;
}
