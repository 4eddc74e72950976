// Accessibility with the real editors and widgets portals use (issue 15), on a page with
// landmarks (header, nav, main, footer): CKEditor 5 and 4, TinyMCE, Quill, a textarea,
// selectize, Tom Select, select2, chosen, Choices, flatpickr's alt input and a hidden file
// input behind a styled button.
// - axe-core 4.14 before and after borang, in the states loaded / typed / over the limit /
//   refused submit / panel open: borang adds no violation (per rule, no more nodes than the
//   page has without borang in the same state, and none of borang's own nodes);
// - keyboard only: Tab into the panel and follow every summary link with Enter; focus lands
//   on a visible element the applicant can act on, or on the panel's status line;
// - Chromium's accessibility tree: each focused editor or widget exposes borang's counter
//   and message as its description, and the invalid state when over its limit or refused —
//   also after CKEditor 5 re-renders its editable on focus, and inside iframe editors.
// Page: tests/browser/pages/a11y/portal.html. Needs dist/ (`make dist`).
// Run: node --test tests/browser/a11y-real.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { borangReady, launch, openPage } from "./harness.mjs";

const PAGE = "/test/a11y/portal.html";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

/** Opens the page, with borang or (its embed answered by an empty module) without it. */
async function open(withBorang) {
  const { context, page, log } = await openPage(env.browser);
  page.setDefaultTimeout(15000);
  if (!withBorang) {
    await page.route("**/borang/embed.js", (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: "export {};" }),
    );
  }
  await page.goto(env.base + PAGE);
  await page.waitForFunction(
    () =>
      window.editors &&
      window.editors.ck5 &&
      window.editors.tiny &&
      window.CKEDITOR?.instances.latar?.status === "ready" &&
      document.querySelector("#cke_latar iframe")?.contentDocument?.body?.isContentEditable,
  );
  if (withBorang) await borangReady(page, "#usulan");
  return { context, page, log };
}

/** Types `text` into each editor and the textarea, as a person would (click, keys). */
async function typeEverywhere(page, text) {
  const targets = [
    page.locator(".ck-editor__editable"),
    page.frameLocator("#cke_latar iframe").locator("body"),
    page.frameLocator("#tujuan_ifr").locator("body"),
    page.locator(".ql-editor"),
    page.locator("#hasil"),
  ];
  for (const target of targets) {
    await target.click();
    await page.keyboard.press("End");
    await page.keyboard.type(text);
  }
  await page.waitForTimeout(300);
}

/** axe-core on the whole document (shadow roots and same-origin frames included). */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ url: "/vendor/axe-core/axe.min.js" });
  }
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"], iframes: false });
    return result.violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), html: n.html })),
    }));
  });
}

/** A node of borang's own (not a host element that merely carries borang's ARIA tokens). */
const ours = (node) => /borang/i.test(node.target) || /^<borang-|data-borang/i.test(node.html);

// A control without a name is flagged by `label` (or `select-name`); once it has a
// description, axe flags the same missing name as `label-title-only` (the description might be
// read as its name). One defect of the host's markup (chosen's search input and flatpickr's alt
// input have no label; Tom Select moves the select's label to its own input): compared by
// element, not by rule. Any other rule: compared by its count of nodes.
const UNNAMED = new Set(["label", "label-title-only", "select-name"]);

/** What `after` has that `before` has not: a rule with more nodes, or any node of borang's. */
function added(before, after) {
  const count = new Map(before.map((v) => [v.id, v.nodes.length]));
  const unnamed = new Set(before.filter((v) => UNNAMED.has(v.id)).flatMap((v) => v.nodes.map((n) => n.target)));
  const out = [];
  for (const v of after) {
    const mine = v.nodes.filter(ours);
    const grown = UNNAMED.has(v.id)
      ? v.nodes.some((n) => !unnamed.has(n.target))
      : v.nodes.length > (count.get(v.id) ?? 0);
    if (grown || mine.length) {
      out.push(`${v.id}: ${v.nodes.length} nodes (without borang: ${count.get(v.id) ?? 0})\n    ` +
        v.nodes.map((n) => `${n.target} ${n.html.slice(0, 160)}`).join("\n    "));
    }
  }
  return out;
}

