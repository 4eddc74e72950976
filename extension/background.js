// The extension's service worker.
//
// 1. The only keeper of drafts and per-site choices for content scripts. A content script runs
//    in the page's renderer; it asks here for its own site's data, and this worker scopes every
//    request to the sender's origin (as the browser reports it, not as the script says), so a
//    page's process can neither read nor overwrite another site's drafts. Where the browser
//    allows, chrome.storage.local is closed to content scripts altogether.
// 2. Keeps the registered auto-attach script in step with the host permissions the browser
//    holds: a permission prompt opened from the popup can close the popup before its promise
//    settles; the grant still arrives here, and so does a permission withdrawn in the browser's
//    extension settings.
import { syncAutoScripts } from "./lib.js";

const DRAFT_PREFIX = "borang:draft:v1:";

chrome.storage.local.setAccessLevel?.({ accessLevel: "TRUSTED_CONTEXTS" })?.catch?.(() => {});

function originOf(sender) {
  if (sender.id !== chrome.runtime.id || !sender.tab) return null;
  let origin = sender.origin;
  try {
    origin ??= new URL(sender.url).origin;
  } catch {
    return null;
  }
  return /^https?:\/\//.test(origin) ? origin : null;
}

const isDraftKey = (key) => typeof key === "string" && key.startsWith(DRAFT_PREFIX) && key.length < 4096;

async function answer(message, origin) {
  const mirror = `draft|${origin}|`;
  switch (message?.type) {
    case "drafts": {
      const drafts = {};
      for (const [key, value] of Object.entries(await chrome.storage.local.get(null))) {
        if (key.startsWith(mirror) && typeof value?.text === "string") drafts[key.slice(mirror.length)] = value.text;
      }
      return drafts;
    }
    case "save": {
      const items = {};
      for (const [key, text] of Object.entries(message.drafts ?? {})) {
        if (isDraftKey(key) && typeof text === "string") items[mirror + key] = { text, savedAt: Date.now() };
      }
      await chrome.storage.local.set(items);
      return Object.keys(items).length;
    }
    case "drop": {
      const keys = (Array.isArray(message.keys) ? message.keys : []).filter(isDraftKey).map((key) => mirror + key);
      await chrome.storage.local.remove(keys);
      return keys.length;
    }
    case "choice": {
      const key = `site|${origin}`;
      return (await chrome.storage.local.get(key))[key] ?? null;
    }
    default:
      throw new Error(`unknown request ${JSON.stringify(message?.type)}`);
  }
}

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  const origin = originOf(sender);
  if (!origin) return false;
  answer(message, origin).then(
    (result) => reply({ result }),
    (error) => reply({ error: String(error?.message ?? error) }),
  );
  return true; // the reply comes later
});

const sync = () => syncAutoScripts().catch((error) => console.error(`borang: auto-attach scripts not updated: ${error?.message ?? error}`));
chrome.permissions.onAdded.addListener(sync);
chrome.permissions.onRemoved.addListener(sync);
chrome.runtime.onInstalled.addListener(sync);
