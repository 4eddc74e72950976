// The real rich-text editors portals use, from npm (no stand-ins): CKEditor 5 44.3 (classic
// build), CKEditor 4.22.1, TinyMCE 7.9, Summernote 0.9.1 (lite), Quill 2.0.3, Trix 2.1, and a
// plain contenteditable element. For each: typing through the editor updates the counter
// within two animation frames (no slow poll); a draft comes back after a reload through the
// editor's own API with its paragraphs and list, also when borang started before the editor;
// the stored draft is kept until what it holds is read back from the page, and kept when the
// editor refuses it (the panel says so); hostile HTML in a stored draft never runs.
// Pages: tests/browser/pages/real/. Needs dist/ (`make dist`).
// Run: node --test tests/browser/realeditors.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { borangReady, counter, eventually, launch, openPage, openPausable, pauseIntervals } from "./harness.mjs";

/** `frame`: the editor types in an iframe; else `editable` is a selector in the page. */
const EDITORS = [
  { name: "CKEditor 5 44.3", page: "cke5", editable: ".ck-editor__editable" },
  { name: "CKEditor 4.22.1", page: "cke4", frame: "iframe.cke_wysiwyg_frame" },
  { name: "TinyMCE 7.9", page: "tinymce", frame: "iframe.tox-edit-area__iframe" },
  { name: "Summernote 0.9.1", page: "summernote", editable: ".note-editable" },
  { name: "Quill 2.0.3", page: "quill", editable: ".ql-editor" },
  { name: "Trix 2.1", page: "trix", editable: "trix-editor" },
  { name: "a plain contenteditable", page: "plain", editable: "[data-name=uraian]", plain: true },
];

const RICH = "<p>Warga melapor lewat aplikasi desa.</p><ul><li>petugas datang</li><li>masalah selesai</li></ul>";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

const key = (ed) => `borang:draft:v1:/test/real/${ed.page}.html#f`;
const storedDraft = (page, ed) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "null"), key(ed));
const draftArea = (page) => page.locator("[data-borang=summary] .draft");

/** A pausable page (harness.mjs) with a longer default timeout: real editors load slowly. */
async function openSlowPausable() {
  const opened = await openPausable(env.browser);
  opened.page.setDefaultTimeout(10000);
  return opened;
}

/** Opens the editor's page; unless `late`, waits for the editor too. */
async function open(page, ed, query = "") {
  await page.goto(`${env.base}/test/real/${ed.page}.html${query}`);
  await borangReady(page, "#f");
  if (!query.includes("late")) await page.evaluate(() => window.startEditor());
}

/** Puts the caret at the end of the editor's text, by clicking into it as a person would. */
async function clickIntoEditor(page, ed) {
  const target = ed.frame ? page.frameLocator(ed.frame).locator("body") : page.locator(ed.editable);
  await target.click();
  await page.keyboard.press("ControlOrMeta+End");
}

function engineWords(page, text) {
  return page.evaluate(async (text) => {
    const { countText } = await (await import("/borang/embed.js")).load();
    return countText(text).words;
  }, text);
}

const editorText = (page) => page.evaluate(() => window.editable().innerText);

async function counterReads(page, expected, timeout = 5000) {
  await eventually(async () => assert.equal(await counter(page, "uraian").textContent(), expected), timeout);
}

function assertNoErrors(log) {
  assert.deepEqual(log.errors, [], `the page logged errors:\n${log.errors.join("\n")}`);
}

/**
 * In the page: counts animation frames from now, and resolves with the frame of the next
 * change of the editor's content and the frame at which borang's counter changed after it.
 */
