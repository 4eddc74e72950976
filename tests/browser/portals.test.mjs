// Real portal shapes (issue "Real portals, part 1"): borang must never stop a valid form from
// being sent, must give feedback on the next frame wherever the controls stand, and a refused
// submit must always be seen. Pages: tests/browser/pages/portals/ with the real npm packages
// (SB Admin 2, Bootstrap 4, selectize, bs-stepper, jQuery).
// Run: node --test tests/browser/portals.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { borangReady, counter, eventually, launch, openPage, openPausable, report } from "./harness.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

const SENT = /\/test\/core\/sent\.html$/;

/** `n` words of plain Indonesian. */
const words = (n, word = "layanan") => Array.from({ length: n }, (_, i) => `${word}${i % 7}`).join(" ");


/**
 * Frames between the first input event of `edit` and the counter of `field` reading
 * `expected`, both recorded in the page (the test's own round trips are not counted).
 */
async function framesUntil(page, field, expected, edit) {
  await page.evaluate(([field, expected]) => {
    window.__pauseIntervals = true;
    window.__editFrame = null;
    window.__doneFrame = null;
    const mark = () => {
      if (window.__editFrame === null) window.__editFrame = window.__frames;
    };
    window.addEventListener("input", mark, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const el = document.querySelector(`.borang-feedback[data-field="${field}"] .borang-count`);
      if (el?.textContent === expected && window.__doneFrame === null) {
        window.__doneFrame = window.__frames;
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, [field, expected]);
  await edit();
  await page.waitForFunction(() => window.__doneFrame !== null, null, { timeout: 5000 });
  return page.evaluate(() => window.__doneFrame - window.__editFrame);
}

/** Fills the SB Admin 2 Indeks Inovasi Daerah form validly (selectize chosen through its own API). */
async function fillIdd(page, { skip = [] } = {}) {
  const text = { nama_inovasi: "SIPANDU Desa", rancang_bangun: words(120), tujuan: words(60), manfaat: words(60), hasil: words(60) };
  for (const [name, value] of Object.entries(text)) {
    if (!skip.includes(name)) await page.fill(`[name="${name}"]`, value);
  }
  if (!skip.includes("waktu")) await page.fill("#waktu", "2025-03-01");
  await page.evaluate((skip) => {
    for (const [id, value] of [["urusan", "2"], ["bentuk", "pelayanan"], ["tahapan", "penerapan"]]) {
      if (!skip.includes(id)) document.getElementById(id).selectize.setValue(value);
    }
  }, skip);
}

test("zero-config advises by default: a complete form on a real portal is sent, whatever borang inferred", async () => {
  const { page, context, log } = await openPage(env.browser);
  await page.goto(`${env.base}/test/portals/idd.html`);
  await borangReady(page, "#form-inovasi");
  const sections = await page.evaluate(async () => {
    const { attachmentFor } = await import("/borang/embed.js");
    return attachmentFor(document.querySelector("#form-inovasi")).sections();
  });
  const fieldNames = sections.flatMap((s) => s.fields);
  // selectize's own search inputs are the widget's insides, never sections.
  assert.ok(!fieldNames.some((f) => f.includes("selectized")), `widget internals became fields: ${fieldNames}`);
  for (const name of ["urusan", "bentuk", "tahapan", "rancang_bangun", "instansi_asal"]) {
    assert.ok(fieldNames.includes(name), `zero-config should cover ${name}: ${fieldNames}`);
  }
  await fillIdd(page);
  await Promise.all([page.waitForURL(SENT, { timeout: 5000 }), page.click("#simpan")]);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("zero-config still advises: a limit borang read is shown, but never stops the submit", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(`${env.base}/test/portals/idd.html`);
  await borangReady(page, "#form-inovasi");
  await fillIdd(page);
  await page.fill("#tujuan", words(170));
  await assert.doesNotReject(
    eventually(async () => assert.equal(await counter(page, "tujuan").textContent(), "170 / 150 kata")),
  );
  await Promise.all([page.waitForURL(SENT, { timeout: 5000 }), page.click("#simpan")]);
  await context.close();
});

test("block mode: a conditional row the page hides does not block; shown and left empty, it does", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(`${env.base}/test/portals/idd.html?mode=block`);
  await borangReady(page, "#form-inovasi");
  await fillIdd(page);
  const hidden = (await report(page, "#form-inovasi")).sections.find((s) => s.fields?.includes?.("instansi_asal") || s.id.includes("instansi"));
  assert.equal(hidden?.status, "skipped", `the hidden row's section: ${JSON.stringify(hidden)}`);
  // The applicant picks "Replikasi": the row appears, empty, with its red star.
  await page.check("#k3");
  await page.click("#simpan");
  await page.waitForFunction(() => document.activeElement?.id === "instansi_asal", null, { timeout: 3000 });
  assert.ok(!SENT.test(page.url()));
  await page.fill("#instansi_asal", "Kabupaten Banyuwangi");
  await Promise.all([page.waitForURL(SENT, { timeout: 5000 }), page.click("#simpan")]);
  await context.close();
});

test("rules file: the hidden row's section is not applicable until the page shows it", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(`${env.base}/test/portals/idd.html?rules=1`);
  await borangReady(page, "#form-inovasi");
  await fillIdd(page);
  const status = async () => (await report(page, "#form-inovasi")).sections.find((s) => s.id === "asal").status;
  assert.equal(await status(), "skipped");
  await page.check("#k3");
  await eventually(async () => assert.equal(await status(), "empty"));
  await page.click("#simpan");
  await page.waitForFunction(() => document.activeElement?.id === "instansi_asal", null, { timeout: 3000 });
  await page.check("#k1");
  await eventually(async () => assert.equal(await status(), "skipped"));
  await Promise.all([page.waitForURL(SENT, { timeout: 5000 }), page.click("#simpan")]);
  await context.close();
});

test("a hidden block of several fields with no sign of being a step: its errors are warnings, never blocking", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(`${env.base}/test/portals/idd.html?rules=1`);
  await borangReady(page, "#form-inovasi");
  await fillIdd(page);
  const anggota = async () => (await report(page, "#form-inovasi")).sections.find((s) => s.id === "anggota");
  const hidden = await anggota();
  assert.deepEqual(
    hidden.messages.map((m) => m.severity),
    ["warning"],
    `hidden and unclear: ${JSON.stringify(hidden)}`,
  );
  // Shown ("Kelompok"), the same section blocks until filled.
  await page.check("#k2");
  await eventually(async () => assert.equal((await anggota()).status, "empty"));
  await page.click("#simpan");
  await page.waitForFunction(() => document.activeElement?.id === "anggota_1", null, { timeout: 3000 });
  await page.fill("#anggota_1", "Siti Aminah");
  await Promise.all([page.waitForURL(SENT, { timeout: 5000 }), page.click("#simpan")]);
  await context.close();
});

test("a refused submit on a selectize field focuses the widget's own input, not the hidden select", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(`${env.base}/test/portals/idd.html?rules=1`);
  await borangReady(page, "#form-inovasi");
  await fillIdd(page, { skip: ["urusan"] });
  await page.click("#simpan");
  await page.waitForFunction(() => document.activeElement?.id === "urusan-selectized", null, { timeout: 3000 });
  assert.ok(!SENT.test(page.url()));
  await context.close();
});

