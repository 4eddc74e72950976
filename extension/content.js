// borang on a page whose admin did not add it. Injected by the popup (chrome.scripting) into the
// tab the applicant clicked on, or registered for the sites they listed in the options. Runs in
// the extension's isolated world: it shares the page's DOM and localStorage, not its scripts.
//
// The engine is the embed's: embed.js's `load()` picks the WebAssembly build, or the JavaScript
// build where the page's Content-Security-Policy forbids WebAssembly (the page's policy applies
// to a content script's WebAssembly). Drafts: borang keeps its draft in the page's localStorage
// (`borang:draft:v1:<path>#<form>`); this script mirrors those keys into the extension's storage
// (through its service worker, which holds each site's drafts apart), puts a mirrored draft back
// before attaching when the page lost its copy (a portal that clears localStorage or logs the
// applicant out), and drops the mirror when a submit goes through.
// Nothing is sent anywhere. A classic script (content scripts cannot be modules), run once.
(() => {
  if (globalThis.borangExtension) return;

  const DRAFT_PREFIX = "borang:draft:v1:";
  // Longer than borang's own half-second save delay, so the mirror copies what borang saved.
  const SYNC_DELAY_MS = 1000;

  /** The running attachment: { forms: [[form, handle]], build, stop() } or null. */
  let session = null;
  let busy = Promise.resolve();

  const engine = () => import(chrome.runtime.getURL("borang/embed.js")).then((embed) => embed.load());

  function pageDrafts() {
    const found = {};
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key?.startsWith(DRAFT_PREFIX)) found[key] = localStorage.getItem(key);
      }
    } catch {
      // no localStorage (sandboxed frame, blocked): nothing to mirror
    }
    return found;
  }

  /** Asks the extension's service worker, which keeps this site's drafts and choice (and only this site's). */
  async function ask(message) {
    const response = await chrome.runtime.sendMessage(message);
    if (!response || "error" in response) throw new Error(response?.error ?? "no answer from the extension");
    return response.result;
  }

  /** Puts back each mirrored draft of this page (any of its forms) its localStorage lacks; returns how many. */
  async function restoreDrafts() {
    const page = `${DRAFT_PREFIX}${location.pathname}#`;
    let restored = 0;
    for (const [key, text] of Object.entries(await ask({ type: "drafts" }))) {
      if (!key.startsWith(page)) continue;
      try {
        if (localStorage.getItem(key) === null) {
          localStorage.setItem(key, text);
          restored++;
        }
      } catch {
        // storage full or unavailable: borang says so itself
      }
    }
    return restored;
  }

  /** The page's draft keys this script knows of, with the text last mirrored (no rewrite when unchanged). */
  const written = new Map();

  async function mirrorDrafts() {
    const drafts = {};
    for (const [key, text] of Object.entries(pageDrafts())) {
      if (written.get(key) === text) continue;
      written.set(key, text);
      drafts[key] = text;
    }
    if (Object.keys(drafts).length) await ask({ type: "save", drafts });
  }

  /** Which form controls the rules name, found as borang finds them: name, id, CSS selector. */
  function matches(form, fields) {
    let n = 0;
    for (const field of fields) {
      let found = form.elements.namedItem(field);
      if (!found) {
        try {
          found = form.querySelector(`#${CSS.escape(field)}`) ?? form.querySelector(field);
        } catch {
          found = null;
        }
      }
      if (found) n++;
    }
    return n;
  }

  const TEXTUAL = "textarea, [contenteditable=''], [contenteditable=true], input:not([type]), input[type=text], input[type=email], input[type=url], input[type=tel], input[type=number]";

  /** The forms to attach to: for rules, the one holding most of their fields; zero-config: every form with text fields and no password. */
  function targets(borang, rules) {
    const forms = [...document.forms];
    if (rules === null) return forms.filter((f) => f.querySelector(TEXTUAL) && !f.querySelector("input[type=password]"));
    let validator;
    try {
      validator = rules.preset ? borang.Validator.preset(rules.preset) : new borang.Validator(rules.text);
      const fields = validator.sections().flatMap((s) => s.fields ?? []);
      let best = null;
      let bestCount = 0;
      for (const form of forms) {
        const n = matches(form, fields);
        if (n > bestCount) [best, bestCount] = [form, n];
      }
      return best ? [best] : [];
    } finally {
      validator?.free?.();
    }
  }

  async function attach(choice = {}) {
    if (session) return state();
    const restored = await restoreDrafts();
    const borang = await engine();
    const rules = choice.kind === "preset" && choice.preset ? { preset: choice.preset } : choice.kind === "file" && choice.text ? { text: choice.text } : null;
    const options = { mode: "advise", lang: choice.lang === "en" ? "en" : "id" };
    const forms = [];
    let already = 0;
    try {
      for (const form of targets(borang, rules)) {
        // The portal runs borang itself on this form: one is enough.
        if (form.querySelector(".borang-feedback")) {
          already++;
          continue;
        }
        const handle = borang.attach(form, rules?.preset ?? rules?.text ?? null, options);
        // Zero-config on a form where nothing was inferred: no sections, nothing to show.
        if (rules === null && handle.sections().length === 0) handle.detach();
        else forms.push([form, handle]);
      }
    } catch (error) {
      for (const [, handle] of forms) handle.detach();
      throw error;
    }
    if (forms.length === 0) return { attached: 0, build: borang.build, restored, already };
    // Drafts present now (restored or the page's own) are known, so a submit can drop their mirror.
    for (const key of Object.keys(pageDrafts())) if (!written.has(key)) written.set(key, undefined);

    let timer = 0;
    const syncSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => mirrorDrafts().catch(() => {}), SYNC_DELAY_MS);
    };
    const syncNow = () => {
      clearTimeout(timer);
      mirrorDrafts().catch(() => {});
    };
    const onVisibility = () => document.visibilityState === "hidden" && syncNow();
    // borang itself cleared or rewrote its draft: the mirror follows, removals included. (A key
    // missing at any other time is kept: that is the portal wiping localStorage.)
    const settle = () => {
      clearTimeout(timer);
      const present = pageDrafts();
      const gone = [...written.keys()].filter((key) => !(key in present));
      for (const key of gone) written.delete(key);
      if (gone.length) ask({ type: "drop", keys: gone }).catch(() => {});
      mirrorDrafts().catch(() => {});
    };
    // Both registered after borang's own listeners, so borang has acted by now: a submit that
    // went through cleared its draft; "Abaikan" on an offered draft saved what the page shows
    // over it (nothing, when the page is empty).
    const onSubmitted = (event) => {
      if (!event.defaultPrevented && forms.some(([form]) => form === event.target)) settle();
    };
    const onClick = (event) => {
      if (event.composedPath().some((node) => node instanceof Element && node.getAttribute("data-action") === "discard")) settle();
    };
    for (const [form] of forms) form.addEventListener("borang:update", syncSoon);
    addEventListener("pagehide", syncNow);
    document.addEventListener("visibilitychange", onVisibility);
    addEventListener("submit", onSubmitted);
    document.addEventListener("click", onClick);
    session = {
      forms,
      build: borang.build,
      restored,
      stop() {
        syncNow();
        for (const [form, handle] of forms) {
          form.removeEventListener("borang:update", syncSoon);
          handle.detach();
        }
        removeEventListener("pagehide", syncNow);
        document.removeEventListener("visibilitychange", onVisibility);
        removeEventListener("submit", onSubmitted);
        document.removeEventListener("click", onClick);
      },
    };
    return state();
  }

  function detach() {
    session?.stop();
    session = null;
    return state();
  }

  function state() {
    return { attached: session?.forms.length ?? 0, build: session?.build ?? null, restored: session?.restored ?? 0 };
  }

  /** The attached form's values as a values file (what `borang check` and Periksa Draf read). */
  function values() {
    const form = session?.forms[0]?.[0];
    if (!form) return null;
    const out = {};
    for (const control of form.elements) {
      const name = control.name;
      if (!name || ["button", "submit", "reset", "image", "password", "hidden"].includes(control.type)) continue;
      if (control.type === "checkbox") {
        out[name] ??= [];
        if (control.checked) out[name].push(control.value);
      } else if (control.type === "radio") {
        if (control.checked) out[name] = control.value;
        else out[name] ??= "";
      } else if (control.type === "file") {
        const files = [...(control.files ?? [])].map((f) => ({ name: f.name, type: f.type, size: f.size }));
        if (files.length) out[name] = files.length === 1 ? files[0] : files;
      } else if (control.tagName === "SELECT" && control.multiple) {
        out[name] = [...control.selectedOptions].map((o) => o.value);
      } else {
        out[name] = control.value;
      }
    }
    return out;
  }

  /** Fills the attached form from a values file, as the applicant would (input and change events); returns how many fields. */
  function fill(values) {
    const form = session?.forms[0]?.[0];
    if (!form || !values || typeof values !== "object") return 0;
    let n = 0;
    for (const control of form.elements) {
      const name = control.name;
      if (!name || !Object.hasOwn(values, name) || control.type === "file" || control.type === "hidden") continue;
      const value = values[name];
      if (control.type === "checkbox") {
        control.checked = Array.isArray(value) ? value.map(String).includes(control.value) : String(value) === control.value;
      } else if (control.type === "radio") {
        control.checked = String(value) === control.value;
      } else if (typeof value === "string" || typeof value === "number") {
        control.value = String(value);
      } else {
        continue;
      }
      control.dispatchEvent(new Event("input", { bubbles: true }));
      control.dispatchEvent(new Event("change", { bubbles: true }));
      n++;
    }
    for (const [, handle] of session.forms) handle.check();
    return n;
  }

  // One operation at a time: a double click must not attach twice.
  const serial = (fn) => (...args) => (busy = busy.then(() => fn(...args), () => fn(...args)));

  globalThis.borangExtension = Object.freeze({
    attach: serial(attach),
    detach: serial(async () => detach()),
    toggle: serial(async (choice) => (session ? detach() : attach(choice))),
    state,
    /** The rules the applicant chose for this site (null: none yet). */
    choice: () => ask({ type: "choice" }),
    values,
    fill,
    /** For tests and the popup: the attachment of `form` (or null). */
    handleFor: (form) => session?.forms.find(([f]) => f === form)?.[1] ?? null,
  });
})();
