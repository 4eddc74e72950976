// The fail-open guard of the DOM layer. Every callback borang registers on a host page
// (event listeners, animation frames, timers, mutation observers) goes through a Session,
// which wraps it in try/catch. If one throws — a bug, or the WebAssembly instance trapping —
// the session stops: it removes everything borang added (listeners, nodes, ARIA tokens,
// custom validity) in plain JavaScript, without calling back into WebAssembly, and logs one
// console error. The host form is then exactly as it was without borang.
//
// Nothing here decides anything about the form; the Rust DOM layer does.

let sessions = 0;
/** Forms with a live session: one attachment per form. */
const claimed = new WeakSet();

export class Session {
  constructor() {
    this.id = ++sessions;
    this.dead = false;
    this.listeners = [];
    this.timers = new Set();
    this.frames = new Set();
    this.observers = [];
    this.validity = new Set();
    this.aria = new Map();
    this.nodes = new Set();
    this.sheets = [];
    this.removed = [];
  }

  /** Takes the form for this session; false when another live session has it. */
  claim(form) {
    if (claimed.has(form)) return false;
    claimed.add(form);
    this.form = form;
    return true;
  }

  /** Wraps `f` so that an exception stops the session instead of reaching the page. */
  guard(f) {
    return (...args) => {
      if (this.dead) return undefined;
      try {
        return f(...args);
      } catch (error) {
        this.fail(error);
        return undefined;
      }
    };
  }

  listen(target, type, f, capture) {
    const g = this.guard(f);
    const options = { capture };
    target.addEventListener(type, g, options);
    this.listeners.push([target, type, g, options]);
  }

  frame(f) {
    const id = requestAnimationFrame((t) => {
      this.frames.delete(id);
      this.guard(f)(t);
    });
    this.frames.add(id);
  }

  timeout(f, ms) {
    const id = setTimeout(() => {
      this.timers.delete(id);
      this.guard(f)();
    }, ms);
    this.timers.add(id);
    return id;
  }

  every(f, ms) {
    const id = setInterval(this.guard(f), ms);
    this.timers.add(id);
    return id;
  }

  cancel(id) {
    clearTimeout(id);
    clearInterval(id);
    this.timers.delete(id);
  }

  observe(target, f, options) {
    const observer = new MutationObserver(this.guard(f));
    observer.observe(target, options);
    this.observers.push(observer);
  }

  /** A node borang created: removed when the session ends. */
  own(node) {
    this.nodes.add(node);
  }

  setValidity(el, message) {
    if (typeof el.setCustomValidity !== "function") return;
    el.setCustomValidity(message);
    if (message) this.validity.add(el);
    else this.validity.delete(el);
  }

  /** Adds an id to an element's aria-describedby, keeping the host's own ids first. */
  describe(el, id) {
    const ids = tokens(el.getAttribute("aria-describedby") || "");
    for (let i = 0; i < ids.length; i++) if (ids[i] === id) return;
    ids[ids.length] = id;
    el.setAttribute("aria-describedby", joined(ids));
    if (!this.aria.has(el)) this.aria.set(el, { ids: new Set(), invalid: el.getAttribute("aria-invalid") });
    this.aria.get(el).ids.add(id);
  }

  /** Sets or clears aria-invalid; the host's own value comes back when borang's goes. */
  invalid(el, on) {
    if (!this.aria.has(el)) this.aria.set(el, { ids: new Set(), invalid: el.getAttribute("aria-invalid") });
    const host = this.aria.get(el).invalid;
    if (on) el.setAttribute("aria-invalid", "true");
    else if (host === null) el.removeAttribute("aria-invalid");
    else el.setAttribute("aria-invalid", host);
  }

  /** Removes a host attribute (the admin asked for it); it comes back when the session ends. */
  removeAttr(el, name) {
    if (!el.hasAttribute(name)) return;
    this.removed.push([el, name, el.getAttribute(name)]);
    el.removeAttribute(name);
  }

  /**
   * When borang stops a submit, the host's own validator never sees it (borang stops the
   * event before any host handler, so no host script can send the form). Ask the validators
   * portals commonly use to show their messages too: jQuery Validation and Parsley.
   */
  hostValidate(form) {
    try {
      const $ = window.jQuery;
      if (typeof $ !== "function" || typeof $.data !== "function") return;
      const validator = $.data(form, "validator");
      if (validator && typeof validator.form === "function") validator.form();
      const parsley = $.data(form, "Parsley");
      if (parsley && typeof parsley.validate === "function") parsley.validate();
    } catch (error) {
      console.warn("borang: the page's own validator failed while borang stopped a submit", error);
    }
  }

  /** A constructed stylesheet adopted by a document or shadow root (allowed under CSP). */
  adopt(root, css) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    this.sheets.push([root, sheet]);
  }

  /** Undoes everything this session did to the page. Safe to call more than once. */
  end() {
    this.dead = true;
    if (this.form) claimed.delete(this.form);
    this.form = null;
    for (const [target, type, g, options] of this.listeners) target.removeEventListener(type, g, options);
    this.listeners = [];
    for (const id of this.timers) {
      clearTimeout(id);
      clearInterval(id);
    }
    this.timers.clear();
    for (const id of this.frames) cancelAnimationFrame(id);
    this.frames.clear();
    for (const observer of this.observers) observer.disconnect();
    this.observers = [];
    for (const el of this.validity) el.setCustomValidity("");
    this.validity.clear();
    for (const [el, { ids, invalid }] of this.aria) {
      const kept = [];
      for (const id of tokens(el.getAttribute("aria-describedby") || "")) if (!ids.has(id)) kept[kept.length] = id;
      if (kept.length) el.setAttribute("aria-describedby", joined(kept));
      else el.removeAttribute("aria-describedby");
      if (invalid === null) el.removeAttribute("aria-invalid");
      else el.setAttribute("aria-invalid", invalid);
    }
    this.aria.clear();
    for (const node of this.nodes) node.remove();
    this.nodes.clear();
    for (const [root, sheet] of this.sheets) {
      const others = [];
      for (const s of root.adoptedStyleSheets) if (s !== sheet) others[others.length] = s;
      root.adoptedStyleSheets = others;
    }
    this.sheets = [];
    for (const [el, name, value] of this.removed) if (!el.hasAttribute(name)) el.setAttribute(name, value);
    this.removed = [];
  }

  fail(error) {
    if (this.dead) return;
    try {
      this.end();
    } finally {
      console.error("borang: stopped after an internal error; the form works and submits as it would without borang.", error);
    }
  }
}

// The host page may have replaced Array and String methods (old libraries do, some of them
// wrongly), so the ARIA token lists are read and written with plain loops.
function tokens(value) {
  const out = [];
  let token = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f") {
      if (token) out[out.length] = token;
      token = "";
    } else {
      token += c;
    }
  }
  if (token) out[out.length] = token;
  return out;
}

function joined(list) {
  let out = "";
  for (let i = 0; i < list.length; i++) out += (i ? " " : "") + list[i];
  return out;
}
