// The floor of what JS can do: a counter per field, with Intl.Segmenter (?segmenter) or a
// bare /\S+/g (?regex), and nothing else.
const form = document.getElementById("proposal");
const useSegmenter = import.meta.url.endsWith("?segmenter");
const segmenter = new Intl.Segmenter("id", { granularity: "word" });
function count(text) {
  if (!useSegmenter) return (text.match(/\S+/g) ?? []).length;
  let n = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
  return n;
}
const fields = [...form.querySelectorAll("textarea")].map((ta) => ({
  ta,
  max: Number(/maksimal (\d+) kata/.exec(form.querySelector(`label[for="${ta.id}"]`).textContent)[1]),
  out: document.getElementById(`${ta.id}-msg`),
}));
function update(f) {
  const text = `${count(f.ta.value)} / ${f.max} kata`;
  if (f.out.textContent !== text) f.out.textContent = text;
}
form.addEventListener("input", (e) => {
  const f = fields.find((f) => f.ta === e.target);
  if (f) update(f);
});
fields.forEach(update);
window.__feedback();
window.benchLib = { frame: false, checkAll: () => fields.forEach(update) };
window.__benchReady = true;
