// scripts/serve.mjs: mounts, content types, and no way out of them.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { startServer } from "../../scripts/serve.mjs";

let server, port;
before(async () => {
  server = await startServer({ port: 0 });
  port = server.address().port;
});
after(() => new Promise((done) => server.close(done)));

/** GET with the path sent exactly as written (fetch would normalise `..`). */
function get(path) {
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET" }, (res) => {
      res.resume();
      res.on("end", () => ok({ status: res.statusCode, type: res.headers["content-type"] }));
    });
    req.on("error", fail);
    req.end();
  });
}

test("binds to 127.0.0.1 only", () => {
  assert.equal(server.address().address, "127.0.0.1");
});

test("serves the mounts with their content types", async () => {
  assert.deepEqual(await get("/"), { status: 200, type: "text/html; charset=utf-8" });
  assert.equal((await get("/demo.js")).type, "text/javascript; charset=utf-8");
  assert.equal((await get("/demo.css")).type, "text/css; charset=utf-8");
  assert.deepEqual(await get("/rules/kipp-2023.json"), { status: 200, type: "application/json; charset=utf-8" });
});

test("serves .wasm as application/wasm", async (t) => {
  const res = await get("/pkg/borang_bg.wasm");
  if (res.status === 404) return t.skip("pkg/ not built");
  assert.deepEqual(res, { status: 200, type: "application/wasm" });
});

test("refuses to leave its mounts", async () => {
  for (const path of [
    "/../Cargo.toml", "/%2e%2e/Cargo.toml", "/..%2fCargo.toml", "/pkg/..%2f..%2fCargo.toml",
    "/rules/%2e%2e%2fMakefile", "/pkg/%2e%2e/Makefile", "/..%5cCargo.toml", "/%00", "/%E0%A4%A",
    "/nothing-here.html", "/rules/",
  ]) {
    assert.equal((await get(path)).status, 404, path);
  }
});
