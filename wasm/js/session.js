// The fail-open guard of the DOM layer. Every callback borang registers on a host page
// (event listeners, deferred renders, timers, mutation observers) goes through a Session,
// which wraps it in try/catch. If one throws — a bug, or the WebAssembly instance trapping —
// the session stops: it removes everything borang added (listeners, nodes, ARIA tokens,
// custom validity) in plain JavaScript, without calling back into WebAssembly, and logs one
// console error. The host form is then exactly as it was without borang.
//
// Nothing here decides anything about the form; the Rust DOM layer does.

let sessions = 0;
/** Forms with a live session: one attachment per form. */
const claimed = new WeakSet();

/**
 * What changed from the string `old` to the string `now`: `[start, end, middle]`, where `now`
 * is the first `start` code units of `old`, then `middle`, then the last `end` code units of
 * `old`; a surrogate pair is never split. The DOM layer reads a long text field this way: a
 * keystroke in a 30 KB section costs a few native comparisons of slices here instead of encoding all
 * of it into WebAssembly (`src/text.rs` patches the copy kept there).
 */
export function delta(old, now) {
  const a = old.length, b = now.length, n = a < b ? a : b;
  // The common start, halving the range with native comparisons of slices (a character loop
  // over 30 KB costs a hundred times more), then the last few code units one by one.
  let lo = 0, hi = n;
  if (old.slice(0, n) === now.slice(0, n)) lo = n;
  else while (hi - lo > 16) { const mid = (lo + hi) >>> 1; if (old.slice(lo, mid) === now.slice(lo, mid)) lo = mid; else hi = mid; }
  let p = lo;
  while (p < n && old.charCodeAt(p) === now.charCodeAt(p)) p++;
  if (p > 0 && (now.charCodeAt(p - 1) & 0xfc00) === 0xd800) p--;
  // The common end, in what the start left, the same way.
  const m = n - p;
  lo = 0;
  hi = m;
  if (old.slice(a - m) === now.slice(b - m)) lo = m;
  else while (hi - lo > 16) { const mid = (lo + hi) >>> 1; if (old.slice(a - mid, a - lo) === now.slice(b - mid, b - lo)) lo = mid; else hi = mid; }
  let s = lo;
  while (s < m && old.charCodeAt(a - 1 - s) === now.charCodeAt(b - 1 - s)) s++;
  if (s > 0 && (now.charCodeAt(b - s) & 0xfc00) === 0xdc00) s--;
  return [p, s, now.slice(p, b - s)];
}


