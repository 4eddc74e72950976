// Hostile pages in headless Chromium: borang runs inside pages it does not own. Markup in
// every place text comes from stays text; a page of 300 fields, a page that breaks the
// built-ins, a form in an iframe, two forms with two rulesets, the host's `novalidate`, and
// a browser whose localStorage is full or missing all keep working.
// Pages: tests/browser/pages/hostile/. Needs dist/ (`make dist`).
// Run: node --test tests/browser/hostile.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { borangReady, counter, eventually, feedback, launch, openPage, report } from "./harness.mjs";
import { PAYLOADS } from "./pages/hostile/payloads.js";

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

async function withPage(path, fn, { init } = {}) {
  const { context, page, log } = await openPage(env.browser);
  page.setDefaultTimeout(8000);
  try {
    if (init) await page.addInitScript(init);
    if (path) await page.goto(env.base + path);
    return await fn({ context, page, log });
  } finally {
    await context.close();
  }
}

const words = (n) => Array.from({ length: n }, (_, i) => `kata${i}`).join(" ");

/** Every text borang shows: its feedback nodes, the panel (in its shadow root), the live region. */
const shownTexts = (page) =>
  page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll("[data-borang], .borang-feedback")) {
      out.push(el.textContent);
      if (el.shadowRoot) out.push(el.shadowRoot.textContent);
      for (const b of el.shadowRoot?.querySelectorAll("[aria-label]") ?? []) out.push(b.getAttribute("aria-label"));
    }
    return out.join("\n");
  });

test(`XSS: ${PAYLOADS.length} payloads in values, labels, placeholders, rule titles, help and messages stay text`, () =>
  withPage("/test/hostile/xss.html", async ({ page, log }) => {
    assert.ok(PAYLOADS.length >= 30);
    await borangReady(page, "#zc");
    await page.evaluate(async () => {
      const { default: init, attach } = await import("/borang/borang.js");
      await init();
      window.__rulesHandle = attach(document.querySelector("#rules"), window.__payloadRules, { lang: "id", drafts: false });
    });
    // Typed, not only preset: the keystroke path renders what the applicant types.
    await page.locator("#zc-1").fill(`${PAYLOADS[1]} ${PAYLOADS[0]}`);
    await page.locator("[name=r-2]").fill(`${PAYLOADS[2]} ${PAYLOADS[3]}`);
    // A submit attempt shows every section's messages, and opens the panel.
    await page.click("#zc button[type=submit]");
    await page.click("#rules button[type=submit]");
    await sleep(800); // let any image error or load handler that might have been created fire
    const r = await page.evaluate(async () => {
      const { countForbidden } = await import("/test/hostile/payloads.js");
      const zc = (await import("/borang/embed.js")).attachmentFor(document.querySelector("#zc")).report();
      return {
        calls: window.__pwnedCalls,
        before: window.__forbiddenBefore,
        after: countForbidden(document),
        zcSections: zc.sections.length,
        rulesErrors: window.__rulesHandle.report().errors,
        feedback: document.querySelectorAll(".borang-feedback").length,
        url: location.pathname,
      };
    });
    assert.deepEqual(r.calls, [], "no payload ran");
    assert.equal(r.after, r.before, "no element was created from a payload");
    assert.equal(r.url, "/test/hostile/xss.html", "the blocked submits stayed on the page");
    // Every field was picked up and checked, so every payload went through borang's rendering.
    assert.equal(r.zcSections, PAYLOADS.length);
    assert.ok(r.rulesErrors >= PAYLOADS.length, `errors: ${r.rulesErrors}`);
    assert.equal(r.feedback, 2 * PAYLOADS.length);
    // ... and is shown, as text: rule titles (panel rows), custom messages, descriptions, values.
    const texts = await shownTexts(page);
    for (const p of PAYLOADS) {
      // The message template is `${p} {title} {count}`; a payload holding `{title}` is a
      // placeholder itself and is filled in like any other.
      const expected = `${p.replaceAll("{title}", p)} ${p} `;
      assert.ok(texts.includes(expected), `custom message with the title for ${p}`);
    }
    assert.ok(texts.includes(`Pilihan \u201c${PAYLOADS[3]} satu dua tiga\u201d`), "a value echoed in a choice message");
    assert.ok(texts.includes(`harus berupa ${PAYLOADS[4]}`), "a pattern description");
    assert.deepEqual(log.pageErrors, []);

    // The detector is not blind: the same payload through innerHTML does run and does count.
    const control = await page.evaluate(async (p) => {
      const { countForbidden } = await import("/test/hostile/payloads.js");
      const before = countForbidden(document);
      const div = document.createElement("div");
      div.innerHTML = p;
      document.body.append(div);
      await new Promise((done) => setTimeout(done, 300));
      return { calls: window.__pwnedCalls, added: countForbidden(document) - before };
    }, PAYLOADS[1]);
    assert.deepEqual(control, { calls: ["img"], added: 1 });
  }));

