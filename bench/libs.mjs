// The libraries the benchmark compares, each set up to do the KIPP form's job as closely as it
// can. `does` says what each one checks; where a library cannot do something borang does, the
// table says so instead of faking it.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { adminSnippet } from "../scripts/admin-snippet.mjs";
import { SECTIONS } from "./corpus.mjs";

const DIST_BORANG = fileURLToPath(new URL("../dist/borang/", import.meta.url));

const V = "/vendor"; // node_modules/, served by bench/run.mjs
const maxOf = Object.fromEntries(SECTIONS.map(([id, , max]) => [id, max]));

export const LIBS = [
  {
    id: "borang",
    label: "borang (wasm)",
    does: "office words, graphemes, sentences per section; required, URL host, files, choices; section totals and summary panel",
    // Exactly the README's snippet for admins (scripts/admin-snippet.mjs): the tag plus the
    // preload hints, so the glue, snippets, module and rules file are all fetched at once.
    get head() {
      if (!existsSync(`${DIST_BORANG}borang.js`)) throw new Error("dist/borang/ is missing: run `make dist` first");
      return adminSnippet(DIST_BORANG, "/borang/", {
        rules: "/borang/rules/kipp-2023.json", form: "#proposal", lang: "id", drafts: "off",
      });
    },
    tail: `<script type="module" src="/bench/pages/borang.js"></script>`,
    engine: true,
  },
  {
    id: "parsley",
    label: "Parsley.js 2.9.2 + words extra",
    does: "words by whitespace split (no office rules), required, URL; no characters, no section totals or summary",
    head: `<script src="${V}/jquery/dist/jquery.min.js"></script>
<script src="${V}/parsleyjs/dist/parsley.min.js"></script>
<script src="${V}/parsleyjs/src/extra/validator/words.js"></script>`,
    textarea: (id) => `required data-parsley-maxwords="${maxOf[id]}" data-parsley-trigger="input"`,
    input: (name) => (name === "link_youtube" ? `required data-parsley-trigger="input"` : `required`),
    tail: `<script src="/bench/pages/parsley.js"></script>`,
  },
  {
    id: "jqv",
    label: "jQuery Validation 1.22.1 + maxWords",
    does: "words by /\\b\\w+\\b/ after stripping HTML (no office rules), required, URL; no characters, no section totals or summary",
    head: `<script src="${V}/jquery/dist/jquery.min.js"></script>
<script src="${V}/jquery-validation/dist/jquery.validate.min.js"></script>
<script src="${V}/jquery-validation/dist/additional-methods.min.js"></script>`,
    tail: `<script src="/bench/pages/jqv.js"></script>`,
  },
  {
    id: "govuk",
    label: "GOV.UK Frontend 6.6.0 Character Count (data-maxwords)",
    does: "words by /\\S+/ per textarea and a counter; no required, URL, files or section totals",
    head: `<script type="module" src="/bench/pages/govuk.js"></script>`,
    wrap: (id, max, inner) =>
      `<div class="govuk-character-count" data-module="govuk-character-count" data-maxwords="${max}">
    ${inner.replace(`<textarea id="${id}"`, `<textarea class="govuk-textarea govuk-js-character-count" id="${id}"`)}
    <div id="${id}-info" class="govuk-hint govuk-character-count__message">Maksimal ${max} kata</div>
    </div>`,
  },
  {
    id: "valibot",
    label: "Valibot 1.5.0 maxWords (Intl.Segmenter)",
    does: "UAX #29 words via Intl.Segmenter (not office rules), required, URL; a message per field; no section totals",
    head: `<script type="module" src="/bench/pages/valibot.js"></script>`,
  },
  {
    id: "segmenter",
    label: "bare Intl.Segmenter loop",
    does: "isWordLike segments per field and a counter; nothing else",
    head: `<script type="module" src="/bench/pages/floor.js?segmenter"></script>`,
  },
  {
    id: "regex",
    label: "bare /\\S+/g count",
    does: "whitespace-separated tokens per field and a counter; nothing else",
    head: `<script type="module" src="/bench/pages/floor.js?regex"></script>`,
  },
];

/** The JS build of the engine (wasm2js), found in dist/borang/ at bench time: `path` is its URL. */
/**
 * borang's JavaScript build (wasm2js, dist/borang/js/): the page forbids WebAssembly with a
 * Content-Security-Policy, as a strict portal does, so the same embed tag loads the JS build.
 * Same engine, same DOM layer, same figures taken.
 */
export function jsBuildLib() {
  const [wasm] = LIBS;
  return {
    ...wasm,
    id: "borang-js",
    label: "borang (JS build, strict CSP)",
    does: "the same as borang (wasm): the same Rust compiled to JavaScript by wasm2js, loaded where a CSP forbids WebAssembly",
    // The embed tag alone: the WebAssembly path's preload hints would fetch a module this page
    // cannot use.
    head: `<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-inline'">\n<script type="module" src="/borang/embed.js" data-rules="/borang/rules/kipp-2023.json" data-form="#proposal" data-lang="id" data-drafts="off"></script>`,
  };
}
