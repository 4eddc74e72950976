// Rich-text editors on host pages: borang finds the editor that stands in for a field, counts
// its visible text as the engine does, listens where the typing happens (inside an iframe
// too) and puts the feedback after the editor. Pages: tests/browser/pages/hosts/ (the real
// editors from npm). More editors, drafts and timing: realeditors.test.mjs.
// Run: node --test tests/browser/editors.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { borangReady, counter, launch, openPage, openPausable, pauseIntervals } from "./harness.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

/** The counter of `field`'s feedback line. */

/** The engine's word count of `text` (the package the embed loaded). */
function engineWords(page, text) {
  return page.evaluate(async (text) => {
    const { countText } = await (await import("/borang/embed.js")).load();
    return countText(text).words;
  }, text);
}

/** Waits until the counter of `field` reads `expected`; fails with what it showed. */
async function counterReads(page, field, expected, timeout = 5000) {
  try {
    await page.waitForFunction(
      ([field, expected]) => {
        const el = document.querySelector(`.borang-feedback[data-field="${field}"] .borang-count`);
        return el !== null && !el.hidden && el.textContent === expected;
      },
      [field, expected],
      { timeout },
    );
  } catch {
    const shown = await page.evaluate(
      (field) =>
        [...document.querySelectorAll(`.borang-feedback[data-field="${field}"]`)].map((f) => f.outerHTML).join("\n") ||
        "(no feedback node)",
      field,
    );
    assert.fail(`the counter of "${field}" should read "${expected}" within ${timeout} ms; the page has:\n${shown}`);
  }
}


/** Errors the page logged, without the expected warnings about fields other pages have. */
function assertNoErrors(log) {
  assert.deepEqual(log.errors, [], `the page logged errors:\n${log.errors.join("\n")}`);
}

test("Quill 2: typing in the editor counts its text; feedback after the editor container", async () => {
  const { context, page, log } = await openPausable(env.browser);
  await page.goto(`${env.base}/test/hosts/quill.html`);
  await borangReady(page, "#f");
  await pauseIntervals(page);
  await page.waitForFunction(() => document.querySelector("#editor .ql-editor[contenteditable=true]"));

  await counterReads(page, "ringkasan", "0 / 200 kata");
  await page.locator("#editor .ql-editor").click();
  await page.keyboard.type("Layanan  kupu-kupu e-KTP dan/atau cepat.");
  await counterReads(page, "ringkasan", "5 / 200 kata");

  await page.keyboard.press("Enter");
  await page.keyboard.type("Paragraf kedua: warga mengurus KTP di kantor desa tanpa antre.");
  const text = await page.locator("#editor .ql-editor").evaluate((el) => el.innerText);
  const words = await engineWords(page, text);
  assert.ok(words > 5, `the editor's text should have more than 5 words: ${JSON.stringify(text)}`);
  await counterReads(page, "ringkasan", `${words} / 200 kata`);

  // The host's own sync ran (the hidden input holds the HTML), and borang counted the
  // editor's visible text, not that markup.
  assert.match(await page.locator("input[name=ringkasan]").inputValue(), /<p>Layanan/);
  const placement = await page.evaluate(() => {
    const feedback = document.querySelector('.borang-feedback[data-field="ringkasan"]');
    return {
      previous: feedback.previousElementSibling?.id ?? feedback.previousElementSibling?.className,
      inEditor: feedback.closest("#editor, .ql-toolbar, .ql-editor") !== null,
      describedBy: document.querySelector("#editor .ql-editor").getAttribute("aria-describedby") ?? "",
      feedbackId: feedback.id,
    };
  });
  assert.equal(placement.previous, "editor", "the feedback goes right after Quill's container");
  assert.equal(placement.inEditor, false, "the feedback is never inside the editor");
  assert.ok(
    placement.describedBy.split(/\s+/).includes(placement.feedbackId),
    "the editable element is described by the feedback",
  );
  assertNoErrors(log);
  await context.close();
});

