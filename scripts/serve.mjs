// Tiny static server for the demo and the browser tests. Bound to 127.0.0.1 only.
//   /        -> www/      /pkg/ -> pkg/      /rules/ -> rules/
// Usage: node scripts/serve.mjs   (PORT=8080 by default; PORT=0 picks a free one)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

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
  ".ts": "text/plain; charset=utf-8",
};

// Longest prefix first.
const MOUNTS = [
  ["/pkg/", "pkg"],
  ["/rules/", "rules"],
  ["/", "www"],
];

/** Maps a URL path to a file under `root`, or null when it is outside the mounts. */
export function resolvePath(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes("\0") || path.includes("\\") || path.split("/").includes("..")) return null;
  for (const [prefix, dir] of MOUNTS) {
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

/** Starts the server; resolves to the listening `http.Server` (port 0 = any free port). */
export function startServer({ port = 8080, root = REPO, host = "127.0.0.1" } = {}) {
  const server = createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      return send(res, 405, "text/plain; charset=utf-8", "method not allowed\n", req.method);
    }
    const urlPath = new URL(req.url, "http://localhost").pathname;
    const file = resolvePath(root, urlPath);
    if (file) {
      try {
        if ((await stat(file)).isFile()) {
          const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
          return send(res, 200, type, await readFile(file), req.method);
        }
      } catch {
        // fall through to 404
      }
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
