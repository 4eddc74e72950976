// Builds the browser extension from extension/ and dist/borang/ (run `make dist` first):
//   dist/extension/         the unpacked extension (chrome://extensions → Load unpacked)
//   dist/borang-extension.zip  the same files, zipped for a store upload
// It holds the same package as the embed (borang/: WebAssembly and JavaScript builds, presets),
// Periksa Draf (periksa/, with the files it shares with the demo), and presets.json for the
// popup's list. The manifest's version is the workspace version in Cargo.toml.
// Usage: node scripts/build-extension.mjs [outDir]
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(fileURLToPath(new URL("..", import.meta.url)));
const out = resolve(REPO, process.argv[2] ?? "dist/extension");
const zip = join(out, "..", "borang-extension.zip");
const dist = join(REPO, "dist/borang");
if (!existsSync(join(dist, "borang.js"))) {
  console.error("build-extension: dist/borang/ is missing: run `make dist` first");
  process.exit(1);
}

function workspaceVersion() {
  const cargo = readFileSync(join(REPO, "Cargo.toml"), "utf8");
  const section = cargo.split(/^\[workspace\.package\]\s*$/m)[1] ?? "";
  const version = section.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
  if (!version) throw new Error("no version in Cargo.toml's [workspace.package]");
  return version;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(join(REPO, "extension"), out, { recursive: true });

const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
// Chrome takes up to four dot-separated numbers: a pre-release suffix is dropped.
manifest.version = workspaceVersion().split(/[-+]/)[0];
writeFileSync(join(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);

// The engine: the same folder an admin copies next to a portal, minus the portal-only worker.
cpSync(dist, join(out, "borang"), { recursive: true, filter: (src) => !src.endsWith("offline-sw.js") });

// Periksa Draf as an extension page; its files sit where it looks for them (../borang/, ../*.css).
cpSync(join(REPO, "www/periksa"), join(out, "periksa"), {
  recursive: true,
  // No service worker or web-app manifest: the extension itself keeps the files offline.
  filter: (src) => !/(sw\.js|manifest\.webmanifest)$/.test(src),
});
for (const file of ["sections-form.js", "portal.css"]) cpSync(join(REPO, "www", file), join(out, file));
const periksa = join(out, "periksa/index.html");
writeFileSync(periksa, readFileSync(periksa, "utf8").replace(/\s*<link rel="manifest"[^>]*>/, ""));

const presets = readdirSync(join(REPO, "rules"))
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ""), title: JSON.parse(readFileSync(join(REPO, "rules", f), "utf8")).title ?? "" }));
writeFileSync(join(out, "presets.json"), `${JSON.stringify(presets, null, 2)}\n`);

// The zip, with Python's zipfile (on every machine this project builds on).
rmSync(zip, { force: true });
execFileSync("python3", [
  "-c",
  `import os, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(root, f)
            z.write(p, os.path.relpath(p, src))`,
  out,
  zip,
]);
let files = 0;
const count = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) e.isDirectory() ? count(join(dir, e.name)) : files++;
};
count(out);
console.log(`${out}: ${files} files; ${zip}`);
