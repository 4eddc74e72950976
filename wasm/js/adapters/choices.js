// Choices.js 11: it keeps no handle on the element; the select carries `data-choice`, and a
// choice is made through its own list, as a click does.

/** Whether Choices drives `select`. */
export function isChoices(select) {
  return select.hasAttribute("data-choice");
}

/** Chooses `values` through Choices' list; true when every value was found. */
export function choose(select, values) {
  if (!select.hasAttribute("data-choice") || !select.closest) return false;
  const outer = select.closest(".choices");
  if (!outer) return false;
  const items = outer.querySelectorAll("[data-choice][data-value]");
  let done = 0;
  for (let v = 0; v < values.length; v++) {
    for (let i = 0; i < items.length; i++) {
      if (items[i].getAttribute("data-value") !== values[v]) continue;
      items[i].dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true }));
      done++;
      break;
    }
  }
  return done === values.length;
}

/** A single choice is focused on its box; a multiple one (or one with search) on its input. */
export function choicesStandIn(el) {
  if (el.hasAttribute("data-choice") && el.closest) {
    const outer = el.closest(".choices");
    if (outer) {
      const tabbable = outer.getAttribute("tabindex");
      if (tabbable !== null && tabbable !== "-1") return outer;
      const input = outer.querySelector("input.choices__input--cloned");
      if (input) return input;
    }
  }
  return null;
}
