// What the popup and the options page share: texts, the per-site choice, the listed sites and
// their registered content scripts, and running the content script in a tab.

export const t = (name, ...subs) => chrome.i18n.getMessage(name, subs.map(String)) || name;

/** Fills every [data-i18n] element's text (and [data-i18n-title]'s title) from _locales. */
export function localize(root = document) {
  document.documentElement.lang = chrome.i18n.getMessage("@@ui_locale").startsWith("id") ? "id" : "en";
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-title]")) el.title = t(el.dataset.i18nTitle);
}

/** The language borang's messages default to: the browser's, Indonesian unless it is English. */
export const defaultLang = () => (chrome.i18n.getUILanguage().toLowerCase().startsWith("en") ? "en" : "id");

/** The site of a page borang can run on (http or https), or null. */
export function siteOf(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null;
  } catch {
    return null;
  }
}

/** The host-permission pattern of a site (any port: match patterns name hosts). */
export const patternOf = (site) => {
  const u = new URL(site);
  return `${u.protocol}//${u.hostname}/*`;
};

/** The rules chosen for a site: { kind: "zero" | "preset" | "file", preset?, name?, text?, lang }. */
export async function choiceFor(site) {
  const key = `site|${site}`;
  return (await chrome.storage.local.get(key))[key] ?? { kind: "zero", lang: defaultLang() };
}

export const setChoice = (site, choice) => chrome.storage.local.set({ [`site|${site}`]: choice });

export async function autoSites() {
  return (await chrome.storage.local.get("sites")).sites ?? [];
}

const AUTO_ID = "borang-auto";

/**
 * Registers the content scripts for the listed sites the extension holds a permission for
 * (persisting across browser restarts), or none when the list is empty.
 */
export async function syncAutoScripts() {
  const sites = await autoSites();
  const matches = [];
  for (const site of sites) {
    const pattern = patternOf(site);
    if (!matches.includes(pattern) && (await chrome.permissions.contains({ origins: [pattern] }))) matches.push(pattern);
  }
  // The popup, the options page and the service worker may sync at the same moment: update
  // what another registered meanwhile rather than fail on the duplicate id.
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [AUTO_ID] });
  if (!matches.length) {
    if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [AUTO_ID] }).catch(() => {});
    return matches;
  }
  const script = { id: AUTO_ID, matches, js: ["content.js", "auto.js"], runAt: "document_idle", persistAcrossSessions: true };
  if (existing.length) {
    await chrome.scripting.updateContentScripts([script]);
  } else {
    await chrome.scripting.registerContentScripts([script]).catch(() => chrome.scripting.updateContentScripts([script]));
  }
  return matches;
}

/**
 * Asks for access to `site` (a prompt, so only on a click) and lists it; false when refused.
 */
export async function addSite(site) {
  // Listed first: should the prompt close the popup, the grant still finds the site listed
  // (background.js registers the script when the permission arrives).
  const before = await autoSites();
  if (!before.includes(site)) await chrome.storage.local.set({ sites: [...before, site] });
  let granted = false;
  try {
    granted = await chrome.permissions.request({ origins: [patternOf(site)] });
  } finally {
    if (!granted) await chrome.storage.local.set({ sites: (await autoSites()).filter((s) => s !== site || before.includes(s)) });
  }
  await syncAutoScripts();
  return granted;
}

export async function removeSite(site) {
  const sites = (await autoSites()).filter((s) => s !== site);
  await chrome.storage.local.set({ sites });
  // Keep the permission while another listed site shares the host.
  if (!sites.some((s) => patternOf(s) === patternOf(site))) {
    await chrome.permissions.remove({ origins: [patternOf(site)] }).catch(() => false);
  }
  await syncAutoScripts();
}

/** Runs `func(...args)` in the tab's isolated world, after content.js when `load`; its result. */
export async function inTab(tabId, func, args = [], load = true) {
  if (load) await chrome.scripting.executeScript({ target: { tabId }, files: ["content.js"] });
  const [result] = await chrome.scripting.executeScript({ target: { tabId }, func, args });
  return result?.result;
}

// The functions below run in the page's isolated world (serialized by chrome.scripting): they
// may only use their arguments and what content.js defined there.

/** The toolbar button's action: attach with `choice`, or detach when attached. */
export const toggle = (tabId, choice) =>
  inTab(
    tabId,
    async (choice) => {
      try {
        const before = globalThis.borangExtension.state().attached;
        return { ...(await globalThis.borangExtension.toggle(choice)), detached: before > 0 };
      } catch (error) {
        return { error: String(error?.message ?? error) };
      }
    },
    [choice],
  );

/** Whether borang is attached in the tab (without loading anything into it). */
export const stateIn = (tabId) => inTab(tabId, () => globalThis.borangExtension?.state() ?? null, [], false);

export const valuesIn = (tabId) => inTab(tabId, () => globalThis.borangExtension?.values() ?? null, [], false);

export const fillIn = (tabId, values) => inTab(tabId, (values) => globalThis.borangExtension?.fill(values) ?? 0, [values], false);

/** Deletes the drafts of `site` kept in the extension's storage; how many. */
export async function clearDrafts(site) {
  const keys = Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith(`draft|${site}|`));
  await chrome.storage.local.remove(keys);
  return keys.length;
}
