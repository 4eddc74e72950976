// The browser extension (dist/extension/, `make extension`) loaded unpacked in headless Chromium:
// attaching to the demo portal with its own tag removed, to a zero-config page and to a page
// whose CSP forbids WebAssembly; a draft restored after the page's own localStorage was cleared;
// the second click detaching; a site listed in the options attaching by itself; no request
// after start-up; Periksa Draf as an extension page; the popup in Indonesian and English.
//
// A headless browser has no toolbar: the tests open the popup's page in a tab of its own
// (`popup.html?tab=<id>`) and click its button, the code path the toolbar click runs. The click
// on the toolbar also grants `activeTab` for the tab; the copy of the extension under test holds
// that grant as a host permission for 127.0.0.1 instead (nothing else in it differs).
// Needs dist/extension/ (`make extension`). Run: node --test tests/browser/extension.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";
import { CHROMIUM_ARGS, REPO, counter, eventually, feedback } from "./harness.mjs";

const EMBED_TAG = /\s*<script type="module" src="\/borang\/embed\.js"[^>]*><\/script>/;
const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
/** Pages served with their embed tag removed (and a CSP where given): borang comes only from the extension. */
const UNTAGGED = { "/": null, "/zero-config.html": null, "/test/csp/portal.html": STRICT };

/** An unpacked extension's id: sha256 of its absolute path, first 32 hex digits written a–p. */
function extensionId(path) {
  const hex = createHash("sha256").update(path).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join("");
}

let server;
let base;
before(async () => {
  assert.ok(existsSync(`${REPO}dist/extension/manifest.json`), "dist/extension/ is missing: run `make extension` first");
  server = await startServer({ port: 0, mounts: [["/test/", "tests/browser/pages"]] });
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((done) => server.close(done)));

/** Chromium with the extension, its UI in `lang`. */
async function launchExtension(lang = "id") {
  const dir = mkdtempSync(join(tmpdir(), "borang-ext-"));
  const ext = join(dir, "extension");
  cpSync(`${REPO}dist/extension`, ext, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ext, "manifest.json"), "utf8"));
  manifest.host_permissions = ["http://127.0.0.1/*"];
  writeFileSync(join(ext, "manifest.json"), JSON.stringify(manifest));
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    locale: lang,
    env: { ...process.env, LANGUAGE: lang, LANG: lang === "id" ? "id_ID.UTF-8" : "en_US.UTF-8" },
    args: [
      ...CHROMIUM_ARGS.filter((a) => a !== "--headless"),
      "--headless=new",
      `--lang=${lang}`,
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
    ],
  });
  await context.route(
    (url) => url.origin === base && Object.hasOwn(UNTAGGED, url.pathname),
    async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers["content-length"];
      const policy = UNTAGGED[new URL(route.request().url()).pathname];
      if (policy) headers["content-security-policy"] = policy;
      await route.fulfill({ response, headers, body: (await response.text()).replace(EMBED_TAG, "") });
    },
  );
  const id = extensionId(realpathSync(ext));
  const errors = [];
  context.on("weberror", (e) => errors.push(String(e.error())));
  const control = await context.newPage();
  await control.goto(`chrome-extension://${id}/options.html`);
  await control.waitForSelector("html[data-ready=yes]");
  return {
    context,
    id,
    control,
    errors,
    /** Runs `fn(arg)` in an extension page (chrome.* available). */
    ext: (fn, arg) => control.evaluate(fn, arg),
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new tab at `path` of the test server; its URL is unique, so the popup can find the tab by it. */
let opened = 0;
async function portal(env, path) {
  const page = await env.context.newPage();
  await page.goto(`${base}${path}${path.includes("?") ? "&" : "?"}tab=${++opened}`);
  return page;
}

async function tabIdOf(env, page) {
  const url = page.url();
  return env.ext(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, url);
}

/** The toolbar button on `page`: the popup, `choice` picked (a <select> value), its button clicked. Returns the popup's status. */
async function click(env, page, choice) {
  const popup = await env.context.newPage();
  try {
    await popup.goto(`chrome-extension://${env.id}/popup.html?tab=${await tabIdOf(env, page)}`);
    await popup.waitForSelector("html[data-ready=yes]");
    if (choice) await popup.selectOption("#choice", choice);
    await popup.click("#toggle");
    await popup.waitForSelector("#status[data-done]", { timeout: 15000 });
    return await popup.locator("#status").textContent();
  } finally {
    await popup.close();
  }
}

const words = (n) => Array.from({ length: n }, (_, i) => ["inovasi", "layanan", "kupu-kupu", "e-KTP", "publik"][i % 5]).join(" ");
const mirroredKeys = (env) => env.ext(async () => Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith("draft|")));

