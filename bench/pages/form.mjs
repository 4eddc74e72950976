// The bench page: the KIPP 2023 form as a regional portal has it, set up for one library.
// Served by bench/run.mjs at /bench/<lib>.html (?words=N prefills a proposal of N words).
import { SECTIONS } from "../corpus.mjs";

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * `lib`: { id, label, head: HTML (the library's script tags, as a portal adds them),
 *          textarea(id, max): attributes, wrap(id, max, inner): markup around a text field,
 *          input(name): attributes, tail: HTML (the page's set-up script) }.
 */
export function formPage(lib, values = {}) {
  const text = (id) => esc(values[id] ?? "");
  const wrap = lib.wrap ?? ((id, max, inner) => inner);
  const sections = SECTIONS.map(([id, title, max], i) => {
    const inner = `<label for="${id}">2.${i + 1} ${esc(title)} (maksimal ${max} kata)</label>
    <textarea id="${id}" name="${id}" rows="4" ${lib.textarea?.(id, max) ?? ""}>${text(id)}</textarea>`;
    return `  <div class="field" id="field-${id}">
    ${wrap(id, max, inner)}
    <div class="bench-msg" id="${id}-msg"></div>
    <label for="u_${id}">Lampiran (PDF, maks. 2 MB)</label>
    <input type="file" id="u_${id}" name="u_${id}" accept=".pdf,application/pdf">
  </div>`;
  }).join("\n");
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>bench: ${esc(lib.label)}</title>
<link rel="icon" href="data:,">
<style>body{font-family:sans-serif;margin:1rem 2rem;max-width:60rem}.field{margin:0 0 1rem}textarea{width:100%;box-sizing:border-box}label{display:block}</style>
<script>window.__t0 = performance.now(); window.__feedback = function () { if (window.__firstFeedbackAt === undefined) window.__firstFeedbackAt = performance.now(); };</script>
${lib.head ?? ""}
</head>
<body class="govuk-frontend-supported">
<h1>Proposal KIPP 2023</h1>
<form id="proposal" action="#" method="post" enctype="multipart/form-data" novalidate>
  <div class="field">
    <label for="judul_proposal">Judul Inovasi</label>
    <input type="text" id="judul_proposal" name="judul_proposal" value="${text("judul_proposal")}" ${lib.input?.("judul_proposal") ?? ""}>
    <div class="bench-msg" id="judul_proposal-msg"></div>
  </div>
${sections}
  <div class="field">
    <label for="link_youtube">Tautan video YouTube</label>
    <input type="url" id="link_youtube" name="link_youtube" value="${text("link_youtube")}" ${lib.input?.("link_youtube") ?? ""}>
    <div class="bench-msg" id="link_youtube-msg"></div>
  </div>
  <fieldset>
    <legend>Kelompok Inovasi</legend>
    <label><input type="radio" name="kelompok" value="umum" checked> Kelompok Umum</label>
    <label><input type="radio" name="kelompok" value="khusus"> Kelompok Khusus</label>
  </fieldset>
  <div class="field">
    <label for="id_kategori">Kategori Inovasi</label>
    <select id="id_kategori" name="id_kategori"><option value="">--</option><option value="1" selected>Tata kelola pemerintahan</option><option value="2">Pelayanan kesehatan</option></select>
  </div>
  <fieldset>
    <legend>SDGs</legend>
    <label><input type="checkbox" name="sdgs[]" value="16" checked> 16. Perdamaian, Keadilan dan Kelembagaan yang Tangguh</label>
    <label><input type="checkbox" name="sdgs[]" value="17"> 17. Kemitraan untuk Mencapai Tujuan</label>
  </fieldset>
  <button type="submit">Kirim Proposal</button>
</form>
<script src="/bench/pages/measure.js"></script>
${lib.tail ?? ""}
</body>
</html>
`;
}
