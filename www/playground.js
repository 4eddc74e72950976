// Uji Aturan: a rules editor on the left, a form generated from the rules on the right with
// borang attached to it. Everything that comes from the rules or the user is put into the page
// with textContent (never innerHTML).

import { buildSection, el, restore, snapshot } from "./sections-form.js";
import { borangBase, lint, loadBorang, presetUrl as RULES_URL, renderProblems as renderInto } from "./rules-tools.js";

const BORANG_URL = new URL("borang.js", borangBase()).pathname;
const DEBOUNCE_MS = 300;

const $ = (id) => document.getElementById(id);
const editor = $("editor");
const presetSelect = $("preset");
const presetButton = $("preset-muat");
const lintStatus = $("lint-status");
const problemList = $("masalah");
const loadStatus = $("muat-status");
const form = $("uji");
const formTitle = $("form-judul");
const formNote = $("form-keterangan");
const submitResult = $("hasil-kirim");
const reportOut = $("laporan");
const modeSelect = $("mode");

/** The loaded module, or null while loading or when it failed to load. */
let borang = null;
/** What `attach` returned for the form on the right. */
let handle = null;
/** The rules text the form on the right was built from. */
let builtFrom = null;

function setLoadStatus(lines, kind = "info") {
  loadStatus.replaceChildren(...lines.map((line) => el("p", { text: line })));
  loadStatus.hidden = lines.length === 0;
  loadStatus.dataset.kind = kind;
}

function currentLang() {
  return document.querySelector('input[name="bahasa"]:checked')?.value === "en" ? "en" : "id";
}

// ---- Problems ------------------------------------------------------------------------------

function renderProblems(problems) {
  renderInto(problemList, problems);
}

function setLintStatus(text, kind) {
  lintStatus.textContent = text;
  lintStatus.classList.toggle("ok", kind === "ok");
  lintStatus.classList.toggle("bad", kind === "bad");
}

// ---- The generated form --------------------------------------------------------------------

function buildForm(title, sections) {
  const kept = snapshot(form);
  const body = el("div", { className: "block-body" });
  sections.forEach((section, i) => body.append(buildSection(section, i + 1)));
  const actions = el(
    "div",
    { className: "buttons" },
    el("button", { className: "btn", text: "Kirim (uji)", attrs: { type: "submit" } }),
  );
  form.replaceChildren(el("div", { className: "block" }, body), el("div", { className: "actions" }, actions));
  restore(form, kept);
  formTitle.textContent = title || "Formulir tanpa judul";
  formNote.textContent = `${sections.length} bagian, dibuat dari aturan pada editor.`;
  submitResult.hidden = true;
}

// ---- borang --------------------------------------------------------------------------------

function refreshReport() {
  if (!handle) {
    reportOut.textContent = "{}";
    return;
  }
  try {
    reportOut.textContent = JSON.stringify(handle.report(), null, 2);
  } catch (err) {
    reportOut.textContent = `Laporan tidak dapat dibuat: ${err?.message ?? err}`;
  }
}

function detach() {
  if (!handle) return;
  try {
    handle.detach();
  } catch (err) {
    console.warn("borang: detach failed", err);
  }
  handle = null;
}

function onSubmit(event) {
  // A playground: nothing is ever sent. borang's own listener ran first (it was added earlier),
  // so a prevented event means borang held the submission.
  const heldByBorang = event.defaultPrevented;
  event.preventDefault();
  let report = null;
  try {
    report = handle?.report() ?? null;
  } catch {
    report = null;
  }
  const errors = report?.errors ?? 0;
  submitResult.hidden = false;
  submitResult.classList.toggle("ok", !heldByBorang && errors === 0);
  submitResult.classList.toggle("bad", heldByBorang || errors > 0);
  if (heldByBorang) {
    submitResult.textContent = `Pengiriman ditahan oleh borang: ${errors} kesalahan perlu diperbaiki.`;
  } else if (errors > 0) {
    submitResult.textContent = `Mode saran: pengiriman tidak ditahan walaupun ada ${errors} kesalahan. (Uji coba: tidak ada yang dikirim.)`;
  } else {
    submitResult.textContent = "Formulir lolos pemeriksaan. Pada portal sungguhan, formulir dikirim sekarang. (Uji coba: tidak ada yang dikirim.)";
  }
}