test("SB Admin 2 (overflow-x wrapper): a refused submit is seen — focus on the field, the panel on screen", async () => {
  const { page, context } = await openPage(env.browser, { viewport: { width: 1200, height: 700 } });
  await page.goto(`${env.base}/test/portals/idd.html?rules=1`);
  await borangReady(page, "#form-inovasi");
  await fillIdd(page, { skip: ["hasil"] });
  await page.locator("#simpan").scrollIntoViewIfNeeded();
  await page.click("#simpan");
  await page.waitForFunction(() => document.activeElement?.id === "hasil", null, { timeout: 3000 });
  const panel = await page.evaluate(() => {
    const host = document.querySelector(".borang-summary-host");
    const r = host.shadowRoot.querySelector(".panel").getBoundingClientRect();
    const alert = host.shadowRoot.querySelector("[role=alert]");
    return { top: r.top, bottom: r.bottom, height: innerHeight, alert: alert && !alert.hidden ? alert.textContent : null };
  });
  assert.ok(panel.top >= 0 && panel.bottom <= panel.height, `the panel is off screen: ${JSON.stringify(panel)}`);
  assert.match(panel.alert ?? "", /Hasil Inovasi/);
  // The field stays visible below the panel.
  const field = await page.locator("#hasil").boundingBox();
  assert.ok(field.y >= panel.bottom - 1 && field.y < panel.height, `the field is hidden by the panel: ${JSON.stringify({ field, panel })}`);
  assert.ok(!SENT.test(page.url()));
  await context.close();
});

