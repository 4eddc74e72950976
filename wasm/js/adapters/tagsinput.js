// bootstrap-tagsinput: a jQuery plugin on an input or a select; tags are replaced one by one.

/** Whether tagsinput drives the jQuery-wrapped element. */
export function isTagsinput($input) {
  return !!$input.data("tagsinput");
}

export function setTags($input, items) {
  $input.tagsinput("removeAll");
  for (let i = 0; i < items.length; i++) $input.tagsinput("add", items[i]);
  return true;
}

/** Its input (what the applicant types into), or null. */
export function tagsinputStandIn($, el) {
  const tags = $.data(el, "tagsinput");
  return tags && tags.$input && tags.$input[0] ? tags.$input[0] : null;
}
