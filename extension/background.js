// The extension's service worker: keeps the registered content scripts in step with the host
// permissions the browser holds. A permission prompt opened from the popup can close the popup
// before its promise settles; the grant still arrives here, and so does a permission the
// applicant withdraws in the browser's own extension settings.
import { syncAutoScripts } from "./lib.js";

const sync = () => syncAutoScripts().catch((error) => console.error(`borang: auto-attach scripts not updated: ${error?.message ?? error}`));
chrome.permissions.onAdded.addListener(sync);
chrome.permissions.onRemoved.addListener(sync);
chrome.runtime.onInstalled.addListener(sync);
