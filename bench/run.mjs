// `make bench`: speed and size of borang in headless Chromium, side by side with the libraries
// portals use today. Writes bench/results.json, bench/RESULTS.md and bench/check-time.svg.
//   node bench/run.mjs [--quick] [--out DIR] [--only borang,regex]
// --quick is the smoke test's mode: tiny workloads, a few runs, same code paths and outputs.
// A tool, not a test: it asserts nothing about the figures.
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem, loadavg, release } from "node:os";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { resolvePath } from "../scripts/serve.mjs";
import { corpusSentences, makeProposal, makeText } from "./corpus.mjs";
import { jsBuildLib, LIBS } from "./libs.mjs";
import { formPage } from "./pages/form.mjs";
import { renderMarkdown, renderSvg } from "./report.mjs";

const REPO = resolve(fileURLToPath(new URL("..", import.meta.url)));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const QUICK = flag("--quick");
const OUT = resolve(opt("--out", join(REPO, "bench")));
const ONLY = opt("--only", null)?.split(",");
const CORPUS = resolve(opt("--corpus", process.env.BENCH_CORPUS ?? join(REPO, "../shared/corpus")));

const SIZES = opt("--sizes", null)?.split(",").map(Number);
const CONFIG0 = QUICK
  ? { sizes: [200, 2000], runs: { 200: 5, 2000: 5 }, budgetMs: 500, edits: 3, pastes: 1, pasteBytes: 50_000, loads: 1, loads3g: 1, slow3gLibs: ["borang"] }
  : { sizes: [2000, 20000, 200000], runs: { 2000: 300, 20000: 200, 200000: 60 }, budgetMs: 5000, edits: 60, pastes: 5, pasteBytes: 5 * 1024 * 1024, loads: 7, loads3g: 3, slow3gLibs: null };
const CONFIG = SIZES ? { ...CONFIG0, sizes: SIZES } : CONFIG0;
const KEYSTROKE_WORDS = QUICK ? 2000 : 20000;
const EDITED = "signifikansi"; // the longest section: the edit that costs most
// Chrome DevTools' "Slow 3G" preset (its NetworkManager): 400 ms × 5 latency, 500 kbit/s × 0.8.
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: (500 * 1000 / 8) * 0.8, uploadThroughput: (500 * 1000 / 8) * 0.8 };

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8", ".css": "text/css; charset=utf-8", ".wasm": "application/wasm" };
// --dist DIR: another build of the package (to compare two builds; default dist/borang).
const DIST = opt("--dist", "dist/borang");
const MOUNTS = [["/bench/pages/", "bench/pages"], ["/vendor/", "node_modules"], ["/borang/", DIST]];

// ---------- the server: gzip like a real portal, cross-origin isolated (5 µs timers) ----------
const gzCache = new Map();
function gz(path, body) {
  const key = `${path}:${body.length}`;
  if (!gzCache.has(key)) gzCache.set(key, gzipSync(body, { level: 9 }));
  return gzCache.get(key);
}
let pageValues = {};
const sentSizes = new Map(); // url path -> { raw, gzip }
function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    let body, type;
    const page = /^\/bench\/([a-z0-9-]+)\.html$/.exec(url.pathname);
    if (page && ALL.some((l) => l.id === page[1])) {
      const words = Number(url.searchParams.get("words") ?? 0);
      body = Buffer.from(formPage(ALL.find((l) => l.id === page[1]), words ? pageValues[words] : {}));
      type = TYPES[".html"];
    } else {
      const file = resolvePath(REPO, url.pathname, MOUNTS);
      if (file && existsSync(file) && statSync(file).isFile()) {
        body = readFileSync(file);
        type = TYPES[extname(file)] ?? "application/octet-stream";
      }
    }
    if (!body) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      return res.end("not found\n");
    }
    const headers = {
      "Content-Type": type,
      "Cache-Control": "no-store",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
    };
    const zipped = gz(url.pathname + url.search, body);
    sentSizes.set(url.pathname, { raw: body.length, gzip: zipped.length });
    if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      headers["Content-Encoding"] = "gzip";
      body = zipped;
    }
    headers["Content-Length"] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

