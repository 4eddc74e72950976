// A complete, valid form is sent with the real editors (borang never stops it), and what the
// applicant typed in the editor reaches the server; an empty required editor is stopped.
// Pages: tests/browser/pages/real/ (the editors from npm, a rules file with one required
// section of at most 300 words).
// Run: node --test tests/browser/realsubmit.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { borangReady, launch, openPage } from "./harness.mjs";

const EDITORS = [
  { name: "CKEditor 5 44.3", page: "cke5", editable: ".ck-editor__editable" },
  { name: "CKEditor 4.22.1", page: "cke4", frame: "iframe.cke_wysiwyg_frame" },
  { name: "TinyMCE 7.9", page: "tinymce", frame: "iframe.tox-edit-area__iframe" },
  { name: "Summernote 0.9.1", page: "summernote", editable: ".note-editable" },
];

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

for (const ed of EDITORS) {
  test(`${ed.name}: a valid form is sent with the editor's text; an empty one is stopped`, async () => {
    const { context, page, log } = await openPage(env.browser);
    page.setDefaultTimeout(10000);
    await page.goto(`${env.base}/test/real/${ed.page}.html`);
    await borangReady(page, "#f");
    await page.evaluate(() => window.startEditor());

    // Empty: the required section stops the submit, and the page stays.
    await page.click("button[type=submit]");
    await page.waitForTimeout(300);
    assert.match(page.url(), new RegExp(`/test/real/${ed.page}\\.html$`), "an empty required editor was sent");

    const target = ed.frame ? page.frameLocator(ed.frame).locator("body") : page.locator(ed.editable);
    await target.click();
    await page.keyboard.type("Warga melapor kerusakan jalan lewat aplikasi desa");
    const sent = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/test/core/sent.html"));
    await Promise.all([page.waitForURL(/\/test\/core\/sent\.html$/), page.click("button[type=submit]")]);
    const body = decodeURIComponent(((await sent).postData() ?? "").replace(/\+/g, " "));
    assert.match(body, /uraian=.*Warga melapor kerusakan jalan lewat aplikasi desa/, `the server got: ${body}`);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });
}
