// The published JSON Schema (schema/rules.schema.json) accepts what the rules reader accepts and
// rejects what it rejects, checked with an independent validator (ajv, JSON Schema 2020-12).
// Run: node --test tests/node/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const schema = JSON.parse(readFileSync(`${REPO}schema/rules.schema.json`, "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const errors = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join("; ");

test("every preset is valid against the schema", () => {
  for (const file of readdirSync(`${REPO}rules`).filter((f) => f.endsWith(".json"))) {
    const rules = JSON.parse(readFileSync(`${REPO}rules/${file}`, "utf8"));
    assert.ok(validate(rules), `${file}: ${errors()}`);
  }
});

test("the shorthands and an extending file are valid", () => {
  const docs = [
    { extends: "kipp-2023", sections: { ringkasan: { words: { max: 250 } } } },
    {
      title: "Uji",
      sections: [
        { id: "e", title: "Surel", format: "email", required: { value: true, message: "Wajib" } },
        { id: "n", title: "NIP", pattern: "\\d{18}", fields: "nip" },
        { id: "w", title: "Ringkasan", words: { max: { value: 200, severity: "warning", message: { id: "x", en: "y" } } } },
        { id: "d", title: "Selesai", format: { type: "date", min: "2020-01-01" }, compare: [{ field: "mulai", op: ">" }] },
        { id: "k", title: "Inspirasi", when: [{ field: "kelompok", equals: "replikasi" }] },
      ],
    },
    // One shape for every check: `{value, severity, message}`, and a group's severity/message.
    {
      title: "Uji",
      sections: [
        { id: "w", title: "Ringkasan", words: { max: 200, warnAt: 0.9, severity: "warning", message: { id: "x" } } },
        { id: "e", title: "Surel", format: { value: "email", severity: "warning" } },
        { id: "d", title: "Tanggal", format: { value: { type: "date", min: "2020-01-01" }, message: "m" } },
        { id: "n", title: "NIP", pattern: { value: "\\d{18}", message: "m" } },
        { id: "s", title: "Selesai", compare: [{ value: { field: "d", op: ">" }, severity: "warning" }] },
        { id: "c", title: "Pilihan", choice: { value: ["a", "b"], message: "m" }, checked: { min: 1, message: "m" } },
        { id: "f", title: "Berkas", files: { maxBytes: 10, message: "m" } },
      ],
    },
  ];
  for (const doc of docs) assert.ok(validate(doc), `${JSON.stringify(doc)}: ${errors()}`);
});

test("what the reader refuses, the schema refuses", () => {
  const bad = [
    { title: "x", sections: [{ id: "a", title: "A", wrods: {} }] },
    { title: "x", sections: [{ id: "a", title: "A", words: { max: "200" } }] },
    { title: "x", sections: [{ id: "a", title: "A", format: "fax" }] },
    { title: "x", lang: "jv", sections: [] },
    { title: "x", sections: [{ title: "Tanpa id" }] },
    { title: "x", sections: [{ id: "a", title: "A", compare: [{ field: "b", op: "after" }] }] },
    { title: "x", sections: [{ id: "a", title: "A", files: { maxBytes: -1 } }] },
    { title: "x", sections: [{ id: "a", title: "A", words: { max: 2, pesan: "x" } }] },
    { title: "x", sections: [{ id: "a", title: "A", format: { value: "email", type: "url" } }] },
  ];
  for (const doc of bad) assert.equal(validate(doc), false, JSON.stringify(doc));
});
