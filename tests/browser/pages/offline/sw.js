// What an admin adds at the scope they choose, to opt in to offline reloads (README, "Offline").
importScripts("/borang/offline-sw.js");
