// The toolbar button's popup: the rules for this site (zero-config, a preset or a rules file),
// remembered per site; attach or detach; auto-attach on this site; export and import the form
// as a values file; the drafts kept for this site. `?tab=<id>` targets another tab (tests
// open this page in a tab of its own, since a headless browser has no toolbar to click).
import * as ext from "./lib.js";

const { addSite, autoSites, choiceFor, localize, removeSite, setChoice, siteOf, t } = ext;

const $ = (id) => document.getElementById(id);
const say = (text) => ($("status").textContent = text);

let tabId;
let site;
let choice;
let attached = false;

function showAttached(state) {
  attached = (state?.attached ?? 0) > 0;
  $("toggle").textContent = t(attached ? "detach" : "attach");
  $("toggle").dataset.attached = String(attached);
  $("export").disabled = !attached;
  $("import").disabled = !attached;
  $("import-label").setAttribute("aria-disabled", String(!attached));
}

async function presets() {
  return (await fetch("presets.json")).json();
}

function readChoice() {
  const value = $("choice").value;
  const lang = $("lang").value;
  if (value === "zero") return { kind: "zero", lang };
  if (value === "file") return { kind: "file", name: choice.name, text: choice.text, lang };
  return { kind: "preset", preset: value.slice("preset:".length), lang };
}

async function toggle() {
  choice = readChoice();
  await setChoice(site, choice);
  const result = await ext.toggle(tabId, choice);
  if (result?.error) {
    say(t("statusError", result.error));
  } else if (result?.detached) {
    say(t("statusDetached"));
  } else if (!result?.attached) {
    say(t(result?.already ? "statusAlready" : "statusNoForm"));
  } else {
    say([t("statusAttached", result.attached, result.build === "js" ? "JavaScript" : "WebAssembly"), result.restored ? t("statusRestored") : ""].filter(Boolean).join(" "));
  }
  showAttached(result);
  $("status").dataset.done = String(Number($("status").dataset.done ?? 0) + 1);
  return result;
}

async function setAuto(on) {
  if (on) {
    if (!(await addSite(site))) {
      $("auto").checked = false;
      say(t("siteRefused", site));
    }
  } else {
    await removeSite(site);
  }
}

async function exportJson() {
  const values = await ext.valuesIn(tabId);
  if (!values) return;
  const name = `draf-${new URL(site).hostname}-${new Date().toISOString().slice(0, 10)}.json`;
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(values, null, 2)}\n`], { type: "application/json" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  say(t("exported", name));
}

async function importJson(file) {
  let values;
  try {
    values = JSON.parse(await file.text());
    if (!values || typeof values !== "object" || Array.isArray(values)) throw new Error("not an object");
  } catch {
    say(t("importBad", file.name));
    return;
  }
  say(t("imported", await ext.fillIn(tabId, values), file.name));
  $("status").dataset.done = String(Number($("status").dataset.done ?? 0) + 1);
}

async function start() {
  localize();
  const param = new URLSearchParams(location.search).get("tab");
  const tab = param ? await chrome.tabs.get(Number(param)) : (await chrome.tabs.query({ active: true, currentWindow: true }))[0];
  tabId = tab?.id;
  site = siteOf(tab?.url ?? "");
  const list = await presets();
  $("choice").replaceChildren(
    new Option(t("choiceZero"), "zero"),
    ...list.map((p) => new Option(p.title ? `${p.title} (${p.name})` : p.name, `preset:${p.name}`)),
    new Option(t("choiceFile"), "file"),
  );
  if (!site) {
    $("site").textContent = tab?.url ? new URL(tab.url).protocol : "—";
    say(t("statusCannot"));
    for (const el of document.querySelectorAll("button, select, input")) el.disabled = true;
    showAttached(null);
    return;
  }
  $("site").textContent = site;
  choice = await choiceFor(site);
  $("choice").value = choice.kind === "preset" ? `preset:${choice.preset}` : choice.kind === "file" && choice.text ? "file" : "zero";
  $("lang").value = choice.lang === "en" ? "en" : "id";
  $("file-row").hidden = $("choice").value !== "file";
  $("rules-name").textContent = choice.name ? t("rulesFileKept", choice.name) : "";
  $("auto").checked = (await autoSites()).includes(site);
  let state = null;
  try {
    state = await ext.stateIn(tabId);
  } catch {
    // no access to the tab yet (activeTab is granted by the click that opened this popup)
  }
  showAttached(state);
  say(state?.attached ? t("statusAttached", state.attached, state.build === "js" ? "JavaScript" : "WebAssembly") : t("statusIdle"));

  $("choice").addEventListener("change", () => {
    $("file-row").hidden = $("choice").value !== "file";
  });
  $("rules-file").addEventListener("change", async () => {
    const file = $("rules-file").files?.[0];
    if (!file) return;
    choice = { ...choice, name: file.name, text: await file.text() };
    $("rules-name").textContent = t("rulesFileKept", file.name);
  });
  $("toggle").addEventListener("click", () => toggle().catch((error) => say(t("statusError", error?.message ?? error))));
  $("auto").addEventListener("change", () => setAuto($("auto").checked).catch((error) => say(t("statusError", error?.message ?? error))));
  $("export").addEventListener("click", () => exportJson().catch((error) => say(t("statusError", error?.message ?? error))));
  $("import").addEventListener("change", async (event) => {
    const file = event.target.files?.[0];
    if (file) await importJson(file);
    event.target.value = "";
  });
  $("clear").addEventListener("click", async () => say(t("draftsCleared", await ext.clearDrafts(site))));
  document.documentElement.dataset.ready = "yes";
}

start();
