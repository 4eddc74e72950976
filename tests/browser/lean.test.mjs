// Two builds of the same package: a page with a rules file or a preset loads the lean one
// (dist/borang/lean/: no zero-config inference), a zero-config page the full one. Each page
// fetches one build only, the lean build checks exactly as the full one, and the lean build
// refuses zero-config with a message that says what to load instead.
// Needs dist/ (`make dist`). Run: node --test tests/browser/lean.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { borangReady, launch, openPage } from "./harness.mjs";

const CORPUS = readFileSync("/work/shared/corpus/berita-ppu-kipp-2025.txt", "utf8");

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

/** The package files (glue, module) a page requested, as paths under /borang/. */
function packageRequests(page) {
  const seen = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (/\/borang\/(lean\/)?borang(_bg\.wasm|\.js)$/.test(path)) seen.push(path);
  });
  return seen;
}

test("a page with a rules file loads the lean build only, and it checks as the full build does", async () => {
  const { context, page, log } = await openPage(env.browser);
  const seen = packageRequests(page);
  await page.goto(`${env.base}/`);
  await borangReady(page, "#proposal");
  assert.deepEqual(seen.sort(), ["/borang/lean/borang.js", "/borang/lean/borang_bg.wasm"]);

  const first = page.locator("#proposal textarea").first();
  await first.fill(CORPUS);
  await page.waitForSelector("#proposal .borang-count[data-level=error]");

  // The same values through both builds' Validator give the same report.
  const [lean, full] = await page.evaluate(async () => {
    const values = Object.fromEntries(
      [...document.querySelectorAll("#proposal textarea, #proposal input[name]")].map((el) => [el.name, el.value]),
    );
    const check = async (path) => {
      const pkg = await import(path);
      await pkg.default();
      return pkg.Validator.preset("kipp-2023", { lang: "id" }).check(values);
    };
    return [await check("/borang/lean/borang.js"), await check("/borang/borang.js")];
  });
  assert.ok(lean.sections.length > 5, "the report has the preset's sections");
  assert.deepEqual(lean, full);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a zero-config page loads the full build only", async () => {
  const { context, page, log } = await openPage(env.browser);
  const seen = packageRequests(page);
  await page.goto(`${env.base}/zero-config.html`);
  await borangReady(page, "#usulan");
  assert.deepEqual(seen.sort(), ["/borang/borang.js", "/borang/borang_bg.wasm"]);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the lean build refuses zero-config with a message naming the full build, and the form is untouched", async () => {
  const { context, page } = await openPage(env.browser);
  await page.goto(`${env.base}/zero-config.html`);
  const outcome = await page.evaluate(async () => {
    const pkg = await import("/borang/lean/borang.js");
    await pkg.default();
    const form = document.querySelector("#usulan");
    const before = form.outerHTML;
    let message = null;
    try {
      pkg.attach(form, null, { drafts: false });
    } catch (error) {
      message = String(error.message);
    }
    return { message, unchanged: form.outerHTML === before };
  });
  assert.match(outcome.message ?? "", /zero-config/);
  assert.match(outcome.message ?? "", /borang\.js/);
  assert.ok(outcome.unchanged, "the refused attach left the form as it was");
  await context.close();
});
