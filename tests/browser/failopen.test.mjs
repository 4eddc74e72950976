// Fail-open: whatever goes wrong (the package missing, WebAssembly blocked by a CSP, a bad
// rules file, a form that is not there, or borang itself throwing after it started), the page
// gets exactly one console error saying why, no uncaught exception, none of borang's nodes,
// and the form submits with the host's own submit handler running.
// Run: node --test tests/browser/failopen.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { borangReady, launch, openPage } from "./harness.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

/** The URL the generated host pages are served at (beside sent.html, host-submit.js, rules). */
const HOST = "/test/hosts/failopen-host.html";

/**
 * A portal page with borang's tag. Scripts are external only, so the page also works under
 * `script-src 'self'`. The form posts to sent.html, which the test server serves.
 */
function hostPage({ rules = "failopen.rules.json", form = "#f" } = {}) {
  return `<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <title>Fail-open host</title>
  <link rel="icon" href="data:,">
  <script type="module" src="/borang/embed.js" data-rules="${rules}" data-form="${form}" data-drafts="off"></script>
</head>
<body>
  <form id="f" action="sent.html" method="post">
    <label for="judul">Judul</label>
    <input id="judul" name="judul" value="Layanan KTP Keliling">
    <label for="ringkasan">Ringkasan (maksimal 20 kata)</label>
    <textarea id="ringkasan" name="ringkasan" aria-describedby="ringkasan-host-help">satu dua tiga</textarea>
    <p id="ringkasan-host-help">Bantuan dari portal.</p>
    <p id="catatan-label">Catatan</p>
    <div contenteditable="true" data-name="catatan" role="textbox" aria-labelledby="catatan-label">awal</div>
    <button type="submit">Kirim</button>
  </form>
  <script src="host-submit.js"></script>
</body>
</html>`;
}

/** Opens the generated host page; `prepare` may add routes first. */
async function openHost({ page: options, headers = {}, prepare } = {}) {
  const opened = await openPage(env.browser);
  const { page } = opened;
  await page.route(`${env.base}${HOST}`, (route) =>
    route.request().method() === "GET"
      ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", headers, body: hostPage(options) })
      : route.continue(),
  );
  if (prepare) await prepare(page);
  await page.goto(`${env.base}${HOST}`);
  // The embed's promise resolves (never rejects) once every tag started or failed.
  await page.evaluate(async () => {
    await (await import("/borang/embed.js")).ready;
  });
  return opened;
}

/** The browser's own network log lines ("Failed to load resource: … 404") are not the page's. */
const pageErrors = (log) => log.errors.filter((e) => !/^Failed to load resource: /.test(e));

/** Exactly one console error, from borang, and no uncaught exception; returns its text. */
function oneBorangError(log) {
  assert.deepEqual(log.pageErrors, [], `uncaught exceptions:\n${log.pageErrors.join("\n")}`);
  const errors = pageErrors(log);
  assert.equal(errors.length, 1, `expected exactly one console error, got ${errors.length}:\n${errors.join("\n---\n")}`);
  assert.match(errors[0], /^borang: /, `the console error should start with "borang:": ${errors[0]}`);
  return errors[0];
}

/** Nothing of borang's on the page: no node, no stylesheet, no ARIA token, no validity. */
async function assertUntouched(page) {
  const state = await page.evaluate(() => ({
    nodes: document.querySelectorAll("[data-borang], .borang-feedback, .borang-summary-host").length,
    sheets: document.adoptedStyleSheets.length,
    describedBy: document.querySelector("#ringkasan").getAttribute("aria-describedby"),
    invalid: [...document.querySelectorAll("[aria-invalid]")].map((el) => el.id || el.dataset.name),
    customErrors: [...document.querySelector("#f").elements].filter((el) => el.validity?.customError).map((el) => el.name),
  }));
  assert.deepEqual(state, {
    nodes: 0,
    sheets: 0,
    describedBy: "ringkasan-host-help",
    invalid: [],
    customErrors: [],
  });
}

/** Submits with the button; the POST reaches sent.html with the host handler's mark. */
async function assertSubmits(page) {
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/test/hosts/sent.html"), { timeout: 5000 }),
    page.locator("button[type=submit]").click(),
  ]);
  const body = new URLSearchParams(request.postData() ?? "");
  assert.equal(body.get("host_handler"), "ran", "the host's own submit handler ran before the form was sent");
  assert.equal(body.get("judul"), "Layanan KTP Keliling");
  const response = await request.response();
  assert.equal(response?.status(), 200);
  await page.locator("#sent").waitFor();
}

