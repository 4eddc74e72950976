// Periksa Draf (www/periksa/): the installable offline draft checker. A preset or a rules file,
// the same feedback as on the portal, the draft kept on the device, export as a values file the
// CLI's `check` reads (same report) and as text per section, import back, and after the first
// visit it opens and checks with no network.
// Needs dist/ and the CLI (`make dist`, `cargo build -p borang-cli`).
// Run: node --test tests/browser/periksa.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { counter, eventually, launch, openPage, REPO } from "./harness.mjs";

const CORPUS = readFileSync("/work/shared/corpus/berita-ppu-kipp-2025.txt", "utf8");
const APP = "/periksa/";
const CLI = `${REPO}target/debug/borang`;

let env;
let dir;
before(async () => {
  if (!existsSync(CLI)) execFileSync("cargo", ["build", "-q", "-p", "borang-cli"], { cwd: REPO, stdio: "inherit" });
  dir = mkdtempSync(join(tmpdir(), "periksa-"));
  env = await launch();
});
after(() => env?.close());

async function openApp(context) {
  const page = await context.newPage();
  await page.goto(env.base + APP);
  await page.waitForSelector("html[data-ready=yes]", { state: "attached" });
  return page;
}

const status = (page) => page.locator("#status").textContent();
/** The report of the attachment the app made (what its feedback shows). */
const appReport = (page) => page.evaluate(() => window.periksaDraf.report());

test("write, see feedback, keep the draft on the device across a reload", async () => {
  const { context, page: first, log } = await openPage(env.browser);
  await first.close();
  const page = await openApp(context);
  try {
    assert.equal(await page.locator("#aturan").inputValue(), "kipp-2023");
    await page.locator('textarea[name="ringkasan"]').click();
    await page.keyboard.type("Layanan jemput bola adminduk untuk desa terpencil.");
    await eventually(async () => assert.equal(await counter(page, "ringkasan").textContent(), "7 / 200 kata"));
    await page.locator('textarea[name="latar_belakang"]').fill(CORPUS);
    await eventually(async () =>
      assert.equal(await counter(page, "latar_belakang").getAttribute("data-level"), "error"),
    );
    await page.locator('input[name="link_youtube"]').fill("https://vimeo.com/1");
    // Reload straight away: the draft is saved on pagehide, whatever the delay.
    await page.reload();
    await page.waitForSelector("html[data-ready=yes]", { state: "attached" });
    assert.equal(await page.locator('textarea[name="ringkasan"]').inputValue(), "Layanan jemput bola adminduk untuk desa terpencil.");
    assert.equal(await page.locator('textarea[name="latar_belakang"]').inputValue(), CORPUS);
    assert.equal(await page.locator('input[name="link_youtube"]').inputValue(), "https://vimeo.com/1");
    await eventually(async () => assert.equal(await counter(page, "ringkasan").textContent(), "7 / 200 kata"));
    assert.match(await status(page), /Draf terakhir dibuka/);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
  }
});

test("two tabs on the same draft: a quiet tab takes the other's text; one with unsaved typing is warned", async () => {
  const { context, page: blank } = await openPage(env.browser);
  await blank.close();
  const a = await openApp(context);
  const b = await openApp(context);
  try {
    await a.locator('textarea[name="ringkasan"]').fill("Ditulis di tab A.");
    await eventually(async () => assert.equal(await b.locator('textarea[name="ringkasan"]').inputValue(), "Ditulis di tab A."));
    assert.match(await status(b), /Diperbarui dari tab lain/);
    // B types (not yet saved) while A saves again: B is told, and keeps its own text.
    await b.locator('textarea[name="kebaharuan"]').fill("Ketikan di tab B.");
    await a.evaluate(() => {
      const t = document.querySelector('textarea[name="ringkasan"]');
      t.value += " Lagi.";
      t.dispatchEvent(new Event("input", { bubbles: true }));
      dispatchEvent(new Event("pagehide"));
    });
    await eventually(async () => assert.match(await status(b), /juga diubah di tab lain/));
    assert.equal(await b.locator('textarea[name="kebaharuan"]').inputValue(), "Ketikan di tab B.");
  } finally {
    await context.close();
  }
});