let env;
before(async () => {
  env = await launchExtension("id");
});
after(() => env?.close());

test("the demo portal without its tag: a preset attached from the popup, no request after start-up, the second click detaches", async () => {
  const page = await portal(env, "/");
  assert.equal(await page.locator("script[src*=embed]").count(), 0, "the page has no borang tag");
  const described = await page.locator("#ringkasan").getAttribute("aria-describedby");
  const status = await click(env, page, "preset:kipp-2023");
  assert.match(status, /Terpasang pada 1 formulir \(WebAssembly\)/);
  await eventually(async () => assert.match(await counter(page, "ringkasan").textContent(), /0 \/ 200 kata/), 5000);

  const requests = [];
  const record = (r) => /^https?:/.test(r.url()) && requests.push(r.url());
  page.on("request", record);
  await page.locator("#ringkasan").fill(words(212));
  await page.locator("#latar_belakang").pressSequentially("Warga menempuh 40 km.", { delay: 5 });
  await eventually(async () => assert.match(await counter(page, "ringkasan").textContent(), /212 \/ 200 kata/));
  await eventually(async () => assert.equal((await mirroredKeys(env)).length > 0, true, "the draft is mirrored"), 5000);
  page.off("request", record);
  assert.deepEqual(requests, [], "nothing requested after start-up");

  assert.match(await click(env, page), /Dilepas/);
  assert.equal(await page.locator(".borang-feedback").count(), 0, "no feedback left");
  assert.equal(await page.locator("[data-borang=summary]").count(), 0, "no panel left");
  assert.equal(await page.locator("#ringkasan").getAttribute("aria-describedby"), described, "the host's own ARIA is as it was");
  await page.close();
});

test("a draft survives the portal clearing its localStorage: put back and offered", async () => {
  const page = await portal(env, "/");
  await click(env, page, "preset:kipp-2023");
  const text = words(30);
  await page.locator("#ringkasan").fill(text);
  const key = `draft|${base}|borang:draft:v1:/#proposal`;
  await eventually(async () => {
    const stored = await env.ext(async (key) => (await chrome.storage.local.get(key))[key]?.text ?? null, key);
    assert.ok(stored?.includes(text), "the extension holds the draft");
  }, 5000);
  // The applicant is logged out and back in; the portal wipes its localStorage as its pages load.
  await page.reload();
  await page.evaluate(() => localStorage.clear());
  assert.equal(await page.locator("#ringkasan").inputValue(), "");
  assert.match(await click(env, page), /Draf dari penyimpanan ekstensi dikembalikan/);
  const offer = page.locator("[data-borang=summary] .draft");
  await eventually(async () => assert.equal(await offer.isVisible(), true, "the draft is offered"), 5000);
  await offer.locator("[data-action=restore]").click();
  await eventually(async () => assert.equal(await page.locator("#ringkasan").inputValue(), text));
  await eventually(async () => assert.match(await counter(page, "ringkasan").textContent(), /30 \/ 200 kata/));
  // A submit that goes through (the extension only advises) clears borang's draft, and the mirror with it.
  await Promise.all([page.waitForURL(/terkirim/), page.evaluate(() => {
    // The demo marks fields required; the browser would refuse an incomplete form.
    const form = document.querySelector("#proposal");
    form.noValidate = true;
    form.requestSubmit();
  })]);
  await eventually(async () => assert.deepEqual(await mirroredKeys(env), [], "the mirror is dropped"), 5000);
  await page.close();
});

