// Realistic proposals for the benchmark, built from the real Indonesian text in ../shared/corpus/
// (deterministic: the same size always gives the same text).
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

/** The KIPP 2023 text sections and their word limits (rules/kipp-2023.json). */
export const SECTIONS = [
  ["ringkasan", "Ringkasan", 200],
  ["latar_belakang", "Latar Belakang dan Tujuan", 300],
  ["kebaharuan", "Kebaruan/Nilai Tambah", 200],
  ["implementasi_inovasi", "Implementasi Inovasi", 200],
  ["signifikansi", "Signifikansi", 600],
  ["adaptabilitas_1", "Adaptabilitas: Sudah Direplikasi?", 100],
  ["adaptabilitas_2", "Adaptabilitas: Potensi Replikasi", 200],
  ["sumber_daya", "Sumber Daya", 200],
  ["keberlanjutan", "Strategi Keberlanjutan", 500],
];

// A few of the tokens a real proposal has that word counters disagree on.
const EXTRA = [
  "Layanan e-KTP dan/atau KIA kini selesai dalam 1 hari (sebelumnya 14 hari).",
  "Anggaran Rp1.500.000,00 per kecamatan; informasi di https://dukcapil.ppu.go.id/layanan.",
  "Program 2019–2024 melibatkan kader kupu-kupu desa — tanpa biaya tambahan.",
];

export function corpusSentences(dir) {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".txt")).sort() : [];
  const text = files.map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
  const sentences = text
    .split(/(?<=[.!?”])\s+/u)
    .map((s) => s.replace(/\s+/gu, " ").trim())
    .filter((s) => s.split(" ").length >= 4);
  return [...sentences, ...EXTRA];
}

/** Text of about `words` whitespace-separated words: shuffled corpus sentences in paragraphs. */
export function makeText(sentences, words, seed = 1) {
  let state = seed >>> 0 || 1;
  const rand = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const out = [];
  let count = 0;
  let inParagraph = 0;
  while (count < words) {
    const s = sentences[Math.floor(rand() * sentences.length)];
    const n = s.split(" ").length;
    if (count + n > words) {
      out.push(s.split(" ").slice(0, words - count).join(" "));
      break;
    }
    out.push(s);
    count += n;
    inParagraph++;
    if (inParagraph >= 4 + Math.floor(rand() * 3)) {
      out.push("\n\n");
      inParagraph = 0;
    } else out.push(" ");
  }
  return out.join("").replace(/ \n\n/gu, "\n\n").trim();
}

/** A whole proposal of about `total` words, shared among the sections by their limits. */
export function makeProposal(sentences, total) {
  const sum = SECTIONS.reduce((a, s) => a + s[2], 0);
  const values = {
    judul_proposal: "Layanan Adminduk Keliling Terpadu (LAKT) Kabupaten Penajam Paser Utara",
    link_youtube: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
  };
  SECTIONS.forEach(([id, , max], i) => {
    values[id] = makeText(sentences, Math.max(1, Math.round((total * max) / sum)), 7 + i);
  });
  return values;
}