// ---------- statistics ----------
function stats(samples) {
  const s = samples.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const r = (x) => Math.round(x * 1000) / 1000;
  return { n: s.length, median: r(q(0.5)), p95: r(q(0.95)), min: r(s[0]), max: r(s[s.length - 1]) };
}

// ---------- the run ----------
const log = (...a) => console.error("[bench]", ...a);
const sentences = corpusSentences(CORPUS);
// Without ../shared/corpus (a bare clone), the built-in sentences alone: still runnable.
const corpusNote = sentences.length > 3 ? CORPUS : `${CORPUS} not found: built-in sentences only`;
if (sentences.length <= 3) log(corpusNote);
const proposals = {};
for (const size of [...new Set([...CONFIG.sizes, KEYSTROKE_WORDS, 2000])]) proposals[size] = makeProposal(sentences, size);
pageValues = proposals;
const pasteText = makeText(sentences, Math.ceil(CONFIG.pasteBytes / 6), 99).slice(0, CONFIG.pasteBytes);

const ALL = [...LIBS];
const JS_BUILD = jsBuild();
if (JS_BUILD.built) ALL.splice(1, 0, jsBuildLib());
const libs = ALL.filter((l) => !ONLY || ONLY.includes(l.id));
const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--enable-precise-memory-info", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
});
const started = new Date();
const load0 = loadavg();

async function open(lib, words = 0) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  const requests = [];
  page.on("requestfinished", (r) => requests.push(new URL(r.url()).pathname));
  return { context, page, cdp, errors, requests, url: `${base}/bench/${lib.id}.html${words ? `?words=${words}` : ""}` };
}

async function ready(page) {
  await page.waitForFunction(() => window.__benchReady === true && window.__firstFeedbackAt !== undefined, null, { timeout: 120_000 });
}

async function fill(page, values, lib) {
  await page.evaluate((values) => window.benchFill(values), values);
  if (lib.engine) await page.evaluate(() => window.benchLib.resetValues());
}

// Every figure is taken in rounds that go through all the libraries in turn, so that the
// load of a shared machine (other builds come and go) falls on each of them alike.
const ROUNDS = QUICK ? 1 : 10;
const split = (n) => Math.max(1, Math.ceil(n / ROUNDS));
const results = libs.map((lib) => ({ id: lib.id, label: lib.label, does: lib.does, fullCheck: {}, engineCheck: lib.engine ? {} : null, keystroke: {}, paste: null, load: {}, bytes: null, peakHeap: 0, errors: [] }));
const pages = [];
for (const lib of libs) {
  const s = await open(lib);
  await s.page.goto(s.url);
  await ready(s.page);
  pages.push(s);
}
const each = async (f) => { for (let i = 0; i < libs.length; i++) await f(libs[i], pages[i], results[i]); };