test("a page of 300 fields: all are checked, a keystroke in the last one answers quickly", () =>
  withPage("/test/hostile/many.html", async ({ page, log }) => {
    const started = Date.now();
    await borangReady(page, "#big");
    const attachMs = Date.now() - started;
    const r = await report(page, "#big");
    assert.equal(r.sections.length, 300);
    assert.equal(r.sections[299].limits.words.max, 5 + (299 % 20));
    const t0 = Date.now();
    await page.locator("#f298").fill(words(30));
    await eventually(async () => {
      assert.equal(await counter(page, "f298").textContent(), `30 / ${5 + (298 % 20)} kata`);
      assert.equal(await counter(page, "f298").getAttribute("data-level"), "error");
    }, 2000);
    const keystrokeMs = Date.now() - t0;
    // Submit: blocked, focus on the first failing field (f298: the others are empty, not required).
    await page.click("#big button[type=submit]");
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), "f298"));
    assert.ok(page.url().endsWith("/test/hostile/many.html"));
    assert.equal(await page.locator(".borang-feedback").count(), 300);
    assert.deepEqual(log.errors, []);
    console.log(`300 fields: attached in ${attachMs} ms (incl. page load), a keystroke rendered in ${keystrokeMs} ms`);
  }));

test("a page that replaces Array, Object, String and JSON built-ins: borang still checks, blocks and keeps drafts", () =>
  withPage("/test/hostile/protos.html", async ({ page, log, context }) => {
    await borangReady(page, "#form");
    assert.equal(await page.evaluate(() => JSON.stringify([1])), '{"host":"stringify"}', "the page's built-ins are broken");
    await page.fill("#ringkasan", "satu dua tiga empat lima enam");
    await page.fill("#tautan", "https://evil.example/x");
    await eventually(async () => {
      // In English: the embed's options are read even with Object.keys broken (rules say "id").
      assert.equal(await counter(page, "ringkasan").textContent(), "6 / 5 words");
      assert.match(await feedback(page, "tautan").textContent(), /must point to youtube\.com/);
    });
    await page.click("#kirim");
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), "ringkasan"));
    assert.ok(page.url().endsWith("/test/hostile/protos.html"), "the submit was stopped");
    // The draft is written and read by borang's own JSON, not the page's.
    await sleep(700);
    const stored = await page.evaluate(() => localStorage.getItem("borang:draft:v1:/test/hostile/protos.html#form"));
    assert.ok(stored?.includes("satu dua tiga empat lima enam"), stored);
    await page.reload();
    await borangReady(page, "#form");
    await page.locator("[data-borang=summary] button[data-action=restore]").click();
    await eventually(async () => assert.equal(await page.inputValue("#ringkasan"), "satu dua tiga empat lima enam"));
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(log.errors, []);
  }));

test("a form inside an iframe, with the embed tag in the frame: checked, blocked, drafts per frame page", () =>
  withPage("/test/hostile/frame.html", async ({ page, log }) => {
    const frame = page.frameLocator("#frame");
    const inner = page.frames().find((f) => f.url().endsWith("frame-inner.html"));
    await borangReady(inner, "#form");
    await frame.locator("#ringkasan").fill("satu dua tiga empat lima enam");
    await eventually(async () => assert.equal(await counter(frame, "ringkasan").textContent(), "6 / 5 kata"));
    await frame.locator("#kirim").click();
    await eventually(async () => assert.equal(await frame.locator("[data-borang=summary] p.alert").isVisible(), true));
    assert.ok(inner.url().endsWith("frame-inner.html"), "the frame's submit was stopped");
    await sleep(700);
    const keys = await inner.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("borang:")));
    assert.deepEqual(keys, ["borang:draft:v1:/test/hostile/frame-inner.html#form"]);
    assert.deepEqual(log.errors, []);
  }));

