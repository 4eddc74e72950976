// The zero-config yardstick (issue 13): portal-shaped pages in pages/zc/, each with the
// inference a person reading the page expects written beside it (<page>.expected.json). For
// every page the embed attaches with no rules file; what it inferred (`sections()` and
// `inferredRules()`) is compared with the expectation and counted: stated limits found,
// missed or wrong, titles right, required right, invented sections (controls that are not
// fields, such as widget internals and hidden inputs) and invented limits. The test prints a
// table per page and the totals, and asserts the goal: every stated limit found, every title
// and required flag right, no invented section, no invented limit.
//
// The expected files: `control` is a CSS selector to the field's control on the page (for a
// group, its first control); `title` the visible title a person gives the field (from its
// label; compared case-insensitively, ignoring whitespace, a trailing ":" or "*" and a leading
// "1." numbering and separators such as " — " or ": "; a list gives the titles a person
// would accept; `titleContains` instead: words the title must contain); `required` per the `required` attribute or a visible mark (red "*",
// "(wajib)"); `words` / `chars` / `checked` with `min`/`max`, `files` with `maxBytes` (MiB,
// as rules files count them): every limit the page states, with `from` quoting the page.
// "lebih dari N" is read literally as more than N (min N+1) and "kurang dari N" as fewer than
// N (max N-1). `disagreement` marks a field whose page states two contradicting limits: either
// reading counts as found, and one console warning must name both texts. `notSections` lists
// controls that must never be sections.
//
// Run: make dist && node --test tests/browser/zc-corpus.test.mjs
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { borangReady, launch, openPage } from "./harness.mjs";

