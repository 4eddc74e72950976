// borang's one-tag embed. A portal admin adds, beside a form they may not change:
//
//   <script type="module" src="/borang/embed.js"
//           data-rules="/borang/rules/kipp-2023.json" data-form="#proposal" data-lang="id"></script>
//
// and nothing else. Attributes (all optional):
//   data-form           CSS selector of the form (default: the page's first form)
//   data-rules          URL of a rules file (relative to the page)
//   data-preset         a shipped preset instead, e.g. "kipp-2023"
//                       (neither: zero-config, limits read from the form's own markup)
//   data-lang           "id" (default: the rules file's) or "en"
//   data-mode           "block" (errors stop the submit) or "advise" (never stops it); default
//                       "block" with a rules file or preset, "advise" in zero-config
//   data-summary        "top" (default, sticky), "bottom", "none", or a CSS selector
//   data-drafts         "off" to keep no draft in localStorage
//   data-fix-maxlength  lift a maxlength that would cut a word-limited field short
//
// The package (borang.js + borang_bg.wasm) is found next to this file, so the folder works
// under any path. A page with a rules file or a preset loads the lean build (lean/: the same
// package without zero-config's inference, 28 KB gzip less); zero-config loads the full one. Where the page's Content-Security-Policy forbids WebAssembly, the JavaScript
// build of the same engine (js/borang.js, made by wasm2js) is loaded instead. After start-up
// borang makes no request, and it registers no service worker (keepOffline() is the opt-in).
// Several tags may load this file for several forms; the module runs once and starts every
// one of them. Whatever fails (404, WebAssembly blocked, a bad rules file),
// the form stays as it was and submits; one console error says why.

const here = new URL(import.meta.url);
here.hash = "";

/** The form elements' attachments, for scripts that want the handle. */
const attached = new Map();

// Plain loops, not Array methods: the host page may have replaced those (old libraries do).
function ourTags() {
  const tags = [];
  for (const tag of document.querySelectorAll("script[src]")) {
    try {
      const url = new URL(tag.getAttribute("src"), document.baseURI);
      url.hash = "";
      if (url.href === here.href) tags[tags.length] = tag;
    } catch {
      // not a URL: not ours
    }
  }
  return tags;
}

/** Whether this page may compile WebAssembly (a strict CSP without 'wasm-unsafe-eval' forbids it). */
function wasmAllowed() {
  try {
    // The smallest valid module: the magic number and version.
    new WebAssembly.Module(Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00));
    return true;
  } catch {
    return false;
  }
}

/** Where each build lives, next to this file (its JavaScript build in js/ below). */
const DIRS = { full: "./", lean: "./lean/" };

async function loadWasmBuild(dir) {
  // The module's download starts beside the glue's import: on a slow connection the two would
  // otherwise wait on each other (embed.js → borang.js → session.js → borang_bg.wasm).
  const wasm = fetch(new URL(`${dir}borang_bg.wasm`, here));
  wasm.catch(() => {}); // a failure is reported once, by the glue that awaits it
  const module = await import(new URL(`${dir}borang.js`, here).href);
  await module.default({ module_or_path: wasm });
  return module;
}

/** The same engine compiled to plain JavaScript by wasm2js (`js/`), for pages that forbid WebAssembly. */
async function loadJsBuild(dir) {
  try {
    return await import(new URL(`${dir}js/borang.js`, here).href);
  } catch (error) {
    throw new Error(
      `WebAssembly is blocked on this page (its Content-Security-Policy lacks 'wasm-unsafe-eval') and the JavaScript build could not be loaded either (${error.message})`,
    );
  }
}

const packages = {};
/** The files of each build this page has loaded (what `keepOffline` must keep). */
const loadedFiles = new Set();
/**
 * borang's package, loaded once: the WebAssembly build, or the JavaScript build where the page
 * forbids WebAssembly. Same exports either way (`attach`, `Validator`, `countText`, …), and
 * `build` says which one runs: "wasm" or "js". `{ lean: true }` loads the build without
 * zero-config (for a rules file or a preset: `attach(form, null)` throws there), as
 * WebAssembly or, where that is forbidden, as JavaScript (lean/js/).
 */
export function load({ lean = false } = {}) {
  const key = lean ? "lean" : "full";
  const dir = DIRS[key];
  packages[key] ??= (wasmAllowed() ? loadWasmBuild(dir).then((m) => [m, "wasm"]) : loadJsBuild(dir).then((m) => [m, "js"])).then(
    ([module, build]) => {
      const files = (build === "wasm" ? ["borang.js", "borang_bg.wasm"] : ["js/borang.js", "js/borang_bg.js", "js/borang_bg.wasm.js"]).map((f) => dir + f);
      for (const file of files) loadedFiles.add(new URL(file, here).href);
      return Object.freeze({ ...module, build });
    },
  );
  return packages[key];
}

function flag(value) {
  return value !== undefined && value !== "false" && value !== "off" && value !== "no";
}

function options(data) {
  const opts = {};
  if (data.lang) opts.lang = data.lang;
  if (data.mode) opts.mode = data.mode;
  if (data.summary) opts.summary = data.summary;
  if (data.drafts !== undefined) opts.drafts = flag(data.drafts);
  if (data.fixMaxlength !== undefined) opts.fixMaxlength = flag(data.fixMaxlength);
  return opts;
}

