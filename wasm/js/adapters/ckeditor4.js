// CKEditor 4: editors are registered in `CKEDITOR.instances`; it applies data asynchronously
// and rebuilds its iframe after `setData` (the Rust side reads a restore back until it settles).

import { fn } from "./common.js";

/** The instance whose element is the source, or whose editable is ours; or null. */
export function ckeditor4(source, editable) {
  const CK = window.CKEDITOR;
  const instances = CK && CK.instances;
  if (!instances || typeof instances !== "object") return null;
  const own = Object.prototype.hasOwnProperty;
  for (const key in instances) {
    if (!own.call(instances, key)) continue;
    const editor = instances[key];
    if (!editor || !fn(editor.setData)) continue;
    if (source && editor.element && editor.element.$ === source) return editor;
    const body = fn(editor.editable) ? editor.editable() : null;
    if (body && body.$ === editable) return editor;
  }
  return null;
}
