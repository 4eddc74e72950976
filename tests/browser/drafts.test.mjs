// Drafts in headless Chromium: what the applicant typed is kept in localStorage, offered back
// after a reload (never put back silently), restored or discarded on request, cleared by a
// submit that goes through; `data-drafts="off"` keeps nothing; a browser without
// localStorage still gets its fields checked. Pages: tests/browser/pages/core/.
// Needs dist/ (`make dist`). Run: node --test tests/browser/drafts.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { borangReady, counter, eventually, launch, openPage, report } from "./harness.mjs";

const KIPP = "/test/core/kipp.html";
const KEY = "borang:draft:v1:/test/core/kipp.html#proposal";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

function words(n) {
  const pool = ["inovasi", "layanan", "kupu-kupu", "e-KTP", "dan/atau", "publik", "daerah", "warga"];
  return Array.from({ length: n }, (_, i) => pool[i % pool.length]).join(" ");
}

async function withContext(fn, { init } = {}) {
  const { context, page, log } = await openPage(env.browser);
  page.setDefaultTimeout(5000);
  try {
    if (init) await page.addInitScript(init);
    return await fn({ context, page, log });
  } finally {
    await context.close();
  }
}

async function open(page, query = "") {
  await page.goto(env.base + KIPP + query);
  await borangReady(page, "#proposal");
}

const draftArea = (page) => page.locator("[data-borang=summary] .draft");
const storedDraft = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null"), KEY);
const draftKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("borang:draft")));

/** What the page holds in the fields the drafts tests use. */
const values = (page) =>
  page.evaluate(() => ({
    judul: document.querySelector("#judul_proposal").value,
    ringkasan: document.querySelector("#ringkasan").value,
    sdgs: [...document.querySelectorAll("input[name='sdgs[]']:checked")].map((i) => i.value),
    kelompok: document.querySelector("input[name=kelompok]:checked")?.value ?? null,
    kategori: document.querySelector("#id_kategori").value,
  }));

const EMPTY = { judul: "", ringkasan: "", sdgs: [], kelompok: null, kategori: "" };
const TYPED = {
  judul: "Sistem Antrean Daring",
  ringkasan: words(12),
  sdgs: ["5", "11"],
  kelompok: "khusus",
  kategori: "2",
};

async function typeDraft(page) {
  await page.locator("#judul_proposal").pressSequentially(TYPED.judul, { delay: 0 });
  await page.fill("#ringkasan", TYPED.ringkasan);
  await page.check("#sdg-5");
  await page.check("#sdg-11");
  await page.check("input[name=kelompok][value=khusus]");
  await page.selectOption("#id_kategori", TYPED.kategori);
}

/** Waits until the stored draft holds what typeDraft typed. */
async function draftSaved(page) {
  await eventually(async () => {
    const draft = await storedDraft(page);
    assert.ok(draft, "a draft is stored");
    assert.equal(typeof draft.savedAt, "number");
    assert.deepEqual(draft.fields, {
      judul_proposal: TYPED.judul,
      ringkasan: TYPED.ringkasan,
      kelompok: TYPED.kelompok,
      id_kategori: TYPED.kategori,
      "sdgs[]": TYPED.sdgs,
    });
  }, 3000);
}

