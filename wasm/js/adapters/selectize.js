// Selectize and Tom Select: each keeps its instance on the control it drives, with the same
// `setValue`.

import { fn } from "./common.js";

/** The Selectize or Tom Select instance on `control`, or null. */
export function selectLike(control) {
  const s = control.selectize || control.tomselect;
  return s && fn(s.setValue) ? s : null;
}

/** The input the applicant types into (Selectize's control input, Tom Select's focus node), or null. */
export function selectLikeStandIn(el) {
  const s = el.selectize;
  if (s && s.$control_input && s.$control_input[0]) return s.$control_input[0];
  const t = el.tomselect;
  if (t && t.focus_node && t.focus_node.nodeType === 1) return t.focus_node;
  return null;
}
