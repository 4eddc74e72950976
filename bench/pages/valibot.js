// Valibot 1.5 with maxWords (Intl.Segmenter, locale id) and a message per field.
import * as v from "/vendor/valibot/dist/index.min.mjs";
const form = document.getElementById("proposal");
const shape = {
  judul_proposal: v.pipe(v.string(), v.nonEmpty("Wajib diisi")),
  link_youtube: v.pipe(v.string(), v.nonEmpty("Wajib diisi"), v.url("Bukan URL")),
};
for (const ta of form.querySelectorAll("textarea")) {
  const max = Number(/maksimal (\d+) kata/.exec(form.querySelector(`label[for="${ta.id}"]`).textContent)[1]);
  shape[ta.name] = v.pipe(v.string(), v.nonEmpty("Wajib diisi"), v.maxWords("id", max, `Maksimal ${max} kata`));
}
const schema = v.object(shape);
const names = Object.keys(shape);
const msg = Object.fromEntries(names.map((n) => [n, document.getElementById(`${n}-msg`)]));
function show(name, issues) {
  const text = issues ? issues.map((i) => i.message).join(" ") : "";
  if (msg[name].textContent !== text) msg[name].textContent = text;
}
function checkAll() {
  const values = {};
  for (const n of names) values[n] = form.elements.namedItem(n).value;
  const result = v.safeParse(schema, values);
  const byField = {};
  for (const issue of result.issues ?? []) (byField[issue.path?.[0]?.key] ??= []).push(issue);
  for (const n of names) show(n, byField[n]);
  return result;
}
form.addEventListener("input", (e) => {
  const n = e.target.name;
  if (shape[n]) show(n, v.safeParse(shape[n], e.target.value).issues);
});
checkAll();
window.__feedback();
window.benchLib = { frame: false, checkAll };
window.__benchReady = true;
