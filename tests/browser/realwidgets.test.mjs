// The real select and input widgets portals use, from npm: selectize 0.15.2, Tom Select 2.6.2,
// select2 4.1.0, chosen 1.8.7, Choices.js 11.2.2, flatpickr 4.6.13 (alt input) and
// bootstrap-tagsinput 0.7.1, on jQuery 3.7.1 and Bootstrap 4.6.2. A choice made through each
// widget is saved from the control it drives and, after a reload, restored through the widget:
// the native control holds it and the widget shows it.
// Page: tests/browser/pages/real/widgets.html. Needs dist/ (`make dist`).
// Run: node --test tests/browser/realwidgets.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { borangReady, eventually, launch, openPage, openPausable } from "./harness.mjs";

const PAGE = "/test/real/widgets.html";
const KEY = "borang:draft:v1:/test/real/widgets.html#f";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

const storedDraft = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "null"), KEY);
const draftArea = (page) => page.locator("[data-borang=summary] .draft");

async function open(page) {
  await page.goto(env.base + PAGE);
  await borangReady(page, "#f");
  await page.waitForFunction(() => document.querySelector(".bootstrap-tagsinput") !== null);
}

/** What the native controls hold. */
const natives = (page) =>
  page.evaluate(() => {
    const out = {};
    for (const name of ["kab", "opd", "urusan", "jenis", "tahap", "tanggal", "tag"]) {
      out[name] = document.querySelector(`[name=${name}]`).value;
    }
    return out;
  });

/** What each widget shows. */
const shown = (page) =>
  page.evaluate(() => {
    const text = (selector) => document.querySelector(selector)?.textContent.trim() ?? null;
    const choices = document.querySelector("#tahap").closest(".choices");
    return {
      kab: text("#kab + .selectize-control .selectize-input .item"),
      opd: text("#opd + .ts-wrapper .ts-control .item"),
      urusan: document.querySelector("#select2-urusan-container")?.getAttribute("title") ?? null,
      jenis: text("#jenis_chosen .chosen-single span"),
      tahap: choices?.querySelector(".choices__list--single .choices__item")?.textContent.trim() ?? null,
      tanggal: document.querySelector("#tanggal")._flatpickr.altInput.value,
      tag: [...document.querySelectorAll(".bootstrap-tagsinput .tag")].map((t) => t.textContent.trim()),
    };
  });

test("widgets: each choice is saved from the control it drives and restored through the widget", async () => {
  const { context, page, log } = await openPage(env.browser);
  page.setDefaultTimeout(10000);
  await open(page);

  // Chosen as an applicant does: through each widget's own UI.
  const away = () => page.mouse.click(5, 5); // closes the open dropdown, as a person would
  await page.click("#kab + .selectize-control .selectize-input");
  await page.click('#kab + .selectize-control .selectize-dropdown .option[data-value="3302"]');
  await away();
  await page.click("#opd + .ts-wrapper .ts-control");
  await page.click('#opd + .ts-wrapper .ts-dropdown .option[data-value="disdik"]');
  await away();
  await page.click("#urusan + .select2 .select2-selection");
  await page.click('.select2-results__option:text-is("Pendidikan")');
  await away();
  await page.click("#jenis_chosen .chosen-single");
  await page.click('#jenis_chosen .active-result:text-is("Teknologi")');
  await away();
  await page.click(".choices:has(#tahap)");
  await page.click('.choices:has(#tahap) .choices__list--dropdown [data-choice][data-value="uji-coba"]');
  await away();
  await page.click("#tanggal + input.form-control");
  await page.click('.flatpickr-calendar.open .flatpickr-day:not(.prevMonthDay):not(.nextMonthDay):text-is("14")');
  await away();
  await page.click(".bootstrap-tagsinput input");
  await page.keyboard.type("sanitasi");
  await page.keyboard.press("Enter");
  await page.keyboard.type("air bersih");
  await page.keyboard.press("Enter");
  await away();

  const chosen = await natives(page);
  assert.match(chosen.tanggal, /^\d{4}-\d{2}-14$/);
  assert.deepEqual(chosen, {
    kab: "3302",
    opd: "disdik",
    urusan: "pendidikan",
    jenis: "teknologi",
    tahap: "uji-coba",
    tanggal: chosen.tanggal,
    tag: "sanitasi,air bersih",
  });
  const widgets = await shown(page);
  // Saved from the native controls (some widgets fire no native event: the poll finds them).
  await eventually(async () => assert.deepEqual((await storedDraft(page))?.fields, chosen), 5000);

  await open(page);
  await eventually(async () => assert.equal(await draftArea(page).isVisible(), true, "the draft is offered"));
  const before = await natives(page);
  assert.equal(before.kab, "", "nothing is restored before the applicant asks");
  await draftArea(page).locator("[data-action=restore]").click();
  await eventually(async () => assert.deepEqual(await natives(page), chosen));
  await eventually(async () => assert.deepEqual(await shown(page), widgets), 3000);
  assert.equal(widgets.kab, "Banyumas");
  assert.equal(widgets.opd, "Dinas Pendidikan");
  assert.equal(widgets.urusan, "Pendidikan");
  assert.equal(widgets.jenis, "Teknologi");
  assert.equal(widgets.tahap, "Uji coba");
  assert.match(widgets.tanggal, /^14 /);
  assert.deepEqual(widgets.tag, ["sanitasi", "air bersih"]);
  // Every field was read back: no failure is reported, and the draft is still stored.
  await sleep(1800);
  assert.equal(await draftArea(page).isVisible(), false);
  assert.deepEqual((await storedDraft(page))?.fields, chosen);
  // The sections read the native controls: all seven are complete.
  const report = await page.evaluate(async () => {
    const embed = await import("/borang/embed.js");
    return embed.attachmentFor(document.querySelector("#f")).report();
  });
  for (const s of report.sections) assert.equal(s.status, "ok", `${s.id}: ${s.status}`);
  assert.deepEqual(log.errors, [], `the page logged errors:\n${log.errors.join("\n")}`);
  await context.close();
});

