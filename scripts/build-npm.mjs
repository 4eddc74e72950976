// Assembles the publishable `borang` npm package in dist/npm/ from dist/borang/ (run `make dist`
// first) and npm/ (its package.json, README and the embed's types), with the version of
// Cargo.toml's workspace. `npm pack dist/npm` then makes the tarball. The repository's own
// package.json (`borang-dev`, private) is the dev tooling and is not published.
// Usage: node scripts/build-npm.mjs [outDir]
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(fileURLToPath(new URL("..", import.meta.url)));
const out = resolve(REPO, process.argv[2] ?? "dist/npm");
const dist = join(REPO, "dist/borang");
if (!existsSync(join(dist, "borang.js"))) {
  console.error("build-npm: dist/borang/ is missing: run `make dist` first");
  process.exit(1);
}

const cargo = readFileSync(join(REPO, "Cargo.toml"), "utf8");
const workspace = cargo.split(/^\[workspace\.package\]\s*$/m)[1]?.split(/^\[/m)[0] ?? "";
const field = (name) => workspace.match(new RegExp(`^${name}\\s*=\\s*"([^"]+)"`, "m"))?.[1];
const version = field("version");
if (!version) throw new Error("no version in Cargo.toml's [workspace.package]");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(dist, out, { recursive: true });
for (const file of ["README.md", "embed.d.ts"]) cpSync(join(REPO, "npm", file), join(out, file));
cpSync(join(REPO, "npm/js.d.ts"), join(out, "js/borang.d.ts"));
const manifest = JSON.parse(readFileSync(join(REPO, "npm/package.json"), "utf8"));
manifest.version = version;
manifest.license = field("license") ?? manifest.license;
if (field("repository")) manifest.repository = { type: "git", url: field("repository") };
writeFileSync(join(out, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${out}: borang@${version}`);
