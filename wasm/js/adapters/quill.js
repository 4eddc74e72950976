// Quill: the instance of the editable's container.

import { fn } from "./common.js";

/** The editor whose root is `editable`, or null. */
export function quill(editable) {
  const Q = window.Quill;
  if (!Q || !fn(Q.find) || !editable || !editable.parentNode) return null;
  const editor = Q.find(editable.parentNode);
  return editor && editor.root === editable ? editor : null;
}

/** `html` with its no-break spaces as spaces (Quill 2.0's semantic HTML writes every space so). */
export function spaces(html) {
  let out = "";
  for (let i = 0; i < html.length; i++) {
    if (html[i] === "&" && html.substr(i, 6) === "&nbsp;") {
      out += " ";
      i += 5;
    } else out += html[i];
  }
  return out;
}
