// Periksa Berkas Aturan: lint a rules file in the browser, without building the CLI. Shows every
// problem with its path, what was expected and found, and the keys allowed there; for a valid
// file, the compiled sections. The same checks as `borang rules check` (one core, compiled to
// WebAssembly). Text from the file goes into the page with textContent only.

import { lint, loadBorang, renderProblems, renderSections } from "./rules-tools.js";

const DEBOUNCE_MS = 250;
const $ = (id) => document.getElementById(id);
const editor = $("editor");
const fileInput = $("berkas");
const status = $("lint-status");
const problemList = $("masalah");
const sectionRows = $("bagian");
const sectionNote = $("bagian-keterangan");
const loadStatus = $("muat-status");

let borang = null;

function setStatus(text, kind) {
  status.textContent = text;
  status.classList.toggle("ok", kind === "ok");
  status.classList.toggle("bad", kind === "bad");
}

function update() {
  if (!borang) return;
  const text = editor.value;
  if (!text.trim()) {
    renderProblems(problemList, []);
    renderSections(sectionRows, []);
    setStatus("Belum ada aturan.", "");
    return;
  }
  const problems = lint(borang, text);
  renderProblems(problemList, problems);
  if (problems.length) {
    renderSections(sectionRows, []);
    sectionNote.textContent = "Ditampilkan bila aturan tidak bermasalah.";
    setStatus(`${problems.length} masalah ditemukan.`, "bad");
    return;
  }
  let validator = null;
  try {
    validator = new borang.Validator(text);
    const sections = validator.sections();
    renderSections(sectionRows, sections);
    sectionNote.textContent = `${validator.title}: ${sections.length} bagian.`;
    setStatus(`Aturan valid: ${sections.length} bagian. Tidak ada masalah.`, "ok");
  } catch (err) {
    renderProblems(problemList, err?.problems ?? [{ path: "", message: String(err?.message ?? err) }]);
    setStatus("Aturan tidak dapat dikompilasi.", "bad");
  } finally {
    validator?.free?.();
  }
}

let timer = 0;
editor.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(update, DEBOUNCE_MS);
});

fileInput.addEventListener("change", async () => {
  const file = fileInput.files?.[0];
  if (!file) return;
  try {
    editor.value = await file.text();
  } catch (err) {
    setStatus(`Berkas ${file.name} tidak dapat dibaca: ${err?.message ?? err}`, "bad");
    return;
  }
  update();
});

async function start() {
  try {
    borang = await loadBorang();
  } catch (err) {
    console.warn("borang could not be loaded", err);
    loadStatus.replaceChildren(
      Object.assign(document.createElement("p"), {
        textContent: "Pemeriksa borang tidak dapat dimuat: halaman ini harus berada di folder borang (di samping borang.js) dan dibuka lewat server web.",
      }),
    );
    loadStatus.dataset.kind = "bad";
    return;
  }
  loadStatus.hidden = true;
  update();
}

start();
