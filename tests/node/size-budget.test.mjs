// The size budget (issue 16): everything a page with a rules file loads on the WebAssembly path
// (embed.js, the glue, its snippets, the module, the rules file), as gzip -9, must stay within
// bench/size-budget.json. Measured in headless Chromium on a page that uses the admin's snippet
// (scripts/admin-snippet.mjs, the README's): the files are the responses the page actually got,
// so a new file on the path counts without anyone listing it. Also checks that the preload
// hints are consumed: each file is requested once. Needs dist/ (`make test` builds it first).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { adminSnippet } from "../../scripts/admin-snippet.mjs";
import { REPO, borangReady, launch, openPage } from "../browser/harness.mjs";

const budget = JSON.parse(readFileSync(`${REPO}bench/size-budget.json`, "utf8"));
const gzip9 = (buf) => execFileSync("gzip", ["-9c"], { input: buf, maxBuffer: 1 << 28 }).length;

const PAGE = (snippet) => `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>size budget</title><link rel="icon" href="data:,">
${snippet}
</head><body>
<form id="proposal" action="#" method="post">
  <label for="judul_proposal">Judul Inovasi</label><input id="judul_proposal" name="judul_proposal">
  <label for="ringkasan">Ringkasan</label><textarea id="ringkasan" name="ringkasan"></textarea>
  <button>Kirim</button>
</form>
</body></html>`;

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

test(`a rules-file page loads at most ${budget.gzipBytes} bytes gzip -9 on the WebAssembly path, each file once`, async () => {
  const snippet = adminSnippet(`${REPO}dist/borang/`, "/borang/", {
    rules: "/borang/rules/kipp-2023.json", form: "#proposal", lang: "id",
  });
  const { context, page, log } = await openPage(env.browser);
  const requests = new Map(); // path -> count
  const bodies = new Map(); // path -> Buffer
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    requests.set(path, (requests.get(path) ?? 0) + 1);
  });
  page.on("response", async (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/borang/")) bodies.set(path, await r.body().catch(() => Buffer.alloc(0)));
  });
  await page.route("**/size-budget.html", (route) =>
    route.fulfill({ contentType: "text/html; charset=utf-8", body: PAGE(snippet) }),
  );
  await page.goto(`${env.base}/size-budget.html`);
  await borangReady(page, "#proposal");
  await page.waitForLoadState("networkidle");
  const entries = await page.evaluate(() =>
    performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname),
  );
  await context.close();

  assert.deepEqual(log.errors, [], "the page logged errors");
  const files = [...bodies].map(([path, body]) => ({ path, raw: body.length, gzip: gzip9(body) }));
  files.sort((a, b) => b.gzip - a.gzip);
  const total = files.reduce((n, f) => n + f.gzip, 0);
  const table = files.map((f) => `  ${String(f.gzip).padStart(7)} B gzip  ${String(f.raw).padStart(7)} B raw  ${f.path}`).join("\n");
  const paths = files.map((f) => f.path);
  for (const must of ["/borang/embed.js", "/borang/lean/borang.js", "/borang/lean/borang_bg.wasm", "/borang/rules/kipp-2023.json"])
    assert.ok(paths.includes(must), `${must} was not loaded:\n${table}`);
  const twice = [...requests].filter(([path, n]) => path.startsWith("/borang/") && n > 1);
  assert.deepEqual(twice, [], "a file was requested more than once: a preload hint does not match the request that uses it");
  const wasmEntries = entries.filter((p) => p === "/borang/lean/borang_bg.wasm").length;
  assert.equal(wasmEntries, 1, "the module shows once in performance.getEntriesByType('resource')");
  assert.ok(
    total <= budget.gzipBytes,
    `the WebAssembly path is ${total} bytes gzip -9, over the budget of ${budget.gzipBytes} (bench/size-budget.json: ${budget.why})\n${table}`,
  );
  console.log(`size budget: ${total} of ${budget.gzipBytes} bytes gzip -9\n${table}`);
});

test("the README's snippet for admins is the one scripts/admin-snippet.mjs makes for the built package", () => {
  const readme = readFileSync(`${REPO}README.md`, "utf8");
  const hints = adminSnippet(`${REPO}dist/borang/`)
    .split("\n")
    .filter((line) => line.startsWith("<link "));
  for (const hint of hints) assert.ok(readme.includes(hint), `README lacks the hint ${hint} (the build's snippet changed: copy dist/borang/snippet.html)`);
});
