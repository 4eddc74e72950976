// What the rules playground and the linter page share: where borang is, how a rules text is
// linted, and how problems and compiled sections are shown. Text from the rules or the user goes
// into the page with textContent only, never as HTML.

import { el } from "./sections-form.js";

/**
 * The folder borang's files are in: the page's `<html data-borang-base>`, resolved against the
 * page (the demo's www/ pages say `/borang/`; the copies in dist/borang/ say `./`).
 */
export function borangBase() {
  return new URL(document.documentElement.dataset.borangBase ?? "/borang/", location.href);
}

/** borang's module, initialised. Throws when it cannot be loaded. */
export async function loadBorang() {
  const mod = await import(new URL("borang.js", borangBase()).href);
  await mod.default();
  return mod;
}

/** The URL of a preset's rules file next to borang. */
export function presetUrl(name) {
  return new URL(`rules/${encodeURIComponent(name)}.json`, borangBase()).href;
}

/** Every problem of a rules text (`{path, message, expected?, found?, known?}`); none when valid. */
export function lint(borang, text) {
  try {
    const problems = borang.lintRules(text);
    return Array.isArray(problems) ? problems : [];
  } catch (err) {
    return err?.problems ?? [{ path: "", message: String(err?.message ?? err) }];
  }
}

function describeValue(value) {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Fills `list` (a `<ul>`) with one item per problem: its path, what is wrong, the keys allowed. */
export function renderProblems(list, problems) {
  list.replaceChildren(
    ...problems.map((p) => {
      const item = el("li");
      item.append(el("span", { className: "path", text: p.path ? p.path : "(seluruh berkas)" }));
      item.append(el("p", { text: p.message ?? "" }));
      const details = el("dl");
      const add = (term, value) => {
        const text = describeValue(value);
        if (text) details.append(el("dt", { text: term }), el("dd", { text }));
      };
      add("Diharapkan", p.expected);
      add("Ditemukan", p.found);
      const guess = p.suggestion ?? /did you mean `([^`]+)`/.exec(p.message ?? "")?.[1];
      if (guess) add("Mungkin maksud Anda", guess);
      if (Array.isArray(p.known) && p.known.length) add("Kunci yang dikenal", p.known.join(", "));
      if (details.childElementCount) item.append(details);
      return item;
    }),
  );
}

/** One line per limit a compiled section has, for the sections table. */
function limitsOf(s) {
  const out = [];
  if (s.required) out.push("wajib");
  if (s.minWords !== undefined) out.push(`≥ ${s.minWords} kata`);
  if (s.maxWords !== undefined) out.push(`≤ ${s.maxWords} kata`);
  if (s.format) out.push(`format ${s.format}`);
  if (Array.isArray(s.choice)) out.push(`pilihan: ${s.choice.join(", ")}`);
  if (s.checked) out.push("jumlah dicentang");
  if (Array.isArray(s.accept)) out.push(`berkas: ${s.accept.join(", ")}`);
  if (Array.isArray(s.dependsOn) && s.dependsOn.length) out.push(`membaca: ${s.dependsOn.join(", ")}`);
  return out.join("; ");
}

/** Fills `tbody` with the compiled sections (`Validator.sections()`): id, title, fields, limits. */
export function renderSections(tbody, sections) {
  tbody.replaceChildren(
    ...sections.map((s) =>
      el(
        "tr",
        { attrs: { "data-section": s.id } },
        el("td", {}, el("code", { text: s.id })),
        el("td", { text: s.title }),
        el("td", { text: (s.fields ?? []).join(", ") }),
        el("td", { text: limitsOf(s) }),
      ),
    ),
  );
}
