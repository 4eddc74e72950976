// Summernote: a jQuery plugin on the source textarea.

import { fn, jq } from "./common.js";

/** The jQuery-wrapped source when Summernote drives it, or null. */
export function summernote(source) {
  const $ = jq();
  if (!$ || !source || !$.fn || !fn($.fn.summernote)) return null;
  const $source = $(source);
  return $source.data("summernote") ? $source : null;
}
