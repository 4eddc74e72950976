// borang as a portal adds it: the embed tag in the head (see bench/libs.mjs); the same page
// serves the JS-build row, whose page forbids WebAssembly.
const form = document.getElementById("proposal");
form.addEventListener("borang:update", () => window.__feedback());
const embed = await import("/borang/embed.js");
await embed.ready;
const handle = embed.attachmentFor(form);
if (!handle) throw new Error("borang did not attach");
window.__feedback();
// The package the embed loaded for this preset (the lean build: `load({ lean: true })` gives
// the same module back, so the page loads one build): WebAssembly, or the JS build where the
// page forbids it.
const mod = await embed.load({ lean: true });
const validator = mod.Validator.preset("kipp-2023", { lang: "id" });
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
let cached = null;
window.benchLib = {
  frame: true,
  // The DOM layer: finds the fields, re-reads every value, checks, renders, returns the report.
  checkAll: () => handle.check(),
  // The engine alone: Validator.check over values already read (string transfer included).
  engineCheck: () => validator.check((cached ??= values())),
  resetValues: () => { cached = null; },
  wasmBytes: async () => (mod.build === "wasm" ? (await mod.default()).memory.buffer.byteLength : null),
};
window.__benchReady = true;