function armLatency(page) {
  return page.evaluate(() => {
    window.__latency = new Promise((resolve) => {
      let frames = 0;
      let edit = null;
      let done = false;
      const tick = () => {
        frames++;
        if (!done) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const el = window.editable();
      const watched = el.ownerDocument === document ? el : el.ownerDocument;
      const options = { childList: true, subtree: true, characterData: true };
      new MutationObserver(() => {
        if (edit === null) edit = frames;
      }).observe(watched, options);
      const count = document.querySelector('.borang-feedback[data-field="uraian"] .borang-count');
      const before = count.textContent;
      new MutationObserver(() => {
        if (!done && count.textContent !== before) {
          done = true;
          resolve({ edit, counted: frames, text: count.textContent });
        }
      }).observe(count, options);
      setTimeout(() => {
        done = true;
        resolve({ edit, counted: null, text: count.textContent });
      }, 3000);
    });
  });
}

for (const ed of EDITORS) {
  test(`${ed.name}: typing updates the counter within two frames, without the poll`, async () => {
    const { context, page, log } = await openSlowPausable();
    await open(page, ed);
    await pauseIntervals(page);
    await counterReads(page, "0 / 300 kata");
    await clickIntoEditor(page, ed);
    await page.keyboard.type("Warga melapor lewat aplikasi ");
    await counterReads(page, "4 / 300 kata");
    await armLatency(page);
    await page.keyboard.type("d");
    const { edit, counted, text } = await page.evaluate(() => window.__latency);
    assert.notEqual(counted, null, `the counter did not change within 3 s of the edit (it reads "${text}")`);
    assert.equal(text, "5 / 300 kata");
    assert.ok(edit !== null && counted - edit <= 2, `the counter changed ${counted - edit} frames after the edit`);
    assertNoErrors(log);
    await context.close();
  });

  for (const late of [false, true]) {
    const when = late ? "borang started before the editor" : "the editor started with the page";
    test(`${ed.name}: a draft comes back through the editor with its paragraphs and list (${when})`, async () => {
      const { context, page, log } = await openPage(env.browser);
      page.setDefaultTimeout(10000);
      const query = late ? "?late" : "";
      await open(page, ed, query);
      if (late) await page.evaluate(() => window.startEditor());
      await page.evaluate((html) => window.setEditorHtml(html), RICH);
      await clickIntoEditor(page, ed);
      await page.keyboard.type(" segera");
      const typed = await editorText(page);
      assert.match(typed, /masalah selesai segera/);
      await eventually(async () => {
        const draft = await storedDraft(page, ed);
        assert.match(draft?.fields?.uraian ?? "", /masalah selesai segera/);
        assert.match(draft?.html?.uraian ?? "", /<li>[^]*segera/, "the draft holds the editor's HTML");
      });

      await open(page, ed, query);
      if (late) {
        // The offer is made while the field is still a textarea; the editor comes after.
        await eventually(async () => assert.equal(await draftArea(page).isVisible(), true, "the draft is offered"));
        await page.evaluate(() => window.startEditor());
      }
      await eventually(async () => assert.equal(await draftArea(page).isVisible(), true, "the draft is offered"));
      await draftArea(page).locator("[data-action=restore]").click();
      await eventually(async () => {
        // Trix writes its paragraphs as <div>s with a comment inside.
        const html = (await page.evaluate(() => window.editorHtml())).replace(/<!--[^]*?-->/g, "").replace(/&nbsp;/g, " ");
        assert.match(html, /<(p|div)>Warga melapor lewat aplikasi desa\.<\/\1>/, `paragraph kept: ${html}`);
        assert.match(html, /<ul>\s*<li>petugas datang<\/li>\s*<li>masalah selesai segera/, `list kept: ${html}`);
      });
      // CKEditor 4 rebuilds its iframe's document after setData: its text can lag its data.
      await eventually(async () => assert.equal(await engineWords(page, await editorText(page)), 10));
      await counterReads(page, "10 / 300 kata");
      // The restore was read back and the panel says nothing failed.
      await eventually(async () => assert.equal(await draftArea(page).isVisible(), false, "the offer is gone"));
      await sleep(1800); // past the read-backs and the save delay
      const draft = await storedDraft(page, ed);
      assert.match(draft?.fields?.uraian ?? "", /masalah selesai segera/, "the stored draft still holds the text");
      assert.match(draft?.html?.uraian ?? "", /<li>/);
      assert.equal(await draftArea(page).isVisible(), false);
      assertNoErrors(log);
      await context.close();
    });
  }

  test(`${ed.name}: hostile HTML in a stored draft is neutralised on restore`, async () => {
    const { context, page, log } = await openPage(env.browser);
    page.setDefaultTimeout(10000);
    await open(page, ed);
    const now = Date.now();
    await page.evaluate(
      ([k, now]) => {
        const html =
          '<p>Teks aman <img src="x" onerror="window.__pwned=1"> satu<script>window.__pwned=2<\/script></p>' +
          '<p onclick="window.__pwned=3" style="color:red">dua <a href="javascript:window.__pwned=4">tautan</a> ' +
          '<a href="https://example.org/x" onmouseover="window.__pwned=5">situs</a></p>' +
          '<iframe srcdoc="<script>parent.__pwned=6<\/script>"></iframe><svg><script>window.__pwned=7<\/script></svg>' +
          "<style>body{display:none}</style><form action=/x><input name=a></form>";
        const draft = {
          savedAt: now,
          tab: "another",
          fields: { uraian: "Teks aman satu\ndua tautan situs" },
          at: { uraian: now },
          html: { uraian: html },
        };
        localStorage.setItem(k, JSON.stringify(draft));
      },
      [key(ed), now],
    );
    await open(page, ed);
    await eventually(async () => assert.equal(await draftArea(page).isVisible(), true, "the draft is offered"));
    await draftArea(page).locator("[data-action=restore]").click();
    await eventually(async () => assert.match(await editorText(page), /situs/));
    await sleep(600);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "nothing of the stored HTML ran");
    const dom = await page.evaluate(() => window.editable().innerHTML);
    for (const bad of ["onerror", "<script", "javascript:", "<iframe", "onclick", "onmouseover", "<svg", "<img", "<style", "<input"]) {
      assert.ok(!dom.includes(bad), `the editor's DOM holds ${bad}: ${dom}`);
    }
    assert.match(await page.evaluate(() => window.editorHtml()), /href="https:\/\/example\.org\/x"/, "a safe link is kept");
    assert.match(await editorText(page), /Teks aman\s+satu\s+dua tautan situs/);
    assertNoErrors(log);
    await context.close();
  });

  test(`${ed.name}: a draft of plain text (written before drafts kept HTML) comes back as paragraphs`, async () => {
    const { context, page, log } = await openPage(env.browser);
    page.setDefaultTimeout(10000);
    await open(page, ed);
    // The format of drafts before this change: no "html", no "at", no "tab".
    await page.evaluate(
      (k) => localStorage.setItem(k, JSON.stringify({ savedAt: Date.now() - 60000, fields: { uraian: "Baris satu.\nBaris dua." } })),
      key(ed),
    );
    await open(page, ed);
    await eventually(async () => assert.equal(await draftArea(page).isVisible(), true, "the draft is offered"));
    await draftArea(page).locator("[data-action=restore]").click();
    await eventually(async () => {
      const html = (await page.evaluate(() => window.editorHtml())).replace(/<!--[^]*?-->/g, "").replace(/&nbsp;/g, " ");
      assert.match(html, /<(p|div)>Baris satu\.<\/\1>\s*<\1>Baris dua\.<\/\1>/, `two paragraphs: ${html}`);
    });
    await counterReads(page, "4 / 300 kata");
    await sleep(1800);
    assert.equal(await draftArea(page).isVisible(), false, "it read back: no failure is reported");
    assert.match((await storedDraft(page, ed))?.fields?.uraian ?? "", /Baris satu\.\s+Baris dua\./);
    assertNoErrors(log);
    await context.close();
  });

  if (ed.plain) continue;
  test(`${ed.name}: a restore the editor refuses keeps the draft, and the panel says so`, async () => {
    const { context, page, log } = await openPage(env.browser);
    page.setDefaultTimeout(10000);
    await open(page, ed);
    await clickIntoEditor(page, ed);
    await page.keyboard.type("Draf yang tidak boleh hilang");
    await eventually(async () => assert.match((await storedDraft(page, ed))?.fields?.uraian ?? "", /tidak boleh hilang/));

    await open(page, ed, "?refuse");
    await eventually(async () => assert.equal(await draftArea(page).isVisible(), true, "the draft is offered"));
    await draftArea(page).locator("[data-action=restore]").click();
    await eventually(async () =>
      assert.equal(
        (await draftArea(page).textContent()).trim().replace(/\s+/g, " ").replace(/ ?Pulihkan draf ?Abaikan ?$/, ""),
        "Draf untuk Uraian Inovasi belum dapat dipulihkan; draf tetap disimpan.",
      ),
    );
    assert.ok(log.warnings.some((w) => /belum dapat dipulihkan/.test(w)), "the console says which field");
    await sleep(1200); // past the save delay
    const draft = await storedDraft(page, ed);
    assert.match(draft?.fields?.uraian ?? "", /tidak boleh hilang/, "the draft is not overwritten by the empty editor");

    // What the applicant types next is theirs: it is saved over the field's draft.
    await clickIntoEditor(page, ed);
    await page.keyboard.type("Teks baru");
    await eventually(async () => assert.match((await storedDraft(page, ed))?.fields?.uraian ?? "", /Teks baru/));
    assertNoErrors(log);
    await context.close();
  });
}

