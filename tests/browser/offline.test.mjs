// Offline: once a page with borang has loaded, every check runs with the network cut. borang
// fetches its rules and package once at start-up and nothing after; it registers no service
// worker by itself; the admin's opt-in worker (keepOffline + offline-sw.js) lets the portal
// reload with no network and keep checking.
// Needs dist/ (`make dist`). Run: node --test tests/browser/offline.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { borangReady, counter, eventually, feedback, launch, openPage, report } from "./harness.mjs";

const CORPUS = readFileSync("/work/shared/corpus/berita-ppu-kipp-2025.txt", "utf8");

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());


test("after start-up borang makes no request: typing, pasting, choosing, a refused submit, drafts, the poll", async () => {
  const { context, page, log } = await openPage(env.browser);
  try {
    const requests = [];
    page.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));
    await page.goto(`${env.base}/test/core/kipp.html`);
    await borangReady(page, "#proposal");
    await page.waitForLoadState("networkidle");
    const startup = requests.splice(0);
    // Start-up fetched the page, the embed, the package (the lean build: the page has a rules
    // file) and the rules file, from the page's own origin: nothing else.
    assert.ok(startup.some((r) => r.endsWith("/borang/lean/borang_bg.wasm")), startup.join("\n"));
    assert.ok(startup.some((r) => r.endsWith("/borang/rules/kipp-2023.json")), startup.join("\n"));
    assert.ok(startup.every((r) => r.startsWith(`GET ${env.base}/`)), startup.join("\n"));

    await page.locator("#ringkasan").click();
    await page.keyboard.type("Layanan jemput bola untuk warga desa terpencil.");
    await page.locator("#latar_belakang").fill(CORPUS);
    await page.locator("#link_youtube").fill("https://vimeo.com/1");
    await page.locator('input[name="kelompok"][value="umum"]').check();
    await page.locator("#id_kategori").selectOption({ index: 1 });
    await page.locator("#sdg-3").check();
    await page.locator("button[type=submit]").click(); // refused: required sections are empty
    await page.locator("[data-borang=summary]").waitFor();
    await sleep(2500); // the 1 s poll and the draft saves run meanwhile

    assert.ok(await page.evaluate(() => localStorage.length) > 0, "a draft was saved meanwhile");
    assert.deepEqual(requests, [], "no request after start-up");
    assert.match(await counter(page, "latar_belakang").textContent(), /\/ 300 kata/);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test("with the network cut after load, every check still runs", async () => {
  const { context, page, log } = await openPage(env.browser);
  try {
    await page.goto(`${env.base}/test/core/kipp.html`);
    await borangReady(page, "#proposal");
    await context.setOffline(true);
    assert.equal(await page.evaluate(() => navigator.onLine), false);

    await page.locator("#ringkasan").click();
    await page.keyboard.type("Satu dua tiga empat.");
    await eventually(async () => assert.equal(await counter(page, "ringkasan").textContent(), "4 / 200 kata"));
    await page.locator("#latar_belakang").fill(CORPUS);
    await eventually(async () =>
      assert.equal(await counter(page, "latar_belakang").getAttribute("data-level"), "error"),
    );
    await page.locator("#link_youtube").fill("https://vimeo.com/1");
    await page.locator("#kebaharuan").click();
    await eventually(async () => assert.match(await feedback(page, "link_youtube").textContent(), /YouTube/));
    const video = (await report(page, "#proposal")).sections.find((s) => s.id === "video");
    assert.equal(video.status, "error");
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test("the embed registers no service worker and stores nothing in Cache Storage by itself", async () => {
  const { context, page } = await openPage(env.browser);
  try {
    await page.goto(`${env.base}/test/core/kipp.html`);
    await borangReady(page, "#proposal");
    await page.locator("#ringkasan").fill("satu dua");
    await sleep(500);
    assert.deepEqual(
      await page.evaluate(async () => [(await navigator.serviceWorker.getRegistrations()).length, (await caches.keys()).length]),
      [0, 0],
    );
  } finally {
    await context.close();
  }
});

test("opt-in keepOffline(): the portal reloads with no network and borang checks as before", async () => {
  const { context, page, log } = await openPage(env.browser);
  try {
    await page.goto(`${env.base}/test/offline/portal.html`);
    await borangReady(page, "#proposal");
    await page.waitForFunction(() => document.documentElement.dataset.kept, null, { timeout: 30000 });
    const kept = Number(await page.evaluate(() => document.documentElement.dataset.kept));
    assert.ok(kept >= 5, `kept ${kept} files (page, CSS, embed, keep.js, package, snippet, rules)`);

    await context.setOffline(true);
    const offline = await page.reload();
    assert.equal(offline.fromServiceWorker(), true, "the stored copy answered");
    await borangReady(page, "#proposal");
    // The network really is cut: a file nobody kept cannot be had.
    assert.equal(await page.evaluate(() => fetch("/test/core/sent.html?never-kept").then(() => "fetched", () => "failed")), "failed");
    await page.locator("#ringkasan").click();
    await page.keyboard.type("Pelayanan keliling tanpa sinyal.");
    await eventually(async () => assert.equal(await counter(page, "ringkasan").textContent(), "4 / 200 kata"));
    await page.locator("#latar_belakang").fill(CORPUS);
    await eventually(async () =>
      assert.equal(await counter(page, "latar_belakang").getAttribute("data-level"), "error"),
    );
    // Only the stored copies answered: nothing of borang failed to load.
    assert.deepEqual(log.errors.filter((e) => /borang/.test(e)), []);

    // Online again, the page reloads through the worker (network first) and borang starts as usual.
    await context.setOffline(false);
    await page.reload();
    await borangReady(page, "#proposal");
  } finally {
    await context.close();
  }
});
