// Widgets' jQuery events.

import { fn, jq } from "./common.js";

/**
 * selectize, select2, chosen and bootstrap-tagsinput tell the page about a choice with
 * jQuery's `trigger("change")`, which runs jQuery handlers only: no DOM event reaches
 * borang's listeners. This is an event target for `Session.listen` that hears those events
 * on the form (and only those: a DOM event already reached borang). Null without jQuery.
 */
export function jqueryEvents(form) {
  const $ = jq();
  if (!$ || !$.fn || !fn($.fn.on) || !fn($.fn.off)) return null;
  const bound = [];
  return {
    addEventListener(type, f) {
      const h = (e) => {
        if (!e.originalEvent) f(e);
      };
      bound[bound.length] = [type, f, h];
      $(form).on(type, h);
    },
    removeEventListener(type, f) {
      for (let i = 0; i < bound.length; i++) {
        if (bound[i] && bound[i][0] === type && bound[i][1] === f) {
          $(form).off(type, bound[i][2]);
          bound[i] = null;
        }
      }
    },
  };
}