test("a draft the applicant dismisses is dropped from the extension too", async () => {
  const site = await portal(env, "/zero-config.html");
  await click(env, site, "zero");
  await site.locator("#ringkasan").fill(words(9));
  const key = `draft|${base}|borang:draft:v1:/zero-config.html#usulan`;
  const mirrored = () => env.ext(async (key) => (await chrome.storage.local.get(key))[key]?.text ?? null, key);
  await eventually(async () => assert.ok((await mirrored())?.includes(words(9))), 5000);
  await site.reload();
  await site.evaluate(() => localStorage.clear());
  await click(env, site);
  const offer = site.locator("[data-borang=summary] .draft");
  await eventually(async () => assert.equal(await offer.isVisible(), true, "the draft is offered"), 5000);
  await offer.locator("[data-action=discard]").click();
  await eventually(async () => assert.equal(await mirrored(), null, "the dismissed draft is gone from the extension"), 5000);
  await click(env, site);
  await site.close();
});

test("leaving the page right after typing still leaves the draft in the extension", async () => {
  const page = await portal(env, "/zero-config.html");
  await click(env, page, "zero");
  const text = `${words(7)} ${Date.now()}`;
  await page.locator("#ringkasan").fill(text);
  await page.goto("about:blank");
  const key = `draft|${base}|borang:draft:v1:/zero-config.html#usulan`;
  await eventually(async () => {
    const stored = await env.ext(async (key) => (await chrome.storage.local.get(key))[key]?.text ?? "", key);
    assert.ok(stored.includes(text), "the draft written on pagehide is mirrored");
  }, 5000);
  await page.close();
});

test("zero-config: limits read from a page's own hints", async () => {
  const page = await portal(env, "/zero-config.html");
  assert.match(await click(env, page, "zero"), /Terpasang pada 1 formulir/);
  await page.locator("#ringkasan").fill(words(20));
  await eventually(async () => assert.match(await counter(page, "ringkasan").textContent(), /20 \/ 150 kata/), 5000);
  await click(env, page);
  await page.close();
});

test("a page whose CSP forbids WebAssembly gets the JavaScript build", async () => {
  const page = await portal(env, "/test/csp/portal.html");
  const status = await click(env, page, "preset:kipp-2023");
  assert.match(status, /Terpasang pada 1 formulir \(JavaScript\)/);
  await page.locator("#ringkasan").fill(words(212));
  await eventually(async () => assert.match(await counter(page, "ringkasan").textContent(), /212 \/ 200 kata/), 5000);
  await page.locator("#link_youtube").fill("https://vimeo.com/12345");
  await page.locator("#ringkasan").click();
  await eventually(async () => assert.match(await feedback(page, "link_youtube").textContent(), /youtube/i));
  await click(env, page);
  await page.close();
});

