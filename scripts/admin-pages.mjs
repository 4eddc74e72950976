// Copies the admin's pages (the rules playground and the linter) from www/ into a borang folder
// (dist/borang/), so an admin lints rules without building the CLI. In the copies, borang is
// found next to the page (`data-borang-base="./"`), and the demo portal's header, menu and
// footer (scripts/site-chrome.mjs's markers) and its other parts (elements marked
// `data-demo-only`) are left out.
// Usage: node scripts/admin-pages.mjs dist/borang
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stripChrome } from "./site-chrome.mjs";

const REPO = fileURLToPath(new URL("../", import.meta.url));
const out = process.argv[2];
if (!out) throw new Error("usage: node scripts/admin-pages.mjs OUT_DIR");

const PAGES = ["lint.html", "playground.html"];
const ASSETS = ["lint.js", "playground.js", "rules-tools.js", "sections-form.js", "portal.css"];

for (const page of PAGES) {
  let html = readFileSync(join(REPO, "www", page), "utf8");
  const base = 'data-borang-base="/borang/"';
  if (!html.includes(base)) throw new Error(`www/${page} has no ${base}`);
  html = stripChrome(html.replace(base, 'data-borang-base="./"'));
  // Elements marked data-demo-only (not nested in one another of the same tag).
  html = html.replace(/[ \t]*<(header|nav|footer|a)\b[^>]*\bdata-demo-only\b[^>]*>[\s\S]*?<\/\1>\n?/g, "");
  writeFileSync(join(out, page), html);
}
for (const asset of ASSETS) copyFileSync(join(REPO, "www", asset), join(out, asset));
console.log(`admin pages: ${PAGES.join(", ")} in ${out}`);
