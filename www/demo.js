// Minimal demo: the KIPP 2023 preset, one field per text section, live counts and messages.
// All user and rules text goes into the page through textContent.
import init, { Validator } from "/pkg/borang.js";

const form = document.getElementById("form");
const summary = document.getElementById("summary");

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Which control a section gets: long texts a textarea, the title and the video link an input. */
function controlFor(section) {
  if (section.maxWords) return el("textarea", { rows: 6 });
  if (section.id === "judul") return el("input", { type: "text" });
  if (section.id === "video") return el("input", { type: "url", placeholder: "https://www.youtube.com/watch?v=…" });
  return null;
}

function renderCounter(node, report) {
  const words = report.limits.words;
  const chars = report.limits.chars;
  const [count, range, unit] = words ? [report.words, words, "kata"] : chars ? [report.chars, chars, "karakter"] : [];
  if (!range) return void (node.hidden = true);
  node.textContent = range.max !== undefined ? `${count} / ${range.max} ${unit}` : `${count} ${unit}`;
  node.classList.toggle("over", range.max !== undefined && count > range.max);
  node.classList.toggle("near", range.warnAt !== undefined && count >= range.warnAt && !(count > range.max));
}

function renderMessages(list, report, touched) {
  list.replaceChildren(
    ...(touched ? report.messages : []).map((m) => el("li", { className: m.severity, textContent: m.text })),
  );
}

async function main() {
  await init();
  const validator = Validator.preset("kipp-2023");
  const shown = [];
  for (const section of validator.sections()) {
    const control = controlFor(section);
    if (!control) continue;
    const id = `f-${section.id}`;
    Object.assign(control, { id, name: section.fields[0] });
    control.setAttribute("aria-describedby", `${id}-count ${id}-msg`);
    const counter = el("span", { className: "counter", id: `${id}-count` });
    const messages = el("ul", { className: "messages", id: `${id}-msg` });
    messages.setAttribute("aria-live", "polite");
    const label = el("label", { htmlFor: id, textContent: section.title });
    if (section.required) label.append(el("span", { className: "req", textContent: " *", title: "wajib" }));
    const help = el("p", { className: "help", textContent: section.help ?? "" });
    const box = el("div", { className: "field" }, label, help, control, el("div", { className: "meta" }, counter), messages);
    box.dataset.section = section.id;
    form.append(box);
    shown.push({ section, control, counter, messages, box, touched: false });
  }

  function update() {
    const values = Object.fromEntries(shown.map((s) => [s.control.name, s.control.value]));
    const report = validator.check(values);
    const byId = new Map(report.sections.map((s) => [s.id, s]));
    let complete = 0;
    for (const s of shown) {
      const r = byId.get(s.section.id);
      renderCounter(s.counter, r);
      renderMessages(s.messages, r, s.touched);
      s.box.dataset.status = s.touched ? r.status : "";
      if (r.status === "ok" || r.status === "warning") complete += 1;
    }
    summary.textContent = `${complete} dari ${shown.length} bagian lengkap`;
    summary.classList.toggle("done", complete === shown.length);
  }

  for (const s of shown) {
    s.control.addEventListener("input", () => {
      s.touched = true;
      update();
    });
    s.control.addEventListener("blur", () => {
      s.touched = true;
      update();
    });
  }
  update();
}

main().catch((err) => {
  summary.textContent = `Pemeriksa gagal dimuat: ${err.message ?? err}`;
  summary.classList.add("failed");
  console.error(err);
});