export class Session {
  constructor() {
    this.id = ++sessions;
    this.dead = false;
    this.listeners = [];
    this.timers = new Set();
    this.observers = [];
    this.validity = new Set();
    this.aria = new Map();
    this.mirrored = new Map();
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

  /**
   * Runs `f` once the script of the current task is done: after every `input` a paste or a
   * host script dispatches in one go, before the browser paints. Cheaper than a frame (no
   * wait, no frame to schedule) and it still coalesces.
   */
  soon(f) {
    queueMicrotask(() => this.guard(f)());
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

  /**
   * Like `observe`, but records about what happens inside borang's own nodes (every render
   * changes a counter) are dropped here, and `f` is not called when none is left.
   */
  watch(target, f, options) {
    this.observe(target, (records) => {
      const kept = [];
      for (let i = 0; i < records.length; i++) if (!this.inside(records[i].target)) kept[kept.length] = records[i];
      if (kept.length) f(kept);
    }, options);
  }

  /** Whether `node` is one of borang's nodes or inside one. */
  inside(node) {
    for (let n = node; n; n = n.parentNode) if (this.nodes.has(n)) return true;
    return false;
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

  /**
   * Makes `node` (borang's feedback for a field) part of `el`'s description. In the same
   * document its id is *added* to `el`'s aria-describedby, after the host's own ids. In
   * another document (the body of an iframe editor: CKEditor 4, TinyMCE) an id would not
   * resolve, so the text is mirrored into `aria-description` instead, kept up to date as the
   * feedback changes. Either way `el` is kept: an editor that rewrites its element's
   * attributes (CKEditor 5 on focus) gets borang's tokens back.
   */
  describe(el, node) {
    const entry = this.entry(el);
    // Feedback borang replaced (the field was found again): its id goes, not kept pointing nowhere.
    const stale = new Set();
    for (const id of entry.ids) if (id !== node.id && !node.ownerDocument.getElementById(id)) stale.add(id);
    if (stale.size) {
      const kept = [];
      for (const id of tokens(el.getAttribute("aria-describedby") || "")) if (!stale.has(id)) kept[kept.length] = id;
      for (const id of stale) entry.ids.delete(id);
      if (kept.length) el.setAttribute("aria-describedby", joined(kept));
      else el.removeAttribute("aria-describedby");
    }
    if (el.ownerDocument === node.ownerDocument) {
      entry.ids.add(node.id);
    } else if (entry.mirror !== node) {
      entry.mirror = node;
      if (!this.mirrored.has(node)) {
        this.mirrored.set(node, new Set());
        this.observe(node, () => this.mirror(node), { childList: true, subtree: true, characterData: true, attributes: true });
      }
      this.mirrored.get(node).add(el);
    }
    this.apply(el, entry);
  }

  /** Sets or clears aria-invalid; the host's own value comes back when borang's goes. */
  invalid(el, on) {
    const entry = this.entry(el);
    const was = entry.on;
    entry.on = on;
    if (on) this.apply(el, entry);
    else if (was) {
      if (entry.invalid === null) el.removeAttribute("aria-invalid");
      else el.setAttribute("aria-invalid", entry.invalid);
    }
  }

  /**
   * What borang holds on `el`: the host's own aria-invalid and aria-description (given back
   * at the end), borang's ids, its invalid state and the feedback it mirrors. The first time,
   * an observer on `el`'s ARIA attributes starts, to put borang's back when the page drops
   * them.
   */
  entry(el) {
    let entry = this.aria.get(el);
    if (entry) return entry;
    entry = {
      ids: new Set(),
      invalid: el.getAttribute("aria-invalid"),
      description: el.getAttribute("aria-description"),
      on: false,
      mirror: null,
      fixes: 0,
      since: 0,
    };
    this.aria.set(el, entry);
    this.observe(el, () => this.kept(el), { attributes: true, attributeFilter: ["aria-describedby", "aria-invalid", "aria-description"] });
    return entry;
  }

  /**
   * Writes borang's tokens on `el` where they are missing; writes nothing when all are there,
   * so the mutation its own writes cause ends here (no loop).
   */
  apply(el, entry) {
    let wrote = false;
    if (entry.ids.size) {
      const ids = tokens(el.getAttribute("aria-describedby") || "");
      let changed = false;
      for (const id of entry.ids) {
        let found = false;
        for (let i = 0; i < ids.length; i++) if (ids[i] === id) found = true;
        if (!found) {
          ids[ids.length] = id;
          changed = true;
        }
      }
      if (changed) {
        el.setAttribute("aria-describedby", joined(ids));
        wrote = true;
      }
    }
    if (entry.on && el.getAttribute("aria-invalid") !== "true") {
      el.setAttribute("aria-invalid", "true");
      wrote = true;
    }
    if (entry.mirror) {
      const text = spoken(entry.mirror);
      const host = entry.description;
      const want = text ? (host ? host + " " + text : text) : host;
      if (el.getAttribute("aria-description") !== want) {
        if (want === null) el.removeAttribute("aria-description");
        else el.setAttribute("aria-description", want);
        wrote = true;
      }
    }
    return wrote;
  }

  /**
   * The page changed `el`'s ARIA attributes: put borang's back. A page that keeps undoing
   * them many times a second is left alone (never a tug of war with a host script).
   */
  kept(el) {
    const entry = this.aria.get(el);
    if (!entry || !this.apply(el, entry)) return;
    const now = Date.now();
    if (now - entry.since > 1000) {
      entry.since = now;
      entry.fixes = 0;
    }
    if (++entry.fixes > 20) {
      entry.ids.clear();
      entry.on = false;
      entry.mirror = null;
      console.warn("borang: the page keeps rewriting a field's ARIA attributes; borang stops restoring its own there", el);
    }
  }

  /** Borang's feedback `node` changed: its text goes to the elements mirroring it. */
  mirror(node) {
    const els = this.mirrored.get(node);
    if (!els) return;
    for (const el of els) {
      const entry = this.aria.get(el);
      if (entry && entry.mirror === node) this.apply(el, entry);
    }
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
    for (const observer of this.observers) observer.disconnect();
    this.observers = [];
    for (const el of this.validity) el.setCustomValidity("");
    this.validity.clear();
    for (const [el, { ids, invalid, description }] of this.aria) {
      const kept = [];
      for (const id of tokens(el.getAttribute("aria-describedby") || "")) if (!ids.has(id)) kept[kept.length] = id;
      if (kept.length) el.setAttribute("aria-describedby", joined(kept));
      else el.removeAttribute("aria-describedby");
      if (invalid === null) el.removeAttribute("aria-invalid");
      else el.setAttribute("aria-invalid", invalid);
      if (description === null) el.removeAttribute("aria-description");
      else el.setAttribute("aria-description", description);
    }
    this.aria.clear();
    this.mirrored.clear();
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

/** The text of borang's feedback as a screen reader reads it: its shown parts, one after another. */
function spoken(node) {
  if (node.hidden) return "";
  let out = "";
  for (let c = node.firstChild; c; c = c.nextSibling) {
    const part = c.nodeType === 3 ? c.data : c.nodeType === 1 ? spoken(c) : "";
    const trimmed = part.trim();
    if (trimmed) out += (out ? " " : "") + trimmed;
  }
  return out;
}

function joined(list) {
  let out = "";
  for (let i = 0; i < list.length; i++) out += (i ? " " : "") + list[i];
  return out;
}