test("storage full: the app keeps checking and says the draft is not saved, pointing to the JSON export", async () => {
  const { context, page: blank } = await openPage(env.browser);
  await blank.close();
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  const page = await openApp(context);
  try {
    await page.locator('textarea[name="ringkasan"]').fill("Satu dua tiga.");
    await eventually(async () => assert.match(await status(page), /TIDAK dapat disimpan.*QuotaExceededError.*JSON/));
    assert.equal(await page.locator("#status").getAttribute("data-kind"), "bad");
    await eventually(async () => assert.equal(await counter(page, "ringkasan").textContent(), "3 / 200 kata"));
  } finally {
    await context.close();
  }
});

test("export JSON: borang check gives the report the app shows; text per section; import back", async () => {
  const { context, page: blank } = await openPage(env.browser, { acceptDownloads: true });
  await blank.close();
  const page = await openApp(context);
  try {
    await page.locator('input[name="judul_proposal"]').fill("Layanan «Jemput Bola» — Desa Terpencil");
    await page.locator('textarea[name="ringkasan"]').fill(CORPUS);
    await page.locator('textarea[name="kebaharuan"]').fill("Satu-satunya layanan keliling dengan e-KTP di kabupaten ini.");
    await page.locator('input[name="link_youtube"]').fill("https://youtu.be/abc123");
    await page.locator('input[name="kelompok"]').first().check();
    await page.locator('input[name="sdgs[]"]').nth(2).check();
    await page.locator('input[name="sdgs[]"]').nth(9).check();
    await page.locator("#periksa-semua").click();
    assert.match(await status(page), /\d+ dari \d+ bagian lengkap; \d+ kesalahan/);

    const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.locator("#ekspor-json").click()]);
    assert.match(jsonDownload.suggestedFilename(), /^draf-kipp-2023-\d{4}-\d{2}-\d{2}\.json$/);
    const jsonPath = join(dir, "draf.json");
    await jsonDownload.saveAs(jsonPath);
    const values = JSON.parse(readFileSync(jsonPath, "utf8"));
    assert.equal(values.ringkasan, CORPUS);
    assert.deepEqual(values["sdgs[]"], [
      await page.locator('input[name="sdgs[]"]').nth(2).getAttribute("value"),
      await page.locator('input[name="sdgs[]"]').nth(9).getAttribute("value"),
    ]);

    // The CLI reads the file and gives, section by section, the report the page shows.
    const cli = spawnSync(CLI, ["check", "--rules", "kipp-2023", "--format", "json", jsonPath], { encoding: "utf8" });
    assert.equal(cli.status, 1, `exit 1 (errors: Ringkasan is too long): ${cli.stderr}`);
    const cliReport = JSON.parse(cli.stdout);
    const pageReport = await appReport(page);
    const cliSections = (cliReport.reports?.[0]?.report ?? cliReport.report ?? cliReport).sections;
    assert.ok(Array.isArray(cliSections), `CLI JSON: ${cli.stdout.slice(0, 300)}`);
    assert.deepEqual(cliSections, pageReport.sections);
    const ringkasan = pageReport.sections.find((s) => s.id === "ringkasan");
    assert.equal(ringkasan.status, "error");

    const [textDownload] = await Promise.all([page.waitForEvent("download"), page.locator("#ekspor-teks").click()]);
    const textPath = join(dir, "draf.txt");
    await textDownload.saveAs(textPath);
    const text = readFileSync(textPath, "utf8");
    assert.match(text, /^Ringkasan\n-+\n/m);
    assert.ok(text.includes(CORPUS.trim()), "the section's text, whole");
    assert.match(text, /Kebaruan[^\n]*\n-+\nSatu-satunya layanan keliling dengan e-KTP di kabupaten ini\./);

    // Import into a fresh device (new context): everything comes back.
    const other = await env.browser.newContext();
    try {
      const fresh = await openApp(other);
      assert.equal(await fresh.locator('textarea[name="ringkasan"]').inputValue(), "");
      await fresh.locator("#impor-json").setInputFiles(jsonPath);
      await eventually(async () => assert.match(await status(fresh), /dibuka/));
      assert.equal(await fresh.locator('textarea[name="ringkasan"]').inputValue(), CORPUS);
      assert.equal(await fresh.locator('input[name="judul_proposal"]').inputValue(), "Layanan «Jemput Bola» — Desa Terpencil");
      assert.equal(await fresh.locator('input[name="sdgs[]"]').nth(9).isChecked(), true);
      assert.equal(await fresh.locator('input[name="kelompok"]').first().isChecked(), true);
      await eventually(async () =>
        assert.equal(await counter(fresh, "ringkasan").getAttribute("data-level"), "error"),
      );
      // A file that is not a draft changes nothing.
      const bad = join(dir, "bukan-draf.json");
      writeFileSync(bad, "[1, 2, 3]");
      await fresh.locator("#impor-json").setInputFiles(bad);
      await eventually(async () => assert.match(await status(fresh), /bukan berkas draf/));
      assert.equal(await fresh.locator('textarea[name="ringkasan"]').inputValue(), CORPUS);
    } finally {
      await other.close();
    }
  } finally {
    await context.close();
  }
});

