// Keeps `make bench` runnable: the runner in its quick mode (tiny workloads, a few runs) must
// produce well-formed results, table and chart. No timing is asserted: the benchmark is a
// tool, not a test. Needs dist/ (`make test` builds it first).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

test("bench runner (quick mode) writes well-formed results, table and chart", { timeout: 300_000 }, async () => {
  assert.ok(existsSync(join(REPO, "dist/borang/borang_bg.wasm")), "dist/borang/ is missing: run `make dist` first");
  const out = mkdtempSync(join(tmpdir(), "borang-bench-"));
  try {
    await promisify(execFile)(process.execPath, ["bench/run.mjs", "--quick", "--out", out], { cwd: REPO, maxBuffer: 16 << 20 });
    const r = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    assert.equal(r.quick, true);
    assert.match(r.chromium, /^Chromium \d+\./);
    assert.ok(r.machine.cores >= 1 && r.machine.cpu);
    const ids = r.libs.map((l) => l.id);
    // A JS build of the engine in dist/ (wasm2js) adds its own row.
    assert.deepEqual(ids.filter((id) => id !== "borang-js"), ["borang", "parsley", "jqv", "govuk", "valibot", "segmenter", "regex"]);
    assert.equal(ids.includes("borang-js"), r.jsBuild.built);
    for (const l of r.libs) {
      assert.deepEqual(l.errors, [], `${l.id}: errors on the page`);
      for (const size of r.config.sizes) {
        const s = l.fullCheck[size];
        assert.ok(s && s.n >= 1 && s.median >= 0 && s.p95 >= s.median, `${l.id}: full check at ${size}`);
      }
      for (const t of ["none", "x4"]) assert.ok(l.keystroke[t].work.median >= 0, `${l.id}: keystroke ${t}`);
      assert.ok(l.paste.work.n >= 1, `${l.id}: paste`);
      assert.ok(l.load.localhost.fromTag.median > 0, `${l.id}: load`);
      assert.ok(l.bytes.gzip > 0 && l.bytes.files.length >= 1, `${l.id}: bytes`);
    }
    const borang = r.libs[0];
    assert.ok(borang.engineCheck[r.config.sizes[0]].median >= 0);
    assert.ok(borang.load.slow3g.fromTag.median > 0, "slow 3G load of borang");
    assert.ok(borang.bytes.files.some((f) => f.path.endsWith("borang_bg.wasm")));
    assert.ok(r.borangFiles["borang_bg.wasm"].gzip > 0);
    assert.equal(typeof r.jsBuild.built, "boolean");
    const md = readFileSync(join(out, "RESULTS.md"), "utf8");
    assert.match(md, /\| library \| 200 words \| 2k words \|/);
    assert.match(md, /Parsley/);
    const svg = readFileSync(join(out, "check-time.svg"), "utf8");
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    // One line per library, and a dashed one for each engine-only figure (borang's builds).
    const engines = r.libs.filter((l) => l.engineCheck).length;
    assert.ok(engines >= 1);
    assert.equal((svg.match(/<polyline /g) ?? []).length, r.libs.length + engines);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
