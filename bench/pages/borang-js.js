// The JS build of the engine (wasm2js, for strict-CSP pages), when dist/borang/ has one:
// its `Validator` checks the form's values read from the page (no DOM layer of its own here).
const file = new URL(import.meta.url).searchParams.get("file");
const mod = await import(file);
if (typeof mod.default === "function") await mod.default();
const validator = mod.Validator.preset("kipp-2023", { lang: "id" });
const form = document.getElementById("proposal");
const fields = [...new Set([...form.elements].map((el) => el.name).filter(Boolean))];
function values() {
  const out = {};
  for (const name of fields) {
    const els = form.querySelectorAll(`[name="${name}"]`);
    const el = els[0];
    if (el.type === "file") out[name] = [];
    else if (el.type === "checkbox") out[name] = [...els].filter((e) => e.checked).map((e) => e.value);
    else if (el.type === "radio") out[name] = [...els].find((e) => e.checked)?.value ?? "";
    else out[name] = el.value;
  }
  return out;
}
const out = document.getElementById("signifikansi-msg");
form.addEventListener("input", (e) => {
  const section = validator.sections().find((s) => s.fields.includes(e.target.name));
  if (!section) return;
  const r = validator.checkSection(section.id, values());
  out.textContent = `${r.words} kata · ${r.status}`;
});
validator.check(values());
window.__feedback();
window.benchLib = { frame: false, checkAll: () => validator.check(values()) };
window.__benchReady = true;