test("wizard with steps by AJAX: a field on a step not shown still counts, and the refused submit names its step", async () => {
  const { page, context, log } = await openPage(env.browser);
  await page.goto(`${env.base}/test/portals/wizard.html`);
  await borangReady(page, "#proposal");
  await page.waitForSelector("#kirim", { state: "attached" });
  // Fields that arrived by AJAX get feedback like the others.
  await page.click("#t-substansi");
  await page.fill("#latar_belakang", words(320));
  await eventually(async () => assert.equal(await counter(page, "latar_belakang").textContent(), "320 / 300 kata"));
  await page.fill("#latar_belakang", words(100));
  await page.fill("#kebaruan", words(50));
  await page.click("#t-bukti");
  await page.fill("#video", "https://youtu.be/abc123");
  await page.check("#setuju");
  // Step 1 (Judul, Ringkasan) was never filled and is not shown now.
  await page.click("#kirim");
  await page.waitForTimeout(300);
  assert.ok(!SENT.test(page.url()), "a form with empty required fields on step 1 was sent");
  const state = await page.evaluate(() => {
    const host = document.querySelector(".borang-summary-host");
    const alert = host.shadowRoot.querySelector("[role=alert]");
    const active = document.activeElement;
    return {
      alert: alert && !alert.hidden ? alert.textContent : null,
      active: active === host ? "panel" : active?.id || active?.tagName,
    };
  });
  assert.match(state.alert ?? "", /Judul Inovasi/);
  assert.match(state.alert ?? "", /Profil Inovasi/, "the alert should name the step the field is on");
  assert.equal(state.active, "panel", "focus goes to the panel when no failing field can take focus");
  const judul = (await report(page, "#proposal")).sections.find((s) => s.id === "judul");
  assert.equal(judul.status, "empty");
  await page.click("#t-profil");
  await page.fill("#judul", "Layanan Antar Akta");
  await page.fill("#ringkasan", words(150));
  await page.click("#t-bukti");
  await Promise.all([page.waitForURL(SENT, { timeout: 5000 }), page.click("#kirim")]);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("broken markup: controls the parser put outside the <form> element get feedback on the next frame", async () => {
  const { page, context } = await openPausable(env.browser);
  await page.goto(`${env.base}/test/portals/broken.html`);
  await borangReady(page, "#usulan");
  const outside = await page.evaluate(() => {
    const form = document.getElementById("usulan");
    return ["latar", "catatan"].map((id) => !form.contains(document.getElementById(id)) && document.getElementById(id).form === form);
  });
  assert.deepEqual(outside, [true, true], "the page should hold associated controls outside the form element");
  const latar = await framesUntil(page, "latar", "3 / 300 kata", () => page.fill("#latar", "satu dua tiga"));
  assert.ok(latar <= 2, `the counter of a control outside the form took ${latar} frames`);
  await page.click("#catatan");
  const catatan = await framesUntil(page, "catatan", "2 / 50 kata", () => page.keyboard.insertText("dua kata"));
  assert.ok(catatan <= 2, `the counter of a form= control took ${catatan} frames`);
  await context.close();
});

test("two textareas sharing a name are two fields: each checked, counted and restored", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(`${env.base}/test/portals/broken.html`);
  await borangReady(page, "#usulan");
  const [first, second] = [page.locator('textarea[name="uraian"]').nth(0), page.locator('textarea[name="uraian"]').nth(1)];
  await first.fill(words(250));
  await second.fill(words(250, "warga"));
  await eventually(async () => {
    assert.equal(await counter(page, "uraian").textContent(), "250 / 200 kata");
    assert.equal(await counter(page, "uraian@2").textContent(), "250 / 500 kata");
  });
  const sections = (await report(page, "#usulan")).sections;
  assert.equal(sections.find((s) => s.id === "uraian_singkat").status, "error");
  assert.equal(sections.find((s) => s.id === "uraian_lengkap").status, "ok");
  // The draft keeps both; a reload offers them back.
  await page.waitForTimeout(700);
  await page.reload();
  await borangReady(page, "#usulan");
  await page.locator(".borang-summary-host").locator("button[data-action=restore]").click();
  assert.equal(await first.inputValue(), words(250));
  assert.equal(await second.inputValue(), words(250, "warga"));
  await context.close();
});

test("zero-config on the same page: the shared name gives two sections, and inferredRules() can address both", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(`${env.base}/test/portals/broken.html?zc=1`);
  await borangReady(page, "#usulan");
  const inferred = await page.evaluate(async () => {
    const { attachmentFor } = await import("/borang/embed.js");
    return JSON.parse(attachmentFor(document.querySelector("#usulan")).inferredRules());
  });
  const limits = Object.fromEntries(inferred.sections.map((s) => [s.fields[0], s.words?.max]));
  assert.equal(limits.uraian, 200);
  assert.equal(limits["uraian@2"], 500);
  assert.equal(limits.latar, 300);
  assert.equal(limits.catatan, 50);
  await context.close();
});

