// Accessibility of the demo pages with borang attached: axe-core finds no violation in the
// initial state, past a limit, after a blocked submit (summary open) and in zero-config mode;
// and the summary works from the keyboard alone.
// Run: node --test tests/browser/a11y.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { borangReady, launch, openPage } from "./harness.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

/** Runs axe-core on the whole document (shadow roots included) and fails on any violation. */
async function assertNoViolations(page, state) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ url: "/vendor/axe-core/axe.min.js" });
  }
  const violations = await page.evaluate(async () => {
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary.replace(/\s+/g, " ")}`),
    }));
  });
  const text = violations
    .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n}`).join("\n")}`)
    .join("\n");
  assert.equal(violations.length, 0, `axe-core found violations ${state}:\n${text}`);
}

/** The summary panel's shadow root, as a handle for queries. */
const shadow = (page, selector) =>
  page.evaluate((selector) => {
    const el = document.querySelector(".borang-summary-host").shadowRoot.querySelector(selector);
    return el && { hidden: el.hidden, expanded: el.getAttribute("aria-expanded"), text: el.textContent };
  }, selector);

test("the demo portal with borang: no axe violations initially, past a limit, after a blocked submit", async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.base}/index.html`);
  await borangReady(page, "#proposal");
  await assertNoViolations(page, "in the initial state");

  // Past the limit of Ringkasan (200 words): an error counter and message.
  await page.locator("#ringkasan").fill("kata ".repeat(230));
  await page.waitForFunction(() =>
    document.querySelector('.borang-feedback[data-field="ringkasan"] .borang-count[data-level="error"]'),
  );
  await assertNoViolations(page, "after typing past the limit of Ringkasan");

  // A blocked submit: the summary says so; with its rows open, the page is checked again.
  await page.locator("#judul_proposal").fill("Sistem Antrean Daring Puskesmas Terpadu");
  await page.locator("button[type=submit]").click();
  await page.waitForFunction(
    () => document.querySelector(".borang-summary-host").shadowRoot.querySelector(".alert[data-kind=blocked]:not([hidden])"),
    null,
    { timeout: 5000 },
  );
  assert.match(page.url(), /index\.html$/, "the submit was blocked");
  // Open the rows (a sticky panel stays folded by itself) and check the page again.
  if ((await shadow(page, ".toggle")).expanded !== "true") {
    await page.evaluate(() => document.querySelector(".borang-summary-host").shadowRoot.querySelector(".toggle").click());
  }
  assert.equal((await shadow(page, "ol")).hidden, false, "the summary rows are shown");
  await assertNoViolations(page, "after a blocked submit, summary open");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a blocked submit: an alert names the failing sections, focus goes to the field to fix", async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.base}/index.html`);
  await borangReady(page, "#proposal");
  // Everything the browser itself requires is filled; Ringkasan is over its limit.
  await page.locator("#judul_proposal").fill("Sistem Antrean Daring Puskesmas Terpadu");
  await page.locator("#nama_pengusul").fill("Budi Santoso");
  await page.locator("#nip_pengusul").fill("198001012005011001");
  await page.locator("#kelompok-umum").check();
  await page.locator("#pernyataan").check();
  await page.locator("#ringkasan").fill("kata ".repeat(230));
  await page.locator("button[type=submit]").click();
  await page.waitForFunction(
    () => document.querySelector(".borang-summary-host").shadowRoot.querySelector(".alert[data-kind=blocked]:not([hidden])"),
    null,
    { timeout: 5000 },
  );
  assert.match(page.url(), /index\.html$/, "the submit was blocked");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "ringkasan", "focus goes to the field to fix");
  const summary = await page.evaluate(() => {
    const root = document.querySelector(".borang-summary-host").shadowRoot;
    const alert = root.querySelector(".alert");
    return {
      role: alert.getAttribute("role"),
      text: alert.textContent,
      ringkasan: root.querySelector('li[data-section="ringkasan"]').dataset.status,
    };
  });
  assert.equal(summary.role, "alert", "the outcome is announced");
  assert.match(summary.text, /^Belum dapat dikirim: \d+ bagian masih perlu diperbaiki \(.*Ringkasan.*\)\.$/);
  assert.equal(summary.ringkasan, "error");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("zero-config page: no axe violations", async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.base}/zero-config.html`);
  await borangReady(page, "#usulan");
  await page.locator("#ringkasan").fill("kata ".repeat(160));
  await page.waitForFunction(() => document.querySelector('.borang-feedback[data-field="ringkasan"] .borang-count'));
  await assertNoViolations(page, "on zero-config.html");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("Periksa Draf: no axe violations, with a section past its limit and a broken rules file's problems shown", async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.base}/periksa/`);
  await page.waitForSelector("html[data-ready=yes]", { state: "attached" });
  await page.locator('textarea[name="ringkasan"]').fill("kata ".repeat(230));
  await page.waitForFunction(() => document.querySelector('.borang-feedback[data-field="ringkasan"] .borang-count[data-level="error"]'));
  await page.locator("#berkas-aturan").setInputFiles({ name: "rusak.json", mimeType: "application/json", buffer: Buffer.from("{\"sections\": 3}") });
  await page.locator("#masalah").waitFor();
  await assertNoViolations(page, "on periksa/");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("keyboard: Tab reaches the summary toggle, Enter opens the rows, a row's button focuses its field", async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.base}/index.html`);
  await borangReady(page, "#proposal");
  /** What has focus: an element of the page, or one inside the summary's shadow root. */
  const focused = () =>
    page.evaluate(() => {
      const active = document.activeElement;
      if (active?.classList.contains("borang-summary-host")) {
        const inner = active.shadowRoot.activeElement;
        return { summary: true, className: inner?.className ?? "", text: inner?.textContent ?? "", section: inner?.closest("li")?.dataset.section ?? null };
      }
      return { summary: false, id: active?.id ?? "", tag: active?.tagName ?? "" };
    });

  // From the start of the page, Tab until the summary's toggle has focus.
  await page.evaluate(() => document.activeElement?.blur());
  const path = [];
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press("Tab");
    const f = await focused();
    path.push(f.summary ? `summary:${f.className}` : `${f.tag}#${f.id}`);
    reached = f.summary && f.className === "toggle";
  }
  assert.ok(reached, `Tab never reached the summary's toggle; focus went: ${path.join(" → ")}`);
  assert.equal((await shadow(page, ".toggle")).expanded, "false");
  assert.equal((await shadow(page, "ol")).hidden, true);

  await page.keyboard.press("Enter");
  assert.equal((await shadow(page, ".toggle")).expanded, "true");
  assert.equal((await shadow(page, "ol")).hidden, false);

  // The next Tab stops are the rows' buttons, in order: the second one is Ringkasan.
  await page.keyboard.press("Tab");
  let f = await focused();
  assert.deepEqual([f.summary, f.className, f.section], [true, "go", "judul"]);
  await page.keyboard.press("Tab");
  f = await focused();
  assert.deepEqual([f.summary, f.className, f.section], [true, "go", "ringkasan"]);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "ringkasan", null, { timeout: 2000 });
  assert.deepEqual(await focused(), { summary: false, id: "ringkasan", tag: "TEXTAREA" });

  // Typing goes to the field that got focus.
  await page.keyboard.type("satu dua tiga");
  await page.waitForFunction(
    () => document.querySelector('.borang-feedback[data-field="ringkasan"] .borang-count')?.textContent === "3 / 200 kata",
  );
  assert.deepEqual(log.errors, []);
  await context.close();
});