// Full checks at every size.
for (const size of CONFIG.sizes) {
  await each((lib, s) => fill(s.page, proposals[size], lib));
  const samples = results.map(() => ({ dom: [], engine: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    await each(async (lib, s, r) => {
      const i = results.indexOf(r);
      const args = [split(CONFIG.runs[size]), CONFIG.budgetMs / ROUNDS, round === 0 ? 3 : 1];
      const res = await s.page.evaluate(([n, b, w]) => window.benchFullCheck(n, b, false, w), args);
      samples[i].dom.push(...res.samples);
      r.peakHeap = Math.max(r.peakHeap, res.peakHeap);
      if (lib.engine) {
        const e = await s.page.evaluate(([n, b, w]) => window.benchFullCheck(n, b, true, w), args);
        samples[i].engine.push(...e.samples);
        r.peakHeap = Math.max(r.peakHeap, e.peakHeap);
      }
    });
  }
  await each(async (lib, s, r) => {
    const i = results.indexOf(r);
    r.fullCheck[size] = stats(samples[i].dom);
    if (lib.engine) r.engineCheck[size] = stats(samples[i].engine);
    log(`${lib.id} full ${size}: ${r.fullCheck[size]?.median} ms${lib.engine ? `, engine ${r.engineCheck[size]?.median} ms` : ""}`);
  });
}

// One keystroke in the longest section of a KEYSTROKE_WORDS proposal, unthrottled and at 4×.
await each(async (lib, s) => {
  await fill(s.page, proposals[KEYSTROKE_WORDS], lib);
  await s.page.evaluate(() => window.benchLib.checkAll());
  for (let i = 0; i < 2; i++) await s.page.evaluate((id) => window.benchEdit(id, false), EDITED); // warm-up
});
for (const [name, rate] of [["none", 1], ["x4", 4]]) {
  const parts = results.map(() => ({ work: [], latency: [], handler: [], frame: [], layout: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    await each(async (lib, s, r) => {
      const acc = parts[results.indexOf(r)];
      // Throttled only while its own edits run: an idle throttled page costs CPU too.
      if (rate !== 1) await s.cdp.send("Emulation.setCPUThrottlingRate", { rate });
      try {
        for (let k = 0; k < split(CONFIG.edits); k++) {
          const e = await s.page.evaluate((id) => window.benchEdit(id, false), EDITED);
          if (e.error) { r.errors.push(e.error); return; }
          for (const key of Object.keys(acc)) acc[key].push(e[key]);
          r.peakHeap = Math.max(r.peakHeap, e.heap);
        }
      } finally {
        if (rate !== 1) await s.cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      }
    });
  }
  await each(async (lib, s, r) => {
    const acc = parts[results.indexOf(r)];
    r.keystroke[name] = { work: stats(acc.work), latency: stats(acc.latency), parts: { handler: stats(acc.handler), frame: stats(acc.frame), layout: stats(acc.layout) } };
    log(`${lib.id} keystroke ${name}: ${r.keystroke[name].work?.median} ms`);
  });
}

// A paste of pasteBytes into the same field.
await each((lib, s) => s.page.evaluate((t) => { window.__pasteText = t; }, pasteText));
const pasted = results.map(() => ({ work: [], latency: [] }));
for (let i = 0; i < CONFIG.pastes; i++) {
  await each(async (lib, s, r) => {
    const e = await s.page.evaluate((id) => window.benchEdit(id, true), EDITED);
    if (e.error) { r.errors.push(e.error); return; }
    pasted[results.indexOf(r)].work.push(e.work);
    pasted[results.indexOf(r)].latency.push(e.latency);
    r.peakHeap = Math.max(r.peakHeap, e.heap);
  });
}
await each(async (lib, s, r) => {
  const acc = pasted[results.indexOf(r)];
  r.paste = { bytes: pasteText.length, work: stats(acc.work), latency: stats(acc.latency) };
  log(`${lib.id} paste: ${r.paste.work?.median} ms`);
  if (lib.engine) r.wasmMemory = await s.page.evaluate(() => window.benchLib.wasmBytes());
  r.errors.push(...s.errors);
  await s.context.close();
});

// From the script tag to the first feedback, on a page holding a 2,000-word draft.
for (const [name, runs, net] of [["localhost", CONFIG.loads, null], ["slow3g", CONFIG.loads3g, SLOW_3G]]) {
  const times = results.map(() => ({ tag: [], nav: [] }));
  for (let i = 0; i < runs; i++) {
    await each(async (lib, _, r) => {
      if (net && CONFIG.slow3gLibs && !CONFIG.slow3gLibs.includes(lib.id)) return;
      const s = await open(lib, 2000);
      await s.cdp.send("Network.enable");
      await s.cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      if (net) await s.cdp.send("Network.emulateNetworkConditions", net);
      await s.page.goto(s.url, { timeout: 180_000 });
      await ready(s.page);
      const t = await s.page.evaluate(() => ({ tag: window.__firstFeedbackAt - window.__t0, nav: window.__firstFeedbackAt }));
      times[results.indexOf(r)].tag.push(t.tag);
      times[results.indexOf(r)].nav.push(t.nav);
      if (!r.bytes) {
        const files = [...new Set(s.requests)]
          .filter((p) => !/^\/bench\/[a-z0-9-]+\.html$/.test(p) && p !== "/bench/pages/measure.js")
          .map((p) => ({ path: p, ...sentSizes.get(p) }));
        r.bytes = { raw: files.reduce((a, f) => a + f.raw, 0), gzip: files.reduce((a, f) => a + f.gzip, 0), files };
      }
      r.errors.push(...s.errors);
      await s.context.close();
    });
  }
  await each(async (lib, _, r) => {
    const t = times[results.indexOf(r)];
    r.load[name] = t.tag.length ? { fromTag: stats(t.tag), fromNavigation: stats(t.nav) } : null;
    log(`${lib.id} load ${name}: ${r.load[name]?.fromTag?.median ?? "not run"} ms`);
  });
}
for (const r of results) {
  r.peakHeap = r.peakHeap || null;
  r.errors = [...new Set(r.errors)];
}

// The JS build of the engine (wasm2js, for pages that forbid WebAssembly), when dist has one.
function jsBuild() {
  const dir = resolve(REPO, DIST, "js");
  const files = ["borang_bg.wasm.js", "borang_bg.js", "borang.js"];
  if (!existsSync(join(dir, files[0]))) return { built: false };
  return {
    built: true,
    files: files.map((f) => {
      const body = readFileSync(join(dir, f));
      return { path: `/borang/js/${f}`, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    }),
  };
}

function pkgSizes() {
  const out = {};
  for (const f of ["borang_bg.wasm", "borang.js", "lean/borang_bg.wasm", "lean/borang.js", "embed.js"]) {
    const p = resolve(REPO, DIST, f);
    if (existsSync(p)) {
      const body = readFileSync(p);
      const brotli = brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      out[f] = { raw: body.length, gzip: gzipSync(body, { level: 9 }).length, brotli };
    }
  }
  return out;
}

const chromiumVersion = browser.version();
await browser.close();
server.close();

const words = Object.fromEntries(Object.entries(proposals).map(([k, v]) => [k, Object.values(v).reduce((a, t) => a + (t.match(/\S+/g) ?? []).length, 0)]));
const bytesOf = Object.fromEntries(Object.entries(proposals).map(([k, v]) => [k, Object.values(v).reduce((a, t) => a + Buffer.byteLength(t), 0)]));
const output = {
  date: started.toISOString(),
  quick: QUICK,
  machine: {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    loadavgBefore: load0.map((x) => Math.round(x * 100) / 100),
    loadavgAfter: loadavg().map((x) => Math.round(x * 100) / 100),
    note: "shared 2-core machine: other builds may run alongside, so medians and p95 over many runs",
  },
  chromium: `Chromium ${chromiumVersion} (headless, /usr/bin/chromium)`,
  node: process.version,
  config: { ...CONFIG, rounds: ROUNDS, keystrokeWords: KEYSTROKE_WORDS, editedField: EDITED, slow3g: SLOW_3G },
  workloads: { corpus: corpusNote, words, utf8Bytes: bytesOf, pasteBytes: pasteText.length },
  borangFiles: pkgSizes(),
  jsBuild: JS_BUILD,
  libs: results,
};
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, "results.json"), `${JSON.stringify(output, null, 2)}\n`);
const md = renderMarkdown(output);
writeFileSync(join(OUT, "RESULTS.md"), md);
writeFileSync(join(OUT, "check-time.svg"), renderSvg(output));
console.log(md);
log(`wrote ${join(OUT, "results.json")}, RESULTS.md, check-time.svg (${Math.round((Date.now() - started) / 1000)} s)`);