test("the sanitiser of stored HTML: every hostile payload keeps only allowed elements, no attributes but a safe href", async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.base}/test/real/plain.html`);
  await borangReady(page, "#f");
  const result = await page.evaluate(async () => {
    const { PAYLOADS } = await import("/test/hostile/payloads.js");
    const glue = await (await fetch("/borang/borang.js")).text();
    const { clean } = await import(`/borang/${glue.match(/snippets\/[^'"]+\/adapters\.js/)[0]}`);
    window.__pwned = (tag) => (window.__ran = [...(window.__ran ?? []), tag]);
    const extra = [
      `<a href=" javascript:window.__pwned('space')">a</a>`,
      `<a href="jav&#x09;ascript:window.__pwned('tab')">a</a>`,
      `<a href="data:text/html,<script>parent.__pwned('data')</script>">a</a>`,
      `<a href="vbscript:x">a</a>`,
      `<p style="background:url(javascript:window.__pwned('style-attr'))" class="x" id="y">p</p>`,
      `<noscript><p title="</noscript><img src=x onerror=window.__pwned('noscript')>"></noscript>`,
      `<template><img src=x onerror=window.__pwned('template')></template>`,
      `<form><button formaction="javascript:window.__pwned('form')">b</button></form>`,
    ];
    const ALLOWED = new Set("p br ul ol li strong b em i u s sub sup h1 h2 h3 h4 h5 h6 blockquote a table thead tbody tr th td".split(" "));
    const bad = [];
    const host = document.createElement("div");
    document.body.append(host);
    for (const payload of [...PAYLOADS, ...extra]) {
      for (const html of [payload, `<p>${payload}</p>`, `<ul><li>${payload}</li></ul>`]) {
        const out = clean(html, "");
        const doc = new DOMParser().parseFromString(out, "text/html");
        for (const el of doc.body.querySelectorAll("*")) {
          const tag = el.localName;
          if (!ALLOWED.has(tag)) bad.push(`${tag} from ${html}`);
          for (const attr of el.attributes) {
            const ok = tag === "a" && attr.name === "href" && /^(https?|mailto):/.test(attr.value);
            if (!ok) bad.push(`${tag}[${attr.name}=${attr.value}] from ${html}`);
          }
        }
        // Clean output also round-trips: parsing it again gives the same markup (no mutation XSS).
        if (doc.body.innerHTML !== out) bad.push(`not stable: ${out}`);
        host.innerHTML = out;
      }
      // Without HTML, a draft's text becomes paragraphs of text, never markup.
      const text = clean(null, payload);
      const doc = new DOMParser().parseFromString(text, "text/html");
      for (const el of doc.body.querySelectorAll("*")) if (el.localName !== "p") bad.push(`text made ${el.localName}`);
    }
    await new Promise((r) => setTimeout(r, 500));
    return { bad, ran: window.__ran ?? [], kept: clean('<p>a <a href="https://example.org/">b</a> <strong>c</strong></p>', "") };
  });
  assert.deepEqual(result.bad, []);
  assert.deepEqual(result.ran, [], "no payload ran");
  assert.equal(result.kept, '<p>a <a href="https://example.org/">b</a> <strong>c</strong></p>');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
