// Periksa Draf: an applicant's offline draft checker. Pick a preset or load a rules file, write
// or paste the proposal section by section, and see the same feedback as on the portal (the
// same borang, attached to a form built from the rules). The draft is kept on this device
// (localStorage) as it is typed; it can be saved as a JSON file that `borang check` reads, or
// as plain text per section for pasting into the portal, and opened again. After the first
// visit the app opens and works with no network (its service worker keeps the files).
// Everything from rules, drafts and files goes into the page as text, never as HTML.
import { keepOffline, load } from "../borang/embed.js";
import { buildSection, el } from "../sections-form.js";

const STORE = "periksa-draf:v1";
const DEFAULT_PRESET = "kipp-2023";
const SAVE_DELAY_MS = 400;

const $ = (id) => document.getElementById(id);
const form = $("draf");
const presetSelect = $("aturan");
const rulesFile = $("berkas-aturan");
const langSelect = $("bahasa");
const statusLine = $("status");
const problemsBox = $("masalah");

/** The borang package (WebAssembly or JavaScript build). */
let borang = null;
/** What borang.attach returned for the draft form. */
let handle = null;
/** The rules in force: `{ preset }` or `{ name, text }` for a file of one's own. */
let source = { preset: DEFAULT_PRESET };
/** The sections of the rules in force (borang's SectionInfo). */
let sections = [];
let title = "";
let offlineNote = "";
let lastSaid = ["", ""];

function say(text = lastSaid[0], kind = text === lastSaid[0] ? lastSaid[1] : "") {
  lastSaid = [text, kind];
  statusLine.textContent = [text, offlineNote].filter(Boolean).join(" ");
  statusLine.dataset.kind = kind;
}

// ---- Rules -----------------------------------------------------------------------------------

function showProblems(heading, problems) {
  problemsBox.hidden = problems.length === 0;
  $("masalah-judul").textContent = heading;
  $("masalah-daftar").replaceChildren(
    ...problems.map((p) =>
      el("li", {}, el("span", { className: "path", text: p.path || "(berkas)" }), document.createTextNode(p.message ?? String(p))),
    ),
  );
}

/** Compiles `candidate`; on problems shows them and returns false, keeping the rules in force. */
function useRules(candidate) {
  let validator;
  try {
    const options = { lang: langSelect.value };
    validator = candidate.preset
      ? borang.Validator.preset(candidate.preset, options)
      : new borang.Validator(candidate.text, options);
    title = validator.title;
    sections = validator.sections();
  } catch (error) {
    const problems = error?.problems ?? [{ path: "", message: String(error?.message ?? error) }];
    showProblems(`Berkas aturan ${candidate.name ?? candidate.preset} tidak dapat dipakai (${problems.length} masalah):`, problems);
    return false;
  } finally {
    validator?.free?.();
  }
  showProblems("", []);
  source = candidate;
  buildForm();
  return true;
}

function buildForm() {
  handle?.detach();
  handle = null;
  form.replaceChildren(
    el("div", { className: "block" }, el("div", { className: "block-body" }, ...sections.map((s, i) => buildSection(s, i + 1)))),
  );
  $("draf-judul").textContent = title || "Draf";
  $("draf-keterangan").textContent = source.preset
    ? `${sections.length} bagian, aturan bawaan "${source.preset}".`
    : `${sections.length} bagian, aturan dari berkas ${source.name}.`;
  try {
    // No drafts of its own: this app keeps the draft itself (and restores it without asking).
    handle = borang.attach(form, source.preset ?? source.text, { lang: langSelect.value, mode: "advise", drafts: false });
  } catch (error) {
    say(`Pemeriksa tidak dapat dipasang: ${error?.message ?? error}`, "bad");
  }
}

// ---- The draft's values ----------------------------------------------------------------------

/** The draft as a values file (what `borang check` reads): field name → text, list, or file. */
function readValues() {
  const values = {};
  for (const control of form.elements) {
    const name = control.name;
    if (!name || control.type === "button" || control.type === "submit") continue;
    if (control.type === "checkbox") {
      values[name] ??= [];
      if (control.checked) values[name].push(control.value);
    } else if (control.type === "radio") {
      if (control.checked) values[name] = control.value;
      else values[name] ??= "";
    } else if (control.type === "file") {
      const files = [...(control.files ?? [])].map((f) => ({ name: f.name, type: f.type, size: f.size }));
      if (files.length) values[name] = files.length === 1 ? files[0] : files;
    } else {
      values[name] = control.value;
    }
  }
  return values;
}

