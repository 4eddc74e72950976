// The DOM layer end to end in headless Chromium: borang attached to plain portal forms (the
// pages in tests/browser/pages/core/) by the one-tag embed or by `attach()`, driven the way an
// applicant drives a form: typing, pasting, choosing, attaching files, submitting.
// Needs dist/ (`make dist`). Run: node --test tests/browser/dom.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, borangReady, counter, eventually, feedback, launch, openPage, report } from "./harness.mjs";

const CORPUS = readFileSync("/work/shared/corpus/berita-ppu-kipp-2025.txt", "utf8");
const KIPP = "/test/core/kipp.html";
const API = "/test/core/api.html";

const SECTION_IDS = [
  "judul", "ringkasan", "latar_belakang", "kebaharuan", "implementasi_inovasi", "signifikansi",
  "adaptabilitas_1", "adaptabilitas_2", "sumber_daya", "keberlanjutan", "video", "kelompok", "kategori", "sdgs",
];

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers

/** `n` words, each one word in the `office` count (hyphens, slashes, Rupiah amounts included). */
function words(n, offset = 0) {
  const pool = ["inovasi", "layanan", "kupu-kupu", "e-KTP", "dan/atau", "Rp1.500.000,00", "publik", "daerah", "warga"];
  return Array.from({ length: n }, (_, i) => pool[(i + offset) % pool.length]).join(" ");
}

/** Indonesian thousands separator, as borang writes counts. */
const id = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
const en = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** Opens `path` in a fresh context and waits for borang; `fn` gets {page, log, context}. */
async function withPage(path, fn, { ready = "#proposal", init, options } = {}) {
  const { context, page, log } = await openPage(env.browser, options);
  page.setDefaultTimeout(5000);
  try {
    if (init) await page.addInitScript(init);
    await page.goto(env.base + path);
    if (ready === "api") await page.waitForSelector("html[data-ready=yes]", { state: "attached" });
    else if (ready) await borangReady(page, ready);
    return await fn({ page, log, context });
  } finally {
    await context.close();
  }
}

const row = (page, section) => page.locator(`[data-borang=summary] li[data-section="${section}"]`);
const summary = (page, sel) => page.locator(`[data-borang=summary] ${sel}`);

async function counterIs(page, field, text, level) {
  await eventually(async () => {
    assert.equal(await counter(page, field).textContent(), text, `counter of ${field}`);
    if (level) assert.equal(await counter(page, field).getAttribute("data-level"), level, `level of ${field}`);
  });
}

/** Messages shown next to a field: [{severity, rule, text}]. */
function shown(page, field) {
  return page.evaluate((field) => {
    const node = document.querySelector(`.borang-feedback[data-field="${CSS.escape(field)}"]`);
    return node
      ? [...node.querySelectorAll("li.borang-message")].map((li) => ({
          severity: li.dataset.severity,
          rule: li.dataset.rule,
          text: li.textContent,
        }))
      : [];
  }, field);
}

/** The engine's report (Validator.preset) for the same values, from the page's own package. */
function engine(page, values, lang = "id") {
  return page.evaluate(
    async ([values, lang]) => {
      const m = await (await import("/borang/embed.js")).load();
      const v = m.Validator.preset("kipp-2023", { lang });
      try {
        return v.check(values);
      } finally {
        v.free();
      }
    },
    [values, lang],
  );
}

function countText(page, text) {
  return page.evaluate(async (text) => (await (await import("/borang/embed.js")).load()).countText(text).words, text);
}

const section = (report, sid) => report.sections.find((s) => s.id === sid);

/** Values that pass every kipp-2023 check. */
const VALID = {
  judul_proposal: "Sistem Antrean Daring Puskesmas",
  ringkasan: words(150),
  latar_belakang: words(120),
  kebaharuan: words(100),
  implementasi_inovasi: words(100),
  signifikansi: words(300),
  adaptabilitas_1: words(40),
  adaptabilitas_2: words(80),
  sumber_daya: words(90),
  keberlanjutan: words(200),
  link_youtube: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
};

/** Fills the kipp page; `values` overrides VALID (a value of `undefined` leaves the field untouched). */
async function fillKipp(page, values = {}) {
  for (const [name, value] of Object.entries({ ...VALID, ...values })) {
    if (value !== undefined) await page.fill(`[name="${name}"]`, value);
  }
  await page.check("input[name=kelompok][value=umum]");
  await page.selectOption("#id_kategori", "1");
  await page.check("#sdg-3");
}

const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? null);

function borangWarnings(log) {
  return log.warnings.filter((w) => w.startsWith("borang:"));
}

// ---------------------------------------------------------------------------------------------
// 1. Counters

test("1. typing updates the counter like the engine; warning from 90 %, error past the limit; the row follows", () =>
  withPage(KIPP, async ({ page, log }) => {
    await counterIs(page, "ringkasan", "0 / 200 kata", "ok");
    // The embed announced itself with the attachment, and renders announce updates.
    assert.equal(
      await page.evaluate(async () => {
        const embed = await import("/borang/embed.js");
        return window.__borangReady === embed.attachmentFor(document.querySelector("#proposal"));
      }),
      true,
      "borang:ready carries the attachment",
    );
    const updates = await page.evaluate(() => window.__borangUpdates);
    const ta = page.locator("#ringkasan");
    await ta.pressSequentially("Inovasi kupu-kupu e-KTP dan/atau layanan.", { delay: 5 });
    const typed = await ta.inputValue();
    const typedReport = section(await engine(page, { ringkasan: typed }), "ringkasan");
    assert.equal(typedReport.words, 5);
    assert.equal(await countText(page, typed), 5);
    await counterIs(page, "ringkasan", "5 / 200 kata", "ok");
    assert.equal(await row(page, "ringkasan").getAttribute("data-status"), "ok");
    assert.ok((await page.evaluate(() => window.__borangUpdates)) > updates, "borang:update after rendering");

    for (const [n, level, status] of [
      [179, "ok", "ok"],
      [180, "warning", "warning"],
      [200, "warning", "warning"],
      [201, "error", "error"],
    ]) {
      const text = words(n, n);
      await ta.fill(text);
      const expected = section(await engine(page, { ringkasan: text }), "ringkasan");
      assert.equal(expected.words, n, "the engine counts the generated text");
      assert.equal(await countText(page, text), n, "countText counts the generated text");
      assert.equal(expected.status, status);
      await counterIs(page, "ringkasan", `${n} / 200 kata`, level);
      await eventually(async () => assert.equal(await row(page, "ringkasan").getAttribute("data-status"), status));
      const live = section(await report(page, "#proposal"), "ringkasan");
      assert.equal(live.words, n);
      assert.equal(live.status, status);
      assert.deepEqual(live.messages, expected.messages);
      assert.deepEqual(
        await shown(page, "ringkasan"),
        expected.messages.map((m) => ({ severity: m.severity, rule: m.rule, text: m.text })),
      );
    }
    // The error message is the one a jury reads.
    assert.deepEqual(await shown(page, "ringkasan"), [
      { severity: "error", rule: "words.max", text: "Ringkasan berisi 201 kata; batasnya 200 kata." },
    ]);
    // Back under the limit: the message goes.
    await ta.fill(words(150));
    await counterIs(page, "ringkasan", "150 / 200 kata", "ok");
    assert.deepEqual(await shown(page, "ringkasan"), []);
    assert.deepEqual(log.errors, []);
  }));

