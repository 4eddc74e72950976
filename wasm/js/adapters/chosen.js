// Chosen: a jQuery plugin; a choice is set with `val`, told with a jQuery "change", and
// shown after "chosen:updated".

/** Whether Chosen drives the jQuery-wrapped select. */
export function isChosen($select) {
  return !!$select.data("chosen");
}

export function setChosen($select, v) {
  $select.val(v).trigger("change").trigger("chosen:updated");
  return true;
}

/** Its search input (what the applicant focuses), or null. */
export function chosenStandIn($, el) {
  const chosen = $.data(el, "chosen");
  return chosen && chosen.search_field && chosen.search_field[0] ? chosen.search_field[0] : null;
}