const DIR = new URL("./pages/zc/", import.meta.url);
const PAGES = readdirSync(DIR)
  .filter((f) => f.endsWith(".expected.json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, DIR), "utf8")));

/** The limit bounds counted, as [kind, bound] paths into a section's limits. */
const BOUNDS = [
  ["words", "min"], ["words", "max"],
  ["chars", "min"], ["chars", "max"],
  ["checked", "min"], ["checked", "max"],
  ["files", "maxBytes"], ["files", "maxFiles"],
];

let env;
before(async () => {
  env = await launch();
});
after(() => env?.close());

/** Opens a corpus page and waits for borang and for the page's editors to settle. */
async function openCorpusPage(spec) {
  const opened = await openPage(env.browser);
  await opened.page.goto(`${env.base}/test/zc/${spec.page}`);
  await borangReady(opened.page, spec.form);
  await opened.page.waitForLoadState("networkidle");
  await opened.page.waitForTimeout(500);
  return opened;
}

/**
 * In the page: borang's inferred sections, each with its limits (from `inferredRules()`)
 * and whether its first field's control is one of the expected controls (by index) or a
 * `notSections` control; plus the expected controls that do not exist on the page.
 */
function collect(page, spec) {
  return page.evaluate(
    async ({ formSelector, controls, notSections }) => {
      const form = document.querySelector(formSelector);
      const embed = await import("/borang/embed.js");
      const attachment = embed.attachmentFor(form);
      const sections = attachment.sections();
      const rulesText = attachment.inferredRules();
      let rules = null;
      try {
        rules = JSON.parse(rulesText);
      } catch {}
      const ruleById = Object.fromEntries((rules?.sections ?? []).map((s) => [s.id, s]));
      const ours = (el) => el.form === form || form.contains(el);
      // A field reference as borang resolves it: by name (`name@2`: the second control with
      // that name), then by id, then as a CSS selector.
      const resolve = (field) => {
        const m = /^(.*)@(\d+)$/.exec(field);
        const [name, nth] = m ? [m[1], Number(m[2])] : [field, 1];
        const named = [...document.querySelectorAll("[name]")].filter(
          (el) => el.getAttribute("name") === name && ours(el) && el.tagName !== "FORM",
        );
        if (named[nth - 1]) return named[nth - 1];
        const byId = document.getElementById(field);
        if (byId) return byId;
        try {
          return document.querySelector(field);
        } catch {
          return null;
        }
      };
      const describe = (el) => {
        if (!el) return "(nothing on the page)";
        let d = el.tagName.toLowerCase();
        if (el.type && el.tagName === "INPUT") d += `[type=${el.type}]`;
        if (el.getAttribute("name")) d += `[name=${el.getAttribute("name")}]`;
        if (el.id) d += `#${el.id}`;
        const cls = [...el.classList].slice(0, 2).join(".");
        if (cls) d += `.${cls}`;
        return d;
      };
      const expectedNodes = controls.map((c) => document.querySelector(c));
      const forbidden = notSections.flatMap((s) => [...document.querySelectorAll(s)]);
      const unwrap = (v) => (v !== null && typeof v === "object" && "value" in v ? v.value : v);
      return {
        traps: new Set(forbidden).size,
        missingControls: controls.filter((c, i) => !expectedNodes[i]),
        rulesParsed: rules !== null,
        sections: sections.map((s) => {
          const node = resolve(s.fields[0]);
          const rule = ruleById[s.id] ?? {};
          const limits = {};
          for (const kind of ["words", "chars", "checked", "files"]) {
            if (!rule[kind] || typeof rule[kind] !== "object") continue;
            for (const bound of ["min", "max", "maxBytes", "maxFiles"]) {
              if (rule[kind][bound] !== undefined) (limits[kind] ??= {})[bound] = unwrap(rule[kind][bound]);
            }
          }
          // sections() knows the word bounds even if the rules text were unreadable.
          if (s.minWords !== undefined) (limits.words ??= {}).min ??= s.minWords;
          if (s.maxWords !== undefined) (limits.words ??= {}).max ??= s.maxWords;
          return {
            id: s.id,
            title: s.title,
            required: s.required,
            fields: s.fields,
            limits,
            control: describe(node),
            multiple: Boolean(node?.multiple),
            expectedIndex: node ? expectedNodes.indexOf(node) : -1,
            forbidden: node !== null && forbidden.includes(node),
          };
        }),
      };
    },
    {
      formSelector: spec.form,
      controls: spec.sections.map((s) => s.control),
      notSections: spec.notSections ?? [],
    },
  );
}

const normTitle = (t) =>
  String(t ?? "")
    .replace(/\s+/g, " ")
    .replace(/\*/g, "")
    .trim()
    .replace(/^(\d+(\.\d+)*|[a-z])[.)]\s+/i, "")
    .replace(/\s*:\s*$/, "")
    .replace(/\s*[:—–-]\s+/g, " ")
    .trim()
    .toLowerCase();

/** Scores one page: counts and the list of concrete misses. */
function score(spec, got, warnings) {
  const s = {
    page: spec.page.replace(/\.html$/, ""),
    sections: spec.sections.length, matched: 0,
    limits: 0, found: 0,
    titles: 0, required: 0,
    inventedSections: 0, inventedLimits: 0,
    disagreements: 0, warned: 0,
    traps: got.traps,
    misses: [],
  };
  for (const c of got.missingControls) s.misses.push(`(corpus error) expected control ${c} is not on the page`);
  const byExpected = new Map();
  for (const sec of got.sections) {
    if (sec.expectedIndex >= 0 && !byExpected.has(sec.expectedIndex)) {
      byExpected.set(sec.expectedIndex, sec);
    } else {
      s.inventedSections++;
      const why = sec.expectedIndex >= 0 ? "a second section for an expected control" :
        sec.forbidden ? "a control listed as never a section" : "not a field a person sees";
      s.misses.push(`invented section "${sec.title}" (${sec.id}) on ${sec.control}: ${why}`);
    }
  }
  spec.sections.forEach((exp, i) => {
    const sec = byExpected.get(i);
    const name = [exp.title ?? exp.titleContains.join(" … ")].flat()[0];
    const stated = exp.disagreement ? 1 : BOUNDS.filter(([k, b]) => exp[k]?.[b] !== undefined).length;
    s.limits += stated;
    if (exp.disagreement) s.disagreements++;
    if (!sec) {
      s.misses.push(`no section for "${name}" (${exp.control})` + (stated ? `: ${stated} stated limit(s) missed (${exp.from})` : ""));
      return;
    }
    s.matched++;
    const titles = [exp.title ?? []].flat();
    const titleRight = exp.titleContains
      ? exp.titleContains.every((part) => normTitle(sec.title).includes(normTitle(part)))
      : titles.some((t) => normTitle(t) === normTitle(sec.title));
    if (titleRight) s.titles++;
    else {
      const want = exp.titleContains
        ? `a title containing ${exp.titleContains.map((t) => `"${t}"`).join(" and ")}`
        : titles.map((t) => `"${t}"`).join(" or ");
      s.misses.push(`title of ${exp.control}: "${sec.title}", expected ${want}`);
    }
    if (sec.required === exp.required) s.required++;
    else s.misses.push(`required of "${name}": ${sec.required}, expected ${exp.required}`);
    const readings = exp.disagreement ? exp.disagreement.readings : [exp];
    // The reading that explains most of what was inferred.
    let best = null;
    for (const reading of readings) {
      let found = 0;
      const missed = [];
      const invented = [];
      for (const [k, b] of BOUNDS) {
        const want = reading[k]?.[b];
        const have = sec.limits[k]?.[b];
        if (want !== undefined) {
          if (have === want) found++;
          else missed.push(`${k}.${b} ${have === undefined ? "not found" : `is ${have}`}, the page says ${want}`);
        } else if (have !== undefined && !(k === "files" && b === "maxFiles" && have === 1 && !sec.multiple)) {
          // (One file for a file input without `multiple` is the browser's own rule, not an invention.)
          invented.push(`${k}.${b} = ${have}`);
        }
      }
      if (!best || found - invented.length > best.found - best.invented.length) best = { found, missed, invented };
    }
    if (exp.disagreement) {
      const ok = best.missed.length === 0 && best.found > 0;
      if (ok) s.found++;
      else s.misses.push(`"${name}": neither reading of the disagreement (${exp.disagreement.texts.join(" / ")}) was taken`);
      const named = warnings.filter((w) => exp.disagreement.texts.every((t) => w.toLowerCase().includes(t.toLowerCase())));
      if (named.length === 1) s.warned++;
      else s.misses.push(`"${name}": ${named.length} console warnings name both "${exp.disagreement.texts.join('" and "')}" (expected 1)`);
    } else {
      s.found += best.found;
      for (const m of best.missed) s.misses.push(`"${name}": ${m} ("${exp.from}")`);
    }
    s.inventedLimits += best.invented.length;
    for (const m of best.invented) s.misses.push(`"${name}": invented limit ${m}`);
  });
  return s;
}

function table(rows) {
  const cols = [
    ["page", (r) => r.page],
    ["sections", (r) => `${r.matched}/${r.sections}`],
    ["limits found", (r) => `${r.found}/${r.limits}`],
    ["titles right", (r) => `${r.titles}/${r.sections}`],
    ["required right", (r) => `${r.required}/${r.sections}`],
    ["not-sections on page", (r) => String(r.traps)],
    ["invented sections", (r) => String(r.inventedSections)],
    ["invented limits", (r) => String(r.inventedLimits)],
  ];
  const cells = rows.map((r) => cols.map(([, f]) => f(r)));
  const widths = cols.map(([h], i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => "| " + c.map((v, i) => v.padEnd(widths[i])).join(" | ") + " |";
  return [line(cols.map(([h]) => h)), "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|", ...cells.map(line)].join("\n");
}

test("zero-config on the portal-shaped corpus: every stated limit, every title, no invented section", async () => {
  assert.ok(PAGES.length >= 12, `at least twelve corpus pages (found ${PAGES.length})`);
  const rows = [];
  for (const spec of PAGES) {
    const { context, page, log } = await openCorpusPage(spec);
    try {
      const got = await collect(page, spec);
      rows.push(score(spec, got, log.warnings));
      rows.at(-1).pageErrors = log.errors;
    } finally {
      await context.close();
    }
  }
  const total = rows.reduce(
    (t, r) => {
      for (const k of ["traps", "sections", "matched", "limits", "found", "titles", "required", "inventedSections", "inventedLimits", "disagreements", "warned"]) t[k] += r[k];
      return t;
    },
    { page: "TOTAL", traps: 0, sections: 0, matched: 0, limits: 0, found: 0, titles: 0, required: 0, inventedSections: 0, inventedLimits: 0, disagreements: 0, warned: 0 },
  );
  console.log(`\n${table([...rows, total])}\n`);
  console.log(
    `zero-config corpus: limits found ${total.found} of ${total.limits}, titles right ${total.titles} of ${total.sections}, ` +
      `required right ${total.required} of ${total.sections}, sections found ${total.matched} of ${total.sections}, ` +
      `invented sections ${total.inventedSections}, invented limits ${total.inventedLimits}, ` +
      `disagreements warned ${total.warned} of ${total.disagreements}`,
  );
  const misses = rows.flatMap((r) => [
    ...r.misses.map((m) => `${r.page}: ${m}`),
    ...r.pageErrors.map((e) => `${r.page}: console error: ${e}`),
  ]);
  if (misses.length) console.log(`\nmisses:\n  ${misses.join("\n  ")}\n`);
  assert.equal(rows.flatMap((r) => r.misses.filter((m) => m.startsWith("(corpus error)"))).length, 0, "the corpus names controls that exist");
  assert.deepEqual(
    {
      limitsFound: total.found,
      titlesRight: total.titles,
      requiredRight: total.required,
      inventedSections: total.inventedSections,
      inventedLimits: total.inventedLimits,
      disagreementsWarned: total.warned,
    },
    {
      limitsFound: total.limits,
      titlesRight: total.sections,
      requiredRight: total.sections,
      inventedSections: 0,
      inventedLimits: 0,
      disagreementsWarned: total.disagreements,
    },
    `the goal: every stated limit, title and required flag, no invented section or limit, a warning per disagreement\n  ${misses.join("\n  ")}`,
  );
});

test("inferredRules() is a real start: attaching with it gives the same sections on every corpus page", async () => {
  const failures = [];
  for (const spec of PAGES) {
    const { context, page, log } = await openCorpusPage(spec);
    try {
      const warnedBefore = [...log.warnings];
      const result = await page.evaluate(async (formSelector) => {
        const form = document.querySelector(formSelector);
        const embed = await import("/borang/embed.js");
        const zero = embed.attachmentFor(form);
        const counters = () =>
          Object.fromEntries(
            [...document.querySelectorAll(".borang-feedback")].map((f) => [
              f.dataset.field,
              f.querySelector(".borang-count:not([hidden])")?.textContent ?? null,
            ]),
          );
        const view = (handle) => ({
          counters: counters(),
          sections: handle.sections(),
          limits: handle.report().sections.map((s) => ({ id: s.id, title: s.title, limits: s.limits })),
        });
        const before = view(zero);
        const rules = zero.inferredRules();
        zero.detach();
        const borang = await import("/borang/borang.js");
        if (typeof borang.default === "function") await borang.default();
        let handle;
        try {
          handle = borang.attach(form, rules, { mode: "advise", summary: "none", drafts: false });
        } catch (e) {
          return { before, rules, error: String(e?.message ?? e) };
        }
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        await new Promise((done) => setTimeout(done, 100));
        const again = view(handle);
        handle.detach();
        return { before, rules, again };
      }, spec.form);
      if (result.error) {
        failures.push(`${spec.page}: attaching with inferredRules() failed: ${result.error}`);
        continue;
      }
      try {
        assert.deepEqual(result.again.sections, result.before.sections);
        assert.deepEqual(result.again.limits, result.before.limits);
        assert.deepEqual(result.again.counters, result.before.counters, "the same counters after each field");
      } catch (e) {
        failures.push(`${spec.page}: the sections differ with the inferred rules file:\n${e.message}`);
      }
      await page.waitForTimeout(200);
      // The rules file names only what the page has: attaching with it warns of nothing new
      // (no field the rules name but the page lacks).
      const newWarnings = log.warnings.slice(warnedBefore.length).filter((w) => !warnedBefore.includes(w));
      if (newWarnings.length) failures.push(`${spec.page}: attaching with inferredRules() warned: ${newWarnings.join(" | ")}`);
      const errors = log.errors.filter((e) => /borang/i.test(e));
      if (errors.length) failures.push(`${spec.page}: borang logged errors: ${errors.join(" | ")}`);
    } finally {
      await context.close();
    }
  }
  assert.deepEqual(failures, [], failures.join("\n\n"));
});

test("the corpus states limits in every phrasing issue 13 names", () => {
  const stated = PAGES.flatMap((p) => p.sections.flatMap((s) => [s.from ?? "", ...(s.disagreement?.texts ?? [])]))
    .join("\n")
    .toLowerCase();
  const phrasings = [
    "minimal", "maksimal", "maks.", "min.", "paling sedikit", "paling banyak", "sekurang-kurangnya",
    "tidak lebih dari", "tidak kurang dari", "lebih dari", "kurang dari", "antara 100–300 kata",
    "(*minimal 300 kata)", "kata", "karakter", "huruf", "max 250 words", "at least 50 words",
  ];
  assert.deepEqual(phrasings.filter((p) => !stated.includes(p)), []);
});
