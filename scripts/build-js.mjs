#!/usr/bin/env node
// The JavaScript build of borang, for pages whose Content-Security-Policy forbids compiling
// WebAssembly (no 'wasm-unsafe-eval'). Same Rust source, same wasm-bindgen glue; binaryen's
// wasm2js turns the module into plain JavaScript. Nothing is written by hand.
//
//   node scripts/build-js.mjs <out-dir> [--lean]   (make dist runs it into dist/borang/js, and
//                                                  with --lean, without zero-config, into
//                                                  dist/borang/lean/js)
//
// Steps, and why each is needed:
// 1. cargo builds borang-wasm with reference types and multi-value switched off: wasm2js
//    handles one function table and single results only, and wasm-bindgen's externref table
//    and multi-value return shims would give it a second table and tuples. Its own target dir,
//    so the WebAssembly build's cache is left alone.
// 2. The standard library is prebuilt with those features on and says so in the module's
//    `target_features` section; wasm-bindgen reads that section to choose its ABI, so the two
//    entries are dropped from it (our code, compiled without them, uses neither).
// 3. wasm-bindgen --target bundler: its glue imports the module as an ES module, which is what
//    wasm2js emits; one import line of the glue is pointed at the converted file.
// 4. wasm-opt lowers saturating float-to-int (wasm2js's i64 lowering cannot), then wasm2js -Oz.
// 5. The glue keeps views of the module's memory and renews them when the buffer is detached,
//    which is what growing WebAssembly memory does. wasm2js grows by copying into a new buffer
//    and leaves the old one attached, so the glue would read stale memory (a zero pointer from
//    attach()); its two view getters are made to compare buffers instead.
// 6. esbuild minifies the converted module and the glue (wasm2js writes readable JS: 2 MB,
//    323 KB gzip; minified 0.8 MB, 241 KB gzip).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const lean = process.argv.includes("--lean");
const out = resolve(process.argv.slice(2).find((arg) => !arg.startsWith("--")) ?? join(root, "dist/borang/js"));
// One work dir per variant, so switching features never rebuilds the other one.
const work = join(root, lean ? "target/js-build-lean" : "target/js-build");
const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });

// 1.
const features = lean ? ["--no-default-features"] : [];
run("cargo", ["build", "-p", "borang-wasm", "--release", "--target", "wasm32-unknown-unknown", "--target-dir", work, ...features], {
  RUSTFLAGS: "-C target-feature=-reference-types,-multivalue",
});
const built = join(work, "wasm32-unknown-unknown/release/borang_wasm.wasm");

// Steps 2-4 take half a minute; they are skipped when the module has not changed since the last run.
const cache = join(work, "out");
const stamp = join(work, "out.sha256");
const digest = createHash("sha256").update(readFileSync(built)).update(readFileSync(import.meta.filename)).digest("hex");
if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== digest) {
  rmSync(stamp, { force: true });
  convert();
  writeFileSync(stamp, digest);
}
rmSync(out, { recursive: true, force: true });
cpSync(cache, out, { recursive: true });

function convert() {
  // 2.
  const features = join(work, "borang_features.wasm");
  writeFileSync(features, dropFeatures(readFileSync(built), ["reference-types", "multivalue"]));

  // 3.
  const bindgen = join(work, "bindgen");
  rmSync(bindgen, { recursive: true, force: true });
  run("wasm-bindgen", ["--target", "bundler", "--no-typescript", "--out-dir", bindgen, "--out-name", "borang", features]);

  // 4.
  const lowered = join(work, "borang_lowered.wasm");
  run("wasm-opt", ["-Oz", "--llvm-nontrapping-fptoint-lowering", join(bindgen, "borang_bg.wasm"), "-o", lowered]);
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  run("wasm2js", ["-Oz", lowered, "-o", join(cache, "borang_bg.wasm.js")]);

  const converted = readFileSync(join(cache, "borang_bg.wasm.js"), "utf8");
  const strayImport = converted.match(/^import .* from '(?!\.\/borang_bg\.js')[^']*';$/m);
  if (strayImport) throw new Error(`build-js: the converted module imports something the glue does not provide: ${strayImport[0]}`);

  const glue = readFileSync(join(bindgen, "borang.js"), "utf8");
  const wasmImport = 'import * as wasm from "./borang_bg.wasm";';
  if (!glue.includes(wasmImport)) throw new Error(`build-js: wasm-bindgen's glue no longer has the line \`${wasmImport}\``);
  writeFileSync(join(cache, "borang.js"), glue.replace(wasmImport, 'import * as wasm from "./borang_bg.wasm.js";'));
  writeFileSync(join(cache, "borang_bg.js"), refreshViews(readFileSync(join(bindgen, "borang_bg.js"), "utf8")));
  cpSync(join(bindgen, "snippets"), join(cache, "snippets"), { recursive: true });

  // 6.
  for (const file of ["borang_bg.wasm.js", "borang_bg.js"]) {
    const path = join(cache, file);
    run("esbuild", [path, "--minify", "--format=esm", "--log-level=warning", "--allow-overwrite", `--outfile=${path}`]);
  }
}

const size = (file) => readFileSync(join(out, file)).length;
console.log(`build-js: ${out}: borang_bg.wasm.js ${size("borang_bg.wasm.js")} bytes, glue ${size("borang_bg.js")} bytes`);

/** The glue with its memory views renewed whenever the memory's buffer is another one (step 5). */
function refreshViews(glue) {
  for (const view of ["DataViewMemory0", "Uint8ArrayMemory0"]) {
    const getter = new RegExp(`(function get${view}\\(\\) \\{\\n\\s*if \\()[^\\n]*(\\) \\{)`);
    if (!getter.test(glue)) throw new Error(`build-js: wasm-bindgen's glue no longer has get${view}() as expected`);
    glue = glue.replace(getter, `$1cached${view} === null || cached${view}.buffer !== wasm.memory.buffer$2`);
  }
  return glue;
}

/** The module with the named entries removed from its `target_features` custom section. */
function dropFeatures(bytes, drop) {
  const parts = [bytes.subarray(0, 8)];
  let pos = 8;
  while (pos < bytes.length) {
    const start = pos;
    const id = bytes[pos++];
    let size;
    [size, pos] = uleb(bytes, pos);
    const end = pos + size;
    if (id === 0) {
      let [nameLength, at] = uleb(bytes, pos);
      const name = bytes.subarray(at, at + nameLength).toString();
      if (name === "target_features") {
        at += nameLength;
        let count;
        [count, at] = uleb(bytes, at);
        const kept = [];
        for (let i = 0; i < count; i++) {
          const prefix = bytes[at++];
          let length;
          [length, at] = uleb(bytes, at);
          const feature = bytes.subarray(at, at + length);
          at += length;
          if (!drop.includes(feature.toString())) kept.push(Buffer.from([prefix]), leb(length), feature);
        }
        const nameBytes = Buffer.from(name);
        const body = Buffer.concat([leb(nameBytes.length), nameBytes, leb(kept.length / 3), ...kept]);
        parts.push(Buffer.from([0]), leb(body.length), body);
        pos = end;
        continue;
      }
    }
    parts.push(bytes.subarray(start, end));
    pos = end;
  }
  return Buffer.concat(parts);
}

function uleb(bytes, pos) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, pos];
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}
