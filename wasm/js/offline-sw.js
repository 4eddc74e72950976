// borang's opt-in service worker: lets a portal page with borang (or the Periksa Draf app)
// reload and keep checking with no network. borang never registers it by itself; an admin who
// wants it adds a worker file at the scope they choose that imports this one, e.g. /borang-sw.js:
//
//   importScripts("/borang/offline-sw.js");
//
// and, on the page, `import { keepOffline } from "/borang/embed.js"; keepOffline("/borang-sw.js");`
// (see the README, "Offline"). keepOffline() tells the worker which files the page loaded (the
// page itself, the embed, the package, the rules, the portal's own CSS and scripts); it stores
// those of the same origin. Afterwards every same-origin GET goes to the network first, so an
// online applicant always gets the portal's current page and rules, and falls back to the stored
// copy when the network fails. Nothing else is stored; POSTs (the submit) are never touched.

const CACHE = "borang-offline-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "borang:keep" || !Array.isArray(data.urls)) return;
  const urls = data.urls.map(sameOrigin).filter(Boolean);
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      let stored = 0;
      for (const url of new Set(urls)) {
        try {
          const response = await fetch(url, { credentials: "same-origin", cache: "no-cache" });
          if (response.ok && response.type === "basic") await cache.put(url, response);
        } catch {
          // Offline already, or the file went away: keep what is stored.
        }
        // Kept: stored now, fresh or from an earlier visit (an offline reload asks again).
        if (await cache.match(url, { ignoreVary: true })) stored += 1;
      }
      event.source?.postMessage({ type: "borang:kept", stored, asked: urls.length });
    }),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !sameOrigin(request.url)) return;
  event.respondWith(networkFirst(request));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // Keep stored copies fresh, but only of files a page asked to keep.
    if (response.ok && response.type === "basic" && (await cache.match(request, { ignoreVary: true }))) {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const stored =
      (await cache.match(request, { ignoreVary: true })) ??
      (request.mode === "navigate" ? await cache.match(request, { ignoreSearch: true, ignoreVary: true }) : undefined);
    if (stored) return stored;
    throw error;
  }
}

function sameOrigin(url) {
  try {
    const parsed = new URL(url, self.location.href);
    parsed.hash = "";
    return parsed.origin === self.location.origin && /^https?:$/.test(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
