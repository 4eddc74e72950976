// select2: a jQuery plugin; a choice is set with `val` and told with a jQuery "change".

/** Whether select2 drives the jQuery-wrapped select. */
export function isSelect2($select) {
  return !!$select.data("select2");
}

export function setSelect2($select, v) {
  $select.val(v).trigger("change");
  return true;
}

/** Its combobox (what the applicant focuses), or null. */
export function select2StandIn($, el) {
  const s2 = $.data(el, "select2");
  return s2 && s2.$selection && s2.$selection[0] ? s2.$selection[0] : null;
}
