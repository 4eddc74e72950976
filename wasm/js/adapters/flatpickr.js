// flatpickr: the picker on its input, and the alt input the applicant sees instead.

import { fn } from "./common.js";

/** The picker on `input`, or null. */
export function flatpickr(input) {
  const picker = input._flatpickr;
  return picker && fn(picker.setDate) ? picker : null;
}

export function setDate(picker, value) {
  if (value) picker.setDate(value, true);
  else picker.clear();
  return true;
}

/** The alt input shown instead of the input, or null. */
export function flatpickrStandIn(el) {
  const picker = el._flatpickr;
  return picker && picker.altInput ? picker.altInput : null;
}