test("a rules file of one's own, remembered for the site; the form exported as a values file and imported back", async () => {
  const page = await portal(env, "/");
  const popup = await env.context.newPage();
  await popup.goto(`chrome-extension://${env.id}/popup.html?tab=${await tabIdOf(env, page)}`);
  await popup.waitForSelector("html[data-ready=yes]");
  await popup.selectOption("#choice", "file");
  const rules = { extends: "kipp-2023", sections: { ringkasan: { words: { max: 150 } } } };
  await popup.setInputFiles("#rules-file", { name: "portal-saya.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(rules)) });
  await eventually(async () => assert.match(await popup.locator("#rules-name").textContent(), /portal-saya\.json/));
  await popup.click("#toggle");
  await popup.waitForSelector("#status[data-done='1']");
  assert.match(await popup.locator("#status").textContent(), /Terpasang pada 1 formulir/);
  await page.locator("#ringkasan").fill(words(40));
  await eventually(async () => assert.match(await counter(page, "ringkasan").textContent(), /40 \/ 150 kata/), 5000);

  const [download] = await Promise.all([popup.waitForEvent("download"), popup.click("#export")]);
  assert.match(download.suggestedFilename(), /^draf-127\.0\.0\.1-\d{4}-\d\d-\d\d\.json$/);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(exported.ringkasan, words(40));
  assert.equal(exported.judul_proposal, "");

  await popup.setInputFiles("#import", {
    name: "draf.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ ...exported, ringkasan: words(160), judul_proposal: "Antrean Daring" })),
  });
  await popup.waitForSelector("#status[data-done='2']");
  assert.match(await popup.locator("#status").textContent(), /isian dimasukkan dari draf\.json/);
  assert.equal(await page.locator("#judul_proposal").inputValue(), "Antrean Daring");
  await eventually(async () => assert.match(await counter(page, "ringkasan").textContent(), /160 \/ 150 kata/), 5000);
  await popup.close();

  // The choice is remembered for the site: the next popup shows it and attaches with it again.
  assert.match(await click(env, page), /Dilepas/);
  const again = await env.context.newPage();
  await again.goto(`chrome-extension://${env.id}/popup.html?tab=${await tabIdOf(env, page)}`);
  await again.waitForSelector("html[data-ready=yes]");
  assert.equal(await again.locator("#choice").inputValue(), "file");
  await again.close();
  await click(env, page);
  await eventually(async () => assert.match(await counter(page, "ringkasan").textContent(), /\/ 150 kata/), 5000);
  await click(env, page);
  await page.close();
});

test("a portal that runs borang itself keeps its own: the extension does not attach a second one", async () => {
  const page = await portal(env, "/test/core/kipp.html");
  await eventually(async () => assert.match(await counter(page, "ringkasan").textContent(), /\/ 200 kata/), 8000);
  assert.match(await click(env, page, "preset:kipp-2023"), /sudah diperiksa oleh borang dari portalnya sendiri/);
  assert.equal(await page.locator('.borang-feedback[data-field="ringkasan"]').count(), 1);
  await page.close();
});

test("a page's content script sees only its own site's drafts, and not the extension's storage", async () => {
  await env.ext(() =>
    chrome.storage.local.set({
      "draft|https://other.example|borang:draft:v1:/#f": { text: "rahasia situs lain", savedAt: 1 },
      "site|https://other.example": { kind: "preset", preset: "kipp-2021", lang: "id" },
    }),
  );
  const page = await portal(env, "/zero-config.html");
  const tabId = await tabIdOf(env, page);
  const seen = await env.ext(async (tabId) => {
    await chrome.scripting.executeScript({ target: { tabId }, files: ["content.js"] });
    const [{ result }] = await chrome.scripting.executeScript({
      target: { tabId },
      func: async () => {
        let storage;
        try {
          await chrome.storage.local.get(null);
          storage = "open";
        } catch {
          storage = "closed";
        }
        const ask = (message) => chrome.runtime.sendMessage(message);
        const saved = await ask({ type: "save", drafts: { "borang:draft:v1:/zero-config.html#usulan": "milik sendiri", "site|https://other.example": "x" } });
        const drafts = (await ask({ type: "drafts" })).result;
        return {
          storage,
          saved,
          // Earlier tests may have left drafts of this site; none of another site may appear.
          own: drafts["borang:draft:v1:/zero-config.html#usulan"],
          other: Object.values(drafts).filter((text) => text.includes("rahasia")),
          dropOther: await ask({ type: "drop", keys: ["../https://other.example|borang:draft:v1:/#f"] }),
        };
      },
    });
    return result;
  }, tabId);
  assert.deepEqual(seen, {
    storage: "closed",
    saved: { result: 1 },
    own: "milik sendiri",
    other: [],
    dropOther: { result: 0 },
  });
  const kept = await env.ext(async () => chrome.storage.local.get(["draft|https://other.example|borang:draft:v1:/#f", "site|https://other.example"]));
  assert.equal(kept["draft|https://other.example|borang:draft:v1:/#f"].text, "rahasia situs lain");
  assert.equal(kept["site|https://other.example"].preset, "kipp-2021");
  await env.ext(async (base) => chrome.storage.local.remove(Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith("draft|"))), base);
  await page.close();
});

test("Periksa Draf is an extension page and checks with the packaged borang", async () => {
  const page = await env.context.newPage();
  await page.goto(`chrome-extension://${env.id}/periksa/index.html`);
  await page.waitForSelector("html[data-ready=yes]");
  await page.locator("#draf textarea[name=ringkasan]").fill(words(12));
  await eventually(async () => assert.match(await counter(page, "ringkasan").textContent(), /12 \/ 200 kata/), 5000);
  await eventually(async () => assert.match(await page.locator("#status").textContent(), /tanpa jaringan/));
  await page.close();
});

test("a site listed in the options attaches by itself", async () => {
  await env.ext(async (site) => chrome.storage.local.set({ [`site|${site}`]: { kind: "zero", lang: "id" } }), base);
  const options = await env.context.newPage();
  await options.goto(`chrome-extension://${env.id}/options.html`);
  await options.waitForSelector("html[data-ready=yes]");
  await options.locator("#site").fill(base);
  await options.click("button[type=submit]");
  await eventually(async () => assert.match(await options.locator("#status").textContent(), /ditambahkan/), 5000);
  assert.match(await options.locator("#sites").textContent(), new RegExp(base.replace(/[.]/g, "\\.")));
  await options.close();

  const page = await portal(env, "/zero-config.html");
  await eventually(async () => assert.match(await counter(page, "ringkasan").textContent(), /0 \/ 150 kata/), 8000);
  // The toolbar button still detaches it.
  assert.match(await click(env, page), /Dilepas/);
  assert.equal(await page.locator(".borang-feedback").count(), 0);
  await page.close();

  // Removed from the list: the site's pages open without borang again.
  const again = await env.context.newPage();
  await again.goto(`chrome-extension://${env.id}/options.html`);
  await again.waitForSelector("html[data-ready=yes]");
  await again.locator("#sites button").click();
  await eventually(async () => assert.match(await again.locator("#status").textContent(), /dihapus/), 5000);
  assert.deepEqual(await env.ext(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id)), []);
  await again.close();
  const later = await portal(env, "/zero-config.html");
  await later.waitForTimeout(1500);
  assert.equal(await later.locator(".borang-feedback").count(), 0);
  await later.close();
  assert.deepEqual(env.errors, []);
});

test("the popup speaks Indonesian and English", async () => {
  const seen = {};
  for (const lang of ["id", "en"]) {
    const other = lang === "id" ? env : await launchExtension(lang);
    try {
      const popup = await other.context.newPage();
      // Opened as a page of its own it targets itself: not a page borang can run on.
      await popup.goto(`chrome-extension://${other.id}/popup.html`);
      await popup.waitForSelector("#status:not(:empty)");
      seen[lang] = {
        lang: await popup.evaluate(() => document.documentElement.lang),
        heading: await popup.locator("h1").textContent(),
        button: await popup.locator("#toggle").textContent(),
        status: await popup.locator("#status").textContent(),
      };
      await popup.close();
    } finally {
      if (other !== env) await other.close();
    }
  }
  assert.deepEqual(seen.id, {
    lang: "id",
    heading: "borang di halaman ini",
    button: "Pasang borang",
    status: "borang tidak dapat dipasang di halaman ini (hanya halaman http dan https).",
  });
  assert.deepEqual(seen.en, {
    lang: "en",
    heading: "borang on this page",
    button: "Attach borang",
    status: "borang cannot run on this page (only http and https pages).",
  });
});
