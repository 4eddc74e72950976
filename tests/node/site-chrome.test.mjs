// The demo portal's header, menu and footer are written once (scripts/site-chrome.mjs): every
// portal page in www/ is served with them and its own menu item marked, none carries a copy of
// its own, and the admin's copies (dist/borang/) and Periksa Draf carry none.
// Run: node --test tests/node/
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { MENU, renderChrome, siteFooter, siteHeader, stripChrome } from "../../scripts/site-chrome.mjs";
import { startServer } from "../../scripts/serve.mjs";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const WWW = join(REPO, "www");

/** The portal's pages: their menu item (null: none is theirs) and their layout width. */
const PORTAL = {
  "index.html": { current: "index.html", wide: false },
  "zero-config.html": { current: "zero-config.html", wide: false },
  "playground.html": { current: "playground.html", wide: true },
  "terkirim.html": { current: null, wide: false },
};
/** Pages without the portal around them, and why. */
const WITHOUT = {
  "lint.html": "the admin's linter, a bare tool page",
  "periksa/index.html": "Periksa Draf: its own header, copied and packaged as is",
};

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith(".html") ? [join(dir, e.name)] : [],
  );
}
const PAGES = htmlFiles(WWW).map((f) => relative(WWW, f).split("\\").join("/")).sort();
const source = (page) => readFileSync(join(WWW, page), "utf8");

let server, base;
before(async () => {
  server = await startServer({ port: 0 });
  base = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((done) => server.close(done)));

test("every page in www/ is either a portal page or listed without the portal", () => {
  for (const page of PAGES) assert.ok(page in PORTAL || page in WITHOUT, `www/${page}: add it to PORTAL or WITHOUT`);
  for (const page of [...Object.keys(PORTAL), ...Object.keys(WITHOUT)]) assert.ok(PAGES.includes(page), `www/${page} is gone`);
});

test("no page in www/ carries a copy of the header, menu or footer", () => {
  // Every line of the shared markup with text or a drawing in it (bare tags and class names are
  // not telling: Periksa Draf styles its own header with .site-header and .brand).
  const lines = new Set(
    [siteHeader(), siteFooter()]
      .flatMap((block) => block.split("\n"))
      .map((line) => line.trim())
      .filter((line) => line.replace(/<[^>]*>/g, "").trim().length >= 10 || /\sd="/.test(line)),
  );
  assert.ok(lines.size >= 20, `${lines.size} telling lines`);
  for (const page of PAGES) {
    const text = source(page);
    for (const line of lines) assert.ok(!text.includes(line), `www/${page} carries a copy of: ${line}`);
    assert.doesNotMatch(text, /class="(site-nav|site-footer|topbar)"/, `www/${page} has its own portal menu or footer`);
  }
  for (const page of Object.keys(PORTAL)) assert.doesNotMatch(source(page), /<(header|footer)\b/, `www/${page}`);
});

/** The served page's landmarks, in order, and its site menu's links. */
function outline(html) {
  const landmarks = [...html.matchAll(/<(header|nav|main|footer)\b([^>]*)>/g)]
    .filter(([, tag, attrs]) => tag !== "nav" || /class="site-nav"/.test(attrs))
    .map(([, tag]) => tag);
  const nav = html.match(/<nav class="site-nav" aria-label="Menu utama">([\s\S]*?)<\/nav>/)?.[1] ?? "";
  const links = [...nav.matchAll(/<a href="([^"]*)"([^>]*)>([^<]*)<\/a>/g)].map(([, href, attrs, label]) => ({
    href,
    label,
    current: attrs.includes('aria-current="page"'),
  }));
  return { landmarks, links };
}

for (const [page, { current, wide }] of Object.entries(PORTAL)) {
  test(`www/${page} is served with the shared header, menu and footer, its own item marked`, async () => {
    const res = await fetch(`${base}/${page}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.doesNotMatch(html, /<!--\s*site-/, "a marker left in the page");
    assert.ok(html.includes(siteHeader({ current, wide }).split("\n").join("\n  ").trimEnd()), "the header and menu, as written once");
    assert.ok(html.includes(siteFooter({ wide }).split("\n").join("\n  ").trimEnd()), "the footer, as written once");
    const { landmarks, links } = outline(html);
    assert.deepEqual(landmarks, ["header", "nav", "main", "footer"], "banner, menu, main, contentinfo: once each, in order");
    assert.deepEqual(links.map((l) => [l.href, l.label]), MENU);
    assert.deepEqual(links.filter((l) => l.current).map((l) => l.href), current ? [current] : [], "aria-current=\"page\" on its own item only");
    assert.equal(html.match(/<a [^>]*aria-current="page"/g)?.length ?? 0, current ? 1 : 0);
    // The portal lines up with the page: `wrap wrap-wide` throughout, or `wrap` throughout.
    assert.equal(/<main [^>]*class="wrap wrap-wide"/.test(html), wide);
    assert.equal(/class="wrap wrap-wide/.test(html.slice(0, html.indexOf("<main"))), wide);
    assert.ok(html.indexOf('class="skip-link" href="#konten"') < html.indexOf("<header"), "the skip link comes first");
    assert.ok(html.includes('id="konten"'));
  });
}

for (const page of Object.keys(WITHOUT)) {
  test(`www/${page} is served as written, without the portal`, async () => {
    const html = await (await fetch(`${base}/${page}`)).text();
    assert.equal(html, source(page));
    assert.deepEqual(outline(html).links, []);
  });
}

test("the admin's copies (scripts/admin-pages.mjs) leave the portal out", () => {
  const out = mkdtempSync(join(tmpdir(), "borang-admin-"));
  try {
    execFileSync(process.execPath, [join(REPO, "scripts/admin-pages.mjs"), out], { stdio: "pipe" });
    for (const page of ["playground.html", "lint.html"]) {
      const html = readFileSync(join(out, page), "utf8");
      assert.match(html, /data-borang-base="\.\/"/, page);
      assert.doesNotMatch(html, /<!--\s*site-|<header|<footer|site-nav|breadcrumb|data-demo-only/, page);
      assert.match(html, /<main id="konten"/, page);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("markers: a misspelt one or an unknown menu item is an error, not a page without its menu", async () => {
  assert.throws(() => renderChrome('  <!-- site-header current="nowhere.html" -->\n'), /not in the menu/);
  assert.throws(() => renderChrome("  <!-- site-heder -->\n"), /misspelt/);
  assert.throws(() => renderChrome("  <!-- site-footer current=\"index.html\" -->\n"), /unknown attribute current/);
  assert.throws(() => stripChrome("<p><!-- site-footer --></p>\n"), /line of its own/);
  assert.equal(stripChrome("<body>\n  <!-- site-header -->\n  <main></main>\n  <!-- site-footer -->\n</body>\n"), "<body>\n  <main></main>\n</body>\n");
});
