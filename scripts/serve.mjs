// Tiny static server for the demo and the browser tests. Bound to 127.0.0.1 only.
//   /  -> www/   /borang/ -> dist/borang/ (what `make dist` lays out)   /pkg/ -> pkg/   /rules/ -> rules/
// Tests add their own mounts (test pages, npm packages). A POST to an existing .html page
// drains the body and serves the page, so the demo form can be submitted. The portal's pages in
// www/ are served with their shared header, menu and footer in place (scripts/site-chrome.mjs).
// Usage: node scripts/serve.mjs   (PORT=8080 by default; PORT=0 picks a free one)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { renderChrome } from "./site-chrome.mjs";

const REPO = resolve(fileURLToPath(new URL("..", import.meta.url)));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".ts": "text/plain; charset=utf-8",
};

export const MOUNTS = [
  ["/borang/", "dist/borang"],
  ["/pkg/", "pkg"],
  ["/rules/", "rules"],
  ["/", "www"],
];

/** Largest POST body the demo accepts (a proposal with its PDF attachments). */
const MAX_POST_BYTES = 64 * 1024 * 1024;

/** Maps a URL path to a file under `root`, or null when it is outside the mounts. */
export function resolvePath(root, urlPath, mounts = MOUNTS) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes("\0") || path.includes("\\") || path.split("/").includes("..")) return null;
  // Longest prefix first.
  for (const [prefix, dir] of [...mounts].sort((a, b) => b[0].length - a[0].length)) {
    if (!path.startsWith(prefix)) continue;
    let rest = path.slice(prefix.length);
    if (rest === "" || rest.endsWith("/")) rest += "index.html";
    const base = resolve(root, dir);
    const file = resolve(base, rest);
    return file.startsWith(base + sep) ? file : null;
  }
  return null;
}

function send(res, status, type, body, method) {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(method === "HEAD" ? undefined : body);
}

/** Reads and discards a request body; false when it is larger than `MAX_POST_BYTES`. */
function drain(req) {
  return new Promise((ok) => {
    let bytes = 0;
    req.on("data", (chunk) => {
      bytes += chunk.length;
      if (bytes > MAX_POST_BYTES) {
        req.destroy();
        ok(false);
      }
    });
    req.on("end", () => ok(true));
    req.on("error", () => ok(false));
  });
}

/**
 * Starts the server; resolves to the listening `http.Server` (port 0 = any free port).
 * `mounts` adds [urlPrefix, directory relative to root] pairs to the default ones.
 */
export function startServer({ port = 8080, root = REPO, host = "127.0.0.1", mounts = [] } = {}) {
  const all = [...mounts, ...MOUNTS];
  const www = resolve(root, "www") + sep;
  const server = createServer(async (req, res) => {
    const urlPath = new URL(req.url, "http://localhost").pathname;
    const file = resolvePath(root, urlPath, all);
    if (req.method === "POST" && file?.endsWith(".html")) {
      if (!(await drain(req))) return send(res, 413, "text/plain; charset=utf-8", "too large\n", "POST");
    } else if (req.method !== "GET" && req.method !== "HEAD") {
      // Read the body away first, so a kept-alive connection stays usable.
      await drain(req);
      return send(res, 405, "text/plain; charset=utf-8", "method not allowed\n", req.method);
    }
    let body = null;
    if (file) {
      try {
        if ((await stat(file)).isFile()) body = await readFile(file);
      } catch {
        // fall through to 404
      }
    }
    if (body !== null) {
      const ext = extname(file).toLowerCase();
      const type = TYPES[ext] ?? "application/octet-stream";
      if (ext === ".html" && file.startsWith(www)) {
        try {
          body = renderChrome(body.toString("utf8"));
        } catch (e) {
          return send(res, 500, "text/plain; charset=utf-8", `${e.message}\n`, req.method);
        }
      }
      return send(res, 200, type, body, req.method);
    }
    send(res, 404, "text/plain; charset=utf-8", "not found\n", req.method);
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const server = await startServer({ port });
  const { address, port: bound } = server.address();
  console.log(`borang demo: http://${address}:${bound}/  (Ctrl-C to stop)`);
}
