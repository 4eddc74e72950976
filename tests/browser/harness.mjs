// Shared set-up of the browser tests: the dev server (with the test pages and npm packages
// mounted), headless Debian Chromium through playwright-core, and pages that collect what
// the page logs. `make test` builds dist/ first.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/**
 * Starts the server and the browser. Mounts: /test/ → tests/browser/pages/,
 * /vendor/ → node_modules/ (jQuery, Quill, axe-core for the test pages), plus the defaults
 * (/ → www/, /borang/ → dist/borang/, /pkg/, /rules/).
 */
export async function launch() {
  assert.ok(existsSync(`${REPO}dist/borang/embed.js`), "dist/borang/ is missing: run `make dist` first");
  const server = await startServer({
    port: 0,
    mounts: [
      ["/test/", "tests/browser/pages"],
      ["/vendor/", "node_modules"],
    ],
  });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/**
 * A page in a fresh context, with everything it logs collected: `errors` (uncaught
 * exceptions and console errors), `warnings` (console warnings) and `logs` (all messages).
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  const page = await context.newPage();
  const log = { errors: [], pageErrors: [], warnings: [], logs: [] };
  page.on("pageerror", (e) => {
    log.pageErrors.push(e.message);
    log.errors.push(e.message);
  });
  page.on("console", (m) => {
    log.logs.push(`${m.type()}: ${m.text()}`);
    if (m.type() === "error") log.errors.push(m.text());
    if (m.type() === "warning") log.warnings.push(m.text());
  });
  return { context, page, log };
}

/**
 * A page (as `openPage`) whose interval timers can be paused with `pauseIntervals(page)`:
 * borang also polls the fields once a second for changes no event reports, and tests of
 * instant feedback must see it react to the events themselves. `window.__frames` counts
 * animation frames from the page's start, for latencies measured in frames.
 */
export async function openPausable(browser, options = {}) {
  const opened = await openPage(browser, options);
  await opened.context.addInitScript(() => {
    const setInterval = window.setInterval;
    window.setInterval = (f, ms, ...rest) =>
      setInterval((...args) => window.__pauseIntervals || (typeof f === "function" && f(...args)), ms, ...rest);
    window.__frames = 0;
    const tick = () => {
      window.__frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return opened;
}

/** Stops the intervals of a page opened with `openPausable` (borang's slow poll among them). */
export const pauseIntervals = (page) => page.evaluate(() => (window.__pauseIntervals = true));

/** Waits until borang has attached to `selector` (the embed resolved its `ready` promise). */
export async function borangReady(page, selector = "form") {
  await page.waitForFunction(
    async (selector) => {
      const form = document.querySelector(selector);
      if (!form) return false;
      const embed = await import("/borang/embed.js");
      await embed.ready;
      return embed.attachmentFor(form) !== null;
    },
    selector,
    { timeout: 15000 },
  );
}

/** borang's feedback after `field` (in a page, frame or element). */
export const feedback = (scope, field) => scope.locator(`.borang-feedback[data-field="${field}"]`);

/** The word/character counter in that feedback. */
export const counter = (scope, field) => feedback(scope, field).locator(".borang-count");

/** The attachment's current report for the form matching `selector`. */
export function report(page, selector = "form") {
  return page.evaluate(async (selector) => {
    const embed = await import("/borang/embed.js");
    return embed.attachmentFor(document.querySelector(selector)).report();
  }, selector);
}

/** Retries `fn` (an assertion) until it passes or `timeout` ms have gone; then throws its error. */
export async function eventually(fn, timeout = 3000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() > end) throw error;
    }
    await sleep(40);
  }
}