/** Opens the summary panel's list (its toggle) when it is folded. */
async function openPanel(page) {
  await page.evaluate(() => {
    const root = document.querySelector("borang-summary").shadowRoot;
    const toggle = root.querySelector("[data-action=toggle]");
    if (toggle.getAttribute("aria-expanded") !== "true") toggle.click();
  });
  await page.waitForTimeout(200);
}

test("axe-core: borang adds no violation with the real editors and widgets (loaded, typed, over the limit, refused submit, panel open)", async () => {
  // Without borang: the page's own violations in each state (its submit would go through, so
  // the refused submit and the open panel compare with the page over the limit).
  const bare = await open(false);
  const base = {};
  base.loaded = await axe(bare.page);
  await typeEverywhere(bare.page, "Satu dua tiga");
  base.typed = await axe(bare.page);
  await typeEverywhere(bare.page, " empat lima enam tujuh delapan");
  base.over = await axe(bare.page);
  await bare.context.close();

  const { context, page, log } = await open(true);
  const problems = [];
  const check = async (state, baseline) => {
    for (const p of added(baseline, await axe(page))) problems.push(`${state}: ${p}`);
  };
  await check("loaded", base.loaded);
  await typeEverywhere(page, "Satu dua tiga");
  await check("typed", base.typed);
  await typeEverywhere(page, " empat lima enam tujuh delapan");
  await check("over the limit", base.over);
  await page.locator("button[type=submit]").click();
  await page.waitForTimeout(500);
  assert.match(page.url(), /portal\.html/, "the submit is refused (fields over their limit, required choices empty)");
  await check("refused submit", base.over);
  await openPanel(page);
  await check("panel open", base.over);
  assert.deepEqual(problems, [], `borang added axe violations:\n${problems.join("\n")}`);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("landmarks: every node borang adds is inside the page's landmarks (axe region)", async () => {
  const { context, page, log } = await open(true);
  await typeEverywhere(page, "Satu dua tiga empat lima enam");
  await page.locator("button[type=submit]").click();
  await page.waitForTimeout(1500); // the live region speaks after a pause
  assert.deepEqual(log.errors, []);
  assert.match(page.url(), /portal\.html/, "the submit is refused");
  const outside = await page.evaluate(() => {
    const landmark = "main, nav, header, footer, aside, form[aria-label], form[aria-labelledby], section[aria-label], section[aria-labelledby], [role]";
    const out = [];
    for (const el of document.querySelectorAll("[data-borang]")) {
      if (!el.parentElement.closest(landmark)) out.push(el.outerHTML.slice(0, 120));
    }
    return out;
  });
  assert.deepEqual(outside, []);
  const region = (await axe(page)).filter((v) => v.id === "region");
  // The page's own: selectize's text-measuring <div> at the end of <body>.
  const bare = await open(false);
  await typeEverywhere(bare.page, "Satu dua tiga empat lima enam");
  const own = (await axe(bare.page)).filter((v) => v.id === "region");
  await bare.context.close();
  assert.deepEqual(added(own, region), [], "axe region: borang put content outside the landmarks");
  assert.deepEqual(region.flatMap((v) => v.nodes).filter(ours), []);
  await context.close();
});

test("landmarks: a form the page leaves outside its landmarks — borang adds no region violation of its own", async () => {
  const run = async (withBorang) => {
    const { context, page, log } = await openPage(env.browser);
    if (!withBorang) {
      await page.route("**/borang/embed.js", (route) =>
        route.fulfill({ status: 200, contentType: "text/javascript", body: "export {};" }),
      );
    }
    await page.goto(env.base + "/test/a11y/outside.html");
    if (withBorang) await borangReady(page, "#usulan");
    await page.locator("#ringkasan").fill("Satu dua tiga empat lima enam");
    if (withBorang) {
      await page.locator("button[type=submit]").click();
      await page.waitForTimeout(1500); // the live region speaks after a pause
      assert.match(page.url(), /outside\.html/, "the submit is refused");
      await openPanel(page);
    }
    const violations = await axe(page);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
    return violations;
  };
  const bare = await run(false);
  const withBorang = await run(true);
  // The page's own: the form's content is outside every landmark, with or without borang.
  assert.ok(bare.find((v) => v.id === "region")?.nodes.length >= 1, "axe sees the page's own region violation");
  assert.deepEqual(added(bare, withBorang), []);
});

/** The element that has focus, through shadow roots and same-origin frames. */
const focused = (page) =>
  page.evaluate(() => {
    let doc = document;
    let el = doc.activeElement;
    let frame = null;
    for (;;) {
      if (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      else if (el && el.tagName === "IFRAME" && el.contentDocument) {
        frame = el;
        doc = el.contentDocument;
        el = doc.activeElement;
      } else break;
    }
    if (!el) return null;
    const shown = (frame ?? el).getClientRects().length > 0;
    const inPanel = el.getRootNode() !== document && el.getRootNode().host?.matches("borang-summary");
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      cls: String(el.className || ""),
      text: (el.textContent || "").trim().slice(0, 80),
      role: el.getAttribute("role"),
      inFrame: frame !== null,
      shown,
      body: el === doc.body && !frame,
      inPanel,
      isStatus: inPanel && el.getAttribute("role") === "status",
      goButton: inPanel && el.getAttribute("data-action") === "go",
      tabbable: el.tabIndex >= 0 || el.isContentEditable,
    };
  });

test("keyboard only: Tab into the panel and follow every summary link; focus lands where the applicant can act", async () => {
  const { context, page, log } = await open(true);
  await typeEverywhere(page, "Satu dua tiga empat lima enam");
  await page.locator("button[type=submit]").click();
  await page.waitForTimeout(400);
  await openPanel(page);
  const links = await page.evaluate(
    () => document.querySelector("borang-summary").shadowRoot.querySelectorAll("[data-action=go]").length,
  );
  assert.equal(links, 12, "one link per section");
  const landed = [];
  for (let i = 0; i < links; i++) {
    // Start above the panel (the nav's last link), then only keys.
    await page.locator("nav a").last().focus();
    let steps = 0;
    for (;;) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      const index = await page.evaluate(() => {
        const el = document.querySelector("borang-summary")?.shadowRoot?.activeElement;
        return el && el.getAttribute("data-action") === "go" ? Number(el.getAttribute("data-index")) : -1;
      });
      if (index === i) break;
      if (f && f.inPanel && f.cls.includes("toggle") && (await page.evaluate(() =>
        document.querySelector("borang-summary").shadowRoot.querySelector("[data-action=toggle]").getAttribute("aria-expanded") !== "true"))) {
        await page.keyboard.press("Enter"); // the panel folded after the last link: open it again
      }
      assert.ok(++steps < 60, `link ${i} not reached by Tab`);
    }
    await page.keyboard.press("Enter");
    await page.waitForTimeout(150);
    const f = await focused(page);
    landed.push(f);
    assert.ok(f && !f.body, `link ${i}: focus dropped to <body>`);
    if (f.inPanel) {
      // Focus stays on the link; the status line says where the field is.
      const said = await page.evaluate(() => {
        const note = document.querySelector("borang-summary").shadowRoot.querySelector("[role=status]:not([hidden])");
        return note ? note.textContent.trim() : "";
      });
      assert.ok(f.goButton || f.isStatus, `link ${i}: focus on ${JSON.stringify(f)}`);
      assert.ok(said, `link ${i}: focus stayed in the panel but no status line says why`);
    } else {
      assert.ok(f.shown, `link ${i}: focus on an element that is not shown: ${JSON.stringify(f)}`);
      assert.ok(f.tabbable, `link ${i}: focus on an element the keyboard cannot reach: ${JSON.stringify(f)}`);
      assert.notEqual(f.tag, "select", `link ${i}: focus on a hidden native select`);
    }
  }
  // Each link lands on its own field's element: editors' editables, widgets' inputs, the file button.
  const where = landed.map((f) => (f.inPanel ? "panel" : `${f.tag}${f.id ? "#" + f.id : ""}${f.inFrame ? " (frame)" : ""}`));
  assert.equal(where[1], "body (frame)", "CKEditor 4: the iframe's body");
  assert.equal(where[2], "body#tinymce (frame)", "TinyMCE: the iframe's body");
  assert.equal(where[5], "input#kab-selectized");
  assert.equal(where[6], "input#opd-ts-control");
  assert.equal(landed[11].tag, "button", "the styled file input's button");
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

/**
 * Chromium's accessibility node of the focused element (through same-origin frames), through
 * CDP: its role, name, description and invalid state.
 */
async function focusedAx(page, cdp) {
  const { result } = await cdp.send("Runtime.evaluate", {
    expression: `(() => {
      let el = document.activeElement;
      while (el && el.tagName === "IFRAME" && el.contentDocument) el = el.contentDocument.activeElement;
      return el;
    })()`,
  });
  if (!result.objectId) return null;
  const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { objectId: result.objectId, fetchRelatives: false });
  const node = nodes.find((n) => !n.ignored) ?? nodes[0];
  if (!node) return null;
  const prop = (name) => node.properties?.find((p) => p.name === name)?.value.value;
  return {
    role: node.role?.value,
    name: node.name?.value ?? "",
    description: node.description?.value ?? "",
    invalid: prop("invalid") ?? "false",
    focused: prop("focused") === true,
  };
}

test("accessibility tree: each focused editor and widget exposes borang's counter and message, and the invalid state", async () => {
  const { context, page, log } = await open(true);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Accessibility.enable");
  await typeEverywhere(page, "Satu dua tiga empat lima enam");
  await page.locator("button[type=submit]").click();
  await page.waitForTimeout(400);
  const fields = [
    ["CKEditor 5", () => page.locator(".ck-editor__editable").focus(), /6 \/ 5 kata/],
    ["CKEditor 4", () => page.frameLocator("#cke_latar iframe").locator("body").focus(), /6 \/ 5 kata/],
    ["TinyMCE", () => page.frameLocator("#tujuan_ifr").locator("body").focus(), /6 \/ 5 kata/],
    ["Quill", () => page.locator(".ql-editor").focus(), /6 \/ 5 kata/],
    ["textarea", () => page.locator("#hasil").focus(), /6 \/ 5 kata/],
    ["selectize", () => page.locator("#kab-selectized").focus(), /Kabupaten wajib diisi/],
    ["Tom Select", () => page.locator("#opd-ts-control").focus(), /Perangkat Daerah wajib diisi/],
    ["select2", () => page.locator("#urusan ~ .select2 .select2-selection").focus(), /Urusan wajib diisi/],
    ["chosen", () => page.locator("#jenis_chosen input").focus(), /Jenis Inovasi wajib diisi/],
    ["Choices", () => page.locator(".choices").focus(), /Tahapan wajib diisi/],
    ["flatpickr", () => page.evaluate(() => document.querySelector("#tanggal")._flatpickr.altInput.focus()), /Tanggal Mulai wajib diisi/],
    ["file button", () => page.locator(".file-btn").focus(), /Proposal wajib diisi/],
  ];
  const problems = [];
  for (const [family, focus, message] of fields) {
    await focus();
    await page.waitForTimeout(150); // CKEditor 5 re-renders its editable on focus
    const ax = await focusedAx(page, cdp);
    if (!ax) {
      problems.push(`${family}: no focused node in the accessibility tree`);
      continue;
    }
    if (!ax.focused) problems.push(`${family}: the node read is not the focused one (${ax.role})`);
    if (!message.test(ax.description)) problems.push(`${family}: description "${ax.description}" lacks ${message}`);
    if (ax.invalid !== "true") problems.push(`${family}: invalid is ${ax.invalid}`);
  }
  // Fixing a field clears its invalid state where the applicant is, and the counter follows.
  // CKEditor 5 puts its own selection back a moment after a programmatic focus (as the loop
  // above waits for): select all only once it has, or the words are typed at its caret.
  await page.locator(".ck-editor__editable").focus();
  await page.waitForTimeout(150);
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Dua kata");
  await page.waitForTimeout(300);
  const fixed = await focusedAx(page, cdp);
  if (fixed?.invalid === "true") problems.push("CKEditor 5: still invalid after the fix");
  if (!/2 \/ 5 kata/.test(fixed?.description ?? "")) problems.push(`CKEditor 5: description "${fixed?.description}" after the fix`);
  await page.frameLocator("#tujuan_ifr").locator("body").focus();
  await page.waitForTimeout(150);
  await page.keyboard.press("Control+A");
  await page.keyboard.type("Tiga kata saja");
  await page.waitForTimeout(300);
  const tiny = await focusedAx(page, cdp);
  if (tiny?.invalid === "true") problems.push("TinyMCE: still invalid after the fix");
  if (!/3 \/ 5 kata/.test(tiny?.description ?? "")) problems.push(`TinyMCE: description "${tiny?.description}" after the fix`);
  assert.deepEqual(problems, []);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("detach gives every element back its own ARIA attributes (also the widgets' and the iframe editors')", async () => {
  const { context, page } = await open(true);
  await typeEverywhere(page, "Satu dua tiga empat lima enam");
  await page.locator("button[type=submit]").click();
  await page.waitForTimeout(300);
  const left = await page.evaluate(async () => {
    const embed = await import("/borang/embed.js");
    embed.attachmentFor(document.querySelector("#usulan")).detach();
    const docs = [document, ...[...document.querySelectorAll("iframe")].map((f) => f.contentDocument).filter(Boolean)];
    const out = [];
    for (const doc of docs) {
      for (const el of doc.querySelectorAll("[aria-describedby*=borang], [aria-description], [aria-invalid=true]")) {
        out.push(el.outerHTML.slice(0, 120));
      }
    }
    return out;
  });
  assert.deepEqual(left, []);
  // CKEditor 5 re-rendering after detach does not bring borang's tokens back.
  await page.locator(".ck-editor__editable").focus();
  await page.waitForTimeout(200);
  assert.equal(await page.locator(".ck-editor__editable").getAttribute("aria-invalid"), null);
  await context.close();
});

test("accessibility tree: the other editors (Summernote, Trix, each on its own real page) expose the counter and the invalid state", async () => {
  const words = Array.from({ length: 301 }, (_, i) => `kata${i}`).join(" ");
  for (const [family, url] of [["Summernote", "/test/real/summernote.html"], ["Trix", "/test/real/trix.html"]]) {
    const { context, page, log } = await openPage(env.browser);
    page.setDefaultTimeout(15000);
    await page.goto(env.base + url);
    await borangReady(page, "#f");
    await page.waitForFunction(() => window.editor && window.editable && window.editable());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Accessibility.enable");
    await page.evaluate(() => window.editable().focus());
    await page.keyboard.insertText(words);
    await page.waitForTimeout(300);
    // Away and back: the description and the state are still there when the editor is focused again.
    await page.locator("button[type=submit]").focus();
    await page.evaluate(() => window.editable().focus());
    await page.waitForTimeout(150);
    const ax = await focusedAx(page, cdp);
    assert.ok(ax?.focused, `${family}: the focused editable is in the accessibility tree`);
    assert.match(ax.description, /301 \/ 300 kata/, `${family}: description`);
    assert.equal(ax.invalid, "true", `${family}: invalid`);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  }
});
