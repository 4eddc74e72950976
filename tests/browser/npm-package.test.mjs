// The publishable npm package (dist/npm/, `make npm-package`): packed with `npm pack`, installed
// from the tarball into a fresh project with no network, its `exports` resolved, and a page
// that does `import init, { attach } from "borang"` bundled with esbuild and run in Chromium,
// where borang attaches (a counter appears and counts right); and one that imports `borang/js`
// under a CSP without 'wasm-unsafe-eval'.
// Needs dist/npm/ (`make npm-package`). Run: node --test tests/browser/npm-package.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";
import { CHROMIUM_ARGS, REPO, counter, eventually } from "./harness.mjs";

let dir;
let project;
let tarball;
before(() => {
  assert.ok(existsSync(`${REPO}dist/npm/package.json`), "dist/npm/ is missing: run `make npm-package` first");
  dir = mkdtempSync(join(tmpdir(), "borang-npm-"));
  const packed = JSON.parse(
    execFileSync("npm", ["pack", `${REPO}dist/npm`, "--pack-destination", dir, "--json", "--ignore-scripts"], { encoding: "utf8" }),
  );
  tarball = join(dir, packed[0].filename);
  project = join(dir, "portal");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "portal", private: true, type: "module" }));
  execFileSync("npm", ["install", tarball, "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: project, stdio: "pipe" });
});
after(() => dir && rmSync(dir, { recursive: true, force: true }));

test("the tarball is the `borang` package at the workspace version, with every export resolving", () => {
  const installed = JSON.parse(readFileSync(join(project, "node_modules/borang/package.json"), "utf8"));
  const version = readFileSync(`${REPO}Cargo.toml`, "utf8").match(/\[workspace\.package\][^[]*?^version\s*=\s*"([^"]+)"/m)[1];
  assert.equal(installed.name, "borang");
  assert.equal(installed.version, version);
  assert.equal(installed.private, undefined, "publishable");
  assert.equal(installed.license, "MIT OR Apache-2.0");
  assert.ok(installed.engines?.node);
  assert.deepEqual(installed.dependencies ?? {}, {});
  const require = createRequire(join(project, "index.js"));
  for (const spec of [
    "borang",
    "borang/js",
    "borang/embed",
    "borang/borang_bg.wasm",
    "borang/borang.d.ts",
    "borang/rules/kipp-2023.json",
    "borang/rules/inovasi-daerah.json",
    "borang/schema/rules.schema.json",
  ]) {
    assert.ok(existsSync(require.resolve(spec)), `${spec} resolves to a file`);
  }
  const files = readdirSync(join(project, "node_modules/borang"), { recursive: true });
  for (const f of ["borang.js", "borang_bg.wasm", "borang.d.ts", "embed.js", "embed.d.ts", "js/borang.js", "js/borang.d.ts", "README.md"]) {
    assert.ok(files.includes(f), `the package holds ${f}`);
  }
  assert.ok(files.some((f) => f.startsWith("snippets/") && f.endsWith("session.js")), "the glue's snippet is packed");
  // The dev tooling's manifest is another package, and private.
  const dev = JSON.parse(readFileSync(`${REPO}package.json`, "utf8"));
  assert.equal(dev.name, "borang-dev");
  assert.equal(dev.private, true);
});

const PAGE = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Portal (npm)</title><link rel="icon" href="data:,">
<script type="module" src="main.js"></script></head><body>
<form id="proposal"><label for="ringkasan">Ringkasan</label><textarea id="ringkasan" name="ringkasan"></textarea><button>Kirim</button></form>
</body></html>`;
const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

/** Bundles `source` as a portal's script with esbuild, serves it (under `policy`, if any) and fills the form in Chromium. */
async function bundleAndRun(name, source, policy) {
  const src = join(project, "src", name);
  const out = join(project, "public", name);
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, "main.js"), source);
  await build({
    absWorkingDir: project,
    entryPoints: [`src/${name}/main.js`],
    bundle: true,
    format: "esm",
    outdir: `public/${name}`,
    loader: { ".wasm": "file" },
    logLevel: "silent",
  });
  writeFileSync(join(out, "index.html"), PAGE);
  const server = await startServer({ port: 0, mounts: [["/app/", out]] });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    const url = `http://127.0.0.1:${server.address().port}/app/`;
    if (policy) {
      await page.route(url, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": policy } });
      });
    }
    await page.goto(url);
    await page.waitForSelector("html[data-ready=yes]", { timeout: 15000 });
    await page.locator("#ringkasan").fill(Array.from({ length: 212 }, () => "inovasi").join(" "));
    await eventually(async () => assert.match(await counter(page, "ringkasan").textContent(), /212 \/ 200 kata/), 5000);
    const report = await page.evaluate(() => window.borangHandle.report().sections.find((s) => s.id === "ringkasan"));
    assert.equal(report.words, 212);
    assert.equal(report.status, "error");
    assert.deepEqual(errors, []);
    return readdirSync(out);
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
}

test("a page bundled with esbuild imports borang from the package and attaches", async () => {
  const emitted = await bundleAndRun(
    "wasm",
    `import init, { attach } from "borang";
import wasmUrl from "borang/borang_bg.wasm";
await init({ module_or_path: wasmUrl });
window.borangHandle = attach(document.querySelector("#proposal"), "kipp-2023", { lang: "id" });
document.documentElement.dataset.ready = "yes";
`,
  );
  assert.ok(emitted.some((f) => f.endsWith(".wasm")), `esbuild copied the module: ${emitted}`);
});

test("under a CSP without 'wasm-unsafe-eval', the bundle imports borang/js and attaches", async () => {
  const emitted = await bundleAndRun(
    "js",
    `import { attach } from "borang/js";
window.borangHandle = attach(document.querySelector("#proposal"), "kipp-2023", { lang: "id" });
document.documentElement.dataset.ready = "yes";
`,
    STRICT,
  );
  assert.ok(!emitted.some((f) => f.endsWith(".wasm")), "no WebAssembly in this bundle");
});