test("15a. a draft is offered after a reload, not applied; restore puts every value back", () =>
  withContext(async ({ page, log }) => {
    await open(page);
    assert.equal(await draftArea(page).isVisible(), false, "no offer on a first visit");
    await typeDraft(page);
    await draftSaved(page);

    await open(page);
    const offer = draftArea(page);
    await eventually(async () => assert.equal(await offer.isVisible(), true, "the draft is offered"));
    assert.match(await offer.textContent(), /draf/i);
    assert.equal(await offer.locator("[data-action=restore]").isVisible(), true);
    assert.equal(await offer.locator("[data-action=discard]").isVisible(), true);
    // Offered, not applied: the page is as loaded, and the stored draft is intact.
    assert.deepEqual(await values(page), EMPTY);
    await sleep(700); // longer than the save delay: nothing may overwrite the offer meanwhile
    assert.deepEqual(await values(page), EMPTY);
    await draftSaved(page);
    assert.equal(await counter(page, "ringkasan").textContent(), "0 / 200 kata");

    await page.evaluate(() => {
      window.__hostEvents.length = 0;
    });
    await offer.locator("[data-action=restore]").click();
    assert.deepEqual(await values(page), TYPED);
    await eventually(async () => assert.equal(await counter(page, "ringkasan").textContent(), "12 / 200 kata"));
    await eventually(async () => assert.equal(await offer.isVisible(), false, "the offer is gone"));
    // The host's scripts heard about it, as if the applicant had typed.
    const heard = await page.evaluate(() => window.__hostEvents);
    for (const event of [
      "input:judul_proposal",
      "change:judul_proposal",
      "input:ringkasan",
      "change:sdgs[]",
      "change:kelompok",
      "change:id_kategori",
    ]) {
      assert.ok(heard.includes(event), `${event} in ${JSON.stringify(heard)}`);
    }
    const r = await report(page, "#proposal");
    const status = (id) => r.sections.find((s) => s.id === id).status;
    assert.deepEqual(
      ["judul", "ringkasan", "kelompok", "kategori", "sdgs"].map(status),
      ["ok", "ok", "ok", "ok", "ok"],
    );
    assert.equal(r.sections.find((s) => s.id === "ringkasan").words, 12);
    assert.deepEqual(log.errors, []);
  }));

test("15b. discard hides the offer and changes nothing", () =>
  withContext(async ({ page, log }) => {
    await open(page);
    await typeDraft(page);
    await draftSaved(page);

    await open(page);
    const offer = draftArea(page);
    await eventually(async () => assert.equal(await offer.isVisible(), true, "the draft is offered"));
    await offer.locator("[data-action=discard]").click();
    await eventually(async () => assert.equal(await offer.isVisible(), false, "the offer is gone"));
    assert.deepEqual(await values(page), EMPTY);
    await sleep(700);
    assert.deepEqual(await values(page), EMPTY);
    assert.equal(await counter(page, "ringkasan").textContent(), "0 / 200 kata");
    const r = await report(page, "#proposal");
    assert.deepEqual(
      r.sections.filter((s) => s.status !== "empty").map((s) => s.id),
      [],
      "every section is still empty",
    );
    assert.deepEqual(log.errors, []);
  }));

test("15c. a submit that goes through clears the draft", () =>
  withContext(async ({ page, log }) => {
    await open(page);
    const fill = {
      judul_proposal: "Sistem Antrean Daring",
      ringkasan: words(150),
      latar_belakang: words(120),
      kebaharuan: words(100),
      implementasi_inovasi: words(100),
      signifikansi: words(300),
      adaptabilitas_1: words(40),
      adaptabilitas_2: words(80),
      sumber_daya: words(90),
      keberlanjutan: words(200),
      link_youtube: "https://youtu.be/dQw4w9WgXcQ",
    };
    for (const [name, value] of Object.entries(fill)) await page.fill(`[name="${name}"]`, value);
    await page.check("input[name=kelompok][value=umum]");
    await page.selectOption("#id_kategori", "1");
    await page.check("#sdg-3");
    await eventually(async () => assert.equal((await storedDraft(page))?.fields?.["sdgs[]"]?.[0], "3"));
    assert.equal((await report(page, "#proposal")).valid, true);
    await Promise.all([page.waitForURL(/\/test\/core\/sent\.html$/), page.click("#kirim")]);
    assert.deepEqual(await draftKeys(page), [], "no draft left after the submit");
    // And the form, opened again, offers nothing.
    await open(page);
    await sleep(300);
    assert.equal(await draftArea(page).isVisible(), false);
    assert.deepEqual(log.pageErrors, []);
  }));

