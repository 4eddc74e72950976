// borang beside what host portals already run: jQuery Validation on the same form, and
// careless host CSS. Neither side may break the other. Pages: tests/browser/pages/hosts/.
// Run: node --test tests/browser/hosts.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { borangReady, launch, openPage } from "./harness.mjs";

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

/** Opens a host page and records the POSTs it sends. */
async function openHost(path) {
  const opened = await openPage(env.browser);
  const posts = [];
  opened.page.on("request", (r) => r.method() === "POST" && posts.push(r));
  await opened.page.goto(`${env.base}/test/hosts/${path}`);
  return { ...opened, posts };
}

/** After a submit attempt was handled: nothing was sent and the page is still the form. */
async function assertNotSent(page, posts, why) {
  // The browser starts the navigation of a submit that went through right after the event;
  // give it a moment to show up before concluding that none happened.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  assert.deepEqual(posts.map((r) => r.url()), [], `the form should not have been sent: ${why}`);
  assert.match(page.url(), /jqv\.html$/);
}

/** jQuery Validation's visible message for a field, or null. */
function hostMessage(page, field) {
  return page.evaluate((field) => {
    const label = document.querySelector(`label.error[for="${field}"]`);
    return label && label.offsetParent !== null && label.textContent ? label.textContent : null;
  }, field);
}

/** borang's messages for a field (rule and severity). */
function borangMessages(page, field) {
  return page.evaluate(
    (field) =>
      [...document.querySelectorAll(`.borang-feedback[data-field="${field}"] li.borang-message`)].map(
        (li) => `${li.dataset.severity}:${li.dataset.rule}`,
      ),
    field,
  );
}

function assertHasMessage(messages, pattern) {
  assert.ok(messages.some((m) => pattern.test(m)), `expected a message matching ${pattern}, got ${JSON.stringify(messages)}`);
}