test("1b. English counter uses the English thousands separator", () =>
  withPage(`${KIPP}?lang=en`, async ({ page, log }) => {
    await counterIs(page, "ringkasan", "0 / 200 words", "ok");
    const text = words(1200);
    await page.fill("#ringkasan", text);
    await counterIs(page, "ringkasan", `${en(1200)} / 200 words`, "error");
    const expected = section(await engine(page, { ringkasan: text }, "en"), "ringkasan");
    assert.deepEqual(
      (await shown(page, "ringkasan")).map((m) => m.text),
      expected.messages.map((m) => m.text),
    );
    assert.equal(expected.messages[0].text, "Ringkasan has 1,200 words; the limit is 200.");
    assert.deepEqual(log.errors, []);
  }));

// ---------------------------------------------------------------------------------------------
// 2. Pasting long texts

test("2. pasting the corpus and a 20,000-word text: counter equals the engine; the page stays responsive", () =>
  withPage(
    KIPP,
    async ({ page, context, log }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.base });
      // The news article, with page.fill (one input event).
      await page.fill("#ringkasan", CORPUS);
      const n = await countText(page, CORPUS);
      const corpusReport = section(await engine(page, { ringkasan: CORPUS }), "ringkasan");
      assert.equal(corpusReport.words, n);
      assert.ok(n > 200, `the corpus has ${n} words`);
      await counterIs(page, "ringkasan", `${id(n)} / 200 kata`, "error");

      // 20,000+ words, pasted from the clipboard into another section.
      const big = Array.from({ length: Math.ceil(20000 / n) }, () => CORPUS.trim()).join("\n\n");
      const bigWords = await countText(page, big);
      assert.ok(bigWords >= 20000, `the long text has ${bigWords} words`);
      assert.equal(section(await engine(page, { signifikansi: big }), "signifikansi").words, bigWords);
      await page.evaluate((text) => navigator.clipboard.writeText(text), big);
      await page.focus("#signifikansi");
      await page.keyboard.press("Control+V");
      await eventually(async () => assert.equal(await page.inputValue("#signifikansi"), big), 10000);
      await counterIs(page, "signifikansi", `${id(bigWords)} / 600 kata`, "error");
      await eventually(async () =>
        assert.equal(await row(page, "signifikansi").locator(".meter").textContent(), `${id(bigWords)} / 600 kata`),
      );
      // Still responsive: a frame comes, and one more typed word is counted.
      assert.equal(await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok(true)))), true);
      await page.keyboard.press("Control+End");
      await page.keyboard.type(" tambahan");
      await counterIs(page, "signifikansi", `${id(bigWords + 1)} / 600 kata`, "error");
      assert.equal(section(await report(page, "#proposal"), "signifikansi").words, bigWords + 1);
      assert.deepEqual(log.pageErrors, []);
    },
  ));

test("2b. edits anywhere in a long text (emoji, CRLF, split surrogate pairs): the live counts equal a count of the whole value", () =>
  withPage(KIPP, async ({ page, log }) => {
    // The DOM layer reads a changed text as the part that changed (see src/text.rs); this
    // drives that path with edits a keyboard, a paste or a host script make, at the start,
    // in the middle and at the end, and compares every count with `countText` of the value.
    const mismatches = await page.evaluate(async (corpus) => {
      const mod = await (await import("/borang/embed.js")).load();
      const form = document.querySelector("#proposal");
      const handle = (await import("/borang/embed.js")).attachmentFor(form);
      const ta = document.querySelector("#signifikansi");
      const pieces = ["a", " ", "kata ", "\n", "\n\n", "\r\n", "😀", "👩‍👩‍👧", "é", "e\u0301", "中文", "\uD83D", "\uDE00", ". ", "Dr. ", "–", "\u200B", "\u2028", ""];
      let seed = 7;
      const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
      ta.value = corpus.slice(0, 6000);
      ta.dispatchEvent(new Event("input", { bubbles: true }));
      const out = [];
      for (let i = 0; i < 150; i++) {
        const v = ta.value;
        const at = [0, v.length, rand(v.length + 1)][i % 3];
        const cut = rand(4) === 0 ? rand(Math.min(40, v.length - at) + 1) : 0;
        ta.value = v.slice(0, at) + pieces[rand(pieces.length)] + v.slice(at + cut);
        ta.dispatchEvent(new Event("input", { bubbles: true }));
        // Half the edits are checked at once (report() renders what is pending), half after the task.
        if (i % 2) await new Promise((r) => setTimeout(r, 0));
        const live = handle.report().sections.find((s) => s.id === "signifikansi");
        const whole = mod.countText(ta.value);
        if (live.words !== whole.words || live.chars !== whole.chars || live.charsNoSpaces !== whole.charsNoSpaces)
          out.push({ i, at, live: [live.words, live.chars, live.charsNoSpaces], whole: [whole.words, whole.chars, whole.charsNoSpaces] });
      }
      return out;
    }, CORPUS);
    assert.deepEqual(mismatches, []);
    assert.deepEqual(log.pageErrors, []);
  }));

// ---------------------------------------------------------------------------------------------
// 3. Summary panel