test("a form inside an iframe and the parent's API: a clear error, the frame untouched; attach() from the frame's own window works", () =>
  withPage("/test/hostile/frame-api.html", async ({ page, log }) => {
    await page.waitForFunction(() => document.querySelector("#frame").contentDocument?.querySelector("#form"));
    const inner = page.frames().find((f) => f.url().endsWith("frame-plain.html"));
    const RULES = {
      title: "F",
      sections: [{ id: "r", title: "Ringkasan", fields: "ringkasan", required: true, words: { max: 5 } }],
    };
    // The parent's borang cannot own the frame's nodes, events and stylesheets (another realm):
    // it says so and changes nothing.
    const refused = await page.evaluate(async (rules) => {
      const { default: init, attach } = await import("/borang/borang.js");
      await init();
      try {
        attach(document.querySelector("#frame").contentDocument.querySelector("#form"), rules, { lang: "id" });
        return null;
      } catch (e) {
        return e.message;
      }
    }, RULES);
    assert.match(refused, /belongs to another document \(an iframe\); load borang in that document/);
    assert.equal(await inner.evaluate(() => document.querySelectorAll("[data-borang], .borang-feedback").length), 0);
    // What to do instead: borang loaded in the frame's own window (which the parent can script).
    await inner.evaluate(async (rules) => {
      const { default: init, attach } = await import("/borang/borang.js");
      await init();
      window.handle = attach(document.querySelector("#form"), rules, { lang: "id" });
    }, RULES);
    const frame = page.frameLocator("#frame");
    await frame.locator("#ringkasan").fill("satu dua tiga empat lima enam");
    await eventually(async () => assert.equal(await counter(frame, "ringkasan").textContent(), "6 / 5 kata"));
    await frame.locator("#kirim").click();
    await eventually(async () => assert.equal(await frame.locator("[data-borang=summary] p.alert").isVisible(), true));
    assert.ok(inner.url().endsWith("frame-plain.html"), "the frame's submit was stopped");
    await inner.evaluate(() => window.handle.detach());
    assert.equal(await inner.evaluate(() => document.querySelectorAll("[data-borang], .borang-feedback").length), 0);
    await frame.locator("#kirim").click();
    await eventually(async () => assert.ok(page.frames().some((f) => f.url().includes("/test/core/sent.html"))), 5000);
    assert.deepEqual(log.errors, []);
  }));

test("two forms on one page with two rulesets: each checked by its own rules, in its own language", () =>
  withPage("/test/hostile/two.html", async ({ page, log }) => {
    await borangReady(page, "#a");
    await borangReady(page, "#b");
    await page.fill("#a-ringkasan", words(7));
    await page.fill("#b-ringkasan", words(7));
    await page.fill("#b-email", "bukan-surel");
    await eventually(async () => {
      assert.equal(await counter(page.locator("#a"), "ringkasan").textContent(), "7 / 5 kata");
      assert.equal(await counter(page.locator("#b"), "ringkasan").textContent(), "7 / 10 words");
      assert.match(await feedback(page.locator("#b"), "email").textContent(), /not a valid e-mail/);
    });
    const [a, b] = [await report(page, "#a"), await report(page, "#b")];
    assert.deepEqual(a.sections.map((s) => s.id), ["ringkasan", "tautan"]);
    assert.deepEqual(b.sections.map((s) => s.id), ["summary", "email"]);
    assert.equal(a.sections[0].status, "error");
    assert.equal(b.sections[0].status, "ok");
    // Each has its own panel, and its own draft.
    assert.equal(await page.locator("#a [data-borang=summary]").count(), 1);
    assert.equal(await page.locator("#b [data-borang=summary]").count(), 1);
    await sleep(700);
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("borang:")).sort());
    assert.deepEqual(keys, ["borang:draft:v1:/test/hostile/two.html#a", "borang:draft:v1:/test/hostile/two.html#b"]);
    // Submitting B is stopped by B's errors only; A's fields are not focused.
    await page.click("#kirim-b");
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), "b-email"));
    assert.deepEqual(log.errors, []);
  }));

test("the host's own novalidate: borang still stops a form with errors, leaves the attribute, and lets a good one through", () =>
  withPage("/test/hostile/novalidate.html", async ({ page, log }) => {
    await borangReady(page, "#form");
    await page.click("#kirim");
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), "ringkasan"));
    assert.ok(page.url().endsWith("/test/hostile/novalidate.html"));
    assert.equal(await page.getAttribute("#form", "novalidate"), "");
    await page.fill("#ringkasan", "satu dua tiga");
    await page.fill("#tautan", "https://youtu.be/abc");
    await page.click("#kirim");
    await page.waitForURL(/sent\.html/);
    assert.deepEqual(log.errors, []);
  }));

const UNAVAILABLE = {
  id: "Draf tidak dapat disimpan di peramban ini; simpan salinan isian Anda sendiri.",
  en: "Drafts cannot be saved in this browser; keep your own copy of what you write.",
};

