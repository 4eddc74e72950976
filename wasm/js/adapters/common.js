// What every adapter uses. Plain loops throughout: the host page may have replaced Array and
// Object methods (see tests/browser/hostile.test.mjs).

/** Tries `f`; an exception from the host's library counts as "did not take". */
export function attempt(f) {
  try {
    return f() === true;
  } catch (error) {
    console.warn("borang: an editor or widget refused a restored value", error);
    return false;
  }
}

export const fn = (x) => typeof x === "function";
export const jq = () => (fn(window.jQuery) ? window.jQuery : null);

export function splitOn(text, delimiter) {
  const out = [];
  let item = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] === delimiter) {
      if (item) out[out.length] = item;
      item = "";
    } else item += text[i];
  }
  if (item) out[out.length] = item;
  return out;
}