test("TinyMCE (self-hosted) started after borang: the rebind finds its iframe and counts typing in it", async () => {
  const { context, page, log } = await openPausable(env.browser);
  await page.goto(`${env.base}/test/hosts/tinymce.html`);
  await borangReady(page, "#f");
  await pauseIntervals(page);
  // Before the editor exists, the textarea is a plain field.
  await page.locator("#latar_belakang").fill("satu dua");
  await counterReads(page, "latar_belakang", "2 / 300 kata");

  assert.equal(await page.evaluate(() => window.startEditor()), 1, "TinyMCE should start one editor");
  await page.waitForFunction(() => tinymce.activeEditor?.initialized === true);
  // TinyMCE took the textarea's text, hid the textarea and put its iframe after it.
  const frame = page.frameLocator("iframe.tox-edit-area__iframe");
  const body = frame.locator("body#tinymce");
  await body.waitFor();
  await body.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" tiga empat lima enam tujuh");
  await page.waitForFunction(() => /tujuh/.test(tinymce.activeEditor.getBody().innerText));
  const text = await page.evaluate(() => tinymce.activeEditor.getBody().innerText);
  const words = await engineWords(page, text);
  assert.equal(words, 7, `the editor's text: ${JSON.stringify(text)}`);
  await counterReads(page, "latar_belakang", `${words} / 300 kata`);

  const placement = await page.evaluate(() => {
    const all = document.querySelectorAll('.borang-feedback[data-field="latar_belakang"]');
    const feedback = all[0];
    return {
      count: all.length,
      afterEditor: feedback.previousElementSibling?.classList.contains("tox-tinymce") ?? false,
      previous: feedback.previousElementSibling?.className ?? null,
    };
  });
  assert.equal(placement.count, 1, "one feedback line for the field, not one per binding");
  assert.ok(placement.afterEditor, `the feedback goes after TinyMCE's root, found after: ${placement.previous}`);
  assertNoErrors(log);
  await context.close();
});

test("a contenteditable element named by data-name is the field itself", async () => {
  const { context, page, log } = await openPausable(env.browser);
  await page.goto(`${env.base}/test/hosts/contenteditable.html`);
  await borangReady(page, "#f");
  await pauseIntervals(page);
  const editable = page.locator('[data-name="kebaharuan"]');
  await counterReads(page, "kebaharuan", "0 / 20 kata");
  await editable.click();
  await page.keyboard.type("Antrean daring untuk layanan e-KTP.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Baris kedua.");
  const text = await editable.evaluate((el) => el.innerText);
  const words = await engineWords(page, text);
  assert.equal(words, 7, `the field's text: ${JSON.stringify(text)}`);
  await counterReads(page, "kebaharuan", "7 / 20 kata");

  // Over the limit: the count turns to an error and the section says why.
  await page.keyboard.type(" kata".repeat(20));
  const over = await engineWords(page, await editable.evaluate((el) => el.innerText));
  await counterReads(page, "kebaharuan", `${over} / 20 kata`);
  assert.equal(await counter(page, "kebaharuan").getAttribute("data-level"), "error");
  const message = page.locator('.borang-feedback[data-field="kebaharuan"] li.borang-message[data-severity=error]');
  assert.match(await message.first().textContent(), new RegExp(`${over} kata; batasnya 20 kata`));
  assert.equal(
    await page.evaluate(() => document.querySelector('.borang-feedback[data-field="kebaharuan"]').previousElementSibling?.dataset.name),
    "kebaharuan",
    "the feedback goes right after the editable element",
  );
  assertNoErrors(log);
  await context.close();
});

for (const [name, page, editable, root] of [
  ["CKEditor 4.22.1: its iframe", "cke4", null, "cke_catatan"],
  ["CKEditor 5 44.3: its editable, which fires no input event,", "cke5", ".ck-editor__editable", null],
]) {
  test(`${name} after the hidden textarea is read and listened to; feedback after the editor`, async () => {
    const { context, page: tab, log } = await openPausable(env.browser);
    await tab.goto(`${env.base}/test/hosts/${page}.html`);
    await borangReady(tab, "#f");
    await tab.evaluate(() => window.ready);
    await pauseIntervals(tab);
    await counterReads(tab, "catatan", "0 / 100 kata");
    const body = editable ? tab.locator(editable) : tab.frameLocator("iframe.cke_wysiwyg_frame").locator("body");
    await body.click();
    await tab.keyboard.type("Warga melapor lewat aplikasi; petugas datang dalam 2 hari.");
    const text = await body.evaluate((el) => el.innerText);
    const words = await engineWords(tab, text);
    assert.equal(words, 9, `the editor's text: ${JSON.stringify(text)}`);
    await counterReads(tab, "catatan", "9 / 100 kata");
    const placement = await tab.evaluate(() => {
      const feedback = document.querySelector('.borang-feedback[data-field="catatan"]');
      const previous = feedback.previousElementSibling;
      return { id: previous?.id ?? null, editor: previous?.classList.contains("ck-editor") ?? false, inFrame: feedback.ownerDocument !== document };
    });
    if (root) assert.equal(placement.id, root, "the feedback goes after the editor's root (div.cke)");
    else assert.ok(placement.editor, "the feedback goes after the editor's root (div.ck-editor)");
    assert.equal(placement.inFrame, false);
    assertNoErrors(log);
    await context.close();
  });
}