for (const [name, lang, init] of [
  [
    "full (setItem throws QuotaExceededError)",
    "id",
    () => {
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    },
  ],
  [
    "unavailable (private mode: the localStorage getter throws)",
    "en",
    () => {
      Object.defineProperty(window, "localStorage", {
        configurable: true,
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    },
  ],
]) {
  test(`localStorage ${name}: borang keeps checking and says drafts cannot be saved (${lang})`, () =>
    withPage(
      null,
      async ({ page, log }) => {
        await page.goto(`${env.base}/test/core/kipp.html?lang=${lang}`);
        await borangReady(page, "#proposal");
        await page.fill("#ringkasan", words(201));
        await eventually(async () => assert.equal(await counter(page, "ringkasan").getAttribute("data-level"), "error"));
        await eventually(async () => {
          const note = page.locator("[data-borang=summary] .draft p");
          assert.equal(await note.isVisible(), true);
          assert.equal((await note.textContent()).trim(), UNAVAILABLE[lang]);
        }, 3000);
        await page.click("#kirim");
        await eventually(async () => assert.equal(await page.locator("[data-borang=summary] p.alert").isVisible(), true));
        assert.deepEqual(log.pageErrors, []);
        assert.deepEqual(log.errors, []);
      },
      { init },
    ));
}

// The policy the README's Security section names for the WebAssembly build: no inline script
// or style anywhere, nothing from other origins.
const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; " +
  "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

test("a strict Content-Security-Policy (no 'unsafe-inline' styles or scripts): no violation, borang styled and working", () =>
  withPage(
    null,
    async ({ page, log }) => {
      await page.route(`${env.base}/test/hostile/two.html`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": CSP } });
      });
      await page.goto(`${env.base}/test/hostile/two.html`);
      await borangReady(page, "#a");
      await page.fill("#a-ringkasan", words(7));
      await eventually(async () => assert.equal(await counter(page.locator("#a"), "ringkasan").textContent(), "7 / 5 kata"));
      await page.click("#kirim-a");
      await eventually(async () => assert.equal(await page.locator("#a [data-borang=summary] p.alert").isVisible(), true));
      const r = await page.evaluate(() => ({
        violations: window.__violations,
        documentSheets: document.adoptedStyleSheets.length,
        panelSheets: document.querySelector("#a .borang-summary-host").shadowRoot.adoptedStyleSheets.length,
        // A rule of borang's own sheet applies: the counter shows its error colour, not the text colour.
        counterColour: getComputedStyle(document.querySelector('#a .borang-feedback .borang-count')).color,
        textColour: getComputedStyle(document.querySelector("#a label")).color,
      }));
      assert.deepEqual(r.violations, []);
      assert.ok(r.documentSheets >= 1 && r.panelSheets >= 1, JSON.stringify(r));
      assert.notEqual(r.counterColour, r.textColour, "borang's styles apply under the policy");
      assert.deepEqual(log.errors, []);
    },
    {
      init: () => {
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", (e) =>
          window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      },
    },
  ));

test("a 5 MB paste: counted and checked in one go, the form stays usable, and a draft too big for storage is said so", () =>
  withPage("/test/core/kipp.html", async ({ page, log }) => {
    await borangReady(page, "#proposal");
    const r = await page.evaluate(async () => {
      const para = "Inovasi layanan KTP-el keliling menjangkau warga di 120 desa; kupu-kupu dan/atau Rp1.500.000,00.\n";
      const text = para.repeat(Math.ceil((5 * 1024 * 1024) / para.length));
      const field = document.querySelector("#ringkasan");
      const counter = () => document.querySelector('.borang-feedback[data-field="ringkasan"] .borang-count').textContent;
      const before = counter();
      const t0 = performance.now();
      field.value = text;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      while (counter() === before) await new Promise((done) => requestAnimationFrame(done));
      return { ms: performance.now() - t0, counter: counter(), chars: text.length };
    });
    assert.ok(r.chars > 5 * 1024 * 1024);
    assert.equal(r.counter, "648.612 / 200 kata");
    assert.ok(r.ms < 10000, `took ${r.ms} ms`);
    console.log(`5 MB paste: counted and rendered in ${Math.round(r.ms)} ms`);
    // The draft (over 5 MB) does not fit in localStorage: borang says so and keeps going.
    await eventually(async () => {
      const note = page.locator("[data-borang=summary] .draft p");
      assert.equal((await note.textContent()).trim(), UNAVAILABLE.id);
    }, 4000);
    await page.fill("#judul_proposal", "Judul");
    await page.click("#kirim");
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), "ringkasan"));
    assert.deepEqual(log.pageErrors, []);
  }));