/** Clicks the summary link of section `id` (opening the panel first) and says where focus went. */
async function followLink(page, id) {
  return page.evaluate((id) => {
    const root = document.querySelector(".borang-summary-host").shadowRoot;
    const toggle = root.querySelector("[data-action=toggle]");
    if (toggle.getAttribute("aria-expanded") !== "true") toggle.click();
    const link = root.querySelector(`li[data-section="${id}"] [data-action=go]`);
    link.focus();
    link.click();
    const note = root.querySelector(".note");
    return {
      active: document.activeElement?.id || document.activeElement?.tagName,
      inPanel: root.activeElement === link,
      note: note.hidden ? null : note.textContent,
    };
  }, id);
}

test("summary links: a widget's own input, the step a field is on, a row that does not apply", async () => {
  const { page, context } = await openPage(env.browser);
  await page.goto(`${env.base}/test/portals/idd.html?rules=1`);
  await borangReady(page, "#form-inovasi");
  assert.equal((await followLink(page, "urusan")).active, "urusan-selectized");
  const asal = await followLink(page, "asal");
  assert.ok(asal.inPanel, "focus stays on the link");
  assert.equal(asal.note, "Instansi asal inovasi yang direplikasi tidak berlaku untuk isian saat ini.");
  await page.goto(`${env.base}/test/portals/wizard.html`);
  await borangReady(page, "#proposal");
  await page.click("#t-bukti");
  const judul = await followLink(page, "judul");
  assert.ok(judul.inPanel, "focus stays on the link");
  assert.equal(judul.note, "Judul Inovasi (di langkah 1: Profil Inovasi): buka langkah itu untuk mengisinya.");
  await page.click("#t-profil");
  await eventually(async () => assert.equal((await followLink(page, "judul")).active, "judul"));
  await context.close();
});
