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

/** A request with the path sent exactly as written (fetch would normalise `..`). */
function get(path, method = "GET", body = undefined) {
  return new Promise((ok, fail) => {
    // With a Content-Length: Node sends a DELETE body unframed otherwise (not valid HTTP).
    const headers =
      body === undefined
        ? {}
        : { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) };
    const req = request({ host: "127.0.0.1", port, path, method, headers, agent: false }, (res) => {
      res.resume();
      res.on("end", () => ok({ status: res.statusCode, type: res.headers["content-type"] }));
    });
    req.on("error", fail);
    req.end(body);
  });
}

const post = (path, body = "judul_proposal=Layanan+KTP+Keliling") => get(path, "POST", body);

const HTML = "text/html; charset=utf-8";
const JS = "text/javascript; charset=utf-8";

test("binds to 127.0.0.1 only", () => {
  assert.equal(server.address().address, "127.0.0.1");
});

test("serves the demo pages with their content types", async () => {
  assert.deepEqual(await get("/"), { status: 200, type: HTML });
  for (const page of ["/index.html", "/zero-config.html", "/playground.html", "/terkirim.html"]) {
    assert.deepEqual(await get(page), { status: 200, type: HTML }, page);
  }
  assert.deepEqual(await get("/portal.css"), { status: 200, type: "text/css; charset=utf-8" });
  assert.deepEqual(await get("/playground.js"), { status: 200, type: JS });
  assert.deepEqual(await get("/rules/kipp-2023.json"), { status: 200, type: "application/json; charset=utf-8" });
  // The old minimal demo is gone.
  assert.equal((await get("/demo.js")).status, 404);
  assert.equal((await get("/demo.css")).status, 404);
});

test("serves dist/borang/ under /borang/: the embed, the package and its rules", async () => {
  assert.deepEqual(await get("/borang/embed.js"), { status: 200, type: JS });
  assert.deepEqual(await get("/borang/borang.js"), { status: 200, type: JS });
  assert.deepEqual(await get("/borang/borang_bg.wasm"), { status: 200, type: "application/wasm" });
  assert.deepEqual(await get("/borang/rules/kipp-2023.json"), { status: 200, type: "application/json; charset=utf-8" });
  assert.deepEqual(await get("/borang/schema/rules.schema.json"), { status: 200, type: "application/json; charset=utf-8" });
});

test("a POST to an existing page is served (the demo form submits); anything else is refused", async () => {
  assert.deepEqual(await post("/terkirim.html"), { status: 200, type: HTML });
  assert.equal((await get("/terkirim.html", "HEAD")).status, 200);
  for (const path of ["/borang/embed.js", "/borang/borang_bg.wasm", "/rules/kipp-2023.json", "/portal.css"]) {
    assert.equal((await post(path)).status, 405, `POST ${path}`);
  }
  for (const method of ["PUT", "DELETE", "PATCH"]) {
    assert.equal((await get("/terkirim.html", method, "x=1")).status, 405, `${method} /terkirim.html`);
  }
  assert.equal((await post("/no-such-page.html")).status, 404);
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