test("3. summary: progress, counts, toggle, statuses per section, go-to buttons focus the field", () =>
  withPage(KIPP, async ({ page, log }) => {
    const host = await page.evaluate(() => {
      const form = document.querySelector("#proposal");
      const first = form.firstElementChild;
      return {
        cls: first.className,
        borang: first.dataset.borang,
        open: first.shadowRoot !== null && first.shadowRoot.mode === "open",
      };
    });
    assert.deepEqual(host, { cls: "borang-summary-host", borang: "summary", open: true });
    assert.equal(await summary(page, ".progress").textContent(), "0 dari 14 bagian lengkap");

    // Rows are folded in the sticky panel; the toggle opens them.
    const toggle = summary(page, "button.toggle");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    assert.equal(await summary(page, "ol").isVisible(), false);
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.equal(await summary(page, "ol").isVisible(), true);
    assert.deepEqual(
      await summary(page, "ol > li").evaluateAll((lis) => lis.map((li) => li.dataset.section)),
      SECTION_IDS,
    );
    assert.deepEqual(
      await summary(page, "ol > li").evaluateAll((lis) => lis.map((li) => li.dataset.status)),
      SECTION_IDS.map(() => "empty"),
    );

    await page.fill("#judul_proposal", "Sistem Antrean Daring");
    await page.fill("#ringkasan", words(185));
    await page.fill("#kebaharuan", words(201));
    await page.fill("#link_youtube", "https://vimeo.com/12345");
    await page.check("#sdg-1");
    await page.selectOption("#id_kategori", "2");
    const expected = {
      judul: ["ok", "Lengkap"],
      ringkasan: ["warning", "Perlu dicek"],
      latar_belakang: ["empty", "Belum diisi"],
      kebaharuan: ["error", "Perlu diperbaiki"],
      video: ["error", "Perlu diperbaiki"],
      kelompok: ["empty", "Belum diisi"],
      kategori: ["ok", "Lengkap"],
      sdgs: ["ok", "Lengkap"],
    };
    await eventually(async () => {
      for (const [sid, [status, label]] of Object.entries(expected)) {
        assert.equal(await row(page, sid).getAttribute("data-status"), status, `row ${sid}`);
        assert.equal(await row(page, sid).locator(".status").textContent(), label, `row ${sid} label`);
      }
    });
    const r = await report(page, "#proposal");
    for (const [sid, [status]] of Object.entries(expected)) assert.equal(section(r, sid).status, status, sid);
    assert.equal(r.complete, 4);
    assert.equal(r.total, 14);
    assert.equal(await summary(page, ".progress").textContent(), "4 dari 14 bagian lengkap");
    // The meter of a word-limited row.
    const progress = await row(page, "ringkasan")
      .locator("progress")
      .evaluate((p) => ({ value: p.value, max: p.max, hidden: p.hidden }));
    assert.deepEqual(progress, { value: 185, max: 200, hidden: false });

    // Go-to buttons focus the field (the sticky panel may fold again after each).
    for (const [sid, focused] of [
      ["kebaharuan", "kebaharuan"],
      ["sdgs", "sdg-1"],
      ["kategori", "id_kategori"],
      ["judul", "judul_proposal"],
    ]) {
      if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
      await row(page, sid).locator("button.go").click();
      assert.equal(await activeId(page), focused, `go to ${sid}`);
    }

    // Sections with an error, with a warning, empty.
    assert.equal(await summary(page, ".counts").textContent(), "2 perlu diperbaiki · 1 perlu dicek · 8 belum diisi");
    assert.deepEqual(log.errors, []);
  }));

// ---------------------------------------------------------------------------------------------
// 4. Live region

