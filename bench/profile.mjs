// Where borang's time goes: a CDP CPU profile of the full check (engine or DOM) or of keystrokes
// on the bench page, summed by function (self time). For a readable wasm part, build the
// package with names: `wasm-pack build wasm --profiling …` (see README "Benchmark").
//   node bench/profile.mjs [engine|dom|keystroke] [words] [--pkg DIR]
import { createServer } from "node:http";
import { readFileSync, existsSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { resolvePath } from "../scripts/serve.mjs";
import { corpusSentences, makeProposal } from "./corpus.mjs";
import { LIBS } from "./libs.mjs";
import { formPage } from "./pages/form.mjs";

const REPO = resolve(fileURLToPath(new URL("..", import.meta.url)));
const what = process.argv[2] ?? "engine";
const words = Number(process.argv[3] ?? 20000);
const pkgDir = process.argv.includes("--pkg") ? process.argv[process.argv.indexOf("--pkg") + 1] : "dist/borang";
const TYPES = { ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json", ".wasm": "application/wasm", ".html": "text/html" };
const mounts = [["/bench/pages/", "bench/pages"], ["/vendor/", "node_modules"], ["/borang/", pkgDir]];
const server = createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  if (url.pathname === "/bench/borang.html") {
    res.writeHead(200, { "Content-Type": "text/html", "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" });
    return res.end(formPage(LIBS[0], {}));
  }
  const file = resolvePath(REPO, url.pathname, mounts);
  if (!file || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end();
  res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cross-Origin-Embedder-Policy": "require-corp", "Cross-Origin-Opener-Policy": "same-origin" });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
page.on("pageerror", (e) => console.error("pageerror", e.message));
await page.goto(`http://127.0.0.1:${server.address().port}/bench/borang.html`);
await page.waitForFunction(() => window.__benchReady === true);
const proposal = makeProposal(corpusSentences(join(REPO, "../shared/corpus")), words);
await page.evaluate((v) => { window.benchFill(v); window.benchLib.resetValues(); window.benchLib.checkAll(); }, proposal);
if (what === "idle") await page.evaluate(() => document.getElementById("signifikansi").focus());
if (what === "split") {
  // Where a full check's time goes, without a profiler: the same fields through each step.
  const r = await page.evaluate(async () => {
    const mod = await import("/borang/borang.js");
    const form = document.getElementById("proposal");
    const texts = [...form.querySelectorAll("textarea")].map((t) => t.value);
    const validator = mod.Validator.preset("kipp-2023", { lang: "id" });
    const values = Object.fromEntries([...form.querySelectorAll("textarea,input[type=text],input[type=url]")].map((e) => [e.name, e.value]));
    const enc = new TextEncoder();
    const buf = new Uint8Array(1 << 23);
    const t = (f, n = 200) => { for (let i = 0; i < 5; i++) f(); const s = []; for (let i = 0; i < n; i++) { const a = performance.now(); f(); s.push(performance.now() - a); } s.sort((a, b) => a - b); return +s[n >> 1].toFixed(3); };
    return {
      crossOriginIsolated,
      "Validator.check (all)": t(() => validator.check(values)),
      "countText office, each field": t(() => texts.forEach((x) => mod.countText(x, "office"))),
      "countText unicode, each field": t(() => texts.forEach((x) => mod.countText(x, "unicode"))),
      "countText office, ASCII-only copy": t(() => texts.forEach((x) => mod.countText(x.replace(/[^\x00-\x7f]/g, "-"), "office"))),
      "TextEncoder.encodeInto, each field (transfer floor)": t(() => texts.forEach((x) => enc.encodeInto(x, buf))),
      "/\\S+/g, each field": t(() => texts.forEach((x) => (x.match(/\S+/g) || []).length)),
    };
  });
  console.log(r);
  await browser.close();
  server.close();
  process.exit(0);
}
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
await cdp.send("Profiler.start");
if (what === "idle") {
  // Nothing happens: what borang costs a page that just sits there (the slow poll).
  await page.waitForTimeout(10_000);
} else if (what === "keystroke") {
  for (let i = 0; i < 100; i++) await page.evaluate(() => window.benchEdit("signifikansi", false));
} else {
  await page.evaluate((engine) => window.benchFullCheck(300, 8000, engine), what === "engine");
}
const { profile } = await cdp.send("Profiler.stop");
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
let total = 0;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const cf = n.callFrame;
  const key = `${cf.functionName || "(anon)"} ${cf.url ? cf.url.split("/").pop() : ""}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
  total += dt[i] ?? 0;
});
const byFile = new Map();
for (const [k, v] of self) { const f = k.split(" ").pop() || "(native)"; byFile.set(f, (byFile.get(f) ?? 0) + v); }
console.log("by file:", [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([f, v]) => `${f} ${(v / 1000).toFixed(0)} ms`).join(", "));
const top = [...self.entries()].filter(([k]) => !k.startsWith("(idle)") && !k.startsWith("(program)")).sort((a, b) => b[1] - a[1]).slice(0, 40);
const busy = top.reduce((a, [, v]) => a + v, 0);
console.log(`${what}, ${words} words: ${(total / 1000).toFixed(0)} ms profiled`);
for (const [k, v] of top) console.log(`${(v / 1000).toFixed(1).padStart(8)} ms  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
await browser.close();
server.close();