test("package: borang_bg.wasm answers 404", async () => {
  const { context, page, log } = await openHost({
    prepare: (page) => page.route("**/borang/lean/borang_bg.wasm", (r) => r.fulfill({ status: 404, body: "not found\n" })),
  });
  const error = oneBorangError(log);
  assert.match(error, /404/);
  assert.match(error, /borang_bg\.wasm/);
  await assertUntouched(page);
  await assertSubmits(page);
  // A missing file is not a Content-Security-Policy problem: the message must not send the
  // admin to the wrong fix.
  assert.doesNotMatch(error, /Content-Security-Policy|wasm-unsafe-eval/, `misleading reason: ${error}`);
  await context.close();
});

test("package: borang.js answers 404", async () => {
  const { context, page, log } = await openHost({
    prepare: (page) => page.route("**/borang/lean/borang.js", (r) => r.fulfill({ status: 404, body: "not found\n" })),
  });
  const error = oneBorangError(log);
  assert.match(error, /borang\.js/);
  await assertUntouched(page);
  await assertSubmits(page);
  await context.close();
});

test("WebAssembly blocked by Content-Security-Policy: script-src 'self', and the JavaScript build missing", async () => {
  // With the JavaScript build in place such a page is checked (tests/browser/csp.test.mjs).
  const { context, page, log } = await openHost({
    headers: { "Content-Security-Policy": "script-src 'self'" },
    prepare: (page) => page.route("**/borang/lean/js/borang_bg.wasm.js", (r) => r.fulfill({ status: 404, body: "not found\n" })),
  });
  const error = oneBorangError(log);
  assert.match(error, /WebAssembly/);
  assert.match(error, /wasm-unsafe-eval/, "the message names the CSP source that would allow it");
  assert.match(error, /JavaScript build/);
  await assertUntouched(page);
  await assertSubmits(page);
  await context.close();
});

test("rules file: 404", async () => {
  const { context, page, log } = await openHost({ page: { rules: "no-such-rules.json" } });
  const error = oneBorangError(log);
  assert.match(error, /404/);
  assert.match(error, /no-such-rules\.json/);
  await assertUntouched(page);
  await assertSubmits(page);
  await context.close();
});

test("rules file: invalid JSON", async () => {
  const { context, page, log } = await openHost({ page: { rules: "rules-invalid.json" } });
  const error = oneBorangError(log);
  assert.match(error, /JSON/);
  assert.match(error, /line 6/, "the message says where the JSON breaks");
  await assertUntouched(page);
  await assertSubmits(page);
  await context.close();
});

test("rules file: an unknown key", async () => {
  const { context, page, log } = await openHost({ page: { rules: "rules-unknown-key.json" } });
  const error = oneBorangError(log);
  assert.match(error, /sections\[1\]\.wrods/, "the message gives the problem's path");
  assert.match(error, /words/, "and suggests the known key");
  await assertUntouched(page);
  await assertSubmits(page);
  await context.close();
});

test("data-form matches nothing", async () => {
  const { context, page, log } = await openHost({ page: { form: "#no-such-form" } });
  const error = oneBorangError(log);
  assert.match(error, /#no-such-form/);
  await assertUntouched(page);
  await assertSubmits(page);
  await context.close();
});

test("an internal error after start: borang removes all it added and the form still submits", async () => {
  const { context, page, log } = await openHost();
  await borangReady(page, "#f");
  // Make borang show something it must take back: an error with its validity and ARIA.
  await page.locator("#ringkasan").fill("kata ".repeat(25));
  await page.waitForFunction(() => document.querySelector("#ringkasan").validity.customError);
  const before = await page.evaluate(() => ({
    nodes: document.querySelectorAll("[data-borang]").length,
    invalid: document.querySelector("#ringkasan").getAttribute("aria-invalid"),
    describedBy: document.querySelector("#ringkasan").getAttribute("aria-describedby"),
  }));
  assert.ok(before.nodes >= 3, `borang's nodes should be on the page, found ${before.nodes}`);
  assert.equal(before.invalid, "true");
  assert.match(before.describedBy, /^ringkasan-host-help borang-/);
  assert.deepEqual(log.errors, []);

  // Reading the contenteditable field now throws inside borang's input handler.
  await page.evaluate(() => {
    const field = document.querySelector('[data-name="catatan"]');
    Object.defineProperty(field, "innerText", {
      configurable: true,
      get() {
        throw new Error("innerText exploded (test)");
      },
    });
  });
  await page.locator('[data-name="catatan"]').click();
  await page.keyboard.type(" lagi");
  await page.waitForFunction(() => document.querySelectorAll("[data-borang]").length === 0, null, { timeout: 5000 });

  const error = oneBorangError(log);
  assert.match(error, /^borang: stopped after an internal error/);
  await assertUntouched(page);
  // Nothing of borang's comes back later (its timers and observers are gone too).
  await page.locator("#ringkasan").fill("kata ".repeat(30));
  await page.evaluate(() => new Promise((done) => setTimeout(done, 1200)));
  await assertUntouched(page);
  assert.equal(pageErrors(log).length, 1, `still one error:\n${pageErrors(log).join("\n")}`);
  await assertSubmits(page);
  await context.close();
});