test("widgets that tell a choice with jQuery events only (selectize, select2, chosen, tagsinput) are checked without the poll", async () => {
  const { context, page, log } = await openPausable(env.browser);
  page.setDefaultTimeout(10000);
  await open(page);
  await page.evaluate(async () => {
    window.__pauseIntervals = true;
    const embed = await import("/borang/embed.js");
    const form = document.querySelector("#f");
    const attachment = embed.attachmentFor(form);
    window.__status = {};
    form.addEventListener("borang:update", () => {
      for (const s of attachment.report().sections) window.__status[s.id] = s.status;
    });
  });
  const status = (id) => page.evaluate((id) => window.__status[id] ?? null, id);
  const away = () => page.mouse.click(5, 5);

  await page.click("#kab + .selectize-control .selectize-input");
  await page.click('#kab + .selectize-control .selectize-dropdown .option[data-value="3301"]');
  await eventually(async () => assert.equal(await status("kab"), "ok"), 800);
  await away();
  await page.click("#urusan + .select2 .select2-selection");
  await page.click('.select2-results__option:text-is("Kesehatan")');
  await eventually(async () => assert.equal(await status("urusan"), "ok"), 800);
  await away();
  await page.click("#jenis_chosen .chosen-single");
  await page.click('#jenis_chosen .active-result:text-is("Digital")');
  await eventually(async () => assert.equal(await status("jenis"), "ok"), 800);
  await away();
  await page.click(".bootstrap-tagsinput input");
  await page.keyboard.type("sanitasi");
  await page.keyboard.press("Enter");
  await eventually(async () => assert.equal(await status("tag"), "ok"), 800);
  assert.deepEqual(log.errors, [], `the page logged errors:\n${log.errors.join("\n")}`);
  await context.close();
});

test("a stored choice the widget no longer offers is not lost: the others are restored, its draft is kept, the panel says so", async () => {
  const { context, page, log } = await openPage(env.browser);
  page.setDefaultTimeout(10000);
  await open(page);
  await page.evaluate((k) => {
    const now = Date.now();
    const draft = { savedAt: now, tab: "another", fields: { kab: "3399", opd: "dinkes" }, at: { kab: now, opd: now } };
    localStorage.setItem(k, JSON.stringify(draft));
  }, KEY);
  await open(page);
  await eventually(async () => assert.equal(await draftArea(page).isVisible(), true, "the draft is offered"));
  await draftArea(page).locator("[data-action=restore]").click();
  await eventually(async () => assert.equal((await shown(page)).opd, "Dinas Kesehatan"));
  await eventually(async () =>
    assert.match(await draftArea(page).textContent(), /Draf untuk Kabupaten belum dapat dipulihkan; draf tetap disimpan\./),
  );
  assert.equal(await draftArea(page).locator("[data-action=restore]").isVisible(), false, "a note, not an offer");
  await sleep(1200);
  assert.deepEqual((await storedDraft(page))?.fields, { kab: "3399", opd: "dinkes" }, "the choice that did not take is kept");
  assert.deepEqual(log.errors, [], `the page logged errors:\n${log.errors.join("\n")}`);
  await context.close();
});
