// Periksa Draf's service worker: borang's opt-in offline worker, scoped to this folder.
// app.js asks it (keepOffline) to keep every file the app loaded, so the app opens and checks
// with no network after the first visit.
importScripts("../borang/offline-sw.js");
