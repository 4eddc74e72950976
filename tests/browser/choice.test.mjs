// `choice` and `when` accept an option by its value or its visible text: portals submit ids
// (<option value="3">Umum</option>) while rules files list labels. Page:
// tests/browser/pages/hosts/choice.html. Run: node --test tests/browser/choice.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { borangReady, eventually, launch, openPage, report } from "./harness.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

const section = (r, id) => r.sections.find((s) => s.id === id);
const summary = (s) => `${s.status}${s.messages.map((m) => ` ${m.rule}: ${m.text}`).join("")}`;

test("a select and a radio group whose values are ids pass a choice listing their labels", async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.base}/test/hosts/choice.html`);
  await borangReady(page, "#f");

  // Values are ids, labels match the rules (case and spaces aside): accepted; `when` reads the label too.
  await page.selectOption("#id_kelompok", "3");
  await page.check("input[name=tahapan][value='12']");
  await eventually(async () => {
    const r = await report(page, "#f");
    assert.equal(summary(section(r, "kelompok")), "ok");
    assert.equal(summary(section(r, "tahapan")), "ok");
    assert.equal(section(r, "ringkasan").status, "empty", "the condition on kelompok = umum holds");
  });

  // A radio button labelled by the text right after it.
  await page.check("#t13");
  await eventually(async () => assert.equal(summary(section(await report(page, "#f"), "tahapan")), "ok"));

  // Options whose labels are not in the list are refused, and named as the applicant saw them.
  await page.selectOption("#id_kelompok", "7");
  await page.check("#t14");
  await eventually(async () => {
    const r = await report(page, "#f");
    assert.equal(summary(section(r, "kelompok")), "error choice: Pilihan “Replikasi” pada Kelompok tidak tersedia.");
    assert.equal(summary(section(r, "tahapan")), "error choice: Pilihan “Lainnya” pada Tahapan tidak tersedia.");
    assert.equal(section(r, "ringkasan").status, "skipped");
  });
  // The message goes after the text that labels the last radio button, never between the
  // button and its label (where it would also have hidden the label from the next check).
  assert.deepEqual(
    await page.evaluate(() => {
      const t14 = document.querySelector("#t14");
      return [t14.nextSibling.nodeType, t14.nextSibling.textContent.trim(), t14.nextSibling.nextSibling?.dataset?.borang];
    }),
    [3, "Lainnya", "feedback"], // 3: a text node
  );
  await page.check("#t13");
  await page.check("#t14");
  await eventually(async () =>
    assert.equal(summary(section(await report(page, "#f"), "tahapan")), "error choice: Pilihan “Lainnya” pada Tahapan tidak tersedia."),
  );
  assert.deepEqual(log.errors, []);
  await context.close();
});
