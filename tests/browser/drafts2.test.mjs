// Drafts lose nothing: the page is closed, reloaded or left right in the middle of typing,
// and what was typed comes back; two tabs on the same form never overwrite each other's
// newer text silently. Page: tests/browser/pages/core/kipp.html.
// Needs dist/ (`make dist`). Run: node --test tests/browser/drafts2.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { borangReady, eventually, launch, openPage } from "./harness.mjs";

const KIPP = "/test/core/kipp.html";
const KEY = "borang:draft:v1:/test/core/kipp.html#proposal";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

async function withContext(fn) {
  const { context, page, log } = await openPage(env.browser);
  page.setDefaultTimeout(8000);
  try {
    return await fn({ context, page, log });
  } finally {
    await context.close();
  }
}

async function open(page) {
  await page.goto(env.base + KIPP);
  await borangReady(page, "#proposal");
}

const offer = (page) => page.locator("[data-borang=summary] .draft");
const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null"), KEY);
const TEXT = "Inovasi ini mempercepat layanan KTP-el bagi warga desa terpencil, kupu-kupu dan/atau e-KTP.";

/** Types like a person (key by key) and returns at once: no pause for the save delay. */
async function typeAndLeave(page) {
  await page.locator("#ringkasan").click();
  await page.keyboard.type(TEXT, { delay: 0 });
}

async function restoreAndRead(page) {
  await eventually(async () => assert.equal(await offer(page).isVisible(), true, "the draft is offered"), 5000);
  await offer(page).locator("[data-action=restore]").click();
  return page.inputValue("#ringkasan");
}

test("the tab is closed mid-typing: a new tab offers everything that was typed", () =>
  withContext(async ({ context, page, log }) => {
    await open(page);
    await typeAndLeave(page);
    // Like the applicant closing the tab: the page's unload steps run, then it is gone.
    const closed = new Promise((done) => page.once("close", done));
    await page.close({ runBeforeUnload: true });
    await closed;
    const again = await context.newPage();
    await open(again);
    assert.equal(await restoreAndRead(again), TEXT);
    assert.deepEqual(log.errors, []);
  }));

test("the page is reloaded mid-typing: everything typed is offered back", () =>
  withContext(async ({ page, log }) => {
    await open(page);
    await typeAndLeave(page);
    await page.reload();
    await borangReady(page, "#proposal");
    assert.equal(await restoreAndRead(page), TEXT);
    assert.deepEqual(log.errors, []);
  }));

test("the applicant navigates away mid-typing and comes back: the text is there or offered", () =>
  withContext(async ({ page, log }) => {
    await open(page);
    await typeAndLeave(page);
    await page.goto(`${env.base}/test/core/sent.html`);
    assert.equal((await stored(page))?.fields?.ringkasan, TEXT, "saved on the way out");
    await page.goBack();
    await borangReady(page, "#proposal");
    // Back/forward cache or a fresh load: either the page still holds the text, or borang offers it.
    const shown = await page.inputValue("#ringkasan");
    assert.equal(shown === TEXT ? shown : await restoreAndRead(page), TEXT);
    assert.deepEqual(log.errors, []);
  }));

test("the renderer dies mid-typing (no unload at all): at most the last half second is lost", () =>
  withContext(async ({ context, page }) => {
    await open(page);
    await typeAndLeave(page);
    await sleep(650); // one save interval; the applicant keeps typing past it
    await page.keyboard.type(" lanjut", { delay: 0 });
    const cdp = await context.newCDPSession(page);
    // The tab's renderer is gone: no event fires, and the command never answers.
    await Promise.race([cdp.send("Page.crash").catch(() => {}), sleep(1000)]);
    const again = await context.newPage();
    await open(again);
    const restored = await restoreAndRead(again);
    assert.ok(restored.startsWith(TEXT), `restored: ${restored}`);
  }));

test("two tabs: a stale tab's save keeps the newer text the other tab wrote, and offers it", () =>
  withContext(async ({ context, page: a, log }) => {
    const b = await context.newPage();
    await open(a);
    await open(b);
    // A writes the summary first; B, opened earlier and still empty there, hears of it.
    await a.fill("#ringkasan", "Ringkasan dari tab A, versi terbaru.");
    await eventually(async () => assert.equal((await stored(a))?.fields?.ringkasan, "Ringkasan dari tab A, versi terbaru."));
    await eventually(async () => assert.equal(await offer(b).isVisible(), true, "B offers A's newer text"));
    assert.match(await offer(b).locator("p").textContent(), /disimpan di tab lain/);
    // B, without taking it, types in another field. Its save must not drop A's summary.
    await b.fill("#judul_proposal", "Judul dari tab B");
    await eventually(async () => {
      const d = await stored(b);
      assert.equal(d.fields.judul_proposal, "Judul dari tab B");
      assert.equal(d.fields.ringkasan, "Ringkasan dari tab A, versi terbaru.", "A's newer text is kept");
    });
    assert.equal(await b.inputValue("#ringkasan"), "", "B's page is not changed behind the applicant's back");
    // B takes A's text: both fields are then B's too.
    await offer(b).locator("[data-action=restore]").click();
    assert.equal(await b.inputValue("#ringkasan"), "Ringkasan dari tab A, versi terbaru.");
    assert.equal(await b.inputValue("#judul_proposal"), "Judul dari tab B", "B's own edit is kept");
    // And A hears of B's title in turn.
    await eventually(async () => assert.equal(await offer(a).isVisible(), true, "A offers B's newer title"));
    await offer(a).locator("[data-action=restore]").click();
    assert.equal(await a.inputValue("#judul_proposal"), "Judul dari tab B");
    assert.equal(await a.inputValue("#ringkasan"), "Ringkasan dari tab A, versi terbaru.");
    assert.deepEqual(log.errors, []);
  }));

test("two tabs editing the same field: the older edit never overwrites the newer one in the draft", () =>
  withContext(async ({ context, page: a }) => {
    const b = await context.newPage();
    await open(a);
    await open(b);
    await a.fill("#ringkasan", "Versi lama dari A.");
    await eventually(async () => assert.equal((await stored(a))?.fields?.ringkasan, "Versi lama dari A."));
    await b.locator("[data-borang=summary] .draft [data-action=discard]").click();
    await b.fill("#ringkasan", "Versi baru dari B.");
    await eventually(async () => assert.equal((await stored(b))?.fields?.ringkasan, "Versi baru dari B."));
    // A, stale, types elsewhere and is hidden (a save): B's newer summary stays.
    await a.fill("#judul_proposal", "Judul A");
    await a.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide")));
    await sleep(700);
    const d = await stored(a);
    assert.equal(d.fields.ringkasan, "Versi baru dari B.");
    assert.equal(d.fields.judul_proposal, "Judul A");
    assert.equal(await offer(a).isVisible(), true, "A is told B's summary is newer");
    assert.equal(await a.inputValue("#ringkasan"), "Versi lama dari A.", "A's own text stays on its page");
  }));
