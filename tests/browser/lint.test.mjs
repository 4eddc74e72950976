// The admin's linter page shipped in dist/borang/ (lint.html, served by the demo at
// /borang/lint.html): a broken rules file opened from disk shows every problem with its path
// and the keys allowed there; a fixed one shows the compiled sections. The playground copy
// there finds borang next to itself. Run: node --test tests/browser/lint.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { eventually, launch, openPage } from "./harness.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

const BROKEN = JSON.stringify({
  extends: "inovasi-daerah",
  sections: {
    rancang_bangun: { words: { min: 300, pesan: "x" } },
    waktu_uji_coba: null,
  },
});

const problems = (page) =>
  page.$$eval("#masalah li", (items) =>
    items.map((li) => ({
      path: li.querySelector(".path").textContent,
      message: li.querySelector("p").textContent,
      known: [...li.querySelectorAll("dt")].find((dt) => dt.textContent === "Kunci yang dikenal")?.nextElementSibling.textContent ?? null,
    })),
  );

test("lint.html: a broken rules file opened from disk shows its problems with paths, a fixed one its sections", async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.base}/borang/lint.html`);
  await page.waitForSelector("#muat-status", { state: "hidden" });

  await page.setInputFiles("#berkas", { name: "aturan.json", mimeType: "application/json", buffer: Buffer.from(BROKEN) });
  await eventually(async () => {
    assert.deepEqual(await problems(page), [
      {
        path: "sections.waktu_penerapan.compare[0].field",
        message:
          'no section covers the field "waktu_uji_coba"; known fields: nama_inovasi, tahapan, inisiator, jenis, bentuk, urusan, waktu_penerapan, rancang_bangun, tujuan, manfaat, hasil, file_anggaran, file_profil_bisnis',
        known: null,
      },
      {
        path: "sections.rancang_bangun.words.pesan",
        message: "unknown key `pesan`",
        known: "min, max, warnAt, severity, message",
      },
    ]);
  });
  assert.equal(await page.textContent("#lint-status"), "2 masalah ditemukan.");
  assert.equal(await page.$$eval("#bagian tr", (rows) => rows.length), 0);

  // Fixed in the editor: no problems, the compiled sections with what each checks.
  await page.fill("#editor", JSON.stringify({ extends: "inovasi-daerah", sections: { rancang_bangun: { words: { min: 300, message: "{title}: minimal {min} kata." } } } }));
  await eventually(async () => {
    assert.equal(await page.textContent("#lint-status"), "Aturan valid: 14 bagian. Tidak ada masalah.");
    assert.deepEqual(await problems(page), []);
    const row = await page.$$eval('#bagian tr[data-section="waktu_penerapan"] td', (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(row, ["waktu_penerapan", "Waktu Penerapan", "waktu_penerapan", "wajib; format date; membaca: waktu_uji_coba"]);
  });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("playground.html in dist/borang/ loads borang from beside itself, without the demo portal's menu", async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.base}/borang/playground.html`);
  await eventually(async () => assert.match(await page.textContent("#lint-status"), /^Aturan valid: \d+ bagian/), 10000);
  assert.equal(await page.locator("nav.site-nav").count(), 0);
  assert.ok((await page.locator("#uji textarea").count()) > 0, "the sample form was built");
  assert.deepEqual(log.errors, []);
  await context.close();
});
