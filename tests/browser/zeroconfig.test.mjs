// Zero-config: the embed without a rules file reads the limits from the form's own markup
// (labels, hints, placeholders, data-max-words, input types) and deals with the maxlength
// trap. www/zero-config.html is the demo; pages/hosts/zc-sloppy.html is deliberately messy.
// Run: node --test tests/browser/zeroconfig.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { borangReady, launch, openPage } from "./harness.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

/** Every counter on the page: field name → text. */
function counters(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll(".borang-feedback")]
        .map((f) => [f.dataset.field, f.querySelector(".borang-count")])
        .filter(([, count]) => count && !count.hidden)
        .map(([field, count]) => [field, count.textContent]),
    ),
  );
}

/** Waits until `field`'s counter reads `expected`. */
async function counterReads(page, field, expected) {
  try {
    await page.waitForFunction(
      ([field, expected]) =>
        document.querySelector(`.borang-feedback[data-field="${field}"] .borang-count`)?.textContent === expected,
      [field, expected],
      { timeout: 5000 },
    );
  } catch {
    assert.fail(`the counter of "${field}" should read "${expected}"; counters: ${JSON.stringify(await counters(page))}`);
  }
}

test("zero-config.html: the limits come from labels, hints, placeholder, hint element and data-max-words", async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.base}/zero-config.html`);
  await borangReady(page, "#usulan");
  assert.deepEqual(await counters(page), {
    ringkasan: "0 / 150 kata", // "(maksimal 150 kata)" in the label
    latar_belakang: "0 / 300 kata", // "Maksimal <strong>300 kata</strong>" in the wrapping label's help
    tujuan: "0 / 250 kata", // "maks. 250 kata" in the aria-describedby help
    manfaat: "0 / 100 kata", // "(max 100 words)" in the placeholder
    tahapan: "0 / 200 kata", // "minimal 50 kata, maksimal 200 kata" in the small.hint after it
    hasil: "0 / 300 kata", // "Maksimal 300 kata." in the help, maxlength="300" aside
    kendala: "0 / 120 kata", // data-max-words="120"
  });
  const sections = await page.evaluate(async () => {
    const embed = await import("/borang/embed.js");
    return embed.attachmentFor(document.querySelector("#usulan")).sections();
  });
  const byField = Object.fromEntries(sections.map((s) => [s.fields[0], s]));
  assert.equal(byField.tahapan.minWords, 50, "the hint's minimum is read too");
  assert.equal(byField.nama_inovasi.required, true, "`required` makes a required section");
  assert.equal(byField.email_pengusul.format, "email");
  assert.equal(byField.tautan_dokumen.format, "url");
  // What was inferred is a rules file an admin can start from: it compiles to the same sections.
  const inferred = await page.evaluate(async () => {
    const embed = await import("/borang/embed.js");
    const { Validator } = await (await import("/borang/embed.js")).load();
    const text = embed.attachmentFor(document.querySelector("#usulan")).inferredRules();
    return { text, sections: new Validator(text).sections() };
  });
  assert.equal(typeof inferred.text, "string");
  assert.deepEqual(inferred.sections, sections);

  // The counters follow the typing, in the jury's count.
  await page.locator("#ringkasan").fill("Layanan  kupu-kupu e-KTP dan/atau cepat.");
  await counterReads(page, "ringkasan", "5 / 150 kata");
  await page.locator("#latar_belakang").fill("kata ".repeat(301));
  await counterReads(page, "latar_belakang", "301 / 300 kata");
  assert.equal(
    await page.locator('.borang-feedback[data-field="latar_belakang"] .borang-count').getAttribute("data-level"),
    "error",
  );
  // An e-mail field holding something else gets a format message.
  await page.locator("#email_pengusul").fill("bukan surel");
  await page.locator("#email_pengusul").blur();
  await page.waitForFunction(() =>
    document.querySelector('.borang-feedback[data-field="email_pengusul"] li.borang-message[data-rule="format"]'),
  );
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("zero-config.html: data-fix-maxlength lifts maxlength=300 from the 300-word field and says so", async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.base}/zero-config.html`);
  await borangReady(page, "#usulan");
  assert.equal(await page.locator("#hasil").getAttribute("maxlength"), null, "the attribute is removed");
  const said = log.logs.filter((l) => /maxlength/.test(l) && /"hasil"|\bhasil\b/.test(l));
  assert.equal(said.length, 1, `one console message about the lifted maxlength of "hasil":\n${log.logs.join("\n")}`);
  assert.doesNotMatch(said[0], /^error:/);
  // The applicant can now type past 300 characters.
  await page.locator("#hasil").click();
  await page.keyboard.insertText("kata ".repeat(70).trim());
  assert.equal((await page.locator("#hasil").inputValue()).length, 349);
  await counterReads(page, "hasil", "70 / 300 kata");
  // With data-fix-maxlength the lifted trap is news, not a warning: nothing warned.
  assert.deepEqual(log.warnings, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("sloppy markup: copy-pasted label[for], heading + hint paragraph, <strong> in a label, placeholder, attribute", async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.base}/test/hosts/zc-sloppy.html`);
  await borangReady(page, "#sloppy");
  const got = await counters(page);
  assert.deepEqual(got, {
    // Every label says for="ringkasan"; each still belongs to the field right after it.
    ringkasan: "0 / 150 kata",
    tujuan: "0 / 80 kata",
    manfaat: "0 / 60 kata",
    // <h4>Latar belakang masalah</h4><p>Maksimal 300 kata</p><textarea>
    latar_belakang: "0 / 300 kata",
    // <label>… Maksimal <strong>175 kata</strong></label>
    kebaruan: "0 / 175 kata",
    // placeholder="… (max 250 words)"
    implementasi: "0 / 250 kata",
    // data-max-words="120"
    keberlanjutan: "0 / 120 kata",
    // "(maksimal 400 kata)" beside maxlength="400"
    hasil: "0 / 400 kata",
  });
  await page.locator("#tujuan").fill("satu dua tiga");
  await counterReads(page, "tujuan", "3 / 80 kata");
  await counterReads(page, "ringkasan", "0 / 150 kata");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("sloppy markup without data-fix-maxlength: a warning names the field, and the maxlength stays", async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.base}/test/hosts/zc-sloppy.html`);
  await borangReady(page, "#sloppy");
  const warned = log.warnings.filter((w) => /maxlength/.test(w));
  assert.equal(warned.length, 1, `one warning about maxlength:\n${log.warnings.join("\n")}`);
  assert.match(warned[0], /^borang: /);
  assert.match(warned[0], /"hasil"/);
  assert.match(warned[0], /data-fix-maxlength/, "the warning says how to have borang lift it");
  assert.equal(await page.locator("#hasil").getAttribute("maxlength"), "400");
  // The browser still cuts the field at 400 characters: borang did not touch it.
  await page.locator("#hasil").click();
  await page.keyboard.insertText("kata ".repeat(100));
  assert.equal((await page.locator("#hasil").inputValue()).length, 400);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("explain() names the page text behind each limit; a label and a hint that disagree are warned and recorded", async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.base}/test/zc/label-hint-disagree.html`);
  await borangReady(page, "#usulan");
  const { explained, inferred } = await page.evaluate(async () => {
    const embed = await import("/borang/embed.js");
    const a = embed.attachmentFor(document.querySelector("#usulan"));
    return { explained: a.explain(), inferred: JSON.parse(a.inferredRules()) };
  });
  const kebaruan = explained.find((s) => s.field === "kebaruan");
  assert.deepEqual(kebaruan, {
    section: "kebaruan",
    field: "kebaruan",
    title: "Uraian Kebaruan",
    titleFrom: "the label “Uraian Kebaruan (maksimal 200) *”",
    requiredFrom: "the label “Uraian Kebaruan (maksimal 200) *”",
    limits: [{ limit: "words.max", value: 200, from: "the label “Uraian Kebaruan (maksimal 200) *”" }],
  });
  const manfaat = explained.find((s) => s.field === "manfaat");
  assert.deepEqual(manfaat.limits, [{ limit: "words.max", value: 250, from: "the hint “Tidak lebih dari 250 kata”" }]);
  // The kept bound is in the rules, and the document says which text it followed.
  const section = inferred.sections.find((s) => s.fields[0] === "kebaruan");
  assert.deepEqual(section.words, { max: 200, warnAt: 0.9 });
  assert.match(inferred.description, /“Uraian Kebaruan \(maksimal 200\) \*”.*“Minimal 200 kata”/);
  const warned = log.warnings.filter((w) => w.includes("maksimal 200") && w.includes("Minimal 200 kata"));
  assert.equal(warned.length, 1, `one warning names both texts: ${JSON.stringify(log.warnings)}`);
  // With rules given, there is nothing to explain.
  const none = await page.evaluate(async () => {
    const { default: init, attach } = await import("/borang/borang.js");
    await init();
    const form = document.createElement("form");
    form.innerHTML = '<textarea name="x"></textarea>';
    document.body.append(form);
    const a = attach(form, '{"title":"T","sections":[{"id":"x","title":"X","fields":["x"]}]}', { drafts: false, summary: "none" });
    const result = a.explain();
    a.detach();
    return result === undefined;
  });
  assert.ok(none);
  await context.close();
});