async function loadRules(data) {
  if (data.rules) {
    const url = new URL(data.rules, document.baseURI);
    let response;
    try {
      response = await fetch(url, { credentials: "same-origin" });
    } catch (error) {
      throw new Error(`the rules file ${url} could not be fetched (${error.message})`);
    }
    if (!response.ok) throw new Error(`the rules file ${url} could not be loaded (HTTP ${response.status})`);
    return response.text();
  }
  return data.preset || null;
}

function why(error) {
  const message = String(error?.message ?? error);
  if (error instanceof WebAssembly.CompileError && /Content.Security.Policy|unsafe-eval/i.test(message)) {
    return `WebAssembly is blocked on this page (${message}); its Content-Security-Policy needs 'wasm-unsafe-eval'`;
  }
  if (error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError) {
    return `the WebAssembly package could not start (${message})`;
  }
  if (Array.isArray(error?.problems)) {
    let list = "";
    for (const p of error.problems) list += `\n  ${p.path || "(file)"}: ${p.message}`;
    return `the rules have problems:${list}`;
  }
  return message;
}

/** How long zero-config waits for the page's `load` (slow images must not hold feedback back). */
const ZERO_CONFIG_WAIT_MS = 3000;

function pageLoaded() {
  if (document.readyState === "complete") return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(done, ZERO_CONFIG_WAIT_MS);
    window.addEventListener(
      "load",
      () => {
        clearTimeout(timer);
        done();
      },
      { once: true },
    );
  });
}

async function start(tag) {
  const data = tag.dataset;
  const selector = data.form || "form";
  let form;
  try {
    form = document.querySelector(selector);
  } catch {
    form = null;
  }
  if (!(form instanceof HTMLFormElement)) {
    console.error(`borang: not started: no <form> matches data-form="${selector}".`);
    return null;
  }
  try {
    const [module, rules] = await Promise.all([load({ lean: Boolean(data.rules || data.preset) }), loadRules(data)]);
    // Zero-config reads the page once: after it has loaded, so an editor's own configuration
    // (CKEditor 4 merges its `config.js` and the page's settings only when that file has
    // loaded) is read too; never more than ZERO_CONFIG_WAIT_MS after the module is ready.
    if (rules === null) await pageLoaded();
    const attachment = module.attach(form, rules, options(data));
    attached.set(form, attachment);
    form.dispatchEvent(new CustomEvent("borang:ready", { detail: attachment }));
    return attachment;
  } catch (error) {
    console.error(
      `borang: not started for ${selector}: ${why(error)}. The form works and submits as it would without borang.`,
    );
    return null;
  }
}

async function startAll() {
  if (document.readyState === "loading") {
    await new Promise((done) => document.addEventListener("DOMContentLoaded", done, { once: true }));
  }
  const started = [];
  for (const tag of ourTags()) started[started.length] = start(tag);
  return Promise.all(started);
}

/** Resolves (never rejects) to the attachments of this page's tags; null for those that failed. */
export const ready = startAll().catch((error) => {
  console.error("borang: not started:", error);
  return [];
});

/** The attachment of a form, once `ready` has resolved. */
export function attachmentFor(form) {
  return attached.get(form) ?? null;
}

/**
 * Opt-in offline reloads for the admin's own portal (borang never does this by itself).
 * `workerUrl` is a worker file at the scope the admin chooses, containing
 * `importScripts("/borang/offline-sw.js")`. Registers it and asks it to keep the files this page
 * loaded (the page, embed, package, rules, the portal's own CSS and scripts; same origin only).
 * Resolves to how many files were kept; never rejects (a console warning says what failed).
 */
export async function keepOffline(workerUrl, { scope } = {}) {
  try {
    if (!("serviceWorker" in navigator)) throw new Error("this browser has no service workers");
    const registration = await navigator.serviceWorker.register(workerUrl, scope ? { scope } : undefined);
    const worker = await activeWorker(registration);
    // Everything the page has loaded once borang has started: the build this page can run
    // (WebAssembly or JavaScript), the rules, the snippets, the portal's own files.
    await ready;
    // The builds' files are named as well: a resource-timing entry can arrive after the fetch
    // it times has been consumed (seen with the streamed wasm).
    const urls = [location.href, ...performance.getEntriesByType("resource").map((entry) => entry.name), ...loadedFiles];
    return await new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error("the worker did not answer within 60 s")), 60000);
      navigator.serviceWorker.addEventListener("message", function kept(event) {
        if (event.data?.type !== "borang:kept") return;
        navigator.serviceWorker.removeEventListener("message", kept);
        clearTimeout(timer);
        done(event.data.stored);
      });
      worker.postMessage({ type: "borang:keep", urls });
    });
  } catch (error) {
    console.warn(`borang: offline copies not kept: ${error?.message ?? error}`);
    return 0;
  }
}

function activeWorker(registration) {
  const worker = registration.active ?? registration.waiting ?? registration.installing;
  if (!worker) return Promise.reject(new Error("the worker did not install"));
  if (worker.state === "activated") return Promise.resolve(worker);
  return new Promise((done, fail) => {
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") done(worker);
      if (worker.state === "redundant") fail(new Error("the worker failed to install"));
    });
  });
}
