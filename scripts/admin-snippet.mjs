// The admin's snippet (README "Adding borang to a portal"): the embed tag plus hints that start
// every fetch of the WebAssembly path at once from the HTML, instead of one after the other
// (embed.js → borang.js → snippets/…; the module and the rules file after embed.js runs).
// `make dist` writes it to dist/borang/snippet.html; the benchmark page (bench/libs.mjs) uses it.
//
//   node scripts/admin-snippet.mjs dist/borang [base] [rules]  → prints the snippet
//
// The hints match the requests embed.js and the glue make, so each file is fetched once:
// `modulepreload` for module scripts (CORS, same-origin credentials, as `import()` fetches
// them), `preload as=fetch crossorigin` for what `fetch(url)` and `fetch(url, {credentials:
// "same-origin"})` get (the same mode and credentials).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** The glue's static imports (`./snippets/<crate>-<hash>/js/*.js`), read from the built glue. */
export function snippetFiles(dir) {
  const glue = readFileSync(join(dir, "borang.js"), "utf8");
  const files = [...new Set([...glue.matchAll(/from\s*['"]\.\/(snippets\/[^'"]+\.js)['"]/g)].map((m) => m[1]))];
  if (files.length === 0 && glue.includes("./snippets/")) throw new Error(`cannot read the snippets the glue imports (${dir}/borang.js)`);
  return files;
}

/**
 * The snippet for the package in `dir` (dist/borang/) served at `base` (ending in "/"), with
 * `attrs` the embed tag's data- attributes ({ rules, form, lang, … }).
 */
export function adminSnippet(dir, base = "/borang/", attrs = { rules: "/borang/rules/kipp-2023.json", form: "#proposal", lang: "id" }) {
  // With a rules file or a preset the embed loads the lean build (lean/); zero-config the full one.
  const build = attrs.rules || attrs.preset ? "lean/" : "";
  const lines = [
    `<link rel="modulepreload" href="${base}${build}borang.js">`,
    ...snippetFiles(join(dir, build)).map((f) => `<link rel="modulepreload" href="${base}${build}${f}">`),
    `<link rel="preload" as="fetch" crossorigin href="${base}${build}borang_bg.wasm">`,
  ];
  if (attrs.rules) lines.push(`<link rel="preload" as="fetch" crossorigin href="${attrs.rules}">`);
  const data = Object.entries(attrs)
    .map(([k, v]) => ` data-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}="${v}"`)
    .join("");
  lines.push(`<script type="module" src="${base}embed.js"${data}></script>`);
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = "dist/borang", base, rules] = process.argv.slice(2);
  const attrs = { rules: rules ?? `${base ?? "/borang/"}rules/kipp-2023.json`, form: "#proposal", lang: "id" };
  console.log(adminSnippet(dir, base, attrs));
}