test("a rules file of one's own: its form, its limits; a broken one shows its problems and keeps the draft", async () => {
  const { context, page: blank } = await openPage(env.browser);
  await blank.close();
  const page = await openApp(context);
  try {
    const rules = join(dir, "aturan-desa.json");
    writeFileSync(
      rules,
      JSON.stringify({
        title: "Lomba Inovasi Desa",
        lang: "id",
        sections: [
          { id: "ringkasan", title: "Ringkasan <b>desa</b>", fields: ["ringkasan"], required: true, words: { max: 5 } },
          { id: "kontak", title: "Surel", fields: ["surel"], format: "email" },
        ],
      }),
    );
    await page.locator("#berkas-aturan").setInputFiles(rules);
    await eventually(async () => assert.equal(await page.locator("#draf-judul").textContent(), "Lomba Inovasi Desa"));
    assert.equal(await page.locator("#draf .field").count(), 2);
    assert.match(await page.locator("#draf").textContent(), /Ringkasan <b>desa<\/b>/, "titles are text, not markup");
    await page.locator('textarea[name="ringkasan"]').fill("satu dua tiga empat lima enam");
    await eventually(async () => assert.equal(await counter(page, "ringkasan").textContent(), "6 / 5 kata"));

    const broken = join(dir, "rusak.json");
    writeFileSync(broken, '{"sections": [{"id": "a", "title": "A", "fields": ["a"], "words": {"maks": 5}}]}');
    await page.locator("#berkas-aturan").setInputFiles(broken);
    await page.locator("#masalah").waitFor();
    assert.match(await page.locator("#masalah").textContent(), /sections\[0\]\.words/);
    assert.equal(await page.locator("#draf-judul").textContent(), "Lomba Inovasi Desa", "the rules in force stay");
    assert.equal(await page.locator('textarea[name="ringkasan"]').inputValue(), "satu dua tiga empat lima enam");
  } finally {
    await context.close();
  }
});

test("installable, and after the first visit it opens and checks with no network", async () => {
  const { context, page: blank } = await openPage(env.browser);
  await blank.close();
  const page = await openApp(context);
  try {
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel="manifest"]');
      const response = await fetch(link.href);
      return { type: response.headers.get("content-type"), body: await response.json() };
    });
    assert.match(manifest.type, /manifest\+json/);
    assert.equal(manifest.body.display, "standalone");
    assert.ok(manifest.body.icons.some((i) => i.sizes === "512x512"));

    await page.waitForFunction(() => Number(document.documentElement.dataset.offline) > 0, null, { timeout: 30000 });
    await page.locator('textarea[name="ringkasan"]').fill("Draf pertama.");
    await context.setOffline(true);
    const response = await page.reload();
    assert.equal(response.fromServiceWorker(), true);
    await page.waitForSelector("html[data-ready=yes]", { state: "attached" });
    assert.equal(await page.locator('textarea[name="ringkasan"]').inputValue(), "Draf pertama.");
    await page.locator('textarea[name="ringkasan"]').click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Ditulis tanpa sinyal di desa.");
    await eventually(async () => assert.equal(await counter(page, "ringkasan").textContent(), "7 / 200 kata"));
    // Offline, the app still says it is ready without a network (its files are kept).
    await page.waitForFunction(() => document.documentElement.dataset.offline !== undefined, null, { timeout: 30000 });
    assert.match(await status(page), /Siap dipakai tanpa jaringan/);
    // A fresh tab, still offline, opens the app too.
    const second = await context.newPage();
    await second.goto(env.base + APP);
    await second.waitForSelector("html[data-ready=yes]", { state: "attached" });
    await eventually(async () => assert.equal(await counter(second, "ringkasan").textContent(), "7 / 200 kata"));
  } finally {
    await context.close();
  }
});
