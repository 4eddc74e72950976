// Strict Content-Security-Policy pages. Chromium refuses to compile WebAssembly where the policy
// lacks 'wasm-unsafe-eval'; the embed then loads the JavaScript build (dist/borang/js/, made by
// wasm2js from the same module). The same portal page is served under three policies and
// filled with the same text; the reports must be identical and the feedback the same. (Neither
// build able to run is a fail-open case: tests/browser/failopen.test.mjs.)
// Needs dist/ (`make dist`). Run: node --test tests/browser/csp.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { borangReady, counter, eventually, feedback, launch, openPage, report } from "./harness.mjs";

const CORPUS = readFileSync("/work/shared/corpus/berita-ppu-kipp-2025.txt", "utf8");
const PAGE = "/test/csp/portal.html";

const POLICIES = {
  none: null,
  wasm: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'",
  strict: "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'",
};

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

/** Opens the portal page served with `policy` as a response header; records CSP violations. */
async function open(policy) {
  const opened = await openPage(env.browser);
  const { page } = opened;
  if (policy) {
    await page.route(`${env.base}${PAGE}`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": policy } });
    });
  }
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(env.base + PAGE);
  await borangReady(page, "#proposal");
  return opened;
}

// The page has a rules file, so the embed loaded the lean build: asking for it again loads nothing new.
const build = (page) => page.evaluate(async () => (await (await import("/borang/embed.js")).load({ lean: true })).build);

/** Fills the page the same way each time: an over-limit section, a short one, a bad link, empties. */
async function fill(page) {
  await page.locator("#judul_proposal").fill("Layanan Adminduk Keliling «Jemput Bola» — Desa Terpencil");
  await page.locator("#ringkasan").fill(CORPUS);
  await page.locator("#latar_belakang").fill("Warga desa harus menempuh 40 km ke kantor Disdukcapil; e-KTP, KK dan/atau akta.");
  await page.locator("#link_youtube").fill("https://vimeo.com/12345");
  await page.locator("#kebaharuan").click();
  await page.locator("#ringkasan").click();
}


test("the JavaScript build gives the WebAssembly build's report, with and without 'wasm-unsafe-eval'", async () => {
  const seen = {};
  for (const [name, policy] of Object.entries(POLICIES)) {
    const { context, page, log } = await open(policy);
    try {
      await fill(page);
      await eventually(async () => assert.match(await counter(page, "ringkasan").textContent(), /\/ 200 kata/));
      seen[name] = {
        build: await build(page),
        report: await report(page, "#proposal"),
        counter: await counter(page, "ringkasan").textContent(),
        video: await feedback(page, "link_youtube").textContent(),
        violations: await page.evaluate(() => window.__violations),
        errors: log.errors,
      };
    } finally {
      await context.close();
    }
  }

  assert.equal(seen.none.build, "wasm");
  assert.equal(seen.wasm.build, "wasm", "'wasm-unsafe-eval' allows the WebAssembly build");
  assert.equal(seen.strict.build, "js", "plain 'self' gets the JavaScript build");

  // Feedback really happened (not an empty report twice).
  const ringkasan = seen.none.report.sections.find((s) => s.id === "ringkasan");
  assert.equal(ringkasan.status, "error");
  assert.ok(ringkasan.words > 200, `ringkasan words: ${ringkasan.words}`);
  assert.match(seen.none.video, /YouTube/);

  for (const name of ["wasm", "strict"]) {
    assert.deepEqual(seen[name].report, seen.none.report, `${name}: same report as without a policy`);
    assert.equal(seen[name].counter, seen.none.counter);
    assert.equal(seen[name].video, seen.none.video);
    assert.deepEqual(seen[name].errors, [], `${name}: console errors ${seen[name].errors.join("\n")}`);
  }
  // The only thing the policy ever refuses is the one-module probe that tells the embed to take the JS build.
  assert.deepEqual(seen.wasm.violations, []);
  assert.ok(
    seen.strict.violations.every((v) => v.startsWith("script-src wasm-eval")),
    `unexpected violations: ${seen.strict.violations}`,
  );
});

test("under script-src 'self' the JavaScript build keeps checking as the applicant types and blocks a failing submit", async () => {
  const { context, page, log } = await open(POLICIES.strict);
  try {
    assert.equal(await build(page), "js");
    // The JS build's snippets are bundled like the WebAssembly build's: adapters.js with its
    // family files is one request.
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => p.startsWith("/borang/")),
    );
    assert.ok(scripts.some((p) => p.endsWith("/js/adapters.js")), scripts.join(" "));
    assert.deepEqual(scripts.filter((p) => p.includes("/adapters/")), []);
    await page.locator("#ringkasan").click();
    await page.keyboard.type("Inovasi jemput bola untuk warga desa.");
    await eventually(async () => assert.equal(await counter(page, "ringkasan").textContent(), "6 / 200 kata"));
    await page.keyboard.type(" Tambah dua");
    await eventually(async () => assert.equal(await counter(page, "ringkasan").textContent(), "8 / 200 kata"));
    // The summary panel is there and styled (constructed stylesheets pass style-src 'self').
    const panel = page.locator("[data-borang=summary]");
    await panel.waitFor();
    assert.notEqual(await panel.evaluate((el) => getComputedStyle(el).position), "static");
    // Submitting with required sections empty is stopped, as with the WebAssembly build.
    let sent = false;
    page.on("request", (r) => {
      if (r.method() === "POST") sent = true;
    });
    await page.locator("button[type=submit]").click();
    await eventually(async () => assert.match(await page.evaluate(() => document.activeElement?.id ?? ""), /^(judul_proposal|latar_belakang|kebaharuan)$/));
    assert.equal(sent, false);
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});
