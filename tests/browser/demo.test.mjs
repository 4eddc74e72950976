// The demo as a new user meets it (`make demo`): the three pages load borang from /borang/
// with no error, the rules playground shows a broken file's problems with their paths and
// re-attaches borang to the form it generates once the file is fixed. Screenshots of each
// page go to target/screenshots/ (look at them: `make test` prints nothing about them).
// Needs dist/ (`make dist`). Run: node --test tests/browser/demo.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { REPO, borangReady, eventually, launch, openPage } from "./harness.mjs";

const SHOTS = `${REPO}target/screenshots`;
const CORPUS = readFileSync("/work/shared/corpus/berita-ppu-kipp-2025.txt", "utf8");

let env;
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  env = await launch();
});
after(() => env?.close());

for (const [path, form, shot] of [
  ["/", "#proposal", "portal"],
  ["/zero-config.html", "#usulan", "zero-config"],
]) {
  test(`demo ${path}: borang attaches with no console error`, async () => {
    const { context, page, log } = await openPage(env.browser, { viewport: { width: 1280, height: 1000 } });
    await page.goto(env.base + path);
    await borangReady(page, form);
    const first = await page.$(`${form} textarea`);
    await first.fill(CORPUS);
    await page.waitForSelector(`${form} .borang-count[data-level=error]`);
    await first.scrollIntoViewIfNeeded();
    // The folded summary panel sticks to the top of the window while the page scrolls.
    await page.evaluate(() => window.scrollBy(0, 400));
    const top = await page.evaluate(
      (form) => document.querySelector(`${form} .borang-summary-host`).getBoundingClientRect().top,
      form,
    );
    assert.ok(Math.abs(top) < 1, `the summary panel is at the top of the window (top: ${top})`);
    await first.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${shot}.png` });
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test("playground: problems with their paths, then a live form once the rules are fixed", async () => {
  const { context, page, log } = await openPage(env.browser, { viewport: { width: 1280, height: 1000 } });
  await page.goto(`${env.base}/playground.html`);
  await page.waitForSelector("#uji .borang-summary-host");

  await page.fill("#editor", JSON.stringify({ extends: "kipp-2023", sections: { ringkasan: { words: { maks: 150 } } } }));
  await eventually(async () => {
    const items = await page.locator("#masalah li").allTextContents();
    assert.equal(items.length, 1, JSON.stringify(items));
    assert.match(items[0], /sections\.ringkasan\.words\.maks/);
    assert.match(items[0], /did you mean `max`/);
  }, 5000);

  await page.fill("#editor", JSON.stringify({ extends: "kipp-2023", sections: { ringkasan: { words: { max: 120 } } } }));
  await eventually(async () => assert.equal(await page.locator("#masalah li").count(), 0), 5000);
  // The form was rebuilt from the new rules and borang attached to it.
  const ringkasan = page.locator('#uji textarea[name="ringkasan"]');
  await ringkasan.fill("kata ".repeat(130));
  await eventually(async () => {
    const counter = page.locator('#uji .borang-feedback[data-field="ringkasan"] .borang-count');
    assert.equal(await counter.textContent(), "130 / 120 kata");
    assert.equal(await counter.getAttribute("data-level"), "error");
  }, 5000);
  // One summary panel: the old attachment was detached before the new one.
  assert.equal(await page.locator("#uji .borang-summary-host").count(), 1);
  await page.screenshot({ path: `${SHOTS}/playground.png`, fullPage: false });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the dist folder works under any path: embed.js finds its package next to itself", async () => {
  const { context, page, log } = await openPage(env.browser);
  const deep = `${env.base}/intranet/aset/js/borang-1.0/`;
  // Serve dist/borang/ under another prefix, as an admin who copied the folder there would.
  await page.route(`${deep}**`, async (route) => {
    const rest = new URL(route.request().url()).pathname.slice(new URL(deep).pathname.length);
    const response = await page.request.get(`${env.base}/borang/${rest}`);
    await route.fulfill({ response });
  });
  const html = `<!doctype html><html lang="id"><title>Portal</title>
    <form id="f" action="/terkirim.html" method="post"><label for="r">Ringkasan</label>
    <textarea id="r" name="ringkasan"></textarea></form>
    <script type="module" src="${deep}embed.js" data-rules="${deep}rules/kipp-2023.json" data-form="#f"></script>`;
  await page.route(`${env.base}/intranet/usulan.html`, (route) => route.fulfill({ contentType: "text/html", body: html }));
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`${env.base}/intranet/usulan.html`);
  await page.waitForFunction(async (embed) => {
    const { ready, attachmentFor } = await import(embed);
    await ready;
    return attachmentFor(document.querySelector("#f")) !== null;
  }, `${deep}embed.js`);
  await page.fill("#r", "Layanan antar jemput dokumen kependudukan.");
  await eventually(async () =>
    assert.equal(await page.textContent('.borang-feedback[data-field="ringkasan"] .borang-count'), "5 / 200 kata"),
  );
  assert.ok(requested.includes("/intranet/aset/js/borang-1.0/lean/borang_bg.wasm"), requested.join("\n"));
  assert.deepEqual(requested.filter((p) => p.startsWith("/borang/")), [], "nothing was fetched from the default path");
  assert.deepEqual(log.errors, []);
  await context.close();
});