function attach() {
  detach();
  if (!borang || builtFrom === null) return;
  if (typeof borang.attach !== "function") {
    formNote.textContent = "Versi borang ini belum menyediakan attach(); formulir ditampilkan tanpa pemeriksaan langsung.";
    refreshReport();
    return;
  }
  try {
    // No drafts: the playground keeps what was typed itself when it rebuilds the form.
    handle = borang.attach(form, builtFrom, { lang: currentLang(), mode: modeSelect.value, summary: "top", drafts: false });
  } catch (err) {
    handle = null;
    formNote.textContent = `borang tidak dapat dipasang: ${err?.message ?? err}`;
  }
  // Re-adding moves this listener after borang's, so it sees whether borang held the submission.
  form.removeEventListener("submit", onSubmit);
  form.addEventListener("submit", onSubmit);
  refreshReport();
}

function update() {
  if (!borang) return;
  const text = editor.value;
  const problems = lint(borang, text);
  renderProblems(problems);
  if (problems.length) {
    const kept = builtFrom === null ? "" : " Formulir contoh masih memakai aturan valid yang terakhir.";
    setLintStatus(`${problems.length} masalah ditemukan.${kept}`, "bad");
    return;
  }
  let title = "";
  let sections = [];
  let validator = null;
  try {
    validator = new borang.Validator(text, { lang: currentLang() });
    title = validator.title;
    sections = validator.sections();
  } catch (err) {
    const list = err?.problems ?? [{ path: "", message: String(err?.message ?? err) }];
    renderProblems(list);
    setLintStatus(`${list.length} masalah ditemukan.`, "bad");
    return;
  } finally {
    validator?.free?.();
  }
  setLintStatus(`Aturan valid: ${sections.length} bagian. Tidak ada masalah.`, "ok");
  if (text === builtFrom) return;
  detach();
  builtFrom = text;
  buildForm(title, sections);
  attach();
}

let timer = 0;
function scheduleUpdate() {
  clearTimeout(timer);
  timer = setTimeout(update, DEBOUNCE_MS);
}

// ---- Presets ---------------------------------------------------------------------------------

function fillPresetList() {
  let list = [];
  try {
    list = borang.presets() ?? [];
  } catch {
    return;
  }
  if (!list.length) return;
  const first = presetSelect.options[0];
  presetSelect.replaceChildren(first, ...list.map((p) => el("option", { text: p.title ? `${p.name} — ${p.title}` : p.name, attrs: { value: p.name } })));
}

async function loadPreset() {
  const name = presetSelect.value;
  if (!name) {
    setLintStatus("Pilih aturan bawaan terlebih dahulu.", "bad");
    presetSelect.focus();
    return;
  }
  presetButton.disabled = true;
  try {
    const response = await fetch(RULES_URL(name), { cache: "no-store" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    editor.value = await response.text();
  } catch (err) {
    // The preset is also built into borang: a one-line file that extends it is the same rules.
    editor.value = `{\n  "extends": ${JSON.stringify(name)}\n}\n`;
    setLintStatus(`Berkas ${RULES_URL(name)} tidak dapat dimuat (${err?.message ?? err}); editor memakai "extends" sebagai gantinya.`, "bad");
  } finally {
    presetButton.disabled = false;
  }
  update();
}

// ---- Start -----------------------------------------------------------------------------------

editor.addEventListener("input", scheduleUpdate);
presetButton.addEventListener("click", loadPreset);
modeSelect.addEventListener("change", attach);
for (const radio of document.querySelectorAll('input[name="bahasa"]')) radio.addEventListener("change", attach);
form.addEventListener("borang:update", refreshReport);
form.addEventListener("submit", onSubmit);

async function start() {
  let mod;
  try {
    mod = await loadBorang();
  } catch (err) {
    console.warn("borang could not be loaded", err);
    setLintStatus("Aturan belum dapat diperiksa.", "");
    setLoadStatus([
      "Pemeriksa borang belum tersedia di server ini, sehingga aturan belum dapat diperiksa dan formulir contoh belum dapat dibuat.",
      `Berkas ${BORANG_URL} tidak dapat dimuat. Setelah borang dibangun dan dipasang di /borang/, muat ulang halaman ini.`,
    ]);
    return;
  }
  borang = mod;
  setLoadStatus([]);
  fillPresetList();
  update();
}

start();
