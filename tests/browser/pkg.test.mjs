// The RELEASE package (pkg/, optimised by wasm-opt) in headless Chromium: the same report as
// the native CLI for the same values; and the demo portal (www/index.html, borang through the
// embed from dist/borang/) counting as one types and pastes.
// Needs `make pkg` and `make dist` first (`make test` does both). Run: node --test tests/browser/
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";
import { borangReady } from "./harness.mjs";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const SAMPLE = `${REPO}tests/fixtures/kipp-2023-sample.json`;
const CORPUS = "/work/shared/corpus/berita-ppu-kipp-2025.txt";
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

let server, browser, base;

before(async () => {
  assert.ok(existsSync(`${REPO}pkg/borang_bg.wasm`), "pkg/ is missing: run `make pkg` first");
  server = await startServer({ port: 0 });
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done()));
});

/** A page on the test server's origin, with console errors and page errors collected. */
async function newPage(context) {
  const page = await (context ?? browser).newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.route(`${base}/__blank`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>borang</title>" }),
  );
  return { page, errors };
}

function cliReport(valuesPath) {
  const run = spawnSync(
    "cargo",
    ["run", "-q", "-p", "borang-cli", "--", "check", "--rules", "kipp-2023", "--format", "json", valuesPath],
    { cwd: REPO, encoding: "utf8" },
  );
  assert.ok(run.stdout.trim(), `borang check printed nothing (exit ${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

test("release package: the browser's report equals the CLI's", async () => {
  const values = JSON.parse(readFileSync(SAMPLE, "utf8"));
  const { page, errors } = await newPage();
  await page.goto(`${base}/__blank`);
  const inBrowser = await page.evaluate(async (values) => {
    const { default: init, Validator, countText, presets } = await import("/pkg/borang.js");
    await init();
    const v = Validator.preset("kipp-2023");
    return {
      report: v.check(values),
      title: v.title,
      office: countText("kupu-kupu e-KTP dan/atau").words,
      presets: presets().map((p) => p.name),
    };
  }, values);
  assert.deepEqual(errors, []);
  assert.equal(inBrowser.office, 3);
  assert.deepEqual(inBrowser.presets, ["kipp-2023", "kipp-2021", "inovasi-daerah"]);
  assert.ok(inBrowser.report.sections.length > 0);
  assert.deepStrictEqual(inBrowser.report, cliReport(SAMPLE));
  await page.close();
});

test("demo portal (www/index.html through the embed): live count while typing and after a paste", async () => {
  assert.ok(existsSync(`${REPO}dist/borang/embed.js`), "dist/borang/ is missing: run `make dist` first");
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  const { page, errors } = await newPage(context);
  await page.goto(`${base}/index.html`);
  await borangReady(page, "#proposal");
  const counter = (field) => page.locator(`.borang-feedback[data-field="${field}"] .borang-count`);
  const reads = (field, text) =>
    page.waitForFunction(
      ([field, text]) => document.querySelector(`.borang-feedback[data-field="${field}"] .borang-count`)?.textContent === text,
      [field, text],
      { timeout: 5000 },
    );
  assert.equal(await counter("ringkasan").textContent(), "0 / 200 kata");

  // Typing in Ringkasan: the count follows, in the jury's (office) count.
  await page.locator("#ringkasan").click();
  await page.keyboard.type("Layanan  kupu-kupu e-KTP dan/atau cepat.");
  await reads("ringkasan", "5 / 200 kata");
  assert.equal(await counter("ringkasan").getAttribute("data-level"), "ok");

  // From 90 % of the limit the count is a warning.
  await page.locator("#ringkasan").fill("kata ".repeat(185));
  await reads("ringkasan", "185 / 200 kata");
  assert.equal(await counter("ringkasan").getAttribute("data-level"), "warning");

  // Paste a real news text into Latar Belakang (limit 300): past the limit, an error.
  const corpus = readFileSync(CORPUS, "utf8");
  await page.evaluate((text) => navigator.clipboard.writeText(text), corpus);
  await page.locator("#latar_belakang").click();
  await page.keyboard.press("ControlOrMeta+V");
  assert.equal(await page.locator("#latar_belakang").inputValue(), corpus);
  const counted = await page.evaluate(async (text) => {
    const { countText } = await (await import("/borang/embed.js")).load();
    return countText(text).words;
  }, corpus);
  assert.ok(counted > 300, `the corpus should be over 300 words, has ${counted}`);
  await reads("latar_belakang", `${counted} / 300 kata`);
  assert.equal(await counter("latar_belakang").getAttribute("data-level"), "error");
  const message = page.locator('.borang-feedback[data-field="latar_belakang"] li.borang-message[data-severity="error"]');
  assert.match(await message.first().textContent(), new RegExp(`${counted} kata; batasnya 300 kata`));
  const progress = await page.evaluate(
    () => document.querySelector(".borang-summary-host").shadowRoot.querySelector(".progress").textContent,
  );
  assert.match(progress, /^\d+ dari \d+ bagian lengkap$/);

  // Text reaches the page as text, never as markup.
  await page.locator("#judul_proposal").fill("<img src=x onerror=alert(1)> Judul");
  await page.waitForFunction(
    () => document.querySelector('.borang-feedback[data-field="judul_proposal"] .borang-count')?.textContent !== "0 kata",
  );
  assert.equal(await page.locator("img").count(), 0);
  await page.locator("#judul_proposal").fill("Sistem Antrean Daring Puskesmas Terpadu");

  mkdirSync(`${REPO}target/screenshots`, { recursive: true });
  await page.locator("#latar_belakang").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${REPO}target/screenshots/demo.png`, fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test("unicode mode counts what Intl.Segmenter's isWordLike counts on Latin-script text", async () => {
  const corpus = readFileSync(`${REPO}tests/fixtures/kipp-2023-sample.json`, "utf8");
  const sample = Object.values(JSON.parse(corpus)).filter((v) => typeof v === "string");
  const cases = JSON.parse(readFileSync(`${REPO}tests/data/office-cases.json`, "utf8"))
    .map((c) => c.text)
    // Latin script only: the documented scope (browsers segment Chinese or Thai by dictionary).
    .filter((t) => !/[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(t));
  const edges = ["a:b Pukul 10:30", "S.Kom. www.menpan.go.id 3.5 1.500,00", "200 m² ½ ①", "Jum'at Jum’at", "e.g. i.e."];
  const texts = [...sample, ...cases, ...edges];
  assert.ok(texts.length > 60, `only ${texts.length} texts`);
  const { page, errors } = await newPage();
  await page.goto(`${base}/__blank`);
  const mismatches = await page.evaluate(async (texts) => {
    const { default: init, countText } = await import("/pkg/borang.js");
    await init();
    const seg = new Intl.Segmenter("id", { granularity: "word" });
    const browser = (t) => [...seg.segment(t)].filter((s) => s.isWordLike).length;
    return texts
      .map((t) => ({ t, ours: countText(t, "unicode").words, browser: browser(t) }))
      .filter((r) => r.ours !== r.browser);
  }, texts);
  assert.deepEqual(errors, []);
  assert.deepEqual(mismatches, []);
  await page.close();
});

test("JS API: a chosen option may come with its visible text; plain strings still work", async () => {
  const { page, errors } = await newPage();
  await page.goto(`${base}/__blank`);
  const statuses = await page.evaluate(async () => {
    const { default: init, Validator } = await import("/pkg/borang.js");
    await init();
    const v = new Validator({ title: "x", sections: [{ id: "kelompok", title: "Kelompok", choice: ["Umum", "Khusus"] }] });
    const status = (values) => v.check(values).sections[0].status;
    return [
      status({ kelompok: { value: "3", label: "Umum" } }),
      status({ kelompok: { value: "3", label: undefined } }),
      status({ kelompok: [{ value: "4", label: "khusus" }] }),
      status({ kelompok: "Khusus" }),
    ];
  });
  assert.deepEqual(errors, []);
  assert.deepEqual(statuses, ["ok", "error", "ok", "ok"]);
  await page.close();
});