test("4. live region: one announcement after typing pauses, not one per keystroke", () =>
  withPage(KIPP, async ({ page, log }) => {
    const live = page.locator("[data-borang=live]");
    assert.deepEqual(
      await live.evaluate((el) => [el.className, el.getAttribute("role"), el.getAttribute("aria-live")]),
      ["borang-sr", "status", "polite"],
    );
    await live.evaluate((el) => {
      window.__liveChanges = [];
      new MutationObserver(() => window.__liveChanges.push(el.textContent)).observe(el, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    // Fast typing: ~60 keystrokes, well under the pause between them.
    await page.locator("#ringkasan").pressSequentially("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh", {
      delay: 20,
    });
    const during = await page.evaluate(() => window.__liveChanges.length);
    assert.ok(during <= 2, `the live region changed ${during} times while typing`);
    await eventually(async () => assert.equal(await live.textContent(), "Ringkasan: sisa 190 kata."), 2500);
    const changes = await page.evaluate(() => window.__liveChanges);
    assert.ok(changes.length <= 2, `live region changes for one burst of typing: ${JSON.stringify(changes)}`);

    // Over the limit.
    await page.fill("#ringkasan", words(212));
    await eventually(async () => assert.equal(await live.textContent(), "Ringkasan: kelebihan 12 kata."), 2500);
    assert.deepEqual(log.errors, []);
  }));

// ---------------------------------------------------------------------------------------------
// 5. ARIA

test("5. aria-describedby keeps the host's id first; aria-invalid comes past the limit and goes when fixed", () =>
  withPage(KIPP, async ({ page, log }) => {
    const fbId = await feedback(page, "ringkasan").getAttribute("id");
    assert.match(fbId, /^borang-/);
    assert.equal(await page.getAttribute("#ringkasan", "aria-describedby"), `host-hint ${fbId}`);
    // Placement: right after the field, or after the <label> that wraps it.
    assert.equal(await page.evaluate(() => document.querySelector("#ringkasan").nextElementSibling?.dataset.field), "ringkasan");
    // The title (no host ids) gets its feedback once it has something to say.
    await page.fill("#judul_proposal", "Judul");
    await page.fill("#judul_proposal", "");
    await eventually(async () =>
      assert.deepEqual(await shown(page, "judul_proposal"), [
        { severity: "error", rule: "required", text: "Judul Inovasi wajib diisi." },
      ]),
    );
    const judulFb = await feedback(page, "judul_proposal").getAttribute("id");
    assert.match(judulFb, /^borang-/);
    assert.notEqual(judulFb, fbId);
    assert.equal(await page.getAttribute("#judul_proposal", "aria-describedby"), judulFb);
    assert.equal(await page.getAttribute("#judul_proposal", "aria-invalid"), "true");
    assert.equal(
      await page.evaluate(() => document.querySelector("#judul_proposal").closest("label").nextElementSibling?.dataset.field),
      "judul_proposal",
    );
    assert.equal(await page.evaluate(() => document.querySelector("label .borang-feedback")), null);

    assert.equal(await page.getAttribute("#ringkasan", "aria-invalid"), null);
    await page.fill("#ringkasan", words(201));
    await eventually(async () => assert.equal(await page.getAttribute("#ringkasan", "aria-invalid"), "true"));
    // Still the host's id first, no duplicate.
    assert.equal(await page.getAttribute("#ringkasan", "aria-describedby"), `host-hint ${fbId}`);
    await page.fill("#ringkasan", words(150));
    await eventually(async () => assert.equal(await page.getAttribute("#ringkasan", "aria-invalid"), null));
    assert.equal(await page.getAttribute("#ringkasan", "aria-describedby"), `host-hint ${fbId}`);
    // An untouched empty field is not marked invalid.
    assert.equal(await page.getAttribute("#latar_belakang", "aria-invalid"), null);
    assert.deepEqual(log.errors, []);
  }));

// ---------------------------------------------------------------------------------------------
// 6. Submit

/** Marks the page so that a navigation (which would drop the mark) is detectable. */
async function markPage(page) {
  await page.evaluate(() => {
    window.__stayed = true;
  });
}

async function assertBlocked(page, { blocking }) {
  const alert = summary(page, "p.alert");
  // Wait for one outcome or the other: the alert, or the next page.
  await eventually(async () =>
    assert.ok(page.url().includes("sent.html") || (await alert.isVisible().catch(() => false)), "no outcome yet"),
  ).catch(() => {});
  assert.ok(!page.url().includes("sent.html"), `the submit went through to ${page.url()}`);
  await eventually(async () => {
    assert.equal(await alert.isVisible(), true, "p.alert is visible");
    const text = await alert.textContent();
    const expected = `Belum dapat dikirim: ${blocking} bagian masih perlu diperbaiki`;
    assert.ok(text.startsWith(expected), `alert: ${JSON.stringify(text)}, expected ${JSON.stringify(expected)}`);
  });
  assert.equal(await alert.getAttribute("role"), "alert");
  assert.equal(await page.evaluate(() => window.__stayed), true, "the page did not navigate");
  assert.ok(page.url().endsWith(KIPP) || page.url().includes(`${KIPP}?`), page.url());
  assert.equal(await page.evaluate(() => window.__hostSubmit ?? 0), 0, "the host's submit handler did not run");
  assert.equal(await page.evaluate(() => sessionStorage.getItem("hostSubmit")), null);
  // Checked at the end of each test (`blockedAsContracted`), so the rest of its story still runs.
  return {
    focused: await activeId(page),
    alert: await summary(page, "p.alert").textContent(),
    sticky: await page.evaluate(() => document.querySelector(".borang-summary-host").dataset.sticky),
  };
}

/**
 * Focus on the first failing field; the summary's alert names what is left while the panel
 * stays a sticky line (an open panel would cover the focused field).
 */
function blockedAsContracted(seen, titles = "Judul Inovasi, Ringkasan") {
  assert.equal(seen.focused, "judul_proposal", "after the blocked submit, focus was on the first failing field");
  assert.ok(seen.alert.endsWith(`(${titles}).`), `the alert names the failing sections: ${seen.alert}`);
  assert.equal(seen.sticky, "yes", "the panel stays a sticky line");
}

async function submitGoesThrough(page) {
  await Promise.all([page.waitForURL(/\/test\/core\/sent\.html$/, { timeout: 5000 }), page.click("#kirim")]);
  assert.equal(await page.textContent("#sent"), "Proposal terkirim");
  return page.evaluate(() => sessionStorage.getItem("hostSubmit"));
}

test("6a. a submit with errors is stopped (focus on the first failing field, alert); fixed, it goes through", () =>
  withPage(KIPP, async ({ page, log }) => {
    // The title is never touched, the summary is too long.
    await fillKipp(page, { judul_proposal: undefined, ringkasan: words(201) });
    await counterIs(page, "ringkasan", "201 / 200 kata", "error");
    await markPage(page);
    await page.click("#kirim");
    const seen = await assertBlocked(page, { blocking: 2 });

    await page.fill("#judul_proposal", "Sistem Antrean Daring");
    await page.fill("#ringkasan", words(150));
    await counterIs(page, "ringkasan", "150 / 200 kata", "ok");
    assert.equal(await submitGoesThrough(page), "1", "the host's submit handler ran once, for the submit that went");
    assert.deepEqual(log.pageErrors, []);
    blockedAsContracted(seen);
  }));

test("6b. a form with novalidate is stopped the same way", () =>
  withPage(`${KIPP}?novalidate`, async ({ page, log }) => {
    assert.equal(await page.evaluate(() => document.querySelector("#proposal").noValidate), true);
    await fillKipp(page, { judul_proposal: undefined, ringkasan: words(201) });
    await counterIs(page, "ringkasan", "201 / 200 kata", "error");
    await markPage(page);
    await page.click("#kirim");
    const seen = await assertBlocked(page, { blocking: 2 });
    // Every failing section now shows its message, untouched ones included.
    assert.deepEqual(await shown(page, "judul_proposal"), [
      { severity: "error", rule: "required", text: "Judul Inovasi wajib diisi." },
    ]);

    await page.fill("#judul_proposal", "Sistem Antrean Daring");
    await page.fill("#ringkasan", words(150));
    await counterIs(page, "ringkasan", "150 / 200 kata", "ok");
    assert.equal(await submitGoesThrough(page), "1");
    assert.deepEqual(log.pageErrors, []);
    blockedAsContracted(seen);
  }));

test("6f. an empty required section alone blocks the submit", () =>
  withPage(`${KIPP}?novalidate`, async ({ page, log }) => {
    // Everything right, but the title was never filled in.
    await fillKipp(page, { judul_proposal: undefined });
    await counterIs(page, "keberlanjutan", "200 / 500 kata", "ok");
    const r = await report(page, "#proposal");
    assert.equal(r.valid, false);
    assert.deepEqual(
      r.sections.filter((s) => s.messages.length).map((s) => [s.id, s.status, s.messages.map((m) => m.rule)]),
      [["judul", "empty", ["required"]]],
    );
    await markPage(page);
    await page.click("#kirim");
    const seen = await assertBlocked(page, { blocking: 1 });
    assert.deepEqual(log.pageErrors, []);
    blockedAsContracted(seen, "Judul Inovasi");
  }));

test("6c. warnings alone (185/200 words) do not block", () =>
  withPage(KIPP, async ({ page, log }) => {
    await fillKipp(page, { ringkasan: words(185) });
    await counterIs(page, "ringkasan", "185 / 200 kata", "warning");
    const r = await report(page, "#proposal");
    assert.equal(r.valid, true);
    assert.equal(r.warnings, 1);
    assert.equal(await page.evaluate(() => document.querySelector("#proposal").checkValidity()), true);
    assert.equal(await submitGoesThrough(page), "1");
    assert.deepEqual(log.pageErrors, []);
  }));

test("6d. data-mode=advise never blocks and sets no custom validity", () =>
  withPage(`${KIPP}?mode=advise`, async ({ page, log }) => {
    await fillKipp(page, { judul_proposal: undefined, ringkasan: words(201) });
    await counterIs(page, "ringkasan", "201 / 200 kata", "error");
    assert.deepEqual((await shown(page, "ringkasan")).map((m) => m.rule), ["words.max"]);
    assert.equal(await page.evaluate(() => document.querySelector("#ringkasan").validationMessage), "");
    assert.equal(await page.evaluate(() => document.querySelector("#proposal").checkValidity()), true);
    assert.equal((await report(page, "#proposal")).valid, false);
    assert.equal(await submitGoesThrough(page), "1");
    assert.deepEqual(log.pageErrors, []);
  }));

test("6e. constraint validation: a touched field's error is its custom validity, cleared when fixed", () =>
  withPage(KIPP, async ({ page, log }) => {
    const state = () =>
      page.evaluate(() => {
        const form = document.querySelector("#proposal");
        const ta = document.querySelector("#ringkasan");
        const judul = document.querySelector("#judul_proposal");
        return {
          form: form.checkValidity(),
          message: ta.validationMessage,
          invalid: ta.matches(":invalid"),
          judul: judul.validationMessage,
        };
      });
    assert.deepEqual(await state(), { form: true, message: "", invalid: false, judul: "" });
    await page.fill("#ringkasan", words(201));
    await counterIs(page, "ringkasan", "201 / 200 kata", "error");
    const text = "Ringkasan berisi 201 kata; batasnya 200 kata.";
    // Untouched empty sections set no validity yet.
    assert.deepEqual(await state(), { form: false, message: text, invalid: true, judul: "" });
    assert.equal((await shown(page, "ringkasan"))[0].text, text);

    await page.fill("#ringkasan", words(150));
    await counterIs(page, "ringkasan", "150 / 200 kata", "ok");
    // checkValidity() above was a query (portals call it to enable their button), not a submit:
    // the untouched, empty title must not have become invalid.
    assert.deepEqual(await shown(page, "judul_proposal"), [], "no message on the untouched title");
    assert.deepEqual(await state(), { form: true, message: "", invalid: false, judul: "" });
    assert.equal(await page.evaluate(() => document.querySelector("#proposal").reportValidity()), true);

    await page.fill("#ringkasan", words(230));
    await counterIs(page, "ringkasan", "230 / 200 kata", "error");
    await page.focus("#latar_belakang");
    assert.equal(await page.evaluate(() => document.querySelector("#proposal").reportValidity()), false);
    assert.equal(await activeId(page), "ringkasan", "reportValidity focuses the invalid field");
    assert.equal(
      await page.evaluate(() => document.querySelector("#ringkasan").validationMessage),
      "Ringkasan berisi 230 kata; batasnya 200 kata.",
    );
    assert.deepEqual(log.pageErrors, []);
  }));

// ---------------------------------------------------------------------------------------------
// 7. Missing fields, 8. Dynamic fields

const MISSING = ["kebaharuan", "u_kebaharuan", "link_youtube", "sdgs[]", "u_ringkasan"];
/** The KIPP page without those fields. */
const PARTIAL = `${KIPP}?without=${MISSING.map(encodeURIComponent).join(",")}`;

test("7. missing fields: one warning each, sections without fields are skipped, the rest works", () =>
  withPage(PARTIAL, async ({ page, log }) => {
    const named = borangWarnings(log).map((w) => w.match(/field "([^"]+)"/)?.[1]);
    assert.deepEqual([...named].sort(), [...MISSING].sort(), `borang's warnings: ${JSON.stringify(borangWarnings(log))}`);
    assert.equal(log.warnings.length, MISSING.length, JSON.stringify(log.warnings));
    const r = await report(page, "#proposal");
    const skipped = r.sections.filter((s) => s.status === "skipped").map((s) => s.id);
    assert.deepEqual(skipped, ["kebaharuan", "video", "sdgs"]);
    assert.equal(r.total, 11);
    for (const sid of ["kebaharuan", "video", "sdgs"]) {
      assert.equal(await row(page, sid).getAttribute("data-status"), "skipped", sid);
      assert.equal(await row(page, sid).locator(".status").textContent(), "Tidak berlaku");
    }
    assert.equal(await summary(page, ".progress").textContent(), "0 dari 11 bagian lengkap");
    // The ringkasan section, with its attachment missing, still works.
    await page.fill("#ringkasan", words(201));
    await counterIs(page, "ringkasan", "201 / 200 kata", "error");
    assert.equal(section(await report(page, "#proposal"), "ringkasan").status, "error");
    await page.fill("#judul_proposal", "Sistem Antrean Daring");
    await eventually(async () => assert.equal(await summary(page, ".progress").textContent(), "1 dari 11 bagian lengkap"));
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.pageErrors, []);
    // Still one warning per field after all this.
    assert.equal(borangWarnings(log).length, MISSING.length);
  }));

test("8. a field added later is picked up and checked; a field removed later breaks nothing", () =>
  withPage(PARTIAL, async ({ page, log }) => {
    assert.equal(section(await report(page, "#proposal"), "kebaharuan").status, "skipped");
    await page.evaluate(() => {
      const div = document.createElement("div");
      div.className = "field";
      div.id = "field-kebaharuan";
      div.innerHTML =
        '<label for="kebaharuan">Kebaruan/Nilai Tambah</label><textarea id="kebaharuan" name="kebaharuan" rows="4"></textarea>';
      document.querySelector("#field-latar_belakang").after(div);
    });
    await counterIs(page, "kebaharuan", "0 / 200 kata", "ok");
    assert.equal(await page.evaluate(() => document.querySelector("#kebaharuan").nextElementSibling?.dataset.field), "kebaharuan");
    await eventually(async () => assert.equal(await row(page, "kebaharuan").getAttribute("data-status"), "empty"));
    await page.fill("#kebaharuan", words(201));
    await counterIs(page, "kebaharuan", "201 / 200 kata", "error");
    assert.equal(section(await report(page, "#proposal"), "kebaharuan").status, "error");
    assert.equal(await page.getAttribute("#kebaharuan", "aria-invalid"), "true");

    // Remove a whole field (the textarea and its attachment).
    await page.fill("#latar_belakang", words(20));
    await counterIs(page, "latar_belakang", "20 / 300 kata");
    await page.evaluate(() => document.querySelector("#field-latar_belakang").remove());
    await eventually(async () => assert.equal(await row(page, "latar_belakang").getAttribute("data-status"), "skipped"));
    assert.equal(section(await report(page, "#proposal"), "latar_belakang").status, "skipped");
    assert.equal(await feedback(page, "latar_belakang").count(), 0);
    // Everything else still works.
    await page.fill("#ringkasan", words(12));
    await counterIs(page, "ringkasan", "12 / 200 kata", "ok");
    await page.fill("#kebaharuan", words(100));
    await counterIs(page, "kebaharuan", "100 / 200 kata", "ok");
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.pageErrors, []);
  }));

// ---------------------------------------------------------------------------------------------
// 9. Scripted changes, 10. IME

test("9. a value set by a script without an event is picked up by the poll", () =>
  withPage(KIPP, async ({ page, log }) => {
    const setValue = (value) =>
      page.evaluate((value) => {
        document.querySelector("#latar_belakang").value = value;
      }, value);
    await counterIs(page, "latar_belakang", "0 / 300 kata");
    await setValue("satu dua tiga empat");
    await counterIs(page, "latar_belakang", "4 / 300 kata", "ok");
    // Really without an event: the host saw none.
    assert.deepEqual(await page.evaluate(() => window.__hostEvents), []);
    assert.equal(section(await report(page, "#proposal"), "latar_belakang").words, 4);
    // A second scripted change, right after the first was picked up.
    await setValue("");
    await counterIs(page, "latar_belakang", "0 / 300 kata", "ok");
    // A keystroke, then a script rewriting the field within the same second.
    await page.locator("#latar_belakang").pressSequentially("lima", { delay: 0 });
    await counterIs(page, "latar_belakang", "1 / 300 kata", "ok");
    await setValue("enam tujuh delapan sembilan sepuluh sebelas");
    await counterIs(page, "latar_belakang", "6 / 300 kata", "ok");
    assert.deepEqual(log.errors, []);
  }));

test("10. IME: nothing is checked between compositionstart and compositionend", () =>
  withPage(KIPP, async ({ page, log }) => {
    await page.fill("#ringkasan", "satu dua");
    await counterIs(page, "ringkasan", "2 / 200 kata", "ok");
    await counter(page, "ringkasan").evaluate((el) => {
      window.__counterChanges = [];
      new MutationObserver(() => window.__counterChanges.push(el.textContent)).observe(el, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const compose = (value, data) =>
      page.evaluate(
        ([value, data]) => {
          const ta = document.querySelector("#ringkasan");
          ta.value = value;
          ta.dispatchEvent(
            new InputEvent("input", { bubbles: true, isComposing: true, inputType: "insertCompositionText", data }),
          );
        },
        [value, data],
      );
    // The applicant pauses a moment (longer than the 1 s poll) before the IME composes.
    await sleep(1100);
    await page.evaluate(() => {
      const ta = document.querySelector("#ringkasan");
      ta.focus();
      ta.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true, data: "" }));
    });
    await compose("satu dua ti", "ti");
    await sleep(300);
    await compose("satu dua tiga empat", "tiga empat");
    // Longer than the 1 s poll: a composition can last that long.
    await sleep(1500);
    assert.equal(await counter(page, "ringkasan").textContent(), "2 / 200 kata", "no count during composition");
    assert.deepEqual(await page.evaluate(() => window.__counterChanges), []);
    await page.evaluate(() =>
      document.querySelector("#ringkasan").dispatchEvent(
        new CompositionEvent("compositionend", { bubbles: true, data: "tiga empat" }),
      ),
    );
    await counterIs(page, "ringkasan", "4 / 200 kata", "ok");
    assert.deepEqual(log.errors, []);
  }));

// ---------------------------------------------------------------------------------------------
// 11. Select, checkbox group, radio group, files

test("11a. select, checkbox group (sdgs[]) and radio group (kelompok)", () =>
  withPage(`${KIPP}?novalidate`, async ({ page, log }) => {
    // Select.
    await page.selectOption("#id_kategori", "2");
    await eventually(async () => assert.equal(await row(page, "kategori").getAttribute("data-status"), "ok"));
    await page.selectOption("#id_kategori", "");
    await eventually(async () =>
      assert.deepEqual(await shown(page, "id_kategori"), [
        { severity: "error", rule: "required", text: "Kategori Inovasi wajib diisi." },
      ]),
    );
    assert.equal(await page.evaluate(() => document.querySelector("#id_kategori").nextElementSibling?.dataset.field), "id_kategori");
    assert.equal(await row(page, "kategori").getAttribute("data-status"), "empty");
    assert.equal(await page.getAttribute("#id_kategori", "aria-invalid"), "true");
    await page.selectOption("#id_kategori", "3");
    await eventually(async () => assert.deepEqual(await shown(page, "id_kategori"), []));
    assert.equal(await page.getAttribute("#id_kategori", "aria-invalid"), null);

    // Checkbox group.
    await page.check("#sdg-3");
    await page.check("#sdg-11");
    await eventually(async () => assert.equal(await row(page, "sdgs").getAttribute("data-status"), "ok"));
    assert.equal(section(await report(page, "#proposal"), "sdgs").status, "ok");
    await page.uncheck("#sdg-3");
    await page.uncheck("#sdg-11");
    await eventually(async () =>
      assert.deepEqual(await shown(page, "sdgs[]"), [
        { severity: "error", rule: "required", text: "Pilih paling sedikit satu tujuan SDGs." },
      ]),
    );
    assert.equal(
      await page.evaluate(() => {
        const set = document.querySelector("#sdgs-set");
        const fb = document.querySelector('.borang-feedback[data-field="sdgs[]"]');
        const last = document.querySelector("#sdg-17");
        return set.contains(fb) && Boolean(last.compareDocumentPosition(fb) & Node.DOCUMENT_POSITION_FOLLOWING);
      }),
      true,
      "the group's feedback is inside its container, after the last box",
    );
    assert.equal(await page.getAttribute("#sdg-1", "aria-invalid"), "true");

    // Radio group: an option the rules don't know, then a submit attempt, then a good choice.
    await page.check("input[name=kelompok][value=lainnya]");
    await eventually(async () =>
      assert.deepEqual(await shown(page, "kelompok"), [
        // Named by its visible text (the label), as the applicant saw it.
        { severity: "error", rule: "choice", text: "Pilihan \u201cLainnya\u201d pada Kelompok Inovasi tidak tersedia." },
      ]),
    );
    assert.equal(await page.evaluate(() => document.querySelector("#kelompok-set").contains(document.querySelector('.borang-feedback[data-field="kelompok"]'))), true);
    await page.check("input[name=kelompok][value=khusus]");
    await eventually(async () => assert.equal(await row(page, "kelompok").getAttribute("data-status"), "ok"));
    assert.deepEqual(await shown(page, "kelompok"), []);
    assert.deepEqual(
      await page.evaluate(() => [...document.querySelectorAll("input[name=kelompok]")].map((r) => r.getAttribute("aria-invalid"))),
      [null, null, null],
    );
    const r = await report(page, "#proposal");
    assert.deepEqual(
      ["kategori", "sdgs", "kelompok"].map((s) => section(r, s).status),
      ["ok", "empty", "ok"],
    );
    assert.deepEqual(log.errors, []);
  }));

test("11b. file inputs: wrong type, too large, a good PDF", () =>
  withPage(KIPP, async ({ page, log }) => {
    const text = words(50);
    await page.fill("#ringkasan", text);
    const files = [
      {
        name: "proposal.docx",
        mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        buffer: Buffer.from("PK\u0003\u0004 not really a docx"),
      },
      { name: "besar.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(3 * 1024 * 1024, 32)]) },
      { name: "baik.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") },
    ];
    const expectedRules = [["files.accept"], ["files.maxBytes"], []];
    for (const [i, file] of files.entries()) {
      await page.setInputFiles("#u_ringkasan", file);
      const expected = section(
        await engine(page, {
          ringkasan: text,
          u_ringkasan: [{ name: file.name, type: file.mimeType, size: file.buffer.length }],
        }),
        "ringkasan",
      );
      const onFile = expected.messages.filter((m) => m.field === "u_ringkasan");
      assert.deepEqual(onFile.map((m) => m.rule), expectedRules[i], file.name);
      await eventually(async () =>
        assert.deepEqual(
          await shown(page, "u_ringkasan"),
          onFile.map((m) => ({ severity: m.severity, rule: m.rule, text: m.text })),
        ),
      );
      await eventually(async () =>
        assert.equal(await row(page, "ringkasan").getAttribute("data-status"), onFile.length ? "error" : "ok"),
      );
      assert.deepEqual(section(await report(page, "#proposal"), "ringkasan").messages, expected.messages);
    }
    // The messages, as an applicant reads them.
    await page.setInputFiles("#u_ringkasan", files[0]);
    await eventually(async () =>
      assert.equal((await shown(page, "u_ringkasan"))[0]?.text, "Berkas proposal.docx pada Ringkasan harus berformat PDF."),
    );
    await page.setInputFiles("#u_ringkasan", files[1]);
    await eventually(async () =>
      assert.equal((await shown(page, "u_ringkasan"))[0]?.text, "Berkas besar.pdf pada Ringkasan berukuran 3 MB; batasnya 2 MB."),
    );
    assert.equal(await page.evaluate(() => document.querySelector("#u_ringkasan").nextElementSibling?.dataset.field), "u_ringkasan");
    assert.equal(await page.getAttribute("#u_ringkasan", "aria-invalid"), "true");
    await page.setInputFiles("#u_ringkasan", files[2]);
    await eventually(async () => assert.deepEqual(await shown(page, "u_ringkasan"), []));
    assert.equal(await page.getAttribute("#u_ringkasan", "aria-invalid"), null);
    assert.equal(await page.evaluate(() => document.querySelector("#u_ringkasan").validationMessage), "");
    assert.deepEqual(log.errors, []);
  }));

// ---------------------------------------------------------------------------------------------
// 12–14. The package API on forms of its own

const FIND_RULES = JSON.stringify({
  title: "Uji pencarian field",
  lang: "id",
  sections: [
    { id: "nama", title: "Nama", fields: ["by_name"], words: { max: 5 } },
    { id: "uraian", title: "Uraian", fields: ["by_id"], words: { max: 5 } },
    { id: "catatan", title: "Catatan", fields: ["catatan"], words: { max: 5, warnAt: 0.8 } },
    { id: "tanggapan", title: "Tanggapan", fields: ["[data-q=tanggapan] textarea"], words: { max: 5 } },
  ],
});

test("12. fields found by name, by id and by a CSS selector from an inline rules file", () =>
  withPage(
    API,
    async ({ page, log }) => {
      await page.evaluate((rules) => {
        window.att = window.borang.attach(document.querySelector("#f-find"), rules, { drafts: false });
      }, FIND_RULES);
      const fields = ["by_name", "by_id", "catatan", "[data-q=tanggapan] textarea"];
      for (const f of fields) await counterIs(page, f, "0 / 5 kata", "ok");
      await page.fill("[name=by_name]", "satu dua");
      await page.fill("#by_id", "satu dua tiga");
      await page.click("#catatan");
      await page.keyboard.type("satu dua tiga empat");
      await page.fill("[data-q=tanggapan] textarea", "satu dua tiga empat lima enam");
      await counterIs(page, "by_name", "2 / 5 kata", "ok");
      await counterIs(page, "by_id", "3 / 5 kata", "ok");
      await counterIs(page, "catatan", "4 / 5 kata", "warning");
      await counterIs(page, "[data-q=tanggapan] textarea", "6 / 5 kata", "error");
      const r = await page.evaluate(() => window.att.report());
      assert.deepEqual(
        r.sections.map((s) => [s.id, s.words, s.status]),
        [
          ["nama", 2, "ok"],
          ["uraian", 3, "ok"],
          ["catatan", 4, "warning"],
          ["tanggapan", 6, "error"],
        ],
      );
      // Each feedback node sits right after its field.
      assert.deepEqual(
        await page.evaluate(() => [
          document.querySelector("[name=by_name]").closest("label").nextElementSibling?.dataset.field,
          document.querySelector("#by_id").nextElementSibling?.dataset.field,
          document.querySelector("#catatan").nextElementSibling?.dataset.field,
          document.querySelector("[data-q=tanggapan] textarea").nextElementSibling?.dataset.field,
        ]),
        fields,
      );
      assert.deepEqual(borangWarnings(log), []);
      assert.deepEqual(log.errors, []);
    },
    { ready: "api" },
  ));

const DETACH_RULES = JSON.stringify({
  title: "Uji detach",
  lang: "id",
  sections: [
    { id: "ringkasan", title: "Ringkasan", fields: ["ringkasan"], required: true, words: { max: 10, warnAt: 0.9 } },
    { id: "judul", title: "Judul", fields: ["judul"], required: true },
    { id: "pilihan", title: "Pilihan", fields: ["pilihan"], required: true },
    { id: "warna", title: "Warna", fields: ["warna"], checked: { min: 1 } },
  ],
});

test("13. detach() leaves the form exactly as it was", () =>
  withPage(
    API,
    async ({ page, log }) => {
      const before = await page.evaluate((rules) => {
        const form = document.querySelector("#f-detach");
        const html = form.outerHTML;
        window.__sheets = document.adoptedStyleSheets.length;
        window.att = window.borang.attach(form, rules, { lang: "id" });
        window.__updates = 0;
        form.addEventListener("borang:update", () => window.__updates++);
        return html;
      }, DETACH_RULES);
      // Make borang add everything it can: feedback, messages, ARIA, validity, an alert.
      await page.locator("#d-ringkasan").pressSequentially(words(12), { delay: 0 });
      await page.fill("[name=judul]", "x");
      await page.fill("[name=judul]", "");
      await page.check("[name=warna][value=biru]");
      await page.uncheck("[name=warna][value=biru]");
      await counterIs(page, "ringkasan", "12 / 10 kata", "error");
      await eventually(async () => assert.equal(await page.getAttribute("#d-ringkasan", "aria-invalid"), "true"));
      assert.equal(await page.evaluate(() => document.querySelector("#f-detach").checkValidity()), false);
      await page.evaluate(() => document.querySelector("#f-detach").requestSubmit());
      await eventually(async () => assert.equal(await page.locator("#f-detach [data-borang=summary] p.alert").isVisible(), true));
      assert.ok((await page.evaluate(() => document.querySelectorAll("[data-borang]").length)) > 3);

      const after = await page.evaluate(() => {
        window.att.detach();
        window.__updates = 0;
        const form = document.querySelector("#f-detach");
        return {
          html: form.outerHTML,
          valid: form.checkValidity(),
          messages: [...form.elements].map((e) => e.validationMessage).filter(Boolean),
          describedby: document.querySelector("#d-ringkasan").getAttribute("aria-describedby"),
          invalid: [...document.querySelectorAll("[aria-invalid]")].length,
          nodes: document.querySelectorAll("[data-borang], .borang-feedback, .borang-sr").length,
          sheets: document.adoptedStyleSheets.length - window.__sheets,
        };
      });
      assert.equal(after.html, before);
      assert.deepEqual(
        { ...after, html: undefined },
        { html: undefined, valid: true, messages: [], describedby: "d-hint", invalid: 0, nodes: 0, sheets: 0 },
      );
      // Typing, choosing and a scripted change after detach: nothing of borang comes back.
      await page.locator("#d-ringkasan").pressSequentially(" lagi dan lagi", { delay: 0 });
      await page.selectOption("[name=pilihan]", "a");
      await page.evaluate(() => {
        document.querySelector("[name=judul]").value = "diubah skrip";
      });
      await sleep(1300); // longer than the poll
      assert.deepEqual(
        await page.evaluate(() => ({
          nodes: document.querySelectorAll("[data-borang], .borang-feedback, .borang-sr").length,
          updates: window.__updates,
          invalid: document.querySelectorAll("[aria-invalid]").length,
          valid: document.querySelector("#f-detach").checkValidity(),
          describedby: document.querySelector("#d-ringkasan").getAttribute("aria-describedby"),
        })),
        { nodes: 0, updates: 0, invalid: 0, valid: true, describedby: "d-hint" },
      );
      assert.equal(await page.evaluate(() => document.querySelector("#f-detach").outerHTML), before);
      assert.deepEqual(log.pageErrors, []);
      assert.deepEqual(log.errors, []);
    },
    { ready: "api" },
  ));

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = "<script>window.__xss=1</script>";
const XSS_RULES = JSON.stringify({
  title: `${IMG}${SCRIPT} Formulir`,
  lang: "id",
  sections: [
    {
      id: "jenis",
      title: `${IMG} Jenis`,
      fields: ["jenis"],
      required: { value: true, message: { id: `${SCRIPT} {title} wajib`, en: `${SCRIPT} {title} required` } },
      choice: { value: ["a", "b"], message: { id: `${SCRIPT}{value} bukan pilihan di {title}`, en: "{value}" } },
    },
    {
      id: "uraian",
      title: `${SCRIPT}Uraian`,
      fields: ["uraian"],
      words: { max: { value: 3, message: { id: `${IMG} {title}: {count} kata`, en: "{count}" } } },
    },
    { id: "berkas", title: "Berkas", fields: ["berkas"], files: { accept: [".pdf"] } },
  ],
});

test("14. hostile text in values, titles and messages is shown as text", () =>
  withPage(
    API,
    async ({ page, log }) => {
      await page.evaluate((rules) => {
        window.att = window.borang.attach(document.querySelector("#f-xss"), rules, { drafts: false });
        const summary = document.querySelector("#f-xss [data-borang=summary]");
        summary.shadowRoot.querySelector("button.toggle").click();
      }, XSS_RULES);
      const hostile = `${IMG}${SCRIPT}`;
      await page.setInputFiles("#berkas", { name: `${IMG}.docx`, mimeType: "application/msword", buffer: Buffer.from("x") });
      await page.fill("#jenis", hostile);
      await page.fill("#uraian", `${hostile} satu dua tiga empat`);
      await eventually(async () => {
        assert.deepEqual(await shown(page, "jenis"), [
          { severity: "error", rule: "choice", text: `${SCRIPT}${hostile} bukan pilihan di ${IMG} Jenis` },
        ]);
        const uraian = await shown(page, "uraian");
        assert.equal(uraian.length, 1);
        assert.match(uraian[0].text, /^<img src=x onerror="window.__xss=1"> <script>window.__xss=1<\/script>Uraian: \d+ kata$/);
        const berkas = await shown(page, "berkas");
        assert.equal(berkas.length, 1);
        assert.ok(berkas[0].text.includes(`${IMG}.docx`), berkas[0].text);
      });
      // The live region speaks after a pause, with the section's title as text.
      await eventually(async () => {
        const live = await page.locator("#f-xss [data-borang=live]").textContent();
        assert.ok(live.startsWith(`${SCRIPT}Uraian: `), `live region: ${live}`);
      }, 2500);
      const found = await page.evaluate(() => {
        const form = document.querySelector("#f-xss");
        const shadow = form.querySelector("[data-borang=summary]").shadowRoot;
        const ours = [...document.querySelectorAll("[data-borang]")];
        return {
          elements: ours.flatMap((n) => [...n.querySelectorAll("img, script")]).length +
            shadow.querySelectorAll("img, script").length,
          imgs: document.querySelectorAll("img").length,
          scripts: document.querySelectorAll("script").length,
          rows: [...shadow.querySelectorAll("button.go")].map((b) => b.textContent),
          labels: [...shadow.querySelectorAll("button.go")].map((b) => b.getAttribute("aria-label")),
          live: document.querySelector("#f-xss [data-borang=live]").textContent,
          xss: window.__xss,
        };
      });
      assert.equal(found.elements, 0);
      assert.equal(found.imgs, 0);
      assert.equal(found.scripts, 1, "only the page's own module script");
      assert.deepEqual(found.rows, [`${IMG} Jenis`, `${SCRIPT}Uraian`, "Berkas"]);
      assert.ok(found.labels[0].includes(`${IMG} Jenis`), found.labels[0]);
      assert.ok(found.live.includes(`${SCRIPT}Uraian`), `live region: ${found.live}`);
      assert.equal(found.xss, undefined);
      assert.deepEqual(log.pageErrors, []);
    },
    { ready: "api" },
  ));

test("15. a borang:update listener may ask for the report, and sees the new counts", () =>
  withPage(
    API,
    async ({ page, log }) => {
      await page.evaluate((rules) => {
        const form = document.querySelector("#f-detach");
        window.att = window.borang.attach(form, rules, { lang: "id", drafts: false });
        window.__seen = [];
        form.addEventListener("borang:update", () => window.__seen.push(window.att.report().sections[0].words));
      }, DETACH_RULES);
      await page.locator("#d-ringkasan").pressSequentially("satu dua tiga", { delay: 0 });
      await eventually(async () => assert.equal(await page.evaluate(() => window.__seen.at(-1)), 3));
      // Still alive: the next keystroke is rendered too.
      await page.locator("#d-ringkasan").pressSequentially(" empat", { delay: 0 });
      await counterIs(page, "ringkasan", "4 / 10 kata", "ok");
      assert.equal(await page.evaluate(() => window.__seen.at(-1)), 4);
      assert.deepEqual(log.errors, []);
    },
    { ready: "api" },
  ));

test("16. a dropped handle keeps working: borang is not garbage-collected from under the form", async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, "--js-flags=--expose-gc"],
  });
  try {
    const { page, log } = await openPage(browser);
    await page.goto(env.base + API);
    await page.waitForSelector("html[data-ready=yes]", { state: "attached" });
    await page.evaluate((rules) => {
      window.borang.attach(document.querySelector("#f-detach"), rules, { drafts: false }); // handle dropped
    }, DETACH_RULES);
    for (let i = 0; i < 5; i++) {
      await page.evaluate(async () => {
        window.gc();
        await new Promise((done) => setTimeout(done, 50));
      });
    }
    await page.locator("#d-ringkasan").pressSequentially("satu dua tiga", { delay: 0 });
    await counterIs(page, "ringkasan", "3 / 10 kata", "ok");
    assert.deepEqual(log.errors, []);
  } finally {
    await browser.close();
  }
});