/** Puts `values` into the form; returns the names of file fields the user must pick again. */
function writeValues(values) {
  const again = new Set();
  for (const control of form.elements) {
    const name = control.name;
    if (!name || !Object.hasOwn(values, name)) continue;
    const value = values[name];
    if (control.type === "checkbox") {
      control.checked = Array.isArray(value) ? value.map(String).includes(control.value) : String(value) === control.value;
    } else if (control.type === "radio") {
      control.checked = String(value) === control.value;
    } else if (control.type === "file") {
      if (value && typeof value === "object") again.add(name);
    } else if (typeof value === "string" || typeof value === "number") {
      control.value = String(value);
    }
  }
  handle?.check();
  return [...again];
}

// ---- Keeping the draft on the device ---------------------------------------------------------

function save() {
  clearTimeout(saveTimer);
  saveTimer = 0;
  const record = { source, lang: langSelect.value, values: readValues(), savedAt: new Date().toISOString() };
  try {
    localStorage.setItem(STORE, JSON.stringify(record));
    say(`Draf tersimpan di perangkat ini, ${new Date(record.savedAt).toLocaleTimeString("id-ID")}.`);
  } catch (error) {
    say(
      `Draf TIDAK dapat disimpan di perangkat ini (${error?.name ?? "galat"}). Simpan sebagai JSON agar tulisan Anda tidak hilang.`,
      "bad",
    );
  }
}

let saveTimer = 0;
function saveSoon() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(save, SAVE_DELAY_MS);
}

/**
 * The same draft open in another tab saved: take its text when this tab has nothing unsaved
 * (both tabs then show the same draft); otherwise say so, so neither overwrites the other
 * unseen.
 */
function onOtherTab(event) {
  if (event.key !== STORE || event.storageArea !== localStorage || !event.newValue) return;
  let record;
  try {
    record = JSON.parse(event.newValue);
  } catch {
    return;
  }
  if (!record?.values || typeof record.values !== "object") return;
  const sameRules = JSON.stringify(record.source) === JSON.stringify(source);
  if (saveTimer === 0 && sameRules) {
    writeValues(record.values);
    say(`Diperbarui dari tab lain (${new Date(record.savedAt).toLocaleTimeString("id-ID")}).`);
  } else {
    say(
      "Draf ini juga diubah di tab lain. Lanjutkan di satu tab saja: yang terakhir menyimpan menimpa yang lain (simpan sebagai JSON bila ragu).",
      "bad",
    );
  }
}

function saved() {
  try {
    const record = JSON.parse(localStorage.getItem(STORE) ?? "null");
    return record && typeof record === "object" && record.values && typeof record.values === "object" ? record : null;
  } catch {
    return null;
  }
}