test("15d. data-drafts=off keeps nothing", () =>
  withContext(async ({ page, log }) => {
    await open(page, "?drafts=off");
    await typeDraft(page);
    await sleep(1200); // more than twice the save delay
    assert.deepEqual(await draftKeys(page), []);
    // Leaving the page (pagehide) writes nothing either.
    await page.goto(`${env.base}/test/core/sent.html`);
    assert.deepEqual(await draftKeys(page), []);
    await open(page, "?drafts=off");
    await sleep(300);
    assert.equal(await draftArea(page).isVisible(), false);
    assert.deepEqual(await values(page), EMPTY);
    assert.deepEqual(log.errors, []);
  }));

test("15e. a draft is written when the page is left right after typing (pagehide)", () =>
  withContext(async ({ page, log }) => {
    await open(page);
    await page.fill("#judul_proposal", "Ditulis sesaat sebelum pergi");
    // Leave at once, well before the save delay.
    await page.evaluate((url) => {
      location.href = url;
    }, `${env.base}/test/core/sent.html`);
    await page.waitForURL(/sent\.html$/);
    await eventually(async () =>
      assert.equal((await storedDraft(page))?.fields?.judul_proposal, "Ditulis sesaat sebelum pergi"),
    );
    assert.deepEqual(log.errors, []);
  }));

test("15f. with localStorage throwing, fields are still checked and no page error occurs", () =>
  withContext(
    async ({ page, log }) => {
      await open(page);
      assert.equal(await page.evaluate(() => {
        try {
          return typeof window.localStorage;
        } catch (e) {
          return e.name;
        }
      }), "SecurityError");
      await page.fill("#ringkasan", words(201));
      await eventually(async () => {
        assert.equal(await counter(page, "ringkasan").textContent(), "201 / 200 kata");
        assert.equal(await counter(page, "ringkasan").getAttribute("data-level"), "error");
      });
      await page.fill("#judul_proposal", "Sistem Antrean Daring");
      await sleep(800); // a save is attempted after 0.5 s
      const r = await report(page, "#proposal");
      assert.equal(r.sections.find((s) => s.id === "ringkasan").status, "error");
      assert.equal(r.sections.find((s) => s.id === "judul").status, "ok");
      // A blocked submit still works.
      await page.click("#kirim");
      await eventually(async () => assert.equal(await page.locator("[data-borang=summary] p.alert").isVisible(), true));
      assert.ok(page.url().endsWith(KIPP));
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(log.errors, []);
    },
    {
      init: () => {
        Object.defineProperty(window, "localStorage", {
          configurable: true,
          get() {
            throw new DOMException("denied", "SecurityError");
          },
        });
      },
    },
  ));

test("15g. typing while the offer waits loses neither the draft nor the new text; restore keeps the new text", () =>
  withContext(async ({ page, log }) => {
    await open(page);
    await typeDraft(page);
    await draftSaved(page);

    await open(page);
    await eventually(async () => assert.equal(await draftArea(page).isVisible(), true, "the draft is offered"));
    // The applicant ignores the offer and writes in another section.
    const fresh = words(7);
    await page.fill("#latar_belakang", fresh);
    await eventually(async () => {
      const stored = await storedDraft(page);
      assert.equal(stored.fields.latar_belakang, fresh, "the new text is saved");
      assert.equal(stored.fields.ringkasan, TYPED.ringkasan, "the offered draft's text is still stored");
    });
    // A crash now, and the next load still offers both.
    await open(page);
    await eventually(async () => assert.equal(await draftArea(page).isVisible(), true));
    await page.fill("#ringkasan", "Teks baru yang ditulis sesudah muat ulang.");
    await draftArea(page).locator("[data-action=restore]").click();
    const now = await values(page);
    assert.equal(now.judul, TYPED.judul, "an untouched field is restored");
    assert.equal(now.ringkasan, "Teks baru yang ditulis sesudah muat ulang.", "a field edited since loading keeps its text");
    assert.equal(await page.inputValue("#latar_belakang"), fresh);
    assert.deepEqual(log.pageErrors, []);
  }));