test("jQuery 3.7.1 + jQuery Validation 1.22.1: both validators show messages, each blocks, both satisfied sends", async () => {
  const { context, page, log, posts } = await openHost("jqv.html");
  await borangReady(page, "#f");
  assert.deepEqual(await page.evaluate(() => [$.fn.jquery, typeof $.validator]), ["3.7.1", "function"]);

  // The host's rule fails (too short); borang's word limit fails.
  await page.locator("#judul_proposal").fill("abc");
  await page.locator("#judul_proposal").press("Tab");
  await page.waitForFunction(() => document.querySelector('label.error[for="judul_proposal"]')?.textContent);
  assert.equal(await hostMessage(page, "judul_proposal"), "Paling sedikit 5 karakter (portal).");
  await page.locator("#ringkasan").fill("kata ".repeat(25));
  await page.waitForFunction(() =>
    document.querySelector('.borang-feedback[data-field="ringkasan"] .borang-count[data-level="error"]'),
  );
  await page.locator("button[type=submit]").click();
  await assertNotSent(page, posts, "both have errors");
  assert.equal(await hostMessage(page, "judul_proposal"), "Paling sedikit 5 karakter (portal).");
  assertHasMessage(await borangMessages(page, "ringkasan"), /^error:words/);

  // Only jQuery Validation's rule fails: it alone blocks the submit and keeps its message.
  await page.locator("#ringkasan").fill("Layanan KTP keliling ke desa.");
  await page.waitForFunction(() =>
    document.querySelector('.borang-feedback[data-field="ringkasan"] .borang-count[data-level="ok"]'),
  );
  await page.locator("button[type=submit]").click();
  await assertNotSent(page, posts, "jQuery Validation still has an error");
  assert.equal(await hostMessage(page, "judul_proposal"), "Paling sedikit 5 karakter (portal).");
  assert.deepEqual(await borangMessages(page, "judul_proposal"), []);
  assert.deepEqual(await borangMessages(page, "ringkasan"), []);

  // Only borang's limit fails: borang blocks it, and jQuery Validation shows no error.
  await page.locator("#judul_proposal").fill("Layanan KTP Keliling");
  await page.locator("#ringkasan").fill("kata ".repeat(21));
  await page.locator("button[type=submit]").click();
  await assertNotSent(page, posts, "borang still has an error");
  assert.equal(await hostMessage(page, "judul_proposal"), null);
  assertHasMessage(await borangMessages(page, "ringkasan"), /^error:words/);

  // Both satisfied: the form is sent, through the host's own handlers.
  await page.locator("#ringkasan").fill("Layanan KTP keliling ke desa.");
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/test/hosts/sent.html")),
    page.locator("button[type=submit]").click(),
  ]);
  const body = new URLSearchParams(request.postData() ?? "");
  assert.equal(body.get("judul_proposal"), "Layanan KTP Keliling");
  assert.equal(body.get("host_handler"), "ran");
  assert.equal((await request.response())?.status(), 200);
  await page.locator("#sent").waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("jQuery Validation: on a submit borang blocks, the portal's validator still shows its messages", async () => {
  const { context, page, log, posts } = await openHost("jqv.html");
  await borangReady(page, "#f");
  // borang's limit fails; the title, never visited, fails the portal's `required`.
  await page.locator("#ringkasan").fill("kata ".repeat(25));
  await page.waitForFunction(() =>
    document.querySelector('.borang-feedback[data-field="ringkasan"] .borang-count[data-level="error"]'),
  );
  assert.equal(await hostMessage(page, "judul_proposal"), null);
  await page.locator("button[type=submit]").click();
  await assertNotSent(page, posts, "both have errors");
  assertHasMessage(await borangMessages(page, "ringkasan"), /^error:words/);
  assertHasMessage(await borangMessages(page, "judul_proposal"), /^error:required/);
  // A borang that swallows the submit event hides every message the portal's validator has.
  assert.equal(
    await hostMessage(page, "judul_proposal"),
    "Wajib diisi (portal).",
    "jQuery Validation's own message should appear on a submit borang blocks",
  );
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("jQuery Validation: a required section borang checks, left empty, blocks the submit", async () => {
  const { context, page, log, posts } = await openHost("jqv.html");
  await borangReady(page, "#f");
  // The portal's rule is satisfied; borang's required Ringkasan is empty.
  await page.locator("#judul_proposal").fill("Layanan KTP Keliling");
  await page.locator("button[type=submit]").click();
  await assertNotSent(page, posts, "Ringkasan is required by the rules and empty");
  assertHasMessage(await borangMessages(page, "ringkasan"), /^error:required/);
  assert.equal(await hostMessage(page, "judul_proposal"), null);
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** Computed styles of borang's summary panel (inside its shadow root) and feedback nodes. */
function borangStyles(page) {
  return page.evaluate(() => {
    const props = [
      "color", "font-size", "font-family", "font-weight", "line-height", "list-style-type", "display",
      "margin-top", "margin-left", "padding-left", "background-color", "text-decoration-line",
    ];
    const style = (el) => {
      const cs = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    };
    const host = document.querySelector(".borang-summary-host");
    const root = host.shadowRoot;
    const pick = {
      "summary host": host,
      panel: root.querySelector(".panel"),
      heading: root.querySelector(".heading"),
      progress: root.querySelector(".progress"),
      counts: root.querySelector(".counts"),
      toggle: root.querySelector("button.toggle"),
      list: root.querySelector("ol"),
      row: root.querySelector("li[data-section]"),
      "row button.go": root.querySelector("button.go"),
      "row status": root.querySelector(".status"),
      feedback: document.querySelector('.borang-feedback[data-field="ringkasan"]'),
      count: document.querySelector('.borang-feedback[data-field="ringkasan"] .borang-count'),
      messages: document.querySelector('.borang-feedback[data-field="ringkasan"] .borang-messages'),
      message: document.querySelector('.borang-feedback[data-field="ringkasan"] .borang-message'),
    };
    return Object.fromEntries(
      Object.entries(pick).map(([name, el]) => [name, el ? { class: el.getAttribute("class"), ...style(el) } : null]),
    );
  });
}

/** The clash page with borang attached, the summary open, and a message shown. */
async function clashPage({ withHostCss }) {
  const opened = await openPage(env.browser);
  if (!withHostCss) {
    await opened.page.route("**/test/hosts/clash.css", (r) => r.fulfill({ contentType: "text/css", body: "" }));
  }
  await opened.page.goto(`${env.base}/test/hosts/clash.html`);
  await borangReady(opened.page, "#f");
  await opened.page.locator("#ringkasan").fill("kata ".repeat(25));
  await opened.page.waitForFunction(() => document.querySelector('.borang-feedback[data-field="ringkasan"] .borang-message'));
  await opened.page.evaluate(() => document.querySelector(".borang-summary-host").shadowRoot.querySelector("button.toggle").click());
  await opened.page.waitForFunction(
    () => !document.querySelector(".borang-summary-host").shadowRoot.querySelector("ol").hidden,
  );
  return opened;
}

test("host CSS that clashes (form div, ul, li) leaves borang's panel and feedback as they are", async () => {
  const clean = await clashPage({ withHostCss: false });
  const expected = await borangStyles(clean.page);
  await clean.context.close();

  const clash = await clashPage({ withHostCss: true });
  // The host's CSS is really in force on its own elements.
  assert.equal(await clash.page.locator("form div.field").first().evaluate((el) => getComputedStyle(el).color), "rgb(255, 0, 0)");
  const got = await borangStyles(clash.page);
  assert.equal(got.feedback.class, "borang-feedback");
  assert.equal(got.count.class, "borang-count");
  assert.equal(got.messages.class, "borang-messages");
  assert.equal(got.message.class, "borang-message");
  const differences = [];
  for (const [name, style] of Object.entries(expected)) {
    assert.ok(style && got[name], `${name} should exist on both pages`);
    for (const [prop, value] of Object.entries(style)) {
      if (got[name][prop] !== value) differences.push(`${name} ${prop}: ${value} without the host's CSS, ${got[name][prop]} with it`);
    }
  }
  assert.deepEqual(differences, [], `the host's CSS changed borang's look:\n${differences.join("\n")}`);
  assert.deepEqual(clash.log.errors, []);
  await clash.context.close();
});

test("borang does not change the computed style of the host's own elements", async () => {
  const { context, page, log } = await openPage(env.browser);
  await page.goto(`${env.base}/test/hosts/clash-late.html`);
  const hostStyles = () =>
    page.evaluate(() => {
      const props = [
        "color", "font-size", "font-family", "font-weight", "line-height", "display", "list-style-type",
        "margin-top", "margin-bottom", "margin-left", "padding-top", "padding-left", "border-top-width",
        "background-color", "box-sizing", "width",
      ];
      const selectors = [
        "body", "h1", "ul.host-list", "ul.host-list li", "form", "form div.field", "label[for=judul_proposal]",
        "#judul_proposal", "#ringkasan", "ul.hints", "ul.hints li", "div.actions", "button[type=submit]",
      ];
      return Object.fromEntries(
        selectors.map((s) => {
          const cs = getComputedStyle(document.querySelector(s));
          return [s, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))];
        }),
      );
    });
  const beforeAttach = await hostStyles();
  await page.evaluate(() => {
    const tag = document.createElement("script");
    tag.type = "module";
    tag.src = "/borang/embed.js";
    Object.assign(tag.dataset, { rules: "hosts.rules.json", form: "#f", drafts: "off" });
    document.head.append(tag);
  });
  await borangReady(page, "#f");
  await page.locator("#ringkasan").fill("kata ".repeat(25));
  await page.waitForFunction(() => document.querySelector('.borang-feedback[data-field="ringkasan"] .borang-message'));
  assert.ok(await page.locator(".borang-summary-host").count(), "borang attached");
  const afterAttach = await hostStyles();
  const differences = [];
  for (const [selector, style] of Object.entries(beforeAttach)) {
    for (const [prop, value] of Object.entries(style)) {
      if (afterAttach[selector][prop] !== value) differences.push(`${selector} ${prop}: ${value} → ${afterAttach[selector][prop]}`);
    }
  }
  assert.deepEqual(differences, [], `borang changed the host's styles:\n${differences.join("\n")}`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** Parsley's visible messages for a field. */
function parsleyMessages(page, field) {
  return page.evaluate(
    (field) =>
      [...document.querySelectorAll(`#${field} ~ .parsley-errors-list li, #${field} + .parsley-errors-list li`)].map(
        (li) => li.textContent,
      ),
    field,
  );
}

test("Parsley 2.9.2: its messages show on a submit borang stops; with both satisfied the form is sent", async () => {
  const { context, page, log, posts } = await openHost("parsley.html");
  await borangReady(page, "#f");
  assert.equal(await page.evaluate(() => window.Parsley?.version), "2.9.2");
  // borang's limit fails and Parsley's required title is empty.
  await page.locator("#ringkasan").fill("kata ".repeat(25));
  await page.waitForFunction(() =>
    document.querySelector('.borang-feedback[data-field="ringkasan"] .borang-count[data-level="error"]'),
  );
  await page.locator("button[type=submit]").click();
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  assert.deepEqual(posts.map((r) => r.url()), [], "nothing was sent");
  assertHasMessage(await borangMessages(page, "ringkasan"), /^error:words/);
  assert.deepEqual(await parsleyMessages(page, "judul_proposal"), ["Wajib diisi (portal)."]);

  // Parsley alone fails: it blocks, borang has nothing to say.
  await page.locator("#ringkasan").fill("Layanan KTP keliling ke desa.");
  await page.locator("#judul_proposal").fill("abc");
  await page.locator("button[type=submit]").click();
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  assert.deepEqual(posts.map((r) => r.url()), [], "Parsley stopped it");
  assert.deepEqual(await parsleyMessages(page, "judul_proposal"), ["Paling sedikit 5 karakter (portal)."]);

  // Both satisfied: sent, through the host's own handler.
  await page.locator("#judul_proposal").fill("Layanan KTP Keliling");
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/test/hosts/sent.html")),
    page.locator("button[type=submit]").click(),
  ]);
  assert.equal(new URLSearchParams(request.postData() ?? "").get("host_handler"), "ran");
  assert.deepEqual(log.errors, []);
  await context.close();
});