// ---- Export and import -----------------------------------------------------------------------

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { attrs: { href: url, download: name } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function fileStem() {
  const day = new Date().toISOString().slice(0, 10);
  const rules = (source.preset ?? source.name ?? "aturan").replace(/\.json$/i, "").replace(/[^\w.-]+/g, "-");
  return `draf-${rules}-${day}`;
}

function exportJson() {
  download(`${fileStem()}.json`, "application/json", `${JSON.stringify(readValues(), null, 2)}\n`);
  say(`Disimpan sebagai ${fileStem()}.json. Periksa dengan: borang check --rules ${source.preset ?? source.name} ${fileStem()}.json`);
}

/** Plain text, one block per section in form order, for pasting into the portal. */
function exportText() {
  const values = readValues();
  const blocks = [title || "Draf", ""];
  for (const section of sections) {
    const texts = (section.fields ?? [])
      .map((field) => values[field])
      .map((v) => (Array.isArray(v) ? (v.every((x) => typeof x === "string") ? v.join(", ") : "") : typeof v === "string" ? v : ""))
      .filter((v) => v.trim() !== "");
    blocks.push(section.title, "-".repeat(Math.min(section.title.length, 72)), texts.join("\n\n") || "(kosong)", "");
  }
  download(`${fileStem()}.txt`, "text/plain;charset=utf-8", `${blocks.join("\n").trimEnd()}\n`);
  say(`Disimpan sebagai ${fileStem()}.txt: teks per bagian untuk disalin ke portal.`);
}

async function importJson(file) {
  let values;
  try {
    values = JSON.parse(await file.text());
  } catch (error) {
    say(`${file.name} bukan berkas draf JSON (${error.message}). Draf yang sedang dibuka tidak diubah.`, "bad");
    return;
  }
  if (!values || typeof values !== "object" || Array.isArray(values)) {
    say(`${file.name} bukan berkas draf: isinya harus objek nama field → isi. Draf yang sedang dibuka tidak diubah.`, "bad");
    return;
  }
  const known = new Set([...form.elements].map((c) => c.name).filter(Boolean));
  const unknown = Object.keys(values).filter((name) => !known.has(name));
  const again = writeValues(values);
  save();
  const notes = [`Draf dari ${file.name} dibuka.`];
  if (again.length) notes.push(`Lampiran tidak ikut tersimpan; pilih lagi berkas untuk: ${again.join(", ")}.`);
  if (unknown.length) notes.push(`Field yang tidak ada pada aturan ini diabaikan: ${unknown.join(", ")}.`);
  say(notes.join(" "));
}

// ---- Start -----------------------------------------------------------------------------------

async function start() {
  try {
    borang = await load();
  } catch (error) {
    form.replaceChildren(el("p", { className: "notice notice-bad", text: `Pemeriksa tidak dapat dimuat: ${error?.message ?? error}` }));
    return;
  }
  const presets = borang.presets();
  presetSelect.replaceChildren(
    ...presets.map((p) => el("option", { text: p.title ? `${p.title} (${p.name})` : p.name, attrs: { value: p.name } })),
    el("option", { text: "Berkas aturan sendiri", attrs: { value: "", disabled: true } }),
  );

  const record = saved();
  if (record?.lang === "en" || record?.lang === "id") langSelect.value = record.lang;
  const wanted = record?.source?.preset || record?.source?.text ? record.source : { preset: DEFAULT_PRESET };
  if (!useRules(wanted)) useRules({ preset: DEFAULT_PRESET });
  presetSelect.value = source.preset ?? "";
  if (record) {
    writeValues(record.values);
    say(`Draf terakhir dibuka (tersimpan ${new Date(record.savedAt).toLocaleString("id-ID")}).`);
  } else {
    say("Mulai menulis: draf disimpan otomatis di perangkat ini.");
  }

  addEventListener("storage", onOtherTab);
  form.addEventListener("input", saveSoon);
  form.addEventListener("change", saveSoon);
  form.addEventListener("submit", (event) => event.preventDefault());
  // Closing or leaving the app saves at once, whatever the delay.
  addEventListener("pagehide", save);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") save();
  });
  presetSelect.addEventListener("change", () => {
    const kept = readValues();
    if (presetSelect.value && useRules({ preset: presetSelect.value })) {
      writeValues(kept);
      save();
    }
  });
  rulesFile.addEventListener("change", async () => {
    const file = rulesFile.files?.[0];
    if (!file) return;
    const kept = readValues();
    if (useRules({ name: file.name, text: await file.text() })) {
      presetSelect.value = "";
      writeValues(kept);
      save();
    }
    rulesFile.value = "";
  });
  langSelect.addEventListener("change", () => {
    const kept = readValues();
    useRules(source);
    writeValues(kept);
    save();
  });
  $("ekspor-json").addEventListener("click", exportJson);
  $("ekspor-teks").addEventListener("click", exportText);
  $("impor-json").addEventListener("change", async (event) => {
    const file = event.target.files?.[0];
    if (file) await importJson(file);
    event.target.value = "";
  });
  $("kosongkan").addEventListener("click", () => {
    if (!confirm("Mulai draf baru? Draf yang sekarang dihapus dari perangkat ini (simpan dulu sebagai JSON bila masih perlu).")) return;
    buildForm();
    save();
  });
  $("periksa-semua").addEventListener("click", () => {
    const report = handle?.check();
    if (report) say(`${report.complete} dari ${report.total} bagian lengkap; ${report.errors} kesalahan, ${report.warnings} peringatan.`);
  });
  // For scripts and tests: the report behind the feedback on screen.
  window.periksaDraf = Object.freeze({ report: () => handle?.report() ?? null });
  document.documentElement.dataset.ready = "yes";

  // Inside the browser extension the files are part of the extension: no worker is needed.
  const kept = location.protocol.endsWith("-extension:") ? 1 : await keepOffline("./sw.js");
  offlineNote = kept > 0 ? "Siap dipakai tanpa jaringan." : "";
  say();
  document.documentElement.dataset.offline = String(kept);
}

start();
